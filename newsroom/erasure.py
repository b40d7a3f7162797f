"""A volunteer who closes their account takes their comments on the news with them.

Comments are stored with the name and e-mail typed into the form, not with an account, so a
person's comments are those sent with an address they had verified on their account (as in
their archive, ``newsroom.archives``). Each is deleted, unless others have replied to it:
then it stays as an empty place in the thread, without name, address or text, so that the
replies still answer something; the page says its author removed it. The moderation entries
of the audit log lose the name and text they carried in their label.
"""

from django.utils.translation import gettext_lazy as _

from newsroom.models import Comment
from nikrah.audit import relabel_log_entries

ERASED_LABEL = _("A comment removed by its author")


def erase_comments(sender, addresses, **kwargs):
    comments = list(Comment.objects.sent_with(addresses))
    relabel_log_entries(comments, label=lambda comment: str(ERASED_LABEL))
    answered = Comment.objects.filter(pk__in=[c.pk for c in comments], replies__isnull=False)
    answered.update(name="", email="", text="", address_key="")
    Comment.objects.filter(pk__in=[c.pk for c in comments]).exclude(
        pk__in=answered.values("pk")
    ).delete()
