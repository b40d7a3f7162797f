"""Pages added in bulk for benchmarks (nikrah.bulk) are pages like any other: in the tree
as treebeard keeps it, live, served at their address, in listings and in search; and the
search benchmark reports what the search issue asks for."""

import io
import re

import pytest
from django.core.management import call_command
from wagtail.models import Page

from newsroom.models import NewsIndexPage, NewsPage
from nikrah.bulk import add_live_children


@pytest.fixture
def newsroom(demo):
    return NewsIndexPage.objects.get(locale__language_code="fa", depth=3)


def test_pages_added_in_bulk_are_live_in_the_tree_and_found(client, newsroom):
    before = newsroom.get_children().count()
    articles = [
        NewsPage(
            title=f"گزارش انبوه شماره {number}",
            slug=f"bulk-{number}",
            summary="کتابخانهٔ سیار به روستا رسید",
            body=[("paragraph", "<p>داوطلبان کتاب‌ها را چیدند.</p>")],
        )
        for number in range(5)
    ]
    add_live_children(newsroom, articles)

    assert Page.find_problems() == ([], [], [], [], [])
    assert newsroom.get_children().count() == before + 5
    page = NewsPage.objects.get(slug="bulk-3")
    assert page.live and page.url_path.endswith("/news/bulk-3/")
    assert page.title_sort  # the Persian sort key, as saving a page writes it
    assert client.get(page.url).status_code == 200
    assert "گزارش انبوه شماره 3" in client.get("/news/").content.decode()
    found = client.get("/search/", {"q": "انبوه"}).content.decode()
    assert found.count("/news/bulk-") == 5


def test_the_search_benchmark_reports_times_and_queries(newsroom):
    out = io.StringIO()
    call_command("bench_search", pages=40, queries=21, stdout=out, stderr=io.StringIO())
    report = out.getvalue()

    assert NewsPage.objects.filter(slug__startswith="bench-").count() == 40
    assert re.search(r"\| median \| \d+ ms \|", report)
    assert re.search(r"\| 95th percentile \| \d+ ms \(target ≤ 200 ms: (met|NOT met)\) \|", report)
    assert re.search(r"\| database queries, .* matches \| \d+", report)
    assert "Search over 40 bulk-loaded news articles" in report


def test_every_word_of_a_query_is_found_in_the_title_or_in_the_body(client, newsroom):
    """The words of a query may be spread over a page's fields: one in the title, one only
    in the body. (On PostgreSQL each field is matched with its own index.)"""
    add_live_children(
        newsroom,
        [
            NewsPage(
                title="زنبورداری در دامنه",
                slug="bees",
                summary="",
                body=[("paragraph", "<p>کندوهای تازه به روستای کوهستانی رسید.</p>")],
            )
        ],
    )

    def found(query):
        return "/news/bees/" in client.get("/search/", {"q": query}).content.decode()

    assert found("زنبورداری کندوها")  # title and body; «کندو» begins «کندوهای»
    assert found("کندو")
    assert not found("زنبورداری دلفین")
