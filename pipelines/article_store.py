"""The SQLite article store: one file holding articles, their versions, cleaning provenance,
a full-text index and quarantined records.

Needs no crawler::

    from newsclean.pipelines.article_store import ArticleStore

    with ArticleStore.open("newsclean.sqlite3") as store:
        result = store.put(record)  # record: a dict in the Article shape
        result.status  # "new", "updated" or "unchanged"; result.version
        store.get("https://example.com/a")  # latest version, or None
        store.versions("https://example.com/a")  # every version, oldest first
        store.recent(limit=20, site="rt")
        store.search("kremlin talks", limit=10)  # FTS5, best match first
        store.export_jsonl(sys.stdout, site="rt")

API
---
- :meth:`ArticleStore.open` (path, ``create=True``): opens or creates the file, in WAL mode
  with ``synchronous=FULL``; the store is a context manager and has :meth:`~ArticleStore.close`.
- Writing: :meth:`~ArticleStore.put` (upsert + version history, one transaction per call),
  :meth:`~ArticleStore.touch` (mark a URL seen again), :meth:`~ArticleStore.mark_disappeared`
  (a re-check found the page gone: a new version with ``dateDisappeared``),
  :meth:`~ArticleStore.quarantine`.
- Reading: :meth:`~ArticleStore.get`, :meth:`~ArticleStore.state`,
  :meth:`~ArticleStore.versions`, :meth:`~ArticleStore.recent`, :meth:`~ArticleStore.search`,
  :meth:`~ArticleStore.quarantined`, :meth:`~ArticleStore.fingerprint_owner`,
  :meth:`~ArticleStore.counts`, :meth:`~ArticleStore.export_jsonl`.
- Articles are keyed by :func:`article_key`: the record's ``canonicalUrl`` (``url`` when it
  has none).
- :mod:`newsclean.pipelines.store_query` has the read-only queries and text listings of
  ``newsclean store``, taking a path or an open store.

Other tables
------------
Other modules keep their own tables in the same file. Either run ``CREATE TABLE IF NOT
EXISTS ...`` on :attr:`ArticleStore.connection` at start-up, or, for schemas that will
change, call ``store.migrate("component", [script_v1, script_v2, ...])``: each script runs
once, in order, in one transaction, and the component's version is recorded in the
``schema_versions`` table. Write inside ``with store.transaction() as conn:`` so a crash never
leaves half a change. Table names ``articles``, ``article_versions``, ``cleaning_steps``,
``articles_fts``, ``quarantine`` and ``schema_versions`` belong to this module.

Crash safety: every write is one ``BEGIN IMMEDIATE ... COMMIT`` transaction in WAL mode with
``synchronous=FULL``; once a method returns, its data survives a killed process (and a power
cut); a write interrupted half-way is rolled back when the file is next opened.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, TextIO

from newsclean.pipelines.sqlite import immediate_transaction

__all__ = [
    "GONE_STATUSES",
    "ArticleState",
    "ArticleStore",
    "PutResult",
    "SearchHit",
    "StoreError",
    "article_key",
    "summary",
]

DISAPPEARED_COLUMNS = """
    ALTER TABLE articles ADD COLUMN disappeared_at TEXT;
    ALTER TABLE articles ADD COLUMN disappeared_status INTEGER;
"""
"""The columns that say an article's page is gone (both stores' schema v3)."""

GONE_STATUSES = frozenset({404, 410})
"""HTTP statuses that mean an article's page is gone from the site."""

