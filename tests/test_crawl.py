"""`newsclean crawl` end to end: real subprocesses crawling a news site served on 127.0.0.1."""

from __future__ import annotations

import email.utils
import hashlib
import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from .conftest import assert_accounted

STORY = (
    "council members met on tuesday to debate the new budget for schools roads and the harbour "
    "while residents gathered outside the hall asking for more money to repair the old bridge"
)
WORDS = STORY.split()


@dataclass
class Page:
    body: bytes
    content_type: str
    modified: float
    etag: str = ""

    def __post_init__(self) -> None:
        self.etag = '"' + hashlib.sha1(self.body).hexdigest()[:16] + '"'


@dataclass
class NewsSite:
    """A small news site: robots.txt -> sitemap.xml (with lastmod) -> article pages.

    With ``news``, the sitemap is a Google News sitemap (``news:publication_date`` too) and the
    homepage links an RSS feed listing the same articles with their ``pubDate``.
    Honours If-None-Match / If-Modified-Since with 304 and records every request.
    """

    port: int = 0
    pages: dict[str, Page] = field(default_factory=dict)
    articles: dict[str, tuple[str, int, float]] = field(default_factory=dict)
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    article_delay: float = 0.0
    broken: set[str] = field(default_factory=set)
    gone: dict[str, int] = field(default_factory=dict)
    """Paths that answer with this status (404, 410) and no body: taken off the site."""
    news: bool = False
    sitemap_delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def url(self, slug: str) -> str:
        return f"{self.base}/news/{slug}"

    def _article_html(self, slug: str, headline: str, edition: int, published: float) -> bytes:
        paragraphs = []
        for n in range(6):
            words = [WORDS[(n * 7 + i + len(slug)) % len(WORDS)] for i in range(30)]
            paragraphs.append(f"<p>{headline} report part {n + 1}: {' '.join(words)}.</p>")
        if edition > 1:
            paragraphs.append(f"<p>Update {edition}: the council has now approved the budget after a late vote.</p>")
        iso = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(published))
        return (
            f"<!doctype html><html lang='en'><head><title>{headline} | Harbour News</title>"
            f"<meta property='og:title' content='{headline}'></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>{headline}</h1>"
            f"<time datetime='{iso}'>{iso}</time>{''.join(paragraphs)}</article></body></html>"
        ).encode()

    def add_article(self, slug: str, headline: str, *, published: float | None = None) -> None:
        now = time.time()
        published = now if published is None else published
        with self.lock:
            self.articles[slug] = (headline, 1, published)
            self.pages[f"/news/{slug}"] = Page(self._article_html(slug, headline, 1, published), "text/html", now)
            self._rebuild()

    def update_article(self, slug: str) -> None:
        now = time.time()
        with self.lock:
            headline, edition, published = self.articles[slug]
            self.articles[slug] = (headline, edition + 1, published)
            html = self._article_html(slug, headline, edition + 1, published)
            self.pages[f"/news/{slug}"] = Page(html, "text/html", now)
            self._rebuild()

    def lastmod(self, slug: str) -> str:
        return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.pages[f"/news/{slug}"].modified))

    def _news_tag(self, slug: str) -> str:
        if not self.news:
            return ""
        published = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(self.articles[slug][2]))
        return (
            "<news:news><news:publication><news:name>Harbour News</news:name><news:language>en"
            f"</news:language></news:publication><news:publication_date>{published}"
            f"</news:publication_date><news:title>{self.articles[slug][0]}</news:title></news:news>"
        )

    def _rebuild(self) -> None:
        now = time.time()
        entries = "".join(
            f"<url><loc>{self.url(slug)}</loc><lastmod>{self.lastmod(slug)}</lastmod>{self._news_tag(slug)}</url>"
            for slug in self.articles
        )
        sitemap = (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
            f'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">{entries}</urlset>'
        )
        if self.news:
            items = "".join(
                f"<item><title>{headline}</title><link>{self.url(slug)}</link>"
                f"<pubDate>{email.utils.formatdate(published, usegmt=True)}</pubDate></item>"
                for slug, (headline, _, published) in self.articles.items()
            )
            feed = f'<rss version="2.0"><channel><title>Harbour News</title>{items}</channel></rss>'
            self.pages["/feed.xml"] = Page(feed.encode(), "application/rss+xml", now)
        self.pages["/sitemap.xml"] = Page(sitemap.encode(), "application/xml", now)
        self.pages["/robots.txt"] = Page(
            f"User-agent: *\nAllow: /\nSitemap: {self.base}/sitemap.xml\n".encode(), "text/plain", now
        )
        feed_link = b'<link rel="alternate" type="application/rss+xml" href="/feed.xml">' if self.news else b""
        self.pages["/"] = Page(
            b"<!doctype html><html><head><title>Harbour News</title>" + feed_link + b"</head>"
            b"<body><h1>Harbour News</h1><p>Local news.</p></body></html>",
            "text/html",
            now,
        )

    def article_requests(self) -> list[str]:
        with self.lock:
            return [path for path, _ in self.requests if path.startswith("/news/")]

    def serve(self) -> ThreadingHTTPServer:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                headers = {k.lower(): v for k, v in self.headers.items()}
                with site.lock:
                    site.requests.append((self.path, headers))
                    page = site.pages.get(self.path)
                if self.path in site.broken:
                    page = None
                    self.send_response(500)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if page is None or self.path in site.gone:
                    self.send_response(site.gone.get(self.path, 404))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if self.path.startswith("/news/") and site.article_delay:
                    time.sleep(site.article_delay)
                if self.path == "/sitemap.xml" and site.sitemap_delay:
                    time.sleep(site.sitemap_delay)
                if headers.get("if-none-match") == page.etag:
                    self.send_response(304)
                    self.send_header("ETag", page.etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(page.body)))
                self.send_header("ETag", page.etag)
                self.send_header("Last-Modified", email.utils.formatdate(page.modified, usegmt=True))
                self.end_headers()
                self.wfile.write(page.body)

            def log_message(self, format: str, *args: object) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = server.server_address[1]
        return server


