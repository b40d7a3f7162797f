"""Reference data shared across Nikrah: Iran's provinces and cities, and themes (fields of
activity) that charities, working groups, opportunities and volunteers are tagged with."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from nikrah.fields import SortKeyField
from nikrah.models import BilingualNameMixin


class Province(BilingualNameMixin, models.Model):
    """One of Iran's 31 provinces (استان), shipped with the project."""

    code = models.CharField(_("ISO 3166-2 code"), max_length=6, unique=True)
    name_fa = models.CharField(_("Persian name"), max_length=80)
    name_en = models.CharField(_("English name"), max_length=80)
    name_sort = SortKeyField(source="name_fa")

    class Meta:
        ordering = ["name_sort"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self):
        return self.name

    @property
    def capital(self):
        return self.cities.filter(is_capital=True).first()


class City(BilingualNameMixin, models.Model):
    """A provincial capital or main city."""

    province = models.ForeignKey(
        Province, on_delete=models.CASCADE, related_name="cities", verbose_name=_("province")
    )
    name_fa = models.CharField(_("Persian name"), max_length=80)
    name_en = models.CharField(_("English name"), max_length=80)
    is_capital = models.BooleanField(_("provincial capital"), default=False)
    name_sort = SortKeyField(source="name_fa")

    class Meta:
        ordering = ["province__name_sort", "-is_capital", "name_sort"]
        verbose_name = _("city")
        verbose_name_plural = _("cities")
        constraints = [
            models.UniqueConstraint(fields=["province", "name_fa"], name="unique_city_in_province")
        ]

    def __str__(self):
        return self.name


class Theme(BilingualNameMixin, index.Indexed, models.Model):
    """A field of activity (children, health, education…), managed by admins as a snippet."""

    slug = models.SlugField(_("slug"), unique=True, allow_unicode=False)
    name_fa = models.CharField(_("Persian name"), max_length=80, unique=True)
    name_en = models.CharField(_("English name"), max_length=80)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)
    name_sort = SortKeyField(source="name_fa")

    panels = [
        FieldPanel("name_fa"),
        FieldPanel("name_en"),
        FieldPanel("slug"),
        FieldPanel("sort_order"),
    ]
    search_fields = [index.SearchField("name_fa"), index.SearchField("name_en")]

    class Meta:
        ordering = ["sort_order", "name_sort"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name
