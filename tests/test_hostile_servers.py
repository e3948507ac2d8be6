"""Crawls of hostile servers on 127.0.0.1 end, and their run reports say what happened."""

from __future__ import annotations

import gzip
import json
import os
import re
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from .conftest import PageHandler, assert_accounted, serving

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_ENABLED=False"]

ARTICLE = (
    "<!doctype html><html lang='en'><head><title>Harbour story {n}</title></head><body><article>"
    "<h1>Harbour story {n}</h1>"
    + "<p>The harbour council approved the budget for story {n} on Monday after a long debate about"
    " the new bridge, the ferry timetable and the school that the town has wanted for years.</p>"
    * 3
    + "</article></body></html>"
)
SITEMAP_NS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


class IndexChain(PageHandler):
    """robots.txt names a sitemap index whose child is another index (``?k=N+1``), forever;
    each index also names a sitemap with one article."""

    def page(self, path: str) -> str | None:
        base = f"http://{self.headers['Host']}"
        if path == "/robots.txt":
            return f"User-agent: *\nSitemap: {base}/index.xml?k=0\n"
        if match := re.fullmatch(r"/index\.xml\?k=(\d+)", path):
            k = int(match.group(1))
            return (
                f"<sitemapindex {SITEMAP_NS}><sitemap><loc>{base}/index.xml?k={k + 1}</loc></sitemap>"
                f"<sitemap><loc>{base}/pages.xml?k={k}</loc></sitemap></sitemapindex>"
            )
        if match := re.fullmatch(r"/pages\.xml\?k=(\d+)", path):
            k = int(match.group(1))
            return f"<urlset {SITEMAP_NS}><url><loc>{base}/news/{k}-harbour-story-{k}</loc></url></urlset>"
        if match := re.fullmatch(r"/news/(\d+)-harbour-story-\d+", path):
            return ARTICLE.format(n=match.group(1))
        if path == "/":
            return "<html><body><p>Home</p></body></html>"
        return None


def crawl(base: str, out: Path, *extra: str, timeout: float = 180) -> tuple[subprocess.CompletedProcess[str], Any]:
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    done = subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", "crawl", "news", "-a", f"start={base}/",
         "--output", str(out), *FAST, *extra],
        capture_output=True, text=True, timeout=timeout, env=env,
    )  # fmt: skip
    reports = [json.loads(line) for line in (out / "runs.jsonl").read_text().splitlines()]
    assert_accounted(reports[-1])
    return done, reports[-1]


def test_an_index_chain_ends_at_the_listing_depth(tmp_path: Path) -> None:
    with serving(IndexChain) as base:
        done, report = crawl(base, tmp_path / "out")
    assert done.returncode == 0, done.stderr
    listings = report["listings"]
    # Depth 0 (robots' index), 1, 2, 3: four indexes and four sitemaps; the fifth index is too deep.
    assert listings["not_followed_too_deep"] >= 1
    assert listings["requested"] <= 12
    assert report["articles"]["new"] == 3  # pages.xml at depths 1 to 3 name one article each
    assert done.stderr.count("listing not followed") <= 1


def test_an_index_chain_ends_at_the_listing_request_limit(tmp_path: Path) -> None:
    with serving(IndexChain) as base:
        done, report = crawl(
            base, tmp_path / "out", "-s", "NEWSCLEAN_MAX_LISTING_DEPTH=0", "-s", "NEWSCLEAN_MAX_LISTING_REQUESTS=6"
        )
    assert done.returncode == 0, done.stderr
    assert report["listings"]["requested"] == 6
    assert report["listings"]["not_followed_over_limit"] >= 1
    assert report["listings"]["not_followed_too_deep"] == 0


