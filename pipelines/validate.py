"""Validate stage: records that break the library's rules (:mod:`newsclean.cleaners.validate`)
go to quarantine, with reasons."""

from __future__ import annotations

import json
import logging
import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from newsclean.cleaners.settings import DEFAULTS as LIBRARY
from newsclean.cleaners.validate import Problem, problems
from newsclean.pipelines.article_store import ArticleStore, open_store, quarantine_digest
from newsclean.pipelines.settings import DEFAULTS
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem, NotConfigured

__all__ = ["ValidatePipeline"]

logger = logging.getLogger(__name__)

_BULK = frozenset(["articleBody", "articleBodyHtml", "cleaning", "images"])
"""What a quarantined oversized record is written without: its identity stays, not 100 MB."""


class ValidatePipeline:
    """Checks every article record; one that fails is not passed on but quarantined: written
    with its reasons to the ``NEWSCLEAN_QUARANTINE`` JSON Lines file (created on the first
    failure) and to the store's ``quarantine`` table (when ``NEWSCLEAN_STORE`` is set), logged
    as a warning and counted in the ``newsclean/validate/*`` stats.

    Both are idempotent per URL, reasons and content (:func:`quarantine_digest`): each line of
    the file carries its record's ``digest``, and a record whose digest the file already holds
    (the page of a killed run, fetched again by the next one) is not written again. A last line
    torn by a kill mid-write is cut off before the first new line is appended.

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
        self._written: set[str] = set()
        self._store: ArticleStore | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ValidatePipeline:
        settings = crawler.settings
        if not settings.getbool("NEWSCLEAN_VALIDATE", DEFAULTS["NEWSCLEAN_VALIDATE"]):
            raise NotConfigured("NEWSCLEAN_VALIDATE is off")
        return cls(
            crawler,
            min_words=settings.getint("NEWSCLEAN_MIN_WORDS", LIBRARY["NEWSCLEAN_MIN_WORDS"]),
            max_words=settings.getint("NEWSCLEAN_MAX_WORDS", LIBRARY["NEWSCLEAN_MAX_WORDS"]),
            max_record_bytes=(
                settings.getint("NEWSCLEAN_MAX_RECORD_BYTES", LIBRARY["NEWSCLEAN_MAX_RECORD_BYTES"]) or None
            ),
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
                self._file = self._open_file(self.quarantine_path)
            digest = quarantine_digest(record, reasons)
            if digest not in self._written:
                entry = {
                    "digest": digest,
                    "reasons": reasons,
                    "quarantinedAt": datetime.now(UTC).replace(microsecond=0).isoformat(),
                    "record": record,
                }
                self._file.write(json.dumps(entry, ensure_ascii=False, default=str) + "\n")
                self._file.flush()
                os.fsync(self._file.fileno())
                self._written.add(digest)
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

    def _open_file(self, path: Path) -> TextIO:
        """``path`` opened for appending, with the digests of the entries it already holds read
        into :attr:`_written` and a torn last line (a run killed mid-write) cut off."""
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a+b") as raw:
            raw.seek(0)
            kept = 0  # bytes up to the end of the last complete line
            for line in raw:
                if not line.endswith(b"\n"):
                    break
                kept += len(line)
                digest = _digest_of(line)
                if digest:
                    self._written.add(digest)
            torn = raw.tell() - kept
            if torn:
                logger.warning("%s: cut off a torn last line of %d bytes (a run killed while writing it)", path, torn)
                raw.truncate(kept)
        return path.open("a", encoding="utf-8")


_DIGEST = re.compile(rb'^\{"digest": "([0-9a-f]{64})"')


def _digest_of(line: bytes) -> str | None:
    """The digest of one quarantine file line: as written, or (a line written before digests
    were) computed from its record and reasons; ``None`` for a line that is no entry."""
    found = _DIGEST.match(line)
    if found:
        return found.group(1).decode("ascii")
    try:
        entry = json.loads(line)
    except (ValueError, RecursionError):
        return None
    if not (
        isinstance(entry, dict) and isinstance(entry.get("record"), dict) and isinstance(entry.get("reasons"), list)
    ):
        return None
    return quarantine_digest(entry["record"], entry["reasons"])
