"""The kinds of page site search finds, contributed by the apps that own them.

An app registers a function under ``SEARCH_KIND_HOOK`` that returns a ``SearchKind``: its
page model, the name of the kind in the URL (``/search/?kind=news``) and on the page, and a
function that tells, for a page of results at once, whose each result is (its charity or
working group) and its date. Site search knows no app; an app lifted into another site
takes its kind with it.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

SEARCH_KIND_HOOK = "register_search_kind"


@dataclass(frozen=True)
class Details:
    """What a result shows beside its title: whose it is, and its date."""

    owner: str = ""
    date: datetime.date | None = None  # a datetime too


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: str
    model: type
    # (pages of this kind, all at once) -> {page.pk: Details}, in a bounded number of queries
    describe: Callable
    order: int = 100
    # (request) -> URL of a listing to suggest when nothing is found, and its link text
    get_listing_url: Callable | None = None
    listing_label: str = ""


def search_kinds():
    """Every registered kind, in order."""
    return sorted((fn() for fn in hooks.get_hooks(SEARCH_KIND_HOOK)), key=lambda k: k.order)
