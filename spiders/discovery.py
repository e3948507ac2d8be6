"""Finding article URLs: RSS/Atom feeds, sitemaps (with Google News fields), robots.txt, links.

Plain functions over bytes and text, no Scrapy: the spiders call them from their callbacks.
Scrapy's own sitemap parser drops Google News ``<news:...>`` elements, so sitemaps are read
here with lxml.
"""

from __future__ import annotations

import gzip
import html
import io
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit

from dateutil import parser as dateparser
from lxml import etree
from newsclean.cleaners.urls import canonical_url

__all__ = [
    "Entry",
    "feed_entries",
    "feed_links",
    "is_older",
    "later_date",
    "looks_like_article",
    "looks_like_section",
    "parse_since",
    "resolve_url",
    "robots_sitemaps",
    "same_site",
    "sitemap_entries",
    "strip_tracking",
]

NON_HTML_EXTENSIONS = frozenset(
    [
        "pdf",
        "jpg",
        "jpeg",
        "png",
        "gif",
        "webp",
        "svg",
        "ico",
        "bmp",
        "tif",
        "tiff",
        "mp3",
        "mp4",
        "m4a",
        "m4v",
        "ogg",
        "oga",
        "wav",
        "webm",
        "mov",
        "avi",
        "zip",
        "gz",
        "tgz",
        "rar",
        "7z",
        "xml",
        "rss",
        "atom",
        "json",
        "js",
        "css",
        "txt",
        "csv",
        "xls",
        "xlsx",
        "doc",
        "docx",
        "ppt",
        "pptx",
        "epub",
        "apk",
        "exe",
        "dmg",
        "woff",
        "woff2",
        "ttf",
    ]
)
"""File extensions of links that are never article pages."""

NON_ARTICLE_SEGMENTS = frozenset(
    [
        "tag",
        "tags",
        "topic",
        "topics",
        "category",
        "categories",
        "section",
        "sections",
        "author",
        "authors",
        "search",
        "page",
        "login",
        "logout",
        "signin",
        "register",
        "account",
        "subscribe",
        "newsletter",
        "newsletters",
        "about",
        "contact",
        "privacy",
        "terms",
        "impressum",
        "imprint",
        "datenschutz",
        "feed",
        "feeds",
        "rss",
        "video-gallery",
        "gallery",
        "galleries",
        "shop",
        "jobs",
        "careers",
        "advertise",
        "static",
        "assets",
        "cdn-cgi",
        "wp-admin",
        "wp-login.php",
        "products",
        "product",
        "store",
        "cart",
        "checkout",
        "browse",
        "collections",
        "threads",
        "forum",
        "forums",
        "community",
        "docs",
        "help",
        "support",
        "faq",
    ]
)
"""Path segments of tag pages, listings, shop, forum, documentation and service pages."""

"""Query parameters that only track where a reader came from."""

_ARTICLE_ID = re.compile(r"\d{4,}")
_DATE_PATH = re.compile(r"/(19|20)\d\d/(0?[1-9]|1[0-2])(/|$)")
_SLUG_WORDS = re.compile(r"[a-z0-9\u00c0-\uffff]+", re.I)

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "atom": "http://www.w3.org/2005/Atom",
    "dc": "http://purl.org/dc/elements/1.1/",
}
MAX_SITEMAP_BYTES = 50 * 1024 * 1024
"""The sitemap protocol's limit on an uncompressed sitemap."""


_VIA_RANK = {"sitemap": 2, "feed": 1, "link": 0}
"""How specific a listing's publication date is: a Google News sitemap's
``news:publication_date`` before a feed item's date; page links carry none."""


