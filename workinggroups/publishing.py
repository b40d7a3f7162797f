"""Wagtail imports WAGTAIL_FINISH_WORKFLOW_ACTION while its models load, so this module
imports nothing at the top."""


def publish_approved(workflow_state, user=None):
    """Publish what the committee approved (or schedule it, when it has a go-live date).

    Reviewers hold no publish permission: the committee-review task already checked that
    ``user`` reviews this page, so the approved revision is published on their behalf.
    Wagtail's own action would require publish permission of the approver."""
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
