"""De-duplicate stage: one article once, new versions when it changes, copies flagged."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from typing import Any

from datasketch import LeanMinHash, MinHash, MinHashLSH
from newsclean.pipelines.article_store import ArticleState, ArticleStore, article_key
from newsclean.pipelines.normalize import body_fingerprint, in_field_order, word_tokens
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

__all__ = ["DedupePipeline", "NearDuplicateIndex", "minhash"]

logger = logging.getLogger(__name__)

NUM_PERM = 128
"""MinHash permutations: estimates similarity to about ±0.09 (1/sqrt(128))."""
SHINGLE = 4
"""Words per shingle: long enough that shared common phrases do not look like copies."""

_SIGNATURES = (
    """
    CREATE TABLE minhash_signatures (
        key TEXT PRIMARY KEY,
        fingerprint TEXT NOT NULL,
        signature BLOB NOT NULL
    );
    """,
)


def minhash(text: str) -> LeanMinHash:
    """MinHash signature of ``text``'s word 4-grams (case-insensitive)."""
    words = [w.casefold() for w in word_tokens(text)]
    if len(words) >= SHINGLE:
        shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    else:
        shingles = {" ".join(words)}
    m = MinHash(num_perm=NUM_PERM)
    m.update_batch([s.encode() for s in shingles])
    return LeanMinHash(m)


def _serialize(signature: LeanMinHash) -> bytes:
    buffer = bytearray(signature.bytesize())
    signature.serialize(buffer)
    return bytes(buffer)


class NearDuplicateIndex:
    """An LSH index of article bodies (datasketch ``MinHashLSH``) answering "which stored
    article is this body nearly the same as?"."""

    def __init__(self, threshold: float) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self.signatures: dict[str, LeanMinHash] = {}

    def __len__(self) -> int:
        return len(self.signatures)

    def add(self, key: str, signature: LeanMinHash) -> None:
        if key in self.signatures:
            self.lsh.remove(key)
        self.lsh.insert(key, signature)
        self.signatures[key] = signature

    def nearest(self, signature: LeanMinHash, *, exclude: str) -> tuple[str, float] | None:
        """The most similar indexed article (other than ``exclude``) at or above the
        threshold, with its estimated Jaccard similarity."""
        best: tuple[str, float] | None = None
        for key in self.lsh.query(signature):
            if key == exclude:
                continue
            similarity = float(signature.jaccard(self.signatures[key]))
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (key, similarity)
        return best


