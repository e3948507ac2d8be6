"""Properties that hold for any input (hypothesis): the library's entry points, the date parser,
the URL canonicaliser and the feed/sitemap parsers raise only their documented exceptions, finish
in bounded time, and a cleaned body holds only words the input has.

The profile (registered in conftest.py) is fixed and derandomized, so CI runs the same examples
every time, in well under a minute; ``HYPOTHESIS_PROFILE=newsclean-long`` explores more.
"""

from __future__ import annotations

import html as html_lib
import os
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from newsclean.cleaners import InputError, clean, clean_html, clean_text
from newsclean.cleaners.dates import normalize_date
from newsclean.cleaners.normalize import normalize_body
from newsclean.cleaners.urls import canonical_url
from newsclean.spiders.discovery import feed_entries, sitemap_entries

PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "newsclean"))

WORD = re.compile(r"\w+")
NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")

VOCABULARY = [
    "the", "council", "approved", "budget", "on", "Monday", "after", "a", "long", "debate", "share", "facebook",
    "twitter", "read", "more", "related", "published", "updated", "14", "Feb", "2024", "10:08", "UTC", "GMT",
    "advertisement", "subscribe", "newsletter", "cookies", "comments", "photo", "getty", "images", "copyright",
    "all", "rights", "reserved", "follow", "us", "podcasts", "0:00", "25:36", "menu", "home", "news", "world",
    "sport", "by", "and", "und", "x", "é", "ß", "北京", "москва",
]

HOSTILE = st.sampled_from(
    ["\x00", "\x01", "\x0b", "\x1f", "\ufffe", "\uffff", "\ufeff", "\u2028", "\u202e", "\x85", "\t", "\r", "  ", "\n"]
)
TEXTISH = st.lists(st.one_of(st.sampled_from(VOCABULARY), HOSTILE, st.text(max_size=8)), max_size=40).map(" ".join)

TAGS = (
    "p", "div", "span", "article", "nav", "aside", "footer", "header", "h1", "h2", "li", "ul", "table", "tr",
    "td", "a", "b", "figure", "figcaption", "section", "main", "blockquote", "pre", "br", "time", "font",
)  # fmt: skip
CLASSES = ("content", "article-body", "share", "related", "byline", "footer", "menu", "comments", "ad", "post", "")


@st.composite
def pages(draw: st.DrawFn) -> tuple[str, set[str]]:
    """A page built from random elements and texts, with the words a reader could see in it."""
    words: set[str] = set()
    texts: list[str] = []

    def node(depth: int) -> str:
        if depth > 6 or draw(st.integers(0, 3)) == 0:
            text = f" {draw(TEXTISH)} "  # spaced: adjacent texts must not fuse into a new word
            words.update(_words(text))
            texts.append(text)
            return html_lib.escape(text, quote=False)
        tag = draw(st.sampled_from(TAGS))
        cls = draw(st.sampled_from(CLASSES))
        attrs = f' class="{cls}"' if cls else ""
        words.update(_words(cls))
        children = "".join(node(depth + 1) for _ in range(draw(st.integers(0, 4))))
        closing = "" if draw(st.integers(0, 9)) == 0 else f"</{tag}>"  # sometimes left open
        return f"<{tag}{attrs}>{children}{closing}"

    head = ""
    title = draw(TEXTISH)
    words.update(_words(title))
    head += f"<title>{html_lib.escape(title, quote=False)}</title>"
    for prop in draw(st.lists(st.sampled_from(["og:url", "og:image", "article:published_time", "og:title"]),
                              max_size=3)):  # fmt: skip
        odd = ["http://[::1/x", "https://[zz]/a", "2024-01-01T10:00+24:00", "-0044-03-15", "/relative"]
        value = draw(st.one_of(st.sampled_from(odd), TEXTISH))
        words.update(_words(value))
        head += f'<meta property="{prop}" content="{html_lib.escape(value)}">'
    body = "".join(node(0) for _ in range(draw(st.integers(0, 5))))
    prefixes = ["", "<!DOCTYPE html>", "\ufeff", '<?xml version="1.0" encoding="zlib"?>', "<!---->"]
    prefix = draw(st.sampled_from(prefixes))
    # Mojibake repair reads a paragraph whole: its pieces, in page order, may mend together.
    words.update(_words(" ".join(texts)))
    return f"{prefix}<html><head>{head}</head><body>{body}</body></html>", words


def _words(text: str) -> set[str]:
    """The words of ``text`` as written and as the record path normalises text (mojibake
    repaired, NFC): a record's body may hold either form."""
    xml_text = NOT_XML.sub(" ", text)  # characters an HTML page's text cannot hold become spaces
    return {word for form in (text, normalize_body(text), normalize_body(xml_text)) for word in WORD.findall(form)}


def _words_subset(body: str | None, words: set[str]) -> None:
    if not body:
        return
    extra = {w for w in WORD.findall(body) if w not in words and not w.isdigit()}
    assert not extra, f"words in the body that the input does not have: {sorted(extra)[:10]}"


