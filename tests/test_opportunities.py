"""Finding volunteer opportunities: the listing's filters, an opportunity's page, its
calendar entry and structured data, and who organises it."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.models import City, Province, Theme
from charities.services import add_editor
from opportunities.factories import OpportunityPageFactory
from opportunities.models import OpportunityIndexPage, OpportunityPage
from tests.snapshots import shared_rows
from workinggroups.factories import (
    ProjectPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)
from workinggroups.moderation import reviewing_committee

TODAY = timezone.localdate()


def days(number):
    return TODAY + datetime.timedelta(days=number)


def build_world(home_page):
    directory = CharityIndexPageFactory(parent=home_page)
    mehrvarzan = make_charity("مهرورزان", directory=directory)
    groups = WorkingGroupIndexPageFactory(parent=home_page)
    children = WorkingGroupPageFactory(parent=groups, slug="children", members=[mehrvarzan])
    health = WorkingGroupPageFactory(parent=groups, slug="health")
    project = ProjectPageFactory(parent=children, slug="library", title="کتابخانهٔ سیار")
    listing = OpportunityIndexPage(title="فرصت‌های داوطلبی", slug="opportunities")
    home_page.add_child(instance=listing)
    listing.save_revision().publish()
    return {
        "mehrvarzan": mehrvarzan,
        "children": children,
        "health": health,
        "project": project,
        "listing": listing,
    }


world_rows = shared_rows(build_world)


@pytest.fixture
def world(world_rows, db):
    return world_rows.fresh()


@pytest.fixture
def opportunities(world):
    isfahan = Province.objects.get(code="IR-10")

    def make(parent, title, **fields):
        themes = fields.pop("themes", [])
        skills = fields.pop("skills", [])
        page = OpportunityPageFactory(parent=parent, title=title, **fields)
        page.themes.set(Theme.objects.filter(slug__in=themes))
        page.skills.add(*skills)
        page.save_revision().publish()
        return page

    return {
        "storyteller": make(
            world["project"],
            "قصه‌گو",
            starts_on=days(10),
            themes=["children"],
            skills=["قصه‌گویی"],
            suits_first_timers=True,
            charity=world["mehrvarzan"],
        ),
        "tutor": make(
            world["children"],
            "معلم ریاضی",
            starts_on=days(3),
            province=isfahan,
            city=City.objects.get(province=isfahan, is_capital=True),
            themes=["education"],
            application_deadline=days(1),
        ),
        "helpline": make(
            world["health"],
            "پاسخ‌گویی تلفنی",
            starts_on=days(20),
            is_remote=True,
            province=None,
            themes=["health"],
        ),
        "past": make(world["children"], "اردوی گذشته", starts_on=days(-30), ends_on=days(-29)),
    }


def position(content, title):
    return content.index(f">{title}</a>")


def titles(response):
    content = response.content.decode()
    names = ("قصه‌گو", "معلم ریاضی", "پاسخ‌گویی تلفنی", "اردوی گذشته")
    return {name for name in names if f">{name}</a>" in content}


def test_listing_shows_current_opportunities_soonest_first(client, opportunities):
    response = client.get("/opportunities/")
    content = response.content.decode()
    assert titles(response) == {"قصه‌گو", "معلم ریاضی", "پاسخ‌گویی تلفنی"}
    assert position(content, "معلم ریاضی") < position(content, "قصه‌گو")
    assert position(content, "قصه‌گو") < position(content, "پاسخ‌گویی تلفنی")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?province=IR-10", {"معلم ریاضی"}),
        ("?theme=children", {"قصه‌گو"}),
        ("?skill=قصه‌گویی", {"قصه‌گو"}),
        ("?mode=remote", {"پاسخ‌گویی تلفنی"}),
        ("?mode=in_person", {"قصه‌گو", "معلم ریاضی"}),
        ("?first_timers=1", {"قصه‌گو"}),
        ("?past=1&province=IR-23&mode=in_person", {"قصه‌گو", "اردوی گذشته"}),
        ("?q=ریاضي", {"معلم ریاضی"}),  # Arabic yeh still finds it
    ],
)
def test_listing_filters(client, opportunities, query, expected):
    assert titles(client.get("/opportunities/" + query)) == expected


def test_listing_filters_by_city_working_group_and_jalali_dates(client, world, opportunities):
    tutor = opportunities["tutor"]
    assert titles(client.get(f"/opportunities/?city={tutor.city_id}")) == {"معلم ریاضی"}
    group = world["health"].pk
    assert titles(client.get(f"/opportunities/?working_group={group}")) == {"پاسخ‌گویی تلفنی"}
    from persiantools.jdatetime import JalaliDate

    start = JalaliDate(days(15))
    jalali_from = f"{start.year}/{start.month:02d}/{start.day:02d}"
    assert titles(client.get(f"/opportunities/?from={jalali_from}")) == {"پاسخ‌گویی تلفنی"}
    assert titles(client.get(f"/opportunities/?to={days(5).isoformat()}")) == {"معلم ریاضی"}


def test_listing_sorts_by_deadline_and_newest(client, opportunities):
    content = client.get("/opportunities/?sort=closing").content.decode()
    assert position(content, "معلم ریاضی") < position(content, "قصه‌گو")
    content = client.get("/opportunities/?sort=newest").content.decode()
    assert position(content, "پاسخ‌گویی تلفنی") < position(content, "قصه‌گو")


def test_listing_query_count_does_not_grow_with_opportunities(client, world):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/opportunities/").status_code == 200
        return len(queries.captured_queries)

    def add(number):
        for index in range(number):
            page = OpportunityPageFactory(
                parent=world["project"] if index % 2 else world["health"],
                charity=world["mehrvarzan"],
                city=City.objects.filter(province__code="IR-23").first(),
            )
            page.themes.set(Theme.objects.all()[:2])
            page.save_revision().publish()

    add(5)
    count()  # the first request fills the site's caches
    few = count()
    add(35)
    assert count() == few


def test_opportunity_page_shows_organiser_project_and_places(client, world, opportunities):
    page = opportunities["storyteller"]
    content = client.get(page.url).content.decode()
    assert "مهرورزان" in content
    assert "کتابخانهٔ سیار" in content  # the project
    assert world["children"].title in content
    assert "۵" in content  # places
    data = json.loads(
        re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S).group(1)
    )
    assert data["@type"] == "JobPosting"
    assert data["employmentType"] == "VOLUNTEER"
    assert data["hiringOrganization"]["name"] == "مهرورزان"


def test_opportunity_calendar_is_a_valid_all_day_event(client, opportunities):
    page = opportunities["storyteller"]
    response = client.get(page.url + "calendar/")
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR\r\n") and body.endswith("END:VCALENDAR\r\n")
    assert f"DTSTART;VALUE=DATE:{page.starts_on:%Y%m%d}" in body
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))
    unfolded = body.replace("\r\n ", "")
    assert "SUMMARY:قصه‌گو" in unfolded


def test_past_opportunity_says_so_and_offers_related_open_ones(client, opportunities):
    content = client.get(opportunities["past"].url).content.decode()
    assert "notice--closed" in content
    assert "معلم ریاضی" in content or "قصه‌گو" in content


def test_opportunity_with_a_passed_deadline_says_applications_are_closed(client, opportunities):
    tutor = opportunities["tutor"]
    tutor.application_deadline = days(-1)
    tutor.save_revision().publish()
    assert "notice--closed" in client.get(tutor.url).content.decode()


def test_training_opportunities_are_reviewed_by_the_education_committee(world, opportunities):
    opportunity = opportunities["storyteller"]
    assert reviewing_committee(opportunity) == world["children"].committee
    opportunity.kind = OpportunityPage.Kind.TRAINING
    assert reviewing_committee(opportunity).kind == "education"


def test_an_editor_s_opportunity_is_organised_by_their_charity(client, world):
    editor = UserFactory(username="editor1")
    add_editor(world["mehrvarzan"], editor)
    client.force_login(editor)
    response = client.post(
        f"/admin/pages/add/opportunities/opportunitypage/{world['project'].pk}/",
        nested_form_data(
            {
                "title": "داوطلب کتاب‌خوانی",
                "slug": "reading",
                "summary": "",
                "description": streamfield([("paragraph", rich_text("<p>شرح</p>"))]),
                "kind": "one_off",
                "skills": "",
                "is_remote": "",
                "province": Province.objects.get(code="IR-23").pk,
                "city": "",
                "address": "",
                "starts_on": days(5).isoformat(),
                "ends_on": "",
                "hours": "",
                "hours_unit": "session",
                "application_deadline": "",
                "places": "3",
                "minimum_age": "",
                "required_documents": "",
                "action-submit": "submit",
            }
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    page = OpportunityPage.objects.get(slug="reading")
    assert page.charity == world["mehrvarzan"]
    assert not page.live


def test_opportunity_needs_a_place_unless_remote(world):
    from django.core.exceptions import ValidationError

    page = OpportunityPageFactory.build(province=None, is_remote=False, starts_on=days(1))
    with pytest.raises(ValidationError):
        page.clean()


def test_home_and_project_pages_show_open_opportunities(client, world, opportunities):
    home = client.get("/").content.decode()
    assert "قصه‌گو" in home and "اردوی گذشته" not in home
    project = client.get(world["project"].url).content.decode()
    assert "قصه‌گو" in project
    assert "پاسخ‌گویی تلفنی" not in project  # under another working group
