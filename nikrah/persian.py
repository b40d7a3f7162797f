"""Persian digits and Jalali dates: one place that every template, e-mail and PDF uses."""

import datetime
import re
from decimal import Decimal

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


def format_number(value, language_code):
    """A quantity such as hours as people of the language write it: no trailing zeros
    (12.50 → 12.5, 10.00 → 10), and in Persian with Persian digits and the Persian decimal
    separator (۱۲٫۵)."""
    if value in (None, ""):
        return ""
    number = Decimal(str(value)).normalize()
    text = format(number.quantize(Decimal(1)) if number == number.to_integral() else number, "f")
    if is_persian(language_code):
        return to_persian_digits(text.replace(".", "٫"))
    return text


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


def format_datetime(value, language_code):
    """A moment as people of the language read it, in the site's time zone:
    ۲۰ دی ۱۴۰۱، ۱۴:۳۰ in Persian, 10 January 2023, 14:30 otherwise."""
    if value in (None, ""):
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    text = f"{format_date(value, language_code)}، {value:%H:%M}"
    if is_persian(language_code):
        return to_persian_digits(text)
    return text.replace("،", ",")


ARABIC_TO_PERSIAN_LETTERS = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "ۀ": "هٔ"})
ZWNJ = "\u200c"
_DIACRITICS = re.compile("[\u064b-\u065f\u0670\u0640]")  # harakat, superscript alef, tatweel


def normalize_letters(text):
    """Persian letters where Arabic keyboards put Arabic ones (ي→ی, ك→ک), without
    diacritics or tatweel. Used on what people type before it is stored or compared."""
    return _DIACRITICS.sub("", str(text).translate(ARABIC_TO_PERSIAN_LETTERS))


def name_key(text):
    """A key for matching names whatever their spacing: "دست‌های مهربان", "دستهای مهربان"
    and "دست های مهربان" share one. Digits become ASCII."""
    text = digits.fa_to_en(digits.ar_to_fa(normalize_letters(text))).lower()
    return re.sub(f"[\\s{ZWNJ}\u200d\u200f\u200e]+", "", text)


def to_ascii_digits(text):
    """Persian and Arabic-Indic digits to ASCII, e.g. for phone numbers typed in Persian."""
    return digits.fa_to_en(digits.ar_to_fa(str(text)))


def format_jalali_input(value, with_time=False):
    """A date (or moment) as a Jalali date field shows it: ۱۴۰۱/۱۰/۲۰ (۱۴:۳۰)."""
    day = _as_date(value)
    jalali = JalaliDate(day)
    text = f"{jalali.year:04d}/{jalali.month:02d}/{jalali.day:02d}"
    if with_time and isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        text = f"{text} {value:%H:%M}"
    return to_persian_digits(text)


def parse_datetime(text):
    """A moment typed by a person: a date as ``parse_date`` reads it, then a time
    (۱۴:۳۰, 14:30:00; ISO's ``T`` too). Returns a naive ``datetime.datetime`` or None."""
    text = to_ascii_digits(str(text or "")).strip()
    match = re.fullmatch(r"(\S+?)(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?", text)
    if not match or (day := parse_date(match.group(1))) is None:
        return None
    hour, minute, second = (int(part or 0) for part in match.group(2, 3, 4))
    try:
        return datetime.datetime.combine(day, datetime.time(hour, minute, second))
    except ValueError:
        return None


def parse_date(text):
    """A date typed by a person: ISO (2023-01-10) or Jalali (۱۴۰۱/۱۰/۲۰, 1401-10-20), with
    Persian, Arabic or ASCII digits. Returns a Gregorian ``datetime.date`` or None."""
    text = to_ascii_digits(str(text or "")).strip()
    match = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    try:
        if year < 1700:
            return JalaliDate(year, month, day).to_gregorian()
        return datetime.date(year, month, day)
    except ValueError:
        return None


# The Persian alphabet in dictionary order (آ first, as dictionaries and the official list
# of provinces have it), with پ چ ژ گ in their Persian places.
PERSIAN_ALPHABET = "آابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی"
# Spellings that sort as the letter people read in them.
_SORT_FOLD = str.maketrans(
    {"أ": "ا", "إ": "ا", "ٱ": "ا", "ؤ": "و", "ئ": "ی", "ء": None, "\u200c": None, "\u200d": None}
)


def _sort_code(char):
    if char == " ":
        return 0
    if "0" <= char <= "9":
        return 10 + int(char)
    if (index := PERSIAN_ALPHABET.find(char)) >= 0:
        return 100 + index
    if "a" <= char <= "z":
        return 200 + ord(char) - ord("a")
    if char.isalpha():
        return 900
    return 1  # punctuation sorts just after a space


def sort_key(text):
    """A key that puts names in Persian alphabetical order (ا آ ب پ ت … ی), whatever the
    database: ZWNJ, diacritics, tatweel and Arabic-keyboard letters (ي ك ة) do not
    disturb it, digits of any script sort as numbers' digits, then Latin letters follow.
    The key is ASCII digits only (three per letter), so every collation compares it the
    same way."""
    text = to_ascii_digits(normalize_letters(text or "")).translate(_SORT_FOLD).lower()
    text = " ".join(text.split())
    return "".join(f"{_sort_code(char):03d}" for char in text)
