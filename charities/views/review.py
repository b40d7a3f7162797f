"""Where the executive committee reviews membership requests in the Wagtail admin: the
queue, a request with its documents and history, and the approve and decline actions.

Every view is scoped by ``MembershipRequestPermissionPolicy``: only holders of
``charities.review_membershiprequest`` (and platform admins) get in, and nobody adds,
changes or deletes a request here.
"""

import django_filters
from django.conf import settings
from django.contrib.admin.utils import quote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.forms import RadioSelect
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import ModelLogEntry
from wagtail.permission_policies import ModelPermissionPolicy

from charities import membership
from charities.forms import DeclineForm
from charities.models import MembershipDocument, MembershipRequest, Province, Theme
from nikrah import persian
from nikrah.widgets import JalaliDateRangeWidget

REVIEW_PERMISSION = "review_membershiprequest"

ALREADY_DECIDED = _("This request has already been decided; nothing was changed.")


class MembershipRequestPermissionPolicy(ModelPermissionPolicy):
    """Reviewing (listing, inspecting, downloading documents, approving, declining) needs
    ``review_membershiprequest``. Requests come only from the public form and change only
    by a decision: adding, changing and deleting are refused to everyone."""

    review_actions = {"view", "review"}

    def user_has_permission(self, user, action):
        return action in self.review_actions and user.has_perm(f"charities.{REVIEW_PERMISSION}")

    def users_with_any_permission(self, actions):
        if not self.review_actions & set(actions):
            return get_user_model().objects.none()
        return self._get_users_with_any_permission_codenames([REVIEW_PERMISSION])


class MembershipRequestFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=MembershipRequest.Status.choices,
        empty_label=_("All"),
        widget=RadioSelect,
    )
    provinces = django_filters.ModelChoiceFilter(
        label=_("Province"), queryset=Province.objects.all()
    )
    themes = django_filters.ModelChoiceFilter(
        label=_("Field of activity"), queryset=Theme.objects.all()
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Submitted"), widget=JalaliDateRangeWidget
    )

    class Meta:
        model = MembershipRequest
        fields = ["status", "provinces", "themes", "created_at"]


class MembershipRequestIndexView(generic.IndexView):
    """Open requests first, oldest at the top, unless the reviewer sorts by a column."""

    def get_base_queryset(self):
        return super().get_base_queryset().select_related("invitation__charity")

    def order_queryset(self, queryset):
        if self.ordering:
            return super().order_queryset(queryset)
        return queryset.in_review_order()

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        # Stored names have Persian letters and phone and registration numbers ASCII digits.
        query = persian.normalize_letters(persian.to_ascii_digits(self.search_query)).strip()
        condition = Q()
        for field in self.search_fields:
            condition |= Q(**{f"{field}__icontains": query})
        return queryset.filter(condition)


class MembershipRequestInspectView(generic.InspectView):
    """Everything the committee needs to decide: the answers, the documents, who vouched
    for the request, and what has been decided so far."""

    template_name = "charities/membership/admin/inspect.html"
    approve_url_name = None
    decline_url_name = None
    document_url_name = None

    def get_object(self, queryset=None):
        return get_object_or_404(
            MembershipRequest.objects.select_related(
                "invitation__charity", "invitation__invited_by", "decided_by", "charity"
            ),
            pk=self.pk,
        )

    def get_field_display_value(self, field_name, field):
        value = super().get_field_display_value(field_name, field)
        return "—" if value in (None, "") else value

    def get_language_display_value(self):
        return dict(settings.LANGUAGES).get(self.object.language, self.object.language)

    @cached_property
    def header_buttons(self):
        if not self.object.is_open:
            return []
        return [
            HeaderButton(_("Approve"), url=self.approve_url, icon_name="check"),
            HeaderButton(_("Decline"), url=self.decline_url, icon_name="cross"),
        ]

    @cached_property
    def approve_url(self):
        return reverse(self.approve_url_name, args=(quote(self.object.pk),))

    @cached_property
    def decline_url(self):
        return reverse(self.decline_url_name, args=(quote(self.object.pk),))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            documents=[
                (document, reverse(self.document_url_name, args=(self.object.pk, document.pk)))
                for document in self.object.documents.all()
            ],
            invitation=self.object.invitation,
            decisions=ModelLogEntry.objects.for_instance(self.object)
            .select_related("user")
            .order_by("timestamp"),
            approve_url=self.approve_url,
            decline_url=self.decline_url,
        )
        return context


class RequestActionMixin(PermissionCheckedMixin):
    """A reviewer's action on one request; the request is looked up only once the
    permission has been checked."""

    model = MembershipRequest
    permission_required = "review"
    index_url_name = None
    inspect_url_name = None
    header_icon = "form"

    @cached_property
    def object(self):
        return get_object_or_404(MembershipRequest, pk=self.kwargs["pk"])

    @cached_property
    def inspect_url(self):
        return reverse(self.inspect_url_name, args=(quote(self.object.pk),))

    def get_page_subtitle(self):
        return str(self.object)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse(self.index_url_name),
                "label": capfirst(MembershipRequest._meta.verbose_name_plural),
            },
            {"url": self.inspect_url, "label": str(self.object)},
            {"url": "", "label": self.get_page_title()},
        ]

    def already_decided(self):
        messages.error(self.request, ALREADY_DECIDED)
        return redirect(self.inspect_url)

    def get_context_data(self, **kwargs):
        return super().get_context_data(object=self.object, inspect_url=self.inspect_url, **kwargs)


