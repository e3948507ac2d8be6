"""One scheduled crawl run: lock, crawl, publish the run's records, report, exit status."""

from __future__ import annotations

import os
import sys
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from newsclean.pipelines.article_store import is_postgres_url
from newsclean.spiders.runlock import LockHeld, PgRunLock, RunLock, lock_name, lock_path_for
from newsclean.spiders.runoutput import recover_parts
from newsclean.spiders.runreport import (
    ExitStatus,
    Thresholds,
    append_report,
    assess,
    build_report,
    keep_report_room,
    previous_runs,
    report_to_store,
    summary_line,
)

__all__ = ["CrawlOptions", "load_spider", "parse_pairs", "run_crawl", "store_location"]


SETTINGS_MODULE = "newsclean.spiders.settings"
DEFAULT_OUTPUT = Path("out")
"""Where ``newsclean crawl`` writes when not told (``--output``)."""
STORE_NAME = "newsclean.sqlite"
"""The store's file name in the output directory."""


def store_location(
    given: str | Path | None = None, *, setting: str | None = None, output: Path = DEFAULT_OUTPUT
) -> str:
    """The store every command uses when not told otherwise, one rule for all: the given path,
    else the ``NEWSCLEAN_STORE`` setting (``-s``, the project's), else the ``NEWSCLEAN_STORE``
    environment variable, else ``newsclean.sqlite`` in the output directory (``out/``)."""
    chosen = given or setting or os.environ.get("NEWSCLEAN_STORE")
    return str(chosen) if chosen else str(output / STORE_NAME)
ADDON = "newsclean.spiders.addon.NewscleanAddon"
@dataclass
class CrawlOptions:
    """What ``newsclean crawl`` was asked to do."""

    spider: str
    arguments: dict[str, str] = field(default_factory=dict)
    output: Path = DEFAULT_OUTPUT
    store: Path | str | None = None  # an SQLite file, or a postgresql:// URL
    frontier: str | None = None  # a redis:// URL: share the request queue with other workers
    cassette: Path | None = None
    settings: dict[str, str] = field(default_factory=dict)
    verbose: bool = False
    quiet: bool = False  # the summary line only when the run is not healthy
    progress: bool | None = None  # None: when stderr is a terminal


def _say(message: str) -> None:
    print(f"newsclean crawl: {message}", file=sys.stderr, flush=True)


def _project_settings(options: CrawlOptions) -> Any:
    """The Scrapy project's settings: ``SCRAPY_SETTINGS_MODULE``, else the ``scrapy.cfg`` of the
    directory (a user's own project), else newsclean's; ``-s`` values over them."""
    from scrapy.settings import Settings
    from scrapy.utils.conf import closest_scrapy_cfg
    from scrapy.utils.project import get_project_settings

    if os.environ.get("SCRAPY_SETTINGS_MODULE") or closest_scrapy_cfg():
        settings = get_project_settings()
    else:
        settings = Settings()
        settings.setmodule(SETTINGS_MODULE, priority="project")
    settings.setdict(options.settings, priority="cmdline")
    return settings


def _run_id(start: datetime, directory: Path) -> str:
    base = start.strftime("%Y%m%dT%H%M%SZ")
    run, n = base, 1
    while (directory / f"{run}.jsonl").exists() or (directory / f".{run}.jsonl.part").exists():
        run = f"{base}-{n}"
        n += 1
    return run


def load_spider(name: str, settings: Any = None) -> Any:
    """The spider class called ``name``; ``ValueError`` listing the known names otherwise."""
    from scrapy.spiderloader import get_spider_loader

    if settings is None:
        settings = _project_settings(CrawlOptions(spider=name))
    loader = get_spider_loader(settings)
    try:
        return loader.load(name)
    except KeyError:
        known = ", ".join(sorted(loader.list())) or "none"
        raise ValueError(f"unknown spider {name!r}; known spiders: {known}") from None


