"""Crawl benchmark: ``newsclean crawl`` against a plain Scrapy spider calling trafilatura, and
against plain Scrapy alone, on a loopback news site, in the same run.

    python -m benchmarks.crawl                     # 2,000 article pages, 2 interleaved rounds
    python -m benchmarks.crawl --pages 300 --rounds 1   # a quick look while iterating
    python -m benchmarks.crawl --no-profile        # skip the per-stage profile

Serves a fast loopback site (an asyncio HTTP/1.1 server in its own process, keep-alive, pages
held in memory; see :mod:`benchmarks.scale`) whose article pages are real news pages from
``../shared/data`` (the wcxb-dev articles, then dragnet's pages), found through a sitemap named
in robots.txt and through 20 section fronts linked from the homepage. Politeness is off (no delay,
no AutoThrottle, robots.txt not obeyed, 16 concurrent requests) for every tool. Each round
runs, in a rotating order, each a fresh process with an empty output folder:

- ``newsclean``: ``newsclean crawl news`` with the whole chain (extraction, cleaners with the
  site memory, normalise, validate, de-duplicate, the SQLite store and the run's JSONL file);
- ``scrapy+trafilatura``: a plain ``SitemapSpider`` whose callback calls
  ``trafilatura.extract(html, url=url, include_comments=False)`` (the call the quality
  benchmark times) and yields url + text to a JSON Lines feed;
- ``scrapy+trafilatura+meta``: the same with ``with_metadata=True, output_format="json"``
  (title, author and date as well, as newsclean's records have them);
- ``scrapy``: the same spider yielding the URL and the page size only (the fetch cost).

Prints pages/s (wall) and CPU ms per page per tool (median over rounds), the ratios, then the
share of CPU time per stage of one more newsclean crawl run under cProfile
(``time.process_time``): extraction, cleaners, site memory, normalise (ftfy within it),
validate, de-duplicate, store, run file, and Scrapy with everything else.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.scale import DATA, LoopbackSites, news_pages  # noqa: E402

FAST = {
    "DOWNLOAD_DELAY": "0",
    "AUTOTHROTTLE_ENABLED": "False",
    "ROBOTSTXT_OBEY": "False",
    "CONCURRENT_REQUESTS": "16",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "LOG_LEVEL": "WARNING",
}
TOOLS = ("newsclean", "scrapy+trafilatura", "scrapy+trafilatura+meta", "scrapy")
TARGET = 1.2
"""newsclean's pages/s over scrapy+trafilatura's that issue 14 asks for."""


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _newsclean_argv(base: str, out: Path) -> list[str]:
    argv = ["crawl", "news", "-a", f"start={base}", "--output", str(out), "--quiet"]
    for name, value in FAST.items():
        argv += ["-s", f"{name}={value}"]
    return argv


def _pages_newsclean(out: Path) -> int:
    runs = out / "runs.jsonl"
    if not runs.exists():
        return 0
    reports = [json.loads(line) for line in runs.read_text().splitlines()]
    # Article pages only: the homepage, section fronts, robots.txt and sitemap are listings.
    return sum(int(r.get("pages_fetched") or 0) - int((r.get("listings") or {}).get("requested") or 0) for r in reports)


def _pages_feed(out: Path) -> int:
    feed = out / "items.jsonl"
    if not feed.exists():
        return 0
    with feed.open("rb") as lines:
        return sum(1 for _ in lines)


def run_tool(tool: str, base: str, out: Path) -> tuple[float, float, int, int, str]:
    """One crawl in a fresh process: wall s, CPU s, pages fetched, exit code, stderr's tail."""
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    if tool == "newsclean":
        command = [sys.executable, "-m", "newsclean.spiders.cli", *_newsclean_argv(base, out)]
    else:
        command = [sys.executable, "-m", "benchmarks.crawl_baseline", tool, f"{base}sitemap.xml", str(out)]
    out.mkdir(parents=True, exist_ok=True)
    cpu_before = _children_cpu()
    began = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT,
                          check=False)
    wall = time.perf_counter() - began
    cpu = _children_cpu() - cpu_before
    pages = _pages_newsclean(out) if tool == "newsclean" else _pages_feed(out)
    return wall, cpu, pages, done.returncode, done.stderr.decode(errors="replace")[-1500:]