@dataclass(frozen=True)
class Entry:
    """An article URL found in a feed or sitemap, with what the listing said about it.

    The listing's two dates are kept apart: ``published`` says when the article came out and
    ``modified`` when the page last changed (what incremental crawls compare).
    """

    url: str
    via: str
    """``feed``, ``sitemap`` or ``link``."""
    source: str
    """URL of the feed, sitemap or page the entry came from."""
    published: str | None = None
    """Publication date as the listing gave it: ``news:publication_date``, RSS ``pubDate`` or
    ``dc:date``, Atom ``<published>``."""
    title: str | None = None
    """``news:title`` or the feed item's title."""
    modified: str | None = None
    """Last-change date as the listing gave it: sitemap ``<lastmod>``, Atom ``<updated>``, a
    feed item's ``dcterms:modified``."""
    content: str | None = None
    """The whole article as the feed item carries it (RSS ``content:encoded``, Atom
    ``<content type="html">``): HTML, used to cross-check the page's text and as the fallback
    when the page cannot be fetched."""

    def as_dict(self) -> dict[str, str]:
        return {k: v for k, v in vars(self).items() if v and k != "content"}

    def merged(self, other: Entry) -> Entry:
        """This entry and ``other`` (the same URL in another listing) as one: the later
        ``modified`` date, and the publication date, title, ``via`` and ``source`` of the more
        specific listing (a news sitemap's publication date, else a feed's, else the one first
        seen); a missing title is filled from the other."""
        best, rest = self, other
        if (other.published is not None, _VIA_RANK.get(other.via, 0)) > (
            self.published is not None,
            _VIA_RANK.get(self.via, 0),
        ):
            best, rest = other, self
        return Entry(
            self.url,
            best.via,
            best.source,
            best.published or rest.published,
            best.title or rest.title,
            later_date(self.modified, other.modified),
            best.content or rest.content,
        )


# -- URLs -------------------------------------------------------------------------------------


def strip_tracking(url: str) -> str:
    """``url`` as the crawl keys and fetches it: its canonical form
    (:func:`~newsclean.cleaners.urls.canonical_url`: no fragment, no tracking parameters)."""
    return canonical_url(url)


def resolve_url(base: str, ref: str) -> str | None:
    """``ref`` resolved against ``base``, or ``None`` when it is no URL (``https://[::1/x``)."""
    try:
        url = urljoin(base, ref.strip())
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 - validates a bracketed host
        parts.port  # noqa: B018 - validates the port ("http://x:00:00 GMT/" is no URL)
    except ValueError:
        return None
    return url


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def same_site(url: str, home: str) -> bool:
    """True when ``url`` is on ``home``'s host or one of its subdomains (``www.`` ignored)."""
    host, base = _host(url), _host(home)
    return bool(host) and (host == base or host.endswith("." + base))


def _extension(path: str) -> str:
    last = path.rstrip("/").rsplit("/", 1)[-1]
    return last.rsplit(".", 1)[-1].lower() if "." in last else ""


