"""The charity directory and profiles as visitors see them, and the trusted mark as the
executive committee sets it."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import ModelLogEntry

from charities.factories import CharityIndexPageFactory, UserFactory, make_charity
from charities.factories import make_charity as make_charity_with_profile
from charities.models import Charity, CharityPage, Province, Theme
from charities.roles import EXECUTIVE_COMMITTEE_GROUP
from charities.services import add_editor
from newsroom.factories import NewsPageFactory
from newsroom.models import NewsIndexPage
from tests.snapshots import shared_rows


@pytest.fixture
def directory(home_page):
    return CharityIndexPageFactory(parent=home_page)


def profile_of(charity):
    return CharityPage.objects.get(pk=charity.profile.pk)


def build_charities(home_page):
    """Three published member charities in a directory of their own."""
    directory = CharityIndexPageFactory(parent=home_page)
    children = Theme.objects.get(slug="children")
    health = Theme.objects.get(slug="health")
    tehran = Province.objects.get(code="IR-23")
    isfahan = Province.objects.get(code="IR-10")

    def charity(name, themes, provinces, trusted=False):
        made = make_charity(name, directory=directory, trusted=trusted)
        page = profile_of(made)
        page.themes.set(themes)
        page.provinces.set(provinces)
        page.save_revision().publish()
        return made

    return {
        "mehrvarzan": charity("مهرورزان", [children], [tehran], trusted=True),
        "toys": charity("قصه اسباب بازی ها", [children], [tehran]),
        "kind": charity("دست‌های مهربان", [health], [isfahan], trusted=True),
    }


charities_rows = shared_rows(build_charities)


@pytest.fixture
def charities(charities_rows, db):
    return charities_rows.fresh()


def names_in(response):
    content = response.content.decode()
    return {name for name in ("مهرورزان", "قصه اسباب بازی ها", "دست‌های مهربان") if name in content}


def test_directory_lists_live_charities(client, charities):
    response = client.get("/charities/")
    assert response.status_code == 200
    assert names_in(response) == {"مهرورزان", "قصه اسباب بازی ها", "دست‌های مهربان"}
    assert "۳ خیریه" in response.content.decode()


def test_directory_hides_charities_that_are_not_yet_published(client, charities):
    directory = charities["mehrvarzan"].profile.get_parent()
    make_charity("انجمن در انتظار", directory=directory, publish=False)
    assert "انجمن در انتظار" not in client.get("/charities/").content.decode()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?theme=children", {"مهرورزان", "قصه اسباب بازی ها"}),
        ("?province=IR-10", {"دست‌های مهربان"}),
        ("?trusted=1", {"مهرورزان", "دست‌های مهربان"}),
        ("?theme=children&trusted=1", {"مهرورزان"}),
        ("?q=مهرورز", {"مهرورزان"}),
        # Arabic letters and no ZWNJ still find «دست‌های مهربان».
        ("?q=دستهاي", {"دست‌های مهربان"}),
        ("?q=دست های مهربان", {"دست‌های مهربان"}),
        ("?theme=no-such-theme", set()),
    ],
)
def test_directory_filters_and_search(client, charities, query, expected):
    assert names_in(client.get("/charities/" + query)) == expected


def test_directory_says_so_when_nothing_matches(client, charities):
    content = client.get("/charities/?q=ناموجود").content.decode()
    assert "هیچ خیریه‌ای با این فیلترها پیدا نشد." in content


def test_directory_paginates(client, directory):
    for number in range(14):
        make_charity(f"انجمن شماره {number}", directory=directory)
    first = client.get("/charities/").content.decode()
    assert "صفحهٔ ۱ از ۲" in first
    assert client.get("/charities/?page=2").status_code == 200
    assert client.get("/charities/?page=x").status_code == 200


def test_directory_query_count_does_not_grow_with_charities(client, directory):
    logo = get_image_model().objects.create(title="نشان", file=get_test_image_file())

    def make_charity(name, directory):
        charity = make_charity_with_profile(name, directory=directory)
        page = charity.profile
        page.logo = logo
        page.themes.set(Theme.objects.all()[:2])
        page.save_revision().publish()

    for number in range(3):
        make_charity(f"انجمن الف {number}", directory=directory)
    client.get("/charities/")  # renditions are made on the first view
    with CaptureQueriesContext(connection) as few:
        client.get("/charities/")
    for number in range(9):
        make_charity(f"انجمن ب {number}", directory=directory)
    client.get("/charities/")
    with CaptureQueriesContext(connection) as more:
        client.get("/charities/")
    assert len(more.captured_queries) == len(few.captured_queries)


def test_profile_shows_trusted_mark_facts_and_the_charitys_news(client, charities):
    mehrvarzan = profile_of(charities["mehrvarzan"])
    news_index = NewsIndexPage.objects.child_of(mehrvarzan).get()
    NewsPageFactory(parent=news_index, title="اردوی تابستانی کودکان")
    content = client.get(mehrvarzan.url).content.decode()
    assert "عضو معتمد" in content
    assert "کودکان" in content and "تهران" in content
    assert "اردوی تابستانی کودکان" in content


def test_profile_of_an_untrusted_charity_has_no_mark_and_says_it_has_no_news(client, charities):
    content = client.get(profile_of(charities["toys"]).url).content.decode()
    assert "عضو معتمد" not in content
    assert "این خیریه هنوز خبری منتشر نکرده است." in content


def test_unpublished_charity_and_its_news_index_are_not_reachable(client, directory):
    pending = make_charity("انجمن تازه‌وارد", directory=directory, publish=False)
    page = profile_of(pending)
    assert client.get(f"/charities/{page.slug}/").status_code == 404
    assert client.get(f"/charities/{page.slug}/news/").status_code == 404


@pytest.fixture
def exec_member(db):
    user = UserFactory(username="exec-member")
    user.groups.add(Group.objects.get(name=EXECUTIVE_COMMITTEE_GROUP))
    return user


def test_executive_committee_sets_the_trusted_mark_and_it_is_audit_logged(
    client, charities, exec_member
):
    toys = charities["toys"]
    client.force_login(exec_member)
    response = client.post(f"/admin/charities/edit/{toys.pk}/", {"is_trusted": "on"})
    assert response.status_code == 302
    toys.refresh_from_db()
    assert toys.is_trusted
    assert toys.trusted_since is not None
    entry = ModelLogEntry.objects.get(action="nikrah.charity.trusted")
    assert entry.user == exec_member
    assert entry.object_id == str(toys.pk)

    client.post(f"/admin/charities/edit/{toys.pk}/", {})
    toys.refresh_from_db()
    assert not toys.is_trusted
    assert ModelLogEntry.objects.filter(action="nikrah.charity.untrusted").count() == 1


def test_charity_editor_cannot_set_the_trusted_mark(client, charities):
    editor = UserFactory(username="an-editor")
    add_editor(charities["toys"], editor)
    client.force_login(editor)
    for url in ("/admin/charities/", f"/admin/charities/edit/{charities['toys'].pk}/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
    client.post(f"/admin/charities/edit/{charities['toys'].pk}/", {"is_trusted": "on"})
    assert not Charity.objects.get(pk=charities["toys"].pk).is_trusted


def test_the_trusted_mark_survives_an_editors_old_draft(client, charities, exec_member):
    """The mark lives outside the page's revisions: publishing a draft cannot undo it."""
    toys = charities["toys"]
    page = profile_of(toys)
    draft = page.save_revision()
    client.force_login(exec_member)
    client.post(f"/admin/charities/edit/{toys.pk}/", {"is_trusted": "on"})
    draft.publish()
    assert profile_of(toys).is_trusted


def test_home_shows_member_charities_trusted_first_and_their_count(client, charities):
    content = client.get("/").content.decode()
    assert content.index("مهرورزان") < content.index("قصه اسباب بازی ها")
    assert "<dt>خیریهٔ عضو</dt><dd>۳</dd>" in content
