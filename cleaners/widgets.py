"""Widgets after the article's text: rows of titled sidebar boxes, and boxes a script fills in.

A blog engine's sidebar or footer is a row of widgets ("About me", "Blog Archive", "Followers",
"Recent Posts", a disclaimer), each an element of one kind (Blogger's ``div.widget``,
WordPress's ``section.widget``) opening with a title of one kind (``h2.title``,
``h3.widget-title``). Named so, or inside an ``<aside>``, they are dropped as elements; with
names hashed and no HTML5 sections (a page written before 2010, or rewritten so) they stay
where the chosen content is the page's wrapper, after the post. Their classes, hashed or not,
still say they are alike, and that is the signal :func:`widget_boxes` reads, never their words
or the length of their items (short list items are also a recipe's ingredients).

An article cut in sections (``div.step > h2.step-title``, a listicle's items) has the same
shape; what tells it apart is where the boxes stand: a section is a child of the article's own
element, or close to it, while a sidebar sits in another column of the layout, several levels
away from the post's paragraphs. The boxes must also come after the article's last paragraph.

A box a script fills in (a slideshow of other stories, a gallery) is told by the placeholder it
prints until then ("Loading Slideshow", "Loading…"): :func:`loading_boxes`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from functools import lru_cache
from itertools import accumulate

from newsclean.cleaners.chain import Decision
from newsclean.cleaners.document import Block, BlockKind, Document
from newsclean.cleaners.line_model import word_count

__all__ = [
    "LOADING",
    "MIN_LEVELS",
    "MIN_WIDGETS",
    "WIDGET_SHARE",
    "loading_boxes",
    "placeholder",
    "widget_boxes",
    "widgets",
]

MIN_WIDGETS = 3
"""Titled boxes of one kind (box and title alike in tag and first class) that make a row of
widgets; two are as often a pair of sections."""

MIN_LEVELS = 4
"""Levels from a widget box up to its nearest common ancestor with the article's paragraphs:
an article's sections and a listicle's items stand one to three levels from its prose (in its
element or a wrapper inside it); a sidebar stands in another branch of the page's layout."""

PROSE_WORDS = 25
"""A paragraph of the article: this many words or more, ending a sentence."""

MIN_ARTICLE_WORDS = 100
"""Words the rest of the content must hold for the boxes to be beside an article at all."""

WIDGET_SHARE = 2.0
"""The row may hold up to this many times the words of the rest: a short post's sidebar quotes
other posts at length ("Featured post", "Popular posts" with their openings)."""

_ID = re.compile(r"#[^.]*")


def _prose(block: Block) -> bool:
    # (The block's own text counted: the same words as stripped, and its count is cached.)
    return word_count(block.text) >= PROSE_WORDS and block.text.strip()[-1:] in ".!?。！？"


@lru_cache(maxsize=4096)
def _kind(step: str) -> str:
    """A path step without its id and with its first class only (``div#HTML1.widget.HTML`` ->
    ``div.widget``): what the boxes of one row share."""
    return ".".join(_ID.sub("", step).split(".")[:2])


