"""Where editors of trusted charities invite other associations, in the Wagtail admin: the
invitations their charity has sent, and the form that sends one.

Scoped by ``InvitationPermissionPolicy``: editors of untrusted charities get nothing, and
each trusted charity sees only its own invitations.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from charities import membership
from charities.forms import InvitationForm
from charities.models import Invitation


class InvitationPermissionPolicy(BasePermissionPolicy):
    """Editors of trusted charities, and platform admins, may invite ("add") and list
    ("view") their charity's invitations. Invitations are never changed or deleted."""

    allowed_actions = {"add", "view"}

    def user_has_permission(self, user, action):
        return action in self.allowed_actions and membership.can_invite(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and membership.invitations_visible_to(user).filter(pk=instance.pk).exists()
        )

    def users_with_any_permission(self, actions):
        if not self.allowed_actions & set(actions):
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__charity__is_trusted=True))
            .filter(is_active=True)
            .distinct()
        )


class InvitationIndexView(generic.IndexView):
    def get_base_queryset(self):
        return membership.invitations_visible_to(self.request.user).select_related(
            "charity", "invited_by"
        )


class InvitationCreateView(generic.CreateView):
    """Sends the invitation through ``membership.send_invitation`` (logged and e-mailed)."""

    page_title = _("Invite an association")
    submit_button_label = _("Send the invitation")
    submit_button_active_label = _("Sending…")

    def save_instance(self):
        data = self.form.cleaned_data
        return membership.send_invitation(
            charity=data["charity"],
            invited_by=self.request.user,
            email=data["email"],
            organisation_name=data["organisation_name"],
            message=data["message"],
        )

    def get_success_message(self, instance):
        return _("The invitation to %(email)s has been sent.") % {"email": instance.email}

    def get_success_buttons(self):
        return []


class InvitationHistoryView(generic.HistoryView):
    # Sending is the one event of an invitation; it is in the site's audit log.
    any_permission_required = ["change"]


class InvitationViewSet(ModelViewSet):
    model = Invitation
    icon = "mail"
    menu_label = _("Invite associations")
    menu_order = 206
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = InvitationIndexView
    add_view_class = InvitationCreateView
    history_view_class = InvitationHistoryView
    list_display = [
        "organisation_name",
        "email",
        "charity",
        Column("status_label", label=_("Status")),
        DateColumn("created_at", label=_("Sent"), sort_key="created_at"),
        DateColumn("expires_at", label=_("Expires"), sort_key="expires_at"),
    ]
    search_fields = ["organisation_name", "email"]
    search_backend_name = None

    def get_form_class(self, for_update=False):
        return InvitationForm

    def get_permissions_to_register(self):
        # Who may invite follows from being an editor of a trusted charity, not from a
        # permission given to a group.
        return Permission.objects.none()
