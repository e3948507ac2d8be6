"""The ``news`` spider: crawls any news site from its homepage, feeds and sitemaps."""

from __future__ import annotations

import logging
import os
import re
import weakref
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import urlsplit

import scrapy
from newsclean.cleaners.dates import fetch_time
from newsclean.cleaners.decoding import DecodeError, decode_html
from newsclean.cleaners.html import extract_html
from newsclean.cleaners.site import SiteProfile
from newsclean.pipelines.article_store import GONE_STATUSES
from newsclean.spiders.cassette import UnrecordedRequest
from newsclean.spiders.discovery import (
    Entry,
    entries_in,
    feed_entries,
    feed_links,
    is_older,
    later_date,
    looks_like_article,
    looks_like_section,
    parse_since,
    resolve_url,
    robots_sitemaps,
    same_site,
    sitemap_entries,
    strip_tracking,
)
from newsclean.spiders.frontier import COUNTED_META, LISTING_META
from newsclean.spiders.incremental import LASTMOD_META, fetched_before
from newsclean.spiders.sites import get_profile, profile_for_url
from scrapy import signals
from scrapy.exceptions import CloseSpider, IgnoreRequest
from scrapy.http import HtmlResponse, Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

__all__ = ["NewsSpider"]

logger = logging.getLogger(__name__)

STATS = "newsclean/spider"

MAX_SECTIONS = 20
"""Section fronts followed from a homepage to find more articles (one level deep)."""

_LISTING_PRIORITY = 10
"""Feeds and sitemaps are read before articles, so dates are known before fetching."""

DEPTH_META = "newsclean_listing_depth"
"""Request meta key: how many listings led to this one (a start point is 0)."""


