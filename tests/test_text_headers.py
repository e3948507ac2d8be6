"""A dump's own header (YAML front matter as trafilatura and site generators write it, Jina
Reader's ``Title:`` / ``URL Source:`` lines) gives the record's fields and is no text of the
article; a dump that only looks like one keeps its lines."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsclean.cleaners import Article, CleaningStep, clean_text
from newsclean.cleaners.dump_header import read_header
from newsclean.cleaners.text import extract_text

from .conftest import assert_gone, assert_once, within

DUMP = Path(__file__).resolve().parents[1] / "fixtures" / "dumps" / "page-as-markdown.md"
URL = "https://valleycourier.example/news/local/reservoir-levels-fall"
HEADLINE = "Reservoir levels fall to a ten-year low after the dry summer"

FRONT_MATTER = f"""---
title: "{HEADLINE} - Valley Courier"
url: {URL}
hostname: valleycourier.example
description: The Marsh End reservoir is at its lowest for the time of year since 2015.
sitename: Valley Courier
date: "2025-09-14"
fingerprint: 2be8789c044c775e
categories: ['News', 'Local']
---
"""
"""Front matter as trafilatura writes it above its text with ``with_metadata=True``."""

ARTICLE = """\
Reservoir levels fall to a ten-year low after the dry summer
The water company says the Marsh End reservoir held 41 per cent of its capacity on Friday, \
the lowest reading for the time of year since 2015, after the driest summer the valley has \
recorded in three decades.
A hosepipe ban that began in July will stay in place until the end of October at least, the \
company said, and it has asked businesses to check their premises for leaks.
Hydrologists at the university say the reservoir needs a wet autumn and a normal winter to \
recover, and that even then it may not be full before next summer.
"""

READER = f"""Title: {HEADLINE.replace("ten-year", "ten‑year")} | Valley Courier

URL Source: {URL}

Published Time: Sun, 14 Sep 2025 07:30:00 GMT

Markdown Content:
"""
"""Jina Reader's header (its title the page's ``<title>``, written with another hyphen)."""


def _header_steps(record: Article) -> list[CleaningStep]:
    return [s for s in record.cleaning if s.action == "left-out"]


def test_front_matter_gives_the_fields_and_no_text() -> None:
    record = clean_text(FRONT_MATTER + ARTICLE)
    body = record.articleBody or ""
    assert record.headline == HEADLINE
    assert record.url == URL  # (no url given: the dump says where it came from)
    assert record.datePublished is not None and record.datePublished.startswith("2025-09-14")
    assert record.description == "The Marsh End reservoir is at its lowest for the time of year since 2015."
    assert_once(body, "held 41 per cent of its capacity", "check their premises for leaks", "a wet autumn")
    assert_gone(body, "---", "title:", "fingerprint", "2be8789c", "hostname", "categories", HEADLINE)
    (step,) = _header_steps(record)
    assert step.reason.startswith("header: the dump's front matter") and step.words > 20
    assert step.text.startswith("--- title:")


def test_a_url_given_wins_over_the_headers() -> None:
    record = clean_text(FRONT_MATTER + ARTICLE, url="https://mirror.example/reservoir")
    assert record.url == "https://mirror.example/reservoir"
    assert record.headline == HEADLINE


def test_front_matter_over_markdown_reads_the_markdown() -> None:
    record = clean_text(FRONT_MATTER + DUMP.read_text(encoding="utf-8"))
    body = record.articleBody or ""
    assert record.headline == HEADLINE
    assert record.url == URL and len(_header_steps(record)) == 1
    assert_once(body, "held 41 per cent of its capacity on Friday", "The ban covers about 180,000 homes")
    assert_gone(body, "](", "**", "fingerprint", "sitename")


def test_a_reader_header_gives_the_fields_and_its_markdown_is_read() -> None:
    record = clean_text(READER + DUMP.read_text(encoding="utf-8"))
    body = record.articleBody or ""
    # The title's site name goes: the text prints the headline alone (another hyphen aside).
    assert record.headline == HEADLINE
    assert record.url == URL
    assert record.datePublished == "2025-09-14T07:30:00+00:00"
    assert_once(body, "held 41 per cent of its capacity on Friday", "The ban covers about 180,000 homes")
    assert_gone(body, "Title:", "URL Source", "Markdown Content", "Published Time", "](")
    (step,) = _header_steps(record)
    assert step.reason.startswith("header: the dump's reader header")


def test_a_short_reader_dump_is_read_as_markdown_because_its_header_says_so() -> None:
    # Two paragraphs and a setext heading: too few links to tell Markdown by its marks alone.
    dump = READER + f"{HEADLINE}\n{'=' * len(HEADLINE)}\n\nThe **water company** says the reservoir is low.\n"
    record = clean_text(dump)
    assert record.headline == HEADLINE
    assert record.articleBody == "The water company says the reservoir is low."


def test_yaml_forms_site_generators_write() -> None:
    dump = """---
