"""Finding small boxes in HTML: the blocks under an element whose class or id names a widget, and
the names that name no box (a heading's anchor, made of its words)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate

from newsclean.cleaners.caseless import searcher
from newsclean.cleaners.document import Document
from newsclean.cleaners.line_model import word_count

__all__ = ["ANCHOR_WORDS", "blocks_in_boxes", "unspelled", "words_under"]

_TAG = re.compile(r"^[a-zA-Z0-9:-]+")
_HEADING = re.compile(r"h[1-6](?![a-zA-Z0-9:-])")
_SEPARATORS = re.compile(r"[#.]")


ANCHOR_WORDS = 3
"""A name spells a heading's words when, its one-letter prefix aside (the ``h-`` of WordPress's
heading anchors), it is a run of at least this many of them, in order
(``h-what-is-social-shopping`` on "What is Social Shopping?"). Two are too few: a box's label
is named so too (``related-posts`` on "Related posts", ``share-this`` on "Share this")."""

_PARTS = re.compile(r"[^\W_]+")


def unspelled(names: str, text: str) -> str:
    """``names`` (class and id names, space-separated) without those that spell words of
    ``text``, the element's own: the anchor a CMS or a table-of-contents plugin derives from a
    heading's text says what the heading says, not what box it is ("social" in
    ``h-future-trends-in-social-shopping`` names no share bar). A name that adds a word of its
    own (``menu-front-page-writers`` on "Front page writers") still names a box.

    >>> unspelled("wp-block-heading h-what-is-social-shopping", "What is Social Shopping?")
    'wp-block-heading'
    >>> unspelled("menu-front-page-writers", "Front page writers")
    'menu-front-page-writers'
    """
    words = _PARTS.findall(text.lower())
    kept: list[str] = []
    for name in names.split():
        parts = _PARTS.findall(name.lower())
        if len(parts) > ANCHOR_WORDS and len(parts[0]) == 1 and not parts[0].isdigit():
            parts = parts[1:]
        n = len(parts)
        if n < ANCHOR_WORDS or not any(words[i : i + n] == parts for i in range(len(words) - n + 1)):
            kept.append(name)
    return " ".join(kept)


def words_under(doc: Document) -> Callable[[str], int]:
    """A function giving the words of ``doc``'s blocks at a path or under it (``"body/div"``
    counts ``"body/div"`` and ``"body/div/p"``, never ``"body/div2"``), each answer found by
    two binary searches over the sorted paths, not a pass over every block."""
    by_path: dict[str, int] = {}
    for b in doc.blocks:
        if b.path:
            by_path[b.path] = by_path.get(b.path, 0) + word_count(b.text)
    paths = sorted(by_path)
    sums = list(accumulate((by_path[p] for p in paths), initial=0))
    totals: dict[str, int] = {}

    def words(prefix: str) -> int:
        if prefix not in totals:
            # Paths that start with prefix + "/" sort between it and prefix + "0" ("0" follows "/").
            lo, hi = bisect_left(paths, prefix + "/"), bisect_left(paths, prefix + "0")
            totals[prefix] = by_path.get(prefix, 0) + sums[hi] - sums[lo]
        return totals[prefix]

    return words


def blocks_in_boxes(doc: Document, pattern: re.Pattern[str], max_words: int) -> dict[int, str]:
    """Positions of blocks inside a small element whose class or id matches ``pattern``.

    A class word like ``share`` says little on its own: pages wrap whole articles in
    ``<div id="share-buttons-container">``. So an element counts as a box only when all the
    text under it is at most ``max_words`` words. For each block the outermost matching
    ancestor that is still small wins. Returns position -> the matching path step.
    """
    words_at: Callable[[str], int] | None = None  # built on the first question: most pages ask none

    named: dict[str, bool] = {}  # blocks share their ancestors: judge each step once
    search = searcher(pattern)

    found: dict[int, str] = {}
    at_path: dict[str, str] = {}  # blocks at one path (a container's paragraphs) share the answer
    for i, block in enumerate(doc.blocks):
        path = block.path
        if not path:
            continue
        box = at_path.get(path)
        if box is None:
            box = ""
            steps = path.split("/")
            for n, step in enumerate(steps):
                hit = named.get(step)
                if hit is None:
                    hit = named[step] = search(_TAG.sub("", step))
                if hit and n == len(steps) - 1 and _HEADING.match(step):
                    # A heading's anchor spells its words ("h2#h-what-is-social-shopping"): no box.
                    hit = search(unspelled(_SEPARATORS.sub(" ", _TAG.sub("", step)), block.text))
                if not hit:
                    continue
                if words_at is None:
                    words_at = words_under(doc)
                if words_at("/".join(steps[: n + 1])) <= max_words:
                    box = step
                    break
            at_path[path] = box
        if box:
            found[i] = box
    return found
