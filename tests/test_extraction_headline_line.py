"""The headline printed as a line of bold text (``newsclean.cleaners.headline_line``): with no
heading tag on the page, the line the title names is read as the headline's heading, so the
post under it is found as it is under an ``<h1>``; a menu's or a masthead's line the title
also names is not the headline."""

from __future__ import annotations

import lxml.html
from newsclean.cleaners import clean_html
from newsclean.cleaners.headline_line import mark_headline

URL = "https://monthly.example.com/2010/05/almost-there"

SIDE = (
    "<div class='s1'><div><b>About the Monthly</b></div><p>The Monthly is a print magazine made from the best "
    "articles its readers shared this month, sent to subscribers in forty countries. Each issue carries the "
    "writers' own words, edited for print, with new illustrations and a letter from the editors about the "
    "month's themes. <a href='/about'>Learn more</a></p>"
    "<p><a href='/subscribe'>Subscriptions start from $29 a year</a></p></div>"
)


def _page(post: str, title: str = "Almost There - The Monthly Blog") -> bytes:
    return (
        f"<html><head><title>{title}</title></head><body>"
        "<div class='m1'><div><b><a href='/'>The Monthly Blog</a></b></div></div>"
        f"<div class='w1'><div class='p1'>{post}</div>{SIDE}</div>"
        "<div class='f1'><ul><li><a href='/about'>About</a></li><li><a href='/contact'>Contact</a></li></ul></div>"
        "</body></html>"
    ).encode()


POST = (
    "<div><div><b>Almost There</b></div><div><span>By Lim Soon, 28 May 2010</span></div>"
    "<p><img src='/proof.jpg' alt=''></p><p>The proofs of the first issue came back from the printer today, and "
    "they look better than we hoped. The covers went to the binders this afternoon.</p></div>"
)


def test_a_bold_line_the_title_names_heads_the_post_and_the_side_box_stays_out() -> None:
    record = clean_html(_page(POST), url=URL)
    body = record.articleBody or ""
    assert record.headline == "Almost There"
    assert "The covers went to the binders this afternoon." in body
    assert "print magazine" not in body and "Subscriptions start" not in body


def test_the_line_goes_into_an_h1_in_place_and_a_page_with_a_heading_is_left_as_it_is() -> None:
    tree = lxml.html.document_fromstring(_page(POST))
    heading = mark_headline(tree)
    assert heading is not None and heading.tag == "h1" and heading.text_content() == "Almost There"
    # The <div> holding the line alone is the <h1> now, the bold run kept inside.
    assert heading.getparent().get("class") is None and heading[0].tag == "b"
    assert heading.getparent().getparent().get("class") == "p1"
    # Titles join the headline to the site's name in many ways: "«" as well as "-", "|" or ":".
    tree = lxml.html.document_fromstring(_page(POST, "Almost There «  The Monthly Blog").decode())
    heading = mark_headline(tree)
    assert heading is not None and heading.text_content() == "Almost There"
    # A page whose <h2> gives the headline has its heading: nothing is marked.
    tree = lxml.html.document_fromstring(_page(POST.replace("<div><b>Almost There</b></div>", "<h2>Almost There</h2>")))
    assert mark_headline(tree) is None and len(tree.xpath("//h1")) == 0


def test_the_masthead_the_menu_and_a_recent_posts_list_are_never_the_headline() -> None:
    # The title's site name is the masthead's line, a link home; the post's title in the side
    # column's list of recent posts is a list item: neither is marked, and the post's own line is.
    recent = "<ul><li><a href='/2010/05/almost-there'>Almost There</a></li></ul>"
    tree = lxml.html.document_fromstring(_page(POST + recent))
    heading = mark_headline(tree)
    assert heading is not None and heading.getparent().getparent().get("class") == "p1"
    # Only the list's line names the headline: no line is marked.
    tree = lxml.html.document_fromstring(_page("<div>The proofs came back today.</div>" + recent))
    assert mark_headline(tree) is None
    # The site's name alone in the title: its masthead line links home, nothing is marked.
    tree = lxml.html.document_fromstring(_page("<div>The proofs came back today.</div>", "The Monthly Blog"))
    assert mark_headline(tree) is None


def test_a_headline_written_as_a_paragraph_becomes_the_heading_and_the_post_stays() -> None:
    # A blog engine's post title in a <p>: the <p> itself becomes the <h1>. Wrapped around the
    # heading it would be a paragraph of the headline's words, the post taken around the
    # headline would be that paragraph alone, and the record would come out empty.
    post = POST.replace("<div><b>Almost There</b></div>", "<p class='t1'><b>Almost There</b></p>")
    tree = lxml.html.document_fromstring(_page(post))
    heading = mark_headline(tree)
    assert heading is not None and heading.tag == "h1" and heading.get("class") == "t1"
    assert not tree.xpath("//p[h1]")
    body = clean_html(_page(post), url=URL).articleBody or ""
    assert "The covers went to the binders this afternoon." in body


def test_a_title_of_a_long_run_of_spaces_is_read_once() -> None:
    # (found by the fuzzer: the separators' pattern tried a run of spaces at each of its starts,
    # and a title of 80,000 spaces took seconds; spaces are run together first)
    page = _page(POST, "Almost" + " " * 80_000 + "There")
    tree = lxml.html.document_fromstring(page)
    heading = mark_headline(tree)  # the title reads "Almost There"
    assert heading is not None and heading.text_content() == "Almost There"
    record = clean_html(page, url=URL)
    assert "The covers went to the binders this afternoon." in (record.articleBody or "")


