"""HTML extraction: a page becomes the blocks of its main content plus its metadata."""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from copy import deepcopy
from dataclasses import replace
from datetime import date
from functools import partial
from itertools import islice, pairwise
from typing import Any

import lxml.html
from lxml import etree
from newsclean.cleaners.apart import APART_AFTER, apart_after
from newsclean.cleaners.consent import names_cookies, reads_as_panel
from newsclean.cleaners.content import (
    _SENTENCE_CLOSE,
    DIV_PARAGRAPH,
    INTRODUCED_LINES,
    LINKS_PARAGRAPH_CHARS,
    NAME_LINE_WORDS,
    TITLE,
    WRITER_PAGES,
    MainContent,
    _fold,
    _measure,
    _remeasure,
    _Stats,
    cut_paragraph,
    drop_comments_marks,
    find_main_content,
    headline_post,
    holds_blank_line,
    introduced_line,
    introduces,
    measure_page,
    prune,
    remove_keeping_tail,
    strip_page,
    text_content,
    with_row_chunks,
    writer_line,
    writer_page,
)
from newsclean.cleaners.decoding import decode_html_utf8, plain_utf8
from newsclean.cleaners.document import Block, BlockKind, Document, split_count
from newsclean.cleaners.gc_pause import collector_paused
from newsclean.cleaners.headline_line import mark_headline, title_parts
from newsclean.cleaners.images import article_images, find_figures
from newsclean.cleaners.metadata import extract_metadata, first_title
from newsclean.cleaners.nesting import LINE_BLOCKS, shallower
from newsclean.cleaners.notices import LEGAL_AFTER, PRINT_NOTE_AFTER, legal_notice, licence_notice, print_note
from newsclean.cleaners.prompts import prompt_line
from newsclean.cleaners.regions import RegionLog
from newsclean.cleaners.selector import Choice, Evidence, cheap_features, full_features, load_model
from newsclean.cleaners.site import SiteProfile, select_css
from newsclean.cleaners.threads import comment_headings, cut_after_comments, drop_threads, reference_day, shown_texts
from newsclean.cleaners.unshown import BODY_NOTICE_CHARS, is_notice, unshown_text
from newsclean.cleaners.widgets import placeholder

logger = logging.getLogger(__name__)

__all__ = ["blocks_from_element", "drop_consent_panel", "extract_html", "parse_html"]


_SPACE = re.compile(r"\s+")
"""(``_SPACE.sub(" ", t).strip()`` is ``" ".join(t.split())``, which is faster.)"""

BLOCK_KINDS: dict[str, BlockKind] = {
    "p": BlockKind.PARAGRAPH,
    "h1": BlockKind.HEADING,
    "h2": BlockKind.HEADING,
    "h3": BlockKind.HEADING,
    "h4": BlockKind.HEADING,
    "h5": BlockKind.HEADING,
    "h6": BlockKind.HEADING,
    "li": BlockKind.LIST_ITEM,
    "dt": BlockKind.LIST_ITEM,
    "dd": BlockKind.LIST_ITEM,
    "blockquote": BlockKind.QUOTE,
    "pre": BlockKind.PREFORMATTED,
    "figcaption": BlockKind.CAPTION,
    "caption": BlockKind.CAPTION,
    "table": BlockKind.TABLE,
    "title": BlockKind.OTHER,
}
"""Elements whose text is one block."""

CONTAINERS = frozenset(
    [
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "figure",
        "ul",
        "ol",
        "dl",
        "body",
        "span",
        "form",
        "details",
        "summary",
        "center",
        "font",
        "td",
        "th",
        "tr",
        "tbody",
        "thead",
        "tfoot",
    ]
)
"""Elements that hold blocks; their own loose text becomes a block too."""

INLINE_CONTAINERS = frozenset(["span"])
"""Containers that are words of a paragraph when nothing inside them breaks a line and the element
around them holds a paragraph's words (:data:`PROSE_WORDS`) and no box: a paragraph written as a
``<div>`` of ``<span>`` runs, as editors and page builders write them, would otherwise come out as
one block per run, each too short to be judged as prose. In a shorter line the runs stay blocks of
their own: there they are mostly items set side by side (a date and a reading time, a name and a
publication), which the byline and date rules judge one by one; unless the runs carry the spaces
that join them, as a sentence an editor cut at its links does (:func:`_flowing_runs`). A ``<font>`` stays a box: pages
of 2000-2008 wrap a whole paragraph in one, right after a teaser's link."""

NEVER_TEXT = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "head",
        "button",
        "select",
        "input",
        "textarea",
    ]
)


_XML_PROLOGS = re.compile(r"^(?:[\s\ufeff]*<\?xml[^>]*>?)+")
"""XML declarations in front of a page (lxml refuses a string that starts with one naming an encoding)."""

_NOT_XML_TEXT = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""Characters lxml refuses in text (C0 controls, surrogates, U+FFFE, U+FFFF): read as a space."""


MAX_DEPTH = 200
"""Elements nested deeper than this are unwrapped (their text and children move up), so the
walks from elements to blocks stay within Python's recursion limit."""

_LXML_DEPTH = 2048  # libxml2's limit even with huge_tree: deeper markup is not parsed


_NOT_XML_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)
"""Character references to the same characters (``&#8;``, ``&#xFFFE;``): the parser would put
them into the text, and lxml refuses to set such text on an element."""

_NOT_XML_REFERENCE_BYTES = re.compile(_NOT_XML_REFERENCE.pattern.encode("ascii"))


_BELOW_MAX_DEPTH = etree.XPath("boolean(" + "/".join(["*"] * (MAX_DEPTH + 1)) + ")")
"""Whether an element lies deeper than ``MAX_DEPTH`` below the root: asked in C, level by
level, so the usual page (a few dozen levels) is not walked element by element in Python."""


_AT_MAX_DEPTH = etree.XPath("/".join(["*"] * MAX_DEPTH) + "[*]")
"""The elements ``MAX_DEPTH`` below the root that hold elements."""


def _flatten_deep(root: etree._Element) -> None:
    """Unwrap every element deeper than ``MAX_DEPTH``: each element at that depth keeps its text,
    in order, as one child per line of it (:func:`_deep_lines`); the elements below go (and
    comments with them: their text never shows).

    One pass over each deep subtree: unwrapping the deep elements one by one, deepest first,
    moved the children gathered so far up again at every level (a 14 KB page of two
    1,600-level chains took 5 s).
    """
    if not _BELOW_MAX_DEPTH(root):
        return
    for holder in _AT_MAX_DEPTH(root):
        lines = _deep_lines(holder)
        for child in list(holder):
            holder.remove(child)
        holder.text = None
        for block, text in lines:
            line = etree.SubElement(holder, block.tag if block.tag in _DEEP_LINE_TAGS else "div")
            for name in ("class", "id"):
                if block.get(name) is not None:
                    line.set(name, block.get(name))
            line.text = text


_DEEP_BREAKS = frozenset(LINE_BLOCKS)
"""Elements that start a line of a deep subtree's text, and end one (two ``<br>`` do too)."""

