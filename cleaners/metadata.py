"""Page metadata: JSON-LD, OpenGraph, ``<meta>``, ``<time>`` and site selectors -> record fields."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from newsclean.cleaners.caseless import Caseless
from newsclean.cleaners.content import _fold, links_home, text_content
from newsclean.cleaners.dates import looks_like_date
from newsclean.cleaners.errors import _PLAIN_URL
from newsclean.cleaners.images import image_from_jsonld
from newsclean.cleaners.page_chrome import BYLINE_WORD
from newsclean.cleaners.record import Author, Breadcrumb, Image, LiveBlogUpdate
from newsclean.cleaners.site import SiteProfile, select_css

__all__ = ["extract_metadata", "first_title"]

ARTICLE_TYPES = frozenset(
    [
        "Article",
        "NewsArticle",
        "BlogPosting",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "OpinionNewsArticle",
        "ReviewNewsArticle",
        "BackgroundNewsArticle",
        "LiveBlogPosting",
        "TechArticle",
        "ScholarlyArticle",
        "SocialMediaPosting",
        "WebPage",
    ]
)
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "sailthru.date",
    "parsely-pub-date",
    "published_time_telegram",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "dateModified", "last-modified", "dcterms.modified")
PUBLISHED_KEY = re.compile(r"publish(?:ed)?[-_:. ]?(?:date|time|at|on)|date[-_:. ]?publish|pub[-_]?date", re.I)
"""Any other ``<meta>`` name for the publication time (``article:published:time``)."""

DATE_HINTS = re.compile(r"(?<![a-z])(?:date|time|published|posted|pubdate|timestamp|dateline)", re.I)
"""Class/id words of the element that prints the article's date."""

STANDFIRST_HINTS = re.compile(r"summary|standfirst|lead|dek|intro|subtitle|subhead|teaser|excerpt|description", re.I)

_SCRIPT_WRAPPER = re.compile(r"^(?:<!--|(?://\s*)?<!\[CDATA\[)\s*|(?<!\s)\s*(?:-->|(?://\s*)?\]\]>)$")
"""HTML-comment or (commented) CDATA wrappers around JSON-LD, e.g. Rails' ``//<![CDATA[``."""
_WRAPPER_OPENINGS = ("<!--", "<![CDATA[", "//")
_WRAPPER_ENDINGS = ("-->", "]]>")
"""What a stripped text starts or ends with when :data:`_SCRIPT_WRAPPER` matches in it."""


def _unwrapped(text: str) -> str:
    """``_SCRIPT_WRAPPER.sub("", text)`` for a stripped ``text``: the pattern, tried at every
    character of a long JSON-LD text, only where it can match (0.1 ms a page)."""
    if text.startswith(_WRAPPER_OPENINGS) or text.endswith(_WRAPPER_ENDINGS):
        return _SCRIPT_WRAPPER.sub("", text)
    return text


def _clean(text: Any) -> str:
    if text is None:
        return ""
    text = str(text)
    if "&" in text:
        # Publishers double-escape JSON-LD and meta values ("&quot;", "&#8216;", "&uuml;").
        text = html.unescape(text)
    return " ".join(text.split())


TITLE_SEPARATORS = re.compile(r"(?<!\s)(?:\s+[-|–—·•»/]\s+|\s*[|ㅣ]\s*|\s+-(?=\S)|(?<=\S)-\s+)")
"""Where a page title joins the headline to the site's name ("Headline - Site.de")."""

SITE_SEPARATORS = re.compile(TITLE_SEPARATORS.pattern + r"|(?<!\s)\s+:\s+|(?<=\S):\s+")
"""Separators a site name may hang on, a colon too ("City News: Headline"); a colon never
marks the part before it as droppable otherwise ("Kenia: Nairobi von unten" is one headline)."""


