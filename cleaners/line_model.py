"""Which lines of a text dump are the article's: shallow line features and a tree ensemble.

A naive text dump has lost its markup, so what is left to tell a paragraph from a menu item is
the shape of each line and of the lines around it: length, sentence ends, capitalisation,
digits and separators, where it sits on the page, how much prose lies before and after it, and
whether it repeats the page's address (the headline usually does). Each line gets a vector of
such features (:func:`line_features`); a gradient-boosted tree ensemble, trained by
``benchmarks/train_page_chrome.py`` and shipped as ``page_chrome_model.json``, turns the
vectors into the probability that the line belongs to the article's text.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import unquote, urlsplit

import numpy as np
from numpy.typing import NDArray

__all__ = ["FEATURE_NAMES", "SENTENCE", "LineModel", "line_features", "load_model"]

MODEL_FILE = "page_chrome_model.json"

PREDICT_CHUNK = 2000
"""Lines evaluated at once: bounds the work arrays (lines x trees) on huge dumps."""

SENTENCE = re.compile(r"[.!?…][\"'”’)\]]?(?:\s|$)")
"""A sentence end: prose has them, menus and link lists do not."""
_SEPARATOR = re.compile(r"[|•·»›«‹/©]")
_DIGIT = re.compile(r"\d")
_PUNCT = re.compile(r"[^\w\s]")
_DATEISH = re.compile(r"\b(?:\d{1,2}[:.]\d{2}|\d{4}|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\b", re.I)
_END_HEADING = re.compile(
    r"^(?:related|read (?:more|next|also)|more from|recommended|most (?:popular|read)|comments?|"
    r"leave a (?:reply|comment)|share this|tags?|about the author|you may also like)\b",
    re.I,
)
_LETTERS = re.compile(r"[^\W\d_]{2,}")


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FUNCTION_WORDS = _word_set(
    "the a an and or of to in on for with is are was were be been it that this as at by from his her "
    "their its not but have has had will would can could which who we you they he she i"
)
"""English function words: their share separates running prose from labels and headlines."""
_SLUG_NOISE = _word_set("html htm php aspx asp shtml www com index amp article articles news story")

PROSE_WORDS = 15
"""A line of at least this many words with a sentence end counts as prose when measuring how
much of the page's prose lies before and after a line."""

_LINE = [
    "log_words", "sentence_ends", "ends_like_sentence", "title_case_share", "starts_upper",
    "starts_lower", "digit_share", "punct_share", "ends_with_colon", "separators", "commas",
    "mean_word_length", "function_word_share", "short_word_share", "has_date", "end_heading",
    "copyright", "all_caps",
]  # fmt: skip
_CONTEXT = [f"{name}_{off}" for off in ("prev2", "prev1", "next1", "next2") for name in ("log_words", "sentence")]
FEATURE_NAMES: list[str] = [
    *_LINE,
    *_CONTEXT,
    "log_words_window3", "sentence_window3", "log_words_window10", "sentence_window10",
    "position", "words_before", "prose_before", "prose_after",
    "repeats", "log_lines", "words_vs_longest", "offset_from_longest",
    "in_rule_run", "log_distance_to_rule_run",
    "slug_match", "has_slug_line", "offset_from_slug_line", "log_offset_from_slug_line",
    *(f"{name}_window{k}" for name in ("title_case_share", "function_word_share", "digit_share", "punct_share")
      for k in (3, 8)),
]  # fmt: skip
"""The features of one line, in the order the model reads them."""


_STYLE_COLUMNS = (3, 12, 6, 7)
"""Positions in :data:`_LINE` of the title-case, function-word, digit and punctuation shares, whose
means over the neighbouring lines tell a run of prose from a menu or a table."""


