"""One record path: the library, the command and a crawl make the same record of a page."""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from newsclean.cleaners import SiteProfile, clean_html, clean_text, profile_for_url, register_site
from newsclean.cleaners import site as site_registry
from newsclean.spiders.demo import DUMP, DUMP_URL

from .conftest import ROOT

PAGE = ROOT / "fixtures/sites/rt/russia/592418-kremlin-denies-talks-freezing/index.html"


def test_library_calls_find_the_site_profile_from_the_url_like_the_command() -> None:
    article = clean_text(DUMP.read_text(encoding="utf-8"), url=DUMP_URL)
    assert article.site == "rt" and article.datePublished == "2024-02-14T10:08:00+00:00"
    page = clean_html(PAGE.read_bytes(), url=DUMP_URL)
    assert page.site == "rt" and page.datePublished == "2024-02-14T10:08:00+00:00"
    generic = clean_text(DUMP.read_text(encoding="utf-8"), url=DUMP_URL, find_site=False)
    assert generic.site is None and generic.datePublished == "2024-02-14T10:08:00"


def test_a_registered_profile_is_found_by_every_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_registry, "_registered", {})  # leaves no profile behind for other tests
    register_site(SiteProfile(name="gazette-test", domains=("gazette-test.example",), timezone="Europe/Berlin"))
    assert profile_for_url("https://news.gazette-test.example/a-b-c") is not None
    article = clean_text("Council approves budget\n14 Mar 2024 09:30\n" + "Words of the article. " * 20,
                         url="https://www.gazette-test.example/politics/council-approves-budget")
    assert article.site == "gazette-test" and article.datePublished == "2024-03-14T09:30:00+01:00"


# -- the same page three ways: library call, `newsclean clean`, a crawl -------------------------

CRAWL_ONLY = ("source", "dateDownloaded")
"""What differs by nature: where the input came from and when a crawl fetched it."""


def _fundus_pages(data: Path) -> list[tuple[str, str, bytes]]:
    """Every fundus page as (name, URL, HTML), one page per URL (two publishers' pages were
    fetched twice under one URL: a crawl fetches a URL once)."""
    pages: dict[str, tuple[str, str, bytes]] = {}
    for meta_path in sorted((data / "fundus").glob("*/meta.info")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        for name, entry in sorted(meta.items()):
            path, url = meta_path.parent / name, entry.get("url", "")
            if path.exists() and url.startswith("http") and url not in pages:
                pages[url] = (f"{meta_path.parent.name}/{name}", url, gzip.decompress(path.read_bytes()))
    return list(pages.values())


def _cassette(path: Path, pages: list[tuple[str, str, bytes]]) -> None:
    from vcr.persisters.filesystem import FilesystemPersister
    from vcr.request import Request as VcrRequest
    from vcr.serializers import yamlserializer

    requests = [VcrRequest("GET", url, None, {}) for _, url, _ in pages]
    responses = [
        {"status": {"code": 200, "message": "OK"}, "headers": {"Content-Type": ["text/html"]}, "body": {"string": html}}
        for _, _, html in pages
    ]
    data = {"requests": requests, "responses": responses}
    FilesystemPersister.save_cassette(str(path), data, serializer=yamlserializer)


def _crawl(cassette: Path, urls: list[str], output: Path) -> dict[str, dict[str, Any]]:
    import scrapy
    from newsclean.spiders.spiders.news import NewsSpider
    from scrapy.crawler import AsyncCrawlerRunner
    from scrapy.utils.project import get_project_settings

    class PagesSpider(NewsSpider):
        """The ``news`` spider's article path over a fixed list of URLs."""

        name = "record-path-pages"

        async def start(self) -> AsyncIterator[Any]:
            self.allowed_domains = None  # the pages come from 181 publishers
            for url in urls:
                yield scrapy.Request(url, callback=self.parse_article)

    settings = get_project_settings()
    settings.setdict(
        {
            "TWISTED_REACTOR_ENABLED": False,
            "NEWSCLEAN_CASSETTE": str(cassette),
            "ROBOTSTXT_OBEY": False,
            "AUTOTHROTTLE_ENABLED": False,
            "DOWNLOAD_DELAY": 0,
            "NEWSCLEAN_VALIDATE": False,  # short pages would be quarantined: every record is compared
            "NEWSCLEAN_DEDUPE": False,  # syndicated copies among the pages would be flagged
            "FEEDS": {str(output): {"format": "jsonlines", "encoding": "utf-8"}},
            "LOG_LEVEL": "ERROR",
        },
        priority="cmdline",
    )

    async def run() -> None:
        runner = AsyncCrawlerRunner(settings)
        await runner.crawl(PagesSpider, start="https://fundus-pages.example/")

    asyncio.run(run())
    records = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines()]
    return {r["url"]: r for r in records}


def _comparable(record: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in record.items() if k not in CRAWL_ONLY}, ensure_ascii=False)


def test_library_command_and_crawl_give_byte_identical_records(
    shared_data: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from newsclean.spiders.cli import main

    pages = _fundus_pages(shared_data)
    assert len(pages) > 200
    for name, _url, html in pages:
        (tmp_path / name.replace("/", "_")).with_suffix("").write_bytes(html)
    _cassette(tmp_path / "pages.yaml", pages)
    crawled = _crawl(tmp_path / "pages.yaml", [url for _, url, _ in pages], tmp_path / "crawl.jsonl")

    differ: list[str] = []
    for name, url, html in pages:
        library = clean_html(html, url=url).to_dict()
        capsys.readouterr()
        assert main(["clean", "--url", url, str((tmp_path / name.replace("/", "_")).with_suffix(""))]) == 0
        command = json.loads(capsys.readouterr().out)
        crawl = crawled.get(url)
        if crawl is None:  # a page with no article text is dropped by the clean stage, and by nobody else
            assert not library.get("articleBody"), name
            continue
        assert crawl["dateDownloaded"] and command["source"].endswith(".html")
        if not (_comparable(library) == _comparable(command) == _comparable(crawl)):
            fields = sorted(k for k in {*library, *command, *crawl} - set(CRAWL_ONLY)
                            if not (library.get(k) == command.get(k) == crawl.get(k)))
            differ.append(f"{name}: {', '.join(fields)}")
    assert not differ, f"{len(differ)} of {len(pages)} pages give different records:\n" + "\n".join(differ[:20])
