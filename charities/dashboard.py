"""A charity editor's corner of the admin dashboard: the charity's pages that are drafts,
in review or sent back with the committee's comment, and what awaits the editors
(applications, hours, comments), each a link to where it is done.

What awaits comes from the apps that own it, through ``CHARITY_DASHBOARD_COUNT_HOOK``:
a function (charity, user) returning a ``nikrah.sections.Count`` or None.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.admin.ui.components import Component
from wagtail.models import Page, WorkflowState

from charities.services import charities_of
from nikrah.sections import counts_for

CHARITY_DASHBOARD_COUNT_HOOK = "register_charity_dashboard_count"
ROWS_PER_LIST = 8


def pages_of(charity):
    """The pages the charity's editors may change: its profile with everything below it,
    and what it proposed elsewhere (projects, opportunities)."""
    if charity.editors_group_id is None:
        return Page.objects.none()
    roots = Page.objects.filter(
        group_permissions__group_id=charity.editors_group_id,
        group_permissions__permission__codename="change_page",
    ).values_list("path", flat=True)
    condition = Q()
    for path in set(roots):
        condition |= Q(path__startswith=path)
    return Page.objects.filter(condition) if condition else Page.objects.none()


def workflow_states_of(pages):
    """The open workflow state (in review, or sent back for changes) of each page, by id."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id__in=pages.annotate(text_id=Cast("pk", CharField())).values("text_id"),
        status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
    ).select_related("current_task_state__finished_by", "requested_by")
    return {int(state.object_id): state for state in states}


class CharityCorner:
    """One charity as its editor's dashboard shows it."""

    def __init__(self, charity, user):
        self.charity = charity
        pages = pages_of(charity)
        states = workflow_states_of(pages)
        listed = (
            pages.filter(Q(pk__in=states) | Q(live=False) | Q(has_unpublished_changes=True))
            .select_related("locale")
            .specific()
            .order_by("-latest_revision_created_at")
        )
        self.in_review, self.sent_back, self.drafts = [], [], []
        for page in listed:
            state = states.get(page.pk)
            if state is None:
                self.drafts.append(page)
            elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
                page.review_comment = state.current_task_state.comment
                page.reviewed_by = state.current_task_state.finished_by
                self.sent_back.append(page)
            else:
                page.submitted_at = state.created_at
                self.in_review.append(page)
        self.profile = charity.pages.select_related("locale").order_by("pk").first()
        self.counts = counts_for(CHARITY_DASHBOARD_COUNT_HOOK, charity, user)


class MyCharityPanel(Component):
    name = "my_charity"
    order = 40
    template_name = "charities/admin/my_charity_panel.html"

    def __init__(self, corners):
        self.corners = corners

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["corners"] = self.corners
        context["rows"] = f":{ROWS_PER_LIST}"
        return context


def my_charity_panel(user):
    charities = list(charities_of(user))
    if not charities:
        return None
    return MyCharityPanel([CharityCorner(charity, user) for charity in charities])
