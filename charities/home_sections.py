"""What the charities app contributes to the home page: member charities and their count."""

from django.db.models import F, Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.images import get_image_model

from charities.models import CharityIndexPage, CharityPage
from charities.models.pages import CHARITY_CARD_LOGO
from nikrah.sections import HOME_FIGURE_HOOK, HOME_SECTION_HOOK, HomeFigure, Section

CHARITIES_ON_HOME = 6


def _member_charities(request, home_page):
    return (
        CharityPage.objects.live()
        .public()
        .descendant_of(home_page)
        .select_related("charity")
        .prefetch_related(
            "themes",
            Prefetch("logo", get_image_model().objects.prefetch_renditions(CHARITY_CARD_LOGO)),
        )
        .defer_streamfields()
        .order_by(F("charity__is_trusted").desc(nulls_last=True), "title_sort")[:CHARITIES_ON_HOME]
    )


def _directory_url(home_page):
    directory = CharityIndexPage.objects.live().public().child_of(home_page).first()
    return directory.url if directory else None


@hooks.register(HOME_SECTION_HOOK)
def member_charities_section():
    return Section(
        key="member-charities",
        title=_("Member charities"),
        template="charities/includes/charity_cards.html",
        get_items=_member_charities,
        empty_message=_("No member charity has a published profile yet."),
        order=30,
        more_label=_("All charities"),
        get_more_url=_directory_url,
    )


@hooks.register(HOME_FIGURE_HOOK)
def member_charities_figure():
    return HomeFigure(
        key="charities",
        label=_("member charities"),
        count=lambda home_page: (
            CharityPage.objects.live().public().descendant_of(home_page).count()
        ),
        order=10,
    )