def run_crawl(options: CrawlOptions) -> int:
    """Run one crawl as ``newsclean crawl`` does and return its exit status."""
    start_clock = time.monotonic()
    start = datetime.now(UTC)
    try:
        settings = _project_settings(options)
        thresholds = Thresholds.from_settings(settings)
        spidercls = load_spider(options.spider, settings)
        if hasattr(spidercls, "check_arguments"):  # newsclean's spiders say which -a they take
            spidercls.check_arguments(options.arguments)
    except (ValueError, ImportError) as exc:
        _say(f"could not start: {exc}")
        return ExitStatus.CANNOT_START

    output = options.output.resolve()
    location = store_location(options.store, setting=settings.get("NEWSCLEAN_STORE"), output=output)
    store: Path | str = location if is_postgres_url(location) else Path(location).resolve()
    runs_log = Path(settings.get("NEWSCLEAN_RUNS_LOG") or output / "runs.jsonl").resolve()
    spider_dir = output / options.spider
    if options.cassette is not None and not options.cassette.is_file():
        _say(f"cassette {options.cassette} does not exist")
        return ExitStatus.CANNOT_START
    problem = _unreadable_cassette(options.cassette) if options.cassette is not None else None
    if problem:
        _say(f"cassette {options.cassette} cannot be read: {problem}")
        return ExitStatus.CANNOT_START

    from newsclean.pipelines.article_store import StoreError
    from newsclean.pipelines.pg_store import redact

    frontier = options.frontier or settings.get("NEWSCLEAN_FRONTIER") or None
    if frontier is not None:
        from newsclean.spiders.frontier import POLITENESS, frontier_settings

        name = lock_name(options.spider, options.arguments)
        settings.setdict(frontier_settings(str(frontier), settings, name), priority="cmdline")
        if settings.getfloat("NEWSCLEAN_FRONTIER_DELAY") > 0 and POLITENESS not in settings["DOWNLOADER_MIDDLEWARES"]:
            settings["DOWNLOADER_MIDDLEWARES"][POLITENESS] = 960
    # Workers sharing a frontier hold the lock together; an exclusive run waits for them all.
    lock: RunLock | PgRunLock
    if isinstance(store, str):
        lock = PgRunLock(store, lock_name(options.spider, options.arguments), shared=frontier is not None)
    else:
        lock = RunLock(lock_path_for(store, options.spider), shared=frontier is not None)
    shown = redact(store) if isinstance(store, str) else store
    try:
        lock.acquire(note=f"started {start:%Y-%m-%dT%H:%M:%SZ}")
    except LockHeld as held:
        _say(f"{options.spider} is already running on {shown} ({held.holder or 'pid unknown'}); exiting")
        return ExitStatus.LOCKED
    except StoreError as exc:
        _say(f"could not start: {exc}")
        return ExitStatus.CANNOT_START
    except OSError as exc:
        _say(f"cannot create the lock file next to the store {store}: {exc.strerror}")
        return ExitStatus.CANNOT_START
    try:
        return _locked_run(options, settings, spidercls, thresholds, start, start_clock,
                           output=output, store=store, runs_log=runs_log, spider_dir=spider_dir)
    finally:
        lock.release()


