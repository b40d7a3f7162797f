from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page

from charities.models import Charity, Province, Theme
from nikrah.blocks import BodyBlock
from nikrah.models import BasePage
from nikrah.search import index
from nikrah.sections import sections_for
from workinggroups.models.committees import Committee

PROJECT_PAGE_SECTION_HOOK = "register_project_page_section"


class WorkingGroupIndexPage(BasePage):
    """All working groups (/working-groups/), thematic first, then regional."""

    introduction = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["workinggroups.WorkingGroupPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("working group index")
        verbose_name_plural = _("working group indexes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        groups = (
            WorkingGroupPage.objects.live()
            .public()
            .child_of(self)
            .select_related("theme", "province", "committee")
            .defer_streamfields()
            .order_by("title_sort")
        )
        context["groups_by_kind"] = [
            (label, [group for group in groups if group.kind == kind])
            for kind, label in WorkingGroupPage.Kind.choices
        ]
        return context


class WorkingGroupPage(BasePage):
    """A thematic (children, health…) or regional (a province) working group. Its committee
    moderates everything published under it; its member charities may propose projects."""

    class Kind(models.TextChoices):
        THEMATIC = "thematic", _("Thematic working groups")
        REGIONAL = "regional", _("Regional working groups")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    theme = models.ForeignKey(
        Theme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="working_groups",
        verbose_name=_("theme"),
    )
    province = models.ForeignKey(
        Province,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="working_groups",
        verbose_name=_("province"),
    )
    mandate = models.TextField(_("mandate"), max_length=1000)
    committee = models.ForeignKey(
        Committee,
        on_delete=models.PROTECT,
        related_name="working_groups",
        verbose_name=_("moderating committee"),
        help_text=_("Reviews the projects and opportunities of this working group."),
    )
    member_charities = ParentalManyToManyField(
        Charity,
        blank=True,
        related_name="working_groups",
        verbose_name=_("member charities"),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("kind"), FieldPanel("theme"), FieldPanel("province")],
            heading=_("Kind"),
        ),
        FieldPanel("mandate"),
        FieldPanel("committee"),
        FieldPanel("member_charities"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("mandate"),
        index.SearchField("body"),
    ]

    parent_page_types = ["workinggroups.WorkingGroupIndexPage"]
    subpage_types = ["workinggroups.ProjectPage"]

    class Meta:
        verbose_name = _("working group")
        verbose_name_plural = _("working groups")

    def clean(self):
        super().clean()
        if self.kind == self.Kind.THEMATIC and not self.theme_id:
            raise ValidationError({"theme": _("A thematic working group needs a theme.")})
        if self.kind == self.Kind.REGIONAL and not self.province_id:
            raise ValidationError({"province": _("A regional working group needs a province.")})

    @property
    def coordinators(self):
        return self.committee.members if self.committee_id else []

    def get_projects(self):
        """Live projects, by the committee's priority (1 first)."""
        return (
            ProjectPage.objects.live()
            .public()
            .child_of(self)
            .select_related("lead_charity")
            .defer_streamfields()
            .order_by("priority", "title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["projects"] = self.get_projects()
        context["members"] = self.member_charities.all()
        return context


class ProjectPage(BasePage):
    """A project a working group carries out, ranked by the committee's priority."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        APPROVED = "approved", _("Approved")
        ACTIVE = "active", _("Active")
        COMPLETED = "completed", _("Completed")
        ARCHIVED = "archived", _("Archived")

    goals = RichTextField(_("goals"), features=["bold", "italic", "ol", "ul", "link"])
    description = StreamField(BodyBlock(), blank=True, verbose_name=_("description"))
    priority = models.PositiveSmallIntegerField(
        _("priority"),
        default=100,
        help_text=_("Rank within the working group: 1 comes first. Set by the committee."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED
    )
    starts_on = models.DateField(_("starts on"), null=True, blank=True)
    ends_on = models.DateField(_("ends on"), null=True, blank=True)
    lead_charity = models.ForeignKey(
        Charity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_projects",
        verbose_name=_("lead charity"),
    )
    partner_charities = ParentalManyToManyField(
        Charity, blank=True, related_name="partner_projects", verbose_name=_("partner charities")
    )
    provinces = ParentalManyToManyField(
        Province, blank=True, related_name="projects", verbose_name=_("provinces served")
    )
    # The charity whose editor proposed it: its editors may change it, no other charity's.
    owner_charity = models.ForeignKey(
        Charity,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="owned_projects",
        verbose_name=_("proposed by"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("goals"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("priority", permission="workinggroups.set_project_priority"),
                FieldPanel("status"),
                FieldPanel("starts_on"),
                FieldPanel("ends_on"),
            ],
            heading=_("Priority and status"),
        ),
        MultiFieldPanel(
            [FieldPanel("lead_charity"), FieldPanel("partner_charities"), FieldPanel("provinces")],
            heading=_("Who and where"),
        ),
        InlinePanel("updates", label=_("Progress update")),
    ]
    promote_panels = Page.promote_panels

    search_fields = [
        *BasePage.search_fields,
        index.SearchField("goals"),
        index.SearchField("description"),
        index.FilterField("status"),
    ]

    parent_page_types = ["workinggroups.WorkingGroupPage"]
    # Its admin form, workinggroups.forms.ProjectPageForm, is set by the app's ready().

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        permissions = [("set_project_priority", _("Can set the priority of projects"))]

    def clean(self):
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("A project cannot end before it starts.")})

    @property
    def working_group(self):
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["updates"] = self.updates.order_by("-date")
        context["sections"] = sections_for(PROJECT_PAGE_SECTION_HOOK, request, self)
        return context


class ProjectUpdate(Orderable):
    """A dated note on a project's progress."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    text = models.TextField(_("update"), max_length=2000)

    panels = [FieldPanel("date"), FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
