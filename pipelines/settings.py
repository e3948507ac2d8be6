"""The pipelines' ``NEWSCLEAN_*`` settings: each name with its default and what it means."""

from __future__ import annotations

from typing import Any

from newsclean.cleaners.settings import Setting

__all__ = ["DEFAULTS", "SETTINGS"]

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
