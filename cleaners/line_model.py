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
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Any
from urllib.parse import unquote, urlsplit

import numpy as np
from newsclean.cleaners.document import split_count
from numpy.typing import NDArray

__all__ = [
    "CRUMBS",
    "FEATURE_NAMES",
    "SENTENCE",
    "LineModel",
    "LineWords",
    "feature_chunks",
    "line_features",
    "line_grams",
    "load_model",
    "slug_headline",
    "slug_share",
    "word_count",
]

MODEL_FILE = "page_chrome_model.json"

PREDICT_CHUNK = 2000
"""Lines evaluated at once: bounds the work arrays (lines x trees) on huge dumps."""

SENTENCE = re.compile(r"[.!?…][\"'”’)\]]?(?:\s|$)|[。！？]")
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


_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""Kana and CJK ideographs: scripts written without spaces between words."""


def word_count(text: str) -> int:
    """Words of ``text``; in Japanese and Chinese, written without spaces, one per two characters
    (about a word), so a paragraph there is not taken for a one-word menu item."""
    count = split_count(text)  # (a block's split is counted once: the cleaners ask it again)
    if text.isascii():
        return count
    return count + len(_UNSPACED.findall(text)) // 2


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_FUNCTION_WORDS = _word_set(
    "the a an and or of to in on for with is are was were be been it that this as at by from his her "
    "their its not but have has had will would can could which who we you they he she i"
)
"""English function words: their share separates running prose from labels and headlines."""

_OTHER_FUNCTION_WORDS = {
    lang: _word_set(words)
    for lang, words in (
        ("de", "der die das und oder ein eine einen einem einer eines nicht ist sind war waren wird werden wurde "
         "wurden mit von zu zum zur im auf für aus bei nach über unter auch sich dass wie als aber noch nur schon "
         "wenn sie er es wir ihr ich sein seine ihre dem den des hat haben hatte kann können soll sollen diese "
         "dieser dieses man so"),
        ("fr", "le la les un une des et ou de du au aux en dans pour par sur avec sans est sont était été sera être "
         "avoir ont avait que qui ne pas plus ce cette ces il elle ils elles nous vous se son sa ses leur leurs "
         "mais comme aussi"),
        ("es", "el la los las un una unos unas y o de del al en con sin por para es son fue era ser está están que "
         "quien no más pero como su sus lo le les este esta estos estas también se ya"),
        ("it", "il lo la gli le un uno una e o di da in nel nella nei per tra fra con su sono è era che chi non più "
         "ma come anche si questo questa"),
        ("pt", "o a os as um uma e ou de do da dos das em no na nos nas ao com por para não mais mas como também "
         "foi ser é está que se"),
        ("nl", "de het een en of van voor met op aan bij uit door naar niet is zijn was waren wordt werd dat die dit "
         "deze ook maar als in te"),
        ("no", "og eller en et ei av for med på til fra ikke er var har hadde som at det den de seg men også i om"),
        ("sv", "och eller en ett av för med på till från inte är var har hade som att det den de sig men också i om"),
        ("pl", "i w z na do od że nie jest są był była było to jak ale także się ten ta o po za"),
    )
}  # fmt: skip
"""The commonest function words of the other languages the cleaners read (German, French, Spanish,
Italian, Portuguese, Dutch, Norwegian, Swedish, Polish). A German paragraph read with the English
list has a function-word share near nought, as a menu's labels have: on a page in one of these
languages the share is read with that language's list (:func:`page_function_words`), so that the
trees, trained on English pages, see its prose as prose."""

_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in (("en", _FUNCTION_WORDS), *_OTHER_FUNCTION_WORDS.items()):
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _lang)
del _lang, _words, _word


def page_function_words(texts: Sequence[str]) -> frozenset[str]:
    """The function words of the page's language: the list (English's, :data:`_FUNCTION_WORDS`, or
    one of :data:`_OTHER_FUNCTION_WORDS`) that holds most of the page's word tokens; English on a
    tie or when none holds any."""
    counts = dict.fromkeys(("en", *_OTHER_FUNCTION_WORDS), 0)
    for text in texts:  # one line's words at a time
        for word in text.lower().split():
            for lang in _LANGUAGES_OF.get(word, ()):
                counts[lang] += 1
    best = max(counts, key=lambda lang: (counts[lang], lang == "en"))
    return _FUNCTION_WORDS if best == "en" else _OTHER_FUNCTION_WORDS[best]

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


_SENTENCE_CLOSE = '.!?"”’)。！？」』'
"""The last characters of a line that ends like a sentence: a full stop, a question or an
exclamation mark, a closing quote or bracket, and their Japanese and Chinese forms ("。", "」"),
which :data:`SENTENCE` already counted as sentence ends."""


def _line_shape(text: str, function_words: frozenset[str] = _FUNCTION_WORDS) -> list[float]:
    words = text.split()
    count = len(words)
    alpha = [w for w in words if w[:1].isalpha()]
    n_alpha = len(alpha) or 1
    n_chars = len(text) or 1
    return [
        math.log1p(word_count(text)),
        float(min(len(SENTENCE.findall(text)), 6)),
        1.0 if text.rstrip()[-1:] in _SENTENCE_CLOSE else 0.0,
        sum(1 for w in alpha if w[0].isupper()) / n_alpha,
        1.0 if text[:1].isupper() else 0.0,
        1.0 if text[:1].islower() else 0.0,
        len(_DIGIT.findall(text)) / n_chars,
        len(_PUNCT.findall(text)) / n_chars,
        1.0 if text.rstrip().endswith(":") else 0.0,
        float(min(len(_SEPARATOR.findall(text)), 5)),
        float(min(text.count(","), 10)),
        sum(len(w) for w in words) / (count or 1),
        sum(1 for w in words if w.lower() in function_words) / (count or 1),
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


def _slug_match(texts: Sequence[str], url: str | None) -> tuple[NDArray[np.float64] | None, int]:
    """The share of the slug's words each line holds (``None`` without a slug of two words or
    more) and the line that holds most of them (-1 when none holds half)."""
    slug = _slug_words(url)
    if len(slug) < 2 or not texts:
        return None, -1
    match = np.fromiter(
        (len({w.lower() for w in _LETTERS.findall(t)} & slug) / len(slug) for t in texts), np.float64, len(texts)
    )
    return match, (int(match.argmax()) if float(match.max()) >= 0.5 else -1)


_APOSTROPHE = re.compile(r"(?<=[^\W\d_])['’](?=[^\W\d_])")
"""An apostrophe inside a word ("Anwar’s", "don't"): an address's slug writes the word without it
("anwars", "dont")."""


def _as_slugged(text: str) -> str:
    return _APOSTROPHE.sub("", text) if "'" in text or "’" in text else text


def slug_headline(texts: Sequence[str], url: str | None, crumbs: bool = False) -> int:
    """The first line that holds every word of the address's slug (of two words or more), its words'
    apostrophes dropped as the slug drops them: the page's headline; -1 when none does. With
    ``crumbs``, a breadcrumb's line ending on the title (:data:`CRUMBS`) is passed over."""
    match, _ = _slug_match([_as_slugged(t) for t in texts], url)
    if match is None:
        return -1
    full = [i for i in map(int, np.flatnonzero(match >= 1.0)) if not (crumbs and CRUMBS.match(texts[i]))]
    return full[0] if full else -1


