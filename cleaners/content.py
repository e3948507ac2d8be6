"""Main-content detection on the parsed page: which elements hold the article text.

Works on the one lxml tree the extractor already parsed (no re-parse, no serialising):

1. Elements that are never article text are dropped (scripts, forms' controls, hidden
   elements, navigation, and containers whose class or id names boilerplate such as
   ``sidebar``, ``share`` or ``comments`` unless it also names content).
2. Every paragraph-like element scores by its length and commas; the score flows to its
   ancestors (less with each level), weighted by the ancestor's tag and class/id words.
3. The best ancestor, discounted by its share of link text, is the main content; its
   siblings join when they score close to it or read like paragraphs.
4. Inside the chosen elements, link farms (lists of links, tag clouds) and boilerplate
   boxes are pruned.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice, pairwise
from typing import TypeVar
from urllib.parse import urlsplit

from lxml import etree
from newsclean.cleaners.boxes import unspelled
from newsclean.cleaners.captions import unmarked_captions
from newsclean.cleaners.caseless import Caseless
from newsclean.cleaners.levels import boxes_up
from newsclean.cleaners.overlays import CLOSE_GLYPHS, OVERLAY_MARK, mark_overlays
from newsclean.cleaners.page_chrome import comments_heading
from newsclean.cleaners.regions import RegionLog

__all__ = ["MainContent", "find_main_content", "prune"]

UNLIKELY = re.compile(
    r"-ad-|^ad-|[-_]ads?$|^ads?$|advert|agegate|banner|breadcrumb|combx|comment|community|consent|"
    r"cookie|cover-wrap|disqus|extra|foot|gdpr|legends|menu|modal|newsletter|nav|pager|"
    r"pagination|popup|promo|related|remark|replies|rss|share|sharing|shoutbox|sidebar|"
    r"skyscraper|social|sponsor|subscribe|supplemental|teaser|tool-?bar|"
    r"recommend|outbrain|taboola|trending|most-?(?:read|popular|viewed)|paywall|signup",
    re.I,
)
"""Class/id words of boxes that are never the article ("sidebar", "share-bar", "comments")."""

MAYBE_CONTENT = re.compile(r"and|article|body|column|content|main|shadow|story|entry|post|text|prose", re.I)
"""Class/id words that keep an element even when it also matches :data:`UNLIKELY`."""

POSITIVE = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|"
    r"prose|richtext|rich-text|markdown|paragraph",
    re.I,
)
NEGATIVE = re.compile(
    r"-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|foot|footer|"
    r"footnote|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|"
    r"skyscraper|sponsor|shopping|tags|tool|widget|social|newsletter|subscribe|nav|menu|"
    r"breadcrumb|recommend|teaser|byline|author|caption|credit",
    re.I,
)
"""Class/id words that weigh an element down (readability's lists, extended)."""

ARTICLE_BODY = re.compile(
    r"(?:^|[-_ ])(?:article|story|entry|post|news|blog|content)(?:[-_]|__)?(?:body|text|content)(?:$|[-_ ])|"
    r"(?:^|\s)prose(?:\s|$)|"
    r"^(?:articlebody|article-?text|story-?body|entry-content|post-content|post-body|"
    r"article__body|article__text|article-content|c-article-body|body-text|text-body)$",
    re.I,
)
"""Class/id of containers publishers mark as the article text ("article-body", "entry-content")."""

DROP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "iframe",
        "object",
        "embed",
        "title",
        "base",
        "button",
        "select",
        "input",
        "textarea",
        "nav",
        "svg",
        "canvas",
        "map",
        "dialog",
        "link",
        "meta",
    ]
)
INLINE = frozenset(
    [
        "a",
        "abbr",
        "b",
        "bdi",
        "bdo",
        "cite",
        "code",
        "data",
        "dfn",
        "em",
        "font",
        "i",
        "kbd",
        "mark",
        "q",
        "s",
        "samp",
        "small",
        "span",
        "strong",
        "sub",
        "sup",
        "time",
        "tt",
        "u",
        "var",
        "wbr",
        "br",
        "img",
        "picture",
        "source",
        "label",
        "del",
        "ins",
    ]
)
VERBATIM = frozenset(["pre", "code"])
"""Elements whose inside is kept as it is."""

UNMEASURED = frozenset(["script", "style", "noscript", "template", "title"])
"""Text that never counts. ``<head>`` does: broken markup can leave the article in it."""
PARAGRAPHS = frozenset(["p", "pre", "blockquote", "td", "dd"])
TAG_WEIGHT = {
    "div": 5,
    "article": 10,
    "main": 5,
    "section": 3,
    "pre": 3,
    "td": 3,
    "blockquote": 3,
    "address": -3,
    "ol": -3,
    "ul": -3,
    "dl": -3,
    "dd": -3,
    "dt": -3,
    "li": -3,
    "form": -3,
    "h1": -5,
    "h2": -5,
    "h3": -5,
    "h4": -5,
    "h5": -5,
    "h6": -5,
    "th": -5,
    "header": -5,
    "footer": -25,
    "aside": -25,
}
MIN_PARAGRAPH = 25
"""Paragraph-like elements with less text than this do not vote."""

DIV_PARAGRAPH = 80
"""A ``<div>`` holding inline text and markup only, at least this much and mostly not links,
is written as a paragraph (:attr:`_Stats.divs`): page builders and some sites write every
paragraph so. (A shorter one is as often a label, a byline or a caption's line.)"""

_NOT_LOOSE = frozenset(["p", "li", "dt", "dd", "figcaption", "caption", "h1", "h2", "h3", "h4", "h5", "h6"])
"""Boxes whose lines between ``<br>``s are no loose prose: a paragraph's (counted already), a
list item's or a heading's."""


_SPACE = re.compile(r"\s+")
"""(``_SPACE.sub(" ", t).strip()`` is ``" ".join(t.split())``, which is faster.)"""
_COMMAS = re.compile(r"[,،、，]")
_HIDDEN_STYLE = Caseless(re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I))


def _tag(el: etree._Element) -> str:
    tag = el.tag  # (read once: lxml makes a new string at each read)
    return tag.lower() if isinstance(tag, str) else ""


def _hint(el: etree._Element) -> str:
    """``el``'s class and id joined by a space, white space at the ends taken off."""
    cls, eid = el.get("class"), el.get("id")
    if not eid:
        # (Most elements have no id: the class is the hint as it is, no string joined for
        # each, and hashed again for the verdicts' caches.)
        return cls.strip() if cls else ""
    return f"{cls or ''} {eid}".strip()


def _class_weight(el: etree._Element) -> int:
    weight = 0
    for value in (el.get("class"), el.get("id")):
        if value:
            weight += _value_weight(value)
    if el.get("itemprop") == "articleBody":
        weight += 50
    return weight


def _hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    style = el.get("style")
    if style and _HIDDEN_STYLE.search(style):
        return True
    names = el.get("class")
    return bool(names) and (_screen_reader_class(names) or _hidden_class(names))


SCREEN_READER_ONLY = re.compile(
    r"(?<![\w-])(?:is-|u-|a11y-)?(?:sr-only(?:-focusable)?|screen-?reader-(?:text|only)|visually-?hidden(?:-focusable)?|"
    r"hidden-visually|show-for-sr|element-invisible|assistive-text|(?:[a-z]{1,4}-)?off-?screen)(?![\w-])",
    re.I,
)
"""Class names of text shown to screen readers only, never on the page ("Opens in a new window",
"Toggle", "Skip to content"): Bootstrap's ``sr-only`` and ``visually-hidden``, WordPress's
``screen-reader-text``, Bulma's ``is-sr-only``, Foundation's ``show-for-sr``, Drupal's
``element-invisible``, and the ``offscreen`` utility classes (``offscreen``, ``h-offscreen``,
``u-off-screen``: a box moved out of view, read by screen readers only)."""


@lru_cache(maxsize=4096)
def _screen_reader_class(names: str) -> bool:
    return _SCREEN_READER_ONLY.search(names)


HIDDEN_CLASSES = frozenset(["hidden", "is-hidden", "d-none", "hide", "invisible"])
"""CSS frameworks' classes for ``display:none`` (Bootstrap's ``hidden``, ``d-none`` and
``hide``, Tailwind's ``hidden``, Bulma's ``is-hidden``) and ``visibility:hidden``
(``invisible``): a box the page does not show (a paywall's pitch, a signup form's messages,
a video carousel waiting for its script)."""

_SHOWN_AT = re.compile(r"(?:^|[:-])(?:block|flex|grid|inline|table|contents|show|visible)(?:$|-)")
"""A class that shows the box again at some width (``d-md-block``, ``md:flex``, ``visible-lg``):
hidden on phones only, it is on the page."""

_REVEALED = re.compile(r"accordion|collaps|expand|toggle|tab|panel|faq|more|drawer|reveal|spoiler|dropdown", re.I)
"""Class words of a box the reader opens (an FAQ's answers, a "read more" remainder): its text
is the page's, hidden until a click."""


@lru_cache(maxsize=4096)
def _hidden_class(names: str) -> bool:
    if "hid" not in names and "d-none" not in names and "invisible" not in names:
        return False  # holds none of HIDDEN_CLASSES (most class strings: no split into tokens)
    tokens = names.split()
    if HIDDEN_CLASSES.isdisjoint(tokens) or any(_SHOWN_AT.search(token) for token in tokens):
        return False
    return _REVEALED.search(names) is None


EMBEDDED_POST = re.compile(
    r"(?<![\w-])(?:twitter-(?:tweet|video|timeline)|instagram-media|tiktok-embed|fb-post|fb-video|"
    r"reddit-(?:embed-bq|card)|bluesky-embed|text-post-media|mastodon-embed|wp-embedded-content)(?![\w-])",
    re.I,
)
"""Class names of another site's post embedded in the page, in the markup the platform gives
to be replaced by its widget (an ``<iframe>``, dropped too): X/Twitter's
``blockquote.twitter-tweet``, Instagram's ``instagram-media``, TikTok's ``tiktok-embed``,
Facebook's ``fb-post``, Reddit's, Bluesky's, Threads' (``text-post-media``) and Mastodon's
embeds, and WordPress's card of another post (``wp-embedded-content``). A quoted post, not
the article's own text (the writer's sentence around it stays)."""


@lru_cache(maxsize=4096)
def _embedded_post(names: str) -> bool:
    return _EMBEDDED_POST.search(names)


# Asked of lowered ASCII after a substring search for their words: most of a page's class
# strings are new to the caches above, and hold none of the words (0.5 us less each).
_SCREEN_READER_ONLY, _EMBEDDED_POST = Caseless(SCREEN_READER_ONLY), Caseless(EMBEDDED_POST)
_SCREEN_READER_OR_EMBEDDED = Caseless(re.compile(f"{SCREEN_READER_ONLY.pattern}|{EMBEDDED_POST.pattern}", re.I))
"""Either pattern (their alternatives joined: a match of one is a match of the union)."""


POST_LINK = re.compile(
    r"^(?:https?:)?//(?:[\w-]+\.)*(?:(?:twitter|x)\.com/\w+/status(?:es)?/\d|instagram\.com/(?:[\w.]+/)?(?:p|reels?|tv)/|"
    r"tiktok\.com/@[\w.-]+/video/\d|threads\.(?:net|com)/@[\w.-]+/post/|bsky\.app/profile/[^/]+/post/|"
    r"facebook\.com/[^?#]+/(?:posts|videos)/|reddit\.com/r/\w+/comments/)",
    re.IGNORECASE,
)
"""A post's address on a social platform: a status on X/Twitter, an Instagram post or reel, a
TikTok video, a Threads or Bluesky post, a Facebook post or video, a Reddit thread."""

_POST_ATTRIBUTES = ("cite", "data-instgrm-permalink", "data-text-post-permalink")


def _quoted_post(el: etree._Element) -> bool:
    """Whether the ``<blockquote>`` ``el`` is another site's post in the markup its platform
    gives for the embed, told without its class name (renamed, or stripped by the site): its
    ``cite`` or permalink attribute, or its first or last link, is the post's address (a
    tweet's quote ends with "— Name (@handle) <a href=".../status/...">date</a>"; a Reddit
    card opens with its thread's link). A writer's own quotation links elsewhere or nowhere."""
    if any(POST_LINK.match(el.get(name) or "") for name in _POST_ATTRIBUTES):
        return True
    links = [a.get("href") or "" for a in el.iter("a")]
    return bool(links) and (POST_LINK.match(links[-1]) is not None or POST_LINK.match(links[0]) is not None)


def _is_unlikely(el: etree._Element, tag: str) -> bool:
    names = el.get("class")
    if (names and _embedded_post(names)) or (tag == "blockquote" and _quoted_post(el)):
        return True
    if tag in ("body", "html", "article", "main") or el.get("itemprop") == "articleBody":
        return False
    if el.get("role") in _BOX_ROLES or _modal(el):
        return True
    hint = _hint(el)
    if not hint:
        return tag == "aside"
    return _unlikely_hint(hint)


def _modal(el: etree._Element) -> bool:
    """A box the page marks as modal (``aria-modal="true"``): a consent manager's preference
    centre, a signup or paywall overlay, a "republish this story" dialog. Whatever its class
    names (hashed or in any language), it lies over the page and is never the article."""
    value = el.get("aria-modal")
    return value is not None and value.strip().lower() == "true"


_HIDING = frozenset(["hidden", "aria-hidden", "style"])
_NEVER_UNLIKELY = ("body", "html", "article", "main")
_BOX_ROLES = ("navigation", "complementary", "banner", "contentinfo", "menu", "dialog", "alertdialog")


def _judged_unlikely(el: etree._Element, tag: str, keys: list[str]) -> bool:
    """``_hidden(el) or _is_unlikely(el, tag)`` for an element whose attribute names are
    ``keys``: only the attributes it has are asked for (each ``get`` costs as much as the
    ``keys`` call, and most elements have a class and nothing else the tests read)."""
    if not _HIDING.isdisjoint(keys) and _hidden(el):
        return True
    cls = el.get("class") if "class" in keys else None
    if cls and _class_drops(cls):
        return True  # what _hidden and _is_unlikely say of the class (it is read anyway)
    if tag == "blockquote" and _quoted_post(el):
        return True
    if tag in _NEVER_UNLIKELY or ("itemprop" in keys and el.get("itemprop") == "articleBody"):
        return False
    if "role" in keys and el.get("role") in _BOX_ROLES:
        return True
    if "aria-modal" in keys and _modal(el):
        return True
    if OVERLAY_MARK in keys:
        return True  # a box opening with a close control (see newsclean.cleaners.overlays)
    eid = el.get("id") if "id" in keys else None
    hint = f"{cls or ''} {eid}".strip() if eid else cls.strip() if cls else ""  # (as _hint joins them)
    if not hint:
        return tag == "aside"
    if tag in HEADING_TAGS and _unlikely_hint(hint):
        # Only the few headings their names would drop: an anchor spelling the heading's words
        # names no box. (A comments heading so named stays judged by its name: it is the mark
        # of the article's end, see _comments_mark.)
        line = " ".join(text_content(el).split())
        if not comments_heading(line):
            hint = unspelled(hint, line)
            return bool(hint) and bool(_unlikely_hint(hint))
    return _unlikely_hint(hint)


@lru_cache(maxsize=4096)
def _class_drops(names: str) -> bool:
    """``_screen_reader_class(names) or _hidden_class(names) or _embedded_post(names)``, asked
    once per class string (one cache look-up instead of three for each element; a new string
    is asked of the three uncached: their caches would only take it in, at a cost, for the
    few elements asked again). The screen readers' and the embedded posts' patterns are
    asked as one (:data:`_SCREEN_READER_OR_EMBEDDED`): a string holds the needles of
    neither, most often, and one look for their 18 settles both."""
    return _SCREEN_READER_OR_EMBEDDED.search(names) or _hidden_class.__wrapped__(names)


@lru_cache(maxsize=4096)
def _unlikely_hint(hint: str) -> bool:
    # Pages repeat the same class strings hundreds of times: judge each once.
    return _UNLIKELY.search(hint) and not _MAYBE_CONTENT.search(hint)


@lru_cache(maxsize=4096)
def _value_weight(value: str) -> int:
    return (-25 if _NEGATIVE.search(value) else 0) + (25 if _POSITIVE.search(value) else 0)


_UNLIKELY, _MAYBE_CONTENT = Caseless(UNLIKELY), Caseless(MAYBE_CONTENT)
_NEGATIVE, _POSITIVE, _ARTICLE_BODY = Caseless(NEGATIVE), Caseless(POSITIVE), Caseless(ARTICLE_BODY)


KEEP_SHARE = 0.25
"""A box named like boilerplate that holds the page's headline or ``<main>``/``<article>``
and more than this share of its text, with few links, is a layout wrapper
("sidebar-first-only" around the article, or a ``<button>`` broken markup never closed)
and stays."""


STREAMED_PROSE = 500
"""An element with the ``hidden`` attribute holding this much paragraph text is content a
script reveals (streamed server rendering parks it in ``<div hidden>``), not a popup."""

COLLAPSED_PROSE = 100
"""A hidden element holding this much paragraph text whose id a control's ``aria-controls``
names is a section collapsed until clicked (an accordion's panel, a tab), not a popup ..."""

ACCORDION_PANELS = 2
"""... when the page holds at least this many: an accordion's sections (a guide's steps, an
FAQ's answers). One alone is a transcript or a list of references shown on demand, which the
article does without."""


def _collapsed_panels(root: etree._Element, stats: dict[etree._Element, _Stats]) -> frozenset[etree._Element]:
    """The sections of ``root`` collapsed until clicked (:data:`COLLAPSED_PROSE`,
    :data:`ACCORDION_PANELS`): hidden elements holding paragraph text whose ids the page's
    controls name in ``aria-controls``."""
    # The hidden boxes holding paragraph text first, from the measures (every element of the
    # page, unchanged since measured): a few a page, and the page's ``aria-controls`` are read
    # only when there are enough of them (each XPath walks the whole page, 0.3-0.4 ms).
    boxes = [el for el, s in stats.items() if s.prose + s.loose + s.divs >= COLLAPSED_PROSE]
    found = [el for el in boxes if el.get("id") and _hidden(el)]
    if len(found) < ACCORDION_PANELS:
        return frozenset()
    ids = {name for value in _ARIA_CONTROLS(root) for name in value.split()}
    found = [el for el in found if el.get("id") in ids]
    return frozenset(found) if len(found) >= ACCORDION_PANELS else frozenset()


TOGGLE_WORDS = (2, 30)
"""An accordion's toggle (:func:`_accordion_toggles`) reads as a section's heading: a label or
a question of this many words (a carousel's "Next" or a lone "Show more" is none) ..."""

TOGGLE_PANEL_CHARS = 150
"""... over a section holding at least this much text, mostly not links (an answer, a section's
paragraphs; a call to action's button stands over a line, "Or call us directly", a footer's
menu button over its links, a contents box's over its list of the page's sections)."""

TOGGLE_LEVELS = 2
"""The section follows the toggle, or a box it is the only element of (its ``<h3>``, a box
around that), at most this many levels of the layout up (:mod:`levels <newsclean.cleaners.levels>`:
a one-cell table's row and cell are no level)."""

_TOGGLE_GLYPH = re.compile(r"\w")


def _photo(el: etree._Element) -> bool:
    """Whether ``el`` holds a picture other than an SVG icon (a gallery's button opening its
    viewer holds the photo and its caption)."""
    for pic in el.iter("img", "picture", "video"):
        if pic.tag != "img":
            return True
        src = (pic.get("src") or "").split("?")[0].lower()
        if not (src.endswith(".svg") or src.startswith("data:image/svg")):
            return True
    return False


def _accordion_toggles(root: etree._Element, stats: dict[etree._Element, _Stats]) -> frozenset[etree._Element]:
    """The ``<button>``s of ``root`` that are an accordion's headings, not form controls: outside
    any ``<form>``, of :data:`TOGGLE_WORDS` words and no photo, each followed by the section it
    opens (the element after it, or after a box it is the only element of, :data:`TOGGLE_LEVELS`,
    holds :data:`TOGGLE_PANEL_CHARS` of text, less than half of it links, and is no control), at
    least :data:`ACCORDION_PANELS` of them with texts of their own (an FAQ's questions over their
    answers, a guide's sections). A tab bar's buttons stand beside each other, not over their
    panels."""
    found: list[etree._Element] = []
    texts: set[str] = set()
    for button in root.iter("button"):
        words = text_content(button).split()
        if not TOGGLE_WORDS[0] <= len(words) <= TOGGLE_WORDS[1]:
            continue
        if next(button.iterancestors("form"), None) is not None or _photo(button):
            continue
        panel = None
        for node in boxes_up(button, TOGGLE_LEVELS):
            panel = node.getnext()
            while panel is not None and not isinstance(panel.tag, str):
                panel = panel.getnext()
            if panel is not None or node.getprevious() is not None:
                break  # (a box with elements before it and none after closes its parent)
        s = stats.get(panel) if panel is not None else None
        if panel is None or panel.tag in DROP_TAGS or s is None or s.text < TOGGLE_PANEL_CHARS:
            continue
        if 2 * s.links >= s.text:
            continue
        found.append(button)
        texts.add(" ".join(words))
    return frozenset(found) if len(texts) >= ACCORDION_PANELS else frozenset()


def _toggle_glyphs(toggle: etree._Element) -> list[etree._Element]:
    """The elements inside an accordion's toggle showing no word, its icon's "+" or "›"."""
    return [
        el
        for el in toggle.iterdescendants()
        if isinstance(el.tag, str) and text_content(el).strip() and not _TOGGLE_GLYPH.search(text_content(el))
    ]


_ARIA_CONTROLS = etree.XPath("//@aria-controls", smart_strings=False)

PROSE_SHARE = 0.5
"""A box named like boilerplate that holds at least this share of the page's paragraph
text, and more than :data:`KEEP_SHARE` of its text, is the article's wrapper (a
``share-container`` or ``with-sidebar`` layout div). A small box holding the page's only
``<p>`` (a footer's licence line, a comment box's notice) is not: the article is written
in ``<div>``s and ``<br>``s or list items there."""

UNWRITTEN_SHARE = 0.9
"""On a page with no paragraph text (no ``<p>``), a box holding at least this share of its text
outside links is the page's wrapper."""


COMMENTS = re.compile(
    r"(?<![a-z])(?:comments?|commentlist|comment[-_]?(?:body|text|content)|disqus|replies)(?![a-z])", re.I
)
"""Class/id words of reader comments: long prose that is never the article."""


@lru_cache(maxsize=4096)
def _comments_hint(hint: str) -> bool:
    return _COMMENTS.search(hint)


_COMMENTS = Caseless(COMMENTS)


def _wraps_page(el: etree._Element, s: _Stats, page: _Stats) -> bool:
    if _comments_hint(_hint(el)) and next(el.iterdescendants("h1"), None) is None:
        return False
    # A page written without <p> (text between <br>s in <font>s and table cells) has no
    # paragraph text to share out: nearly all its text outside links stands in for it (a
    # blog's sidebar bio may hold more of it than a photo post's line).
    if page.prose:
        prose, whole = s.prose, PROSE_SHARE * page.prose
    else:
        prose, whole = s.text - s.links, UNWRITTEN_SHARE * (page.text - page.links)
    if whole and prose >= whole and s.text > KEEP_SHARE * page.text and not _modal(el):
        # (A modal box is an overlay, not a layout wrapper, however much prose it holds: a
        # consent manager's preference centre says more than a short article.)
        return True
    return (
        s.text > KEEP_SHARE * page.text
        and s.links < 0.3 * s.text
        and next(el.iterdescendants("h1", "main", "article"), None) is not None
    )


SIGNUP_INPUTS = frozenset(["email", "tel"])
"""Input types of a signup form (newsletter, SMS alerts): its box in the text is a pitch."""

SIGNUP_MARK = "data-newsclean-signup"

_MAIL_FIELD = re.compile(r"e-?mail|courriel|correo", re.IGNORECASE)
_FIELD_NAMES = ("autocomplete", "placeholder", "name", "aria-label")


