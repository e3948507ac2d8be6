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
from benchmarks.train_page_chrome import LOADERS  # noqa: E402

DATA = ROOT.parent / "shared" / "data"
WCXB = DATA / "wcxb-dev"
STEP = 8
"""Every eighth article page of wcxb-dev (about a hundred pages, a few seconds)."""


needs_wcxb = pytest.mark.skipif(not WCXB.is_dir(), reason="../shared/data/wcxb-dev is not here")


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


@needs_wcxb
def test_cleaned_dumps_keep_the_article_and_drop_the_page() -> None:
    raw = summarise(score_page(truth, dump, without) for _, _, dump, truth, without in _pages())
    cleaned = summarise(_scores(model=True))
    assert len(_pages()) >= 90
    assert raw.f1 < 0.83
    # Session 40: F1 0.954, precision 0.942, recall 0.966 (0.95 before the cut past the prose
    # rule's end needed a line of the page's furniture too: docs/quality.md, "Past the prose
    # rule's end, a cut needs a line of the page's furniture").
    assert cleaned.f1 >= 0.945
    assert cleaned.precision >= 0.935 and cleaned.recall >= 0.96
    assert cleaned.leak <= 0.06


@needs_wcxb
def test_the_line_model_beats_the_prose_rule_it_refines() -> None:
    by_rule = summarise(_scores(model=False))
    learned = summarise(_scores(model=True))
    assert learned.f1 >= by_rule.f1 + 0.02
    assert learned.leak < by_rule.leak


@needs_wcxb
def test_no_page_loses_its_article_to_the_model() -> None:
    lost = [
        name
        for (name, *_), rule, model in zip(_pages(), _scores(model=False), _scores(model=True), strict=True)
        if rule.tp > 0.5 and model.tp < 0.1
    ]
    assert lost == []


OTHER_COLLECTIONS = {
    # collection: (every Nth page, ceiling of the raw dump's F1, floor of the cleaned dump's F1,
    # floor of its gain over the prose rule alone). Measured with the shipped model (trained on
    # wcxb-dev only, so these pages are unseen), session 40: dragnet 173 pages, raw 0.544, prose
    # rule 0.899, line model 0.924 (0.920 in session 39; 0.868 and 0.872 for the rule earlier, 0.848
    # before the kept run stopped where readers' comments start, 0.802 before the rule read the
    # comment headings other cleaners removed); fundus 86 pages, raw 0.670, prose rule 0.903,
    # line model 0.930 (0.888 and 0.877 earlier; 0.868 before Japanese and Chinese were counted
    # by characters). The whole collections score lower (dragnet 0.897, fundus 0.922): every 8th
    # and every 3rd page is a sample. Session 57: dragnet 0.931 (prose rule 0.911), fundus 0.931
    # (0.905); the whole collections 0.916 and 0.923.
    "dragnet": (8, 0.60, 0.925, 0.01),
    "fundus": (3, 0.70, 0.925, 0.01),
}


@cache
def _collection(name: str) -> list[tuple[str, str, str]]:
    step = OTHER_COLLECTIONS[name][0]
    pages = []
    for n, page in enumerate(LOADERS[name](DATA / name, None)):
        if n % step == 0:
            pages.append((page.url, visible_text(page.html.decode("utf-8", "replace")), page.text))
    return pages


@pytest.mark.parametrize("name", sorted(OTHER_COLLECTIONS))
def test_dumps_of_the_other_collections_clean_well_too(name: str) -> None:
    """Dumps of pages from collections the shipped model never saw: dragnet (2012 news and
    blogs, whose truth includes headlines and captions) and fundus (news from 40 countries)."""
    if not (DATA / name).is_dir():
        pytest.skip(f"../shared/data/{name} is not here")
    _, raw_ceiling, floor, gain = OTHER_COLLECTIONS[name]
    pages = _collection(name)
    rule = CleanerChain(instances={"page_chrome": PageChrome(model=False)})
    raw = summarise(score_page(truth, dump) for _, dump, truth in pages)
    by_rule = summarise(
        score_page(truth, clean_text(dump, url=url, chain=rule).articleBody or "") for url, dump, truth in pages
    )
    learned = summarise(score_page(truth, clean_text(dump, url=url).articleBody or "") for url, dump, truth in pages)
    assert raw.f1 < raw_ceiling
    assert learned.f1 >= floor
    assert learned.f1 >= by_rule.f1 + gain