def _line_shape(text: str) -> list[float]:
    words = text.split()
    count = len(words)
    alpha = [w for w in words if w[:1].isalpha()]
    n_alpha = len(alpha) or 1
    n_chars = len(text) or 1
    return [
        math.log1p(count),
        float(min(len(SENTENCE.findall(text)), 6)),
        1.0 if text.rstrip()[-1:] in '.!?"”’)' else 0.0,
        sum(1 for w in alpha if w[0].isupper()) / n_alpha,
        1.0 if text[:1].isupper() else 0.0,
        1.0 if text[:1].islower() else 0.0,
        len(_DIGIT.findall(text)) / n_chars,
        len(_PUNCT.findall(text)) / n_chars,
        1.0 if text.rstrip().endswith(":") else 0.0,
        float(min(len(_SEPARATOR.findall(text)), 5)),
        float(min(text.count(","), 10)),
        sum(len(w) for w in words) / (count or 1),
        sum(1 for w in words if w.lower() in _FUNCTION_WORDS) / (count or 1),
        sum(1 for w in alpha if len(w) <= 3) / n_alpha,
        1.0 if _DATEISH.search(text) else 0.0,
        1.0 if _END_HEADING.match(text) else 0.0,
        1.0 if ("©" in text or "copyright" in text.lower()) else 0.0,
        1.0 if alpha and all(w.isupper() for w in alpha) else 0.0,
    ]


def _slug_words(url: str | None) -> set[str]:
    """The words of the URL path's most wordy segment (its slug), without file-type noise."""
    if not url:
        return set()
    segments = [s for s in unquote(urlsplit(url).path).split("/") if s]
    slug = max(segments, key=lambda s: len(_LETTERS.findall(s)), default="")
    return {w.lower() for w in _LETTERS.findall(slug)} - _SLUG_NOISE


def _slug_columns(texts: Sequence[str], url: str | None) -> NDArray[np.float64]:
    n = len(texts)
    out = np.zeros((n, 4), dtype=np.float64)
    slug = _slug_words(url)
    if len(slug) < 2 or not texts:
        return out
    match = np.fromiter(
        (len({w.lower() for w in _LETTERS.findall(t)} & slug) / len(slug) for t in texts), np.float64, n
    )
    out[:, 0] = match
    best = float(match.max())
    if best < 0.5:
        return out
    anchor = int(match.argmax())
    d = np.arange(n, dtype=np.float64) - anchor
    out[:, 1] = 1.0
    out[:, 2] = d / n
    out[:, 3] = np.copysign(_log1p(np.abs(d)), d)
    return out


def _log1p(values: NDArray[np.float64]) -> NDArray[np.float64]:
    """``math.log1p`` of each value (numpy's own log1p differs from it in the last bit, which the
    trained thresholds would notice)."""
    return np.fromiter(map(math.log1p, values.tolist()), np.float64, len(values))


def _window_means(values: NDArray[np.float64], k: int) -> NDArray[np.float64]:
    """The mean of ``values`` over each line and the ``k`` lines either side (fewer at the ends),
    summed left to right like Python's ``sum`` so the figures are exactly those of a plain loop."""
    n = len(values)
    total = np.zeros(n, dtype=np.float64)
    count = np.zeros(n, dtype=np.float64)
    for off in range(-k, k + 1):
        lo, hi = max(0, -off), min(n, n - off)
        if lo >= hi:
            continue
        total[lo:hi] += values[lo + off : hi + off]
        count[lo:hi] += 1.0
    return total / count