# -- the per-stage profile ----------------------------------------------------------------------

STAGES: list[tuple[str, list[tuple[str, tuple[str, ...]]]]] = [
    # (stage, [(file path suffix, function names), ...]): the stage's entry points; each entry
    # counts its function's largest cumulative time (an outer method, not also the inner one
    # of the same name), and the entries of a stage add up.
    ("extraction (HTML -> document)", [("cleaners/html.py", ("extract_html",))]),
    ("site memory: learning", [("pipelines/site_memory.py", ("observe",))]),
    ("site memory: cleaner", [("cleaners/site_memory.py", ("__call__",))]),
    ("cleaners (chain, record)", [("cleaners/api.py", ("build_record", "clean_document"))]),
    ("normalise (the record path)", [("cleaners/normalize.py", ("normalize_article",))]),
    ("normalise stage", [("pipelines/normalize.py", ("process_item",))]),
    ("  ftfy (in both)", [("ftfy/__init__.py", ("fix_text",))]),
    ("validate", [("pipelines/validate.py", ("process_item",))]),
    ("de-duplicate", [("pipelines/dedupe.py", ("process_item",)), ("pipelines/dedupe.py", ("open_spider",)),
                      ("pipelines/dedupe.py", ("close_spider",))]),
    ("store", [("pipelines/store.py", ("process_item",)), ("pipelines/store.py", ("open_spider",)),
               ("pipelines/store.py", ("close_spider",))]),
    ("run file (JSONL, publish)", [("spiders/runoutput.py", ("process_item",)),
                                   ("spiders/runoutput.py", ("close_spider",))]),
]
NESTED = {"site memory: cleaner": "cleaners (chain, record)",
          "normalise (the record path)": "cleaners (chain, record)", "  ftfy (in both)": None}
"""Stages measured inside another one: subtracted from it (None: shown as a part, not subtracted)."""


def stage_shares(stats_path: Path) -> tuple[float, list[tuple[str, float]]]:
    """Total profiled CPU seconds and (stage, seconds) from a cProfile dump."""
    stats = pstats.Stats(str(stats_path)).stats  # type: ignore[attr-defined]
    total = max((ct for (_f, _l, _n), (_cc, _nc, _tt, ct, _c) in stats.items()), default=0.0)
    seconds: dict[str, float] = {}
    for stage, entries in STAGES:
        seconds[stage] = sum(
            max(
                (ct for (filename, _line, name), (_cc, _nc, _tt, ct, _callers) in stats.items()
                 if name in names and filename.replace(os.sep, "/").endswith(suffix)),
                default=0.0,
            )
            for suffix, names in entries
        )
    for inner, outer in NESTED.items():
        if outer is not None:
            seconds[outer] -= seconds[inner]
    counted = sum(s for stage, s in seconds.items() if stage not in NESTED or NESTED[stage] is not None)
    rows = [(stage, s) for stage, s in seconds.items()]
    rows.append(("Scrapy, Twisted/asyncio and the rest", total - counted))
    return total, rows


def profile_child(stats_path: str, argv: list[str]) -> int:
    """Run ``newsclean`` with ``argv`` under cProfile (CPU time) and dump the stats."""
    from newsclean.spiders.cli import main

    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    try:
        code = main(argv)
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        profiler.disable()
        profiler.dump_stats(stats_path)
    return code


def run_profile(base: str, out: Path, keep: str | None = None) -> tuple[int, float, list[tuple[str, float]]]:
    stats = out / "crawl.prof"
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.crawl", "--profile-child", str(stats), "--", *_newsclean_argv(base, out)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=ROOT, check=False,
    )
    if not stats.exists():
        raise SystemExit(f"the profiled crawl wrote no profile (exit {done.returncode}): "
                         f"{done.stderr.decode(errors='replace')[-1500:]}")
    total, rows = stage_shares(stats)
    if keep:
        shutil.copyfile(stats, keep)
    return _pages_newsclean(out), total, rows


