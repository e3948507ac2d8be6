"""Markdown and lynx dumps: a page saved as Markdown (html2text, markdownify, the crawlers that
feed language models) is cleaned as the text it marks up, and one saved by ``lynx -dump`` without
its links' numbers and list."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from newsclean.cleaners import CleanerChain, clean, clean_text, page_chrome
from newsclean.cleaners.line_model import LineModel, load_model
from newsclean.cleaners.page_chrome import PageChrome
from newsclean.cleaners.text import extract_text, from_lynx, from_markdown, is_markdown, unwrap

from .conftest import assert_gone, assert_once, within

DUMP = Path(__file__).resolve().parents[1] / "fixtures" / "dumps" / "page-as-markdown.md"
URL = "https://valleycourier.example/news/local/reservoir-levels-fall"
TEASERS = DUMP.with_name("teaser-cards-as-markdown.md")
TEASERS_URL = "https://islandnews.example/news/ferry-service-resumes"
TOP_HEADING = DUMP.with_name("top-heading-as-markdown.md")


def test_a_markdown_dump_gives_the_article_as_plain_text() -> None:
    record = clean_text(DUMP.read_text(encoding="utf-8"), url=URL)
    body = record.articleBody or ""
    assert record.headline == "Reservoir levels fall to a ten-year low after the dry summer"
    assert_once(
        body,
        "held 41 per cent of its capacity on Friday, the lowest reading",  # (bold marks gone)
        "The ban covers about 180,000 homes in the north of the county.",  # (a link's text, its URL gone)
        '"We have never had to choose which fields to water before," said Tom Elsworth',  # (emphasis)
        "a review of the company's *emergency* pipeline scheme.",  # (escaped stars are the text's)
        "The county council will discuss a drought plan",
    )
    for syntax in ("](", "![", "**", "http"):
        assert syntax not in body
    assert not [line for line in body.split("\n") if line.startswith(("* ", "# ", "## ", "> "))]
    assert_gone(body, "Skip to content", "Valley Courier", "Subscribe", "Water company fined", "Share on", "Privacy")


def test_a_markdown_dump_wrapped_at_78_columns_cleans_as_the_unwrapped_one() -> None:
    # html2text's default: every paragraph wrapped at 78 columns, links and addresses included
    # (an address runs past the width, whole); list items and headings are left as they are.
    dump = DUMP.read_text(encoding="utf-8")
    wrapped = "\n".join(
        line if not line or line.lstrip().startswith(("*", "#", "!", "[")) else textwrap.fill(line, 78)
        for line in dump.split("\n")
    )
    assert wrapped != dump and max(map(len, wrapped.split("\n"))) > 78
    assert clean_text(wrapped, url=URL).articleBody == clean_text(dump, url=URL).articleBody


def test_clean_reads_a_markdown_dump_as_text_too() -> None:
    dump = DUMP.read_text(encoding="utf-8")
    assert clean(dump, url=URL).articleBody == clean_text(dump, url=URL).articleBody


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("[![Valley Courier](/logo.svg)](/) [News](/news/)", "News"),  # a linked image goes whole
        ('A [ban](https://x.example/a_(b) "title") covers it.', "A ban covers it."),  # parentheses, title
        ("[Share](mailto:?subject=Reservoir levels fall&body=x)", "Share"),  # a URL with spaces
        # A link's title written over lines (html2text copies the attribute as it is), and an
        # image whose words hold brackets: each goes whole, none of its address left as text.
        ('* [Squidoo](http://www.squidoo.com "An Expert on Something\n\n")\n* [Help](/help)', "Squidoo\nHelp"),
        ("[![Rates [2025] Index](/i.png)](/rates) Rates rose.", "Rates rose."),
        ("[Home](/) (see the map\nfor details) and more", "Home (see the map\nfor details) and more"),
        ("[Lind][1] said so.\n[1]: https://x.example/lind", "Lind said so.\n"),  # reference links
        ("<https://x.example/report>", "https://x.example/report"),  # an autolink is its address
        ("## Farmers feel the strain ##", "Farmers feel the strain"),
        ("  * * nested item\n  1. first\n> quoted **words**", "nested item\nfirst\nquoted words"),
        ("snake_case and 2 * 3 = 6, _em_ and __strong__", "snake_case and 2 * 3 = 6, em and strong"),
        ("A \\- B \\# C \\[D\\]", "A - B # C [D]"),
        ("| Team | Points |\n|---|---:|\n| Hadley | 12 |", "Team Points\n\nHadley 12"),
        ("* * *\n---\n```python\nx = 1\n```", "\n\n\nx = 1\n"),
        ("[a\nlink over two lines](/x) ends.", "a\nlink over two lines ends."),
        # A run of links in one line (a carousel of teasers): a link a line, as a plain dump has it.
        (
            "[Album of the week](/a) [Top 10 rock operas](/b) [Fest photos: Superchunk](/c)",
            "Album of the week\nTop 10 rock operas\nFest photos: Superchunk",
        ),
        (  # (prose with links in it stays one line)
            "Read [the plan](/a), [the map](/b) and [the costs](/c) the council published on Monday evening.",
            "Read the plan, the map and the costs the council published on Monday evening.",
        ),
        (  # (a title over two lines quoting a title of its own, as html2text copies it)
            '  * [Graphic Design](http://x.example/c/ "Tutorials on design.\nRead our ebook "Save the Pixel" first!")'
            ' (40)\n  * [HTML](http://x.example/h/ "Pages")',
            "Graphic Design (40)\nHTML",
        ),
        (  # (an address holding a quote: html2text decodes "&quot;e=" in a share link)
            '[Share](https://www.facebook.com/sharer.php?u=https://x.example/a"e=A+story) on Facebook',
            "Share on Facebook",
        ),
    ],
)
def test_from_markdown_gives_the_text_it_marks_up(markdown: str, text: str) -> None:
    assert from_markdown(markdown) == text


def test_only_a_dump_written_in_markdown_is_read_as_markdown() -> None:
    assert is_markdown(DUMP.read_text(encoding="utf-8"))
    # A page whose own text prints a few links in Markdown's syntax (a CMS's slip) is a plain
    # dump: read as it shows, its links' addresses and all.
    plain = (
        "Ergonomics at work\nSit with your feet flat on the floor.\nReferences\n"
        "Mayo Clinic. Retrieved from [mayoclinic.org](https://www.mayoclinic.org).\n"
        "OSHA. Retrieved from [osha.gov](https://www.osha.gov).\n"
        "CDC. Retrieved from [cdc.gov/niosh](https://www.cdc.gov/niosh).\n"
    )
    assert not is_markdown(plain)
    lines = [block.text for block in extract_text(plain).blocks]
    assert "OSHA. Retrieved from [osha.gov](https://www.osha.gov)." in lines
    # Headings and bullets without links are not enough either: "# 1" and "* note" lines occur
    # in plain dumps.
    assert not is_markdown("# 1 Introduction\n* note one\n* note two\nSee [1] and [2].\n")
    # Twenty links or more are a converter's, marks or none (a blog printed as <div>s of links
    # and <br>-separated lines has no heading, list or quote): the links are read as their words.
    archive = "".join(f"{n}\\. [Op-ed number {n}](https://x.example/{n}.htm) (Courant, 2002)  \n" for n in range(1, 21))
    assert is_markdown(archive)
    assert "3. Op-ed number 3 (Courant, 2002)" in [block.text for block in extract_text(archive).blocks]
    assert not is_markdown(archive.rsplit("20\\.", 1)[0])  # (nineteen, no marks: as it shows)


@pytest.mark.parametrize(
    "body",
    [
        "a" + " " * 200_000 + "b",  # (a line's marks and a heading's closing ones read without backtracking)
        "|" + " " * 200_000 + "x",
        "--- " + " " * 200_000 + "x",
        "[a]:" + " " * 200_000,
        "[" * 200_000,
        "[a](" + "(" * 200_000,
        "*a " * 70_000,
        "[a](b) " * 30_000,
        "[" + "a.gif" * 40_000,  # (lynx's pictures: a file name in brackets)
        "[BUTTON" * 30_000,
    ],
)
@pytest.mark.parametrize("lynx", [False, True])
def test_a_hostile_markdown_or_lynx_dump_is_read_in_bounded_time(body: str, lynx: bool) -> None:
    # A line of 200,000 spaces between two letters took minutes before (a lazy group before an
    # optional run of spaces tried at every position).
    if lynx:
        dump = "x [1]a [2]b [3]c\n" + body + "\nReferences\n\n   1. https://a.example/\n"
    else:
        dump = "* [a](b)\n* [c](d)\n* [e](f)\n" + body
        assert is_markdown(dump)
    with within(5.0, f"{body[:20]!r}..."):
        extract_text(dump)


LYNX = DUMP.with_name("page-as-lynx-dump.txt")
"""The same page as ``lynx -dump -width=80`` prints it: links numbered, a list of their addresses
at the end, paragraphs wrapped."""


def test_a_lynx_dump_gives_the_article_without_its_links_numbers_and_list() -> None:
    dump = LYNX.read_text(encoding="utf-8")
    assert "[13]about 180,000 homes" in dump and "\nReferences\n" in dump
    record = clean_text(dump, url=URL)
    body = record.articleBody or ""
    assert record.headline == "Reservoir levels fall to a ten-year low after the dry summer"
    assert_once(
        body,
        # (paragraphs joined again as lynx wrapped them; the links' numbers gone)
        "The water company says the Marsh End reservoir held 41 per cent of its capacity on Friday, the lowest "
        "reading for the time of year since 2015, after the driest summer the valley has recorded in three decades.",
        "The ban covers about 180,000 homes in the north of the county.",
        "The county council will discuss a drought plan",
    )
    for residue in ("[1", "References", "file:", "https:"):
        assert residue not in body
    assert not [line for line in body.split("\n") if line.startswith(("* ", "+ "))]
    assert_gone(body, "Skip to content", "Subscribe", "Water company fined", "Share on", "Privacy")


def test_a_frame_lynx_prints_between_an_article_s_paragraphs_goes_and_the_paragraphs_stay() -> None:
    # lynx prints an embedded video player as its address, "IFRAME: https://...": no text of the
    # article's, but it is where the video is, between the paragraphs the run holds.
    dump = LYNX.read_text(encoding="utf-8")
    paragraph = "   Hydrologists at the university say"
    assert paragraph in dump
    framed = dump.replace(paragraph, "   IFRAME: [99]https://www.youtube.com/embed/dTlTG3Rse-4\n\n" + paragraph)
    record = clean_text(framed, url=URL)
    body = record.articleBody or ""
    assert "IFRAME" not in body and "youtube" not in body
    assert body == clean_text(dump, url=URL).articleBody
    assert any("embedded frame" in step.reason for step in record.cleaning)


@pytest.mark.parametrize(
    ("lynx", "text"),
    [
        ("   [12]Sport [13]Business", "   Sport Business"),
        # Three links or more and nothing else: a run of links lynx set side by side, a link a line.
        ("   [114]人民日报 [115]人民日报海外版 [116]中国汽车报", "人民日报\n人民日报海外版\n中国汽车报"),
        ("[1]Home [2]World news [3]Sport [4]Arts & Culture", "Home\nWorld news\nSport\nArts & Culture"),
        # Words before the first link, or a link's words running on as a sentence: no run.
        ("   Tags: [3]EU [4]Trade [5]Energy", "   Tags: EU Trade Energy"),
        (
            "[3]Ministers said on Monday that the new bridge opens in May, [4]after [5]talks",
            "Ministers said on Monday that the new bridge opens in May, after talks",
        ),
        # Bullets go (a list's numbers went before unwrapping: see extract_text's test below).
        ("     * [3]News\n       + [4]Local\n  1. [5]First", "News\nLocal\n  1. First"),
        ("[spacer.gif] [icon-video.png?v=2] [USEMAP] [X] (BUTTON) Search ____________", "     Search "),
        ("The plan [sic] and the [INS: :INS] text", "The plan [sic] and the  text"),
        ("   o presidente disse que a ponte abre em maio", "   o presidente disse que a ponte abre em maio"),
        # A linked picture's words (its alt) run on into the caption that repeats them: said once.
        (
            "   [7]Divers pull faces at the London pool Divers pull faces at the London pool",
            "Divers pull faces at the London pool",
        ),
        ("New York, New York", "New York, New York"),  # (a short name said twice is the text's)
        # A picture's name with its address's query, or wrapped and back with a space, inside a line.
        ("Aleppo [p00ntrfq.jpg ] fighting [imagesizer?file=a9EA7 .jpg&width=60] goes on", "Aleppo  fighting  goes on"),
        ("[tr?id=1416917035580605&ev=PageView&noscript=1] Rebels hold the east", " Rebels hold the east"),
        ("Pot [Why pot shape & size matters. A lot.] [x=1]", "Pot [Why pot shape & size matters. A lot.] [x=1]"),
        # Alone on its line, for the page chrome cleaner (the lines around it keep their neighbour).
        ("[tr?id=1416917035580605&ev=PageView&noscript=1]", "[tr?id=1416917035580605&ev=PageView&noscript=1]"),
        ("Go, team, go! Go, team, go! We won the cup.", "Go, team, go! Go, team, go! We won the cup."),
        # A picture's words, then its caption saying them again and going on: the caption stays.
        (
            "People protest, outside the Palace in Lima People protest outside the Palace in Lima against the ruling",
            "People protest outside the Palace in Lima against the ruling",
        ),
        # A picture's words printed twice (its alt and its title) before the caption: said once.
        (
            "Fans wait for the team bus outside the stadium. Fans wait for the team bus outside the stadium."
            " Fans wait for the team bus outside the stadium. 29.04.2024 Leeds",
            "Fans wait for the team bus outside the stadium. 29.04.2024 Leeds",
        ),
    ],
)
def test_from_lynx_gives_the_text_lynx_prints_around(lynx: str, text: str) -> None:
    assert from_lynx(lynx) == text


def test_a_lynx_dump_loses_its_list_numbers_but_not_a_heading_s_own() -> None:
    # lynx sets an ordered list's numbers in from the margin, as its bullets; a heading's own
    # number ("1. The first pick") stands at the margin, and is the text's.
    dump = (
        "   [1]Home [2]News\n\n1. The first pick\n\n   The text of the first pick goes on here.\n\n"
        "    1. [3]One item of the list\n    2. Another item\n   12. The twelfth item\n\n"
        "References\n\n   1. https://a.example/\n   2. https://a.example/n\n   3. https://a.example/o\n"
    )
    lines = [block.text for block in extract_text(dump).blocks]
    assert lines[1:] == [
        "1. The first pick",
        "The text of the first pick goes on here.",
        "One item of the list",
        "Another item",
        "The twelfth item",
    ]


def test_the_head_links_lynx_opens_with_are_no_line_of_the_text() -> None:
    # lynx prints the page's <link> elements first, a paragraph of their numbers and titles (the
    # feeds, the comments feed titled with the headline): the page's head, never its text.
    dump = LYNX.read_text(encoding="utf-8")
    head = (
        "   #[90]Valley Courier » Feed [91]Valley Courier » Reservoir levels fall to a ten-year low\n"
        "   after the dry summer Comments Feed [92]alternate\n\n"
    )
    lines = [block.text for block in extract_text(head + dump).blocks]
    assert lines == [block.text for block in extract_text(dump).blocks]
    assert not any("Feed" in line for line in lines)
    # A line opening with "#[" further down is the page's, and a dump with no list of links is
    # no lynx dump: both keep it.
    assert "#[1] ranked" in [b.text for b in extract_text("The list\n\n#[1] ranked first\nand more").blocks][1]


def test_a_lynx_dump_of_a_page_with_one_link_loses_its_list_too() -> None:
    # An empty search page: its only link is its search engine's address. The links' numbers in the
    # text are the list's, entry for entry, so the dump is lynx's however few they are.
    dump = "   #[1]BGG Game Search\n\nReferences\n\n   1. file:///game-opensearch.xml\n"
    assert [block.text for block in extract_text(dump).blocks] == []
    two = "   [1]Home [2]Search\n\nNo results for your search.\n\nReferences\n\n   1. https://a.example/\n   2. https://a.example/s\n"
    assert [block.text for block in extract_text(two).blocks] == ["Home Search", "No results for your search."]
    # Numbers that are not the list's (an article citing [1] over its own numbered addresses) are
    # no lynx marks: the dump stays as it is.
    cited = "Rain fell [1] all week.\n\nReferences\n\n1. https://a.example/rain\n2. https://a.example/wind\n"
    assert "Rain fell [1] all week." in [block.text for block in extract_text(cited).blocks]


def test_an_article_s_own_references_are_not_lynx_s_list() -> None:
    # A paper's citations ([1], [2], [3]) and its "References" by their authors: a plain dump.
    dump = (
        "Healthy eating plate\nWhole grains lower the risk [1] of diabetes [2] and of heart disease [3].\n"
        "References\n\n1. Akbaraly TN, Ferrie JE. Dietary pattern and depressive symptoms. 2009.\n"
        "2. Hu FB. Dietary pattern analysis. 2002.\n3. Willett WC. Nutritional epidemiology. 2012.\n"
    )
    lines = [block.text for block in extract_text(dump).blocks]
    assert "2. Hu FB. Dietary pattern analysis. 2002." in lines
    assert "Whole grains lower the risk [1] of diabetes [2] and of heart disease [3]." in lines


def test_the_benchmarks_lynx_dump_reads_a_page_in_its_own_character_set() -> None:
    # The benchmark hands lynx the decoded page as UTF-8 bytes: a page declaring ISO-8859-1 or
    # GB2312 must be read as UTF-8 then, or every accented letter prints as two (mojibake that no
    # lynx fetching the page itself prints, and that no ground truth holds).
    from benchmarks.quality import _declared_utf8, page_dump

    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "<meta charset=GB2312></head><body><p>Die Brücke über die Ruhr wird für Lkw gesperrt.</p></body></html>"
    )
    declared = _declared_utf8(page)
    assert "charset=utf-8\"" in declared and "<meta charset=utf-8>" in declared
    assert "iso-8859-1" not in declared and "GB2312" not in declared
    assert _declared_utf8("<meta name='description' content='charset of a page'>") == (
        "<meta name='description' content='charset of a page'>"
    )
    if shutil.which("lynx") is not None:
        assert "Die Brücke über die Ruhr wird für Lkw gesperrt." in page_dump(page, "lynx")


PARAGRAPHS_FOR_QUOTES = [
    "The city council voted on Tuesday to build a protected cycle lane along the length of Harbour "
    "Road, ending a dispute that has divided residents and shop owners for more than two years.",
    "The plan replaces one lane of car traffic with a two-way cycle track separated from the road by "
    "a low kerb and a row of planters. Work is due to start in the spring and to take eight months.",
    "Supporters said the road had become one of the most dangerous in the region for people on "
    "bicycles, with three serious collisions reported last year alone, and a campaign group had "
    "collected eleven thousand signatures in favour of the scheme before the vote.",
    "Several traders objected that the loss of parking bays in front of their shops would drive "
    "customers away, and the council agreed to review the scheme after its first year in operation.",
    "The review will count cyclists, pedestrians and deliveries along the road every month and will "
    "be published on the council's website, together with the minutes of the traders' meetings.",
]
QUOTED = (
    "The council's report sets out the case plainly and leaves the decision to the members, who "
    "meet again in March to vote on the cycle lane, the parking bays and the planters together."
)


def test_a_quote_html2text_wrapped_is_one_paragraph_again() -> None:
    # html2text wraps a quoted paragraph at 78 columns and opens each of its lines with "> ": the
    # lines after the first continue it (a quote line was a block of its own: every line of a
    # quoted press release or study came out as a short line, read as menu items).
    import html2text

    converter = html2text.HTML2Text()  # (its default: wrapped at 78 columns)
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS_FOR_QUOTES * 2)
    menu = "".join(f'<li><a href="/{name.lower()}/">{name}</a></li>' for name in ("News", "Sport", "Weather"))
    page = f"<ul>{menu}</ul><h1>Cycle lane vote</h1>{paragraphs}<blockquote><p>{QUOTED}</p></blockquote>"
    dump = converter.handle(page)
    assert "\n> " in dump  # (wrapped: more than one quote line)
    texts = [b.text for b in extract_text(dump).blocks]
    assert QUOTED in texts
    assert [t for t in texts if t != QUOTED and t.startswith(QUOTED[:20])] == []


def test_two_quotes_or_a_quote_and_a_paragraph_are_not_run_together() -> None:
    quotes = ["> " + "y" * 70, ">> " + "z" * 70, "> " + "w" * 70, "after the quote"]
    lines = [" ".join(["lorem"] * 12)] * 24 + ["", *quotes]
    assert unwrap(lines, markdown=True)[-4:] == lines[-4:]
    assert unwrap([*lines[:-1], "> " + "v" * 10], markdown=True)[-1] == "> " + "w" * 70 + " " + "v" * 10


def test_a_short_post_html2text_wrapped_among_menus_gets_its_paragraphs_back() -> None:
    # A blog's page: two short paragraphs among lists of links, fewer than twenty lines of
    # text in all. The wrapper's breaks (a long line, then a line whose first word would not
    # have fitted on it) say the dump is wrapped, however few its lines.
    import html2text

    menu = "".join(f'<li><a href="/archive/{n}/">Archive {n}</a></li>' for n in range(100))
    posts = PARAGRAPHS_FOR_QUOTES[:2]
    page = f"<ul>{menu}</ul><h2>Cycle lane vote</h2>" + "".join(f"<p>{p}</p>" for p in posts)
    dump = html2text.HTML2Text().handle(page)
    assert sum(1 for line in dump.split("\n") if len(line) >= 60) < 10  # (too few for the old test)
    texts = [b.text for b in extract_text(dump).blocks]
    assert all(p in texts for p in posts)


def test_a_markdown_dump_of_short_paragraphs_not_wrapped_is_left_as_it_is() -> None:
    # Lines under 100 characters, a few over 60, each with a link under it: one long line's link
    # would not have fitted on it, no more, and no line is joined to the next.
    lines = [f"* [Archive {n}](/archive/{n}/)" for n in range(12)]
    for n, words in enumerate((10, 12, 14, 16)):
        lines += ["", " ".join(["Paragraph"] + ["says"] * words + ["more."]), f"[Read paragraph {n}](/archive/{n}/)"]
    assert unwrap(lines, markdown=True) == lines


POSTS = [
    (
        "Margaret Hale",
        "September 14th, 2025 at 9:12 am",
        "We have had a water butt on every downpipe since the last ban and the garden has never looked better, "
        "so I would urge everyone to do the same this winter.",
    ),
    (
        "Tom Baker",
        "September 14th, 2025 at 11:40 am",
        "The company lost a fifth of the water in that main for years before anybody asked it to fix the leaks, "
        "and now the farmers are the ones paying for it.",
    ),
    (
        "Ann Lee",
        "September 15th, 2025 at 8:05 am",
        "Our sailing club has not been able to launch a boat since the middle of August and we have had to "
        "cancel the autumn regatta for the first time in forty years.",
    ),
]
"""Three readers' posts: the poster, the time stamp as a thread prints it, the post."""


