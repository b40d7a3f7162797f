from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def feedback_page(context):
    """The live feedback form in the current language, for the footer link."""
    from wagtail.models import Locale

    from home.models import FeedbackFormPage

    return (
        FeedbackFormPage.objects.live()
        .public()
        .filter(locale=Locale.get_active())
        .only("id", "url_path", "title", "locale_id")
        .first()
    )
