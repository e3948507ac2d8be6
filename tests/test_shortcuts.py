"""The cleaners' speed shortcuts answer exactly what the plain way answers: substring counts
and pre-checks instead of regular expressions, a subtree known to hold no caption not searched
again."""

from __future__ import annotations

import re
from dataclasses import fields, replace
from itertools import islice
from pathlib import Path
from unittest.mock import patch
from urllib.parse import urljoin, urlsplit

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from newsclean.cleaners import boxes, caseless, content, icon_sprites, images, metadata, normalize, page_chrome, regions
from newsclean.cleaners.decoding import DecodeError, decode_html_utf8, plain_utf8
from newsclean.cleaners.document import Block, BlockKind, Document
from newsclean.cleaners.errors import resolve_url
from newsclean.cleaners.html import (
    _NOT_XML_REFERENCE_BYTES,
    _NOT_XML_TEXT,
    _XML_PROLOGS,
    NONCHAR_LOOKS,
    PROFILE_LINK,
    PageText,
    _holds_nonchar,
    _html_of,
    _may_open_with_prolog,
    _profile_names,
    _utf8_for_lxml,
    parse_html,
)
from newsclean.cleaners.line_model import word_count
from newsclean.cleaners.urls import _PLAIN_URL, canonical_url

PROFILE = settings.get_profile("shortcuts")

# Pieces chosen to meet at the edges of the strings the shortcuts look for, in both cases and
# with the non-ASCII letters IGNORECASE matches with ASCII ones (ſ with s, the Kelvin sign with k).
TEXT_PIECES = st.sampled_from(
    ["ico", "ICO", "Ico", "icon", "svg", "SVG", "sv", "g", "i", "co", "s", "ſvg", "\u0130co", "\u0131co", " ", "-",
     "_", "word", "é", "/", ".", "#", "use", "symbol", "Symbol", "musEum", "svgs", "x", "\u212a", "Σ", "ΣICO", "Ico东",
     "\udc80"]
)  # fmt: skip


@PROFILE
@given(st.lists(TEXT_PIECES, max_size=16).map("".join))
def test_icon_letters_are_counted_as_the_pattern_finds_them(text: str) -> None:
    assert icon_sprites._icon_letters(text) == len(icon_sprites._ICON_LETTERS.findall(text))


@PROFILE
@given(st.lists(TEXT_PIECES, max_size=16).map("".join))
def test_svg_paths_are_found_as_the_pattern_finds_them(path: str) -> None:
    block = Block(text="Some text.", path=path)
    assert icon_sprites._inside_svg(block) == (bool(path) and icon_sprites.SPRITE_PATH.search(path) is not None)


def test_svg_paths_in_blocks() -> None:
    assert icon_sprites._inside_svg(Block(text="Share", path="html/body/div.icons/svg/symbol#share/title"))
    assert icon_sprites._inside_svg(Block(text="Share", path="html/body/use"))
    assert not icon_sprites._inside_svg(Block(text="Museum", path="html/body/div.museum/p.user"))
    assert not icon_sprites._inside_svg(Block(text="Text", path=""))


WORD_PIECES = st.sampled_from(
    ["word", "it's", "well-known", "-", "'", "--", "''", "_", "a", "9", " ", "\n", ".", ",", "’", "é", "東京", "ー",
     "x-", "-y", "don’t", "\t", "(", ")", "A1", "e.g.", "\u00a0", "²", "e\u0301", "\u2010", "ß", "ﬁ", "Ⅻ", "٣", "_",
     "’", "—", "Ж", "a’b", "‘", "東x"]
)  # fmt: skip


@PROFILE
@given(st.lists(WORD_PIECES, max_size=24).map("".join))
def test_words_are_counted_as_the_word_pattern_finds_them(text: str) -> None:
    assert normalize.count_words(text) == len(normalize._WORD.findall(text))


FIX_PIECES = st.sampled_from(
    ["plain", " ", "\n", "\r", "Ã ", "Â ", "Ã", "Â", "\nÃ ", "Ã\n", "x\u0080", "\u2028", "\ufb01", "\x1b", "\x07",
     "é", "e\u0301", "\u200b", "\u00ad", "\ufeff", "\u2060", "ok."]
)  # fmt: skip


@PROFILE
@given(st.lists(FIX_PIECES, max_size=16).map("".join))
def test_what_ftfy_could_touch_is_found_as_the_pattern_finds_it(text: str) -> None:
    assert normalize._ftfy_touches(text) == (normalize._FTFY_TOUCHES.search(text) is not None)


@PROFILE
@given(st.lists(FIX_PIECES, max_size=16).map("".join))
def test_invisible_marks_go_as_before(text: str) -> None:
    fixed = normalize._fix(text)
    assert normalize._INVISIBLE.search(fixed) is None
    assert fixed == normalize._INVISIBLE.sub("", fixed)


HOLDER_TAGS = ("div", "span", "p", "figcaption", "section", "a")
HOLDER_ATTRS = ("", ' class="caption"', ' class="image-credit"', ' id="legend"', ' class="wrap"', ' class="bu"')


@st.composite
def picture_boxes(draw: st.DrawFn) -> str:
    """Nests of boxes around images, with captions named or not, empty or not, at any depth."""

    def node(depth: int) -> str:
        kind = draw(st.integers(0, 6))
        if depth > 5 or kind == 0:
            return draw(st.sampled_from(["", "A caption, with words.", " "]))
        if kind == 1:
            return '<img src="/a.jpg" width="800" height="600">'
        if kind == 2:
            return "<!-- c -->"
        tag = draw(st.sampled_from(HOLDER_TAGS))
        children = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 3))))
        return f"<{tag}{draw(st.sampled_from(HOLDER_ATTRS))}>{children}</{tag}>"

    return "<html><body>" + "".join(node(0) for _ in range(draw(st.integers(1, 3)))) + "</body></html>"


def _plain_holder(img: object) -> object:
    """:func:`images._holder` the plain way: each ancestor's whole subtree searched."""
    node = img
    for _ in range(images.HOLDER_LEVELS):
        node = node.getparent()  # type: ignore[attr-defined]
        if node is None or node.tag in ("body", "article", "main", "figure"):
            return None
        if next(islice(node.iter("img"), 2, None), None) is not None:
            return None
        if images._caption_holder(node) is not None:
            return node if len(node.text_content().split()) <= images.HOLDER_MAX_WORDS else None
    return None


