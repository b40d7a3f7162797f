import factory
from allauth.account.models import EmailAddress

from opportunities.models import Availability, VolunteerProfile

VOLUNTEER_PASSWORD = "a-good-password-123"


class VolunteerProfileFactory(factory.django.DjangoModelFactory):
    user = factory.SubFactory("opportunities.factories.VolunteerFactory", profile=None)
    display_name = factory.Sequence(lambda n: f"داوطلب {n}")
    availability = Availability.WEEKENDS
    languages = "فارسی، انگلیسی"

    class Meta:
        model = VolunteerProfile


class VolunteerFactory(factory.django.DjangoModelFactory):
    """A volunteer as they are after signing up: a user whose e-mail address allauth has
    verified, with a profile (``VolunteerFactory(profile=None)`` for one without)."""

    username = factory.Sequence(lambda n: f"volunteer{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    password = factory.django.Password(VOLUNTEER_PASSWORD)
    profile = factory.RelatedFactory(VolunteerProfileFactory, factory_related_name="user")

    class Meta:
        model = "auth.User"
        django_get_or_create = ("username",)
        skip_postgeneration_save = True

    @factory.post_generation
    def verified_email(user, create, extracted, **kwargs):
        if create:
            EmailAddress.objects.create(user=user, email=user.email, primary=True, verified=True)
