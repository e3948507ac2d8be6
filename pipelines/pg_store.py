"""The PostgreSQL article store: the SQLite store's API on a database many crawl workers share.

Selected by a store URL instead of a path (``NEWSCLEAN_STORE=postgresql://user@host/db``,
``newsclean crawl --store postgresql://...``): :func:`~newsclean.pipelines.article_store.open_store`
opens it, and every component that keeps tables in the store (de-duplication and its
near-duplicate index, the incremental crawl's ``crawl_seen``, the site memory, the run
reports) keeps them in the same database::

    from newsclean.pipelines.article_store import open_store

    with open_store("postgresql://newsclean@db.internal/news") as store:
        store.put(record)
        store.search("kremlin talks")  # tsvector + GIN, ranked by ts_rank_cd

What differs from the SQLite store
----------------------------------
- **Concurrency.** Any number of processes on any hosts write at once. A version bump is
  race-free: :meth:`PostgresStore.put` takes a transaction-scoped advisory lock on the
  article's key before reading its latest version, so two workers storing the same article
  make versions 1 and 2 (or 1 and "unchanged"), never two version 1s; an exact copy stored
  at the same moment by two workers under two URLs is serialised the same way by its body
  fingerprint, so exactly one of them is the original.
- **Full-text search.** ``articles.search`` is a ``tsvector`` (headline weight A,
  standfirst B, body C; the ``newsclean`` configuration: ``simple`` with accents folded, no
  stemming, any language) with a GIN
  index; hits are ranked by ``ts_rank_cd`` and the snippet is ``ts_headline``'s. The query
  syntax is the SQLite store's (words, ``"a phrase"``, ``OR``, ``NOT``, ``prefix*``).
- **Migrations** are versioned per component in ``schema_versions`` as in SQLite and run
  under an advisory lock, so workers starting together migrate once.
- **Connections** come from a small per-process pool (:func:`connection`): opening the
  store again (each pipeline stage, each ``newsclean store`` query) reuses an idle
  connection. psycopg 3 is used synchronously, like ``sqlite3``: Scrapy's item pipelines
  call the store one record at a time and a round trip on a LAN costs well under a
  millisecond, so an async driver would add an event-loop bridge for no gain.

Times are kept as ISO 8601 text, as in SQLite, so both stores sort and filter alike.
"""

from __future__ import annotations

import atexit
import re
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from newsclean.pipelines.article_store import DISAPPEARED_COLUMNS, ArticleStore, SearchHit, StoreError, check_query

__all__ = ["PgConnection", "PostgresStore", "connect", "redact", "tsquery"]

SCHEMA: tuple[str, ...] = (
    """
    CREATE TABLE articles (
        id BIGSERIAL PRIMARY KEY,
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
        updated_at TEXT NOT NULL,
        search TSVECTOR
    );
    CREATE INDEX articles_site ON articles (site, published_at);
    CREATE INDEX articles_published ON articles (published_at);
    CREATE INDEX articles_fingerprint ON articles (fingerprint);
    CREATE INDEX articles_url ON articles (url);
    CREATE INDEX articles_search ON articles USING GIN (search);
    CREATE TABLE article_versions (
        article_id BIGINT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        fingerprint TEXT,
        date_modified TEXT,
        stored_at TEXT NOT NULL,
        record TEXT NOT NULL,
        PRIMARY KEY (article_id, version)
    );
    CREATE TABLE cleaning_steps (
        article_id BIGINT NOT NULL,
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
    CREATE TABLE quarantine (
        id BIGSERIAL PRIMARY KEY,
        url TEXT,
        reasons TEXT NOT NULL,
        record TEXT NOT NULL,
        stored_at TEXT NOT NULL
    );
    """,
    # (The SQLite store's v2 adds the url index, which v1 has here.)
    "SELECT 1",
    DISAPPEARED_COLUMNS,
    # v4: one quarantine row per URL, reasons and content (see ArticleStore.quarantine).
    "ALTER TABLE quarantine ADD COLUMN digest TEXT; CREATE UNIQUE INDEX quarantine_digest ON quarantine (digest)",
)

