from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from opportunities.accounts import ACCOUNT_DELETED_ACTION


@hooks.register("register_log_actions")
def register_volunteer_log_actions(actions):
    actions.register_action(
        ACCOUNT_DELETED_ACTION, _("Delete volunteer account"), _("Volunteer account deleted")
    )
