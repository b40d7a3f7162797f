import factory
import wagtail_factories

from charities import services
from charities.models import CharityIndexPage, CharityPage


class CharityIndexPageFactory(wagtail_factories.PageFactory):
    title = "خیریه‌ها"
    slug = "charities"

    class Meta:
        model = CharityIndexPage


def make_charity(name, *, directory, publish=True, trusted=False, user=None, **profile_fields):
    """A member charity created the way the platform creates one (services.create_charity),
    with its profile published unless told otherwise. Returns the Charity."""
    charity = services.create_charity(name, parent=directory, user=user, **profile_fields)
    if publish:
        page = CharityPage.objects.get(charity=charity, locale=directory.locale)
        page.get_latest_revision().publish()
    if trusted:
        charity.is_trusted = True
        charity.save(update_fields=["is_trusted"])
    return charity


class UserFactory(factory.django.DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password("a-good-password-123")

    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)
