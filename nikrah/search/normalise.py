"""Persian text as the search index and every query see it: one function for both sides.

People type the same word many ways: Arabic keyboards give ي and ك, some write ة, أ or آ
where others write ه or ا, the zero-width non-joiner of «می‌خواهند» is written, left out
or typed as a space, digits come in three scripts, and diacritics or tatweel are sprinkled
in. ``normalise`` turns all of these into one spelling, so the index and the query agree
whatever the database (SQLite's FTS5 and PostgreSQL's ``simple`` configuration then see
only letters, digits and single spaces).
"""

import re
import unicodedata

from nikrah import persian

# Hamza and madda dropped from alef; ۀ (and its decomposed form, whose hamza falls with
# the diacritics) is ه; Kurdish/Urdu heh and ae are read as ه too.
_LETTER_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ە": "ه", "ہ": "ه"})
_JOINERS = re.compile("[\u200c\u200d\u200e\u200f\u00ad]")  # ZWNJ, ZWJ, direction marks
_NON_WORD = re.compile(r"[\W_]+")
# Verb prefixes and plural/comparative suffixes that Persian joins to their word with a
# ZWNJ, and that people often type as separate words.
PREFIXES = frozenset({"می", "نمی"})
SUFFIXES = frozenset(
    {"ها", "های", "هایی", "هایم", "هایت", "هایش", "هایمان", "هایتان", "هایشان", "تر", "ترین"}
)


def _letters(text):
    text = unicodedata.normalize("NFKC", str(text))
    text = persian.to_ascii_digits(persian.normalize_letters(text))
    return _JOINERS.sub("", text.translate(_LETTER_FOLD).casefold())


def _join_affixes(words):
    joined = []
    for word in words:
        if joined and (word in SUFFIXES or joined[-1] in PREFIXES):
            joined[-1] += word
        else:
            joined.append(word)
    return joined


def normalise(text):
    """The spelling search compares: Persian letters for Arabic ones (ي ى→ی، ك→ک، ة ۀ→ه،
    أ إ آ→ا), ASCII digits, lower case, no diacritics, tatweel or ZWNJ, punctuation as a
    space, and a verb prefix or plural suffix typed as its own word joined to its word
    (می خواهند → میخواهند), as the ZWNJ would have joined it."""
    return " ".join(_join_affixes(_NON_WORD.sub(" ", _letters(text)).split()))


def index_text(text):
    """What the index stores for a text: its normalised spelling, then the later parts of
    each word written with a ZWNJ (کتاب‌خانه also as خانه), so that a search for a part
    finds the compound; the first part is already found as the word's beginning."""
    parts = []
    for word in str(text).split():
        for part in re.split("\u200c", word)[1:]:
            part = normalise(part)
            if part and part not in SUFFIXES:
                parts.append(part)
    return " ".join([normalise(text), *parts]).strip()


def words(text):
    """The normalised words of a query, each a word's beginning to look for."""
    return normalise(text).split()
