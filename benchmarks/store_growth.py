"""Store-growth benchmark: what one record and one crawl cost as the store grows.

    python -m benchmarks.store_growth                        # 10k, 100k and 200k articles, SQLite
    python -m benchmarks.store_growth --sizes 2000 10000     # a quick look while iterating
    python -m benchmarks.store_growth --store postgresql://postgres@127.0.0.1:5432/growth

The store is filled synthetically, in bulk, up to each size in turn (articles with their
version, a cleaning step, the full-text index, crawl bookkeeping rows and a near-duplicate
signature with its bands, all as the pipelines write them; bodies are 300 words drawn from the
real records' running text, so no two are near-duplicates). At each size it measures, on 200
real records (the wcxb-dev pages cleaned and normalised once, under URLs of their own):

- **per record** (median of 4 chunks of 50, ms; the same records at every size, removed
  again after each measurement): the de-duplicate stage (``process_item``:
  exact copy by fingerprint, near-duplicate lookup in the band index, signature written), the
  store stage (``process_item``: upsert, versions, provenance, full-text index) and the crawl's
  bookkeeping (incremental state read and written, the article's state read back, the run
  file's check that the store holds the record); target: each within 1.5x of its figure at
  the first size;
- **near-duplicate lookup** alone (the band query + signature comparisons, ms);
- **full-text search** latency (``store.search`` of two-word queries, median ms);
- **crawl start-up**: a ``newsclean crawl`` of a loopback site with no articles against the
  store, from process start to exit (the stages opening the store, migrating, indexing what
  arrived without them, pruning), minus the same crawl against an empty store run just before
  it (Python and Scrapy starting up take the same time whatever the store), in CPU seconds: on
  a shared machine the load moves a crawl's wall time by more than any store adds; target < 2 s;
- **peak memory** of that crawl (max RSS); target: independent of the store's size.

SQLite by default (a file in a temporary folder, or ``--keep PATH``); ``--store URL`` uses a
PostgreSQL database instead (it must be empty; it is filled and left as it is).
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

DEFAULT_SIZES = (10_000, 100_000, 200_000)
SAMPLE = 200
CHUNK = 50
FLAT = 1.5
STARTUP_LIMIT = 2.0
_VOCABULARY = (
    "harbour council minister report season river election market budget school hospital police court storm "
    "energy price water road bridge village city rail union strike farm weather festival museum science study "
    "vaccine league coach player goal match final winter summer coast island mountain forest border talks treaty "
    "summit leader party vote tax bank loan rate inflation growth export import factory worker wage pension housing"
)
WORDS = _VOCABULARY.split()


# -- real records -----------------------------------------------------------------------------


def real_records(limit: int) -> list[dict[str, Any]]:
    """Cleaned, normalised records of the first ``limit`` wcxb-dev article pages."""
    from newsclean.cleaners import clean_html

    records = []
    for gt_path in sorted((DATA / "wcxb-dev" / "ground-truth").glob("*.json")):
        if len(records) >= limit:
            break
        gt = json.loads(gt_path.read_text(encoding="utf-8"))
        html = DATA / "wcxb-dev" / "html" / f"{gt_path.stem}.html.gz"
        if gt.get("_internal", {}).get("page_type", {}).get("primary") != "article" or not html.exists():
            continue
        article = clean_html(gzip.decompress(html.read_bytes()), url=gt.get("url") or f"https://example.com/{gt_path.stem}")
        record = article.to_dict()  # clean_html's record is normalised already
        if record.get("articleBody"):
            records.append(record)
    if not records:
        raise SystemExit(f"no pages under {DATA}: the benchmark needs ../shared/data")
    return records


def fresh(records: list[dict[str, Any]], size: int) -> list[dict[str, Any]]:
    """The records under URLs of their own for this size (new articles to the store)."""
    out = []
    for n, record in enumerate(records):
        url = f"https://growth-{size}.example.com/news/story-{n:04d}"
        out.append({**record, "url": url, "canonicalUrl": url, "site": f"growth-{size}.example.com"})
    return out


# -- bulk fill --------------------------------------------------------------------------------


def vocabulary(records: list[dict[str, Any]]) -> list[str]:
    """The real records' words in running order: sampling it gives bodies with a natural
    (Zipf-like) spread of common and rare words."""
    from newsclean.cleaners.normalize import word_tokens

    return [w for r in records for w in word_tokens(r["articleBody"])] or WORDS


def fill(store: Any, start: int, stop: int, rng: random.Random, words: list[str] = WORDS) -> None:
    """Articles ``start`` .. ``stop - 1``, written as the store and de-duplicate stages write
    them, in transactions of 2,000."""
    import numpy as np
    from datasketch import LeanMinHash, MinHash
    from newsclean.cleaners.normalize import body_fingerprint
    from newsclean.pipelines.dedupe import NUM_PERM, StoredBandIndex
    from newsclean.spiders.incremental import SCHEMA as SEEN_SCHEMA

    store.migrate("crawl_seen", [SEEN_SCHEMA])
    scheme = MinHash(num_perm=NUM_PERM).scheme
    index = StoredBandIndex(store, 0.8, 30)
    index.open()
    now = datetime.now(UTC).replace(microsecond=0)
    for at in range(start, stop, 2000):
        batch = range(at, min(stop, at + 2000))
        signatures = []
        with store.transaction() as conn:
            for n in batch:
                url = f"https://site-{n % 100:02d}.example.com/news/{n:07d}-story"
                body = " ".join(rng.choices(words, k=300))
                fingerprint = body_fingerprint(body)
                when = (now - timedelta(seconds=n % 86_400)).isoformat()
                record = {"url": url, "canonicalUrl": url, "site": f"site-{n % 100:02d}.example.com",
                          "headline": f"Story {n}: {' '.join(rng.choices(words, k=6))}", "articleBody": body,
                          "datePublished": when, "fingerprint": fingerprint, "version": 1,
                          "cleaning": [{"cleaner": "edges", "action": "removed", "text": "Share this story",
                                        "reason": "share links"}]}
                article_id = conn.execute(
                    "INSERT INTO articles (key, first_seen, url, site, headline, published_at, date_modified,"
                    " fingerprint, version, duplicate_of, near_duplicate_of, last_seen, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, NULL, ?, 1, NULL, NULL, ?, ?) RETURNING id",
                    (url, when, url, record["site"], record["headline"], when, fingerprint, when, when),
                ).fetchone()[0]
                conn.execute(
                    "INSERT INTO article_versions (article_id, version, fingerprint, date_modified, stored_at, record)"
                    " VALUES (?, 1, ?, NULL, ?, ?)",
                    (article_id, fingerprint, when, json.dumps(record)),
                )
                conn.execute(
                    "INSERT INTO cleaning_steps (article_id, version, position, cleaner, action, field, block,"
                    " reason, text) VALUES (?, 1, 0, 'edges', 'removed', NULL, NULL, 'share links',"
                    " 'Share this story')",
                    (article_id,),
                )
                store._index_text(conn, article_id, record)
                conn.execute(
                    "INSERT INTO crawl_seen (url, first_seen, last_fetched, last_checked, lastmod, etag,"
                    " last_modified, outcome) VALUES (?, ?, ?, ?, NULL, NULL, NULL, 'scraped')",
                    (url, when, when, when),
                )
                values = np.array([rng.getrandbits(32) for _ in range(NUM_PERM)], dtype=np.uint64)
                signatures.append((url, fingerprint, LeanMinHash(seed=1, hashvalues=values, scheme=scheme)))
        index.add(signatures)
    with store.transaction() as conn:
        top = conn.execute("SELECT MAX(id) FROM articles").fetchone()[0] or 0
        conn.execute("UPDATE minhash_watermark SET last_id = ?", (top,))


# -- per-record costs --------------------------------------------------------------------------


def _drive(coroutine: Any) -> Any:
    """Run a coroutine that never waits (a pipeline's ``process_item``) to its end."""
    try:
        coroutine.send(None)
    except StopIteration as done:
        return done.value
    raise RuntimeError("process_item waited on something")


def per_record(location: str, records: list[dict[str, Any]]) -> dict[str, float]:
    """Median ms per record over chunks: dedupe, store, bookkeeping, near-duplicate lookup."""
    from newsclean.pipelines.article_store import article_key, open_store
    from newsclean.pipelines.dedupe import DedupePipeline, StoredBandIndex, minhash
    from newsclean.pipelines.store import StorePipeline
    from newsclean.spiders.incremental import SeenUrls
    from scrapy.exceptions import DropItem
    from scrapy.utils.test import get_crawler

    crawler = get_crawler(settings_dict={"NEWSCLEAN_STORE": location})
    crawler.stats.open_spider()  # type: ignore[union-attr,call-arg]
    dedupe = DedupePipeline.from_crawler(crawler)
    storing = StorePipeline.from_crawler(crawler)
    dedupe.open_spider()
    storing.open_spider()
    seen = SeenUrls(location)
    reader = open_store(location)
    index = StoredBandIndex(reader, 0.8, 30)
    signatures = [minhash(r["articleBody"]) for r in records]
    times: dict[str, list[float]] = {"de-duplicate": [], "store": [], "bookkeeping": [], "near-duplicate lookup": []}
    try:
        for at in range(0, len(records), CHUNK):
            chunk = records[at : at + CHUNK]
            began = time.perf_counter()
            for i, record in enumerate(chunk):
                index.nearest(signatures[at + i], exclude=article_key(record))
            times["near-duplicate lookup"].append((time.perf_counter() - began) / len(chunk))
            passed = []
            began = time.perf_counter()
            for record in chunk:
                with contextlib.suppress(DropItem):
                    passed.append(_drive(dedupe.process_item(dict(record))))
            times["de-duplicate"].append((time.perf_counter() - began) / len(chunk))
            began = time.perf_counter()
            for record in passed:
                _drive(storing.process_item(record))
            times["store"].append((time.perf_counter() - began) / max(len(passed), 1))
            began = time.perf_counter()
            for record in passed:
                url = record["url"]
                seen.get(url)  # the incremental decision before the request
                seen.record_fetch([url], now=time.time(), lastmod=None, etag=None, last_modified=None,
                                  outcome="scraped")
                reader.state(article_key(record))  # the incremental outcome after the item
                reader.versions(article_key(record))  # the run file's check when it is published
            times["bookkeeping"].append((time.perf_counter() - began) / max(len(passed), 1))
    finally:
        dedupe.close_spider()
        storing.close_spider()
        seen.close()
        reader.close()
    return {name: 1000 * statistics.median(values) for name, values in times.items()}


def forget(location: str, records: list[dict[str, Any]]) -> None:
    """Remove the measured records again (every table they reached), so the next size
    measures the same records as new articles."""
    from newsclean.pipelines.article_store import article_key, open_store

    keys = [article_key(r) for r in records]
    with open_store(location) as store, store.transaction() as conn:
        for key in keys:
            row = conn.execute("SELECT id FROM articles WHERE key = ?", (key,)).fetchone()
            conn.execute("DELETE FROM minhash_bands WHERE key = ?", (key,))
            conn.execute("DELETE FROM minhash_signatures WHERE key = ?", (key,))
            conn.execute("DELETE FROM crawl_seen WHERE url = ?", (key,))
            if row is not None:
                for table in ("cleaning_steps", "article_versions"):
                    conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (row[0],))
                if store.dialect == "sqlite":  # PostgreSQL's index is a column of articles
                    conn.execute("DELETE FROM articles_fts WHERE rowid = ?", (row[0],))
                conn.execute("DELETE FROM articles WHERE id = ?", (row[0],))


