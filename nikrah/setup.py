"""Names what the admin shows but code creates, in the site's language, after every
migrate: Wagtail's root page and root collection ("Root"), and the permissions Django
names in English ("Can add hours entry"), which platform admins meet on group screens."""

from django.conf import settings
from django.contrib.auth.models import Permission
from django.utils import translation
from django.utils.translation import gettext, gettext_lazy
from wagtail.models import Collection, Page

WAGTAIL_ROOT_NAME = "Root"


def name_the_roots(**kwargs):
    with translation.override(settings.LANGUAGE_CODE):
        Collection.objects.filter(depth=1, name=WAGTAIL_ROOT_NAME).update(
            name=gettext("All collections")
        )
        root_title = gettext("All sites")
        Page.objects.filter(depth=1, title=WAGTAIL_ROOT_NAME).update(
            title=root_title, draft_title=root_title
        )


PERMISSION_ACTIONS = {
    "add": gettext_lazy("Can add %(name)s"),
    "change": gettext_lazy("Can change %(name)s"),
    "delete": gettext_lazy("Can delete %(name)s"),
    "view": gettext_lazy("Can view %(name)s"),
}


def permission_name(permission):
    """The permission's name in the active language, or None for a model the code lost."""
    model = permission.content_type.model_class()
    if model is None:
        return None
    action, _, model_name = permission.codename.partition("_")
    if action in PERMISSION_ACTIONS and model_name == model._meta.model_name:
        # A model that names itself gets its name translated by Django; one that does not
        # (wagtail-localize's "translation") is looked up in the catalogue here.
        name = gettext(str(model._meta.verbose_name))
        return str(PERMISSION_ACTIONS[action] % {"name": name})
    # Custom permissions, declared in Meta or only in a migration (wagtail-localize's
    # "Can submit translations"), are translated by their stored name.
    custom = dict(model._meta.permissions).get(permission.codename, permission.name)
    return gettext(str(custom))


def name_the_permissions(**kwargs):
    with translation.override(settings.LANGUAGE_CODE):
        for permission in Permission.objects.select_related("content_type"):
            name = permission_name(permission)
            if name and name[:255] != permission.name:
                permission.name = name[:255]
                permission.save(update_fields=["name"])