class DedupePipeline:
    """Decides, for each record, whether it is new, a new version, unchanged, a copy or a
    near-copy; unchanged records are dropped, the others flagged and passed on.

    Within a run it remembers every record it passed; across runs it reads the SQLite store
    (``NEWSCLEAN_STORE``) and keeps MinHash signatures there. Off when ``NEWSCLEAN_DEDUPE``
    is false; near-duplicate detection is off when ``NEWSCLEAN_NEAR_DUPLICATE_THRESHOLD``
    is 0.
    """

    def __init__(
        self,
        crawler: Crawler,
        *,
        store_path: str | None,
        threshold: float,
        window_days: int,
    ) -> None:
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.store_path = store_path
        self.window_days = window_days
        self.index = NearDuplicateIndex(threshold) if threshold > 0 else None
        self.store: ArticleStore | None = None
        self.seen: dict[str, ArticleState] = {}
        self.owners: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        settings = crawler.settings
        if not settings.getbool("NEWSCLEAN_DEDUPE", True):
            raise NotConfigured("NEWSCLEAN_DEDUPE is off")
        threshold = settings.getfloat("NEWSCLEAN_NEAR_DUPLICATE_THRESHOLD", 0.8)
        if not 0 <= threshold <= 1:
            raise ValueError(f"NEWSCLEAN_NEAR_DUPLICATE_THRESHOLD must be between 0 and 1, not {threshold}")
        return cls(
            crawler,
            store_path=settings.get("NEWSCLEAN_STORE") or None,
            threshold=threshold,
            window_days=settings.getint("NEWSCLEAN_NEAR_DUPLICATE_DAYS", 30),
        )

    def open_spider(self) -> None:
        if self.store_path:
            self.store = ArticleStore.open(self.store_path)
            self.store.migrate("minhash_signatures", _SIGNATURES)
            if self.index is not None:
                self._load_signatures()

    def close_spider(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def _load_signatures(self) -> None:
        """Index the stored articles of the last ``window_days`` days (syndicated copies
        appear within days); signatures missing from the cache are computed and saved."""
        assert self.store is not None and self.index is not None
        since = (datetime.now(UTC) - timedelta(days=self.window_days)).replace(microsecond=0).isoformat()
        rows = self.store.connection.execute(
            "SELECT a.key, a.fingerprint, s.signature, s.fingerprint AS signed FROM articles a"
            " LEFT JOIN minhash_signatures s ON s.key = a.key"
            " WHERE a.duplicate_of IS NULL AND a.fingerprint IS NOT NULL"
            " AND MAX(COALESCE(a.published_at, a.first_seen), a.updated_at) >= ?",
            (since,),
        ).fetchall()
        missing = []
        for row in rows:
            if row["signature"] is not None and row["signed"] == row["fingerprint"]:
                self.index.add(row["key"], LeanMinHash.deserialize(row["signature"]))
            else:
                missing.append(row["key"])
        computed = []
        for key in missing:
            record = self.store.get(key)
            if record and record.get("articleBody"):
                computed.append((key, record["fingerprint"], minhash(record["articleBody"])))
        self._remember_signatures(computed)
        logger.info("Near-duplicate index: %d articles from the last %d days", len(self.index), self.window_days)

    def _remember_signatures(self, signatures: list[tuple[str, str, LeanMinHash]]) -> None:
        """Index ``(key, fingerprint, signature)`` triples and cache them in the store, in one
        transaction (the cache is keyed by fingerprint, so a stale entry is never used)."""
        assert self.index is not None
        for key, _, signature in signatures:
            self.index.add(key, signature)
        if self.store is not None and signatures:
            with self.store.transaction() as conn:
                conn.executemany(
                    "INSERT INTO minhash_signatures (key, fingerprint, signature) VALUES (?, ?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint,"
                    " signature = excluded.signature",
                    [(key, fingerprint, _serialize(signature)) for key, fingerprint, signature in signatures],
                )

    def _previous(self, key: str) -> ArticleState | None:
        if key in self.seen:
            return self.seen[key]
        return self.store.state(key) if self.store is not None else None

    def _owner(self, fingerprint: str, key: str) -> str | None:
        owner = self.owners.get(fingerprint)
        if owner is None and self.store is not None:
            owner = self.store.fingerprint_owner(fingerprint, exclude=key)
        return owner if owner != key else None

    async def process_item(self, item: Any) -> Any:
        if not (isinstance(item, dict) and "cleaning" in item and item.get("articleBody")):
            return item
        try:
            key = article_key(item)
        except ValueError:
            self.stats.inc_value("newsclean/dedupe/no_url")
            return item
        body: str = item["articleBody"]
        fingerprint = item.get("fingerprint") or body_fingerprint(body)
        modified = item.get("dateModified")
        previous = self._previous(key)
        if previous is not None and previous.fingerprint == fingerprint and previous.date_modified == modified:
            self.stats.inc_value("newsclean/dedupe/unchanged")
            if self.store is not None and key not in self.seen:
                self.store.touch(key)
            raise DropItem(f"unchanged since version {previous.version}: {key}", log_level="DEBUG")

        record = dict(item, fingerprint=fingerprint)
        record.pop("duplicateOf", None)
        record.pop("nearDuplicateOf", None)
        record["version"] = 1 if previous is None else previous.version + 1
        self.stats.inc_value("newsclean/dedupe/new" if previous is None else "newsclean/dedupe/updated")

        owner = self._owner(fingerprint, key)
        if owner is not None:
            record["duplicateOf"] = owner
            self.stats.inc_value("newsclean/dedupe/duplicate")
        elif self.index is not None:
            signature = minhash(body)
            nearest = self.index.nearest(signature, exclude=key)
            if nearest is not None:
                record["nearDuplicateOf"] = nearest[0]
                self.stats.inc_value("newsclean/dedupe/near_duplicate")
                logger.debug("%s is a near-duplicate of %s (similarity %.2f)", key, *nearest)
            self._remember_signatures([(key, fingerprint, signature)])

        self.seen[key] = ArticleState(key, item.get("url"), record["version"], fingerprint, modified)
        self.owners.setdefault(fingerprint, key)
        return in_field_order(record)
