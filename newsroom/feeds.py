"""RSS 2.0 and Atom feeds of a news index, with the same filters as its list (?tag=,
?charity=, ?kind=, ?working_group=): the newsroom's, one charity's, or one tag's news."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

FEED_LENGTH = 30


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, news_index):
        super().__init__()
        self.news_index = news_index

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.news_index

    def title(self, news_index):
        return news_index.title

    def link(self, news_index):
        return self.request.build_absolute_uri(news_index.url)

    def description(self, news_index):
        return news_index.listing_summary or news_index.title

    def items(self, news_index):
        articles, _filters = news_index.filtered_articles(self.request)
        return articles[:FEED_LENGTH]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        return article.listing_summary

    def item_link(self, article):
        return self.request.build_absolute_uri(article.url)

    def item_guid(self, article):
        return self.request.build_absolute_uri(article.url)

    def item_pubdate(self, article):
        # Feeds carry dates in their own (Gregorian, RFC 822 / RFC 3339) formats.
        return timezone.make_aware(datetime.datetime.combine(article.date, datetime.time(8)))

    def item_updateddate(self, article):
        return article.last_published_at

    def item_author_name(self, article):
        return article.charity.name if article.charity_id else None

    def item_categories(self, article):
        return [tag.name for tag in article.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
