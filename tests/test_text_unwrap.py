"""Hard-wrapped text dumps (``lynx -dump``, ``fmt``, e-mail) get their paragraphs back before
cleaning, so a paragraph is one block, not a dozen half-sentences that look like menu items."""

from __future__ import annotations

import textwrap

from newsclean.cleaners import clean_text
from newsclean.cleaners.text import extract_text, unwrap

PARAGRAPHS = [
    "The city council voted on Tuesday to build a protected cycle lane along the length of Harbour "
    "Road, ending a dispute that has divided residents and shop owners for more than two years.",
    "The plan replaces one lane of car traffic with a two-way cycle track separated from the road by "
    "a low kerb and a row of planters. Work is due to start in the spring and to take eight months.",
    "Supporters said the road had become one of the most dangerous in the region for people on "
    "bicycles, with three serious collisions reported last year alone, and a well-known campaign "
    "group, Safe Streets Now, had collected eleven thousand signatures in favour of the scheme.",
    "Several traders objected that the loss of parking bays in front of their shops would drive "
    "customers away, and the council agreed to review the scheme after its first year in operation.",
    "The review will count cyclists, pedestrians and deliveries along the road every month and will "
    "be published on the council's website, together with the minutes of the traders' meetings.",
]
MENU = ["Home", "News", "Sport", "Weather", "Subscribe"]
FOOTER = ["About us", "Contact", "Privacy policy"]


def _wrapped(width: int, indent: str = "") -> str:
    body = "\n\n".join(textwrap.fill(p, width, initial_indent=indent, subsequent_indent=indent) for p in PARAGRAPHS)
    return "\n".join(MENU) + "\n\nHarbour Road cycle lane approved\n\n" + body + "\n\n" + "\n".join(FOOTER)


def test_a_dump_wrapped_at_a_fixed_width_gets_its_paragraphs_back() -> None:
    for width, indent in ((72, ""), (79, "   ")):
        texts = [b.text for b in extract_text(_wrapped(width, indent)).blocks]
        assert texts == [*MENU, "Harbour Road cycle lane approved", *PARAGRAPHS, *FOOTER]


def test_without_blank_lines_short_last_lines_still_end_paragraphs() -> None:
    dump = "\n".join(line for line in _wrapped(72).splitlines() if line.strip())
    texts = [b.text for b in extract_text(dump).blocks]
    assert texts[:6] == [*MENU, "Harbour Road cycle lane approved"]
    assert texts[-3:] == FOOTER
    # A paragraph whose last line is nearly full runs into the next one; none is cut up.
    body = " ".join(texts[6:-3])
    assert body == " ".join(PARAGRAPHS)
    assert len(texts[6:-3]) <= len(PARAGRAPHS)


def test_a_compound_broken_at_its_hyphen_is_joined_without_a_space() -> None:
    head = "The campaign group says that the new scheme is backed by a well-"
    lines = ["x" * len(head)] * 20 + ["", head, "known local charity."]
    assert unwrap(lines)[-1] == head + "known local charity."


def test_dumps_that_are_not_wrapped_are_left_alone() -> None:
    one_line_paragraphs = [*MENU, *PARAGRAPHS, *FOOTER] * 3
    assert unwrap(one_line_paragraphs) == one_line_paragraphs
    short_lines = [f"Item number {n} of the list, priced at {n} pounds" for n in range(40)]
    assert unwrap(short_lines) == short_lines


def test_a_wrapped_dump_cleans_like_the_unwrapped_one() -> None:
    wrapped = clean_text(_wrapped(72), url="https://gazette.example/news/harbour-road-cycle-lane-approved")
    plain = clean_text(
        "\n".join([*MENU, "Harbour Road cycle lane approved", *PARAGRAPHS, *FOOTER]),
        url="https://gazette.example/news/harbour-road-cycle-lane-approved",
    )
    assert wrapped.articleBody == plain.articleBody
    assert wrapped.articleBody is not None and "\n\n".join(PARAGRAPHS) in wrapped.articleBody


def test_a_line_the_wrapper_could_not_break_does_not_widen_the_dump() -> None:
    # lynx -dump -width=80 wraps its text at 74 columns but prints what it cannot break (an
    # address) in full: a line or two longer than the rest must not be taken for the width, or
    # every wrapped line with room for a few more characters stays cut.
    address = "   https://gazette.example/archive/2024/harbour-road/council-minutes-march.pdf"
    assert 75 < len(address) <= 80
    body = "\n\n".join(textwrap.fill(p, 74, initial_indent="   ", subsequent_indent="   ") for p in PARAGRAPHS * 2)
    texts = [b.text for b in extract_text(body + "\n\n" + address).blocks]
    assert texts == [*PARAGRAPHS, *PARAGRAPHS, address.strip()]
