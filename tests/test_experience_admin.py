"""A charity's editors confirm the hours their volunteers give, record hours themselves,
issue and revoke certificates and see each volunteer's totals in the Wagtail admin; nobody
else (other charities, the committees, volunteers) sees any of it."""

import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest
from django.utils import timezone
from persiantools.jdatetime import JalaliDate
from wagtail.models import ModelLogEntry

from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.services import add_editor
from experience import recording as experience
from experience.models import Certificate, HoursEntry
from nikrah.persian import to_persian_digits
from opportunities import applying
from opportunities.factories import OpportunityPageFactory, VolunteerFactory, take_part
from tests.snapshots import shared_rows
from tests.test_application_review import committee_member
from workinggroups.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)
HOURS = "/admin/volunteer-hours/"
CERTIFICATES = "/admin/certificates/"
REPORT = "/admin/reports/volunteer-experience/"
BULK_HOURS = "/admin/bulk/experience/hoursentry/"


def logged(application, *, days_ago, hours, description="کارگاه نقاشی"):
    """Hours the volunteer logged on the site, awaiting the charity's confirmation."""
    return experience.log_hours(
        application,
        application.volunteer,
        date=TODAY - days_ago * DAY,
        hours=Decimal(hours),
        description=description,
    )


def recorded(application, *, days_ago, hours, user):
    return experience.record_hours(
        application,
        date=TODAY - days_ago * DAY,
        hours=Decimal(hours),
        description="حضور در کارگاه",
        user=user,
    )


def jalali(date):
    return to_persian_digits(JalaliDate(date).strftime("%Y/%m/%d"))


def build_network(home_page):
    """Two charities with an editor each; two volunteers taking part in the first one's
    painting workshop, and one in the second one's driving."""
    directory = CharityIndexPageFactory(parent=home_page)
    ours = make_charity("مهرورزان", directory=directory)
    theirs = make_charity("همیاران", directory=directory)
    group = WorkingGroupPageFactory(
        parent=WorkingGroupIndexPageFactory(parent=home_page), members=[ours, theirs]
    )
    dates = {"starts_on": TODAY - 30 * DAY, "ends_on": TODAY + 30 * DAY}
    workshop = OpportunityPageFactory(
        parent=group,
        title="مربی کارگاه نقاشی",
        charity=ours,
        certificate_after_hours=Decimal("20"),
        **dates,
    )
    driving = OpportunityPageFactory(parent=group, title="راننده", charity=theirs, **dates)
    editor1, editor2 = UserFactory(username="editor1"), UserFactory(username="editor2")
    add_editor(ours, editor1)
    add_editor(theirs, editor2)
    zahra = take_part(workshop, VolunteerFactory(profile__display_name="زهرا احمدی"))
    reza = take_part(workshop, VolunteerFactory(profile__display_name="رضا کریمی"))
    maryam = take_part(driving, VolunteerFactory(profile__display_name="مریم رضایی"))
    return {
        "ours": ours,
        "theirs": theirs,
        "group": group,
        "workshop": workshop,
        "driving": driving,
        "editor1": editor1,
        "editor2": editor2,
        "zahra": zahra,
        "reza": reza,
        "maryam": maryam,
    }


network_rows = shared_rows(build_network)


@pytest.fixture
def network(network_rows, db):
    return network_rows.fresh()


def listed(client, url):
    return list(client.get(url).context["object_list"])


def bulk(client, action, entries, data=None):
    ids = "&".join(f"id={entry.pk}" for entry in entries)
    return client.post(f"{BULK_HOURS}{action}/?next={HOURS}&{ids}", data or {"note": ""})


# Hours


def test_editor_lists_only_their_charitys_hours_pending_first(client, network):
    confirmed = recorded(network["reza"], days_ago=1, hours="3", user=network["editor1"])
    pending = logged(network["zahra"], days_ago=5, hours="2")
    logged(network["maryam"], days_ago=1, hours="4", description="رانندگی تا روستا")
    client.force_login(network["editor1"])
    response = client.get(HOURS)
    assert response.status_code == 200
    assert list(response.context["object_list"]) == [pending, confirmed]
    content = response.content.decode()
    assert "زهرا احمدی" in content and "مربی کارگاه نقاشی" in content
    assert "مریم رضایی" not in content and "رانندگی" not in content


