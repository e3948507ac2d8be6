"""Overlays told by their close button (``newsclean.cleaners.overlays``): a box opening with a
lone "×" goes whatever its class names; an article that shows a "×" stays."""

from __future__ import annotations

import lxml.html
from newsclean.cleaners import clean_html
from newsclean.cleaners.overlays import close_glyphs, mark_overlays

from .conftest import assert_gone

URL = "https://garden.example.com/posts/a-year-in-the-garden"

PARAGRAPHS = (
    "The first frost came three weeks early this year, and the leeks did not mind at all, but "
    "the last of the runner beans went black overnight and had to come out on Sunday.",
    "We dug a new bed of 3 × 4 metres by the greenhouse, edged it with old bricks and filled it "
    "with the compost that had been rotting down behind the shed since the spring before last.",
    "Next year the bed takes the tomatoes, and the old tomato bed gets a winter of green manure, "
    "field beans sown thick, to be dug in when the soil warms in April.",
)

PITCH = (
    "<div class='q7x2'><div class='k3'><span class='z1'>×</span></div>"
    "<h5>Join the Garden family of websites</h5>"
    "<p>When you register as a free member of the Garden family of websites you gain access to "
    "all current posts plus ten archived posts per month and our community bulletin board.</p>"
    "<ul><li>Access to all posts published in the past year</li>"
    "<li>Use of our bookmark tool for products and posts</li></ul>"
    "<p>For $5 a month you will enjoy unlimited, ad-free access to all three of our sites.</p></div>"
)


def _page(article: str, after: str = "") -> bytes:
    return (
        "<html><head><title>A year in the garden</title></head><body>"
        f"<div class='a8f'><div class='b2c'><h1>A year in the garden</h1>{article}</div>{after}</div>"
        "</body></html>"
    ).encode()


def _paragraphs() -> str:
    return "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def test_a_box_opening_with_a_close_control_goes_whatever_its_names() -> None:
    record = clean_html(_page(_paragraphs(), PITCH), url=URL)
    body = record.articleBody or ""
    for paragraph in PARAGRAPHS:
        assert paragraph in body
    assert_gone(body, "Join the Garden family", "When you register", "bookmark tool", "$5 a month")
    said = [step for step in record.cleaning if "close control" in str(step.reason)]
    assert said and "Join the Garden family" in str(said[0].text), [str(s.reason) for s in record.cleaning]


def test_a_close_glyph_that_does_not_open_its_box_marks_nothing() -> None:
    # "3 × 4" in a sentence, a "×" between two sizes in a table, a "×" after a box's words:
    # none opens the box it sits in.
    sizes = (
        "<table><tr><td>Bed</td><td>3</td><td>×</td>"
        "<td>4 metres of well rotted compost and old bricks</td></tr></table>"
    )
    late = "<div class='n4'><p>" + PARAGRAPHS[0] + "</p><span>×</span></div>"
    root = lxml.html.document_fromstring(_page(_paragraphs() + sizes + late).decode())
    assert len(close_glyphs(root)) == 2
    assert mark_overlays(close_glyphs(root), lambda el: len(el.text_content().strip())) == []


def test_an_article_opening_with_a_short_dismissible_notice_stays() -> None:
    # A short notice with its own close button at the top of the article: the box around it
    # holding enough text is the article's, which wraps the page's text and stays.
    notice = "<div class='m1'><span>×</span> Updated on May 3.</div>"
    body = clean_html(_page(notice + _paragraphs()), url=URL).articleBody or ""
    for paragraph in PARAGRAPHS:
        assert paragraph in body


def test_a_page_without_paragraph_tags_opening_with_a_close_control_stays() -> None:
    # A page written without <p> (each paragraph a <font> run ended by <br><br>) whose wrapper
    # opens with a dismissed banner's "×" and holds a menu of links as long as the article: the
    # box is the page, its text outside links the article's, not an overlay's.
    menu = (
        "<ul>"
        + "".join(f"<li><a href='/s{n}'>Garden section number {n} of the site</a></li>" for n in range(12))
        + "</ul>"
    )
    article = "".join(f"<font face='arial'>{p}</font><br><br>" for p in PARAGRAPHS)
    page = (
        "<html><head><title>A year in the garden</title></head><body>"
        f"<div class='w1'><span class='x2'>×</span>{menu}<h1>A year in the garden</h1>{article}</div>"
        "<div class='f9'>© Garden Media</div>"
        "</body></html>"
    ).encode()
    body = clean_html(page, url=URL).articleBody or ""
    for paragraph in PARAGRAPHS:
        assert paragraph in body
