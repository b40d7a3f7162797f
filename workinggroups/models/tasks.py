from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.models import Task, TaskState

from workinggroups.revisions import same_written_content


class CommitteeReviewTask(Task):
    """A review by the committee that the moderation rule names for each page
    (``workinggroups.moderation.reviewing_committee``).

    One workflow with this one task covers the whole site: the committee is decided per page
    at review time, so a new working group, charity or language needs no new workflow. Its
    reviewers need no publish permission: approval publishes on their behalf
    (``workinggroups.publishing.publish_approved``), so they can publish nothing else.
    """

    admin_form_fields = Task.admin_form_fields

    class Meta:
        verbose_name = _("committee review")
        verbose_name_plural = _("committee reviews")

    @classmethod
    def get_description(cls):
        return _("The committee responsible for the page reviews it (see the moderation rule).")

    @cached_property
    def _moderation(self):
        from workinggroups import moderation

        return moderation

    def user_can_review(self, obj, user):
        if not user.is_authenticated or not user.is_active:
            return False
        if user.is_superuser:
            return True
        committee = self._moderation.reviewing_committee(obj)
        return committee is not None and committee.has_member(user)

    def user_can_access_editor(self, obj, user):
        return self.user_can_review(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_review(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_review(obj, user)

    def user_can_unlock(self, obj, user):
        return False

    def get_actions(self, obj, user):
        if self.user_can_review(obj, user):
            return [
                ("reject", _("Request changes"), True),
                ("approve", _("Approve"), False),
                ("approve", _("Approve with comment"), True),
            ]
        return []

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve":
            self._approve_latest_revision_if_unchanged(task_state)
        return super().on_action(task_state, user, action_name, **kwargs)

    @staticmethod
    def _approve_latest_revision_if_unchanged(task_state):
        """Approving in the page editor saves a revision first. When nothing anyone wrote
        differs from the revision under review, the approval is for that newer revision,
        so Wagtail's re-approval rule does not restart the review. A reviewer who changed
        the content still gets the re-approval the rule intends."""
        latest = task_state.workflow_state.content_object.get_latest_revision()
        if latest is None or latest.pk == task_state.revision_id:
            return
        if same_written_content(task_state.revision, latest):
            task_state.revision = latest
            task_state.save(update_fields=["revision"])

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return states
        reviewable = [
            state.pk
            for state in states.select_related("workflow_state")
            if self.user_can_review(state.workflow_state.content_object, user)
        ]
        return states.filter(pk__in=reviewable)
