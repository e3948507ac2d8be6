"""Notices a page prints around its article: copyright, licence and trademark lines, the note
that the article also ran in the paper, and the lines asking for scripts or another browser. The
HTML path (:mod:`~newsclean.cleaners.html`) and the text-dump path
(:mod:`~newsclean.cleaners.page_chrome`) read them alike: after the article's last paragraph they
close the page, however sentence-like they are; in a dump, a legal line, a print note and a line
opening with a browser notice count as no prose that could draw the article's run."""

from __future__ import annotations

import re

from newsclean.cleaners.caseless import Caseless
from newsclean.cleaners.document import split_count

__all__ = [
    "BODY_NOTICE_CHARS",
    "LEGAL",
    "LEGAL_AFTER",
    "LEGAL_LONG_WORDS",
    "LEGAL_MAX_WORDS",
    "LICENCE",
    "NOTICE_CHARS",
    "PRINT_NOTE",
    "PRINT_NOTE_AFTER",
    "PRINT_NOTE_MAX_WORDS",
    "TRADEMARKS",
    "is_notice",
    "legal_notice",
    "licence_notice",
    "notice_start",
    "print_note",
]

LEGAL_AFTER = "copyright or legal notice after the last paragraph"
PRINT_NOTE_AFTER = "a note of the print edition after the last paragraph"

LICENCE = re.compile(
    r"\ball rights reserved\b|\bfor (?:your )?personal,? non-?commercial use\b"
    r"|\bmay not be (?:published|broadcast|rewritten|reproduced|republished|redistributed)\b",
    re.I,
)
"""The terms a page is served under ("All rights reserved", "This copy is for your personal,
non-commercial use only", "This material may not be published, broadcast, rewritten or
redistributed"), whichever site prints them: never the article's own text."""

LEGAL = re.compile(rf"^\s*(?:©|\(c\)\s*\d{{4}}|copyright\s*(?:©|\(c\)|\d{{4}}))|{LICENCE.pattern}", re.I)
"""A copyright, trademark or licence notice ("© 2012 Bayside Courier Ltd. All rights reserved.")."""

PRINT_NOTE = re.compile(
    r"^\W*(?:a\ version\ of\ )?this\ (?:article|story|column|report|review|piece)\ (?:first\ )?"
    r"(?:appeared|was\ published|ran)\ in\ (?:print\b|.{0,80}?\bprint(?:ed)?\ edition\b)"
    r"|^\W*(?:dieser|der)\ (?:artikel|beitrag|text)\ (?:ist\ )?(?:erschien|erschienen)\b.{0,80}?"
    r"\b(?:printausgabe|gedruckten\ ausgabe)",
    re.I | re.X,
)
"""A note that the article also ran in the paper ("A version of this article appeared in print
on July 24, 2012, on page A4 of the New York edition with the headline: ...", "This article
appeared in the Finance section of the print edition under the headline ...", "Dieser Artikel
erschien in der Printausgabe ..."): the page's, closing it, however sentence-like."""

PRINT_NOTE_MAX_WORDS = 60

LEGAL_MAX_WORDS = 120

TRADEMARKS = re.compile(
    r"\b(?:are|is|are registered|is a registered) trademarks? of\b"
    r"|\bmay not be (?:reproduced|republished|redistributed)\b",
    re.I,
)
"""A trademark or reproduction notice's own words ("... are trademarks of the National Hockey
League", "may not be reproduced without the prior written consent of ...")."""

LEGAL_LONG_WORDS = 400
"""A copyright notice longer than :data:`LEGAL_MAX_WORDS` words, up to this many, is still one
when it also lists trademarks or forbids reproduction: a league's or a publisher's footer
naming every mark it owns."""


_LEGAL = Caseless(LEGAL)
_PRINT_NOTE = Caseless(PRINT_NOTE)
_LICENCE = Caseless(LICENCE)
_TRADEMARKS = Caseless(TRADEMARKS)


def print_note(text: str) -> bool:
    """Whether ``text`` is a note of the print edition (:data:`PRINT_NOTE`, at most
    :data:`PRINT_NOTE_MAX_WORDS` words)."""
    return split_count(text) <= PRINT_NOTE_MAX_WORDS and bool(_PRINT_NOTE.search(text))


def legal_notice(text: str) -> bool:
    """Whether ``text`` is a copyright, licence or trademark notice (:data:`LEGAL`, at most
    :data:`LEGAL_MAX_WORDS` words, or :data:`LEGAL_LONG_WORDS` when it lists trademarks or forbids
    reproduction)."""
    words = split_count(text)
    if words <= LEGAL_MAX_WORDS:
        return bool(_LEGAL.search(text))
    return words <= LEGAL_LONG_WORDS and bool(_LEGAL.search(text)) and bool(_TRADEMARKS.search(text))


def licence_notice(text: str) -> bool:
    """Whether ``text`` is a legal notice stating the page's terms (:data:`LICENCE`)."""
    return legal_notice(text) and bool(_LICENCE.search(text))


_NOTICE = re.compile(
    r"\b(?:enable|turn on|activate|allow)\s+(?:javascript|js|cookies|scripts)\b"
    r"|\bjavascript\s+(?:is\s+)?(?:disabled|required|must be enabled|is turned off)"
    r"|\b(?:upgrad(?:e|ing)|updat(?:e|ing)|chang(?:e|ing))\s+(?:your|to a (?:newer|modern))\s+(?:web\s+)?browser"
    r"|\bbest\s+viewed\s+(?:in|with|using|at)\b[^.]{0,60}?"
    r"\b(?:browser|resolution|screen|css|javascript|firefox|chrome|safari|opera|internet\s+explorer)"
    r"|\bbrowser\b.{0,40}\b(?:not|no longer|isn.t)\s+(?:longer\s+)?supported"
    r"|\b(?:is|are)\s+not\s+longer\s+supported"
    r"|\bbrowser\s+(?:does\s+not|doesn.t)\s+support\b",
    re.I,
)
"""A line asking for scripts, cookies or another browser ("Please enable JavaScript to view
the comments", "Your browser is no longer supported. Please upgrade your browser", "This page
is best viewed in an up-to-date web browser"): short ones (see :data:`NOTICE_CHARS`) are no
text of the page's, in ``<noscript>`` or script data, and no prose of a text dump's."""

NOTICE_CHARS = 200

BODY_NOTICE_CHARS = 400
"""A block of the page's body up to this long that asks for scripts or another browser
(:data:`_NOTICE`) is no text of the article's when :func:`~newsclean.cleaners.unshown.too_little`
asks whether the body is almost none, nor prose that draws a text dump's run: a site's notice
runs to three sentences ("This page is best viewed in an up-to-date web browser with style
sheets (CSS) enabled. While you will be able to view the content of this page in your current
browser, ... Please consider upgrading your browser software ..."), and a photo gallery whose
captions are only in its ``<noscript>`` may show no other text."""


def is_notice(text: str, limit: int = NOTICE_CHARS) -> bool:
    """Whether ``text``, shorter than ``limit`` characters, asks for scripts, cookies or another
    browser (:data:`_NOTICE`)."""
    return notice_start(text, limit) is not None


def notice_start(text: str, limit: int = NOTICE_CHARS) -> int | None:
    """Where in ``text``, shorter than ``limit`` characters, the words asking for scripts, cookies
    or another browser begin (:data:`_NOTICE`), or ``None``."""
    if len(text) >= limit:
        return None
    found = _NOTICE.search(text)
    return found.start() if found is not None else None
