"""Charity editors review applicants in the Wagtail admin; nobody else sees an applicant's
contact details or motivation."""

import csv
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from wagtail.models import ModelLogEntry

from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.services import add_editor
from nikrah.persian import to_persian_digits
from opportunities import applying
from opportunities.factories import OpportunityPageFactory, VolunteerFactory
from opportunities.models import Application
from tests.snapshots import shared_rows
from workinggroups.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory
from workinggroups.models import Committee
from workinggroups.setup import ensure_committee_group

INDEX = "/admin/applications/"
MOTIVATION = "سال‌ها با کودکان کار قصه‌گویی کرده‌ام."
PHONE = "09121234567"


def build_network(home_page):
    """Two charities, each with an editor and an opportunity, and applicants to the first."""
    directory = CharityIndexPageFactory(parent=home_page)
    ours = make_charity("مهرورزان", directory=directory)
    theirs = make_charity("همیاران", directory=directory)
    group = WorkingGroupPageFactory(
        parent=WorkingGroupIndexPageFactory(parent=home_page), members=[ours, theirs]
    )
    storyteller = OpportunityPageFactory(parent=group, title="قصه‌گو", charity=ours, places=2)
    painter = OpportunityPageFactory(parent=group, title="نقاش دیوار", charity=ours, places=5)
    other = OpportunityPageFactory(parent=group, title="راننده", charity=theirs, places=5)
    editor1, editor2 = UserFactory(username="editor1"), UserFactory(username="editor2")
    add_editor(ours, editor1)
    add_editor(theirs, editor2)

    applicants = []
    for surname in ["احمدی", "کریمی", "رضایی"]:
        volunteer = VolunteerFactory(profile__display_name=f"زهرا {surname}")
        volunteer.volunteer_profile.phone = PHONE
        volunteer.volunteer_profile.save()
        application, _ = applying.apply(
            storyteller, volunteer, motivation=MOTIVATION, availability="جمعه‌ها", consent=True
        )
        applicants.append(application)
    painting, _ = applying.apply(
        painter, VolunteerFactory(), motivation="نقاشی", availability="عصرها", consent=True
    )
    driving, _ = applying.apply(
        other, VolunteerFactory(), motivation="رانندگی", availability="صبح‌ها", consent=True
    )
    return {
        "editor1": editor1,
        "editor2": editor2,
        "storyteller": storyteller,
        "painter": painter,
        "applicants": applicants,
        "painting": painting,
        "driving": driving,
    }


network_rows = shared_rows(build_network)


@pytest.fixture
def network(network_rows, db):
    return network_rows.fresh()


def committee_member(kind):
    committee = Committee.objects.filter(kind=kind).first()
    if committee is None:  # a working group's coordinators
        committee = Committee(kind=kind, name_fa="هماهنگ‌کنندگان کارگروه کودکان")
        ensure_committee_group(committee)
        committee.save()
    user = UserFactory()
    user.groups.add(committee.group)
    return user


def test_editor_lists_only_their_charitys_applications(client, network):
    client.force_login(network["editor1"])
    response = client.get(INDEX)
    assert response.status_code == 200
    content = response.content.decode()
    assert "زهرا احمدی" in content and "قصه‌گو" in content and "نقاش دیوار" in content
    assert "راننده" not in content
    listed = {application.pk for application in response.context["object_list"]}
    assert listed == {a.pk for a in network["applicants"]} | {network["painting"].pk}


def test_editor_sees_the_applicants_details(client, network):
    client.force_login(network["editor1"])
    application = network["applicants"][0]
    content = client.get(f"{INDEX}inspect/{application.pk}/").content.decode()
    assert MOTIVATION in content
    assert application.volunteer.email in content
    assert to_persian_digits(PHONE) in content  # the Persian admin writes Persian digits


@pytest.mark.parametrize("view", ["inspect", "edit", "history", "usage", "delete"])
def test_another_charitys_application_is_not_found(client, network, view):
    client.force_login(network["editor2"])
    application = network["applicants"][0]
    response = client.get(f"{INDEX}{view}/{application.pk}/")
    assert response.status_code in (302, 403, 404)
    assert MOTIVATION.encode() not in response.content


def test_another_charity_cannot_decide_on_an_application(client, network):
    client.force_login(network["editor2"])
    application = network["applicants"][0]
    response = client.post(f"{INDEX}edit/{application.pk}/", {"status": "declined"})
    assert response.status_code == 404
    bulk = "/admin/bulk/opportunities/application/decline_applications/"
    url = f"{bulk}?next={INDEX}&id={application.pk}"
    client.post(url, {"message": ""})
    application.refresh_from_db()
    assert application.status == "submitted"


def test_editor_of_another_charity_lists_none_of_ours(client, network):
    client.force_login(network["editor2"])
    content = client.get(INDEX).content.decode()
    assert "راننده" in content
    assert "قصه‌گو" not in content and "زهرا" not in content
    export = client.get(INDEX + "?export=csv")
    assert MOTIVATION not in b"".join(export.streaming_content).decode()