def _signup_field(field_: etree._Element) -> bool:
    """An address field: typed ``email`` or ``tel``, or a plain text field that asks for an
    e-mail address (``placeholder="Email"``, ``autocomplete="email"``: older and scripted forms
    leave the type at ``text``)."""
    kind = (field_.get("type") or "text").lower()
    if kind in SIGNUP_INPUTS:
        return True
    return kind == "text" and any(_MAIL_FIELD.search(field_.get(name) or "") for name in _FIELD_NAMES)


def _mark_signup(field_: etree._Element) -> None:
    # The inputs go with the other controls: their form remembers it asked for an address. A
    # scripted form is a box with role="form" instead of a <form>.
    form = next((el for el in field_.iterancestors() if el.tag == "form" or el.get("role") == "form"), None)
    if form is not None:
        form.set(SIGNUP_MARK, "")


def _closed_dialog(el: etree._Element) -> bool:
    """A hidden dialog (a "republish this story" modal holding a copy of the article) is
    never the page, however much of its text it holds."""
    if el.tag == "dialog":
        return el.get("open") is None or _hidden(el)
    return (el.get("role") in ("dialog", "alertdialog") or _modal(el)) and _hidden(el)


def measure_page(root: etree._Element) -> tuple[dict[etree._Element, _Stats], list[etree._Element]]:
    """The text measures of every element under ``root`` (:func:`_measure`) and the elements
    holding a close control's glyph, as :func:`strip_page` takes them (``measured``)."""
    closes: list[etree._Element] = []
    return _measure(root, closes), closes


def strip_page(
    root: etree._Element,
    log: RegionLog | None = None,
    measured: tuple[dict[etree._Element, _Stats], list[etree._Element]] | None = None,
) -> dict[etree._Element, _Stats]:
    """Drop, in place, what is never article text: scripts, controls, hidden elements,
    navigation and boilerplate boxes. Comments and processing instructions go too. ``log``,
    when given, notes each dropped element that showed text, with the rule that dropped it.
    ``measured``, when given, is :func:`measure_page` of ``root`` as it is now (taken when the
    page was parsed: its dict keeps every element's proxy for the call); it is updated in place.

    Returns the text measures of the stripped page (as :func:`_measure` gives them), for
    :func:`find_main_content`: only the elements around what was dropped are measured again
    (the dropped elements keep their measures from before: no one asks them).
    """
    stats, closes = measured if measured is not None else measure_page(root)
    if closes:
        mark_overlays(closes, lambda el: stats[el].text if el in stats else 0)
    page = stats[root]
    whole = log is not None and root is root.getroottree().getroot()
    if whole and log is not None:
        # The measured elements are the page's in page order, and stay so until the drops
        # below: the log numbers them for its order instead of walking the page again.
        log.page_in_order(stats)
    doomed: list[etree._Element] = []
    changed_marks: list[etree._Element] = []
    named: dict[str, list[etree._Element]] = {}
    panels: frozenset[etree._Element] | None = None  # (an accordion's, found once asked)
    toggles: frozenset[etree._Element] | None = None  # (an accordion's headings, likewise)
    stack = list(root)
    while stack or named:
        if not stack:
            # The boxes dropped only for their class name are judged together: alike boxes
            # holding most of the page's prose are the article cut in chunks, walked into.
            chunks = _alike_article_chunks(named, stats, page)
            kept = set(chunks)
            for group in named.values():
                for el in group:
                    if el not in kept:
                        doomed.append(el)
                        if log is not None:
                            log.add(el, _strip_rule(el, el.tag))
            named = {}
            stack = [child for el in chunks for child in el]
            continue
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str):
            doomed.append(el)
            continue
        if tag in _QUIET_DROPS:
            s = stats.get(el)
            if s is not None and not s.text:
                # No text to keep it by (see _wraps_page) and none to note in the log.
                doomed.append(el)
                continue
        if tag in VERBATIM:
            if _hidden(el):
                doomed.append(el)  # a hidden copy of the page as markdown or source
                if log is not None:
                    log.add(el, "hidden on the page (a copy of the text as code)")
            continue  # code: its spans are named "hljs-comment", never boilerplate
        if tag == "input" and _signup_field(el):
            _mark_signup(el)
        keys = el.keys()
        if tag not in DROP_TAGS and tag != "aside" and tag != "blockquote" and _STRIP_ATTRIBUTES.isdisjoint(keys):
            stack.extend(el)  # nothing about it can say "drop" (most elements: one call to lxml)
            continue
        if tag == "button":
            if toggles is None:
                toggles = _accordion_toggles(root, stats)
            if el in toggles and not _hidden(el):
                # An accordion's heading: read as the box it stands for, its section's title.
                el.tag = "div"
                doomed.extend(_toggle_glyphs(el))
                stack.extend(el)
                continue
        if tag in DROP_TAGS or _judged_unlikely(el, tag, keys):
            if _comments_mark(el, tag):
                # Kept as the mark of where the article ends, counted in no box's text.
                el.set(COMMENTS_MARK, "")
                parent = el.getparent()
                if parent is not None:
                    changed_marks.append(parent)
                continue
            s = stats.get(el)
            if (
                panels is None
                and s is not None
                and _paragraphs(s) >= COLLAPSED_PROSE
                and el.get("id")
                and _hidden(el)  # (none other can be a panel: the page's are looked for once one can)
            ):
                panels = _collapsed_panels(root, stats)
            if (
                s is None
                or not (
                    (_paragraphs(s) >= STREAMED_PROSE and el.get("hidden") is not None)
                    # A section collapsed until its heading is clicked (an accordion's panel, a
                    # tab's): the control names it by its id, and the page shows it on demand.
                    or el in (panels or ())
                    # Broken markup can nest the whole page in a <button> or a menu: keep that.
                    or _wraps_page(el, s, page)
                )
                or _closed_dialog(el)
            ):
                if _named_only(el, tag):
                    named.setdefault(el.get("class") or "", []).append(el)
                    continue
                doomed.append(el)
                if log is not None:
                    log.add(el, _strip_rule(el, tag))
                continue
            if tag in _SWALLOWING:
                # An unclosed <button> (or <select>, <object>) holding the page: a box, its
                # text the page's (the walk to blocks reads nothing inside a control).
                el.tag = "div"
        stack.extend(el)
    if whole and log is not None:
        log.page_in_order(None)
    changed: list[etree._Element] = changed_marks
    for el in doomed:
        parent = remove_keeping_tail(el)
        if parent is not None:
            changed.append(parent)
    # The dropped elements' measures stay in ``stats``: nothing asks them of an element out
    # of the page (forgetting them walked every dropped subtree again).
    _remeasure(root, stats, changed)
    return stats


_SWALLOWING = frozenset(["button", "select", "object", "embed", "noscript", "iframe", "canvas", "map"])
"""Tags left open by broken markup that lxml nests the rest of the page in: kept when they wrap
the page (see :func:`_wraps_page`), they are read as the ``<div>`` they stand for."""


def remove_keeping_tail(el: etree._Element) -> etree._Element | None:
    """Take ``el`` out of the page, leaving its tail text (which belongs to its parent) in
    place; returns the parent, or ``None`` when ``el`` has none (already out)."""
    parent = el.getparent()
    if parent is None:
        return None
    tail = el.tail
    if tail and tail.strip():
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)
    return parent


_QUIET_DROPS = frozenset(["script", "style", "noscript", "template", "title", "meta", "link", "base"])
"""Dropped tags that never get an entry in the region log: one holding no text is dropped
without further questions."""

_STRIP_ATTRIBUTES = frozenset(
    ["hidden", "aria-hidden", "aria-modal", "style", "role", "class", "id", "itemprop", OVERLAY_MARK]
)
"""The attributes :func:`_hidden` and :func:`_is_unlikely` read: an element with none of them
(and no dropped tag) is neither."""

CHUNKS_MIN = 2
"""Boxes with one class name that hold most of the page's prose together are the article cut
in chunks (a "paywall" class on each run of paragraphs), when there are at least this many."""


HEADING_TAGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])

COMMENTS_MARK_CHARS = 200
"""A comments heading kept by :func:`_comments_mark` is shorter than this."""

COMMENTS_MARK = "data-newsclean-comments-mark"
"""Set by :func:`strip_page` on a comments heading it keeps only as the mark of the article's
end (:func:`_comments_mark`): its text counts in no box around it (:func:`_remeasure`), so the
choice of the content is as without it, and what is left of it after the content's end was cut
goes (:func:`drop_comments_marks`)."""


COMMENTS_MARK_LINES = frozenset(["div", "p"])
"""Tags a comments heading is written in besides ``<h1>``-``<h6>`` (``<div
class="comments-title">12 Comments</div>``), when it is one line: no block inside it."""


_MARKABLE = HEADING_TAGS | COMMENTS_MARK_LINES


def _comments_mark(el: etree._Element, tag: str) -> bool:
    """Whether ``el`` is a heading (``<h1>``-``<h6>``, or a ``<div>`` or ``<p>`` of one line,
    :data:`COMMENTS_MARK_LINES`) that :func:`strip_page` would drop only for a comments name
    (``<h2 id="comments">Comments</h2>``, ``<div class="comments-title">3 Responses</div>``)
    and whose text reads as the heading of the readers' comments: kept, it is what marks where
    the article ends for :func:`~newsclean.cleaners.threads.cut_after_comments` and the thread
    finder, when the posts after it are named nothing."""
    if tag not in HEADING_TAGS and not (tag in COMMENTS_MARK_LINES and one_line(el)):
        return False
    if _hidden(el) or el.get("role") in _BOX_ROLES or el.get(OVERLAY_MARK) is not None:
        return False
    if not _comments_hint(_hint(el)):
        return False
    names = el.get("class")
    if names and _class_drops(names):
        return False
    line = " ".join(text_content(el).split())
    return 0 < len(line) < COMMENTS_MARK_CHARS and comments_heading(line)


def one_line(el: etree._Element) -> bool:
    """Whether ``el`` holds no block: its children are inline markup only (a line of text)."""
    return all(not isinstance(child.tag, str) or child.tag in INLINE for child in el.iterdescendants())


def drop_comments_marks(part: etree._Element, log: RegionLog | None = None) -> None:
    """Drop, in place, the comments headings :func:`strip_page` kept as marks inside ``part``
    that are still there once the content's end was cut: named as comments, they go as
    :func:`strip_page` drops such a heading."""
    for el in list(part.iter(*HEADING_TAGS, *COMMENTS_MARK_LINES)):
        if el.get(COMMENTS_MARK) is not None and el is not part:
            if log is not None:
                log.add(el, _strip_rule(el, el.tag))
            remove_keeping_tail(el)


def _named_only(el: etree._Element, tag: str) -> bool:
    """Whether :func:`strip_page` drops ``el`` for its class or id words alone (no tag, role,
    hidden state or dialog says it is no text)."""
    if tag in DROP_TAGS or _hidden(el) or _closed_dialog(el) or not el.get("class"):
        return False
    if el.get(OVERLAY_MARK) is not None:
        return False  # marked for its close control, not only named
    if tag == "blockquote" and _quoted_post(el):
        return False  # told by the post's address, not its name
    return el.get("role") not in _BOX_ROLES and not _modal(el)


def _alike_article_chunks(
    named: dict[str, list[etree._Element]], stats: dict[etree._Element, _Stats], page: _Stats
) -> list[etree._Element]:
    """The boxes of ``named`` (grouped by class) that are the article cut in chunks: at least
    :data:`CHUNKS_MIN` boxes of one class, not named as comments, holding :data:`PROSE_SHARE`
    of the page's prose between them. What a class name suggests is weaker evidence than most
    of the page's paragraphs."""
    found: list[etree._Element] = []
    for key, group in named.items():
        if len(group) < CHUNKS_MIN or COMMENTS.search(key):
            continue
        if page.prose and sum(stats[el].prose for el in group if el in stats) >= PROSE_SHARE * page.prose:
            found.extend(group)
    return found


_DROP_RULES = {
    "svg": "an SVG graphic: its titles are icon names, never article text",
    "nav": "a <nav> element: navigation, never article text",
    "button": "a form control (<button>)",
    "select": "a form control (<select>)",
    "textarea": "a form control (<textarea>)",
    "input": "a form control (<input>)",
    "dialog": "a dialog (<dialog>)",
    "iframe": "an embedded frame (<iframe>)",
    "object": "an embedded object",
    "embed": "an embedded object",
    "map": "an image map",
    "canvas": "a canvas",
}


def _strip_rule(el: etree._Element, tag: str) -> str:
    """Why :func:`strip_page` dropped ``el``, in words."""
    if _closed_dialog(el):
        return "a closed dialog (a modal the page opens on demand)"
    if tag in DROP_TAGS:
        return _DROP_RULES.get(tag, f"a <{tag}> element, never article text")
    if _hidden(el):
        names = el.get("class") or ""
        if _screen_reader_class(names):
            return "text for screen readers only (class 'sr-only', 'visually-hidden' or alike), never shown"
        if _hidden_class(names) and el.get("hidden") is None and el.get("aria-hidden") != "true":
            return f"hidden on the page (class {names[:60]!r}: a CSS framework's display:none)"
        return "hidden on the page (hidden attribute, aria-hidden or display:none)"
    role = el.get("role")
    if role in _BOX_ROLES:
        return f"role={role}: never the article"
    if _modal(el):
        return 'a modal box (aria-modal="true"): an overlay on the page, never the article'
    if el.get(OVERLAY_MARK) is not None:
        return "a box opening with a close control (×): an overlay or notice the reader dismisses, never the article"
    names = el.get("class")
    if (names and _embedded_post(names)) or (tag == "blockquote" and _quoted_post(el)):
        return "an embedded post from another site (the platform's markup for its widget)"
    hint = _hint(el)
    if not hint:
        return "an <aside> box"
    return f"class/id {hint[:60]!r} names boilerplate"


@dataclass(slots=True)
class _Stats:
    text: int = 0
    links: int = 0
    blocks: bool = False
    """Whether a block-level element (not inline markup) lies inside."""
    prose: int = 0
    """Text inside ``<p>`` elements with few links."""
    loose: int = 0
    """Paragraph text written between ``<br>``s in a box rather than in ``<p>``s
    (:func:`_loose_paragraphs`)."""
    divs: int = 0
    """Text inside ``<div>``s written as paragraphs (:data:`DIV_PARAGRAPH`). Kept apart from
    ``<p>`` text: a side column's blurbs and a teaser's summary are such ``<div>``s as often as
    an article's paragraphs are, so only content written so counts them (see :func:`prune`)."""
    cut: int = 0
    """The part of :attr:`divs` in ``<div>``s whose lines a ``<br>`` cuts (:func:`cut_paragraph`):
    paragraphs as a ``<p>`` is, but in content written between ``<br>``s as often a footer's or
    a side box's lines (a credit "hosted by ...<br>published by ..."), so they do not say that
    the content is written in paragraph elements (see :func:`prune`)."""


_new_stats = object.__new__


def _measure(root: etree._Element, closes: list[etree._Element] | None = None) -> dict[etree._Element, _Stats]:
    """Text, link-text and paragraph-text length of every element under ``root``.

    The elements are the dict's keys, in document order, read in reverse with their measures so
    far (the dict's items reversed: no list of them, no look-up for each): every element comes
    after all of its descendants, so its measures are complete when it is read, and it adds them
    to its parent's. The text of ``<script>``-like elements does not count; an element inside an
    ``<a>`` (below ``root``) is all link text. ``closes``, when given, receives each element
    holding a close control's glyph as text (see :mod:`newsclean.cleaners.overlays`): the walk
    reads every text anyway.

    One Python step per element and no events: a third faster than a walk with a start and an
    end event for each (lxml's ``iterwalk``), with the same figures.
    """
    stats: dict[etree._Element, _Stats | None] = dict.fromkeys(root.iter(_ELEMENTS))
    linked: set[etree._Element] = set()
    for a in root.iter("a"):
        linked.update(a.iter(_ELEMENTS))
    loose: set[etree._Element] = set()  # boxes holding a <br> in their own text (see _loose_box)
    cut: set[etree._Element] = set()  # ... that are one paragraph cut by its line breaks
    # (The dict's items in reverse: each element's measures as they stand when it is reached,
    # those its children added included, without a look-up of its own.)
    for el, s in reversed(stats.items()):
        if s is None:  # no child element: nothing was added to it yet
            # ``_Stats()`` with its six fields set here: the dataclass's ``__init__`` is a
            # Python call for each element of the page (7% of the walk).
            s = stats[el] = _new_stats(_Stats)
            s.text = s.links = s.prose = s.loose = s.divs = s.cut = 0
            s.blocks = False
        tag = el.tag
        if tag in UNMEASURED:
            s.text = s.links = s.prose = s.loose = s.divs = s.cut = 0
            s.blocks = False
        else:
            text = el.text
            if text:
                n = len(text.strip())
                s.text += n
                if n == 1 and closes is not None and text.strip() in CLOSE_GLYPHS:
                    closes.append(el)
            if el in linked:
                s.links = s.text
            elif tag == "p" and s.links < 0.5 * s.text:
                s.prose = s.text - s.links
            elif tag == "br":
                box = _loose_box(el)
                if box is not None and box not in loose and box not in cut:
                    (cut if cut_paragraph(box) else loose).add(box)
            elif loose and el in loose:
                s.loose += _loose_paragraphs(el, stats)  # type: ignore[arg-type]
            elif tag == "div" and not s.blocks and s.text >= DIV_PARAGRAPH and s.links < 0.5 * s.text:
                s.divs = s.text - s.links
                if cut and el in cut:
                    s.cut = s.divs
        if el is root:
            break
        parent = el.getparent()
        tail = el.tail
        n = len(tail.strip()) if tail else 0
        if n == 1 and closes is not None and tail.strip() in CLOSE_GLYPHS:
            closes.append(parent)
        p = stats[parent]
        if p is None:  # its last child: the parent's measures start as this child's
            p = stats[parent] = _new_stats(_Stats)
            p.text = s.text + n
            p.links, p.prose, p.loose, p.divs, p.cut = s.links, s.prose, s.loose, s.divs, s.cut
            p.blocks = s.blocks or tag not in INLINE
            continue
        p.text += s.text + n
        # (Most elements hold no link and no paragraph text: their zeros are not added.)
        if s.links:
            p.links += s.links
        if s.prose or s.loose or s.divs or s.cut:
            p.prose += s.prose
            p.loose += s.loose
            p.divs += s.divs
            p.cut += s.cut
        if not p.blocks and (s.blocks or tag not in INLINE):
            p.blocks = True
    if closes is not None:
        closes.reverse()  # (in page order, near enough: each box is marked once whatever the order)
    return stats  # type: ignore[return-value]


_ELEMENTS = etree.Element
"""``iter``'s filter for elements alone (no comments or processing instructions)."""


def _remeasure(root: etree._Element, stats: dict[etree._Element, _Stats], changed: list[etree._Element]) -> None:
    """Measure again, in place, the elements in ``changed`` and their ancestors up to ``root``
    (children lost, text moved), deepest first, from their children's measures: the same
    figures as :func:`_measure` of the whole tree, whose other elements did not change."""
    depth: dict[etree._Element, int] = {}
    for start in changed:
        chain: list[etree._Element] = []
        node: etree._Element | None = start
        while node is not None and node not in depth:
            chain.append(node)
            node = None if node is root else node.getparent()
        d = depth[node] if node is not None else -1
        for el in reversed(chain):
            d += 1
            depth[el] = d
    order = sorted(depth, key=depth.__getitem__)
    # An <a> or inside one (below root): every ancestor of a changed element is in ``order``.
    linked: dict[etree._Element, bool] = {}
    for el in order:
        parent = None if el is root else el.getparent()
        linked[el] = el.tag == "a" or (parent is not None and linked.get(parent, False))
    for el in reversed(order):
        tag = el.tag
        s = stats[el] = _Stats()
        if tag in UNMEASURED:
            continue
        for child in el:
            ctag = child.tag
            if not isinstance(ctag, str):
                continue  # a comment's tail is not counted either
            tail = child.tail
            if ctag in _MARKABLE and child.get(COMMENTS_MARK) is not None:
                s.text += len(tail.strip()) if tail else 0
                continue  # a comments heading kept only as a mark (see strip_page)
            c = stats[child]
            s.text += c.text + (len(tail.strip()) if tail else 0)
            if c.links:  # (as in _measure: zeros not added)
                s.links += c.links
            if c.prose or c.loose or c.divs or c.cut:
                s.prose += c.prose
                s.loose += c.loose
                s.divs += c.divs
                s.cut += c.cut
            if not s.blocks and (c.blocks or ctag not in INLINE):
                s.blocks = True
        text = el.text
        if text:
            s.text += len(text.strip())
        if linked[el]:
            s.links = s.text
        elif tag == "p" and s.links < 0.5 * s.text:
            s.prose = s.text - s.links
        elif tag not in INLINE and tag not in _NOT_LOOSE and _holds_loose_br(el) and not cut_paragraph(el):
            s.loose += _loose_paragraphs(el, stats)
        elif tag == "div" and not s.blocks and s.text >= DIV_PARAGRAPH and s.links < 0.5 * s.text:
            s.divs = s.text - s.links
            if _holds_loose_br(el):  # (one paragraph cut by its line breaks, see cut_paragraph)
                s.cut = s.divs


def _paragraphs(s: _Stats) -> int:
    """An element's paragraph text, in ``<p>``s, between ``<br>``s or in ``<div>``s written as
    paragraphs."""
    return s.prose + s.loose + s.divs


def _loose_box(br: etree._Element) -> etree._Element | None:
    """The box whose own text a ``<br>`` cuts into lines: its nearest ancestor that is no inline
    markup (``<div><font>...<br><br></font>...``), unless that box's lines are no paragraphs of
    their own (:data:`_NOT_LOOSE`: a ``<p>``'s, a list item's, a heading's)."""
    for box in br.iterancestors():
        tag = box.tag
        if tag not in INLINE:
            return None if tag in _NOT_LOOSE or not isinstance(tag, str) else box
    return None


def cut_paragraph(box: etree._Element) -> bool:
    """Whether ``box``, whose own text a ``<br>`` cuts, is one paragraph with line breaks, as a
    ``<p>`` holding them is, not lines of loose prose: a ``<div>`` of inline markup only (no
    block inside) with no two ``<br>``s in a row (``<div><img><br>The text...</div>``, a
    reader's comment "wow<br>you guys rock"). Counted as a ``<div>`` paragraph
    (:attr:`_Stats.divs`) when it is one's length; text written between ``<br><br>``s stays
    loose (:func:`_loose_paragraphs`)."""
    return box.tag == "div" and one_line(box) and not holds_blank_line(box)


def holds_blank_line(el: etree._Element) -> bool:
    """Whether two ``<br>``s in a row (nothing but white space between them) cut ``el``'s text, a
    blank line: a ``<div>`` holding one is lines of loose prose (:func:`cut_paragraph`), and an
    inline element holding them (``<em><font>Related Posts:</font><br><br><font>- <a>...</a><br>
    ...</font></em>``) wraps paragraphs written between ``<br>``s, as a box does, and is walked
    as one (each line a block), never read as one line (its label and its links one block, the
    label no longer a line of its own)."""
    for br in el.iter("br"):
        if not (br.tail and br.tail.strip()):
            after = br.getnext()
            if after is not None and after.tag == "br":
                return True
    return False


def _holds_loose_br(el: etree._Element) -> bool:
    """Whether a ``<br>`` cuts ``el``'s own text (one of its children, or inside its inline
    children)."""
    # (A loop, each child's tag read once: a generator for ``any`` cost more than the look, for
    # the 130 boxes a page asked.)
    for child in el:
        tag = child.tag
        if tag == "br" or (tag in INLINE and next(child.iter("br"), None) is not None):
            return True
    return False


def _inside(el: etree._Element, boxes: Container[etree._Element]) -> bool:
    """Whether an ancestor of ``el`` is one of ``boxes``: a climb by ``getparent``, without an
    ancestors' iterator and a generator for each element asked."""
    node = el.getparent()
    while node is not None:
        if node in boxes:
            return True
        node = node.getparent()
    return False


