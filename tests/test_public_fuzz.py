"""Finding 2 of the security review: public addresses answered 500 to odd input
(`/opportunities/?city=%C2%B2`, `?city=99999999999999999999999` on SQLite). Whatever anyone
types into any address of the demo, in its path or its query string, the answer is never a
server error: every page and feed in both languages, every route of a page, every view of
the URL configuration, each with the parameters it was seen to read and with parameters it
does not know.

The addresses and parameters are found, not listed (``tests.public_urls``): a new page
type, route, view or parameter is fuzzed the day it is added, and the first tests below
fail when one escapes.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import Client
from hypothesis import given
from hypothesis import strategies as st
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, get_page_models

from tests import odd_input, public_urls
from tests.public_urls import PAGE_VIEW

# One worker runs this module, so that the site is requested once (see ``discover``).
pytestmark = pytest.mark.xdist_group("public_fuzz")

ROOT = Path(__file__).resolve().parent.parent
APPS = ["nikrah", "home", "charities", "workinggroups", "opportunities", "experience", "newsroom"]
# The admin's screens only send a visitor to its sign-in page; they are fuzzed too, but
# most examples go to what the public reads.
ADMIN = "admin/"


@pytest.fixture
def site(demo):
    return public_urls.discover()


@pytest.fixture
def clients(demo):
    """A visitor's browser and a signed-in volunteer's; a server error is an answer to
    report, not an exception."""
    return {
        "visitor": Client(raise_request_exception=False),
        "volunteer": public_urls.signed_in_client(),
    }


def answer(client, path, query=""):
    response = client.get(path, QUERY_STRING=query)
    problem = f"{path}?{query[:300]} answered {response.status_code}"
    if response.exc_info:
        problem += f": {response.exc_info[1]!r}"[:500]
    assert response.status_code < 500, problem


# --- Every address is found ---------------------------------------------------------------


def test_every_view_of_the_url_configuration_is_requested(site):
    """A view added to any urls.py is requested without anyone listing it."""
    requested = {target.pattern for target in site.targets}
    missing = [r for r, view in site.patterns.items() if view != PAGE_VIEW and r not in requested]
    assert not missing, f"no example address for: {missing}"


def test_every_page_and_every_route_of_every_page_type_is_requested(site, client):
    """Every live page in both languages (the sitemap lists them), every route of each
    routable page, and a page of every page type the site offers."""
    paths = {target.path for target in site.targets}
    sitemap = client.get("/sitemap.xml").content.decode()
    locations = {urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    assert any(path.startswith("/en/") for path in locations)
    assert locations <= paths, sorted(locations - paths)

    served = {target.pattern for target in site.targets if target.view == PAGE_VIEW}
    expected = set()
    for model in get_page_models():
        if issubclass(model, RoutablePageMixin):
            expected |= {f"{model.__name__}:{r.name}" for r in model.get_resolver().url_patterns}
        elif model is not Page:
            expected.add(model.__name__)
    missing = sorted(expected - served)
    assert not missing, f"no live page in the demo for these page types and routes: {missing}"


def test_every_parameter_the_code_reads_is_seen_being_read(site):
    """A view that starts reading a query parameter is fuzzed with it: each name the public
    code reads (``request.GET.get("…")``, ``{{ request.GET.… }}``) must have been seen read
    by an address here. The admin's hooks and screens are not public and are left out."""
    files = [
        file
        for app in APPS
        for file in sorted((ROOT / app).rglob("*"))
        if file.suffix in {".py", ".html", ".txt", ".xml"}
        and not {"migrations", "settings"} & set(file.parts)
        and file.name != "wagtail_hooks.py"
        and "admin" not in str(file.relative_to(ROOT))
    ]
    in_source = public_urls.parameters_in_source(files)
    assert {"city", "working_group", "charity", "code", "reply"} <= in_source.keys()
    seen = set().union(*site.reads.values())
    unseen = {name: file for name, file in in_source.items() if name not in seen}
    assert not unseen, f"read in the code, never seen read by an address: {unseen}"


def test_every_address_answers_without_a_server_error(site):
    failures = {target: status for target, status in site.baseline.items() if status >= 500}
    assert not failures, failures


# --- Odd input -----------------------------------------------------------------------------


# Values that once answered 500 (finding 2), and their kin: each is sent to every
# parameter of every view that reads any.
ONCE_ANSWERED_500 = [
    "%C2%B2",  # ² superscript two: isdigit() but not int()
    "%DB%B3",  # ۳ Persian three
    "99999999999999999999999",
    "-9223372036854775809",
    "%00",
    "%E2%80%AE1",  # right-to-left override
    "9" * 10_000,
]


@pytest.mark.parametrize("value", ONCE_ANSWERED_500, ids=lambda value: value[:24])
def test_every_parameter_read_takes_values_that_once_answered_500(site, clients, value):
    for target in site.readers:
        # Each parameter twice: what reads one value gets the odd one, what reads a list
        # gets both.
        query = "&".join(f"{name}=1&{name}={value}" for name in sorted(site.reads[target]))
        answer(clients[target.actor], target.path, query)


@given(data=st.data())
def test_no_address_answers_5xx_whatever_its_query_string(site, clients, data):
    # Most examples go to views that read parameters, the more they read the more often.
    groups = sorted(site.groups)
    reading = [group for group in groups for _ in site.parameters_of(group)]
    kinds = st.one_of(*[st.sampled_from(reading)] * 3, st.sampled_from(groups))
    group = data.draw(kinds, label="kind of address")
    target = data.draw(st.sampled_from(site.groups[group]), label="address")
    query = data.draw(odd_input.query_strings(site.reads[target], site.values), label="query")
    answer(clients[target.actor], target.path, query)


@given(data=st.data())
def test_no_address_answers_5xx_whatever_its_path(site, clients, data):
    public = sorted(regex for regex in site.patterns if not regex.startswith(ADMIN))
    admin = sorted(regex for regex in site.patterns if regex.startswith(ADMIN))
    patterns = st.one_of(*[st.sampled_from(public)] * 3, st.sampled_from(admin))
    regex = data.draw(patterns, label="pattern")
    path = data.draw(odd_input.paths(site, regex), label="path")
    actor = data.draw(st.sampled_from(sorted(clients)), label="who")
    answer(clients[actor], path)
