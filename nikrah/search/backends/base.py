"""What the Persian backends of both engines share: queries spelled as the index is."""

from modelsearch.query import And, Not, Or, Phrase, PlainText

from nikrah.search.normalise import normalise


def normalise_query(query):
    """A query with every text in it normalised; a string stays a string."""
    if isinstance(query, str):
        return normalise(query)
    if isinstance(query, PlainText):
        return PlainText(normalise(query.query_string), operator=query.operator)
    if isinstance(query, Phrase):
        return Phrase(normalise(query.query_string))
    if isinstance(query, (And, Or)):
        return type(query)([normalise_query(subquery) for subquery in query.subqueries])
    if isinstance(query, Not):
        return Not(normalise_query(query.subquery))
    return query


def combine(lexemes, operator):
    """Lexemes joined by the query's operator ("and" or "or", in either case)."""
    combined = lexemes[0]
    for lexeme in lexemes[1:]:
        combined = combined & lexeme if operator.lower() == "and" else combined | lexeme
    return combined


class PersianSearchMixin:
    """Normalises each query before Wagtail's backend compiles it."""

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(
            query_compiler_class, normalise_query(query), model_or_queryset, **kwargs
        )
