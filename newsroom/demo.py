"""Demo content of the newsroom: the report of Nikrah's second meeting with member charities."""

import datetime

from wagtail.rich_text import RichText

from charities.models import Charity
from newsroom.models import Comment, NewsIndexPage, NewsPage
from newsroom.models.comments import address_key
from nikrah.demo import ensure_page, ensure_translation

MEETING_DATE = datetime.date(2023, 1, 10)  # سه‌شنبه ۲۰ دی ۱۴۰۱

REPORT_TITLE_FA = "گزارش نشست نیکراه با خیریه‌های عضو"
REPORT_SUMMARY_FA = (
    "دومین جلسهٔ هم‌اندیشی و تعامل سمن‌ها با حضور نمایندگان انجمن‌های مردمی برگزار شد: "
    "دورنمای نیکراه، کارگروه‌ها و کمیته‌ها، عضویت اشخاص حقیقی و حقوقی و فرصت‌های داوطلبی."
)
REPORT_PARAGRAPHS_FA = [
    "نشست دوم نیکراه سه‌شنبه ۲۰ دی‌ماه ۱۴۰۱ با حضور جمعی از نماینده‌های انجمن‌های مردمی از جمله "
    "مهرورزان، قصه اسباب بازی ها، کودکان فرشته اند، روشنای زندگی، زنو، سلول طلایی، دوشن، "
    "دستهای مهربان، یاریگران خورشید و… دومین جلسه هم‌اندیشی و تعامل سمن‌ها برگزار گردید. "
    "در این جلسه دورنمای پلتفرم نیکراه، و اهداف و آرمان‌های ترسیم‌شدهٔ آن ارائه و به شور و "
    "مشورت گذاشته شد.",
    "در خصوص رسالت نیکراه؛ که تسهیل عملکرد خیریه‌ها و کمک به انجمن‌های مردمی در راستای ارتقای "
    "فعالیت‌های داوطلبانه، و بهبود فرصت‌های داوطلبی و فضای کارهای عام‌المنفعه است، مسائل "
    "مختلفی مطرح شد، و دغدغه‌ها و چالش‌های پیش‌رو، پیشنهادات و نیازهای انجمن‌ها شنیده و "
    "اطلاعات لازم برای ادامهٔ تصمیم‌گیری‌ها و اقدامات نیکراه به نحوی که به سودمندترین حالت "
    "پلتفرم برای فعالیت‌های خیریه نزدیک شویم، تجمیع گردید.",
    "در خصوص تشکیل کارگروه‌ها (تقسیم‌بندی موضوعی در حوزه‌های متنوع) و کمیته‌های مختلف "
    "(آموزش، فرهنگی و شبکه‌سازی، اجرایی و…) در بدنهٔ نیکراه همفکری شد تا در جلسات آتی این "
    "تقسیم‌بندی صورت گرفته و در یک بازه زمانی مشخص در بستر سایت نیکراه، و صفحات اخبار "
    "خیریه‌ها و اعضای آن، توسط کمیته‌های متشکله پروژه‌هایی برحسب اولویت تعریف و اجرایی گردد.",
    "روش عضویت اشخاص حقیقی و حقوقی در سایت نیکراه، و مقدمات تعریف فرصت‌های داوطلبی و "
    "پروژه‌ها در این بستر، اعلام شد و از مدعوین درخواست داشتیم که در بازهٔ ده روز آینده نسبت "
    "به ثبت پروفایل و عضویت اقدام نمایند، تا با رصد فعالیت و چگونگی بخش‌های مختلف سایت؛ "
    "نظرات و نقد و پیشنهادات، برای تکمیل این پلتفرم و طراحی باقی بخش‌ها راهنما و چراغ راهمان "
    "گردد.",
    "در آینده نزدیک، روش عضویت و گسترده نمودن این شبکه با دعوت از سایر انجمن‌ها و شکل‌گیری "
    "هستهٔ اصلیِ انجمن‌های همراه و معتمد، اطلاع‌رسانی خواهد شد و سپس رونمایی از نیکراه و "
    "شروع به کار رسمی و علنی در سطح عمومی را خواهیم داشت.",
]
REPORT_TOPICS_TITLE_FA = "اهم مطالب مطروح در جلسه"
REPORT_TOPICS_FA = [
    "معارفهٔ فعالیت‌ها و پروژه‌های فعلی انجمن‌ها در شرایط دشوار کنونی",
    "تغییر روش انجمن‌ها با رویکرد گسترش فعالیت در حوزه جذب داوطلبین",
    "حرکت به سمت عملکرد سیستماتیک خیریه‌ها",
    "تقسیم کار و سپردن کار به داوطلبین و اعتماد به پتانسیل آنها",
    "استفاده از پتانسیل‌های منطقه‌ای و محلی برای فعالیت‌های اجتماعی هر انجمن",
    "مرکززدایی و ایجاد کارگروه‌های موضوعی و منطقه‌ای",
    "آموزش و به‌کارگیری مددجویان بهبودیافته برای کمک به سایر جامعه هدف، تبدیل مددجویان به "
    "داوطلبین و مشارکت آنها در پروژه‌های آتی",
    "رسمیت یافتن نیروهای داوطلب به‌عنوان نیروی مسئول و سودمند اجتماعی",
    "کسب تجربه‌های متنوع داوطلبین در حوزه‌های مختلف، دریافت سرتیفیکیت و مدارک و رزومه معتبر "
    "برای جذب و استمرار فعالیت داوطلبانه",
    "آموزش حامیان مالی و خیرین به سمت روش‌های نوین کمک‌رسانی",
    "جایگزینی شیوه‌های بنیادی و اصولی به‌جای روش‌های سنتی خیریه",
    "همراهی خانواده‌های مددجو با خیریه از طریق فرهنگ‌سازی در راستای اعتلای برنامه‌ها و بهبود "
    "وضعیت خانواده",
    "مدیریت سبک زندگی، اصلاح فرهنگ مصرف و درآمدزایی و محرومیت‌زدایی از مددجویان",
]
REPORT_CLOSING_FA = (
    "با تشکر از توجه و حضور دلگرم‌کنندهٔ شما و به امید همراه شدن سایر فعالین اجتماعی و "
    "خیریه‌ها در این مسیر نیک. «تیم نیکراه»"
)

