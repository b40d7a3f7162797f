"""A third party checks a volunteer's certificate and reads their public résumé, and a
volunteer withdraws theirs on deleting their account, in a real browser, right to left."""

import datetime
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone

from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.services import add_editor
from experience import recording as experience
from experience.models import Certificate
from opportunities import applying
from opportunities.factories import (
    VOLUNTEER_PASSWORD,
    OpportunityPageFactory,
    VolunteerFactory,
    take_part,
)
from workinggroups.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture
def certificate(home_page):
    charity = make_charity(
        "انجمن حمایت از کودکان کار", directory=CharityIndexPageFactory(parent=home_page)
    )
    group = WorkingGroupPageFactory(
        parent=WorkingGroupIndexPageFactory(parent=home_page), members=[charity]
    )
    opportunity = OpportunityPageFactory(
        parent=group,
        title="مربی کارگاه نقاشی",
        charity=charity,
        starts_on=TODAY - 30 * DAY,
        ends_on=TODAY + 5 * DAY,
    )
    volunteer = VolunteerFactory(profile__display_name="زهرا احمدی‌نژاد")
    editor = UserFactory()
    add_editor(charity, editor)
    application = take_part(opportunity, volunteer)
    for days_ago in (20, 13, 6):
        experience.record_hours(
            application,
            date=TODAY - days_ago * DAY,
            hours=Decimal("4.5"),
            description="کارگاه نقاشی با کودکان",
            user=editor,
        )
    applying.complete(application)
    profile = volunteer.volunteer_profile
    profile.resume_public = True
    profile.save()
    return experience.issue_certificate(application, Certificate.Kind.PARTICIPATION, user=editor)


def test_a_certificate_is_checked_and_the_public_resume_read(
    live_server, browser_page, certificate
):
    page = browser_page.page
    page.goto(f"{live_server.url}/certificates/{certificate.code}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    verdict = page.locator(".certificate-check__verdict")
    assert "معتبر" in verdict.inner_text()
    main = page.locator("main").inner_text()
    assert "زهرا احمدی‌نژاد" in main and "انجمن حمایت از کودکان کار" in main
    assert "۱۳٫۵" in main or "۱۳.۵" in main
    # The verdict box starts at the right edge, as Persian reads.
    box, card = verdict.bounding_box(), page.locator(".card").first.bounding_box()
    assert abs((box["x"] + box["width"]) - (card["x"] + card["width"])) < 4
    browser_page.screenshot("certificate-verification-fa")

    # Typing the code from paper, in lower case and without dashes, finds it too.
    page.goto(f"{live_server.url}/certificates/")
    page.fill("#certificate-code", certificate.code.replace("-", "").lower())
    with page.expect_navigation():
        page.locator("form:has(#certificate-code) button[type=submit]").click()
    assert page.url.endswith(f"/certificates/{certificate.code}/")

    resume = certificate.volunteer.volunteer_profile
    page.goto(f"{live_server.url}/volunteer/resume/{resume.resume_code}/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    text = page.locator("main").inner_text()
    assert "زهرا احمدی‌نژاد" in text and "مربی کارگاه نقاشی" in text
    assert certificate.volunteer.email not in text
    link = page.locator(f"a[href*='/certificates/{certificate.code}/']").first
    with page.expect_navigation():
        link.click()
    assert "معتبر" in page.locator(".certificate-check__verdict").inner_text()
    page.go_back()
    browser_page.screenshot("public-resume-fa")
    assert browser_page.console_errors == []


def test_a_volunteer_deleting_their_account_withdraws_their_certificate(
    live_server, browser_page, certificate
):
    """Finding 5 of the security review: on the deletion page the volunteer reads what each
    choice does for their certificates, picks one by clicking it, and the certificate's
    page then says it was withdrawn, without their name."""
    cache.clear()  # allauth's rate limits live in the cache; start from none
    page = browser_page.page
    page.goto(f"{live_server.url}/account/login/")
    page.fill("#id_login", certificate.volunteer.email)
    page.fill("#id_password", VOLUNTEER_PASSWORD)
    with page.expect_navigation():
        page.locator(".account-form button[type=submit]").click()

    page.goto(f"{live_server.url}/volunteer/account/delete/")
    choices = page.locator(".account-form__choices")
    assert "معتبر بمانند" in choices.inner_text() and "پس گرفته شوند" in choices.inner_text()
    assert not page.locator("input[name=certificates]:checked").count()
    # Right to left: each choice's radio button sits at the right edge of its box.
    withdraw = choices.locator("label").filter(has_text="پس گرفته شوند")
    radio, box = withdraw.locator("input").bounding_box(), withdraw.bounding_box()
    assert radio["x"] > box["x"] + box["width"] / 2
    withdraw.click()
    page.fill("#id_password", VOLUNTEER_PASSWORD)
    browser_page.screenshot("account-deletion-certificates-fa")
    with page.expect_navigation():
        page.locator(".account-form button[type=submit]").click()
    assert page.url.endswith("/volunteer/account/deleted/")

    page.goto(f"{live_server.url}/certificates/{certificate.code}/")
    verdict = page.locator(".certificate-check__verdict").inner_text()
    assert "به درخواست دارنده‌اش پس گرفته شد" in verdict
    assert "زهرا احمدی‌نژاد" not in page.locator("main").inner_text()
    browser_page.screenshot("certificate-withdrawn-fa")
    assert browser_page.console_errors == []
