"""Demo content of the working groups: the committees' members, thematic and regional
working groups with their member charities, ranked projects, and pages waiting in each
committee's queue."""

import datetime

from charities.models import Charity, Province, Theme
from newsroom.models import NewsIndexPage, NewsPage
from nikrah.demo import ensure_page, ensure_translation, ensure_user
from workinggroups.models import Committee, ProjectPage, WorkingGroupIndexPage, WorkingGroupPage
from workinggroups.setup import sync_working_group_permissions

ACCOUNTS = [
    ("culture1", "cultural & networking committee member"),
    ("edu1", "education committee member"),
]

# slug, Persian title, English title, kind, theme or province, committee kind, members, mandate
WORKING_GROUPS = [
    (
        "children",
        "کارگروه کودکان",
        "Children working group",
        "thematic",
        "children",
        "executive",
        ["مهرورزان", "قصه اسباب بازی ها", "کودکان فرشته اند", "یاریگران خورشید"],
        "هماهنگی پروژه‌های آموزشی، فرهنگی و حمایتی انجمن‌ها برای کودکان.",
    ),
    (
        "health",
        "کارگروه سلامت",
        "Health working group",
        "thematic",
        "health",
        "executive",
        ["روشنای زندگی", "سلول طلایی", "کودکان فرشته اند"],
        "همراهی با بیماران و خانواده‌ها و آموزش سلامت.",
    ),
    (
        "education",
        "کارگروه آموزش",
        "Education working group",
        "thematic",
        "education",
        "education",
        ["کودکان فرشته اند", "دوشن", "یاریگران خورشید", "قصه اسباب بازی ها"],
        "آموزش داوطلبان و مددجویان و تبدیل مددجویان بهبودیافته به داوطلب.",
    ),
    (
        "environment",
        "کارگروه محیط زیست",
        "Environment working group",
        "thematic",
        "environment",
        "executive",
        ["زنو", "دوشن"],
        "فرهنگ‌سازی مصرف و پروژه‌های محیط زیستی محلی.",
    ),
    (
        "tehran",
        "کارگروه منطقه‌ای تهران",
        "Tehran regional working group",
        "regional",
        "IR-23",
        "executive",
        ["مهرورزان", "قصه اسباب بازی ها", "روشنای زندگی", "سلول طلایی", "دستهای مهربان"],
        "استفاده از ظرفیت‌های محلی تهران برای فعالیت‌های اجتماعی انجمن‌ها.",
    ),
    (
        "isfahan",
        "کارگروه منطقه‌ای اصفهان",
        "Isfahan regional working group",
        "regional",
        "IR-10",
        "executive",
        ["کودکان فرشته اند", "دستهای مهربان"],
        "هماهنگی انجمن‌های فعال در استان اصفهان.",
    ),
]

# working group, slug, title, priority, status, lead charity, goals
PROJECTS = [
    (
        "children",
        "mobile-library",
        "کتابخانهٔ سیار کودکان",
        1,
        "active",
        "قصه اسباب بازی ها",
        "رساندن کتاب و اسباب‌بازی به کودکان مناطق کم‌برخوردار.",
    ),
    (
        "children",
        "study-support",
        "همراهی تحصیلی کودکان",
        2,
        "approved",
        "کودکان فرشته اند",
        "کلاس‌های جبرانی و همراهی تحصیلی با داوطلبان.",
    ),
    (
        "health",
        "family-health-education",
        "آموزش سلامت به خانواده‌ها",
        1,
        "proposed",
        "روشنای زندگی",
        "آموزش پیشگیری و مراقبت به خانواده‌های مددجو.",
    ),
    (
        "tehran",
        "neighbourhood-volunteers",
        "شبکهٔ داوطلبان محله",
        1,
        "active",
        "دستهای مهربان",
        "شبکه‌ای از داوطلبان محلی برای کمک به سالمندان و خانواده‌های نیازمند.",
    ),
    (
        "education",
        "volunteer-training",
        "دورهٔ آموزش داوطلبان",
        1,
        "active",
        "دوشن",
        "آموزش مهارت‌های پایهٔ کار داوطلبانه.",
    ),
]


