"""Markdown (CommonMark, tables as in GitHub's dialect) from the kept blocks of a document."""

from __future__ import annotations

import re
from collections.abc import Iterable

import lxml.html
from lxml import etree
from newsclean.cleaners.document import Block, BlockKind
from newsclean.cleaners.errors import resolve_url

__all__ = ["blocks_to_markdown", "escape_inline"]

_SPACE = re.compile(r"\s+")
_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d{1,9}[.)])(?=\s|$)")
_BREAK_LINE = re.compile(r"^\s*(?:[-*_]\s*){3,}$")

EMPHASIS = {"strong": "**", "b": "**", "em": "*", "i": "*"}
SKIPPED = frozenset(["script", "style", "noscript", "template", "button", "svg", "figure", "figcaption", "img"])


def escape_inline(text: str) -> str:
    """``text`` with every character CommonMark would read as markup escaped (``*``, ``_``,
    ``[``, ``<``, ``|`` ..., an entity-like ``&``)."""
    return _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))


def _escape_line_start(text: str) -> str:
    """Escape what would open a heading, quote, list or rule at the start of a line
    ("# 1", "3. Mai", "- so", "---")."""
    if _BREAK_LINE.match(text):
        return "\\" + text.lstrip()
    return _LINE_START.sub(lambda m: m.group(1) + (m.group(2)[:-1] + "\\" + m.group(2)[-1]), text, count=1)


def _code_span(text: str) -> str:
    longest = max((len(r) for r in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _inline(el: etree._Element, base: str) -> str:
    """The Markdown of an element's content: text escaped, links, emphasis, code, line breaks."""

    def content(node: etree._Element) -> str:
        out = [escape_inline(node.text or "")]
        for child in node:
            out.append(markup(child))
            out.append(escape_inline(child.tail or ""))
        return "".join(out)

    def markup(node: etree._Element) -> str:
        tag = node.tag.lower() if isinstance(node.tag, str) else ""
        if not tag or tag in SKIPPED:
            return ""
        if tag == "br":
            return "\\\n"
        if tag == "code":
            return _code_span(_SPACE.sub(" ", node.text_content()))
        inner = content(node)
        href = (node.get("href") or "").strip()
        linked = tag == "a" and href and not href.startswith(("#", "javascript:"))
        resolved = resolve_url(base, href) if linked else None
        if resolved:
            target = resolved.replace(" ", "%20").replace("(", "%28").replace(")", "%29")
            return f"[{inner.strip()}]({target})" if inner.strip() else ""
        if tag in EMPHASIS and inner.strip():
            mark = EMPHASIS[tag]
            lead = inner[: len(inner) - len(inner.lstrip())]
            trail = inner[len(inner.rstrip()) :]
            return f"{lead}{mark}{inner.strip()}{mark}{trail}"
        return inner

    lines = [" ".join(line.split()) for line in content(el).split("\\\n")]
    return "\\\n".join(line for line in lines if line)


def _element(block: Block) -> etree._Element | None:
    if not block.html:
        return None
    try:
        return lxml.html.fragment_fromstring(block.html)
    except (etree.ParserError, ValueError):
        return None


def _table(el: etree._Element, base: str) -> str:
    rows: list[list[str]] = []
    for tr in el.iter("tr"):
        cells = [_inline(c, base).replace("\\\n", " ") for c in tr if isinstance(c.tag, str) and c.tag in ("td", "th")]
        if cells:
            rows.append(cells)
    if not rows:
        return ""
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join(" --- " for _ in range(width)) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return "\n".join(lines)


def _fence(text: str) -> str:
    longest = max((len(r) for r in re.findall(r"^ {0,3}(`{3,}|~{3,})", text, re.M)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}\n{text}\n{fence}"


def _list_marker(block: Block) -> str | None:
    """``"3."`` for the third item of an ordered list (as numbered on the page), ``"-"``
    for a bulleted one."""
    parent = block.path.rsplit("/", 2)[-2] if block.path.count("/") >= 1 else ""
    m = re.match(r"^(\d+)[.)]\s", block.text)
    if parent.split(".")[0].split("#")[0] == "ol" and m:
        return m.group(1) + "."
    return "-" if block.tag in ("li", "dt", "dd") else None


def block_to_markdown(block: Block, base: str = "") -> str:
    """One block as Markdown: headings keep their level, list items their marker and number,
    quotes their ``>``, code its fence, tables their cells; text only blocks are escaped."""
    el = _element(block)
    if block.kind is BlockKind.PREFORMATTED:
        text = el.text_content() if el is not None else block.text
        return _fence(text.strip("\n"))
    if block.kind is BlockKind.TABLE and el is not None:
        table = _table(el, base)
        if table:
            return table
    body = _inline(el, base) if el is not None else escape_inline(" ".join(block.text.split()))
    if not body:
        return ""
    if block.kind is BlockKind.HEADING:
        level = int(block.tag[1]) if re.fullmatch(r"h[1-6]", block.tag) else 2
        body = re.sub(r"(\s)(#+)$", r"\1\\\2", body.replace("\\\n", " "))
        return "#" * level + " " + body
    if block.kind is BlockKind.LIST_ITEM:
        marker = _list_marker(block)
        if marker and marker != "-" and (el is None or el.tag != "li"):
            # Text without its <li> starts with its number as the page shows it ("3. ...").
            body = re.sub(r"^\d+[.)]\s*", "", body)
        body = _escape_line_start(body)
        return f"{marker or '-'} " + body.replace("\n", "\n" + " " * (len(marker or "-") + 1))
    body = _escape_line_start(body)
    if block.kind is BlockKind.QUOTE:
        return "\n".join("> " + line for line in body.split("\n"))
    return body


def blocks_to_markdown(blocks: Iterable[Block], base: str = "") -> str:
    """The blocks as one Markdown document; list items of one list stay together."""
    out: list[str] = []
    prev: Block | None = None
    for block in blocks:
        if not block.text.strip():
            continue
        md = block_to_markdown(block, base)
        if not md:
            continue
        same_list = (
            prev is not None
            and prev.kind is BlockKind.LIST_ITEM
            and block.kind is BlockKind.LIST_ITEM
            and prev.path.rsplit("/", 1)[0] == block.path.rsplit("/", 1)[0]
        )
        if out:
            out.append("\n" if same_list else "\n\n")
        out.append(md)
        prev = block
    return "".join(out)
