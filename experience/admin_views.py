"""The charity's side of volunteer experience in the Wagtail admin: confirming the hours
volunteers log (or recording them itself), issuing and revoking certificates, and a report
of each volunteer's confirmed hours and certificates.

As with applications (``opportunities.admin_views``), a charity's editors see their own
charities' records and platform admins see all; nobody else sees any. Every view is scoped,
not only the listing: another charity's record is a 404. Nothing is deleted here, and data
changes only through ``experience.recording``.
"""

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.core.exceptions import NON_FIELD_ERRORS
from django.db.models import (
    Case,
    Count,
    DecimalField,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin import menu, messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import (
    BulkActionsCheckboxColumn,
    ButtonsColumnMixin,
    Column,
    TitleColumn,
)
from wagtail.admin.views.reports import ReportView
from wagtail.admin.viewsets.base import ViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.permissions import policy_registry
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import SnippetAdminURLFinder
from wagtail.snippets.views.snippets import (
    CreateView,
    EditView,
    InspectView,
)

from charities.models import Charity
from experience import recording as experience
from experience.forms import HoursForm
from experience.models import Certificate, HoursEntry
from nikrah.admin_display import CalendarExportMixin
from nikrah.admin_scoping import (
    ModelChoiceFilter,
    ScopedBulkActionMixin,
    ScopedIndexView,
    ScopedObjectMixin,
    ScopedSnippetViewSet,
    no_bulk_delete,
)
from nikrah.persian import (
    format_date,
    format_number,
    localize_digits,
    normalize_letters,
    to_ascii_digits,
)
from nikrah.widgets import JalaliDateRangeWidget
from opportunities.models import Application, OpportunityPage

TEMPLATES = "experience/admin"


class ExperiencePermissionPolicy(BasePermissionPolicy):
    """A charity's editors (and platform admins) see, record and confirm hours, and issue
    and revoke certificates, for their own charities' applications. Nobody deletes either:
    hours are rejected and certificates revoked instead, and the record of it is kept."""

    allowed_actions = ("view", "add", "change")

    def user_has_permission(self, user, action):
        if action not in self.allowed_actions or not (user.is_authenticated and user.is_active):
            return False
        return Application.objects.is_reviewer(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.model.objects.for_reviewer(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if any(self.user_has_permission(user, action) for action in actions):
            return self.model.objects.for_reviewer(user)
        return self.model.objects.none()


# Shared pieces


def hours_display(hours):
    return format_number(hours, get_language())


def number_display(number):
    return localize_digits(number, get_language())


def jalali_column(name, label):
    return Column(
        name,
        label=label,
        accessor=lambda item: format_date(getattr(item, name), get_language()),
        sort_key=name,
    )


def opportunities_in_scope(request):
    """The opportunities whose volunteers' records the user may see, for the filters."""
    if request is None:
        return OpportunityPage.objects.none()
    return OpportunityPage.objects.filter(
        pk__in=Application.objects.for_reviewer(request.user).values("opportunity")
    ).order_by("title_sort")


def certificate_page_path(certificate):
    """The certificate's public verification page (served in the site's default language)."""
    return f"/certificates/{certificate.code}/"


def certificate_pdf_path(certificate):
    return f"/certificates/{certificate.code}/pdf/"


class ApplicationChoiceField(forms.ModelChoiceField):
    """One of the charity's applications, shown as the volunteer and the opportunity."""

    def label_from_instance(self, application):
        return f"{application.volunteer_name} · {application.opportunity.title}"


def applications_in_scope(user, statuses):
    return (
        Application.objects.for_reviewer(user)
        .filter(status__in=statuses)
        .select_related("opportunity", "volunteer__volunteer_profile")
        .order_by("opportunity__title", "pk")
    )


class RowTitleColumn(ButtonsColumnMixin, TitleColumn):
    """A row's title, linked, with the row's actions next to it (as Wagtail's listings)."""

    def __init__(self, *args, get_buttons, **kwargs):
        super().__init__(
            *args, get_title_id=lambda item: f"snippet_{quote(item.pk)}_title", **kwargs
        )
        self._get_buttons = get_buttons

    def get_buttons(self, instance, parent_context):
        return self._get_buttons(instance)


class ExperienceViewSet(ScopedSnippetViewSet):
    """What hours and certificates share: menu placement, no copying and no chooser, and
    links to a record (e.g. from the audit log) that lead to its inspect view."""

    add_to_admin_menu = True
    inspect_view_enabled = True
    create_template_name = f"{TEMPLATES}/create.html"
    edit_template_name = f"{TEMPLATES}/edit.html"
    list_per_page = 50

    @property
    def url_finder_class(self):
        return type(
            "_InspectURLFinder",
            (SnippetAdminURLFinder,),
            {"model": self.model, "edit_url_name": self.get_url_name("inspect")},
        )


# Hours


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


class HoursReviewBulkActionForm(forms.Form):
    note = forms.CharField(
        label=_("Note to the volunteers (optional)"),
        required=False,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Shown to each volunteer with their hours."),
    )


class HoursReviewBulkAction(ScopedBulkActionMixin, SnippetBulkAction):
    """Confirm or reject many entries at once, with one note. Only the user's own
    charities' entries can be chosen (others are not found), and only pending ones change."""

    models = [HoursEntry]
    status = None
    form_class = HoursReviewBulkActionForm
    template_name = f"{TEMPLATES}/confirm_hours_review.html"

    related = ("application__opportunity", "application__volunteer__volunteer_profile")

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "note": self.cleaned_form.cleaned_data["note"],
        }

    @classmethod
    def execute_action(cls, objects, note="", user=None, **kwargs):
        return experience.review_hours(objects, cls.status, user=user, note=note), 0


class ConfirmHoursBulkAction(HoursReviewBulkAction):
    display_name = _("Confirm")
    action_type = "confirm_hours"
    aria_label = _("Confirm the selected hours")
    status = HoursEntry.Status.CONFIRMED
    action_priority = 10

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d entry of hours confirmed.",
            "%(count)d entries of hours confirmed.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


class RejectHoursBulkAction(HoursReviewBulkAction):
    display_name = _("Reject")
    action_type = "reject_hours"
    aria_label = _("Reject the selected hours")
    status = HoursEntry.Status.REJECTED
    action_priority = 20

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d entry of hours not confirmed.",
            "%(count)d entries of hours not confirmed.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


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


class RecordHoursForm(HoursForm, forms.ModelForm):
    """The charity records a volunteer's hours itself, with the same date, hours and
    description a volunteer gives (``HoursForm``), for one of its accepted applications."""

    application = ApplicationChoiceField(
        label=_("Volunteer and opportunity"),
        queryset=Application.objects.none(),
        help_text=_("Volunteers whose application was accepted or is completed."),
        error_messages={
            "invalid_choice": _(
                "Choose a volunteer whose application to your charity was accepted."
            )
        },
    )

    class Meta:
        model = HoursEntry
        fields = ["application", "date", "hours", "description"]

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications_in_scope(user, experience.TAKES_PART)
        self.fields["description"].label = _("What was done")


class RecordHoursView(CreateView):
    """Attendance the charity records: confirmed at once (``experience.record_hours``)."""

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
        return experience.record_hours(
            data["application"],
            date=data["date"],
            hours=data["hours"],
            description=data["description"],
            user=self.request.user,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except experience.ExperienceError as error:
            return experience_error(self, form, error)

    def get_success_message(self, entry):
        return _("Recorded and confirmed: %(entry)s.") % {"entry": entry_title(entry)}

    def get_success_buttons(self):
        return []


def experience_error(view, form, error):
    """Show why the rules refused (a future day, more than 24 hours…) on the form."""
    form.add_error(None, str(error))
    view.produced_error_code = "validation_error"
    view.produced_error_message = str(error)
    return view.form_invalid(form)


class HoursReviewForm(forms.ModelForm):
    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (HoursEntry.Status.CONFIRMED.value, _("Confirm")),
            (HoursEntry.Status.REJECTED.value, _("Reject")),
        ],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = HoursEntry
        fields = ["status", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
        labels = {"note": _("Note to the volunteer (optional)")}


class HoursReviewView(ScopedHoursMixin, EditView):
    """Confirm or reject one entry (``experience.review_hours``); once decided, it stays."""

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
        changed = experience.review_hours(
            [self.object],
            self.form.cleaned_data["status"],
            user=self.request.user,
            note=self.form.cleaned_data["note"],
        )
        if not changed:  # decided meanwhile by someone else
            raise experience.ExperienceError(
                _("These hours have already been confirmed or rejected.")
            )
        return HoursEntry.objects.get(pk=self.object.pk)

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except experience.ExperienceError as error:
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


# Certificates


class ScopedCertificateMixin(ScopedObjectMixin):
    related = ("application__opportunity", "issued_by", "revoked_by")


class ValidityFilter(django_filters.ChoiceFilter):
    def __init__(self, **kwargs):
        super().__init__(
            choices=[("valid", _("Valid")), ("revoked", _("Revoked"))],
            method=self.filter_validity,
            **kwargs,
        )

    @staticmethod
    def filter_validity(queryset, name, value):
        if value == "valid":
            return queryset.valid()
        if value == "revoked":
            return queryset.filter(revoked_at__isnull=False)
        return queryset


class CertificateFilterSet(WagtailFilterSet):
    kind = django_filters.MultipleChoiceFilter(
        label=_("Kind"), choices=Certificate.Kind.choices, widget=forms.CheckboxSelectMultiple
    )
    validity = ValidityFilter(label=_("Valid or revoked"), empty_label=_("All"))
    opportunity = ModelChoiceFilter(
        label=_("Opportunity"),
        field_name="application__opportunity",
        queryset=opportunities_in_scope,
    )

    class Meta:
        model = Certificate
        fields = ["kind", "validity", "opportunity"]


def validity_display(certificate):
    return _("Revoked") if certificate.is_revoked else _("Valid")


class CertificateIndexView(ScopedIndexView):
    add_item_label = _("Issue a certificate")

    def get_base_queryset(self):
        return Certificate.objects.for_reviewer(self.request.user).order_by("-issued_on", "-pk")

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        for word in normalize_letters(to_ascii_digits(self.search_query)).split():
            queryset = queryset.filter(Q(code__icontains=word) | Q(volunteer_name__icontains=word))
        return queryset

    @cached_property
    def columns(self):
        return [
            RowTitleColumn(
                "code",
                label=_("Code"),
                accessor="code",
                get_url=self.get_inspect_url,
                get_buttons=self.get_list_buttons,
                sort_key="code",
            ),
            Column("volunteer_name", label=_("Volunteer"), sort_key="volunteer_name"),
            Column("role", label=_("Role"), sort_key="role"),
            Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
            jalali_column("issued_on", _("Issued on")),
            Column("validity", label=_("Valid or revoked"), accessor=validity_display),
        ]

    def get_edit_url(self, certificate):
        # What a certificate says is never edited; its edit view revokes it.
        return None

    def get_revoke_url(self, certificate):
        if not certificate.is_revoked:
            return super().get_edit_url(certificate)
        return None

    def get_list_more_buttons(self, certificate):
        buttons = []
        if inspect_url := self.get_inspect_url(certificate):
            buttons.append(
                MenuItem(_("Inspect"), url=inspect_url, icon_name="info-circle", priority=10)
            )
        if revoke_url := self.get_revoke_url(certificate):
            buttons.append(MenuItem(_("Revoke"), url=revoke_url, icon_name="cross", priority=20))
        return buttons


class IssueCertificateForm(forms.ModelForm):
    application = ApplicationChoiceField(
        label=_("Volunteer and opportunity"),
        queryset=Application.objects.none(),
        help_text=_("Volunteers whose application is marked as completed."),
        error_messages={
            "invalid_choice": _(
                "Choose a volunteer whose application to your charity is completed."
            )
        },
    )
    kind = forms.ChoiceField(
        label=_("Kind"),
        # Hours and training certificates are issued by their rules, not by hand.
        choices=[(Certificate.Kind.PARTICIPATION.value, Certificate.Kind.PARTICIPATION.label)],
        initial=Certificate.Kind.PARTICIPATION,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Certificate
        fields = ["application", "kind"]
        error_messages = {
            NON_FIELD_ERRORS: {"unique_together": _("This volunteer already has this certificate.")}
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = applications_in_scope(
            user, [Application.Status.COMPLETED]
        )


class IssueCertificateView(CreateView):
    """Issue a certificate of participation (``experience.issue_certificate``): what it
    says is copied in now and never changes."""

    page_title = _("Issue a certificate")
    submit_button_label = _("Issue the certificate")
    success_message = _("Certificate issued: %(object)s.")
    inspect_url_name = None  # passed by the viewset

    def get_panel(self):
        return None

    def get_form_class(self):
        return IssueCertificateForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def save_instance(self):
        return experience.issue_certificate(
            self.form.cleaned_data["application"],
            self.form.cleaned_data["kind"],
            user=self.request.user,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except experience.ExperienceError as error:
            return experience_error(self, form, error)

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=(quote(self.object.pk),))

    def get_success_buttons(self):
        return []


class RevokeCertificateForm(forms.ModelForm):
    class Meta:
        model = Certificate
        fields = ["revoked_reason"]
        widgets = {"revoked_reason": forms.Textarea(attrs={"rows": 3})}
        help_texts = {
            "revoked_reason": _("Kept with the certificate and in its history."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["revoked_reason"].required = True


class RevokeCertificateView(ScopedCertificateMixin, EditView):
    """The only change a certificate takes: revoking it, with a reason
    (``experience.revoke_certificate``, audit-logged there). Once revoked, it stays so."""

    page_title = _("Revoke")
    submit_button_label = _("Revoke the certificate")
    submit_button_is_serious = True
    success_message = _("The certificate %(object)s is revoked.")

    def get_panel(self):
        return None

    def get_form_class(self):
        return RevokeCertificateForm

    def get(self, request, *args, **kwargs):
        if self.object.is_revoked:
            return self.already_revoked()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if self.object.is_revoked:
            return self.already_revoked()
        return super().post(request, *args, **kwargs)

    def already_revoked(self):
        messages.warning(self.request, _("This certificate has already been revoked."))
        return redirect(self.get_inspect_url())

    def save_instance(self):
        return experience.revoke_certificate(
            self.object, reason=self.form.cleaned_data["revoked_reason"], user=self.request.user
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except experience.ExperienceError as error:
            return experience_error(self, form, error)

    def get_success_url(self):
        return self.get_inspect_url()

    def get_success_buttons(self):
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            summary_template=f"{TEMPLATES}/includes/certificate_summary.html",
            certificate=self.object,
            **kwargs,
        )


class CertificateInspectView(ScopedCertificateMixin, InspectView):
    """What the certificate says, whether it is valid, and where anyone can check it."""

    def get_fields(self):
        return []  # the template shows what the certificate says

    def get_edit_url(self):
        return None

    @cached_property
    def revoke_url(self):
        if self.object.is_revoked or not self.user_has_permission("change"):
            return None
        return reverse(self.edit_url_name, args=(quote(self.object.pk),))

    @cached_property
    def header_more_buttons(self):
        return []

    @cached_property
    def header_buttons(self):
        if self.revoke_url:
            return [HeaderButton(_("Revoke"), url=self.revoke_url, icon_name="cross")]
        return []

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            certificate=self.object,
            page_path=certificate_page_path(self.object),
            pdf_path=certificate_pdf_path(self.object),
            **kwargs,
        )


class CertificateViewSet(ExperienceViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = _("Certificates")
    menu_name = "certificates"
    menu_order = 212
    url_prefix = "certificates"
    admin_url_namespace = "certificates"
    inspect_template_name = f"{TEMPLATES}/certificate_inspect.html"
    index_view_class = CertificateIndexView
    add_view_class = IssueCertificateView
    edit_view_class = RevokeCertificateView
    inspect_view_class = CertificateInspectView
    filterset_class = CertificateFilterSet
    search_fields = ["code", "volunteer_name"]  # the index view searches them itself
    list_export = [
        "code",
        "volunteer_name",
        "role",
        "project_title",
        "charity_name",
        "get_kind_display",
        "hours",
        "period_start",
        "period_end",
        "issued_on",
        "revoked_at",
        "revoked_reason",
    ]
    export_headings = {
        "code": _("Code"),
        "volunteer_name": _("Volunteer"),
        "role": _("Role"),
        "project_title": _("Project"),
        "charity_name": _("Charity"),
        "get_kind_display": _("Kind"),
        "hours": _("Confirmed hours"),
        "period_start": _("From"),
        "period_end": _("To"),
        "issued_on": _("Issued on"),
        "revoked_at": _("Revoked"),
        "revoked_reason": _("Reason for revoking"),
    }
    export_filename = "certificates"


# Report


def volunteer_experience_rows(user):
    """One row per volunteer and charity, for the charities ``user`` reviews: an
    application standing for the pair, annotated with the opportunities the volunteer took
    part in, their confirmed hours (only confirmed hours count) and valid certificates."""
    taking_part = Application.objects.filter(
        status__in=experience.TAKES_PART, opportunity__charity__isnull=False
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


#: Hours and certificates are never deleted, in bulk or otherwise.
NoDeleteBulkAction = no_bulk_delete(HoursEntry, Certificate)
