"""Incremental crawling: remembers fetched article URLs and asks only for new or changed ones."""

from __future__ import annotations

import logging
import time
import weakref
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from dateutil import parser as date_parser
from newsclean.pipelines.article_store import article_key, open_store
from newsclean.spiders.defaults import DEFAULTS
from newsclean.spiders.durations import parse_duration
from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Response
from twisted.python.failure import Failure

__all__ = [
    "INCREMENTAL_META",
    "LASTMOD_META",
    "Decision",
    "IncrementalDownloaderMiddleware",
    "IncrementalSpiderMiddleware",
    "SeenUrl",
    "SeenUrls",
    "decide",
    "fetched_before",
    "parse_lastmod",
]

logger = logging.getLogger(__name__)

LASTMOD_META = "newsclean_lastmod"
"""Request meta key a spider sets to the ``lastmod`` (sitemap) or updated date (feed) it saw
for an article URL; a newer value than at the last fetch means the page changed. A
publication date belongs here only when the listing gives no other date."""

INCREMENTAL_META = "newsclean_incremental"
"""Request meta key; ``False`` fetches the request whatever the state says."""

_CONDITIONAL_META = "_newsclean_conditional"

SCHEMA = """
CREATE TABLE IF NOT EXISTS crawl_seen (
    url           TEXT PRIMARY KEY,
    first_seen    TEXT NOT NULL,  -- first full fetch, ISO 8601 UTC
    last_fetched  TEXT NOT NULL,  -- last full (200) fetch
    last_checked  TEXT NOT NULL,  -- last request of any kind (200 or 304)
    lastmod       TEXT,           -- sitemap/feed date seen at the last full fetch, UTC
    etag          TEXT,           -- ETag header of the last full fetch
    last_modified TEXT,           -- Last-Modified header of the last full fetch, as sent
    outcome       TEXT NOT NULL   -- what became of the page: scraped or dropped
);
"""


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _ts(iso: str | None) -> float | None:
    return None if iso is None else datetime.fromisoformat(iso).timestamp()


def parse_lastmod(value: Any) -> float | None:
    """A sitemap ``lastmod`` or feed date as a UTC timestamp; ``None`` when absent or unreadable.

    Dates without a zone are taken as UTC (the sitemap protocol's W3C dates carry one).
    """
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        parsed = value
    else:
        try:
            parsed = date_parser.parse(str(value))
        except (ValueError, OverflowError):
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


@dataclass(frozen=True, slots=True)
class SeenUrl:
    """What the state remembers about one fetched URL (times are UTC timestamps)."""

    url: str
    first_seen: float
    last_fetched: float
    last_checked: float
    lastmod: float | None
    etag: str | None
    last_modified: str | None
    outcome: str


