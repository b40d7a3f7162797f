"""Serialising writers that decide on a count: "at most N per address" must hold when many
requests arrive at once, which a count read outside a lock cannot promise."""

import hashlib

from django.db import connection


def lock_for_transaction(name):
    """Wait until no other transaction holds the lock ``name``; it is held until the current
    transaction ends. Call it inside ``transaction.atomic()``, before reading the count.

    PostgreSQL: a transaction-level advisory lock on a 64-bit key derived from ``name``.
    SQLite: every transaction already takes the database's write lock when it begins
    (``transaction_mode`` IMMEDIATE in the settings), so writers are serialised anyway.
    """
    if not connection.in_atomic_block:
        raise RuntimeError("lock_for_transaction() needs a transaction")
    if connection.vendor == "postgresql":
        key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
