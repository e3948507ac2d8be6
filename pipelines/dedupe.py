"""De-duplicate stage: one article once, new versions when it changes, copies flagged."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

from datasketch import LeanMinHash, MinHash, MinHashLSH
from newsclean.cleaners.normalize import body_fingerprint, in_field_order, word_tokens
from newsclean.pipelines.article_store import ArticleState, ArticleStore, article_key, open_store
from newsclean.pipelines.settings import DEFAULTS
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

__all__ = ["DedupePipeline", "NearDuplicateIndex", "StoredBandIndex", "bands_for", "minhash"]

logger = logging.getLogger(__name__)

NUM_PERM = 128
"""MinHash permutations: estimates similarity to about ±0.09 (1/sqrt(128))."""
SHINGLE = 4
"""Words per shingle: long enough that shared common phrases do not look like copies."""

RECALL_WEIGHTS = (0.05, 0.95)
"""Weights of false positives and false negatives when choosing the LSH bands: recall first,
since every candidate is checked against the threshold with its full signature anyway. At
the default threshold (0.8) this gives 16 bands of 8 rows: a pair at the threshold becomes a
candidate 95% of the time (datasketch's default weights, 9 bands of 13 rows: 40%), a pair at
0.5 similarity 6% of the time."""

_SIGNATURES: dict[str, tuple[str, ...]] = {
    "sqlite": (
        """
        CREATE TABLE minhash_signatures (
            key TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            signature BLOB NOT NULL
        );
        """,
        # v2: a persistent band index queried per record instead of an index rebuilt per run.
        """
        ALTER TABLE minhash_signatures ADD COLUMN stamp TEXT;
        CREATE INDEX minhash_signatures_stamp ON minhash_signatures (stamp);
        CREATE TABLE minhash_bands (
            bucket INTEGER NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (bucket, key)
        ) WITHOUT ROWID;
        CREATE INDEX minhash_bands_key ON minhash_bands (key);
        CREATE TABLE minhash_watermark (last_id INTEGER NOT NULL);
        INSERT INTO minhash_watermark VALUES (0);
        """,
    ),
    "postgresql": (
        """
        CREATE TABLE minhash_signatures (
            key TEXT PRIMARY KEY,
            fingerprint TEXT NOT NULL,
            signature BYTEA NOT NULL
        );
        """,
        """
        ALTER TABLE minhash_signatures ADD COLUMN stamp TEXT;
        CREATE INDEX minhash_signatures_stamp ON minhash_signatures (stamp);
        CREATE TABLE minhash_bands (
            bucket BIGINT NOT NULL,
            key TEXT NOT NULL,
            PRIMARY KEY (bucket, key)
        );
        CREATE INDEX minhash_bands_key ON minhash_bands (key);
        CREATE TABLE minhash_watermark (last_id BIGINT NOT NULL);
        INSERT INTO minhash_watermark VALUES (0);
        """,
    ),
}


@cache
def lsh_bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """``(bands, rows)`` minimising the weighted areas of false positives and false negatives
    around ``threshold`` (:data:`RECALL_WEIGHTS`), as datasketch chooses them."""
    fp_weight, fn_weight = RECALL_WEIGHTS
    steps = 400

    def area(bands: int, rows: int, lo: float, hi: float, miss: bool) -> float:
        total = 0.0
        width = (hi - lo) / steps
        for i in range(steps):
            s = lo + (i + 0.5) * width
            p = 1 - (1 - s**rows) ** bands
            total += (1 - p if miss else p) * width
        return total

    best: tuple[float, int, int] | None = None
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            error = fp_weight * area(bands, rows, 0.0, threshold, False) + fn_weight * area(
                bands, rows, threshold, 1.0, True
            )
            if best is None or error < best[0]:
                best = (error, bands, rows)
    assert best is not None
    return best[1], best[2]


def bands_for(signature: LeanMinHash, bands: int, rows: int) -> list[int]:
    """The signature's LSH buckets: one signed 64-bit hash per band (its number and values)."""
    values = signature.hashvalues
    buckets = []
    for band in range(bands):
        chunk = values[band * rows : (band + 1) * rows].tobytes()
        digest = hashlib.blake2b(band.to_bytes(2, "big") + chunk, digest_size=8).digest()
        buckets.append(int.from_bytes(digest, "big", signed=True))
    return buckets


@cache
def _permutations() -> tuple[Any, Any]:
    """datasketch's permutations for ``NUM_PERM`` (default seed and scheme), drawn once
    rather than for every text."""
    model = MinHash(num_perm=NUM_PERM)
    return model.permutations, model.scheme


def _sha1_32(data: bytes, _sha1: Any = hashlib.sha1) -> int:
    """datasketch's default hash (``sha1_hash32``: the SHA-1's first 4 bytes, little-endian)."""
    return int.from_bytes(_sha1(data).digest()[:4], "little")


def minhash(text: str) -> LeanMinHash:
    """MinHash signature of ``text``'s word 4-grams (case-insensitive)."""
    words = [w.casefold() for w in word_tokens(text)]
    if len(words) >= SHINGLE:
        shingles = {" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}
    else:
        shingles = {" ".join(words)}
    permutations, scheme = _permutations()
    m = MinHash(num_perm=NUM_PERM, hashfunc=_sha1_32, permutations=permutations, scheme=scheme)
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
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM, params=lsh_bands(threshold))
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


class StoredBandIndex:
    """The near-duplicate index kept in the store (SQLite or PostgreSQL), shared by every
    crawl worker and never loaded whole: each record's bands are looked up with one indexed
    query (``minhash_bands``), and the candidates' signatures are compared with its own.

    Articles indexed longer ago than ``window_days`` (by their publication or last update)
    are not matched, and are removed when a crawl opens the index. Articles stored without
    this stage (another tool, the stage turned off) are indexed when a crawl next opens it
    (those after the ``minhash_watermark`` id).
    """

    def __init__(self, store: ArticleStore, threshold: float, window_days: int) -> None:
        self.store = store
        self.threshold = threshold
        self.window_days = window_days
        self.bands, self.rows = lsh_bands(threshold)

    def since(self) -> str:
        return (datetime.now(UTC) - timedelta(days=self.window_days)).replace(microsecond=0).isoformat()

    def open(self) -> None:
        """Migrate, index what arrived without this stage, and drop what left the window."""
        store = self.store
        before = store.connection.execute(
            "SELECT version FROM schema_versions WHERE component = 'minhash_signatures'"
        ).fetchone() if _has_versions(store) else None
        store.migrate("minhash_signatures", _SIGNATURES[store.dialect])
        if before is not None and before[0] < 2:
            self._band_cached_signatures()
        self._index_unsigned()
        self._prune()

    def _band_cached_signatures(self) -> None:
        """Signatures cached by an older newsclean (no bands, no stamp) join the band index."""
        rows = self.store.connection.execute(
            "SELECT s.key, s.signature, CASE WHEN COALESCE(a.published_at, a.first_seen) > a.updated_at"
            " THEN COALESCE(a.published_at, a.first_seen) ELSE a.updated_at END AS stamp"
            " FROM minhash_signatures s JOIN articles a ON a.key = s.key"
            " WHERE s.stamp IS NULL AND a.fingerprint = s.fingerprint AND a.duplicate_of IS NULL"
        ).fetchall()
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM minhash_signatures WHERE stamp IS NULL AND key NOT IN"
                         " (SELECT key FROM articles WHERE duplicate_of IS NULL)")
            for row in rows:
                conn.execute("UPDATE minhash_signatures SET stamp = ? WHERE key = ?", (row["stamp"], row["key"]))
                signature = LeanMinHash.deserialize(bytes(row["signature"]))
                self._write_bands(conn, row["key"], signature, bands_for(signature, self.bands, self.rows))

    def _index_unsigned(self) -> None:
        """Articles stored since the last crawl without a signature (in the window) get one."""
        store = self.store
        (last_id,) = store.connection.execute("SELECT last_id FROM minhash_watermark").fetchone()
        rows = store.connection.execute(
            "SELECT a.id, a.key, a.fingerprint FROM articles a"
            " LEFT JOIN minhash_signatures s ON s.key = a.key AND s.fingerprint = a.fingerprint"
            " WHERE a.id > ? AND s.key IS NULL AND a.duplicate_of IS NULL AND a.fingerprint IS NOT NULL"
            " AND a.updated_at >= ? ORDER BY a.id",
            (last_id, self.since()),
        ).fetchall()
        top = store.connection.execute("SELECT MAX(id) FROM articles").fetchone()[0] or 0
        signed = []
        for row in rows:
            record = store.get(row["key"])
            if record and record.get("articleBody"):
                signed.append((row["key"], row["fingerprint"], minhash(record["articleBody"])))
        self.add(signed)
        with store.transaction() as conn:
            conn.execute("UPDATE minhash_watermark SET last_id = ? WHERE last_id < ?", (top, top))
        if signed:
            logger.info("Near-duplicate index: %d articles stored without it were added", len(signed))

    def _prune(self) -> None:
        with self.store.transaction() as conn:
            if self.store.dialect == "postgresql":  # one worker prunes at a time
                got = conn.execute("SELECT pg_try_advisory_xact_lock(?)", (0x6D696E68617368,)).fetchone()[0]
                if not got:
                    return
            since = self.since()
            conn.execute(
                "DELETE FROM minhash_bands WHERE key IN (SELECT key FROM minhash_signatures WHERE stamp < ?)",
                (since,),
            )
            conn.execute("DELETE FROM minhash_signatures WHERE stamp < ?", (since,))

    @staticmethod
    def _write_bands(conn: Any, key: str, signature: LeanMinHash, bands: Sequence[int]) -> None:
        conn.execute("DELETE FROM minhash_bands WHERE key = ?", (key,))
        if bands:
            conn.executemany(
                "INSERT INTO minhash_bands (bucket, key) VALUES (?, ?) ON CONFLICT DO NOTHING",
                [(bucket, key) for bucket in sorted(set(bands))],
            )

    def add(self, signatures: Iterable[tuple[str, str, LeanMinHash]]) -> None:
        """Index ``(key, fingerprint, signature)`` triples, in one transaction."""
        items = list(signatures)
        if not items:
            return
        stamp = datetime.now(UTC).replace(microsecond=0).isoformat()
        with self.store.transaction() as conn:
            for key, fingerprint, signature in items:
                conn.execute(
                    "INSERT INTO minhash_signatures (key, fingerprint, signature, stamp) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT (key) DO UPDATE SET fingerprint = excluded.fingerprint,"
                    " signature = excluded.signature, stamp = excluded.stamp",
                    (key, fingerprint, _serialize(signature), stamp),
                )
                self._write_bands(conn, key, signature, bands_for(signature, self.bands, self.rows))

    def remove(self, key: str) -> None:
        """``key`` is no longer a near-duplicate target (it became an exact copy)."""
        with self.store.transaction() as conn:
            conn.execute("DELETE FROM minhash_bands WHERE key = ?", (key,))
            conn.execute("DELETE FROM minhash_signatures WHERE key = ?", (key,))

    def nearest(self, signature: LeanMinHash, *, exclude: str) -> tuple[str, float] | None:
        """The most similar indexed article (other than ``exclude``) at or above the
        threshold, with its estimated Jaccard similarity."""
        buckets = bands_for(signature, self.bands, self.rows)
        marks = ", ".join("?" for _ in buckets)
        rows = self.store.connection.execute(
            "SELECT s.key, s.signature FROM minhash_signatures s WHERE s.key IN"
            f" (SELECT b.key FROM minhash_bands b WHERE b.bucket IN ({marks}))"
            " AND s.stamp >= ? AND s.key <> ?",
            (*buckets, self.since(), exclude),
        ).fetchall()
        best: tuple[str, float] | None = None
        for row in rows:
            similarity = float(signature.jaccard(LeanMinHash.deserialize(bytes(row["signature"]))))
            if similarity >= self.threshold and (
                best is None or similarity > best[1] or (similarity == best[1] and row["key"] < best[0])
            ):
                best = (row["key"], similarity)
        return best


