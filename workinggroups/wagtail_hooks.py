from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import TaskState

from charities.models.pages import CHARITY_PROFILE_SECTION_HOOK
from charities.services import grant_editors_page
from nikrah.sections import Section
from workinggroups.models import Committee, CommitteeReviewTask, ProjectPage, WorkingGroupPage


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
    """What awaits the signed-in committee member's review, oldest first, with who
    submitted it and when. Only their committees' pages: the task decides."""

    name = "awaiting_committee_review"
    order = 50
    template_name = "workinggroups/panels/awaiting_review.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        states = TaskState.objects.none()
        for task in CommitteeReviewTask.objects.filter(active=True):
            states |= task.get_task_states_user_can_moderate(self.request.user)
        context["states"] = [
            state
            for state in states.select_related("workflow_state__requested_by", "revision").order_by(
                "started_at"
            )
            if state.workflow_state.content_object is not None
        ]
        return context


@hooks.register("construct_homepage_panels")
def show_committee_review_queue(request, panels):
    # Wagtail's own "awaiting your review" panel lists newest first and without the
    # committee's scope in mind; ours replaces it.
    panels[:] = [panel for panel in panels if panel.name != "workflow_objects_to_moderate"]
    user = request.user
    if user.is_superuser or Committee.objects.filter(group__user=user).exists():
        panels.append(AwaitingCommitteeReviewPanel(request))


def _charity_working_groups(request, charity_page):
    if not charity_page.charity_id:
        return []
    return (
        WorkingGroupPage.objects.live()
        .public()
        .filter(locale_id=charity_page.locale_id, member_charities=charity_page.charity_id)
        .defer_streamfields()
        .order_by("title")
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
