"""The executive committee's Wagtail group: it reviews membership requests and charity
profiles, and alone (with platform admins) sets the trusted mark."""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

EXECUTIVE_COMMITTEE_GROUP = "کمیته اجرایی"
EXECUTIVE_COMMITTEE_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("charities", "view_charity"),
    ("charities", "set_trusted_mark"),
    ("charities", "view_membershiprequest"),
    ("charities", "review_membershiprequest"),
]


def executive_committee_group():
    """The group, created with its permissions if missing (run after every migrate)."""
    group, _ = Group.objects.get_or_create(name=EXECUTIVE_COMMITTEE_GROUP)
    # post_migrate may reach us before Django has created these apps' permissions.
    for app_label in {app_label for app_label, _codename in EXECUTIVE_COMMITTEE_PERMISSIONS}:
        create_permissions(apps.get_app_config(app_label), verbosity=0)
    for app_label, codename in EXECUTIVE_COMMITTEE_PERMISSIONS:
        permission = Permission.objects.filter(
            content_type__app_label=app_label, codename=codename
        ).first()
        if permission is not None:
            group.permissions.add(permission)
    return group