def test_editor_filters_and_searches_hours(client, network):
    pending = logged(network["zahra"], days_ago=10, hours="2", description="چیدن میزها")
    confirmed = recorded(network["reza"], days_ago=1, hours="3", user=network["editor1"])
    client.force_login(network["editor1"])
    assert listed(client, HOURS + "?status=pending") == [pending]
    assert listed(client, HOURS + "?status=confirmed") == [confirmed]
    since = (TODAY - 2 * DAY).isoformat()
    assert listed(client, HOURS + f"?date_from={since}&date_to={TODAY.isoformat()}") == [confirmed]
    assert listed(client, HOURS + "?q=رضا") == [confirmed]
    assert listed(client, HOURS + "?q=میزها") == [pending]
    assert listed(client, HOURS + f"?q={network['zahra'].volunteer.email}") == [pending]
    # Another charity's opportunity is not offered as a filter, and does not leak.
    assert listed(client, HOURS + f"?opportunity={network['driving'].pk}") == [pending, confirmed]


def test_editor_confirms_one_entry_and_it_cannot_be_decided_again(client, network):
    entry = logged(network["zahra"], days_ago=2, hours="3.5", description="چیدن میزها")
    client.force_login(network["editor1"])
    url = f"{HOURS}edit/{entry.pk}/"
    page = client.get(url)
    assert page.status_code == 200
    assert "چیدن میزها" in page.content.decode() and "زهرا احمدی" in page.content.decode()

    assert client.post(url, {"status": "confirmed", "note": "ممنون"}).status_code == 302
    entry.refresh_from_db()
    assert entry.status == "confirmed" and entry.reviewed_by == network["editor1"]
    assert experience.confirmed_hours(network["zahra"]) == Decimal("3.5")
    assert ModelLogEntry.objects.filter(
        action=experience.HOURS_CONFIRMED_ACTION, object_id=str(entry.pk)
    ).exists()

    # Once decided, the entry is for inspecting only.
    again = client.get(url)
    assert again.status_code == 302 and again["Location"] == f"{HOURS}inspect/{entry.pk}/"
    client.post(url, {"status": "rejected", "note": ""})
    entry.refresh_from_db()
    assert entry.status == "confirmed"


def test_editor_rejects_one_entry_with_a_note(client, network):
    entry = logged(network["zahra"], days_ago=2, hours="5")
    client.force_login(network["editor1"])
    client.post(f"{HOURS}edit/{entry.pk}/", {"status": "rejected", "note": "آن روز کارگاه نبود"})
    entry.refresh_from_db()
    assert entry.status == "rejected" and entry.note == "آن روز کارگاه نبود"
    assert experience.confirmed_hours(network["zahra"]) == 0
    inspect = client.get(f"{HOURS}inspect/{entry.pk}/").content.decode()
    assert "آن روز کارگاه نبود" in inspect


def test_editor_confirms_and_rejects_hours_in_bulk(client, network):
    first = logged(network["zahra"], days_ago=2, hours="2")
    second = logged(network["reza"], days_ago=2, hours="3")
    third = logged(network["reza"], days_ago=3, hours="4")
    client.force_login(network["editor1"])
    ids = f"id={first.pk}&id={second.pk}"
    confirm_page = client.get(f"{BULK_HOURS}confirm_hours/?next={HOURS}&{ids}")
    assert confirm_page.status_code == 200
    assert "زهرا احمدی" in confirm_page.content.decode()

    assert bulk(client, "confirm_hours", [first, second]).status_code == 302
    assert bulk(client, "reject_hours", [third], {"note": "تکراری"}).status_code == 302
    statuses = {entry.pk: HoursEntry.objects.get(pk=entry.pk) for entry in (first, second, third)}
    assert [statuses[e.pk].status for e in (first, second, third)] == [
        "confirmed",
        "confirmed",
        "rejected",
    ]
    assert statuses[third.pk].note == "تکراری"
    # Confirming again changes nothing: they are no longer pending.
    bulk(client, "reject_hours", [first])
    assert HoursEntry.objects.get(pk=first.pk).status == "confirmed"


