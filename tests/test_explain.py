"""`newsclean explain` and `newsclean store explain`: the cleaning as one HTML page, checked in a
real headless browser (Debian's chromium, which .ci/run installs)."""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import lxml.html
import pytest
from newsclean.cleaners.explain import explain_page, explain_record, render_report

from .conftest import ROOT

PROSE = (
    "The council voted on Tuesday to extend the tram line to the harbour by two more stops, "
    "the mayor's office said on Wednesday."
)
PAGE = f"""<html><head><title>Tram line extended | City News</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Tram line extended to the harbour</h1>
<p>By Jane Doe</p>
<p>14 Feb, 2024 10:08</p>
<p>{PROSE}</p>
<div class="player"><span class="vjs-current-time-display">Current Time 0:00</span>
<span class="vjs-duration-display">Duration 3:15</span></div>
<p>{PROSE.replace("Tuesday", "Monday")}</p>
<p>Work on the new stops starts in spring and should end before the summer holidays, officials said.</p>
</article>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Harbour festival returns</a></li>
<li><a href="/b">Bridge closed for repairs</a></li></ul></aside>
<footer><p>City News · Contact · Imprint · Privacy</p></footer></body></html>"""


def _report() -> tuple[str, lxml.html.HtmlElement]:
    article, blocks = explain_page(PAGE, url="https://news.example.com/tram")
    text = render_report(article, blocks, source="tram.html")
    return text, lxml.html.fromstring(text)


def test_report_shows_kept_text_and_every_removal_in_place() -> None:
    text, doc = _report()
    assert "<script" not in text and "http://" not in text.split("<main")[0].replace("http://www.w3.org", "")
    main = doc.get_element_by_id("article")
    removed = main.cssselect(".removed")
    by_cleaner = {el.get("data-cleaner"): el for el in removed}
    # The player's time text, struck through in place, with the cleaner and its reason on hover.
    player = next(el for el in removed if "Current Time" in el.text_content())
    assert player.get("data-cleaner") == "media_players"
    assert player.get("title", "").startswith("media_players: removed: ")
    assert player.cssselect("del")
    # The date line above the text goes too, with its own cleaner's reason.
    date = next(el for el in removed if "14 Feb, 2024" in el.text_content())
    assert date.get("title", "").startswith(date.get("data-cleaner") + ": ")
    # Kept paragraphs are plain text in page order, around the removals.
    paragraphs = [el for el in main if el.tag == "p" and "removed" not in (el.get("class") or "")]
    kept = [el.text_content() for el in paragraphs]
    assert kept[0] == PROSE and "Monday" in kept[1]
    order = [el.text_content() for el in main]
    assert order.index(next(t for t in order if "Current Time" in t)) == order.index(PROSE) + 1
    # One summary row per cleaner that removed something, with its count.
    rows = {tr.get("data-cleaner"): tr for tr in doc.cssselect("#summary tr[data-cleaner]")}
    assert set(rows) == set(by_cleaner)
    assert rows["media_players"].cssselect("td")[1].text_content() == str(
        sum(1 for el in removed if el.get("data-cleaner") == "media_players")
    )


def test_left_out_regions_are_shown_in_place_in_page_order() -> None:
    _, doc = _report()
    main = doc.get_element_by_id("article")
    order = [(el.get("data-action") or "kept", " ".join(el.text_content().split())) for el in main]
    regions = [(i, text) for i, (action, text) in enumerate(order) if action == "left-out"]
    first_kept = next(i for i, (action, _) in enumerate(order) if action == "kept")
    last_kept = max(i for i, (action, _) in enumerate(order) if action == "kept")
    nav = next(i for i, text in regions if "Home News" in text)
    sidebar = next(i for i, text in regions if "Most read" in text)
    footer = next(i for i, text in regions if "Imprint" in text)
    assert nav < first_kept and last_kept < sidebar < footer  # where they are on the page, not on top
    box = main[sidebar]
    assert box.tag == "div" and box.get("data-cleaner") == "main-content"
    assert box.get("title", "").startswith("main-content: left-out: sidebar: ")
    assert "left out: sidebar" in box.cssselect(".tag")[0].text_content()
    # The summary per cleaner stays at the top, main-content's regions counted there too.
    rows = {tr.get("data-cleaner") for tr in doc.cssselect("#summary tr[data-cleaner]")}
    assert "main-content" in rows and doc.get_element_by_id("summary").getparent().tag == "header"


