"""The library's exception contract: ``clean_html``/``clean_text``/``clean`` give a record for any
content and raise only :class:`InputError` (binary bytes, a malformed ``url`` argument)."""

from __future__ import annotations

import pytest
from newsclean.cleaners import DecodeError, InputError, clean, clean_html, clean_text
from newsclean.cleaners.dates import normalize_date

PARAGRAPH = "<p>The council approved the budget on Monday after a long debate about the new school.</p>"


def page(head: str = "", body: str = PARAGRAPH) -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body><article>{body}</article></body></html>"


ODD_PAGES = {
    "control character after a removed element": page(body=PARAGRAPH + "<nav>Home</nav>\x01 tail \x0b text"),
    "U+FFFE after a removed element": page(body=PARAGRAPH + "<aside>Related</aside>\ufffe tail"),
    # Found by fuzzing: the same characters as references (&#8;, &#xFFFE;), decoded by the parser.
    "control character references": page(body=PARAGRAPH + "<nav>Home</nav>&#8;&#8&#x1f; tail &#xFFFE;"),
    "offset of 24 hours": page('<meta property="article:published_time" content="2024-03-01T10:00:00+24:00">'),
    "offset of 30 hours": page('<meta property="article:published_time" content="1 March 2024 10:00 UTC+30">'),
    "malformed IPv6 canonical": page('<link rel="canonical" href="http://[::1/story">'),
    "malformed IPv6 og:url": page('<meta property="og:url" content="https://[2001:db8::1/story">'),
    "malformed IPv6 og:image": page('<meta property="og:image" content="http://[zz]/a.png">'),
    "only a comment": "<!-- nothing here -->",
    "only a doctype": "<!DOCTYPE html>",
    "only white space": " \n\t ",
    "deeply nested JSON-LD array": page('<script type="application/ld+json">' + "[" * 5000 + "]" * 5000 + "</script>"),
    "deeply nested JSON-LD object": page(
        '<script type="application/ld+json">' + '{"a":' * 5000 + "1" + "}" * 5000 + "</script>"
    ),
}

ODD_BYTES = {
    "meta charset zlib": page('<meta charset="zlib">').encode(),
    "meta charset base64": page('<meta charset="base64">').encode(),
    "XML prolog naming a non-text codec": b'<?xml version="1.0" encoding="rot13"?>' + page().encode(),
    "two XML prologs": b'<?xml version="1.0" encoding="bogus"?><?xml version="1.0" encoding="x"?>' + page().encode(),
    "unclosed XML prolog": b'<?xml version="1.0" encoding="bogus">' + page().encode(),
    "BOM then invalid bytes": b"\xef\xbb\xbf" + page().encode().replace(b"council", b"coun\xffcil"),
    "odd-length UTF-16": b"\xff\xfe" + page().encode("utf-16-le") + b"x",
    "UTF-32 BOM, truncated": b"\xff\xfe\x00\x00" + page().encode("utf-32-le")[:-3],
}


@pytest.mark.parametrize("name", sorted(ODD_PAGES))
def test_odd_pages_give_a_record(name: str) -> None:
    html = ODD_PAGES[name]
    for cleaned in (clean_html(html, url="https://example.com/a"), clean(html), clean_text(html)):
        assert cleaned.url in (None, "https://example.com/a")
    article = clean_html(html, url="https://example.com/a")
    if "council" in html:
        assert "council approved the budget" in (article.articleBody or "")
    if "IPv6" in name:
        assert article.canonicalUrl in (None, "https://example.com/a")
        assert article.mainImage is None
    if "offset" in name:
        assert article.datePublished is None


@pytest.mark.parametrize("name", sorted(ODD_BYTES))
def test_odd_bytes_give_a_record(name: str) -> None:
    data = ODD_BYTES[name]
    article = clean_html(data)
    assert "approved the budget" in (article.articleBody or "")
    clean_text(data)
    clean(data)


def test_dates_out_of_range_are_no_dates() -> None:
    assert normalize_date("2024-03-01T10:00:00+24:00") is None
    assert normalize_date("1 March 2024 10:00 UTC+30") is None
    assert normalize_date("2024-03-01T10:00:00+23:59") == "2024-03-01T10:00:00+23:59"
    # A negative year lost its sign ("0044-03-15"): no date rather than a wrong one.
    assert normalize_date("-0044-03-15") is None
    # dateutil raised decimal.InvalidOperation on a long run of digits after a colon (fuzzing).
    assert normalize_date("14 Feb, 2024:08" + "8" * 200) in (None, "2024-02-14T00:00:00")


def test_text_dump_with_offset_date_line() -> None:
    article = clean_text("Budget approved\nPublished: 1 March 2024 10:00 +25:00\nThe council approved it.\n")
    assert article.datePublished is None


def test_binary_bytes_raise_the_documented_error() -> None:
    data = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256))
    for fn in (clean_html, clean_text, clean):
        with pytest.raises(DecodeError) as caught:
            fn(data)
        assert isinstance(caught.value, InputError)
        assert "binary" in str(caught.value)


