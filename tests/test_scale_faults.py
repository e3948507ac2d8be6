"""Proof under faults: three crawl workers on real PostgreSQL (and Redis), one SIGKILLed mid-run.

Both ways of scaling out: site-sharded workers (three sites, one worker each) and a shared
Redis frontier (one big site, three workers). After the kill and a rerun, every article is
stored exactly once, none is lost, versions and the site memory are consistent, the killed
worker's lock is free, and the run reports (plus the records the rerun recovered from the
killed run's part file) account for every article URL.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from newsclean.pipelines.site_memory import fingerprint_text, page_fingerprints
from newsclean.spiders.runlock import PgRunLock, lock_name

from .test_crawl import FAST, NewsSite

ARTICLES_PER_SITE = 100  # site-sharded: 3 sites
BIG_SITE = 300  # frontier: 1 site


@contextmanager
def serving(prefix: str, count: int) -> Iterator[NewsSite]:
    site = NewsSite()
    server = site.serve()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    for n in range(count):
        site.add_article(f"{prefix}-story-{n}", f"{prefix.title()} story number {n}")
    site.article_delay = 0.01  # a crawl long enough to be killed in the middle
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()


STARTED: list[subprocess.Popen[str]] = []
"""Every worker process a test started: the ones still alive when it ends are killed."""


@pytest.fixture(autouse=True)
def no_worker_outlives_its_test() -> Iterator[None]:
    yield
    while STARTED:
        process = STARTED.pop()
        if process.poll() is None:
            kill(process)
        elif process.stderr is not None and not process.stderr.closed:
            process.stderr.close()


def worker(site: NewsSite, out: Path, store: str, *extra: str) -> subprocess.Popen[str]:
    command = [
        sys.executable, "-m", "newsclean.spiders.cli", "crawl", "news", "-a", f"start={site.base}/",
        "--output", str(out), "--store", store, *FAST, "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=8", *extra,
    ]
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
    STARTED.append(process)
    return process


def kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    assert process.stderr is not None
    process.stderr.close()


def finish(process: subprocess.Popen[str], timeout: float = 150) -> tuple[int, str]:
    _, err = process.communicate(timeout=timeout)
    return process.returncode, err


def stored(store: str, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    import psycopg

    with psycopg.connect(store) as conn:
        return [tuple(r) for r in conn.execute(sql, params or None).fetchall()]


def wait_for_articles(store: str, like: str, at_least: int, *, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if stored(store, "SELECT count(*) FROM articles WHERE key LIKE %s", like)[0][0] >= at_least:
                return
        except Exception:  # the tables are created by the first worker
            pass
        time.sleep(0.2)
    raise AssertionError(f"fewer than {at_least} articles {like} stored within {timeout:.0f} s")


def reports(out: Path) -> list[dict[str, Any]]:
    path = out / "runs.jsonl"
    return [json.loads(line) for line in path.read_text().splitlines()] if path.exists() else []


def accounted(out: Path) -> int:
    """Articles the worker's run reports account for: new ones, plus the records a rerun
    recovered from the part file of a run that was killed."""
    total = 0
    for report in reports(out):
        total += int(report["articles"]["new"])
        for path in report.get("recovered") or []:
            total += len(Path(path).read_text().splitlines())
    return total


def check_store(store: str, urls: set[str]) -> None:
    rows = stored(store, "SELECT key, version, duplicate_of FROM articles")
    keys = [r[0] for r in rows]
    assert len(keys) == len(set(keys))  # (the key is unique anyway)
    assert set(keys) == urls, f"missing {sorted(urls - set(keys))[:5]}, extra {sorted(set(keys) - urls)[:5]}"
    assert {r[1] for r in rows} == {1}, "an unchanged article got a second version"
    assert all(r[2] is None for r in rows), "an article was taken as a copy of another"
    versions = stored(store, "SELECT count(*), count(DISTINCT article_id) FROM article_versions")[0]
    assert versions == (len(urls), len(urls))
    seen = {r[0] for r in stored(store, "SELECT url FROM crawl_seen")}
    assert urls <= seen
    # The site memory's counts are those its pages give.
    sites = dict(stored(store, "SELECT site, pages FROM site_memory_sites"))
    pages = dict(stored(store, "SELECT site, count(*) FROM site_memory_pages GROUP BY site"))
    assert sites == pages and sum(pages.values()) == len(urls)
    counted: dict[tuple[str, str], int] = {}
    for site, prints in stored(store, "SELECT site, fingerprints FROM site_memory_pages"):
        for fp in page_fingerprints(prints):
            counted[site, fp] = counted.get((site, fp), 0) + 1
    blocks = {(s, fingerprint_text(fp)): n
              for s, fp, n in stored(store, "SELECT site, fingerprint, pages FROM site_memory_blocks")}
    assert blocks == counted


def test_site_sharded_workers_survive_a_killed_worker(pg_url: str, tmp_path: Path) -> None:
    with serving("east", ARTICLES_PER_SITE) as east, serving("west", ARTICLES_PER_SITE) as west, \
            serving("north", ARTICLES_PER_SITE) as north:
        sites = [east, west, north]
        outs = [tmp_path / f"host{k}" for k in range(3)]  # as if on three hosts
        workers = [worker(site, out, pg_url) for site, out in zip(sites, outs, strict=True)]
        wait_for_articles(pg_url, f"{east.base}/%", 15)
        kill(workers[0])
        for process in workers[1:]:
            code, err = finish(process)
            assert code == 0, err
        # The killed worker's lock is free at once; its site is not done yet.
        with PgRunLock(pg_url, lock_name("news", {"start": f"{east.base}/"})):
            pass
        assert stored(pg_url, "SELECT count(*) FROM articles WHERE key LIKE %s", f"{east.base}/%")[0][0] < 100

        reruns = [worker(site, out, pg_url) for site, out in zip(sites, outs, strict=True)]
        for process in reruns:
            code, err = finish(process)
            assert code == 0, err

        urls = {site.url(f"{name}-story-{n}") for site, name in zip(sites, ("east", "west", "north"), strict=True)
                for n in range(ARTICLES_PER_SITE)}
        check_store(pg_url, urls)
        for out in outs:
            assert accounted(out) == ARTICLES_PER_SITE, reports(out)
        # The rerun published what the killed run had stored, and fetched only the rest.
        assert reports(outs[0])[-1]["recovered"]
        assert len(east.article_requests()) < ARTICLES_PER_SITE + 20


def test_frontier_workers_share_one_site_and_survive_a_killed_worker(
    pg_url: str, redis_url: str, tmp_path: Path
) -> None:
    with serving("harbour", BIG_SITE) as site:
        outs = [tmp_path / f"host{k}" for k in range(3)]
        frontier = ["--frontier", redis_url]
        workers = [worker(site, out, pg_url, *frontier) for out in outs]
        wait_for_articles(pg_url, f"{site.base}/%", 60)
        kill(workers[0])
        for process in workers[1:]:
            code, err = finish(process)
            assert code == 0, err
        first_run = len(stored(pg_url, "SELECT key FROM articles"))
        requests_before = len(site.article_requests())
        # Each article page was fetched by one worker only (the shared duplicate filter).
        assert requests_before == len(set(site.article_requests()))

        code, err = finish(worker(site, outs[0], pg_url, *frontier))
        assert code == 0, err
        urls = {site.url(f"harbour-story-{n}") for n in range(BIG_SITE)}
        check_store(pg_url, urls)
        # The rerun fetched only what the first run had not stored (a new run: the first
        # run's duplicate filter does not hide the pages the killed worker never finished).
        assert len(site.article_requests()) - requests_before <= BIG_SITE - first_run + 20
        assert sum(accounted(out) for out in outs) == BIG_SITE
        assert {r["exit_status"] for out in outs for r in reports(out)} == {0}


@pytest.mark.parametrize("workers", [2])
def test_frontier_limit_counts_across_workers(pg_url: str, redis_url: str, tmp_path: Path, workers: int) -> None:
    with serving("harbour", 40) as site:
        processes = [worker(site, tmp_path / f"host{k}", pg_url, "--frontier", redis_url, "-a", "limit=15")
                     for k in range(workers)]
        for process in processes:
            code, err = finish(process)
            assert code == 0, err
        assert stored(pg_url, "SELECT count(*) FROM articles")[0][0] == 15


def test_frontier_accounting_adds_up_per_worker_and_across_workers(
    pg_url: str, redis_url: str, tmp_path: Path
) -> None:
    # Every worker reads the listings and discovers every article URL, but each page is fetched
    # by one worker: the others' discoveries ended nowhere (unaccounted, or "run ended").
    from .conftest import assert_accounted

    with serving("harbour", 60) as site:
        outs = [tmp_path / f"host{k}" for k in range(2)]
        processes = [worker(site, out, pg_url, "--frontier", redis_url) for out in outs]
        for process in processes:
            code, err = finish(process)
            assert code == 0, err
    books = [reports(out)[-1]["accounting"] for out in outs]
    for report in (reports(out)[-1] for out in outs):
        assert_accounted(report)
        assert "run_ended" not in report["accounting"]["skipped"], report["accounting"]
    assert sum(b["stored"] for b in books) == 60
    inputs = sum(b["discovered"] + b.get("taken_from_frontier", 0) for b in books)
    outcomes = sum(
        v if isinstance(v, int) else sum(v.values())
        for b in books
        for k, v in b.items()
        if k not in ("discovered", "taken_from_frontier", "unaccounted")
    )
    assert inputs == outcomes, books
