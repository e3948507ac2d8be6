"""Validate stage: bad records are quarantined with their reasons, never silently dropped."""

from __future__ import annotations

import asyncio
import json
import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from newsclean.cleaners.validate import problems
from newsclean.pipelines.article_store import ArticleStore
from newsclean.pipelines.validate import ValidatePipeline
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.test import get_crawler

BODY = " ".join(["The Kremlin has denied a report that President Putin offered to freeze the conflict."] * 4)


def good(**fields: Any) -> dict[str, Any]:
    return {
        "url": "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/",
        "headline": "Kremlin responds to report Putin offered to freeze Ukraine conflict",
        "articleBody": BODY,
        "datePublished": "2024-02-14T10:08:00+00:00",
        "cleaning": [],
        **fields,
    }


def pipeline(tmp_path: Path, **settings: Any) -> tuple[ValidatePipeline, Any]:
    crawler = get_crawler(settings_dict={
        "NEWSCLEAN_QUARANTINE": str(tmp_path / "out" / "quarantine.jsonl"),
        "NEWSCLEAN_STORE": str(tmp_path / "store.sqlite3"),
        **settings,
    })
    crawler.stats.open_spider()  # type: ignore[union-attr]
    stage = ValidatePipeline.from_crawler(crawler)
    stage.open_spider()
    return stage, crawler.stats


def test_a_good_record_passes_unchanged(tmp_path: Path) -> None:
    stage, stats = pipeline(tmp_path)
    item = good()
    assert asyncio.run(stage.process_item(item)) is item
    stage.close_spider()
    assert stats.get_value("newsclean/validate/valid") == 1
    assert not (tmp_path / "out" / "quarantine.jsonl").exists()  # created on the first failure only


