"""What HTML extraction leaves out of the article, region by region, for the record's provenance.

Main-content finding never turns most of a page into blocks: navigation, headers, sidebars,
footers, comment threads, related boxes, players and icon sprites are dropped as elements, so
no cleaner ever sees them. Each such element becomes one :class:`Region` (a compact summary,
never its text nodes one by one): the rule that left it out, its element path, its word count
and its opening words. :func:`build_record <newsclean.cleaners.api.build_record>` lists the
regions in the record's ``cleaning`` list as ``left-out`` steps of the ``main-content``
extractor, ahead of the cleaners' decisions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import count

from lxml import etree
from newsclean.cleaners.caseless import Caseless

__all__ = ["MAX_REGIONS", "OPENING_WORDS", "Region", "RegionLog", "element_path", "opening_words", "region_kind"]

OPENING_WORDS = 12
"""Words of a region's text kept in its entry: enough to recognise it, never the whole box."""

OPENING_CHARS = 120
"""... and at most this many characters of them (a sprite's titles fuse into one long word)."""

MAX_REGIONS = 40
"""Entries per page; the regions after the last one are summed up in one closing entry, so
a page of a thousand widgets still makes a record of bounded size."""

SILENT = frozenset(["script", "style", "noscript", "template", "head"])
"""Elements whose text is never shown (an SVG's ``<title>`` is: naive text extraction runs
the titles of an icon sprite together)."""

NO_ENTRY = SILENT | {"title", "meta", "link", "base"}
"""Elements that never get an entry of their own: leaving them out needs no explaining."""


_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("comments", re.compile(r"(?<![a-z])(?:comments?|commentlist|disqus|replies|respond)(?![a-z])", re.I)),
    ("player", re.compile(r"player|podcast|audio|video-?js|jwplayer|playlist", re.I)),
    ("related box", re.compile(r"related|recommend|more-?stories|read-?more|read-?next|outbrain|taboola|teaser", re.I)),
    ("share bar", re.compile(r"share|sharing|social", re.I)),
    ("newsletter box", re.compile(r"newsletter|subscri|signup|sign-up", re.I)),
    ("advertisement", re.compile(r"(?<![a-z])ads?(?![a-z])|advert|sponsor|promo|banner", re.I)),
    ("breadcrumbs", re.compile(r"breadcrumb", re.I)),
    ("tags", re.compile(r"(?<![a-z])tags?(?![a-z])|trends?(?![a-z])|topics", re.I)),
    ("author box", re.compile(r"author|byline|(?<![a-z])bio(?![a-z])", re.I)),
    ("navigation", re.compile(r"(?<![a-z])nav|menu|pagination|pager", re.I)),
    ("sidebar", re.compile(r"sidebar|(?<![a-z])aside|widget|rail(?![a-z])", re.I)),
    ("cookie notice", re.compile(r"cookie|consent|gdpr", re.I)),
    ("footer", re.compile(r"foot", re.I)),
    ("header", re.compile(r"(?<![a-z])(?:header|masthead|topbar)(?![a-z])", re.I)),
)
"""Class/id words that say what a region is, most specific first."""

_CASELESS_KINDS = tuple((kind, Caseless(pattern)) for kind, pattern in _KINDS)
"""The same, asked of lowered ASCII after a substring search for their words."""
_ANY_KIND = Caseless(re.compile("|".join(pattern.pattern for _, pattern in _KINDS), re.I))
"""Any of them (their alternatives joined: a match of one is a match of the union)."""

_TAG_KINDS = {
    "nav": "navigation",
    "header": "header",
    "footer": "footer",
    "aside": "sidebar",
    "form": "form",
    "figure": "figure",
    "figcaption": "caption",
    "caption": "caption",
    "audio": "player",
    "video": "player",
    "iframe": "embed",
    "object": "embed",
    "embed": "embed",
    "table": "table",
    "ul": "list",
    "ol": "list",
    "dialog": "dialog",
    "button": "button",
    "select": "form control",
}
_ROLE_KINDS = {
    "navigation": "navigation",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "sidebar",
    "menu": "navigation",
    "dialog": "dialog",
    "alertdialog": "dialog",
    "search": "search box",
}