def _strip_site_name(headline: str, h1: str, site_names: set[str]) -> str:
    """``headline`` without a trailing or leading site name, section or date.

    The page's own ``<h1>`` wins when the headline is that ``<h1>`` plus such a part; a
    known site name (``og:site_name``, the publisher, the host) is cut off otherwise.
    """
    if not headline:
        return headline
    folded = headline.casefold()
    if h1 and h1 != headline and len(h1) >= 10:
        h = h1.casefold()
        if folded.startswith(h) or folded.endswith(h):
            rest = headline[len(h1) :] if folded.startswith(h) else headline[: -len(h1)]
            if (
                TITLE_SEPARATORS.fullmatch(rest[:3])
                or TITLE_SEPARATORS.match(rest)
                or TITLE_SEPARATORS.search(rest[-3:] + " ")
            ):
                return h1
    parts = SITE_SEPARATORS.split(headline)
    if len(parts) > 1:
        names = {n.casefold() for n in site_names if n}
        while len(parts) > 1 and _is_site_part(parts[-1], names):
            parts.pop()
        while len(parts) > 1 and _is_site_part(parts[0], names):
            parts.pop(0)
        if len(parts) < len(SITE_SEPARATORS.split(headline)):
            # Re-join what stays with the separators it had.
            kept = " ".join(parts)
            at = headline.find(parts[0])
            end = headline.rfind(parts[-1]) + len(parts[-1])
            return headline[at:end] if at >= 0 and end > at else kept
    return headline


TITLED_H1 = 10
"""An ``<h1>`` the title holds, of at least this many characters, stands for the headline."""


def _h1_in_title(tree: etree._Element, h1: str, title: str) -> str:
    """The page's headline among its ``<h1>``s: the first one when the ``<title>`` holds it (or
    holds none of them), else the first one the title holds. A page written before HTML5 may
    print a ``<h1>`` over every box (a teaser, "Most Popular", "Categories") and its
    article's somewhere among them; the title names the article."""
    folded = " ".join(title.split()).casefold()
    if not h1 or not folded or h1.casefold() in folded:
        return h1
    for el in tree.iter("h1"):
        text = _clean(text_content(el))
        if len(text) >= TITLED_H1 and text.casefold() in folded and not _names_site(el):
            return text
    return h1


def _squeezed(text: str) -> str:
    """``text`` folded to its letters and digits alone ("Peter Shankman" -> "petershankman"):
    :func:`~newsclean.cleaners.content._fold` without its spaces."""
    return _fold(text).replace(" ", "")


def _heading_in_title(tree: etree._Element, title: str, site_names: set[str]) -> str:
    """The longest ``<h2>`` or ``<h3>`` (of at least :data:`TITLED_H1` characters, not a link
    home) that opens or closes the ``<title>``: on a page with no ``<h1>`` (a Blogger post's title is
    an ``<h3>``) the heading that tells the headline from the site's name joined to it in the
    title ("Print your own Halloween mask | How About Orange"). A heading the site's names hold
    (its host: "PETER SHANKMAN" on petershankman.com) is the site's name, not the headline."""
    folded = " ".join(title.split()).casefold()
    found = ""
    if not folded:
        return found
    names = [_squeezed(n) for n in site_names]
    for el in tree.iter("h2", "h3"):
        text = _clean(text_content(el))
        low = text.casefold()
        if (
            len(text) > max(len(found), TITLED_H1 - 1)
            and low != folded
            and (folded.startswith(low) or folded.endswith(low))
            and not _names_site(el)
            and not any(_squeezed(text) in n for n in names if n)
        ):
            found = text  # (the longest: a section's name in an <h2> may open the title too)
    return found


def _names_site(h1: etree._Element) -> bool:
    """Whether the ``<h1>`` is a link to the site's home page (a blog's name)."""
    return any(links_home(a) and (a.get("href") or "").strip() for a in h1.iter("a"))


def _is_site_part(part: str, names: set[str]) -> bool:
    p = part.strip().casefold()
    if not p:
        return True
    return any(p == n or (len(n) >= 4 and (p in n or n in p) and len(p) <= len(n) + 12) for n in names)


def _jsonld_objects(tree: etree._Element, scripts: list[etree._Element] | None = None) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for script in tree.iter("script") if scripts is None else scripts:
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = _unwrapped((script.text or "").strip())
        try:
            data = json.loads(raw, strict=False)
            found.extend(_flatten(data))
        except (ValueError, RecursionError):  # broken, or nested deeper than anything real
            continue
    return found


def _flatten(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"])


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type", [])
    return {str(x) for x in (t if isinstance(t, list) else [t])}


def _names(value: Any) -> list[Author]:
    out: list[Author] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, dict):
            name = _clean(item.get("name"))
            url = item.get("url") if isinstance(item.get("url"), str) else None
            if name:
                out.append(Author(name=name, url=url))
        elif isinstance(item, str) and _clean(item):
            out.append(Author(name=_clean(item)))
    return out


