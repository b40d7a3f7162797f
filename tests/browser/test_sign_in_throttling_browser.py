"""Finding 1 of the security review, in a real browser: after five wrong passwords at the
admin's sign-in, the page itself says in Persian that signing in is paused and for how
long, and the right password no longer gets in."""

import re

import pytest

from charities.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_admin_sign_in_says_in_persian_that_it_is_paused(live_server, browser_page, settings):
    settings.AXES_ENABLED = True
    user = UserFactory(username="editor1")
    page = browser_page.page

    def sign_in(password):
        page.goto(live_server.url + "/admin/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("button[type=submit]")
        page.wait_for_load_state()

    for _attempt in range(5):
        sign_in("not-the-password")
    sign_in("a-good-password-123")

    assert re.search(r"/admin/login/$", page.url)
    message = page.locator(".messages .error").inner_text()
    assert "ورود موقتاً متوقف شده است" in message and "۱۵ دقیقهٔ دیگر" in message
    browser_page.screenshot("admin-sign-in-paused-fa")
    # The browser reports the refused sign-ins' status, and nothing else.
    assert [error for error in browser_page.console_errors if "status of 429" not in error] == []
