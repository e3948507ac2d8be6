"""``newsclean schedule``: cron and systemd set-ups for a recurring crawl."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsclean.spiders.commands import add_spider_options

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "schedule",
        help="print a crontab line and systemd service + timer units for a recurring crawl",
        description="Print ready-to-paste cron and systemd set-ups that run `newsclean crawl SPIDER` every INTERVAL.",
    )
    p.add_argument("spider", metavar="SPIDER", help="spider name (see `scrapy list`)")
    p.add_argument(
        "--every", required=True, metavar="INTERVAL",
        help="how often: 15m, 1h, 6h, 1d, 7d ... (minutes dividing an hour, hours dividing a day, 1d or 7d)",
    )
    add_spider_options(p)
    p.add_argument(
        "--output", "-o", type=Path, default=Path("out"), metavar="DIR",
        help="output directory (made absolute; default ./out)",
    )
    p.add_argument("--store", metavar="PATH|URL", help="SQLite store (made absolute) or postgresql:// URL")
    p.add_argument("--workdir", type=Path, metavar="DIR", help="directory the crawl runs in (default: this one)")
    p.set_defaults(func=_run_schedule)


def _run_schedule(args: argparse.Namespace) -> int:
    from newsclean.spiders.runner import load_spider, parse_pairs
    from newsclean.spiders.schedule import schedule_text

    try:
        load_spider(args.spider)
        parse_pairs(args.arguments, option="-a")
        parse_pairs(args.settings, option="-s")
        text = schedule_text(
            args.spider, args.every, arguments=args.arguments, settings=args.settings,
            output=args.output, store=args.store, workdir=args.workdir,
        )
    except ValueError as exc:
        print(f"newsclean schedule: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(text)
    return 0
