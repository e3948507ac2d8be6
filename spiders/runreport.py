"""What a crawl run did, as a JSON report for the runs log, a summary line and an exit status."""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum
from pathlib import Path
from typing import Any

from newsclean.spiders.defaults import DEFAULTS

logger = logging.getLogger(__name__)

__all__ = [
    "ARTICLE_STATS",
    "ExitStatus",
    "RunReport",
    "Thresholds",
    "accounting",
    "append_report",
    "articles_seen",
    "assess",
    "build_report",
    "count_errors",
    "previous_runs",
    "report_to_store",
    "summary_line",
]


class ExitStatus(IntEnum):
    """``newsclean crawl`` exit statuses (documented in the README)."""

    OK = 0  # a healthy run, including one that found nothing new
    ERRORS = 1  # errors above NEWSCLEAN_MAX_ERROR_RATE
    CANNOT_START = 2  # bad arguments, unknown spider, unusable store/output/settings
    BAD_FINISH = 3  # the crawl ended for another reason than "finished" (shutdown, closespider...)
    NO_ARTICLES = 4  # no article at all where earlier runs found some
    LOCKED = 75  # another run of this spider on this store is going on (EX_TEMPFAIL)


ARTICLE_STATS: dict[str, tuple[str, ...]] = {
    "new": ("newsclean/store/new",),
    "updated": ("newsclean/store/updated",),
    "unchanged": ("newsclean/dedupe/unchanged", "newsclean/store/unchanged"),
    "duplicate": ("newsclean/dedupe/duplicate",),
    "quarantined": ("newsclean/validate/quarantined",),
    "disappeared": ("newsclean/store/disappeared", "newsclean/store/still_disappeared"),
}
"""Crawl stats the pipelines keep for each article outcome (summed when several)."""

HEALTHY_FINISH = frozenset(
    {"finished", "limit", "closespider_itemcount", "closespider_pagecount", "closespider_timeout"}
)
"""Finish reasons of a crawl that ended as asked (the ``news`` spider's ``-a limit`` closes it
with ``limit``; the CLOSESPIDER_* limits other than errors are the user's own)."""

NOT_ERRORS = frozenset({404, 410})
"""Final HTTP statuses that are a normal part of crawling news sites (deleted articles)."""


@dataclass(frozen=True, slots=True)
class Thresholds:
    """When a finished run still counts as failed."""

    max_error_rate: float = DEFAULTS["NEWSCLEAN_MAX_ERROR_RATE"]
    """Errors per request above which the run fails (``NEWSCLEAN_MAX_ERROR_RATE``)."""
    empty_run_lookback: int = DEFAULTS["NEWSCLEAN_EMPTY_RUN_LOOKBACK"]
    """A run that meets no article fails when any of the spider's previous this-many runs met
    some, or when there is no previous run; 0 turns the check off
    (``NEWSCLEAN_EMPTY_RUN_LOOKBACK``)."""

    @classmethod
    def from_settings(cls, settings: Any) -> Thresholds:
        """The thresholds a crawl's settings give; ``ValueError`` naming a bad one."""
        try:
            rate = settings.getfloat("NEWSCLEAN_MAX_ERROR_RATE", DEFAULTS["NEWSCLEAN_MAX_ERROR_RATE"])
            lookback = settings.getint("NEWSCLEAN_EMPTY_RUN_LOOKBACK", DEFAULTS["NEWSCLEAN_EMPTY_RUN_LOOKBACK"])
        except ValueError as exc:
            raise ValueError(f"bad threshold setting: {exc}") from None
        if not 0 <= rate <= 1:
            raise ValueError(f"NEWSCLEAN_MAX_ERROR_RATE must be between 0 and 1, got {rate}")
        return cls(max_error_rate=rate, empty_run_lookback=max(lookback, 0))


def _sum(stats: Mapping[str, Any], keys: tuple[str, ...]) -> int:
    return sum(int(stats.get(key, 0) or 0) for key in keys)


