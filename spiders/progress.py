"""A one-line progress display on a terminal for interactive crawls."""

from __future__ import annotations

import sys
from typing import IO, Any

from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.utils.asyncio import create_looping_call

__all__ = ["CrawlProgress", "progress_line"]


def progress_line(stats: dict[str, Any]) -> str:
    """``pages, articles and errors so far`` from live crawl stats."""
    pages = stats.get("response_received_count", 0)
    items = stats.get("item_scraped_count", 0)
    dropped = stats.get("item_dropped_count", 0)
    skipped = stats.get("newsclean/incremental/skip", 0) + stats.get(
        "newsclean/incremental/not_modified", 0
    )
    errors = stats.get("log_count/ERROR", 0)
    queued = stats.get("scheduler/enqueued", 0) - stats.get("scheduler/dequeued", 0)
    return (
        f"{pages} pages, {items} records, {dropped} dropped, {skipped} unchanged skipped, "
        f"{errors} errors, {queued} queued"
    )


class CrawlProgress:
    """Extension: rewrites one status line on stderr every ``interval`` seconds while the
    crawl runs, and clears it at the end. On when ``NEWSCLEAN_PROGRESS`` is true (the
    ``newsclean crawl`` command turns it on when stderr is a terminal)."""

    def __init__(self, crawler: Crawler, stream: IO[str], interval: float = 1.0) -> None:
        self.crawler = crawler
        self.stream = stream
        self.interval = interval
        self.task: Any = None
        self.name = ""

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlProgress:
        if not crawler.settings.getbool("NEWSCLEAN_PROGRESS"):
            raise NotConfigured
        ext = cls(crawler, sys.stderr)
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self, spider: Any) -> None:
        self.name = spider.name
        self.task = create_looping_call(self.show)
        self.task.start(self.interval)

    def show(self) -> None:
        assert self.crawler.stats is not None
        line = progress_line(self.crawler.stats.get_stats())
        self.stream.write(f"\r\x1b[K{self.name}: {line}")
        self.stream.flush()

    def spider_closed(self) -> None:
        if self.task is not None and self.task.running:
            self.task.stop()
        self.stream.write("\r\x1b[K")
        self.stream.flush()
