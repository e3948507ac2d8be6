"""robots.txt Crawl-delay, honoured per domain, with the NEWSCLEAN_CRAWL_DELAY override."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

from .test_crawl import NewsSite, Page, crawl, running


class TimedRequests(list):  # type: ignore[type-arg]
    """The site's request log, with when each request arrived."""

    def __init__(self) -> None:
        super().__init__()
        self.times: list[float] = []

    def append(self, item: object) -> None:
        super().append(item)
        self.times.append(time.monotonic())


def _site_with_delay(news: NewsSite, delay: float) -> TimedRequests:
    news.pages["/robots.txt"] = Page(
        f"User-agent: *\nCrawl-delay: {delay}\nAllow: /\nSitemap: {news.base}/sitemap.xml\n".encode(),
        "text/plain",
        time.time(),
    )
    log = TimedRequests()
    news.requests = log
    return log


def _gaps(log: TimedRequests) -> list[float]:
    """Gaps between the requests after robots.txt (the page requests a crawl delay governs)."""
    times = [t for (path, _), t in zip(log, log.times, strict=True) if path != "/robots.txt"]
    return [b - a for a, b in itertools.pairwise(times)]


def test_robots_crawl_delay_spaces_the_domains_requests(tmp_path: Path) -> None:
    with running(NewsSite()) as news:
        log = _site_with_delay(news, 1.5)
        done = crawl(news, tmp_path / "out")
        assert done.returncode == 0, done.stderr
        gaps = _gaps(log)
        assert len(gaps) >= 6  # home, sitemap, five articles
        assert min(gaps) >= 1.4, gaps


def test_override_zero_ignores_the_robots_delay(tmp_path: Path) -> None:
    with running(NewsSite()) as news:
        log = _site_with_delay(news, 20)
        started = time.monotonic()
        done = crawl(news, tmp_path / "out", "-s", "NEWSCLEAN_CRAWL_DELAY=0")
        assert done.returncode == 0, done.stderr
        gaps = _gaps(log)
        assert len(gaps) >= 6
        assert min(gaps) < 1.0, gaps  # articles fetched side by side
        # Seven requests 20 s apart would take two minutes (a loaded machine needs well under one).
        assert time.monotonic() - started < 100


def test_override_sets_the_delay_instead_of_robots(tmp_path: Path) -> None:
    with running(NewsSite()) as news:
        log = _site_with_delay(news, 0.1)
        done = crawl(news, tmp_path / "out", "-s", "NEWSCLEAN_CRAWL_DELAY=1.2")
        assert done.returncode == 0, done.stderr
        assert min(_gaps(log)) >= 1.1
