"""Site search (/search/, /en/search/): live, public pages of the visitor's language, of
every kind the apps register (``nikrah.search.kinds``), best match first.

Every parameter is untrusted: ``q`` is cut and normalised to at most a few words of letters
and digits, an unknown ``kind`` is "every kind", and ``page`` is read by ``paginate``.
Nothing about a search is stored (no query log), and result pages are kept out of search
engines (``noindex``).
"""

from django.contrib.contenttypes.models import ContentType
from django.template.response import TemplateResponse
from wagtail.models import Locale, Page

from nikrah.pagination import paginate
from nikrah.search.highlight import highlight, snippet
from nikrah.search.index import texts_beyond_title
from nikrah.search.kinds import Details, search_kinds
from nikrah.search.normalise import words

MAX_QUERY_LENGTH = 200
MAX_WORDS = 8
RESULTS_PER_PAGE = 10


def searchable_pages(specific=True):
    """The pages search may show: live, public, of the visitor's language."""
    pages = Page.objects.live().public().filter(locale=Locale.get_active())
    return pages.specific() if specific else pages


def count_by_kind(results, kinds):
    """How many results each kind has, from one facet query over all kinds' results."""
    by_type = results.facet("content_type_id")
    return {
        kind.key: by_type.get(ContentType.objects.get_for_model(kind.model).pk, 0) for kind in kinds
    }


def describe(pages, kinds, query_words):
    """Each result of a page of results, with its kind, owner, date, and its title and
    snippet with the matched words marked; each kind describes its pages at once."""
    details = {}
    for kind in kinds:
        own = [page for page in pages if isinstance(page, kind.model)]
        if own:
            details.update({pk: (kind, info) for pk, info in kind.describe(own).items()})
    return [
        {
            "page": page,
            "kind": details[page.pk][0] if page.pk in details else None,
            "details": details[page.pk][1] if page.pk in details else Details(),
            "title": highlight(page.title, query_words),
            "snippet": snippet(texts_beyond_title(page), query_words),
        }
        for page in pages
    ]


def search(request):
    kinds = search_kinds()
    kind = {kind.key: kind for kind in kinds}.get(request.GET.get("kind", ""))
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].replace("\x00", "").strip()
    query_words = words(query)[:MAX_WORDS]
    context = {"query": query, "kinds": kinds, "kind": kind, "searched": bool(query_words)}
    if query_words:
        searched = " ".join(query_words)
        pages = searchable_pages()
        every_kind = pages.type(*(option.model for option in kinds)).search(searched)
        results = pages.type(kind.model).search(searched) if kind else every_kind
        # One count of the matches, by kind, serves the tabs and the paging alike (every
        # kind's model has no page models below it, so the kinds' counts add up).
        counts = count_by_kind(every_kind, kinds)
        count = counts[kind.key] if kind else sum(counts.values())
        results_page = paginate(request, results, RESULTS_PER_PAGE, count=count)
        context.update(
            results_page=results_page,
            results=describe(list(results_page.object_list), kinds, query_words),
            tabs=[(option, counts[option.key]) for option in kinds],
            total=sum(counts.values()),
            fewer_words=" ".join(query.split()[:-1]),
            listings=[
                (k.listing_label, k.get_listing_url(request)) for k in kinds if k.get_listing_url
            ],
        )
    response = TemplateResponse(request, "nikrah/search/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
