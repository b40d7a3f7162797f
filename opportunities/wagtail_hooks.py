from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from charities.archives import CHARITY_RECORDS_HOOK
from charities.dashboard import CHARITY_DASHBOARD_COUNT_HOOK
from nikrah.archives import PERSONAL_DATA_HOOK
from nikrah.demo import DEMO_CONTENT_HOOK, DemoContent
from nikrah.search.kinds import SEARCH_KIND_HOOK
from nikrah.sections import HOME_FIGURE_HOOK, HOME_SECTION_HOOK, HomeFigure, Section, listing_count
from opportunities import archives, demo
from opportunities.accounts import ACCOUNT_DELETED_ACTION
from opportunities.admin_views import (
    AcceptApplicationsBulkAction,
    ApplicationPermissionPolicy,
    ApplicationViewSet,
    DeclineApplicationsBulkAction,
    NoBulkDeleteApplications,
    WaitlistApplicationsBulkAction,
)
from opportunities.applying import DECIDED_ACTION
from opportunities.models import Application
from opportunities.search import opportunities_kind
from workinggroups.models.pages import PROJECT_PAGE_SECTION_HOOK


@hooks.register("register_log_actions")
def register_volunteer_log_actions(actions):
    actions.register_action(
        ACCOUNT_DELETED_ACTION, _("Delete volunteer account"), _("Volunteer account deleted")
    )


def _open_opportunities(request, page, *, limit=6):
    from django.db.models import Q
    from django.utils import timezone

    from opportunities.models import OpportunityPage

    today = timezone.localdate()
    opportunities = (
        OpportunityPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id, starts_on__gte=today)
        .filter(Q(application_deadline__isnull=True) | Q(application_deadline__gte=today))
        .select_related("charity", "province", "city")
        .defer_streamfields()
        .order_by("starts_on")
    )
    if page._meta.label_lower != "home.homepage":
        opportunities = opportunities.descendant_of(page)
    return opportunities[:limit] if limit else opportunities


def _listing_url(home_page):
    from opportunities.models import OpportunityIndexPage

    listing = OpportunityIndexPage.objects.live().public().child_of(home_page).first()
    return listing.url if listing else None


@hooks.register(HOME_SECTION_HOOK)
def open_opportunities_section():
    return Section(
        key="open-opportunities",
        title=_("Open volunteer opportunities"),
        template="opportunities/includes/opportunity_cards.html",
        get_items=_open_opportunities,
        empty_message=_("No volunteer opportunity is open at the moment."),
        order=20,
        more_label=_("All opportunities"),
        get_more_url=_listing_url,
    )


@hooks.register(PROJECT_PAGE_SECTION_HOOK)
def project_opportunities_section():
    return Section(
        key="project-opportunities",
        title=_("Volunteer opportunities"),
        template="opportunities/includes/opportunity_cards.html",
        get_items=_open_opportunities,
        empty_message=_("This project has no open volunteer opportunity at the moment."),
        order=10,
    )


@hooks.register(HOME_FIGURE_HOOK)
def open_places_figure():
    return HomeFigure(
        key="opportunities",
        label=_("open volunteer opportunities"),
        count=lambda home_page: _open_opportunities(None, home_page, limit=None).count(),
        order=20,
    )


register_permission_policy(Application, ApplicationPermissionPolicy(Application))
register_snippet(ApplicationViewSet)

for bulk_action in (
    AcceptApplicationsBulkAction,
    WaitlistApplicationsBulkAction,
    DeclineApplicationsBulkAction,
):
    hooks.register("register_bulk_action", bulk_action)
# After Wagtail's own bulk delete (wagtail.snippets comes later in INSTALLED_APPS).
hooks.register("register_bulk_action", NoBulkDeleteApplications, order=1)


@hooks.register("register_log_actions")
def register_application_log_actions(actions):
    actions.register_action(DECIDED_ACTION, _("Decide on an application"), _("Application decided"))


@hooks.register(CHARITY_DASHBOARD_COUNT_HOOK)
def applications_awaiting_a_decision(charity, user):
    status = Application.Status.SUBMITTED
    waiting = Application.objects.filter(opportunity__charity=charity, status=status)
    return listing_count(_("New applications to decide"), waiting, status=status)


# This app's share of a person's archive and of a charity's (see nikrah.archives).
hooks.register(PERSONAL_DATA_HOOK, archives.personal_data)
hooks.register(CHARITY_RECORDS_HOOK, archives.charity_records)


# This app's part of the demo content (see nikrah.demo).
@hooks.register(DEMO_CONTENT_HOOK)
def volunteers_demo():
    return DemoContent(order=50, load=demo.load, accounts=tuple(demo.ACCOUNTS))


@hooks.register(DEMO_CONTENT_HOOK)
def opportunities_demo():
    return DemoContent(order=51, load=demo.load_opportunities)


@hooks.register(DEMO_CONTENT_HOOK)
def applications_demo():
    return DemoContent(order=52, load=demo.load_applications)


hooks.register(SEARCH_KIND_HOOK, opportunities_kind)
