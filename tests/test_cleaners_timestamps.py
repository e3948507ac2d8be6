"""Timestamps: lone date lines go (the first one dates the article); dated sentences stay."""

from newsclean.cleaners import Action, Block, Document
from newsclean.cleaners.timestamps import Timestamps

from .test_cleaners_page_chrome import ARTICLE, MENU


def decisions(*lines: str, **metadata: str) -> list[tuple[str, str, str | None]]:
    doc = Document([Block(line) for line in lines], metadata=dict(metadata))
    return [(doc.blocks[d.position].text, str(d.action), d.field) for d in Timestamps()(doc)]


def test_leading_date_line_is_lifted() -> None:
    assert decisions("14 Feb, 2024 10:08", "Headline here", "Body text.") == [
        ("14 Feb, 2024 10:08", str(Action.MOVE), "datePublishedRaw")
    ]


def test_date_formats_and_relative_times_go() -> None:
    lines = [
        "Published: February 14, 2024 at 10:08 am",
        "Updated 3 hours ago",
        "2024-02-14T10:08",
        "14.02.2024",
        "Body text that is long enough to be a paragraph of the article.",
        "5 mins ago",
    ]
    got = decisions(*lines)
    assert [g[0] for g in got] == [lines[0], lines[1], lines[2], lines[3], lines[5]]
    assert got[0][2] == "datePublishedRaw"


def test_updated_line_goes_to_date_modified() -> None:
    got = decisions("Last updated: 15 Feb 2024 09:00", "Body.")
    assert got == [("Last updated: 15 Feb 2024 09:00", str(Action.MOVE), "dateModifiedRaw")]


def test_known_date_means_later_lines_are_only_removed() -> None:
    got = decisions("14 Feb, 2024 10:08", "Body.", datePublishedRaw="2024-02-14T10:08:00Z")
    assert got == [("14 Feb, 2024 10:08", str(Action.REMOVE), None)]


def test_sentences_with_dates_stay() -> None:
    assert decisions(
        "On 14 Feb, 2024 the Kremlin denied the report.",
        "The deadline is March 1, 2024, officials said.",
        "2024",
        "Today",
    ) == [("Today", str(Action.REMOVE), None)]


# (the menu and the story's opening paragraphs page_chrome's tests build their dumps from)
PARAGRAPHS = [
    *ARTICLE[:2],
    "Several traders objected that the loss of parking bays in front of their shops would drive customers "
    "away, and the council agreed to review the scheme after its first year.",
]
SLUGGED = "https://gazette.example/news/harbour-road-cycle-lane-approved"


def test_a_whole_page_dump_is_dated_by_the_line_by_its_headline() -> None:
    # The dump opens on the site's menu: the date stands by the headline, not among the first lines.
    lines = [
        *MENU,
        "Sidebar: events on March 2, 2024",
        "Harbour Road cycle lane approved after two-year dispute",
        "By Ann Lee",
        "Last updated: March 6, 2024",
        "March 5, 2024",
        *PARAGRAPHS,
        "Older post from January 9, 2024",
        "January 9, 2024",
    ]
    doc = Document([Block(line) for line in lines], url=SLUGGED)
    got = [(doc.blocks[d.position].text, d.field) for d in Timestamps()(doc)]
    assert ("March 5, 2024", "datePublishedRaw") in got
    assert ("Last updated: March 6, 2024", None) in got  # (not the lead's: removed, as before)
    assert ("January 9, 2024", None) in got
    assert not any(field == "dateModifiedRaw" for _, field in got)
    # Without the address's words the headline is not found, and nothing dates the dump.
    doc = Document([Block(line) for line in lines], url="https://gazette.example/?p=12")
    assert not any(d.field for d in Timestamps()(doc))
