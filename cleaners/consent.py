"""Consent managers' panels told by their words: a cookie preference centre left at the page's end.

A consent manager (a WordPress cookie plugin, OneTrust, a site's own) writes its preference
centre into the page as a box after everything else: "Privacy Overview", "This website uses
cookies to improve your experience ...", "Necessary", "Always Enabled", a table of cookies and
what each is for. Named ``cookie-law-info`` or marked ``role="dialog"``/``aria-modal`` it is
dropped as an element; with names that mean nothing and no ARIA (pages written before 2010, or
rewritten so) it is read as text, and when the chosen content is the page's wrapper its
paragraphs follow the article. Its one-line notice is a prompt; its long paragraphs are not,
but they all speak of cookies, which an article's last section seldom does alone. So
:func:`consent_panels` takes a box at the text's end whose words are mostly in blocks naming
cookies, and the rest of that box with it. A panel closing the page goes before the main
content is chosen, so that its paragraphs cannot outweigh the article's: :func:`reads_as_panel`
tells it by its lines (short ones, its controls and labels, a notice naming cookies) for
:func:`~newsclean.cleaners.html.drop_consent_panel`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence

from newsclean.cleaners.boxes import words_under
from newsclean.cleaners.chain import Decision
from newsclean.cleaners.document import Block, Document
from newsclean.cleaners.line_model import word_count

__all__ = ["COOKIE", "NOTICE", "consent_notices", "consent_panels", "names_cookies", "reads_as_panel"]

COOKIE = re.compile(r"cookie|クッキー", re.IGNORECASE)
"""The word a consent panel's paragraphs share, in the languages that borrow it ("Cookies",
"cookies", "Cookie-Einstellungen", "cookielawinfo-checkbox-analytics")."""

COOKIE_SHARE = 0.5
"""A box is a consent panel when at least this share of its words are in blocks naming cookies
(its labels, "Necessary", "Always Enabled", name none) ..."""

COOKIE_BLOCKS = 2
"""... and at least this many of its blocks name them (one is a notice, left to the prompts)."""

NOTICE = re.compile(
    r"""^(?:welcome\ to\ [^.!]{1,60}[.!]\s*)?
        (?:we(?:\ and\ our\ (?:\d+\ )?(?:partners|vendors))?|(?:this|our)\ (?:web)?site(?:\ and\ our\ partners)?)
        \ (?:use|uses|store|stores|set|sets)\b[^.]{0,80}?\bcookies\b
        (?=.*\b(?:you\ (?:may\ |can\ )?(?:accept|agree|consent)|(?:agreeing|consenting)\ to|
            by\ (?:clicking|continuing|using)|privacy\ policy|cookies?\ policy|manage\ your\ choices|opt[-\ ]out)\b)""",
    re.IGNORECASE | re.VERBOSE,
)
"""A consent banner's notice in the site's voice, asking the reader to agree: "We and our 100
partners store and/or access information on a device, such as unique IDs in cookies ... You may
accept or manage your choices", "This site uses cookies. By continuing to browse this site you
are agreeing to our use of cookies." (the reader agrees, by a click or by reading on, or is sent
to a privacy or cookie policy). Up to :data:`NOTICE_WORDS` words (the prompts take the
short ones); a tutorial's "we use cookies to keep the session" asks no one to agree."""

NOTICE_WORDS = 90

PROSE_WORDS = 25
"""A paragraph of the article: this many words or more, ending a sentence."""


def _prose(block: Block) -> bool:
    text = block.text.strip()
    return word_count(text) >= PROSE_WORDS and text[-1:] in ".!?。！？"


CONSENT = re.compile(
    r"cookie|consent|privacy|personal (?:data|information)|opt(?:ing)?[- ]?out|tracking|gdpr|ccpa|クッキー|"
    r"datenschutz|einwillig|zustimm|rgpd|consentement|confidentialit|privacidad|consentimiento|privacit",
    re.IGNORECASE,
)
"""Words of a consent panel's lines beyond cookies: consent, privacy, personal data, opting out
("Manage Consent Preferences", "Do not sell my personal information", "Datenschutz-Einstellungen")."""

PANEL_CONTROL = re.compile(
    r"^(?:accept|reject|allow|deny|decline|refuse|agree|disagree|manage|save|confirm|customi[sz]e|"
    r"ok(?:ay)?\b|got it|i understand|always (?:active|enabled|on)\b|(?:strictly )?necessary\b|"
    r"(?:cookie |privacy )?(?:settings|preferences)\b|opt[- ]?out\b|"
    r"(?:alle )?akzeptieren|ablehnen|zustimmen|einstellungen|nur notwendige|"
    r"(?:tout )?accepter|(?:tout )?refuser|personnaliser|paramètres|aceptar|rechazar|configurar|"
    r"accetta|rifiuta|accepteren|weigeren)",
    re.IGNORECASE,
)
"""How a consent panel's controls and labels open: its buttons ("Accept all", "Reject all",
"Confirm my choices", "Manage preferences", "Cookie settings"), a toggle's state ("Always active",
"Always Enabled") and its categories' tags ("Necessary"), in the languages the headings here read."""

PANEL_LINES = 4
"""A consent panel read by :func:`reads_as_panel` has at least this many lines ..."""

PANEL_LINE_WORDS = 6
"""... at least half of them short, of at most this many words (its headings, labels and
buttons) ..."""

