"""Train the line model that ``page_chrome`` uses on text dumps, and measure it on unseen pages.

    python -m benchmarks.train_page_chrome            # validate, then write the model
    python -m benchmarks.train_page_chrome --no-write # validate only
    python -m benchmarks.train_page_chrome --record-table --folds 0
                                                      # measure the shipped model's table again

Every page of the three collections in ``../shared/data`` (wcxb-dev articles, dragnet, fundus)
becomes a text dump (``benchmarks.textdump``), goes through the cleaners that run before
``page_chrome``, and each remaining line is labelled as the article's when most of its 4-word
shingles (or, for a short line, its words in order) occur in the page's ground truth. Lines are
weighted so that every page counts the same, as the F1 does.

The scores printed are the benchmark's own (4-word-shingle F1 of ``clean_text``'s body) on pages
the model never saw, measured two ways:

- across collections: for each collection, a model trained on the other two scores it (a
  collection is another year, other sites and another ground-truth convention, the closest
  stand-in here for the pages users crawl);
- across sites: 5-fold cross-validation over all pages grouped by site (no page of a site is
  scored by a model that saw a page of that site).

With ``--teacher COLLECTION,...`` those collections' pages are trained on too, each line labelled
by whether newsclean's own HTML extraction of the page keeps it (:func:`teacher_labels`: no ground
truth, so no collection's convention), and :func:`teacher_validation` scores every collection
with models that never saw its sites nor its teacher labels.

The written model is trained on all pages, and the cross-collection table goes into its
``meta`` so that ``python -m benchmarks.quality`` can print it next to the shipped model's
scores. Needs scikit-learn (the ``bench`` extra).
"""

from __future__ import annotations

import argparse
import json
import logging
import pickle
import re
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from newsclean.cleaners import InputError, clean_html, clean_text, page_chrome
from newsclean.cleaners.chain import CleanerChain
from newsclean.cleaners.decoding import DecodeError, decode_html
from newsclean.cleaners.line_model import FEATURE_NAMES, MODEL_FILE, LineModel, line_features, load_model
from newsclean.cleaners.text import extract_text

from benchmarks.quality import DATA, dragnet_pages, fundus_pages, wcxb_articles
from benchmarks.scoring import SHINGLE, PageScore, Totals, score_page, summarise
from benchmarks.textdump import visible_text
from benchmarks.trees import baseline, tree_arrays

OUT = Path(__file__).resolve().parent.parent / "cleaners" / MODEL_FILE
_TOKEN = re.compile(r"\w+")

PARAMS: dict[str, Any] = {"max_iter": 200, "max_depth": 6, "learning_rate": 0.1, "random_state": 0}
"""Gradient boosting settings (scikit-learn ``HistGradientBoostingClassifier``)."""


COLLECTIONS = ("wcxb-dev", "dragnet", "fundus")
"""The collections trained and validated on, in the order the tables list them."""

SHIPPED_ON = "wcxb-dev"
"""The collection the shipped model is trained on (docs/quality.md says why not all three)."""


@dataclass
class Sample:
    collection: str
    name: str
    site: str
    url: str
    dump: str
    texts: list[str]
    labels: list[bool | None]
    rows: Any
    truth: str
    without: list[str]
    teacher: list[bool | None] | None = None
    """The lines labelled by newsclean's own HTML extraction of the page (:func:`teacher_labels`);
    ``None`` until :func:`teach` runs, ``[]`` when the extraction gave nothing to learn from."""


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


@dataclass
class Truth:
    """One page of a collection: its HTML and the text a person marked as the article."""

    name: str
    url: str
    html: bytes
    text: str
    without: list[str]


def _wcxb(root: Path, limit: int | None) -> Iterator[Truth]:
    for page in wcxb_articles(root, limit):
        gt = page.truth["ground_truth"]
        yield Truth(page.name, page.url, page.html, gt.get("main_content") or "", gt.get("without") or [])