@PROFILE
@given(pages())
def test_clean_html_on_any_page(page: tuple[str, set[str]]) -> None:
    html, words = page
    article = clean_html(html, url="https://example.com/news/a-story")
    _words_subset(article.articleBody, words)
    article.to_dict()


@PROFILE
@given(st.binary(max_size=4000) | pages().map(lambda p: p[0].encode("utf-8", "surrogatepass")))
def test_clean_html_on_any_bytes(data: bytes) -> None:
    try:
        clean_html(data, encoding=None)
    except InputError:
        assert b"\x00" in data[:4096]


@PROFILE
@given(TEXTISH | st.text(max_size=3000))
def test_clean_text_on_any_text(text: str) -> None:
    article = clean_text(text, url="https://example.com/news/a-story")
    _words_subset(article.articleBody, _words(text))
    article.to_dict()


@PROFILE
@given(st.lists(TEXTISH, max_size=60).map("\n".join))
def test_clean_text_on_any_dump(text: str) -> None:
    article = clean_text(text)
    _words_subset(article.articleBody, _words(text))


@PROFILE
@given(st.binary(max_size=3000))
def test_clean_on_any_bytes(data: bytes) -> None:
    try:
        clean(data)
    except InputError:
        assert b"\x00" in data[:4096]


DATES = st.one_of(
    st.text(max_size=60),
    st.builds(
        "{}-{:02d}-{:02d}T{:02d}:{:02d}{}".format,
        st.integers(-9999, 99999), st.integers(0, 13), st.integers(0, 32), st.integers(0, 25), st.integers(0, 61),
        st.sampled_from(["", "Z", "+24:00", "-23:59", "+99:99", " UTC+30", " GMT", " CEST", "+01:00"]),
    ),
    st.builds(" ".join, st.lists(st.sampled_from([*VOCABULARY, "+24:00", "UTC+30", "-0044", "am", "pm"]), max_size=8)),
)


@PROFILE
@given(DATES, st.sampled_from([None, "Europe/Berlin", "UTC", "Not/AZone"]))
def test_date_parser_on_any_text(raw: str, zone: str | None) -> None:
    value = normalize_date(raw, timezone=zone)
    assert value is None or re.match(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value), value


URL_PARTS = st.sampled_from(["http://", "https://", "//", "", "HTTP://", "ftp://", "mailto:", "javascript:"])
HOSTS = st.sampled_from(["example.com", "WWW.Example.COM.", "[::1]", "[::1", "[zz]", "127.0.0.1:80", "h:99999",
                         "user:pw@host", "xn--nxasmq6b.com", "", "exa mple.com", "例子.测试"])  # fmt: skip
URLS = st.one_of(
    st.text(max_size=80),
    st.builds("{}{}{}".format, URL_PARTS, HOSTS, st.text(max_size=40)),
)


@PROFILE
@given(URLS, st.sampled_from([None, "https://example.com/news/", "http://[::1]/x"]))
def test_url_canonicaliser_on_any_text(url: str, base: str | None) -> None:
    try:
        result = canonical_url(url, base=base)
    except ValueError:  # documented: a URL that cannot be parsed
        return
    assert isinstance(result, str)
    assert "#" not in result


XML_PIECES = st.sampled_from([
    "<rss version='2.0'><channel>", "</channel></rss>", "<item>", "</item>", "<link>", "</link>", "<guid>",
    "</guid>", "<title>", "</title>", "<pubDate>", "</pubDate>", "<feed xmlns='http://www.w3.org/2005/Atom'>",
    "<entry>", "</entry>", "<link href='https://example.com/a'/>", "<urlset>", "</urlset>", "<url>", "</url>",
    "<loc>", "</loc>", "<sitemapindex>", "<sitemap>", "</sitemap>", "https://example.com/a?x=1&y=2",
    "https://[::1/x", "&amp;", "&bogus;", "<![CDATA[", "]]>", "<!-- ", " -->", "\x00", "\ufeff",
    "<?xml version='1.0'?>",
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>', "&b;",
    '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>', "&e;", "<guid2https:>",
])  # fmt: skip
XML = st.one_of(st.binary(max_size=2000), st.lists(XML_PIECES | st.text(max_size=10), max_size=60).map(
    lambda parts: "".join(parts).encode("utf-8", "surrogatepass")))  # fmt: skip


@PROFILE
@given(XML)
def test_feed_parser_on_any_bytes(data: bytes) -> None:
    for entry in feed_entries(data, "https://example.com/feed.xml"):
        assert isinstance(entry.url, str)
        assert "/etc/passwd" not in entry.url or "file:" not in entry.url


@PROFILE
@given(XML)
def test_sitemap_parser_on_any_bytes(data: bytes) -> None:
    children, pages_ = sitemap_entries(data, "https://example.com/sitemap.xml")
    for entry in children + pages_:
        assert isinstance(entry.url, str)