@PROFILE
@given(picture_boxes())
def test_caption_holders_are_found_as_the_plain_search_finds_them(page: str) -> None:
    tree = parse_html(page)
    seen: dict = {}
    for img in tree.iter("img"):
        assert images._holder(img, seen) is _plain_holder(img)
        assert images._holder(img) is _plain_holder(img)


def _plain_caption_holder(figure: etree._Element) -> etree._Element | None:
    """:func:`images._caption_holder` the plain way: every element's tag, then its names."""
    holder = next(figure.iter("figcaption"), None)
    if holder is not None:
        return holder
    for child in figure:
        for el in child.iter():
            if not isinstance(el.tag, str) or el.tag in ("img", "picture", "source"):
                continue
            cls, eid = el.get("class"), el.get("id")
            named = (cls and images._caption_name(cls)) or (eid and images._caption_name(eid))
            if named and images._clean(el.text_content()):
                return el
    return None


def _plain_credit_elements(figure: etree._Element) -> list[etree._Element]:
    found: list[etree._Element] = []
    for el in figure.iter():
        if el is figure or not isinstance(el.tag, str) or any(a in found for a in el.iterancestors()):
            continue
        hint = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"
        if el.tag in images.CREDIT_TAGS or (hint.strip() and images._CREDIT_HINTS.search(hint)):
            text = images._clean(el.text_content())
            if text and len(text.split()) <= images.CREDIT_MAX_WORDS:
                found.append(el)
    return found


@PROFILE
@given(picture_boxes())
def test_caption_and_credit_elements_are_found_as_the_plain_walk_finds_them(page: str) -> None:
    # (An instruction's pseudo-attributes can name a caption: it is no element all the same.)
    tree = parse_html(page.replace("<!-- c -->", "<!-- c --><?pi class='caption'?>"))
    for el in tree.iter():
        if isinstance(el.tag, str):
            assert images._caption_holder(el) is _plain_caption_holder(el)
            assert images._credit_elements(el) == _plain_credit_elements(el)


MARKUP_PIECES = st.sampled_from(
    ['<meta http-equiv="Content-Type" content="text/html">', '<meta http-equiv="content-type" content="x">',
     '<meta charset="utf-8">', "<b>bold</b>", "text, ", "&amp;", "<br>", "<a href='/x'>link</a>", "é", "<span>",
     '<meta http-equiv="Content-Type">']
)  # fmt: skip


@PROFILE
@given(st.lists(MARKUP_PIECES, max_size=10).map("".join))
def test_block_markup_is_written_as_lxml_html_writes_it(inner: str) -> None:
    tree = parse_html(f"<html><body><p>{inner}</p><div>{inner}<p>{inner}</p></div>tail</body></html>")
    for el in tree.iter("p", "div"):
        assert _html_of(el) == lxml.html.tostring(el, encoding="unicode", with_tail=False)


SILENT_TAGS = ("div", "p", "b", "script", "style", "noscript", "template", "title", "span")


@st.composite
def silent_boxes(draw: st.DrawFn) -> str:
    """Nests of boxes with scripts, styles, titles and comments inside, text and tails around."""

    def node(depth: int) -> str:
        kind = draw(st.integers(0, 5))
        if depth > 4 or kind == 0:
            return draw(st.sampled_from(["", " ", "word", "Two words ", "\n  "]))
        if kind == 1:
            return "<!-- note -->" + draw(st.sampled_from(["", "after a comment"]))
        tag = draw(st.sampled_from(SILENT_TAGS))
        children = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 3))))
        return f"<{tag}>{children}</{tag}>" + draw(st.sampled_from(["", " tail", "x"]))

    inside = "".join(node(0) for _ in range(draw(st.integers(1, 4))))
    return f"<html><body><div id='box'>{inside}</div>t</body></html>"


def _plain_visible_text(el: object, with_tail: bool) -> str:
    """:func:`regions._visible_text` the plain way: a recursive walk past silent elements."""
    parts: list[str] = []

    def walk(node: object) -> None:
        tag = node.tag  # type: ignore[attr-defined]
        if not isinstance(tag, str) or tag in regions.SILENT:
            return
        if node.text:  # type: ignore[attr-defined]
            parts.append(node.text)  # type: ignore[attr-defined]
        for child in node:  # type: ignore[attr-defined]
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    text = " ".join(parts)
    if with_tail and el.tail:  # type: ignore[attr-defined]
        text += " " + el.tail  # type: ignore[attr-defined]
    return text


@PROFILE
@given(silent_boxes(), st.booleans())
def test_visible_text_is_read_as_the_plain_walk_reads_it(page: str, with_tail: bool) -> None:
    tree = parse_html(page)
    for el in tree.iter("div", "p", "span", "b"):
        assert regions._visible_text(el, with_tail) == _plain_visible_text(el, with_tail)


CLASS_VALUES = st.lists(st.sampled_from(["a", "main", "post", " ", "\u00a0", "\t", "x-y"]), max_size=6).map("".join)


@PROFILE
@given(st.none() | CLASS_VALUES, st.none() | st.sampled_from(["", "top", "a b"]))
def test_a_path_step_is_the_tag_id_and_first_two_class_names(cls: str | None, eid: str | None) -> None:
    el = lxml.html.Element("div")
    if cls is not None:
        el.set("class", cls)
    if eid is not None:
        el.set("id", eid)
    plain = "div" + (f"#{eid}" if eid else "") + "".join(f".{c}" for c in (cls or "").split()[:2])
    assert regions._step(el) == plain


CLOCK_PIECES = st.sampled_from(["1", "2", "12", "59", "60", "0", ":", ".", " ", "a", "\u0663", "7:21", "13:31:05"])


@PROFILE
@given(st.lists(CLOCK_PIECES, max_size=12).map("".join))
def test_clock_times_are_found_at_the_colons_as_the_pattern_finds_them(text: str) -> None:
    assert page_chrome.holds_clock_time(text) == (page_chrome.STAMP_TIME.search(text) is not None)


