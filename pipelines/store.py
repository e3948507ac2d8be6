"""Store stage: writes each article record to the store (SQLite or PostgreSQL), one transaction per record."""

from __future__ import annotations

import errno
import logging
from typing import Any

from newsclean.cleaners.normalize import in_field_order
from newsclean.pipelines.article_store import DATABASE_ERRORS, ArticleStore, open_store
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured
from scrapy.utils.defer import _schedule_coro

__all__ = ["StorePipeline"]

logger = logging.getLogger(__name__)


class StorePipeline:
    """Upserts article records into the store at ``NEWSCLEAN_STORE`` (off when it is empty):
    a new URL becomes version 1, a changed text or ``dateModified`` the next version, an
    unchanged record only marks the URL seen. The record passes on (to ``FEEDS``) with the
    version the store gave it. A record the store cannot take is logged, counted in
    ``newsclean/store/failed`` and still passed on, so the feed keeps it.

    A page the spider found gone (HTTP 404/410) arrives as a notice, ``{"disappeared":
    {"urls": [...], "status": 404, "at": "<ISO 8601>"}}``: a stored article is marked gone (a
    new version with ``dateDisappeared``, passed on to the feed; counted in
    ``newsclean/store/disappeared``), one marked already is counted in
    ``newsclean/store/still_disappeared``, and a URL the store never held in
    ``newsclean/store/gone_unknown/<status>``; the notice itself goes no further.
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
        if isinstance(item, dict) and isinstance(item.get("disappeared"), dict) and "cleaning" not in item:
            return self._disappeared(item["disappeared"])
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


    def _disappeared(self, notice: dict[str, Any]) -> Any:
        assert self.store is not None
        urls = [str(u) for u in notice.get("urls") or () if u]
        status = int(notice.get("status") or 404)
        try:
            result = None
            for url in dict.fromkeys(urls):
                result = self.store.mark_disappeared(url, status=status, at=notice.get("at"))
                if result is not None:
                    break
        except DATABASE_ERRORS as exc:
            self.stats.inc_value("newsclean/store/failed")
            if _disk_full(exc):
                self._stop_on_full_disk(exc)
            else:
                logger.error("Could not mark %s gone in %s: %s", urls[0] if urls else "?", self.path, exc)
            raise DropItem(f"not marked gone: {urls[0] if urls else '?'}", log_level="DEBUG") from exc
        if result is None:
            self.stats.inc_value(f"newsclean/store/gone_unknown/{status}")
            raise DropItem(f"HTTP {status}, not in the store: {urls[0] if urls else '?'}", log_level="DEBUG")
        self.stats.inc_value(f"newsclean/store/{result.status}")
        if result.status == "still_disappeared":
            raise DropItem(f"still gone (HTTP {status}): {result.key}", log_level="DEBUG")
        logger.info("%s is gone from the site (HTTP %d): stored as version %d", result.key, status, result.version)
        return self.store.get(result.key)


def _disk_full(exc: BaseException) -> bool:
    """SQLite's SQLITE_FULL, an ENOSPC from the OS, PostgreSQL's disk_full (53100)."""
    if getattr(exc, "errno", None) == errno.ENOSPC or getattr(exc, "sqlstate", None) == "53100":
        return True
    return "disk is full" in str(exc) or "No space left on device" in str(exc)
