"""Reader comments told by their shape, not their names.

Main-content extraction drops a thread of reader comments by its class and id words
(``comments``, ``commentlist``, ``disqus``). A page whose names mean nothing (CSS modules'
hashes, another language's words, an old template's ``div.post``) keeps it, and a thread holds
more paragraph text than the article it follows, so it can even be chosen instead of the
article. A thread has a shape of its own, whatever the site: posts repeating one structure (one
tag, their classes often alternating), each carrying a short line with a date and a clock time
("Posted by Ann at May 4, 2012 7:21 AM", "#1 - Tue Jul 24, 2012 10:14 AM EDT") and prose of its
own, after the article's text.
:func:`drop_threads` finds such a run of posts among one element's children and drops it
before the main content is chosen, with an entry in the region log saying why.

Three guards keep the article: a thread never holds an ``<h1>``, at least
:data:`TEXT_BEFORE` characters of text come before it on the page (a blog's front page, whose
posts are time-stamped too, has nothing before its first; a dateline is one stamp, not
three), and the stamped posts sit close together (at most :data:`POST_GAP` elements apart, the median): a
few time-stamped teasers between an article's paragraphs are not posts with prose of their own.

Many blog engines stamp a post with its date alone ("27. Jun, 2012 / Sara says:"). A date says
less than a time of day: an article's own items carry dates too (a history in dated entries,
a list of books with their release dates). So a short line with a whole date and no clock time
(:data:`DATED_WORDS`) counts as a post's stamp only when the article's own day is known (its
published date, else the date in its address, else the first dated line on the page before the
thread: its dateline) and no post of the thread is dated before it: readers comment on an
article after it appears, while the dates an article lists are mostly of earlier things.

A blog engine may print the entry itself like its readers' posts (a box with a stamp line,
children of the same column, each post's class naming its poster): the run of stamped boxes then
starts with the article, and nothing comes before it. The first box is taken for the article, and
the rest for its readers' posts, when its class is none of theirs and none of them is dated
before it (a front page lists its entries newest first).

Some templates print no stamp at all. Where replies are printed inside the posts they answer,
each built as its post is, the nesting is the thread's sign (:func:`_nested_replies`: a script
may fill in the dates, Slashdot's). Elsewhere the post opens with its poster's name in a
``<cite>`` (blog engines' markup for a comment's author), alone in its box, and the comment
follows in a box of its own. Such a signature counts as a stamp where it opens the post; a
``<cite>`` inside a sentence is a work's title, not a name.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Container
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise
from typing import Any, TypeVar

from lxml import etree
from newsclean.cleaners.content import (
    HEADLINE_CHARS,
    INLINE,
    UNMEASURED,
    VERBATIM,
    _fold,
    _remeasure,
    _Stats,
    page_headings,
    remove_keeping_tail,
)
from newsclean.cleaners.dates import MONTH_NAMES
from newsclean.cleaners.levels import boxes_up
from newsclean.cleaners.line_model import word_count
from newsclean.cleaners.page_chrome import (
    STAMP_AGO,
    STAMP_DATE,
    STAMP_WORDS,
    THREAD_HEADING,
    comments_heading,
    holds_clock_time,
)
from newsclean.cleaners.regions import RegionLog

__all__ = [
    "MIN_POSTS",
    "POST_GAP",
    "TEXT_BEFORE",
    "Thread",
    "comment_headings",
    "cut_after_comments",
    "drop_threads",
    "find_threads",
    "reference_day",
    "whole_date",
]

_T = TypeVar("_T")

MIN_POSTS = 3
"""This many time-stamped posts with prose of their own make a thread."""

POST_PROSE = 100
"""A post's own text, links aside, is at least this many characters (its stamp included), or
a sibling just before or after it (not a ``<p>``: a post's body box, ``<dd>``) holds
:data:`BODY_PROSE`."""

BODY_PROSE = 60

POST_GAP = 3
"""The stamped posts are at most this many of their parent's children apart (the median)."""

TEXT_BEFORE = 250
"""Characters of text (runs of at least :data:`TEXT_RUN` characters, outside links) before the
thread on the page: the article it follows (a photo post's two paragraphs are one). A blog's
front page, whose entries may be stamped like posts, has nothing before its first; a heading
giving the page's headline before the run stands in for the text (see :func:`find_threads`)."""

TEXT_RUN = 80

STAMP_CHARS = 200
"""An element whose whole text is shorter than this may be a stamp line."""

_STAMPABLE = frozenset(
    [
        "p",
        "div",
        "li",
        "dt",
        "dd",
        "td",
        "th",
        "section",
        "article",
        "blockquote",
        "header",
        "footer",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "address",
        "cite",
        "span",
        "small",
        "time",
        "a",
        "strong",
        "b",
        "em",
        "i",
        "abbr",
        "font",
    ]
)

REASON = (
    "reader comments told by their shape ({posts} alike posts with a date and a time or how long ago, from {first!r})"
)
DATED_REASON = (
    "reader comments told by their shape ({posts} alike posts with a date, none before the article's {day}, "
    "from {first!r})"
)

NESTED_REASON = "reader comments told by their shape ({posts} alike posts holding their replies, from {first!r})"

DATED_WORDS = 8
"""A line of at most this many words holding a whole date (day, month and year) and no clock time
may be a post's stamp (see the module's docstring)."""

DATE_SLACK = timedelta(days=1)
"""A post dated this much before the article's day still counts as after it (time zones)."""

_ENGLISH_MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
]
"""English month names and their abbreviations (``dates.MONTH_NAMES`` leaves out the English
full names and "mar", a word in other languages; in a short line with a day and a year it is a
month)."""
_MONTHS = {**MONTH_NAMES, **{name: n % 12 + 1 for n, name in enumerate(_ENGLISH_MONTHS)}}
_MONTH = "|".join(sorted((re.escape(name) for name in _MONTHS), key=len, reverse=True))
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(\d{{1,2}})\.?\s*(?:de\s+)?\b({_MONTH})\b\.?,?\s*(?:de\s+)?(\d{{4}})(?!\d)", re.I
)
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH})\b\.?\s+(\d{{1,2}}),?\s+(\d{{4}})(?!\d)", re.I)
_YEAR_MONTH_DAY = re.compile(r"(?<![\d.])((?:19|20)\d\d)\s*[-/.年년]\s*(\d{1,2})\s*[-/.月월]\s*(\d{1,2})(?![\d.])")
_NUMERIC = re.compile(r"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2((?:19|20)\d\d)(?![\d./])")
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.I)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_URL_DAY = re.compile(r"/((?:19|20)\d\d)/(\d{1,2})(?:/(\d{1,2}))?/")