def _loose_paragraphs(el: etree._Element, stats: dict[etree._Element, _Stats]) -> int:
    """The paragraph text of a box written without ``<p>``: its own text between ``<br>``s, the
    runs between blank lines that read as paragraphs (:func:`_loose_runs`), when they hold at
    least :data:`MIN_PARAGRAPH` characters and mostly not links.
    Pages of 2000-2005 and some blog engines write every paragraph so (a ``<font>`` run ended by
    ``<br><br>``). Kept apart from ``<p>`` text (:attr:`_Stats.loose`): a hidden box of streamed
    prose, a post's own prose beside its lists of links and a line that is only a title count it
    as paragraphs (:func:`_paragraphs`); the guard in :func:`prune` that keeps a box holding much
    of the content's paragraphs does not (a blog's side column written so holds much of a short
    post's words), nor does the test for text after a row of cards (:func:`_ends_text`: a
    footer's lines written so kept the cards above them)."""
    text, links = _loose_runs(el, stats)
    if text < MIN_PARAGRAPH or links > MAX_PARAGRAPH_LINKS * text:
        return 0
    return text - links


_NO_STATS = _Stats()


def _sizers(
    stats: dict[etree._Element, _Stats],
) -> tuple[Callable[[etree._Element], int], Callable[[etree._Element], int]]:
    """An element's text and link text in characters, from ``stats`` (none for an element the
    measuring never saw)."""
    return (lambda el: stats.get(el, _NO_STATS).text), (lambda el: stats.get(el, _NO_STATS).links)


def _link_density(stats: dict[etree._Element, _Stats], el: etree._Element) -> float:
    s = stats.get(el)
    return s.links / s.text if s and s.text else 0.0


def _paragraph_like(el: etree._Element, tag: str) -> bool:
    if tag in PARAGRAPHS:
        return True
    if tag in ("div", "section", "article", "span", "li", "font", "center"):
        # A container used as a paragraph: text of its own and no block children.
        if not (el.text and el.text.strip()) and not any(c.tail and c.tail.strip() for c in el):
            return False
        return all(_tag(c) in INLINE or not isinstance(c.tag, str) for c in el)
    return False


@dataclass
class MainContent:
    """The chosen elements in page order; ``root`` is the best-scoring one."""

    root: etree._Element
    parts: list[etree._Element]
    stats: dict[etree._Element, _Stats] = field(default_factory=dict, repr=False)
    """Text measures of the page as scored, reused by :func:`prune`."""
    worth: float = 0.0
    """The chosen element's value (its paragraph text less its other text, with its bonus)."""
    rival: float = 0.0
    """The best value of an element neither inside nor around the chosen one: close to
    :attr:`worth` when another part of the page could as well be the article."""
    headlines: tuple[str, ...] = ()
    """The page's headline and title, when known: content holding one is the article's (see
    :func:`prune`)."""
    good: dict[etree._Element, float] = field(default_factory=dict, repr=False)
    """Every element's paragraph text (counted once per paragraph, credited to its ancestors)."""
    thread_heads: frozenset[etree._Element] = frozenset()
    """The page's headings of the readers' comments, when found (``threads.comment_headings``):
    what follows one is cut with it, its reason said, after :func:`prune`, so no box pruned
    before takes one away."""


JUNK_WEIGHT = 1.0
"""How much a character of non-paragraph text (menus, link lists, labels) costs a container
against a character of paragraph text it holds."""

LABEL_CHARS = 80
"""A paragraph this short without any punctuation is a label or a tagline, not prose: it does
not vote for its container (a table's cell beside other cells does: a datum)."""

_PUNCTUATED = re.compile(r"[.!?,;:]")


def _label(el: etree._Element) -> bool:
    return _PUNCTUATED.search(text_content(el)) is None


def text_content(el: etree._Element) -> str:
    """``el.text_content()`` (its text nodes and its descendants', joined), written by libxml2
    without an XPath evaluation (half the cost)."""
    text: str = etree.tostring(el, method="text", encoding="unicode", with_tail=False)
    return text


def _in_row(el: etree._Element, tag: str) -> bool:
    """A cell beside other cells in its row."""
    if tag not in ("td", "th"):
        return False
    return next(el.itersiblings("td", "th"), None) is not None or (
        next(el.itersiblings("td", "th", preceding=True), None) is not None
    )


MAX_PARAGRAPH_LINKS = 0.5
"""A paragraph with more link text than this share is a link list, not prose."""


def find_main_content(body: etree._Element, stats: dict[etree._Element, _Stats] | None = None) -> MainContent:
    """Pick the element holding the most paragraph text for the least other text.

    Each paragraph-like element's text (counted once, at the element) is credited to every
    ancestor; an ancestor's value is its paragraph text minus :data:`JUNK_WEIGHT` times the
    rest of its text, its own subheadings' text aside (:func:`_subheading_text`). The best value
    wins: the smallest container that still holds the article's paragraphs, even when they are
    spread over sibling widgets. ``body`` should
    have gone through :func:`strip_page` first (``stats``: the measures it returned, else
    ``body`` is measured here); ``body`` itself comes back when nothing reads like a paragraph.
    """
    if stats is None:
        stats = _measure(body)
    good_self: set[etree._Element] = set()
    good: dict[etree._Element, float] = {}
    teasers: set[etree._Element] = set()
    for card in _teaser_rows(body, stats):
        teasers.update(card.iter())
    teased: dict[etree._Element, float] = {}  # the paragraph text of teaser cards, as ``good``
    for el in body.iter():
        # The measures first: most elements hold too little text (a comment has none).
        s = stats.get(el)
        if s is None or s.text < MIN_PARAGRAPH:
            continue
        tag = _tag(el)
        if not tag or tag in UNMEASURED:
            continue
        if not s.blocks and tag not in INLINE:
            # A paragraph: only the outermost counts (a <td> holding a <p>).
            if good_self and _inside(el, good_self):
                continue
            good_self.add(el)
            if tag not in PARAGRAPHS and tag not in _NOT_LOOSE and _holds_loose_br(el):
                # A box of inline markup cut by <br>s (no <p>, no cell, no item): each run
                # between blank lines is judged alone, as a <p> would be (see _loose_runs).
                text, links = _loose_runs(el, stats)
            else:
                text, links = s.text, s.links
        elif not s.blocks and tag != "a":
            # Inline markup holding no blocks (a <font> run, a <span> in a <p>): its text is
            # its parent's and votes there, once (the paragraph's whole text, or the box's own
            # text between <br>s, see _loose). Voting here too, a side column's bio in a <font>
            # outvoted a post written between <br>s. A long link still votes on its own: a post
            # made of links to other pages has no other text to be found by.
            continue
        else:
            # Loose text between blocks (text with <br>s in a <div>) is a paragraph too, each
            # run between blank lines judged alone (see _loose_runs).
            text, links = _loose(el, stats) if tag == "a" else _loose_runs(el, stats)
        if text < MIN_PARAGRAPH or links > MAX_PARAGRAPH_LINKS * text:
            continue
        if text < LABEL_CHARS and el in good_self and not _in_row(el, tag) and _label(el):
            continue  # a tagline or a label ("Millbrook Gazette Serving the valley since 1887")
        _add_to_ancestors(el, body, float(text - links), good)
        if el in teasers:
            _add_to_ancestors(el, body, float(text - links), teased)
    if not good:
        return MainContent(body, [body], stats)
    heads = _subheading_text(body, stats, good)

    def worth(el: etree._Element) -> float:
        g = good[el]
        return g - JUNK_WEIGHT * (stats[el].text - g - heads.get(el, 0.0)) + _semantic_bonus(el, g)

    values = {el: worth(el) for el in good}
    top = max(values, key=values.__getitem__)
    if teased.get(top):
        top = _without_teasers(top, good, teased, stats)
    line = set(top.iter())
    line.update(top.iterancestors())
    rival = max((v for el, v in values.items() if el not in line), default=0.0)
    return MainContent(top, _with_lead_and_chunks(top, stats), stats, values[top], rival, good=good)


SUBHEADING_LINKS = 0.5
"""A heading with more than this share of its text in links is a teaser's or a widget's title."""


def _subheading_text(
    body: etree._Element, stats: dict[etree._Element, _Stats], good: dict[etree._Element, float]
) -> dict[etree._Element, float]:
    """Per element, the text of the ``<h2>``-``<h6>`` headings among its own children that are
    not links (:data:`SUBHEADING_LINKS`) and did not vote as paragraphs (``good``: a long
    heading's own text): neither paragraph text nor junk to :func:`find_main_content`. An
    article's subheadings stand between its paragraphs in the box that holds them (a gallery
    post's title over each picture, a guide's sections); counted as that box's junk, thirty of
    them outweighed the post's closing paragraphs and the scorer chose its introduction alone.
    Only the box whose children they are is spared their cost, not the boxes around it: spared
    in every ancestor, a side column's widget titles made a wrapper holding a short post and
    the column cheaper than the post (with names hashed or old markup). A teaser's linked title
    still costs its box."""
    heads: dict[etree._Element, float] = {}
    for heading in body.iter(*_HEADINGS):
        s = stats.get(heading)
        parent = heading.getparent()
        if s is None or parent is None or s.links > SUBHEADING_LINKS * s.text:
            continue
        rest = s.text - good.get(heading, 0.0)
        if rest > 0:
            heads[parent] = heads.get(parent, 0.0) + rest
    return heads


NARROW_SHARE = 0.5
"""An element inside the choice holding at least this share of the choice's paragraph text
outside teaser cards is the article the cards were added to (see :func:`_without_teasers`)."""


NARROW_PROSE = 1000
"""... and at least this much paragraph text: a short post's own cards (the apps a shop's
story lists, a gallery's captions) are its text, not a grid beside it."""


def _in_side_box(el: etree._Element, top: etree._Element) -> bool:
    """Whether ``el`` lies in an ``<aside>`` or a ``<footer>`` inside ``top``: a side column's
    list is no article, however much prose is left in it once its cards are set aside."""
    node: etree._Element | None = el
    while node is not None and node is not top:
        if node.tag in ("aside", "footer"):
            return True
        node = node.getparent()
    return False


def _without_teasers(
    top: etree._Element,
    good: dict[etree._Element, float],
    teased: dict[etree._Element, float],
    stats: dict[etree._Element, _Stats],
) -> etree._Element:
    """The element inside ``top``, holding none of its teaser cards (:func:`_teaser_rows`: rows
    of alike short cards, each a heading, a link and a sentence), that the scorer would have
    chosen had the cards' paragraphs not voted, when it holds at least :data:`NARROW_SHARE` of
    ``top``'s paragraph text outside the cards: the article, which the summaries of a "more
    stories" grid beside it outweighed together. A list of links is no such article, though
    its long links vote as paragraphs (a post made of links has no other text): more than
    :data:`LINK_FARM_DENSITY` of its text links, it is a side column's list of other pages,
    which the short post beside it cannot outweigh once the column's cards are set aside. Else
    ``top``: the choice only narrows, never moves elsewhere."""
    whole = good[top] - teased.get(top, 0.0)
    best, best_value = top, None
    for el in top.iterdescendants():
        g = good.get(el)
        if g is None or el in teased:
            continue  # (an element holding cards is no article apart from them)
        own = g
        if own < NARROW_SHARE * whole or own < NARROW_PROSE or _in_side_box(el, top):
            continue
        if stats[el].links > LINK_FARM_DENSITY * stats[el].text:
            continue
        value = own - JUNK_WEIGHT * (stats[el].text - own) + _semantic_bonus(el, own)
        if best_value is None or value > best_value:
            best, best_value = el, value
    if best_value is None:
        return top
    top_value = whole - JUNK_WEIGHT * (stats[top].text - whole) + _semantic_bonus(top, whole)
    return best if best_value > top_value else top


LEAD_PROSE = 80
"""A paragraph box just before the chosen element with this much paragraph text, few links and
nothing else is the article's introduction in its own container (``div.story-intro`` before
``div.story-body``)."""


LEAD_PASS_CHARS = 100
"""One short box between the introduction and the text (a byline, a date, a row of share
buttons) is passed over, and stays out."""


def _lead(top: etree._Element, stats: dict[etree._Element, _Stats]) -> list[etree._Element]:
    """The article's introduction kept in sibling boxes just before ``top``, in page order;
    empty boxes and figures between them are passed over, a heading or anything else ends it."""
    lead: list[etree._Element] = []
    passed = 0
    # (Paragraphs written as <div>s count when the text they introduce is written so: in a page
    # of <p>s, a <div> of a paragraph's length before the text is a summary box or a pitch.)
    mine = stats.get(top)
    divs = mine is not None and mine.divs > mine.prose
    node = top.getprevious()
    while node is not None:
        tag = _tag(node)
        s = stats.get(node)
        if tag and s is not None and s.text:
            if (
                tag in _HEADINGS
                or tag == "h1"
                or (_text_prose(s) if divs else s.prose) < LEAD_PROSE
                or (_text_prose(s) if divs else s.prose) < 0.7 * s.text
                or s.links > 0.2 * s.text
                or _is_unlikely(node, tag)
                or _comments_hint(_hint(node))
            ):
                if tag not in _HEADINGS and tag != "h1" and s.text <= LEAD_PASS_CHARS and not passed:
                    passed += 1
                    node = node.getprevious()
                    continue
                break
            lead.insert(0, node)
        node = node.getprevious()
    return lead


def _with_lead_and_chunks(top: etree._Element, stats: dict[etree._Element, _Stats]) -> list[etree._Element]:
    """``top`` with its introduction (:func:`_lead`), the other chunks of its text
    (:func:`_text_chunks`) and what its last sentence introduces (:func:`_announced`), in page
    order."""
    unit, chunks = _text_chunks(top, stats)
    before, after = _row_chunks(unit, stats)
    if not chunks:
        return [*before, *_lead(top, stats), top, *_announced(top, stats), *after]
    parent = unit.getparent()
    assert parent is not None  # a chunk is a sibling of the unit
    taken = {*_lead(unit, stats), unit, *chunks}
    return [*before, *(el for el in parent if el in taken), *after]


def with_row_chunks(post: etree._Element, stats: dict[etree._Element, _Stats]) -> list[etree._Element]:
    """``post`` with the chunks of its text in the rows around its own (:func:`_row_chunks`), in
    page order: a post found by its headline or description (:func:`headline_post`) in a layout
    of rows holds only the first row's part of the text."""
    before, after = _row_chunks(post, stats)
    return [*before, post, *after]


ROW_PROSE = 0.6
"""A column of a row of the article's layout is a chunk of its text when at least this share of
its text is paragraphs (a link box among them, "More on this", stays a small part)."""


def _row_prose(s: _Stats) -> int:
    """A row's column's paragraph text, however written: in ``<p>``s, and in ``<div>``s written as
    paragraphs or between ``<br>``s (the larger of the two: the column's rows are alike, so a
    side column's blurbs in ``<div>``s are no worry here, as they are for :func:`_text_prose`)."""
    return s.prose + max(s.divs, s.loose)


def _row_chunks(
    post: etree._Element, stats: dict[etree._Element, _Stats]
) -> tuple[list[etree._Element], list[etree._Element]]:
    """The rest of the article cut in chunks by a layout of rows, each row the text's column
    beside a side column (a row, a full-width ad slot, the next row), before and after ``post``:
    in the rows of its row's tag and class just before and after it, with nothing holding text
    between, the column of its column's tag and class, when it is mostly paragraphs
    (:data:`ROW_PROSE`, :func:`_row_prose`). The side columns stay out. Two levels named alike,
    the row and its column, say the layout repeats the same slot; a page whose names mean
    nothing still names them alike. (The column is ``post`` or the box it is the only child of,
    and the row likewise the box around the column's parent: a layout written in one-cell
    tables wraps each in a table, a row and a cell.)"""
    unit = _wrapped(post)
    inner = unit.getparent()
    if inner is None or _tag(inner) in ("body", "html"):
        return [], []
    row = _wrapped(inner)
    names, key = row.get("class"), unit.get("class")
    if not names or not key or _tag(row) in ("body", "html"):
        return [], []
    path: list[str] = []
    node: etree._Element | None = inner
    while node is not None and node is not row:
        path.insert(0, node.tag)
        node = node.getparent()
    found: tuple[list[etree._Element], list[etree._Element]] = ([], [])
    for preceding, into in ((True, found[0]), (False, found[1])):
        for other in row.itersiblings(preceding=preceding):
            if not isinstance(other.tag, str):
                continue
            if other.tag == row.tag and other.get("class") == names:
                column = _column(other, path, unit.tag, key)
                c = stats.get(column) if column is not None else None
                if c is None or _row_prose(c) < LEAD_PROSE or _row_prose(c) < ROW_PROSE * c.text:
                    break
                into.append(column)
                continue
            s = stats.get(other)
            if s is not None and s.text:
                break
    found[0].reverse()
    return found


def _wrapped(el: etree._Element) -> etree._Element:
    """``el``, or the outermost box around it that holds nothing else (:func:`_only_child`)."""
    parent = el.getparent()
    while parent is not None and _tag(parent) not in ("body", "html") and _only_child(el, parent):
        el, parent = parent, parent.getparent()
    return el


def _column(row: etree._Element, path: list[str], tag: str, key: str) -> etree._Element | None:
    """The child of tag ``tag`` and class ``key`` of the element reached down from ``row``
    through the only children whose tags ``path`` gives, or ``None``."""
    node = row
    for step in path:
        kids = [k for k in node if isinstance(k.tag, str)]
        if len(kids) != 1 or kids[0].tag != step:
            return None
        node = kids[0]
    return next((k for k in node if k.tag == tag and k.get("class") == key), None)


ANNOUNCED_BOXES = 3
"""At most this many boxes after the chosen element are what its last sentence introduces."""


def _announced(top: etree._Element, stats: dict[etree._Element, _Stats]) -> list[etree._Element]:
    """The boxes just after ``top`` holding what its last sentence introduces ("... you can now
    read it on the following devices:" before a list kept in a box of its own): a run of up
    to :data:`ANNOUNCED_BOXES` siblings, which a heading, a box whose name or tag says it is
    no text, or one mostly of links ends."""
    words = text_content(top)[-400:].strip()
    if not words.endswith(":") or not introduces(_SENTENCE_BREAK.split(words.splitlines()[-1])[-1]):
        return []
    found: list[etree._Element] = []
    for node in top.itersiblings():
        tag = _tag(node)
        s = stats.get(node)
        if not tag or s is None or not s.text:
            continue
        if (
            len(found) >= ANNOUNCED_BOXES
            or tag in _HEADINGS
            or tag == "h1"
            or s.links > 0.5 * s.text
            or _is_unlikely(node, tag)
            or _comments_hint(_hint(node))
        ):
            break
        found.append(node)
    return found


def _text_chunks(
    top: etree._Element, stats: dict[etree._Element, _Stats]
) -> tuple[etree._Element, list[etree._Element]]:
    """Siblings holding the rest of the article cut in chunks around an inline box (a promo, an
    ad slot, "Connect with us on Twitter", a gallery's teasers), which stays out, with the
    element they are siblings of: ``top``'s with its tag and its class, when that class marks
    the article's text (``div.articleBody``, ``div.entry-content``); else, whatever the names
    say, those of the box ``top`` is the only child of (``top`` itself when it has siblings)
    with its tag, the first word of its class and its shape (:func:`_text_shape`: the same
    wrappers down to its paragraphs; a page whose names mean nothing still names its chunks
    alike). Each chunk must read like the text (mostly paragraphs, few links)."""
    names = top.get("class")
    if names and _article_body_hint(names) and top.getparent() is not None:
        found = [
            node
            for node in (*top.itersiblings(top.tag, preceding=True), *top.itersiblings(top.tag))
            if node.get("class") == names and _reads_like_text(node, stats)
        ]
        if found:
            return top, found
    unit = top
    parent = unit.getparent()
    while parent is not None and _tag(parent) not in ("body", "html") and _only_child(unit, parent):
        unit, parent = parent, parent.getparent()
    names = unit.get("class")
    if parent is None or not names or not _reads_like_text(unit, stats):
        return unit, []
    shape = _text_shape(unit, stats)
    if shape is None:
        return unit, []
    first = names.split()[0]
    found = []
    for node in (*unit.itersiblings(unit.tag, preceding=True), *unit.itersiblings(unit.tag)):
        other = node.get("class")
        if other and other.split()[0] == first and _reads_like_text(node, stats) and _text_shape(node, stats) == shape:
            found.append(node)
    return unit, found


def _only_child(el: etree._Element, parent: etree._Element) -> bool:
    """Whether ``el`` is ``parent``'s one element child and ``parent`` holds no text of its own."""
    if (parent.text or "").strip() or (el.tail or "").strip():
        return False
    return sum(1 for child in parent if isinstance(child.tag, str)) == 1


def _text_shape(el: etree._Element, stats: dict[etree._Element, _Stats]) -> tuple[str, ...] | None:
    """The tags of the single wrappers inside ``el`` down to the element holding its paragraphs
    (``("article",)`` for ``<div><article><p>...``), when at least half of that element's
    children are paragraphs (``<p>``s, or ``<div>``s written as one: :func:`_is_div_paragraph`);
    else ``None``."""
    tags: list[str] = []
    node = el
    while True:
        kids = [child for child in node if isinstance(child.tag, str)]
        if len(kids) != 1 or kids[0].tag == "p" or _is_div_paragraph(kids[0], stats):
            break
        node = kids[0]
        tags.append(_tag(node))
    paragraphs = sum(1 for child in node if child.tag == "p" or _is_div_paragraph(child, stats))
    if not paragraphs or 2 * paragraphs < len(node):
        return None
    return tuple(tags)


def _is_div_paragraph(el: etree._Element, stats: dict[etree._Element, _Stats]) -> bool:
    """Whether ``el`` is a ``<div>`` written as a paragraph (its text counted in :attr:`_Stats.divs`)."""
    s = stats.get(el)
    return el.tag == "div" and s is not None and not s.blocks and s.divs > 0


def _reads_like_text(el: etree._Element, stats: dict[etree._Element, _Stats]) -> bool:
    """Whether ``el`` is mostly paragraphs with few links; paragraphs written as ``<div>``s count
    when there are more of them than ``<p>`` text (content written in ``<div>``s)."""
    s = stats.get(el)
    if s is None:
        return False
    prose = _text_prose(s)
    return prose >= LEAD_PROSE and prose >= 0.7 * s.text and s.links <= 0.2 * s.text


def _text_prose(s: _Stats) -> int:
    """A box's paragraph text: its ``<p>`` text, or its ``<div>`` paragraphs' when they hold
    more (a box written in ``<div>``s)."""
    return s.prose + s.divs if s.divs > s.prose else s.prose


def _loose(el: etree._Element, stats: dict[etree._Element, _Stats]) -> tuple[int, int]:
    """Length and link length of ``el``'s own text: its text, its children's tails and the
    text of its inline children that hold no blocks."""
    text = len(el.text.strip()) if el.text else 0
    links = 0
    for child in el:
        if child.tail:
            text += len(child.tail.strip())
        tag = _tag(child)
        if tag in INLINE:
            c = stats.get(child)
            if c is not None and not c.blocks:
                text += c.text
                links += c.links
    return text, links


def _loose_runs(el: etree._Element, stats: dict[etree._Element, _Stats]) -> tuple[int, int]:
    """:func:`_loose` of a box whose own text a ``<br>`` cuts, counted as its paragraphs: the
    runs of that text between blank lines (``<br><br>``) or blocks, each judged as a ``<p>`` is
    (at least :data:`MIN_PARAGRAPH`, mostly not links, no unpunctuated label shorter than
    :data:`LABEL_CHARS`); the sum of those that pass. Summed whole, a footer's lines of links
    written between ``<br>``s passed as one paragraph with the sentence below them, and a side
    column's short lines added up to one."""
    if not _holds_loose_br(el):
        return _loose(el, stats)
    runs = _Runs(stats)
    runs.walk(el, False)
    runs.close()
    return runs.text, runs.links


