"""Incremental crawl state: which article URLs a run requests, and how."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from newsclean.pipelines.article_store import ArticleStore
from newsclean.spiders.discovery import Entry
from newsclean.spiders.incremental import (
    LASTMOD_META,
    Decision,
    IncrementalDownloaderMiddleware,
    IncrementalSpiderMiddleware,
    SeenUrls,
    decide,
    parse_lastmod,
)
from scrapy import Request, Spider, signals
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Response
from scrapy.utils.test import get_crawler

HOUR = 3600.0
DAY = 86400.0
URL = "https://news.example/2026/11/harbour-budget-approved"


def seen_at(
    store: Path, url: str = URL, *, when: float, lastmod: float | None = None, etag: str | None = '"v1"'
) -> None:
    table = SeenUrls(store)
    table.record_fetch([url], now=when, lastmod=lastmod, etag=etag,
                       last_modified="Tue, 24 Nov 2026 10:00:00 GMT", outcome="scraped")
    table.close()


def row_of(store: Path, url: str):
    table = SeenUrls(store)
    try:
        return table.get(url)
    finally:
        table.close()


def test_parse_lastmod_reads_sitemap_and_feed_dates() -> None:
    assert parse_lastmod("2026-11-24T10:00:00+01:00") == parse_lastmod("2026-11-24T09:00:00Z")
    assert parse_lastmod("2026-11-24") == parse_lastmod("2026-11-24T00:00:00Z")
    assert parse_lastmod("Tue, 24 Nov 2026 09:00:00 GMT") == parse_lastmod("2026-11-24T09:00:00Z")
    assert parse_lastmod("soon") is None
    assert parse_lastmod("") is None and parse_lastmod(None) is None


def test_decide_fetches_new_and_changed_skips_unchanged(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    t0 = 1_800_000_000.0
    seen_at(store, when=t0, lastmod=t0 - HOUR)
    row = row_of(store, URL)
    assert row is not None and row.etag == '"v1"'
    window, interval = 2 * DAY, HOUR
    assert decide(None, lastmod=None, now=t0, window=window, interval=interval) is Decision.NEW
    # Re-run a few minutes later: nothing says it changed, re-check not yet due.
    assert decide(row, lastmod=t0 - HOUR, now=t0 + 600, window=window, interval=interval) is Decision.SKIP
    assert decide(row, lastmod=None, now=t0 + 600, window=window, interval=interval) is Decision.SKIP
    # The sitemap's lastmod moved on: fetch.
    assert decide(row, lastmod=t0 + 300, now=t0 + 600, window=window, interval=interval) is Decision.CHANGED
    # Young article, an interval later: conditional re-check; after the window: left alone.
    assert decide(row, lastmod=None, now=t0 + 2 * HOUR, window=window, interval=interval) is Decision.RECHECK
    assert decide(row, lastmod=None, now=t0 + 3 * DAY, window=window, interval=interval) is Decision.SKIP


def test_decide_without_stored_lastmod_compares_with_last_fetch(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    t0 = 1_800_000_000.0
    seen_at(store, when=t0, lastmod=None)
    row = row_of(store, URL)
    assert decide(row, lastmod=t0 - DAY, now=t0 + 60, window=0, interval=HOUR) is Decision.SKIP
    assert decide(row, lastmod=t0 + 30, now=t0 + 60, window=0, interval=HOUR) is Decision.CHANGED


def test_seen_table_lives_in_the_article_store_and_keeps_first_seen(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    t0 = 1_800_000_000.0
    seen_at(store, when=t0)
    seen_at(store, when=t0 + DAY, etag='"v2"')
    table = SeenUrls(store)
    table.record_check([URL], now=t0 + 2 * DAY)
    row = table.get(URL)
    table.close()
    assert row is not None
    assert (row.first_seen, row.last_fetched, row.last_checked) == (t0, t0 + DAY, t0 + 2 * DAY)
    assert row.etag == '"v2"'
    with ArticleStore.open(store) as opened:  # the store still opens and knows the component
        versions = dict(opened.connection.execute("SELECT component, version FROM schema_versions"))
    assert versions["crawl_seen"] == 1


class Site(Spider):
    name = "site"

    def parse(self, response: Response) -> None:
        pass


def crawler_for(store: Path, **settings: object):
    crawler = get_crawler(Site, {"NEWSCLEAN_STORE": str(store), **settings})
    crawler.spider = Site()
    crawler.stats.open_spider()
    return crawler


def filtered(mw: IncrementalSpiderMiddleware, requests: list[Request]) -> list[str]:
    async def run() -> list[str]:
        async def source():
            for r in requests:
                yield r

        return [r.url async for r in mw.process_spider_output(HtmlResponse("https://news.example/"), source())]

    return asyncio.run(run())


def test_spider_middleware_drops_unchanged_articles_before_scheduling(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    seen_at(store, when=time.time() - 60, lastmod=parse_lastmod("2026-11-24T09:00:00Z"))
    crawler = crawler_for(store)
    mw = IncrementalSpiderMiddleware.from_crawler(crawler)
    new = "https://news.example/2026/11/ferry-timetable-changes"
    kept = filtered(mw, [
        Request(URL, meta={LASTMOD_META: "2026-11-24T09:00:00Z"}),
        Request(new),
        Request("https://news.example/sitemap.xml"),
    ])
    assert kept == [new, "https://news.example/sitemap.xml"]
    assert crawler.stats.get_value("newsclean/incremental/skip") == 1

    changed = Request(URL, meta={LASTMOD_META: "2026-11-25T09:00:00Z"})
    assert filtered(mw, [changed]) == [URL]
    assert crawler.stats.get_value("newsclean/incremental/changed") == 1
    crawler.signals.send_catch_log(signals.spider_closed, spider=crawler.spider, reason="finished")


def listed(url: str = URL, *, via: str = "sitemap", published: str | None = None,
           modified: str | None = None) -> Request:
    """An article request as the news spider makes it, with its discovery entry."""
    entry = Entry(url, via, f"https://news.example/{via}.xml", published, None, modified)
    return Request(url, cb_kwargs={"entry": entry})


def test_a_moved_lastmod_refetches_though_the_publication_date_stayed(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    published = "2026-11-24T08:00:00Z"
    seen_at(store, when=time.time() - 60, lastmod=parse_lastmod("2026-11-24T09:00:00Z"))
    crawler = crawler_for(store)
    mw = IncrementalSpiderMiddleware.from_crawler(crawler)
    assert filtered(mw, [listed(published=published, modified="2026-11-24T09:00:00Z")]) == []
    assert filtered(mw, [listed(published=published, modified="2026-11-25T07:30:00Z")]) == [URL]
    assert crawler.stats.get_value("newsclean/incremental/changed") == 1
    crawler.signals.send_catch_log(signals.spider_closed, spider=crawler.spider, reason="finished")


def test_a_publication_date_alone_still_says_when_a_page_was_republished(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    seen_at(store, when=time.time() - 60, lastmod=parse_lastmod("Tue, 24 Nov 2026 08:00:00 GMT"))
    crawler = crawler_for(store)
    mw = IncrementalSpiderMiddleware.from_crawler(crawler)
    assert filtered(mw, [listed(via="feed", published="Tue, 24 Nov 2026 08:00:00 GMT")]) == []
    assert filtered(mw, [listed(via="feed", published="Wed, 25 Nov 2026 06:00:00 GMT")]) == [URL]
    crawler.signals.send_catch_log(signals.spider_closed, spider=crawler.spider, reason="finished")


def test_a_url_listed_again_in_a_run_is_decided_again_and_counted_once(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    other = "https://news.example/2026/11/ferry-timetable-changes"
    for url in (URL, other):
        seen_at(store, url, when=time.time() - 60, lastmod=parse_lastmod("2026-11-24T09:00:00Z"))
    crawler = crawler_for(store)
    mw = IncrementalSpiderMiddleware.from_crawler(crawler)
    # The feed comes first, with publication dates only: both are left out as unchanged.
    feed = [listed(url, via="feed", published="2026-11-24T08:00:00Z") for url in (URL, other)]
    assert filtered(mw, feed) == []
    # Then the sitemap: URL's lastmod moved on, the other's did not.
    sitemap = [listed(URL, modified="2026-11-25T07:30:00Z"), listed(other, modified="2026-11-24T09:00:00Z")]
    kept = filtered(mw, sitemap)
    assert kept == [URL]
    assert crawler.stats.get_value("newsclean/incremental/skip") == 1  # the other, once
    assert crawler.stats.get_value("newsclean/incremental/changed") == 1
    # Once on its way, a third listing of URL leaves it to the scheduler's duplicate filter.
    assert filtered(mw, [listed(URL, modified="2026-11-25T08:00:00Z")]) == [URL]
    assert crawler.stats.get_value("newsclean/incremental/changed") == 1
    crawler.signals.send_catch_log(signals.spider_closed, spider=crawler.spider, reason="finished")


def test_recheck_is_conditional_and_304_is_not_an_error(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    seen_at(store, when=time.time() - 2 * HOUR)
    crawler = crawler_for(store, NEWSCLEAN_RECHECK_INTERVAL="1h", NEWSCLEAN_RECHECK_WINDOW="2d")
    spider_mw = IncrementalSpiderMiddleware.from_crawler(crawler)
    download_mw = IncrementalDownloaderMiddleware.from_crawler(crawler)
    request = Request(URL)
    assert filtered(spider_mw, [request]) == [URL]
    download_mw.process_request(request)
    assert request.headers[b"If-None-Match"] == b'"v1"'
    assert request.headers[b"If-Modified-Since"] == b"Tue, 24 Nov 2026 10:00:00 GMT"

    with pytest.raises(IgnoreRequest, match="not modified"):
        download_mw.process_response(request, Response(URL, status=304, request=request))
    assert crawler.stats.get_value("newsclean/incremental/not_modified") == 1
    row = row_of(store, URL)
    assert row is not None and time.time() - row.last_checked < 60

    fresh = Request("https://news.example/2026/11/other-story-here")
    download_mw.process_request(fresh)
    assert b"If-None-Match" not in fresh.headers
    ok = Response(fresh.url, status=200, request=fresh)
    assert download_mw.process_response(fresh, ok) is ok
    crawler.signals.send_catch_log(signals.spider_closed, spider=crawler.spider, reason="finished")


def test_only_articles_that_went_through_the_pipelines_are_remembered(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    crawler = crawler_for(store)
    IncrementalSpiderMiddleware.from_crawler(crawler)
    record = {"url": URL, "cleaning": [], "articleBody": "Text.", "fingerprint": "f1", "version": 1}
    request = Request(URL, meta={LASTMOD_META: "2026-11-24T09:00:00Z"})
    response = HtmlResponse(URL, request=request, headers={"ETag": '"abc"'}, body=b"<html></html>")

    # The store never committed it (a store failure): not remembered, so fetched again.
    crawler.signals.send_catch_log(signals.item_scraped, item=record, response=response, spider=crawler.spider)
    assert row_of(store, URL) is None

    with ArticleStore.open(store) as opened:
        opened.put(dict(record))
    crawler.signals.send_catch_log(signals.item_scraped, item=record, response=response, spider=crawler.spider)
    row = row_of(store, URL)
    assert row is not None and row.etag == '"abc"' and row.lastmod == parse_lastmod("2026-11-24T09:00:00Z")

    # Dropped as unchanged, duplicate or invalid: remembered too (it was fully processed).
    other = "https://news.example/2026/11/quarantined-story-here"
    dropped = HtmlResponse(other, request=Request(other), body=b"<html></html>")
    crawler.signals.send_catch_log(signals.item_dropped, item={}, response=dropped, spider=crawler.spider,
                                   exception=Exception("quarantined"))
    assert row_of(store, other) is not None
    crawler.signals.send_catch_log(signals.spider_closed, spider=crawler.spider, reason="finished")


def test_off_without_a_store() -> None:
    from scrapy.exceptions import NotConfigured

    with pytest.raises(NotConfigured):
        IncrementalSpiderMiddleware.from_crawler(get_crawler(Site, {}))


def test_a_redirected_article_is_known_under_both_urls(tmp_path: Path) -> None:
    store = tmp_path / "s.sqlite"
    crawler = crawler_for(store)
    spider_mw = IncrementalSpiderMiddleware.from_crawler(crawler)
    old = "https://news.example/2026/11/harbour-budget-draft"
    request = Request(URL, meta={"redirect_urls": [old]})
    response = HtmlResponse(URL, request=request, body=b"<html></html>")
    crawler.signals.send_catch_log(signals.item_dropped, item={}, response=response, spider=crawler.spider,
                                   exception=Exception("unchanged"))
    assert filtered(spider_mw, [Request(old), Request(URL)]) == []
    crawler.signals.send_catch_log(signals.spider_closed, spider=crawler.spider, reason="finished")
