"""Fit the weights of the lines' words on top of the shipped line trees, and measure them.

    python -m benchmarks.train_line_words --cache /tmp/lines.pkl             # validate, then write
    python -m benchmarks.train_line_words --cache /tmp/lines.pkl --no-write  # validate only

The line trees (``benchmarks/train_page_chrome.py``) read a line's shape; this adds its words
(:class:`newsclean.cleaners.line_model.LineWords`): a logistic regression over the words and word
pairs of each line and of the lines above and below it (:func:`line_grams`, those seen on at
least ``MIN_SITES`` training sites), with the trees' log-odds as an input whose weight it fits
too. So that it learns what the trees get wrong on pages they never saw, the log-odds it is
fitted on are out of fold: each wcxb-dev page's come from trees trained, with ``PARAMS``, on the
other site-grouped folds. The words are weighed in only on pages most of whose words they know
(``GATE``): learnt from English pages, they say nothing on a German one.

Validation, whole ``clean_text`` chain, paired 95% bootstrap: wcxb-dev in the same site folds
(each fold's trees, with and without words fitted on the other folds: the log-odds those were
fitted on came from trees that saw the scored fold, a mild leak in the words' favour), dragnet
and fundus (never trained on) with the shipped trees, with and without the words. Writing keeps
the shipped trees as they are and puts the words beside them in ``page_chrome_model.json``.
Needs scikit-learn and SciPy (the ``bench`` extra) and the labelled lines of
``train_page_chrome`` (``--cache``, or about 20 minutes to make them).
"""

from __future__ import annotations

import argparse
import copy
import json
import logging
import pickle
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from newsclean.cleaners import page_chrome
from newsclean.cleaners.line_model import LineModel, LineWords, line_grams, load_model

from benchmarks import train_page_chrome as tpc

MIN_SITES = 5
"""A word (or pair, or mark) is weighed when it occurs on at least this many training sites."""
PENALTY = 3.0
"""L2 penalty on the word weights (lines weighed to a mean of 1); chosen on wcxb-dev's held-out
folds' line log-loss (3, 30 and 300 tried: 3 best)."""
GATE = 0.6
"""The share of a page's word tokens the weights must know for them to be used. The shares are
two-humped: 0.9 and more on English pages, under 0.5 on most others (fundus: 173 pages under
0.5, 84 over 0.6, 1 between)."""
CAP = 2.0
"""The most the words move a line's log-odds either way (``LineWords.cap``). Uncapped, the words
of one subject that several training sites share ("pet insurance") took a whole article away
from a page of that subject (wcxb-dev 4912, recall 0.98 -> 0.00 with the shipped trees); capped
at 2, the unseen collections move as uncapped (docs/quality.md)."""
FOLDS = 5


def _vocabulary(pages: Sequence[tpc.Sample], grams: dict[str, list[list[str]]]) -> list[str]:
    sites: dict[str, set[str]] = {}
    for s in pages:
        for gram in {g for line in grams[s.name] for g in line}:
            sites.setdefault(gram, set()).add(s.site)
    return sorted(g for g, where in sites.items() if len(where) >= MIN_SITES)


def _design(lines: list[list[str]], index: dict[str, int]) -> Any:
    """Rows of the lines' gram counts (over the square root of their known grams): the line's
    own, then at half weight the line above's and the line below's, each in a block of its own."""
    from scipy.sparse import csr_matrix

    size = len(index)
    known = [[index[g] for g in line if g in index] for line in lines]
    indptr, indices, data = [0], [], []
    for i in range(len(known)):
        cells: dict[int, float] = {}
        for block, j, scale in ((0, i, 1.0), (1, i - 1, 0.5), (2, i + 1, 0.5)):
            if 0 <= j < len(known) and known[j]:
                share = scale / len(known[j]) ** 0.5
                for g in known[j]:
                    cells[block * size + g] = cells.get(block * size + g, 0.0) + share
        indices += list(cells)
        data += list(cells.values())
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(known), 3 * size))


def _log_odds(model: LineModel, rows: Any) -> Any:
    return model._log_odds(np.asarray(rows))


