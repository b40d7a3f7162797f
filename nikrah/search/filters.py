"""The site's search as a listing filter: ``/charities/?q=``, ``/opportunities/?q=`` and
``/news/?q=`` narrow their lists to what site search finds, with the same normalisation
and the same index, and keep their own order and other filters."""

from nikrah.search.normalise import words

MAX_QUERY_LENGTH = 100


def matching(queryset, query):
    """``queryset`` narrowed to the pages the search index finds for ``query``; unchanged
    for a query with no words in it."""
    query = " ".join(words(str(query)[:MAX_QUERY_LENGTH]))
    if not query:
        return queryset
    found = queryset.model.objects.search(query, order_by_relevance=False)
    return queryset.filter(pk__in=found.get_queryset().order_by().values("pk"))