def test_another_charity_cannot_confirm_our_hours(client, network):
    ours = logged(network["zahra"], days_ago=2, hours="2")
    theirs = logged(network["maryam"], days_ago=2, hours="2")
    client.force_login(network["editor2"])
    assert bulk(client, "confirm_hours", [ours]).status_code == 404
    assert client.post(f"{HOURS}edit/{ours.pk}/", {"status": "confirmed"}).status_code == 404
    # Mixed in with their own, ours is left out.
    bulk(client, "confirm_hours", [ours, theirs])
    assert HoursEntry.objects.get(pk=ours.pk).status == "pending"
    assert HoursEntry.objects.get(pk=theirs.pk).status == "confirmed"
    confirm_all = client.get(f"{BULK_HOURS}confirm_hours/?next={HOURS}&id=all")
    assert "زهرا احمدی" not in confirm_all.content.decode()


@pytest.mark.parametrize("view", ["inspect", "edit", "history", "usage", "delete"])
def test_another_charitys_hours_and_certificates_are_not_found(client, network, view):
    entry = logged(network["zahra"], days_ago=2, hours="2", description="چیدن میزها")
    applying.complete(network["zahra"])
    certificate = experience.issue_certificate(network["zahra"], "participation")
    client.force_login(network["editor2"])
    for url in (f"{HOURS}{view}/{entry.pk}/", f"{CERTIFICATES}{view}/{certificate.pk}/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "زهرا" not in response.content.decode()


def test_nothing_else_in_the_admin_lists_another_charitys_hours_or_certificates(client, network):
    """Not Wagtail's snippet chooser, nor its bulk delete page with "all" selected."""
    logged(network["zahra"], days_ago=2, hours="2")
    applying.complete(network["zahra"])
    experience.issue_certificate(network["zahra"], "participation")
    client.force_login(network["editor2"])
    for model in ("hoursentry", "certificate"):
        for url in (
            f"/admin/snippets/choose/opportunities/{model}/",
            f"/admin/snippets/choose/opportunities/{model}/results/?q=زهرا",
            f"/admin/bulk/opportunities/{model}/delete/?next=/admin/&id=all",
        ):
            response = client.get(url)
            assert response.status_code == 404, url
            assert "زهرا" not in response.content.decode()


@pytest.mark.parametrize("kind", ["culture", "education", "executive", "coordinators"])
def test_committees_see_no_hours_certificates_or_report(client, network, kind):
    entry = logged(network["zahra"], days_ago=2, hours="2")
    applying.complete(network["zahra"])
    certificate = experience.issue_certificate(network["zahra"], "participation")
    client.force_login(committee_member(kind))
    for url in (HOURS, CERTIFICATES, REPORT, f"{HOURS}add/", f"{CERTIFICATES}add/"):
        assert client.get(url).status_code in (302, 403), url
    assert client.get(f"{HOURS}inspect/{entry.pk}/").status_code == 404
    assert client.get(f"{CERTIFICATES}inspect/{certificate.pk}/").status_code == 404
    menu = client.get("/admin/").content.decode()
    assert HOURS not in menu and CERTIFICATES not in menu and REPORT not in menu


def test_a_volunteer_and_the_public_see_nothing(client, network):
    entry = logged(network["zahra"], days_ago=2, hours="2")
    assert client.get(f"{HOURS}inspect/{entry.pk}/").status_code == 302  # to sign-in
    client.force_login(network["zahra"].volunteer)
    for url in (HOURS, f"{HOURS}inspect/{entry.pk}/", CERTIFICATES, REPORT):
        response = client.get(url)
        assert response.status_code in (302, 403), url
        assert "زهرا" not in response.content.decode()


def test_editor_sees_the_menu_items(client, network):
    client.force_login(network["editor1"])
    menu = client.get("/admin/").content.decode()
    assert HOURS in menu and CERTIFICATES in menu and REPORT in menu


def test_platform_admin_sees_every_charitys_hours(client, network):
    ours = logged(network["zahra"], days_ago=2, hours="2")
    theirs = logged(network["maryam"], days_ago=2, hours="2")
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    assert set(listed(client, HOURS)) == {ours, theirs}


# Recording hours


def test_editor_records_hours_that_count_at_once(client, network):
    client.force_login(network["editor1"])
    assert client.get(f"{HOURS}add/").status_code == 200
    data = {
        "application": network["zahra"].pk,
        "date": jalali(TODAY - DAY),
        "hours": "۴٫۵",
        "description": "حضور در کارگاه",
    }
    response = client.post(f"{HOURS}add/", data)
    assert response.status_code == 302
    entry = HoursEntry.objects.get()
    assert entry.status == "confirmed" and entry.date == TODAY - DAY
    assert entry.hours == Decimal("4.5") and entry.recorded_by == network["editor1"]
    assert experience.confirmed_hours(network["zahra"]) == Decimal("4.5")


def test_only_the_charitys_own_volunteers_are_offered(client, network):
    client.force_login(network["editor1"])
    choices = client.get(f"{HOURS}add/").context["form"].fields["application"].queryset
    assert set(choices) == {network["zahra"], network["reza"]}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"date": (TODAY + DAY).isoformat()}, "روزی که هنوز نیامده"),
        ({"date": (TODAY - 40 * DAY).isoformat()}, "بازه‌ی فرصت"),
        ({"hours": "25"}, "۲۴ ساعت"),
    ],
)
def test_bad_hours_are_refused_with_a_clear_message(client, network, data, message):
    client.force_login(network["editor1"])
    post = {
        "application": network["zahra"].pk,
        "date": TODAY.isoformat(),
        "hours": "3",
        "description": "حضور در کارگاه",
        **data,
    }
    response = client.post(f"{HOURS}add/", post)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not HoursEntry.objects.exists()


