"""A volunteer's application to an opportunity, reviewed by the organising charity."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Application(models.Model):
    """One per volunteer and opportunity (enforced by the database). Accepting never goes
    beyond the opportunity's places: see ``opportunities.applying``."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        ACCEPTED = "accepted", _("Accepted")
        WAITLISTED = "waitlisted", _("Wait-listed")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        COMPLETED = "completed", _("Completed")
        NO_SHOW = "no_show", _("Did not attend")

    # Statuses that hold one of the opportunity's places.
    HOLDS_PLACE = (Status.ACCEPTED, Status.COMPLETED)

    opportunity = models.ForeignKey(
        "opportunities.OpportunityPage",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("opportunity"),
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("volunteer"),
    )
    motivation = models.TextField(_("why you would like to take part"), max_length=1000)
    availability = models.CharField(_("when you are available"), max_length=300)
    consent_to_share = models.BooleanField(
        _("I agree that the organising charity sees my contact details"), default=False
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.SUBMITTED
    )
    message = models.TextField(_("message from the charity"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("applied"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        constraints = [
            models.UniqueConstraint(
                fields=["opportunity", "volunteer"], name="one_application_per_opportunity"
            )
        ]

    def __str__(self):
        return f"{self.volunteer} → {self.opportunity}"

    @property
    def can_withdraw(self):
        return self.status in (
            self.Status.SUBMITTED,
            self.Status.ACCEPTED,
            self.Status.WAITLISTED,
        )
