"""Site memory in the store: which blocks recur on how many pages of each site.

The tables live in the store (``NEWSCLEAN_STORE``: an SQLite file, or a PostgreSQL database
with :class:`PostgresBlockMemory`) next to the articles; each is created with ``CREATE TABLE
IF NOT EXISTS`` when the memory is opened:

- ``site_memory_sites``: one row per site, with the number of pages held and a counter that
  orders observations;
- ``site_memory_pages``: one row per page (site, page key) with the fingerprints of the
  blocks it showed when last seen (one blob, 8 bytes a block), so a page fetched again counts once and a page that
  changed moves its evidence from the blocks it dropped to the blocks it gained; beyond
  ``NEWSCLEAN_SITE_MEMORY_MAX_PAGES`` pages of a site, the one seen longest ago leaves;
- ``site_memory_blocks``: per site and block fingerprint (a signed 64-bit integer), the number
  of pages showing it and, once it is on two pages or more, an example of the block (tag, kind,
  element path, text) for ``newsclean memory``. Blocks on one page are most of a site's
  blocks (its articles' own paragraphs) and keep only their count: a site at its 2,000-page
  cap takes about 7 MB instead of about 87.

Every observation is one transaction (``BEGIN IMMEDIATE ... COMMIT`` in SQLite), so a killed
crawl leaves counts that match the pages recorded. In PostgreSQL, workers observing pages of
the same site at once queue on the site's row (taken first in every observation), so their
counts add up and they never deadlock. No Scrapy import: the ``newsclean`` command uses this
module as well as the clean stage.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import sqlite3
from collections.abc import Collection, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from newsclean.cleaners.document import Block, Document
from newsclean.cleaners.settings import DEFAULTS
from newsclean.cleaners.site import SiteProfile
from newsclean.cleaners.site_memory import (
    LearnedBlock,
    SiteMemory,
    check_max_pages,
    check_min_pages,
    learn,
    learn_inputs,
    sample,
)
from newsclean.pipelines.settings import DEFAULTS as PIPELINE_DEFAULTS
from newsclean.pipelines.sqlite import immediate_transaction

logger = logging.getLogger(__name__)

__all__ = [
    "CrawlMemory",
    "PostgresBlockMemory",
    "SiteMemoryError",
    "SqliteBlockMemory",
    "forget_site",
    "memory_report",
    "open_memory",
]

SCHEMA = """
CREATE TABLE IF NOT EXISTS site_memory_sites (
    site TEXT PRIMARY KEY,
    pages INTEGER NOT NULL,
    last_seq INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS site_memory_pages (
    site TEXT NOT NULL,
    page TEXT NOT NULL,
    seq INTEGER NOT NULL,
    fingerprints BLOB NOT NULL,
    seen_at TEXT NOT NULL,
    PRIMARY KEY (site, page)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS site_memory_pages_by_age ON site_memory_pages (site, seq);
CREATE TABLE IF NOT EXISTS site_memory_blocks (
    site TEXT NOT NULL,
    fingerprint INTEGER NOT NULL,
    pages INTEGER NOT NULL,
    tag TEXT,
    kind TEXT,
    path TEXT,
    text TEXT,
    PRIMARY KEY (site, fingerprint)
) WITHOUT ROWID;
"""
"""The compact layout (version 2): a block's fingerprint is a signed 64-bit integer, a page's
fingerprints one blob of 8 bytes each, and a block's example (tag, kind, path, text) is kept
only once it is on two pages or more (the only blocks ``learned`` lists): at its 2,000-page cap
a site takes a few MB instead of tens."""

PG_SCHEMA = SCHEMA.replace(") WITHOUT ROWID;", ");").replace("BLOB", "BYTEA").replace(
    "fingerprint INTEGER", "fingerprint BIGINT"
)
"""The same tables in PostgreSQL (no ``WITHOUT ROWID``)."""

_V1_PG_SCHEMA = """
CREATE TABLE IF NOT EXISTS site_memory_sites (site TEXT PRIMARY KEY, pages INTEGER NOT NULL,
    last_seq INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS site_memory_pages (site TEXT NOT NULL, page TEXT NOT NULL, seq INTEGER NOT NULL,
    fingerprints TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (site, page));
CREATE INDEX IF NOT EXISTS site_memory_pages_by_age ON site_memory_pages (site, seq);
CREATE TABLE IF NOT EXISTS site_memory_blocks (site TEXT NOT NULL, fingerprint TEXT NOT NULL,
    pages INTEGER NOT NULL, tag TEXT NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (site, fingerprint));
"""
"""Version 1 in PostgreSQL (fingerprints as hex text, every block with its example)."""

_V2_PG_MIGRATION = """
ALTER TABLE site_memory_pages ALTER COLUMN fingerprints TYPE BYTEA
    USING decode(replace(fingerprints, ' ', ''), 'hex');
ALTER TABLE site_memory_blocks ALTER COLUMN fingerprint TYPE BIGINT USING ('x' || fingerprint)::bit(64)::bigint;
ALTER TABLE site_memory_blocks ALTER COLUMN tag DROP NOT NULL;
ALTER TABLE site_memory_blocks ALTER COLUMN kind DROP NOT NULL;
ALTER TABLE site_memory_blocks ALTER COLUMN path DROP NOT NULL;
ALTER TABLE site_memory_blocks ALTER COLUMN text DROP NOT NULL;
UPDATE site_memory_blocks SET tag = NULL, kind = NULL, path = NULL, text = NULL WHERE pages < 2;
"""

_CHUNK = 500
"""Fingerprints per ``IN (...)`` query (well under SQLite's variable limit)."""


def fingerprint_number(fingerprint: str) -> int:
    """A block's 16-hex-digit fingerprint as the signed 64-bit integer the tables hold."""
    return int.from_bytes(bytes.fromhex(fingerprint), "big", signed=True)


def fingerprint_text(number: int) -> str:
    """The inverse of :func:`fingerprint_number`."""
    return number.to_bytes(8, "big", signed=True).hex()


def pack_fingerprints(numbers: Collection[int]) -> bytes:
    """A page's fingerprints as stored: 8 bytes each, in ascending order of their hex form."""
    return b"".join(n.to_bytes(8, "big", signed=True) for n in sorted(numbers, key=lambda n: n & 0xFFFFFFFFFFFFFFFF))


def page_fingerprints(blob: bytes | memoryview | None) -> list[str]:
    """A page row's ``fingerprints`` as 16-hex-digit fingerprints."""
    data = bytes(blob or b"")
    return [data[at : at + 8].hex() for at in range(0, len(data), 8)]


def _numbers(blob: bytes | memoryview | None) -> set[int]:
    data = bytes(blob or b"")
    return {int.from_bytes(data[at : at + 8], "big", signed=True) for at in range(0, len(data), 8)}


def _decrement(conn: Any, site: str, fingerprints: Collection[int]) -> None:
    """One page fewer shows each of ``fingerprints``; blocks no page shows any more go."""
    rows = [(site, fp) for fp in sorted(fingerprints)]
    conn.executemany("UPDATE site_memory_blocks SET pages = pages - 1 WHERE site = ? AND fingerprint = ?", rows)
    conn.executemany("DELETE FROM site_memory_blocks WHERE site = ? AND fingerprint = ? AND pages <= 0", rows)


def _migrate_sqlite(conn: sqlite3.Connection) -> None:
    """A store written by an older newsclean (fingerprints as hex text, every block with its
    example) moves to the compact layout, in one transaction; nothing is lost that the
    cleaner or ``learned`` reads."""
    columns = {row[1]: row[2] for row in conn.execute("PRAGMA table_info(site_memory_blocks)")}
    if columns.get("fingerprint", "INTEGER").upper() != "TEXT":
        return
    with immediate_transaction(conn):
        conn.execute("ALTER TABLE site_memory_pages RENAME TO site_memory_pages_v1")
        conn.execute("ALTER TABLE site_memory_blocks RENAME TO site_memory_blocks_v1")
        conn.execute("DROP INDEX IF EXISTS site_memory_pages_by_age")
        for statement in SCHEMA.split(";"):
            if statement.strip():
                conn.execute(statement)
        conn.executemany(
            "INSERT INTO site_memory_pages (site, page, seq, fingerprints, seen_at) VALUES (?, ?, ?, ?, ?)",
            (
                (site, page, seq, bytes.fromhex("".join(prints.split())), seen_at)
                for site, page, seq, prints, seen_at in conn.execute(
                    "SELECT site, page, seq, fingerprints, seen_at FROM site_memory_pages_v1"
                ).fetchall()
            ),
        )
        conn.executemany(
            "INSERT INTO site_memory_blocks (site, fingerprint, pages, tag, kind, path, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (site, fingerprint_number(fp), n, *((tag, kind, path, text) if n >= 2 else (None,) * 4))
                for site, fp, n, tag, kind, path, text in conn.execute(
                    "SELECT site, fingerprint, pages, tag, kind, path, text FROM site_memory_blocks_v1"
                ).fetchall()
            ),
        )
        conn.execute("DROP TABLE site_memory_pages_v1")
        conn.execute("DROP TABLE site_memory_blocks_v1")


class SiteMemoryError(Exception):
    """The memory's file cannot be opened or used; the message names the file."""


def _holds_newsclean_tables(conn: sqlite3.Connection) -> bool:
    """Whether the database has the site memory's or the article store's tables (a foreign
    SQLite file is left untouched rather than given tables of ours)."""
    names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return bool(names & {"site_memory_sites", "articles"})


class SqliteBlockMemory:
    """A site memory kept in an SQLite file (or in RAM with ``":memory:"``).

    Implements :class:`~newsclean.cleaners.site_memory.LearningMemory`; counts are the number
    of distinct pages showing a block, by each page's latest content.
    """

    def __init__(self, connection: Any, path: str, max_pages: int | None = None) -> None:
        self.connection = connection
        self.path = path
        self.max_pages = check_max_pages(max_pages)

    def _transaction(self) -> AbstractContextManager[Any]:
        return immediate_transaction(self.connection)

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, create: bool = True, max_pages: int | None = None
    ) -> SqliteBlockMemory:
        """Open the memory in the store at ``path``; with ``create`` false a missing file is an
        error rather than a new empty store. ``max_pages``: keep only this many pages per site
        (the ones seen most recently); ``None`` keeps all."""
        max_pages = check_max_pages(max_pages)
        name = os.fspath(path)
        if name != ":memory:":
            target = Path(name).expanduser()
            if not create and not target.is_file():
                raise SiteMemoryError(f"{target}: no store here (crawl with NEWSCLEAN_STORE set first)")
            name = str(target)
        try:
            if create and name != ":memory:":
                Path(name).parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(name, isolation_level=None, timeout=30.0)
            if not create and not _holds_newsclean_tables(conn):
                conn.close()
                raise SiteMemoryError(f"{name}: not a newsclean store (an SQLite file without newsclean's tables)")
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.executescript(SCHEMA)
            _migrate_sqlite(conn)
        except sqlite3.DatabaseError as exc:
            raise SiteMemoryError(f"{name}: cannot open the site memory: {exc}") from exc
        except OSError as exc:
            raise SiteMemoryError(f"{name}: {exc.strerror or exc}") from exc
        return cls(conn, name, max_pages)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> SqliteBlockMemory:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    # -- reading (what the cleaner uses) ----------------------------------------------------

    def pages_seen(self, site: str) -> int:
        row = self.connection.execute("SELECT pages FROM site_memory_sites WHERE site = ?", (site,)).fetchone()
        return int(row[0]) if row else 0

    def counts(self, site: str, fingerprints: Collection[str]) -> dict[str, int]:
        numbers = {fingerprint_number(fp): fp for fp in set(fingerprints)}
        return {numbers[fp]: n for fp, (n, _path) in self._rows(self.connection, site, numbers).items()}

    @staticmethod
    def _rows(conn: Any, site: str, numbers: Collection[int]) -> dict[int, tuple[int, str | None]]:
        """Pages and example path of each of ``numbers`` the memory holds."""
        wanted = sorted(set(numbers))
        found: dict[int, tuple[int, str | None]] = {}
        for at in range(0, len(wanted), _CHUNK):
            part = wanted[at : at + _CHUNK]
            marks = ",".join("?" * len(part))
            rows = conn.execute(
                f"SELECT fingerprint, pages, path FROM site_memory_blocks WHERE site = ? AND fingerprint IN ({marks})",
                (site, *part),
            )
            found.update((int(fp), (int(n), path)) for fp, n, path in rows)
        return found

    # -- learning ---------------------------------------------------------------------------

    def observe(self, site: str, page: str, blocks: Sequence[Block]) -> None:
        examples: dict[int, LearnedBlock] = {}
        for block in blocks:
            fp = block.fingerprint
            number = fingerprint_number(fp)
            known = examples.get(number)
            if known is None or block.path < known.path:
                examples[number] = sample(block, fp)
        new = set(examples)
        with self._transaction() as conn:
            # The site's row first: concurrent observers of a site queue here (PostgreSQL).
            conn.execute(
                "INSERT INTO site_memory_sites (site, pages, last_seq) VALUES (?, 0, 0) "
                "ON CONFLICT (site) DO UPDATE SET last_seq = site_memory_sites.last_seq",
                (site,),
            )
            row = conn.execute(
                "SELECT fingerprints FROM site_memory_pages WHERE site = ? AND page = ?", (site, page)
            ).fetchone()
            old = _numbers(row[0]) if row else set()
            conn.execute(
                "UPDATE site_memory_sites SET pages = pages + ?, last_seq = last_seq + 1 WHERE site = ?",
                (0 if row else 1, site),
            )
            pages, seq = conn.execute(
                "SELECT pages, last_seq FROM site_memory_sites WHERE site = ?", (site,)
            ).fetchone()
            held = self._rows(conn, site, new)
            upserts = []
            for number, ex in sorted(examples.items()):
                count = held.get(number, (0, None))[0] + (0 if number in old else 1)  # after this page
                # The example (the block with the smallest element path) is kept once the block
                # is on two pages: blocks on one page are most of a site's blocks, and never listed.
                keep = count >= 2
                upserts.append((site, number, 0 if number in old else 1, *(
                    (ex.tag, ex.kind, ex.path, ex.text) if keep else (None, None, None, None))))
            conn.executemany(
                "INSERT INTO site_memory_blocks AS b (site, fingerprint, pages, tag, kind, path, text) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (site, fingerprint) DO UPDATE SET pages = b.pages + excluded.pages, "
                "tag = CASE WHEN excluded.path < b.path OR b.path IS NULL THEN excluded.tag ELSE b.tag END, "
                "kind = CASE WHEN excluded.path < b.path OR b.path IS NULL THEN excluded.kind ELSE b.kind END, "
                "text = CASE WHEN excluded.path < b.path OR b.path IS NULL THEN excluded.text ELSE b.text END, "
                "path = CASE WHEN excluded.path < b.path OR b.path IS NULL THEN excluded.path ELSE b.path END",
                upserts,
            )
            _decrement(conn, site, old - new)
            conn.execute(
                "INSERT INTO site_memory_pages (site, page, seq, fingerprints, seen_at) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (site, page) DO UPDATE SET seq = excluded.seq, "
                "fingerprints = excluded.fingerprints, seen_at = excluded.seen_at",
                (site, page, seq, pack_fingerprints(new), datetime.now(UTC).replace(microsecond=0).isoformat()),
            )
            if self.max_pages is not None and pages > self.max_pages:
                # The pages seen longest ago leave, with their evidence.
                oldest = conn.execute(
                    "SELECT page, fingerprints FROM site_memory_pages WHERE site = ? ORDER BY seq LIMIT ?",
                    (site, pages - self.max_pages),
                ).fetchall()
                for old_page, prints in oldest:
                    _decrement(conn, site, _numbers(prints))
                    conn.execute("DELETE FROM site_memory_pages WHERE site = ? AND page = ?", (site, old_page))
                conn.execute("UPDATE site_memory_sites SET pages = ? WHERE site = ?", (self.max_pages, site))

    # -- inspecting -------------------------------------------------------------------------

    def learned(self, site: str, min_pages: int = 2) -> list[LearnedBlock]:
        rows = self.connection.execute(
            "SELECT fingerprint, pages, tag, kind, path, text FROM site_memory_blocks WHERE site = ? AND pages >= ?",
            (site, min_pages),
        )
        found = [
            LearnedBlock(fingerprint_text(int(fp)), int(n), tag or "", kind or "", path or "", text or "")
            for fp, n, tag, kind, path, text in rows
        ]
        return sorted(found, key=lambda b: (-b.pages, b.text, b.fingerprint))

    def sites(self) -> dict[str, int]:
        rows = self.connection.execute("SELECT site, pages FROM site_memory_sites WHERE pages > 0 ORDER BY site")
        return {site: int(n) for site, n in rows}

    def forget(self, site: str) -> int:
        had = self.pages_seen(site)
        with self._transaction() as conn:
            for table in ("site_memory_sites", "site_memory_pages", "site_memory_blocks"):
                conn.execute(f"DELETE FROM {table} WHERE site = ?", (site,))
        return had


class PostgresBlockMemory(SqliteBlockMemory):
    """The site memory in a PostgreSQL store (``NEWSCLEAN_STORE=postgresql://...``): the same
    tables and counts, shared by every crawl worker."""

    def __init__(self, store: Any, max_pages: int | None = None) -> None:
        super().__init__(store.connection, str(store.path), max_pages)
        self.store = store

    @classmethod
    def open(
        cls, path: str | os.PathLike[str], *, create: bool = True, max_pages: int | None = None
    ) -> PostgresBlockMemory:
        from newsclean.pipelines.article_store import StoreError
        from newsclean.pipelines.pg_store import PostgresStore

        max_pages = check_max_pages(max_pages)
        try:
            store = PostgresStore.open(str(path), create=create)
        except StoreError as exc:
            raise SiteMemoryError(str(exc).replace("no article store", "no store")) from exc
        try:
            store.migrate("site_memory", [_V1_PG_SCHEMA, _V2_PG_MIGRATION])
        except BaseException:
            store.close()
            raise
        return cls(store, max_pages)

    def close(self) -> None:
        self.store.close()

    @contextmanager
    def _transaction(self) -> Iterator[Any]:
        with self.store.transaction() as conn:
            yield conn


def open_memory(
    location: str | os.PathLike[str], *, create: bool = True, max_pages: int | None = None
) -> SqliteBlockMemory:
    """The site memory in the store at ``location``: an SQLite file (or ``":memory:"``) or a
    ``postgresql://`` URL."""
    from newsclean.pipelines.article_store import is_postgres_url

    if is_postgres_url(location):
        return PostgresBlockMemory.open(location, create=create, max_pages=max_pages)
    return SqliteBlockMemory.open(location, create=create, max_pages=max_pages)


def window(max_pages: object, min_pages: int) -> int | None:
    """``NEWSCLEAN_SITE_MEMORY_MAX_PAGES`` checked against the minimum evidence it must allow."""
    pages = check_max_pages(max_pages)
    if pages is not None and pages < min_pages:
        raise ValueError(
            f"NEWSCLEAN_SITE_MEMORY_MAX_PAGES ({pages}) is below NEWSCLEAN_SITE_MEMORY_MIN_PAGES "
            f"({min_pages}): the memory could never hold enough evidence"
        )
    return pages


@dataclass
class CrawlMemory:
    """The site memory of one crawl (or one ``newsclean clean`` run): the memory, the cleaner
    that reads it, and whether this run feeds it."""

    memory: SqliteBlockMemory  # or PostgresBlockMemory
    cleaner: SiteMemory
    learning: bool

    @classmethod
    def from_settings(cls, settings: Any) -> CrawlMemory | None:
        """Built from Scrapy settings (anything with ``get``/``getbool``/``getdict``).

        ``None`` when the ``site-memory`` cleaner is turned off in ``NEWSCLEAN_CLEANERS``.
        The memory is the store's (``NEWSCLEAN_STORE``) when one is set, else held in RAM for
        this crawl only.
        """
        cleaners = settings.getdict("NEWSCLEAN_CLEANERS")
        if SiteMemory.name in cleaners and cleaners[SiteMemory.name] is None:
            return None
        min_pages = check_min_pages(
            settings.get("NEWSCLEAN_SITE_MEMORY_MIN_PAGES", DEFAULTS["NEWSCLEAN_SITE_MEMORY_MIN_PAGES"])
        )
        learning = settings.getbool("NEWSCLEAN_SITE_MEMORY_LEARN", PIPELINE_DEFAULTS["NEWSCLEAN_SITE_MEMORY_LEARN"])
        # None is a value here (no limit), so it cannot mean "not set" as for settings.get().
        name = "NEWSCLEAN_SITE_MEMORY_MAX_PAGES"
        max_pages = window(settings[name] if name in settings else PIPELINE_DEFAULTS[name], min_pages)
        memory = open_memory(settings.get("NEWSCLEAN_STORE") or ":memory:", max_pages=max_pages)
        return cls(memory, SiteMemory(memory, min_pages=min_pages), learning)

    @classmethod
    def for_files(
        cls,
        store: str | os.PathLike[str],
        sources: Sequence[str],
        *,
        url: str | None,
        site: SiteProfile | None,
        learning: bool = True,
        min_pages: int | None = None,
    ) -> CrawlMemory:
        """The memory ``newsclean clean --memory STORE`` uses: it learns from all the inputs
        first (unless ``learning`` is false), so every input is cleaned against the same
        memory whatever the order of the files. ``SiteMemoryError`` when the inputs' site is
        unknown (no ``url`` and no ``site``) or the store cannot be used."""
        if url is None and site is None:
            raise SiteMemoryError("a site memory needs to know the inputs' site: give --site or --url")
        if "-" in sources:
            raise SiteMemoryError("a site memory reads every input twice (learn, then clean): not standard input")
        min_pages = check_min_pages(DEFAULTS["NEWSCLEAN_SITE_MEMORY_MIN_PAGES"] if min_pages is None else min_pages)
        max_pages = window(PIPELINE_DEFAULTS["NEWSCLEAN_SITE_MEMORY_MAX_PAGES"], min_pages)
        memory = open_memory(store, create=learning, max_pages=max_pages)
        if learning:
            learn_inputs(memory, sources, url=url, site=site)
        return cls(memory, SiteMemory(memory, min_pages=min_pages), learning)

    @property
    def instances(self) -> dict[str, SiteMemory]:
        """For :class:`~newsclean.cleaners.CleanerChain`'s ``instances``."""
        return {SiteMemory.name: self.cleaner}

    def observe(self, doc: Document) -> bool:
        """Feed ``doc`` to the memory (before cleaning it) when this run learns. When the
        memory cannot be written (a full disk), it says so once and the run goes on without
        learning: the page is still cleaned and stored (or fails there, on the store's path)."""
        from newsclean.pipelines.article_store import DATABASE_ERRORS

        if not self.learning:
            return False
        try:
            return learn(self.memory, doc)
        except DATABASE_ERRORS as exc:
            self.learning = False
            logger.error("site memory: cannot learn from %s (%s); learning stops for this run", doc.url, exc)
            return False

    def close(self) -> None:
        self.memory.close()


def memory_report(
    store: str | os.PathLike[str], site: str | None, *, min_pages: int, as_json: bool = False
) -> list[str]:
    """The lines ``newsclean memory`` prints: every site with its page and learned-block
    counts, or one site's learned blocks (most frequent first). ``SiteMemoryError`` when the
    store or the site is unknown."""
    min_pages = check_min_pages(min_pages)
    with open_memory(store, create=False) as memory:
        sites = memory.sites()
        if site is None:
            return [
                f"{name}\t{pages} pages, {len(memory.learned(name, min_pages))} learned blocks"
                for name, pages in sites.items()
            ]
        if site not in sites:
            known = ", ".join(sites) or "none"
            raise SiteMemoryError(f"no pages of {site} in the site memory of {store} (sites: {known})")
        total = sites[site]
        lines = []
        for block in memory.learned(site, min_pages):
            if as_json:
                row = {"site": site, "sitePages": total, **dataclasses.asdict(block)}
                lines.append(json.dumps(row, ensure_ascii=False))
            else:
                where = f"{block.tag or '-':<10} {block.path or '-'}"
                lines.append(f"{block.pages:>6}/{total}  {where}\n        {block.text}")
        return lines


def forget_site(store: str | os.PathLike[str], site: str) -> int:
    """Drop what the store's memory learned about ``site``; the number of pages it had."""
    with open_memory(store, create=False) as memory:
        return memory.forget(site)
