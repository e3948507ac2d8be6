"""Finding small boxes in HTML: the blocks under an element whose class or id names a widget."""

from __future__ import annotations

import re

from newsclean.cleaners.document import Document

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

    def words_under(prefix: str) -> int:
        if prefix not in totals:
            inside = prefix + "/"
            totals[prefix] = sum(
                len(b.text.split()) for b in doc.blocks if b.path == prefix or b.path.startswith(inside)
            )
        return totals[prefix]

    named: dict[str, bool] = {}  # blocks share their ancestors: judge each step once

    found: dict[int, str] = {}
    for i, block in enumerate(doc.blocks):
        if not block.path:
            continue
        steps = block.path.split("/")
        for n, step in enumerate(steps):
            hit = named.get(step)
            if hit is None:
                hit = named[step] = pattern.search(_TAG.sub("", step)) is not None
            if not hit:
                continue
            if words_under("/".join(steps[: n + 1])) <= max_words:
                found[i] = step
                break
    return found
