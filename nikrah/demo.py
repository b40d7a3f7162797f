"""The demo: what each app adds to it, and the helpers they use; each creates only what is
missing, so that loading the demo twice changes nothing.

An app adds its part through the ``register_demo_content`` hook, returning a
``DemoContent``; ``manage.py load_demo`` runs every part in order, knowing no app."""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from wagtail import hooks
from wagtail.models import Locale
from wagtail.users.models import UserProfile

DEMO_PASSWORD = "nikrah-demo"
DEMO_CONTENT_HOOK = "register_demo_content"


@dataclass(frozen=True)
class DemoContent:
    """One step of the demo: ``load(home, stdout)`` adds what is missing below the home
    page. Steps run by ``order``, lowest first (charities before the working groups that
    list them, opportunities before the hours logged on them); ``accounts`` are the
    (username, who) pairs the step creates, listed to whoever starts the demo."""

    order: int
    load: Callable
    accounts: tuple = ()


def demo_contents():
    return sorted((fn() for fn in hooks.get_hooks(DEMO_CONTENT_HOOK)), key=lambda step: step.order)


def ensure_page(parent, model, slug, **fields):
    """The live child of ``parent`` with ``slug``, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def ensure_translation(page, language_code, **fields):
    """The live translation of ``page`` into ``language_code``, created if missing.

    The parent must already be translated (the demo translates top-down)."""
    locale = Locale.objects.get(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific, False
    translation = page.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    return translation, True


def ensure_user(username, *, email, first_name="", last_name="", language="fa", **flags):
    """A demo account with the demo password and its admin language preference."""
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(
        username=username,
        defaults={"email": email, "first_name": first_name, "last_name": last_name, **flags},
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save()
    return user, created
