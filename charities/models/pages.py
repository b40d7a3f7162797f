from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch, Value
from django.db.models.functions import Lower, Replace
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page

from charities.models.charity import Charity
from charities.models.reference import Province, Theme
from nikrah import persian
from nikrah.blocks import BodyBlock
from nikrah.models import BasePage
from nikrah.pagination import paginate
from nikrah.search import index
from nikrah.search.filters import matching
from nikrah.sections import CHARITY_PROFILE_SECTION_HOOK, sections_for

CHARITY_CARD_LOGO = "fill-64x64"


class CharityIndexPage(BasePage):
    """The directory of member charities (/charities/): filter by theme, province and the
    trusted mark, search by name."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["charities.CharityPage"]
    max_count_per_parent = 1
    charities_per_page = 12

    class Meta:
        verbose_name = _("charity directory")
        verbose_name_plural = _("charity directories")

    def get_charities(self, *, theme=None, province=None, trusted=False, query=""):
        logos = get_image_model().objects.prefetch_renditions(CHARITY_CARD_LOGO)
        charities = (
            CharityPage.objects.live()
            .public()
            .child_of(self)
            .select_related("charity")
            .prefetch_related("themes", "provinces", Prefetch("logo", queryset=logos))
            .defer_streamfields()
            .order_by("title_sort")
        )
        if theme:
            charities = charities.filter(themes__slug=theme)
        if province:
            charities = charities.filter(provinces__code=province)
        if trusted:
            charities = charities.filter(charity__is_trusted=True)
        return matching(charities, query).distinct()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = {
            "theme": request.GET.get("theme", "").strip(),
            "province": request.GET.get("province", "").strip(),
            "trusted": request.GET.get("trusted") == "1",
            "query": request.GET.get("q", "").strip()[:100],
        }
        charities = paginate(request, self.get_charities(**filters), self.charities_per_page)
        context.update(
            charities=charities,
            filters=filters,
            is_filtered=any(filters.values()),
            themes=Theme.objects.all(),
            provinces=Province.objects.all(),
        )
        return context


def _name_key_expression(field):
    """SQL twin of ``persian.name_key`` for stored names (letters already normalised)."""
    expression = Lower(field)
    for character in (" ", persian.ZWNJ, "\u200d"):
        expression = Replace(expression, Value(character), Value(""))
    return expression


def jalali_year_validators():
    return [MinValueValidator(1250), MaxValueValidator(1500)]


class CharityPage(BasePage):
    """A member charity's public profile. Its editors keep it; the executive committee
    reviews every change before it is published."""

    charity = models.ForeignKey(
        Charity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="pages",
        verbose_name=_("charity"),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("about the charity"))
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="charity_pages", verbose_name=_("fields of activity")
    )
    provinces = ParentalManyToManyField(
        Province, blank=True, related_name="charity_pages", verbose_name=_("provinces served")
    )
    year_founded = models.PositiveSmallIntegerField(
        _("year founded (Solar Hijri)"),
        null=True,
        blank=True,
        validators=jalali_year_validators(),
        help_text=_("For example 1395."),
    )
    registration_number = models.CharField(_("registration number"), max_length=50, blank=True)
    registering_body = models.CharField(
        _("registered with"),
        max_length=150,
        blank=True,
        help_text=_("For example the Ministry of Interior or the State Welfare Organisation."),
    )
    address = models.TextField(_("address"), blank=True, max_length=500)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary", heading=_("Short introduction")),
        FieldPanel("logo"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("themes"), FieldPanel("provinces")],
            heading=_("Fields and regions"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("year_founded"),
                FieldPanel("registration_number"),
                FieldPanel("registering_body"),
            ],
            heading=_("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
                InlinePanel("social_links", label=_("Social link")),
            ],
            heading=_("Contact"),
        ),
        InlinePanel("gallery_images", label=_("Gallery image"), max_num=24),
    ]
    promote_panels = Page.promote_panels

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("charity_id"),
    ]

    parent_page_types = ["charities.CharityIndexPage"]

    class Meta:
        verbose_name = _("charity profile")
        verbose_name_plural = _("charity profiles")

    @property
    def is_trusted(self):
        return bool(self.charity and self.charity.is_trusted)

    def clean(self):
        super().clean()
        self.title = persian.normalize_letters(self.title).strip()
        self.phone = persian.to_ascii_digits(self.phone).strip()
        duplicate = (
            CharityPage.objects.filter(locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
            .annotate(name_key=_name_key_expression("title"))
            .filter(name_key=persian.name_key(self.title))
        )
        if self.title and duplicate.exists():
            raise ValidationError({"title": _("Another charity already has this name.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = sections_for(CHARITY_PROFILE_SECTION_HOOK, request, self)
        context["gallery"] = self.gallery_images.select_related("image")
        context["social_links"] = self.social_links.all()
        return context


class CharitySocialLink(Orderable):
    """A link to one of the charity's accounts elsewhere."""

    NETWORKS = [
        ("instagram", "Instagram"),
        ("telegram", "Telegram"),
        ("whatsapp", "WhatsApp"),
        ("eitaa", _("Eitaa")),
        ("bale", _("Bale")),
        ("aparat", _("Aparat")),
        ("linkedin", "LinkedIn"),
        ("x", "X"),
        ("other", _("Other")),
    ]

    page = ParentalKey(CharityPage, on_delete=models.CASCADE, related_name="social_links")
    network = models.CharField(_("network"), max_length=20, choices=NETWORKS)
    url = models.URLField(_("address"))

    panels = [FieldPanel("network"), FieldPanel("url")]


class CharityGalleryImage(Orderable):
    """A photo of the charity's work, with a caption."""

    page = ParentalKey(CharityPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        "wagtailimages.Image", on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    caption = models.CharField(_("caption"), max_length=250, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]


class JoinPage(BasePage):
    """The public "join as a charity" page: an introduction, then the membership request
    form. Submitted requests wait for the executive committee."""

    introduction = StreamField(BodyBlock(), blank=True, verbose_name=_("introduction"))
    thank_you_text = RichTextField(
        _("thank-you text"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Shown after a request is sent."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("thank_you_text"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("membership request page")
        verbose_name_plural = _("membership request pages")

    def serve(self, request, *args, **kwargs):
        # The form is a view of its own (charities.views.join), imported here because the
        # views depend on these models.
        from charities.views.join import serve_join_page

        return serve_join_page(self, request)
