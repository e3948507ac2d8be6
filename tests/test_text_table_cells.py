"""Dumps of text browsers that lay a table's cells out side by side (w3m, elinks, links): a layout
table's cells read one after the other, a table of data a row at a time."""

from pathlib import Path

import pytest
from newsclean.cleaners import clean_text
from newsclean.cleaners.text import cells_apart, extract_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "dumps"
# fixtures/dumps/layout-table-page.html as `w3m -dump -cols 80` and `elinks -dump -dump-width 80`
# print it: a blog's post in the middle cell of a three-cell layout table, its menu left, its
# sidebar right, a table of results inside the post.
W3M = FIXTURES / "layout-table-as-w3m-dump.txt"
ELINKS = FIXTURES / "layout-table-as-elinks-dump.txt"
URL = "https://quaysidenotes.example/2012/11/harbour-rowing-club-opens-its-new-boathouse/"

PARAGRAPHS = [
    "The harbour rowing club opened its new boathouse on Saturday morning, eleven years after the old shed by "
    "the slipway was condemned and the club began storing its boats in a borrowed warehouse on the industrial "
    "estate.",
    "Members raised most of the money themselves, through sponsored rows across the bay, a winter of quiz "
    "nights and a long series of cake sales, and the council added a grant from its sports fund once the plans "
    "were approved last spring.",
    "The new building holds twenty boats on two levels, a workshop for repairs and a changing room with "
    "showers, which the juniors say is the best part because the warehouse never had hot water in the "
    "morning.",
    "The club will hold an open day on the first Sunday of December, when anyone who wants to try rowing can "
    "take a turn in the training boat with one of the coaches.",
]
ROWS = ["Crew Races Wins", "Harbour Eight 12 5", "Junior Four 9 4", "Masters Pair 6 1"]
SIDEBAR = ["The ferry timetable cut again for the winter months", "Meet the volunteers of the lifeboat crew"]


def _lines(dump: Path) -> list[str]:
    return [block.text for block in extract_text(dump.read_text(encoding="utf-8")).blocks]


@pytest.mark.parametrize("dump", [W3M, ELINKS], ids=["w3m", "elinks"])
def test_a_layout_table_s_cells_are_read_one_after_the_other(dump: Path) -> None:
    lines = _lines(dump)
    # Each of the post's paragraphs is one line again, none holding a menu's or the sidebar's
    # words; the table of results inside the post is read a row at a time, as the page shows it.
    assert all(paragraph in lines for paragraph in PARAGRAPHS)
    assert all(row in lines for row in ROWS)
    assert lines.index(ROWS[0]) < lines.index(PARAGRAPHS[3])
    # The sidebar's items come after the post, whole, not in pieces among its paragraphs.
    assert "The ferry timetable cut again for the winter months" in lines
    assert lines.index("The ferry timetable cut again for the winter months") > lines.index(PARAGRAPHS[3])


def test_a_layout_table_s_post_is_cleaned_to_its_article() -> None:
    record = clean_text(W3M.read_text(encoding="utf-8"), url=URL)
    body = (record.articleBody or "").split("\n\n")
    assert record.headline == "Harbour rowing club opens its new boathouse"
    assert all(paragraph in body for paragraph in PARAGRAPHS) and all(row in body for row in ROWS)
    assert not any(item in line for item in SIDEBAR for line in body)
    assert not any(item in body for item in ("Front page", "Blogroll", "Elsewhere on the blog"))


def test_a_table_of_data_stays_a_row_a_line() -> None:
    # A ranking's columns are as far apart as a layout's cells, but no cell holds a paragraph:
    # the article reads it a row at a time.
    table = [
        "Rank   Company                     Premiums written     Market share",
        "1      State Farm                  $65.6 billion        9.2%",
        "2      Berkshire Hathaway          $47.1 billion        6.6%",
        "3      Progressive                 $41.7 billion        5.8%",
        "4      Allstate                    $37.3 billion        5.2%",
        "5      Liberty Mutual              $34.2 billion        4.8%",
    ]
    assert cells_apart(table) == table


def test_a_paragraph_beside_a_menu_is_read_before_it() -> None:
    lines = [
        "The harbour rowing club opened its new boathouse     Front page",
        "on Saturday morning, eleven years after the old      Archive",
        "shed by the slipway was condemned and the club       About this blog",
        "began storing its boats in a borrowed warehouse      Contact the editor",
        "on the industrial estate.                            Subscribe by feed",
        "",
        "Copyright 2012 Quayside Notes. All rights reserved. Powered by Blogger.",
    ]
    assert cells_apart(lines) == [
        "The harbour rowing club opened its new boathouse",
        "on Saturday morning, eleven years after the old",
        "shed by the slipway was condemned and the club",
        "began storing its boats in a borrowed warehouse",
        "on the industrial estate.",
        "",
        " " * 53 + "Front page",
        " " * 53 + "Archive",
        " " * 53 + "About this blog",
        " " * 53 + "Contact the editor",
        " " * 53 + "Subscribe by feed",
        "",
        "Copyright 2012 Quayside Notes. All rights reserved. Powered by Blogger.",
    ]


def test_a_line_of_wide_characters_keeps_its_columns() -> None:
    # A Japanese line's characters take two columns each: its positions say nothing of the
    # columns, so no gutter is read across it, and two lines on each side of it are too few.
    lines = [
        "The harbour rowing club opened its new boathouse     Front page",
        "on Saturday morning, eleven years after the old      Archive",
        "東京都内の警察無線の不感地帯が解消された。警察では万一に備え幾重にも情報通信",
        "shed by the slipway was condemned and the club       About this blog",
        "began storing its boats in a borrowed warehouse      Contact the editor",
    ]
    assert cells_apart(lines) == lines
    # (without the Japanese line, the same text is read a cell at a time)
    assert cells_apart(lines[:2] + lines[3:])[:4] == [line[:48].rstrip() for line in lines[:2] + lines[3:]]


def test_a_w3m_dump_without_lists_is_told_by_its_rule() -> None:
    # A page of 2007 without a list: w3m's horizontal rule (heavy strokes, which no page's text
    # and no other dump holds) says the dump is w3m's, so its cells are read apart.
    intro = (
        "The harbour rowing club opened its new boathouse on Saturday morning, eleven years after "
        "the old shed by the slipway was condemned and the club began storing its boats in a "
        "borrowed warehouse on the industrial estate, and the members who raised the money through "
        "sponsored rows, quiz nights and cake sales rowed the first boats in."
    )
    words, wrapped, line = intro.split(), [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > 78:
            wrapped.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    wrapped.append(line)
    dump = "\n".join(
        [
            *wrapped,
            "",
            *wrapped,  # (the same paragraph three times: a dump of 20 lines or more is measured)
            "",
            *wrapped,
            "",
            "Front page          The council added a grant from its sports fund once",
            "Archive             the plans were approved last spring, and the club",
            "About this blog     hopes to buy two more boats for its juniors before",
            "Contact the editor  the regatta season opens in April, when the crews",
            "Subscribe by feed   will race on the river for the first time in years.",
            "",
            "                 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━",
            "",
            "Posted by Mara Lindqvist at November 13, 2012 5:00 PM",
        ]
    )
    lines = [block.text for block in extract_text(dump).blocks]
    assert intro in lines
    assert (
        "The council added a grant from its sports fund once the plans were approved last spring, and the club "
        "hopes to buy two more boats for its juniors before the regatta season opens in April, when the crews "
        "will race on the river for the first time in years."
    ) in lines
    assert "Front page" in lines and "Subscribe by feed" in lines
    assert not any("━" in line for line in lines)
