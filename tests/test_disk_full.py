"""A full store disk: "disk full" said once with SQLite's own message, what was stored stays."""

from __future__ import annotations

import asyncio
import re
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from newsclean.pipelines.store import StorePipeline
from scrapy.utils.test import get_crawler


def record(n: int) -> dict:
    return {
        "url": f"https://example.com/news/{n}-story",
        "headline": f"Story {n}",
        "articleBody": f"Story {n}: " + "the council approved the budget after a long debate " * 200,
        "cleaning": [],
    }


def test_a_full_store_disk_is_said_once_and_keeps_what_was_stored(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "store.sqlite"
    crawler = get_crawler(settings_dict={"NEWSCLEAN_STORE": str(path)})
    pipeline = StorePipeline.from_crawler(crawler)
    pipeline.open_spider()
    assert pipeline.store is not None
    asyncio.run(pipeline.process_item(record(0)))
    conn = pipeline.store.connection
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 2}")  # SQLite then answers "database or disk is full"
    for n in range(1, 20):
        asyncio.run(pipeline.process_item(record(n)))
    pipeline.close_spider()
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert len(errors) == 1, errors
    assert errors[0].startswith("disk full: cannot store in") and "database or disk is full" in errors[0]
    assert "cannot rollback" not in errors[0]
    assert crawler.stats.get_value("newsclean/store/failed") >= 1
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= 1
    db.close()


ARTICLE = (
    "<!doctype html><html lang='en'><head><title>Harbour story {n}</title></head><body><article>"
    "<h1>Harbour story {n}</h1>"
    + "<p>The harbour council approved the budget for story {n} on Monday after a long debate about"
    " the new bridge, the ferry timetable and the school that the town has wanted for years.</p>" * 60
    + "</article></body></html>"
)


@contextmanager
def small_disk(path: Path, size: str) -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``path`` (root only, as in CI): a disk that fills up."""
    path.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a size-limited tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False)


def test_a_full_output_disk_is_said_once_and_the_report_is_written(tmp_path: Path) -> None:
    # The run's file used to keep a truncated last line in its .part, with a traceback per
    # record and no run report.
    import json
    import os
    import sys

    from .conftest import PageHandler, assert_accounted, serving

    class Site(PageHandler):
        def page(self, path: str) -> str | None:
            base = f"http://{self.headers['Host']}"
            if path == "/robots.txt":
                return f"User-agent: *\nSitemap: {base}/sitemap.xml\n"
            if path == "/sitemap.xml":
                locs = "".join(f"<url><loc>{base}/news/{k}-harbour-story-{k}</loc></url>" for k in range(40))
                return f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>'
            if match := re.fullmatch(r"/news/(\d+)-harbour-story-\d+", path):
                return ARTICLE.format(n=match.group(1))
            return "<html><body><p>Home</p></body></html>" if path == "/" else None

    store = tmp_path / "store.sqlite"
    with small_disk(tmp_path / "out", "700k") as out, serving(Site) as base:
        done = subprocess.run(
            [sys.executable, "-m", "newsclean.spiders.cli", "crawl", "news", "-a", f"start={base}/",
             "--output", str(out), "--store", str(store), "-s", "DOWNLOAD_DELAY=0", "-s", "CONCURRENT_REQUESTS=2",
             "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "NEWSCLEAN_QUARANTINE=None"],
            capture_output=True, text=True, timeout=300, env=dict(os.environ, PYTHONWARNINGS="ignore"),
        )  # fmt: skip
        assert "Traceback" not in done.stderr, done.stderr[-3000:]
        report = json.loads((out / "runs.jsonl").read_text().splitlines()[-1])
        assert_accounted(report)
        assert report["finish_reason"] == "disk_full" and report["exit_status"] == done.returncode == 3
        assert report["first_error"].startswith("disk full: cannot write")
        assert report["errors_by_kind"].get("log_newsclean.spiders.runoutput") == 1  # said once
        assert report["accounting"]["failed"].get("output", 0) >= 1
        assert not list((out / "news").glob(".*.part"))
        (published,) = (out / "news").glob("*.jsonl")
        data = published.read_bytes()
        assert data.endswith(b"\n")
        urls = [json.loads(line)["url"] for line in data.splitlines()]
    db = sqlite3.connect(store)
    stored = {row[0] for row in db.execute("SELECT url FROM articles")}
    db.close()
    assert urls and set(urls) == stored  # the file is what the run stored, and that is kept
    assert report["articles"]["new"] == len(urls) < 40
