"""Extraction quality and speed: newsclean against readability-lxml, trafilatura and newspaper4k.

Run from the project root::

    python -m benchmarks.quality                 # all three tables, every page
    python -m benchmarks.quality --limit 100     # a quick subset
    python -m benchmarks.quality --only extraction,text

Tables:

- ``extraction``: one table per collection of ``../shared/data`` (``--only wcxb,dragnet,fundus,rt``
  picks some): wcxb-dev article pages, dragnet (whose truth includes the headline, dateline and
  captions: compare tools side by side there, never tune to it), fundus bodies (the expected
  ``body`` of each page's parser version) and the rt.com page. Every tool in the same run,
  interleaved page by page: 4-word-shingle precision, recall, F1 (scrapinghub
  article-extraction-benchmark) with its 95% bootstrap spread (pages resampled), leak (wcxb: the
  page's ``without`` snippets; dragnet: the reader comments' lines found in the output), empty
  outputs where the truth has text, errors, pages/s and the speed ratio to trafilatura
  (``include_comments=False``). Every tool gets the page's bytes and its URL; the time is the
  whole call, bytes to text (for newsclean: to the cleaned record). Outputs are cached per page
  in ``.bench-cache/`` by tool version (newsclean: by the hash of its source), so an unchanged
  tool is not run again; ``--no-cache`` runs and times everything afresh. ``--save FILE`` keeps
  every page's scores and ``--baseline FILE`` prints newsclean's change against them (paired
  bootstrap; with ``-v`` the pages that moved). ``--hash-names`` first replaces every class and
  id name of each page by a meaningless one (the same name always by the same hash, as CSS
  modules and styled-components ship them, or as a site in another language names its boxes):
  how much each tool leans on names such as ``comments`` or ``sidebar`` (see
  :func:`hashed_names`).
  After the collections, the learned main-content selector's cross-collection table (trained
  on two collections, scored on the third, grouped by site: the selector against each fixed
  candidate and the page-by-page oracle, and how often readability-lxml was run), as measured
  when the shipped model was trained by ``python -m benchmarks.train_selector``.
- ``metadata``: ``../shared/data/fundus`` pages; headline exact match, datePublished on the
  right day, author names (same set), main image, image captions and credits, against
  trafilatura's and newspaper4k's metadata, htmldate's date and fundus's own parsers (run in
  their own environment, see :data:`FUNDUS_SETUP`; the table says why when they cannot run).
- ``text``: plain-text dumps (``benchmarks.textdump``) of the pages of wcxb-dev (articles),
  dragnet and fundus: the raw dump against ``newsclean.cleaners.clean_text`` on the dump, with
  the prose rule alone and with the shipped line model, each with its spread.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import functools
import gzip
import hashlib
import importlib.metadata
import json
import logging
import re
import shutil
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
import lxml.html
from newsclean.cleaners import CleanerChain, clean_html, clean_text
from newsclean.cleaners.decoding import DecodeError, decode_html
from newsclean.cleaners.html import parse_html
from newsclean.cleaners.images import same_image
from newsclean.cleaners.page_chrome import PageChrome

from benchmarks.scoring import PageScore, Totals, _precision, _recall, score_page, summarise
from benchmarks.textdump import visible_text

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
CACHE = ROOT / ".bench-cache"

Extractor = Callable[[bytes, str], str]


# --- the compared tools -------------------------------------------------------------------


def _newsclean(main_content: str) -> Extractor:
    def run(html: bytes, url: str) -> str:
        # The generic path: no site profile, even for a publisher that has one.
        return clean_html(html, url=url, main_content=main_content, find_site=False).articleBody or ""

    return run


def _readability(html: bytes, url: str) -> str:
    from readability import Document

    return visible_text("<html><body>" + Document(html, url=url).summary(html_partial=True))


def _trafilatura(include_comments: bool) -> Extractor:
    import trafilatura

    def run(html: bytes, url: str) -> str:
        return trafilatura.extract(html, url=url, include_comments=include_comments) or ""

    return run


def _newspaper(html: bytes, url: str) -> str:
    import newspaper

    article = newspaper.Article(url or "https://example.com/", fetch_images=False)
    article.download(input_html=html.decode("utf-8", "replace"))
    article.parse()
    return str(article.text or "")


NEWSCLEAN = "newsclean"
NEWSCLEAN_SELECTED = "newsclean (learned selector)"
NEWSCLEAN_READABILITY = "newsclean (readability finder)"
TRAFILATURA = "trafilatura"
"""trafilatura with ``include_comments=False``: reader comments are not article text in any
collection here, and the speed ratios are taken against it."""


def extractors() -> dict[str, Extractor]:
    tools: dict[str, Extractor] = {
        NEWSCLEAN: _newsclean("scorer"),
        NEWSCLEAN_SELECTED: _newsclean("selected"),
        NEWSCLEAN_READABILITY: _newsclean("readability"),
    }
    try:
        import readability  # noqa: F401

        tools["readability-lxml"] = _readability
    except ImportError:
        pass
    try:
        import trafilatura  # noqa: F401

        tools[TRAFILATURA] = _trafilatura(False)
    except ImportError:
        pass
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import newspaper  # noqa: F401
        tools["newspaper4k"] = _newspaper
    except ImportError:
        pass
    return tools


@functools.cache
def _source_hash() -> str:
    """The hash of newsclean's cleaners as this process loaded them (taken once, on first use)."""
    digest = hashlib.sha256()
    import newsclean.cleaners

    for path in sorted(Path(newsclean.cleaners.__file__).parent.glob("*")):
        if path.suffix in (".py", ".json"):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def _tool_key(name: str) -> str:
    """What a cached output depends on: newsclean's own source (any change recomputes), or the
    peer's installed version."""
    if name.startswith(NEWSCLEAN):
        return f"{name}@{_source_hash()}"
    module = {"readability-lxml": "readability-lxml", TRAFILATURA: "trafilatura", "newspaper4k": "newspaper4k"}
    try:
        version = importlib.metadata.version(module.get(name, name))
    except importlib.metadata.PackageNotFoundError:
        version = "?"
    return f"{name}@{version}"


# --- data sets ------------------------------------------------------------------------------


@dataclass
class Page:
    name: str
    url: str
    html: bytes
    truth: dict[str, Any] = field(default_factory=dict)
    text: str = ""
    """The expected article text."""
    without: list[str] = field(default_factory=list)
    """Snippets that must not appear (boilerplate, reader comments)."""
    fetched_at: str | None = None
    """When the page was crawled, when the collection says (what relative dates count back from)."""


def wcxb_articles(root: Path, limit: int | None) -> Iterator[Page]:
    count = 0
    for gt_path in sorted((root / "ground-truth").glob("*.json")):
        gt = json.loads(gt_path.read_text(encoding="utf-8"))
        if gt.get("_internal", {}).get("page_type", {}).get("primary") != "article":
            continue
        html_path = root / "html" / f"{gt_path.stem}.html.gz"
        if not html_path.exists():
            continue
        main = gt.get("ground_truth") or {}
        html = gzip.decompress(html_path.read_bytes())
        text, without = main.get("main_content") or "", main.get("without") or []
        yield Page(gt_path.stem, gt.get("url") or "", html, gt, text, without)
        count += 1
        if limit and count >= limit:
            return


COMMENT_SNIPPET_WORDS = 8
"""A reader comment's line this long, not in the article text, is a dragnet page's leak snippet."""


DRAGNET_COMMENTS = "!@#$%^&*()"
"""Dragnet's gold files put this line between the text and the reader comments, most often
followed by "COMMENTS", in a few pages by another word or a misspelling of it, or alone."""


