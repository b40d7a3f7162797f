"""SQLite FTS5 with Persian queries: every word a word's beginning (``"word"*``), and a
ranking that weighs the table's columns, so that a match in a title ranks above one in a
summary (indexed in the autocomplete column too, see ``nikrah.search.index``) above one in
the body, as the boosts do on PostgreSQL."""

from django.db.models import FloatField, Func
from modelsearch.backends.database.sqlite.query import (
    Lexeme,
    SearchQueryExpression,
    SQLiteFTSIndexEntry,
)
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import PlainText

from nikrah.search.backends.base import PersianSearchMixin, combine

# bm25() weights of the FTS5 table's columns in their order: autocomplete (titles and
# summaries), body (summaries and bodies), title.
COLUMN_WEIGHTS = (2.0, 1.0, 6.0)


class WeightedBM25(Func):
    """FTS5's bm25() rank with a weight per column (lower is better)."""

    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        weights = ", ".join(str(weight) for weight in COLUMN_WEIGHTS)
        return f"bm25({SQLiteFTSIndexEntry._meta.db_table}, {weights})", []


class PrefixSearchQueryCompiler(SQLiteSearchQueryCompiler):
    """Each word of a plain query matches the words it begins, in all three columns."""

    FTS_TABLE_FIELDS = ["title", "body", "autocomplete"]

    def build_search_query_content(self, query, config=None):
        if not isinstance(query, PlainText):
            return super().build_search_query_content(query, config=config)
        words = query.query_string.split()
        if not words:
            return None
        lexemes = [Lexeme(word, prefix=True) for word in words]
        return SearchQueryExpression(combine(lexemes, query.operator), config=config)

    def _build_rank_expression(self, vectors, config):
        return WeightedBM25()


class PersianSQLiteSearchBackend(PersianSearchMixin, SQLiteSearchBackend):
    query_compiler_class = PrefixSearchQueryCompiler
