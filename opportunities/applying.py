"""Applying and deciding, with the opportunity's places never overbooked.

Every change that can take or free a place locks the opportunity's row first
(``select_for_update``), so concurrent acceptances queue and the count they read is
current: with five places, exactly five are accepted however many arrive at once.
"""

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from opportunities import notifications
from opportunities.models import Application, OpportunityPage
from opportunities.signals import application_completed


class ApplicationError(Exception):
    """Why an application cannot be made or changed, in words for the person."""


def _locked(opportunity):
    return OpportunityPage.objects.select_for_update(of=("self",)).get(pk=opportunity.pk)


def places_taken(opportunity):
    return opportunity.applications.filter(status__in=Application.HOLDS_PLACE).count()


def places_left(opportunity):
    return max(opportunity.places - places_taken(opportunity), 0)


def check_open(opportunity):
    if not opportunity.live:
        raise ApplicationError(_("This opportunity is not published."))
    if opportunity.is_past():
        raise ApplicationError(_("This opportunity has ended."))
    if opportunity.is_closed():
        raise ApplicationError(_("Applications for this opportunity are closed."))


def apply(opportunity, volunteer, *, motivation, availability, consent, language=None):
    """Record ``volunteer``'s application, confirm it to them and tell the charity.
    Applying twice returns the first application (a double submit is harmless)."""
    if not consent:
        raise ApplicationError(
            _("Please agree that the organising charity may see your contact details.")
        )
    existing = Application.objects.filter(opportunity=opportunity, volunteer=volunteer).first()
    if existing is not None:
        return existing, False
    check_open(opportunity)
    try:
        with transaction.atomic():
            application = Application.objects.create(
                opportunity=opportunity,
                volunteer=volunteer,
                motivation=motivation,
                availability=availability,
                consent_to_share=True,
                language=language or translation.get_language() or settings.LANGUAGE_CODE,
            )
            notifications.application_received(application)
    except IntegrityError:
        return Application.objects.get(opportunity=opportunity, volunteer=volunteer), False
    return application, True


def _set(application, status, message=""):
    """Change the status (the caller holds the locks) and tell the volunteer."""
    changed = application.status != status
    application.status = status
    application.decided_at = timezone.now()
    if message:
        application.message = message
    application.save(update_fields=["status", "decided_at", "message", "updated_at"])
    if changed:
        notifications.status_changed(application)
    return application


def _for_decision(application):
    """Lock the opportunity, then the application, and read it afresh. A withdrawn
    application is the volunteer's to keep, and a completed one is final (its hours and
    certificates stand): no decision of the charity changes either."""
    opportunity = _locked(application.opportunity)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status == Application.Status.WITHDRAWN:
        raise ApplicationError(_("The volunteer has withdrawn this application."))
    if application.status == Application.Status.COMPLETED:
        raise ApplicationError(_("This participation is completed; it can no longer change."))
    return opportunity, application


@transaction.atomic
def accept(application, message=""):
    """Accept, if a place is free; otherwise the application goes to the wait list.
    Returns the application with its new status."""
    opportunity, application = _for_decision(application)
    if application.status in Application.HOLDS_PLACE:
        return application
    if places_left(opportunity) > 0:
        return _set(application, Application.Status.ACCEPTED, message)
    return _set(application, Application.Status.WAITLISTED, message)


@transaction.atomic
def waitlist(application, message=""):
    _, application = _for_decision(application)
    return _set(application, Application.Status.WAITLISTED, message)


@transaction.atomic
def decline(application, message=""):
    _, application = _for_decision(application)
    return _set(application, Application.Status.DECLINED, message)


@transaction.atomic
def withdraw(application, volunteer):
    """The volunteer withdraws; a place they held becomes free."""
    if application.volunteer_id != volunteer.pk:
        raise ApplicationError(_("This is not your application."))
    _locked(application.opportunity)
    application = Application.objects.select_for_update().get(pk=application.pk)
    if not application.can_withdraw:
        raise ApplicationError(_("This application can no longer be withdrawn."))
    return _set(application, Application.Status.WITHDRAWN)


@transaction.atomic
def offer_next(opportunity):
    """Give a free place to the longest-waiting wait-listed applicant, if any."""
    opportunity = _locked(opportunity)
    if places_left(opportunity) == 0:
        return None
    waiting = (
        opportunity.applications.select_for_update()
        .filter(status=Application.Status.WAITLISTED)
        .order_by("created_at")
        .first()
    )
    return _set(waiting, Application.Status.ACCEPTED) if waiting else None


@transaction.atomic
def complete(application, message=""):
    """The volunteer took part: only an accepted application, once the opportunity has
    begun, can be completed. Apps that act on it (e.g. a completed training earns a
    certificate) hear of it through ``application_completed``."""
    opportunity, application = _for_decision(application)
    if application.status != Application.Status.ACCEPTED:
        raise ApplicationError(_("Only an accepted application can be marked as completed."))
    if opportunity.starts_on > timezone.localdate():
        raise ApplicationError(_("An opportunity that has not begun cannot be completed."))
    application = _set(application, Application.Status.COMPLETED, message)
    application_completed.send(sender=Application, application=application)
    return application


@transaction.atomic
def mark_no_show(application, message=""):
    """The volunteer was accepted but did not attend; their place is free again."""
    _, application = _for_decision(application)
    if application.status != Application.Status.ACCEPTED:
        raise ApplicationError(_("Only an accepted application can be marked as not attended."))
    return _set(application, Application.Status.NO_SHOW, message)


#: What a charity may decide, and the function that carries each decision out.
DECISIONS = {
    Application.Status.ACCEPTED: accept,
    Application.Status.WAITLISTED: waitlist,
    Application.Status.DECLINED: decline,
    Application.Status.COMPLETED: complete,
    Application.Status.NO_SHOW: mark_no_show,
}


DECIDED_ACTION = "nikrah.application.decided"


def decide(application, status, message="", *, user=None):
    """Carry out a charity's decision on ``application`` and record it in the audit log."""
    if status not in DECISIONS:
        raise ApplicationError(_("This is not a decision a charity can make."))
    if user is not None and application.volunteer_id == user.pk:
        raise ApplicationError(_("You cannot decide on your own application."))
    decided = DECISIONS[status](application, message)
    log(
        decided,
        DECIDED_ACTION,
        user=user,
        data={"requested": str(status), "status": decided.status, "message": message},
    )
    return decided
