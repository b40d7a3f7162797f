"""Demo content of the charities app: the directory, the join page, the nine associations
named in the report of the second meeting, and the accounts that work with them."""

from django.contrib.auth.models import Group
from wagtail.rich_text import RichText

from charities import services
from charities.models import CharityIndexPage, CharityPage, JoinPage, Province, Theme
from charities.roles import EXECUTIVE_COMMITTEE_GROUP
from nikrah.demo import ensure_page, ensure_translation, ensure_user

# (Persian name, English name, short introduction, themes, provinces, trusted)
CHARITIES = [
    (
        "مهرورزان",
        "Mehrvarzan",
        "انجمنی مردمی که با همراهی داوطلبان، از کودکان و خانواده‌های نیازمند حمایت می‌کند.",
        ["children", "poverty"],
        ["IR-23", "IR-30"],
        True,
    ),
    (
        "قصه اسباب بازی ها",
        "Toy Story",
        "گردآوری و بازسازی اسباب‌بازی و کتاب برای کودکان مناطق کم‌برخوردار.",
        ["children", "culture"],
        ["IR-23"],
        False,
    ),
    (
        "کودکان فرشته اند",
        "Children Are Angels",
        "حمایت آموزشی و بهداشتی از کودکان و همراهی با خانواده‌های آنان.",
        ["children", "education", "health"],
        ["IR-10"],
        True,
    ),
    (
        "روشنای زندگی",
        "Light of Life",
        "همراهی با مددجویان در مسیر بهبودی و بازگشت به زندگی اجتماعی.",
        ["addiction", "health"],
        ["IR-23", "IR-09"],
        True,
    ),
    (
        "زنو",
        "Zeno",
        "برنامه‌های توانمندسازی و آموزش مهارت برای زنان سرپرست خانوار.",
        ["women", "poverty"],
        ["IR-07"],
        False,
    ),
    (
        "سلول طلایی",
        "Golden Cell",
        "اطلاع‌رسانی و حمایت از بیماران و خانواده‌های آنان.",
        ["health"],
        ["IR-23"],
        False,
    ),
    (
        "دوشن",
        "Dushan",
        "فعالیت‌های فرهنگی و آموزشی با تکیه بر ظرفیت‌های محلی.",
        ["culture", "education"],
        ["IR-03"],
        False,
    ),
    (
        "دستهای مهربان",
        "Kind Hands",
        "کمک‌رسانی به خانواده‌های نیازمند و سالمندان با شبکه‌ای از داوطلبان محلی.",
        ["elderly", "poverty"],
        ["IR-23", "IR-10"],
        True,
    ),
    (
        "یاریگران خورشید",
        "Helpers of the Sun",
        "آموزش و همراهی کودکان و نوجوانان و فرهنگ‌سازی در خانواده‌ها.",
        ["children", "education"],
        ["IR-06"],
        False,
    ),
]

EDITORS = [
    ("editor1", "مهرورزان", "ویراستار مهرورزان"),
    ("editor2", "قصه اسباب بازی ها", "ویراستار قصه اسباب بازی ها"),
]

ACCOUNTS = [
    ("editor1", "editor of Mehrvarzan (مهرورزان)"),
    ("editor2", "editor of Toy Story (قصه اسباب بازی ها)"),
    ("exec1", "executive committee member"),
]


def _directory(home, stdout):
    directory, created = ensure_page(
        home,
        CharityIndexPage,
        "charities",
        title="خیریه‌ها",
        summary="خیریه‌ها و انجمن‌های مردمی عضو شبکهٔ نیکراه.",
        show_in_menus=True,
    )
    if created:
        stdout.write("  charity directory: /charities/")
    ensure_translation(
        directory, "en", title="Charities", summary="Member charities of the Nikrah network."
    )
    return directory


def _join_page(home):
    join, _ = ensure_page(
        home,
        JoinPage,
        "join",
        title="عضویت خیریه‌ها",
        summary="خیریه یا انجمن مردمی شما می‌تواند به شبکهٔ نیکراه بپیوندد.",
        show_in_menus=True,
        introduction=[
            (
                "paragraph",
                RichText(
                    "<p>انجمن‌های مردمی و خیریه‌ها با ثبت درخواست عضویت به شبکهٔ نیکراه "
                    "می‌پیوندند. کمیتهٔ اجرایی درخواست را بررسی می‌کند و پس از تأیید، صفحهٔ "
                    "معرفی خیریه و حساب ویراستار آن ساخته می‌شود.</p>"
                ),
            )
        ],
    )
    ensure_translation(
        join,
        "en",
        title="Join the network",
        summary="Your charity or grassroots association can join the Nikrah network.",
        introduction=[
            (
                "paragraph",
                RichText(
                    "<p>Charities and grassroots associations join Nikrah by sending a "
                    "membership request. The executive committee reviews it; once approved, "
                    "the charity's profile and its editor's account are created.</p>"
                ),
            )
        ],
    )
    return join


def _charity(directory, name_fa, name_en, summary, themes, provinces, trusted, stdout):
    page = CharityPage.objects.filter(charity__name=name_fa).first()
    if page is None:
        charity = services.create_charity(name_fa, parent=directory, summary=summary)
        page = charity.profile
        page.themes.set(Theme.objects.filter(slug__in=themes))
        page.provinces.set(Province.objects.filter(code__in=provinces))
        page.save_revision().publish()
        if trusted:
            charity.is_trusted = True
            charity.save(update_fields=["is_trusted"])
        stdout.write(f"  charity: {name_fa}")
    ensure_translation(page, "en", title=name_en)
    return page.charity


def load(home, stdout):
    """The directory, the join page, the nine charities and their accounts."""
    directory = _directory(home, stdout)
    _join_page(home)
    charities = {
        name_fa: _charity(directory, name_fa, name_en, summary, themes, provinces, trusted, stdout)
        for name_fa, name_en, summary, themes, provinces, trusted in CHARITIES
    }

    for username, charity_name, first_name in EDITORS:
        user, _ = ensure_user(username, email=f"{username}@nikrah.localhost", first_name=first_name)
        services.add_editor(charities[charity_name], user)

    exec1, _ = ensure_user("exec1", email="exec1@nikrah.localhost", first_name="عضو کمیتهٔ اجرایی")
    exec1.groups.add(Group.objects.get(name=EXECUTIVE_COMMITTEE_GROUP))
    return directory