def dragnet_pages(root: Path, limit: int | None) -> Iterator[Page]:
    """Dragnet's pages: the human-cut ``articleBody`` (headline, dateline and captions included)
    is the truth; the reader comments' longer lines are what must not appear."""
    path = root / "ground-truth.json"
    if not path.exists():
        return
    truth = json.loads(path.read_text(encoding="utf-8"))
    count = 0
    for name in sorted(truth, key=lambda n: (len(n), n)):
        html_path = root / "html" / f"{name}.html.gz"
        if not html_path.exists():
            continue
        entry = truth[name]
        body = entry.get("articleBody") or ""
        comments = entry.get("comments") or ""
        if DRAGNET_COMMENTS in body:
            # Dragnet's gold files separate the text from the comments with this marker; in a
            # few pages the conversion left both in articleBody.
            body, after = body.split(DRAGNET_COMMENTS, 1)
            after = after.partition("\n")[2]  # the marker's line ends with its label
            comments = f"{after}\n{comments}"
        folded = _fold(body)
        without = [
            line
            for line in comments.splitlines()
            if len(line.split()) >= COMMENT_SNIPPET_WORDS and _fold(line) not in folded
        ]
        yield Page(name, entry.get("url") or "", gzip.decompress(html_path.read_bytes()), entry, body, without)
        count += 1
        if limit and count >= limit:
            return


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", name))


def fundus_body(expected: dict[str, Any]) -> str:
    """A fundus ``body`` as text: the summary, then each section's headline and paragraphs."""
    body = expected.get("body") or {}
    parts: list[str] = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        parts.extend(section.get("headline") or [])
        parts.extend(section.get("paragraphs") or [])
    return "\n\n".join(p for p in parts if p and p.strip())


def fundus_pages(root: Path, limit: int | None) -> Iterator[Page]:
    """Each publisher's pages sorted by crawl date pair with its parser versions in order (the
    newest page with the newest version: fundus tests each version on a page of its time);
    ``meta.info`` gives each page's URL."""
    count = 0
    for expected_path in sorted(root.glob("*/*.json")):
        publisher, country = expected_path.stem, expected_path.parent
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        meta_path = country / "meta.info"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        pages = sorted(country.glob(f"{publisher}_*.html.gz"))
        versions = sorted(expected, key=_version_key)
        for version, path in zip(versions, pages, strict=False):
            url = meta.get(path.name, {}).get("url", "")
            crawled = meta.get(path.name, {}).get("crawl_date")
            html = gzip.decompress(path.read_bytes())
            truth = expected[version]
            yield Page(f"{country.name}/{path.name}", url, html, truth, fundus_body(truth), fetched_at=crawled)
            count += 1
            if limit and count >= limit:
                return


def fundus_bodies(root: Path, limit: int | None) -> Iterator[Page]:
    """The fundus pages whose expected record has a body."""
    count = 0
    for page in fundus_pages(root, None):
        if page.text.strip():
            yield page
            count += 1
            if limit and count >= limit:
                return


def rt_pages(root: Path, limit: int | None) -> Iterator[Page]:
    for count, expected_path in enumerate(sorted(root.glob("*.expected.json")), 1):
        html_path = expected_path.with_name(expected_path.name.replace(".expected.json", ".html.gz"))
        if not html_path.exists():
            continue
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        html = gzip.decompress(html_path.read_bytes())
        yield Page(html_path.name, expected.get("url") or "", html, expected, expected.get("articleBody") or "")
        if limit and count >= limit:
            return


@dataclass(frozen=True)
class Collection:
    key: str
    title: str
    load: Callable[[Path, int | None], Iterator[Page]]
    folder: str
    leak: str
    """What the leak column measures here ("" when the collection has nothing to leak)."""


COLLECTIONS = (
    Collection("wcxb", "wcxb-dev articles", wcxb_articles, "wcxb-dev", "the page's `without` snippets"),
    Collection(
        "dragnet",
        "dragnet (truth includes headline, dateline and captions)",
        dragnet_pages,
        "dragnet",
        "reader comments' lines",
    ),
    Collection("fundus", "fundus bodies", fundus_bodies, "fundus", ""),
    Collection("rt", "rt.com", rt_pages, "rt", ""),
)


# --- table printing -------------------------------------------------------------------------


def _table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# --- extraction -----------------------------------------------------------------------------


BOOTSTRAP = 1000
"""Resamples of the pages for the 95% spread of each F1."""


def _per_page(scores: list[PageScore]) -> tuple[Any, Any, Any, Any]:
    import numpy as np

    p = np.array([_precision(s) for s in scores])
    pm = np.array([s.tp + s.fp > 0 for s in scores], dtype=float)
    r = np.array([_recall(s) for s in scores])
    rm = np.array([s.tp + s.fn > 0 for s in scores], dtype=float)
    return p, pm, r, rm


def _f1s(scores: list[PageScore], idx: Any) -> Any:
    import numpy as np

    p, pm, r, rm = _per_page(scores)
    with np.errstate(invalid="ignore", divide="ignore"):
        prec = (p[idx] * pm[idx]).sum(1) / pm[idx].sum(1)
        rec = (r[idx] * rm[idx]).sum(1) / rm[idx].sum(1)
        f1 = 2 * prec * rec / (prec + rec)
    return np.nan_to_num(f1)


def _resamples(n: int, seed: int = 13) -> Any:
    import numpy as np

    return np.random.default_rng(seed).integers(0, n, size=(BOOTSTRAP, n))


def f1_spread(scores: list[PageScore]) -> tuple[float, float]:
    """The 95% bootstrap interval of the collection's F1 (pages resampled)."""
    import numpy as np

    if len(scores) < 2:
        f1 = summarise(scores).f1
        return f1, f1
    f1 = _f1s(scores, _resamples(len(scores)))
    return float(np.percentile(f1, 2.5)), float(np.percentile(f1, 97.5))


def paired_delta(before: list[PageScore], after: list[PageScore]) -> tuple[float, float, float]:
    """F1 after minus before on the same pages, with its paired 95% bootstrap interval."""
    import numpy as np

    delta = summarise(after).f1 - summarise(before).f1
    if len(before) < 2:
        return delta, delta, delta
    idx = _resamples(len(before))
    d = _f1s(after, idx) - _f1s(before, idx)
    return delta, float(np.percentile(d, 2.5)), float(np.percentile(d, 97.5))


@dataclass
class ToolRun:
    scores: list[PageScore] = field(default_factory=list)
    outputs: list[str] = field(default_factory=list)
    seconds: float = 0.0
    errors: int = 0
    cached: int = 0


class Cache:
    """Per-page outputs and times, one JSON file per tool version and collection, so an
    unchanged tool is not run again (``--no-cache`` runs everything)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self.data: dict[str, dict[str, list[Any]]] = {}
        self.dirty: set[str] = set()

    def _file(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / (re.sub(r"[^\w.@-]+", "_", key) + ".json")

    def _load(self, key: str) -> dict[str, list[Any]]:
        if key not in self.data:
            self.data[key] = {}
            if self.folder is not None and self._file(key).exists():
                with contextlib.suppress(OSError, ValueError):
                    self.data[key] = json.loads(self._file(key).read_text(encoding="utf-8"))
        return self.data[key]

    def get(self, key: str, page: Page) -> tuple[str, float] | None:
        if self.folder is None:
            return None
        hit = self._load(key).get(_page_key(page))
        return (hit[0], hit[1]) if hit else None

    def put(self, key: str, page: Page, text: str, seconds: float) -> None:
        if self.folder is None:
            return
        self._load(key)[_page_key(page)] = [text, seconds]
        self.dirty.add(key)

    def save(self) -> None:
        if self.folder is None:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        for key in self.dirty:
            self._file(key).write_text(json.dumps(self.data[key]), encoding="utf-8")
        self.dirty.clear()


_UTF8 = ("utf-8", "utf8")
_UTF8_DECLARED = re.compile(r"charset\s*=\s*[\"']?utf-?8", re.I)


_HTML5_BLOCKS = frozenset(
    ["article", "aside", "details", "dialog", "figcaption", "figure", "footer", "header", "hgroup", "main", "nav",
     "search", "section", "summary"]
)  # fmt: skip
"""HTML5's sectioning and grouping elements, which a page written before 2010 has as ``<div>``s."""

