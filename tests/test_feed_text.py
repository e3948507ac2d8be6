"""Full text from feeds: content:encoded cross-checks the page's text and stands in when the page
cannot be fetched (the record says so)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newsclean.pipelines.clean import agreement
from newsclean.spiders.discovery import feed_entries

SENTENCES = [
    "The council voted on Tuesday to extend the tram line to the harbour by two more stops.",
    "Work on the new stops starts in spring and should end before the summer holidays, officials said.",
    "Residents near the depot asked for quieter trams at night and for more trees along the line.",
    "The mayor said the extension would cost less than the bus lane it replaces over ten years.",
    "Opposition members questioned the figures and asked for an independent review of the costs.",
    "A final vote on the budget for the works is planned for the first meeting after the summer.",
]


def _paragraphs(slug: str) -> str:
    return "".join(f"<p>{s.replace('tram', slug + ' tram', 1)}</p>" for s in SENTENCES)


def _article(slug: str) -> bytes:
    return (
        f"<!doctype html><html lang='en'><head><title>{slug} | Harbour News</title></head><body>"
        f"<nav><a href='/'>Home</a></nav><article><h1>Story {slug}</h1>{_paragraphs(slug)}"
        "<p>Share this article</p></article><footer>Harbour News 2024</footer></body></html>"
    ).encode()


def _feed(base: str, slugs: list[str]) -> bytes:
    items = "".join(
        f"<item><title>Story {slug}</title><link>{base}/news/{slug}</link><guid>{base}/news/{slug}</guid>"
        f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>Teaser</description>"
        f"<content:encoded><![CDATA[<p><strong>The standfirst of {slug}.</strong></p>{_paragraphs(slug)}]]>"
        "</content:encoded></item>"
        for slug in slugs
    )
    return (
        '<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>Harbour News</title>{items}</channel></rss>"
    ).encode()


@contextmanager
def _site(slugs: list[str], broken: set[str]) -> Iterator[str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            slug = self.path.rsplit("/", 1)[-1]
            if self.path == "/feed.xml":
                body, status, kind = _feed(base, slugs), 200, "application/rss+xml"
            elif self.path.startswith("/news/") and slug in slugs and slug not in broken:
                body, status, kind = _article(slug), 200, "text/html"
            elif self.path.startswith("/news/") and slug in broken:
                body, status, kind = b"oops", 503, "text/plain"
            else:
                body, status, kind = b"", 404, "text/plain"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_feed_entries_keep_the_full_text_but_not_a_teaser() -> None:
    entries = list(feed_entries(_feed("https://news.example.com", ["tram-a"]), "https://news.example.com/feed.xml"))
    assert entries[0].content is not None and "The standfirst of tram-a." in entries[0].content
    assert "content" not in entries[0].as_dict()
    teaser = _feed("https://news.example.com", ["tram-a"]).replace(_paragraphs("tram-a").encode(), b"")
    assert next(feed_entries(teaser, "https://news.example.com/feed.xml")).content is None


def test_agreement() -> None:
    text = " ".join(SENTENCES)
    assert agreement(text, "Intro. " + text + " Share this.") == 1.0
    assert agreement(text, " ".join(SENTENCES[:3])) < 0.6


def test_crawl_cross_checks_with_the_feed_and_falls_back_to_it(tmp_path: Path) -> None:
    slugs = ["harbour-one", "harbour-two", "harbour-three"]
    with _site(slugs, broken={"harbour-three"}) as base:
        out = tmp_path / "out"
        done = subprocess.run(
            [
                sys.executable, "-m", "newsclean.spiders.cli", "crawl", "news", "-a", f"start={base}/feed.xml",
                "--output", str(out), "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
                "-s", "RETRY_ENABLED=False", "-s", "ROBOTSTXT_OBEY=False",
            ],
            capture_output=True, text=True, timeout=180, env=dict(os.environ, PYTHONWARNINGS="ignore"),
        )  # fmt: skip
    report = json.loads((out / "runs.jsonl").read_text().splitlines()[-1])
    records = {r["url"].rsplit("/", 1)[-1]: r for r in map(json.loads, Path(report["output"]).read_text().splitlines())}
    assert set(records) == set(slugs), done.stderr
    for slug in ("harbour-one", "harbour-two"):
        record = records[slug]
        assert "textSource" not in record
        # The page's text holds the feed's article text, standfirst aside.
        assert record["feedAgreement"] >= 0.8
    fallback = records["harbour-three"]
    assert fallback["textSource"] == "feed"
    assert fallback["headline"] == "Story harbour-three"
    assert "independent review of the costs" in fallback["articleBody"]
    assert fallback["datePublished"].startswith("2024-03-05T10:00:00")
