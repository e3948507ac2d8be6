"""The plain-text dump of a page as a naive scraper saves it: all body text, one block per line.

Scripts, styles and the ``<head>`` are left out; everything else a text extractor would see
stays, including hidden SVG sprite titles (fused together, as ``get_text()`` fuses them),
menus, footers, share bars and player time codes. Block-level elements start a new line;
inline elements run on.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

__all__ = ["visible_text"]

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "br",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "option",
        "label",
    ]
)
SKIP_TAGS = frozenset(["head", "script", "style", "noscript", "template"])
_SPACE = re.compile(r"[ \t\r\f\v\u00a0]+")


def visible_text(html: str | bytes) -> str:
    """``html``'s text, one line per block-level element, blank lines dropped."""
    if isinstance(html, bytes):
        root = lxml.html.document_fromstring(html)
    else:
        root = lxml.html.document_fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html) or "<p></p>")
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag.split("}")[-1].lower() if isinstance(el.tag, str) else ""
        if tag in SKIP_TAGS or not tag:
            return
        block = tag in BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    body = root.find("body")
    walk(body if body is not None else root)
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line) + "\n"