def count_errors(stats: Mapping[str, Any]) -> tuple[int, dict[str, int]]:
    """The run's error count and errors by kind, from the crawl stats
    :class:`~newsclean.spiders.runstats.RunOutcomes` keeps.

    Each failed request counts once (its final HTTP error status after retries, or the
    exception that ended its download; 404 and 410 are listed but are not errors), plus every
    other error logged (spider and pipeline exceptions, store failures).
    """
    kinds: dict[str, int] = {}
    errors = 0
    for key, value in stats.items():
        if not key.startswith("newsclean/run/"):
            continue
        group, _, name = key.removeprefix("newsclean/run/").partition("/")
        if group == "first_error":
            continue
        if group == "final_status":
            kinds[f"http_{name}"] = int(value)
            errors += 0 if int(name) in NOT_ERRORS else int(value)
        elif group == "failed_download":
            kinds[f"download_{name}"] = int(value)
            errors += int(value)
        elif group == "logged_errors":
            kinds[f"log_{name}"] = int(value)
            errors += int(value)
    for key in SPIDER_ERRORS:
        if stats.get(key):
            kinds[f"article_{key.rsplit('/', 1)[1]}"] = int(stats[key])
            errors += int(stats[key])
    return errors, dict(sorted(kinds.items()))


SPIDER_ERRORS = (
    "newsclean/spider/article/failed/redirect_loop",
    "newsclean/spider/article/failed/too_large",
    "newsclean/spider/article/failed/undecodable",
)
"""Article failures the spider sees that no downloader middleware counts: a redirect loop, a
body over ``DOWNLOAD_MAXSIZE`` once decompressed (both end as an ``IgnoreRequest``), a page
that is binary data."""


def accounting(stats: Mapping[str, Any]) -> dict[str, Any]:
    """Where every article URL the run discovered ended: exactly one outcome each, so
    ``discovered`` equals the sum of the others and ``unaccounted`` is 0."""
    prefix = "newsclean/spider/article/"
    skipped: dict[str, int] = {}
    failed: dict[str, int] = {}
    for key, value in stats.items():
        if key.startswith(prefix + "skipped/") and not key.endswith("/not_modified"):
            skipped[key.removeprefix(prefix + "skipped/")] = int(value)
        elif key.startswith(prefix + "failed/"):
            failed[key.removeprefix(prefix + "failed/")] = int(value)
    empty = int(stats.get("newsclean/clean/empty_body", 0))
    if empty:
        skipped["no_article_text"] = empty
    if any(k.startswith("newsclean/store/") for k in stats):
        stored = _sum(stats, ("newsclean/store/new", "newsclean/store/updated"))
        store_failed = int(stats.get("newsclean/store/failed", 0))
    else:  # no store: what came through the pipelines is what the run kept
        stored, store_failed = int(stats.get("item_scraped_count", 0)), 0
    if store_failed:
        failed["store"] = store_failed
    gone_prefix = "newsclean/store/gone_unknown/"
    for key, value in stats.items():
        if key.startswith(gone_prefix):  # a 404/410 for a URL the store never held: failed as before
            name = "http_" + key.removeprefix(gone_prefix)
            failed[name] = failed.get(name, 0) + int(value)
    output_failed = int(stats.get("newsclean/run_output/failed", 0))
    if output_failed:  # the run's file could not take them (a full disk): not stored either
        failed["output"] = output_failed
    outcomes: dict[str, int | dict[str, int]] = {
        "stored": stored,
        "unchanged": _sum(stats, ("newsclean/dedupe/unchanged", "newsclean/store/unchanged")),
        "quarantined": int(stats.get("newsclean/validate/quarantined", 0)),
        "disappeared": _sum(stats, ARTICLE_STATS["disappeared"]),
        "not_fetched_unchanged": int(stats.get("newsclean/incremental/skip", 0)),
        "not_modified": int(stats.get("newsclean/incremental/not_modified", 0)),
        "skipped": dict(sorted(skipped.items())),
        "failed": dict(sorted(failed.items())),
    }
    inputs: dict[str, int | None] = {"discovered": int(stats.get(prefix + "discovered", 0))}
    if any(k.startswith("newsclean/frontier/") for k in stats):
        # A shared frontier's worker also accounts for the article requests it took from the
        # run's queue, whoever queued them; those it put there end there for it.
        inputs["taken_from_frontier"] = int(stats.get("newsclean/frontier/articles_taken", 0))
        outcomes["handed_to_frontier"] = int(stats.get("newsclean/frontier/articles_handed", 0))
    total = sum(v if isinstance(v, int) else sum(v.values()) for v in outcomes.values())
    if prefix + "discovered" not in stats and total and "taken_from_frontier" not in inputs:
        # A spider of the user's own counts no discoveries: outcomes only, no identity to check.
        # (A frontier worker may discover none itself: another worker read every listing.)
        return {"discovered": None, **outcomes, "unaccounted": None}
    return {**inputs, **outcomes, "unaccounted": sum(v or 0 for v in inputs.values()) - total}


