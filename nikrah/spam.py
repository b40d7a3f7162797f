"""A light guard against automated form spam, shared by every public form: a hidden field
people never fill (a honeypot) and a signed time stamp (sent too fast, or too long after the
form was shown, is refused). No external service such as reCAPTCHA: the site works offline."""

import time

from django import forms
from django.core import signing
from django.utils.translation import gettext_lazy as _

STAMP_SALT = "nikrah.spam.form-stamp"
MIN_SECONDS = 2
MAX_SECONDS = 60 * 60 * 24


def form_stamp(at=None):
    """A signed record of when a form was shown."""
    return signing.Signer(salt=STAMP_SALT).sign(str(int(at if at is not None else time.time())))


class SpamGuardMixin(forms.Form):
    """Mix into a public form: its ``clean()`` refuses a filled honeypot and a missing,
    forged, too quick or stale time stamp, with a message people understand."""

    website_url = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_stamp = forms.CharField(required=False, widget=forms.HiddenInput)

    spam_error = _("Your submission looks automated. Please wait a moment and send it again.")
    expired_error = _("This form has expired. Please reload the page and send it again.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_stamp"].initial = form_stamp()

    def spam_problem(self):
        if self.cleaned_data.get("website_url"):
            return self.spam_error
        try:
            shown_at = int(
                signing.Signer(salt=STAMP_SALT).unsign(
                    self.data.get(self.add_prefix("form_stamp"), "")
                )
            )
        except (signing.BadSignature, ValueError):
            return self.spam_error
        age = time.time() - shown_at
        if age < MIN_SECONDS:
            return self.spam_error
        if age > MAX_SECONDS:
            return self.expired_error
        return None

    def clean(self):
        cleaned_data = super().clean()
        if problem := self.spam_problem():
            raise forms.ValidationError(problem, code="spam")
        return cleaned_data
