"""Rows built once per test process and copied into each test that needs them: the rows
migrations wrote, the demo content, and the small worlds a module's tests share.

Loading the demo or building a world runs the whole site (pages, revisions, workflows, the
search index) and takes up to seconds; copying its rows back takes a few hundredths of one.
A snapshot copies every table beside the test database: into a schema of its own
(PostgreSQL) or, under a prefix, into one attached in-memory database (SQLite). Restoring it
replaces the rows of every table inside the current transaction, so a test that rolls back
leaves the database as it found it.
"""

import copy
import io

import pytest
from django.apps import apps
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

SKIPPED_TABLES = {"django_migrations"}
# SQLite attaches at most ten databases: every snapshot lives in this one.
SQLITE_SNAPSHOTS = "nikrah_snapshots"


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
    """The rows of every table at one moment, kept under ``name``."""

    def __init__(self, name):
        self.name = name
        self.tables = tables()

    def copy_of(self, table):
        if connection.vendor == "sqlite":
            return f"{SQLITE_SNAPSHOTS}.{quote(f'{self.name}__{table}')}"
        return f"{self.name}.{quote(table)}"

    @classmethod
    def take(cls, name):
        """Copy every table; call outside any transaction (the copy must outlive tests)."""
        snapshot = cls(name)
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA database_list")
                if SQLITE_SNAPSHOTS not in {row[1] for row in cursor.fetchall()}:
                    cursor.execute(f"ATTACH DATABASE ':memory:' AS {SQLITE_SNAPSHOTS}")
            else:
                cursor.execute(f"DROP SCHEMA IF EXISTS {name} CASCADE")
                cursor.execute(f"CREATE SCHEMA {name}")
            for table in snapshot.tables:
                cursor.execute(
                    f"CREATE TABLE {snapshot.copy_of(table)} AS SELECT * FROM {quote(table)}"
                )
        return snapshot

    def restore(self):
        """Put the snapshot's rows back in every table, and forget what was cached."""
        with transaction.atomic(), connection.cursor() as cursor:
            # Rows go back table by table; foreign keys are checked once, at the end.
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA defer_foreign_keys = ON")
            else:
                # Django's foreign keys on PostgreSQL are deferrable: check what earlier
                # statements of the transaction left pending, then defer the rest. DELETE,
                # not TRUNCATE: for tables this small it is ten times faster.
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table in self.tables:
                cursor.execute(f"DELETE FROM {quote(table)}")
            for table in self.tables:
                cursor.execute(f"INSERT INTO {quote(table)} SELECT * FROM {self.copy_of(table)}")
            if connection.vendor != "sqlite":
                for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                    cursor.execute(sql)
        # Content types keep their ids in every snapshot (migrations made them), so their
        # cache stays right; Django's cache (Wagtail's site root paths…) does not.
        cache.clear()


_snapshots = {}


def migrated_snapshot():
    """The rows migrations wrote, taken once per test process, as soon as it has a test
    database and before anything else writes to it."""
    if "migrated" not in _snapshots:
        _snapshots["migrated"] = Snapshot.take("nikrah_migrated")
    return _snapshots["migrated"]


def built_once(name, build):
    """Run ``build()`` on the rows migrations wrote, keep the rows it leaves as the
    snapshot ``name`` with what it returned, then put the migrated rows back."""
    if name not in _snapshots:
        migrated = migrated_snapshot()
        migrated.restore()
        value = build()
        _snapshots[name] = (Snapshot.take(f"nikrah_{name}"), value)
        migrated.restore()
    return _snapshots[name]


def demo_snapshot():
    """The demo as ``load_demo`` leaves it."""

    def load_demo():
        call_command("load_demo", stdout=io.StringIO())

    return built_once("demo", load_demo)[0]


class SharedRows:
    """Rows built once, and what their build returned."""

    def __init__(self, snapshot, value):
        self.snapshot, self.value = snapshot, value

    def fresh(self):
        """The rows back in the database, and a deep copy of the build's value: no test
        sees another's changes, in the database or in memory."""
        self.snapshot.restore()
        return copy.deepcopy(self.value)


def shared_rows(build):
    """A session-scoped fixture that runs ``build(home_page)`` once per test process, on
    the rows migrations wrote; a test's own fixture asks it for ``fresh()`` rows::

        network_rows = shared_rows(build_network)

        @pytest.fixture
        def network(network_rows, db):
            return network_rows.fresh()

    ``build`` depends on nothing but the home page: no other fixture, and nothing a test
    changes (settings, the time)."""
    name = f"{build.__module__.rpartition('.')[2]}_{build.__name__}"

    @pytest.fixture(scope="session")
    def rows(django_db_setup, django_db_blocker):
        from wagtail.models import Site

        def build_on_home_page():
            return build(Site.objects.get(is_default_site=True).root_page.specific)

        with django_db_blocker.unblock():
            return SharedRows(*built_once(name, build_on_home_page))

    return rows
