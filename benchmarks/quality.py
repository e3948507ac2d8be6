"""Extraction quality and speed: newsclean against readability-lxml, trafilatura and newspaper4k.

Run from the project root::

    python -m benchmarks.quality                 # all three tables, every page
    python -m benchmarks.quality --limit 100     # a quick subset
    python -m benchmarks.quality --only extraction,text

Tables:

- ``extraction``: article pages of ``../shared/data/wcxb-dev``; 4-word-shingle precision,
  recall, F1 (scrapinghub article-extraction-benchmark), leak (share of each page's
  ``without`` snippets found in the output), empty outputs, pages/s and the speed ratio to
  trafilatura (default settings). Every tool gets the page's bytes and its URL; the time is
  the whole call, bytes to text (for newsclean: to the cleaned record).
- ``metadata``: ``../shared/data/fundus`` pages; headline exact match, datePublished on the
  right day, author names (same set), against trafilatura's and newspaper4k's metadata and
  htmldate's date.
- ``text``: plain-text dumps of the wcxb-dev article pages (``benchmarks.textdump``): the
  raw dump against ``newsclean.cleaners.clean_text`` on the dump.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import re
import sys
import time
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from newsclean.cleaners import CleanerChain, clean_html, clean_text
from newsclean.cleaners.page_chrome import PageChrome

from benchmarks.scoring import PageScore, Totals, score_page, summarise
from benchmarks.textdump import visible_text

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"

Extractor = Callable[[bytes, str], str]


# --- the compared tools -------------------------------------------------------------------


def _newsclean(html: bytes, url: str) -> str:
    return clean_html(html, url=url).articleBody or ""


def _readability(html: bytes, url: str) -> str:
    from readability import Document

    return visible_text("<html><body>" + Document(html, url=url).summary(html_partial=True))


def _trafilatura(include_comments: bool) -> Extractor:
    import trafilatura

    def run(html: bytes, url: str) -> str:
        return trafilatura.extract(html, url=url, include_comments=include_comments) or ""

    return run


def _newspaper(html: bytes, url: str) -> str:
    import newspaper

    article = newspaper.Article(url, fetch_images=False)
    article.download(input_html=html.decode("utf-8", "replace"))
    article.parse()
    return str(article.text or "")


def extractors() -> dict[str, Extractor]:
    tools: dict[str, Extractor] = {"newsclean": _newsclean}
    try:
        import readability  # noqa: F401

        tools["readability-lxml"] = _readability
    except ImportError:
        pass
    try:
        import trafilatura  # noqa: F401

        tools["trafilatura"] = _trafilatura(True)
        tools["trafilatura (no comments)"] = _trafilatura(False)
    except ImportError:
        pass
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import newspaper  # noqa: F401
        tools["newspaper4k"] = _newspaper
    except ImportError:
        pass
    return tools


# --- data sets ------------------------------------------------------------------------------


@dataclass
class Page:
    name: str
    url: str
    html: bytes
    truth: dict[str, Any] = field(default_factory=dict)


def wcxb_articles(root: Path, limit: int | None) -> Iterator[Page]:
    count = 0
    for gt_path in sorted((root / "ground-truth").glob("*.json")):
        gt = json.loads(gt_path.read_text(encoding="utf-8"))
        if gt.get("_internal", {}).get("page_type", {}).get("primary") != "article":
            continue
        html_path = root / "html" / f"{gt_path.stem}.html.gz"
        if not html_path.exists():
            continue
        yield Page(gt_path.stem, gt.get("url") or "", gzip.decompress(html_path.read_bytes()), gt)
        count += 1
        if limit and count >= limit:
            return


def _version_key(name: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", name))


def fundus_pages(root: Path, limit: int | None) -> Iterator[Page]:
    """Each publisher's pages sorted by crawl date pair with its parser versions in order."""
    count = 0
    for expected_path in sorted(root.glob("*/*.json")):
        publisher, country = expected_path.stem, expected_path.parent
        expected = json.loads(expected_path.read_text(encoding="utf-8"))
        meta_path = country / "meta.info"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        pages = sorted(country.glob(f"{publisher}_*.html.gz"))
        versions = sorted(expected, key=_version_key)
        for version, path in zip(versions, pages, strict=False):
            url = meta.get(path.name, {}).get("url", "")
            yield Page(f"{country.name}/{path.name}", url, gzip.decompress(path.read_bytes()), expected[version])
            count += 1
            if limit and count >= limit:
                return


