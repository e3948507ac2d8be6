"""De-duplicate stage: one article once, versions when it changes, copies and near-copies flagged."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from newsclean.cleaners.normalize import normalize_record
from newsclean.pipelines.dedupe import DedupePipeline, minhash
from newsclean.pipelines.store import StorePipeline
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.test import get_crawler

ARTICLE = """The city council voted on Tuesday to build a protected cycle lane along the length of Harbour Road, \
ending a dispute that has divided residents and shop owners for more than two years.

The plan, approved by nine votes to four, replaces one lane of car traffic with a two-way cycle track separated \
from the road by a low kerb and a row of planters. Work is due to start in the spring and to take about eight months.

Supporters said the road had become one of the most dangerous in the region for people on bicycles, with three \
serious collisions reported last year alone. Parents at the two schools near the junction with Mill Street had \
collected more than four thousand signatures asking for safer routes to school.

Several traders objected that the loss of parking bays in front of their shops would drive customers away. The \
council agreed to create a loading zone at each end of the street and to review the scheme after its first year.

The transport department estimates the work will cost about 3.2 million, most of it covered by a national \
grant for active travel. Councillors who voted against the plan said the money would be better spent repairing \
existing roads, many of which are in poor condition after a wet winter.

A public meeting to present the final design is planned for next month at the town hall."""

SYNDICATED = ("(Local News Agency) - " + ARTICLE.replace("about eight months", "roughly eight months")
              + "\n\nThis story was first published by the Harbour Gazette.")

UNRELATED = """The regional rail operator announced on Monday that it will run extra trains on the coastal line \
during the summer holidays, after complaints about overcrowding last year.

From July, trains will leave every twenty minutes instead of every half hour between eight in the morning and \
seven in the evening. The company said it had leased six additional carriages to cope with demand.

Passenger groups welcomed the move but said fares remained too high for families, and asked for a cheaper \
weekend ticket. The operator said it would consider the request as part of its annual fare review in the autumn.

Timetables for the new service will be published on the operator's website at the end of the month."""


def record(url: str, body: str = ARTICLE, **fields: Any) -> dict[str, Any]:
    return normalize_record({"url": url, "headline": "Council approves Harbour Road cycle lane",
                             "articleBody": body, "cleaning": [], **fields})


class Run:
    """One crawl's de-duplicate (+ store) stages, built the way Scrapy builds them."""

    def __init__(self, tmp_path: Path | str | None, **settings: Any) -> None:
        # A directory (its SQLite store file), a store URL, or None (no store).
        store = (tmp_path if isinstance(tmp_path, str) else str(tmp_path / "store.sqlite3")) if tmp_path else None
        self.crawler = get_crawler(settings_dict={"NEWSCLEAN_STORE": store, **settings})
        assert self.crawler.stats is not None
        self.stats = self.crawler.stats
        self.stats.open_spider()
        self.dedupe = DedupePipeline.from_crawler(self.crawler)
        self.dedupe.open_spider()
        self.store = StorePipeline.from_crawler(self.crawler) if store else None
        if self.store:
            self.store.open_spider()

    def feed(self, item: dict[str, Any]) -> dict[str, Any] | None:
        async def through() -> dict[str, Any] | None:
            try:
                out = await self.dedupe.process_item(item)
            except DropItem:
                return None
            return await self.store.process_item(out) if self.store else out  # type: ignore[no-any-return]

        return asyncio.run(through())

    def close(self) -> dict[str, int]:
        self.dedupe.close_spider()
        if self.store:
            self.store.close_spider()
        return {k.rsplit("/", 1)[1]: v for k, v in self.stats.get_stats().items() if k.startswith("newsclean/dedupe/")}


def test_same_url_twice_in_a_run_is_skipped_when_unchanged() -> None:
    run = Run(None)
    first = run.feed(record("https://ex.com/a?utm_source=rss"))
    assert first is not None and first["version"] == 1
    assert run.feed(record("https://ex.com/a#comments")) is None
    assert run.close() == {"new": 1, "unchanged": 1}


