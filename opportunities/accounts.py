"""Closing a volunteer's account: one place that decides what is removed and what is kept."""

import secrets

from allauth.account.models import EmailAddress
from django.db import transaction
from wagtail.log_actions import log

from opportunities.models import Skill, VolunteerProfile

ACCOUNT_DELETED_ACTION = "nikrah.volunteer.account_deleted"


def can_delete_own_account(user):
    """Volunteers close their own accounts; accounts that reach the Wagtail admin (charity
    editors, committee members, admins) are closed by a platform admin instead."""
    return not (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


def delete_volunteer_account(user):
    """Remove the volunteer's personal data and keep an anonymous, inactive user.

    The user row stays because applications, confirmed hours and certificates must keep
    pointing at someone; everything that identifies the person goes: the profile with its
    skills and interests, the e-mail addresses, the names and the password. Skills that only
    this volunteer used go too, since a free-text skill can identify its author. All of it
    happens in one transaction, so an error leaves the account as it was.
    """
    with transaction.atomic():
        profile = VolunteerProfile.objects.filter(user=user).first()
        if profile is not None:
            skill_ids = list(profile.skills.values_list("pk", flat=True))
            profile.delete()
            Skill.objects.filter(pk__in=skill_ids).unused().delete()
        EmailAddress.objects.filter(user=user).delete()

        user.username = f"deleted-{secrets.token_hex(8)}"
        user.email = ""
        user.first_name = ""
        user.last_name = ""
        user.set_unusable_password()
        user.is_active = False
        user.save()
        # Logged after scrubbing, so the audit log's label is the anonymous username.
        log(instance=user, action=ACCOUNT_DELETED_ACTION, user=None)
