"""The whole chain in a real crawl: spider -> clean -> normalise -> validate -> de-duplicate ->
store, enabled by the add-on, against a local site; run twice, then after a page changes."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from newsclean.cleaners import json_schema
from newsclean.cleaners.html import extract_html
from newsclean.pipelines.article_store import ArticleStore
from newsclean.spiders.defaults import ALL_DEFAULTS as DEFAULTS
from newsclean.spiders.sites import get_profile
from scrapy import Request, Spider
from scrapy.crawler import AsyncCrawlerRunner
from scrapy.http import Response
from scrapy.settings import Settings

from .conftest import DATA, PageHandler, serving

CYCLE_LANE = [
    "The city council voted on Tuesday to build a protected cycle lane along the length of Harbour Road, "
    "ending a dispute that has divided residents and shop owners for more than two years.",
    "The plan, approved by nine votes to four, replaces one lane of car traffic with a two-way cycle track "
    "separated from the road by a low kerb and a row of planters. Work is due to start in the spring and to "
    "take about eight months.",
    "Supporters said the road had become one of the most dangerous in the region for people on bicycles, with "
    "three serious collisions reported last year alone. Parents at the two schools near the junction with Mill "
    "Street had collected more than four thousand signatures asking for safer routes to school.",
    "Several traders objected that the loss of parking bays in front of their shops would drive customers "
    "away. The council agreed to create a loading zone at each end of the street and to review the scheme "
    "after its first year.",
    "A public meeting to present the final design is planned for next month at the town hall.",
]
UPDATE = ("Update, 14 May: the operator has now published the new timetables, which take effect on the "
          "first of July and add two late-evening services on Fridays.")
TRAINS = [
    "The regional rail operator announced on Monday that it will run extra trains on the coastal line during "
    "the summer holidays, after complaints about overcrowding last year.",
    "From July, trains will leave every twenty minutes instead of every half hour between eight in the "
    "morning and seven in the evening. The company said it had leased six additional carriages.",
    "Passenger groups welcomed the move but said fares remained too high for families, and asked for a "
    "cheaper weekend ticket. The operator said it would consider the request in its annual fare review.",
]


def page(headline: str | None, paragraphs: list[str], *, canonical: str = "", published: str = "",
         byline: str = "") -> str:
    head = f"<title>{headline} | Harbour Gazette</title>" if headline else ""
    if canonical:
        head += f'<link rel="canonical" href="{canonical}">'
    if published:
        head += f'<meta property="article:published_time" content="{published}">'
    if byline:
        head += f'<meta name="author" content="{byline}">'
    h1 = f"<h1>{headline}</h1>" if headline else ""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8">{head}</head><body>'
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<main><article>{h1}{body}</article></main><footer>Harbour Gazette</footer></body></html>")


# The headline's apostrophe arrives as mojibake, as when a CMS double-encodes UTF-8.
PAGES: dict[str, str] = {
    "/news/cycle-lane": page("Councilâ€™s vote clears Harbour Road cycle lane", CYCLE_LANE,
                             canonical="/news/cycle-lane?utm_source=homepage&utm_medium=web",
                             published="2024-05-14 09:30", byline="By Jane Roe and John Doe"),
    "/news/trains": page("More summer trains on the coastal line", TRAINS, published="2024-05-13T07:00:00+01:00"),
    "/mirror/cycle-lane": page("Harbour Road cycle lane approved", CYCLE_LANE),
    "/wire/123": page("Cycle lane for Harbour Road", ["(Wire) - " + CYCLE_LANE[0], *CYCLE_LANE[1:],
                                                       "This story was first published by the Harbour Gazette."]),
    "/news/no-headline": page(None, CYCLE_LANE[1:3]),
}
ORDER = ["/news/cycle-lane", "/news/trains", "/mirror/cycle-lane", "/wire/123", "/news/no-headline",
         "/news/cycle-lane?utm_source=rss&utm_campaign=feed"]


class Handler(PageHandler):
    def page(self, path: str) -> str | None:
        if path.startswith("/rt/") and DATA.is_dir():
            return gzip.decompress((DATA / "rt" / "rt.com-news-473849-2019-11-20.html.gz").read_bytes()).decode()
        return PAGES.get(path.split("?")[0])


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving(Handler) as base:
        yield base


class GazetteSpider(Spider):
    """Fetches the given paths one after the other (so "first seen" is well defined) and yields
    page items as the item contract says."""

    name = "gazette"

    def __init__(self, base: str, paths: list[str], site_name: str | None = None, **kw: Any) -> None:
        super().__init__(**kw)
        self.base, self.paths = base, paths
        self.profile = get_profile(site_name) if site_name else None

    async def start(self) -> AsyncIterator[Request]:
        yield Request(self.base + self.paths[0], cb_kwargs={"rest": self.paths[1:]})

    def parse(self, response: Response, rest: list[str]) -> Iterator[Any]:
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        yield {"document": extract_html(response.text, url=response.url, site=self.profile), "dateDownloaded": now}
        if rest:
            yield Request(self.base + rest[0], cb_kwargs={"rest": rest[1:]}, dont_filter=True)


def crawl(
    base: str, tmp_path: Path, paths: list[str] = ORDER, site_name: str | None = None, **settings: Any
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """One crawl with the project's add-on; returns the JSON Lines feed's records and the stats."""
    feed = tmp_path / "items.jsonl"
    values = {
        **DEFAULTS,
        "ADDONS": {"newsclean.spiders.addon.NewscleanAddon": 0},
        "TWISTED_REACTOR_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "COOKIES_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "NEWSCLEAN_STORE": str(tmp_path / "store.sqlite3"),
        # The add-on makes a crawl with a store incremental: these tests fetch every page again to
        # see what the de-duplicate stage makes of it.
        "NEWSCLEAN_INCREMENTAL": False,
        "NEWSCLEAN_QUARANTINE": str(tmp_path / "quarantine.jsonl"),
        "NEWSCLEAN_DEFAULT_TIMEZONE": "Europe/London",
        "FEEDS": {str(feed): {"format": "jsonlines", "overwrite": True}},
        **settings,
    }
    stats: dict[str, Any] = {}

    async def run() -> None:
        runner = AsyncCrawlerRunner(Settings(values))
        crawler = runner.create_crawler(GazetteSpider)
        await runner.crawl(crawler, base=base, paths=paths, site_name=site_name)
        assert crawler.stats is not None
        stats.update(crawler.stats.get_stats())

    asyncio.run(run())
    records = [json.loads(line) for line in feed.read_text(encoding="utf-8").splitlines()]
    return records, stats


def dedupe_stats(stats: dict[str, Any]) -> dict[str, int]:
    return {k.rsplit("/", 1)[1]: v for k, v in stats.items() if k.startswith("newsclean/dedupe/")}


def test_crawl_twice_then_after_a_change(site: str, tmp_path: Path) -> None:
    records, stats = crawl(site, tmp_path)
    by_path = {r["url"].removeprefix(site): r for r in records}
    assert list(by_path) == ["/news/cycle-lane", "/news/trains", "/mirror/cycle-lane", "/wire/123"]
    schema = json_schema()
    for record in records:
        jsonschema.validate(record, schema)
        assert record["version"] == 1
        assert len(record["fingerprint"]) == 32
        assert datetime.fromisoformat(record["dateDownloaded"]).utcoffset() is not None
        assert "utm_" not in record["canonicalUrl"]

    lane = by_path["/news/cycle-lane"]
    assert lane["headline"] == "Council’s vote clears Harbour Road cycle lane"
    assert lane["canonicalUrl"] == site + "/news/cycle-lane"
    assert lane["datePublished"] == "2024-05-14T09:30:00+01:00"  # London summer time applied
    assert lane["datePublishedRaw"] == "2024-05-14 09:30"
    assert [a["name"] for a in lane["authors"]] == ["Jane Roe", "John Doe"]
    assert lane["articleBody"] == "\n\n".join(CYCLE_LANE)
    assert lane["inLanguage"] == "en"
    assert by_path["/news/trains"]["datePublished"] == "2024-05-13T07:00:00+01:00"
    assert by_path["/mirror/cycle-lane"]["duplicateOf"] == site + "/news/cycle-lane"
    assert by_path["/wire/123"]["nearDuplicateOf"] == site + "/news/cycle-lane"

    (quarantined,) = [json.loads(x) for x in (tmp_path / "quarantine.jsonl").read_text().splitlines()]
    assert quarantined["record"]["url"] == site + "/news/no-headline"
    assert quarantined["reasons"] == ["no_headline: the record has no headline"]
    assert stats["newsclean/validate/quarantined"] == 1
    assert dedupe_stats(stats) == {"new": 4, "unchanged": 1, "duplicate": 1, "near_duplicate": 1}
    with ArticleStore.open(tmp_path / "store.sqlite3", create=False) as store:
        assert store.counts() == {"articles": 4, "versions": 4, "duplicates": 1, "near_duplicates": 1,
                                  "quarantined": 1, "disappeared": 0}

    # The same crawl again: nothing new is stored or fed, every article is reported unchanged.
    again, stats = crawl(site, tmp_path)
    assert again == []
    assert dedupe_stats(stats) == {"unchanged": 5}
    with ArticleStore.open(tmp_path / "store.sqlite3", create=False) as store:
        assert store.counts()["articles"] == 4 and store.counts()["versions"] == 4

    # The trains page is edited (a correction paragraph added): it comes out as version 2,
    # its first version kept.
    PAGES["/news/trains"] = page("More summer trains on the coastal line", [*TRAINS, UPDATE],
                                 published="2024-05-13T07:00:00+01:00")
    try:
        changed, stats = crawl(site, tmp_path)
    finally:
        PAGES["/news/trains"] = page("More summer trains on the coastal line", TRAINS,
                                     published="2024-05-13T07:00:00+01:00")
    assert [(r["url"].removeprefix(site), r["version"]) for r in changed] == [("/news/trains", 2)]
    assert dedupe_stats(stats) == {"unchanged": 4, "updated": 1}
    with ArticleStore.open(tmp_path / "store.sqlite3", create=False) as store:
        versions = store.versions(site + "/news/trains")
    assert [v["version"] for v in versions] == [1, 2]
    assert versions[1]["articleBody"].endswith(UPDATE)
    assert not versions[0]["articleBody"].endswith(UPDATE)


def test_a_real_rt_page_gets_the_sites_zone(site: str, tmp_path: Path, shared_data: Path) -> None:
    records, _ = crawl(site, tmp_path, ["/rt/news/473849"], site_name="rt", NEWSCLEAN_DEFAULT_TIMEZONE=None)
    (record,) = records
    jsonschema.validate(record, json_schema())
    assert record["site"] == "rt"
    assert record["datePublished"].endswith("+00:00")
    assert record["inLanguage"] == "en"
    assert record["wordCount"] > 100
