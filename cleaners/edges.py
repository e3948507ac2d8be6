"""Edges: what the HTML extractor marks around the article's text, removed with the extractor's rule as reason."""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from newsclean.cleaners.chain import Decision
from newsclean.cleaners.document import Document

__all__ = ["EDGE_RULES", "Edges"]

EDGE_RULES = "edge_rules"
"""Key of ``Document.raw_metadata`` under which the HTML extractor leaves its marks: a mapping
from a block's ``index`` (its position as extracted) to the rule that marks it."""


class Edges:
    """Removes what the HTML extractor marks around the article's text: short furniture before
    its first and after its last paragraph (the page's ``<h1>``, "5 min read", "Be the first to
    comment"), byline and date lines above it, end matter from a line such as "Related posts" or
    "About the author" on, and the author's bio closing it; the reason names the rule.

    Turned off, the marked blocks stay where they are on the page and the cleaners after it
    judge them like any other block."""

    name = "edges"
    order = 60

    def __call__(self, doc: Document) -> Iterator[Decision]:
        marks = doc.raw_metadata.get(EDGE_RULES)
        if not isinstance(marks, Mapping) or not marks:
            return
        for i, block in enumerate(doc.blocks):
            rule = marks.get(block.index)
            if rule:
                yield Decision.remove(i, str(rule))
