"""Headline, standfirst and caption repeats; in text dumps, the headline and standfirst are lifted."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from newsclean.cleaners.chain import Decision
from newsclean.cleaners.dates import looks_like_date
from newsclean.cleaners.document import Block, BlockKind, Document, split_count
from newsclean.cleaners.html import BYLINE, STAMP
from newsclean.cleaners.page_chrome import post_link

__all__ = ["Repeats"]

HEADLINE_WORDS = (3, 30)
"""A text dump's headline has this many words (inclusive)."""

STANDFIRST_MAX_WORDS = 60
"""A text dump's standfirst is at most this long."""

REPEAT_MAX_WORDS = 40
"""Only blocks up to this long count as repeats (captions, teasers, pull quotes); a long
paragraph that recurs is left for site memory and de-duplication to judge."""

MIN_REPEAT_WORDS = 4
"""Shorter blocks (list items, "Summary" headings) repeat legitimately and are never removed as repeats."""

LABEL_MAX_WORDS = 6
LABEL_MAX_CHARS = 60
LABEL_MIN_TIMES = 3

NEAR_COPY_LINES = 3
"""In a text dump, a line of :data:`MIN_REPEAT_WORDS` words or more that repeats one at most this
many lines above it word for word is a second copy (a caption printed twice, a paragraph
rendered for two screen sizes); a table of contents lists its headings far from the headings."""

COPY_MIN_WORDS = 13
"""In HTML, blocks at least this long (paragraphs, quotes, list items) that repeat earlier
ones word for word can form a second copy of the text (see ``COPY_MIN_BLOCKS``)."""

COPY_MIN_BLOCKS = 3
"""A run of repeated long blocks (shorter blocks between them do not break it) with at least
this many different texts is a second copy of a passage: a mobile and a desktop rendering,
a hidden tab, the article printed twice. It goes; one or two paragraphs said again (a pull
quote) stay."""

COPY_KINDS = (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.LIST_ITEM, BlockKind.OTHER)
"""Kinds of block a second copy is made of; code and table rows repeat legitimately."""

QUOTE_MARKS = re.compile(r"[\"“”«»„]")
"""A paragraph with these quotes something: said again, it is a pull quote, not boilerplate."""

QUOTED = re.compile(r"(?:^|(?<=[\s(\[—–-]))[\"“«„]\w[^\"“”«»„]*[\"”»“](?=$|[\s.,;:!?)\]—–-])")
"""A quoted span ("“Whose streets? Our streets!”"), not inch marks (3"x5")."""

SENTENCE_END = re.compile(r"[.!?…:;]['\"”’)]?$")

PROSE_END = re.compile(r"[.!?…]['\"”’)]?$")

MARKER_MAX_WORDS = 4
MARKER_MIN_TIMES = 3
MARKER_PROSE_WORDS = 8
MARKER_SHARE = 0.3
"""A marker is a line of at most ``MARKER_MAX_WORDS`` words without a sentence end, printed
``MARKER_MIN_TIMES`` times or more in a box of its own between paragraphs of prose (at least
``MARKER_PROSE_WORDS`` words ending a sentence): an advertisement slot's "Anzeige" or
"Publicidad", a screen reader's "Article content" before each paragraph. A copy after a
paragraph of prose and before a section's heading sits so too (the label printed before every
block, the heading one of them). All its copies go when at least two sit so and, with the
copies stacked on another copy (a label over an empty slot), they make ``MARKER_SHARE`` of
them. A label that heads the article's own sections sits
in the paragraphs' own container ("Product spotlight" as one more ``<p>``) or is a heading,
and stays."""

MARKER_KINDS = (BlockKind.PARAGRAPH, BlockKind.QUOTE, BlockKind.OTHER)

MARKER_REASON = "a marker repeated between the article's paragraphs (an ad slot's or a screen reader's label)"


@lru_cache(maxsize=4096)
def _norm(text: str) -> str:
    # Each block is compared with several others: its key made once.
    return " ".join(text.split()).casefold().strip(" .:;,!?\"'“”‘’")


