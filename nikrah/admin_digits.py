"""Persian digits in the Persian admin.

Wagtail writes counts, paging, times and sizes with ASCII digits whatever the language
(«صفحه 1 از 1», «4 صفحه», «35 دقیقه پیش»). For a page of the admin served in Persian, this
middleware writes the digits of its visible text in Persian, leaving alone everything that
is not prose: markup and attributes, scripts, styles, form values, and any word with Latin
letters or an address in it (e-mail addresses, links, codes, file names).
"""

import re

from django.conf import settings

from nikrah.persian import to_persian_digits

# Elements whose text is data, not prose.
_RAW_ELEMENTS = ("script", "style", "textarea", "pre", "code", "kbd", "samp")
_TOKENS = re.compile(
    r"(<!--.*?-->|<(?P<raw>"
    + "|".join(_RAW_ELEMENTS)
    + r")\b.*?</(?P=raw)\s*>|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)",
    re.DOTALL | re.IGNORECASE,
)
# Words, with character references apart so that "&nbsp;12" is a reference and a number.
_WORD = re.compile(r"&#?\w+;|[^\s&]+|&")
_NOT_PROSE = re.compile(r"[A-Za-z@_\\]|://|&#?\w+;")
_PERSIAN_PAGE = re.compile(rb"<html[^>]*\blang=\"fa\b")


def _persian_word(match):
    word = match.group(0)
    if not any(char.isdigit() for char in word) or _NOT_PROSE.search(word):
        return word
    return to_persian_digits(word)


def persian_digits_in_text(html):
    """``html`` with the ASCII digits of its visible prose written in Persian."""
    parts = _TOKENS.split(html)
    # re.split with groups returns the text, then the groups of each separator.
    result = []
    index = 0
    group_count = _TOKENS.groups
    while index < len(parts):
        text = parts[index]
        result.append(_WORD.sub(_persian_word, text) if text else "")
        if index + 1 < len(parts):
            result.append(parts[index + 1] or "")
        index += 1 + group_count
    return "".join(result)


class PersianAdminDigitsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefix = "/" + getattr(settings, "NIKRAH_ADMIN_PATH", "admin/")

    def __call__(self, request):
        response = self.get_response(request)
        if (
            request.path.startswith(self.prefix)
            and not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and _PERSIAN_PAGE.search(response.content[:2000])
        ):
            charset = response.charset or "utf-8"
            response.content = persian_digits_in_text(response.content.decode(charset)).encode(
                charset
            )
            if response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
        return response
