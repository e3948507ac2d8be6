"""Validate stage: records that break the schema or sanity rules go to quarantine, with reasons."""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from jsonschema import Draft202012Validator, FormatChecker
from newsclean.cleaners.record import json_schema
from newsclean.pipelines.article_store import ArticleStore, open_store
from newsclean.pipelines.normalize import count_words
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

__all__ = ["Problem", "ValidatePipeline", "problems"]

logger = logging.getLogger(__name__)

CLOCK_SKEW = timedelta(minutes=10)
"""How far in the future a date with an offset may be (clocks differ a little)."""
UNKNOWN_ZONE_SLACK = timedelta(hours=14)
"""A date without an offset may be in any zone: UTC+14 is as far ahead as zones go."""
_MESSAGE_LIMIT = 200
_BULK = frozenset(["articleBody", "articleBodyHtml", "cleaning", "images"])


@dataclass(frozen=True, slots=True)
class Problem:
    """Why a record is not fit to store: a short code (used in stats) and a sentence."""

    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.code}: {self.message}"


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(json_schema(), format_checker=FormatChecker())


def _shorten(text: str) -> str:
    return text if len(text) <= _MESSAGE_LIMIT else text[: _MESSAGE_LIMIT - 1] + "…"


def _future(field: str, value: str, now: datetime) -> Problem | None:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return Problem("bad_date", f"{field} {value!r} is not an ISO 8601 date")
    if moment.tzinfo is None:
        ahead = moment - now.replace(tzinfo=None) > UNKNOWN_ZONE_SLACK
    else:
        ahead = moment - now > CLOCK_SKEW
    return Problem("date_in_future", f"{field} {value} is in the future") if ahead else None


def problems(
    record: dict[str, Any],
    *,
    min_words: int = 25,
    max_words: int = 50_000,
    max_record_bytes: int | None = None,
    now: datetime | None = None,
) -> list[Problem]:
    """Everything wrong with ``record``: JSON Schema errors, then the sanity rules (a
    headline, a body of ``min_words`` to ``max_words`` words, no date in the future).

    >>> [p.code for p in problems({"cleaning": [], "articleBody": "Too short."})]
    ['no_headline', 'body_too_short']
    """
    found: list[Problem] = []
    for error in sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "record"
        found.append(Problem("schema", f"{where}: {_shorten(error.message)}"))
    headline = record.get("headline")
    if not (isinstance(headline, str) and headline.strip()):
        found.append(Problem("no_headline", "the record has no headline"))
    body = record.get("articleBody")
    words = count_words(body) if isinstance(body, str) else 0
    if words < min_words:
        found.append(Problem("body_too_short", f"the body has {words} words, fewer than {min_words}"))
    elif words > max_words:
        found.append(Problem("body_too_long", f"the body has {words} words, more than {max_words}"))
    if max_record_bytes:
        size = len(json.dumps(record, ensure_ascii=False, default=str).encode("utf-8"))
        if size > max_record_bytes:
            found.append(Problem("record_too_large", f"the record has {size} bytes, more than {max_record_bytes}"))
    moment = now or datetime.now(UTC)
    for field in ("datePublished", "dateModified"):
        value = record.get(field)
        if isinstance(value, str):
            problem = _future(field, value, moment)
            if problem:
                found.append(problem)
    return found


class ValidatePipeline:
    """Checks every article record; one that fails is not passed on but quarantined: written
    with its reasons to the ``NEWSCLEAN_QUARANTINE`` JSON Lines file (created on the first
    failure) and to the store's ``quarantine`` table (when ``NEWSCLEAN_STORE`` is set), logged
    as a warning and counted in the ``newsclean/validate/*`` stats.

    Off when ``NEWSCLEAN_VALIDATE`` is false.
    """

    def __init__(
        self,
        crawler: Crawler,
        *,
        min_words: int,
        max_words: int,
        quarantine_path: str | None,
        store_path: str | None,
        max_record_bytes: int | None = None,
    ) -> None:
        assert crawler.stats is not None
        self.stats = crawler.stats
        self.min_words = min_words
        self.max_words = max_words
        self.max_record_bytes = max_record_bytes
        self.quarantine_path = Path(quarantine_path) if quarantine_path else None
        self.store_path = store_path
        self._file: TextIO | None = None
        self._store: ArticleStore | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        settings = crawler.settings
        if not settings.getbool("NEWSCLEAN_VALIDATE", True):
            raise NotConfigured("NEWSCLEAN_VALIDATE is off")
        return cls(
            crawler,
            min_words=settings.getint("NEWSCLEAN_MIN_WORDS", 25),
            max_words=settings.getint("NEWSCLEAN_MAX_WORDS", 50_000),
            max_record_bytes=settings.getint("NEWSCLEAN_MAX_RECORD_BYTES", 5_000_000) or None,
            quarantine_path=settings.get("NEWSCLEAN_QUARANTINE") or None,
            store_path=settings.get("NEWSCLEAN_STORE") or None,
        )

    def open_spider(self) -> None:
        if self.store_path:
            self._store = open_store(self.store_path)

    def close_spider(self) -> None:
        if self._file is not None:
            self._file.close()
            self._file = None
        if self._store is not None:
            self._store.close()
            self._store = None

    async def process_item(self, item: Any) -> Any:
        if not (isinstance(item, dict) and "cleaning" in item):
            return item
        found = problems(
            item, min_words=self.min_words, max_words=self.max_words, max_record_bytes=self.max_record_bytes
        )
        if not found:
            self.stats.inc_value("newsclean/validate/valid")
            return item
        self._quarantine(item, found)
        url = item.get("canonicalUrl") or item.get("url") or item.get("source") or "a record without URL"
        raise DropItem(f"quarantined {url}: {'; '.join(map(str, found))}", log_level="DEBUG")

    def _quarantine(self, record: dict[str, Any], found: list[Problem]) -> None:
        reasons = [str(p) for p in found]
        if any(p.code == "record_too_large" for p in found):
            # Keep what identifies the page, not the bulk: a quarantine must not grow by 100 MB.
            record = {k: v for k, v in record.items() if k not in _BULK}
        url = record.get("canonicalUrl") or record.get("url") or record.get("source") or "a record without URL"
        self.stats.inc_value("newsclean/validate/quarantined")
        for code in dict.fromkeys(p.code for p in found):
            self.stats.inc_value(f"newsclean/validate/quarantined/{code}")
        if self.quarantine_path is not None:
            if self._file is None:
                self.quarantine_path.parent.mkdir(parents=True, exist_ok=True)
                self._file = self.quarantine_path.open("a", encoding="utf-8")
            entry = {
                "reasons": reasons,
                "quarantinedAt": datetime.now(UTC).replace(microsecond=0).isoformat(),
                "record": record,
            }
            self._file.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
            self._file.flush()
            os.fsync(self._file.fileno())
        if self._store is not None:
            self._store.quarantine(record, reasons)
        where = [str(self.quarantine_path)] if self.quarantine_path else []
        where += [f"{self.store_path} (quarantine table)"] if self._store else []
        if where:
            logger.warning("Quarantined %s: %s (kept in %s)", url, "; ".join(reasons), " and ".join(where))
        else:
            # Neither a quarantine file nor a store: the log is the only place left to keep it.
            logger.warning(
                "Quarantined %s: %s; record: %s", url, "; ".join(reasons), json.dumps(record, ensure_ascii=False)
            )
