"""PostgreSQL full-text search with Persian queries: the ``simple`` configuration (there
is no Persian one, and unset PostgreSQL would stem Persian words as English), every word a
word's beginning, and the weights of the fields' boosts (title, summary, body).

Wagtail's compiler matches the title and the body of the index as one vector
(``title || body @@ query``), which no index can serve: every search read every entry. Here
a plain query matches each word in the title or in the body, each with its own GIN index
(the same pages: a word of an AND query may be in either), and only the matches are
ranked."""

import functools
import operator

from django.contrib.postgres.search import SearchQuery
from django.db.models import Q
from modelsearch.backends.database.postgres.postgres import (
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

from nikrah.search.backends.base import PersianSearchMixin, combine

SEARCH_CONFIG = "simple"


class PrefixSearchQueryCompiler(PostgresSearchQueryCompiler):
    """Each word of a plain query matches the words it begins (``'word':*``)."""

    def build_tsquery_content(self, query, config=None, invert=False):
        if not isinstance(query, PlainText):
            return super().build_tsquery_content(query, config=config, invert=invert)
        words = query.query_string.split()
        if not words:
            return None
        lexemes = [Lexeme(word, invert=invert, prefix=True) for word in words]
        return SearchQuery(combine(lexemes, query.operator), search_type="raw", config=config)

    def search(self, config, start, stop, score_field=None, backend=None):
        words = self.query.query_string.split() if isinstance(self.query, PlainText) else []
        if not words or self.fields is not None:
            return super().search(config, start, stop, score_field=score_field, backend=backend)
        search_query = self.build_tsquery(self.query, config=config)
        rank_expression = self._build_rank_expression(self.get_search_vectors(search_query), config)

        def in_title_or_body(word):
            lexeme = SearchQuery(Lexeme(word, prefix=True), search_type="raw", config=config)
            return Q(index_entries__title=lexeme) | Q(index_entries__body=lexeme)

        combine_words = operator.and_ if self.query.operator.lower() == "and" else operator.or_
        matching = functools.reduce(combine_words, map(in_title_or_body, words))
        queryset = self.queryset.filter(matching)
        return self._apply_ordering_and_scoring(queryset, rank_expression, start, stop, score_field)


class PersianPostgresSearchBackend(PersianSearchMixin, PostgresSearchBackend):
    query_compiler_class = PrefixSearchQueryCompiler

    def __init__(self, params):
        super().__init__({**params, "SEARCH_CONFIG": SEARCH_CONFIG})
