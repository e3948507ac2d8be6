"""The cassette download handler: recording through a real local server, replaying, record modes."""

from __future__ import annotations

import asyncio
import gzip
import importlib.util
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml
from scrapy import signals
from scrapy.crawler import AsyncCrawlerRunner
from scrapy.utils.project import get_project_settings

ROOT = Path(__file__).resolve().parents[1]
CASSETTES = ROOT / "fixtures" / "cassettes"
RECORDER_NAME = "newsclean_fixture_recorder"


@pytest.fixture(scope="module")
def recorder() -> Iterator[ModuleType]:
    """fixtures/record_cassettes.py with its site server running on 127.0.0.1."""
    spec = importlib.util.spec_from_file_location(RECORDER_NAME, ROOT / "fixtures" / "record_cassettes.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[RECORDER_NAME] = module
    spec.loader.exec_module(module)
    server = ThreadingHTTPServer(("127.0.0.1", 0), module.SiteServer)
    module.LocalSiteHandler.port = server.server_address[1]
    module.SiteServer.hosts = {"www.rt.com": module.SITES / "rt"}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield module
    server.shutdown()
    server.server_close()
    del sys.modules[RECORDER_NAME]


def crawl(cassette: Path, mode: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    settings = get_project_settings()
    settings.setdict(
        {
            "TWISTED_REACTOR_ENABLED": False,
            "NEWSCLEAN_CASSETTE": str(cassette),
            "NEWSCLEAN_CASSETTE_MODE": mode,
            "NEWSCLEAN_CASSETTE_RECORD_HANDLER": f"{RECORDER_NAME}.LocalSiteHandler",
            "NEWSCLEAN_STORE": None,
            "AUTOTHROTTLE_ENABLED": False,
            "DOWNLOAD_DELAY": 0,
        },
        priority="cmdline",
    )
    records: list[dict[str, Any]] = []

    async def run() -> dict[str, Any]:
        runner = AsyncCrawlerRunner(settings)
        crawler = runner.create_crawler("rt")

        def scraped(item: dict[str, Any], **_: Any) -> None:
            records.append(item)

        crawler.signals.connect(scraped, signal=signals.item_scraped)
        await runner.crawl(crawler)
        assert crawler.stats is not None
        return dict(crawler.stats.get_stats())

    return records, asyncio.run(run())


def interactions(path: Path) -> list[dict[str, Any]]:
    return list(yaml.safe_load(path.read_text())["interactions"])


def requested(path: Path) -> Counter[str]:
    return Counter(i["request"]["uri"] for i in interactions(path))


def test_recording_reproduces_the_bundled_cassette(recorder: ModuleType, tmp_path: Path) -> None:
    cassette = tmp_path / "rt.yaml"
    recorder.SiteServer.served = {}
    records, stats = crawl(cassette, "once")
    assert stats["newsclean/cassette/recorded"] == 11
    assert len(records) == 6
    assert sum(recorder.SiteServer.served.values()) == 11  # every request went to the local server
    # Tidied as fixtures/record_cassettes.py does, the recording is the bundled cassette byte
    # for byte: the bundled one is regenerable from fixtures/sites and up to date with it.
    recorder.tidy(cassette)
    assert cassette.read_text() == (CASSETTES / "rt.yaml").read_text()
    # vcrpy's format: a version and interactions with request/response.
    data = yaml.safe_load(cassette.read_text())
    assert data["version"] == 1
    first = data["interactions"][0]
    assert first["request"]["method"] == "GET"
    assert first["request"]["headers"]["User-Agent"] == ["newsclean/0.1 (+https://github.com/newsclean/newsclean)"]
    assert first["response"]["status"] == {"code": 200, "message": "OK"}

    # The recording replays to the same records without the server.
    recorder.SiteServer.served = {}
    replayed, replay_stats = crawl(cassette, "none")
    assert sum(recorder.SiteServer.served.values()) == 0
    assert replay_stats["newsclean/cassette/played"] == 11
    key = {"headline", "articleBody", "datePublished", "url"}
    assert sorted((r["url"], {k: r[k] for k in key}) for r in replayed) == sorted(
        (r["url"], {k: r[k] for k in key}) for r in records
    )


def _without(source: Path, target: Path, uri: str) -> None:
    data = yaml.safe_load(source.read_text())
    data["interactions"] = [i for i in data["interactions"] if i["request"]["uri"] != uri]
    target.write_text(yaml.safe_dump(data, allow_unicode=True))


GONE = "https://www.rt.com/sport/592452-cross-country-skiing-relay/"


@pytest.mark.parametrize("mode", ["none", "once"])
def test_replay_modes_never_reach_the_server(recorder: ModuleType, tmp_path: Path, mode: str) -> None:
    cassette = tmp_path / "partial.yaml"
    _without(CASSETTES / "rt.yaml", cassette, GONE)
    before = cassette.read_text()
    recorder.SiteServer.served = {}
    records, stats = crawl(cassette, mode)
    assert sum(recorder.SiteServer.served.values()) == 0
    assert stats["newsclean/cassette/unmatched"] == 1
    assert GONE not in {r["url"] for r in records}
    assert len(records) == 5
    assert cassette.read_text() == before


def test_new_episodes_records_only_what_is_missing(recorder: ModuleType, tmp_path: Path) -> None:
    cassette = tmp_path / "partial.yaml"
    _without(CASSETTES / "rt.yaml", cassette, GONE)
    recorder.SiteServer.served = {}
    records, stats = crawl(cassette, "new_episodes")
    assert recorder.SiteServer.served == {"www.rt.com/sport/592452-cross-country-skiing-relay/": 1}
    assert stats["newsclean/cassette/recorded"] == 1
    assert stats["newsclean/cassette/played"] == 10
    assert len(records) == 6
    assert requested(cassette) == requested(CASSETTES / "rt.yaml")


def test_redirects_and_retries_are_recorded_like_any_request() -> None:
    news = interactions(CASSETTES / "news.yaml")
    by_uri: dict[str, list[int]] = {}
    for item in news:
        by_uri.setdefault(item["request"]["uri"], []).append(item["response"]["status"]["code"])
    base = "https://www.northbridge-gazette.example"
    assert by_uri[base + "/business/2024/03/13/port-workers-strike-talks/"] == [500, 200]
    assert by_uri[base + "/news/rowing-club-regatta-win"] == [301]
    assert by_uri[base + "/local/2024/03/01/market-hall-reopening-delayed/"] == [404]
    assert by_uri[base + "/robots.txt"] == [200, 200]  # Scrapy's robots.txt check, then the spider's
    redirect = next(i for i in news if i["response"]["status"]["code"] == 301)
    assert redirect["response"]["headers"]["Location"] == [
        base + "/sport/2024/03/14/northbridge-rowing-club-wins-regatta/"
    ]


class _EncodedSite(BaseHTTPRequestHandler):
    """A homepage and one gzip-compressed ISO-8859-1 article, over plain HTTP on 127.0.0.1."""

    article = (
        "<html><head><meta charset='iso-8859-1'><title>Grüße aus Köln</title></head><body>"
        "<article><h1>Grüße aus Köln</h1><p>Die Straßenbahn fährt wieder über die Brücke, "
        "nachdem Techniker die Oberleitung über Nacht repariert haben.</p><p>Fahrgäste müssen "
        "am Wochenende dennoch mit Verspätungen rechnen, teilten die Verkehrsbetriebe mit.</p>"
        "</article></body></html>"
    ).encode("iso-8859-1")

    def do_GET(self) -> None:
        if self.path == "/":
            body, extra = b"<html><body><a href='/lokal/strassenbahn-faehrt-wieder/'>Bahn</a></body></html>", {}
            kind = "text/html"
        elif self.path == "/lokal/strassenbahn-faehrt-wieder/":
            body, extra = gzip.compress(self.article), {"Content-Encoding": "gzip"}
            kind = "text/html; charset=iso-8859-1"
        else:
            body, extra, kind = b"not here", {}, "text/plain"
        self.send_response(200 if kind != "text/plain" else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


def test_records_real_http_with_compression_and_legacy_charset(tmp_path: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _EncodedSite)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    start = f"http://127.0.0.1:{server.server_address[1]}/"
    cassette = tmp_path / "encoded.yaml"

    def run(mode: str) -> tuple[list[dict[str, Any]], dict[str, Any]]:
        settings = get_project_settings()
        settings.setdict(
            {
                "TWISTED_REACTOR_ENABLED": False,
                "NEWSCLEAN_CASSETTE": str(cassette),
                "NEWSCLEAN_CASSETTE_MODE": mode,
                "NEWSCLEAN_STORE": None,
                "AUTOTHROTTLE_ENABLED": False,
                "DOWNLOAD_DELAY": 0,
            },
            priority="cmdline",
        )
        records: list[dict[str, Any]] = []

        async def go() -> dict[str, Any]:
            runner = AsyncCrawlerRunner(settings)
            crawler = runner.create_crawler("news")

            def scraped(item: dict[str, Any], **_: Any) -> None:
                records.append(item)

            crawler.signals.connect(scraped, signal=signals.item_scraped)
            await runner.crawl(crawler, start=start)
            assert crawler.stats is not None
            return dict(crawler.stats.get_stats())

        return records, asyncio.run(go())

    try:
        recorded, stats = run("once")
    finally:
        server.shutdown()
        server.server_close()
    # robots.txt (a 404) for Scrapy's robots check and for the spider's sitemap lookup, the
    # homepage, the article:
    assert stats["newsclean/cassette/recorded"] == 4
    replayed, replay_stats = run("none")  # the server is gone
    assert replay_stats["newsclean/cassette/played"] == 4
    assert replay_stats.get("newsclean/cassette/unmatched", 0) == 0
    assert [r["headline"] for r in replayed] == [r["headline"] for r in recorded] == ["Grüße aus Köln"]
    assert replayed[0]["articleBody"] == recorded[0]["articleBody"]
    assert "Straßenbahn fährt" in replayed[0]["articleBody"]
    (article,) = [i for i in interactions(cassette) if i["request"]["uri"].endswith("/strassenbahn-faehrt-wieder/")]
    assert "Content-Encoding" not in article["response"]["headers"]  # stored decompressed
