"""The library's entry points: clean a page or a text dump into an :class:`Article`."""

from __future__ import annotations

import codecs
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from newsclean.cleaners.chain import Action, CleanerChain, Decision, registry_generation
from newsclean.cleaners.dates import fetch_time
from newsclean.cleaners.decoding import decode_text
from newsclean.cleaners.document import Block, Document
from newsclean.cleaners.dump_header import read_header
from newsclean.cleaners.errors import InputError, check_url
from newsclean.cleaners.gc_pause import collector_paused
from newsclean.cleaners.html import extract_html
from newsclean.cleaners.live_blogs import live_blog_body
from newsclean.cleaners.markdown import blocks_to_markdown
from newsclean.cleaners.normalize import normalize_article
from newsclean.cleaners.record import Article, Author, CleaningStep
from newsclean.cleaners.regions import Region
from newsclean.cleaners.settings import DEFAULTS
from newsclean.cleaners.site import SiteProfile, profile_for_url
from newsclean.cleaners.text import extract_text
from newsclean.cleaners.unshown import too_little
from newsclean.cleaners.urls import TRACKING_PARAMETERS

__all__ = ["STEPS_PER_KIND", "build_record", "clean", "clean_document", "clean_html", "clean_text", "looks_like_html"]

_DEFAULT_CHAIN: tuple[int, CleanerChain] | None = None
_TEXT_LIMIT = 200

LEFT_OUT_BY = "main-content"
"""The ``cleaner`` of the record's entries for regions HTML extraction left out."""
LEFT_OUT = "left-out"
"""Their ``action``."""
CHOSE = "chose"
"""The ``action`` of the entry saying which main-content candidate was taken, when the
learned selector weighed two (``text`` names the winner, ``reason`` says why)."""


def _chain(chain: CleanerChain | Mapping[str, int | None] | None) -> CleanerChain:
    global _DEFAULT_CHAIN
    if isinstance(chain, CleanerChain):
        return chain
    if chain:
        return CleanerChain(chain)
    # Built once and reused, until register() adds a cleaner.
    if _DEFAULT_CHAIN is None or _DEFAULT_CHAIN[0] != registry_generation():
        _DEFAULT_CHAIN = (registry_generation(), CleanerChain())
    return _DEFAULT_CHAIN[1]


def _site(site: SiteProfile | None, url: str | None, find_site: bool) -> SiteProfile | None:
    return site if site is not None or not find_site else profile_for_url(url)


def _shorten(text: str) -> str:
    return text if len(text) <= _TEXT_LIMIT else text[: _TEXT_LIMIT - 1].rstrip() + "…"


def _removed_part(before: str, after: str) -> str:
    """What trimming ``before`` to ``after`` took away."""
    at = before.find(after)
    if at < 0:
        return before
    return (before[:at] + " … " + before[at + len(after) :]).strip(" …") or before


_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
"""Zero-width marks (space, non-joiner, joiner, word joiner, byte-order mark): a block holding
nothing else shows no text (an editor's spacer paragraph, ``<p>&zwj;</p>``)."""


def _shows_text(text: str) -> bool:
    """Whether ``text`` holds a character a reader sees: neither white space nor a zero-width
    mark (:data:`_ZERO_WIDTH`). The first such character answers, so a paragraph costs nothing."""
    return any(not (c.isspace() or c in _ZERO_WIDTH) for c in text)


_NOTED_FIELDS = ("headline", "description", "datePublishedRaw", "dateModifiedRaw")


def _field_words(fields: Mapping[str, object]) -> list[tuple[str, list[str]]]:
    """The words of each field :func:`_field_note` compares regions with, split once a record."""
    return [(name, value.split()) for name in _NOTED_FIELDS if isinstance(value := fields.get(name), str)]


def _field_note(region: Region, field_words: list[tuple[str, list[str]]]) -> str:
    """``"; its text is the record's headline"`` when a left-out region printed a field's value
    (the page's ``<h1>`` outside the body, its date line); ``field_words`` as :func:`_field_words`
    gives them."""
    opening: list[str] | None = None
    for name, words in field_words:
        if len(words) == region.words:
            if opening is None:
                opening = region.text.removesuffix(" …").split()
            if words[: len(opening)] == opening:
                return f"; its text is the record's {name}"
    return ""


