"""Member charities' profiles in site search, with the day each was last updated."""

from django.utils.translation import gettext_lazy as _

from charities.models import CharityPage
from nikrah.search.kinds import Details, SearchKind


def describe(profiles):
    return {profile.pk: Details(date=profile.last_published_at) for profile in profiles}


def charities_kind():
    return SearchKind(
        key="charities", label=_("Charities"), model=CharityPage, describe=describe, order=30
    )
