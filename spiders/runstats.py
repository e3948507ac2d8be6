"""Counts what failed in a crawl once per request, for the run report's errors by kind."""

from __future__ import annotations

import logging

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.statscollectors import StatsCollector

__all__ = ["REQUEST_FAILURE_LOGGERS", "RunOutcomes"]

PREFIX = "newsclean/run"

REQUEST_FAILURE_LOGGERS = frozenset(
    {"scrapy.downloadermiddlewares.retry", "newsclean.spiders.cassette"}
)
"""Loggers whose errors are about a request that failed: counted once, as the request's
final outcome, not again as a logged error."""


class _ErrorCounter(logging.Handler):
    def __init__(self, stats: StatsCollector) -> None:
        super().__init__(logging.ERROR)
        self.stats = stats

    def emit(self, record: logging.LogRecord) -> None:
        if self.stats.get_value(f"{PREFIX}/first_error") is None:
            try:
                message = record.getMessage()
            except (TypeError, ValueError):
                message = str(record.msg)
            self.stats.set_value(f"{PREFIX}/first_error", message.splitlines()[0][:300] if message else record.name)
        if record.name in REQUEST_FAILURE_LOGGERS:
            return
        if record.name == "scrapy.core.scraper" and str(record.msg).startswith("Error downloading"):
            return
        self.stats.inc_value(f"{PREFIX}/logged_errors/{record.name}")


class RunOutcomes:
    """Downloader middleware placed below RetryMiddleware, so it sees each request's final
    outcome once: HTTP error statuses (``newsclean/run/final_status/<code>``) and downloads
    that failed for good (``newsclean/run/failed_download/<exception>``), whether or not the
    spider handles them in an errback. It also counts errors logged by anything else
    (spider and pipeline exceptions, store failures: ``newsclean/run/logged_errors/<logger>``).
    """

    def __init__(self, crawler: Crawler) -> None:
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.handler = _ErrorCounter(crawler.stats)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunOutcomes:
        mw = cls(crawler)
        logging.getLogger().addHandler(mw.handler)
        crawler.signals.connect(mw.engine_stopped, signal=signals.engine_stopped)
        return mw

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status >= 400:
            self.stats.inc_value(f"{PREFIX}/final_status/{response.status}")
        return response

    def process_exception(self, request: Request, exception: Exception) -> None:
        if not isinstance(exception, IgnoreRequest):
            self.stats.inc_value(f"{PREFIX}/failed_download/{type(exception).__name__}")

    def engine_stopped(self) -> None:
        logging.getLogger().removeHandler(self.handler)