def _short(block: Block) -> bool:
    return HEADLINE_WORDS[0] <= split_count(block.text) <= HEADLINE_WORDS[1]


def _headline_like(block: Block) -> bool:
    """Whether a text's first block reads as its headline: a few words, a heading or no sentence's
    end, and no credits (:func:`_credit_line`)."""
    if not _short(block) or _credit_line(block.text):
        return False
    return block.kind is BlockKind.HEADING or not SENTENCE_END.search(block.text.strip())


CREDIT_REASON = "a byline or date line opening the text: its credits, not its headline"
POST_LINK_REASON = "a link to the blog's post before or after, opening the text: no headline"
OVER_TEXT_REASON = "a title-like line over the text, under the headline found above it: a kicker, a caption or a label"
OPENING_MAX = 3
"""Lines at most that a text opening with its credits or links to other posts loses before its
first line of text ("« Older title | Main | Newer title »" over "by Ann Lee on July 7, 2012")."""


def _opening_reason(text: str) -> str | None:
    """Why a text's first line is no headline and goes (:func:`_credit_line`,
    :func:`~newsclean.cleaners.page_chrome.post_link`); ``None`` when it may be the headline."""
    if _credit_line(text):
        return CREDIT_REASON
    if post_link(text):
        return POST_LINK_REASON
    return None


def _credit_line(text: str) -> bool:
    """Whether a line gives the article's author or dates, not its title ("by Ann Lee on July 7,
    2012", "Von Felix Schröder, dpa", "| August 24, 2023", "Reading Time: 8 minutes")."""
    line = text.strip().lstrip("|·•/ ")
    return BYLINE.search(line) is not None or STAMP.match(line) is not None or looks_like_date(line.rstrip(" |·•/"))


