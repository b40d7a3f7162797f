"""Issue 14, point 4: a visitor types a few Persian letters in the header's search box,
sees suggestions, chooses one with the arrow keys or a tap, and lands on that page; on a
desktop and on a 390-pixel phone, right to left."""

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

OPTIONS = "#site-search-suggestions [role=option]"


def type_in_header_box(page, letters):
    box = page.get_by_role("combobox", name=re.compile("جستجوی اخبار"))
    box.press_sequentially(letters)
    page.locator(OPTIONS).first.wait_for()
    return box


def test_visitor_chooses_a_suggestion_with_the_keyboard_and_on_a_phone(demo_server, browser_page):
    page = browser_page.page
    page.goto(demo_server.url + "/")
    box = type_in_header_box(page, "داو")
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == "site-search-suggestions"
    options = page.locator(OPTIONS)
    count = options.count()
    assert 2 <= count <= 6
    persian_count = str(count).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    status = page.locator(".search-box [role=status]")
    assert status.inner_text().startswith(f"{persian_count} پیشنهاد")

    # ArrowDown twice and ArrowUp once: the first suggestion is chosen, then opened.
    box.press("ArrowDown")
    box.press("ArrowDown")
    box.press("ArrowUp")
    first = options.first
    assert box.get_attribute("aria-activedescendant") == first.get_attribute("id")
    assert first.get_attribute("aria-selected") == "true"
    title = first.locator(".search-box__suggestion-title").inner_text()
    browser_page.screenshot("search-suggestions-fa")
    with page.expect_navigation():
        box.press("Enter")
    assert page.locator("h1").inner_text() == title

    # Escape closes the list; Enter with nothing chosen searches on /search/.
    box = type_in_header_box(page, "کود")
    box.press("Escape")
    assert page.locator("#site-search-suggestions").is_hidden()
    assert box.get_attribute("aria-expanded") == "false"
    with page.expect_navigation():
        box.press("Enter")
    assert "/search/?q=" in page.url

    # On a phone the list fits the screen, and a tap opens the suggestion.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(demo_server.url + "/")
    type_in_header_box(page, "کود")
    listbox = page.locator("#site-search-suggestions").bounding_box()
    assert listbox["x"] >= 0 and listbox["x"] + listbox["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    browser_page.screenshot("search-suggestions-phone-fa")
    second = page.locator(OPTIONS).nth(1)
    title = second.locator(".search-box__suggestion-title").inner_text()
    with page.expect_navigation():
        second.click()
    assert page.locator("h1").inner_text() == title
    assert browser_page.console_errors == []
