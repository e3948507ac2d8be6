"""The pipelines' ``NEWSCLEAN_*`` settings: each name with its default and what it means."""

from __future__ import annotations

from typing import Any

from newsclean.cleaners.settings import Setting

__all__ = ["DEFAULTS", "SETTINGS", "STATS"]

SETTINGS: tuple[Setting, ...] = (
    Setting(
        "NEWSCLEAN_NORMALIZE",
        True,
        "run the normalise stage",
    ),
    Setting(
        "NEWSCLEAN_VALIDATE",
        True,
        "run the validate stage (quarantine)",
    ),
    Setting(
        "NEWSCLEAN_DEDUPE",
        True,
        "run the de-duplicate stage",
    ),
    Setting(
        "NEWSCLEAN_QUARANTINE",
        "quarantine.jsonl",
        "JSON Lines file receiving quarantined records with their reasons, created on the first one; `None`: "
        "only the store and the log",
    ),
    Setting(
        "NEWSCLEAN_NEAR_DUPLICATE_THRESHOLD",
        0.8,
        "estimated Jaccard similarity (word 4-grams, MinHash) from which a body is a near-duplicate of an "
        "earlier one; `0` turns the check off",
    ),
    Setting(
        "NEWSCLEAN_NEAR_DUPLICATE_DAYS",
        30,
        "how many days of stored articles are compared for near-duplicates",
    ),
    Setting(
        "NEWSCLEAN_STORE",
        None,
        "path of the SQLite store, or a `postgresql://` URL (a store many crawl workers share); `None`: no "
        "store, and de-duplication works within one run only",
    ),
    Setting(
        "NEWSCLEAN_SITE_MEMORY_LEARN",
        True,
        "crawls feed the site memory with the pages they clean; `False`: use it read-only, so records never "
        "depend on crawl order",
    ),
    Setting(
        "NEWSCLEAN_SITE_MEMORY_MAX_PAGES",
        2000,
        "pages of each site the site memory holds (the ones seen most recently); `None`: all",
    ),
)
"""The settings the item pipelines read."""

DEFAULTS: dict[str, Any] = {setting.name: setting.default for setting in SETTINGS}
"""Setting name -> default value."""

STATS: dict[str, str] = {
    "newsclean/clean/articles": "page items the clean stage turned into records",
    "newsclean/clean/decisions": "cleaner decisions in those records (each listed in `cleaning`)",
    "newsclean/clean/empty_body": "pages with no article text left (dropped, logged)",
    "newsclean/normalize/records": "records normalised",
    "newsclean/normalize/date_unparsed": "raw dates that could not be read (kept in `...Raw`)",
    "newsclean/normalize/date_without_offset": "dates left without an offset (zone unknown)",
    "newsclean/validate/valid": "records that passed",
    "newsclean/validate/quarantined": "records quarantined",
    "newsclean/validate/quarantined/<reason>": "records quarantined, per reason code (`body_too_short`, ...)",
    "newsclean/dedupe/new": "new URLs",
    "newsclean/dedupe/updated": "new versions of known URLs",
    "newsclean/dedupe/unchanged": "records skipped as unchanged",
    "newsclean/dedupe/duplicate": "records flagged `duplicateOf` (also counted as new or updated)",
    "newsclean/dedupe/near_duplicate": "records flagged `nearDuplicateOf` (also counted as new or updated)",
    "newsclean/dedupe/no_url": "records without a URL to identify them (passed on)",
    "newsclean/store/new": "records the store added as new articles",
    "newsclean/store/updated": "records the store added as new versions",
    "newsclean/store/unchanged": "records the store already held",
    "newsclean/store/failed": "records the store could not write (logged; the record still goes to the feed)",
    "newsclean/store/disappeared": "stored articles whose page answered 404/410, marked gone (a new version)",
    "newsclean/store/still_disappeared": "stored articles whose page answered 404/410 again (marked gone already)",
    "newsclean/store/gone_unknown/<status>": "pages that answered 404/410 and that the store never held (failed "
    "`http_<status>` in the run report's accounting)",
}
"""Every crawl stat the pipelines keep, with what it counts (``<reason>``: one stat per value)."""

