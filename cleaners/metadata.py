"""Page metadata: JSON-LD, OpenGraph, ``<meta>``, ``<time>`` and site selectors -> record fields."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import urljoin

from lxml import etree

from newsclean.cleaners.record import Author, Breadcrumb, Image
from newsclean.cleaners.site import SiteProfile

__all__ = ["extract_metadata"]

ARTICLE_TYPES = frozenset(
    "Article NewsArticle BlogPosting ReportageNewsArticle AnalysisNewsArticle OpinionNewsArticle "
    "ReviewNewsArticle BackgroundNewsArticle LiveBlogPosting TechArticle ScholarlyArticle "
    "SocialMediaPosting WebPage".split()
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
STANDFIRST_HINTS = re.compile(r"summary|standfirst|lead|dek|intro|subtitle|subhead|teaser|excerpt|description", re.I)

_SPACE = re.compile(r"\s+")
_BYLINE_WORD = re.compile(r"^(?:by|von|av|af|par|di|da|por|door|przez|от)\s+", re.I)
"""The word a visible byline starts with ("Von Juliane Rohr"), dropped from author names."""
_SCRIPT_WRAPPER = re.compile(r"^(?:<!--|(?://\s*)?<!\[CDATA\[)\s*|\s*(?:-->|(?://\s*)?\]\]>)$")
"""HTML-comment or (commented) CDATA wrappers around JSON-LD, e.g. Rails' ``//<![CDATA[``."""


def _clean(text: Any) -> str:
    return _SPACE.sub(" ", str(text)).strip() if text is not None else ""


def _jsonld_objects(tree: etree._Element) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = _SCRIPT_WRAPPER.sub("", (script.text or "").strip())
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue
        found.extend(_flatten(data))
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


def _image_url(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("url") or value.get("contentUrl")
    return value if isinstance(value, str) and value.strip() else None


def _select_text(tree: etree._Element, selector: str | None) -> str:
    if not selector:
        return ""
    for el in tree.cssselect(selector):
        value = el.get("content") or el.get("datetime") if el.tag in ("meta", "time") else None
        text = _clean(value or el.text_content())
        if text:
            return text
    return ""


def extract_metadata(
    tree: etree._Element, *, url: str | None = None, site: SiteProfile | None = None
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Reduce the page's metadata to record fields; also return the raw sources.

    Precedence per field: site selector, JSON-LD article object, OpenGraph / ``<meta>``,
    visible markup (``<h1>``, ``<time>``, ``<title>``).
    """
    meta: dict[str, str] = {}
    og: dict[str, str] = {}
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip()
        content = el.get("content")
        if not key or content is None:
            continue
        target = og if key.startswith(("og:", "article:")) else meta
        target.setdefault(key.lower() if target is meta else key, _clean(content))
    meta_ci = {k.lower(): v for k, v in meta.items()}
    jsonld = _jsonld_objects(tree)
    article = next((o for o in jsonld if _types(o) & (ARTICLE_TYPES - {"WebPage"})), None)
    if article is None:
        article = next((o for o in jsonld if _types(o) & ARTICLE_TYPES), {})
    times = [
        {"datetime": t.get("datetime"), "text": _clean(t.text_content())}
        for t in tree.iter("time")
        if t.get("datetime") or _clean(t.text_content())
    ]
    raw = {"jsonld": jsonld, "opengraph": og, "meta": meta, "time": times}

    fields: dict[str, Any] = {}

    def first(*values: Any) -> str:
        for v in values:
            text = _clean(v) if isinstance(v, str) else ""
            if text:
                return text
        return ""

    h1 = next((_clean(h.text_content()) for h in tree.iter("h1") if _clean(h.text_content())), "")
    title_el = tree.find(".//title")
    title = _clean(title_el.text_content()) if title_el is not None else ""
    site_headline = _select_text(tree, site.headline if site else None)
    fields["headline"] = first(site_headline, article.get("headline"), og.get("og:title"), h1, title)

    site_standfirst = _select_text(tree, site.standfirst if site else None)
    description = first(site_standfirst, article.get("description"), og.get("og:description"), meta_ci.get("description"))
    if description:
        fields["description"] = description
        fields["_standfirst_shown"] = bool(site_standfirst) or _shown_as_standfirst(tree, description)

    site_date = _select_text(tree, site.date if site else None)
    published = first(
        article.get("datePublished"),
        *(og.get(k) or meta_ci.get(k.lower()) for k in PUBLISHED_META),
        article.get("dateCreated"),
        site_date,
        next((t["datetime"] for t in times if t["datetime"]), None),
    )
    if published:
        fields["datePublishedRaw"] = published
    modified = first(article.get("dateModified"), *(og.get(k) or meta_ci.get(k.lower()) for k in MODIFIED_META))
    if modified:
        fields["dateModifiedRaw"] = modified

    authors = []
    if site and site.authors:
        names = (_BYLINE_WORD.sub("", _clean(el.text_content())) for el in tree.cssselect(site.authors))
        authors = [Author(name=name) for name in names if name]
    if not authors:
        authors = _names(article.get("author"))
    if not authors:
        name = first(meta_ci.get("author"), og.get("article:author"), meta_ci.get("parsely-author"), meta_ci.get("sailthru.author"))
        if name and not name.startswith("http"):
            authors = [Author(name=name)]
    unique: dict[str, Author] = {}
    for a in authors:
        unique.setdefault(a.name, a)
    fields["authors"] = list(unique.values())

    canonical = next((link.get("href") for link in tree.iter("link") if (link.get("rel") or "").lower() == "canonical" and link.get("href")), None)
    canonical = canonical or og.get("og:url")
    if canonical:
        fields["canonicalUrl"] = urljoin(url or "", canonical.strip())

    lang = tree.get("lang") or meta_ci.get("language") or og.get("og:locale") or article.get("inLanguage")
    if isinstance(lang, str) and lang.strip():
        fields["inLanguage"] = lang.strip().replace("_", "-").split("-")[0].lower()

    image = _image_url(article.get("image")) or og.get("og:image")
    if image:
        fields["mainImage"] = Image(url=urljoin(url or "", image))

    section = article.get("articleSection") or og.get("article:section")
    if isinstance(section, list):
        section = section[0] if section else None
    if isinstance(section, str) and section.strip():
        fields["section"] = _clean(section)

    keywords = article.get("keywords") or meta_ci.get("keywords") or meta_ci.get("news_keywords")
    tags = [k for k in (keywords if isinstance(keywords, list) else str(keywords or "").split(",")) if isinstance(k, str)]
    tags += [v for k, v in og.items() if k == "article:tag"]
    fields["tags"] = list(dict.fromkeys(_clean(t) for t in tags if _clean(t)))

    free = article.get("isAccessibleForFree")
    if isinstance(free, bool):
        fields["isAccessibleForFree"] = free
    elif isinstance(free, str) and free.lower() in ("true", "false"):
        fields["isAccessibleForFree"] = free.lower() == "true"

    crumbs = next((o for o in jsonld if "BreadcrumbList" in _types(o)), None)
    if crumbs:
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
        fields["breadcrumbs"] = trail
    return {k: v for k, v in fields.items() if v not in ("", None, [])}, raw


def _shown_as_standfirst(tree: etree._Element, description: str) -> bool:
    """True when the page shows ``description`` as visible text in a standfirst-like element."""
    target = description.casefold()
    for el in tree.iter("p", "div", "h2", "span"):
        hint = (el.get("class") or "") + " " + (el.get("id") or "")
        if not STANDFIRST_HINTS.search(hint):
            continue
        if _clean(el.text_content()).casefold() == target:
            return True
    return False