def test_more_than_24_hours_in_one_day_is_refused(client, network):
    recorded(network["zahra"], days_ago=0, hours="20", user=network["editor1"])
    client.force_login(network["editor1"])
    post = {
        "application": network["zahra"].pk,
        "date": TODAY.isoformat(),
        "hours": "5",
        "description": "حضور در کارگاه",
    }
    response = client.post(f"{HOURS}add/", post)
    assert response.status_code == 200
    assert "۲۴ ساعت" in response.content.decode()
    assert HoursEntry.objects.count() == 1


@pytest.mark.parametrize("whose", ["another charity's", "not accepted"])
def test_hours_cannot_be_recorded_for_someone_elses_application(client, network, whose):
    application = network["maryam"]
    if whose == "not accepted":
        application, _ = applying.apply(
            network["workshop"], VolunteerFactory(), motivation="m", availability="a", consent=True
        )
    client.force_login(network["editor1"])
    post = {
        "application": application.pk,
        "date": TODAY.isoformat(),
        "hours": "3",
        "description": "حضور",
    }
    response = client.post(f"{HOURS}add/", post)
    assert response.status_code == 200
    assert response.context["form"].errors["application"]
    assert not HoursEntry.objects.exists()


def test_confirming_hours_past_the_charitys_rule_issues_an_hours_certificate(client, network):
    entries = [logged(network["zahra"], days_ago=days, hours="7") for days in (1, 2, 3)]
    client.force_login(network["editor1"])
    bulk(client, "confirm_hours", entries[:2])
    assert not Certificate.objects.exists()  # 14 hours: not yet
    client.post(f"{HOURS}edit/{entries[2].pk}/", {"status": "confirmed", "note": ""})
    certificate = Certificate.objects.get()
    assert certificate.kind == "hours" and certificate.hours == Decimal("21")
    assert certificate in listed(client, CERTIFICATES)


# Certificates


def test_a_participation_certificate_needs_a_completed_application(client, network):
    client.force_login(network["editor1"])
    post = {"application": network["zahra"].pk, "kind": "participation"}
    response = client.post(f"{CERTIFICATES}add/", post)
    assert response.status_code == 200
    assert response.context["form"].errors["application"]
    assert not Certificate.objects.exists()

    applying.complete(network["zahra"])
    assert client.get(f"{CERTIFICATES}add/").status_code == 200
    response = client.post(f"{CERTIFICATES}add/", post)
    certificate = Certificate.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{CERTIFICATES}inspect/{certificate.pk}/"
    assert certificate.kind == "participation" and certificate.issued_by == network["editor1"]
    assert certificate.volunteer_name == "زهرا احمدی"
    assert ModelLogEntry.objects.filter(action=experience.CERTIFICATE_ISSUED_ACTION).exists()

    # Issuing it again says so, and issues nothing.
    again = client.post(f"{CERTIFICATES}add/", post)
    assert again.status_code == 200 and again.context["form"].errors
    assert Certificate.objects.count() == 1


