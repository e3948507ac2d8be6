"""Markup nested deeper than the HTML parser goes, made shallow enough to parse.

libxml2 stops building the tree 2,048 elements deep, even with ``huge_tree``: the text below
is not in the tree at all. Pages get there by accident (an unclosed ``<font>`` or ``<div>``
written once per paragraph or per comment), and a browser shows every word of them.
:func:`shallower` rewrites such a page's markup before it is parsed again: past ``limit`` open
elements, start tags and their end tags are left out, a block's start tag becoming two
``<br>`` so that its text still starts a paragraph. Nothing of the text is lost; the deep
boxes are, which nobody could tell apart anyway.
"""

from __future__ import annotations

import re

__all__ = ["LINE_BLOCKS", "shallower"]

_MARK = re.compile(rb"<(?:(!--)|(/?)([A-Za-z][A-Za-z0-9]*))")
"""The opening of a comment, a start tag or an end tag."""

_VOID = frozenset(
    b"area base basefont bgsound br col embed frame hr img input isindex keygen link meta param source track "
    b"wbr".split()
)
"""Elements that hold nothing and are never closed: they open no level."""

_RAW = {
    name: re.compile(rb"</" + name + rb"(?=[\s/>])", re.I)
    for name in (b"script", b"style", b"textarea", b"title", b"xmp")
}
"""Elements whose content is text, not markup, and the end tag that closes each."""

_SIBLINGS = frozenset([b"p", b"li", b"dt", b"dd", b"option", b"tr", b"td", b"th"])
"""Elements a start tag of the same name closes (``<li>a<li>b``): one level, not two."""

LINE_BLOCKS = (
    "address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset", "figcaption",
    "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "li", "main", "nav", "ol", "p", "pre",
    "section", "table", "td", "th", "tr", "ul",
)  # fmt: skip
"""Elements whose text starts a line of its own and ends it (also read by the HTML walk that
flattens deep subtrees, :func:`~newsclean.cleaners.html._deep_lines`)."""

_BLOCKS = frozenset(name.encode("ascii") for name in LINE_BLOCKS)
"""The same as tag names in bytes: dropped, they leave two ``<br>``."""


def shallower(data: bytes, limit: int) -> bytes:
    """``data``'s markup with no element open more than ``limit`` deep: deeper start tags and
    the end tags that close them are left out (a block's start tag becomes two ``<br>``); the text,
    comments and every other tag stay as they were."""
    out: list[bytes] = []
    stack: list[tuple[bytes, bool]] = []  # (name, left out)
    tops: dict[bytes, list[int]] = {}  # name -> its places in the stack, innermost last
    kept = 0  # the elements of the stack that stay in the markup
    copied = 0  # data[:copied] is in out
    at = 0
    while (mark := _MARK.search(data, at)) is not None:
        if mark.group(1):  # a comment: to its end, or to the end of the page
            end = data.find(b"-->", mark.end())
            at = len(data) if end < 0 else end + 3
            continue
        close = data.find(b">", mark.end())
        if close < 0:
            break
        at = close + 1
        name = mark.group(3).lower()
        if mark.group(2):  # an end tag: closes its element and every element opened inside it
            places = tops.get(name)
            if not places:
                continue  # a stray end tag: the parser ignores it
            target = places[-1]
            while len(stack) > target + 1:
                inner, dropped = stack.pop()
                tops[inner].pop()
                kept -= not dropped
            _, dropped = stack.pop()
            places.pop()
            kept -= not dropped
            if dropped:
                out.append(data[copied : mark.start()])
                copied = at
            continue
        if name in _VOID or data[close - 1 : close] == b"/":
            continue
        if name in _SIBLINGS and stack and stack[-1][0] == name:
            inner, dropped = stack.pop()
            tops[inner].pop()
            kept -= not dropped
        raw = _RAW.get(name)
        drop = kept >= limit and raw is None  # (a script's text must stay a script's: one level more)
        if drop:
            out.append(data[copied : mark.start()])
            out.append(b"<br><br>" if name in _BLOCKS else b"")
            copied = at
        else:
            kept += 1
        tops.setdefault(name, []).append(len(stack))
        stack.append((name, drop))
        if raw is not None:  # its text up to its end tag is no markup
            closing = raw.search(data, at)
            at = len(data) if closing is None else closing.start()
    out.append(data[copied:])
    return b"".join(out)
