"""Every region HTML extraction leaves out is in the record's provenance, one entry per region."""

from __future__ import annotations

import json
import subprocess
import sys

import jsonschema
from newsclean.cleaners import clean_html, clean_text
from newsclean.cleaners.record import json_schema
from newsclean.cleaners.regions import MAX_REGIONS, OPENING_WORDS

PARAGRAPHS = [
    "The harbour board voted on Tuesday to rebuild the north quay, ending a dispute that had "
    "kept the fishing fleet tied up at the old pier for most of the winter season.",
    "Work starts in March and should take eighteen months, the board's chair told reporters, "
    "adding that the cost would be shared with the county and two regional funds.",
    "Fishermen welcomed the decision but warned that the temporary berths offered during the "
    "works were too shallow for the larger trawlers that land most of the catch.",
]

SPRITE = (
    '<svg style="display:none"><symbol id="i-a"><title>icon search</title></symbol>'
    '<symbol id="i-b"><title>icon menu</title></symbol></svg>'
)


def _page(*, inside: str = "", sidebar: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<html><head><title>Quay to be rebuilt</title><script>var x = 'never text';</script></head><body>"
        f"{SPRITE}"
        '<header class="masthead"><a href="/">Harbour Times</a> <span>Local news since 1881</span></header>'
        '<nav><a href="/news">News</a><a href="/sport">Sport</a><a href="/weather">Weather</a></nav>'
        '<div class="layout"><main><article><h1>Quay to be rebuilt</h1>'
        f"{paragraphs}{inside}</article></main>"
        f'<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Ferry fares rise again</a></li>'
        f'<li><a href="/b">New school opens its doors</a></li></ul>{sidebar}</aside></div>'
        '<section id="comments"><h3>3 comments</h3><p>Reader one says this took far too long and the '
        "council should have acted years ago when the first cracks appeared.</p></section>"
        '<div class="podcast-player"><span>Harbour Hour</span><span>0:00</span><span>41:02</span></div>'
        "<footer><p>© Harbour Times 2026. All rights reserved.</p></footer>"
        "</body></html>"
    )


def _left_out(article):  # type: ignore[no-untyped-def]
    return [s for s in article.cleaning if s.action == "left-out"]


def test_each_region_left_out_is_listed_with_rule_path_words_and_opening_words() -> None:
    article = clean_html(_page())
    assert article.articleBody is not None and PARAGRAPHS[1] in article.articleBody
    steps = _left_out(article)
    assert all(s.cleaner == "main-content" and s.block is None for s in steps)
    by_kind = {s.reason.split(":")[0]: s for s in steps}
    assert {"icon sprite", "header", "navigation", "sidebar", "comments", "player", "footer"} <= set(by_kind)
    sprite = by_kind["icon sprite"]
    assert sprite.text == "icon search icon menu" and sprite.words == 4 and sprite.path == "html/body/svg"
    nav = by_kind["navigation"]
    assert nav.text == "News Sport Weather" and nav.words == 3 and nav.path == "html/body/nav"
    assert "<nav>" in nav.reason
    comments = by_kind["comments"]
    assert comments.path == "html/body/section#comments"
    assert comments.text.startswith("3 comments Reader one says") and comments.text.endswith("…")
    assert comments.words > OPENING_WORDS
    player = by_kind["player"]
    assert player.text == "Harbour Hour 0:00 41:02" and "outside the main content" in player.reason
    # Page order, and nothing that was never shown (the <head>'s title and script).
    assert [s.path for s in steps].index("html/body/svg") == 0
    assert not any("never text" in s.text or s.path.startswith("html/head") for s in steps)
    # The body holds none of it.
    for step in steps:
        if "headline" not in step.reason:
            assert step.text.removesuffix(" …") not in (article.articleBody or ""), step


def test_boxes_pruned_inside_the_article_say_why() -> None:
    inside = (
        '<div class="related-posts"><h4>Related</h4><ul><li><a href="/x">Pier repairs delayed</a></li>'
        '<li><a href="/y">Trawler sinks off the point</a></li></ul></div>'
        '<div class="share-buttons"><a href="/s/fb">Facebook</a> <a href="/s/x">X</a></div>'
    )
    steps = {s.path.rsplit("/", 1)[-1]: s for s in _left_out(clean_html(_page(inside=inside)))}
    related = steps["div.related-posts"]
    assert related.reason == "related box: pruned inside the main content: a link list (mostly link text)"
    assert related.text == "Related Pier repairs delayed Trawler sinks off the point" and related.words == 9
    assert steps["div.share-buttons"].reason == "share bar: class/id 'share-buttons' names boilerplate"


def test_the_record_stays_small_on_a_page_of_a_thousand_widgets() -> None:
    teasers = "".join(f'<div class="promo"><a href="/t/{n}">Teaser number {n} of many</a></div>' for n in range(1000))
    article = clean_html(_page().replace("<footer>", teasers + "<footer>"))
    assert PARAGRAPHS[0] in (article.articleBody or "")
    steps = _left_out(article)
    assert len(steps) == MAX_REGIONS
    assert len(json.dumps([s for s in article.to_dict()["cleaning"] if s["action"] == "left-out"])) < 20_000
    last = steps[-1]
    assert last.reason.startswith("9") and "more regions left out" in last.reason
    assert last.words >= 900 * 5


def test_left_out_entries_are_valid_records_and_survive_a_round_trip() -> None:
    article = clean_html(_page())
    data = article.to_dict()
    jsonschema.validate(data, json_schema())
    assert type(article).from_dict(data).cleaning == article.cleaning


def test_readability_finder_lists_what_it_left_out_too() -> None:
    steps = _left_out(clean_html(_page(), main_content="readability"))
    assert any(s.path == "html/body/nav" for s in steps)
    assert any("footer" in s.path for s in steps)
    assert all("readability-lxml" in s.reason or "its text" in s.reason for s in steps)


def test_text_dumps_have_no_regions() -> None:
    article = clean_text("\n".join(["News | Sport | Weather", *PARAGRAPHS]))
    assert _left_out(article) == []


def test_a_page_that_falls_back_to_all_its_text_claims_nothing_left_out() -> None:
    page = "<html><body><nav><a href='/'>Home</a></nav><div>Short note.</div><div>Another one.</div></body></html>"
    article = clean_html(page)
    assert article.articleBody
    for step in _left_out(article):
        assert step.text.removesuffix(" …") not in article.articleBody


def test_explain_shows_the_regions(tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "page.html"
    path.write_text(_page(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", "clean", "--format", "text", "--explain", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "[main-content] left-out (html/body/svg, 4 words): 'icon search icon menu'" in result.stdout
    assert "because icon sprite: an SVG graphic" in result.stdout
    assert "[main-content] left-out (html/body/nav, 3 words): 'News Sport Weather'" in result.stdout
