"""Sidebar widgets: a row of titled boxes of one kind, far from the post, goes; an article's
sections of the same shape stay."""

from newsclean.cleaners import Action, Block, BlockKind, Document
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
