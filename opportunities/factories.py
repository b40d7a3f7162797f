import datetime

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.utils import timezone

from charities.models import Province
from opportunities.models import Availability, OpportunityPage, VolunteerProfile

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


class OpportunityPageFactory(wagtail_factories.PageFactory):
    """A live opportunity; pass ``parent`` (a project or a working group)."""

    title = factory.Sequence(lambda n: f"فرصت داوطلبی {n}")
    slug = factory.Sequence(lambda n: f"opportunity-{n}")
    description = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>شرح</p>"}])
    kind = "one_off"
    province = factory.LazyFunction(lambda: Province.objects.get(code="IR-23"))
    starts_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=7))
    places = 5

    class Meta:
        model = OpportunityPage


def take_part(opportunity, volunteer):
    """``volunteer`` applies for ``opportunity`` and is accepted, as on the site."""
    from opportunities import applying

    application, _created = applying.apply(
        opportunity, volunteer, motivation="دوست دارم کمک کنم.", availability="عصرها", consent=True
    )
    return applying.accept(application)
