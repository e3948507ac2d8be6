"""The SQLite site memory: same counts as the in-process one, kept across runs, safe to share."""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from newsclean.cleaners import Block, BlockKind, Document
from newsclean.cleaners.site_memory import InMemoryBlockMemory, LearningMemory, learn
from newsclean.pipelines.site_memory import CrawlMemory, SiteMemoryError, SqliteBlockMemory
from scrapy.settings import Settings

SHARED = [
    Block("Harbour tides today: high water 06:12", BlockKind.PARAGRAPH, "p", ("tides",), "", "div/p.tides"),
    Block("Send us your tips", BlockKind.PARAGRAPH, "p", ("tips",), "", "div/aside.tips/p"),
    Block("More from the Gazette", BlockKind.HEADING, "h2", (), "", "div/h2"),
]


def random_pages(seed: int) -> list[Document]:
    """Pages of two sites mixing shared blocks and their own, some fetched twice with changes."""
    rng = random.Random(seed)
    pages = []
    for n in range(40):
        site = rng.choice(["https://gazette.example", "https://www.herald.example"])
        blocks = [Block(f"Own text of page {n}", BlockKind.PARAGRAPH, "p", (), "", "div/p")]
        blocks += [b for b in SHARED if rng.random() < 0.6]
        # The same block under another element path on some pages.
        if rng.random() < 0.3:
            blocks.append(Block(SHARED[0].text.upper(), BlockKind.PARAGRAPH, "p", (), "", "div/a/p"))
        pages.append(Document(blocks, url=f"{site}/story/{rng.randrange(25)}"))
    return pages


def state(memory: LearningMemory) -> tuple[object, ...]:
    sites = memory.sites()
    return (
        sites,
        {s: memory.learned(s, 1) for s in sites},
        {s: memory.counts(s, [b.fingerprint for b in SHARED]) for s in sites},
    )


@pytest.mark.parametrize(("seed", "max_pages"), [(1, None), (2, None), (3, 6), (4, 2)])
def test_sqlite_memory_counts_exactly_like_the_in_process_memory(
    seed: int, max_pages: int | None, tmp_path: Path
) -> None:
    pages = random_pages(seed)
    reference = InMemoryBlockMemory(max_pages=max_pages)
    with SqliteBlockMemory.open(tmp_path / "store.sqlite3", max_pages=max_pages) as stored:
        for doc in pages:
            learn(reference, doc)
            learn(stored, doc)
        assert state(stored) == state(reference)
        assert stored.pages_seen("gazette.example") == reference.pages_seen("gazette.example") > 0


@pytest.mark.parametrize(("seed", "max_pages"), [(1, None), (3, 6)])
def test_postgresql_memory_counts_exactly_like_the_in_process_memory(
    seed: int, max_pages: int | None, pg_url: str
) -> None:
    from newsclean.pipelines.site_memory import PostgresBlockMemory, memory_report, open_memory

    pages = random_pages(seed)
    reference = InMemoryBlockMemory(max_pages=max_pages)
    with open_memory(pg_url, max_pages=max_pages) as stored:
        assert isinstance(stored, PostgresBlockMemory)
        for doc in pages:
            learn(reference, doc)
            learn(stored, doc)
        assert state(stored) == state(reference)
    # Kept in the database: another process sees the same memory, `newsclean memory` lists it.
    with open_memory(pg_url, create=False) as again:
        assert state(again) == state(reference)
    assert any(line.startswith("gazette.example\t") for line in memory_report(pg_url, None, min_pages=2))


def test_the_final_state_does_not_depend_on_the_order_pages_came_in(tmp_path: Path) -> None:
    # The latest version of each page decides; apart from that, order is free.
    pages = random_pages(7)
    latest = list({doc.url: doc for doc in pages}.values())
    states = []
    for seed in range(3):
        order = latest[:]
        random.Random(seed).shuffle(order)
        with SqliteBlockMemory.open(tmp_path / f"s{seed}.sqlite3") as memory:
            for doc in order:
                learn(memory, doc)
            states.append(state(memory))
    assert states[0] == states[1] == states[2]


