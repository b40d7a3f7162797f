"""What other apps contribute to the home page: sections (hook ``register_home_section``,
returning a ``nikrah.sections.Section``) and figures about the network (hook
``register_home_figure``, returning a ``HomeFigure``)."""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

HOME_SECTION_HOOK = "register_home_section"
HOME_FIGURE_HOOK = "register_home_figure"


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