def looks_like_article(url: str, *, listed: bool = False) -> bool:
    """Whether ``url`` looks like an article page rather than a front, tag page or file.

    Links found on pages must look like articles: a long slug (three words or more), a
    numeric id, or a dated path. Entries of feeds and sitemaps (``listed``) are articles by
    declaration unless they are files, the homepage, or tag/section pages.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return False
    path = parts.path or "/"
    if _extension(path) in NON_HTML_EXTENSIONS:
        return False
    segments = [s for s in path.split("/") if s]
    if not segments:
        return False
    if any(s.lower() in NON_ARTICLE_SEGMENTS for s in segments[:-1]) or segments[0].lower() in NON_ARTICLE_SEGMENTS:
        return False
    if listed:
        return True
    last = segments[-1].rsplit(".", 1)[0]
    words = _SLUG_WORDS.findall(last.replace("_", "-"))
    return (
        (len(words) >= 3 and "-" in last)
        or _ARTICLE_ID.search(last) is not None
        or (_DATE_PATH.search(path) is not None and len(segments) >= 3)
    )


def looks_like_section(url: str) -> bool:
    """Whether ``url`` looks like a section front (``/politics/``, ``/sport/football/``):
    a short path of plain words, no file extension, no tag or service segment."""
    parts = urlsplit(url)
    segments = [s for s in (parts.path or "/").split("/") if s]
    if parts.query or not 1 <= len(segments) <= 2 or _extension(parts.path):
        return False
    if any(s.lower() in NON_ARTICLE_SEGMENTS for s in segments):
        return False
    return all(re.fullmatch(r"[a-z]+(?:-[a-z]+)?", s, re.I) for s in segments)


# -- dates ------------------------------------------------------------------------------------


def parse_since(value: str) -> date:
    """``-a since=YYYY-MM-DD`` as a date; ValueError naming the value otherwise."""
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"since={value!r} is not a date in the form YYYY-MM-DD") from None


def _to_datetime(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dateparser.isoparse(value)
    except (ValueError, OverflowError):
        pass
    try:
        return dateparser.parse(value)
    except (ValueError, OverflowError):
        return None


def is_older(published: str | None, since: date | None) -> bool:
    """True when a listing date is known and falls before ``since`` (UTC day)."""
    if since is None or not published:
        return False
    when = _to_datetime(published)
    if when is None:
        return False
    if when.tzinfo is not None:
        when = when.astimezone(UTC)
    return when.date() < since


def _utc(value: str | None) -> datetime | None:
    when = _to_datetime(value) if value else None
    if when is None:
        return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def later_date(first: str | None, second: str | None) -> str | None:
    """The later of two listing dates, as given; a readable date wins over an unreadable one,
    and ``first`` wins a tie."""
    a, b = _utc(first), _utc(second)
    if a is None or b is None:
        return first if a is not None or (b is None and first) else second
    return second if b > a else first


# -- feeds ------------------------------------------------------------------------------------


_BARE_AMPERSAND = re.compile(rb"&(?!#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|(?:amp|lt|gt|quot|apos);)")
"""An ``&`` that starts no character reference or XML's five entities (``?a=1&b=2`` in a
``<loc>``, an entity the document declares itself, an HTML one such as ``&nbsp;``): escaped
before parsing, so the text is read as written instead of losing ``&b`` to the parser's
recovery, and an entity bomb (entities declared in terms of each other) expands to nothing:
its references stay literal text. libxml2 stops at such a bomb and recovery kept 1 entry of 30."""

_ENTRY_TAGS = {
    "feed": re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:item|entry)[\s/>]", re.I),
    "sitemap": re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(?:url|sitemap)[\s/>]", re.I),
}
"""The opening tag of a feed's or sitemap's entry, counted in the raw bytes to tell how many
entries the parser could not read (a feed's channel ``<image><url>`` is no entry)."""


_XML_DECLARED_ENCODING = re.compile(rb"""<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._-]{1,40})""")


def _xml_bytes(body: bytes) -> bytes | None:
    """``body`` gunzipped when it is gzip (at most :data:`MAX_SITEMAP_BYTES`), ``None`` when that fails."""
    if body[:2] == b"\x1f\x8b":
        try:
            with gzip.GzipFile(fileobj=io.BytesIO(body)) as gz:
                return gz.read(MAX_SITEMAP_BYTES + 1)[:MAX_SITEMAP_BYTES]
        except (OSError, EOFError, zlib.error):
            return None
    return body


def entries_in(body: bytes, kind: str) -> int:
    """How many entries a ``kind`` ``"feed"`` (``<item>``, ``<entry>``) or ``"sitemap"``
    (``<url>``, ``<sitemap>``) opens in its bytes, read or not: that minus what
    :func:`feed_entries` or :func:`sitemap_entries` gave is the entries that could not be read."""
    data = _xml_bytes(body)
    return len(_ENTRY_TAGS[kind].findall(data)) if data else 0


def _xml_root(body: bytes) -> etree._Element | None:
    data = _xml_bytes(body)
    if data is None:
        return None
    body = data.lstrip()
    declared = _XML_DECLARED_ENCODING.match(body)
    if declared is None or declared.group(1).lower().replace(b"_", b"-") in (b"utf-8", b"utf8"):
        # Invalid UTF-8 would survive recovery and raise when an element's text is read.
        body = body.decode("utf-8", "replace").encode("utf-8")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=False)
    try:
        root = etree.fromstring(_BARE_AMPERSAND.sub(b"&amp;", body), parser=parser)
    except etree.XMLSyntaxError:
        return None
    return root


def _unescaped(title: str | None) -> str | None:
    """A title with the HTML entities it names (``&nbsp;``, kept literal by the parser) read."""
    return html.unescape(title) if title else title


def _local(el: etree._Element) -> str:
    # Not etree.QName: a recovered tag name need not be a valid one ("guid2https:").
    return el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else ""


def _child_text(el: etree._Element, *names: str) -> str | None:
    for child in el:
        try:
            text = (child.text or "").strip()
        except UnicodeDecodeError:  # bytes invalid in the declared encoding, kept by recovery
            continue
        if _local(child) in names and text:
            return text
    return None