NAME_JOINERS = re.compile(r"(?<!\s)\s*(?:,|;|&|\s(?:and|und|og|och|et|y|e|en|i|и|ja|és)\s)\s*", re.I)
"""What joins several names in one author string ("A and B", "A und B, dpa")."""
_INITIALS = re.compile(r"(?<!\s)\s*\((?:[^()]{1,12})\)\s*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.\w+$")


def _people(authors: list[Author], site_names: set[str]) -> tuple[list[Author], list[Author]]:
    """Split joined names, drop initials in brackets ("(obe)") and e-mail addresses; return
    the people apart from the site's own name standing in for one."""
    out: list[Author] = []
    houses: list[Author] = []
    for a in authors:
        parts = NAME_JOINERS.split(a.name) if len(a.name) < 120 else [a.name]
        for part in parts:
            name = BYLINE_WORD.sub("", _INITIALS.sub("", part)).strip(" ,;")
            if not name or _EMAIL.match(name) or name.startswith("http"):
                continue
            author = Author(name=name, url=a.url if len(parts) == 1 else None)
            if name.casefold() in site_names or any(
                len(n) >= 4 and name.casefold().replace(" ", "") in n.replace(" ", "") for n in site_names
            ):
                houses.append(author)
            else:
                out.append(author)
    return out, houses


_BYLINE_ELEMENTS = etree.XPath('//@itemprop[.="author"]/.. | //a/@rel[.="author"]/..')
_NAME_ELEMENTS = etree.XPath('descendant::*[@itemprop="name"]')
"""(Compiled once: ``el.xpath(...)`` compiles its expression again at every call.) The byline's
elements are found by their attributes (``//a[@rel="author"] | //*[@itemprop="author"]``, the
same elements in the same order): libxml2 reads the attributes of the page's elements instead
of testing every node of the page for each step (0.52 -> 0.33 ms a page, in a loop)."""


def _byline_authors(tree: etree._Element) -> list[Author]:
    """Names marked up as the author in the page: ``rel="author"`` links and
    ``itemprop="author"`` elements."""
    found: list[Author] = []
    for el in _BYLINE_ELEMENTS(tree):
        named = _NAME_ELEMENTS(el)
        target = named[0] if named else el
        name = _clean(target.get("content") or text_content(target))
        if name and len(name) <= 60 and len(name.split()) <= 6:
            found.append(Author(name=name, url=el.get("href")))
    return found


def _site_names(jsonld: list[dict[str, Any]], og: dict[str, str], meta_ci: dict[str, str], url: str | None) -> set[str]:
    """Names the site goes by: ``og:site_name``, ``application-name``, the JSON-LD publisher
    and ``WebSite`` names, and the host without ``www.``."""
    names = {
        og.get("og:site_name", ""),
        meta_ci.get("application-name", ""),
        meta_ci.get("apple-mobile-web-app-title", ""),
    }
    for obj in jsonld:
        publisher = obj.get("publisher")
        if isinstance(publisher, dict):
            names.add(_clean(publisher.get("name")))
        if _types(obj) & {"WebSite", "Organization", "NewsMediaOrganization"}:
            names.add(_clean(obj.get("name")))
    if url:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        if host:
            names.add(host)
            names.add(host.split(".")[0])
    return {_clean(n) for n in names if isinstance(n, str) and _clean(n)}


def _dimension(value: str | None) -> int | None:
    return int(value) if value and value.strip().isdigit() and int(value) > 0 else None


def _absolute(base: str | None, ref: str) -> str | None:
    """``ref`` resolved against ``base``; ``None`` when it is no URL (``http://[::1/x``)."""
    if base and _PLAIN_URL.match(ref) is not None and _PLAIN_URL.match(base) is not None:
        return ref  # what urljoin gives (see resolve_url)
    try:
        joined = urljoin(base or "", ref)
        urlsplit(joined).hostname  # noqa: B018 - validates a bracketed host
    except ValueError:
        return None
    return joined


def _select_text(tree: etree._Element, selector: str | None) -> str:
    if not selector:
        return ""
    for el in select_css(tree, selector):
        value = el.get("content") or el.get("datetime") if el.tag in ("meta", "time") else None
        text = _clean(value or text_content(el))
        if text:
            return text
    return ""


