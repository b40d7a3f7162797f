"""Certificates in the admin («گواهی‌ها»): the charity issues a certificate of participation
for a completed application, inspects any of its certificates and revokes one with a reason."""

import django_filters
from django import forms
from django.contrib.admin.utils import quote
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets.button import HeaderButton
from wagtail.snippets.views.snippets import CreateView, EditView, InspectView

from experience import recording
from experience.forms import IssueCertificateForm, RevokeCertificateForm
from experience.models import Certificate
from experience.views.base import (
    TEMPLATES,
    ExperienceViewSet,
    RowTitleColumn,
    experience_error,
    jalali_column,
    opportunities_in_scope,
)
from nikrah.admin_scoping import ModelChoiceFilter, ScopedIndexView, ScopedObjectMixin
from nikrah.persian import normalize_letters, to_ascii_digits


def certificate_page_path(certificate):
    """The certificate's public verification page (served in the site's default language)."""
    return f"/certificates/{certificate.code}/"


def certificate_pdf_path(certificate):
    return f"/certificates/{certificate.code}/pdf/"


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
            Column(
                "volunteer_name",
                label=_("Volunteer"),
                accessor="holder_name",
                sort_key="volunteer_name",
            ),
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


class IssueCertificateView(CreateView):
    """Issue a certificate of participation (``recording.issue_certificate``): what it
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
        return recording.issue_certificate(
            self.form.cleaned_data["application"],
            self.form.cleaned_data["kind"],
            user=self.request.user,
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except recording.ExperienceError as error:
            return experience_error(self, form, error)

    def get_success_url(self):
        return reverse(self.inspect_url_name, args=(quote(self.object.pk),))

    def get_success_buttons(self):
        return []


class RevokeCertificateView(ScopedCertificateMixin, EditView):
    """The only change a certificate takes: revoking it, with a reason
    (``recording.revoke_certificate``, audit-logged there). Once revoked, it stays so."""

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
        return recording.revoke_certificate(
            self.object, reason=self.form.cleaned_data["revoked_reason"], user=self.request.user
        )

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except recording.ExperienceError as error:
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