FOLD_PIECES = st.sampled_from(
    ["a", "é", "\u0130", "\u0131", "\u017f", "\u212a", "\u200b", "\u2060", "\ufeff", "\u00ad", "东", "😀", " "]
)


@PROFILE
@given(st.lists(FOLD_PIECES, max_size=8).map("".join))
def test_the_characters_looked_for_as_substrings_are_the_character_classes(text: str) -> None:
    assert caseless._holds_folded(text) == (re.search("[\u0130\u0131\u017f\u212a]", text) is not None)
    assert normalize._holds_invisible(text) == (normalize._INVISIBLE.search(text) is not None)


UTF8_PIECES = st.sampled_from(
    ["a", " ", "é", "东", "😀", "\x00", "\x0b", "\t", "\ufffe", "\uffff", "\ufffd", "\ufeff", "\uff0c", "\uefbf",
     "\ud800", "&#", "&#8;", "&#xFFFE;", "&#65535", "\x7f"]
)  # fmt: skip


def _plain_utf8_for_lxml(html: str) -> bytes:
    """The page's UTF-8 as ``_utf8_for_lxml`` gave it before the lead-byte gate: the text searched
    for U+FFFE/U+FFFF on every page."""
    try:
        data: bytes | None = html.encode("utf-8")
    except UnicodeEncodeError:
        data = None
    controls = data is None or data.translate(None, bytes(range(0x20, 256)) + b"\t\n\r")
    if controls or "\ufffe" in html or "\uffff" in html:
        html = _NOT_XML_TEXT.sub(" ", html)
        data = html.encode("utf-8")
    return _NOT_XML_REFERENCE_BYTES.sub(b" ", data)


@PROFILE
@given(st.lists(UTF8_PIECES, max_size=12).map("".join))
def test_the_page_is_handed_to_lxml_as_the_plain_search_hands_it(html: str) -> None:
    expected = _plain_utf8_for_lxml(html)
    assert _utf8_for_lxml(html) == expected
    try:
        data = html.encode("utf-8")
    except UnicodeEncodeError:
        return
    assert _utf8_for_lxml(html, data) == expected