def fit_words(pages: Sequence[tpc.Sample], grams: dict[str, list[list[str]]], trees: dict[str, Any]) -> dict[str, Any]:
    """The ``words`` section of a model file, fitted on ``pages``' labelled lines with the trees'
    log-odds ``trees`` (by page name), every page weighing the same."""
    from scipy.optimize import minimize
    from scipy.sparse import vstack

    vocabulary = _vocabulary(pages, grams)
    index = {g: i for i, g in enumerate(vocabulary)}
    xs, ts, ys, ws = [], [], [], []
    for s in pages:
        keep = [i for i, label in enumerate(s.labels) if label is not None]
        weights = tpc._weights(s)
        xs.append(_design(grams[s.name], index)[keep])
        ts.append(trees[s.name][keep])
        ys += [float(s.labels[i]) for i in keep]  # type: ignore[arg-type]
        ws += [weights[i] for i in keep]
    x, t, y, w = vstack(xs).tocsr(), np.concatenate(ts), np.asarray(ys), np.asarray(ws)
    w = w / w.mean()
    xt = x.T.tocsr()
    d = x.shape[1]

    def loss(p: Any) -> tuple[float, Any]:
        beta, a, b = p[:d], p[d], p[d + 1]
        z = t * (1 + a) + b + x @ beta
        value = float(np.sum(w * (np.logaddexp(0, z) - y * z)) + 0.5 * PENALTY * beta @ beta)
        r = w * (1 / (1 + np.exp(-z)) - y)
        return value, np.concatenate([xt @ r + PENALTY * beta, [r @ t, r.sum()]])

    p = minimize(loss, np.zeros(d + 2), jac=True, method="L-BFGS-B", options={"maxiter": 300}).x
    return {
        "grams": vocabulary,
        "weights": [round(float(v), 5) for v in p[:d]],
        "scale": round(1 + float(p[d]), 6),
        "bias": round(float(p[d + 1]), 6),
        "gate": GATE,
        "cap": CAP,
        "trained_on": f"wcxb-dev articles, {len(pages)} pages; trees' log-odds from {FOLDS} site folds",
    }


def with_words(trees: LineModel, words: dict[str, Any]) -> LineModel:
    """``trees`` with ``words`` weighed in (a copy; ``trees`` is left as it is)."""
    model = copy.copy(trees)
    model.words = LineWords(words)
    return model


def _paired(name: str, before: list[Any], after: list[Any]) -> str:
    from benchmarks.quality import paired_delta
    from benchmarks.scoring import summarise

    delta, low, high = paired_delta(before, after)
    a, b = summarise(before), summarise(after)
    return (
        f"| {name} | {len(before)} | {a.f1:.4f} | {b.f1:.4f} | {delta:+.4f} ({low:+.4f} to {high:+.4f}) "
        f"| {a.precision:.3f} -> {b.precision:.3f} | {a.recall:.3f} -> {b.recall:.3f} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.train_line_words", description=__doc__.split("\n")[0])
    parser.add_argument("--cache", type=Path, default=None, help="train_page_chrome's labelled lines (pickle)")
    parser.add_argument("--data", type=Path, default=tpc.DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--seed", type=int, default=0, help="random_state of the fold trees (default 0)")
    parser.add_argument("--no-validate", action="store_true", help="fit and write only")
    parser.add_argument("--no-write", action="store_true", help="validate only; keep the shipped model file")
    args = parser.parse_args(argv)
    logging.disable(logging.CRITICAL)
    started = time.perf_counter()
    if args.cache and args.cache.is_file():
        import __main__

        __main__.Sample = tpc.Sample  # type: ignore[attr-defined]  # the pickle names its class so
        pages = pickle.loads(args.cache.read_bytes())
    else:
        pages = tpc.samples(args.data.resolve(), None)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(pages))
    wcxb = [s for s in pages if s.collection == tpc.SHIPPED_ON]
    grams = {s.name: [line_grams(t) for t in s.texts] for s in pages}
    sites = sorted({s.site for s in wcxb})
    fold_of = {s.name: sites.index(s.site) % FOLDS for s in wcxb}
    tpc.PARAMS["random_state"] = args.seed
    fold_trees = {}
    for k in range(FOLDS):
        train = [s for s in wcxb if fold_of[s.name] != k]
        fold_trees[k] = LineModel(tpc.export(tpc._fit(train), len(train)))
    oof = {s.name: _log_odds(fold_trees[fold_of[s.name]], s.rows) for s in wcxb}
    print(f"fold trees and their log-odds: {time.perf_counter() - started:.0f} s", flush=True)
    words = fit_words(wcxb, grams, oof)
    print(f"words fitted: {len(words['grams'])} grams, {time.perf_counter() - started:.0f} s", flush=True)
    if not args.no_validate:
        print("| scored on | pages | trees | trees and words | change (95%) | precision | recall |")
        print("| --- | --- | --- | --- | --- | --- | --- |")
        shipped = load_model()
        for collection in ("dragnet", "fundus"):
            test = [s for s in pages if s.collection == collection]
            before = tpc._scored(test, page_chrome.PageChrome(model=shipped))
            after = tpc._scored(test, page_chrome.PageChrome(model=with_words(shipped, words)))
            print(_paired(f"{collection} (shipped trees)", before, after), flush=True)
        before, after = [], []
        for k in range(FOLDS):
            train = [s for s in wcxb if fold_of[s.name] != k]
            test = [s for s in wcxb if fold_of[s.name] == k]
            fold_words = with_words(fold_trees[k], fit_words(train, grams, oof))
            before += tpc._scored(test, page_chrome.PageChrome(model=fold_trees[k]))
            after += tpc._scored(test, page_chrome.PageChrome(model=fold_words))
        print(_paired(f"{tpc.SHIPPED_ON} (site folds)", before, after), flush=True)
    if not args.no_write:
        spec = json.loads(tpc.OUT.read_text(encoding="utf-8"))
        spec["words"] = words
        tpc.OUT.write_text(json.dumps(spec, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote the words into {tpc.OUT} ({tpc.OUT.stat().st_size // 1024} KiB)")
    print(f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
