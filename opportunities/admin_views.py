"""Reviewing applicants in the Wagtail admin.

A charity's editors see the applications to their own charity's opportunities, and platform
admins see all; nobody else sees any (not other charities, not the committees). Every view
is scoped, not only the listing: another charity's application is a 404. Decisions go
through ``opportunities.applying``, so places are never overbooked from here either.
"""

import django_filters
from django import forms
from django.contrib import messages
from django.db.models import Q
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies.base import BasePermissionPolicy
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import (
    EditView,
    InspectView,
)

from nikrah.admin_scoping import (
    ModelChoiceFilter,
    ScopedBulkActionMixin,
    ScopedIndexView,
    ScopedObjectMixin,
    ScopedSnippetViewSet,
    no_bulk_delete,
)
from nikrah.persian import format_date, normalize_letters
from nikrah.widgets import JalaliDateRangeWidget
from opportunities import applying
from opportunities.models import Application, OpportunityPage


class ApplicationPermissionPolicy(BasePermissionPolicy):
    """Reviewers view applications and change their status; nobody adds or deletes one in
    the admin (a volunteer applies on the site, and the record of it is kept)."""

    def user_has_permission(self, user, action):
        if action not in ("view", "change") or not (user.is_authenticated and user.is_active):
            return False
        return Application.objects.is_reviewer(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and Application.objects.for_reviewer(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if any(self.user_has_permission(user, action) for action in actions):
            return Application.objects.for_reviewer(user)
        return Application.objects.none()


class ApplicationFilterSet(WagtailFilterSet):
    opportunity = ModelChoiceFilter(label=_("Opportunity"), queryset=OpportunityPage.objects.none())
    status = django_filters.MultipleChoiceFilter(
        label=_("Status"),
        choices=Application.Status.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Applied"), widget=JalaliDateRangeWidget
    )

    class Meta:
        model = Application
        fields = ["opportunity", "status", "created_at"]

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, queryset, request=request, prefix=prefix)
        # Only the reviewer's own charity's opportunities are offered.
        self.filters["opportunity"].queryset = (
            OpportunityPage.objects.filter(
                pk__in=Application.objects.for_reviewer(request.user).values("opportunity")
            ).order_by("title_sort")
            if request
            else OpportunityPage.objects.none()
        )


class ScopedApplicationMixin(ScopedObjectMixin):
    related = ("opportunity", "volunteer__volunteer_profile")


class ApplicationIndexView(ScopedIndexView):
    @property
    def bulk_actions(self):
        return (
            AcceptApplicationsBulkAction,
            WaitlistApplicationsBulkAction,
            DeclineApplicationsBulkAction,
        )

    def get_base_queryset(self):
        return (
            Application.objects.for_reviewer(self.request.user)
            .select_related(
                "opportunity",
                "volunteer__volunteer_profile__province",
                "volunteer__volunteer_profile__city",
            )
            .order_by("-created_at")
        )

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        words = normalize_letters(self.search_query).split()
        for word in words:
            queryset = queryset.filter(
                Q(volunteer__volunteer_profile__display_name__icontains=word)
                | Q(volunteer__email__icontains=word)
                | Q(opportunity__title__icontains=word)
                | Q(motivation__icontains=word)
                | Q(availability__icontains=word)
            )
        return queryset


class DecisionForm(forms.ModelForm):
    """A decision on one application, with an optional message to the volunteer."""

    status = forms.ChoiceField(
        label=_("Decision"),
        choices=[(status.value, status.label) for status in applying.DECISIONS],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Application
        fields = ["status", "message"]
        widgets = {"message": forms.Textarea(attrs={"rows": 4})}
        labels = {"message": _("Message to the volunteer (optional)")}
        help_texts = {"message": _("Sent to the volunteer by e-mail with your decision.")}


class ApplicationEditView(ScopedApplicationMixin, EditView):
    """Deciding on one application; the decision goes through ``applying``."""

    def get_form_class(self):
        return DecisionForm

    def save_instance(self):
        application = Application.objects.get(pk=self.object.pk)
        requested = self.form.cleaned_data["status"]
        decided = applying.decide(
            application, requested, self.form.cleaned_data["message"], user=self.request.user
        )
        if requested == Application.Status.ACCEPTED and decided.status != requested:
            messages.warning(
                self.request, _("There was no free place, so the application is wait-listed.")
            )
        return decided

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except applying.ApplicationError as error:
            # Decided meanwhile (e.g. withdrawn by the volunteer): say why, change nothing.
            form.add_error(None, str(error))
            self.produced_error_code = "validation_error"
            self.produced_error_message = str(error)
            return self.form_invalid(form)


class ApplicationInspectView(ScopedApplicationMixin, InspectView):
    """The applicant's details, for the organising charity and platform admins only."""

    def get_fields(self):
        return [
            "volunteer_name",
            "volunteer_email",
            "volunteer_phone",
            "volunteer_place",
            "volunteer_skills",
            "opportunity",
            "status",
            "motivation",
            "availability",
            "consent_to_share",
            "message",
            "created_at",
            "decided_at",
        ]

    def get_created_at_display_value(self):
        return format_date(self.object.created_at, get_language())

    def get_decided_at_display_value(self):
        return format_date(self.object.decided_at, get_language()) or "—"


def _date(name, label):
    return Column(
        name, label=label, accessor=lambda item: format_date(getattr(item, name), get_language())
    )


class ApplicationViewSet(ScopedSnippetViewSet):
    model = Application
    icon = "user"
    menu_label = _("Applications")
    menu_name = "applications"
    menu_order = 210
    add_to_admin_menu = True
    url_prefix = "applications"
    admin_url_namespace = "applications"
    index_view_class = ApplicationIndexView
    edit_view_class = ApplicationEditView
    inspect_view_class = ApplicationInspectView
    inspect_view_enabled = True
    filterset_class = ApplicationFilterSet
    list_display = [
        "volunteer_name",  # links to the decision form
        "opportunity",
        "status",
        _date("created_at", _("Applied")),
        _date("decided_at", _("Decided")),
    ]
    list_per_page = 50
    search_fields = ["motivation"]  # the index view searches more fields itself
    list_export = [
        "volunteer_name",
        "volunteer_email",
        "volunteer_phone",
        "opportunity",
        "get_status_display",
        "created_at",
        "decided_at",
        "availability",
        "motivation",
        "message",
    ]
    export_headings = {
        "volunteer_name": _("Volunteer"),
        "volunteer_email": _("E-mail"),
        "volunteer_phone": _("Phone number"),
        "opportunity": _("Opportunity"),
        "get_status_display": _("Status"),
        "created_at": _("Applied"),
        "decided_at": _("Decided"),
        "availability": _("Availability"),
        "motivation": _("Motivation"),
        "message": _("Message to the volunteer"),
    }
    export_filename = "applications"


class DecisionBulkActionForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the volunteers (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Sent by e-mail to each volunteer with your decision."),
    )


class DecisionBulkAction(ScopedBulkActionMixin, SnippetBulkAction):
    """Accept, wait-list or decline many applications at once, with one message."""

    models = [Application]
    related = ("opportunity", "volunteer__volunteer_profile")
    status = None
    form_class = DecisionBulkActionForm
    template_name = "opportunities/bulk_actions/confirm_decision.html"

    def get_execution_context(self):
        return {
            **super().get_execution_context(),
            "message": self.cleaned_form.cleaned_data["message"],
        }

    @classmethod
    def execute_action(cls, objects, message="", user=None, **kwargs):
        done = 0
        # The longest-waiting applicants are decided first (and get the free places first).
        for application in sorted(objects, key=lambda application: application.created_at):
            try:
                applying.decide(application, cls.status, message, user=user)
            except applying.ApplicationError:
                continue
            done += 1
        return done, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "%(count)d application updated.", "%(count)d applications updated.", num_parent_objects
        ) % {"count": num_parent_objects}


class AcceptApplicationsBulkAction(DecisionBulkAction):
    display_name = _("Accept")
    action_type = "accept_applications"
    aria_label = _("Accept the selected applications")
    status = Application.Status.ACCEPTED
    action_priority = 10


class WaitlistApplicationsBulkAction(DecisionBulkAction):
    display_name = _("Wait-list")
    action_type = "waitlist_applications"
    aria_label = _("Wait-list the selected applications")
    status = Application.Status.WAITLISTED
    action_priority = 20


class DeclineApplicationsBulkAction(DecisionBulkAction):
    display_name = _("Decline")
    action_type = "decline_applications"
    aria_label = _("Decline the selected applications")
    status = Application.Status.DECLINED
    action_priority = 30


#: Applications are kept: never deleted, in bulk or otherwise.
NoBulkDeleteApplications = no_bulk_delete(Application)