def test_record_missing_its_headline_goes_to_quarantine_with_the_reason(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    stage, stats = pipeline(tmp_path)
    bad = good()
    del bad["headline"]
    with caplog.at_level(logging.WARNING), pytest.raises(DropItem, match="no_headline"):
        asyncio.run(stage.process_item(bad))
    stage.close_spider()

    lines = (tmp_path / "out" / "quarantine.jsonl").read_text(encoding="utf-8").splitlines()
    entry = json.loads(lines[0])
    assert entry["reasons"] == ["no_headline: the record has no headline"]
    assert entry["record"] == bad
    with ArticleStore.open(tmp_path / "store.sqlite3") as store:
        (kept,) = store.quarantined()
    assert kept["reasons"] == entry["reasons"] and kept["record"]["url"] == bad["url"]
    assert stats.get_value("newsclean/validate/quarantined") == 1
    assert stats.get_value("newsclean/validate/quarantined/no_headline") == 1
    assert "Quarantined https://www.rt.com/russia/592418" in caplog.text and "no headline" in caplog.text


def test_every_reason_is_given(tmp_path: Path) -> None:
    future = (datetime.now(UTC) + timedelta(days=2)).replace(microsecond=0).isoformat()
    found = problems(good(headline=7, articleBody="Read more.", datePublished=future, colour="red"))
    codes = [p.code for p in found]
    assert codes == ["schema", "schema", "no_headline", "body_too_short", "date_in_future"]
    messages = " | ".join(map(str, found))
    assert "headline: 7 is not of type 'string'" in messages
    assert "'colour' was unexpected" in messages
    assert "the body has 2 words, fewer than 25" in messages


def test_date_without_offset_is_future_only_beyond_every_zone() -> None:
    now = datetime(2024, 2, 14, 12, 0, tzinfo=UTC)
    tonight_in_tokyo = "2024-02-14T20:00:00"  # a Tokyo site without an offset: fine
    assert problems(good(datePublished=tonight_in_tokyo), now=now) == []
    assert [p.code for p in problems(good(datePublished="2024-02-16T20:00:00"), now=now)] == ["date_in_future"]
    assert [p.code for p in problems(good(datePublished="2024-02-14T13:00:00+00:00"), now=now)] == ["date_in_future"]


def test_body_length_limits_come_from_settings(tmp_path: Path) -> None:
    stage, _ = pipeline(tmp_path, NEWSCLEAN_MIN_WORDS=5, NEWSCLEAN_MAX_WORDS=40, NEWSCLEAN_STORE=None)
    short = good(articleBody="Five words are enough here.")
    try:
        assert asyncio.run(stage.process_item(short)) is short
        with pytest.raises(DropItem, match=r"body_too_long: the body has 56 words, more than 40"):
            asyncio.run(stage.process_item(good()))
    finally:
        stage.close_spider()


def test_with_nowhere_to_keep_it_the_record_is_logged_whole(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    stage, _ = pipeline(tmp_path, NEWSCLEAN_QUARANTINE=None, NEWSCLEAN_STORE=None)
    with caplog.at_level(logging.WARNING), pytest.raises(DropItem):
        asyncio.run(stage.process_item(good(headline="")))
    assert BODY[:60] in caplog.text


def test_the_stage_can_be_turned_off() -> None:
    with pytest.raises(NotConfigured):
        ValidatePipeline.from_crawler(get_crawler(settings_dict={"NEWSCLEAN_VALIDATE": False}))


@pytest.mark.parametrize(
    ("step", "valid"),
    [
        ({"cleaner": "edges", "action": "removed", "text": "Share this", "reason": "share links", "block": 3}, True),
        ({"cleaner": "edges", "action": "removed", "text": "x", "reason": "y", "block": True}, False),
        ({"cleaner": "edges", "action": "removed", "text": "x", "reason": "y", "block": 3.0}, True),
        ({"cleaner": "edges", "action": "removed", "text": "x", "reason": "y", "block": 3.5}, False),
        ({"cleaner": "edges", "action": "removed", "text": "x"}, False),
        ({"cleaner": "edges", "action": "removed", "text": "x", "reason": "y", "colour": "red"}, False),
        ({"cleaner": "edges", "action": "removed", "text": None, "reason": "y"}, False),
        ("not a step", False),
    ],
)
def test_schema_problems_are_those_of_the_whole_record(step: object, valid: bool) -> None:
    """Plainly valid cleaning steps skip jsonschema; the problems found are still exactly the
    ones jsonschema finds in the whole record."""
    from newsclean.cleaners.validate import _validator

    good = {"cleaner": "edges", "action": "removed", "text": "Menu", "reason": "navigation", "count": 2}
    record = {"headline": "A headline", "articleBody": "word " * 40, "cleaning": [good, step, good],
              "url": "https://example.com/a"}
    expected = sorted(
        ("/".join(str(p) for p in e.absolute_path) or "record", e.message)
        for e in _validator().iter_errors(record)
    )
    found = sorted(p.message.split(": ", 1)[0] for p in problems(record) if p.code == "schema")
    assert found == [where for where, _ in expected]
    assert bool(expected) is not valid


def test_a_run_after_a_killed_one_does_not_write_its_quarantined_records_twice(tmp_path: Path) -> None:
    quarantine = tmp_path / "out" / "quarantine.jsonl"
    first, second, third = (good(url=f"https://www.rt.com/news/{n}-story/", headline="") for n in (1, 2, 3))
    killed, _ = pipeline(tmp_path, NEWSCLEAN_STORE=None)
    for record in (first, second):
        with pytest.raises(DropItem):
            asyncio.run(killed.process_item(dict(record, dateDownloaded="2026-11-29T10:00:00+00:00")))
    # Killed: no close_spider, and the third entry torn halfway through its line.
    assert killed._file is not None
    killed._file.write('{"digest": "' + "0" * 64 + '", "reasons": ["no_head')
    killed._file.close()  # as the kill closes it

    rerun, stats = pipeline(tmp_path, NEWSCLEAN_STORE=None)
    for record in (first, second, third):  # the next run fetches the same pages again, later
        with pytest.raises(DropItem):
            asyncio.run(rerun.process_item(dict(record, dateDownloaded="2026-11-29T11:00:00+00:00")))
    rerun.close_spider()

    entries = [json.loads(line) for line in quarantine.read_text(encoding="utf-8").splitlines()]
    assert [e["record"]["url"] for e in entries] == [first["url"], second["url"], third["url"]]
    assert len({e["digest"] for e in entries}) == 3
    assert stats.get_value("newsclean/validate/quarantined") == 3  # counted: this run quarantined them


def test_a_quarantine_file_written_before_digests_is_not_duplicated_either(tmp_path: Path) -> None:
    quarantine = tmp_path / "out" / "quarantine.jsonl"
    quarantine.parent.mkdir()
    bad = good(headline="")
    old = {"reasons": [str(p) for p in problems(bad)], "quarantinedAt": "2026-01-01T00:00:00+00:00", "record": bad}
    quarantine.write_text(json.dumps(old) + "\n" + "not json\n", encoding="utf-8")
    stage, _ = pipeline(tmp_path, NEWSCLEAN_STORE=None)
    for record in (bad, good(headline="", url="https://www.rt.com/news/other/")):
        with pytest.raises(DropItem):
            asyncio.run(stage.process_item(record))
    stage.close_spider()
    lines = quarantine.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3 and lines[1] == "not json"  # what was there stays as it was
    assert json.loads(lines[2])["record"]["url"] == "https://www.rt.com/news/other/"
