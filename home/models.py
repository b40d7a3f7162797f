from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField, StreamField

from nikrah.blocks import BodyBlock
from nikrah.models import BasePage
from nikrah.sections import HOME_SECTION_HOOK, home_figures, sections_for
from nikrah.spam import SpamGuardMixin


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


class FeedbackFormField(AbstractFormField):
    page = ParentalKey("FeedbackFormPage", on_delete=models.CASCADE, related_name="form_fields")


class FeedbackFormBuilder(FormBuilder):
    """The editors' fields plus the site's spam guard (honeypot and time stamp)."""

    def get_form_class(self):
        return type("FeedbackForm", (SpamGuardMixin, BaseForm), self.formfields)


class FeedbackFormPage(AbstractEmailForm):
    """Comments, critiques and suggestions on how the platform works, as the meeting asked
    of its members. The executive committee reads and exports the submissions."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        _("thank-you text"), blank=True, features=["bold", "italic", "link"]
    )
    form_builder = FeedbackFormBuilder

    content_panels = [
        *AbstractEmailForm.content_panels,
        FieldPanel("introduction"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("from_address"), FieldPanel("subject")],
            heading=_("E-mail the submissions"),
        ),
    ]

    settings_panels = BasePage.settings_panels

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("feedback form")
        verbose_name_plural = _("feedback forms")
