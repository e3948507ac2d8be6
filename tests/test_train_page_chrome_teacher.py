"""Teacher labels for the line model (``python -m benchmarks.train_page_chrome --teacher ...``):
a dump's lines labelled by whether newsclean's own HTML extraction of the same page keeps them,
and a validation that never scores a collection with a model taught by its own pages or sites."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the benchmarks folder is not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks import train_page_chrome  # noqa: E402
from benchmarks.scoring import PageScore  # noqa: E402
from benchmarks.train_page_chrome import Sample, Truth, options, sample, teacher_labels  # noqa: E402

URL = "https://gazette.example/news/harbour-road-cycle-lane-approved"
PARAGRAPHS = [
    "The city council voted on Tuesday to build a protected cycle lane along the length of Harbour Road, "
    "ending a dispute that has divided residents and shop owners for more than two years.",
    "The plan replaces one lane of car traffic with a two-way cycle track separated from the road by a low "
    "kerb and a row of planters. Work is due to start in the spring and to take about eight months.",
    "Supporters said the road had become one of the most dangerous in the region for people on bicycles, "
    "with three serious collisions reported last year alone, two of them at the Mill Street junction.",
    "Several traders objected that the loss of parking bays in front of their shops would drive customers "
    "away, and the council agreed to review the scheme after its first year in service.",
]
MENU = ["Home", "News", "World", "Business", "Sport"]
RELATED = ["Mill Street bridge to close for repairs in June", "New bus timetable starts on Monday across the city"]
FOOTER = ["About us", "Contact", "Privacy policy", "© 2024 Harbour Gazette"]


def _page() -> bytes:
    def links(texts: list[str]) -> str:
        return "".join(f'<li><a href="/{i}">{t}</a></li>' for i, t in enumerate(texts))

    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<!DOCTYPE html><html><head><title>Harbour Road cycle lane approved</title></head><body>"
        f'<nav class="site-nav"><ul>{links(MENU)}</ul></nav>'
        f"<main><article><h1>Harbour Road cycle lane approved after two-year dispute</h1>{paragraphs}</article>"
        f'<aside class="related"><h2>Related stories</h2><ul>{links(RELATED)}</ul></aside></main>'
        f'<footer class="site-footer"><ul>{links(FOOTER)}</ul></footer>'
        "</body></html>"
    ).encode()


def test_a_hand_written_page_is_labelled_by_what_the_html_extraction_keeps() -> None:
    html = _page()
    # The ground truth given here is deliberately wrong (the menu): the teacher does not read it.
    s = sample("test", Truth("test/harbour", URL, html, "\n".join(MENU), []))
    labels = dict(zip(s.texts, teacher_labels(s.texts, html, URL), strict=True))
    for paragraph in PARAGRAPHS:
        assert labels[paragraph] is True
    for line in [*MENU, *RELATED, "About us", "Contact", "Privacy policy"]:
        assert labels[line] is False, line
    # The headline is not in the extraction's body (it is the record's headline), so not taught as body.
    assert labels["Harbour Road cycle lane approved after two-year dispute"] is False
    # The same lines by the (wrong) ground truth: the menu is the "article" there.
    assert dict(zip(s.texts, s.labels, strict=True))["Home"] is True


def test_a_line_partly_kept_goes_by_its_larger_part() -> None:
    line = PARAGRAPHS[0] + " Share this story on Facebook Twitter"
    # 29 words of the paragraph, 6 of the share bar: most of the line's shingles are kept.
    html = _page().replace(PARAGRAPHS[0].encode(), line.encode())
    assert teacher_labels([line], html, URL) == [True]
    # A menu line with one article word in it is not the article's.
    assert teacher_labels(["Home News World Business Sport Harbour Road"], html, URL) == []


def test_a_page_whose_extraction_keeps_no_line_teaches_nothing() -> None:
    texts = ["Nothing of this line is on the page at all", "Nor of this one"]
    assert teacher_labels(texts, _page(), URL) == []
    # Markup the extraction refuses (binary bytes) teaches nothing either, and raises nothing.
    assert teacher_labels(texts, b"\x00\x01\x02\x03" * 64, URL) == []


def _sample(collection: str, name: str, site: str) -> Sample:
    return Sample(collection, name, site, f"https://{site}/a", "", ["line"], [True], [[0.0]], "truth", [], [True])


def test_no_collection_is_scored_by_a_model_taught_by_its_own_pages_or_sites(monkeypatch: pytest.MonkeyPatch) -> None:
    pages = [
        *(_sample("wcxb-dev", f"w{i}", f"site{i}.example") for i in range(6)),
        _sample("wcxb-dev", "w-shared", "shared.example"),
        *(_sample("dragnet", f"d{i}", f"blog{i}.example") for i in range(3)),
        _sample("dragnet", "d-shared", "shared.example"),
        *(_sample("fundus", f"f{i}", f"paper{i}.example") for i in range(3)),
    ]
    fits: list[tuple[list[str], list[str]]] = []

    def fit(train: list[Sample], even: bool = False, teacher: Any = (), weight: float = 1.0) -> object:
        fits.append(([s.name for s in train], [s.name for s in teacher]))
        return object()

    def scored(part: list[Sample], cleaner: object) -> list[PageScore]:
        return [PageScore(1.0, 0.0, 0.0) for _ in part]

    def no_model() -> None:
        raise OSError("no shipped model here")

    monkeypatch.setattr(train_page_chrome, "_fit", fit)
    monkeypatch.setattr(train_page_chrome, "export", lambda *args, **kwargs: {})
    monkeypatch.setattr(train_page_chrome, "LineModel", lambda spec: None)
    monkeypatch.setattr(train_page_chrome, "_scored", scored)
    monkeypatch.setattr(train_page_chrome, "load_model", no_model)
    rows = train_page_chrome.teacher_validation(pages, ["wcxb-dev"], ["dragnet", "fundus"], folds=3)
    assert [(r["collection"], r["pages"]) for r in rows] == [("wcxb-dev", 7), ("dragnet", 4), ("fundus", 3)]
    assert rows[0]["truth_on"] == ["wcxb-dev (other sites)"]
    assert rows[1]["truth_on"] == ["wcxb-dev"] and rows[1]["teacher_on"] == ["fundus"]
    by_name = {s.name: s for s in pages}
    scored_with_teacher = [f for f in fits if f[1]]
    assert len(scored_with_teacher) == 3 + 1 + 1  # three folds of wcxb-dev, then dragnet, then fundus
    for _truth, taught in scored_with_teacher:
        taught_from = {by_name[n].collection for n in taught}
        assert "wcxb-dev" not in taught_from  # wcxb-dev is not among the teacher collections
    dragnet_truth, dragnet_taught = scored_with_teacher[3]
    assert "w-shared" not in dragnet_truth  # a site dragnet shares is left out of training
    assert {by_name[n].collection for n in dragnet_taught} == {"fundus"}
    fundus_truth, fundus_taught = scored_with_teacher[4]
    assert {by_name[n].collection for n in fundus_taught} == {"dragnet"}
    assert len(fundus_truth) == 7
    for truth, taught in scored_with_teacher[:3]:
        assert {by_name[n].collection for n in truth} == {"wcxb-dev"}
        # a fold's own sites are in neither its truth nor its teacher labels
        assert ("w-shared" in truth) == ("d-shared" in taught)
    # Only the collections asked for are scored.
    only = train_page_chrome.teacher_validation(pages, ["wcxb-dev"], ["dragnet", "fundus"], scored=["fundus"])
    assert [r["collection"] for r in only] == ["fundus"]
    # Teacher labels alone: no ground truth in any fit that is taught.
    fits.clear()
    train_page_chrome.teacher_validation(pages, ["wcxb-dev"], ["wcxb-dev", "dragnet"], folds=3, teacher_only=True)
    assert all(not truth for truth, taught in fits if taught)
    assert all(by_name[n].collection != "wcxb-dev" for truth, taught in fits[:6] for n in taught)


def test_teacher_options_are_read_and_checked() -> None:
    args = options(["--teacher", "dragnet, fundus", "--teacher-weight", "0.5"])
    assert args.teacher == ["dragnet", "fundus"] and args.teacher_weight == 0.5 and not args.teacher_only
    assert options([]).teacher is None
    assert options(["--teacher", "wcxb-dev", "--teacher-only"]).teacher_only is True