def _with_thread(items: list[str]) -> str:
    """The Markdown fixture with ``items`` between the article's last paragraph and its related box."""
    dump = DUMP.read_text(encoding="utf-8")
    return dump.replace("## Related stories", "\n\n".join(items) + "\n\n## Related stories")


@pytest.mark.parametrize(
    "thread",
    [
        # WordPress's list of comments as html2text prints it: each post one list item, the avatar,
        # the poster's name and the stamp's permalink on the post's own line, under the thread's heading.
        [
            "### 3 comments to Reservoir levels fall to a ten-year low after the dry summer",
            *(
                f"  * ![](https://gravatar.example/avatar/{n}.png) [{name}](https://people.example/{n}) "
                f"[ {stamp} ](https://valleycourier.example/reservoir#comment-{n}) {post}"
                for n, (name, stamp, post) in enumerate(POSTS)
            ),
        ],
        # No heading; the theme's "says:" after the name.
        [f"{name} says: {stamp} {post}" for name, stamp, post in POSTS],
        # Movable Type's stamp closing each post.
        [f"{post} Posted by: {name} at {stamp.replace('th,', ',').replace(' at', '')}" for name, stamp, post in POSTS],
    ],
)
def test_a_thread_whose_posts_carry_their_stamp_on_their_own_line_is_no_article_text(thread: list[str]) -> None:
    # A Markdown dump prints each reader's post as one list item: the poster's name and the time
    # stamp open the post's line (or close it), with no short line of their own to mark the thread.
    body = clean_text(_with_thread(thread), url=URL).articleBody or ""
    assert_once(body, "The county council will discuss a drought plan")
    posts = [post for *_, post in POSTS]
    # A stamp closing the thread's first post may close the article's last paragraph instead
    # ("... Posted by Ann at ..." as a blog prints its own post's stamp): that line stays.
    gone = posts[1:] if "Posted by:" in thread[0] else posts
    assert_gone(body, *gone, "comments to Reservoir")


