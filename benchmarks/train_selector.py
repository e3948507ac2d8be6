"""Train the main-content selector (``cleaners/selector_model.json``) and validate it across
collections.

For every page of wcxb-dev (articles), dragnet and the fundus bodies, newsclean extracts the
page twice, with its scorer alone and with readability-lxml's candidate, scores both records'
text against the truth (4-word shingles, as ``benchmarks.quality``) and keeps the selector's
features (:mod:`newsclean.cleaners.selector`). Two logistic regressions learn from them:

- the gate, on the scorer's own measurements: is its choice unsure (readability-lxml's
  candidate scores better)? Only then is readability-lxml run;
- the selector, on both candidates: take readability-lxml's candidate?

Each page weighs by how much the choice matters on it (the F1 difference of the two
candidates). Validation is leave-one-collection-out: train on two collections, score the
third, with every site of the third left out of training (grouped by site). The shipped model
is trained on all three.

Run from the project root::

    python -m benchmarks.train_selector                 # measure, validate, write the model
    python -m benchmarks.train_selector --limit 100     # a quick subset (no model written)
    python -m benchmarks.train_selector --no-write      # validate only

The per-page rows are cached in ``.bench-cache/`` by the hash of newsclean's extraction source
(the model file excluded), so retraining alone does not extract again.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import json
import re
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsclean.cleaners.api import build_record
from newsclean.cleaners.decoding import decode_html
from newsclean.cleaners.document import Block, BlockKind
from newsclean.cleaners.html import extract_html
from newsclean.cleaners.selector import (
    CHEAP_FEATURES,
    FULL_FEATURES,
    MODEL_FILE,
    Evidence,
    LogisticModel,
    Model,
    TreeModel,
    cheap_features,
    full_features,
)

from benchmarks.quality import CACHE, DATA, Page, dragnet_pages, fundus_bodies, wcxb_articles
from benchmarks.scoring import PageScore, score_page, summarise
from benchmarks.trees import baseline, tree_arrays

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "cleaners" / MODEL_FILE

LOADERS = {"wcxb-dev": wcxb_articles, "dragnet": dragnet_pages, "fundus": fundus_bodies}
COLLECTIONS = tuple(LOADERS)

GATE_MAX_RUN = 0.35
"""The gate's threshold is the one that scores best on the training pages among those that run
readability-lxml on at most this share of them; of thresholds that score alike (within 0.0001), the
one that runs it least (a threshold of 1 never runs it)."""

MIN_GAIN = 0.0
C = 1.0
"""The logistic regressions' inverse regularisation strength."""


def _source_hash() -> str:
    import newsclean.cleaners

    digest = hashlib.sha256()
    for path in sorted(Path(newsclean.cleaners.__file__).parent.glob("*")):
        if path.suffix in (".py", ".json") and path.name != MODEL_FILE:
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def site_of(url: str, name: str) -> str:
    host = urlsplit(url).hostname or ""
    host = host.removeprefix("www.")
    return host or name.split("/")[0]


def _text(html: str, url: str, main_content: str, probe: dict[str, Any] | None = None) -> str:
    doc = extract_html(html, url=url or None, main_content=main_content, probe=probe)
    return build_record(doc).articleBody or ""


def measure(page: Page) -> dict[str, Any] | None:
    """One page's row: features, both candidates' scores, and the time each took."""
    html = decode_html(page.html)
    probe: dict[str, Any] = {}
    start = time.perf_counter()
    try:
        own = _text(html, page.url, "scorer", probe)
        mid = time.perf_counter()
        other = _text(html, page.url, "readability")
    except Exception as exc:  # a page newsclean cannot extract is reported, not trained on
        print(f"{page.name}: {exc}", file=sys.stderr)
        return None
    end = time.perf_counter()
    if "full" not in probe:
        return None  # a site profile or the whole-page fallback: no choice to make
    s, r = score_page(page.text, own, page.without), score_page(page.text, other, page.without)
    evidence = probe["evidence"]
    ld = score_page(page.text, evidence.ld_body, page.without) if evidence.ld_body else None
    return {
        "name": page.name,
        "site": site_of(page.url, page.name),
        "features": probe["full"],
        "evidence": dataclasses.asdict(evidence),
        "blocks": [[b.text, str(b.kind)] for b in probe["blocks"]],
        "other_blocks": [[b.text, str(b.kind)] for b in probe["other"]],
        "scorer": [s.tp, s.fp, s.fn, s.leak, s.empty],
        "readability": [r.tp, r.fp, r.fn, r.leak, r.empty],
        "ld": [ld.tp, ld.fp, ld.fn, ld.leak, ld.empty] if ld else None,
        "seconds": [mid - start, end - mid],
    }


