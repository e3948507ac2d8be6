"""Timestamps: date and time lines outside the article text; the one that dates the article is lifted."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsclean.cleaners.chain import Decision
from newsclean.cleaners.dates import RELATIVE_DATE, looks_like_date
from newsclean.cleaners.document import Document
from newsclean.cleaners.page_chrome import MIN_LINES, dump_headline, rule_run_of, top_headings

__all__ = ["Timestamps"]

RELATIVE_TIME = re.compile(
    r"""^(?:(?:published|updated|posted|last\s+updated|modified|edited)\s*:?\s*)?
    (?:(?:\d+|an?|one|a\s+few)\s+(?:sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|h|days?|d|weeks?|months?|years?)\s+ago
      |just\s+now|today|yesterday)
    (?:\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""'Updated 3 hours ago', '5 mins ago', 'Yesterday 10:15': relative times, never article text."""

MODIFIED_LABEL = re.compile(
    r"^\s*(?:updated|last\s+updated|modified|edited|aktualisiert|mis\s+à\s+jour|actualizado|aggiornato|bijgewerkt|"
    r"uppdaterad|обновлено|оновлено)\b",
    re.IGNORECASE,
)
"""A date line about the last change, lifted into ``dateModifiedRaw``."""

_LABEL = re.compile(
    r"^\s*(?:(?:published|updated|posted|last\s+updated|modified|edited|aktualisiert|veröffentlicht|"
    r"mis\s+à\s+jour|publié|actualizado|publicado)\s*:?\s*)",
    re.IGNORECASE,
)
"""A label before a relative time ("Updated 3 hours ago")."""

LEAD_WINDOW = 6
"""Only a date among the first blocks dates the article; later ones are just removed."""

MAX_DATE_LINE = 80
"""Longer lines are sentences that mention a date, and stay."""

BY_HEADLINE = (3, 8)
"""Lines above and below a text dump's headline where the date line that dates its article stands
(a kicker or a breadcrumb above it; the byline, a share bar or a caption between it and the date)."""


def _by_headline(doc: Document) -> int | None:
    """The date line that dates a text dump's article when its first lines give none: the one nearest
    the headline (:func:`~newsclean.cleaners.page_chrome.dump_headline`, the line holding the
    address's slug words above the prose rule's run), below it before above it, within
    :data:`BY_HEADLINE`, and not a last-updated line. A whole page's dump opens on its menu, so the
    first lines rarely date it; the date printed by the headline does."""
    texts = [b.text for b in doc.blocks]
    if len(texts) < MIN_LINES:
        return None
    headline = dump_headline(texts, doc.url, *rule_run_of(texts), top_headings(doc))
    if headline is None:
        return None
    above, below = BY_HEADLINE
    dates = [
        i
        for i in range(max(0, headline - above), min(len(texts), headline + below + 1))
        if i != headline
        and len(texts[i].strip()) <= MAX_DATE_LINE
        and looks_like_date(texts[i].strip())
        and MODIFIED_LABEL.match(texts[i]) is None
    ]
    return min(dates, key=lambda i: (abs(i - headline), i < headline), default=None)


class Timestamps:
    """Removes lone date/time lines and relative times; lifts the article's date into a field."""

    name = "timestamps"
    order = 400

    def __call__(self, doc: Document) -> Iterator[Decision]:
        have_published = bool(doc.metadata.get("datePublishedRaw"))
        have_modified = bool(doc.metadata.get("dateModifiedRaw"))
        # A relative time ("3 hours ago") dates the article only when the lead prints no date.
        dated = any(
            len(b.text.strip()) <= MAX_DATE_LINE and looks_like_date(b.text.strip()) for b in doc.blocks[:LEAD_WINDOW]
        )
        lead = any(
            len(b.text.strip()) <= MAX_DATE_LINE
            and looks_like_date(b.text.strip())
            and MODIFIED_LABEL.match(b.text.strip()) is None
            for b in doc.blocks[:LEAD_WINDOW]
        )
        by_headline = (
            _by_headline(doc) if doc.source_format == "text" and not have_published and not lead else None
        )
        for i, block in enumerate(doc.blocks):
            text = block.text.strip()
            if len(text) > MAX_DATE_LINE:
                continue
            if looks_like_date(text):
                modified = MODIFIED_LABEL.match(text) is not None
                if i < LEAD_WINDOW and modified and not have_modified:
                    have_modified = True
                    yield Decision.move(i, "dateModifiedRaw", "the page's last-updated date line")
                elif i < LEAD_WINDOW and not modified and not have_published:
                    have_published = True
                    yield Decision.move(i, "datePublishedRaw", "the date line that dates the article")
                elif i == by_headline:
                    have_published = True
                    yield Decision.move(i, "datePublishedRaw", "the date line by the headline: it dates the article")
                else:
                    yield Decision.remove(i, "a date line outside the article text")
            elif RELATIVE_TIME.match(text) or RELATIVE_DATE.match(text):
                relative = _LABEL.sub("", text)
                if i < LEAD_WINDOW and not dated and RELATIVE_DATE.match(relative):
                    # The only date the page gives: counted back from the fetch time.
                    modified = MODIFIED_LABEL.match(text) is not None
                    if modified and not have_modified:
                        have_modified = True
                        yield Decision.move(
                            i, "dateModifiedRaw", "the page's last-updated time, relative to when it was fetched"
                        )
                        continue
                    if not modified and not have_published:
                        have_published = True
                        yield Decision.move(
                            i, "datePublishedRaw", "the relative time that dates the article (from the fetch time)"
                        )
                        continue
                yield Decision.remove(i, "a relative time ('3 hours ago') outside the article text")
