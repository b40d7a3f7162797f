"""A volunteer's application to an opportunity, reviewed by the organising charity."""

from django.conf import settings
from django.contrib.admin import display
from django.db import models
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from charities.services import charities_of


class ApplicationQuerySet(models.QuerySet):
    def for_reviewer(self, user):
        """The applications ``user`` may review and whose applicants' contact details they
        may see: their own charities' (all of them for platform admins)."""
        if not (user.is_authenticated and user.is_active):
            return self.none()
        if user.is_superuser:
            return self
        return self.filter(opportunity__charity__in=charities_of(user))

    def is_reviewer(self, user):
        return user.is_superuser or charities_of(user).exists()


class Application(models.Model):
    """One per volunteer and opportunity (enforced by the database). Accepting never goes
    beyond the opportunity's places: see ``opportunities.applying``."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", pgettext_lazy("application status", "Submitted")
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
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the volunteer applied in; e-mails to them use it."),
    )
    created_at = models.DateTimeField(_("applied"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)

    objects = ApplicationQuerySet.as_manager()

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
        return f"{self.volunteer_name} → {self.opportunity}"

    @property
    def _profile(self):
        return getattr(self.volunteer, "volunteer_profile", None)

    @property
    @display(description=_("volunteer"))
    def volunteer_name(self):
        """The name the volunteer gave charities, or their e-mail address; once they have
        deleted their account, neither is left (``opportunities.accounts``)."""
        if self._profile:
            return self._profile.display_name
        return self.volunteer.email or gettext("Deleted volunteer")

    # The applicant's contact details: shown only to reviewers (see ``for_reviewer``).
    @property
    @display(description=_("e-mail"))
    def volunteer_email(self):
        return self.volunteer.email

    @property
    @display(description=_("phone number"))
    def volunteer_phone(self):
        return self._profile.phone if self._profile else ""

    @property
    @display(description=_("where they live"))
    def volunteer_place(self):
        profile = self._profile
        if profile is None or profile.province is None:
            return ""
        if profile.city is None:
            return profile.province.name
        return gettext("%(city)s, %(province)s") % {
            "city": profile.city.name,
            "province": profile.province.name,
        }

    @property
    @display(description=_("skills"))
    def volunteer_skills(self):
        return ", ".join(self._profile.skills.names()) if self._profile else ""

    @property
    def can_withdraw(self):
        return self.status in (
            self.Status.SUBMITTED,
            self.Status.ACCEPTED,
            self.Status.WAITLISTED,
        )
