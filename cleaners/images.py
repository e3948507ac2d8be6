"""Article images: figures, OpenGraph and JSON-LD images -> :class:`Image` records with their
captions and credits."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import islice
from typing import Any
from urllib.parse import unquote, urlsplit

from lxml import etree
from newsclean.cleaners.caseless import Caseless
from newsclean.cleaners.errors import resolve_url
from newsclean.cleaners.record import Image

__all__ = ["Figure", "article_images", "find_figures", "image_from_jsonld", "same_image"]

CREDIT_HINTS = re.compile(
    r"credit|copyright|source|quelle|photographer|fotograf|byline|author|rights|courtesy|attribution|agency", re.I
)
"""Class/id words of the element inside a figure that credits the image (``span.credit``)."""
_CREDIT_HINTS = Caseless(CREDIT_HINTS)

CAPTION_WORDS = (
    "caption",
    "legend",
    "description",
    "beschreibung",
    "unterschrift",
    "subtitle",
    "leyenda",
    "didascalia",
)
"""Class/id words of the element that holds an image's caption when it is no ``<figcaption>``
(a class ``bu``, German for caption, counts too)."""

HOLDER_LEVELS = 4
"""How far above an image (outside ``<figure>``) its caption holder may sit."""

HOLDER_MAX_WORDS = 120

CREDIT_TAGS = frozenset(["cite", "footer", "small"])
"""Tags that hold an image's credit inside a figure (``<footer>Imago</footer>``)."""

CREDIT_LEAD = re.compile(
    r"(?:^|[\s(\[|/–—-])(?:©|\(c\)|copyright\b|"
    r"(?:foto|photo|photograph|bild|bildrechte|bildquelle|image|picture|pic|credit|crédit|quelle|source|фото|фотография|"
    r"zdjęcie|kuva|bilde|billede|immagine|imagen|fotografía)s?(?:\s+(?:by|von|de|di|par|:))?\s*[:©]|"
    r"photograph(?:ed)? by|photo by|picture by|image by|foto von|bild von|crédits?\s+photo)\s*",
    re.I,
)
"""Where a caption's credit starts ("... am Montag. Foto: dpa", "(Photo: Reuters)", "© AFP",
"Photograph by Doug Johnson"); the credit runs to the end of the caption."""

CREDIT_LABEL = re.compile(
    r"^(?:©|\(c\)|(?:photograph(?:ed)?|photo|picture|image|foto|bild)\s+(?:by|von|de|di|par)\s+|"
    r"(?:foto|photo|bild|image|credit|quelle|source|фото)s?\s*:)\s*",
    re.I,
)
"""A label before a credit's names ("Photograph by ", "Foto: "), dropped."""

CREDIT_MAX_WORDS = 12
"""A credit is a few names, never a sentence."""

MIN_SIDE = 50
"""Images declared smaller than this (icons, tracking pixels) are not the article's."""

LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src", "data-full-src", "src")
_DESCRIPTOR = re.compile(r"(?:(\d+)w|[\d.]+x)(?:,(.*))?", re.S)
"""A ``srcset`` candidate's width or density descriptor ("1200w", "2x"), with what follows a
comma written without a space ("600w,b.jpg")."""
_SIZE_TOKEN = re.compile(r"(?:^|(?<=[_\-.]))(?:w|h|s|q|width|height)?_?\d{2,5}(?:x\d{2,5})?(?=[_\-.]|$)")


@dataclass(slots=True)
class Figure:
    """An image found on the page, with the elements above it (to tell whether it lies in
    the article's main content once that has been found)."""

    image: Image
    ancestors: frozenset[etree._Element]


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


_SIZE = re.compile(r"^\s*(\d+)(?:\.\d+)?\s*(?:px)?\s*$")
"""A declared width or height ("640", "640px", " 640.5 "). (Compiled once: ``re.match`` looks the
pattern up in ``re``'s cache at every call, and every image's size is read.)"""


