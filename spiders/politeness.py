"""Politeness: robots.txt ``Crawl-delay`` applied per domain (Scrapy parses it, never applies it)."""

from __future__ import annotations

import logging
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.exceptions import NotConfigured
from scrapy.utils.httpobj import urlparse_cached

__all__ = ["CrawlDelayMiddleware"]

log = logging.getLogger(__name__)


class CrawlDelayMiddleware:
    """Keeps each domain's download slot at least as slow as its robots.txt ``Crawl-delay``
    for our user agent (or at ``NEWSCLEAN_CRAWL_DELAY`` seconds when that is set: the override;
    ``0`` ignores robots.txt's delay). Runs after Scrapy's ``RobotsTxtMiddleware`` (100), which
    has fetched and parsed the domain's robots.txt by then; AutoThrottle may slow a slot down
    further, never below the delay. Off when robots.txt is not obeyed and no override is set."""

    def __init__(self, crawler: Crawler, override: float | None) -> None:
        self.crawler = crawler
        self.override = override
        self.user_agent = crawler.settings.get("ROBOTSTXT_USER_AGENT") or crawler.settings.get("USER_AGENT") or ""
        self.applied: dict[str, float] = {}

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CrawlDelayMiddleware:
        raw = crawler.settings.get("NEWSCLEAN_CRAWL_DELAY")
        override: float | None = None
        if raw not in (None, "", "None"):
            try:
                override = float(raw)
            except (TypeError, ValueError):
                override = -1.0
            if override < 0:
                log.error(
                    "NEWSCLEAN_CRAWL_DELAY=%r is not a number of seconds >= 0: robots.txt's Crawl-delay applies", raw
                )
                override = None
        if override is None and not crawler.settings.getbool("ROBOTSTXT_OBEY"):
            raise NotConfigured("robots.txt is not obeyed and NEWSCLEAN_CRAWL_DELAY is not set")
        return cls(crawler, override)

    def _robots(self) -> RobotsTxtMiddleware | None:
        assert self.crawler.engine is not None
        for mw in self.crawler.engine.downloader.middleware.middlewares:
            if isinstance(mw, RobotsTxtMiddleware):
                return mw
        return None

    def delay_for(self, request: Request) -> float | None:
        """The delay the request's domain asks for (or the override), ``None`` for none."""
        if self.override is not None:
            return self.override or None
        robots = self._robots()
        if robots is None:
            return None
        # Scrapy keeps the parsed robots.txt per netloc; a Deferred while it is being fetched.
        parser: Any = getattr(robots, "_parsers", {}).get(urlparse_cached(request).netloc)
        crawl_delay = getattr(parser, "crawl_delay", None)
        if not callable(crawl_delay):
            return None
        delay = crawl_delay(self.user_agent)
        return float(delay) if delay else None

    def process_request(self, request: Request) -> None:
        if request.meta.get("dont_obey_robotstxt") and self.override is None:
            return None
        delay = self.delay_for(request)
        if delay is None:
            return None
        assert self.crawler.engine is not None
        downloader = self.crawler.engine.downloader
        key = downloader.get_slot_key(request)
        slot = downloader.slots.get(key)
        if slot is not None and (slot.delay < delay or slot.jitter):
            # Never sooner than asked: no random shortening (DOWNLOAD_DELAY_JITTER) either.
            slot.delay = max(slot.delay, delay)
            slot.jitter = 0.0
        if self.applied.get(key) != delay:
            self.applied[key] = delay
            log.info("crawl delay for %s: %.2f s (%s)", key, delay, "override" if self.override else "robots.txt")
            assert self.crawler.stats is not None
            self.crawler.stats.set_value(f"newsclean/crawl_delay/{key}", delay)
        return None
