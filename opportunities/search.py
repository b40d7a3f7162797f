"""Opportunities in site search: each with its organising charity and the day it starts;
when nothing is found, the open opportunities are suggested."""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from nikrah.search.kinds import Details, SearchKind
from opportunities.models import OpportunityIndexPage, OpportunityPage


def describe(opportunities):
    prefetch_related_objects(opportunities, "charity")
    return {
        opportunity.pk: Details(
            owner=opportunity.charity.name if opportunity.charity else "",
            date=opportunity.starts_on,
        )
        for opportunity in opportunities
    }


def listing_url(request):
    listing = OpportunityIndexPage.objects.live().public().filter(locale=Locale.get_active())
    listing = listing.first()
    return listing.url if listing else None


def opportunities_kind():
    return SearchKind(
        key="opportunities",
        label=_("Opportunities"),
        model=OpportunityPage,
        describe=describe,
        order=20,
        get_listing_url=listing_url,
        listing_label=_("See the open volunteer opportunities"),
    )
