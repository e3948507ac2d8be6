"""Photo captions told by their place, not their markup.

A caption in ``<figcaption>`` or in a box named ``caption`` is left out of the article by its
tag or name. Many pages give it neither: ``<div><div><img></div><div>A cyclist rides next to a
blocked petrol plant, November 19, 2019. Reuters / David Mercado</div></div>``, and with class
names that mean nothing the line reads as a short paragraph. Its place tells it: it is the only
text in a box that opens with a picture and holds nothing else. :func:`unmarked_captions` finds
such lines inside the chosen content.

A box of a picture and a short text is also an item of a list (a shop's products, a guide's
houseplants, each a photo and a description) or one of a page's alike components: such items
stand in a row of alike boxes, so a box that stands beside an alike one, itself or a box around
it, is an item, never a figure. A gallery is such a row too: its slides' lines are captions when
they end in their photographers' credits ("... Foto: Dan Bashakov/AP"), which no shop's product
or guide's item carries.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from lxml import etree
from newsclean.cleaners.images import split_credit

__all__ = ["CAPTION_CHARS", "PICTURES", "unmarked_captions"]

PICTURES = ("img", "picture", "video")
"""The elements a figure opens with."""

CAPTION_CHARS = 300
"""A caption is at most this many characters (a sentence or two and a credit)."""

CAPTION_SHARE = 0.5
"""... and less than this share of the content's text: a photo post's text is the article."""

CAPTIONS_SHARE = 0.3
"""Captions holding together more than this share of the content's text are a photo post's or a
gallery's text, told picture by picture: they all stay."""

LINKED = 0.5
"""A line more than this share of whose text is links is a list of links, not a caption."""

_HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_MARKED = ("figcaption", "caption")


def _holds_picture(el: etree._Element) -> bool:
    return el.tag in PICTURES or next(el.iter(*PICTURES), None) is not None


ITEM_LEVELS = 3
"""A box is an item when it, or one of the boxes around it this many levels up (a column, a
card around the picture and its text), stands beside an alike one."""


GALLERY_SLIDES = 2
"""A row of alike boxes is a gallery when at least this many of its pictures have a line under
them ending in a photo's credit."""

HEADED_CARDS = 2
"""Boxes of one kind (tag and class) beside pictures whose text opens with a bold line are
cards with their titles, not captions, when the content holds at least this many."""


def _alike_neighbour(box: etree._Element) -> bool:
    """Whether the element just before or after ``box`` has its tag and class (a class, or a
    picture too when neither has one: two bare ``<div>``s are alike anywhere)."""
    key = (box.tag, box.get("class"))
    for preceding in (True, False):
        neighbour = next((s for s in box.itersiblings(preceding=preceding) if isinstance(s.tag, str)), None)
        alike = neighbour is not None and (neighbour.tag, neighbour.get("class")) == key
        if alike and (key[1] or _holds_picture(neighbour)):
            return True
    return False


def _row(box: etree._Element, part: etree._Element) -> etree._Element | None:
    """The row ``box`` is an item of (see :data:`ITEM_LEVELS`): the element holding it, or one of
    the boxes around it, beside an alike one; ``None`` when it stands alone (a figure)."""
    node: etree._Element | None = box
    for _ in range(ITEM_LEVELS):
        if node is None or node is part:
            return None
        if _alike_neighbour(node):
            return node.getparent()
        node = node.getparent()
    return None


def _credited(line: etree._Element) -> bool:
    """Whether ``line`` ends in a photo's credit ("... Foto: Dan Bashakov/AP", "(Picture: PA)",
    "Photo by Jane Doe / AFP via Getty Images")."""
    return bool(split_credit(" ".join(line.text_content().split()))[1])


def unmarked_captions(
    part: etree._Element,
    text_of: Callable[[etree._Element], int],
    links_of: Callable[[etree._Element], int],
    bold_head: Callable[[etree._Element], bool] | None = None,
) -> list[etree._Element]:
    """The lines under ``part`` that are a picture's caption by their place: for each picture,
    the outermost element around it holding no text is followed, in the box around it, by one
    element holding text (and nothing else in that box holds any), shorter than
    :data:`CAPTION_CHARS` and :data:`CAPTION_SHARE` of ``part``'s text, mostly not links, no
    heading and no quotation (a ``<blockquote>``: a pull quote beside its speaker's headshot),
    when that box is not ``part`` itself and has no alike neighbour with a picture, or
    when it is a gallery's slide: at least :data:`GALLERY_SLIDES` lines of its row end in a
    photo's credit. ``text_of`` and ``links_of`` give an element's text and link text in characters;
    ``bold_head`` tells a heading written as a bold line (a card's title over its text is no
    caption, whether set in an ``<h3>`` or in bold type)."""
    whole = text_of(part)
    found: list[etree._Element] = []
    seen: set[etree._Element] = set()
    slides: dict[etree._Element, list[etree._Element]] = {}
    lines: list[tuple[etree._Element, etree._Element, bool]] = []
    for picture in part.iter(*PICTURES):
        pic = picture
        parent = pic.getparent()
        while parent is not None and parent is not part and not text_of(parent):
            pic, parent = parent, parent.getparent()
        if parent is None or parent is part or parent in seen:
            continue
        seen.add(parent)
        kids = [k for k in parent if isinstance(k.tag, str)]
        at = kids.index(pic)
        if any(text_of(k) for k in kids[:at]):
            continue
        texts = [k for k in kids[at + 1 :] if text_of(k)]
        if len(texts) != 1:
            continue
        line = texts[0]
        size = text_of(line)
        if text_of(parent) != size or size > CAPTION_CHARS or size >= CAPTION_SHARE * whole:
            continue  # loose text beside it, or too long for a caption
        if links_of(line) > LINKED * size or line.tag in _HEADINGS or next(line.iter(*_HEADINGS), None) is not None:
            continue
        if line.tag in _MARKED:
            continue  # a <figcaption>: left out as a caption by its tag, with its own entry
        if line.tag == "blockquote" or next(line.iter("blockquote"), None) is not None:
            continue  # a quotation beside its speaker's picture: a pull quote, no caption
        headed = bold_head is not None and any(bold_head(el) for el in line.iterdescendants("p", "div"))
        lines.append((line, parent, headed))
    # Boxes of one kind whose text opens with a bold line are a guide's cards when there are a
    # few of them (each its item's title over its description), as they are under an <h3>; one
    # alone beside a picture (an author's box, a promotion) is judged as any line beside one.
    kinds = Counter((parent.tag, parent.get("class")) for _, parent, headed in lines if headed)
    for line, parent, headed in lines:
        if headed and kinds[parent.tag, parent.get("class")] >= HEADED_CARDS:
            continue
        row = _row(parent, part)
        if row is None:
            found.append(line)
        elif _credited(line):
            slides.setdefault(row, []).append(line)
    # A row of pictures each over a line ending in its photographer's credit is a gallery, its
    # lines captions; a shop's products or a guide's items credit no photographer.
    found.extend(line for lines in slides.values() if len(lines) >= GALLERY_SLIDES for line in lines)
    if sum(text_of(line) for line in found) > CAPTIONS_SHARE * whole:
        return []
    return found