class _Runs:
    """The paragraphs :func:`_loose_runs` counts in a box, run by run. (A class, not nested
    functions: a nested function that calls itself is a reference cycle, which kept each page's
    measures and elements alive until the cyclic collector ran.)"""

    __slots__ = ("breaks", "links", "run", "run_links", "run_text", "stats", "text")

    def __init__(self, stats: dict[etree._Element, _Stats]) -> None:
        self.stats = stats
        self.text = self.links = 0  # (the paragraphs' text and link text so far)
        self.run: list[str] = []
        self.run_text = self.run_links = 0
        self.breaks = 0

    def close(self) -> None:
        text, links = self.run_text, self.run_links
        paragraph = text >= MIN_PARAGRAPH and links <= MAX_PARAGRAPH_LINKS * text
        if paragraph and (text >= LABEL_CHARS or _PUNCTUATED.search(" ".join(self.run)) is not None):
            self.text += text
            self.links += links
        self.run.clear()
        self.run_text = self.run_links = 0

    def add(self, text: str | None, linked: bool) -> None:
        if not text:
            return
        words = text.strip()
        if not words:
            return
        if self.breaks >= 2:
            self.close()
        self.breaks = 0
        self.run.append(words)
        self.run_text += len(words)
        if linked:
            self.run_links += len(words)

    def walk(self, node: etree._Element, linked: bool) -> None:
        self.add(node.text, linked)
        for child in node:
            tag = child.tag
            if isinstance(tag, str):
                if tag == "br":
                    self.breaks += 1
                elif tag in INLINE and tag not in UNMEASURED and not self.stats.get(child, _NO_STATS).blocks:
                    self.walk(child, linked or tag == "a")
                else:
                    self.close()
                    self.breaks = 0
            self.add(child.tail, linked)


class _LooseRun:
    """A run of a box's loose text between blank lines (:func:`_link_runs`): its pieces in page
    order, each a text node (its element and ``_TEXT`` or ``_TAIL``) or an element of inline
    markup read whole (``_WHOLE``, a line break inside the run among them), and its measures."""

    __slots__ = ("after_block", "links", "pieces", "text")

    def __init__(self, pieces: list[tuple[etree._Element, int]], text: int, links: int, after_block: bool) -> None:
        self.pieces = pieces
        self.text = text
        self.links = links
        self.after_block = after_block
        """Whether a block (or the box's start) comes just before the run, not a blank line."""

    def one_line(self) -> bool:
        """Whether no ``<br>`` cuts the run into lines (a list of titles is lines)."""
        return all(where != _WHOLE or node.tag != "br" for node, where in self.pieces)

    def words(self) -> str:
        """The run's text as a ``<p>`` holding it reads (``text_content``: no space between
        pieces but their own, "<a>link</a>." one word)."""
        parts: list[str] = []
        for node, where in self.pieces:
            if where == _TEXT:
                parts.append(node.text or "")
            elif where == _TAIL:
                parts.append(node.tail or "")
            else:
                parts.append(" " if node.tag == "br" else text_content(node))
        return " ".join("".join(parts).split())


_TEXT, _TAIL, _WHOLE = 0, 1, 2


class _RunCutter:
    """Cuts a box's loose text into runs (:class:`_LooseRun`) as :class:`_Runs` does (a blank line
    or a block ends a run), keeping each run's pieces. (A class, not nested functions: see
    :class:`_Runs`.)"""

    __slots__ = ("after_block", "breaks", "links", "pending", "pieces", "runs", "stats", "text")

    def __init__(self, stats: dict[etree._Element, _Stats]) -> None:
        self.stats = stats
        self.runs: list[_LooseRun] = []
        self.pieces: list[tuple[etree._Element, int]] = []
        self.pending: list[etree._Element] = []  # (line breaks since the last piece)
        self.text = self.links = self.breaks = 0
        self.after_block = True

    def close(self, block: bool) -> None:
        if self.pieces:
            self.runs.append(_LooseRun(self.pieces, self.text, self.links, self.after_block))
            self.pieces = []
            self.after_block = False
        self.text = self.links = self.breaks = 0
        self.pending.clear()
        if block:
            self.after_block = True

    def add(self, node: etree._Element, where: int, n: int, links: int) -> None:
        if not n:
            return
        if self.breaks >= 2:
            self.close(False)
        elif self.pieces:
            self.pieces.extend((br, _WHOLE) for br in self.pending)
        self.pending.clear()
        self.breaks = 0
        self.pieces.append((node, where))
        self.text += n
        self.links += links

    def walk(self, node: etree._Element, linked: bool) -> None:
        text = node.text
        if text:
            n = len(text.strip())
            self.add(node, _TEXT, n, n if linked else 0)
        for child in node:
            tag = child.tag
            if isinstance(tag, str):
                if tag == "br":
                    self.breaks += 1
                    self.pending.append(child)
                elif tag in INLINE and tag not in UNMEASURED and not self.stats.get(child, _NO_STATS).blocks:
                    if next(child.iter("br"), None) is not None:
                        self.walk(child, linked or tag == "a")
                    else:
                        s = self.stats.get(child, _NO_STATS)
                        self.add(child, _WHOLE, s.text, s.text if linked else s.links)
                else:
                    self.close(True)
            tail = child.tail
            if tail:
                n = len(tail.strip())
                self.add(child, _TAIL, n, n if linked else 0)


def _link_runs(
    part: etree._Element,
    stats: dict[etree._Element, _Stats],
    verbatim: set[etree._Element],
    gone: Mapping[etree._Element, str],
) -> list[_LooseRun]:
    """The runs of loose text in ``part`` (a box's own text between blank lines, as
    :func:`_loose_runs` cuts it) that :func:`prune` removes as it removes a ``<p>`` holding them:
    "a short paragraph of links" (more than 0.8 of its text in links, shorter than
    :data:`LINKS_PARAGRAPH_CHARS`), unless the article's own sentence introduces it (in one of
    the short runs just before it, or just before the box: :func:`introduces`). A previous/next
    row ("« Older post | Main | Newer post »"), a "Read: <a>...</a>" pointer written between
    ``<br><br>``s is no element to remove, so it stayed where its ``<p>`` went. Only in a box
    cut into two runs at least: a box that is one run is judged whole, as a box."""
    boxes: dict[etree._Element, None] = {}
    for br in part.iter("br"):
        box = _loose_box(br)
        if (
            box is not None
            and box not in boxes
            and box not in verbatim
            and box.tag not in VERBATIM
            and (box is part or part in box.iterancestors())
        ):
            boxes[box] = None
    found: list[_LooseRun] = []
    for box in boxes:
        if cut_paragraph(box):
            continue  # (one paragraph with line breaks: judged whole, as a <p> is)
        cutter = _RunCutter(stats)
        cutter.walk(box, False)
        cutter.close(True)
        runs = cutter.runs
        if len(runs) < 2:
            continue
        for i, run in enumerate(runs):
            if (
                run.links > 0.8 * run.text
                and run.text < LINKS_PARAGRAPH_CHARS
                and not _introduced_run(runs, i, box)
                and not (run.one_line() and reads_as_sentence(run.words()) and not _run_opens(run, part, stats, gone))
            ):
                found.append(run)
    return found


def _run_opens(
    run: _LooseRun, part: etree._Element, stats: dict[etree._Element, _Stats], gone: Mapping[etree._Element, str]
) -> bool:
    """Whether ``run`` opens ``part``, the chosen content, once the boxes ``gone`` go
    (:func:`_opens_content`)."""
    node, where = run.pieces[0]
    if where == _TAIL and node not in gone and _left_text(node, stats, gone):
        return False
    return _opens_content(node, part, stats, gone)


def _introduced_run(runs: list[_LooseRun], i: int, box: etree._Element) -> bool:
    """Whether the article's own sentence introduces ``runs[i]``, as :func:`introduced_line`
    asks of a ``<p>``: in one of the short runs just before it (between blank lines only), or
    just before ``box`` when those reach its start."""
    j = i
    for _ in range(INTRODUCED_LINES):
        if runs[j].after_block:
            return j == 0 and introduces(_line_before(box))
        j -= 1
        text = runs[j].words()
        if introduces(text):
            return True
        if len(text) >= LINKS_PARAGRAPH_CHARS:
            return False
    return False


def _drop_runs(
    runs: list[_LooseRun],
    part: etree._Element,
    stats: dict[etree._Element, _Stats],
    dropped: list[etree._Element],
    log: RegionLog | None,
) -> None:
    """Remove ``runs`` from ``part`` (their text and their elements; what :func:`prune` dropped
    already is left as it is), within the share guard :func:`_within_share` keeps for boxes."""
    whole = _substance(part, stats) - sum(_substance(el, stats) for el in dropped)
    total = sum(run.text - run.links for run in runs)
    if total > PRUNE_MAX_SHARE * whole and whole - total < PRUNE_LEFT_CHARS:
        return
    gone = set(dropped)
    for run in runs:
        first = run.pieces[0][0]
        if any(a in gone for a in first.iterancestors()) or first in gone:
            continue
        if log is not None:
            for node, where in run.pieces:
                if where == _WHOLE and node.tag != "br":
                    log.add(node, "pruned inside the main content: a short paragraph of links (between line breaks)")
        elements: list[etree._Element] = []
        for node, where in run.pieces:
            if where == _TEXT:
                node.text = None
            elif where == _TAIL:
                node.tail = None
            else:
                elements.append(node)
        for el in elements:
            if el.getparent() is not None:
                el.drop_tree()


def _semantic_bonus(el: etree._Element, good_text: float) -> float:
    """Publishers' own markers of the article text (``itemprop="articleBody"``, ``<article>``,
    ``class="entry-content"``, Tailwind's ``prose``) double an element's paragraph text: a
    marked container beats an unmarked wrapper that adds a little more text and much more
    furniture."""
    if el.get("itemprop") == "articleBody" or _tag(el) == "article":
        return 1.0 * good_text
    hint = _hint(el)
    if hint and _article_body_hint(hint):
        return 1.0 * good_text
    return 0.0


@lru_cache(maxsize=4096)
def _article_body_hint(hint: str) -> bool:
    return _ARTICLE_BODY.search(hint)


LINK_FARM_DENSITY = 0.5
PRUNABLE = (
    "div",
    "section",
    "ul",
    "ol",
    "table",
    "aside",
    "figure",
    "header",
    "footer",
    "dl",
    "p",
    "span",
    "form",
    "nav",
    "details",
)
BOX_WORDS = re.compile(
    r"(?<![a-z])(?:author|byline|bio(?![a-z])|about-?the-?author|written-?by|newsletter|subscri|"
    r"share(?![a-z])|sharing|social|comment|disclaimer|related|recommend|promo|cta(?![a-z])|"
    r"toc(?![a-z])|table-?of-?contents?|breadcrumb|tags(?![a-z])|post-?meta|entry-?meta|"
    r"meta-?data|read-?time|reading-?time|sidebar|advert|sponsor|carousel|testimonials?|modal|caption|credits?(?![a-z])|"
    r"donat(?:e|ions?)(?![a-z]))",
    re.I,
)
"""Class/id words of boxes inside an article that are not its text: author bios, bylines,
share and newsletter boxes, related links, tables of contents, disclaimers, donation appeals."""
_BOX_WORDS = Caseless(BOX_WORDS)

KEEP_PROSE = 0.3
"""Boxes holding more than this share of the content's paragraph text are never pruned..."""

BESIDE_PROSE = 1000
"""... nor when the box is named like a widget (``promo``, ``related``, ``commentbody``), the
content holds this much paragraph text outside it and the box's own ``<p>`` children hold less
than half of its paragraph text (:func:`_holds_paragraphs`): a promoted slideshow's captions
or a reader's comment inside the article's box, not the article's paragraphs."""

LOOSE_HELD = 0.5
"""... and, in content written without paragraph elements (none of its text in a ``<p>`` or in
a ``<div>`` written as one, all of it between ``<br>``s: pages of 2000-2005), boxes holding more
than this share of that text: a post's box with its own long list of links (its network's
headlines under it) is mostly links. Less than a majority is no sign: a blog's side column of
blurbs written so holds as much of it as a short post, and where the post is in ``<p>``s or
``<div>`` paragraphs such a column's text is no share of the post's."""

KEEP_TEXT = 0.15
"""... unless they hold less than this share of all its text: an author's bio is the only
``<p>`` of an article written in ``<div>``s and ``<br>``s."""
"""Containers inside the content with more link text than this share are link lists."""


def prune(main: MainContent, log: RegionLog | None = None) -> None:
    """Remove link farms and boilerplate boxes inside the chosen content, in place.

    A box that holds a real share of the content's paragraph text is never removed, however
    many links surround it. ``log``, when given, notes each removed box with its rule. In
    content written in ``<div>``s (more of its text in :attr:`_Stats.divs` than in ``<p>``s and
    between ``<br>``s) a
    box's ``<div>`` paragraphs count too, as a share of all of the content's: without them the
    article's box among its headline's links and a list of other stories read as a link list.
    (Only more is kept so: a box holding a share of the ``<p>`` text is kept as before.)
    """
    for part in main.parts:
        stats = main.stats if part in main.stats else _measure(part)
        # (<p> text only: see _loose_paragraphs.)
        prose, text = stats[part].prose, stats[part].text
        whole = stats[part]
        divs = whole.divs if whole.divs > prose + whole.loose else 0
        # Content written without paragraph elements (see LOOSE_HELD): a paragraph's length at
        # least between <br>s, and none in a <p> or a <div> written as one.
        written = whole.loose >= DIV_PARAGRAPH and prose + whole.divs - whole.cut < MIN_PARAGRAPH
        loose = whole.loose if written else 0
        verbatim: set[etree._Element] = set()
        for code in part.iter(*VERBATIM):
            verbatim.update(code.iterdescendants())
        # Inline markup inside a link is all link text ("<a><span>Romney</span></a>" in a
        # sentence): a link list is judged by its container, never by a link's words. (A box
        # inside a link, a teaser card, is still judged as a box.)
        linked: set[etree._Element] = set()
        for link in part.iter("a"):
            linked.update(el for el in link.iterdescendants() if _tag(el) in INLINE)
        doomed: list[tuple[etree._Element, str]] = []
        sentences: list[etree._Element] = []  # (short paragraphs of links that read as sentences)
        site = _Site(part)  # (every question about the page's own site, answered once, before any drop)
        own = _own_links(part, stats) if _holds_headline(part, main.headlines) else {}
        around = _around_headline(part, main.headlines, stats)
        for line in _linked_subheads(part, stats):
            line.tag = "h4"  # (a heading is never pruned as a link list, nor left out as a button)
        for line in _list_heads(part):
            line.tag = "h4"
        for el in part.iterdescendants(*PRUNABLE):
            s = stats.get(el)
            if s is None or not s.text or el in verbatim or el in around or el.get(COMMENTS_MARK) is not None:
                continue  # (a comments heading kept as a mark goes after the cut at it)
            if _heading_words(el, s, part, stats):
                continue
            held = s.prose > KEEP_PROSE * prose
            beside = prose - s.prose
            if divs and s.divs and el.tag != "form":  # (a form's small print is no paragraph)
                held = held or s.prose + s.divs > KEEP_PROSE * (prose + divs)
                beside = prose + divs - s.prose - s.divs
                s = _Stats(s.text, s.links, s.blocks, s.prose + s.divs, s.loose, s.divs)
            elif loose and s.loose and el.tag != "form":
                held = held or s.prose + s.loose > LOOSE_HELD * (prose + loose)
                beside = prose + loose - s.prose - s.loose
                s = _Stats(s.text, s.links, s.blocks, s.prose + s.loose, s.loose, s.divs)
            if (
                held
                and s.text > KEEP_TEXT * text
                and not _comments_hint(_hint(el))
                and not (beside >= BESIDE_PROSE and _named_box(el, s) and not _holds_paragraphs(el, s, stats))
            ):
                continue
            if el in own:
                # The article's own list of links is its text, not a link farm around it.
                s = _Stats(s.text, s.links - own[el], s.blocks, s.prose, s.loose, s.divs)
            paragraph = bool(divs) and (_div_paragraph(el, s) or _div_line(el, s, stats))
            rule = _prune_rule(el, s, part, stats, el in linked, paragraph=paragraph, site=site)
            if rule == LINKED_SENTENCE:
                sentences.append(el)
            elif rule:
                doomed.append((el, rule))
        doomed.extend(
            (el, "a short box around a signup form (its pitch)")
            for el in _form_boxes(part, stats, prose, main.thread_heads)
        )
        doomed.extend(
            (el, "a caption: the one short line beside a picture in its box")
            for el in unmarked_captions(part, *_sizers(stats), _bold_head)
        )
        doomed.extend(
            (el, "one of a row of teaser cards (other pages' headlines)") for el in _teaser_cards(part, stats, site)
        )
        doomed.extend(
            (el, "a list of other stories after the text (a headline and a teaser sentence each)")
            for el in _teaser_lists(part, stats, site)
        )
        gone: dict[etree._Element, str] = {}
        for el, rule in doomed:
            if el not in gone and el.getparent() is not None and not _inside(el, gone):
                gone[el] = rule
        for el in _own_series(gone, part, stats):
            del gone[el]
        for el in sentences:
            if not _inside(el, gone) and _opens_content(el, part, stats, gone):
                gone[el] = OPENING_LINKS
        runs = _link_runs(part, stats, verbatim, gone)
        dropped: list[etree._Element] = []
        for el in _within_share(list(gone), part, stats):
            if el.getparent() is not None:
                if log is not None:
                    log.add(el, f"pruned inside the main content: {gone[el]}")
                el.drop_tree()
                dropped.append(el)
        if runs:
            _drop_runs(runs, part, stats, dropped, log)


SERIES_BOXES = 3
"""Alike boxes (one tag and class) pruned for their class names that may be the post's own
text between them (:func:`_own_series`): a photo post's text beside each of its pictures."""

SERIES_SHARE = 0.3
"""... when together they hold at least this share of the content's substance (text outside
links): a story's few captioned photos hold far less beside its paragraphs."""

SERIES_WORDS = 8
"""... and each holds this many words on average, each its own (a credit line per photo, a
placeholder printed in every embed's box, says nothing of the post)."""

SERIES_LINKS = 0.2
"""... and at most this share of their text is links (a row of teaser cards links its titles)."""


def _class_rule(rule: str) -> bool:
    """Whether :func:`_prune_rule`'s ``rule`` reads the box's class or id words alone."""
    return rule.startswith(("class/id ", "a short box whose class/id "))


def _own_series(
    gone: Mapping[etree._Element, str], part: etree._Element, stats: dict[etree._Element, _Stats]
) -> list[etree._Element]:
    """The boxes of ``gone`` that are the post's own text: at least :data:`SERIES_BOXES` pruned
    for their class words alone (a ``caption`` box, ``wp-caption``, a page builder's layout
    block whose name reads as a widget's), alike in tag and class, not named as comments,
    holding :data:`SERIES_SHARE` of the content's substance with :data:`SERIES_WORDS` words
    each on average, every text its own and few links. A photo post tells its story in the
    boxes under its pictures ("First up are the T-shirts! Here is the Tora design.", "Notice
    the aforementioned grey skies."): what a class name suggests is weaker evidence than a
    third of the post's words, as :func:`_alike_article_chunks` reads the page's."""
    groups: dict[tuple[str, str], list[etree._Element]] = {}
    for el, rule in gone.items():
        names = el.get("class")
        if names and _class_rule(rule) and not _comments_hint(_hint(el)) and _tag(el) not in SURE_BOXES:
            groups.setdefault((_tag(el), names), []).append(el)
    whole = _substance(part, stats)
    found: list[etree._Element] = []
    for group in groups.values():
        if len(group) < SERIES_BOXES or not whole:
            continue
        texts = [" ".join(text_content(el).split()) for el in group]
        words = sum(len(t.split()) for t in texts)
        text = sum(stats[el].text for el in group if el in stats)
        links = sum(stats[el].links for el in group if el in stats)
        if (
            sum(_substance(el, stats) for el in group) >= SERIES_SHARE * whole
            and words >= SERIES_WORDS * len(group)
            and links <= SERIES_LINKS * text
            and len(set(texts)) == len(texts)
        ):
            found.extend(group)
    return found


HEADING_WORDS = 0.8
"""An element inside a heading holding this share of its text is the heading's words (an anchor's
``<span id="tools-for-job">`` around them), judged with the heading, never as a box."""


def _heading_words(
    el: etree._Element, s: _Stats, part: etree._Element, stats: dict[etree._Element, _Stats]
) -> bool:
    """Whether ``el`` sits inside a heading of ``part`` and holds most of its text
    (:data:`HEADING_WORDS`), mostly not links: a heading is never pruned, nor are its words by
    their names. (A heading that is a link, a call to action's or another story's, is judged as
    before: its words in a ``<span>`` went as a link list, and still do.)"""
    for node in el.iterancestors():
        if node is part:
            return False
        if node.tag in _ALL_HEADINGS:
            h = stats.get(node)
            return h is not None and s.text >= HEADING_WORDS * h.text and 2 * s.links < s.text
    return False


HEADLINE_BOX_PROSE = 200
"""A box around the page's headline heading with at least this much text outside links is the
article's (with whatever stands beside it): :func:`prune` judges what it holds, never the box
whole."""


def _around_headline(
    part: etree._Element, headlines: tuple[str, ...], stats: dict[etree._Element, _Stats]
) -> set[etree._Element]:
    """The boxes inside ``part`` around the heading that gives the page's headline and holding
    :data:`HEADLINE_BOX_PROSE` of text outside links: a blog's post column with its archive's links
    beside it is mostly link text, but the post is in it."""
    heads = page_headings(part, headlines)
    if not heads:
        return set()
    around: set[etree._Element] = set()
    for up in heads[0].iterancestors():
        if up is part:
            break
        s = stats.get(up)
        if s is not None and s.text - s.links >= HEADLINE_BOX_PROSE:
            around.add(up)
    return around


OWN_LIST_MIN_ITEMS = 3
"""A list of links with at least this many sentence-long items can be the article itself."""

OWN_PROSE_CHARS = 250
"""Content holding less paragraph text than this outside boxes named like boilerplate is made of
its lists: a roundup, a "quickies" post, a list of names."""

RELATED_LABEL = re.compile(
    r"related|recent|popular|latest|trending|recommended|"
    r"(?:more|other|top|similar) (?:stories|posts|articles|news|from)|also|read (?:more|next)|"
    r"most (?:read|viewed|popular|shared)|elsewhere|around the web|you (?:may|might)",
    re.I,
)
"""A heading over a list of links naming other pages of the site ("Related posts", "More from
News", "You may also like")."""

LABEL_WORDS = 8
LABEL_DEPTH = 3
"""How many boxes up from a list its heading is looked for (levels of the layout:
:func:`levels.boxes_up`)."""


def _own_links(part: etree._Element, stats: dict[etree._Element, _Stats]) -> dict[etree._Element, int]:
    """The link text of the article's own lists of links, credited to each element holding one:
    when the content (which holds the page's headline, see :func:`prune`) has little prose of
    its own (less than :data:`OWN_PROSE_CHARS` outside
    boxes named like boilerplate), its lists of sentence-long links (at least
    :data:`OWN_LIST_MIN_ITEMS` items averaging :data:`CITED_ITEM_CHARS`) that no box name or
    "Related" heading marks as beside the article are what the post is made of: a roundup of
    headlines, a "quickies" post. Empty when there are none."""
    lists: list[etree._Element] = []
    for el in part.iterdescendants("ul", "ol"):
        s = stats.get(el)
        if s is None or not s.text or s.links <= LINK_FARM_DENSITY * s.text:
            continue
        items = sum(1 for child in el if child.tag == "li")
        if items < OWN_LIST_MIN_ITEMS or s.text < CITED_ITEM_CHARS * items:
            continue
        if any(a in lists for a in el.iterancestors()) or _boxed(el, part) or _labelled_related(el):
            continue
        lists.append(el)
    if not lists or _own_prose(part, stats) >= OWN_PROSE_CHARS:
        return {}
    own: dict[etree._Element, int] = {}
    for el in lists:
        _add_to_ancestors(el, part, stats[el].links, own)
    return own


_Number = TypeVar("_Number", int, float)


