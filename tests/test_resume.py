"""A volunteer's résumé: what charities confirmed about their volunteering, private until the
volunteer makes it public at its own unguessable address, on the site and as a PDF."""

import datetime
import itertools
import re
import shutil
import subprocess
import unicodedata
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.models import City, Province, Theme
from experience import recording as experience
from experience.models import Certificate, HoursEntry
from opportunities import applying
from opportunities.factories import OpportunityPageFactory, VolunteerFactory
from tests.conftest import skip_or_fail
from tests.snapshots import shared_rows
from workinggroups.factories import (
    ProjectPageFactory,
    WorkingGroupIndexPageFactory,
    WorkingGroupPageFactory,
)

TODAY = timezone.localdate()
NAME = "سارا رضایی"
PHONE = "09121234567"
BIO = "از کودکی در محله‌مان داوطلب بوده‌ام."
MOTIVATION = "دوست دارم با کودکان کار کنم و قصه بگویم."
OWN_RESUME = "/volunteer/resume/"
CHARITY_NUMBERS = itertools.count()


@pytest.fixture(autouse=True)
def _site(site):
    """Every page renders the site header, which needs the default site and its home page."""


def days_ago(days):
    return TODAY - datetime.timedelta(days=days)


def public_path(volunteer, language="fa"):
    prefix = "" if language == "fa" else f"/{language}"
    return f"{prefix}/volunteer/resume/{volunteer.volunteer_profile.resume_code}/"


def content(response):
    return response.content.decode()


class Network:
    """Two charities in a working group, with a project, and an editor who confirms hours."""

    def __init__(self, home_page):
        self.directory = CharityIndexPageFactory(parent=home_page)
        self.ours = make_charity("مهرورزان", directory=self.directory)
        self.theirs = make_charity("همیاران", directory=self.directory)
        self.group = WorkingGroupPageFactory(
            parent=WorkingGroupIndexPageFactory(parent=home_page),
            members=[self.ours, self.theirs],
        )
        self.project = ProjectPageFactory(parent=self.group, title="خانهٔ امن کودک")
        self.editor = UserFactory()

    def opportunity(self, title, charity, *, themes=(), parent=None, **fields):
        """An opportunity that began a month ago and runs for another month."""
        fields.setdefault("starts_on", days_ago(30))
        fields.setdefault("ends_on", TODAY + datetime.timedelta(days=30))
        opportunity = OpportunityPageFactory(
            parent=parent or self.group, title=title, charity=charity, **fields
        )
        opportunity.themes.set([Theme.objects.get(slug=slug) for slug in themes])
        opportunity.save()
        return opportunity

    def take_part(self, volunteer, opportunity):
        application, _ = applying.apply(
            opportunity, volunteer, motivation=MOTIVATION, availability="جمعه‌ها", consent=True
        )
        return applying.accept(application)

    def confirm(self, application, hours, day):
        return experience.record_hours(
            application,
            date=days_ago(day),
            hours=Decimal(hours),
            description="کارگاه",
            user=self.editor,
        )


network_rows = shared_rows(Network)


@pytest.fixture
def network(network_rows, db):
    return network_rows.fresh()


