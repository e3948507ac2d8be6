"""Finding small boxes in HTML: the blocks under an element whose class or id names a widget."""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import accumulate

from newsclean.cleaners.caseless import searcher
from newsclean.cleaners.document import Document
from newsclean.cleaners.line_model import word_count

__all__ = ["blocks_in_boxes"]

_TAG = re.compile(r"^[a-zA-Z0-9:-]+")

def blocks_in_boxes(doc: Document, pattern: re.Pattern[str], max_words: int) -> dict[int, str]:
    """Positions of blocks inside a small element whose class or id matches ``pattern``.

    A class word like ``share`` says little on its own: pages wrap whole articles in
    ``<div id="share-buttons-container">``. So an element counts as a box only when all the
    text under it is at most ``max_words`` words. For each block the outermost matching
    ancestor that is still small wins. Returns position -> the matching path step.
    """
    totals: dict[str, int] = {}
    by_path: dict[str, int] = {}  # words of the blocks at each path (built on the first question)
    paths: list[str] = []  # those paths sorted: the ones under a prefix are one run of them
    sums: list[int] = []  # words of the first k paths

    def words_under(prefix: str) -> int:
        if not by_path:
            for b in doc.blocks:
                if b.path:
                    by_path[b.path] = by_path.get(b.path, 0) + word_count(b.text)
            paths.extend(sorted(by_path))
            sums.extend(accumulate((by_path[p] for p in paths), initial=0))
        if prefix not in totals:
            # Paths that start with prefix + "/" sort between it and prefix + "0" ("0" follows "/"):
            # two binary searches, not a pass over every block for each prefix asked about.
            lo, hi = bisect_left(paths, prefix + "/"), bisect_left(paths, prefix + "0")
            totals[prefix] = by_path.get(prefix, 0) + sums[hi] - sums[lo]
        return totals[prefix]

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
                if words_under("/".join(steps[: n + 1])) <= max_words:
                    box = step
                    break
            at_path[path] = box
        if box:
            found[i] = box
    return found
