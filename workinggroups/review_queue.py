"""What awaits each committee's review: the pages in its committee-review task, oldest
first, and what other apps ask of it (public comments to moderate, for one).

The dashboard and the review queue screen both read ``queues_for(user)``: one answer to
"what is waiting for me", whichever screen asks.
"""

from dataclasses import dataclass, field

from wagtail.models import Locale, Page, TaskState

from nikrah.sections import counts_for
from workinggroups.models import Committee, CommitteeReviewTask
from workinggroups.moderation import reviewing_committees

# Other apps add what else awaits a committee: a function (committee, user) returning a
# ``nikrah.sections.Count`` or None. The newsroom counts the comments to moderate.
QUEUE_COUNT_HOOK = "register_committee_queue_count"


@dataclass(frozen=True)
class ReviewItem:
    """A page waiting in a committee's review, as it was submitted."""

    task_state: TaskState
    page: Page

    @property
    def submitted_by(self):
        return self.task_state.workflow_state.requested_by

    @property
    def submitted_at(self):
        return self.task_state.started_at

    @property
    def revision(self):
        return self.task_state.revision


@dataclass
class CommitteeQueue:
    committee: Committee
    items: list = field(default_factory=list)
    counts: list = field(default_factory=list)

    @property
    def is_empty(self):
        return not self.items and not any(count.count for count in self.counts)


def reviewer_committees(user):
    """The committees whose queues ``user`` works through: their own, or all of them for a
    platform admin."""
    if not user.is_authenticated or not user.is_active:
        return Committee.objects.none()
    committees = Committee.objects.select_related("group")
    return committees if user.is_superuser else committees.filter(group__user=user)


def is_reviewer(user):
    return reviewer_committees(user).exists()


def pages_in_review():
    """Every page waiting in a committee-review task, oldest first, each with its committee."""
    states = list(
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__in=CommitteeReviewTask.objects.filter(active=True),
        )
        .select_related("workflow_state__requested_by", "revision__user")
        .order_by("started_at", "pk")
    )
    pages = (
        Page.objects.filter(pk__in=[int(state.workflow_state.object_id) for state in states])
        .specific()
        .in_bulk()
    )
    # The specific pages are fetched anew, without a join: each row names its language.
    locales = Locale.objects.in_bulk()
    for page in pages.values():
        page.locale = locales[page.locale_id]
    committees = reviewing_committees(pages.values())
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is not None:
            yield committees[page.pk], ReviewItem(task_state=state, page=page)


def queues_for(user):
    """One queue per committee ``user`` reviews for, with its pages and other counts."""
    queues = {
        committee.pk: CommitteeQueue(committee=committee) for committee in reviewer_committees(user)
    }
    if not queues:
        return []
    for committee, item in pages_in_review():
        if committee is not None and committee.pk in queues:
            queues[committee.pk].items.append(item)
    for queue in queues.values():
        queue.counts = counts_for(QUEUE_COUNT_HOOK, queue.committee, user)
    return list(queues.values())
