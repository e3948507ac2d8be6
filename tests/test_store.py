"""The SQLite article store: upsert with versions, provenance, full-text search, export, other
components' tables, and the `newsclean store` command."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from newsclean.cleaners.normalize import normalize_record
from newsclean.pipelines.article_store import ArticleStore, StoreError, open_store
from newsclean.spiders.cli import main as cli_main

KREMLIN = (
    "A media report suggesting that Russian President Vladimir Putin reached out to the US with an offer to "
    "freeze the Ukraine conflict is false, Kremlin press secretary Dmitry Peskov has said.\n\n"
    "When asked by journalists on Wednesday about the report, Peskov responded: “No, this is not true.”"
)
FERRY = (
    "The ferry between the two islands will run every hour from next week, the operator said, after the "
    "repair of its second vessel was completed ahead of schedule.\n\nFares stay the same."
)


def rec(url: str, body: str, **fields: Any) -> dict[str, Any]:
    return normalize_record({
        "url": url, "headline": body.split(",")[0][:60], "articleBody": body, "site": "rt",
        "cleaning": [{"cleaner": "prompts", "action": "removed", "text": "Share this story", "reason": "a share prompt",
                      "block": 7}],
        **fields,
    })


@pytest.fixture
def store(store_location: str) -> Any:
    """An open store of each back-end (SQLite, then PostgreSQL)."""
    with open_store(store_location) as s:
        yield s


def test_upsert_keeps_every_version_and_only_changes_make_one(store: ArticleStore) -> None:
    url = "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/"
    first = rec(url, KREMLIN, datePublishedRaw="2024-02-14T10:08:00+00:00")
    assert store.put(first).status == "new"
    assert store.put(first).status == "unchanged"
    edited = rec(url, KREMLIN + "\n\nThis article was updated.", datePublishedRaw="2024-02-14T10:08:00+00:00")
    result = store.put(edited)
    assert (result.status, result.version) == ("updated", 2)
    modified = {**edited, "dateModified": "2024-02-15T08:00:00+00:00"}
    assert store.put(modified).version == 3

    latest = store.get(url + "?utm_source=twitter#comments")  # a URL as shared still finds it
    assert latest is not None and latest["version"] == 3 and latest["dateModified"] == "2024-02-15T08:00:00+00:00"
    assert [v["version"] for v in store.versions(url)] == [1, 2, 3]
    assert store.versions(url)[0]["articleBody"] == KREMLIN
    assert store.counts() == {"articles": 1, "versions": 3, "duplicates": 0, "near_duplicates": 0, "quarantined": 0,
                              "disappeared": 0}


def test_cleaning_provenance_is_queryable(store: ArticleStore) -> None:
    store.put(rec("https://ex.com/a", KREMLIN))
    rows = store.connection.execute("SELECT cleaner, action, text, reason FROM cleaning_steps").fetchall()
    assert [tuple(r) for r in rows] == [("prompts", "removed", "Share this story", "a share prompt")]


def test_full_text_search_finds_words_phrases_and_survives_odd_queries(store: ArticleStore) -> None:
    store.put(rec("https://ex.com/kremlin", KREMLIN))
    store.put(rec("https://ex.com/ferry", FERRY, site="gazette"))
    assert [h.key for h in store.search("kremlin")] == ["https://ex.com/kremlin"]
    assert [h.key for h in store.search('"second vessel"')] == ["https://ex.com/ferry"]
    assert [h.key for h in store.search("peskóv")] == ["https://ex.com/kremlin"]  # diacritics folded
    assert store.search("kremlin", site="gazette") == []
    (hit,) = store.search("journalists")
    assert "[journalists]" in hit.snippet
    assert [h.key for h in store.search('co-op "islands')] == []  # not FTS syntax: searched as words
    # An edited article is found by its new text only.
    store.put(rec("https://ex.com/ferry", FERRY.replace("every hour", "twice a day"), site="gazette"))
    assert store.search('"every hour"') == [] and len(store.search('"twice a day"')) == 1


def test_recent_by_site_and_export(store: ArticleStore) -> None:
    store.put(rec("https://ex.com/old", KREMLIN, datePublishedRaw="2024-02-14T10:08:00+03:00"))
    store.put(rec("https://ex.com/new", FERRY, datePublishedRaw="2024-02-14T09:00:00+00:00", site="gazette"))
    # 09:00 UTC is later than 10:08 in Moscow (07:08 UTC): sorted by the moment, not the text.
    assert [r["url"] for r in store.recent()] == ["https://ex.com/new", "https://ex.com/old"]
    assert [r["url"] for r in store.recent(site="rt")] == ["https://ex.com/old"]
    assert [r["url"] for r in store.recent(since="2024-02-14T08:00:00+00:00")] == ["https://ex.com/new"]
    store.put(rec("https://ex.com/new", FERRY + " Updated.", datePublishedRaw="2024-02-14T09:00:00+00:00"))
    out = io.StringIO()
    assert store.export_jsonl(out) == 2
    assert [(r["url"], r["version"]) for r in map(json.loads, out.getvalue().splitlines())] == [
        ("https://ex.com/old", 1), ("https://ex.com/new", 2)]
    out = io.StringIO()
    assert store.export_jsonl(out, all_versions=True) == 3
    with pytest.raises(StoreError, match="'yesterday' is not an ISO 8601 date"):
        store.recent(since="yesterday")


def test_other_components_keep_their_tables_in_the_same_file(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    with ArticleStore.open(path) as store:
        steps = ["CREATE TABLE seen_urls (url TEXT PRIMARY KEY, seen_at TEXT)",
                 "ALTER TABLE seen_urls ADD COLUMN etag TEXT"]
        assert store.migrate("runs", steps[:1]) == 1
        with store.transaction() as conn:
            conn.execute("INSERT INTO seen_urls VALUES ('https://ex.com/a', '2024-01-01')")
        store.put(rec("https://ex.com/a", KREMLIN))
    with ArticleStore.open(path) as store:
        assert store.migrate("runs", steps) == 2  # only the new step runs
        rows = store.connection.execute("SELECT url, etag FROM seen_urls").fetchall()
        assert [tuple(r) for r in rows] == [("https://ex.com/a", None)]
        assert store.counts()["articles"] == 1
        with pytest.raises(sqlite3.IntegrityError), store.transaction() as conn:
            conn.execute("INSERT INTO seen_urls VALUES ('https://ex.com/b', 'x', NULL)")
            conn.execute("INSERT INTO seen_urls VALUES ('https://ex.com/b', 'x', NULL)")
        assert store.connection.execute("SELECT count(*) FROM seen_urls").fetchone()[0] == 1  # rolled back
        with pytest.raises(StoreError, match="runs tables are at version 2, newer than this newsclean knows"):
            store.migrate("runs", steps[:1])


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path: Path) -> None:
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database " * 100)
    with pytest.raises(StoreError, match=r"notes\.txt: cannot open the article store"):
        ArticleStore.open(junk)
    with pytest.raises(StoreError, match=r"missing\.sqlite3: no article store here"):
        ArticleStore.open(tmp_path / "missing.sqlite3", create=False)


def test_store_command(
    store_location: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = store_location
    with open_store(path) as store:
        store.put(rec("https://ex.com/kremlin", KREMLIN, datePublishedRaw="2024-02-14T10:08:00+00:00"))
        store.put(rec("https://ex.com/ferry", FERRY, site="gazette", duplicateOf="https://ex.com/boat"))
        store.quarantine({"url": "https://ex.com/empty", "cleaning": []}, ["no_headline: the record has no headline"])

    assert cli_main(["store", "recent", "--store", str(path)]) == 0
    out = capsys.readouterr().out
    assert "2024-02-14T10:08:00+00:00  rt  v1  A media report suggesting that Russian President Vladimir" in out
    assert "https://ex.com/ferry  [duplicate of https://ex.com/boat]" in out

    monkeypatch.setenv("NEWSCLEAN_STORE", str(path))  # the setting's name works as the default
    assert cli_main(["store", "recent", "--site", "gazette", "--format", "jsonl"]) == 0
    (line,) = capsys.readouterr().out.splitlines()
    assert json.loads(line)["url"] == "https://ex.com/ferry"

    assert cli_main(["store", "search", "--store", str(path), "Peskov"]) == 0
    out = capsys.readouterr().out
    assert "https://ex.com/kremlin" in out and "[Peskov]" in out and "ferry" not in out

    assert cli_main(["store", "show", "https://ex.com/kremlin?utm_source=x"]) == 0
    assert json.loads(capsys.readouterr().out)["articleBody"] == KREMLIN
    assert cli_main(["store", "show", "https://ex.com/nothing"]) == 1
    assert "https://ex.com/nothing: not in" in capsys.readouterr().err

    target = tmp_path / "export.jsonl"
    assert cli_main(["store", "export", "-o", str(target)]) == 0
    assert "wrote 2 records" in capsys.readouterr().err
    assert [json.loads(x)["url"] for x in target.read_text().splitlines()] == ["https://ex.com/kremlin",
                                                                              "https://ex.com/ferry"]
    assert cli_main(["store", "quarantine"]) == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["    no_headline: the record has no headline"]
    assert cli_main(["store", "stats"]) == 0
    assert "articles         2" in capsys.readouterr().out

    monkeypatch.delenv("NEWSCLEAN_STORE")
    monkeypatch.chdir(tmp_path)  # no NEWSCLEAN_STORE: the store newsclean crawl keeps, out/newsclean.sqlite
    assert cli_main(["store", "recent"]) == 2
    assert "out/newsclean.sqlite: no article store here" in capsys.readouterr().err
    assert cli_main(["store", "recent", "--store", str(tmp_path / "none.sqlite3")]) == 2
    assert "none.sqlite3: no article store here" in capsys.readouterr().err


def test_records_not_normalised_upstream_still_get_versions_right(store: ArticleStore) -> None:
    raw = {"url": "https://ex.com/raw", "headline": "H", "articleBody": KREMLIN, "cleaning": []}
    assert store.put(raw).status == "new"
    assert store.put(raw).status == "unchanged"
    assert store.put({**raw, "articleBody": FERRY}).status == "updated"


def test_store_queries_as_a_library(store_location: str, tmp_path: Path) -> None:
    from newsclean.pipelines import store_query as query

    path = store_location
    with open_store(path) as store:
        store.put(rec("https://ex.com/kremlin", KREMLIN, datePublishedRaw="2024-02-14T10:08:00+00:00"))
        store.put(rec("https://ex.com/ferry", FERRY, site="gazette", datePublishedRaw="2024-02-13T09:00:00+00:00"))
        store.put(rec("https://ex.com/ferry", FERRY + " Updated.", site="gazette",
                      datePublishedRaw="2024-02-13T09:00:00+00:00"))
        store.quarantine({"url": None, "cleaning": []}, ["no_headline: the record has no headline"])

    # Rows and dicts, from a path (opened and closed for the call) or from an open store.
    assert [r["url"] for r in query.recent(path)] == ["https://ex.com/kremlin", "https://ex.com/ferry"]
    with open_store(path, create=False) as store:
        assert [r["url"] for r in query.recent(store, site="gazette")] == ["https://ex.com/ferry"]
        assert query.stats(store)["versions"] == 3
    (hit,) = query.search(path, "Peskov")
    assert hit.record["url"] == "https://ex.com/kremlin" and "[Peskov]" in hit.snippet
    assert [r["version"] for r in query.show(path, "https://ex.com/ferry", versions=True)] == [1, 2]
    (latest,) = query.show(path, "https://ex.com/ferry?utm_source=x")
    assert latest["version"] == 2
    with pytest.raises(query.ArticleNotFound, match=r"https://ex.com/nothing: not in .*(store\.sqlite3|test_)"):
        query.show(path, "https://ex.com/nothing")
    out = io.StringIO()
    assert query.export(path, out, all_versions=True) == 3
    assert query.export_file(path, tmp_path / "all.jsonl", site="gazette") == 1
    assert json.loads((tmp_path / "all.jsonl").read_text())["version"] == 2
    (entry,) = query.quarantined(path)
    assert entry["reasons"] == ["no_headline: the record has no headline"]

    # The formatters give the command's lines.
    lines = list(query.format_records(query.recent(path, limit=1)))
    assert lines == ["2024-02-14T10:08:00+00:00  rt  v1  A media report suggesting that Russian President Vladimir Pu"
                     "\n    https://ex.com/kremlin"]
    assert json.loads(next(query.format_records(query.recent(path, limit=1), fmt="jsonl")))["version"] == 1
    assert next(query.format_hits([hit])).endswith("\n    " + hit.snippet)
    assert list(query.format_quarantine([entry]))[1:] == ["    no_headline: the record has no headline"]
    assert "articles         2" in list(query.format_stats(query.stats(path)))
    assert json.loads("\n".join(query.format_shown([latest])))["articleBody"] == FERRY + " Updated."


def damaged_copy(tmp_path: Path) -> Path:
    """A store whose middle pages were overwritten (a disk or copy error): it opens, and
    queries fail half-way."""
    path = tmp_path / "damaged.sqlite3"
    with ArticleStore.open(path) as store:
        for n in range(120):
            store.put(rec(f"https://ex.com/story-{n}", f"{FERRY} Story {n}: " + "harbour news " * 150))
    data = bytearray(path.read_bytes())
    page = 4096
    pages = len(data) // page
    for number in range(pages // 3, 2 * pages // 3):
        data[number * page + 8:(number + 1) * page] = b"\x5a" * (page - 8)
    path.write_bytes(bytes(data))
    return path


def test_bad_store_input_is_one_clear_line_and_a_failing_exit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "notes.sqlite3"
    text.write_text("these are not the bytes of an SQLite file\n" * 20)
    empty = tmp_path / "empty.sqlite3"
    empty.write_bytes(b"")
    other = tmp_path / "other-app.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.close()
    untouched = {path: path.read_bytes() for path in (text, empty, other)}
    damaged = damaged_copy(tmp_path)
    cases = [
        (tmp_path / "absent.sqlite3", "absent.sqlite3: no article store here"),
        (text, "notes.sqlite3: cannot open the article store: file is not a database"),
        (empty, "empty.sqlite3: not an article store"),
        (other, "other-app.sqlite3: not an article store"),
        (damaged, "damaged.sqlite3: cannot read the article store: database disk image is malformed"),
    ]
    for path, message in cases:
        for action in (["recent", "--limit", "500"], ["stats"], ["show", "https://ex.com/story-60"], ["export"]):
            assert cli_main(["store", *action, "--store", str(path)]) == 2, (path, action)
            err = capsys.readouterr().err
            assert err.count("\n") == 1 and message in err, (path, action, err)
    # Nothing was written to files that are not stores.
    assert {path: path.read_bytes() for path in untouched} == untouched
    # A failed export leaves yesterday's export file as it was.
    earlier = tmp_path / "export.jsonl"
    earlier.write_text('{"url": "https://ex.com/yesterday"}\n')
    for path in (tmp_path / "absent.sqlite3", damaged):
        assert cli_main(["store", "export", "--store", str(path), "-o", str(earlier)]) == 2
        assert capsys.readouterr().err.count("\n") == 1
        assert earlier.read_text() == '{"url": "https://ex.com/yesterday"}\n'
        assert sorted(p.name for p in tmp_path.glob("export*")) == ["export.jsonl"]

    good = tmp_path / "good.sqlite3"
    with ArticleStore.open(good) as store:
        store.put(rec("https://ex.com/kremlin", KREMLIN))
    assert cli_main(["store", "show", "https://ex.com/no-such-story", "--store", str(good)]) == 1
    err = capsys.readouterr().err
    assert err == f"newsclean store: https://ex.com/no-such-story: not in {good}\n"


def test_a_page_quarantined_again_keeps_one_row(store: ArticleStore) -> None:
    # A run killed after quarantining a page left its row; the next run fetched the page again
    # and added a second, identical one (and so on, one per killed run).
    record = {"url": "https://ex.com/empty", "articleBody": "too short", "dateDownloaded": "2024-03-01T10:00:00+00:00"}
    first = store.quarantine(record, ["too_short: 2 words"])
    again = store.quarantine(dict(record, dateDownloaded="2024-03-02T10:00:00+00:00"), ["too_short: 2 words"])
    assert again == first
    assert store.counts()["quarantined"] == 1
    (row,) = store.quarantined()
    assert row["stored_at"] >= "2024"
    # Other reasons or other content are other rows.
    assert store.quarantine(record, ["no_headline: the record has no headline"]) != first
    assert store.quarantine(dict(record, articleBody="still too short"), ["too_short: 3 words"]) != first
    assert store.counts()["quarantined"] == 3


def test_an_older_store_file_gains_one_row_quarantine(tmp_path: Path) -> None:
    from newsclean.pipelines import article_store

    path = tmp_path / "old.sqlite"
    old = ArticleStore.open(path)
    old.connection.execute("DROP INDEX quarantine_digest")
    old.connection.execute("ALTER TABLE quarantine DROP COLUMN digest")
    old.connection.execute(
        "UPDATE schema_versions SET version = ? WHERE component = 'articles'", (len(article_store._SCHEMA) - 1,)
    )
    old.connection.execute(
        "INSERT INTO quarantine (url, reasons, record, stored_at) VALUES ('https://ex.com/a', '[]', '{}', 'x')"
    )
    old.close()
    store = ArticleStore.open(path)
    assert store.connection.execute("SELECT version FROM schema_versions WHERE component = 'articles'").fetchone()[
        0
    ] == len(article_store._SCHEMA)
    record = {"url": "https://ex.com/a"}
    assert store.quarantine(record, ["r"]) == store.quarantine(record, ["r"])
    assert store.counts()["quarantined"] == 2
    store.close()


def test_a_search_past_its_bounds_is_a_clear_error(
    store: ArticleStore, store_location: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import time

    from newsclean.pipelines.article_store import MAX_SEARCH_PREFIXES, MAX_SEARCH_TERMS

    store.put(rec("https://ex.com/kremlin", KREMLIN))
    store.put(rec("https://ex.com/ferry", FERRY, site="gazette"))
    started = time.monotonic()
    # 2,000 prefix terms ran for minutes.
    with pytest.raises(StoreError, match="at most 1000"):
        store.search(" ".join(f"a{i}*" for i in range(2000)))
    with pytest.raises(StoreError, match=f"of 20 prefix terms \\(word\\*\\): at most {MAX_SEARCH_PREFIXES}"):
        store.search(" ".join(f"k{i}*" for i in range(20)))
    with pytest.raises(StoreError, match=f"of 40 terms: at most {MAX_SEARCH_TERMS}"):
        store.search(" OR ".join(["kremlin"] * 40))
    assert time.monotonic() - started < 30
    # Within the bounds a query still searches.
    assert [h.key for h in store.search(" OR ".join(["kreml*"] * MAX_SEARCH_PREFIXES))] == ["https://ex.com/kremlin"]
    store.close()
    assert cli_main(["store", "--store", store_location, "search", " ".join(f"a{i}*" for i in range(2000))]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "at most 1000 are searched" in err
