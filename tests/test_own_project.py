"""newsclean inside a Scrapy project of a user's own: its settings, its pipelines, its spider."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from newsclean.cleaners import clean_html
from newsclean.cleaners.normalize import count_words

from .conftest import ROOT

SITE = ROOT / "fixtures" / "sites" / "rt"
CASSETTE = ROOT / "fixtures" / "cassettes" / "rt.yaml"
PAGES = {
    "as_response": "russia/592418-kremlin-denies-talks-freezing/",
    "as_bytes": "news/592436-antarctic-station-ice-core/",
    "as_text": "business/592441-rail-freight-volumes-january/",
    "as_document": "sport/592452-cross-country-skiing-relay/",
}

SETTINGS = """
BOT_NAME = "myproject"
SPIDER_MODULES = ["myproject.spiders"]
ROBOTSTXT_OBEY = False
TELNETCONSOLE_ENABLED = False
REMOTE_CONTROL_ENABLED = False
ITEM_PIPELINES = {{"myproject.pipelines.Stamp": 900}}  # the project's own: kept beside newsclean's
ADDONS = {{"newsclean.spiders.addon.NewscleanAddon": 0}}
NEWSCLEAN_CASSETTE = {cassette!r}
NEWSCLEAN_MIN_WORDS = 30
"""

PIPELINES = '''
class Stamp:
    """The project's own pipeline, after newsclean's stages."""

    def process_item(self, item):
        item["stampedBy"] = "myproject"
        return item
'''

SPIDER = '''
import scrapy
from newsclean.cleaners.html import extract_html
from newsclean.cleaners.site import profile_for_url

BASE = "https://www.rt.com/"
PAGES = {pages!r}


class Pages(scrapy.Spider):
    """Yields each page a different way: every one must come out a clean record."""

    name = "pages"

    async def start(self):
        for callback, path in PAGES.items():
            yield scrapy.Request(BASE + path, callback=getattr(self, callback))

    def as_response(self, response):
        yield response

    def as_bytes(self, response):
        yield {{"url": response.url, "html": response.body}}

    def as_text(self, response):
        yield {{"url": response.url, "html": response.text}}
        short = "<html><body><h1>Short</h1><p>Too short to be an article.</p></body></html>"
        yield {{"url": BASE + "news/1-short/", "html": short}}

    def as_document(self, response):
        yield extract_html(response.body, url=response.url, site=profile_for_url(response.url))
'''


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "myproject"
    (root / "myproject" / "spiders").mkdir(parents=True)
    (root / "scrapy.cfg").write_text("[settings]\ndefault = myproject.settings\n")
    (root / "myproject" / "__init__.py").write_text("")
    (root / "myproject" / "settings.py").write_text(SETTINGS.format(cassette=str(CASSETTE)))
    (root / "myproject" / "pipelines.py").write_text(PIPELINES)
    (root / "myproject" / "spiders" / "__init__.py").write_text("")
    (root / "myproject" / "spiders" / "pages.py").write_text(textwrap.dedent(SPIDER.format(pages=PAGES)))
    return root


def test_a_project_of_its_own_gets_clean_normalised_records(project: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCRAPY_")}
    env["PYTHONPATH"] = str(project)
    done = subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "pages", "-O", "out.jsonl", "-s", "LOG_LEVEL=INFO"],
        cwd=project, capture_output=True, text=True, env=env, timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    records = {r["url"]: r for r in map(json.loads, (project / "out.jsonl").read_text().splitlines())}
    assert set(records) == {"https://www.rt.com/" + path for path in PAGES.values()}
    for callback, path in PAGES.items():
        record = records["https://www.rt.com/" + path]
        assert record["stampedBy"] == "myproject", callback  # the project's own pipeline ran too
        page = (SITE / path / "index.html").read_bytes()
        library = clean_html(page, url=record["url"]).to_dict()
        # Clean and normalised, and the same record the library makes of the page.
        assert "icon bookmark" not in record["articleBody"] and "0:00" not in record["articleBody"], callback
        assert record["site"] == "rt" and record["datePublished"].endswith("+00:00"), callback
        assert record["wordCount"] == count_words(record["articleBody"]) and record["fingerprint"], callback
        assert record["dateDownloaded"] and record["version"] == 1, callback
        ignored = {"source", "dateDownloaded", "version", "stampedBy"}
        assert {k: v for k, v in record.items() if k not in ignored} == {
            k: v for k, v in library.items() if k not in ignored
        }, callback
    # The add-on's defaults apply: the short page is quarantined with its reason, not lost.
    (quarantined,) = map(json.loads, (project / "quarantine.jsonl").read_text().splitlines())
    assert quarantined["record"]["url"] == "https://www.rt.com/news/1-short/"
    assert any(reason.startswith("body_too_short") for reason in quarantined["reasons"])


def test_the_addon_merges_into_a_project_s_component_settings() -> None:
    from newsclean.spiders.addon import NewscleanAddon
    from scrapy.settings import Settings

    settings = Settings()
    OWN = "scrapy.pipelines.files.FilesPipeline"  # stands for a pipeline of the project's own
    settings.setdict(
        {
            "ITEM_PIPELINES": {OWN: 900, "newsclean.pipelines.dedupe.DedupePipeline": None},
            "NEWSCLEAN_MIN_WORDS": 5,
        },
        priority="project",
    )
    NewscleanAddon().update_settings(settings)
    pipelines = settings.getdict("ITEM_PIPELINES")
    assert pipelines[OWN] == 900
    assert pipelines["newsclean.pipelines.clean.CleanPipeline"] == 100
    assert pipelines["newsclean.pipelines.dedupe.DedupePipeline"] is None  # the project turned it off
    assert settings.getint("NEWSCLEAN_MIN_WORDS") == 5  # the project's value wins
    assert settings.get("NEWSCLEAN_QUARANTINE") == "quarantine.jsonl"  # defaults fill the rest
    assert "newsclean.spiders.incremental.IncrementalSpiderMiddleware" in settings.getdict("SPIDER_MIDDLEWARES")


def _scrapy_crawl(project: Path, *settings: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCRAPY_")}
    env["PYTHONPATH"] = str(project)
    args = [arg for setting in settings for arg in ("-s", setting)]
    return subprocess.run(
        [sys.executable, "-m", "scrapy", "crawl", "pages", "-s", "LOG_LEVEL=INFO", *args],
        cwd=project, capture_output=True, text=True, env=env, timeout=300,
    )


def test_scrapy_crawl_writes_the_run_report_output_and_store(project: Path) -> None:
    """Under plain `scrapy crawl` (as Scrapyd runs it) the add-on keeps the store, writes the
    run's records file and appends a judged run report to the runs log and the store."""
    from newsclean.pipelines.article_store import open_store

    settings = ("NEWSCLEAN_STORE=store.sqlite3", "NEWSCLEAN_RUNS_LOG=runs.jsonl", "NEWSCLEAN_RUN_OUTPUT=run.jsonl")
    first = _scrapy_crawl(project, *settings)
    assert first.returncode == 0, first.stderr[-3000:]
    assert "run report of pages: ok" in first.stderr
    (report,) = map(json.loads, (project / "runs.jsonl").read_text().splitlines())
    assert report["spider"] == "pages" and report["status"] == "ok" and report["exit_status"] == 0
    assert report["articles"]["new"] == 4 and report["articles"]["quarantined"] == 1
    assert report["output"] == "run.jsonl" and report["store"] == "store.sqlite3"
    written = [json.loads(line)["url"] for line in (project / "run.jsonl").read_text().splitlines()]
    assert sorted(written) == sorted("https://www.rt.com/" + path for path in PAGES.values())
    with open_store(project / "store.sqlite3") as store:
        assert store.counts()["articles"] == 4
        assert [r["run"] for r in store.run_reports()] == [report["run"]]

    second = _scrapy_crawl(project, *settings)  # the same pages again
    assert second.returncode == 0, second.stderr[-3000:]
    reports = list(map(json.loads, (project / "runs.jsonl").read_text().splitlines()))
    assert len(reports) == 2 and reports[1]["articles"]["new"] == 0
    # Incremental crawling works under scrapy crawl too: the stored pages are not fetched again.
    assert reports[1]["skipped_unchanged"] == 4 and reports[1]["pages_fetched"] == 0
    assert reports[1]["accounting"]["discovered"] is None  # the project's spider counts no discoveries

