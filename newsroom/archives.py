"""What the newsroom adds to a person's archive (``nikrah.archives``): their comments on
the news. A comment is stored with the name and e-mail address typed into the form, not
with an account, so a person's comments are those sent with one of the addresses they have
verified on their account."""

from allauth.account.models import EmailAddress
from django.utils.translation import gettext_lazy as _

from newsroom.models import Comment
from nikrah.archives import ArchiveFile, ArchivePart, acted_by, fields_of, json_file

COMMENT_FIELDS = ["id", "name", "email", "text", "status", "language", "created_at"]


def comments_of(user):
    """The comments sent with one of ``user``'s verified e-mail addresses, oldest first."""
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return (
        Comment.objects.sent_with(list(addresses))
        .select_related("page")
        .order_by("created_at", "pk")
    )


def personal_data(request, user):
    return ArchivePart(
        order=30,
        files=[
            ArchiveFile(
                "comments.json",
                _(
                    "Your comments on the news, published or not, with the article each is "
                    "about and its moderation."
                ),
            )
        ],
        contents=lambda: [("comments.json", json_file(_comments_document(request, user)))],
        notes=[
            _(
                "Comments are kept with the name and e-mail address typed into the comment "
                "form, not with an account: the comments here are those sent with one of the "
                "e-mail addresses you have verified. A comment sent with an address you have "
                "not verified on your account is not included. The keyed hash of the "
                "internet address a comment came from, kept only to limit spam, is left out: "
                "anyone may type your e-mail address, and that address may be theirs."
            ),
        ],
    )


def _comments_document(request, user):
    return [
        {
            **fields_of(comment, *COMMENT_FIELDS),
            "page": {
                "id": comment.page_id,
                "title": comment.page.title,
                "url": comment.page.get_full_url(request),
            },
            "parent": comment.parent_id,
            "moderated_at": comment.moderated_at,
            "moderated_by": acted_by(comment.moderated_by_id, user.pk),
        }
        for comment in comments_of(user)
    ]
