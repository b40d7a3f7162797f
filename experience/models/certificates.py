"""Certificates that recognise a volunteer's participation, hours or training, as they
stood on the day of issue. The rules live in ``experience.recording``."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from opportunities.models import Application

# Without look-alikes (0/O, 1/I/L), so that a code read aloud or typed from paper works.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_GROUPS, CODE_GROUP_LENGTH = 4, 4  # 16 characters: about 79 bits of randomness


def new_certificate_code():
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
        for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


class CertificateQuerySet(models.QuerySet):
    def delete(self):
        raise ValidationError(_("A certificate is never deleted; revoke it instead."))

    def valid(self):
        return self.filter(revoked_at__isnull=True)

    def for_reviewer(self, user):
        return self.filter(application__in=Application.objects.for_reviewer(user))


class Certificate(models.Model):
    """Recognition of a volunteer's participation, as it stood on the day of issue.

    What it says is copied in when it is issued and never changes afterwards (later edits of
    the opportunity or the charity do not rewrite history); it can be revoked with a reason,
    never deleted. Its holder alone may take their name off it, which withdraws it (see
    ``recording.withdraw_certificates``). ``status_index`` is its place in the published
    revocation list.
    """

    class Kind(models.TextChoices):
        PARTICIPATION = "participation", _("Participation")
        HOURS = "hours", _("Hours milestone")
        TRAINING = "training", _("Training completed")

    IMMUTABLE_FIELDS = (
        "code",
        "kind",
        "application_id",
        "volunteer_id",
        "charity_id",
        "volunteer_name",
        "role",
        "project_title",
        "charity_name",
        "hours",
        "period_start",
        "period_end",
        "issued_on",
        "status_index",
    )

    REVOCATION_FIELDS = ("revoked_at", "revoked_reason", "revoked_by_id", "withdrawn_by_holder")
    # What may change once, to nothing: the holder's name, when they withdraw it.
    ERASABLE_FIELDS = ("volunteer_name",)

    code = models.CharField(
        _("code"), max_length=19, unique=True, default=new_certificate_code, editable=False
    )
    kind = models.CharField(_("kind"), max_length=15, choices=Kind.choices)
    application = models.ForeignKey(
        "opportunities.Application",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("application"),
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("volunteer"),
    )
    charity = models.ForeignKey(
        "charities.Charity",
        on_delete=models.PROTECT,
        null=True,
        related_name="certificates",
        verbose_name=_("charity"),
    )
    volunteer_name = models.CharField(_("volunteer's name"), max_length=100)
    role = models.CharField(_("role"), max_length=255)
    project_title = models.CharField(_("project"), max_length=255, blank=True)
    charity_name = models.CharField(_("charity's name"), max_length=200)
    hours = models.DecimalField(_("confirmed hours"), max_digits=7, decimal_places=2)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("to"))
    issued_on = models.DateField(_("issued on"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("issued by"),
    )
    status_index = models.PositiveIntegerField(_("index in the revocation list"), unique=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    revoked_reason = models.CharField(_("reason for revoking"), max_length=300, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    withdrawn_by_holder = models.BooleanField(
        _("withdrawn at the holder's request"),
        default=False,
        help_text=_("Revoked because its holder withdrew it when deleting their account."),
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_on", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "kind"], name="one_certificate_of_each_kind"
            )
        ]

    def __str__(self):
        return f"{self.code} · {self.holder_name} · {self.role}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            fields = (*self.IMMUTABLE_FIELDS, *self.REVOCATION_FIELDS)
            stored = Certificate.objects.filter(pk=self.pk).values(*fields).first()
            # What it says never changes; once revoked, the revocation stands too. The
            # holder's name may only be taken off, and only from a revoked certificate.
            final = self.IMMUTABLE_FIELDS + (
                self.REVOCATION_FIELDS if stored and stored["revoked_at"] else ()
            )
            changed = {name for name in final if stored and stored[name] != getattr(self, name)}
            erased = {
                name
                for name in changed.intersection(self.ERASABLE_FIELDS)
                if self.revoked_at and not getattr(self, name)
            }
            if changed - erased:
                raise ValidationError(_("A certificate cannot be changed once issued."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("A certificate is never deleted; revoke it instead."))

    @property
    def is_revoked(self):
        return self.revoked_at is not None

    @property
    def holder_name(self):
        """The name on the certificate, or a word for a holder who took it off."""
        return self.volunteer_name or gettext("Deleted volunteer")
