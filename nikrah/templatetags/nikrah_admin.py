from django import template
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import WorkflowState

from nikrah import csp, translations

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


@register.simple_tag
def translation_editor_labels():
    """What nikrah/js/translation-editor.js writes where wagtail-localize writes English."""
    return {
        "heading": _("Translation from %(source)s into %(target)s"),
        "more": _("More actions"),
        "locale": "fa-IR-u-ca-persian" if get_language() == "fa" else "en-GB",
    }


@register.simple_tag
def csp_nonce():
    """The response's Content-Security-Policy nonce, for the inline scripts of Wagtail's
    widgets and panels, which are rendered without the request (see nikrah.csp)."""
    return csp.current_nonce()