def test_store_record_report_places_removals_by_block() -> None:
    record = {
        "url": "https://news.example.com/tram",
        "headline": "Tram",
        "articleBody": "First kept.\n\nSecond kept.",
        "cleaning": [
            {"cleaner": "edges", "action": "removed", "text": "Home News", "reason": "furniture", "block": 0},
            {"cleaner": "media_players", "action": "removed", "text": "0:00", "reason": "player", "block": 2},
        ],
    }
    blocks = explain_record(record)
    assert [(b.text, b.cleaner) for b in blocks] == [
        ("Home News", "edges"),
        ("First kept.", None),
        ("0:00", "media_players"),
        ("Second kept.", None),
    ]
    assert "<del>0:00</del>" in render_report(record, blocks)


def test_cli_explain_writes_the_report(tmp_path: Path) -> None:
    page = tmp_path / "tram.html"
    page.write_text(PAGE, encoding="utf-8")
    report = tmp_path / "report.html"
    done = subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", "explain", str(page), "--html", str(report)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert "Current Time 0:00" in report.read_text(encoding="utf-8")
    missing = subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", "explain", str(tmp_path / "nope.html")],
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 1 and "nope.html: no such file" in missing.stderr


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing: .ci/run installs Debian's chromium")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return found


def _browser(binary: str, *args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="newsclean-chromium-") as profile:
        flags = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            f"--user-data-dir={profile}",
        ]  # fmt: skip
        return subprocess.run([binary, *flags, *args], capture_output=True, text=True, timeout=120)


def test_report_in_a_real_browser(tmp_path: Path) -> None:
    """Chromium loads the report from a file: the kept and the removed text are in its DOM, the
    removals inside <del> with their reasons; a screenshot is kept in build/ to look at."""
    binary = _chromium()
    data_page = ROOT.parent / "shared" / "data" / "fundus" / "de" / "NTV_2025_12_12.html.gz"
    if data_page.exists():
        article, blocks = explain_page(gzip.decompress(data_page.read_bytes()), url="https://www.n-tv.de/")
        source = data_page.name
    else:
        article, blocks = explain_page(PAGE, url="https://news.example.com/tram")
        source = "tram.html"
    report = tmp_path / "report.html"
    report.write_text(render_report(article, blocks, source=source), encoding="utf-8")
    dom = _browser(binary, "--dump-dom", report.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    tree = lxml.html.fromstring(dom.stdout)
    kept = [b for b in blocks if b.cleaner is None]
    removed = [b for b in blocks if b.cleaner is not None and b.kept_text is None]
    assert kept and removed
    main_text = " ".join(tree.get_element_by_id("article").text_content().split())
    assert " ".join(kept[0].text.split()) in main_text
    dels = [" ".join(d.text_content().split()) for d in tree.cssselect("#article .removed del")]
    assert " ".join(removed[0].text.split()) in dels
    titles = [el.get("title") for el in tree.cssselect("#article .removed")]
    assert all(t and ": " in t for t in titles)
    # The left-out regions in place: one before the first kept paragraph (the site's navigation),
    # one after the last (its footer), each a box with its reason on hover.
    children = list(tree.get_element_by_id("article"))
    actions = [el.get("data-action") or "kept" for el in children]
    first_kept, last_kept = actions.index("kept"), len(actions) - 1 - actions[::-1].index("kept")
    assert "left-out" in actions[:first_kept] and "left-out" in actions[last_kept:]
    assert all(children[i].get("title", "").startswith("main-content: left-out: ") for i, a in enumerate(actions)
               if a == "left-out")
    shot = ROOT / "build" / "explain-report.png"
    shot.parent.mkdir(exist_ok=True)
    shot.unlink(missing_ok=True)
    done = _browser(binary, f"--screenshot={shot}", "--window-size=1200,1800", "--hide-scrollbars", report.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert shot.stat().st_size > 10_000
