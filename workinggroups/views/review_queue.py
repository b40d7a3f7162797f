"""Where committee members do their reviews: the queue of each of their committees, with
Preview, Compare with the live version, Approve and Request changes on every row.

The actions are Wagtail's own workflow actions (the task decides who may take them); this
screen only adds what a reviewer needs around them: a compare view reviewers may open
without page permissions, a message saying what the action did, and a way back here.
"""

from django.contrib import messages as django_messages
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.pages.revisions import RevisionsCompareView
from wagtail.admin.views.pages.workflow import WorkflowActionView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.models import Page

from nikrah import persian
from workinggroups.review_queue import is_reviewer, queues_for

QUEUE_URL_NAME = "committee_review:index"


def queue_url():
    return reverse(QUEUE_URL_NAME)


def reviewer_may_review(page, user):
    task = page.current_workflow_task
    return task is not None and bool(task.get_actions(page, user))


def replace_messages(request):
    """Drop the success messages queued so far in this request: Wagtail's "page updated"
    would say less than the outcome of the review that replaces it."""
    storage = django_messages.get_messages(request)
    kept = [message for message in storage if message.level != django_messages.SUCCESS]
    for message in kept:
        storage.add(message.level, message.message, message.extra_tags)


def add_review_outcome_message(request, page, action_name):
    """Say what the reviewer's action did to the page, in the reviewer's words."""
    page = Page.objects.get(pk=page.pk).specific
    title = page.get_admin_display_title()
    workflow_state = page.current_workflow_state
    if action_name == "reject":
        messages.success(
            request,
            _("Changes were requested on “%(title)s”; its author has been told.")
            % {"title": title},
        )
    elif workflow_state is not None and workflow_state.status == workflow_state.STATUS_IN_PROGRESS:
        messages.warning(
            request,
            _(
                "You changed “%(title)s” while approving it. Your changes are saved, and "
                "because what you approved is not what would be published, the page needs "
                "one more approval: check your changes and approve it again."
            )
            % {"title": title},
        )
    elif page.live and not page.has_unpublished_changes:
        messages.success(request, _("“%(title)s” was approved and is live.") % {"title": title})
    elif (revision := page.scheduled_revision) and revision.approved_go_live_at:
        messages.success(
            request,
            _("“%(title)s” was approved and will go live on %(date)s.")
            % {
                "title": title,
                "date": persian.format_datetime(revision.approved_go_live_at, get_language()),
            },
        )
    else:
        messages.success(request, _("“%(title)s” was approved.") % {"title": title})


def add_requested_changes_message(request, page):
    workflow_state = page.current_workflow_state
    if workflow_state is None or workflow_state.status != workflow_state.STATUS_NEEDS_CHANGES:
        return
    task_state = workflow_state.current_task_state
    reviewer = task_state.finished_by
    text = _("%(reviewer)s asked for changes on %(date)s.") % {
        "reviewer": (reviewer.get_full_name() or reviewer.get_username()) if reviewer else "",
        "date": persian.format_date(task_state.finished_at, get_language()),
    }
    if task_state.comment:
        text = _("%(request)s Their comment: “%(comment)s”") % {
            "request": text,
            "comment": task_state.comment,
        }
    messages.warning(
        request,
        _("%(text)s Make the changes, then submit the page for review again.") % {"text": text},
    )


class ReviewQueueView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Review queue")
    header_icon = "tasks"
    template_name = "workinggroups/review_queue/index.html"

    def dispatch(self, request, *args, **kwargs):
        if not is_reviewer(request.user):
            raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["queues"] = queues_for(self.request.user)
        return context


class ReviewActionView(WorkflowActionView):
    """Wagtail's workflow action, answered with what it did and a way back to the queue."""

    submit_url_name = "committee_review:action"

    def get_redirect_url(self):
        return get_valid_next_url_from_request(self.request) or queue_url()

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        self.task_state.refresh_from_db()
        if self.task_state.status != self.task_state.STATUS_IN_PROGRESS:
            add_review_outcome_message(request, self.object, self.action_name)
        return response


class ReviewCompareView(RevisionsCompareView):
    """The submitted version beside the live one, for the committee reviewing the page
    (who hold no page permissions of their own)."""

    history_url_name = None

    def dispatch(self, request, *args, **kwargs):
        # Skip the page-permission gate of Wagtail's view: the task decides who reviews.
        return super(RevisionsCompareView, self).dispatch(request, *args, **kwargs)

    def get_object(self, queryset=None):
        page = get_object_or_404(Page, id=self.pk).specific
        if not (page.live and reviewer_may_review(page, self.request.user)):
            raise Http404
        return page


class ReviewerMenuItem(MenuItem):
    def is_shown(self, request):
        return is_reviewer(request.user)


class ReviewQueueViewSet(ViewSet):
    name = "committee_review"
    url_prefix = "review-queue"
    icon = "tasks"
    menu_label = _("Review queue")
    menu_order = 150
    add_to_admin_menu = True
    menu_item_class = ReviewerMenuItem

    @property
    def menu_url(self):
        return queue_url()

    def get_urlpatterns(self):
        return [
            path("", ReviewQueueView.as_view(), name="index"),
            path(
                "<int:pk>/compare/<int:revision_id_b>/",
                ReviewCompareView.as_view(),
                {"revision_id_a": "live"},
                name="compare",
            ),
            path(
                "<int:page_id>/<slug:action_name>/<int:task_state_id>/",
                ReviewActionView.as_view(),
                name="action",
            ),
        ]
