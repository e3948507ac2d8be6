"""Train the line model that ``page_chrome`` uses on text dumps, and measure it on unseen sites.

    python -m benchmarks.train_page_chrome            # cross-validate, then write the model
    python -m benchmarks.train_page_chrome --no-write # cross-validate only

Each wcxb-dev article page becomes a text dump (``benchmarks.textdump``), goes through the
cleaners that run before ``page_chrome``, and each remaining line is labelled as the article's
when most of its 4-word shingles (or, for a short line, its words in order) occur in the page's
ground truth. Lines are weighted so that every page counts the same, as the F1 does.

The score printed is the benchmark's own (4-word-shingle F1 of `clean_text`'s body), measured with
5-fold cross-validation grouped by site: no page of a site is scored by a model that saw a page
of that site. It is the figure to expect on pages the model was not trained on; the full
benchmark (``python -m benchmarks.quality --only text``) scores the shipped model, trained on
all pages, and is higher. Needs scikit-learn (the ``bench`` extra).
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsclean.cleaners import clean_text, page_chrome
from newsclean.cleaners.chain import CleanerChain
from newsclean.cleaners.line_model import FEATURE_NAMES, MODEL_FILE, LineModel, line_features
from newsclean.cleaners.text import extract_text

from benchmarks.quality import DATA, wcxb_articles
from benchmarks.scoring import SHINGLE, score_page, summarise
from benchmarks.textdump import visible_text

OUT = Path(__file__).resolve().parent.parent / "cleaners" / MODEL_FILE
_TOKEN = re.compile(r"\w+")

PARAMS: dict[str, Any] = {"max_iter": 200, "max_depth": 6, "learning_rate": 0.1, "random_state": 0}
"""Gradient boosting settings (scikit-learn ``HistGradientBoostingClassifier``)."""


@dataclass
class Sample:
    name: str
    site: str
    url: str
    dump: str
    texts: list[str]
    labels: list[bool | None]
    rows: list[list[float]]
    truth: str
    without: list[str]


def _truth_index(truth: str) -> tuple[set[tuple[str, ...]], str]:
    tokens = _TOKEN.findall(truth)
    return set(_shingle_list(tokens)), " " + " ".join(tokens) + " "


def _shingle_list(tokens: list[str]) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)]


def _label(line: str, index: tuple[set[tuple[str, ...]], str]) -> bool | None:
    shingles, joined = index
    tokens = _TOKEN.findall(line)
    if not tokens:
        return None
    if len(tokens) < SHINGLE:
        return (" " + " ".join(tokens) + " ") in joined
    own = _shingle_list(tokens)
    return sum(s in shingles for s in own) >= 0.5 * len(own)


def samples(data: Path, limit: int | None) -> list[Sample]:
    before = CleanerChain({"page_chrome": None, "repeats": None, "site-memory": None})
    out = []
    for page in wcxb_articles(data / "wcxb-dev", limit):
        gt = page.truth["ground_truth"]
        dump = visible_text(page.html)
        doc, _ = before.run(extract_text(dump, url=page.url))
        texts = [b.text for b in doc.blocks]
        index = _truth_index(gt.get("main_content") or "")
        run = page_chrome.rule_run(doc) if len(texts) >= page_chrome.MIN_LINES else (0, len(texts) - 1)
        out.append(
            Sample(
                page.name,
                urlsplit(page.url).hostname or page.name,
                page.url,
                dump,
                texts,
                [_label(t, index) for t in texts],
                line_features(texts, page.url, run),
                gt.get("main_content") or "",
                gt.get("without") or [],
            )
        )
    return out


def _weights(sample: Sample) -> list[float]:
    total = sum(len(t.split()) + 1 for t in sample.texts) or 1
    return [(len(t.split()) + 1) / total for t in sample.texts]


def _fit(train: Sequence[Sample]) -> Any:
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    x, y, w = [], [], []
    for s in train:
        for row, label, weight in zip(s.rows, s.labels, _weights(s), strict=True):
            if label is not None:
                x.append(row)
                y.append(int(label))
                w.append(weight * 1000)
    model = HistGradientBoostingClassifier(**PARAMS)
    model.fit(np.asarray(x), np.asarray(y), sample_weight=np.asarray(w))
    return model


def export(model: Any, pages: int) -> dict[str, Any]:
    """The fitted ensemble as plain arrays (the format :class:`LineModel` reads)."""
    import numpy as np

    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        trees.append(
            {
                "feature": [int(v) for v in nodes["feature_idx"]],
                "threshold": [float(v) for v in nodes["num_threshold"]],
                "left": [int(v) for v in nodes["left"]],
                "right": [int(v) for v in nodes["right"]],
                "value": [round(float(v), 6) for v in nodes["value"]],
                "leaf": [bool(v) for v in nodes["is_leaf"]],
                "depth": int(nodes["depth"].max()),
            }
        )
    return {
        "features": FEATURE_NAMES,
        "baseline": float(np.ravel(model._baseline_prediction)[0]),
        "trees": trees,
        "meta": {"trained_on": f"wcxb-dev articles, {pages} pages", "params": PARAMS},
    }


def _body(sample: Sample, cleaner: page_chrome.PageChrome) -> str:
    chain = CleanerChain({"site-memory": None}, instances={"page_chrome": cleaner})
    return clean_text(sample.dump, url=sample.url, chain=chain).articleBody or ""


def cross_validate(all_samples: list[Sample], folds: int) -> tuple[Any, Any]:
    """Scores of ``clean_text`` (the whole cleaner chain, as the benchmark runs it) with a model
    trained on the other folds' sites, and with the prose-density rule alone."""
    sites = sorted({s.site for s in all_samples})
    fold_of = {site: i % folds for i, site in enumerate(sites)}
    rule = page_chrome.PageChrome(model=False)
    learned, by_rule = [], []
    for fold in range(folds):
        train = [s for s in all_samples if fold_of[s.site] != fold]
        test = [s for s in all_samples if fold_of[s.site] == fold]
        cleaner = page_chrome.PageChrome(model=LineModel(export(_fit(train), len(train))))
        for s in test:
            learned.append(score_page(s.truth, _body(s, cleaner), s.without))
            by_rule.append(score_page(s.truth, _body(s, rule), s.without))
    return summarise(learned), summarise(by_rule)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.train_page_chrome", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N article pages")
    parser.add_argument("--folds", type=int, default=5, help="cross-validation folds, grouped by site (default 5)")
    parser.add_argument("--no-write", action="store_true", help=f"cross-validate only; keep the shipped {MODEL_FILE}")
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("scikit-learn is needed to train: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    data = args.data.resolve()
    if not (data / "wcxb-dev").is_dir():
        print(f"no wcxb-dev data under {data}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    all_samples = samples(data, args.limit)
    lines = sum(len(s.texts) for s in all_samples)
    print(f"{len(all_samples)} pages, {lines} lines, {len({s.site for s in all_samples})} sites")
    if args.folds > 1:
        learned, rule = cross_validate(all_samples, args.folds)
        print(f"clean_text on text dumps, {args.folds}-fold cross-validation by site (4-word-shingle scores):")
        print("| page_chrome | precision | recall | F1 | leak |\n| --- | --- | --- | --- | --- |")
        for name, t in (("prose-density rule alone", rule), ("line model (unseen sites)", learned)):
            print(f"| {name} | {t.precision:.3f} | {t.recall:.3f} | {t.f1:.3f} | {t.leak:.3f} |")
    if not args.no_write:
        spec = export(_fit(all_samples), len(all_samples))
        OUT.write_text(json.dumps(spec, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB, {len(spec['trees'])} trees)")
    print(f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