def test_another_charity_cannot_issue_our_volunteers_certificate(client, network):
    applying.complete(network["zahra"])
    client.force_login(network["editor2"])
    post = {"application": network["zahra"].pk, "kind": "participation"}
    assert client.post(f"{CERTIFICATES}add/", post).status_code == 200
    assert not Certificate.objects.exists()


def test_editor_sees_what_a_certificate_says_and_where_to_check_it(client, network):
    applying.complete(network["zahra"])
    certificate = experience.issue_certificate(network["zahra"], "participation")
    client.force_login(network["editor1"])
    assert listed(client, CERTIFICATES) == [certificate]
    assert listed(client, CERTIFICATES + f"?q={certificate.code[:9].lower()}") == [certificate]
    assert listed(client, CERTIFICATES + "?validity=revoked") == []
    content = client.get(f"{CERTIFICATES}inspect/{certificate.pk}/").content.decode()
    assert "زهرا احمدی" in content and "مربی کارگاه نقاشی" in content and "مهرورزان" in content
    assert f'href="/certificates/{certificate.code}/"' in content
    assert f'href="/certificates/{certificate.code}/pdf/"' in content
    assert f"{CERTIFICATES}edit/{certificate.pk}/" in content  # "Revoke"


def test_revoking_needs_a_reason_and_is_logged(client, network):
    applying.complete(network["zahra"])
    certificate = experience.issue_certificate(network["zahra"], "participation")
    client.force_login(network["editor1"])
    url = f"{CERTIFICATES}edit/{certificate.pk}/"
    assert client.get(url).status_code == 200

    response = client.post(url, {"revoked_reason": "  "})
    assert response.status_code == 200 and response.context["form"].errors["revoked_reason"]
    certificate.refresh_from_db()
    assert not certificate.is_revoked

    assert client.post(url, {"revoked_reason": "به اشتباه صادر شد"}).status_code == 302
    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_by == network["editor1"]
    entry = ModelLogEntry.objects.get(action=experience.CERTIFICATE_REVOKED_ACTION)
    assert entry.data["reason"] == "به اشتباه صادر شد" and entry.user == network["editor1"]
    assert listed(client, CERTIFICATES + "?validity=revoked") == [certificate]
    inspect = client.get(f"{CERTIFICATES}inspect/{certificate.pk}/").content.decode()
    assert "به اشتباه صادر شد" in inspect
    assert url not in inspect  # no "Revoke" any more
    history = client.get(f"{CERTIFICATES}history/{certificate.pk}/")
    assert history.status_code == 200

    # A revoked certificate stays revoked, with its first reason.
    assert client.get(url).status_code == 302
    client.post(url, {"revoked_reason": "دلیل دیگر"})
    certificate.refresh_from_db()
    assert certificate.revoked_reason == "به اشتباه صادر شد"


def test_a_certificate_is_never_deleted_or_changed(client, network):
    applying.complete(network["zahra"])
    certificate = experience.issue_certificate(network["zahra"], "participation")
    client.force_login(network["editor1"])
    assert client.get(f"{CERTIFICATES}delete/{certificate.pk}/").status_code in (302, 403)
    client.post(f"{CERTIFICATES}delete/{certificate.pk}/")
    bulk_delete = f"/admin/bulk/experience/certificate/delete/?next={CERTIFICATES}"
    assert client.post(f"{bulk_delete}&id={certificate.pk}").status_code == 404
    # What it says is not a field of the revoke form.
    client.post(
        f"{CERTIFICATES}edit/{certificate.pk}/",
        {"revoked_reason": "تکراری", "volunteer_name": "نام دیگر", "hours": "100"},
    )
    certificate.refresh_from_db()
    assert certificate.volunteer_name == "زهرا احمدی" and certificate.hours == 0
    # Neither listing offers deleting.
    assert "/delete/" not in client.get(CERTIFICATES).content.decode()
    assert "/delete/" not in client.get(HOURS).content.decode()


def test_hours_are_never_deleted(client, network):
    entry = logged(network["zahra"], days_ago=2, hours="2")
    client.force_login(network["editor1"])
    client.post(f"{HOURS}delete/{entry.pk}/")
    client.post(f"/admin/bulk/experience/hoursentry/delete/?next={HOURS}&id={entry.pk}")
    assert HoursEntry.objects.filter(pk=entry.pk).exists()


# The report


