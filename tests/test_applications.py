"""Applying for an opportunity: the volunteer's side, and places that are never overbooked."""

import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from charities.factories import CharityIndexPageFactory, make_charity
from opportunities import applying
from opportunities.factories import OpportunityPageFactory, VolunteerFactory
from opportunities.models import Application
from workinggroups.factories import WorkingGroupIndexPageFactory, WorkingGroupPageFactory

TODAY = timezone.localdate()


def build_opportunity(home_page, **fields):
    directory = CharityIndexPageFactory(parent=home_page)
    charity = make_charity("مهرورزان", directory=directory)
    group = WorkingGroupPageFactory(
        parent=WorkingGroupIndexPageFactory(parent=home_page), slug="children", members=[charity]
    )
    return OpportunityPageFactory(parent=group, slug="storyteller", charity=charity, **fields)


@pytest.fixture
def opportunity(home_page):
    return build_opportunity(home_page, places=2)


def application_form(**overrides):
    data = {"motivation": "با کودکان کار کرده‌ام.", "availability": "جمعه‌ها", "consent": "on"}
    data.update(overrides)
    return data


def test_a_visitor_is_sent_to_sign_in_and_back_to_the_form(client, opportunity):
    response = client.get(opportunity.url + "apply/")
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=")
    assert "apply" in response["Location"]


def test_volunteer_applies_and_sees_it_in_my_applications(client, opportunity):
    volunteer = VolunteerFactory()
    client.force_login(volunteer)
    assert client.get(opportunity.url + "apply/").status_code == 200
    response = client.post(opportunity.url + "apply/", application_form())
    assert response.status_code == 302
    assert response["Location"] == "/volunteer/applications/"
    application = Application.objects.get()
    assert application.status == "submitted"
    assert application.consent_to_share
    content = client.get("/volunteer/applications/").content.decode()
    assert opportunity.title in content


def test_a_double_submit_is_harmless(client, opportunity):
    client.force_login(VolunteerFactory())
    client.post(opportunity.url + "apply/", application_form())
    client.post(opportunity.url + "apply/", application_form())
    assert Application.objects.count() == 1


def test_bad_input_gets_a_clear_message_and_saves_nothing(client, opportunity):
    client.force_login(VolunteerFactory())
    response = client.post(opportunity.url + "apply/", application_form(consent=""))
    assert response.status_code == 400
    response = client.post(opportunity.url + "apply/", application_form(motivation="آ" * 1001))
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_closed_or_past_opportunities_refuse_applications(client, home_page):
    opportunity = build_opportunity(
        home_page, application_deadline=TODAY - datetime.timedelta(days=1)
    )
    client.force_login(VolunteerFactory())
    response = client.post(opportunity.url + "apply/", application_form())
    assert response.status_code == 400
    assert not Application.objects.exists()


def test_unknown_opportunity_and_someone_elses_application_are_not_found(client, opportunity):
    owner = VolunteerFactory()
    application, _ = applying.apply(
        opportunity, owner, motivation="m", availability="a", consent=True
    )
    client.force_login(VolunteerFactory())
    assert client.get(opportunity.url + "nope/apply/").status_code == 404
    response = client.post(f"/volunteer/applications/{application.pk}/withdraw/")
    assert response.status_code == 404
    application.refresh_from_db()
    assert application.status == "submitted"


def test_accepting_beyond_the_places_goes_to_the_wait_list(opportunity):
    applications = [
        applying.apply(
            opportunity, VolunteerFactory(), motivation="m", availability="a", consent=True
        )[0]
        for _ in range(3)
    ]
    statuses = [applying.accept(application).status for application in applications]
    assert statuses == ["accepted", "accepted", "waitlisted"]
    assert applying.places_left(opportunity) == 0


def test_a_freed_place_goes_to_the_next_on_the_wait_list(client, opportunity):
    volunteers = [VolunteerFactory() for _ in range(3)]
    applications = [
        applying.apply(opportunity, volunteer, motivation="m", availability="a", consent=True)[0]
        for volunteer in volunteers
    ]
    for application in applications:
        applying.accept(application)
    client.force_login(volunteers[0])
    client.post(f"/volunteer/applications/{applications[0].pk}/withdraw/")
    statuses = list(Application.objects.order_by("created_at").values_list("status", flat=True))
    assert statuses == ["withdrawn", "accepted", "accepted"]


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_fifty_concurrent_applications_and_acceptances_fill_exactly_five_places(home_page):
    opportunity = build_opportunity(home_page, places=5)
    volunteers = [VolunteerFactory() for _ in range(50)]
    errors = []
    start = threading.Barrier(len(volunteers))

    def apply_and_accept(volunteer):
        try:
            start.wait()
            application, _ = applying.apply(
                opportunity, volunteer, motivation="m", availability="a", consent=True
            )
            applying.accept(application)
        except Exception as error:
            errors.append(error)
        finally:
            # Each thread's own connection: closed, not left for the test database's teardown
            # (with CONN_MAX_AGE, close_old_connections would keep it open).
            connection.close()

    threads = [threading.Thread(target=apply_and_accept, args=(v,)) for v in volunteers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    assert Application.objects.count() == 50
    assert Application.objects.filter(status="accepted").count() == 5
    assert Application.objects.filter(status="waitlisted").count() == 45
    assert Application.objects.values("volunteer").distinct().count() == 50


def test_listing_can_show_only_opportunities_with_open_places(client, home_page):
    from charities.models import CharityPage  # noqa: F401
    from opportunities.models import OpportunityIndexPage

    full = build_opportunity(home_page, places=1, title="ظرفیت پر")
    OpportunityPageFactory(parent=full.get_parent(), title="ظرفیت خالی", places=3)
    listing = OpportunityIndexPage(title="فرصت‌ها", slug="opportunities")
    home_page.add_child(instance=listing)
    listing.save_revision().publish()
    application, _ = applying.apply(
        full, VolunteerFactory(), motivation="m", availability="a", consent=True
    )
    applying.accept(application)
    content = client.get("/opportunities/?open_places=1").content.decode()
    assert "ظرفیت خالی" in content
    assert ">ظرفیت پر<" not in content
    assert "ظرفیت این فرصت تکمیل شده است." in client.get(full.url).content.decode()
