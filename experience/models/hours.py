"""Hours a volunteer gave, as they logged them or the charity recorded them: they count
once the charity confirms them. The rules live in ``experience.recording``."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Sum
from django.utils.translation import gettext_lazy as _

from opportunities.models import Application


class HoursEntryQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(status=HoursEntry.Status.CONFIRMED)

    def total(self):
        return self.aggregate(total=Sum("hours"))["total"] or Decimal("0")

    def for_reviewer(self, user):
        """The hours a charity's editors (or platform admins) may see and confirm."""
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
