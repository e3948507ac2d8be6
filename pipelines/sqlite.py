"""What the SQLite store and the SQLite site memory share: their write transaction."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["immediate_transaction"]


@contextmanager
def immediate_transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (the write lock is taken at the start, so two writers
    wait rather than fail mid-way); rolled back when the block raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        if conn.in_transaction:  # SQLite has rolled back itself on SQLITE_FULL: keep its error
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")
