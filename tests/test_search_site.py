"""Issue 14, points 1 and 6: one search at /search/ (and /en/search/), reached from a box in
the header of every page, that finds news, opportunities, charities, working groups and
projects of the visitor's language, live and public only, and stores nothing about who
searched for what."""

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from charities.models import MembershipRequest
from experience.models import HoursEntry
from newsroom.models import Comment, NewsPage
from opportunities.models import Application

SECRET = "زرافه‌نارنجی"


def test_the_header_of_every_page_has_a_search_box(demo, client):
    for path in ("/", "/news/", "/en/", "/opportunities/"):
        html = client.get(path).content.decode()
        assert 'role="search"' in html and 'name="q"' in html, path
    assert 'action="/search/"' in client.get("/news/").content.decode()
    assert 'action="/en/search/"' in client.get("/en/").content.decode()


def test_a_persian_search_finds_every_kind_with_its_owner_date_and_marked_words(demo, client):
    response = client.get("/search/", {"q": "كودك"})  # typed on an Arabic keyboard
    html = response.content.decode()
    assert response.status_code == 200
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    for kind in ("اخبار", "فرصت‌ها", "خیریه‌ها", "کارگروه‌ها", "پروژه‌ها"):
        assert f'<span class="search-result__kind">{kind}</span>' in html, kind
    assert "<mark>کودکان</mark>" in html
    assert "<span>روشنای زندگی</span>" in html  # an opportunity's charity
    assert "<span>کارگروه کودکان</span>" in html  # a project's working group
    assert "۱۴۰۱</time>" in html  # Jalali dates with Persian digits


def test_kinds_are_kept_in_the_address_and_results_are_paged(demo, client):
    html = client.get("/search/", {"q": "کودکان", "kind": "projects"}).content.decode()
    assert html.count('class="search-result card"') == 2
    assert '<span class="search-result__kind">پروژه‌ها</span>' in html
    assert 'href="?q=%DA%A9%D9%88%D8%AF%DA%A9%D8%A7%D9%86&amp;kind=news"' in html
    first = client.get("/search/", {"q": "داوطلب"}).content.decode()
    second = client.get("/search/", {"q": "داوطلب", "page": "2"}).content.decode()
    assert 'rel="next"' in first and 'rel="prev"' in second
    assert first.count('class="search-result card"') == 10


def test_english_pages_for_english_visitors(demo, client):
    html = client.get("/en/search/", {"q": "Mehrvarzan"}).content.decode()
    assert "Mehrvarzan</mark>" in html
    assert "مهرورزان" not in html.split('<main id="main"')[1]


def test_nothing_found_suggests_fewer_words_another_kind_and_open_opportunities(demo, client):
    html = client.get("/search/", {"q": "کودکان ناموجودستان", "kind": "news"}).content.decode()
    assert "چیزی برای «کودکان ناموجودستان» پیدا نشد" in html
    assert 'href="?q=%DA%A9%D9%88%D8%AF%DA%A9%D8%A7%D9%86&amp;kind=news"' in html  # fewer words
    html = client.get("/search/", {"q": "کتابخانه", "kind": "news"}).content.decode()
    assert 'href="?q=%DA%A9%D8%AA%D8%A7%D8%A8%D8%AE%D8%A7%D9%86%D9%87"' in html  # other kinds
    assert 'href="/opportunities/"' in html.split('class="empty-state')[1]


def hide_in_pages_nobody_may_read(word):
    """Put ``word`` in a draft of a live page, in an unpublished page and in a page behind a
    password, in their titles and summaries."""
    draft = NewsPage.objects.live().first()
    draft.title = f"{draft.title} {word}"
    draft.save_revision()  # a draft of a live page
    unpublished = NewsPage.objects.live().last()
    unpublished.title = word
    unpublished.save_revision().publish()
    unpublished.unpublish()
    restricted = NewsPage.objects.live().exclude(pk=unpublished.pk).last()
    restricted.title = f"{word} {restricted.title}"
    restricted.summary = word
    restricted.save_revision().publish()
    PageViewRestriction.objects.create(page=restricted, restriction_type="password", password="x")


def test_nothing_private_is_ever_found(demo, client):
    """Drafts, restricted pages, applications, hours, membership requests and comments
    awaiting moderation hold a word that no public page holds: it finds nothing."""
    hide_in_pages_nobody_may_read(SECRET)
    Comment.objects.filter(pk=Comment.objects.exclude(status="approved").first().pk).update(
        text=SECRET
    )
    Application.objects.filter(pk=Application.objects.first().pk).update(motivation=SECRET)
    HoursEntry.objects.filter(pk=HoursEntry.objects.first().pk).update(description=SECRET)
    MembershipRequest.objects.create(
        charity_name=SECRET,
        registration_number="1",
        registering_body=SECRET,
        contact_name=SECRET,
        phone="09120000000",
        email="a@example.org",
        statement=SECRET,
    )
    html = client.get("/search/", {"q": "زرافه"}).content.decode()
    assert 'class="search-result card"' not in html
    assert "search-empty" in html


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "q=" + "ک" * 10_000,
        "q=%ZZ",
        "q=%E2%80%AE%DB%B1%DB%B4",
        'q="*(NOT)"',
        "q=a&kind=%00",
        "q=a&kind=" + "x" * 10_000,
        "q=%D9%83%D9%88%D8%AF%D9%83&page=%DB%B2",
        "q=a&page=99999999999999999999",
        "q=a&page=-1",
        "q=a&q=b",
        "kind=news",
    ],
)
def test_odd_addresses_are_answered_not_failed(demo, client, query):
    assert client.get(f"/search/?{query}").status_code == 200


def test_search_terms_are_not_stored(demo, client, django_user_model):
    """Point 6: a signed-in person's search writes nothing anywhere (no query log)."""
    assert not apps.is_installed("wagtail.contrib.search_promotions")
    client.force_login(django_user_model.objects.get(username="admin"))
    tables = connection.introspection.table_names()

    def rows():
        with connection.cursor() as cursor:
            counts = {}
            for table in tables:
                cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")
                counts[table] = cursor.fetchone()[0]
            return counts

    before = rows()
    client.get("/search/", {"q": "کودکان"})
    assert rows() == before


def test_one_search_takes_the_same_queries_for_few_and_many_results(demo, client):
    """Point 5, in small: a search costs the same number of queries whether it matches one
    article or every one (each kind on a page of results adds one query at most)."""
    client.get("/search/", {"q": "خبر"})  # the site's settings are cached after the first
    counts = []
    for query in ("نیمسال", "ا"):
        with CaptureQueriesContext(connection) as queries:
            client.get("/search/", {"q": query, "kind": "news"})
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 30


@pytest.mark.parametrize(
    ("path", "query", "found", "missing"),
    [
        ("/charities/", "مهرورز", "مهرورزان", "سلول طلایی"),
        ("/charities/", "دست های", "دستهای مهربان", "سلول طلایی"),
        ("/opportunities/", "كتاب", "مرتب‌سازی کتاب‌های اهدایی", "معلم داوطلب ریاضی"),
        ("/news/", "نشست", "گزارش نشست نیکراه با خیریه‌های عضو", "توزیع پوشاک زمستانی"),
        ("/news/", "پوشاك", "توزیع پوشاک زمستانی", "گزارش نشست نیکراه"),
    ],
)
def test_listing_filters_use_the_same_search(demo, client, path, query, found, missing):
    """Point 3: the listings' ?q= finds what site search finds, spelled any way."""
    html = client.get(path, {"q": query}).content.decode().split('<main id="main"')[1]
    assert found in html and missing not in html