class Repeats:
    """Removes repeats of the headline, the standfirst and earlier short blocks (captions that
    restate the headline, duplicated captions) and, in HTML, markers repeated between the
    paragraphs (:data:`MARKER_SHARE`); lifts a text dump's headline and standfirst, never from
    the byline or date line it may open with (:func:`_credit_line`), and when ``page_chrome`` found
    the headline above the text (``doc.found``), takes the title-like line the text opens with
    for what stands between them (a kicker, a caption, a label) instead."""

    name = "repeats"
    order = 500

    def __call__(self, doc: Document) -> Iterator[Decision]:
        headline = doc.metadata.get("headline")
        description = doc.metadata.get("description")
        decided: set[int] = set()
        blocks = doc.blocks
        opening = 0  # the credits and links to other posts the text opens with
        while not headline and opening < min(len(blocks) - 1, OPENING_MAX) and _short(blocks[opening]):
            reason = _opening_reason(blocks[opening].text)
            if reason is None:
                break
            # The page's chrome above took the headline: the line left on top is the article's
            # credits or the blog's link to a post around it, no headline, and no more text than
            # the HTML path's bylines and post links; nothing under it is taken for the headline.
            decided.add(opening)
            yield Decision.remove(opening, reason)
            opening += 1
        found = None if headline else doc.found.get("headline")
        over = ""  # the title-like line over the text when page_chrome found the headline above it
        if (
            found is not None
            and not opening
            and len(blocks) > 1
            and _headline_like(blocks[0])
            and _norm(blocks[0].text) != _norm(found)
        ):
            # The line the text opens with reads as a title, but the dump's headline stands above
            # it (page_chrome found it by the address's words): it is the kicker, a picture's
            # caption or a section's label between the two, which goes as a lifted line would.
            over = blocks[0].text
            decided.add(0)
            yield Decision.remove(0, OVER_TEXT_REASON)
        elif not headline and not opening and len(blocks) > 1 and _headline_like(blocks[0]):
            headline = blocks[0].text
            decided.add(0)
            yield Decision.move(0, "headline", "the first title-like line of the text: its headline")
            if (
                not description
                and len(blocks) > 2
                and len(blocks[1].text.split()) <= STANDFIRST_MAX_WORDS
                and _norm(blocks[1].text) != _norm(headline)
            ):
                description = blocks[1].text
                decided.add(1)
                yield Decision.copy(1, "description", "the paragraph under the headline: its standfirst")
        seen: dict[str, int] = {}
        if headline:
            seen[_norm(headline)] = -1
        if description:
            seen.setdefault(_norm(description), -2)
        if over:
            seen.setdefault(_norm(over), -3)
        removed: set[int] = set()
        if doc.source_format != "text":
            for i in _markers(blocks, decided):
                removed.add(i)
                yield Decision.remove(i, MARKER_REASON)
        counts = Counter(_norm(b.text) for b in blocks if len(b.text) <= LABEL_MAX_CHARS)
        near: dict[str, int] = {}
        for i, block in enumerate(blocks):
            if i in removed:
                continue
            if i in decided:
                if i == 1:
                    seen[_norm(block.text)] = i
                continue
            if doc.source_format == "text" and split_count(block.text) >= MIN_REPEAT_WORDS:
                last = near.get(key := _norm(block.text))
                near[key] = i
                if last is not None and i - last <= NEAR_COPY_LINES:
                    removed.add(i)
                    yield Decision.remove(i, f"repeats the line {i - last} above it word for word (a second copy)")
                    continue
            if split_count(block.text) > REPEAT_MAX_WORDS:
                continue
            key = _norm(block.text)
            if not key:
                continue
            first = seen.get(key)
            if first is None:
                seen[key] = i
            elif first == -1:
                what = "a caption" if block.kind is BlockKind.CAPTION or i > 0 else "the title"
                removed.add(i)
                yield Decision.remove(i, f"repeats the headline ({what} restating it)")
            elif first == -3:
                removed.add(i)
                yield Decision.remove(i, "repeats the title-like line removed over the text")
            elif first == -2 and description and _is_standfirst_repeat(blocks, i, description):
                removed.add(i)
                yield Decision.remove(i, "repeats the standfirst")
            elif (
                first >= 0
                and doc.source_format != "text"
                and _short_repeat(block)
                and not _label(block, counts)
                and not _meant(blocks, i, first, seen)
            ):
                # Only HTML says what a block is: in a text dump a line seen twice is as often a
                # heading listed in the table of contents above it as a duplicated caption.
                removed.add(i)
                yield Decision.remove(i, f"repeats block {blocks[first].index} word for word")
        yield from _second_copies(blocks, removed | decided, mirrored=doc.source_format == "text")


def _markers(blocks: list[Block], skip: set[int]) -> list[int]:
    """Positions of the copies of markers (see :data:`MARKER_SHARE`). Only HTML is asked: the
    box a line sits in, not its words, tells a marker from the article's own label."""
    copies: dict[str, list[int]] = {}
    for i, block in enumerate(blocks):
        text = block.text.strip()
        if (
            i not in skip
            and block.kind in MARKER_KINDS
            and split_count(text) <= MARKER_MAX_WORDS
            and not SENTENCE_END.search(text)
            and _LETTERS.search(text)
        ):
            copies.setdefault(_norm(text), []).append(i)
    found: list[int] = []
    for places in copies.values():
        if len(places) < MARKER_MIN_TIMES:
            continue
        at = set(places)
        between = stacked = 0
        for i in places:
            before, after = i - 1, i + 1
            while before in at:
                before -= 1
            while after in at:
                after += 1
            if (
                before >= 0
                and after < len(blocks)
                and _prose(blocks[before])
                and (_prose(blocks[after]) or blocks[after].kind is BlockKind.HEADING)
                and blocks[i].path not in (blocks[before].path, blocks[after].path)
            ):
                between += 1
            elif i - 1 in at or i + 1 in at:
                stacked += 1
        if between >= 2 and between + stacked >= max(MARKER_MIN_TIMES, MARKER_SHARE * len(places)):
            found.extend(places)
    return sorted(found)


_LETTERS = re.compile(r"[^\W\d_]{2}")


