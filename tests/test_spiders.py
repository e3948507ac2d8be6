"""Real crawls, in-process, replaying the bundled cassettes: the records and stats a user sees."""

from __future__ import annotations

import asyncio
import json
import logging
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from newsclean.spiders.addon import COMPONENTS
from newsclean.spiders.cassette import CassetteAddon
from scrapy import signals
from scrapy.crawler import AsyncCrawlerRunner
from scrapy.settings import Settings
from scrapy.utils.project import get_project_settings

ROOT = Path(__file__).resolve().parents[1]
CASSETTES = ROOT / "fixtures" / "cassettes"
SEED = ROOT.parent / "shared" / "seeds" / "000_e64b6c45e47c0fa8.expected.json"
GAZETTE = "https://www.northbridge-gazette.example/"
PLAYER_AND_SHARE = (
    "0:00",
    "25:36",
    "Podcasts",
    "Listen to this article",
    "Share this article",
    "Follow RT on",
    "icon bookmark",
)


class Crawl:
    """One finished crawl: its records (after the pipeline chain) and its stats."""

    def __init__(self, records: list[dict[str, Any]], stats: dict[str, Any]) -> None:
        self.records = records
        self.stats = stats
        self.by_url = {r["url"]: r for r in records if "url" in r}

    def stat(self, key: str) -> int:
        return int(self.stats.get(key, 0))


def crawl(spider: str, cassette: Path, settings: dict[str, Any] | None = None, **args: str) -> Crawl:
    """Run ``spider`` to the end under asyncio (no Twisted reactor) replaying ``cassette``."""
    project = get_project_settings()
    project.setdict(
        {
            "TWISTED_REACTOR_ENABLED": False,
            "NEWSCLEAN_CASSETTE": str(cassette),
            "NEWSCLEAN_STORE": None,
            "LOG_LEVEL": "INFO",
            **(settings or {}),
        },
        priority="cmdline",
    )
    records: list[dict[str, Any]] = []

    async def run() -> dict[str, Any]:
        runner = AsyncCrawlerRunner(project)
        crawler = runner.create_crawler(spider)

        def scraped(item: dict[str, Any], **_: Any) -> None:
            records.append(item)

        crawler.signals.connect(scraped, signal=signals.item_scraped)  # weakly held: keep `scraped`
        await runner.crawl(crawler, **args)
        assert crawler.stats is not None
        return dict(crawler.stats.get_stats())

    return Crawl(records, asyncio.run(run()))


@pytest.fixture(scope="module")
def rt_crawl() -> Crawl:
    return crawl("rt", CASSETTES / "rt.yaml")


@pytest.fixture(scope="module")
def news_crawl() -> Crawl:
    return crawl("news", CASSETTES / "news.yaml", start=GAZETTE)


def test_rt_crawl_yields_every_article_and_answers_every_request(rt_crawl: Crawl) -> None:
    assert rt_crawl.stats["finish_reason"] == "finished"
    assert len(rt_crawl.records) == 6
    assert all(url.startswith("https://www.rt.com/") for url in rt_crawl.by_url)
    assert rt_crawl.stat("newsclean/cassette/unmatched") == 0
    assert rt_crawl.stat("newsclean/cassette/unplayed") == 0
    assert rt_crawl.stat("newsclean/cassette/played") == rt_crawl.stat("downloader/response_count")
    assert rt_crawl.stat("log_count/ERROR") == 0
    # The feed's show page is not an article: it is never fetched.
    assert "https://www.rt.com/shows/crosstalk/" not in rt_crawl.by_url
    assert rt_crawl.stat("newsclean/spider/skipped/not_article") == 1


def test_rt_crawl_gives_the_seed_record(rt_crawl: Crawl) -> None:
    if not SEED.is_file():
        pytest.skip("../shared/seeds is not present")
    expected = json.loads(SEED.read_text())
    record = rt_crawl.by_url[expected["url"]]
    for key in ("headline", "description", "datePublished", "articleBody"):
        assert record[key] == expected[key], key