def test_paragraphs_that_open_or_close_on_a_date_and_a_time_stay() -> None:
    # A timeline's paragraphs opening "On September 14, 2025 at 9:12 am" or ending on the hour of
    # an event are the article's: a date after "On", or a full stop after the time, is no post's stamp.
    days = [stamp.replace("th,", ",") for _, stamp, _ in POSTS]
    events = [
        "the water company lifted the pumps at Marsh End and moved them to the deeper channel near the dam wall.",
        "the water company told the council that the reservoir would not be refilled from the river this year.",
        "the water company opened the temporary link to the neighbouring supply zone for the first time.",
    ]
    opening = [f"On {day} {event}" for day, event in zip(days, events, strict=True)]
    closing = [
        f"The drought committee that the county council set up in the spring to share the water out met for the "
        f"first time on {day}."
        for day in days
    ]
    for lines in (opening, closing):
        body = clean_text(_with_thread(lines), url=URL).articleBody or ""
        assert_once(body, *lines)


def test_teasers_cards_printed_each_as_one_link_leave_the_article_and_say_why() -> None:
    # A converter prints a teaser's card (kicker, headline, summary in one <a>) as one line of
    # prose, words glued where the card's boxes met; the page's own links in it tell it apart.
    record = clean_text(TEASERS.read_text(encoding="utf-8"), url=TEASERS_URL)
    body = record.articleBody or ""
    assert_once(
        body,
        "The ferry between the harbour and the two outer islands sailed again on Monday morning",
        "The operator's statement says it is looking for one.",  # (a link to another site, in a sentence)
        "Readers can find the full timetable in our guide, Island ferry timetable 2025.",
    )
    assert_gone(body, "harbour crane", "Island school gets a new roof", "Storm warning", "Privacy policy")
    kickers = ("TransportNew", "CouncilIsland", "WeatherStorm")
    cards = [step for step in record.cleaning if step.text.startswith(kickers)]
    assert len(cards) == 3
    assert {(step.cleaner, step.action) for step in cards} == {("page_chrome", "removed")}
    # (under the article, they draw no run: each is page chrome after it, and says what it is)
    why = "all one link to another page of the site: no line of the article"
    assert all(step.reason.endswith(why) for step in cards)


