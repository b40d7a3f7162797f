"""The report of each volunteer's confirmed hours and certificates, per charity, in the admin's
Reports menu, with export."""

from django.db.models import Count, DecimalField, OuterRef, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.urls import path
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin import menu
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.permissions import policy_registry

from charities.models import Charity
from experience import recording
from experience.models import Certificate, HoursEntry
from experience.views.base import hours_display, number_display
from nikrah.admin_display import CalendarExportMixin
from nikrah.admin_scoping import ModelChoiceFilter
from opportunities.models import Application


def volunteer_experience_rows(user):
    """One row per volunteer and charity, for the charities ``user`` reviews: an
    application standing for the pair, annotated with the opportunities the volunteer took
    part in, their confirmed hours (only confirmed hours count) and valid certificates."""
    taking_part = Application.objects.filter(
        status__in=recording.TAKES_PART, opportunity__charity__isnull=False
    )
    same_volunteer_and_charity = {
        "volunteer": OuterRef("volunteer"),
        "opportunity__charity": OuterRef("opportunity__charity"),
    }
    through_application = {
        "application__volunteer": OuterRef("volunteer"),
        "application__opportunity__charity": OuterRef("opportunity__charity"),
    }
    first_application = taking_part.filter(**same_volunteer_and_charity).order_by("pk")
    opportunities = (
        taking_part.filter(**same_volunteer_and_charity)
        .order_by()
        .values("volunteer")
        .annotate(count=Count("opportunity", distinct=True))
        .values("count")
    )
    hours = (
        HoursEntry.objects.confirmed()
        .filter(**through_application)
        .order_by()
        .values("application__volunteer")
        .annotate(total=Sum("hours"))
        .values("total")
    )
    certificates = (
        Certificate.objects.valid()
        .filter(**through_application)
        .order_by()
        .values("application__volunteer")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        Application.objects.for_reviewer(user)
        .filter(pk=Subquery(first_application.values("pk")[:1]))
        .select_related("opportunity__charity", "volunteer__volunteer_profile")
        .annotate(
            opportunities_taken=Coalesce(Subquery(opportunities), 0),
            confirmed_hours=Coalesce(
                Subquery(hours, output_field=DecimalField(max_digits=9, decimal_places=2)),
                Value(0),
                output_field=DecimalField(max_digits=9, decimal_places=2),
            ),
            valid_certificates=Coalesce(Subquery(certificates), 0),
        )
        .order_by("opportunity__charity__name_sort", "-confirmed_hours", "pk")
    )


class VolunteerExperienceFilterSet(WagtailFilterSet):
    charity = ModelChoiceFilter(
        label=_("Charity"),
        field_name="opportunity__charity",
        queryset=lambda request: (
            Charity.objects.filter(
                pk__in=Application.objects.for_reviewer(request.user).values("opportunity__charity")
            ).order_by("name_sort")
            if request
            else Charity.objects.none()
        ),
    )

    class Meta:
        model = Application
        fields = ["charity"]


class VolunteerExperienceReportView(CalendarExportMixin, ReportView):
    """Each volunteer's confirmed hours and certificates, per charity: for the charity's
    editors (their own charities) and platform admins (every charity)."""

    model = Application  # reviewers of applications see their volunteers' totals
    permission_required = "view"
    page_title = _("Volunteers' hours and certificates")
    header_icon = "time"
    filterset_class = VolunteerExperienceFilterSet
    columns = [
        Column("charity", label=_("Charity"), accessor="opportunity.charity"),
        Column("volunteer", label=_("Volunteer"), accessor="volunteer_name"),
        Column(
            "opportunities_taken",
            label=_("Opportunities taken part in"),
            accessor=lambda row: number_display(row.opportunities_taken),
            sort_key="opportunities_taken",
        ),
        Column(
            "confirmed_hours",
            label=_("Confirmed hours"),
            accessor=lambda row: hours_display(row.confirmed_hours),
            sort_key="confirmed_hours",
        ),
        Column(
            "valid_certificates",
            label=_("Valid certificates"),
            accessor=lambda row: number_display(row.valid_certificates),
            sort_key="valid_certificates",
        ),
    ]
    list_export = [
        "opportunity.charity",
        "volunteer_name",
        "opportunities_taken",
        "confirmed_hours",
        "valid_certificates",
    ]
    export_headings = {
        "opportunity.charity": _("Charity"),
        "volunteer_name": _("Volunteer"),
        "opportunities_taken": _("Opportunities taken part in"),
        "confirmed_hours": _("Confirmed hours"),
        "valid_certificates": _("Valid certificates"),
    }
    export_filename = "volunteer-hours-and-certificates"

    def get_base_queryset(self):
        return volunteer_experience_rows(self.request.user)


class VolunteerExperienceReportViewSet(ViewSet):
    """The report's URLs, and its item in the Reports menu for those who may see it."""

    name = "volunteer_experience_report"
    url_prefix = "reports/volunteer-experience"
    icon = "time"
    menu_label = _("Volunteers' hours and certificates")
    menu_name = "volunteer-experience"
    menu_order = 50
    menu_hook = "register_reports_menu_item"

    @cached_property
    def menu_item_class(self):
        class ReportMenuItem(menu.MenuItem):
            def is_shown(self, request):
                return policy_registry.get_by_type(Application).user_has_permission(
                    request.user, "view"
                )

        return ReportMenuItem

    def get_urlpatterns(self):
        view_kwargs = {
            "index_url_name": self.get_url_name("index"),
            "index_results_url_name": self.get_url_name("index_results"),
        }
        return [
            path("", VolunteerExperienceReportView.as_view(**view_kwargs), name="index"),
            path(
                "results/",
                VolunteerExperienceReportView.as_view(results_only=True, **view_kwargs),
                name="index_results",
            ),
        ]
