"""Repeats: headline and caption repeats go; a text dump's headline and standfirst are lifted."""

import pytest
from newsclean.cleaners import Action, Block, BlockKind, Document
from newsclean.cleaners.repeats import Repeats


def run(doc: Document) -> list[tuple[str, str, str | None]]:
    return [(doc.blocks[d.position].text, str(d.action), d.field) for d in Repeats()(doc)]


HEADLINE = "Kremlin responds to report Putin offered to freeze Ukraine conflict"
STANDFIRST = "The Russian leader has not made any such proposal to the US, spokesman said"


def test_text_dump_headline_and_standfirst_are_lifted_and_caption_repeat_goes() -> None:
    doc = Document([Block(HEADLINE), Block(STANDFIRST), Block(HEADLINE), Block("Body paragraph one.")])
    assert run(doc) == [
        (HEADLINE, str(Action.MOVE), "headline"),
        (STANDFIRST, str(Action.COPY), "description"),
        (HEADLINE, str(Action.REMOVE), None),
    ]


def test_known_headline_repeated_in_html_body_goes() -> None:
    doc = Document(
        [
            Block(HEADLINE, BlockKind.HEADING, "h1"),
            Block("Body paragraph."),
            Block(HEADLINE, BlockKind.CAPTION, "figcaption"),
        ],
        metadata={"headline": HEADLINE},
    )
    assert [r[0] for r in run(doc)] == [HEADLINE, HEADLINE]


def test_duplicated_caption_goes_but_repeated_long_paragraph_stays() -> None:
    caption = "Vladimir Putin in Moscow, February 2024"
    paragraph = (
        "“Any frozen conflict will eventually reignite,” he insisted, adding that the West "
        "should instead supply more weapons to Kiev so that it can achieve peace."
    )
    doc = Document(
        [
            Block(caption, BlockKind.CAPTION),
            Block(paragraph),
            Block(caption, BlockKind.CAPTION),
            Block(paragraph),
        ],
        metadata={"headline": HEADLINE},
        source_format="html",
    )
    assert run(doc) == [(caption, str(Action.REMOVE), None)]


def test_in_text_dumps_a_heading_listed_twice_stays() -> None:
    # The first copy is the table of contents, the second the section's own heading.
    lines = [
        HEADLINE,
        "When to rent a car in Iceland",
        "Costs of renting",
        "Body paragraph one.",
        "When to rent a car in Iceland",
        "Summer is the busiest season, so book early.",
    ]
    doc = Document([Block(line) for line in lines])
    assert [r for r in run(doc) if r[1] == str(Action.REMOVE)] == []


def test_a_first_line_that_is_a_sentence_is_not_taken_as_headline() -> None:
    doc = Document([Block("This is just the first sentence of the article."), Block("Second.")])
    assert run(doc) == []


@pytest.mark.parametrize(
    "credits",
    [
        "by John Fisher on July 7, 2012",
        "Posted by Brian Rose, Community Manager",
        "Von Felix Schröder und Jörg Soldwisch, dpa",
        "| August 24, 2023",
        "Reading Time: 8 minutes",
        "updated 4:36 p.m. ET July 23, 2012",
    ],
)
def test_a_text_opening_with_its_credits_has_no_headline_lifted_from_them(credits: str) -> None:
    # The page's chrome above took the headline; the byline or date line left on top is the
    # article's credits, not its headline (nor is the first paragraph under it a standfirst):
    # it goes as the HTML path's bylines do, and nothing is lifted.
    doc = Document([Block(credits), Block(STANDFIRST), Block("Body paragraph one.")])
    assert run(doc) == [(credits, str(Action.REMOVE), None)]
    assert "credits" in next(iter(Repeats()(doc))).reason