def _locked_run(
    options: CrawlOptions,
    settings: Any,
    spidercls: Any,
    thresholds: Thresholds,
    start: datetime,
    start_clock: float,
    *,
    output: Path,
    store: Path | str,
    runs_log: Path,
    spider_dir: Path,
) -> int:
    from newsclean.pipelines.article_store import StoreError, open_store
    from newsclean.pipelines.pg_store import redact
    from scrapy.crawler import AsyncCrawlerProcess
    from scrapy.settings import SETTINGS_PRIORITIES

    try:
        open_store(store).close()
    except StoreError as exc:
        _say(f"could not start: {exc}")
        return ExitStatus.CANNOT_START
    try:
        spider_dir.mkdir(parents=True, exist_ok=True)
        recovered = recover_parts(spider_dir, store)
    except OSError as exc:
        _say(f"cannot write to the output directory {spider_dir}: {exc.strerror}")
        return ExitStatus.CANNOT_START
    for path in recovered:
        _say(f"published {path} left by a run that was killed")
    keep_report_room(runs_log)
    run = _run_id(start, spider_dir)
    run_output = spider_dir / f"{run}.jsonl"
    log_file = None if options.verbose else spider_dir / "logs" / f"{run}.log"

    progress = (sys.stderr.isatty() and not options.quiet) if options.progress is None else options.progress
    overrides: dict[str, Any] = {
        "NEWSCLEAN_STORE": str(store),
        "NEWSCLEAN_RUN_OUTPUT": str(run_output),
        "NEWSCLEAN_PROGRESS": progress,
        "NEWSCLEAN_RUN_REPORT": False,  # written below, with the lock's and the exit status's knowledge
    }
    if (settings.getpriority("NEWSCLEAN_QUARANTINE") or 0) < SETTINGS_PRIORITIES["cmdline"]:
        overrides["NEWSCLEAN_QUARANTINE"] = str(output / "quarantine.jsonl")
    if options.cassette is not None:
        overrides["NEWSCLEAN_CASSETTE"] = str(options.cassette.resolve())
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        overrides["LOG_FILE"] = str(log_file)
        overrides["LOG_FILE_APPEND"] = False
    settings.setdict(overrides, priority="cmdline")
    # The add-on brings every component (incremental crawling, the run's records file, error
    # counting, progress), whatever the project's settings module enables.
    settings.setdefault_in_component_priority_dict("ADDONS", ADDON, 0)

    failure: BaseException | None = None
    stats: dict[str, Any] = {}
    crawler = None
    try:
        process = AsyncCrawlerProcess(settings)
        crawler = process.create_crawler(spidercls)
        task = process.crawl(crawler, **options.arguments)
        process.start()
        if task.done() and not task.cancelled() and task.exception() is not None:
            failure = task.exception()
    except Exception as exc:  # the crawl could not be set up: report it as such
        failure = exc
    try:
        stats = dict(crawler.stats.get_stats()) if crawler is not None and crawler.stats is not None else {}
    except RuntimeError:  # no crawler, or it never started
        stats = {}

    end = datetime.now(UTC)
    report = build_report(
        run=run,
        spider=options.spider,
        arguments=options.arguments,
        start=start.strftime("%Y-%m-%dT%H:%M:%SZ"),
        end=end.strftime("%Y-%m-%dT%H:%M:%SZ"),
        duration=time.monotonic() - start_clock,
        stats=stats,
        paths={
            "output": str(run_output) if run_output.exists() else None,
            "store": redact(store) if isinstance(store, str) else str(store),
            "log": str(log_file) if log_file else None,
        },
    )
    report["recovered"] = [str(p) for p in recovered]
    if failure is not None and not stats.get("finish_reason"):
        status, why = ExitStatus.CANNOT_START, f"could not start: {type(failure).__name__}: {failure}"
    else:
        status, why = assess(report, previous_runs(runs_log, options.spider), thresholds)
    report["exit_status"] = int(status)
    report["status"] = why
    try:
        append_report(runs_log, report)
    except OSError as exc:
        _say(f"cannot append to the runs log {runs_log}: {exc.strerror}")
    _report_to_store(store, report)
    if status is not ExitStatus.OK or not options.quiet:
        print(summary_line(report), file=sys.stderr, flush=True)
    return int(status)


def _report_to_store(store: Path | str, report: dict[str, Any]) -> None:
    problem = report_to_store(store, report)
    if problem:
        _say(f"cannot keep the run report in the store: {problem}")

def parse_pairs(pairs: list[str], *, option: str) -> dict[str, str]:
    """``NAME=VALUE`` strings as a dict; ``ValueError`` naming the option and the bad pair."""
    found: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"{option} expects NAME=VALUE, got {pair!r}")
        found[name.strip()] = value
    return found


def _unreadable_cassette(path: Path) -> str | None:
    """Why the cassette at ``path`` cannot be replayed (not YAML, not a vcrpy cassette), or None."""
    import yaml

    try:
        with path.open("rb") as fh:
            data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if not isinstance(data, dict) or not isinstance(data.get("interactions"), list):
        return "not a vcrpy cassette (no list of interactions)"
    return None
