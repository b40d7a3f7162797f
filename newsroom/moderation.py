"""Moderating visitors' comments: one function that every admin action calls."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from newsroom.models import Comment
from nikrah.mail import absolute_url, send_templated_email

LOG_ACTIONS = {
    Comment.Status.APPROVED: "nikrah.comment.approved",
    Comment.Status.REJECTED: "nikrah.comment.rejected",
    Comment.Status.SPAM: "nikrah.comment.spam",
    Comment.Status.PENDING: "nikrah.comment.pending",
}


@transaction.atomic
def moderate(comments, status, *, user, notify=True):
    """Give ``comments`` the moderator's decision, write each to the audit log, and tell a
    commenter by e-mail when their comment is published. Returns how many changed."""
    changed = 0
    for comment in comments:
        if comment.status == status:
            continue
        comment.status = status
        comment.moderated_by = user
        comment.moderated_at = timezone.now()
        comment.save(update_fields=["status", "moderated_by", "moderated_at"])
        log(instance=comment, action=LOG_ACTIONS[status], user=user)
        if notify and status == Comment.Status.APPROVED:
            send_templated_email(
                comment.email,
                "newsroom/emails/comment_approved_subject.txt",
                "newsroom/emails/comment_approved_body.txt",
                {
                    "comment": comment,
                    "url": absolute_url(comment.page.url + f"#comment-{comment.pk}"),
                },
                comment.language,
            )
        changed += 1
    return changed