def line_features(texts: Sequence[str], url: str | None, rule_run: tuple[int, int]) -> NDArray[np.float64]:
    """One feature vector per line (see :data:`FEATURE_NAMES`), as the rows of an array.

    ``rule_run`` is the first and last line of the article as the hand-written prose-density rule
    finds it; the model learns how far to trust it. Work and memory are linear in the lines: only
    the per-line shapes are computed line by line, the context columns are array operations.
    """
    n = len(texts)
    width = len(FEATURE_NAMES)
    if not n:
        return np.zeros((0, width), dtype=np.float64)
    x = np.empty((n, width), dtype=np.float64)
    shape_width = len(_LINE)
    for i, t in enumerate(texts):
        x[i, :shape_width] = _line_shape(t)
    words = np.fromiter((len(t.split()) for t in texts), np.int64, n)
    total = int(words.sum()) or 1
    prose = np.fromiter(
        (w if (w >= PROSE_WORDS and SENTENCE.search(t)) else 0 for t, w in zip(texts, words.tolist(), strict=True)),
        np.int64,
        n,
    )
    prose_total = int(prose.sum()) or 1
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    longest = int(words.max())
    longest_at = int(words.argmax())
    log_words = x[:, 0].copy()
    sentence = (x[:, 1] != 0).astype(np.float64)
    col = shape_width
    for off in (-2, -1, 1, 2):
        for values in (log_words, sentence):
            shifted = np.zeros(n, dtype=np.float64)
            lo, hi = max(0, -off), min(n, n - off)
            if lo < hi:
                shifted[lo:hi] = values[lo + off : hi + off]
            x[:, col] = shifted
            col += 1
    for values, k in ((log_words, 3), (sentence, 3), (log_words, 10), (sentence, 10)):
        x[:, col] = _window_means(values, k)
        col += 1
    index = np.arange(n, dtype=np.float64)
    before = np.concatenate(([0], np.cumsum(words)[:-1])).astype(np.float64)
    prose_before = np.concatenate(([0], np.cumsum(prose)[:-1])).astype(np.float64)
    x[:, col] = index / n
    x[:, col + 1] = before / total
    x[:, col + 2] = prose_before / prose_total
    x[:, col + 3] = 1 - (prose_before + prose) / prose_total
    x[:, col + 4] = np.fromiter((min(counts[t] - 1, 3) for t in texts), np.float64, n)
    x[:, col + 5] = math.log(n)
    x[:, col + 6] = words / (longest or 1)
    x[:, col + 7] = (index - longest_at) / n
    col += 8
    start, end = rule_run
    inside = (index >= start) & (index <= end)
    if start < 0:
        distance = np.zeros(n, dtype=np.float64)
    else:
        distance = np.where(index < start, start - index, index - end)
        distance[inside] = 0.0
    x[:, col] = inside
    x[:, col + 1] = _log1p(distance)
    col += 2
    x[:, col : col + 4] = _slug_columns(texts, url)
    col += 4
    for column in _STYLE_COLUMNS:
        sums = np.concatenate(([0.0], np.cumsum(x[:, column])))
        for k in (3, 8):
            first = np.maximum(0, np.arange(n) - k)
            stop = np.minimum(n, np.arange(n) + k + 1)
            x[:, col] = (sums[stop] - sums[first]) / (stop - first)
            col += 1
    assert col == width
    return x


class LineModel:
    """A binary gradient-boosted tree ensemble, evaluated over all lines and trees at once."""

    def __init__(self, spec: dict[str, Any]) -> None:
        if spec.get("features") != FEATURE_NAMES:
            raise ValueError(f"{MODEL_FILE}: its features do not match this version's line features")
        self.baseline = float(spec["baseline"])
        trees = spec["trees"]
        sizes = [len(t["feature"]) for t in trees]
        offsets = np.cumsum([0, *sizes[:-1]])
        self.roots: NDArray[np.int64] = offsets.astype(np.int64)
        self.feature = np.concatenate([np.asarray(t["feature"], dtype=np.int64) for t in trees])
        self.threshold = np.concatenate([np.asarray(t["threshold"], dtype=np.float64) for t in trees])
        placed = list(zip(trees, offsets, strict=True))
        self.left = np.concatenate([np.asarray(t["left"], dtype=np.int64) + o for t, o in placed])
        self.right = np.concatenate([np.asarray(t["right"], dtype=np.int64) + o for t, o in placed])
        self.value = np.concatenate([np.asarray(t["value"], dtype=np.float64) for t in trees])
        self.leaf = np.concatenate([np.asarray(t["leaf"], dtype=bool) for t in trees])
        self.depth = max(int(t["depth"]) for t in trees)
        self.meta: dict[str, Any] = dict(spec.get("meta", {}))

    def predict(self, rows: Sequence[Sequence[float]] | NDArray[np.float64]) -> list[float]:
        """The probability that each row's line belongs to the article."""
        out: list[float] = []
        for start in range(0, len(rows), PREDICT_CHUNK):
            out.extend(self._predict(rows[start : start + PREDICT_CHUNK]))
        return out

    def _predict(self, rows: Sequence[Sequence[float]] | NDArray[np.float64]) -> list[float]:
        x = np.asarray(rows, dtype=np.float64)
        line = np.arange(len(rows))[:, None]
        node = np.broadcast_to(self.roots, (len(rows), len(self.roots))).copy()
        for _ in range(self.depth + 1):
            leaf = self.leaf[node]
            if leaf.all():
                break
            go_left = x[line, self.feature[node]] <= self.threshold[node]
            node = np.where(leaf, node, np.where(go_left, self.left[node], self.right[node]))
        raw = self.baseline + self.value[node].sum(axis=1)
        return [float(p) for p in 1.0 / (1.0 + np.exp(-raw))]


@cache
def load_model() -> LineModel:
    """The shipped model (read once per process)."""
    text = resources.files("newsclean.cleaners").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return LineModel(json.loads(text))
