"""Timestamps: lone date lines go (the first one dates the article); dated sentences stay."""

from newsclean.cleaners import Action, Block, Document
from newsclean.cleaners.timestamps import Timestamps


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
