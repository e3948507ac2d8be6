"""A learned choice between independent main-content candidates.

newsclean's scorer (:mod:`newsclean.cleaners.content`) picks one element of the page; on some
pages another finder does better (readability-lxml's candidate), on others the scorer does. No
fixed rule says which: a small model learned across news collections does, from measurements
of the candidates that do not depend on any site's markup (how many words each holds, the share
of the page's paragraph text the scorer's choice holds, its link density, how close the
runner-up element came, how much the candidates agree with each other and with the page's
JSON-LD ``articleBody``).

Two models whose parameters ship as JSON package data (``selector_model.json``, written by
``benchmarks/train_selector.py``; no scikit-learn at run time):

- the *gate* sees only what the scorer already measured, and says whether its choice is unsure;
  only then is readability-lxml run (it costs more than the rest of the extraction);
- the *selector* sees both candidates and says which to take.

Each decision comes with the features that weighed most, for the record's provenance.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from newsclean.cleaners.document import Block, BlockKind

__all__ = [
    "CHEAP_FEATURES",
    "FULL_FEATURES",
    "Choice",
    "Evidence",
    "LogisticModel",
    "SelectorModel",
    "TreeModel",
    "cheap_features",
    "full_features",
    "load_model",
]

MODEL_FILE = "selector_model.json"

_TOKEN = re.compile(r"\w+")

PROSE_WORDS = 20
"""A block with this many words counts as a paragraph of prose."""

SHORT_WORDS = 8
"""A block with fewer words is a label, a link or a line of furniture."""


def _shingles(text: str) -> set[tuple[str, ...]]:
    tokens = _TOKEN.findall(text.casefold())
    return {tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3)}


def _share(part: set[tuple[str, ...]], whole: set[tuple[str, ...]]) -> float:
    """The share of ``part``'s shingles found in ``whole`` (0 when ``part`` has none)."""
    return len(part & whole) / len(part) if part else 0.0


def _f1(a: set[tuple[str, ...]], b: set[tuple[str, ...]]) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


@dataclass
class Evidence:
    """What the scorer measured while choosing, for the gate (filled by the HTML extractor)."""

    page_chars: int = 0
    """Text on the page after never-text elements were stripped."""
    page_prose: int = 0
    """Paragraph text on the page (``<p>`` with few links)."""
    chosen_chars: int = 0
    chosen_prose: int = 0
    chosen_links: int = 0
    worth: float = 0.0
    rival: float = 0.0
    whole_page: bool = False
    """The scorer found nothing like a paragraph and gave the whole page."""
    ld_body: str = ""
    """The page's JSON-LD ``articleBody`` (empty when it has none long enough)."""


def _block_stats(blocks: Sequence[Block]) -> tuple[int, int, float, set[tuple[str, ...]]]:
    words = [len(b.text.split()) for b in blocks]
    total = sum(words)
    paragraphs = sum(
        1 for b, n in zip(blocks, words, strict=True) if n >= PROSE_WORDS and b.kind is not BlockKind.HEADING
    )
    short = sum(1 for n in words if n < SHORT_WORDS) / len(words) if words else 1.0
    return total, paragraphs, short, _shingles(" ".join(b.text for b in blocks))


CHEAP_FEATURES = (
    "words",
    "page_chars",
    "prose_share",
    "text_share",
    "link_density",
    "rival",
    "paragraphs",
    "blocks",
    "short_share",
    "has_ld",
    "ld_f1",
    "ld_cover",
    "whole_page",
)
"""The gate's features: the scorer's choice as measured, nothing run again."""

FULL_FEATURES = (
    *CHEAP_FEATURES,
    "r_words",
    "r_word_ratio",
    "s_in_r",
    "r_in_s",
    "r_paragraphs",
    "r_short_share",
    "r_ld_f1",
    "r_empty",
    "s_prose",
    "r_prose",
    "s_only",
    "s_only_prose",
    "r_only",
    "r_only_prose",
)
"""The selector's features: the gate's and readability-lxml's candidate's."""

_FEATURE_WORDS = {
    "words": "the scorer's words",
    "page_chars": "the page's text",
    "prose_share": "the scorer's share of the page's paragraph text",
    "text_share": "the scorer's share of the page's text",
    "link_density": "the scorer's link density",
    "rival": "how close another part of the page came",
    "paragraphs": "the scorer's paragraphs",
    "blocks": "the scorer's blocks",
    "short_share": "the scorer's share of short lines",
    "has_ld": "a JSON-LD articleBody",
    "ld_f1": "the scorer's agreement with the JSON-LD articleBody",
    "ld_cover": "the share of the JSON-LD articleBody the scorer holds",
    "whole_page": "no paragraph found",
    "r_words": "readability's words",
    "r_word_ratio": "readability's words against the scorer's",
    "s_in_r": "the share of the scorer's text readability holds",
    "r_in_s": "the share of readability's text the scorer holds",
    "r_paragraphs": "readability's paragraphs",
    "r_short_share": "readability's share of short lines",
    "r_ld_f1": "readability's agreement with the JSON-LD articleBody",
    "r_empty": "readability found nothing",
    "s_prose": "the scorer's share of words in sentences",
    "r_prose": "readability's share of words in sentences",
    "s_only": "the scorer's words readability lacks",
    "s_only_prose": "the share of sentences in the scorer's words readability lacks",
    "r_only": "readability's words the scorer lacks",
    "r_only_prose": "the share of sentences in readability's words the scorer lacks",
}

