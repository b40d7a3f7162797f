"""PostgreSQL full-text search with Persian queries: the ``simple`` configuration (there
is no Persian one, and unset PostgreSQL would stem Persian words as English), every word a
word's beginning, and the weights of the fields' boosts (title, summary, body)."""

from django.contrib.postgres.search import SearchQuery
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


class PersianPostgresSearchBackend(PersianSearchMixin, PostgresSearchBackend):
    query_compiler_class = PrefixSearchQueryCompiler

    def __init__(self, params):
        super().__init__({**params, "SEARCH_CONFIG": SEARCH_CONFIG})
