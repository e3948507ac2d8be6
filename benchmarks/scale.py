"""Scale-out benchmark: crawl workers against PostgreSQL, and the per-record cost of each store.

    python -m benchmarks.scale                 # 2,000 pages; 1, 2 and 4 workers
    python -m benchmarks.scale --pages 300 --workers 1 2   # a quick look while iterating

Starts a throwaway PostgreSQL and Redis (benchmarks/servers.py) and a fast loopback news site
(an asyncio HTTP/1.1 server in its own process, keep-alive, pages held in memory) whose article
pages are real news pages from ``../shared/data`` (wcxb-dev articles, then dragnet), listed
in a sitemap. Then:

1. **Crawl scaling.** ``newsclean crawl`` with the whole chain, politeness off, into one
   PostgreSQL store, with N site-sharded workers (the site's pages split into N sites, one
   worker each, started together) and with N workers sharing one site through the Redis
   frontier: wall time, pages/s, and the ratio to one worker. Each configuration starts
   from an empty database.
2. **Per-record store cost.** The records of the crawl stored again into a fresh SQLite file
   and a fresh PostgreSQL database, interleaved in chunks: ms per ``put``; and the
   near-duplicate index per record (lookup + insert): the band table in SQLite, in
   PostgreSQL, and datasketch's ``MinHashLSH`` with its Redis storage.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import multiprocessing
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.servers import free_port, postgres_server, redis_server  # noqa: E402


def news_pages(limit: int) -> list[bytes]:
    """Real article pages: the wcxb-dev articles, then dragnet's pages (cycled if needed)."""
    pages: list[bytes] = []
    wcxb = DATA / "wcxb-dev"
    for gt_path in sorted((wcxb / "ground-truth").glob("*.json")):
        gt = json.loads(gt_path.read_text(encoding="utf-8"))
        html = wcxb / "html" / f"{gt_path.stem}.html.gz"
        if gt.get("_internal", {}).get("page_type", {}).get("primary") == "article" and html.exists():
            pages.append(gzip.decompress(html.read_bytes()))
    for path in sorted((DATA / "dragnet" / "html").glob("*")):
        body = path.read_bytes()
        pages.append(gzip.decompress(body) if path.suffix == ".gz" else body)  # served as HTML, not gzip
    if not pages:
        raise SystemExit(f"no pages under {DATA}: the benchmark needs ../shared/data")
    return [pages[n % len(pages)] for n in range(limit)]


# -- the loopback site --------------------------------------------------------------------------


SECTIONS = ("world", "politics", "business", "science", "health", "sport", "culture", "opinion", "travel",
            "climate", "technology", "education", "media", "law", "money", "food", "books", "music", "film", "cities")
"""Section fronts of the loopback site when it has listings (at most 20: the news spider's limit)."""


def _site_files(pages: list[bytes], base: str, sections: int = 0) -> dict[str, tuple[bytes, str]]:
    """The site: the article pages, a sitemap named in robots.txt, and with ``sections`` a
    homepage linking that many section fronts, each linking its share of the articles."""
    files: dict[str, tuple[bytes, str]] = {}
    entries = []
    paths = []
    for n, body in enumerate(pages):
        path = f"/news/2024/story-{n:05d}-harbour-report.html"
        paths.append(path)
        files[path] = (body, "text/html")  # no charset: the pages say theirs (or are detected)
        entries.append(f"<url><loc>{base}{path}</loc><lastmod>2024-05-01T10:00:00Z</lastmod></url>")
    sitemap = (
        '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
        + "".join(entries) + "</urlset>"
    )
    files["/sitemap.xml"] = (sitemap.encode(), "application/xml")
    files["/robots.txt"] = (f"User-agent: *\nAllow: /\nSitemap: {base}/sitemap.xml\n".encode(), "text/plain")
    names = SECTIONS[: max(0, min(sections, len(SECTIONS)))]
    links = "".join(f'<li><a href="/{name}/">{name.title()}</a></li>' for name in names)
    files["/"] = (f"<!doctype html><html><head><title>Loopback News</title></head><body><h1>News</h1>"
                  f"<ul>{links}</ul></body></html>".encode(), "text/html")
    for k, name in enumerate(names):
        items = "".join(f'<li><a href="{path}">Story {path[17:22]}</a></li>' for path in paths[k :: len(names)])
        files[f"/{name}/"] = (f"<!doctype html><html><head><title>{name.title()} - Loopback News</title></head>"
                              f"<body><h1>{name.title()}</h1><ul>{items}</ul></body></html>".encode(), "text/html")
    return files


