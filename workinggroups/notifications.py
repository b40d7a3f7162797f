"""E-mail the reviewing committee's members when something is submitted to them."""

from django.contrib.auth import get_user_model
from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier


class CommitteeReviewSubmissionEmailNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    def can_handle(self, instance, **kwargs):
        from workinggroups.models import CommitteeReviewTask

        return isinstance(instance, self.valid_classes) and isinstance(
            instance.task.specific, CommitteeReviewTask
        )

    def get_recipient_users(self, task_state, **kwargs):
        from workinggroups.moderation import reviewing_committee

        committee = reviewing_committee(task_state.workflow_state.content_object)
        if committee is None:
            return get_user_model().objects.none()
        recipients = committee.members
        if user := kwargs.get("user"):
            recipients = recipients.exclude(pk=user.pk)
        return recipients


committee_submission_notifier = CommitteeReviewSubmissionEmailNotifier()