def test_a_stray_nul_byte_in_a_page_is_read_as_a_space() -> None:
    # A CMS that lets a NUL through into a page: browsers show the page, so does newsclean.
    html = page(body="<h1>Budget</h1>\x00" + PARAGRAPH + "<p>The mayor said\x00 it would fund two schools.</p>")
    data = html.encode()
    assert data.index(b"\x00") < 4096
    for fn in (clean_html, clean):
        body = fn(data, url="https://example.com/news/budget").articleBody
        assert "The council approved the budget on Monday" in body
        assert "The mayor said it would fund two schools." in body
    dump = b"Budget\n\nThe council approved the budget on Monday after a long debate.\x00 The mayor spoke.\n"
    for fn in (clean_text, clean):
        assert "after a long debate. The mayor spoke." in fn(dump).articleBody


@pytest.mark.parametrize(
    "data",
    [b"\x00" * 100, "<html><p>Hello</p></html>".encode("utf-16-le"), b"\x1f\x8b\x08\x00" + bytes(range(256)) * 8],
    ids=["only NULs", "UTF-16 without a BOM", "gzip"],
)
def test_bytes_with_many_control_bytes_are_binary(data: bytes) -> None:
    for fn in (clean_html, clean_text, clean):
        with pytest.raises(DecodeError, match="binary"):
            fn(data)


def test_malformed_url_argument_raises_the_documented_error() -> None:
    for fn in (clean_html, clean_text, clean):
        with pytest.raises(InputError, match=r"malformed url 'http://\[::1'"):
            fn(page(), url="http://[::1")


def test_nesting_past_lxmls_default_limit_keeps_the_text(caplog: pytest.LogCaptureFixture) -> None:
    # Past 255 levels the body came out empty, without a word; past 2,048 (libxml2's limit even
    # with huge_tree) it did until the markup was made shallow and parsed again.
    for depth in (300, 1500, 3000, 20000):
        html = "<html><body>" + "<div>" * depth + PARAGRAPH + "</div>" * depth + "</body></html>"
        assert "council approved the budget" in (clean_html(html).articleBody or "")
    assert "nested more than" not in caplog.text


def test_deep_markup_after_the_closing_html_tag_is_flattened_too() -> None:
    # Found by fuzzing (input 239961): a mutated widget list after ``</html>`` parsed into a second
    # ``<html>`` 1,100 levels deep. It is moved into the body, but the depth bound ran before the
    # move, so the walk from elements to text recursed past Python's limit (RecursionError).
    from newsclean.cleaners.html import MAX_DEPTH, parse_html

    html = "<p>intro</p></body></html>" + "<ul><li><h3>Meta</h3><a href=/x>entry" * 400
    root = parse_html(html)
    depth, stack = 0, [(root, 0)]
    while stack:
        el, d = stack.pop()
        depth = max(depth, d)
        stack.extend((child, d + 1) for child in el)
    assert depth <= MAX_DEPTH + 1
    assert root.text_content().count("entry") == 400


def test_the_text_of_an_element_nested_past_the_recursion_limit_is_read() -> None:
    # The text walk is iterative: no depth of markup handed to it can exhaust Python's stack.
    from lxml import etree
    from newsclean.cleaners.html import _text

    top = el = etree.Element("div")
    for i in range(5000):
        el = etree.SubElement(el, "p")
        el.text = f"w{i}"
        el.tail = "t"
    text = _text(top)
    words = text.split()
    assert words[:3] == ["w0", "w1", "w2"] and words[4999] == "w4999"
    assert words[5000:] == ["t"] * 5000


def test_a_text_node_over_10_mb_is_parsed() -> None:
    from newsclean.cleaners.html import parse_html

    root = parse_html("<html><body><p>" + "word " * 2_200_000 + "</p></body></html>")
    assert len(root.text_content()) > 10_000_000


def test_a_page_over_the_size_limit_is_refused_by_name() -> None:
    from newsclean.cleaners.api import MAX_PAGE_BYTES

    assert MAX_PAGE_BYTES == 20 * 1024 * 1024
    big = page(body=PARAGRAPH * 2000)
    for fn in (clean_html, clean_text, clean):
        for data in (big, big.encode()):
            with pytest.raises(InputError, match=r"larger than the limit of 1,000 \(NEWSCLEAN_MAX_PAGE_BYTES\)"):
                fn(data, max_bytes=1000)
    # No bound with None or 0; the default lets an ordinary page through.
    assert "council approved" in (clean_html(big, max_bytes=None).articleBody or "")
    assert "council approved" in (clean_text(PARAGRAPH * 3, max_bytes=0).articleBody or "")
    assert "council approved" in (clean_html(big).articleBody or "")


def test_a_page_over_the_default_limit_is_refused_before_any_work() -> None:
    huge = b"<html><body><p>" + b"word " * (5 * 1024 * 1024) + b"</p></body></html>"
    with pytest.raises(InputError, match="NEWSCLEAN_MAX_PAGE_BYTES"):
        clean_html(huge)


def test_a_canonical_link_with_a_port_that_is_no_number_is_left_out() -> None:
    """Found by fuzzing the final code: `<link rel=canonical>` with junk where the port goes
    raised ValueError out of clean_html; the page's own URL stands instead."""
    page = (
        '<html><head><link rel="canonical" href="https://www.example.com:x9:com/blog/a-post">'
        "<title>A post</title></head><body><article><p>" + "Words of the post. " * 20 + "</p></article></body></html>"
    )
    article = clean_html(page, url="https://www.example.com/blog/a-post")
    assert article.canonicalUrl == "https://www.example.com/blog/a-post"
    assert clean_html(page).canonicalUrl is None