def test_a_teasers_card_between_the_articles_paragraphs_leaves_the_text() -> None:
    dump = TEASERS.read_text(encoding="utf-8")
    card = dump[dump.index("  * [TransportNew") : dump.index("\n", dump.index("  * [TransportNew")) + 1]
    dump = dump.replace("\n\nShopkeepers on", "\n\n" + card + "\nShopkeepers on")
    record = clean_text(dump, url=TEASERS_URL)
    assert_once(record.articleBody or "", "Shopkeepers on the larger island", "The council has asked the operator")
    reasons = [step.reason for step in record.cleaning if step.text.startswith("TransportNew")]
    # (the card between the paragraphs, then the same card in the list under the article)
    assert reasons[0] == "a teaser's card: a line that is all one link to another page of the site"
    assert len(reasons) == 2



OTHER_STORIES = [
    "Harbour crane arrives by sea from Rotterdam",
    "Island school gets a new roof before the winter storms",
    "Storm warning for the coast on Thursday night",
    "Lifeboat crew rescues two kayakers off the point",
    "Fish market moves to the old customs house",
    "Council approves a second ferry berth at the quay",
    "Bird count finds more puffins than last year",
    "Lighthouse keeper's cottage opens as a museum",
]


class ScoresHeadlinesHigh(LineModel):
    """The shipped model's probabilities, with 0.95 on every line of other stories' headlines (as
    the shipped model gives a list of headlines it reads as prose)."""

    def __init__(self) -> None:
        self.__dict__.update(load_model().__dict__)

    def predict_lines(self, texts, url, run):  # type: ignore[no-untyped-def]
        scores = super().predict_lines(texts, url, run)
        for i, text in enumerate(texts):
            if text in OTHER_STORIES:
                scores[i] = 0.95
        return scores


