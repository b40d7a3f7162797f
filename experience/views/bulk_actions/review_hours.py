"""Confirming or rejecting many entries of hours at once, with one note: what the confirm
and reject bulk actions share."""

from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction

from experience import recording
from experience.forms import HoursReviewBulkActionForm
from experience.models import HoursEntry
from experience.views.base import TEMPLATES
from nikrah.admin_scoping import ScopedBulkActionMixin


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
        return recording.review_hours(objects, cls.status, user=user, note=note), 0