@pytest.mark.parametrize(
    "links",
    [
        ["« Older post: the council's budget | Main | Newer post: the traffic count »"],
        ["| Announcing a small-group college seminar »"],
        ["« Volkswagen sales grow once again"],
        ["« Reader Q&A: volatile (again)", "by John Fisher on July 7, 2012"],
        ["| Reading Time: 7 minutes"],
    ],
)
def test_a_text_opening_with_links_to_other_posts_has_no_headline_lifted(links: list[str]) -> None:
    # A blog engine's links to the posts before and after (TypePad's "« Older | Main | Newer »"),
    # left on top when the page's chrome above took the headline: they go, credits under them
    # too, and no line is taken for the headline.
    doc = Document([*map(Block, links), Block(STANDFIRST), Block("Body paragraph one.")])
    assert run(doc) == [(line, str(Action.REMOVE), None) for line in links]


def test_a_headline_opening_like_a_byline_is_still_the_headline() -> None:
    # "Von München bis Aachen" is no "von" + names; "By the numbers" no "by" + a name.
    # Guillemets around a quotation are no arrows to another post.
    for headline in (
        "Von München bis Aachen: Im Netz der China-Agenten",
        "By the numbers: a year of floods",
        "« Nous ne céderons pas » : Macron face aux syndicats",
        "Sophie Binet met en garde Emmanuel Macron sur la « gravité de la situation »",
    ):
        doc = Document([Block(headline), Block("Body paragraph one.")])
        assert run(doc) == [(headline, str(Action.MOVE), "headline")]


def test_repeated_list_items_and_section_labels_stay() -> None:
    lines = ["Foods to eat", "eggs", "poultry", "Summary", "Foods to avoid", "eggs", "poultry", "Summary"]
    doc = Document([Block(line) for line in lines], metadata={"headline": HEADLINE})
    assert run(doc) == []


def test_in_text_dumps_a_line_repeated_just_below_itself_is_a_second_copy() -> None:
    # A caption printed twice (the image's alternative text and its caption), a paragraph rendered
    # for two screen sizes: the copy within three lines goes; a table of contents' entry, far from
    # its heading, and short labels ("Share") repeated stay.
    caption = "A mother and her children sell bread in Ecatepec, Mexico state, on Tuesday."
    paragraph = "The institute said growth was spurred by an expansion in industry and services."
    lines = [
        HEADLINE,
        STANDFIRST,
        "In this article",
        "How the economy grew",
        "What comes next",
        caption,
        caption,
        "Share",
        paragraph,
        "Share",
        "(AP Photo/Marco Ugarte)",
        paragraph,
        "How the economy grew",
        "Mexico's economy grew by 1.1% in the first quarter of 2023, the statistics institute said.",
    ]
    doc = Document([Block(line) for line in lines])
    removed = [(doc.blocks[d.position].text, d.position, d.reason) for d in Repeats()(doc) if d.action is Action.REMOVE]
    assert [(text, position) for text, position, _ in removed] == [(caption, 6), (paragraph, 11)]
    assert removed[1][2] == "repeats the line 3 above it word for word (a second copy)"


COPIED = [
    "The council approved the plan on Tuesday after a debate that ran for almost four hours in the town hall.",
    "Residents who live along Harbour Road had asked for the crossings to be moved closer to the school gates.",
    "Work on the first stretch starts in March, when the contractor closes one lane for six weeks.",
    "The market on Quay Lane stays open throughout, with its entrance moved to the station forecourt for now.",
]


def test_in_text_dumps_an_article_printed_twice_loses_its_second_copy() -> None:
    # A page that renders the article twice (for two screen sizes, or in a hidden tab) prints it
    # twice in a dump: the second run of the same paragraphs, in the same order, goes.
    lines = [HEADLINE, STANDFIRST, *COPIED, "Share", "Read more", *COPIED, "About us"]
    doc = Document([Block(line) for line in lines])
    removed = [(d.position, d.reason) for d in Repeats()(doc) if d.action is Action.REMOVE]
    assert [position for position, _ in removed] == [8, 9, 10, 11]
    assert all(reason.endswith("word for word (a second copy)") for _, reason in removed)