REPORT_TITLE_EN = "Report of Nikrah's meeting with member charities"
REPORT_SUMMARY_EN = (
    "Representatives of grassroots associations met for Nikrah's second session: the platform's "
    "vision, working groups and committees, membership and volunteer opportunities."
)
REPORT_PARAGRAPHS_EN = [
    "Nikrah's second session was held on Tuesday 10 January 2023 with representatives of "
    "member associations, among them Mehrvarzan, Toy Story, Children Are Angels, Light of Life, "
    "Zeno, Golden Cell, Dushan, Kind Hands and Helpers of the Sun. The vision of the platform "
    "and its goals were presented and discussed.",
    "Nikrah's mission is to make charities' work easier, to help grassroots associations improve "
    "their volunteer activity, and to improve volunteering opportunities and public-benefit "
    "work. The associations' concerns, challenges, suggestions and needs were heard.",
    "Working groups (thematic divisions in diverse fields) and committees (education; cultural "
    "and networking; executive; and others) will form inside Nikrah. On the Nikrah site and on "
    "the news pages of charities and their members, the committees will define projects by "
    "priority and carry them out within set time frames.",
    "Membership of natural and legal persons and the groundwork for volunteer opportunities and "
    "projects were announced. Invitees were asked to register a profile within ten days and to "
    "send their comments, critiques and suggestions on how the site works.",
    "Soon the membership process will be published, other associations will be invited, a core "
    "of companion, trusted associations will form, and then Nikrah will launch publicly.",
]
REPORT_TOPICS_TITLE_EN = "Main topics raised"
REPORT_TOPICS_EN = [
    "Introducing each association's current activities and projects in hard times",
    "Associations shifting toward recruiting volunteers",
    "Moving charities toward systematic operation",
    "Dividing work and delegating to volunteers; trusting their potential",
    "Using regional and local potential for each association's social work",
    "Decentralisation: thematic and regional working groups",
    "Training recovered beneficiaries to help others, turning beneficiaries into volunteers",
    "Formal recognition of volunteers as a responsible, useful social force",
    "Volunteers gaining varied experience and receiving certificates and a valid résumé",
    "Educating donors and sponsors toward modern ways of giving",
    "Replacing traditional charity methods with fundamental, principled ones",
    "Bringing beneficiaries' families along through culture-building",
    "Lifestyle management, consumption culture, income generation, ending deprivation",
]
REPORT_CLOSING_EN = (
    "Thank you for your encouraging presence; we hope other social activists and charities will "
    "join us on this path. The Nikrah team"
)


def _report_body(paragraphs, topics_title, topics, closing):
    return [
        *[("paragraph", RichText(f"<p>{text}</p>")) for text in paragraphs],
        ("key_points", {"title": topics_title, "points": topics}),
        ("paragraph", RichText(f"<p>{closing}</p>")),
    ]


def load(home, stdout):
    """The network newsroom (/news/) with the meeting report as its first article."""
    newsroom, created = ensure_page(
        home,
        NewsIndexPage,
        "news",
        title="اخبار",
        summary="اخبار شبکهٔ نیکراه و خیریه‌های عضو.",
        show_in_menus=True,
    )
    if created:
        stdout.write("  newsroom: /news/")
    report, created = ensure_page(
        newsroom,
        NewsPage,
        "second-meeting-report",
        title=REPORT_TITLE_FA,
        date=MEETING_DATE,
        kind=NewsPage.Kind.EVENT_REPORT,
        summary=REPORT_SUMMARY_FA,
        body=_report_body(
            REPORT_PARAGRAPHS_FA, REPORT_TOPICS_TITLE_FA, REPORT_TOPICS_FA, REPORT_CLOSING_FA
        ),
    )
    if created:
        report.tags.add("نشست اعضا", "کارگروه‌ها", "داوطلبی")
        report.save_revision().publish()
        stdout.write("  news: the report of the second meeting")

    ensure_translation(newsroom, "en", title="News", summary="News of the Nikrah network.")
    ensure_translation(
        report,
        "en",
        title=REPORT_TITLE_EN,
        summary=REPORT_SUMMARY_EN,
        body=_report_body(
            REPORT_PARAGRAPHS_EN, REPORT_TOPICS_TITLE_EN, REPORT_TOPICS_EN, REPORT_CLOSING_EN
        ),
    )
    _network_news(newsroom, stdout)
    _charity_news(stdout)
    _comments(report)
    return newsroom