_SCHEMA: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        url TEXT,
        site TEXT,
        headline TEXT,
        published_at TEXT,
        date_modified TEXT,
        fingerprint TEXT,
        version INTEGER NOT NULL,
        duplicate_of TEXT,
        near_duplicate_of TEXT,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX articles_site ON articles (site, published_at);
    CREATE INDEX articles_published ON articles (published_at);
    CREATE INDEX articles_fingerprint ON articles (fingerprint);
    CREATE TABLE article_versions (
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        fingerprint TEXT,
        date_modified TEXT,
        stored_at TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (article_id, version)
    );
    CREATE TABLE cleaning_steps (
        article_id INTEGER NOT NULL,
        version INTEGER NOT NULL,
        position INTEGER NOT NULL,
        cleaner TEXT NOT NULL,
        action TEXT NOT NULL,
        field TEXT,
        block INTEGER,
        reason TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (article_id, version, position),
        FOREIGN KEY (article_id, version)
            REFERENCES article_versions (article_id, version) ON DELETE CASCADE
    );
    CREATE INDEX cleaning_steps_cleaner ON cleaning_steps (cleaner);
    CREATE VIRTUAL TABLE articles_fts USING fts5 (
        headline, description, body, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TABLE quarantine (
        id INTEGER PRIMARY KEY,
        url TEXT,
        reasons TEXT NOT NULL,
        record TEXT NOT NULL,
        stored_at TEXT NOT NULL
    );
    """,
    # v2: a URL lookup (``get``/``versions`` by fetched URL) no longer scans the table.
    """
    CREATE INDEX articles_url ON articles (url);
    """,
    # v3: an article whose page a re-check found gone (HTTP 404/410) says since when.
    DISAPPEARED_COLUMNS,
    # v4: one quarantine row per URL, reasons and content (a run killed before it finished
    # quarantines the same page again on the next run).
    """
    ALTER TABLE quarantine ADD COLUMN digest TEXT;
    CREATE UNIQUE INDEX quarantine_digest ON quarantine (digest);
    """,
)


_RUN_REPORTS: tuple[str, ...] = (
    """
    CREATE TABLE run_reports (
        host TEXT NOT NULL,
        spider TEXT NOT NULL,
        run TEXT NOT NULL,
        start TEXT NOT NULL,
        report TEXT NOT NULL,
        PRIMARY KEY (host, spider, run)
    );
    CREATE INDEX run_reports_start ON run_reports (start);
    """,
)


_FETCH_FIELDS = ("dateDownloaded", "quarantinedAt")
"""Record fields that say when a page was fetched, not what it is: left out of a quarantine
row's identity."""


def quarantine_digest(record: dict[str, Any], reasons: Sequence[str]) -> str:
    """A quarantined record's identity: its URL, its reasons and its content (every field but
    the fetch time), as a hex SHA-256."""
    url = record.get("canonicalUrl") or record.get("url") or record.get("source")
    content = {k: v for k, v in record.items() if k not in _FETCH_FIELDS}
    key = json.dumps([url, sorted(map(str, reasons)), content], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


MAX_SEARCH_TERMS = 32
"""Most terms (words, phrases, prefixes) one search may have."""
MAX_SEARCH_PREFIXES = 8
"""Most ``prefix*`` terms one search may have: each expands over the whole vocabulary (2,000 of
them ran for minutes)."""
MAX_SEARCH_CHARS = 1000
"""Longest search query, in characters."""

_QUERY_TERM = re.compile(r'"[^"]*"?|[^\s"]+')


def check_query(query: str) -> None:
    """:class:`StoreError` naming the bound when ``query`` is longer than
    :data:`MAX_SEARCH_CHARS` or has more than :data:`MAX_SEARCH_TERMS` terms or
    :data:`MAX_SEARCH_PREFIXES` prefix terms."""
    if len(query) > MAX_SEARCH_CHARS:
        raise StoreError(f"search query of {len(query):,} characters: at most {MAX_SEARCH_CHARS} are searched")
    terms = [t for t in _QUERY_TERM.findall(query) if t not in ("OR", "AND", "NOT")]
    prefixes = sum(1 for t in terms if t.endswith("*") and not t.startswith('"'))
    if len(terms) > MAX_SEARCH_TERMS:
        raise StoreError(f"search query of {len(terms)} terms: at most {MAX_SEARCH_TERMS} are searched")
    if prefixes > MAX_SEARCH_PREFIXES:
        raise StoreError(f"search query of {prefixes} prefix terms (word*): at most {MAX_SEARCH_PREFIXES} are searched")


class StoreError(Exception):
    """The store file cannot be opened or queried; the message names the file and the cause."""


def _database_errors() -> tuple[type[Exception], ...]:
    try:
        import psycopg
    except ImportError:
        return (sqlite3.Error,)
    return (sqlite3.Error, psycopg.Error)


DATABASE_ERRORS: tuple[type[Exception], ...] = _database_errors()
"""The errors a store's database can raise (SQLite's, and PostgreSQL's when psycopg is
installed): what a caller catches around a store call besides :class:`StoreError`."""


def is_postgres_url(location: object) -> bool:
    """Whether a store location (``NEWSCLEAN_STORE``, ``--store``) names a PostgreSQL database
    (``postgresql://...`` or ``postgres://...``) rather than an SQLite file."""
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))


