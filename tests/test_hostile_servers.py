"""Crawls of hostile servers on 127.0.0.1 end, and their run reports say what happened."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from .conftest import PageHandler, assert_accounted, serving

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_ENABLED=False"]

ARTICLE = (
    "<!doctype html><html lang='en'><head><title>Harbour story {n}</title></head><body><article>"
    "<h1>Harbour story {n}</h1>"
    + "<p>The harbour council approved the budget for story {n} on Monday after a long debate about"
    " the new bridge, the ferry timetable and the school that the town has wanted for years.</p>" * 3
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
