"""Boxes after the article's text that lie apart from it both in the page's layout and in their words."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsclean.cleaners.content import introduces
from newsclean.cleaners.document import Block, BlockKind, split_count

__all__ = ["APART_AFTER", "apart_after"]

APART_AFTER = "a box after the article's text, apart from it in the page's layout and in its words"
"""The reason the ``edges`` cleaner gives for the blocks :func:`apart_after` finds."""

MAIN_SHARE = 0.6
"""The article's own container (the element path holding the most prose words) must hold at
least this share of the prose: a guide spread over many boxes has no one container to measure
the rest against."""

LEVELS = 3
"""A box is apart in the layout when it parts from the article's container at least this many
levels above the container's paragraphs: another part of the page's wrapper (its footer, a
promotion row), not a section of the article two levels away."""

SHARED_WORDS = 0.3
"""... and apart in its words when fewer than this share of its distinct words (of four letters
or more) occur in the article's container: a publisher's "about us", a paywall's notice, a row
of other stories; a later section of the article shares the article's words."""

_WORD = re.compile(r"\w{4,}")
_BULLETS = ("•", "·", "*", "-", "–")


def _words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text) if not w.isdigit()}


def _tags(steps: list[str]) -> list[str]:
    """A path's steps without their ids and classes (``div#a.b`` -> ``div``)."""
    return [step.split("#", 1)[0].split(".", 1)[0] for step in steps]


def _listed(blocks: Sequence[Block], idx: list[int]) -> bool:
    """Whether at least half of the box's lines are list items or bulleted lines: a post's own
    list of links or notes set after its text, kept as the article's."""
    listed = sum(
        1 for i in idx if blocks[i].kind is BlockKind.LIST_ITEM or blocks[i].text.lstrip().startswith(_BULLETS)
    )
    return 2 * listed >= len(idx)


def apart_after(blocks: Sequence[Block], prose: Sequence[int], rules: Sequence[str]) -> list[int]:
    """Positions of the blocks after the article's text that lie in a box apart from it.

    When the chosen element is the page's wrapper (names hashed, no ``<footer>`` or ``<aside>``
    to say what its parts are), the parts after the article come along: a publisher's
    description, a paywall's notice, another story's teasers. Two independent signs must agree:
    the layout (the box parts from the article's container at least :data:`LEVELS` levels up,
    and is not built like the container: a list of stories with the same template is content)
    and the words (:data:`SHARED_WORDS`). A box with more words than the article's container,
    made of list lines or announced by the line just above it (a sentence ending in a colon)
    stays. ``prose`` gives the prose paragraphs' positions; blocks ``rules`` already marks are
    left to their rule."""
    words: dict[str, int] = {}
    for i in prose:
        if blocks[i].path:
            words[blocks[i].path] = words.get(blocks[i].path, 0) + split_count(blocks[i].text)
    if not words:
        return []
    main = max(words, key=words.__getitem__)
    if words[main] < MAIN_SHARE * sum(words.values()):
        return []
    steps = main.split("/")
    last = max(i for i in prose if blocks[i].path == main)
    boxes: dict[str, list[int]] = {}
    for i in range(last + 1, len(blocks)):
        if rules[i] or not blocks[i].path:
            continue
        own = blocks[i].path.split("/")
        shared = 0
        while shared < min(len(own), len(steps)) and own[shared] == steps[shared]:
            shared += 1
        if len(steps) - 1 - shared >= LEVELS and _tags(own) != _tags(steps):
            boxes.setdefault("/".join(own[: shared + 1]), []).append(i)
    if not boxes:
        return []
    article = _words(" ".join(b.text for b in blocks[: last + 1] if b.path == main))
    found: list[int] = []
    for idx in boxes.values():
        if idx[0] > 0 and introduces(blocks[idx[0] - 1].text):
            continue  # what the article's sentence just above announces ("... last week:") is its own
        vocabulary = _words(" ".join(blocks[i].text for i in idx))
        # (A box without a word of four letters shares none of the article's.)
        if (
            (not vocabulary or len(vocabulary & article) < SHARED_WORDS * len(vocabulary))
            and sum(split_count(blocks[i].text) for i in idx) <= words[main]
            and not _listed(blocks, idx)
        ):
            found.extend(idx)
    return sorted(found)
