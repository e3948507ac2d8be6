"""Page chrome: menus, footers and teaser lists around a text dump's article go; the article,
its lists and its tables stay."""

import logging

import pytest
from newsclean.cleaners import Block, Document, clean_text, page_chrome
from newsclean.cleaners.line_model import LineModel, load_model
from newsclean.cleaners.page_chrome import PageChrome

MENU = ["Skip to content", "Home", "News", "World", "Business", "Sport", "Culture", "Subscribe", "Log in"]
HEADLINE = "Harbour Road cycle lane approved after two-year dispute"
STANDFIRST = "Councillors voted nine to four for a protected two-way track"
ARTICLE = [
    "The city council voted on Tuesday to build a protected cycle lane along the length of Harbour Road, "
    "ending a dispute that has divided residents and shop owners for more than two years.",
    "The plan replaces one lane of car traffic with a two-way cycle track separated from the road by a low "
    "kerb and a row of planters. Work is due to start in the spring and to take about eight months.",
    "The council listed the changes residents can expect:",
    "A loading zone at each end",
    "New crossings at Mill Street",
    "Twelve fewer parking bays",
    "Supporters said the road had become one of the most dangerous in the region for people on bicycles, "
    "with three serious collisions reported last year alone.",
    "Collisions on Harbour Road",
    "2021",
    "1",
    "2022",
    "3",
    "Several traders objected that the loss of parking bays in front of their shops would drive customers "
    "away, and the council agreed to review the scheme after its first year.",
]
AFTER = [
    "Related posts:",
    "Mill Street bridge to close for repairs in June",
    "New bus timetable starts on Monday across the city",
    "Leave a Reply",
    "About us",
    "Contact",
    "Privacy policy",
    "© 2024 Harbour Gazette",
]


def test_a_whole_page_dump_keeps_its_article_only() -> None:
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, *AFTER])
    article = clean_text(dump)
    assert article.headline == HEADLINE
    assert article.description == STANDFIRST
    assert article.articleBody == "\n\n".join([STANDFIRST, *ARTICLE])
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert reasons["Skip to content"].startswith("page chrome before the article text")
    assert reasons["Mill Street bridge to close for repairs in June"].startswith("page chrome after the article")


def test_short_dumps_and_html_documents_are_left_alone() -> None:
    short = Document([Block(line) for line in ["Home", "News", ARTICLE[0], "Contact"]])
    assert list(PageChrome()(short)) == []
    html = Document([Block(line) for line in [*MENU, *ARTICLE]], source_format="html")
    assert list(PageChrome()(html)) == []


def test_an_article_of_short_paragraphs_is_not_cut() -> None:
    lines = [HEADLINE] + [f"Point {n}: the council will publish its plan this week." for n in range(12)]
    article = clean_text("\n".join(lines))
    assert article.articleBody is not None
    assert article.articleBody.count("Point") == 12


def test_each_removal_names_the_line_score() -> None:
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, *AFTER])
    article = clean_text(dump, url="https://gazette.example/news/harbour-road-cycle-lane-approved")
    assert article.articleBody == "\n\n".join([STANDFIRST, *ARTICLE])
    chrome = [s for s in article.cleaning if s.cleaner == "page_chrome"]
    assert {"Home", "Contact", "Mill Street bridge to close for repairs in June"} <= {s.text for s in chrome}
    for step in chrome:
        score = float(step.reason.rsplit("article-line score ", 1)[1])
        assert 0.0 <= score <= 0.5


def test_the_prose_rule_alone_still_finds_the_article() -> None:
    lines = [*MENU, HEADLINE, STANDFIRST, *ARTICLE, *AFTER]
    doc = Document([Block(line) for line in lines], source_format="text")
    removed = {d.position for d in PageChrome(model=False)(doc)}
    kept = [line for i, line in enumerate(lines) if i not in removed]
    assert kept == [HEADLINE, STANDFIRST, *ARTICLE]
    assert all("score" not in d.reason for d in PageChrome(model=False)(doc))


def test_a_model_file_for_other_features_is_refused() -> None:
    spec = {"features": ["log_words"], "baseline": 0.0, "trees": []}
    with pytest.raises(ValueError, match=r"page_chrome_model\.json"):
        LineModel(spec)
    assert load_model().predict([]) == []


def test_without_its_model_page_chrome_falls_back_to_the_prose_rule(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken() -> LineModel:
        raise ValueError("page_chrome_model.json: truncated")

    monkeypatch.setattr(page_chrome, "load_model", broken)
    with caplog.at_level(logging.ERROR, logger="newsclean.cleaners.page_chrome"):
        cleaner = PageChrome()
    assert "line model unavailable" in caplog.text
    lines = [*MENU, HEADLINE, *ARTICLE, *AFTER]
    doc = Document([Block(line) for line in lines], source_format="text")
    removed = {d.position for d in cleaner(doc)}
    assert [line for i, line in enumerate(lines) if i not in removed] == [HEADLINE, *ARTICLE]


def test_a_huge_dump_is_scored_in_chunks_with_the_same_scores() -> None:
    from newsclean.cleaners import line_model

    texts = [HEADLINE, *ARTICLE, *AFTER] * 200
    rows = line_model.line_features(texts, None, (0, len(texts) - 1))
    assert len(rows) > 2 * line_model.PREDICT_CHUNK
    together = load_model().predict(rows)
    one_by_one = [load_model().predict([row])[0] for row in rows[:: line_model.PREDICT_CHUNK // 4]]
    assert together[:: line_model.PREDICT_CHUNK // 4] == one_by_one
