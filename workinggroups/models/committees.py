from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from nikrah.models import BilingualNameMixin


class Committee(BilingualNameMixin, models.Model):
    """A committee of the network (education; cultural & networking; executive) or a working
    group's coordinators. Its members are the users of its Wagtail group, which the project
    keeps in step; it reviews what the moderation rule sends to it."""

    class Kind(models.TextChoices):
        EDUCATION = "education", _("Education committee")
        CULTURE = "culture", _("Cultural & networking committee")
        EXECUTIVE = "executive", _("Executive committee")
        COORDINATORS = "coordinators", _("Working group coordinators")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name_fa = models.CharField(_("Persian name"), max_length=150, unique=True)
    name_en = models.CharField(_("English name"), max_length=150, blank=True)
    mandate = models.TextField(_("mandate"), blank=True, max_length=2000)
    group = models.OneToOneField(
        Group,
        on_delete=models.PROTECT,
        related_name="committee",
        verbose_name=_("Wagtail group"),
        editable=False,
    )

    panels = [
        FieldPanel("kind"),
        FieldPanel("name_fa"),
        FieldPanel("name_en"),
        FieldPanel("mandate"),
        FieldPanel("members"),
    ]
    # Its admin form, workinggroups.forms.CommitteeForm, is set by the app's ready().

    class Meta:
        ordering = ["kind", "name_fa"]
        verbose_name = _("committee")
        verbose_name_plural = _("committees")
        constraints = [
            # One committee of each network-wide kind; coordinators are one per working group.
            models.UniqueConstraint(
                fields=["kind"],
                condition=~models.Q(kind="coordinators"),
                name="one_committee_per_network_kind",
            )
        ]

    def __str__(self):
        return self.name

    @property
    def members(self):
        return self.group.user_set.filter(is_active=True)

    def has_member(self, user):
        return user.is_authenticated and user.groups.filter(pk=self.group_id).exists()
