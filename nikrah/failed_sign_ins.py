"""Failed sign-ins in the Wagtail admin (Settings → «ورودهای ناموفق»): the accounts and
addresses with failed sign-ins in the last ``AXES_COOLOFF_TIME``, which of them are paused,
and a way to lift a pause for someone locked out by mistake or by another's guesses.

Platform admins only. The rows are django-axes' (nikrah.throttling) and go once the
cool-off has passed; the lasting record is the log.
"""

import logging

from axes.helpers import get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy

# One logger for everything that holds people back (README: sign-in throttling).
logger = logging.getLogger("nikrah.throttling")


class PlatformAdminsOnly(ModelPermissionPolicy):
    """Seeing failed sign-ins and lifting pauses is for platform admins; nobody adds or
    changes a failed sign-in."""

    actions = {"view", "delete"}

    def user_has_permission(self, user, action):
        return action in self.actions and user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        users = get_user_model().objects
        if not self.actions & set(actions):
            return users.none()
        return users.filter(is_active=True, is_superuser=True)


def _recent_failures(field):
    """The failures of the row's account (or address) within the cool-off, on every row."""
    recent = AccessAttempt.objects.filter(
        attempt_time__gte=timezone.now() - get_cool_off(), **{field: OuterRef(field)}
    )
    total = recent.order_by().values(field).annotate(total=Sum("failures_since_start"))
    return Coalesce(Subquery(total.values("total")[:1]), 0)


def pause_label(attempt):
    account = attempt.account_failures >= settings.AXES_FAILURE_LIMIT
    address = attempt.address_failures >= settings.NIKRAH_SIGN_IN_ADDRESS_LIMIT
    if account and address:
        return _("Account and address paused")
    if account:
        return _("Account paused")
    if address:
        return _("Address paused")
    return "—"


class AddressColumn(Column):
    """An address as it is typed into a firewall: ASCII digits, left to right."""

    cell_template_name = "nikrah/failed_sign_ins/address_cell.html"


class FailedSignInIndexView(generic.IndexView):
    page_title = _("Failed sign-ins")

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(attempt_time__gte=timezone.now() - get_cool_off())
            .annotate(
                account_failures=_recent_failures("username"),
                address_failures=_recent_failures("ip_address"),
            )
        )

    def get_list_more_buttons(self, instance):
        if delete_url := self.get_delete_url(instance):
            return [ListingButton(_("Lift the pause"), url=delete_url, icon_name="lock-open")]
        return []


class LiftPauseView(generic.DeleteView):
    """Forgets the failed sign-ins of the row's account and of its address, so that both
    can sign in again at once."""

    page_title = _("Lift the pause")
    template_name = "nikrah/failed_sign_ins/lift_pause.html"

    def get_page_subtitle(self):
        return self.object.username or self.object.ip_address or ""

    @property
    def confirmation_message(self):
        return _(
            "The failed sign-ins of the account «%(account)s» and from the address "
            "%(address)s will be forgotten, and both can sign in again at once."
        ) % {"account": self.object.username or "—", "address": self.object.ip_address or "—"}

    def delete_action(self):
        attempt = self.object
        same = Q(pk=attempt.pk)
        if attempt.username:
            same |= Q(username=attempt.username)
        if attempt.ip_address:
            same |= Q(ip_address=attempt.ip_address)
        AccessAttempt.objects.filter(same).delete()
        logger.warning(
            'Sign-in pause lifted for account "%s" and address %s by "%s"',
            attempt.username,
            attempt.ip_address,
            self.request.user.get_username(),
        )

    def get_success_message(self):
        return _("Signing in is possible again for «%(account)s».") % {
            "account": self.object.username or self.object.ip_address
        }


class FailedSignInViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    menu_label = _("Failed sign-ins")
    url_namespace = "failed_sign_ins"
    url_prefix = "failed-sign-ins"
    add_to_settings_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = FailedSignInIndexView
    delete_view_class = LiftPauseView
    list_display = [
        "username",
        AddressColumn("ip_address", label=_("Address")),
        Column("failures_since_start", label=_("Failures")),
        DateColumn("attempt_time", label=_("Last failure"), sort_key="attempt_time"),
        Column("path_info", label=_("Signed in at")),
        Column("pause", label=_("Pause"), accessor=pause_label),
    ]
    list_filter = []
    search_fields = ["username", "ip_address"]
    search_backend_name = None
    exclude_form_fields = []

    def get_permissions_to_register(self):
        # Only platform admins: there is nothing to give to a group.
        return Permission.objects.none()