def build_sara(home_page):
    """A volunteer with a varied history: confirmed hours in two charities, three regions and
    two fields, and plenty that was never confirmed."""
    network = Network(home_page)
    volunteer = VolunteerFactory(profile__display_name=NAME)
    profile = volunteer.volunteer_profile
    profile.phone, profile.bio = PHONE, BIO
    profile.save()
    tehran = Province.objects.get(code="IR-23")
    shiraz = City.objects.get(name_en="Shiraz")

    storytelling = network.take_part(
        volunteer,
        network.opportunity(
            "قصه‌گوی کودکان",
            network.ours,
            parent=network.project,
            themes=["children"],
            province=tehran,
            city=tehran.cities.get(name_en="Tehran"),
        ),
    )
    network.confirm(storytelling, "3", day=10)
    network.confirm(storytelling, "2.5", day=3)
    experience.log_hours(  # still waiting for the charity
        storytelling, volunteer, date=days_ago(2), hours=Decimal("4"), description="قصه"
    )
    rejected = experience.log_hours(
        storytelling, volunteer, date=days_ago(1), hours=Decimal("1"), description="قصه"
    )
    experience.review_hours([rejected], HoursEntry.Status.REJECTED, user=network.editor)

    translating = network.take_part(
        volunteer,
        network.opportunity(
            "مترجم متون آموزشی", network.theirs, themes=["children", "education"], is_remote=True
        ),
    )
    network.confirm(translating, "6", day=5)
    translating = applying.complete(translating)
    experience.issue_certificate(translating, Certificate.Kind.PARTICIPATION)

    painting = applying.complete(
        network.take_part(
            volunteer,
            network.opportunity(
                "نقاش دیوار مدرسه",
                network.ours,
                themes=["education"],
                province=shiraz.province,
                city=shiraz,
            ),
        )
    )
    mistaken = experience.issue_certificate(painting, Certificate.Kind.PARTICIPATION)
    experience.revoke_certificate(mistaken, reason="به اشتباه صادر شد", user=network.editor)

    waiting = network.take_part(volunteer, network.opportunity("آشپز", network.theirs))
    experience.log_hours(waiting, volunteer, date=days_ago(4), hours=Decimal("5"), description="")

    applying.apply(
        network.opportunity("راننده", network.theirs),
        volunteer,
        motivation=MOTIVATION,
        availability="صبح‌ها",
        consent=True,
    )
    declined, _ = applying.apply(
        network.opportunity("حسابدار", network.ours),
        volunteer,
        motivation=MOTIVATION,
        availability="صبح‌ها",
        consent=True,
    )
    applying.decline(declined)
    withdrawn = network.take_part(volunteer, network.opportunity("عکاس", network.ours))
    network.confirm(withdrawn, "2", day=6)
    applying.withdraw(withdrawn, volunteer)

    return volunteer


sara_rows = shared_rows(build_sara)


@pytest.fixture
def sara(sara_rows, db):
    return sara_rows.fresh()


def make_public(client, volunteer):
    client.force_login(volunteer)
    return client.post(OWN_RESUME, {"public": "1"})


# Private by default, public when the volunteer says so


def test_a_new_resume_is_private_and_its_owner_is_told_so(client, sara):
    client.force_login(sara)
    response = client.get(OWN_RESUME)

    assert response.status_code == 200
    assert not sara.volunteer_profile.resume_public
    assert "خصوصی" in content(response)
    assert public_path(sara) not in content(response)


def test_a_private_resume_is_not_found_by_visitors_or_other_volunteers(client, sara):
    assert client.get(public_path(sara)).status_code == 404
    assert client.get(public_path(sara) + "pdf/").status_code == 404

    client.force_login(VolunteerFactory())
    assert client.get(public_path(sara)).status_code == 404
    assert client.get(public_path(sara) + "pdf/").status_code == 404


def test_the_owner_sees_their_private_resume_at_its_public_address(client, sara):
    client.force_login(sara)
    response = client.get(public_path(sara))

    assert response.status_code == 200
    assert NAME in content(response)


def test_a_visitor_is_sent_to_sign_in_for_the_own_resume_page(client, sara):
    response = client.get(OWN_RESUME)

    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/")


def test_the_owner_makes_the_resume_public_and_a_visitor_sees_it(client, sara):
    response = make_public(client, sara)

    assert response.status_code == 302
    assert response["Location"] == OWN_RESUME
    own_page = content(client.get(OWN_RESUME))
    assert "عمومی" in own_page
    assert f"http://testserver{public_path(sara)}" in own_page

    visitor = Client()
    page = visitor.get(public_path(sara))
    assert page.status_code == 200
    assert NAME in content(page)
    assert '<meta name="robots" content="noindex">' in content(page)
    assert visitor.get(public_path(sara) + "pdf/")["Content-Type"] == "application/pdf"


