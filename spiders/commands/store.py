"""``newsclean store``: query the article store."""

from __future__ import annotations

import argparse
import sys

__all__ = ["register"]


from newsclean.spiders.commands.explain import _write_report


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
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
