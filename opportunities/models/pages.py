"""Volunteer opportunities (فرصت داوطلبی): roles a charity offers under a project or a
working group, found by visitors in the opportunities listing (/opportunities/)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import ItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from charities.models import Charity, City, Province, Theme
from nikrah.blocks import BodyBlock
from nikrah.models import BasePage
from nikrah.pagination import paginate
from nikrah.search import index
from nikrah.search.filters import matching
from nikrah.url_values import valid_id
from opportunities.models.volunteers import Skill


class TaggedOpportunitySkill(ItemBase):
    """Links an opportunity to a skill of the shared vocabulary."""

    tag = models.ForeignKey(
        Skill,
        on_delete=models.CASCADE,
        related_name="tagged_opportunities",
        verbose_name=_("skill"),
    )
    content_object = ParentalKey(
        "opportunities.OpportunityPage", on_delete=models.CASCADE, related_name="tagged_skills"
    )


class OpportunityPage(RoutablePageMixin, BasePage):
    """A volunteer role. Its organising charity is the one whose editor created it; it goes
    through moderation like every page (training → education committee, otherwise the
    working group's committee)."""

    class Kind(models.TextChoices):
        ONE_OFF = "one_off", _("One-off")
        RECURRING = "recurring", _("Recurring")
        ONGOING = "ongoing", _("Ongoing")
        TRAINING = "training", _("Training")

    class HoursUnit(models.TextChoices):
        PER_WEEK = "week", _("hours a week")
        PER_SESSION = "session", _("hours a session")

    description = StreamField(BodyBlock(), verbose_name=_("description"))
    charity = models.ForeignKey(
        Charity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="opportunities",
        verbose_name=_("organising charity"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.ONE_OFF)
    is_remote = models.BooleanField(_("remote"), default=False)
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("province"),
    )
    city = models.ForeignKey(
        City,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="opportunities",
        verbose_name=_("city"),
    )
    address = models.TextField(_("address or meeting point"), blank=True, max_length=500)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    hours = models.DecimalField(
        _("hours"),
        max_digits=4,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(0.5), MaxValueValidator(80)],
    )
    hours_unit = models.CharField(
        _("per"), max_length=10, choices=HoursUnit.choices, default=HoursUnit.PER_SESSION
    )
    skills = ClusterTaggableManager(
        through=TaggedOpportunitySkill, blank=True, verbose_name=_("skills")
    )
    themes = ParentalManyToManyField(
        Theme, blank=True, related_name="opportunities", verbose_name=_("themes")
    )
    minimum_age = models.PositiveSmallIntegerField(
        _("minimum age"), null=True, blank=True, validators=[MaxValueValidator(99)]
    )
    needs_prior_training = models.BooleanField(_("needs prior training"), default=False)
    required_documents = models.CharField(_("documents to bring"), max_length=300, blank=True)
    places = models.PositiveSmallIntegerField(
        _("places"), validators=[MinValueValidator(1), MaxValueValidator(1000)]
    )
    application_deadline = models.DateField(_("apply by"), null=True, blank=True)
    suits_first_timers = models.BooleanField(_("suits first-time volunteers"), default=False)
    certificate_after_hours = models.DecimalField(
        _("certificate after confirmed hours"),
        max_digits=6,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(10000)],
        help_text=_(
            "Issue a certificate automatically once a volunteer's confirmed hours in this "
            "opportunity reach this number. Leave empty to issue certificates yourself."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("themes"), FieldPanel("skills")],
            heading=_("Kind, themes and skills"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("is_remote"),
                FieldPanel("province"),
                FieldPanel("city"),
                FieldPanel("address"),
            ],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("starts_on"),
                FieldPanel("ends_on"),
                FieldPanel("hours"),
                FieldPanel("hours_unit"),
                FieldPanel("application_deadline"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("places"),
                FieldPanel("suits_first_timers"),
                FieldPanel("minimum_age"),
                FieldPanel("needs_prior_training"),
                FieldPanel("required_documents"),
            ],
            heading=_("Places and requirements"),
        ),
        FieldPanel("certificate_after_hours", heading=_("Certificates")),
    ]
    promote_panels = Page.promote_panels
    # Its admin form, opportunities.forms_admin.OpportunityPageForm, is set by the app's ready().

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.FilterField("kind"),
        index.FilterField("starts_on"),
    ]

    parent_page_types = ["workinggroups.ProjectPage", "workinggroups.WorkingGroupPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("volunteer opportunity")
        verbose_name_plural = _("volunteer opportunities")

    def clean(self):
        super().clean()
        errors = {}
        if not self.is_remote and not self.province_id:
            errors["province"] = _("Choose a province, or mark the opportunity as remote.")
        if self.city_id and self.province_id and self.city.province_id != self.province_id:
            errors["city"] = _("This city is not in the chosen province.")
        if self.ends_on and self.ends_on < self.starts_on:
            errors["ends_on"] = _("An opportunity cannot end before it starts.")
        if self.application_deadline and self.ends_on and self.application_deadline > self.ends_on:
            errors["application_deadline"] = _("The deadline cannot be after the end date.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_training(self):
        return self.kind == self.Kind.TRAINING

    @property
    def project(self):
        parent = self.get_parent().specific
        return parent if parent._meta.label_lower == "workinggroups.projectpage" else None

    @property
    def working_group(self):
        from workinggroups.models import WorkingGroupPage

        return WorkingGroupPage.objects.ancestor_of(self).first()

    def is_past(self, today=None):
        today = today or timezone.localdate()
        return (self.ends_on or self.starts_on) < today

    def is_closed(self, today=None):
        today = today or timezone.localdate()
        return bool(self.application_deadline and self.application_deadline < today)

    def state_message(self):
        """Why one cannot apply any more, in words; empty while it is open."""
        if self.is_past():
            return _("This opportunity has ended.")
        if self.is_closed():
            return _("Applications for this opportunity are closed.")
        return ""

    def related_open(self, limit=3):
        """Open opportunities sharing a theme or the working group, soonest first."""
        today = timezone.localdate()
        related = (
            OpportunityPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id, starts_on__gte=today)
            .filter(
                models.Q(application_deadline__isnull=True)
                | models.Q(application_deadline__gte=today)
            )
            .exclude(pk=self.pk)
            .select_related("charity", "province", "city")
            .defer_streamfields()
        )
        theme_ids = list(self.themes.values_list("pk", flat=True))
        group = self.working_group
        match = models.Q(themes__in=theme_ids)
        if group is not None:
            match |= models.Q(path__startswith=group.path)
        return list(related.filter(match).distinct().order_by("starts_on")[:limit])

    @path("")
    def opportunity_route(self, request):
        from opportunities.applying import places_left
        from opportunities.models import Application
        from opportunities.structured_data import opportunity_json_ld

        left = places_left(self)
        state = self.state_message() or (_("All places are taken.") if left == 0 else "")
        return self.render(
            request,
            context_overrides={
                "state": state,
                "related": self.related_open() if state else [],
                "project": self.project,
                "working_group": self.working_group,
                "json_ld": opportunity_json_ld(self, request),
                "places_left": left,
                "my_application": Application.objects.filter(
                    opportunity=self, volunteer_id=request.user.pk
                ).first()
                if request.user.is_authenticated
                else None,
            },
        )

    @path("apply/", name="apply")
    def apply_route(self, request):
        from opportunities.apply_view import apply_view

        return apply_view(request, self)

    @path("calendar/", name="calendar")
    def calendar_route(self, request):
        from opportunities.structured_data import opportunity_icalendar

        response = HttpResponse(
            opportunity_icalendar(self, request), content_type="text/calendar; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="opportunity-{self.pk}.ics"'
        return response


class OpportunityIndexPage(BasePage):
    """Every live opportunity of the site (/opportunities/), with filters kept in the URL so
    that a filtered list can be shared."""

    SORTS = {
        "soonest": ("starts_on", "title"),
        "newest": ("-first_published_at",),
        "closing": (models.F("application_deadline").asc(nulls_last=True), "starts_on"),
    }

    introduction = StreamField(BodyBlock(), blank=True, verbose_name=_("introduction"))

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1
    per_page = 12

    class Meta:
        verbose_name = _("opportunity listing")
        verbose_name_plural = _("opportunity listings")

    def read_filters(self, request):
        get = request.GET
        return {
            "q": get.get("q", "").strip()[:100],
            "province": get.get("province", "").strip(),
            "city": get.get("city", "").strip(),
            "theme": get.get("theme", "").strip(),
            "working_group": get.get("working_group", "").strip(),
            "skill": get.get("skill", "").strip()[:100],
            "mode": get.get("mode", "") if get.get("mode") in ("remote", "in_person") else "",
            "date_from": get.get("from", "").strip()[:20],
            "date_to": get.get("to", "").strip()[:20],
            "first_timers": get.get("first_timers") == "1",
            "open_places": get.get("open_places") == "1",
            "past": get.get("past") == "1",
            "sort": get.get("sort") if get.get("sort") in self.SORTS else "soonest",
        }

    def get_opportunities(self, filters):
        from nikrah import persian

        opportunities = (
            OpportunityPage.objects.live()
            .public()
            .filter(locale_id=self.locale_id)
            .select_related("charity", "province", "city")
            .prefetch_related("themes")
            .defer_streamfields()
        )
        if not filters["past"]:
            today = timezone.localdate()
            opportunities = opportunities.filter(
                models.Q(ends_on__gte=today) | models.Q(ends_on__isnull=True, starts_on__gte=today)
            )
        opportunities = matching(opportunities, filters["q"])
        if filters["province"]:
            opportunities = opportunities.filter(province__code=filters["province"])
        if city_id := valid_id(filters["city"]):
            opportunities = opportunities.filter(city_id=city_id)
        if filters["theme"]:
            opportunities = opportunities.filter(themes__slug=filters["theme"])
        if group_id := valid_id(filters["working_group"]):
            from workinggroups.models import WorkingGroupPage

            group = WorkingGroupPage.objects.filter(pk=group_id).first()
            opportunities = opportunities.descendant_of(group) if group else opportunities.none()
        if filters["skill"]:
            opportunities = opportunities.filter(tagged_skills__tag__name=filters["skill"])
        if filters["mode"]:
            opportunities = opportunities.filter(is_remote=filters["mode"] == "remote")
        if date_from := persian.parse_date(filters["date_from"]):
            opportunities = opportunities.filter(
                models.Q(ends_on__gte=date_from) | models.Q(starts_on__gte=date_from)
            )
        if date_to := persian.parse_date(filters["date_to"]):
            opportunities = opportunities.filter(starts_on__lte=date_to)
        if filters["first_timers"]:
            opportunities = opportunities.filter(suits_first_timers=True)
        if filters["open_places"]:
            from opportunities.models.applications import Application

            taken = models.Count(
                "applications", filter=models.Q(applications__status__in=Application.HOLDS_PLACE)
            )
            opportunities = opportunities.annotate(taken=taken).filter(taken__lt=models.F("places"))
        return opportunities.distinct().order_by(*self.SORTS[filters["sort"]])

    def get_context(self, request, *args, **kwargs):

        from workinggroups.models import WorkingGroupPage

        context = super().get_context(request, *args, **kwargs)
        filters = self.read_filters(request)
        opportunities = paginate(request, self.get_opportunities(filters), self.per_page)
        context.update(
            opportunities=opportunities,
            filters=filters,
            is_filtered=any(value for key, value in filters.items() if key != "sort"),
            provinces=Province.objects.all(),
            cities=City.objects.select_related("province").order_by(
                "province__name_sort", "name_sort"
            ),
            themes=Theme.objects.all(),
            working_groups=WorkingGroupPage.objects.live().filter(locale_id=self.locale_id),
            skills=Skill.objects.filter(tagged_opportunities__isnull=False).distinct(),
        )
        return context
