"""A visitor becomes a volunteer in a real browser: signs up in Persian, confirms the e-mail,
writes a profile and sees it."""

import re

import pytest
from django.core import mail
from django.core.cache import cache

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_visitor_signs_up_confirms_the_email_and_writes_a_profile(live_server, browser_page):
    cache.clear()  # allauth's rate limits live in the cache; start from none
    page = browser_page.page
    page.goto(live_server.url + "/account/signup/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "fa"
    page.fill("#id_email", "sara.browser@example.org")
    page.fill("#id_password1", "a-good-password-123")
    page.fill("#id_password2", "a-good-password-123")
    browser_page.screenshot("volunteer-signup-fa")
    page.locator(".account-form button[type=submit]").click()
    page.wait_for_url("**/account/confirm-email/")

    assert len(mail.outbox) == 1
    confirm_url = re.search(r"https?://\S+/account/confirm-email/\S+/", mail.outbox[0].body)
    page.goto(live_server.url + re.sub(r"^https?://[^/]+", "", confirm_url.group(0)))
    page.locator(".account-form button[type=submit]").click()
    page.wait_for_url("**/volunteer/profile/edit/")

    browser_page.screenshot("volunteer-profile-form-fa")
    page.fill("#id_display_name", "سارا رضایی")
    page.select_option("#id_province", label="تهران")
    # Progressive enhancement: only Tehran's cities remain to choose from.
    assert page.evaluate("document.querySelector('#id_city optgroup[label=\"فارس\"]').disabled")
    page.select_option("#id_city", label="تهران")
    page.fill("#id_skills", "کمک‌های اولیه، آموزش کودکان")
    page.get_by_label("کودکان", exact=True).check()
    page.locator("#id_availability_2").check()
    page.fill("#id_languages", "فارسی، انگلیسی")
    page.fill("#id_bio", "دوست دارم به کودکان درس بدهم.")
    page.locator(".profile-form button[type=submit]").click()
    page.wait_for_url("**/volunteer/profile/")

    assert page.locator("h1").inner_text() == "سارا رضایی"
    assert {"کمک‌های اولیه", "آموزش کودکان"} <= set(page.locator(".tag-list li").all_inner_texts())
    # Right to left: the title starts at the right edge of the card.
    card = page.locator(".account__card").bounding_box()
    title = page.locator("h1").bounding_box()
    assert title["x"] + title["width"] > card["x"] + card["width"] - 40
    browser_page.screenshot("volunteer-profile-fa")
    assert browser_page.console_errors == []