def test_the_owner_makes_it_private_again(client, sara):
    make_public(client, sara)
    response = client.post(OWN_RESUME, {"public": "0"})

    assert response.status_code == 302
    sara.volunteer_profile.refresh_from_db()
    assert not sara.volunteer_profile.resume_public
    assert Client().get(public_path(sara)).status_code == 404


def test_the_switch_needs_the_csrf_token(sara):
    client = Client(enforce_csrf_checks=True)
    client.force_login(sara)

    assert client.post(OWN_RESUME, {"public": "1"}).status_code == 403
    sara.volunteer_profile.refresh_from_db()
    assert not sara.volunteer_profile.resume_public


def test_the_profile_links_to_the_resume(client, sara):
    client.force_login(sara)

    assert f'href="{OWN_RESUME}"' in content(client.get("/volunteer/profile/"))


# What the résumé says: only what charities confirmed


def test_only_experience_the_charities_confirmed_appears(client, sara):
    client.force_login(sara)
    response = client.get(OWN_RESUME)
    page = content(response)

    roles = {e.role for e in response.context["resume"].experiences}
    assert roles == {"قصه‌گوی کودکان", "مترجم متون آموزشی", "نقاش دیوار مدرسه"}
    for never_confirmed in ("آشپز", "راننده", "حسابدار", "عکاس"):
        assert never_confirmed not in page


def test_only_confirmed_hours_count(client, sara):
    client.force_login(sara)
    resume = client.get(OWN_RESUME).context["resume"]
    hours = {e.role: e.hours for e in resume.experiences}

    assert hours == {
        "قصه‌گوی کودکان": Decimal("5.5"),  # not the 4 pending nor the 1 rejected
        "مترجم متون آموزشی": Decimal("6"),
        "نقاش دیوار مدرسه": Decimal("0"),  # completed, without hours
    }
    assert resume.total_hours == Decimal("11.5")


def test_hours_are_totalled_by_field_and_by_charity(client, sara):
    client.force_login(sara)
    resume = client.get(OWN_RESUME).context["resume"]

    by_field = {share.subject.slug: share.hours for share in resume.hours_by_field}
    by_charity = {share.subject.name: share.hours for share in resume.hours_by_charity}
    assert by_field == {"children": Decimal("11.5"), "education": Decimal("6")}
    assert by_charity == {"مهرورزان": Decimal("5.5"), "همیاران": Decimal("6")}


def test_variety_counts_fields_charities_and_regions_with_remote_as_its_own(client, sara):
    client.force_login(sara)
    variety = client.get(OWN_RESUME).context["resume"].variety

    assert (variety.fields, variety.charities, variety.regions) == (2, 2, 3)


def test_an_experience_shows_its_charity_project_place_and_confirmed_period(client, sara):
    client.force_login(sara)
    response = client.get(OWN_RESUME)
    (storytelling,) = [
        e for e in response.context["resume"].experiences if e.role == "قصه‌گوی کودکان"
    ]
    page = content(response)

    assert storytelling.project_title == "خانهٔ امن کودک"
    assert storytelling.charity_url.startswith("/charities/")
    assert f'href="{storytelling.charity_url}"' in page
    assert (storytelling.period_start, storytelling.period_end) == (days_ago(10), days_ago(3))
    assert "خانهٔ امن کودک" in page
    assert "تهران" in page and "از راه دور" in page
    assert "۵٫۵" in page and "۱۱٫۵" in page  # Persian digits


def test_valid_certificates_appear_with_their_verification_link_and_revoked_ones_do_not(
    client, sara
):
    valid = Certificate.objects.get(role="مترجم متون آموزشی")
    revoked = Certificate.objects.get(role="نقاش دیوار مدرسه")
    make_public(client, sara)
    page = content(Client().get(public_path(sara)))

    assert valid.code in page
    assert f'href="/certificates/{valid.code}/"' in page
    assert revoked.code not in page