def test_in_text_dumps_a_list_quoted_in_full_after_the_post_answers_it_item_by_item_stays() -> None:
    # A post quotes a list's items one by one with its own paragraph after each, then prints the
    # list whole: the quoted items come back, but the stretch they first stood in holds the post's
    # own paragraphs too, so the list printed whole is the article's, not a second rendering.
    answers = [
        "That is the first thing every new parent asks of a friend, and it is the one most often ignored.",
        "A salad nobody asked for is still a salad, and most friends will be happy to bring one along.",
        "Nobody who has held a newborn for an afternoon has ever complained of being bored by the work.",
        "Walking a dog is the one chore on the list that the helper will probably enjoy doing most.",
    ]
    lines = [HEADLINE, STANDFIRST]
    for item, answer in zip(COPIED, answers, strict=True):
        lines += [item, answer]
    lines += ["The list in full:", *COPIED, "About us"]
    doc = Document([Block(line) for line in lines])
    assert [d for d in Repeats()(doc) if d.action is Action.REMOVE] == []
    # In HTML, markup tells a second rendering as it always did: the run goes there.
    html = Document([Block(line) for line in lines[1:]], metadata={"headline": HEADLINE}, source_format="html")
    assert [html.blocks[d.position].text for d in Repeats()(html) if d.action is Action.REMOVE] == COPIED


def test_in_text_dumps_the_articles_html_source_printed_under_it_goes() -> None:
    # A "Republish this story" box prints the article's source for other sites to paste: its
    # headline and paragraphs in tags, links inside them, apostrophes written straight. Read
    # without their tags, the lines copy the article's paragraphs, and go, headline and all
    # (the headline, far above, makes no whole stretch: a run of markup needs none).
    headline = "Harbour Road cycle lane approved after a two-year dispute over the crossings and the market"
    source = [
        f"<h1>{headline}</h1>",
        f'<p class="has-drop-cap">{COPIED[0]}</p>',
        '<p>Residents who live along <a href="https://example.org/road">Harbour Road</a> had asked for the '
        "crossings to be moved closer to the school gates.</p>",
        f"<p>{COPIED[2]}</p>",
        f"<p>{COPIED[3]}</p>",
    ]
    article = [COPIED[0], COPIED[1], "The contractor’s plan: " + COPIED[2], COPIED[2], COPIED[3]]
    lines = [headline, "Share", "Sign up for our newsletter to have stories delivered every morning to you.",
             *article, "Republish this article", *source, "About us"]  # fmt: skip
    doc = Document([Block(line) for line in lines], metadata={"headline": headline})
    removed = [doc.blocks[d.position].text for d in Repeats()(doc) if d.action is Action.REMOVE]
    assert removed == [headline, *source]  # (the line under the headline's field: it repeats the headline)
    # Straight quotes in the source copy the page's curly ones.
    curly = "The contractor’s plan is to close one lane between the station and the ferry terminal for six weeks."
    lines = [*COPIED[:3], curly, "Republish", *(f"<p>{t}</p>" for t in COPIED[:3]), "<p>" + curly.replace("’", "'")]
    lines[-1] += "</p>"
    doc = Document([Block(line) for line in lines])
    assert [d.position for d in Repeats()(doc) if d.action is Action.REMOVE] == [5, 6, 7, 8]


def test_in_text_dumps_markup_is_never_the_original_of_a_paragraph() -> None:
    # The source printed above the article: the article's paragraphs are no copy of it. And a
    # tutorial's markup examples, which copy no paragraph, stay.
    lines = [*(f"<p>{t}</p>" for t in COPIED), "The article", *COPIED, "About us"]
    doc = Document([Block(line) for line in lines])
    assert [d for d in Repeats()(doc) if d.action is Action.REMOVE] == []
    examples = [
        "<p>Every paragraph of the page goes in its own element, and the browser leaves a gap after it.</p>",
        "<p>A second paragraph follows the first one, and the style sheet decides how far apart they are.</p>",
        "<h2>A heading that stands between the paragraphs of the example page and names the section</h2>",
    ]
    lines = [*COPIED, *examples, "Every paragraph above is written the same way in the page's source."]
    doc = Document([Block(line) for line in lines])
    assert [d for d in Repeats()(doc) if d.action is Action.REMOVE] == []