STEPS_PER_KIND = 50
"""Provenance entries kept per cleaner and action; further decisions of that kind are folded
into one entry with a ``count``."""


def _text(text: str | Callable[[], str]) -> str:
    return text if isinstance(text, str) else text()


class _Provenance:
    """The record's ``cleaning`` list, folded as it grows: past :data:`STEPS_PER_KIND` entries of
    one (cleaner, action, field) the rest become one entry with a count, placed where the first
    folded decision was. Folding as decisions arrive keeps a page of a million removed lines
    from building a million entries first."""

    def __init__(self) -> None:
        self.steps: list[CleaningStep] = []
        self._seen: dict[tuple[str, str, str | None], int] = {}
        self._folded: dict[tuple[str, str, str | None], CleaningStep] = {}

    def add(
        self, cleaner: str, action: str, field: str | None, text: str | Callable[[], str], reason: str, **more: Any
    ) -> None:
        """One decision; ``text`` (or the function giving it) is read only for an entry kept."""
        kind = (cleaner, action, field)
        seen = self._seen[kind] = self._seen.get(kind, 0) + 1
        if seen <= STEPS_PER_KIND:
            self.steps.append(
                CleaningStep(cleaner=cleaner, action=action, text=_text(text), reason=reason, field=field, **more)
            )
        elif kind in self._folded:
            step = self._folded[kind]
            step.count = (step.count or 0) + 1
        else:
            step = CleaningStep(cleaner=cleaner, action=action, text=_text(text), reason=reason, field=field, count=1)
            self._folded[kind] = step
            self.steps.append(step)


@collector_paused
def build_record(
    doc: Document,
    chain: CleanerChain | None = None,
    *,
    markdown: bool = False,
    default_timezone: str | None = None,
    tracking: Iterable[str] = TRACKING_PARAMETERS,
    fetched_at: datetime | str | None = None,
) -> Article:
    """Run ``chain`` over ``doc`` and assemble the normalised record with its provenance; with
    ``markdown`` the record carries ``articleBodyMarkdown`` too.

    Every way to a record (library calls, ``newsclean clean``, a crawl's clean stage) ends here,
    so one page and URL give one record. Dates printed without an offset take the site
    profile's zone, else ``default_timezone``; ``tracking`` lists the query parameters
    ``canonicalUrl`` sheds (see :func:`~newsclean.cleaners.normalize.normalize_record`).
    Relative dates ("vor 3 Stunden") count back from ``fetched_at`` (see :func:`clean_html`).
    """
    fields = dict(doc.metadata)
    provenance = _Provenance()
    if doc.chosen:
        winner, _, why = doc.chosen.partition(": ")
        provenance.add(LEFT_OUT_BY, CHOSE, None, winner, why)
    field_words = _field_words(fields)
    for region in doc.left_out:
        provenance.add(
            LEFT_OUT_BY,
            LEFT_OUT,
            None,
            region.text,
            region.reason + _field_note(region, field_words),
            path=region.path or None,
            words=region.words,
        )

    def applied(name: str, decision: Decision, block: Block) -> None:
        if decision.field is not None:
            value = decision.value if decision.value is not None else block.text
            fields.setdefault(decision.field, value)

        def removed() -> str:
            if decision.action is Action.TRIM and decision.value is not None:
                return _shorten(_removed_part(block.text, decision.value))
            return _shorten(block.text)

        provenance.add(name, str(decision.action), decision.field, removed, decision.reason, block=block.index)

    remaining, _ = _chain(chain).run(doc, on_applied=applied)
    steps = provenance.steps
    kept = [b for b in remaining.blocks if _shows_text(b.text)]
    if doc.recover is not None and too_little(kept):
        # Cleaned, the page's HTML gave (almost) no body: its text may be where the page does
        # not show it. Found, the page is cleaned again with it (cleaners only read).
        found = doc.recover(doc.blocks)
        if found is not None:
            blocks, why = found
            again = replace(doc, blocks=blocks, chosen=why, recover=None)
            return build_record(
                again,
                chain,
                markdown=markdown,
                default_timezone=default_timezone,
                tracking=tracking,
                fetched_at=fetched_at,
            )
    body = "\n\n".join(b.text for b in kept)
    body_html = "\n".join(b.html for b in remaining.blocks if b.html) or None
    body_markdown = (blocks_to_markdown(remaining.blocks, doc.url or "") or None) if markdown else None
    live = live_blog_body([b.text for b in kept], fields.get("liveBlogUpdate", []))
    if live is not None:  # a live blog: its introduction, then each update on its own
        intro = [kept[i] for i in live.intro]
        body = live.text([b.text for b in kept])
        body_html = live.html([b.html for b in intro if b.html]) or None
        if markdown:
            body_markdown = live.markdown([blocks_to_markdown(intro, doc.url or "")]) or None
    article = Article(
        url=doc.url,
        canonicalUrl=fields.get("canonicalUrl"),
        headline=fields.get("headline"),
        description=fields.get("description"),
        articleBody=body or None,
        articleBodyHtml=body_html if doc.source_format == "html" else None,
        articleBodyMarkdown=body_markdown,
        datePublishedRaw=fields.get("datePublishedRaw"),
        dateModifiedRaw=fields.get("dateModifiedRaw"),
        authors=[a if isinstance(a, Author) else Author(name=str(a)) for a in fields.get("authors", [])],
        inLanguage=fields.get("inLanguage") or (doc.site.language if doc.site else None),
        mainImage=fields.get("mainImage"),
        images=fields.get("images", []),
        liveBlogUpdate=fields.get("liveBlogUpdate", []),
        breadcrumbs=fields.get("breadcrumbs", []),
        section=fields.get("section"),
        tags=fields.get("tags", []),
        isAccessibleForFree=fields.get("isAccessibleForFree"),
        site=doc.site.name if doc.site else None,
        cleaning=steps,
    )
    zone = (doc.site.timezone if doc.site else None) or default_timezone
    return normalize_article(article, timezone=zone, tracking=tracking, reference=fetch_time(fetched_at))