class Hostile(PageHandler):
    """A sitemap of 30 articles served every hostile way: redirect loops, reset connections,
    gzip bombs, a PDF, UTF-8 declared as ISO-8859-1, a body that trickles, binary data."""

    def do_GET(self) -> None:
        base = f"http://{self.headers['Host']}"
        if self.path == "/robots.txt":
            return self.reply(f"User-agent: *\nSitemap: {base}/sitemap.xml\n".encode(), "text/plain")
        if self.path == "/sitemap.xml":
            locs = "".join(f"<url><loc>{base}/news/{k}-harbour-story-{k}</loc></url>" for k in range(30))
            return self.reply(f"<urlset {SITEMAP_NS}>{locs}</urlset>".encode(), "application/xml")
        match = re.fullmatch(r"/news/(\d+)-harbour-story-\d+", self.path)
        if match is None:
            return self.reply(b"<html><body><p>Home</p></body></html>", "text/html", 200 if self.path == "/" else 404)
        k = int(match.group(1))
        article = ARTICLE.format(n=k).replace("harbour council", "harbour’s café council").encode()
        if k < 4:  # redirects to itself
            self.send_response(302)
            self.send_header("Location", f"{base}{self.path}")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif k < 8:  # connection reset
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
            self.connection.close()
        elif k < 10:  # 64 MiB of spaces in 64 KB of gzip, over DOWNLOAD_MAXSIZE once decompressed
            body = BOMB
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif k < 12:
            self.reply(b"%PDF-1.4 not a page", "application/pdf")
        elif k < 14:  # UTF-8 bytes, a header that says ISO-8859-1
            self.reply(article, "text/html; charset=iso-8859-1")
        elif k < 16:  # headers, then a body slower than DOWNLOAD_TIMEOUT
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(article)))
            self.end_headers()
            for byte in article[:40]:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(0.2)
        elif k < 17:
            self.reply(b"\x89PNG\r\n\x1a\n\x00\x00\x00" + bytes(range(256)) * 8, "text/html")
        else:
            self.reply(article, "text/html; charset=utf-8")

    def reply(self, data: bytes, kind: str, status: int = 200) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


BOMB = gzip.compress(b" " * (64 * 1024 * 1024), compresslevel=9)


def test_hostile_articles_each_end_in_one_outcome_and_fail_the_run(tmp_path: Path) -> None:
    with serving(Hostile) as base:
        done, report = crawl(
            base, tmp_path / "out", "-s", "DOWNLOAD_MAXSIZE=10000000", "-s", "DOWNLOAD_WARNSIZE=0",
            "-s", "DOWNLOAD_TIMEOUT=3",
        )  # fmt: skip
    books = report["accounting"]
    assert books["discovered"] == 30
    assert books["stored"] == 15  # 13 plain, 2 with the wrong charset header
    assert books["skipped"] == {"non_html": 2}
    failed = books["failed"]
    assert failed["redirect_loop"] == 4
    assert failed["too_large"] == 2
    assert failed["undecodable"] == 1
    assert sum(v for k, v in failed.items() if k.startswith("download_")) == 6  # 4 resets, 2 timeouts
    assert report["errors"] == 13
    assert done.returncode == 1  # 13 errors in about 35 requests: over NEWSCLEAN_MAX_ERROR_RATE
    stored = [json.loads(line) for line in Path(report["output"]).read_text().splitlines()]
    wrong_header = [r for r in stored if r["url"].endswith(("12-harbour-story-12", "13-harbour-story-13"))]
    assert len(wrong_header) == 2
    assert all("harbour’s café council" in r["articleBody"] for r in wrong_header)  # not mojibake


def test_an_unloadable_cassette_cannot_start(tmp_path: Path) -> None:
    # It exited 1 with "4 errors in 3 requests (133% ...)".
    broken = tmp_path / "broken.yaml"
    broken.write_text("interactions: [\n  - {request: 1\n")
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    done = subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", "crawl", "news", "-a", "start=https://www.example.com/",
         "--cassette", str(broken), "--output", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=120, env=env,
    )  # fmt: skip
    assert done.returncode == 2
    assert f"cassette {broken} cannot be read" in done.stderr


class BrokenListings(PageHandler):
    """A sitemap with an entity bomb, six articles and two entries without a usable URL."""

    def page(self, path: str) -> str | None:
        base = f"http://{self.headers['Host']}"
        if path == "/robots.txt":
            return f"User-agent: *\nSitemap: {base}/sitemap.xml\n"
        if path == "/sitemap.xml":
            levels = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
            locs = "".join(
                f"<url><loc>{base}/news/{k}-harbour-story-{k}?a=1&b=2</loc><lastmod>&lol9;</lastmod></url>"
                for k in range(6)
            )
            broken = "<url><loc>http://[::1/news/7-x</loc></url><url><loc></loc></url>"
            return f'<!DOCTYPE urlset [<!ENTITY lol0 "lol">{levels}]><urlset {SITEMAP_NS}>{locs}{broken}</urlset>'
        if match := re.fullmatch(r"/news/(\d+)-harbour-story-\d+\?a=1&b=2", path):
            return ARTICLE.format(n=match.group(1))
        if path == "/":
            return "<html><body><p>Home</p></body></html>"
        return None


def test_listing_entries_that_cannot_be_read_are_reported(tmp_path: Path) -> None:
    with serving(BrokenListings) as base:
        done, report = crawl(base, tmp_path / "out")
    assert report["articles"]["new"] == 6  # the bomb costs nothing; the & is read as written
    assert report["listings"]["entries_unreadable"] == 2
    assert report["errors"] >= 1
    assert "2 of 8 entries in" in report["first_error"]
    assert "1 errors" in done.stderr