@dataclass
class _Sources:
    """The page's metadata as found, before any field is chosen from it."""

    meta: dict[str, str]  # <meta name|itemprop>, first value of each key
    og: dict[str, str]  # OpenGraph and article:* properties
    meta_ci: dict[str, str]  # ``meta`` with lower-case keys
    jsonld: list[dict[str, Any]]
    article: dict[str, Any]  # the JSON-LD article object, or {}
    times: list[dict[str, Any]]  # <time> elements


def _sources(tree: etree._Element) -> _Sources:
    meta: dict[str, str] = {}
    og: dict[str, str] = {}
    metas: list[etree._Element] = []
    scripts: list[etree._Element] = []
    times: list[etree._Element] = []
    for el in tree.iter("meta", "script", "time"):
        tag = el.tag
        (metas if tag == "meta" else scripts if tag == "script" else times).append(el)
    for el in metas:
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip()
        content = el.get("content")
        if not key or content is None:
            continue
        target = og if key.startswith(("og:", "article:")) else meta
        target.setdefault(key.lower() if target is meta else key, _clean(content))
    jsonld = _jsonld_objects(tree, scripts)
    article = next((o for o in jsonld if _types(o) & (ARTICLE_TYPES - {"WebPage"})), None)
    if article is None:
        article = next((o for o in jsonld if _types(o) & ARTICLE_TYPES), {})
    stamps = [
        {"datetime": t.get("datetime"), "text": _clean(text_content(t))}
        for t in times
        if t.get("datetime") or _clean(text_content(t))
    ]
    meta_ci = {k.lower(): v for k, v in meta.items()}
    return _Sources(meta, og, meta_ci, jsonld, article, stamps)


def _first(*values: Any) -> str:
    """The first value that is non-empty text once cleaned."""
    for v in values:
        text = _clean(v) if isinstance(v, str) else ""
        if text:
            return text
    return ""


_FIRST_TITLE = etree.XPath("descendant::title[1]")


def first_title(el: etree._Element) -> etree._Element | None:
    """The first ``<title>`` below ``el``, as ``el.find(".//title")`` gives it. libxml2 stops at
    it; lxml's ``find``, ``findtext`` and ``iter`` look on for a second one before giving the
    first (its iterators find the next match ahead): from the page's root, a walk of the whole
    page after the ``<head>`` (0.06 against 0.015 ms a page in the run, for the metadata and
    again for the content's headlines)."""
    found = _FIRST_TITLE(el)
    return found[0] if found else None


