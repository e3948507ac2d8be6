"""Edges: what the HTML extractor marks around the article's text, removed with the extractor's rule as reason."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.cleaners.chain import Decision
from newsclean.cleaners.document import Document

__all__ = ["Edges"]


class Edges:
    """Removes what the HTML extractor marks around the article's text: short furniture before
    its first and after its last paragraph (the page's ``<h1>``, "5 min read", "Be the first to
    comment"), byline and date lines above it, end matter from a line such as "Related posts" or
    "About the author" on, the author's bio closing it, and boxes after it apart from it both in
    the page's layout and in their words (a publisher's description, a paywall's notice, when the
    page's wrapper was chosen); the reason names the rule.

    Turned off, the marked blocks stay where they are on the page and the cleaners after it
    judge them like any other block."""

    name = "edges"
    order = 60

    def __call__(self, doc: Document) -> Iterator[Decision]:
        for i, block in enumerate(doc.blocks):
            if block.edge_rule:
                yield Decision.remove(i, block.edge_rule)
