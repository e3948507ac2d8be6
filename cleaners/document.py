"""The document model every extractor produces and every cleaner reads: ordered text blocks."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import lru_cache
from typing import Any

from newsclean.cleaners.regions import Region
from newsclean.cleaners.site import SiteProfile

__all__ = ["Block", "BlockKind", "Document", "split_count"]


@lru_cache(maxsize=4096)
def split_count(text: str) -> int:
    """``len(text.split())``, counted once per text: a block's words are asked by the
    extractor's edge rules and by most cleaners."""
    return len(text.split())



class BlockKind(StrEnum):
    """What a block is on the page."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    CAPTION = "caption"
    LIST_ITEM = "list-item"
    QUOTE = "quote"
    PREFORMATTED = "preformatted"
    TABLE = "table"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of visible text, in reading order.

    For plain text a block is one non-empty line; for HTML it is the text of one block-level
    element. ``tag``, ``classes``, ``element_id`` and ``path`` describe the source element
    (``path`` is the chain of ancestor tags with their classes, for example
    ``"body/div.article/figure/figcaption"``); they are empty for plain text, but for a Markdown
    dump's line that was all one link to another page of the dump's site, whose ``tag`` is ``a``,
    and its top-level heading (``# Title``), whose ``tag`` is ``h1``
    (:data:`~newsclean.cleaners.text.LINE_MARKS`).
    """

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    tag: str = ""
    classes: tuple[str, ...] = ()
    element_id: str = ""
    path: str = ""
    html: str = ""
    """The element's cleaned HTML, used for ``articleBodyHtml``; empty for plain text."""
    index: int = -1
    """Position in the document as extracted; kept when earlier cleaners drop blocks."""
    site_rule: str = ""
    """The site profile rule that marks this block as boilerplate (``"boilerplate selector
    .podcast-player of site rt"``); the ``site_rules`` cleaner removes such blocks."""
    edge_rule: str = ""
    """The HTML extractor's rule that marks this block as furniture around the article's text
    (``"byline/date line before the first paragraph"``); the ``edges`` cleaner removes such blocks."""

    @property
    def normalized(self) -> str:
        """Lower-cased text with runs of whitespace folded: the form blocks are compared in."""
        return " ".join(self.text.split()).casefold()

    @property
    def fingerprint(self) -> str:
        """A stable 16-hex-digit hash of the block's tag and normalised text (for site memory)."""
        digest = hashlib.blake2b(f"{self.tag}\x00{self.normalized}".encode(), digest_size=8)
        return digest.hexdigest()

    def with_index(self, index: int, edge_rule: str | None = None) -> Block:
        """``replace(self, index=index)`` (and ``edge_rule``, when given) without its walk over
        the fields (2.4 against 1.0 us, for every block of every page); tests/test_shortcuts.py
        checks that it stays equal."""
        return Block(
            self.text,
            self.kind,
            self.tag,
            self.classes,
            self.element_id,
            self.path,
            self.html,
            index,
            self.site_rule,
            self.edge_rule if edge_rule is None else edge_rule,
        )


@dataclass(slots=True)
class Document:
    """A page or text dump as the cleaners see it.

    ``metadata`` holds what the extractor found alongside the blocks, already reduced to
    record field names (``headline``, ``datePublishedRaw``, ``authors``, ...); ``raw_metadata``
    keeps the sources as found (``jsonld``, ``opengraph``, ``meta``, ``time``) for cleaners
    and site code that want more. ``left_out`` lists the regions of an HTML page that
    extraction left out of the blocks (navigation, sidebars, players, sprites, ...), each with
    its rule, for the record's provenance. ``chosen`` says, when the main content was
    cross-checked, which candidate was taken and why.
    """

    blocks: list[Block]
    url: str | None = None
    site: SiteProfile | None = None
    source_format: str = "text"
    metadata: dict[str, Any] = field(default_factory=dict)
    raw_metadata: dict[str, Any] = field(default_factory=dict)
    left_out: list[Region] = field(default_factory=list)
    chosen: str = ""
    recover: Callable[[list[Block]], tuple[list[Block], str] | None] | None = field(
        default=None, repr=False, compare=False
    )
    """For an HTML page whose blocks give (almost) no body once cleaned: given the blocks, the
    blocks again followed by the article's text found where the page does not show it (script
    data, ``<noscript>``), and why it was taken; ``None`` when it holds none. Asked by
    :func:`~newsclean.cleaners.api.build_record` only then."""
    found: dict[str, Any] = field(default_factory=dict)
    """The record's fields earlier cleaners found in the blocks (moved or copied there), the value
    found first: ``page_chrome``'s headline of a text dump tells ``repeats`` that the line it would
    lift is not the headline. Unlike ``metadata``, not what the page or the dump's header gave."""
    dropped: list[Block] = field(default_factory=list)
    """The blocks earlier cleaners removed, in the order they went (each keeps its ``index``),
    for cleaners that read the page's layout: a "Comments" heading a prompt cleaner took out
    still tells ``page_chrome`` where the article ends."""

    def __post_init__(self) -> None:
        self.blocks = [b if b.index >= 0 else b.with_index(i) for i, b in enumerate(self.blocks)]

    def __iter__(self) -> Iterator[Block]:
        return iter(self.blocks)

    def __len__(self) -> int:
        return len(self.blocks)

    def edited(self, texts: dict[int, str]) -> Document:
        """A copy where the blocks at the given positions carry new text (their HTML is
        rebuilt as a plain paragraph)."""
        blocks = list(self.blocks)
        for pos, text in texts.items():
            blocks[pos] = replace(blocks[pos], text=text, html=f"<p>{_escape(text)}</p>" if blocks[pos].html else "")
        return replace(self, blocks=blocks)

    def with_found(self, fields: dict[str, Any]) -> Document:
        """A copy whose ``found`` gains those of ``fields`` it lacks (a field found first stays)."""
        added = {k: v for k, v in fields.items() if k not in self.found}
        return replace(self, found={**self.found, **added}) if added else self

    def without(self, positions: Sequence[int] | set[int]) -> Document:
        """A copy without the blocks at ``positions`` (indexes into ``blocks``)."""
        drop = set(positions)
        kept = [b for i, b in enumerate(self.blocks) if i not in drop]
        gone = [b for i, b in enumerate(self.blocks) if i in drop]
        return replace(self, blocks=kept, dropped=[*self.dropped, *gone])


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
