"""Site memory in a real crawl: a local site whose pages share a widget no built-in cleaner knows."""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from newsclean.cleaners import CleanerChain, clean_html
from newsclean.cleaners.html import extract_html
from newsclean.pipelines.site_memory import SqliteBlockMemory
from newsclean.spiders.cli import main as cli_main
from newsclean.spiders.defaults import ALL_DEFAULTS as DEFAULTS
from scrapy import Request, Spider, signals
from scrapy.crawler import AsyncCrawlerRunner
from scrapy.http import Response
from scrapy.settings import Settings

from .conftest import PageHandler, serving

ARTICLES = 12
"""Articles sharing only the widget; two more share the widget and a quoted paragraph."""

WIDGET = "Harbour tides today: high water 06:12, low water 12:40, sea 14°C."
TIPS = "Seen something in Port Alder? The Gazette newsroom reads every message at tips@gazette.example."
QUOTE = (
    '"We will not let the harbour close while I am mayor," Ms Okafor told the council, '
    "to applause from the public gallery."
)
TOPICS = ["ferry", "school", "bridge", "market", "library", "lighthouse", "museum", "park", "bakery",
          "festival", "station", "regatta", "harbour", "council"]


def article_html(n: int) -> str:
    topic = TOPICS[n - 1]
    paragraphs = [
        f"The {topic} story number {n} begins with facts that only this article reports about Port Alder.",
        f"Residents near the {topic} said on Monday that they had waited {n + 2} years for the change.",
        f"Officials expect the {topic} work to cost {n * 40},000 pounds and to finish before winter {2026 + n}.",
        f"A spokesperson for the {topic} project declined to give further details when asked on {n} May.",
    ]
    if n > ARTICLES:
        paragraphs.insert(2, QUOTE)
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!doctype html><html><head><title>Port Alder {topic} story</title>
<meta property="og:title" content="Port Alder {topic} plans move ahead">
</head><body>
<header><nav><a href="/">Port Alder Gazette</a> <a href="/news">News</a></nav></header>
<main><article>
<h1>Port Alder {topic} plans move ahead</h1>
<div class="tide-table">{WIDGET}</div>
{body}
<p class="gazette-tips">{TIPS}</p>
</article></main>
<footer><p>Port Alder Gazette</p></footer>
</body></html>"""


PAGES = {f"/news/{n}": article_html(n) for n in range(1, ARTICLES + 3)}


class Handler(PageHandler):
    def page(self, path: str) -> str | None:
        return PAGES.get(path)


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    with serving(Handler) as base:
        yield base


class GazetteSpider(Spider):
    """Fetches every article of the local site and yields page items (the item contract)."""

    name = "gazette"

    def __init__(self, base: str, **kw: Any) -> None:
        super().__init__(**kw)
        self.base = base

    async def start(self) -> AsyncIterator[Request]:
        for path in PAGES:
            yield Request(self.base + path)

    def parse(self, response: Response, **kw: Any) -> Iterator[dict[str, Any]]:
        now = datetime.now(UTC).replace(microsecond=0).isoformat()
        yield {"document": extract_html(response.text, url=response.url), "dateDownloaded": now}


def crawl(base: str, **settings: Any) -> list[dict[str, Any]]:
    """Run the spider through the clean stage; the records in the order they came out."""
    records: list[dict[str, Any]] = []
    values = {
        **DEFAULTS,
        "TWISTED_REACTOR_ENABLED": False,
        "ROBOTSTXT_OBEY": False,
        "REMOTE_CONTROL_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "WARNING",
        "ITEM_PIPELINES": {"newsclean.pipelines.clean.CleanPipeline": 100},
        **settings,
    }

    async def run() -> None:
        runner = AsyncCrawlerRunner(Settings(values))
        crawler = runner.create_crawler(GazetteSpider)
        def collect(item: dict[str, Any]) -> None:
            records.append(item)

        crawler.signals.connect(collect, signal=signals.item_scraped)  # held weakly: keep `collect`
        await runner.crawl(crawler, base=base)

    asyncio.run(run())
    return records


def memory_steps(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [s for s in record["cleaning"] if s["cleaner"] == "site-memory"]


def test_the_built_in_cleaners_do_not_know_the_widget(site: str) -> None:
    article = clean_html(PAGES["/news/1"], url=site + "/news/1", chain=CleanerChain())
    assert WIDGET in (article.articleBody or "")
    assert TIPS in (article.articleBody or "")


def test_a_crawl_learns_the_sites_widgets_and_removes_them(site: str, tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    first = crawl(site, NEWSCLEAN_STORE=str(store))
    assert len(first) == len(PAGES)
    kept = [r["url"] for r in first if WIDGET in r["articleBody"]]
    # Evidence is counted before a page is cleaned: the first two pages the crawl cleaned had
    # shown the widget on fewer than NEWSCLEAN_SITE_MEMORY_MIN_PAGES (3) pages; never the first alone.
    assert kept == [r["url"] for r in first[:2]]
    assert [r["url"] for r in first if TIPS in r["articleBody"]] == kept
    for record in first[2:]:
        removed = {s["text"] for s in memory_steps(record)}
        assert removed == {WIDGET, TIPS}
        assert "pages of 127.0.0.1 seen" in memory_steps(record)[0]["reason"]
        assert "facts that only this article reports" in record["articleBody"]
    # The quote two articles share is content: kept in both.
    quoted = [r for r in first if "Ms Okafor" in r["articleBody"]]
    assert len(quoted) == 2
    assert all(QUOTE in r["articleBody"] for r in quoted)

    # The memory persisted in the store: a second crawl of the same pages cleans every page,
    # and fetching pages again does not inflate the evidence.
    second = crawl(site, NEWSCLEAN_STORE=str(store))
    assert all(WIDGET not in r["articleBody"] and TIPS not in r["articleBody"] for r in second)
    assert sum(QUOTE in r["articleBody"] for r in second) == 2
    with SqliteBlockMemory.open(store, create=False) as memory:
        assert memory.sites() == {"127.0.0.1": len(PAGES)}
        learned = {b.text: b.pages for b in memory.learned("127.0.0.1")}
    assert learned[WIDGET] == len(PAGES)
    assert learned[TIPS] == len(PAGES)

    # Read-only: same records whatever order the pages come in.
    third = crawl(site, NEWSCLEAN_STORE=str(store), NEWSCLEAN_SITE_MEMORY_LEARN=False, CONCURRENT_REQUESTS=1)
    by_url = {r["url"]: r["articleBody"] for r in second}
    assert {r["url"]: r["articleBody"] for r in third} == by_url


def test_the_memory_lives_next_to_other_tables_and_can_be_inspected(
    site: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store.sqlite3"
    with sqlite3.connect(store) as conn:  # another component's table in the same file
        conn.execute("CREATE TABLE articles (key TEXT PRIMARY KEY)")
        conn.execute("INSERT INTO articles VALUES ('kept')")
    crawl(site, NEWSCLEAN_STORE=str(store))
    with sqlite3.connect(store) as conn:
        assert conn.execute("SELECT key FROM articles").fetchall() == [("kept",)]

    assert cli_main(["memory", "--store", str(store)]) == 0
    assert capsys.readouterr().out.split() == ["127.0.0.1", "14", "pages,", "2", "learned", "blocks"]

    assert cli_main(["memory", "--store", str(store), "127.0.0.1"]) == 0
    out = capsys.readouterr().out
    assert WIDGET in out and TIPS in out
    assert "Ms Okafor" not in out  # on 2 pages only: below the minimum of 3

    assert cli_main(["memory", "--store", str(store), "--min-pages", "2", "--json", "127.0.0.1"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["text"][:40]: r["pages"] for r in rows}[QUOTE[:40]] == 2
    assert rows[0]["pages"] == 14 and rows[0]["path"]

    assert cli_main(["memory", "--store", str(store), "--forget", "127.0.0.1"]) == 0
    assert "forgot 14 pages of 127.0.0.1" in capsys.readouterr().out
    assert cli_main(["memory", "--store", str(store), "127.0.0.1"]) == 1
    assert "no pages of 127.0.0.1" in capsys.readouterr().err


def test_turned_off_the_crawl_neither_learns_nor_removes(site: str, tmp_path: Path) -> None:
    store = tmp_path / "store.sqlite3"
    records = crawl(site, NEWSCLEAN_STORE=str(store), NEWSCLEAN_CLEANERS={"site-memory": None})
    assert all(WIDGET in r["articleBody"] for r in records)
    with sqlite3.connect(store) as conn:
        tables = {t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert not any(t.startswith("site_memory") for t in tables)


def test_without_a_store_the_memory_lasts_one_crawl(site: str) -> None:
    records = crawl(site, NEWSCLEAN_STORE=None)
    assert sum(WIDGET in r["articleBody"] for r in records) == 2


def test_at_the_least_evidence_the_shared_quote_still_stays(site: str) -> None:
    # Two pages suffice for the widget, never for a quotation only two of fourteen pages share.
    records = crawl(site, NEWSCLEAN_STORE=None, NEWSCLEAN_SITE_MEMORY_MIN_PAGES=2)
    assert [r["url"] for r in records if WIDGET in r["articleBody"]] == [records[0]["url"]]
    assert sum(QUOTE in r["articleBody"] for r in records) == 2