# a comment
title: 'It''s a dry summer'
authors:
  - name: Hanna Lind
    url: https://valleycourier.example/authors/hanna-lind
  - Tom Elsworth
description: >-
  The reservoir is at
  its lowest since 2015.
tags: [drought, water]
lang: en-GB
url: not an address
draft: false
...
The water company says the reservoir is at its lowest for the time of year since 2015.
"""
    header = read_header(dump)
    assert header is not None and header.kind == "front matter"
    assert header.fields == {
        "headline": "It's a dry summer",
        "authors": ["Hanna Lind", "Tom Elsworth"],
        "description": "The reservoir is at its lowest since 2015.",
        "tags": ["drought", "water"],
        "inLanguage": "en-GB",
    }  # (an address that is none is not the record's url)
    record = clean_text(dump)
    assert [a.name for a in record.authors] == ["Hanna Lind", "Tom Elsworth"]
    assert record.url is None
    assert record.articleBody == dump.rsplit("...\n", 1)[1].strip()


@pytest.mark.parametrize(
    "dump",
    [
        # A rule, then prose: no YAML between the rules.
        "---\nThe water company says the reservoir is low.\nIt asked businesses to check for leaks.\n---\nMore text.\n",
        # YAML-like lines, but none the header's fields: a page's own "Note:" lines.
        "---\nNote: the figures are provisional.\n---\nThe water company says the reservoir is low.\n",
        # No closing rule within the header's lines.
        "---\ntitle: Reservoir\n" + "The water company says the reservoir is low.\n" * 3,
        # "Title:" opening prose, with no reader header's address and content line.
        "Title: the reservoir's level is the lowest since 2015.\nThe water company says it is low.\n",
        "Title: Reservoir\n\nURL Source: https://a.example/x\n\nThe water company says it is low.\n",
    ],
)
def test_lines_that_only_look_like_a_header_stay_the_texts(dump: str) -> None:
    assert read_header(dump) is None
    doc = extract_text(dump)
    assert not doc.left_out and not doc.metadata
    assert len(doc.blocks) == len([line for line in dump.split("\n") if line.strip()])


@pytest.mark.parametrize(
    "dump",
    [
        "---\ntitle: a" + " " * 200_000 + "b\n---\nText.\n",
        "---\n" + "- " + " " * 200_000 + "x\n",
        "Title: a" + " " * 200_000 + "b\n\nURL Source: https://a.example/\n\nMarkdown Content:\nText.\n",
        "---\n" + "a: b\n" * 200_000,
        "---\n" + "x" * 200_000 + ":" + " " * 200_000,
    ],
)
def test_a_hostile_header_is_read_in_bounded_time(dump: str) -> None:
    with within(5.0, f"{dump[:20]!r}..."):
        extract_text(dump)


def test_the_benchmarks_headers_are_read_back() -> None:
    # benchmarks.quality --dump-header writes them; cleaned without a url, the figures measure
    # reading them, so each must be read as the header it is.
    from benchmarks.quality import dump_header

    page = (
        "<html><head><title>Reservoir levels fall - Valley Courier</title>"
        "<meta name='description' content='The lowest since 2015.'>"
        "<meta property='og:site_name' content='Valley Courier'></head><body><p>Text.</p></body></html>"
    )
    for kind, dump in (("front-matter", "visible"), ("reader", "html2text")):
        header = read_header(dump_header(page, URL, kind, dump) + "Reservoir levels fall\nText.\n")
        assert header is not None and header.url == URL, kind
        assert header.fields["headline"] == "Reservoir levels fall - Valley Courier"
    assert dump_header(page, URL, "none", "visible") == ""