class ApproveView(RequestActionMixin, generic.WagtailAdminTemplateMixin, TemplateView):
    """Asks for confirmation, then approves (see ``membership.approve_request``)."""

    template_name = "charities/membership/admin/confirm_approve.html"
    page_title = _("Approve")

    def get(self, request, *args, **kwargs):
        if not self.object.is_open:
            return self.already_decided()
        return super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        try:
            approved = membership.approve_request(self.object.pk, user=request.user)
        except membership.AlreadyDecided:
            return self.already_decided()
        except membership.CannotApprove as problem:
            messages.error(
                request,
                _("The request cannot be approved: %(reason)s")
                % {"reason": " ".join(problem.messages)},
            )
            return redirect(self.inspect_url)
        profile = approved.charity.profile
        messages.success(
            request,
            _(
                "“%(name)s” is now a member: its draft profile, its editors' group and the "
                "contact person's account are ready, and the contact person has been e-mailed."
            )
            % {"name": approved.charity.name},
            buttons=[
                messages.button(
                    reverse("wagtailadmin_pages:edit", args=(profile.pk,)), _("Open the profile")
                )
            ]
            if profile
            else None,
        )
        return redirect(self.inspect_url)


class DeclineView(RequestActionMixin, generic.WagtailAdminTemplateMixin, FormView):
    """Declines with a reason, which is e-mailed (see ``membership.decline_request``)."""

    template_name = "charities/membership/admin/decline.html"
    page_title = _("Decline")
    form_class = DeclineForm

    def get(self, request, *args, **kwargs):
        if not self.object.is_open:
            return self.already_decided()
        return super().get(request, *args, **kwargs)

    def form_valid(self, form):
        try:
            membership.decline_request(
                self.object.pk, user=self.request.user, reason=form.cleaned_data["reason"]
            )
        except membership.AlreadyDecided:
            return self.already_decided()
        messages.success(
            self.request,
            _("The request of “%(name)s” is declined and the reason has been e-mailed.")
            % {"name": self.object.charity_name},
        )
        return redirect(self.inspect_url)


class DocumentDownloadView(PermissionCheckedMixin, View):
    """Streams a request's document from private storage to a reviewer."""

    model = MembershipRequest
    permission_required = "review"

    def get(self, request, pk, document_pk):
        document = get_object_or_404(MembershipDocument, pk=document_pk, request_id=pk)
        try:
            file = document.file.open("rb")
        except FileNotFoundError as error:
            raise Http404 from error
        return FileResponse(
            file,
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type,
        )


class MembershipRequestViewSet(ModelViewSet):
    model = MembershipRequest
    icon = "form"
    menu_label = _("Membership requests")
    menu_order = 205
    add_to_admin_menu = True
    add_to_reference_index = False
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = MembershipRequestIndexView
    inspect_view_class = MembershipRequestInspectView
    filterset_class = MembershipRequestFilterSet
    list_display = [
        "charity_name",
        "contact_name",
        "status",
        Column("vouched_by", label=_("Introduced by")),
        DateColumn("created_at", label=_("Submitted"), sort_key="created_at"),
    ]
    search_fields = ["charity_name", "contact_name", "email", "registration_number"]
    search_backend_name = None
    inspect_view_fields = [
        "status",
        "charity_name",
        "registration_number",
        "registering_body",
        "year_founded",
        "website",
        "contact_name",
        "contact_role",
        "phone",
        "email",
        "themes",
        "provinces",
        "statement",
        "language",
        "created_at",
        "decided_at",
        "decided_by",
        "decision_reason",
        "charity",
    ]
    # Requests are never edited here (see MembershipRequestPermissionPolicy); the generic
    # edit view still needs a form class to be built.
    form_fields = ["status"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(
            approve_url_name=self.get_url_name("approve"),
            decline_url_name=self.get_url_name("decline"),
            document_url_name=self.get_url_name("document"),
            **kwargs,
        )

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("approve/<int:pk>/", self.construct_view(ApproveView), name="approve"),
            path("decline/<int:pk>/", self.construct_view(DeclineView), name="decline"),
            path(
                "document/<int:pk>/<int:document_pk>/",
                self.construct_view(DocumentDownloadView),
                name="document",
            ),
        ]

    def get_permissions_to_register(self):
        return Permission.objects.filter(
            content_type=ContentType.objects.get_for_model(MembershipRequest),
            codename=REVIEW_PERMISSION,
        )

    @property
    def url_finder_class(self):
        inspect_url_name = self.get_url_name("inspect")

        class MembershipRequestURLFinder(ModelAdminURLFinder):
            """Links to a request (e.g. from the audit log) lead to its inspect view."""

            def construct_edit_url(self, instance):
                return reverse(inspect_url_name, args=(quote(instance.pk),))

            def get_edit_url(self, instance):
                if self.user and not self.user.has_perm(f"charities.{REVIEW_PERMISSION}"):
                    return None
                return self.construct_edit_url(instance)

        return MembershipRequestURLFinder
