"""A visitor finds an opportunity in their province, signs up, applies and follows the
application; the charity's editor accepts it in the admin. All in a real browser."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.models import Province
from charities.services import add_editor
from opportunities.factories import OpportunityPageFactory
from opportunities.models import Application, OpportunityIndexPage
from tests.browser.conftest import ARTIFACTS
from workinggroups.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PASSWORD = "a-good-password-123"


@pytest.fixture
def opportunities(home_page):
    directory = CharityIndexPageFactory(parent=home_page)
    mehrvarzan = make_charity("مهرورزان", directory=directory)
    group = WorkingGroupPageFactory(
        parent=WorkingGroupIndexPageFactory(parent=home_page), slug="children", members=[mehrvarzan]
    )
    listing = OpportunityIndexPage(title="فرصت‌های داوطلبی", slug="opportunities")
    home_page.add_child(instance=listing)
    listing.save_revision().publish()
    shiraz = OpportunityPageFactory(
        parent=group,
        title="قصه‌گوی کتابخانه‌ی شیراز",
        slug="shiraz-storyteller",
        charity=mehrvarzan,
        province=Province.objects.get(code="IR-07"),
        places=3,
    )
    OpportunityPageFactory(
        parent=group,
        title="معلم ریاضی تهران",
        slug="tehran-tutor",
        charity=mehrvarzan,
        province=Province.objects.get(code="IR-23"),
    )
    editor1 = UserFactory(username="editor1", email="editor1@example.org")
    add_editor(mehrvarzan, editor1)
    return {"listing": listing, "shiraz": shiraz, "editor1": editor1}


def test_visitor_finds_applies_and_editor1_accepts(
    live_server, browser_page, new_browser_context, opportunities
):
    cache.clear()
    page = browser_page.page
    page.goto(live_server.url + "/opportunities/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.get_by_role("link", name="معلم ریاضی تهران").count() == 1

    # Filter by province: the filters stay in the URL.
    page.select_option("#opp-province", label="فارس")
    with page.expect_navigation():
        page.locator("form.filters button[type=submit]").click()
    assert "province=" in page.url
    assert page.get_by_role("link", name="معلم ریاضی تهران").count() == 0
    browser_page.screenshot("opportunities-filtered-fa")
    with page.expect_navigation():
        page.get_by_role("link", name="قصه‌گوی کتابخانه‌ی شیراز").click()
    assert page.locator("h1").inner_text() == "قصه‌گوی کتابخانه‌ی شیراز"

    # Applying needs an account: sign in, or sign up, and come back to the form.
    with page.expect_navigation():
        page.get_by_role("link", name="درخواست همکاری").first.click()
    assert "/account/login/" in page.url and "apply" in page.url
    with page.expect_navigation():
        page.locator("main").get_by_role("link", name=re.compile("ثبت‌نام")).first.click()
    assert "/account/signup/" in page.url and "apply" in page.url
    page.fill("#id_email", "sara.applicant@example.org")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    with page.expect_navigation():
        page.locator(".account-form button[type=submit]").click()
    confirm = re.search(r"https?://\S+/account/confirm-email/\S+/", mail.outbox[-1].body)
    page.goto(live_server.url + re.sub(r"^https?://[^/]+", "", confirm.group(0)))
    with page.expect_navigation():
        page.locator(".account-form button[type=submit]").click()
    # A new volunteer first tells charities their name, then comes back to the form.
    page.wait_for_url("**/volunteer/profile/edit/?next=*")
    page.fill("#id_display_name", "سارا رضایی")
    with page.expect_navigation():
        page.locator(".profile-form button[type=submit]").click()
    page.wait_for_url("**/shiraz-storyteller/apply/")

    page.fill("#id_motivation", "کتاب‌خوانی برای کودکان را دوست دارم.")
    page.fill("#id_availability", "پنجشنبه‌ها")
    page.locator("#id_consent").check()
    browser_page.screenshot("opportunity-apply-fa")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    page.wait_for_url("**/volunteer/applications/")
    row = page.locator("main").get_by_text("قصه‌گوی کتابخانه‌ی شیراز")
    assert row.count() >= 1
    assert "ارسال‌شده" in page.locator("main").inner_text()
    browser_page.screenshot("my-applications-fa")
    application = Application.objects.get(volunteer__email="sara.applicant@example.org")
    assert application.status == "submitted"

    # editor1 accepts the application in the admin.
    admin = new_browser_context().new_page()
    admin.goto(live_server.url + "/admin/login/")
    admin.fill("#id_username", "editor1")
    admin.fill("#id_password", PASSWORD)
    with admin.expect_navigation():
        admin.click("button[type=submit]")
    admin.goto(live_server.url + "/admin/applications/")
    listing = admin.locator("main").inner_text()
    assert "قصه‌گوی کتابخانه‌ی شیراز" in listing
    assert "کتاب‌خوانی" not in listing  # the motivation is in the applicant's details only
    with admin.expect_navigation():
        admin.get_by_role("link", name="سارا رضایی").first.click()
    assert f"/admin/applications/edit/{application.pk}/" in admin.url
    admin.get_by_label("پذیرفته‌شده").check()
    admin.fill("#id_message", "منتظر دیدارتان هستیم.")
    admin.screenshot(path=str(ARTIFACTS / "admin-decide-application-fa.png"), full_page=True)
    with admin.expect_navigation():
        admin.get_by_role("button", name="ذخیره").click()
    application.refresh_from_db()
    assert application.status == "accepted"
    admin.goto(live_server.url + f"/admin/applications/inspect/{application.pk}/")
    details = admin.locator("main").inner_text()
    assert "کتاب‌خوانی برای کودکان" in details and "sara.applicant@example.org" in details
    assert "سارا رضایی" in details
    assert application.message == "منتظر دیدارتان هستیم."

    page.reload()
    assert "پذیرفته‌شده" in page.locator("main").inner_text()
    assert browser_page.console_errors == []