def test_rt_records_have_no_sprite_player_or_prompt_text(rt_crawl: Crawl) -> None:
    for record in rt_crawl.records:
        text = "\n".join(str(record.get(k) or "") for k in ("headline", "description", "articleBody"))
        for junk in (*PLAYER_AND_SHARE, "Read more", "Glacier survey"):
            assert junk not in text, (record["url"], junk)
        assert record["datePublished"].endswith("+00:00"), record["url"]


def test_rt_seed_record_names_the_sprite_and_the_player_it_left_out(rt_crawl: Crawl) -> None:
    """What extraction never took into the body is in the record's provenance, one entry per
    region: the icon sprite and the podcast player of the seed's page among them."""
    record = rt_crawl.by_url["https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/"]
    left_out = {s["path"]: s for s in record["cleaning"] if s["action"] == "left-out"}
    assert all(s["cleaner"] == "main-content" for s in left_out.values())
    sprite = left_out["html/body/svg"]
    assert sprite["reason"].startswith("icon sprite: outside the body that site profile rt names")
    assert sprite["text"].startswith("icon bookmark-b icon bookmark icon camera") and sprite["text"].endswith("…")
    assert sprite["words"] > 100
    player = next(s for path, s in left_out.items() if "podcast-player" in path)
    assert player["reason"].startswith("player: ")
    assert player["text"] == "Podcasts Going Underground 0:00 25:36 Cross Talk 0:00 26:25"
    assert player["words"] == 9
    assert any(s["reason"].endswith("its text is the record's headline") for s in left_out.values())
    # Regions, not text nodes: a handful of entries, none longer than its opening words.
    assert 5 <= len(left_out) <= 20
    assert all(len(s["text"].split()) <= 13 for s in left_out.values())


def test_rt_articles_are_discovered_from_feed_and_news_sitemap(rt_crawl: Crawl) -> None:
    assert rt_crawl.stat("newsclean/spider/feed_entries") == 5
    assert rt_crawl.stat("newsclean/spider/sitemap_entries") == 4
    # Only in the news sitemap (robots.txt -> sitemap index -> news sitemap):
    assert "https://www.rt.com/business/592441-rail-freight-volumes-january/" in rt_crawl.by_url
    # Only in the feed, whose links carry utm_* parameters; the record has the clean URL.
    assert "https://www.rt.com/sport/592452-cross-country-skiing-relay/" in rt_crawl.by_url


def test_rt_since_skips_older_articles_before_fetching() -> None:
    result = crawl("rt", CASSETTES / "rt.yaml", since="2024-02-13")
    assert "https://www.rt.com/russia/592301-moscow-snowfall-record/" not in result.by_url
    assert len(result.records) == 5
    assert result.stat("newsclean/spider/skipped/too_old") == 1
    assert result.stat("newsclean/cassette/unplayed") == 1  # the old article was never asked for
    assert result.stat("newsclean/cassette/unmatched") == 0


def test_limit_stops_after_n_articles() -> None:
    result = crawl("rt", CASSETTES / "rt.yaml", limit="2")
    assert len(result.records) == 2
    assert result.stats["finish_reason"] == "limit"


def test_news_crawl_follows_feeds_sitemaps_sections_redirects_and_retries(news_crawl: Crawl) -> None:
    urls = set(news_crawl.by_url)
    base = GAZETTE.rstrip("/")
    assert urls == {
        base + "/local/2024/03/14/bridge-closure-extended-until-may/",  # homepage, feed, news sitemap
        base + "/politics/2024/03/14/council-approves-new-budget/",  # homepage, feed, section
        base + "/politics/2024/03/12/mayor-announces-cycle-lanes/",  # section front only
        base + "/business/2024/03/13/port-workers-strike-talks/",  # 500, then 200 on retry
        base + "/sport/2024/03/14/northbridge-rowing-club-wins-regatta/",  # via a 301
        base + "/culture/2024/03/14/library-extends-opening-hours/",  # feed only
        base + "/local/2024/03/13/school-wins-science-award/",  # news sitemap only
        base + "/local/2023/11/20/winter-fair-returns/",  # archive sitemap
    }
    assert news_crawl.stat("downloader/response_status_count/301") == 1
    assert news_crawl.stat("retry/count") == 1
    assert news_crawl.stat("newsclean/spider/failed/article") == 1  # the 404
    assert news_crawl.stat("newsclean/spider/skipped/non_html") == 1  # the PDF without extension
    assert news_crawl.stat("newsclean/spider/sections") == 2
    assert news_crawl.stat("robotstxt/forbidden") == 1  # /members/... is disallowed: never fetched
    assert news_crawl.stat("newsclean/spider/skipped/ignored_article") == 1
    assert news_crawl.stat("newsclean/cassette/unmatched") == 0
    assert news_crawl.stat("newsclean/cassette/unplayed") == 0
    assert not any("/tag/" in u or u.endswith(".pdf") or u.rstrip("/") == base for u in urls)


