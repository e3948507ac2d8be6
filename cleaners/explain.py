"""The cleaning made visible: one self-contained HTML page with the article as kept and every
removal in place (the regions main-content finding left out too, where they are on the page),
struck through and coloured by cleaner, its reason on hover."""

from __future__ import annotations

import dataclasses
import html
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from newsclean.cleaners.chain import Action, CleanerChain
from newsclean.cleaners.decoding import decode_html, decode_text
from newsclean.cleaners.document import Block, BlockKind
from newsclean.cleaners.html import extract_html
from newsclean.cleaners.record import Article
from newsclean.cleaners.site import SiteProfile
from newsclean.cleaners.text import extract_text

__all__ = ["ReportBlock", "explain_page", "explain_record", "in_page_order", "render_report"]

PALETTE = (
    "#d62728", "#1f77b4", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
    "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#637939",
)  # fmt: skip
"""One colour per cleaner, in the order the cleaners appear in the report."""

TAGS = {
    BlockKind.HEADING: "h3",
    BlockKind.LIST_ITEM: "li",
    BlockKind.QUOTE: "blockquote",
    BlockKind.PREFORMATTED: "pre",
    BlockKind.TABLE: "pre",
    BlockKind.CAPTION: "p",
}


@dataclass(slots=True)
class ReportBlock:
    """One block as the report shows it: kept, or removed (or trimmed) by a cleaner."""

    text: str
    kind: BlockKind = BlockKind.PARAGRAPH
    cleaner: str | None = None
    """The cleaner that removed (or trimmed, or lifted) it; ``None`` for a kept block."""
    action: str | None = None
    reason: str | None = None
    field: str | None = None
    kept_text: str | None = None
    """For a trimmed block, the part that stays."""
    extra: list[tuple[str, str, str]] = dataclasses.field(default_factory=list)
    """Other decisions on the same block (a copy into a field): ``(cleaner, action, reason)``."""


def _blocks_from_chain(blocks: Sequence[Block], applied: Iterable[tuple[str, Any, Block]]) -> list[ReportBlock]:
    by_index: dict[int, list[tuple[str, Any]]] = {}
    for name, decision, block in applied:
        by_index.setdefault(block.index, []).append((name, decision))
    out: list[ReportBlock] = []
    for block in blocks:
        decisions = by_index.get(block.index, [])
        item = ReportBlock(block.text, block.kind)
        for name, d in decisions:
            if d.action is Action.COPY:
                item.extra.append((name, str(d.action), d.reason + (f" (-> {d.field})" if d.field else "")))
            elif item.cleaner is None:
                item.cleaner, item.action, item.reason, item.field = name, str(d.action), d.reason, d.field
                if d.action is Action.TRIM:
                    item.kept_text = d.value or ""
        out.append(item)
    return out


def explain_page(
    data: str | bytes,
    *,
    url: str | None = None,
    site: SiteProfile | None = None,
    chain: CleanerChain | Mapping[str, int | None] | None = None,
    main_content: str = "scorer",
) -> tuple[Article, list[ReportBlock]]:
    """Clean a page or text dump and return its record with every extracted block, kept or
    with the decision that removed it, in page order."""
    from newsclean.cleaners.api import build_record, looks_like_html

    the_chain = chain if isinstance(chain, CleanerChain) else CleanerChain(chain)
    if looks_like_html(data):
        text = decode_html(data, url=url) if isinstance(data, bytes) else data
        doc = extract_html(text, url=url, site=site, main_content=main_content)
    else:
        text = decode_text(data, url=url) if isinstance(data, bytes) else data
        doc = extract_text(text, url=url, site=site)
    article = build_record(doc, the_chain)
    _, applied = the_chain.run(doc)
    regions = [
        ReportBlock(s.text, cleaner=s.cleaner, action=s.action, reason=s.reason, field=s.field)
        for s in article.cleaning
        if s.block is None
    ]
    blocks = _blocks_from_chain(doc.blocks, applied)
    if doc.source_format == "html":
        return article, in_page_order(text, regions, blocks)
    return article, regions + blocks


_PROBE_CHARS = 48
"""Characters (spaces left out) of a block's or region's opening that find it in the page."""


def _squeezed(text: str) -> str:
    return "".join(text.split()).casefold()


