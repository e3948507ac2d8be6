"""The article record: the typed output of the whole framework, with its JSON Schema."""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "Article",
    "Author",
    "Breadcrumb",
    "CleaningStep",
    "Image",
    "LiveBlogUpdate",
    "json_schema",
]


@dataclass(kw_only=True, slots=True)
class Author:
    """A person or organisation credited with the article."""

    name: str
    """The name as credited, one person or organisation ("By" and roles removed)."""
    url: str | None = None
    """Their profile page, when the page links one."""


@dataclass(kw_only=True, slots=True)
class Image:
    """An image shown with the article."""

    url: str
    """Absolute URL of the image (the widest one the page offers)."""
    caption: str | None = None
    """The caption printed with it, without its credit."""
    credit: str | None = None
    """Who made or supplied it, as printed ("Max Muster/dpa")."""
    width: int | None = None
    """Width in pixels, when the page declares it."""
    height: int | None = None
    """Height in pixels, when the page declares it."""


@dataclass(kw_only=True, slots=True)
class LiveBlogUpdate:
    """One entry of a live blog (a ``LiveBlogPosting``'s ``liveBlogUpdate``)."""

    datePublished: str | None = None
    """When the entry was posted, ISO 8601 as the page declares it."""
    headline: str | None = None
    """The entry's own title, when it has one."""
    articleBody: str
    """The entry's text, paragraphs separated by one blank line."""
    url: str | None = None
    """The entry's own address (an anchor in the live blog), when the page gives one."""


@dataclass(kw_only=True, slots=True)
class Breadcrumb:
    """One step of the site's navigation path to the article."""

    name: str
    """The step's label ("Home", "Politics")."""
    url: str | None = None
    """The step's link, when it has one."""


@dataclass(kw_only=True, slots=True)
class CleaningStep:
    """One decision a cleaner made (a removal, a trim, or text lifted into a field), or one
    region of an HTML page that main-content extraction left out, or a text dump's header
    (``cleaner`` is ``"main-content"``, ``action`` is ``"left-out"``, with the region's ``path``,
    ``words`` and opening words as ``text``)."""

    cleaner: str
    """Registered name of the cleaner (``"media_players"``), or ``"main-content"`` for what
    HTML extraction left out."""
    action: str
    """``"removed"``, ``"moved-to-field"`` (removed from the body, value kept in ``field``),
    ``"copied-to-field"`` (kept in the body and also stored in ``field``), ``"trimmed"`` (part
    of the block removed) or ``"left-out"`` (a region of the page never taken into the body)."""
    text: str
    """The block's text as removed or lifted, shortened to 200 characters; for a left-out
    region its opening words (``…`` when there are more)."""
    reason: str
    """Why, in words a reader can check (for a region: what it is, when its markup says, and
    the rule that left it out)."""
    field: str | None = None
    """The record field the text went to, for moves and copies."""
    block: int | None = None
    """Position of the block in the extracted document."""
    path: str | None = None
    """For a left-out region: its element path on the page (``html/body/aside.sidebar``)."""
    words: int | None = None
    """For a left-out region: how many words of text it held."""
    count: int | None = None
    """For an aggregated entry only: how many decisions of this kind it stands for. Past
    :data:`~newsclean.cleaners.api.STEPS_PER_KIND` entries of one cleaner and action, the
    rest are folded into one entry (the first folded decision's text and reason, ``block``
    unset), so a page that repeats a paragraph 100,000 times gives a readable record."""