@pytest.mark.parametrize("above", [False, True])
def test_a_list_of_links_to_the_sites_stories_draws_no_run_however_the_model_scores_it(above: bool) -> None:
    # A box of other stories' headlines, each a line of one link to the site, with no heading
    # (a closing rule would end the run at one), below the article or above its headline: a
    # model that reads the headlines as prose keeps the box as the article, or runs on into it.
    # Lines that are all one link to the site count for nothing when the run is chosen, and the
    # run's lead-in (the headline over the first paragraph) does not open with one.
    menu, article = TEASERS.read_text(encoding="utf-8").split("\n\n# ")
    article = "# " + article.split("\n\n  * [Transport")[0]
    box = "".join(f"  * [{title}](/news/{title.lower().replace(' ', '-')}/)\n" for title in OTHER_STORIES)
    footer = "  * [About us](/about/)\n  * [Privacy policy](/privacy/)\n"
    dump = "\n\n".join([menu, box, article, footer] if above else [menu, article, box, footer])
    texts = [b.text for b in extract_text(dump, url=TEASERS_URL).blocks]
    model = ScoresHeadlinesHigh()
    kept = page_chrome.keep_range(texts, model.predict_lines(texts, TEASERS_URL, page_chrome.rule_run_of(texts)))
    assert kept is not None and set(OTHER_STORIES) & set(texts[kept[0] : kept[1] + 1])  # (the model alone)
    chain = CleanerChain(instances={"page_chrome": PageChrome(model=model)})
    record = clean_text(dump, url=TEASERS_URL, chain=chain)
    body = record.articleBody or ""
    assert record.headline == "Ferry service to the islands resumes after a month of repairs"
    assert_once(
        body,
        "The ferry between the harbour and the two outer islands sailed again on Monday morning",
        "Readers can find the full timetable in our guide, Island ferry timetable 2025.",
    )
    assert_gone(body, *OTHER_STORIES)