BYTE_PIECES = st.sampled_from(
    [b"a", b" ", b"<p>", "\u00e9".encode(), "\u4e1c".encode(), "\U0001f600".encode(), b"\x00", b"\xff", b"\xc3",
     b"\xa9", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xc0\xaf", b"\n"]
)  # fmt: skip


@PROFILE
@given(st.lists(BYTE_PIECES, max_size=24).map(b"".join), st.integers(0, 3))
def test_bytes_are_plain_utf8_as_the_decoder_marks_them(data: bytes, repeat: int) -> None:
    # (repeated past the check's chunk of 8 KB: a character split between two chunks)
    data = data * (1 + repeat * (9000 // max(1, len(data))))
    try:
        _, exact = decode_html_utf8(data)
    except DecodeError:
        exact = False
    assert plain_utf8(data) is exact


OPENING_PIECES = st.sampled_from(
    [" ", "\t", "\n", "\x0b", "\x1c", "\x1f", "\u00a0", "\u2003", "\u3000", "\ufeff", "\x85", "<?xml", "<?xm",
     "<?XML", "<", "?", ">", "<!doctype html>", "<html>", "x", "\u00e9"]
)  # fmt: skip


@PROFILE
@given(st.lists(OPENING_PIECES, max_size=8).map("".join))
def test_a_page_may_open_with_a_prolog_whenever_the_pattern_finds_one(text: str) -> None:
    if not _may_open_with_prolog(text.encode("utf-8")):
        assert _XML_PROLOGS.match(text) is None
    tree = parse_html(text + "<p>Text</p>", (text + "<p>Text</p>").encode("utf-8"))
    assert etree.tostring(tree) == etree.tostring(parse_html(text + "<p>Text</p>"))


PROFILE_PIECES = st.sampled_from(
    ["/author/", "/authors/", "/people/", "/user/", "12", "٣", "\u0663\u0664", "\uff11", "é", "_", "-", "ann", "lee",
     "jo", "x", "/", '"', "'", " ", "ABC", "\U0001d7ce"]
)  # fmt: skip


@PROFILE
@given(st.lists(PROFILE_PIECES, max_size=16).map("".join))
def test_writers_links_are_read_in_utf8_as_in_the_text(text: str) -> None:
    plain = [" ".join(p.capitalize() for p in re.split(r"[-_]", m.group(1))) for m in PROFILE_LINK.finditer(text)]
    expected = list(dict.fromkeys(plain))
    assert _profile_names(PageText(text)) == expected
    assert _profile_names(PageText(None, text.encode("utf-8"))) == expected


URL_PIECES = st.sampled_from(
    ["http://", "https://", "HTTPS://", "ftp://", "//", "a.b", "example.com", ".", "-", ":80", ":99999", ":", "/", "/x",
     "?", "?q=1", "&", "#", "#f", ";", ";p", "[", "]", "[::1]", " ", "\t", "\n", "\x00", "é", "%20", "@", "~", "'",
     "$", ",", "=", "..", "a", "Z9", "\u00a0"]
)  # fmt: skip


def _plain_resolve(base: str, ref: str) -> str | None:
    """``resolve_url`` by ``urljoin`` alone, without the shortcut for plain absolute addresses."""
    try:
        joined = urljoin(base, ref.strip())
        urlsplit(joined).hostname  # noqa: B018
    except ValueError:
        return None
    return joined


@PROFILE
@given(st.lists(URL_PIECES, max_size=8).map("".join), st.lists(URL_PIECES, max_size=8).map("".join))
def test_addresses_are_resolved_as_urljoin_resolves_them(base: str, ref: str) -> None:
    for b in (base, "https://example.com/a/b?x=1", "http://example.com/", "https://example.com/" + base):
        assert resolve_url(b, ref) == _plain_resolve(b, ref)
        assert resolve_url(b, "https://" + ref) == _plain_resolve(b, "https://" + ref)


def _canonical_either_way(ref: str, base: str) -> tuple[str | None, str | None]:
    """``canonical_url`` (or the error it raises) with and without the plain-address shortcut."""
    answers: list[str | None] = []
    for plain in (_PLAIN_URL, re.compile(r"(?!)")):
        with patch("newsclean.cleaners.urls._PLAIN_URL", plain):
            try:
                answers.append(canonical_url(ref, base=base))
            except ValueError as error:
                answers.append(type(error).__name__)
    return answers[0], answers[1]


@PROFILE
@given(st.lists(URL_PIECES, max_size=8).map("".join), st.lists(URL_PIECES, max_size=8).map("".join))
def test_canonical_addresses_are_resolved_as_urljoin_resolves_them(base: str, ref: str) -> None:
    for b in (base, "https://example.com/a/b?x=1", "http://example.com/", "https://example.com/" + base):
        for r in (ref, "https://" + ref, "http://example.com/" + ref):
            fast, plain = _canonical_either_way(r, b)
            assert fast == plain


TEXT_MARKUP = st.sampled_from(
    ["word", " ", "<b>bold</b>", "<!-- c -->", "<script>x()</script>", "&amp;", "&eacute;", "é", "<br>", "<p>par",
     "</p>", "<div>", "</div>", "<?pi x?>", "&#160;", "<style>a{}</style>", "<span>s</span>tail", "\n"]
)  # fmt: skip


TEXT_RUNS = st.lists(TEXT_MARKUP, max_size=14).map("".join)


def _text_elements(inner: str) -> list[etree._Element]:
    """Every element of a page holding ``inner`` in a ``<div>`` and in a ``<p>``, text after them
    (comments and processing instructions left out: they hold no text of the page)."""
    tree = parse_html(f"<html><body><div>{inner}</div><p>{inner}</p>tail</body></html>")
    return [el for el in tree.iter() if isinstance(el.tag, str)]


@PROFILE
@given(TEXT_RUNS)
def test_text_content_is_written_as_lxml_html_gives_it(inner: str) -> None:
    for el in _text_elements(inner):
        assert content.text_content(el) == el.text_content()


@PROFILE
@given(TEXT_RUNS)
def test_text_nodes_are_gathered_as_itertext_gives_them(inner: str) -> None:
    for el in _text_elements(inner):
        assert regions._TEXT_NODES(el) == list(el.itertext())


def test_words_of_text_with_many_scripts_are_counted_by_the_pattern() -> None:
    text = " ".join(chr(c) * 3 + "’s" for c in range(0x410, 0x410 + 80)) + " 東京 ab東 — x-y"
    assert normalize.count_words(text) == len(normalize._WORD.findall(text))


def _plain_blocks_in_boxes(doc: Document, pattern: re.Pattern[str], max_words: int) -> dict[int, str]:
    """:func:`boxes.blocks_in_boxes` the plain way: every block's path walked, words summed."""
    found: dict[int, str] = {}
    for i, block in enumerate(doc.blocks):
        if not block.path:
            continue
        steps = block.path.split("/")
        for n, step in enumerate(steps):
            if not pattern.search(boxes._TAG.sub("", step)):
                continue
            prefix = "/".join(steps[: n + 1])
            words = sum(word_count(b.text) for b in doc.blocks if b.path == prefix or b.path.startswith(prefix + "/"))
            if words <= max_words:
                found[i] = step
                break
    return found


BOX_STEPS = st.sampled_from(["div", "div.share", "p", "section.promo-box", "aside#related", "div.content", "span"])
BOX_TEXTS = st.sampled_from(["Share", "A few words here.", ""])


@PROFILE
@given(st.lists(st.tuples(st.lists(BOX_STEPS, max_size=4), BOX_TEXTS), max_size=12))
def test_boxes_are_found_per_path_as_the_plain_walk_finds_them(items: list[tuple[list[str], str]]) -> None:
    doc = Document([Block(text or "x", path="/".join(["html", "body", *steps])) for steps, text in items])
    pattern = re.compile(r"(?:^|[-_ .#/])(?:share|promo|related)(?:[-_ .#/]|$)", re.I)
    assert boxes.blocks_in_boxes(doc, pattern, 3) == _plain_blocks_in_boxes(doc, pattern, 3)


def test_a_block_with_an_index_is_the_block_replaced() -> None:
    # Every field set to something other than its default: a field added to Block but not to
    # with_index would come back with its default here.
    values: dict[str, object] = {}
    for f in fields(Block):
        if f.name == "kind":
            values[f.name] = BlockKind.CAPTION
        elif f.name == "classes":
            values[f.name] = ("a", "b")
        elif f.name == "index":
            values[f.name] = 4
        else:
            values[f.name] = f"{f.name} value"
    block = Block(**values)  # type: ignore[arg-type]
    assert block.with_index(9) == replace(block, index=9)
    assert block.with_index(9) != block
    assert block.with_index(9, "a rule") == replace(block, index=9, edge_rule="a rule")


PAGE_PIECES = st.sampled_from(
    ["<div class='nav'>", "</div>", "<p>", "</p>", "<!-- note -->", "<aside>", "</aside>", "Words here. ",
     "<nav>Menu</nav>", "<span hidden>Hidden words</span>", "<?pi x?>", "<button>Go</button>", "<b>", "</b>"]
)  # fmt: skip


@PROFILE
@given(st.lists(PAGE_PIECES, max_size=24).map("".join))
def test_the_region_order_numbered_from_the_measures_is_the_page_walk(inner: str) -> None:
    # strip_page offers the log its measured elements; the regions come out in the order the
    # plain walk of the page (comments counted) gives them.
    html = f"<html><body><main><p>{'Some article text here. ' * 20}</p></main>{inner}</body></html>"
    offered, plain = regions.RegionLog(), regions.RegionLog()
    page = parse_html(html)
    content.strip_page(page, offered)
    other = parse_html(html)
    original = regions.RegionLog.page_in_order
    regions.RegionLog.page_in_order = lambda self, elements: None  # type: ignore[method-assign]
    try:
        content.strip_page(other, plain)
    finally:
        regions.RegionLog.page_in_order = original  # type: ignore[method-assign]
    assert offered.regions == plain.regions


SCRIPT_PIECES = st.sampled_from(
    ["<!--", "-->", "//", "// ", "<![CDATA[", "]]>", "//]]>", " ", "\n", '{"a": 1}', "x", "-", "]", "<", "!"]
)  # fmt: skip


@PROFILE
@given(st.lists(SCRIPT_PIECES, max_size=12).map("".join))
def test_script_wrappers_are_taken_off_as_the_pattern_takes_them(text: str) -> None:
    text = text.strip()
    assert metadata._unwrapped(text) == metadata._SCRIPT_WRAPPER.sub("", text)


MARKUP_PIECES = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<span>", "</span>", "<a href='x'>", "</a>", "<em>", "</em>", "<br>",
     "<li>", "<ul>", "</ul>", "<figure>", "<figcaption>", "</figure>", "<b>x</b>" * 20, "<!-- c -->", "Words ",
     "<table><tr><td>", "</td></tr></table>", "<x-card>", "</x-card>"]
)  # fmt: skip


@PROFILE
@given(st.lists(MARKUP_PIECES, max_size=30).map("".join))
def test_tags_inside_are_found_as_lxml_finds_them(inner: str) -> None:
    from newsclean.cleaners import html

    page = parse_html(f"<html><body><div>{inner}</div></body></html>")
    for el in page.iter():
        if not isinstance(el.tag, str):
            continue
        for tags in (html.BREAKS, html._HOLDING_BLOCKS):
            assert html.holds_any(el, tags) == (next(el.iterdescendants(*tags), None) is not None)


@PROFILE
@given(st.lists(MARKUP_PIECES, max_size=30).map("".join), st.integers(0, 2**16))
def test_boxes_around_an_element_are_found_as_its_ancestors_give_them(inner: str, pick: int) -> None:
    page = parse_html(f"<html><body><div>{inner}</div></body></html>")
    elements = list(page.iter())
    boxes = set(elements[pick % len(elements) :: 3])
    for el in elements:
        assert content._inside(el, boxes) == any(a in boxes for a in el.iterancestors())
        if isinstance(el.tag, str):
            holds = any(c.tag == "br" or (c.tag in content.INLINE and next(c.iter("br"), None) is not None) for c in el)
            assert content._holds_loose_br(el) == holds


CLASS_PIECES = st.sampled_from(
    ["sr-only", "SR-Only", "screen-reader-text", "visually-hidden", "u-offscreen", "offscreen", "is-", "a11y-",
     "twitter-tweet", "Instagram-Media", "fb-post", "wp-embedded-content", "reddit-card", " ", "-", "x", "entry",
     "content", "\u212a", "ſ", "é", "hidden", "Hidden", "is-hidden", "d-none", "hide", "hid", "invisible",
     "md:block", "faq", "\t"]
)  # fmt: skip


def _plain_hidden_class(names: str) -> bool:
    tokens = names.split()
    if content.HIDDEN_CLASSES.isdisjoint(tokens) or any(content._SHOWN_AT.search(token) for token in tokens):
        return False
    return content._REVEALED.search(names) is None


@PROFILE
@given(st.lists(CLASS_PIECES, max_size=8).map("".join))
def test_class_verdicts_are_the_patterns_answers(names: str) -> None:
    screen_reader = content.SCREEN_READER_ONLY.search(names) is not None
    embedded = content.EMBEDDED_POST.search(names) is not None
    assert content._screen_reader_class.__wrapped__(names) == screen_reader
    assert content._embedded_post.__wrapped__(names) == embedded
    assert content._hidden_class.__wrapped__(names) == _plain_hidden_class(names)
    # The two patterns asked as one, the hidden classes' tokens only where their letters are.
    assert content._class_drops.__wrapped__(names) == (screen_reader or _plain_hidden_class(names) or embedded)


KIND_PIECES = st.sampled_from(
    ["comments", "Comment", "disqus", "player", "VIDEO-JS", "related", "read-more", "share", "social", "newsletter",
     "sign-up", "ad", "ads", "Advert", "breadcrumb", "tags", "trend", "topics", "author", "bio", "nav", "menu",
     "pager", "sidebar", "aside", "rail", "cookie", "gdpr", "foot", "header", "masthead", " ", "-", "_", "x", "s",
     "ſ", "\u212a", "é"]
)  # fmt: skip


@PROFILE
@given(st.lists(KIND_PIECES, max_size=6).map("".join))
def test_a_region_kind_is_the_first_kind_whose_pattern_finds_its_words(hint: str) -> None:
    plain = next((kind for kind, pattern in regions._KINDS if pattern.search(hint)), "")
    assert regions._hint_kind.__wrapped__(hint) == plain


NAME_PIECES = st.sampled_from(
    ["caption", "Caption", "CAPTION", "legend", "bu", "BU", "Bu", "bub", "sub", "title", "description", " ", "\t",
     "-", "_", "x", "ſ", "\u212a", "Σ", "é", "cap", "tion"]
)  # fmt: skip


def _joined_caption_hint(cls: str | None, eid: str | None) -> bool:
    """The caption-holder test the plain way: the class and the id joined, lowered, asked once."""
    hint = f"{cls or ''} {eid or ''}".strip().lower() if cls or eid else ""
    return bool(hint) and (any(w in hint for w in images.CAPTION_WORDS) or "bu" in hint.split())


@PROFILE
@given(st.one_of(st.none(), st.lists(NAME_PIECES, max_size=6).map("".join)),
       st.one_of(st.none(), st.lists(NAME_PIECES, max_size=6).map("".join)))  # fmt: skip
def test_caption_names_are_asked_apart_as_the_joined_hint_answers(cls: str | None, eid: str | None) -> None:
    apart = bool((cls and images._caption_name(cls)) or (eid and images._caption_name(eid)))
    assert apart == _joined_caption_hint(cls, eid)
    uncached = bool((cls and images._caption_name.__wrapped__(cls)) or (eid and images._caption_name.__wrapped__(eid)))
    assert uncached == apart


BODY_PIECES = st.sampled_from(
    ["word", "Wörd", "ß", "ẞ", "Σ", "ΣΑΣ", "ﬁ", "İ", "ı", "ſ", "\u212a", "東京", " ", "  ", "\n", "\n\n", "\n\n\n",
     "\r\n", "\t", "\u00a0", "\u2028", "\u2029", "\u3000", "\x1c", "\x85", "-", ".", "’", "\u0345", "ǅ"]
)  # fmt: skip


@PROFILE
@given(st.lists(BODY_PIECES, max_size=24).map("".join))
def test_a_normalised_body_is_fingerprinted_as_the_word_split_fingerprints_it(text: str) -> None:
    body = normalize.normalize_body(text)
    assert normalize._normal_body_fingerprint(body) == normalize.body_fingerprint(body)


def test_case_folding_makes_no_space_and_takes_none_away() -> None:
    # What the fingerprint of a normalised body rests on, for every character.
    for code in range(0x110000):
        ch = chr(code)
        folded = ch.casefold()
        if ch.isspace():
            assert folded == ch, hex(code)
        else:
            assert folded and not any(c.isspace() for c in folded), hex(code)


@PROFILE
@given(st.lists(WORD_PIECES, max_size=12).map("".join), st.lists(WORD_PIECES, max_size=12).map("".join))
def test_words_of_joined_text_are_the_words_of_its_parts(headline: str, body: str) -> None:
    # What lets the record's language detection take the body's count for the joined text's.
    joined = " ".join(filter(None, [headline, body]))
    assert normalize.count_words(joined) == normalize.count_words(headline) + normalize.count_words(body)


THREAD_PIECES = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<li>", "</li>", "<b>", "</b>", "<br>", "<!-- c -->", "\n  ", " ", "\u00a0",
     "12:30", "May 4, 2012", "2019", "20 years", "1999", "3 Comments", "Leave a Reply", "Responses", "Kommentare",
     "43 thoughts on", "Comentarios", "10 days ago", "vor 3 Tagen", "il y a 2 jours", "hace 2 días", "text", ":",
     "2 Replies"]
)  # fmt: skip