def _dragnet(root: Path, limit: int | None) -> Iterator[Truth]:
    """Dragnet's pages (both splits) as the extraction benchmark reads them: its ground truth
    includes headline, dateline and captions; the gold files' comments marker, left in a few
    pages' ``articleBody``, splits the text from the reader comments, and the comments' longer
    lines are what must not appear (:func:`benchmarks.quality.dragnet_pages`)."""
    count = 0
    for page in dragnet_pages(root, None):
        if not page.text.strip():
            continue
        yield Truth(f"dragnet/{page.name}", page.url, page.html, page.text, page.without)
        count += 1
        if limit and count >= limit:
            return


def _fundus_body(expected: dict[str, Any]) -> str:
    body = expected.get("body") or {}
    parts = list(body.get("summary") or [])
    for section in body.get("sections") or []:
        parts += list(section.get("headline") or []) + list(section.get("paragraphs") or [])
    return "\n\n".join(p for p in parts if p)


def _fundus(root: Path, limit: int | None) -> Iterator[Truth]:
    for page in fundus_pages(root, None):
        text = _fundus_body(page.truth)
        if text.strip():
            yield Truth(page.name, page.url, page.html, text, [])
            if limit:
                limit -= 1
                if not limit:
                    return


LOADERS = {"wcxb-dev": _wcxb, "dragnet": _dragnet, "fundus": _fundus}