CRUMBS = re.compile(r"^(?:[^»›>/|\n]{1,40}?\s[»›>/|]\s+){2,}")
"""A breadcrumb's line: two short links or more, each followed by a separator ("You Are Here: Home »
Comics » Fraction, Bagley And Allred ...", "Home / Blog / This Week's Sermon"). It ends on the
article's title, so it holds the slug's words, but it is the section's trail, not the headline."""


def slug_share(text: str, url: str | None) -> float:
    """The share of the address's slug words (of two words or more) that ``text`` holds, its words'
    apostrophes dropped as the slug drops them; 0 without such a slug."""
    match, _ = _slug_match([_as_slugged(text)], url)
    return 0.0 if match is None else float(match[0])


def _slug_columns(match: NDArray[np.float64] | None, anchor: int, n: int, a: int, b: int) -> NDArray[np.float64]:
    """The slug columns of lines ``a`` to ``b`` (of ``n``)."""
    out = np.zeros((b - a, 4), dtype=np.float64)
    if match is None:
        return out
    out[:, 0] = match[a:b]
    if anchor < 0:
        return out
    d = np.arange(a, b, dtype=np.float64) - anchor
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
    finds it; the model learns how far to trust it. The rows of :func:`feature_chunks`, together.
    """
    chunks = list(feature_chunks(texts, url, rule_run))
    return np.concatenate(chunks) if chunks else np.zeros((0, len(FEATURE_NAMES)), dtype=np.float64)


def feature_chunks(
    texts: Sequence[str], url: str | None, rule_run: tuple[int, int], size: int = PREDICT_CHUNK
) -> Iterator[NDArray[np.float64]]:
    """The rows of :func:`line_features`, ``size`` lines at a time.

    Work and memory are linear in the lines: the per-line shapes are computed line by line for
    one chunk (and the few lines its windows reach beyond it) at a time, the context columns
    are array operations over a few figures a line, and the full rows (52 figures a line) exist
    for one chunk at a time.
    """
    n = len(texts)
    if not n:
        return
    words = np.fromiter((word_count(t) for t in texts), np.int64, n)
    total = int(words.sum()) or 1
    has_sentence = np.fromiter((SENTENCE.search(t) is not None for t in texts), bool, n)
    prose = np.where((words >= PROSE_WORDS) & has_sentence, words, 0)
    prose_total = int(prose.sum()) or 1
    counts: dict[str, int] = {}
    for t in texts:
        counts[t] = counts.get(t, 0) + 1
    longest = int(words.max())
    longest_at = int(words.argmax())
    words_before = np.concatenate(([0], np.cumsum(words)[:-1]))
    prose_before_all = np.concatenate(([0], np.cumsum(prose)[:-1]))
    log_words = _log1p(words.astype(np.float64))  # the shapes' first column
    sentence = has_sentence.astype(np.float64)  # whether the shapes' second column is not 0
    del has_sentence
    match, anchor = _slug_match(texts, url)
    function_words = page_function_words(texts)
    width = len(FEATURE_NAMES)
    shape_width = len(_LINE)
    start, end = rule_run
    margin = 10  # the widest window reaches this many lines either side
    # Shapes of lines [kept_from, kept_from + len(kept)); the style windows' running sums up to
    # line kept_from, added line by line as one cumulative sum over all lines would be.
    kept_from = 0
    kept = np.zeros((0, shape_width), dtype=np.float64)
    carried = np.zeros(len(_STYLE_COLUMNS), dtype=np.float64)
    for a in range(0, n, size):
        b = min(n, a + size)
        lo, hi = max(0, a - margin), min(n, b + margin)
        if lo > kept_from:  # lines no window of this chunk reaches any more
            gone = kept[: lo - kept_from]
            for c, column in enumerate(_STYLE_COLUMNS):
                carried[c] = np.cumsum(np.concatenate(([carried[c]], gone[:, column])))[-1]
            kept, kept_from = kept[lo - kept_from :].copy(), lo
        have = kept_from + len(kept)
        if hi > have:
            more = np.empty((hi - have, shape_width), dtype=np.float64)
            for i in range(have, hi):
                more[i - have] = _line_shape(texts[i], function_words)
            kept = np.concatenate((kept, more))
        x = np.empty((b - a, width), dtype=np.float64)
        x[:, :shape_width] = kept[a - kept_from : b - kept_from]
        col = shape_width
        rows = np.arange(a, b)
        for off in (-2, -1, 1, 2):
            source = rows + off
            valid = (source >= 0) & (source < n)
            for values in (log_words, sentence):
                x[:, col] = np.where(valid, values[np.clip(source, 0, n - 1)], 0.0)
                col += 1
        for values, k in ((log_words, 3), (sentence, 3), (log_words, 10), (sentence, 10)):
            x[:, col] = _window_means(values[lo:hi], k)[a - lo : b - lo]
            col += 1
        index = np.arange(a, b, dtype=np.float64)
        before = words_before[a:b].astype(np.float64)
        prose_before = prose_before_all[a:b].astype(np.float64)
        x[:, col] = index / n
        x[:, col + 1] = before / total
        x[:, col + 2] = prose_before / prose_total
        x[:, col + 3] = 1 - (prose_before + prose[a:b]) / prose_total
        x[:, col + 4] = np.fromiter((min(counts[t] - 1, 3) for t in texts[a:b]), np.float64, b - a)
        x[:, col + 5] = math.log(n)
        x[:, col + 6] = words[a:b] / (longest or 1)
        x[:, col + 7] = (index - longest_at) / n
        col += 8
        inside = (index >= start) & (index <= end)
        if start < 0:
            distance = np.zeros(b - a, dtype=np.float64)
        else:
            distance = np.where(index < start, start - index, index - end)
            distance[inside] = 0.0
        x[:, col] = inside
        x[:, col + 1] = _log1p(distance)
        col += 2
        x[:, col : col + 4] = _slug_columns(match, anchor, n, a, b)
        col += 4
        for c, column in enumerate(_STYLE_COLUMNS):
            # sums[i] is the column's sum over lines before line kept_from + i
            sums = np.cumsum(np.concatenate(([carried[c]], kept[:, column])))
            for k in (3, 8):
                first = np.maximum(0, rows - k) - kept_from
                stop = np.minimum(n, rows + k + 1) - kept_from
                x[:, col] = (sums[stop] - sums[first]) / (stop - first)
                col += 1
        assert col == width
        yield x


_GRAM_TOKEN = re.compile(r"\w+")
GRAM_WORDS = 48
"""Words of a line read by :func:`line_grams` (a longer line's rest adds little)."""


def _words_of(text: str) -> list[str]:
    return [("0" if t[0].isdigit() else t) for t in _GRAM_TOKEN.findall(text.lower())]


def line_grams(text: str) -> list[str]:
    """What :class:`LineWords` weighs of a line: its words (lowercased, any number as "0"), the first
    and the last word marked ("^first", "last$"), a class of its length ("#n7", 12 and more as one)
    and each pair of neighbouring words."""
    words = _words_of(text)[:GRAM_WORDS]
    if not words:
        return ["#empty"]
    grams = [*words, "^" + words[0], words[-1] + "$", f"#n{min(len(words), 12)}"]
    grams += [f"{a} {b}" for a, b in pairwise(words)]
    return grams


class LineWords:
    """A line's words and its neighbours' words, weighed against the trees' log-odds.

    The trees read a line's shape, not its words; these weights (a logistic regression over
    :func:`line_grams` of the line, the line above and the line below, fitted on top of the
    trees' log-odds for pages of sites they never saw: ``benchmarks/train_line_words.py``) move a
    line's score where its words say more than its shape: a photo credit, a "Reply" or "Read
    more" under a line, a reader's comment or a teaser paragraph that reads like the article's.
    They are learnt from English pages, so they are used only on a page most of whose word tokens
    (``gate``, a share) they know; elsewhere the trees' scores stand alone. Together they move a
    line's log-odds by at most ``cap`` either way: words a page shares with many training pages of
    one subject ("pet insurance") must not outweigh the shape of a whole article's paragraphs.
    """

    def __init__(self, spec: dict[str, Any]) -> None:
        grams = list(spec["grams"])
        self.index = {gram: i for i, gram in enumerate(grams)}
        self.weights = np.asarray(spec["weights"], dtype=np.float64).reshape(3, len(grams))
        self.scale = float(spec["scale"])
        self.bias = float(spec["bias"])
        self.gate = float(spec["gate"])
        self.cap = float(spec["cap"])
        self.known_words = frozenset(g for g in grams if " " not in g and g[:1] not in "^#" and not g.endswith("$"))

    def knows(self, texts: Sequence[str]) -> bool:
        """Whether at least ``gate`` of the page's word tokens are words the weights know."""
        known = total = 0
        for text in texts:  # one line's words at a time: a huge dump's words never exist at once
            words = _words_of(text)
            total += len(words)
            known += sum(w in self.known_words for w in words)
        return total > 0 and known >= self.gate * total

    def log_odds(self, texts: Sequence[str], trees: NDArray[np.float64]) -> NDArray[np.float64]:
        """The lines' log-odds with their words' weights added to the trees' (``trees``)."""
        sums = np.zeros((3, len(texts)), dtype=np.float64)
        for i, text in enumerate(texts):
            ids = [self.index[g] for g in line_grams(text) if g in self.index]
            if ids:
                sums[:, i] = self.weights[:, ids].sum(axis=1) / math.sqrt(len(ids))
        moved = sums[0].copy()
        moved[1:] += 0.5 * sums[1, :-1]
        moved[:-1] += 0.5 * sums[2, 1:]
        out: NDArray[np.float64] = trees * self.scale + self.bias + np.clip(moved, -self.cap, self.cap)
        return out


class LineModel:
    """A binary gradient-boosted tree ensemble, evaluated over all lines and trees at once, and
    the weights of the lines' words (:class:`LineWords`) when the model file has them."""

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
        self.words = LineWords(spec["words"]) if spec.get("words") else None

    def predict(self, rows: Sequence[Sequence[float]] | NDArray[np.float64]) -> list[float]:
        """The probability that each row's line belongs to the article."""
        out: list[float] = []
        for start in range(0, len(rows), PREDICT_CHUNK):
            out.extend(self._predict(rows[start : start + PREDICT_CHUNK]))
        return out

    def predict_lines(self, texts: Sequence[str], url: str | None, rule_run: tuple[int, int]) -> NDArray[np.float64]:
        """The probability that each line belongs to the article: :meth:`predict` of
        :func:`line_features`, computed one chunk of rows at a time (:func:`feature_chunks`), with
        the lines' words weighed in (:class:`LineWords`) when the page's words are known."""
        out = np.empty(len(texts), dtype=np.float64)
        at = 0
        for rows in feature_chunks(texts, url, rule_run):
            out[at : at + len(rows)] = self._log_odds(rows)
            at += len(rows)
        if self.words is not None and self.words.knows(texts):
            out = self.words.log_odds(texts, out)
        probabilities: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-out))
        return probabilities

    def _predict(self, rows: Sequence[Sequence[float]] | NDArray[np.float64]) -> list[float]:
        return [float(p) for p in self._probabilities(rows)]

    def _probabilities(self, rows: Sequence[Sequence[float]] | NDArray[np.float64]) -> NDArray[np.float64]:
        probabilities: NDArray[np.float64] = 1.0 / (1.0 + np.exp(-self._log_odds(rows)))
        return probabilities

    def _log_odds(self, rows: Sequence[Sequence[float]] | NDArray[np.float64]) -> NDArray[np.float64]:
        """The trees' log-odds of each row (before any word weights)."""
        x = np.asarray(rows, dtype=np.float64)
        line = np.arange(len(rows))[:, None]
        node = np.broadcast_to(self.roots, (len(rows), len(self.roots))).copy()
        for _ in range(self.depth + 1):
            leaf = self.leaf[node]
            if leaf.all():
                break
            go_left = x[line, self.feature[node]] <= self.threshold[node]
            node = np.where(leaf, node, np.where(go_left, self.left[node], self.right[node]))
        raw: NDArray[np.float64] = self.baseline + self.value[node].sum(axis=1)
        return raw


@cache
def load_model() -> LineModel:
    """The shipped model (read once per process)."""
    text = resources.files("newsclean.cleaners").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    return LineModel(json.loads(text))
