"""Sections of the home page that other apps contribute through Wagtail hooks.

An app registers a function under the hook ``register_home_section`` that returns a
``HomeSection``; the home page shows each in ``order``. The app owns the section's template
and query, so the home page needs to know nothing about charities, news or opportunities.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks


@dataclass(frozen=True)
class HomeSection:
    key: str
    title: str
    template: str
    # (request, home_page) -> items to show; an empty result shows ``empty_message``.
    get_items: Callable
    empty_message: str
    order: int = 100
    more_label: str = ""
    # (home_page) -> URL of the full listing, or None.
    get_more_url: Callable | None = None


@dataclass(frozen=True)
class HomeFigure:
    """A number about the network (e.g. live news articles), counted from real data."""

    key: str
    label: str
    # (home_page) -> int
    count: Callable
    order: int = 100


def home_sections():
    sections = [fn() for fn in hooks.get_hooks("register_home_section")]
    return sorted(sections, key=lambda section: section.order)


def home_figures():
    figures = [fn() for fn in hooks.get_hooks("register_home_figure")]
    return sorted(figures, key=lambda figure: figure.order)