def test_changed_text_or_date_modified_becomes_a_new_version() -> None:
    run = Run(None)
    run.feed(record("https://ex.com/a"))
    edited = run.feed(record("https://ex.com/a", ARTICLE.replace("nine votes to four", "nine votes to five")))
    assert edited is not None and edited["version"] == 2
    touched = run.feed(record("https://ex.com/a", ARTICLE.replace("nine votes to four", "nine votes to five"),
                              dateModifiedRaw="2024-05-02T10:00:00+00:00"))
    assert touched is not None and touched["version"] == 3
    assert run.close() == {"new": 1, "updated": 2}


def test_same_body_under_another_url_is_marked_duplicate_of_the_first() -> None:
    run = Run(None)
    run.feed(record("https://ex.com/news/cycle-lane"))
    copy = run.feed(record("https://ex.com/local/cycle-lane-approved"))
    assert copy is not None and copy["duplicateOf"] == "https://ex.com/news/cycle-lane"
    assert run.close() == {"new": 2, "duplicate": 1}


def test_syndicated_copy_with_small_edits_is_a_near_duplicate_and_other_news_is_not() -> None:
    run = Run(None)
    run.feed(record("https://gazette.example/cycle-lane"))
    other = run.feed(record("https://gazette.example/trains", UNRELATED, headline="More summer trains"))
    copy = run.feed(record("https://aggregator.example/story/123", SYNDICATED))
    assert other is not None and "nearDuplicateOf" not in other
    assert copy is not None and copy["nearDuplicateOf"] == "https://gazette.example/cycle-lane"
    assert "duplicateOf" not in copy
    assert run.close() == {"new": 3, "near_duplicate": 1}


def test_near_duplicate_check_can_be_turned_off() -> None:
    run = Run(None, NEWSCLEAN_NEAR_DUPLICATE_THRESHOLD=0)
    run.feed(record("https://gazette.example/cycle-lane"))
    copy = run.feed(record("https://aggregator.example/story/123", SYNDICATED))
    assert copy is not None and "nearDuplicateOf" not in copy
    run.close()


def test_across_runs_the_store_remembers(store_location: str) -> None:
    tmp_path = store_location
    first = Run(tmp_path)
    first.feed(record("https://gazette.example/cycle-lane"))
    first.feed(record("https://gazette.example/trains", UNRELATED))
    assert first.close() == {"new": 2}

    second = Run(tmp_path)
    assert second.feed(record("https://gazette.example/cycle-lane?utm_medium=social")) is None
    assert second.feed(record("https://gazette.example/trains", UNRELATED)) is None
    copy = second.feed(record("https://mirror.example/cycle-lane", ARTICLE))
    near = second.feed(record("https://aggregator.example/story/123", SYNDICATED))
    changed = second.feed(record("https://gazette.example/trains", UNRELATED + "\n\nUpdated with the timetable."))
    assert copy is not None and copy["duplicateOf"] == "https://gazette.example/cycle-lane"
    assert near is not None and near["nearDuplicateOf"] == "https://gazette.example/cycle-lane"
    assert changed is not None and changed["version"] == 2
    assert second.close() == {"unchanged": 2, "new": 2, "duplicate": 1, "near_duplicate": 1, "updated": 1}


def test_the_stage_can_be_turned_off_and_rejects_a_bad_threshold() -> None:
    with pytest.raises(NotConfigured):
        DedupePipeline.from_crawler(get_crawler(settings_dict={"NEWSCLEAN_DEDUPE": False}))
    with pytest.raises(ValueError, match="NEWSCLEAN_NEAR_DUPLICATE_THRESHOLD must be between 0 and 1"):
        DedupePipeline.from_crawler(get_crawler(settings_dict={"NEWSCLEAN_NEAR_DUPLICATE_THRESHOLD": 80}))


