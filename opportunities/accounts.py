"""Closing a volunteer's account: one place that decides what is removed and what is kept.

Nothing that names or describes the person stays: their profile, e-mail addresses, names,
password, sessions and avatar go; their applications stay for the charities' counts and
capacity, without a word the person wrote or was written to them; the audit log keeps what
happened under a label that names nobody; e-mails to or about them, queued or delivered,
are forgotten. Other apps erase their own records when they hear
``nikrah.signals.volunteer_account_deleted``, with what the volunteer chose on the deletion
page.
"""

import secrets

from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.db import transaction
from wagtail.log_actions import log
from wagtail.users.models import UserProfile

from nikrah.audit import relabel_log_entries
from nikrah.mail import forget_messages_mentioning
from nikrah.persian import to_persian_digits
from nikrah.signals import volunteer_account_deleted
from opportunities import notifications
from opportunities.models import Application, Skill, VolunteerProfile

ACCOUNT_DELETED_ACTION = "nikrah.volunteer.account_deleted"


def can_delete_own_account(user):
    """Volunteers close their own accounts; accounts that reach the Wagtail admin (charity
    editors, committee members, admins) are closed by a platform admin instead."""
    return not (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def _traces_in_mail(user, profile):
    """What marks a message as written to or about the person: their addresses and phone
    number, and the links to their applications that notices to charities carry (their
    name alone could be someone else's too)."""
    traces = {user.email, *EmailAddress.objects.filter(user=user).values_list("email", flat=True)}
    if profile is not None and profile.phone:
        traces.update({profile.phone, to_persian_digits(profile.phone)})
    traces.update(
        notifications.review_url(application)
        for application in Application.objects.filter(volunteer=user)
    )
    return [trace for trace in traces if trace]


def _end_sessions(user):
    """Sign the person out on every device. Sessions are not indexed by user, so each stored
    one is read; sessions kept elsewhere (a cache) fail anyway once the password is gone."""
    user_id = str(user.pk)
    for session in Session.objects.iterator():
        if str(session.get_decoded().get("_auth_user_id")) == user_id:
            session.delete()


def _delete_admin_profile(user):
    """Wagtail's own profile of the user, with the avatar file once the deletion commits."""
    profile = UserProfile.objects.filter(user=user).first()
    if profile is None:
        return
    if profile.avatar:
        storage, name = profile.avatar.storage, profile.avatar.name
        transaction.on_commit(lambda: storage.delete(name))
    profile.delete()


def _anonymise_applications(user):
    """Applications keep their opportunity, status and dates, so that places taken and
    every count stay true; the motivation, availability and the charity's message go."""
    applications = Application.objects.filter(volunteer=user)
    applications.update(motivation="", availability="", message="")
    relabel_log_entries(
        applications.select_related("volunteer", "opportunity"), forget_data=("message",)
    )


def delete_volunteer_account(user, *, choices=None):
    """Erase the volunteer's personal data and keep an anonymous, inactive user.

    The user row stays because applications, confirmed hours and certificates must keep
    pointing at someone; everything that identifies the person goes (see the module's
    docstring). Skills that only this volunteer used go too, since a free-text skill can
    identify its author. ``choices`` are the volunteer's answers on the deletion page, passed
    on to the apps. All of it happens in one transaction, so an error leaves the account as
    it was.
    """
    with transaction.atomic():
        profile = VolunteerProfile.objects.filter(user=user).first()
        forget_messages_mentioning(_traces_in_mail(user, profile))
        if profile is not None:
            skill_ids = list(profile.skills.values_list("pk", flat=True))
            profile.delete()
            Skill.objects.filter(pk__in=skill_ids).unused().delete()
        addresses = list(
            EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
        )
        EmailAddress.objects.filter(user=user).delete()
        _end_sessions(user)
        _delete_admin_profile(user)

        user.username = f"deleted-{secrets.token_hex(8)}"
        user.email = ""
        user.first_name = ""
        user.last_name = ""
        user.set_unusable_password()
        user.is_active = False
        user.save()
        _anonymise_applications(user)
        relabel_log_entries([user])
        volunteer_account_deleted.send(
            sender=type(user), user=user, addresses=addresses, choices=choices or {}
        )
        # Logged after scrubbing, so the audit log's label is the anonymous username.
        log(instance=user, action=ACCOUNT_DELETED_ACTION, user=None)
