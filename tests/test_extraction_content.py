"""Main-content detection on small pages: what must be kept and what must go."""

from __future__ import annotations

import gc
import re
import weakref
from collections.abc import Callable
from itertools import count
from pathlib import Path

import lxml.html
import pytest
from newsclean.cleaners import clean_html
from newsclean.cleaners.content import MainContent, find_main_content, prune, strip_page
from newsclean.cleaners.html import extract_html

from .conftest import assert_gone

PARA = (
    "The council voted on Tuesday to extend the tram line by four stops, a decision that "
    "followed two years of consultation with residents, shop owners and the transport union."
)


def _page(body: str, head: str = "<title>Tram line extended - City News</title>") -> str:
    return f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"


_NUMBERS = count(1)


def _paras(n: int, tag: str = "p") -> str:
    # Numbered across the whole page: a real article never prints a paragraph twice.
    return "".join(f"<{tag}>{next(_NUMBERS)}. {PARA}</{tag}>" for _ in range(n))


def _four_paragraphs_without(html: str, *gone: str) -> None:
    """The body of ``html`` keeps the article's four paragraphs once each (``_paras(4)``) and
    none of ``gone``."""
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 4, body
    assert_gone(body, *gone)


def _four_paragraphs_with(html: str, *kept: str) -> str:
    """The body of ``html``, which keeps the article's four paragraphs once each (``_paras(4)``)
    and every one of ``kept``."""
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 4, body
    missing = [piece for piece in kept if piece not in body]
    assert not missing, f"missing: {missing}"
    return body


def _introduced_only(
    page: Callable[[str], bytes], sentence: str, label: str, kept: list[str], gone: list[str], stays: str = ""
) -> None:
    """What the article's own ``sentence`` introduces stays (every one of ``kept``); under a
    ``label`` pointing elsewhere the same lines (``gone``) go and the article's ``stays``."""
    body = clean_html(page(sentence)).articleBody or ""
    missing = [line for line in kept if line not in body]
    assert not missing, f"missing: {missing}"
    body = clean_html(page(label)).articleBody or ""
    left = [line for line in gone if line in body]
    assert not left, f"left: {left}"
    assert stays in body


