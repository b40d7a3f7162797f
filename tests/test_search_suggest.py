"""Issue 14, point 4: suggestions under the header's search box as a person types, from a
small JSON endpoint that asks the same search as /search/ (same normalisation, same live,
public pages of the language in the URL), and the box stays a plain form without script."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.test_search_site import SECRET, hide_in_pages_nobody_may_read


def suggestions(client, query, path="/search/suggest/"):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()["suggestions"]


def test_arabic_letters_suggest_the_persian_pages(demo, client):
    """Typed on an Arabic keyboard, «كودك» suggests the pages «کودک» finds on /search/,
    each with its title, kind and address, at most six, best first."""
    found = suggestions(client, "كودك")
    assert 1 <= len(found) <= 6
    assert found == suggestions(client, "کودک")
    assert all("کودک" in item["title"] for item in found[:2])  # titles rank first
    assert {"کارگروه‌ها", "پروژه‌ها"} & {item["kind"] for item in found}
    page = client.get(found[0]["url"])
    assert page.status_code == 200
    assert found[0]["title"] in page.content.decode()


def test_english_visitors_get_english_pages(demo, client):
    found = suggestions(client, "Mehrv", "/en/search/suggest/")
    assert found and all(item["url"].startswith("/en/") for item in found)
    assert any("Mehrvarzan" in item["title"] for item in found)
    assert {item["kind"] for item in found} <= {
        "News",
        "Opportunities",
        "Charities",
        "Working groups",
        "Projects",
    }
    assert not any("مهرورزان" in item["title"] for item in found)


@pytest.mark.parametrize("query", ["", "ک", "ك ", "a", "ـکـ", "!!", "\u200c ؟ ،"])
def test_fewer_than_two_letters_suggest_nothing(demo, client, query):
    assert suggestions(client, query) == []


def test_drafts_and_private_pages_are_never_suggested(demo, client):
    hide_in_pages_nobody_may_read(SECRET)
    assert suggestions(client, "زرافه") == []
    assert suggestions(client, "زر") == []


def test_everyone_gets_the_same_answer_for_a_short_while(demo, client):
    response = client.get("/search/suggest/", {"q": "کودک"})
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"public", "max-age=60"} <= cache_control
    assert "Set-Cookie" not in response.headers
    english = client.get("/en/search/suggest/", {"q": "children"})
    assert "Accept-Language" not in english.get("Vary", "")  # the language is in the URL


def test_a_suggestion_costs_the_same_queries_for_one_match_and_many(demo, client):
    suggestions(client, "دا")  # the site and its root paths are cached after the first
    counts = []
    for query in ("نیمسال", "دا"):
        with CaptureQueriesContext(connection) as queries:
            suggestions(client, query)
        counts.append(len(queries))
    assert counts[0] == counts[1] <= 5


@pytest.mark.parametrize(
    "query",
    [
        "q=%00",
        "q=%00%00ک%00و",
        "q=" + "ک" * 10_000,
        "q=" + "کودک " * 2_000,
        "q=%ZZ",
        "q=%D9",
        "q=%E2%80%AE%DB%B1%DB%B4",
        "q=%D9%A1%D9%A4%D9%A0%D9%A1",  # ١٤٠١, Arabic-Indic digits
        "q=%F0%9D%9F%8F%F0%9D%9F%90",  # mathematical digits
        'q="*(NOT)"',
        "q=a*+OR+b",
        "q=کو&q=دک",
        "q[]=کو",
        "",
    ],
)
def test_odd_input_is_answered_not_failed(demo, client, query):
    response = client.get(f"/search/suggest/?{query}")
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


def test_digits_of_every_script_suggest_the_same(demo, client):
    assert suggestions(client, "١٤٠١") == suggestions(client, "۱۴۰۱") == suggestions(client, "1401")


def test_the_box_is_a_plain_form_and_hands_script_its_translated_sentences(demo, client):
    """Without script the header box is a GET form to /search/; the script comes from a
    file (no inline script, event handlers or styles, for a strict Content-Security-Policy)
    and reads the endpoint and its announcements, translated, from the form."""
    html = client.get("/").content.decode()
    form = re.search(r'<form class="search-box"[^>]*>.*?</form>', html, re.S).group()
    assert 'method="get" action="/search/"' in form and 'name="q"' in form
    assert 'data-suggest-url="/search/suggest/"' in form
    assert 'data-announce-many="{count} پیشنهاد.' in form
    assert not re.search(r"\son[a-z]+=|\sstyle=", form)
    assert not re.search(r"<script(?![^>]*\ssrc=)", html)
    assert '<script src="/static/nikrah/js/search-suggest.js" defer></script>' in html
    english = client.get("/en/").content.decode()
    assert 'data-suggest-url="/en/search/suggest/"' in english
    assert 'data-announce-none="No suggestions."' in english