def _common_depth(a: list[str], b: list[str]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def widget_boxes(doc: Document, gone: Collection[int] = ()) -> list[int]:
    """Positions of the blocks in rows of sidebar widgets after the article's text.

    A widget box is an element whose first block is a heading (its title) and whose blocks run
    unbroken; a row is at least :data:`MIN_WIDGETS` such boxes whose element and title share
    tag and first class (a class on both: without names the shape says nothing). With the row
    go the untitled widgets of its kind after its first box. The row must stand after the
    last paragraph of prose outside it, hold at most :data:`WIDGET_SHARE` times the words of the rest of the
    content (which holds at least :data:`MIN_ARTICLE_WORDS`), and each box must stand at least
    :data:`MIN_LEVELS` levels below its nearest common ancestor with that prose. ``gone`` are
    positions other rules already removed."""
    blocks = doc.blocks
    count = len(blocks)
    if doc.source_format == "text" or count < MIN_WIDGETS * 2:
        return []
    first = next((i for i, b in enumerate(blocks) if _prose(b)), count)
    titled: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for i in range(first + 1, count):
        b = blocks[i]
        if b.kind is not BlockKind.HEADING or b.path.count("/") < 2:
            continue
        box, title = b.path.rsplit("/", 1)
        key = (_kind(box.rsplit("/", 1)[1]), _kind(title))
        if "." in key[0] and "." in key[1]:
            titled.setdefault(key, []).append((i, box))
    if all(len(found) < MIN_WIDGETS for found in titled.values()):
        return []  # (most pages: no row of titled boxes to judge)
    prose_at = [_prose(b) for b in blocks]
    # Every path on a line of its own, each block's line found by its offset: whether a box has
    # blocks further on is one search in C, not a pass over the blocks in Python.
    joined = "".join(f"\n{b.path}" for b in blocks)
    offsets = list(accumulate((len(b.path) + 1 for b in blocks), initial=0))
    taken: set[int] = set()
    for (kind, _title), candidates in titled.items():
        boxes: dict[int, tuple[int, str]] = {}
        for i, box in candidates:
            inner = box + "/"
            if blocks[i - 1].path.startswith(inner):
                continue  # the title is not the box's first block
            last = i
            while last + 1 < count and blocks[last + 1].path.startswith(inner):
                last += 1
            if joined.find("\n" + inner, offsets[last + 1]) >= 0:
                continue  # the box's blocks do not run unbroken
            boxes[i] = (last, box)
        if len(boxes) < MIN_WIDGETS:
            continue
        start = min(boxes)
        inside = {j for lo, (hi, _box) in boxes.items() for j in range(lo, hi + 1)}
        for j in range(start, count):
            if blocks[j].path and any(_kind(step) == kind for step in blocks[j].path.split("/")[:-1]):
                inside.add(j)
        rest = [j for j in range(count) if j not in inside and j not in gone]
        if any(j > start and prose_at[j] for j in rest):
            continue
        words_in = sum(word_count(blocks[j].text) for j in inside)
        words_out = sum(word_count(blocks[j].text) for j in rest)
        if words_out < MIN_ARTICLE_WORDS or words_in > WIDGET_SHARE * words_out:
            continue
        prose = [blocks[j].path.split("/") for j in rest if prose_at[j] and blocks[j].path]
        if not prose:
            continue
        steps_of = [box.split("/") for _last, box in boxes.values()]
        near = min(len(steps) - _common_depth(steps, other) for steps in steps_of for other in prose)
        if near < MIN_LEVELS:
            continue
        taken |= inside
    return sorted(taken)


LOADING = re.compile(
    r"(?:loading|please\ wait|(?:wird\ )?geladen|lädt|chargement(?:\ en\ cours)?|cargando|carregando|caricamento)"
    r"(?:\s+[^\W\d_][\w-]*){0,2}\s*(?:\.{2,}|…)"
    r"|loading\s+(?:slide\s?show|gallery|photos?|images?|videos?|player|comments|content|map|chart|quotes?)",
    re.I | re.X,
)
"""A script's placeholder, printed until the script fills its box in ("Loading…", "Loading
Slideshow", "Loading photos...", "Wird geladen …"): a slideshow's slides, a gallery, a quote
table. A reader without scripts (and a person copying the text) sees none of what follows it."""

LOADING_MAX_CHARS = 40

LABEL_MAX_WORDS = 5
"""A line ending in a colon just above a placeholder's box ("Also on HuffPost:", "Related:")
with at most this many words is the box's label, not a sentence introducing a list."""


def _paragraph(block: Block) -> bool:
    """:func:`_prose`, also when the sentence ends inside a quotation (``... he said."``)."""
    text = block.text.strip().rstrip("\"'”’»)")
    return word_count(text) >= PROSE_WORDS and text[-1:] in ".!?。！？"


def placeholder(block: Block) -> bool:
    """Whether ``block`` is a script's placeholder (:data:`LOADING`), not a heading."""
    text = block.text.strip()
    return (
        block.kind is not BlockKind.HEADING and len(text) <= LOADING_MAX_CHARS and LOADING.fullmatch(text) is not None
    )


def loading_boxes(doc: Document, gone: Collection[int] = ()) -> list[int]:
    """Positions of script placeholders (:data:`LOADING`) and of the boxes they open after the
    article's text.

    A placeholder always goes. When it is the first block of the smallest element holding more
    than it (the box a script fills: a slideshow's list of slides beside it), the rest of that
    element goes too, with a short label ending in a colon just above it, provided the box
    comes after the text: prose outside the box (at least :data:`MIN_ARTICLE_WORDS` words of
    it) before the box and none after it. A placeholder opening the article's own element (a
    spinner over a lazily loaded body) leaves too little outside its box and takes nothing
    with it."""
    blocks = doc.blocks
    if doc.source_format == "text":
        return []
    found = [i for i, b in enumerate(blocks) if i not in gone and placeholder(b)]
    if not found:
        return []
    taken: set[int] = set()
    count = len(blocks)
    for i in found:
        taken.add(i)
        path = blocks[i].path
        if path.count("/") < 2:
            continue
        # The box: the smallest element around the placeholder that holds more than it (a
        # layout table's cells wrap it several times over).
        box = path.rsplit("/", 1)[0]
        while True:
            last = i
            while last + 1 < count and blocks[last + 1].path.startswith(box + "/"):
                last += 1
            opens = i == 0 or not blocks[i - 1].path.startswith(box + "/")
            if last > i or not opens or box.count("/") < 2:
                break
            box = box.rsplit("/", 1)[0]
        if last == i or not opens:
            continue  # nothing beside it, or the placeholder does not open its box
        outside = [j for j in range(count) if not i <= j <= last and j not in gone and j not in taken]
        if any(j > last and _paragraph(blocks[j]) for j in outside):
            continue  # the article's text goes on after the box
        before = sum(word_count(blocks[j].text) for j in outside if j < i and _paragraph(blocks[j]))
        if before < MIN_ARTICLE_WORDS:
            continue
        taken.update(range(i, last + 1))
        label = blocks[i - 1].text.strip() if i > 0 else ""
        if label.endswith(":") and word_count(label) <= LABEL_MAX_WORDS:
            taken.add(i - 1)
    return sorted(taken - set(gone))


def widgets(doc: Document, gone: Collection[int] = ()) -> Iterator[Decision]:
    """Remove the rows of sidebar widgets :func:`widget_boxes` finds and the script-filled
    boxes :func:`loading_boxes` finds."""
    taken = set(gone)
    for i in widget_boxes(doc, gone):
        if i not in gone:
            taken.add(i)
            yield Decision.remove(i, "a row of sidebar widgets after the text (titled boxes of one kind)")
    for i in loading_boxes(doc, taken):
        yield Decision.remove(i, "a script's placeholder and the box it opens after the text (a slideshow, a gallery)")