def articles_seen(stats: Mapping[str, Any]) -> int:
    """Article pages the run met: processed by the pipelines, or known and left unfetched."""
    return _sum(
        stats,
        (
            "item_scraped_count",
            "item_dropped_count",
            "newsclean/incremental/skip",
            "newsclean/incremental/not_modified",
        ),
    )


def build_report(
    *,
    run: str,
    spider: str,
    arguments: Mapping[str, str],
    start: str,
    end: str,
    duration: float,
    stats: Mapping[str, Any],
    paths: Mapping[str, str | None],
) -> dict[str, Any]:
    """The run's report (without its verdict: see :func:`assess`)."""
    errors, kinds = count_errors(stats)
    articles = {name: _sum(stats, keys) for name, keys in ARTICLE_STATS.items()}
    if not any(k in stats for keys in ARTICLE_STATS.values() for k in keys):
        # Pipelines that keep no outcome stats: every record that came through is new.
        articles["new"] = int(stats.get("item_scraped_count", 0))
    return {
        "run": run,
        "spider": spider,
        "arguments": dict(arguments),
        "start": start,
        "end": end,
        "duration_s": round(duration, 3),
        "finish_reason": stats.get("finish_reason"),
        "requests": int(stats.get("downloader/request_count", 0)),
        "pages_fetched": int(stats.get("downloader/response_count", 0))
        - int(stats.get("newsclean/incremental/not_modified", 0)),
        "not_modified": int(stats.get("newsclean/incremental/not_modified", 0)),
        "skipped_unchanged": int(stats.get("newsclean/incremental/skip", 0)),
        "records_written": int(stats.get("newsclean/run_output/records", 0)),
        "listings": {
            "requested": int(stats.get("newsclean/spider/listings", 0)),
            "not_followed_too_deep": int(stats.get("newsclean/spider/skipped/listing_depth", 0)),
            "not_followed_over_limit": int(stats.get("newsclean/spider/skipped/listing_limit", 0)),
            "entries_unreadable": int(stats.get("newsclean/spider/listing/unreadable_entries", 0)),
        },
        "articles_seen": articles_seen(stats),
        "frontier_run_articles": int(stats.get("newsclean/frontier/run_articles", 0)),
        "articles": articles,
        "accounting": accounting(stats),
        "errors": errors,
        "errors_by_kind": kinds,
        "first_error": stats.get("newsclean/run/first_error"),
        **dict(paths),
    }


