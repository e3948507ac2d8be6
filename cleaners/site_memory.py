"""Site memory: blocks that recur across many pages of one site are boilerplate.

A memory counts, for each site, on how many distinct pages (by URL) each block was seen. The
:class:`SiteMemory` cleaner reads such a memory and removes the blocks of a page that recur
on enough pages of its site; it never writes to it. Feeding the memory is the caller's job
(:func:`learn`): the Scrapy clean stage does it for every crawled page, ``newsclean clean
--memory`` for files, a library user for whatever pages they have.

Determinism: a memory's counts depend only on the set of pages it holds (each page counted
once, by its latest content), never on the order they came in; the cleaner's decisions
depend only on the page and those counts. So cleaning a page against a memory that holds the
same pages always gives the same record. (A memory bounded to the latest ``max_pages`` pages
of a site holds the ones seen most recently: that set is a matter of time, not of order
within it.) The example a memory keeps of a block, for inspection only, is taken once the
block is on two pages (the smallest element path among the pages seen since), so it may
depend on order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, runtime_checkable

from newsclean.cleaners.chain import Decision
from newsclean.cleaners.document import Block, BlockKind, Document
from newsclean.cleaners.settings import DEFAULTS
from newsclean.cleaners.site import SiteProfile
from newsclean.cleaners.urls import canonical_url, site_host

__all__ = [
    "BlockMemory",
    "InMemoryBlockMemory",
    "LearnedBlock",
    "LearningMemory",
    "SiteMemory",
    "learn",
    "learn_inputs",
    "page_key",
    "site_key",
]

SITE_WIDE_SHARE = 0.5
"""A block that reads like article content (a quotation, or a long paragraph in the page's
own text flow) is boilerplate only when it is on at least this share of the site's pages,
and on at least twice the minimum number of pages (so that a share of a handful of pages
proves nothing): a quote or a background paragraph repeated in a few articles is content, a
disclaimer on every page is not."""

PROSE_WORDS = 25
"""A paragraph this long in the page's main text flow reads like article content."""

MAX_PAGE_SHARE = 0.6
"""When recurring blocks make up more than this share of a page's words the page is a copy
of pages already seen (a syndicated or re-published article), not a page full of
boilerplate: nothing is removed and de-duplication judges it."""

_OPENING_QUOTE = re.compile(r"(?:^|(?<=[\s(\[]))[\"“„«‘'](?=\S)")
_SPACE_RUN = re.compile(r"\s+")
_CLOSING_QUOTE = re.compile(r"(?<=\S)[\"”“»’'](?=$|[\s,.;:!?)\]])")


def is_quotation(text: str) -> bool:
    """Whether ``text`` holds three or more words between quotation marks (an apostrophe inside
    a word does not open one): someone is being quoted.

    Linear: the first opening mark is the only one to try, since a later one has fewer words
    before any closing mark (one pattern doing it all retried from every mark: 32 KB of
    ``'ab 'ab ...`` took 10 s).
    """
    opening = _OPENING_QUOTE.search(text)
    if opening is None:
        return False
    first = _SPACE_RUN.search(text, opening.end())  # the opening mark is followed by a word
    second = _SPACE_RUN.search(text, first.end()) if first else None
    return second is not None and _CLOSING_QUOTE.search(text, second.end() + 1) is not None

"""Query parameters that name a campaign, not a page."""

LABEL_WORDS = 6
"""A line ending in a colon up to this long is a label announcing the next block."""

SAMPLE_CHARS = 200
"""Text kept per learned block for inspection."""

PROSE_KINDS = frozenset({BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.QUOTE})


@dataclass(frozen=True, slots=True)
class LearnedBlock:
    """A block as the memory knows it: how many pages of the site show it, and an example."""

    fingerprint: str
    pages: int
    tag: str
    kind: str
    path: str
    text: str


