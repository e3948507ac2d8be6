"""Scores for extracted article text: 4-word-shingle precision/recall/F1 and boilerplate leak.

The shingle metric follows the scrapinghub article-extraction-benchmark: tokens are runs of
``\\w`` characters of the text's NFC form, shingles are overlapping 4-token tuples counted as a
multiset, each page's true/false positives and false negatives are normalised to sum to 1 (long
pages weigh no more than short ones), precision is averaged over pages with any predicted
shingle, recall over pages with any true shingle, and F1 is computed from those two means.
"""

from __future__ import annotations

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

__all__ = ["PageScore", "Totals", "leak_share", "score_page", "summarise"]

SHINGLE = 4
_TOKEN = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class PageScore:
    """One page: the normalised shingle counts and the leak share (``None``: nothing to leak)."""

    tp: float
    fp: float
    fn: float
    leak: float | None = None
    empty: bool = False


def _shingles(text: str) -> Counter[tuple[str, ...]]:
    # NFC on both sides: "für" written decomposed (u + U+0308) is one word, not "fu" and "r",
    # whichever form the page, the ground truth or a tool happens to use.
    tokens = _TOKEN.findall(unicodedata.normalize("NFC", text or ""))
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(max(1, len(tokens) - SHINGLE + 1)) if tokens)


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    """Normalised ``(tp, fp, fn)`` of ``pred``'s shingles against ``true``'s."""
    t, p = _shingles(true), _shingles(pred)
    tp = float(sum((t & p).values()))
    fp = float(sum((p - t).values()))
    fn = float(sum((t - p).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _norm(text: str) -> str:
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def leak_share(pred: str, without: Sequence[str]) -> float | None:
    """Share of the ``without`` snippets (boilerplate that must not appear) found in ``pred``.

    Whitespace is folded on both sides; the match is case-sensitive, so a menu's "Home" does
    not count as leaked because an article says "home".
    """
    snippets = [_norm(s) for s in without if _norm(s)]
    if not snippets:
        return None
    text = _norm(pred)
    return sum(1 for s in snippets if s in text) / len(snippets)


def score_page(true: str, pred: str, without: Sequence[str] = ()) -> PageScore:
    tp, fp, fn = shingle_match(true, pred)
    return PageScore(tp, fp, fn, leak_share(pred, without), empty=not (pred or "").strip())


def _precision(s: PageScore) -> float:
    if s.fp == s.fn == 0:
        return 1.0
    if s.tp == s.fp == 0:
        return 0.0
    return s.tp / (s.tp + s.fp)


def _recall(s: PageScore) -> float:
    if s.fp == s.fn == 0:
        return 1.0
    if s.tp == s.fn == 0:
        return 0.0
    return s.tp / (s.tp + s.fn)


@dataclass(frozen=True, slots=True)
class Totals:
    pages: int
    precision: float
    recall: float
    f1: float
    leak: float
    empty: int


def summarise(scores: Iterable[PageScore]) -> Totals:
    scores = list(scores)
    precisions = [_precision(s) for s in scores if s.tp + s.fp > 0]
    recalls = [_recall(s) for s in scores if s.tp + s.fn > 0]
    p = statistics.fmean(precisions) if precisions else 0.0
    r = statistics.fmean(recalls) if recalls else 0.0
    leaks = [s.leak for s in scores if s.leak is not None]
    return Totals(
        pages=len(scores),
        precision=p,
        recall=r,
        f1=2 * p * r / (p + r) if p + r else 0.0,
        leak=statistics.fmean(leaks) if leaks else 0.0,
        empty=sum(s.empty for s in scores),
    )
