"""Plain-text cleaning on real pages: floors that a later change must not silently lose.

Each wcxb-dev article page is turned into the text dump a naive scraper saves
(``benchmarks/textdump.py``: the visible text, one block per line) and cleaned with
``clean_text``; scores are the benchmark's 4-word-shingle F1 against the page's human-made
main content. The line model was trained on these pages, so the floors pin what it learned;
its score on sites it never saw is measured by ``python -m benchmarks.train_page_chrome``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import pytest
from newsclean.cleaners import CleanerChain, clean_text
from newsclean.cleaners.page_chrome import PageChrome

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the benchmarks folder is not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks.quality import wcxb_articles  # noqa: E402
from benchmarks.scoring import PageScore, score_page, summarise  # noqa: E402
from benchmarks.textdump import visible_text  # noqa: E402

WCXB = ROOT.parent / "shared" / "data" / "wcxb-dev"
STEP = 8
"""Every eighth article page of wcxb-dev (about a hundred pages, a few seconds)."""

pytestmark = pytest.mark.skipif(not WCXB.is_dir(), reason="../shared/data/wcxb-dev is not here")


@cache
def _pages() -> list[tuple[str, str, str, str, list[str]]]:
    pages = []
    for page in wcxb_articles(WCXB, None):
        truth = page.truth["ground_truth"]
        main, without = truth.get("main_content") or "", truth.get("without") or []
        pages.append((page.name, page.url, visible_text(page.html), main, without))
    return pages[::STEP]


@cache
def _scores(model: bool) -> list[PageScore]:
    chain = None if model else CleanerChain(instances={"page_chrome": PageChrome(model=False)})
    out = []
    for _, url, dump, truth, without in _pages():
        body = clean_text(dump, url=url, chain=chain).articleBody or ""
        out.append(score_page(truth, body, without))
    return out


def test_cleaned_dumps_keep_the_article_and_drop_the_page() -> None:
    raw = summarise(score_page(truth, dump, without) for _, _, dump, truth, without in _pages())
    cleaned = summarise(_scores(model=True))
    assert len(_pages()) >= 90
    assert raw.f1 < 0.83
    assert cleaned.f1 >= 0.93
    assert cleaned.precision >= 0.905 and cleaned.recall >= 0.955
    assert cleaned.leak <= 0.06


def test_the_line_model_beats_the_prose_rule_it_refines() -> None:
    by_rule = summarise(_scores(model=False))
    learned = summarise(_scores(model=True))
    assert learned.f1 >= by_rule.f1 + 0.02
    assert learned.leak < by_rule.leak


def test_no_page_loses_its_article_to_the_model() -> None:
    lost = [
        name
        for (name, *_), rule, model in zip(_pages(), _scores(model=False), _scores(model=True), strict=True)
        if rule.tp > 0.5 and model.tp < 0.1
    ]
    assert lost == []
