"""Site memory cleaner: recurring blocks go once enough pages show them; repeated content stays."""

from __future__ import annotations

import random

import pytest
from newsclean.cleaners import Block, BlockKind, CleanerChain, Document, available_cleaners, clean_document
from newsclean.cleaners.site_memory import (
    InMemoryBlockMemory,
    SiteMemory,
    learn,
    page_key,
    site_key,
)

FLOW = "div/article/p"


def para(text: str, css: str = "") -> Block:
    """A paragraph of the article's text flow, or of a box with class ``css``."""
    path = f"{FLOW}.{css}" if css else FLOW
    return Block(text, BlockKind.PARAGRAPH, "p", (css,) if css else (), "", path)


BANNER = para("Harbour tides today: high water 06:12, low water 12:40", "tides")
FOOTER = para("This story was updated with corrections.", "updated")
QUOTE_P = para('"We will not let the harbour close while I am mayor," Ms Okafor told the council on Tuesday.')
BACKGROUND = para(
    "The harbour has been losing money since the ferry company moved its routes to the new "
    "terminal in 2019, and the council has twice voted to keep it open despite the losses."
)


def body(n: int) -> list[Block]:
    """Two paragraphs unique to article ``n``."""
    return [
        para(f"Article {n} opens with news that nobody else reports, item {n} of the series of stories."),
        para(f"It goes on with details of story {n}: names, places and numbers only it has, {n * 7} of them."),
    ]


def page(n: int, *extra: Block, site: str = "https://gazette.example") -> Document:
    return Document([*body(n)[:1], *extra, *body(n)[1:]], url=f"{site}/news/{n}", source_format="html")


def only_memory(memory: InMemoryBlockMemory, **kw: int) -> CleanerChain:
    """A chain of the site-memory cleaner alone (the other cleaners have tests of their own)."""
    off: dict[str, int | None] = {name: None for name in available_cleaners() if name != "site-memory"}
    return CleanerChain(off, instances={"site-memory": SiteMemory(memory, **kw)})


def texts(doc: Document, memory: InMemoryBlockMemory, **kw: int) -> str:
    return clean_document(doc, chain=only_memory(memory, **kw)).articleBody or ""


def test_a_block_on_every_page_goes_once_enough_pages_show_it() -> None:
    memory = InMemoryBlockMemory()
    kept = []
    for n in range(1, 8):
        doc = page(n, BANNER, FOOTER)
        learn(memory, doc)
        out = texts(doc, memory)
        kept.append(("Harbour tides" in out, "was updated" in out))
        assert f"news that nobody else reports, item {n}" in out
    # Seen on 1 and 2 pages: kept; from the third page (the default minimum) on: removed.
    assert kept == [(True, True), (True, True)] + [(False, False)] * 5


def test_never_from_the_first_page_alone() -> None:
    memory = InMemoryBlockMemory()
    doc = page(1, BANNER, FOOTER, BANNER, FOOTER)  # blocks shown twice on one page
    learn(memory, doc)
    article = clean_document(doc, chain=only_memory(memory, min_pages=2))
    assert "Harbour tides" in (article.articleBody or "")
    assert "was updated" in (article.articleBody or "")
    assert not [s for s in article.cleaning if s.cleaner == "site-memory"]
    with pytest.raises(ValueError, match="at least 2"):
        SiteMemory(memory, min_pages=1)


def test_removal_is_recorded_as_site_memory_with_its_evidence() -> None:
    memory = InMemoryBlockMemory()
    for n in range(1, 5):
        learn(memory, page(n, BANNER))
    article = clean_document(page(4, BANNER), chain=only_memory(memory))
    steps = [s for s in article.cleaning if s.cleaner == "site-memory"]
    assert len(steps) == 1
    assert steps[0].action == "removed"
    assert steps[0].text == BANNER.text
    assert steps[0].block == 1
    assert "4 of the 4 pages of gazette.example" in steps[0].reason


def test_a_quote_repeated_in_two_articles_stays() -> None:
    memory = InMemoryBlockMemory()
    pages = [page(n, BANNER) for n in range(1, 11)] + [page(11, QUOTE_P, BANNER), page(12, QUOTE_P, BANNER)]
    for doc in pages:
        learn(memory, doc)
    for doc in pages[-2:]:
        out = texts(doc, memory, min_pages=2)
        assert "We will not let the harbour close" in out
        assert "Harbour tides" not in out


def test_a_quotation_or_background_paragraph_in_a_few_articles_stays_even_above_the_minimum() -> None:
    memory = InMemoryBlockMemory()
    pages = [page(n, BANNER) for n in range(1, 13)]
    pages += [page(n, QUOTE_P, BACKGROUND) for n in range(13, 18)]  # 5 of 17 pages
    for doc in pages:
        learn(memory, doc)
    out = texts(pages[-1], memory)
    assert "We will not let the harbour close" in out
    assert "losing money since the ferry company" in out
    # The same text inside a blockquote is content too.
    quote = Block(QUOTE_P.text, BlockKind.QUOTE, "blockquote", (), "", "div/article/blockquote")
    for n in range(18, 22):
        learn(memory, page(n, quote))
    assert "We will not let the harbour close" in texts(page(21, quote), memory)