def open_store(location: str | os.PathLike[str], *, create: bool = True) -> ArticleStore:
    """Open the store at ``location``: a ``postgresql://`` URL opens the PostgreSQL store
    (:class:`~newsclean.pipelines.pg_store.PostgresStore`), anything else is the path of an
    SQLite file (:meth:`ArticleStore.open`). Both have the same API."""
    if is_postgres_url(location):
        from newsclean.pipelines.pg_store import PostgresStore

        return PostgresStore.open(str(location), create=create)
    return ArticleStore.open(location, create=create)


@dataclass(frozen=True, slots=True)
class PutResult:
    """What :meth:`ArticleStore.put` did with a record."""

    key: str
    version: int
    status: Literal["new", "updated", "unchanged", "disappeared", "still_disappeared"]
    """``new``, ``updated``, ``unchanged`` (:meth:`ArticleStore.put`); ``disappeared`` (a new
    version saying the page is gone) or ``still_disappeared`` (it was gone already:
    :meth:`ArticleStore.mark_disappeared`)."""


@dataclass(frozen=True, slots=True)
class ArticleState:
    """What de-duplication needs to know about the stored latest version of an article."""

    key: str
    url: str | None
    version: int
    fingerprint: str | None
    date_modified: str | None
    disappeared_at: str | None = None
    """When a re-check found the page gone (the latest version says so); ``None`` while it is
    on the site."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One full-text search result."""

    key: str
    headline: str | None
    site: str | None
    datePublished: str | None
    snippet: str
    record: dict[str, Any]


def summary(record: dict[str, Any]) -> str:
    """Two lines describing a stored record, for listings: date, site, version, flags and
    headline, then its canonical URL."""
    flags = []
    if record.get("duplicateOf"):
        flags.append(f"duplicate of {record['duplicateOf']}")
    if record.get("nearDuplicateOf"):
        flags.append(f"near-duplicate of {record['nearDuplicateOf']}")
    if record.get("dateDisappeared"):
        flags.append(f"gone from the site since {record['dateDisappeared']} (HTTP {record.get('disappearedStatus')})")
    first = "  ".join([
        record.get("datePublished") or "(no date)".ljust(25),
        record.get("site") or "-",
        f"v{record.get('version', 1)}",
        record.get("headline") or "(no headline)",
    ])
    where = record.get("canonicalUrl") or record.get("url") or record.get("source") or ""
    return first + "\n    " + where + ("  [" + "; ".join(flags) + "]" if flags else "")


def article_key(record: dict[str, Any]) -> str:
    """The identity of an article: its ``canonicalUrl``, else its ``url`` or ``source``."""
    for field in ("canonicalUrl", "url", "source"):
        value = record.get(field)
        if value:
            return str(value)
    raise ValueError("record has no canonicalUrl, url or source to identify it")


_DISAPPEARED_FIELDS = ("dateDisappeared", "disappearedStatus")


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _utc_sort_key(value: str | None) -> str | None:
    """ISO dates with different offsets do not sort as text: store a UTC copy to sort by."""
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()


def _holds_articles(conn: sqlite3.Connection) -> bool:
    """Whether the database has this module's tables (read without writing to it)."""
    known = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_versions'"
    ).fetchone()
    return known is not None and (
        conn.execute("SELECT 1 FROM schema_versions WHERE component = 'articles'").fetchone() is not None
    )


