"""The real rt.com page: the article body and date, with and without rt.com's site profile."""

from __future__ import annotations

import gzip
import json
import re
import sys
from pathlib import Path

import pytest
from newsclean.cleaners import Article, clean_html
from newsclean.spiders.sites import get_profile

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.scoring import score_page, summarise  # noqa: E402

RT = ROOT.parent / "shared" / "data" / "rt"
BOILERPLATE = ("Like this story", "Also on rt.com", "Get short URL", "Follow RT on", "Trends:")


def _page() -> tuple[Path, bytes, dict[str, str]]:
    pages = sorted(RT.glob("*.html.gz")) if RT.is_dir() else []
    if not pages:
        pytest.skip("../shared/data/rt is not present")
    expected = json.loads(pages[0].with_name(pages[0].name.replace(".html.gz", ".expected.json")).read_text())
    return pages[0], gzip.decompress(pages[0].read_bytes()), expected


@pytest.fixture(params=["generic", "rt profile"])
def record(request: pytest.FixtureRequest) -> tuple[Article, dict[str, str]]:
    _, html, expected = _page()
    site = get_profile("rt") if request.param == "rt profile" else None
    return clean_html(html, url=expected["url"], site=site), expected


def test_body_matches_the_human_made_one(record: tuple[Article, dict[str, str]]) -> None:
    article, expected = record
    f1 = summarise([score_page(expected["articleBody"], article.articleBody or "")]).f1
    assert f1 >= 0.98


def test_no_boilerplate_in_body(record: tuple[Article, dict[str, str]]) -> None:
    article, _ = record
    body = article.articleBody or ""
    for text in BOILERPLATE:
        assert text not in body
    # The SVG sprite's titles ("icon bookmark-bicon bookmarkicon ...").
    assert not re.search(r"icon\s*[\w-]*icon", body)
    assert "bookmark" not in body


def test_date_published_in_gmt(record: tuple[Article, dict[str, str]]) -> None:
    article, _ = record
    assert article.datePublished == "2019-11-20T05:47:00+00:00"


def test_clean_command_uses_the_rt_profile(capsys: pytest.CaptureFixture[str]) -> None:
    from newsclean.spiders.cli import main

    path, _, expected = _page()
    status = main(["clean", "--url", expected["url"], str(path)])
    assert status in (0, None)
    record = json.loads(capsys.readouterr().out.splitlines()[0])
    assert record["site"] == "rt"
    assert record["datePublished"] == "2019-11-20T05:47:00+00:00"
    f1 = summarise([score_page(expected["articleBody"], record["articleBody"])]).f1
    assert f1 >= 0.98