# --- table printing -------------------------------------------------------------------------


def _table(headers: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# --- extraction -----------------------------------------------------------------------------


def run_extraction(pages: list[Page], tools: dict[str, Extractor], verbose: bool) -> str:
    scores: dict[str, list[PageScore]] = {name: [] for name in tools}
    seconds: dict[str, float] = dict.fromkeys(tools, 0.0)
    errors: dict[str, int] = dict.fromkeys(tools, 0)
    for page in pages:
        gt = page.truth["ground_truth"]
        for name, tool in tools.items():
            start = time.perf_counter()
            try:
                text = tool(page.html, page.url)
            except Exception as exc:  # a tool failing on a page scores it as empty
                errors[name] += 1
                text = ""
                if verbose:
                    print(f"{name} failed on {page.name}: {exc}", file=sys.stderr)
            seconds[name] += time.perf_counter() - start
            score = score_page(gt.get("main_content") or "", text, gt.get("without") or [])
            scores[name].append(score)
            if verbose and name == "newsclean":
                f1 = summarise([score]).f1
                print(f"{page.name} f1={f1:.3f} leak={score.leak} {page.url}", file=sys.stderr)
    base = seconds.get("trafilatura")
    rows = []
    for name in tools:
        t: Totals = summarise(scores[name])
        speed = len(pages) / seconds[name] if seconds[name] else 0.0
        ratio = f"{base / seconds[name]:.2f}x" if base and seconds[name] else "-"
        rows.append(
            [
                name,
                f"{t.precision:.3f}",
                f"{t.recall:.3f}",
                f"**{t.f1:.3f}**" if name == "newsclean" else f"{t.f1:.3f}",
                f"{t.leak:.3f}",
                str(t.empty),
                f"{speed:.0f}",
                ratio,
            ]
        )
    headers = ["extractor", "precision", "recall", "F1", "leak", "empty", "pages/s", "speed vs trafilatura"]
    return f"wcxb-dev articles: {len(pages)} pages\n\n" + _table(headers, rows)


# --- metadata -------------------------------------------------------------------------------


def _fold(text: Any) -> str:
    return re.sub(r"\s+", " ", str(text or "")).strip()


def _same_day(found: str | None, expected: str | None) -> bool:
    if not found or not expected:
        return False
    try:
        want = datetime.fromisoformat(expected)
        got = datetime.fromisoformat(found)
    except ValueError:
        return found[:10] == expected[:10]
    if got.tzinfo is not None and want.tzinfo is not None:
        got = got.astimezone(want.tzinfo)
    return got.date() == want.date()


def _same_authors(found: list[str], expected: list[str]) -> bool:
    return {_fold(a).casefold() for a in found if _fold(a)} == {_fold(a).casefold() for a in expected if _fold(a)}


def _meta_newsclean(page: Page) -> dict[str, Any]:
    record = clean_html(page.html, url=page.url)
    return {
        "headline": record.headline,
        "date": record.datePublished,
        "authors": [a.name for a in record.authors],
    }


def _meta_trafilatura(page: Page) -> dict[str, Any]:
    from trafilatura import extract_metadata

    doc = extract_metadata(page.html, default_url=page.url)
    if doc is None:
        return {"headline": None, "date": None, "authors": []}
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    return {"headline": doc.title, "date": doc.date, "authors": authors}


def _meta_newspaper(page: Page) -> dict[str, Any]:
    import newspaper

    article = newspaper.Article(page.url or "https://example.com/", fetch_images=False)
    article.download(input_html=page.html.decode("utf-8", "replace"))
    article.parse()
    date = article.publish_date.isoformat() if article.publish_date else None
    return {"headline": article.title, "date": date, "authors": list(article.authors)}


def _meta_htmldate(page: Page) -> dict[str, Any]:
    from htmldate import find_date

    return {"headline": None, "date": find_date(page.html, url=page.url, original_date=True), "authors": None}


def run_metadata(pages: list[Page]) -> str:
    tools: dict[str, Callable[[Page], dict[str, Any]]] = {"newsclean": _meta_newsclean}
    for name, fn, module in (
        ("trafilatura", _meta_trafilatura, "trafilatura"),
        ("newspaper4k", _meta_newspaper, "newspaper"),
        ("htmldate (date only)", _meta_htmldate, "htmldate"),
    ):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                __import__(module)
            tools[name] = fn
        except ImportError:
            continue
    hits = {name: [0, 0, 0] for name in tools}
    seconds = dict.fromkeys(tools, 0.0)
    for page in pages:
        for name, fn in tools.items():
            start = time.perf_counter()
            try:
                found = fn(page)
            except Exception:
                found = {"headline": None, "date": None, "authors": []}
            seconds[name] += time.perf_counter() - start
            hits[name][0] += _fold(found["headline"]) == _fold(page.truth.get("title"))
            hits[name][1] += _same_day(found["date"], page.truth.get("publishing_date"))
            if found["authors"] is not None:
                hits[name][2] += _same_authors(found["authors"], page.truth.get("authors") or [])
    n = len(pages) or 1
    rows = []
    for name in tools:
        h, d, a = hits[name]
        dash = name.startswith("htmldate")
        rows.append(
            [
                name,
                "-" if dash else f"{h / n:.3f}",
                f"{d / n:.3f}",
                "-" if dash else f"{a / n:.3f}",
                f"{len(pages) / seconds[name]:.0f}" if seconds[name] else "-",
            ]
        )
    headers = ["tool", "headline exact", "datePublished right day", "authors (same names)", "pages/s"]
    return f"fundus: {len(pages)} pages\n\n" + _table(headers, rows)


# --- plain text -----------------------------------------------------------------------------


def run_text(pages: list[Page]) -> str:
    rule_chain = CleanerChain(instances={"page_chrome": PageChrome(model=False)})
    raw: list[PageScore] = []
    by_rule: list[PageScore] = []
    cleaned: list[PageScore] = []
    seconds = {"rule": 0.0, "model": 0.0}
    for page in pages:
        gt = page.truth["ground_truth"]
        truth, without = gt.get("main_content") or "", gt.get("without") or []
        dump = visible_text(page.html)
        raw.append(score_page(truth, dump, without))
        start = time.perf_counter()
        body = clean_text(dump, url=page.url, chain=rule_chain).articleBody or ""
        seconds["rule"] += time.perf_counter() - start
        by_rule.append(score_page(truth, body, without))
        start = time.perf_counter()
        body = clean_text(dump, url=page.url).articleBody or ""
        seconds["model"] += time.perf_counter() - start
        cleaned.append(score_page(truth, body, without))
    rows = []
    for name, scores, timed in (
        ("raw dump", raw, None),
        ("newsclean clean_text, prose rule only", by_rule, "rule"),
        ("newsclean clean_text (line model)", cleaned, "model"),
    ):
        t = summarise(scores)
        speed = f"{len(pages) / seconds[timed]:.0f}" if timed and seconds[timed] else "-"
        figures = [f"{t.precision:.3f}", f"{t.recall:.3f}", f"{t.f1:.3f}", f"{t.leak:.3f}", str(t.empty)]
        rows.append([name, *figures, speed])
    headers = ["text", "precision", "recall", "F1", "leak", "empty", "pages/s"]
    note = (
        "\nThe line model was trained on these pages; its score on sites it never saw is printed by "
        "python -m benchmarks.train_page_chrome --no-write (5-fold cross-validation by site).\n"
    )
    return f"plain-text dumps of wcxb-dev articles: {len(pages)} pages\n\n" + _table(headers, rows) + note


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.quality", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each set")
    parser.add_argument("--only", default="extraction,metadata,text", help="comma-separated tables to run")
    parser.add_argument("--tools", default=None, help="comma-separated extractors (default: all installed)")
    parser.add_argument("-v", "--verbose", action="store_true", help="per-page newsclean scores on stderr")
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    wanted = {w.strip() for w in args.only.split(",") if w.strip()}
    data = args.data.resolve()
    if not data.is_dir():
        print(f"no data folder at {data}", file=sys.stderr)
        return 2
    if wanted & {"extraction", "text"}:
        articles = list(wcxb_articles(data / "wcxb-dev", args.limit))
    if "extraction" in wanted:
        tools = extractors()
        if args.tools:
            keep = {t.strip() for t in args.tools.split(",")}
            tools = {k: v for k, v in tools.items() if k in keep}
        print(run_extraction(articles, tools, args.verbose), end="\n\n", flush=True)
    if "metadata" in wanted:
        print(run_metadata(list(fundus_pages(data / "fundus", args.limit))), end="\n\n", flush=True)
    if "text" in wanted:
        print(run_text(articles), end="\n\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