BBC = "https://news.bbc.co.uk/1/hi/y.stm"
MENU = "# The page\n\n  * [News](/news/)\n  * [Sport](/sport/)\n  * [Weather](/weather/)\n\n"


@pytest.mark.parametrize(
    ("line", "url", "text", "tag"),
    [
        ("[A headline of ours](/news/a-headline/)", URL, "A headline of ours", "a"),
        ("  * [A headline of ours](https://valleycourier.example/x/)", URL, "A headline of ours", "a"),
        ("[A headline of ours](//www.valleycourier.example/x/)", URL, "A headline of ours", "a"),
        ("[A blog post of ours](https://blogs.valleycourier.example/x/ \"Blogs\")", URL, "A blog post of ours", "a"),
        ("[A paper's story](https://www.bbc.co.uk/news/x)", BBC, "A paper's story", "a"),
        ("[Another paper's story](https://www.itv.co.uk/news/x)", BBC, "Another paper's story", ""),
        ("[Another site's story](https://elsewhere.example/x/)", URL, "Another site's story", ""),
        ("  2. ### [A headline of ours](/news/a-headline/)", URL, "A headline of ours", "a"),
        ("## [This page's own title](https://www.valleycourier.example/news/local/reservoir-levels-fall/)", URL,
         "This page's own title", ""),
        ("[Notes to this page](#notes)", URL, "Notes to this page", ""),
        ("[Write to us](mailto:desk@valleycourier.example)", URL, "Write to us", ""),
        ("[A headline of ours](/news/a-headline/)", None, "A headline of ours", "a"),  # (relative: the dump's own)
        ("[A headline somewhere](https://valleycourier.example/x/)", None, "A headline somewhere", ""),
        ('[Latest](/latest/ "All posts") → [Wire](/latest/wire/ "All posts")', URL, "Latest → Wire", ""),
        ("Read [a headline of ours](/news/a-headline/) today", URL, "Read a headline of ours today", ""),
    ],
)
def test_a_markdown_line_that_is_one_link_to_the_dumps_site_is_tagged_a(
    line: str, url: str | None, text: str, tag: str
) -> None:
    blocks = extract_text(MENU + line + "\n", url=url).blocks
    assert [b.text for b in blocks[-1:]] == [text]
    assert blocks[-1].tag == tag
    assert [b.tag for b in blocks[1:4]] == ["a", "a", "a"]  # (the menu's items)