MARKDOWN_COLLECTIONS = {
    # collection: (every Nth page, ceiling of the raw Markdown dump's F1, floor of the cleaned
    # dump's F1). The pages as html2text saves them (no wrapping, characters as they are), cleaned
    # with the shipped model, session 42: wcxb-dev 100 pages raw 0.622, cleaned 0.952; dragnet
    # 173 pages raw 0.276, cleaned 0.892; fundus 86 pages raw 0.407, cleaned 0.900 (before the
    # dumps were read as Markdown: 0.84, 0.72 and 0.74 on the whole collections). Session 57:
    # wcxb-dev 0.955, dragnet 0.920, fundus 0.911 (the whole collections 0.949, 0.907, 0.905).
    # Session 62, a teaser's card printed as one link to the site leaving the run: fundus 0.912 ->
    # 0.921 (the whole collection 0.906 -> 0.917). Session 63, lines of one link to the site
    # drawing no run: wcxb-dev 0.957, dragnet 0.927, fundus 0.922 (the whole collections 0.953,
    # 0.911, 0.919); in the whole test run dragnet's sample measured 0.920, below its 0.927 alone:
    # a test's registered cleaner (all-capital lines out) stayed in the library's default chain
    # (mended in tests/test_strict_inputs.py and test_plugins.py); the floor keeps a margin.
    "wcxb-dev": (8, 0.70, 0.95),
    "dragnet": (8, 0.35, 0.915),
    "fundus": (3, 0.50, 0.915),
}


@pytest.mark.parametrize("name", sorted(MARKDOWN_COLLECTIONS))
def test_markdown_dumps_of_real_pages_clean_as_well_as_plain_ones(name: str) -> None:
    """Pages saved as Markdown (html2text's, as scraping pipelines save them): the links' and
    images' addresses, the emphasis and the list marks go, the article is found as in a plain
    dump."""
    pytest.importorskip("html2text")
    if not (DATA / name).is_dir():
        pytest.skip(f"../shared/data/{name} is not here")
    from benchmarks.quality import page_dump

    step, raw_ceiling, floor = MARKDOWN_COLLECTIONS[name]
    pages = [
        (page.url, page_dump(page.html.decode("utf-8", "replace"), "html2text"), page.text)
        for n, page in enumerate(LOADERS[name](DATA / name, None))
        if n % step == 0
    ]
    raw = summarise(score_page(truth, dump) for _, dump, truth in pages)
    cleaned = summarise(score_page(truth, clean_text(dump, url=url).articleBody or "") for url, dump, truth in pages)
    assert raw.f1 < raw_ceiling
    assert cleaned.f1 >= floor


def test_the_cross_collection_table_shows_spreads_and_reads_older_rows() -> None:
    from benchmarks.train_page_chrome import cross_collection_table

    figures = {"precision": 0.9, "recall": 0.92, "f1": 0.91, "spread": [0.893, 0.914], "leak": 0.075}
    row = {
        "collection": "wcxb-dev",
        "pages": 793,
        "trained_on": ["dragnet", "fundus"],
        "raw": {**figures, "f1": 0.808, "spread": [0.798, 0.818]},
        "rule": figures,
        "model": {**figures, "f1": 0.828, "spread": [0.815, 0.84]},
        "model_minus_rule": [-0.078, -0.09, -0.066],
        "shipped": {**figures, "f1": 0.947, "seen": True},
    }
    table = cross_collection_table([row])
    assert "| wcxb-dev | 793 | dragnet + fundus | 0.808 (0.798-0.818), leak 0.075 |" in table
    assert "| -0.078 (-0.090 to -0.066) | 0.947 (0.893-0.914), leak 0.075, seen in training |" in table
    older = {k: row[k] for k in ("collection", "pages", "trained_on")}
    older |= {k: {"precision": 0.9, "recall": 0.9, "f1": 0.9, "leak": None} for k in ("raw", "rule", "model")}
    assert (
        cross_collection_table([older], header=False)
        == "| wcxb-dev | 793 | dragnet + fundus | 0.900 | 0.900 | 0.900 | - | - |"
    )


def test_a_table_recorded_later_leaves_the_trees_alone(tmp_path: Path) -> None:
    import json

    from newsclean.cleaners.line_model import MODEL_FILE

    from benchmarks.train_page_chrome import record_table

    shipped = (ROOT / "cleaners" / MODEL_FILE).read_text(encoding="utf-8")
    copy = tmp_path / MODEL_FILE
    copy.write_text(shipped, encoding="utf-8")
    row = {"collection": "dragnet", "pages": 3, "trained_on": ["wcxb-dev"], "raw": None}
    record_table([row], copy, when="2026-12-06")
    before, after = json.loads(shipped), json.loads(copy.read_text(encoding="utf-8"))
    assert after["meta"]["cross_collection"] == [row]
    assert after["meta"]["cross_collection_measured"] == "2026-12-06"
    assert after["trees"] == before["trees"] and after["words"] == before["words"]
    assert after["baseline"] == before["baseline"] and after["features"] == before["features"]
    assert {k: v for k, v in after["meta"].items() if not k.startswith("cross_collection")} == {
        k: v for k, v in before["meta"].items() if not k.startswith("cross_collection")
    }