@pytest.fixture
def experience_so_far(network):
    """Zahra: 7 confirmed hours in the workshop and 3 in a second opportunity, plus hours
    awaiting confirmation and rejected ones, a valid and a revoked certificate. Reza: only
    pending hours. Maryam (the other charity): 6 confirmed hours."""
    editor = network["editor1"]
    cleaning = OpportunityPageFactory(
        parent=network["group"],
        title="پاکسازی پارک",
        charity=network["ours"],
        starts_on=TODAY - 30 * DAY,
        ends_on=TODAY + 30 * DAY,
    )
    zahra_cleaning = take_part(cleaning, network["zahra"].volunteer)
    recorded(network["zahra"], days_ago=1, hours="7", user=editor)
    recorded(zahra_cleaning, days_ago=2, hours="3", user=editor)
    logged(network["zahra"], days_ago=3, hours="5")
    experience.review_hours(
        [logged(network["zahra"], days_ago=4, hours="4")], "rejected", user=editor
    )
    logged(network["reza"], days_ago=1, hours="6")
    recorded(network["maryam"], days_ago=1, hours="6", user=network["editor2"])
    applying.complete(network["zahra"])
    applying.complete(zahra_cleaning)
    experience.issue_certificate(network["zahra"], "participation")
    revoked = experience.issue_certificate(zahra_cleaning, "participation")
    experience.revoke_certificate(revoked, reason="اشتباه", user=editor)
    return network


def rows_by_volunteer(rows):
    return {row.volunteer_name: row for row in rows}


def test_report_counts_only_confirmed_hours_and_valid_certificates(client, experience_so_far):
    client.force_login(experience_so_far["editor1"])
    response = client.get(REPORT)
    assert response.status_code == 200
    rows = rows_by_volunteer(response.context["object_list"])
    assert set(rows) == {"زهرا احمدی", "رضا کریمی"}
    zahra, reza = rows["زهرا احمدی"], rows["رضا کریمی"]
    assert zahra.opportunities_taken == 2
    assert zahra.confirmed_hours == Decimal("10")  # not the 5 pending nor the 4 rejected
    assert zahra.valid_certificates == 1
    assert (reza.opportunities_taken, reza.confirmed_hours, reza.valid_certificates) == (1, 0, 0)
    content = response.content.decode()
    assert "مریم رضایی" not in content


def test_platform_admin_sees_the_report_per_charity(client, experience_so_far):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    rows = list(client.get(REPORT).context["object_list"])
    by_charity = {(row.opportunity.charity.name, row.volunteer_name): row for row in rows}
    assert set(by_charity) == {
        ("مهرورزان", "زهرا احمدی"),
        ("مهرورزان", "رضا کریمی"),
        ("همیاران", "مریم رضایی"),
    }
    assert by_charity[("همیاران", "مریم رضایی")].confirmed_hours == Decimal("6")
    theirs = experience_so_far["theirs"].pk
    filtered = client.get(REPORT + f"?charity={theirs}").context["object_list"]
    assert [row.volunteer_name for row in filtered] == ["مریم رضایی"]


def test_report_exports_as_csv_and_excel(client, experience_so_far):
    client.force_login(experience_so_far["editor1"])
    response = client.get(REPORT + "?export=csv")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, *data = rows
    assert len(header) == 5
    totals = {row[1]: row for row in data}
    assert set(totals) == {"زهرا احمدی", "رضا کریمی"}
    assert totals["زهرا احمدی"][0] == "مهرورزان"
    assert Decimal(totals["زهرا احمدی"][3]) == 10 and totals["زهرا احمدی"][4] == "1"

    response = client.get(REPORT + "?export=xlsx")
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [[cell.value for cell in row] for row in workbook.active.iter_rows()]
    assert len(values) == 3
    assert {(row[1], Decimal(str(row[3]))) for row in values[1:]} == {
        ("زهرا احمدی", Decimal("10")),
        ("رضا کریمی", Decimal("0")),
    }


def test_editor_exports_hours_and_certificates(client, experience_so_far):
    client.force_login(experience_so_far["editor1"])
    hours = client.get(HOURS + "?export=csv&status=confirmed")
    rows = list(csv.reader(io.StringIO(b"".join(hours.streaming_content).decode())))
    assert len(rows) == 3  # the heading and Zahra's two confirmed entries
    certificates = client.get(CERTIFICATES + "?export=xlsx")
    assert certificates.status_code == 200
