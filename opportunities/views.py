"""The volunteer's own pages: their profile and closing their account. Each shows and
changes only the signed-in user's data; there is no URL with someone else's id in it.

Other apps add to these pages through hooks: a function registered under
``VOLUNTEER_PROFILE_FACT_HOOK`` takes the profile and returns a ``nikrah.sections.Fact``
for it (or None); one under ``VOLUNTEER_APPLICATION_LINK_HOOK`` takes an application and
returns a ``nikrah.sections.Link`` shown with it in «My applications» (or None).
"""

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from nikrah.sections import contributions
from opportunities import applying
from opportunities.accounts import can_delete_own_account, delete_volunteer_account
from opportunities.forms import AccountDeletionForm, VolunteerProfileForm
from opportunities.models import Application, VolunteerProfile

VOLUNTEER_PROFILE_FACT_HOOK = "register_volunteer_profile_fact"
VOLUNTEER_APPLICATION_LINK_HOOK = "register_volunteer_application_link"


def _own_profile(user):
    return (
        VolunteerProfile.objects.filter(user=user)
        .select_related("province", "city")
        .prefetch_related("skills", "interests")
        .first()
    )


@login_required
@require_safe
def profile(request):
    volunteer_profile = _own_profile(request.user)
    if volunteer_profile is None:
        return redirect("volunteer_profile_edit")
    return render(
        request,
        "opportunities/volunteers/profile.html",
        {
            "profile": volunteer_profile,
            "facts": contributions(VOLUNTEER_PROFILE_FACT_HOOK, volunteer_profile),
            "can_delete_account": can_delete_own_account(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    volunteer_profile = _own_profile(request.user)
    is_new = volunteer_profile is None
    if is_new:
        volunteer_profile = VolunteerProfile(user=request.user)
    form = VolunteerProfileForm(
        request.POST if request.method == "POST" else None, instance=volunteer_profile
    )
    if request.method == "POST" and form.is_valid():
        # The profile, its skills and its interests are saved together or not at all.
        with transaction.atomic():
            form.save()
        messages.success(request, _("Your profile has been saved."))
        # Back to where the volunteer was going (e.g. an application form), if it is ours.
        next_url = request.GET.get("next", "")
        if url_has_allowed_host_and_scheme(
            next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return redirect(next_url)
        return redirect("volunteer_profile")
    return render(
        request,
        "opportunities/volunteers/profile_form.html",
        {"form": form, "is_new": is_new},
    )


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    if not can_delete_own_account(request.user):
        return render(
            request, "opportunities/volunteers/account_delete.html", {"allowed": False}, status=403
        )
    if request.method == "POST" and not ratelimit.consume(
        request, action="reauthenticate", user=request.user
    ):
        # Password guesses count against allauth's limit for confirming who you are.
        return render(
            request,
            "opportunities/volunteers/account_delete.html",
            {"form": AccountDeletionForm(request.user), "allowed": True, "rate_limited": True},
            status=429,
        )
    form = AccountDeletionForm(request.user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        delete_volunteer_account(request.user, choices=form.choices())
        logout(request)
        return redirect("volunteer_account_deleted")
    return render(
        request, "opportunities/volunteers/account_delete.html", {"form": form, "allowed": True}
    )


@require_safe
def account_deleted(request):
    return render(request, "opportunities/volunteers/account_deleted.html")


@login_required
@require_safe
def my_applications(request):
    """The volunteer's applications, newest first, with their status and dates."""
    applications = list(
        Application.objects.filter(volunteer=request.user)
        .select_related("opportunity", "opportunity__charity")
        .order_by("-created_at")
    )
    for application in applications:
        application.links = contributions(VOLUNTEER_APPLICATION_LINK_HOOK, application)
    return render(request, "opportunities/my_applications.html", {"applications": applications})


@login_required
@require_POST
def withdraw_application(request, pk):
    application = get_object_or_404(Application, pk=pk, volunteer=request.user)
    try:
        applying.withdraw(application, request.user)
    except applying.ApplicationError as error:
        messages.error(request, str(error))
    else:
        applying.offer_next(application.opportunity)
        messages.success(request, _("Your application has been withdrawn."))
    return redirect("volunteer_applications")
