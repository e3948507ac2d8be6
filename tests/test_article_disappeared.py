"""An article whose page is gone on a re-check (HTTP 404/410): recorded as a new version in both
stores, counted in the run report, shown by `newsclean store`; a page that comes back is a new
version again."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from newsclean.pipelines.article_store import ArticleStore, open_store
from newsclean.pipelines.store_query import diff, format_diff, format_records, recent

from .test_crawl import NewsSite, crawl, records, runs
from .test_store import FERRY, KREMLIN, rec

URL = "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/"


@pytest.fixture
def store(store_location: str) -> Any:
    with open_store(store_location) as s:
        yield s


def test_a_gone_page_is_a_new_version_that_says_since_when_and_why(store: ArticleStore) -> None:
    store.put(rec(URL, KREMLIN))
    store.put(rec("https://www.rt.com/news/1-ferry/", FERRY))
    assert store.mark_disappeared("https://nope.example/a", status=404) is None

    gone = store.mark_disappeared(URL + "?utm_source=rss", status=410, at="2026-03-05T10:00:00+00:00")
    assert gone is not None and (gone.status, gone.version) == ("disappeared", 2)
    latest = store.get(URL)
    assert latest is not None
    assert (latest["version"], latest["dateDisappeared"], latest["disappearedStatus"]) == (
        2, "2026-03-05T10:00:00+00:00", 410)
    assert latest["articleBody"] == KREMLIN  # the text as it was last seen is kept
    assert latest["cleaning"][0]["text"] == "Share this story"
    state = store.state(URL)
    assert state is not None and state.disappeared_at == "2026-03-05T10:00:00+00:00"
    assert store.counts()["disappeared"] == 1 and store.counts()["versions"] == 3

    # Gone again on the next re-check: no new version.
    again = store.mark_disappeared(URL, status=404)
    assert again is not None and (again.status, again.version) == ("still_disappeared", 2)

    # Listings say so.
    listed = "\n".join(format_records(recent(store)))
    assert "gone from the site since 2026-03-05T10:00:00+00:00 (HTTP 410)" in listed
    lines = list(format_diff(diff(store, URL)))
    assert lines[0] == f"{URL}: version 1 -> 2: 0 added, 0 removed, 0 edited paragraphs"
    assert '  dateDisappeared: null -> "2026-03-05T10:00:00+00:00"' in lines
    assert "  disappearedStatus: null -> 410" in lines

    # The page comes back with the same text: a new version, on the site again.
    back = store.put(rec(URL, KREMLIN))
    assert (back.status, back.version) == ("updated", 3)
    latest = store.get(URL)
    assert latest is not None and "dateDisappeared" not in latest and "disappearedStatus" not in latest
    state = store.state(URL)
    assert state is not None and state.disappeared_at is None
    assert store.counts()["disappeared"] == 0
    assert store.put(rec(URL, KREMLIN)).status == "unchanged"
    assert [v.get("disappearedStatus") for v in store.versions(URL)] == [None, 410, None]


def test_an_older_store_file_gains_the_columns(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "old.sqlite3"
    with ArticleStore.open(path) as store:
        store.put(rec(URL, KREMLIN))
    db = sqlite3.connect(path)  # as a store made before the columns existed
    db.executescript(
        "ALTER TABLE articles DROP COLUMN disappeared_at; ALTER TABLE articles DROP COLUMN disappeared_status;"
        # and before v4's quarantine digest
        "DROP INDEX quarantine_digest; ALTER TABLE quarantine DROP COLUMN digest;"
        "UPDATE schema_versions SET version = 2 WHERE component = 'articles';"
    )
    db.close()
    with ArticleStore.open(path) as store:
        assert store.mark_disappeared(URL, status=404) is not None
        assert store.get(URL)["disappearedStatus"] == 404  # type: ignore[index]


def test_a_recheck_that_finds_pages_gone_records_them_and_accounts_for_them(tmp_path: Path) -> None:
    out = tmp_path / "out"
    site = NewsSite()
    server = site.serve()
    import threading

    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        for n in range(1, 6):
            site.add_article(f"harbour-budget-story-{n}", f"Harbour budget story number {n}")
        recheck = ("-s", "NEWSCLEAN_RECHECK_INTERVAL=0")
        assert crawl(site, out).returncode == 0

        site.gone = {"/news/harbour-budget-story-2": 404, "/news/harbour-budget-story-4": 410}
        site.add_article("harbour-never-there", "Harbour never there")
        site.gone["/news/harbour-never-there"] = 404  # listed, never fetched: not an article that disappeared
        second = crawl(site, out, *recheck)
        assert second.returncode == 0, second.stderr
        report = runs(out)[-1]
        books = report["accounting"]
        assert books["disappeared"] == 2 and books["failed"] == {"http_404": 1}, books
        assert books["not_modified"] == 3
        assert report["articles"]["disappeared"] == 2 and report["errors"] == 0
        assert "2 gone from the site" in second.stderr
        with open_store(out / "newsclean.sqlite") as stored:
            two, four = (stored.get(site.url(f"harbour-budget-story-{n}")) for n in (2, 4))
            assert two is not None and (two["version"], two["disappearedStatus"]) == (2, 404)
            assert four is not None and (four["version"], four["disappearedStatus"]) == (2, 410)
            assert stored.get(site.url("harbour-budget-story-1"))["version"] == 1  # type: ignore[index]
            assert stored.get(site.url("harbour-never-there")) is None

        third = crawl(site, out, *recheck)  # still gone: counted, no new version
        assert third.returncode == 0, third.stderr
        books = runs(out)[-1]["accounting"]
        assert books["disappeared"] == 2 and runs(out)[-1]["output"] is None

        del site.gone["/news/harbour-budget-story-2"]  # back on the site
        fourth = crawl(site, out, *recheck)
        assert fourth.returncode == 0, fourth.stderr
        report = runs(out)[-1]
        assert report["articles"]["updated"] == 1 and report["accounting"]["disappeared"] == 1
        (back,) = records(report["output"])
        assert back["version"] == 3 and "dateDisappeared" not in back

        cli = [sys.executable, "-m", "newsclean.spiders.cli", "store"]
        where = ["--store", str(out / "newsclean.sqlite")]
        shown = subprocess.run([*cli, "recent", *where], capture_output=True, text=True, check=True).stdout
        assert shown.count("gone from the site since") == 1 and "(HTTP 410)" in shown
        stats = subprocess.run([*cli, "stats", *where], capture_output=True, text=True, check=True).stdout
        assert any(line.split() == ["disappeared", "1"] for line in stats.splitlines())
    finally:
        server.shutdown()
        server.server_close()