class NewsSpider(scrapy.Spider):
    """Discovers articles on one site and yields a page item for each.

    Arguments (``-a name=value``):

    * ``start``: a homepage, feed or sitemap URL (required unless ``site`` is given);
    * ``site``: a site profile name (``newsclean sites``): starts from its feeds and sitemaps,
      or its homepage when it declares none;
    * ``since``: ``YYYY-MM-DD``; skips articles that feeds or sitemaps date earlier, before
      fetching them, and articles whose page dates them earlier;
    * ``limit``: stop after this many articles.

    From a homepage it follows ``<link rel="alternate">`` feeds, the sitemaps robots.txt lists
    (sitemap indexes and Google News sitemaps included) and in-domain links that look like
    articles; section fronts, tag pages and non-HTML links are skipped.
    """

    name = "news"
    ARGUMENTS = ("start", "site", "since", "limit")
    """What ``-a NAME=VALUE`` may name; anything else ends the crawl at once with one error line."""

    def __init__(
        self,
        start: str | None = None,
        site: str | None = None,
        since: str | None = None,
        limit: str | int | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.profile: SiteProfile | None = None
        self.start_url: str | None = None
        self.since: date | None = None
        self.limit: int | None = None
        self.home = ""
        self.argument_error: str | None = None
        """Why the arguments cannot be used; the crawl then logs it and closes at once."""
        try:
            self.check_arguments(kwargs)
            self._read_arguments(start, site or getattr(type(self), "site_name", None), since, limit)
        except (KeyError, ValueError) as exc:
            self.argument_error = str(exc.args[0])
        self.scheduled: dict[str, Entry] = {}
        """Article URLs asked for, with what every listing that named them said (merged)."""
        self._requests: weakref.WeakValueDictionary[str, scrapy.Request] = weakref.WeakValueDictionary()
        self.articles = 0
        self.count_article: Callable[[], int] | None = None
        """Set by a shared frontier: counts this article in the run (all workers) and returns
        the run's count, which ``limit`` applies to."""
        self.pending: set[str] = set()
        """Article URLs asked for whose outcome the spider has not seen yet."""

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> NewsSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._request_dropped, signal=signals.request_dropped)
        return spider

    def _request_dropped(self, request: scrapy.Request) -> None:
        """The scheduler's duplicate filter dropped a redirected article request: its URL ends
        here (a loop back to a URL of the chain, or a redirect to an article already asked for)."""
        chain = request.meta.get("redirect_urls")
        if not chain or getattr(request.callback, "__func__", None) is not NewsSpider.parse_article:
            return
        self._settled(request)
        if request.url in chain:
            self._inc("article/failed/redirect_loop")
            logger.warning("article not fetched: %s (redirect loop)", chain[0])
        else:
            self._inc("article/skipped/redirected_to_known")

    @classmethod
    def check_arguments(cls, names: Iterable[str]) -> None:
        """``ValueError`` naming any argument the spider does not take: a misspelt one
        (``-a limt=5``) must not be ignored, as Scrapy would (it sets it as an attribute). Names
        starting with ``_`` are the scheduler's (Scrapyd passes ``_job``)."""
        unknown = sorted(n for n in names if n not in cls.ARGUMENTS and not n.startswith("_"))
        if unknown:
            raise ValueError(
                f"unknown argument(s) {', '.join(map(repr, unknown))}; the {cls.name} spider takes "
                f"{', '.join(cls.ARGUMENTS)}"
            )

    def _read_arguments(self, start: str | None, site: str | None, since: str | None, limit: str | int | None) -> None:
        self.profile = get_profile(site) if site else None
        if start:
            parts = urlsplit(start)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise ValueError(f"start={start!r} is not an http(s) URL")
            self.profile = self.profile or profile_for_url(start)
        elif self.profile is None and not os.environ.get("SCRAPY_CHECK"):
            # (`scrapy check` sets SCRAPY_CHECK and supplies its own URLs from the contracts.)
            raise ValueError(f"the {self.name} spider needs -a start=URL (a homepage, feed or sitemap) or -a site=NAME")
        self.start_url = start
        self.since = parse_since(since) if since else None
        try:
            self.limit = int(limit) if limit not in (None, "") else None
        except ValueError:
            raise ValueError(f"limit={limit!r} is not a whole number") from None
        if self.limit is not None and self.limit < 1:
            raise ValueError(f"limit={limit!r} must be 1 or more")
        self.home = start or (self._profile_home() if self.profile else "")
        if self.profile:
            self.allowed_domains = list(self.profile.domains)
        elif self.home:
            self.allowed_domains = [(urlsplit(self.home).hostname or "").removeprefix("www.")]

    # -- start points --------------------------------------------------------------------------

    def _profile_home(self) -> str:
        assert self.profile is not None
        first = next(iter(self.profile.feeds + self.profile.sitemaps), None)
        if first:
            parts = urlsplit(first)
            return f"{parts.scheme}://{parts.netloc}/"
        return self.profile.extra.get("home") or f"https://www.{self.profile.domains[0]}/"

    def start_points(self) -> list[str]:
        """Where discovery begins: the start URL, else the profile's feeds and sitemaps, else
        the site's homepage (robots.txt is always read too)."""
        if self.start_url:
            return [self.start_url]
        if self.profile is None:
            return []
        return list(self.profile.feeds + self.profile.sitemaps) or [self.home]

    async def start(self) -> AsyncIterator[Any]:
        if self.argument_error:
            logger.error("%s spider: %s", self.name, self.argument_error)
            raise CloseSpider("bad_arguments")
        settings = self.crawler.settings
        self.max_listing_depth = settings.getint("NEWSCLEAN_MAX_LISTING_DEPTH", 3)
        self.max_listing_requests = settings.getint("NEWSCLEAN_MAX_LISTING_REQUESTS", 1000)
        for url in self.start_points():
            request = self._listing(url, self.parse_start, depth=0)
            if request is not None:
                yield request
        if not self.home:
            return
        parts = urlsplit(self.home)
        request = self._listing(f"{parts.scheme}://{parts.netloc}/robots.txt", self.parse_robots, depth=0)
        if request is not None:
            yield request.replace(errback=self.robots_failed)

    # -- listings ------------------------------------------------------------------------------

    def parse_start(self, response: Response) -> Iterator[Any]:
        """A start URL: a homepage (HTML), a feed or a sitemap, told apart by content."""
        if isinstance(response, HtmlResponse):
            yield from self.parse_homepage(response)
        elif _is_sitemap(response.body):
            yield from self.parse_sitemap(response)
        else:
            yield from self.parse_feed(response)

    def parse_robots(self, response: Response) -> Iterator[Any]:
        """robots.txt: follow the sitemaps it lists."""
        text = response.text if isinstance(response, TextResponse) else response.body.decode("utf-8", "replace")
        for url in robots_sitemaps(text, response.url):
            request = self._listing(url, self.parse_sitemap, depth=0)
            if request is not None:
                yield request

    def parse_homepage(self, response: HtmlResponse) -> Iterator[Any]:
        """A homepage: its feeds, then the in-domain links that look like articles."""
        links = (
            (el.attrib.get("rel", ""), el.attrib.get("type", ""), el.attrib.get("href", ""))
            for el in response.css("link[rel][href]")
        )
        for url in feed_links(iter(links), response.url):
            request = self._listing(url, self.parse_feed, parent=response)
            if request is not None:
                yield request
        entries = self._page_links(response)
        yield from self._articles(entries)
        hubs = [e.url for e in entries if looks_like_section(e.url) and same_site(e.url, self.home)]
        for url in list(dict.fromkeys(hubs))[:MAX_SECTIONS]:
            request = self._listing(url, self.parse_section, parent=response)
            if request is not None:
                yield request

    def parse_section(self, response: Response) -> Iterator[Any]:
        """A section front linked from the homepage: a listing of articles, never an article."""
        if not isinstance(response, HtmlResponse):
            return
        self._inc("sections")
        yield from self._articles(self._page_links(response))

    @staticmethod
    def _page_links(response: HtmlResponse) -> list[Entry]:
        hrefs = response.css("a[href]::attr(href)").getall()
        # A link that is no URL (a port that is no number, an unclosed IPv6 host) is left out.
        urls = [url for url in (resolve_url(response.url, href) for href in hrefs) if url]
        return [Entry(strip_tracking(url), "link", response.url) for url in urls]

    def parse_feed(self, response: Response) -> Iterator[Any]:
        """An RSS or Atom feed: its items' article URLs, dated by the feed."""
        entries = list(feed_entries(response.body, response.url))
        self._inc("feed_entries", len(entries))
        self._count_unread(response, "feed", len(entries))
        yield from self._articles(entries)

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        """A sitemap index (follow its sitemaps) or a sitemap (its pages, with news dates)."""
        children, pages = sitemap_entries(response.body, response.url)
        if not children and not pages:
            logger.warning("no sitemap entries in %s", response.url)
        self._count_unread(response, "sitemap", len(children) + len(pages))
        for child in children:
            if is_older(child.modified, self.since):
                self._inc("skipped/too_old")
                continue
            request = self._listing(child.url, self.parse_sitemap, parent=response)
            if request is not None:
                yield request
        self._inc("sitemap_entries", len(pages))
        yield from self._articles(pages)

    max_listing_depth = 3
    max_listing_requests = 1000

    def _listing(
        self, url: str, callback: Any, *, parent: Response | None = None, depth: int | None = None
    ) -> scrapy.Request | None:
        """A request for a listing (feed, sitemap, section front), or ``None`` past the run's
        bounds: ``NEWSCLEAN_MAX_LISTING_DEPTH`` listings deep (a sitemap index whose child is
        another index, forever) or ``NEWSCLEAN_MAX_LISTING_REQUESTS`` listings in the run."""
        if depth is None:
            depth = int(parent.meta.get(DEPTH_META, 0)) + 1 if parent is not None else 0
        if self.max_listing_depth and depth > self.max_listing_depth:
            self._over_bound("listing_depth", url, f"more than NEWSCLEAN_MAX_LISTING_DEPTH {self.max_listing_depth}")
            return None
        if self.max_listing_requests and self._listing_count() >= self.max_listing_requests:
            self._over_bound("listing_limit", url, f"NEWSCLEAN_MAX_LISTING_REQUESTS {self.max_listing_requests}")
            return None
        self._inc("listings")
        # With a shared frontier every worker reads the listings (dont_filter: the run's
        # duplicate filter is for article URLs); alone, the scheduler's filter applies.
        shared = bool(self.settings.get("NEWSCLEAN_FRONTIER")) if hasattr(self, "crawler") else False
        return scrapy.Request(
            url, callback=callback, errback=self.listing_failed, priority=_LISTING_PRIORITY,
            dont_filter=shared, meta={LISTING_META: True, DEPTH_META: depth},
        )

    def _listing_count(self) -> int:
        assert self.crawler.stats is not None
        return int(self.crawler.stats.get_value(f"{STATS}/listings", 0) or 0)

    def _over_bound(self, kind: str, url: str, why: str) -> None:
        assert self.crawler.stats is not None
        first = not self.crawler.stats.get_value(f"{STATS}/skipped/{kind}")
        self._inc(f"skipped/{kind}")
        if first:  # once per run: a chain of 30,000 indexes must not flood the log
            logger.warning("listing not followed: %s (%s; further ones are only counted)", url, why)

    def is_article(self, entry: Entry) -> bool:
        """Whether a discovered URL should be fetched as an article."""
        profile = profile_for_url(entry.url) or self.profile
        if profile and profile.matches_url(entry.url):
            return profile.is_article_url(entry.url) and looks_like_article(entry.url, listed=True)
        if not same_site(entry.url, self.home):
            return False
        return looks_like_article(entry.url, listed=entry.via != "link")

    def _articles(self, entries: Iterable[Entry]) -> Iterator[scrapy.Request]:
        for entry in entries:
            known = self.scheduled.get(entry.url)
            if known is not None:
                yield from self._listed_again(known, entry)
                continue
            if not self.is_article(entry):
                if entry.via != "link":
                    self._inc("skipped/not_article")
                continue
            if is_older(entry.published or entry.modified, self.since):
                self._inc("skipped/too_old")
                continue
            if self.limit is not None and self.articles >= self.limit:
                return
            self.scheduled[entry.url] = entry
            self.pending.add(entry.url)
            self._inc("article/discovered")
            yield self._article_request(entry, counted=True)

    def _article_request(self, entry: Entry, *, counted: bool = False) -> scrapy.Request:
        # Incremental crawling compares the listing's last-change date (LASTMOD_META); an
        # entry with a publication date only is judged on that (see incremental.listed_lastmod).
        # COUNTED_META: this URL's discovery was counted (a shared frontier's accounting).
        meta: dict[str, Any] = {LASTMOD_META: entry.modified} if entry.modified else {}
        if counted:
            meta[COUNTED_META] = True
        request = scrapy.Request(
            entry.url,
            callback=self.parse_article,
            errback=self.article_failed,
            cb_kwargs={"entry": entry},
            meta=meta or None,
        )
        # The first request still alive is the one the scheduler may hold: keep updating it.
        self._requests.setdefault(entry.url, request)
        return request

    def _listed_again(self, known: Entry, entry: Entry) -> Iterator[scrapy.Request]:
        """A URL already asked for, named by another listing (a feed and a sitemap): the two
        entries become one, and a request still waiting carries the merged entry. When the
        merged entry says the page changed later than the first one did, the URL is asked for
        again: incremental crawling may have left the first request out as unchanged (if it
        did not, the scheduler's duplicate filter drops this one)."""
        merged = known.merged(entry)
        if merged == known:
            return
        self.scheduled[entry.url] = merged
        waiting = self._requests.get(entry.url)
        if waiting is not None:
            waiting.cb_kwargs["entry"] = merged
            if merged.modified:
                waiting.meta[LASTMOD_META] = merged.modified
        before, after = known.modified or known.published, merged.modified or merged.published
        if after is not None and after != before and later_date(before, after) == after:
            yield self._article_request(merged)

    # -- articles ------------------------------------------------------------------------------

    def parse_article(self, response: Response, entry: Entry | None = None) -> Iterator[Any]:
        """An article page -> a page item (the document extracted with the site's profile).

        @url https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/
        @returns items 1 1
        @returns requests 0 0
        @scrapes document dateDownloaded fetch
        """
        if response.request is not None:
            self._settled(response.request)
        if not isinstance(response, HtmlResponse):
            self._inc("skipped/non_html")
            self._inc("article/skipped/non_html")
            kind = (response.headers.get("Content-Type") or b"").decode("latin-1")
            logger.info("skipped %s: not HTML (%s)", response.url, kind)
            return
        if self.limit is not None and self.articles >= self.limit:
            self._inc("article/skipped/limit")
            return
        site = profile_for_url(response.url) or self.profile
        main_content = self.settings.get("NEWSCLEAN_MAIN_CONTENT") or "scorer"
        try:
            # The library's decoding (valid UTF-8 wins over a wrong header, damaged bytes become
            # U+FFFD), not Scrapy's, which trusts the header.
            text = decode_html(response.body, declared=_header_charset(response), url=response.url)
        except DecodeError as exc:
            self._inc("article/failed/undecodable")
            logger.warning("article not cleaned: %s (%s)", response.url, exc)
            return
        document = extract_html(text, url=response.url, site=site, main_content=main_content)
        if is_older(document.metadata.get("datePublishedRaw"), self.since):
            self._inc("skipped/too_old")
            self._inc("article/skipped/too_old")
            return
        fetch: dict[str, Any] = {"status": response.status}
        for key, header in (("etag", b"ETag"), ("last_modified", b"Last-Modified")):
            value = response.headers.get(header)
            if value:
                fetch[key] = value.decode("latin-1")
        served = fetch_time((response.headers.get(b"Date") or b"").decode("latin-1"))
        if served is not None:  # what relative dates on the page ("vor 3 Stunden") count back from
            fetch["date"] = served.astimezone(UTC).isoformat()
        if entry is not None:
            fetch["discovery"] = entry.as_dict()
        feed_document = None
        if entry is not None and entry.content:
            feed_document = extract_html(entry.content, url=response.url, site=site, main_content=main_content)
        if response.request is not None and response.request.meta.get("redirect_urls"):
            fetch["redirected_from"] = response.request.meta["redirect_urls"][0]
        counted = self.count_article() if self.count_article is not None else self.articles + 1
        if self.limit is not None and counted > self.limit:
            self._inc("article/skipped/limit")
            return  # another worker of the run reached the limit first
        self.articles = counted
        self._inc("articles")
        self._inc("article/fetched")
        item: dict[str, Any] = {
            "document": document,
            "dateDownloaded": datetime.now(UTC).isoformat(timespec="seconds"),
            "fetch": fetch,
        }
        if feed_document is not None:
            item["feed_document"] = feed_document
        yield item
        if self.limit is not None and self.articles >= self.limit:
            raise CloseSpider("limit")

    def article_failed(self, failure: Failure) -> Iterator[Any]:
        """A page that could not be fetched: an error; when its feed item carried the whole
        article, that text becomes the record (``textSource`` ``"feed"``)."""
        self._failed("article", failure)
        request = getattr(failure, "request", None)
        if request is not None:
            self._settled(request)
        entry = request.cb_kwargs.get("entry") if request is not None else None
        gone = self._gone(failure, request, entry)
        if gone is not None:
            # The store stage gives this URL its outcome (marked gone, or never stored).
            self._inc("article/gone")
            yield gone
            return
        outcome = f"article/{_article_outcome(failure)}"
        error = failure.value
        if not isinstance(entry, Entry) or not entry.content or (
            isinstance(error, IgnoreRequest) and not isinstance(error, HttpError)
        ):
            self._inc(outcome)
            return
        if self.limit is not None and self.articles >= self.limit:
            self._inc(outcome)
            return
        # The feed's text stands in: the pipelines give this URL its outcome.
        site = profile_for_url(entry.url) or self.profile
        document = extract_html(entry.content, url=entry.url, site=site)
        if entry.title:
            document.metadata.setdefault("headline", entry.title)
            document.metadata["headline"] = document.metadata.get("headline") or entry.title
        if entry.published:
            document.metadata["datePublishedRaw"] = entry.published
        response = getattr(failure.value, "response", None)
        self.articles += 1
        self._inc("articles_from_feed")
        logger.info("%s: page not fetched, its feed item's full text stands in", entry.url)
        yield {
            "document": document,
            "dateDownloaded": datetime.now(UTC).isoformat(timespec="seconds"),
            "fetch": {"status": getattr(response, "status", None), "discovery": entry.as_dict()},
            "textSource": "feed",
        }

    def _gone(self, failure: Failure, request: scrapy.Request | None, entry: Any) -> dict[str, Any] | None:
        """For a page that answered 404 or 410 while a store is kept: the notice that asks the
        store stage to mark the article gone (``{"disappeared": {"urls", "status", "at"}}``).
        A page fetched before (a re-check) always gives one; a new page only when its feed
        item has no full text to stand in."""
        response = getattr(failure.value, "response", None)
        status = getattr(response, "status", None)
        if request is None or not isinstance(failure.value, HttpError) or status not in GONE_STATUSES:
            return None
        if not self.settings.get("NEWSCLEAN_STORE"):
            return None
        if not fetched_before(request) and isinstance(entry, Entry) and entry.content:
            return None
        urls = [*request.meta.get("redirect_urls", ()), request.url]
        at = datetime.now(UTC).replace(microsecond=0).isoformat()
        logger.info("%s: HTTP %d, the page is gone", urls[0], status)
        return {"disappeared": {"urls": list(dict.fromkeys(urls)), "status": status, "at": at}}

    def robots_failed(self, failure: Failure) -> None:
        """Many sites have no robots.txt: that only means no sitemaps from it."""
        logger.info("no robots.txt sitemaps: %s", failure.getErrorMessage())

    def listing_failed(self, failure: Failure) -> None:
        self._failed("listing", failure)

    def _failed(self, kind: str, failure: Failure) -> None:
        request = getattr(failure, "request", None)
        url = request.url if request is not None else "?"
        error = failure.value
        if isinstance(error, IgnoreRequest) and not isinstance(error, HttpError | UnrecordedRequest):
            # Not an error: robots.txt forbids it, or a middleware chose to drop it.
            self._inc(f"skipped/ignored_{kind}")
            logger.info("%s not fetched: %s (%s)", kind, url, failure.getErrorMessage())
            return
        self._inc(f"failed/{kind}")
        logger.warning("%s not fetched: %s (%s)", kind, url, failure.getErrorMessage())

    def _settled(self, request: scrapy.Request) -> None:
        self.pending.discard(request.url)
        for url in request.meta.get("redirect_urls", ()):
            self.pending.discard(url)

    def closed(self, reason: str) -> None:
        """Article URLs still waiting when the run ends (a limit, SIGTERM, CLOSESPIDER_*) end
        as skipped: the run ended before them; those incremental crawling left out are counted
        there."""
        from newsclean.spiders.incremental import left_out

        waiting = self.pending - left_out(self.crawler)
        if waiting:
            self._inc("article/skipped/run_ended", len(waiting))

    def _count_unread(self, response: Response, kind: str, read: int) -> None:
        """Entries of a feed or sitemap that could not be read (no usable URL, or lost to a
        broken document): counted (``listing/unreadable_entries``) and logged once as an error,
        so the listing counts as one error of the run."""
        listed = entries_in(response.body, kind)
        if listed > read:
            self._inc("listing/unreadable_entries", listed - read)
            logger.error(
                "%d of %d entries in %s could not be read (no usable URL or a broken document)",
                listed - read,
                listed,
                response.url,
            )

    def _inc(self, key: str, count: int = 1) -> None:
        crawler = getattr(self, "crawler", None)  # a spider built without one (unit tests) keeps no stats
        if crawler is not None and crawler.stats is not None:
            crawler.stats.inc_value(f"{STATS}/{key}", count)