def _as_found(texts: list) -> list[tuple[str, object, bool]]:
    return [(str(t), t.getparent(), t.is_tail) for t in texts]


@PROFILE
@given(st.lists(THREAD_PIECES, max_size=30).map("".join))
def test_the_threads_looks_take_the_shown_texts_as_their_own_searches_find_them(inner: str) -> None:
    from newsclean.cleaners import threads

    root = parse_html(f"<html><body>{inner}</body></html>")
    stats = content._measure(root)
    texts = threads.shown_texts(root)
    assert _as_found(threads._heading_texts(root, texts)) == _as_found(threads._HEADING_TEXT(root))
    assert threads.comment_headings(root, stats, texts) == threads.comment_headings(root, stats)
    assert threads._stamped(root, stats, texts) == threads._stamped(root, stats)
    holders: set = set()
    assert threads._dated(root, stats, holders, texts) == threads._dated(root, stats, set())
    body = root.find("body")
    assert body is not None  # a part of the page: its own search, whatever is given
    assert threads.comment_headings(body, stats, texts) == threads.comment_headings(body, stats)


@PROFILE
@given(st.lists(THREAD_PIECES, max_size=8).map("".join))
def test_the_threads_word_checks_are_the_word_lists_asked_in_turn(text: str) -> None:
    from newsclean.cleaners import threads

    assert threads._holds_clock_word(text) == any(w in text for w in threads._CLOCK_WORDS)
    assert threads._holds_heading_word(text) == any(w in text for w in threads._HEADING_WORDS)
    for word in (*threads._CLOCK_WORDS, *threads._HEADING_WORDS):
        assert threads._holds_clock_word(f"x{word}y") or threads._holds_heading_word(f"x{word}y")


