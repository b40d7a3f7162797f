"""A light guard against automated form spam, shared by every public form: a hidden field
people never fill (a honeypot) and a signed, single-use stamp of when the form was shown
(sent too fast, too long after, or a second time, is refused). No external service such as
reCAPTCHA: the site works offline."""

import secrets
import time
from datetime import timedelta

from django import forms
from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

STAMP_SALT = "nikrah.spam.form-stamp"
MIN_SECONDS = 2
MAX_SECONDS = 60 * 60 * 24


def form_stamp(at=None):
    """A signed record of when a form was shown, with a nonce that makes it single-use."""
    shown_at = int(at if at is not None else time.time())
    return signing.Signer(salt=STAMP_SALT).sign(f"{shown_at}:{secrets.token_hex(16)}")


def read_stamp(stamp):
    """``(shown_at, nonce)`` of a genuine stamp, or None for a forged or malformed one."""
    try:
        shown_at, nonce = signing.Signer(salt=STAMP_SALT).unsign(stamp).split(":")
        return int(shown_at), nonce
    except (signing.BadSignature, ValueError):
        return None


def claim_stamp(nonce):
    """Record that the stamp ``nonce`` has been sent; False when it had been already (two
    posts of one stamp racing included: the primary key lets one of them in)."""
    from nikrah.models import UsedFormStamp

    now = timezone.now()
    try:
        with transaction.atomic():
            UsedFormStamp.objects.create(nonce=nonce, used_at=now)
    except IntegrityError:
        return False
    # Stamps older than their lifetime are refused as stale, so their nonces can go.
    UsedFormStamp.objects.filter(used_at__lt=now - timedelta(seconds=MAX_SECONDS)).delete()
    return True


class SpamGuardMixin(forms.Form):
    """Mix into a public form: its ``clean()`` refuses a filled honeypot, a missing, forged,
    too quick, stale or already sent stamp, with a message people understand.

    The stamp is spent when the rest of the form is valid. A form shown again (with errors,
    or refused by the view afterwards) carries a fresh stamp, so the person can correct it and
    send it once more."""

    website_url = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    form_stamp = forms.CharField(required=False, widget=forms.HiddenInput)

    spam_error = _("Your submission looks automated. Please wait a moment and send it again.")
    expired_error = _("This form has expired. Please reload the page and send it again.")
    sent_error = _("This form has already been sent. Please reload the page to send another.")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["form_stamp"].initial = form_stamp()
        key = self.add_prefix("form_stamp")
        self.sent_stamp = self.data.get(key, "") if self.is_bound else ""
        if self.is_bound:
            self.data = self.data.copy()
            self.data[key] = form_stamp()

    def spam_problem(self):
        if self.cleaned_data.get("website_url"):
            return self.spam_error
        stamp = read_stamp(self.sent_stamp)
        if stamp is None:
            return self.spam_error
        shown_at, nonce = stamp
        age = time.time() - shown_at
        if age < MIN_SECONDS:
            return self.spam_error
        if age > MAX_SECONDS:
            return self.expired_error
        if not self.errors and not claim_stamp(nonce):
            return self.sent_error
        return None

    def clean(self):
        cleaned_data = super().clean()
        if problem := self.spam_problem():
            raise forms.ValidationError(problem, code="spam")
        return cleaned_data