def _add_to_ancestors(
    el: etree._Element, stop: etree._Element, value: _Number, into: dict[etree._Element, _Number]
) -> None:
    """Add ``value`` to ``el``'s entry in ``into`` and to each ancestor's, up to ``stop``."""
    into[el] = into.get(el, 0) + value
    if el is stop:
        return
    for node in el.iterancestors():  # lxml walks up: no Python call per level
        into[node] = into.get(node, 0) + value
        if node is stop:
            break


_HEADLINE_TAGS = ("h1", "h2", "h3", "h4")
HEADLINE_CHARS = 10
"""A heading this long that the headline or title holds (or that holds it) names the article."""
_WORD_RUN = re.compile(r"[^\W_]+")
_ASCII_NOT_WORD = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})
"""Each ASCII character that ``[\\W_]`` matches, as a space (all but letters and digits)."""


def _fold(text: str) -> str:
    """The runs of letters and digits of ``text`` case-folded, joined by single spaces (what
    ``[\\W_]+`` made one space, the ends stripped). ASCII text is folded by a translation
    table: 3x faster than the pattern, and the climb of :func:`_description_holder` folds whole
    posts."""
    folded = text.lower() if text.isascii() else text.casefold()  # (the same on ASCII)
    if folded.isascii():
        return " ".join(folded.translate(_ASCII_NOT_WORD).split())
    return " ".join(_WORD_RUN.findall(folded))


def _holds_headline(part: etree._Element, headlines: tuple[str, ...]) -> bool:
    """Whether a heading in ``part`` (or in the box just around it) gives the page's headline
    or its title: the content is the article's, not a sidebar's list of links."""
    wanted = [w for w in (_fold(h) for h in headlines) if len(w) >= HEADLINE_CHARS]
    if not wanted:
        return False
    parent = part.getparent()
    for box in (part, parent) if parent is not None else (part,):
        for heading in box.iterdescendants(*_HEADLINE_TAGS):
            found = _fold(text_content(heading))
            if len(found) >= HEADLINE_CHARS and any(found in w or w in found for w in wanted):
                return True
    return False


def _boxy(el: etree._Element) -> bool:
    return _tag(el) in SURE_BOXES or _class_weight(el) < 0 or _box_words_hint(_hint(el))


def _boxed(el: etree._Element, part: etree._Element) -> bool:
    """Whether ``el`` or a box around it inside ``part`` is named or tagged like boilerplate."""
    node: etree._Element | None = el
    while node is not None and node is not part:
        if _boxy(node):
            return True
        node = node.getparent()
    return False


BOX_CHARS = 300
"""A box named like boilerplate this short is one beside the article (a longer one can be the
post itself, named after its author)."""


def _own_prose(part: etree._Element, stats: dict[etree._Element, _Stats]) -> int:
    """``part``'s paragraph text (:func:`_paragraphs`: in ``<p>``s or between ``<br>``s; an
    article written without ``<p>`` has prose of its own, and the lists of links under it are no
    roundup) outside short boxes named or tagged like boilerplate (a post's "This entry was
    posted in ..." footer, an author box)."""
    prose = _paragraphs(stats[part])
    stack = list(part)
    while stack:
        el = stack.pop()
        s = stats.get(el)
        if s is None or not _paragraphs(s):
            continue
        if s.text < BOX_CHARS and _boxy(el):
            prose -= _paragraphs(s)
        else:
            stack.extend(el)
    return prose


def _labelled_related(el: etree._Element) -> bool:
    """Whether a short heading just before ``el`` (or before the box it opens) names other
    pages ("Related posts", "More from News")."""
    for node in boxes_up(el, LABEL_DEPTH):
        if node is not el and (node.text or "").strip():
            return False
        before = node.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()
        if before is not None:
            label = " ".join(text_content(before).split())
            return 0 < len(label.split()) <= LABEL_WORDS and RELATED_LABEL.search(label) is not None
    return False


PRUNE_MAX_SHARE = 0.5
"""Pruning never takes more than this share of the chosen content's substance when that would
leave it nearly empty: what a box's class or link density suggests is weaker evidence than
most of the article's words (a blog post inside an unclosed ``<span class="byline-author">``,
a photo post's text in per-image ``caption`` boxes)."""

PRUNE_LEFT_CHARS = 250
"""The guard steps in only when pruning would leave less than this (about forty words): a
near-empty body, not an article freed of a large box beside it."""

SURE_BOXES = frozenset(["aside", "footer", "nav", "form"])
"""Boxes whose tag (not a class name) says they are beside the article: the share guard
neither spares them nor counts them."""


def _substance(el: etree._Element, stats: dict[etree._Element, _Stats]) -> int:
    """Text outside links: what the article's words are made of."""
    s = stats.get(el)
    return max(0, s.text - s.links) if s is not None else 0


def _within_share(
    doomed: list[etree._Element], part: etree._Element, stats: dict[etree._Element, _Stats]
) -> list[etree._Element]:
    """The boxes to prune. When together they would take more than :data:`PRUNE_MAX_SHARE` of
    the content's substance and leave less than :data:`PRUNE_LEFT_CHARS`, the largest are
    spared (with the boxes alike to a spared one: the same tag and class beside it, as a photo
    post's per-image caption boxes) until the rest fits. Reader comments and
    :data:`SURE_BOXES` always go."""
    sizes = {el: _substance(el, stats) for el in doomed}
    sure = [el for el in doomed if _tag(el) in SURE_BOXES or _comments_hint(_hint(el))]
    whole = _substance(part, stats) - sum(sizes[el] for el in sure)
    budget = PRUNE_MAX_SHARE * whole
    total = sum(sizes.values()) - sum(sizes[el] for el in sure)
    if total <= budget or whole - total >= PRUNE_LEFT_CHARS:
        return doomed
    spared: set[etree._Element] = set()
    for el in sorted(doomed, key=lambda e: sizes[e], reverse=True):
        if total <= budget:
            break
        if el in spared or el in sure:
            continue
        kind = (el.tag, el.get("class"))
        parent = el.getparent()
        for other in doomed:
            if other in spared or other in sure:
                continue
            if other is el or (other.getparent() is parent and (other.tag, other.get("class")) == kind):
                spared.add(other)
                total -= sizes[other]
    return [el for el in doomed if el not in spared]


INTRO_WORDS = 6
"""A paragraph of at least this many words ending in a colon introduces the list after it."""


def introduces(line: str) -> bool:
    """Whether ``line`` is the article's own sentence introducing what follows it ("Many
    patches were sent for review:"). A label ("Read more:", "Related stories:") is too short or
    reads as one."""
    line = line.rstrip()
    return (
        line.endswith(":")
        and len(line.split()) >= INTRO_WORDS
        and not RELATED_LABEL.search(line)
        and not _OTHER_PAGES.search(line)
        and not _SHARE_LABEL.search(line)
    )


_SHARE_LABEL = re.compile(r"\bshare\b[^.!?]{0,30}\b(?:on|via|with|to)\s*:$", re.I)
"""A share widget's label ("If you enjoyed this article, please share it on:"): what follows
is the networks' links, not the article's list."""


def _introduced_list(el: etree._Element) -> bool:
    """Whether ``el`` is, or holds, a list or a table that the article's own sentence
    introduces (:func:`introduces`): the article's list of links ("Let's take a quick look at
    what happened last week:" over a table of the week's news, a link in each line), never a
    link farm around it."""
    # (A table is asked with the lists inside it: a page laid out in tables holds the article's
    # sentence and its list in one cell.)
    lists = [el] if el.tag in ("ul", "ol") else list(el.iter("ul", "ol", "table"))
    # A list in a table's cell: the table is what the sentence introduces.
    lists.extend(a for a in islice(el.iterancestors(), INTRO_TABLE_DEPTH) if a.tag == "table")
    return any(introduces(_line_before(found)) for found in lists)


INTRO_TABLE_DEPTH = 4
"""How many boxes up from a list :func:`_introduced_list` looks for the table holding it."""


LINKS_PARAGRAPH_CHARS = 200
"""A paragraph of links shorter than this is a pointer elsewhere ("Follow us on Twitter"), not
the article's text (unless the article's sentence introduces it)."""

INTRODUCED_LINES = 40
"""How many short paragraphs back :func:`introduced_line` looks for the sentence introducing
them."""


def introduced_line(el: etree._Element) -> bool:
    """Whether the paragraph ``el`` is one of a run of short paragraphs that the article's own
    sentence, in the paragraph before the run, introduces (a list of places written as one
    linked name a paragraph), or sits in an item of a list such a sentence introduces (a
    changelog's "Many patches were sent for review:" over items written as ``<li><p>``, each
    one link: the list stays whole, its items must too)."""
    parent = el.getparent()
    if parent is not None and parent.tag == "li":
        listed = parent.getparent()
        return listed is not None and listed.tag in ("ul", "ol") and introduces(_line_before(listed))
    before = el.getprevious()
    for _ in range(INTRODUCED_LINES):
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()
        if before is None or not (before.tag == "p" or (el.tag == "div" and _inline_box(before))):
            return False
        text = " ".join(text_content(before).split())
        if introduces(text):
            return True
        if len(text) >= LINKS_PARAGRAPH_CHARS:
            return False
        before = before.getprevious()
    return False


SENTENCE_WORDS = 8
"""A ``<div>`` line of at least this many words that closes like a sentence is a paragraph,
however short (:func:`_div_paragraph`)."""

_SENTENCE_CLOSE = re.compile(r"[.!?…][\"'”’)\]]?\s*$")

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]?(?:\s|\Z)")
"""A sentence's end anywhere in a line (not only at its end: "... ($20,000). Boasting ...")."""


LINKED_SENTENCE = "?a linked sentence"
""":func:`_prune_rule`'s answer for a short paragraph of links that reads as a sentence
(:func:`reads_as_sentence`): it stays unless nothing of the content is left before it
(:func:`_opens_content`), which :func:`prune` asks once the boxes around it are judged."""

OPENING_LINKS = "a short paragraph of links opening the content (no text of it before)"


def reads_as_sentence(text: str) -> bool:
    """Whether ``text``, one line, is a sentence of the article, however many of its words are a
    link's: :data:`SENTENCE_WORDS` words or more, closing like a sentence ("<a>This week's new
    episode is a quick and silly party game called Say Anything</a>.", "<a>Update
    automatically</a> or <a>install from the app store</a> in the <a>Platform</a>."). A pointer
    elsewhere is a label and its link ("Read: <a>What to look for in the results</a>"), a row
    ("« <a>...</a> | <a>Main</a> | <a>...</a> »") or a title ("<a>Title</a> by Author
    (<a>review</a>)"); lines of titles under a label ("Related Posts:<br><a>Title!</a><br>...")
    are no one line."""
    return len(text.split()) >= SENTENCE_WORDS and _SENTENCE_CLOSE.search(text) is not None


def _opens_content(
    node: etree._Element, part: etree._Element, stats: dict[etree._Element, _Stats], gone: Mapping[etree._Element, str]
) -> bool:
    """Whether no text of ``part`` comes before ``node`` once the boxes ``gone`` go: the chosen
    content opens with it. A sentence of the article's follows its headline or its text; a line
    linked up to its period that nothing of the content comes before is no sentence of any
    text, as when the page holds (almost) no paragraph and the box chosen is its foot ("BBC ©
    2012 <a>The BBC is not responsible for the content of external sites. Read more.</a>" over
    a browser notice, on a photo gallery whose captions are only in its ``<noscript>``)."""
    while node is not part:
        parent = node.getparent()
        if parent is None:
            return False
        if parent.text and parent.text.strip():
            return False
        for before in node.itersiblings(preceding=True):
            if (before.tail and before.tail.strip()) or (
                isinstance(before.tag, str) and before not in gone and _left_text(before, stats, gone)
            ):
                return False
        node = parent
    return True


def _left_text(el: etree._Element, stats: dict[etree._Element, _Stats], gone: Mapping[etree._Element, str]) -> int:
    """The text of ``el`` that stays once the boxes ``gone`` inside it go."""
    text = stats.get(el, _NO_STATS).text
    if text:
        text -= sum(stats.get(box, _NO_STATS).text for box in gone if el in box.iterancestors())
    return text


def _div_paragraph(el: etree._Element, s: _Stats) -> bool:
    """Whether ``el``, in content written in ``<div>``s, is one of its paragraphs, judged as a
    ``<p>`` is (never as a box of links): a ``<div>`` of inline markup only, a paragraph's length
    (:data:`DIV_PARAGRAPH`: a sentence whose link is most of its words), one link and nothing
    else (kept where the article's sentence introduces it) or, shorter, a sentence of
    :data:`SENTENCE_WORDS` words ("Yesterday we launched <a>something cute, frivolous and
    tiny</a>, in a silly way."). A short line of a label and a link ("Author: Ann Lee") is still
    judged as a box."""
    if el.tag != "div" or s.blocks:
        return False
    if s.text >= DIV_PARAGRAPH:
        return True
    if s.links == s.text and len(el) == 1 and el[0].tag == "a" and not (el.text and el.text.strip()):
        return True
    text = text_content(el)
    return len(text.split()) >= SENTENCE_WORDS and _SENTENCE_CLOSE.search(text) is not None


def _div_line(el: etree._Element, s: _Stats, stats: dict[etree._Element, _Stats]) -> bool:
    """Whether ``el``, in content written in ``<div>``s, is a short line of the text (a label
    and its link: "See: <a>How vector databases work</a>", "Soft feel: <a>Hotel Comfort</a>"):
    a ``<div>`` of inline markup in a run of such ``<div>``s (and headings) holding one of the
    text's paragraphs, as a ``<p>`` line stands among ``<p>``s. Judged as a ``<p>``, a short line
    that is all links still goes."""
    if el.tag != "div" or s.blocks:
        return False
    for siblings in (el.itersiblings(preceding=True), el.itersiblings()):
        for sibling in siblings:
            if sibling.tag in _HEADINGS:
                continue
            n = stats.get(sibling)
            if sibling.tag != "div" or n is None or n.blocks:
                break
            if n.divs:
                return True
    return False


def _inline_box(el: etree._Element) -> bool:
    """Whether ``el`` is a ``<div>`` of inline markup only: a paragraph, in text whose
    paragraphs are ``<div>``s."""
    return el.tag == "div" and all(not isinstance(c.tag, str) or c.tag in INLINE for c in el)


_OTHER_PAGES = re.compile(r"^(?:more|see|read|also|watch)\b|\b(?:stories|articles|posts|headlines|coverage)\b", re.I)
"""A line that points to other pages ("More world stories from NBC News:"), not an article's own
sentence introducing its list."""


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")
"""The white space after a sentence's end: a text's last sentence is what follows the last one
(compiled once: ``re.split`` with the pattern's text looks it up in ``re``'s cache at each call)."""


def _line_before(el: etree._Element) -> str:
    """The last sentence of the element just before ``el`` (or before the box ``el`` opens, up
    to two boxes up: ``<div><p>...:</p></div><div><ul>``; levels as :func:`levels.boxes_up`
    counts them, a one-cell ``<table>`` a box as a ``<div>`` is), or of the text run just before
    it when the page writes its paragraphs between ``<br>``s (``<font>...:</font><br><br><table>``)."""
    for node in boxes_up(el, 3):
        before = node.getprevious()
        while before is not None and not isinstance(before.tag, str):
            before = before.getprevious()
        if before is not None:
            if before.tag in ("p", "div") and _bold_run(before) is not None:
                # A line set apart in bold type is a heading or a label over what follows
                # ("Posted on this day, other years:"), as an <h3> is: no sentence of the text.
                return ""
            if before.tag in ("p", "div", "table"):
                text = " ".join(text_content(before).split())
                # (a menu ending in a colon is links, not the article's sentence)
                if 2 * sum(len(text_content(a).strip()) for a in before.iter("a")) > len(text):
                    return ""
            elif _tag(before) in _RUN_TAGS and not _in_item(node):
                # A sentence written between <br>s, no <p> (in a list's item, it opens a
                # sub-list: "Subscribe to one of my feeds:" in a sidebar's menu).
                text = _run_before(node)
            else:
                return ""
            return _SENTENCE_BREAK.split(text[-300:])[-1]
    return ""


_RUN_TAGS = INLINE | {"br"}


def _in_item(el: etree._Element) -> bool:
    parent = el.getparent()
    return parent is not None and _tag(parent) == "li"


def _run_before(el: etree._Element) -> str:
    """The text just before ``el`` in its parent written without blocks: the inline runs, line
    breaks and loose text after the last block before it (or from the parent's start)."""
    parts: list[str] = []
    before = el.getprevious()
    while before is not None and (not isinstance(before.tag, str) or _tag(before) in _RUN_TAGS):
        parts.append(before.tail or "")
        if isinstance(before.tag, str):
            # A line break parts two runs ("...of Buffalo.<br><br>More from us:"), no word.
            parts.append(" " if _tag(before) == "br" else text_content(before))
        before = before.getprevious()
    parent = el.getparent()
    if before is not None:
        parts.append(before.tail or "")
    elif parent is not None:
        parts.append(parent.text or "")
    return " ".join("".join(reversed(parts)).split())


WRITER_PAGES = ("author", "user", "profile", "people", "staff", "writer", "contributor", "columnist")
"""The step of an address before a writer's own page ("/author/alysha/", "/staff/jane-doe"),
each also in the plural."""

WRITER_PAGE_STEPS = frozenset(WRITER_PAGES) | {f"{step}s" for step in WRITER_PAGES}
""":data:`WRITER_PAGES` and their plurals, as ``html.PROFILE_LINK`` reads them."""

NAME_LINE_WORDS = 6
"""An author box's name line ("Written by Benjamin Starr", "alysha", "About Annie Downs") holds at
most this many words."""


def writer_page(href: str) -> bool:
    """Whether the address ``href`` is a writer's own page: its last step, a name or a number,
    follows one of :data:`WRITER_PAGE_STEPS` ("/author/alysha/", "/staff/1234")."""
    steps = [s for s in href.split("#", 1)[0].split("?", 1)[0].split("/") if s]
    return len(steps) >= 2 and steps[-2].casefold() in WRITER_PAGE_STEPS


def writer_line(el: etree._Element) -> bool:
    """Whether ``el`` is an author box's name line set as a heading in bold type: a bold line
    (:func:`_bold_head`) of at most :data:`NAME_LINE_WORDS` words holding one link, to a
    writer's own page ("<div><b><a href="/author/bstarr/">Written by Benjamin Starr</a></b>
    </div>"). Written as an ``<h3>`` it is a heading, which no link rule prunes: left so, the
    extraction's author-box rule finds it over its bio after the text."""
    if not _bold_head(el) or len(text_content(el).split()) > NAME_LINE_WORDS:
        return False
    links = list(el.iter("a"))
    return len(links) == 1 and writer_page((links[0].get("href") or "").strip())


def _prune_rule(
    el: etree._Element,
    s: _Stats,
    part: etree._Element,
    stats: dict[etree._Element, _Stats],
    linked: bool = False,
    *,
    paragraph: bool = False,
    site: _Site | None = None,
) -> str:
    """Why :func:`prune` removes ``el`` from the content, or ``""`` when it stays; ``linked``:
    ``el`` sits inside a link, whose share of link text says nothing about it; ``paragraph``:
    ``el`` is a ``<div>`` written as a paragraph of content written so, judged as a ``<p>``;
    ``site``: the page's own site as :func:`prune` read it for ``part``."""
    tag = "p" if paragraph else _tag(el)
    if tag in ("p", "div") and writer_line(el):
        return ""
    density = 0.0 if linked else s.links / s.text
    if density > LINK_FARM_DENSITY and tag == "span" and _linked_word(el):
        density = 0.0
    if (
        density > LINK_FARM_DENSITY
        and tag != "p"
        and s.prose < 0.5 * s.text
        and not _cited_list(el, tag, s, part, stats, site or _Site(part))
        and not (tag == "table" and _data_table(el))
        and not _introduced_list(el)
    ):
        return "a link list (mostly link text)"
    if (
        tag == "p"
        and density > 0.8
        and s.text < LINKS_PARAGRAPH_CHARS
        and not introduced_line(el)
    ):
        if next(el.iter("br"), None) is None and reads_as_sentence(text_content(el)):
            return LINKED_SENTENCE
        return "a short paragraph of links"
    if tag in ("ul", "ol", "div", "p") and s.text <= TRAIL_CHARS and _trail(el):
        return "a breadcrumb trail (links to ever deeper sections of the site)"
    if tag in ("aside", "footer"):
        return f"an <{tag}> box"
    if tag == "span" and _in_line(el):
        return ""  # a word of its line ("by <span class="author">Ann Lee</span> on June 29"), no box
    if _class_weight(el) < 0 and s.text < 300 and s.prose < 0.5 * s.text and not _heading_box(el, s):
        return f"a short box whose class/id {_hint(el)[:60]!r} weighs against content"
    if tag == "form":
        return "a form"
    if _named_box(el, s):
        return f"class/id {_hint(el)[:60]!r} names a widget"
    return ""


_WORD = re.compile(r"\w")


def _in_line(el: etree._Element, runs: bool = False) -> bool:
    """Whether words of the line ``el`` sits in come just before or after it: a name in a
    byline, a word in a sentence. Its class (``author``, ``caption``) names what the word is,
    not a box beside the text. ``runs``: the words may also be those of the inline element
    just before or after it, outside its links, as rich-text editors write each run of a
    paragraph as its own ``<span>`` ("<span>a session on </span><span><a>UPFs</a></span>
    <span>, where</span>"); only for a link, since two such runs side by side are as often a
    caption and its credit, each a box of its own."""
    if el.tail and _WORD.search(el.tail):
        return True
    before = el.getprevious()
    while before is not None and not isinstance(before.tag, str):
        before = before.getprevious()
    if before is not None:
        text = before.tail
    else:
        parent = el.getparent()
        text = parent.text if parent is not None else None
    if text and _WORD.search(text):
        return True
    if not runs or not _LETTER.search(text_content(el)):
        return False  # (a note's number, "<a>6</a>", is no word of the sentence)
    after = el.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    # (marks between, "June 12 · <a>1 comment</a>", part the link from the run: a row, no sentence)
    return (not (text and text.strip()) and _run_of_words(before, ending=True)) or (
        not (el.tail and el.tail.strip()) and _run_of_words(after, ending=False)
    )


_LETTER = re.compile(r"[^\W\d_]")

_RUN_OPENS = frozenset("(['\"“‘«")
"""Marks a sentence's run before a link may end with: 'titled "<a>Protein</a>"'."""

_RUN_GOES_ON = frozenset(",.;:!?)]'\"”’»")
"""Marks a sentence's run after a link may open with: "...see <a>here</a><span>.</span>"."""


def _run_of_words(el: etree._Element | None, *, ending: bool) -> bool:
    """Whether ``el`` is an inline run (not a link) whose words outside links touch the link
    beside it: ``ending`` in a word (the run before the link), or opening with a word or a mark
    that goes on with the sentence (the run after it). A row's separator ("by Ann Lee on June
    12 ·", then the comment count) is no sentence going on."""
    if el is None or _tag(el) not in INLINE or _tag(el) == "a":
        return False
    gaps = _between_links(el)
    text = (gaps[-1] if ending else gaps[0]).strip()
    if not _LETTER.search(text):
        return False  # (a count beside a headline's link, "<span>40</span>", is no run of words)
    edge = text[-1] if ending else text[0]
    return bool(_WORD.match(edge)) or edge in (_RUN_OPENS if ending else _RUN_GOES_ON)


TRAIL_LINKS = 3
"""Links to nested paths of the site, each inside the one before (``/``, ``/local/``,
``/local/bihar/``), that make a breadcrumb trail."""

TRAIL_CHARS = 300
"""A trail is a line of section names and the page's title, no longer than this."""

TRAIL_LABEL = 20
"""Text before a trail's first link ("You are here:") is no longer than this."""

TRAIL_SEPARATOR = 3
"""Text between a trail's links is a separator ("»", "/", " > "), no longer than this."""


