"""Whatever a visitor types into a public listing's address is "no such filter", never an
error (issue: `?city=²` answered 500: `str.isdigit` accepts digits `int` refuses, and
SQLite cannot hold an id of 23 digits)."""

import pytest

from nikrah.url_values import MAX_ID, valid_id

ODD_IDS = [
    "%C2%B2",  # ² superscript two: isdigit() but not int()
    "%C2%B9%C2%B2",
    "%DB%B3",  # ۳ Persian digit three
    "99999999999999999999999",
    str(MAX_ID + 1),
    "-1",
    "0",
    "1%00",
    "%E2%80%AE12",  # right-to-left override
    "%ZZ",  # broken percent-encoding
    "1" * 10_000,
]
LISTINGS = [
    ("/opportunities/", "city"),
    ("/opportunities/", "working_group"),
    ("/en/opportunities/", "city"),
    ("/news/", "charity"),
    ("/news/", "working_group"),
    ("/en/news/", "charity"),
    ("/charities/", "province"),
]


@pytest.mark.parametrize(("path", "parameter"), LISTINGS)
def test_odd_ids_in_a_listings_address_are_no_filter_not_an_error(demo, client, path, parameter):
    for value in ODD_IDS:
        response = client.get(f"{path}?{parameter}={value}")
        assert response.status_code == 200, f"{path}?{parameter}={value[:40]}"
    twice = client.get(f"{path}?{parameter}=1&{parameter}=%C2%B2")
    assert twice.status_code == 200


def test_an_id_from_a_url_is_ascii_digits_that_fit_the_database():
    assert valid_id("42") == 42
    assert valid_id(" 42 ") == 42
    assert valid_id(str(MAX_ID)) == MAX_ID
    for odd in ("²", "۳", "-1", "0", "", "4 2", str(MAX_ID + 1), "1e3", "0x1", "1" * 5000):
        assert valid_id(odd) is None, odd


ODD_STRINGS = [
    "%C2%B2",
    "99999999999999999999999",
    "-1",
    "%00",
    "%1B%5B31m",  # a terminal escape
    "%E2%80%AE",
    "%ZZ",
    "x" * 10_000,
    "۱۴۰۲/۱۳/۴۰",  # a Jalali date that does not exist
    "'\"<>",
]
PARAMETERS = {
    "/opportunities/": [
        "q",
        "province",
        "city",
        "theme",
        "working_group",
        "skill",
        "mode",
        "from",
        "to",
        "first_timers",
        "open_places",
        "past",
        "sort",
        "page",
    ],
    "/news/": ["kind", "tag", "charity", "working_group", "page"],
    "/news/feed/rss/": ["kind", "tag", "charity", "working_group"],
    "/charities/": ["theme", "province", "trusted", "q", "page"],
    "/search/": ["q", "page"],
}


@pytest.mark.parametrize("path", PARAMETERS)
def test_every_parameter_a_public_listing_reads_takes_any_text(demo, client, path):
    for parameter in PARAMETERS[path]:
        for value in ODD_STRINGS:
            response = client.get(f"{path}?{parameter}={value}")
            assert response.status_code < 500, f"{path}?{parameter}={value[:40]}"
