from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from home.sections import home_figures, home_sections
from nikrah.blocks import BodyBlock
from nikrah.models import BasePage


class HomePage(BasePage):
    """The front page: an introduction to the network, then live sections from each app."""

    introduction = StreamField(BodyBlock(), blank=True, verbose_name=_("introduction"))

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = [
            {
                "section": section,
                "items": list(section.get_items(request, self)),
                "more_url": section.get_more_url(self) if section.get_more_url else None,
            }
            for section in home_sections()
        ]
        context["figures"] = [
            {"figure": figure, "value": figure.count(self)} for figure in home_figures()
        ]
        return context
