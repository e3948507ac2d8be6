"""Live blogs (liveBlogUpdate) and reading versions: `newsclean store diff`."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from newsclean.cleaners import Article, LiveBlogUpdate, clean_html
from newsclean.pipelines.article_store import ArticleStore
from newsclean.pipelines.store_query import ArticleNotFound, diff, diff_records, format_diff

URL = "https://news.example.com/live/tram-strike"


def _entry(n: int) -> dict[str, str]:
    return {
        "@type": "BlogPosting",
        "headline": f"Update {n}: talks resume",
        "datePublished": f"2024-03-05T{8 + n:02d}:00:00+01:00",
        "articleBody": f"Union and city met again at {8 + n} o&#39;clock.\nNo deal yet, the union said in entry {n}.",
        "url": f"{URL}#entry-{n}",
    }


def _live_page(entries: int) -> str:
    blog = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": "Tram strike: live",
        "datePublished": "2024-03-05T08:00:00+01:00",
        "dateModified": f"2024-03-05T{8 + entries:02d}:00:00+01:00",
        "liveBlogUpdate": [_entry(n) for n in range(entries, 0, -1)],
    }
    posts = "".join(
        f"<div class='post'><h2>Update {n}: talks resume</h2><p>Union and city met again at {8 + n} o'clock and "
        f"talked for hours about wages, shifts and the new timetable. No deal yet, the union said in entry {n}.</p>"
        "</div>"
        for n in range(entries, 0, -1)
    )
    return (
        f"<html><head><script type='application/ld+json'>{json.dumps(blog)}</script></head>"
        f"<body><article><h1>Tram strike: live</h1><div class='entries'>{posts}</div></article></body></html>"
    )


def test_live_blog_page_yields_its_updates() -> None:
    article = clean_html(_live_page(3), url=URL)
    assert [u.headline for u in article.liveBlogUpdate] == [
        "Update 3: talks resume",
        "Update 2: talks resume",
        "Update 1: talks resume",
    ]
    first = article.liveBlogUpdate[0]
    assert first == LiveBlogUpdate(
        datePublished="2024-03-05T11:00:00+01:00",
        headline="Update 3: talks resume",
        articleBody="Union and city met again at 11 o'clock.\n\nNo deal yet, the union said in entry 3.",
        url=f"{URL}#entry-3",
    )
    again = Article.from_dict(json.loads(json.dumps(article.to_dict())))
    assert again.liveBlogUpdate == article.liveBlogUpdate


def test_a_live_blog_body_is_its_introduction_then_each_update_in_page_order() -> None:
    page = _live_page(3).replace(
        "<div class='entries'>",
        "<p class='intro'>Trams stand still across the city as drivers walk out over pay for the second time "
        "this month, and the union warns the strike may last all week.</p><div class='entries'>",
    ).replace("</h2>", "</h2><p class='time'>10:00</p><p>Share this update</p>")
    article = clean_html(page, url=URL, markdown=True)
    assert article.articleBody is not None
    paragraphs = article.articleBody.split("\n\n")
    assert paragraphs[0].startswith("Trams stand still across the city")
    assert paragraphs[1:] == [
        "Update 3: talks resume", "Union and city met again at 11 o'clock.", "No deal yet, the union said in entry 3.",
        "Update 2: talks resume", "Union and city met again at 10 o'clock.", "No deal yet, the union said in entry 2.",
        "Update 1: talks resume", "Union and city met again at 9 o'clock.", "No deal yet, the union said in entry 1.",
    ]
    assert "10:00" not in article.articleBody and "Share this update" not in article.articleBody
    assert article.articleBodyMarkdown is not None
    assert "\n\n## Update 2: talks resume\n\nUnion and city met again at 10 o'clock.\n\n" in article.articleBodyMarkdown
    assert article.articleBodyHtml is not None and "<h2>Update 1: talks resume</h2>" in article.articleBodyHtml
    assert "Share this update" not in article.articleBodyHtml


def test_one_update_is_an_article_with_a_timestamp_not_a_live_blog() -> None:
    article = clean_html(_live_page(1), url=URL)
    assert len(article.liveBlogUpdate) == 1
    assert "talked for hours about wages" in (article.articleBody or "")  # the page's own text


def test_recrawl_of_a_live_blog_adds_a_version_and_diff_shows_the_new_update(tmp_path: Path) -> None:
    store_path = tmp_path / "store.sqlite"
    store = ArticleStore.open(store_path)
    try:
        assert store.put(clean_html(_live_page(2), url=URL).to_dict()).version == 1
        assert store.put(clean_html(_live_page(2), url=URL).to_dict()).version == 1  # unchanged
        assert store.put(clean_html(_live_page(3), url=URL).to_dict()).version == 2
    finally:
        store.close()
    d = diff(store_path, URL)
    assert (d.old, d.new) == (1, 2)
    # The new entry: its heading and its two paragraphs, nothing else.
    assert [kind for kind, _, _ in d.changes] == ["added", "added", "added"]
    assert [new for _, _, new in d.changes] == [
        "Update 3: talks resume", "Union and city met again at 11 o'clock.", "No deal yet, the union said in entry 3."]
    assert d.fields["dateModified"] == ("2024-03-05T10:00:00+01:00", "2024-03-05T11:00:00+01:00")
    latest = json.loads(
        subprocess.run(
            [sys.executable, "-m", "newsclean.spiders.cli", "store", "show", URL, "--store", str(store_path)],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    )
    assert len(latest["liveBlogUpdate"]) == 3
    out = subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", "store", "diff", URL, "--store", str(store_path)],
        capture_output=True,
        text=True,
    )
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0] == f"{URL}: version 1 -> 2: 3 added, 0 removed, 0 edited paragraphs"
    assert any(line.startswith("+ Update 3: talks resume") for line in lines)
    with pytest.raises(ArticleNotFound, match="no version 7"):
        diff(store_path, URL, new=7)
    missing = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsclean.spiders.cli",
            "store",
            "diff",
            "https://nope.example/",
            "--store",
            str(store_path),
        ],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 1 and "not in" in missing.stderr


def test_diff_tells_edited_from_added_and_removed() -> None:
    body = "Same start.\n\nThe line opens in May, the mayor said.\n\nGone: the old ending of it."
    old = {"url": "u", "version": 1, "articleBody": body}
    new = {
        "url": "u",
        "version": 2,
        "articleBody": "Same start.\n\nThe line opens in June, the mayor said.\n\nA different close arrives.",
    }
    d = diff_records(old, new)
    assert d.changes == [
        ("edited", "The line opens in May, the mayor said.", "The line opens in June, the mayor said."),
        ("removed", "Gone: the old ending of it.", ""),
        ("added", "", "A different close arrives."),
    ]
    assert "~ The line opens in [-May,-] {+June,+} the mayor said." in list(format_diff(d))


def test_fundus_live_blogs(shared_data: Path) -> None:
    """The fundus live blogs (Express, Mirror) give their entries, each with time and text."""
    for name, least in (("uk/Express_2024_07_18.html.gz", 9), ("uk/TheMirror_2024_08_05.html.gz", 400)):
        page = gzip.decompress((shared_data / "fundus" / name).read_bytes())
        updates = clean_html(page, url="https://example.co.uk/live").liveBlogUpdate
        assert len(updates) >= least, name
        assert all(u.articleBody and u.datePublished for u in updates)
        assert all("&#" not in u.articleBody and "<" not in u.articleBody for u in updates)
        assert sum(1 for u in updates if u.headline) >= 0.9 * len(updates)


def test_fundus_live_blog_bodies_are_built_from_their_updates(shared_data: Path) -> None:
    """Each update the page shows is a headline paragraph then its text, in page order, and
    the body is closer to fundus's expected body (summary, intro, one section per update) than
    the run-on page text was (Express 0.770 -> 0.942, Mirror 0.908 -> 0.934 word-4-gram F1)."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from benchmarks.quality import fundus_pages
    from benchmarks.scoring import shingle_match

    floors = {"uk/Express_2024_07_18.html.gz": 0.93, "uk/TheMirror_2024_08_05.html.gz": 0.92}
    seen = set()
    for page in fundus_pages(shared_data / "fundus", None):
        if page.name not in floors:
            continue
        seen.add(page.name)
        article = clean_html(page.html, url=page.url or None)
        paragraphs = (article.articleBody or "").split("\n\n")
        shown = [u for u in article.liveBlogUpdate if u.headline in paragraphs]
        assert len(shown) >= 9, page.name
        at = [paragraphs.index(u.headline) for u in shown]  # type: ignore[arg-type]
        assert at == sorted(at), page.name  # page order
        for update, i in zip(shown, at, strict=True):
            assert paragraphs[i + 1] == update.articleBody.split("\n\n")[0], page.name
        updates = paragraphs[at[0] :]  # what the page shows between its updates is not among them
        assert not any(p in ("Video Loading", "Video Unavailable", "Click to play", "Share") for p in updates)
        tp, fp, fn = shingle_match(page.text, article.articleBody or "")
        assert 2 * tp / (2 * tp + fp + fn) >= floors[page.name], page.name
    assert seen == set(floors)