def test_news_records_are_clean(news_crawl: Crawl) -> None:
    record = news_crawl.by_url[GAZETTE + "local/2024/03/14/bridge-closure-extended-until-may/"]
    assert record["headline"] == "Bridge closure extended until May"
    assert record["datePublished"] == "2024-03-14T08:30:00+00:00"
    assert [a["name"] for a in record["authors"]] == ["Helen Marsh"]
    assert record["articleBody"].count("\n\n") >= 3
    assert "Shop owners on Mill Street" in record["articleBody"]
    for record in news_crawl.records:
        for junk in PLAYER_AND_SHARE:
            assert junk not in record["articleBody"], (record["url"], junk)


def test_page_items_say_how_each_article_was_found() -> None:
    # The add-on merges its stages into ITEM_PIPELINES: None turns each off, for the raw page items.
    no_stages = dict.fromkeys(COMPONENTS["ITEM_PIPELINES"])
    raw = crawl("news", CASSETTES / "news.yaml", {"ITEM_PIPELINES": no_stages}, start=GAZETTE)
    fetch = {item["document"].url: item["fetch"] for item in raw.records}
    rowing = fetch[GAZETTE + "sport/2024/03/14/northbridge-rowing-club-wins-regatta/"]
    assert rowing["redirected_from"] == GAZETTE + "news/rowing-club-regatta-win"
    assert rowing["discovery"] == {"url": GAZETTE + "news/rowing-club-regatta-win", "via": "link", "source": GAZETTE}
    library = fetch[GAZETTE + "culture/2024/03/14/library-extends-opening-hours/"]
    assert library["discovery"]["via"] == "feed"
    assert library["discovery"]["published"] == "Thu, 14 Mar 2024 13:00:00 +0000"
    science = fetch[GAZETTE + "local/2024/03/13/school-wins-science-award/"]
    assert science["discovery"]["via"] == "sitemap"
    assert science["discovery"]["title"] == "Hillside school pupils win national science award"
    assert science["discovery"]["published"] == "2024-03-13T10:45:00+00:00"
    assert {f["status"] for f in fetch.values()} == {200}
    assert all(item["dateDownloaded"].endswith("+00:00") for item in raw.records)


def test_news_since_uses_sitemap_dates() -> None:
    result = crawl("news", CASSETTES / "news.yaml", start=GAZETTE, since="2024-03-13")
    assert GAZETTE + "local/2023/11/20/winter-fair-returns/" not in result.by_url
    assert GAZETTE + "politics/2024/03/12/mayor-announces-cycle-lanes/" not in result.by_url
    assert len(result.records) == 6
    assert result.stat("newsclean/cassette/unmatched") == 0