def _serve(sites: list[tuple[int, list[bytes]]], ready: Any, sections: int = 0) -> None:
    """Serve each (port, pages) site over HTTP/1.1 keep-alive until killed."""

    async def main() -> None:
        for port, pages in sites:
            files = _site_files(pages, f"http://127.0.0.1:{port}", sections)

            async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter,
                             files: dict[str, tuple[bytes, str]] = files) -> None:
                try:
                    while True:
                        head = await reader.readuntil(b"\r\n\r\n")
                        path = head.split(b" ", 2)[1].decode("latin-1").split("?")[0]
                        found = files.get(path)
                        if found is None:
                            writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n")
                        else:
                            body, kind = found
                            writer.write(
                                f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n\r\n"
                                .encode() + body
                            )
                        await writer.drain()
                except (asyncio.IncompleteReadError, ConnectionError):
                    pass
                finally:
                    writer.close()

            await asyncio.start_server(handle, "127.0.0.1", port, backlog=512)
        ready.set()
        await asyncio.Event().wait()

    asyncio.run(main())


class LoopbackSites:
    """``len(shards)`` sites on 127.0.0.1, each serving its share of the pages, in a child process."""

    def __init__(self, shards: list[list[bytes]], sections: int = 0) -> None:
        self.ports = [free_port() for _ in shards]
        ctx = multiprocessing.get_context("fork")
        ready = ctx.Event()
        self.process = ctx.Process(target=_serve, args=(list(zip(self.ports, shards, strict=True)), ready, sections),
                                   daemon=True)
        self.process.start()
        if not ready.wait(30):
            raise RuntimeError("the loopback site did not start")

    def bases(self) -> list[str]:
        return [f"http://127.0.0.1:{port}/" for port in self.ports]

    def close(self) -> None:
        self.process.kill()
        self.process.join()


# -- crawling -----------------------------------------------------------------------------------

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "ROBOTSTXT_OBEY=False",
        "-s", "CONCURRENT_REQUESTS=16", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16", "-s", "LOG_LEVEL=WARNING"]


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def crawl_workers(
    starts: list[str], store: str, out: Path, extra: list[str]
) -> tuple[float, int, list[int], float]:
    """Start one ``newsclean crawl`` per start URL together; wall time, pages fetched, exits,
    and the workers' CPU seconds."""
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    cpu_before = _children_cpu()
    began = time.perf_counter()
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "newsclean.spiders.cli", "crawl", "news", "-a", f"start={start}",
             "--output", str(out / f"w{k}"), "--store", store, "--quiet", *FAST, *extra],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
        )
        for k, start in enumerate(starts)
    ]
    codes = []
    for process in processes:
        _, err = process.communicate()
        codes.append(process.returncode)
        if process.returncode:
            print(err.decode(errors="replace")[-1500:], file=sys.stderr)
    wall = time.perf_counter() - began
    cpu = _children_cpu() - cpu_before
    pages = 0
    for k in range(len(starts)):
        runs = out / f"w{k}" / "runs.jsonl"
        if runs.exists():
            pages += sum(json.loads(line)["pages_fetched"] for line in runs.read_text().splitlines())
    return wall, pages, codes, cpu


def split(pages: list[bytes], n: int) -> list[list[bytes]]:
    return [pages[k::n] for k in range(n)]


# -- per-record store cost ---------------------------------------------------------------------


def records_from(out: Path) -> list[dict[str, Any]]:
    records = []
    for path in sorted(out.glob("w*/news/*.jsonl")):
        records += [json.loads(line) for line in path.read_text().splitlines()]
    return records