def _int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, float):
        return int(value) if value > 0 else None
    if isinstance(value, str):
        m = _SIZE.match(value)
        if m and int(m.group(1)) > 0:
            return int(m.group(1))
    if isinstance(value, dict):
        return _int(value.get("value"))
    return None


def _srcset_best(srcset: str) -> tuple[str, int | None] | None:
    """The widest candidate of a ``srcset`` ("a.jpg 600w, b.jpg 1200w" -> b.jpg, 1200)."""
    best: tuple[str, int | None] | None = None
    best_w = -1
    for src, width in _srcset_candidates(srcset):
        src = src.rstrip(",")
        w = int(width) if width else 0
        if src and w > best_w:
            best, best_w = (src, w or None), w
    return best


def _srcset_candidates(srcset: str) -> Iterator[tuple[str, str | None]]:
    """``(address, width digits or None)`` for each candidate, in one pass over the words.

    Addresses may hold commas ("w_1600,c_limit/a.jpg"): a candidate ends at whitespace. (A
    regular expression scanning for the candidates backtracked over every start of a long
    word: a 20 KB ``srcset`` that a broken quote filled with the page took 25 s.)
    """
    url: str | None = None
    for word in srcset.split():
        if url is not None:
            m = _DESCRIPTOR.fullmatch(word)
            if m:
                yield url, m.group(1)
                url = m.group(2) or None  # "600w,b.jpg": b.jpg starts the next candidate
                continue
            yield url, None
        url = word
    if url is not None:
        yield url, None


def _usable(src: str | None) -> bool:
    return bool(src) and not src.strip().startswith(("data:", "javascript:", "about:", "#"))  # type: ignore[union-attr]


def _resolved(
    found: tuple[str, int | None, int | None], base: str
) -> tuple[str, int | None, int | None] | None:
    """:func:`_img_reference`'s answer with the address resolved against ``base``, ``None``
    when it is no URL."""
    src, width, height = found
    resolved = resolve_url(base, src)
    return (resolved, width, height) if resolved else None


def _img_reference(img: etree._Element) -> tuple[str, int | None, int | None] | None:
    """The image's address as written (the widest ``srcset`` candidate, else a lazy-loading
    attribute, else ``src``) with its declared size. Resolved (:func:`_resolved`) only once the
    size tests pass: an image too small is not worth resolving."""
    width, height = _int(img.get("width")), _int(img.get("height"))
    srcset = img.get("srcset") or img.get("data-srcset")
    if not srcset:
        picture = img.getparent()
        if picture is not None and picture.tag == "picture":
            srcset = next((s.get("srcset") or s.get("data-srcset") for s in picture.iter("source")), None)
    chosen = _srcset_best(srcset) if srcset else None
    if chosen and _usable(chosen[0]):
        src, w = chosen
        if w and width and height and w != width:
            height = round(height * w / width)
        width = w or width
    else:
        lazy = next((img.get(a) for a in LAZY_SOURCES if _usable(img.get(a))), None)
        if lazy is None:
            return None
        src = str(lazy)
    return src, width, height


def _credit_elements(figure: etree._Element) -> list[etree._Element]:
    found: list[etree._Element] = []
    for el in figure.iter():
        if el is figure or not isinstance(el.tag, str) or (found and any(a in found for a in el.iterancestors())):
            continue  # (nothing found yet: no ancestor to look through)
        hint = f"{el.get('class') or ''} {el.get('id') or ''} {el.get('itemprop') or ''}"
        if el.tag in CREDIT_TAGS or (hint.strip() and _CREDIT_HINTS.search(hint)):
            text = _clean(el.text_content())
            if text and len(text.split()) <= CREDIT_MAX_WORDS:
                found.append(el)
    return found


