"""A visitor opens Nikrah in Persian and in English in a real browser."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_home_in_persian_is_right_to_left_in_the_bundled_font(demo_server, browser_page):
    page = browser_page.page
    response = page.goto(demo_server.url + "/")
    assert response.status == 200
    page.evaluate("document.fonts.ready.then(() => true)")

    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "fa"
    assert page.locator("h1").inner_text() == "نیکراه"

    fonts = browser_page.fonts_used_by(".hero__lead")
    assert fonts, "no font rendered the Persian text"
    assert fonts[0]["familyName"] == "Vazirmatn"
    assert fonts[0]["isCustomFont"] is True  # the web font from /static, not a system font

    # Right to left: the brand sits at the right edge of the header.
    brand = page.locator(".site-header__brand").bounding_box()
    assert brand["x"] + brand["width"] > 1280 / 2

    browser_page.screenshot("home-fa")
    assert browser_page.console_errors == []


def test_home_in_english_is_left_to_right(demo_server, browser_page):
    page = browser_page.page
    response = page.goto(demo_server.url + "/en/")
    assert response.status == 200
    page.evaluate("document.fonts.ready.then(() => true)")

    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Nikrah"
    brand = page.locator(".site-header__brand").bounding_box()
    assert brand["x"] < 1280 / 2

    browser_page.screenshot("home-en")
    assert browser_page.console_errors == []


def test_keyboard_user_can_skip_to_the_content(demo_server, browser_page):
    page = browser_page.page
    page.goto(demo_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_language_switcher_leads_to_the_english_article(demo_server, browser_page):
    page = browser_page.page
    page.goto(demo_server.url + "/news/second-meeting-report/")
    assert "۲۰ دی ۱۴۰۱" in page.locator(".article__date").inner_text()
    page.locator(".language-switcher a[hreflang=en]").click()
    page.wait_for_url("**/en/news/second-meeting-report/")
    assert "10 January 2023" in page.locator(".article__date").inner_text()
    assert browser_page.console_errors == []
