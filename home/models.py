from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from home.sections import HOME_SECTION_HOOK, home_figures
from nikrah.blocks import BodyBlock
from nikrah.models import BasePage
from nikrah.sections import sections_for


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
        context["sections"] = sections_for(HOME_SECTION_HOOK, request, self)
        context["figures"] = [
            {"figure": figure, "value": figure.count(self)} for figure in home_figures()
        ]
        return context