def _text_without(el: etree._Element, skip: Sequence[etree._Element]) -> str:
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if not isinstance(node.tag, str) or node.tag in ("script", "style", "button", "noscript"):
            if node.tail:
                parts.append(node.tail)
            return
        if node in skip:
            parts.append(" ")
        else:
            parts.append(" " if node.tag in ("br", "p", "div", "span") else "")
            parts.append(node.text or "")
            for child in node:
                walk(child)  # noqa: F821 (deleted after the walk, see below)
        if node is not el and node.tail:
            parts.append(node.tail)

    walk(el)
    del walk  # a recursive closure is a reference cycle: the page would wait for the collector
    return _clean("".join(parts))


def split_credit(caption: str) -> tuple[str, str]:
    """``(caption, credit)``: a credit printed at the caption's end ("Foto: dpa",
    "(Photo: Reuters)", "© AFP") is taken out of it.

    >>> split_credit("Der Bahnhof am Montag. Foto: Max Muster/dpa")
    ('Der Bahnhof am Montag.', 'Max Muster/dpa')
    """
    for m in CREDIT_LEAD.finditer(caption):
        credit = caption[m.end() :].strip(" )]|")
        if credit and len(credit.split()) <= CREDIT_MAX_WORDS:
            rest = caption[: m.start()].strip(" (|/–—-")
            return rest, credit
    return caption, ""


def _caption_holder(figure: etree._Element, bare: etree._Element | None = None) -> etree._Element | None:
    """The ``<figcaption>``, else the first element named like a caption, inside ``figure``.
    ``bare``, a child of ``figure`` known to hold neither below it (its own caption holder is
    ``None``), is asked about itself only."""
    holder = next(figure.iter("figcaption"), None)
    if holder is not None:
        return holder
    for child in figure:
        box = child  # (mypy narrows ``child`` by the comparison with ``bare``, not ``box``)
        for el in (box,) if child is bare else box.iter():
            # The names first, the tag only of an element named like a caption: most are not.
            # (A comment has no attributes; an instruction's pseudo-attributes pass the names
            # at most, never the tag test.)
            cls, eid = el.get("class"), el.get("id")
            if not ((cls and _caption_name(cls)) or (eid and _caption_name(eid))):
                continue
            tag = el.tag
            if isinstance(tag, str) and tag not in ("img", "picture", "source") and _clean(el.text_content()):
                return el
    return None


def _holder(
    img: etree._Element, seen: dict[etree._Element, etree._Element | bool] | None = None
) -> etree._Element | None:
    """The element around an image outside ``<figure>`` that also holds its caption (a
    ``div.image`` with a ``span.caption``): one or two pictures and little text. ``seen``
    keeps each ancestor's verdict for the page's other images (``True``: look further up)."""
    node = img
    bare: etree._Element | None = None  # the child on the way up: it holds no caption below it
    for _ in range(HOLDER_LEVELS):
        node = node.getparent()
        if node is None or node.tag in ("body", "article", "main", "figure"):
            return None
        verdict = seen.get(node) if seen is not None else None
        if verdict is None:
            verdict = _holder_verdict(node, bare)
            if seen is not None:
                seen[node] = verdict
        if verdict is False:
            return None
        if verdict is not True:
            return verdict
        bare = node
    return None


def _holder_verdict(node: etree._Element, bare: etree._Element | None = None) -> etree._Element | bool:
    """``node`` when it holds an image's caption, ``False`` when it cannot, ``True`` when an
    element further up may (``bare``: a child whose verdict was ``True``)."""
    if next(islice(node.iter("img"), 2, None), None) is not None:
        return False  # three pictures or more
    if _caption_holder(node, bare) is not None:
        return node if len(node.text_content().split()) <= HOLDER_MAX_WORDS else False
    return True


@lru_cache(maxsize=8192)
def _caption_name(value: str) -> bool:
    """Whether a class or id value names a caption holder. Asked of the class and the id
    apart (the words hold no space, so none spans the two), each value once: the strings
    repeat on a page, their joins less."""
    low = value.lower()
    for word in CAPTION_WORDS:  # (a generator for ``any`` costs more than the searches)
        if word in low:
            return True
    return "bu" in low and "bu" in low.split()


