from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Collection

from nikrah.fields import SortKeyField


class Charity(models.Model):
    """A member charity as a legal person (عضو حقوقی): what the network knows of it beyond
    its public profile. Its editors' group and collection are created with it, and the
    trusted mark lives here, outside the page's revisions, so that no editor's draft can
    set or undo it."""

    name = models.CharField(_("name"), max_length=200)
    name_sort = SortKeyField(source="name")
    is_trusted = models.BooleanField(
        _("trusted member"),
        default=False,
        help_text=_("A companion, trusted association of the network's core."),
    )
    trusted_since = models.DateTimeField(_("trusted since"), null=True, blank=True)
    editors_group = models.OneToOneField(
        Group,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="charity",
        verbose_name=_("editors' group"),
    )
    collection = models.OneToOneField(
        Collection,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="charity",
        verbose_name=_("image and document collection"),
    )
    created_at = models.DateTimeField(_("joined"), auto_now_add=True)

    class Meta:
        ordering = ["name_sort"]
        verbose_name = _("charity")
        verbose_name_plural = _("charities")
        permissions = [("set_trusted_mark", _("Can set or remove the trusted mark"))]

    def __str__(self):
        return self.name

    @property
    def profile(self):
        """The charity's profile page in the default language."""
        return self.pages.filter(locale__language_code=settings.LANGUAGE_CODE).first()

    def has_editor(self, user):
        return (
            self.editors_group_id is not None
            and user.is_authenticated
            and user.groups.filter(pk=self.editors_group_id).exists()
        )
