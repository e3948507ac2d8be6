"""The ``newsclean`` command: parses arguments and calls into the three packages."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

__all__ = ["main"]


def _site_for(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from newsclean.cleaners.site import get_profile, profile_for_url

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
        "--main-content", choices=("scorer", "readability"), default="scorer",
        help="how HTML main content is found when no site profile names it: newsclean's scorer "
        "(default) or readability-lxml",
    )
    p.set_defaults(func=_run_clean)


def _run_clean(args: argparse.Namespace) -> int:
    from newsclean.cleaners import CleanerChain
    from newsclean.cleaners.inputs import clean_inputs
    from newsclean.pipelines.site_memory import CrawlMemory, SiteMemoryError

    memory = None
    try:
        site = _site_for(args)
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
        args.paths, url=args.url, site=site, chain=chain, main_content=args.main_content, markdown=markdown
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


# -- newsclean explain ----------------------------------------------------------------------


def _add_explain(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
    from newsclean.cleaners.explain import explain_page, render_report
    from newsclean.cleaners.inputs import InputError, read_input

    try:
        site = _site_for(args)
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
    from newsclean.cleaners.site import site_profiles

    for name, profile in sorted(site_profiles().items()):
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


# -- newsclean store ------------------------------------------------------------------------


def _add_store(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "store",
        help="query the article store: recent articles, by site, full-text search, export",
        description="Query the article store a crawl wrote (NEWSCLEAN_STORE): an SQLite file or PostgreSQL.",
    )
    p.add_argument(
        "--store", metavar="PATH|URL",
        help="the store file or postgresql:// URL (default: the NEWSCLEAN_STORE environment variable, "
        "else out/newsclean.sqlite)",
    )
    common = argparse.ArgumentParser(add_help=False)  # --store also after the action
    common.add_argument("--store", metavar="PATH|URL", default=argparse.SUPPRESS, help="the store file or URL")
    cmds = p.add_subparsers(dest="store_command", required=True, metavar="ACTION")

    def action(name: str, text: str) -> argparse.ArgumentParser:
        parser: argparse.ArgumentParser = cmds.add_parser(name, help=text, description=text, parents=[common])
        return parser

    recent = action("recent", "latest articles, newest first (--site for one site)")
    recent.add_argument("--site", help="only this site profile's articles")
    recent.add_argument("--since", metavar="DATE", help="only articles published (or first seen) since DATE (ISO 8601)")
    search = action("search", "full-text search of headlines, standfirsts and bodies (FTS5 syntax)")
    search.add_argument("query", metavar="QUERY", help='words, "a phrase", OR, NOT, prefix*')
    search.add_argument("--site", help="only this site profile's articles")
    for q in (recent, search):
        q.add_argument("--limit", type=int, default=20, help="at most this many (default 20)")
        q.add_argument("--format", choices=("text", "jsonl"), default="text", help="output format (default text)")
    show = action("show", "the stored record of one URL as JSON")
    show.add_argument("url", metavar="URL", help="the article's URL (tracking parameters are ignored)")
    show.add_argument("--versions", action="store_true", help="every stored version, oldest first, as JSON Lines")
    export = action("export", "write the stored records as JSON Lines")
    export.add_argument("--site", help="only this site profile's articles")
    export.add_argument("--since", metavar="DATE", help="only articles published (or first seen) since DATE")
    export.add_argument("--all-versions", action="store_true", help="every version, not only the latest")
    export.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of standard output")
    quarantine = action("quarantine", "records that failed validation, with their reasons")
    quarantine.add_argument("--limit", type=int, default=20, help="at most this many (default 20)")
    action("stats", "numbers of articles, versions, duplicates and quarantined records")
    runs = action("runs", "the latest newsclean crawl run reports kept in the store, from every host")
    runs.add_argument("--spider", help="only this spider's runs")
    runs.add_argument("--limit", type=int, default=20, help="at most this many (default 20)")
    diff = action("diff", "what changed between two stored versions of an article: paragraphs added, removed, edited")
    diff.add_argument("url", metavar="URL", help="the article's URL (tracking parameters are ignored)")
    diff.add_argument("--old", type=int, metavar="N", help="the older version (default: the one before --new)")
    diff.add_argument("--new", type=int, metavar="N", help="the newer version (default: the latest)")
    explain = action("explain", "an HTML page showing the stored record's cleaning, every removal in place")
    explain.add_argument("url", metavar="URL", help="the article's URL (tracking parameters are ignored)")
    explain.add_argument("--html", metavar="FILE", help="write the report to FILE (default: standard output)")
    p.set_defaults(func=_run_store)


def _run_store(args: argparse.Namespace) -> int:
    from newsclean.pipelines import store_query as query
    from newsclean.pipelines.article_store import StoreError
    from newsclean.spiders.runner import store_location

    args.store = store_location(args.store)
    action = args.store_command
    try:
        if action == "recent":
            lines = query.format_records(
                query.recent(args.store, limit=args.limit, site=args.site, since=args.since), fmt=args.format
            )
        elif action == "search":
            lines = query.format_hits(query.search(args.store, args.query, limit=args.limit, site=args.site),
                                      fmt=args.format)
        elif action == "show":
            lines = query.format_shown(query.show(args.store, args.url, versions=args.versions), versions=args.versions)
        elif action == "export":
            options = {"site": args.site, "since": args.since, "all_versions": args.all_versions}
            if args.output:
                n = query.export_file(args.store, args.output, **options)
                print(f"newsclean store: wrote {n} records to {args.output}", file=sys.stderr)
            else:
                query.export(args.store, sys.stdout, **options)
            return 0
        elif action == "diff":
            lines = query.format_diff(query.diff(args.store, args.url, old=args.old, new=args.new))
        elif action == "explain":
            from newsclean.cleaners.explain import explain_record, render_report

            record = query.show(args.store, args.url)[0]
            report = render_report(record, explain_record(record), source=f"{args.store}: {args.url}")
            return _write_report(report, args.html, "newsclean store explain")
        elif action == "quarantine":
            lines = query.format_quarantine(query.quarantined(args.store, limit=args.limit))
        elif action == "runs":
            lines = query.format_runs(query.runs(args.store, spider=args.spider, limit=args.limit))
        else:
            lines = query.format_stats(query.stats(args.store))
        for line in lines:
            sys.stdout.write(line + "\n")
    except query.ArticleNotFound as exc:
        print(f"newsclean store: {exc}", file=sys.stderr)
        return 1
    except StoreError as exc:
        print(f"newsclean store: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        raise  # the reader (`| head`) has gone: main() ends quietly
    except OSError as exc:
        print(f"newsclean store: {exc.filename or args.store}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


# -- newsclean crawl / schedule -------------------------------------------------------------


def _add_crawl(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
    p.add_argument(
        "-a", dest="arguments", action="append", default=[], metavar="NAME=VALUE",
        help="spider argument (repeatable)",
    )
    p.add_argument(
        "-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
        help="Scrapy or NEWSCLEAN_* setting (repeatable)",
    )
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


def _add_schedule(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
    p.add_argument(
        "-a", dest="arguments", action="append", default=[], metavar="NAME=VALUE",
        help="spider argument (repeatable)",
    )
    p.add_argument(
        "-s", dest="settings", action="append", default=[], metavar="NAME=VALUE",
        help="Scrapy or NEWSCLEAN_* setting (repeatable)",
    )
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


# -- newsclean demo ------------------------------------------------------------------------


def _add_demo(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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


# -- main -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="newsclean", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_clean(sub)
    _add_explain(sub)
    _add_cleaners(sub)
    _add_store(sub)
    _add_memory(sub)
    _add_crawl(sub)
    _add_schedule(sub)
    _add_demo(sub)
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