@dataclass(kw_only=True, slots=True)
class Article:
    """A clean news article.

    Keys follow schema.org / zyte-common-items ``Article``. Dates come in pairs: the
    normalised ISO 8601 value (with a UTC offset when the zone is known) and the raw text
    as seen on the page.
    """

    url: str | None = None
    """URL the article was fetched from (or given for a file)."""
    canonicalUrl: str | None = None
    """The page's canonical URL, tracking parameters removed."""
    headline: str | None = None
    """The article's title as the page gives it (JSON-LD, OpenGraph, ``<h1>``, or the text's
    first title-like line)."""
    description: str | None = None
    """The standfirst or summary, as shown by the page."""
    articleBody: str | None = None
    """Plain text, paragraphs separated by one blank line; the standfirst, when the page
    shows one, is the first paragraph."""
    articleBodyHtml: str | None = None
    """The article's cleaned HTML (HTML inputs only)."""
    articleBodyMarkdown: str | None = None
    """The article as Markdown (CommonMark; tables as GitHub prints them), from the same kept
    blocks as ``articleBody``; filled on request (``markdown=True``, ``NEWSCLEAN_MARKDOWN``)."""
    datePublished: str | None = None
    """ISO 8601; carries an offset only when the time zone is known."""
    datePublishedRaw: str | None = None
    """The publication date as printed or declared on the page, before normalisation."""
    dateModified: str | None = None
    """ISO 8601 time of the last update; carries an offset only when the time zone is known."""
    dateModifiedRaw: str | None = None
    """The update date as printed or declared on the page, before normalisation."""
    authors: list[Author] = field(default_factory=list)
    """One entry per person ("By Jane Roe and John Doe" gives two), repeats removed."""
    inLanguage: str | None = None
    """BCP 47 language code (``"en"``)."""
    mainImage: Image | None = None
    """The article's lead image (OpenGraph / JSON-LD ``image``)."""
    images: list[Image] = field(default_factory=list)
    """Images shown with the article."""
    liveBlogUpdate: list[LiveBlogUpdate] = field(default_factory=list)
    """A live blog's entries, newest first as the page lists them, each with its time,
    headline and text (``LiveBlogPosting`` pages). With two or more, ``articleBody`` is the
    page's introduction followed by the entries the page shows, each headline and text as
    paragraphs of their own."""
    breadcrumbs: list[Breadcrumb] = field(default_factory=list)
    """The site's navigation path to the article."""
    section: str | None = None
    """The site's section the article is filed under (``article:section``)."""
    tags: list[str] = field(default_factory=list)
    """Keywords and tags the page declares."""
    isAccessibleForFree: bool | None = None
    """``False`` for a paywalled article, as the page declares it."""
    dateDownloaded: str | None = None
    """ISO 8601 UTC time the page was fetched."""
    wordCount: int | None = None
    """Words in ``articleBody``; each Han/Kana character counts as a word."""
    fingerprint: str | None = None
    """Hash of the normalised body, for de-duplication."""
    version: int | None = None
    """1 for the first text stored under a URL; raised by one each time the text or
    ``dateModified`` changes."""
    dateDisappeared: str | None = None
    """ISO 8601 UTC time a re-check found the article's page gone (HTTP 404 or 410); set on
    the version the store made for that (its text is the last one seen), absent once the
    page is back."""
    disappearedStatus: int | None = None
    """The HTTP status that said the page is gone (404 or 410), with ``dateDisappeared``."""
    duplicateOf: str | None = None
    """Canonical URL of the first article seen with exactly the same body."""
    nearDuplicateOf: str | None = None
    """Canonical URL of an earlier article whose body is nearly the same (a syndicated copy
    with small edits)."""
    textSource: str | None = None
    """Where the text came from when not from the article's page: ``"feed"`` when the page
    could not be fetched and the feed item's full text (``content:encoded``) stands in."""
    feedAgreement: float | None = None
    """When the feed item carried the whole article: the share of its text (word 4-grams)
    found in the text extracted from the page, a cross-check of the extraction (1.0: all)."""
    site: str | None = None
    """Name of the site profile used, if any."""
    source: str | None = None
    """The input the record came from: a file path, ``-`` or a URL."""
    cleaning: list[CleaningStep] = field(default_factory=list)
    """Provenance: for an HTML page first each region extraction left out (``left-out``, one
    entry per region, at most 40), then every removal or lift the cleaners made, in order."""

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready data; ``None`` fields and empty lists are left out,
        ``cleaning`` is always present."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value is None or (value == [] and f.name != "cleaning"):
                continue
            out[f.name] = _plain(value)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        """Build a record from :meth:`to_dict` output; unknown keys raise ``TypeError``."""
        values = dict(data)
        if "authors" in values:
            values["authors"] = [Author(**a) for a in values["authors"]]
        if values.get("mainImage") is not None:
            values["mainImage"] = Image(**values["mainImage"])
        if "images" in values:
            values["images"] = [Image(**i) for i in values["images"]]
        if "liveBlogUpdate" in values:
            values["liveBlogUpdate"] = [LiveBlogUpdate(**u) for u in values["liveBlogUpdate"]]
        if "breadcrumbs" in values:
            values["breadcrumbs"] = [Breadcrumb(**b) for b in values["breadcrumbs"]]
        if "cleaning" in values:
            values["cleaning"] = [CleaningStep(**c) for c in values["cleaning"]]
        return cls(**values)