def _prose(block: Block) -> bool:
    return (
        block.kind in MARKER_KINDS
        and split_count(block.text) >= MARKER_PROSE_WORDS
        and PROSE_END.search(block.text.strip()) is not None
    )


def _second_copies(blocks: list[Block], skip: set[int], *, mirrored: bool = False) -> Iterator[Decision]:
    """Removes runs of long blocks that repeat earlier ones word for word (``COPY_MIN_BLOCKS``)
    and a long block that repeats the block just before it. ``mirrored`` (a text dump, where no
    markup tells a quotation from a second rendering): a run goes only when it copies a whole
    stretch, every long block from its first original to its last (:func:`_whole_stretch`); a
    line of a paragraph's HTML source (:data:`_MARKUP_LINE`) is read without its tags, as a copy
    of the paragraph it holds (never as an original: the article's text is not taken for a copy
    of the markup printed above it), and a run of such lines alone goes whatever stretch it
    copies (a "Republish this story" box prints the article's source, headline and all, which
    no post quotes)."""
    first_at: dict[str, int] = {}
    folded_at: dict[str, int] = {}  # (text dumps: the same, quotes written straight)
    markup: set[int] = set()  # (text dumps: the lines of markup found copying a paragraph)
    run: list[tuple[int, int]] = []  # (position, position of the first copy)

    def flush() -> Iterator[Decision]:
        firsts = {first for _, first in run}
        sources = all(i in markup for i, _ in run)  # (the article's source printed whole: no quotation)
        if len(firsts) >= COPY_MIN_BLOCKS and (not mirrored or sources or _whole_stretch(blocks, skip, firsts)):
            for i, first in run:
                yield Decision.remove(i, f"repeats block {blocks[first].index} word for word (a second copy)")
        run.clear()

    for i, block in enumerate(blocks):
        if block.kind not in COPY_KINDS or split_count(block.text) < COPY_MIN_WORDS:
            continue
        if i in skip:
            if mirrored and _MARKUP_LINE.match(block.text) is None:
                # (a headline lifted or removed as a repeat is still what markup may copy)
                folded_at.setdefault(_norm(block.text).translate(_STRAIGHT), i)
            continue
        if mirrored and _MARKUP_LINE.match(block.text) is not None:
            # A line of markup only ever copies a paragraph: it is no original of one. (Its
            # source may write the apostrophes and quotes the page shows curly as straight.)
            first = folded_at.get(_norm(_TAG.sub("", block.text)).translate(_STRAIGHT), i)
            if first == i:
                yield from flush()
            else:
                markup.add(i)
                run.append((i, first))
            continue
        key = _norm(block.text)
        if mirrored:
            folded_at.setdefault(key.translate(_STRAIGHT), i)
        first = first_at.setdefault(key, i)
        if first != i and _norm(blocks[i - 1].text) == key:
            # The same long paragraph twice in a row is never meant (a stacked mobile copy).
            yield Decision.remove(i, f"repeats block {blocks[i - 1].index}, just before it, word for word")
            continue
        if first == i:
            yield from flush()
        else:
            run.append((i, first))
    yield from flush()


_MARKUP_LINE = re.compile(
    r"\s*<(?:p|h[1-6]|li|blockquote|div|span)\b[^>]*>.*</[a-z0-9]+>\s*$", re.IGNORECASE | re.DOTALL
)
"""A text dump's line that is a paragraph's HTML source ("<p>Some students gained ...</p>"): a
"Republish this story" box prints the article's markup for other sites to paste."""

_STRAIGHT = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})

_TAG = re.compile(r"</?[a-z][a-z0-9]*\b[^<>]{0,500}>", re.IGNORECASE)
"""An HTML tag in such a line."""


