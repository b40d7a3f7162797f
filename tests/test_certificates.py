"""A volunteer's hours and certificates: logging hours on the site, the charity's
confirmation, certificates issued by hand and by rule, and anyone checking a certificate
(its page, its PDF, and its signed credential with only what the platform publishes)."""

import datetime
import json
import shutil
import subprocess
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.services import add_editor
from experience import credentials
from experience import recording as experience
from experience.models import Certificate, HoursEntry
from opportunities import applying
from opportunities.factories import OpportunityPageFactory, VolunteerFactory, take_part
from tests.conftest import skip_or_fail
from tests.snapshots import shared_rows
from tests.test_certificate_pdf import normalised
from workinggroups.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def build_world(home_page):
    directory = CharityIndexPageFactory(parent=home_page)
    charity = make_charity("انجمن حمایت از کودکان کار", directory=directory)
    group = WorkingGroupPageFactory(
        parent=WorkingGroupIndexPageFactory(parent=home_page), members=[charity]
    )
    opportunity = OpportunityPageFactory(
        parent=group,
        title="مربی کارگاه نقاشی",
        charity=charity,
        starts_on=TODAY - 30 * DAY,
        ends_on=TODAY + 30 * DAY,
        certificate_after_hours=Decimal("20"),
    )
    volunteer = VolunteerFactory(profile__display_name="زهرا احمدی‌نژاد")
    application = take_part(opportunity, volunteer)
    editor = UserFactory(username="editor1")
    add_editor(charity, editor)
    return {
        "charity": charity,
        "group": group,
        "opportunity": opportunity,
        "volunteer": volunteer,
        "application": application,
        "editor": editor,
    }


world_rows = shared_rows(build_world)


@pytest.fixture
def world(world_rows, db):
    return world_rows.fresh()


def log(world, client, **data):
    client.force_login(world["volunteer"])
    url = f"/volunteer/applications/{world['application'].pk}/hours/"
    return client.post(url, {"date": "", "hours": "3", "description": "کارگاه نقاشی", **data})


def jalali(date):
    from persiantools.jdatetime import JalaliDate

    return JalaliDate(date).strftime("%Y/%m/%d")


