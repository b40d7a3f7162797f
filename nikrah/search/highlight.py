"""Snippets of results with the words a query matched highlighted.

A word is highlighted when its normalised spelling begins with a normalised word of the
query, the way the index matched it: «كودكان» on a page is marked for a search for «کودک».
Everything else is escaped.
"""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from nikrah.search.normalise import normalise

SNIPPET_WORDS = 32
WORDS_BEFORE_MATCH = 8


def _matches(word, query_words):
    spelled = normalise(word).replace(" ", "")
    return bool(spelled) and any(spelled.startswith(query) for query in query_words)


def highlight(text, query_words, limit=None):
    """``text`` escaped, its matching words in ``<mark>``; with ``limit``, a window of that
    many words around the first match (None if nothing matches)."""
    words = str(text or "").split()
    marked = [_matches(word, query_words) for word in words]
    before = after = ""
    if limit is not None:
        if True not in marked:
            return None
        start = max(0, marked.index(True) - WORDS_BEFORE_MATCH)
        end = start + limit
        before, after = ("… " if start else ""), (" …" if end < len(words) else "")
        words, marked = words[start:end], marked[start:end]
    parts = [
        f"<mark>{escape(w)}</mark>" if hit else escape(w)
        for w, hit in zip(words, marked, strict=True)
    ]
    return mark_safe(before + " ".join(parts) + after)


def snippet(texts, query_words):
    """The first of ``texts`` (summary, then body…) in which the query matched, cut to a
    snippet around the match; else the first text, cut, with nothing marked."""
    texts = [re.sub(r"\s+", " ", text).strip() for text in texts if text and text.strip()]
    for text in texts:
        if (found := highlight(text, query_words, limit=SNIPPET_WORDS)) is not None:
            return found
    if not texts:
        return ""
    words = texts[0].split()
    return escape(" ".join(words[:SNIPPET_WORDS]) + (" …" if len(words) > SNIPPET_WORDS else ""))
