"""Dumps saved with ``w3m -dump``, ``elinks -dump`` and ``links -dump``: read as the page's
visible text shows it, then cleaned."""

from pathlib import Path

import pytest
from newsclean.cleaners import clean_text
from newsclean.cleaners.text import display_width, extract_text, from_w3m

DUMP = Path(__file__).resolve().parents[1] / "fixtures" / "dumps" / "page-as-w3m-dump.txt"
URL = "https://www.valleycourier.example/news/local/ferry-timetable-cut-as-crews-fall-short/"
ELINKS = DUMP.with_name("page-as-elinks-dump.txt")
LINKS = DUMP.with_name("page-as-links-dump.txt")

ARTICLE_LINES = [
    "The island ferry will run four crossings a day instead of six from Monday, the operator said, "
    "after two of its crews left for jobs on the mainland and a third is on long-term sick leave.",
    # (wrapped list items: one line each again, without their numbers)
    "the first morning crossing to stay, because it carries the school pupils and the workers who start at eight;",
    "a weekly meeting until the timetable is restored;",
    "1. What the operator agreed",  # (a heading's own number, at the margin)
]
"""Lines of the fixture page's article as every text browser's dump must read them."""


def _lines(dump: str) -> list[str]:
    return [block.text for block in extract_text(dump).blocks]


def test_a_w3m_dump_is_read_as_the_page_shows_its_text() -> None:
    lines = _lines(DUMP.read_text(encoding="utf-8"))
    # Bullets, form fields, checkboxes, the rule and the pictures' file names inside lines go; an
    # item showing no text (a share button's icon) is its bullet alone, as in a lynx dump.
    assert not any(mark in line for line in lines for mark in ("• ", "□", "[ ", "━", "[share-x]"))
    assert lines.count("•") == 3
    # A button's words lose their brackets; a menu's items stay a line each, its second level too.
    assert lines[:8] == ["Skip to content", "News", "Sport", "Business", "Opinion", "Letters", "Columns", "Search"]
    # Paragraphs and list items that w3m wrapped at 80 columns are one line again, a comment
    # form's wide text box notwithstanding; a list's numbers go as its bullets do, and a heading's
    # own number, at the margin, stays.
    assert all(line in lines for line in ARTICLE_LINES)
    assert "Notify me of new comments" in lines and "Post comment" in lines


# A Japanese paragraph as w3m wraps it: 80 columns, 40 wide characters a line.
_JAPANESE = (
    "昨年の元日に起きた能登半島地震を受け、救出救助活動に不可欠な警察の情報通信環境の整備が全国で進められる中、"
    "このほど、警視庁管内の警察無線不感地帯の解消が図られた。警察では万一に備え、幾重にも情報通信システムが確保"
    "されているが、今後も、それらの環境改善を図っていくといい、住民らの安心感につなげたい考えだ。"
)
_ENGLISH = (
    "The island ferry will run four crossings a day instead of six from Monday, the operator said, after two "
    "of its crews left for jobs on the mainland and a third is on long-term sick leave, and the company says "
    "it has advertised the posts twice since July and received eleven applications in all."
)


def _wrapped(text: str, width: int) -> list[str]:
    """``text`` wrapped at ``width`` columns, as w3m wraps it (at spaces, or anywhere in Japanese)."""
    lines, line = [], ""
    for piece in text if " " not in text else text.split(" "):
        joined = line + piece if " " not in text else (f"{line} {piece}" if line else piece)
        if line and display_width(joined) > width:
            lines.append(line)
            line = piece
        else:
            line = joined
    return [*lines, line]


def test_a_w3m_dump_is_unwrapped_in_columns_where_wide_characters_take_two() -> None:
    menu = ["  • ニュース", "  • スポーツ", "  • 経済", ""]
    english = _wrapped(_ENGLISH, 80)
    japanese = _wrapped(_JAPANESE, 80)
    assert max(len(line) for line in japanese) <= 40 < max(len(line) for line in english)
    dump = "\n".join([*menu, *english, "", *japanese, "", *english, "", *japanese, "", *english, "", *japanese])
    lines = _lines(dump)
    assert lines.count(_JAPANESE) == 3
    assert lines.count(_ENGLISH) == 3
    assert lines[:3] == ["ニュース", "スポーツ", "経済"]


@pytest.mark.parametrize(
    ("w3m", "text"),
    [
        ("  • [share-x]", "  • "),  # (a share button's icon: nothing shows)
        ("Before [icon_mail_] after", "Before  after"),
        ("[                    ] [Search] [ ] Go now[Pick one]", " Search  Go nowPick one"),
        ("[*] Remember me", " Remember me"),
        ("      □ Columns", "Columns"),
        ("━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━", ""),
        # The text's own brackets keep their words: an editor's note, an elision, a reference.
        (
            "We grouped [and updated] our posts [sic] as before […] see [1].",
            "We grouped and updated our posts sic as before […] see [1].",
        ),
        # A picture's name alone on its line stays for the page chrome cleaner, as lynx's does.
        ("[ferry_at_t]", "[ferry_at_t]"),
    ],
)
def test_from_w3m_gives_the_text_w3m_prints_around(w3m: str, text: str) -> None:
    assert from_w3m(w3m) == text


