"""The headline printed as a line of text, marked as the heading it is.

Many rules of the HTML path find the article by its headline's heading: the post around the
headline (:func:`~newsclean.cleaners.content.headline_post`), the headings that name the page
(:func:`~newsclean.cleaners.content.page_headings`), and the guards that keep a thread or a
teaser run from taking the article (a reader's post never holds the ``<h1>``). Pages written
before HTML5, and templates since, often print the headline without a heading tag: a
``<font size="4"><b>`` line, a table cell, a ``<div>`` of bold text. There every one of those
rules is blind, and a side column's "About" box or a menu can outscore a short post.

:func:`mark_headline` finds such a line when no ``<h1>``-``<h3>`` gives the headline: an
element holding one line of text alone (no block inside it, nothing else in its box), outside
any list and not a link to the home page, whose text is the page's headline as the ``<title>``
(a part of it between separators, or a line of a few words opening it) or ``og:title`` gives it.
Where several lines qualify (the title's site name or tagline printed in the masthead, the
headline over the article and again over its comments), the headline is one followed by prose
(:data:`PROSE_ENOUGH`) before any other such line: an article follows its headline. That line's
``<p>`` or ``<div>`` becomes an ``<h1>`` (another box gets one around the line's content), so the
rules read the page as they read one written with headings.
"""

from __future__ import annotations

import re
from collections.abc import Set

from lxml import etree
from newsclean.cleaners.content import HEADLINE_CHARS, INLINE, _fold, _hidden, links_home, one_line, text_content
from newsclean.cleaners.metadata import first_title

__all__ = ["mark_headline", "title_parts"]

_TITLE_PARTS = re.compile(r"(?<!\s)\s+[-|–—·•»«›‹~:/]\s+|(?:(?<!\s)\s+)?[|ㅣ]\s*|(?<=\S):\s+")
"""Where a ``<title>`` joins the headline to the site's name or section ("Headline - Site",
"Site | Section | Headline", "Site: Headline", "Headline « Site"). A separator's spaces are
read from the first of their run only (a look-behind for no space): tried at every space of a long run, the
search was quadratic; a match starting inside a run also starts at its first space."""

TITLE_WORDS = 60
"""Words of the ``<title>`` read: a longer one is no headline's."""

PROSE_RUN = 80
"""A text of at least this many characters is a run of prose (a paragraph, not a label)."""

LOOKED_AFTER = 60
"""Text nodes after a candidate line read for the prose that follows it."""

PROSE_ENOUGH = 400
"""Prose after a line beyond this many characters counts no more: a headline is followed by
its article's first paragraphs, and a line followed by more (a thread's heading over a hundred
posts) is not more of a headline. Among lines followed by enough, the one naming the longest
part of the title (the most specific), then the first on the page, is taken."""

PIECE_CHARS = 4
"""A text this long may be a piece of a headline's line cut by inline markup; the line is
judged whole (its box's text)."""

EXTRA_WORDS = 2
"""Words a headline's line may carry after the headline ("... Battles 'Ridiculous' 69": the
comments' count)."""

OPENING_WORDS = 3
"""A line of at least this many words (and twice :data:`HEADLINE_CHARS`) that opens the title
with no separator after it ("The biggest blogging mistake I ever made … Early Retirement
Extreme", "Why should MG be left behind?, Best car reviews") is the headline's too."""

_SHOWN_TEXT = etree.XPath("/descendant::body/descendant::text()[normalize-space()]")
"""``//body//text()[normalize-space()]`` on the descendant axis (see ``threads._SHOWN_TEXT``)."""
_NEVER = frozenset(["script", "style", "noscript", "template", "title", "option", "select", "textarea", "button"])
_LISTS = frozenset(["li", "ul", "ol", "dl", "nav", "menu"])


