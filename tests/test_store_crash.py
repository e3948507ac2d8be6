"""Crash safety: a crawl killed with SIGKILL mid-run leaves a store that opens and holds every
article it reported as stored. The crawl runs in a real subprocess (this file, run as a script)."""

from __future__ import annotations

import asyncio
import os
import queue
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

PAGES = 300
KILL_AFTER = 20
STORED = re.compile(r"\[newsclean\.pipelines\.store\] DEBUG: Stored (\S+) as version (\d+)")
TOWNS = ["Alder", "Birch", "Cedar", "Dunmore", "Elmstead", "Fairhaven", "Glenrock", "Hollow", "Ivybridge", "Juniper"]


def article(n: int) -> str:
    town = TOWNS[n % len(TOWNS)]
    paragraphs = [
        f"Council officers in {town} confirmed on Thursday that repair work on bridge number {n} will begin "
        f"in week {n % 52 + 1}, after inspectors found {n % 7 + 2} cracked supports during a routine survey.",
        f"Drivers will be diverted through {TOWNS[(n + 3) % len(TOWNS)]} for about {n % 9 + 3} weeks, and the "
        f"footpath will stay open except on {n % 5 + 1} nights when cranes lift the new beams into place.",
        f"The work is expected to cost {n * 17 % 900 + 100} thousand pounds, paid from the roads budget that "
        f"the council set in {2000 + n % 25}, a spokesperson for the {town} highways team said.",
    ]
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<!doctype html><html lang='en'><head><title>Bridge {n} repairs in {town}</title></head>"
            f"<body><article><h1>Bridge {n} repairs in {town}</h1>{body}</article></body></html>")


@pytest.fixture
def site() -> Iterator[str]:
    # Imported here: this file also runs as a script (the crawl), where there is no package.
    from .conftest import PageHandler, serving

    class Handler(PageHandler):
        def page(self, path: str) -> str | None:
            time.sleep(0.02)  # a real site is not instant: the crawl is still running when killed
            match = re.fullmatch(r"/bridges/(\d+)", path)
            return article(int(match[1])) if match else None

    with serving(Handler) as base:
        yield base


def start_crawl(base: str, store: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, __file__, base, str(store)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=store.parent,
    )


def stored_lines(proc: subprocess.Popen[str]) -> queue.Queue[str | None]:
    lines: queue.Queue[str | None] = queue.Queue()

    def read() -> None:
        assert proc.stderr is not None
        for line in proc.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=read, daemon=True).start()
    return lines


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_mid_crawl_leaves_a_consistent_store_with_every_reported_article(site: str, tmp_path: Path) -> None:
    from newsclean.pipelines.article_store import ArticleStore

    store_path = tmp_path / "store.sqlite3"
    proc = start_crawl(site, store_path)
    lines = stored_lines(proc)
    reported: dict[str, int] = {}
    log: list[str] = []
    deadline = time.monotonic() + 120
    try:
        while len(reported) < KILL_AFTER:
            line = lines.get(timeout=max(0.1, deadline - time.monotonic()))
            assert line is not None, "the crawl ended before it was killed:\n" + "".join(log[-30:])
            log.append(line)
            if found := STORED.search(line):
                reported[found[1]] = int(found[2])
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    while (line := lines.get(timeout=30)) is not None:  # what was logged before the kill landed
        if found := STORED.search(line):
            reported[found[1]] = int(found[2])
    assert proc.stderr is not None
    proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL

    with closing(sqlite3.connect(store_path)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    with ArticleStore.open(store_path, create=False) as store:
        counts = store.counts()
        assert counts["articles"] < PAGES, "the kill came after the crawl had finished"
        for key, version in reported.items():
            record = store.get(key)
            assert record is not None, f"{key} was reported stored but is not in the store"
            assert record["version"] == version and record["headline"].startswith("Bridge ")
        # Every article is whole: its version row, its full-text row and its provenance.
        assert counts["versions"] == counts["articles"]
        fts = store.connection.execute("SELECT count(*) FROM articles_fts").fetchone()[0]
        assert fts == counts["articles"]
        before = {row[0] for row in store.connection.execute("SELECT key FROM articles")}
        some = next(iter(reported))
        assert store.search(f'"{store.get(some)["headline"]}"')  # type: ignore[index]

    # The next crawl resumes on the same file: the killed run's articles come back unchanged.
    proc = start_crawl(site, store_path)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-3000:]
    with ArticleStore.open(store_path, create=False) as store:
        assert store.counts()["articles"] == PAGES
        assert store.counts()["versions"] == PAGES
    restored = {key for key, _ in STORED.findall(err)}
    assert restored == {f"{site}/bridges/{n}" for n in range(PAGES)} - before  # only what was missing


def _child(base: str, store: str) -> None:
    """The crawl that gets killed: every pipeline stage on, the store at ``store``."""
    from newsclean.cleaners.html import extract_html
    from newsclean.spiders.defaults import ALL_DEFAULTS as DEFAULTS
    from scrapy import Request, Spider
    from scrapy.crawler import AsyncCrawlerRunner
    from scrapy.http import Response
    from scrapy.settings import Settings
    from scrapy.utils.log import configure_logging

    class BridgeSpider(Spider):
        name = "bridges"

        async def start(self) -> AsyncIterator[Request]:
            for n in range(PAGES):
                yield Request(f"{base}/bridges/{n}")

        def parse(self, response: Response, **kw: Any) -> Iterator[dict[str, Any]]:
            now = datetime.now(UTC).replace(microsecond=0).isoformat()
            yield {"document": extract_html(response.text, url=response.url), "dateDownloaded": now}

    settings = Settings({
        **DEFAULTS,
        "ADDONS": {"newsclean.spiders.addon.NewscleanAddon": 0},
        "TWISTED_REACTOR_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "COOKIES_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "CONCURRENT_REQUESTS": 4,
        "LOG_LEVEL": "DEBUG",
        "NEWSCLEAN_STORE": store,
        "NEWSCLEAN_QUARANTINE": None,
    })

    configure_logging(settings)

    async def crawl() -> None:
        await AsyncCrawlerRunner(settings).crawl(BridgeSpider)

    asyncio.run(crawl())


if __name__ == "__main__":
    _child(sys.argv[1], sys.argv[2])
