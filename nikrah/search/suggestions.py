"""Suggestions as a person types in the header's search box: ``/search/suggest/?q=…``
(``/en/search/suggest/``) answers, in JSON, the titles, kinds and addresses of the first
few results site search (``nikrah.search.views``) finds for the words typed so far.

It is the same search, with the same normalisation, over the same pages (live, public, of
the language in the URL), so a suggestion never shows what ``/search/`` would hide. Fewer
than two letters suggest nothing; whatever else is typed is cut and spelled into words
first, so no input can fail. The answer is the same for everyone who types the same
letters in the same language, so browsers and proxies may keep it for a short while;
nothing about a search is stored.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import JsonResponse
from django.utils.cache import patch_cache_control

from nikrah.search.kinds import search_kinds
from nikrah.search.normalise import words
from nikrah.search.views import MAX_QUERY_LENGTH, MAX_WORDS, searchable_pages

MIN_LETTERS = 2
MAX_SUGGESTIONS = 6
MAX_AGE = 60  # seconds


def suggest(request):
    """The first results for ``q``: ``{"suggestions": [{"title", "kind", "url"}, …]}``."""
    query_words = words(request.GET.get("q", "")[:MAX_QUERY_LENGTH])[:MAX_WORDS]
    suggestions = []
    if len("".join(query_words)) >= MIN_LETTERS:
        kinds = search_kinds()
        labels = {ContentType.objects.get_for_model(kind.model).pk: kind.label for kind in kinds}
        # Plain pages, not their specific models: a title and an address need no more.
        pages = searchable_pages(specific=False).type(*(kind.model for kind in kinds))
        suggestions = [
            {
                "title": page.title,
                "kind": str(labels.get(page.content_type_id, "")),
                "url": page.get_url(request),
            }
            for page in pages.search(" ".join(query_words))[:MAX_SUGGESTIONS]
        ]
    response = JsonResponse({"suggestions": suggestions})
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