def test_volunteer_logs_hours_in_the_jalali_calendar_and_they_wait_for_the_charity(client, world):
    response = log(world, client, date=jalali(TODAY - 2 * DAY), hours="۳٫۵")
    assert response.status_code == 302
    entry = HoursEntry.objects.get()
    assert entry.date == TODAY - 2 * DAY and entry.hours == Decimal("3.5")
    assert entry.status == "pending"
    page = client.get(response["Location"]).content.decode()
    assert "در انتظار تأیید" in page
    assert experience.confirmed_hours(world["application"]) == 0  # only confirmed hours count


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"date": jalali(TODAY + DAY)}, "روزی که هنوز نیامده"),
        ({"date": jalali(TODAY - 40 * DAY)}, "بازه‌ی فرصت"),
        ({"date": jalali(TODAY), "hours": "25"}, "۲۴ ساعت"),
        ({"date": "۱۴۰۳/۱۳/۴۰"}, "سال/ماه/روز"),
        ({"date": jalali(TODAY), "hours": "دو"}, "تعداد ساعت"),
        ({"date": jalali(TODAY), "description": "آ" * 301}, "نویسه"),
    ],
)
def test_bad_hours_are_refused_with_a_clear_message(client, world, data, message):
    response = log(world, client, **data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not HoursEntry.objects.exists()


def test_more_than_24_hours_in_one_day_is_refused(client, world):
    assert log(world, client, date=jalali(TODAY), hours="20").status_code == 302
    response = log(world, client, date=jalali(TODAY), hours="5")
    assert response.status_code == 400
    assert "۲۴ ساعت" in response.content.decode()
    assert HoursEntry.objects.count() == 1


def test_nobody_logs_hours_for_someone_elses_application(client, world):
    client.force_login(VolunteerFactory())
    url = f"/volunteer/applications/{world['application'].pk}/hours/"
    response = client.post(url, {"date": jalali(TODAY), "hours": "2", "description": "x"})
    assert response.status_code == 404
    with pytest.raises(experience.ExperienceError):
        experience.log_hours(
            world["application"], VolunteerFactory(), date=TODAY, hours=Decimal(2), description="x"
        )
    assert not HoursEntry.objects.exists()


def test_hours_need_an_accepted_application(client, world):
    applying.withdraw(world["application"], world["volunteer"])
    response = log(world, client, date=jalali(TODAY))
    assert response.status_code == 400
    assert not HoursEntry.objects.exists()


def test_confirmed_hours_reaching_the_charitys_rule_issue_a_certificate(world):
    entries = [
        experience.log_hours(
            world["application"],
            world["volunteer"],
            date=TODAY - day * DAY,
            hours=Decimal("7"),
            description="کارگاه",
        )
        for day in (1, 2, 3)
    ]
    experience.review_hours(entries[:2], HoursEntry.Status.CONFIRMED, user=world["editor"])
    assert not Certificate.objects.exists()  # 14 hours: not yet
    experience.review_hours(entries[2:], HoursEntry.Status.CONFIRMED, user=world["editor"])
    certificate = Certificate.objects.get()
    assert certificate.kind == "hours"
    assert certificate.hours == Decimal("21")
    assert certificate.volunteer_name == "زهرا احمدی‌نژاد"
    assert certificate.charity_name == "انجمن حمایت از کودکان کار"
    assert certificate.period_start == TODAY - 3 * DAY and certificate.period_end == TODAY - DAY
    assert len(certificate.code) == 19
    # Rejected hours never count.
    experience.record_hours(
        world["application"], date=TODAY, hours=Decimal("1"), description="x", user=world["editor"]
    )
    assert Certificate.objects.count() == 1  # each kind once per application


def test_a_completed_training_issues_a_training_certificate(world, home_page):
    training = OpportunityPageFactory(
        parent=world["group"],
        kind="training",
        charity=world["charity"],
        starts_on=TODAY - 10 * DAY,
        ends_on=TODAY + 10 * DAY,
    )
    application = take_part(training, world["volunteer"])
    applying.complete(application)
    assert Certificate.objects.get(application=application).kind == "training"


def test_participation_certificate_needs_a_completed_application(world):
    with pytest.raises(experience.ExperienceError):
        experience.issue_certificate(world["application"], Certificate.Kind.PARTICIPATION)
    applying.complete(world["application"])
    certificate = experience.issue_certificate(
        world["application"], Certificate.Kind.PARTICIPATION, user=world["editor"]
    )
    assert certificate.issued_by == world["editor"]
    assert ModelLogEntry.objects.filter(action="nikrah.certificate.issued").count() == 1


@pytest.fixture
def certificate(world):
    applying.complete(world["application"])
    experience.record_hours(
        world["application"],
        date=TODAY - DAY,
        hours=Decimal("12.5"),
        description="کارگاه",
        user=world["editor"],
    )
    return experience.issue_certificate(
        world["application"], Certificate.Kind.PARTICIPATION, user=world["editor"]
    )


def test_a_certificate_is_immutable_and_never_deleted(certificate):
    certificate.hours = Decimal("100")
    with pytest.raises(ValidationError):
        certificate.save()
    certificate.refresh_from_db()
    with pytest.raises(ValidationError):
        certificate.delete()
    assert Certificate.objects.filter(pk=certificate.pk).exists()


def test_only_its_holder_withdrawing_it_takes_the_name_off_a_certificate(certificate):
    """Finding 5 of the security review: the one change a certificate takes besides its
    revocation is its holder's name going, and only with the certificate withdrawn."""
    certificate.volunteer_name = ""
    with pytest.raises(ValidationError):
        certificate.save()  # still valid: its name stays
    assert experience.withdraw_certificates(certificate.volunteer) == 1
    certificate.refresh_from_db()
    assert certificate.volunteer_name == "" and certificate.withdrawn_by_holder
    assert certificate.revoked_reason == "به درخواست دارنده" and certificate.revoked_by is None
    certificate.volunteer_name = "نامی دیگر"
    with pytest.raises(ValidationError):
        certificate.save()


def test_revoking_needs_a_reason_and_is_logged(certificate, world):
    with pytest.raises(experience.ExperienceError):
        experience.revoke_certificate(certificate, reason=" ", user=world["editor"])
    experience.revoke_certificate(
        certificate, reason="ساعت‌ها اشتباه ثبت شده بود", user=world["editor"]
    )
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_by == world["editor"]
    entry = ModelLogEntry.objects.get(action="nikrah.certificate.revoked")
    assert entry.data["reason"] == "ساعت‌ها اشتباه ثبت شده بود"
    with pytest.raises(experience.ExperienceError):
        experience.revoke_certificate(certificate, reason="دوباره", user=world["editor"])


def test_anyone_can_check_a_certificate_and_sees_nothing_personal(client, certificate, world):
    response = client.get(f"/certificates/{certificate.code}/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "این گواهی معتبر است" in page
    assert "زهرا احمدی‌نژاد" in page and "انجمن حمایت از کودکان کار" in page
    assert ("مربی کارگاه نقاشی" in page and "۱۲٫۵" in page) or "۱۲.۵" in page
    volunteer = world["volunteer"]
    assert volunteer.email not in page
    assert "noindex" in page
    # The code as a person may type it: lower case, without dashes.
    typed = certificate.code.replace("-", "").lower()
    assert client.get(f"/certificates/?code={typed}").url == f"/certificates/{certificate.code}/"
    english = client.get(f"/en/certificates/{certificate.code}/").content.decode()
    assert "This certificate is valid" in english


def test_a_revoked_certificate_says_so_with_its_date(client, certificate, world):
    experience.revoke_certificate(certificate, reason="خطا", user=world["editor"])
    page = client.get(f"/certificates/{certificate.code}/").content.decode()
    assert "باطل شد" in page and "معتبر نیست" in page
    assert "خطا" not in page  # the reason is for the audit log, not the public


def test_unknown_or_malformed_codes_are_not_found(client, db):
    for code in ["ABCD-EFGH-JKMN-PQRS", "nonsense", "' OR 1=1 --"]:
        response = client.get(f"/certificates/{code}/")
        assert response.status_code == 404
        assert "گواهی پیدا نشد" in response.content.decode()
    response = client.get("/certificates/?code=123")
    assert response.status_code == 400
    assert "۱۶" in response.content.decode() or "16" in response.content.decode()


def test_the_certificate_pdf_names_the_volunteer_and_the_charity(client, certificate):
    if shutil.which("pdftotext") is None:
        skip_or_fail("needs pdftotext: apt-get install poppler-utils")
    response = client.get(f"/certificates/{certificate.code}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=response.content, capture_output=True, check=True
    ).stdout.decode()
    assert normalised("زهرا احمدی‌نژاد") in normalised(text)
    assert normalised("انجمن حمایت از کودکان کار") in normalised(text)
    assert certificate.code in text


def _published(client):
    """What a third party fetches: the keys and the revocation list."""
    jwks = json.loads(client.get("/.well-known/jwks.json").content)
    status_list = client.get("/credentials/revocation-list/").content.decode()
    return jwks, status_list


def test_the_credential_verifies_with_only_the_published_key(client, certificate, world):
    response = client.get(f"/certificates/{certificate.code}/credential/")
    assert response.status_code == 200
    token = response.content.decode()
    jwks, status_list = _published(client)
    credential = credentials.check_credential(token, jwks, status_list)
    assert credential["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    subject = credential["credentialSubject"]
    assert subject["identifier"][0]["identityHash"] == "زهرا احمدی‌نژاد"
    assert subject["achievement"]["creator"]["name"] == "انجمن حمایت از کودکان کار"
    assert subject["result"][0]["value"] == "12.5"
    assert credential["credentialStatus"]["statusListCredential"].endswith(
        "/credentials/revocation-list/"
    )
    did = json.loads(client.get("/.well-known/did.json").content)
    assert did["id"] == credential["issuer"]["id"]

    # One changed byte in the payload or the signature, and it no longer verifies.
    header, payload, signature = token.split(".")
    for tampered in (
        f"{header}.{payload[:-2]}{'A' if payload[-2] != 'A' else 'B'}{payload[-1]}.{signature}",
        f"{header}.{payload}.{signature[:5]}{'A' if signature[5] != 'A' else 'B'}{signature[6:]}",
    ):
        with pytest.raises(credentials.InvalidCredential):
            credentials.check_credential(tampered, jwks, status_list)

    # Once revoked, the published list says so and the credential fails.
    experience.revoke_certificate(certificate, reason="خطا", user=world["editor"])
    jwks, status_list = _published(client)
    with pytest.raises(credentials.InvalidCredential, match="revoked"):
        credentials.check_credential(token, jwks, status_list)


def test_network_totals_on_the_home_page_count_only_confirmed_hours(client, certificate, world):
    experience.log_hours(
        world["application"], world["volunteer"], date=TODAY, hours=Decimal("5"), description="x"
    )  # pending: does not count
    page = client.get("/").content.decode()
    assert "ساعت داوطلبی تأییدشده" in page
    entries = client.get("/").context["figures"]
    figures = {entry["figure"].key: entry["value"] for entry in entries}
    assert figures["confirmed-hours"] == 12  # 12.5 rounded down to whole hours
    assert figures["volunteers"] == 1
    assert figures["certificates"] == 1


def test_a_certificate_names_the_volunteer_never_by_their_e_mail_address(world):
    nameless = VolunteerFactory(profile=None, email="secret.person@example.org")
    application = take_part(world["opportunity"], nameless)
    applying.complete(application)
    with pytest.raises(experience.ExperienceError, match="نام"):
        experience.issue_certificate(application, Certificate.Kind.PARTICIPATION)
    assert not Certificate.objects.filter(application=application).exists()


def test_a_volunteer_without_a_profile_gives_a_name_before_applying(client, world):
    opportunity = world["opportunity"]
    client.force_login(VolunteerFactory(profile=None))
    response = client.get(opportunity.url + "apply/")
    assert response.status_code == 302
    assert response["Location"].startswith("/volunteer/profile/edit/?next=")
    response = client.post(
        response["Location"], {"display_name": "سارا رضایی", "availability": "flexible"}
    )
    assert response.status_code == 302
    assert response["Location"] == opportunity.url + "apply/"


def test_nobody_confirms_their_own_volunteering(world):
    editor = world["editor"]
    application = take_part(world["opportunity"], editor)  # an editor volunteering too
    with pytest.raises(applying.ApplicationError):
        applying.decide(application, "declined", user=editor)
    with pytest.raises(experience.ExperienceError):
        experience.record_hours(
            application, date=TODAY, hours=Decimal(5), description="x", user=editor
        )
    entry = experience.log_hours(application, editor, date=TODAY, hours=Decimal(5), description="x")
    assert experience.review_hours([entry], HoursEntry.Status.CONFIRMED, user=editor) == 0


def test_hours_of_someone_no_longer_taking_part_are_not_confirmed(world):
    entry = experience.log_hours(
        world["application"], world["volunteer"], date=TODAY, hours=Decimal(3), description="x"
    )
    applying.withdraw(world["application"], world["volunteer"])
    assert experience.review_hours([entry], HoursEntry.Status.CONFIRMED, user=world["editor"]) == 0
    entry.refresh_from_db()
    assert entry.status == "pending"


def test_a_completed_participation_is_final(certificate, world):
    for status in ("declined", "waitlisted", "no_show", "accepted"):
        with pytest.raises(applying.ApplicationError):
            applying.decide(world["application"], status, user=world["editor"])
    world["application"].refresh_from_db()
    assert world["application"].status == "completed"


def test_an_opportunity_that_has_not_begun_cannot_be_completed(world):
    later = OpportunityPageFactory(
        parent=world["group"], charity=world["charity"], starts_on=TODAY + 5 * DAY
    )
    application = take_part(later, world["volunteer"])
    with pytest.raises(applying.ApplicationError):
        applying.complete(application)


def test_a_revocation_stands_and_no_certificate_is_deleted_in_bulk(certificate, world):
    experience.revoke_certificate(certificate, reason="خطا", user=world["editor"])
    certificate.refresh_from_db()
    certificate.revoked_at = None
    with pytest.raises(ValidationError):
        certificate.save()
    with pytest.raises(ValidationError):
        Certificate.objects.all().delete()
    assert Certificate.objects.get().is_revoked


def test_a_credential_is_valid_from_the_start_of_its_issue_day_in_tehran(certificate):
    from experience.views.verification import open_badge

    credential = open_badge(certificate, "fa")
    day_before = certificate.issued_on - DAY
    # 00:00 in Tehran (UTC+3:30) is 20:30 UTC the day before: never "not yet valid".
    assert credential["validFrom"] == f"{day_before.isoformat()}T20:30:00Z"


def test_finding_1_guessing_codes_pauses_every_lookup_from_that_address(client, certificate):
    """Finding 1 of the security review: the certificate lookup is throttled per address.
    After 20 codes that do not exist, even a real one waits, with the code kept in the form
    and the reason in Persian; other addresses are not affected."""
    for letter in "ABCDEFGHJKMNPQRSTUVW":
        guess = f"K7Q2-9XHM-3PLD-WT8{letter}"
        assert client.get(f"/certificates/{guess}/", REMOTE_ADDR="198.51.100.5").status_code == 404

    for url in ("", "pdf/", "credential/"):
        response = client.get(f"/certificates/{certificate.code}/{url}", REMOTE_ADDR="198.51.100.5")
        assert response.status_code == 429
        page = response.content.decode()
        assert "بررسی گواهی موقتاً متوقف شده است" in page and "۱۵ دقیقهٔ دیگر" in page
        assert f'value="{certificate.code}"' in page

    response = client.get(f"/certificates/{certificate.code}/", REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 200