MAX_PAGE_BYTES: int = DEFAULTS["NEWSCLEAN_MAX_PAGE_BYTES"]
"""Default of ``max_bytes`` (``NEWSCLEAN_MAX_PAGE_BYTES``): the largest page the entry points clean."""


def check_size(data: str | bytes, max_bytes: int | None) -> None:
    """:class:`InputError` when ``data`` is over ``max_bytes`` (bytes, or characters of a ``str``;
    ``None`` or ``0``: no bound)."""
    if max_bytes and len(data) > max_bytes:
        unit = "bytes" if isinstance(data, bytes) else "characters"
        raise InputError(
            f"page of {len(data):,} {unit} is larger than the limit of {max_bytes:,} (NEWSCLEAN_MAX_PAGE_BYTES)"
        )


def clean_document(
    doc: Document,
    *,
    chain: CleanerChain | None = None,
    markdown: bool = False,
    fetched_at: datetime | str | None = None,
) -> Article:
    """Clean an already extracted document (site code that builds its own blocks);
    ``fetched_at`` as for :func:`clean_html`."""
    check_url(doc.url)
    return build_record(doc, chain, markdown=markdown, fetched_at=fetched_at)


@collector_paused
def clean_text(
    text: str | bytes,
    *,
    url: str | None = None,
    site: SiteProfile | None = None,
    chain: CleanerChain | Mapping[str, int | None] | None = None,
    markdown: bool = False,
    find_site: bool = True,
    fetched_at: datetime | str | None = None,
    max_bytes: int | None = MAX_PAGE_BYTES,
) -> Article:
    """Clean a plain-text dump: one block per non-empty line (``markdown``: also fill
    ``articleBodyMarkdown``).

    Without ``site``, the profile of ``url``'s site is used (its time zone dates the article),
    unless ``find_site`` is false; ``fetched_at`` as for :func:`clean_html`.
    Raises only :class:`~newsclean.cleaners.InputError`: binary bytes, a malformed ``url``, a
    text over ``max_bytes`` (``NEWSCLEAN_MAX_PAGE_BYTES``, 20 MiB; ``None``: no bound).
    """
    check_url(url)
    check_size(text, max_bytes)
    if isinstance(text, bytes):
        text = decode_text(text, url=url)
    header = None if url else read_header(text)
    # (the header's address names the site when no url is given: extract_text takes it too)
    doc = extract_text(text, url=url, site=_site(site, url or (header.url if header else None), find_site))
    return build_record(doc, _chain(chain), markdown=markdown, fetched_at=fetched_at)


