"""Plain-text extraction: a text dump becomes one block per non-empty line."""

from __future__ import annotations

import re

from newsclean.cleaners.document import Block, BlockKind, Document
from newsclean.cleaners.site import SiteProfile

__all__ = ["extract_text", "unwrap"]

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_INNER_SPACE = re.compile(r"[ \t\u00a0\u200b]+")


WRAP_MIN_LINES = 20
"""Fewer lines than this are too few to tell a hard-wrapped dump from a short list."""

WRAP_LONG = 100
"""A hard-wrapped dump has (almost) no line longer than this many characters..."""

WRAP_FULL = 60
"""...and many lines at least this long (the wrapped paragraphs)."""

WRAP_FULL_SHARE = 0.1
WRAP_OVER_SHARE = 0.02


def extract_text(text: str, *, url: str | None = None, site: SiteProfile | None = None) -> Document:
    """Split ``text`` into blocks, one per non-empty line, whitespace folded.

    Line breaks of every convention are accepted; a blank line carries no meaning of its
    own because naive dumps put them anywhere. A dump hard-wrapped at a fixed width (as
    ``lynx -dump`` or ``fmt`` save it) has its paragraphs joined again first (:func:`unwrap`).
    """
    lines = _LINE_BREAKS.sub("\n", text.lstrip("\ufeff")).split("\n")
    lines = unwrap([_INNER_SPACE.sub(" ", line).rstrip() for line in lines])
    blocks: list[Block] = []
    for line in lines:
        line = line.strip()
        if line:
            blocks.append(Block(line, BlockKind.PARAGRAPH, index=len(blocks)))
    return Document(blocks, url=url, site=site, source_format="text")


def unwrap(lines: list[str]) -> list[str]:
    """``lines`` with hard-wrapped paragraphs joined back into one line each.

    A dump counts as hard-wrapped when hardly any line is longer than :data:`WRAP_LONG`
    characters and many are at least :data:`WRAP_FULL` long; its width is its longest line
    but the few over :data:`WRAP_LONG`. A line continues the one before when its first word
    would not have fitted at the end of it within that width: a wrapper breaks a line only
    then, so a line that ends short (a heading, a menu item, a paragraph's last line) is
    never joined to the next. Other dumps are returned as they are.
    """
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < WRAP_MIN_LINES:
        return lines
    over = sum(1 for n in lengths if n > WRAP_LONG)
    full = sum(1 for n in lengths if n >= WRAP_FULL)
    if over > WRAP_OVER_SHARE * len(lengths) or full < WRAP_FULL_SHARE * len(lengths):
        return lines
    width = lengths[len(lengths) - 1 - over]
    out: list[str] = []
    parts: list[str] = []  # the line being joined, in pieces joined once (linear work)
    tail = ""  # its last two characters
    previous = -1  # length of the line before, -1 after a blank line
    for line in lines:
        stripped = line.strip()
        if not stripped:
            if parts:
                out.append("".join(parts))
                parts = []
            out.append("")
            previous = -1
            continue
        if previous >= 0 and previous + 1 + len(stripped.split(" ", 1)[0]) > width:
            # A compound broken at its hyphen ("chef-" / "designed") is joined without a space.
            glue = "" if tail[-1:] == "-" and tail[-2:-1].isalpha() else " "
            parts += (glue, stripped)
            tail = (tail + glue + stripped)[-2:]
        else:
            if parts:
                out.append("".join(parts))
            parts = [stripped]
            tail = stripped[-2:]
        previous = len(line.rstrip())
    if parts:
        out.append("".join(parts))
    return out