@runtime_checkable
class BlockMemory(Protocol):
    """What the :class:`SiteMemory` cleaner reads: per-site page counts (read-only)."""

    def pages_seen(self, site: str) -> int:
        """How many distinct pages of ``site`` the memory has seen."""
        ...

    def counts(self, site: str, fingerprints: Collection[str]) -> Mapping[str, int]:
        """On how many distinct pages of ``site`` each fingerprint was seen (absent: 0).

        One call per page rather than one per block, so a database behind it answers in one
        query."""
        ...


@runtime_checkable
class LearningMemory(BlockMemory, Protocol):
    """A memory that can be fed (what :func:`learn` writes to)."""

    def observe(self, site: str, page: str, blocks: Sequence[Block]) -> None:
        """Record that ``page`` of ``site`` shows ``blocks``; seeing a page again replaces
        what was recorded for it, so a page counts once however often it is fetched. A
        memory may keep only the pages of a site seen most recently (``max_pages``); the
        oldest one then leaves with its evidence."""
        ...

    def learned(self, site: str, min_pages: int = 2) -> list[LearnedBlock]:
        """Blocks of ``site`` seen on at least ``min_pages`` pages, most frequent first."""
        ...

    def sites(self) -> dict[str, int]:
        """Every site in the memory with its number of pages seen."""
        ...

    def forget(self, site: str) -> int:
        """Drop everything learned about ``site``; returns the number of pages it had."""
        ...


def site_key(doc: Document) -> str | None:
    """The site a document belongs to: its profile's name, else its URL's host without
    ``www.``; ``None`` when neither is known."""
    if doc.site is not None:
        return doc.site.name
    if not doc.url:
        return None
    return site_host(doc.url) or None


def page_key(url: str) -> str:
    """A page's identity in the memory: its canonical URL (:func:`~newsclean.cleaners.urls.canonical_url`),
    the same key the store and the crawl's incremental state use."""
    return canonical_url(url)


def learn(memory: LearningMemory, doc: Document, page: str | None = None) -> bool:
    """Feed ``doc``'s blocks to ``memory`` as one page of its site.

    ``page`` identifies the page (default: :func:`page_key` of the document's URL). Returns
    ``False`` when the document has no site or no page identity, so nothing was learned.
    """
    site = site_key(doc)
    if page is None and doc.url:
        page = page_key(doc.url)
    if site is None or not page:
        return False
    memory.observe(site, page, doc.blocks)
    return True


def sample(block: Block, fingerprint: str | None = None) -> LearnedBlock:
    """How a memory stores a block it has seen once (its count is filled in later)."""
    text = block.text if len(block.text) <= SAMPLE_CHARS else block.text[: SAMPLE_CHARS - 1] + "…"
    fp = fingerprint or block.fingerprint
    return LearnedBlock(fp, 1, block.tag, str(block.kind), block.path, text)