def test_the_public_resume_shows_no_contact_details_or_motivation(client, sara):
    make_public(client, sara)
    page = content(Client().get(public_path(sara)))

    for private in (sara.email, PHONE, BIO, MOTIVATION, "جمعه‌ها"):
        assert private not in page


def test_a_volunteer_with_no_confirmed_experience_has_an_empty_but_honest_resume(client):
    volunteer = VolunteerFactory()
    client.force_login(volunteer)
    resume = client.get(OWN_RESUME).context["resume"]

    assert resume.experiences == [] and resume.certificates == []
    assert resume.total_hours == 0


# In English


def test_the_english_resume_is_at_en_in_english(client, sara):
    make_public(client, sara)
    valid = Certificate.objects.get(role="مترجم متون آموزشی")
    response = Client().get(public_path(sara, "en"))
    page = content(response)

    assert response.status_code == 200
    assert '<html lang="en" dir="ltr">' in page
    assert "Volunteering résumé" in page
    assert "Remote" in page and "Children" in page and "Tehran" in page
    assert "11.5" in page
    assert f'href="/en/certificates/{valid.code}/"' in page


def test_the_own_resume_in_english(client, sara):
    client.force_login(sara)
    response = client.post("/en/volunteer/resume/", {"public": "1"})
    page = content(client.get(response["Location"]))

    assert response["Location"] == "/en/volunteer/resume/"
    assert "Your résumé is now public" in page


# As a PDF


def normalised(text):
    """As tests/test_certificate_pdf.py: compatibility forms folded, no ZWNJ, no spaces."""
    text = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s\u200c-\u200f\u202a-\u202e\u2066-\u2069]", "", text).casefold()


def pdf_text(pdf):
    if shutil.which("pdftotext") is None:
        skip_or_fail("needs pdftotext: apt-get install poppler-utils")
    result = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return normalised(result.stdout.decode())


def test_the_owner_downloads_the_resume_as_a_persian_pdf(client, sara):
    client.force_login(sara)
    response = client.get(OWN_RESUME + "pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content)
    assert normalised(NAME) in text
    assert normalised("مهرورزان") in text and normalised("همیاران") in text
    assert normalised("۱۱٫۵") in text
    assert normalised(PHONE) not in text and normalised(MOTIVATION) not in text


def test_the_public_english_pdf_is_in_english(client, sara):
    make_public(client, sara)
    valid = Certificate.objects.get(role="مترجم متون آموزشی")
    response = Client().get(public_path(sara, "en") + "pdf/")

    text = pdf_text(response.content)
    assert normalised("Volunteering résumé") in text
    assert normalised(NAME) in text
    assert normalised(f"http://testserver/en/certificates/{valid.code}/") in text
    assert normalised(f"http://testserver{public_path(sara, 'en')}") in text


# Bounded queries


def volunteer_with_experiences(network, count):
    volunteer = VolunteerFactory()
    for number in range(count):
        charity = make_charity(f"خیریهٔ {next(CHARITY_NUMBERS)}", directory=network.directory)
        application = network.take_part(
            volunteer,
            network.opportunity(
                f"نقش {number}", charity, themes=["children", "health"], parent=network.project
            ),
        )
        network.confirm(application, "2", day=number + 1)
        experience.issue_certificate(applying.complete(application), Certificate.Kind.PARTICIPATION)
    return volunteer


def queries_to_see_own_resume(volunteer):
    client = Client()
    client.force_login(volunteer)
    client.get(OWN_RESUME)  # warm the site's caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(OWN_RESUME)
    assert response.status_code == 200
    return len(queries), response


def test_the_resume_takes_as_many_queries_for_ten_experiences_as_for_two(network):
    few, few_response = queries_to_see_own_resume(volunteer_with_experiences(network, 2))
    many, many_response = queries_to_see_own_resume(volunteer_with_experiences(network, 10))

    assert len(few_response.context["resume"].experiences) == 2
    assert len(many_response.context["resume"].experiences) == 10
    assert len(many_response.context["resume"].certificates) == 10
    assert few == many
