"""Live blogs: a ``LiveBlogPosting`` page's body built from its updates, not one run-on text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from newsclean.cleaners.markdown import escape_inline
from newsclean.cleaners.record import LiveBlogUpdate

__all__ = ["MIN_UPDATES", "LiveBlogBody", "live_blog_body"]

MIN_UPDATES = 2
"""Updates a page must declare before its body is built from them: one entry is an article
with a timestamp, not a live blog."""

_WORD = re.compile(r"\w+")
_PROBE_WORDS = 8
"""Words of an update's opening that find it among the page's paragraphs."""


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def _probe(text: str) -> str:
    return " ".join(_words(text)[:_PROBE_WORDS])


class LiveBlogBody:
    """The body of a live blog: the page's introduction (its paragraphs before the first
    update), then each update's headline and text as paragraphs of their own, in page order."""

    def __init__(self, intro: list[int], updates: list[LiveBlogUpdate]) -> None:
        self.intro = intro
        """Positions (in the paragraphs given) of the introduction's paragraphs."""
        self.updates = updates
        """The updates in page order."""

    def paragraphs(self, texts: Sequence[str]) -> list[str]:
        out = [texts[i] for i in self.intro]
        for update in self.updates:
            if update.headline:
                out.append(update.headline)
            out.extend(p for p in update.articleBody.split("\n\n") if p.strip())
        return out

    def text(self, texts: Sequence[str]) -> str:
        """``articleBody``: paragraphs separated by one blank line."""
        return "\n\n".join(self.paragraphs(texts))

    def html(self, intro_html: Sequence[str]) -> str:
        """``articleBodyHtml``: the introduction's blocks (``intro_html``), then each update as
        an ``<h2>`` and its ``<p>`` paragraphs."""
        out = [h for h in intro_html if h]
        for update in self.updates:
            if update.headline:
                out.append(f"<h2>{escape(update.headline)}</h2>")
            out.extend(f"<p>{escape(p)}</p>" for p in update.articleBody.split("\n\n") if p.strip())
        return "\n".join(out)

    def markdown(self, intro_markdown: Sequence[str]) -> str:
        """``articleBodyMarkdown``: the introduction's blocks as Markdown (``intro_markdown``,
        one per intro paragraph), then each update as a level-2 heading and its paragraphs."""
        out = [m for m in intro_markdown if m]
        for update in self.updates:
            if update.headline:
                out.append("## " + escape_inline(update.headline))
            out.extend(escape_inline(p) for p in update.articleBody.split("\n\n") if p.strip())
        return "\n\n".join(out)


def live_blog_body(texts: Sequence[str], updates: Sequence[LiveBlogUpdate]) -> LiveBlogBody | None:
    """How to build a live blog's body from the page's kept paragraphs ``texts`` (in page
    order) and its declared ``updates``; ``None`` when the page declares fewer than
    :data:`MIN_UPDATES`.

    The introduction is the kept paragraphs before the first one that belongs to an update
    (its headline, or the opening words of its text); what the page shows of the updates
    themselves is replaced by the updates' own headline and text, so times, share buttons and
    players between them do not run into the body. When the kept paragraphs show some of the
    updates, the body holds those, in the order the page shows them (a page may declare older
    updates it only loads on request: they stay in ``liveBlogUpdate``); when they show none
    (extraction kept only the introduction), every update follows it, in declared order.
    """
    if len(updates) < MIN_UPDATES:
        return None
    probes: list[tuple[int, str]] = []
    for n, update in enumerate(updates):
        for text in (update.headline or "", update.articleBody.split("\n\n")[0]):
            probe = _probe(text)
            if len(probe.split()) >= 3:
                probes.append((n, probe))
    first_at: dict[int, int] = {}
    first_update_paragraph: int | None = None
    for i, paragraph in enumerate(texts):
        words = " ".join(_words(paragraph))
        for n, probe in probes:
            if probe in words:
                first_at.setdefault(n, i)
                if first_update_paragraph is None:
                    first_update_paragraph = i
    # Updates the kept paragraphs do not show at all: those paragraphs are all introduction.
    intro = list(range(len(texts) if first_update_paragraph is None else first_update_paragraph))
    # Page order: each update at its paragraph; one the page does not show follows the update
    # declared before it.
    placed: list[tuple[float, int]] = []
    last = -1.0
    for n in range(len(updates)):
        position = float(first_at[n]) if n in first_at else last + 1e-6
        placed.append((position, n))
        last = position
    if first_at:  # the page shows these: the others (older ones behind "more") stay in liveBlogUpdate
        placed = [(position, n) for position, n in placed if n in first_at]
    ordered = [updates[n] for _, n in sorted(placed)]
    return LiveBlogBody(intro, ordered)
