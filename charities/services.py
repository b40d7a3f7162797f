"""What happens when a charity joins, and who may touch what of it.

A charity's editors hold Wagtail permissions on its own pages only (add and change, never
publish) and on its own image and document collection; everything "belongs to my charity"
rests on those permissions, not on checks scattered in views.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

from charities.models import Charity, CharityIndexPage, CharityPage
from nikrah import persian

# Other apps act on a new charity through this hook: fn(charity, profile_page, user).
AFTER_CREATE_CHARITY_HOOK = "after_create_charity"

EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
EDITOR_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]


def _permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def _unique_group_name(name):
    base = f"ویراستاران {name}"[:140]
    candidate, number = base, 2
    while Group.objects.filter(name=candidate).exists():
        candidate, number = f"{base} ({number})", number + 1
    return candidate


def _unique_slug(parent, title):
    base = slugify(persian.normalize_letters(title), allow_unicode=True)[:70] or "charity"
    candidate, number = base, 2
    while parent.get_children().filter(slug=candidate).exists():
        candidate, number = f"{base}-{number}", number + 1
    return candidate


def directory():
    """The charity directory of the default language."""
    from django.conf import settings

    return CharityIndexPage.objects.get(locale__language_code=settings.LANGUAGE_CODE)


@transaction.atomic
def create_charity(name, *, user=None, parent=None, **profile_fields):
    """Create a member charity: its record, its draft profile page in the directory, its
    editors' group and its collection, with the editors' permissions; then let other apps
    add what a charity has (the newsroom adds its news index)."""
    name = persian.normalize_letters(name).strip()
    parent = parent or directory()
    charity = Charity.objects.create(name=name)
    page = CharityPage(
        title=name, slug=_unique_slug(parent, name), charity=charity, live=False, **profile_fields
    )
    parent.add_child(instance=page)
    page.save_revision(user=user, log_action=True)
    provision_charity(charity, page)
    for hook in hooks.get_hooks(AFTER_CREATE_CHARITY_HOOK):
        hook(charity, page, user)
    return charity


def provision_charity(charity, page):
    """Give ``charity`` its editors' group and collection, and the group its permissions on
    the profile page (in every language) and on the collection. Safe to call again."""
    if charity.editors_group is None:
        charity.editors_group = Group.objects.create(name=_unique_group_name(charity.name))
    group = charity.editors_group
    group.permissions.add(_permission("wagtailadmin", "access_admin"))

    if charity.collection is None:
        charity.collection = Collection.get_first_root_node().add_child(name=charity.name)
    for app_label, codename in EDITOR_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=charity.collection, permission=_permission(app_label, codename)
        )
    charity.save()

    for translation in page.get_translations(inclusive=True):
        grant_editors_page(charity, translation)


def grant_editors_page(charity, page):
    """Let the charity's editors add pages below ``page`` and change it (never publish)."""
    for codename in EDITOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=charity.editors_group, page=page, permission=_permission("wagtailcore", codename)
        )


def add_editor(charity, user):
    user.groups.add(charity.editors_group)


def charity_for_page(page):
    """The charity a page belongs to: the charity whose profile it is or lies under."""
    profile = CharityPage.objects.ancestor_of(page, inclusive=True).select_related("charity")
    first = profile.first()
    return first.charity if first else None


def charities_of(user):
    """The charities ``user`` edits."""
    if not user.is_authenticated:
        return Charity.objects.none()
    return Charity.objects.filter(editors_group__user=user)


def set_trusted_mark(charity, trusted, *, user):
    """Set or remove the trusted mark; the change is written to the audit log."""
    if charity.is_trusted == trusted:
        return False
    charity.is_trusted = trusted
    charity.trusted_since = timezone.now() if trusted else None
    charity.save(update_fields=["is_trusted", "trusted_since"])
    action = "nikrah.charity.trusted" if trusted else "nikrah.charity.untrusted"
    log(instance=charity, action=action, user=user)
    return True


@transaction.atomic
def adopt_profile_page(page, *, user=None):
    """Make a profile page created by hand in the page explorer a member charity."""
    charity = Charity.objects.create(name=page.title)
    page.charity = charity
    page.save(update_fields=["charity"])
    # Revisions carry every field: without this, publishing the saved revision would
    # unlink the page from its charity again.
    for revision in {page.latest_revision, page.live_revision} - {None}:
        revision.content["charity"] = charity.pk
        revision.save(update_fields=["content"])
    provision_charity(charity, page)
    for hook in hooks.get_hooks(AFTER_CREATE_CHARITY_HOOK):
        hook(charity, page, user)
    return charity
