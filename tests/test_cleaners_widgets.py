"""Sidebar widgets: a row of titled boxes of one kind, far from the post, goes; an article's
sections of the same shape stay."""

from newsclean.cleaners import Action, Block, BlockKind, Document, clean_html
from newsclean.cleaners.prompts import Prompts

POST = (
    "On June 9 we drove an hour and a quarter to the dealer, hoping to find a dependable car for "
    "the school run, and came home with one whose engine light went on before we reached the highway."
)


def removed(blocks: list[Block]) -> set[int]:
    doc = Document(blocks, source_format="html")
    return {d.position for d in Prompts()(doc) if d.action is Action.REMOVE}


def test_a_blogs_sidebar_widgets_after_the_post_go() -> None:
    # Blogger's layout with names hashed: the post in one column, the sidebar's widgets
    # (div.c9d2 > h2.cd5d, titled or not) in another, four levels from the post's paragraphs.
    post = "html/body/div.c1/div.c2/div.c3/div.c4"
    side = "html/body/div.c1/div.c5/div.c6/div.c7"
    blocks = [
        Block("Rocky's Autos is not a good place", kind=BlockKind.HEADING, tag="h3", path=f"{post}/h3.c8"),
        *(Block(POST.replace("June 9", day), tag="p", path=f"{post}/p") for day in ("June 9", "May 2", "July 4")),
        Block("West River Academy", kind=BlockKind.HEADING, tag="h2", path=f"{side}/div#w1.c9d2.ca/h2.cd5d"),
        Block("Sometimes we need a little help graduating our children.", tag="div",
              path=f"{side}/div#w1.c9d2.ca/div.ce"),
        Block("Search This Blog", kind=BlockKind.HEADING, tag="h2", path=f"{side}/div#w2.c9d2.cb/h2.cd5d"),
        Block("Loading...", tag="span", path=f"{side}/div#w2.c9d2.cb/div.ce/span"),
        Block("Followers", kind=BlockKind.HEADING, tag="h2", path=f"{side}/div#w3.c9d2.cc/h2.cd5d"),
        Block("Copyright and Disclaimer:", kind=BlockKind.HEADING, tag="h2", path=f"{side}/div#w4.c9d2.cc/h2.cd5d"),
        Block("Copyright (c) 2008-2011 Victoria. Please respect my words and images.", tag="span",
              path=f"{side}/div#w4.c9d2.cc/div.ce/span"),
        Block("Picture Window template. Powered by Blogger.", tag="div", path=f"{side}/div#w5.c9d2.cf/div.ce"),
    ]
    assert removed(blocks) == set(range(4, 12))


def test_an_articles_sections_of_the_same_shape_stay() -> None:
    # A listicle's items: titled boxes of one kind after the introduction, inside the
    # article's own element, one level from its paragraphs.
    story = "html/body/div.c1/div.c2/div.c3/div.c4"
    blocks = [Block(POST.replace("June 9", day), tag="p", path=f"{story}/p") for day in ("June 9", "May 2", "July 4")]
    for n, title in enumerate(("Check the engine light", "Ask for the papers", "Take a mechanic", "Walk away")):
        box = f"{story}/div#i{n}.c9d2.ca"
        blocks += [
            Block(title, kind=BlockKind.HEADING, tag="h2", path=f"{box}/h2.cd5d"),
            Block(POST.replace("June 9", f"day {n}"), tag="p", path=f"{box}/p"),
        ]
    assert removed(blocks) == set()


SLIDE = (
    "Shop owners on Harbour Road gather outside the council chamber before the vote, holding the petition "
    "that more than two thousand residents signed during the winter."
)


def _slideshow(after: list[Block], cell: str = "div.ca") -> list[Block]:
    story = "html/body/div.c1/div.c2/div.c3/div.c4"
    show = f"{story}/div.c8/div#s1.c9"
    return [
        *(Block(POST.replace("June 9", day), tag="p", path=f"{story}/p") for day in ("June 9", "May 2", "July 4")),
        Block("Also on the Gazette:", tag="p", path=f"{story}/p"),
        Block("Loading Slideshow", tag="div", path=f"{show}/{cell}"),
        *(
            block
            for n in range(3)
            for block in (
                Block(f"Harbour Road, day {n}", kind=BlockKind.HEADING, tag="h4", path=f"{show}/ul/li/h4"),
                Block(SLIDE.replace("winter", f"winter {n}"), tag="p", path=f"{show}/ul/li/p"),
            )
        ),
        *after,
    ]


def test_a_slideshow_a_script_fills_after_the_text_goes() -> None:
    # The slides stand in the box the placeholder opens; its label above goes with them.
    assert removed(_slideshow([])) == set(range(3, 11))
    # The same with the placeholder wrapped in a layout's one-cell tables.
    assert removed(_slideshow([], cell="table/tbody/tr/td/table/tbody/tr/td")) == set(range(3, 11))


def test_the_box_stays_when_the_text_goes_on_after_it() -> None:
    # The article's own paragraph after the box: only the placeholder goes.
    after = [Block(POST.replace("June 9", "August 1"), tag="p", path="html/body/div.c1/div.c2/div.c3/div.c4/p")]
    assert removed(_slideshow(after)) == {4}


def test_a_placeholder_opening_the_articles_own_box_takes_nothing_else() -> None:
    # A spinner over a lazily loaded body, and a sentence starting like a placeholder: the text stays.
    story = "html/body/div.c1/div.c2/div.c3/div.c4"
    blocks = [
        Block("Loading…", tag="div", path=f"{story}/div.c5"),
        *(Block(POST.replace("June 9", day), tag="p", path=f"{story}/p") for day in ("June 9", "May 2", "July 4")),
        Block("Loading the van took an hour...", tag="p", path=f"{story}/p"),
        Block("Loading times", kind=BlockKind.HEADING, tag="h2", path=f"{story}/h2"),
    ]
    assert removed(blocks) == {0}


def test_a_slideshow_after_text_written_between_brs_goes_with_its_placeholder() -> None:
    # Paragraphs without <p> (font runs between <br><br>): the placeholder after the text is a
    # short line there, which the edge rules would take alone as furniture; the widgets cleaner
    # takes it with the slides of the box it opens.
    days = ("June 9", "May 2", "July 4", "March 3")
    runs = "<br><br>".join(f"<font>{POST.replace('June 9', d)}</font>" for d in days)
    slides = "".join(f"<li><h4>Harbour Road, day {n}</h4>{SLIDE.replace('winter', f'{n}')}</li>" for n in range(4))
    page = (
        "<html><body><div class='c1'><div class='c2'><h1>Rocky's Autos is not a good place</h1>"
        f"<div class='c3'>{runs}<br><br><font>Related on the Gazette:</font>"
        f"<div class='c8'><div class='c9'>Loading Slideshow</div><ul class='ca'>{slides}</ul></div>"
        "</div></div></div></body></html>"
    )
    article = clean_html(page)
    body = article.articleBody or ""
    assert body.count("dealer") == 4
    assert "Harbour Road" not in body
    assert any(s.text == "Loading Slideshow" and s.cleaner == "prompts" for s in article.cleaning)
