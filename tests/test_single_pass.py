"""The extractor's shortcuts give exactly what the plain way gives: the page parsed from checked
UTF-8 bytes with the element classes looked up in C, and the text measures of the stripped page
updated around what was dropped instead of measured twice."""

from __future__ import annotations

import html as html_lib
import re

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from newsclean.cleaners.content import _hidden, _is_unlikely, _judged_unlikely, _measure, _Stats, strip_page
from newsclean.cleaners.decoding import decode_html, decode_html_utf8
from newsclean.cleaners.html import parse_html

PROFILE = settings.get_profile("single-pass")

NOT_XML_TEXT = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
NOT_XML_REFERENCE = re.compile(
    r"&#(?:0*(?:[0-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|[xX]0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF])(?![0-9a-fA-F]));?"
)


def plain_parse(html: str) -> etree._Element:
    """The page parsed the plain way: every character checked in the str, lxml.html's parser."""
    html = NOT_XML_REFERENCE.sub(" ", NOT_XML_TEXT.sub(" ", html))
    return lxml.html.document_fromstring(html or "<html></html>", parser=lxml.html.HTMLParser(huge_tree=True))


def same_tree(a: etree._Element, b: etree._Element) -> None:
    assert etree.tostring(a, encoding="unicode") == etree.tostring(b, encoding="unicode")
    assert [type(el) for el in a.iter()] == [type(el) for el in b.iter()]


PIECES = st.sampled_from(
    [
        "plain words, with a comma.",
        "\x00", "\x08", "\x0b", "\x1f", "\t", "\r\n", "\ud800", "\udfff", "\ufffe", "\uffff", "\ufffd",
        "한국어 기사", "\ud7ff", "\ue000", "é", "北京", "\U0001f600", "&#8;", "&#x0b;", "&#xFFFE;", "&#65535;",
        "&#10;", "&#x1F600;", "&amp;", "&#", "<b>bold</b>", "<form><input type=email></form>",
        "<select><option>a</option></select>", "<textarea>t</textarea>", "<label>l</label>",
    ]
)  # fmt: skip


@PROFILE
@given(st.lists(PIECES, max_size=12).map("".join))
def test_parsing_checked_bytes_gives_the_plain_parse(text: str) -> None:
    page = f"<html><body><p>{text}</p><div>{text}</div></body></html>"
    same_tree(parse_html(page), plain_parse(page))


def test_element_classes_are_lxml_htmls() -> None:
    root = parse_html("<form><input type=email><select></select><textarea></textarea><label>x</label></form><p>t")
    assert isinstance(root.find(".//form"), lxml.html.FormElement)
    assert isinstance(root.find(".//input"), lxml.html.InputElement)
    assert isinstance(root.find(".//select"), lxml.html.SelectElement)
    assert isinstance(root.find(".//textarea"), lxml.html.TextareaElement)
    assert isinstance(root.find(".//label"), lxml.html.LabelElement)
    assert type(root.find(".//p")) is lxml.html.HtmlElement


TAGS = ("p", "div", "span", "a", "b", "nav", "aside", "script", "style", "title", "button", "li", "pre", "td", "h2")
ATTRS = ("", ' class="content"', ' class="share"', ' class="sidebar"', " hidden", ' style="display:none"')


@st.composite
def pages(draw: st.DrawFn) -> str:
    """Random nests of kept and dropped elements, comments, and text and tails around them."""

    def text() -> str:
        return html_lib.escape(draw(st.sampled_from(["", " ", "  word ", "A sentence, with commas, here. ", "x"])))

    def node(depth: int) -> str:
        kind = draw(st.integers(0, 6))
        if depth > 5 or kind == 0:
            return text()
        if kind == 1:
            return f"<!-- note -->{text()}"
        tag = draw(st.sampled_from(TAGS))
        children = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 4))))
        return f"<{tag}{draw(st.sampled_from(ATTRS))}>{text()}{children}</{tag}>{text()}"

    return "<html><body>" + "".join(node(0) for _ in range(draw(st.integers(1, 4)))) + "</body></html>"


