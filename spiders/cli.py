"""The ``newsclean`` command: parses arguments and calls into the three packages."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence

__all__ = ["main"]


def _site_for(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from newsclean.spiders.sites import get_profile, profile_for_url

    if args.site:
        return get_profile(args.site)
    return profile_for_url(args.url)


# -- newsclean clean ------------------------------------------------------------------------


def _add_clean(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "clean",
        help="clean HTML pages or text dumps into article records (JSON Lines on stdout)",
        description="Clean .txt, .html and .html.gz inputs (- for stdin) into article records.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="input files; - reads standard input")
    p.add_argument("--url", help="the inputs' source URL (sets the site, its time zone and the record's url)")
    p.add_argument("--site", help="site profile name (see `newsclean sites`)")
    p.add_argument("--format", choices=("jsonl", "text"), default="jsonl", help="output format (default jsonl)")
    p.add_argument(
        "--explain", action="store_true", help="print every removal with its cleaner and reason (to stderr with jsonl)"
    )
    p.add_argument("--disable", action="append", default=[], metavar="CLEANER", help="turn a cleaner off (repeatable)")
    p.set_defaults(func=_run_clean)


def _run_clean(args: argparse.Namespace) -> int:
    from newsclean.cleaners import CleanerChain
    from newsclean.cleaners.inputs import clean_inputs

    try:
        site = _site_for(args)
        chain = CleanerChain(dict.fromkeys(args.disable))
    except (KeyError, ValueError) as exc:
        print(f"newsclean clean: {exc.args[0]}", file=sys.stderr)
        return 2
    failed = 0
    out = sys.stdout
    explain_to = sys.stderr if args.format == "jsonl" else sys.stdout
    for result in clean_inputs(args.paths, url=args.url, site=site, chain=chain):
        if result.article is None:
            failed += 1
            print(f"newsclean clean: {result.source}: {result.error}", file=sys.stderr)
            continue
        article = result.article
        if args.format == "jsonl":
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        else:
            out.write(f"# {result.source}\n{article.headline or ''}\n\n{article.articleBody or ''}\n\n")
        if args.explain:
            explain_to.write(f"== {result.source}: {len(article.cleaning)} decisions\n")
            for step in article.cleaning:
                target = f" -> {step.field}" if step.field else ""
                explain_to.write(
                    f"  [{step.cleaner}] {step.action}{target}: {step.text!r}\n      because {step.reason}\n"
                )
        out.flush()
    return 1 if failed else 0


# -- newsclean cleaners / sites -------------------------------------------------------------


def _add_cleaners(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("cleaners", help="list the installed cleaners in chain order")
    p.set_defaults(func=_run_cleaners)
    s = sub.add_parser("sites", help="list the site profiles")
    s.set_defaults(func=_run_sites)
    j = sub.add_parser("schema", help="print the article record's JSON Schema")
    j.set_defaults(func=_run_schema)


def _run_cleaners(args: argparse.Namespace) -> int:
    from newsclean.cleaners import CleanerChain, available_cleaners
    from newsclean.cleaners.chain import describe

    factories = available_cleaners()
    chain = CleanerChain()
    for name in chain.names:
        print(f"{name:16} {describe(factories[name])}")
    for name in sorted(set(factories) - set(chain.names)):
        print(f"{name:16} (off) {describe(factories[name])}")
    return 0


def _run_schema(args: argparse.Namespace) -> int:
    from newsclean.cleaners import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _run_sites(args: argparse.Namespace) -> int:
    from newsclean.spiders.sites import all_profiles

    for name, profile in sorted(all_profiles().items()):
        print(f"{name:16} {', '.join(profile.domains)}  tz={profile.timezone or '-'}")
    return 0


# -- newsclean memory -----------------------------------------------------------------------


def _add_memory(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
        "--store", metavar="PATH",
        help="SQLite store (default NEWSCLEAN_STORE from the environment, else out/newsclean.sqlite)",
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

    store = args.store or os.environ.get("NEWSCLEAN_STORE") or os.path.join("out", "newsclean.sqlite")
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


# -- main -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsclean", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_clean(sub)
    _add_cleaners(sub)
    _add_memory(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