def _statements(script: str) -> Iterator[str]:
    buffer = ""
    for piece in script.split(";"):
        buffer += piece + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \t\r\n;"):
                yield buffer
            buffer = ""
    if buffer.strip(" \t\r\n;"):
        yield buffer


class ArticleStore:
    """An open store file. Create with :meth:`open`; see the module docstring for the API."""

    dialect = "sqlite"
    """The SQL dialect of :attr:`connection`: ``"sqlite"`` here, ``"postgresql"`` for
    :class:`~newsclean.pipelines.pg_store.PostgresStore`. Both connections take ``?``
    parameters and give rows readable by index and by column name."""

    def __init__(self, connection: Any, path: Path | str) -> None:
        self.connection = connection
        """The underlying connection (autocommit mode: use :meth:`transaction` to write)."""
        self.path = path

    # -- opening ------------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, create: bool = True) -> ArticleStore:
        """Open the store at ``path``; with ``create`` false a missing file, or one that is not
        an article store (another SQLite database, an empty file), is an error and is left
        untouched."""
        target = Path(path).expanduser()
        if not create and not target.is_file():
            raise StoreError(f"{target}: no article store here (run a crawl with NEWSCLEAN_STORE set)")
        conn: sqlite3.Connection | None = None
        try:
            if create:
                target.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(target, isolation_level=None, timeout=30.0)
            if not create and not _holds_articles(conn):
                raise StoreError(f"{target}: not an article store (an SQLite file without newsclean's tables)")
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = FULL")
            conn.execute("PRAGMA foreign_keys = ON")
            store = cls(conn, target)
            store.migrate("articles", _SCHEMA)
        except BaseException as exc:
            if conn is not None:
                conn.close()
            if isinstance(exc, sqlite3.DatabaseError):
                raise StoreError(f"{target}: cannot open the article store: {exc}") from exc
            if isinstance(exc, OSError):
                raise StoreError(f"{target}: {exc.strerror or exc}") from exc
            raise
        return store

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> ArticleStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def transaction(self) -> AbstractContextManager[Any]:
        """``BEGIN IMMEDIATE`` ... ``COMMIT``; rolled back when the block raises."""
        return immediate_transaction(self.connection)

    def migrate(self, component: str, scripts: Sequence[str]) -> int:
        """Bring ``component``'s tables to version ``len(scripts)``: runs each script not yet
        applied, in order, in one transaction. Returns the version now in place."""
        self.connection.execute(
            "CREATE TABLE IF NOT EXISTS schema_versions"
            " (component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
        )
        with self.transaction() as conn:
            row = conn.execute(
                "SELECT version FROM schema_versions WHERE component = ?", (component,)
            ).fetchone()
            current = row[0] if row else 0
            if current > len(scripts):
                raise StoreError(
                    f"{self.path}: {component} tables are at version {current}, newer than this"
                    f" newsclean knows ({len(scripts)}); upgrade newsclean"
                )
            for script in scripts[current:]:
                for statement in _statements(script):
                    conn.execute(statement)
            if current < len(scripts):
                conn.execute(
                    "INSERT INTO schema_versions (component, version) VALUES (?, ?)"
                    " ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                    (component, len(scripts)),
                )
        return len(scripts)

    # -- writing ------------------------------------------------------------------------------

    def put(self, record: dict[str, Any], *, seen_at: str | None = None) -> PutResult:
        """Upsert ``record``: a new key is stored as version 1; a known key whose body
        fingerprint or ``dateModified`` differs from its latest version becomes the next
        version; otherwise only its ``last_seen`` time moves. The stored record carries its
        ``version``. One transaction: all of it is stored, or none."""
        from newsclean.cleaners.normalize import body_fingerprint

        key = article_key(record)
        when = seen_at or _now()
        fingerprint = record.get("fingerprint")
        if fingerprint is None and record.get("articleBody"):
            fingerprint = body_fingerprint(record["articleBody"])  # not normalised upstream
        modified = record.get("dateModified")
        with self.transaction() as conn:
            row = self._locked_article(conn, key, when)
            if (
                row is not None
                and row["fingerprint"] == fingerprint
                and row["date_modified"] == modified
                and row["disappeared_at"] is None  # a page back after it was gone: a new version
            ):
                conn.execute("UPDATE articles SET last_seen = ? WHERE id = ?", (when, row["id"]))
                return PutResult(key, row["version"], "unchanged")
            version = 1 if row is None else row["version"] + 1
            stored = {**record, "version": version}
            for name in _DISAPPEARED_FIELDS:
                stored.pop(name, None)
            owner = self._fingerprint_owner_locked(conn, fingerprint, key) if fingerprint else None
            if owner is not None and not record.get("duplicateOf"):
                stored["duplicateOf"] = owner  # a copy stored at the same moment by another worker
            if fingerprint is not None:
                stored["fingerprint"] = fingerprint
            columns = {
                "url": record.get("url"),
                "site": record.get("site"),
                "headline": record.get("headline"),
                "published_at": _utc_sort_key(record.get("datePublished")),
                "date_modified": modified,
                "fingerprint": fingerprint,
                "version": version,
                "duplicate_of": stored.get("duplicateOf"),
                "near_duplicate_of": record.get("nearDuplicateOf"),
                "last_seen": when,
                "updated_at": when,
                "disappeared_at": None,
                "disappeared_status": None,
            }
            if row is None:
                names = ", ".join(columns)
                marks = ", ".join("?" for _ in columns)
                article_id = conn.execute(
                    f"INSERT INTO articles (key, first_seen, {names}) VALUES (?, ?, {marks}) RETURNING id",
                    (key, when, *columns.values()),
                ).fetchone()[0]
            else:
                article_id = row["id"]
                assignments = ", ".join(f"{name} = ?" for name in columns)
                conn.execute(
                    f"UPDATE articles SET {assignments} WHERE id = ?", (*columns.values(), article_id)
                )
            conn.execute(
                "INSERT INTO article_versions"
                " (article_id, version, fingerprint, date_modified, stored_at, record)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (article_id, version, fingerprint, modified, when, json.dumps(stored, ensure_ascii=False)),
            )
            conn.executemany(
                "INSERT INTO cleaning_steps"
                " (article_id, version, position, cleaner, action, field, block, reason, text)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        article_id, version, position, step.get("cleaner", ""), step.get("action", ""),
                        step.get("field"), step.get("block"), step.get("reason", ""), step.get("text", ""),
                    )
                    for position, step in enumerate(record.get("cleaning") or [])
                ],
            )
            self._index_text(conn, article_id, record)
        return PutResult(key, version, "new" if row is None else "updated")

    def _locked_article(self, conn: Any, key: str, when: str) -> Any:
        """The article row of ``key`` (``id, version, fingerprint, date_modified,
        disappeared_at``), locked against other writers until the transaction ends; None when
        there is none. (SQLite's ``BEGIN IMMEDIATE`` has locked the whole file already.)"""
        return conn.execute(
            "SELECT id, version, fingerprint, date_modified, disappeared_at FROM articles WHERE key = ?", (key,)
        ).fetchone()

    def mark_disappeared(self, url: str, *, status: int, at: str | None = None) -> PutResult | None:
        """Record that a re-check of the article at ``url`` (its key, fetched URL, or a URL that
        canonicalises to its key) found its page gone (HTTP ``status``, 404 or 410, at time
        ``at``, default now): its latest record is stored again as the next version with
        ``dateDisappeared`` and ``disappearedStatus`` (text, cleaning and everything else as
        they were), status ``disappeared``. An article already marked gone keeps its version
        (``still_disappeared``); an unknown URL gives ``None``. When the page comes back,
        :meth:`put` stores it as a new version without those fields."""
        key = self._key_for(url)
        if key is None:
            return None
        when = at or _now()
        with self.transaction() as conn:
            row = self._locked_article(conn, key, when)
            if row is None:  # removed by another writer meanwhile
                return None
            if row["disappeared_at"] is not None:
                conn.execute("UPDATE articles SET last_seen = ? WHERE id = ?", (when, row["id"]))
                return PutResult(key, row["version"], "still_disappeared")
            latest = conn.execute(
                "SELECT record FROM article_versions WHERE article_id = ? AND version = ?",
                (row["id"], row["version"]),
            ).fetchone()
            version = row["version"] + 1
            stored = {**json.loads(latest["record"]), "version": version}
            stored["dateDisappeared"] = when
            stored["disappearedStatus"] = int(status)
            conn.execute(
                "UPDATE articles SET version = ?, disappeared_at = ?, disappeared_status = ?, last_seen = ?,"
                " updated_at = ? WHERE id = ?",
                (version, when, int(status), when, when, row["id"]),
            )
            conn.execute(
                "INSERT INTO article_versions"
                " (article_id, version, fingerprint, date_modified, stored_at, record)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (row["id"], version, row["fingerprint"], row["date_modified"], when,
                 json.dumps(stored, ensure_ascii=False)),
            )
            conn.execute(
                "INSERT INTO cleaning_steps"
                " (article_id, version, position, cleaner, action, field, block, reason, text)"
                " SELECT article_id, ?, position, cleaner, action, field, block, reason, text"
                " FROM cleaning_steps WHERE article_id = ? AND version = ?",
                (version, row["id"], row["version"]),
            )
        return PutResult(key, version, "disappeared")

    def _fingerprint_owner_locked(self, conn: Any, fingerprint: str, key: str) -> str | None:
        """With several writers at once (PostgreSQL), the article that already owns the body
        ``fingerprint``, read under a lock on the fingerprint; None here: SQLite has one writer,
        and the de-duplicate stage has flagged copies already."""
        return None

    def _index_text(self, conn: Any, article_id: int, record: dict[str, Any]) -> None:
        """Put the record's headline, standfirst and body into the full-text index."""
        conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (article_id,))
        conn.execute(
            "INSERT INTO articles_fts (rowid, headline, description, body) VALUES (?, ?, ?, ?)",
            (article_id, record.get("headline"), record.get("description"), record.get("articleBody")),
        )

    def touch(self, key: str, *, seen_at: str | None = None) -> bool:
        """Record that the article ``key`` was seen again unchanged; False when unknown."""
        with self.transaction() as conn:
            cursor = conn.execute(
                "UPDATE articles SET last_seen = ? WHERE key = ?", (seen_at or _now(), key)
            )
        return bool(cursor.rowcount > 0)

    def quarantine(self, record: dict[str, Any], reasons: Sequence[str]) -> int:
        """Keep a record that failed validation, with the reasons; returns its quarantine id.

        Idempotent per URL, reasons and content (:func:`quarantine_digest`): the same page
        quarantined again for the same reasons (a killed run's page, fetched again by the next
        run) keeps its one row, whose ``stored_at`` becomes the latest time."""
        url = record.get("canonicalUrl") or record.get("url") or record.get("source")
        with self.transaction() as conn:
            row = conn.execute(
                "INSERT INTO quarantine (url, reasons, record, stored_at, digest) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (digest) DO UPDATE SET stored_at = excluded.stored_at RETURNING id",
                (url, json.dumps(list(reasons), ensure_ascii=False),
                 json.dumps(record, ensure_ascii=False, default=str), _now(), quarantine_digest(record, reasons)),
            ).fetchone()
        return int(row[0])

    # -- reading ------------------------------------------------------------------------------

    def _key_for(self, url: str) -> str | None:
        # Two lookups, each on an index (key, then fetched URL): no table scan.
        row = self.connection.execute("SELECT key FROM articles WHERE key = ?", (url,)).fetchone()
        if row is None:
            row = self.connection.execute("SELECT key FROM articles WHERE url = ? LIMIT 1", (url,)).fetchone()
        if row is None:
            # A URL as shared (tracking parameters, fragment) still finds its article.
            from newsclean.cleaners.urls import canonical_url

            row = self.connection.execute(
                "SELECT key FROM articles WHERE key = ?", (canonical_url(url),)
            ).fetchone()
        return None if row is None else str(row["key"])

    def state(self, key: str) -> ArticleState | None:
        """The latest stored version's identity, fingerprint and ``dateModified``."""
        row = self.connection.execute(
            "SELECT key, url, version, fingerprint, date_modified, disappeared_at FROM articles WHERE key = ?",
            (key,),
        ).fetchone()
        if row is None:
            return None
        return ArticleState(
            row["key"], row["url"], row["version"], row["fingerprint"], row["date_modified"], row["disappeared_at"]
        )

    def get(self, url: str) -> dict[str, Any] | None:
        """The latest version of the article at ``url`` (its key, fetched URL, or a URL that
        canonicalises to its key)."""
        key = self._key_for(url)
        if key is None:
            return None
        row = self.connection.execute(
            "SELECT v.record FROM articles a JOIN article_versions v"
            " ON v.article_id = a.id AND v.version = a.version WHERE a.key = ?",
            (key,),
        ).fetchone()
        return None if row is None else dict(json.loads(row["record"]))

    def versions(self, url: str) -> list[dict[str, Any]]:
        """Every stored version of the article at ``url``, oldest first."""
        key = self._key_for(url)
        rows = self.connection.execute(
            "SELECT v.record FROM articles a JOIN article_versions v ON v.article_id = a.id"
            " WHERE a.key = ? ORDER BY v.version",
            (key,),
        ).fetchall()
        return [json.loads(r["record"]) for r in rows]

    def fingerprint_owner(self, fingerprint: str, *, exclude: str | None = None) -> str | None:
        """Key of the first-stored article whose latest body has ``fingerprint``."""
        row = self.connection.execute(
            "SELECT key FROM articles WHERE fingerprint = ? AND key <> ?"
            " ORDER BY duplicate_of IS NOT NULL, first_seen, id LIMIT 1",
            (fingerprint, "" if exclude is None else exclude),
        ).fetchone()
        return None if row is None else str(row["key"])

    def recent(
        self, *, limit: int = 20, site: str | None = None, since: str | None = None
    ) -> list[dict[str, Any]]:
        """Latest versions, newest first by publication time (first-seen time when a record
        has no date); ``site`` narrows to one site profile, ``since`` (ISO 8601) to articles
        published or first seen at or after that time."""
        where, params = self._filters(site, since)
        rows = self.connection.execute(
            "SELECT v.record FROM articles a JOIN article_versions v"
            " ON v.article_id = a.id AND v.version = a.version"
            f" {where} ORDER BY COALESCE(a.published_at, a.first_seen) DESC, a.id DESC LIMIT ?",
            (*params, limit),
        ).fetchall()
        return [json.loads(r["record"]) for r in rows]

    def search(self, query: str, *, limit: int = 20, site: str | None = None) -> list[SearchHit]:
        """Full-text search of headlines, standfirsts and bodies (FTS5 syntax: words, "a
        phrase", OR, NOT, prefix*); words that are not valid syntax are searched as words.
        A query over the bounds of :func:`check_query` raises :class:`StoreError`."""
        check_query(query)
        try:
            return self._search(query, limit, site)
        except sqlite3.OperationalError:
            words = " ".join('"' + w.replace('"', '""') + '"' for w in query.split())
            try:
                return self._search(words, limit, site)
            except sqlite3.OperationalError as exc:
                raise StoreError(f"cannot search for {query!r}: {exc}") from exc

    def _search(self, match: str, limit: int, site: str | None) -> list[SearchHit]:
        site_clause = "AND a.site = ?" if site else ""
        params: tuple[Any, ...] = (match, site, limit) if site else (match, limit)
        rows = self.connection.execute(
            "SELECT a.key, a.headline, a.site, v.record,"
            " snippet(articles_fts, 2, '[', ']', '…', 16) AS snippet"
            " FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " JOIN article_versions v ON v.article_id = a.id AND v.version = a.version"
            f" WHERE articles_fts MATCH ? {site_clause} ORDER BY bm25(articles_fts) LIMIT ?",
            params,
        ).fetchall()
        hits = []
        for r in rows:
            record = json.loads(r["record"])
            snippet = " ".join(r["snippet"].split())
            hits.append(SearchHit(r["key"], r["headline"], r["site"], record.get("datePublished"), snippet, record))
        return hits

    def quarantined(self, *, limit: int = 20) -> list[dict[str, Any]]:
        """The latest quarantined records: ``{"url", "reasons", "record", "stored_at"}``."""
        rows = self.connection.execute(
            "SELECT url, reasons, record, stored_at FROM quarantine ORDER BY id DESC LIMIT ?", (limit,)
        ).fetchall()
        return [
            {"url": r["url"], "reasons": json.loads(r["reasons"]), "record": json.loads(r["record"]),
             "stored_at": r["stored_at"]}
            for r in rows
        ]

    def add_run_report(self, report: dict[str, Any], *, host: str | None = None) -> None:
        """Keep a ``newsclean crawl`` run report (``run``, ``spider``, ``start`` ...) in the
        ``run_reports`` table, so the reports of workers on every host are in one place."""
        import socket

        self.migrate("run_reports", _RUN_REPORTS)
        with self.transaction() as conn:
            conn.execute(
                "INSERT INTO run_reports (host, spider, run, start, report) VALUES (?, ?, ?, ?, ?)"
                " ON CONFLICT (host, spider, run) DO UPDATE SET report = excluded.report",
                (host or socket.gethostname(), str(report.get("spider") or ""), str(report.get("run") or ""),
                 str(report.get("start") or ""), json.dumps(report, ensure_ascii=False, default=str)),
            )

    def run_reports(self, *, spider: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
        """The latest run reports kept in the store (newest first), each with its ``host``."""
        self.migrate("run_reports", _RUN_REPORTS)
        where, params = ("WHERE spider = ?", (spider,)) if spider else ("", ())
        rows = self.connection.execute(
            f"SELECT host, report FROM run_reports {where} ORDER BY start DESC, run DESC LIMIT ?", (*params, limit)
        ).fetchall()
        return [{"host": r["host"], **json.loads(r["report"])} for r in rows]

    def counts(self) -> dict[str, int]:
        """Numbers of articles, versions, duplicates, near-duplicates, quarantined records and
        articles whose page is gone."""
        one = self.connection.execute
        return {
            "articles": one("SELECT count(*) FROM articles").fetchone()[0],
            "versions": one("SELECT count(*) FROM article_versions").fetchone()[0],
            "duplicates": one("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchone()[0],
            "near_duplicates": one(
                "SELECT count(*) FROM articles WHERE near_duplicate_of IS NOT NULL"
            ).fetchone()[0],
            "quarantined": one("SELECT count(*) FROM quarantine").fetchone()[0],
            "disappeared": one("SELECT count(*) FROM articles WHERE disappeared_at IS NOT NULL").fetchone()[0],
        }

    def export_jsonl(
        self,
        out: TextIO,
        *,
        site: str | None = None,
        since: str | None = None,
        all_versions: bool = False,
    ) -> int:
        """Write records as JSON Lines, oldest first (latest versions only unless
        ``all_versions``); returns how many were written."""
        where, params = self._filters(site, since)
        join = "" if all_versions else "AND v.version = a.version"
        rows = self.connection.execute(
            f"SELECT v.record FROM articles a JOIN article_versions v ON v.article_id = a.id {join}"
            f" {where} ORDER BY a.id, v.version",
            params,
        )
        written = 0
        for row in rows:
            out.write(row["record"] + "\n")
            written += 1
        return written

    @staticmethod
    def _filters(site: str | None, since: str | None) -> tuple[str, tuple[Any, ...]]:
        clauses: list[str] = []
        params: list[Any] = []
        if site:
            clauses.append("a.site = ?")
            params.append(site)
        if since:
            key = _utc_sort_key(since)
            if key is None:
                raise StoreError(f"--since {since!r} is not an ISO 8601 date")
            clauses.append("COALESCE(a.published_at, a.first_seen) >= ?")
            params.append(key)
        return ("WHERE " + " AND ".join(clauses)) if clauses else "", tuple(params)