def test_a_plain_dump_with_bullets_at_the_margin_is_no_w3m_dump() -> None:
    # A writer's bullets (or a visible-text dump's) stand at the margin: they stay the text's.
    items = ["• the first crossing stays", "• a weekly meeting", "• a cheaper fare", "• [a note in brackets]"]
    assert _lines("\n".join(["Three things:", *items]))[1:] == items




def test_an_elinks_dump_is_read_as_lynx_s_with_w3m_s_bullets_and_columns() -> None:
    # elinks lays a page out as lynx does (links numbered, their list at the end, headed "Visible
    # links"), with w3m's bullets, no-break spaces around list numbers, text boxes as wide as the
    # box and buttons in spaced brackets.
    lines = _lines(ELINKS.read_text(encoding="utf-8"))
    assert lines[:10] == [
        "Skip to content",
        "News",
        "Sport",
        "Business",
        "Opinion",
        "Letters",
        "Columns",
        "Search",
        "Ferry timetable cut as crews fall short",
        "By Hanna Lind · 3 October 2025",
    ]
    assert all(line in lines for line in ARTICLE_LINES)
    assert lines[-9:] == [
        "Post comment",
        "Most read",
        "Reservoir levels fall to a ten-year low after the dry summer",
        "Council votes to keep the harbour library open on Saturdays",
        "New cycle lane on the coast road opens a month early",
        "About us",
        "Contact",
        "Privacy",
        "© 2025 Valley Courier",
    ]


def test_an_elinks_dump_is_unwrapped_in_columns() -> None:
    english = ["   " + line for line in _wrapped(_ENGLISH, 77)]
    japanese = ["   " + line for line in _wrapped(_JAPANESE, 77)]
    body = [*english, "", *japanese, "", *english, "", *japanese, "", *english, "", *japanese]
    dump = "\n".join(
        [
            "   [1]ニュース [2]経済 [3]スポーツ",
            "",
            *body,
            "",
            "References",
            "",
            "   Visible links",
            "   1. https://a.example/news/",
            "   2. https://a.example/economy/",
            "   3. https://a.example/sport/",
        ]
    )
    lines = _lines(dump)
    assert lines.count(_JAPANESE) == 3
    assert lines.count(_ENGLISH) == 3




def test_a_links_dump_is_read_as_lynx_s_without_its_list_of_links() -> None:
    # links lays a page out as lynx does, but numbers no link and lists none: told by its list
    # items (a "*" five columns in, five more a level), it is read as lynx's.
    lines = _lines(LINKS.read_text(encoding="utf-8"))
    assert lines[:8] == ["Skip to content", "News", "Sport", "Business", "Opinion", "Letters", "Columns", "Search"]
    assert all(line in lines for line in ARTICLE_LINES)
    assert not any("[IMG]" in line or "___" in line or "----" in line or "[ ]" in line for line in lines)


def test_a_markdown_dump_with_bullets_where_w3m_sets_them_is_read_as_markdown() -> None:
    # A Markdown converter keeps a page's own bullet characters ("  • 1 comment" in a widget's
    # text): Markdown is told first, so the links' addresses still go.
    markdown = DUMP.with_name("page-as-markdown.md").read_text(encoding="utf-8")
    dump = markdown + "\n\n  • 1 comment\n  • 2 shares\n  • 3 likes\n"
    lines = _lines(dump)
    assert lines[:-3] == _lines(markdown)
    assert not any("](" in line for line in lines)


@pytest.mark.parametrize("dump", [DUMP, ELINKS, LINKS], ids=["w3m", "elinks", "links"])
def test_a_text_browser_s_dump_is_cleaned_to_its_article(dump: Path) -> None:
    record = clean_text(dump.read_text(encoding="utf-8"), url=URL)
    assert record.headline == "Ferry timetable cut as crews fall short"
    paragraphs = (record.articleBody or "").split("\n\n")
    assert paragraphs[0].startswith("The island ferry will run four crossings a day")
    assert paragraphs[-1].endswith("we expect the full timetable back by the spring.\"")
    assert "a cheaper fare for residents while the service is cut." in paragraphs
    assert "1. What the operator agreed" in paragraphs
    body = "\n\n".join(paragraphs)
    for chrome in ("Most read", "Reservoir levels fall", "Post comment", "Privacy", "Search", "[ferry_at_t]", "•", "*"):
        assert chrome not in body
