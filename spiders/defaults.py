"""The crawl's ``NEWSCLEAN_*`` settings (cassettes, incremental crawling, runs, frontier), and
every package's tables joined: what the add-on applies and the docs list."""

from __future__ import annotations

from typing import Any

from newsclean.cleaners import settings as library
from newsclean.cleaners.settings import Setting
from newsclean.pipelines import settings as pipelines

__all__ = ["ALL_DEFAULTS", "ALL_SETTINGS", "ALL_STATS", "DEFAULTS", "SETTINGS", "STATS", "TABLES"]

SETTINGS: tuple[Setting, ...] = (
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
        "the runs log, one JSON report per run; `None`: `DIR/runs.jsonl` under `newsclean crawl`, no file "
        "under `scrapy crawl` (the report still goes to the store and the log)",
    ),
    Setting(
        "NEWSCLEAN_RUN_REPORT",
        True,
        "under `scrapy crawl` and Scrapyd, the add-on's `RunReport` extension writes the run report when the "
        "spider closes (runs log, store, a summary line in the log, `newsclean/run/exit_status` in the stats); "
        "`newsclean crawl` writes its own",
    ),
    Setting(
        "NEWSCLEAN_RUN_OUTPUT",
        None,
        "file receiving the records the run stored, written as a `.part` file and renamed at the end "
        "(`newsclean crawl` sets `DIR/<spider>/<start time>.jsonl`); `None`: off",
    ),
    Setting(
        "NEWSCLEAN_MAX_LISTING_DEPTH",
        3,
        "how many listings deep a crawl follows feeds, sitemaps and section fronts (a start point is 0, a "
        "sitemap an index names is 1, ...); deeper ones are counted in the run report, not fetched; `0`: no "
        "bound",
    ),
    Setting(
        "NEWSCLEAN_MAX_LISTING_REQUESTS",
        1000,
        "most listing requests (feeds, sitemaps, section fronts) in one run; further ones are counted in the "
        "run report, not fetched (a sitemap index chain that never ends stops here); `0`: no bound",
    ),
    Setting(
        "NEWSCLEAN_MAX_INPUT_BYTES",
        52428800,
        "`newsclean clean` refuses an input larger than this (50 MiB), as read or once gunzipped: a gzip bomb "
        "or `/dev/zero` gets an error line, not all memory",
    ),
    Setting(
        "NEWSCLEAN_INPUT_TIMEOUT",
        30,
        "`newsclean clean` gives up a pipe, FIFO or device that sends nothing for this many seconds (a FIFO "
        "nobody writes to) with an error line, and goes on with the other inputs",
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
"""The settings the spiders, their middlewares and ``newsclean crawl`` read."""

DEFAULTS: dict[str, Any] = {setting.name: setting.default for setting in SETTINGS}
"""Setting name -> default value."""

TABLES: dict[str, tuple[Setting, ...]] = {
    "newsclean.cleaners": library.SETTINGS,
    "newsclean.pipelines": pipelines.SETTINGS,
    "newsclean.spiders": SETTINGS,
}
"""Each package's table, by package."""

ALL_SETTINGS: tuple[Setting, ...] = tuple(setting for table in TABLES.values() for setting in table)
ALL_DEFAULTS: dict[str, Any] = {setting.name: setting.default for setting in ALL_SETTINGS}
"""Every ``NEWSCLEAN_*`` setting's default."""

STATS: dict[str, str] = {
    "newsclean/spider/articles": "article pages turned into page items",
    "newsclean/spider/articles_from_feed": "articles whose page could not be fetched, given by their feed item's "
    "full text",
    "newsclean/spider/feed_entries": "entries read from RSS/Atom feeds",
    "newsclean/spider/sitemap_entries": "entries read from sitemaps",
    "newsclean/spider/sections": "section fronts read as listings",
    "newsclean/spider/skipped/not_article": "links that do not look like articles",
    "newsclean/spider/listings": "listing requests made (feeds, sitemaps, section fronts)",
    "newsclean/spider/skipped/listing_depth": "listings not followed past `NEWSCLEAN_MAX_LISTING_DEPTH` (the run "
    "report's `listings` block shows them)",
    "newsclean/spider/skipped/listing_limit": "listings not followed past `NEWSCLEAN_MAX_LISTING_REQUESTS`",
    "newsclean/spider/listing/unreadable_entries": "entries of a feed or sitemap that could not be read (no usable "
    "URL, or lost to a broken document); each such listing also logs one error (the report's "
    "`listings.entries_unreadable`)",
    "newsclean/spider/article/discovered": "article URLs the run set out to fetch (the run report's accounting "
    "starts here)",
    "newsclean/spider/article/fetched": "article pages fetched and handed to the pipelines",
    "newsclean/spider/article/gone": "article pages that answered 404/410 while a store is kept, handed to the "
    "store stage to be marked gone (it gives them their outcome)",
    "newsclean/spider/article/skipped/<reason>": "article URLs given up without an error, per reason (`limit`, "
    "`too_old`, `non_html`, `redirected_to_known`, `run_ended`, `already_requested` (a shared frontier's other "
    "worker queued it first), ...)",
    "newsclean/spider/article/failed/<reason>": "article URLs that failed, per reason (`http_<status>`, "
    "`redirect_loop`, `too_large`, `undecodable`, `not_in_cassette`, ...); they count toward the exit status",
    "newsclean/spider/skipped/too_old": "articles dated before `-a since`",
    "newsclean/spider/skipped/non_html": "responses that are not HTML",
    "newsclean/spider/skipped/ignored_<kind>": "requests a middleware dropped (robots.txt forbids it), per kind",
    "newsclean/spider/failed/<kind>": "requests that failed (an HTTP error after retries, or no recording), "
    "per kind (`article`, `listing`)",
    "newsclean/cassette/played": "requests answered from the cassette",
    "newsclean/cassette/recorded": "interactions recorded",
    "newsclean/cassette/unmatched": "requests the cassette could not answer in a replay mode",
    "newsclean/cassette/unplayed": "recorded interactions the crawl never asked for",
    "newsclean/incremental/new": "article URLs never fetched before (fetched)",
    "newsclean/incremental/changed": "known articles whose sitemap or feed date moved on (fetched)",
    "newsclean/incremental/recheck": "young articles re-checked with a conditional request",
    "newsclean/incremental/skip": "known, unchanged articles not requested",
    "newsclean/incremental/not_modified": "re-checks answered 304 Not Modified",
    "newsclean/run_output/records": "records written to the run's file (`NEWSCLEAN_RUN_OUTPUT`)",
    "newsclean/run_output/failed": "records a full disk kept out of the run's file, and so out of the store (the "
    "accounting's `failed.output`; fetched again next run)",
    "newsclean/run/final_status/<code>": "requests whose final answer was this HTTP error status",
    "newsclean/run/failed_download/<exception>": "downloads that failed for good, per exception",
    "newsclean/run/logged_errors/<logger>": "other errors logged, per logger",
    "newsclean/run/first_error": "the run's first error message",
    "newsclean/run/exit_status": "the run report's verdict under `scrapy crawl` (the `RunReport` extension): "
    "`0` ok, `1` errors over `NEWSCLEAN_MAX_ERROR_RATE`, `3` ended early, `4` no article where earlier runs found some",
    "newsclean/frontier/run": "the shared frontier's run id",
    "newsclean/frontier/run_articles": "article pages all workers sharing the frontier's run met",
    "newsclean/frontier/enqueued": "requests put on the shared frontier",
    "newsclean/frontier/dequeued": "requests taken from the shared frontier",
    "newsclean/frontier/filtered": "requests the shared frontier had seen already",
    "newsclean/frontier/articles_handed": "article requests this worker put on the shared frontier (the "
    "accounting's `handed_to_frontier`: whoever takes them accounts for them)",
    "newsclean/frontier/articles_taken": "article requests this worker took from the shared frontier (the "
    "accounting's `taken_from_frontier`)",
}
"""Every crawl stat the spiders and their components keep, with what it counts (``<...>``: one
stat per value)."""

ALL_STATS: dict[str, dict[str, str]] = {"newsclean.spiders": STATS, "newsclean.pipelines": pipelines.STATS}
"""Each package's stats, by package."""

