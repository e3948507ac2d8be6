"""Overlays told by their close button, not their names.

A signup or membership pitch, a "welcome" box, a location or edition picker, a cookie notice: a
box the reader dismisses opens with its close control, a lone "×" (or "✕", "✖") before any of
its words. Named ``modal`` or ``popup`` such a box is dropped by its class; with names that mean
nothing (CSS modules' hashes, another language's words) and no ``aria-modal``, its paragraphs
("When you register as a free Member ...") read like text and are kept. An article never opens
with a close glyph, so :func:`mark_overlays` marks the box around each glyph that opens it, and
:func:`~newsclean.cleaners.content.strip_page` drops a marked box like one named for a popup:
unless it wraps the page (holds its headline or most of its paragraphs), the guard any box
dropped for its name gets.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lxml import etree

__all__ = ["CLOSE_GLYPHS", "OVERLAY_MARK", "OVERLAY_TEXT", "close_glyphs", "mark_overlays"]

CLOSE_GLYPHS = frozenset(["×", "✕", "✖", "╳", "⨯", "🗙"])
"""A text that is only one of these is a close control (the multiplication sign and the
crosses icon fonts and plain HTML use for one)."""

OVERLAY_TEXT = 100
"""The box a close control dismisses is its nearest element around it holding at least this
many characters of text beside the glyph; a smaller one is the control's own wrapper."""

OVERLAY_MARK = "data-newsclean-overlay"
"""The attribute :func:`mark_overlays` sets on a box it finds."""

_UNSHOWN = frozenset(["script", "style", "noscript", "template"])
_PAGE = frozenset(["html", "body", "main", "article"])


def close_glyphs(root: etree._Element) -> list[etree._Element]:
    """The elements under ``root`` holding a close control as their own text or as the text
    right after a child (an icon element, then the glyph). One walk; the text measures of
    :func:`~newsclean.cleaners.content.strip_page` find the same in the walk they make anyway."""
    found: list[etree._Element] = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        text, tail = el.text, el.tail
        if text and len(text) < 16 and text.strip() in CLOSE_GLYPHS:
            found.append(el)
        if tail and len(tail) < 16 and tail.strip() in CLOSE_GLYPHS:
            parent = el.getparent()
            if parent is not None:
                found.append(parent)
    return found


def _first_text(el: etree._Element) -> str:
    """The first non-blank text ``el`` shows (script and style text is not shown)."""
    for node in el.iter():
        if node is not el and (not isinstance(node.tag, str) or node.tag in _UNSHOWN):
            texts: tuple[str | None, ...] = (node.tail,)
        else:
            texts = (node.text,) if node is el else (node.text, node.tail)
        for text in texts:
            if text and not text.isspace():
                return text.strip()
    return ""


def mark_overlays(
    holders: Iterable[etree._Element], text_size: Callable[[etree._Element], int]
) -> list[etree._Element]:
    """Mark (with :data:`OVERLAY_MARK`) each box that opens with a close control: for each of
    ``holders`` (elements holding a glyph of :data:`CLOSE_GLYPHS` as text, see
    :func:`close_glyphs`), the nearest element around it whose text (``text_size``, in
    characters, script text aside) is :data:`OVERLAY_TEXT` longer than the glyph, when the
    glyph is the first text it shows. Never ``<html>``, ``<body>``, ``<main>`` or
    ``<article>``. Returns the boxes marked."""
    marked: list[etree._Element] = []
    for holder in holders:
        box: etree._Element | None = holder
        while box is not None:
            if box.tag in _PAGE or box.tag in _UNSHOWN:
                box = None
                break
            if text_size(box) >= OVERLAY_TEXT + 2:
                if _first_text(box) not in CLOSE_GLYPHS:
                    box = None
                break
            box = box.getparent()
        if box is not None and box.get(OVERLAY_MARK) is None:
            box.set(OVERLAY_MARK, "")
            marked.append(box)
    return marked
