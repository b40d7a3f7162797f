from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from nikrah.fields import SortKeyField
from nikrah.page_forms import BasePageForm
from nikrah.panels import JalaliPublishingPanel
from nikrah.search import index


class BasePage(Page):
    """What every Nikrah page shares: a short summary for listings, cards and link previews."""

    summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences shown in listings and link previews."),
    )

    # Listings of pages by name order by this, in Persian alphabetical order.
    title_sort = SortKeyField(source="title")

    promote_panels = [*Page.promote_panels, FieldPanel("summary")]
    search_fields = [
        *index.page_search_fields(),
        index.SearchField("summary", boost=index.SUMMARY_BOOST),
        index.AutocompleteField("summary"),
    ]
    # Wagtail's own settings panels, with the publishing dates in the editor's calendar.
    settings_panels = [JalaliPublishingPanel(), *Page.settings_panels[1:]]
    base_form_class = BasePageForm

    class Meta:
        abstract = True

    @property
    def listing_summary(self):
        return self.summary or self.search_description


class BilingualNameMixin:
    """Reference data named in both languages (provinces, cities, themes): ``name`` follows
    the active language, so one record serves the Persian and the English site."""

    @property
    def name(self):
        if (get_language() or "fa").startswith("fa"):
            return self.name_fa
        return self.name_en or self.name_fa


class UsedFormStamp(models.Model):
    """A public form's stamp that has been sent once (nikrah.spam): sending it again is
    refused. Rows older than a stamp's lifetime are pruned as new ones arrive."""

    nonce = models.CharField(max_length=32, primary_key=True)
    used_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("used form stamp")
        verbose_name_plural = _("used form stamps")

    def __str__(self):
        return self.nonce