def assess(
    report: Mapping[str, Any], history: Sequence[Mapping[str, Any]], thresholds: Thresholds
) -> tuple[ExitStatus, str]:
    """The exit status of a finished run and why, given the spider's earlier reports."""
    reason = report.get("finish_reason")
    if reason == "bad_arguments":
        return ExitStatus.CANNOT_START, f"could not start: {report.get('first_error') or 'bad spider arguments'}"
    if reason not in HEALTHY_FINISH:
        return ExitStatus.BAD_FINISH, f"crawl ended early: {reason or 'did not run'}"
    requests = max(int(report["requests"]), 1)
    rate = report["errors"] / requests
    if report["errors"] and rate > thresholds.max_error_rate:
        return (
            ExitStatus.ERRORS,
            f"{report['errors']} errors in {report['requests']} requests "
            f"({rate:.0%} > NEWSCLEAN_MAX_ERROR_RATE {thresholds.max_error_rate:.0%})",
        )
    if thresholds.empty_run_lookback and not report["articles_seen"] and not report.get("frontier_run_articles"):
        recent = history[-thresholds.empty_run_lookback :]
        if not recent or any(run.get("articles_seen") for run in recent):
            why = "no earlier run to compare" if not recent else "earlier runs found some"
            return ExitStatus.NO_ARTICLES, f"no article found ({why})"
    return ExitStatus.OK, "ok"


