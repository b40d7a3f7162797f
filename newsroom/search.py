"""News in site search: each article with its charity (none for the network's own) and date."""

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from newsroom.models import NewsPage
from nikrah.search.kinds import Details, SearchKind


def describe(articles):
    prefetch_related_objects(articles, "charity")
    return {
        article.pk: Details(
            owner=article.charity.name if article.charity else "", date=article.date
        )
        for article in articles
    }


def news_kind():
    return SearchKind(key="news", label=_("News"), model=NewsPage, describe=describe, order=10)
