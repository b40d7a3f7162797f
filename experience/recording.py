"""The rules of a volunteer's experience: logging and confirming hours, and issuing and
revoking certificates. Views, the admin, the demo and the tests all go through here.

Only confirmed hours count anywhere: on certificates, on the résumé and in every total.
"""

import logging
import secrets
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Max, Min, Sum
from django.utils import timezone
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from experience.credentials import STATUS_LIST_LENGTH
from experience.models import Certificate, HoursEntry
from nikrah.persian import format_date, localize_digits
from opportunities.models import Application

logger = logging.getLogger(__name__)

HOURS_CONFIRMED_ACTION = "nikrah.hours.confirmed"
HOURS_REJECTED_ACTION = "nikrah.hours.rejected"
CERTIFICATE_ISSUED_ACTION = "nikrah.certificate.issued"
CERTIFICATE_REVOKED_ACTION = "nikrah.certificate.revoked"
CERTIFICATE_WITHDRAWN_ACTION = "nikrah.certificate.withdrawn"

#: Applications whose volunteer took part, and so may have hours.
TAKES_PART = (Application.Status.ACCEPTED, Application.Status.COMPLETED)


class ExperienceError(Exception):
    """Why hours or a certificate cannot be recorded, in words for the person."""


def _day(date):
    return format_date(date, get_language())


def _check_hours(application, date, hours, *, today=None):
    today = today or timezone.localdate()
    if application.status not in TAKES_PART:
        raise ExperienceError(_("Hours can be recorded only for an accepted application."))
    if date > today:
        raise ExperienceError(_("Hours cannot be recorded for a day that has not come yet."))
    opportunity = application.opportunity
    last_day = min(opportunity.ends_on or today, today)
    if date < opportunity.starts_on or date > last_day:
        raise ExperienceError(
            _("The date must be within the opportunity's dates (%(start)s to %(end)s).")
            % {"start": _day(opportunity.starts_on), "end": _day(last_day)}
        )
    if hours is None or hours <= 0:
        raise ExperienceError(_("Enter a number of hours greater than zero."))
    already = HoursEntry.objects.filter(
        application__volunteer_id=application.volunteer_id, date=date
    ).exclude(status=HoursEntry.Status.REJECTED).aggregate(total=Sum("hours"))["total"] or Decimal(
        "0"
    )
    if already + hours > 24:
        raise ExperienceError(
            _("A day has 24 hours: with these, %(total)s hours would be recorded for %(date)s.")
            % {
                "total": localize_digits(format(already + hours, "f"), get_language()),
                "date": _day(date),
            }
        )


def _locked_for_hours(application):
    """Lock the volunteer (the 24-hours-a-day rule spans all their applications, so two
    requests at once for two applications must queue) and read the application afresh."""
    get_user_model().objects.select_for_update().filter(pk=application.volunteer_id).first()
    return Application.objects.select_for_update().get(pk=application.pk)


def _not_own(application, user):
    if user is not None and application.volunteer_id == user.pk:
        raise ExperienceError(
            _("You cannot confirm hours or issue certificates for your own volunteering.")
        )


@transaction.atomic
def log_hours(application, volunteer, *, date, hours, description):
    """The volunteer logs hours for their own accepted application; the charity confirms."""
    if application.volunteer_id != volunteer.pk:
        raise ExperienceError(_("This is not your application."))
    application = _locked_for_hours(application)
    _check_hours(application, date, hours)
    return HoursEntry.objects.create(
        application=application,
        date=date,
        hours=hours,
        description=description,
        recorded_by=volunteer,
    )


@transaction.atomic
def record_hours(application, *, date, hours, description, user):
    """The charity records attendance and hours itself: they count at once."""
    _not_own(application, user)
    application = _locked_for_hours(application)
    _check_hours(application, date, hours)
    now = timezone.now()
    entry = HoursEntry.objects.create(
        application=application,
        date=date,
        hours=hours,
        description=description,
        recorded_by=user,
        status=HoursEntry.Status.CONFIRMED,
        reviewed_by=user,
        reviewed_at=now,
    )
    log(entry, HOURS_CONFIRMED_ACTION, user=user)
    issue_due_certificates(application, user=user)
    return entry


def review_hours(entries, status, *, user, note=""):
    """Confirm or reject pending hours (one or many); returns how many changed."""
    if status not in (HoursEntry.Status.CONFIRMED, HoursEntry.Status.REJECTED):
        raise ExperienceError(_("Hours can only be confirmed or rejected."))
    changed = 0
    applications = set()
    with transaction.atomic():
        pending = HoursEntry.objects.select_for_update().filter(
            pk__in=[entry.pk for entry in entries], status=HoursEntry.Status.PENDING
        )
        if status == HoursEntry.Status.CONFIRMED:
            # Only hours of someone still taking part, and never one's own, are confirmed.
            pending = pending.filter(application__status__in=TAKES_PART)
        if user is not None:
            pending = pending.exclude(application__volunteer=user)
        for entry in pending:
            entry.status = status
            entry.reviewed_by = user
            entry.reviewed_at = timezone.now()
            entry.note = note
            entry.save(update_fields=["status", "reviewed_by", "reviewed_at", "note"])
            action = (
                HOURS_CONFIRMED_ACTION
                if status == HoursEntry.Status.CONFIRMED
                else HOURS_REJECTED_ACTION
            )
            log(entry, action, user=user)
            applications.add(entry.application_id)
            changed += 1
        for application in Application.objects.filter(pk__in=applications):
            issue_due_certificates(application, user=user)
    return changed


def public_name(volunteer):
    """The name a volunteer gave for charities (never their e-mail address), or ""."""
    profile = getattr(volunteer, "volunteer_profile", None)
    if profile is not None and profile.display_name.strip():
        return profile.display_name.strip()
    return volunteer.get_full_name().strip()