def _page_text(page: str) -> str:
    """The page's visible text in document order, spaces left out (text nodes are joined one
    way by the extractor and another by region summaries: without spaces both match)."""
    import lxml.html
    from lxml import etree
    from newsclean.cleaners.regions import SILENT

    try:
        root = lxml.html.document_fromstring(page)
    except (etree.ParserError, ValueError):
        return ""
    etree.strip_elements(root, *SILENT, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    return _squeezed("".join(root.itertext()))


def _positions(page: str, texts: Sequence[str]) -> list[int]:
    """Where each text (in page order) starts in ``page``: searched from the previous one's
    place on; a text not found there keeps the previous place."""
    out: list[int] = []
    cursor = 0
    for text in texts:
        probe = _squeezed(text.removesuffix("…"))[:_PROBE_CHARS]
        at = page.find(probe, cursor) if probe else -1
        if at >= 0:
            cursor = at
        out.append(cursor)
    return out


def in_page_order(page: str, regions: Sequence[ReportBlock], blocks: Sequence[ReportBlock]) -> list[ReportBlock]:
    """The regions main-content finding left out (navigation, sidebar, player, sprite, ...)
    put in place among the extracted ``blocks``, by where their text starts in ``page`` (the
    HTML). Both lists are in page order already; a region whose text cannot be found stays
    after the region before it."""
    if not regions:
        return list(blocks)
    text = _page_text(page)
    if not text:
        return [*regions, *blocks]
    r_at = _positions(text, [r.text for r in regions])
    b_at = _positions(text, [b.text for b in blocks])
    # Each list keeps its own order; at one place a region comes before the block it precedes.
    merged: list[ReportBlock] = []
    i = j = 0
    while i < len(regions) or j < len(blocks):
        if j >= len(blocks) or (i < len(regions) and r_at[i] <= b_at[j]):
            merged.append(regions[i])
            i += 1
        else:
            merged.append(blocks[j])
            j += 1
    return merged


def explain_record(record: Mapping[str, Any]) -> list[ReportBlock]:
    """The blocks of a stored record: its kept paragraphs, with each removal of its
    ``cleaning`` list put back at the block position it names (removals without a position,
    such as whole page regions, come first)."""
    kept = [p for p in (record.get("articleBody") or "").split("\n\n") if p.strip()]
    steps = record.get("cleaning") or []
    placed: dict[int, list[Mapping[str, Any]]] = {}
    loose: list[Mapping[str, Any]] = []
    for step in steps:
        if isinstance(step.get("block"), int):
            placed.setdefault(step["block"], []).append(step)
        else:
            loose.append(step)
    out = [_step_block(s) for s in loose]
    gone = {i for i, ss in placed.items() if any(s.get("action") in ("removed", "moved-to-field") for s in ss)}
    last = max(placed, default=-1)
    i = 0
    while kept or i <= last:
        for step in placed.get(i, []):
            if step.get("action") in ("removed", "moved-to-field", "trimmed"):
                out.append(_step_block(step))
        if i not in gone and kept:
            paragraph = kept.pop(0)
            extra = [
                (s["cleaner"], s["action"], s.get("reason", ""))
                for s in placed.get(i, [])
                if s["action"] == "copied-to-field"
            ]
            out.append(ReportBlock(paragraph, extra=extra))
        i += 1
    return out


def _step_block(step: Mapping[str, Any]) -> ReportBlock:
    return ReportBlock(
        str(step.get("text", "")),
        cleaner=str(step.get("cleaner", "?")),
        action=str(step.get("action", "removed")),
        reason=str(step.get("reason", "")),
        field=step.get("field"),
    )


_CSS = """
body{font:16px/1.5 Georgia,serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#222}
header{font-family:system-ui,sans-serif;border-bottom:1px solid #ccc;margin-bottom:1.5rem}
header h1{font-size:1.6rem;margin:.2rem 0} header .meta{color:#555;font-size:.9rem}
table.summary{border-collapse:collapse;font:14px system-ui,sans-serif;margin:1rem 0}
table.summary td,table.summary th{border:1px solid #ddd;padding:.25rem .6rem;text-align:left}
.swatch{display:inline-block;width:.9rem;height:.9rem;border-radius:2px;vertical-align:middle;margin-right:.4rem}
.removed{text-decoration:line-through;text-decoration-thickness:2px;opacity:.85;border-left:4px solid;
padding-left:.5rem;margin-left:-.75rem;cursor:help}
.removed .tag,.lifted .tag{font:11px system-ui,sans-serif;text-decoration:none;display:inline-block;
border-radius:3px;color:#fff;padding:0 .3rem;margin-right:.4rem;vertical-align:middle}
del.trim{cursor:help;text-decoration-thickness:2px}
div.removed[data-action=left-out]{font:13px/1.4 system-ui,sans-serif;border:1px dashed;border-left:4px solid;
margin:.6rem 0 .6rem -.75rem;padding:.25rem .5rem;background:#fafafa}
.kept-note{font:12px system-ui,sans-serif;color:#666}
main li{margin-left:1.5rem} pre{white-space:pre-wrap;font-size:.9rem}
"""


def _colours(blocks: Sequence[ReportBlock]) -> dict[str, str]:
    names: list[str] = []
    for b in blocks:
        for name in [b.cleaner, *(e[0] for e in b.extra)]:
            if name and name not in names:
                names.append(name)
    return {name: PALETTE[n % len(PALETTE)] for n, name in enumerate(names)}


def _e(text: str | None) -> str:
    return html.escape(text or "", quote=True)


def render_report(article: Article | Mapping[str, Any], blocks: Sequence[ReportBlock], *, source: str = "") -> str:
    """One self-contained HTML page (no script, no outside resource): a summary per cleaner,
    then the article as kept with every removal in place."""
    record = article.to_dict() if isinstance(article, Article) else dict(article)
    colours = _colours(blocks)
    counts: Counter[str] = Counter()
    words: Counter[str] = Counter()
    for b in blocks:
        if b.cleaner:
            counts[b.cleaner] += 1
            removed = b.text if b.kept_text is None else b.text.replace(b.kept_text, " ")
            words[b.cleaner] += len(removed.split())
    kept_words = sum(
        len((b.kept_text if b.kept_text is not None else b.text).split())
        for b in blocks
        if not b.cleaner or b.kept_text is not None
    )
    rows = "".join(
        f'<tr data-cleaner="{_e(n)}"><td><span class="swatch" style="background:{colours[n]}"></span>{_e(n)}</td>'
        f"<td>{counts[n]}</td><td>{words[n]}</td></tr>"
        for n in colours
        if counts[n]
    )
    meta = " · ".join(
        _e(str(v))
        for v in (
            record.get("url") or source,
            record.get("datePublished"),
            ", ".join(a.get("name", "") for a in record.get("authors", [])),
            _count(len(record.get("images", [])), "image"),
        )
        if v
    )
    parts = [
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
        f"<title>newsclean explain: {_e(record.get('headline') or source)}</title><style>{_CSS}</style></head><body>",
        f'<header><div class="meta">newsclean explain · {_e(source)}</div>',
        f'<h1>{_e(record.get("headline"))}</h1><div class="meta">{meta}</div>',
        f'<table class="summary" id="summary"><tr><th>cleaner</th><th>blocks removed</th><th>words</th></tr>{rows}'
        f"<tr><td>kept</td><td>{sum(1 for b in blocks if not b.cleaner)}</td><td>{kept_words}</td></tr></table>",
        '<p class="kept-note">Struck-through text was removed, in its place on the page; boxed text is a region'
        " main-content finding left out (navigation, sidebar, player, ...), shown by its opening words. Hover over"
        " either for the cleaner and its reason.</p>",
        '</header><main id="article">',
    ]
    in_list = False
    for b in blocks:
        tag = TAGS.get(b.kind, "p")
        if (tag == "li") != in_list:
            parts.append("<ul>" if tag == "li" else "</ul>")
            in_list = tag == "li"
        parts.append(_block_html(b, tag, colours))
    if in_list:
        parts.append("</ul>")
    parts.append("</main></body></html>")
    return "".join(parts)


def _count(n: int, noun: str) -> str | None:
    return f"{n} {noun}{'' if n == 1 else 's'}" if n else None


def _block_html(b: ReportBlock, tag: str, colours: Mapping[str, str]) -> str:
    badges = "".join(
        f'<span class="tag" style="background:{colours[n]}" title="{_e(f"{n}: {a}: {r}")}">{_e(n)}: {_e(a)}</span>'
        for n, a, r in b.extra
    )
    if b.cleaner is None:
        cls = ' class="lifted"' if badges else ""
        return f"<{tag}{cls}>{badges}{_e(b.text)}</{tag}>"
    colour = colours[b.cleaner]
    title = f"{b.cleaner}: {b.action}{f' -> {b.field}' if b.field else ''}: {b.reason}"
    if b.kept_text is not None and b.kept_text and b.kept_text in b.text:
        at = b.text.find(b.kept_text)
        before, after = b.text[:at], b.text[at + len(b.kept_text) :]
        opening = f'<del class="trim" data-cleaner="{_e(b.cleaner)}" style="color:{colour}" title="{_e(title)}">'

        def struck(part: str) -> str:
            return f"{opening}{_e(part)}</del>" if part.strip() else _e(part)

        return f"<{tag}>{struck(before)}{_e(b.kept_text)}{struck(after)}</{tag}>"
    if b.action == "left-out":  # a whole region of the page: in place, boxed, opening words only
        tag = "div"
    return (
        f'<{tag} class="removed" data-cleaner="{_e(b.cleaner)}" data-action="{_e(b.action)}" '
        f'style="border-color:{colour};color:{colour}" title="{_e(title)}">'
        f'<span class="tag" style="background:{colour}">{_e(b.cleaner)}{_e(_region_label(b))}</span>'
        f"<del>{_e(b.text)}</del></{tag}>"
    )


def _region_label(b: ReportBlock) -> str:
    """' · left out: navigation' for a region whose reason says what it is."""
    if b.action != "left-out":
        return ""
    kind = (b.reason or "").split(":", 1)[0] if ": " in (b.reason or "") else ""
    return f" · left out: {kind}" if kind and len(kind) <= 30 else " · left out"