_ZOOM_LABEL = re.compile(r"^(?:open this photo in gallery|bild vergrößern|zoom)\s*:?", re.I)
"""A gallery's zoom label at a caption's start, not the caption's words (compiled once: ``re.sub``
with the pattern's text and flags looks it up in ``re``'s cache at each call)."""


def _figure_image(figure: etree._Element, base: str) -> Image | None:
    img = next(figure.iter("img"), None)
    if img is None:
        return None
    found = _img_reference(img)
    if found is None:
        return None
    _, width, height = found
    if (width is not None and width < MIN_SIDE) or (height is not None and height < MIN_SIDE):
        return None
    source = _resolved(found, base)
    if source is None:
        return None
    url = source[0]
    credits = _credit_elements(figure)
    credit = " ".join(_clean(c.text_content()) for c in credits)
    holder = _caption_holder(figure)
    caption = _text_without(holder, credits) if holder is not None else ""
    caption = _clean(_ZOOM_LABEL.sub("", caption))
    if caption and not credit:
        caption, credit = split_credit(caption)
    credit = CREDIT_LABEL.sub("", credit)
    return Image(url=url, caption=caption or None, credit=credit.strip() or None, width=width, height=height)


def find_figures(tree: etree._Element, url: str | None) -> list[Figure]:
    """Every ``<figure>`` with an image on the page, and every other image with a width and
    height both declared large enough (call before the page is pruned)."""
    base = url or ""
    out: list[Figure] = []
    in_figures: set[etree._Element] = set()
    seen: dict[etree._Element, etree._Element | bool] = {}
    figures: list[etree._Element] = []
    images: list[etree._Element] = []
    for el in tree.iter("figure", "img"):
        (figures if el.tag == "figure" else images).append(el)
    for figure in figures:
        image = _figure_image(figure, base)
        in_figures.update(figure.iter("img"))
        if image is not None:
            out.append(Figure(image, frozenset(figure.iterancestors())))
    for img in images:
        if img in in_figures:
            continue
        holder = _holder(img, seen)
        if holder is not None:
            image = _figure_image(holder, base)
            in_figures.update(holder.iter("img"))
            if image is not None:
                out.append(Figure(image, frozenset(holder.iterancestors())))
            continue
        if _int(img.get("height")) is None:
            continue  # no height declared: never kept (its address is not worth resolving)
        found = _img_reference(img)
        if found is None:
            continue
        _, width, height = found
        if width is None or height is None or width < 4 * MIN_SIDE or height < 3 * MIN_SIDE:
            continue
        source = _resolved(found, base)
        if source is None:
            continue
        out.append(Figure(Image(url=source[0], width=width, height=height), frozenset(img.iterancestors())))
    return out


def image_from_jsonld(value: Any, base: str) -> list[Image]:
    """Images named by a JSON-LD ``image`` value: a URL, an ``ImageObject`` or a list of them."""
    out: list[Image] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and _usable(item):
            resolved = resolve_url(base, item)
            if resolved:
                out.append(Image(url=resolved))
        elif isinstance(item, dict):
            src = item.get("url") or item.get("contentUrl")
            if isinstance(src, list):
                src = src[0] if src else None
            resolved = resolve_url(base, src) if isinstance(src, str) and _usable(src) else None
            if not resolved:
                continue
            credit = item.get("creditText") or item.get("copyrightHolder") or item.get("author")
            if isinstance(credit, dict):
                credit = credit.get("name")
            if isinstance(credit, list):
                credit = ", ".join(c.get("name", "") if isinstance(c, dict) else str(c) for c in credit)
            caption = item.get("caption") or item.get("description")
            out.append(
                Image(
                    url=resolved,
                    caption=_clean(caption) if isinstance(caption, str) and _clean(caption) else None,
                    credit=_clean(credit) if isinstance(credit, str) and _clean(credit) else None,
                    width=_int(item.get("width")),
                    height=_int(item.get("height")),
                )
            )
    return out


