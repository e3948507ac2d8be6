"""Site rules: blocks that a site profile's boilerplate selectors name, removed with the rule as reason."""

from __future__ import annotations

from collections.abc import Iterator

from newsclean.cleaners.chain import Decision
from newsclean.cleaners.document import Document

__all__ = ["SiteRules"]


class SiteRules:
    """Removes the blocks a site profile marks as boilerplate (its ``boilerplate`` selectors),
    naming the selector; runs first so that other cleaners never see them."""

    name = "site_rules"
    order = 50

    def __call__(self, doc: Document) -> Iterator[Decision]:
        for i, block in enumerate(doc.blocks):
            if block.site_rule:
                yield Decision.remove(i, f"matches the {block.site_rule}")