MONEY = "https://money.example.com/2012/08/08/easy-money/"
FIGURES = (
    "<p>Yesterday I argued that easy money enriches the banks at the expense of everyone else, and several "
    "readers asked me to show it with figures rather than say it. So here are the figures, year by year.</p>"
    "<p>The share of national income going to finance rose in every year the central bank cut its rate, and "
    "fell in the two years it raised it. That is not proof, but it is what the argument predicts.</p>"
)
TEASERS = "".join(
    f"<div class='t1'><div><b><a href='/x{n}'>Gold and the printing press, part {n}</a></b></div><p>In which I "
    "look at what the price of gold says about how much money the markets expect the central bank to print "
    "next year, and why the answer is more than it admits. Read the whole post for the charts.</p></div>"
    for n in range(3)
)


def _money(line: str, title: str = "Does Easy Money Enrich the Banks? « Notes on Money", head: str = "") -> bytes:
    return (
        f"<html><head>{head}<title>{title}</title></head><body>"
        "<div class='m1'><div><b><a href='/'>Notes on Money</a></b></div>"
        "<div>Economics for the jilted generation, written from a spare room</div></div>"
        f"<div class='w1'><div class='p1'>{line}<div>August 8, 2012</div>{FIGURES}</div>"
        f"<div class='r1'><div><b>More from the blog</b></div>{TEASERS}</div></div></body></html>"
    ).encode()


LINE = "<div><b>Does Easy Money Enrich the Banks?</b></div>"


def test_the_box_holding_the_line_alone_becomes_the_heading_and_the_post_is_taken_without_its_teasers() -> None:
    # The post's title line in a <div> of its own: the <div> becomes the <h1>. An <h1> put inside
    # it made the <div> the heading's own box, past which the post around it was not weighed
    # against the choice (the post and the blog's teasers below it), and the teasers stayed.
    for line in (LINE, "<h2>Does Easy Money Enrich the Banks?</h2>"):
        body = clean_html(_money(line), url=MONEY).articleBody or ""
        assert "That is not proof, but it is what the argument predicts." in body, line
        assert "price of gold" not in body, line


def test_a_tagline_above_the_post_is_not_its_headline_however_much_of_the_title_it_is() -> None:
    # The title names the post and the blog's tagline; the tagline is the longer part, but the
    # post's line stands between it and the prose: the post's line is the headline.
    tagline = "Economics for the jilted generation, written from a spare room"
    title = f"Does Easy Money Enrich the Banks? - Notes on Money - {tagline}"
    tree = lxml.html.document_fromstring(_money(LINE, title))
    heading = mark_headline(tree)
    assert heading is not None and heading.text_content() == "Does Easy Money Enrich the Banks?"
    body = clean_html(_money(LINE, title), url=MONEY).articleBody or ""
    assert "That is not proof" in body and "price of gold" not in body


def test_a_line_opening_the_title_with_no_separator_after_it_is_the_headline() -> None:
    # "Headline … Site" and "Headline, Site's slogan": no separator to split the title at; a line of
    # three words or more that opens it is the headline's. Two words are too few to tell.
    for title in (
        "Does Easy Money Enrich the Banks? … Notes on Money",
        "Does Easy Money Enrich the Banks?, Notes on Money",
    ):
        heading = mark_headline(lxml.html.document_fromstring(_money(LINE, title)))
        assert heading is not None and heading.text_content() == "Does Easy Money Enrich the Banks?", title
    short = "<div><b>Easy Money</b></div>"
    assert mark_headline(lxml.html.document_fromstring(_money(short, "Easy Money … Notes on Money"))) is None


def test_a_title_the_parser_put_in_the_body_still_names_the_headline() -> None:
    # A stray element in the <head> (a tracking pixel) ends the head for the parser, and the
    # <title> after it lands in the body; the title is read there too.
    page = _money(LINE, head="<img src='/pixel.gif'>")
    tree = lxml.html.document_fromstring(page)
    assert tree.find("head/title") is None and tree.find("body/title") is not None
    heading = mark_headline(tree)
    assert heading is not None and heading.text_content() == "Does Easy Money Enrich the Banks?"


def test_a_hidden_copy_of_the_line_is_never_the_headline() -> None:
    # A roundup under its bold line, and a script's copy of the post hidden until a dialog shows
    # it (display:none) over the readers' comments: the visible line is followed by links only,
    # the hidden copy by the comments' prose, so the copy was marked (and then dropped with its
    # hidden box), the roundup left with no headline to keep its links by.
    links = "".join(
        f"<li><a href='/2010/05/story-{i}'>Printer news number {i} of the week, from the shop floor</a></li>"
        for i in range(6)
    )
    comments = (
        "<p>What a lovely cover, and the paper feels heavier than last year's. I cannot wait to see the whole "
        "issue in the shops next month, well done to everyone.</p><p>Congratulations to the whole team, the "
        "first issue is always the hardest one and this one looks like it was worth the wait for all of you.</p>"
    )
    page = (
        "<html><head><title>Almost There - The Monthly Blog</title></head><body>"
        "<div class='m1'><div><b><a href='/'>The Monthly Blog</a></b></div></div>"
        f"<div class='p1'><div><b>Almost There</b></div><ul>{links}</ul></div>"
        f"<div class='c1'><div style='display:none'><div>Almost There</div><ul>{links}</ul></div>{comments}</div>"
        "</body></html>"
    )
    heading = mark_headline(lxml.html.document_fromstring(page))
    assert heading is not None and heading.text_content() == "Almost There"
    assert heading.getparent().get("class") == "p1"  # the visible line, over the roundup
    record = clean_html(page.encode(), url=URL)
    body = record.articleBody or ""
    assert body.count("Printer news number 3 of the week, from the shop floor") == 1
    assert "lovely cover" not in body
