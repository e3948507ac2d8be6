"""Store stage: writes each article record to the store (SQLite or PostgreSQL), one transaction per record."""

from __future__ import annotations

import errno
import logging
from typing import Any

from newsclean.cleaners.normalize import in_field_order
from newsclean.pipelines.article_store import DATABASE_ERRORS, ArticleStore, open_store
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.defer import _schedule_coro

__all__ = ["StorePipeline"]

logger = logging.getLogger(__name__)


class StorePipeline:
    """Upserts article records into the store at ``NEWSCLEAN_STORE`` (off when it is empty):
    a new URL becomes version 1, a changed text or ``dateModified`` the next version, an
    unchanged record only marks the URL seen. The record passes on (to ``FEEDS``) with the
    version the store gave it. A record the store cannot take is logged, counted in
    ``newsclean/store/failed`` and still passed on, so the feed keeps it.
    """

    def __init__(self, crawler: Crawler, path: str) -> None:
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.crawler = crawler
        self.path = path
        self.store: ArticleStore | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        path = crawler.settings.get("NEWSCLEAN_STORE")
        if not path:
            raise NotConfigured("NEWSCLEAN_STORE is not set")
        return cls(crawler, str(path))

    def open_spider(self) -> None:
        self.store = open_store(self.path)
        logger.info("Storing articles in %s", self.store.path)

    _disk_is_full = False

    def _stop_on_full_disk(self, exc: Exception) -> None:
        """Say "disk full" once and stop fetching; what was stored stays (the crawl ends with
        the finish reason ``disk_full``, exit status 3)."""
        if self._disk_is_full:
            return
        self._disk_is_full = True
        logger.error("disk full: cannot store in %s (%s); the crawl stops, what was stored is kept", self.path, exc)
        try:
            engine = self.crawler.engine
        except RuntimeError:  # not crawling (a pipeline used on its own)
            return
        _schedule_coro(engine.close_spider_async(reason="disk_full"))

    def close_spider(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    async def process_item(self, item: Any) -> Any:
        if not (isinstance(item, dict) and "cleaning" in item):
            return item
        assert self.store is not None
        try:
            result = self.store.put(item)
        except (*DATABASE_ERRORS, ValueError) as exc:  # type: ignore[misc]  # mypy cannot read the unpacking
            self.stats.inc_value("newsclean/store/failed")
            if _disk_full(exc):
                self._stop_on_full_disk(exc)
            else:
                logger.error("Could not store %s in %s: %s", item.get("url") or item.get("source"), self.path, exc)
            return item
        self.stats.inc_value(f"newsclean/store/{result.status}")
        logger.debug("Stored %s as version %d (%s)", result.key, result.version, result.status)
        return in_field_order({**item, "version": result.version})


def _disk_full(exc: BaseException) -> bool:
    """SQLite's SQLITE_FULL, an ENOSPC from the OS, PostgreSQL's disk_full (53100)."""
    if getattr(exc, "errno", None) == errno.ENOSPC or getattr(exc, "sqlstate", None) == "53100":
        return True
    return "disk is full" in str(exc) or "No space left on device" in str(exc)