def test_sidebar_menus_and_footer_stay_out() -> None:
    html = _page(
        "<header><nav><a href='/'>Home</a><a href='/news'>News</a></nav></header>"
        f"<div class='layout'><main><article><h1>Tram line extended</h1>{_paras(5)}</article></main>"
        "<aside class='sidebar'><h3>Most read</h3><ul><li><a href='/a'>Mayor resigns over "
        "budget row</a></li><li><a href='/b'>Storm closes bridge</a></li></ul></aside></div>"
        "<footer><p>© 2025 City News. All rights reserved. Privacy policy.</p></footer>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 5
    for gone in ("Home", "Most read", "Mayor resigns", "All rights reserved"):
        assert gone not in body


def test_article_split_over_sibling_widgets_is_kept_whole() -> None:
    widgets = "".join(
        f"<div class='widget-wrap'><div class='widget-container'>{_paras(2)}</div></div>"
        "<div class='widget-wrap'><div class='widget-container'><img src='x.jpg'></div></div>"
        for _ in range(3)
    )
    html = _page(
        f"<div class='page'><div class='column'>{widgets}</div>"
        "<div class='column'><p><a href='/x'>Contact us</a></p></div></div>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 6
    assert "Contact us" not in body


def test_a_box_named_as_the_article_text_stays_whatever_layout_class_names_a_widget() -> None:
    # The article's text cut into chunks between ad slots, each box named for its place in the
    # grid ("sidebar-grid__content") and for what it holds ("article__content"); the first,
    # under the headline, holds too little of the text to be kept for its share. A box whose
    # article-like name itself names a widget ("related-post-content") still goes.
    ad = "<aside class='sidebar-grid__sidebar'><div class='ad'><span>Advertisement</span></div></aside>"
    chunks = "".join(
        f"<div class='sidebar-grid__container'><div class='sidebar-grid__content article__content'>"
        f"{_paras(6)}</div></div>{ad}"
        for _ in range(2)
    )
    html = _page(
        "<main><article><div class='sidebar-grid'><div class='sidebar-grid__container'>"
        "<header><h1>Tram line extended</h1></header>"
        f"<div class='sidebar-grid__content article__content'>{_paras(2)}</div>"
        "<div class='sidebar-grid__content related-post-content'><p><a href='/bus-fares'>Bus fares "
        "to rise in April</a>, the operator says, blaming the price of diesel and drivers' pay.</p>"
        f"</div></div>{ad}{chunks}</div></article></main>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 14, body
    assert_gone(body, "Bus fares", "Advertisement")


def test_text_between_line_breaks_counts_as_paragraphs() -> None:
    loose = "<br><br>".join(f"{i}. {PARA}" for i in range(4))
    html = _page(
        f"<div class='menu-bar'><a href='/'>Home</a></div><div class='post'><span>{loose}"
        f"<h2>What happens next</h2>{PARA}<br>Work starts in spring, the council said."
        "</span></div>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 5
    assert "What happens next" in body
    assert body.endswith("Work starts in spring, the council said.")
    assert "Home" not in body


def test_lines_between_blank_lines_vote_each_as_a_paragraph() -> None:
    # A page written without <p>: a footer's lines of labels and links between <br>s, summed
    # as one paragraph, outvoted nothing but lifted the wrapper around the article above the
    # article's own box. Each run between blank lines is judged as a <p> is: a label and its
    # link (no sentence, under LABEL_CHARS) is no paragraph.
    labels = [
        "Coupons and special offers",
        "Services for your vehicle",
        "Locations near your home",
        "Careers at the company",
        "Fleet and business accounts",
        "Help and frequently asked",
        "Gift cards for the holidays",
        "About our technicians",
    ]
    footer = "".join(f"{label}<br><a href='/l{i}'>More</a><br><br>" for i, label in enumerate(labels))
    loose = "<br><br>".join(f"{i}. {PARA}" for i in range(2))
    post = f"<div class='post'><font>{loose}</font><br><br></div>"
    root = lxml.html.document_fromstring(_page(f"<div>{post}<div>{footer}</div></div>"))
    main = find_main_content(root)
    assert main.root.get("class") == "post"


SIDE_NOTE = (
    "The harbour festival returns on the first weekend of June with boat races, a fish market on "
    "the quay and a brass band from the twin town; the organisers are still looking for helpers "
    "to run the lost property tent and the cake stall, and for anyone who can lend a trailer."
)


@pytest.mark.parametrize("inline", ["i", "span", "font"])
@pytest.mark.parametrize("shape", ["<p>{}</p>", "{}<br><br>"])
def test_text_in_inline_markup_votes_once(inline: str, shape: str) -> None:
    # The side column's note is one paragraph in inline markup (filling a <p>, or a run ended by
    # <br>s under its heading): it votes once, as the article's three paragraphs do, and is no
    # longer worth more than they are together.
    menu = "".join(f"<a href='/s{i}'>Section {i}</a> " for i in range(70))
    note = shape.format(f"<{inline}>{SIDE_NOTE}</{inline}>")
    html = _page(
        f"<div class='c1'>{menu}</div>"
        f"<div class='c2'><h2>Four more stops</h2>{_paras(3)}</div>"
        f"<div class='c3'><h3>Also this week</h3>{note}</div>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 3, body
    assert_gone(body, "harbour festival", "Also this week", "Section 7")


def test_boilerplate_named_wrapper_holding_the_article_stays() -> None:
    html = _page(
        f"<div class='share-container'><h1>Tram line extended</h1>{_paras(4)}"
        "<div class='share-buttons'><a href='#'>Share on Facebook</a></div></div>"
    )
    _four_paragraphs_without(html, "Share on Facebook")


def test_author_box_and_related_links_inside_the_article_go() -> None:
    html = _page(
        f"<article><div class='entry-content'>{_paras(4)}"
        "<div class='author-bio'><p>Jane Doe has covered city politics for twenty years and "
        "writes about transport, housing and the people who run the city.</p></div>"
        "<div class='related-posts'><ul><li><a href='/1'>Bus fares rise</a></li>"
        "<li><a href='/2'>New cycle lanes</a></li></ul></div></div></article>"
    )
    _four_paragraphs_without(html, "Jane Doe", "Bus fares rise")


def test_table_cells_do_not_run_together() -> None:
    table = "<table><tr><th>Stop</th><th>Opens</th></tr><tr><td>Harbour</td><td>2026</td></tr></table>"
    doc = extract_html(_page(f"<article>{_paras(3)}{table}{_paras(1)}</article>"))
    tables = [b.text for b in doc.blocks if b.tag == "table"]
    assert tables == ["Stop | Opens\nHarbour | 2026"]


def test_headline_is_a_field_not_body_text() -> None:
    html = _page(f"<article><h1>Council extends the tram line</h1>{_paras(3)}</article>")
    article = clean_html(html)
    assert "Council extends the tram line" not in (article.articleBody or "")


def test_blocks_carry_their_place_in_the_page() -> None:
    doc = extract_html(_page(f"<div id='main' class='story body'>{_paras(3)}</div>"))
    assert doc.blocks
    block = doc.blocks[0]
    assert block.tag == "p"
    assert block.path.startswith("html/body/div#main.story.body/p")


def test_article_after_a_premature_html_end_tag_is_read() -> None:
    html = f"<html><head><title>x</title></head><body><p>Menu</p></body></html><div>{_paras(3)}</div>"
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 3


def test_an_unclosed_button_holding_the_page_leaves_its_article_in_the_body() -> None:
    # A menu button left open in the header: lxml nests the rest of the page inside it. With no
    # <article> or publisher's marker to prefer, the button itself holds most of the prose; its
    # text is the page's and must be read, not skipped as a control's label.
    html = _page(
        "<div class='top'><button aria-label='Main menu'><div class='logo'>City News</div>"
        "<ul><li><a href='/news'>News</a></li><li><a href='/sport'>Sport</a></li></ul>"
        f"<h1>Tram line extended</h1>{_paras(4)}<div class='foot'>(c) City News</div></div>"
    )
    root = lxml.html.document_fromstring(html)
    assert root.xpath("//button/p")  # (lxml nests the page in the button)
    _four_paragraphs_without(html, "Sport")


def test_a_page_of_short_lines_is_never_empty() -> None:
    html = _page("<div class='nav-menu'><a href='/a'>Opening hours</a></div><div>Closed on Mondays</div>")
    assert clean_html(html).articleBody


def test_script_and_hidden_text_never_reach_the_body() -> None:
    html = _page(
        f"<article>{_paras(3)}<script>var x = 'tracking';</script>"
        "<div style='display:none'>Hidden promo text</div><p hidden>Also hidden</p></article>"
    )
    body = clean_html(html).articleBody or ""
    assert "tracking" not in body
    assert "Hidden promo" not in body
    assert "Also hidden" not in body


def test_captions_and_one_link_lines_stay_out_of_the_body() -> None:
    html = _page(
        f"<article>{_paras(2)}<figure><img src='a.jpg'><figcaption>Abby Jiu Photography</figcaption>"
        f"</figure><p><a href='/demo'>Book a demo</a></p>{_paras(2)}</article>"
    )
    _four_paragraphs_without(html, "Abby Jiu", "Book a demo")


def test_ordered_list_items_carry_their_numbers() -> None:
    html = _page(
        f"<article>{_paras(2)}<ol start='3'><li>Pick a sunny spot.</li><li>Water daily.</li></ol>{_paras(1)}</article>"
    )
    items = [b.text for b in extract_html(html).blocks if b.tag == "li"]
    assert items == ["3. Pick a sunny spot.", "4. Water daily."]


def test_code_keeps_its_highlighted_comments() -> None:
    code = "<pre><code><span class='hljs-comment'># undo the last commit</span>\ngit reset HEAD~1</code></pre>"
    body = clean_html(_page(f"<article>{_paras(2)}{code}{_paras(1)}</article>")).articleBody or ""
    assert "# undo the last commit" in body


def test_a_hidden_markdown_copy_of_the_article_stays_out() -> None:
    # Some sites ship the article a second time as markdown in a hidden <pre> (for copying
    # or for bots); a reader never sees it, and the text must not come out twice.
    html = _page(
        f"<main><article><h1>Tram line extended</h1>{_paras(4)}</article>"
        "<pre hidden class='raw'># Tram line extended\n\nThe council voted on Tuesday ...</pre>"
        "<pre><code>tram.extend(stops=4)</code></pre></main>"
    )
    _four_paragraphs_without(html, "# Tram line extended")


def test_a_signup_box_inside_the_article_goes_whole() -> None:
    # An SMS/newsletter signup in the middle of the text, with no telling class names: its
    # pitch and small print go with its form.
    signup = (
        "<section><div>Be the first to know!</div><div>Get our best stories texted to your phone.</div>"
        "<form><input type='tel' name='phone'><button>Sign Me Up</button></form>"
        "<div>By signing up, you agree to receive recurring automated messages. Reply STOP to opt out.</div>"
        "</section>"
    )
    html = _page(f"<main><article><h1>Tram line extended</h1>{_paras(2)}{signup}{_paras(2)}</article></main>")
    _four_paragraphs_without(html, "Be the first to know", "texted to your phone", "Reply STOP")


def test_a_scripted_signup_box_asking_for_an_email_in_a_text_field_goes_whole() -> None:
    # A newsletter box built by a script: a role="form" box, its address field typed "text"
    # with an "Email" placeholder; and an older <form> whose field is only named "email".
    scripted = (
        "<div><h3>Sign up to our free breaking news emails</h3><div role='form'>"
        "<input type='text' placeholder='Email'><button>Sign up</button>"
        "<label>I would like to be emailed about offers and events. Read our privacy policy</label></div></div>"
    )
    older = (
        "<div><div>Get the Morning Stop in your inbox</div><form><input type='text' name='email'>"
        "<input type='submit' value='Go'></form><div>We never share your address.</div></div>"
    )
    said = "Readers can sign up for the council's email alerts about the works on its website."
    html = _page(
        f"<main><article><h1>Tram line extended</h1>{_paras(2)}{scripted}<p>{said}</p>{older}{_paras(2)}"
        "</article></main>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 4 and said in body
    for gone in ("breaking news emails", "emailed about offers", "Morning Stop", "never share your address"):
        assert gone not in body


def test_a_hidden_republish_dialog_with_a_copy_of_the_article_stays_out() -> None:
    copy = "".join(f"<p>{PARA}</p>" for _ in range(6))
    html = _page(
        f"<main><article><h1>Tram line extended</h1>{_paras(3)}</article></main>"
        "<div id='republish' style='display:none' role='dialog' aria-modal='true'>"
        "<p>Republish our articles for free, online or in print, under a Creative Commons license.</p>"
        f"<p>Please credit us and our writers.</p>{copy}</div>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 3
    assert "Republish our articles" not in body
    assert "credit us" not in body


def _cards(titles: list[str]) -> str:
    return "".join(
        f"<div class='card'><h3><a href='/{i}'>{t}</a></h3><p>A short teaser of this other story.</p></div>"
        for i, t in enumerate(titles)
    )


def test_a_row_of_teaser_cards_after_the_article_goes() -> None:
    teasers = _cards(["Bridge reopens after repairs", "Mayor resigns over budget row", "Storm closes port"])
    grid = f"<div class='grid'>{teasers}</div>"
    html = _page(f"<main><article><h1>Tram line extended</h1>{_paras(4)}{grid}</article></main>")
    _four_paragraphs_without(html, "Bridge reopens", "Mayor resigns", "Storm closes port", "short teaser")


def test_a_post_loop_whose_cards_are_named_after_their_posts_goes() -> None:
    # A blog engine names every card after its post beside the names the cards share: the
    # card's own names (an id, a category) do not make it a different kind of box.
    titles = ["Bridge reopens after repairs", "Mayor resigns over budget row", "Storm closes port"]
    cards = "".join(
        f"<article class='x1 post-{800 + i} x2 cat-{i} x3'><h2><a href='/{i}'>{t}</a></h2>"
        "<div><p>A short teaser of this other story, cut after its first sentence...</p></div></article>"
        for i, t in enumerate(titles)
    )
    html = _page(f"<main><article><h1>Tram line extended</h1>{_paras(4)}<div>{cards}</div></article></main>")
    _four_paragraphs_without(html, "Bridge reopens", "Mayor resigns", "Storm closes port", "short teaser")


def test_teaser_cards_before_the_pages_footer_still_end_the_text() -> None:
    # The footer's licence line is a paragraph after the cards, but no paragraph of the article.
    teasers = _cards(["Bridge reopens after repairs", "Mayor resigns over budget row", "Storm closes port"])
    licence = (
        "<footer><p>All text on this site is published under a Creative Commons licence; you may "
        "republish it if you credit the paper and link to the original story.</p></footer>"
    )
    html = _page(f"<main><article><h1>Tram line extended</h1>{_paras(4)}<div>{teasers}</div>{licence}</article></main>")
    _four_paragraphs_without(html, "Bridge reopens", "Mayor resigns", "Storm closes port", "short teaser")


def test_cards_named_after_their_items_in_the_middle_of_the_text_stay() -> None:
    items = ["The Acme 300 cargo bike", "The Velo family tandem", "The Urban folding bike"]
    cards = "".join(
        f"<div class='item item-{i}'><h3><a href='/shop/{i}'>{t}</a></h3>"
        "<p>Our pick for families who ride to school every day.</p></div>"
        for i, t in enumerate(items)
    )
    html = _page(f"<main><article><h1>Best cargo bikes</h1>{_paras(2)}<div>{cards}</div>{_paras(2)}</article></main>")
    _four_paragraphs_with(html, *items)


def test_a_roundups_items_linking_to_other_sites_stay() -> None:
    # Shaped like a post loop, but each item points to another site: the post's own list.
    sites = ["woodshop.example", "makerhome.example", "diyplanter.example", "craftyfox.example"]
    items = "".join(
        f"<div class='entry entry-{800 + i} kind'><h2><a href='https://{site}/project'>Project {i} from {site}</a></h2>"
        f"<p>Item {i}: a planter with solid sides that you can stain any colour to match your garden.</p></div>"
        for i, site in enumerate(sites)
    )
    html = _page(f"<main><article><h1>Ten weekend projects</h1>{_paras(4)}<div>{items}</div></article></main>")
    _four_paragraphs_with(html, *(f"Item {i}: a planter" for i in range(len(sites))))


@pytest.mark.parametrize(
    "line",
    [
        "<div><b><a href='#{slug}'>{title}</a><a href='#{slug}' aria-hidden='true'></a></b></div>",
        "<p><strong><a href='https://{slug}.example/'>{title}</a></strong></p>",
        "<div><a href='#{slug}'><strong>{title}</strong></a></div>",
        "<div><b><strong>{n}. </strong><a href='https://{slug}.example/'>{title}</a></b></div>",
        "<p><strong>{n}. <a href='https://{slug}.example/'>{title}</a></strong></p>",
    ],
)
def test_subheads_set_in_bold_as_one_link_stay(line: str) -> None:
    # A guide's section headings in bold type, each its own permalink, or a roundup's items
    # named (and numbered) by a link to each one's site: each heads the paragraph after it, as
    # an <h3> would.
    titles = ["Setting up the depot", "Choosing the tram stops", "Paying for the new line"]
    sections = "".join(
        line.format(n=n, slug=title.split()[-1], title=title) + _paras(1) for n, title in enumerate(titles, 1)
    )
    html = _page(f"<main><article><h1>Tram line extended</h1>{_paras(1)}{sections}</article></main>")
    _four_paragraphs_with(html, *titles)


def test_a_sites_own_stories_linked_in_bold_between_the_paragraphs_go() -> None:
    # The same shape, every link to another page of the site: its other stories, no sections.
    stories = ["Mayor resigns over budget row", "Storm closes the harbour bridge"]
    links = [f"<p><strong><a href='/news/{i}'>{story}</a></strong></p>" for i, story in enumerate(stories)]
    html = _page(
        f"<main><article><h1>Tram line extended</h1>{_paras(1)}{links[0]}{_paras(2)}{links[1]}{_paras(1)}"
        "</article></main>"
    )
    _four_paragraphs_without(html, *stories)


def test_a_guides_sections_under_bold_links_to_the_sites_own_pages_stay() -> None:
    # A restaurant guide's venues, a course's chapters: five or more bold lines, each one link
    # to another page of the site, each over a paragraph of its own. They head the sections as
    # an <h3> would, though every link points to the site.
    venues = ["The Lantern", "River House", "Nonna Rosa", "The Pantry", "Harbour Grill"]
    sections = "".join(
        f"<div><b><a href='/venues/{i}'>{venue}</a></b></div>{_paras(1)}" for i, venue in enumerate(venues)
    )
    html = _page(f"<main><article><h1>Where to eat</h1>{sections}</article></main>")
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 5, body
    assert [body.count(venue) for venue in venues] == [1, 1, 1, 1, 1], body


def test_the_sites_own_stories_in_bold_each_over_a_teaser_line_go() -> None:
    # The same five lines, each over one short line: the site's other stories and their
    # teasers, not sections (the teasers are left to the rules for short lines).
    stories = ["Mayor resigns over budget row", "Storm closes the bridge", "Roof fixed", "Library hours", "Bus fares"]
    teasers = "".join(
        f"<div><b><a href='/news/{i}'>{story}</a></b></div><p>Read the full story on our site.</p>"
        for i, story in enumerate(stories)
    )
    html = _page(f"<main><article><h1>Tram line extended</h1>{_paras(4)}{teasers}</article></main>")
    _four_paragraphs_without(html, *stories)


def test_rows_of_shops_linked_in_bold_under_each_item_go() -> None:
    # Lines of bold links to other sites, one under another: buttons to shops, heading nothing.
    shops = "".join(
        f"<p><strong><a href='https://{shop}.example/tram'>Buy at {shop}</a></strong></p>"
        for shop in ("Acme", "Railmart")
    )
    html = _page(
        f"<main><article><h1>Tram line extended</h1>{_paras(2)}{shops}{_paras(2)}{shops}</article></main>"
    )
    _four_paragraphs_without(html, "Buy at Acme", "Buy at Railmart")


def test_cards_followed_by_more_of_the_article_stay() -> None:
    # A roundup's product cards in the middle of the text are the article's own.
    cards = _cards(["The Acme 300 cargo bike", "The Velo family tandem", "The Urban folding bike"])
    html = _page(f"<main><article><h1>Best cargo bikes</h1>{_paras(2)}<div>{cards}</div>{_paras(2)}</article></main>")
    _four_paragraphs_with(html, "Acme 300", "Velo family tandem", "Urban folding bike")


def test_cards_followed_by_more_of_the_article_in_divs_stay_and_cards_after_it_go() -> None:
    # The roundup again, every paragraph of its text a <div> (as page builders write it): the
    # text after the cards is still the article's, so the cards are its own. The same row after
    # the last paragraph is other pages' teasers and goes.
    def cards() -> str:
        titles = ["The Acme 300 cargo bike", "The Velo family tandem", "The Urban folding bike"]
        return _cards(titles).replace("<p>", "<div>").replace("</p>", "</div>")

    def page(after: int) -> str:
        return _page(
            f"<div class='k1'><h1>Best cargo bikes</h1>{_paras(4 - after, 'div')}<div>{cards()}</div>"
            f"{_paras(after, 'div')}</div>"
        )

    body = clean_html(page(2)).articleBody or ""
    assert body.count("The council voted") == 4, body
    assert all(name in body for name in ("Acme 300", "Velo family tandem", "Urban folding bike")), body
    _four_paragraphs_without(page(0), "Acme 300", "Velo family tandem", "Urban folding bike")


_PATCH_TITLES = (
    "libgccjit: Fix volatile loads and stores",
    "libgccjit: Add support for packed structs",
    "libgccjit: Allow casts between integers and pointers",
)
"""A progress report's list of patches sent for review, each a link to its patch."""
_PATCH_LIST = "".join(f"<li><a href='/patch/{i}'>{t}</a></li>" for i, t in enumerate(_PATCH_TITLES))


def test_a_list_of_cited_links_inside_the_article_stays() -> None:
    menu = "<ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li><li><a href='/about'>About</a></li></ul>"
    html = _page(
        f"<main><article><h1>Progress report</h1>{_paras(2)}<p>Many patches were sent for review:</p>"
        f"<ul>{_PATCH_LIST}</ul>{menu}{_paras(2)}</article></main>"
    )
    body = _four_paragraphs_with(html, "Fix volatile loads and stores", "packed structs", "integers and pointers")
    assert "About" not in body


def test_a_bold_label_ending_in_a_colon_does_not_introduce_its_list_of_links() -> None:
    # "Posted on this day, other years:" set alone in bold type over the blog's older posts is a
    # heading over them (as an <h3> would be), not the article's sentence leading into its own
    # list: the list after the text goes as the link list it is. The article's sentence in a
    # paragraph still keeps the list it introduces.
    years = "".join(
        f"<li><a href='/{year}/08/17/post-{year}'>What the blog said on this day back in {year}</a></li>"
        for year in (2005, 2006, 2007, 2008)
    )
    root = lxml.html.fromstring(
        f"<div>{_paras(2)}<p>Many patches were sent for review:</p><ul>{_PATCH_LIST}</ul>{_paras(1)}"
        f"<div><b>Posted on this day, other years:</b></div><ul>{years}</ul></div>"
    )
    prune(MainContent(root, [root]))
    text = " ".join(root.text_content().split())
    assert all(title in text for title in _PATCH_TITLES), text
    assert "back in 2007" not in text, text


def test_pruning_keeps_no_page_alive() -> None:
    # Whether a list's links lead away is judged against the page's own site, read from its
    # links. That reading belongs to one call of prune: a cache of it kept the last two pages'
    # trees alive after they were done with (and answered for a part from before its pruning).
    fixture = Path(__file__).parent.parent / "fixtures" / "extraction" / "kind-7-cited-lists-between-br-paragraphs.html"
    source = fixture.read_text(encoding="utf-8")

    def pruned_text() -> tuple[str, weakref.ref[lxml.html.HtmlElement]]:
        root = lxml.html.fromstring(source)
        (post,) = root.xpath("//div[@class='entry-body']")
        prune(MainContent(post, [post]))
        return " ".join(post.text_content().split()), weakref.ref(post)

    text, part = pruned_text()
    assert "Storm Shell insulated parka" in text  # (the list of other sites' pages: cited)
    assert "Ferry fares to rise in spring" not in text  # (the site's own stories: related)
    gc.collect()
    assert part() is None  # (an element alive keeps its whole document alive)
    assert pruned_text()[0] == text  # (a page pruned again the same way)


def test_headings_in_page_builder_widgets_stay() -> None:
    # Page builders wrap each heading of the text in its own "widget" box.
    def widget(inner: str) -> str:
        return f"<div class='builder-widget'><div class='widget-container'>{inner}</div></div>"

    sections = "".join(widget(f"<h3>{n}. Build an emergency fund</h3>") + widget(_paras(2)) for n in (1, 2, 3))
    html = _page(f"<main><h1>Money tips</h1>{sections}</main>")
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 6
    for n in (1, 2, 3):
        assert f"{n}. Build an emergency fund" in body


def test_a_bem_named_article_body_is_preferred_over_the_page_around_it() -> None:
    # "article__content" (block__element naming) marks the article text like "article-content".
    faq = "".join(
        f"<div class='faq__item'>Question {i}? You do not need a large space to set up a home gym, a corner "
        "of a room or a garage can work as long as you choose space-saving equipment.</div>"
        for i in range(3)
    )
    html = _page(
        "<div class='page'><div class='banner'>FREE shipping when you spend over $999.00</div>"
        f"<div class='article__content'>{_paras(3)}</div><div class='faq'>{faq}</div></div>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 3
    assert "FREE shipping" not in body and "space-saving" not in body


def test_sections_named_after_the_contents_list_stay_and_the_list_goes() -> None:
    contents = (
        "<div class='toc'><p>Table of Contents</p><ul><li><a href='#s1'>Choosing a name</a></li>"
        "<li><a href='#s2'>Filing fee</a></li></ul></div>"
    )
    sections = "".join(
        f"<section id='s{n}' class='toc-para'><h2>{title}</h2><div>{_paras(2)}</div></section>"
        for n, title in ((1, "Choosing a name"), (2, "Filing fee"), (3, "Filing receipt"), (4, "Contact"))
    )
    html = _page(f"<main><article><h1>Forming a company</h1>{_paras(2)}{contents}{sections}</article></main>")
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 10
    assert "Filing receipt" in body and "Table of Contents" not in body


def test_a_donation_appeal_inside_the_article_goes() -> None:
    appeal = (
        "<div class='inline-box donate'><p>Support our reporting</p><p>Our interviews are expensive to "
        "produce. If you have enjoyed this one, please support us by donating a small amount.</p></div>"
    )
    html = _page(f"<main><article><h1>Tram line extended</h1>{_paras(3)}{appeal}{_paras(2)}</article></main>")
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 5
    assert "donating" not in body and "Support our reporting" not in body


def test_an_author_bio_goes_from_an_article_written_without_paragraph_tags() -> None:
    # The bio is the page's only <p>: it must not count as most of the article's paragraphs.
    loose = "<br><br>".join(f"{i}. {PARA}" for i in range(8))
    bio = (
        "<div class='author-desc'><p>The Lifestyle Desk is a dynamic team of dedicated journalists who, "
        "with unwavering passion and commitment, sift through the pulse of the nation.</p></div>"
    )
    html = _page(f"<div class='story'><h1>Tram line extended</h1><div class='body'>{loose}</div>{bio}</div>")
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 8
    assert "dynamic team" not in body


def test_image_credit_lines_outside_captions_go() -> None:
    html = _page(
        f"<main><article><h1>Best vacation packages</h1>{_paras(1)}<img src='a.jpg'>"
        "<p>Getty Images / Holger Leue</p>"
        f"{_paras(1)}<img src='b.jpg'><div>Image from Mary's April 2024 review.</div>{_paras(1)}"
        "<p>Photo by Pixabay https://www.pexels.com/photo/417458</p>"
        f"{_paras(1)}</article></main>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 4
    assert "Holger Leue" not in body and "April 2024 review" not in body
    assert "Photo by Pixabay https://www.pexels.com/photo/417458" in body  # a cited source stays


def test_paragraphs_inside_a_custom_element_stay_separate_paragraphs() -> None:
    # Web components (<story-text>) and inline tags around blocks are containers, not one line.
    html = _page(f"<main><article><h1>Tram line extended</h1><story-text>{_paras(3)}</story-text></article></main>")
    body = clean_html(html).articleBody or ""
    paragraphs = body.split("\n\n")
    assert len(paragraphs) == 3 and all(p.endswith("transport union.") for p in paragraphs)


def test_a_line_break_inside_inline_markup_separates_words() -> None:
    html = _page(
        f"<main><article><h1>Tram passes</h1>{_paras(2)}<div>Monthly pass: <b>$20<br>per month</b></div>"
        f"{_paras(1)}</article></main>"
    )
    body = clean_html(html).articleBody or ""
    assert "Monthly pass: $20 per month" in body


def test_the_box_around_the_headline_is_judged_by_what_it_holds_not_whole() -> None:
    # A blog's post column beside its archive: the box holding both is mostly link text, but
    # the post (its lines cut by <br>, no <p>) is in it, under the page's headline. Pruned
    # inside content that holds the blog's header too, the column is judged box by box: the
    # archive goes, the post stays.
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October")
    item = "<li><a href='/{y}/{m}/'>{m} {y} ({n})</a></li>"
    archive = "".join(item.format(y=y, m=m, n=y % 9 + 3) for y in range(2008, 2013) for m in months)
    labels = "".join(f"<a href='/search/label/{w}'>{w}</a> " for w in ("EHR", "HIE", "China", "travel", "policy") * 4)
    post = (
        "<div class='p1'><h3>In Shanghai this Week</h3><div class='p2'>"
        "This week I am in Shanghai and the cities around it, working on the records system.<br>"
        "There will be a few days without posts this week, but I will write up what I learn.<br>"
        "Along the way I will meet the teams who run the exchange and hear what they need.</div></div>"
    )
    page = (
        "<html><head><title>Life as a CIO: In Shanghai this Week</title></head><body>"
        "<div class='w1'><div class='h9'><h1><a href='https://cio.example.com/'>Life as a CIO</a></h1>"
        "<p>Every day I experience life in the world of healthcare IT, and in this blog I record what I see.</p></div>"
        f"<div class='w2'>{post}<div class='s1'><ul>{archive}</ul><div>{labels}</div></div></div></div>"
        "</body></html>"
    )
    root = lxml.html.document_fromstring(page)
    stats = strip_page(root)
    wrapper = root.find(".//div[@class='w1']")
    column = root.find(".//div[@class='w2']")
    assert stats[column].links > 0.6 * stats[column].text  # the column alone reads as a link list
    prune(MainContent(wrapper, [wrapper], stats, headlines=("In Shanghai this Week", "Life as a CIO")))
    kept = " ".join(wrapper.text_content().split())
    assert "working on the records system" in kept and "hear what they need" in kept
    assert "March 2011" not in kept
    body = clean_html(page.encode(), url="https://cio.example.com/2012/10/shanghai.html").articleBody or ""
    assert "working on the records system" in body and "hear what they need" in body
    assert "March 2011" not in body and "travel" not in body


_PROGRESS = "".join(
    f"<p>The backend now builds the standard library on {n} more targets, and the test suite runs "
    "green on every one of them, which took most of the last two months of work.</p>"
    for n in range(3)
)
"""A progress report's paragraphs, before its list of patches."""


def _patches(item: str) -> str:
    """Eight list items, each ``item`` with ``{link}`` a link to a patch."""
    return "".join(
        "<li>"
        + item.format(link=f"<a href='https://gcc.example.org/p/{n}'>libgccjit: fix number {n} of the casts</a>")
        + "</li>"
        for n in range(8)
    )


def _report(patches: str, tag: str, heading: str = "") -> Callable[[str], bytes]:
    """The progress report with ``patches`` as its list under ``heading``, every paragraph a
    ``<tag>`` (``p``, or ``div`` as page builders write them), introduced by the sentence given
    to the page it returns, with a paragraph after the list."""
    progress = _PROGRESS.replace("<p>", f"<{tag}>").replace("</p>", f"</{tag}>")
    after = "I sent every patch that was ready, in the hope that the next release is as close to upstream as it can be."

    def page(intro: str) -> bytes:
        return (
            "<html><head><title>Progress report</title></head><body><div class='k1'><h1>Progress report</h1>"
            f"{progress}<div class='s1'>{heading}<div class='p1'><{tag}>{intro}</{tag}></div>"
            f"<div class='u1'><ul>{patches}</ul></div><div class='p1'><{tag}>{after}</{tag}></div></div></div>"
            "</body></html>"
        ).encode()

    return page


_REPORT_LINES = (
    "There was good progress upstream. Many patches were sent for review:",
    "Related stories:",
    [f"fix number {n} of the casts" for n in range(8)],
    ["fix number 3 of the casts"],
    "two months of work",
)
""":func:`_introduced_only`'s lines for :func:`_report`'s pages: the article's introduction, a
label pointing elsewhere, the items that stay under the first, those gone under the second, and
a line of the article that stays."""


def test_a_list_of_links_the_articles_own_sentence_introduces_stays() -> None:
    # "Many patches were sent for review:" and a list of the patches, each a link: the article's
    # list, not a link farm. The same list under "More world stories from NBC News:" points to
    # other pages and goes.
    patches = _patches("{link}")

    def page(intro: str) -> bytes:
        return (
            "<html><head><title>Progress report</title></head><body><article><h1>Progress report</h1>"
            f"{_PROGRESS}<div class='s1'><h2>Patches</h2><div class='p1'><p>{intro}</p></div>"
            f"<div class='u1'><ul>{patches}</ul></div></div></article></body></html>"
        ).encode()

    _introduced_only(
        page,
        "There was good progress upstream. Many patches were sent for review:",
        "More world stories from NBC News:",
        ["fix number 3 of the casts", "fix number 7 of the casts"],
        ["fix number 3 of the casts"],
        "two months of work",
    )


def test_items_written_as_paragraphs_of_a_list_the_article_introduces_stay() -> None:
    # The same list written as an AsciiDoc or Markdown engine writes it: each item a <p> in its
    # <li>, the <p> one link. The list stays as the article's, and so does each item's paragraph;
    # under a label pointing elsewhere ("Related stories:") the items go.
    _introduced_only(_report(_patches("<p>{link}</p>"), "p", "<h2>Patches</h2>"), *_REPORT_LINES)


def test_a_list_the_article_introduces_stays_when_every_paragraph_is_a_div() -> None:
    # The progress report again, written as page builders write text: every paragraph a <div>,
    # each item of the patches' list a <div> that is one link. The items are the article's
    # paragraphs, judged as <p>s are (kept under the article's own sentence), not a link list;
    # under "Related stories:" they go.
    _introduced_only(_report(_patches("<div>{link}</div>"), "div"), *_REPORT_LINES)


def test_a_list_the_article_introduces_stays_when_its_divs_are_printed_on_lines_of_their_own() -> None:
    # The same list as a template prints it, each link on a line of its own inside its <div>
    # ("<div>\n  <a>...</a>\n</div>"): the whitespace around the link is no text of the item.
    _introduced_only(_report(_patches("<div>\n      {link}\n    </div>"), "div"), *_REPORT_LINES)


_GUIDE = (
    "<div>Refer to <a href='https://guides.example.com/twitter'>The Ultimate Guide to tweets, hashtags "
    "and all things Twitter</a> if you are new.</div>"
)
_SHORT = (
    "<div>Yesterday we <a href='https://shop.example.com/new'>launched something cute, frivolous and "
    "tiny</a>, in a silly way.</div>"
)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [(_GUIDE, "Refer to The Ultimate Guide to tweets"), (_SHORT, "Yesterday we launched something cute")],
)
def test_a_div_sentence_mostly_linked_stays_and_a_div_of_share_links_goes(sentence: str, kept: str) -> None:
    # In text written in <div>s, a sentence whose link is most of its words is a paragraph (as a
    # <p> it stays), not a box of links; a short line of links ("Share: Facebook Twitter Email")
    # still goes. A sentence shorter than a paragraph's length is one too when it has eight words
    # or more and closes like a sentence ("Yesterday we launched <a>...</a>, in a silly way.").
    share = "<div><a href='/fb'>Facebook</a> <a href='/tw'>Twitter</a> <a href='/mail'>Email</a></div>"
    html = _page(
        f"<div class='k1'><h1>Tram line extended</h1>{_paras(2, 'div')}{sentence}{_paras(2, 'div')}{share}</div>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 4, body
    assert kept in body
    assert_gone(body, "Facebook", "Twitter Email")


def test_short_paragraphs_the_articles_own_sentence_introduces_stay() -> None:
    # A list written as one paragraph a line, some of them a link each, after "Here are the
    # places we will visit ...:": the article's own list, neither link lines nor furniture after
    # its last paragraph. After a label pointing elsewhere ("Follow us:") the links go.
    places = ["Brazil (Brasilia, Rio de Janeiro)", "Bahrain", "Sri Lanka", "India", "Jakarta", "Belgium"]
    lines = "".join(
        f"<p><a href='https://tour.example.com/{n}'>{place}</a></p>" if n % 2 else f"<p>{place}</p>"
        for n, place in enumerate(places)
    )
    prose = (
        "<p>We are excited to announce the first destinations of our world tour next year. The signup "
        "pages go live today and you can find every destination in the menu on the left.</p>"
        "<p>We are so thrilled to be travelling again after such a long time at home.</p>"
    )

    def page(intro: str) -> bytes:
        return (
            "<html><head><title>World tour</title></head><body><div class='nav'><a href='/'>Home</a></div>"
            f"<div class='post'><h2>World tour</h2>{prose}<p>{intro}</p>{lines}</div>"
            "<div class='foot'><p>Copyright 2012 Blue Lily</p></div></body></html>"
        ).encode()

    _introduced_only(
        page,
        "Here are the places we will visit in the first half of the year:",
        "Follow us:",
        places,
        ["Bahrain", "India", "Belgium"],
        "so thrilled",
    )


_DEVICES = ["Amazon Kindle (DX)", "Barnes & Noble Nook", "Apple iPad", "Android Phone", "Sony Reader", "Kobo"]


def _device_page(last: str) -> bytes:
    """A post whose last sentence ends in ``last``, then the devices, each in a box of its own."""
    lines = "".join(f"<div>• {d}</div>" for d in _DEVICES[1:])
    return (
        "<html><head><title>Read it anywhere</title></head><body>"
        "<div id='top'><h1><a href='/'>Monthly</a></h1></div>"
        "<div id='post'><h2>Now you can read the magazine on ebook readers</h2>"
        "<div class='date'><span>By Lim, 08 June 2010</span></div>"
        "<p>As promised in our previous update, the electronic edition is ready. And what is more, thanks to "
        f"our partners at the bookshop, {last}</p><div>• {_DEVICES[0]}</div><div>{lines}</div></div>"
        "<div class='side'><p>Subscribe by email</p></div></body></html>"
    ).encode()


@pytest.mark.parametrize("tables", [False, True], ids=["divs", "one-cell tables"])
def test_what_the_articles_last_sentence_introduces_in_boxes_after_it_stays(tables: bool) -> None:
    # The article's paragraphs in one box and, after it, what its last sentence announces in
    # boxes of short lines of their own ("• Amazon Kindle"): the article's, not page furniture.
    # Written with one-cell tables for boxes, a one-cell table is a box (its line a paragraph,
    # as the <div>'s).
    _introduced_only(
        (lambda last: _in_one_cell_tables(_device_page(last))) if tables else _device_page,
        "you can now read the first issue on the following devices:",
        "you can now read the first issue on your phone. Enjoy it.",
        _DEVICES,
        ["Sony Reader"],
        "the electronic edition is ready",
    )


_WEEK = "".join(
    f"<tr><td>{day}, October {n}</td><td><ul><li>We <a href='/{n}'>released the new calculator number {n} "
    f"for web applications</a>.</li></ul></td></tr>"
    for n, day in zip(range(22, 27), ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"), strict=True)
)
_SIGNED = (
    "<p>Posted by Jeff on November 4, 2012 at 10:00 AM in Weekly review. Comments are moderated and will "
    "not appear until the author has approved them.</p>"
)


def _week_in_review(intro: str, tables: bool) -> bytes:
    """A week's news as a table of links under ``intro``: in ``<div>``s, or (``tables``) on a
    page laid out in one-cell tables, the sentence in one box and the table three boxes (table,
    row, cell) down in the next."""
    if tables:
        body = (
            f"<table><tr><td><h3>Week in review</h3><table><tr><td><p>{intro}</p></td></tr></table>"
            f"<table><tr><td><table>{_WEEK}</table></td></tr></table>{_SIGNED}</td></tr></table>"
        )
    else:
        body = (
            f"<div class='c1'><h3>Week in review</h3><div class='c2'><div class='c3'><p>{intro}</p>"
            f"<table>{_WEEK}</table></div></div>{_SIGNED}</div>"
        )
    return f"<html><head><title>Week in review</title></head><body>{body}</body></html>".encode()


@pytest.mark.parametrize("tables", [False, True], ids=["divs", "one-cell tables"])
def test_a_table_of_links_the_articles_own_sentence_introduces_stays(tables: bool) -> None:
    # Under "Let's take a quick look at what happened last week:" the table is the article's
    # own. Under "More posts from our blog:" or a menu of links whose text happens to end in a
    # colon it goes; so it does, in one-cell tables, under a share widget's label (the label's
    # own box before the table's).
    intro = "Let's take a quick look at what happened in the cloud last week:"
    body = clean_html(_week_in_review(intro, tables)).articleBody or ""
    assert "calculator number 23" in body and "calculator number 26" in body
    menu = "<a href='/'>Home</a> <a href='/blog'>What happened in the cloud last week</a> <a href='/a'>About us</a>:"
    share = ["If you enjoyed this article, please share it on:"] if tables else []
    for line in ["More posts from our blog:", menu, *share]:
        body = clean_html(_week_in_review(line, tables)).articleBody or ""
        assert "calculator number 23" not in body, line


_LINKED_WEEK = "".join(
    f"<tr><td>{day[:3]}</td><td><a href='/{n}'>We released the new calculator number {n} for web "
    "applications and cut its price</a></td></tr>"
    for n, day in zip(range(22, 27), ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"), strict=True)
)
"""A week's news as a table, each line one link."""


def _notes(tag: str, between: str = "") -> str:
    """Four paragraphs of the week's notes, each in ``tag``, ``between`` between them."""
    return between.join(
        f"<{tag}>Note {n}: the team spent the week on the storage gateway, which is now generally available in "
        f"every region and supports cached volumes, a change many of you asked for over the summer.</{tag}>"
        for n in range(4)
    )


def _in_one_cell_tables(html: bytes) -> bytes:
    """``html`` laid out as pages of 2000-2008 were: each ``<div>`` a one-cell ``<table>``."""
    return re.sub(rb"<div([^>]*)>", rb"<table\1><tr><td>", html).replace(b"</div>", b"</td></tr></table>")


def test_what_the_articles_sentence_introduces_stays_in_a_page_laid_out_in_tables() -> None:
    # The week's page written with one-cell tables for boxes (the devices' page is above): a
    # table holding the sentence and the list it introduces is the article's own list, not a
    # link farm.
    notes = _notes("p")

    def week_page(intro: str) -> bytes:
        return _in_one_cell_tables(
            "<html><head><title>Week in review</title></head><body><div class='c1'><h3>Week in review</h3>"
            f"<div class='c2'><div class='c5'>{notes}</div>"
            f"<div class='c3'><p>{intro}</p><table>{_LINKED_WEEK}</table></div></div>"
            "<p class='c4'>Posted by Jeff on November 4, 2012 at 10:00 AM in Weekly review. Comments are "
            "moderated and will not appear until the author has approved them.</p></div></body></html>".encode()
        )

    _introduced_only(
        week_page,
        "Let's take a quick look at what happened in the cloud last week:",
        "More posts from our blog:",
        ["calculator number 23", "calculator number 26"],
        ["calculator number 23"],
    )


def test_a_table_the_articles_sentence_between_brs_introduces_stays() -> None:
    # The article written without <p>: its sentence "Let's take a quick look ...:" is a <font>
    # run ended by <br><br>, the week's table of links under it. The run introduces the table as
    # a paragraph would; under "More posts from our blog:" the table goes.
    notes = _notes("font", "<br><br>")

    def week_page(intro: str) -> bytes:
        return (
            "<html><head><title>Week in review</title></head><body><div class='c1'><h3>Week in review</h3>"
            f"<div class='c2'><div class='c5'>{notes}</div>"
            f"<div class='c3'><font>{intro}</font><br><br><table>{_LINKED_WEEK}</table></div></div>"
            "<font class='c4'>Posted by Jeff on November 4, 2012 at 10:00 AM in Weekly review.</font></div>"
            "</body></html>"
        ).encode()

    _introduced_only(
        week_page,
        "Let's take a quick look at what happened in the cloud last week:",
        "More posts from our blog:",
        ["calculator number 23", "calculator number 26"],
        ["calculator number 23"],
        "storage gateway",
    )


def test_the_text_after_a_read_more_box_inside_it_stays() -> None:
    # A "Read More" box of other stories set inside the article's text: its heading titles the
    # box and the article goes on after it, so it is no end matter; its links go. A "Read more"
    # line that is no heading (a folded text's button) still ends the text.
    story = "".join(f"<p>{next(_NUMBERS)}. {PARA}</p>" for _ in range(5))
    rest = (
        "<p>Work on the first new stop starts in March, and the line should reach the hospital by the "
        "autumn of next year, the council's transport lead said.</p>"
        "<p>Residents who live along the route will be sent a letter with the dates of the road closures "
        "before the end of the month, the council added.</p>"
    )
    teasers = "".join(f"<li><a href='/news/{n}'>Another tram story worth a read, number {n}</a></li>" for n in range(3))

    def page(label: str) -> bytes:
        box = f"{label}<div class='k2'><ul>{teasers}</ul></div>"
        return _page(f"<div class='k1'><h1>Tram line extended</h1>{story}{box}{rest}</div>").encode()

    body = clean_html(page("<h3>Read More</h3>")).articleBody or ""
    assert "reach the hospital" in body and "road closures" in body
    assert "Another tram story" not in body
    body = clean_html(page("<p>Read more</p>")).articleBody or ""
    assert "four stops" in body
    assert "reach the hospital" not in body and "road closures" not in body


def test_a_trending_list_under_an_article_written_between_brs_goes() -> None:
    # The article's text runs between <br>s, no <p>: it has prose of its own all the same, so
    # the list of other stories' headlines under it is no roundup of links.
    text = "<br><br>".join(f"{n}. {PARA}" for n in range(4))
    titles = [
        "Mayor resigns over the budget row after a long night in the council chamber",
        "Storm closes the port for the third time this winter, ferries cancelled",
        "Bridge reopens after two years of repairs and a last-minute safety check",
    ]
    trending = "".join(f"<li><a href='/news/{i}'>{t}</a></li>" for i, t in enumerate(titles))
    html = _page(f"<main><div><h1>Tram line extended</h1><div>{text}</div><div><ul>{trending}</ul></div></div></main>")
    _four_paragraphs_without(html, *titles)


def test_a_row_of_cards_whose_titles_are_links_after_the_article_goes() -> None:
    # No heading in the cards: each opens with its title as a linked line, then a summary.
    titles = ["Financial Advisory services", "Investment Banking practice", "Mergers and Acquisitions"]
    cards = "".join(
        f"<div><a href='/services/{i}'><p>{t}</p></a><p>Our team helps companies through every step of a deal."
        f"</p><div><a href='/services/{i}'>Learn More</a></div></div>"
        for i, t in enumerate(titles)
    )
    html = _page(f"<main><article><h1>Tram line extended</h1>{_paras(4)}<div>{cards}</div></article></main>")
    _four_paragraphs_without(html, "Financial Advisory", "Investment Banking", "every step of a deal")


def test_items_whose_names_are_links_in_the_middle_of_the_text_stay() -> None:
    # (The one-link title lines go by another rule; the items' own sentences stay.)
    items = ["The Acme 300 cargo bike", "The Velo family tandem", "The Urban folding bike"]
    cards = "".join(
        f"<div><p><a href='/shop/{i}'>{t}</a></p><p>Pick {i} for families who ride to school every day.</p></div>"
        for i, t in enumerate(items)
    )
    html = _page(f"<main><article><h1>Best cargo bikes</h1>{_paras(2)}<div>{cards}</div>{_paras(2)}</article></main>")
    _four_paragraphs_with(html, *(f"Pick {i} for families" for i in range(len(items))))


def test_a_paragraph_is_prose_by_its_last_mark_before_the_closing_white_space() -> None:
    # ``_is_prose`` asks the sentence-end pattern from the text's last character before its
    # closing white space: the answer of the pattern searched through the whole text.
    from newsclean.cleaners import Block
    from newsclean.cleaners.html import _SENTENCE_END, _is_prose

    words = " ".join(["word"] * 24)
    texts = [f"{words}{end}" for end in ["", ".", ". ", ".\n", "!\u00a0 ", "”", "?)", ":", " a.b", ". x", "…\t", " ;"]]
    texts += [f"{words}. {words}", f"{words}.\n\n{words}", f"{words} »  \n "]
    for text in texts:
        assert _is_prose(Block(text)) is (_SENTENCE_END.search(text) is not None), text
    assert _is_prose(Block(f"{words}.")) and not _is_prose(Block(f"{words}. {words}"))
    assert not _is_prose(Block("Too short to count."))


def _font_runs(first: int, last: int) -> str:
    # A paragraph as pages without <p> write it: a <font> run ended by <br><br>.
    return "".join(f"<font>{n}. {PARA}</font><br><br>" for n in range(first, last))


def test_a_hidden_article_written_between_brs_is_streamed_prose_and_stays() -> None:
    # Streamed rendering parks the article in <div hidden> for a script to show: its text
    # between <br>s is paragraph text as a <p>'s would be; the hidden menu still goes.
    html = _page(
        "<h1>Tram line extended</h1><div hidden><ul><li><a href='/a'>Sport</a></li>"
        "<li><a href='/b'>Weather and travel</a></li></ul></div>"
        f"<div hidden>{_font_runs(0, 4)}</div><div><p>Copyright 2025 City News, all rights reserved.</p></div>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("The council voted") == 4, body
    assert_gone(body, "Sport", "Weather and travel", "Copyright")


def test_a_short_post_under_its_headline_beats_a_footer_disclaimer_without_article_tags() -> None:
    # The headline's own box (heading and byline) holds too little to say where the post is;
    # the unmarked box around it, which holds more paragraph text than the disclaimer the
    # scorer chose (the post's links outweighed it), is the post. Written as pages before
    # HTML5 were: no <article> marks it.
    first = (
        "Drama Desk winner Kevin Anderson has joined the cast of the theatre's coming production of "
        "The Birthday Party, which opens in January and runs for six weeks on the main stage."
    )
    second = (
        "Anderson joins the cast members announced last month; his stage credits include Orphans, "
        "Death of a Salesman and Come Back, Little Sheba, on Broadway and in London."
    )
    links = "".join(f"<a href='/news/{i}'>More theatre news {i}</a> " for i in range(40))
    disclaimer = (
        "By providing information about entertainment and cultural events on this site, the "
        "publisher shall not be deemed to endorse, recommend, approve or guarantee such events, "
        "or any facts, views, advice or information contained therein; readers should check "
        "with the venue before they go."
    )
    html = _page(
        "<div class='c1'><div class='c2'><div class='c3'><h2>Kevin Anderson Joins The Birthday Party</h2>"
        "<div>By Sarah Moore, November 6, 2012, Chicago</div></div>"
        f"<div class='c4'><p>{first}</p></div><div class='c6'>{links}</div><div class='c7'><p>{second}</p></div>"
        f"</div><div class='c5'><p>{disclaimer}</p></div></div>",
        "<title>Kevin Anderson Joins The Birthday Party - Theater News</title>",
    )
    body = clean_html(html).articleBody or ""
    assert first in body and second in body, body
    assert_gone(body, "By providing information", "More theatre news")


def test_the_post_under_a_headline_box_is_taken_whole_over_a_list_of_links() -> None:
    # The scorer chose a list of long links; the headline overrides it with the box around the
    # heading, which holds the heading and the byline only: the box around that one, holding
    # the text too, is the post.
    paras = [
        "The council voted on Tuesday to extend the tram line by four stops, a decision that followed "
        "two years of consultation.",
        "Residents of the northern estates, who wait longest for a bus today, will be a ten-minute ride "
        "from the centre.",
        "Work on the track starts in the spring and the first trams are to run on the new stops within three years.",
    ]
    titles = [f"Story number {i} about the city and its council, its budget and its buses" for i in range(12)]
    most = "".join(f"<li><a href='/news/{i}'>{t}</a></li>" for i, t in enumerate(titles))
    menu = " ".join(f"<a href='/s/{i}'>Section {i}</a>" for i in range(60))
    text = "".join(f"<p>{t}</p>" for t in paras)
    html = _page(
        f"<div class='c1'><div class='c6'>{menu}</div><div class='c2'><div class='c3'>"
        "<h1>Tram line to be extended by four stops</h1><div>By Ann Lee, city reporter, 6 November 2012</div>"
        f"</div><div class='c4'>{text}</div></div></div><div class='c5'><ul>{most}</ul></div>",
        "<title>Tram line to be extended by four stops | City News</title>",
    )
    body = clean_html(html).articleBody or ""
    assert all(t in body for t in paras), body
    assert_gone(body, "Story number", "Section 12")


def _cell(inner: str, cls: str = "") -> str:
    """``inner`` in a one-cell layout table, as pages of 2000-2008 wrap each box."""
    named = f" class='{cls}'" if cls else ""
    return f"<table{named}><tr><td>{inner}</td></tr></table>"


def test_a_row_of_teaser_cards_in_layout_tables_after_the_article_goes() -> None:
    # Each box a one-cell table (the card, its text's box): the card's heading sits seven
    # elements below the row, of which the tables' rows and cells are no level of the page's.
    titles = ["Bridge reopens after repairs", "Mayor resigns over budget row", "Storm closes port"]
    teaser = "A short teaser of this other story, telling in one sentence what happened at the harbour on Monday."
    cards = "".join(
        _cell(_cell(f"<h3><a href='/{i}'>{t}</a></h3><p>{teaser}</p>"), "card") for i, t in enumerate(titles)
    )
    html = _page(_cell(f"<h1>Tram line extended</h1>{_paras(4)}" + _cell(cards, "grid")))
    _four_paragraphs_without(html, "Bridge reopens", "Mayor resigns", "Storm closes port", "short teaser")


def test_product_cards_in_layout_tables_in_the_middle_of_the_text_stay() -> None:
    items = ["The Acme 300 cargo bike", "The Velo family tandem", "The Urban folding bike"]
    cards = "".join(
        _cell(_cell(f"<h3><a href='/shop/{i}'>{t}</a></h3><p>Our pick for families who ride to school.</p>"), "card")
        for i, t in enumerate(items)
    )
    html = _page(_cell(f"<h1>Best cargo bikes</h1>{_paras(2)}" + _cell(cards, "grid") + _paras(2)))
    _four_paragraphs_with(html, *items)


@pytest.mark.parametrize("tag", ["p", "div"])
def test_paragraphs_written_as_divs_keep_their_box_among_many_links(tag: str) -> None:
    # Page builders write each paragraph as a <div>. The box holding the article also holds
    # its headline's links and a long list of other stories, more link text than text: its
    # paragraphs, in <p>s or in <div>s, keep it from going as a link list.
    linked = (
        "Engineers at <a href='/a'>the Harbour Authority</a> said on Monday that the new "
        "<a href='/b'>ferry terminal</a> would open in spring after two years of delays."
    )
    story = "".join(f"<{tag}>{n}. {linked}</{tag}>" for n in range(1, 6))
    others = "".join(f"<li><a href='/s{n}'>Other story number {n} about the council budget</a></li>" for n in range(30))
    html = _page(
        "<div class='x1'><div class='x2'><h1><a href='/ferry'>Ferry terminal opens in spring</a></h1>"
        "<a href='/share'>12</a> <a href='/tweet'>160</a></div>"
        f"<div class='x3'>{story}</div><div class='x4'><ul>{others}</ul></div></div>"
    )
    body = clean_html(html).articleBody or ""
    assert body.count("Engineers at the Harbour Authority") == 5, body
    assert "Other story number 7" not in body


def test_a_post_written_between_brs_beside_its_links_stays_in_content_without_p() -> None:
    # Content written without <p> (the page's wrapper, chosen): the post's box holds its
    # headline line, its paragraphs as <font> runs ended by <br><br> and a long list of the
    # network's headlines, so the box is mostly links. It holds most of the content's paragraph
    # text (between <br>s, there being none in <p>s) and stays whole; the side column of links
    # goes. (With the post in <p>s a box holding so much of their text stays the same way.)
    headlines = "".join(
        f"<li><a href='/news/{i}'>Network headline number {i} about phones, laptops and tablets today</a></li>"
        for i in range(14)
    )
    side = "".join(f"<li><a href='/topic/{i}'>Topic page {i}</a></li>" for i in range(30))
    stops = "".join(f"<div>Stop {i}: Mill Lane, Market Square</div>" for i in range(20))  # a timetable's lines
    page = _page(
        "<div class='w1'><div class='p1'><div>Tram line extended by four stops</div>"
        f"{_font_runs(0, 4)}<ul>{headlines}</ul></div>"
        f"<div class='s1'><font>About this site: city news since 1887, written by the people who live here.</font>"
        f"<br><br><ul>{side}</ul></div><div class='f1'>{stops}</div></div>"
    )
    root = lxml.html.document_fromstring(page)
    stats = strip_page(root)
    wrapper = root.find(".//div[@class='w1']")
    post = root.find(".//div[@class='p1']")
    assert stats[post].links > 0.5 * stats[post].text and not stats[wrapper].prose
    prune(MainContent(wrapper, [wrapper], stats))
    kept = " ".join(wrapper.text_content().split())
    assert kept.count("The council voted") == 4, kept
    assert "Topic page 7" not in kept

def test_an_unmarked_article_whose_tables_outweigh_its_paragraphs_stays_whole() -> None:
    # A study written as pages before HTML5 were (no <article> marks it): the headline's box,
    # then paragraphs in boxes of their own between long tables of data. The tables' text
    # outweighs the paragraphs around them, and the longest paragraph's box alone scored best;
    # the box where the headline's boxes meet that choice holds over four times its paragraph
    # text, most of it after the headline, and is the article.
    rows = "".join(f"<tr><td>{m}/1/20{y}</td><td>+{y % 9}.{m}%</td></tr>" for y in range(13, 25) for m in range(1, 13))
    texts = [f"{n}. {PARA}" for n in range(9)]
    longest = " ".join([PARA] * 2)
    table = f"<div class='t1'><table>{rows}</table></div>"
    boxes = "".join(
        f"<div class='b{n}'><p>{text}</p></div>" + (table if n % 3 == 0 else "") for n, text in enumerate(texts)
    )
    html = _page(
        "<div class='a1'><div class='h1'><div class='h2'><h1>Tram line extended</h1></div>"
        f"<div>By Ann Lee, November 6, 2025</div></div>{boxes}"
        f"<div class='b9'><div class='b10'><p>{longest}</p></div></div></div>"
        "<div class='f1'><p>City News is published by the City News Company, Mill Lane, since 1887.</p></div>",
        "<title>Tram line extended - City News</title>",
    )
    body = clean_html(html).articleBody or ""
    missing = [t[:20] for t in texts if t not in body]
    assert not missing and longest in body, body[:300]
    assert "published by the City News Company" not in body
