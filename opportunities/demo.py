"""Demo content of the opportunities app: the volunteer account `volunteer1` with a profile."""

from allauth.account.models import EmailAddress

from charities.models import City, Province, Theme
from nikrah.demo import ensure_page, ensure_translation, ensure_user
from opportunities.models import VolunteerProfile

ACCOUNTS = [
    ("volunteer1", "volunteer (signs in on the site: volunteer1@nikrah.localhost)"),
    ("volunteer2", "volunteer who applied to be a storyteller (volunteer2@nikrah.localhost)"),
    ("volunteer3", "volunteer with two applications (volunteer3@nikrah.localhost)"),
]


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
        phone="09120000001",
        province=tehran,
        city=City.objects.filter(province=tehran, is_capital=True).first(),
        availability="weekends",
        languages="فارسی، انگلیسی",
        bio="دانشجوی روان‌شناسی؛ دوست دارم با کودکان و نوجوانان کار کنم.",
    )
    profile.skills.add("آموزش کودکان", "کمک‌های اولیه", "عکاسی")
    profile.interests.set(Theme.objects.filter(slug__in=["children", "education"]))
    stdout.write("  volunteer: volunteer1")


# Which member charity organises the demo opportunities of each working group: editor1's
# Mehrvarzan those of the children's and Tehran's groups, so that editor1 has applicants.
ORGANISERS = {
    "children": "مهرورزان",
    "tehran": "مهرورزان",
    "health": "روشنای زندگی",
    "education": "کودکان فرشته اند",
    "isfahan": "دستهای مهربان",
}

# (working group, project slug or None, slug, title, kind, province, remote, start offset in
#  days, length in days, places, deadline offset or None, first-timers, themes, skills)
OPPORTUNITIES = [
    (
        "children",
        "mobile-library",
        "storyteller",
        "قصه‌گو برای کتابخانهٔ سیار",
        "recurring",
        "IR-23",
        False,
        10,
        90,
        6,
        7,
        True,
        ["children", "culture"],
        ["قصه‌گویی", "کار با کودکان"],
    ),
    (
        "children",
        "study-support",
        "math-tutor",
        "معلم داوطلب ریاضی",
        "ongoing",
        "IR-10",
        False,
        5,
        120,
        4,
        None,
        False,
        ["children", "education"],
        ["آموزش ریاضی"],
    ),
    (
        "tehran",
        "neighbourhood-volunteers",
        "elderly-visits",
        "دیدار هفتگی با سالمندان",
        "recurring",
        "IR-23",
        False,
        3,
        60,
        10,
        2,
        True,
        ["elderly"],
        ["همدلی", "رانندگی"],
    ),
    (
        "health",
        None,
        "online-helpline",
        "پاسخ‌گویی تلفنی به خانواده‌های بیماران",
        "ongoing",
        None,
        True,
        1,
        180,
        5,
        None,
        False,
        ["health"],
        ["مشاوره", "کمک‌های اولیه"],
    ),
    (
        "education",
        "volunteer-training",
        "first-aid-course",
        "دورهٔ آموزشی کمک‌های اولیه",
        "training",
        "IR-23",
        False,
        14,
        2,
        20,
        10,
        True,
        ["education", "health"],
        ["کمک‌های اولیه"],
    ),
    (
        "children",
        "mobile-library",
        "book-sorting",
        "مرتب‌سازی کتاب‌های اهدایی",
        "one_off",
        "IR-23",
        False,
        20,
        0,
        8,
        -1,
        True,
        ["children"],
        ["سازمان‌دهی"],
    ),
    (
        "isfahan",
        None,
        "winter-clothes-drive",
        "جمع‌آوری پوشاک زمستانی",
        "one_off",
        "IR-10",
        False,
        -40,
        1,
        12,
        -45,
        True,
        ["poverty"],
        ["سازمان‌دهی"],
    ),
]


def load_opportunities(home, stdout):
    """The opportunities listing and roles across the demo projects, regions and kinds: one
    with closed applications and one in the past among them."""

    from django.utils import timezone

    from opportunities.models import OpportunityIndexPage

    listing, created = ensure_page(
        home,
        OpportunityIndexPage,
        "opportunities",
        title="فرصت‌های داوطلبی",
        summary="فرصت‌های داوطلبی خیریه‌های عضو نیکراه.",
        show_in_menus=True,
    )
    if created:
        stdout.write("  opportunities: /opportunities/")
    ensure_translation(listing, "en", title="Volunteer opportunities")
    today = timezone.localdate()
    for row in OPPORTUNITIES:
        ensure_opportunity(today, *row, stdout=stdout)