FOLD_PIECES = st.sampled_from(
    ["Word", "it's", "well-known", "_", "a_b", "9", " ", "\n", "\t", "\x1c", ".", "’", "é", "É", "ß", "ﬁ", "\u212a",
     "\u0130", "\u00a0", "東京", "²", "Ⅻ", "e\u0301", "--", "Σ", "ς", "x"]
)  # fmt: skip


@PROFILE
@given(st.lists(FOLD_PIECES, max_size=16).map("".join))
def test_text_is_folded_as_the_pattern_folds_it(text: str) -> None:
    assert content._fold(text) == re.sub(r"[\W_]+", " ", text.casefold()).strip()


@PROFILE
@given(st.lists(FOLD_PIECES, max_size=16).map("".join), st.integers(0, 64), st.integers(0, 64))
def test_a_part_s_folded_text_is_in_the_whole_s(text: str, start: int, end: int) -> None:
    # What lets a climb of _description_holder that reaches the top without the description
    # end the search: an element's text is a part of its parent's.
    assert content._fold(text[start:end]) in content._fold(text)


MOJIBAKE_PIECES = st.sampled_from(
    ["ä", "ü", "é", "í", "č", "ß", "Ä", "Ü", "É", "Ã", "Â", "”", "“", "„", "«", "»", "’", "€", "£", "°", "²", "¦", "¬",
     "\u00a0", " ", "a", "Z", "Ø", "Ù", "├", "œ", "ВЂ", "\x85", "×", "à", "µ"]
)  # fmt: skip


@PROFILE
@given(st.lists(MOJIBAKE_PIECES, max_size=12).map("".join))
def test_mojibake_is_looked_for_around_the_rarer_characters_as_ftfy_finds_it(text: str) -> None:
    from ftfy.badness import BADNESS_RE, is_bad

    # An accented letter next to a symbol is looked for around the symbol, not every "ä".
    assert normalize._MOJIBAKE_MARKS is not None and normalize._MOJIBAKE_MARKS[0].search("Grüße aus Köln") is None
    assert normalize._looks_like_mojibake(text) == is_bad(text)
    # ftfy's pattern tried only where a mark lies within a match's length ahead: the same matches.
    assert [m.span() for m in normalize._MARKED_BADNESS.finditer(text)] == [m.span() for m in BADNESS_RE.finditer(text)]