def confirmed_hours(application):
    return HoursEntry.objects.filter(application=application).confirmed().total()


def _period(application):
    dates = (
        HoursEntry.objects.filter(application=application)
        .confirmed()
        .aggregate(first=Min("date"), last=Max("date"))
    )
    opportunity = application.opportunity
    start = dates["first"] or opportunity.starts_on
    end = dates["last"] or min(opportunity.ends_on or opportunity.starts_on, timezone.localdate())
    return start, max(start, end)


def _free_status_index():
    """A random unused place in the revocation list (Bitstring Status List §6.7: indexes in
    issue order would tell a verifier how many certificates came before). Never reused,
    so that a revoked certificate's bit stays set for good."""
    taken = set(Certificate.objects.values_list("status_index", flat=True))
    if len(taken) >= STATUS_LIST_LENGTH:
        raise ExperienceError(_("The revocation list is full; please tell the platform admins."))
    while True:
        index = secrets.randbelow(STATUS_LIST_LENGTH)
        if index not in taken:
            return index


def issue_certificate(application, kind, *, user=None, today=None):
    """Issue a certificate of ``kind`` for ``application``, with what it says copied in
    now. Each kind is issued once per application; issuing again returns the first."""
    existing = Certificate.objects.filter(application=application, kind=kind).first()
    if existing is not None:
        return existing
    application = Application.objects.select_related(
        "opportunity", "opportunity__charity", "volunteer__volunteer_profile"
    ).get(pk=application.pk)
    _not_own(application, user)
    name = public_name(application.volunteer)
    if not name:
        raise ExperienceError(
            _("The volunteer has not given their name yet, so no certificate can name them.")
        )
    if kind == Certificate.Kind.PARTICIPATION and (
        application.status != Application.Status.COMPLETED
    ):
        raise ExperienceError(_("A certificate of participation needs a completed application."))
    if kind == Certificate.Kind.TRAINING and not (
        application.opportunity.is_training and application.status == Application.Status.COMPLETED
    ):
        raise ExperienceError(_("A training certificate needs a completed training."))
    opportunity = application.opportunity
    charity = opportunity.charity
    project = opportunity.project
    start, end = _period(application)
    for _attempt in range(5):
        try:
            with transaction.atomic():
                certificate = Certificate.objects.create(
                    kind=kind,
                    application=application,
                    volunteer=application.volunteer,
                    charity=charity,
                    volunteer_name=name,
                    role=opportunity.title,
                    project_title=project.title if project else "",
                    charity_name=charity.name if charity else "",
                    hours=confirmed_hours(application),
                    period_start=start,
                    period_end=end,
                    issued_on=today or timezone.localdate(),
                    issued_by=user,
                    status_index=_free_status_index(),
                )
        except IntegrityError:
            # Issued meanwhile by someone else, or the index was taken: look again.
            existing = Certificate.objects.filter(application=application, kind=kind).first()
            if existing is not None:
                return existing
            continue
        log(certificate, CERTIFICATE_ISSUED_ACTION, user=user)
        return certificate
    raise ExperienceError(_("The certificate could not be issued; please try again."))


def due_certificate_kinds(application):
    """The certificates the charity's rules (and the training rule) say are due now."""
    kinds = []
    opportunity = application.opportunity
    threshold = opportunity.certificate_after_hours
    if threshold and application.status in TAKES_PART and confirmed_hours(application) >= threshold:
        kinds.append(Certificate.Kind.HOURS)
    if opportunity.is_training and application.status == Application.Status.COMPLETED:
        kinds.append(Certificate.Kind.TRAINING)
    return kinds


def issue_due_certificates(application, *, user=None):
    """Issue what is due; a volunteer who deleted their account has no name left for a
    certificate, so their hours confirmed later count without one."""
    if not public_name(application.volunteer):
        return []
    return [
        issue_certificate(application, kind, user=user)
        for kind in due_certificate_kinds(application)
    ]


def revoke_certificate(certificate, *, reason, user):
    """Revoke with a reason (audit-logged). A certificate is never deleted."""
    reason = (reason or "").strip()
    if not reason:
        raise ExperienceError(_("Please give the reason for revoking the certificate."))
    with transaction.atomic():
        certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if certificate.is_revoked:
            raise ExperienceError(_("This certificate has already been revoked."))
        certificate.revoked_at = timezone.now()
        certificate.revoked_reason = reason
        certificate.revoked_by = user
        certificate.save(update_fields=["revoked_at", "revoked_reason", "revoked_by"])
        log(certificate, CERTIFICATE_REVOKED_ACTION, user=user, data={"reason": reason})
    return certificate


def withdraw_certificates(volunteer):
    """The holder withdraws their certificates (when deleting their account): each one still
    valid is revoked with the reason «at the holder's request», so that the published
    revocation list marks it for every verifier, and their name is taken off every one
    (audit-logged, without the name). Returns how many there were."""
    with override(settings.LANGUAGE_CODE):
        reason = _("At the holder's request")
    with transaction.atomic():
        certificates = list(Certificate.objects.select_for_update().filter(volunteer=volunteer))
        for certificate in certificates:
            if not certificate.is_revoked:
                certificate.revoked_at = timezone.now()
                certificate.revoked_reason = reason
                certificate.revoked_by = None
                certificate.withdrawn_by_holder = True
            certificate.volunteer_name = ""
            certificate.save(
                update_fields=[
                    "volunteer_name",
                    "revoked_at",
                    "revoked_reason",
                    "revoked_by",
                    "withdrawn_by_holder",
                ]
            )
            log(certificate, CERTIFICATE_WITHDRAWN_ACTION, user=None)
    return len(certificates)
