"""Finding small boxes in HTML: the blocks under an element whose class or id names a widget."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from itertools import accumulate

from newsclean.cleaners.caseless import searcher
from newsclean.cleaners.document import Document
from newsclean.cleaners.line_model import word_count

__all__ = ["blocks_in_boxes", "words_under"]

_TAG = re.compile(r"^[a-zA-Z0-9:-]+")


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
