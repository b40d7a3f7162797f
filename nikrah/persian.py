"""Persian digits and Jalali dates: one place that every template, e-mail and PDF uses."""

import datetime

from django.utils import timezone
from django.utils.dateformat import format as django_date_format
from persiantools import digits
from persiantools.jdatetime import JalaliDate

PERSIAN_LANGUAGE = "fa"


def is_persian(language_code):
    return (language_code or "").split("-")[0] == PERSIAN_LANGUAGE


def to_persian_digits(value):
    """Turn ASCII and Arabic-Indic digits into Persian ones (۰–۹)."""
    return digits.ar_to_fa(digits.en_to_fa(str(value)))


def localize_digits(value, language_code):
    return to_persian_digits(value) if is_persian(language_code) else str(value)


def _as_date(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.date()
    return value


def format_date(value, language_code, with_weekday=False):
    """A date as people of the language read it.

    Persian: the Jalali calendar with Persian digits (۲۰ دی ۱۴۰۱, or سه‌شنبه ۲۰ دی ۱۴۰۱).
    Other languages: the Gregorian calendar (10 January 2023, or Tuesday 10 January 2023).
    """
    if value in (None, ""):
        return ""
    day = _as_date(value)
    if is_persian(language_code):
        jalali = JalaliDate(day)
        text = f"{jalali.day} {jalali.strftime('%B', locale='fa')} {jalali.year}"
        if with_weekday:
            text = f"{jalali.strftime('%A', locale='fa')} {text}"
        return to_persian_digits(text)
    return django_date_format(day, "l j F Y" if with_weekday else "j F Y")
