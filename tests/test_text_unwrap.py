"""Hard-wrapped text dumps (``lynx -dump``, ``fmt``, e-mail) get their paragraphs back before
cleaning, so a paragraph is one block, not a dozen half-sentences that look like menu items."""

from __future__ import annotations

import textwrap
from itertools import pairwise

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


JAPANESE = [
    "気象庁は十三日午後九時十九分ごろ、日向灘で震度五弱の地震があったと発表した。震源の深さは約三十キロ、地震の規模は"
    "マグニチュード六・九と推定される。この地震で、気象庁は高知県と宮崎県に一メートルの津波注意報を出した。",
    "気象庁によると、今回の地震は南海トラフ地震の想定震源域内で起きたため、専門家による評価検討会を臨時に開き、"
    "巨大地震との関連を調べる。住民には、今後一週間程度は同じ規模の揺れに注意するよう呼びかけている。",
]


def _lynx(paragraphs: list[str], menu: list[str]) -> str:
    # lynx -dump -width=80 as it prints a page in Japanese: text without spaces broken at 74
    # characters anywhere (between two digits too), each menu item a line, links numbered.
    body = "\n\n".join(
        "\n".join("   " + p[k : k + 71] for k in range(0, len(p), 71)) for p in paragraphs
    )
    links = "\n".join(f"   [{n}]{item}" for n, item in enumerate(menu, 1))
    addresses = "\n".join(f"   {n}. https://news.example/{n}" for n in range(1, len(menu) + 1))
    return f"{links}\n\n{body}\n\nReferences\n\n{addresses}\n"


def test_a_lynx_dump_in_japanese_gets_its_paragraphs_back_without_spaces() -> None:
    # Its paragraphs are a few long lines among many menu items (fewer than one line in ten is
    # long): lynx always wraps, so they are joined all the same, and without a space, as the
    # page printed them.
    menu = [f"ニュース{n}" for n in range(60)]
    texts = [b.text for b in extract_text(_lynx(JAPANESE, menu)).blocks]
    assert texts == [*menu, *JAPANESE]


def test_a_lynx_dump_of_a_short_post_under_many_short_comments_gets_its_paragraphs_back() -> None:
    # A photo post of two paragraphs over sixty one-line comments: under one line in ten reaches
    # 60 characters, which in an unknown dump says "not wrapped". lynx always wraps, so a dump of
    # it with ten long lines is joined where its lines broke (before: each half-sentence of the
    # post was a line of its own, and the post read as short lines among the comments').
    body = "\n\n".join(textwrap.fill(p, 74, initial_indent="   ", subsequent_indent="   ") for p in PARAGRAPHS)
    comments = "\n".join(f"   {n}. [{n}]Reader {n}\n      Gorgeous! Love it." for n in range(1, 61))
    addresses = "\n".join(f"   {n}. https://blog.example/{n}" for n in range(1, 61))
    dump = f"{body}\n\n57 Comments\n\n{comments}\n\nReferences\n\n{addresses}\n"
    assert sum(len(line) >= 60 for line in dump.split("\n")) < 0.1 * len(dump.split("\n"))
    texts = [b.text for b in extract_text(dump).blocks]
    assert texts[: len(PARAGRAPHS)] == PARAGRAPHS


def test_korean_wrapped_at_a_space_keeps_the_space() -> None:
    # Hangul is written with spaces between words: a line broken at one is joined with one.
    head = (
        "   서울시는 내년부터 시내버스 노선을 전면 개편해 출퇴근 "
        "시간대의 배차 간격을 줄이고 심야 노선을 늘리기로 했다고"
    )
    assert len(head) >= 60
    lines = ["x" * len(head)] * 20 + ["", head, "   밝혔다."]
    assert unwrap(lines)[-1] == head.strip() + " 밝혔다."


QUOTE = (
    "Pyoderma gangrenosum is a rare and somewhat mysterious skin condition that arises when the "
    "immune system mistakenly turns on itself, destroying its own tissue as if it were some foreign "
    "invader. It is not at all clear why this happens, but the condition is most commonly seen in "
    "those with certain inflammatory diseases, including ulcerative colitis and Crohn's disease."
)


def _lynx_page(quote_width: int, items: list[str]) -> str:
    # lynx -dump -width=80: paragraphs set in 3 columns and wrapped at 74; a quotation set in 5
    # columns from the left and some from the right, so wrapped narrower; a list's items, each
    # opening with lynx's bullet, numbered links in them, and the list of addresses at the end.
    body = "\n\n".join(textwrap.fill(p, 74, initial_indent="   ", subsequent_indent="   ") for p in PARAGRAPHS)
    quote = textwrap.fill(QUOTE, quote_width, initial_indent="     ", subsequent_indent="     ")
    listed = "\n".join(f"     * [{n}]{item}" for n, item in enumerate(items, 1))
    addresses = "\n".join(f"   {n}. https://news.example/{n}" for n in range(1, len(items) + 1))
    return f"{body}\n\n{quote}\n\n{listed}\n\nReferences\n\n{addresses}\n"


def test_a_lynx_quotation_wrapped_narrower_gets_its_paragraph_back() -> None:
    # lynx sets a <blockquote> in from both margins: its lines stop a few columns short of the
    # paragraphs' (72 here against 74), and a line whose next word would have fitted in 74
    # columns was still broken. The quotation's own width (its indentation's longest lines)
    # says so; read with the dump's, the quotation came back as pieces of sentences.
    dump = _lynx_page(72, ["Weather"])
    lines = dump.split("\n")
    quoted = [line for line in lines if line.startswith("     ") and not line.lstrip().startswith("*")]
    assert max(map(len, quoted)) <= 72
    assert any(len(a) + 1 + len(b.split()[0]) <= 74 for a, b in pairwise(quoted))
    texts = [b.text for b in extract_text(dump).blocks]
    assert QUOTE in texts
    assert texts[: len(PARAGRAPHS)] == PARAGRAPHS


def test_lines_at_one_indentation_stopping_far_short_keep_the_dumps_width() -> None:
    # Lines of 60 characters or more at one indentation that all stop well short of the width
    # (a menu's long items, a table's cells) are no quotation wrapped narrower: each stays a line.
    items = [f"Harbour Road consultation, part {n}: traders' objections" for n in range(1, 6)]
    lines = [f"       {item}" for item in items]
    assert all(60 <= len(line) <= 74 - 6 for line in lines)
    dump = _lynx_page(74, ["Weather"]).replace("\n\nReferences", "\n\n" + "\n".join(lines) + "\n\nReferences")
    texts = [b.text for b in extract_text(dump).blocks]
    assert all(item in texts for item in items)


def test_a_lynx_list_item_is_never_the_rest_of_the_item_before() -> None:
    # Each item opens with lynx's bullet: however long the item before, it is a line of its own.
    items = [
        "Safe Streets Now collects eleven thousand signatures for the lane",
        "Traders ask the council to review parking",
        "The council publishes the first year's counts",
    ]
    dump = _lynx_page(74, items)
    assert len(f"     * [1]{items[0]}") + 1 + len("Traders") > 74 - 2
    texts = [b.text for b in extract_text(dump).blocks]
    assert all(item in texts for item in items)