HEAD_PIECES = st.sampled_from(
    ['<meta property="og:title" content="A &amp; B">', '<meta name="Description" content=" Two  words ">',
     '<meta itemprop="datePublished" content="2024-05-02">', '<meta name="description" content="Later">',
     '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H"}</script>',
     '<script>var x = 1;</script>', '<time datetime="2024-05-02">May 2</time>', "<time> </time>",
     "<time>Yesterday</time>", "<div>", "</div>", "<p>text</p>", '<figure><img src="/a.jpg"></figure>',
     '<img src="/b.jpg" width="900" height="600">']
)  # fmt: skip


@PROFILE
@given(st.lists(HEAD_PIECES, max_size=12).map("".join))
def test_the_metadata_sources_are_read_as_one_walk_per_tag_reads_them(inner: str) -> None:
    tree = parse_html(f"<html><head></head><body>{inner}</body></html>")
    src = metadata._sources(tree)
    meta: dict[str, str] = {}
    og: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip()
        if key and el.get("content") is not None:
            target = og if key.startswith(("og:", "article:")) else meta
            target.setdefault(key.lower() if target is meta else key, metadata._clean(el.get("content")))
    times = [
        {"datetime": t.get("datetime"), "text": metadata._clean(t.text_content())}
        for t in tree.iter("time")
        if t.get("datetime") or metadata._clean(t.text_content())
    ]
    assert (src.meta, src.og, src.times) == (meta, og, times)
    assert src.jsonld == metadata._jsonld_objects(tree)


MEASURE_PIECES = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<a href='/x'>", "</a>", "<b>", "</b>", "<br>", "<li>", "</li>",
     "<script>var x = 1;</script>", "<!-- c -->", "<font>", "</font>", "×", " × ", "\n  ", "a short line",
     "A sentence long enough to be a paragraph of text, with a few more words in it to pass the sizes.",
     "<section>", "</section>", "<span>", "</span>", "<noscript>hidden words</noscript>"]
)  # fmt: skip


def _measured_plainly(root: etree._Element) -> tuple[dict, set]:
    """Every element's measures by recursion, each from its children's, as the definitions of
    ``content._Stats`` read: the plain way ``content._measure``'s single reversed pass must agree with."""
    stats: dict = {}
    loose = {
        box
        for br in root.iter("br")
        if not any(a.tag == "a" for a in (br, *br.iterancestors()) if a is root or root in a.iterancestors())
        and (box := content._loose_box(br)) is not None
    }
    closes: set = set()

    def measure(el: etree._Element, in_link: bool) -> content._Stats:
        in_link = in_link or el.tag == "a"
        s = content._Stats()
        own = (el.text or "").strip()
        s.text = len(own)
        if own in content.CLOSE_GLYPHS and len(own) == 1:
            closes.add(el)
        for child in el.iterchildren(etree.Element):
            c = measure(child, in_link)
            tail = (child.tail or "").strip()
            if len(tail) == 1 and tail in content.CLOSE_GLYPHS:
                closes.add(el)
            s.text += c.text + len(tail)
            s.links += c.links
            s.prose += c.prose
            s.loose += c.loose
            s.divs += c.divs
            s.blocks = s.blocks or c.blocks or child.tag not in content.INLINE
        stats[el] = s
        if el.tag in content.UNMEASURED:
            s.text = s.links = s.prose = s.loose = s.divs = 0
            s.blocks = False
        elif in_link:
            s.links = s.text
        elif el.tag == "p" and s.links < 0.5 * s.text:
            s.prose = s.text - s.links
        elif el in loose:
            s.loose += content._loose_paragraphs(el, stats)
        elif el.tag == "div" and not s.blocks and s.text >= content.DIV_PARAGRAPH and s.links < 0.5 * s.text:
            s.divs = s.text - s.links
        return s

    measure(root, False)
    return stats, closes


@PROFILE
@given(st.lists(MEASURE_PIECES, max_size=30).map("".join))
def test_the_measures_of_one_reversed_pass_are_each_element_s_from_its_children(inner: str) -> None:
    root = parse_html(f"<html><body>{inner}</body></html>")
    closes: list = []
    stats = content._measure(root, closes)
    plain, plain_closes = _measured_plainly(root)
    assert list(stats) == list(root.iter(etree.Element))  # every element, in page order
    assert stats == plain
    assert set(closes) == plain_closes
    body = root.find("body")
    assert body is not None  # a part of the page: measured as if it were all there is
    assert content._measure(body) == _measured_plainly(body)[0]


CONTROL_PIECES = st.sampled_from(
    ["Current", "Time", "time", "current time", "Duration", "0:00", "-1:02:03", "3:15", "Play", "Playing", "Paused",
     "Seek", "to", "live", "Seek to live", "livestream", "Fullscreen", "Full", "screen", "full  screen", "1.5x", "2x",
     "50", "%", "50 %", "Beginning", "of", "dialog", "window", "Beginning of dialog window.", "/", "|", "The",
     "president", "said", " ", "  ", "\t", "\u00a0", "Stream Type", "LIVE", "Loaded", ":", "Exit", "This is a modal",
     "window.", "\u212a", "ſkip", "Share", "x", "é"]
)  # fmt: skip


def _control_tokens_plainly(part: str) -> list[str] | None:
    """media_players._control_tokens without the look at the opening words first."""
    from newsclean.cleaners import media_players

    if media_players._CONTROL_WORDS.match(part):
        return [part]
    words = part.split()
    out: list[str] = []
    i = 0
    while i < len(words):
        for n in (3, 2, 1):
            chunk = " ".join(words[i : i + n])
            if len(words) >= i + n and media_players._CONTROL_WORDS.match(chunk):
                out.append(chunk)
                i += n
                break
        else:
            return None
    return out


@PROFILE
@given(st.lists(CONTROL_PIECES, max_size=8).map(" ".join) | st.lists(CONTROL_PIECES, max_size=8).map("".join))
def test_a_player_s_control_words_are_read_as_the_chunks_read_them(part: str) -> None:
    from newsclean.cleaners import media_players

    assert media_players._control_tokens(part) == _control_tokens_plainly(part)


SHINGLE_PIECES = st.sampled_from(["word", "Word", " ", "-", "é", "ß", "東京", "_", "9", ".", "\n", "x"])


