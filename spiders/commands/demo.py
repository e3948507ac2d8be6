"""``newsclean demo``: the main job, offline, on data shipped with the package."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "demo",
        help="replay a bundled rt.com crawl offline and clean a page with --explain",
        description="Run newsclean's main job offline on data shipped with the package.",
    )
    p.add_argument(
        "--output", "-o", type=Path, default=Path("newsclean-demo"), metavar="DIR",
        help="output directory of the crawl (default ./newsclean-demo)",
    )
    p.set_defaults(func=_run_demo)


def _run_demo(args: argparse.Namespace) -> int:
    from newsclean.spiders.demo import run_demo

    return run_demo(args.output)