def _tag(el: etree._Element) -> str:
    tag = el.tag  # (read once: lxml makes a new string at each read)
    return tag.split("}")[-1].lower() if isinstance(tag, str) else ""


def _step(el: etree._Element) -> str:
    # Its tag, id and first two class names (``div#main.post.single``), added one by one: no
    # list of every class name, no generator.
    step = _tag(el)
    eid = el.get("id")
    if eid:
        step += "#" + eid
    classes = el.get("class")
    if classes:
        for name in classes.split(None, 2)[:2]:
            step += "." + name
    return step


def element_path(el: etree._Element, known: dict[etree._Element, str] | None = None) -> str:
    """``el``'s path from the root, in the form blocks carry (``html/body/div.main/aside``).
    ``known`` keeps the steps of the elements met (their tag, id and class do not change), for
    the next path through them."""
    steps: list[str] = []
    node: etree._Element | None = el
    while node is not None:
        if known is None:
            steps.append(_step(node))
        else:
            step = known.get(node)
            if step is None:
                step = known[node] = _step(node)
            steps.append(step)
        node = node.getparent()
    return "/".join(reversed(steps))


def region_kind(el: etree._Element) -> str:
    """What a left-out element is, in a word or two ("navigation", "player", "icon sprite"):
    from its tag, ARIA role and class/id words. Empty when nothing says."""
    tag = _tag(el)
    if tag == "svg":
        return "icon sprite" if next(el.iter("{*}symbol", "symbol"), None) is not None else "graphic"
    role = _ROLE_KINDS.get(el.get("role") or "")
    if role:
        return role
    if (el.get("aria-modal") or "").strip().lower() == "true":
        return "dialog"
    hint = f"{el.get('class') or ''} {el.get('id') or ''}".strip()
    return (_hint_kind(hint) if hint else "") or _TAG_KINDS.get(tag, "")


@lru_cache(maxsize=4096)
def _hint_kind(hint: str) -> str:
    # Pages repeat the same class strings: judge each once.
    if not _ANY_KIND.search(hint):
        return ""  # (half the hints: one look for the words of all the kinds, not one per kind)
    for kind, pattern in _CASELESS_KINDS:
        if pattern.search(hint):
            return kind
    return ""


_TEXT_NODES = etree.XPath("descendant::text()", smart_strings=False)
"""The text and tails below an element, in page order: what ``itertext()`` gives."""


def _visible_text(el: etree._Element, with_tail: bool) -> str:
    """``el``'s shown text (its text nodes joined by spaces, those inside :data:`SILENT`
    elements left out), then its tail when ``with_tail``. ``el`` is no silent element."""
    if not len(el):
        # No child (a third of the regions: a link, a button, a label): its one text node, as
        # the text nodes' XPath gives it, without the look for silent elements (lxml sets up
        # a filter of their five tags for each call) or the XPath's own set-up.
        text = el.text or ""
    elif next(el.iter(*SILENT), None) is None:
        # The common case: ``el.itertext()``, the text nodes gathered by libxml2 without an
        # element proxy or an event per element.
        text = " ".join(_TEXT_NODES(el))
    else:
        # The text and tails in page order, the inside of silent elements passed over (their
        # tails are shown): one walk driven by lxml, no Python call per element.
        parts: list[str] = []
        walker = etree.iterwalk(el, events=("start", "end", "comment", "pi"))
        for event, node in walker:
            if event == "start":
                if node.tag in SILENT:
                    walker.skip_subtree()
                elif node.text:
                    parts.append(node.text)
            elif node is not el and node.tail:
                parts.append(node.tail)  # after an element, a comment or an instruction
        text = " ".join(parts)
    if with_tail and el.tail:
        text += " " + el.tail
    return text


def opening_words(words: list[str]) -> str:
    """The first :data:`OPENING_WORDS` of ``words`` (at most :data:`OPENING_CHARS` characters),
    ``…`` when cut: how the record quotes what a removal took."""
    text = " ".join(words[:OPENING_WORDS])
    if len(text) > OPENING_CHARS:
        text = text[: OPENING_CHARS - 1].rstrip()
    elif len(words) <= OPENING_WORDS:
        return text
    return text + " …"