_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]?\s*$")
SENTENCE_WORDS = 15
"""A block this long ending like a sentence is prose."""


def _prose_words(blocks: Sequence[Block]) -> tuple[int, int]:
    """Words in prose blocks, and all words."""
    prose = total = 0
    for b in blocks:
        n = len(b.text.split())
        total += n
        if n >= SENTENCE_WORDS and _SENTENCE_END.search(b.text):
            prose += n
    return prose, total


def _only(blocks: Sequence[Block], other: set[tuple[str, ...]], other_text: str) -> list[Block]:
    """The blocks of one candidate the other lacks: most of their shingles (a short block: its
    text) are not in the other's."""
    out = []
    for b in blocks:
        sh = _shingles(b.text)
        if sh:
            if _share(sh, other) < 0.5:
                out.append(b)
        elif " ".join(_TOKEN.findall(b.text.casefold())) not in other_text:
            out.append(b)
    return out


def cheap_features(evidence: Evidence, blocks: Sequence[Block]) -> dict[str, float]:
    """The gate's features of the scorer's choice, ``blocks`` being what it gave."""
    words, paragraphs, short, shingles = _block_stats(blocks)
    ld = _shingles(evidence.ld_body) if evidence.ld_body else set()
    chars = max(evidence.chosen_chars, 1)
    worth = evidence.worth
    rival = min(max(evidence.rival / worth, -1.0), 1.5) if worth > 0 else 1.0
    return {
        "words": math.log1p(words),
        "page_chars": math.log1p(evidence.page_chars),
        "prose_share": evidence.chosen_prose / evidence.page_prose if evidence.page_prose else 0.0,
        "text_share": evidence.chosen_chars / evidence.page_chars if evidence.page_chars else 0.0,
        "link_density": evidence.chosen_links / chars,
        "rival": rival,
        "paragraphs": math.log1p(paragraphs),
        "blocks": math.log1p(len(blocks)),
        "short_share": short,
        "has_ld": 1.0 if ld else 0.0,
        "ld_f1": _f1(shingles, ld),
        "ld_cover": _share(ld, shingles),
        "whole_page": 1.0 if evidence.whole_page or not blocks else 0.0,
    }


def full_features(
    cheap: dict[str, float], evidence: Evidence, blocks: Sequence[Block], other: Sequence[Block]
) -> dict[str, float]:
    """The selector's features: ``cheap`` and those of readability-lxml's candidate ``other``
    against the scorer's ``blocks``."""
    s_words, _, _, s_sh = _block_stats(blocks)
    r_words, r_paragraphs, r_short, r_sh = _block_stats(other)
    ld = _shingles(evidence.ld_body) if evidence.ld_body else set()
    s_prose, s_total = _prose_words(blocks)
    r_prose, r_total = _prose_words(other)
    s_tokens = " ".join(_TOKEN.findall(" ".join(b.text for b in blocks).casefold()))
    r_tokens = " ".join(_TOKEN.findall(" ".join(b.text for b in other).casefold()))
    s_only_prose, s_only = _prose_words(_only(blocks, r_sh, r_tokens))
    r_only_prose, r_only = _prose_words(_only(other, s_sh, s_tokens))
    return {
        **cheap,
        "r_words": math.log1p(r_words),
        "r_word_ratio": math.log((r_words + 1) / (s_words + 1)),
        "s_in_r": _share(s_sh, r_sh),
        "r_in_s": _share(r_sh, s_sh),
        "r_paragraphs": math.log1p(r_paragraphs),
        "r_short_share": r_short,
        "r_ld_f1": _f1(r_sh, ld),
        "r_empty": 0.0 if other else 1.0,
        "s_prose": s_prose / s_total if s_total else 0.0,
        "r_prose": r_prose / r_total if r_total else 0.0,
        "s_only": math.log1p(s_only),
        "s_only_prose": s_only_prose / s_only if s_only else 0.0,
        "r_only": math.log1p(r_only),
        "r_only_prose": r_only_prose / r_only if r_only else 0.0,
    }