def _wanted(tree: etree._Element) -> set[str]:
    """The folded texts a headline line may have: the title, each part of it between
    separators, and ``og:title``, each at least :data:`HEADLINE_CHARS` long and of two words."""
    texts: list[str] = []
    head = tree.find("head")
    where = tree if head is None else head  # (the head alone: a walk of the whole page costs 1 ms)
    # (spaces run together first: the separators' pattern would try a long run of them at
    # each of its starts)
    title_el = first_title(where)
    if title_el is None and where is not tree:
        # (a <title> the parser put in the body: markup it does not know, a Blogger template's
        # <b:include>, ended the head before it)
        title_el = first_title(tree)
    title = " ".join(((title_el.text or "") if title_el is not None else "").split()[:TITLE_WORDS])
    if title:
        texts.append(title)
        texts.extend(_TITLE_PARTS.split(title))
        cuts = list(_TITLE_PARTS.finditer(title))
        if len(cuts) > 1:
            # (all but the last part, all but the first: "Free Resource: For Whom Would You
            # Vote? - Reformation21 Blog", a headline holding a separator of its own)
            texts.extend((title[: cuts[-1].start()], title[cuts[0].end() :]))
    for meta in where.iter("meta"):
        if (meta.get("property") or meta.get("name") or "").strip().lower() == "og:title":
            texts.append(meta.get("content") or "")
    folded = {_fold(t) for t in texts}
    return {f for f in folded if len(f) >= HEADLINE_CHARS and " " in f}


def title_parts(tree: etree._Element) -> frozenset[str]:
    """The page's title, each part of it between separators and ``og:title``, folded (see
    :func:`_wanted`): the texts a heading giving the headline, or the site's name, may have."""
    return frozenset(_wanted(tree))


def _heading_gives(body: etree._Element, wanted: Set[str]) -> bool:
    """Whether an ``<h1>``-``<h3>`` gives the headline: its text (at least
    :data:`HEADLINE_CHARS`) is held in one of ``wanted``, and it does not link home (a blog's
    name). :func:`~newsclean.cleaners.content.page_headings`' test, ended at the first such
    heading (mostly the page's first ``<h1>``)."""
    for heading in body.iter("h1", "h2", "h3"):
        text = _fold(text_content(heading))
        if (
            len(text) >= HEADLINE_CHARS
            and any(text in w for w in wanted)
            and not any(links_home(a) for a in heading.iter("a"))
        ):
            return True
    return False


def _line_box(node: etree._Element) -> etree._Element | None:
    """The nearest element around ``node`` (a text's holder) that is not inline markup, or
    the outermost inline one under it when the text fills it: the box the line stands in."""
    box: etree._Element | None = node
    while box is not None and isinstance(box.tag, str) and box.tag in INLINE:
        box = box.getparent()
    return box


def _run_line(node: etree._Element, box: etree._Element) -> etree._Element | None:
    """The outermost inline element around ``node`` inside ``box`` when it is a line of its own
    there: nothing but empty elements between it and a ``<br>`` (or a block, or the box's edge)
    before it and after it, a ``<br>`` on one side at least (``<font><b>Headline</b></font>
    <br><br>text...``, a page written without ``<p>``). Else ``None``."""
    if node is box:
        return None  # (loose text of the box itself: no element of its own to mark)
    run: etree._Element | None = node
    while run is not None and run.getparent() is not box:
        run = run.getparent()
    if run is None or run is box or run.tag == "br" or (run.tail or "").strip():
        return None
    after = run.getnext()
    while after is not None and not isinstance(after.tag, str):
        after = after.getnext()
    if after is not None and after.tag in INLINE and after.tag != "br":
        return None
    before = run.getprevious()
    while before is not None and (not isinstance(before.tag, str) or _empty(before)):
        if (before.tail or "").strip():
            return None
        before = before.getprevious()
    if before is None:
        if (box.text or "").strip():
            return None
    elif (before.tail or "").strip() or (before.tag in INLINE and before.tag != "br"):
        return None
    # A line cut from the others by a <br> (a link beside a label in a heading is no line).
    cut = (after is not None and after.tag == "br") or (before is not None and before.tag == "br")
    return run if cut else None


def _empty(el: etree._Element) -> bool:
    """An inline element without text (an anchor's target, ``<a name="...">``)."""
    return el.tag in INLINE and el.tag != "br" and not "".join(el.itertext()).strip()


def _excluded(box: etree._Element) -> bool:
    """A line in a list (a menu's, a side column's "Recent posts"), in a form control, linking
    to the home page (the site's name) or hidden (a script's copy of the post, shown in a
    dialog, which :func:`~newsclean.cleaners.content.strip_page` drops) is never the article's
    headline."""
    if box.tag in ("body", "html") or box.tag in _NEVER or box.tag in _LISTS or _hidden(box):
        return True
    if any(up.tag in _LISTS or up.tag in _NEVER or _hidden(up) for up in box.iterancestors()):
        return True
    return any(links_home(a) for a in box.iter("a")) or any(
        up.tag == "a" and links_home(up) for up in box.iterancestors()
    )


