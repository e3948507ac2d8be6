"""The kinds of extraction failure seen across news collections (issue 10), one small
hand-written page each in ``fixtures/extraction/``: what must stay and what must go."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from newsclean.cleaners import clean_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def _clean(name: str, url: str = "https://news.example.com/2012/06/story.html"):  # type: ignore[no-untyped-def]
    return clean_html((FIXTURES / name).read_bytes(), url=url)


def _body(name: str) -> str:
    return _clean(name).articleBody or ""


def _count(body: str, text: str) -> int:
    return len(re.findall(re.escape(text), body))


def test_kind_1_nested_tables_give_each_text_once() -> None:
    body = _body("kind-1-nested-tables.html")
    for sentence in (
        "The town council voted five to two on Tuesday night",
        "The path will run for three miles from the mill dam",
        "Residents who live along the bank had asked for a fence",
        "Two members voted against the plan",
    ):
        assert _count(body, sentence) == 1, sentence
    # Paragraphs separated by <br><br> inside a <font> run stay paragraphs.
    assert "ago.\n\nThe path will run" in body
    for gone in ("Obituaries", "Copyright 2008", "Serving the valley since 1887"):
        assert gone not in body


def test_kind_2_a_post_inside_a_box_named_like_a_byline_stays() -> None:
    record = _clean("kind-2-boilerplate-named-ancestor.html")
    body = record.articleBody or ""
    for sentence in (
        "The first frost came three weeks early this year",
        "The leeks did not mind at all.",
        "I have covered the carrots with straw",
        "Next week I will start clearing the bean trench",
    ):
        assert _count(body, sentence) == 1, sentence
    for gone in ("Archives", "Blogroll", "Powered by Blogger", "Posted by Mary Winters"):
        assert gone not in body
    # What went is explained.
    assert any("Posted by Mary Winters" in (step.text or "") for step in record.cleaning)


def test_kind_2_an_article_cut_in_chunks_named_like_boilerplate_stays() -> None:
    # Some publishers put each run of the article's paragraphs in a box whose class names a
    # paywall; the boxes hold most of the page's prose between them. Comments named alike and a
    # short promo box named alike still go.
    paragraphs = [
        "The county will close the old swing bridge to cars from March, engineers said on Monday.",
        "Divers found cracks in two of the four piers last autumn, and a second survey confirmed them.",
        "Buses and bicycles may still cross while the repairs go on, at no more than ten miles an hour.",
        "A temporary ferry will carry cars between the two quays at peak times, free of charge.",
        "The work is expected to take eighteen months and to cost about four million pounds.",
        "Shop owners on the east bank asked for help with the loss of passing trade during the works.",
    ]
    pairs = zip(paragraphs[::2], paragraphs[1::2], strict=True)
    chunks = "".join(f'<div class="paywall"><p>{a} {a}</p><p>{b} {b}</p></div>' for a, b in pairs)
    comments = "".join(
        f'<div class="comment"><p>{c}</p></div>'
        for c in ("Good, that bridge has been shaking for years.", "Eighteen months is far too long for us.")
    )
    html = (
        "<html><head><title>Swing bridge to close to cars</title></head><body><main>"
        f"<h1>Swing bridge to close to cars</h1>{chunks}"
        '<div class="paywall promo"><p>Subscribe for unlimited access to local news.</p></div>'
        f"{comments}</main></body></html>"
    )
    body = clean_html(html, url="https://news.example.com/2024/02/bridge.html").articleBody or ""
    for sentence in paragraphs:
        assert _count(body, sentence) == 2, sentence
    for gone in ("Subscribe for unlimited access", "shaking for years", "far too long"):
        assert gone not in body


def test_kind_3_an_article_made_of_links_stays() -> None:
    body = _body("kind-3-article-of-links.html")
    for item in (
        "City budget vote delayed again as council argues over pension costs",
        "Library will open on Sundays from July",
        "The state inspection report on the Fifth Street bridge is finally online",
        "School board names a new superintendent from outside the district",
        "Transit fares rise by a quarter on the first of the month",
    ):
        assert _count(body, item) == 1, item
    for gone in ("Posted in Links", "No Comments", "Categories", "proudly powered by WordPress"):
        assert gone not in body


def test_kind_3_a_related_list_under_a_short_post_still_goes() -> None:
    # The same list of sentence-long links, but under a post with prose of its own, titled as
    # other stories, or in a page whose headline the content does not hold: not the article.
    items = "".join(
        f'<li><a href="/2012/06/{n}/">{t}</a></li>'
        for n, t in enumerate(
            (
                "City budget vote delayed again as council argues over pension costs",
                "School board names a new superintendent from outside the district",
                "Transit fares rise by a quarter on the first of the month",
            )
        )
    )
    prose = (
        "<p>The ferry to the island will run an extra evening crossing from Monday, the harbour board said, "
        "after months of complaints from commuters who work late shifts on the mainland.</p>"
        "<p>The new boat leaves the pier at half past nine and returns at ten, every day except Sunday.</p>"
    )
    for box in (f"<h3>Related stories</h3><ul>{items}</ul>", f"<ul>{items}</ul>"):
        html = (
            "<html><head><title>Late ferry added | The Open Ledger</title></head><body><div class='post'>"
            f"<h2>Late ferry added</h2><div class='entry'>{prose}{box}</div></div></body></html>"
        )
        body = clean_html(html, url="https://news.example.com/2012/06/ferry.html").articleBody or ""
        assert "extra evening crossing" in body
        assert "City budget vote delayed" not in body


def test_kind_4_text_between_line_breaks_beats_a_trackback_box() -> None:
    body = _body("kind-4-paragraphs-without-p.html")
    for sentence in (
        "Anyone who rode the 7:10 boat this week",
        "The ferry district says the trouble is the age of the fleet.",
        "A new boat has been promised for years.",
        "Until then, the advice from the ticket office is simple",
    ):
        assert _count(body, sentence) == 1, sentence
    for gone in ("TrackBack URL", "Ferry woes, again", "Late boats and lost mornings", "Archives", "Categories"):
        assert gone not in body


def test_kind_5_the_article_wins_over_an_about_box_beside_it() -> None:
    body = _body("kind-5-wrong-element.html")
    for sentence in (
        "will go to a public inquiry after the county council failed to reach a decision",
        "wants to extract limestone for twenty years.",
        "Residents say lorries would use the lane past the primary school",
        "An inspector will hear evidence in the spring",
    ):
        assert _count(body, sentence) == 1, sentence
    for gone in ("About the Voice", "written by volunteers", "Every household in the valley", "Print"):
        assert gone not in body


def test_kind_6_boilerplate_around_the_article_goes() -> None:
    record = _clean("kind-6-boilerplate-kept.html")
    body = record.articleBody or ""
    for sentence in (
        "The coast road between Bayside and Port Ellen will stay closed",
        "County engineers inspected the damage on Monday morning",
        "Drivers are being sent inland through Millford",
        "The last time the wall failed, in 1998",
    ):
        assert _count(body, sentence) == 1, sentence
    for gone in (
        "The voice of the bay towns",  # the site's tagline above the headline
        "Ferry fares to rise in spring",  # related stories, a teaser sentence each
        "The harbour board says fuel costs",
        "All rights reserved",  # the legal footer
        "trademark of Coastal Newspapers",
        "news, bayside, coast road",  # the meta keywords echoed
        "<img",  # markup from a <noscript> as text
        "pixel.gif",
    ):
        assert gone not in body, gone
    reasons = " ".join(step.reason for step in record.cleaning)
    assert "copyright" in reasons
    assert "headline" in reasons


def test_kind_7_the_introduction_in_its_own_box_is_kept() -> None:
    body = _body("kind-7-article-cut.html")
    assert body.startswith("Nurses on the night shift at County General care for twice as many patients")
    for sentence in (
        "The shift starts at seven in the evening",
        "Most nights are quiet in the way a hospital is ever quiet",
        "The hospital says it is recruiting",
    ):
        assert _count(body, sentence) == 1, sentence
    for gone in ("Valley Weekly", "Features", "Contact"):
        assert gone not in body


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("kind-*.html")))
def test_no_fixture_text_comes_out_twice(name: str) -> None:
    """A page's text never comes out more often than the page shows it."""
    body = _body(name)
    paragraphs = [p for p in body.split("\n\n") if len(p.split()) >= 6]
    assert len(paragraphs) == len(set(paragraphs)), name
