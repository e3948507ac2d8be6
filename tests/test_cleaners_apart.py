"""Boxes after the article apart from it in the layout and in their words (the page's wrapper chosen)."""

from __future__ import annotations

from newsclean.cleaners import clean_html
from newsclean.cleaners.apart import APART_AFTER

from .test_cleaners_edges import BODY, FIRST, SECOND, THIRD  # the same article

ABOUT = (
    "Coastline Media, publisher of this newspaper, is the largest independent media company of the south "
    "west, reaching two million people every week in print, online and on local radio stations."
)
SESSION = (
    "You can read our journalism on one screen at a time. Reading on another phone, tablet or computer "
    "will close this session; contact our subscription service for a family plan."
)
LATER = (
    "Residents of Harbour Road who park outside their doors will keep two hours of free parking along the "
    "side streets while the cycle lane is built, the council said on Tuesday."
)


def _page(after: str) -> str:
    """The article four boxes deep in a wrapper of meaningless class names (no ``<h1>``: the
    wrapper is chosen), ``after`` another part of the wrapper."""
    return (
        "<html><body><div class='x1'><div class='x2'><div class='x3'><div class='x4'><div class='x5'>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div></div></div></div>{after}</div></body></html>"
    )


def test_a_publishers_box_after_the_text_apart_from_it_goes() -> None:
    after = (
        f"<div class='y1'><div class='y2'><h2>Trusted local news</h2><p>{ABOUT}</p></div>"
        f"<div class='y3'><p>{SESSION}</p></div></div>"
    )
    article = clean_html(_page(after))
    assert article.articleBody == BODY
    removed = [(s.text, s.reason) for s in article.cleaning if s.cleaner == "edges"]
    assert removed == [("Trusted local news", APART_AFTER), (ABOUT, APART_AFTER), (SESSION, APART_AFTER)]


def test_a_box_after_the_text_sharing_its_words_stays() -> None:
    # The same layout, but the box goes on about the article's subject: a later section.
    after = f"<div class='y1'><div class='y2'><h2>Parking while the lane is built</h2><p>{LATER}</p></div></div>"
    article = clean_html(_page(after))
    assert article.articleBody == f"{BODY}\n\nParking while the lane is built\n\n{LATER}"


def test_a_list_after_the_text_stays() -> None:
    # A post's own list of notes set apart after its text, in other words than the text's.
    notes = [
        "• The most blasphemous advertisement of the week.",
        "• Unfortunate subway poster placements, one and two.",
    ]
    after = "<div class='y1'><div class='y2'>" + "".join(f"<p>{n}</p>" for n in notes) + "</div></div>"
    article = clean_html(_page(after))
    assert article.articleBody == BODY + "\n\n" + "\n\n".join(notes)


def test_a_page_whose_text_fills_many_boxes_is_left_alone() -> None:
    # No one container holds most of the prose (a guide in sections): nothing to measure against.
    after = f"<div class='y1'><div class='y2'><p>{ABOUT}</p><p>{SESSION}</p><p>{LATER}</p></div></div>"
    article = clean_html(_page(after))
    assert article.articleBody == f"{BODY}\n\n{ABOUT}\n\n{SESSION}\n\n{LATER}"


def test_a_box_apart_below_the_chosen_element_goes() -> None:
    # The standfirst sits in a box of its own above the article's wrapper, so the chosen
    # element is the box around both: the publisher's box parts from the text below it.
    standfirst = (
        "Harbour Road will get a protected cycle lane after two years of dispute between residents, "
        "shop owners and cycling groups."
    )
    page = (
        f"<html><body><div class='w0'><div class='w1'><p>{standfirst}</p></div>"
        "<div class='x1'><div class='x2'><div class='x3'><div class='x4'><div class='x5'>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div></div></div></div>"
        f"<div class='y1'><div class='y2'><p>{ABOUT}</p></div></div></div></div></body></html>"
    )
    article = clean_html(page)
    assert article.articleBody == f"{standfirst}\n\n{BODY}"
    assert [(s.text, s.reason) for s in article.cleaning if s.cleaner == "edges"] == [(ABOUT, APART_AFTER)]


def _beside(box: str) -> str:
    """The article's paragraphs in a box whose next sibling is ``box``: one level apart, inside
    a wrapper of meaningless class names (no ``<h1>``: the wrapper is chosen)."""
    return (
        "<html><body><div class='x1'><div class='x2'><div class='x3'>"
        f"<div class='x4'><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div>{box}</div></div></div></body></html>"
    )


def test_a_widget_beside_the_articles_box_goes() -> None:
    # A sidebar's widget set right beside the post's box, one level from its paragraphs,
    # in other words than the post's: the blogger's profile.
    profile = (
        "Sam writes about bread, bicycles and the weather from a small flat in Leeds, and "
        "answers every letter sent to the blog within a week."
    )
    box = f"<div class='y1'><h3>About me</h3><div class='y2'><p>{profile}</p></div></div>"
    article = clean_html(_beside(box))
    assert article.articleBody == BODY
    removed = [(s.text, s.reason) for s in article.cleaning if s.cleaner == "edges"]
    assert removed == [("About me", APART_AFTER), (profile, APART_AFTER)]


def test_a_section_beside_the_articles_box_in_its_words_stays() -> None:
    # The same place, but the box goes on about the article's subject: its later section.
    box = f"<div class='y1'><h3>Parking while the lane is built</h3><div class='y2'><p>{LATER}</p></div></div>"
    article = clean_html(_beside(box))
    assert article.articleBody == f"{BODY}\n\nParking while the lane is built\n\n{LATER}"


def test_a_run_of_posts_beside_the_articles_box_stays() -> None:
    # Boxes built alike beside the article's box are a run of posts (a front page's entries, in
    # other words than the first's), not a widget: they are left to the thread finder.
    posts = [
        "Stone walls keep the wind off the brassicas, and the sun warms them well into the evening hours.",
        "Our plot floods every winter, so the onions go into raised beds built from old scaffolding boards.",
    ]
    box = "".join(f"<div class='y{n}'><div class='z'><p>{text}</p></div></div>" for n, text in enumerate(posts))
    article = clean_html(_beside(box))
    assert article.articleBody == "\n\n".join([BODY, *posts])


def test_a_loose_closing_line_beside_the_articles_box_stays() -> None:
    # A paragraph set loose in the element around the article's box, in other words than the
    # text's: the article's own closing line ("Prices were checked ..."), no widget's box.
    closing = "Prices were checked at three supermarkets and two corner shops in January."
    article = clean_html(_beside(f"<p>{closing}</p>"))
    assert article.articleBody == f"{BODY}\n\n{closing}"
