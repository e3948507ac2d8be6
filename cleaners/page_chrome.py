"""Page chrome in text dumps: menus, footers and sidebars around the article's main text."""

from __future__ import annotations

import logging
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from functools import partial
from itertools import accumulate, pairwise
from typing import NamedTuple

import numpy as np
from newsclean.cleaners.chain import Decision
from newsclean.cleaners.dates import looks_like_date
from newsclean.cleaners.document import Document
from newsclean.cleaners.line_model import (
    CRUMBS,
    SENTENCE,
    LineModel,
    load_model,
    page_function_words,
    slug_headline,
    slug_share,
    word_count,
)
from newsclean.cleaners.media_players import player_residue
from newsclean.cleaners.notices import (
    BODY_NOTICE_CHARS,
    LEGAL_AFTER,
    PRINT_NOTE_AFTER,
    legal_notice,
    notice_start,
    print_note,
)
from newsclean.cleaners.prompts import MORE_WORDS, embed_residue
from newsclean.cleaners.regions import opening_words
from numpy.typing import NDArray

__all__ = [
    "PageChrome",
    "ad_placeholder",
    "appeal_boxes",
    "article_before_thread",
    "author_box",
    "beside_prompts",
    "boxes_above_headline",
    "closing_cards",
    "closing_notice",
    "closing_ranking",
    "dump_headline",
    "end_marker_in_run",
    "end_of_post",
    "interface_line",
    "keep_range",
    "offer_boxes",
    "opens_on_post",
    "paragraph_after_table",
    "photo_credit",
    "picture_button",
    "post_link",
    "prose_past_rule",
    "reader_comments",
    "rule_run",
    "rule_run_of",
    "teaser_boxes",
    "top_headings",
    "unheaded_cards",
    "unlikely_stretches",
]

log = logging.getLogger(__name__)

LINE_COST = 10
"""A line earns its word count minus this: paragraphs score high, menu items below zero, so the
best-scoring run of lines is the article."""

WORD_CAP = 200
"""Words counted per line at most, so one huge line cannot pull a whole footer in."""

SENTENCE_BONUS = 4
"""Extra score for a line that contains a sentence end."""

MIN_LINES = 8
"""Shorter dumps are already clean; there is no page around them to cut away."""

LEAD_IN = 3
"""Lines kept just before the main text when they look like its headline or standfirst."""

LEAD_IN_WORDS = 4
"""A lead-in line has at least this many words (menu items have fewer)."""


LIST_INTRO = re.compile(r":\s*$")
"""A line ending in a colon introduces a list: the short lines after it are the article's."""

LIST_INTRO_WORDS = 4
"""A list introduction is a phrase ("the study describes it as:"), not a label ("Share:")."""

LIST_ITEM_SCORE = 0
"""Score of a short line that follows a list introduction: neither pulls nor pushes."""


TABLE_CELL = re.compile(r"^[\W\d_]*\d[\W\d_]*(?:%|[a-z]{0,3})?$", re.IGNORECASE)
"""A line of figures ("+13.1%", "1/1/2013", "82.0", "$1,299"): a data table's cell, which
menus never are; it neither pulls nor pushes."""


TITLE_CASE_SHARE = 0.7
"""Menus and teaser headlines capitalise most words ("Digital Marketing Strategy"); prose
does not, even in German."""

TITLE_CASE_SCORE = 0


def _title_case(text: str) -> bool:
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 3:
        return False
    return sum(1 for w in words if w[0].isupper()) >= TITLE_CASE_SHARE * len(words)


NOTICE_OPENING_CHARS = 40
"""A browser or script notice (:func:`~newsclean.cleaners.notices.notice_start`) is one when its words
come this early in the line ("This page is best viewed in ...", "To view this video please enable
JavaScript ..."): a sentence that mentions them in passing ("... residents had to enable
JavaScript in an old browser, one councillor joked.") is prose."""


def _opens_with_notice(text: str) -> bool:
    """Whether ``text`` opens with a browser or script notice (:data:`NOTICE_OPENING_CHARS`)."""
    at = notice_start(text, BODY_NOTICE_CHARS)
    return at is not None and at < NOTICE_OPENING_CHARS


_COUNTER = re.compile(r"\(\d{1,7}\)")
"""A count in brackets after an entry of a menu ("October 2012 (43)", "Architecture (1174)")."""

COUNTERS = 5
"""Counts at least in a line that is a menu's entries run together (:func:`counts_line`)."""

WORDS_PER_COUNTER = 6
"""Words at most per count in such a line: a paragraph citing a few figures in brackets has more."""


def counts_line(text: str) -> bool:
    """Whether ``text`` is a menu's entries, each with its count, run together on one line: the
    archive's months, the categories or the tags of a blog's side column ("Select Month November
    2012 (14) October 2012 (43) ..."), as a Markdown dump prints a drop-down list or a tag cloud.
    At least :data:`COUNTERS` counts in brackets, one for every :data:`WORDS_PER_COUNTER` words or
    fewer: long and with no link marks left, the line read as the page's longest paragraph. A
    sentence numbering its points ("(1) a lane, (2) two crossings, ...") counts up one by one."""
    counts = [int(found[1:-1]) for found in _COUNTER.findall(text)]
    if len(counts) < COUNTERS or len(counts) * WORDS_PER_COUNTER < word_count(text):
        return False
    return counts != list(range(counts[0], counts[0] + len(counts)))


def _scores(texts: list[str]) -> list[int]:
    scores: list[int] = []
    in_list = False
    for text in texts:
        words = min(word_count(text), WORD_CAP)
        bonus = SENTENCE_BONUS if SENTENCE.search(text) else 0
        score = words + bonus - LINE_COST
        if score > 0 and (legal_notice(text) or print_note(text) or _opens_with_notice(text) or counts_line(text)):
            # (sentence-like, but the page's: its terms, its print edition, a browser note, a menu's counts)
            score = -LINE_COST
        elif TABLE_CELL.match(text):
            score = max(score, 0)
        elif score > 0 and _title_case(text):
            score = min(score, TITLE_CASE_SCORE)
        if in_list and score < 0:
            score = LIST_ITEM_SCORE
        elif score > 0:
            in_list = False
        if LIST_INTRO.search(text) and words >= LIST_INTRO_WORDS:
            in_list = True
        scores.append(score)
    return scores


BEFORE = "before the article text (menu, header)"
AFTER = "after the article text (footer, sidebar, links)"

ARTICLE_SHARE = 0.5
"""A line whose model probability of being the article's is above this pulls the kept run
towards it; below, it pushes the run away. Each line weighs by its word count plus one."""


TAIL_SHARE = 0.4
TAIL_WORDS = 15
"""A line of at least this many words with a sentence end, just after the kept run and scoring
at least :data:`TAIL_SHARE`, is kept too: an unsure closing paragraph is more likely the
article's last than a footer (on unseen sites: F1 unchanged, recall up, leak +0.001)."""


class PageChrome:
    """Removes menus, footers and sidebars from plain-text dumps: the lines outside the
    article's run of lines (HTML documents are left to main-content extraction).

    Each line's probability of being the article's comes from a line model
    (:mod:`newsclean.cleaners.line_model`) that reads the line's shape, its neighbours, its
    place on the page, the page address and the prose-density rule's own choice; the kept run
    is the one that gains most from lines above :data:`ARTICLE_SHARE`. ``model=False`` uses the
    prose-density rule alone.
    """

    name = "page_chrome"
    order = 450

    def __init__(self, model: LineModel | bool = True) -> None:
        self._model: LineModel | None
        if model is True:
            try:
                self._model = load_model()
            except (OSError, ValueError) as exc:
                log.error("page_chrome: line model unavailable (%s); using the prose-density rule", exc)
                self._model = None
        else:
            self._model = model or None

    def __call__(self, doc: Document) -> Iterator[Decision]:
        if doc.source_format != "text" or len(doc.blocks) < MIN_LINES:
            return
        texts = [b.text for b in doc.blocks]
        markers = frozenset(
            m for m in _markers_dropped(doc) if not under_headline(texts, m, doc.url) and not _announced(texts, m)
        )
        dropped = _dropped_texts(doc)
        rule = rule_run_of(texts, markers)
        start, end = rule
        scores: NDArray[np.float64] | None = None
        model_scores: NDArray[np.float64] | None = None
        cards: set[int] = set()
        prose_tail = -1
        if self._model is not None:
            model_scores = self._model.predict_lines(texts, doc.url, rule)
            # A line that is all one link to another page of the site is no line of the article,
            # whatever its words (a model reads a list of headlines as prose), nor its lead-in.
            cards = {i for i, b in enumerate(doc.blocks) if b.tag == "a" and word_count(b.text) >= CARD_LINK_WORDS}
            scores = model_scores.copy()
            for i in cards:
                scores[i] = 0.0
            found = keep_range(texts, scores)
            if found is not None:
                start, end = found
                while start < end and start in cards:
                    start += 1
                found = start, end
                end, prose_tail = prose_past_rule(texts, found, rule, scores)
                # A run without a paragraph gives way to the rule's run holding one, unless that
                # run holds it and a sentence of a short post's: then both put the post there, and
                # the rule's run adds only lines the model turned down (a sidebar's blurb).
                if (
                    not _holds_paragraph(texts, start, end)
                    and _holds_paragraph(texts, *rule)
                    and not (rule[0] <= start <= end <= rule[1] and any(_post_line(t) for t in texts[start : end + 1]))
                ):
                    start, end = rule
                    prose_tail = -1
                end = paragraph_after_table(texts, start, end, rule)
        if start < 0:
            return
        post = None
        if scores is not None:
            top = dump_headline(texts, doc.url, start, end, top_headings(doc))
            earlier = article_before_thread(texts, scores, start, -1 if top is None else top)
            if earlier is None:
                earlier = titled_post_above(texts, start)
            if earlier is not None:
                post = start, end
                start, end = earlier
                prose_tail = -1
        below_form = away = unlinked = None
        if scores is not None:
            above = article_above_form(texts, scores, start, dropped)
            if above is not None:
                below_form = start, end
                start, end = above
                prose_tail = -1
            else:
                moved = article_at_headline(texts, scores, doc.url, start, end)
                if moved is not None:
                    away = start, end
                    start, end = moved
                    prose_tail = -1
        if scores is not None:
            linked = post_under_links(texts, start, end)
            if linked is not None:
                unlinked = start, end
                start, end = linked
                prose_tail = -1
        comments = _run_end(texts, start, end, rule, markers)
        if scores is not None and comments is not None:
            above = article_above_thread(texts, scores, start, comments.first)
            if above is not None:
                start, end = above
                prose_tail = -1
                comments = _run_end(texts, start, end, rule, markers)
        boxed = boxes_above_headline(texts, doc.url, start, comments.first - 1 if comments is not None else end)
        boxed_from = start
        if boxed is not None:
            start = boxed
        opening = opening_author_box(texts, start, comments.first - 1 if comments is not None else end)
        opened_from = start
        if opening is not None:
            start = opening
        listed = opening_headlines(texts, start, comments.first - 1 if comments is not None else end)
        listed_from = start
        if listed is not None:
            start = listed
        opened = opens_on_post(texts, start)
        if opened is not None:
            comments = opened
        comments_end = end
        if comments is not None:
            end = comments.first - 1
            while scores is not None and end > start and scores[end] < ARTICLE_SHARE:
                end -= 1
        # Each closing block found cuts the run's end above it, innermost last: (the run's end
        # before the cut, why), so a line past the final end is told by the last cut reaching it.
        closings: list[tuple[int, str]] = []
        form = comment_form(texts, end + 1, dropped, after=start)
        if form is not None and _holds_paragraph(texts, start, form - 1):
            closings.append((end, CLOSING_FORM))
            end = form - 1
        removed_markers = _closing_lines_dropped(doc)
        closers = (
            closing_notice,
            closing_ranking,
            unheaded_cards,
            unheaded_headlines,
            partial(closing_marker, removed=removed_markers),
        )
        for closing in (partial(closing_cards, dropped=dropped), *closers):
            cut = closing(texts, start, end)
            if cut is not None:
                closings.append((end, cut.reason))
                end = cut.first - 1
        appeals, appeal_close = appeal_boxes(texts, start, end, dropped)
        if appeal_close is not None:
            closings.append((end, CLOSING_APPEAL))
            end = appeal_close - 1
        author = author_box(texts, start, end)
        if author is not None:
            closings.append((end, author.reason))
            end = author.first - 1
        if start > 0 and opens_run(texts[start - 1]) and _opens_paragraph(texts[start]):
            start -= 1  # ("Dear all," over the post's first paragraph)
        offers = beside_prompts(texts, start, end, _prompts_dropped(doc))
        pitches = offer_boxes(texts, start, end, dropped)
        boxes = teaser_boxes(texts, start, end, dropped)
        unlikely = unlikely_stretches(texts, scores, start, end) if scores is not None else set()
        players = player_residue(texts)
        shares = share_bar(texts, start, end)
        links = post_links(texts, start, end)
        contents = table_of_contents(texts, start, end)
        notices = closing_notices(texts, start, end)
        ad_labels = repeated_ad_labels(texts, start, end)
        again = said_again(texts, start, end)
        headline = dump_headline(texts, doc.url, start, end, top_headings(doc))
        headline_why = (
            HEADLINE if headline is None or slug_share(texts[headline], doc.url) >= SLUG_TITLE_SHARE else TOP_HEADING
        )

        def in_run(i: int) -> str | None:
            """Why line ``i`` of the kept run goes; ``None`` when it stays."""
            text = texts[i]
            if i in players:
                return f"{players[i]} {IN_RUN}"
            if embed := embed_residue(text):
                return f"{embed} {IN_RUN}"
            if photo_credit(text):
                return PHOTO_CREDIT
            if interface_line(text):
                return INTERFACE
            if i in shares:
                return SHARE_BAR
            if i in links:
                return POST_NAVIGATION
            if i in contents:
                return CONTENTS
            if i in notices:
                return notices[i]
            if i in ad_labels:
                return AD_LABEL
            if i in again:
                return SAID_AGAIN
            if more_teaser(text):
                return MORE_TEASER
            if picture_button(text):
                return PICTURE_BUTTON
            if ad_placeholder(text):
                return AD_SLOT
            if i in offers:
                return BESIDE_PROMPT
            if i in pitches:
                return OFFER_BOX
            if i in appeals:
                return APPEAL
            if i in boxes:
                return TEASER_BOX
            if doc.blocks[i].tag == "a" and word_count(text) >= TEASER_LINK_WORDS:
                return TEASER_LINK
            if i in unlikely:
                return UNLIKELY_BOX
            if shop_button(text):
                return SHOP_BUTTON
            if CTA_BUTTON.match(text.strip()):
                return CTA
            return None

        for i in range(len(texts)):
            if start <= i <= end:
                why = in_run(i)
                if i == headline:
                    # The headline found in the run stays in the text as before (a later cleaner
                    # may lift it); its words are the record's headline either way.
                    lifted = Decision.copy if why is None else Decision.move
                    yield lifted(i, "headline", headline_why)
                elif why is not None:
                    yield Decision.remove(i, why)
                continue
            if i == headline:
                yield Decision.move(i, "headline", headline_why)
                continue
            where = BEFORE if i < start else AFTER
            detail = f"; article-line score {model_scores[i]:.2f}" if model_scores is not None else ""
            if i in cards:
                detail += "; " + CARD_LINE
            closed = next((why for before, why in reversed(closings) if end < i <= before), None)
            if closed is not None:
                detail += "; " + closed
            elif comments is not None and end < i <= comments_end:
                detail += "; " + comments.reason
            elif end < i <= prose_tail:
                detail += "; " + PROSE_PAST_RULE
            elif post is not None and post[0] <= i <= post[1]:
                detail += "; " + THREAD_POST
            elif below_form is not None and below_form[0] <= i <= below_form[1]:
                detail += "; " + BELOW_FORM
            elif away is not None and away[0] <= i <= away[1]:
                detail += "; " + AWAY_FROM_HEADLINE
            elif unlinked is not None and unlinked[0] <= i <= unlinked[1]:
                detail += "; " + OUTSIDE_LINKED_POST
            elif listed is not None and listed_from <= i < start:
                detail += "; " + OPENING_HEADLINES
            elif opening is not None and opened_from <= i < start:
                detail += "; " + OPENING_AUTHOR
            elif boxed is not None and boxed_from <= i < start:
                detail += "; " + BOXES_ABOVE_HEADLINE
            yield Decision.remove(i, f"page chrome {where}{detail}")


TEASER_LINK_WORDS = 10
"""Words at least in a line of the kept run that was all one link to another page of the site (a
Markdown dump tells: :data:`~newsclean.cleaners.text.LINE_MARKS`) for it to be a teaser's card: a
kicker, a headline and its summary set in one link, which a converter prints as one line of prose
(html2text's "Fußball-WMJude Bellingham befolgt Mamas Rat ... England steht nach dem Sieg ...").
No paragraph of an article is a link; a shorter line may be a list's item the article links (a
book's title, a shop's name). Measured on html2text dumps (session 62): 6 words gave the same,
15 less on fundus."""

CARD_LINK_WORDS = 6
"""Words at least in a line that was all one link to another page of the site (a Markdown dump
tells: :data:`~newsclean.cleaners.text.LINE_MARKS`) for the kept run to be chosen as if the line
model gave it no chance of being the article's. The model reads a list of other stories'
headlines, each a link, as prose: such lines drew the run onto a sidebar's list above the
article, or carried it past the article's end across a box of teasers into the comments' notice,
a shop's disclosure or the site's footer. Nor does the run's lead-in (the headline and
standfirst over its first paragraph) open with one. Such a line may still sit inside the run (a
list of links the article gives); only :data:`TEASER_LINK_WORDS` and more remove it there. Measured on
html2text dumps (session 63): 10 words gave less on dragnet (+0.0007 against +0.0018), 4 words
or any length the same as 6."""

CARD_LINE = "all one link to another page of the site: no line of the article"

TEASER_LINK = "a teaser's card: a line that is all one link to another page of the site"


OPEN_LINE_WORDS = 4
"""Words at most in a line that a comma leaves open over the run (:func:`opens_run`)."""


OPENED_WORDS = 6
"""Words at least in the run's first line for a greeting above it to join the run."""


def _opens_paragraph(text: str) -> bool:
    """Whether ``text``, the run's first line, is a paragraph a greeting may open: at least
    :data:`OPENED_WORDS` words ending a sentence. A byline's piece ending with a comma ("By
    Claire Wilson,", "The Guardian,") stands over a date line instead ("Thursday 1 November 2012
    18.19 EDT", "Published Apr 26, 2023")."""
    stripped = text.rstrip()
    return len(stripped.split()) >= OPENED_WORDS and stripped.endswith((".", "!", "?", "…", '"', "”"))


_GREETING = re.compile(rf"[^\W\d_][\w'’]*(?: [\w'’]+){{1,{OPEN_LINE_WORDS - 1}}},")


def opens_run(text: str) -> bool:
    """Whether ``text``, the line just above the chosen run, belongs to it: a greeting that a
    comma leaves open ("Dear all,", "Hi folks,", "Dear Diary,"), which the run's first line
    completes: two to :data:`OPEN_LINE_WORDS` words of letters, the first a capital's, the comma
    its only mark (a wrapped sentence's piece, "armed with new,", is none). (A
    site's name cut from its date line, "guardian.co.uk,", and a row of sections,
    "Cellphones, Internet,", end with a comma too: measured, they took the run's start up.)
    The HTML extractor keeps such a line for the same reason (``html._left_open``)."""
    stripped = text.strip()
    return stripped[:1].isupper() and _GREETING.fullmatch(stripped) is not None


SLUG_HEADLINE_WORDS = 20
"""The page's headline line has at most this many words (a longer line that holds the slug's
words is a paragraph or a list of tags)."""

HEADLINE_BLOCK_LINES = 4
"""At most this many short lines right above the headline are its block (a breadcrumb, a
kicker or section line, a date) and stay with it."""

SLUG_TITLE_SHARE = 0.5
"""A title-shaped line above the headline's block holding at least this share of the slug's words
is the article's own headline (the slug line in the run is then a section's heading)."""


def _title_line(text: str) -> bool:
    """Whether ``text`` is shaped as a title: :data:`SLUG_HEADLINE_WORDS` words at most, no closing full stop."""
    text = text.strip()
    return bool(text) and word_count(text) <= SLUG_HEADLINE_WORDS and not text.endswith(".")


BOXES_ABOVE_HEADLINE = "a sidebar's boxes printed above the article's headline (the line holding the address's slug)"


def boxes_above_headline(texts: Sequence[str], url: str | None, start: int, end: int) -> int | None:
    """Where the kept run ``start..end`` starts when the page's headline stands inside it below
    a sidebar's boxes: an old layout prints its left column (an "about" box, a book's blurb, a
    donation appeal, a blog's description) before the post, and the run takes them in. The
    headline is the run's first line holding every word of the address's slug
    (:func:`~newsclean.cleaners.line_model.slug_headline`) other than a breadcrumb's trail ending on
    the title (:data:`~newsclean.cleaners.line_model.CRUMBS`, passed over here and below),
    title-shaped (:func:`_title_line`, a capital first, no closing colon: not a section's lead-in
    or a list of tags); its block is
    the headline and up to :data:`HEADLINE_BLOCK_LINES` short lines right above it (under
    :data:`PROSE_LINE_WORDS` words: a breadcrumb, a kicker, a date). The run starts at the block
    when a prose line with a sentence end stands above it in the run (a menu's or a tagline's
    line is left: the headline would be lifted off the text for nothing), prose follows the
    headline, and no title-shaped line above the block holds :data:`SLUG_TITLE_SHARE` of the
    slug's words (then that line is the article's headline and the slug line a section's heading
    of its own text; the page's first line, often the document's title, aside). ``None`` when the
    run stays."""
    if start < 0:
        return None
    found = slug_headline(texts[start : end + 1], url, crumbs=True)
    if found <= 0:
        return None
    headline = start + found
    text = texts[headline].strip()
    if not _title_line(text) or text.endswith(":") or not text[:1].isupper():
        return None
    first = headline
    while first > start and headline - first < HEADLINE_BLOCK_LINES and word_count(texts[first - 1]) < PROSE_LINE_WORDS:
        first -= 1
    if not any(word_count(line) >= PROSE_LINE_WORDS and SENTENCE.search(line) for line in texts[start:first]):
        return None
    titled = (line for line in texts[1:first] if _title_line(line) and not CRUMBS.match(line))
    if any(slug_share(line, url) >= SLUG_TITLE_SHARE for line in titled):
        return None
    if not any(word_count(line) >= PROSE_LINE_WORDS for line in texts[headline + 1 : end + 1]):
        return None
    return first


HEADLINE = "the line holding the address's slug above the article's first paragraph: its headline"

TOP_HEADING = "the page's top heading above the article's first paragraph: its headline"
"""Why a dump's headline goes to ``headline`` when the address names none of its words and the
dump marks it as the page's top heading (:func:`top_headings`)."""

HEADLINE_LINES = 20
"""Lines at most above the article's first paragraph where its headline is looked for (a
breadcrumb, a kicker, the byline, the date, a share bar and a picture's caption may stand
between them)."""

_CLOSING_MARK = re.compile(r"[.:;,][\"'”’)\]]?$")


def _headline_shaped(text: str) -> bool:
    """Whether ``text`` may be a headline: a title's shape (:func:`_title_line`) of two words or
    more, no closing colon, semicolon or comma either (a label), not a breadcrumb's trail
    (:data:`~newsclean.cleaners.line_model.CRUMBS`), a byline, a date, a picture's credit or a line
    of the page's furniture (:func:`_chrome_line`), and no lower-case first letter."""
    line = text.strip()
    return (
        _title_line(line)
        and word_count(line) >= 2
        and _CLOSING_MARK.search(line) is None
        and line[:1] == line[:1].upper()
        and CRUMBS.match(line) is None
        and BYLINE_WORD.match(line) is None
        and not looks_like_date(line)
        and not photo_credit(line)
        and not _chrome_line(line)
    )


def top_headings(doc: Document) -> frozenset[int]:
    """Positions of ``doc``'s blocks that its dump marks as the page's top heading (``h1``: a
    Markdown dump's ``# Title``)."""
    return frozenset(i for i, b in enumerate(doc.blocks) if b.tag == "h1")


def dump_headline(
    texts: Sequence[str], url: str | None, start: int, end: int, heads: Collection[int] = ()
) -> int | None:
    """The line of a text dump that is the article's headline, for the kept run ``start..end``:
    of the :data:`HEADLINE_LINES` lines above the run's first paragraph (inside the run or above
    it), the one holding the largest share of the address's slug words
    (:func:`~newsclean.cleaners.line_model.slug_share`, :data:`SLUG_TITLE_SHARE` at least; the
    nearest to the paragraph on a tie) that is shaped as a headline (:func:`_headline_shaped`).
    Two signals agree: the address names the article in its words, and the line stands where a
    headline stands. The headline is no longer the run's first line as such: a kicker, a section's
    name or a byline may open the run, and on most pages the headline sits above the run, among
    the lines the model turned down for being short. ``None`` when the address has no slug or no
    such line stands there: then the nearest of those lines that the dump marks as the page's
    top heading (``heads``: a Markdown dump's ``# Title``), shaped as a headline, when one is
    (else :class:`~newsclean.cleaners.repeats.Repeats` lifts the run's first title-like line). A
    top heading holding the slug's share is taken before a line holding more of it (a kicker or
    a caption that repeats the address's words)."""
    if start < 0:
        return None
    first = next((i for i in range(start, end + 1) if _holds_paragraph(texts, i, i)), start)
    best, share = None, 0.0
    above = range(first - 1, max(first - 1 - HEADLINE_LINES, -1), -1)
    for i in above:
        found = slug_share(texts[i], url)
        if found >= SLUG_TITLE_SHARE and _headline_shaped(texts[i]):
            if i in heads:  # (the page's top heading holding the slug's words: three signals agree)
                return i
            if found > share:
                best, share = i, found
    if best is None and heads:
        best = next((i for i in above if i in heads and _headline_shaped(texts[i])), None)
    return best


OPENING_AUTHOR = "the author's box printed above the article"

OPENING_LINES = 3
"""The kept run's first lines, where an author's box printed before the article stands."""


def opening_author_box(texts: Sequence[str], start: int, end: int) -> int | None:
    """Where the kept run ``start..end`` starts when it opens on the author's box, printed above the
    article ("Chris Velazco is a mobile enthusiast and writer who ...", then the article): a
    biography (:func:`_bio`: a name of two words or more as its subject, a verb of being or working
    and a writer's words) among the run's first :data:`OPENING_LINES` lines with no prose line above
    it (a capitalised word before "is" opens many a first paragraph: "Mathematics is, at its core,
    an art ... like writers"), with the lines right under it that go
    on speaking of the person (opening on a pronoun: "She comes from paidContent.org ..."); the run
    starts under them when :data:`END_MIN_WORDS` words of the run follow, holding a paragraph, and
    no prose line below names the biography's subject (an article that opens on a person, a
    profile or a reporter's story, speaks of them again: "Doe said ..."). ``None`` when the run
    stays."""
    for b in range(start, min(end, start + OPENING_LINES)):
        found = _bio(texts[b])
        if found is None or len(found.group("name").split()) < 2:
            if word_count(texts[b]) >= PROSE_LINE_WORDS:
                return None  # the article's text has begun
            continue
        after = b + 1
        while after <= end and word_count(texts[after]) <= AUTHOR_BIO_WORDS and _GOES_ON_ABOUT.match(texts[after]):
            after += 1
        rest = texts[after : end + 1]
        if sum(word_count(t) for t in rest) < END_MIN_WORDS or not _holds_paragraph(texts, after, end):
            return None
        name = re.compile(rf"(?<!\w)(?:{'|'.join(re.escape(w) for w in found.group('name').split())})(?!\w)")
        if any(word_count(t) >= PROSE_LINE_WORDS and name.search(t) for t in rest):
            return None
        return after
    return None


OPENING_HEADLINES = "a list of other stories' headlines printed above the article"

OPENING_LISTED = 5
"""Headlines at least of other stories that make a list above the article: an article's own block
of short lines (its headline, a byline, a kicker, a dump's wrapped first line) can hold four."""