def test_a_long_paragraph_on_most_of_the_sites_pages_goes() -> None:
    memory = InMemoryBlockMemory()
    pages = [page(n, BACKGROUND) for n in range(1, 9)] + [page(n) for n in range(9, 12)]
    for doc in pages:
        learn(memory, doc)
    article = clean_document(pages[0], chain=only_memory(memory))
    assert "losing money" not in (article.articleBody or "")
    assert any("half or more of them" in s.reason for s in article.cleaning if s.cleaner == "site-memory")


def test_a_copy_of_a_page_already_seen_keeps_its_text() -> None:
    memory = InMemoryBlockMemory()
    for n in (1, 2, 3):
        learn(memory, page(n, BANNER))
    # The same article under three URLs: every block recurs on 3 pages.
    copies = [Document([*body(9), BANNER], url=f"https://gazette.example/news/9?page={i}") for i in range(3)]
    for doc in copies:
        learn(memory, doc)
    out = texts(copies[0], memory)
    assert "news that nobody else reports, item 9" in out
    assert "Harbour tides" in out


def test_other_sites_memory_does_not_apply() -> None:
    memory = InMemoryBlockMemory()
    for n in range(1, 6):
        learn(memory, page(n, BANNER))
    other = page(1, BANNER, site="https://www.other.example")
    learn(memory, other)
    assert "Harbour tides" in texts(other, memory)
    assert memory.sites() == {"gazette.example": 5, "other.example": 1}


def test_evidence_is_distinct_pages_and_follows_page_changes() -> None:
    memory = InMemoryBlockMemory()
    doc = page(1, BANNER)
    for _ in range(5):  # the same page fetched again and again
        learn(memory, doc)
    learn(memory, Document(doc.blocks, url="https://gazette.example/news/1?utm_source=x#top"))
    assert memory.pages_seen("gazette.example") == 1
    assert memory.counts("gazette.example", [BANNER.fingerprint]) == {BANNER.fingerprint: 1}
    learn(memory, page(2, BANNER))
    assert memory.counts("gazette.example", [BANNER.fingerprint]) == {BANNER.fingerprint: 2}
    learn(memory, page(2))  # page 2 changed: the banner is gone from it
    assert memory.counts("gazette.example", [BANNER.fingerprint]) == {BANNER.fingerprint: 1}


def test_same_pages_in_any_order_give_the_same_records() -> None:
    pages = [page(n, BANNER, FOOTER) for n in range(1, 9)]
    pages += [page(9, QUOTE_P, BANNER), page(10, QUOTE_P)]
    results = []
    listings = []
    for seed in range(4):
        order = pages[:]
        random.Random(seed).shuffle(order)
        memory = InMemoryBlockMemory()
        for doc in order:
            learn(memory, doc)
        results.append([texts(doc, memory, min_pages=2) for doc in pages])
        listings.append(memory.learned("gazette.example"))
    assert all(r == results[0] for r in results)
    assert all(listing == listings[0] for listing in listings)
    assert "Harbour tides" not in results[0][0]
    assert "We will not let the harbour close" in results[0][-1]


def test_learned_blocks_are_listed_most_frequent_first() -> None:
    memory = InMemoryBlockMemory()
    for n in range(1, 6):
        learn(memory, page(n, BANNER, *([FOOTER] if n <= 3 else [])))
    listed = memory.learned("gazette.example", min_pages=3)
    assert [(b.text, b.pages) for b in listed] == [(BANNER.text, 5), (FOOTER.text, 3)]
    assert listed[0].path == "div/article/p.tides"
    assert memory.forget("gazette.example") == 5
    assert memory.learned("gazette.example") == []


def test_without_a_memory_or_a_site_nothing_happens() -> None:
    doc = Document([BANNER, *body(1)])
    assert list(SiteMemory()(page(1, BANNER))) == []
    assert site_key(doc) is None
    assert not learn(InMemoryBlockMemory(), doc)
    assert page_key("HTTPS://Gazette.Example/a?b=1&utm_medium=mail&fbclid=z#c") == "https://gazette.example/a?b=1"


def test_a_template_heading_stays_over_text_of_its_own_and_goes_over_recurring_text() -> None:
    pros = Block("Pros", BlockKind.HEADING, "h3", (), "", "div/article/h3")
    label = para("Our verdict:")
    box = Block("Newsletter", BlockKind.HEADING, "h3", (), "", "div/article/div.box/h3")
    memory = InMemoryBlockMemory()
    pages = [
        Document([*body(n), pros, para(f"Review {n} praises feature {n} at length."), label,
                  para(f"Verdict {n}: buy it."), box, BANNER], url=f"https://gazette.example/r/{n}")
        for n in range(1, 5)
    ]
    for doc in pages:
        learn(memory, doc)
    out = texts(pages[0], memory)
    assert "Pros" in out and "Our verdict:" in out
    assert "Newsletter" not in out and "Harbour tides" not in out


def test_a_quote_on_the_first_pages_of_a_new_site_is_not_site_wide_yet() -> None:
    # Two of the first two pages is "all of them", but too few to call a quotation boilerplate.
    memory = InMemoryBlockMemory()
    first = [page(1, QUOTE_P), page(2, QUOTE_P)]
    for doc in first:
        learn(memory, doc)
    assert "We will not let the harbour close" in texts(first[1], memory, min_pages=2)
    for n in range(3, 5):
        learn(memory, page(n, QUOTE_P))
    assert "We will not let the harbour close" not in texts(first[1], memory, min_pages=2)
