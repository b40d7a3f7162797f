from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from home.sections import HomeFigure, HomeSection
from newsroom.models import NewsIndexPage, NewsPage

LATEST_NEWS_ON_HOME = 3


def _home_newsroom(home_page):
    return NewsIndexPage.objects.live().public().child_of(home_page).first()


def _latest_news(request, home_page):
    return (
        NewsPage.objects.live()
        .public()
        .descendant_of(home_page)
        .defer_streamfields()
        .order_by("-date", "-pk")[:LATEST_NEWS_ON_HOME]
    )


def _newsroom_url(home_page):
    newsroom = _home_newsroom(home_page)
    return newsroom.url if newsroom else None


@hooks.register("register_home_section")
def latest_news_section():
    return HomeSection(
        key="latest-news",
        title=_("Latest news"),
        template="newsroom/includes/home_latest_news.html",
        get_items=_latest_news,
        empty_message=_("No news has been published yet."),
        order=10,
        more_label=_("All news"),
        get_more_url=_newsroom_url,
    )


@hooks.register("register_home_figure")
def published_news_figure():
    return HomeFigure(
        key="news",
        label=_("news articles published"),
        count=lambda home_page: NewsPage.objects.live().public().descendant_of(home_page).count(),
        order=40,
    )