def rows_for(collection: str, data: Path, limit: int | None, refresh: bool) -> list[dict[str, Any]]:
    suffix = f"-{limit}" if limit else ""
    cache = CACHE / f"selector-rows-{collection}-{_source_hash()}{suffix}.json.gz"
    if not cache.exists() and not refresh:
        # Rows from an earlier source: their scores may be a little off, the features are
        # computed afresh from the blocks they keep (a change of features needs no re-run).
        name = re.compile(rf"selector-rows-{re.escape(collection)}-[0-9a-f]{{16}}{suffix}\.json\.gz")
        older = sorted(
            (p for p in CACHE.glob("selector-rows-*.json.gz") if name.fullmatch(p.name)),
            key=lambda p: p.stat().st_mtime,
        )
        if older:
            print(f"{collection}: rows of an earlier source ({older[-1].name}); --refresh to extract again")
            cache = older[-1]
    if cache.exists() and not refresh:
        return [_refeature(row) for row in json.loads(gzip.decompress(cache.read_bytes()))]
    rows = []
    folder = {"wcxb-dev": "wcxb-dev", "dragnet": "dragnet", "fundus": "fundus"}[collection]
    for i, page in enumerate(LOADERS[collection](data / folder, limit), 1):
        row = measure(page)
        if row is not None:
            rows.append(row)
        if i % 200 == 0:
            print(f"  {collection}: {i} pages", file=sys.stderr)
    CACHE.mkdir(exist_ok=True)
    cache.write_bytes(gzip.compress(json.dumps(rows).encode()))
    return rows


def _blocks(pairs: Sequence[Sequence[str]]) -> list[Block]:
    return [Block(text, BlockKind(kind)) for text, kind in pairs]


def _refeature(row: dict[str, Any]) -> dict[str, Any]:
    """The row with its features computed by the selector's code as it is now."""
    evidence = Evidence(**row["evidence"])
    blocks, other = _blocks(row["blocks"]), _blocks(row["other_blocks"])
    row["features"] = full_features(cheap_features(evidence, blocks), evidence, blocks, other)
    return row


# --- models ---------------------------------------------------------------------------------


def _gain(row: dict[str, Any]) -> float:
    return _f1(row["readability"]) - _f1(row["scorer"])


def _f1(score: Sequence[Any]) -> float:
    tp, fp, fn = score[0], score[1], score[2]
    return 2 * tp / (2 * tp + fp + fn) if tp else (1.0 if fp == fn == 0 else 0.0)


def _weights(rows: Sequence[dict[str, Any]]) -> Any:
    """Each page weighs by how much better or worse readability-lxml's candidate is on it, and
    each collection weighs the same in all (dragnet's 1377 pages would otherwise decide)."""
    import numpy as np

    gains = np.abs([_gain(row) for row in rows])
    totals: dict[str, float] = {}
    for row, g in zip(rows, gains, strict=True):
        totals[row.get("collection", "")] = totals.get(row.get("collection", ""), 0.0) + g
    share = np.array([totals[row.get("collection", "")] or 1.0 for row in rows])
    return gains / share * len(rows) / len(totals)


def fit(rows: Sequence[dict[str, Any]], features: Sequence[str], threshold: float = 0.5) -> LogisticModel:
    """A logistic regression of "readability-lxml's candidate is the better" (see
    :func:`_weights`)."""
    import numpy as np
    from sklearn.linear_model import LogisticRegression

    x = np.array([[row["features"][f] for f in features] for row in rows], dtype=float)
    gains = np.array([_gain(row) for row in rows])
    weights = _weights(rows)
    keep = np.abs(gains) > MIN_GAIN
    x, gains, weights = x[keep], gains[keep], weights[keep]
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    model = LogisticRegression(C=C, max_iter=2000)
    model.fit((x - mean) / scale, gains > 0, sample_weight=weights)
    return LogisticModel(
        tuple(features),
        tuple(float(v) for v in mean),
        tuple(float(v) for v in scale),
        tuple(float(v) for v in model.coef_[0]),
        float(model.intercept_[0]),
        threshold,
    )


