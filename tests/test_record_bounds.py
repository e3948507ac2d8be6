"""Records stay bounded: repeated decisions are folded into one provenance entry with a count,
and a record too large to store is quarantined without its bulk."""

from __future__ import annotations

import json

import pytest
from newsclean.cleaners import api, clean_html
from newsclean.cleaners.api import STEPS_PER_KIND
from newsclean.cleaners.validate import problems

PARAGRAPH = "<p>The council approved the budget on Monday after a long debate about the new school.</p>"


def test_repeated_decisions_are_folded_with_a_count(monkeypatch: pytest.MonkeyPatch) -> None:
    copies = 3000
    html = f"<html><body><article><h1>Budget approved at last</h1>{PARAGRAPH * copies}</article></body></html>"
    with monkeypatch.context() as unbounded:
        unbounded.setattr(api, "STEPS_PER_KIND", 10**9)
        every = [s for s in clean_html(html).cleaning if s.cleaner == "repeats" and s.action == "removed"]
    article = clean_html(html)
    removed = [s for s in article.cleaning if s.cleaner == "repeats" and s.action == "removed"]
    assert len(removed) == STEPS_PER_KIND + 1
    folded = removed[-1]
    assert folded.count is not None and folded.block is None
    assert STEPS_PER_KIND + folded.count == len(every) >= copies - 1  # every decision accounted for
    assert removed[:-1] == every[:STEPS_PER_KIND]
    assert all(s.count is None for s in removed[:-1])
    assert len(json.dumps(article.to_dict())) < 50_000  # 400,000 entries made a 137 MB record
    assert article.articleBody is not None and article.articleBody.count("council approved") == 1


def test_a_few_decisions_are_listed_one_by_one() -> None:
    html = f"<html><body><article><h1>Budget approved at last</h1>{PARAGRAPH * 3}</article></body></html>"
    assert all(s.count is None for s in clean_html(html).cleaning)


def test_a_record_over_the_size_limit_is_a_problem() -> None:
    record = {"cleaning": [], "headline": "H", "articleBody": "word " * 2000}
    found = problems(record, max_record_bytes=5000)
    assert [p.code for p in found] == ["record_too_large"]
    assert "more than 5000" in found[0].message
    assert problems(record, max_record_bytes=None) == []