def test_the_memory_is_kept_across_runs_and_forgotten_on_request(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with SqliteBlockMemory.open(path) as memory:
        for n in range(4):
            learn(memory, Document([SHARED[0], Block(f"own {n}")], url=f"https://gazette.example/{n}"))
    with SqliteBlockMemory.open(path, create=False) as memory:
        assert memory.pages_seen("gazette.example") == 4
        assert [(b.text, b.pages, b.path) for b in memory.learned("gazette.example", 3)] == [
            (SHARED[0].text, 4, "div/p.tides")
        ]
        assert memory.forget("gazette.example") == 4
        assert memory.sites() == {}
        assert memory.counts("gazette.example", [SHARED[0].fingerprint]) == {}


def test_a_missing_or_broken_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(SiteMemoryError, match="no store here"):
        SqliteBlockMemory.open(tmp_path / "nope.sqlite3", create=False)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(SiteMemoryError, match=r"junk\.sqlite3: cannot open the site memory"):
        SqliteBlockMemory.open(junk)


def test_two_connections_share_one_store(tmp_path: Path) -> None:
    # A crawl feeding the memory while `newsclean memory` (or a second crawl) reads it.
    path = tmp_path / "store.sqlite3"
    with SqliteBlockMemory.open(path) as writer, SqliteBlockMemory.open(path) as reader:
        learn(writer, Document([SHARED[1]], url="https://gazette.example/1"))
        learn(writer, Document([SHARED[1]], url="https://gazette.example/2"))
        assert reader.counts("gazette.example", [SHARED[1].fingerprint]) == {SHARED[1].fingerprint: 2}
    with sqlite3.connect(path) as conn:
        tables = {t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"site_memory_sites", "site_memory_pages", "site_memory_blocks"} <= tables


def test_crawl_settings_choose_the_store_the_minimum_and_learning(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    settings = Settings(
        {"NEWSCLEAN_STORE": str(path), "NEWSCLEAN_SITE_MEMORY_MIN_PAGES": "4", "NEWSCLEAN_SITE_MEMORY_LEARN": "false"}
    )
    crawl = CrawlMemory.from_settings(settings)
    assert crawl is not None
    try:
        assert crawl.cleaner.min_pages == 4
        assert not crawl.observe(Document([SHARED[0]], url="https://gazette.example/1"))
        assert crawl.memory.sites() == {}
        assert crawl.memory.path == str(path)
    finally:
        crawl.close()
    assert CrawlMemory.from_settings(Settings({"NEWSCLEAN_CLEANERS": {"site-memory": None}})) is None
    with pytest.raises(ValueError, match="at least 2"):
        CrawlMemory.from_settings(Settings({"NEWSCLEAN_SITE_MEMORY_MIN_PAGES": 1}))
    with pytest.raises(ValueError, match="could never hold enough evidence"):
        CrawlMemory.from_settings(Settings({"NEWSCLEAN_SITE_MEMORY_MAX_PAGES": 2}))
    unbounded = CrawlMemory.from_settings(Settings({"NEWSCLEAN_SITE_MEMORY_MAX_PAGES": None}))
    assert unbounded is not None and unbounded.memory.max_pages is None
    unbounded.close()
    bounded = CrawlMemory.from_settings(Settings({}))
    assert bounded is not None and bounded.memory.max_pages == 2000
    bounded.close()


def test_a_bounded_memory_keeps_the_latest_pages_and_follows_a_redesign(tmp_path: Path) -> None:
    old_widget, new_widget = SHARED[0], SHARED[1]
    with SqliteBlockMemory.open(tmp_path / "store.sqlite3", max_pages=5) as memory:
        for n in range(5):
            learn(memory, Document([old_widget, Block(f"own {n}")], url=f"https://gazette.example/{n}"))
        assert memory.counts("gazette.example", [old_widget.fingerprint]) == {old_widget.fingerprint: 5}
        # The site is redesigned: the old widget leaves with the pages that showed it.
        for n in range(5, 9):
            learn(memory, Document([new_widget, Block(f"own {n}")], url=f"https://gazette.example/{n}"))
        assert memory.pages_seen("gazette.example") == 5
        assert memory.counts("gazette.example", [old_widget.fingerprint, new_widget.fingerprint]) == {
            old_widget.fingerprint: 1,
            new_widget.fingerprint: 4,
        }
        # Fetching an old page again makes it the newest: it is not the next to leave.
        learn(memory, Document([old_widget, Block("own 4")], url="https://gazette.example/4"))
        learn(memory, Document([new_widget, Block("own 9")], url="https://gazette.example/9"))
        assert memory.counts("gazette.example", [old_widget.fingerprint]) == {old_widget.fingerprint: 1}
        rows = memory.connection.execute("SELECT count(*) FROM site_memory_pages").fetchone()[0]
        blocks = memory.connection.execute("SELECT count(*) FROM site_memory_blocks").fetchone()[0]
    assert rows == 5
    assert blocks == 2 + 5  # the two widgets and one own block per page held


def test_a_full_disk_stops_learning_not_the_crawl(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # A full store disk surfaced in the site-memory step: the item was logged whole and lost.
    from newsclean.cleaners import Block, Document
    from newsclean.pipelines.site_memory import CrawlMemory, SiteMemory, SqliteBlockMemory

    memory = SqliteBlockMemory.open(tmp_path / "store.sqlite")
    crawl = CrawlMemory(memory, SiteMemory(memory, min_pages=2), True)
    page = [Block(f"Paragraph {n} of a page with some words in it to learn from.") for n in range(50)]
    assert crawl.observe(Document(page, url="https://example.com/a"))
    pages = memory.connection.execute("PRAGMA page_count").fetchone()[0]
    memory.connection.execute(f"PRAGMA max_page_count = {pages}")  # SQLite: "database or disk is full"
    bigger = [Block(f"Another paragraph {n} " + "with many more words " * 30) for n in range(200)]
    assert crawl.observe(Document(bigger, url="https://example.com/b")) is False
    assert crawl.observe(Document(bigger, url="https://example.com/c")) is False
    errors = [r for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1 and "database or disk is full" in errors[0].getMessage()
    crawl.close()


V1_SCHEMA = """
CREATE TABLE site_memory_sites (site TEXT PRIMARY KEY, pages INTEGER NOT NULL, last_seq INTEGER NOT NULL);
CREATE TABLE site_memory_pages (site TEXT NOT NULL, page TEXT NOT NULL, seq INTEGER NOT NULL,
    fingerprints TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (site, page)) WITHOUT ROWID;
CREATE INDEX site_memory_pages_by_age ON site_memory_pages (site, seq);
CREATE TABLE site_memory_blocks (site TEXT NOT NULL, fingerprint TEXT NOT NULL, pages INTEGER NOT NULL,
    tag TEXT NOT NULL, kind TEXT NOT NULL, path TEXT NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (site, fingerprint)) WITHOUT ROWID;
"""


def test_a_store_in_the_older_layout_is_migrated_with_its_counts(tmp_path: Path) -> None:
    """Older stores kept fingerprints as hex text and an example for every block: opening one
    moves it to the compact layout, and it counts and cleans exactly as before."""
    from newsclean.cleaners.site_memory import SiteMemory

    pages = random_pages(5)
    reference = InMemoryBlockMemory()
    for doc in pages:
        learn(reference, doc)
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    latest = {doc.url: doc for doc in pages}
    counted: dict[tuple[str, str], tuple[int, Block]] = {}
    for seq, (url, doc) in enumerate(latest.items(), 1):
        site = "gazette.example" if "gazette" in str(url) else "herald.example"
        prints = sorted({b.fingerprint for b in doc.blocks})
        conn.execute("INSERT INTO site_memory_pages VALUES (?, ?, ?, ?, '2026-11-29T00:00:00+00:00')",
                     (site, url, seq, " ".join(prints)))
        for block in doc.blocks:
            n, _ = counted.get((site, block.fingerprint), (0, block))
            counted[site, block.fingerprint] = (n + 1 if block.fingerprint in prints else n, block)
            prints = [p for p in prints if p != block.fingerprint]
    for (site, fp), (n, block) in counted.items():
        conn.execute("INSERT INTO site_memory_blocks VALUES (?, ?, ?, ?, ?, ?, ?)",
                     (site, fp, n, block.tag, str(block.kind), block.path, block.text))
    for site in ("gazette.example", "herald.example"):
        total = conn.execute("SELECT count(*) FROM site_memory_pages WHERE site = ?", (site,)).fetchone()[0]
        conn.execute("INSERT INTO site_memory_sites VALUES (?, ?, ?)", (site, total, len(latest)))
    conn.commit()
    conn.close()

    with SqliteBlockMemory.open(path, create=False) as migrated:
        kinds = {row[1]: row[2] for row in migrated.connection.execute("PRAGMA table_info(site_memory_blocks)")}
        assert kinds["fingerprint"] == "INTEGER"
        assert state(migrated)[0] == state(reference)[0]
        assert state(migrated)[2] == state(reference)[2]
        assert [b.text for b in migrated.learned("gazette.example", 2)]  # recurring blocks keep an example
        for doc in pages:
            expected = list(SiteMemory(reference, min_pages=2)(doc))
            assert list(SiteMemory(migrated, min_pages=2)(doc)) == expected
        learn(migrated, pages[0])  # and it goes on learning in the new layout
        assert migrated.pages_seen("gazette.example") + migrated.pages_seen("herald.example") == len(latest)


@pytest.mark.parametrize("seed", [11, 12])
def test_the_compact_memory_makes_the_same_decisions_as_the_in_process_one(seed: int, tmp_path: Path) -> None:
    from newsclean.cleaners.site_memory import SiteMemory

    pages = random_pages(seed)
    reference = InMemoryBlockMemory(max_pages=8)
    with SqliteBlockMemory.open(tmp_path / "store.sqlite3", max_pages=8) as stored:
        for doc in pages:
            learn(reference, doc)
            learn(stored, doc)
            assert list(SiteMemory(stored, min_pages=2)(doc)) == list(SiteMemory(reference, min_pages=2)(doc))
