from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from charities.models.pages import CHARITY_PROFILE_SECTION_HOOK
from charities.services import AFTER_CREATE_CHARITY_HOOK
from home.sections import HOME_FIGURE_HOOK, HOME_SECTION_HOOK, HomeFigure
from newsroom.models import NewsIndexPage, NewsPage
from nikrah.sections import Section

LATEST_NEWS_ON_HOME = 3
_NEWS_INDEX_TITLES = {"fa": "اخبار", "en": "News"}


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


@hooks.register(HOME_SECTION_HOOK)
def latest_news_section():
    return Section(
        key="latest-news",
        title=_("Latest news"),
        template="newsroom/includes/news_cards.html",
        get_items=_latest_news,
        empty_message=_("No news has been published yet."),
        order=10,
        more_label=_("All news"),
        get_more_url=_newsroom_url,
    )


@hooks.register(HOME_FIGURE_HOOK)
def published_news_figure():
    return HomeFigure(
        key="news",
        label=_("news articles published"),
        count=lambda home_page: NewsPage.objects.live().public().descendant_of(home_page).count(),
        order=40,
    )


@hooks.register(AFTER_CREATE_CHARITY_HOOK)
def create_charity_news_index(charity, profile_page, user):
    """Every charity has its own news below its profile. It stays a draft until the
    profile is first published, so nothing of an unapproved charity is reachable."""
    if NewsIndexPage.objects.child_of(profile_page).exists():
        return
    news_index = NewsIndexPage(
        title=_NEWS_INDEX_TITLES.get(profile_page.locale.language_code, "News"),
        slug="news",
        live=False,
        locale=profile_page.locale,
    )
    profile_page.add_child(instance=news_index)
    news_index.save_revision(user=user)


def _charity_news(request, charity_page):
    return (
        NewsPage.objects.live()
        .public()
        .descendant_of(charity_page)
        .defer_streamfields()
        .order_by("-date", "-pk")[:LATEST_NEWS_ON_HOME]
    )


def _charity_news_url(charity_page):
    news_index = NewsIndexPage.objects.live().public().child_of(charity_page).first()
    return news_index.url if news_index else None


@hooks.register(CHARITY_PROFILE_SECTION_HOOK)
def charity_news_section():
    return Section(
        key="charity-news",
        title=_("News"),
        template="newsroom/includes/news_cards.html",
        get_items=_charity_news,
        empty_message=_("This charity has not published any news yet."),
        order=10,
        more_label=_("All news of this charity"),
        get_more_url=_charity_news_url,
    )