@lru_cache(maxsize=1024)
def _key(url: str) -> str:
    """What two addresses of one picture share: the file name without its extension (resizers
    change the host, the query and the size prefix, rarely the file's own name). Cached with
    :func:`_ids`: :func:`article_images` asks both of the main image's address for each
    figure, and of each figure's address twice (their patterns: 8 and 20 us an address)."""
    path = urlsplit(url).path.rstrip("/")
    name = path.rsplit("/", 1)[-1]
    stem = _SIZE_TOKEN.sub("", name.rsplit(".", 1)[0].casefold())
    return stem if len(stem) >= 8 else path.casefold()


_ID_SEGMENT = re.compile(r"\d{6,}|(?<![0-9a-f])(?=[0-9a-f]*\d)[0-9a-f]{10,}|\w\.(?:jpe?g|png|webp|gif|avif)$", re.I)
"""A path segment that carries an id (searched: a leading ``.*`` made it quadratic on long segments)."""


@lru_cache(maxsize=1024)
def _ids(url: str) -> frozenset[str]:
    """Path segments (but the last) that name one picture: a long number ("242244962"), a
    hash, or a file name ("e3j19e-IMG_4400.JPEG/alternates/..."); resizers keep them."""
    path = unquote(urlsplit(url).path)
    return frozenset(
        {seg.casefold() for seg in path.split("/") if len(seg) >= 9 and _ID_SEGMENT.search(seg)}
        - {seg.casefold() for seg in path.split("/")[-1:]}
    )


def same_image(a: str, b: str) -> bool:
    """Whether two addresses are one picture (the same file at another size or host)."""
    if a == b or _key(a) == _key(b):
        return True
    return bool(_ids(a) & _ids(b))


def _merge(into: Image, other: Image) -> Image:
    """``into`` with the caption and credit of ``other`` (another copy of the same picture)
    where it has none; sizes only from the very same file."""
    same = into.url == other.url
    return replace(
        into,
        caption=into.caption or other.caption,
        credit=into.credit or other.credit,
        width=into.width or (other.width if same else None),
        height=into.height or (other.height if same else None),
    )


def article_images(
    figures: Iterable[Figure], scope: Sequence[etree._Element] | None, main: Image | None
) -> tuple[Image | None, list[Image]]:
    """The article's images, in page order, and its main image.

    ``scope`` holds the elements of the article (its main content, and the ``<article>``
    around it); figures outside it (teasers, ads, the site's logo) are not the article's.
    ``main`` (from JSON-LD or OpenGraph) takes the caption and credit of the figure that shows
    the same picture; without it the first figure is the main image.
    """
    roots = set(scope or ())
    for el in list(roots):
        roots.update(el.iterancestors("article"))
    images: list[Image] = []
    # What the images kept so far go by (:func:`same_image` against each of them is the same
    # as against these together, and a page of 10,000 figures is not 10,000 x 10,000 tests).
    urls: set[str] = set()
    keys: set[str] = set()
    ids: set[str] = set()
    for figure in figures:
        inside = not roots.isdisjoint(figure.ancestors)
        url = figure.image.url
        if not inside and not (main is not None and same_image(main.url, url)):
            continue
        key, its_ids = _key(url), _ids(url)
        if url in urls or key in keys or its_ids & ids:
            continue
        images.append(figure.image)
        urls.add(url)
        keys.add(key)
        ids |= its_ids
    if main is not None:
        at = next((n for n, i in enumerate(images) if same_image(i.url, main.url)), None)
        if at is not None:
            main = _merge(main, images[at])
            images[at] = _merge(images[at], main)
        else:
            images.insert(0, main)
    elif images:
        main = images[0]
    return main, images
