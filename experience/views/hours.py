"""Volunteers' hours in the admin («ساعت‌های داوطلبی»): the charity confirms or rejects the
hours volunteers log, one by one or in bulk, and records attendance and hours itself."""

import django_filters
from django import forms
from django.db.models import Case, IntegerField, Q, Value, When
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import CreateView, EditView, InspectView

from experience import recording
from experience.forms import HoursReviewForm, RecordHoursForm
from experience.models import HoursEntry
from experience.views.base import (
    TEMPLATES,
    ExperienceViewSet,
    RowTitleColumn,
    experience_error,
    hours_display,
    jalali_column,
    opportunities_in_scope,
)
from experience.views.bulk_actions.confirm_hours import ConfirmHoursBulkAction
from experience.views.bulk_actions.reject_hours import RejectHoursBulkAction
from nikrah.admin_scoping import ModelChoiceFilter, ScopedIndexView, ScopedObjectMixin
from nikrah.persian import format_date, normalize_letters
from nikrah.widgets import JalaliDateRangeWidget


def entry_title(entry):
    """زهرا احمدی: ۳.۵ (۷ آذر ۱۴۰۳), in the admin's language."""
    day = format_date(entry.date, get_language())
    return f"{entry.application.volunteer_name}: {hours_display(entry.hours)} ({day})"


class ScopedHoursMixin(ScopedObjectMixin):
    related = ("application__opportunity", "application__volunteer__volunteer_profile")

    def get_page_subtitle(self):
        return entry_title(self.object)


class HoursFilterSet(WagtailFilterSet):
    opportunity = ModelChoiceFilter(
        label=_("Opportunity"),
        field_name="application__opportunity",
        queryset=opportunities_in_scope,
    )
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=HoursEntry.Status.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=JalaliDateRangeWidget)

    class Meta:
        model = HoursEntry
        fields = ["opportunity", "status", "date"]


class HoursIndexView(ScopedIndexView):
    """Pending hours first, then the most recent."""

    bulk_actions = (ConfirmHoursBulkAction, RejectHoursBulkAction)
    add_item_label = _("Record hours")

    def get_base_queryset(self):
        return (
            HoursEntry.objects.for_reviewer(self.request.user)
            .select_related("application__opportunity", "application__volunteer__volunteer_profile")
            .annotate(
                awaiting=Case(
                    When(status=HoursEntry.Status.PENDING, then=Value(0)),
                    default=Value(1),
                    output_field=IntegerField(),
                )
            )
            .order_by("awaiting", "-date", "-created_at")
        )

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        for word in normalize_letters(self.search_query).split():
            queryset = queryset.filter(
                Q(application__volunteer__volunteer_profile__display_name__icontains=word)
                | Q(application__volunteer__email__icontains=word)
                | Q(description__icontains=word)
            )
        return queryset

    @cached_property
    def columns(self):
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="snippet"),
            RowTitleColumn(
                "volunteer",
                label=_("Volunteer"),
                accessor="application.volunteer_name",
                get_url=self.get_row_url,
                get_buttons=self.get_list_buttons,
            ),
            Column("opportunity", label=_("Opportunity"), accessor="application.opportunity"),
            jalali_column("date", _("Date")),
            Column(
                "hours",
                label=_("Hours"),
                accessor=lambda entry: hours_display(entry.hours),
                sort_key="hours",
            ),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        ]

    def get_row_url(self, entry):
        return self.get_edit_url(entry) or self.get_inspect_url(entry)

    def get_edit_url(self, entry):
        # Only pending hours are confirmed or rejected; the others are for inspecting.
        if entry.status == HoursEntry.Status.PENDING:
            return super().get_edit_url(entry)
        return None

    def get_list_more_buttons(self, entry):
        buttons = []
        if edit_url := self.get_edit_url(entry):
            buttons.append(
                MenuItem(_("Confirm or reject"), url=edit_url, icon_name="check", priority=10)
            )
        if inspect_url := self.get_inspect_url(entry):
            buttons.append(
                MenuItem(_("Inspect"), url=inspect_url, icon_name="info-circle", priority=20)
            )
        return buttons


