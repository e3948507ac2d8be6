"""``newsclean explain``: a self-contained HTML report of what cleaning did to a page."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from newsclean.spiders.commands.clean import site_for

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "explain",
        help="write one HTML page showing a page's cleaning: the article as kept, every removal in place",
        description=(
            "Clean PAGE (.html, .html.gz, .txt or - for stdin) and write a self-contained HTML report: "
            "a summary per cleaner, then the article as kept with every removed block in place, struck "
            "through and coloured by cleaner, its reason on hover."
        ),
    )
    p.add_argument("page", metavar="PAGE", help="the page or text dump; - reads standard input")
    p.add_argument("--url", help="the page's URL (sets the site, its time zone and the record's url)")
    p.add_argument("--site", help="site profile name (see `newsclean sites`)")
    p.add_argument("--disable", action="append", default=[], metavar="CLEANER", help="turn a cleaner off (repeatable)")
    p.add_argument("--html", metavar="FILE", help="write the report to FILE (default: standard output)")
    p.set_defaults(func=_run_explain)


def _write_report(text: str, target: str | None, command: str) -> int:
    if not target:
        sys.stdout.write(text)
        return 0
    try:
        Path(target).write_text(text, encoding="utf-8")
    except OSError as exc:
        print(f"{command}: {target}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    print(f"{command}: wrote {target}", file=sys.stderr)
    return 0


def _run_explain(args: argparse.Namespace) -> int:
    from newsclean.cleaners import CleanerChain
    from newsclean.cleaners.decoding import DecodeError
    from newsclean.cleaners.errors import check_url
    from newsclean.cleaners.explain import explain_page, render_report
    from newsclean.cleaners.inputs import InputError, read_input

    try:
        try:
            check_url(args.url)
        except ValueError as exc:
            raise ValueError(f"--url: {exc}") from None
        site = site_for(args)
        chain = CleanerChain(dict.fromkeys(args.disable))
    except (KeyError, ValueError) as exc:
        print(f"newsclean explain: {exc.args[0]}", file=sys.stderr)
        return 2
    try:
        article, blocks = explain_page(read_input(args.page), url=args.url, site=site, chain=chain)
    except (InputError, DecodeError) as exc:
        print(f"newsclean explain: {args.page}: {exc}", file=sys.stderr)
        return 1
    return _write_report(render_report(article, blocks, source=args.page), args.html, "newsclean explain")
