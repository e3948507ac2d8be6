"""The one table of ``NEWSCLEAN_*`` settings and their defaults, shared by every entry point.

Scrapy reads these names from its settings, the ``newsclean`` command from its options and
the environment; the library's functions take them as keyword arguments. Each key's meaning
is documented in README.md (a test fails when one is not).
"""

from __future__ import annotations

from typing import Any

__all__ = ["DEFAULTS", "DEFAULT_CLEANERS"]

DEFAULT_CLEANERS: dict[str, int] = {
    "site_rules": 50,
    "edges": 60,
    "icon_sprites": 100,
    "media_players": 200,
    "prompts": 300,
    "timestamps": 400,
    "page_chrome": 450,
    "repeats": 500,
    "site-memory": 600,
}
"""Built-in cleaners and their order (lower runs first)."""

DEFAULTS: dict[str, Any] = {
    # Cleaner chain: {name: order}; merged over DEFAULT_CLEANERS; an order of None turns a
    # cleaner off. Plugins not named here run at the order their class declares (default 900).
    "NEWSCLEAN_CLEANERS": {},
    # How spiders find an HTML page's main content when no site profile names its body:
    # "scorer" (newsclean's own) or "readability" (readability-lxml).
    "NEWSCLEAN_MAIN_CONTENT": "scorer",
    # Site memory (cleaner "site-memory"): a block is removed once seen on at least this
    # many distinct pages (by URL) of the same site; 2 is the least allowed.
    "NEWSCLEAN_SITE_MEMORY_MIN_PAGES": 3,
    # Site memory: whether a crawl (or `newsclean clean --memory`) feeds the memory with the
    # pages it cleans; False uses the memory read-only, so results never depend on the order
    # pages arrive in.
    "NEWSCLEAN_SITE_MEMORY_LEARN": True,
    # Site memory: how many pages of each site the memory holds; beyond it the page seen
    # longest ago leaves with its evidence (bounds the store, follows site redesigns).
    # None keeps every page.
    "NEWSCLEAN_SITE_MEMORY_MAX_PAGES": 2000,
    # Recorded HTTP (spiders): path of a vcrpy YAML cassette that answers every http(s)
    # request; None fetches from the network as usual.
    "NEWSCLEAN_CASSETTE": None,
    # vcrpy record mode for NEWSCLEAN_CASSETTE: none (replay only, never the network), once
    # (record a cassette that does not exist yet), new_episodes (replay, record what is
    # missing), all (re-record everything).
    "NEWSCLEAN_CASSETTE_MODE": "none",
    # Download handler (import path) that fetches what a recording mode records; None uses
    # Scrapy's own handler for the scheme. The fixture recorder points it at a local server.
    "NEWSCLEAN_CASSETTE_RECORD_HANDLER": None,
    # Pipelines (newsclean.pipelines): each stage turns itself off when its switch is False.
    "NEWSCLEAN_NORMALIZE": True,
    "NEWSCLEAN_VALIDATE": True,
    "NEWSCLEAN_DEDUPE": True,
    # Normalise: IANA zone applied to dates printed without an offset when the site profile
    # names none; None leaves such dates without an offset.
    "NEWSCLEAN_DEFAULT_TIMEZONE": None,
    # Normalise: query parameters removed from canonical URLs on top of the built-in list
    # (utm_*, fbclid, gclid, ...); a name ending in * is a prefix.
    "NEWSCLEAN_TRACKING_PARAMETERS": [],
    # Validate: a body needs at least NEWSCLEAN_MIN_WORDS and at most NEWSCLEAN_MAX_WORDS words.
    "NEWSCLEAN_MIN_WORDS": 25,
    "NEWSCLEAN_MAX_WORDS": 50000,
    # Validate: JSON Lines file that receives every quarantined record with its reasons
    # (created on the first failure); None keeps them only in the store and the log.
    "NEWSCLEAN_QUARANTINE": "quarantine.jsonl",
    # De-duplicate: estimated Jaccard similarity of word 4-grams (MinHash) from which a body
    # is flagged as a near-duplicate of an earlier one; 0 turns near-duplicate checks off.
    "NEWSCLEAN_NEAR_DUPLICATE_THRESHOLD": 0.8,
    # De-duplicate: stored articles from this many days back are compared for near-duplicates.
    "NEWSCLEAN_NEAR_DUPLICATE_DAYS": 30,
    # Store: path of the SQLite store (articles, versions, provenance, full-text index,
    # quarantine); None turns the store off and de-duplication then works within a run only.
    "NEWSCLEAN_STORE": None,
    # Scheduled crawls (newsclean crawl): remember fetched article URLs in the store and fetch
    # only new or changed ones (needs NEWSCLEAN_STORE); False refetches everything.
    "NEWSCLEAN_INCREMENTAL": True,
    # Incremental: for this long after its first fetch an article with no newer sitemap/feed
    # date is re-checked with a conditional request (If-None-Match / If-Modified-Since).
    "NEWSCLEAN_RECHECK_WINDOW": "2d",
    # Incremental: the least time between two such re-checks of one article.
    "NEWSCLEAN_RECHECK_INTERVAL": "1h",
    # newsclean crawl: a run fails (exit 1) when errors exceed this share of its requests.
    "NEWSCLEAN_MAX_ERROR_RATE": 0.1,
    # newsclean crawl: a run that meets no article fails (exit 4) when any of the spider's
    # previous this-many runs met some, or when it has no previous run; 0 turns this off.
    "NEWSCLEAN_EMPTY_RUN_LOOKBACK": 10,
    # newsclean crawl: the runs log (one JSON report per run); None: DIR/runs.jsonl.
    "NEWSCLEAN_RUNS_LOG": None,
    # File that receives the run's records, written under a temporary name and renamed when
    # the crawl ends (newsclean crawl sets DIR/<spider>/<start>.jsonl); None: off.
    "NEWSCLEAN_RUN_OUTPUT": None,
    # One status line on stderr during the crawl (newsclean crawl: on when stderr is a terminal).
    "NEWSCLEAN_PROGRESS": False,
}