@dataclass(frozen=True, slots=True)
class Region:
    """One element of the page left out of the article, as the record lists it."""

    rule: str
    """Why it was left out, in words a reader can check."""
    path: str
    """Its element path (``html/body/div.layout/aside.sidebar``)."""
    words: int
    """How many words of text it held."""
    text: str
    """Its opening words (at most :data:`OPENING_WORDS`, ``…`` when cut)."""
    kind: str = ""
    """What it is ("navigation", "player", "icon sprite", ...), when its markup says."""

    @property
    def reason(self) -> str:
        """The rule, with the kind of region in front when known."""
        return f"{self.kind}: {self.rule}" if self.kind else self.rule


class RegionLog:
    """Collects the regions one extraction leaves out, in the order it drops them."""

    def __init__(self) -> None:
        self._found: list[tuple[int, int, Region]] = []
        self._order: dict[etree._Element, int] | None = None
        self._in_order: Iterable[etree._Element] | None = None
        self._steps: dict[etree._Element, str] = {}

    def page_in_order(self, elements: Iterable[etree._Element] | None) -> None:
        """Offer the page's elements in page order, every element of the root's tree as it is
        now (comments aside), or take the offer back (``None``) before the tree changes: the
        first entry, while it stands, numbers them instead of walking the page again."""
        self._in_order = elements

    def _position(self, el: etree._Element) -> int:
        # Document order of the page as first seen (before anything was dropped from it). Only
        # the order of elements matters (comments, never noted, may be left out of the count).
        if self._order is None:
            if self._in_order is not None:
                self._order = dict(zip(self._in_order, count()))
            else:
                self._order = {node: n for n, node in enumerate(el.getroottree().getroot().iter())}
        return self._order.get(el, len(self._order))

    @property
    def regions(self) -> list[Region]:
        """Every region noted, in page order."""
        return [region for _, _, region in sorted(self._found, key=lambda t: (t[0], t[1]))]

    def __len__(self) -> int:
        return len(self._found)

    def forget_after(self, count: int) -> None:
        """Drop the regions noted after the first ``count`` (an extraction that fell back to
        the whole page left them in after all)."""
        del self._found[count:]

    def add(self, el: etree._Element, rule: str, *, with_tail: bool = False, path: str | None = None) -> None:
        """Note ``el`` (still in its tree, so its path can be read) as left out by ``rule``;
        an element without visible text is not worth an entry."""
        tag = el.tag
        if not isinstance(tag, str) or tag in NO_ENTRY:
            return
        words = _visible_text(el, with_tail).split()
        if not words:
            return
        region = Region(rule, path or element_path(el, self._steps), len(words), opening_words(words), region_kind(el))
        self._found.append((self._position(el), len(self._found), region))

    def add_unchosen(self, root: etree._Element, chosen: Iterable[etree._Element], rule: str) -> None:
        """Note every element of ``root`` that holds none of ``chosen`` and lies outside them:
        the page around the main content, one region per element beside the path from
        ``root`` down to each chosen element (a header, a sidebar, a footer), never each of
        their text nodes."""
        picked = set(chosen)
        on_path: set[etree._Element] = set()
        for el in picked:
            on_path.add(el)
            on_path.update(el.iterancestors())
        if root not in on_path:
            return

        def walk(node: etree._Element) -> None:
            for child in node:
                if not isinstance(child.tag, str):
                    continue
                if child in picked:
                    continue
                if child in on_path:
                    walk(child)  # noqa: F821 (deleted after the walk, see below)
                else:
                    self.add(child, rule, with_tail=True)

        walk(root)
        del walk  # a recursive closure is a reference cycle: the page would wait for the collector

    def bounded(self) -> list[Region]:
        """The regions, at most :data:`MAX_REGIONS`: the rest are summed up in a last one."""
        regions = self.regions
        if len(regions) <= MAX_REGIONS:
            return regions
        kept = regions[: MAX_REGIONS - 1]
        rest = regions[MAX_REGIONS - 1 :]
        words = sum(r.words for r in rest)
        rules = sorted({r.rule for r in rest})
        summary = Region(
            f"{len(rest)} more regions left out ({'; '.join(rules)})"[:300],
            "",
            words,
            rest[0].text,
        )
        return [*kept, summary]
