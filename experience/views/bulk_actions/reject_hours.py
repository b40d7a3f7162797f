"""The bulk action that rejects the chosen pending hours."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from experience.models import HoursEntry
from experience.views.bulk_actions.review_hours import HoursReviewBulkAction


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