def _header_charset(response: Response) -> str | None:
    match = re.search(rb"charset=[\"']?([A-Za-z0-9._:-]+)", response.headers.get(b"Content-Type") or b"", re.I)
    return match.group(1).decode("ascii") if match else None


def _article_outcome(failure: Failure) -> str:
    """What became of an article request that reached its errback: ``failed/<reason>`` (counted
    as an error) or ``skipped/<reason>``."""
    error = failure.value
    if isinstance(error, HttpError):
        response = getattr(error, "response", None)
        return f"failed/http_{response.status if response is not None else 'error'}"
    if isinstance(error, UnrecordedRequest):
        return "failed/not_in_cassette"
    if isinstance(error, IgnoreRequest):
        message = failure.getErrorMessage().lower()
        if "not modified since the last fetch" in message:
            return "skipped/not_modified"
        if "redirect" in message:
            return "failed/redirect_loop"
        if "max size" in message or "maxsize" in message or "larger than" in message:
            return "failed/too_large"
        if "robots.txt" in message:
            return "skipped/robots_txt"
        return "skipped/ignored"
    return f"failed/download_{type(failure.value).__name__}"  # counted by RunOutcomes too


def _is_sitemap(body: bytes) -> bool:
    head = body[:2048].lower()
    return body[:2] == b"\x1f\x8b" or b"<urlset" in head or b"<sitemapindex" in head