def _has_versions(store: ArticleStore) -> bool:
    if store.dialect == "postgresql":
        return bool(store.connection.execute("SELECT to_regclass('schema_versions') IS NOT NULL").fetchone()[0])
    return store.connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_versions'"
    ).fetchone() is not None


class DedupePipeline:
    """Decides, for each record, whether it is new, a new version, unchanged, a copy or a
    near-copy; unchanged records are dropped, the others flagged and passed on.

    Within a run it remembers every record it passed; across runs (and across workers
    sharing a PostgreSQL store) it reads the store (``NEWSCLEAN_STORE``), whose
    :class:`StoredBandIndex` answers near-duplicate lookups per record. Without a store the
    near-duplicate index is this run's, in memory. Off when ``NEWSCLEAN_DEDUPE`` is false;
    near-duplicate detection is off when ``NEWSCLEAN_NEAR_DUPLICATE_THRESHOLD`` is 0.
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
        self.threshold = threshold
        self.window_days = window_days
        self.index: NearDuplicateIndex | StoredBandIndex | None = (
            NearDuplicateIndex(threshold) if threshold > 0 and not store_path else None
        )
        self.store: ArticleStore | None = None
        self.seen: dict[str, ArticleState] = {}
        self.owners: dict[str, str] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> DedupePipeline:
        settings = crawler.settings
        if not settings.getbool("NEWSCLEAN_DEDUPE", DEFAULTS["NEWSCLEAN_DEDUPE"]):
            raise NotConfigured("NEWSCLEAN_DEDUPE is off")
        name = "NEWSCLEAN_NEAR_DUPLICATE_THRESHOLD"
        threshold = settings.getfloat(name, DEFAULTS[name])
        if not 0 <= threshold <= 1:
            raise ValueError(f"NEWSCLEAN_NEAR_DUPLICATE_THRESHOLD must be between 0 and 1, not {threshold}")
        return cls(
            crawler,
            store_path=settings.get("NEWSCLEAN_STORE") or None,
            threshold=threshold,
            window_days=settings.getint("NEWSCLEAN_NEAR_DUPLICATE_DAYS", DEFAULTS["NEWSCLEAN_NEAR_DUPLICATE_DAYS"]),
        )

    def open_spider(self) -> None:
        if self.store_path:
            self.store = open_store(self.store_path)
            if self.threshold > 0:
                index = StoredBandIndex(self.store, self.threshold, self.window_days)
                index.open()
                self.index = index
            else:
                self.store.migrate("minhash_signatures", _SIGNATURES[self.store.dialect])

    def close_spider(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def _remember_signatures(self, signatures: list[tuple[str, str, LeanMinHash]]) -> None:
        assert self.index is not None
        if isinstance(self.index, StoredBandIndex):
            self.index.add(signatures)
        else:
            for key, _, signature in signatures:
                self.index.add(key, signature)

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
        if (
            previous is not None
            and previous.fingerprint == fingerprint
            and previous.date_modified == modified
            and previous.disappeared_at is None  # back on the site after it was gone: a new version
        ):
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
            if isinstance(self.index, StoredBandIndex) and previous is not None:
                self.index.remove(key)  # a copy now: no longer a near-duplicate target
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