def previous_runs(log: Path, spider: str, limit: int = 100, tail_bytes: int = 1 << 20) -> list[dict[str, Any]]:
    """The spider's last ``limit`` reports in the runs log, oldest first (unreadable lines are
    skipped; only the log's last ``tail_bytes`` are read)."""
    try:
        with log.open("rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - tail_bytes))
            data = fh.read()
    except FileNotFoundError:
        return []
    lines = data.splitlines()
    if size > tail_bytes:
        lines = lines[1:]  # probably cut in the middle
    runs: list[dict[str, Any]] = []
    for line in lines:
        try:
            run = json.loads(line)
        except ValueError:
            continue
        if isinstance(run, dict) and run.get("spider") == spider:
            runs.append(run)
    return runs[-limit:]


def append_report(log: Path, report: Mapping[str, Any]) -> None:
    """Append one JSON line to the runs log with a single write, so concurrent runs of other
    spiders never interleave inside a line."""
    log.parent.mkdir(parents=True, exist_ok=True)
    data = (json.dumps(report, ensure_ascii=False) + "\n").encode()
    reserve = report_reserve(log)
    with contextlib.suppress(FileNotFoundError):
        reserve.unlink()  # the room kept for this report on a disk that filled up meanwhile
    fd = os.open(log, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        try:
            written = os.write(fd, data)
            if written != len(data):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            os.fsync(fd)
        except OSError:
            os.ftruncate(fd, size)  # never half a line
            raise
    finally:
        os.close(fd)


REPORT_RESERVE_BYTES = 256 * 1024
"""Room kept beside the runs log while a run goes on, freed for the run's report: a disk that
fills up during the crawl still takes the report."""


def report_reserve(log: Path) -> Path:
    """The file keeping :data:`REPORT_RESERVE_BYTES` for the runs log's next report."""
    return log.with_name(f".{log.name}.reserve")


def keep_report_room(log: Path) -> None:
    """Set the room for this run's report aside (best effort: a disk already full keeps none)."""
    reserve = report_reserve(log)
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with reserve.open("wb") as fh:
            fh.write(b"\0" * REPORT_RESERVE_BYTES)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        with contextlib.suppress(OSError):
            reserve.unlink()


def summary_line(report: Mapping[str, Any]) -> str:
    """One line for stderr: verdict, counts, where the records went."""
    if report["exit_status"] == ExitStatus.CANNOT_START:
        return f"newsclean crawl {report['spider']}: {report['status']} (exit {report['exit_status']})"
    a = report["articles"]
    parts = [
        f"newsclean crawl {report['spider']}: {report['status']}",
        f"{report['duration_s']:.1f}s",
        f"{report['pages_fetched']} pages fetched",
        f"{report['skipped_unchanged'] + report['not_modified']} unchanged not refetched",
        f"{a['new']} new, {a['updated']} updated, {a['unchanged']} unchanged, "
        f"{a['duplicate']} duplicate, {a['quarantined']} quarantined",
        f"{report['errors']} errors",
    ]
    if a.get("disappeared"):
        parts.insert(-1, f"{a['disappeared']} gone from the site")
    line = ", ".join(parts)
    if report.get("output"):
        line += f" -> {report['output']}"
    return line + f" (exit {report['exit_status']})"


def report_to_store(store: Path | str, report: Mapping[str, Any]) -> str | None:
    """Keep ``report`` in the store's ``run_reports`` too (every host's workers' reports in one
    place: ``newsclean store runs``); returns why the store could not take it, else ``None``."""
    from newsclean.pipelines.article_store import DATABASE_ERRORS, StoreError, open_store

    try:
        with open_store(store) as opened:
            opened.add_run_report(dict(report))
    except (StoreError, OSError, *DATABASE_ERRORS) as exc:  # type: ignore[misc]  # mypy cannot read the unpacking
        return str(exc)
    return None


class RunReport:
    """Extension: the run report under ``scrapy crawl`` and Scrapyd, as ``newsclean crawl``
    writes it. When the spider closes it builds the report from the crawl's stats, judges it
    against the spider's earlier runs (:func:`assess`), appends it to ``NEWSCLEAN_RUNS_LOG``
    (when set), keeps it in ``NEWSCLEAN_STORE`` (when set), puts the verdict in the stats
    (``newsclean/run/exit_status``) and logs the summary line (a warning when not ok).

    Off when ``NEWSCLEAN_RUN_REPORT`` is false: ``newsclean crawl`` writes its own report (it
    also knows the run lock and the exit status it returns).
    """

    def __init__(self, crawler: Any) -> None:
        self.crawler = crawler
        self.settings = crawler.settings
        self.start = datetime.now(UTC)
        self.clock = time.monotonic()

    @classmethod
    def from_crawler(cls, crawler: Any) -> RunReport:
        from scrapy import signals
        from scrapy.exceptions import NotConfigured

        if not crawler.settings.getbool("NEWSCLEAN_RUN_REPORT", DEFAULTS["NEWSCLEAN_RUN_REPORT"]):
            raise NotConfigured("NEWSCLEAN_RUN_REPORT is off")
        extension = cls(crawler)
        crawler.signals.connect(extension.spider_closed, signal=signals.spider_closed)
        runs_log = crawler.settings.get("NEWSCLEAN_RUNS_LOG")
        if runs_log:
            keep_report_room(Path(runs_log))  # a disk that fills up during the crawl still takes the report
        return extension

    def spider_closed(self, spider: Any, reason: str) -> None:
        stats = dict(self.crawler.stats.get_stats()) if self.crawler.stats is not None else {}
        stats.setdefault("finish_reason", reason)
        store = self.settings.get("NEWSCLEAN_STORE") or None
        runs_log = self.settings.get("NEWSCLEAN_RUNS_LOG") or None
        run_output = self.settings.get("NEWSCLEAN_RUN_OUTPUT") or None
        report = build_report(
            run=self.start.strftime("%Y-%m-%dT%H-%M-%SZ"),
            spider=spider.name,
            arguments={k: str(v) for k, v in getattr(spider, "arguments", {}).items()},
            start=self.start.strftime("%Y-%m-%dT%H:%M:%SZ"),
            end=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
            duration=time.monotonic() - self.clock,
            stats=stats,
            paths={"output": run_output, "store": _shown(store), "log": self.settings.get("LOG_FILE") or None},
        )
        history = previous_runs(Path(runs_log), spider.name) if runs_log else []
        status, why = assess(report, history, Thresholds.from_settings(self.settings))
        report["exit_status"] = int(status)
        report["status"] = why
        if self.crawler.stats is not None:
            self.crawler.stats.set_value("newsclean/run/exit_status", int(status))
        if runs_log:
            try:
                append_report(Path(runs_log), report)
            except OSError as exc:
                logger.error("cannot append to the runs log %s: %s", runs_log, exc.strerror)
        if store:
            problem = report_to_store(store, report)
            if problem:
                logger.error("cannot keep the run report in the store: %s", problem)
        log = logger.info if status is ExitStatus.OK else logger.warning
        log("%s", summary_line(report).replace("newsclean crawl ", "run report of ", 1))


def _shown(store: str | None) -> str | None:
    if store and "://" in store:
        from newsclean.pipelines.pg_store import redact

        return redact(store)
    return store
