"""Extraction speed: ``clean_html`` (bytes to the cleaned record) against trafilatura, CPU time.

Run from the project root::

    python -m benchmarks.extraction_speed                  # first 50 pages of each collection, 3 rounds
    python -m benchmarks.extraction_speed --limit 20 --rounds 1   # a quick look
    python -m benchmarks.extraction_speed --phases         # where newsclean's time goes
    python -m benchmarks.extraction_speed --profile x.prof # cProfile newsclean only (pstats)

Both tools run in this one process on the same pages (the first ``--limit`` of each collection
the quality benchmark reads: wcxb-dev articles, dragnet, fundus bodies, rt), page by page, the
order of the two alternating from page to page and round to round, each call timed in CPU time
(``time.process_time``): on a shared machine wall time measures the neighbours. newsclean is
called as the quality benchmark calls it (``clean_html(html, url=url, find_site=False)``: the
whole record, cleaners and normalisation included); trafilatura as
``trafilatura.extract(html, url=url, include_comments=False)``. Both first run once over all the
pages, untimed (imports, caches and models loaded on first need, such as the language
identifier's for a page without ``lang``). The ratio is newsclean's pages/s over trafilatura's.

``--phases`` times newsclean alone with a timer around each phase of the path (parse,
metadata, figures, strip_page, ...; no profiler, so the shares are close to the real ones).
"""

from __future__ import annotations

import argparse
import cProfile
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from newsclean.cleaners import clean_html

from benchmarks.quality import COLLECTIONS, DATA, Page

TARGET = 1.5
"""Issue 10: the HTML path at least this many times trafilatura's pages/s."""



def load_pages(data: Path, limit: int) -> dict[str, list[Page]]:
    return {c.folder: list(c.load(data / c.folder, limit)) for c in COLLECTIONS if (data / c.folder).exists()}


def run_newsclean(page: Page) -> Any:
    return clean_html(page.html, url=page.url or None, find_site=False)


def run_trafilatura(page: Page) -> Any:
    import trafilatura

    return trafilatura.extract(page.html, url=page.url or None, include_comments=False)


def cpu(fn: Callable[[Page], Any], page: Page) -> float:
    start = time.process_time()
    fn(page)
    return time.process_time() - start


def race(pages: dict[str, list[Page]], rounds: int) -> dict[str, dict[str, float]]:
    """CPU seconds per collection and tool, summed over the rounds, the tools' order
    alternating page by page (and flipped every round)."""
    tools = {"newsclean": run_newsclean, "trafilatura": run_trafilatura}
    everything = [p for group in pages.values() for p in group]
    for page in everything:
        for fn in tools.values():
            fn(page)
    totals = {name: dict.fromkeys(tools, 0.0) for name in pages}
    n = 0
    for r in range(rounds):
        for name, group in pages.items():
            for page in group:
                order = list(tools.items())
                if (n + r) % 2:
                    order.reverse()
                n += 1
                for tool, fn in order:
                    totals[name][tool] += cpu(fn, page)
    return totals


def race_table(pages: dict[str, list[Page]], totals: dict[str, dict[str, float]], rounds: int) -> str:
    lines = [f"{'collection':<12}{'pages':>6}{'newsclean':>12}{'trafilatura':>13}{'ratio':>8}"]
    all_n = all_t = 0.0
    count = 0
    for name, group in pages.items():
        calls = len(group) * rounds
        if not calls:
            continue
        n, t = totals[name]["newsclean"], totals[name]["trafilatura"]
        all_n, all_t, count = all_n + n, all_t + t, count + calls
        lines.append(f"{name:<12}{len(group):>6}{1000 * n / calls:>9.1f} ms{1000 * t / calls:>10.1f} ms{t / n:>7.2f}x")
    ratio = all_t / all_n if all_n else 0.0
    pages_n = sum(len(g) for g in pages.values())
    n_ms, t_ms = 1000 * all_n / count, 1000 * all_t / count
    lines.append(f"{'all':<12}{pages_n:>6}{n_ms:>9.1f} ms{t_ms:>10.1f} ms{ratio:>7.2f}x")
    verdict = "met" if ratio >= TARGET else "NOT met"
    lines.append(
        f"target: >= {TARGET}x trafilatura's pages/s: {ratio:.2f}x ({verdict}); CPU ms per page, {rounds} round(s)"
    )
    return "\n".join(lines)


# --- phases ---------------------------------------------------------------------------------