def ensure_opportunity(
    today,
    group_slug,
    project_slug,
    slug,
    title,
    kind,
    province,
    remote,
    start,
    length,
    places,
    deadline,
    first_timers,
    themes,
    skills,
    *,
    stdout,
    **extra,
):
    """The published opportunity of a row of ``OPPORTUNITIES`` (``extra``: more fields),
    created unless it exists; ``today`` anchors the row's day offsets."""
    import datetime

    from opportunities.models import OpportunityPage
    from workinggroups.models import ProjectPage, WorkingGroupPage

    group = WorkingGroupPage.objects.get(slug=group_slug, locale__language_code="fa")
    parent = ProjectPage.objects.child_of(group).get(slug=project_slug) if project_slug else group
    existing = OpportunityPage.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    starts_on = today + datetime.timedelta(days=start)
    province_obj = Province.objects.get(code=province) if province else None
    page = OpportunityPage(
        slug=slug,
        title=title,
        summary=title,
        description=[("paragraph", f"<p>{title}؛ با ما همراه شوید.</p>")],
        kind=kind,
        is_remote=remote,
        province=province_obj,
        city=City.objects.filter(province=province_obj, is_capital=True).first()
        if province_obj
        else None,
        starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=length),
        hours=3,
        places=places,
        application_deadline=today + datetime.timedelta(days=deadline)
        if deadline is not None
        else None,
        suits_first_timers=first_timers,
        charity=group.member_charities.get(name=ORGANISERS[group_slug]),
        **extra,
    )
    parent.add_child(instance=page)
    page.themes.set(Theme.objects.filter(slug__in=themes))
    page.skills.add(*skills)
    page.save_revision().publish()
    stdout.write(f"  opportunity: {title}")
    return page


def load_applications(home, stdout):
    """volunteer1's applications in several states."""
    from django.contrib.auth import get_user_model

    from opportunities import applying
    from opportunities.models import Application, OpportunityPage

    volunteer = get_user_model().objects.get(username="volunteer1")
    if Application.objects.filter(volunteer=volunteer).exists():
        return
    plans = [
        ("storyteller", "accept"),
        ("photographer", "accept"),  # its only place: the opportunity is full
        ("math-tutor", None),
        ("online-helpline", "withdraw"),
    ]
    for slug, action in plans:
        opportunity = OpportunityPage.objects.filter(slug=slug, live=True).first()
        if opportunity is None:
            continue
        application, _created = applying.apply(
            opportunity,
            volunteer,
            motivation="به کار با کودکان و خانواده‌ها علاقه دارم.",
            availability="آخر هفته‌ها",
            consent=True,
        )
        if action == "accept":
            applying.accept(application)
        elif action == "withdraw":
            applying.withdraw(application, volunteer)
    stdout.write("  applications: volunteer1")
    _load_other_applicants(stdout)


# Other applicants, so that editor1 finds applications waiting for a decision.
APPLICANTS = [
    ("volunteer2", "مریم کریمی", "09120000002", "storyteller", "در مهدکودک قصه‌گو بوده‌ام."),
    ("volunteer3", "علی رضایی", "09120000003", "storyteller", "تئاتر کودک کار کرده‌ام."),
    ("volunteer3", "علی رضایی", "09120000003", "math-tutor", "دانشجوی ریاضی هستم."),
]


def _load_other_applicants(stdout):
    from opportunities import applying
    from opportunities.models import OpportunityPage

    for username, name, phone, slug, motivation in APPLICANTS:
        user, _created = ensure_user(username, email=f"{username}@nikrah.localhost")
        EmailAddress.objects.get_or_create(
            user=user, email=user.email, defaults={"verified": True, "primary": True}
        )
        VolunteerProfile.objects.get_or_create(
            user=user, defaults={"display_name": name, "phone": phone}
        )
        opportunity = OpportunityPage.objects.filter(slug=slug, live=True).first()
        if opportunity is not None:
            applying.apply(
                opportunity, user, motivation=motivation, availability="عصرها", consent=True
            )
    stdout.write("  applications: volunteer2, volunteer3")