def test_a_run_of_links_on_one_line_is_read_a_link_a_line_each_tagged_as_its_own_line_would_be() -> None:
    # A carousel of teasers the converter printed on one line: a link a line, and each link to
    # another page of the site tagged as a line of one link would be; another site's link is not.
    carousel = (
        "[Harbour crane arrives by sea from Rotterdam](/news/crane/) "
        "[Island school gets a new roof](https://www.valleycourier.example/news/roof/) "
        "[Storm warning for the coast](https://weather.example/storm/)"
    )
    blocks = extract_text(MENU + carousel + "\n", url=URL).blocks
    assert [(b.text, b.tag) for b in blocks[-3:]] == [
        ("Harbour crane arrives by sea from Rotterdam", "a"),
        ("Island school gets a new roof", "a"),
        ("Storm warning for the coast", ""),
    ]

def test_a_dump_printing_private_use_characters_keeps_them() -> None:
    # Icon fonts print characters of Unicode's private use area; the mark the reader puts on a
    # line of one link is one the dump does not hold.
    icons = "".join(chr(c) for c in range(0xF8F0, 0xF900))
    blocks = extract_text(MENU + f"Share {icons} this\n[Our story](/news/x/)\n", url=URL).blocks
    assert [(b.text, b.tag) for b in blocks[-2:]] == [(f"Share {icons} this", ""), ("Our story", "a")]