def _plain(value: Any) -> Any:
    if type(value) in _LEAVES:
        return value  # most values: not asked whether they are dataclasses
    names = _FIELD_NAMES.get(type(value))
    if names is None and dataclasses.is_dataclass(value) and not isinstance(value, type):
        names = _FIELD_NAMES[type(value)] = tuple(f.name for f in dataclasses.fields(value))
    if names is not None:
        out = {}
        for name in names:
            item = getattr(value, name)
            if item is not None:
                out[name] = _plain(item)
        return out
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


_LEAVES = frozenset([str, int, float, bool, type(None)])
"""Types :func:`_plain` gives back as they are."""

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}
"""Each dataclass's field names, read once (``dataclasses.fields`` builds them at every call)."""


_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    bool: {"type": "boolean"},
    float: {"type": "number"},
}
_FORMATS = {
    "url": "uri",
    "canonicalUrl": "uri",
    "duplicateOf": "uri",
    "nearDuplicateOf": "uri",
}


def _schema_for(tp: Any, defs: dict[str, Any]) -> dict[str, Any]:
    origin = typing.get_origin(tp)
    if origin in (types.UnionType, typing.Union):
        options = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(options) == 1:
            return _schema_for(options[0], defs)
        return {"anyOf": [_schema_for(a, defs) for a in options]}
    if origin is list:
        (item,) = typing.get_args(tp)
        return {"type": "array", "items": _schema_for(item, defs)}
    if tp in _SCALARS:
        return dict(_SCALARS[tp])
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        name = tp.__name__
        if name not in defs:
            defs[name] = {}
            defs[name] = _object_schema(tp, defs)
        return {"$ref": f"#/$defs/{name}"}
    raise TypeError(f"no JSON Schema mapping for {tp!r}")


def _object_schema(cls: Any, defs: dict[str, Any]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    props: dict[str, Any] = {}
    required: list[str] = []
    for f in dataclasses.fields(cls):
        schema = _schema_for(hints[f.name], defs)
        if f.name in _FORMATS:
            schema["format"] = _FORMATS[f.name]
        props[f.name] = schema
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            required.append(f.name)
    out: dict[str, Any] = {
        "type": "object",
        "properties": props,
        "additionalProperties": False,
    }
    if cls.__doc__:
        out["description"] = " ".join(cls.__doc__.split())
    if required:
        out["required"] = required
    return out


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :class:`Article` as :meth:`Article.to_dict` emits it,
    generated from the class's type hints."""
    defs: dict[str, Any] = {}
    root = _object_schema(Article, defs)
    root["required"] = ["cleaning"]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://github.com/newsclean/newsclean/schema/article.json",
        "title": "Article",
        **root,
        "$defs": defs,
    }