TREE_PARAMS: dict[str, Any] = {"max_iter": 100, "max_depth": 3, "learning_rate": 0.1, "random_state": 0}
"""The selector's gradient boosting settings (scikit-learn ``HistGradientBoostingClassifier``)."""

SELECT_KIND = "logistic"
GATE_KIND = "logistic"


def fit_trees(rows: Sequence[dict[str, Any]], features: Sequence[str], threshold: float = 0.5) -> TreeModel:
    """A small gradient-boosted tree ensemble of "readability-lxml's candidate is the better",
    each page weighed as in :func:`fit`."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    x = np.array([[row["features"][f] for f in features] for row in rows], dtype=float)
    gains = np.array([_gain(row) for row in rows])
    keep = np.abs(gains) > MIN_GAIN
    model = HistGradientBoostingClassifier(**TREE_PARAMS)
    model.fit(x[keep], gains[keep] > 0, sample_weight=_weights(rows)[keep])
    trees = tree_arrays(model)
    return TreeModel(tuple(features), baseline(model), tuple(trees), threshold)


def _fit(kind: str, rows: Sequence[dict[str, Any]], features: Sequence[str]) -> Model:
    return fit_trees(rows, features) if kind == "trees" else fit(rows, features)


def _picked(rows: Sequence[dict[str, Any]], gate: Model, select: Model) -> tuple[list[bool], int]:
    """Per page, whether readability-lxml's candidate is taken; and how many pages ran it."""
    ran = 0
    out = []
    for row in rows:
        f = row["features"]
        check = gate.probability(f) >= gate.threshold
        ran += check
        out.append(check and f["r_empty"] < 0.5 and select.probability(f) >= select.threshold)
    return out, ran


def _mean_f1(rows: Sequence[dict[str, Any]], picked: Sequence[bool]) -> float:
    return summarise(_scores(rows, picked)).f1


def _scores(rows: Sequence[dict[str, Any]], picked: Sequence[bool]) -> list[PageScore]:
    out = []
    for row, take in zip(rows, picked, strict=True):
        tp, fp, fn, leak, empty = row["readability" if take else "scorer"]
        out.append(PageScore(tp, fp, fn, leak, bool(empty)))
    return out


