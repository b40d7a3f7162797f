"""E-mails about applications: a confirmation to the applicant, a notice to the organising
charity's editors, and a word to the applicant at every change of status.

Each goes through ``nikrah.mail``, so it leaves only once the change is committed and is
delivered (and retried) by the task worker.
"""

from django.conf import settings
from django.urls import reverse

from nikrah.mail import absolute_url, send_templated_email
from opportunities.models import Application

TEMPLATES = "opportunities/emails/"


def _editors(charity):
    if charity is None or charity.editors_group_id is None:
        return []
    return list(
        charity.editors_group.user_set.filter(is_active=True)
        .exclude(email="")
        .select_related("wagtail_userprofile")
    )


def _admin_language(user):
    profile = getattr(user, "wagtail_userprofile", None)
    return (profile and profile.preferred_language) or settings.LANGUAGE_CODE


def review_url(application):
    """Where the charity's editors review ``application``: every notice to them links it."""
    return absolute_url(reverse("applications:inspect", args=[application.pk]))


def _context(application):
    opportunity = application.opportunity
    return {
        "application": application,
        "opportunity": opportunity,
        "charity": opportunity.charity,
        "opportunity_url": absolute_url(opportunity.url or "/"),
        "applications_url": absolute_url(reverse("volunteer_applications")),
        "review_url": review_url(application),
    }


def application_received(application):
    """Confirm to the applicant and tell the charity's editors."""
    context = _context(application)
    send_templated_email(
        application.volunteer.email,
        TEMPLATES + "application_received_subject.txt",
        TEMPLATES + "application_received_body.txt",
        context,
        application.language,
    )
    _tell_charity(application, "new_application", context)


def status_changed(application):
    """Tell the applicant their application's new status; a withdrawal frees a place, so
    the charity hears of it too."""
    context = _context(application)
    send_templated_email(
        application.volunteer.email,
        TEMPLATES + "status_changed_subject.txt",
        TEMPLATES + "status_changed_body.txt",
        context,
        application.language,
    )
    if application.status == Application.Status.WITHDRAWN:
        _tell_charity(application, "application_withdrawn", context)


def _tell_charity(application, name, context):
    for editor in _editors(application.opportunity.charity):
        send_templated_email(
            editor.email,
            f"{TEMPLATES}{name}_subject.txt",
            f"{TEMPLATES}{name}_body.txt",
            {**context, "editor": editor},
            _admin_language(editor),
        )