def _between_links(el: etree._Element) -> list[str]:
    """The text of ``el`` outside its links, cut at each link: before the first, between each
    two, after the last."""
    gaps = [el.text or ""]
    link: etree._Element | None = None  # the link being walked through (its words are not gaps)
    # An iterative walk: a recursive closure is a reference cycle, garbage for the collector.
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if node is el:
            continue
        if event == "start":
            if link is None and node.tag == "a":
                link = node
                gaps.append("")
            elif link is None and isinstance(node.tag, str):
                gaps[-1] += node.text or ""
            continue
        if node is link:
            link = None
        if link is None:
            gaps[-1] += node.tail or ""
    return gaps


def _trail(el: etree._Element) -> bool:
    """Whether ``el`` is a breadcrumb trail: at least :data:`TRAIL_LINKS` links, in order, to
    ever deeper paths of one site, each path inside the one before, whatever its class names
    (a hashed ``ul.f3a9`` too) and however much of its text (the page's own title, last) is
    not linked."""
    if next(islice(el.iter("a"), TRAIL_LINKS - 1, None), None) is None:
        return False  # too few links (most small boxes): the same answer without the walk below
    gaps = _between_links(el)
    if len(gaps[0].strip()) > TRAIL_LABEL or any(len("".join(gap.split())) > TRAIL_SEPARATOR for gap in gaps[1:-1]):
        return False  # words before or between the links: a sentence linking sections, no trail
    paths: list[str] = []
    for a in el.iter("a"):
        href = a.get("href")
        if not href or href.startswith("#"):
            return False
        try:
            parts = urlsplit(href)
        except ValueError:
            return False
        paths.append(parts.path.rstrip("/") + "/")
    if len(paths) < TRAIL_LINKS:
        return False
    return all(b != a and b.startswith(a) for a, b in pairwise(paths))


def _linked_word(el: etree._Element) -> bool:
    """Whether ``el`` holds one link and nothing beside it, in a line with words before or after
    it, itself or the inline markup around it holding nothing else ("earthy colors:
    <strong><span><a>Chocolate brown</a></span></strong> takes center stage"): the linked words
    of a sentence, never a link list."""
    links = el.findall(".//a")
    if len(links) != 1 or len(text_content(links[0]).strip()) < len(text_content(el).strip()):
        return False
    node = el
    while not _in_line(node, runs=True):
        parent = node.getparent()
        if parent is None or _tag(parent) not in INLINE or text_content(parent).strip() != text_content(node).strip():
            return False
        node = parent
    return True


DATA_ROWS = 3
"""A table of at least this many rows of two cells or more can be data (a line-up, a results
table), not a link list."""


def _data_table(table: etree._Element) -> bool:
    """Whether ``table`` is a table of data whose entries are links (names in a line-up): no
    table inside it, at least :data:`DATA_ROWS` rows of two cells or more, and most rows hold
    some text outside links (a position, a score); a menu laid out as a table holds links only."""
    if next(table.iterdescendants("table"), None) is not None:
        return False
    rows = [row for row in table.iter("tr") if sum(1 for cell in row if _tag(cell) in ("td", "th")) >= 2]
    if len(rows) < DATA_ROWS:
        return False
    unlinked = sum(1 for row in rows if _chars(row) > sum(_chars(a) for a in row.iter("a")))
    return unlinked * 3 >= len(rows) * 2


def _chars(el: etree._Element) -> int:
    return len(_SPACE.sub("", text_content(el)))


TOC_SECTION_CHARS = 200
"""A "toc" box with this much text, most of it paragraphs, is a section of the article, not its
contents list (a list of titles, or an empty box a script fills)."""

TOC = re.compile(r"(?<![a-z])(?:toc|table-?of-?contents?)(?![a-z])", re.I)


def _holds_paragraphs(el: etree._Element, s: _Stats, stats: dict[etree._Element, _Stats]) -> bool:
    """Whether ``<p>`` children of ``el`` hold at least half of its paragraph text: the
    article's own paragraphs, in a box whose name says otherwise (an unclosed call-to-action
    ``<div>`` swallowing the rest of the article, a layout box named ``crux-article``), where a
    widget's text sits deeper (a slideshow's slides, a comment's body)."""
    for box in el.iter("div", "section", "article", "td"):
        direct = 0
        for child in box:
            if child.tag == "p":
                c = stats.get(child)
                direct += c.prose if c is not None else 0
        if 2 * direct >= s.prose:
            return True
    return False


def _named_box(el: etree._Element, s: _Stats) -> bool:
    """A box whose class or id names a widget (:data:`BOX_WORDS`) and none names the article's
    text (:func:`_names_article_text`). A "toc" box of paragraphs is no table of contents: the
    sections a contents list points to can be named after it too (``section.toc-para``)."""
    hint = _hint(el)
    if not hint or not _box_words_hint(hint):
        return False
    found = BOX_WORDS.search(hint)
    if found is None or _names_article_text(hint):
        return False
    if TOC.fullmatch(found.group(0)) and s.text >= TOC_SECTION_CHARS and s.prose >= 0.5 * s.text:
        return BOX_WORDS.search(TOC.sub(" ", hint)) is not None
    return True


@lru_cache(maxsize=4096)
def _names_article_text(hint: str) -> bool:
    """Whether one of the names in ``hint`` (a class, the id) names the article's text
    (:data:`ARTICLE_BODY`) with no widget word (:data:`BOX_WORDS`) and no comments word
    (:data:`COMMENTS`) in it: the publisher's own box of the text, whatever layout class it
    also carries (``sidebar-grid__content article__content``), where ``related-post-content``
    or ``comment-text`` name a widget's text. Only the box's own names: an ancestor named so
    holds the widgets too."""
    return any(
        _ARTICLE_BODY.search(name) and not BOX_WORDS.search(name) and not COMMENTS.search(name)
        for name in hint.split()
    )


@lru_cache(maxsize=4096)
def _box_words_hint(hint: str) -> bool:
    # Pages repeat the same class strings: judge each once.
    return _BOX_WORDS.search(hint)


def _heading_box(el: etree._Element, s: _Stats) -> bool:
    """A box holding only a heading without links: a page builder's heading widget
    (``elementor-widget-heading``) in the article, not a widget of the page."""
    if s.links or el.tag in _HEADINGS:
        return False
    heading = next(el.iterdescendants(*_HEADINGS), None)
    return heading is not None and len(text_content(heading).strip()) >= 0.8 * s.text


CITED_ITEM_CHARS = 35
"""A list of links whose items average this many characters names its links in sentences
("libgccjit: Fix volatile loads and stores"), unlike a menu's one- or two-word links."""


def _cited_list(
    el: etree._Element,
    tag: str,
    s: _Stats,
    part: etree._Element,
    stats: dict[etree._Element, _Stats],
    site: _Site,
) -> bool:
    """A list of long links with more of the article after it: the article's own list (the
    patches a report cites, the studies a guide lists), not a menu or a related-posts box."""
    if tag not in ("ul", "ol"):
        return False
    items = sum(1 for child in el if child.tag == "li")
    if items < 2 or s.text < CITED_ITEM_CHARS * items:
        return False
    return _text_follows(el, part, stats, site)


def _text_follows(
    el: etree._Element,
    part: etree._Element,
    stats: dict[etree._Element, _Stats],
    site: _Site,
    boxes: list[etree._Element] | None = None,
) -> bool:
    """Whether the article's text goes on after ``el`` (a list, or the last of a row of cards,
    ``boxes``): a paragraph of it follows (:func:`_ends_text`), or, in content written without
    paragraph elements (see :func:`prune`), the list or the cards lead to other sites
    (:func:`_off_site`) and at least :data:`TRAILING_PROSE` of text between ``<br>``s follows
    (:func:`_loose_after`). Loose text alone is no sign of the article (a footer's lines are
    written so too); a list of the site's own pages before it is its related stories, one of
    other sites' pages is what the text cites (its sources, the products it names, the deals)."""
    if not _ends_text(el, part, stats):
        return True
    whole = stats.get(part)
    written = (
        whole is not None
        and whole.loose >= DIV_PARAGRAPH
        and whole.prose + whole.divs - whole.cut < MIN_PARAGRAPH
    )
    return written and _off_site(boxes or [el], site) and _loose_after(el, part, stats) >= TRAILING_PROSE


def _host(a: etree._Element) -> str | None:
    """The site a link leads to (``""``: the page's own, written without a host), ``None`` for no
    address (a jump within the page, a script's)."""
    return _host_of((a.get("href") or "").strip())


def _host_of(href: str) -> str | None:
    if not href or href[0] == "#" or href.lower().startswith(("javascript:", "mailto:")):
        return None
    try:
        return urlsplit(href).netloc.lower().removeprefix("www.")
    except ValueError:  # a malformed address ("http://[oops") names no site
        return None


class _Site:
    """The page's own site as its links name it, seen from one part of its content (see
    :func:`_own_hosts`): read at the first question, from the page as it is then (before
    :func:`prune` drops anything), and asked again only for the same part of the same page."""

    __slots__ = ("_hosts", "_part")

    def __init__(self, part: etree._Element) -> None:
        self._part = part
        self._hosts: frozenset[str] | None = None

    @property
    def hosts(self) -> frozenset[str]:
        if self._hosts is None:
            self._hosts = _own_hosts(self._part)
        return self._hosts


def _own_hosts(part: etree._Element) -> frozenset[str]:
    """The page's own site as its links name it: a link without a host, and the host most of
    the links outside the content ``part`` name (its menus, its sections, its footer; inside,
    a review's links to one shop can outnumber them), or, none outside naming one, most of the
    page's links."""
    outside: dict[str, int] = {}
    every: dict[str, int] = {}
    inside = set(part.iter("a"))
    for a in part.getroottree().getroot().iter("a"):
        host = _host(a)
        if host:
            every[host] = every.get(host, 0) + 1
            if a not in inside:
                outside[host] = outside.get(host, 0) + 1
    hosts = outside or every
    return frozenset(["", max(hosts, key=hosts.__getitem__)] if hosts else [""])


def _off_site(boxes: list[etree._Element], site: _Site) -> bool:
    """Whether most of the links in ``boxes`` lead to other sites than the page's own, to at least
    two addresses (one address again and again is a widget's: a player's "enable JavaScript"
    link under each video)."""
    own = site.hosts
    links = [(a.get("href") or "").strip() for box in boxes for a in box.iter("a")]
    if any(href[:1] == "#" for href in links):
        return False  # (a link within the page: the list is its contents)
    hosts = [(href, host) for href in links if (host := _host_of(href)) is not None]
    away = [href for href, host in hosts if host not in own]
    return len(set(away)) >= 2 and 2 * len(away) > len(hosts)


def _loose_after(el: etree._Element, part: etree._Element, stats: dict[etree._Element, _Stats]) -> int:
    """The text after ``el`` inside ``part`` written between ``<br>``s: the inline runs and loose
    text after it (outside links) at each level up, and the loose paragraphs of the boxes after
    it (:attr:`_Stats.loose`)."""
    total = 0
    node: etree._Element | None = el
    while node is not None and node is not part:
        total += len(node.tail.strip()) if node.tail else 0
        for sibling in node.itersiblings():
            total += len(sibling.tail.strip()) if sibling.tail else 0
            if not isinstance(sibling.tag, str) or sibling.tag in SURE_BOXES:
                continue
            s = stats.get(sibling)
            if s is not None:
                total += s.text - s.links if sibling.tag in INLINE and not s.blocks else s.loose
        node = node.getparent()
    return total


FORM_BOX_CHARS = 600
"""A box this short around a form is the form's pitch ("Be the first to know!", "Sign up for
our newsletter", the consent small print), whatever its class names say."""


def _form_boxes(
    part: etree._Element,
    stats: dict[etree._Element, _Stats],
    prose: int,
    thread_heads: frozenset[etree._Element] = frozenset(),
) -> list[etree._Element]:
    """The outermost short box around each form inside the content: a signup or contact box
    in the middle of an article goes whole, its heading and small print with its form. A box
    holding a heading of the readers' comments (``thread_heads``) is the thread's and its reply
    form's, cut at that heading (``threads.cut_after_comments``), never a signup's pitch."""
    boxes: list[etree._Element] = []
    for form in part.iterdescendants():
        if form.get(SIGNUP_MARK) is None:
            continue
        box: etree._Element | None = None
        for el in form.iterancestors():
            if el is part or (thread_heads and any(head in thread_heads for head in el.iter())):
                break
            s = stats.get(el)
            if (
                s is None
                or s.text > FORM_BOX_CHARS
                or s.prose > KEEP_PROSE * prose
                or s.prose > 0.5 * s.text
                or next(el.iterdescendants("table", "h1"), None) is not None
            ):
                break
            box = el
        if box is not None:
            boxes.append(box)
    return boxes


TEASER_CHARS = 600
"""A card this short with a heading and a link, one of a row of alike cards, is a teaser of
another page (a "latest posts" grid, a post loop under the article)."""

TEASER_MIN_CARDS = 3

TEASER_DEPTH = 5
"""How far below the row of cards a card's heading may sit (levels of the layout, as
:func:`levels.boxes_up` counts them: the pages of 2000-2008 wrap each box in a one-cell table,
whose row and cell are no level of the page's own, and a wrapper ``<div>`` alone in its parent
is none either)."""

TEASER_SHARE = 0.5
"""Cards holding this share of the content's text are the page itself (a course catalogue)."""

_HEADINGS = ("h2", "h3", "h4", "h5", "h6")
_NOT_CARDS = frozenset(["p", "li", "tr", "td", "br", "span", "a", "img", *_HEADINGS])


def _teaser_cards(
    part: etree._Element, stats: dict[etree._Element, _Stats], site: _Site | None = None
) -> list[etree._Element]:
    """Rows of at least :data:`TEASER_MIN_CARDS` sibling cards of one kind (same tag and
    class), each short and holding a heading and a link: other pages' teasers. ``site``: the
    page's own site as :func:`prune` read it for ``part`` (read here when not given)."""
    site = site or _Site(part)
    cards: list[etree._Element] = []
    for _, items in _card_groups(part, by_shared_names=True, linked_titles=True):
        if (
            all(_teaser(item, stats, linked_title=True) for item in items)
            and sum(stats[item].text for item in items) < TEASER_SHARE * stats[part].text
            and not _text_follows(items[-1], part, stats, site, items)
            and _one_site(items)
        ):
            cards.extend(items)
    return cards


def _one_site(cards: list[etree._Element]) -> bool:
    """Whether most of the cards link to one site (a link without a host: the page's own): a
    site's teasers point to its own pages, a roundup's items ("10 projects from around the
    web") each to another site."""
    hosts: dict[str, int] = {}
    for card in cards:
        link = next((a for a in card.iter("a") if (a.get("href") or "#")[:1] != "#"), None)
        if link is None:
            continue
        try:
            host = urlsplit((link.get("href") or "").strip()).netloc.lower().removeprefix("www.")
        except ValueError:  # a malformed address ("http://[oops") names no site
            continue
        hosts[host] = hosts.get(host, 0) + 1
    return bool(hosts) and 2 * max(hosts.values()) >= len(cards)


def _card_groups(
    part: etree._Element, *, by_shared_names: bool = False, linked_titles: bool = False
) -> list[tuple[tuple[str, str], list[etree._Element]]]:
    """Each row's cards of one kind under ``part``: at least :data:`TEASER_MIN_CARDS` children
    of one element with the same tag and class (not text tags), with their (tag, class), row by
    row in document order; ``by_shared_names``: with the same tag and the class names they all
    share (:func:`_card_kinds`: cards named after their posts). A card holds a heading a few
    levels down (:data:`TEASER_DEPTH`, a layout table's cells not counted), so only the elements
    above headings are looked at as rows; ``linked_titles``: above a card's title written as a
    linked line instead of a heading (:func:`_linked_title`) too."""
    rows: dict[etree._Element, None] = {}
    sizes: dict[etree._Element, int] = {}  # len() of an lxml element counts its children: once each
    titles = list(part.iterdescendants(*_HEADINGS))
    titles.extend(b for b in part.iterdescendants("b", "strong") if _bold_title(b))
    if linked_titles:
        titles.extend(a for a in part.iterdescendants("a") if _linked_title(a))
    for heading in titles:
        for node in boxes_up(heading, TEASER_DEPTH):
            parent = node.getparent()
            if parent is None or node is part:
                break
            size = sizes.get(parent)
            if size is None:
                size = sizes[parent] = len(parent)
            if size >= TEASER_MIN_CARDS:
                rows[parent] = None
    found: list[tuple[tuple[str, str], list[etree._Element]]] = []
    for el in rows:
        children = [c for c in el if isinstance(c.tag, str) and c.tag not in _NOT_CARDS]
        groups: dict[tuple[str, str], list[etree._Element]] = {}
        kinds = _card_kinds(children) if by_shared_names else [c.get("class") or "" for c in children]
        for child, kind in zip(children, kinds, strict=True):
            groups.setdefault((child.tag, kind), []).append(child)
        found.extend((key, items) for key, items in groups.items() if len(items) >= TEASER_MIN_CARDS)
    return found


def _card_kinds(children: list[etree._Element]) -> list[str]:
    """Each child's kind: the class names that every classed child of its tag shares, when they
    are most of its names and at least :data:`CARD_SHARED_NAMES`; else its whole class. A post
    loop names every card after its post (``post-8812 category-sport``) beside the many names
    they all share (``post type-post status-publish hentry``): the card's own names do not make
    it a different kind, and one row is one kind. A side column's boxes sharing one name
    (``module module-archives``, ``module module-comments``) are different boxes."""
    tokens = [(c.get("class") or "").split() for c in children]
    common: dict[str, set[str]] = {}
    for child, names in zip(children, tokens, strict=True):
        if names:
            tag = str(child.tag)
            common[tag] = common[tag] & set(names) if tag in common else set(names)
    kinds: list[str] = []
    for child, names in zip(children, tokens, strict=True):
        shared = [n for n in names if n in common.get(str(child.tag), ())]
        alike = len(shared) >= CARD_SHARED_NAMES and 2 * len(shared) > len(names)
        kinds.append(" ".join(shared if alike else names))
    return kinds


CARD_SHARED_NAMES = 2
"""Class names a card must share with its siblings to be of their kind whatever its own names."""


TEASER_MOST = 2 / 3
"""Of the page's cards of one kind, at least this share must read as teasers (:func:`_teaser`)
for them to be a list of other pages: one long card among them is a featured teaser."""


def _teaser_rows(body: etree._Element, stats: dict[etree._Element, _Stats]) -> list[etree._Element]:
    """The page's teaser cards, before the article is chosen: cards of one kind (same tag and
    class, children of rows of at least :data:`TEASER_MIN_CARDS`, as in :func:`_teaser_cards`),
    wherever on the page their rows are (a "more stories" grid is often several rows of three),
    at least :data:`TEASER_MIN_CARDS` of them and :data:`TEASER_MOST` reading as teasers, holding
    less than :data:`TEASER_SHARE` of the page's text. Their one-sentence summaries are other
    pages' words: they do not vote for the element around them."""
    kinds: dict[tuple[str, str], list[etree._Element]] = {}
    for key, items in _card_groups(body):
        kinds.setdefault(key, []).extend(items)
    page = stats[body].text if body in stats else 0
    found: list[etree._Element] = []
    for items in kinds.values():
        teasers = [item for item in items if _teaser(item, stats)]
        if (
            len(teasers) >= TEASER_MIN_CARDS
            and len(teasers) >= TEASER_MOST * len(items)
            and sum(stats[item].text for item in teasers) < TEASER_SHARE * page
        ):
            found.extend(teasers)
    return found


TRAILING_PROSE = 100
"""Paragraph text after a row of cards that makes them part of the article, not end matter."""


def _ends_text(el: etree._Element, part: etree._Element, stats: dict[etree._Element, _Stats]) -> bool:
    """Whether no paragraph of the content follows ``el``: it comes after the article. A box
    whose tag puts it beside the article (:data:`SURE_BOXES`: the page's ``<footer>`` and its
    licence line) is no paragraph of it. In content written in ``<div>``s (see :func:`prune`)
    its ``<div>`` paragraphs count too: a roundup's cards with the article's text after them,
    every paragraph a ``<div>``, are the article's."""
    whole = stats.get(part)
    divs = whole is not None and whole.divs > whole.prose + whole.loose
    node: etree._Element | None = el
    while node is not None and node is not part:
        for sibling in node.itersiblings():
            if sibling.tag in SURE_BOXES:
                continue
            s = stats.get(sibling)
            if s is not None and s.prose + (s.divs if divs else 0) >= TRAILING_PROSE:
                return False
        node = node.getparent()
    return True


def _teaser(card: etree._Element, stats: dict[etree._Element, _Stats], linked_title: bool = False) -> bool:
    """Whether ``card`` reads as another page's teaser: short, with a heading and a link;
    ``linked_title``: a card opening with a linked line of a few words and holding more text
    after it (a service's or a post's card whose title is a link, not a heading) counts too."""
    s = stats.get(card)
    if s is None or not s.text or s.text > TEASER_CHARS:
        return False
    if next(card.iterdescendants(*_HEADINGS), None) is None and not any(map(_bold_title, card.iter("b", "strong"))):
        if not linked_title:
            return False
        first = next((a for a in card.iter("a") if (a.get("href") or "#")[:1] != "#"), None)
        return first is not None and _linked_title(first) and _opens(card, first) and s.links < s.text
    return any((a.get("href") or "#")[:1] != "#" for a in card.iter("a"))


def _bold_line(run: etree._Element) -> bool:
    """Whether the bold run ``run`` is a linked title line of its own: all the text of its parent
    block, a link to another page (a teaser's title set in bold type,
    ``<div><b><a href="/story">Title</a></b></div>``)."""
    parent = run.getparent()
    if (
        parent is None
        or parent.tag not in ("p", "div")
        or (parent.text or "").strip()
        or (run.tail or "").strip()
        or len(parent) != 1
        or (run.text or "").strip()
        or len(run) != 1
    ):
        return False
    link = run[0]
    return link.tag == "a" and (link.get("href") or "#")[:1] != "#" and not (link.tail or "").strip()


def _bold_title(run: etree._Element) -> bool:
    """Whether the bold run ``run`` is a card's title line: a linked one (:func:`_bold_line`), or
    a heading set as a bold line (:func:`_bold_head` of its block: a card whose title is no link,
    its link on the picture or the writer's name, ``<div><b>Title</b></div><p>Summary</p>``),
    as an ``<h3>`` title would be."""
    if _bold_line(run):
        return True
    parent = run.getparent()
    return parent is not None and _bold_head(parent)


SUBHEAD_WORDS = 15
"""A linked subhead (:func:`_linked_subheads`) is a line of at most this many words."""

SUBHEADS_MIN = 2
"""... and one of at least this many in the content: the sections of a roundup or a guide."""


def _subhead_link(el: etree._Element) -> etree._Element | None:
    """The link of ``el`` when ``el`` is a line of bold type that is one link and nothing else:
    a ``<p>`` or ``<div>`` holding one ``<b>``/``<strong>`` whose words are one link's (other,
    empty links beside it: a heading's hidden permalink icon; the item's number before it: "1.
    <a>Google's SEO Starter Guide</a>"), or one link holding one bold run
    (``<div><b><a href="#setup">Setup</a></b></div>``, ``<p><a><strong>Name</strong></a></p>``)."""
    if el.tag not in ("p", "div") or (el.text or "").strip():
        return None
    kids = [k for k in el if isinstance(k.tag, str)]
    if len(kids) != 1 or (kids[0].tail or "").strip():
        return None
    run = kids[0]
    if run.tag == "a":
        inner = [k for k in run if isinstance(k.tag, str)]
        if len(inner) != 1 or inner[0].tag not in ("b", "strong") or (run.text or "").strip():
            return None
        return None if (inner[0].tail or "").strip() else run
    if run.tag not in ("b", "strong") or not _ordinal(run.text):
        return None
    inside = [k for k in run if isinstance(k.tag, str)]
    if inside and inside[0].tag != "a" and _ordinal(inside[0].tail) and _number(text_content(inside[0])):
        inside.pop(0)  # an item's number ("<b><strong>10. </strong><a>Man with a Van</a></b>")
    if not inside or any(k.tag != "a" or (k.tail or "").strip() for k in inside):
        return None
    worded = [k for k in inside if text_content(k).strip()]
    return worded[0] if len(worded) == 1 else None


