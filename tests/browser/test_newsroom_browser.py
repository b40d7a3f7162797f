"""A visitor comments on the meeting report; the cultural & networking committee approves
the comment in the admin; then it shows under the article."""

import re

import pytest

from newsroom.models import Comment

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_visitor_comment_waits_for_moderation_then_shows(demo_server, browser_page):
    page = browser_page.page
    article_url = demo_server.url + "/news/second-meeting-report/"
    page.goto(article_url)
    page.fill("#id_name", "نرگس")
    page.fill("#id_email", "narges@example.org")
    page.fill("#id_text", "برای کارگروه آموزش داوطلب می‌شوم.")
    page.wait_for_timeout(2200)  # people take a moment; the spam guard refuses instant posts
    page.click("#comment-form button[type=submit]")
    page.wait_for_url(re.compile(r".*/news/second-meeting-report/.*"))
    notice = page.locator(".comments .notice--success")
    assert notice.is_visible()
    assert "تأیید" in notice.inner_text()
    assert (
        "برای کارگروه آموزش داوطلب می‌شوم." not in page.locator(".comment-list").first.inner_text()
    )
    browser_page.screenshot("comment-awaiting-moderation-fa")

    comment = Comment.objects.get(name="نرگس")
    assert comment.status == "pending"

    page.context.clear_cookies()
    page.goto(demo_server.url + "/admin/login/")
    page.fill("#id_username", "culture1")
    page.fill("#id_password", "nikrah-demo")
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r".*/admin/$"))
    page.goto(f"{demo_server.url}/admin/snippets/newsroom/comment/edit/{comment.pk}/")
    page.select_option("#id_status", "approved")
    with page.expect_navigation():
        page.locator("footer button[type=submit]").first.click()
    comment.refresh_from_db()
    assert comment.status == "approved"

    page.goto(article_url)
    assert "برای کارگروه آموزش داوطلب می‌شوم." in page.locator(".comment-list").first.inner_text()
    browser_page.screenshot("comment-approved-fa")
    assert browser_page.console_errors == []