@pytest.mark.parametrize("kind", ["culture", "education", "executive", "coordinators"])
def test_committees_see_no_applications(client, network, kind):
    client.force_login(committee_member(kind))
    assert client.get(INDEX).status_code in (302, 403)
    application = network["applicants"][0]
    response = client.get(f"{INDEX}inspect/{application.pk}/")
    assert response.status_code in (302, 403, 404)
    assert MOTIVATION.encode() not in response.content


def test_a_volunteer_and_the_public_see_no_applications(client, network):
    application = network["applicants"][0]
    assert client.get(f"{INDEX}inspect/{application.pk}/").status_code == 302  # to sign-in
    client.force_login(network["applicants"][1].volunteer)
    response = client.get(f"{INDEX}inspect/{application.pk}/")
    assert response.status_code in (302, 403)
    assert MOTIVATION.encode() not in response.content
    # Nor does the opportunity's public page show who applied.
    page = client.get(network["storyteller"].url).content.decode()
    assert MOTIVATION not in page and application.volunteer.email not in page


def test_platform_admin_sees_every_application(client, network):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    listed = client.get(INDEX).context["object_list"]
    assert network["driving"] in listed and network["painting"] in listed


def test_editor_filters_by_opportunity_status_and_date_and_searches(client, network):
    client.force_login(network["editor1"])
    applying.accept(network["applicants"][0])

    def listed(query):
        return {a.pk for a in client.get(INDEX + query).context["object_list"]}

    assert listed(f"?opportunity={network['painter'].pk}") == {network["painting"].pk}
    assert listed("?status=accepted") == {network["applicants"][0].pk}
    today = timezone.localdate(network["painting"].created_at).isoformat()
    assert len(listed(f"?created_at_from={today}&created_at_to={today}")) == 4
    assert listed("?created_at_from=2000-01-01&created_at_to=2000-01-02") == set()
    assert listed("?q=زهرا رضایی") == {network["applicants"][2].pk}
    # Arabic letters typed for Persian ones still find the applicant.
    assert listed("?q=نقاشي") == {network["painting"].pk}
    # Another charity's opportunity is not offered as a filter, and does not leak.
    assert listed(f"?opportunity={network['driving'].opportunity.pk}") == listed("")


def test_bulk_accept_fills_the_places_and_wait_lists_the_rest(
    client, network, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(network["editor1"])
    ids = "&".join(f"id={a.pk}" for a in network["applicants"])
    url = f"/admin/bulk/opportunities/application/accept_applications/?next={INDEX}&{ids}"
    assert client.get(url).status_code == 200
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"message": "جلسه‌ی آشنایی شنبه ساعت ۱۰ است."})
    assert response.status_code == 302
    statuses = [Application.objects.get(pk=a.pk).status for a in network["applicants"]]
    assert statuses == ["accepted", "accepted", "waitlisted"]  # two places, first come first
    assert len(mailoutbox) == 3
    assert all("جلسه‌ی آشنایی" in message.body for message in mailoutbox)
    entries = ModelLogEntry.objects.filter(action="nikrah.application.decided")
    assert entries.count() == 3 and {entry.user for entry in entries} == {network["editor1"]}


@pytest.mark.parametrize(
    ("action", "status"),
    [("waitlist_applications", "waitlisted"), ("decline_applications", "declined")],
)
def test_bulk_wait_list_and_decline(client, network, action, status):
    client.force_login(network["editor1"])
    ids = "&".join(f"id={a.pk}" for a in network["applicants"])
    client.post(
        f"/admin/bulk/opportunities/application/{action}/?next={INDEX}&{ids}", {"message": ""}
    )
    assert {Application.objects.get(pk=a.pk).status for a in network["applicants"]} == {status}


def test_editor_decides_one_application_with_a_message(
    client, network, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(network["editor1"])
    application = network["applicants"][0]
    url = f"{INDEX}edit/{application.pk}/"
    assert client.get(url).status_code == 200
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {"status": "declined", "message": "ظرفیت امسال پر شد."})
    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "declined" and application.message == "ظرفیت امسال پر شد."
    [message] = mailoutbox
    assert message.to == [application.volunteer.email]
    assert "ظرفیت امسال پر شد." in message.body


def test_a_withdrawn_application_cannot_be_decided(client, network):
    application = network["applicants"][0]
    applying.withdraw(application, application.volunteer)
    client.force_login(network["editor1"])
    response = client.post(f"{INDEX}edit/{application.pk}/", {"status": "accepted"})
    assert response.status_code == 200
    assert "انصراف" in response.content.decode()  # "The volunteer has withdrawn…" in Persian
    application.refresh_from_db()
    assert application.status == "withdrawn"


