"""Every review journey in the Persian admin, as the people of the demo make them: an editor
writes and submits, the committee the rule names approves (in the page editor, from the
dashboard, or in the review queue) or asks for changes, and the public sees the result."""

import datetime
import re

import pytest
from django.core import mail
from wagtail.models import Locale

from charities.models import CharityPage
from newsroom.models import NewsIndexPage, NewsPage
from opportunities.models import OpportunityPage
from tests.browser.admin import (
    add_paragraph,
    approve_in_queue,
    messages_text,
    open_review_queue,
    pick_date,
    press_footer_action,
    queue_row,
    request_changes_in_queue,
    sign_in,
    submit_for_review,
)
from workinggroups.models import ProjectPage

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

APPROVE = "تأیید"


@pytest.fixture(autouse=True)
def _patience(browser_page):
    browser_page.page.set_default_timeout(10_000)


def mehrvarzan_news_index():
    return NewsIndexPage.objects.get(
        locale__language_code="fa", url_path__endswith="/مهرورزان/news/"
    )


def write_news(page, server, title, text):
    """editor1 writes a news article under Mehrvarzan's news and submits it."""
    sign_in(page, server, "editor1")
    page.goto(f"{server.url}/admin/pages/{mehrvarzan_news_index().pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="افزودن زیرصفحه").first.click()
    page.fill("#id_title", title)
    page.fill("#id_summary", text)
    add_paragraph(page, "body", text)
    submit_for_review(page)
    return NewsPage.objects.get(title=title)


def test_culture1_approves_news_in_the_page_editor_and_it_is_in_the_newsroom(
    demo_server, browser_page
):
    page = browser_page.page
    news = write_news(page, demo_server, "جشن کتاب‌خوانی در محله", "کودکان محله کتاب خواندند.")
    assert not news.live

    sign_in(page, demo_server, "culture1")
    queue = page.locator("#awaiting-review-section")
    assert "جشن کتاب‌خوانی در محله" in queue.inner_text()
    with page.expect_navigation():
        queue.get_by_role("link", name="جشن کتاب‌خوانی در محله").click()
    browser_page.screenshot("review-culture1-editor-fa")
    press_footer_action(page, APPROVE)

    assert "منتشر" in messages_text(page), messages_text(page)
    assert "مجوز" not in messages_text(page)
    browser_page.screenshot("review-culture1-approved-fa")
    news.refresh_from_db()
    assert news.live and not news.has_unpublished_changes
    assert news.current_workflow_state is None
    page.goto(demo_server.url + "/news/")
    assert "جشن کتاب‌خوانی در محله" in page.locator("main").inner_text()


def test_culture1_approves_the_demo_news_from_the_dashboard_row(demo_server, browser_page):
    page = browser_page.page
    waiting = NewsPage.objects.get(title="فراخوان داوطلب برای اردوی تابستانی")
    assert not waiting.live

    sign_in(page, demo_server, "culture1")
    row = page.locator("#awaiting-review-section").locator("tr", has_text=waiting.title)
    browser_page.screenshot("review-dashboard-fa")
    with page.expect_navigation():
        row.get_by_role("button", name=APPROVE, exact=True).click()

    assert page.url.endswith("/admin/")
    assert "منتشر" in messages_text(page)
    waiting.refresh_from_db()
    assert waiting.live
    page.goto(demo_server.url + "/news/")
    assert waiting.title in page.locator("main").inner_text()


def add_child_page(page, server, parent, type_name):
    """From the parent's listing in the explorer: «افزودن زیرصفحه», then the page type
    if Wagtail asks for one."""
    page.goto(f"{server.url}/admin/pages/{parent.pk}/")
    with page.expect_navigation():
        page.get_by_role("link", name="افزودن زیرصفحه").first.click()
    if "/add_subpage/" in page.url:
        with page.expect_navigation():
            page.get_by_role("link", name=type_name, exact=True).first.click()


def write_opportunity(page, server, username, project, title, kind_label):
    sign_in(page, server, username)
    add_child_page(page, server, project, "فرصت داوطلبی")
    page.fill("#id_title", title)
    page.fill("#id_summary", "یک فرصت داوطلبی برای آخر هفته‌ها.")
    add_paragraph(page, "description", "داوطلبان با کودکان کتاب می‌خوانند.")
    page.locator("#id_kind").select_option(label=kind_label)
    page.locator("#id_is_remote").check()
    pick_date(page, "#id_starts_on", 20, months_ahead=2)
    page.fill("#id_places", "4")
    submit_for_review(page)
    return OpportunityPage.objects.get(title=title)


def test_exec1_approves_editor1s_opportunity_in_the_review_queue(demo_server, browser_page):
    page = browser_page.page
    project = ProjectPage.objects.get(slug="mobile-library", locale__language_code="fa")
    opportunity = write_opportunity(
        page, demo_server, "editor1", project, "کتاب‌خوانی آنلاین با کودکان", "یک‌باره"
    )
    assert not opportunity.live and opportunity.charity.name == "مهرورزان"
    assert opportunity.starts_on > datetime.date.today()

    # The children working group's committee is the executive committee.
    sign_in(page, demo_server, "culture1")
    open_review_queue(page)
    assert queue_row(page, opportunity.title).count() == 0
    sign_in(page, demo_server, "exec1")
    open_review_queue(page)
    browser_page.screenshot("review-queue-exec1-fa")
    # On a phone the row's actions stay in reach.
    page.set_viewport_size({"width": 390, "height": 844})
    approve = queue_row(page, opportunity.title).get_by_role("button", name=APPROVE, exact=True)
    approve.scroll_into_view_if_needed()
    assert approve.is_visible()
    browser_page.screenshot("review-queue-exec1-phone-fa")
    approve_in_queue(page, opportunity.title)

    assert "منتشر" in messages_text(page)
    opportunity.refresh_from_db()
    assert opportunity.live
    page.goto(demo_server.url + "/opportunities/")
    assert opportunity.title in page.locator("main").inner_text()


def test_edu1_approves_a_training_in_the_page_editor(demo_server, browser_page):
    page = browser_page.page
    project = ProjectPage.objects.get(slug="mobile-library", locale__language_code="fa")
    training = write_opportunity(
        page, demo_server, "editor1", project, "آموزش قصه‌گویی برای داوطلبان", "آموزشی"
    )

    sign_in(page, demo_server, "exec1")
    open_review_queue(page)
    assert queue_row(page, training.title).count() == 0
    sign_in(page, demo_server, "edu1")
    open_review_queue(page)
    with page.expect_navigation():
        queue_row(page, training.title).get_by_role("link", name=training.title).click()
    press_footer_action(page, APPROVE)

    assert "منتشر" in messages_text(page)
    training.refresh_from_db()
    assert training.live


def test_exec1_compares_and_approves_a_change_to_a_charity_profile(demo_server, browser_page):
    page = browser_page.page
    profile = CharityPage.objects.get(slug="مهرورزان", locale__language_code="fa")
    sign_in(page, demo_server, "editor1")
    page.goto(f"{demo_server.url}/admin/pages/{profile.pk}/edit/")
    page.fill("#id_summary", "انجمنی مردمی برای کودکان و خانواده‌ها در تهران.")
    submit_for_review(page)
    profile.refresh_from_db()
    assert profile.has_unpublished_changes
    assert "در تهران" not in profile.summary  # the live version is unchanged

    sign_in(page, demo_server, "exec1")
    open_review_queue(page)
    with page.expect_navigation():
        queue_row(page, profile.title).get_by_role("link", name="مقایسه با نسخهٔ منتشرشده").click()
    assert "در تهران" in page.locator("main").inner_text()
    browser_page.screenshot("review-compare-profile-fa")
    open_review_queue(page)
    approve_in_queue(page, profile.title)

    profile.refresh_from_db()
    assert "در تهران" in profile.summary and not profile.has_unpublished_changes
    page.goto(demo_server.url + profile.url)
    assert "در تهران" in page.locator("main").inner_text()


def test_changes_requested_then_made_then_approved(demo_server, browser_page):
    page = browser_page.page
    news = write_news(page, demo_server, "کارگاه نقاشی", "کودکان نقاشی کردند.")

    mail.outbox.clear()
    sign_in(page, demo_server, "culture1")
    open_review_queue(page)
    request_changes_in_queue(page, news.title, "لطفاً تاریخ کارگاه را بنویسید.")
    assert "اصلاح" in messages_text(page)
    news.refresh_from_db()
    assert not news.live
    to_author = [message for message in mail.outbox if "editor1" in " ".join(message.to)]
    assert to_author and "لطفاً تاریخ کارگاه را بنویسید." in to_author[0].body

    # editor1 sees the request on the dashboard and in the editor, edits and resubmits.
    sign_in(page, demo_server, "editor1")
    assert news.title in page.locator("main").inner_text()
    with page.expect_navigation():
        page.get_by_role("link", name=news.title).first.click()
    assert "لطفاً تاریخ کارگاه را بنویسید." in page.locator("body").inner_text()
    page.fill("#id_summary", "کودکان در ۱۲ دی نقاشی کردند.")
    browser_page.screenshot("review-changes-requested-editor-fa")
    submit_for_review(page)

    sign_in(page, demo_server, "culture1")
    open_review_queue(page)
    approve_in_queue(page, news.title)
    news.refresh_from_db()
    assert news.live and news.summary == "کودکان در ۱۲ دی نقاشی کردند."


def test_an_english_translation_is_reviewed_and_goes_live_under_en(demo_server, browser_page):
    page = browser_page.page
    profile = CharityPage.objects.get(slug="مهرورزان", locale__language_code="fa")
    english = profile.get_translation(Locale.objects.get(language_code="en"))
    sign_in(page, demo_server, "editor1")
    page.goto(f"{demo_server.url}/admin/pages/{english.pk}/edit/")
    summary = "A grassroots association that supports children and families with volunteers."
    page.fill("#id_summary", summary)
    submit_for_review(page)
    english.refresh_from_db()
    assert english.summary != summary  # the live English page is unchanged until approved

    sign_in(page, demo_server, "exec1")
    open_review_queue(page)
    row = queue_row(page, english.title)
    assert "انگلیسی" in row.inner_text()  # the queue says which language it reviews
    approve_in_queue(page, english.title)

    english.refresh_from_db()
    assert english.summary == summary and english.live
    page.goto(demo_server.url + english.url)
    assert page.locator("html").get_attribute("lang") == "en"
    assert summary in page.locator("main").inner_text()
    browser_page.screenshot("review-english-translation-live")


def test_an_editor_translates_a_live_news_article_and_the_committee_publishes_it(
    demo_server, browser_page
):
    page = browser_page.page
    profile = CharityPage.objects.get(slug="مهرورزان", locale__language_code="fa")
    english = Locale.objects.get(language_code="en")
    news = next(
        article
        for article in NewsPage.objects.live()
        .descendant_of(profile)
        .filter(locale__language_code="fa")
        if article.get_translation_or_none(english) is None
    )
    sign_in(page, demo_server, "editor1")
    page.goto(f"{demo_server.url}/admin/pages/{news.pk}/edit/")
    page.locator("header [data-w-dropdown-target='toggle']").first.click()
    page.get_by_role("link", name="ترجمهٔ این صفحه").click()
    page.get_by_label("انگلیسی").check()
    browser_page.screenshot("translate-choose-language")
    with page.expect_navigation():
        page.get_by_role("button", name="ارسال", exact=True).click()

    # The translation editor: each text is translated and saved where it stands.
    title = "Winter clothes handed out with volunteers"
    for text in (title, "Mehrvarzan volunteers handed out winter clothes to families."):
        page.get_by_role("button", name="ترجمه", exact=True).first.click()
        page.locator(".js-translation-editor textarea").first.fill(text)
        page.get_by_role("button", name="ذخیره", exact=True).first.click()
        page.get_by_text(text, exact=True).wait_for()
    # wagtail-localize's own English (heading, labels, dates) is in Persian too.
    editor_text = page.locator(".js-translation-editor").inner_text()
    assert "ترجمه از فارسی به انگلیسی" in editor_text
    assert not re.search(
        r"January|February|March|April|May|June|July|August|September|"
        r"October|November|December| translation\b",
        editor_text,
    )
    assert "More actions" not in page.content()
    browser_page.screenshot("translate-editor-fa")
    # On a phone, the submit button is on screen, not under the editor's sticky footer.
    page.set_viewport_size({"width": 390, "height": 844})
    submit = page.get_by_role("button", name="ارسال برای بررسی", exact=True)
    submit.scroll_into_view_if_needed()
    box = submit.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    browser_page.screenshot("translate-editor-390")
    with page.expect_navigation():
        submit.click()
    assert f"ترجمهٔ «{title}» برای بررسی فرستاده شد." in messages_text(page)
    translation = news.get_translation(english)
    assert not translation.live

    sign_in(page, demo_server, "culture1")
    open_review_queue(page)
    assert "انگلیسی" in queue_row(page, title).inner_text()
    approve_in_queue(page, title)
    translation.refresh_from_db()
    assert translation.live and translation.title == title
    page.goto(demo_server.url + translation.url)
    assert page.locator("html").get_attribute("lang") == "en"
    assert title in page.locator("main").inner_text()
    browser_page.screenshot("translate-live-under-en")
