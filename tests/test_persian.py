import datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from django.utils import translation

from nikrah import persian

MEETING = datetime.date(2023, 1, 10)


def render(source, language, **context):
    with translation.override(language):
        return Template("{% load nikrah_tags %}" + source).render(Context(context))


def test_meeting_date_reads_as_jalali_with_persian_digits_in_persian():
    assert render("{{ day|jalali }}", "fa", day=MEETING) == "۲۰ دی ۱۴۰۱"


def test_meeting_date_reads_as_gregorian_in_english():
    assert render("{{ day|jalali }}", "en", day=MEETING) == "10 January 2023"


def test_long_style_adds_the_weekday():
    assert render('{{ day|jalali:"long" }}', "fa", day=MEETING) == "سه‌شنبه ۲۰ دی ۱۴۰۱"
    assert render('{{ day|jalali:"long" }}', "en", day=MEETING) == "Tuesday 10 January 2023"


def test_first_day_of_the_year_is_not_zero_padded():
    assert persian.format_date(datetime.date(2024, 3, 20), "fa") == "۱ فروردین ۱۴۰۳"


def test_aware_datetimes_are_shown_on_tehran_calendar_day():
    # 21:00 UTC on 9 January is already 00:30 on 10 January in Tehran.
    moment = datetime.datetime(2023, 1, 9, 21, 0, tzinfo=ZoneInfo("UTC"))
    assert persian.format_date(moment, "fa") == "۲۰ دی ۱۴۰۱"


def test_empty_dates_render_as_nothing():
    assert render("{{ day|jalali }}", "fa", day=None) == ""


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (2023, "fa", "۲۰۲۳"),
        ("٢٠ دی", "fa", "۲۰ دی"),  # Arabic-Indic digits become Persian ones
        (2023, "en", "2023"),
    ],
)
def test_localdigits(value, language, expected):
    assert render("{{ value|localdigits }}", language, value=value) == expected


@pytest.mark.parametrize(
    ("value", "language", "expected"),
    [
        (Decimal("12.50"), "fa", "۱۲٫۵"),
        (Decimal("10.00"), "fa", "۱۰"),
        (Decimal("100"), "fa", "۱۰۰"),
        (Decimal("24.25"), "en", "24.25"),
        (3, "en", "3"),
        (None, "fa", ""),
    ],
)
def test_hours_read_as_people_write_them(value, language, expected):
    assert persian.format_number(value, language) == expected
