"""A full store disk: "disk full" said once with SQLite's own message, what was stored stays."""

from __future__ import annotations

import asyncio
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
    import sqlite3

    db = sqlite3.connect(path)
    assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert db.execute("SELECT COUNT(*) FROM articles").fetchone()[0] >= 1
    db.close()