def train(rows: Sequence[dict[str, Any]]) -> tuple[Model, Model]:
    """The gate and the selector, the gate's threshold tuned on ``rows`` themselves."""
    select = _fit(SELECT_KIND, rows, FULL_FEATURES)
    gate = _fit(GATE_KIND, rows, CHEAP_FEATURES)
    # From the threshold that never runs readability-lxml down to the one that runs it on
    # GATE_MAX_RUN of the pages: a lower threshold (more runs, each as slow as the rest of the
    # extraction) is taken only for a gain in F1.
    best = (_mean_f1(rows, [False] * len(rows)), 1.0)
    probs = sorted(gate.probability(row["features"]) for row in rows)
    for q in range(99, 99 - int(GATE_MAX_RUN * 100), -1):
        t = probs[min(len(probs) - 1, q * len(probs) // 100)]
        picked, _ = _picked(rows, dataclasses.replace(gate, threshold=t), select)
        f1 = _mean_f1(rows, picked)
        if f1 > best[0] + 1e-4:
            best = (f1, t)
    return dataclasses.replace(gate, threshold=best[1]), select


def cross_collection(by_collection: dict[str, list[dict[str, Any]]]) -> list[dict[str, Any]]:
    """Train on every collection but one (minus the sites it shares with that one), score it."""
    from benchmarks.quality import f1_spread, paired_delta

    out = []
    for test in by_collection:
        rows = by_collection[test]
        sites = {row["site"] for row in rows}
        train_rows = [
            row for name, rs in by_collection.items() if name != test for row in rs if row["site"] not in sites
        ]
        gate, select = train(train_rows)
        picked, ran = _picked(rows, gate, select)
        choices = {
            "scorer": [False] * len(rows),
            "readability": [True] * len(rows),
            "selector": picked,
            "oracle": [_gain(row) > 0 for row in rows],
        }
        figures: dict[str, Any] = {}
        for name, pick in choices.items():
            scores = _scores(rows, pick)
            figures[name] = (summarise(scores).f1, *f1_spread(scores))
        delta = paired_delta(_scores(rows, choices["scorer"]), _scores(rows, picked))
        out.append(
            {
                "delta": delta,
                "train": "+".join(n for n in by_collection if n != test),
                "test": test,
                "pages": len(rows),
                "train_pages": len(train_rows),
                "ran": ran / len(rows) if rows else 0.0,
                "taken": sum(picked) / len(rows) if rows else 0.0,
                **figures,
            }
        )
    return out


def cross_collection_table(results: Sequence[dict[str, Any]]) -> str:
    lines = [
        "| trained on | scored on | pages | scorer alone | readability-lxml's candidate | selector "
        "| selector - scorer (paired) | oracle | readability run | taken |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        cells = [f"{r[k][0]:.4f} ({r[k][1]:.3f}-{r[k][2]:.3f})" for k in ("scorer", "readability", "selector")]
        lines.append(
            f"| {r['train']} | {r['test']} | {r['pages']} | {' | '.join(cells)} "
            f"| {r['delta'][0]:+.4f} ({r['delta'][1]:+.4f} to {r['delta'][2]:+.4f}) | {r['oracle'][0]:.4f} "
            f"| {r['ran']:.0%} | {r['taken']:.0%} |"
        )
    return "\n".join(lines)


def shipped_table(gate: Model, select: Model, by_collection: dict[str, list[dict[str, Any]]]) -> str:
    """The model trained on every collection, on each (seen) collection: how often it runs
    readability-lxml and takes its candidate, and the F1 against the scorer alone."""
    lines = [
        "| collection | pages | scorer alone | selector | readability run | taken |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for name, rows in by_collection.items():
        picked, ran = _picked(rows, gate, select)
        own = _mean_f1(rows, [False] * len(rows))
        lines.append(
            f"| {name} | {len(rows)} | {own:.4f} | {_mean_f1(rows, picked):.4f} | {ran / len(rows):.0%} "
            f"| {sum(picked) / len(rows):.0%} |"
        )
    return "\n".join(lines)


def export(
    gate: Model,
    select: Model,
    by_collection: dict[str, list[dict[str, Any]]],
    table: list[dict[str, Any]],
) -> None:
    data = {
        "trained_on": ", ".join(f"{name} ({len(rows)} pages)" for name, rows in by_collection.items()),
        "trainer": "benchmarks/train_selector.py",
        "gate": gate.to_json(),
        "select": select.to_json(),
        "cross_collection": table,
        "shipped": shipped_table(gate, select, by_collection),
    }
    OUT.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def selector_tables() -> str:
    """The shipped model's tables as measured when it was trained ("" without a model)."""
    try:
        data = json.loads(OUT.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return ""
    rows = data.get("cross_collection")
    if not rows:
        return ""
    return (
        "Main-content selector (newsclean's scorer or readability-lxml's candidate), on a collection it "
        "never saw (trained on the other two minus the sites they share with it; F1 with its 95% "
        "bootstrap spread), as measured when the shipped model was trained:\n\n"
        + cross_collection_table(rows)
        + "\n\nThe shipped model (trained on all three) on each:\n\n"
        + data.get("shipped", "")
    )


def load_rows(
    data: Path, limit: int | None, refresh: bool = False, collections: Sequence[str] = COLLECTIONS
) -> dict[str, list[dict[str, Any]]]:
    out = {name: rows_for(name, data, limit, refresh) for name in collections if (data / name).exists()}
    for name, rows in out.items():
        for row in rows:
            row["collection"] = name
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.train_selector", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each collection")
    parser.add_argument("--no-write", action="store_true", help="validate only; keep the shipped model")
    parser.add_argument("--refresh", action="store_true", help="extract again even when the rows are cached")
    parser.add_argument(
        "--collections", default=",".join(COLLECTIONS), help="comma-separated collections (default: all three)"
    )
    args = parser.parse_args(argv)
    by_collection = load_rows(args.data, args.limit, args.refresh, args.collections.split(","))
    if len(by_collection) < 2:
        print(f"{args.data}: fewer than two collections found; nothing to validate", file=sys.stderr)
        return 1
    table = cross_collection(by_collection)
    print(cross_collection_table(table))
    seconds = [row["seconds"] for rows in by_collection.values() for row in rows]
    own, other = sum(s[0] for s in seconds), sum(s[1] for s in seconds)
    print(f"\nextraction with the scorer: {own:.0f} s; with readability-lxml's candidate: {other:.0f} s")
    if not args.no_write and not args.limit:
        everything = [row for rows in by_collection.values() for row in rows]
        gate, select = train(everything)
        export(gate, select, by_collection, table)
        print(shipped_table(gate, select, by_collection))
        print(f"wrote {OUT.relative_to(ROOT)} (gate threshold {gate.threshold:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