_ORDINAL = re.compile(r"\s*(?:#?\d{1,3}[.):]?)?\s*")


def _ordinal(text: str | None) -> bool:
    """Whether ``text`` is nothing, or a list item's number ("1.", "10)", "#3") alone."""
    return not text or _ORDINAL.fullmatch(text) is not None


def _number(text: str) -> bool:
    """Whether ``text`` is a list item's number alone (not nothing)."""
    return bool(text.strip()) and _ORDINAL.fullmatch(text) is not None


def _linked_subheads(part: etree._Element, stats: dict[etree._Element, _Stats]) -> list[etree._Element]:
    """The lines of bold type inside ``part`` that are one link each (:func:`_subhead_link`) of
    at most :data:`SUBHEAD_WORDS` words, each followed by text that is no such line, when
    ``part`` holds at least :data:`SUBHEADS_MIN` and they do not mostly link to one site
    (:func:`_one_site`; a link to a place on the page names no site): a guide's section headings
    set in bold with their permalinks, a roundup's items named by a link to each product or
    source. They head the text after them, as a heading would; a line next to another (a row
    of shops' buttons, a blogroll) or with no text after it heads nothing, and a site's links to
    its own other stories, however many, point to one site."""
    lines: list[etree._Element] = []
    for el in part.iterdescendants("p", "div"):
        link = _subhead_link(el)
        if link is not None and len(text_content(link).split()) <= SUBHEAD_WORDS:
            lines.append(el)
    if len(lines) < SUBHEADS_MIN:
        return []
    found = set(lines)
    runs: set[etree._Element] = set()
    for el in lines:
        after = _next_text(el, part, stats)
        if after is None or after in found:
            runs.update((el, after) if after is not None else (el,))
    heads = [el for el in lines if el not in runs]
    if len(heads) < SUBHEADS_MIN or (_one_site(heads) and not _sections(heads, part)):
        return []
    return heads


SECTION_HEADS = 5
"""Bold links to the site's own pages head sections when there are at least this many (a news
story sets up to four links to the site's other stories between its paragraphs) ..."""

SECTION_WORDS = 30
"""... and the text between one and the next holds this many words (the median of them): a
guide's venues or a course's chapters, each over its paragraphs, not a list of the site's other
stories, each over a teaser line ..."""

ALIKE_SECTIONS = 0.75
"""... and at least this share of those sections are alike in length (within a factor of two of
the median): the entries of a guide, not links to other stories set where the text allows."""


