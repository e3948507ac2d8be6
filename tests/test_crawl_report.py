"""Run bookkeeping of `newsclean crawl`: lock, exit status, runs log, atomic per-run output."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from newsclean.pipelines.article_store import ArticleStore
from newsclean.spiders.runlock import LockHeld, RunLock, lock_path_for
from newsclean.spiders.runoutput import part_path, publish_part, recover_parts
from newsclean.spiders.runreport import (
    ExitStatus,
    Thresholds,
    append_report,
    assess,
    build_report,
    count_errors,
    previous_runs,
    summary_line,
)


def report_for(stats: dict, **paths: str | None) -> dict:
    return build_report(
        run="20261125T080000Z", spider="news", arguments={}, start="2026-11-25T08:00:00Z",
        end="2026-11-25T08:01:00Z", duration=60.0, stats=stats,
        paths={"output": None, **paths},
    )


HEALTHY = {
    "finish_reason": "finished",
    "downloader/request_count": 20,
    "downloader/response_count": 20,
    "item_scraped_count": 5,
    "newsclean/store/new": 4,
    "newsclean/store/updated": 1,
}


def test_each_failed_request_counts_once_and_404_is_no_error() -> None:
    stats = {
        "log_count/ERROR": 7,  # what Scrapy logged: not used, it counts gave-up retries twice
        "newsclean/run/final_status/404": 3,
        "newsclean/run/final_status/403": 1,
        "newsclean/run/final_status/500": 2,
        "newsclean/run/failed_download/ConnectionRefusedError": 4,
        "newsclean/run/logged_errors/newsclean.pipelines.store": 1,
        "downloader/exception_type_count/scrapy.exceptions.IgnoreRequest": 9,
    }
    total, kinds = count_errors(stats)
    assert total == 1 + 2 + 4 + 1
    assert kinds == {
        "download_ConnectionRefusedError": 4,
        "http_403": 1,
        "http_404": 3,
        "http_500": 2,
        "log_newsclean.pipelines.store": 1,
    }


def test_healthy_run_and_nothing_new_both_exit_0() -> None:
    assert assess(report_for(HEALTHY), [], Thresholds()) == (ExitStatus.OK, "ok")
    quiet = {"finish_reason": "finished", "downloader/request_count": 3, "newsclean/incremental/skip": 7}
    report = report_for(quiet)
    assert report["articles"]["new"] == 0 and report["articles_seen"] == 7
    assert assess(report, [], Thresholds())[0] is ExitStatus.OK


@pytest.mark.parametrize(
    ("reason", "status"),
    [("finished", ExitStatus.OK), ("limit", ExitStatus.OK), ("shutdown", ExitStatus.BAD_FINISH),
     ("closespider_errorcount", ExitStatus.BAD_FINISH), (None, ExitStatus.BAD_FINISH)],
)
def test_finish_reason(reason: str | None, status: ExitStatus) -> None:
    assert assess(report_for({**HEALTHY, "finish_reason": reason}), [], Thresholds())[0] is status


def test_errors_above_the_threshold_fail_the_run() -> None:
    few = report_for({**HEALTHY, "newsclean/run/final_status/503": 2})  # 2 of 20 requests = 10%: at the limit
    assert assess(few, [], Thresholds(max_error_rate=0.1))[0] is ExitStatus.OK
    many = report_for({**HEALTHY, "newsclean/run/final_status/503": 3})
    status, why = assess(many, [], Thresholds(max_error_rate=0.1))
    assert status is ExitStatus.ERRORS and "3 errors in 20 requests" in why


def test_no_article_fails_when_the_source_normally_has_some() -> None:
    empty = report_for({"finish_reason": "finished", "downloader/request_count": 3})
    assert assess(empty, [], Thresholds())[0] is ExitStatus.NO_ARTICLES  # first run, nothing found
    usual = [{"articles_seen": 12}, {"articles_seen": 0}]
    assert assess(empty, usual, Thresholds())[0] is ExitStatus.NO_ARTICLES
    always_empty = [{"articles_seen": 0}] * 3
    assert assess(empty, always_empty, Thresholds())[0] is ExitStatus.OK
    long_ago = [{"articles_seen": 5}] + [{"articles_seen": 0}] * 10
    assert assess(empty, long_ago, Thresholds(empty_run_lookback=10))[0] is ExitStatus.OK
    assert assess(empty, [], Thresholds(empty_run_lookback=0))[0] is ExitStatus.OK


def test_a_frontier_worker_whose_share_was_empty_is_not_an_empty_run() -> None:
    # The other workers sharing the Redis frontier took every article page of the run.
    stats = {"finish_reason": "finished", "downloader/request_count": 3}
    share_none = report_for({**stats, "newsclean/frontier/run_articles": 15})
    assert share_none["frontier_run_articles"] == 15
    assert assess(share_none, [], Thresholds())[0] is ExitStatus.OK
    run_empty = report_for({**stats, "newsclean/frontier/run_articles": 0})
    assert assess(run_empty, [], Thresholds())[0] is ExitStatus.NO_ARTICLES


def test_runs_log_appends_one_object_per_run_and_reads_a_spiders_history(tmp_path: Path) -> None:
    log = tmp_path / "runs.jsonl"
    append_report(log, {"spider": "news", "articles_seen": 3})
    append_report(log, {"spider": "rt", "articles_seen": 9})
    with log.open("a") as fh:
        fh.write("{not json\n")
    append_report(log, {"spider": "news", "articles_seen": 0})
    assert [r["articles_seen"] for r in previous_runs(log, "news")] == [3, 0]
    assert previous_runs(tmp_path / "missing.jsonl", "news") == []
    assert len(log.read_text().splitlines()) == 4


def test_summary_line_says_what_happened() -> None:
    report = report_for({**HEALTHY, "newsclean/store/new": 0, "newsclean/store/updated": 0,
                         "newsclean/incremental/skip": 5}, output=None)
    report.update(exit_status=0, status="ok")
    line = summary_line(report)
    assert line.startswith("newsclean crawl news: ok")
    assert "0 new, 0 updated" in line and "5 unchanged not refetched" in line and line.endswith("(exit 0)")


def test_lock_is_exclusive_and_names_its_holder(tmp_path: Path) -> None:
    path = lock_path_for(tmp_path / "store.sqlite", "news")
    assert path == tmp_path / "store.sqlite.news.lock"
    first = RunLock(path)
    first.acquire(note="started 2026-11-25T08:00:00Z")
    with pytest.raises(LockHeld) as held:
        RunLock(path).acquire()
    assert f"pid {os.getpid()} started 2026-11-25T08:00:00Z" in held.value.holder
    RunLock(lock_path_for(tmp_path / "store.sqlite", "rt")).acquire()  # other spider: own lock
    first.release()
    with RunLock(path):
        pass


def test_lock_of_a_killed_process_is_free(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    code = textwrap.dedent(f"""
        import sys, time
        from newsclean.spiders.runlock import RunLock
        RunLock({str(path)!r}).acquire()
        print("locked", flush=True)
        time.sleep(60)
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockHeld):
            RunLock(path).acquire()
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=10)
    finally:
        if holder.poll() is None:
            holder.kill()
        holder.communicate()
    with RunLock(path):
        pass