def test_the_shipped_model_carries_its_table_for_every_collection() -> None:
    from newsclean.cleaners.line_model import load_model

    from benchmarks.quality import _unseen
    from benchmarks.train_page_chrome import COLLECTIONS

    meta = load_model().meta
    assert [row["collection"] for row in meta["cross_collection"]] == list(COLLECTIONS)
    for row in meta["cross_collection"]:
        assert row["collection"] not in row["trained_on"]
        assert 0 < row["raw"]["f1"] < row["model"]["f1"] < 1 and 0 < row["rule"]["f1"] < 1
    printed = _unseen()
    assert f"as measured on {meta['cross_collection_measured']}" in printed
    assert "| dragnet | 1377 | fundus + wcxb-dev |" in printed


@pytest.mark.parametrize(
    "argv",
    [
        ["--record-table", "--teacher", "dragnet"],
        ["--record-table", "--no-cross-collection"],
        ["--record-table", "--collections", "dragnet"],
    ],
)
def test_recording_the_table_needs_the_cross_collection_measure(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from benchmarks.train_page_chrome import options

    with pytest.raises(SystemExit) as stop:
        options(argv)
    assert stop.value.code == 2
    assert "--record-table: needs the cross-collection table" in capsys.readouterr().err


def test_a_table_on_part_of_each_collection_is_not_recorded(capsys: pytest.CaptureFixture[str]) -> None:
    from benchmarks.train_page_chrome import options

    with pytest.raises(SystemExit) as stop:
        options(["--record-table", "--limit", "20"])
    assert stop.value.code == 2
    assert "--record-table: --limit 20 would store a table measured on part of each collection" in (
        capsys.readouterr().err
    )
    assert options(["--record-table"]).no_write


def test_training_weighs_the_article_and_the_rest_evenly_in_each_collection() -> None:
    from benchmarks.train_page_chrome import balanced

    weights = [1.0, 1.0, 1.0, 2.0, 3.0, 1.0, 4.0]
    labels = [1, 0, 0, 0, 1, 1, 0]
    groups = ["a", "a", "a", "a", "b", "b", "b"]
    out = balanced(weights, labels, groups)
    for group in "ab":
        article = sum(w for w, y, g in zip(out, labels, groups, strict=True) if g == group and y == 1)
        rest = sum(w for w, y, g in zip(out, labels, groups, strict=True) if g == group and y == 0)
        total = sum(w for w, g in zip(weights, groups, strict=True) if g == group)
        assert article == pytest.approx(rest) and article + rest == pytest.approx(total)
    # Within a class and collection, lines keep their relative weights (a page's long lines
    # still weigh more than its short ones).
    assert out[3] == pytest.approx(2 * out[1]) and out[4] == pytest.approx(3 * out[5])


@pytest.mark.parametrize(
    "marker", ["!@#$%^&*() COMMENTS", "!@#$%^&*() COMMNENTS", "!@#$%^&*() CORRECTED", "!@#$%^&*()"]
)
def test_dragnet_truth_stops_at_the_gold_files_comments_marker_in_both_benchmarks(tmp_path: Path, marker: str) -> None:
    """Dragnet's gold files separate the text from the reader comments with a marker line (its
    label misspelt or missing in a few pages); the HTML and the dump benchmarks both cut the
    truth there and keep the comments' longer lines as what must not appear."""
    import gzip
    import json

    from benchmarks.quality import dragnet_pages
    from benchmarks.train_page_chrome import LOADERS as TRAIN_LOADERS

    text = "A headline\n\nThe post's one paragraph, as the person cut it from the page."
    comment = "Great post, I have been saying the very same thing for years now."
    body = f"{text}\n\n{marker}\n\nReader One, 2 July\n\n{comment}"
    (tmp_path / "html").mkdir()
    (tmp_path / "html" / "7.html.gz").write_bytes(gzip.compress(b"<html><body><p>x</p></body></html>"))
    truth = {"7": {"url": "http://blog.example/7", "articleBody": body, "comments": "", "split": "test"}}
    (tmp_path / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    (html_page,) = dragnet_pages(tmp_path, None)
    (dump_page,) = TRAIN_LOADERS["dragnet"](tmp_path, None)
    for page in (html_page, dump_page):
        assert page.text.strip() == text
        assert page.without == [comment]
