"""Names are listed in Persian alphabetical order (آ ا ب پ ت … ی, with پ چ ژ گ in their
Persian places), on the public site and in the admin, on SQLite and on PostgreSQL alike."""

import re

import pytest

from charities.factories import CharityIndexPageFactory, make_charity
from charities.models import Charity, City, Province
from nikrah.persian import sort_key


def test_persian_letters_follow_the_persian_alphabet_not_code_points():
    names = ["همدان", "گیلان", "چهارمحال و بختیاری", "پارس آباد", "ژیان", "کرمان", "آبادان"]
    assert sorted(names, key=sort_key) == [
        "آبادان",
        "پارس آباد",
        "چهارمحال و بختیاری",
        "ژیان",
        "کرمان",
        "گیلان",
        "همدان",
    ]


@pytest.mark.parametrize(
    ("typed", "same_as"),
    [
        ("دستهای مهربان", "دست‌های مهربان"),  # ZWNJ left out
        ("يزد", "یزد"),  # Arabic yeh
        ("كرج", "کرج"),  # Arabic kaf
        ("مَهر", "مهر"),  # a diacritic
        ("مهــر", "مهر"),  # tatweel
        ("قصه  اسباب", "قصه اسباب"),  # two spaces
        ("۱۴۰۱", "1401"),
    ],
)
def test_how_a_name_is_typed_does_not_move_it(typed, same_as):
    assert sort_key(typed) == sort_key(same_as)


def test_a_shorter_name_comes_before_its_longer_forms():
    assert sorted(["مهرورزان", "مهر", "مهر آفرین"], key=sort_key) == [
        "مهر",
        "مهر آفرین",
        "مهرورزان",
    ]


def test_provinces_and_cities_come_in_persian_order(db):
    names = list(Province.objects.values_list("name_fa", flat=True))
    assert names == sorted(names, key=sort_key)
    assert names[:2] == ["آذربایجان شرقی", "آذربایجان غربی"]
    assert names.index("چهارمحال و بختیاری") < names.index("گیلان") < names.index("همدان")
    tehran = City.objects.filter(province__code="IR-23")
    assert tehran.first().is_capital  # the capital first, then the others in order
    others = [city.name_fa for city in tehran if not city.is_capital]
    assert others == sorted(others, key=sort_key)


@pytest.fixture
def charities(home_page):
    directory = CharityIndexPageFactory(parent=home_page)
    for name in ["همدلی", "گل‌های امید", "چراغ راه", "آوای مهر", "ياران", "بهار"]:
        make_charity(name, directory=directory, publish=True)
    return directory


def test_the_directory_and_the_admin_list_charities_in_persian_order(
    client, admin_client, charities
):
    # «ياران» was typed with an Arabic yeh; it is stored, and sorted, as «یاران».
    expected = ["آوای مهر", "بهار", "چراغ راه", "گل‌های امید", "همدلی", "یاران"]
    assert list(Charity.objects.values_list("name", flat=True)) == expected

    page = client.get(charities.url).content.decode()
    positions = [page.find(name) for name in expected]
    assert -1 not in positions and positions == sorted(positions)

    listing = admin_client.get("/admin/charities/").content.decode()
    positions = [listing.find(name) for name in expected]
    assert -1 not in positions and positions == sorted(positions), re.findall(
        r"<a[^>]*>([^<]+)</a>", listing
    )[:40]


def test_the_opportunity_filters_offer_provinces_in_persian_order(client, home_page):
    from opportunities.models import OpportunityIndexPage

    index = home_page.add_child(instance=OpportunityIndexPage(title="فرصت‌ها", slug="opps"))
    page = client.get(index.url).content.decode()
    select = re.search(r'<select [^>]*name="province".*?</select>', page, re.DOTALL).group(0)
    names = re.findall(r'<option value="[^"]+"[^>]*>([^<]+)</option>', select)
    assert names == sorted(names, key=sort_key)
    assert names.index("چهارمحال و بختیاری") < names.index("همدان")