@contextmanager
def running(news: NewsSite, *, published: float | None = None) -> Iterator[NewsSite]:
    """``news`` served on 127.0.0.1 with five articles."""
    server = news.serve()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    for n in range(1, 6):
        news.add_article(f"harbour-budget-story-{n}", f"Harbour budget story number {n}", published=published)
    try:
        yield news
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site() -> Iterator[NewsSite]:
    with running(NewsSite()) as news:
        yield news


FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "RETRY_ENABLED=False"]


def crawl_command(site: NewsSite, out: Path, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "newsclean.spiders.cli", "crawl", "news",
        "-a", f"start={site.base}/", "--output", str(out), *FAST, *extra,
    ]


def crawl(site: NewsSite, out: Path, *extra: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    return subprocess.run(
        crawl_command(site, out, *extra), capture_output=True, text=True, timeout=timeout, env=env
    )


def runs(out: Path) -> list[dict]:
    """The runs log's reports, each checked as an accounting identity."""
    reports = [json.loads(line) for line in (out / "runs.jsonl").read_text().splitlines()]
    for report in reports:
        assert_accounted(report)
    return reports


def records(path: str | None) -> list[dict]:
    if path is None:
        return []
    return [json.loads(line) for line in Path(path).read_text().splitlines()]


def stored_urls(out: Path) -> list[str]:
    import sqlite3

    db = sqlite3.connect(out / "newsclean.sqlite")
    try:
        return [row[0] for row in db.execute("SELECT url FROM articles ORDER BY url")]
    finally:
        db.close()


def test_incremental_runs_fetch_only_new_and_changed_articles(site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"

    first = crawl(site, out)
    assert first.returncode == 0, first.stderr
    report = runs(out)[-1]
    assert report["articles"]["new"] == 5
    first_records = records(report["output"])
    assert sorted(r["headline"] for r in first_records) == [f"Harbour budget story number {n}" for n in range(1, 6)]
    assert Path(report["output"]).parent == out / "news"
    assert "5 new" in first.stderr.strip().splitlines()[-1]
    assert len(stored_urls(out)) == 5

    before = len(site.article_requests())
    second = crawl(site, out)
    assert second.returncode == 0, second.stderr
    assert site.article_requests()[before:] == []  # no unchanged article page requested
    report = runs(out)[-1]
    assert report["articles"]["new"] == 0
    assert report["skipped_unchanged"] == 5
    assert report["output"] is None
    assert "0 new" in second.stderr

    site.add_article("harbour-ferry-timetable-changes", "Harbour ferry timetable changes")
    site.add_article("harbour-festival-returns-this-summer", "Harbour festival returns this summer")
    site.update_article("harbour-budget-story-3")
    before = len(site.article_requests())
    third = crawl(site, out)
    assert third.returncode == 0, third.stderr
    fetched = sorted(site.article_requests()[before:])
    assert fetched == sorted(
        ["/news/harbour-ferry-timetable-changes", "/news/harbour-festival-returns-this-summer",
         "/news/harbour-budget-story-3"]
    )
    report = runs(out)[-1]
    assert (report["articles"]["new"], report["articles"]["updated"]) == (2, 1)
    got = sorted(r["headline"] for r in records(report["output"]))
    assert got == ["Harbour budget story number 3", "Harbour ferry timetable changes",
                   "Harbour festival returns this summer"]
    assert len(stored_urls(out)) == 7
    assert [r["exit_status"] for r in runs(out)] == [0, 0, 0]


def crawl_seen_lastmod(out: Path, url: str) -> str | None:
    import sqlite3

    db = sqlite3.connect(out / "newsclean.sqlite")
    try:
        return db.execute("SELECT lastmod FROM crawl_seen WHERE url = ?", (url,)).fetchone()[0]
    finally:
        db.close()


def test_a_moved_sitemap_lastmod_refetches_an_article_whose_publication_date_stayed(tmp_path: Path) -> None:
    """A site with a feed (pubDate) and a Google News sitemap (publication date + lastmod) for
    the same articles; the sitemap answers late, so the feed is read first each run."""
    out = tmp_path / "out"
    published = time.time() - 6 * 3600  # out this morning; the pages were last changed now
    with running(NewsSite(news=True, sitemap_delay=1.0), published=published) as site:
        first = crawl(site, out)
        assert first.returncode == 0, first.stderr
        assert runs(out)[-1]["articles"]["new"] == 5
        # The feed listed them first, without a change date: the sitemap's lastmod is kept.
        story = site.url("harbour-budget-story-3")
        assert crawl_seen_lastmod(out, story) == site.lastmod("harbour-budget-story-3")

        time.sleep(1.1)  # a lastmod one second later at least
        site.update_article("harbour-budget-story-3")  # lastmod moves, publication date stays
        assert f"<pubDate>{email.utils.formatdate(published, usegmt=True)}</pubDate>" in (
            site.pages["/feed.xml"].body.decode())
        before = len(site.article_requests())
        second = crawl(site, out)
        assert second.returncode == 0, second.stderr
        assert site.article_requests()[before:] == ["/news/harbour-budget-story-3"]
        report = runs(out)[-1]
        assert (report["articles"]["new"], report["articles"]["updated"]) == (0, 1)
        assert report["skipped_unchanged"] == 4  # listed twice each, counted once
        (record,) = records(report["output"])
        assert record["url"] == story and record["version"] == 2
        assert record["datePublished"] == time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime(published))
        assert crawl_seen_lastmod(out, story) == site.lastmod("harbour-budget-story-3")


def test_recheck_sends_conditional_requests_and_304_is_a_healthy_unchanged(site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert crawl(site, out).returncode == 0
    before = len(site.requests)
    again = crawl(site, out, "-s", "NEWSCLEAN_RECHECK_INTERVAL=0")
    assert again.returncode == 0, again.stderr
    asked = [headers for path, headers in site.requests[before:] if path.startswith("/news/")]
    assert len(asked) == 5
    assert all(h.get("if-none-match", "").startswith('"') and "if-modified-since" in h for h in asked)
    report = runs(out)[-1]
    assert report["not_modified"] == 5 and report["articles"]["new"] == 0 and report["errors"] == 0
    assert report["exit_status"] == 0


def test_errors_above_the_threshold_exit_1(site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    site.broken = {f"/news/harbour-budget-story-{n}" for n in (1, 2, 3)}
    done = crawl(site, out)
    assert done.returncode == 1
    report = runs(out)[-1]
    assert report["errors"] == 3 and report["errors_by_kind"]["http_500"] == 3
    assert report["articles"]["new"] == 2  # what could be fetched is still stored
    assert "3 errors in" in done.stderr and "(exit 1)" in done.stderr


def test_a_source_that_yields_no_article_exits_4(site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    site.articles.clear()
    site.pages = {path: page for path, page in site.pages.items() if not path.startswith("/news/")}
    site._rebuild()
    done = crawl(site, out)
    assert done.returncode == 4
    assert "no article found" in done.stderr
    assert runs(out)[-1]["exit_status"] == 4


def test_unknown_spider_and_bad_arguments_cannot_start(site: NewsSite, tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    cli = [sys.executable, "-m", "newsclean.spiders.cli", "crawl"]
    garbage = tmp_path / "not-a-store.sqlite"
    garbage.write_text("these are not the bytes of an SQLite file\n" * 20)
    for args, needle in ((["nosuch"], "unknown spider 'nosuch'"),
                         (["news", "-a", "start=ftp://nowhere"], "is not an http(s) URL"),
                         (["news", "-a", "start"], "-a expects NAME=VALUE"),
                         (["news", "-a", f"start={site.base}/", "--store", str(garbage)],
                          "cannot open the article store")):
        done = subprocess.run([*cli, *args, "--output", str(tmp_path / "out")], capture_output=True, text=True,
                              env=env, timeout=60)
        assert done.returncode == 2, done.stderr
        assert needle in done.stderr and "Traceback" not in done.stderr


def test_overlapping_run_exits_75_with_one_line(site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    site.article_delay = 2.0  # the first run holds the lock for 10 s or more
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    first = subprocess.Popen(crawl_command(site, out, "-s", "CONCURRENT_REQUESTS=1"), stderr=subprocess.PIPE,
                             text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while not site.article_requests():
            assert time.monotonic() < deadline, "the first crawl never reached an article"
            assert first.poll() is None, first.stderr.read() if first.stderr else ""
            time.sleep(0.05)
        second = crawl(site, out)
        assert second.returncode == 75
        assert first.poll() is None  # refused at once: the first run still holds the lock
        lines = second.stderr.strip().splitlines()
        assert len(lines) == 1 and "already running" in lines[0], second.stderr
    finally:
        site.article_delay = 0
        _, err = first.communicate(timeout=120)
    assert first.returncode == 0, err
    assert len(runs(out)) == 1  # the refused run leaves no report


def test_run_killed_mid_crawl_then_rerun_stores_every_article_once(site: NewsSite, tmp_path: Path) -> None:
    out = tmp_path / "out"
    for n in range(6, 13):
        site.add_article(f"harbour-budget-story-{n}", f"Harbour budget story number {n}")
    site.article_delay = 0.4
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    victim = subprocess.Popen(
        crawl_command(site, out, "-s", "CONCURRENT_REQUESTS=1"), stderr=subprocess.DEVNULL, env=env
    )
    deadline = time.monotonic() + 60
    while len(site.article_requests()) < 5:
        assert time.monotonic() < deadline and victim.poll() is None, "the crawl never got going"
        time.sleep(0.02)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    killed_stored = stored_urls(out)
    assert 0 < len(killed_stored) < 12, "the kill should land mid-crawl"

    site.article_delay = 0
    rerun = crawl(site, out)
    assert rerun.returncode == 0, rerun.stderr
    assert "left by a run that was killed" in rerun.stderr
    stored = stored_urls(out)
    assert stored == sorted(site.url(f"harbour-budget-story-{n}") for n in range(1, 13))
    # Every article once across the run outputs: the killed run's partial file is published.
    outputs = sorted((out / "news").glob("*.jsonl"))
    assert len(outputs) == 2
    urls = [r["url"] for path in outputs for r in records(str(path))]
    assert sorted(urls) == stored
    assert not list((out / "news").glob(".*.part"))


def test_sigterm_ends_the_run_early_with_exit_3_and_publishes_what_it_stored(site: NewsSite, tmp_path: Path) -> None:
    """What `systemctl stop` does: Scrapy shuts down gracefully; the run says it ended early."""
    out = tmp_path / "out"
    site.article_delay = 0.5
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    run = subprocess.Popen(crawl_command(site, out, "-s", "CONCURRENT_REQUESTS=1"), stderr=subprocess.PIPE,
                           text=True, env=env)
    try:
        deadline = time.monotonic() + 60
        while len(site.article_requests()) < 2:
            assert time.monotonic() < deadline and run.poll() is None, "the crawl never got going"
            time.sleep(0.02)
        run.send_signal(signal.SIGTERM)
        _, err = run.communicate(timeout=60)
    finally:
        site.article_delay = 0
        if run.poll() is None:
            run.kill()
            run.communicate()
    assert run.returncode == 3, err
    assert "crawl ended early: shutdown" in err
    report = runs(out)[-1]
    assert report["finish_reason"] == "shutdown" and report["exit_status"] == 3
    stored = stored_urls(out)
    assert 0 < len(stored) < 5
    assert sorted(r["url"] for r in records(report["output"])) == stored


def test_interactive_run_shows_progress_and_a_cron_run_does_not(site: NewsSite, tmp_path: Path) -> None:
    import pty

    site.article_delay = 0.3
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    primary, secondary = pty.openpty()
    try:
        run = subprocess.Popen(crawl_command(site, tmp_path / "tty", "-s", "CONCURRENT_REQUESTS=1"),
                               stderr=secondary, stdout=subprocess.DEVNULL, env=env)
        os.close(secondary)
        shown = b""
        while True:
            try:
                chunk = os.read(primary, 4096)
            except OSError:  # the terminal closed: the run is over
                break
            if not chunk:
                break
            shown += chunk
        assert run.wait(timeout=60) == 0
    finally:
        os.close(primary)
    text = shown.decode()
    assert "\r\x1b[Knews: " in text and " pages, " in text and " records, " in text
    assert "newsclean crawl news: ok" in text

    piped = crawl(site, tmp_path / "pipe")
    assert "\x1b[K" not in piped.stderr and piped.stderr.count("\n") == 1


def test_tutorial_offline_command_crawls_rt_from_the_bundled_cassette(tmp_path: Path) -> None:
    """The tutorial's first crawl command, run as written from a fresh directory."""
    tutorial = (Path(__file__).resolve().parents[1] / "docs" / "tutorial.md").read_text(encoding="utf-8")
    section = tutorial[tutorial.index("## Crawl offline in one command"):]
    start = section.index("```sh\n") + 6
    command = section[start : section.index("\n```", start)].strip()
    assert command == "newsclean crawl rt --cassette fixtures/cassettes/rt.yaml"
    root = Path(__file__).resolve().parents[1]
    argv = [sys.executable, "-m", "newsclean.spiders.cli", *command.split()[1:]]
    argv[argv.index("fixtures/cassettes/rt.yaml")] = str(root / "fixtures/cassettes/rt.yaml")
    env = dict(os.environ, PYTHONWARNINGS="ignore")

    first = subprocess.run(argv, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert first.returncode == 0, first.stderr
    out = tmp_path / "out"
    report = runs(out)[-1]
    assert report["errors"] == 0 and report["articles"]["new"] >= 5
    got = {r["url"]: r for r in records(report["output"])}
    seed = got.get("https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/")
    assert seed is not None
    assert seed["headline"] == "Kremlin responds to report Putin offered to freeze Ukraine conflict"
    assert report["output"].startswith(str(out / "rt" / ""))

    again = subprocess.run(argv, capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert again.returncode == 0, again.stderr
    assert "0 new" in again.stderr and f"{len(got)} unchanged not refetched" in again.stderr
