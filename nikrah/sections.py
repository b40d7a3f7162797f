"""What apps contribute to another app's pages through Wagtail hooks.

The home page and each charity's profile show news, projects, opportunities… without
knowing those apps: an app registers a function under the page's hook name (e.g.
``register_home_section``) that returns a ``Section``. The app owns the section's query and
template, so each app can be lifted into another site with only what it depends on. Smaller
contributions work the same way: a ``Count`` for a dashboard, a ``Link`` next to an item, a
``Fact`` in a list of facts.

The extension points themselves are declared here, beneath every app: the home page's
sections (``HOME_SECTION_HOOK``) and figures about the network (``HOME_FIGURE_HOOK``,
returning a ``HomeFigure``), and the sections of a charity's profile
(``CHARITY_PROFILE_SECTION_HOOK``).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse
from django.utils.http import urlencode
from wagtail import hooks

HOME_SECTION_HOOK = "register_home_section"
HOME_FIGURE_HOOK = "register_home_figure"
CHARITY_PROFILE_SECTION_HOOK = "register_charity_profile_section"


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    template: str
    # (request, page) -> items to show; an empty result shows ``empty_message`` instead.
    get_items: Callable
    empty_message: str
    order: int = 100
    more_label: str = ""
    # (page) -> URL of the full listing, or None.
    get_more_url: Callable | None = None


@dataclass(frozen=True)
class Count:
    """How many things await someone, and where they act on them: what apps add to each
    other's dashboard panels (comments to moderate, applications to decide…)."""

    label: str
    count: int
    url: str


@dataclass(frozen=True)
class Link:
    """A link an app adds next to another app's item (e.g. the hours of an application)."""

    label: str
    url: str


@dataclass(frozen=True)
class Fact:
    """A term and its description that an app adds to another app's list of facts (e.g.
    whether the volunteer's résumé is public, on their profile), with a link if any."""

    label: str
    text: str
    link: Link | None = None


def contributions(hook_name, *args):
    """What each function registered under ``hook_name`` gives for ``args``, in the order
    they were registered, leaving out those that give nothing (None)."""
    return [item for fn in hooks.get_hooks(hook_name) if (item := fn(*args)) is not None]


def listing_count(label, queryset, **filters):
    """A ``Count`` of ``queryset``, linking to its model's admin listing filtered the same
    way (``filters`` as the listing's query string, e.g. ``status="pending"``)."""
    listing = reverse(queryset.model.snippet_viewset.get_url_name("list"))
    query = f"?{urlencode(filters)}" if filters else ""
    return Count(label=label, count=queryset.count(), url=listing + query)


def counts_for(hook_name, *args):
    """Each count the apps registered under ``hook_name`` give for ``args`` (None: nothing)."""
    return contributions(hook_name, *args)


def sections_for(hook_name, request, page):
    """Each registered section of ``page`` with its items, in order."""
    sections = sorted((fn() for fn in hooks.get_hooks(hook_name)), key=lambda s: s.order)
    return [
        {
            "section": section,
            "items": list(section.get_items(request, page)),
            "more_url": section.get_more_url(page) if section.get_more_url else None,
        }
        for section in sections
    ]


@dataclass(frozen=True)
class HomeFigure:
    """A number about the network (e.g. live news articles), counted from real data."""

    key: str
    label: str
    # (home_page) -> int
    count: Callable
    order: int = 100


def home_figures():
    figures = [fn() for fn in hooks.get_hooks(HOME_FIGURE_HOOK)]
    return sorted(figures, key=lambda figure: figure.order)
