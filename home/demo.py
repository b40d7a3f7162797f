"""Demo content of the home page, in Persian and English."""

from wagtail.rich_text import RichText

from nikrah.demo import ensure_translation

TITLE_FA = "نیکراه"
SUMMARY_FA = (
    "شبکه‌ای از خیریه‌ها و سمن‌های ایران برای آسان‌تر کردن کار خیریه‌ها، "
    "گسترش فعالیت داوطلبانه و بهبود فرصت‌های داوطلبی."
)
INTRODUCTION_FA = [
    ("heading", {"text": "رسالت نیکراه", "level": "h2"}),
    (
        "paragraph",
        RichText(
            "<p>رسالت نیکراه تسهیل عملکرد خیریه‌ها و کمک به انجمن‌های مردمی در راستای ارتقای "
            "فعالیت‌های داوطلبانه، و بهبود فرصت‌های داوطلبی و فضای کارهای عام‌المنفعه است.</p>"
            "<p>در نیکراه، کارگروه‌های موضوعی و منطقه‌ای و کمیته‌های آموزش، فرهنگی و شبکه‌سازی "
            "و اجرایی، پروژه‌ها را بر حسب اولویت تعریف و اجرا می‌کنند؛ خیریه‌ها اخبار و فرصت‌های "
            "داوطلبی خود را منتشر می‌کنند و داوطلبان برای فعالیت خود گواهی و رزومهٔ معتبر "
            "دریافت می‌کنند.</p>"
        ),
    ),
]

TITLE_EN = "Nikrah"
SUMMARY_EN = (
    "A network of Iranian charities and NGOs that makes charities' work easier, grows "
    "volunteering and improves volunteer opportunities."
)
INTRODUCTION_EN = [
    ("heading", {"text": "Our mission", "level": "h2"}),
    (
        "paragraph",
        RichText(
            "<p>Nikrah makes charities' work easier, helps grassroots associations improve their "
            "volunteer activity, and improves volunteering opportunities and public-benefit "
            "work.</p>"
            "<p>In Nikrah, thematic and regional working groups and the education, cultural and "
            "networking, and executive committees define projects by priority and carry them "
            "out; charities publish their news and volunteer opportunities, and volunteers "
            "receive certificates and a valid résumé for their work.</p>"
        ),
    ),
]


def load(home, stdout):
    """Fill the Persian home page made by migrate, and translate it into English."""
    if not home.introduction:
        home.title = TITLE_FA
        home.draft_title = TITLE_FA
        home.summary = SUMMARY_FA
        home.introduction = INTRODUCTION_FA
        home.save_revision().publish()
        stdout.write("  home page: Persian introduction")
    _translation, created = ensure_translation(
        home, "en", title=TITLE_EN, summary=SUMMARY_EN, introduction=INTRODUCTION_EN
    )
    if created:
        stdout.write("  home page: English translation")


FEEDBACK_FIELDS = [
    ("نام", "singleline", False, ""),
    ("ایمیل", "email", False, ""),
    ("نوع پیام", "dropdown", True, "نظر\nنقد\nپیشنهاد\nگزارش مشکل"),
    ("پیام شما", "multiline", True, ""),
]


def load_feedback_form(home, stdout):
    """The feedback form the meeting asked for: comments, critiques and suggestions."""
    from home.models import FeedbackFormField, FeedbackFormPage

    if FeedbackFormPage.objects.child_of(home).exists():
        return
    page = FeedbackFormPage(
        title="نظرات و پیشنهادها",
        slug="feedback",
        introduction="<p>نظرات، نقدها و پیشنهادهای خود را دربارهٔ بخش‌های مختلف سایت نیکراه "
        "برای ما بفرستید؛ آن‌ها راهنمای تکمیل این پلتفرم خواهند بود.</p>",
        thank_you_text="<p>سپاس از شما. پیامتان به تیم نیکراه رسید.</p>",
        subject="بازخورد تازه دربارهٔ نیکراه",
    )
    home.add_child(instance=page)
    for order, (label, field_type, required, choices) in enumerate(FEEDBACK_FIELDS):
        FeedbackFormField.objects.create(
            page=page,
            sort_order=order,
            label=label,
            field_type=field_type,
            required=required,
            choices=choices,
        )
    page.save_revision().publish()
    stdout.write("  feedback form: /feedback/")