def search_latency(location: str, rng: random.Random, words: list[str], queries: int = 30) -> float:
    """Median ms of ``store.search`` for two words drawn from the distinct words (most are
    rare: a few hundred matches), best 10 hits."""
    from newsclean.pipelines.article_store import open_store

    distinct = sorted(set(words))
    with open_store(location) as store:
        samples = []
        for _ in range(queries):
            query = " ".join(rng.sample(distinct, 2))
            began = time.perf_counter()
            store.search(query, limit=10)
            samples.append(time.perf_counter() - began)
    return 1000 * statistics.median(samples)


# -- crawl start-up -----------------------------------------------------------------------------


def crawl_child(report: str, argv: list[str]) -> int:
    """Run ``newsclean`` with ``argv``; write its wall time from process start and peak RSS."""
    from newsclean.spiders.cli import main

    try:
        code = main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    wall = time.time() - float(os.environ["GROWTH_STARTED"])
    usage = resource.getrusage(resource.RUSAGE_SELF)
    peak, cpu = _own_peak_mb(usage), usage.ru_utime + usage.ru_stime
    Path(report).write_text(json.dumps({"wall": wall, "cpu": cpu, "peak_mb": peak, "exit": code}))
    return 0


def _own_peak_mb(usage: resource.struct_rusage) -> float:
    """This process's own peak RSS in MB (``VmHWM``). ``ru_maxrss`` is not: Linux keeps the
    larger of it and the parent's RSS at the fork across ``exec``, so a crawl started by a
    parent that had cleaned the sample records and filled the store reported the parent's
    size (the "+80 MB of a filled store" of earlier runs)."""
    with contextlib.suppress(OSError, ValueError):
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return usage.ru_maxrss / 1024


