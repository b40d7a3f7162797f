"""Joining the network: a charity's membership request, the executive committee's decision
on it, and invitations from trusted members that vouch for a request.

Views and forms call these functions; each one is a single transaction, and its e-mails go
out only once that transaction has committed.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import Truncator
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from charities import services
from charities.models import (
    Charity,
    CharityPage,
    Invitation,
    JoinPage,
    MembershipDocument,
    MembershipRequest,
)
from nikrah.mail import absolute_url, send_templated_email

APPROVED = "nikrah.membership.approved"
DECLINED = "nikrah.membership.declined"
INVITATION_SENT = "nikrah.invitation.sent"

# What the form asks that the request keeps as it is.
REQUEST_FIELDS = [
    "charity_name",
    "registration_number",
    "registering_body",
    "year_founded",
    "contact_name",
    "contact_role",
    "phone",
    "email",
    "website",
    "statement",
]
SUMMARY_LENGTH = CharityPage._meta.get_field("summary").max_length


class DuplicateRequest(Exception):
    """An open request for the same charity exists already."""


class InvitationUnavailable(Exception):
    """The invitation was used or expired meanwhile."""


class AlreadyDecided(Exception):
    """The request was approved or declined already (perhaps a moment ago, by someone else)."""


class CannotApprove(Exception):
    """The charity cannot be created as asked (e.g. a member already has its name)."""

    def __init__(self, messages):
        super().__init__(" ".join(messages))
        self.messages = messages


# The request


def submit_request(data, *, language, invitation=None):
    """Save a membership request from the public form's cleaned ``data`` with its documents
    (all or nothing), use up the invitation it came through, and confirm it by e-mail."""
    stored_files = []
    try:
        with transaction.atomic():
            if invitation is not None:
                invitation = _use_invitation(invitation)
            request = MembershipRequest(
                **{field: data[field] for field in REQUEST_FIELDS},
                language=language,
                invitation=invitation,
            )
            request.save()
            request.themes.set(data["themes"])
            request.provinces.set(data["provinces"])
            for upload, content_type in data.get("documents") or []:
                document = MembershipDocument(
                    request=request,
                    original_name=upload.name,
                    size=upload.size,
                    content_type=content_type,
                )
                document.file.save(upload.name, upload, save=False)
                stored_files.append(document.file.name)
                document.save()
            send_templated_email(
                request.email,
                "charities/emails/request_received_subject.txt",
                "charities/emails/request_received_body.txt",
                {"request": request},
                language,
            )
    except IntegrityError as error:
        _delete_files(stored_files)
        # Two identical requests at once: the database's constraint kept one.
        if MembershipRequest.objects.duplicates_of(
            data["charity_name"], data["registration_number"]
        ).exists():
            raise DuplicateRequest from error
        raise
    except BaseException:
        _delete_files(stored_files)
        raise
    return request


def _use_invitation(invitation):
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_usable:
        raise InvitationUnavailable
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    return invitation


def _delete_files(names):
    storage = MembershipDocument._meta.get_field("file").storage
    for name in names:
        storage.delete(name)


# The executive committee's decision


def _open_request_for_update(pk):
    request = MembershipRequest.objects.select_for_update().get(pk=pk)
    if not request.is_open:
        raise AlreadyDecided
    return request


@transaction.atomic
def approve_request(pk, *, user):
    """Approve the request: create the charity (draft profile, editors' group, collection),
    give the contact person an account in that group, and e-mail them a link to set their
    password. Raises AlreadyDecided if the request is no longer open, CannotApprove if the
    charity cannot be created (nothing is then changed)."""
    request = _open_request_for_update(pk)
    try:
        charity = services.create_charity(
            request.charity_name, user=user, **_profile_fields(request)
        )
    except ValidationError as error:
        raise CannotApprove(error.messages) from error
    contact, created = _contact_account(request)
    services.add_editor(charity, contact)

    request.status = MembershipRequest.Status.APPROVED
    request.decided_by = user
    request.decided_at = timezone.now()
    request.charity = charity
    request.save(update_fields=["status", "decided_by", "decided_at", "charity"])
    log(
        instance=request,
        action=APPROVED,
        user=user,
        data={"charity": charity.pk, "account": contact.pk, "new_account": created},
    )

    send_templated_email(
        request.email,
        "charities/emails/request_approved_subject.txt",
        "charities/emails/request_approved_body.txt",
        {
            "request": request,
            "charity": charity,
            "username": contact.get_username(),
            "set_password_url": set_password_url(contact),
            "admin_url": absolute_url(reverse("wagtailadmin_home")),
            "timeout_days": settings.PASSWORD_RESET_TIMEOUT // (24 * 60 * 60),
        },
        request.language,
    )
    return request


def _profile_fields(request):
    return {
        "summary": Truncator(request.statement).chars(SUMMARY_LENGTH),
        "themes": list(request.themes.all()),
        "provinces": list(request.provinces.all()),
        "year_founded": request.year_founded,
        "registration_number": request.registration_number,
        "registering_body": request.registering_body,
        "phone": request.phone,
        "email": request.email,
        "website": request.website,
    }


def _contact_account(request):
    """The contact person's account: the one with their e-mail if there is one, else a new
    one with the e-mail as user name and no password until they set one."""
    User = get_user_model()
    email = request.email.strip().lower()
    user = (
        User.objects.filter(email__iexact=email).order_by("pk").first()
        or User.objects.filter(username=email).first()
    )
    if user is not None:
        return user, False
    user = User(username=email, email=email, first_name=request.contact_name[:150])
    user.set_unusable_password()
    user.save()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = request.language
    profile.save(update_fields=["preferred_language"])
    return user, True


def set_password_url(user):
    """A link to the admin's set-password form: it works once, for PASSWORD_RESET_TIMEOUT."""
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return absolute_url(path)


@transaction.atomic
def decline_request(pk, *, user, reason):
    """Decline the request with a reason, which the contact person receives by e-mail.
    Raises AlreadyDecided if the request is no longer open."""
    request = _open_request_for_update(pk)
    request.status = MembershipRequest.Status.DECLINED
    request.decided_by = user
    request.decided_at = timezone.now()
    request.decision_reason = reason
    request.save(update_fields=["status", "decided_by", "decided_at", "decision_reason"])
    log(instance=request, action=DECLINED, user=user, data={"reason": reason})
    send_templated_email(
        request.email,
        "charities/emails/request_declined_subject.txt",
        "charities/emails/request_declined_body.txt",
        {"request": request},
        request.language,
    )
    return request


# Invitations


def inviting_charities(user):
    """The charities on whose behalf ``user`` may invite: the trusted ones they edit (any
    trusted charity for platform admins)."""
    if not user.is_active:
        return Charity.objects.none()
    if user.is_superuser:
        return Charity.objects.filter(is_trusted=True)
    return services.charities_of(user).filter(is_trusted=True)


def can_invite(user):
    return user.is_authenticated and (user.is_superuser or inviting_charities(user).exists())


def invitations_visible_to(user):
    """The invitations ``user`` may list: those of the trusted charities they edit."""
    if not user.is_active:
        return Invitation.objects.none()
    if user.is_superuser:
        return Invitation.objects.all()
    return Invitation.objects.filter(charity__in=inviting_charities(user))


def join_page(language=None):
    """The live membership request page in ``language`` (the default language if none)."""
    return (
        JoinPage.objects.live()
        .public()
        .filter(locale__language_code=language or settings.LANGUAGE_CODE)
        .first()
    )


def invitation_url(invitation, page):
    return absolute_url(f"{page.get_url()}?invitation={invitation.token}")


@transaction.atomic
def send_invitation(*, charity, invited_by, email, organisation_name="", message=""):
    """Invite an association by e-mail on behalf of a trusted ``charity``."""
    if not inviting_charities(invited_by).filter(pk=charity.pk).exists():
        raise PermissionDenied
    page = join_page()
    if page is None:
        raise JoinPage.DoesNotExist
    invitation = Invitation.objects.create(
        charity=charity,
        invited_by=invited_by,
        email=email,
        organisation_name=organisation_name,
        message=message,
    )
    log(
        instance=invitation,
        action=INVITATION_SENT,
        user=invited_by,
        data={"email": email, "charity": charity.pk},
    )
    send_templated_email(
        email,
        "charities/emails/invitation_subject.txt",
        "charities/emails/invitation_body.txt",
        {"invitation": invitation, "url": invitation_url(invitation, page)},
        page.locale.language_code,
    )
    return invitation


def find_invitation(token):
    """The invitation behind a link's token, or None."""
    if not token or len(token) > Invitation._meta.get_field("token").max_length:
        return None
    return Invitation.objects.select_related("charity").filter(token=token).first()
