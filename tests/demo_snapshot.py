"""The demo content, loaded once per test process and copied into each test that needs it.

Loading the demo runs the whole site (pages, revisions, workflows, the search index) and
takes seconds; copying its rows back takes a few hundredths of one. A snapshot copies every
table into a schema (PostgreSQL) or an attached in-memory database (SQLite) beside the test
database; restoring it replaces the rows of every table inside the current transaction, so
a test that rolls back leaves the database as it found it.
"""

import io

from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

SKIPPED_TABLES = {"django_migrations"}


def tables():
    """Every table with rows of its own. SQLite's full-text tables (Wagtail's search index)
    are kept by triggers on the index table, so they are left to those triggers."""
    full_text = []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
            full_text = [name for (name,) in cursor.fetchall()]
    return [
        name
        for name in connection.introspection.table_names()
        if name not in SKIPPED_TABLES
        and not name.startswith("sqlite_")
        and not any(name == table or name.startswith(f"{table}_") for table in full_text)
    ]


def quote(name):
    return connection.ops.quote_name(name)


class Snapshot:
    """The rows of every table at one moment, kept under ``schema``."""

    def __init__(self, schema):
        self.schema = schema
        self.tables = tables()

    @classmethod
    def take(cls, schema):
        """Copy every table; call outside any transaction (the copy must outlive tests)."""
        snapshot = cls(schema)
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute(f"ATTACH DATABASE ':memory:' AS {schema}")
            else:
                cursor.execute(f"DROP SCHEMA IF EXISTS {schema} CASCADE")
                cursor.execute(f"CREATE SCHEMA {schema}")
            for table in snapshot.tables:
                cursor.execute(
                    f"CREATE TABLE {schema}.{quote(table)} AS SELECT * FROM {quote(table)}"
                )
        return snapshot

    def restore(self):
        """Put the snapshot's rows back in every table, and forget what was cached."""
        with transaction.atomic(), connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                # Rows go back table by table; foreign keys are checked once, at the end.
                cursor.execute("PRAGMA defer_foreign_keys = ON")
                for table in self.tables:
                    cursor.execute(f"DELETE FROM {quote(table)}")
            else:
                # Django's foreign keys on PostgreSQL are checked at the end of the
                # transaction, so the order of the tables does not matter.
                cursor.execute(f"TRUNCATE {', '.join(quote(table) for table in self.tables)}")
            for table in self.tables:
                cursor.execute(
                    f"INSERT INTO {quote(table)} SELECT * FROM {self.schema}.{quote(table)}"
                )
            if connection.vendor != "sqlite":
                for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                    cursor.execute(sql)
        # Content types keep their ids in every snapshot (migrations made them), so their
        # cache stays right; Django's cache (Wagtail's site root paths…) does not.
        cache.clear()


_snapshots = {}


def demo_snapshot():
    """The demo as ``load_demo`` leaves it, taken the first time a test process asks; the
    database is then put back as migrations left it."""
    if "demo" not in _snapshots:
        _snapshots["migrated"] = Snapshot.take("nikrah_migrated")
        call_command("load_demo", stdout=io.StringIO())
        _snapshots["demo"] = Snapshot.take("nikrah_demo")
        _snapshots["migrated"].restore()
    return _snapshots["demo"]