def test_request_missing_from_cassette_is_logged_and_crawl_finishes(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = yaml.safe_load((CASSETTES / "rt.yaml").read_text())
    gone = "https://www.rt.com/news/592447-museum-returns-manuscripts/"
    data["interactions"] = [i for i in data["interactions"] if i["request"]["uri"] != gone]
    cassette = tmp_path / "rt-missing.yaml"
    cassette.write_text(yaml.safe_dump(data, allow_unicode=True))
    with caplog.at_level(logging.ERROR, logger="newsclean.spiders.cassette"):
        result = crawl("rt", cassette)
    assert result.stats["finish_reason"] == "finished"
    assert result.stat("newsclean/cassette/unmatched") == 1
    assert len(result.records) == 5
    assert any(gone in r.getMessage() for r in caplog.records if r.levelno == logging.ERROR)


def test_missing_cassette_file_closes_the_crawl_with_a_clear_error(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        result = crawl("rt", tmp_path / "absent.yaml")
    assert result.stats["finish_reason"] == "cassette_missing"
    assert result.records == []
    assert result.stat("downloader/request_count") == 0
    assert any("absent.yaml does not exist" in r.getMessage() for r in caplog.records)
    assert not (tmp_path / "absent.yaml").exists()


def test_unknown_record_mode_is_reported_not_a_traceback(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        result = crawl("rt", CASSETTES / "rt.yaml", {"NEWSCLEAN_CASSETTE_MODE": "sometimes"})
    assert result.stats["finish_reason"] == "cassette_mode"
    assert result.records == []
    assert any("'sometimes' is not a record mode" in r.getMessage() for r in caplog.records)


def test_bad_spider_arguments_are_reported(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR):
        no_start = crawl("news", CASSETTES / "news.yaml")
        bad_since = crawl("news", CASSETTES / "news.yaml", start=GAZETTE, since="last week")
    assert no_start.stats["finish_reason"] == bad_since.stats["finish_reason"] == "bad_arguments"
    messages = [r.getMessage() for r in caplog.records]
    assert any("needs -a start=URL" in m for m in messages)
    assert any("since='last week' is not a date in the form YYYY-MM-DD" in m for m in messages)


def test_new_episodes_mode_keeps_recordings_and_reports_mode(tmp_path: Path) -> None:
    cassette = tmp_path / "copy.yaml"
    shutil.copy(CASSETTES / "rt.yaml", cassette)
    quick = {"NEWSCLEAN_CASSETTE_MODE": "new_episodes", "AUTOTHROTTLE_ENABLED": False, "DOWNLOAD_DELAY": 0}
    result = crawl("rt", cassette, quick)
    assert len(result.records) == 6
    assert result.stat("newsclean/cassette/recorded") == 0  # everything was in the cassette
    assert yaml.safe_load(cassette.read_text()) == yaml.safe_load((CASSETTES / "rt.yaml").read_text())


def test_with_a_cassette_no_scheme_reaches_the_network() -> None:
    settings = Settings({"NEWSCLEAN_CASSETTE": str(CASSETTES / "rt.yaml")})
    CassetteAddon().update_settings(settings)
    handlers = settings.getwithbase("DOWNLOAD_HANDLERS")
    assert handlers["http"] == handlers["https"] == "newsclean.spiders.cassette.CassetteDownloadHandler"
    assert handlers["ftp"] is None and handlers["s3"] is None
    assert handlers["data"]  # data: URLs need no network


def test_a_url_listed_again_is_merged_and_asked_again_only_when_its_lastmod_moved() -> None:
    from newsclean.spiders.discovery import Entry
    from newsclean.spiders.incremental import LASTMOD_META
    from newsclean.spiders.spiders.news import NewsSpider

    spider = NewsSpider(start="https://news.example/")
    url = "https://news.example/2026/11/24/harbour-budget-approved/"
    feed = Entry(url, "feed", "https://news.example/rss", "Tue, 24 Nov 2026 08:00:00 GMT", "Budget approved")
    (first,) = spider._articles([feed])
    assert LASTMOD_META not in first.meta  # a publication date is not a change date
    sitemap = Entry(url, "sitemap", "https://news.example/sitemap.xml", "2026-11-24T08:00:00Z",
                    "Harbour budget approved", "2026-11-25T07:30:00Z")
    (again,) = spider._articles([sitemap])  # the incremental stage may have left the first out
    merged = again.cb_kwargs["entry"]
    assert (merged.published, merged.modified, merged.title) == (
        "2026-11-24T08:00:00Z", "2026-11-25T07:30:00Z", "Harbour budget approved")
    assert again.meta[LASTMOD_META] == "2026-11-25T07:30:00Z"
    # The first request, if still waiting in the scheduler, carries the merged entry too.
    assert first.cb_kwargs["entry"] == merged and first.meta[LASTMOD_META] == "2026-11-25T07:30:00Z"
    # Listed again with nothing newer: not asked for again.
    assert list(spider._articles([feed, sitemap, Entry(url, "link", "https://news.example/")])) == []