def _sections(heads: list[etree._Element], part: etree._Element) -> bool:
    """Whether ``heads``, lines of bold type each one link to the site's own pages, head the
    sections of ``part``: at least :data:`SECTION_HEADS` of them, the text between one and the
    next holding :data:`SECTION_WORDS` words (the median), and most of those sections
    (:data:`ALIKE_SECTIONS`) alike in length, within a factor of two of the median: a guide's
    entries are written to one pattern, links to other stories fall where the text allows."""
    if len(heads) < SECTION_HEADS:
        return False
    counts = sorted(_section_words(heads, part))
    median = counts[len(counts) // 2]
    alike = sum(1 for n in counts if median <= 2 * n and n <= 2 * median)
    return median >= SECTION_WORDS and alike >= ALIKE_SECTIONS * len(counts)


def _section_words(heads: list[etree._Element], part: etree._Element) -> list[int]:
    """The counts of words between one of ``heads`` and the next inside ``part``, in page order
    (what each heads, up to the next; what follows the last is left out: the article's end, or
    the page's)."""
    at = set(heads)
    inside = {el for head in heads for el in head.iter()}
    counts: list[int] = []
    words = -1  # (before the first head: nothing counted)
    for el in part.iter():
        if el in at:
            if words >= 0:
                counts.append(words)
            words = 0
        elif words >= 0 and el not in inside and isinstance(el.tag, str) and el.text:
            words += len(el.text.split())
        if words >= 0 and el.tail and (el in at or el not in inside):
            words += len(el.tail.split())
    return counts


def _bold_run(el: etree._Element) -> etree._Element | None:
    """The bold run that ``el``, a ``<p>`` or a ``<div>``, is made of alone (one ``<b>`` or
    ``<strong>`` of inline markup and nothing else, of at most :data:`SUBHEAD_WORDS` words),
    however it ends: a line set apart in bold type. ``None`` when ``el`` is no such line."""
    if el.tag not in ("p", "div") or (el.text or "").strip():
        return None
    kids = [k for k in el if isinstance(k.tag, str)]
    if len(kids) != 1 or kids[0].tag not in ("b", "strong") or (kids[0].tail or "").strip():
        return None
    if any(_tag(k) not in INLINE for k in kids[0].iterdescendants()):
        return None
    return kids[0] if 0 < len(text_content(kids[0]).split()) <= SUBHEAD_WORDS else None


def _bold_head(el: etree._Element) -> bool:
    """Whether ``el``, a ``<p>`` or a ``<div>``, is one run of bold type and nothing else
    (:func:`_bold_run`), closing no statement and no introduction (a question is a heading;
    "Supply list:" introduces what follows, see :func:`introduces`): a heading set as a bold
    line."""
    run = _bold_run(el)
    return run is not None and _STATEMENT_CLOSE.search(text_content(run).split()[-1]) is None


_STATEMENT_CLOSE = re.compile(r"[.!:;…][\"'”’)\]]?\Z")
"""How a line that is no heading ends: a statement's full stop, an introduction's colon."""


def _list_heads(part: etree._Element) -> list[etree._Element]:
    """The lines of bold type inside ``part`` (:func:`_bold_head`), when at least
    :data:`SUBHEADS_MIN` of them stand just above a list (the next element is a ``<ul>`` or an
    ``<ol>`` holding text): the content writes its headings as bold lines (a roundup's brands
    over their features, a checklist's stages over their tasks), and each such line is the
    heading it stands for. Read so, the edges keep each with its list after the last
    paragraph, and one repeated between the sections ("In conclusion") is no marker, as
    headings are not; a bold line alone after the text is furniture still."""
    lines = [el for el in part.iterdescendants("p", "div") if _bold_head(el)]
    over = 0
    for el in lines:
        after = el.getnext()
        while after is not None and not isinstance(after.tag, str):
            after = after.getnext()
        if after is not None and after.tag in ("ul", "ol") and text_content(after).strip():
            over += 1
    return lines if over >= SUBHEADS_MIN else []


def _next_text(el: etree._Element, part: etree._Element, stats: dict[etree._Element, _Stats]) -> etree._Element | None:
    """The first element after ``el`` inside ``part`` holding text (a following sibling of ``el``
    or of a box around it), or the line of bold type (:func:`_subhead_link`) its text opens with."""
    node: etree._Element | None = el
    while node is not None and node is not part:
        for sibling in node.itersiblings():
            if _texts(sibling, stats):
                while _subhead_link(sibling) is None and not (sibling.text or "").strip():
                    first = next((c for c in sibling if _texts(c, stats)), None)
                    if first is None:
                        break
                    sibling = first
                return sibling
        node = node.getparent()
    return None


def _texts(el: etree._Element, stats: dict[etree._Element, _Stats]) -> bool:
    s = stats.get(el)
    return s is not None and s.text > 0


LINKED_TITLE_WORDS = (2, 15)
"""A card's title written as a link: a line of this many words, all of it the link's."""


def _linked_title(a: etree._Element) -> bool:
    """Whether the link ``a`` is a title line: a block of its own (it holds a block element, or
    its parent holds nothing else) of :data:`LINKED_TITLE_WORDS` words, to another page."""
    if (a.get("href") or "#")[:1] == "#":
        return False
    # The shape first (cheap), the words of the few links that have it after.
    if not any(isinstance(c.tag, str) and c.tag in _TITLE_BLOCKS for c in a):
        parent = a.getparent()
        if (
            parent is None
            or parent.tag not in _TITLE_BLOCKS
            or len(parent) != 1
            or (parent.text or "").strip()
            or (a.tail or "").strip()
        ):
            return False
    words = len(text_content(a).split())
    return LINKED_TITLE_WORDS[0] <= words <= LINKED_TITLE_WORDS[1]


_TITLE_BLOCKS = frozenset(["p", "div", "span", "strong", "b"])


def _opens(card: etree._Element, a: etree._Element) -> bool:
    """Whether the link ``a`` holds the first words of ``card`` (no text before it)."""
    above = set(a.iterancestors())
    for el in card.iter():
        if el is a:
            return True
        if not isinstance(el.tag, str):
            continue
        if (el.text or "").strip() or (el is not card and el not in above and (el.tail or "").strip()):
            return False
    return False


TEASER_ITEM_WORDS = 40
"""A list item this short that opens with a link of a few words is a teaser of another page
("Ferry fares to rise in spring" and its one-sentence summary)."""


def _teaser_lists(
    part: etree._Element, stats: dict[etree._Element, _Stats], site: _Site | None = None
) -> list[etree._Element]:
    """Lists after the article's last paragraph whose every item (at least
    :data:`TEASER_MIN_CARDS`) opens with a headline link followed by a short summary: a
    related-stories list with a teaser sentence per story, too wordy for the link-list test.
    ``site``: as for :func:`_teaser_cards`."""
    site = site or _Site(part)
    found: list[etree._Element] = []
    for el in part.iterdescendants("ul", "ol"):
        items = [c for c in el if c.tag == "li"]
        if len(items) < TEASER_MIN_CARDS or len(items) != len(el):
            continue
        if all(_teaser_item(li) for li in items) and not _text_follows(el, part, stats, site):
            found.append(el)
    return found


_LINK_HOLDERS = frozenset([*_HEADINGS, "strong", "b", "span"])


def _teaser_item(li: etree._Element) -> bool:
    text = text_content(li)
    if len(text.split()) > TEASER_ITEM_WORDS or (li.text and li.text.strip()):
        return False
    # The item starts with a link (or a heading holding one) naming another page.
    node = next((c for c in li if isinstance(c.tag, str)), None)
    while node is not None and node.tag != "a" and node.tag in _LINK_HOLDERS:
        node = next((c for c in node if isinstance(c.tag, str)), None)
    if node is None or node.tag != "a" or (node.get("href") or "#")[:1] == "#":
        return False
    words = len(text_content(node).split())
    return words >= 3 and len(text.split()) > words


def page_headings(body: etree._Element, headlines: tuple[str, ...]) -> list[etree._Element]:
    """Headings giving the page's headline: an ``<h1>``-``<h3>`` whose text is the headline or
    is held in the title (at least :data:`HEADLINE_CHARS` long), unless it is the site's name:
    a heading linking to a home page (a blog's name, which the title holds too), or one with
    the same text as such a heading. The longest come first (a title joins the headline to the
    site's name, which is mostly the shorter; the page's own metadata may give the name as the
    headline), then page order."""
    wanted = [w for w in (_fold(h) for h in headlines) if len(w) >= HEADLINE_CHARS]
    if not wanted:
        return []
    found: list[tuple[etree._Element, str]] = []
    names: set[str] = set()
    for heading in body.iter("h1", "h2", "h3"):
        text = _fold(text_content(heading))
        if not any(text in w for w in wanted):
            text = _without_count(heading, text)
        if len(text) < HEADLINE_CHARS or not any(text in w for w in wanted):
            continue
        if any(links_home(a) for a in heading.iter("a")):
            names.add(text)
        else:
            found.append((heading, text))
    kept = [(heading, text) for heading, text in found if text not in names]
    # The longest first: a title joins the headline to the site's name, mostly the shorter.
    return [heading for heading, text in sorted(kept, key=lambda pair: -len(pair[1]))]


_COUNT = re.compile(r"\A(.*) (\d{1,6})\Z")


def _without_count(heading: etree._Element, text: str) -> str:
    """``text`` (the heading's, folded) without a number closing it that an element of the
    heading holds alone: a count of comments set beside the title
    (``<h2><a>Title</a> <span>69</span></h2>``), no word of it. Else ``text``."""
    found = _COUNT.fullmatch(text)
    if found is None:
        return text
    count = found.group(2)
    for el in heading.iterdescendants():
        if isinstance(el.tag, str) and (el.text or "").strip() == count and len(el) == 0:
            return found.group(1)
    return text


_HOME = re.compile(r"^(?:(?:https?:)?//[^/]+)?/?(?:index\.\w+)?$", re.I)
"""A link to a site's home page (``/``, ``https://site.example/``, ``index.html``)."""


def links_home(a: etree._Element) -> bool:
    """Whether ``a`` links to a site's home page, or holds the heading's words without an
    address (a section's jump label, ``<a name="part2">``, never the headline). An empty
    anchor (``<a id="post-7"/>``, a permalink's target beside the heading's text) is neither."""
    href = (a.get("href") or "").strip()
    if not href:
        return bool(text_content(a).strip())
    return _HOME.match(href) is not None


LINKED_CHOICE = 0.5
"""A chosen element with more link text than this share is a list of links (a "Most popular
posts" box, a blogroll), not an article."""

UNSURE_CHOICE = 4.0

POST_SHARE = 0.25
"""The box around the headline's heading inside the chosen element is the article when it holds
at least this share of the choice's paragraph text; the rest is beside it."""
"""A chosen element worth less than this many times the paragraph text of the post holding
the page's headline is no surer a choice than that post."""


@dataclass(slots=True)
class HeadlinePost:
    """The post holding the page's headline, taken instead of the scorer's choice."""

    post: etree._Element
    heading: str
    why: str
    by: str = "headline"
    """What anchored the post: the page's ``headline`` (a heading) or its ``description``."""


HEADLINE = "headline"
DESCRIPTION = "description"
TITLE = "heading"

DESCRIPTION_CHARS = 60
"""The page's description (its ``<meta name="description">``) anchors a post only when at least
this long (a sentence, not a site's tagline); its opening this long must be in one element."""


def _description_holder(body: etree._Element, description: str) -> etree._Element | None:
    """The smallest element whose text holds the opening of the page's description (blog
    engines make it from the post's first words), else ``None``."""
    want = _fold(description).rstrip(".…").strip()
    if len(want) < DESCRIPTION_CHARS:
        return None
    want = want[:DESCRIPTION_CHARS]
    start = want[:20]
    first = description.split()[0]  # as the page prints it: a cheap test before folding
    best: tuple[int, etree._Element] | None = None
    folded: dict[etree._Element, str] = {}  # each element's text folded once (the climbs share them)
    for el in body.iter():
        # The text, then the tail (its owner the parent), of each element in page order; the
        # parent is asked for only when the tail holds the first word (most elements: two
        # attribute reads).
        own, tail = el.text, el.tail
        if (not (own and first in own) and not (tail and first in tail)) or not isinstance(el.tag, str):
            continue
        for text, owner in ((own, el), (tail, el.getparent() if tail else None)):
            if owner is None or not text or first not in text or start not in _fold(text):
                continue
            node: etree._Element | None = owner
            while node is not None:
                held = folded.get(node)
                if held is None:
                    held = folded[node] = _fold(text_content(node))
                if want in held:
                    if best is None or len(held) < best[0]:
                        best = (len(held), node)
                    break
                node = node.getparent()
            else:
                # Not even the top holds it: no element does (an element's folded text is
                # part of its parent's: the runs are read character by character).
                return None
    if best is None:
        return None
    # An inline run that is all of its paragraph's text (a standfirst set as <p><i>...</i></p>)
    # stands for the paragraph: the paragraph is what holds the description (its share of the
    # post is measured so). A run among others between <br>s stays the holder.
    holder = best[1]
    while _tag(holder) in INLINE and (up := holder.getparent()) is not None:
        if len(_fold(text_content(up))) > best[0] + MIN_PARAGRAPH:
            break
        holder = up
    return holder


def headline_post(main: MainContent, body: etree._Element, description: str = "") -> HeadlinePost | None:
    """The element holding the page's headline and its text, when the scorer chose an element
    apart from it that reads like a sidebar's box, or one around it that adds as much again
    from beside it, else ``None``.

    A short post (a photo or a video with a sentence or two) loses to a longer box elsewhere on
    the page: a list of popular posts, the blog's description, a trackback notice. Two signals
    must agree before the choice is overridden: a heading gives the page's headline (see
    :func:`page_headings`) and the nearest box around it holding paragraph text (the post)
    lies apart from the choice, which holds none of those headings; and the choice is a list
    of links (more than :data:`LINKED_CHOICE` of its text) or is worth less than
    :data:`UNSURE_CHOICE` times the post's paragraph text.

    A post among a blog's columns loses the other way: the element holding the post and the
    columns beside it (archives with excerpts, a profile, other posts) scores higher than the
    post alone. When the choice holds the headline's heading, the nearest box around that
    heading holding paragraph text is taken if it holds at least :data:`POST_SHARE` of the
    choice's paragraph text (a heading's box holding less is the article's header: its
    headline and standfirst, with the text in a box beside it).

    A part of the article loses the same way when its tables and widgets outweigh the rest: the
    headline's boxes meet the choice, which holds little of the paragraph text of the box where
    they meet, before any of them holds text of its own; that box is the article
    (:func:`_meeting_post`).

    When the choice is only a heading (a title or a date line, see :func:`_title_post`), the
    box around it holding more text is the post: its own lines were too short to vote.

    When no heading anchors the post (its heading is too short to match the title, or the
    title is only the blog's name) and the choice does not hold the headline's heading, the
    page's ``description`` anchors it instead when the smallest element holding its opening
    (:data:`DESCRIPTION_CHARS`; blog engines make the description from the post's first words)
    lies in the post: the same tests apply, except that a description inside the choice is no
    measure of the post's share (it is often the article's first paragraph or introduction
    box), so only a choice whose text beside it is mostly links is narrowed to it."""
    taken = _anchored_post(main, body, description)
    return taken if taken is not None else _title_post(main, body)


def _anchored_post(main: MainContent, body: etree._Element, description: str) -> HeadlinePost | None:
    """The post :func:`headline_post` finds under the page's headline or description."""
    top = main.root
    heads = page_headings(body, main.headlines)
    if heads:
        inside = [h for h in heads if top in set(h.iterancestors())]
        if inside and inside[0] is heads[0]:
            taken = _post_inside(main, heads[0]) or _appended_post(main, heads[0])
        else:
            taken = None if inside else _post_apart(main, body, heads[0])
        if taken is not None:
            return taken
    anchor = _description_holder(body, description)
    if anchor is None or anchor is top or anchor in set(top.iterancestors()):
        return None
    if top in set(anchor.iterancestors()):
        return _post_inside(main, anchor, DESCRIPTION)
    return _post_apart(main, body, anchor, DESCRIPTION)


_ALL_HEADINGS = ("h1", *_HEADINGS)


APPENDED_LEVELS = 2
"""The headline's ``<h1>`` and another after it in the chosen element stand in boxes built alike
for at least this many levels (the heading's box and the article's): the page appends the next
article below the one asked for (infinite scroll)."""

APPENDED_LOOKS = 8
"""At most this many ``<h1>``s after the headline's are compared with it, each at most
``APPENDED_LOOKS`` levels up (the work stays linear however the page nests)."""


def _appended_post(main: MainContent, head: etree._Element) -> HeadlinePost | None:
    """The box around the headline's ``<h1>`` ``head`` that another ``<h1>`` after it in the
    chosen element repeats: the article asked for, the next one appended below it (infinite
    scroll). Where ``<article>`` marks each, the publisher's mark finds the post; with old markup
    the shared template is what is left. The two boxes are built alike for
    :data:`APPENDED_LEVELS` levels from their headings up (the same tags, each box sharing a class
    word with its fellow: the article's box may say "first" or "active" besides) and stand in
    boxes of their own, not side by side (an article's sections, each under an ``<h1>``, do);
    the other heading is not the headline again (a page printing it twice); the other box holds
    paragraph text (:data:`MIN_PARAGRAPH`: a menu's headings hold links), and the box taken holds
    at least :data:`POST_SHARE` of the choice's paragraph text, :data:`MIN_PARAGRAPH` of it after
    the heading."""
    top, stats, good = main.root, main.stats, main.good
    if _tag(head) != "h1":
        return None
    title = _fold(text_content(head))
    order = top.iter("h1")
    for other in order:
        if other is head:
            break
    for other in islice(order, APPENDED_LOOKS):
        a, b, levels = head, other, 0
        for _ in range(APPENDED_LOOKS):
            up_a, up_b = a.getparent(), b.getparent()
            if up_a is None or up_b is None or up_a is up_b or top in (up_a, up_b) or not _alike_box(up_a, up_b):
                break
            a, b, levels = up_a, up_b, levels + 1
        if levels < APPENDED_LEVELS or a.getparent() is b.getparent() or _fold(text_content(other)) == title:
            continue
        if good.get(b, 0.0) < MIN_PARAGRAPH or good.get(a, 0.0) < POST_SHARE * good.get(top, 0.0):
            continue
        if _said_after(head, a, stats) >= MIN_PARAGRAPH:
            heading = " ".join(text_content(head).split())
            why = f"another article follows it in a box built alike, under its own <h1> {_line(other)!r}"
            return HeadlinePost(a, heading, why)
    return None


def _alike_box(a: etree._Element, b: etree._Element) -> bool:
    """Whether ``a`` and ``b`` have one tag and share a class word."""
    return a.tag == b.tag and not set((a.get("class") or "").split()).isdisjoint((b.get("class") or "").split())


def _line(el: etree._Element) -> str:
    return " ".join(text_content(el).split())[:80]


def _title_only(el: etree._Element, stats: dict[etree._Element, _Stats]) -> bool:
    """Whether ``el`` is a line, never an article's text: all of its text is in headings (a
    title, a date header), or it holds no paragraph text (:func:`_paragraphs`) and is shorter than
    :data:`LABEL_CHARS` (a byline, "Written By: Ann Lee - Oct 31")."""
    if _tag(el) in _ALL_HEADINGS:
        return True
    s = stats.get(el)
    if s is None or not s.text or _paragraphs(s):
        return False  # a <p> inside is text (and the common case is decided without a walk)
    if s.text < LABEL_CHARS:
        return True
    held = 0
    for heading in el.iterdescendants(*_ALL_HEADINGS):
        if not any(_tag(a) in _ALL_HEADINGS for a in heading.iterancestors()):
            h = stats.get(heading)
            held += h.text if h is not None else 0
    return held >= s.text


def _title_post(main: MainContent, body: etree._Element) -> HeadlinePost | None:
    """The nearest box around the chosen element holding text beside it, when the choice is
    only a heading or a line (see :func:`_title_only`) and nothing anchored a post: a post of
    a sentence or two (shorter than :data:`MIN_PARAGRAPH`, so its text never voted) loses to
    its own title, the one element long enough to vote."""
    top, stats = main.root, main.stats
    if top is body or not _title_only(top, stats):
        return None
    own = stats[top].text
    node = top.getparent()
    while node is not None:
        s = stats.get(node)
        if s is not None and s.text > own:
            heading = " ".join(text_content(top).split())
            why = "a title or a date line, not text (the post's own lines were too short to count as paragraphs)"
            return HeadlinePost(node, heading, why, TITLE)
        if node is body:
            break
        node = node.getparent()
    return None


MENU_ABOVE_CHARS = 200
"""Paragraph text above a heading, with none after it, that makes the box around them a header
holding a menu of teasers with their blurbs, not the heading's post (a kicker or a date line
above a post's title, whose text is in a box the page fills later, is shorter)."""


def _menu_above(
    head: etree._Element,
    box: etree._Element,
    good: dict[etree._Element, float],
    stats: dict[etree._Element, _Stats],
) -> bool:
    """Whether ``box``, around the heading ``head``, holds at least :data:`MENU_ABOVE_CHARS` of
    paragraph text above it and less than :data:`MIN_PARAGRAPH` after it. In a box holding
    paragraphs written between ``<br>``s, the text written so after the heading counts as
    after it (:func:`_loose_after`): such text votes for the box that holds it, not for an
    element after the heading."""
    after = _text_after(head, box, good)
    s = stats.get(box)
    if after < MIN_PARAGRAPH and s is not None and s.loose:
        after += _loose_after(head, box, stats)
    return after < MIN_PARAGRAPH and good.get(box, 0.0) - after - good.get(head, 0.0) >= MENU_ABOVE_CHARS


def _text_after(head: etree._Element, box: etree._Element, good: dict[etree._Element, float]) -> float:
    """The paragraph text of ``box`` that follows ``head`` (inside it) in page order: at each
    level from ``head`` up to ``box``, the text of the boxes after it."""
    total = 0.0
    node: etree._Element | None = head
    while node is not None and node is not box:
        for sibling in node.itersiblings():
            total += good.get(sibling, 0.0)
        node = node.getparent()
    return total


def _post_apart(
    main: MainContent, body: etree._Element, head: etree._Element, by: str = HEADLINE
) -> HeadlinePost | None:
    """The nearest box around ``head`` (apart from the chosen element) holding paragraph text,
    when the choice is a list of links, or the nearest such box the choice is worth less than
    :data:`UNSURE_CHOICE` times, unless more than :data:`LISTED_POST` of that box's paragraph
    text besides its heading lies in its lists' items (:func:`_listed`: a "More galleries" list
    of other pages' titles and blurbs beside a gallery only a script shows is no post)."""
    top, good, stats = main.root, main.good, main.stats
    around = set(top.iterancestors())
    chosen = stats[top]
    linked = bool(chosen.text) and chosen.links > LINKED_CHOICE * chosen.text
    # The heading's own box holds no text of the post but the heading's (a title long enough to
    # vote as a paragraph): the post is the box around it that holds more.
    own = good.get(head, 0.0) if by == HEADLINE else 0.0
    node = head.getparent()
    boxed = False  # past the nearest box holding text: only a marked article or a box outweighing the choice
    # (A box outweighing the choice only when the publisher did not mark the choice as the article.)
    outweighs = float("inf") if _marked_article(top) else good.get(top, 0.0)
    while node is not None and node is not body and node not in around:
        held = good.get(node, 0.0)
        # A post's text follows its headline: a box whose paragraph text all lies above the
        # heading (a header region's menu of teasers with their blurbs) holds no post of it.
        if by == HEADLINE and _menu_above(head, node, good, stats):
            node = node.getparent()
            continue
        if held - own >= MIN_PARAGRAPH and (not boxed or _marked_article(node) or held >= outweighs):
            heading = " ".join(text_content(head).split())
            if linked:
                return HeadlinePost(
                    _grown_post(node, body, around, good, stats),
                    heading,
                    f"{chosen.links / chosen.text:.0%} of whose text is links",
                    by,
                )
            if main.worth < UNSURE_CHOICE * held and _listed(node, good) <= LISTED_POST * (held - own):
                why = (
                    f"worth {main.worth:.0f}, under {UNSURE_CHOICE:.0f} times the post's {held:.0f} "
                    "characters of paragraphs"
                )
                return HeadlinePost(node, heading, why, by)
            if boxed or by != HEADLINE:
                return None
            # The headline's own box (its standfirst) is no measure of the post: the article
            # the publisher marks around it (<article>, itemprop="articleBody"), still apart
            # from the choice, is asked too (an article above a second one the page appends),
            # and so is an unmarked box holding at least the paragraph text of an unmarked
            # choice (a page written before HTML5 marks no article; its post's links and share
            # bar made it lose to a footer's disclaimer).
            boxed = True
        node = node.getparent()
    if by == HEADLINE and node is not None and node is not body and node in around:
        return _meeting_post(main, head, node)
    return None  # the headline's box meets the choice before it holds enough text


MET_SHARE = POST_SHARE
"""The box where the headline's boxes meet the chosen element is the article when the choice
holds less than this share of its paragraph text (see :func:`_meeting_post`)..."""

MET_AFTER = 0.5
"""... and at least this share of that text follows the headline (a post's text follows its
headline; a page's header holding it above the text, a menu's blurbs, does not)."""


def _meeting_post(main: MainContent, head: etree._Element, box: etree._Element) -> HeadlinePost | None:
    """``box``, the nearest box around both the headline's heading ``head`` and the chosen
    element, when the choice holds less than :data:`MET_SHARE` of its paragraph text, most of
    that text follows the heading (:data:`MET_AFTER`) and the box is mostly not links
    (:data:`LINKED_CHOICE`): the article, of which the scorer chose one part. Its tables and
    lists of data (a study's time series, a roundup's review widgets) outweigh the paragraphs
    around them, and once no ``<article>`` marks the whole (pages written before HTML5) one
    box holding a long paragraph scores best."""
    good, stats = main.good, main.stats
    held = good.get(box, 0.0)
    s = stats.get(box)
    if s is None or not held or good.get(main.root, 0.0) >= MET_SHARE * held or s.links > LINKED_CHOICE * s.text:
        return None
    if _text_after(head, box, good) < MET_AFTER * held:
        return None
    why = f"{held - good.get(main.root, 0.0):.0f} of whose {held:.0f} characters of paragraphs lie beside the choice"
    return HeadlinePost(box, " ".join(text_content(head).split()), why)


LISTED_POST = 0.5
"""A box under the headline with more than this share of its paragraph text (besides the
heading's) in list items is a list of other pages, not the post an unsure choice gives way to."""


def _listed(box: etree._Element, good: dict[etree._Element, float]) -> float:
    """The paragraph text of the list items in ``box`` (outermost items only): a list of other
    pages' headlines with a line of blurb each ("More galleries") is no post's own text."""
    total = 0.0
    for item in box.iterdescendants("li"):
        if not any(a.tag == "li" for a in item.iterancestors()):
            total += good.get(item, 0.0)
    return total


GROWN_POST = 2.0
"""A box around the headline's box holding this many times its paragraph text, few of them
links, is the post the headline's box (the heading and its byline) only opens."""


def _grown_post(
    node: etree._Element,
    body: etree._Element,
    around: set[etree._Element],
    good: dict[etree._Element, float],
    stats: dict[etree._Element, _Stats],
) -> etree._Element:
    """``node``, the nearest box around the headline holding paragraph text, or the box around
    it (still apart from the choice) holding :data:`GROWN_POST` times its paragraph text with
    few links, and so on up: a page's header box holds the headline and the byline, the box
    around it the text too (Express's live blog, whose chosen list of links the headline
    overrode, kept only the header box). A wrapper holding no more text than the box inside it
    (a one-cell table's row and table around its cell) is passed over: the box around the
    wrapper is asked."""
    box = wrapper = node
    while True:
        up = wrapper.getparent()
        if up is None or up is body or up in around:
            return box
        s = stats.get(up)
        if s is not None and (inner := stats.get(wrapper)) is not None and s.text == inner.text:
            wrapper = up
            continue
        held = good.get(up, 0.0)
        if s is None or held < GROWN_POST * good.get(box, 0.0) or s.links > LINKED_CHOICE * s.text:
            return box
        box = wrapper = up


def _marked_article(el: etree._Element) -> bool:
    """An element the publisher marks as an article (``<article>``, ``itemprop="articleBody"``,
    a class like ``entry-content``): see :func:`_semantic_bonus`."""
    if _tag(el) == "article" or el.get("itemprop") == "articleBody":
        return True
    hint = _hint(el)
    return bool(hint) and _article_body_hint(hint)


HEADER = re.compile(r"(?:^|[-_ ])(?:header|heading|headline|title)(?:_area|-area)?(?:$|[-_ ])", re.I)
"""Class/id words of the box around an article's headline and byline (``entry-header``,
``post-title``, ``headline_area``), which is not the article's text."""


def _header(el: etree._Element) -> bool:
    return _tag(el) == "header" or HEADER.search(_hint(el)) is not None


BESIDE_LINKS = 0.5
POST_PROSE = 0.5
"""A box around the headline holding less than :data:`POST_SHARE` of the choice's paragraph
text is still the post when at least this share of the choice's text beside it is links and
at least this share of its own text is paragraphs."""


SIDE_COLUMN = re.compile(r"(?:side-?bar|aside)\d*", re.I)
"""A class or id that is, whole, the name of a page's side column (``sidebar``, ``sidebar2``),
not a layout grid's part (``sidebar-grid__content``, ``lg:mr-[--sidebar-width]``)."""

SIDE_SHARE = 0.5
"""The post around the headline inside the chosen element is the article when at least this
share of the choice's paragraph text beside it lies in side columns (:func:`_side_columns`)."""


BODY_SHARE = 0.5
"""The nearest box around the headline holding paragraph text besides the heading's is the post
when it holds more than this share of the choice's text that follows the headline (see
:func:`_holds_body`)."""

BEFORE_SHARE = 0.5
"""... and the text before it in its parent is at most this share of its own."""


def _holds_body(
    head: etree._Element, box: etree._Element, top: etree._Element, stats: dict[etree._Element, _Stats]
) -> tuple[int, int] | None:
    """The text ``box`` holds after the headline's heading ``head`` and the text the chosen
    element ``top`` holds after it, the figures weighed, when ``box`` (the nearest box around
    ``head`` holding paragraph text besides the heading's) holds the article's body, else
    ``None``. It does when it holds more than :data:`BODY_SHARE` of the
    chosen element's (``top``'s) text that follows the heading in page order, at least
    :data:`MIN_PARAGRAPH` of it, and text before it in its parent of at most
    :data:`BEFORE_SHARE` of its own (text outside links, :func:`_said_after`; the box taken as
    the outermost element around it holding no more text, as a table's cell is its table).

    A post's text follows its headline. What the choice holds before the heading elsewhere (a
    side column set before the post in the page: a blog's profile, its tags, its archive) is no
    part of it, and a side column after the post, when it holds as much, keeps the choice whole.
    An article's header box (the headline and its standfirst) beside the box holding the text
    holds little of what follows the headline, and the choice stands; so does a heading deep in
    an article or after it that repeats the title (the article's text lies before its box).
    Text is counted outside links, loose text between ``<br>``s too: a list of other stories'
    linked titles holds none, and an article written without ``<p>``s as much as with."""
    held = _said_after(head, box, stats)
    if held < MIN_PARAGRAPH:
        return None
    after = _said_after(head, top, stats, box)
    if held <= BODY_SHARE * after:
        return None
    s = stats.get(box)
    if s is None:
        return None
    # The box as the page lays it out: the outermost element around it holding no more text
    # (a table's row and the table around a cell, a wrapper around a wrapper).
    outer = box
    while (up := outer.getparent()) is not None and up is not top and (u := stats.get(up)) and u.text == s.text:
        outer = up
    return (held, after) if _said_before(outer, stats) <= BEFORE_SHARE * (s.text - s.links) else None


def _unlinked(el: etree._Element, stats: dict[etree._Element, _Stats]) -> int:
    """The text of ``el`` outside links, and its tail (loose text after it)."""
    s = stats.get(el)
    tail = el.tail
    return (s.text - s.links if s is not None else 0) + (len(tail.strip()) if tail else 0)


def _said_after(
    head: etree._Element, box: etree._Element, stats: dict[etree._Element, _Stats], post: etree._Element | None = None
) -> int:
    """The text outside links of ``box`` that follows ``head`` (inside it) in page order: at each
    level from ``head`` up to ``box``, the loose text after it and the boxes after it, but for
    those marked as beside the text (:data:`BESIDE_TAGS`) and, from :data:`WIDGET_LEVELS` levels
    above ``post`` (the box around ``head`` asked to be the post) up, a column of widgets apart
    from the post in its words (:func:`_widget_column`)."""
    total = 0
    words: set[str] | None = None
    above = -1  # (levels above the post, once met)
    node: etree._Element | None = head
    while node is not None and node is not box:
        if node is post:
            above = 0
        elif above >= 0:
            above += 1
        if above == WIDGET_LEVELS and post is not None:
            words = _long_words(post)
        tail = node.tail
        if tail:
            total += len(tail.strip())
        for sibling in node.itersiblings():
            if sibling.tag in BESIDE_TAGS or (words and _widget_column(sibling, stats, words)):
                continue
            total += _unlinked(sibling, stats)
        node = node.getparent()
    return total


WIDGET_LEVELS = 3
"""A side column parts from the post's line of boxes at least this many levels above the post
(the page's columns, not the post's own parts): the boxes set right after a short post's
introduction (a listicle's items, an FAQ) are its text, whatever their size."""


WIDGETS_MIN = 3
"""A side column holds at least this many widgets: boxes sharing a class word (hashed names keep
them alike), each opening with its heading ("Disclaimer", "Share News and Rumors", "Who is the
Dude behind DudeCraft?"), at least half of them holding less than :data:`MIN_PARAGRAPH` of text
outside links besides it (a search box, a login, the archive's links, an ad's slot): an article's
items, a listicle's or an FAQ's, each hold text of their own."""

WIDGET_WORDS = 0.3
"""... and the column repeats fewer than this share of the post's distinct words (of four
letters or more): a later part of the article comes back to its words; a blog's disclaimer,
its author's profile and its archive do not."""

_LONG_WORD = re.compile(r"\w{4,}")


def _long_words(el: etree._Element) -> set[str]:
    return {w.casefold() for w in _LONG_WORD.findall(" ".join(el.itertext())) if not w.isdigit()}


def _widget_column(el: etree._Element, stats: dict[etree._Element, _Stats], post_words: set[str]) -> bool:
    """Whether ``el`` (or the box it wraps alone) is a column of widgets (:data:`WIDGETS_MIN`)
    holding at least half of its text besides their headings, apart from the post in its words
    (:data:`WIDGET_WORDS`; ``post_words``, the post's): a blog's side column set after a short
    post, its profile, disclaimer and archive as long as the post or longer."""
    node = el
    while len(kids := [k for k in node if isinstance(k.tag, str)]) == 1:
        node = kids[0]
    if len(kids) < WIDGETS_MIN:
        return False
    alike: dict[str, list[etree._Element]] = {}
    for kid in kids:
        for word in dict.fromkeys((kid.get("class") or "").split()):  # (the page's order breaks ties)
            alike.setdefault(word, []).append(kid)
    run = [kid for kid in max(alike.values(), key=len, default=[]) if _opens_with_heading(kid)]
    if len(run) < WIDGETS_MIN:
        return False
    headings = [_heading_said(kid, stats) for kid in run]
    said = [_unlinked(kid, stats) - heading for kid, heading in zip(run, headings, strict=True)]
    if 2 * sum(1 for n in said if n < MIN_PARAGRAPH) < len(run):
        return False
    if 2 * sum(said) < _unlinked(node, stats) - sum(headings):
        return False
    return len(post_words & _long_words(node)) < WIDGET_WORDS * len(post_words)


def _widget_heading(el: etree._Element) -> bool:
    """Whether ``el`` is a heading, or a ``<p>`` or ``<div>`` that is one set in bold type."""
    return el.tag in _ALL_HEADINGS or (el.tag in ("p", "div") and _bold_head(el))


def _heading_said(box: etree._Element, stats: dict[etree._Element, _Stats]) -> int:
    """The text outside links of the first heading in ``box`` (its tail aside), or of its first
    heading set as a bold line (:func:`_bold_head`)."""
    heading = next((el for el in box.iterdescendants(*_ALL_HEADINGS, "p", "div") if _widget_heading(el)), None)
    s = stats.get(heading) if heading is not None else None
    return s.text - s.links if s is not None else 0


def _opens_with_heading(el: etree._Element) -> bool:
    """Whether the first text inside ``el`` is a heading's (or a bold line's that stands for
    one, :func:`_bold_head`: a widget's title written "<p><b>Disclaimer</b></p>")."""
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if node is el or not isinstance(node.tag, str):
            continue
        if event == "start" and _widget_heading(node):
            return True
        if ((node.text if event == "start" else node.tail) or "").strip():
            return False
    return False


BESIDE_TAGS = frozenset(["aside", "footer", "nav"])
"""Elements after the headline that the publisher marks as beside the text (a side column, the
page's or the post's footer, a menu): none of their text is the article's body (see
:func:`_said_after`)."""


def _said_before(box: etree._Element, stats: dict[etree._Element, _Stats]) -> int:
    """The text outside links before ``box`` in its parent: the boxes and loose text before it."""
    parent = box.getparent()
    if parent is None:
        return 0
    total = len(parent.text.strip()) if parent.text else 0
    for sibling in box.itersiblings(preceding=True):
        total += _unlinked(sibling, stats)
    return total


def _side_columns(post: etree._Element, top: etree._Element, good: dict[etree._Element, float]) -> float:
    """The paragraph text, inside ``top``, of the boxes beside ``post`` (siblings of it or of
    a box around it) that are a page's side column: an ``<aside>``, ``role="complementary"``
    or a class/id naming one (:data:`SIDE_COLUMN`)."""
    total = 0.0
    node = post
    while node is not top:
        parent = node.getparent()
        if parent is None:
            break
        for sibling in parent:
            if sibling is node or not isinstance(sibling.tag, str) or sibling not in good:
                continue
            if _side_column(sibling):
                total += good[sibling]
        node = parent
    return total


def _side_column(el: etree._Element) -> bool:
    if el.tag == "aside" or el.get("role") == "complementary":
        return True
    return any(SIDE_COLUMN.fullmatch(name) for name in _hint(el).split())


def _beside_links(main: MainContent, post: etree._Element, heading: str, by: str) -> HeadlinePost | None:
    """``post`` taken when it is mostly paragraphs and the chosen element's text beside it mostly
    links (:data:`BESIDE_LINKS`, :data:`POST_PROSE`), else ``None``."""
    chosen, own = main.stats[main.root], main.stats[post]
    beside, linked = chosen.text - own.text, chosen.links - own.links
    if beside <= 0 or linked < BESIDE_LINKS * beside:
        return None
    # Paragraphs written between <br>s or as <div>s count when the box writes a sentence: a
    # headline's box holding a byline line ("Posted by ... on July 24") is no post.
    if own.prose >= POST_PROSE * own.text or (_paragraphs(own) >= POST_PROSE * own.text and _writes_sentence(post)):
        return HeadlinePost(post, heading, f"{linked / beside:.0%} of whose text beside the post is links", by)
    return None


def _writes_sentence(el: etree._Element) -> bool:
    """Whether a line of ``el`` (its text cut at ``<br>``s and at block elements) writes a
    sentence: :data:`SENTENCE_WORDS` words or more, one of them closing a sentence. A byline
    ("Posted by timothy on Tuesday July 24, @11:25AM") or a blog's tagline under its name ("an
    insider's perspective, technical tips n' tricks in the era of ...") writes none."""
    line: list[str] = []

    def sentence() -> bool:
        text = " ".join(line)
        line.clear()
        return len(text.split()) >= SENTENCE_WORDS and _SENTENCE_END.search(text) is not None

    for event, node in etree.iterwalk(el, events=("start", "end")):
        tag = node.tag
        if not isinstance(tag, str):
            continue
        if (tag == "br" or tag not in INLINE) and sentence():
            return True
        text = node.text if event == "start" else (node.tail if node is not el else None)
        if text and text.strip() and not (event == "start" and tag in UNMEASURED):
            line.append(text.strip())
    return sentence()


def _standfirst(
    head: etree._Element, box: etree._Element, stats: dict[etree._Element, _Stats], good: dict[etree._Element, float]
) -> bool:
    """Whether ``box`` holds the page's description as one paragraph (``head``, which holds no
    block inside) and no other paragraph text: a standfirst. A description spread over several
    paragraphs of a box is a short post's whole text, and the box is the post."""
    s = stats.get(head)
    return (
        s is not None
        and not s.blocks
        and not _cut_by_br(head)
        and good.get(box, 0.0) - good.get(head, 0.0) < MIN_PARAGRAPH
    )


def _cut_by_br(el: etree._Element) -> bool:
    """Whether a ``<br>`` inside ``el`` stands between two runs of its text: lines (paragraphs
    written between ``<br>``s, in pages without ``<p>``), not one paragraph."""
    seen = cut = False
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if not isinstance(node.tag, str):
            continue
        text = node.text if event == "start" else (node.tail if node is not el else None)
        if event == "start" and node.tag == "br":
            cut = seen
        elif text and text.strip():
            if cut:
                return True
            seen = True
    return False


def _around_standfirst(
    box: etree._Element, top: etree._Element, good: dict[etree._Element, float]
) -> etree._Element | None:
    """The nearest element around ``box`` (inside ``top``) holding at least as much paragraph
    text again as ``box``, which holds the page's description and nothing else: a standfirst
    printed in its own box, beside the article's paragraphs in another. ``None``
    when no element below ``top`` adds that much (a photo post whose only text is the
    description)."""
    held = good.get(box, 0.0)
    node = box.getparent()
    while node is not None and node is not top:
        more = good.get(node, 0.0) - held
        if more >= MIN_PARAGRAPH:
            return node if more >= held else None
        node = node.getparent()
    return None


def _post_inside(main: MainContent, head: etree._Element, by: str = HEADLINE) -> HeadlinePost | None:
    """The post :func:`_post_found_inside` finds around ``head``, unless its paragraph text lies
    above a heading that anchors it (:func:`_menu_above`): a post's text follows its headline,
    and a box holding the headline under a header's menu of teasers with their blurbs holds no
    post of it (the choice stands)."""
    taken = _post_found_inside(main, head, by)
    if taken is not None and by == HEADLINE and _menu_above(head, taken.post, main.good, main.stats):
        return None
    return taken


def _post_found_inside(main: MainContent, head: etree._Element, by: str = HEADLINE) -> HeadlinePost | None:
    """The nearest box around ``head`` (inside the chosen element) holding paragraph text, when
    it holds at least :data:`POST_SHARE` of the choice's paragraph text and is not the choice,
    or when it is mostly paragraphs and the choice's text beside it mostly links
    (:data:`BESIDE_LINKS`, :data:`POST_PROSE`), or when :data:`SIDE_SHARE` of the choice's
    paragraph text beside it lies in side columns (:func:`_side_columns`; a box holding no
    paragraph text but the heading's is passed over for this test only)."""
    top, good, stats = main.root, main.good, main.stats
    own = good.get(head, 0.0) if by == HEADLINE else 0.0
    titled = False  # past the heading's own box: only the side columns are asked
    node = head.getparent()
    while node is not None and node is not top:
        held = good.get(node, 0.0)
        if held >= MIN_PARAGRAPH and not _header(node):
            heading = " ".join(text_content(head).split())
            if not titled and by == HEADLINE and held >= POST_SHARE * good[top]:
                why = f"{good[top] - held:.0f} of whose {good[top]:.0f} characters of paragraphs lie beside the post"
                return HeadlinePost(node, heading, why, by)
            # A short post beside long columns of links (a blog's recent posts, archives and
            # blogroll): what lies beside it is mostly links, and the post is prose.
            if not titled:
                boxes = [node]
                if by == DESCRIPTION and _standfirst(head, node, stats, good):
                    # The description printed as one paragraph in a box of its own (a
                    # standfirst) is the post's introduction: the box around it holding the
                    # text is asked first.
                    wider = _around_standfirst(node, top, good)
                    if wider is not None:
                        boxes.insert(0, wider)
                for box in boxes:
                    taken = _beside_links(main, box, heading, by)
                    if taken is not None:
                        return taken
            if by == HEADLINE and held - own < MIN_PARAGRAPH:
                # The heading's own box (no paragraph text but the heading's): the post
                # around it is asked whether a side column outweighs it.
                titled = True
            else:
                # A side column that strip_page kept for the paragraphs it holds (a blog's
                # profile, a sidebar of teasers with a sentence each) outweighs the post.
                side = _side_columns(node, top, good)
                if by == HEADLINE and side >= SIDE_SHARE * (good[top] - held):
                    why = (
                        f"{side:.0f} of whose {good[top]:.0f} characters of paragraphs lie in a side column "
                        "beside the post"
                    )
                    return HeadlinePost(node, heading, why, by)
                if by == HEADLINE and (said := _holds_body(head, node, top, stats)) is not None:
                    why = (
                        f"it holds {said[0]} of the {said[1]} "
                        "characters of text outside links that follow the headline in the choice"
                    )
                    return HeadlinePost(node, heading, why, by)
                return None
        node = node.getparent()
    return None
