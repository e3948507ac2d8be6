"""The one table of ``NEWSCLEAN_*`` settings: each name with its default and what it means.

Scrapy reads these names from its settings, the ``newsclean`` command from its options and
the environment; the library's functions take them as keyword arguments. The reference page
of the docs (``docs/reference/settings.md``) is generated from :data:`SETTINGS`, so a setting
is documented where it is defined.
"""

from __future__ import annotations

from typing import Any, NamedTuple

__all__ = ["DEFAULTS", "SETTINGS", "Setting"]

class Setting(NamedTuple):
    """One setting: its name, its default and what it does (Markdown, shown in the docs)."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "NEWSCLEAN_CLEANERS",
        {},
        "cleaner name -> order, merged over the built-in orders (50-600); `None` turns a cleaner off; plugins "
        "not named run at their class's `order` (default 900)",
    ),
    Setting(
        "NEWSCLEAN_MAIN_CONTENT",
        "scorer",
        "how spiders find an HTML page's main content when no site profile names its body: `scorer` "
        "(newsclean's own) or `readability` (readability-lxml); `newsclean clean --main-content` is the same "
        "choice",
    ),
    Setting(
        "NEWSCLEAN_CASSETTE",
        None,
        "path of a vcrpy YAML cassette that answers every http(s) request of a crawl (see Cassettes); `None`: "
        "the network",
    ),
    Setting(
        "NEWSCLEAN_CASSETTE_MODE",
        "none",
        "vcrpy record mode: `none` (replay only), `once`, `new_episodes`, `all`",
    ),
    Setting(
        "NEWSCLEAN_CASSETTE_RECORD_HANDLER",
        None,
        "import path of the download handler that fetches what a recording mode records; `None`: Scrapy's own",
    ),
    Setting(
        "NEWSCLEAN_MARKDOWN",
        False,
        "records also carry `articleBodyMarkdown` (the kept blocks as CommonMark)",
    ),
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
        "NEWSCLEAN_DEFAULT_TIMEZONE",
        None,
        "IANA zone applied to dates printed without an offset when the site profile names none; `None` leaves "
        "them without an offset",
    ),
    Setting(
        "NEWSCLEAN_TRACKING_PARAMETERS",
        [],
        "query parameters removed from canonical URLs on top of the built-in list; a trailing `*` makes a "
        "prefix (`partner_*`)",
    ),
    Setting(
        "NEWSCLEAN_MIN_WORDS",
        25,
        "fewest words a valid body has",
    ),
    Setting(
        "NEWSCLEAN_MAX_WORDS",
        50000,
        "most words a valid body has (more means the page's text was not isolated)",
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
        "NEWSCLEAN_SITE_MEMORY_MIN_PAGES",
        3,
        "distinct pages of a site a block must be seen on before the `site-memory` cleaner removes it (at least 2)",
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
    Setting(
        "NEWSCLEAN_INCREMENTAL",
        True,
        "`newsclean crawl` remembers fetched article URLs in the store and fetches only new or changed ones; "
        "`False`: fetch everything",
    ),
    Setting(
        "NEWSCLEAN_RECHECK_WINDOW",
        "2d",
        "for this long after its first fetch, an article with no newer sitemap/feed date is re-checked with a "
        "conditional request (`90s`, `15m`, `2h`, `3d`, `1w` or seconds)",
    ),
    Setting(
        "NEWSCLEAN_CRAWL_DELAY",
        None,
        "seconds between two requests to one domain; `None`: each domain's robots.txt `Crawl-delay` for our "
        "user agent (when robots.txt is obeyed); a number overrides it for every domain, `0` ignores it",
    ),
    Setting(
        "NEWSCLEAN_RECHECK_INTERVAL",
        "1h",
        "the least time between two re-checks of one article",
    ),
    Setting(
        "NEWSCLEAN_MAX_ERROR_RATE",
        0.1,
        "share of a run's requests that may fail before `newsclean crawl` exits 1",
    ),
    Setting(
        "NEWSCLEAN_EMPTY_RUN_LOOKBACK",
        10,
        "a run with no article page exits 4 when any of the spider's previous this-many runs had some, or it "
        "has no previous run; `0`: never",
    ),
    Setting(
        "NEWSCLEAN_RUNS_LOG",
        None,
        "the runs log, one JSON report per run; `None`: `DIR/runs.jsonl`",
    ),
    Setting(
        "NEWSCLEAN_RUN_OUTPUT",
        None,
        "file receiving the records the run stored, written as a `.part` file and renamed at the end "
        "(`newsclean crawl` sets `DIR/<spider>/<start time>.jsonl`); `None`: off",
    ),
    Setting(
        "NEWSCLEAN_PROGRESS",
        False,
        "a status line on stderr while crawling (`newsclean crawl` turns it on when stderr is a terminal)",
    ),
    Setting(
        "NEWSCLEAN_FRONTIER",
        None,
        "`redis://` URL of a request queue shared by every worker crawling the same spider and site "
        "(`newsclean crawl --frontier`; see the deployment guide); `None`: each crawl queues its own requests",
    ),
    Setting(
        "NEWSCLEAN_FRONTIER_TTL",
        86400,
        "seconds a shared frontier run's queue and duplicate filter live after their last use",
    ),
)
"""Every setting, grouped by what reads it."""

DEFAULTS: dict[str, Any] = {setting.name: setting.default for setting in SETTINGS}
"""Setting name -> default value."""