def store_costs(records: list[dict[str, Any]], pg_url: str, redis_url: str, tmp: Path) -> dict[str, float]:
    """Milliseconds per record: ``put`` into each store, and the near-duplicate index's lookup +
    insert in each (and in datasketch's Redis storage), interleaved in chunks of 100."""
    from datasketch import MinHashLSH
    from newsclean.pipelines.article_store import open_store
    from newsclean.pipelines.dedupe import NUM_PERM, StoredBandIndex, lsh_bands, minhash

    signatures = [minhash(r.get("articleBody") or "") for r in records]
    keys = [r.get("canonicalUrl") or r["url"] for r in records]
    fresh = [{k: v for k, v in r.items() if k not in ("version", "duplicateOf", "nearDuplicateOf")} for r in records]
    stores = {"sqlite": open_store(tmp / "cost.sqlite3"), "postgresql": open_store(pg_url)}
    indexes = {}
    for name, store in stores.items():
        index = StoredBandIndex(store, 0.8, 30)
        index.open()
        indexes[name] = index
    host, port = redis_url.split("//")[1].split("/")[0].split(":")
    redis_lsh = MinHashLSH(threshold=0.8, num_perm=NUM_PERM, params=lsh_bands(0.8),
                           storage_config={"type": "redis", "basename": b"bench", "redis": {"host": host,
                                                                                            "port": int(port)}})
    times: dict[str, list[float]] = {f"put/{n}": [] for n in stores}
    times.update({f"near-duplicate index/{n}": [] for n in [*stores, "redis (datasketch)"]})
    for at in range(0, len(records), 100):
        chunk = range(at, min(at + 100, len(records)))
        for name, store in stores.items():
            began = time.perf_counter()
            for i in chunk:
                store.put(fresh[i])
            times[f"put/{name}"].append((time.perf_counter() - began) / len(chunk))
        for name, index in indexes.items():
            began = time.perf_counter()
            for i in chunk:
                index.nearest(signatures[i], exclude=keys[i])
                index.add([(keys[i], fresh[i].get("fingerprint") or "", signatures[i])])
            times[f"near-duplicate index/{name}"].append((time.perf_counter() - began) / len(chunk))
        began = time.perf_counter()
        for i in chunk:
            redis_lsh.query(signatures[i])
            if keys[i] not in redis_lsh:
                redis_lsh.insert(keys[i], signatures[i])
        times["near-duplicate index/redis (datasketch)"].append((time.perf_counter() - began) / len(chunk))
    for store in stores.values():
        store.close()
    return {name: 1000 * statistics.median(values) for name, values in times.items() if values}


# -- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="article pages on the loopback site (default 2000)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4], help="worker counts (default 1 2 4)")
    parser.add_argument("--modes", nargs="+", default=["sharded", "frontier"], choices=["sharded", "frontier"])
    args = parser.parse_args(argv)

    pages = news_pages(args.pages)
    print(f"loopback site: {len(pages)} article pages from {DATA}; {os.cpu_count()} CPUs")
    rows: list[tuple[str, int, float, int, float, float, int]] = []
    with postgres_server(max_connections=200, durable=True) as pg, redis_server() as redis_url, \
            tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        last_out = None
        for mode in args.modes:
            for n in args.workers:
                shards = split(pages, n) if mode == "sharded" else [pages]
                sites = LoopbackSites(shards)
                try:
                    store = pg.create_database(f"crawl_{mode}_{n}")
                    out = tmp / f"{mode}-{n}"
                    if mode == "sharded":
                        wall, fetched, codes, cpu = crawl_workers(sites.bases(), store, out, [])
                    else:
                        wall, fetched, codes, cpu = crawl_workers(sites.bases() * n, store, out,
                                                                  ["--frontier", redis_url])
                finally:
                    sites.close()
                import psycopg

                with psycopg.connect(store) as conn:
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
                rows.append((mode, n, wall, fetched, fetched / wall, cpu, stored))
                print(f"  {mode:9} {n} worker(s): {wall:6.1f} s, {fetched} pages fetched, {stored} articles stored,"
                      f" {fetched / wall:5.1f} pages/s, workers' CPU {cpu:.0f} s, exits {codes},"
                      f" load average {os.getloadavg()[0]:.1f}", flush=True)
                last_out = out

        print("\nCrawl scaling (newsclean crawl, whole chain, one PostgreSQL store):")
        cores = os.cpu_count() or 1
        print(f"{'mode':10} {'workers':>7} {'wall s':>8} {'pages':>6} {'stored':>7} {'pages/s':>8} {'vs 1 worker':>12}"
              f" {'CPU ms/page':>12} {'cores busy':>11}")
        for mode, n, wall, fetched, rate, cpu, stored in rows:
            one = next((r[4] for r in rows if r[0] == mode and r[1] == 1), None)
            ratio = f"{rate / one:.2f}x" if one else "-"
            per = 1000 * cpu / max(fetched, 1)
            print(f"{mode:10} {n:>7} {wall:>8.1f} {fetched:>6} {stored:>7} {rate:>8.1f} {ratio:>12} {per:>12.1f}"
                  f" {cpu / wall:>8.2f}/{cores}")
        print("(cores busy: the workers' CPU seconds per wall second; the loopback server and PostgreSQL"
              " take the rest of the machine)")

        assert last_out is not None
        records = records_from(last_out)
        if records:
            costs = store_costs(records, pg.create_database("costs"), redis_url, tmp)
            print(f"\nPer-record store cost ({len(records)} records, median of chunks of 100, interleaved):")
            for name, ms in costs.items():
                print(f"  {name:42} {ms:7.3f} ms")
            for what in ("put", "near-duplicate index"):
                sqlite, pg_ms = costs.get(f"{what}/sqlite"), costs.get(f"{what}/postgresql")
                if sqlite and pg_ms:
                    print(f"  {what}: PostgreSQL / SQLite = {pg_ms / sqlite:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
