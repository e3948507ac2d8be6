"""Plain-text extraction: a text dump becomes one block per non-empty line."""

from __future__ import annotations

import re

from newsclean.cleaners.document import Block, BlockKind, Document
from newsclean.cleaners.site import SiteProfile

__all__ = ["extract_text"]

_LINE_BREAKS = re.compile(r"\r\n?|[\u2028\u2029\x85]")
_INNER_SPACE = re.compile(r"[ \t\u00a0\u200b]+")


def extract_text(text: str, *, url: str | None = None, site: SiteProfile | None = None) -> Document:
    """Split ``text`` into blocks, one per non-empty line, whitespace folded.

    Line breaks of every convention are accepted; a blank line carries no meaning of its
    own because naive dumps put them anywhere.
    """
    blocks = []
    for line in _LINE_BREAKS.sub("\n", text.lstrip("\ufeff")).split("\n"):
        line = _INNER_SPACE.sub(" ", line).strip()
        if line:
            blocks.append(Block(line, BlockKind.PARAGRAPH))
    return Document(blocks, url=url, site=site, source_format="text")