def feed_entries(body: bytes, feed_url: str) -> Iterator[Entry]:
    """Items of an RSS 2.0 / RSS 1.0 / Atom feed, in feed order.

    ``published`` is the item's ``pubDate``, ``dc:date`` or Atom ``<published>``; ``modified``
    its Atom ``<updated>`` or ``dcterms:modified``.

    An RSS ``<guid>`` that is an absolute URL wins over ``<link>`` (rt.com's links carry
    tracking parameters, its guids are the clean URLs); tracking parameters are stripped.
    """
    root = _xml_root(body)
    if root is None:
        return
    for item in root.iter():
        kind = _local(item)
        if kind not in ("item", "entry"):
            continue
        url = None
        if kind == "entry":
            for link in item:
                if _local(link) == "link" and link.get("rel", "alternate") == "alternate" and link.get("href"):
                    url = link.get("href")
                    break
        else:
            guid = _child_text(item, "guid")
            # A permalink guid with a real path is the clean URL; WordPress's "/?p=123"
            # guids are not, and the item's <link> is then better.
            if guid and guid.startswith(("http://", "https://")) and resolve_url(feed_url, guid):
                url = guid if urlsplit(guid).path.strip("/") else None
            url = url or _child_text(item, "link") or item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
        absolute = resolve_url(feed_url, url) if url else None
        if not absolute:
            continue
        yield Entry(
            strip_tracking(absolute),
            "feed",
            feed_url,
            published=_child_text(item, "pubdate", "published", "date", "issued"),
            title=_unescaped(_child_text(item, "title")),
            modified=_child_text(item, "updated", "modified"),
            content=_full_text(item),
        )


FULL_TEXT_MIN_WORDS = 80
"""A feed item's content shorter than this is a teaser, not the whole article."""


def _full_text(item: etree._Element) -> str | None:
    """The item's whole article: ``content:encoded`` or Atom ``<content>`` (HTML), when it is
    long enough to be more than a teaser."""
    for child in item:
        if _local(child) in ("encoded", "content") and (child.text or "").strip():
            text = child.text or ""
            words = len(re.sub(r"<[^>]+>", " ", text).split())
            return text if words >= FULL_TEXT_MIN_WORDS else None
    return None


def feed_links(html_links: Iterator[tuple[str, str, str]], page_url: str) -> list[str]:
    """Feed URLs among a page's ``<link>`` elements given as ``(rel, type, href)``."""
    found: list[str] = []
    for rel, kind, href in html_links:
        rels = rel.lower().split()
        if "alternate" in rels and re.search(r"(rss|atom)\+xml", kind, re.I) and href:
            url = resolve_url(page_url, href)
            if url and url not in found:
                found.append(url)
    return found


# -- sitemaps ---------------------------------------------------------------------------------


def sitemap_entries(body: bytes, sitemap_url: str) -> tuple[list[Entry], list[Entry]]:
    """``(child sitemaps, pages)`` of a sitemap or sitemap index (gzip accepted).

    Page entries carry ``news:publication_date`` as ``published``, ``lastmod`` as ``modified``
    and ``news:title``; child sitemaps their ``lastmod`` as ``modified``.
    """
    root = _xml_root(body)
    children: list[Entry] = []
    pages: list[Entry] = []
    if root is None:
        return children, pages
    kind = _local(root)
    for el in root:
        if _local(el) not in ("sitemap", "url"):
            continue
        loc = _child_text(el, "loc")
        loc = resolve_url(sitemap_url, loc) if loc else None
        if not loc:
            continue
        lastmod = _child_text(el, "lastmod")
        if kind == "sitemapindex" or _local(el) == "sitemap":
            children.append(Entry(loc, "sitemap", sitemap_url, modified=lastmod))
            continue
        news_date = news_title = None
        for news in el.iter(f"{{{NS['news']}}}news"):
            news_date = _child_text(news, "publication_date")
            news_title = _unescaped(_child_text(news, "title"))
        pages.append(Entry(strip_tracking(loc), "sitemap", sitemap_url, news_date, news_title, lastmod))
    return children, pages


def robots_sitemaps(text: str, robots_url: str) -> list[str]:
    """The ``Sitemap:`` URLs a robots.txt lists."""
    found: list[str] = []
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            url = resolve_url(robots_url, value)
            if url and url not in found:
                found.append(url)
    return found
