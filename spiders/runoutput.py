"""A run's records in one JSON Lines file, written under a temporary name and renamed at the end."""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any

from newsclean.pipelines.article_store import ArticleStore, StoreError, article_key, open_store
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import _schedule_coro

__all__ = ["RunOutputPipeline", "part_path", "publish_part", "recover_parts"]

logger = logging.getLogger(__name__)

PART_SUFFIX = ".part"


def part_path(final: Path) -> Path:
    """Where a run writes before the rename: a hidden sibling, so ``*.jsonl`` globs skip it."""
    return final.with_name(f".{final.name}{PART_SUFFIX}")


def no_space(exc: BaseException) -> bool:
    """Whether ``exc`` says the disk (or the user's quota, or the file size limit) is full."""
    return getattr(exc, "errno", None) in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _in_store(store: ArticleStore) -> Callable[[dict[str, Any]], bool]:
    def stored(record: dict[str, Any]) -> bool:
        version, fingerprint = record.get("version"), record.get("fingerprint")
        return any(
            v.get("version") == version and v.get("fingerprint") == fingerprint
            for v in store.versions(article_key(record))
        )

    return stored


def publish_part(part: Path, final: Path, store: str | Path | None) -> int:
    """Move a run's part file to ``final`` keeping only complete lines whose record the store
    committed (all complete lines when ``store`` is None); returns the records published. A
    file left with no record is removed instead.

    Streams: one line in memory at a time, whatever the size of the run. When lines are left
    out, the kept ones go to a sibling file (fsynced) that replaces ``final``; when every
    line is kept the part file itself is renamed (a half-written last line, as a full disk or a
    kill leaves it, is truncated away first: that needs no disk space)."""
    kept = uncommitted = complete = 0
    with contextlib.ExitStack() as stack:
        source = stack.enter_context(part.open("rb"))
        opened = stack.enter_context(open_store(store)) if store is not None else None
        stored = _in_store(opened) if opened is not None else None
        for line in source:
            if not line.endswith(b"\n"):
                break  # a half-written last line
            complete += len(line)
            if stored is not None and not _committed(line, stored):
                uncommitted += 1
            else:
                kept += 1
    if not kept:
        part.unlink()
        return 0
    if not uncommitted:
        if part.stat().st_size != complete:
            os.truncate(part, complete)
        os.replace(part, final)
        _fsync_dir(final.parent)
        return kept
    scratch = part.with_name(part.name + ".publishing")
    kept = dropped = 0
    try:
        with contextlib.ExitStack() as stack:
            source = stack.enter_context(part.open("rb"))
            opened = stack.enter_context(open_store(store)) if store is not None else None
            stored = _in_store(opened) if opened is not None else None
            out = stack.enter_context(scratch.open("wb"))
            for line in source:
                if not line.endswith(b"\n"):  # a half-written last line
                    dropped += 1
                    continue
                if stored is not None and not _committed(line, stored):
                    dropped += 1
                    continue
                out.write(line)
                kept += 1
            out.flush()
            if kept and dropped:
                os.fsync(out.fileno())
        if not kept:
            scratch.unlink()
            part.unlink()
            return 0
        if dropped:
            os.replace(scratch, final)
            part.unlink()
        else:
            scratch.unlink()
            os.replace(part, final)
    except BaseException:
        scratch.unlink(missing_ok=True)
        raise
    _fsync_dir(final.parent)
    return kept


def _committed(line: bytes, stored: Callable[[dict[str, Any]], bool]) -> bool:
    try:
        record = json.loads(line)
    except ValueError:
        return False
    return isinstance(record, dict) and stored(record)


def recover_parts(directory: Path, store: str | Path | None) -> list[Path]:
    """Publish what runs killed before their end left in ``directory`` (call it holding the
    crawl lock): the records their store committed. Returns the files published."""
    published: list[Path] = []
    if not directory.is_dir():
        return published
    for part in sorted(directory.glob(f".*.jsonl{PART_SUFFIX}")):
        final = part.with_name(part.name[1 : -len(PART_SUFFIX)])
        if publish_part(part, final, store):
            published.append(final)
    return published


class RunOutputPipeline:
    """Item pipeline, just before the store: appends each record to ``NEWSCLEAN_RUN_OUTPUT``'s
    part file (flushed line by line) before the store commits it; when the spider closes, the
    file is published with only the records the store committed (see :func:`publish_part`),
    so the run's file is exactly what the run stored, even after a SIGKILL (the next run
    publishes the part file). A run with no record leaves no file. Off when the setting is
    empty."""

    def __init__(self, crawler: Crawler, path: Path, store: str | None) -> None:
        self.crawler = crawler
        self.path = path
        self.part = part_path(path)
        self.store = store
        self._fh: IO[str] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunOutputPipeline:
        path = crawler.settings.get("NEWSCLEAN_RUN_OUTPUT")
        if not path:
            raise NotConfigured("NEWSCLEAN_RUN_OUTPUT is not set")
        store = crawler.settings.get("NEWSCLEAN_STORE")
        return cls(crawler, Path(path), str(store) if store else None)

    _disk_is_full = False

    async def process_item(self, item: Any) -> Any:
        if not (isinstance(item, dict) and "cleaning" in item):
            return item
        if self._disk_is_full:
            return self._not_written(item)
        try:
            if self._fh is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._fh = self.part.open("a", encoding="utf-8")
            self._fh.write(json.dumps(item, ensure_ascii=False, default=str) + "\n")
            # Flushed before the store commits: a record the store has is always in the file.
            self._fh.flush()
        except OSError as exc:
            if not no_space(exc):
                raise
            self._stop_on_full_disk(exc)
            return self._not_written(item)
        return item

    def _not_written(self, item: dict[str, Any]) -> Any:
        """A record the full disk could not take: not stored either (the file is what the run
        stored), counted as failed (``output``); the next run fetches the page again."""
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value("newsclean/run_output/failed")
        raise DropItem(f"disk full: not written to {self.part}: {item.get('url')}", log_level="DEBUG")

    def _stop_on_full_disk(self, exc: OSError) -> None:
        """Say "disk full" once and stop fetching (finish reason ``disk_full``, exit status 3);
        what was written and stored is kept and published when the spider closes."""
        self._disk_is_full = True
        logger.error(
            "disk full: cannot write %s (%s); the crawl stops, what was stored is kept", self.part, exc.strerror
        )
        if self._fh is not None:
            with contextlib.suppress(OSError):  # what the buffer still holds cannot be written either
                self._fh.close()
            self._fh = None
        try:
            engine = self.crawler.engine
        except RuntimeError:  # not crawling (a pipeline used on its own)
            return
        if engine is not None:
            _schedule_coro(engine.close_spider_async(reason="disk_full"))

    def close_spider(self) -> None:
        if self._fh is not None:
            try:
                self._fh.flush()
                os.fsync(self._fh.fileno())
                self._fh.close()
            except OSError as exc:
                if not no_space(exc):
                    raise
                self._stop_on_full_disk(exc)
            self._fh = None
        if not self.part.exists():
            return
        try:
            count = publish_part(self.part, self.path, self.store)
        except (OSError, StoreError) as exc:
            # The part file stays: the next run publishes it.
            logger.error("could not publish %s: %s", self.path, exc)
            return
        assert self.crawler.stats is not None
        self.crawler.stats.set_value("newsclean/run_output/records", count)
