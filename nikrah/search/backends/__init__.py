"""Wagtail's database search backend, taught Persian.

``WAGTAILSEARCH_BACKENDS`` points here. The backend is Wagtail's own for the database in
use (SQLite's FTS5 for ``make run``, PostgreSQL's full-text search in production; the
module of one engine cannot even be imported on the other), with three changes, the same
on both:

- every query is spelled by ``nikrah.search.normalise`` before it is compiled, as the
  indexed text was (``nikrah.search.index``); whatever a person types becomes letters,
  digits and spaces, so no query can break the engine's query syntax;
- each word of a query is a word's beginning (مهرورز finds مهرورزان);
- a match in a title ranks above one in a summary, above one in the body.
"""

from django.db import connection
from modelsearch.backends import database


def SearchBackend(params):
    """The backend for the default database, chosen as Wagtail's database backend does."""
    if connection.vendor == "postgresql":
        from nikrah.search.backends.postgres import PersianPostgresSearchBackend

        return PersianPostgresSearchBackend(params)
    backend = database.SearchBackend(params)  # also finds out whether SQLite has FTS5
    if connection.vendor == "sqlite" and database.USE_SQLITE_FTS:
        from nikrah.search.backends.sqlite import PersianSQLiteSearchBackend

        return PersianSQLiteSearchBackend(params)
    return backend