def _day_of(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def whole_date(text: str) -> date | None:
    """The whole date (day, month and year) ``text`` holds, else ``None``: "27. Jun, 2012",
    "October 23rd, 2012", "2012-10-23", "23.10.2012", "09/06/2012" (slashes read month first
    unless the first number cannot be a month)."""
    text = _ORDINAL.sub("", text)
    if m := _YEAR_MONTH_DAY.search(text):
        return _day_of(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _NUMERIC.search(text):
        first, second, year = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if m.group(2) == "/" and first <= 12:
            return _day_of(year, first, second)
        return _day_of(year, second, first)
    if m := _DAY_MONTH_YEAR.search(text):
        return _day_of(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    if m := _MONTH_DAY_YEAR.search(text):
        return _day_of(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    return None


def reference_day(published: str | None, url: str | None) -> date | None:
    """The article's own day: its published date when the page gives one, else the date in its
    address (``/2012/10/29/``; ``/2012/10/`` gives the month's first day), else ``None``."""
    if published and (day := whole_date(published[:40])) is not None:
        return day
    if url and (m := _URL_DAY.search(url)):
        return _day_of(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    return None


HEADED = "reader comments under their heading {heading!r} ({posts} alike posts with a date, from {first!r})"

HEADING_CHARS = 200
"""A comments heading ("48 Responses to “...”", "{ 17 comments }", "Comments (408)") is an
element whose whole text is shorter than this and reads as one (see
:func:`~newsclean.cleaners.page_chrome.comments_heading`)."""

DATE_LINE_CHARS = 120
"""A post's date line (the poster's name and a date, no clock time needed under a heading) is
an element inside it whose whole text is shorter than this."""

HEADED_POST_TEXT = 40
"""Under a comments heading, a post holds at least this much text outside links (its name and
date line included): "Congratulations!" under a stamp is a post there."""

HEADING_REACH = 3
"""The posts under a comments heading are looked for in the siblings after it, after its parent
and after its grandparent (a heading in its own box, that box in the thread's section): levels
of the layout, as :func:`levels.boxes_up` counts them (a one-cell table's row and cell are none)."""

SIBLINGS_LOOKED = 4
"""... in the first this many such siblings ..."""

ELEMENTS_LOOKED = 60
"""... and among the first this many elements inside each."""

POST_ELEMENTS_LOOKED = 30
"""A post's date line is looked for among its first this many elements."""


@dataclass(slots=True)
class Thread:
    """A run of ``region`` (children of one element) holding ``posts`` alike time-stamped posts."""

    region: list[etree._Element]
    posts: int
    after: date | None = None
    """The article's day, when posts stamped with a date alone were counted."""
    heading: str = ""
    """The comments heading the thread was found under, when it was (its posts' stamps may have
    no clock time)."""
    nested: bool = False
    """Found by its replies nested in the posts they answer, built alike (see
    :func:`_nested_replies`): its posts may carry no stamp at all."""


def _stamp(text: str) -> bool:
    return word_count(text) <= STAMP_WORDS and (
        (holds_clock_time(text) and bool(STAMP_DATE.search(text))) or _ago(text)
    )


def _ago(text: str) -> bool:
    """``STAMP_AGO.search(text)``, asked only of text holding one of its words when the text is
    ASCII (lowered, its words are the pattern's; most texts asked hold a colon, not a word)."""
    if text.isascii():
        low = text.lower()
        if "ago" not in low and "vor" not in low and "il y a" not in low and "hace" not in low:
            return False
    return STAMP_AGO.search(text) is not None


_CLOCK_WORDS = (":", "ago", "vor ", "il y a", "hace ")
_CLOCK_TEXT = etree.XPath("/descendant::text()[" + " or ".join(f"contains(., '{w}')" for w in _CLOCK_WORDS) + "]")
_HEADING_WORDS = ("omment", "espons", "eplies", "omentar", "hought")
_HEADING_TEXT = etree.XPath("descendant::text()[" + " or ".join(f"contains(., '{w}')" for w in _HEADING_WORDS) + "]")
"""The texts a comments heading can be made of, found cheaply (each test costs a pass over the
page's texts; an all-capitals heading is rare, and its words are in the markup's case)."""
_SHOWN_TEXT = etree.XPath("/descendant::text()[normalize-space()]")
"""The page's texts holding more than white space: ``//text()[normalize-space()]``, the same
nodes in the same order, on one axis. libxml2 evaluates ``//text()[...]`` as it reads, every
node of the page and then its children with the test (a predicate keeps it from taking the
two steps as the descendant axis): a fifth slower in the run."""


def _holds_clock_word(text: str) -> bool:
    """``any(w in text for w in _CLOCK_WORDS)`` without a generator for each of the page's texts."""
    return ":" in text or "ago" in text or "vor " in text or "il y a" in text or "hace " in text


def _holds_heading_word(text: str) -> bool:
    """``any(w in text for w in _HEADING_WORDS)``, as :func:`_holds_clock_word`."""
    return "omment" in text or "espons" in text or "eplies" in text or "omentar" in text or "hought" in text


def shown_texts(root: etree._Element) -> list[Any]:
    """The texts of ``root``'s page that hold more than white space, in page order (smart
    strings: each knows its element), for :func:`comment_headings` and :func:`drop_threads`
    while the page stays as it is. Gathered once, they stand in for the three looks for a
    clock's colon, a year's digits and a comments heading's words, each of which asked libxml2
    for every text of the page again (most of them white space between tags)."""
    return list(_SHOWN_TEXT(root))


def _heading_texts(root: etree._Element, texts: list[Any] | None) -> list[Any]:
    """``_HEADING_TEXT(root)``: from ``texts`` (:func:`shown_texts`) when given and ``root`` is
    its page's root element (whose texts are the page's)."""
    if texts is None or root is not root.getroottree().getroot():
        return list(_HEADING_TEXT(root))
    return [t for t in texts if _holds_heading_word(t)]


_COUNT = re.compile(r"\d+|\bone\b", re.I)


def _hold(holder: etree._Element, holders: set[etree._Element]) -> None:
    """Add ``holder`` and every element around it to ``holders``."""
    if holder in holders:
        return
    holders.add(holder)
    for up in holder.iterancestors():
        if up in holders:
            break
        holders.add(up)


def _line_holder(
    text: Any,
    root: etree._Element,
    stats: dict[etree._Element, _Stats],
    seen: Container[etree._Element],
    read: Callable[[str], _T | None],
) -> tuple[etree._Element, _T] | None:
    """The element whose whole text is the line ``read`` accepts, with what it read: the nearest
    around ``text`` (a text node) shorter than :data:`STAMP_CHARS`, else, for a line loose in
    a post's box beside the poster's name, the element holding ``text`` when ``text`` alone is
    such a line. ``seen`` holds elements already judged: the walk stops at one."""
    el = nearest = text.getparent()
    if el is not None and text.is_tail:
        el = nearest = el.getparent()
    if nearest is None or nearest in seen:
        return None
    while el is not None and el is not root and el not in seen:
        s = stats.get(el)
        if s is None or s.text >= STAMP_CHARS:
            break
        if el.tag in _STAMPABLE and (value := read(el.text_content())) is not None:
            return el, value
        el = el.getparent()
    if nearest.tag in _STAMPABLE and nearest in stats and (value := read(str(text))) is not None:
        return nearest, value
    return None


def _stamp_line(text: str) -> bool | None:
    return True if _stamp(" ".join(text.split())) else None


def _stamped(
    root: etree._Element, stats: dict[etree._Element, _Stats], texts: list[Any] | None = None
) -> set[etree._Element]:
    """The elements whose text is a stamp line, and every element holding one.

    Only text holding a clock time is looked at: the nearest element around it (shorter than
    :data:`STAMP_CHARS`) whose whole text is a stamp line is one. A stamp line loose in a post's
    box, beside the poster's name (``<li><cite>Ann</cite> on May 4, 2012 7:21 pm <p>...``),
    makes the box one. ``texts``: :func:`shown_texts` of the page as it is, when taken."""
    found = _CLOCK_TEXT(root) if texts is None else [t for t in texts if _holds_clock_word(t)]
    clocks = [t for t in found if holds_clock_time(t) or _ago(t)]
    if len(clocks) < MIN_POSTS:
        return set()
    holders: set[etree._Element] = set()
    for text in clocks:
        found = _line_holder(text, root, stats, holders, _stamp_line)
        if found is not None:
            _hold(found[0], holders)
    return holders


_YEAR_TEXT = etree.XPath("/descendant::text()[contains(., '19') or contains(., '20')]")


_ADDRESS = re.compile(r"(?:https?://|www\.)\S", re.I)
"""A web address in a line: its path's digits ("/2012/10/17/") date the page it points to, not
the line's post."""


def _dated_line(text: str) -> date | None:
    line = " ".join(text.split())
    if word_count(line) > DATED_WORDS or holds_clock_time(line) or _ADDRESS.search(line):
        return None
    return whole_date(line)


def _dated(
    root: etree._Element,
    stats: dict[etree._Element, _Stats],
    holders: set[etree._Element],
    texts: list[Any] | None = None,
) -> dict[etree._Element, date]:
    """The elements whose text is a dated line (:data:`DATED_WORDS`, a whole date and no clock
    time), with their dates, found as :func:`_stamped` finds stamp lines; ``holders`` receives
    them and every element holding one. ``texts``: :func:`shown_texts` of the page as it is, when
    taken."""
    found: dict[etree._Element, date] = {}
    years = _YEAR_TEXT(root) if texts is None else [t for t in texts if "19" in t or "20" in t]
    for text in years:
        if len(text) >= STAMP_CHARS or not _YEAR.search(text):
            continue  # (a longer text is in no element short enough to be a stamp line)
        line = _line_holder(text, root, stats, found, _dated_line)
        if line is not None and line[0] not in found:
            found[line[0]] = line[1]
            _hold(line[0], holders)
    return found


def _day_before(
    dated: dict[etree._Element, date], inside: set[etree._Element], order: dict[etree._Element, int], start: int
) -> date | None:
    """The date of the first dated line on the page before ``start`` (a position in ``order``)
    and outside the thread: the article's dateline when the page gives no other."""
    before = [(order[el], day) for el, day in dated.items() if el not in inside and order.get(el, start) < start]
    return min(before)[1] if before else None


SIGNATURE_WORDS = 6
"""A ``<cite>`` of at most this many words opening a post is its poster's name."""


def _signed(
    root: etree._Element, stats: dict[etree._Element, _Stats], holders: set[etree._Element]
) -> set[etree._Element]:
    """The elements that open with a poster's name in a ``<cite>`` (blog engines' markup for the
    author of a comment: ``<li><div><cite>Justin</cite></div><div><p>...``), each counted as a
    post's stamp; ``holders`` receives them and every element holding one."""
    found: set[etree._Element] = set()
    for cite in root.iter("cite"):
        name = " ".join(cite.text_content().split())
        if (
            not name
            or word_count(name) > SIGNATURE_WORDS
            or any(a.tag in ("blockquote", "p", "q") for a in cite.iterancestors())
        ):
            continue
        if not _line_alone(cite):
            continue  # a work's title in a sentence ("<cite>Middlemarch</cite> by George Eliot, ...")
        found.add(cite)
        _hold(cite, holders)
    return found


def _line_alone(cite: etree._Element) -> bool:
    """Whether the block around ``cite`` holds a short line only (the name, "says:", a date),
    not a sentence that names a work."""
    box = cite.getparent()
    while box is not None and box.tag in INLINE:
        box = box.getparent()
    return box is not None and word_count(" ".join(box.text_content().split())) <= SIGNATURE_WORDS + 4


def _opens_with(el: etree._Element, signed: set[etree._Element]) -> bool:
    """Whether the first text in ``el`` is a signature's (see :func:`_signed`)."""
    for node in el.iter():
        if node in signed:
            return True
        if not isinstance(node.tag, str):
            continue
        if (node.text or "").strip():
            return False
        if node is not el and (node.tail or "").strip() and node.tag != "cite":
            return False
    return False


def _post_day(
    post: etree._Element,
    stats: dict[etree._Element, _Stats],
    clocked: set[etree._Element],
    dated: dict[etree._Element, date],
) -> date | None:
    """The date of ``post``'s first stamp (a clock stamp's or a dated line's), when it is a
    whole date."""
    for el in post.iter():
        if el in dated:
            return dated[el]
        if el in clocked and (s := stats.get(el)) is not None and s.text < STAMP_CHARS:
            return whole_date(" ".join(el.text_content().split()))
    return None


def _entry_first(
    kids: list[etree._Element],
    idx: list[int],
    stats: dict[etree._Element, _Stats],
    clocked: set[etree._Element],
    dated: dict[etree._Element, date],
) -> bool:
    """Whether the first of the stamped children ``idx`` is the article and the others its
    readers' posts: its class is none of theirs (a blog's front page prints its entries alike),
    its date and at least :data:`MIN_POSTS` of theirs can be read, and none of theirs is before
    it (readers comment after the article appears; a front page lists its entries newest
    first, each dated before the one above it)."""
    if kids[idx[0]].get("class") in {kids[i].get("class") for i in idx[1:]}:
        return False
    entry = _post_day(kids[idx[0]], stats, clocked, dated)
    if entry is None:
        return False
    days = [d for i in idx[1:] if (d := _post_day(kids[i], stats, clocked, dated)) is not None]
    return len(days) >= MIN_POSTS and min(days) >= entry - DATE_SLACK


def _own_text(stats: dict[etree._Element, _Stats], el: etree._Element) -> int:
    s = stats.get(el)
    return s.text - s.links if s is not None else 0


_PARAGRAPHS = frozenset(["p", "div"])
"""Tags read as one run of text: a ``<p>``, and a ``<div>`` of inline markup written as a
paragraph or as paragraphs between ``<br>``s (:attr:`~newsclean.cleaners.content._Stats.divs`,
:attr:`~newsclean.cleaners.content._Stats.loose`)."""


def _text_before(root: etree._Element, first: etree._Element, stats: dict[etree._Element, _Stats]) -> int:
    """Characters of prose-length text runs before ``first`` in document order, outside links.

    A run is the text between two line breaks or block boundaries, read across inline markup:
    a ``<p>`` is one run (its text outside links), and so is a paragraph written without one
    (text in a ``<font>`` or loose in a box, ended by ``<br>``), whose sentences the bold,
    italic, span and link markup inside cut into text nodes each shorter than
    :data:`TEXT_RUN` ("not <strong>censored</strong>. You can post ..."). A link's own words do
    not count; the text after it does. A ``<div>`` written as a paragraph is read as a ``<p>``
    is: its ``<br>``s and links cut its sentences into runs no longer than a line."""
    total = 0
    run = 0
    around = set(first.iterancestors())
    walk = etree.iterwalk(root, events=("start", "end"))
    for event, el in walk:
        if el is first:
            break
        tag = el.tag
        if event == "start":
            if not isinstance(tag, str):
                continue  # (a comment's tail is read at its end)
            if tag in UNMEASURED:
                walk.skip_subtree()
                continue
            if tag == "a" and el not in around:
                walk.skip_subtree()
                continue
            if tag == "br" or tag not in INLINE:
                total, run = (total + run if run >= TEXT_RUN else total), 0
            s = stats.get(el) if (tag in _PARAGRAPHS or tag in INLINE) and el not in around else None
            if s is not None and (
                tag == "p"
                or (tag in INLINE and _inline_paragraph(el, s))
                or (tag not in INLINE and not s.blocks and (s.divs or s.loose))
            ):
                n = s.text - s.links
                total += n if n >= TEXT_RUN else 0
                walk.skip_subtree()
            elif el.text:
                run += len(el.text.strip())
        else:
            if isinstance(tag, str) and (tag == "p" or tag not in INLINE):
                total, run = (total + run if run >= TEXT_RUN else total), 0
            if el is not root and el.tail:
                run += len(el.tail.strip())
        if total >= TEXT_BEFORE:
            return total
    return total + run if run >= TEXT_RUN else total


def _inline_paragraph(el: etree._Element, s: _Stats) -> bool:
    """Whether the inline element ``el`` (its measures ``s``) is a paragraph written without a
    ``<p>``, read whole as a ``<p>`` is: its lines cut by ``<br>``s, it stands between blank
    lines (two ``<br>``s in a row, a block or its box's edge) in a box (``<font>text<br>more
    text</font><br><br>``, as pages of 2000-2005 write each paragraph)."""
    parent = el.getparent()
    if s.blocks or el.tag == "a" or parent is None or parent.tag in INLINE:
        return False  # (asked first: an inline element inside another is never one)
    return next(el.iterdescendants("br"), None) is not None and _blank_side(el, True) and _blank_side(el, False)


def _blank_side(el: etree._Element, before: bool) -> bool:
    """Whether a blank line (two ``<br>``s in a row), a block or the box's edge stands just
    before (``before``) or after ``el``, with no text between."""
    breaks = 0
    node = el
    while True:
        # (the text between node and the next one: a sibling's tail, or the box's own text)
        if before:
            prev = node.getprevious()
            between = prev.tail if prev is not None else node.getparent().text
            node = prev
        else:
            between = node.tail
            node = node.getnext()
        if between and between.strip():
            return False
        if node is None:
            return True
        if not isinstance(node.tag, str):
            continue
        if node.tag != "br":
            return breaks >= 2 or node.tag not in INLINE
        breaks += 1
        if breaks >= 2:
            return True


ENTRY_SIZE = 2
"""A run's first post with at least this many times the median post's text, and the most of any,
is the entry printed like its readers' posts (see :func:`find_threads`)."""

SIGNED_TEXT = 20
"""A post opening with its poster's signature (see :func:`_signed`) needs this many characters
besides it: readers' posts are often one line ("Thanks for the info!")."""


def _signed_post(post: etree._Element, stats: dict[etree._Element, _Stats], signed: set[etree._Element]) -> bool:
    """Whether ``post`` opens with a signature and says something besides it."""
    cite = next((el for el in post.iter() if el in signed), None)
    return cite is not None and _own_text(stats, post) - _own_text(stats, cite) >= SIGNED_TEXT


def _posts(
    kids: list[etree._Element],
    idx: list[int],
    stats: dict[etree._Element, _Stats],
    holders: set[etree._Element],
    signed: set[etree._Element] | None = None,
) -> list[tuple[int, int]]:
    """The stamped children ``idx`` of ``kids`` that are posts, each as the span of children it
    covers (itself, or itself and the body box beside it). ``signed``: the signatures of
    :func:`_signed`; a child opening with one is a post when it says something besides it."""
    posts: list[tuple[int, int]] = []
    for k, a in enumerate(idx):
        if _own_text(stats, kids[a]) >= POST_PROSE or (signed and _signed_post(kids[a], stats, signed)):
            posts.append((a, a))
            continue
        after = kids[a + 1] if a + 1 < len(kids) else None
        before = kids[a - 1] if a > 0 else None
        if (
            after is not None
            and (k + 1 == len(idx) or idx[k + 1] > a + 1)
            and after not in holders
            and after.tag != "p"
            and _own_text(stats, after) >= BODY_PROSE
        ):
            posts.append((a, a + 1))
        elif (
            before is not None
            and before not in holders
            and before.tag != "p"
            and _own_text(stats, before) >= BODY_PROSE
        ):
            posts.append((a - 1, a))
    return posts


def _alike(kids: list[etree._Element], holders: set[etree._Element]) -> list[list[int]]:
    """The stamped children of one parent that may be alike posts, as index lists: those of one
    tag, then those of one tag and class (a thread's posts often alternate classes, ``odd`` and
    ``even``, ``alt`` and none, and hashed names keep them apart too; the tag alone may take in a
    pingback or a form among them)."""
    by_tag: dict[str, list[int]] = defaultdict(list)
    by_class: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, child in enumerate(kids):
        if child in holders:
            by_tag[child.tag].append(i)
            by_class[(child.tag, child.get("class") or "")].append(i)
    groups = [idx for idx in by_tag.values() if len(idx) >= MIN_POSTS]
    seen = {tuple(idx) for idx in groups}
    groups.extend(idx for idx in by_class.values() if len(idx) >= MIN_POSTS and tuple(idx) not in seen)
    return groups


_ANSWERS = re.compile(
    rf"^[\W_]*(?:\d+|one)\ (?:responses?|comments?|thoughts?|replies)\ (?:to|on)\ (.{{{HEADLINE_CHARS},}})$",
    re.IGNORECASE,
)
"""A count of posts answering a named work: "One Response to Ads for Outdated Products", "12
comments on A Day in Napa". Without quotes around the name (which :func:`comments_heading`
reads) it is a thread's heading only when the name is the page's headline or title."""


def _answers_article(line: str, wanted: list[str]) -> bool:
    """Whether ``line`` counts the posts answering the page's own article (``wanted``: the
    headline and title, folded): "One Response to <em>LOL: Ads for Outdated Products</em>". A
    sentence of the article ("12 comments on the new law were sent") names no headline, and a
    headline that reads so ("5 Thoughts on Leadership") is the article's own heading."""
    named = _ANSWERS.match(line)
    if named is None:
        return False
    name, whole = _fold(named.group(1)), _fold(line)
    return len(name) >= HEADLINE_CHARS and any(name in w and whole not in w for w in wanted)


def comment_headings(
    root: etree._Element,
    stats: dict[etree._Element, _Stats],
    texts: list[Any] | None = None,
    headlines: tuple[str, ...] = (),
) -> list[tuple[etree._Element, int]]:
    """The elements under ``root`` whose whole text is a comments heading, in page order, each
    with the count it gives (0 when it gives none). ``texts``: :func:`shown_texts` of the page as
    it is, when taken. ``headlines``: the page's headline and title, which a count of responses
    may name instead of quoting (see :data:`_ANSWERS`)."""
    found: list[tuple[etree._Element, int]] = []
    seen: set[etree._Element] = set()
    wanted = [w for w in (_fold(h) for h in headlines) if len(w) >= HEADLINE_CHARS]
    for text in _heading_texts(root, texts):
        el = text.getparent()
        if el is not None and text.is_tail:
            el = el.getparent()
        while el is not None and el is not root and el not in seen:
            s = stats.get(el)
            if s is None or s.text >= HEADING_CHARS:
                break
            line = " ".join(el.text_content().split())
            if comments_heading(line) or (wanted and _answers_article(line, wanted)):
                seen.add(el)
                count = _COUNT.search(line)
                found.append((el, (int(count.group()) if count.group().isdigit() else 1) if count else 0))
                break
            el = el.getparent()
    return found


def _holds_date_line(post: etree._Element, stats: dict[etree._Element, _Stats]) -> bool:
    """Whether ``post`` holds a date line: an element (or ``post`` itself) whose whole text is
    shorter than :data:`DATE_LINE_CHARS` and holds a date or a clock time ("2:59 PM", a
    permalink's text: under a comments heading either says when a post was written), among
    its first elements."""
    for n, el in enumerate(post.iter()):
        if n >= POST_ELEMENTS_LOOKED:
            break
        s = stats.get(el)
        if s is None or not s.text or s.text >= DATE_LINE_CHARS:
            continue
        line = " ".join(el.text_content().split())
        if word_count(line) <= STAMP_WORDS and (STAMP_DATE.search(line) or holds_clock_time(line)):
            return True
    return False


_NO_POSTS = frozenset(["p", "br", "h1", "h2", "h3", "h4", "h5", "h6", "img", "a", "span", "form"])
"""Tags whose runs are an article's paragraphs, headings or inline words, never a thread's posts."""


def _dated_posts(
    box: etree._Element, stats: dict[etree._Element, _Stats], count: int
) -> tuple[list[etree._Element], int] | None:
    """The run of ``box``'s children that are alike dated posts (at least :data:`MIN_POSTS`,
    most of one tag, at most ``count`` and two more posts when the heading gave a count: a
    hidden reply form between them is none), with how
    many posts it holds."""
    kids = [c for c in box if isinstance(c.tag, str)]
    # A heading that counts two posts vouches for two; one dated box under "1 Comment" may be
    # the article itself, below its byline's count.
    least = max(2, min(MIN_POSTS, count)) if count else MIN_POSTS
    if len(kids) < least:
        return None
    if box.tag == "dl":
        return _dated_terms(kids, stats, count, least)
    by_tag: dict[str, list[int]] = defaultdict(list)
    for i, child in enumerate(kids):
        if child.tag not in _NO_POSTS:
            by_tag[child.tag].append(i)
    for idx in by_tag.values():
        if len(idx) < least:
            continue
        posts = [i for i in idx if _headed_post(kids, i, stats)]
        if count and len(posts) > count + 2:
            continue
        if len(posts) >= least and 2 * len(posts) >= len(idx):
            last = idx[-1] + 1 if idx[-1] + 1 < len(kids) and kids[idx[-1] + 1].tag != kids[idx[-1]].tag else idx[-1]
            return kids[idx[0] : last + 1], len(posts)
    return None


def _dated_terms(
    kids: list[etree._Element], stats: dict[etree._Element, _Stats], count: int, least: int
) -> tuple[list[etree._Element], int] | None:
    """:func:`_dated_posts` for a definition list, whose posts are its terms each with the
    descriptions after it (``<dt>`` the poster's name, ``<dd>`` the comment, ``<dd>`` its date).
    Under a heading that counts at least :data:`MIN_POSTS` posts, a term that is a name alone
    (at most :data:`NAME_WORDS` words: "Ann Lee", "Ann said...") needs no date: some templates
    print none."""
    groups: list[list[int]] = []
    for i, child in enumerate(kids):
        if child.tag == "dt":
            groups.append([i])
        elif child.tag == "dd" and groups:
            groups[-1].append(i)
    if len(groups) < least or (count and len(groups) > count + 2):
        return None
    named = count >= MIN_POSTS
    posts = sum(
        1
        for group in groups
        if (any(_holds_date_line(kids[i], stats) for i in group) or (named and _name_alone(kids[group[0]])))
        and sum(_own_text(stats, kids[i]) for i in group) >= HEADED_POST_TEXT
    )
    if posts < least or 2 * posts < len(groups):
        return None
    return kids[groups[0][0] : groups[-1][-1] + 1], posts


NAME_WORDS = 8
"""A definition list's term of at most this many words, with no sentence in it, may be a poster's
name ("Hesham Zebida", "Jennifer said...")."""


def _name_alone(term: etree._Element) -> bool:
    line = " ".join(term.text_content().split())
    return bool(line) and word_count(line) <= NAME_WORDS and not _SENTENCE.search(line)


_SENTENCE = re.compile(r"[a-z]{2}[.!?]\s+\S")
"""A sentence's end inside a line, not at its end ("Ann said..." is a name, "I agree. Thanks"
is not)."""


def _headed_post(kids: list[etree._Element], i: int, stats: dict[etree._Element, _Stats]) -> bool:
    """Whether ``kids[i]`` is a dated post with text of its own, or a dated line whose body is
    the sibling after it, of another tag (``<dt>`` and ``<dd>``)."""
    if not _holds_date_line(kids[i], stats):
        return False
    text = _own_text(stats, kids[i])
    if text < HEADED_POST_TEXT and i + 1 < len(kids) and kids[i + 1].tag != kids[i].tag:
        text += _own_text(stats, kids[i + 1])
    return text >= HEADED_POST_TEXT


def _after(heading: etree._Element) -> list[etree._Element]:
    """The elements after ``heading`` where its posts are looked for (see :data:`HEADING_REACH`)."""
    boxes: list[etree._Element] = []
    for node in boxes_up(heading, HEADING_REACH):
        siblings = [s for s in node.itersiblings() if isinstance(s.tag, str)][:SIBLINGS_LOOKED]
        for sibling in siblings:
            boxes.extend(el for n, el in enumerate(sibling.iter()) if n < ELEMENTS_LOOKED and isinstance(el.tag, str))
    return boxes


def _heads_thread(
    heading: etree._Element, count: int, region: list[etree._Element], stats: dict[etree._Element, _Stats]
) -> bool:
    """Whether ``heading`` heads the thread ``region`` even with little text before it (a photo
    post, a line of text under a picture): it gives a count and is mostly not a link (a byline's
    "12 Comments" links to the thread; the thread's own heading is text, "... or add one" at
    most linking to the form), and no post holds a title (a front page's entries do)."""
    s = stats.get(heading)
    return (
        count > 0
        and s is not None
        and 2 * s.links < s.text
        and not any(next(el.iter("h1", "h2", "h3"), None) is not None for el in region)
    )


def _headed_threads(
    root: etree._Element,
    stats: dict[etree._Element, _Stats],
    taken: set[etree._Element],
    headings: list[tuple[etree._Element, int]],
) -> list[Thread]:
    """Threads under a comments heading: the first run of alike posts after it whose posts
    carry a date line (no clock time needed: the heading and the dates agree) and text of their
    own, the heading going with them. The guards of :func:`find_threads` hold."""
    found: list[Thread] = []
    for heading, count in headings:
        if heading in taken or any(up in taken for up in heading.iterancestors()):
            continue
        for box in _after(heading):
            if box in taken or box.tag in ("html", "body"):
                continue
            run = _dated_posts(box, stats, count)
            if run is None:
                continue
            region, posts = run
            if any(el in taken for el in region) or any(next(el.iter("h1"), None) is not None for el in region):
                break
            if _text_before(root, heading, stats) < TEXT_BEFORE and not _heads_thread(heading, count, region, stats):
                break
            found.append(Thread([heading, *region], posts, heading=" ".join(heading.text_content().split())))
            taken.update(region)
            taken.add(heading)
            break
    return found


def _reply_trees(
    root: etree._Element,
    stats: dict[etree._Element, _Stats],
    clocked: set[etree._Element],
    taken: set[etree._Element],
) -> list[Thread]:
    """Threads whose replies are printed inside the posts they answer: one or two posts at the
    top, each holding its replies, of the same tag and class as itself, each reply holding its
    own stamp (``#1.2 - Mon Oct 29, 2012 10:28 AM``). The run of top-level posts is the thread
    when it holds at least :data:`MIN_POSTS` stamped posts in all; the guards of
    :func:`find_threads` hold (text before it, no ``<h1>`` in it). ``clocked``: the elements
    holding a clock-time stamp line, :func:`_stamped`'s."""
    if len(clocked) < MIN_POSTS:
        return []
    # (in page order, so that where two kinds of box claim one run the first on the page wins
    # whatever the set's order)
    stamps = [el for el in root.iter() if el in clocked and not any(kid in clocked for kid in el)]
    # Each stamp belongs to the nearest element around it that has a class: a post's box.
    owners: dict[tuple[str, str], list[etree._Element]] = defaultdict(list)
    for stamp in stamps:
        for up in stamp.iterancestors():
            if up is root:
                break
            if up.get("class"):
                owners[(up.tag, up.get("class") or "")].append(up)
    found: list[Thread] = []
    for posts in owners.values():
        kind = dict.fromkeys(posts)  # (a post may own two stamps: written and edited)
        if len(kind) < MIN_POSTS:
            continue
        tops = [p for p in kind if not any(up in kind for up in p.iterancestors())]
        if len(tops) >= MIN_POSTS or len(tops) == len(kind):
            continue  # (a run of alike posts side by side: find_threads' own)
        parents = {p.getparent() for p in tops}
        if len(parents) != 1 or None in parents:
            continue
        parent = next(iter(parents))
        kids = [c for c in parent if isinstance(c.tag, str)]
        at = sorted(kids.index(p) for p in tops)
        region = kids[at[0] : at[-1] + 1]
        if any(el in taken for el in region) or any(up in taken for up in parent.iterancestors()) or parent in taken:
            continue
        if any(next(el.iter("h1"), None) is not None for el in region):
            continue
        if _text_before(root, region[0], stats) < TEXT_BEFORE:
            continue
        found.append(Thread(region, len(kind)))
        taken.update(region)
    return found


_POST_BOXES = ("li", "div", "dd", "article", "section")
"""Tags a thread's posts are written in."""

REPLY_STEPS = 4
"""A reply sits at most this many elements below the post it answers (``<li>``, ``<ul>``,
``<li>``: two)."""

POST_PARTS = 2
"""A post holding its replies is built of at least this many boxes besides them (its poster's or
title's line and its text, a toolbar): one wrapper around content is a layout's, not a post's."""


def _nested_replies(
    root: etree._Element, stats: dict[etree._Element, _Stats], taken: set[etree._Element]
) -> list[Thread]:
    """Threads told by replies nested in the posts they answer, with no stamp needed: a script
    may fill in the dates (Slashdot's "on Tuesday July 24, @10:12AM" left empty), and only the
    poster's name and the post's title are printed. Posts are the boxes sharing one class word
    (their other words say full, collapsed or hidden), at least :data:`MIN_POSTS` of them inside
    another (the replies, at most :data:`REPLY_STEPS` elements down), at least
    :data:`MIN_POSTS` with text of their own (:data:`BODY_PROSE`, outside links and replies), and
    built alike at every depth: a box template of at least :data:`POST_PARTS` children, replies
    aside, shared by half the posts, a top-level post and a reply among them. An article's nested
    sections step their heading down a level, and an outline's items hold loose text. The
    top-level posts are children of one element, and the guards of :func:`find_threads` hold
    (text before, no ``<h1>``)."""
    groups: dict[tuple[str, str], list[etree._Element]] = defaultdict(list)
    for el in root.iter(*_POST_BOXES):
        names = el.get("class")
        if names:
            tag = el.tag
            for word in dict.fromkeys(names.split()):  # (in the page's order: no hash seed decides ties)
                groups[(tag, word)].append(el)
    gone = {el for region in taken for el in region.iter()}
    found: list[Thread] = []
    for group in sorted(groups.values(), key=len, reverse=True):
        if len(group) < 2 * MIN_POSTS:
            break
        posts = [p for p in group if p not in gone]  # (posts another finder took, their replies with them)
        kind = set(posts)
        # (a reply: a post with another of them at most REPLY_STEPS up; one getparent a step,
        # no call: every post of the page's larger groups is asked)
        replies: set[etree._Element] = set()
        for p in posts:
            up = p.getparent()
            for _ in range(REPLY_STEPS):
                if up is None:
                    break
                if up in kind:
                    replies.add(p)
                    break
                up = up.getparent()
        if len(posts) < 2 * MIN_POSTS or len(replies) < MIN_POSTS:
            continue
        # (the boxes between a reply and its post: climbed again for the few groups that get here)
        holders = {up for p in replies for up in _between(p, kind) or ()}
        tops = [p for p in posts if p not in replies]
        parents = {p.getparent() for p in tops}
        if len(parents) != 1 or None in parents:
            continue
        if sum(1 for p in posts if _reply_text(p, stats, kind) >= BODY_PROSE) < MIN_POSTS:
            continue
        built: dict[tuple[tuple[str, str], ...], set[etree._Element]] = defaultdict(set)
        for p in posts:
            template = tuple(
                (child.tag, child.get("class") or "")
                for child in p
                if isinstance(child.tag, str) and child not in kind and child not in holders
            )
            built[template].add(p)
        template, alike = max(built.items(), key=lambda kv: len(kv[1]))
        if len(template) < POST_PARTS or 2 * len(alike) < len(posts) or not replies & alike or alike <= replies:
            continue
        parent = next(iter(parents))
        kids = [c for c in parent if isinstance(c.tag, str) and c not in gone]
        spots = sorted(kids.index(p) for p in tops)
        region = kids[spots[0] : spots[-1] + 1]
        if any(next(el.iter("h1"), None) is not None for el in region):
            continue
        if _text_before(root, region[0], stats) < TEXT_BEFORE:
            continue
        found.append(Thread(region, len(posts), nested=True))
        taken.update(region)
        gone.update(el for region_el in region for el in region_el.iter())
    return found


def _between(post: etree._Element, kind: set[etree._Element]) -> list[etree._Element] | None:
    """The elements between ``post`` and the nearest element of ``kind`` around it, innermost
    first, when that element is at most :data:`REPLY_STEPS` up (``post`` is a reply to it);
    else ``None``."""
    between: list[etree._Element] = []
    up = post.getparent()
    while up is not None and len(between) < REPLY_STEPS:
        if up in kind:
            return between
        between.append(up)
        up = up.getparent()
    return None


def _reply_text(post: etree._Element, stats: dict[etree._Element, _Stats], kind: set[etree._Element]) -> int:
    """Characters of ``post``'s own text outside links, the replies (elements of ``kind``) inside
    it aside."""
    own = _own_text(stats, post)
    stack = list(post)
    while stack:
        el = stack.pop()
        if el in kind:
            own -= _own_text(stats, el)
        elif isinstance(el.tag, str):
            stack.extend(el)
    return own


class _PageOrder:
    """The page's elements in page order and its headings giving the headline, each found once,
    when first asked (most pages hold no thread and never ask)."""

    __slots__ = ("_heads", "_order", "headlines", "root")

    def __init__(self, root: etree._Element, headlines: tuple[str, ...]) -> None:
        self.root, self.headlines = root, headlines
        self._heads: list[etree._Element] | None = None
        self._order: dict[etree._Element, int] = {}

    def order(self) -> dict[etree._Element, int]:
        if not self._order:
            self._order = {el: n for n, el in enumerate(self.root.iter())}
        return self._order

    def headline_before(self, first: etree._Element) -> bool:
        """Whether a heading giving the page's headline comes before ``first``, outside it."""
        if self._heads is None:
            self._heads = page_headings(self.root, self.headlines) if self.headlines else []
        if not self._heads:
            return False
        order = self.order()
        inside = set(first.iter())
        return any(head not in inside and order[head] < order[first] for head in self._heads)


_Posts = list[tuple[int, int]]


def _after_text(
    page: _PageOrder,
    kids: list[etree._Element],
    idx: list[int],
    posts: _Posts,
    stats: dict[etree._Element, _Stats],
    stamps: tuple[set[etree._Element], set[etree._Element], dict[etree._Element, date]],
) -> tuple[list[int], _Posts, int] | None:
    """The run's post indices, its posts and its first child once it follows the article's text:
    :data:`TEXT_BEFORE` characters before it on the page, else the entry printed like its
    readers' posts set apart (the first post, with that much text or a run of it under the
    page's headline; or the first and by far the longest under the page's headline), else
    ``None`` (a blog's front page, an archive). ``stamps``: the elements
    holding a clock time, those holding any stamp, and the dated ones with their days."""
    clocked, stamped, dated = stamps
    first = min(min(a for a, _ in posts), idx[0])
    if _text_before(page.root, kids[first], stats) >= TEXT_BEFORE:
        return idx, posts, first
    root = page.root
    if _entry_first(kids, idx, stats, clocked, dated):
        # A blog engine may print the entry itself like its comments: then the first post is
        # the article, and the others, all dated on or after it, its readers'.
        posts = [(a, b) for a, b in posts if a > idx[0]]
        idx = idx[1:]
        if len(posts) < MIN_POSTS or 2 * len(posts) < len(idx) + 1:
            return None
        first = min(min(a for a, _ in posts), idx[0])
        before = _text_before(root, kids[first], stats)
        # (the entry told apart from its posts is the article: a run of its text under the
        # page's headline is enough, as for a photo post's readers' posts below)
        if before >= TEXT_BEFORE or (before >= TEXT_RUN and page.headline_before(kids[first])):
            return idx, posts, first
        return None
    if not (
        all(kids[i] in clocked or kids[i] not in stamped for i in idx)
        and (all(kids[i] not in stamped for i in idx) or _text_before(root, kids[first], stats) >= TEXT_RUN)
        and page.headline_before(kids[first])
    ):
        return None
    # An article page's short text (a summary, a photo's line) under its headline, then its
    # readers' posts: signed ones, or stamped ones after a run of text. (Items dated with a day
    # alone under a headline are a listing's: events, releases, a history.) The entry printed
    # like its readers' posts is the first and by far the longest of them.
    sizes = [sum(_own_text(stats, kids[i]) for i in range(a, b + 1)) for a, b in posts]
    if sizes[0] >= ENTRY_SIZE * sorted(sizes)[len(sizes) // 2] and sizes[0] == max(sizes):
        entry_end = posts[0][1]
        posts = posts[1:]
        idx = [i for i in idx if i > entry_end]
        if len(posts) < MIN_POSTS or 2 * len(posts) < len(idx) + 1:
            return None
        # (from the entry's end on: a first reply's body may lie before its stamp)
        first = min(entry_end + 1, min(a for a, _ in posts), idx[0])
    return idx, posts, first


def find_threads(
    root: etree._Element,
    stats: dict[etree._Element, _Stats],
    day: date | None = None,
    headings: list[tuple[etree._Element, int]] | None = None,
    headlines: tuple[str, ...] = (),
    texts: list[Any] | None = None,
) -> list[Thread]:
    """The comment threads under ``root`` (outermost first, none inside another), by shape.
    Posts stamped with a date alone count when none of the thread's is dated before the article's
    day: ``day`` (see :func:`reference_day`), else the first dated line on the page before the
    thread (the article's own dateline). ``headings``: :func:`comment_headings` of ``root``, when
    the caller has them. ``headlines``: the page's headline and title; a heading giving them
    before a run of posts shows the page is one article's, whatever little text it has (a photo,
    a video, an infographic under its title), so the run is its readers' posts, not a blog's
    front page (see :data:`TEXT_BEFORE`). ``texts``: :func:`shown_texts` of the page as it is,
    when the caller has them."""
    holders = _stamped(root, stats, texts)
    clocked = set(holders)
    dated = _dated(root, stats, holders, texts)
    stamped = set(holders)  # (the elements holding a clock time's or a date's stamp)
    signed = _signed(root, stats, holders)
    page = _PageOrder(root, headlines)
    found: list[Thread] = []
    taken: set[etree._Element] = set()
    for parent in root.iter():
        if parent not in holders or parent.tag in ("html", "body") or parent in taken:
            continue
        if any(up in taken for up in parent.iterancestors()):
            continue
        kids = [c for c in parent if isinstance(c.tag, str)]
        if len(kids) < MIN_POSTS:
            continue
        for group in _alike(kids, holders):
            # A child holding a <cite> is a post only when the signature opens it.
            idx = [i for i in group if kids[i] in stamped or _opens_with(kids[i], signed)]
            if len(idx) < MIN_POSTS:
                continue
            posts = _posts(kids, idx, stats, holders, signed)
            if len(posts) < MIN_POSTS or 2 * len(posts) < len(idx) + 1:
                continue
            gaps = sorted(b - a for a, b in pairwise(idx))
            if gaps[len(gaps) // 2] > POST_GAP:
                continue
            run = _after_text(page, kids, idx, posts, stats, (clocked, stamped, dated))
            if run is None:
                continue
            idx, posts, first = run
            last = max(max(b for _, b in posts), idx[-1])
            region = kids[first : last + 1]
            if any(next(el.iter("h1"), None) is not None for el in region):
                continue
            after = None
            if any(kids[i] not in clocked and kids[i] in stamped for i in idx):
                # Posts stamped with a date alone: none may be dated before the article.
                inside = {inner for el in region for inner in el.iter() if inner in dated}
                order = page.order()
                after = day if day is not None else _day_before(dated, inside, order, order[region[0]])
                if after is None or min(dated[el] for el in inside) < after - DATE_SLACK:
                    continue  # an article's dated items (a history, releases), not readers' posts
            found.append(Thread(region, len(idx), after))
            taken.update(region)
            break
    found.extend(_reply_trees(root, stats, clocked, taken))
    found.extend(_nested_replies(root, stats, taken))
    found.extend(_headed_threads(root, stats, taken, comment_headings(root, stats) if headings is None else headings))
    return found


TAIL = "after the reader comments' heading {heading!r} inside the main content (the comments and their form)"

TAIL_BEFORE = 250
"""The comments heading that ends the content comes after at least this many characters of its
text runs (:func:`_text_before`): a toolbar's "Comments" above the article is not its end."""


THREAD_BEFORE = TEXT_RUN
"""... and at least one run of text (:data:`TEXT_RUN`) after a blog engine's own thread heading
("43 thoughts on “Hello”", "{ 1 comment… read it below or add one }",
:data:`~newsclean.cleaners.page_chrome.THREAD_HEADING`), which is printed only above the thread,
never in a toolbar: a photo post's caption line is enough text before it."""


_SINGLE = re.compile(r"^\W*(?:comment|response|reply|kommentar|commentaire|comentario|commento)\W*$", re.IGNORECASE)
"""One post's word alone ("comment", "Response:") is a label, a button or a word of code; a
thread's heading counts its posts, names them in the plural or asks for one ("Leave a Reply")."""


def _count_linked(heading: etree._Element) -> bool:
    """Whether the count in ``heading`` is a link ("Comments: <a href="#comments">37</a>"): a
    byline's or a toolbar's count, pointing at the thread from elsewhere, never its heading."""
    return any(a.get("href") is not None and " ".join(a.text_content().split()).isdigit() for a in heading.iter("a"))


def _row_label(heading: etree._Element, line: str, part: etree._Element) -> bool:
    """Whether ``heading`` (its text ``line``) is a label awaiting its value ("Kommentare:", the
    count left for a script to fill) in a list item beside other items holding text (inside
    ``part``): one field of a byline's row ("Ein Kommentar von Ann Lee", "Veröffentlicht: vor
    58 Minuten", "Kommentare:"), pointing at the thread from elsewhere, never its heading. (A
    row's item without the colon, "Comments" among "Most read" and "Most emailed", is a tab that
    does head the end matter.)"""
    if not line.endswith(":"):
        return False
    node: etree._Element | None = heading
    while node is not None and node is not part:
        if node.tag == "li":
            return any(
                sibling.tag == "li" and " ".join(sibling.text_content().split())
                for sibling in (*node.itersiblings(), *node.itersiblings(preceding=True))
            )
        node = node.getparent()
    return False


def cut_after_comments(
    part: etree._Element,
    stats: dict[etree._Element, _Stats],
    log: RegionLog | None = None,
    headings: list[tuple[etree._Element, int]] | None = None,
    headlines: tuple[str, ...] = (),
) -> int:
    """Drop, in place, a comments heading inside the chosen content ``part`` and everything after
    it there (each noted in ``log``); returns how many elements went.

    Whatever its boxes are named, what follows a heading of the readers' comments ("12
    Comments", "Leave a Reply", "43 thoughts on “...”") is their thread and its form, never
    the article's text. The heading is an element whose whole text reads as one and is mostly not
    a link (a byline's or a toolbar's "12 Comments" links to the thread, or its count does:
    "Comments: <a>37</a>"), after at least :data:`TAIL_BEFORE` characters of the content's
    text. ``headings``: the page's
    :func:`comment_headings`, found once before the content was chosen (those still inside
    ``part`` are the ones looked at), else they are looked for in ``part``. ``headlines``: the
    page's headline and title; a heading counting the responses to one of them ("One Response to
    <em>Ads for Outdated Products</em>", :data:`_ANSWERS`) is a blog engine's own thread heading
    too."""
    wanted = [w for w in (_fold(h) for h in headlines) if len(w) >= HEADLINE_CHARS]
    if headings is None:
        headings = comment_headings(part, stats, None, headlines)
    for heading, _ in headings:
        if heading is part or part not in heading.iterancestors():
            continue
        line = " ".join(heading.text_content().split())
        if _SINGLE.match(line):
            continue
        if any(up.tag in VERBATIM for up in heading.iterancestors()) or heading.tag in VERBATIM:
            continue
        own = THREAD_HEADING.match(line) or (wanted and _answers_article(line, wanted))
        if _text_before(part, heading, stats) < (THREAD_BEFORE if own else TAIL_BEFORE):
            continue
        s = stats.get(heading)
        if s is None or 2 * s.links >= s.text or _count_linked(heading) or _row_label(heading, line, part):
            continue
        doomed = [heading]
        node = heading
        while node is not part and (up := node.getparent()) is not None:
            doomed.extend(sib for sib in node.itersiblings() if isinstance(sib.tag, str))
            node = up
        reason = TAIL.format(heading=line[:60])
        for el in doomed:
            if log is not None:
                log.add(el, reason)
            el.drop_tree()
        return len(doomed)
    return 0


def drop_threads(
    root: etree._Element,
    stats: dict[etree._Element, _Stats],
    log: RegionLog | None = None,
    day: date | None = None,
    headings: list[tuple[etree._Element, int]] | None = None,
    headlines: tuple[str, ...] = (),
    texts: list[Any] | None = None,
) -> int:
    """Drop, in place, the comment threads :func:`find_threads` finds under ``root`` (each
    noted in ``log``) and measure the page again; returns how many elements went."""
    threads = find_threads(root, stats, day, headings, headlines, texts)
    changed: list[etree._Element] = []
    dropped = 0
    for thread in threads:
        first = " ".join(thread.region[0].text_content().split())[:60]
        if thread.heading:
            first = " ".join(thread.region[1].text_content().split())[:60]
            reason = HEADED.format(heading=thread.heading[:60], posts=thread.posts, first=first)
        elif thread.nested:
            reason = NESTED_REASON.format(posts=thread.posts, first=first)
        elif thread.after is not None:
            reason = DATED_REASON.format(posts=thread.posts, day=thread.after.isoformat(), first=first)
        else:
            reason = REASON.format(posts=thread.posts, first=first)
        for el in thread.region:
            if el.getparent() is None:
                continue
            if log is not None:
                log.add(el, reason)
            parent = remove_keeping_tail(el)
            if parent is not None:
                changed.append(parent)
                dropped += 1
    if changed:
        _remeasure(root, stats, changed)
    return dropped
