from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet

from charities.services import grant_editors_page
from nikrah.demo import DEMO_CONTENT_HOOK, DemoContent
from nikrah.search.kinds import SEARCH_KIND_HOOK
from nikrah.sections import CHARITY_PROFILE_SECTION_HOOK, Section
from workinggroups import demo
from workinggroups.models import Committee, ProjectPage, WorkingGroupPage
from workinggroups.review_queue import queues_for
from workinggroups.search import projects_kind, working_groups_kind
from workinggroups.views.review_queue import (
    ReviewQueueViewSet,
    add_requested_changes_message,
    add_review_outcome_message,
    queue_url,
    replace_messages,
)


class CommitteeViewSet(ModelViewSet):
    model = Committee
    icon = "group"
    menu_label = _("Committees")
    add_to_settings_menu = True
    list_display = ["name_fa", "name_en", "kind"]
    list_filter = ["kind"]
    search_fields = ["name_fa", "name_en"]


@hooks.register("register_admin_viewset")
def register_committee_viewset():
    return CommitteeViewSet("committees")


@hooks.register("after_create_page")
def give_proposing_charity_its_page(request, page):
    """A project proposed by a charity's editor can be changed by that charity's editors
    (and by no other charity's)."""
    specific = page.specific
    if isinstance(specific, ProjectPage) and specific.owner_charity_id:
        grant_editors_page(specific.owner_charity, specific)


class AwaitingCommitteeReviewPanel(Component):
    """What awaits each of the signed-in member's committees, oldest first, with the
    reviewer's actions on every row. Platform admins see the committees that have work."""

    name = "awaiting_committee_review"
    order = 50
    template_name = "workinggroups/panels/awaiting_review.html"
    rows_per_committee = 5

    def __init__(self, request, queues):
        self.request = request
        self.queues = queues

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        queues = self.queues
        if self.request.user.is_superuser:
            queues = [queue for queue in queues if not queue.is_empty]
        context["queues"] = queues
        context["limit"] = f":{self.rows_per_committee}"
        return context


@hooks.register("construct_homepage_panels")
def show_committee_review_queue(request, panels):
    # Wagtail's own "awaiting your review" panel lists newest first and without the
    # committee's scope in mind; ours replaces it.
    panels[:] = [panel for panel in panels if panel.name != "workflow_objects_to_moderate"]
    if queues := queues_for(request.user):
        panels.append(AwaitingCommitteeReviewPanel(request, queues))


@hooks.register("register_admin_viewset")
def register_review_queue():
    return ReviewQueueViewSet()


@hooks.register("before_edit_page")
def show_requested_changes(request, page):
    """Whoever opens a page sent back for changes reads what the committee asked for at
    the top of the editor, not only in a side panel."""
    if request.method == "GET":
        add_requested_changes_message(request, page)


@hooks.register("after_edit_page")
def after_review_in_the_editor(request, page):
    """A reviewer who approves or requests changes in the page editor is told what that
    did and comes back to the queue (Wagtail would send them to the page explorer, which
    committee members may not open). Re-approval after their own edits keeps them here."""
    action_name = request.POST.get("workflow-action-name")
    if not request.POST.get("action-workflow-action") or not action_name:
        return None
    replace_messages(request)
    add_review_outcome_message(request, page, action_name)
    if page.workflow_in_progress and action_name == "approve":
        return redirect("wagtailadmin_pages:edit", page.pk)
    return redirect(queue_url())


def _charity_working_groups(request, charity_page):
    if not charity_page.charity_id:
        return []
    return (
        WorkingGroupPage.objects.live()
        .public()
        .filter(locale_id=charity_page.locale_id, member_charities=charity_page.charity_id)
        .defer_streamfields()
        .order_by("title_sort")
    )


def _charity_projects(request, charity_page):
    if not charity_page.charity_id:
        return []
    charity_id = charity_page.charity_id
    return (
        ProjectPage.objects.live()
        .public()
        .filter(locale_id=charity_page.locale_id)
        .filter(Q(lead_charity_id=charity_id) | Q(partner_charities=charity_id))
        .select_related("lead_charity")
        .defer_streamfields()
        .distinct()
        .order_by("priority", "title")
    )


@hooks.register(CHARITY_PROFILE_SECTION_HOOK)
def charity_projects_section():
    return Section(
        key="charity-projects",
        title=_("Projects"),
        template="workinggroups/includes/project_cards.html",
        get_items=_charity_projects,
        empty_message=_("This charity does not lead or take part in a published project yet."),
        order=20,
    )


@hooks.register(CHARITY_PROFILE_SECTION_HOOK)
def charity_working_groups_section():
    return Section(
        key="charity-working-groups",
        title=_("Working groups"),
        template="workinggroups/includes/working_group_links.html",
        get_items=_charity_working_groups,
        empty_message=_("This charity is not a member of a working group yet."),
        order=30,
    )


# This app's part of the demo content (see nikrah.demo).
@hooks.register(DEMO_CONTENT_HOOK)
def working_groups_demo():
    return DemoContent(order=30, load=demo.load, accounts=tuple(demo.ACCOUNTS))


hooks.register(SEARCH_KIND_HOOK, working_groups_kind)

hooks.register(SEARCH_KIND_HOOK, projects_kind)
