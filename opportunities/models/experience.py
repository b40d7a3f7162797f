"""A volunteer's experience: hours they gave (counted once the charity confirms them) and the
certificates that recognise it. The rules live in ``opportunities.experience``."""

import secrets
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

# Without look-alikes (0/O, 1/I/L), so that a code read aloud or typed from paper works.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_GROUPS, CODE_GROUP_LENGTH = 4, 4  # 16 characters: about 79 bits of randomness


def new_certificate_code():
    groups = (
        "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_GROUP_LENGTH))
        for _ in range(CODE_GROUPS)
    )
    return "-".join(groups)


class HoursEntryQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=HoursEntry.Status.CONFIRMED)

    def total(self):
        return self.aggregate(total=Sum("hours"))["total"] or Decimal("0")

    def for_reviewer(self, user):
        """The hours a charity's editors (or platform admins) may see and confirm."""
        from opportunities.models import Application

        return self.filter(application__in=Application.objects.for_reviewer(user))


class HoursEntry(models.Model):
    """Hours given on one day for one application: logged by the volunteer and confirmed or
    rejected by the organising charity, or recorded by the charity itself (confirmed)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting confirmation")
        CONFIRMED = "confirmed", _("Confirmed")
        REJECTED = "rejected", _("Not confirmed")

    application = models.ForeignKey(
        "opportunities.Application",
        on_delete=models.PROTECT,
        related_name="hours_entries",
        verbose_name=_("application"),
    )
    date = models.DateField(_("date"))
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.25")), MaxValueValidator(24)],
    )
    description = models.CharField(_("what was done"), max_length=300)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("confirmed or rejected by"),
    )
    reviewed_at = models.DateTimeField(_("confirmed or rejected"), null=True, blank=True)
    note = models.CharField(_("note from the charity"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)

    objects = HoursEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-created_at"]
        verbose_name = _("volunteer hours")
        verbose_name_plural = _("volunteer hours")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(hours__gt=0, hours__lte=24), name="hours_within_a_day"
            )
        ]

    def __str__(self):
        return f"{self.application.volunteer_name}: {self.hours} ({self.date})"


class CertificateQuerySet(models.QuerySet):
    def delete(self):
        raise ValidationError(_("A certificate is never deleted; revoke it instead."))

    def valid(self):
        return self.filter(revoked_at__isnull=True)

    def for_reviewer(self, user):
        from opportunities.models import Application

        return self.filter(application__in=Application.objects.for_reviewer(user))


class Certificate(models.Model):
    """Recognition of a volunteer's participation, as it stood on the day of issue.

    What it says is copied in when it is issued and never changes afterwards (later edits of
    the opportunity or the charity do not rewrite history); it can be revoked with a reason,
    never deleted. ``status_index`` is its place in the published revocation list.
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

    REVOCATION_FIELDS = ("revoked_at", "revoked_reason", "revoked_by_id")

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
        return f"{self.code} · {self.volunteer_name} · {self.role}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            fields = (*self.IMMUTABLE_FIELDS, *self.REVOCATION_FIELDS)
            stored = Certificate.objects.filter(pk=self.pk).values(*fields).first()
            # What it says never changes; once revoked, the revocation stands too.
            final = self.IMMUTABLE_FIELDS + (
                self.REVOCATION_FIELDS if stored and stored["revoked_at"] else ()
            )
            if stored and any(stored[name] != getattr(self, name) for name in final):
                raise ValidationError(_("A certificate cannot be changed once issued."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValidationError(_("A certificate is never deleted; revoke it instead."))

    @property
    def is_revoked(self):
        return self.revoked_at is not None