def _on_page(measured: dict[etree._Element, _Stats], root: etree._Element) -> dict[etree._Element, _Stats]:
    """The measures of the elements still on the page (the dropped ones keep their old ones)."""
    return {el: measured[el] for el in root.iter() if isinstance(el.tag, str)}


@PROFILE
@given(pages())
def test_strip_page_gives_the_measures_of_the_stripped_page(page: str) -> None:
    root = parse_html(page)
    measured = strip_page(root)
    assert _on_page(measured, root) == _measure(root)


def test_strip_page_measures_after_moved_tails_and_links() -> None:
    page = (
        "<html><body><div class='content'><p>Lead text, long enough. <a href='/x'>link <script>x()</script>"
        " tail in link</a> after</p><!-- c --> comment tail <nav>menu</nav> nav tail "
        "<p><span hidden>gone</span>  kept  </p><title>t</title> title tail</div></body></html>"
    )
    root = parse_html(page)
    measured = strip_page(root)
    assert root.find(".//nav") is None and root.find(".//script") is None
    assert _on_page(measured, root) == _measure(root)


JUDGED_ATTRS = st.fixed_dictionaries(
    {},
    optional={
        "hidden": st.just(""),
        "aria-hidden": st.sampled_from(["true", "false"]),
        "style": st.sampled_from(["", "display: none", "color: red", "VISIBILITY:hidden"]),
        "role": st.sampled_from(["navigation", "main", "dialog", ""]),
        "class": st.sampled_from(
            ["", " ", "share-bar", "content", "sidebar article", "menu", "post", "sr-only", "hidden", "d-none menu",
             "hidden md:block", "visually-hidden post", "accordion-body hidden", "is-hidden", "h-offscreen"]
        ),
        "id": st.sampled_from(["", "nav", "comments", "story"]),
        "itemprop": st.sampled_from(["articleBody", "author"]),
        "data-x": st.just("1"),
    },
)


@PROFILE
@given(st.sampled_from(["div", "aside", "body", "article", "main", "span", "section"]), JUDGED_ATTRS)
def test_elements_are_judged_from_their_attribute_names_as_by_asking_each(tag: str, attrs: dict[str, str]) -> None:
    el = lxml.html.Element(tag, attrs)
    assert _judged_unlikely(el, tag, el.keys()) == bool(_hidden(el) or _is_unlikely(el, tag))


@PROFILE
@given(st.lists(PIECES, max_size=12).map("".join), st.sampled_from(["", '<?xml version="1.0" encoding="bogus"?>\n']))
def test_parsing_the_pages_own_utf8_gives_the_plain_parse(text: str, prolog: str) -> None:
    page = f"{prolog}<html><body><p>{text}</p><div>{text}</div></body></html>"
    try:
        data = page.encode("utf-8")
    except UnicodeEncodeError:  # a surrogate: such text never comes from decoding bytes
        return
    same_tree(parse_html(page, data), plain_parse(page[len(prolog) :]))


@pytest.mark.parametrize(
    ("data", "exact"),
    [
        (b"<p>plain ascii</p>", True),
        ("<p>caf\u00e9 \u5317\u4eac</p>".encode(), True),
        (b"\xef\xbb\xbf<p>caf\xc3\xa9</p>", False),  # a BOM: the text lacks it
        (b"<meta charset=iso-8859-1><p>caf\xe9</p>", False),  # not UTF-8
        (b"<p>caf\xc3\xa9 and one bad \xff byte</p>", False),  # UTF-8 with replacement
    ],
)
def test_the_decoded_text_is_marked_exact_only_when_its_utf8_is_the_bytes(data: bytes, exact: bool) -> None:
    text, marked = decode_html_utf8(data)
    assert text == decode_html(data)
    assert marked is exact
    if marked:
        assert text.encode("utf-8") == data