def mark_headline(tree: etree._Element, titles: Set[str] | None = None) -> etree._Element | None:
    """Put the page's headline line (see the module's docstring) in an ``<h1>`` in place, and
    return the ``<h1>``; ``None`` when a heading already gives the headline or no line does.
    ``titles``, when given, is :func:`title_parts` of ``tree`` (which the marking leaves as it
    is: the line is in the body, and a box holding a ``<title>`` or a ``<meta>`` is no line)."""
    wanted = _wanted(tree) if titles is None else titles
    if not wanted:
        return None
    body = tree.find("body")
    if body is None or _heading_gives(body, wanted):
        return None
    texts = _SHOWN_TEXT(tree)
    candidates: list[tuple[int, int, int, etree._Element]] = []
    seen: set[etree._Element] = set()
    longest = 2 * max(len(w) for w in wanted)  # (a longer text is a paragraph: not folded)
    for n, text in enumerate(texts):
        size = len(text.strip())
        if size < PIECE_CHARS or size > longest:
            continue  # (a piece of the line: "- Angsten " <span>vil øke</span>)
        folded = _fold(text)
        if not folded or not any(folded in w for w in wanted):
            continue
        holder = text.getparent()
        if holder is None:
            continue
        box = _line_box(holder.getparent() if text.is_tail else holder)
        if box is None:
            continue
        named = _names(_fold(text_content(box)), wanted) if one_line(box) else ""
        if not named:
            # A line among others in its box, cut from them by <br>s: the run is the line.
            run = _run_line(holder.getparent() if text.is_tail else holder, box)
            if run is not None:
                box = run
                named = _names(_fold(text_content(box)), wanted) if one_line(box) else ""
        if box in seen:
            continue
        seen.add(box)
        if named and not _excluded(box):
            candidates.append((min(_prose_after(texts, n), PROSE_ENOUGH), len(named), -n, box))
    if not candidates:
        return None
    # A line with another candidate between it and its prose (a masthead's tagline above the
    # post's headline) is not the one the article follows.
    starts = sorted(-c[2] for c in candidates)
    nearest = [
        (_prose_after(texts, -c[2], next((s for s in starts if s > -c[2]), len(texts))) > 0, *c[:3], c[3])
        for c in candidates
    ]
    return _as_heading(max(nearest, key=lambda c: c[:4])[4])


def _names(line: str, wanted: Set[str]) -> str:
    """The longest of ``wanted`` that ``line`` (folded) gives: all of it, or it and up to
    :data:`EXTRA_WORDS` words after it (a count of comments, "69"; a label). Empty when none."""
    words = len(line.split())
    found = ""
    for w in wanted:
        if len(w) > len(found) and (line == w or (line.startswith(w + " ") and words - len(w.split()) <= EXTRA_WORDS)):
            found = w
    opening = words >= OPENING_WORDS and len(line) >= 2 * HEADLINE_CHARS
    if not found and opening and any(w.startswith(line + " ") for w in wanted):
        found = line
    return found


def _prose_after(texts: list[etree._ElementUnicodeResult], at: int, until: int | None = None) -> int:
    """Characters of prose runs (:data:`PROSE_RUN`) among the :data:`LOOKED_AFTER` texts after
    the one at ``at`` (and before the one at ``until``, when given), links' texts aside."""
    total = 0
    end = at + 1 + LOOKED_AFTER if until is None else min(until, at + 1 + LOOKED_AFTER)
    for text in texts[at + 1 : end]:
        size = len(text.strip())
        if size < PROSE_RUN:
            continue
        holder = text.getparent()
        if holder is not None and (holder.tag == "a" and not text.is_tail):
            continue
        total += size
    return total


def _as_heading(box: etree._Element) -> etree._Element:
    """Move ``box``'s text and children into a new ``<h1>``, its only child; a ``<p>`` or a
    ``<div>`` becomes the ``<h1>`` itself. Around a heading a ``<p>`` would be a paragraph of the
    heading's words (the post found around the headline would be that paragraph alone), and a
    ``<div>`` the heading's own box, past which the post around it is not weighed against the
    scorer's choice (:func:`~newsclean.cleaners.content.headline_post`): a post and the teasers
    below it stayed together, and under "bold headings" dragnet lost 0.0065 against the same
    pages with ``<h2>``s."""
    if box.tag in ("p", "div"):
        box.tag = "h1"
        return box
    heading = box.makeelement("h1", {})
    heading.text, box.text = box.text, None
    for child in list(box):
        heading.append(child)  # (a child's tail goes with it)
    box.append(heading)
    return heading