def test_articles_stored_without_this_stage_are_compared_too(store_location: str) -> None:
    from newsclean.pipelines.article_store import open_store

    with open_store(store_location) as store:  # e.g. imported by another tool
        store.put(record("https://gazette.example/cycle-lane"))
    run = Run(store_location)
    near = run.feed(record("https://aggregator.example/story/123", SYNDICATED))
    assert near is not None and near["nearDuplicateOf"] == "https://gazette.example/cycle-lane"
    run.close()
    with open_store(store_location) as store:  # the signature is cached now
        cached = store.connection.execute("SELECT key FROM minhash_signatures ORDER BY key").fetchall()
    assert [r[0] for r in cached] == ["https://aggregator.example/story/123", "https://gazette.example/cycle-lane"]


def test_a_record_without_any_url_passes_unjudged() -> None:
    run = Run(None)
    item = {"headline": "Pasted text", "articleBody": ARTICLE, "cleaning": []}
    assert run.feed(item) == item
    assert run.close() == {"no_url": 1}


def test_an_older_store_s_cached_signatures_join_the_band_index(tmp_path: Path) -> None:
    """A store written by the newsclean before the band index (signatures cached, no bands)."""
    from newsclean.pipelines.article_store import ArticleStore
    from newsclean.pipelines.dedupe import _SIGNATURES, _serialize, minhash

    path = tmp_path / "store.sqlite3"
    with ArticleStore.open(path) as store:
        store.put(record("https://gazette.example/cycle-lane"))
        store.migrate("minhash_signatures", _SIGNATURES["sqlite"][:1])
        with store.transaction() as conn:
            conn.execute("INSERT INTO minhash_signatures VALUES (?, ?, ?)", (
                "https://gazette.example/cycle-lane", record("x")["fingerprint"], _serialize(minhash(ARTICLE))))
    run = Run(tmp_path)
    near = run.feed(record("https://aggregator.example/story/123", SYNDICATED))
    assert near is not None and near["nearDuplicateOf"] == "https://gazette.example/cycle-lane"
    run.close()


def _pair(rng: Any, similarity: float, words: int = 400) -> tuple[str, str]:
    """Two texts whose sets of word 4-grams have about the given Jaccard similarity."""
    vocabulary = [f"w{n}" for n in range(5000)]
    a = [rng.choice(vocabulary) for _ in range(words)]
    b = list(a)
    # Changing one word in k positions far apart breaks about 4k of the ~words shingles.
    shingles = words - 3
    changed = round(shingles * (1 - similarity) / (1 + similarity) / 4)
    for position in rng.sample(range(0, words, 8), changed):
        b[position] = rng.choice(vocabulary) + "x"
    return " ".join(a), " ".join(b)


def test_lsh_bands_find_pairs_at_the_threshold() -> None:
    """Recall of the LSH step for pairs at the 0.8 threshold (candidates before the re-check):
    datasketch's default weights find about 40%, the recall-weighted bands over 90%."""
    import random

    from datasketch import MinHashLSH
    from newsclean.pipelines.dedupe import NUM_PERM, bands_for, lsh_bands

    rng = random.Random(7)
    default = MinHashLSH(threshold=0.8, num_perm=NUM_PERM)
    bands, rows = lsh_bands(0.8)
    assert (bands, rows) == (16, 8)
    found_default = found_ours = measured = 0
    similarities: list[float] = []
    for n in range(150):
        a, b = _pair(rng, 0.8)
        ma, mb = minhash(a), minhash(b)
        shingles_a, shingles_b = _shingles(a), _shingles(b)
        similarities.append(len(shingles_a & shingles_b) / len(shingles_a | shingles_b))
        measured += 1
        default.insert(f"a{n}", ma)
        found_default += f"a{n}" in default.query(mb)
        found_ours += bool(set(bands_for(ma, bands, rows)) & set(bands_for(mb, bands, rows)))
    assert 0.78 < sum(similarities) / measured < 0.82  # the pairs are at the threshold
    print(f"LSH candidates at 0.8: default weights {found_default / measured:.0%}, ours {found_ours / measured:.0%}")
    assert found_default / measured < 0.6
    assert found_ours / measured > 0.85


def _shingles(text: str) -> set[str]:
    words = text.split()
    return {" ".join(words[i : i + 4]) for i in range(len(words) - 3)}