class InMemoryBlockMemory:
    """A memory held in this process (for library use and tests); the Scrapy pipelines keep
    theirs in the SQLite store."""

    def __init__(self, max_pages: int | None = None) -> None:
        self.max_pages = check_max_pages(max_pages)
        # Per site, pages in the order they were last seen (the oldest first).
        self._pages: dict[str, dict[str, frozenset[str]]] = {}
        self._counts: dict[str, Counter[str]] = {}
        self._samples: dict[tuple[str, str], LearnedBlock] = {}

    def pages_seen(self, site: str) -> int:
        return len(self._pages.get(site, {}))

    def counts(self, site: str, fingerprints: Collection[str]) -> dict[str, int]:
        counter = self._counts.get(site)
        if not counter:
            return {}
        return {fp: counter[fp] for fp in fingerprints if counter[fp]}

    def observe(self, site: str, page: str, blocks: Sequence[Block]) -> None:
        pages = self._pages.setdefault(site, {})
        counter = self._counts.setdefault(site, Counter())
        prints = [b.fingerprint for b in blocks]
        new = frozenset(prints)
        old = pages.pop(page, frozenset())
        for fp in new - old:
            counter[fp] += 1
        self._drop(site, old - new)
        for block, fp in zip(blocks, prints, strict=True):
            key = (site, fp)
            if counter[fp] < 2 and key not in self._samples:
                continue  # a block on one page keeps no example (as in the store: most blocks are such)
            known = self._samples.get(key)
            # The smallest path seen since the block recurs is kept as the example.
            if known is None or block.path < known.path:
                self._samples[key] = sample(block, fp)
        pages[page] = new
        while self.max_pages is not None and len(pages) > self.max_pages:
            self._drop(site, pages.pop(next(iter(pages))))

    def _drop(self, site: str, fingerprints: Collection[str]) -> None:
        counter = self._counts[site]
        for fp in fingerprints:
            counter[fp] -= 1
            if counter[fp] <= 0:
                del counter[fp]
                self._samples.pop((site, fp), None)

    def learned(self, site: str, min_pages: int = 2) -> list[LearnedBlock]:
        counter = self._counts.get(site, Counter())
        found = []
        for fp, n in counter.items():
            if n >= min_pages:
                s = self._samples.get((site, fp)) or LearnedBlock(fp, n, "", "", "", "")
                found.append(LearnedBlock(fp, n, s.tag, s.kind, s.path, s.text))
        return sorted(found, key=lambda b: (-b.pages, b.text, b.fingerprint))

    def sites(self) -> dict[str, int]:
        return {site: len(pages) for site, pages in sorted(self._pages.items()) if pages}

    def forget(self, site: str) -> int:
        had = len(self._pages.pop(site, {}))
        self._counts.pop(site, None)
        for key in [k for k in self._samples if k[0] == site]:
            del self._samples[key]
        return had


def check_max_pages(value: object) -> int | None:
    """``NEWSCLEAN_SITE_MEMORY_MAX_PAGES`` as an int or ``None``; a clear error otherwise."""
    if value is None or (isinstance(value, str) and value.strip().lower() in ("", "none")):
        return None
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool) or value < 2:
        raise ValueError(f"NEWSCLEAN_SITE_MEMORY_MAX_PAGES must be None or a whole number of at least 2, not {value!r}")
    return value


def check_min_pages(value: object) -> int:
    """``NEWSCLEAN_SITE_MEMORY_MIN_PAGES`` as an int; a clear error when it is unusable."""
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ValueError(f"NEWSCLEAN_SITE_MEMORY_MIN_PAGES must be a whole number, not {value!r}")
    number = value
    if number < 2:
        raise ValueError(
            f"NEWSCLEAN_SITE_MEMORY_MIN_PAGES must be at least 2 (got {number}): "
            "one page alone cannot tell boilerplate from content"
        )
    return number


class SiteMemory:
    """Removes blocks that recur on many pages of the same site (learned from crawls); does
    nothing until a memory is given.

    A block goes when it was seen on at least ``min_pages`` distinct pages of the page's
    site. A block that reads like content (a quotation, or a long paragraph in the page's
    main text flow) must also be on at least half the site's pages and on twice the minimum
    number of pages. A recurring heading
    goes only with the recurring text under it. When recurring blocks would take most of a
    page, the page is a copy of another and nothing is removed.
    """

    name = "site-memory"
    order = 600

    def __init__(self, memory: BlockMemory | None = None, *, min_pages: int | None = None) -> None:
        self.memory = memory
        self.min_pages = check_min_pages(
            DEFAULTS["NEWSCLEAN_SITE_MEMORY_MIN_PAGES"] if min_pages is None else min_pages
        )

    def __call__(self, doc: Document) -> Iterator[Decision]:
        site = site_key(doc)
        if self.memory is None or site is None or not doc.blocks:
            return
        prints = [b.fingerprint for b in doc.blocks]
        seen = self.memory.counts(site, set(prints))
        if not seen:
            return
        total = self.memory.pages_seen(site)
        flow = main_flow(doc.blocks)
        chosen: list[tuple[int, str]] = []
        for i, block in enumerate(doc.blocks):
            pages = seen.get(prints[i], 0)
            if pages < self.min_pages:
                continue
            where = f"on {pages} of the {total} pages of {site} seen"
            if looks_like_content(block, flow):
                if pages < max(SITE_WIDE_SHARE * total, 2 * self.min_pages):
                    continue
                chosen.append((i, f"recurs {where}, half or more of them: site-wide boilerplate"))
            else:
                chosen.append((i, f"recurs {where} (site memory needs {self.min_pages})"))
        chosen = _with_their_sections(doc.blocks, chosen)
        if not chosen:
            return
        # A page most of whose text recurs elsewhere (content-like blocks included) is a copy
        # of another page, a syndicated story: its shared paragraphs are its article.
        words = sum(len(b.text.split()) for b in doc.blocks)
        recurring = sum(
            len(b.text.split()) for i, b in enumerate(doc.blocks) if seen.get(prints[i], 0) >= self.min_pages
        )
        if recurring > MAX_PAGE_SHARE * words:
            return
        for i, reason in chosen:
            yield Decision.remove(i, reason)


