import datetime

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language, get_language_info

from nikrah import persian

register = template.Library()


@register.filter
def jalali(value, style=""):
    """`{{ page.date|jalali }}` → ۲۰ دی ۱۴۰۱ in Persian, 10 January 2023 in English.

    `{{ page.date|jalali:"long" }}` adds the weekday.
    """
    return persian.format_date(value, get_language(), with_weekday=style == "long")


@register.filter
def moment(value):
    """`{{ entry.timestamp|moment }}` → ۲۰ دی ۱۴۰۱، ۱۴:۳۰ in Persian, with the time when the
    value has one; the date alone for dates."""
    if isinstance(value, datetime.datetime):
        return persian.format_datetime(value, get_language())
    return persian.format_date(value, get_language())


@register.filter
def calendar_value(value):
    """A date or moment in the reader's calendar (see ``moment``); anything else as it is."""
    if isinstance(value, datetime.date):
        return moment(value)
    return value


@register.filter
def number(value):
    """`{{ certificate.hours|number }}` → ۱۲٫۵ in Persian, 12.5 in English."""
    return persian.format_number(value, get_language())


@register.filter
def localdigits(value):
    """Persian digits when the page is in Persian, unchanged otherwise."""
    return persian.localize_digits(value, get_language())


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to each language: the translation of the current page when one is live,
    otherwise that language's home page."""
    request = context.get("request")
    page = context.get("page")
    current = get_language()
    translations = {}
    if page is not None and hasattr(page, "get_translations"):
        for translation in page.get_translations(inclusive=True).live().select_related("locale"):
            translations[translation.locale.language_code] = translation.get_url(request)
    links = []
    for code, _name in settings.LANGUAGES:
        if code in translations:
            url = translations[code]
        elif request is not None and page is None:
            url = translate_url(request.get_full_path(), code)
        else:
            url = "/" if code == settings.LANGUAGE_CODE else f"/{code}/"
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "is_current": code == current,
                "bidi": info["bidi"],
            }
        )
    return {"links": links}


@register.simple_tag(takes_context=True)
def site_menu(context):
    """The home page of the current language and its live children marked "show in menus"."""
    request = context.get("request")
    cache_key = "_nikrah_site_menu"
    if request is not None and hasattr(request, cache_key):
        return getattr(request, cache_key)
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    menu = {"home_url": "/", "items": []}
    if site is not None:
        home = site.root_page.localized
        current = context.get("page")
        menu["home_url"] = home.get_url(request) or "/"
        menu["items"] = [
            {
                "title": child.title,
                "url": child.get_url(request),
                "is_current": current is not None
                and (child.pk == current.pk or current.path.startswith(child.path)),
            }
            for child in home.get_children().live().public().in_menu()
        ]
    if request is not None:
        setattr(request, cache_key, menu)
    return menu
