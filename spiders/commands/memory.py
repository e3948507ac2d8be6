"""``newsclean memory``: what the site memory learned."""

from __future__ import annotations

import argparse
import sys

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "memory",
        help="show what the site memory learned: sites, or one site's recurring blocks",
        description=(
            "Without SITE: every site in the store's site memory with its pages seen and blocks "
            "learned. With SITE: the blocks seen on at least --min-pages of its pages, most "
            "frequent first (what the site-memory cleaner removes, unless a block reads like "
            "content and is on fewer than half the site's pages)."
        ),
    )
    p.add_argument("site", nargs="?", metavar="SITE", help="site name (a profile name or a host)")
    p.add_argument(
        "--store", metavar="PATH|URL",
        help="SQLite store or postgresql:// URL (default: the NEWSCLEAN_STORE environment variable, "
        "else out/newsclean.sqlite)",
    )
    p.add_argument(
        "--min-pages", type=int, metavar="N",
        help="list blocks seen on at least N pages (default NEWSCLEAN_SITE_MEMORY_MIN_PAGES)",
    )
    p.add_argument("--json", action="store_true", help="one JSON object per block")
    p.add_argument("--forget", action="store_true", help="drop everything learned about SITE")
    p.set_defaults(func=_run_memory)


def _run_memory(args: argparse.Namespace) -> int:
    from newsclean.cleaners.settings import DEFAULTS
    from newsclean.pipelines.site_memory import SiteMemoryError, forget_site, memory_report
    from newsclean.spiders.runner import store_location

    store = store_location(args.store)
    min_pages = args.min_pages if args.min_pages is not None else DEFAULTS["NEWSCLEAN_SITE_MEMORY_MIN_PAGES"]
    try:
        if args.forget:
            if not args.site:
                print("newsclean memory: --forget needs a SITE", file=sys.stderr)
                return 2
            print(f"forgot {forget_site(store, args.site)} pages of {args.site}")
            return 0
        lines = memory_report(store, args.site, min_pages=min_pages, as_json=args.json)
    except (SiteMemoryError, ValueError) as exc:
        print(f"newsclean memory: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, ValueError) else 1
    for line in lines:
        print(line)
    return 0