_MIGRATION_LOCK = 0x6E657773636C6E  # "newscln": one advisory lock key for all migrations
_MAX_INDEXED = 400_000
"""Characters of a body put into the tsvector (PostgreSQL caps a tsvector at 1 MB)."""


def redact(url: str) -> str:
    """The URL without its password, for messages and reports."""
    return re.sub(r"^(\w+://[^:/@]*):[^@]*@", r"\1:***@", url)


class _Row(tuple):  # type: ignore[type-arg]
    """A result row readable by index and by column name, like ``sqlite3.Row``."""

    _names: dict[str, int]

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self._names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any) -> Any:
    description = cursor.description
    if description is None:
        return tuple
    names = {column.name: i for i, column in enumerate(description)}

    def make(values: Sequence[Any]) -> _Row:
        row = _Row(values)
        row._names = names
        return row

    return make


_PARAM = re.compile(r"\?")


def _sql(query: str) -> str:
    """``?`` placeholders (the SQLite style the shared queries use) as psycopg's ``%s``."""
    return _PARAM.sub("%s", query.replace("%", "%%"))


class PgConnection:
    """A psycopg connection that takes the shared queries' ``?`` placeholders."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def execute(self, query: str, params: Sequence[Any] | None = None) -> Any:
        if params is None:
            return self.raw.execute(query)
        return self.raw.execute(_sql(query), params)

    def executemany(self, query: str, rows: Sequence[Sequence[Any]]) -> Any:
        cursor = self.raw.cursor()
        cursor.executemany(_sql(query), rows)
        return cursor


# -- connections --------------------------------------------------------------------------------

_idle: dict[str, list[Any]] = {}
_pool_lock = threading.Lock()
_POOL_SIZE = 8
"""Idle connections kept per database and process."""


def connect(url: str) -> Any:
    """A new autocommit psycopg connection to ``url``; ``StoreError`` naming the (redacted) URL
    when the server cannot be reached or refuses."""
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - psycopg is a dependency
        raise StoreError(f"{redact(url)}: the PostgreSQL store needs psycopg (pip install 'psycopg[binary]')") from exc
    try:
        return psycopg.connect(
            url, autocommit=True, row_factory=_row_factory, connect_timeout=10,
            # A host that vanishes (power, network) loses its sessions, and so its run lock,
            # within about a minute.
            keepalives=1, keepalives_idle=30, keepalives_interval=10, keepalives_count=3,
        )
    except psycopg.Error as exc:
        message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(f"{redact(url)}: cannot connect to PostgreSQL: {message}") from exc


def _checkout(url: str) -> Any:
    with _pool_lock:
        idle = _idle.get(url) or []
        while idle:
            conn = idle.pop()
            if not conn.closed:
                return conn
    return connect(url)


def _checkin(url: str, conn: Any) -> None:
    import psycopg

    if conn.closed:
        return
    if conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
        conn.close()  # a broken or unfinished transaction: never hand it out again
        return
    with _pool_lock:
        idle = _idle.setdefault(url, [])
        if len(idle) < _POOL_SIZE:
            idle.append(conn)
            return
    conn.close()


@atexit.register
def _close_idle() -> None:
    with _pool_lock:
        for idle in _idle.values():
            for conn in idle:
                conn.close()
        _idle.clear()


# -- full-text queries ------------------------------------------------------------------------

_TOKEN = re.compile(r'"[^"]*"?|\S+')
_WORD = re.compile(r"\w+")


def _lexemes(text: str) -> list[str]:
    return ["'" + w.lower().replace("'", "''") + "'" for w in _WORD.findall(text)]


def tsquery(query: str) -> str:
    """The SQLite store's search syntax (words, ``"a phrase"``, ``OR``, ``NOT``, ``prefix*``)
    as a ``to_tsquery('newsclean', ...)`` expression; empty when the query has no word."""
    terms: list[str] = []
    joiner = " & "
    negate = False
    for token in _TOKEN.findall(query):
        if token in ("OR", "AND", "NOT"):
            if token == "OR" and terms:
                joiner = " | "
            elif token == "NOT" and terms:
                negate = True
            continue
        prefix = token.endswith("*") and not token.startswith('"')
        words = _lexemes(token)
        if not words:
            continue
        if prefix:
            words[-1] += ":*"
        term = words[0] if len(words) == 1 else "(" + " <-> ".join(words) + ")"
        if negate:
            term = "!" + term
            negate = False
        terms.append(term if not terms else joiner + term)
        joiner = " & "
    return "".join(terms)


class PostgresStore(ArticleStore):
    """An open PostgreSQL store; see :class:`~newsclean.pipelines.article_store.ArticleStore`
    for the API (the same), and the module docstring for what differs."""

    dialect = "postgresql"

    def __init__(self, connection: PgConnection, url: str) -> None:
        super().__init__(connection, redact(url))
        self.url = url

    @classmethod
    def open(cls, path: Any, *, create: bool = True) -> PostgresStore:
        """Open the store in the database at the URL ``path``; with ``create`` false a database
        without newsclean's tables is an error and is left untouched."""
        url = str(path)
        raw = _checkout(url)
        store = cls(PgConnection(raw), url)
        try:
            if not create and not store._holds_articles():
                raise StoreError(f"{store.path}: not an article store (a database without newsclean's tables)")
            store.migrate("articles", SCHEMA)
        except BaseException as exc:
            store.close()
            import psycopg

            if isinstance(exc, psycopg.Error):
                raise StoreError(f"{store.path}: cannot open the article store: {exc}") from exc
            raise
        return store

    def close(self) -> None:
        raw = self.connection.raw
        if raw is not None:
            self.connection.raw = None
            _checkin(self.url, raw)

    def _holds_articles(self) -> bool:
        if self.connection.execute("SELECT to_regclass('schema_versions')").fetchone()[0] is None:
            return False
        return (
            self.connection.execute("SELECT 1 FROM schema_versions WHERE component = 'articles'").fetchone()
            is not None
        )

    @contextmanager
    def transaction(self) -> Iterator[PgConnection]:
        """One PostgreSQL transaction (``BEGIN`` ... ``COMMIT``), rolled back when the block raises."""
        with self.connection.raw.transaction():
            yield self.connection

    def migrate(self, component: str, scripts: Sequence[str]) -> int:
        """As :meth:`ArticleStore.migrate`; workers migrating at once wait for each other."""
        with self.transaction() as conn:
            conn.execute("SELECT pg_advisory_xact_lock(?)", (_MIGRATION_LOCK,))
            conn.execute(
                "CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL)"
            )
            row = conn.execute("SELECT version FROM schema_versions WHERE component = ?", (component,)).fetchone()
            current = row[0] if row else 0
            if current > len(scripts):
                raise StoreError(
                    f"{self.path}: {component} tables are at version {current}, newer than this"
                    f" newsclean knows ({len(scripts)}); upgrade newsclean"
                )
            if component == "articles" and current == 0:
                self._create_text_config(conn)
            for script in scripts[current:]:
                conn.execute(script)
            if current < len(scripts):
                conn.execute(
                    "INSERT INTO schema_versions (component, version) VALUES (?, ?)"
                    " ON CONFLICT (component) DO UPDATE SET version = excluded.version",
                    (component, len(scripts)),
                )
        return len(scripts)

    @staticmethod
    def _create_text_config(conn: PgConnection) -> None:
        """The ``newsclean`` text search configuration: ``simple`` (no stemming: the sites are in
        many languages) with accents folded by the ``unaccent`` extension when the server has
        it (Debian's ``postgresql`` package does; a database owner may create it), as the
        SQLite store's ``remove_diacritics`` does."""
        conn.execute("CREATE TEXT SEARCH CONFIGURATION newsclean (COPY = simple)")
        import psycopg

        try:
            with conn.raw.transaction():  # a savepoint: a server without unaccent goes on without
                conn.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
                conn.execute(
                    "ALTER TEXT SEARCH CONFIGURATION newsclean"
                    " ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple"
                )
        except psycopg.Error:
            pass

    def _locked_article(self, conn: Any, key: str, when: str) -> Any:
        # Writers of the same key queue here until the holder commits; the SELECT after the
        # lock then sees the holder's row (READ COMMITTED takes a new snapshot per statement).
        conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 1))", (key,))
        return super()._locked_article(conn, key, when)

    def _fingerprint_owner_locked(self, conn: Any, fingerprint: str, key: str) -> str | None:
        # Two workers storing the same body under two URLs at once: the second waits here and
        # then sees the first as the owner (the first's check ran before it stored anything).
        conn.execute("SELECT pg_advisory_xact_lock(hashtextextended(?, 2))", (fingerprint,))
        row = conn.execute(
            "SELECT key FROM articles WHERE fingerprint = ? AND key <> ? AND duplicate_of IS NULL"
            " ORDER BY first_seen, id LIMIT 1",
            (fingerprint, key),
        ).fetchone()
        return None if row is None else str(row["key"])

    def _index_text(self, conn: Any, article_id: int, record: dict[str, Any]) -> None:
        conn.execute(
            "UPDATE articles SET search ="
            " setweight(to_tsvector('newsclean', coalesce(?, '')), 'A')"
            " || setweight(to_tsvector('newsclean', coalesce(?, '')), 'B')"
            " || setweight(to_tsvector('newsclean', coalesce(?, '')), 'C') WHERE id = ?",
            (record.get("headline"), record.get("description"),
             (record.get("articleBody") or "")[:_MAX_INDEXED], article_id),
        )

    def search(self, query: str, *, limit: int = 20, site: str | None = None) -> list[SearchHit]:
        """Full-text search, best match first (``ts_rank_cd``); the SQLite store's syntax and bounds."""
        import psycopg

        check_query(query)
        expression = tsquery(query)
        if not expression:
            return []
        try:
            with self.transaction() as conn:  # a bad expression must not spoil the connection
                return self._pg_search(conn, "to_tsquery('newsclean', ?)", expression, limit, site)
        except psycopg.errors.SyntaxError:
            with self.transaction() as conn:
                return self._pg_search(conn, "plainto_tsquery('newsclean', ?)", query, limit, site)

    def _pg_search(self, conn: Any, parse: str, text: str, limit: int, site: str | None) -> list[SearchHit]:
        site_clause = "AND a.site = ?" if site else ""
        params: tuple[Any, ...] = (text, site, limit) if site else (text, limit)
        rows = conn.execute(
            "WITH q AS (SELECT " + parse + " AS q),"
            " best AS (SELECT a.id, a.key, a.headline, a.site, a.version, ts_rank_cd(a.search, q.q) AS rank"
            f" FROM articles a, q WHERE a.search @@ q.q {site_clause} ORDER BY rank DESC, a.id LIMIT ?)"
            " SELECT best.key, best.headline, best.site, v.record,"
            " ts_headline('newsclean', (v.record::json)->>'articleBody', q.q,"
            " 'StartSel=[, StopSel=], MaxWords=24, MinWords=10, MaxFragments=1') AS snippet"
            " FROM best JOIN article_versions v ON v.article_id = best.id AND v.version = best.version, q"
            " ORDER BY best.rank DESC, best.id",
            params,
        ).fetchall()
        import json

        hits = []
        for r in rows:
            record = json.loads(r["record"])
            snippet = " ".join((r["snippet"] or "").split())
            hits.append(SearchHit(r["key"], r["headline"], r["site"], record.get("datePublished"), snippet, record))
        return hits
