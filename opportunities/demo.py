"""Demo content of the opportunities app: the volunteer account `volunteer1` with a profile."""

from allauth.account.models import EmailAddress

from charities.models import City, Province, Theme
from nikrah.demo import ensure_user
from opportunities.models import VolunteerProfile

ACCOUNTS = [("volunteer1", "volunteer (signs in on the site: volunteer1@nikrah.localhost)")]


def load(home, stdout):
    user, _created = ensure_user(
        "volunteer1", email="volunteer1@nikrah.localhost", first_name="نرگس", last_name="احمدی"
    )
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    if VolunteerProfile.objects.filter(user=user).exists():
        return
    tehran = Province.objects.get(code="IR-23")
    profile = VolunteerProfile.objects.create(
        user=user,
        display_name="نرگس احمدی",
        province=tehran,
        city=City.objects.filter(province=tehran, is_capital=True).first(),
        availability="weekends",
        languages="فارسی، انگلیسی",
        bio="دانشجوی روان‌شناسی؛ دوست دارم با کودکان و نوجوانان کار کنم.",
    )
    profile.skills.add("آموزش کودکان", "کمک‌های اولیه", "عکاسی")
    profile.interests.set(Theme.objects.filter(slug__in=["children", "education"]))
    stdout.write("  volunteer: volunteer1")
