"""Scale-out on real servers: the PostgreSQL store under crawls, its run lock, concurrent writers."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from newsclean.cleaners.normalize import normalize_record
from newsclean.pipelines.article_store import open_store
from newsclean.spiders.cli import main as cli_main
from newsclean.spiders.runlock import LockHeld, PgRunLock, lock_name

from .test_crawl import NewsSite, crawl, records, runs


def test_lock_names_shard_by_site() -> None:
    assert lock_name("rt") == "rt"
    assert lock_name("news", {"site": "ntv"}) == "news/ntv"
    assert lock_name("news", {"start": "https://www.rt.com/news/"}) == "news/www.rt.com"
    assert lock_name("news", {"start": "http://127.0.0.1:8080/"}) == "news/127.0.0.1:8080"


def test_postgres_run_lock_is_exclusive_says_who_holds_it_and_dies_with_its_holder(pg_url: str) -> None:
    first = PgRunLock(pg_url, "news/rt")
    first.acquire(note="started now")
    with pytest.raises(LockHeld) as held:
        PgRunLock(pg_url, "news/rt").acquire()
    assert f"pid {os.getpid()}" in held.value.holder and "newsclean news/rt" in held.value.holder
    with PgRunLock(pg_url, "news/ntv"):  # another site: its own lock
        pass
    first.release()
    with PgRunLock(pg_url, "news/rt"):
        pass

    # A holder killed with SIGKILL: its session ends and the lock is free at once.
    code = (
        "import sys, time\n"
        "from newsclean.spiders.runlock import PgRunLock\n"
        f"lock = PgRunLock({pg_url!r}, 'news/rt')\n"
        "lock.acquire()\n"
        "print('locked', flush=True)\n"
        "time.sleep(60)\n"
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockHeld):
            PgRunLock(pg_url, "news/rt").acquire()
        holder.send_signal(signal.SIGKILL)
        holder.wait(10)
        import time

        deadline = time.monotonic() + 10
        while True:  # the server notices the closed socket within moments
            try:
                with PgRunLock(pg_url, "news/rt"):
                    break
            except LockHeld:
                assert time.monotonic() < deadline, "the killed holder's lock was never freed"
                time.sleep(0.1)
    finally:
        holder.kill()
        holder.wait()
        assert holder.stdout is not None
        holder.stdout.close()

    # Shared holders (a frontier run's workers) coexist; an exclusive run waits for all.
    a, b = PgRunLock(pg_url, "news/big", shared=True), PgRunLock(pg_url, "news/big", shared=True)
    a.acquire()
    b.acquire()
    with pytest.raises(LockHeld):
        PgRunLock(pg_url, "news/big").acquire()
    a.release()
    b.release()


BODY = (
    "The harbour authority said on Monday that the new ferry terminal will open in June after two years "
    "of building work, with room for four ships at a time and a covered walkway to the station."
)


def test_concurrent_writers_never_make_two_first_versions(pg_url: str) -> None:
    """Eight threads (eight connections) store the same articles at once: one version per
    distinct text, numbered 1.. without gaps; a body stored under two URLs at once has one
    original."""
    with open_store(pg_url):
        pass  # migrated once up front
    texts = [BODY + f" Update {n}." for n in range(4)]
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            with open_store(pg_url) as store:
                for round_ in range(4):
                    for text in texts[: round_ + 1]:
                        store.put(normalize_record({"url": "https://ex.com/ferry", "headline": "Ferry",
                                                    "articleBody": text, "cleaning": []}))
                store.put(normalize_record({"url": f"https://mirror{n}.example/ferry", "headline": "Ferry",
                                            "articleBody": BODY + " Syndicated.", "cleaning": []}))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    with open_store(pg_url) as store:
        versions = [v["version"] for v in store.versions("https://ex.com/ferry")]
        assert versions == list(range(1, len(versions) + 1))
        rows = store.connection.execute(
            "SELECT key, duplicate_of FROM articles WHERE key LIKE 'https://mirror%' ORDER BY key"
        ).fetchall()
        originals = [r["key"] for r in rows if r["duplicate_of"] is None]
        assert len(rows) == 8 and len(originals) == 1
        assert {r["duplicate_of"] for r in rows if r["duplicate_of"]} == set(originals)


def test_newsclean_crawl_into_postgresql(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from .test_crawl import running

    with running(NewsSite()) as site:
        out = tmp_path / "out"
        first = crawl(site, out, "--store", pg_url)
        assert first.returncode == 0, first.stderr
        report = runs(out)[-1]
        assert report["articles"]["new"] == 5
        assert report["store"] == pg_url  # (no password in it to hide)
        assert len(records(report["output"])) == 5
        assert not (out / "newsclean.sqlite").exists()

        site.update_article("harbour-budget-story-2")
        second = crawl(site, out, "--store", pg_url)
        assert second.returncode == 0, second.stderr
        report = runs(out)[-1]
        assert report["articles"]["updated"] == 1 and report["articles"]["new"] == 0
        assert [r["version"] for r in records(report["output"])] == [2]

        # Held lock: exit 75 naming the holder, as with SQLite.
        with PgRunLock(pg_url, f"news/127.0.0.1:{site.port}"):
            locked = crawl(site, out, "--store", pg_url)
        assert locked.returncode == 75, locked.stderr
        assert "already running" in locked.stderr and f"newsclean news/127.0.0.1:{site.port}" in locked.stderr

    # Every `newsclean store` and `newsclean memory` command reads the same database.
    assert cli_main(["store", "stats", "--store", pg_url]) == 0
    out_text = capsys.readouterr().out
    assert "articles         5" in out_text and "versions         6" in out_text
    assert cli_main(["store", "search", "--store", pg_url, "harbour budget"]) == 0
    assert "Harbour budget story number" in capsys.readouterr().out
    url = f"{site.base}/news/harbour-budget-story-2"
    assert cli_main(["store", "show", "--versions", "--store", pg_url, url]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2
    assert cli_main(["store", "runs", "--store", pg_url]) == 0  # every host's reports, newest first
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 4 and "exit 0" in listed[0] and "1 updated" in listed[1] and "5 new" in listed[3]
    assert cli_main(["memory", "--store", pg_url]) == 0
    assert "127.0.0.1\t5 pages" in capsys.readouterr().out
    assert cli_main(["store", "stats", "--store", pg_url.rsplit("/", 1)[0] + "/no_such_db"]) == 2
    assert "cannot connect to PostgreSQL" in capsys.readouterr().err



def test_two_frontier_workers_in_one_process_share_the_queue_without_warnings(
    pg_url: str, redis_url: str
) -> None:
    """In-process (pytest turns every warning into an error here): two crawlers of the news
    spider on one site share the run's queue; each article is fetched and stored once."""
    import asyncio

    from newsclean.spiders.frontier import frontier_settings
    from newsclean.spiders.spiders.news import NewsSpider
    from scrapy.crawler import AsyncCrawlerRunner
    from scrapy.settings import Settings

    from .test_crawl import running

    with running(NewsSite()) as site:
        for n in range(6, 31):
            site.add_article(f"harbour-budget-story-{n}", f"Harbour budget story number {n}")
        settings = Settings()
        settings.setmodule("newsclean.spiders.settings", priority="project")
        settings.setdict({
            "TWISTED_REACTOR_ENABLED": False, "LOG_LEVEL": "WARNING", "DOWNLOAD_DELAY": 0.01,
            "AUTOTHROTTLE_ENABLED": False, "NEWSCLEAN_STORE": pg_url,
        }, priority="cmdline")
        settings.setdict(frontier_settings(redis_url, settings, "news/in-process"), priority="cmdline")
        settings["DOWNLOADER_MIDDLEWARES"]["newsclean.spiders.frontier.FrontierPoliteness"] = 960

        async def run() -> None:
            runner = AsyncCrawlerRunner(settings)
            await asyncio.gather(*(runner.crawl(NewsSpider, start=f"{site.base}/") for _ in range(2)))

        asyncio.run(run())
        fetched = site.article_requests()
        assert len(fetched) == len(set(fetched)) == 30
    with open_store(pg_url) as store:
        assert store.counts()["articles"] == 30