def record(n: int, version: int = 1) -> dict:
    return {
        "url": f"https://news.example/2026/11/story-number-{n}",
        "headline": f"Story {n}",
        "articleBody": f"Body of story {n}.",
        "fingerprint": f"fp{n}-{version}",
        "version": version,
        "cleaning": [],
    }


def test_published_file_holds_exactly_what_the_store_committed(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    with ArticleStore.open(store) as opened:
        opened.put(record(1))
        opened.put(record(2))
    final = tmp_path / "news" / "20261125T080000Z.jsonl"
    part = part_path(final)
    assert part.name == ".20261125T080000Z.jsonl.part"
    part.parent.mkdir()
    lines = [json.dumps(record(n)) for n in (1, 2, 3)]  # 3: written, then killed before the commit
    part.write_text("\n".join(lines) + "\n" + '{"url": "half a li')
    assert recover_parts(final.parent, store) == [final]
    assert not part.exists()
    assert [json.loads(line)["headline"] for line in final.read_text().splitlines()] == ["Story 1", "Story 2"]
    assert sorted(p.name for p in final.parent.iterdir()) == [final.name]  # no scratch file left


def test_a_part_file_whose_lines_are_all_stored_is_renamed_as_it_is(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    with ArticleStore.open(store) as opened:
        for n in range(1, 4):
            opened.put(record(n))
    part = part_path(tmp_path / "run.jsonl")
    text = "".join(json.dumps(record(n)) + "\n" for n in range(1, 4))
    part.write_text(text)
    inode = part.stat().st_ino
    assert publish_part(part, tmp_path / "run.jsonl", store) == 3
    assert (tmp_path / "run.jsonl").read_text() == text and (tmp_path / "run.jsonl").stat().st_ino == inode
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run.jsonl", "store.sqlite", *(
        [n for n in ("store.sqlite-shm", "store.sqlite-wal") if (tmp_path / n).exists()])]


def test_a_part_file_with_nothing_stored_is_removed(tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite"
    ArticleStore.open(store).close()
    part = part_path(tmp_path / "run.jsonl")
    part.write_text(json.dumps(record(7)) + "\n")
    assert publish_part(part, tmp_path / "run.jsonl", store) == 0
    assert not part.exists() and not (tmp_path / "run.jsonl").exists()
