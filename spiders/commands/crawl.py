"""``newsclean crawl``: one incremental crawl for cron and systemd."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsclean.spiders.commands import add_spider_options

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "crawl",
        help="run one incremental crawl for cron/systemd: lock, new records, run report, exit status",
        description=(
            "Crawl SPIDER once, fetching only new or changed articles; write this run's records "
            "to DIR/SPIDER/<start time>.jsonl, append a report to DIR/runs.jsonl and exit "
            "0 (healthy), 1 (errors above threshold), 2 (could not start), 3 (ended early), "
            "4 (no article found) or 75 (another run holds the lock)."
        ),
    )
    p.add_argument("spider", metavar="SPIDER", help="spider name (see `scrapy list`)")
    add_spider_options(p)
    p.add_argument(
        "--output", "-o", type=Path, default=Path("out"), metavar="DIR",
        help="output directory (default ./out)",
    )
    p.add_argument(
        "--store", metavar="PATH|URL",
        help="SQLite store file or postgresql:// URL (default: the NEWSCLEAN_STORE setting or environment "
        "variable, else DIR/newsclean.sqlite)",
    )
    p.add_argument(
        "--cassette", type=Path, metavar="PATH",
        help="replay this vcrpy cassette instead of the network",
    )
    p.add_argument(
        "--frontier", metavar="REDIS_URL",
        help="share the request queue with every worker crawling this spider and site "
        "(default NEWSCLEAN_FRONTIER; see the deployment guide)",
    )
    p.add_argument(
        "--verbose", "-v", action="store_true",
        help="Scrapy's log on stderr instead of DIR/SPIDER/logs/",
    )
    p.add_argument(
        "--quiet", "-q", action="store_true",
        help="print the summary line only when the run fails",
    )
    p.set_defaults(func=_run_crawl)


def _run_crawl(args: argparse.Namespace) -> int:
    from newsclean.spiders.runner import CrawlOptions, parse_pairs, run_crawl

    try:
        arguments = parse_pairs(args.arguments, option="-a")
        settings = parse_pairs(args.settings, option="-s")
    except ValueError as exc:
        print(f"newsclean crawl: {exc}", file=sys.stderr)
        return 2
    options = CrawlOptions(
        spider=args.spider,
        arguments=arguments,
        output=args.output,
        store=args.store,
        frontier=args.frontier,
        cassette=args.cassette,
        settings=settings,
        verbose=args.verbose,
        quiet=args.quiet,
    )
    return run_crawl(options)