@dataclass(frozen=True)
class LogisticModel:
    """``p = sigmoid(intercept + sum(coef * (x - mean) / scale))``; ``threshold`` decides."""

    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    threshold: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LogisticModel:
        return cls(
            tuple(data["features"]),
            tuple(float(v) for v in data["mean"]),
            tuple(float(v) or 1.0 for v in data["scale"]),
            tuple(float(v) for v in data["coef"]),
            float(data["intercept"]),
            float(data["threshold"]),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "features": list(self.features),
            "mean": list(self.mean),
            "scale": list(self.scale),
            "coef": list(self.coef),
            "intercept": self.intercept,
            "threshold": self.threshold,
        }

    def terms(self, x: dict[str, float]) -> list[tuple[str, float]]:
        """Each feature's push on the log-odds."""
        return [
            (name, c * (x[name] - m) / s)
            for name, m, s, c in zip(self.features, self.mean, self.scale, self.coef, strict=True)
        ]

    def probability(self, x: dict[str, float]) -> float:
        z = self.intercept + sum(t for _, t in self.terms(x))
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def why(self, x: dict[str, float], toward: bool, count: int = 3) -> str:
        """The features that pushed most toward (``toward``) or against a yes, in words."""
        terms = sorted(self.terms(x), key=lambda t: t[1], reverse=toward)[:count]
        return "; ".join(f"{_FEATURE_WORDS.get(name, name)} ({_shown(name, x[name])})" for name, _ in terms)


def _shown(name: str, value: float) -> str:
    if name == "page_chars":
        return f"{math.expm1(value):.0f} characters"
    if name in ("words", "r_words", "paragraphs", "r_paragraphs", "blocks", "s_only", "r_only"):
        return f"{math.expm1(value):.0f}"
    if name == "r_word_ratio":
        return f"x{math.exp(value):.2f}"
    return f"{value:.2f}"


@dataclass(frozen=True)
class TreeModel:
    """A binary gradient-boosted tree ensemble (scikit-learn's histogram boosting, exported as
    plain arrays); ``threshold`` decides."""

    features: tuple[str, ...]
    baseline: float
    trees: tuple[dict[str, list[Any]], ...]
    threshold: float

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TreeModel:
        return cls(tuple(data["features"]), float(data["baseline"]), tuple(data["trees"]), float(data["threshold"]))

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": "trees",
            "features": list(self.features),
            "baseline": self.baseline,
            "threshold": self.threshold,
            "trees": list(self.trees),
        }

    def terms(self, x: dict[str, float]) -> list[tuple[str, float]]:
        """Each feature's push on the log-odds: along each tree's path, the change of the
        node's value at every split, credited to the split's feature."""
        push = dict.fromkeys(self.features, 0.0)
        values = [x[name] for name in self.features]
        for tree in self.trees:
            node = 0
            while not tree["leaf"][node]:
                feature = tree["feature"][node]
                child = tree["left"][node] if values[feature] <= tree["threshold"][node] else tree["right"][node]
                push[self.features[feature]] += tree["value"][child] - tree["value"][node]
                node = child
        return list(push.items())

    def probability(self, x: dict[str, float]) -> float:
        values = [x[name] for name in self.features]
        z = self.baseline
        for tree in self.trees:
            node = 0
            while not tree["leaf"][node]:
                go_left = values[tree["feature"][node]] <= tree["threshold"][node]
                node = tree["left"][node] if go_left else tree["right"][node]
            z += tree["value"][node]
        return 1.0 / (1.0 + math.exp(-max(min(z, 40.0), -40.0)))

    def why(self, x: dict[str, float], toward: bool, count: int = 3) -> str:
        terms = sorted(self.terms(x), key=lambda t: t[1], reverse=toward)[:count]
        return "; ".join(f"{_FEATURE_WORDS.get(name, name)} ({_shown(name, x[name])})" for name, _ in terms)


Model = LogisticModel | TreeModel


def model_from_json(data: dict[str, Any]) -> Model:
    return TreeModel.from_json(data) if data.get("kind") == "trees" else LogisticModel.from_json(data)


@dataclass(frozen=True)
class SelectorModel:
    gate: Model
    select: Model
    trained_on: str = ""


@dataclass(frozen=True)
class Choice:
    """How the main content was chosen: ``checked`` when the gate found the scorer's choice
    unsure and readability-lxml's candidate was weighed against it."""

    winner: str
    """``"scorer"`` or ``"readability"``."""
    unsure: float
    """The gate's probability that the scorer's choice is the worse."""
    checked: bool
    preferred: float = 0.0
    """The selector's probability that readability-lxml's candidate is the better."""
    reason: str = ""


@cache
def load_model() -> SelectorModel | None:
    """The shipped selector, or ``None`` when the package data is missing."""
    try:
        text = resources.files("newsclean.cleaners").joinpath(MODEL_FILE).read_text(encoding="utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    data = json.loads(text)
    return SelectorModel(model_from_json(data["gate"]), model_from_json(data["select"]), data.get("trained_on", ""))