class SeenUrls:
    """The ``crawl_seen`` table in the article store (SQLite file or PostgreSQL database).

    Every write is its own transaction, so a process killed at any moment leaves the table as
    it was after the last article it finished.
    """

    def __init__(self, path: str | Path) -> None:
        self.store = open_store(path)
        self.store.migrate("crawl_seen", [SCHEMA])
        self.db = self.store.connection

    def close(self) -> None:
        self.store.close()

    def __len__(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM crawl_seen").fetchone()[0])

    def get(self, url: str) -> SeenUrl | None:
        row = self.db.execute(
            "SELECT url, first_seen, last_fetched, last_checked, lastmod, etag, last_modified, "
            "outcome FROM crawl_seen WHERE url = ?",
            (url,),
        ).fetchone()
        if row is None:
            return None
        return SeenUrl(
            url=row[0],
            first_seen=_ts(row[1]) or 0.0,
            last_fetched=_ts(row[2]) or 0.0,
            last_checked=_ts(row[3]) or 0.0,
            lastmod=_ts(row[4]),
            etag=row[5],
            last_modified=row[6],
            outcome=row[7],
        )

    def record_fetch(
        self,
        urls: Iterable[str],
        *,
        now: float,
        lastmod: float | None,
        etag: str | None,
        last_modified: str | None,
        outcome: str,
    ) -> None:
        """Remember a full fetch whose article went all the way through the pipelines."""
        rows = [
            (url, _iso(now), _iso(now), _iso(now), None if lastmod is None else _iso(lastmod),
             etag, last_modified, outcome)
            for url in dict.fromkeys(urls)
        ]
        with self.store.transaction() as db:
            db.executemany(
                "INSERT INTO crawl_seen (url, first_seen, last_fetched, last_checked, lastmod, etag, "
                "last_modified, outcome) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT(url) DO UPDATE SET last_fetched = excluded.last_fetched, "
                "last_checked = excluded.last_checked, "
                "lastmod = coalesce(excluded.lastmod, crawl_seen.lastmod), "
                "etag = excluded.etag, last_modified = excluded.last_modified, "
                "outcome = excluded.outcome",
                rows,
            )

    def record_lastmod(self, url: str, lastmod: float) -> None:
        """Set the listing date remembered for a URL fetched already (another listing of it,
        read after the fetch, gave a better one)."""
        with self.store.transaction() as db:
            db.execute("UPDATE crawl_seen SET lastmod = ? WHERE url = ?", (_iso(lastmod), url))

    def record_gone(self, urls: Iterable[str], *, now: float) -> None:
        """Remember a re-check that found the page gone (HTTP 404/410): its validators are
        dropped, so the page is fetched in full if it comes back."""
        with self.store.transaction() as db:
            db.executemany(
                "UPDATE crawl_seen SET last_checked = ?, etag = NULL, last_modified = NULL WHERE url = ?",
                [(_iso(now), url) for url in dict.fromkeys(urls)],
            )

    def record_check(self, urls: Iterable[str], *, now: float) -> None:
        """Remember a re-check that found the page unchanged (HTTP 304)."""
        with self.store.transaction() as db:
            db.executemany(
                "UPDATE crawl_seen SET last_checked = ? WHERE url = ?",
                [(_iso(now), url) for url in dict.fromkeys(urls)],
            )


def fetched_before(request: Request) -> bool:
    """Whether incremental crawling knows ``request``'s URL from an earlier fetch (the request
    is a re-check or a fetch of a changed page)."""
    return bool(request.meta.get(_CONDITIONAL_META))


class Decision(StrEnum):
    """What to do with a request for an article URL."""

    NEW = "new"  # never fetched: fetch
    CHANGED = "changed"  # the sitemap/feed date moved on: fetch (conditionally)
    RECHECK = "recheck"  # young article due for a look: conditional request
    SKIP = "skip"  # known and unchanged: no request at all


def decide(
    seen: SeenUrl | None, *, lastmod: float | None, now: float, window: float, interval: float
) -> Decision:
    """Whether and how to request a URL given what the state remembers of it.

    ``window``: how long after its first fetch an article is re-checked without a sign of
    change; ``interval``: the least time between two such re-checks.
    """
    if seen is None:
        return Decision.NEW
    if lastmod is not None:
        known = seen.lastmod if seen.lastmod is not None else seen.last_fetched
        if lastmod > known:
            return Decision.CHANGED
    if now - seen.first_seen < window and now - seen.last_checked >= interval:
        return Decision.RECHECK
    return Decision.SKIP


def listed_lastmod(request: Request) -> float | None:
    """The change date discovery gave for ``request``'s URL: ``meta["newsclean_lastmod"]``,
    else the ``modified`` date (sitemap ``lastmod``, Atom ``<updated>``) of the discovery
    entry the spider passes its callback (``cb_kwargs["entry"]``).

    An entry with a publication date only (an RSS ``pubDate``) gives that: a page published
    again after its last fetch has changed. When the entry has a ``modified`` date, its
    publication date is not a sign of change.
    """
    value = request.meta.get(LASTMOD_META)
    if value is None:
        entry = request.cb_kwargs.get("entry")
        value = (
            getattr(entry, "modified", None) or getattr(entry, "lastmod", None) or getattr(entry, "published", None)
        )
    return parse_lastmod(value)


class _State:
    """What both incremental middlewares of one crawler share: the table, the settings, and
    the item signals that write to the table."""

    def __init__(self, crawler: Crawler, seen: SeenUrls, *, window: float, interval: float) -> None:
        self.crawler = crawler
        self.seen = seen
        self.window = window
        self.interval = interval
        self.clock = time.time
        self.started = float(int(self.clock()))  # (fetch times are kept to the second)
        self.decided: dict[str, Decision] = {}
        """This run's decision for each URL asked about (a URL can be listed more than once)."""
        self.listed: dict[str, float] = {}
        """The change date the latest listing of each URL gave in this run."""
        crawler.signals.connect(self.item_scraped, signal=signals.item_scraped)
        crawler.signals.connect(self.item_dropped, signal=signals.item_dropped)
        crawler.signals.connect(self.spider_closed, signal=signals.spider_closed)

    @classmethod
    def for_crawler(cls, crawler: Crawler) -> _State:
        state = _STATES.get(crawler)
        if state is None:
            settings = crawler.settings
            store = settings.get("NEWSCLEAN_STORE")
            if not settings.getbool("NEWSCLEAN_INCREMENTAL", DEFAULTS["NEWSCLEAN_INCREMENTAL"]) or not store:
                raise NotConfigured("incremental crawling needs NEWSCLEAN_STORE and NEWSCLEAN_INCREMENTAL")
            window, interval = (
                parse_duration(settings.get(name, DEFAULTS[name]), name=name)
                for name in ("NEWSCLEAN_RECHECK_WINDOW", "NEWSCLEAN_RECHECK_INTERVAL")
            )
            state = _STATES[crawler] = cls(crawler, SeenUrls(store), window=window, interval=interval)
        return state

    def inc(self, key: str, count: int = 1) -> None:
        assert self.crawler.stats is not None
        self.crawler.stats.inc_value(f"newsclean/incremental/{key}", count)

    def note(self, request: Request) -> float | None:
        """The change date ``request`` carries, remembered as its URL's latest for this run."""
        lastmod = listed_lastmod(request)
        if lastmod is not None:
            self.listed[request.url] = lastmod
        return lastmod

    def decide(self, request: Request) -> tuple[Decision, SeenUrl | None]:
        seen = self.seen.get(request.url)
        decision = decide(
            seen, lastmod=self.note(request), now=self.clock(), window=self.window, interval=self.interval
        )
        return decision, seen

    def listed_again(self, request: Request) -> None:
        """A URL already asked for in this run, listed again (a sitemap read after a feed):
        when its page was fetched already in this run, the new listing's date is remembered
        for it, provided the page as fetched is at least that recent."""
        lastmod = self.note(request)
        seen = self.seen.get(request.url) if lastmod is not None else None
        if lastmod is None or seen is None or seen.last_fetched < self.started:
            return
        if lastmod <= seen.last_fetched and lastmod != seen.lastmod:
            self.seen.record_lastmod(request.url, lastmod)

    def remember(self, response: Response | Failure | None, outcome: str) -> None:
        # An item yielded by an errback (a gone page, a feed text standing in) comes with the
        # failure: nothing was fetched to remember.
        if not isinstance(response, Response) or response.status != 200 or response.request is None:
            return
        request = response.request
        if request.method != "GET" or request.meta.get(INCREMENTAL_META) is False:
            return
        etag = response.headers.get(b"ETag")
        last_modified = response.headers.get(b"Last-Modified")
        urls = _urls_of(response)
        # The latest listing of the URL in this run (it may have come after the request left).
        listed = next((self.listed[url] for url in reversed(urls) if url in self.listed), None)
        self.seen.record_fetch(
            urls,
            now=self.clock(),
            lastmod=listed if listed is not None else listed_lastmod(request),
            etag=etag.decode("latin-1") if etag else None,
            last_modified=last_modified.decode("latin-1") if last_modified else None,
            outcome=outcome,
        )

    def item_scraped(self, item: Any, response: Response | None) -> None:
        if isinstance(item, dict) and "cleaning" in item:
            # A record the store failed to write is not remembered: the next run fetches it.
            state = self.seen.store.state(article_key(item))
            if state is None or (state.version, state.fingerprint) != (item.get("version"), item.get("fingerprint")):
                return
        self.remember(response, "scraped")

    def item_dropped(self, item: Any, response: Response | None) -> None:
        self.remember(response, "dropped")

    def spider_closed(self) -> None:
        self.seen.close()


_STATES: weakref.WeakKeyDictionary[Crawler, _State] = weakref.WeakKeyDictionary()


def _urls_of(response: Response) -> list[str]:
    request = response.request
    urls = [response.url]
    if request is not None:
        urls.append(request.url)
        urls.extend(request.meta.get("redirect_urls", ()))
    return urls


def left_out(crawler: Crawler) -> set[str]:
    """Article URLs this crawl left out as known and unchanged (never requested)."""
    state = _STATES.get(crawler)
    if state is None:
        return set()
    return {url for url, decision in state.decided.items() if decision is Decision.SKIP}


class IncrementalSpiderMiddleware:
    """Spider middleware: drops requests for known, unchanged article URLs as the spider
    yields them (they never reach the scheduler), and marks the others new, changed or due
    for a re-check. A URL requested again in the same run is decided again only when it was
    left out the first time (a feed lists it without a change date, then a sitemap gives a newer
    ``lastmod``), and counted once.

    A URL enters the state only once the item extracted from it has gone through every item
    pipeline (stored, or dropped as unchanged, duplicate or invalid), so a run killed before
    that fetches it again next time. Pages that yield no item (feeds, sitemaps, section fronts)
    are never remembered and always fetched. Off when ``NEWSCLEAN_INCREMENTAL`` is false or no
    store is set (``NEWSCLEAN_STORE``).
    """

    def __init__(self, state: _State) -> None:
        self.state = state

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalSpiderMiddleware:
        return cls(_State.for_crawler(crawler))

    def _keep(self, request: Request) -> bool:
        if request.method != "GET" or request.meta.get(INCREMENTAL_META) is False:
            return True
        earlier = self.state.decided.get(request.url)
        if earlier is not None and earlier is not Decision.SKIP:
            self.state.listed_again(request)
            return True  # already on its way: the scheduler's duplicate filter sees to it
        decision, seen = self.state.decide(request)
        if seen is None:
            self.state.decided[request.url] = Decision.NEW
            return True
        # A URL left out earlier in the run and listed again (a sitemap after a feed) is
        # counted once, under what became of it.
        if earlier is Decision.SKIP:
            if decision is Decision.SKIP:
                return False
            self.state.inc(str(Decision.SKIP), -1)
        self.state.decided[request.url] = decision
        self.state.inc(str(decision))
        if decision is Decision.SKIP:
            logger.debug("unchanged since the last fetch, not requested: %s", request.url)
            return False
        request.meta[_CONDITIONAL_META] = True
        return True

    async def process_start(self, start: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for obj in start:
            if not isinstance(obj, Request) or self._keep(obj):
                yield obj

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for obj in result:
            if not isinstance(obj, Request) or self._keep(obj):
                yield obj


class IncrementalDownloaderMiddleware:
    """Downloader middleware: sends re-checks as conditional requests (``If-None-Match`` /
    ``If-Modified-Since`` from the last full fetch) and turns their 304 answers into a quiet
    "not modified" (a 304 is not an error: the request is dropped and counted)."""

    def __init__(self, state: _State) -> None:
        self.state = state

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> IncrementalDownloaderMiddleware:
        return cls(_State.for_crawler(crawler))

    def process_request(self, request: Request) -> None:
        if not request.meta.get(_CONDITIONAL_META):
            return None
        seen = self.state.seen.get(request.url)
        if seen is not None:
            if seen.etag:
                request.headers.setdefault(b"If-None-Match", seen.etag)
            if seen.last_modified:
                request.headers.setdefault(b"If-Modified-Since", seen.last_modified)
        return None

    def process_response(self, request: Request, response: Response) -> Response:
        if response.status in (404, 410) and request.meta.get(_CONDITIONAL_META):
            # Gone: a page that comes back must be fetched in full, whatever its ETag.
            self.state.seen.record_gone(_urls_of(response), now=self.state.clock())
        if response.status == 304 and request.meta.get(_CONDITIONAL_META):
            self.state.seen.record_check(_urls_of(response), now=self.state.clock())
            self.state.inc("not_modified")
            raise IgnoreRequest(f"not modified since the last fetch: {request.url}")
        return response
