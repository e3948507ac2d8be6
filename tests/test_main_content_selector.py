"""The learned selector between newsclean's scorer and readability-lxml's candidate."""

from __future__ import annotations

import dataclasses
import json
import math

import pytest
from newsclean.cleaners import clean_html, selector
from newsclean.cleaners.api import CHOSE
from newsclean.cleaners.html import OUTSIDE_READABILITY, extract_html
from newsclean.cleaners.selector import CHEAP_FEATURES, FULL_FEATURES, LogisticModel, SelectorModel

PARAGRAPHS = [
    "The city council voted on Tuesday to build a protected cycle lane along the length of Harbour Road, "
    "ending a dispute that has divided residents and shop owners for more than two years.",
    "The plan replaces one lane of car traffic with a two-way cycle track separated from the road by a low "
    "kerb and a row of planters, and work is due to start in the spring.",
    "Several traders objected that the loss of parking bays in front of their shops would drive customers "
    "away; the council agreed to review the scheme after its first year.",
]
PAGE = (
    "<html><head><title>Cycle lane approved</title></head><body>"
    "<div class='menu'><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></div>"
    "<div class='story'><h1>Cycle lane approved</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
    "<div class='footer'><a href='/about'>About us</a> <a href='/contact'>Contact</a></div></body></html>"
)


def _model(gate: float, select: float) -> SelectorModel:
    """A model whose gate and selector always say ``gate`` and ``select`` (probabilities)."""

    def constant(features: tuple[str, ...], p: float) -> LogisticModel:
        n = len(features)
        return LogisticModel(features, (0.0,) * n, (1.0,) * n, (0.0,) * n, math.log(p / (1 - p)), 0.5)

    return SelectorModel(constant(CHEAP_FEATURES, gate), constant(FULL_FEATURES, select))


@pytest.fixture
def model(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    def use(gate: float, select: float) -> None:
        monkeypatch.setattr("newsclean.cleaners.html.load_model", lambda: _model(gate, select))

    return use


def test_the_shipped_model_matches_the_features() -> None:
    shipped = selector.load_model()
    assert shipped is not None
    assert shipped.gate.features == CHEAP_FEATURES
    assert shipped.select.features == FULL_FEATURES
    assert 0.0 < shipped.gate.threshold < 1.0
    assert "wcxb-dev" in shipped.trained_on and "dragnet" in shipped.trained_on and "fundus" in shipped.trained_on


def test_model_parameters_round_trip_through_json() -> None:
    shipped = selector.load_model()
    assert shipped is not None
    again = LogisticModel.from_json(json.loads(json.dumps(shipped.select.to_json())))
    assert again == shipped.select


def test_a_clear_article_is_not_cross_checked() -> None:
    # The gate finds the scorer sure of a page that is one long article box: readability-lxml
    # is not run and the record says nothing about a choice. (Short pages are where the two
    # finders differ most: the gate sends a three-paragraph page to the selector.)
    paragraphs = [f"{p[:-1]}, the clerk noted in session {n}." for n in range(1, 5) for p in PARAGRAPHS]
    page = PAGE.replace("".join(f"<p>{p}</p>" for p in PARAGRAPHS), "".join(f"<p>{p}</p>" for p in paragraphs))
    probe: dict[str, object] = {}
    extract_html(page, main_content="selected", probe=probe)
    shipped = selector.load_model()
    assert shipped is not None
    assert probe["unsure"] < shipped.gate.threshold  # type: ignore[operator]
    article = clean_html(page, main_content="selected")
    assert not [s for s in article.cleaning if s.action == CHOSE]
    assert article.articleBody == "\n\n".join(paragraphs)


def test_an_unsure_choice_taken_from_readability_is_explained(model) -> None:  # type: ignore[no-untyped-def]
    model(0.9, 0.9)
    article = clean_html(PAGE, main_content="selected")
    chose = [s for s in article.cleaning if s.action == CHOSE]
    assert len(chose) == 1 and chose[0].cleaner == "main-content"
    assert chose[0].text == "readability-lxml's candidate"
    assert "took readability-lxml's candidate instead (p=0.90)" in chose[0].reason
    assert "mostly for" in chose[0].reason
    # The regions left out are readability-lxml's, and the text is still the article's.
    left = [s for s in article.cleaning if s.action == "left-out"]
    assert left and all(OUTSIDE_READABILITY in s.reason for s in left)
    assert article.articleBody == "\n\n".join(PARAGRAPHS)


def test_an_unsure_choice_kept_is_explained(model) -> None:  # type: ignore[no-untyped-def]
    model(0.9, 0.1)
    article = clean_html(PAGE, main_content="selected")
    chose = [s for s in article.cleaning if s.action == CHOSE]
    assert [s.text for s in chose] == ["newsclean's scorer"]
    assert "kept it over readability-lxml's candidate (p=0.10)" in chose[0].reason
    assert article.articleBody == "\n\n".join(PARAGRAPHS)


def test_the_default_scorer_never_cross_checks(model) -> None:  # type: ignore[no-untyped-def]
    model(0.9, 0.9)
    article = clean_html(PAGE)
    assert not [s for s in article.cleaning if s.action == CHOSE]


def test_readability_failing_keeps_the_scorer(model, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    model(0.9, 0.9)

    def refuse(tree: object) -> list[object]:
        raise ValueError("Document is empty")

    monkeypatch.setattr("newsclean.cleaners.html._readability_blocks", refuse)
    article = clean_html(PAGE, main_content="selected")
    chose = [s for s in article.cleaning if s.action == CHOSE]
    assert [s.text for s in chose] == ["newsclean's scorer"]
    assert article.articleBody == "\n\n".join(PARAGRAPHS)


def test_why_names_the_weightiest_features() -> None:
    m = LogisticModel(("words", "rival"), (0.0, 0.0), (1.0, 1.0), (2.0, -1.0), 0.0, 0.5)
    x = {"words": math.log1p(120), "rival": 0.5}
    assert m.why(x, True, count=1) == "the scorer's words (120)"
    assert m.why(x, False, count=1) == "how close another part of the page came (0.50)"


def test_features_are_those_the_trainer_keeps() -> None:
    evidence = selector.Evidence(page_chars=1000, page_prose=600, chosen_chars=500, chosen_prose=450, worth=400.0)
    assert set(dataclasses.asdict(evidence)) >= {"page_chars", "ld_body", "rival"}
    blocks = extract_html(PAGE).blocks
    cheap = selector.cheap_features(evidence, blocks)
    assert tuple(cheap) == CHEAP_FEATURES
    full = selector.full_features(cheap, evidence, blocks, blocks)
    assert tuple(full) == FULL_FEATURES
    assert full["s_in_r"] == full["r_in_s"] == 1.0 and full["r_word_ratio"] == 0.0