def _site(url: str, name: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or name


def samples(data: Path, limit: int | None, collections: Sequence[str] = COLLECTIONS) -> list[Sample]:
    out = []
    for collection in collections:
        folder = data / collection
        if not folder.is_dir():
            print(f"no {collection} data under {data}: left out", file=sys.stderr)
            continue
        for page in LOADERS[collection](folder, limit):
            try:
                out.append(sample(collection, page))
            except Exception as exc:  # a page that cannot be dumped is reported and left out
                print(f"{page.name}: no text dump ({type(exc).__name__}: {exc})", file=sys.stderr)
    return out


def sample(collection: str, page: Truth) -> Sample:
    """``page``'s text dump, its lines as ``page_chrome`` sees them (after the cleaners that run
    before it), their features, and each line labelled by the page's ground truth."""
    try:
        html = decode_html(page.html)
    except DecodeError:
        html = page.html.decode("utf-8", "replace")  # as a browser shows a broken page
    dump = visible_text(html)
    doc, _ = _BEFORE.run(extract_text(dump, url=page.url))
    texts = [b.text for b in doc.blocks]
    index = _truth_index(page.text)
    run = page_chrome.rule_run(doc) if len(texts) >= page_chrome.MIN_LINES else (0, len(texts) - 1)
    return Sample(
        collection,
        page.name,
        _site(page.url, page.name),
        page.url,
        dump,
        texts,
        [_label(t, index) for t in texts],
        line_features(texts, page.url, run),
        page.text,
        page.without,
    )


_BEFORE = CleanerChain({"page_chrome": None, "repeats": None, "site-memory": None})
"""The cleaners that run before ``page_chrome`` in ``clean_text``."""


def teacher_labels(texts: Sequence[str], html: bytes | str, url: str | None) -> list[bool | None]:
    """Each line of a page's dump labelled by whether newsclean's own HTML extraction of the same
    page keeps it: the teacher, in place of a ground truth.

    A line is the article's when at least half of its 4-word shingles are in the extracted body
    (a line of fewer than four words: when its words occur there in that order), the rule that
    labels lines by a ground truth (:func:`_label`): a line the extraction keeps only partly (a
    paragraph whose "Share this" tail it trimmed, a caption it merged) goes by its larger part.
    Lines without words stay unlabelled (``None``). A page the extraction fails on, or whose body
    shares no line with the dump, gives ``[]``: nothing is learnt from it, rather than every line
    taught as boilerplate.
    """
    try:
        body = clean_html(html, url=url, find_site=False).articleBody or ""
    except InputError:
        return []
    index = _truth_index(body)
    labels = [_label(t, index) for t in texts]
    return labels if any(labels) else []


def teach(all_samples: Sequence[Sample], data: Path, collections: Sequence[str]) -> int:
    """Gives each sample of ``collections`` still without them its teacher labels
    (:func:`teacher_labels`, reading the page's HTML again); returns how many were labelled."""
    wanted = {s.name: s for s in all_samples if s.collection in collections and s.teacher is None}
    done = 0
    for collection in collections:
        left = {name for name, s in wanted.items() if s.collection == collection}
        if not left:
            continue
        for page in LOADERS[collection](data / collection, None):
            if page.name in left:
                s = wanted[page.name]
                s.teacher = teacher_labels(s.texts, page.html, page.url)
                done += 1
                left.discard(page.name)
                if not left:
                    break
    return done


def _weights(sample: Sample) -> list[float]:
    total = sum(len(t.split()) + 1 for t in sample.texts) or 1
    return [(len(t.split()) + 1) / total for t in sample.texts]


def _fit(
    train: Sequence[Sample], even: bool = False, teacher: Sequence[Sample] = (), teacher_weight: float = 1.0
) -> Any:
    """The ensemble fitted on ``train``'s labelled lines, every page weighing the same, and on
    ``teacher``'s lines as newsclean's HTML extraction labels them (:func:`teacher_labels`), each
    such page weighing ``teacher_weight``; with ``even``, within each collection (a collection's
    teacher-labelled pages are a group of their own) the article's lines weigh as much as the
    others (:func:`balanced`)."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier

    x, y, w, collection = [], [], [], []
    sources = [(s, s.labels, 1.0, s.collection) for s in train]
    sources += [(s, s.teacher, teacher_weight, f"{s.collection} (teacher)") for s in teacher if s.teacher]
    for s, labels, scale, group in sources:
        for row, label, weight in zip(s.rows, labels, _weights(s), strict=True):
            if label is not None:
                x.append(row)
                y.append(int(label))
                w.append(weight * scale * 1000)
                collection.append(group)
    model = HistGradientBoostingClassifier(**PARAMS)
    model.fit(np.asarray(x), np.asarray(y), sample_weight=np.asarray(balanced(w, y, collection) if even else w))
    return model


def balanced(weights: Sequence[float], labels: Sequence[int], groups: Sequence[str]) -> list[float]:
    """``weights`` scaled so that, in each group (collection), the article's lines and the other
    lines weigh half each.

    How much of a page is the article differs by collection (by words: 0.69 of a wcxb-dev dump,
    0.48 of a fundus one, 0.37 of a dragnet one, whose blogs keep their readers' comments), and a
    model fitted to the mix learns the mix's share as its prior: on a collection it never saw, it
    keeps too little or too much. With the two classes even in every collection, a probability
    above 0.5 means the line's own evidence favours the article, whatever the collection.
    """
    totals: dict[tuple[str, int], float] = {}
    for weight, label, group in zip(weights, labels, groups, strict=True):
        totals[group, label] = totals.get((group, label), 0.0) + weight
    out = []
    for weight, label, group in zip(weights, labels, groups, strict=True):
        both = totals.get((group, 0), 0.0) + totals.get((group, 1), 0.0)
        out.append(weight * 0.5 * both / totals[group, label])
    return out


def export(model: Any, pages: int, trained_on: str = "wcxb-dev articles") -> dict[str, Any]:
    """The fitted ensemble as plain arrays (the format :class:`LineModel` reads)."""

    trees = tree_arrays(model)
    return {
        "features": FEATURE_NAMES,
        "baseline": baseline(model),
        "trees": trees,
        "meta": {"trained_on": f"{trained_on}, {pages} pages", "params": PARAMS},
    }


def _body(sample: Sample, cleaner: page_chrome.PageChrome) -> str:
    chain = CleanerChain({"site-memory": None}, instances={"page_chrome": cleaner})
    return clean_text(sample.dump, url=sample.url, chain=chain).articleBody or ""


def _scored(samples_: Sequence[Sample], cleaner: page_chrome.PageChrome) -> list[PageScore]:
    return [score_page(s.truth, _body(s, cleaner), s.without) for s in samples_]


def cross_validate(all_samples: list[Sample], folds: int, even: bool = False) -> tuple[Totals, Totals]:
    """Scores of ``clean_text`` (the whole cleaner chain, as the benchmark runs it) with a model
    trained on the other folds' sites, and with the prose-density rule alone."""
    sites = sorted({s.site for s in all_samples})
    fold_of = {site: i % folds for i, site in enumerate(sites)}
    rule = page_chrome.PageChrome(model=False)
    learned: list[PageScore] = []
    by_rule: list[PageScore] = []
    for fold in range(folds):
        train = [s for s in all_samples if fold_of[s.site] != fold]
        test = [s for s in all_samples if fold_of[s.site] == fold]
        cleaner = page_chrome.PageChrome(model=LineModel(export(_fit(train, even), len(train))))
        learned += _scored(test, cleaner)
        by_rule += _scored(test, rule)
    return summarise(learned), summarise(by_rule)


def _figures(scores: list[PageScore], leak: bool) -> dict[str, Any]:
    from benchmarks.quality import f1_spread

    totals = summarise(scores)
    low, high = f1_spread(scores)
    return {
        "precision": round(totals.precision, 4),
        "recall": round(totals.recall, 4),
        "f1": round(totals.f1, 4),
        "spread": [round(low, 4), round(high, 4)],
        "leak": round(totals.leak, 4) if leak else None,
    }


def _seen_by(model: LineModel, collection: str) -> bool:
    return collection in str(model.meta.get("trained_on", ""))


def cross_collection(all_samples: list[Sample], even: bool = False) -> list[dict[str, Any]]:
    """For each collection: the raw dump, the prose rule alone, a model trained on the other
    collections only (sites a collection shares with another are left out of training), and the
    shipped model, each with its 95% bootstrap spread, plus the paired difference between the
    model and the rule on the same pages."""
    from benchmarks.quality import paired_delta

    rule = page_chrome.PageChrome(model=False)
    try:
        shipped_model: LineModel | None = load_model()
    except (OSError, ValueError):
        shipped_model = None
    rows = []
    for collection in dict.fromkeys(s.collection for s in all_samples):
        test = [s for s in all_samples if s.collection == collection]
        test_sites = {s.site for s in test}
        train = [s for s in all_samples if s.collection != collection and s.site not in test_sites]
        if not train:
            continue
        trained_on = sorted({s.collection for s in train})
        cleaner = page_chrome.PageChrome(model=LineModel(export(_fit(train, even), len(train))))
        leak = any(s.without for s in test)
        by_rule = _scored(test, rule)
        learned = _scored(test, cleaner)
        row: dict[str, Any] = {"collection": collection, "pages": len(test), "trained_on": trained_on}
        row["raw"] = _figures([score_page(s.truth, s.dump, s.without) for s in test], leak)
        row["rule"] = _figures(by_rule, leak)
        row["model"] = _figures(learned, leak)
        delta, low, high = paired_delta(by_rule, learned)
        row["model_minus_rule"] = [round(delta, 4), round(low, 4), round(high, 4)]
        if shipped_model is not None:
            row["shipped"] = _figures(_scored(test, page_chrome.PageChrome(model=shipped_model)), leak)
            row["shipped"]["seen"] = _seen_by(shipped_model, collection)
        rows.append(row)
        print(cross_collection_table([row], header=not rows[:-1]), flush=True)
    return rows


def record_table(rows: Sequence[dict[str, Any]], path: Path = OUT, when: str | None = None) -> None:
    """Store the cross-collection ``rows`` (:func:`cross_collection`) in the meta of the model file
    at ``path``, with the day they were measured; the trees and everything else stay as they are,
    so the extraction does not change. Used when the code around the model has moved since it was
    trained and its table no longer says how it does."""
    spec = json.loads(path.read_text(encoding="utf-8"))
    spec.setdefault("meta", {})["cross_collection"] = list(rows)
    spec["meta"]["cross_collection_measured"] = when or time.strftime("%Y-%m-%d", time.gmtime())
    path.write_text(json.dumps(spec, separators=(",", ":")) + "\n", encoding="utf-8")


def _splits(
    all_samples: Sequence[Sample], collection: str, truth_on: Sequence[str], folds: int
) -> Iterator[tuple[list[Sample], set[str]]]:
    """The scored collection's pages in parts, each with the sites training must leave out: in
    site-grouped folds when the collection's own ground truth is trained on, else all at once."""
    test = [s for s in all_samples if s.collection == collection]
    if collection in truth_on and folds > 1:
        sites = sorted({s.site for s in test})
        fold_of = {site: i % folds for i, site in enumerate(sites)}
        for fold in range(folds):
            part = [s for s in test if fold_of[s.site] == fold]
            yield part, {s.site for s in part}
    elif test:
        yield test, {s.site for s in test}


def teacher_validation(
    all_samples: Sequence[Sample],
    truth_on: Sequence[str],
    teacher_on: Sequence[str],
    *,
    folds: int = 5,
    even: bool = False,
    teacher_weight: float = 1.0,
    teacher_only: bool = False,
    memo: dict[Any, list[PageScore]] | None = None,
    scored: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """For each collection: ``clean_text`` on its dumps with the prose rule alone, with a model
    trained on the ground truth of ``truth_on`` only ("truth only"), with the same plus the
    teacher labels of ``teacher_on`` ("with teacher"; with ``teacher_only``, those labels alone),
    and with the shipped model, each F1 with its 95% bootstrap spread, and the paired differences
    of "with teacher" from "truth only" and from the shipped model on the same pages.

    No model scores a page whose site it was trained on, and none is taught by the scored
    collection's teacher labels: a collection among ``truth_on`` is scored in ``folds``
    site-grouped folds (its other folds' ground truth trained on), any other with all its sites
    left out. ``memo`` keeps the scores that do not depend on the teacher (rule, truth only,
    shipped) between calls with other settings; ``scored`` names the collections to score (default:
    all of them)."""
    from benchmarks.quality import paired_delta

    memo = {} if memo is None else memo
    rule = page_chrome.PageChrome(model=False)
    try:
        shipped_model: LineModel | None = load_model()
    except (OSError, ValueError):
        shipped_model = None
    rows = []
    for collection in dict.fromkeys(s.collection for s in all_samples):
        if scored is not None and collection not in scored:
            continue
        scores: dict[str, list[PageScore]] = {"rule": [], "truth": [], "teacher": [], "shipped": []}
        test: list[Sample] = []
        for part, sites in _splits(all_samples, collection, truth_on, folds):
            own = collection in truth_on
            truth = [
                s
                for s in all_samples
                if s.collection in truth_on and s.site not in sites and (own or s.collection != collection)
            ]
            taught = [
                s
                for s in all_samples
                if s.collection in teacher_on and s.collection != collection and s.site not in sites and s.teacher
            ]
            if not (taught or (truth and not teacher_only)):
                continue
            test += part
            key = (collection, tuple(sorted(sites)))
            if ("rule", key) not in memo:
                memo["rule", key] = _scored(part, rule)
            if ("truth", key, even) not in memo and truth:
                memo["truth", key, even] = _scored(
                    part, page_chrome.PageChrome(model=LineModel(export(_fit(truth, even), len(truth))))
                )
            if ("shipped", key) not in memo and shipped_model is not None:
                memo["shipped", key] = _scored(part, page_chrome.PageChrome(model=shipped_model))
            model = _fit([] if teacher_only else truth, even, taught, teacher_weight)
            scores["teacher"] += _scored(part, page_chrome.PageChrome(model=LineModel(export(model, len(truth)))))
            for name in ("rule", "truth", "shipped"):
                scores[name] += memo.get((name, key, even) if name == "truth" else (name, key), [])
        if not test:
            continue
        leak = any(s.without for s in test)
        row: dict[str, Any] = {
            "collection": collection,
            "pages": len(test),
            "truth_on": [] if teacher_only else _truth_names(truth_on, collection, folds),
            "teacher_on": [c for c in teacher_on if c != collection],
            "teacher_weight": teacher_weight,
            "even_classes": even,
        }
        for name, figures in scores.items():
            if len(figures) == len(test):
                row[name] = _figures(figures, leak)
        for name in ("truth", "shipped", "rule"):
            if name in row:
                delta, low, high = paired_delta(scores[name], scores["teacher"])
                row[f"teacher_minus_{name}"] = [round(delta, 4), round(low, 4), round(high, 4)]
        if shipped_model is not None:
            row["shipped"]["seen"] = _seen_by(shipped_model, collection)
        rows.append(row)
        print(teacher_table([row], header=not rows[:-1]), flush=True)
    return rows


def _truth_names(truth_on: Sequence[str], collection: str, folds: int) -> list[str]:
    """The collections whose ground truth scored ``collection``'s pages (its own: other sites)."""
    return [c if c != collection else f"{c} (other sites)" for c in truth_on if c != collection or folds > 1]


def _diff(delta: Sequence[float] | None) -> str:
    return f"{delta[0]:+.4f} ({delta[1]:+.4f} to {delta[2]:+.4f})" if delta else "-"


def teacher_table(rows: Sequence[dict[str, Any]], header: bool = True) -> str:
    """:func:`teacher_validation`'s rows as a Markdown table."""
    lines = []
    if header:
        lines += [
            "| scored on | pages | truth of | teacher labels of | prose rule alone | truth only | with teacher "
            "| with teacher - truth only (95%) | shipped model | with teacher - shipped (95%) |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
    for r in rows:
        cells = [_cell(r.get(k)) for k in ("rule", "truth", "teacher")]
        lines.append(
            f"| {r['collection']} | {r['pages']} | {' + '.join(r['truth_on']) or '-'} | "
            f"{' + '.join(r['teacher_on']) or '-'} | "
            + " | ".join(cells)
            + f" | {_diff(r.get('teacher_minus_truth'))} | {_cell(r.get('shipped'))} | "
            f"{_diff(r.get('teacher_minus_shipped'))} |"
        )
    return "\n".join(lines)


def _cell(figures: dict[str, Any] | None) -> str:
    if not figures:
        return "-"
    text = f"{figures['f1']:.3f}"
    if figures.get("spread"):
        low, high = figures["spread"]
        text += f" ({low:.3f}-{high:.3f})"
    if figures.get("leak") is not None:
        text += f", leak {figures['leak']:.3f}"
    if figures.get("seen"):
        text += ", seen in training"
    return text


def cross_collection_table(rows: Sequence[dict[str, Any]], header: bool = True) -> str:
    """The cross-collection rows as a Markdown table: F1 with its 95% bootstrap spread (pages
    resampled) and, where the collection marks boilerplate snippets, the leak."""
    lines = []
    if header:
        lines += [
            "| scored on | pages | trained on | raw dump | prose rule alone | line model | model - rule (95%) "
            "| shipped model |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
        ]
    for r in rows:
        delta = r.get("model_minus_rule")
        diff = f"{delta[0]:+.3f} ({delta[1]:+.3f} to {delta[2]:+.3f})" if delta else "-"
        cells = [_cell(r.get(k)) for k in ("raw", "rule", "model")]
        lines.append(
            f"| {r['collection']} | {r['pages']} | {' + '.join(r['trained_on'])} | "
            + " | ".join(cells)
            + f" | {diff} | {_cell(r.get('shipped'))} |"
        )
    return "\n".join(lines)


def options(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line read and checked: ``collections`` and ``ship_on`` become lists of known
    collection names; a bad name ends the program with a message naming it (exit status 2), before
    anything is loaded or trained."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.train_page_chrome", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each collection")
    parser.add_argument(
        "--collections", default=",".join(COLLECTIONS), help="comma-separated collections (default: all three)"
    )
    parser.add_argument(
        "--folds", type=int, default=5, help="cross-validation folds, grouped by site (default 5; 0: none)"
    )
    parser.add_argument(
        "--no-cross-collection", action="store_true", help="skip the train-on-two, score-the-third table"
    )
    parser.add_argument("--no-write", action="store_true", help=f"cross-validate only; keep the shipped {MODEL_FILE}")
    parser.add_argument(
        "--record-table",
        action="store_true",
        help=f"measure the cross-collection table and store it in the shipped {MODEL_FILE}'s meta, its trees "
        "unchanged (what python -m benchmarks.quality --only text prints); implies --no-write",
    )
    parser.add_argument(
        "--even-classes",
        action="store_true",
        help="in each collection, weigh the article's lines and the others half each (see balanced())",
    )
    parser.add_argument(
        "--ship-on",
        default=None,
        help="comma-separated collections the written model is trained on (default: wcxb-dev when it is "
        "among --collections, as the shipped model is, else all of them); the others are still validated on",
    )
    parser.add_argument(
        "--teacher",
        default=None,
        help="comma-separated collections whose pages are also trained on, each line labelled by whether "
        "newsclean's own HTML extraction of the page keeps it (no ground truth needed; see teacher_labels()); "
        "validation then never teaches a collection's own labels to the model that scores it",
    )
    parser.add_argument(
        "--teacher-weight",
        type=float,
        default=1.0,
        help="how much a teacher-labelled page weighs against a page labelled by its ground truth (default 1)",
    )
    parser.add_argument(
        "--teacher-only",
        action="store_true",
        help="train on the teacher labels alone, no ground truth at all (needs --teacher)",
    )
    parser.add_argument(
        "--cache", type=Path, default=None, help="keep the labelled lines in this pickle file and reuse them next time"
    )
    args = parser.parse_args(argv)
    collections = _names(parser, "--collections", args.collections)
    if args.ship_on is None:
        ship_on = [SHIPPED_ON] if SHIPPED_ON in collections else collections
    else:
        ship_on = _names(parser, "--ship-on", args.ship_on)
        outside = [c for c in ship_on if c not in collections]
        if outside:
            among = ", ".join(collections)
            parser.error(f"--ship-on {args.ship_on!r}: {', '.join(outside)} not among --collections ({among})")
    args.collections, args.ship_on = collections, ship_on
    if args.teacher is not None:
        args.teacher = _names(parser, "--teacher", args.teacher)
        outside = [c for c in args.teacher if c not in collections]
        if outside:
            among = ", ".join(collections)
            parser.error(
                f"--teacher {','.join(args.teacher)!r}: {', '.join(outside)} not among --collections ({among})"
            )
    elif args.teacher_only:
        parser.error("--teacher-only: needs --teacher (the collections whose teacher labels are trained on)")
    if args.record_table:
        if args.teacher or args.no_cross_collection or len(collections) < 2:
            parser.error("--record-table: needs the cross-collection table (two collections or more, no --teacher)")
        if args.limit is not None:
            limit = args.limit
            parser.error(f"--record-table: --limit {limit} would store a table measured on part of each collection")
        args.no_write = True
    if not args.teacher_weight > 0 or args.teacher_weight == float("inf"):
        parser.error(f"--teacher-weight {args.teacher_weight!r}: must be a number above 0")
    return args


def _names(parser: argparse.ArgumentParser, option: str, value: str) -> list[str]:
    """The collection names of a comma-separated option; an unknown one, or none, is an error."""
    names = [c.strip() for c in value.split(",") if c.strip()]
    if not names:
        parser.error(f"{option} {value!r}: names no collection (known: {', '.join(COLLECTIONS)})")
    unknown = ", ".join(c for c in names if c not in LOADERS)
    if unknown:
        parser.error(f"{option} {value!r}: unknown collection(s) {unknown} (known: {', '.join(COLLECTIONS)})")
    return names


def main(argv: list[str] | None = None) -> int:
    args = options(argv)
    collections, ship_on = args.collections, args.ship_on
    logging.disable(logging.CRITICAL)
    try:
        import sklearn  # noqa: F401
    except ImportError:
        print("scikit-learn is needed to train: pip install -e '.[bench]'", file=sys.stderr)
        return 2
    data = args.data.resolve()
    started = time.perf_counter()
    if args.cache and args.cache.is_file():
        all_samples = [s for s in pickle.loads(args.cache.read_bytes()) if s.collection in collections]
    else:
        all_samples = samples(data, args.limit, collections)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(all_samples))
    if not all_samples:
        print(f"no pages of {', '.join(collections)} under {data}", file=sys.stderr)
        return 2
    if args.teacher:
        taught = teach(all_samples, data, args.teacher)
        if taught and args.cache:
            args.cache.write_bytes(pickle.dumps(all_samples))
        labelled = sum(bool(s.teacher) for s in all_samples if s.collection in args.teacher)
        print(f"teacher labels (newsclean's HTML extraction) for {labelled} pages of {', '.join(args.teacher)}")
    lines = sum(len(s.texts) for s in all_samples)
    per = ", ".join(f"{c} {sum(s.collection == c for s in all_samples)}" for c in collections)
    print(f"{len(all_samples)} pages ({per}), {lines} lines, {len({s.site for s in all_samples})} sites", flush=True)
    table: list[dict[str, Any]] = []
    if args.teacher and not args.no_cross_collection:
        print(
            "clean_text on text dumps, each collection scored by models that never saw its sites nor its "
            "teacher labels (its own ground truth in site-grouped folds when trained on): F1 (95% bootstrap spread)"
        )
        table = teacher_validation(
            all_samples,
            ship_on,
            args.teacher,
            folds=args.folds,
            even=args.even_classes,
            teacher_weight=args.teacher_weight,
            teacher_only=args.teacher_only,
        )
    elif not args.no_cross_collection and len(collections) > 1:
        print(
            "clean_text on text dumps of pages from a collection the line model never saw (trained on the "
            "others, their sites left out): F1 (95% bootstrap spread); the shipped model's column says "
            "when it saw the collection"
        )
        table = cross_collection(all_samples, args.even_classes)
    if args.record_table:
        record_table(table)
        print(f"stored the table in {OUT}'s meta (its trees unchanged)")
    if args.folds > 1 and not args.teacher:
        learned, rule = cross_validate(all_samples, args.folds, args.even_classes)
        print(f"clean_text on text dumps, {args.folds}-fold cross-validation by site (4-word-shingle scores):")
        print("| page_chrome | precision | recall | F1 | leak |\n| --- | --- | --- | --- | --- |")
        for name, t in (("prose-density rule alone", rule), ("line model (unseen sites)", learned)):
            print(f"| {name} | {t.precision:.3f} | {t.recall:.3f} | {t.f1:.3f} | {t.leak:.3f} |")
    if not args.no_write:
        shipped = [] if args.teacher_only else [s for s in all_samples if s.collection in ship_on]
        taught = [s for s in all_samples if args.teacher and s.collection in args.teacher and s.teacher]
        trained_on = [" + ".join(ship_on)] if shipped else []
        if args.teacher:
            trained_on.append(f"teacher labels of {' + '.join(args.teacher)}")
        model = _fit(shipped, args.even_classes, taught, args.teacher_weight)
        spec = export(model, len(shipped) + len(taught), ", ".join(trained_on))
        spec["meta"]["even_classes"] = args.even_classes
        if args.teacher:
            spec["meta"]["teacher"] = {"collections": args.teacher, "weight": args.teacher_weight, "pages": len(taught)}
        if table:
            spec["meta"]["teacher_validation" if args.teacher else "cross_collection"] = table
            if not args.teacher:
                spec["meta"]["cross_collection_measured"] = time.strftime("%Y-%m-%d", time.gmtime())
        words = json.loads(OUT.read_text(encoding="utf-8")).get("words") if OUT.is_file() else None
        if words:
            # The words were fitted on trees' log-odds for sites those trees never saw
            # (benchmarks/train_line_words.py), not on this model's: they stay with new trees.
            spec["words"] = words
        OUT.write_text(json.dumps(spec, separators=(",", ":")) + "\n", encoding="utf-8")
        print(f"wrote {OUT} ({OUT.stat().st_size // 1024} KiB, {len(spec['trees'])} trees)")
    print(f"{time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