_HTML5_INLINE = frozenset(["mark", "time"])
_STRUCTURED_META = ("og:", "twitter:", "article:", "fb:")


def old_markup(html: bytes) -> bytes:
    """``html`` as a page written before HTML5 and structured data would give it, with names
    that mean nothing: :func:`hashed_names`, and every HTML5 sectioning element (``<article>``,
    ``<nav>``, ``<aside>``, ``<header>``, ``<figure>`` ...) a ``<div>``, ``<time>`` and
    ``<mark>`` a ``<span>``; ARIA (``role``, ``aria-*``), microdata (``itemprop`` ...) and
    ``data-*`` attributes gone, and so are JSON-LD and OpenGraph/Twitter ``<meta>`` tags. The
    title, ``<meta name="description">``, ``<h1>``-``<h6>``, ``<p>``, lists, tables, inline styles
    and the ``hidden`` attribute stay. A stand-in for the 2005-2010 pages no collection in
    ``../shared/data`` samples much, where nothing but the text and the HTML 4 tags tell the
    article from the rest."""
    return hashed_names(html, old=True)


def loose_paragraphs(html: bytes) -> bytes:
    """``html`` with names hashed (:func:`hashed_names`) and every ``<p>`` written as pages of
    2000-2005 and some blog engines write paragraphs: a ``<font>`` run ended by ``<br><br>``,
    so that no paragraph tag says where the text is."""
    return hashed_names(html, loose=True)


def table_layout(html: bytes) -> bytes:
    """``html`` with names hashed (:func:`hashed_names`) and every ``<div>`` a one-cell
    ``<table>`` (its attributes on the table, its content in the cell), as the pages of 2000-2008
    were laid out: tables inside tables down to the text, with nothing in the tags to tell the
    page's grid from a table of figures."""
    return hashed_names(html, tables=True)


def div_paragraphs(html: bytes) -> bytes:
    """``html`` with names hashed (:func:`hashed_names`) and every ``<p>`` a ``<div>`` (its
    attributes, text and children kept), as page builders and some sites of 2015-2026 write
    paragraphs (ZDF, Nine News, Hankook Ilbo and Reuters' 2024 pages in ``../shared/data`` do):
    a box of text, with no paragraph tag and no ``<br>`` to say where the text is."""
    return hashed_names(html, divs=True)


def bold_headings(html: bytes) -> bytes:
    """``html`` with names hashed (:func:`hashed_names`) and every heading ``<h1>``-``<h6>`` a
    ``<div>`` holding its text in ``<b>`` (its attributes on the ``<div>``), as pages of 2000-2010
    and many templates since set headlines and subheads: in bold type, with no heading tag to say
    which line is the headline, where a section starts or what heads the readers' comments."""
    return hashed_names(html, headings=True)


def custom_elements(html: bytes) -> bytes:
    """``html`` with names hashed (:func:`hashed_names`) and every ``<div>`` and HTML5 section
    (``<article>``, ``<section>``, ``<aside>``, ``<header>``, ``<footer>``, ``<nav>``, ``<main>``)
    a custom element named after its first (hashed) class, ``<x-c3f9a1b>`` (``<x-box>`` without
    one), as pages built from web components and the page frameworks' own elements write their
    boxes (``<app-article-body>``, ``<gu-island>``, ``<bsp-page-actions>``: 156 pages of wcxb-dev
    and fundus have some): elements no HTML version names, which a parser makes inline."""
    return hashed_names(html, custom=True)


_CUSTOM_BOXES = frozenset(["article", "aside", "div", "footer", "header", "main", "nav", "section"])
"""What :func:`custom_elements` writes as custom elements."""


def _boxes_as_custom_elements(root: Any) -> None:
    """Write, in place, each of :data:`_CUSTOM_BOXES` under ``root`` as :func:`custom_elements` says."""
    for el in list(root.iter(*_CUSTOM_BOXES)):
        names = (el.get("class") or "").split()
        el.tag = f"x-{names[0]}" if names else "x-box"


_NAMES = (
    "class",
    "id",
    # The attributes that name an element by its id (HTML's and WAI-ARIA's references): on a
    # site whose names mean nothing they still name the same element, so they are hashed with
    # the ids (an accordion's control names its panel in aria-controls).
    "aria-activedescendant",
    "aria-controls",
    "aria-describedby",
    "aria-details",
    "aria-errormessage",
    "aria-flowto",
    "aria-labelledby",
    "aria-owns",
    "for",
    "form",
    "headers",
    "list",
)
"""The attributes :func:`hashed_names` hashes: the names and the references to them."""


