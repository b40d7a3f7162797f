import json

from django import template
from django.utils.html import _json_script_escapes
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def news_article_json_ld(article, request):
    """schema.org NewsArticle for search engines, safe to embed in a <script> element."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "datePublished": article.date.isoformat(),
        "inLanguage": article.locale.language_code,
        "mainEntityOfPage": request.build_absolute_uri(article.url),
        "description": article.listing_summary,
        "publisher": {"@type": "Organization", "name": "Nikrah"},
    }
    if article.last_published_at:
        data["dateModified"] = article.last_published_at.isoformat()
    if article.charity_id:
        data["author"] = {"@type": "Organization", "name": article.charity.name}
    if article.hero_image:
        rendition = article.hero_image.get_rendition("fill-1200x630")
        data["image"] = request.build_absolute_uri(rendition.url)
    keywords = [tag.name for tag in article.tags.all()]
    if keywords:
        data["keywords"] = keywords
    encoded = json.dumps(data, ensure_ascii=False).translate(_json_script_escapes)
    return mark_safe(encoded)