def opening_headlines(texts: Sequence[str], start: int, end: int) -> int | None:
    """Where the kept run ``start..end`` starts when it opens on a list of other stories'
    headlines above the article (a blog's recent posts, a site's latest news, printed before the
    post): the run's lines before its first paragraph are all headlines (:func:`_headline_list`'s
    shape) and labels, and the leading :data:`OPENING_LISTED` headlines or more of them are each
    about another story (:data:`NEW_TOPIC_SHARE` of their topic words or more are none of the
    article's below, its first paragraph and all the run under it), none of them a byline. The run starts under the last
    of those, so the article's own headline (which speaks of its words) and the short lines under
    it stay. ``None`` when the run stays."""
    first = next((i for i in range(start, end + 1) if _holds_paragraph(texts, i, i)), None)
    if first is None or first - start < OPENING_LISTED:
        return None
    kinds = [_card_line(texts[k]) for k in range(start, first)]
    if any(kind not in ("headline", "label") for kind in kinds) or kinds.count("headline") < OPENING_LISTED:
        return None
    function_words = page_function_words(texts)
    article: set[str] = set()
    for t in texts[first : end + 1]:
        article |= _topic_words(t)
    last = None
    listed = 0
    for k, kind in zip(range(start, first), kinds, strict=True):
        if kind == "label":
            continue
        words = _topic_words(texts[k])
        if not _listed_headline(texts[k], function_words) or not words:
            break
        if _new_topic_share(words, article) < NEW_TOPIC_SHARE or BYLINE_WORD.match(texts[k].strip()):
            break  # the article's own headline or byline, or a list of its own
        listed += 1
        last = k
    if last is None or listed < OPENING_LISTED:
        return None
    return last + 1


_GOES_ON_ABOUT = re.compile(r"(?:he|she|they|his|her|their|er|sie|il|elle|ella|lei)\b", re.IGNORECASE)
"""A biography's next line that goes on about the person: it opens on a pronoun."""


def _run_end(
    texts: Sequence[str], start: int, end: int, rule: tuple[int, int], markers: frozenset[int]
) -> Comments | None:
    """Where the kept run ``start..end`` stops being the article: the readers' comments in it
    (:func:`reader_comments`) or an end marker past the prose rule's end (:func:`end_marker_in_run`),
    whichever comes first; ``None`` when it holds neither."""
    comments = reader_comments(texts, start, end, markers)
    closing = end_marker_in_run(texts, start, end, rule, markers)
    if closing is not None and (comments is None or closing.first < comments.first):
        return closing
    return comments


def article_above_thread(
    texts: Sequence[str], probabilities: Sequence[float] | NDArray[np.float64], start: int, thread: int
) -> tuple[int, int] | None:
    """The article above a readers' thread that takes the whole kept run: when the thread found at
    line ``thread`` starts before :data:`COMMENTS_MIN_WORDS` words of prose into the run that
    starts at ``start``, or the run holds a thread's worth of its posts' marks before that line
    (:data:`STAMPS` time stamps or post labels: the thread's stamps count only after that much
    prose, so a thread found by them is found some posts in), the run is the thread (its later,
    longer posts outscored the article's few paragraphs and the thread's first posts), and the
    article is the run above it that gains most from the model's article lines (:func:`keep_range`
    of the lines before ``start``), or the prose-density rule's run there when no line is likely
    enough to be the article's and that run holds a paragraph (a short post the model is unsure
    of, a quotation and a line of its own); ``None`` when the run holds the article's prose before
    the thread, or neither finds a run above it, or the run holds no post's mark before the thread
    and the run above holds no more prose than it does (a short post under a menu line the model
    liked, "Elsewhere:": the run's start is the post, not a thread's first posts)."""
    if start <= 0:
        return None
    before, marks = _prose_words(texts, start, thread), _post_marks(texts, start, thread)
    if before >= COMMENTS_MIN_WORDS and marks < STAMPS:
        return None
    run = keep_range(texts[:start], probabilities[:start])
    if run is None and _holds_paragraph(texts, 0, start - 1):
        rule = rule_run_of(texts[:start])
        if _holds_paragraph(texts, *rule):
            run = rule
    if run is not None and not marks and _prose_words(texts, run[0], run[1] + 1) <= before:
        return None  # (a short post, no post's mark in it, over more prose than the lines above it)
    return run


_FIELD_NAME = r"(?:your\s+)?(?:name|nickname)"
_FIELD_MAIL = r"(?:your\s+)?(?:e-?mail|mail)(?:\s+address)?"
_FIELD_SITE = r"(?:your\s+)?(?:website|web\s+site|url|homepage|comment|message)"
_FIELD_NOTE = r"(?:\s*\((?:required|optional|will\ not\ be\ published|never\ shown|not\ required)[^)]{0,40}\))*"


def _field(kind: str) -> re.Pattern[str]:
    return re.compile(rf"^[\W_]*{kind}\s*\*?:?{_FIELD_NOTE}\s*\*?:?[\W_]*$", re.IGNORECASE)


COMMENT_FIELDS = (_field(_FIELD_NAME), _field(_FIELD_MAIL), _field(_FIELD_SITE))
"""A comment form's fields, one a line, as a blog engine prints their labels: the poster's name
("Name (required)", "Name *", "Name:"), address ("Mail (will not be published) (required)",
"E-mail *", "Email Address:") and website or the comment itself ("Website", "URL:", "Comment")."""

COMMENT_FEED = re.compile(r"^[\W_]*(?:subscribe\ to:?\s*)?post\ comments\s*\(atom\)[\W_]*$", re.IGNORECASE)
"""Blogger's link to a post's comment feed ("Subscribe to: Post Comments (Atom)"), printed under
the post's comment form."""

FORM_REACH = 4
"""Lines at most from a comment form's name field to each of its other fields."""

SECTION_REACH = 12
"""Lines at most from the comments section's heading ("Leave a comment", "0 Comments") down to its form."""


BELOW_FORM = "a box of the sidebar below the post's comment form"

CLOSING_FORM = "after the post's comments section and comment form, inside the kept run"


HEADLINE_REACH = 6
"""Lines at most from the page's headline down to the post's first paragraph, and to the start of
the run found under it."""

HEADLINE_FAR = 12
"""A kept run starting more than this many lines below the page's headline (or ending above it)
is away from the post the headline opens."""

AWAY_FROM_HEADLINE = "a box away from the post that the page's headline (the line holding the address's slug) opens"

POST_SENTENCE_WORDS = 5
"""A photo post's or a link post's text under its headline may be a single short sentence ("Repurposing
food as art is creative."): a sentence of this many words or more is the post's text."""


def _post_line(text: str) -> bool:
    """Whether ``text`` can be a post's text under its headline: a paragraph, or a sentence of
    :data:`POST_SENTENCE_WORDS` words or more."""
    return word_count(text) >= POST_SENTENCE_WORDS and SENTENCE.search(text) is not None


def article_at_headline(
    texts: Sequence[str], probabilities: Sequence[float] | NDArray[np.float64], url: str | None, start: int, end: int
) -> tuple[int, int] | None:
    """The article, when the kept run ``start..end`` lies away from the post the page's headline
    opens: the headline is the first line holding every word of the address's slug
    (:func:`~newsclean.cleaners.line_model.slug_headline`), title-shaped (:func:`_title_line`, a
    capital first, no closing colon), with the post's text within :data:`HEADLINE_REACH` lines
    under it (a sentence at least, :func:`_post_line`: a photo post's one line), and the run ends
    above it or starts more than :data:`HEADLINE_FAR` lines below it, with no line holding
    :data:`SLUG_TITLE_SHARE` of the slug's words (then the run is about the same story). A
    sidebar's box of prose (an "About" box, a book's blurb, a blog's description) can outscore a
    short post by the model's line scores; the address says which post the page is.
    The article is then the headline and the run under it that gains most from the model's article
    lines, or the prose rule's run there, starting within :data:`HEADLINE_REACH` lines of it;
    ``None`` when the run stays."""
    headline = slug_headline(texts, url)
    if headline < 0 or start <= headline <= end:
        return None
    text = texts[headline].strip()
    if not _title_line(text) or text.endswith(":") or not text[:1].isupper():
        return None
    under = min(len(texts) - 1, headline + HEADLINE_REACH)
    if end >= headline and start <= headline + HEADLINE_FAR:
        return None
    if not any(_post_line(t) for t in texts[headline + 1 : under + 1]):
        return None
    if any(slug_share(line, url) >= SLUG_TITLE_SHARE for line in texts[start : end + 1]):
        return None
    run = keep_range(texts[headline + 1 :], probabilities[headline + 1 :])
    if run is None or run[0] > HEADLINE_REACH:
        run = rule_run_of(texts[headline + 1 :])
        if run[0] < 0 or run[0] > HEADLINE_REACH:
            return None
    return headline, headline + 1 + run[1]


_HOME = r"(?:blog\ )?(?:main|home)(?:\ page)?"
"""The link to the blog's front page that TypePad and Movable Type print between the links to the
posts before and after ("« Older title |", "Main" or "Blog Home", "| Newer title »")."""

_HOME_LINK = re.compile(rf"^[\W_]*{_HOME}[\W_]*$", re.IGNORECASE)

_LINKS_ON_ONE_LINE = re.compile(
    rf"^(?:([«‹←]\s*\w.{{2,150}}?)\s*\|\s*)?{_HOME}(?:\s*\|\s*(\w.{{2,150}}?[»›→]))?$", re.IGNORECASE
)
"""The same links on one line, as lynx prints them ("« Older title | Main | Newer title »")."""

_PERMALINK = re.compile(r"\|\s*permalink[\W_]*$", re.IGNORECASE)

_POSTED = re.compile(r"^[\W_]*(?:posted\s+(?:by|at|on)|this\s+(?:entry|post)\s+was\s+posted)\b", re.IGNORECASE)


def _post_stamp(text: str) -> bool:
    """Whether the end marker ``text`` is the stamp a blog engine prints under a post ("November 13,
    2012 in Cloud | Permalink", "Posted by Ann Lee at 12:32 PM", "This entry was posted in News"):
    not a heading of related links or the sidebar's "Recent Comments", which other end markers are."""
    line = text.strip()
    return _PERMALINK.search(line) is not None or _POSTED.match(line) is not None


def _permalink_stamp(text: str) -> bool:
    """Whether ``text`` is a post's stamp closing on its permalink ("11/09/2012 in Crafts, Fall
    Crafts, ... | Permalink"), however long its list of categories (:data:`END_OF_POST` reads
    one of 80 characters at most), and no sentence."""
    line = text.strip()
    return _PERMALINK.search(line) is not None and not SENTENCE.search(line)


OUTSIDE_LINKED_POST = "outside the post that the blog's links to the posts before and after open"


def _post_links_above(texts: Sequence[str], i: int) -> int | None:
    """The last line of the links to the posts before and after that open at line ``i``, when
    they do: on one line (:data:`_LINKS_ON_ONE_LINE`), or two or three lines in this order, the
    link to the post before ("« Older title |", :data:`_PREVIOUS_POST`), the front page's ("Main",
    :data:`_HOME_LINK`), the link to the post after ("| Newer title »", :data:`_NEXT_LINK`), one
    of them a link to a post (the newest post has no link after it, the oldest none before)."""
    one_line = _LINKS_ON_ONE_LINE.match(texts[i].strip())
    if one_line is not None and (one_line.group(1) or one_line.group(2)):
        return i
    kinds: list[str] = []
    for k in range(i, min(i + 3, len(texts))):
        line = texts[k].strip()
        if not kinds and _PREVIOUS_POST.match(line):
            kinds.append("before")
        elif (not kinds or kinds[-1] == "before") and _HOME_LINK.match(line):
            kinds.append("home")
        elif kinds and kinds[-1] != "after" and _NEXT_LINK.match(line):
            kinds.append("after")
        else:
            break
    if len(kinds) < 2 or kinds == ["home"]:
        return None
    return i + len(kinds) - 1


def post_under_links(texts: Sequence[str], start: int, end: int) -> tuple[int, int] | None:
    """The post that a blog engine prints between its links to the posts before and after
    (:func:`_post_links_above`, "« Older title |" over "Main" over "| Newer title »") and the
    post's stamp under it (the first end marker after the links, :func:`end_of_post`, when it is a
    stamp, :func:`_post_stamp`: "October 7, 2012 in Books | Permalink"), holding
    :data:`POST_SENTENCE_WORDS` words or more, when the kept run ``start..end`` lies wholly
    outside it: the model's run is then a sidebar's box or list, which outscored a short post (a
    photo post's caption, a quotation and a line of its own). The links and the stamp are the blog
    engine's own frame around the post, two independent marks that agree. WordPress prints the
    pair of links under the post, where the next end marker is a heading of related links or the
    sidebar's "Recent Comments", not a post's stamp: no frame. When the run holds the links and
    the post's start under them, it starts under the links (what it took above them is the
    sidebar's list or the blog's header). ``None`` when the run overlaps the post otherwise, or
    the page has no such frame (only the first pair of links is read)."""
    for i in range(len(texts)):
        last = _post_links_above(texts, i)
        if last is None:
            continue
        closing = (k for k in range(last + 1, len(texts)) if end_of_post(texts[k]) or _permalink_stamp(texts[k]))
        close = next(closing, None)
        if close is None or close == last + 1 or not _post_stamp(texts[close]):
            return None
        if sum(word_count(t) for t in texts[last + 1 : close]) < POST_SENTENCE_WORDS:
            return None
        if start <= close - 1 and last + 1 <= end:
            if start < i and last < end:
                return last + 1, end
            return None  # (the run is on the post: the rules below trim its end)
        return last + 1, close - 1
    return None


def comment_form(
    texts: Sequence[str], stop: int, dropped: dict[int, list[str]] | None = None, after: int = -1
) -> int | None:
    """The first line of the first comments section closed by a comment form above line ``stop``:
    the form's name field with the address and website (or comment) fields within
    :data:`FORM_REACH` lines after it under a comments heading ("Leave a comment", "0 Comments")
    within :data:`SECTION_REACH` lines above it (a contact or newsletter form has none), or
    Blogger's comment feed link; the section starts at the earliest such heading. ``dropped``: the lines
    earlier cleaners removed before each position (:func:`_dropped_texts`), read in their places (a
    form's labels and its heading are often removed as a reply form's small print). ``None`` without
    one, or when the section starts at the page's first line."""
    lines: list[tuple[int, str]] = []
    for i in range(after + 1, stop):
        lines.extend((i, text) for text in (dropped or {}).get(i, ()))
        lines.append((i, texts[i].strip()))
    name, mail, site = COMMENT_FIELDS
    for k, (i, line) in enumerate(lines):
        near = [t for _, t in lines[k + 1 : k + 1 + FORM_REACH]]
        feed = COMMENT_FEED.match(line) is not None
        if feed or (
            name.match(line) is not None and any(mail.match(t) for t in near) and any(site.match(t) for t in near)
        ):
            heads = [j for j, t in lines[max(0, k - SECTION_REACH) : k] if comments_heading(t)]
            if not heads and not feed:
                continue  # a contact or newsletter form, not a post's comments
            first = heads[0] if heads else i
            return first if first > max(after, 0) else None
    return None


def article_above_form(
    texts: Sequence[str],
    probabilities: Sequence[float] | NDArray[np.float64],
    start: int,
    dropped: dict[int, list[str]] | None = None,
) -> tuple[int, int] | None:
    """The article, when the kept run starting at ``start`` lies below the post's comment form
    (:func:`comment_form`): a blog prints its sidebar after the post and its comments section, and
    a sidebar's box of prose can outscore a short post. The article is then the run above the
    comments section that gains most from the model's article lines (:func:`keep_range`), or the
    prose-density rule's run there when the model's holds no paragraph and the rule's does (a
    post of pictures under short titles, where the share bar's buttons above the form outscore its
    few sentences); ``None`` when there is no such form or no run above it."""
    form = comment_form(texts, start, dropped)
    if form is None:
        return None
    run = keep_range(texts[:form], probabilities[:form])
    if run is None or not _holds_paragraph(texts, *run):
        rule = rule_run_of(texts[:form])
        if run is None or _holds_paragraph(texts, *rule):
            run = rule
        if run[0] < 0:
            return None
    return run


THREAD_GAP = 40
"""Lines at most between two marks of one readers' thread (a post's time stamp or label), and
between the thread's last mark and the kept run it leads into."""

THREAD_POST = "a post of the readers' thread below the article"


def article_before_thread(
    texts: Sequence[str], probabilities: Sequence[float] | NDArray[np.float64], start: int, headline: int = -1
) -> tuple[int, int] | None:
    """The article, when the kept run starting at ``start`` is a post of a readers' thread: at
    least :data:`STAMPS` marks of posts (time stamps or labels, :data:`POST_LABEL`; one is enough
    under a comments heading within :data:`HEADED_THREAD_REACH` lines above the first) lead up to
    the run, each within :data:`THREAD_GAP` lines of the next and the last of the run, with prose
    between most of them and the run's first line (the posts' text), or between most of one
    kind's (a post can carry a label and a stamp both, "by ann (1234) writes:" over "on Monday
    July 23, @08:25PM", with only the post's title between them). A long comment far down the thread can outscore a
    short article by the model's line scores alone (a near tie that retraining or another
    vocabulary flips); the thread's marks say which is which without those scores. A thread runs
    below the article it discusses, so the article is in the first stretch of lines before the
    thread or between two of its marks that holds a paragraph, above the comments heading in it
    when a paragraph is above that too: there, the run that gains most
    from the model's article lines (:func:`keep_range`), or the prose-density rule's run when
    that holds no paragraph (a short article the model is unsure of). ``None`` when no thread
    leads up to the run, or that stretch has no run holding a paragraph. The marks are looked for
    below ``headline`` only (the line :func:`dump_headline` finds for the run; -1 when none): a
    thread runs under the article it discusses, so marks above the page's headline (a sidebar's
    "Latest Comments", each reader's name and stamp over a comment's opening words) lead up to no
    run of it."""
    marks: list[int] = []
    last = start
    for i in range(start - 1, max(headline, -1), -1):
        if last - i > THREAD_GAP:
            break
        if _post_mark(texts[i]):
            marks.append(i)
            last = i
    marks.reverse()
    kinds = (marks, [m for m in marks if _stamp(texts[m])], [m for m in marks if POST_LABEL.match(texts[m])])
    # The last stretch reaches the run's first line: the post the marks lead up to opens the run.
    enough = STAMPS
    if marks and any(comments_heading(texts[h]) for h in range(max(0, marks[0] - HEADED_THREAD_REACH), marks[0])):
        enough = 1  # a comments heading over the thread's first post says what the marks are
    if not any(len(kind) >= enough and _prose_between(texts, [*kind, start + 1]) for kind in kinds):
        return None
    for first, stop in zip([0, *(m + 1 for m in marks[:-1])], marks, strict=True):
        if not _holds_paragraph(texts, first, stop - 1) and not (first == 0 and _holds_prose(texts, first, stop - 1)):
            continue
        stop = next(
            (j for j in range(first, stop) if comments_heading(texts[j]) and _holds_paragraph(texts, first, j - 1)),
            stop,
        )
        holds = _holds_paragraph if first else _holds_prose
        run = keep_range(texts[first:stop], probabilities[first:stop])
        if run is None or not holds(texts, run[0] + first, run[1] + first):
            run = rule_run_of(texts[first:stop])
            if run[0] < 0 or not holds(texts, run[0] + first, run[1] + first):
                return None
        return run[0] + first, run[1] + first
    return None


def _holds_prose(texts: Sequence[str], start: int, end: int) -> bool:
    """Whether the lines ``start..end`` hold a line of :data:`PROSE_LINE_WORDS` words or more that
    reads as prose (a short post's one paragraph may close on a colon over its pictures), not a
    menu's or a title's: half its words or more in lower case."""
    return start >= 0 and any(
        word_count(t) >= PROSE_LINE_WORDS and sum(w[:1].islower() for w in t.split()) * 2 >= len(t.split())
        for t in texts[start : end + 1]
    )


def _folded(text: str) -> str:
    """``text`` as a line is compared with another (a title quoted with the title line, a table of
    contents' entry with a section's heading): white space folded, case and closing punctuation
    ignored."""
    return " ".join(text.split()).casefold().strip(" .:;,!?")


_QUOTED_TITLE = re.compile(r"[“\"‘«„](?P<title>.{1,200}?)[”\"’»“]")
"""The post's title that a blog engine's thread heading quotes ("111 Responses to “My New Project”")."""


def titled_post_above(texts: Sequence[str], start: int) -> tuple[int, int] | None:
    """The post, when the kept run starting at ``start`` lies below a blog engine's thread heading
    that quotes the post's title (:data:`THREAD_HEADING`: "111 Responses to “My New Project”") and
    the same title stands alone on a line above the heading: the title line and the lines under it
    down to the heading, when they hold a sentence of the post's (:func:`_post_line`). What follows
    such a heading is the readers' thread, whatever the line model scores its posts (a short
    post's readers write more than it does); the engine names the post the thread is about, and
    the same line opens it: two signals that need no line model. ``None`` when the run is not
    below such a heading."""
    for h in range(start - 1, -1, -1):
        line = texts[h].strip()
        found = _QUOTED_TITLE.search(line) if THREAD_HEADING.match(line) else None
        if found is None:
            continue
        title = _folded(found.group("title"))
        top = next((k for k in range(h - 1, -1, -1) if _folded(texts[k]) == title), None)
        if top is not None and any(_post_line(t) for t in texts[top + 1 : h]):
            return top, h - 1
        return None
    return None


def _prose_between(texts: Sequence[str], marks: Sequence[int]) -> bool:
    """Whether most stretches between the lines ``marks`` (in order) hold a line of prose (of
    :data:`PROSE_WORDS` words or more): the posts' text between their marks."""
    between = list(pairwise(marks))
    prose = sum(any(word_count(texts[j]) >= PROSE_WORDS for j in range(a + 1, b)) for a, b in between)
    return 2 * prose >= len(between)


def _post_mark(text: str) -> bool:
    return _stamp(text) or POST_LABEL.match(text) is not None


def _prose_words(texts: Sequence[str], first: int, stop: int) -> int:
    """The words of the lines ``first`` to ``stop`` (not included) of :data:`PROSE_WORDS` words or
    more."""
    return sum(words for words in map(word_count, texts[first:stop]) if words >= PROSE_WORDS)


def _post_marks(texts: Sequence[str], first: int, stop: int) -> int:
    """How many of the lines ``first`` to ``stop`` (not included) are a post's time stamp or label."""
    return sum(1 for text in texts[first:stop] if _post_mark(text))


PROSE_PAST_RULE = (
    "after where the prose-density rule ends the article: mostly prose (comments, teasers) or no paragraph at all"
)

PHOTO_CREDIT = "a photo credit inside the article text"

IN_RUN = "(inside the article text)"
"""Said after the reason a media player's or an embed's remains go for, in the kept run
(:func:`~newsclean.cleaners.media_players.player_residue`,
:func:`~newsclean.cleaners.prompts.embed_residue`)."""

_CREDIT_LABEL = re.compile(
    r"^[\W_]*(?:photo(?:graph)?s?|pictures?|images?|foto(?:s|grafie|graf[íi]a)?|bild(?:er|rechte)?|"
    r"credits?|cr[ée]dits?|cr[ée]dito|imagen|illustration|grafik)"
    r"(?:\s+(?:credit|cr[ée]dit))?\s*[:=©]",
    re.IGNORECASE,
)
_PICTURE_AGENCY = re.compile(
    r"getty ?images|\bafp\b|reuters|\bap photo\b|associated press|\bepa\b|\bdpa\b|shutterstock|istock|"
    r"\bimago(?: images)?\b|picture[- ]alliance|keystone|\banp\b|\befe\b|xinhua|alamy|\bpa (?:images|wire|media)\b|"
    r"nurphoto|anadolu|wireimage|\bsipa\b",
    re.IGNORECASE,
)
_AGENCY_ALONE = re.compile(
    r"\A[\W_]{0,5}(?:ap|via|photos?|file|" + _PICTURE_AGENCY.pattern + r")"
    r"(?:[\W_]{1,5}(?:ap|via|photos?|file|" + _PICTURE_AGENCY.pattern + r")){0,4}[\W_]{0,5}\Z",
    re.IGNORECASE,
)
"""A line that is a picture agency's name and nothing else ("dpa", "AFP", "REUTERS", "Getty Images)",
"Anadolu via Getty Images", "AP Photo"): the credit of the picture above it."""
_LETTERS = re.compile(r"[^\W\d_]")
_PROSE_WORD = re.compile(r"(?<![\w/@.-])[a-zà-öø-ÿ]{4,}\b")
CREDIT_WORDS = 12
"""A credit is a label and a name or two ("Foto: Andreas Woitschützke"); a longer line is a caption or
prose, whatever word it opens with."""

AGENCY_CREDIT_WORDS = 8
"""A credit without a label is a photographer's name and an agency's ("Samir Hussein/Getty Images")."""


def photo_credit(text: str) -> bool:
    """Whether a line reads as a picture's credit: "Photograph: Amazon", "Foto: dpa", "Bild:
    SN/APA/KEYSTONE" (a credit word and a colon, in a few languages, a name after it and at most
    :data:`CREDIT_WORDS` words in all; a bare "Photo Credit:" label, whose name is on another
    line, is left alone), or "Marc Piasecki/Getty Images", "(AFP / ISHARA S. KODIKARA)"
    (a picture agency's name beside a slash, a bar or in brackets, at most
    :data:`AGENCY_CREDIT_WORDS` words and no lower-case word of prose). A dump keeps such a line
    between the article's paragraphs, where the line model (never trained on other collections'
    layouts) scores it as the article's. A data source under a chart ("Source: Bureau of Labor
    Statistics") is the article's and is not a credit; neither is a byline ("By Hilary Russ,
    Reuters") nor a dateline ("WASHINGTON (Reuters) - The president said ...")."""
    stripped = text.strip()
    words = word_count(stripped)
    if words > CREDIT_WORDS:
        return False
    label = _CREDIT_LABEL.match(stripped)
    if label is not None:
        return _LETTERS.search(stripped, label.end()) is not None
    if words > AGENCY_CREDIT_WORDS or _PICTURE_AGENCY.search(stripped) is None:
        return False
    return _AGENCY_ALONE.match(stripped) is not None or (
        (stripped.startswith("(") or "/" in stripped or "|" in stripped)
        and _PROSE_WORD.search(_PICTURE_AGENCY.sub("", stripped)) is None
    )


AD_SLOT = "an ad's placeholder inside the article text"

