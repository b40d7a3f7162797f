"""The membership request form on the join page (``JoinPage.serve`` hands over to it)."""

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext_lazy as _

from charities import membership
from charities.forms import MembershipRequestForm
from nikrah import persian, rate_limits

SENT_PARAMETER = "sent"
# Per address and per contact e-mail (NIKRAH_RATE_LIMITS): each request e-mails its contact
# and lands in the executive committee's queue.
RATE_LIMIT = "membership_request"

INVITATION_PROBLEMS = {
    "used": _(
        "This invitation has already been used. You can still send a request with the form below."
    ),
    "expired": _("This invitation has expired. You can still send a request with the form below."),
    "unknown": _(
        "This invitation link is not valid. You can still send a request with the form below."
    ),
}


def _invitation(request):
    """The invitation the visitor came with, if it can still be used, and what is wrong with
    it otherwise."""
    token = request.GET.get("invitation", "").strip()
    if not token:
        return None, None
    invitation = membership.find_invitation(token)
    if invitation is None:
        return None, INVITATION_PROBLEMS["unknown"]
    if invitation.used_at is not None:
        return None, INVITATION_PROBLEMS["used"]
    if invitation.is_expired:
        return None, INVITATION_PROBLEMS["expired"]
    return invitation, None


def _too_many_requests_message():
    minutes = rate_limits.wait_minutes(RATE_LIMIT)
    return ngettext(
        "Several requests have already been sent from your address or for this e-mail address "
        "in a short while. Please send yours again in %(minutes)s minute: what you typed is "
        "kept below, but the documents need to be chosen again.",
        "Several requests have already been sent from your address or for this e-mail address "
        "in a short while. Please send yours again in %(minutes)s minutes: what you typed is "
        "kept below, but the documents need to be chosen again.",
        minutes,
    ) % {"minutes": persian.localize_digits(minutes, get_language())}


def serve_join_page(page, request):
    """Show the form (prefilled when the visitor follows an invitation), save a valid
    request and redirect to the thank-you state of the same page."""
    invitation, invitation_problem = _invitation(request)
    if request.GET.get(SENT_PARAMETER) == "1" and request.method != "POST":
        return _render(page, request, sent=True)

    status = 200
    if request.method == "POST":
        form = MembershipRequestForm(request.POST, request.FILES)
        if form.is_valid() and not rate_limits.consume(
            request, RATE_LIMIT, key=form.cleaned_data["email"].lower()
        ):
            form.add_error(None, _too_many_requests_message())
            status = 429
        if form.is_valid():
            try:
                membership.submit_request(
                    form.cleaned_data, language=get_language(), invitation=invitation
                )
            except membership.DuplicateRequest:
                form.add_error(None, form.duplicate_message)
            except membership.InvitationUnavailable:
                invitation, invitation_problem = None, INVITATION_PROBLEMS["used"]
            else:
                return redirect(f"{page.get_url(request)}?{SENT_PARAMETER}=1")
    else:
        initial = {}
        if invitation is not None:
            initial = {"charity_name": invitation.organisation_name, "email": invitation.email}
        form = MembershipRequestForm(initial=initial)

    return _render(
        page,
        request,
        status=status,
        form=form,
        invitation=invitation,
        invitation_problem=invitation_problem,
    )


def _render(page, request, status=200, **extra_context):
    context = page.get_context(request)
    context.update(extra_context)
    return TemplateResponse(request, page.get_template(request), context, status=status)