def startup(location: str, base: str, out: Path) -> tuple[float, float, float]:
    """Wall s, CPU s and peak MB of a crawl of a site without articles against the store."""
    report = out / "child.json"
    argv = ["crawl", "news", "-a", f"start={base}", "--output", str(out), "--store", location, "--quiet",
            "-s", "LOG_LEVEL=ERROR", "-s", "ROBOTSTXT_OBEY=False", "-s", "DOWNLOAD_DELAY=0",
            "-s", "AUTOTHROTTLE_ENABLED=False"]
    env = dict(os.environ, PYTHONWARNINGS="ignore", GROWTH_STARTED=str(time.time()))
    subprocess.run([sys.executable, "-m", "benchmarks.store_growth", "--crawl-child", str(report), "--", *argv],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT, check=False)
    found = json.loads(report.read_text())
    return float(found["wall"]), float(found["cpu"]), float(found["peak_mb"])


# -- main ---------------------------------------------------------------------------------------


def _size_of(location: str) -> str:
    if location.startswith("postgresql"):
        return "-"
    total = sum(Path(p).stat().st_size for p in (location, location + "-wal") if Path(p).exists())
    return f"{total / 1e6:.0f} MB"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(DEFAULT_SIZES),
                        help="store sizes in articles, ascending (default 10000 100000 200000)")
    parser.add_argument("--store", help="a PostgreSQL URL (an empty database) instead of an SQLite file")
    parser.add_argument("--keep", help="fill this SQLite file (kept) instead of a temporary one")
    parser.add_argument("--crawl-child", help=argparse.SUPPRESS)
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.crawl_child:
        return crawl_child(args.crawl_child, args.rest)
    sizes = sorted(set(args.sizes))

    from newsclean.pipelines.article_store import open_store

    from benchmarks.scale import LoopbackSites

    rng = random.Random(14)
    print(f"store: {'PostgreSQL' if args.store else 'SQLite'}; sizes {', '.join(f'{s:,}' for s in sizes)}; "
          f"{SAMPLE} real records per size; {os.cpu_count()} CPUs")
    records = real_records(SAMPLE)
    words = vocabulary(records)
    site = LoopbackSites([[]])
    rows = []
    try:
        with tempfile.TemporaryDirectory(prefix="newsclean-growth-") as tmp_name:
            tmp = Path(tmp_name)
            location = args.store or args.keep or str(tmp / "growth.sqlite3")
            empty = str(tmp / "empty.sqlite3")
            base_wall, base_cpu, base_peak = startup(empty, site.bases()[0], tmp / "crawl-empty")
            print(f"  empty store: crawl start-up {base_wall:.2f} s ({base_cpu:.2f} s CPU), peak {base_peak:.0f} MB",
                  flush=True)
            filled = 0
            with open_store(location) as store:
                filled = int(store.connection.execute("SELECT count(*) FROM articles").fetchone()[0])
            for size in sizes:
                if size > filled:
                    began = time.perf_counter()
                    with open_store(location) as store:
                        fill(store, filled, size, rng, words)
                    print(f"  filled {filled:,} -> {size:,} articles in {time.perf_counter() - began:.0f} s"
                          f" ({_size_of(location)})", flush=True)
                    filled = size
                # The empty store's crawl right before the filled one's: a shared machine's load
                # moves a whole crawl's wall time by more than a store adds (38 s against 4 s at
                # load 10), so the added start-up is read in CPU time, beside its pair.
                empty_wall, empty_cpu, _ = startup(empty, site.bases()[0], tmp / f"crawl-empty-{size}")
                wall, cpu, peak = startup(location, site.bases()[0], tmp / f"crawl-{size}")
                costs = per_record(location, fresh(records, 0))
                forget(location, fresh(records, 0))
                search = search_latency(location, rng, words)
                rows.append((size, costs, cpu - empty_cpu, peak, search))
                print(f"  {size:,}: " + ", ".join(f"{k} {v:.2f} ms" for k, v in costs.items())
                      + f", search {search:.1f} ms, start-up +{cpu - empty_cpu:.2f} s CPU"
                      f" (wall {empty_wall:.2f} s empty, {wall:.2f} s filled), peak {peak:.0f} MB", flush=True)
    finally:
        site.close()

    names = list(rows[0][1])
    print(f"\nPer-record cost and crawl start-up as the store grows ({'PostgreSQL' if args.store else 'SQLite'};"
          f" ms per record, median of chunks of {CHUNK}; x: ratio to {sizes[0]:,}):")
    head = f"{'articles':>9} " + " ".join(f"{n:>24}" for n in names) + f" {'search ms':>10} {'start-up CPU s':>15}" \
        f" {'peak MB':>8}"
    print(head)
    first = rows[0]
    for size, costs, wall, peak, search in rows:
        cells = " ".join(f"{costs[n]:>14.2f} ({costs[n] / first[1][n]:4.2f}x)" for n in names)
        print(f"{size:>9,} {cells} {search:>10.1f} {wall:>+15.2f} {peak:>8.0f}")
    worst = {n: max(r[1][n] / first[1][n] for r in rows) for n in ("de-duplicate", "store", "bookkeeping")}
    flat = all(v <= FLAT for v in worst.values())
    print(f"target: per-record costs within {FLAT}x of the {sizes[0]:,} figure: "
          + ", ".join(f"{n} {v:.2f}x" for n, v in worst.items()) + (" (met)" if flat else " (NOT met)"))
    slowest = max(r[2] for r in rows)
    print(f"target: crawl start-up under {STARTUP_LIMIT:.0f} s: the store adds at most {slowest:+.2f} s of CPU"
          f" ({'met' if slowest < STARTUP_LIMIT else 'NOT met'}); the whole empty crawl, Python and Scrapy"
          f" starting included, takes {base_cpu:.2f} s of CPU ({base_wall:.2f} s wall)")
    peaks = [r[3] for r in rows]
    print(f"peak memory of the crawl: {base_peak:.0f} MB empty, {min(peaks):.0f}-{max(peaks):.0f} MB filled"
          f" ({'independent of size' if max(peaks) - base_peak < 0.1 * base_peak + 10 else 'GROWS'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