def _whole_stretch(blocks: list[Block], skip: set[int], firsts: set[int]) -> bool:
    """Whether every long block (:data:`COPY_MIN_WORDS` words or more) from the first of ``firsts``
    to the last is one of them: the passage was printed twice (a page rendered for two screens, a
    hidden tab), not quoted again in full after the article went through it with its own
    paragraphs between the quoted ones (a post answering a list item by item, then the list)."""
    return all(
        i in firsts
        for i in range(min(firsts), max(firsts) + 1)
        if i not in skip and blocks[i].kind in COPY_KINDS and split_count(blocks[i].text) >= COPY_MIN_WORDS
    )


def _is_standfirst_repeat(blocks: list[Block], i: int, description: str) -> bool:
    # The standfirst is kept once as the body's first paragraph: only later copies go.
    return any(_norm(b.text) == _norm(description) for b in blocks[:i])


def _label(block: Block, counts: Counter[str]) -> bool:
    """A short heading or line printed over each item of a roundup ("What We Don't Like",
    "Top Expert Recommendations:"): seen at least :data:`LABEL_MIN_TIMES` times, it labels the
    items, it is no duplicated caption."""
    return (
        block.kind is not BlockKind.CAPTION
        and split_count(block.text) <= LABEL_MAX_WORDS
        and counts[_norm(block.text)] >= LABEL_MIN_TIMES
    )


VERSE_BREAKS = 2
"""A paragraph broken into this many lines or more (``<br>``) is verse: a stanza sung again is
the song's chorus."""

_BR = re.compile(r"<br\b", re.I)


def _meant(blocks: list[Block], i: int, first: int, seen: dict[str, int]) -> bool:
    """Whether the article repeats block ``i`` (a copy of block ``first``) on purpose: a quoted
    refrain or pull quote, a chorus between verses, the same question heading each section of a
    guide, an ingredient in two lists of a recipe. A caption, a call to action said twice or a
    list printed twice is no such repeat."""
    block = blocks[i]
    if block.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE):
        return QUOTED.search(block.text) is not None or len(_BR.findall(block.html)) >= VERSE_BREAKS
    if block.kind is not blocks[first].kind:
        return False  # a contents list's entry printed again as its section's heading, a caption
    if block.kind is BlockKind.HEADING:
        # A heading between new texts heads a section of its own; beside text said before, it
        # is part of a second copy of the page.
        after = _after(blocks, i)
        said = i == first + 1 or (i > 0 and seen.get(_norm(blocks[i - 1].text), i - 1) < i - 1)
        return bool(after) and after not in seen and after != _after(blocks, first) and not said
    if block.kind is BlockKind.LIST_ITEM:
        return not _copied_list(blocks, i, seen)
    return False


def _after(blocks: list[Block], i: int) -> str:
    return _norm(blocks[i + 1].text) if i + 1 < len(blocks) else ""


def _copied_list(blocks: list[Block], i: int, seen: dict[str, int]) -> bool:
    """Whether the list holding item ``i`` (the run of list items beside it with its path) is
    mostly a copy of earlier text: a list printed twice, not one item in common with another
    list."""
    path = blocks[i].path
    start = i
    while start > 0 and blocks[start - 1].kind is BlockKind.LIST_ITEM and blocks[start - 1].path == path:
        start -= 1
    end = i + 1
    while end < len(blocks) and blocks[end].kind is BlockKind.LIST_ITEM and blocks[end].path == path:
        end += 1
    earlier = sum(1 for b in blocks[start:end] if seen.get(_norm(b.text), start) < start)
    return 2 * earlier > end - start


def _short_repeat(block: Block) -> bool:
    words = split_count(block.text)
    # One to three words repeat legitimately: list items, "Summary" headings in each section.
    if words < MIN_REPEAT_WORDS:
        return False
    if words <= 12 or block.kind in (BlockKind.CAPTION, BlockKind.HEADING, BlockKind.OTHER):
        return True
    # A paragraph said again word for word is a call to action placed twice ("Sign up for our
    # newsletter and shop smarter.") or a card rendered twice; one that quotes someone is a
    # pull quote, and list items repeat legitimately.
    return block.kind is BlockKind.PARAGRAPH and QUOTE_MARKS.search(block.text) is None