@collector_paused
def clean_html(
    html: str | bytes,
    *,
    url: str | None = None,
    site: SiteProfile | None = None,
    chain: CleanerChain | Mapping[str, int | None] | None = None,
    encoding: str | None = None,
    main_content: str = "scorer",
    markdown: bool = False,
    find_site: bool = True,
    fetched_at: datetime | str | None = None,
    max_bytes: int | None = MAX_PAGE_BYTES,
) -> Article:
    """Clean an HTML page: main content and metadata are extracted, then cleaned.

    ``html`` may be bytes in any encoding; ``encoding`` (from HTTP headers) is a hint;
    ``main_content`` names the finder (see :data:`~newsclean.cleaners.html.MAIN_CONTENT_FINDERS`:
    ``"scorer"``, the default, ``"readability"`` or ``"selected"``);
    ``markdown`` also fills ``articleBodyMarkdown``. Without ``site``, the profile of ``url``'s
    site is used (as ``newsclean clean --url`` does), unless ``find_site`` is false.
    ``fetched_at`` (a ``datetime`` or ISO 8601 text, a time without zone being UTC, or an HTTP
    date) is when the page was fetched: a relative date on it ("vor 3 Stunden", "il y a 2
    jours", "2 hours ago") counts back from it, so cleaning the same page again later gives the
    same date; default: now.
    Raises only :class:`~newsclean.cleaners.InputError`: binary bytes, a malformed ``url``, a
    page over ``max_bytes`` (``NEWSCLEAN_MAX_PAGE_BYTES``, 20 MiB; ``None``: no bound).
    """
    check_url(url)
    check_size(html, max_bytes)
    site = _site(site, url, find_site)
    # Bytes are decoded by extract_html, which then parses valid UTF-8 as it came.
    doc = extract_html(html, url=url, site=site, main_content=main_content, encoding=encoding)
    return build_record(doc, _chain(chain), markdown=markdown, fetched_at=fetched_at)


def looks_like_html(data: str | bytes) -> bool:
    """True when the start of ``data`` looks like markup rather than plain text."""
    head = data[:2048]
    if isinstance(head, bytes):
        for bom, codec in (
            (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
            (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
        ):  # fmt: skip
            if head.startswith(bom):
                head = head.decode(codec, errors="replace")
                break
        else:
            head = head.decode("latin-1")
    head = head.lstrip("\ufeff \t\r\n").lower()
    return head.startswith(("<!doctype", "<html", "<?xml", "<head", "<body", "<!--", "<meta")) or (
        head.startswith("<") and ("<p" in head or "<div" in head or "</" in head)
    )


def clean(
    data: str | bytes,
    *,
    url: str | None = None,
    site: SiteProfile | None = None,
    chain: CleanerChain | Mapping[str, int | None] | None = None,
    markdown: bool = False,
    find_site: bool = True,
    fetched_at: datetime | str | None = None,
    max_bytes: int | None = MAX_PAGE_BYTES,
) -> Article:
    """Clean ``data``, telling HTML from plain text by its first characters."""
    if looks_like_html(data):
        return clean_html(
            data, url=url, site=site, chain=chain, markdown=markdown, find_site=find_site, fetched_at=fetched_at,
            max_bytes=max_bytes,
        )  # fmt: skip
    return clean_text(
        data, url=url, site=site, chain=chain, markdown=markdown, find_site=find_site, fetched_at=fetched_at,
        max_bytes=max_bytes,
    )  # fmt: skip