PANEL_CONTROLS = 2
"""... at least this many of those a control or a label (:data:`PANEL_CONTROL`) ..."""

PANEL_NOTICE_WORDS = 8
"""... and one line of at least this many words naming cookies: the panel's notice ("When you
visit our website, we store cookies on your browser ..."), which a footer's links to its
cookie policy and settings lack."""

CONSENT_SHARE = 0.5
"""The lines naming cookies, consent or privacy, or a control, hold at least this share of the
panel's words."""


def names_cookies(text: str) -> bool:
    """Whether ``text`` names cookies (:data:`COOKIE`)."""
    # A substring test first: most blocks name no cookie, and most pages none at all.
    return ("ookie" in text or "OOKIE" in text or "クッキー" in text) and COOKIE.search(text) is not None


def reads_as_panel(lines: Sequence[str]) -> bool:
    """Whether ``lines`` (a box's, in reading order) read as a cookie or consent panel, not as
    prose about cookies: at least :data:`PANEL_LINES`, at least half of them short
    (:data:`PANEL_LINE_WORDS`), :data:`PANEL_CONTROLS` of those its controls or labels
    (:data:`PANEL_CONTROL`), a notice naming cookies (:data:`PANEL_NOTICE_WORDS`), and the lines
    naming cookies, consent or privacy (:data:`CONSENT`) or a control holding
    :data:`CONSENT_SHARE` of the words. An article's section on cookie law is paragraphs under a
    heading or two, with no "Accept all" or "Always active" between them."""
    texts = [line.strip() for line in lines if line.strip()]
    if len(texts) < PANEL_LINES:
        return False
    counts = [word_count(text) for text in texts]
    if not any(n >= PANEL_NOTICE_WORDS and names_cookies(text) for text, n in zip(texts, counts, strict=True)):
        return False
    short = [text for text, n in zip(texts, counts, strict=True) if n <= PANEL_LINE_WORDS]
    if 2 * len(short) < len(texts) or sum(1 for text in short if PANEL_CONTROL.match(text)) < PANEL_CONTROLS:
        return False
    naming = sum(
        n for text, n in zip(texts, counts, strict=True) if CONSENT.search(text) or PANEL_CONTROL.match(text)
    )
    return naming >= CONSENT_SHARE * sum(counts)


def consent_panels(doc: Document, gone: Collection[int] = ()) -> Iterator[Decision]:
    """Remove the consent panels after the article's text: for each block naming cookies
    after the first paragraph of prose, the outermost box around it (an element path) that
    holds at most half the page's words, whose blocks run unbroken, after which no paragraph of
    prose is left but the panel's own (a panel sits at the end; an article's section on cookies
    has text after it) and in which the blocks naming cookies hold at least
    :data:`COOKIE_SHARE` of the words. ``gone`` are positions other rules already removed."""
    blocks = doc.blocks
    if doc.source_format == "text" or not any(names_cookies(b.text) for b in blocks):
        return
    first = next((i for i, b in enumerate(blocks) if _prose(b)), len(blocks))
    # (from the end: a panel is the page's last few blocks, so few are asked)
    last_prose = next(
        (i for i in range(len(blocks) - 1, -1, -1)
         if i not in gone and _prose(blocks[i]) and not COOKIE.search(blocks[i].text)),
        -1,
    )
    start = max(first, last_prose) + 1
    if not any(names_cookies(b.text) for b in blocks[start:]):
        return  # (the page's cookies are named in its text or its notice, not after it)
    words = words_under(doc)
    half = sum(word_count(b.text) for b in blocks) / 2
    taken: set[int] = set()
    under: dict[str, list[int]] = {}  # anchors in one panel share its boxes: list each once
    for anchor in range(start, len(blocks)):
        block = blocks[anchor]
        if anchor in taken or not block.path or not COOKIE.search(block.text):
            continue
        steps = block.path.split("/")
        panel: list[int] = []
        for n in range(len(steps) - 1, 0, -1):
            prefix = "/".join(steps[:n])
            size = words(prefix)
            if size > half:
                break
            inside = under.get(prefix) or []
            if not inside:
                inside = under[prefix] = [
                    i for i, b in enumerate(blocks) if b.path == prefix or b.path.startswith(prefix + "/")
                ]
            if inside[0] <= first or inside[-1] - inside[0] + 1 != len(inside):
                break
            if last_prose > inside[-1]:
                break
            naming = [i for i in inside if COOKIE.search(blocks[i].text)]
            if len(naming) >= COOKIE_BLOCKS and sum(word_count(blocks[i].text) for i in naming) >= COOKIE_SHARE * size:
                panel = inside
        for i in panel:
            if i not in taken:
                taken.add(i)
                if i not in gone:
                    yield Decision.remove(i, "a consent panel after the text (its paragraphs all about cookies)")


def consent_notices(doc: Document, gone: Collection[int] = ()) -> Iterator[Decision]:
    """Remove consent banners' notices (:data:`NOTICE`) of at most :data:`NOTICE_WORDS` words."""
    for i, block in enumerate(doc.blocks):
        text = block.text
        if not names_cookies(text):
            continue  # (most blocks: asked before their words are counted)
        if i not in gone and word_count(text) <= NOTICE_WORDS and NOTICE.search(text.strip()):
            yield Decision.remove(i, "a consent banner's notice (the site's cookies, asking the reader to agree)")
