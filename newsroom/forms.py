from django import forms
from django.utils.translation import gettext_lazy as _

from nikrah.spam import SpamGuardMixin


class CommentForm(SpamGuardMixin, forms.Form):
    """ارسال دیدگاه: name, e-mail (never shown) and text; optionally a reply to an approved
    comment of the same article."""

    name = forms.CharField(label=_("Name"), max_length=80)
    email = forms.EmailField(
        label=_("E-mail"), help_text=_("Not published; only the moderators see it.")
    )
    text = forms.CharField(
        label=_("Comment"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "max_length": _("A comment can be at most %(limit_value)d characters long.")
        },
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, page, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)

    def clean_parent(self):
        from newsroom.models import Comment

        parent_id = self.cleaned_data.get("parent")
        if not parent_id:
            return None
        parent = (
            Comment.objects.approved()
            .filter(pk=parent_id, page=self.page, parent__isnull=True)
            .first()
        )
        if parent is None:
            raise forms.ValidationError(_("You can only reply to a published comment."))
        return parent