def extract_metadata(
    tree: etree._Element, *, url: str | None = None, site: SiteProfile | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Reduce the page's metadata to record fields; also return the raw sources.

    Precedence per field: site selector, JSON-LD article object, OpenGraph / ``<meta>``,
    visible markup (``<h1>``, ``<time>``, ``<title>``).
    """
    src = _sources(tree)
    og, meta_ci, article = src.og, src.meta_ci, src.article
    raw = {"jsonld": src.jsonld, "opengraph": og, "meta": src.meta, "time": src.times}
    site_names = _site_names(src.jsonld, og, meta_ci, url)
    fields: dict[str, Any] = {}

    h1_el = next((h for h in tree.iter("h1") if _clean(text_content(h))), None)
    h1 = _clean(text_content(h1_el)) if h1_el is not None else ""
    if h1_el is not None and _names_site(h1_el):
        # A blog prints its name as the <h1> of every page, a link to its home page: the site's
        # name, never the headline (the title joins the two: "Life as a CIO: In Shanghai").
        site_names.add(h1)
        h1 = ""
    title_el = first_title(tree)
    title = _clean(text_content(title_el)) if title_el is not None else ""
    h1 = _h1_in_title(tree, h1, title)
    site_headline = _select_text(tree, site.headline if site else None)
    headline = _first(site_headline, article.get("headline"), og.get("og:title"), h1, title)
    if headline and not site_headline:
        headline = _strip_site_name(headline, h1 or _heading_in_title(tree, title, site_names), site_names)
    fields["headline"] = headline

    site_standfirst = _select_text(tree, site.standfirst if site else None)
    description = _first(
        site_standfirst, article.get("description"), og.get("og:description"), meta_ci.get("description")
    )
    if description:
        fields["description"] = description
        fields["_standfirst_shown"] = bool(site_standfirst) or _shown_as_standfirst(tree, description)

    fields.update(_dates(tree, src, _select_text(tree, site.date if site else None)))
    fields["authors"] = _authors(tree, src, site, site_names)

    canonical = next(
        (
            link.get("href")
            for link in tree.iter("link")
            if (link.get("rel") or "").lower() == "canonical" and link.get("href")
        ),
        None,
    )
    canonical = canonical or og.get("og:url")
    canonical_url = _absolute(url, canonical.strip()) if canonical else None
    if canonical_url:
        fields["canonicalUrl"] = canonical_url

    lang = tree.get("lang") or meta_ci.get("language") or og.get("og:locale") or article.get("inLanguage")
    if isinstance(lang, str) and lang.strip():
        fields["inLanguage"] = lang.strip().replace("_", "-").split("-")[0].lower()

    fields["mainImage"] = _main_image(src, url)
    fields.update(_section_and_tags(src))

    free = article.get("isAccessibleForFree")
    if isinstance(free, bool):
        fields["isAccessibleForFree"] = free
    elif isinstance(free, str) and free.lower() in ("true", "false"):
        fields["isAccessibleForFree"] = free.lower() == "true"

    fields["liveBlogUpdate"] = _live_updates(
        next((o for o in src.jsonld if "LiveBlogPosting" in _types(o)), None), url
    )
    crumbs = next((o for o in src.jsonld if "BreadcrumbList" in _types(o)), None)
    if crumbs:
        fields["breadcrumbs"] = _breadcrumbs(crumbs)
    return {k: v for k, v in fields.items() if v not in ("", None, [])}, raw


def _dates(tree: etree._Element, src: _Sources, site_date: str) -> dict[str, str]:
    og, meta_ci, article = src.og, src.meta_ci, src.article
    published = _first(
        article.get("datePublished"),
        *(og.get(k) or meta_ci.get(k.lower()) for k in PUBLISHED_META),
        article.get("dateCreated"),
        site_date,
        next((t["datetime"] for t in src.times if t["datetime"]), None),
        next((v for k, v in {**og, **meta_ci}.items() if PUBLISHED_KEY.search(k)), None),
    )
    if not published:
        published = _visible_date(tree)
    modified = _first(article.get("dateModified"), *(og.get(k) or meta_ci.get(k.lower()) for k in MODIFIED_META))
    return {"datePublishedRaw": published, "dateModifiedRaw": modified}


def _authors(tree: etree._Element, src: _Sources, site: SiteProfile | None, site_names: set[str]) -> list[Author]:
    authors = []
    if site and site.authors:
        names = (BYLINE_WORD.sub("", _clean(text_content(el))) for el in select_css(tree, site.authors))
        authors = [Author(name=name) for name in names if name]
    names_of_site = {n.casefold() for n in site_names}
    if not authors:
        # People first: a source naming only the site itself ("BBC News") is kept in case
        # no source names a person.
        meta_ci, og = src.meta_ci, src.og
        meta_name = _first(
            meta_ci.get("author"),
            og.get("article:author"),
            meta_ci.get("parsely-author"),
            meta_ci.get("sailthru.author"),
        )
        fallback: list[Author] = []
        for source in ("jsonld", "meta", "byline"):
            found = (
                _names(src.article.get("author"))
                if source == "jsonld"
                else ([Author(name=meta_name)] if meta_name else [])
                if source == "meta"
                else _byline_authors(tree)
            )
            people, houses = _people(found, names_of_site)
            if people:
                authors = people
                break
            fallback = fallback or houses
        else:
            authors = fallback
    unique: dict[str, Author] = {}
    for a in authors:
        unique.setdefault(a.name, a)
    return list(unique.values())


def _main_image(src: _Sources, url: str | None) -> Image | None:
    declared = image_from_jsonld(src.article.get("image"), url or "")
    if declared:
        return declared[0]
    og = src.og
    og_image = _absolute(url, og["og:image"]) if og.get("og:image") else None
    if og_image:
        return Image(
            url=og_image,
            width=_dimension(og.get("og:image:width")),
            height=_dimension(og.get("og:image:height")),
        )
    return None


def _section_and_tags(src: _Sources) -> dict[str, Any]:
    article, og, meta_ci = src.article, src.og, src.meta_ci
    fields: dict[str, Any] = {}
    section = article.get("articleSection") or og.get("article:section")
    if isinstance(section, list):
        section = section[0] if section else None
    if isinstance(section, str) and section.strip():
        fields["section"] = _clean(section)
    keywords = article.get("keywords") or meta_ci.get("keywords") or meta_ci.get("news_keywords")
    tags = [
        k for k in (keywords if isinstance(keywords, list) else str(keywords or "").split(",")) if isinstance(k, str)
    ]
    tags += [v for k, v in og.items() if k == "article:tag"]
    fields["tags"] = list(dict.fromkeys(_clean(t) for t in tags if _clean(t)))
    return fields


def _breadcrumbs(crumbs: dict[str, Any]) -> list[Breadcrumb]:
    items = sorted(
        (i for i in crumbs.get("itemListElement", []) if isinstance(i, dict)),
        key=lambda i: i.get("position", 0) if isinstance(i.get("position"), int) else 0,
    )
    trail = []
    for item in items:
        thing = item.get("item")
        name = _clean(item.get("name") or (thing.get("name") if isinstance(thing, dict) else ""))
        link = thing.get("@id") if isinstance(thing, dict) else thing
        if name:
            trail.append(Breadcrumb(name=name, url=link if isinstance(link, str) else None))
    return trail


_TAG = re.compile(r"<[^>]+>")


def _live_updates(blog: dict[str, Any] | None, url: str | None) -> list[LiveBlogUpdate]:
    """The entries of a ``LiveBlogPosting`` (its ``liveBlogUpdate`` list) with their time,
    headline and text; entries without text are left out."""
    if blog is None:
        return []
    raw = blog.get("liveBlogUpdate")
    out: list[LiveBlogUpdate] = []
    for entry in raw if isinstance(raw, list) else [raw]:
        if not isinstance(entry, dict):
            continue
        body = entry.get("articleBody") or entry.get("text") or ""
        if not isinstance(body, str):
            continue
        body = html.unescape(_TAG.sub(" ", html.unescape(body)))
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n|\n", body)]
        text = "\n\n".join(p for p in paragraphs if p)
        if not text:
            continue
        when = entry.get("datePublished") or entry.get("dateCreated")
        link = entry.get("url")
        out.append(
            LiveBlogUpdate(
                datePublished=_clean(when) if isinstance(when, str) and _clean(when) else None,
                headline=_clean(entry.get("headline")) or None,
                articleBody=text,
                url=urljoin(url or "", link) if isinstance(link, str) and link.strip() else None,
            )
        )
    return out


def _visible_date(tree: etree._Element) -> str:
    """The first short element named like a date ("span.date") after the page's ``<h1>``
    whose text is a date: dates before the headline belong to menus and teasers."""
    seen_h1 = False
    for el in tree.iter("h1", "span", "div", "p", "time", "li", "small"):
        if el.tag == "h1":
            seen_h1 = True
            continue
        if not seen_h1:
            continue
        hint = (el.get("class") or "") + " " + (el.get("id") or "")
        if hint == " " or not _date_hint(hint):
            continue
        parent = el.getparent()
        if parent is not None and parent.tag in ("h2", "h3", "h4", "a"):
            continue  # a teaser's date, printed in its heading or link
        text = _clean(text_content(el))
        if 6 <= len(text) <= 60 and looks_like_date(text):
            return text
    return ""


@lru_cache(maxsize=4096)
def _date_hint(hint: str) -> bool:
    return _DATE_HINTS.search(hint) and "update" not in hint.lower()


def _shown_as_standfirst(tree: etree._Element, description: str) -> bool:
    """True when the page shows ``description`` as visible text in a standfirst-like element."""
    target = description.casefold()
    for el in tree.iter("p", "div", "h2", "span"):
        cls, eid = el.get("class"), el.get("id")
        if not ((cls and _standfirst_hint(cls)) or (eid and _standfirst_hint(eid))):
            continue
        if _clean(text_content(el)).casefold() == target:
            return True
    return False


@lru_cache(maxsize=4096)
def _standfirst_hint(hint: str) -> bool:
    return _STANDFIRST_HINTS.search(hint)


# Asked of lowered ASCII after a substring search for their words (new class strings miss the
# caches above: most of a page's ids are its own).
_DATE_HINTS, _STANDFIRST_HINTS = Caseless(DATE_HINTS), Caseless(STANDFIRST_HINTS)