PHASES: list[tuple[str, str, str]] = [
    # (label, module, function): the function is replaced, in the module that calls it, by a timed one.
    # (extract_html parses the page with _parse_page, and decodes only bytes that are not UTF-8.)
    ("decode (bytes not UTF-8)", "newsclean.cleaners.html", "decode_html_utf8"),
    ("parse", "newsclean.cleaners.html", "_parse_page"),
    ("measuring (every walk)", "newsclean.cleaners.content", "_measure"),
    ("metadata", "newsclean.cleaners.html", "extract_metadata"),
    ("figures", "newsclean.cleaners.html", "find_figures"),
    ("strip_page", "newsclean.cleaners.html", "strip_page"),
    ("find_main_content", "newsclean.cleaners.html", "find_main_content"),
    ("prune", "newsclean.cleaners.html", "prune"),
    ("blocks_from_element", "newsclean.cleaners.html", "blocks_from_element"),
    ("edge_rules", "newsclean.cleaners.html", "edge_rules"),
    ("extract_html (all)", "newsclean.cleaners.api", "extract_html"),
    ("build_record (all)", "newsclean.cleaners.api", "build_record"),
    ("  cleaners (the chain)", "newsclean.cleaners.chain", "CleanerChain.run"),
    ("  normalise", "newsclean.cleaners.api", "normalize_article"),
]


def _timed_phases() -> tuple[dict[str, float], Callable[[], None]]:
    import importlib

    spent: dict[str, float] = {}
    depth: dict[str, int] = {}
    undo: list[tuple[Any, str, Any]] = []
    for label, module_name, attr in PHASES:
        module: Any = importlib.import_module(module_name)
        owner, _, attr = attr.rpartition(".")
        if owner:
            module = getattr(module, owner)
        original = getattr(module, attr, None)
        if original is None:
            continue
        spent[label] = 0.0
        depth[label] = 0

        def timed(*args: Any, _f: Any = original, _l: str = label, **kwargs: Any) -> Any:
            depth[_l] += 1
            start = time.process_time()
            try:
                return _f(*args, **kwargs)
            finally:
                depth[_l] -= 1
                if not depth[_l]:  # a recursive or nested call is counted once
                    spent[_l] += time.process_time() - start

        setattr(module, attr, timed)
        undo.append((module, attr, original))

    def restore() -> None:
        for module, attr, original in undo:
            setattr(module, attr, original)

    return spent, restore


def phases(pages: dict[str, list[Page]], rounds: int) -> str:
    everything = [p for group in pages.values() for p in group]
    for page in everything:
        run_newsclean(page)
    spent, restore = _timed_phases()
    whole = 0.0
    try:
        for _ in range(rounds):
            for page in everything:
                whole += cpu(run_newsclean, page)
    finally:
        restore()
    calls = len(everything) * rounds
    lines = [f"{'phase':<24}{'ms/page':>9}{'share':>8}"]
    for label, seconds in spent.items():
        lines.append(f"{label:<24}{1000 * seconds / calls:>9.1f}{100 * seconds / whole:>7.0f}%")
    lines.append(f"{'whole path':<24}{1000 * whole / calls:>9.1f}{100:>7}%")
    return "\n".join(lines)


@contextmanager
def _profiled(path: Path) -> Iterator[None]:
    profile = cProfile.Profile()
    profile.enable()
    try:
        yield
    finally:
        profile.disable()
        profile.dump_stats(str(path))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--limit", type=int, default=50, help="the first N pages of each collection (default: 50)")
    parser.add_argument("--rounds", type=int, default=3, help="passes over the pages (default: 3)")
    parser.add_argument("--phases", action="store_true", help="newsclean alone, with a timer around each phase")
    parser.add_argument("--profile", type=Path, default=None, help="cProfile newsclean alone into this file")
    args = parser.parse_args(argv)
    pages = load_pages(args.data, args.limit)
    if not any(pages.values()):
        print(f"no pages under {args.data}", file=sys.stderr)
        return 1
    if args.profile is not None:
        everything = [p for group in pages.values() for p in group]
        for page in everything:
            run_newsclean(page)
        with _profiled(args.profile):
            for _ in range(args.rounds):
                for page in everything:
                    run_newsclean(page)
        print(f"profile of {len(everything)} pages x {args.rounds} in {args.profile}")
        return 0
    if args.phases:
        print(phases(pages, args.rounds))
        return 0
    print(race_table(pages, race(pages, args.rounds), args.rounds))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