AD_PLACEHOLDER = re.compile(
    r"""^[\W_]*(?:
        (?:story|article|text)\ continues\ (?:below|after)\ (?:this\ )?(?:the\ )?(?:advertisement|ad|advert)|
        (?:advertisement|ad)\ ?[-–—:]?\ ?(?:scroll|continue)\ (?:down\ )?to\ continue(?:\ reading)?|
        this\ (?:advertisement|ad)\ has\ not\ loaded\ yet(?:,\ but\ your\ article\ continues\ below)?|
        (?:der\ )?artikel\ wird\ (?:unter|nach)\ (?:der|dieser)\ anzeige\ fortgesetzt|weiter\ nach\ der\ anzeige|
        (?:l[’']\ ?)?article\ continue\ (?:après|sous)\ (?:la|cette)\ publicité|passer\ la\ publicité|
        (?:el\ )?artículo\ contin[uú]a\ (?:tras|después\ de)\ la\ publicidad|
        (?:l[’']\ ?)?articolo\ continua\ (?:dopo|sotto)\ (?:la|questa)\ pubblicit[àa]|
        (?:het\ )?artikel\ gaat\ verder\ (?:onder|na)\ de(?:ze)?\ advertentie|
        (?:saken|artikkelen)\ fortsetter\ under\ annonsen|artikeln\ fortsätter\ under\ annonsen
    )[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""An ad slot's placeholder on a line of its own, telling the reader the article goes on below the
ad: "Story continues below advertisement", "This advertisement has not loaded yet, but your article
continues below.", "Advertisement - scroll to continue", "Passer la publicité", "Der Artikel wird
unter der Anzeige fortgesetzt". A dump keeps it between the article's paragraphs."""


def ad_placeholder(text: str) -> bool:
    """Whether a line of at most 15 words is an ad slot's placeholder (:data:`AD_PLACEHOLDER`)."""
    return word_count(text) <= INTERFACE_WORDS and AD_PLACEHOLDER.match(text.strip()) is not None


MORE_TEASER = "a teaser or a note cut short, with its read-more link, inside the article text"

_LINK_MORE = rf"(?:(?:learn|see|view|find\ out)\ )?{MORE_WORDS}(?:\ (?:at|on)\ [\w.-]{{2,40}})?"

TEASER_MORE = re.compile(
    rf"""(?:
        (?:\.\.\.|…)\s*(?:[»›→]\s*)?{_LINK_MORE}\s*(?:\.\.\.|…|[»›→>])?|
        \s\|\s*{_LINK_MORE}\s*(?:\.\.\.|…|[»›→>])?|
        (?:^|\s)[»›→]\s*{_LINK_MORE}|
        \s{_LINK_MORE}\s*[»›→]|
        (?<=[^\W_])\s(?-i:Read\ [Mm]ore|READ\ MORE)\s*(?:\.\.\.|…)
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A line ending in a "more" link that is set off from the words before it, as a dump keeps a
teaser's or an author's note's link: after a cut ("… Read More...", "Email him directly at... →
Learn More", "SiNG PARTY details... Read more..."), after a separator ("Rund 400 Feuerwehrleute
protestieren gegen späteren Ruhestand | mehr"), behind an arrow or a guillemet ("» Read more at
CIO.com", "→ Learn More") or before one ("... prediction models. Read more »"), or a capitalised
"Read more..." right after a word, no sentence ended ("... with midnight launch event Read
more..."). The "more" words are
the prompts cleaner's (:data:`~newsclean.cleaners.prompts.MORE_WORDS`), which there count only
when the markup shows a link; in a dump the mark beside them shows it. A sentence that ends on
the word ("... photos, videos and more.", "Learn more…" after a full sentence) is none."""

TEASER_MORE_REACH = 80
"""How far before a line's end :data:`TEASER_MORE` is looked for: the link and its marks, with
a site's name, are shorter."""


def more_teaser(text: str) -> bool:
    """Whether ``text`` (one line) ends in a read-more link set off from its words
    (:data:`TEASER_MORE`): a teaser of another page, or a note cut short, not the article's."""
    stripped = text.strip()
    return TEASER_MORE.search(stripped, max(0, len(stripped) - TEASER_MORE_REACH)) is not None


PICTURE_BUTTON = "a picture's button or counter inside the article text"

PICTURE_LINE = re.compile(
    r"""^[\W_]*(?:
        (?:open|view|see|show|browse)\ (?:this\ |the\ |all\ )?(?:\d+\ )?(?:photos?|images?|pictures?|gallery|slideshow)
            (?:\ in\ (?:the\ )?gallery)?|
        (?:enlarge|expand)\ (?:this\ )?(?:image|photo|picture)|(?:photo|image|picture|slide)\ \d+\ of\ \d+|
        \d+\ of\ \d+|\d+\ (?:photos|images|bilder|fotos|billeder|zdjęć|foto)|
        (?:bild|foto)\ \d+\ von\ \d+|(?:bild|foto)\ vergrößern|fotostrecke(?:\ (?:ansehen|öffnen|starten))?|
        \d+\ bilder\ -\ fotostrecke\ öffnen|bildergalerie(?:\ (?:ansehen|öffnen))?|
        (?:öppna|visa)\ bild(?:en)?\ i\ helskärm|helskärm|agrandir\ (?:l[’']\ ?)?(?:image|photo)|
        voir\ (?:les\ |toutes\ les\ )?photos|(?:ver|abrir)\ (?:la\ )?galería|ampliar\ (?:la\ )?(?:imagen|foto)|
        apri\ (?:la\ )?(?:gallery|galleria)|(?:bekijk|open)\ (?:de\ )?(?:foto|fotoserie|galerij)|
        se\ (?:alle\ )?bilder(?:ne)?|(?:zobacz|otwórz)\ (?:galerię|zdjęcia)|
        この記事の(?:画像|写真)を見る(?:\(\d+枚\))?|이미지\ ?확대(?:보기)?|사진\ ?확대
    )[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A picture's button or counter on a line of its own, in English and the other languages the headings
here read: "Enlarge This Image", "View 6 Images", "Open this photo in gallery:", "12 Photos", "3 of
12 |", "Fotostrecke ansehen", "5 Bilder - Fotostrecke öffnen", "Öppna bild i helskärm", "この記事の画像を
見る(2枚)", "이미지 확대보기". A dump keeps it between the article's paragraphs, beside the picture's
caption."""


def picture_button(text: str) -> bool:
    """Whether a line of at most 8 words is a picture's button or counter (:data:`PICTURE_LINE`)."""
    return word_count(text) <= 8 and PICTURE_LINE.match(text.strip()) is not None


INTERFACE = "a share, sign-in, subscription or print button inside the article text, in another language"

_NETWORK = (
    r"(?:facebook|twitter|x|whatsapp|telegram|linkedin|xing|pinterest|reddit|threads|bluesky|mastodon|"
    r"messenger|instagram|tiktok|e-?mail|mail|courriel|correo(?:\ electrónico)?|sms)"
)
_BOX_NOTE = r"(?:\ \([^()]{1,40}\))?"
_NOTICE_WORD = r"(?:(?:(?-i:[a-zäöüß][\w-]*)|artikel|beitrag|text|thema|seite|uhrzeit|zeit|pings|trackbacks)\ )"
"""A word between a German note's "Die Kommentare" and "sind geschlossen": lower-case (an adverb, a
pronoun, a preposition: "derzeit", "für diesen") or a noun of the page itself ("Artikel", "Uhrzeit",
"Pings"). A noun naming anything else makes it the article's sentence ("Die Kommentare sind seit
dem Anschlag geschlossen.", "Kommentare sind bei Instagram jetzt ausgeschaltet.")."""

INTERFACE_LINE = re.compile(
    rf"""^[\W_]*(?:
        (?:klick(?:en)?,?\ um\ )?(?:auf|über|per|via|bei|mit)\ {_NETWORK}\ (?:zu\ )?
            (?:teilen|sharen|versenden|verschicken|empfehlen){_BOX_NOTE}|
        (?:cliquez\ pour\ )?partager\ (?:sur|par|via|avec)\ {_NETWORK}{_BOX_NOTE}|
        (?:haz\ clic\ para\ )?compartir\ (?:en|por|vía|via|con)\ {_NETWORK}{_BOX_NOTE}|
        (?:clicca\ per\ )?condividi\ (?:su|via|per|con)\ {_NETWORK}{_BOX_NOTE}|
        (?:klik\ om\ te\ )?delen\ (?:op|via|per)\ {_NETWORK}{_BOX_NOTE}|
        (?:del|dela)\ (?:på|via)\ {_NETWORK}{_BOX_NOTE}|udostępnij\ (?:na|przez)\ {_NETWORK}|
        compartilh(?:ar|e)\ (?:no|na|via|por)\ {_NETWORK}|
        link\ (?:kopiert|kopieren|copiato|gekopieerd|kopiëren|kopiera(?:d|t)?|kopieret|kopiuj|skopiowany)|
        lien\ copié|copier\ le\ lien|enlace\ copiado|copiar\ (?:el\ )?enlace|copia\ (?:il\ )?link|
        kopieer\ (?:de\ )?link|kopier\ lenken?|lenken?\ kopiert|kopiera\ länk(?:en)?|
        (?:jetzt\ )?(?:kostenlos\ )?(?:anmelden|abonnieren|registrieren|einloggen)|abo\ abschlie(?:ss|ß)en|
        (?:newsletter|nyhetsbrev(?:et)?|nieuwsbrief|nyhedsbrev(?:et)?)\ (?:abonnieren|bestellen|abonneren|
            prenumerera\ på|abonner\ på|tilmeld)|
        (?:jetzt\ )?(?:\d+\ (?:wochen|monate|tage)\ )?(?:kostenlos|gratis)\ testen|
        (?:(?:artikel|beitrag|inhalt)\ )?(?:nur\ )?für\ abonnent(?:en|innen)|
        (?:s[’']inscrire|inscrivez-vous|abonnez-vous|se\ connecter|connectez-vous)(?:\ gratuitement)?|
        (?:(?:article|contenu)\ )?réservé\ (?:aux|à\ nos)\ abonnés|déjà\ abonné\ ?\?|
        (?:suscríbete|iniciar\ sesión|regístrate)(?:\ gratis)?|(?:contenido\ )?exclusivo\ para\ suscriptores|
        ¿ya\ eres\ suscriptor\ ?\?|
        (?:iscriviti|accedi|abbonati)(?:\ gratis)?|(?:contenuto|articolo)\ riservato\ agli\ abbonati|
        (?:abonneer|inloggen|registreer)(?:\ nu|\ je)?|(?:alleen\ )?voor\ abonnees|
        (?:logg\ inn|logga\ in|log\ ind|abonner|prenumerera|bli\ abonnent)(?:\ nå|\ nu)?|
        (?:kun\ for|endast\ för)\ (?:abonnenter|prenumeranter)|
        zaloguj(?:\ się)?|subskrybuj|zarejestruj(?:\ się)?|tylko\ dla\ (?:subskrybentów|prenumeratorów)|
        (?:artikel\ |seite\ )?drucken|imprimer(?:\ l[’']article)?|imprimir|stampa|afdrukken|skriv\ ut|drukuj|
        (?:\w+\ )?(?:aufklappen|zuklappen|ausklappen|einklappen)|
        (?:die\ )?kommentar(?:e|funktion\w*)\ {_NOTICE_WORD}{{0,2}}(?:sind|ist)\ {_NOTICE_WORD}{{0,3}}
            (?:geschlossen|deaktiviert|ausgeschaltet)|
        les\ commentaires\ sont\ (?:fermés|désactivés)|los\ comentarios\ están\ (?:cerrados|desactivados)|
        i\ commenti\ sono\ (?:chiusi|disattivati)|(?:de\ )?reacties\ zijn\ gesloten|
        kommentarfeltet\ er\ (?:stengt|lukket)|kommentarerna\ är\ stängda
    )[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""The prompts that :mod:`~newsclean.cleaners.prompts` removes in English, in the other languages
the headings here read (German, French, Spanish, Italian, Dutch, the Scandinavian languages, Polish,
Portuguese), each the whole of a line and translated from the English forms, not read off pages:
a share button naming its network or mail ("Auf Facebook teilen", "Per Mail sharen", "Klicken, um
auf Telegram zu teilen (Wird in neuem Fenster geöffnet)", "Partager sur Facebook"), a copied link
("Link kopiert", "Lien copié"), a sign-in, sign-up or subscribe button ("Jetzt anmelden", "Abo
abschließen", "S'inscrire gratuitement", "Suscríbete", "Logg inn", "Zaloguj się"), a
subscriber-only label ("Article réservé aux abonnés", "Nur für Abonnenten"), a trial offer ("2
Wochen kostenlos testen"), a print button and a box's toggle ("Drucken", "Imprimer", "Box
aufklappen") and the note that the comments are closed ("Die Kommentarfunktion ist derzeit
deaktiviert", "Les commentaires sont fermés"). A bare "Teilen" or "Partager" is left, as "Share"
is (a share bar's heading, which :data:`END_OF_ARTICLE` does not read either)."""

INTERFACE_WORDS = 15
"""A button or a note is a few words; a longer line is prose, whatever it opens with."""


def interface_line(text: str) -> bool:
    """Whether a line is a button or a note of the page's interface in another language
    (:data:`INTERFACE_LINE`). Removed only inside the kept run, after the run is chosen: taken
    out before the line model reads the dump (as :mod:`~newsclean.cleaners.prompts` takes the
    English ones), the lines' neighbours and places change and the run moves as often the wrong
    way as the right one."""
    return word_count(text) <= INTERFACE_WORDS and INTERFACE_LINE.match(text.strip()) is not None


SHARE_BAR = "a share bar's buttons (networks, copy link, e-mail, print, bookmark) inside the article text"

_SHARE_NETWORKS = (
    r"facebook|twitter|x|whatsapp|telegram|linkedin|xing|pinterest|reddit|flipboard|bluesky|mastodon|messenger|"
    r"threads|tumblr|pocket|digg|stumbleupon|delicious|icio|newsvine|technorati|fark|myspace|orkut|viadeo|"
    r"livejournal|igoogle|diigo|friendfeed"
)
"""The networks and bookmarking sites a share bar's buttons name."""

_SHARE_BUTTONS = (
    r"e-?mail|mail|copy|copied|print|bookmarks?|share|sharing|teilen|kopiert|partager|envoyer|compartir|condividi|"
    r"delen|dela"
)
"""The buttons' verbs and mail, in the languages of the collections' pages."""

_RUN_ONLY = r"google|yahoo|rss|feed|submit|add|with|my"

_SHARE_WORD = re.compile(
    rf"(?:{_SHARE_NETWORKS}|{_SHARE_BUTTONS}|{_RUN_ONLY}|sms|tweet|del|save|social|link|blog|kopieren|"
    r"error|occurred|this|the|to|on|via|par|us|article|artikel|\d+)",
    re.IGNORECASE,
)
"""A word a share bar's buttons are made of: a network's or mail's name, a button's verb ("Copy",
"Print", "Bookmark", "Share", "Partager", "Teilen", Blogger's "BlogThis!"), a copied link's state ("Link copied", "Link
kopiert", "Error occurred"), the small words joining them ("Share to", "Email Us", "Envoyer par") and
a counter; the bookmarking sites older pages' bars name ("del.icio.us", "Newsvine", "Technorati",
"Fark", "iGoogle") and the words of their buttons that only a bar's run counts
(:data:`_RUN_ONLY_WORD`). Not "Instagram", "TikTok", "YouTube" or "Snapchat", which have no share
button: a list of the networks an article is about names them and is not read as a bar."""

_ACTION_WORD = re.compile(rf"(?:{_SHARE_NETWORKS}|{_SHARE_BUTTONS})", re.IGNORECASE)
"""A share bar's word that names a network or a button (not a joining word or a counter)."""

_RUN_ONLY_WORD = re.compile(_RUN_ONLY, re.IGNORECASE)
"""A share bar's word of the older bars' buttons ("Google Bookmarks", "Save to My Yahoo!", "Bookmark
with del.icio.us", "RSS Feed", "Submit to reddit", "Add to Digg") that ordinary headings use too ("Sharing on
Google+", "RSS feed"): a line holding one counts only inside a run of the bar's lines."""


def _bar_line(words: Sequence[str]) -> bool:
    """Whether a line of a share bar's ``words`` reads as one on its own (no :data:`_RUN_ONLY_WORD`)."""
    return not any(_RUN_ONLY_WORD.fullmatch(w) for w in words)


def _share_line(text: str) -> bool:
    """Whether ``text`` is a line of a share bar's words that reads as one on its own ("Share",
    "Email", "Tweet 12"; not "RSS feed")."""
    words = _share_words(text)
    return words is not None and _bar_line(words)


_GLUED = re.compile(r"(?<=[a-zà-öø-ÿ])(?=[A-ZÀ-ÖØ-Þ])")
"""Where a dump glues two buttons' labels together ("Share to FacebookShare to Twitter")."""

_TOKEN = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
"""A word of a line, hyphens inside it kept ("E-Mail")."""

LONE_BUTTON = re.compile(r"^[\W_]*(?:tweet|pin\ it)[\W\d_]*$", re.IGNORECASE)
"""A share button no line of an article is: "Tweet" or "Pin it" alone (maybe with its counter),
which a share bar prints beside the headline or under the text; unlike "Facebook" or "Email",
the word alone is never a heading or a list's item."""


SHARE_BAR_LINES = 3
"""A run of at least this many lines of a share bar's single words ("Copy", "Email", "Facebook",
"X", "Reddit") is a share bar; fewer may be a list's or a table's cells."""

SHARE_LINE_MAX = 40
"""A line of a share bar's words alone longer than this is left (no bar is that long)."""


def _share_words(text: str) -> list[str] | None:
    """The words of a line made of a share bar's words alone (:data:`_SHARE_WORD`), else ``None``."""
    words: list[str] = []
    for word in _TOKEN.findall(text):
        parts = [word] if _SHARE_WORD.fullmatch(word) else _GLUED.split(word)
        if not all(_SHARE_WORD.fullmatch(part) for part in parts):
            return None
        words.extend(parts)
    return words if 0 < len(words) <= SHARE_LINE_MAX else None


def _names(words: Sequence[str]) -> set[str]:
    """The networks and buttons a share bar's words name (:data:`_ACTION_WORD`), not counting
    "X", which is also a letter of a size ("1920 x 1080") or of a drawing."""
    return {w.lower() for w in words if _ACTION_WORD.fullmatch(w) and w.lower() != "x"}


def share_bar(texts: Sequence[str], start: int, end: int) -> set[int]:
    """The lines of ``start..end`` that are a share bar: one line of two or more of a share bar's
    words, at least one naming a network or a button ("Link copied Bookmark", "Partager Partager",
    "LinkedIn Link kopiert Error occurred Facebook Link kopiert ..."), and a run of
    :data:`SHARE_BAR_LINES` lines or more each a share bar's words alone ("Copy", "Email",
    "Facebook", "X"), naming three networks or buttons or more, and a lone "Tweet" or "Pin it"
    (:data:`LONE_BUTTON`). Another single word alone ("Facebook" over the paragraphs on Facebook,
    "Copy" under a code block) is left. Removed after the run is
    chosen, as :func:`interface_line` is."""
    found: set[int] = set()
    i = start
    while i <= end:
        j = i
        names: set[str] = set()
        while j <= end and (words := _share_words(texts[j])) is not None:
            names.update(_names(words))
            j += 1
        if j - i >= SHARE_BAR_LINES and len(names) >= SHARE_BAR_LINES:
            found.update(range(i, j))
        else:
            for k in range(i, j):
                words = _share_words(texts[k]) or []
                if sum(not w.isdigit() for w in words) >= 2 and _names(words) and _bar_line(words):
                    found.add(k)
        i = max(j, i + 1)
    found.update(k for k in range(start, end + 1) if LONE_BUTTON.match(texts[k]))
    return found


AD_LABEL = "an ad's label repeated between the article's paragraphs"

_AD_FREE = re.compile(
    r"""(?:\b(?:remove|hide|block|skip|turn\ off|no\ more)\ (?:the\ )?(?:ads|adverts|advertisements)\b|
        \bad-free\b|\bwerbefrei\b|\bsans\ (?:la\ )?publicit[ée]s?\b|\bsin\ (?:anuncios|publicidad)\b|
        \bsenza\ pubblicit[àa]\b|\breclamevrij\b|\breklamefri(?:tt)?\b)""",
    re.IGNORECASE | re.VERBOSE,
)
"""An ad slot's offer to be rid of the ads ("Remove ads", "Go ad-free", "Werbefrei lesen", "Sans
publicité"), in English and the other languages the headings here read. Not the word "Advertising"
alone, which a page's table or a list of a product's features says again and again."""

AD_LABEL_WORDS = 10
"""An ad's label is a few words ("Don't want to see this? Remove ads")."""


def repeated_ad_labels(texts: Sequence[str], start: int, end: int) -> set[int]:
    """The short lines of ``start..end`` offering to be rid of the ads (:data:`_AD_FREE`) that come
    back word for word two times or more between the article's paragraphs: each ad slot's label
    ("Don't want to see this? Remove ads"). An article's sentence on ad-free plans is said once."""
    seen: dict[str, list[int]] = {}
    for i in range(start, end + 1):
        text = texts[i].strip()
        if text and word_count(text) <= AD_LABEL_WORDS and _AD_FREE.search(text):
            seen.setdefault(text.lower(), []).append(i)
    return {i for places in seen.values() if len(places) >= 2 for i in places}


SAID_AGAIN = "a picture's words that the caption on the next line says again (the caption's copy kept)"

SAID_AGAIN_CHARS = 20
"""Characters at least in a line that the next one says again for :func:`said_again` to drop it."""

SAID_AGAIN_WORDS = 60
"""Words at most in such a line (a picture's alt text, not a paragraph)."""

SAID_TWICE_WORDS = 8
"""Words at least in a line the next one says again word for word, with nothing after: a
picture's description (an item's title or a name shown twice is shorter, and a page shows it
twice)."""

_WORD_MARKS = re.compile(r"\W+")


def said_again(texts: Sequence[str], start: int, end: int) -> set[int]:
    """The lines of ``start..end`` that the next line says again, compared without case and
    punctuation: word for word (at least :data:`SAID_TWICE_WORDS` words), or followed by a
    photo credit (:func:`photo_credit`: "Getty Images/Juanmonino", "(Jim Watson/AFP/Getty
    Images)"). ``lynx -dump`` prints a picture's words (its ``alt``) as a line where the
    picture is, and the caption under it repeats them, maybe with the photographer's credit; a
    heading that the next line opens with and goes on from (a name over a headline, an item's
    title over its price) stays. Asked once the run is chosen (removed before the line model
    reads the dump, the lines' neighbours change and the run moves)."""
    out: set[int] = set()
    after: list[str] = []  # the next line's words
    folded_after: list[str] = []  # the same, folded (a word of marks alone folds to "")
    for i in range(end, start - 1, -1):
        words = texts[i].split()
        folded = [_WORD_MARKS.sub("", word).lower() for word in words]
        kept = [word for word in folded if word]
        if 0 < len(kept) <= SAID_AGAIN_WORDS and len(texts[i].strip()) >= SAID_AGAIN_CHARS:
            # The next line's words up to as many as this line has, marks alone skipped.
            at, matched = 0, 0
            while at < len(folded_after) and matched < len(kept):
                if folded_after[at]:
                    if folded_after[at] != kept[matched]:
                        break
                    matched += 1
                at += 1
            if matched == len(kept):
                tail = " ".join(after[at:])
                if (not _WORD_MARKS.sub("", tail) and len(kept) >= SAID_TWICE_WORDS) or (tail and photo_credit(tail)):
                    out.add(i)
        after, folded_after = words, folded
    return out


PROSE_LINE_WORDS = 15
"""A line of at least this many words is prose (a paragraph or a reader's comment)."""

PROSE_TAIL_SHARE = 0.5
"""When the model's run goes on past the end the prose-density rule found, and at least this
share of the words it adds is in prose lines, the run ends where the rule's does."""


GAP_LINES = 10
"""Short lines at least, right after the prose rule's end, before the first paragraph the model's
run adds there, for :func:`prose_past_rule` to read that paragraph as a box's, not the
article's."""

GAP_SCORE = 0.6
"""The line model's mean score under which those :data:`GAP_LINES` lines are the page's
furniture the model was unsure of, not a table or list it read as the article's."""


def _list_intro(text: str) -> bool:
    """Whether ``text`` is a sentence introducing a list (the short lines after it are items)."""
    return bool(LIST_INTRO.search(text)) and word_count(text) >= LIST_INTRO_WORDS


def prose_past_rule(
    texts: Sequence[str],
    found: tuple[int, int],
    rule: tuple[int, int],
    scores: Sequence[float] | NDArray[np.float64] | None = None,
) -> tuple[int, int]:
    """The model's run ``found`` ends where the rule's run ``rule`` does when what the model adds
    after it is mostly prose, or holds no paragraph at all. The line model tells a paragraph
    from a menu, but not the article's paragraphs from readers' comments or teaser paragraphs
    after it, while the rule stops at the end markers ("Comments", "Related posts") and at the
    densest run's end, so two independent signals must agree before prose past the rule is kept.
    Short lines past the rule's end with no paragraph among them (a line of
    :data:`PROSE_LINE_WORDS` words or more with a sentence end) are a share bar, a mail form or
    a list of links more often than the article's closing table or list, which has the article's
    next paragraph after it, or a sentence introducing it (:data:`LIST_INTRO`) where the rule's
    run ends. Either cut needs a third signal too: a line among the added ones that one of this
    module's detectors reads as the page's furniture (:func:`_chrome_line`: a "Reply" label, a
    comments heading, "Share this", a stamp). Without one, the added lines are a listicle's next
    items or the article's closing list (tour dates, a tracklist), which the rule's densest run
    left out. With the model's ``scores``, a paragraph the model adds only after
    :data:`GAP_LINES` short lines or more past the rule's end, a line of furniture among them and
    their mean score under :data:`GAP_SCORE`, is no closing paragraph of the article either: the
    lines between are a mail form, contact lines and a share bar, and the paragraph is a
    sidebar's blurb or a gallery's; a table or list of the article's own there scores higher.
    Nothing is cut when the rule's run lies mostly above the model's (a menu the rule
    took for the densest run, ending just inside the model's start): the two signals do not
    agree where the article is, so neither says where it ends. Returns the run's end and the
    last line left out for these reasons (``-1`` when none was)."""
    start, end = found
    rule_start, rule_end = rule
    if rule_start < 0 or end <= rule_end or rule_end < start:
        return end, -1
    if rule_end - start < start - rule_start:
        return end, -1
    lines = texts[rule_end + 1 : end + 1]
    added = [word_count(t) for t in lines]
    chrome = [_chrome_line(t) for t in lines]  # (read once: the gap's test below asks again)
    if not any(chrome):
        return end, -1
    prose = sum(n for n in added if n >= PROSE_LINE_WORDS)
    if prose and prose >= PROSE_TAIL_SHARE * sum(added):
        return rule_end, end
    if any(_list_intro(t) for t in texts[rule_end : rule_end + 2]):
        return end, -1
    first = next((k for k, t in enumerate(lines) if _prose_paragraph(t)), None)
    if first is None:
        return rule_end, end
    if (
        scores is not None
        and first >= GAP_LINES
        and any(chrome[:first])
        and sum(float(p) for p in scores[rule_end + 1 : rule_end + 1 + first]) / first < GAP_SCORE
    ):
        return rule_end, end
    return end, -1


def _chrome_line(text: str) -> bool:
    """Whether ``text`` reads as the page's furniture by a detector of this module's own: an end
    marker or a post's closing line, a comments or teaser heading, a reader's post label or time
    stamp, a share bar's words alone (:func:`_share_words`: its buttons, or a counter, "0"), a
    sign-in or subscription button, a photo credit, an ad's placeholder, a picture's button or a
    read-more teaser."""
    line = text.strip()
    return bool(
        END_OF_ARTICLE.match(line)
        or end_of_post(line)
        or comments_heading(line)
        or TEASER_HEADING.match(line)
        or POST_LABEL.match(line)
        or interface_line(line)
        or _share_line(line)
        or _stamp(line)
        or photo_credit(line)
        or ad_placeholder(line)
        or picture_button(line)
        or more_teaser(line)
    )


CLOSING_TABLE_LINES = 8
"""The most lines a table of figures between the article's last two paragraphs may hold for
:func:`paragraph_after_table` to carry the run across it."""

CLOSING_TABLE_FIGURES = 2
"""A table of figures holds at least this many lines of figures (:data:`TABLE_CELL`)."""

_SMALL_NUMBER = re.compile(r"\A\W*(\d{1,3})\W*\Z")


def _prose_paragraph(text: str) -> bool:
    return word_count(text) >= PROSE_LINE_WORDS and SENTENCE.search(text) is not None


def _counts(figures: Sequence[str]) -> bool:
    """Whether ``figures`` count 1, 2, 3 (or down): page numbers or a list's ranks, not a table."""
    numbers = [_SMALL_NUMBER.match(t) for t in figures]
    if not all(numbers):
        return False
    values = [int(m.group(1)) for m in numbers if m]
    return all(abs(b - a) == 1 for a, b in pairwise(values))


def paragraph_after_table(texts: Sequence[str], start: int, end: int, rule: tuple[int, int]) -> int:
    """The kept run's end, carried on to the paragraph after a short table of figures that follows
    the run's last paragraph, when the prose-density rule's run holds that paragraph too. The
    table's short lines (a caption, its cells) weigh against the run, and the paragraph after
    them needs a high score to pull the run across them; the rule reads a table's figures as
    neutral and carries its run over them. A table here is at most :data:`CLOSING_TABLE_LINES`
    lines without prose, :data:`CLOSING_TABLE_FIGURES` or more of them figures, and not a count
    (page numbers and a list's ranks are figures too). Nothing here reads the paragraph's words
    or scores: the line model's word weights (:class:`~newsclean.cleaners.line_model.LineWords`)
    may find a plain closing paragraph's words unlike an article's. Returns the new end (``end``
    when nothing is carried on)."""
    rule_start, rule_end = rule
    if rule_start < 0 or end >= rule_end or end < start:
        return end
    last = next((i for i in range(end, start - 1, -1) if _prose_paragraph(texts[i])), None)
    if last is None:
        return end
    after = next((i for i in range(end + 1, rule_end + 1) if _prose_paragraph(texts[i])), None)
    if after is None:
        return end
    between = texts[last + 1 : after]
    if len(between) > CLOSING_TABLE_LINES or any(word_count(t) >= PROSE_LINE_WORDS for t in between):
        return end
    figures = [t for t in between if TABLE_CELL.match(t)]
    if len(figures) < CLOSING_TABLE_FIGURES or _counts(figures):
        return end
    return after


def _holds_paragraph(texts: Sequence[str], start: int, end: int) -> bool:
    """Whether the lines ``start..end`` hold a paragraph (a line of :data:`PROSE_LINE_WORDS` words or
    more with a sentence end). A run of the model's with none is a blog's archive list or a column
    of figures it scored like a data table; when the prose rule's run holds one, that is the
    article (an article without a single paragraph is rarer than such a list)."""
    return start >= 0 and any(word_count(t) >= PROSE_LINE_WORDS and SENTENCE.search(t) for t in texts[start : end + 1])


def keep_range(texts: Sequence[str], probabilities: Sequence[float] | NDArray[np.float64]) -> tuple[int, int] | None:
    """The run of lines that gains most from the model's article lines, with the headline and
    standfirst just above it (later cleaners move the headline to its field); ``None`` when no
    line is likely enough to be the article's."""
    if isinstance(probabilities, np.ndarray):
        probabilities = probabilities.tolist()
    gains = [(p - ARTICLE_SHARE) * (word_count(t) + 1) for t, p in zip(texts, probabilities, strict=True)]
    first, end = _best_run(gains)
    if first < 0:
        return None
    # A paragraph right after the run that the model is unsure of is the article's last.
    while (
        end + 1 < len(texts)
        and probabilities[end + 1] >= TAIL_SHARE
        and word_count(texts[end + 1]) >= TAIL_WORDS
        and SENTENCE.search(texts[end + 1])
    ):
        end += 1
    start = first
    while start > 0 and _lead_in_ok(texts, start - 1, first):
        start -= 1
    return start, end


def rule_run_of(texts: Sequence[str], markers: frozenset[int] = frozenset()) -> tuple[int, int]:
    """The article's first and last line by the prose-density rule alone: the densest run of
    prose, carried across tables and galleries, cut at an end marker (a line of ``texts``, or
    one an earlier cleaner removed just before each line position in ``markers``), with its
    headline and standfirst; ``(-1, -1)`` when no line reads like prose."""
    scores = _scores(list(texts))
    start, end = _best_run(scores)
    if start < 0:
        return start, end
    start, end = _extend(scores, start, end)
    end = _cut_at_end_marker(texts, start, end, markers)
    while start > 0 and end - start >= 0 and _lead_in_ok(texts, start - 1, start):
        start -= 1
    return start, end


def rule_run(doc: Document) -> tuple[int, int]:
    """:func:`rule_run_of` over ``doc``'s block texts and the end markers earlier cleaners dropped."""
    return rule_run_of([b.text for b in doc.blocks], _markers_dropped(doc))


END_OF_ARTICLE = re.compile(
    r"""^(?:
        related(?:\ (?:posts?|articles?|stories|content|reading|news|topics))?|
        (?:you\ (?:may|might)\ )?(?:also\ )?like(?:\ to\ read|\ these)?|
        (?:you\ (?:may|might)\ (?:also\ )?|also\ )enjoy(?:\ reading|\ these)?|read\ (?:next|more|also)|
        (?:load|show|view|see)\ (?:all\ )?(?:\d+\ )?comments|join\ the\ (?:discussion|conversation)|
        more\ (?:from|on|in|like\ this|stories|articles|news)\b.{0,40}|recommended(?:\ for\ you)?|
        (?:most\ )?(?:popular|read|viewed|trending)(?:\ (?:now|posts?|stories|articles|today))?|
        (?:leave|post|add|write)\ a\ (?:reply|comment)(?:(?:\ or\ question)?\ ?cancel\ reply)?|
        \d*\ ?(?:comments?|responses?|replies)|(?:comment|reply)?\ ?cancel\ reply|
        click\ (?:here\ )?to\ cancel\ reply|
        trackbacks?(?:[-\ ]?url)?(?:\ for\ this\ (?:entry|post))?|
        (?:share|like)\ this(?:\ (?:article|story|post))?|about\ the\ author|
        (?:recent|latest|similar|other)\ (?:posts?|articles?|stories|news)|
        (?:tags?|categories|filed\ under|posted\ in)|
        (?:diesen\ |den\ )?(?:artikel|beitrag)\ teilen|partager\ (?:cet\ |l[’']\ ?)article|
        compartir\ (?:este|esta|el|la)\ (?:artículo|noticia|nota)|condividi\ (?:questo\ |l[’']\ ?)articolo|
        deel\ (?:dit\ |het\ )?artikel|del\ (?:artikkel(?:en)?|artikel(?:en)?|saken)|dela\ artikel(?:n)?|
        udostępnij\ artykuł|über\ (?:den\ autor|die\ autorin)|zu(?:m\ autor|r\ autorin)|à\ propos\ de\ l[’']\ ?auteur|
        (?:sobre|acerca\ de)\ (?:el\ autor|la\ autora)|sull[’']\ ?autore|over\ de\ auteur|om\ forfatteren|
        om\ författaren|o\ autorze|
        schlagw(?:ö|oe)rter|schlagworte|stichw(?:ö|oe)rter|mots[-\ ]cl[ée]s|étiquettes|etiquetas|argomenti|
        trefwoorden|stikkord|emneord|taggar|tagi|
        \d*\ ?(?:kommentare?|commentaires?|comentarios?|commenti|reacties?|kommentarer|komentarz[ey]?)|
        kommentieren|kommentar\ schreiben|zu\ den\ kommentaren(?:\ springen)?|diskutieren\ sie\ mit|
        (?:laisser|ajouter|écrire|rédiger)\ un\ commentaire|(?:deja|dejar|escribe|añade)\ (?:un|tu)\ comentario|
        lascia\ un\ commento|partecipa\ alla\ discussione|plaats\ een\ reactie|skriv\ (?:en\ )?kommentar|
        dodaj\ komentarz|
        (?:[■◆◇●○▶▼□]\s*)?(?:この記事を書いた人|(?:筆者|著者|記者)(?:紹介|プロフィール)|関連キーワード|キーワード|タグ|ジャンル|
            カテゴリー?|この記事をシェア(?:する)?|コメント(?:を書く|する|一覧)?|\d+件のコメント|
            作者(?:简介|簡介|介绍|介紹)|关于作者|關於作者|关键词|關鍵字|关键字|标签|標籤|发表评论|發表評論|评论|評論|
            기자\ ?소개|필자\ ?소개|관련\ ?키워드|태그|키워드|댓글(?:\ ?\d+)?|댓글\ ?쓰기)\s*：?
    )\s*(?:[:.!]|(?<!more)(?<!more\ )[-–—»›>→▼|]+)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""Headings that close an article: whatever follows them (teasers, comments) is not its text. The
same headings in the languages :data:`TEASER_HEADING` reads: the share bar's "share this article"
("Artikel teilen", "Partager cet article"), "about the author" ("Über den Autor", "Om forfatteren"),
the tags ("Schlagwörter", "Mots-clés", "Etiquetas"), the comments ("Kommentare", "Lascia un
commento", "Zu den Kommentaren springen"), and in Japanese, Chinese and Korean, as the teaser headings
are: "この記事を書いた人" (about the author), "関連キーワード", "ジャンル：", "关键词", "관련 키워드" (the tags),
"コメント", "评论", "댓글" (the comments). A bare "Teilen" or "Partager" is a share bar, which as
often sits above the article, and is not one (nor is "Share" in English). An arrow, a dash or a bar
after the heading is the theme's ("53 Comments »", "You may also like -"), except after "more":
"Read more »" is a teaser's own link, printed under each teaser."""

_POST_NEIGHBOUR = r"(?:previous|next|older|newer)\ (?:post|article|story|entry)s?"
"""The link to the post before or after ("Previous Post", "NEXT STORY")."""

_POST_TAGS = r"(?:tags|labels|categor(?:y|ies))"
"""A post's tag or category label ("Tags:", "Labels:", "Categories:")."""

_POST_TAGGED = r"tagged\ (?:with|as):?\ \w.{0,200}"
"""A post's tags as a phrase ("Tagged with BlackBerry, RIM", "Tagged with: dividend, taxes")."""

_POST_FILED = r"(?:this\ (?:entry|post)\ was\ )?posted\ at\ \d{1,2}:\d{2}\ ?(?:[ap]\.?m\.?)?\ in\ \w.{0,200}"
"""A post's time and categories under it as TypePad prints them ("Posted at 05:00 AM in Decor,
Weddings")."""

END_OF_POST = re.compile(
    rf"""^[\W_]*(?:
        {_POST_NEIGHBOUR}(?:\s*[:»›]\s*\w.{{0,100}})?|
        (?:explore\ |see\ |view\ |more\ )?related(?:\ [\w&'-]+){{0,4}}|
        (?:posts?|articles?|stories|entries)\ related\ to\ \w.{{0,80}}|
        this\ (?:entry|post)\ was\ posted(?:\ (?:in|on|by|under)\ \w.{{0,200}})?|
        {_POST_FILED}|
        also\ on\ [^.!?:]{{1,30}}:|recent\ comments|
        (?:tagged(?:\ (?:with|as|in))?|{_POST_TAGS}|posted\ (?:in|under)|filed\ (?:in|under))
            \s*:(?:\s*\w.{{0,200}})?|
        {_POST_TAGGED}|
        posted\ by\ [^.!?|]{{1,60}}\ (?:at|on)\ [^.!?|]{{3,60}}(?:\|\s*permalink)?|
        [^.!?|]{{3,80}}\|\s*permalink
    )[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""What a blog engine or a news site prints where a post ends, which :data:`END_OF_ARTICLE`'s bare
headings do not read: the way to the post before or after ("← Previous Post", "NEXT STORY:"), a
heading of related links however worded ("Related Stories ▼", "Explore related topics"), another
site's teasers ("Also on HuffPost:"), the sidebar's "Recent Comments", and the post's tag or
category line with its list ("Tagged with: budget, council", "Posted in: Fantasy"), or its label
alone over the list's lines (Blogger's "Labels:"), and the post's
stamp that Blogger and TypePad print under it ("Posted by Ann Lee at 12:32 PM", "November 13, 2012
in Cloud | Permalink"; above the post the same stamp is a byline, which the end markers' word
count, :data:`END_MIN_WORDS`, leaves alone). A line with a sentence end is never one
(:func:`end_of_post`): "Posted in March, the notice was ignored." is the article's.
:func:`end_of_post` also reads the links to both posts on one line ("« Previous Post | Next post
»") or one with its post's title (:data:`POST_LINKS`)."""

_ELLIPSIS = re.compile(r"(?:\.\.\.|…)[\W_]*$")


def end_of_post(text: str) -> bool:
    """Whether ``text`` (one line) is a heading or a line of links that closes a post
    (:data:`END_OF_POST`, or the links to the posts before and after, :data:`POST_LINKS`) and not
    a sentence; a trailing ellipsis ("Related articles...") is a heading's, not a sentence's end."""
    stripped = text.strip()
    marker = END_OF_POST.match(stripped) or POST_LINKS.match(stripped)
    return marker is not None and not SENTENCE.search(_ELLIPSIS.sub("", stripped))


TEASER_HEADING = re.compile(
    r"""^[\W_]*(?:
        (?:[\w'’.-]+\ ){0,2}(?:top|latest)\ (?:headlines|stories|news|videos|articles|posts)\b.{0,30}|
        more\ [\w&'’-]+(?:\ [\w&'’-]+)?\ (?:news|stories|articles|headlines|videos)\b.{0,20}|
        most\ (?:popular|read|viewed|shared|commented)\b.{0,30}|more\ trending\b.{0,30}|
        featured\ (?:posts?|articles?|stories|story|videos?|content)\b.{0,20}|
        mehr\ zum\ thema\b.{0,40}|weitere\ (?:themen|artikel|nachrichten|meldungen)\b.{0,30}|
        (?:das\ )?könnte\ (?:sie|dich)\ (?:auch\ )?interessieren|lesen\ sie\ (?:auch|mehr)\b.{0,40}|lest\ auch\b.{0,40}|
        auch\ interessant|meistgelesen\w*|neueste\ \w*artikel|
        (?:à\ )?lire\ aussi\b.{0,40}|sur\ le\ même\ sujet|les\ plus\ lus|
        leggi\ anche\b.{0,40}|le\ più\ lette|
        (?:lee|leer)\ también\b.{0,40}|te\ puede\ interesar|noticias\ relacionadas|lo\ más\ leído|
        les\ også\b.{0,40}|läs\ (?:också|mer)\b.{0,40}|læs\ også\b.{0,40}|
        czytaj\ (?:też|także|również)\b.{0,40}|zobacz\ (?:też|także|również)\b.{0,40}|
        lees\ ook\b.{0,40}|meer\ (?:over|nieuws)\b.{0,40}|
        (?:ähnliche|verwandte|empfohlene)\ (?:artikel|beiträge|nachrichten|themen|meldungen)|
        (?:die\ )?redaktion\ empfiehlt|empfehlungen\ der\ redaktion|am\ (?:beliebtesten|meisten\ gelesen)|
        articles\ (?:similaires|liés|associés|recommandés)|(?:les\ )?(?:articles\ )?plus\ populaires|
        recommandés?\ pour\ vous|artículos\ relacionados|recomendad[oa]s\ para\ ti|lo\ más\ (?:visto|popular)|
        articoli\ correlati|notizie\ correlate|(?:ti\ )?potrebbe\ interessarti(?:\ anche)?|
        (?:consigliati|raccomandati)\ per\ te|i\ più\ (?:letti|visti|popolari)|
        gerelateerde\ (?:artikelen|berichten)|meest\ gelezen|
        relaterte\ (?:artikler|saker)|relaterade\ artiklar|relaterede\ artikler|mest\ (?:lest|lästa|læste)|
        powiązane\ (?:artykuły|tematy)|najczęściej\ czytane|(?:artigos|notícias)\ relacionad[oa]s|mais\ lid[oa]s|
        (?:関連(?:記事|ニュース)|あわせて読みたい|こちらもおすすめ|おすすめ(?:記事|情報|ニュース)|人気記事|アクセスランキング|
           相[关關](?:新[闻聞]|[阅閱][读讀]|文章|[报報][道導])|延伸[阅閱][读讀]|推[荐薦][阅閱][读讀]|[热熱]门(?:新[闻聞]|文章)|
           관련\ ?(?:기사|뉴스)|많이\ ?본\ ?(?:뉴스|기사)|인기\ ?기사|추천\ ?기사).{0,12}
    )[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A news site's heading over teaser links, in a few languages ("Top Stories", "Most read in
Football", "More Trending", "Featured Posts", "Mehr zum Thema", "Lesen Sie auch", "Lire aussi", "Lee también",
"Raccomandati per te", "Les også", "【関連記事】", "相关新闻", "관련기사"). On a
modern news page the same heading also boxes one or two teasers between the article's
paragraphs, so it ends the article only with no paragraph in the :data:`TEASER_LOOKAHEAD` lines
after it (:func:`_teasers_follow`)."""

TEASER_LOOKAHEAD = 12
"""An inline box holds a teaser or two and the article's paragraphs go on a few lines below it;
a closing block of teasers runs on longer than this many lines without a paragraph."""


def _teasers_follow(texts: Sequence[str], i: int) -> bool:
    """Whether line ``i`` heads a closing block of teasers (:data:`TEASER_HEADING`): no sentence
    itself, and no paragraph in the :data:`TEASER_LOOKAHEAD` lines after it."""
    line = texts[i].strip()
    if not TEASER_HEADING.match(line) or SENTENCE.search(_ELLIPSIS.sub("", line)):
        return False
    return not _holds_paragraph(texts, i + 1, min(i + TEASER_LOOKAHEAD, len(texts) - 1))


TEASER_BOX = "a box of teasers under its heading between the article's paragraphs"

TEASER_BOX_WORDS = 150
"""At most this many words in a teaser box between paragraphs: a heading and a few headlines."""


_RELATED_WORDS = re.compile(
    r"\A[\W_]*(?:related|read|more|recommended|you|also|most|popular|trending|latest|recent|similar|other|explore|see)\b",
    re.IGNORECASE,
)
"""The opening word of an end marker that heads other stories ("Related posts", "More from Sport", "You
may also like"), not the readers' comments, the post's tags or a share bar's."""


def _box_heading(line: str) -> bool:
    """Whether ``line`` heads a box of teasers: a news site's teaser heading, or an end marker that
    heads other stories."""
    if SENTENCE.search(_ELLIPSIS.sub("", line)):
        return False
    if TEASER_HEADING.match(line):
        return True
    return bool((END_OF_ARTICLE.match(line) or end_of_post(line)) and _RELATED_WORDS.match(line))


_READ_ON = re.compile(
    r"""^[\W_]*(?:
        (?:read|see)\ (?:next|more|also)|lesen\ sie\ (?:auch|mehr)|lest\ auch|(?:à\ )?lire\ aussi|leggi\ anche|
        (?:lee|leer)\ también|les\ også|läs\ (?:också|mer)|læs\ også|czytaj\ (?:też|także|również)|
        zobacz\ (?:też|także|również)|lees\ ook
    )\b""",
    re.IGNORECASE | re.VERBOSE,
)
"""A heading that sends the reader to another story ("Read next", "Read also", "Lesen Sie auch",
"Lire aussi", "Les også"): news sites set it over a teaser or two between the article's
paragraphs as often as over the teasers that close it. "Related posts", "Popular" or "Also on
HuffPost" head a box of other stories where the article ends, and what follows it is theirs."""


_ENDS_SENTENCE = re.compile(r"(?:[.!?…:][\"'”’)\]]?|[。！？：][」』”]?)$")
"""A line's last sentence is whole (or opens a list: "Here are a few tips:"): a paragraph ends so,
a teaser's cut dek or a headline with its time ("... internal affairs10:59 AM UTC") does not."""


def _box_above_article(texts: Sequence[str], i: int) -> bool:
    """Whether line ``i`` heads a box of teasers set between the article's paragraphs (a heading
    of :data:`_READ_ON` that :func:`_box_heading` reads: "Read Next", "Lesen Sie auch"): under it, at least
    one line and at most :data:`TEASER_LOOKAHEAD` lines and :data:`TEASER_BOX_WORDS` words with no
    paragraph, then two paragraphs one after the other. A closing block of teasers alternates a
    headline and its one-sentence teaser; the article, going on below the box, runs paragraph
    after paragraph, each ending with its sentence (:data:`_ENDS_SENTENCE`)."""
    line = texts[i].strip()
    if not (_READ_ON.match(line) and _box_heading(line)):
        return False
    below = _box_end(texts, i, i + 1, len(texts) - 1)
    if below is None or below + 1 >= len(texts):
        return False
    after = texts[below : below + 2]
    return all(word_count(t) >= PROSE_LINE_WORDS and _ENDS_SENTENCE.search(t.rstrip()) for t in after)


def _box_end(texts: Sequence[str], i: int, top: int, end: int) -> int | None:
    """The line after the box of teasers whose heading is line ``i`` (or stood just above it) and
    whose teasers start at line ``top``: the article's next paragraph, with at least one line
    and at most :data:`TEASER_BOX_WORDS` words between, within :data:`TEASER_LOOKAHEAD` lines of
    the heading and by line ``end``; ``None`` when there is no such box."""
    j = top
    while j <= end and j - i <= TEASER_LOOKAHEAD and not _holds_paragraph(texts, j, j):
        j += 1
    if top < j <= end and j - i <= TEASER_LOOKAHEAD and sum(word_count(t) for t in texts[top:j]) <= TEASER_BOX_WORDS:
        return j
    return None


def teaser_boxes(
    texts: Sequence[str], start: int, end: int, dropped: dict[int, list[str]] | None = None
) -> set[int]:
    """The lines of the kept run ``start..end`` that are an inline box of teasers: a heading of
    teasers (:func:`_box_heading`: "Mehr zum Thema", "Lire aussi", "Most read in Football",
    "Related Stories ▼") after the run's first paragraph, and the lines under it down to the article's next
    paragraph: at least one, at most :data:`TEASER_LOOKAHEAD` lines and :data:`TEASER_BOX_WORDS`
    words. A heading with a paragraph right under it is the article's subheading.
    The prose rule ends the article at such a heading only when no paragraph follows it
    (:func:`_teasers_follow`): with the article going on under the box, the box stayed in the
    kept run, its headlines scored like the article's short lines by a line model that never saw
    such boxes. The heading is what tells them from a list the article introduces. ``dropped``
    (:func:`_dropped_texts`): the lines earlier cleaners removed before each position; a heading
    among them (a bare "Read more", which the prompts cleaner takes as a read-more prompt) heads the
    box from the line it stood above."""
    first = next((i for i in range(start, end + 1) if _holds_paragraph(texts, i, i)), None)
    out: set[int] = set()
    if first is None:
        return out
    i = first + 1
    while i <= end:
        # The heading is line i, or a line an earlier cleaner removed just above it (a bare "Read
        # more" goes as a read-more prompt): then the box starts at line i itself.
        top = i + 1 if _box_heading(texts[i].strip()) else i
        if top == i + 1 or (dropped and any(_box_heading(t) for t in dropped.get(i, ()))):
            below = _box_end(texts, i, top, end)
            if below is not None:
                out.update(range(i, below))
                i = below
                continue
        i += 1
    return out


CLOSING_CARDS = "after a teaser heading over a closing block of teaser cards (headlines and one-sentence teasers)"

CARD_TEASER_WORDS = 40
"""A teaser card's sentence stays under this many words; a line this long under a teaser heading is
the article's paragraph, and the article goes on there."""

CARDS = 2
"""Teaser sentences at least under a heading that make a closing block of cards (one headline with
its teaser is as often an inline box with the article's last short paragraph under it)."""


CLOSING_MARKER = 'after a line that closes the article ("Related posts", "Next Story »"), no paragraph under it'

MARKER_MIN_WORDS = 50
"""Words of the kept run at least before an end marker that :func:`closing_marker` reads (a short
post's; the prose rule asks for :data:`END_MIN_WORDS`)."""


def closing_marker(
    texts: Sequence[str], start: int, end: int, removed: frozenset[int] = frozenset()
) -> Comments | None:
    """Where the kept run ``start..end`` ends at a line that closes an article (:data:`END_OF_ARTICLE`,
    :func:`end_of_post`, :data:`THREAD_HEADING`: "Related Topics", "Next Story »", "Posted in:
    News") after :data:`MARKER_MIN_WORDS` words and a paragraph, with no paragraph at all below it
    to the run's end: a short post's run goes on into teasers, a game's facts or a list of links,
    which the end markers cut only after :data:`END_MIN_WORDS` words (a "Related" box above an
    article is a sidebar). With a paragraph below the marker, the article may go on there (a
    "Related" box between its paragraphs) and the run stays. ``None`` when it stays.

    ``removed`` holds the positions of the lines right under such a marker that an earlier cleaner
    removed ("You might also like" as a read-more prompt): the run ends above that line alike."""
    seen = 0
    for i in range(start, end + 1):
        line = texts[i].strip()
        marker = _closing_line(line)
        if (
            (marker or (i in removed and i > start))
            and seen >= MARKER_MIN_WORDS
            and _holds_paragraph(texts, start, i - 1)
            and not _holds_paragraph(texts, i if not marker else i + 1, end)
        ):
            return Comments(i, CLOSING_MARKER)
        seen += word_count(line)
    return None


def closing_cards(
    texts: Sequence[str], start: int, end: int, dropped: dict[int, list[str]] | None = None
) -> Comments | None:
    """Where the kept run ``start..end`` ends at a closing block of teaser cards: a heading of
    teasers (:func:`_box_heading`: "Most read in Sport", "Das könnte Sie auch interessieren", "Lee
    también") after the run's first paragraph, with only cards under it down to the run's end. A
    card is a headline (a short line, maybe with a date or a section label beside it) and a
    one-sentence teaser; its teaser reads as prose, so neither the prose rule
    (:func:`_teasers_follow` wants no paragraph under the heading) nor the line model ends the
    article there, and :func:`teaser_boxes` stops at the first teaser. The lines under the heading
    are cards when none has :data:`CARD_TEASER_WORDS` words or more, at least :data:`CARDS` are
    teasers (a paragraph's shape: :data:`PROSE_LINE_WORDS` words or more and a sentence end) and
    each teaser has a short line just above it: two teasers in a row are the article's paragraphs
    going on after a subheading, and a list a sentence introduces (:data:`LIST_INTRO`, with a line
    under it) or a table (two lines of bare figures in a row) among them is the article's, whose
    short paragraphs go on around it. A closing list of bare headlines (:func:`_headlines`: no
    teaser under them, maybe section or date labels between them) under such a heading ends the run
    too. So does a block of cards printed a line each (:func:`_dated_cards`), under its heading or
    under a heading an earlier cleaner removed (``dropped``, :func:`_dropped_texts`: "You might also
    like" goes as a read-more teaser), which then starts at the card's line. Reads only the lines'
    shapes and the teaser headings' words; ``None`` when the run holds no such block."""
    first = next((i for i in range(start, end + 1) if _holds_paragraph(texts, i, i)), None)
    if first is None:
        return None
    for i in range(first + 1, end):
        if dropped and any(_box_heading(t) for t in dropped.get(i, ())) and _dated_cards(texts[i : end + 1]):
            return Comments(i, CLOSING_CARDS)
        if _box_heading(texts[i].strip()):
            if _cards(texts[i + 1 : end + 1]) or _dated_cards(texts[i + 1 : end + 1]):
                return Comments(i, CLOSING_CARDS)
            if _headlines(texts[i + 1 : end + 1]):
                return Comments(i, CLOSING_HEADLINES)
    return None


PAYWALL_NOTICE = re.compile(
    r"""(?:
        \b\d{1,2}(?:[.,]\d{1,2})?\s?%\ (?:de\ cet\ article\ à\ lire|of\ (?:this|the)\ (?:article|story)
            \ (?:left|remaining|still\ to\ read)|(?:dieses|des)\ (?:artikels|beitrags)\ (?:zu\ lesen|übrig)|
            de\ este\ artículo\ por\ leer|di\ questo\ articolo\ da\ leggere)|
        \bpozostało(?:\ jeszcze)?\ \d{1,2}(?:[.,]\d{1,2})?\s?%\ artykułu|
        \bla\ suite\ (?:de\ cet\ article\ )?est\ réservée\ aux\ abonnés|
        \b(?:the\ )?rest\ of\ (?:this|the)\ (?:article|story)\ is\ (?:only\ )?(?:for|available\ to|reserved\ for)
            \ (?:paying\ )?(?:subscribers|members)|
        \bto\ (?:read|continue\ reading)\ the\ (?:rest|remainder)\ of\ (?:this|the)\ (?:article|story),?
            \ (?:please\ )?subscribe|
        \bel\ resto\ de\ (?:este|esta|la|el)\ (?:artículo|noticia|contenido)\ es\ (?:solo\ |sólo\ )?(?:exclusivo\ )?
            para\ (?:suscriptores|abonados)|
        \bil\ resto\ dell[’']\ ?articolo\ è\ riservato\ agli\ abbonati|
        \b(?:der\ )?rest\ (?:des|dieses)\ (?:artikels|beitrags)\ ist\ (?:nur\ |exklusiv\ )?für\ abonnent|
        \b(?:is\ being\ (?:used|read)|en\ cours|se\ está\ usando|wird\ gerade\ (?:auf|an)|è\ in\ uso)
            \ (?:on|sur|en|auf|an|su)\ (?:another|un\ autre|otro|einem\ anderen|un\ altro)
            \ (?:device|appareil|dispositivo|gerät)
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""A paywall's notice that the rest of the article is cut off for non-subscribers, in a few
languages: how much of the article is left ("Il vous reste 57% de cet article à lire", "You have
80% of this article left", "Pozostało jeszcze 89% artykułu"; a bare share, "you have 20% more", is
none), whom the rest is for ("La suite est réservée aux abonnés", "The rest of this article is for
subscribers"), or the dialog that stops a second reader of one subscription ("Tu suscripción se
está usando en otro dispositivo"). What follows it on the page is never the article's text: the
paywall's offer, the dialog's questions and answers, then the footer."""

PAYWALL_WORDS = 40
"""A paywall's notice is a line or two; a longer line with its words is a paragraph quoting one."""

CLOSING_PROMPT = re.compile(
    r"""^[\W_]*(?:
        (?:click\ to\ )?share(?:\ (?:or|and)\ comment(?:\ on)?)?(?:\ (?:this|the))?(?:\ (?:article|story|post|page))?
            (?:\ (?:on|via)\ [\w\ ]{1,20})?|
        (?:(?:diesen|den)\ )?(?:artikel|beitrag)\ teilen|per\ (?:e-?mail|mail)\ (?:teilen|sharen)|teilen|
        partager(?:\ (?:cet\ article|sur\ \w+))?|compartir(?:\ en\ \w+)?|condividi(?:\ su\ \w+)?|
        (?:read|view|show|see|load|leggi|lire|voir|ver|leer|lees|lesen\ sie)
            \ (?:all\ |the\ |i\ |les\ |los\ |die\ |alle\ )?(?:\d+\ )?
            (?:comments|commenti|commentaires|comentarios|reacties|kommentare)|
        (?:i\ )?commenti\ dei\ lettori|(?:leggi\ e\ )?commenta|(?:add|post|write)\ (?:a\ )?comment|zu\ den\ kommentaren|
        (?:\w+\ ){0,3}newsletters?(?:\ [\w\ ]{0,30})?|(?:explore\ all|all|our|unsere|nos)\ newsletters|
        sign\ up(?:\ (?:now|here|today|for\ free))?|subscribe(?:\ (?:now|here|today))?|jetzt\ (?:abonnieren|anmelden)|
        abonnieren|s[’']abonner|suscr[ií]bete|iscriviti|abonneer
    )[\W\d_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A prompt that stands where an article ends, in a few languages: the share bar's heading
("Share or comment on this article:", "Per Mail sharen"), the way to the readers' comments
("Leggi i commenti", "Zu den Kommentaren (0)", "Add comment"), a newsletter's or a subscription's
heading or button ("Explore all newsletters", "Jetzt anmelden", "S'abonner"). The same prompts
also box an offer between the article's paragraphs, so one ends the article only where no
paragraph follows it (:func:`closing_notice`)."""

CLOSING_PROMPT_WORDS = 12
"""A prompt is a heading or a button: a longer line is the article's."""

CLOSING_NOTICE = "after a paywall's notice, or a closing prompt (share, comments, newsletter) with no paragraph below"

_PERIOD_END = re.compile(r"[.…][\"'”’)\]»]?\s*$")


def _period_paragraph(text: str) -> bool:
    """Whether ``text`` is a paragraph that ends like one: :data:`PROSE_LINE_WORDS` words or more
    and a full stop at its end. Headlines in a list of teasers end in a question, an exclamation
    or no mark at all, or are shorter."""
    return word_count(text) >= PROSE_LINE_WORDS and _PERIOD_END.search(text) is not None


def closing_notice(texts: Sequence[str], start: int, end: int) -> Comments | None:
    """Where the kept run ``start..end`` ends at a line that only stands at an article's end: a
    paywall's notice that the rest is for subscribers (:data:`PAYWALL_NOTICE`), or a closing prompt
    (:data:`CLOSING_PROMPT`: a share bar's heading, the way to the comments, a newsletter's sign-up)
    with no paragraph ending in a full stop anywhere below it in the run (:func:`_period_paragraph`).
    Both count after the run's first paragraph and :data:`END_MIN_WORDS` words, as the end markers
    do. Under a paywall's notice comes its offer and the dialog that stops a shared subscription,
    whose answers are sentences; under a closing prompt come the site's menu and a list of headlines,
    which the line model scores like the article's short paragraphs. An offer boxed between the
    article's paragraphs has them below it, and a prompt there ends nothing. ``None`` when the run
    holds no such line."""
    first = next((i for i in range(start, end + 1) if _holds_paragraph(texts, i, i)), None)
    if first is None:
        return None
    seen = sum(word_count(t) for t in texts[start : first + 1])
    for i in range(first + 1, end + 1):
        line = texts[i].strip()
        words = word_count(line)
        if seen >= END_MIN_WORDS:
            if words <= PAYWALL_WORDS and PAYWALL_NOTICE.search(line):
                return Comments(i, CLOSING_NOTICE)
            if (
                words <= CLOSING_PROMPT_WORDS
                and not SENTENCE.search(line)
                and CLOSING_PROMPT.match(line)
                and not any(_period_paragraph(t) for t in texts[i + 1 : end + 1])
            ):
                return Comments(i, CLOSING_NOTICE)
        seen += words
    return None


_FIGURES = re.compile(r"\A[\W_]*\d[\W\d_]*\Z")
"""A line of figures and nothing else ("2021", "3", "+13.1%"): a table's cell."""


def _list_or_table_line(text: str, after: str) -> bool:
    """Whether ``text`` introduces a list with ``after`` under it, or is a table's cell over another."""
    if not after:
        return False
    return _list_intro(text) or (_FIGURES.match(text) is not None and _FIGURES.match(after) is not None)


def _cards(lines: Sequence[str]) -> bool:
    """Whether ``lines`` are teaser cards down to the end (:func:`closing_cards`)."""
    teasers = 0
    after_short = False
    for text, after in zip(lines, [*lines[1:], ""], strict=True):
        words = word_count(text)
        if words >= CARD_TEASER_WORDS or _list_or_table_line(text, after):
            return False
        if words >= PROSE_LINE_WORDS and SENTENCE.search(text):
            if not after_short:
                return False
            teasers += 1
            after_short = False
        else:
            after_short = words < PROSE_LINE_WORDS
    return teasers >= CARDS


CARD_HEADLINE_MAX = 15
"""Words at most in the headline before a card's date on the card's one line (:func:`_dated_card`)."""

CARD_AFTER_WORDS = 8
"""Words at least after a card's date on its line: the teaser's sentence."""


def _dated_card(text: str) -> bool:
    """Whether ``text`` is a whole teaser card on one line, as a Markdown dump prints a card whose
    link holds its headline, date and teaser: a headline (2 to :data:`CARD_HEADLINE_MAX` words, no
    sentence end, not ending on a word that leads a date in a sentence, :data:`_DATE_LEAD`), a
    whole date (:data:`CARD_DATE`), then the teaser (:data:`CARD_AFTER_WORDS` words or more). A
    sentence that dates something puts a word such as "on" before the date, or its own words and
    a sentence end before it."""
    found = CARD_DATE.search(text)
    if found is None:
        return False
    head = text[: found.start()]
    words = head.split()
    if not 2 <= len(words) <= CARD_HEADLINE_MAX or SENTENCE.search(head):
        return False
    if words[-1].lower().strip(",") in _DATE_LEAD:
        return False
    return word_count(text[found.end() :]) >= CARD_AFTER_WORDS


def _dated_cards(lines: Sequence[str]) -> bool:
    """Whether ``lines`` are teaser cards printed a line each down to the end (:func:`closing_cards`):
    at least :data:`CARDS` lines that are whole cards (:func:`_dated_card`), and every line of
    :data:`PROSE_LINE_WORDS` words or more one of them (shorter lines are labels: a section, "Read
    more"). The article's paragraphs going on under a subheading are no such line."""
    cards = 0
    for text in lines:
        if _dated_card(text):
            cards += 1
        elif word_count(text) >= PROSE_LINE_WORDS:
            return False
    return cards >= CARDS


CLOSING_HEADLINES = "after a teaser heading over a closing list of headlines"

HEADLINE_WORDS = 5
"""A headline in a closing list has at least this many words; a shorter line under a teaser
heading is a label beside one (a section, a date, "Read more")."""

HEADLINES = 3
"""Headlines at least under a teaser heading that make a closing list of them (one or two short
lines are as often the article's own last lines under a subheading)."""

HEADLINE_MAX_WORDS = 30
"""A headline stays under this many words; a longer line under a teaser heading is prose."""

_PARAGRAPH_CLOSE = re.compile(r"[.…][\"'”’)\]]?\s*$|[。]\s*$")
"""A line that closes like a paragraph, on a full stop or an ellipsis (a cut teaser's); a headline
ends without one, or on a question or an exclamation mark."""


def _headlines(lines: Sequence[str]) -> bool:
    """Whether ``lines`` are a closing list of headlines down to the end (:func:`closing_cards`):
    at least :data:`HEADLINES` lines of :data:`HEADLINE_WORDS` words or more, maybe with labels
    between them, none of :data:`HEADLINE_MAX_WORDS` words or more, no line of
    :data:`PROSE_LINE_WORDS` words or more that closes on a full stop (a teaser's or a paragraph's
    sentence), and no list a sentence introduces or table."""
    headlines = 0
    for text, after in zip(lines, [*lines[1:], ""], strict=True):
        words = word_count(text)
        if words >= HEADLINE_MAX_WORDS or _list_or_table_line(text, after):
            return False
        if words >= PROSE_LINE_WORDS and _PARAGRAPH_CLOSE.search(text):
            return False
        if words >= HEADLINE_WORDS:
            headlines += 1
    return headlines >= HEADLINES


CLOSING_RANKING = "at a closing ranking of headlines (1, a headline, 2, a headline, ...): a most-read list"

RANKED_HEADLINES = 3
"""Places at least in a closing ranking: "1", "2" and "3", each over its headline."""


def _ranked_headline(text: str) -> bool:
    """Whether ``text`` is shaped like a headline in a ranking of stories: :data:`HEADLINE_WORDS`
    words or more (a product's or a section's name is shorter), fewer than :data:`PROSE_LINE_WORDS`,
    not closing on a full stop (:data:`_PARAGRAPH_CLOSE`: a step of a guide ends like a sentence),
    and no bare number."""
    words = word_count(text)
    return (
        HEADLINE_WORDS <= words < PROSE_LINE_WORDS
        and _PARAGRAPH_CLOSE.search(text) is None
        and _SMALL_NUMBER.match(text) is None
    )


def _ranking(texts: Sequence[str], i: int, end: int) -> list[int]:
    """The lines of the ranking's headlines when line ``i`` opens a ranking of stories down to at
    most line ``end``: its places "1", "2", "3" ... (a number alone on its line, "1." or "#1" too),
    counting up from one, each followed by exactly one headline-shaped line
    (:func:`_ranked_headline`) and the next place right under it. An empty list when line ``i``
    opens none."""
    headlines: list[int] = []
    j = i
    while j + 1 <= end:
        place = _SMALL_NUMBER.match(texts[j].strip())
        if place is None or int(place.group(1)) != len(headlines) + 1 or not _ranked_headline(texts[j + 1].strip()):
            break
        headlines.append(j + 1)
        j += 2
    return headlines


def _table_of_contents(texts: Sequence[str], headlines: Sequence[int], end: int) -> bool:
    """Whether the ranked ``headlines`` are a table of contents: each of them, in the same order,
    comes back below the ranking (down to line ``end``) as a line of its own, the article's
    subheading."""
    below = iter(t.strip() for t in texts[headlines[-1] + 1 : end + 1])
    return all(texts[h].strip() in below for h in headlines)


def closing_ranking(texts: Sequence[str], start: int, end: int) -> Comments | None:
    """Where the kept run ``start..end`` ends at a ranking of the site's stories, a "most read"
    list: at least :data:`RANKED_HEADLINES` places, each a number alone on its line over one
    headline (:func:`_ranking`), after the run's first paragraph and :data:`END_MIN_WORDS` words,
    as the end markers count. A news page prints it under the article, often with its heading
    ("Most Popular", "Most viewed") already gone with the prompts, and then teaser cards whose
    summaries read as prose, so the line model's run goes on through it. An article's own
    numbered list is no such ranking: its items are names shorter than a headline ("1.
    SimpliSafe"), steps that end on a full stop, or entries with their text between them; and a
    table of contents, whose entries come back below as the article's subheadings
    (:func:`_table_of_contents`), stays. Reads only the lines' shapes; ``None`` when the run holds
    no ranking."""
    first = next((i for i in range(start, end + 1) if _holds_paragraph(texts, i, i)), None)
    if first is None:
        return None
    seen = sum(word_count(t) for t in texts[start : first + 1])
    for i in range(first + 1, end + 1):
        if seen >= END_MIN_WORDS:
            headlines = _ranking(texts, i, end)
            if len(headlines) >= RANKED_HEADLINES and not _table_of_contents(texts, headlines, end):
                return Comments(i, CLOSING_RANKING)
        seen += word_count(texts[i])
    return None


UNHEADED_CARDS = "at a closing block of teaser cards with no heading (other stories' headlines and their teasers)"

CARD_HEADLINE_MAX_WORDS = 20
"""A card's headline stays under this many words (and has :data:`HEADLINE_WORDS` or more)."""

CARD_TEASER_MIN_WORDS = 8
"""A card's teaser has at least this many words (fewer than :data:`CARD_TEASER_WORDS`); under
:data:`PROSE_LINE_WORDS` words it has to close on a full stop."""

HEADLESS_CARDS = 2
"""Teasers at least, each under its headline, that make a closing block of cards without a heading."""

NEW_TOPIC_SHARE = 0.4
"""The share of its topic words a card's headline brings that the run above never uses, averaged over
the block's headlines, from which the headlines are about other stories. An article's own closing
sections and questions come back to its topic: on the three collections' kept runs, the article's
own card-shaped blocks were at 0.28 or under, 10 of 14 blocks of other stories' cards at 0.44 or
over."""

_TOPIC_WORD = re.compile(r"[^\W\d_]{5,}")
"""A topic word: a run of five letters or more, read by its first :data:`TOPIC_STEM` letters, so
"Regierung" and "Regierungen" match. Kana and CJK ideographs (no spaces) are read by pairs."""

TOPIC_STEM = 5
"""Letters a topic word is read by (:data:`_TOPIC_WORD`)."""

_UNSPACED_RUN = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
"""A run of kana and CJK ideographs: words written without spaces between them."""

_HEADLINE_STOP = re.compile(r"[.…][\"'”’)\]]?(?:\s|$)|。")
"""A full stop or an ellipsis inside or at the end of a line: a headline has none (it may hold a
question: "FLF-Juwel zu den BVB-Profis? Enzo dos Santos wird ...")."""


def _topic_words(text: str) -> set[str]:
    """The topic words of ``text`` (:data:`_TOPIC_WORD`), lower-cased; in kana and CJK, each pair of
    neighbouring characters."""
    lowered = text.lower()
    out = {w[:TOPIC_STEM] for w in _TOPIC_WORD.findall(_UNSPACED_RUN.sub(" ", lowered))}
    for run in _UNSPACED_RUN.findall(lowered):
        out.update(run[k : k + 2] for k in range(len(run) - 1))
    return out


def _card_line(text: str) -> str:
    """The part ``text`` can play in a block of teaser cards: ``"headline"`` (:data:`HEADLINE_WORDS`
    to :data:`CARD_HEADLINE_MAX_WORDS` words, no full stop), ``"teaser"`` (a sentence of
    :data:`CARD_TEASER_MIN_WORDS` to :data:`CARD_TEASER_WORDS` words), ``"label"`` (a shorter line: a
    section, a date, a reading time, an author), or ``""`` (a line no card holds)."""
    words = word_count(text)
    stripped = text.strip()
    if HEADLINE_WORDS <= words < CARD_HEADLINE_MAX_WORDS and not _HEADLINE_STOP.search(stripped):
        return "headline"
    if (
        CARD_TEASER_MIN_WORDS <= words < CARD_TEASER_WORDS
        and SENTENCE.search(stripped)
        and (words >= PROSE_LINE_WORDS or _PARAGRAPH_CLOSE.search(stripped))
    ):
        return "teaser"
    if words < HEADLINE_WORDS:
        return "label"
    return ""


def _prose_line(text: str) -> bool:
    """Whether ``text`` reads as a paragraph's line: :data:`CARD_TEASER_WORDS` words or more, or
    teaser-shaped (:func:`_card_line`)."""
    return word_count(text) >= CARD_TEASER_WORDS or _card_line(text) == "teaser"


def unheaded_cards(texts: Sequence[str], start: int, end: int) -> Comments | None:
    """Where the kept run ``start..end`` ends at a block of teaser cards with no teaser heading
    above it (:func:`closing_cards` reads those with one): the longest stretch of lines down to the
    run's end that holds only cards' lines (:func:`_card_line`), each teaser right under a
    headline, labels anywhere, and no list a sentence introduces or table. It ends the run when
    four signals agree:

    - the block holds :data:`HEADLESS_CARDS` teasers or more;
    - it follows the article's paragraphs directly: the line above it is a paragraph of
      :data:`CARD_TEASER_WORDS` words or more, or a sentence under another one (two prose lines in
      a row; a short paragraph under a subheading is a card's shape, and the block goes on there);
    - it comes after the run's first paragraph and :data:`END_MIN_WORDS` words, as the end markers
      do;
    - its headlines are about other stories: on average :data:`NEW_TOPIC_SHARE` or more of each
      headline's topic words (:func:`_topic_words`) are none of the run's above it. An article's
      closing questions, a guide's last steps and a listicle's items come back to its words.

    A teaser card reads as prose, so the line model keeps it when no heading over it says
    "Most read" (or the heading is one the vocabulary lacks). Reads the lines' shapes and words
    only; ``None`` when the run ends on no such block."""
    first = next((i for i in range(start, end + 1) if _holds_paragraph(texts, i, i)), None)
    if first is None or end - first < 2:
        return None
    kinds = {j: _card_line(texts[j]) for j in range(first, end + 1)}
    j = end
    while j > first:
        after = texts[j + 1] if j < end else ""
        if not kinds[j] or _list_or_table_line(texts[j], after):
            break
        if kinds[j] == "teaser" and kinds[j - 1] != "headline":
            break
        j -= 1
    i = j + 1
    if i <= end and kinds[i] == "teaser":
        i += 1
    teasers = sum(1 for k in range(i, end + 1) if kinds[k] == "teaser")
    if teasers < HEADLESS_CARDS:
        return None
    above = texts[i - 1]
    if word_count(above) < CARD_TEASER_WORDS and not (
        kinds.get(i - 1) == "teaser" and i - 2 >= start and _prose_line(texts[i - 2])
    ):
        return None
    if sum(word_count(t) for t in texts[start:i]) < END_MIN_WORDS:
        return None
    seen: set[str] = set()
    for t in texts[start:i]:
        seen |= _topic_words(t)
    if not _other_stories([texts[k] for k in range(i, end + 1) if kinds[k] == "headline"], seen):
        return None
    return Comments(i, UNHEADED_CARDS)


def _new_topic_share(words: set[str], seen: set[str]) -> float:
    """The share of topic words ``words`` (not empty) that are none of ``seen``."""
    return len(words - seen) / len(words)


def _other_stories(headlines: Sequence[str], seen: set[str]) -> bool:
    """Whether ``headlines`` are about other stories than the text whose topic words are ``seen``:
    on average :data:`NEW_TOPIC_SHARE` of each one's topic words or more are new (headlines without
    topic words aside; ``False`` when none has any)."""
    shares = [_new_topic_share(w, seen) for h in headlines if (w := _topic_words(h))]
    return bool(shares) and sum(shares) / len(shares) >= NEW_TOPIC_SHARE


UNHEADED_HEADLINES = "at a closing list of other stories' headlines with no heading, under the article's last paragraph"

LISTED_HEADLINES = 4
"""Headlines at least, one per line, that make a closing list of other stories without a heading
above them (:func:`unheaded_headlines`); three short lines in a row are as often an article's own
list or a subheading's lines."""


_LISTED_HEADLINE = re.compile(r"[\"'“‘«]?[^\W_a-z]", re.UNICODE)
"""How a headline in a list of other stories opens: a capital or a figure (maybe after a quote
mark). A list item opening in lower case or on a bullet is a list of the article's own."""


_FIELD = re.compile(r"(?<![\w-])[^\W\d_][\w-]*\s?:\s")
"""A field's name and its colon opening a line ("Date: ...", "Location: ..."): a list of such lines
is a fact box's, not other stories' headlines. (Used with ``match``; the look-behind, always met at
a line's start, keeps a ``search`` from trying the name again from inside each word: linear.)"""


def _listed_headline(text: str, function_words: frozenset[str]) -> bool:
    """Whether headline-shaped ``text`` can be one in a list of other stories: it opens on a capital
    or a figure (:data:`_LISTED_HEADLINE`) and does not end on one of the page's function words
    (a line a text dump wrapped mid-sentence: "... gegen den Pablo-Clan in")."""
    words = text.split()
    return (
        _LISTED_HEADLINE.match(text.strip()) is not None
        and bool(words)
        and words[-1].strip("\"'”’).,;:!?").lower() not in function_words
    )


def _sentence_line(text: str) -> bool:
    """Whether ``text`` is a sentence of a teaser's length or more (:data:`CARD_TEASER_MIN_WORDS`)."""
    return word_count(text) >= CARD_TEASER_MIN_WORDS and SENTENCE.search(text) is not None


def _headline_list(texts: Sequence[str], first: int, end: int, function_words: frozenset[str]) -> list[int]:
    """The headlines of the list of other stories that opens at line ``first`` (maybe on a label)
    and goes on down to at most line ``end``: headline-shaped lines (:func:`_card_line`,
    :func:`_listed_headline`), one label at most between two of them, up to the first line of
    another shape or a list a sentence introduces."""
    k = first + 1 if first <= end and _card_line(texts[first]) == "label" else first
    headlines: list[int] = []
    label = False
    while k <= end and not _list_or_table_line(texts[k], texts[k + 1] if k < end else ""):
        kind = _card_line(texts[k])
        if kind == "headline" and _listed_headline(texts[k], function_words):
            headlines.append(k)
            label = False
        elif kind == "label" and headlines and not label:
            label = True
        else:
            break
        k += 1
    return headlines


def unheaded_headlines(texts: Sequence[str], start: int, end: int) -> Comments | None:
    """Where the kept run ``start..end`` goes on under the article's last paragraph into a list of
    other stories' headlines with no heading above it (a "more news" column printed under the
    article, maybe under a label such as "Print" or one the teaser headings' vocabulary lacks):
    :data:`LISTED_HEADLINES` headlines or more (:func:`_headline_list`). The line model keeps such a
    list when the prose rule's run reaches across it, and :func:`closing_cards` wants a heading. It
    ends the run when these signals agree:

    - the list sits right under a paragraph (:data:`PROSE_LINE_WORDS` words or more closing on a
      full stop), after :data:`END_MIN_WORDS` words of the run, and its first line introduces
      nothing (no colon or question mark at its end);
    - its headlines are about other stories: :data:`NEW_TOPIC_SHARE` of their topic words or more,
      on average, are none of the run's above (:func:`unheaded_cards`);
    - they are headlines, not a fact box's fields (:data:`_FIELD`: "Date: ...", "Location: ...")
      in half of them or more;
    - the article does not go on below it (no line of :data:`CARD_TEASER_WORDS` words or more, nor
      two sentences in a row: a card's teaser is one), and what follows it in the
      run is no longer than the list itself, nor the list and what follows longer than the run
      above: a closing list is the run's lesser part, and a checklist or an article's list of
      names goes on for pages.

    Reads the lines' shapes and words only; ``None`` when the run holds no such list."""
    first = next((i for i in range(start, end + 1) if _holds_paragraph(texts, i, i)), None)
    if first is None:
        return None
    # Words before each line of the run, and whether the article goes on from each line down, so
    # that each place the list may open at is read in constant work (a dump of prose has one at
    # every line).
    before = list(accumulate((word_count(t) for t in texts[start : end + 1]), initial=0))
    sentences = [_sentence_line(t) for t in texts[start : end + 1]]
    goes_on = [False] * (end - start + 2)
    for m in range(end, start - 1, -1):
        k = m - start
        goes_on[k] = goes_on[k + 1] or before[k + 1] - before[k] >= CARD_TEASER_WORDS or (
            m < end and sentences[k] and sentences[k + 1]
        )
    total = before[-1]
    function_words: frozenset[str] | None = None
    seen: set[str] = set()
    read = start  # the run's lines up to here have their topic words in ``seen``
    for i in range(first + 1, end + 1):
        above = texts[i - 1]
        if word_count(above) < PROSE_LINE_WORDS or not _PARAGRAPH_CLOSE.search(above.strip()):
            continue
        words_above = before[i - start]
        if words_above < END_MIN_WORDS or total - words_above >= words_above:
            continue
        if function_words is None:
            function_words = page_function_words(texts)
        headlines = _headline_list(texts, i, end, function_words)
        if len(headlines) < LISTED_HEADLINES or texts[headlines[0]].rstrip().endswith((":", "?")):
            continue
        for t in texts[read:i]:
            seen |= _topic_words(t)
        read = i
        if not _other_stories([texts[h] for h in headlines], seen):
            continue
        if 2 * sum(1 for h in headlines if _FIELD.match(texts[h].strip())) >= len(headlines):
            continue
        below = headlines[-1] + 1
        listed = before[below - start] - words_above
        if goes_on[below - start] or total - before[below - start] > listed:
            continue
        return Comments(i, UNHEADED_HEADLINES)
    return None


LOW_SHARE = 0.3
"""A line of the kept run the line model gives less than this is unlikely to be the article's."""

LOW_STRETCH = 2
"""Lines at least in a stretch of unlikely lines inside the kept run that goes as a box (one
such line alone is as often a subheading or a list's item the model is unsure of)."""

UNLIKELY_BOX = "a stretch of lines the line model finds unlikely between the article's paragraphs"


def unlikely_stretches(
    texts: Sequence[str], probabilities: Sequence[float] | NDArray[np.float64], start: int, end: int
) -> set[int]:
    """The lines of the kept run ``start..end`` in a stretch of at least :data:`LOW_STRETCH`
    consecutive lines the model gives less than :data:`LOW_SHARE`, between the run's first and
    last paragraph (:func:`_holds_paragraph`): a box without a heading (a newsletter's form, a
    product card's buttons, a block of links, a site's footer printed mid-page) that the run
    carried across because the article goes on below it. It reads no words, only the line
    scores and the run's shape: one unlikely line alone stays (a subheading, a list's item the
    model is unsure of), and so do the short lines a colon introduces and a stretch holding a
    table's figures (:func:`_list_or_table`), which the prose rule reads as the article's too."""
    paragraphs = [i for i in range(start, end + 1) if _holds_paragraph(texts, i, i)]
    out: set[int] = set()
    if len(paragraphs) < 2:
        return out
    i = paragraphs[0] + 1
    while i < paragraphs[-1]:
        if probabilities[i] < LOW_SHARE:
            j = i
            while j < paragraphs[-1] and probabilities[j] < LOW_SHARE:
                j += 1
            if j - i >= LOW_STRETCH and not _list_or_table(texts, i, j):
                out.update(range(i, j))
            i = j
        i += 1
    return out


def _list_or_table(texts: Sequence[str], first: int, stop: int) -> bool:
    """Whether the lines ``first..stop-1`` are a list the line before introduces (it ends in a
    colon), hold a table's figures, or are a list whose items open with a figure (half of them
    at least: a recipe's quantities, a ranking's places): the article's own short lines."""
    if first > 0 and LIST_INTRO.search(texts[first - 1]):
        return True
    if any(TABLE_CELL.match(texts[k].strip()) for k in range(first, stop)):
        return True
    return 2 * sum(texts[k].lstrip()[:1].isdigit() for k in range(first, stop)) >= stop - first


NEXT_PAGE = re.compile(
    r"""^[\W_]*(?:next\ page|nächste\ seite|page\ suivante|página\ siguiente|pagina\ successiva|
        volgende\ pagina|neste\ side|nästa\ sida|następna\ strona|próxima\ página|次の?ページ|次へ|下一页|다음\ ?페이지)
        (?:[\W_]*$|[\W_]+\S.{0,40}$)""",
    re.IGNORECASE | re.VERBOSE,
)
"""The link to an article's next page ("next page ›", "Nächste Seite", "次ページ→ ..."), in the languages
the headings here read."""

_PAGE_NUMBERS = re.compile(r"\A[\W_]{0,3}\d{1,3}(?:[\W_]{1,3}\d{1,3}){0,12}[\W_]{0,3}\Z")

PAGE_NUMBERS_REACH = 3
"""Lines at most between the link to the next page and the line of page numbers beside it."""


def _pagination(texts: Sequence[str], i: int) -> bool:
    """Whether line ``i`` is the link to the article's next page beside its page numbers ("1", "2",
    "12", "123", "1 2 3" within :data:`PAGE_NUMBERS_REACH` lines): the end of this page of the article.
    Without the numbers a "Next Page" is as often a slideshow's button inside the article; a line
    that ends a sentence ("Next page of the filing lists 12 claims.") is the article's."""
    line = texts[i].strip()
    if NEXT_PAGE.match(line) is None or SENTENCE.search(line):
        return False
    near = range(max(0, i - PAGE_NUMBERS_REACH), min(len(texts), i + PAGE_NUMBERS_REACH + 1))
    return any(j != i and _PAGE_NUMBERS.match(texts[j].strip()) is not None for j in near)


POST_NAVIGATION_REACH = 2
"""How many lines after the link to the post before ("« Older title") :func:`_post_navigation` looks
for the link to the post after ("Newer title »")."""

_PREVIOUS_POST = re.compile(r"^(?:«|‹|←)\s*\w.{2,150}(?<![»›→])$")
_NEXT_POST = re.compile(r"^\w.{2,150}?\s*(?:»|›|→)$")
_NEXT_LINK = re.compile(r"^(?:[|/]\s*)?[\w“\"‘'].{2,150}?\s*(?:»|›|→)$")
"""The link to the post after as a pair of links prints it under the link to the post before: what
:data:`_NEXT_POST` reads, or after the bar that parts the two ("| Thinking about your shoes »")."""


def post_link(text: str) -> bool:
    """Whether a line is a blog engine's link to the post before or after ("« Older title", "|
    Newer title »", "« Older title | Main | Newer title »"); a quotation in guillemets ("« Nous
    ne céderons pas » : ...", "... la « gravité de la situation »") is none."""
    line = text.strip()
    one_line = _LINKS_ON_ONE_LINE.match(line)
    if one_line is not None and (one_line.group(1) or one_line.group(2)):
        return True
    if "«" in line and "»" in line:
        return False
    return _PREVIOUS_POST.match(line) is not None or _NEXT_LINK.match(line) is not None


_POST = r"(?:post|article|entry|story)"

POST_LINKS = re.compile(
    rf"""^[\W_]*(?:
        (?:previous|prev|older|next|newer)\ {_POST}s?[\s|/·•-]*(?:previous|prev|older|next|newer)\ {_POST}s?|
        (?:previous|next|older|newer)\ {_POST}\s*:\s*\S.{{0,150}}
    )[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A blog's links to the posts before and after, on one line in either order ("« Previous Post | Next post »"), or
one of them with the other post's title ("Previous post: Qual das duas?", "Next post: Six Ways to
Refuel Your Energy Every Day")."""

POST_NAVIGATION = "a link to the blog's post before or after this one"


def closing_notices(texts: Sequence[str], start: int, end: int) -> dict[int, str]:
    """The lines of the kept run ``start..end`` that are a copyright, licence or trademark notice or
    a note of the print edition, after the run's last paragraph that is none of these
    (:mod:`~newsclean.cleaners.notices`), with why each goes, as the HTML path removes them: they
    close the page, however sentence-like ("This copy is for your personal, non-commercial use
    only. ...", "A version of this article appeared in print on July 25, 2012, on page A10 of the
    New York edition ..."). Above the last paragraph such a line may be the article's (a passage
    quoted with its copyright line) and stays."""
    found = {}
    for i in range(start, end + 1):
        if print_note(texts[i]):
            found[i] = PRINT_NOTE_AFTER
        elif legal_notice(texts[i]):
            found[i] = LEGAL_AFTER
    last = next((i for i in range(end, start - 1, -1) if i not in found and _holds_paragraph(texts, i, i)), None)
    if last is None:
        return {}
    return {i: why for i, why in found.items() if i > last}


def post_links(texts: Sequence[str], start: int, end: int) -> set[int]:
    """The lines of the kept run ``start..end`` that link to the blog's post before or after
    (:data:`POST_LINKS`), and pairs of links to them as :func:`_post_navigation` reads them, the
    bar between them allowed ("« Entering sync markets |" over "| Thinking about your shoes »"),
    with the lines between a pair. Removed where they are: some blogs print them above the post,
    so they end the article only as :func:`_post_navigation` reads them."""
    out: set[int] = set()
    for i in range(start, end + 1):
        line = texts[i].strip()
        if word_count(line) <= POST_LINK_WORDS and POST_LINKS.match(line) and not _FULL_STOP.search(line):
            out.add(i)
        elif _PREVIOUS_POST.match(line) is not None:
            reach = range(i + 1, min(i + 1 + POST_NAVIGATION_REACH, end + 1))
            pair = next((j for j in reach if _NEXT_LINK.match(texts[j].strip())), None)
            if pair is not None:
                out.update(range(i, pair + 1))
    return out


_FULL_STOP = re.compile(r"\.[\"'”’)\]]?(?:\s|$)")
"""A full stop ending a sentence: "Next story: the council meets on Monday." is the article's line; a
post's title ends with a question or an exclamation mark as often ("Previous post: Qual das duas?")."""

POST_LINK_WORDS = 30
"""At most this many words in a line of links to the posts before and after (two titles)."""


def _post_navigation(texts: Sequence[str], i: int) -> bool:
    """Whether line ``i`` opens a blog's post navigation: a link to the post before, marked with a
    leading "«", "‹" or "←" ("« Super Sad True Love Story: A Review"), with the link to the post
    after, marked with a trailing "»", "›" or "→" ("A World Lit With Sensors and Clothed in Data »"),
    within :data:`POST_NAVIGATION_REACH` lines. The pair closes the post; either link alone is as
    often a "More about X »" or a "« Back" inside the page, and a quotation set in guillemets
    ("« Désaccord total »") has both marks on one line and is neither."""
    line = texts[i].strip()
    if _PREVIOUS_POST.match(line) is None:
        return False
    return any(_NEXT_POST.match(t.strip()) is not None for t in texts[i + 1 : i + 1 + POST_NAVIGATION_REACH])


NOTES_RUN = 3
"""How many readers' notes in a row (:data:`_READER_NOTE`) :func:`_readers_notes` asks for."""

_READER_NOTE = re.compile(r"^[\w.-]{1,40} (?:liked|reblogged) this(?: from [\w.-]{1,40})?$", re.IGNORECASE)


def _readers_notes(texts: Sequence[str], i: int) -> bool:
    """Whether line ``i`` opens a run of :data:`NOTES_RUN` readers' notes, one a line, that a
    microblog prints under a post ("nickmongo liked this", "ealperin reblogged this from
    dcwomenkickingass"): the list of who shared it, which the post does not go on under. One such
    line alone may be a quoted name's in a post about the platform."""
    run = texts[i : i + NOTES_RUN]
    return len(run) == NOTES_RUN and all(_READER_NOTE.match(t.strip()) is not None for t in run)


END_MIN_WORDS = 150
"""An end marker only cuts after this many words of the run: a "Related" box above the article is
a sidebar, and an article is not over after its first paragraph."""


def _cut_at_end_marker(texts: Sequence[str], start: int, end: int, markers: frozenset[int] = frozenset()) -> int:
    words = [word_count(t) for t in texts[start : end + 1]]
    seen = 0
    for offset, count in enumerate(words):
        i = start + offset
        line = texts[i].strip()
        if seen >= END_MIN_WORDS:
            if i in markers and i > start:
                return i - 1
            if not _box_above_article(texts, i) and (  # (the article goes on below such a box)
                _closing_line(line)
                or _teasers_follow(texts, i)
                or _pagination(texts, i)
                or _post_navigation(texts, i)
                or _readers_notes(texts, i)
                or _split_stamp(texts, i)
                or _counted_stamp(line)
            ):
                return i - 1
        elif i > start and _ends_post(texts, i, start) and (POST_FOOTER.match(line) or _counted_stamp(line)):
            # A short post: its footer (tags, categories, the links to the posts before and after,
            # its stamp with the comment count) follows its last paragraph directly, or the link to
            # the rest of it.
            return i - 1
        seen += count
    return end


_COMMENT_COUNT = r"(?:\d+|no|one)\s+(?:comments?|responses?|replies)"
"""A count of comments ("9 Comments", "No comments", "One response")."""

_COUNT_CLOSE = re.compile(rf"(?:^|[\s•|·–—-]){_COMMENT_COUNT}\s*:?\s*$", re.IGNORECASE)
"""A comment count closing a line ("• 9 Comments", "| No comments", "13 comments:")."""


def _counted_stamp(line: str) -> bool:
    """Whether ``line`` is a blog post's stamp closed by its comment count, as lynx and Markdown
    dumps join the footer's pieces on one line ("Posted on November 13, 2012 at 6:15 AM • 9
    Comments", "Posted by Chef John at 10:00 AM 13 comments:"): the post's end, as the count alone
    on its line is, when it dates the post (a clock time or a date). A byline's stamp over the post
    carries no count of comments after it. So does the post's categories line closed by its
    comment link (:data:`_FILED_WITH_COUNT`), with no date."""
    if _FILED_WITH_COUNT.match(line):
        return True
    if _POSTED.match(line) is None or _COUNT_CLOSE.search(line) is None:
        return False
    return holds_clock_time(line) or STAMP_DATE.search(line) is not None


_FILED_WITH_COUNT = re.compile(
    r"^[\W_]*(?:posted|filed)\s+(?:in|under)\s+[^|.!?]{1,200}\|\s*"
    rf"(?:leave\s+a\s+(?:comment|reply)|{_COMMENT_COUNT}|comments\s+(?:off|closed))"
    r"[\s|]*(?:edit)?\s*$",
    re.IGNORECASE,
)
"""A post's categories closed by its comment link ("Posted in C++, Microsoft | 16 Comments",
"Posted in Uncategorized | Leave a comment"): the footer under the post, as a stamp with its
count is. A theme prints "Posted in" over a post with its date, never with the comment count."""


READ_THE_REST = re.compile(
    r"^[\W_]*(?:continue\ reading|read\ the\ rest|keep\ reading|read\ (?:the\ )?full\ (?:story|article|post|entry))"
    r"\b[^.!?]{0,60}$",
    re.IGNORECASE,
)
"""The link from a post's excerpt to the rest of it ("Read the rest of this post on the original
site »", "Continue reading →"), set under its last paragraph."""


def _ends_post(texts: Sequence[str], i: int, start: int) -> bool:
    """Whether the line above line ``i`` ends a post: its last paragraph, or the link to the rest
    of the post (:data:`READ_THE_REST`) under that paragraph."""
    if _prose_paragraph(texts[i - 1]):
        return True
    return i - 1 > start and READ_THE_REST.match(texts[i - 1].strip()) is not None and _prose_paragraph(texts[i - 2])


POST_FOOTER = re.compile(
    rf"""^[\W_]*(?:{_POST_NEIGHBOUR}[\W_]*:?|{_POST_TAGS}\s*:\s*\w.{{0,200}}|{_POST_TAGGED}|{_POST_FILED})$""",
    re.IGNORECASE | re.VERBOSE,
)
"""The footer a blog engine prints under a post: its tags or categories ("Tagged with BlackBerry,
RIM", "Categories: News") or the link to the post before or after it ("Previous Post:"). "Posted
in" and "Filed under" are left out: some themes print them above the post, with its date."""


_POSTED_BY_ALONE = re.compile(r"^[\W_]*posted\ by[\W_]*$", re.IGNORECASE)

SPLIT_STAMP_LINES = (3, 5)
"""A post stamp printed a word group a line takes this many lines (the least and the most)."""


def _split_stamp(texts: Sequence[str], i: int) -> bool:
    """Whether the post stamp under a blog post starts at line ``i``, printed a word group a line
    as Blogger's themes lay it out ("Posted by" / "Ann Lee" / "at" / "12:32 PM"): "Posted by"
    alone, and the lines from it joined read as the stamp :data:`END_OF_POST` reads on one line."""
    if not _POSTED_BY_ALONE.match(texts[i]):
        return False
    low, high = SPLIT_STAMP_LINES
    return any(
        end_of_post(" ".join(t.strip() for t in texts[i : i + n]))
        for n in range(low, high + 1)
        if i + n <= len(texts)
    )


END_MARKER = 'after a line that closes an article ("Related posts", "Leave a Reply"), past the prose rule\'s end'


def end_marker_in_run(
    texts: Sequence[str], start: int, end: int, rule: tuple[int, int], markers: frozenset[int] = frozenset()
) -> Comments | None:
    """Where the line model's run ``start..end`` meets an end marker past the prose rule's run
    ``rule`` (a line closing the article, or one an earlier cleaner removed, as
    :func:`_cut_at_end_marker` reads them); ``None`` when there is none. The rule stops at such
    a line only within its own run; where the model's run goes on past the rule's end (what it
    adds there holds a paragraph and is not mostly prose, so :func:`prose_past_rule` keeps it),
    a "Related posts" or "Leave a Reply" among the added lines is the end all the same, and what
    follows it is teasers or the readers' thread. A marker inside the rule's run is left to the
    rule, which counts the article's words from its own start: one the model's earlier start
    would reach is a table of contents' entry ("More Articles You Might Enjoy") as often."""
    cut = _cut_at_end_marker(texts, start, end, markers)
    if cut >= end or cut + 1 <= rule[1]:
        return None
    return Comments(cut + 1, END_MARKER)


_COMMENTS_WORDS = r"""(?:
    (?:(?:\d+|no|one|total|all|reader|readers'?|your|show|view|load|see|read)\ ?)?
        (?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|commenti|reacties)
        (?:\ (?:so\ far|to\ .{1,200}))?|
    (?:leave|post|add|write|submit|have)\ (?:a|an|your)\ (?:reply|comment|response|opinion|say)|
    (?:load|show|view|see|read)\ (?:all\ )?(?:\d+\ )?comments|
    join\ the\ (?:discussion|conversation)|comments\ are\ closed|loading\ comments|
    blog\ comments\ powered\ by\ disqus
)"""

COMMENTS_HEADING = re.compile(
    rf"""^[\W_]*(?:there\ (?:are|is|have\ been)\ )?{_COMMENTS_WORDS}
        (?:[\W\d_]+(?:{_COMMENTS_WORDS}|permalink))?[\W\d_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""The heading of a page's reader comments ("12 Comments", "One Comment", "Leave a Reply", "•
Comments (3)", "2 Comments Leave a comment", "Kommentare"), the count as a sentence ("There are 4
comments.") or beside the thread's permalink ("7 comments – permalink"): what follows it is
readers' text, never the article's. Bullets, counts and arrows around the words do not matter."""


THREAD_HEADING = re.compile(
    r"""^[\W_]*(?:
        (?:\d+|one)\ (?:[a-z]+\ )?(?:thoughts?|responses?|comments?|replies)\ (?:on|to)\ [“"'‘«„].{1,200}|
        \d+\ comments?\W+read\ (?:them|it)\ below\ or\ add\ one[\W_]*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
"""Thread headings that blog engines print, which :data:`COMMENTS_HEADING` does not read:
"43 thoughts on “Hello”", "One Response to “...”" (WordPress's defaults, or a theme's with a word
of its own: "8 appreciated comments on “...”"), "{ 10 comments… read
them below or add one }" (Thesis). The quotes keep an article's "10 thoughts on leadership" out."""


def comments_heading(text: str) -> bool:
    """Whether ``text`` (one line) is the heading of a page's reader comments."""
    return bool(COMMENTS_HEADING.match(text) or THREAD_HEADING.match(text))


def _markers_dropped(doc: Document) -> frozenset[int]:
    """For each heading of the reader comments ("Comments", "Leave a Reply") an earlier cleaner
    removed, the position in ``doc.blocks`` of the first line after it. Only comment headings
    count: a removed "Read more" or "Related" line is as often an inline box inside the article
    (on the shared collections, cutting at those lost more text than it saved)."""
    return _dropped_where(doc, comments_heading)


_ADDRESS = re.compile(r"://|\bwww\.|%2f", re.IGNORECASE)
"""An address in a line (a like button's frame printed with the page's address, its slug and all):
no headline holds one."""


def under_headline(texts: Sequence[str], i: int, url: str | None) -> bool:
    """Whether line ``i`` lies in the page's headline block: a title-shaped line holding every word
    of the address's slug (and no address, :data:`_ADDRESS`) stands at most
    :data:`HEADLINE_BLOCK_LINES` lines above it, with only
    short lines between (a date, a byline, a share button). A comments heading another cleaner
    removed there ("4 Comments" beside the post's date) is the count linking to the thread, not the
    thread's start: the post's text follows it."""
    for k in range(i - 1, max(-1, i - 1 - HEADLINE_BLOCK_LINES), -1):
        line = texts[k]
        if slug_share(line, url) >= 1.0 and _title_line(line) and _ADDRESS.search(line) is None:
            return True
        if word_count(line) >= PROSE_WORDS and SENTENCE.search(line):
            return False
    return False


def _announced(texts: Sequence[str], i: int) -> bool:
    """Whether the line above a comments heading another cleaner removed (line ``i`` follows it)
    introduces a list (:func:`_list_intro`) and follows a paragraph (:data:`PROSE_LINE_WORDS`
    words or more, with a sentence end): the "heading" is the first item of a list the article
    announces ("The following list should get you started:" over "Comment", "Briefing",
    "Access" and a paragraph each), not the start of the readers' thread. (A blog engine's line
    over its list of trackbacks, "Listed below are links to weblogs that reference ...:", follows
    the post's footer, not a paragraph.)"""
    return i >= 2 and _list_intro(texts[i - 1]) and _holds_paragraph(texts, i - 2, i - 2)


def _closing_line(text: str) -> bool:
    """Whether ``text`` (one line) closes an article as :func:`closing_marker` reads it."""
    return bool(END_OF_ARTICLE.match(text) or end_of_post(text) or THREAD_HEADING.match(text))


def _closing_lines_dropped(doc: Document) -> frozenset[int]:
    """For each line an earlier cleaner removed that closes an article (:func:`_closing_line`) and
    that the page prints once, the position in ``doc.blocks`` of the first line after it. A line
    printed twice or more ("Read More" under each item of a list) is each item's link, no heading."""
    times = Counter(b.text.strip() for b in doc.dropped or ())
    return _dropped_where(doc, lambda text: times[text] == 1 and _closing_line(text))


def _dropped_where(doc: Document, wanted: Callable[[str], bool]) -> frozenset[int]:
    """For each line an earlier cleaner removed whose text is ``wanted``, the position in
    ``doc.blocks`` of the first line after it."""
    if not doc.dropped:
        return frozenset()
    after = [b.index for b in doc.blocks]
    return frozenset(bisect_right(after, b.index) for b in doc.dropped if b.index >= 0 and wanted(b.text.strip()))


OFFER_PROMPT = re.compile(
    r"subscri|newsletter|\bsign[- ]?(?:up|in)\b|\bregist|\bmember|e-?mail|inbox|\blog[- ]?in\b|unlock|"
    r"abonn|\babo(?![-\w])|anmeld|registr|suscr|iscri|premium|会員|登録|購読",
    re.IGNORECASE,
)
"""Words of a prompt to subscribe, register, sign in or sign up for a newsletter, in a few
languages ("Subscribe now to read the latest news in your city", "Get Dazed Direct to your
Inbox", "Jetzt anmelden", "Abonnez-vous", "会員限定記事")."""

OFFER_PROMPT_WORDS = (3, 20)
"""A prompt whose offer is around it says what it offers in a line or two: a bare "Subscribe",
"Sign in" or "Email" is a button of a menu or a share bar, with the headline or a byline under
it, and a longer notice naming a login is an embed's placeholder ("Your privacy settings block
external content (graphics, tables, login forms) and social networks ...")."""

OFFER_WORDS = 150
"""At most this many words in the lines under a removed prompt that go with it: an offer's
heading, its list of benefits in short sentences and its second call (a Postmedia offer of
five benefits and a sign-in box runs to about 100 words)."""

OFFER_PARAGRAPH_WORDS = 25
"""A line of at least this many words ending a sentence is a paragraph: it ends an offer (an
offer's benefit is a sentence of up to 20-odd words)."""

BESIDE_PROMPT = "beside a subscription prompt or a comments heading another cleaner removed (an offer, a comment form)"


def _offer_prompt(text: str) -> bool:
    return comments_heading(text) or (
        OFFER_PROMPT_WORDS[0] <= word_count(text) <= OFFER_PROMPT_WORDS[1] and OFFER_PROMPT.search(text) is not None
    )


def _prompts_dropped(doc: Document) -> frozenset[int]:
    """For each subscription or newsletter prompt (:data:`OFFER_PROMPT`) or comments heading an
    earlier cleaner removed, the position in ``doc.blocks`` of the first line after it."""
    return _dropped_where(doc, _offer_prompt)


def _paragraph(text: str) -> bool:
    return word_count(text) >= OFFER_PARAGRAPH_WORDS and SENTENCE.search(text) is not None


def beside_prompts(texts: Sequence[str], start: int, end: int, prompts: frozenset[int]) -> set[int]:
    """The lines of the kept run ``start..end`` that belong to a prompt an earlier cleaner
    removed: under each prompt (``prompts`` holds the position of the first line after each),
    the lines down to the next paragraph, the next such prompt or the run's end, when they hold
    at most :data:`OFFER_WORDS` words. In HTML the offer's box goes with its prompt; a dump has
    no boxes, and the line model, trained on pages whose offers were few, scores an offer's
    benefits ("Unlimited digital access to the Ottawa Citizen.", "Support local journalism.")
    and a comment form's labels like the article's short lines. A prompt counts only after the
    run's first paragraph: one above it is the page's header, with the headline under it. A
    newsletter's pitch (:func:`_pitch_line`: "Exclusive articles from ... Plus, food reviews and
    event listings in the weekly newsletter.") is one of the offer's benefits, however long, not the
    paragraph that ends it."""
    first = next((i for i in range(start, end + 1) if _paragraph(texts[i])), None)
    if first is None:
        return set()
    out: set[int] = set()
    for prompt in sorted(prompts):
        if prompt <= first or prompt > end:
            continue
        lines = []
        i = prompt
        while i <= end and (not _paragraph(texts[i]) or _pitch_line(texts[i])):
            lines.append(i)
            i += 1
            if i in prompts:
                break
        if sum(word_count(texts[j]) for j in lines) <= OFFER_WORDS:
            out.update(lines)
    return out


PITCH_NOUN = re.compile(
    r"""newsletter|nieuwsbrief|\binbox|posteingang|postfach|bo[iî]te\ (?:de\ r[ée]ception|mail)|
        bandeja\ de\ entrada|\bbriefing\b|\be-?mails?\b""",
    re.IGNORECASE | re.VERBOSE,
)
"""What a newsletter's box offers, in a few languages: the newsletter, the briefing, the e-mail, the
reader's inbox ("Posteingang", "Postfach", "boîte de réception", "bandeja de entrada")."""

SIGN_UP = re.compile(
    r"""\bsign(?:ing)?[-\ ]?(?:me\ )?up\b|\bsubscri|\banmeld|\babonn|\bhier\ entlang\b|
        \bhier\ geht(?:['’]s|\ es)\ zu|\binscri|\bsuscri|\biscri|\baanmeld""",
    re.IGNORECASE | re.VERBOSE,
)
"""A sign-up's words: "Sign up", "subscribe", "anmelden", "abonnieren", "hier entlang", "Hier geht's
zur Anmeldung", "s'inscrire", "suscríbete", "iscriviti", "aanmelden"."""

_WEEKDAYS = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
SCHEDULE = re.compile(
    rf"""\bevery\ (?:{_WEEKDAYS}|morning|evening|weekday|week|day|month)\b|\bonce\ a\ (?:week|month)\b|
        \btimes\ a\ (?:week|month)\b|\bdelivered\b|
        \bjede[nr]?\ (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|morgen|abend|werktag)\b|
        \bimmer\ (?:montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags|morgens|abends)\b|
        \bchaque\ (?:semaine|jour|matin|soir|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b|
        \btous\ les\ (?:jours|matins|soirs|lundis|mardis|mercredis|jeudis|vendredis|samedis|dimanches)\b|
        \bcada\ (?:semana|d[ií]a|mañana|lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo)\b|
        \bogni\ (?:settimana|giorno|mattina|luned[iì]|marted[iì]|mercoled[iì]|gioved[iì]|venerd[iì]|
            sabato|domenica)\b""",
    re.IGNORECASE | re.VERBOSE,
)
"""When a newsletter comes, in a few languages: "every Monday", "jeden Donnerstag", "immer montags",
"chaque semaine", "cada lunes", "ogni settimana", "three times a week", "delivered"."""

SCHEDULE_WORD = re.compile(
    r"\b(?:daily|weekly|monthly|t[äa]glich\w*|w[öo]chentlich\w*|quotidien\w*|hebdomadaire|diari[oa]|semanal|settimanale)\b",
    re.IGNORECASE,
)
"""A newsletter's rhythm in one word ("daily", "täglichen", "hebdomadaire"): as often the article's
("monthly revenue"), so it only adds to a pitch's other words, never marks a box's line alone."""

OPT_OUT = re.compile(
    r"""\bunsubscribe\ (?:at\ any\ time|anytime)\b|\bopt[-\ ]out\ at\ any\ time\b|
        \bjederzeit\ (?:wieder\ )?(?:abmelden|abbestellen|widerrufen)|\babmeldung\ ist\ jederzeit\b|
        \bd[ée]sinscrire\ [àa]\ tout\ moment\b|\bdarte\ de\ baja\ en\ cualquier\ momento\b""",
    re.IGNORECASE | re.VERBOSE,
)
"""A sign-up's small print that the reader may leave again: "unsubscribe at any time", "Sie können
sich jederzeit wieder abmelden", "se désinscrire à tout moment"."""

GLUED_CALL = re.compile(
    r"""(?:\A|[.!?…:–—-]\s+)(?:
        (?:hier|here|jetzt|now|click\ here|klicken\ sie\ hier)\b[^.!?]{0,40}
            \b(?:anmeld\w*|abonnier\w*|entlang|sign\ up|subscribe|herunterladen|download)|
        (?:sign\ up|subscribe)\ (?:now|here|today)\b[^.!?]{0,40}|
        jetzt\ (?:kostenlos\ )?(?:anmelden|abonnieren)
    )\s*[.!]?\s*\Z""",
    re.IGNORECASE | re.VERBOSE,
)
"""A sign-up's button glued to the end of its pitch in a dump: "... Hier geht es zur Anmeldung.",
"– hier entlang.", "Jetzt anmelden!", "Sign up now and be one of the cool kids."."""

PITCH_WORDS = 40
"""A newsletter's pitch is a sentence or two; a longer line is the article's paragraph."""

BOX_LINES = 6
"""At most this many lines of a newsletter's box above its button (a heading, the pitch, an e-mail
field, a thank-you line): the box's top is its first line with a pitch's words."""

BOX_HEAD_WORDS = 6
"""The box's name above its pitch ("SZ Gerne draußen!", "NEW LOOK") is at most this many words."""

OFFER_BOX = "a newsletter's or a subscription's box between the article's paragraphs (its pitch and its sign-up button)"


def _pitch(text: str) -> bool:
    """Whether ``text`` holds a newsletter's pitch: what it offers (:data:`PITCH_NOUN`) and a sign-up,
    its rhythm or its opt-out (:data:`SIGN_UP`, :data:`SCHEDULE`, :data:`SCHEDULE_WORD`,
    :data:`OPT_OUT`)."""
    return PITCH_NOUN.search(text) is not None and any(
        p.search(text) for p in (SIGN_UP, SCHEDULE, SCHEDULE_WORD, OPT_OUT)
    )


def _pitch_line(text: str) -> bool:
    """Whether ``text`` is a newsletter's pitch (:func:`_pitch`) of at most :data:`PITCH_WORDS` words."""
    return word_count(text) <= PITCH_WORDS and _pitch(text)


def _box_line(text: str) -> bool:
    """Whether ``text`` holds one of a newsletter box's words (its rhythm only as a phrase, "jeden
    Donnerstag")."""
    return any(p.search(text) for p in (PITCH_NOUN, SIGN_UP, SCHEDULE, OPT_OUT))


def _sign_up_button(text: str) -> bool:
    """Whether ``text`` (a line removed as a prompt or a button) calls to sign up or subscribe."""
    return word_count(text) <= OFFER_PROMPT_WORDS[1] and (
        SIGN_UP.search(text) is not None or "newsletter" in text.lower()
    )


def _dropped_texts(doc: Document) -> dict[int, list[str]]:
    """For each position in ``doc.blocks``, the texts of the lines an earlier cleaner removed just
    before it."""
    after = [b.index for b in doc.blocks]
    out: dict[int, list[str]] = {}
    for b in doc.dropped or ():
        if b.index >= 0:
            out.setdefault(bisect_right(after, b.index), []).append(b.text.strip())
    return out


def offer_boxes(texts: Sequence[str], start: int, end: int, dropped: dict[int, list[str]]) -> set[int]:
    """The lines of the kept run ``start..end`` that are a newsletter's or a subscription's box
    between the article's paragraphs, where three signals agree:

    - a button: a sign-up prompt removed before (``dropped``: for each position the lines an
      earlier cleaner removed just before it) or here (:func:`interface_line`: "Kostenlos
      anmelden."), an opt-out's small print (:data:`OPT_OUT`), or a pitch ending in its glued
      call (:data:`GLUED_CALL`: "... Hier geht es zur Anmeldung.");
    - the box's shape: the lines above the button, up to :data:`BOX_LINES` of them, none of
      more than :data:`PITCH_WORDS` words and none a paragraph, from the first that holds a
      box's words (:func:`_box_line`) down, with a short name above it (:data:`BOX_HEAD_WORDS`)
      under the article's paragraph or a removed line;
    - the pitch: the box's text, with the lines removed in it and around it, names what it
      offers and a sign-up, a rhythm or an opt-out (:func:`_pitch`).

    The line model scores a pitch ("Der BR24 Newsletter informiert Sie immer montags bis freitags
    ...") like the article's short paragraphs, and neither the prompts cleaner (whose patterns
    read one line) nor :func:`beside_prompts` (the lines under a removed prompt) takes a box whose
    button comes last. Only after the run's first paragraph (a header's box is the page's). A
    sentence of the article naming a newsletter stays: it has no button under it, or it is a
    paragraph."""
    first = next((i for i in range(start, end + 1) if _prose_paragraph(texts[i]) and not _pitch_line(texts[i])), None)
    out: set[int] = set()
    if first is None:
        return out
    calls: set[int] = set()
    own: set[int] = set()  # (the calls glued to their pitch, or an opt-out: the line is its own button)
    for p, gone in dropped.items():
        if first < p <= end + 1 and any(_sign_up_button(t) for t in gone):
            calls.add(p)
    for i in range(first + 1, end + 1):
        text = texts[i]
        if interface_line(text) and _sign_up_button(text):
            calls.add(i)
        elif word_count(text) <= PITCH_WORDS and (OPT_OUT.search(text) or (GLUED_CALL.search(text) and _pitch(text))):
            calls.add(i + 1)
            own.add(i + 1)
    for p in sorted(calls):
        top = p - 1 if p in own else None
        i = p - 1 if p not in own else p - 2
        while i > first and p - i <= BOX_LINES:
            text = texts[i]
            if word_count(text) > PITCH_WORDS or _paragraph(text):
                break
            if _box_line(text):
                top = i
            elif _prose_paragraph(text):
                break
            i -= 1
        if top is None:
            continue
        head = top - 1
        if (
            head > first
            and word_count(texts[head]) <= BOX_HEAD_WORDS
            and (head in dropped or _prose_paragraph(texts[head - 1]) or interface_line(texts[head - 1]))
        ):
            top = head
        box = " ".join([*texts[top:p], *(t for k in range(top, p + 1) for t in dropped.get(k, ()))])
        if p <= end and interface_line(texts[p]):
            box += " " + texts[p]
        if _pitch(box):
            out.update(range(top, p))
    return out


APPEAL_CALL = re.compile(
    r"""^[\W_]*(?:
        (?:please\ )?(?:donate|contribute|give)(?:\ (?:now|today|here|monthly|once|securely))?|
        (?:please\ )?support\ (?:
            us|our\ (?:work|journalism|reporting|newsroom)|the\ [\w\ ]{1,30}|(?-i:[A-Z])[\w.'’-]*(?:\ [\w.'’-]+){0,3}|
            (?:independent|quality|local|nonprofit|science|public[-\ ]interest)\ (?:journalism|news|media|reporting)
        )(?:\ (?:now|today|here))?|
        (?:on\ )?supporting\ (?:\w+\ ){0,2}journalism|
        (?:make|double|triple|give)\ (?:a|my|your|an?\ \w+)\ (?:donation|contribution|gift)|
        become\ a\ (?:\w+\ )?(?:member|supporter|donor|patron|subscriber)|join\ (?:us|today|now)|
        subscribe(?:\ (?:now|today|here))?|
        (?:jetzt\ |bitte\ |hier\ )?(?:unterstützen|spenden|mitglied\ werden|fördermitglied\ werden)(?:\ sie\ uns)?|
        unterstützen?\ (?:sie\ )?uns|(?:deine|ihre|eure)\ (?:spende|unterstützung)\b[\w\ ]{0,40}|
        (?:je\ )?(?:fais|faire)\ un\ don|je\ (?:soutiens|m['’]abonne)|soutenez(?:-nous|\ \w+)?|nous\ soutenir|
        devenir\ membre|s['’]abonner|
        dona(?:\ (?:ahora|ya|ora))?|hazte\ (?:socio|socia|miembro|suscriptor)|ap[óo]yanos|suscr[ií]bete|
        sostienici|sostieni\ [\w\ ]{1,30}|abbonati|
        steun\ ons|word\ (?:lid|abonnee)|doneer(?:\ nu)?
    )[\W\d_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A reader-revenue appeal's button or heading, in a few languages: "Donate now", "Support us",
"Support The Intercept", "On supporting science journalism", "Double my donation", "Become a
member", "Subscribe now!", "Jetzt unterstützen", "Deine Spende für ...", "Mitglied werden",
"Je fais un don", "Soutenez-nous", "Hazte socio", "Sostienici", "Steun ons". A name after
"Support" is capitalised ("Support The Guardian"; "Support beyond the sale" is a heading)."""

APPEAL_CALL_WORDS = 8
"""A button or a heading is a few words; a longer line is a sentence."""

APPEAL_SUPPORT = re.compile(
    r"""\bsupport|\bdonat|\bdonor|\bmembers?(?:hip)?\b|\bcontribut|\bfund(?:ing|raising|ed)?\b|\bpitch(?:ing)?\ in\b|
        \bchip\ in\b|\bsubscri|\binvest\ in\ (?:\w+\ )?journalism|
        unterst[üu]tz|\bspende|\bmitglied|finanzier|\bf[öo]rder|\babo(?:nnement|nnent)?\b|
        \bsouten|\bsoutien|\bdons?\b|\babonn|\bmembres?\b|
        \bapoy|\bdona[rs]?\b|\bdonaci|\bsocios?\b|\bsuscri|\bsostien|\bsostegno|\babbona|
        \bsteun|\bdoneer|\bdonatie""",
    re.IGNORECASE | re.VERBOSE,
)
"""What an appeal asks of its readers, in a few languages: support, a donation, a membership, a
contribution, a subscription ("unterstützen", "Spende", "Mitglied", "soutenir", "don", "apoya",
"sostieni", "steun")."""

APPEAL_SELF = re.compile(
    r"""\b(?:our|we)\b[^.!?]{0,40}?\b(?:journalism|reporting|reporters|newsroom|journalists)\b|
        \b(?:independent|nonprofit|non-profit|reader[-\ ](?:funded|supported)|credible|quality|award-winning|
            public[-\ ]interest|science)
            \ (?:\w+\ )?(?:journalism|news(?:room|\ outlet|\ organi[sz]ation)?|media|reporting)\b|
        \bthe\ journalism\ you\b|\bsupport\ us\b|\b(?:journalism|reporting|stories)\ (?:that\ )?(?:you|we)\b|
        \bjournalismus\b|\bunser(?:e[nrms]?)?\b[^.!?]{0,40}?\b(?:berichterstattung|redaktion|recherchen?|journalist\w*)\b|
        \bunabh[äa]ngige[nrms]?\ (?:journalismus|medien|berichterstattung|redaktion|journalist\w*)\b|
        \b(?:sind|bleiben)\ wir\ (?:\w+\ ){0,2}unabh[äa]ngig\b|\bwir\ berichten\b|
        \bunterst[üu]tzen\ sie\ uns\b|\bunterst[üu]tze\ uns\b|\bunserer\ leser|
        \bjournalisme\b|\bnotre\ (?:r[ée]daction|ind[ée]pendance)\b|\bsoutenez-nous\b|\bnous\ soutenir\b|
        \bperiodismo\b|\bnuestra\ redacci[óo]n\b|\bap[óo]yanos\b|
        \bgiornalismo\b|\bla\ nostra\ redazione\b|\bsostienici\b|
        \bjournalistiek\b|\bonze\ redactie\b|\bsteun\ ons\b""",
    re.IGNORECASE | re.VERBOSE,
)
"""An appeal's words for the outlet's own journalism, in a few languages: "our reporting", "our
reporters", "the reporting we do", "independent nonprofit news outlet", "the journalism you rely
on", "support us", "Journalismus", "unabhängigen Medien", "sind wir vollkommen unabhängig", "wir
berichten", "unserer Leser:innen", "journalisme", "periodismo", "giornalismo", "journalistiek"."""

APPEAL_LINES = 3
"""At most this many lines of an appeal's pitch on either side of its button or heading (a
heading, the pitch's paragraph or two, a thank-you line)."""

APPEAL_LINE_WORDS = 150
"""An appeal's pitch runs to a long paragraph (120-odd words); a longer line is the article's."""

APPEAL_TAIL_WORDS = 80
"""Under an appeal that closes the article, at most this many words down to the run's end: an
author's box, tags, a feedback link."""

APPEAL_TAIL_PROSE = 1
"""... of which at most this many lines of :data:`PROSE_LINE_WORDS` words or more (the author's
line of biography): the article's own closing paragraphs under an appeal boxed between them are
more."""

APPEAL = "a reader-revenue appeal in the article (a pitch to support the outlet's journalism, and its button)"
CLOSING_APPEAL = "after a reader-revenue appeal closing the article (a pitch to support the outlet's journalism)"


def _appeal_call(text: str) -> bool:
    """Whether ``text`` is an appeal's button or heading (:data:`APPEAL_CALL`)."""
    return word_count(text) <= APPEAL_CALL_WORDS and APPEAL_CALL.match(text.strip()) is not None


_LAST_SENTENCE = re.compile(r"[.!?…][\"'”’)]?\s*(?=\S[^.!?…]*$)")


def _glued_appeal_call(text: str) -> bool:
    """Whether ``text`` ends in an appeal's button glued to its pitch ("... support the journalism
    you rely on.Become a Member")."""
    ends = [m.end() for m in _LAST_SENTENCE.finditer(text)]
    return bool(ends) and _appeal_call(text[ends[-1] :])


def _asks_for_own(text: str) -> bool:
    """Whether ``text`` asks for support (:data:`APPEAL_SUPPORT`) and names the outlet's own
    journalism (:data:`APPEAL_SELF`)."""
    return APPEAL_SUPPORT.search(text) is not None and APPEAL_SELF.search(text) is not None


def _appeal_words(text: str) -> bool:
    return APPEAL_SUPPORT.search(text) is not None or APPEAL_SELF.search(text) is not None


def _appeal_below(texts: Sequence[str], i: int, end: int) -> list[int]:
    """The lines of an appeal's pitch from ``i`` down, under its heading: the first asking for
    support (:data:`APPEAL_SUPPORT`), the next ones also naming the outlet's journalism
    (:data:`APPEAL_SELF`), up to :data:`APPEAL_LINES` of them."""
    out: list[int] = []
    while i <= end and len(out) < APPEAL_LINES:
        text = texts[i]
        if (
            word_count(text) > APPEAL_LINE_WORDS
            or not APPEAL_SUPPORT.search(text)
            or (out and not APPEAL_SELF.search(text))
        ):
            break
        out.append(i)
        i += 1
    return out


def _appeal_above(texts: Sequence[str], p: int, first: int) -> list[int]:
    """The lines of an appeal's pitch above its button at ``p``, up to :data:`APPEAL_LINES` of
    them, each holding an appeal's words (:func:`_appeal_words`), with the appeal's short name
    above them when the article's paragraph is right above the name (a slogan, "Links lesen,
    Rechts bekämpfen")."""
    out: list[int] = []
    i = p - 1
    while i > first and len(out) < APPEAL_LINES:
        text = texts[i]
        if word_count(text) > APPEAL_LINE_WORDS or not _appeal_words(text):
            break
        out.insert(0, i)
        i -= 1
    if (
        out
        and i > first
        and word_count(texts[i]) <= BOX_HEAD_WORDS
        and not SENTENCE.search(texts[i])
        and _prose_paragraph(texts[i - 1])
    ):
        out.insert(0, i)
    return out


def _said(texts: Sequence[str], box: Sequence[int], dropped: dict[int, list[str]]) -> str:
    """The text of the appeal's lines ``box``, with the lines removed in it and just under it."""
    return " ".join([*(texts[k] for k in box), *(t for k in range(box[0], box[-1] + 2) for t in dropped.get(k, ()))])


def appeal_boxes(
    texts: Sequence[str], start: int, end: int, dropped: dict[int, list[str]]
) -> tuple[set[int], int | None]:
    """The lines of the kept run ``start..end`` that are a reader-revenue appeal ("support our
    journalism"), and where the article ends when one closes it (``None`` when none does).

    Three signals agree:

    - a call: a button or a heading (:func:`_appeal_call`: "Jetzt unterstützen", "Donate now",
      "Become a member", "Deine Spende für ..."), kept, or removed before (``dropped``: for each
      position the lines an earlier cleaner removed just before it; a removed line that asks for
      support for the outlet's journalism also counts), or glued to the pitch's end
      (:func:`_glued_appeal_call`);
    - the appeal's shape: the pitch's lines right under the call taken as a heading
      (:func:`_appeal_below`), or else right above it taken as a button (:func:`_appeal_above`),
      at most :data:`APPEAL_LINES` of them, none over :data:`APPEAL_LINE_WORDS` words, each
      holding an appeal's words, below the run's first paragraph;
    - the pitch: the appeal's text, with the lines removed in it and just under it, asks for
      support (:data:`APPEAL_SUPPORT`) for the outlet's own journalism (:data:`APPEAL_SELF`).

    The line model scores a pitch like the article's paragraphs (it is one, in the outlet's
    voice), and the prompts cleaner's one-line patterns take only its opening ("Wait! Before you
    go ..."). When the lines under the appeal down to the run's end hold at most
    :data:`APPEAL_TAIL_WORDS` words and :data:`APPEAL_TAIL_PROSE` line of prose, the appeal
    closes the article and the run ends above it (the author's box, tags and a share bar under
    it go too). An article about a charity's donation drive names no journalism of its own, and
    has no button beside its paragraphs."""
    first = next((i for i in range(start, end + 1) if _prose_paragraph(texts[i])), None)
    out: set[int] = set()
    closing: int | None = None
    if first is None:
        return out, closing
    calls: dict[int, str] = {}  # a call's position: "line" (the line is the call), "gap" (removed before it), "glued"
    for p, gone in dropped.items():
        if first < p <= end + 1 and any(_appeal_call(t) or _asks_for_own(t) for t in gone):
            calls[p] = "gap"
    for i in range(first + 1, end + 1):
        if _appeal_call(texts[i]):
            calls[i] = "line"
        elif word_count(texts[i]) <= APPEAL_LINE_WORDS and _glued_appeal_call(texts[i]):
            calls.setdefault(i + 1, "glued")
    for p, kind in sorted(calls.items()):
        kept = kind == "line"
        call = [p] if kept else []
        shapes = [] if kind == "glued" else [call + _appeal_below(texts, p + 1 if kept else p, end)]
        shapes.append(_appeal_above(texts, p, first) + call)
        box = next(
            (b for b in shapes if len(b) > len(call) and b[0] > first and _asks_for_own(_said(texts, b, dropped))), None
        )
        if box is None:
            continue
        top, bottom = box[0], box[-1]
        out.update(range(top, bottom + 1))
        tail = texts[bottom + 1 : end + 1]
        if (
            closing is None
            and sum(word_count(t) for t in tail) <= APPEAL_TAIL_WORDS
            and sum(word_count(t) >= PROSE_LINE_WORDS for t in tail) <= APPEAL_TAIL_PROSE
        ):
            closing = top
    return out, closing


_CAPITAL_WORD = r"(?-i:[A-ZÀ-ÖØ-Þ])[\w'’.-]*"
_NAME = rf"{_CAPITAL_WORD}(?:\ (?:{_CAPITAL_WORD}|de|da|di|del|van|von|der|den|la|le|bin|al)){{0,3}}"

AUTHOR_HEADING = re.compile(
    r"""(?:about|meet)\ the\ (?:author|writer|reporter|authors|writers)|about\ (?:the\ )?contributors?|
        (?:über|zur|zum)\ (?:den\ |die\ )?(?:autor|autorin|autoren|autorinnen)|
        à\ propos\ de\ l['’]aut(?:eur|rice)|(?:l['’]|les\ )aut(?:eur|rice|eurs)|
        (?:sobre|acerca\ de)\ (?:el|la|los)\ aut(?:or|ora|ores)|(?:l['’]|gli\ )autor[ei]|
        over\ de\ (?:auteur|schrijver)""",
    re.IGNORECASE | re.VERBOSE,
)
"""A heading over an author's box, in a few languages: "About the author", "Über die Autorin",
"À propos de l'auteur", "Sobre el autor", "L'autore", "Over de auteur"."""

AUTHOR_NAME_LINE = re.compile(
    rf"^[\W_]{{0,3}}(?:(?:about|über|à\ propos\ de|sobre|acerca\ de|over)\ )?(?P<name>{_NAME})[\W_]{{0,3}}$",
    re.IGNORECASE | re.VERBOSE,
)
"""An author's box's name line: the author's name alone ("Paul Serran"), maybe with "About" before
it ("About Matt Tschoegl")."""

AUTHOR_BIO = re.compile(
    rf"""^[\W_]{{0,3}}(?:(?P<heading>{AUTHOR_HEADING.pattern})[:.]?\ +)?
        (?:(?P<line>{_NAME})(?:\ ?[/|]\ ?|\ (?:twitter|facebook|instagram|linkedin|bluesky|e-?mail|website)\ ))?
        (?P<name>{_NAME})(?:,\ [^,]{{1,30}},)?
        \ (?:is|was|has|had|works|writes|covers|reports|joined|ist|war|schreibt|arbeitet|berichtet|
            est|a|écrit|es|fue|escribe|è|scrive|werkt|schrijft)\b""",
    re.IGNORECASE | re.VERBOSE,
)
"""A line that opens like an author's biography: a name as its subject and a verb of being or
working after it ("Paul Serran is ...", "Manuela Conrad ist ...", "Carla schreibt ...", "Roslyn
Ashford, MBA, is ..."), maybe after the box's heading glued to it ("About the author: Ed Avis is
...") or after the box's name line glued to it ("Chris Foresman / Chris is ...", or with a
button's label between them: "Sarah LazareTwitterSarah Lazare is ...", read with the glued words
apart)."""

BIO_WORDS = re.compile(
    r"""\b(?:writer|reporter|journalist|editor|correspondent|author|contributor|columnist|researcher|professor|
            lecturer|fellow|producer|photographer|blogger|podcaster|analyst|freelancer|novelist|critic|historian|
            economist|scientist|strategist|consultant|founder|co-founder|ceo|director)s?\b|
        \bwrites\ (?:about|for|on)\b|\bcovers\b|\bhas\ (?:written|reported)\b|
        \w*(?:redakteur|reporter|korrespondent|journalist|kolumnist)(?:in)?\b|\bautor(?:in)?\b|\bvolontär(?:in)?\b|
        \bschreibt\ (?:seit|über|für)\b|\bberichtet\ (?:seit|über|für|aus)\b|\bseit\ \d{4}\ (?:bei|für)\b|
        \bjournaliste\b|\brédact(?:eur|rice)\b|\bcorrespondant(?:e)?\b|\bchroniqueu(?:r|se)\b|\bchercheu(?:r|se)\b|
        \bperiodista\b|\bredactora?\b|\bcorresponsal\b|\bcolumnista\b|\binvestigadora?\b|\bescritora?\b|
        \bgiornalista\b|\bredatt(?:ore|rice)\b|\bcorrispondente\b|\bscritt(?:ore|rice)\b|
        \bverslaggever\b|\bredacteur\b|\bschrijver\b|\bonderzoeker\b|\bhoogleraar\b""",
    re.IGNORECASE | re.VERBOSE,
)
"""An author's biography's words, in a few languages: a writer's or a researcher's trade ("writer",
"Senior Fellow", "ZDF-Reporterin", "Redakteurin", "journaliste", "periodista", "giornalista",
"verslaggever"), or what a writer does ("writes about", "covers", "schreibt seit", "seit 2019 bei")."""

AUTHOR_CONTACT = re.compile(
    r"""\bfollow\ (?:him|her|them|me)\b|\byou\ can\ (?:e-?mail|reach|contact|follow|find)\b|
        \bcontact\ (?:the\ )?(?:author|writer|reporter)\b|\be-?mail\ (?:him|her|the\ author)\b|
        \bread\ more\ (?:of|by|from)\b|\bmore\ (?:articles|stories|posts)\ (?:by|from)\b|
        \b(?:articles|posts|stories)\ by\ (?-i:[A-Z])|\btwitter:\ ?@|
        \bfolgen\ sie\ (?:ihm|ihr)\b|\bmehr\ (?:artikel|beiträge|texte)\ (?:von|der\ autorin|des\ autors)\b|
        \bkontakt\ zu(?:r|m)\ (?:autor|autorin)\b|\bsuivez-(?:le|la)\b|\bcontacter\ l['’]aut|
        \bs[ií]guel[oa]\b|\bseguil[oa]\b|\bvolg\ (?:hem|haar)\b""",
    re.IGNORECASE | re.VERBOSE,
)
"""An author's box's contact or follow line, in a few languages: "Follow him on X", "You can email
Paul Serran here, and read more of Paul Serran's articles here", "Contact the author", "Folgen Sie
ihr", "Suivez-le", "Síguela"."""

AUTHOR_BIO_WORDS = 80
"""An author's biography runs to a sentence or three; a longer line is the article's paragraph."""

AUTHOR_CONTACT_WORDS = 30
"""A contact or follow line under a biography is a sentence at most."""

AUTHOR_TAIL_WORDS = 80
"""Under an author's box, at most this many words down to the run's end (a note on ad blockers, a
search box, a heading of the site's videos)."""

AUTHOR_TAIL_PROSE = 1
"""... of which at most this many lines of :data:`PROSE_LINE_WORDS` words or more."""

AUTHOR_BYLINE_WORDS = 25
"""A byline naming the authors is a short line above the article's text."""

CLOSING_AUTHOR = "at an author's box closing the article (the author's name, biography and contact lines)"


def _bio(text: str) -> re.Match[str] | None:
    """The opening of ``text`` when it is an author's biography: a name and a verb first
    (:data:`AUTHOR_BIO`), a writer's words in it (:data:`BIO_WORDS`), at most
    :data:`AUTHOR_BIO_WORDS` words."""
    if word_count(text) > AUTHOR_BIO_WORDS:
        return None
    apart = AUTHOR_BIO.match(_GLUED.sub(" ", text.strip()))
    found = apart if apart is not None and apart.group("line") else AUTHOR_BIO.match(text.strip())
    return found if found is not None and BIO_WORDS.search(text) is not None else None


def _names_match(line: str, name: str) -> bool:
    """Whether a name line's ``line`` names the biography's subject ``name`` (the whole name, or
    its first word: "Chris Foresman" over "Chris is ...")."""
    return line == name or line.split()[0] == name


def _contact(text: str) -> bool:
    """Whether ``text`` is a contact or follow line of an author's box (:data:`AUTHOR_CONTACT`), a
    sentence at most."""
    return word_count(text) <= AUTHOR_CONTACT_WORDS and AUTHOR_CONTACT.search(text) is not None


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def _bio_subjects(text: str) -> list[str]:
    """The subjects of the biographies in ``text``, one per sentence ("Mamokete Modiba is a senior
    researcher ... Claire Benit-Gbaffou is an associate professor ...")."""
    out = []
    for sentence in _SENTENCE_BREAK.split(text):
        found = _bio(sentence)
        if found is not None:
            out.append(found.group("name"))
    return out


def _box_top(texts: Sequence[str], b: int, found: re.Match[str], first: int) -> int | None:
    """The first line of the author's box whose biography is line ``b``: its heading or its name
    line right above it (a role line may stand between: "Elena Linker", "Marketing Operations
    Analyst"), or the biography itself when the heading or the name line is glued to it;
    ``None`` when the box shows neither."""
    name = found.group("name")
    if found.group("heading") or (found.group("line") and _names_match(found.group("line"), name)):
        return b
    for k in (b - 1, b - 2):
        if k <= first:
            break
        above = texts[k].strip()
        line = AUTHOR_NAME_LINE.match(above)
        if (line is not None and _names_match(line.group("name"), name)) or (
            word_count(above) <= BOX_HEAD_WORDS and AUTHOR_HEADING.fullmatch(above.strip(":. ")) is not None
        ):
            return k
        if word_count(above) > BOX_HEAD_WORDS or SENTENCE.search(above):
            break
    return None


BYLINE_WORD = re.compile(r"^(?:by|von|av|af|par|di|da|por|door|przez|от)\s+", re.I)
"""The word a visible byline starts with ("Von Juliane Rohr"): dropped from author names, and a
line opening on it is the article's own, not another story's headline."""


def _bylines(texts: Sequence[str], stop: int) -> str:
    """The short lines above line ``stop`` (bylines among them), joined."""
    return " ".join(t for t in texts[:stop] if word_count(t) <= AUTHOR_BYLINE_WORDS)


def _bylined_bio(text: str, bylines: str) -> bool:
    """Whether ``text`` is the biography of the author a byline above the article names, whatever
    its trade ("Dhruv Bhutani is a tech enthusiast who ...", "Jen Goode is a Colorado work-at-home
    mom ..." under "Guest post by Jen Goode"): a name of two words or more as its subject and a
    verb of being or working after it (:data:`AUTHOR_BIO`), a person's pronoun after them
    (:data:`PERSON_WORDS`: a product's or a company's "RedNotebook Portable is ..." has none), at
    most :data:`AUTHOR_BIO_WORDS` words, the name among the short lines above the article's first
    paragraph (``bylines``)."""
    if word_count(text) > AUTHOR_BIO_WORDS:
        return False
    found = AUTHOR_BIO.match(text.strip())
    if found is None or found.group("heading") or found.group("line"):
        return False
    name = found.group("name")
    return (
        len(name.split()) >= 2
        and PERSON_WORDS.search(text[found.end() :]) is not None
        and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", bylines) is not None
    )


def author_box(texts: Sequence[str], start: int, end: int) -> Comments | None:
    """Where the kept run ``start..end`` ends at the author's box under the article: the author's
    name, maybe a role line, a biography of a sentence or three ("Paul Serran is a Brazilian writer
    and musician, a contributor to The Gateway Pundit since 2023.") and contact lines ("You can
    email Paul Serran here"). The biography reads as the article's closing paragraph, so the line
    model keeps it. Three signals agree:

    - the biography's shape and words (:func:`_bio`): a name as its subject, a verb of being or
      working, a writer's or a researcher's words in several languages, at most
      :data:`AUTHOR_BIO_WORDS` words;
    - the box around it, which sets it apart from the article's own text: the name alone on the
      line above (or glued before it), a heading "About the author" (:func:`_box_top`), a contact
      or follow line of its own right under it (:data:`AUTHOR_CONTACT`; "follow him on Twitter"
      inside the biography's sentence is as often a closing note of the article's), or the
      biographies of two or more people a byline above the article names (a box of the
      co-authors);
    - its place: after the run's first paragraph and :data:`END_MIN_WORDS` words, with at most
      :data:`AUTHOR_TAIL_WORDS` words and :data:`AUTHOR_TAIL_PROSE` line of prose under it down to
      the run's end, and no other biography in a box of its own anywhere in the run (an article's
      list of experts, each under their name, has the same shape again and again).

    An article that ends on a sentence about a person ("Jane Doe is a professor of history at
    Yale.") shows no box around it and stays. ``None`` when the run ends on no such box."""
    first = next((i for i in range(start, end + 1) if _holds_paragraph(texts, i, i)), None)
    if first is None:
        return None
    bios = [(b, found) for b in range(first + 1, end + 1) if (found := _bio(texts[b])) is not None]
    tops = {b: _box_top(texts, b, found, first) for b, found in bios}
    if sum(top is not None for top in tops.values()) > 1:
        return None
    bylines = _bylines(texts, first)
    authors = {b for b in range(first + 1, end + 1) if b not in tops and _bylined_bio(texts[b], bylines)}
    for b in sorted([*tops, *authors]):
        if sum(word_count(t) for t in texts[start:b]) < END_MIN_WORDS:
            continue
        top = tops.get(b)
        bottom = _contacts_under(texts, b, end)
        subjects = _bio_subjects(texts[b])
        coauthors = len(set(subjects)) >= 2 and all(s in bylines for s in subjects)
        if top is None and bottom == b and not coauthors and b not in authors:
            continue
        if _little_under(texts, bottom, end):
            return Comments(b if top is None else top, CLOSING_AUTHOR)
    if not any(top is not None for top in tops.values()):
        head = headed_author_box(texts, start, end, first, bylines)
        if head is not None:
            return Comments(head, CLOSING_AUTHOR)
    return None


ABOUT_NAME = re.compile(r"^[\W_]{0,3}(?:about|über|à\ propos\ de|sobre|acerca\ de|over)\ ", re.IGNORECASE)
"""An author's box's name line that says what it is: "About Dima Aryeh", "Über Manuela Conrad"."""

PERSON_WORDS = re.compile(r"\b(?:he|she|his|her|him|i|i['’]m|my|me)\b", re.IGNORECASE)
"""A person's pronouns, which a biography uses and an organisation's "About us" paragraph does
not ("He does photography", "I founded this blog"; "Georgetown University Medical Center is an
internationally recognized academic medical center")."""

HEADED_BIO_WORDS = 150
"""Under a heading of its own, an author's biography may run longer than a sentence or three (a
blogger's first-person story of the blog, "I founded this blog in order to ...")."""


def headed_author_box(texts: Sequence[str], start: int, end: int, first: int, bylines: str) -> int | None:
    """The heading of the author's box closing the kept run ``start..end`` when its biography does
    not read as one by its words (first-person, "Hi I am Jeremy and this is my blog", or a trade
    :data:`BIO_WORDS` does not name, "Dima Aryeh is a Russian obsessed with all things tech"):
    the box's heading says so, "About the author" (:data:`AUTHOR_HEADING`) or "About <name>" for a
    name a byline above the article gives (``bylines``, :func:`_bylines`); the biography, a
    paragraph of at most :data:`HEADED_BIO_WORDS` words within two lines under it, speaks of a
    person (:data:`PERSON_WORDS`: a company's or a university's "About" paragraph closing a press
    release is the release's); and its place is after the run's first paragraph (line ``first``),
    with at most :data:`AUTHOR_TAIL_WORDS` words and :data:`AUTHOR_TAIL_PROSE` line of prose under
    the biography and its contact lines (a short post's box comes before :data:`END_MIN_WORDS`).
    One such heading only: a run with two is an article's list of people. ``None`` when the run
    ends on no such box."""
    heads = []
    for k in range(first + 1, end + 1):
        line = texts[k].strip()
        if word_count(line) > BOX_HEAD_WORDS:
            continue
        named = AUTHOR_NAME_LINE.match(line) if ABOUT_NAME.match(line) else None
        if AUTHOR_HEADING.fullmatch(line.strip(":.… ")) is not None or (
            named is not None and named.group("name") in bylines
        ):
            heads.append(k)
    if len(heads) != 1:
        return None
    head = heads[0]
    bio = next((j for j in range(head + 1, min(head + 2, end) + 1) if _holds_paragraph(texts, j, j)), None)
    if bio is None or word_count(texts[bio]) > HEADED_BIO_WORDS or PERSON_WORDS.search(texts[bio]) is None:
        return None
    return head if _little_under(texts, _contacts_under(texts, bio, end), end) else None


def _contacts_under(texts: Sequence[str], bio: int, end: int) -> int:
    """The last line of an author's box whose biography is line ``bio``: its contact lines under
    it (:func:`_contact`), down to the run's end ``end`` at most."""
    bottom = bio
    while bottom < end and _contact(texts[bottom + 1]):
        bottom += 1
    return bottom


def _little_under(texts: Sequence[str], bottom: int, end: int) -> bool:
    """Whether at most :data:`AUTHOR_TAIL_WORDS` words, :data:`AUTHOR_TAIL_PROSE` line of prose
    among them, lie under an author's box ending at line ``bottom``, down to the run's end."""
    tail = texts[bottom + 1 : end + 1]
    return (
        sum(word_count(t) for t in tail) <= AUTHOR_TAIL_WORDS
        and sum(word_count(t) >= PROSE_LINE_WORDS for t in tail) <= AUTHOR_TAIL_PROSE
    )


COMMENTS_MIN_WORDS = 100
"""The reader comments start no earlier than this many words of prose (lines of at least
:data:`PROSE_WORDS` words) into the kept run: a "Comments" link or a time stamp in the first
lines is the page's header, not the end of the article."""

COMMENTS_SHORT_SHARE = 0.3
"""Under a comments heading, at least this share of the kept lines are short (the posters'
names, dates, "Reply" links, the comment form): a "Comments (0)" link in the byline has only
the article's paragraphs under it (on the dragnet dumps the guard leaves 19 pages worse off
instead of 24, for the same F1 within noise)."""

STAMP_TIME = re.compile(r"(?<![\d.:])\d{1,2}:[0-5]\d(?::[0-5]\d)?(?![\d.:])")


def holds_clock_time(text: str) -> bool:
    """``STAMP_TIME.search(text) is not None``, asked only where a match can start: one or two
    characters before one of the text's colons (its hours' digits before its first colon). The
    pattern, with no fixed start, was tried at every character of every paragraph holding a
    colon."""
    at = text.find(":", 1)
    while at >= 0:
        if STAMP_TIME.match(text, at - 1) is not None or (at >= 2 and STAMP_TIME.match(text, at - 2) is not None):
            return True
        at = text.find(":", at + 1)
    return False


_MONTH_STEM = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
"""An English month's name as its first three letters ("Sep", "September", "sept.")."""

STAMP_DATE = re.compile(
    r"\b(?:19[5-9]\d|20\d\d)\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|"
    rf"\b{_MONTH_STEM}[a-z]*\.?\s+\d{{1,2}}\b|"
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+{_MONTH_STEM}",
    re.IGNORECASE,
)
CARD_DATE = re.compile(
    rf"""(?<![\w-])(?:
        (?:19|20)\d\d-[01]\d-[0-3]\d|[0-3]?\d\.[01]?\d\.(?:19|20)\d\d|
        {_MONTH_STEM}[a-z]*\.?\s+[0-3]?\d(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d|
        [0-3]?\d(?:st|nd|rd|th)?\.?\s+{_MONTH_STEM}[a-z]*\.?,?\s+(?:19|20)\d\d
    )(?![\w-])""",
    re.IGNORECASE | re.VERBOSE,
)
"""A whole date, day, month and year ("2024-10-14", "14.10.2024", "October 14, 2024", "14 Oct 2024"):
the date a teaser card prints between its headline and its teaser."""

STAMP_WORDS = 20
"""A comment's time stamp ("Posted by Ann at May 4, 2012 7:21 AM", "23. 12. 2024 13:31") is a
short line with a clock time and a date."""

STAMP_AGO = re.compile(
    r"\b(?:\d+|an?|one)\s+(?:day|week|month|year)s?\s+ago\b|"
    r"\bvor\s+(?:\d+|einer?|einem)\s+(?:Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?)\b|"
    r"\bil y a\s+(?:\d+|une?)\s+(?:jour|semaine|mois|an)s?\b|"
    r"\bhace\s+(?:\d+|una?)\s+(?:d[ií]a|semana|mes|año)(?:e?s)?\b",
    re.I,
)
"""When a post was written, told relative to the page's making ("10 days ago", "vor 3 Tagen",
"il y a 2 jours"): comment systems print it instead of a date and a time. Minutes and hours
are left out: a live blog stamps its entries "21 mins ago" (measured: an Express live blog lost
its entries to them)."""

HEADED_THREAD_REACH = 4
"""Lines at most from a comments heading ("{ 17 comments… read them below or add one }") down to
its thread's first post mark (the post's author and text between them): with such a heading over
it, one mark leading up to the kept run is a thread's."""

STAMPS = 3
"""This many time stamps, with prose between most of them, make a comment thread (one stamp is
the article's own dateline; live blogs stamp their entries with a time but no date)."""

PROSE_WORDS = 8

POST_LABEL = re.compile(
    r"""^[\W_]*(?:
        reply|permalink|report(?:\ abuse|\ comment)?|antworten|r[ée]pondre|responder|rispondi|svar|reageer|
        posted\ by\ ?:|
        .{1,40}\b(?:says|sagt|dit|dice|disse|schreef|skrev)\ ?:|
        .{0,40}\b(?:said|wrote|writes|sagte|schrieb|schreibt|hat\ geschrieben|hat\ gesagt|a\ dit|a\ écrit|
            dijo|escribió|escribe|disse|escreveu|ha\ scritto|ha\ detto|scrive|zei|schreef|skrev|sa)\ ?(?::|,|\.{2,3}|…)|
        .{0,60}\|\s*permalink
    )[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A line that only labels one reader's post, as comment systems print it with every post:
"Reply", "Permalink", "Report abuse", "Antworten", "Posted by:" alone on its line (TypePad's, the
poster's name on the next line), or the poster's name line "Tom Baker says:", "Modern Wife sagt:",
"Ann said," (WordPress themes), "said..." under the poster's name (Blogger's, in its languages:
"disse...", "dijo...", "a dit…"), "Ann wrote:", "by ann (1234) writes:", "October 2, 2012, |
Permalink". An article has no such lines (a byline names its author on the same line, "Posted by
Jane Doe"; a reported speech's "the minister said:" is rarely a line of its own, and never three
times: on the shared collections no page's article holds two lines of the forms with a verb)."""

POST_LABELS = 3
"""This many post labels in the kept run make a comment thread, however short the article above
it is (one "Reply" link can be a line of the article's own page)."""


class Comments(NamedTuple):
    first: int
    reason: str


def _stamp(text: str) -> bool:
    return word_count(text) <= STAMP_WORDS and (
        (holds_clock_time(text) and bool(STAMP_DATE.search(text))) or bool(STAMP_AGO.search(text))
    )


INLINE_STAMP_WORDS = 10
"""Words at most in a reader's post's mark printed on the post's own line: the poster's name,
maybe "says:" or "Posted by:", a date and a clock time."""

_CLOCK_END = re.compile(r"\s*(?:[ap]\.?m\b)?", re.IGNORECASE)
_STAMP_TAILS = frozenset(["", "reply", "permalink", "link"])
"""What may follow a post's closing stamp on its line, separators aside."""
_DATE_LEAD = frozenset(
    ["on", "in", "at", "by", "since", "until", "from", "of", "as", "le", "la", "el", "am", "im", "vom", "au", "del"]
)
"""Words that lead a date in a sentence ("On November 6, 2012 at 8:00 PM the polls closed"), never a
poster's name."""


def _inline_stamp(text: str) -> bool:
    """Whether ``text`` is one reader's post with its mark on the same line, as Markdown dumps
    print a thread's list items: opening with the poster's name and the time stamp ("Mark says:
    November 3, 2012 at 11:27 am Excellent finish ...", "Alan Wexelblat August 2nd, 2012 at 12:36
    pm This is a huge topic ...", :func:`_opening_stamp`) or closing with them ("... the car
    design. Posted by: DrNo at November 7, 2012 1:56 PM", :func:`_closing_stamp`). Such a line is
    longer than a stamp alone (:data:`STAMP_WORDS`)."""
    return word_count(text) > STAMP_WORDS and (_opening_stamp(text) or _closing_stamp(text))


def _opening_stamp(text: str) -> bool:
    """Whether ``text`` opens with a reader's post's mark: at most :data:`INLINE_STAMP_WORDS`
    words with a date just before the first clock time (:data:`STAMP_DATE`, :data:`STAMP_TIME`),
    after the poster's name, with no sentence end in it and no word that leads a date in a
    sentence just before the date (:data:`_DATE_LEAD`: "On November 6, 2012 at 8:00 PM the polls
    closed")."""
    first = STAMP_TIME.search(text) if holds_clock_time(text) else None
    if first is None or word_count(text[: first.end()]) > INLINE_STAMP_WORDS:
        return False
    dates = list(STAMP_DATE.finditer(text, 0, first.start()))
    if not dates or word_count(text[dates[-1].end() : first.start()]) > 2:
        return False
    name = text[: dates[0].start()].split()
    return bool(name) and name[-1].lower() not in _DATE_LEAD and not SENTENCE.search(text[: first.start()])


def _closing_stamp(text: str) -> bool:
    """Whether ``text`` ends with a reader's post's mark: a clock time with a date among the
    :data:`INLINE_STAMP_WORDS` words up to it, and after it no more than "am"/"pm", a separator
    and "Reply" or "Permalink" (no full stop: a sentence that ends on a time is no mark)."""
    times = list(STAMP_TIME.finditer(text)) if holds_clock_time(text) else []
    if not times:
        return False
    last = times[-1]
    tail = _CLOCK_END.match(text, last.end())
    if tail is None or text[tail.end() :].strip(" \t|•·#–—-").lower() not in _STAMP_TAILS:
        return False
    words = text[: last.start()].split()[-(INLINE_STAMP_WORDS - 1) :]
    return bool(STAMP_DATE.search(" ".join(words)))


_MONTH = rf"{_MONTH_STEM}[a-z]*\.?"
DATE_LINE = re.compile(
    rf"""^(?:[^\W\d_]+,?\s+)?(?:
        \d{{1,2}}(?:st|nd|rd|th)?\.?\s+{_MONTH},?\s+\d{{2,4}}|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|
        \d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}
    )[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A line that is a date and nothing else ("07 Nov 12", "October 24, 2012", "Monday, November 5 2012",
"10/27/2012"), no clock time."""

NAME_WORDS = 4
"""Words at most in the poster's name over a reader's post's date."""

_NAME_LINE = re.compile(r"^[^\W\d_][^\d.!?:]{0,40}$")


def _name_date(texts: Sequence[str], i: int) -> bool:
    """Whether line ``i`` is a reader's post's date with its poster's name above it and the post
    under it: a date alone on its line (:data:`DATE_LINE`), a name of at most :data:`NAME_WORDS`
    words without digits or a sentence's end over it, a line of :data:`PROSE_WORDS` words or
    more under it. Thread engines that print no clock time print the post's name and date so
    ("Jermaine / 07 Nov 12 / Love it. The little details ..."); an article's timeline has no
    name over its dates."""
    return (
        0 < i < len(texts) - 1
        and DATE_LINE.match(texts[i].strip()) is not None
        and _poster_name(texts[i - 1])
        and word_count(texts[i + 1]) >= PROSE_WORDS
    )


OPENS_ON_POST = "a reader's comment: the kept run opens under the comment system's label of its poster"

OPENS_ON_THREAD = "readers' comments: the kept run opens under the thread's heading"

POSTER_WORD = re.compile(r"[^\W\d_]{3,}")
"""A word of a poster's name as :func:`opens_on_post` compares it with the byline's."""

_LABEL_WORDS = frozenset(["said", "says", "wrote", "writes", "posted", "reply", "permalink"])

BYLINE_REACH = 6
"""Lines above a post's label where the byline of an author who labels their own post stands."""


def _poster_name(text: str) -> bool:
    """Whether ``text`` can be a poster's name alone on its line: :data:`NAME_WORDS` words at
    most, no digit and no sentence's end."""
    line = text.strip()
    return word_count(line) <= NAME_WORDS and _NAME_LINE.match(line) is not None


def opens_on_post(texts: Sequence[str], start: int) -> Comments | None:
    """The readers' comments, when the kept run starting at ``start`` opens on one: the line right
    above it labels a reader's post (:data:`POST_LABEL`: "Tom Baker says:", or "said..." with the
    poster's name on the line above it; or a label with the name on the line under it, "Posted
    by:" over "Ann") and its poster is no one the lines above name (an author's blog
    theme labels the post as it labels the comments, "Heather says:" under "by Heather Solos on
    October 22, 2012"), or it is a blog engine's thread heading (:data:`THREAD_HEADING`, "{ 43
    comments… read them below or add one }", printed only over the thread), maybe with the first
    poster's name between. The page's post then has no text of its own (a video or a photo post
    under its headline) and the readers' prose outscored the page's furniture: the run is the
    thread's first posts, and nothing of it is the article. ``None`` when the run opens otherwise."""
    if start <= 0:
        return None
    for heading in (start - 1, start - 2):
        named = heading == start - 1 or _poster_name(texts[start - 1])
        if heading >= 0 and named and THREAD_HEADING.match(texts[heading]):
            return Comments(start, f'{OPENS_ON_THREAD} ("{opening_words(texts[heading].split())}")')
    label = start - 1
    if POST_LABEL.match(texts[label]) is None:
        name = texts[label].strip()
        if start < 2 or POST_LABEL.match(texts[start - 2]) is None:
            return None
        if not _poster_name(name):
            return None  # the label, then the poster's name alone on its line ("Posted by:", "Ann")
        label -= 1
    poster = {w.lower() for t in texts[label:start] for w in POSTER_WORD.findall(t)} - _LABEL_WORDS
    if not poster and label > 0:  # "said..." alone, the name on the line above it
        label -= 1
        poster = {w.lower() for w in POSTER_WORD.findall(texts[label])}
    above = {w.lower() for t in texts[max(0, label - BYLINE_REACH) : label] for w in POSTER_WORD.findall(t)}
    if poster & above:
        return None
    return Comments(start, f'{OPENS_ON_POST} ("{opening_words(texts[start - 1].split())}")')


def reader_comments(
    texts: Sequence[str], start: int, end: int, markers: frozenset[int] = frozenset()
) -> Comments | None:
    """Where the readers' comments start inside the kept run ``start..end``, found by signals
    independent of the line model: a comments heading ("12 Comments", one an earlier cleaner
    removed counts too), a thread of time-stamped posts, or posts labelled by the comment system
    ("Reply", "Tom Baker says:", :data:`POST_LABEL`); ``None`` when the run holds none. Neither
    the line model nor the prose rule tells a reader's paragraph from the article's. The labels
    count from the run's second line on, not after :data:`COMMENTS_MIN_WORDS`: under a short
    post (a photo and two lines) the thread is most of the run, and three labels are never a
    page's header. So does a blog engine's own thread heading (:data:`THREAD_HEADING`, "92
    Responses to “Depth Compositing”", "{ 2 comments… read them below or add one }"), printed only
    above the thread, where a run that opens with the trackbacks reaches it before that much
    prose."""
    seen = 0
    stamps: list[int] = []
    labels: list[int] = []
    heading: Comments | None = None
    over_post: int | None = None
    for i in range(start, end + 1):
        if i > start and POST_LABEL.match(texts[i]):
            labels.append(i)
        if over_post is None and i > start and seen < COMMENTS_MIN_WORDS and _heading_over_post(texts, i, start, end):
            over_post = i
        if heading is None and i > start and seen < COMMENTS_MIN_WORDS and THREAD_HEADING.match(texts[i]):
            heading = Comments(i, f'reader comments from the thread\'s heading "{opening_words(texts[i].split())}"')
        if seen >= COMMENTS_MIN_WORDS and i > start:
            if heading is None and i in markers and _thread_like(texts, i, end):
                heading = Comments(i, "after a reader-comments heading another cleaner removed")
            elif heading is None and comments_heading(texts[i]) and _thread_like(texts, i + 1, end):
                heading = Comments(i, f'reader comments from the heading "{opening_words(texts[i].split())}"')
            if ((_stamp(texts[i]) or _inline_stamp(texts[i])) and not _dated_headline(texts, i)) or _name_date(
                texts, i
            ):
                stamps.append(i)
        words = word_count(texts[i])
        if words >= PROSE_WORDS:
            seen += words
    thread = None
    if len(stamps) >= STAMPS:
        gaps = list(pairwise(stamps))
        prose = sum(
            _inline_stamp(texts[a]) or any(word_count(texts[j]) >= PROSE_WORDS for j in range(a + 1, b))
            for a, b in gaps
        )
        if 2 * prose >= len(gaps):
            top = stamps[0]
            if _inline_stamp(texts[top]) and not _opening_stamp(texts[top]):
                top += 1  # a stamp closing the first post may be the article's own ("Posted by Ann at ...")
            first = opening_words(texts[top].split())
            thread = Comments(top, f'reader comments: {len(stamps)} time-stamped posts from "{first}"')
    posts = None
    if len(labels) >= POST_LABELS:
        first = opening_words(texts[labels[0]].split())
        posts = Comments(labels[0], f'reader comments: {len(labels)} posts labelled like "{first}"')
    found = [c for c in (heading, thread, posts) if c is not None]
    if not found:
        return None
    first_found = min(found)
    if over_post is not None and over_post < first_found.first and first_found is not heading:
        return Comments(over_post, f'reader comments from the heading "{opening_words(texts[over_post].split())}"')
    return first_found


HEADING_REACH = 4
"""Lines at most between a comments heading and the first post's mark (a stamp or a label) under it:
the mark heads the post, or closes a post of a few lines (Movable Type's "Posted by: Ann at November
13, 2012 6:31 AM" under each post)."""


def _heading_over_post(texts: Sequence[str], i: int, start: int, end: int) -> bool:
    """Whether line ``i`` is a comments heading with a post's mark (:func:`_post_mark`) within
    :data:`HEADING_REACH` lines under it and a paragraph of the run ``start..`` above it: where a
    thread the run holds (its stamps or labels, :func:`reader_comments`) starts, before
    :data:`COMMENTS_MIN_WORDS` of prose (a short post). A comments link in the byline has no
    paragraph above it."""
    return (
        comments_heading(texts[i])
        and any(_post_mark(texts[j]) for j in range(i + 1, min(i + HEADING_REACH, end) + 1))
        and _holds_paragraph(texts, start, i - 1)
    )


CARD_HEADLINE_WORDS = 6
"""Words at least in the headline-shaped line (no sentence end) a story's date sits under."""


def _dated_headline(texts: Sequence[str], i: int) -> bool:
    """Whether the time stamp at line ``i`` dates the headline just above it (a line of
    :data:`CARD_HEADLINE_WORDS` words or more without a sentence end): a teaser card's date or a
    digest's item's source and date, not a reader's post, whose stamp sits under the poster's
    name or after the post's sentences."""
    return i > 0 and word_count(texts[i - 1]) >= CARD_HEADLINE_WORDS and not SENTENCE.search(texts[i - 1])


def _thread_like(texts: Sequence[str], first: int, last: int) -> bool:
    """Whether the lines ``first..last`` under a comments heading are not all paragraphs: enough of
    them (:data:`COMMENTS_SHORT_SHARE`) are short, a post's mark (its time stamp or label,
    however long: "1 Nick November 12, 2012 at 12:34 pm") or a post with its stamp on its line."""
    if first > last:
        return True
    short = sum(
        word_count(text) < PROSE_WORDS or _post_mark(text) or _inline_stamp(text) for text in texts[first : last + 1]
    )
    return short >= COMMENTS_SHORT_SHARE * (last - first + 1)


def _lead_in_ok(texts: Sequence[str], i: int, start: int) -> bool:
    # The headline and standfirst sit just above the first paragraph and score below zero
    # because they are short; menu items are shorter still.
    if start - i > LEAD_IN:
        return False
    return word_count(texts[i]) >= LEAD_IN_WORDS


EXTEND_SHARE = 0.5
"""Another run of prose scoring at least this share of the best one continues the article
across whatever separates them (a data table, a gallery, an embedded widget)..."""

EXTEND_GAP = 300
"""...provided the lines between cost less than this."""


def _extend(scores: list[int], start: int, end: int) -> tuple[int, int]:
    # Each step looks for the best run after the kept one and before it; a dump alternating
    # short prose and menu lines extends by two lines a step, so the runs of every suffix and
    # every prefix are found once up front (as :func:`_best_run` would find them): linear work.
    best = sum(scores[start : end + 1])
    sums = [0, *accumulate(scores)]
    after_runs = _suffix_runs(scores)
    before_runs = _prefix_runs(scores)
    changed = True
    while changed:
        changed = False
        if end + 1 < len(scores):
            s2, e2 = after_runs[end + 1]
            if s2 >= 0:
                gain = sums[e2 + 1] - sums[s2]
                gap = sums[end + 1] - sums[s2]
                if gain >= EXTEND_SHARE * best and gap <= EXTEND_GAP:
                    end = e2
                    changed = True
        if start > 0:
            s2, e2 = before_runs[start]
            if s2 >= 0:
                gain = sums[e2 + 1] - sums[s2]
                gap = sums[e2 + 1] - sums[start]
                if gain >= EXTEND_SHARE * best and gap <= EXTEND_GAP:
                    start = s2
                    changed = True
    return start, end


def _suffix_runs(scores: Sequence[int]) -> list[tuple[int, int]]:
    """For each ``p``, ``_best_run(scores[p:])`` with positions in ``scores``: the run of highest
    total, the earliest-ending one on a tie and of those the latest-starting one."""
    n = len(scores)
    runs: list[tuple[int, int]] = [(-1, -1)] * (n + 1)
    best, best_start, best_end = 0, -1, -1
    head, head_end = 0, -1  # the best run starting at p: its total and its end
    for p in range(n - 1, -1, -1):
        if head > 0:
            head += scores[p]
        else:
            head, head_end = scores[p], p
        if head > best or (head == best and best > 0 and head_end < best_end):
            best, best_start, best_end = head, p, head_end
        runs[p] = (best_start, best_end)
    return runs


def _prefix_runs(scores: Sequence[float]) -> list[tuple[int, int]]:
    """For each ``q``, ``_best_run(scores[:q])``: the contiguous run with the highest total (Kadane),
    ``(-1, -1)`` while none is positive."""
    runs: list[tuple[int, int]] = [(-1, -1)]
    best, best_start, best_end = 0.0, -1, -1
    total, start = 0.0, 0
    for i, score in enumerate(scores):
        if total <= 0:
            total, start = score, i
        else:
            total += score
        if total > best:
            best, best_start, best_end = total, start, i
        runs.append((best_start, best_end))
    return runs


def _best_run(scores: Sequence[float]) -> tuple[int, int]:
    """The contiguous run with the highest total score (Kadane); ``(-1, -1)`` if none is positive."""
    return _prefix_runs(scores)[-1]


CONTENTS = "a table of contents: the headings of the article's sections, listed again above them"

CONTENTS_LINES = 3
"""Entries at least in a table of contents (two headings listed again are a pair of links as often)."""

CONTENTS_WORDS = 15
"""A table of contents' entry is a section's heading: at most this many words."""

CONTENTS_HEADING = re.compile(
    r"""^[\W_]*(?:table\ of\ contents|contents|in\ this\ (?:article|post|guide|story)|on\ this\ page|jump\ to|
        skip\ to|quick\ (?:links|navigation)|inhalt|inhaltsverzeichnis|sommaire|table\ des\ matières|índice|indice|
        contenido|contenuti|inhoud|innhold|innehåll|indhold|spis\ treści|目次|目录|목차)[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""The heading over a table of contents, in a few languages ("Table of Contents", "In this article",
"Jump to:", "Inhaltsverzeichnis", "Sommaire", "Índice", "目次")."""


def table_of_contents(texts: Sequence[str], start: int, end: int) -> set[int]:
    """The lines of the kept run ``start..end`` that are a table of contents: a heading of one
    (:data:`CONTENTS_HEADING`) and the lines right under it that each stand again further down the
    run, in the same order (the sections' headings they link to), at least :data:`CONTENTS_LINES`
    of them, each of :data:`CONTENTS_WORDS` words at most. Two signals agree: the heading says
    what the list is, and the list's entries are the article's own headings said again, so a
    dump holds them twice where the article does once. A "Contents" heading over a list that the
    article does not repeat (a box's contents, a kit's parts) stays."""
    out: set[int] = set()
    keys = [_folded(t) for t in texts[start : end + 1]]
    where: dict[str, list[int]] = {}
    for k, key in enumerate(keys):
        where.setdefault(key, []).append(k)
    k = 1
    while k < len(keys):
        if CONTENTS_HEADING.match(texts[start + k - 1].strip()) is None:
            k += 1
            continue
        j, last = k, k
        while j < len(keys) and keys[j] and word_count(texts[start + j]) <= CONTENTS_WORDS:
            again = next((m for m in where[keys[j]] if m > last), None)
            if again is None:
                break
            last = again
            j += 1
        if j - k >= CONTENTS_LINES:
            out.update(range(start + k - 1, start + j))
            k = j
        k += 1
    return out


SHOP_BUTTON = 'a shop\'s button beside a product inside the article text (its price at a store, "Buy now")'

_STORE = r"(?-i:[A-Z0-9])[\w.&'’ -]{1,29}"
"""A store's name after "at" or "on": a capital or a digit first ("REI", "Best Buy", "B&H Photo")."""

SHOP_LINE = re.compile(
    rf"""^[\W_]*(?:
        (?:[$£€]\s?\d[\d,.]*|\d[\d,.]*\s?(?:€|euro|eur))\s+(?:at|on|from|bei|chez|en|da|hos|på)\s+{_STORE}|
        (?:check|see|view|shop|buy|get)\s+(?:(?:the\s+)?(?:price|it|now|deal|latest\ price)\s+)?(?:at|on)\s+{_STORE}|
        buy\ now(?:\s+(?:at|on)\s+{_STORE})?|shop\ now|check\ (?:the\ )?(?:latest\ )?price|see\ price|
        view\ deal|get\ (?:the\ )?deal|see\ deal
    )[\W_]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A shop's button as a buyer's guide prints it beside each product: the price at a store ("$285 at
REI", "$899.99 from Best Buy", "29,99 € bei Otto"), "Check price at Amazon", "View on Walmart",
"Buy now", "View deal". The line is the button alone; a sentence naming a price ("It costs $285 at
REI, less on sale.") goes on past the store's name and is the article's."""

SHOP_BUTTON_WORDS = 10
"""A shop's button is this many words at most."""


def shop_button(text: str) -> bool:
    """Whether ``text`` (one line) is a shop's button beside a product (:data:`SHOP_LINE`)."""
    return word_count(text) <= SHOP_BUTTON_WORDS and SHOP_LINE.match(text.strip()) is not None


CTA = "a call to action's button alone inside the article text"

CTA_BUTTON = re.compile(
    r"""^[\W_]*(?:learn\ more|read\ more|find\ out\ more|see\ more|view\ more|discover\ more|more\ info|
        get\ started(?:\ (?:for\ free|now|today))?|sign\ up(?:\ (?:for\ free|now|today))?|download(?:\ now)?|
        book\ now|try\ it\ (?:free|now)|try\ (?:for\ )?free|start\ (?:your\ )?free\ trial)[\s»›→>!.]*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A call to action's button alone on its line, as a page builder prints it under a section or a
product ("Learn more", "Read more »", "Get started for free", "Sign up", "Download", "Book now"):
the label of a link to another page. Said in a sentence ("Learn more about the plan at the
council's site.") it is the article's."""
