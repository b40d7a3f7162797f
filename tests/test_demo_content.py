from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision, Site

from home.models import HomePage
from newsroom.models import NewsIndexPage, NewsPage


def load_demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "log": PageLogEntry.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_demo_builds_the_persian_site_with_an_english_translation(demo, home_page):

    home_page.refresh_from_db()
    assert home_page.title == "نیکراه"
    assert home_page.introduction
    assert home_page.locale.language_code == "fa"
    assert HomePage.objects.filter(locale__language_code="en", live=True).exists()

    newsroom = NewsIndexPage.objects.get(url_path="/home/news/")
    assert newsroom.get_parent().pk == home_page.pk
    assert newsroom.url == "/news/"


def test_the_meeting_report_is_the_first_article_with_its_topics_as_a_list(demo):

    first = NewsPage.objects.filter(locale__language_code="fa").order_by("date").first()
    assert first.title == "گزارش نشست نیکراه با خیریه‌های عضو"
    assert first.date.isoformat() == "2023-01-10"
    key_points = [block for block in first.body if block.block_type == "key_points"]
    assert len(key_points) == 1
    assert len(key_points[0].value["points"]) == 13
    assert "مددجویان بهبودیافته" in " ".join(key_points[0].value["points"])


def test_loading_the_demo_twice_changes_nothing(db):
    load_demo()
    before = snapshot()
    load_demo()
    assert snapshot() == before


def test_demo_admin_can_sign_in_and_prefers_persian(demo, client):
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.wagtail_userprofile.preferred_language == "fa"
    assert client.login(username="admin", password="nikrah-demo")


def test_demo_has_the_nine_charities_of_the_meeting_report(demo):
    from charities.models import CharityPage

    names = set(
        CharityPage.objects.live()
        .filter(locale__language_code="fa")
        .values_list("title", flat=True)
    )
    assert names == {
        "مهرورزان",
        "قصه اسباب بازی ها",
        "کودکان فرشته اند",
        "روشنای زندگی",
        "زنو",
        "سلول طلایی",
        "دوشن",
        "دستهای مهربان",
        "یاریگران خورشید",
    }
    trusted = CharityPage.objects.filter(charity__is_trusted=True, locale__language_code="fa")
    assert 0 < trusted.count() < 9
    assert CharityPage.objects.filter(locale__language_code="en", live=True).count() == 9


def test_demo_accounts_have_their_powers(demo, client):
    from charities.models import CharityPage

    mehrvarzan = CharityPage.objects.get(title="مهرورزان")
    toy_story = CharityPage.objects.get(title="قصه اسباب بازی ها")

    assert client.login(username="editor1", password="nikrah-demo")
    assert client.get(f"/admin/pages/{mehrvarzan.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{toy_story.pk}/edit/").status_code == 302
    client.logout()

    assert client.login(username="editor2", password="nikrah-demo")
    assert client.get(f"/admin/pages/{toy_story.pk}/edit/").status_code == 200
    client.logout()

    assert client.login(username="exec1", password="nikrah-demo")
    assert client.get("/admin/charities/").status_code == 200


def test_demo_committees_working_groups_and_queues(demo, client):
    from wagtail.models import TaskState

    from workinggroups.models import Committee, ProjectPage, WorkingGroupPage

    for username, kind in (("exec1", "executive"), ("culture1", "culture"), ("edu1", "education")):
        committee = Committee.objects.get(kind=kind)
        assert committee.members.filter(username=username).exists()
    kinds = set(WorkingGroupPage.objects.live().values_list("kind", flat=True))
    assert kinds == {"thematic", "regional"}
    assert ProjectPage.objects.live().filter(locale__language_code="fa").count() >= 4

    waiting = TaskState.objects.filter(status="in_progress")
    assert waiting.count() >= 3
    for username, title in (
        ("exec1", "اردوی تابستانی کودکان"),
        ("culture1", "فراخوان داوطلب برای اردوی تابستانی"),
        ("edu1", "کارگاه قصه‌گویی برای داوطلبان"),
    ):
        assert client.login(username=username, password="nikrah-demo")
        assert title in client.get("/admin/").content.decode()
        client.logout()