# -- main ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="article pages on the loopback site (default 2000)")
    parser.add_argument("--rounds", type=int, default=2, help="interleaved rounds (default 2)")
    parser.add_argument("--tools", nargs="+", default=list(TOOLS), choices=TOOLS)
    parser.add_argument("--no-profile", action="store_true", help="skip the profiled newsclean crawl")
    parser.add_argument("--keep-profile", metavar="PATH", help="copy the crawl's cProfile dump here (for pstats)")
    parser.add_argument("--profile-child", help=argparse.SUPPRESS)
    parser.add_argument("rest", nargs="*", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.profile_child:
        return profile_child(args.profile_child, args.rest)

    pages = news_pages(args.pages)
    print(f"loopback site: {len(pages)} article pages from {DATA}; {os.cpu_count()} CPUs; "
          f"{args.rounds} round(s), tools interleaved")
    results: dict[str, list[tuple[float, float, int]]] = {tool: [] for tool in args.tools}
    site = LoopbackSites([pages], sections=20)
    try:
        base = site.bases()[0]
        with tempfile.TemporaryDirectory(prefix="newsclean-crawl-bench-") as tmp_name:
            tmp = Path(tmp_name)
            for round_no in range(args.rounds):
                order = args.tools[round_no % len(args.tools):] + args.tools[: round_no % len(args.tools)]
                for tool in order:
                    wall, cpu, fetched, code, err = run_tool(tool, base, tmp / f"{tool}-{round_no}")
                    if code not in (0,):
                        print(f"  {tool}: exit {code}\n{err}", file=sys.stderr)
                    results[tool].append((wall, cpu, fetched))
                    print(f"  round {round_no + 1} {tool:24} {wall:6.1f} s wall, {cpu:6.1f} s CPU, {fetched} pages, "
                          f"{fetched / wall:6.1f} pages/s (exit {code}, load {os.getloadavg()[0]:.1f})", flush=True)
            profile = None
            if not args.no_profile and "newsclean" in args.tools:
                profile = run_profile(base, tmp / "profile", args.keep_profile)
    finally:
        site.close()

    print(f"\nCrawl of {len(pages)} article pages on 127.0.0.1 (median of {args.rounds} interleaved round(s)):")
    print(f"{'tool':26} {'pages':>6} {'wall s':>8} {'pages/s':>8} {'CPU ms/page':>12} {'newsclean vs':>13}")
    rates = {}
    for tool, runs in results.items():
        rate = statistics.median(f / w for w, _c, f in runs)
        per = statistics.median(1000 * c / max(f, 1) for _w, c, f in runs)
        rates[tool] = rate
        wall = statistics.median(w for w, _c, _f in runs)
        fetched = statistics.median(f for _w, _c, f in runs)
        ratio = f"{rates['newsclean'] / rate:.2f}x" if "newsclean" in rates and tool != "newsclean" else "-"
        print(f"{tool:26} {fetched:>6.0f} {wall:>8.1f} {rate:>8.1f} {per:>12.1f} {ratio:>13}")
    if "newsclean" in rates and "scrapy+trafilatura" in rates:
        ratio = rates["newsclean"] / rates["scrapy+trafilatura"]
        verdict = "met" if ratio >= TARGET else "NOT met"
        print(f"target: newsclean >= {TARGET:.1f}x scrapy+trafilatura's pages/s: {ratio:.2f}x ({verdict})")
    if profile is not None:
        fetched, total, rows = profile
        print(f"\nWhere newsclean's CPU goes (one more crawl under cProfile, {fetched} pages, {total:.1f} s CPU"
              f" profiled, {1000 * total / max(fetched, 1):.1f} ms a page; profiling slows Python code down):")
        for stage, seconds in rows:
            share = 100 * seconds / total if total else 0.0
            print(f"  {stage:40} {share:5.1f}%  {1000 * seconds / max(fetched, 1):6.2f} ms/page")
    return 0


if __name__ == "__main__":
    sys.exit(main())