@pytest.mark.parametrize("url", ["https://islandnews.example/a/58213", None])
def test_a_markdown_dumps_top_heading_is_its_headline_when_the_address_names_none(url: str | None) -> None:
    # The address holds no slug words (or none is given): the page's "# Title" over the article is
    # the headline, not the picture's caption that opens the text, and the date by it dates it.
    record = clean_text(TOP_HEADING.read_text(encoding="utf-8"), url=url)
    assert record.headline == "Ferry service to the islands resumes after a month of repairs"
    assert record.datePublished == "2025-03-03T00:00:00"
    body = record.articleBody or ""
    assert body.startswith("The ferry between the harbour and the two outer islands sailed again")
    assert "Ferry service to the islands" not in body
    moved = [step for step in record.cleaning if step.action == "moved-to-field" and step.field == "headline"]
    assert [(step.cleaner, step.text, step.reason) for step in moved] == [
        (
            "page_chrome",
            "Ferry service to the islands resumes after a month of repairs",
            "the page's top heading above the article's first paragraph: its headline",
        )
    ]


@pytest.mark.parametrize(
    ("dump", "tagged"),
    [
        (
            MENU + "# The story\n\n## A part of it\n\nSome text of it.\n\n### [A heading of ours](/news/x/)\n",
            [("The page", "h1"), ("The story", "h1"), ("A part of it", ""), ("Some text of it.", "")],
        ),
        (  # (underlined, as markdownify writes its headings by default)
            MENU.replace("# The page", "The page\n========") + "The story\n=========\n\nA part\n------\n\nText.\n",
            [("The page", "h1"), ("The story", "h1"), ("A part", ""), ("Text.", "")],
        ),
    ],
)
def test_only_a_markdown_dumps_top_level_heading_is_tagged_h1(dump: str, tagged: list[tuple[str, str]]) -> None:
    assert [(b.text, b.tag) for b in extract_text(dump, url=URL).blocks if b.tag != "a"] == tagged


def test_a_markdown_dumps_top_heading_holding_the_slugs_words_wins_over_a_nearer_line() -> None:
    # The caption under the headline holds the address's words too, and stands nearer the text.
    dump = TOP_HEADING.read_text(encoding="utf-8").replace(
        "The ferry at the mainland yard in February", "Ferry repairs at the mainland yard in February"
    )
    record = clean_text(dump, url="https://islandnews.example/news/2025/03/ferry-repairs")
    assert record.headline == "Ferry service to the islands resumes after a month of repairs"
    moved = [step for step in record.cleaning if step.field == "headline"]
    assert [step.reason for step in moved] == [
        "the line holding the address's slug above the article's first paragraph: its headline"
    ]
