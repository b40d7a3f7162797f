"""Joining the network: membership requests from charities, with their documents, and
invitations from trusted members that vouch for a request."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from charities.models.charity import Charity
from charities.models.reference import Province, Theme
from nikrah import persian
from nikrah.storage import get_private_storage

INVITATION_VALID_FOR = timedelta(days=14)


def new_token():
    return secrets.token_urlsafe(32)


def invitation_expiry():
    return timezone.now() + INVITATION_VALID_FOR


class Invitation(models.Model):
    """An editor of a trusted charity invites another association by e-mail. The link is
    single use and expires; the request made through it shows who vouched for it."""

    email = models.EmailField(_("e-mail"))
    organisation_name = models.CharField(_("association"), max_length=200, blank=True)
    message = models.TextField(_("message"), blank=True, max_length=1000)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("invited by"),
    )
    charity = models.ForeignKey(
        Charity,
        on_delete=models.CASCADE,
        related_name="invitations",
        verbose_name=_("vouching charity"),
    )
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires"), default=invitation_expiry)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self):
        return self.organisation_name or self.email

    @property
    def is_expired(self):
        return timezone.now() >= self.expires_at

    @property
    def is_usable(self):
        return self.used_at is None and not self.is_expired

    @property
    def status_label(self):
        if self.used_at is not None:
            return _("Used")
        if self.is_expired:
            return _("Expired")
        return _("Waiting for a request")


class MembershipRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=MembershipRequest.Status.PENDING)

    def duplicates_of(self, charity_name, registration_number):
        """Open requests for the same charity, however its name is spelt or spaced."""
        fingerprint = MembershipRequest.fingerprint_for(charity_name, registration_number)
        return self.open().filter(fingerprint=fingerprint)

    def in_review_order(self):
        """Open requests first, the oldest at the top: the committee's queue."""
        is_open = models.Case(
            models.When(status=MembershipRequest.Status.PENDING, then=models.Value(0)),
            default=models.Value(1),
        )
        return self.order_by(is_open, "created_at", "pk")


class MembershipRequest(models.Model):
    """A charity's request to join the network, waiting for the executive committee."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting review")
        APPROVED = "approved", _("Approved")
        DECLINED = "declined", _("Declined")

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    charity_name = models.CharField(_("charity name"), max_length=200)
    registration_number = models.CharField(_("registration number"), max_length=50)
    registering_body = models.CharField(_("registered with"), max_length=150)
    year_founded = models.PositiveSmallIntegerField(
        _("year founded (Solar Hijri)"), null=True, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=150)
    contact_role = models.CharField(_("contact person's role"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=20)
    email = models.EmailField(_("e-mail"))
    website = models.URLField(_("website"), blank=True)
    themes = models.ManyToManyField(Theme, related_name="+", verbose_name=_("fields of activity"))
    provinces = models.ManyToManyField(
        Province, related_name="+", verbose_name=_("provinces served")
    )
    statement = models.TextField(_("about the charity"), max_length=2000)
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    invitation = models.OneToOneField(
        Invitation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="membership_request",
        verbose_name=_("invitation"),
    )
    # Normalised name + registration number: one open request per charity (see constraint).
    fingerprint = models.CharField(max_length=300, editable=False, db_index=True)

    created_at = models.DateTimeField(_("submitted"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decision_reason = models.TextField(_("reason"), blank=True, max_length=2000)
    charity = models.ForeignKey(
        Charity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="membership_requests",
        verbose_name=_("charity"),
    )

    objects = MembershipRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("membership request")
        verbose_name_plural = _("membership requests")
        permissions = [
            ("review_membershiprequest", _("Can approve or decline membership requests"))
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["fingerprint"],
                condition=Q(status="pending"),
                name="one_open_membership_request_per_charity",
            )
        ]

    def __str__(self):
        return self.charity_name

    def save(self, *args, **kwargs):
        self.fingerprint = self.fingerprint_for(self.charity_name, self.registration_number)
        super().save(*args, **kwargs)

    @staticmethod
    def fingerprint_for(charity_name, registration_number):
        """What makes two requests the same charity's: the name whatever its spacing,
        ZWNJs and Arabic letters, and the registration number whatever its digits."""
        return f"{persian.name_key(charity_name)}|{persian.name_key(registration_number)}"

    @property
    def is_open(self):
        return self.status == self.Status.PENDING

    @property
    def vouched_by(self):
        return self.invitation.charity if self.invitation_id else None


def membership_document_path(instance, filename):
    return f"membership/{timezone.now():%Y/%m}/{secrets.token_hex(8)}/{filename}"


class MembershipDocument(models.Model):
    """A document attached to a membership request (registration certificate, statute…).
    Stored privately: only reviewers can download it."""

    request = models.ForeignKey(
        MembershipRequest, on_delete=models.CASCADE, related_name="documents"
    )
    file = models.FileField(
        _("file"), storage=get_private_storage, upload_to=membership_document_path, max_length=300
    )
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveIntegerField(_("size in bytes"))
    content_type = models.CharField(_("type"), max_length=100)

    class Meta:
        verbose_name = _("membership document")
        verbose_name_plural = _("membership documents")

    def __str__(self):
        return self.original_name