def hashed_names(
    html: bytes,
    *,
    old: bool = False,
    loose: bool = False,
    tables: bool = False,
    divs: bool = False,
    headings: bool = False,
    custom: bool = False,
) -> bytes:
    """``html`` with each class and id name replaced by ``c`` and six hex digits of its MD5 (the
    same name by the same hash everywhere on the page, in the attributes that refer to an id
    too: :data:`_NAMES`); text, tags and other attributes stay.
    The page is decoded and parsed as newsclean decodes and parses it and comes back as UTF-8,
    its charset declarations saying so (lxml alone misreads a GB2312 or Shift_JIS page declared
    in a ``<meta>``: its text comes back as mojibake cut after the title, a hashed page with no
    body for every tool; and it leaves what follows a premature ``</html>`` outside the root).
    ``old``: also what :func:`old_markup` takes out; ``loose``: paragraphs as
    :func:`loose_paragraphs` writes them; ``tables``: ``<div>``s as :func:`table_layout` writes
    them (after ``old`` has made HTML5's sections ``<div>``s); ``divs``: ``<p>``s as
    :func:`div_paragraphs` writes them (after ``tables``: the paragraphs stay ``<div>``s; with
    ``loose`` there is no ``<p>`` left to write: give one of the two); ``headings``: headings as
    :func:`bold_headings` writes them (before ``tables``: their ``<div>``s become tables too);
    ``custom``: boxes as :func:`custom_elements` writes them (last: the ``<div>``s the other
    rewrites made become custom elements too)."""
    try:
        text = decode_html(html)
    except DecodeError:
        return html  # no page to hash (each tool reports it as it would the page)
    # Parsed as newsclean parses a page: markup after a premature </html> (a second <html>
    # holding the article) moves into the body; serialising lxml's root alone left it out, and
    # every tool got the page cut there.
    root = parse_html(text)
    for meta in root.iter("meta"):
        charset, kind = meta.get("charset"), (meta.get("http-equiv") or "").lower()
        if charset is not None and charset.strip().lower() not in _UTF8:
            meta.set("charset", "utf-8")
        elif kind == "content-type" and not _UTF8_DECLARED.search(meta.get("content") or ""):
            meta.set("content", "text/html; charset=utf-8")
    names: dict[str, str] = {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for attr in _NAMES:
            value = el.get(attr)
            if value:
                tokens = value.split()
                for token in tokens:
                    if token not in names:
                        names[token] = "c" + hashlib.md5(token.encode(), usedforsecurity=False).hexdigest()[:6]
                el.set(attr, " ".join(names[t] for t in tokens))
    if old:
        _drop_html5(root)
    if loose:
        for p in list(root.iter("p")):
            p.tag = "font"
            breaks = lxml.html.Element("br"), lxml.html.Element("br")
            breaks[1].tail, p.tail = p.tail, None
            p.addnext(breaks[0])
            breaks[0].addnext(breaks[1])
    if headings:
        _bold_headings(root)
    if tables:
        _divs_as_tables(root)
    if divs:
        for p in root.iter("p"):
            p.tag = "div"
    if custom:
        _boxes_as_custom_elements(root)
    return bytes(lxml.html.tostring(root, encoding="utf-8", doctype="<!DOCTYPE html>"))


_TABLE_CLOSES = frozenset(["a", "h1", "h2", "h3", "h4", "h5", "h6", "listing", "p", "pre", "xmp"])
"""Elements an HTML parser closes at a ``<table>`` start tag (libxml2's, as every tool here
parses): a table written inside a link or a heading comes back after it, its text out of the
link, so a ``<div>`` in one stays a ``<div>``, as a page of tables would have had it."""


_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def _bold_headings(root: Any) -> None:
    """Write, in place, each heading under ``root`` as a ``<div>`` (the heading's attributes and
    place) holding one ``<b>`` with the heading's text and children."""
    for heading in list(root.iter(*_HEADINGS)):
        bold = lxml.html.Element("b")
        bold.text = heading.text
        bold.extend(list(heading))
        heading.text = None
        heading.append(bold)
        heading.tag = "div"


def _divs_as_tables(root: Any) -> None:
    """Write, in place, each ``<div>`` under ``root`` as ``<table><tr><td>``: the table takes the
    div's attributes and place (its tail too), the cell its text and children. A ``<div>`` inside
    a link or a heading (:data:`_TABLE_CLOSES`) stays: read back, a table there would leave it."""
    for div in list(root.iter("div")):
        parent = div.getparent()
        if parent is None or any(up.tag in _TABLE_CLOSES for up in div.iterancestors()):
            continue
        table = lxml.html.Element("table")
        for name, value in div.attrib.items():
            table.set(name, value)
        cell = lxml.etree.SubElement(lxml.etree.SubElement(table, "tr"), "td")
        cell.text = div.text
        cell.extend(list(div))
        table.tail = div.tail
        parent.replace(div, table)


def _drop_html5(root: Any) -> None:
    """Take out of ``root``, in place, what :func:`old_markup` says."""
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if tag == "script" and (el.get("type") or "").strip().lower() == "application/ld+json":
            doomed.append(el)
            continue
        if tag == "meta" and (el.get("property") or el.get("name") or "").lower().startswith(_STRUCTURED_META):
            doomed.append(el)
            continue
        if tag in _HTML5_BLOCKS:
            el.tag = "div"
        elif tag in _HTML5_INLINE:
            el.tag = "span"
        for attr in list(el.attrib):
            name = attr.lower()
            if name == "role" or name.startswith(("aria-", "data-", "item")):
                del el.attrib[attr]
    for el in doomed:
        el.drop_tree()


def _page_key(page: Page) -> str:
    return hashlib.sha1(page.name.encode() + b"\0" + page.url.encode() + b"\0" + page.html).hexdigest()


def run_collection(
    collection: Collection, pages: list[Page], tools: dict[str, Extractor], cache: Cache, verbose: bool
) -> dict[str, ToolRun]:
    """Every tool on every page, interleaved page by page; a tool raising scores the page empty."""
    runs = {name: ToolRun() for name in tools}
    keys = {name: f"{_tool_key(name)}-{collection.key}" for name in tools}
    for page in pages:
        for name, tool in tools.items():
            run = runs[name]
            hit = cache.get(keys[name], page)
            if hit is not None:
                text, seconds = hit
                run.cached += 1
            else:
                start = time.perf_counter()
                try:
                    text = tool(page.html, page.url)
                except Exception as exc:  # a tool failing on a page scores it as empty
                    run.errors += 1
                    text = ""
                    problem = f"{type(exc).__name__}: {exc}"
                    print(f"{name} failed on {collection.key}/{page.name}: {problem}", file=sys.stderr)
                seconds = time.perf_counter() - start
                cache.put(keys[name], page, text, seconds)
            run.seconds += seconds
            run.outputs.append(text)
            run.scores.append(score_page(page.text, text, page.without))
        if verbose:
            f1 = summarise([runs[NEWSCLEAN].scores[-1]]).f1 if NEWSCLEAN in runs else 0.0
            others = " ".join(f"{n}={summarise([r.scores[-1]]).f1:.3f}" for n, r in runs.items() if n != NEWSCLEAN)
            print(f"{collection.key}/{page.name} newsclean={f1:.3f} {others} {page.url}", file=sys.stderr)
    cache.save()
    return runs


def collection_table(collection: Collection, pages: list[Page], runs: dict[str, ToolRun]) -> str:
    base = runs[TRAFILATURA].seconds if TRAFILATURA in runs else None
    rows = []
    best = max((summarise(r.scores).f1 for r in runs.values()), default=0.0)
    with_text = [bool(p.text.strip()) for p in pages]
    for name, run in runs.items():
        t: Totals = summarise(run.scores)
        low, high = f1_spread(run.scores)
        speed = len(pages) / run.seconds if run.seconds else 0.0
        ratio = f"{base / run.seconds:.2f}x" if base and run.seconds else "-"
        empty = sum(1 for s, has in zip(run.scores, with_text, strict=True) if s.empty and has)
        f1 = f"{t.f1:.3f}"
        rows.append(
            [
                name,
                f"{t.precision:.3f}",
                f"{t.recall:.3f}",
                f"**{f1}**" if t.f1 == best else f1,
                f"{low:.3f}-{high:.3f}",
                f"{t.leak:.3f}" if collection.leak else "-",
                str(empty),
                str(run.errors),
                f"{speed:.0f}" + ("*" if run.cached else ""),
                ratio,
            ]
        )
    headers = [
        "extractor",
        "precision",
        "recall",
        "F1",
        "F1 95% spread",
        "leak",
        "empty",
        "errors",
        "pages/s",
        "speed vs trafilatura",
    ]
    notes = []
    if collection.leak:
        notes.append(f"leak: share of {collection.leak} found in the output")
    if any(r.cached for r in runs.values()):
        notes.append("*: times partly from the result cache of an earlier run (--no-cache to time all afresh)")
    note = "".join(f"\n{n}" for n in notes)
    return f"{collection.title}: {len(pages)} pages\n\n" + _table(headers, rows) + ("\n" + note if note else "")


def run_extraction(
    collections: list[Collection],
    data: Path,
    tools: dict[str, Extractor],
    *,
    limit: int | None,
    cache: Cache,
    verbose: bool,
    save: Path | None = None,
    baseline: Path | None = None,
    hash_names: bool = False,
    old_html: bool = False,
    loose_p: bool = False,
    tables: bool = False,
    divs: bool = False,
    headings: bool = False,
    custom: bool = False,
) -> None:
    """One table per collection; ``save`` writes every page's scores (JSON), ``baseline`` prints
    newsclean's change against such a file, page by page; ``hash_names`` runs every tool on the
    pages with their class and id names hashed (:func:`hashed_names`), ``old_html`` on the pages
    as :func:`old_markup` makes them, ``loose_p`` as :func:`loose_paragraphs` does, ``tables`` as
    :func:`table_layout` does, ``divs`` as :func:`div_paragraphs` does, ``headings`` as
    :func:`bold_headings` does, ``custom`` as :func:`custom_elements` does (any of them
    together: the rewrites at once)."""
    saved: dict[str, Any] = {}
    before = json.loads(baseline.read_text(encoding="utf-8")) if baseline else {}
    for collection in collections:
        folder = data / collection.folder
        pages = list(collection.load(folder, limit)) if folder.is_dir() else []
        if not pages:
            print(f"{collection.title}: no pages in {folder}\n", flush=True)
            continue
        if hash_names or old_html or loose_p or tables or divs or headings or custom:
            pages = [
                dataclasses.replace(
                    p,
                    html=hashed_names(
                        p.html, old=old_html, loose=loose_p, tables=tables, divs=divs, headings=headings, custom=custom
                    ),
                )
                for p in pages
            ]
            title = _rewritten_title(collection.title, old_html, loose_p, tables, divs, headings, custom)
            collection = dataclasses.replace(collection, title=title)
        runs = run_collection(collection, pages, tools, cache, verbose)
        print(collection_table(collection, pages, runs), end="\n\n", flush=True)
        saved[collection.key] = {
            name: {p.name: [s.tp, s.fp, s.fn, s.leak, s.empty] for p, s in zip(pages, run.scores, strict=True)}
            for name, run in runs.items()
        }
        if NEWSCLEAN in runs and collection.key in before and NEWSCLEAN in before[collection.key]:
            print(_compare(pages, runs[NEWSCLEAN].scores, before[collection.key][NEWSCLEAN], verbose), end="\n\n")
    if save is not None:
        save.write_text(json.dumps(saved), encoding="utf-8")


def _rewritten_title(
    title: str,
    old: bool,
    loose: bool,
    tables: bool,
    divs: bool = False,
    headings: bool = False,
    custom: bool = False,
) -> str:
    """The table's title for pages rewritten as :func:`run_extraction`'s flags say."""
    if custom:
        others = old or loose or tables or divs or headings
        inner = (
            _rewritten_title(title, old, loose, tables, divs, headings)
            if others
            else f"{title}, class and id names hashed"
        )
        return f"{inner}, every box a custom element"
    if headings:
        others = old or loose or tables or divs
        inner = _rewritten_title(title, old, loose, tables, divs) if others else f"{title}, class and id names hashed"
        return f"{inner}, every heading a bold line"
    if divs:
        parts = ["old markup"] * old + ["every <div> a one-cell <table>"] * tables
        return f"{title}, {' and '.join([*parts, 'every <p> a <div>'])} (names hashed)"
    if old and loose and not tables:
        return f"{title}, old markup and paragraphs without <p> (both rewrites below at once)"
    if loose and not (old or tables):
        return f"{title}, paragraphs without <p> (names hashed; each a <font> run ended by <br><br>)"
    if old and not (loose or tables):
        return f"{title}, old markup (names hashed; no HTML5 sections, ARIA, microdata or JSON-LD)"
    if not (old or loose or tables):
        return f"{title}, class and id names hashed"
    parts = ["old markup"] * old + ["paragraphs without <p>"] * loose + ["every <div> a one-cell <table>"] * tables
    return f"{title}, {' and '.join(parts)} (names hashed)"


def _compare(pages: list[Page], scores: list[PageScore], before: dict[str, list[Any]], verbose: bool) -> str:
    pairs = [(p, s, PageScore(*before[p.name])) for p, s in zip(pages, scores, strict=True) if p.name in before]
    old = [b for _, _, b in pairs]
    new = [s for _, s, _ in pairs]
    delta, low, high = paired_delta(old, new)
    f1 = [(summarise([s]).f1 - summarise([b]).f1, p.name) for p, s, b in pairs]
    up = sum(1 for d, _ in f1 if d > 0.005)
    down = sum(1 for d, _ in f1 if d < -0.005)
    t_old, t_new = summarise(old), summarise(new)
    lines = [
        f"newsclean against the baseline: F1 {t_old.f1:.4f} -> {t_new.f1:.4f} ({delta:+.4f}, paired 95% "
        f"{low:+.4f} to {high:+.4f}), leak {t_old.leak:.4f} -> {t_new.leak:.4f}, {up} pages up, {down} down"
    ]
    if verbose:
        for d, name in sorted(f1)[:15]:
            if d < -0.005:
                lines.append(f"  down {d:+.3f} {name}")
        for d, name in sorted(f1, reverse=True)[:15]:
            if d > 0.005:
                lines.append(f"  up   {d:+.3f} {name}")
    return "\n".join(lines)


# --- metadata -------------------------------------------------------------------------------


def _fold(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip()


def _same_day(found: str | None, expected: str | None) -> bool:
    if not found or not expected:
        return False
    try:
        want = datetime.fromisoformat(expected)
        got = datetime.fromisoformat(found)
    except ValueError:
        return found[:10] == expected[:10]
    if got.tzinfo is not None and want.tzinfo is not None:
        got = got.astimezone(want.tzinfo)
    return got.date() == want.date()


def _same_authors(found: list[str], expected: list[str]) -> bool:
    return {_fold(a).casefold() for a in found if _fold(a)} == {_fold(a).casefold() for a in expected if _fold(a)}


def _caption_match(found: str | None, expected: str) -> bool:
    a, b = _fold(found).casefold(), _fold(expected).casefold()
    return bool(a) and (a == b or (len(a) >= 20 and (a in b or b in a)))


def image_scores(found_main: str | None, found: list[dict[str, Any]], expected: list[dict[str, Any]]) -> list[int]:
    """Per page: ``[main image right, main image expected, captions found, captions expected,
    credits found, credits expected]``. The main image is right when it is one of the cover
    image's versions (the same picture at another size); a caption or credit counts when one
    of the found images carries it."""
    cover = next((i for i in expected if i.get("is_cover")), None)
    out = [0, 0, 0, 0, 0, 0]
    if cover is not None:
        out[1] = 1
        out[0] = int(found_main is not None and any(same_image(found_main, v["url"]) for v in cover["versions"]))
    for image in expected:
        if image.get("caption"):
            out[3] += 1
            out[2] += any(_caption_match(f.get("caption"), image["caption"]) for f in found)
        for credit in image.get("authors") or []:
            out[5] += 1
            want = _fold(credit).casefold()
            out[4] += any(want in _fold(f.get("credit")).casefold() for f in found if f.get("credit"))
    return out


def _meta_newsclean(page: Page) -> dict[str, Any]:
    record = clean_html(page.html, url=page.url, find_site=False, fetched_at=page.fetched_at)
    return {
        "headline": record.headline,
        "date": record.datePublished,
        "authors": [a.name for a in record.authors],
        "image": record.mainImage.url if record.mainImage else None,
        "images": [dataclasses.asdict(i) for i in record.images],
    }


def _meta_trafilatura(page: Page) -> dict[str, Any]:
    from trafilatura import extract_metadata

    doc = extract_metadata(page.html, default_url=page.url)
    if doc is None:
        return {"headline": None, "date": None, "authors": []}
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {"headline": doc.title, "date": doc.date, "authors": authors, "image": doc.image, "images": None}


def _meta_newspaper(page: Page) -> dict[str, Any]:
    import newspaper

    article = newspaper.Article(page.url or "https://example.com/", fetch_images=False)
    article.download(input_html=page.html.decode("utf-8", "replace"))
    article.parse()
    date = article.publish_date.isoformat() if article.publish_date else None
    # newspaper4k lists image addresses without captions or credits: no "images".
    image = article.top_image or None
    return {"headline": article.title, "date": date, "authors": list(article.authors), "image": image, "images": None}


def _meta_htmldate(page: Page) -> dict[str, Any]:
    from htmldate import find_date

    date = find_date(page.html, url=page.url, original_date=True)
    return {"headline": None, "date": date, "authors": None, "image": None, "images": None}


FUNDUS_PYTHON = "NEWSCLEAN_FUNDUS_PYTHON"
"""Environment variable: the Python of an environment with fundus installed (default:
``build/fundus-venv/bin/python`` when it exists)."""

FUNDUS_SETUP = (
    "python3 -m venv build/fundus-venv && build/fundus-venv/bin/python -m pip install fundus 'curl_cffi<0.12'"
)
"""How to make that environment: fundus 0.5.7 (PyPI) pins lxml<6 while newsclean needs
lxml>=6.1 (lxml_html_clean), so the two cannot share one; and fundus imports
``curl_cffi.requests.impersonate.normalize_browser_type``, which curl_cffi 0.12 and later no
longer have (fundus does not pin it), so the import fails unless curl_cffi is held below 0.12.
Parsing stored HTML needs no network."""


def _fundus_python() -> str | None:
    import os

    named = os.environ.get(FUNDUS_PYTHON)
    if named:
        return named
    default = ROOT / "build" / "fundus-venv" / "bin" / "python"
    return str(default) if default.exists() else None


def fundus_results(pages: list[Page], root: Path) -> tuple[str, dict[str, dict[str, Any]]] | str:
    """Fundus's own parsers (the ones that wrote the expected JSON) on ``pages``, run by
    :mod:`benchmarks.fundus_parse` in fundus's environment: ``(version, {page name: result})``,
    or why it could not run."""
    import subprocess

    python = _fundus_python()
    if python is None:
        return f"not run: no fundus environment ({FUNDUS_PYTHON} unset; make one with: {FUNDUS_SETUP})"
    jobs = []
    for page in pages:
        day = re.search(r"_(\d{4})_(\d{2})_(\d{2})\.html", page.name)
        if day:
            jobs.append({"name": page.name, "path": str(root / page.name), "day": "-".join(day.groups())})
    try:
        done = subprocess.run(
            [python, str(ROOT / "benchmarks" / "fundus_parse.py")],
            input="".join(json.dumps(j) + "\n" for j in jobs),
            capture_output=True, text=True, timeout=1800,
        )  # fmt: skip
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"not run: {python}: {exc}"
    lines = done.stdout.splitlines()
    if done.returncode != 0 or not lines:
        why = (done.stderr.strip().splitlines() or ["no output"])[-1]
        return f"not run: fundus did not start in {python}: {why} (make the environment with: {FUNDUS_SETUP})"
    version = json.loads(lines[0]).get("version", "?")
    results = {r["name"]: r for r in map(json.loads, lines[1:])}
    return version, results


def run_metadata(pages: list[Page], root: Path | None = None) -> str:
    tools: dict[str, Callable[[Page], dict[str, Any]]] = {"newsclean": _meta_newsclean}
    for name, fn, module in (
        ("trafilatura", _meta_trafilatura, "trafilatura"),
        ("newspaper4k", _meta_newspaper, "newspaper"),
        ("htmldate (date only)", _meta_htmldate, "htmldate"),
    ):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                __import__(module)
            tools[name] = fn
        except ImportError:
            continue
    fundus = fundus_results(pages, root or DATA / "fundus")
    fundus_seconds: dict[str, float] = {}
    if not isinstance(fundus, str):
        fundus_version, fundus_found = fundus
        failed = [r for r in fundus_found.values() if r.get("error")]

        def by_fundus(page: Page) -> dict[str, Any]:
            found = fundus_found.get(page.name) or {"error": "not parsed"}
            if found.get("error"):
                raise RuntimeError(found["error"])
            fundus_seconds[page.name] = float(found.get("seconds") or 0.0)
            return found

        tools[f"fundus {fundus_version} (wrote the truth)"] = by_fundus
    hits = {name: [0, 0, 0] for name in tools}
    image_hits = {name: [0] * 6 for name in tools}
    has_images = {name: False for name in tools}
    seconds = dict.fromkeys(tools, 0.0)
    empty = {"headline": None, "date": None, "authors": [], "image": None, "images": None}
    for page in pages:
        for name, fn in tools.items():
            start = time.perf_counter()
            try:
                found = fn(page)
            except Exception:
                found = empty
            elapsed = time.perf_counter() - start
            seconds[name] += fundus_seconds.pop(page.name, elapsed) if name.startswith("fundus") else elapsed
            hits[name][0] += _fold(found["headline"]) == _fold(page.truth.get("title"))
            hits[name][1] += _same_day(found["date"], page.truth.get("publishing_date"))
            if found["authors"] is not None:
                hits[name][2] += _same_authors(found["authors"], page.truth.get("authors") or [])
            has_images[name] |= found["images"] is not None
            scores = image_scores(found["image"], found["images"] or [], page.truth.get("images") or [])
            for k, v in enumerate(scores):
                image_hits[name][k] += v
    n = len(pages) or 1
    rows = []
    for name in tools:
        h, d, a = hits[name]
        dash = name.startswith("htmldate")
        im = image_hits[name]
        rows.append(
            [
                name,
                "-" if dash else f"{h / n:.3f}",
                f"{d / n:.3f}",
                "-" if dash else f"{a / n:.3f}",
                "-" if dash else f"{im[0] / (im[1] or 1):.3f}",
                f"{im[2] / (im[3] or 1):.3f}" if has_images[name] else "-",
                f"{im[4] / (im[5] or 1):.3f}" if has_images[name] else "-",
                f"{len(pages) / seconds[name]:.0f}" if seconds[name] else "-",
            ]
        )
    im = image_hits["newsclean"]
    headers = ["tool", "headline exact", "datePublished right day", "authors (same names)", "main image",
               "captions", "credits", "pages/s"]
    note = (
        f"\nmain image: right picture on {im[1]} pages with a cover image; captions: share of the "
        f"{im[3]} expected captions found on an image; credits: share of the {im[5]} expected credits."
        + (
            "\nfundus: " + fundus
            if isinstance(fundus, str)
            else "\nfundus: its own parsers, run offline on the stored HTML in their own environment (they "
            "wrote this ground truth, so their row is the ceiling, not a rival)"
            + (f"; failed to parse: {', '.join(r['name'] + ' (' + r['error'] + ')' for r in failed)}" if failed else "")
            + "; pages/s counts its parse only"
        )
        + "\n"
    )
    return f"fundus: {len(pages)} pages\n\n" + _table(headers, rows) + note


# --- plain text -----------------------------------------------------------------------------


_DECLARED_CHARSET = re.compile(
    r"(<meta\b[^>]*?charset\s*=\s*[\"']?\s*)[\w.:-]+|(<\?xml\b[^>]*?encoding\s*=\s*[\"'])[\w.:-]+", re.I
)
"""A page's own declaration of its character set, in a ``<meta>`` or an XML prolog."""


def _declared_utf8(html: str) -> str:
    """``html`` declaring UTF-8 wherever it declares a character set: lynx is handed the decoded page
    as UTF-8 bytes, and reading them as the page's original ISO-8859-1 or GB2312 (a declaration
    wins over ``-assume_charset``) turned every accented letter into two and a Chinese page into
    noise, which a lynx fetching the page itself never prints."""
    return _DECLARED_CHARSET.sub(lambda m: (m.group(1) or m.group(2)) + "utf-8", html)


DUMPS = ("visible", "html2text", "html2text-wrapped", "markdownify", "lynx", "w3m", "elinks", "links")
"""How ``--only text`` turns each page into a dump: its visible text a line per block
(:func:`~benchmarks.textdump.visible_text`, a naive scraper's), or Markdown as html2text (no
wrapping, characters kept as they are; ``html2text-wrapped``: wrapped at its default 78 columns)
or markdownify writes it (the converters that scraping pipelines and the crawlers feeding
language models save pages with), or as ``lynx -dump -width=80`` prints it (the text browser's
dump: links numbered, their addresses listed at the end; needs the ``lynx`` program), or as
``w3m -dump -cols 80`` prints it (wrapped in columns, lists with w3m's bullets, pictures without
words as their files' names; needs the ``w3m`` program), or as ``elinks -dump -dump-width 80``
prints it (lynx's layout with w3m's bullets; needs the ``elinks`` program), or as ``links -dump
-width 80`` prints it (lynx's layout without the links' numbers; needs the ``links`` program)."""


BROWSERS: dict[str, tuple[str, ...]] = {
    "lynx": ("lynx", "-dump", "-stdin", "-width=80", "-display_charset=utf-8", "-assume_charset=utf-8"),
    "w3m": ("w3m", "-dump", "-T", "text/html", "-cols", "80", "-I", "UTF-8", "-O", "UTF-8"),
    "elinks": (
        "elinks",
        "-dump",
        "-dump-width",
        "80",
        "-dump-charset",
        "utf-8",
        "-eval",
        'set document.codepage.assume = "utf-8"',
        "-force-html",
    ),
    "links": ("links", "-dump", "-width", "80", "-codepage", "utf-8", "-html-assume-codepage", "utf-8"),
}
"""The text browsers' dump commands, each given the page on its input (links: as a file's name
after the command, since it reads no input)."""


def _browser_dump(dump: str, page: bytes) -> str:
    """``page`` as the text browser ``dump`` names prints it (:data:`BROWSERS`)."""
    command = BROWSERS[dump]
    if shutil.which(command[0]) is None:
        raise SystemExit(f"--dumps {dump} needs the {command[0]} program (apt-get install {command[0]})")
    with tempfile.TemporaryDirectory() as folder:
        if dump == "links":
            path = Path(folder) / "page.html"
            path.write_bytes(page)
            command, page = (*command, str(path)), b""
        done = subprocess.run(list(command), input=page, capture_output=True, timeout=60, check=False)
    return done.stdout.decode("utf-8", "replace")


def page_dump(html: str, dump: str = "visible") -> str:
    """``html`` as a dump of the kind ``dump`` names (:data:`DUMPS`)."""
    if dump == "visible":
        return visible_text(html)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if dump in ("html2text", "html2text-wrapped"):
            import html2text

            converter = html2text.HTML2Text()
            if dump == "html2text":
                converter.body_width = 0  # (its default wraps at 78 columns)
            converter.unicode_snob = True  # (its default writes "ü" as "u")
            return str(converter.handle(html))
        if dump == "markdownify":
            import markdownify

            return str(markdownify.markdownify(html))
        if dump in BROWSERS:
            return _browser_dump(dump, _declared_utf8(html).encode("utf-8", "replace"))
    raise ValueError(f"unknown dump {dump!r}; choose one of {', '.join(DUMPS)}")


HEADERS = ("none", "front-matter", "reader")
"""What ``--dump-header`` writes above each dump: nothing (default), YAML front matter as
trafilatura writes it with ``with_metadata=True`` (``title``, ``url``, ``hostname``,
``description``, ``sitename``), or the header of Jina's Reader (``Title:``, ``URL Source:``,
``Markdown Content:``; Markdown dumps only). With a header, ``clean_text`` is given no ``url``:
the dump says where it came from, as a folder of saved files does."""


def dump_header(html: str, url: str, header: str, dump: str) -> str:
    """The header of kind ``header`` (:data:`HEADERS`) for the page ``html`` at ``url``, from its
    ``<title>``, meta description and ``og:site_name``."""
    if header == "none":
        return ""
    try:
        tree = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        tree = None

    def first(path: str) -> str:
        found = tree.xpath(path) if tree is not None else []
        return " ".join(str(found[0]).split()) if found else ""

    title = first("//title/text()")
    if header == "reader":
        if dump not in ("html2text", "html2text-wrapped", "markdownify"):
            raise SystemExit("--dump-header reader heads Markdown dumps: give --dumps html2text or markdownify")
        return f"Title: {title}\n\nURL Source: {url}\n\nMarkdown Content:\n"
    if header != "front-matter":
        raise ValueError(f"unknown header {header!r}; choose one of {', '.join(HEADERS)}")
    fields = {
        "title": json.dumps(title, ensure_ascii=False) if title else "",
        "url": url,
        "hostname": (urlsplit(url).hostname or "").removeprefix("www.") if url else "",
        "description": json.dumps(first("//meta[@name='description']/@content"), ensure_ascii=False),
        "sitename": first("//meta[@property='og:site_name']/@content"),
    }
    lines = [f"{key}: {value}" for key, value in fields.items() if value and value != '""']
    return "---\n" + "\n".join(lines) + "\n---\n"


def text_pages(
    data: Path, limit: int | None, dump: str = "visible", header: str = "none"
) -> dict[str, list[tuple[str, str, str, list[str]]]]:
    """Per collection, each page as ``(url, text dump, ground truth, without snippets)``, the dump
    of the kind ``dump`` names (:data:`DUMPS`), under a header of the kind ``header`` names
    (:data:`HEADERS`)."""
    from benchmarks.train_page_chrome import COLLECTIONS as TEXT_COLLECTIONS
    from benchmarks.train_page_chrome import LOADERS

    out: dict[str, list[tuple[str, str, str, list[str]]]] = {}
    for name in TEXT_COLLECTIONS:
        if not (data / name).is_dir():
            continue
        pages = []
        for page in LOADERS[name](data / name, limit):
            try:
                html = decode_html(page.html)
            except DecodeError:
                html = page.html.decode("utf-8", "replace")  # as a browser shows a broken page
            text = dump_header(html, page.url, header, dump) + page_dump(html, dump)
            pages.append((page.url, text, page.text, page.without))
        out[name] = pages
    return out


def run_text(
    collections: dict[str, list[tuple[str, str, str, list[str]]]], kind: str = "visible", header: str = "none"
) -> str:
    """Per collection: the raw dump, clean_text with the prose rule alone and with the shipped
    line model, each F1 with its 95% bootstrap spread, and the model's paired gain over the rule.
    Dumps under a header (``header``, :data:`HEADERS`) are cleaned without their ``url``."""
    from newsclean.cleaners.line_model import load_model

    rule_chain = CleanerChain({"site-memory": None}, instances={"page_chrome": PageChrome(model=False)})
    model_chain = CleanerChain({"site-memory": None})
    trained_on = str(load_model().meta.get("trained_on", ""))
    rows = []
    for name, pages in collections.items():
        raw: list[PageScore] = []
        by_rule: list[PageScore] = []
        cleaned: list[PageScore] = []
        seconds = {"rule": 0.0, "model": 0.0}
        for page_url, dump, truth, without in pages:
            url = page_url if header == "none" else None
            raw.append(score_page(truth, dump, without))
            start = time.perf_counter()
            body = clean_text(dump, url=url, chain=rule_chain, find_site=False).articleBody or ""
            seconds["rule"] += time.perf_counter() - start
            by_rule.append(score_page(truth, body, without))
            start = time.perf_counter()
            body = clean_text(dump, url=url, chain=model_chain, find_site=False).articleBody or ""
            seconds["model"] += time.perf_counter() - start
            cleaned.append(score_page(truth, body, without))
        delta, low, high = paired_delta(by_rule, cleaned)
        leak = any(without for *_, without in pages)
        seen = " (seen in training)" if name in trained_on else ""
        for label, scores, timed in (
            ("raw dump", raw, None),
            ("clean_text, prose rule only", by_rule, "rule"),
            (f"clean_text, line model{seen}", cleaned, "model"),
        ):
            t = summarise(scores)
            f_low, f_high = f1_spread(scores)
            speed = f"{len(pages) / seconds[timed]:.0f}" if timed and seconds[timed] else "-"
            gain = f"{delta:+.3f} ({low:+.3f} to {high:+.3f})" if timed == "model" else "-"
            rows.append(
                [
                    f"{name} ({len(pages)})",
                    label,
                    f"{t.precision:.3f}",
                    f"{t.recall:.3f}",
                    f"{t.f1:.3f}",
                    f"{f_low:.3f}-{f_high:.3f}",
                    gain,
                    f"{t.leak:.3f}" if leak else "-",
                    str(t.empty),
                    speed,
                ]
            )
    headers = ["collection (pages)", "text", "precision", "recall", "F1", "F1 95% spread", "model - rule (95%)",
               "leak", "empty", "pages/s"]  # fmt: skip
    note = (
        f"\nThe shipped line model was trained on: {trained_on or 'unknown'}; on a collection it saw, its row "
        "is higher than what to expect elsewhere. Its score on collections and sites it never saw is printed "
        "by python -m benchmarks.train_page_chrome --no-write.\n"
    )
    title = (
        "plain-text dumps (benchmarks.textdump), cleaned by clean_text"
        if kind == "visible"
        else f"Markdown dumps ({kind}), cleaned by clean_text"
    )
    if header != "none":
        title += f", each under a {header.replace('-', ' ')} header, without its url"
    title += "\n\n"
    return title + _table(headers, rows) + note + _unseen()


def _unseen() -> str:
    """The shipped line model's cross-collection table, as last measured (when it was trained, or since by
    ``python -m benchmarks.train_page_chrome --record-table``)."""
    from newsclean.cleaners.line_model import load_model

    from benchmarks.train_page_chrome import cross_collection_table

    try:
        meta = load_model().meta
    except Exception:  # no model or a damaged one: nothing to show
        return ""
    rows = meta.get("cross_collection")
    if not rows:
        return ""
    measured = meta.get("cross_collection_measured")
    when = f"as measured on {measured}" if measured else "as measured when the shipped model was trained"
    return (
        "\nOn dumps of a collection the line model never saw (trained on the others, then scored), "
        f"{when}: F1 (95% spread)\n\n" + cross_collection_table(rows) + "\n"
    )


def _selector_table() -> str:
    """The shipped main-content selector's cross-collection table, as measured when it was
    trained (``python -m benchmarks.train_selector`` measures it afresh)."""
    from benchmarks.train_selector import selector_tables

    return selector_tables()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    parser.add_argument(
        "--only",
        default="extraction,metadata,text",
        help="comma-separated tables: extraction (every collection) or wcxb, dragnet, fundus, rt; metadata; text",
    )
    parser.add_argument("--tools", default=None, help="comma-separated extractors (default: all installed)")
    parser.add_argument("--no-cache", action="store_true", help="run and time every tool afresh (no result cache)")
    parser.add_argument("--save", type=Path, default=None, help="write every page's scores to this JSON file")
    parser.add_argument("--baseline", type=Path, default=None, help="compare newsclean with a --save file")
    parser.add_argument(
        "--hash-names",
        action="store_true",
        help="extraction: replace every class and id name by a meaningless hash first (how much a tool leans on names)",
    )
    parser.add_argument(
        "--old-markup",
        action="store_true",
        help="extraction: names hashed, HTML5 sections, ARIA, microdata and JSON-LD taken out first (a pre-2010 page)",
    )
    parser.add_argument(
        "--loose-paragraphs",
        action="store_true",
        help="extraction: names hashed and every <p> a <font> run ended by <br><br> first (no paragraph tags; "
        "with --old-markup, both rewrites at once)",
    )
    parser.add_argument(
        "--table-layout",
        action="store_true",
        help="extraction: names hashed and every <div> a one-cell <table> first (the nested-table layouts of "
        "2000-2008; combines with --old-markup and --loose-paragraphs)",
    )
    parser.add_argument(
        "--div-paragraphs",
        action="store_true",
        help="extraction: names hashed and every <p> a <div> first (paragraphs as page builders write "
        "them; combines with --old-markup and --table-layout)",
    )
    parser.add_argument(
        "--bold-headings",
        action="store_true",
        help="extraction: names hashed and every <h1>-<h6> a <div> of bold text first (headlines and "
        "subheads without heading tags; combines with every rewrite above)",
    )
    parser.add_argument(
        "--custom-elements",
        action="store_true",
        help="extraction: names hashed and every <div> and HTML5 section a custom element (<x-c3f9a1b>) "
        "first (pages built from web components; combines with every rewrite above)",
    )
    parser.add_argument(
        "--dumps",
        choices=DUMPS,
        default="visible",
        help="text: each page's visible text a line per block (default), Markdown as html2text (without "
        "or with its wrapping at 78 columns) or markdownify writes it, or the text of lynx -dump, w3m -dump, "
        "elinks -dump or links -dump",
    )
    parser.add_argument(
        "--dump-header",
        choices=HEADERS,
        default="none",
        help="text: write a header above each dump, YAML front matter as trafilatura writes it or Jina "
        "Reader's (Markdown dumps), and clean it without its url (default: none)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="per-page scores on stderr")
    args = parser.parse_args(argv)
    if args.div_paragraphs and args.loose_paragraphs:
        parser.error("--div-paragraphs and --loose-paragraphs both rewrite every <p>: give one of them")
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    wanted = {w.strip() for w in args.only.split(",") if w.strip()}
    data = args.data.resolve()
    if not data.is_dir():
        print(f"no data folder at {data}", file=sys.stderr)
        return 2
    collections = [c for c in COLLECTIONS if "extraction" in wanted or c.key in wanted]
    if collections:
        tools = extractors()
        if args.tools:
            keep = {t.strip() for t in args.tools.split(",")}
            unknown = keep - set(tools)
            if unknown:
                print(f"unknown tools {sorted(unknown)}; installed: {sorted(tools)}", file=sys.stderr)
                return 2
            tools = {k: v for k, v in tools.items() if k in keep}
        cache = Cache(None if args.no_cache else CACHE)
        run_extraction(
            collections,
            data,
            tools,
            limit=args.limit,
            cache=cache,
            verbose=args.verbose,
            save=args.save,
            baseline=args.baseline,
            hash_names=args.hash_names,
            old_html=args.old_markup,
            loose_p=args.loose_paragraphs,
            tables=args.table_layout,
            divs=args.div_paragraphs,
            headings=args.bold_headings,
            custom=args.custom_elements,
        )
        table = _selector_table()
        if table:
            print(table, end="\n\n", flush=True)
    if "metadata" in wanted:
        print(run_metadata(list(fundus_pages(data / "fundus", args.limit)), data / "fundus"), end="\n\n", flush=True)
    if "text" in wanted:
        pages = text_pages(data, args.limit, args.dumps, args.dump_header)
        print(run_text(pages, args.dumps, args.dump_header), end="\n\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
