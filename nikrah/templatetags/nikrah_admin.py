from django import template
from wagtail.models import WorkflowState

from nikrah import translations

register = template.Library()


@register.simple_tag
def translation_review(page):
    """Who reviews a translation being edited, and whether it already waits for them."""
    state = page.current_workflow_state
    return {
        "workflow": page.get_workflow(),
        "in_progress": bool(state and state.status == WorkflowState.STATUS_IN_PROGRESS),
        "action": translations.SUBMIT_FOR_REVIEW,
    }