def introduces(block: Block) -> bool:
    """A heading, or a short label ending in a colon ("Pros:", "Our criteria:"): text that
    announces the block after it."""
    text = block.text.strip()
    return block.kind is BlockKind.HEADING or (len(text.split()) <= LABEL_WORDS and text.endswith(":"))


def _with_their_sections(blocks: Sequence[Block], chosen: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Keeps a recurring heading or label whose following block stays: a template heading
    ("Pros", "What we like") over text unique to the page is part of the article; one over
    recurring text (or over nothing) goes with it."""
    reasons = dict(chosen)
    keep: list[tuple[int, str]] = []
    going = set(reasons)
    # From the end, so a heading over a heading over recurring text goes too.
    for i in sorted(reasons, reverse=True):
        if introduces(blocks[i]) and i + 1 < len(blocks) and i + 1 not in going:
            going.discard(i)
            continue
        keep.append((i, reasons[i]))
    return sorted(keep)


def main_flow(blocks: Sequence[Block]) -> str:
    """The element path that holds most of a page's paragraph words (its article text)."""
    words: Counter[str] = Counter()
    for block in blocks:
        if block.kind is BlockKind.PARAGRAPH:
            words[block.path] += len(block.text.split())
    if not words:
        return ""
    return min(words, key=lambda path: (-words[path], path))


def looks_like_content(block: Block, flow: str) -> bool:
    """A quotation, or a long paragraph in the page's main text flow."""
    if block.kind is BlockKind.QUOTE or is_quotation(block.text):
        return True
    return (
        block.kind in PROSE_KINDS
        and block.path == flow
        and len(block.text.split()) >= PROSE_WORDS
    )


def learn_inputs(
    memory: LearningMemory,
    sources: Sequence[str],
    *,
    url: str | None = None,
    site: SiteProfile | None = None,
) -> int:
    """Feed ``memory`` with input files as pages of one site (``newsclean clean --memory``).

    Each file is one page: its URL when ``url`` names a single input, else the file's
    absolute path. Inputs that cannot be read are skipped here (cleaning reports them).
    Returns how many pages were learned.
    """
    from newsclean.cleaners.api import looks_like_html
    from newsclean.cleaners.decoding import DecodeError, decode_html, decode_text
    from newsclean.cleaners.html import extract_html
    from newsclean.cleaners.inputs import InputError, read_input
    from newsclean.cleaners.text import extract_text

    learned = 0
    for source in sources:
        try:
            data = read_input(source)
            if looks_like_html(data):
                doc = extract_html(decode_html(data, url=url), url=url, site=site)
            else:
                doc = extract_text(decode_text(data, url=url), url=url, site=site)
        except (InputError, DecodeError):
            continue  # cleaning the input reports it
        except Exception:  # an extractor failure is reported when the input is cleaned
            continue
        page = page_key(url) if url and len(sources) == 1 else f"file://{Path(source).resolve()}"
        learned += learn(memory, doc, page)
    return learned