_DEEP_LINE_TAGS = frozenset(["p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "figcaption"])
"""Elements a line of a deep subtree's text is copied as (their tag and class kept); any other
block's line becomes a ``div`` with its class (a table cell outside its table is no cell)."""

_DEEP_SILENT = frozenset(["script", "style", "template"])

_TWO_BREAKS = re.compile("\x00[ \t\r\n\f]*\x00[\x00 \t\r\n\f]*")


def _deep_lines(holder: etree._Element) -> list[tuple[etree._Element, str]]:
    """The text of ``holder``'s subtree, in order, cut into lines where a block starts or ends
    or two ``<br>`` follow each other (one is a line break inside the line, as in a paragraph),
    each with the innermost block holding it (``holder`` for text outside any)."""
    lines: list[tuple[etree._Element, str]] = []
    parts: list[str] = []
    blocks = [holder]

    def cut() -> None:
        # A <br> is marked by a NUL, which the page's text never holds (see _utf8_for_lxml).
        for text in _TWO_BREAKS.split("".join(parts)):
            if text.strip("\x00 \t\r\n\f"):
                lines.append((blocks[-1], text.replace("\x00", "\n")))
        parts.clear()

    todo: list[tuple[etree._Element, bool]] = [(holder, True)]
    while todo:
        el, opening = todo.pop()
        tag = el.tag if isinstance(el.tag, str) else None
        if opening:
            if tag == "br":
                parts.append("\x00")
            elif tag in _DEEP_BREAKS and el is not holder:
                cut()
                blocks.append(el)
            if tag is not None and tag not in _DEEP_SILENT and el.text:
                parts.append(el.text)
            todo.append((el, False))
            if tag is not None:
                todo.extend((child, True) for child in reversed(el))
            continue
        if el is holder:
            break
        if tag in _DEEP_BREAKS:
            cut()
            blocks.pop()
        if el.tail:
            parts.append(el.tail)
    cut()
    return lines


_CUSTOM_TAG = re.compile(rb"<[A-Za-z][A-Za-z0-9]*-")
"""The start of a custom element's tag (a web component's name holds a hyphen: ``<app-article>``,
``<gu-island>``): a page without one has no custom element to look for."""

_CUSTOM_ELEMENTS = etree.XPath("//*[contains(local-name(), '-')]")

_BOX_CHILDREN = frozenset(
    ["address", "article", "aside", "blockquote", "div", "dl", "figure", "footer", "form", "h1", "h2", "h3",
     "h4", "h5", "h6", "header", "main", "nav", "ol", "p", "pre", "section", "table", "ul"]
)  # fmt: skip
"""Blocks of a page's layout: a custom element holding one is a box."""

_BOX_PARENTS = frozenset(
    ["article", "aside", "blockquote", "body", "dd", "div", "figure", "footer", "form", "header", "li", "main",
     "nav", "section", "td", "th"]
)  # fmt: skip
"""Boxes whose children are laid out one under the other, unless they are words in a line."""

_NO_WORDS = frozenset(
    ["br", "button", "hr", "iframe", "img", "input", "link", "meta", "noscript", "picture", "script", "style",
     "svg", "template"]
)  # fmt: skip
"""Elements beside a custom element that put no words in its line."""


def _custom_boxes(root: etree._Element) -> None:
    """Make each custom element that is a box of the page's layout a ``<div>``: one holding a
    block of the layout (:data:`_BOX_CHILDREN`, or a custom element made a box), and one standing
    alone among boxes (:func:`_among_boxes`). Web components and the page frameworks' own
    elements (``<app-article-body>``, ``<story-paragraph>``) are boxes that their style sheet lays
    out; read as the unknown inline elements the parser makes them, a column of them ran
    together into one line (a list of job offers read as one long paragraph) and their
    paragraphs belonged to no box. One inside a paragraph or beside words stays inline."""
    found = _CUSTOM_ELEMENTS(root)
    boxes: set[etree._Element] = set()
    for el in reversed(found):  # (the deepest first: a box of boxes is one too)
        for child in el:
            if isinstance(child.tag, str) and (child.tag in _BOX_CHILDREN or child in boxes):
                boxes.add(el)
                break
    for el in found:  # (the outermost first: its parent may be one made a box)
        if el not in boxes and _among_boxes(el, boxes):
            boxes.add(el)
    for el in boxes:
        el.tag = "div"


def _among_boxes(el: etree._Element, boxes: set[etree._Element]) -> bool:
    """Whether a custom element stands alone among boxes: its parent a box
    (:data:`_BOX_PARENTS`, or a custom element made a box, ``boxes``), no loose words beside it,
    its siblings blocks of the layout, custom elements or elements without words
    (:data:`_NO_WORDS`): a component of the layout, which its style sheet makes a block, not
    a word of a line."""
    parent = el.getparent()
    if parent is None or not (parent.tag in _BOX_PARENTS or parent in boxes):
        return False
    if parent.text and not parent.text.isspace():
        return False
    for sibling in parent:
        if sibling.tail and not sibling.tail.isspace():
            return False
        tag = sibling.tag
        if isinstance(tag, str) and tag not in _BOX_CHILDREN and tag not in _NO_WORDS and "-" not in tag:
            return False
    return True


_XML_TEXT_BYTES = bytes(b for b in range(256) if (b >= 0x20 or b in (0x09, 0x0A, 0x0D)) and b != 0xEF)
"""Bytes that are never (part of) a character lxml refuses, in UTF-8: all but the C0 controls
and 0xEF, the lead byte of U+FFFE/U+FFFF (EF BF BE/BF): a page without one holds neither, and
the text is not searched for them (on a page with a character past U+FFFF, 4 bytes each, two
searches of 2 MB took 0.7 ms)."""

_ELEMENT_CLASSES = etree.ElementNamespaceClassLookup(
    etree.ElementDefaultClassLookup(
        element=lxml.html.HtmlElement,
        comment=lxml.html.HtmlComment,
        pi=lxml.html.HtmlProcessingInstruction,
        entity=lxml.html.HtmlEntity,
    )
)
"""The element classes of ``lxml.html`` (``<form>`` a ``FormElement``, ...), looked up in C:
lxml.html's own lookup calls Python for every element the code touches."""
_ELEMENT_CLASSES.get_namespace(None).update(lxml.html.HtmlElementClassLookup._default_element_classes)

_PAGE_CLASSES = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement,
    comment=lxml.html.HtmlComment,
    pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)
"""The element classes of the pages :func:`extract_html` parses for itself: ``HtmlElement`` for
every element, ``<form>``, ``<input>``, ``<select>``, ``<textarea>`` and ``<label>`` too (the
extraction reads none of their form classes' properties, and never hands its tree out). The
look-up by tag of :data:`_ELEMENT_CLASSES` makes a string of the element's tag for each proxy
lxml makes (about 1,300 a page on fundus, 0.7% of the path)."""


class PageText:
    """A page's text, decoded from its UTF-8 (``utf8``, when given) only when first asked for:
    the extraction parses the bytes, and most pages never need the text itself."""

    __slots__ = ("_text", "utf8")

    def __init__(self, text: str | None, utf8: bytes | None = None) -> None:
        if text is None and utf8 is None:
            raise ValueError("a page's text or its UTF-8 is needed")
        self._text = text
        self.utf8 = utf8

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = (self.utf8 or b"").decode("utf-8")
        return self._text


def _utf8_for_lxml(html: str | PageText, utf8: bytes | None = None) -> bytes:
    """``html`` as UTF-8 without the characters and references lxml refuses in text
    (:data:`_NOT_XML_TEXT`, :data:`_NOT_XML_REFERENCE`), read as spaces. Searched in the bytes
    first: a page without C0 controls, surrogates or U+FFFE/U+FFFF (most) is not scanned
    character by character. ``utf8``, when given, is ``html``'s UTF-8 (the page's bytes as
    received, valid UTF-8): it is not encoded again (nor is the text decoded, when ``html``
    is a :class:`PageText` with its UTF-8, unless it must be searched)."""
    page = PageText(html, utf8) if isinstance(html, str) else html
    data: bytes | None = page.utf8
    if data is None:
        try:
            data = page.text.encode("utf-8")
        except UnicodeEncodeError:  # a surrogate
            data = None
    # U+FFFE/U+FFFF looked for only when the bytes hold their lead byte 0xEF (see _holds_nonchar).
    rest = data.translate(None, _XML_TEXT_BYTES) if data is not None else b""
    if data is None or rest.strip(b"\xef") or (rest and _holds_nonchar(page, data)):
        data = _NOT_XML_TEXT.sub(" ", page.text).encode("utf-8")
    # The pattern itself looks for "&#" faster than ``in`` does (and finds nothing on most pages).
    if _NOT_XML_REFERENCE_BYTES.search(data) is not None:
        data = _NOT_XML_REFERENCE_BYTES.sub(b" ", data)
    return data


NONCHAR_LOOKS = 64
NONCHAR_LOOK_BYTES = 1024
"""The 0xEF bytes of a page looked at one by one for U+FFFE/U+FFFF (:func:`_holds_nonchar`):
:data:`NONCHAR_LOOKS`, and one more for each of these many bytes of the page (a look costs
less than decoding them), before its text is searched instead (a page in fullwidth forms holds
thousands)."""

_NONCHARS_UTF8 = (b"\xbf\xbe", b"\xbf\xbf")
"""The bytes after 0xEF in U+FFFE's and U+FFFF's UTF-8."""


def _holds_nonchar(page: PageText, data: bytes) -> bool:
    """Whether ``page``'s text, whose UTF-8 is ``data``, holds U+FFFE or U+FFFF: their UTF-8
    (EF BF BE, EF BF BF) looked for at each 0xEF byte, a lead byte in valid UTF-8 that begins
    only those characters so, while there are few (:data:`NONCHAR_LOOK_BYTES`: most pages with
    one hold a BOM or an emoji's variation selector or two); past them the text is searched.
    Decoding a page to search its text took 0.1 ms a page on fundus (2 MB pages with emoji), and
    a search of the bytes for the three stumbled over the continuation bytes of a page in CJK."""
    at = data.find(b"\xef")
    for _ in range(NONCHAR_LOOKS + len(data) // NONCHAR_LOOK_BYTES):
        if at < 0:
            return False
        if data[at + 1 : at + 3] in _NONCHARS_UTF8:
            return True
        at = data.find(b"\xef", at + 1)
    return "\ufffe" in page.text or "\uffff" in page.text


def parse_html(html: str, utf8: bytes | None = None) -> etree._Element:
    """Parse a page with lxml; an XML declaration with an encoding is tolerated. ``utf8``,
    when given, is ``html``'s UTF-8 (the bytes it was decoded from as valid UTF-8).

    Markup after a premature ``</html>`` (a second ``<html>`` with the article in it) is
    moved into the body, where a browser shows it.
    """
    return _parse_page(PageText(html, utf8))


_ASCII_SPACES = re.compile(rb"[ \t\n\r\x0b\x0c\x1c-\x1f]*")
"""The ASCII characters ``str.isspace`` takes (and ``re``'s ``\\s`` in text), as UTF-8."""


def _may_open_with_prolog(utf8: bytes) -> bool:
    """Whether text whose UTF-8 is ``utf8`` may open with :data:`_XML_PROLOGS`: past the ASCII
    white space, ``<?xml`` or a character outside ASCII (a BOM, another white space)."""
    start = _ASCII_SPACES.match(utf8)
    at = start.end() if start is not None else 0
    return utf8[at : at + 5] == b"<?xml" or utf8[at : at + 1] >= b"\x80"


def _parse_utf8(data: bytes, classes: etree.ElementClassLookup) -> tuple[etree._Element, bool]:
    """The document lxml parses from the UTF-8 ``data``, and whether its markup went deeper
    than libxml2 builds (:data:`_LXML_DEPTH`)."""
    # Text nodes over 10 MB, nesting past 256; the page is handed over as UTF-8 (as lxml
    # would convert a str), its own charset declarations ignored as for a str. No table of
    # the ids is kept (nothing asks libxml2 for an element by its id): parsing and freeing
    # the page are faster without it.
    parser = etree.HTMLParser(huge_tree=True, encoding="utf-8", collect_ids=False)
    parser.set_element_class_lookup(classes)
    try:
        root = lxml.html.document_fromstring(data or b"<html></html>", parser=parser)
    except etree.ParserError:  # only a comment, a doctype or white space: an empty page
        root = lxml.html.document_fromstring("<html><body></body></html>")
    return root, any("Excessive depth" in entry.message for entry in parser.error_log)


def _parse_page(page: PageText, classes: etree.ElementClassLookup = _ELEMENT_CLASSES) -> etree._Element:
    """:func:`parse_html` of a page's text, decoded only if its opening must be read as text;
    its elements of ``classes``."""
    if page.utf8 is None or _may_open_with_prolog(page.utf8):
        prolog = _XML_PROLOGS.match(page.text)
        if prolog is not None:
            page = PageText(page.text[prolog.end() :])
    data = _utf8_for_lxml(page)
    root, too_deep = _parse_utf8(data, classes)
    if too_deep:  # the text below libxml2's depth is not in the tree: parse the markup made shallow
        root, too_deep = _parse_utf8(shallower(data, _LXML_DEPTH // 2), classes)
        if too_deep:
            logger.warning("page nested more than %d elements deep: the text below that depth is left out", _LXML_DEPTH)
    strays = [s for s in root.itersiblings() if isinstance(s.tag, str)]
    if strays:
        body = root.find("body")
        target = body if body is not None else root
        for stray in strays:
            target.append(stray)
    _flatten_deep(root)  # after the strays moved in: their depth counts too
    if _CUSTOM_TAG.search(data):  # (the tags looked for only when the page's bytes name one)
        _custom_boxes(root)
    return root


BLOCK_TAGS = ("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "table", "section", "article", "blockquote", "pre")

_HOLDS_BLOCKS = (*BLOCK_TAGS, "figure", "figcaption")
"""An element holding one of these is walked, not read as a line of loose text: a caption
inside a custom element (``<astro-island><figure>...<figcaption>``) is a caption, left out."""
_HOLDING_BLOCKS = frozenset(_HOLDS_BLOCKS)
"""Elements that make their own block: an inline or custom element holding one
(``<growth-linkgroup>``, ``<b>`` around paragraphs) is walked like a container, not flattened
into one line. A link around blocks (a teaser card) stays one line, judged as a link."""


def _numbered(li: etree._Element, text: str) -> str:
    """An ordered list's item as the browser shows it: "3. Text" (``start`` honoured)."""
    parent = li.getparent()
    if parent is None or parent.tag != "ol" or re.match(r"^\d+[.)]\s", text):
        return text
    try:
        number = int(parent.get("start") or 1)
    except ValueError:
        number = 1
    for sibling in parent:
        if sibling is li:
            break
        if sibling.tag == "li":
            number += 1
    return f"{number}. {text}"


def _table_text(table: etree._Element) -> str:
    """A table as lines of ``cell | cell``: cells written without spaces between them
    ("RankCompany") must not fuse into one word."""
    rows: list[str] = []
    for row in table.iter("tr"):
        cells = [_text(c) for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
        line = " | ".join(c for c in cells if c)
        if line:
            rows.append(line)
    return "\n".join(rows) or _text(table)


BREAKS = frozenset(
    [
        "br",
        "div",
        "p",
        "li",
        "td",
        "th",
        "tr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "dt",
        "dd",
        "blockquote",
        "section",
        "article",
        "header",
        "footer",
        "figcaption",
        "ul",
        "ol",
        "table",
        "pre",
        "hr",
    ]
)
"""Elements that separate words even when the markup puts no space around them."""


LINE_BREAKS = BREAKS - {"br"}
"""Elements that end a paragraph: a ``<br>`` only ends a line inside one."""


TAGS_LOOKED = 32
"""Up to this many elements inside an element, one of a set of tags is looked for among them in
Python: a tag filter costs lxml 0.3 us a tag to set up (8 us for :data:`BREAKS`), more than such
a walk over the few links most blocks hold."""


def holds_any(el: etree._Element, tags: frozenset[str]) -> bool:
    """``next(el.iterdescendants(*tags), None) is not None``, cheaper for small elements."""
    for n, inner in enumerate(el.iterdescendants()):
        if inner.tag in tags:
            return True
        if n >= TAGS_LOOKED:
            return next(el.iterdescendants(*tags), None) is not None
    return False


_LINE_BREAK = frozenset(["br"])


def _text(el: etree._Element) -> str:
    if not holds_any(el, BREAKS):
        return " ".join(text_content(el).split())
    parts: list[str] = []
    # An explicit stack, not recursion: an element's text, its children (each followed by
    # its tail), then the closing break; no depth of markup can exhaust Python's stack.
    stack: list[etree._Element | str] = [el]
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            parts.append(node)
            continue
        tag = node.tag  # (read once: lxml makes a new string at each read)
        if not isinstance(tag, str):
            continue
        tag = tag.lower()
        if tag in NEVER_TEXT:
            continue
        brk = tag in BREAKS
        if brk:
            parts.append(" ")
            stack.append(" ")
        if node.text:
            parts.append(node.text)
        for child in reversed(node):
            if child.tail:
                stack.append(child.tail)
            stack.append(child)
    return " ".join("".join(parts).split())


_META_CONTENT_TYPE = re.compile(r'<meta http-equiv="Content-Type"[^>]*>')
"""What ``lxml.html.tostring`` takes out of the markup it writes (lxml's own pattern)."""


def _html_of(el: etree._Element) -> str:
    """``lxml.html.tostring(el, encoding="unicode", with_tail=False)``, its pattern run only on
    markup that holds what it matches (a search of every block's markup for nothing, else)."""
    html = etree.tostring(el, method="html", encoding="unicode", with_tail=False)
    return _META_CONTENT_TYPE.sub("", html) if '<meta http-equiv="Content-Type"' in html else html


def _describe(el: etree._Element) -> tuple[str, tuple[str, ...], str]:
    tag = el.tag  # (read once: lxml makes a new string at each read)
    classes = tuple((el.get("class") or "").split())
    return tag.lower() if isinstance(tag, str) else "", classes, el.get("id") or ""


def _step(el: etree._Element) -> str:
    return _step_of(*_describe(el))


def _step_of(tag: str, classes: tuple[str, ...], eid: str) -> str:
    """A path step from an element's :func:`_describe`."""
    return tag + (f"#{eid}" if eid else "") + "".join([f".{c}" for c in classes[:2]])


LINK_LINE_WORDS = 12
"""A paragraph or heading this short that is all link text is a button or a teaser link
("Book a demo", "Keep reading", "See price at Amazon"), not article text."""


LINK_LINE_TAGS = frozenset(["p", "blockquote", "pre"])
"""Where a lone link is a button; a heading that links to its subject (a listicle's product,
a roundup's deal) is still the article's heading."""


def _link_chars(el: etree._Element) -> int:
    return sum(
        len(" ".join(text_content(a).split()))
        for a in el.iter("a")
        if not (a.get("href") or "").startswith("#")  # a heading's own permalink is no teaser
    )


def _is_link_line(text: str, link_chars: int) -> bool:
    return split_count(text) <= LINK_LINE_WORDS and link_chars >= 0.9 * len(text)


CREDIT = re.compile(
    r"(?:photo(?:graph)?|image|picture)s?(?: (?:by|from|via|courtesy of)\b|:)|getty images\b|courtesy of\b",
    re.I,
)
"""The start of an image's credit line printed under it ("Photo: Shutterstock", "Getty Images /
Holger Leue", "Image from Mary's April 2024 review.", "Courtesy of brand")."""

CREDIT_MAX_WORDS = 10

CREDIT_PHRASE_MAX_WORDS = 8
"""A credit that is not a label ("Image from Becca's October 2024 review.") is this short:
"Images from the probe showed ice on the crater floor" is a sentence. One that starts with
"Courtesy of" and goes on after a comma is one too ("Courtesy of the family, the letters were
published in 1990")."""

_CREDIT_LABEL = re.compile(r"(?:photo(?:graph)?|image|picture)s?(?::|\s+(?:by|courtesy of)\b)|getty images\b", re.I)


def _is_credit(text: str) -> bool:
    """A short line crediting an image outside any caption element (one with a link address
    cites a source and stays)."""
    words = split_count(text)
    if words > CREDIT_MAX_WORDS or CREDIT.match(text) is None or "://" in text:
        return False
    if _CREDIT_LABEL.match(text) is not None:
        return True
    return words <= CREDIT_PHRASE_MAX_WORDS and not ("," in text and text[:8].lower() == "courtesy")


Origin = tuple[etree._Element, bool]
"""Where a block's text starts on the page: at an element (``False``) or in the text just
after it, its tail (``True``)."""


def blocks_from_element(
    root: etree._Element,
    base_path: str = "",
    *,
    main_only: bool = False,
    origins: list[Origin] | None = None,
    log: RegionLog | None = None,
) -> list[Block]:
    """The blocks under ``root`` in reading order.

    Block-level elements (paragraphs, headings, list items, captions, quotes, SVG
    ``<title>``) give one block each; loose text directly inside containers gives a block of
    its own, so text in ``<div>``s without ``<p>`` is not lost. With ``main_only`` (the
    main-content extractor's mode), captions and short paragraphs made only of a link are left
    out (list items stay: a list of links can be the article's own). ``origins``, when given,
    receives where each block's text starts (to place other blocks among them in page order);
    ``log`` the captions and link lines that ``main_only`` leaves out.
    """
    blocks: list[Block] = []
    loose_links = [0]
    loose_origin: list[Origin] = []

    def emit(
        el: etree._Element, text: str, kind: BlockKind, path: str, described: tuple[str, tuple[str, ...], str]
    ) -> None:
        tag, classes, eid = described
        html = ""
        if kind is not BlockKind.OTHER and tag in BLOCK_KINDS:
            html = _html_of(el)
        blocks.append(Block(text, kind, tag, classes, eid, path, html))
        if origins is not None:
            origins.append((el, False))

    def walk(el: etree._Element, path: str, run: bool = False) -> None:
        tag = el.tag
        tag = tag.lower() if isinstance(tag, str) else ""
        if not tag or tag in NEVER_TEXT:
            return
        local = tag.split("}")[-1]
        # An inline run is no box: its lines sit in the box around it (the article's flow).
        # (Its tag, classes and id read once, for its step and for its blocks.)
        described = _describe(el)
        here = path if run else f"{path}/{_step_of(*described)}" if path else _step_of(*described)
        if local in BLOCK_KINDS and not (
            (local == "li" and _has_block_child(el)) or (local == "table" and _layout_table(el))
        ):
            text = _table_text(el) if local == "table" else _text(el)
            if not text:
                return
            if local == "li":
                text = _numbered(el, text)
            if (
                main_only
                and local in LINK_LINE_TAGS
                and _is_link_line(text, _link_chars(el))
                and not (local == "p" and introduced_line(el))
                and not writer_line(el)
            ):
                if log is not None:
                    log.add(el, "a short paragraph that is one link (a button or a teaser)")
                return
            if main_only and (local in ("figcaption", "caption") or (local == "p" and _is_credit(text))):
                if log is not None:
                    log.add(el, "an image's caption or credit" if local == "p" else "a caption")
                return
            emit(el, text, BLOCK_KINDS[local], here, described)
            return
        loose: list[str] = []
        split = False  # (whether a child was walked: el's text is more than one run)
        # A <div> of inline markup only whose lines a <br> cuts is a paragraph written as one,
        # read as a <p> is: one block, its <br>s line breaks in it (see cut_paragraph). (Without
        # a <br>, its <span>s are judged as INLINE_CONTAINERS says: a row of items, or runs.)
        paragraph = (
            local == "div"
            and holds_any(el, _LINE_BREAK)
            and cut_paragraph(el)
            and _SENTENCE_CLOSE.search(text_content(el)) is not None
        )
        runs: bool | None = None  # (whether el is a paragraph of runs: asked at its first span)
        boxes: bool | None = None  # (whether el holds blocks: its runs are judged a line at a time)
        judged = 0  # (in such a box, the children up to here are in lines already judged)
        if el.text and el.text.strip():
            loose.append(el.text)
            if origins is not None:
                loose_origin[:] = [(el, False)]
        for at, child in enumerate(el):
            ctag = child.tag  # (read once)
            ctag = ctag.lower() if isinstance(ctag, str) else ""
            inline = ctag in INLINE_CONTAINERS and not holds_any(child, BREAKS)
            if inline and runs is None:
                if boxes is None:
                    boxes = holds_any(el, LINE_BREAKS)
                # In a box that also holds blocks (a post's pictures in <div>s), the runs of one
                # line between them are one sentence when the editor's spans flow into each other
                # (see _flowing_line): one block, the link between them a word of it.
                if not boxes:
                    runs = len(text_content(el).split()) >= PROSE_WORDS or _flowing_runs(el)
                elif at < judged:
                    runs = False  # (a line judged apart already: each of its runs a box)
                else:
                    runs, judged = _flowing_line(el, at, bool(loose))
            if ctag and not paragraph and (
                (ctag in CONTAINERS and not (runs and inline))
                or ctag in BLOCK_KINDS
                or ctag in ("svg", "symbol", "br", "hr")
                or (ctag != "a" and len(child) and holds_any(child, _HOLDING_BLOCKS))
                or (ctag != "a" and holds_blank_line(child))
            ):
                _flush(el, loose, here, described)
                split = True
                walk(child, here, inline)  # noqa: F821 (deleted after the walk, see below)
                if boxes:
                    runs = None  # (the next line's runs are judged alone)
            elif ctag and ctag not in NEVER_TEXT:
                if origins is not None and not loose:
                    loose_origin[:] = [(child, False)]
                if ctag == "br":
                    loose.append(" ")
                elif not len(child):
                    loose.append(child.text or "")
                elif holds_any(child, BREAKS):
                    loose.append(f" {_text(child)} ")
                else:
                    loose.append(text_content(child))
                if main_only:
                    loose_links[0] += len(" ".join(loose[-1].split())) if ctag == "a" else _link_chars(child)
            if child.tail and child.tail.strip():
                if origins is not None and not loose:
                    loose_origin[:] = [(child, True)]
                loose.append(child.tail)
            elif child.tail and loose:
                loose.append(" ")  # (the space between two links is a space in the text)
        _flush(el, loose, here, described, whole=not split)

    def _flush(
        el: etree._Element,
        loose: list[str],
        path: str,
        described: tuple[str, tuple[str, ...], str],
        *,
        whole: bool = False,
    ) -> None:
        text = _run_text(loose)
        loose.clear()
        links, loose_links[0] = loose_links[0], 0
        origin = loose_origin[0] if loose_origin else (el, False)
        loose_origin.clear()
        # (A <div> that is one link is a paragraph of text written in <div>s, kept as a <p> is
        # when the article's own sentence introduces it.)
        if text and not (
            main_only
            and (
                (
                    _is_link_line(text, links)
                    and not (el.tag == "div" and introduced_line(el))
                    and not _introduced_block(blocks, path)
                    and not (whole and writer_line(el))
                )
                or _is_credit(text)
            )
        ):
            tag, classes, eid = described
            # A <div> whose whole text is this run is a paragraph written as a <div>: its markup
            # goes with it, as a <p>'s does (its links tell a pointer line from the text's).
            html = _html_of(el) if whole and tag == "div" else ""
            blocks.append(Block(text, BlockKind.PARAGRAPH, tag, classes, eid, path, html))
            if origins is not None:
                origins.append(origin)

    walk(root, base_path)
    del walk  # a recursive closure is a reference cycle: the page would wait for the collector
    return blocks


def _introduced_block(blocks: list[Block], path: str) -> bool:
    """Whether the article's own sentence (:func:`~newsclean.cleaners.content.introduces`) in the
    same box introduces a line about to follow ``blocks``, as
    :func:`~newsclean.cleaners.content.introduced_line` asks of a ``<p>``: the last block of the
    box at ``path``, or one before it through the box's short lines ("You can pick up a copy at
    any of these places:" over one link a line written between ``<br>``s)."""
    for block in islice(reversed(blocks), INTRODUCED_LINES):
        if block.path != path:
            return False
        if introduces(block.text):
            return True
        if len(block.text) >= LINKS_PARAGRAPH_CHARS:
            return False
    return False


_GLUED_AFTER = frozenset(".,;:!?)]}%’”…")
"""Characters that close up to the run before them: ``<span>word</span><span>. Next</span>``."""

_GLUED_BEFORE = frozenset("([{“‘„«¿¡")
"""Characters that close up to the run after them: ``<span>(</span><a>see here</a>``."""


FLOWING_WORDS = 8
"""Runs written to flow join into one block when they hold at least this many words: a clause
of a sentence, not a row's figure and its unit ("8 minutes")."""


def _flowing_runs(el: etree._Element) -> bool:
    """Whether ``el``'s runs are one text cut where its markup changes, as an editor writes a
    sentence (``<span>The average worker receives </span><a>117 emails</a><span> a day</span>``):
    a ``<span>`` beside another piece of ``el``'s text carries the space or the mark that joins
    them (:data:`_RUN_JOINS_AFTER`, :data:`_RUN_JOINS_BEFORE`). Items set side by side are
    written without them (``<span>May 5</span><span>John Smith</span>``), or with the markup's
    own line breaks and indents around them (``<span>\n  share\n</span>``): each stays a block
    of its own, for the byline and date rules to judge."""
    if len(text_content(el).split()) < FLOWING_WORDS:
        return False
    # Each piece of the line as its first and last text (a <span>'s only: the space that joins
    # runs is written inside a run, never in the line's own text between its elements).
    pieces: list[tuple[str, str]] = []
    if el.text and el.text.strip():
        pieces.append(("", ""))
    for child in el:
        tag = child.tag
        if not isinstance(tag, str):
            continue
        if text_content(child).strip():
            if tag.lower() in INLINE_CONTAINERS:
                pieces.append((_edge_text(child, first=True), _edge_text(child, first=False)))
            else:
                pieces.append(("", ""))
        if child.tail and child.tail.strip():
            pieces.append(("", ""))
    for (_, before), (after, _) in pairwise(pieces):
        if _RUN_JOINS_AFTER.search(before) is not None or _RUN_JOINS_BEFORE.match(after) is not None:
            return True
    return False


def _line_pieces(el: etree._Element, start: int, before: bool) -> tuple[list[tuple[str, str, bool]], int, int]:
    """The pieces of the line of ``el``'s loose text that its child at ``start`` (a ``<span>``)
    is in, as :func:`_flowing_runs` reads them (and whether each is or holds a link), from
    ``start`` to the next line break or block (``before``: loose text of the line stands before
    it); the line's words; and the position of the child that ends the line. No pieces when one
    holds a line break or a block (a box of its own)."""
    pieces: list[tuple[str, str, bool]] = [("", "", False)] if before else []
    words = 0
    end = start
    for end, child in enumerate(islice(el, start, None), start):
        tag = child.tag
        if not isinstance(tag, str):
            continue
        tag = tag.lower()
        if tag in ("br", "hr") or tag in BLOCK_KINDS or (tag in CONTAINERS and tag not in INLINE_CONTAINERS):
            return pieces, words, end
        if holds_any(child, BREAKS):
            return [], 0, end + 1
        text = text_content(child)
        if text.strip():
            words += len(text.split())
            linked = tag == "a" or next(child.iter("a"), None) is not None
            if tag in INLINE_CONTAINERS:
                pieces.append((_edge_text(child, first=True), _edge_text(child, first=False), linked))
            else:
                pieces.append(("", "", linked))
        if child.tail and child.tail.strip():
            words += len(child.tail.split())
            pieces.append(("", "", False))
    return pieces, words, end + 1


def _flowing_line(el: etree._Element, start: int, before: bool) -> tuple[bool, int]:
    """Whether the line of ``el``'s loose text that its ``<span>`` at ``start`` opens (up to the
    next line break or block) is one text cut where its markup changes, as
    :func:`_flowing_runs` asks of a whole box, at a link (a date beside a teaser's line is no
    word of it). A Blogger post pasted from an editor writes each line as
    ``<span>...check out </span><a><span>this list</span></a><span>.</span><br>`` between its
    pictures' ``<div>``s; each run came out a block of its own, and the link alone was dropped
    as a line of one link (dragnet R956, R62, R615). Also the position of the child that ends
    the line: its runs are judged once (a long line of runs costs one walk, not one a run)."""
    pieces, words, stop = _line_pieces(el, start, before)
    if words < FLOWING_WORDS:
        return False, stop
    for (_, end, linked), (opening, _, links) in pairwise(pieces):
        if (linked or links) and (
            _RUN_JOINS_AFTER.search(end) is not None or _RUN_JOINS_BEFORE.match(opening) is not None
        ):
            return True, stop
    return False, stop


def _edge_text(el: etree._Element, *, first: bool) -> str:
    """The text node at ``el``'s start (``first``) or end, when it holds words: empty when only
    whitespace stands there, the markup's own indent between a tag and the next."""
    node = el
    while True:
        if first:
            text = node.text or ""
            if text or not len(node):
                return text if text.strip() else ""
            node = node[0]
            if not isinstance(node.tag, str):
                return ""  # (a comment: no words of the run)
        else:
            if not len(node):
                text = node.text or ""
                return text if text.strip() else ""
            last = node[len(node) - 1]
            tail = last.tail or ""
            if tail or not isinstance(last.tag, str):
                return tail if tail.strip() else ""
            node = last


_RUN_JOINS_AFTER = re.compile(r"(?:[^\s:] |[(\[{“‘„«¿¡])\Z")
"""The end of a run written to flow into the next: a word and one space ("receives "), or an
opening mark ("... consistently ("). A label's colon and space ("Reading time: ", "You are
here: ") joins nothing: a label and its value are a row's item, judged as one by the rules."""

_RUN_JOINS_BEFORE = re.compile(r" \S|[.,;:!?)\]}%’”…]")
"""The start of a run written to flow from the one before: one space and a word (" engaged."),
or a closing mark (", by ", ")")."""

_UNSPACED = re.compile("[\u0e00-\u0e7f\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]")
"""Characters of scripts written without spaces between words (Chinese, Japanese, Thai; Korean
between a word and its particle): a space the markup does not put there splits a word
(``元タレントの<a>中居正広</a>氏``)."""


def _run_text(parts: list[str]) -> str:
    """The text of a run of loose text and inline elements, as a browser lays it out: the parts
    close up where one of them ends inside a word or the next opens with a closing mark (an
    editor's spans split words and sentences anywhere: ``child<span>ren</span>``), a space
    elsewhere (runs written without whitespace between them are mostly separate items styled
    as blocks: ``<span>May 5</span><span>John Smith</span>``)."""
    text = ""
    for part in parts:
        if not part:
            continue
        if text and not text[-1].isspace() and not part[0].isspace():
            after, first = text[-1], part[0]
            if not (
                (after.isalnum() and first.islower())
                or first in _GLUED_AFTER
                or after in _GLUED_BEFORE
                or _UNSPACED.match(after)
                or _UNSPACED.match(first)
            ):
                text += " "
        text += part
    return " ".join(text.split())


LAYOUT_CELL_CHARS = 200
"""A table cell with this much text holds a page's column or paragraphs, not a datum."""


def _layout_table(table: etree._Element) -> bool:
    """A table used to lay the page out (a table inside it, a cell holding a column of text,
    or a single cell: a table of figures has two at least) is walked like a container: as one
    ``cell | cell`` block, the text of every nested table would come out once per enclosing
    level, and a one-cell table's line (a box's label, a paragraph written without ``<p>``, as
    the pages of 2000-2008 wrap every box) would be a table's, not a paragraph the cleaners
    judge as one."""
    if next(table.iterdescendants("table"), None) is not None:
        return True
    cells = table.iterdescendants("td", "th")
    if next(cells, None) is None or next(cells, None) is None:
        return True
    return any(len(text_content(cell)) >= LAYOUT_CELL_CHARS for cell in table.iterdescendants("td", "th"))


def _has_block_child(el: etree._Element) -> bool:
    # A <figure> too: a gallery's list items hold an image and its caption, left out as captions.
    found = _block_children(el)
    return bool(found) and not (_one_line_box(el, found) and _beside_alike_item(el))


_ITEM_BLOCKS = frozenset(["p", "ul", "ol", "div", "figure"])


def _block_children(item: etree._Element) -> list[etree._Element]:
    return [c for c in item if isinstance(c.tag, str) and c.tag.lower() in _ITEM_BLOCKS]


def _one_line_box(item: etree._Element, found: list[etree._Element]) -> bool:
    """Whether the list item ``item`` is one ``<div>`` of inline markup shorter than a paragraph
    (:data:`~newsclean.cleaners.content.DIV_PARAGRAPH`) and nothing else (its other children
    hold no text; ``found``: its block children): a wrapper of the item's line. A longer one is
    a paragraph inside the item, its runs its own lines (a product's name, its price, its blurb)."""
    if len(found) != 1 or found[0].tag != "div" or (item.text or "").strip() or (found[0].tail or "").strip():
        return False
    if len(text_content(found[0]).strip()) >= DIV_PARAGRAPH or holds_any(found[0], _HOLDING_BLOCKS):
        return False
    return all(c is found[0] or not isinstance(c.tag, str) or not text_content(c).strip() for c in item)


def _beside_alike_item(item: etree._Element) -> bool:
    """Whether the item just before or after ``item`` in its list is one ``<div>`` of inline
    markup too (:func:`_one_line_box`): a list whose items are each written as one ``<div>``
    (``<li><div>organic cotton</div></li>``, as a heading inside an item reads once a page
    writes headings as bold lines) is a list of items, each the item's text, not paragraphs
    inside them. An item alone so (a byline's name in a row of share buttons) is still a box."""
    for preceding in (True, False):
        near = next((s for s in item.itersiblings(preceding=preceding) if isinstance(s.tag, str)), None)
        if near is not None and near.tag == "li" and _one_line_box(near, _block_children(near)):
            return True
    return False


def _join_parts(parts: list[etree._Element]) -> etree._Element:
    """One container holding copies of several matches of a body selector, in page order.

    A selector list (``"div.preamble, div.body-text"``) can name an article's text spread
    over sibling elements; matches inside another match are not repeated.
    """
    holder = lxml.html.Element("div")
    kept: list[etree._Element] = []
    for part in parts:
        if any(part in set(outer.iterdescendants()) for outer in kept):
            continue
        kept.append(part)
        holder.append(deepcopy(part))
    return holder


def _path(el: etree._Element | None) -> str:
    """The path of ``el`` from the root, in the form blocks carry (``html/body/div.main``)."""
    steps: list[str] = []
    while el is not None:
        steps.append(_step(el))
        el = el.getparent()
    return "/".join(reversed(steps))


def _main_blocks(
    tree: etree._Element,
    origins: list[Origin] | None = None,
    scope: list[etree._Element] | None = None,
    log: RegionLog | None = None,
    ld_body: str = "",
    evidence: Evidence | None = None,
    headline: str = "",
    chose: list[str] | None = None,
    description: str = "",
    day: date | None = None,
    premeasured: tuple[dict[etree._Element, _Stats], list[etree._Element]] | None = None,
) -> list[Block]:
    """Blocks of the page's main content, found by :mod:`newsclean.cleaners.content`; the
    elements chosen go to ``scope`` when given, and ``log`` receives the regions left out.
    ``ld_body``, the page's JSON-LD ``articleBody``, cross-checks the choice (see
    :func:`_ld_holder`). ``evidence``, when given, receives the scorer's measurements of its
    choice for the learned selector. ``headline``, the page's, lets a post made of links keep
    them (see :func:`~newsclean.cleaners.content.prune`) and anchors a short post that a box
    elsewhere outscored (see :func:`~newsclean.cleaners.content.headline_post`); ``chose``
    receives the reason when that changed the choice. ``day``, the article's own (see
    :func:`~newsclean.cleaners.threads.reference_day`), lets reader comments stamped with a date
    alone be told by their shape. ``premeasured``: the page's measures, taken when it was parsed
    and unchanged since (see :func:`~newsclean.cleaners.content.strip_page`)."""
    # The whole document, not just <body>: broken markup (a stray </body>) makes lxml put
    # the article after the body, straight under <html>.
    body = tree
    title_el = first_title(tree)
    title = (title_el.text or "") if title_el is not None else ""
    measured = strip_page(body, log, premeasured)
    texts = shown_texts(body)  # (once: the threads' looks for stamps, dates and headings)
    headings = comment_headings(body, measured, texts, (headline, title))  # (once: the threads' and the content's end)
    drop_threads(body, measured, log, day, headings, (headline, title), texts)
    del texts
    drop_consent_panel(body, measured, log)
    stripped = len(log) if log is not None else 0
    main = find_main_content(body, measured)
    main.headlines = (headline, title)
    taken = headline_post(main, body, description)
    if taken is not None:
        if chose is not None and taken.by == TITLE:
            chose.append(
                f"{TITLE_POST}: took the box around it ({_path(taken.post)}) instead of the scorer's choice, "
                f"the heading {taken.heading[:80]!r} ({_path(main.root)}), {taken.why}"
            )
        elif chose is not None:
            chose.append(
                f"{HEADLINE_POST}: took the post holding the {taken.by} {taken.heading[:80]!r} ({_path(taken.post)}) "
                f"instead of the scorer's choice ({_path(main.root)}), {taken.why}"
            )
        parts = with_row_chunks(taken.post, main.stats)
        main = MainContent(taken.post, parts, main.stats, main.worth, main.rival, main.headlines, main.good)
    if evidence is not None:
        page, chosen = main.stats[body], main.stats[main.root]
        evidence.page_chars, evidence.page_prose = page.text, page.prose
        evidence.chosen_chars, evidence.chosen_prose, evidence.chosen_links = chosen.text, chosen.prose, chosen.links
        evidence.worth, evidence.rival, evidence.whole_page = main.worth, main.rival, main.root is body
        evidence.ld_body = ld_body
    if scope is not None:
        scope.extend(main.parts)
    if log is not None:
        log.add_unchosen(body, main.parts, OUTSIDE_MAIN)
    main.thread_heads = frozenset(head for head, _ in headings)
    prune(main, log)
    for part in main.parts:
        cut_after_comments(part, main.stats if part in main.stats else _measure(part), log, headings, main.headlines)
        drop_comments_marks(part, log)
    drop_comments_marks(body)  # (outside the content: left out already)
    blocks: list[Block] = []
    for part in main.parts:
        blocks.extend(blocks_from_element(part, _path(part.getparent()), main_only=True, origins=origins, log=log))
    if ld_body and origins is None:
        better = _ld_holder(body, blocks, ld_body)
        if better is not None:
            # Tried on a copy first: the page and the log change only when it matches better.
            trial = deepcopy(better)
            prune(MainContent(trial, [trial]))
            other = blocks_from_element(trial, _path(better.getparent()), main_only=True)
            if other and _ld_f1(other, ld_body) > _ld_f1(blocks, ld_body):
                if log is not None:
                    log.forget_after(stripped)
                    log.add_unchosen(body, [better], OUTSIDE_LD)
                if chose is not None:
                    chose.clear()
                prune(MainContent(better, [better]), log)
                blocks = blocks_from_element(better, _path(better.getparent()), main_only=True, log=log)
                if scope is not None:
                    scope[:] = [better]
    if not blocks and main.root is not body:
        # Never empty: the whole page's text is better than nothing.
        if log is not None:
            log.forget_after(stripped)
        if chose is not None:
            chose.clear()
        blocks = blocks_from_element(body, _path(body.getparent()), origins=origins)
        if evidence is not None:
            evidence.whole_page = True
    return blocks


CONSENT_PANEL_REST = 250
"""A consent panel :func:`drop_consent_panel` takes leaves at least this much of the page's text
(about forty words) and holds no ``<h1>``: never the wrapper around the article. It may hold most
of the page's text: a preference centre's paragraphs outweigh a short article's."""

CONSENT_PANEL = "a consent panel closing the page (its notice about cookies, its controls and labels)"


def _closing_boxes(root: etree._Element, stats: dict[etree._Element, _Stats]) -> list[etree._Element]:
    """The boxes that close the page, outermost first: the last child of ``root`` showing text,
    its own last child showing text, and so on down."""
    boxes: list[etree._Element] = []
    el = root
    while True:
        last = next(
            (child for child in reversed(el) if isinstance(child.tag, str) and child in stats and stats[child].text),
            None,
        )
        if last is None:
            return boxes
        boxes.append(last)
        el = last


def drop_consent_panel(
    root: etree._Element, stats: dict[etree._Element, _Stats], log: RegionLog | None = None
) -> bool:
    """Drop, in place, a cookie or consent panel that closes the page, before the main content is
    chosen: the outermost of the boxes ending the page (:func:`_closing_boxes`), short of the
    whole page (:data:`CONSENT_PANEL_REST`), whose lines read as a panel
    (:func:`~newsclean.cleaners.consent.reads_as_panel`: short lines, its controls and labels, a
    notice naming cookies), noted in ``log``; the page is measured again. A consent manager's
    preference centre written as plain ``<div>``s with names that mean nothing and no ARIA (pages
    rewritten as old markup, OneTrust's "CCPA Right to Opt-Out" paragraphs, which name no cookie)
    otherwise outweighs a short article, so the element around both is chosen and the panel
    follows the article's text. Returns whether a panel went."""
    page = stats[root].text if root in stats else 0
    boxes = [
        el
        for el in _closing_boxes(root, stats)
        if stats[el].text <= page - CONSENT_PANEL_REST and next(el.iter("h1"), None) is None
    ]
    if not boxes or not names_cookies(text_content(boxes[0])):
        return False  # (most pages: no cookie named in the boxes that close them)
    blocks = blocks_from_element(boxes[0], _path(boxes[0].getparent()))
    for el in boxes:
        path = _path(el)
        inside = path + "/"
        if reads_as_panel([b.text for b in blocks if b.path == path or b.path.startswith(inside)]):
            if log is not None:
                log.add(el, CONSENT_PANEL)
            parent = remove_keeping_tail(el)
            if parent is not None:
                _remeasure(root, stats, [parent])
            return True
    return False


HEADLINE_POST = "the post holding the page's headline"
TITLE_POST = "the post around a heading chosen alone"

OUTSIDE_MAIN = "outside the main content (the element holding most of the page's paragraph text)"
OUTSIDE_LD = "outside the element holding the page's JSON-LD articleBody (the publisher's copy of the text)"

LD_MIN_WORDS = 40
"""A JSON-LD ``articleBody`` this long is the publisher's own copy of the text, good enough to
check the chosen element against."""

LD_SHARE = 0.4
"""An ``articleBody`` shorter than this share of the chosen text is a teaser or a paywall's
first paragraph: it does not narrow the choice."""

LD_COVER = 0.9
"""The element taken instead holds at least this share of the ``articleBody``'s shingles."""

LD_MISSING = 0.5
"""Chosen text holding less than this share of the ``articleBody``'s shingles is the wrong
element (a teaser box, an app promo, a copyright line)."""

LD_CHECKS = 8

_TOKEN = re.compile(r"\w+")


def _ld_article_body(raw: dict[str, Any]) -> str:
    objects = raw.get("jsonld")
    if not isinstance(objects, list):
        return ""
    for obj in objects:
        body = obj.get("articleBody") if isinstance(obj, dict) else None
        if isinstance(body, str) and len(body.split()) >= LD_MIN_WORDS:
            return body
    return ""


def _shingles(text: str) -> list[tuple[str, ...]]:
    """The runs of four words of ``text``, case-folded, in order (``zip`` of the words and the
    words one, two and three on, to the shortest: no slice of the list for each)."""
    tokens = _TOKEN.findall(text.casefold())
    return list(zip(tokens, tokens[1:], tokens[2:], tokens[3:], strict=False))


def _ld_f1(blocks: list[Block], ld_body: str) -> float:
    truth = set(_shingles(ld_body))
    found = set(_shingles(" ".join(b.text for b in blocks)))
    common = len(found & truth)
    return 2 * common / (len(found) + len(truth)) if found and truth else 0.0


def _ld_holder(root: etree._Element, blocks: list[Block], ld_body: str) -> etree._Element | None:
    """The smallest element holding the page's JSON-LD ``articleBody`` when that copy of the
    text says the scorer chose wrong: the chosen text lacks most of it, or holds it with as
    much again beside it (an "about us" box chosen with the article); else ``None``."""
    truth = set(_shingles(ld_body))
    found = _shingles(" ".join(b.text for b in blocks))
    if not truth or not found:
        return None
    covered = len(truth.intersection(found))
    if covered >= LD_COVER * len(truth):
        hits = sum(map(truth.__contains__, found))  # (repeated shingles of the text each count)
        if hits >= 0.8 * len(found) or len(truth) < LD_SHARE * len(found):
            return None  # precise already, or the articleBody is a teaser of the text
    elif covered >= LD_MISSING * len(truth):
        return None
    return _tightest_holder(root, truth)


def _tightest_holder(root: etree._Element, truth: set[tuple[str, ...]]) -> etree._Element | None:
    """The element with the fewest words among those holding :data:`LD_COVER` of ``truth``'s
    shingles (words counted per text node first, shingles checked on the few smallest)."""
    vocabulary = {token for shingle in truth for token in shingle}
    hits: dict[etree._Element, int] = {}
    total: dict[etree._Element, int] = {}
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in NEVER_TEXT:
            continue
        for piece, owner in ((el.text, el), (el.tail, el.getparent())):
            if not piece or owner is None:
                continue
            tokens = _TOKEN.findall(piece.casefold())
            if not tokens:
                continue
            n, h = len(tokens), sum(1 for t in tokens if t in vocabulary)
            node: etree._Element | None = owner
            while node is not None:
                total[node] = total.get(node, 0) + n
                hits[node] = hits.get(node, 0) + h
                node = node.getparent()
    words = len(truth) + 3
    holders = sorted((el for el, h in hits.items() if h >= LD_COVER * words), key=lambda el: total[el])
    for el in holders[:LD_CHECKS]:
        if len(truth & set(_shingles(_text(el)))) >= LD_COVER * len(truth):
            return el
    return None


OUTSIDE_READABILITY = "outside the main content readability-lxml found"


PROSE_WORDS = 20
"""A paragraph with at least this many words and a sentence end is article prose."""

EDGE_MAX_WORDS = 12
"""After the last prose paragraph, blocks this short are page furniture ("Share this",
"Be the first to comment", "Related posts")."""

SENTENCE_WORDS = 6
"""A short block at an edge stays when it is a sentence of at least this many words."""

LEAD_MAX_WORDS = 4
"""Before the first prose paragraph only blocks this short are (byline, "5 min read", "Back
to blog"): an introduction's short first lines are the article's."""

_SENTENCE_END = re.compile(r"[.!?…:;)\]\"'”’»]\s*$")

BYLINE = re.compile(
    r"^(?:(?:medically |expert[- ])?reviewed by|(?:written|posted|published|edited|fact[- ]checked|updated|reported)"
    r" (?:by|on)|on behalf of|last (?:updated|reviewed))\b|^by:?\s+(?-i:[A-Z])|"
    r"^[A-Z][a-z]+\.? \d{1,2}, \d{4}\s+(?:by|·|\||-)|"
    r"\bupdated(?: on)?:?\s+(?:\w+\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|\d{1,2} \w+ \d{4})",
    re.I,
)
"""A line before the article's first paragraph that gives its author or dates ("By Ann Lee –
Updated Mar 5, 2026", "Reviewed by ...", "Published on: February 14, 2025"): metadata,
not text."""

BYLINE_MAX_WORDS = 30

_NAME = r"(?-i:[A-ZÀ-ÖØ-Þ][\w'’.-]*|dpa|afp|ap|apa|epd|kna|sid|efe|ansa|ntb|tt|pap)"
_NAMES = rf"{_NAME}(?:(?:\s*,\s*|\s+(?:und|and|et|y|e|og|och|i|oraz|en)\s+|\s+){_NAME})*"
STAMP = re.compile(
    rf"""^(?:
        (?:von|par|por|di|av|door|af|przez)\s+{_NAMES}|
        (?:autor(?:in|ka)?|author|redaktion)(?:\ of\ the\ article)?\s*:(?:\s*{_NAMES})?|
        .{{0,60}}?\b(?:aktualisiert|ver.ffentlicht|publi.|mis\ .\ jour|publicado|actualizado|aggiornato|pubblicato|
            aktualizacja|publikacja|g.ncelleme|oppdatert|publisert|uppdaterad|publicerad|updated|published)\b
            .{{0,60}}?(?:\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}|\d{{1,2}}:\d{{2}}).{{0,60}}|
        \d+\s*min(?:\.|s|utes?|uten)?\.?(?:\s*(?:lesezeit|lesedauer|read|lecture|lectura|lettura|lesetid|l.sning|czytania))?|
        (?:lesezeit|lesedauer|reading\ time|temps\ de\ lecture)\s*:?\s*\d+.{{0,40}}|
        (?:.{{0,30}}?[\s,|(-])?\d{{1,2}}:\d{{2}}\s*(?:uhr|h|am|pm|a\.m\.|p\.m\.|utc|cet|cest|gmt)\)?|
        \d{{1,2}}:\d{{2}}|
        .{{0,30}}?\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}},?\s+(?:-\s+)?\d{{1,2}}:\d{{2}}
    )$""",
    re.I | re.X,
)
"""A line of the article's credits and stamps, in English and other languages: "von Engin Haupt,
MDR SACHSEN-ANHALT", "Par Les Echos", "Autor: Monika Bolliger", "Von dpa", "Zuerst
veröffentlicht am 06/01/2026 - 14:02", "Publikacja: 02.02.2025 21:52", "Son Güncelleme :
30.04.2024 - 16:49", "3 Min Lesezeit", "Heute, 12:37 Uhr". A name after "von" or "par" is
capitalised words or a news agency: "Von der Leyen unter Druck", "Por qué importa" are
headings; a time is a clock's, with its zone or its date or alone ("2:04:38" in a race's
results is no stamp). (An English "By ..." line counts only before the first paragraph,
:data:`BYLINE`.)"""

STAMP_MAX_WORDS = 12

END_MATTER = re.compile(
    r"about the (?:author|reviewer|writer|expert)s?|author bio|"
    r"meet (?:the|your|our) (?:authors?|testers?|guides?|experts?|writers?)|"
    r"(?:related|recent|popular|more|other|similar|recommended|latest) "
    r"(?:posts|articles|stories|reading|reads|news|content)|"
    r"(?:other|more) (?:posts|articles|stories) you(?:'ll| will| may| might) (?:like|enjoy|love)|"
    r"you (?:may|might|will) also (?:like|enjoy)|read (?:more|next)|up next|keep reading|related|"
    r"(?:article )?sources|citations|bibliography|works cited|how we reviewed this article|"
    r"disclaimer|disclosure|written by|"
    r"(?:(?:contributing|staff|senior|associate|managing|guest|freelance) )?"
    r"(?:writer|editor|contributor|author|reporter|journalist)|"
    r"(?:was|did you find) this (?:(?:article|post|page|content|guide|information) )?(?:helpful|useful)\??|"
    r"how (?:useful|helpful) was this (?:article|post|page)\??|"
    r"(?:click on a star to )?rate (?:this|it)(?: (?:article|post|recipe))?!?",
    re.I,
)
"""A short line that opens what follows an article (the author's bio or its "Contributing
Writer" title, related posts, the sources list, a disclaimer, a "Was this article helpful?"
feedback box); from it to the end is not the article's text."""

END_MATTER_MAX_WORDS = 8
END_MATTER_FROM = 0.5

LINK_LABEL = re.compile(
    r"(?:related|recent|popular|more|other|similar|recommended|latest) "
    r"(?:posts|articles|stories|reading|reads|news|content)|"
    r"(?:other|more) (?:posts|articles|stories) you(?:'ll| will| may| might) (?:like|enjoy|love)|"
    r"you (?:may|might|will) also (?:like|enjoy)|up next|related",
    re.I,
)
"""End-matter lines that label links to other pages ("Related", "Related posts"): such a label
over a box inside the article (its links pruned) is followed by more of the article's text.
("Read more" and "Keep reading" are not among them: on a page that folds its text they are the
button that opens the rest, which the reader has not seen yet.)"""

READ_LABEL = re.compile(r"read (?:more|next|also)|keep reading|more to read", re.I)
"""A heading's words that title a box of links to other pages ("Read More" over teasers set
inside the text). Set as a heading it labels a box; a folded text's button is no heading."""


def _link_label(block: Block) -> bool:
    """Whether ``block`` is a line labelling links to other pages (:data:`LINK_LABEL`, or a
    heading :data:`READ_LABEL` matches), after which the article's own text may go on."""
    line = _line(block)
    return LINK_LABEL.fullmatch(line) is not None or (
        block.kind is BlockKind.HEADING and READ_LABEL.fullmatch(line) is not None
    )


RESUMED_PARAGRAPHS = 2
"""Prose paragraphs in the article's own container after a :data:`LINK_LABEL` line that say the
article goes on after it: the label was an inline box's, not the end matter's."""
"""An end-matter line counts only after this share of the text's words (a "Related" line near
the top is a section of the article)."""


def _is_prose(block: Block) -> bool:
    text = block.text
    return (
        block.kind in (BlockKind.PARAGRAPH, BlockKind.QUOTE)
        and split_count(text) >= PROSE_WORDS
        # A match is the last character before the closing white space: searched from there,
        # not tried at every mark of the paragraph.
        and _SENTENCE_END.search(text, max(0, len(text.rstrip()) - 1)) is not None
    )


def _is_sentence(block: Block) -> bool:
    """A closing line of the article ("Work starts in spring, the council said.")."""
    return (
        block.kind is BlockKind.PARAGRAPH
        and split_count(block.text) >= SENTENCE_WORDS
        and block.text.rstrip().endswith((".", "!", "?", "…", ".”", '."'))
    )


FURNITURE_BEFORE = "furniture before the first paragraph"
FURNITURE_AFTER = "furniture after the last paragraph"
HEADLINE_BEFORE = "the page's <h1> (the headline) before the first paragraph"
HEADLINE_AFTER = "the page's <h1> after the last paragraph"
BYLINE_BEFORE = "byline/date line before the first paragraph"
BYLINE_UNDER = "byline/date line under the standfirst (the first paragraph)"
AUTHOR_BIO = "the author's bio closing the text"
AUTHOR_BIO_INSIDE = "the author's bio, in the text's last part (a paragraph opening with the byline's name)"
AUTHOR_BIO_ABOVE = "the author's bio above the text (a box of its own opening with the byline's name)"
AUTHOR_BIO_LABELLED = "the author's bio above the text (a box of its own under its label, 'About the author')"
AUTHOR_BOX = "the author's box after the text (its line links to the writer's page or labels a bio)"
"""The reasons the ``edges`` cleaner gives for the blocks the extractor marks."""

ABOVE_HEADLINE = "above the page's <h1> (the headline)"
UNDER_SITE_NAME = "between the site's name (the <h1>) and the post's title: a tagline, a date line, a link row"
NOTICE = "a notice asking for scripts or another browser, on a page whose text it does not show"
LEGAL_BEFORE = "copyright or licence notice before the first paragraph"

def _stamp(block: Block) -> bool:
    """Whether ``block`` is a short line of credits or stamps (:data:`STAMP`), no sentence."""
    text = block.text.strip()
    return (
        block.kind is not BlockKind.HEADING
        and split_count(text) <= STAMP_MAX_WORDS
        and not text.endswith((".", "!", "?"))
        and STAMP.fullmatch(text) is not None
    )


def _is_licence(block: Block) -> bool:
    """A legal notice stating the page's terms (:data:`~newsclean.cleaners.notices.LICENCE`): above
    the article's text too it is the page's, where a bare "© Reuters" may be a photo's credit."""
    return licence_notice(block.text)


def _same_box(block: Block, other: Block) -> bool:
    """Whether two blocks share their parent element: an article's opening paragraph that talks
    of a licence ("free for personal, non-commercial use") sits beside the paragraphs it opens."""
    return _parent(block.path) == _parent(other.path)


def _is_print_note(block: Block) -> bool:
    return print_note(block.text)


def _is_legal(block: Block) -> bool:
    return legal_notice(block.text)


def edge_rules(blocks: list[Block], titles: frozenset[str] = frozenset()) -> list[str]:
    """Per block, the rule marking it as outside the article's text, or ``""``: short blocks
    before the first and after the last prose paragraph (the page's ``<h1>`` is the headline,
    never body text), byline lines above the text, the end matter, and boxes after the text
    apart from it in the layout and in their words (:func:`apart_after`). Nothing is marked in
    a document without prose (a list or a table is the whole article then). ``titles``: the
    page's title and its parts (:func:`~newsclean.cleaners.headline_line.title_parts`), which
    tell a site's name printed as the ``<h1>`` from the post's title under it."""
    rules = _trim_rules(blocks, titles)
    for i in apart_after(blocks, [i for i, b in enumerate(blocks) if _is_prose(b)], rules):
        rules[i] = APART_AFTER
    # A script's placeholder or a prompt after the text ("Loading Slideshow", "Most Popular
    # Stories", "Tags: ...") is left to the prompts cleaner, which takes it with the box it opens
    # or heads; the boxes apart from the text were judged without it all the same.
    for i, rule in enumerate(rules):
        if rule == FURNITURE_AFTER and (placeholder(blocks[i]) or prompt_line(blocks[i])):
            rules[i] = ""
    # A line that a comma leaves open ("Dear all,", "Hi folks,") belongs to the block after it:
    # it stays when that block stays (asked from the last block up).
    for i in range(len(blocks) - 2, -1, -1):
        if rules[i] in (FURNITURE_BEFORE, FURNITURE_AFTER) and not rules[i + 1] and _left_open(blocks[i]):
            rules[i] = ""
    return rules


def _left_open(block: Block) -> bool:
    """Whether ``block`` ends with a comma: a salutation or a line the next block completes,
    which page furniture ("Share", "Tags", "Advertisement") does not do. (A colon is no such
    sign: "Related posts:" and "Tags:" end with one too, over lists that stay.)"""
    return block.text.rstrip().endswith(",")


def _post_title(blocks: list[Block], h1: int, first: int, titles: frozenset[str]) -> int:
    """The post's title under a site's name printed as the ``<h1>`` (0 when there is none): when
    the ``<h1>`` (at ``h1``, before the first paragraph of prose at ``first``: a tagline under the
    name may be a sentence) is a part of the page's title
    (``titles``: "Schneier on Security" of "Schneier on Security: Free Online Cryptography
    Course"), the first heading after it and above the text that is another part of the title.
    A headline printed again further down (in a share box, over a picture) is never looked at:
    the first is taken, and only under an ``<h1>`` that is itself a part of the title, neither
    heading holding the other (an ``<h1>`` giving the whole title "Office for Budget
    Responsibility: What is the OBR ..." is the headline, its "What is the OBR ..." subheading a
    section's)."""
    if h1 < 0 or not titles:
        return 0
    name = _fold(blocks[h1].text)
    if name not in titles:
        return 0
    for i in range(h1 + 1, first):
        if blocks[i].kind is BlockKind.HEADING:
            text = _fold(blocks[i].text)
            if text in titles and text not in name and name not in text:
                return i
    return 0


def _trim_rules(blocks: list[Block], titles: frozenset[str] = frozenset()) -> list[str]:
    """:func:`edge_rules` but for the boxes apart from the text."""
    rules = [""] * len(blocks)
    prose = [i for i, b in enumerate(blocks) if _is_prose(b)]
    if not prose:
        return rules
    end = _end_matter_start(blocks)
    if end < len(blocks):
        rule = f"end matter: {_line(blocks[end])!r} and everything after it"
        rules[end:] = [rule] * (len(blocks) - end)
        blocks = blocks[:end]
        prose = [i for i in prose if i < end]  # (a block's own text makes it prose: asked once)
    if not prose:
        return rules
    # A copyright notice after the article's last paragraph closes the page, not the article,
    # however long and sentence-like it is; a licence notice above its first paragraph (a
    # reprint service's terms printed over the headline) opens the page.
    legal = {i for i in prose if _is_legal(blocks[i]) or _is_print_note(blocks[i])}
    real = [i for i in prose if i not in legal]
    if real:
        for i in legal:
            if i > real[-1]:
                rules[i] = PRINT_NOTE_AFTER if _is_print_note(blocks[i]) else LEGAL_AFTER
            elif i < real[0] and _is_licence(blocks[i]) and not _same_box(blocks[i], blocks[real[0]]):
                rules[i] = LEGAL_BEFORE
        prose = [i for i in prose if rules[i] not in (LEGAL_AFTER, LEGAL_BEFORE, PRINT_NOTE_AFTER)]
    flow = {blocks[i].path for i in prose}
    # Short sentences among the article's own paragraphs extend it: a how-to written in short
    # paragraphs keeps its later headings and steps.
    in_prose = set(prose)
    text = [i for i, b in enumerate(blocks) if i in in_prose or (_in_flow(b, flow) and _is_sentence(b))]
    first, last = text[0], text[-1]
    last = _list_run_end(blocks, last, flow)
    last = _introduced_run_end(blocks, last, flow)
    sections = {_parent(path) for path in flow}
    # The headline opens the article: what sits above it is the page's (a site's tagline, a
    # masthead, a row of other headlines).
    headline = next((i for i in range(first) if blocks[i].tag == "h1"), -1)
    title, name = _post_title(blocks, headline, prose[0], titles), -1
    if title:
        # The <h1> is the site's name, the post's title a heading under it: what stands between
        # the two (the blog's tagline, a date line, a row of links) is the page's too.
        name, headline = headline, title
    # Between the first paragraph (a standfirst) and the second: the credits and stamps many
    # sites print under the standfirst ("von Nina Magoley", "Heute, 12:37 Uhr", "3 Min").
    under = range(prose[0] + 1, prose[1]) if len(prose) > 1 else range(0)
    for i, block in enumerate(blocks):
        edge = i < first or i > last
        if i < headline and not _is_prose(block):
            rules[i] = UNDER_SITE_NAME if i > name >= 0 else ABOVE_HEADLINE
            continue
        if i > last and _is_legal(block):
            rules[i] = LEGAL_AFTER
            continue
        if i > last and _is_print_note(block):
            rules[i] = PRINT_NOTE_AFTER
            continue
        if i < first and _is_licence(block) and not _same_box(block, blocks[first]):
            rules[i] = LEGAL_BEFORE
            continue
        short = split_count(block.text) <= (EDGE_MAX_WORDS if i > last else LEAD_MAX_WORDS)
        if i < first and split_count(block.text) <= BYLINE_MAX_WORDS and BYLINE.search(block.text.strip()):
            rules[i] = BYLINE_BEFORE
        elif (i < first or i in under) and _stamp(block):
            rules[i] = BYLINE_BEFORE if i < first else BYLINE_UNDER
        elif edge and block.tag == "h1":
            rules[i] = HEADLINE_BEFORE if i < first else HEADLINE_AFTER
        elif (
            edge
            and short
            and block.kind is not BlockKind.LIST_ITEM
            and not _is_sentence(block)
            and not _in_flow(block, flow)
            and not _opens_section(blocks, i, last, sections)
        ):
            rules[i] = FURNITURE_BEFORE if i < first else FURNITURE_AFTER
    for i in _labelled_bio_above(blocks, first):
        rules[i] = AUTHOR_BIO_LABELLED
    return rules


def _labelled_bio_above(blocks: list[Block], first: int) -> list[int]:
    """The author's bio above the text under its label (:data:`BIO_LABEL`): the label and what
    follows it in its own box, before the first paragraph of the text. The box is not the
    text's own container (a section titled "About the author" inside the article is the
    article's) and holds at most :data:`BIO_MAX_WORDS` words after the label (a bio, not a
    profile page)."""
    for i in range(first):
        if split_count(blocks[i].text) > END_MATTER_MAX_WORDS or BIO_LABEL.fullmatch(_line(blocks[i])) is None:
            continue
        box = _parent(blocks[i].path) + "/"
        if not blocks[i].path or blocks[first].path.startswith(box):
            return []
        run = [j for j in range(i + 1, first) if blocks[j].path.startswith(box)]
        if not run or sum(split_count(blocks[j].text) for j in run) > BIO_MAX_WORDS:
            return []
        return [i, *run]
    return []


LIST_RUN = 4
"""This many short lines in a row (no sentence among them), in the article's own container,
just after its last prose paragraph are a list written as paragraphs (a track list, screening
dates), not furniture."""


ADDRESS = re.compile(r"https?://|www\.|(?<!\w)@\w")
_LINK_TEXT = re.compile(r"<a\b[^>]*>(.*?)</a>", re.S | re.I)
_TAGS = re.compile(r"<[^>]+>")

LIST_ENTRY_WORDS = 6
"""A line pointing elsewhere of this many words or more may be an entry of the list it stands in
(a cinema and its ticket links), not a pointer closing it ("Follow us on Facebook")."""

RUN_LINKS = 0.3
"""A line with more link text than this share, or an address in it, is a pointer elsewhere
("Follow us on Facebook, YouTube", "Twitter: @name"): it ends a run of list lines."""


def _addressed(block: Block) -> bool:
    if ADDRESS.search(block.text):
        return True
    linked = sum(len(_TAGS.sub("", m).strip()) for m in _LINK_TEXT.findall(block.html))
    return linked > RUN_LINKS * len(block.text.strip())


def _list_run_end(blocks: list[Block], last: int, flow: set[str]) -> int:
    """The index of the last block of the run of paragraph lines (``<p>``s, or lines between
    ``<br>``s) that follows block ``last`` in the article's own container (a path in
    ``flow``) when the run holds at least
    :data:`LIST_RUN` lines, else ``last``: page furniture after the text is a line or two
    ("Share this", "Tags: ..."), or sits in boxes of its own. A sentence or a long line ends
    the run, and so does a line pointing elsewhere (:func:`_addressed`) unless it is one of the
    list's entries: :data:`LIST_ENTRY_WORDS` words or more with the list going on under it
    ("Dallas, TX – Landmark Inwood Theatre (Friday Tickets, Saturday Tickets)" between two
    cinemas with one link each), at most half of the run's lines."""
    end = last
    pointers = 0
    while end + 1 < len(blocks):
        line = blocks[end + 1]
        if (
            line.kind is not BlockKind.PARAGRAPH
            or line.path not in flow
            or split_count(line.text) > EDGE_MAX_WORDS
            or _is_sentence(line)
        ):
            break
        if _addressed(line):
            if split_count(line.text) < LIST_ENTRY_WORDS:
                break
            pointers += 1
        end += 1
    while end > last and _addressed(blocks[end]):  # the list's entries go on under a pointer
        end -= 1
        pointers -= 1
    if end - last < LIST_RUN or 2 * pointers > end - last:
        return last
    return end


def _introduced_run_end(blocks: list[Block], last: int, flow: set[str]) -> int:
    """The index of the last of the short lines that follow a line introducing them
    (:func:`introduces`: "Here are the places we'll visit:") in the article's own container,
    when that line is block ``last`` or one of the :data:`INTRO_REACH` lines after it there;
    else ``last``. What a sentence announces is the article's, however short its lines and
    however many of them are links (a list of places, of names, of posts written as
    paragraphs), in the article's container or in a box of their own after it. A long line,
    a heading or anything else that is no paragraph ends the run."""
    for start in range(last, min(last + INTRO_REACH + 1, len(blocks))):
        if blocks[start].path not in flow:
            break
        if not introduces(blocks[start].text):
            continue
        end = start
        while end + 1 < len(blocks):
            line = blocks[end + 1]
            if line.kind not in (BlockKind.PARAGRAPH, BlockKind.LIST_ITEM) or split_count(line.text) > EDGE_MAX_WORDS:
                break
            end += 1
        return end
    return last


INTRO_REACH = 3
"""How many lines after the article's last paragraph :func:`_introduced_run_end` looks for the
line introducing what follows (the lines between are kept: sentences, a line too long to be
furniture)."""


def _opens_section(blocks: list[Block], i: int, last: int, sections: set[str]) -> bool:
    """Whether block ``i`` is a heading beside the article's own paragraphs that opens a
    section: before the first of them ("What is rustc_codegen_gcc?"), or after the last, over a
    list (a roundup's brand over its features)."""
    block = blocks[i]
    if block.kind is not BlockKind.HEADING or _parent(block.path) not in sections:
        return False
    return i < last or (i + 1 < len(blocks) and blocks[i + 1].kind is BlockKind.LIST_ITEM)


def _parent(path: str) -> str:
    return path.rsplit("/", 1)[0]


BIO_LABEL = re.compile(
    r"about (?:the|this|our) (?:author|writer|reviewer|expert|contributor|columnist)s?|author(?:'s)? bio(?:graphy)?|"
    r"(?:über|zum|zur) (?:den |die )?autor(?:in|en)?|à propos de l['’]auteur(?:e)?|sobre (?:el |la )?autor(?:a)?|"
    r"sull['’]autore|om (?:skribenten|forfatteren|författaren|skribenten)|o autorze|over de auteur",
    re.I,
)
"""A label over the author's bio ("About the author", "Über den Autor", "À propos de l'auteur")."""

ABOUT_SOMEONE = re.compile(r"About (?:[A-Z][\w'’.-]*\s?){2,3}")
"""A bio's title naming its author ("About Sara Harberson"): two or three capitalised words."""

BIO_MAX_WORDS = 150
"""An "About <name>" line ends the article only with at most this many words after it (a bio,
not a section per book or product)."""


def _end_matter_line(text: str, bio_room: int) -> bool:
    """Whether ``text`` opens the end matter; ``bio_room``: the words after it when it may title
    a bio, else 0."""
    if END_MATTER.fullmatch(text) is not None:
        return True
    return 0 < bio_room <= BIO_MAX_WORDS and ABOUT_SOMEONE.fullmatch(text) is not None


def _end_matter_start(blocks: list[Block]) -> int:
    """Where the end matter starts: the first end-matter line in the last half of the text
    (``END_MATTER``); ``len(blocks)`` when there is none."""
    total = sum(split_count(b.text) for b in blocks)
    # "About <name>" titles a bio only when it is the one such line: a roundup has one per book.
    abouts = sum(1 for b in blocks if ABOUT_SOMEONE.fullmatch(_line(b)) is not None)
    seen = 0
    for i, block in enumerate(blocks):
        words = split_count(block.text)
        if (
            seen >= END_MATTER_FROM * total
            and words <= END_MATTER_MAX_WORDS
            and block.kind is not BlockKind.LIST_ITEM
            and _end_matter_line(_line(block), total - seen - words if abouts == 1 else 0)
            and not (_link_label(block) and _text_resumes(blocks, i))
        ):
            return i
        seen += words
    return len(blocks)


def _text_resumes(blocks: list[Block], i: int) -> bool:
    """Whether at least :data:`RESUMED_PARAGRAPHS` prose paragraphs after block ``i`` sit in a
    container holding the article's prose before it: its text goes on past the line."""
    flow = {b.path for b in blocks[:i] if _is_prose(b)}
    return sum(1 for b in blocks[i + 1 :] if b.path in flow and _is_prose(b)) >= RESUMED_PARAGRAPHS


def _line(block: Block) -> str:
    return block.text.strip().rstrip(".:…").strip()


BIO_MAX_TAIL = 150
"""An author's bio closes the text: at most this many words from it to the end."""

BIO_FROM = 0.5
"""A bio with more after it (a contact form, a list of other posts) is found only after this
share of the text's words: the article's own paragraph about its writer comes early."""

BIO_MAX_WORDS_ALONE = 120
"""A bio with more after it is one paragraph of at most this many words, and only it goes (with
the name and role lines just above it): what follows is judged by the other rules."""

BIO_VERBS = (
    r"(?:is|was|has|holds|writes|covers|joined|lives|loves|works|leads|specializes|specialises|"
    # The same few verbs in the languages of the news sites measured (German, French, Spanish,
    # Italian, Portuguese, Dutch, the Nordic languages, Polish): "Manuela Conrad ist
    # ZDF-Reporterin", "Anne-Marie Slaughter war Direktorin", "Jean Dupont est journaliste".
    r"ist|war|hat|schreibt|arbeitet|lebt|leitet|berichtet|est|était|écrit|travaille|"
    r"es|fue|era|escribe|trabaja|è|scrive|lavora|é|foi|escreve|trabalha|"
    r"heeft|schrijft|werkt|är|er|var|har|skriver|jest|był|była|pisze)"
)
"""The verbs that open a bio after its writer's whole name."""

FIRST_NAME_BIO = re.compile(
    r"(?:is|was) (?:a|an|the|our|one)\b|has (?:been|over|more|written|worked|spent|covered|\d)|"
    r"(?:joined|founded|co-founded|started|leads|oversees|writes|covers|specializes|specialises|manages)\b"
)
"""After the byline's first or last name alone, the words that open a bio ("Sam is the VP of
Marketing at ...", "Sarah joined the Society in 2014"); a company credited as the author ("QCY
is already ...", "Method has also deployed ...") says something else after its name."""

HONORIFIC = re.compile(r"(?:dr|mr|mrs|ms|prof)\.? ", re.I)


GREETING = re.compile(r"(?:hi|hello|hey)(?: there)?[,!]*\s*i[’']?m (?-i:[A-Z])", re.I)
"""A bio introducing its writer ("Hi there! I'm Shivya", "Hey, I'm Jessica!"); "I'm Jack" and
"Meet Nancy, our fashion lover" count when the name is the byline's."""


def _author_bio_start(blocks: list[Block], names: list[str]) -> int:
    """Where the author's bio at the end of the text starts (``len(blocks)`` when there is
    none): a paragraph opening with the byline's name and a verb ("Karina Cohen is the owner of
    ...", "Karina is the owner of ...") or with a writer's greeting ("Hi, I'm Jack"), with the
    short name or role lines just above it. The bios of co-authors stack (Redfin's two
    economists, a bio printed twice): each one found, another may end within
    :data:`BIO_MAX_TAIL` words above its start."""
    people = _people(names)
    start, tail = len(blocks), 0
    i = len(blocks) - 1
    while i >= 0:
        tail += split_count(blocks[i].text)
        if tail > BIO_MAX_TAIL:
            break
        if blocks[i].kind is BlockKind.PARAGRAPH and _opens_bio(blocks[i].text, people):
            above = _above_bio(blocks, i)
            if not above:
                break  # (bios all the way up: the page is about its writers)
            start, tail, i = above, 0, above
        i -= 1
    return start


def _author_bio_blocks(blocks: list[Block], names: list[str]) -> list[int]:
    """The blocks of the author's bio: from :func:`_author_bio_start` to the end when it closes
    the text; else a bio paragraph in the text's last part with more after it (a contact box, a
    list of other posts), alone with its name and role lines. One such bio at most: a roundup of
    people has a paragraph per person, each opening with a name."""
    start = min(_author_bio_start(blocks, names), _titled_bio_start(blocks))
    if start < len(blocks):
        return list(range(start, len(blocks)))
    people = _people(names)
    if not people:
        return []
    total = sum(split_count(b.text) for b in blocks)
    seen, found = 0, []
    for i, block in enumerate(blocks):
        words = split_count(block.text)
        if (
            seen >= BIO_FROM * total
            and block.kind is BlockKind.PARAGRAPH
            and words <= BIO_MAX_WORDS_ALONE
            and _opens_bio(block.text, people)
        ):
            found.append(i)
        seen += words
    start = _above_bio(blocks, found[0]) if len(found) == 1 else 0
    return list(range(start, found[0] + 1)) if start else []


NAME_LINE = re.compile(r"[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){1,3}")
"""A line that is a name alone ("John Nichols", "Sarah Knowles MW"): two to four capitalised
words."""

BIO_PROSE_WORDS = 25
"""After a bio under its writer's name line, no paragraph this long ending a sentence: the
article goes on (a section on one artist among others, then the next)."""


def _titled_bio_start(blocks: list[Block]) -> int:
    """Where a bio under its writer's name line closes the text (``len(blocks)`` when none),
    for pages whose metadata names no writer, or another: a name line, at most one short role
    line, then a paragraph opening with that name, in its own case, and a verb ("John Nichols"
    over "John Nichols is a national affairs correspondent ...", "Sarah Knowles MW" over "Sarah
    joined The Society in 2014 ...", "I'm Stephen, a content writer"), at most
    :data:`BIO_MAX_TAIL` words from the name line to the end and no paragraph of prose after
    it. The pair must be the text's only one: a roundup of people or tools ("Project Jupyter"
    over "Project Jupyter is a tool ...") has one per item; and a heading naming a topic opens
    its paragraph in another case ("In-House Catering" over "In-house catering is ...")."""
    pairs: list[tuple[int, int]] = []
    for i in range(len(blocks) - 1):
        name = blocks[i].text.strip()
        if blocks[i].kind is BlockKind.LIST_ITEM or NAME_LINE.fullmatch(name) is None:
            continue
        j = i + 1
        if j + 1 < len(blocks) and len(blocks[j].text.split()) <= 5 and not blocks[j].text.rstrip().endswith(_CLOSES):
            j += 1  # a role line ("Enterprise Sales Executive")
        if blocks[j].kind is BlockKind.PARAGRAPH and _opens_titled_bio(blocks[j].text, name):
            pairs.append((i, j))
    if len(pairs) != 1:
        return len(blocks)
    i, j = pairs[0]
    if sum(split_count(b.text) for b in blocks[i:]) > BIO_MAX_TAIL or any(
        split_count(b.text) >= BIO_PROSE_WORDS and b.text.rstrip().endswith(_CLOSES) for b in blocks[j + 1 :]
    ):
        return len(blocks)
    return _above_bio(blocks, i) or len(blocks)


def _opens_titled_bio(text: str, name: str) -> bool:
    """Whether ``text`` opens a bio of ``name``, written as the name line writes it: the whole
    name and a verb, the first or last name alone and a bio's words, or "I'm <first name>"."""
    honorific = HONORIFIC.match(text)
    start = honorific.end() if honorific else 0
    if text.startswith(name, start) and _BIO_VERB.match(text, start + len(name)):
        return True
    parts = name.split()
    for part in (parts[0], parts[-1]):
        if text.startswith(part + " ", start) and FIRST_NAME_BIO.match(text, start + len(part) + 1):
            return True
    me = _I_AM.match(text)
    return me is not None and me.group(1) == parts[0]


def _above_bio(blocks: list[Block], i: int) -> int:
    """The first of the short name and role lines just above the bio at ``i`` ("Lauren Vetter",
    "SEO Copywriter"), or ``i``."""
    while i > 0 and _name_or_role(blocks[i - 1]):
        i -= 1
    return i


def _name_or_role(block: Block) -> bool:
    """Whether ``block`` may be a bio's name or role line: at most five words, no sentence."""
    return len(block.text.split()) <= 5 and not block.text.rstrip().endswith(_CLOSES)


_CLOSES = (".", "!", "?", "…", ".”", '."')
"""A line ending so closes the article ("Happy practicing!"), however short: no name or role."""


_BIO_VERB = re.compile(rf",? {BIO_VERBS}\b", re.I)
_I_AM = re.compile(r"(?:i[’']?m|meet) (\w+)", re.I)


APPOSITIVE = re.compile(r"(?:an?|the) [^,.;:!?]{3,80}, ", re.I)
"""What the writer is, said before the name ("A 38-year industry veteran and award-winning
journalist, Lance has covered technology since ..."): a bio may open so."""


def _people(names: Sequence[str]) -> list[str]:
    """The names a bio may open with, each once: a writer's whole name. (A byline of one word,
    "Heather" or "Harbour", may be a company's, whose name opens the article's own sentences.)"""
    return list(dict.fromkeys(n.strip() for n in names if len(n.split()) >= 2))


ABOUT_LABEL = re.compile(r"(?:about the (?:author|writer)|author bio)\s*[:–—-]\s*", re.I)
"""A bio's label written into its paragraph ("About the Author: Derek Halpern is ...")."""

NAME_AGAIN = re.compile(r"(?:(?<!\s)\s+)?[/|–—-]\s*")
"""Between an author box's name and its bio naming the writer again ("Lee Hutchinson / Lee is
the Senior Reviews Editor", "Ta-Nehisi Coates - Ta-Nehisi Coates is a senior editor"). Asked
right after the name; spaces are read from the first of their run only (a look-behind for no
space), which keeps a search over a long run of them linear."""

HANDLE = re.compile(r" \((?:@\w+|[^()]{1,20})\)")
"""The writer's handle or a short note after the name ("Jon Bloom (@Bloom_Jon) is President of
...", "Anne-Marie Slaughter (*1958) war Direktorin ...")."""


def _opens_bio(text: str, people: list[str]) -> bool:
    """Whether ``text`` opens a bio of one of ``people``: the name and a verb (maybe after an
    honorific, a description, a handle, or the name given twice), the first or last name alone
    and a bio's words, a writer's greeting, or a bio's label ("About the Author:")."""
    if GREETING.match(text) or ABOUT_LABEL.match(text):
        return True
    honorific = HONORIFIC.match(text)
    starts = [honorific.end() if honorific else 0]
    described = APPOSITIVE.match(text)
    if described is not None:
        starts.append(described.end())
    folded = text.casefold()
    for name in people:
        parts = name.split()
        for start in starts:
            if folded.startswith(name.casefold(), start):
                end = start + len(name)
                handle = HANDLE.match(text, end)
                if _BIO_VERB.match(text, handle.end() if handle else end):
                    return True
                again = NAME_AGAIN.match(text, end)
                if again is not None and _opens_bio(text[again.end() :], [name]):
                    return True
            for part in (parts[0], parts[-1]):
                # The writer named alone: the whole word, in the name's own case ("Sam is the VP").
                if text.startswith(part + " ", start) and FIRST_NAME_BIO.match(text, start + len(part) + 1):
                    return True
    me = _I_AM.match(text)
    return me is not None and any(me.group(1).casefold() == n.split()[0].casefold() for n in people)


PROFILE_LINK = re.compile(
    rf"/(?:{'|'.join(WRITER_PAGES)})s?/(?:\d+[_-])?"
    r"([a-z]{2,}(?:[-_][a-z]{2,}){1,2})/?[\"']"
)
"""A link to a writer's own page, its last step their name ("/author/anthony-ha/",
"/user/10009962_joel-feder"): blog engines and newsrooms link every byline and author box so,
and the address stays when class names say nothing (a link reading "View Staff Page")."""

NAMED_OPENING = re.compile(
    rf"(?:(?i:{HONORIFIC.pattern}))?[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+){{1,3}}(?: \(@\w+\))?"
    rf"(?:\s*[/|–—-]\s*|,? {BIO_VERBS}\b)"
)
"""A paragraph opening as a bio may ("Anthony Ha is a writer ...", "Lee Hutchinson / Lee is
..."): only then are the page's links to writers' pages looked for."""


_PROFILE_LINK_UTF8 = re.compile(
    PROFILE_LINK.pattern.replace(r"(?:\d+[_-])?", r"(?:(?:[0-9]|[\x80-\xff])+[_-])?", 1).encode("ascii")
)
""":data:`PROFILE_LINK` in a page's UTF-8: its ``\\d`` (any decimal digit) read as an ASCII
digit or any byte of another character. Every match of the pattern in the text is one here,
at the same place; one here holding a byte outside ASCII may be none there."""


def _profile_names(page: PageText) -> list[str]:
    """The writers the page links to their own pages ("/author/anthony-ha/" -> "Anthony Ha"),
    read from the page's source: the links may sit in boxes the extraction has pruned. Read in
    the page's UTF-8 when it has it (no text decoded): the pattern's other characters are
    ASCII, found in UTF-8 as in the text; a match there that holds other bytes is read again
    in the text."""
    slugs: list[str] = []
    if page.utf8 is not None:
        for m in _PROFILE_LINK_UTF8.finditer(page.utf8):
            if not m.group().isascii():
                break
            slugs.append(m.group(1).decode("ascii"))
        else:
            return _writers(slugs)
    return _writers([m.group(1) for m in PROFILE_LINK.finditer(page.text)])


def _writers(slugs: list[str]) -> list[str]:
    found = dict.fromkeys(slugs)
    return [" ".join(part.capitalize() for part in re.split(r"[-_]", slug)) for slug in found]


BIO_ABOVE_WORDS = BIO_MAX_WORDS_ALONE
"""A bio above the text is one paragraph of at most this many words."""


def _lead_bio_blocks(blocks: list[Block], names: list[str]) -> list[int]:
    """The author's bio printed above the text (an author box under the headline): a paragraph
    before the first of the text's own paragraphs, in a box of its own (not the text's
    container), opening with the byline's or a linked writer's name and a verb, with the short
    name and role lines of its box just above it. An article opening with its writer ("Russell
    Miller is a product builder, and this is what he learned") does so in its own container."""
    people = _people(names)
    prose = [i for i, b in enumerate(blocks) if _is_prose(b)]
    if not people or len(prose) < 2:
        return []
    words: dict[str, int] = {}
    for i in prose:
        words[blocks[i].path] = words.get(blocks[i].path, 0) + split_count(blocks[i].text)
    container = max(words, key=words.__getitem__)  # the text's own: most of its prose
    first = next(i for i in prose if blocks[i].path == container)
    for i in range(first):
        block = blocks[i]
        if (
            block.kind is BlockKind.PARAGRAPH
            and block.path != container
            and split_count(block.text) <= BIO_ABOVE_WORDS
            and _opens_bio(block.text, people)
        ):
            box = _parent(block.path) + "/"
            start = i
            while start > 0 and blocks[start - 1].path.startswith(box) and _name_or_role(blocks[start - 1]):
                start -= 1
            return list(range(start, i + 1))
    return []


HREF = re.compile(r"""\bhref\s*=\s*["']([^"'<>]*)""", re.I)
"""A link's address in a block's cleaned HTML."""

def _links_writer_page(block: Block) -> bool:
    """Whether ``block``'s HTML links to a writer's own page (:func:`writer_page`)."""
    return any(writer_page(m.group(1)) for m in HREF.finditer(block.html))


def _author_box_line(block: Block) -> bool:
    """Whether ``block`` may head an author's box: a short line, no sentence, that links to a
    writer's own page or labels a bio ("About the author", "ABOUT ANNIE DOWNS")."""
    if split_count(block.text) > NAME_LINE_WORDS or block.text.rstrip().endswith(_CLOSES):
        return False
    line = _line(block)
    return (
        _links_writer_page(block)
        or BIO_LABEL.fullmatch(line) is not None
        or ABOUT_SOMEONE.fullmatch(line.title()) is not None
    )


def _boxed_bio_blocks(blocks: list[Block], rules: list[str]) -> list[int]:
    """The author's box after the text, told by its structure when no name opens its bio: short
    lines that link to the writer's own page or label a bio (:func:`_author_box_line`), after
    the last paragraph of the text's own container (the one holding most of its prose), all in
    one box of their own, with the blocks of that box around them: at least one paragraph and at
    most :data:`BIO_MAX_WORDS` words in all. Such lines in two boxes or more after the text are
    a roundup of people, each linked to a page of its own. The text's paragraphs are those no
    ``rules`` mark; the box's lines may be marked already (its name line as a heading after the
    text)."""
    prose = [i for i, b in enumerate(blocks) if not rules[i] and _is_prose(b)]
    if len(prose) < 2:
        return []
    words: dict[str, int] = {}
    for i in prose:
        words[blocks[i].path] = words.get(blocks[i].path, 0) + split_count(blocks[i].text)
    container = max(words, key=words.__getitem__)
    last = max(i for i in prose if blocks[i].path == container)
    lines = [i for i in range(last + 1, len(blocks)) if _author_box_line(blocks[i])]
    boxes = {_parent(blocks[i].path) for i in lines}
    if len(boxes) != 1:
        return []
    box = boxes.pop()
    if box == _parent(container):
        return []
    inside = box + "/"
    start, end = lines[0], lines[-1]
    while start > last + 1 and blocks[start - 1].path.startswith(inside):
        start -= 1
    while end + 1 < len(blocks) and blocks[end + 1].path.startswith(inside):
        end += 1
    found = range(start, end + 1)
    if sum(split_count(blocks[i].text) for i in found) > BIO_MAX_WORDS or not any(
        blocks[i].kind is BlockKind.PARAGRAPH and split_count(blocks[i].text) > NAME_LINE_WORDS for i in found
    ):
        return []
    return list(found)


def _in_flow(block: Block, flow: set[str]) -> bool:
    """A paragraph among the article's own paragraphs that ends a sentence: a short real
    paragraph ("He denied the charges."), not furniture beside the text."""
    return (
        block.kind is BlockKind.PARAGRAPH
        and block.path in flow
        and block.text.rstrip().endswith((".", "!", "?", "…", ".”", '."'))
    )


MAIN_CONTENT_FINDERS = ("scorer", "readability", "selected")
"""How the main content is found when no site profile names the body: ``scorer`` (newsclean's
own, on the single parse; the default), ``readability`` (readability-lxml's, for comparison or
for pages where a user prefers it) or ``selected`` (the scorer's, cross-checked against
readability-lxml's candidate by the learned selector of :mod:`newsclean.cleaners.selector` when
its choice is unsure; measured across collections it does not beat the scorer alone, see
``docs/quality.md``)."""

SCORER = "newsclean's scorer"
READABILITY = "readability-lxml's candidate"


def _cross_check(
    html: str, evidence: Evidence, blocks: list[Block], force: bool, probe: dict[str, Any] | None
) -> tuple[Choice | None, list[Block], etree._Element | None]:
    """Whether readability-lxml's candidate should replace the scorer's ``blocks``: run only
    when the gate finds the scorer's choice unsure (always with ``force``). Gives the choice
    made (``None`` without a model), readability's blocks and the page they were found on."""
    model = load_model()
    if model is None and probe is None:
        return None, [], None
    cheap = cheap_features(evidence, blocks)
    unsure = model.gate.probability(cheap) if model is not None else 0.0
    if probe is not None:
        probe.update(cheap=cheap, unsure=unsure, evidence=evidence, blocks=blocks)
    sure = model is None or unsure < model.gate.threshold
    if sure and not force:
        return Choice("scorer", unsure, False), [], None
    page = parse_html(html)
    try:
        other = _readability_blocks(page)
    except Exception as exc:  # readability-lxml refuses some pages ("Unparseable"): the scorer stays
        logger.debug("readability-lxml failed on %s: %s", html[:60], exc)
        other = []
    full = full_features(cheap, evidence, blocks, other)
    if probe is not None:
        probe["full"] = full
        probe["other"] = other
    if model is None:
        return None, other, page
    preferred = model.select.probability(full)
    if sure:
        return Choice("scorer", unsure, False), other, page
    take = bool(other) and preferred >= model.select.threshold
    why = model.select.why(full, take)
    if take:
        reason = (
            f"the scorer's choice was unsure (gate {unsure:.2f}); the learned selector took "
            f"readability-lxml's candidate instead (p={preferred:.2f}), mostly for {why}"
        )
    else:
        reason = (
            f"the scorer's choice was unsure (gate {unsure:.2f}); the learned selector kept it over "
            f"readability-lxml's candidate (p={preferred:.2f}), mostly for {why}"
        )
    return Choice("readability" if take else "scorer", unsure, True, preferred, reason), other, page


def _readability_blocks(tree: etree._Element) -> list[Block]:
    from readability import Document as ReadabilityDocument  # imported only when chosen

    summary = ReadabilityDocument(lxml.html.tostring(tree, encoding="unicode")).summary(html_partial=True)
    return blocks_from_element(lxml.html.fragment_fromstring(summary, create_parent="div"))


@collector_paused
def extract_html(
    html: str | bytes,
    *,
    url: str | None = None,
    site: SiteProfile | None = None,
    main_content: str = "scorer",
    encoding: str | None = None,
    probe: dict[str, Any] | None = None,
) -> Document:
    """Extract the main content's blocks and the page's metadata.

    ``html`` may be bytes (a response's body), decoded as :func:`~newsclean.cleaners.decoding.decode_html`
    does, with ``encoding`` (the HTTP header's charset) as a hint.

    ``main_content`` names the finder used when no site profile gives a ``body`` selector (see
    :data:`MAIN_CONTENT_FINDERS`). ``probe``, a dict, receives the selector's features and
    readability-lxml's candidate is always measured (for ``benchmarks/train_selector.py``).

    A site profile's ``body`` selector replaces main-content detection and its
    ``boilerplate`` selectors are cut out before main content is found; their blocks stay in
    the document where they were on the page, marked with the rule, for the ``site_rules``
    cleaner to remove and explain. Likewise what the extractor finds around the article's
    text (furniture at its edges, bylines, end matter, the author's bio) stays in place, its
    rule in its ``Block.edge_rule``, for the ``edges`` cleaner to remove and explain.
    """
    if main_content not in MAIN_CONTENT_FINDERS:
        choices = ", ".join(MAIN_CONTENT_FINDERS)
        raise ValueError(f"unknown main-content finder {main_content!r}; choose one of {choices}")
    if isinstance(html, str):
        page = PageText(html)
    elif plain_utf8(html):
        # The page's own bytes are the text's UTF-8: the parser takes them, and the text is
        # decoded only if something asks for it (see PageText).
        page = PageText(None, html)
    else:
        text, exact = decode_html_utf8(html, declared=encoding, url=url)
        page = PageText(text, html if exact else None)
    tree = _parse_page(page, _PAGE_CLASSES)
    titles = title_parts(tree)  # (before the page is stripped: its <title> goes)
    mark_headline(tree, titles)  # (a headline printed as a line of bold text read as the heading it is)
    # Every element's Python proxy made once and kept for the call: the metadata, figure and
    # measuring walks would each make and free them all again. When the scorer will choose the
    # content, the page is measured first (strip_page's measures, the page unchanged until
    # then): the measuring walk makes the proxies and its dict keeps them. A site profile's
    # body selector or readability-lxml's choice needs no measures (unless the selector finds
    # nothing): the proxies are listed then.
    measured = measure_page(tree) if main_content != "readability" and not (site and site.body) else None
    elements = list(measured[0]) if measured is not None else list(tree.iter())
    doc = _extract(page, tree, url, site, main_content, probe, titles, measured)
    # Freed here, the last in page order first: every element goes before its ancestors.
    # (Freed parents first, lxml looks through a dropped subtree for live proxies once for each
    # element in it: a big dropped box took milliseconds. A dict lets its keys go first first.)
    del measured
    del tree, elements
    return doc


def _extract(
    page: PageText,
    tree: etree._Element,
    url: str | None,
    site: SiteProfile | None,
    main_content: str,
    probe: dict[str, Any] | None,
    titles: frozenset[str],
    measured: tuple[dict[etree._Element, _Stats], list[etree._Element]] | None = None,
) -> Document:
    """:func:`extract_html` of the parsed page (``titles``: :func:`title_parts` of it as parsed,
    ``measured``: :func:`measure_page` of it as parsed)."""
    metadata, raw = extract_metadata(tree, url=url, site=site)
    figures = find_figures(tree, url)
    scope: list[etree._Element] = []
    log = RegionLog()
    chosen = ""
    content: etree._Element | None = None
    if site and site.body:
        found = select_css(tree, site.body)
        if found:
            content = found[0] if len(found) == 1 else _join_parts(found)
            log.add_unchosen(tree, found, f"outside the body that site profile {site.name} names ({site.body})")
    # Site boilerplate is cut out before extraction; where each cut element was on the page
    # (its position in document order) puts its blocks back in their place.
    origins: list[Origin] | None = None
    found_at: list[Origin | None] | None = None
    marked: list[tuple[Block, float]] = []
    order: dict[etree._Element, int] = {}
    if site and site.boilerplate:
        origins = []
        order = _document_order(content if content is not None else tree)
        marked = _take_site_boilerplate(content if content is not None else tree, site, order)
    if content is not None:
        blocks = blocks_from_element(content, _path(content.getparent()), origins=origins)
        scope.append(content)
        rules = [""] * len(blocks)
    else:
        if main_content == "readability":
            blocks = _readability_blocks(tree)
            found_at = _origins_by_text(blocks, tree)
            log.add_unchosen(tree, _origin_elements(found_at), OUTSIDE_READABILITY)
            if origins is None:
                found_at = None
            origins = None
        else:
            evidence = Evidence()
            notes: list[str] = []
            blocks = _main_blocks(
                tree,
                origins,
                scope,
                log,
                _ld_article_body(raw),
                evidence,
                metadata.get("headline") or "",
                notes,
                metadata.get("description") or "",
                reference_day(metadata.get("datePublishedRaw"), url),
                # (Site boilerplate cut out of the page changed it since it was measured.)
                measured if origins is None else None,
            )
            chosen = notes[0] if notes else ""
            if origins is None and (main_content == "selected" or probe is not None):
                choice, other, read = _cross_check(page.text, evidence, blocks, probe is not None, probe)
                if choice is not None and main_content == "selected":
                    if choice.winner == "readability" and read is not None:
                        blocks = other
                        scope.clear()
                        log = RegionLog()
                        log.add_unchosen(read, _origin_elements(_origins_by_text(blocks, read)), OUTSIDE_READABILITY)
                    if choice.checked:
                        chosen = f"{READABILITY if choice.winner == 'readability' else SCORER}: {choice.reason}"
        rules = edge_rules(blocks, titles)
    if not blocks:
        # Never empty: a page whose text all looks like furniture gives all of its text.
        fresh = parse_html(page.text)
        body = fresh.find("body")
        blocks = blocks_from_element(body if body is not None else fresh)
        rules, origins, found_at = [""] * len(blocks), None, None
        log = RegionLog()
        chosen = ""
    if content is None:
        kept = [i for i, rule in enumerate(rules) if not rule]
        own = [blocks[i] for i in kept]
        names = [a.name for a in metadata.get("authors") or [] if a.name]
        if any(b.kind is BlockKind.PARAGRAPH and NAMED_OPENING.match(b.text) for b in own):
            names += _profile_names(page)
        bio = _author_bio_blocks(own, names)
        for at in bio:
            rules[kept[at]] = AUTHOR_BIO if bio[-1] == len(kept) - 1 else AUTHOR_BIO_INSIDE
        for at in _lead_bio_blocks(own, names):
            rules[kept[at]] = AUTHOR_BIO_ABOVE
        for at in _boxed_bio_blocks(blocks, rules):
            rules[at] = rules[at] or AUTHOR_BOX
    keys = _order_keys(found_at if found_at is not None else origins, order, len(blocks)) if marked else []
    standfirst = metadata.get("description")
    if (
        standfirst
        and metadata.get("_standfirst_shown")
        and not _opens_body([b for b, rule in zip(blocks, rules, strict=True) if not rule], standfirst)
    ):
        # Just above the text: below a headline or byline the extractor marks.
        at = next((i for i, rule in enumerate(rules) if not rule), 0)
        block = Block(
            standfirst, BlockKind.PARAGRAPH, "p", ("standfirst",), "", "standfirst", f"<p>{_escape(standfirst)}</p>"
        )
        blocks.insert(at, block)
        rules.insert(at, "")
        if keys:
            keys.insert(at, keys[at] if at < len(keys) else keys[-1])
    metadata.pop("_standfirst_shown", None)
    main_image, images = article_images(figures, scope, metadata.get("mainImage"))
    if main_image is not None:
        metadata["mainImage"] = main_image
    if images:
        metadata["images"] = images
    if marked:
        blocks, rules = _in_page_order(blocks, rules, keys, marked)
    # Each block made once with its rule and its place in the document (``replace`` for the
    # rule, then the Document for the index, made most blocks twice and a ruled one three times).
    blocks = [
        b if b.index >= 0 and not rule else b.with_index(i if b.index < 0 else b.index, rule or None)
        for i, (b, rule) in enumerate(zip(blocks, rules, strict=True))
    ]
    return Document(
        blocks,
        url=url,
        site=site,
        source_format="html",
        metadata=metadata,
        raw_metadata=raw,
        left_out=log.bounded(),
        chosen=chosen,
        recover=None if content is not None else partial(_recover, page, metadata),
    )


def _recover(page: PageText, metadata: dict[str, Any], blocks: list[Block]) -> tuple[list[Block], str] | None:
    """``blocks`` (the page's, which gave (almost) no body once cleaned) followed by the
    article's text from the page's ``<noscript>`` content or script data (see
    :mod:`~newsclean.cleaners.unshown`), the extractor's rules marking the furniture around it
    (a masthead's link or "Loading…" before it), and why it was taken; ``None`` when neither
    holds the text."""
    found = unshown_text(parse_html(page.text), metadata.get("headline") or "", metadata.get("description") or "")
    if found is None:
        return None
    whole = [*blocks, *found.blocks]
    rules = edge_rules(whole)
    for i, block in enumerate(blocks):
        if not rules[i] and is_notice(block.text, BODY_NOTICE_CHARS):
            rules[i] = NOTICE
    whole = [
        replace(b, edge_rule=rule) if rule and not b.edge_rule else b for b, rule in zip(whole, rules, strict=True)
    ]
    return whole, f"{found.source}: {found.why}"


def _origin_elements(found: Sequence[Origin | None]) -> list[etree._Element]:
    """The page elements holding blocks' text, from where the blocks start (text after an
    element belongs to its parent)."""
    out: list[etree._Element] = []
    for origin in found:
        if origin is None:
            continue
        el, tail = origin
        parent = el.getparent() if tail else el
        if parent is not None:
            out.append(parent)
    return out


def _document_order(root: etree._Element) -> dict[etree._Element, int]:
    return {el: n for n, el in enumerate(root.iter())}


def _order_keys(origins: Sequence[Origin | None] | None, order: dict[etree._Element, int], count: int) -> list[float]:
    """Per block, where its text starts in document order; a block whose start is unknown
    takes its neighbour's place. With none known the site-boilerplate blocks go after all of
    them."""
    keys: list[float | None] = [None] * count
    if origins is not None and len(origins) == count:
        for i, origin in enumerate(origins):
            keys[i] = None if origin is None else _start_key(origin[0], origin[1], order)
    known = [k for k in keys if k is not None]
    if not known:
        return [float("-inf")] * count
    last = known[0]
    filled: list[float] = []
    for k in keys:
        last = k if k is not None else last
        filled.append(last)
    return filled


def _origins_by_text(blocks: list[Block], root: etree._Element) -> list[Origin | None]:
    """Where blocks extracted from a copy of the page (readability-lxml's) start on the page:
    at the page's blocks with the same text, taken in order."""
    page_origins: list[Origin] = []
    page = blocks_from_element(root, origins=page_origins)
    where: dict[str, list[int]] = {}
    for n, block in enumerate(page):
        where.setdefault(block.text, []).append(n)
    found: list[Origin | None] = []
    after = -1
    for block in blocks:
        hit = next((n for n in where.get(block.text, ()) if n > after), None)
        found.append(None if hit is None else page_origins[hit])
        after = after if hit is None else hit
    return found


def _start_key(el: etree._Element, tail: bool, order: dict[etree._Element, int]) -> float | None:
    if not tail:
        n = order.get(el)
        return None if n is None else float(n)
    # Text after an element starts where the next element after its subtree starts.
    node: etree._Element | None = el
    while node is not None:
        nxt = node.getnext()
        while nxt is not None and not isinstance(nxt.tag, str):
            nxt = nxt.getnext()
        if nxt is not None:
            n = order.get(nxt)
            return None if n is None else n - 0.5
        node = node.getparent()
    return float("inf")


def _in_page_order(
    blocks: list[Block], rules: list[str], keys: list[float], marked: list[tuple[Block, float]]
) -> tuple[list[Block], list[str]]:
    """The extracted blocks with the site-boilerplate blocks put back where they were."""
    pending = sorted(marked, key=lambda m: m[1])
    out: list[Block] = []
    out_rules: list[str] = []
    at = 0
    for block, rule, key in zip(blocks, rules, keys, strict=True):
        while at < len(pending) and pending[at][1] < key:
            out.append(pending[at][0])
            out_rules.append("")
            at += 1
        out.append(block)
        out_rules.append(rule)
    for block, _ in pending[at:]:
        out.append(block)
        out_rules.append("")
    return out, out_rules


_WORDS = re.compile(r"\w+")


def _opens_body(blocks: list[Block], standfirst: str) -> bool:
    """True when the body already starts with the standfirst's words (as its first
    paragraph, or spread over its first paragraphs): it is not added a second time."""
    words = _WORDS.findall(standfirst.casefold())
    if not words:
        return True
    opening: list[str] = []
    for block in blocks:
        opening.extend(_WORDS.findall(block.text.casefold()))
        if len(opening) >= len(words):
            break
    return opening[: len(words)] == words


def _take_site_boilerplate(
    root: etree._Element, site: SiteProfile, order: dict[etree._Element, int]
) -> list[tuple[Block, float]]:
    """Cut the elements matching the profile's boilerplate selectors out of ``root``; return
    their blocks, each marked with the selector that matched, with where it starts in
    document ``order``."""
    marked: list[tuple[Block, float]] = []
    for selector in site.boilerplate:
        rule = f"boilerplate selector {selector} of site profile {site.name}"
        for el in select_css(root, selector):
            parent = el.getparent()
            if parent is None:
                continue
            origins: list[Origin] = []
            blocks = blocks_from_element(el, _path(parent), origins=origins)
            base = float(order.get(el, len(order)))
            for block, (origin, tail) in zip(blocks, origins, strict=True):
                key = _start_key(origin, tail, order)
                marked.append((replace(block, site_rule=rule), base if key is None else key))
            el.drop_tree()
    return marked


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