# (news index: None for the network or a charity's name, slug, kind, date, title, summary, tags)
MORE_NEWS = [
    (
        None,
        "membership-process",
        NewsPage.Kind.ANNOUNCEMENT,
        datetime.date(2023, 1, 25),
        "روش عضویت انجمن‌ها در نیکراه اعلام شد",
        "انجمن‌ها و خیریه‌ها می‌توانند از صفحهٔ عضویت درخواست خود را ثبت کنند.",
        ["عضویت"],
    ),
    (
        None,
        "donor-guide",
        NewsPage.Kind.GUIDE,
        datetime.date(2023, 2, 8),
        "راهنمای خیرین: از کمک مستقیم تا حمایت از پروژه‌ها",
        "چگونه حامیان مالی می‌توانند به روش‌های نوین و پایدار کمک کنند.",
        ["خیرین", "راهنما"],
    ),
    (
        "مهرورزان",
        "winter-clothes",
        NewsPage.Kind.NEWS,
        datetime.date(2023, 1, 18),
        "توزیع پوشاک زمستانی با کمک داوطلبان",
        "داوطلبان مهرورزان پوشاک زمستانی را میان خانواده‌های مددجو توزیع کردند.",
        ["داوطلبی", "کودکان"],
    ),
    (
        "کودکان فرشته اند",
        "school-year",
        NewsPage.Kind.EVENT_REPORT,
        datetime.date(2023, 2, 1),
        "گزارش همراهی تحصیلی نیمسال اول",
        "گزارشی از کلاس‌های جبرانی و همراهی تحصیلی کودکان در نیمسال اول.",
        ["آموزش", "کودکان"],
    ),
    (
        "روشنای زندگی",
        "recovered-volunteers",
        NewsPage.Kind.NEWS,
        datetime.date(2023, 2, 15),
        "مددجویان بهبودیافته به جمع داوطلبان پیوستند",
        "گروهی از مددجویان بهبودیافته پس از دورهٔ آموزشی به داوطلبان انجمن پیوستند.",
        ["داوطلبی", "آموزش"],
    ),
]


def _news_index_of(charity_name):
    profile = Charity.objects.get(name=charity_name).profile
    return NewsIndexPage.objects.child_of(profile).first() if profile else None


def _add_news(parent, slug, kind, date, title, summary, tags):
    page, created = ensure_page(
        parent,
        NewsPage,
        slug,
        title=title,
        date=date,
        kind=kind,
        summary=summary,
        body=[("paragraph", RichText(f"<p>{summary}</p>"))],
    )
    if created:
        page.tags.add(*tags)
        page.save_revision().publish()
    return page, created


def _network_news(newsroom, stdout):
    for charity_name, slug, kind, date, title, summary, tags in MORE_NEWS:
        if charity_name is None:
            _add_news(newsroom, slug, kind, date, title, summary, tags)


def _charity_news(stdout):
    for charity_name, slug, kind, date, title, summary, tags in MORE_NEWS:
        if charity_name is None:
            continue
        parent = _news_index_of(charity_name)
        if parent is not None:
            _page, created = _add_news(parent, slug, kind, date, title, summary, tags)
            if created:
                stdout.write(f"  news of {charity_name}: {title}")


# (status, name, text, reply) — comments in each state on the meeting report.
COMMENTS = [
    (Comment.Status.APPROVED, "مریم", "گزارش کاملی بود. منتظر تشکیل کارگروه‌ها هستیم.", None),
    (Comment.Status.APPROVED, "علی", "انجمن ما هم مایل به عضویت است؛ روش ثبت‌نام چیست؟", None),
    (Comment.Status.APPROVED, "تیم نیکراه", "از صفحهٔ عضویت خیریه‌ها درخواست خود را ثبت کنید.", 1),
    (Comment.Status.PENDING, "سارا", "آیا داوطلبان شهرستان‌ها هم می‌توانند شرکت کنند؟", None),
    (Comment.Status.REJECTED, "ناشناس", "این دیدگاه به موضوع خبر مربوط نبود.", None),
    (Comment.Status.SPAM, "فروش ویژه", "تخفیف ویژه! همین حالا خرید کنید http://spam.example", None),
]


def _comments(report):
    if Comment.objects.filter(page=report).exists():
        return
    made = []
    for status, name, text, reply_to in COMMENTS:
        made.append(
            Comment.objects.create(
                page=report,
                parent=made[reply_to] if reply_to is not None else None,
                name=name,
                email=f"reader{len(made) + 1}@example.org",
                text=text,
                status=status,
                address_key=address_key(f"192.0.2.{len(made) + 1}"),
            )
        )
