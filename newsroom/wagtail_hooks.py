from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from charities.dashboard import CHARITY_DASHBOARD_COUNT_HOOK
from charities.services import AFTER_CREATE_CHARITY_HOOK
from newsroom import archives, demo
from newsroom.admin_views import (
    ApproveCommentsBulkAction,
    CommentPermissionPolicy,
    CommentViewSet,
    DeleteCommentsBulkAction,
    RejectCommentsBulkAction,
    SpamCommentsBulkAction,
)
from newsroom.models import Comment, NewsIndexPage, NewsPage
from newsroom.search import news_kind
from nikrah.archives import PERSONAL_DATA_HOOK
from nikrah.demo import DEMO_CONTENT_HOOK, DemoContent
from nikrah.search.kinds import SEARCH_KIND_HOOK
from nikrah.sections import (
    CHARITY_PROFILE_SECTION_HOOK,
    HOME_FIGURE_HOOK,
    HOME_SECTION_HOOK,
    HomeFigure,
    Section,
    listing_count,
)
from workinggroups.models import Committee
from workinggroups.review_queue import QUEUE_COUNT_HOOK

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


register_permission_policy(Comment, CommentPermissionPolicy(Comment))
register_snippet(CommentViewSet)

for bulk_action in (ApproveCommentsBulkAction, RejectCommentsBulkAction, SpamCommentsBulkAction):
    hooks.register("register_bulk_action", bulk_action)
# After Wagtail's own bulk delete (wagtail.snippets comes later in INSTALLED_APPS).
hooks.register("register_bulk_action", DeleteCommentsBulkAction, order=1)


@hooks.register("register_log_actions")
def register_comment_actions(actions):
    actions.register_action("nikrah.comment.approved", _("Approve comment"), _("Comment approved"))
    actions.register_action("nikrah.comment.rejected", _("Reject comment"), _("Comment rejected"))
    actions.register_action("nikrah.comment.spam", _("Mark comment as spam"), _("Marked as spam"))
    actions.register_action(
        "nikrah.comment.pending", _("Return comment to moderation"), _("Awaiting moderation")
    )


@hooks.register(QUEUE_COUNT_HOOK)
def comments_awaiting_moderation(committee, user):
    """The cultural & networking committee moderates the public's comments on news."""
    if committee.kind != Committee.Kind.CULTURE:
        return None
    status = Comment.Status.PENDING
    pending = Comment.objects.for_moderator(user).filter(status=status)
    return listing_count(_("Comments awaiting moderation"), pending, status=status)


@hooks.register(CHARITY_DASHBOARD_COUNT_HOOK)
def comments_on_the_charitys_news(charity, user):
    """A charity's editors moderate the comments on their own news."""
    status = Comment.Status.PENDING
    pending = Comment.objects.filter(page__charity=charity, status=status)
    return listing_count(_("Comments on your news awaiting moderation"), pending, status=status)


# A person's comments, in the archive of their data (see nikrah.archives).
hooks.register(PERSONAL_DATA_HOOK, archives.personal_data)


# This app's part of the demo content (see nikrah.demo).
@hooks.register(DEMO_CONTENT_HOOK)
def newsroom_demo():
    return DemoContent(order=40, load=demo.load)


hooks.register(SEARCH_KIND_HOOK, news_kind)