def _charity(name):
    return Charity.objects.get(name=name)


def _working_groups(home, stdout):
    index, created = ensure_page(
        home,
        WorkingGroupIndexPage,
        "working-groups",
        title="کارگروه‌ها",
        summary="کارگروه‌های موضوعی و منطقه‌ای نیکراه.",
        show_in_menus=True,
    )
    if created:
        stdout.write("  working groups: /working-groups/")
    ensure_translation(index, "en", title="Working groups", summary="Nikrah's working groups.")
    groups = {}
    for slug, title, title_en, kind, subject, committee_kind, members, mandate in WORKING_GROUPS:
        existing = index.get_children().filter(slug=slug).first()
        if existing is None:
            group = WorkingGroupPage(
                slug=slug,
                title=title,
                kind=kind,
                theme=Theme.objects.get(slug=subject) if kind == "thematic" else None,
                province=Province.objects.get(code=subject) if kind == "regional" else None,
                mandate=mandate,
                committee=Committee.objects.get(kind=committee_kind),
            )
            index.add_child(instance=group)
            group.member_charities.set([_charity(name) for name in members])
            group.save_revision().publish()
            stdout.write(f"  working group: {title}")
        else:
            group = existing.specific
        ensure_translation(group, "en", title=title_en)
        sync_working_group_permissions(group)
        groups[slug] = group
    return groups


def _projects(groups):
    for group_slug, slug, title, priority, status, lead, goals in PROJECTS:
        group = groups[group_slug]
        ensure_page(
            group,
            ProjectPage,
            slug,
            title=title,
            goals=f"<p>{goals}</p>",
            priority=priority,
            status=status,
            starts_on=datetime.date(2023, 3, 21),
            lead_charity=_charity(lead),
            owner_charity=_charity(lead),
        )


def _submitted(parent, model, slug, user, **fields):
    """A page a charity editor wrote and submitted: it waits in a committee's queue."""
    if parent.get_children().filter(slug=slug).exists():
        return
    page = model(slug=slug, live=False, owner=user, **fields)
    parent.add_child(instance=page)
    page.save_revision(user=user)
    page.get_workflow().start(page, user)


def load(home, stdout):
    """Committee members, working groups, projects and one submission per committee."""
    for username, kind in (("culture1", "culture"), ("edu1", "education")):
        user, _ = ensure_user(username, email=f"{username}@nikrah.localhost")
        user.groups.add(Committee.objects.get(kind=kind).group)

    groups = _working_groups(home, stdout)
    _projects(groups)

    editor1 = ensure_user("editor1", email="editor1@nikrah.localhost")[0]
    editor2 = ensure_user("editor2", email="editor2@nikrah.localhost")[0]
    _submitted(
        groups["children"],
        ProjectPage,
        "summer-camp",
        editor1,
        title="اردوی تابستانی کودکان",
        goals="<p>یک هفته اردوی آموزشی و تفریحی برای کودکان مددجو.</p>",
        priority=3,
        owner_charity=_charity("مهرورزان"),
        lead_charity=_charity("مهرورزان"),
    )
    _submitted(
        groups["education"],
        ProjectPage,
        "storytelling-workshop",
        editor2,
        title="کارگاه قصه‌گویی برای داوطلبان",
        goals="<p>آموزش قصه‌گویی و بازی به داوطلبانی که با کودکان کار می‌کنند.</p>",
        priority=2,
        owner_charity=_charity("قصه اسباب بازی ها"),
        lead_charity=_charity("قصه اسباب بازی ها"),
    )
    mehrvarzan_news = NewsIndexPage.objects.child_of(_charity("مهرورزان").profile).first()
    if mehrvarzan_news is not None:
        _submitted(
            mehrvarzan_news,
            NewsPage,
            "volunteer-call",
            editor1,
            title="فراخوان داوطلب برای اردوی تابستانی",
            date=datetime.date(2023, 5, 1),
            summary="مهرورزان برای اردوی تابستانی کودکان داوطلب می‌پذیرد.",
            body=[{"type": "paragraph", "value": "<p>علاقه‌مندان می‌توانند ثبت‌نام کنند.</p>"}],
        )
    return groups
