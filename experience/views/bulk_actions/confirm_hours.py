"""The bulk action that confirms the chosen pending hours."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from experience.models import HoursEntry
from experience.views.bulk_actions.review_hours import HoursReviewBulkAction


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
