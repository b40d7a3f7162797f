"""A visitor browses the charity directory and opens a profile in a real browser."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_visitor_filters_the_directory_and_opens_a_trusted_profile(demo_server, browser_page):
    page = browser_page.page
    page.goto(demo_server.url + "/charities/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".charity-card").count() == 9
    browser_page.screenshot("charity-directory-fa")

    page.select_option("#charity-province", label="اصفهان")
    page.click(".filters button[type=submit]")
    page.wait_for_url("**/charities/?**province=IR-10**")
    titles = page.locator(".charity-card .card__title").all_inner_texts()
    assert set(titles) == {"کودکان فرشته اند", "دستهای مهربان"}

    with page.expect_navigation():
        page.locator(".charity-card .card__title a", has_text="دستهای مهربان").click()
    assert page.locator("h1").inner_text() == "دستهای مهربان"
    assert page.locator(".badge--trusted").is_visible()
    # In a right-to-left page the facts box sits to the left of the main column.
    main = page.locator(".charity-profile__main").bounding_box()
    facts = page.locator(".charity-profile__facts").bounding_box()
    assert facts["x"] < main["x"]
    browser_page.screenshot("charity-profile-fa")
    assert browser_page.console_errors == []
