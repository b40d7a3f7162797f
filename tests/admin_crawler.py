"""Walks the admin as one person would, following every link and menu entry they are
shown, and reports English words on the pages a Persian user reads."""

import html
import re
import zoneinfo
from collections import defaultdict

# Views whose GET is not a page to read (files, modals, actions that redirect) or that
# only repeat a page already read in another shape.
SKIP = re.compile(
    r"/(logout|delete|unpublish|copy|move|lock|unlock|revert|unschedule|convert_alias|"
    r"reorder|download|export|sprite|jsi18n|password_change|choose-page|chooser|choose|"
    r"preview|workflow/action|workflow/collect_action_data|review-queue/\d+/\w+/\d+|"
    r"results|usage|edit_translation|submit|localize|add_subpage)\b"
)
# Text that is not prose: markup a person never reads, and what is hidden from them.
HIDDEN = re.compile(
    r"(?is)<(script|style|textarea|template|code|pre|svg)\b.*?</\1\s*>|<!--.*?-->"
    # an element hidden from people, with text only: <div … hidden>None</div>
    r"|<(\w+)\b[^>]*\shidden(?:=\"[^\"]*\")?[\s>][^<]*</\2>"
)
TAG = re.compile(r"""<(?:[^>"']|"[^"]*"|'[^']*')*>""")
READ_ATTRIBUTES = re.compile(r'\s(?:title|aria-label|placeholder|alt)="([^"]*)"')
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
NOT_A_WORD = re.compile(
    r"@|://|^/|\.(?:pdf|png|jpe?g|gif|webp|avif|svg|csv|xlsx|txt)$"
    # a model's identifier, as Wagtail shows page types: (home.feedbackformpage)
    r"|^[a-z_]+\.[a-z_]+$",
    re.I,
)
# Codes people copy, not words they read: certificate codes, ISO region codes.
CODE = re.compile(r"^[(«]?[A-Z0-9]+(?:-[A-Z0-9]+)+[)»،.]?$")

# Proper names and formats, not interface language.
ALLOWED = {
    "Nikrah",
    "Wagtail",
    "AVIF",
    "GIF",
    "JPG",
    "JPEG",
    "PNG",
    "WEBP",
    "SVG",
    "PDF",
    "CSV",
    "XLSX",
    "MB",
    "KB",
    "URL",
    "HTML",
    "RSS",
    "Atom",
    "ISO",
    "UTC",
    "TSV",
    # A key on the keyboard, as instructions name it.
    "Enter",
    # A language's own name where people choose their language.
    "English",
} | {word for zone in zoneinfo.available_timezones() for word in LATIN_WORD.findall(zone)}


def shape(url):
    """/admin/pages/12/edit/ and /admin/pages/57/edit/ are one screen to read."""
    path, _, query = url.partition("?")
    keys = sorted(part.split("=")[0] for part in query.split("&") if part)
    return re.sub(r"\d+", "N", path) + ("?" + "&".join(keys) if keys else "")


def readable_text(content):
    content = HIDDEN.sub(" ", content)
    attributes = " ".join(READ_ATTRIBUTES.findall(content))
    return html.unescape(TAG.sub(" ", content) + " " + attributes)


def english_words(text, allowed):
    for token in text.split():
        token = token.strip("()[]«»,،.:;؛!؟?\"'")
        if NOT_A_WORD.search(token) or CODE.match(token) or token in allowed:
            continue
        for word in LATIN_WORD.findall(token):
            if word not in allowed:
                yield word


def crawl(client, start="/admin/", limit=400, allowed=frozenset()):
    """Read up to ``limit`` screens reachable from ``start``; return {word: {urls}}."""
    found = defaultdict(set)
    queue, seen, read = [start], set(), 0
    while queue and read < limit:
        url = html.unescape(queue.pop(0))
        path = url.partition("?")[0]
        if shape(url) in seen or SKIP.search(path):
            continue
        seen.add(shape(url))
        response = client.get(url)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        read += 1
        body = response.content.decode()
        for word in english_words(readable_text(body), ALLOWED | allowed):
            found[word].add(url)
        queue.extend(re.findall(r'(?:href="|"url": ")(/admin/[^"#]*)"', body))
    return found, read
