"""The apply/ route of an opportunity page."""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from opportunities import applying
from opportunities.forms import ApplicationForm
from opportunities.models import Application, VolunteerProfile


def apply_view(request, opportunity):
    """Signed-in volunteers apply here; visitors sign in or sign up and come back."""
    apply_url = opportunity.url + "apply/"
    if not request.user.is_authenticated:
        return redirect_to_login(apply_url)
    if not VolunteerProfile.objects.filter(user=request.user).exists():
        # Charities, certificates and the résumé need the volunteer's name, never their
        # e-mail address in its place.
        messages.info(request, _("Please tell charities your name before you apply."))
        return redirect(f"{reverse('volunteer_profile_edit')}?{urlencode({'next': apply_url})}")
    existing = Application.objects.filter(opportunity=opportunity, volunteer=request.user).first()
    if existing is not None:
        messages.info(request, _("You have already applied for this opportunity."))
        return redirect("volunteer_applications")
    problem = ""
    try:
        applying.check_open(opportunity)
    except applying.ApplicationError as error:
        problem = str(error)
    form = ApplicationForm(request.POST or None)
    if request.method == "POST" and not problem and form.is_valid():
        try:
            applying.apply(
                opportunity,
                request.user,
                motivation=form.cleaned_data["motivation"],
                availability=form.cleaned_data["availability"],
                consent=form.cleaned_data["consent"],
            )
        except applying.ApplicationError as error:
            problem = str(error)
        else:
            messages.success(
                request,
                _("Your application has been sent. The charity will let you know its decision."),
            )
            return redirect("volunteer_applications")
    status = 400 if request.method == "POST" else 200
    return TemplateResponse(
        request,
        "opportunities/apply.html",
        {"page": opportunity, "form": form, "problem": problem},
        status=status,
    )
