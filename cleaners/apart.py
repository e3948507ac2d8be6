"""Boxes after the article's text that lie apart from it both in the page's layout and in their words."""

from __future__ import annotations

import re
from collections import Counter
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

LEVELS = 1
"""A box is apart in the layout when it parts from the article's container at least this many
levels above the container's paragraphs: it is not a block of the container itself. The words
(:data:`SHARED_WORDS`) tell a later section of the article, which shares the article's words
wherever it sits, from another part of the page: a widget beside the post, a publisher's box."""

FAR_LEVELS = 3
"""Boxes parting from the container fewer levels up than this stand beside the post's own box;
there, only an element holding its lines is a box (a paragraph set loose in the element around
the article's container is the article's own closing line), and boxes built alike
(:func:`_template`) are a run of posts (readers' comments, a front page's entries), left to the
thread finder and the listing's judging: a widget stands alone."""

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


def _template(blocks: Sequence[Block], idx: list[int], depth: int) -> tuple[str, ...]:
    """How a box is built: its blocks' paths below its own element (``depth`` steps down to it),
    without ids and classes (a post's class naming its poster makes no difference)."""
    return tuple(sorted({"/".join(_tags(blocks[i].path.split("/")[depth - 1 :])) for i in idx}))


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
    a widget beside the post's own box as well as a part of the wrapper further away, and is
    not built like the container: a list of stories with the same template is content) and
    the words (:data:`SHARED_WORDS`). A box with more words than the article's container,
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
    near: set[str] = set()
    for i in range(last + 1, len(blocks)):
        if rules[i] or not blocks[i].path:
            continue
        own = blocks[i].path.split("/")
        shared = 0
        while shared < min(len(own), len(steps)) and own[shared] == steps[shared]:
            shared += 1
        if len(steps) - 1 - shared >= LEVELS and _tags(own) != _tags(steps):
            key = "/".join(own[: shared + 1])
            boxes.setdefault(key, []).append(i)
            if len(steps) - 1 - shared < FAR_LEVELS:
                near.add(key)
    if not boxes:
        return []
    built = Counter(_template(blocks, boxes[key], key.count("/") + 1) for key in near)
    article = _words(" ".join(b.text for b in blocks[: last + 1] if b.path == main))
    found: list[int] = []
    for key, idx in boxes.items():
        if key in near and (
            any(blocks[i].path == key for i in idx) or built[_template(blocks, idx, key.count("/") + 1)] > 1
        ):
            continue  # a loose line of the article's wrapper, or one of a run of posts beside the article
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
