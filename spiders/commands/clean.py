"""``newsclean clean``: clean HTML pages and text dumps into article records."""

from __future__ import annotations

import argparse
import json
import os
import sys

from newsclean.cleaners.site import SiteProfile

__all__ = ["register", "site_for"]


def site_for(args: argparse.Namespace) -> SiteProfile | None:
    """The profile ``--site`` names, else the one of ``--url``'s site (``clean`` and ``explain``)."""
    from newsclean.cleaners.site import get_profile, profile_for_url

    if args.site:
        return get_profile(args.site)
    return profile_for_url(args.url)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "clean",
        help="clean HTML pages or text dumps into article records (JSON Lines on stdout)",
        description="Clean .txt, .html and .html.gz inputs (- for stdin) into article records.",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="input files; - reads standard input")
    p.add_argument("--url", help="the inputs' source URL (sets the site, its time zone and the record's url)")
    p.add_argument("--site", help="site profile name (see `newsclean sites`)")
    p.add_argument(
        "--format", choices=("jsonl", "text", "markdown"), default="jsonl",
        help="output format: JSON Lines records (default), plain text, or Markdown (headline as # heading)",
    )
    p.add_argument("--markdown", action="store_true", help="with jsonl: records carry articleBodyMarkdown")
    p.add_argument(
        "--explain", action="store_true", help="print every removal with its cleaner and reason (to stderr with jsonl)"
    )
    p.add_argument("--disable", action="append", default=[], metavar="CLEANER", help="turn a cleaner off (repeatable)")
    p.add_argument(
        "--memory", metavar="STORE",
        help="use the site memory in this SQLite store (learning from the inputs first; see `newsclean memory`)",
    )
    p.add_argument("--no-learn", action="store_true", help="with --memory: use the memory read-only")
    p.add_argument(
        "--fetched-at", metavar="DATE",
        help="when the inputs were fetched (ISO 8601, or an HTTP Date header): relative dates on them "
        "('vor 3 Stunden', '2 hours ago') count back from it (default: now)",
    )
    p.add_argument(
        "--main-content", choices=("scorer", "readability", "selected"), default="scorer",
        help="how HTML main content is found when no site profile names it: newsclean's scorer "
        "(default), readability-lxml, or the scorer cross-checked against readability-lxml by a learned "
        "selector when unsure (selected)",
    )
    p.set_defaults(func=_run_clean)


def _run_clean(args: argparse.Namespace) -> int:
    from newsclean.cleaners import CleanerChain
    from newsclean.cleaners.dates import fetch_time
    from newsclean.cleaners.errors import check_url
    from newsclean.cleaners.inputs import clean_inputs
    from newsclean.pipelines.site_memory import CrawlMemory, SiteMemoryError
    from newsclean.spiders.defaults import ALL_DEFAULTS

    memory = None
    try:
        try:
            check_url(args.url)
        except ValueError as exc:
            raise ValueError(f"--url: {exc}") from None
        limits = {
            name: float(os.environ.get(name, ALL_DEFAULTS[name]))
            for name in ("NEWSCLEAN_MAX_INPUT_BYTES", "NEWSCLEAN_INPUT_TIMEOUT", "NEWSCLEAN_MAX_PAGE_BYTES")
        }
        fetched_at = fetch_time(args.fetched_at)
        if args.fetched_at and fetched_at is None:
            raise ValueError(f"--fetched-at: {args.fetched_at!r} is not an ISO 8601 or HTTP date")
        site = site_for(args)
        if args.memory:
            memory = CrawlMemory.for_files(
                args.memory, args.paths, url=args.url, site=site, learning=not args.no_learn
            )
        chain = CleanerChain(dict.fromkeys(args.disable), instances=memory.instances if memory else None)
    except (KeyError, ValueError, SiteMemoryError) as exc:
        print(f"newsclean clean: {exc.args[0]}", file=sys.stderr)
        return 2
    failed = 0
    out = sys.stdout
    explain_to = sys.stdout if args.format == "text" else sys.stderr
    markdown = args.markdown or args.format == "markdown"
    results = clean_inputs(
        args.paths, url=args.url, site=site, chain=chain, main_content=args.main_content, markdown=markdown,
        max_bytes=int(limits["NEWSCLEAN_MAX_INPUT_BYTES"]), timeout=limits["NEWSCLEAN_INPUT_TIMEOUT"],
        fetched_at=fetched_at,
        max_page_bytes=int(limits["NEWSCLEAN_MAX_PAGE_BYTES"]),
    )
    for n, result in enumerate(results):
        if result.article is None:
            failed += 1
            print(f"newsclean clean: {result.source}: {result.error}", file=sys.stderr)
            continue
        article = result.article
        if args.format == "jsonl":
            out.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
        elif args.format == "markdown":
            from newsclean.cleaners.markdown import escape_inline

            if n or len(args.paths) > 1:
                source = result.source.replace("--", "- -")  # "--" would end the comment
                out.write(("\n" if n else "") + f"<!-- {source} -->\n\n")
            if article.headline:
                out.write(f"# {escape_inline(article.headline)}\n\n")
            out.write((article.articleBodyMarkdown or "") + "\n")
        else:
            out.write(f"# {result.source}\n{article.headline or ''}\n\n{article.articleBody or ''}\n\n")
        if args.explain:
            explain_to.write(f"== {result.source}: {len(article.cleaning)} decisions\n")
            for step in article.cleaning:
                target = f" -> {step.field}" if step.field else ""
                if step.path is not None or step.words is not None:
                    target = f" ({step.path or 'page'}, {step.words} words)"
                explain_to.write(
                    f"  [{step.cleaner}] {step.action}{target}: {step.text!r}\n      because {step.reason}\n"
                )
        out.flush()
    if memory is not None:
        memory.close()
    return 1 if failed else 0