class RecordHoursView(CreateView):
    """Attendance the charity records: confirmed at once (``recording.record_hours``)."""

    page_title = _("Record hours")
    submit_button_label = _("Record the hours")

    def get_panel(self):
        return None

    def get_form_class(self):
        return RecordHoursForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def save_instance(self):
        data = self.form.cleaned_data
        return recording.record_hours(
            data["application"],
            date=data["date"],
            hours=data["hours"],
            description=data["description"],
            user=self.request.user,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except recording.ExperienceError as error:
            return experience_error(self, form, error)

    def get_success_message(self, entry):
        return _("Recorded and confirmed: %(entry)s.") % {"entry": entry_title(entry)}

    def get_success_buttons(self):
        return []


class HoursReviewView(ScopedHoursMixin, EditView):
    """Confirm or reject one entry (``recording.review_hours``); once decided, it stays."""

    page_title = _("Confirm or reject")
    submit_button_label = _("Save the decision")

    def get_panel(self):
        return None

    def get_form_class(self):
        return HoursReviewForm

    def get(self, request, *args, **kwargs):
        if self.object.status != HoursEntry.Status.PENDING:
            return self.already_reviewed()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.object.status != HoursEntry.Status.PENDING:
            return self.already_reviewed()
        return super().post(request, *args, **kwargs)

    def already_reviewed(self):
        messages.warning(self.request, _("These hours have already been confirmed or rejected."))
        return redirect(self.get_inspect_url())

    def save_instance(self):
        changed = recording.review_hours(
            [self.object],
            self.form.cleaned_data["status"],
            user=self.request.user,
            note=self.form.cleaned_data["note"],
        )
        if not changed:  # decided meanwhile by someone else
            raise recording.ExperienceError(
                _("These hours have already been confirmed or rejected.")
            )
        return HoursEntry.objects.get(pk=self.object.pk)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except recording.ExperienceError as error:
            return experience_error(self, form, error)

    def get_success_message(self):
        if self.object.status == HoursEntry.Status.CONFIRMED:
            return _("The hours are confirmed.")
        return _("The hours are not confirmed.")

    def get_success_buttons(self):
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            summary_template=f"{TEMPLATES}/includes/hours_summary.html", entry=self.object, **kwargs
        )


class HoursInspectView(ScopedHoursMixin, InspectView):
    extra_labels = {"volunteer": _("Volunteer"), "opportunity": _("Opportunity")}

    def get_fields(self):
        return [
            "volunteer",
            "opportunity",
            "date",
            "hours",
            "description",
            "status",
            "note",
            "recorded_by",
            "reviewed_by",
            "reviewed_at",
            "created_at",
        ]

    def get_field_label(self, field_name, field):
        if field_name in self.extra_labels:
            return self.extra_labels[field_name]
        return super().get_field_label(field_name, field)

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value in (None, "") else value

    def get_volunteer_display_value(self):
        return self.object.application.volunteer_name

    def get_opportunity_display_value(self):
        return self.object.application.opportunity.title

    def get_hours_display_value(self):
        return hours_display(self.object.hours)

    def get_date_display_value(self):
        return format_date(self.object.date, get_language(), with_weekday=True)

    def get_reviewed_at_display_value(self):
        return format_date(self.object.reviewed_at, get_language())

    def get_created_at_display_value(self):
        return format_date(self.object.created_at, get_language())

    def get_edit_url(self):
        if self.object.status == HoursEntry.Status.PENDING:
            return super().get_edit_url()
        return None

    @cached_property
    def header_more_buttons(self):
        return []

    @cached_property
    def header_buttons(self):
        if edit_url := self.get_edit_url():
            return [HeaderButton(_("Confirm or reject"), url=edit_url, icon_name="check")]
        return []


class HoursViewSet(ExperienceViewSet):
    model = HoursEntry
    icon = "time"
    menu_label = _("Volunteer hours")
    menu_name = "volunteer-hours"
    menu_order = 211
    url_prefix = "volunteer-hours"
    admin_url_namespace = "volunteer_hours"
    index_view_class = HoursIndexView
    add_view_class = RecordHoursView
    edit_view_class = HoursReviewView
    inspect_view_class = HoursInspectView
    filterset_class = HoursFilterSet
    search_fields = ["description"]  # the index view searches more fields itself
    list_export = [
        "application.volunteer_name",
        "application.volunteer_email",
        "application.opportunity",
        "date",
        "hours",
        "get_status_display",
        "description",
        "note",
    ]
    export_headings = {
        "application.volunteer_name": _("Volunteer"),
        "application.volunteer_email": _("E-mail"),
        "application.opportunity": _("Opportunity"),
        "date": _("Date"),
        "hours": _("Hours"),
        "get_status_display": _("Status"),
        "description": _("What was done"),
        "note": _("Note from the charity"),
    }
    export_filename = "volunteer-hours"