def test_an_unknown_decision_is_refused(client, network):
    client.force_login(network["editor1"])
    application = network["applicants"][0]
    response = client.post(f"{INDEX}edit/{application.pk}/", {"status": "submitted"})
    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == "submitted"


def test_editor_exports_applications_as_csv_and_excel(client, network):
    client.force_login(network["editor1"])
    response = client.get(INDEX + "?export=csv&status=submitted")
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, *data = rows
    assert header[:3] == ["داوطلب", "ایمیل", "شماره تلفن"]
    assert len(data) == 4
    assert {row[0] for row in data} >= {"زهرا احمدی", "زهرا کریمی", "زهرا رضایی"}
    assert PHONE in {row[2] for row in data}
    assert "ارسال‌شده" in {row[4] for row in data}
    assert all("رانندگی" not in cell for row in data for cell in row)

    response = client.get(INDEX + "?export=xlsx")
    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    sheet = workbook.active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][0] == "داوطلب"
    assert len(values) == 5
    assert MOTIVATION in {row[8] for row in values[1:]}


def test_new_charity_editor_group_member_sees_the_menu_item(client, network):
    client.force_login(network["editor1"])
    assert "/admin/applications/" in client.get("/admin/").content.decode()
    client.force_login(committee_member("culture"))
    assert "/admin/applications/" not in client.get("/admin/").content.decode()


def test_the_executive_group_is_not_a_reviewer(network):
    executive = Group.objects.get(committee__kind="executive")
    member = UserFactory()
    member.groups.add(executive)
    assert not Application.objects.for_reviewer(member).exists()


def test_no_back_door_lists_another_charitys_applicants(client, network):
    """Not Wagtail's snippet chooser, not a bulk action's confirmation page."""
    client.force_login(network["editor2"])
    chooser = client.get("/admin/snippets/choose/opportunities/application/results/?q=زهرا")
    assert chooser.status_code == 404
    ids = "&".join(f"id={a.pk}" for a in network["applicants"])
    for action in ("accept_applications", "delete"):
        response = client.get(f"/admin/bulk/opportunities/application/{action}/?next=/&{ids}")
        assert response.status_code == 404
        assert "زهرا".encode() not in response.content
    response = client.get("/admin/bulk/opportunities/application/accept_applications/?id=all")
    assert "زهرا".encode() not in response.content


def test_applications_are_never_deleted_in_bulk(client, network):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    application = network["applicants"][0]
    url = f"/admin/bulk/opportunities/application/delete/?next=/&id={application.pk}"
    assert client.post(url).status_code == 404
    assert Application.objects.filter(pk=application.pk).exists()
    assert "bulk/opportunities/application/delete" not in client.get(INDEX).content.decode()


def test_nonsense_ids_in_filters_and_bulk_actions_are_not_server_errors(client, network):
    client.force_login(network["editor1"])
    huge = "9" * 30
    for url in (
        f"{INDEX}?opportunity={huge}",
        f"{INDEX}?opportunity=abc",
        f"/admin/volunteer-hours/?opportunity={huge}",
        f"/admin/certificates/?opportunity={huge}",
    ):
        assert client.get(url).status_code == 200, url
    for ids in ("id=abc", f"id={huge}", "id=-1"):
        url = f"/admin/bulk/opportunities/application/accept_applications/?next=/&{ids}"
        assert client.get(url).status_code == 404


def test_an_editor_cannot_accept_their_own_application_in_bulk(client, network):
    editor1 = network["editor1"]
    own, _ = applying.apply(
        network["painter"], editor1, motivation="m", availability="a", consent=True
    )
    client.force_login(editor1)
    url = f"/admin/bulk/opportunities/application/accept_applications/?next={INDEX}&id={own.pk}"
    client.post(url, {"message": ""})
    own.refresh_from_db()
    assert own.status == "submitted"


def test_exports_and_date_filters_are_in_the_jalali_calendar(client, network):
    import datetime

    from django.utils import timezone

    from opportunities.models import Application

    applied = timezone.make_aware(datetime.datetime(2023, 1, 10, 14, 30))
    Application.objects.filter(pk=network["applicants"][0].pk).update(created_at=applied)
    client.force_login(network["editor1"])

    response = client.get(INDEX + "?export=csv&status=submitted")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert "۲۰ دی ۱۴۰۱، ۱۴:۳۰" in {row[5] for row in rows[1:]}
    assert not any("2023" in cell for row in rows[1:] for cell in row)

    # The listing's date filter takes Jalali dates, as its picker writes them.
    listing = client.get(INDEX, {"created_at_from": "۱۴۰۱/۱۰/۱۹", "created_at_to": "۱۴۰۱/۱۰/۲۱"})
    content = listing.content.decode()
    assert listing.status_code == 200
    assert "زهرا احمدی" in content and "زهرا کریمی" not in content
    assert 'value="۱۴۰۱/۱۰/۱۹"' in content and "data-jalali" in content