def test_demo_volunteer_signs_in_on_the_site_and_sees_their_profile(demo, client):
    response = client.post(
        "/account/login/", {"login": "volunteer1@nikrah.localhost", "password": "nikrah-demo"}
    )
    assert response.status_code == 302
    profile = client.get("/volunteer/profile/")
    assert profile.status_code == 200
    assert "نرگس احمدی" in profile.content.decode()


def test_demo_has_opportunities_and_volunteer1s_applications(demo, client):
    from opportunities.models import Application, OpportunityPage

    assert OpportunityPage.objects.live().count() >= 5
    statuses = set(
        Application.objects.filter(volunteer__username="volunteer1").values_list(
            "status", flat=True
        )
    )
    assert statuses == {"accepted", "submitted", "withdrawn", "completed"}
    assert client.login(username="volunteer1", password="nikrah-demo")
    content = client.get("/volunteer/applications/").content.decode()
    assert "پذیرفته‌شده" in content


def test_editor1_finds_demo_applicants_waiting_for_a_decision(demo, client):
    assert client.login(username="editor1", password="nikrah-demo")
    listing = client.get("/admin/applications/?status=submitted")
    names = {application.volunteer_name for application in listing.context["object_list"]}
    assert {"مریم کریمی", "علی رضایی"} <= names


def test_demo_gives_volunteer1_confirmed_hours_certificates_and_a_public_resume(demo, client):
    from experience.models import Certificate, HoursEntry

    hours = HoursEntry.objects.filter(application__volunteer__username="volunteer1").confirmed()
    charities = set(hours.values_list("application__opportunity__charity__name", flat=True))
    assert len(charities) >= 2
    assert hours.total() > 20
    certificates = Certificate.objects.filter(volunteer__username="volunteer1")
    assert set(certificates.values_list("kind", flat=True)) == {
        "participation",
        "hours",
        "training",
    }
    revoked = certificates.get(revoked_at__isnull=False)
    assert client.get(f"/certificates/{revoked.code}/").status_code == 200
    valid = certificates.valid().first()
    assert "این گواهی معتبر است" in client.get(f"/certificates/{valid.code}/").content.decode()
    profile = revoked.volunteer.volunteer_profile
    assert profile.resume_public
    resume = client.get(f"/volunteer/resume/{profile.resume_code}/")
    assert resume.status_code == 200
    assert "نرگس احمدی" in resume.content.decode()
    # Loading the demo again adds nothing.
    load_demo()
    assert Certificate.objects.filter(volunteer__username="volunteer1").count() == 4


def test_every_admin_screen_each_demo_role_reaches_is_in_persian(demo, client):
    """Signs in as each demo role and reads every admin screen it is shown a way to:
    no English word, outside proper names (Nikrah, Wagtail, file formats, time zones),
    the demo's usernames and the content of English pages."""
    from tests.admin_crawler import LATIN_WORD, crawl

    users = get_user_model().objects.filter(
        username__in=["admin", "editor1", "editor2", "exec1", "culture1", "edu1"]
    )
    from charities.models import City, Province, Theme
    from workinggroups.models import Committee

    # Content in English is content: English pages, and the English names of reference data.
    content = set()
    for page in Page.objects.filter(locale__language_code="en").specific():
        content |= set(LATIN_WORD.findall(f"{page.title} {getattr(page, 'summary', '')}"))
    for model in (Province, City, Theme, Committee):
        for name in model.objects.values_list("name_en", flat=True):
            content |= set(LATIN_WORD.findall(name))
    content |= set(Theme.objects.values_list("slug", flat=True))
    for hostname in Site.objects.values_list("hostname", flat=True):
        content |= set(LATIN_WORD.findall(hostname))
    allowed = frozenset(content | {user.username for user in users})

    english = {}
    for user in users:
        client.force_login(user)
        found, read = crawl(client, allowed=allowed)
        print(f"{user.username}: {read} screens read")
        assert read > 5, f"{user.username} reached only {read} screens"
        for word, urls in found.items():
            english.setdefault(word, set()).update(f"{user.username} {url}" for url in urls)
    report = "\n".join(f"{word}: {sorted(where)[:3]}" for word, where in sorted(english.items()))
    assert not english, report