@PROFILE
@given(st.lists(SHINGLE_PIECES, max_size=24).map("".join))
def test_shingles_are_the_runs_of_four_words_in_order(text: str) -> None:
    from newsclean.cleaners import html

    tokens = html._TOKEN.findall(text.casefold())
    assert html._shingles(text) == [tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)]


@PROFILE
@given(st.integers(0, 2 * NONCHAR_LOOKS), st.lists(UTF8_PIECES, max_size=12).map("".join))
def test_the_non_characters_are_found_in_the_bytes_as_in_the_text(fullwidth: int, text: str) -> None:
    # Before and past the looks at the 0xEF bytes one by one (a fullwidth comma leads with one).
    for html in (text, "\uff0c" * fullwidth + text, text + "\uff0c" * fullwidth + text):
        try:
            data = html.encode("utf-8")
        except UnicodeEncodeError:
            continue
        assert _holds_nonchar(PageText(None, data), data) == ("\ufffe" in html or "\uffff" in html)
        assert _utf8_for_lxml(html, data) == _plain_utf8_for_lxml(html)


FORMS_PAGE = """<html lang="en"><head><title>Rates held - Daily Courier</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Rates held</h1><p class="byline">By Ann Lee</p>
<p>The central bank left its rates where they were on Thursday, as the committee had signalled
in its last meeting, and said it would look at the figures again in the spring.</p>
<form class="signup" action="/subscribe"><label for="m">Get the morning briefing</label>
<input id="m" type="email" name="email" placeholder="Your email"><select name="f"><option>Daily</option>
<option selected>Weekly</option></select><button>Sign up</button></form>
<p>Economists had expected the decision; markets barely moved after it, and the currency held
its gains of the week against the dollar and the euro.</p>
<form><label>Leave a comment</label><textarea name="c">Your comment</textarea>
<input type="text" name="author" placeholder="Name"><input type="submit" value="Post"></form>
</article><footer><p>&copy; Daily Courier</p></footer></body></html>"""

EXTRACTION_FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "extraction").glob("*.html"))


@pytest.mark.parametrize("page", [FORMS_PAGE, *EXTRACTION_FIXTURES], ids=lambda p: getattr(p, "stem", "forms"))
def test_the_extraction_s_element_classes_give_the_records_of_lxml_html_s(page: str | Path) -> None:
    # extract_html parses its pages with HtmlElement for every tag (html._PAGE_CLASSES), not
    # lxml.html's form classes (html._ELEMENT_CLASSES, what parse_html gives): the same records.
    from newsclean.cleaners import clean_html, html

    data = page.read_bytes() if isinstance(page, Path) else page
    record = clean_html(data, url="https://example.com/a/b", find_site=False, fetched_at="2026-01-15T12:00:00Z")
    with patch.object(html, "_PAGE_CLASSES", html._ELEMENT_CLASSES):
        plain = clean_html(data, url="https://example.com/a/b", find_site=False, fetched_at="2026-01-15T12:00:00Z")
    assert record.to_dict() == plain.to_dict()
    assert type(html._parse_page(PageText(FORMS_PAGE), html._PAGE_CLASSES).find(".//form")) is lxml.html.HtmlElement


TEXT_PIECES = MEASURE_PIECES | st.sampled_from(
    ["12:30", "2019", "20", "3 days ago", "vor 2 Stunden", "Comments", "3 Responses", "Kommentare", " ", "\t",
     "<span itemprop='name'>Ann Lee</span>", "<div itemprop='author'>", "<h2>", "</h2>"]
)  # fmt: skip


@PROFILE
@given(st.lists(TEXT_PIECES, max_size=30).map("".join), st.lists(TEXT_PIECES, max_size=6).map("".join))
def test_the_text_xpaths_on_the_descendant_axis_find_what_the_abbreviated_ones_find(inner: str, head: str) -> None:
    # ``//text()[...]`` (every node, then its children with the test) and ``/descendant::text()[...]``
    # are the same nodes in the same order (no predicate counts positions): each text with its
    # element and whether it is a tail, on the page and on a part of it.
    from newsclean.cleaners import headline_line, threads

    root = parse_html(f"<html><head><title>{head}</title></head><body>{inner}</body></html>")

    def texts(found: list) -> list:
        return [(str(t), t.getparent(), t.is_tail) for t in found]

    assert texts(threads._SHOWN_TEXT(root)) == texts(root.xpath("//text()[normalize-space()]"))
    for words, new in ((threads._CLOCK_WORDS, threads._CLOCK_TEXT), (("19", "20"), threads._YEAR_TEXT)):
        old = "//text()[" + " or ".join(f"contains(., '{w}')" for w in words) + "]"
        assert texts(new(root)) == texts(root.xpath(old))
    assert texts(headline_line._SHOWN_TEXT(root)) == texts(root.xpath("//body//text()[normalize-space()]"))
    heading = ".//text()[" + " or ".join(f"contains(., '{w}')" for w in threads._HEADING_WORDS) + "]"
    for part in root.iter("div", "section", "body"):
        assert texts(threads._HEADING_TEXT(part)) == texts(part.xpath(heading))
        assert metadata._NAME_ELEMENTS(part) == part.xpath('.//*[@itemprop="name"]')


SITE_PAGES = sorted((Path(__file__).resolve().parents[1] / "fixtures" / "sites").glob("**/*.html"))


@pytest.mark.parametrize("page", SITE_PAGES, ids=lambda p: p.parent.name)
def test_a_profile_s_selectors_compiled_once_select_what_lxml_html_s_cssselect_selects(page: Path) -> None:
    from newsclean.cleaners.site import select_css, site_profiles

    root = parse_html(page.read_text(encoding="utf-8"))
    selectors = {"body", "p", "article p, h1", "div > p:first-child", "[class*='share']", "a[href^='/']"}
    for profile in site_profiles().values():
        named = (profile.headline, profile.standfirst, profile.date, profile.authors, profile.body)
        selectors.update(s for s in named if s)
        selectors.update(profile.boilerplate)
    for selector in sorted(selectors):
        for el in (root, root.find("body")):
            assert select_css(el, selector) == el.cssselect(selector)
            assert select_css(el, selector) == el.cssselect(selector)  # (the compiled selector again)
