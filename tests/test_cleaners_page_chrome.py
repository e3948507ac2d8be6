"""Page chrome: menus, footers and teaser lists around a text dump's article go; the article,
its lists and its tables stay."""

import copy
import logging
from pathlib import Path

import numpy as np
import pytest
from newsclean.cleaners import Block, Document, clean_text, line_model, page_chrome
from newsclean.cleaners.line_model import (
    CRUMBS,
    LineModel,
    line_grams,
    load_model,
    slug_headline,
    slug_share,
    word_count,
)
from newsclean.cleaners.page_chrome import PageChrome

from .conftest import assert_gone, assert_once

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
    chrome = [s for s in article.cleaning if s.cleaner == "page_chrome" and s.field is None]
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


GERMAN = [
    "Startseite", "Politik", "Wirtschaft", "Sport", "Kultur", "Anmelden",
    "Stadtrat beschließt geschützten Radweg an der Hafenstraße",
    "Der Stadtrat hat am Dienstag beschlossen, entlang der gesamten Hafenstraße einen geschützten Radweg "
    "zu bauen, und damit einen Streit beendet, der Anwohner und Ladenbesitzer seit zwei Jahren spaltet.",
    "Eine Fahrspur für Autos wird durch einen Radweg in beide Richtungen ersetzt, der durch einen niedrigen "
    "Bordstein und eine Reihe von Pflanzkübeln von der Straße getrennt ist.",
    "Mehrere Händler befürchten, dass der Wegfall der Parkplätze vor ihren Geschäften Kunden vertreibt.",
    "Impressum", "Datenschutz", "Kontakt",
]  # fmt: skip


def test_the_lines_words_weigh_in_only_on_pages_whose_words_the_model_knows() -> None:
    # The shipped word weights were learnt from English pages: on a German dump they know few
    # words, and the trees' scores stand alone; on an English one they move the scores.
    model = load_model()
    assert model.words is not None
    trees_only = copy.copy(model)
    trees_only.words = None
    english = [*MENU, HEADLINE, STANDFIRST, *ARTICLE, *AFTER]
    assert model.words.knows(english) and not model.words.knows(GERMAN)
    for texts, moved in ((english, True), (GERMAN, False)):
        rule = page_chrome.rule_run_of(texts)
        with_words, alone = model.predict_lines(texts, None, rule), trees_only.predict_lines(texts, None, rule)
        assert (list(with_words) != list(alone)) is moved
    # However many of a line's words weigh one way, they move its log-odds by at most the cap.
    rule = page_chrome.rule_run_of(english)
    with_words, alone = model.predict_lines(english, None, rule), trees_only.predict_lines(english, None, rule)
    shift = np.log(with_words / (1 - with_words)) - model.words.scale * np.log(alone / (1 - alone)) - model.words.bias
    assert np.all(np.abs(shift) <= model.words.cap + 1e-6) and np.any(np.abs(shift) > 0.1)


def test_a_lines_grams_are_its_words_their_pairs_its_ends_and_its_length() -> None:
    assert line_grams("Posted 12 May, 2012") == [
        "posted", "0", "may", "0", "^posted", "0$", "#n4", "posted 0", "0 may", "may 0",
    ]  # fmt: skip
    assert line_grams("* * *") == ["#empty"]


def test_the_paragraph_after_a_table_of_figures_closes_the_article() -> None:
    # ARTICLE's last paragraph follows a table (a caption, then years and counts). Its short lines
    # weigh against the kept run; the prose rule reads figures as neutral and runs on to the
    # paragraph, so the run is carried over the table, whether it ended before it or inside it.
    texts = [*MENU[:2], HEADLINE, *ARTICLE, *AFTER]
    closing = 3 + len(ARTICLE) - 1
    before_table = closing - 6
    assert texts[before_table] == ARTICLE[6] and texts[closing] == ARTICLE[-1]
    rule = (2, closing)
    assert page_chrome.paragraph_after_table(texts, 2, before_table, rule) == closing
    assert page_chrome.paragraph_after_table(texts, 2, closing - 2, rule) == closing
    # Not past the prose rule's end, and not when the run already holds the paragraph.
    assert page_chrome.paragraph_after_table(texts, 2, before_table, (2, closing - 1)) == before_table
    assert page_chrome.paragraph_after_table(texts, 2, closing, (2, closing + 1)) == closing
    # Page numbers and a list's ranks are figures, but not a table; one figure is not a table either.
    for between in (["1", "2", "3", "Next Page »"], ["3", "Black Orlov", "2", "Blarney Stone"], ["4", "min."]):
        paged = [*MENU[:2], HEADLINE, *ARTICLE[:2], *between, ARTICLE[-1], "Contact"]
        end = paged.index(ARTICLE[-1])
        assert page_chrome.paragraph_after_table(paged, 2, 4, (2, end)) == 4
    # A stretch with prose in it, or longer than a small table, is not carried over either.
    teaser = "Mill Street bridge to close for repairs in June as the council begins its long-awaited work"
    for between in (["2021", "1", teaser, "2022"], ["2021", "1"] * 5):
        long = [*MENU[:2], HEADLINE, *ARTICLE[:2], *between, ARTICLE[-1], "Contact"]
        end = long.index(ARTICLE[-1])
        assert page_chrome.paragraph_after_table(long, 2, 4, (2, end)) == 4


COMMENT = (
    "I cycle along Harbour Road every morning with my two children and I have been waiting for this "
    "decision for years, so thank you to the councillors who voted for it."
)


class KeepsEveryProseLine(LineModel):
    """The shipped model's probabilities, raised to 0.9 on every long line (as a model fooled by
    readers' comments gives them)."""

    def __init__(self) -> None:
        shipped = load_model()
        self.__dict__.update(shipped.__dict__)

    def predict_lines(self, texts, url, run):  # type: ignore[no-untyped-def]
        scores = super().predict_lines(texts, url, run)
        for i, text in enumerate(texts):
            if len(text.split()) >= 15:
                scores[i] = max(scores[i], 0.9)
        return scores


def test_prose_the_model_keeps_past_the_rules_end_needs_both_signals() -> None:
    # The line model tells paragraphs from menus, not the article's paragraphs from readers'
    # comments after it; the prose rule stops at the article's end. Prose past the rule's end is
    # kept only when both agree, so readers' comments go.
    texts = [*MENU[:2], *ARTICLE[:2], "Margaret Hale says:", COMMENT, "Reply", COMMENT, "Contact"]
    assert page_chrome.prose_past_rule(texts, (2, 8), (2, 3)) == (3, 8)
    # A list the model keeps after the rule's end is the article's: short items are not prose.
    listed = [*MENU[:2], *ARTICLE[:2], "The council listed the changes:", *ARTICLE[3:6], "Contact"]
    assert page_chrome.prose_past_rule(listed, (2, 7), (2, 3)) == (7, -1)
    # Short lines with no paragraph among them past the rule's end are a share bar or a form...
    shares = [*MENU[:2], *ARTICLE[:2], "Share this", "Print this", "Send to a friend", "Your first name", "Contact"]
    assert page_chrome.prose_past_rule(shares, (2, 7), (2, 3)) == (3, 7)
    # ...but a table the model keeps with the article's next paragraph after it is the article's.
    table = ["Collisions on Harbour Road", *(str(n) for year in range(2001, 2021) for n in (year, year % 7))]
    closing = [*MENU[:2], *ARTICLE[:2], *table, ARTICLE[-1], "Contact"]
    assert page_chrome.prose_past_rule(closing, (2, len(closing) - 2), (2, 3)) == (len(closing) - 2, -1)
    # Past the rule's end, the model's lines go only where a line among them reads as the page's
    # furniture by the cleaners' own detectors (a "Reply" label, "Share this", a comments
    # heading): a closing list of tour dates with no sentence introducing it, or a listicle's next
    # items in paragraphs, hold none and are the article's.
    dates = ["SEPTEMBER", "29 Cologne, Live Music Hall (DE)", "30 Prague, Lucerna Music Hall (CZ)", "OCTOBER"]
    toured = [*MENU[:2], *ARTICLE[:2], *dates, "01 Vienna, Arena (AT)", "Contact"]
    assert page_chrome.prose_past_rule(toured, (2, 8), (2, 3)) == (8, -1)
    path = "The path along the harbour wall gets a new surface and lights, paid for by the port, before the lane opens."
    quay = "At the quay the lane crosses the ferry queue, so the council will add a signal for riders at peak times."
    items = [*MENU[:2], *ARTICLE[:2], "3. The harbour path", path, "4. The quay", quay, "Contact"]
    assert page_chrome.prose_past_rule(items, (2, 7), (2, 3)) == (7, -1)
    thread = [*MENU[:2], *ARTICLE[:2], "3. The harbour path", path, "Reply", quay, "Contact"]
    assert page_chrome.prose_past_rule(thread, (2, 7), (2, 3)) == (3, 7)
    paragraphs = [t for t in ARTICLE if len(t.split()) >= 15]
    assert not any(page_chrome._chrome_line(t) for t in [*dates, *paragraphs, "3. The harbour path"])
    assert all(page_chrome._chrome_line(t) for t in ["Reply", "Share this", "2 Responses", "Margaret Hale says:"])
    # Nothing changes when the model's run ends first, or when the rule found no article.
    assert page_chrome.prose_past_rule(texts, (2, 3), (2, 8)) == (3, -1)
    assert page_chrome.prose_past_rule(texts, (2, 8), (-1, -1)) == (8, -1)
    # Nor when the rule's run lies mostly above the model's (a menu it took for the densest run,
    # ending just inside the model's start): the two do not agree where the article is, and
    # the model's paragraphs stay, a photo credit among them. (Before: the run was cut to the
    # menu's end, and a WSJ article's lynx dump gave its reprints notice instead of the story.)
    photo = [*MENU, "The A-Hed", ARTICLE[0], ARTICLE[1], "Getty Images", ARTICLE[2], ARTICLE[3], "Contact"]
    start = len(MENU)
    assert page_chrome.prose_past_rule(photo, (start, start + 5), (0, start + 1)) == (start + 5, -1)
    assert page_chrome.prose_past_rule(photo, (start, start + 5), (start - 1, start + 1)) == (start + 1, start + 5)


def test_a_paragraph_the_model_adds_far_past_the_rules_end_behind_a_mail_form_is_not_the_articles() -> None:
    # After the article's last paragraph: a share bar with a mail form, the desk's contacts and
    # the topics, then a sidebar's blurb. The model, unsure of the short lines, carried its run
    # over them to the blurb; the rule ended at the last paragraph.
    form = ["Print this", "Send to a friend", "Recipient's email address", "Your first name", "Your surname"]
    contacts = ["Add a note (optional)", "Contact the transport editor", "transport@example.org", "Article history"]
    topics = ["Transport", "Cycling", "Local government"]
    blurb = (
        "Zeitgeist is an experiment in showing the trending news, topics and articles from the paper's site "
        "today, updated every hour."
    )
    texts = [*MENU[:2], *ARTICLE[:2], *form, *contacts, *topics, blurb, "Contact"]
    end = len(texts) - 2
    unsure = [0.1] * 2 + [0.95] * 2 + [0.4] * (end - 4) + [0.7, 0.1]
    assert page_chrome.prose_past_rule(texts, (2, end), (2, 3), unsure) == (3, end)
    # Without the model's scores, or when it scored the lines between as the article's (a table
    # of figures it reads as the article's, with its next paragraph), the run goes on as before.
    assert page_chrome.prose_past_rule(texts, (2, end), (2, 3)) == (end, -1)
    sure = [0.1] * 2 + [0.95] * 2 + [0.8] * (end - 4) + [0.7, 0.1]
    assert page_chrome.prose_past_rule(texts, (2, end), (2, 3), sure) == (end, -1)
    # Nor when fewer than GAP_LINES short lines stand between the rule's end and the paragraph.
    aside = "The paper's readers chose these stories as the best of the week, and you can vote too."
    short = [*MENU[:2], *ARTICLE[:2], *form, *contacts[:2], aside, "Contact"]
    end = len(short) - 2
    assert page_chrome.prose_past_rule(short, (2, end), (2, 3), [0.1] * 2 + [0.95] * 2 + [0.4] * 7 + [0.7, 0.1]) == (
        end,
        -1,
    )


def test_comments_the_model_would_keep_are_removed_and_explained() -> None:
    second = COMMENT.replace("I cycle", "We walk")
    comments = ["2 Responses", "Tom Baker says:", COMMENT, "Reply", "Ann Lee says:", second, "Reply"]
    footer = ["About us", "Contact", "Privacy policy", "Terms of use"]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, *comments, *footer])
    doc = Document([Block(line) for line in dump.split("\n")], source_format="text")
    fooled = list(PageChrome(model=KeepsEveryProseLine())(doc))
    removed = {doc.blocks[d.position].text: d.reason for d in fooled}
    assert COMMENT in removed and page_chrome.PROSE_PAST_RULE in removed[COMMENT]
    assert not any(t in removed for t in ARTICLE)
    # The shipped model on its own: the same lines go, for its own reasons.
    shipped = {doc.blocks[d.position].text for d in PageChrome()(doc)}
    assert COMMENT in shipped and not any(t in shipped for t in ARTICLE)


def test_an_end_heading_another_cleaner_removed_still_ends_the_article() -> None:
    # "3 Comments" is a prompt, removed before page_chrome runs; the heading still tells the
    # prose rule where the article ends, so the readers' comments under it go too.
    comments = [
        "3 Comments",
        "Margaret Hale says:",
        "March 6, 2024 at 9:12 am",
        COMMENT,
        "Reply",
        "Tom Baker says:",
        "March 6, 2024 at 11:40 am",
        "The council should have asked the traders on the east side first, because most of their customers "
        "arrive by car and the parking bays are the only ones for half a mile.",
        "Reply",
    ]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, *comments, "About us", "Contact"])
    article = clean_text(dump)
    assert article.articleBody == "\n\n".join([STANDFIRST, *ARTICLE])
    by = {s.text: s.cleaner for s in article.cleaning}
    assert by["3 Comments"] == "prompts"
    assert by[COMMENT] == "page_chrome"


def test_the_chain_keeps_what_it_dropped_for_later_cleaners() -> None:
    doc = Document([Block(t) for t in ["Comments", "A paragraph of the article text."]])
    later = doc.without({0})
    assert [b.text for b in later.blocks] == ["A paragraph of the article text."]
    assert [(b.text, b.index) for b in later.dropped] == [("Comments", 0)]


@pytest.mark.parametrize(
    "line",
    [
        "12 Comments",
        "Comments",
        "One Comment",
        "One Response",
        "• 23 Comments",
        "Comments»",
        "104 Comments +",
        "Comments (3)",
        "0comments",
        "2 Comments Leave a comment",
        "38 Responses to “Why focus beats effort”",
        "Leave a Reply",
        "Post a comment",
        "Have your say",
        "Join the discussion",
        "Comments are closed.",
        "Loading comments…",
        "Kommentare",
        "3 commentaires",
        "There are 4 comments.",
        "There is 1 comment",
        "7 comments – permalink",
    ],
)
def test_comment_headings_are_recognised_however_they_are_decorated(line: str) -> None:
    assert page_chrome.COMMENTS_HEADING.match(line)
    assert page_chrome.comments_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "43 thoughts on “Hello world”",
        "One Response to “Why focus beats effort”",
        "{ 10 comments… read them below or add one }",
        "8 appreciated comments on “New work: Asian Development Bank”",
    ],
)
def test_blog_engines_thread_headings_are_comment_headings(line: str) -> None:
    # WordPress's and Thesis's own headings, which COMMENTS_HEADING does not read.
    assert page_chrome.comments_heading(line)


@pytest.mark.parametrize(
    "line",
    [
        "Reply",
        "Recent Comments",
        "Most commented",
        "Reactions",
        "Responsible travel",
        "Comments from residents were mixed.",
        "The minister declined to comment on the report.",
        "10 thoughts on leadership",
        "5 thoughts on the budget",
        "3 quick thoughts on the budget",
        "There are comments from both parties in the report.",
        "There are 4 comments on the draft, the council said.",
        "Permalink",
    ],
)
def test_lines_that_only_mention_comments_are_not_headings(line: str) -> None:
    assert not page_chrome.comments_heading(line)


THREAD = [
    "Margaret Hale 03.06.24 at 09:12",
    COMMENT,
    "Tom Baker 03.06.24 at 11:40",
    "The council should have asked the traders on the east side first, because most of their customers "
    "arrive by car and the parking bays are the only ones for half a mile.",
    "Ann Lee 03.07.24 at 08:05",
    "We walk our children to school along Harbour Road and the crossings at Mill Street cannot come soon "
    "enough for the families who live on the estate behind it.",
]


def test_a_thread_of_time_stamped_posts_ends_the_article_without_a_heading() -> None:
    # No heading says "Comments", and a model fooled by readers' prose keeps it all: the run of
    # short lines with a date and a clock time, prose between them, is the thread's own shape.
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, *THREAD, "About us", "Contact"])
    doc = Document([Block(line) for line in dump.split("\n")], source_format="text")
    removed = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=KeepsEveryProseLine())(doc)}
    assert not any(t in removed for t in ARTICLE)
    assert set(THREAD) <= set(removed)
    assert '3 time-stamped posts from "Margaret Hale 03.06.24 at 09:12"' in removed[COMMENT]
    article = clean_text(dump)
    assert article.articleBody == "\n\n".join([STANDFIRST, *ARTICLE])


def test_a_live_blog_and_a_comment_count_in_the_byline_do_not_end_the_article() -> None:
    paragraphs = [p for p in ARTICLE if len(p.split()) > 15]
    teasers = [
        "Recommended: the harbour festival returns this summer with three days of music, food stalls and "
        "boat races along the quay, and tickets go on sale on Friday morning",
        "Recommended: the council publishes the results of its consultation on the new bus routes through "
        "the old town, with changes to the night services and the school runs",
        "Recommended: the ferry company adds an early crossing on weekdays from May after complaints from "
        "commuters about the crowded eight o'clock boat and the queues on the pier",
        "Recommended: the library on Mill Street opens on Sundays from next month, with a reading room for "
        "students and a new children's corner",
    ]
    # A comment count between the teasers and the article: only paragraphs under it.
    texts = [*teasers, "126 comments", HEADLINE, *paragraphs, *COMMENT.split(", ")]
    assert sum(len(t.split()) for t in teasers) >= page_chrome.COMMENTS_MIN_WORDS
    assert page_chrome.reader_comments(texts, 0, len(texts) - 1) is None
    # The same heading over readers' posts (names and dates between them) is where they start.
    thread = [*teasers, *paragraphs, "126 comments", "Margaret Hale", COMMENT, "Tom Baker", COMMENT, "Reply"]
    found = page_chrome.reader_comments(thread, 0, len(thread) - 1)
    assert found is not None and thread[found.first] == "126 comments"
    # A live blog stamps its entries with a clock time and no date: not a thread.
    times = [f"{9 + n}:{15 * n % 60:02d}" for n in range(2 * len(paragraphs))]
    live = [*teasers, *(line for t, p in zip(times, paragraphs * 2, strict=True) for line in (t, p))]
    assert page_chrome.reader_comments(live, 0, len(live) - 1) is None
    # With a date beside each time they are posts' stamps.
    dated = [f"6 March 2024 at {line}" if line in times else line for line in live]
    found = page_chrome.reader_comments(dated, 0, len(dated) - 1)
    assert found is not None and "time-stamped posts" in found.reason


def test_posts_stamped_with_how_long_ago_end_the_article_and_a_live_blogs_minutes_do_not() -> None:
    # Comment systems print when a post was written relative to the page ("10 days ago"): a
    # post's stamp like a date and a time. A live blog's "21 mins ago" is not one.
    posts = [line for line in THREAD if "03.0" not in line]
    names = ["Margaret Hale 10 days ago", "Tom Baker 9 days ago", "Ann Lee a month ago"]
    thread = [*ARTICLE, *(line for name, post in zip(names, posts, strict=True) for line in (name, post))]
    found = page_chrome.reader_comments(thread, 0, len(thread) - 1)
    assert found is not None and thread[found.first] == "Margaret Hale 10 days ago"
    minutes = {"10 days": "21 mins", "9 days": "2 hours", "a month": "3 hours"}
    live = list(thread)
    for day, minute in minutes.items():
        live = [line.replace(day, minute) for line in live]
    assert page_chrome.reader_comments(live, 0, len(live) - 1) is None


def test_posts_under_a_name_and_a_date_without_a_clock_time_end_the_article() -> None:
    # Thread engines that print no clock time print each post's name and date on their own
    # lines ("Jermaine / 07 Nov 12 / Love it."): the poster's name over a bare date, the post
    # under it.
    posts = [line for line in THREAD if "03.0" not in line]
    heads = [("Margaret Hale", "07 Nov 12"), ("Tom Baker", "November 8, 2012"), ("Ann", "Friday, 9 November 2012")]

    def under(above: list[str]) -> list[str]:
        posted = zip(above, heads, posts, strict=True)
        return [*ARTICLE, *(line for a, (_, day), post in posted for line in (a, day, post))]

    thread = under([name for name, _ in heads])
    found = page_chrome.reader_comments(thread, 0, len(thread) - 1)
    assert found is not None and thread[found.first] == "07 Nov 12"
    assert "3 time-stamped posts" in found.reason
    # An article's timeline dates its paragraphs with no name over the dates: no thread.
    timeline = [*ARTICLE, *(line for (_, day), post in zip(heads, posts, strict=True) for line in (day, post))]
    assert page_chrome.reader_comments(timeline, 0, len(timeline) - 1) is None
    # Nor is a headline over a date and its teaser, nor a date under a sentence.
    cards = under(["Harbour Road crossings approved by the council"] * 3)
    assert page_chrome.reader_comments(cards, 0, len(cards) - 1) is None
    said = under(["We said so."] * 3)
    assert page_chrome.reader_comments(said, 0, len(said) - 1) is None


@pytest.mark.parametrize(
    ("line", "is_date"),
    [
        ("07 Nov 12", True),
        ("October 24, 2012", True),
        ("Monday, November 5 2012", True),
        ("10/27/2012", True),
        ("2025-11-20", True),
        ("4 September, 2011", True),
        ("Posted on October 24, 2012", False),
        ("October 24, 2012 at 10:45 am", False),
        ("November 2012", False),
        ("7 ways to save on fuel", False),
    ],
)
def test_a_date_line_is_a_date_and_nothing_else(line: str, is_date: bool) -> None:
    assert (page_chrome.DATE_LINE.match(line) is not None) is is_date


JAPANESE_MENU = ["ホーム", "ニュース", "社会", "政治", "経済", "国際", "スポーツ", "ログイン", "会員登録"]
JAPANESE_ARTICLE = [
    "市議会は１３日、港通りに自転車専用レーンを整備する計画を賛成多数で可決した。"
    "住民と商店主の間で二年以上続いた議論に区切りがついた。",
    "計画では車道の一車線を減らし、低い縁石と植え込みで車道と分けた双方向の自転車道を設ける。"
    "工事は春に始まり、完成までおよそ八か月かかる見込みだという。",
    "賛成した議員は、港通りが市内で最も自転車事故の多い道路の一つになっていると指摘した。"
    "昨年だけで重大な事故が三件起きている。",
    "一方、店の前の駐車場所が減ると客足が遠のくとして反対する商店主も多く、"
    "市は整備から一年後に計画を見直すことで合意した。",
]


def test_a_japanese_dump_keeps_its_article_only() -> None:
    # Japanese is written without spaces: counted by whitespace, every paragraph is one word and
    # reads like a menu item, so nothing looked like prose and the whole dump was kept.
    headline = "港通りの自転車レーン、二年の議論経て可決"
    footer = ["関連キーワード", "おすすめ情報", "記事一覧", "利用規約", "プライバシーポリシー", "お問い合わせ"]
    dump = "\n".join([*JAPANESE_MENU, headline, *JAPANESE_ARTICLE, *footer])
    body = clean_text(dump).articleBody or ""
    assert all(paragraph in body for paragraph in JAPANESE_ARTICLE)
    assert not any(line in body.split("\n\n") for line in [*JAPANESE_MENU, *footer])
    assert word_count(JAPANESE_ARTICLE[0]) > 20
    assert word_count("Harbour Road cycle lane") == 4


def test_a_japanese_paragraph_ends_like_a_sentence_for_the_line_model() -> None:
    # "。" ends a Japanese sentence (SENTENCE counts it); the model's "ends like a sentence" feature
    # read only the Latin marks, so every Japanese paragraph looked to it like a headline.
    column = line_model.FEATURE_NAMES.index("ends_like_sentence")
    quote, headline = "「合意に近い」と報道官。」", "港通りの自転車レーン、二年の議論経て可決"
    texts = [*JAPANESE_MENU, *JAPANESE_ARTICLE, quote, headline]
    rows = line_model.line_features(texts, None, (0, len(texts) - 1))
    assert [rows[texts.index(t), column] for t in JAPANESE_ARTICLE] == [1.0] * len(JAPANESE_ARTICLE)
    assert rows[len(texts) - 2, column] == 1.0
    assert rows[len(texts) - 1, column] == 0.0  # a headline
    assert rows[texts.index("ニュース"), column] == 0.0


def test_photo_credits_between_the_paragraphs_go_and_sources_and_prose_stay() -> None:
    # A dump keeps a picture's credit line between two paragraphs, where the line model scores
    # it as the article's; a data source under a chart, a dateline naming an agency and prose
    # about a picture agency are the article's own.
    credits = ["Photograph: Harbour Gazette", "Marc Piasecki/Getty Images", "(AFP / ISHARA S. KODIKARA)", "Foto: dpa"]
    source = "Source: Harbour Road traffic survey, 2023"
    dateline = (
        "HARBOUR CITY (Reuters) - Traders said on Wednesday they would ask the council to publish "
        "the survey that counted the cyclists on Harbour Road before the vote."
    )
    prose = (
        "A photograph of the crossing by a Getty Images photographer was shared thousands of times "
        "before the meeting, and several councillors said it had changed their minds."
    )
    first, second, last = ARTICLE[0], ARTICLE[1], ARTICLE[-1]
    body = [first, credits[0], second, credits[1], dateline, credits[2], source, prose, credits[3], last]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *body, *AFTER])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert [k for k in kept if k != STANDFIRST] == [first, second, dateline, source, prose, last]
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert all(reasons[c] == page_chrome.PHOTO_CREDIT for c in credits)
    assert not page_chrome.photo_credit("Photo Credit:")  # a bare label: its name is on another line
    assert not page_chrome.photo_credit("By Hilary Russ, Reuters")


def test_a_players_and_an_embeds_remains_between_the_paragraphs_go_and_the_articles_lines_stay() -> None:
    # What a text dump keeps of an audio player, of a video notice broken over lines and of an
    # embed's consent placeholder goes from the kept run; a live blog's time, a dateline and a
    # sentence about a video, with the same words, stay.
    first, second, third, last = ARTICLE[0], ARTICLE[1], ARTICLE[2], ARTICLE[-1]
    audio = ["Audio starten, abbrechen mit Escape", "00:21 Min..", "Verfügbar bis 22.04.2026.", "45:47"]
    notice = ["To view this video please enable JavaScript, and consider upgrading to a web", "browser that"]
    notice += ["supports HTML5", "video", "Up Next"]
    embed = ["YouTube-Inhalte erlauben", "Link zum YouTube-Inhalt", "View this post on Instagram"]
    live = ["16:30", "HARBOUR CITY, 22.04.2024"]
    prose = (
        "A video of the crossing was shared thousands of times before the meeting; to view it, "
        "residents had to enable JavaScript in an old browser, one councillor joked."
    )
    body = [first, *audio, second, *notice, third, *embed, *live, prose, "Up Next", last]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *body, *AFTER])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert [k for k in kept if k != STANDFIRST] == [first, second, third, *live, prose, "Up Next", last]
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert all(reasons[line].endswith(page_chrome.IN_RUN) for line in [*audio, *notice[1:], *embed])


def test_a_share_bar_and_a_repeated_ad_label_between_the_paragraphs_go_and_the_articles_lines_stay() -> None:
    # A share bar's buttons, one a line or all on one line, and an ad slot's label said again at
    # each slot go from the kept run; a network's name over its paragraphs, a numbered heading,
    # a sentence naming Facebook and a lone "Copy" stay.
    first, second, third, last = ARTICLE[0], ARTICLE[1], ARTICLE[2], ARTICLE[-1]
    bar = ["Copy", "Email", "Facebook", "X", "Reddit", "LinkedIn", "Flipboard"]
    glued = ["Link copied Bookmark", "Partager Partager", "LinkedIn Link kopiert Error occurred X Link kopiert"]
    glued += ["Share to FacebookShare to TwitterEmail UsCopy the Link"]
    ad = "Don't want to see this? Remove ads"
    listed = ["Facebook", "1. LinkedIn", "Copy"]
    prose = (
        "The council posted the survey on Facebook and LinkedIn before the vote, and traders shared "
        "it with their customers by email the same afternoon."
    )
    body = [first, *bar, glued[0], ad, second, glued[1], glued[2], ad, listed[0], third, listed[1], prose]
    body += [glued[3], listed[2], ad, last]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *body, *AFTER])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert [k for k in kept if k != STANDFIRST] == [first, second, listed[0], third, listed[1], prose, listed[2], last]
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert all(reasons[line] == page_chrome.SHARE_BAR for line in [*bar, *glued])
    assert reasons[ad] == page_chrome.AD_LABEL
    assert not page_chrome.share_bar(["1920 x 1080", "1280 x 800", "X X"], 0, 2)
    assert not page_chrome.repeated_ad_labels(["Advertising", "Advertising"], 0, 1)
    assert not page_chrome.repeated_ad_labels([ad, first], 0, 1)  # said once


def test_a_lone_tweet_or_pin_it_button_goes_and_sentences_with_the_words_stay() -> None:
    # "Tweet" or "Pin it" alone on its line (maybe with a counter) is a share button, the one a
    # blog prints under its headline; a sentence using the word stays.
    first, second, third, last = ARTICLE[0], ARTICLE[1], ARTICLE[2], ARTICLE[-1]
    said = "Tweet this to your friends, the mayor told the crowd."
    body = [first, "Tweet", second, "Pin it", third, "Tweet 12", said, last]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *body, *AFTER])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert [k for k in kept if k != STANDFIRST] == [first, second, third, said, last]
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert all(reasons[line] == page_chrome.SHARE_BAR for line in ("Tweet", "Pin it", "Tweet 12"))
    assert not page_chrome.share_bar(["Tweets", "Pinterest boards"], 0, 1)


def test_an_older_share_bar_of_bookmarking_sites_goes_and_headings_with_its_words_stay() -> None:
    # A 2008-2012 page's bar names the bookmarking sites of its day, each a line: all of it goes,
    # "Google Bookmarks" and "Save to My Yahoo!" among the others' names.
    bar = ["RSS Feed", "Bookmark with del.icio.us", "Save to iGoogle", "Save to My Yahoo!", "Submit to reddit"]
    assert page_chrome.share_bar(bar, 0, len(bar) - 1) == set(range(len(bar)))
    guardian = ["StumbleUpon", "reddit", "Google Bookmarks", "del.icio.us", "livejournal", "Facebook", "Twitter"]
    assert page_chrome.share_bar(guardian, 0, len(guardian) - 1) == set(range(len(guardian)))
    wsj = ["Viadeo", "Orkut", "Fark", "MySpace", "Newsvine", "Technorati"]
    assert page_chrome.share_bar(wsj, 0, len(wsj) - 1) == set(range(len(wsj)))
    added = ["Add to Digg", "Add to del.icio.us", "Add to Facebook"]
    assert page_chrome.share_bar(added, 0, len(added) - 1) == set(range(len(added)))
    # Alone, a heading with one of those words is the article's: "google", "feed", "add", "with"
    # and "my" name a button only inside a bar.
    headings = ["Sharing on Google+", "RSS feed", "Share with my family", "Submit to the council", "Add to Facebook"]
    for heading in headings:
        texts = [ARTICLE[0], heading, ARTICLE[1]]
        assert not page_chrome.share_bar(texts, 0, 2), heading
        assert not page_chrome._chrome_line(heading), heading


def test_bloggers_share_bar_glued_on_one_line_goes() -> None:
    # Blogger's buttons under a post, their labels glued in the dump: "BlogThis!" is Blogger's
    # own. The word "Blog" alone, or a sidebar's "Blog Archive", is no bar.
    assert page_chrome.share_bar(["Email ThisBlogThis!Share to TwitterShare to Facebook"], 0, 0) == {0}
    assert not page_chrome.share_bar(["Blog", "Blog Archive"], 0, 1)


@pytest.mark.parametrize(
    "line", ["dpa", "REUTERS", "Anadolu via Getty Images)", "picture alliance/dpa | Jan Woitas", "imago images/Pemax"]
)
def test_a_picture_agencys_name_alone_is_a_credit(line: str) -> None:
    assert page_chrome.photo_credit(line)


@pytest.mark.parametrize(
    "line",
    [
        "By The Associated Press",
        "Associated Press in Valencia",
        "Data source: EPA iWARM",
        "EPA-rated range: 245-318 miles",
        "Our Standards: The Thomson Reuters Trust Principles.",
        "Reuters Sustainable Switch",
    ],
)
def test_a_byline_a_source_or_a_label_naming_an_agency_is_no_credit(line: str) -> None:
    assert not page_chrome.photo_credit(line)


def test_a_pictures_buttons_between_the_paragraphs_go_and_a_sentence_with_their_words_stays() -> None:
    buttons = ["Enlarge This Image", "View 6 Images", "3 of 12 |", "Fotostrecke ansehen", "Öppna bild i helskärm"]
    assert all(page_chrome.picture_button(b) for b in buttons)
    figures = "3 of the 12 victims were children, the council said."
    assert not page_chrome.picture_button(figures)
    assert not page_chrome.picture_button("View the full report")
    first, second, last = ARTICLE[0], ARTICLE[1], ARTICLE[-1]
    body = [first, buttons[0], second, buttons[1], buttons[2], figures, buttons[3], last]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *body, *AFTER])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert [k for k in kept if k != STANDFIRST] == [first, second, figures, last]
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert all(reasons[b] == page_chrome.PICTURE_BUTTON for b in buttons[:4])


def test_an_ad_slots_placeholders_between_the_paragraphs_go_and_a_sentence_about_ads_stays() -> None:
    slots = [
        "Story continues below advertisement",
        "This advertisement has not loaded yet, but your article continues below.",
        "Passer la publicité",
        "Der Artikel wird unter der Anzeige fortgesetzt",
    ]
    assert all(page_chrome.ad_placeholder(slot) for slot in slots)
    report = "The story continues below the fold in the print edition, the editor said of the advertisement."
    assert not page_chrome.ad_placeholder(report)
    first, second, last = ARTICLE[0], ARTICLE[1], ARTICLE[-1]
    body = [first, slots[0], second, slots[1], report, last]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *body, *AFTER])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert [k for k in kept if k != STANDFIRST] == [first, second, report, last]
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert all(reasons[slot] == page_chrome.AD_SLOT for slot in slots[:2])


@pytest.mark.parametrize(
    "teaser",
    [
        "Will tablets win over the office? That's the question we asked for t… Read More...",
        "Rund 400 Feuerwehrleute protestieren gegen späteren Ruhestand | mehr",
        "» Read more at CIO.com",
        "She covered the city council for six years before she joined us. Email her directly at... → Learn More",
        "The forecast's model reads the state polls through the use of its proprietary models. Read more »",
        "Le conseil vote le budget du port… lire la suite",
        "First ferries sail from the new pier on Nov. 18 with a midnight launch event Read more...",
    ],
)
def test_a_teaser_with_its_read_more_link_inside_the_article_goes(teaser: str) -> None:
    assert page_chrome.more_teaser(teaser)
    first, second, last = ARTICLE[0], ARTICLE[1], ARTICLE[-1]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, first, second, teaser, last, *AFTER])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert [k for k in kept if k != STANDFIRST] == [first, second, last]
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert reasons[teaser] == page_chrome.MORE_TEASER


@pytest.mark.parametrize(
    "line",
    [
        "The app lists the market's stalls, its opening hours, the bus times and more.",
        "You will find tutorials, video lessons and demos on the website. Learn more…",
        "Christians should consider them carefully. [Continue reading]",
        "Read more. . .",
        "Die Händler am Quay Lane wollen die Parkplätze nicht mehr.",
        "He waited, and waited... and then asked for more.",
        "She said she would like to read more...",
        "The ferry timetable is out this week. Read more...",
    ],
)
def test_a_line_ending_on_more_without_a_mark_setting_the_link_off_stays(line: str) -> None:
    # A sentence that ends on "more", a link after a full sentence with its dots after it, and a
    # link with no cut, separator or arrow before it: nothing shows it is a link set off from a
    # teaser, and the article's own lines end like that.
    assert not page_chrome.more_teaser(line)


def test_posts_labelled_by_the_comment_system_end_a_short_post() -> None:
    # A photo post of one paragraph, then a thread whose every post carries the comment system's
    # label ("| Permalink", "says:", "Reply"): no heading, no clock time, and too little prose
    # above it for a heading to count; the labels alone say where the readers' posts start.
    post = [HEADLINE, ARTICLE[0]]
    second = COMMENT.replace("I cycle", "We walk")
    thread = [
        "margaret_h",
        "March 6, 2024, | Permalink",
        COMMENT,
        "Tom Baker says:",
        second,
        "Reply",
        "Ann Lee says:",
        COMMENT.replace("two children", "three children"),
        "Reply",
    ]
    texts = [*post, *thread]
    found = page_chrome.reader_comments(texts, 0, len(texts) - 1)
    assert found is not None and texts[found.first] == "March 6, 2024, | Permalink"
    assert "posts labelled like" in found.reason
    dump = "\n".join([*MENU, *post, *thread, "About us", "Contact", "Privacy policy"])
    doc = Document([Block(line) for line in dump.split("\n")], source_format="text")
    removed = {doc.blocks[d.position].text for d in PageChrome(model=KeepsEveryProseLine())(doc)}
    assert ARTICLE[0] not in removed
    assert {COMMENT, second, "Tom Baker says:"} <= removed


def test_an_article_that_says_reply_or_quotes_what_someone_says_is_not_a_thread() -> None:
    # Two labels are not a thread, and a sentence that quotes "says:" inside it is prose.
    texts = [HEADLINE, *ARTICLE[:2], "Reply", ARTICLE[6], "Permalink", ARTICLE[-1]]
    assert page_chrome.reader_comments(texts, 0, len(texts) - 1) is None
    quoted = [
        HEADLINE,
        "The mayor says: the lane will be open by the autumn, and the crossings before the schools return.",
        ARTICLE[0],
        "A trader says: we will lose the customers who drive in from the villages on market days.",
        ARTICLE[1],
        "The council says: it will review the scheme after its first year, as promised in the plan.",
        ARTICLE[6],
        "Reply",
    ]
    assert page_chrome.reader_comments(quoted, 0, len(quoted) - 1) is None


NEXT_POSTS = [
    "Mill Street bridge to close for repairs in June, and the ferry will run every twenty minutes "
    "instead of every half hour while the work goes on.",
    "The new bus timetable starts on Monday across the city, with later buses on the routes that "
    "serve the hospital and the university.",
]


@pytest.mark.parametrize(
    "line",
    [
        "← Previous Post",
        "NEXT STORY:",
        "Related Stories ▼",
        "Explore related topics",
        "Also on Harbour Radio:",
        "Recent Comments",
        "Tagged with: cycling, council, Harbour Road",
        "Labels:",
        "Labels: cycling, council",
        "Posted in: Local news",
        "Posted by Ann Lee at 12:32 PM",
        "Posted by Ann Lee on July 06, 2012 | Permalink",
        "November 13, 2012 in Harbour news | Permalink",
        "Next post: Mill Street bridge to close for repairs in June",
        "Previous Post » The new bus timetable",
        "Posts Related to Harbour Road Cycle Lane",
        "This entry was posted",
        "This entry was posted in Local news, Transport",
        "Posted at 05:00 AM in Harbour news, Transport",
    ],
)
def test_the_lines_that_close_a_blog_post_end_the_article(line: str) -> None:
    # After the article, a blog's way to the next post, its related links or its tag line, then
    # the next posts' excerpts: paragraphs a model fooled by prose keeps. The prose rule ends the
    # article at the line, and the run ends there with it.
    assert page_chrome.end_of_post(line)
    _assert_the_article_ends_at(line)


def test_a_post_stamp_printed_a_word_group_a_line_ends_the_post() -> None:
    # Blogger's themes print the stamp under a post over four lines ("Posted by" / the name / "at"
    # / the time): read together, it is the stamp that ends the post on one line.
    stamp = ["Posted by", "Ann Lee", "at", "12:32 PM"]
    texts = [*MENU, HEADLINE, STANDFIRST, *ARTICLE, *stamp, *NEXT_POSTS, "About us", "Contact"]
    assert texts[page_chrome.rule_run_of(texts)[1]] == ARTICLE[-1]
    doc = Document([Block(text) for text in texts], source_format="text")
    removed = {doc.blocks[d.position].text for d in PageChrome(model=KeepsEveryProseLine())(doc)}
    assert set(NEXT_POSTS) <= removed
    assert not any(t in removed for t in ARTICLE)
    # "Posted by" alone with no stamp after it, or a sentence after it, ends nothing.
    assert not page_chrome._split_stamp(["Posted by", "Ann Lee", "The council met on Monday."], 0)
    assert not page_chrome._split_stamp(["Posted by Ann Lee", "at", "12:32 PM"], 0)


def _assert_the_article_ends_at(line: str) -> None:
    """``line`` between an article and the next posts' excerpts: the rule's run ends with the
    article's last paragraph, and the cleaning removes the excerpts and keeps the article (with a
    model that keeps every prose line)."""
    texts = [*MENU, HEADLINE, STANDFIRST, *ARTICLE, line, *NEXT_POSTS, "About us", "Contact"]
    assert texts[page_chrome.rule_run_of(texts)[1]] == ARTICLE[-1]
    doc = Document([Block(text) for text in texts], source_format="text")
    removed = {doc.blocks[d.position].text for d in PageChrome(model=KeepsEveryProseLine())(doc)}
    assert set(NEXT_POSTS) <= removed
    assert not any(t in removed for t in ARTICLE)


@pytest.mark.parametrize("pages", [["next page ›", "12", "Print|"], ["次ページ→ 「高リスク」へ", "7", "8", "次へ >>"]])
def test_the_link_to_the_next_page_beside_page_numbers_ends_the_article(pages: list[str]) -> None:
    # A paginated article's page ends at the link to its next page, printed beside the page
    # numbers; what follows is the site's teasers.
    texts = [*MENU, HEADLINE, STANDFIRST, *ARTICLE, *pages, *NEXT_POSTS, "About us", "Contact"]
    assert texts[page_chrome.rule_run_of(texts)[1]] == ARTICLE[-1]
    doc = Document([Block(text) for text in texts], source_format="text")
    removed = {doc.blocks[d.position].text for d in PageChrome(model=KeepsEveryProseLine())(doc)}
    assert set(NEXT_POSTS) <= removed
    assert not any(t in removed for t in ARTICLE)


def test_a_slideshows_next_page_button_without_page_numbers_is_no_end() -> None:
    # "Previous Page" and "Next Page" with no page numbers beside them are a slideshow's buttons
    # inside the article, which goes on below them.
    texts = [*ARTICLE[:3], "Previous Page", "Next Page", *ARTICLE[3:]]
    assert not page_chrome._pagination(texts, texts.index("Next Page"))
    assert page_chrome._pagination([*ARTICLE[:3], "Next page »", "1 2 3"], 3)
    assert not page_chrome.NEXT_PAGE.match("The next page of the report was left blank, the inquiry found.")
    # A sentence that opens with the words, beside a line of figures, is the article's.
    assert page_chrome.NEXT_PAGE.match("Next page of the filing lists 12 claims.")
    assert not page_chrome._pagination([*ARTICLE[:3], "Next page of the filing lists 12 claims.", "12"], 3)


def test_a_blogs_post_navigation_pair_ends_the_post() -> None:
    # "« Older post" over "Newer post »" under a post is the blog's way to its neighbours; what
    # follows is the readers' thread or the sidebar.
    navigation = ["« Super Sad True Love Story: A Review", "A World Lit With Sensors and Clothed in Data »"]
    texts = [*MENU, HEADLINE, STANDFIRST, *ARTICLE, *navigation, *NEXT_POSTS, "About us", "Contact"]
    assert texts[page_chrome.rule_run_of(texts)[1]] == ARTICLE[-1]
    doc = Document([Block(text) for text in texts], source_format="text")
    removed = {doc.blocks[d.position].text for d in PageChrome(model=KeepsEveryProseLine())(doc)}
    assert set(navigation) <= removed
    assert not any(t in removed for t in ARTICLE)


def test_a_run_of_readers_notes_ends_the_post() -> None:
    # A microblog's notes under a post ("x liked this", "y reblogged this from z") are who shared
    # it; the post is over.
    notes = ["nickmongo liked this", "daughterofcoul reblogged this from elfgrove", "ealperin liked this"]
    texts = [*MENU, HEADLINE, STANDFIRST, *ARTICLE, *notes, *NEXT_POSTS, "About us", "Contact"]
    doc = Document([Block(text) for text in texts], source_format="text")
    removed = {doc.blocks[d.position].text for d in PageChrome(model=KeepsEveryProseLine())(doc)}
    assert set(notes) <= removed
    assert not any(t in removed for t in ARTICLE)
    # One note alone, or a sentence that names who liked it, is no run.
    assert not page_chrome._readers_notes([*notes[:2], ARTICLE[0]], 0)
    assert not page_chrome._readers_notes(["The mayor liked this plan a lot.", *notes], 0)
    assert page_chrome._readers_notes(["The mayor liked this plan a lot.", *notes], 1)


def test_a_lone_arrow_link_or_a_quotation_in_guillemets_is_no_post_navigation() -> None:
    # One link alone ("More about Fred »"), a quotation set in guillemets, or a quotation opening a
    # paragraph over a sentence that ends in an arrow is no pair of neighbours' links.
    texts = [*ARTICLE[:3], "« Back to the overview", *ARTICLE[3:], "More about Fred »"]
    assert not page_chrome._post_navigation(texts, texts.index("« Back to the overview"))
    assert not page_chrome._post_navigation(["« Back to the overview", *ARTICLE[:2], "More about Fred »"], 0)
    assert not page_chrome._post_navigation(["« Désaccord total »", "Les enjeux du débat »"], 0)
    assert page_chrome._post_navigation(["« Older post title", "Main", "Newer post title »"], 0)
    assert not page_chrome._post_navigation(["« Older post title", "Main", "Blog Home", "Newer post title »"], 0)
    assert texts[page_chrome.rule_run_of(texts)[1]] == ARTICLE[-1]


@pytest.mark.parametrize(
    "line",
    [
        "Posted in March, the notice was ignored.",
        "Filed under protest, the appeal failed.",
        "Tags on every crate were checked.",
        "Labels: the new rules apply to all food sold at the market.",
        "Also on Tuesday, the mayor opened the new crossing.",
        "Related costs rose by a third.",
        "(Related reading: the council's report on the quay.)",
        "Next, the council will consult the traders.",
        "Posted by hand on Monday, the letters reached the council a week later.",
        "Posted by the harbour master at the quay's gate: no mooring after dark.",
        "Next post: the council meets on Monday.",
        "Stories related to the harbour were the most read this year.",
        "This entry was posted in 2008, and it shows.",
        "Posted at 9:30 in the morning, the notice was missed.",
    ],
)
def test_sentences_that_open_with_a_closing_lines_words_do_not_end_the_article(line: str) -> None:
    assert not page_chrome.end_of_post(line)
    closing = (
        "The first stretch of the lane, between the station and Mill Street, is due to open before the "
        "schools return in September."
    )
    texts = [*MENU, HEADLINE, STANDFIRST, *ARTICLE, line, closing, "About us", "Contact"]
    # The prose rule's article goes on past the sentence to the closing paragraph (the chain's
    # whole run is the line model's: tests/test_cleaners_must_stay.py checks it on its own article).
    assert texts[page_chrome.rule_run_of(texts)[1]] == closing


class ScoresTheArchiveHigh(LineModel):
    """The shipped model's probabilities, with 0.85 on every line of a blog's archive list (as the
    shipped model gives a column of dates and counts it takes for a data table)."""

    def __init__(self) -> None:
        self.__dict__.update(load_model().__dict__)

    def predict_lines(self, texts, url, run):  # type: ignore[no-untyped-def]
        scores = super().predict_lines(texts, url, run)
        for i, text in enumerate(texts):
            if text.endswith(")") and text[:1].isdigit():
                scores[i] = 0.85
        return scores


def test_a_run_without_a_paragraph_gives_way_to_the_prose_rules_article() -> None:
    # A short post, the blogroll, then the blog's archive: forty lines of dates and post counts,
    # which outweigh the post's two paragraphs when the model scores them like a table. A run with
    # no paragraph is not the article when the prose rule found one.
    archive = [f"{m:02d}/{d:02d}/12 - {m:02d}/{d + 7:02d}/12 ({60 + d})" for m in range(1, 11) for d in (1, 8, 15, 22)]
    blogroll = [f"{name} Weekly" for name in ("Harbour", "Quay", "Ferry", "Mill", "Tide", "Dock") * 10]
    texts = [*MENU, HEADLINE, *ARTICLE[:2], *blogroll, "Blog Archive", *archive, "About us", "Contact"]
    model = ScoresTheArchiveHigh()
    kept = page_chrome.keep_range(texts, model.predict_lines(texts, None, page_chrome.rule_run_of(texts)))
    assert kept is not None and texts[kept[0]] == archive[0]  # the model alone keeps the archive
    doc = Document([Block(text) for text in texts], source_format="text")
    removed = {doc.blocks[d.position].text for d in PageChrome(model=model)(doc)}
    assert not any(t in removed for t in ARTICLE[:2])
    assert set(archive) <= removed



ONE_SENTENCE_POST = "The harbour trust's new ferry made a brief first call at the quay."
POST_SIDEBAR = [
    "Photo courtesy of the harbour trust.",
    "RSS Feed",
    "or, Subscribe via Email",
    "About the Harbour Gazette",
    "The Harbour Gazette is a weekly paper curated by volunteers from the quay's own stories. Learn more here.",
    "About us",
    "Subscription",
    "Subscriber area",
    "Refund policy",
    "Get in touch",
]


def test_a_short_posts_run_inside_the_prose_rules_run_stays() -> None:
    # A post of one sentence over the site's sidebar: the model keeps the sentence, the prose rule's
    # run takes the sidebar's blurb (its one paragraph) and every line between. The two agree on
    # where the post is, so the rule's run only adds lines the model turned down.
    texts = [*MENU, HEADLINE, ONE_SENTENCE_POST, *POST_SIDEBAR]
    model = ScoresByText({ONE_SENTENCE_POST: 0.9, **dict.fromkeys(POST_SIDEBAR, 0.2), POST_SIDEBAR[4]: 0.53})
    rule = page_chrome.rule_run_of(texts)
    assert rule[0] <= texts.index(ONE_SENTENCE_POST) and texts.index(POST_SIDEBAR[4]) <= rule[1]
    doc = Document([Block(text) for text in texts], source_format="text")
    removed = {doc.blocks[d.position].text for d in PageChrome(model=model)(doc)}
    assert ONE_SENTENCE_POST not in removed
    assert set(POST_SIDEBAR) <= removed


BLURB = (
    "The Harbour Gazette is a weekly paper written by volunteers who live on the quay, and every story in it "
    "comes from the people who work the boats, the market and the old ferry pier."
)
PHOTO_POST = ["Stud Love", "I heart you....", "Queen Michelle"]
POST_STAMP = "Thursday, 01 November 2012 in Shoes | Permalink"


@pytest.mark.parametrize(
    "links",
    [
        ["« Curiouser And Curiouser |", "Main", "| Harbour lights »"],
        ["« Curiouser And Curiouser |", "Main"],
        ["« Curiouser And Curiouser | Main | Harbour lights »"],
        ["Main | Harbour lights »"],
        ["« The puzzle joint |", "Blog Home", "| Two deadlines »"],
    ],
)
def test_a_post_between_the_blogs_links_and_its_stamp_is_the_article(links: list[str]) -> None:
    # A photo post of three short lines, framed by the blog engine's links to the posts before and
    # after (TypePad's "« Older | Main | Newer »", on one line as lynx prints them) and its stamp
    # "... | Permalink"; the sidebar's blurb outscores it. The frame says where the post is.
    sidebar = ["About", BLURB, "Archives", "November 2012", "October 2012"]
    texts = [*MENU, *links, *PHOTO_POST, POST_STAMP, "Reblog", "(0)", *sidebar, "Contact"]
    model = ScoresByText({**dict.fromkeys(PHOTO_POST, 0.2), BLURB: 0.9})
    doc = Document([Block(text) for text in texts], source_format="text")
    removed = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=model)(doc)}
    assert not any(line in removed for line in PHOTO_POST)
    assert BLURB in removed and page_chrome.OUTSIDE_LINKED_POST in removed[BLURB]
    assert POST_STAMP in removed



def test_the_run_starts_under_the_blogs_links_to_the_posts_before_and_after() -> None:
    # The sidebar's list of recent posts above the links, which the model liked as much as the
    # post: the post starts under the links, whatever the run took above them.
    recent = ["Party favours you can make yourself", "Basic art supply list", "How to write a tutorial"]
    texts = [*MENU, "Pages", *recent, "« Indian Corn Printing |", "Main", HEADLINE, *ARTICLE, POST_STAMP, "Contact"]
    model = ScoresByText({**dict.fromkeys(["Pages", *recent], 0.9), "Main": 0.6, "« Indian Corn Printing |": 0.6})
    doc = Document([Block(text) for text in texts], source_format="text")
    removed = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=model)(doc)}
    assert not any(line in removed for line in ARTICLE)
    assert all(page_chrome.OUTSIDE_LINKED_POST in removed[line] for line in recent)

def test_a_posts_stamp_with_a_long_list_of_categories_closes_its_frame() -> None:
    stamp = (
        "11/09/2012 in 12+ years old, 3 - 5 years old, 6 - 12 years old, Crafts, Fall Crafts, Family Crafts, "
        "Thanksgiving Crafts | Permalink"
    )
    texts = [*MENU, "« Autumn Corn Necklace |", "Main", "| Indian Corn Printing »", *PHOTO_POST, stamp, BLURB]
    first = texts.index(PHOTO_POST[0])
    assert page_chrome.post_under_links(texts, len(texts) - 1, len(texts) - 1) == (first, first + len(PHOTO_POST) - 1)
    # A byline under the links ("Posted on ... - By ...") is no stamp closing the post.
    byline = [*MENU, "« Previous Story", "Next Story »", HEADLINE, "Posted on November 5th, 2012 - By Staff", BLURB]
    assert page_chrome.post_under_links(byline, len(byline) - 1, len(byline) - 1) is None


def test_links_to_the_posts_before_and_after_under_a_post_move_nothing() -> None:
    # WordPress prints the pair under the post, over its related links: no post stamp closes a
    # post under them, so the run stays where the article is.
    under = ["← Previous Post", "Next Post →", "Related Posts", "Harbour lights", "Recent Comments"]
    texts = [*MENU, HEADLINE, *ARTICLE, *under, BLURB, "Contact"]
    assert page_chrome.post_under_links(texts, len(MENU), len(MENU) + len(ARTICLE)) is None
    # A pair of links and a stamp far below, with the run on the article between: no move either.
    framed = [*MENU, "« Curiouser And Curiouser |", "Main", HEADLINE, *ARTICLE, POST_STAMP, BLURB]
    first = framed.index(ARTICLE[0])
    assert page_chrome.post_under_links(framed, first, first + len(ARTICLE) - 1) is None

TEASERS = [
    f"{place} to close for repairs in {month} while the council rebuilds the quay wall and the two slipways beside it"
    for place in ("Mill Street bridge", "The old ferry pier", "Dock Road", "The harbour car park", "Quay Lane")
    for month in ("June", "July")
]


@pytest.mark.parametrize(
    "heading",
    [
        "Mehr zum Thema",
        "Most read in Local News",
        "Lire aussi :",
        "Top Stories",
        "Ähnliche Artikel:",
        "Die Redaktion empfiehlt",
        "Articoli correlati",
        "Relaterte artikler",
    ],
)
def test_a_news_sites_teaser_heading_ends_the_article_when_only_teasers_follow(heading: str) -> None:
    closing = [*MENU, HEADLINE, STANDFIRST, *ARTICLE, heading, *TEASERS, "About us", "Contact"]
    assert closing[page_chrome.rule_run_of(closing)[1]] == ARTICLE[-1]
    body = clean_text("\n".join(closing)).articleBody or ""
    assert ARTICLE[-1] in body and not any(t in body for t in TEASERS)
    # The same heading boxing one teaser between the article's paragraphs: the article goes on.
    paragraph = (
        "The first stretch of the lane, between the station and Mill Street, is due to open before the "
        "schools return in September."
    )
    inline = [*MENU, HEADLINE, STANDFIRST, *ARTICLE, heading, TEASERS[0], paragraph, "About us", "Contact"]
    assert inline[page_chrome.rule_run_of(inline)[1]] == paragraph


@pytest.mark.parametrize(
    "heading",
    [
        "Mehr zum Thema",
        "Most read in Local News",
        "Lire aussi :",
        "Top Stories",
        "Ähnliche Artikel:",
        "Die Redaktion empfiehlt",
        "Articoli correlati",
        "Relaterte artikler",
        "More Trending",
        "Raccomandati per te",
        "FEATURED POSTS",
    ],
)
def test_a_box_of_teasers_between_the_paragraphs_goes_and_the_article_around_it_stays(heading: str) -> None:
    # The heading boxes two headlines between the article's paragraphs: the article goes on below
    # it, so it is no end, but the box is not the article either. The same words right above a
    # paragraph are the article's own subheading, and a list the article introduces stays.
    headlines = [
        "Old ferry pier to reopen for summer sailings in July",
        "Quay Lane market moves to the station forecourt",
    ]
    paragraph = (
        "The first stretch of the lane, between the station and Mill Street, is due to open before the "
        "schools return in September."
    )
    body = [ARTICLE[0], ARTICLE[1], heading, *headlines, paragraph, *ARTICLE[2:]]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *body, *AFTER])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert kept[:4] == [STANDFIRST, ARTICLE[0], ARTICLE[1], paragraph]
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert all(reasons[line] == page_chrome.TEASER_BOX for line in [heading, *headlines])
    subheading = [ARTICLE[0], ARTICLE[1], heading, paragraph, *ARTICLE[2:]]
    assert page_chrome.teaser_boxes(subheading, 0, len(subheading) - 1) == set()
    assert page_chrome.teaser_boxes(body, 0, len(body) - 1) == {2, 3, 4}
    # End markers that head other stories box them too, when the article goes on under them (the
    # prompts cleaner removes the plainest ones before page_chrome reads the dump).
    for other in ("Related Stories ▼", "More from Local News", "You may also like"):
        boxed = [ARTICLE[0], ARTICLE[1], other, *headlines, paragraph]
        assert page_chrome.teaser_boxes(boxed, 0, len(boxed) - 1) == {2, 3, 4}


@pytest.mark.parametrize(
    "line",
    [
        "Related reading: the democratization of data.",  # a sentence
        "Comments",  # the readers' thread: reader_comments reads it
        "Tags: council, cycling",
        "Share this",
        "More than forty residents spoke at the meeting",  # a subheading that opens with "More"
        "Ähnliche Artikel hatte die Zeitung schon 2019 veröffentlicht.",  # a sentence
        "Am beliebtesten war die Route am Hafen entlang",  # a subheading that opens like a heading
    ],
)
def test_lines_that_head_no_box_of_teasers_keep_what_is_under_them(line: str) -> None:
    paragraph = (
        "The first stretch of the lane, between the station and Mill Street, is due to open before the "
        "schools return in September."
    )
    texts = [ARTICLE[0], ARTICLE[1], line, "Old ferry pier to reopen for summer sailings in July", paragraph]
    assert page_chrome.teaser_boxes(texts, 0, len(texts) - 1) == set()


CARDS = [
    (
        "Ferry pier to reopen for summer sailings",
        "Transport | 3 hours ago",
        "The old pier has been closed since the storm in February, and the operator says the first boats "
        "will sail again in July.",
    ),
    (
        "Quay Lane market moves to the station forecourt",
        "Local News | 5 hours ago",
        "Traders voted to leave the quay for the summer while the wall is rebuilt, and most of them will "
        "keep their usual pitches.",
    ),
    (
        "Dock Road flats approved despite objections",
        "Planning | Yesterday",
        "Forty homes will be built on the old timber yard after councillors overruled the planning officers "
        "on the height of the blocks.",
    ),
]


@pytest.mark.parametrize(
    "heading", ["Top Stories", "Most read in Local News", "Das könnte Sie auch interessieren", "Lee también"]
)
def test_a_closing_block_of_teaser_cards_under_its_heading_ends_the_article(heading: str) -> None:
    # After the article, a teaser heading over cards: each a headline, a section and date label and
    # a one-sentence teaser. The teasers read as prose, so the prose rule and the line model kept
    # them; the run now ends at the heading.
    cards = [line for card in CARDS for line in card]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, heading, *cards, "About us", "Contact"])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert kept == [STANDFIRST, *ARTICLE]
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert reasons[heading].endswith(page_chrome.CLOSING_CARDS)
    assert all(reasons[line].startswith("page chrome after the article text") for line in cards)
    texts = [*ARTICLE, heading, *cards]
    found = page_chrome.closing_cards(texts, 0, len(texts) - 1)
    assert found is not None and found.first == len(ARTICLE)


DATED_CARDS = [
    "Ferry pier to reopen for summer sailings 2024-10-14 SUMMER TIMETABLE: The old pier has been closed since "
    "the storm in February, and the operator says the first boats will sail again in July, with four crossings "
    "a day to the island and a late boat on Fridays and Saturdays until the end of August.",
    "Quay Lane market moves to the station forecourt October 12, 2024 TRADERS' VOTE: Traders voted to leave the "
    "quay for the summer while the wall is rebuilt, and most of them will keep their usual pitches beside the "
    "taxi rank, the council said after the vote on Tuesday evening.",
    "Dock Road flats approved despite objections 10.10.2024 PLANNING: Forty homes will be built on the old "
    "timber yard after councillors overruled the planning officers on the height of the blocks at a meeting "
    "that ran past midnight.",
]


@pytest.mark.parametrize("heading", ["Top Stories", "You might also like"])
def test_a_closing_block_of_teaser_cards_printed_a_line_each_ends_the_article(heading: str) -> None:
    # A Markdown dump prints a card whose link holds its headline, date and teaser as one line: no
    # short headline line above each teaser, so the cards read as paragraphs one after another
    # (as the article's going on under a subheading would), and only their dates between a
    # headline and a teaser tell them from it. The prompts cleaner removes "You might also like"
    # as a read-more teaser: the block then starts at the first card.
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, heading, *DATED_CARDS, "About us", "Contact"])
    article = clean_text(dump)
    assert (article.articleBody or "").split("\n\n") == [STANDFIRST, *ARTICLE]
    reasons = [s.reason for s in article.cleaning if s.cleaner == "page_chrome" and s.text[:40] in DATED_CARDS[0]]
    assert reasons and all(reason.endswith(page_chrome.CLOSING_CARDS) for reason in reasons)
    texts = [*ARTICLE, heading, *DATED_CARDS]
    found = page_chrome.closing_cards(texts, 0, len(texts) - 1)
    assert found is not None and found.first == len(ARTICLE)
    # Without the heading, the same lines are left to the other closers.
    texts = [*ARTICLE, *DATED_CARDS]
    assert page_chrome.closing_cards(texts, 0, len(texts) - 1) is None
    found = page_chrome.closing_cards(texts, 0, len(texts) - 1, dropped={len(ARTICLE): [heading]})
    assert found is not None and found.first == len(ARTICLE)


@pytest.mark.parametrize(
    "paragraph",
    [
        # A date a sentence leads with "on" or "since", or one after the sentence's own words.
        "The council first voted on October 12, 2024 to close the road for six weeks while the wall on the "
        "quay was rebuilt and the crossings were moved.",
        "Traders have kept their pitches since 14 October 2024, when the market moved to the forecourt beside "
        "the station and the taxi rank.",
        "Work began in the spring. The contractor said on Tuesday that the lane would open 2024-10-14 if the "
        "weather held through the summer.",
    ],
)
def test_paragraphs_that_hold_a_date_are_no_cards_printed_a_line_each(paragraph: str) -> None:
    assert not page_chrome._dated_card(paragraph)
    # Under a teaser heading, such paragraphs with a card among them are the article going on.
    texts = [*ARTICLE, "Latest news from the harbour", DATED_CARDS[0], paragraph, DATED_CARDS[1]]
    assert page_chrome.closing_cards(texts, 0, len(texts) - 1) is None


def test_an_article_that_goes_on_under_a_heading_like_a_teasers_is_not_a_block_of_cards() -> None:
    # The same words as the article's own subheading, with short subheadings and the article's long
    # paragraphs under it: card-shaped, but a teaser is one short sentence, so the article goes on.
    # Two short paragraphs in a row are the article's too, and one card alone is an inline box with
    # the article's last short paragraph under it.
    long = [
        "The latest figures from the harbour office show that more than four hundred people cycle along "
        "the road on a weekday morning, twice as many as five years ago, and the council expects the "
        "number to double again once the track is open and the crossings at Mill Street are finished.",
        "Work on the first stretch starts in March, when the contractor closes one lane between the "
        "station and the ferry terminal for six weeks; buses will keep to the other lane, and the market "
        "on Quay Lane stays open throughout, with its entrance moved to the station forecourt.",
    ]
    short = [
        "Shop owners on the waterfront said they would wait for the first year's figures before they judged it.",
        "The council will publish those figures every quarter on its website and in the library on Quay Lane.",
    ]
    heading = "Latest news from the harbour"
    below = ["What the figures show", long[0], "What happens next", long[1]]
    texts = [*ARTICLE, heading, *below]
    assert page_chrome.closing_cards(texts, 0, len(texts) - 1) is None
    # The prose rule's run holds it all (the shipped model scores this made-up page's last
    # paragraph low by itself), and the paragraphs stay in it.
    page = [*MENU, HEADLINE, STANDFIRST, *texts, "About us", "Contact"]
    doc = Document([Block(t) for t in page], source_format="text")
    removed = {doc.blocks[d.position].text for d in PageChrome(model=False)(doc)}
    assert not removed & {*long, "What happens next"}
    for other in (["What happens next", *short], [CARDS[0][0], short[0]]):
        texts = [*ARTICLE, heading, *other]
        assert page_chrome.closing_cards(texts, 0, len(texts) - 1) is None


CLOSING_PARAGRAPH = (
    "The council will publish the final drawings next month, and residents who live or trade along Harbour "
    "Road can comment on the position of the crossings and the loading zones until the end of the summer, "
    "before the contract for the work is signed."
)


def test_a_closing_block_of_teaser_cards_without_a_heading_ends_the_article() -> None:
    # Right under the article's last long paragraph, teaser cards with no heading over them (or one
    # the vocabulary does not know): a label, a headline of another story and its one-sentence
    # teaser each. The teasers read as prose, so the line model kept them; the run now ends at the
    # block.
    cards = [line for headline, label, teaser in CARDS for line in (label, headline, teaser)]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, CLOSING_PARAGRAPH, *cards, "About us", "Contact"])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert kept == [STANDFIRST, *ARTICLE, CLOSING_PARAGRAPH]
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert reasons[cards[0]].endswith(page_chrome.UNHEADED_CARDS)
    texts = [*ARTICLE, CLOSING_PARAGRAPH, *cards]
    found = page_chrome.unheaded_cards(texts, 0, len(texts) - 1)
    assert found is not None and found.first == len(ARTICLE) + 1
    assert found.reason == page_chrome.UNHEADED_CARDS
    # A label over the block (a heading the vocabulary lacks, "More Science and Technology") goes too.
    texts = [*ARTICLE, CLOSING_PARAGRAPH, "More on Transport", *cards]
    found = page_chrome.unheaded_cards(texts, 0, len(texts) - 1)
    assert found is not None and found.first == len(ARTICLE) + 1


def test_an_articles_own_closing_questions_and_short_sections_are_no_block_of_cards() -> None:
    # Card-shaped lines at the article's end are its own: questions and answers that come back to
    # its words (an FAQ), cards under a short paragraph beneath a subheading (the article's closing
    # sections, whose shape goes on above), one card alone, and cards before the article has said
    # much.
    cards = [line for headline, label, teaser in CARDS for line in (label, headline, teaser)]
    faq = [
        "When will work on the Harbour Road cycle lane start?",
        "Work on the two-way cycle track is due to start in the spring and to take about eight months.",
        "Will the loading zones and parking bays on Harbour Road change?",
        "The council will keep a loading zone at each end of the road, but twelve parking bays will go.",
        "Can traders object to the Harbour Road scheme?",
        "The council agreed to review the scheme after its first year, when traders can send their objections.",
    ]
    short_section = [
        "What happens next",
        "The council will publish the final drawings for the cycle lane next month.",
    ]
    for below in (faq, [*short_section, *cards], cards[:3]):
        texts = [*ARTICLE, CLOSING_PARAGRAPH, *below]
        assert page_chrome.unheaded_cards(texts, 0, len(texts) - 1) is None, below
    early = [ARTICLE[0], CLOSING_PARAGRAPH, *cards]
    assert page_chrome.unheaded_cards(early, 0, len(early) - 1) is None
    # The same cards right under a long paragraph of the article's do end it.
    texts = [*ARTICLE, CLOSING_PARAGRAPH, *cards]
    assert page_chrome.unheaded_cards(texts, 0, len(texts) - 1) is not None


OTHER_STORIES = [
    "Ferry operator orders two electric boats for the island route",
    "Museum of Shipping wins national award for its new galleries",
    "Police appeal for witnesses after a break-in at the boatyard",
    "Festival organisers announce the line-up for the summer concerts",
    "School governors reject plans to merge two village primaries",
]


OWN_HEADLINES = [
    "Harbour Road cycle lane: what changes for drivers",
    "Harbour Road crossings at Mill Street explained",
    "Council votes for protected cycle track on Harbour Road",
    "Residents and shop owners divided over the cycle lane",
    "Harbour Road parking bays: where the twelve places go",
]
"""Headlines about the article's own subject (its series, its sections), not other stories'."""


def test_a_closing_list_of_other_stories_headlines_without_a_heading_ends_the_article() -> None:
    # Right under the article's last paragraph, a column of other stories' headlines with no
    # heading over it, only a label ("Print"), and a promotion's sentence under it. The prose rule's
    # run reaches across the list to the promotion (the shipped model scores this made-up page's
    # list low by itself); the run now ends at the list, and the reason says why.
    promo = (
        "Our weekly newsletter brings the best of the harbour's news, events and sailing times to your "
        "inbox every Friday morning."
    )
    page = [*MENU, HEADLINE, STANDFIRST, *ARTICLE, CLOSING_PARAGRAPH, "Print", *OTHER_STORIES, promo, "About us"]
    doc = Document([Block(t) for t in page], source_format="text")
    reasons = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=False)(doc)}
    assert not reasons.keys() & {*ARTICLE, CLOSING_PARAGRAPH}
    for line in ("Print", *OTHER_STORIES, promo):
        assert reasons[line].endswith(page_chrome.UNHEADED_HEADLINES), line
    texts = [*ARTICLE, CLOSING_PARAGRAPH, *OTHER_STORIES]
    found = page_chrome.unheaded_headlines(texts, 0, len(texts) - 1)
    assert found is not None and found.first == len(ARTICLE) + 1
    # A date between two headlines is a label beside them.
    dated = [*OTHER_STORIES[:2], "12 March", *OTHER_STORIES[2:]]
    texts = [*ARTICLE, CLOSING_PARAGRAPH, *dated]
    assert page_chrome.unheaded_headlines(texts, 0, len(texts) - 1) is not None


def test_a_list_of_other_stories_headlines_above_the_article_is_left_out_of_the_run() -> None:
    # A blog's recent posts printed above the post, then the post's own headline and text: the
    # run starts under the list, at the article's headline (it speaks of the article's words).
    more = [*OTHER_STORIES, "Harbour festival returns with a new fireworks display"]
    texts = [*more, "Recent posts", HEADLINE, *ARTICLE]
    assert page_chrome.opening_headlines(texts, 0, len(texts) - 1) == len(more)
    page = [*MENU, *more, HEADLINE, *ARTICLE, "About us", "Contact"]
    doc = Document([Block(t) for t in page], source_format="text")
    reasons = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=KeepsEveryProseLine())(doc)}
    assert HEADLINE not in reasons and not reasons.keys() & set(ARTICLE)
    for line in more:
        assert reasons[line].endswith(page_chrome.OPENING_HEADLINES), line


@pytest.mark.parametrize(
    "opening",
    [
        # four headlines: an article's own block can hold as many short lines
        OTHER_STORIES[:4],
        # a byline among them: the article's own block
        [*OTHER_STORIES[:3], "By Jane Doe and John Roe of the Harbour Gazette", *OTHER_STORIES[3:]],
        # a teaser among them: cards, which other closings read
        [*OTHER_STORIES[:3], CARDS[0][2], *OTHER_STORIES[3:]],
        # headlines about the article's own subject: its series or its sections
        OWN_HEADLINES,
    ],
)
def test_short_lines_above_the_article_that_are_no_list_of_other_stories_stay(opening: list[str]) -> None:
    texts = [*opening, HEADLINE, *ARTICLE]
    assert page_chrome.opening_headlines(texts, 0, len(texts) - 1) is None


def test_an_articles_own_lists_under_its_last_paragraph_are_no_list_of_other_stories() -> None:
    # Short lines under a paragraph that belong to the article: items in lower case, items a
    # question introduces, a fact box's fields, lines a text dump wrapped mid-sentence, a list
    # the article goes on under, a checklist longer than the article's rest, a list about the
    # article's own subject, and a list before the article has said much.
    lower = [
        "there is no longer a promised future for every child",
        "schools are merely one node in a network of learning",
        "learning principles need to start with connectedness",
        "kids grow up to become curious and engaged citizens",
    ]
    asked = ["Which of these old shipping posters would you hang at home?", *OTHER_STORIES]
    fields = [
        "Date: usually the second week of August",
        "Location: the old harbour warehouse on Quay Lane",
        "Focus: shipping history, boat building and sailing",
        "Pricing: tickets cost twelve pounds for adults",
    ]
    wrapped = [
        "Ferry operator orders two electric boats for the",
        "Island route after the council grants the licence for",
        "Museum of Shipping wins national award for its new",
        "Galleries that opened last spring on the waterfront and",
    ]
    goes_on = [
        *OTHER_STORIES,
        "The council will vote on the final drawings in June.",
        "Residents can send their comments until the end of May.",
    ]
    checklist = [
        line for section in ("Venue", "Catering", "Music", "Flowers", "Transport") for line in (section, *OTHER_STORIES)
    ]
    for below in (lower, asked, fields, wrapped, goes_on, checklist, OWN_HEADLINES):
        texts = [*ARTICLE, CLOSING_PARAGRAPH, *below]
        assert page_chrome.unheaded_headlines(texts, 0, len(texts) - 1) is None, below
    early = [ARTICLE[0], CLOSING_PARAGRAPH, *OTHER_STORIES]
    assert page_chrome.unheaded_headlines(early, 0, len(early) - 1) is None
    # The same headlines right under the article's last paragraph do end it.
    texts = [*ARTICLE, CLOSING_PARAGRAPH, *OTHER_STORIES]
    assert page_chrome.unheaded_headlines(texts, 0, len(texts) - 1) is not None


HEADLINE_LIST = [
    "Ferry pier to reopen for summer sailings after the storm damage is repaired",
    "Transport",
    "Quay Lane market moves to the station forecourt: what traders say",
    "12.05.2024",
    "Dock Road flats approved despite objections from residents",
    "Planning",
    "Why the harbour car park will close for six weeks in June?",
]


@pytest.mark.parametrize("heading", ["Read Next", "Related Posts", "Leggi anche", "More Trending", "Lesen Sie auch"])
def test_a_closing_list_of_headlines_under_a_teaser_heading_ends_the_article(heading: str) -> None:
    # After the article, a teaser heading over bare headlines (no teaser sentences), with section
    # and date labels between them, down to the run's end: no card has a teaser, so
    # closing_cards's cards do not end it, and no paragraph follows, so teaser_boxes does not box it.
    texts = [*ARTICLE, heading, *HEADLINE_LIST]
    found = page_chrome.closing_cards(texts, 0, len(texts) - 1)
    assert found is not None and found.first == len(ARTICLE)
    assert found.reason == page_chrome.CLOSING_HEADLINES
    assert page_chrome.teaser_boxes(texts, 0, len(texts) - 1) == set()


def test_an_articles_own_closing_list_under_a_heading_like_a_teasers_stays() -> None:
    # The same heading over the article's last lines is no list of headlines when a line under it
    # reads as a paragraph (15 words or more closing on a full stop), when a sentence introduces
    # the list (a line ending in a colon), when a line is too long for a headline, or when fewer
    # than three headlines are under it; and a list of headlines with the article's paragraph
    # under it is an inline box (teaser_boxes), not the article's end.
    heading = "Read Next"
    paragraph = (
        "The first stretch of the lane, between the station and Mill Street, is due to open before the "
        "schools return in September."
    )
    long_line = " ".join(["the harbour"] * 15)
    for below in (
        [*HEADLINE_LIST, paragraph],
        [*HEADLINE_LIST[:2], paragraph, *HEADLINE_LIST[2:]],
        ["The council listed the changes residents can expect next year:", *HEADLINE_LIST],
        [*HEADLINE_LIST, long_line],
        HEADLINE_LIST[:4],
    ):
        texts = [*ARTICLE, heading, *below]
        assert page_chrome.closing_cards(texts, 0, len(texts) - 1) is None, below
    boxed = [ARTICLE[0], ARTICLE[1], heading, *HEADLINE_LIST[:3], paragraph]
    assert page_chrome.closing_cards(boxed, 0, len(boxed) - 1) is None
    assert page_chrome.teaser_boxes(boxed, 0, len(boxed) - 1) == {2, 3, 4, 5}
    # Without a teaser heading over them, short lines at the article's end are its own.
    texts = [*ARTICLE, "What happens next", *HEADLINE_LIST]
    assert page_chrome.closing_cards(texts, 0, len(texts) - 1) is None


RANKING = [
    "1",
    "Ferry pier to reopen for summer sailings after the storm",
    "2",
    "Quay Lane market moves to the station forecourt",
    "3.",
    "Dock Road flats approved despite objections from residents",
    "4",
    "Why the harbour car park will close for six weeks?",
]
RANKED_TEASERS = [
    "Ferry pier to reopen for summer sailings after the storm",
    "REPAIRS DONE:",
    "The pier's owners said the new decking and the rebuilt ramp passed their inspection last week, and the "
    "first ferry is due on the first of June, with sailings every hour in the afternoon.",
    "By Ann Lee",
    "Quay Lane market moves to the station forecourt",
    "TRADERS SPLIT:",
    "Some stallholders welcomed the covered space by the station, while others said their regular customers "
    "would not follow them across the town centre and asked for a trial of six months.",
]


def test_a_closing_ranking_of_headlines_ends_the_article() -> None:
    # A most-read list under the article, its heading gone with the prompts: its places alone on
    # their lines, each over one headline, then teaser cards whose summaries read as prose, which
    # the line model's run went on through.
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, *RANKING, *RANKED_TEASERS, "About us", "Contact"])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert kept == [STANDFIRST, *ARTICLE]
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert reasons[RANKING[1]].endswith(page_chrome.CLOSING_RANKING)
    texts = [*ARTICLE, *RANKING, *RANKED_TEASERS]
    found = page_chrome.closing_ranking(texts, 0, len(texts) - 1)
    assert found is not None and found.first == len(ARTICLE)
    assert found.reason == page_chrome.CLOSING_RANKING


def test_an_articles_own_numbered_list_is_no_ranking() -> None:
    # Numbers alone on their lines over the article's own list stay: a best-of list's names
    # (shorter than a headline), a guide's steps (they end on a full stop), entries with their
    # text between them, fewer than three places, a ranking before the article has said much (a
    # best-of page's top picks), and a table of contents whose entries come back below as the
    # article's subheadings.
    names = ["1", "SimpliSafe", "2", "ADT", "3", "Ring", "4", "Wyze Cam"]
    steps = [
        "1",
        "Take the ferry from the pier.",
        "2",
        "Walk up Quay Lane to the market.",
        "3",
        "Turn left at the station forecourt.",
    ]
    paragraph = (
        "The pier's owners said the new decking and the rebuilt ramp passed their inspection last week, "
        "and the first ferry is due in June."
    )
    spaced = ["1", RANKING[1], paragraph, "2", RANKING[3], paragraph, "3", RANKING[5], paragraph]
    for listed in (names, steps, spaced, RANKING[:4]):
        texts = [*ARTICLE, *listed, *RANKED_TEASERS]
        assert page_chrome.closing_ranking(texts, 0, len(texts) - 1) is None, listed
    early = [ARTICLE[0], *RANKING, *ARTICLE[1:]]
    assert page_chrome.closing_ranking(early, 0, len(early) - 1) is None
    contents = [*ARTICLE, *RANKING]
    for h in RANKING[1::2]:
        contents += [h, paragraph]
    assert page_chrome.closing_ranking(contents, 0, len(contents) - 1) is None
    # The same entries coming back in another order are a second list of the site's stories.
    shuffled = [*ARTICLE, *RANKING, RANKING[3], RANKING[1], RANKING[5], RANKING[7]]
    found = page_chrome.closing_ranking(shuffled, 0, len(shuffled) - 1)
    assert found is not None and found.first == len(ARTICLE)


def test_an_offer_under_a_removed_subscription_prompt_goes_and_the_articles_list_stays() -> None:
    # The prompts cleaner removes the subscription prompt by its words, but the offer's benefits
    # under it are short sentences the line model scores like the article's own lines: they go
    # with their prompt. A bare "Subscribe" button is no offer's prompt, and the list under it is
    # the article's; a paragraph that speaks of subscribers is the article's too.
    offer = [
        "Unlimited digital access to the Harbour Gazette.",
        "Daily puzzles, including the crossword.",
        "Support local journalism.",
        "Create an account or sign in to continue with your reading experience.",
    ]
    subscribers = (
        "The Harbour Gazette asked its subscribers what they thought of the plan, and more than half of "
        "those who answered said they would use the track to reach the shops on the waterfront."
    )
    body = [
        ARTICLE[0],
        "Subscribe now to read the latest news in your city and across the region.",
        *offer,
        ARTICLE[1],
        subscribers,
        "Subscribe",
        *ARTICLE[2:],
    ]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *body, *AFTER])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert [ARTICLE[0], ARTICLE[1], subscribers, *ARTICLE[2:6]] == kept[1:8]  # the list under "Subscribe" too
    assert not set(offer) & set(kept)
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert all(reasons[line] == page_chrome.BESIDE_PROMPT for line in offer)


def test_a_japanese_teaser_heading_ends_the_article_only_when_only_teasers_follow() -> None:
    # "【関連記事】" over a closing list of teaser headlines ends the article, as "Related articles"
    # does; the same heading over one teaser between two paragraphs is an inline box, and the
    # article's paragraphs after it stay.
    headline = "港通りの自転車レーン、二年の議論経て可決"
    more = [
        "港湾局によると、整備費はおよそ十二億円で、国の補助金と市の予算でまかなう。"
        "工事中は迂回路を設け、路線バスの停留所も一部移す計画だ。",
        "市長は記者会見で、安全な道路づくりは市の最優先課題だと述べた。"
        "完成後は利用者の数や事故の件数を調べ、結果を公表するという。",
    ]
    article = [*JAPANESE_ARTICLE[:2], more[0], *JAPANESE_ARTICLE[2:], more[1]]
    inline = ["【関連記事】", "港まつりの花火大会、今年は規模を縮小して開催へ"]
    teasers = [
        "港湾局が来年度予算案を発表　防潮堤の補強に重点を置く方針",
        "市バスの新しい時刻表が月曜日から全路線で始まる見通し",
        "旧フェリー桟橋の改修工事、六月から半年間の通行止めに",
        "駅前再開発の説明会に住民二百人が参加し意見が相次ぐ",
    ]
    footer = ["利用規約", "プライバシーポリシー", "お問い合わせ"]
    for heading in ("【関連記事】", "関連ニュース", "こちらもおすすめ"):
        lines = [*JAPANESE_MENU, headline, *article[:3], *inline, *article[3:], heading, *teasers, *footer]
        kept = (clean_text("\n\n".join(lines)).articleBody or "").split("\n\n")
        assert all(paragraph in kept for paragraph in article)
        assert not set(teasers) & set(kept)


def test_an_end_marker_past_the_prose_rules_end_ends_the_models_run() -> None:
    # The model's run goes on past where the prose rule ends the article, through a "Related
    # posts" heading and the teasers' paragraphs under it: the heading ends the run there. A
    # marker inside the rule's own run is left to the rule, which counts the article's words from
    # its own start and did not stop there (a table of contents' "More articles you might enjoy"
    # under a standfirst the model's run starts at), and so is a run with no marker at all.
    teaser = (
        "The council's new bus timetable starts on Monday, and every route in the city will run "
        "more often in the evenings, the transport office said in a statement on Friday."
    )
    texts = [*MENU, HEADLINE, *ARTICLE, "Related posts", teaser, "About us"]
    first, marker = len(MENU), texts.index("Related posts")
    assert sum(word_count(t) for t in texts[first:marker]) >= page_chrome.END_MIN_WORDS
    found = page_chrome.end_marker_in_run(texts, first, marker + 1, (first + 1, marker - 1))
    assert found is not None and found.first == marker
    assert found.reason == page_chrome.END_MARKER
    assert page_chrome.end_marker_in_run(texts, first, marker + 1, (first + 1, marker + 1)) is None
    assert page_chrome.end_marker_in_run(texts, first, marker - 1, (first + 1, marker - 2)) is None


class ScoresTheThreadsLatePostsHigh(LineModel):
    """The shipped model's probabilities, with a thread's first posts scored low and its later,
    longer ones high (as the lines' words can score a thread of short posts then long ones)."""

    def __init__(self, early: set[str], late: set[str]) -> None:
        self.__dict__.update(load_model().__dict__)
        self.early, self.late = early, late

    def predict_lines(self, texts, url, run):  # type: ignore[no-untyped-def]
        scores = super().predict_lines(texts, url, run)
        for i, text in enumerate(texts):
            if text in self.early:
                scores[i] = 0.05
            elif text in self.late:
                scores[i] = 0.95
        return scores


def test_a_thread_that_takes_the_whole_kept_run_leaves_the_article_above_it() -> None:
    # A short post of two paragraphs, then a thread whose first posts the model scores low and
    # whose later, longer posts it scores high: the best run starts inside the thread, and the
    # thread's labels then take the whole run. The article is the run above the thread.
    early = [COMMENT.replace("I cycle", f"{who} cycles") for who in ("Tom", "Ann", "Raj", "Eve")]
    late = [f"{COMMENT} {ARTICLE[n]}" for n in (0, 1, 6, 10)]
    thread = []
    for n, post in enumerate([*early, *late]):
        thread += [f"Reader {n} says:", post, "Reply"]
    texts = [*MENU, HEADLINE, *ARTICLE[:2], *thread, "About us", "Contact", "Privacy policy"]
    model = ScoresTheThreadsLatePostsHigh(set(early), set(late))
    scores = model.predict_lines(texts, None, page_chrome.rule_run_of(texts))
    kept = page_chrome.keep_range(texts, scores)
    assert kept is not None and kept[0] > texts.index(early[-1])  # the model's run is the thread's end
    above = page_chrome.article_above_thread(texts, scores, kept[0], kept[0] + 2)
    assert above is not None and texts[above[0]] == HEADLINE and above[1] < texts.index(early[0])
    doc = Document([Block(text) for text in texts], source_format="text")
    removed = {doc.blocks[d.position].text for d in PageChrome(model=model)(doc)}
    assert not any(t in removed for t in ARTICLE[:2])
    assert {*early, *late} <= removed
    # A run with 100 words of prose before its thread, and fewer posts' marks than a thread has,
    # is the article's.
    whole = [*MENU, HEADLINE, *ARTICLE, *thread]
    likely = np.full(len(whole), 0.9)
    first, label = whole.index(ARTICLE[0]), whole.index("Reader 0 says:")
    assert page_chrome.article_above_thread(whole, likely, first, label) is None


def test_a_thread_found_by_its_stamps_some_posts_in_still_leaves_the_article_above_it() -> None:
    # Stamps count only after 100 words of prose into the run, so a run that opens with a thread
    # of stamped posts finds it some posts in; the stamps before that line make it a thread too.
    posts = []
    for n in range(6):
        posts += [f"Comment #{n + 1} - Posted by: Reader {n} at March 6, 2024 6:1{n} PM", COMMENT]
    texts = [*MENU, HEADLINE, *ARTICLE[:2], *posts, "About us", "Contact"]
    likely = np.asarray([0.9 if text in ARTICLE else 0.1 for text in texts])
    start = texts.index(posts[0])
    assert [page_chrome._stamp(text) for text in posts[::2]] == [True] * 6
    above = page_chrome.article_above_thread(texts, likely, start, texts.index(posts[8]))
    assert above is not None and texts[above[0]] == HEADLINE and texts[above[1]] == ARTICLE[1]


def test_a_short_post_without_posts_marks_keeps_its_run_over_a_menu_line_above_it() -> None:
    # A designer's short post (a headline, its date, two paragraphs) under a menu whose
    # "Elsewhere:" the model liked, then the thread's heading: less than 100 words of prose
    # before the thread, so the run was taken for the thread, and the article "above" it was the
    # menu's one line. A run with no post's mark before the thread and more prose than the lines
    # above it is the article's.
    posts = []
    for n in range(4):
        posts += [f"Reader {n}, on November 7th, 2012", COMMENT]
    heading = "8 appreciated comments on “Harbour Road cycle lane approved”"
    texts = [*MENU, "Elsewhere:", "Book", HEADLINE, "Published on November 7th, 2012", *ARTICLE[:2], heading, *posts]
    likely = np.asarray([0.9 if text in ("Elsewhere:", *ARTICLE[:2], COMMENT) else 0.1 for text in texts])
    start, thread = texts.index(HEADLINE), texts.index(heading)
    assert page_chrome._prose_words(texts, start, thread) < page_chrome.COMMENTS_MIN_WORDS
    assert page_chrome.keep_range(texts[:start], likely[:start]) == (texts.index("Elsewhere:"),) * 2
    assert page_chrome.article_above_thread(texts, likely, start, thread) is None
    # A run opening with a post's mark is the thread's, and the post above it is the article.
    menu_post = [*MENU, HEADLINE, *ARTICLE[:2], *posts]
    likely = np.asarray([0.9 if text in (*ARTICLE[:2], COMMENT) else 0.1 for text in menu_post])
    above = page_chrome.article_above_thread(menu_post, likely, menu_post.index(posts[0]), menu_post.index(posts[2]))
    assert above is not None and menu_post[above[1]] == ARTICLE[1]


class ScoresByText(LineModel):
    """The shipped model's probabilities, with some lines' scores set by their text."""

    def __init__(self, fixed: dict[str, float]) -> None:
        self.__dict__.update(load_model().__dict__)
        self.fixed = fixed

    def predict_lines(self, texts, url, run):  # type: ignore[no-untyped-def]
        scores = super().predict_lines(texts, url, run)
        for i, text in enumerate(texts):
            scores[i] = self.fixed.get(text, scores[i])
        return scores


LONG_COMMENT = (
    "I have cycled along Harbour Road to work every day for eleven years, and the worst part has always "
    "been the stretch by the docks, where lorries pull out without looking and the kerb is broken. "
    "A separate track will not fix the junction at Mill Street on its own, but it is the first plan in "
    "years that puts the people who ride there first, and I hope the review after a year keeps it."
)


@pytest.mark.parametrize(
    "line",
    ["$285 at REI", "$899.99 from Best Buy", "29,99 € bei Otto", "Check price at Amazon", "View on Walmart", "Buy now"],
)
def test_a_shops_button_beside_a_product_goes(line: str) -> None:
    # A buyer's guide prints each product's price at a store, or a "Buy now", as a button of
    # its own between the paragraphs about it.
    assert page_chrome.shop_button(line)
    texts = [*MENU, HEADLINE, ARTICLE[0], "The Harbour Cargo Bike", line, ARTICLE[1], ARTICLE[6], "About us"]
    model = ScoresByText({t: 0.9 for t in [HEADLINE, ARTICLE[0], "The Harbour Cargo Bike", line, *ARTICLE[1:7]]})
    doc = Document([Block(text) for text in texts], source_format="text")
    reasons = {d.position: d.reason for d in PageChrome(model=model)(doc)}
    assert reasons.get(texts.index(line)) == page_chrome.SHOP_BUTTON
    assert not any(i in reasons for i in range(texts.index(ARTICLE[0]), texts.index(line)))


def test_a_call_to_actions_button_alone_goes_and_a_sentence_with_its_words_stays() -> None:
    buttons = ["Learn more", "Read more »", "Get started for free", "Sign up", "Download", "Book now"]
    sentences = ["Learn more about the plan at the council's site.", "Sign up sheets are at the library."]
    assert all(page_chrome.CTA_BUTTON.match(b) for b in buttons)
    assert not any(page_chrome.CTA_BUTTON.match(t) for t in sentences)
    texts = [*MENU, HEADLINE, ARTICLE[0], buttons[0], ARTICLE[1], sentences[0], ARTICLE[6], "About us"]
    model = ScoresByText({t: 0.9 for t in [HEADLINE, ARTICLE[0], buttons[0], ARTICLE[1], sentences[0], ARTICLE[6]]})
    doc = Document([Block(text) for text in texts], source_format="text")
    reasons = {d.position: d.reason for d in PageChrome(model=model)(doc)}
    assert reasons.get(texts.index(buttons[0])) == page_chrome.CTA
    assert texts.index(sentences[0]) not in reasons


@pytest.mark.parametrize(
    "line",
    [
        "It costs $285 at REI, less on sale.",
        "$285 at REI is what most shops charge for the base model this spring",
        "Buy now, pay later schemes are under review.",
        "View on the harbour",
    ],
)
def test_a_sentence_naming_a_price_at_a_store_is_no_button(line: str) -> None:
    assert not page_chrome.shop_button(line)


def test_a_table_of_contents_goes_and_the_sections_it_lists_stay() -> None:
    # A guide lists its sections' headings under "Table of Contents", then prints each heading
    # again over its section: the dump holds every heading twice where the article does once.
    sections = ["Why the lane was built", "What changes for drivers", "When the works finish"]
    toc = ["Table of Contents", *sections]
    body = [ARTICLE[0], sections[0], ARTICLE[1], sections[1], ARTICLE[6], sections[2], ARTICLE[12]]
    texts = [*MENU, HEADLINE, *toc, *body, "About us", "Contact"]
    start, end = texts.index("Table of Contents") - 1, texts.index(ARTICLE[12])
    found = page_chrome.table_of_contents(texts, start, end)
    assert found == set(range(texts.index("Table of Contents"), texts.index(ARTICLE[0])))
    model = ScoresByText({t: 0.9 for t in [HEADLINE, *toc, *body]})
    doc = Document([Block(text) for text in texts], source_format="text")
    reasons = {d.position: d.reason for d in PageChrome(model=model)(doc)}
    assert {i for i, why in reasons.items() if why == page_chrome.CONTENTS} == found
    first = texts.index(ARTICLE[0])
    assert not any(i in reasons for i in range(first, first + len(body)))
    # A "Contents" heading over a list the article does not say again (a kit's parts) stays, and
    # so do entries that come back in another order (an index, not the sections' headings).
    parts = [*MENU, HEADLINE, "Contents", "Two wheels", "A frame", "A saddle", *body]
    assert page_chrome.table_of_contents(parts, 0, len(parts) - 1) == set()
    shuffled = [*MENU, HEADLINE, "Contents", sections[2], sections[0], sections[1], *body]
    assert page_chrome.table_of_contents(shuffled, 0, len(shuffled) - 1) == set()
    # Nor is a list repeated further down a table of contents without its heading.
    plain = [*MENU, HEADLINE, ARTICLE[0], *sections, *body]
    assert page_chrome.table_of_contents(plain, 0, len(plain) - 1) == set()


def test_a_run_below_a_thread_heading_that_quotes_the_posts_title_is_the_readers() -> None:
    # A two-line post, then WordPress's "N Responses to “Title”" and short congratulations with no
    # stamps (nothing the thread's marks can count), and one long comment the model likes: the
    # heading quotes the title that opens the post, so the post is the article.
    title = "Our New Lane Opens"
    post = "The Harbour Road lane opened this morning. Ride safely, everyone."
    thread = ["3 Responses to “Our New Lane Opens”", "Ann Says:", "Congratulations!", "Tom Says:", "Great news!"]
    texts = [*MENU, title, "Posted in News, March 6, 2024", post, "Trackback URL", *thread, "Bo Says:", LONG_COMMENT]
    texts += ["About us", "Contact", "Privacy policy"]
    model = ScoresByText({LONG_COMMENT: 0.95, post: 0.3, title: 0.1})
    scores = model.predict_lines(texts, None, page_chrome.rule_run_of(texts))
    kept = page_chrome.keep_range(texts, scores)
    assert kept is not None and kept[0] > texts.index(thread[0])
    assert page_chrome.article_before_thread(texts, scores, kept[0]) is None
    found = page_chrome.titled_post_above(texts, kept[0])
    assert found == (texts.index(title), texts.index(thread[0]) - 1)
    doc = Document([Block(text) for text in texts], source_format="text")
    reasons = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=model)(doc)}
    assert post not in reasons and page_chrome.THREAD_POST in reasons[LONG_COMMENT]
    # Without the title above the heading (another post's thread), or a sentence under it, the run stays.
    other = [t.replace("Our New Lane Opens", "Budget Day") for t in texts]
    other[texts.index(title)] = title
    assert page_chrome.titled_post_above(other, kept[0]) is None
    bare = [t for t in texts if t != post]
    assert page_chrome.titled_post_above(bare, kept[0] - 1) is None


def test_a_thread_of_short_replies_leads_up_to_a_run_that_opens_on_a_post() -> None:
    # Readers' posts, each under its author's name and over a "Reply" label, most of them a line
    # or two of thanks; the run opens on a long post's text, right under its author's name. That
    # post is the last stretch's prose, so three labels with prose in most stretches make a
    # thread, and the article is above it.
    thread = ["Ann", "Great news!", "Reply", "Tom", "Finally.", "Reply", "Sue", COMMENT, "Reply", "Bob"]
    texts = [*MENU, HEADLINE, *ARTICLE[:2], *thread, LONG_COMMENT, "Reply", "About us", "Contact"]
    model = ScoresByText({ARTICLE[0]: 0.45, ARTICLE[1]: 0.45, COMMENT: 0.3, LONG_COMMENT: 0.95})

    def before_thread(lines: list[str]) -> tuple[int, int] | None:
        scores = model.predict_lines(lines, None, (-1, -1))
        return page_chrome.article_before_thread(lines, scores, lines.index(LONG_COMMENT))

    found = before_thread(texts)
    assert found is not None and texts[found[1]] == ARTICLE[1]
    # Two labels are no thread without a comments heading over the first post; with one, they are.
    two = ["Ann", COMMENT, "Reply", "Bob", LONG_COMMENT, "Reply", "About us"]
    assert before_thread([*MENU, HEADLINE, *ARTICLE[:2], *two]) is None
    headed = [*MENU, HEADLINE, *ARTICLE[:2], "{ 2 comments… read them below or add one }", *two]
    found = before_thread(headed)
    assert found is not None and headed[found[1]] == ARTICLE[1]


def test_a_run_that_a_thread_leads_up_to_is_a_post_and_the_article_is_above_the_thread() -> None:
    # A short article the model is unsure of (0.45), then a thread of stamped posts: the short ones
    # score low, the last, long one high, so the best run is that post alone, and nothing inside
    # that run marks it as a thread. The marks leading up to it do: the article is the first
    # stretch before the thread that holds a paragraph.
    posts = []
    for n in range(5):
        posts += [f"Reader {n} at March {n + 6}, 2024 6:1{n} PM", COMMENT]
    texts = [*MENU, HEADLINE, *ARTICLE[:2], *posts, "Reader 9 at March 20, 2024 9:15 PM", LONG_COMMENT]
    texts += ["About us", "Contact", "Privacy policy"]
    fixed = {ARTICLE[0]: 0.45, ARTICLE[1]: 0.45, COMMENT: 0.05, LONG_COMMENT: 0.95}
    model = ScoresByText(fixed | {stamp: 0.2 for stamp in [*posts[::2], "Reader 9 at March 20, 2024 9:15 PM"]})
    scores = model.predict_lines(texts, None, page_chrome.rule_run_of(texts))
    kept = page_chrome.keep_range(texts, scores)
    assert kept is not None and kept[0] > texts.index(COMMENT) and kept[1] == texts.index(LONG_COMMENT)
    found = page_chrome.article_before_thread(texts, scores, kept[0])
    assert found is not None and texts[found[0]] == HEADLINE and texts[found[1]] == ARTICLE[1]
    doc = Document([Block(text) for text in texts], source_format="text")
    reasons = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=model)(doc)}
    assert not any(t in reasons for t in [HEADLINE, *ARTICLE[:2]])
    assert page_chrome.THREAD_POST in reasons[LONG_COMMENT]
    assert COMMENT in reasons and "Home" in reasons
    # A photo post's one paragraph that closes on a colon over its pictures (no sentence end): the
    # stretch before the thread's first mark is still the post's, not a reader's post further down.
    intro = (
        "In addition to the first set of pictures from the new harbour ferry I published a few days ago, "
        "here are some more taken by readers on the opening weekend:"
    )
    photo = [*MENU, HEADLINE, intro, *posts, "Reader 9 at March 20, 2024 9:15 PM", LONG_COMMENT]
    photo_scores = ScoresByText(fixed | {intro: 0.45}).predict_lines(photo, None, (-1, -1))
    found = page_chrome.article_before_thread(photo, photo_scores, photo.index(LONG_COMMENT))
    assert found is not None and photo[found[1]] == intro
    # A menu's or a tag list's long line in its place (title case, no sentence) is no post's prose.
    tags = "Harbour Road Cycle Lane Mill Street Crossings Parking Bays Loading Zones Ferry Pier Quay Lane Market"
    assert page_chrome._holds_prose([intro], 0, 0) and not page_chrome._holds_prose([tags], 0, 0)
    # Two stamps are not a thread (one is often the article's own dateline).
    two = [*MENU, HEADLINE, *ARTICLE[:2], *posts[8:], "Reader 9 at March 20, 2024 9:15 PM", LONG_COMMENT]
    assert page_chrome.article_before_thread(two, model.predict_lines(two, None, (-1, -1)), len(two) - 1) is None
    # A sidebar of recent comments, stamps with no prose between them, above the article: the
    # article is the run, not a post.
    sidebar = [f"Reader {n} at March {n + 6}, 2024 6:1{n} PM" for n in range(5)]
    page = [*MENU, *sidebar, HEADLINE, *ARTICLE]
    likely = np.full(len(page), 0.9)
    assert page_chrome.article_before_thread(page, likely, page.index(HEADLINE)) is None



def test_a_sidebars_latest_comments_above_the_headline_lead_to_no_run() -> None:
    # A "Latest Comments" box (each reader's name and stamp over the opening of the comment, cut
    # with "...") and a list of topics above the headline: marks under a comments heading, prose
    # between them, and the run below. But a thread runs under the article it discusses; the
    # page's headline between the marks and the run says the run is the article. (Its address
    # holds the headline's words and the author's name, so not every slug word is in the headline.)
    url = "https://citynews.example/2024/03/harbour-road-cycle-lane-approved-after-two-year-dispute-by-jo-hart"
    latest = [
        "Latest Comments",
        "Marta Quinn 3 weeks ago",
        "Thank you for covering the ferry timetable, it is still a nightmare to plan around ...",
        "Tom Elsworth 1 month ago",
        "Thanks for this informative piece on the new bus routes and the ...",
        "Ann Lee 1 month ago",
        "A very informative article on the school roof and the council's budget.",
    ]
    topics = ["Transport", "Council", "Environment", "Schools", "Housing", "Weather", "Health", "Arts"]
    topics += ["Sport", "Business", "Letters", "Obituaries", "Events", "RSS feed", "Also in this section"]
    texts = [*MENU, *latest, *topics, "Home", "News", HEADLINE, STANDFIRST, *ARTICLE, "About us", "Contact"]
    record = clean_text("\n".join(texts), url=url)
    body = record.articleBody or ""
    assert_once(body, ARTICLE[0], ARTICLE[-1])
    assert_gone(body, "Latest Comments", "ferry timetable", "Obituaries")
    assert record.headline == HEADLINE
    # Without the headline between them, such marks still lead up to a run that is a post.
    scores = np.full(len(texts), 0.9)
    start = texts.index(HEADLINE)
    assert page_chrome.article_before_thread(texts, scores, start) is not None
    assert page_chrome.article_before_thread(texts, scores, start, headline=start) is None

def test_typepads_posted_by_line_labels_a_readers_post_and_a_byline_does_not() -> None:
    # TypePad prints "Posted by:" on a line of its own under each reader's post, the poster's name
    # on the next; its stamp ("September 13, 2012 at 03:08 PM") is taken out before by the
    # timestamps cleaner. Three such labels are a thread; a byline names its author on its line.
    thread = []
    for name in ("mmrtnt", "Saxman23", "Kala"):
        thread += [COMMENT.replace("I cycle", f"{name} cycles"), "Posted by:", f"{name} |"]
    texts = [HEADLINE, *ARTICLE[:2], *thread]
    found = page_chrome.reader_comments(texts, 0, len(texts) - 1)
    assert found is not None and texts[found.first] == "Posted by:"
    assert all(page_chrome.POST_LABEL.match(line) for line in ("Posted by:", "Posted by :", "— Posted By: —"))
    assert not page_chrome.POST_LABEL.match("Posted by: Jane Doe")
    assert not page_chrome.POST_LABEL.match("Posted by Jane Doe on March 6, 2024")


@pytest.mark.parametrize(
    "labels",
    [
        [("Jennifer", "said..."), ("Matthew", "said..."), ("Chef John", "said...")],  # Blogger: the name above
        [("Progress Trap said,",), ("Nikos said,",), ("Debbie M said,",)],  # WordPress themes
        [("by sethstorm (512897) writes:",), ("by Anonymous Coward writes:",), ("by jcr (53032) writes:",)],
        [("Dale McNeill wrote:",), ("Ann wrote:",), ("K.G. Schneider wrote:",)],
        [("Ana", "disse..."), ("Pedro", "dijo..."), ("Marie", "a dit…")],
    ],
)
def test_a_posters_name_with_said_or_wrote_labels_a_readers_post(labels: list[tuple[str, ...]]) -> None:
    # Comment systems label each post with the poster's name and a verb of saying closing the line:
    # three such labels are a thread, however short the post above it is.
    thread = []
    for n, label in enumerate(labels):
        thread += [*label, COMMENT.replace("I cycle", f"Reader {n} cycles")]
    texts = [HEADLINE, ARTICLE[0], *thread]
    found = page_chrome.reader_comments(texts, 0, len(texts) - 1)
    assert found is not None and found.first <= texts.index(labels[0][-1]) and "posts labelled" in found.reason
    assert found.first > texts.index(ARTICLE[0])


VIDEO_POST_COMMENTS = [
    "Can't wait for this one, I have been looking for a good pie recipe for the holidays and yours always work.",
    "Yay! The supermarkets are stocked again after the storm so I can actually cook something this week!",
    "Looks amazing. My family always uses fresh pumpkin and follows the recipe on the can, but I will try yours.",
    "So where are the ingredient amounts? We have the video but we need the amounts written down as well.",
]


def _video_post_page(byline: str, label_lines: list[tuple[str, ...]]) -> list[str]:
    # A Blogger video post: the headline, the post's stamp and labels, and no text of its own (the
    # video does not print), then the comments, each under its poster's name and "said...".
    page = [*MENU, "Next Up: Pumpkin Pie", byline, "Labels: Pie, Holidays", "4 comments:"]
    for label, comment in zip(label_lines, VIDEO_POST_COMMENTS, strict=True):
        page += [*label, comment]
    return [*page, "Post a Comment", "Newer Post", "Older Post", "Home", *AFTER[-4:]]


def test_a_run_that_opens_under_a_readers_label_is_the_thread() -> None:
    # The post has no text; the model keeps the readers' prose, and the thread found in the run
    # starts at its second post: the first post, under its label, is no more the article.
    labels = [("Jennifer", "said..."), ("Matthew", "said..."), ("Jason Smith", "said..."), ("Dragonflyte", "said...")]
    page = _video_post_page("Posted by Chef John at 10:00 AM", labels)
    first = page.index(VIDEO_POST_COMMENTS[0])
    found = page_chrome.opens_on_post(page, first)
    assert found is not None and found.first == first and page_chrome.OPENS_ON_POST in found.reason
    likely = ScoresByText({comment: 0.9 for comment in VIDEO_POST_COMMENTS})
    decisions = {d.position: d.reason for d in PageChrome(model=likely)(Document([Block(t) for t in page]))}
    assert all(page.index(comment) in decisions for comment in VIDEO_POST_COMMENTS)
    assert page_chrome.OPENS_ON_POST in decisions[first]
    # "Tom says:" on the same line opens a post too; a label with the poster's name on the next
    # line ("Posted by:" then "Ann") as well.
    assert page_chrome.opens_on_post(["Home", "Tom Baker says:", VIDEO_POST_COMMENTS[0]], 2) is not None
    assert page_chrome.opens_on_post(["Home", "Posted by:", "Ann", VIDEO_POST_COMMENTS[0]], 3) is not None


def test_a_run_that_opens_under_a_thread_heading_is_the_thread() -> None:
    # A video post under its headline, then the blog engine's thread heading, the first poster's
    # name and the readers' posts: the run the readers' prose draws is the thread.
    page = [*MENU, "Conversation with my readers", "by Paulo Coelho on June 29, 2012"]
    page += ["{ 4 comments… read them below or add one }"]
    for name, comment in zip(("Maria", "Adriana", "Jorge Luis", "Marie-Christine"), VIDEO_POST_COMMENTS, strict=True):
        page += [name, comment, "Reply"]
    first = page.index(VIDEO_POST_COMMENTS[0])
    found = page_chrome.opens_on_post(page, first)
    assert found is not None and found.first == first and page_chrome.OPENS_ON_THREAD in found.reason
    assert page_chrome.opens_on_post(page, first - 1) is not None  # the run takes the name in
    likely = ScoresByText({comment: 0.9 for comment in VIDEO_POST_COMMENTS})
    decisions = {d.position: d.reason for d in PageChrome(model=likely)(Document([Block(t) for t in page]))}
    assert all(page.index(comment) in decisions for comment in VIDEO_POST_COMMENTS)
    # A comment count under the headline, over the article, is no thread heading.
    counted = [*MENU, HEADLINE, "12 Comments", *ARTICLE]
    assert page_chrome.opens_on_post(counted, counted.index(ARTICLE[0])) is None


def test_an_authors_own_label_over_the_post_is_not_a_readers() -> None:
    # A blog theme labels the author's post as it labels the comments ("Heather says:"), under a
    # byline naming her; a post under a menu line or a heading has no label over it.
    page = [*MENU, HEADLINE, "by Heather Solos on October 22, 2012", "Email", "Heather says:", *ARTICLE]
    assert page_chrome.opens_on_post(page, page.index(ARTICLE[0])) is None
    assert page_chrome.opens_on_post([*MENU, HEADLINE, *ARTICLE], len(MENU) + 1) is None
    assert page_chrome.opens_on_post([*MENU, "Jennifer", *ARTICLE], len(MENU) + 1) is None
    decisions = {d.position: d.reason for d in PageChrome()(Document([Block(t) for t in page]))}
    assert all(page.index(p) not in decisions for p in ARTICLE)


def test_reported_speech_that_says_said_or_wrote_is_not_a_posts_label() -> None:
    # A news report's "A spokesman said:" alone on its line (over a block quote) and a sentence
    # that ends a line on "said," are the article's; the verb labels a post only when the line is
    # a name and the verb, and a thread needs three.
    assert not page_chrome.POST_LABEL.match("Obama said, adding that the talks would go on into the night.")
    assert not page_chrome.POST_LABEL.match("The minister said: we will build the crossings before the schools return.")
    quoted = [
        HEADLINE,
        ARTICLE[0],
        "A spokesman for the council said:",
        ARTICLE[1],
        "In a statement, the traders' association wrote:",
        ARTICLE[6],
        "As the mayor put it on Monday, the lane is only the start, the councillor said,",
        ARTICLE[-1],
    ]
    assert page_chrome.reader_comments(quoted, 0, len(quoted) - 1) is None


def test_a_post_with_a_label_and_a_stamp_is_one_post_of_the_thread_a_run_leads_into() -> None:
    # Each post carries a label and a stamp, with only the post's title between them ("by ann
    # (1234) writes:" over "on Monday July 23, @08:25PM"): half the stretches between the marks hold
    # no prose, but the stretches between the stamps do. The run the model chose is a late, long
    # post; the article is above the thread.
    posts = []
    for n in range(5):
        posts += [f"Title {n}", f"by reader{n} ({n}234) writes:", f"on Monday March {n + 6}, 2024 6:1{n} PM", COMMENT]
    texts = [*MENU, HEADLINE, *ARTICLE[:2], *posts, "by eve (99) writes:", "on Monday March 20, 2024 9:15 PM"]
    texts += [LONG_COMMENT, "About us", "Contact", "Privacy policy"]
    fixed = {ARTICLE[0]: 0.45, ARTICLE[1]: 0.45, COMMENT: 0.05, LONG_COMMENT: 0.95}
    scores = ScoresByText(fixed).predict_lines(texts, None, page_chrome.rule_run_of(texts))
    found = page_chrome.article_before_thread(texts, scores, texts.index(LONG_COMMENT))
    assert found is not None and texts[found[0]] == HEADLINE
    assert texts.index(ARTICLE[1]) <= found[1] < texts.index("by reader0 (0234) writes:")
    # Marks with no prose between most of them, of either kind, are a list, not a thread.
    bare = [line for line in texts if line != COMMENT]
    bare_scores = ScoresByText(fixed).predict_lines(bare, None, page_chrome.rule_run_of(bare))
    assert page_chrome.article_before_thread(bare, bare_scores, bare.index(LONG_COMMENT)) is None


def test_the_article_above_a_thread_stops_at_the_comments_heading() -> None:
    # The stretch before a thread's first mark holds the article, its comments heading and the
    # thread's first post (its mark comes after the post): the article is above the heading.
    first = COMMENT.replace("I cycle", "Shirley cycles")
    texts = [*MENU, HEADLINE, *ARTICLE[:2], "Previous post: Mill Street", "{ 12 comments… read them below or add one }"]
    texts += ["Shirley", first]
    for n in range(5):
        texts += ["Reply", f"Reader {n}", COMMENT]
    texts += ["Reply", "Reader 9", LONG_COMMENT, "Reply", "About us", "Contact", "Privacy policy"]
    fixed = {ARTICLE[0]: 0.3, ARTICLE[1]: 0.3, first: 0.6, COMMENT: 0.05, LONG_COMMENT: 0.95}
    scores = ScoresByText(fixed).predict_lines(texts, None, page_chrome.rule_run_of(texts))
    found = page_chrome.article_before_thread(texts, scores, texts.index(LONG_COMMENT))
    assert found is not None and texts.index(ARTICLE[1]) <= found[1] < texts.index("Shirley")
    # A comments link above the article's paragraph (in the byline) does not cut it off.
    linked = [*MENU, HEADLINE, "12 Comments", *texts[len(MENU) + 1 :]]
    scores = ScoresByText(fixed).predict_lines(linked, None, page_chrome.rule_run_of(linked))
    found = page_chrome.article_before_thread(linked, scores, linked.index(LONG_COMMENT))
    assert found is not None and linked.index(ARTICLE[1]) <= found[1] < linked.index("Shirley")


def test_a_blog_engines_thread_heading_ends_a_run_that_opens_with_the_thread() -> None:
    # A quotation post the model is unsure of (0.26), then "Related posts:", the trackbacks and a
    # thread of two posts the model scores high: the kept run opens with the trackbacks, and the
    # thread's own heading ("{ 2 comments… read them below or add one }", printed only above a
    # thread) comes before 100 words of prose into it. It ends the run however early it comes; the
    # article is above it, by the prose rule where the model finds no line likely enough.
    thread = ["{ 1 trackback }", "Don’t get caught thinking in public! | The Home for Wayward Statisticians"]
    thread += ["{ 2 comments… read them below or add one }", "1", "Nathan 07.16.12 at 21:35", COMMENT]
    thread += ["2", "Mike 07.16.12 at 22:07", LONG_COMMENT]
    texts = [*MENU, HEADLINE, "From Brian Phillips:", ARTICLE[0], "Related posts:", "Audible confetti", *thread]
    texts += ["Name", "E-mail", "Website", "About us", "Contact", "Privacy policy"]
    fixed = {ARTICLE[0]: 0.26, thread[0]: 0.6, thread[1]: 0.45, thread[2]: 0.5, COMMENT: 0.8, LONG_COMMENT: 0.97}
    model = ScoresByText(fixed)
    scores = model.predict_lines(texts, None, page_chrome.rule_run_of(texts))
    start = texts.index(thread[0])
    found = page_chrome.reader_comments(texts, start, len(texts) - 4)
    assert found is not None and texts[found.first] == thread[2] and "thread's heading" in found.reason
    above = page_chrome.article_above_thread(texts, scores, start, found.first)
    assert above is not None and above[0] <= texts.index(ARTICLE[0]) <= above[1] < start
    doc = Document([Block(text) for text in texts], source_format="text")
    removed = {doc.blocks[d.position].text for d in PageChrome(model=model)(doc)}
    assert ARTICLE[0] not in removed and {COMMENT, LONG_COMMENT} <= removed
    # A general comments heading ("2 Comments") that early is a link in the byline: no cut.
    linked = [line if line != thread[2] else "2 Comments" for line in texts]
    assert page_chrome.reader_comments(linked, start, len(linked) - 4) is None


def test_a_comments_heading_over_a_threads_first_post_ends_a_short_post() -> None:
    # A post of one paragraph, then "7 Comments Leave a comment" right over the first post's
    # stamp: stamps count only after 100 words of prose, so the thread is found from its fourth
    # post on, and the heading comes before that much prose; the heading over the first post's
    # stamp is where the thread starts.
    short = "For those of you in or around the city, I will be giving a talk on the Harbour Road cycle lane on Friday."
    thread = []
    for n in range(7):
        thread += [f"Reader {n} {n + 11} days ago", COMMENT.replace("I cycle", f"Reader {n} cycles")]
    texts = [HEADLINE, short, "Post Tags:", "cycling", "7 Comments Leave a comment", *thread]
    found = page_chrome.reader_comments(texts, 0, len(texts) - 1)
    assert found is not None and texts[found.first] == "7 Comments Leave a comment"
    # Movable Type stamps each post under it ("Posted by: Ann at November 13, 2012 6:31 AM"): the
    # first mark closes the first post, a few lines under the heading.
    under = []
    for n in range(7):
        under += [COMMENT.replace("I cycle", f"Reader {n} cycles"), LONG_COMMENT[:90] + "."]
        under += [f"Posted by: Reader {n} at November {n + 13}, 2012 6:31 AM"]
    texts = [HEADLINE, short, "Post Tags:", "cycling", "• 7 Comments", *under]
    found = page_chrome.reader_comments(texts, 0, len(texts) - 1)
    assert found is not None and texts[found.first] == "• 7 Comments"
    # A comments link in the byline, over the article's own dateline, has no paragraph above it:
    # the thread starts at its first post, not at the byline.
    byline = [HEADLINE, "3 Comments", "March 6, 2024 at 6:10 pm", *ARTICLE[:2], *thread]
    found = page_chrome.reader_comments(byline, 0, len(byline) - 1)
    assert found is not None and found.first > byline.index(ARTICLE[1])


DUMPS = Path(__file__).resolve().parents[1] / "fixtures" / "dumps"


def test_a_german_dumps_share_line_and_comments_heading_end_the_article() -> None:
    # A German news dump: after the article, the share bar's "Diesen Artikel teilen", two teasers
    # written as prose, "Kommentare" and a reader's comment. The shipped model keeps the teasers;
    # the share line ends the article as "Share this article" does in English.
    text = (DUMPS / "closing-lines-in-german.txt").read_text(encoding="utf-8")
    body = clean_text(text).articleBody or ""
    assert "Der Stadtrat hat am Dienstag beschlossen" in body
    assert "Mehrere Händler wandten ein" in body
    for gone in ("Diesen Artikel teilen", "Die Brücke an der Mühlenstraße", "Der neue Busfahrplan", "Endlich!"):
        assert gone not in body


def test_a_german_dumps_buttons_between_its_paragraphs_go() -> None:
    # A German news dump with its share, sign-in, trial and print buttons between the paragraphs,
    # where the line model (which never saw German chrome) keeps them in the article's run.
    text = (DUMPS / "buttons-in-german.txt").read_text(encoding="utf-8")
    body = clean_text(text).articleBody or ""
    for kept in ("Der Gemeinderat hat am Donnerstag", "Während des Probebetriebs", "Die Händler in den Seitenstraßen",
                 "Die Stadt will deshalb", "Die Umbauarbeiten am Brunnen"):  # fmt: skip
        assert kept in body
    for gone in ("Per Mail sharen", "Auf Facebook teilen", "Link kopiert", "Box aufklappen", "Jetzt anmelden",
                 "2 Wochen kostenlos testen", "Drucken"):  # fmt: skip
        assert gone not in body


@pytest.mark.parametrize(
    "line",
    [
        "Klicken, um auf WhatsApp zu teilen (Wird in neuem Fenster geöffnet)",
        "Partager sur Facebook",
        "Compartir en WhatsApp",
        "Lien copié",
        "Abo abschließen",
        "S’inscrire gratuitement",
        "Article réservé aux abonnés",
        "Suscríbete",
        "Logg inn",
        "Zaloguj się",
        "Die Kommentarfunktion ist derzeit deaktiviert.",
        "Die Kommentarfunktion ist für diesen Artikel deaktiviert.",
        "Die Kommentare und Pings sind geschlossen.",
        "Les commentaires sont fermés.",
    ],
)
def test_interface_lines_in_other_languages_are_read(line: str) -> None:
    assert page_chrome.interface_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Teilen",
        "Partager",
        "Diesen Artikel teilen",
        "Er wollte sich anmelden, sagte er, doch die Frist war abgelaufen.",
        "Die Kommentare sind geschlossen worden, weil der Streit eskalierte, sagte die Moderatorin am Montag.",
        "Drucken lassen wollte die Stadt die Pläne erst nach der Abstimmung.",
        # The comments of something else, closed: the article's sentence, whatever its words.
        "Die Kommentare sind seit dem Anschlag geschlossen.",
        "Kommentare sind bei Instagram jetzt ausgeschaltet.",
        "Die Kommentarfunktion ist seit Montag deaktiviert.",
    ],
)
def test_bare_share_words_and_sentences_are_no_interface_lines(line: str) -> None:
    assert not page_chrome.interface_line(line)


@pytest.mark.parametrize(
    "line",
    [
        # WordPress prints its comment form's heading with the form's "Cancel reply" link beside
        # it; TypePad and Movable Type head the other blogs' links to the post "TrackBack".
        "Leave a Reply Cancel reply",
        "Comment Cancel reply",
        "LEAVE A REPLY Cancel reply",
        "Click here to cancel reply.",
        "TrackBack",
        "TrackBack URL for this entry:",
        "Trackback-URL",
        # Closing headings in other languages.
        "Diesen Artikel teilen",
        "Partager cet article",
        "Compartir esta noticia",
        "Condividi questo articolo",
        "Del artikkel",
        "Über den Autor",
        "Om forfatteren",
        "Schlagwörter:",
        "Mots-clés :",
        "12 Kommentare",
        "Zu den Kommentaren springen.",
        "Lascia un commento",
        "Dodaj komentarz",
        "この記事を書いた人",
        "■関連キーワード",
        "ジャンル\u2003：",
        "关键词",
        "관련 키워드",
    ],
)
def test_closing_headings_and_comment_forms_end_the_article(line: str) -> None:
    assert page_chrome.END_OF_ARTICLE.match(line)
    _assert_the_article_ends_at(line)


@pytest.mark.parametrize(
    "line",
    [
        "Teilen",
        "Partager",
        "Kommentare sind willkommen, schrieb der Rat.",
        "Über den Autor des Plans wurde lange gestritten.",
        "Mehr aus Sachsen-Anhalt",
        "Mer om",
        "Commenti",
        "キーワードは「安全」だと記者は書いた。",
    ],
)
def test_a_bare_share_button_and_sentences_about_comments_do_not_end_the_article(line: str) -> None:
    # A bare share button sits above the article as often as below it (English "Share" is not
    # an end either); "more from" headings head inline boxes of teasers as often as the end
    # (TEASER_HEADING reads them, when only teasers follow); "Commenti" alone is a heading, the
    # one line here that is.
    assert bool(page_chrome.END_OF_ARTICLE.match(line)) is (line == "Commenti")


def test_the_function_word_share_reads_the_pages_language() -> None:
    # A German paragraph read with the English function words looks like a line of labels; on a
    # German page it is read with German's, as an English paragraph is with English's.
    column = line_model.FEATURE_NAMES.index("function_word_share")
    german = (DUMPS / "closing-lines-in-german.txt").read_text(encoding="utf-8").splitlines()
    rows = line_model.line_features(german, None, (0, len(german) - 1))
    paragraph = german.index(next(t for t in german if t.startswith("Der Stadtrat hat am Dienstag")))
    assert rows[paragraph, column] > 0.3
    assert rows[german.index("Startseite"), column] == 0
    english = [*MENU, HEADLINE, STANDFIRST, *ARTICLE]
    assert line_model.page_function_words(english) is line_model.page_function_words(["the"])
    rows = line_model.line_features(english, None, (0, len(english) - 1))
    assert rows[len(MENU) + 2, column] > 0.3


class ScoresLinesLow(LineModel):
    """The shipped model's probabilities, with the given lines scored 0.15 (as it scores a
    newsletter's form or a product card's buttons on a real page between paragraphs) and every
    line of 15 words or more at least 0.9 (a page whose paragraphs it is sure of)."""

    def __init__(self, low: set[str]) -> None:
        self.__dict__.update(load_model().__dict__)
        self.low = low

    def predict_lines(self, texts, url, run):  # type: ignore[no-untyped-def]
        scores = super().predict_lines(texts, url, run)
        for i, text in enumerate(texts):
            if text in self.low:
                scores[i] = 0.15
            elif word_count(text) >= 15:
                scores[i] = max(scores[i], 0.9)
        return scores


def test_a_stretch_the_model_finds_unlikely_between_the_paragraphs_goes() -> None:
    # A box without a heading (a newsletter's form, then a product card's buttons) between two
    # paragraphs: the run carries across it because the article goes on below. Two unlikely
    # lines in a row or more go; one alone (a subheading), the items a colon introduces and the
    # lines outside the run's first and last paragraph stay.
    text = (DUMPS / "unheaded-box-between-paragraphs.txt").read_text(encoding="utf-8")
    texts = text.splitlines()
    box = ["Get the weekly digest", "Enter email address", "Oops! That address is already on our list. Try another?",
           "Jump To Details", "Check Price"]  # fmt: skip
    listed = ["Ladders", "Pressure washers", "Tile cutters"]
    model = ScoresLinesLow({*box, *listed, "Opening hours"})
    doc = Document([Block(t) for t in texts], source_format="text")
    removed = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=model)(doc)}
    for line in box:
        assert removed.get(line) == page_chrome.UNLIKELY_BOX
    for kept in (*listed, "Opening hours", "The library lists what members borrow most:"):
        assert kept not in removed
    for kept in texts:
        if word_count(kept) >= 15:
            assert kept not in removed
    # With the shipped model alone (it scores this short page's box 0.35 to 0.66) nothing goes.
    doc = Document([Block(t) for t in texts], source_format="text")
    assert not any(d.reason == page_chrome.UNLIKELY_BOX for d in PageChrome()(doc))


def test_unlikely_stretches_read_the_runs_shape() -> None:
    para = ARTICLE[0]
    texts = ["Menu", "Home", para, "Sign up", "Your email", para, "Subheading", para, "Figures", "2021", "4", para,
             "The council listed:", "Item one", "Item two", para, "Share", "Print"]  # fmt: skip
    low = np.array([0.1 if word_count(t) < 15 and not t.endswith(":") else 0.9 for t in texts])
    got = page_chrome.unlikely_stretches(texts, low, 0, len(texts) - 1)
    # The form between two paragraphs goes; the subheading alone, the table (figures) and the
    # list a colon introduces stay, and so do the lines before the first paragraph and after the last.
    assert got == {3, 4}
    assert page_chrome.unlikely_stretches(texts, low, 3, 10) == set()  # one paragraph in the run: nothing to be between
    # A recipe's ingredients without an introduction, their quantities first, are a list too.
    recipe = [para, "Ingredients", "2 sticks salted butter", "1 cup powdered sugar", "1 whole egg", para]
    assert page_chrome.unlikely_stretches(recipe, np.array([0.9, 0.1, 0.1, 0.1, 0.1, 0.9]), 0, 5) == set()


def test_a_stamp_under_a_headline_dates_a_story_not_a_readers_post() -> None:
    # A digest of news items (or an article with teaser cards between its paragraphs): each
    # item's headline, its source and time stamp on the next line, then its text. Three stamps
    # with prose between read like a thread of posts; a stamp under a headline-shaped line dates
    # the story above it, so the article is not cut there.
    stories = [
        ("Panetta says Pentagon will drop base closure plans for next year", "The Hill, 08/06/12 01:49 PM ET"),
        ("New House bill tries to save medical marijuana dispensaries", "Think Progress, Aug 6, 2012 at 5:40 pm"),
        ("Senators consider softening measure cracking down on leaks", "The Hill, 08/06/12 06:05 PM ET"),
        ("Threatened Honduran journalist requests asylum in the United States", "BBC, 4 August 2012 at 20:35 ET"),
    ]
    items = []
    for n, (head, source) in enumerate(stories):
        items += [f"{n + 1}) {head}", source, ARTICLE[n % 2]]
    texts = [*ARTICLE[:2], ARTICLE[6], *items]
    assert page_chrome.reader_comments(texts, 0, len(texts) - 1) is None
    # A thread's stamps sit under the posters' names or after the posts' sentences: still a thread.
    thread = []
    for who in ("Tom", "Ann", "Raj", "Eve"):
        thread += [who, "August 9th, 2012 at 8:38 am", COMMENT]
    texts = [*ARTICLE, *thread]
    found = page_chrome.reader_comments(texts, 0, len(texts) - 1)
    assert found is not None and found.first == len(ARTICLE) + 1


PAYWALL_DIALOG = [
    "Reading on another device",
    "You can read on one device at a time.",
    "Continue reading here",
    "Why are you seeing this message?",
    "Because someone else, or you, is reading with this account on another device at the same time.",
    "Can I read on several devices?",
    "Yes. You can sign in on as many devices as you like, but read on only one of them at a time.",
]


@pytest.mark.parametrize(
    "notice",
    [
        "Il vous reste 57.09% de cet article à lire. La suite est réservée aux abonnés.",
        "Pozostało jeszcze 89% artykułu",
        "The rest of this article is for subscribers only.",
        "Tu suscripción se está usando en otro dispositivo",
    ],
)
def test_a_paywall_notice_ends_the_article(notice: str) -> None:
    # Under a paywall's notice come its offer and a dialog whose answers are sentences; the line
    # model and the prose rule kept them, and the run now ends at the notice.
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, notice, *PAYWALL_DIALOG, "About us", "Contact"])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert kept == [STANDFIRST, *ARTICLE]
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert reasons[notice].endswith(page_chrome.CLOSING_NOTICE)
    texts = [*ARTICLE, notice, *PAYWALL_DIALOG]
    found = page_chrome.closing_notice(texts, 0, len(texts) - 1)
    assert found is not None and found.first == len(ARTICLE)


HEADLINES = [
    "Walmart swaps its self-checkouts back to staffed lanes in a hundred stores",
    "Can you really get cheaper flights by clearing your browser's cookies?",
    "Stamp prices to rise by a record amount as the cost of a letter goes up for the second time this year",
    "Are YOU keeping money secrets from your partner? A finance guru warns of what it costs",
    "How many credit cards should you have? The answer isn't zero",
]


@pytest.mark.parametrize("prompt", ["Share or comment on this article:", "Leggi i commenti", "Explore all newsletters"])
def test_a_closing_prompt_with_only_headlines_under_it_ends_the_article(prompt: str) -> None:
    texts = [*ARTICLE, prompt, "Add comment", "Search", *HEADLINES]
    found = page_chrome.closing_notice(texts, 0, len(texts) - 1)
    assert found is not None and found.first == len(ARTICLE)
    assert found.reason == page_chrome.CLOSING_NOTICE


LAST = (
    "The council will publish the first year's figures on its website and in the library on Quay Lane, "
    "and traders can comment on them until the end of the summer."
)


@pytest.mark.parametrize(
    "prompt", ["Share or comment on this article:", "Sign up now", "Explore all newsletters", "Share"]
)
def test_a_prompt_between_the_articles_paragraphs_ends_nothing(prompt: str) -> None:
    # An offer boxed between the article's paragraphs, past the words an end needs: the article goes
    # on below it with a paragraph ending in a full stop, so the prompt is no end (the prompts
    # cleaner and the offer's own rules remove the box itself).
    texts = [*ARTICLE, prompt, "Our free weekly round-up of the city's news", *HEADLINES[:2], LAST]
    assert page_chrome.closing_notice(texts, 0, len(texts) - 1) is None
    page = [*MENU, HEADLINE, STANDFIRST, *texts, "About us", "Contact"]
    doc = Document([Block(t) for t in page], source_format="text")
    removed = {doc.blocks[d.position].text for d in PageChrome(model=False)(doc)}
    assert LAST not in removed


@pytest.mark.parametrize(
    "line",
    ["Il vous reste dix jours pour voter.", "Only 57% of the article's readers finished it.", "Share it with us."],
)
def test_a_sentence_that_names_what_is_left_or_a_share_ends_nothing(line: str) -> None:
    texts = [*ARTICLE, line, *HEADLINES]
    assert page_chrome.closing_notice(texts, 0, len(texts) - 1) is None


NEWSLETTER_BOX = [
    "Harbour Weekly",
    "Free weekly newsletter",
    "The council's decisions and the city's news in one short read, every Friday morning.",
]


def test_a_newsletter_box_between_the_articles_paragraphs_goes_with_its_button() -> None:
    # A newsletter's box between the paragraphs: its name and its pitch, then an e-mail field and a
    # "Sign up" button the prompts cleaner removes by their words. The pitch reads like the article's
    # short lines to the line model; with its button under it and the pitch's words in it, it goes.
    body = [ARTICLE[0], ARTICLE[1], *NEWSLETTER_BOX, "Enter your email address", "Sign up", *ARTICLE[6:]]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *body, *AFTER])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert kept == [STANDFIRST, ARTICLE[0], ARTICLE[1], *ARTICLE[6:]]
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert all(reasons[line] == page_chrome.OFFER_BOX for line in NEWSLETTER_BOX)


@pytest.mark.parametrize(
    "pitch",
    [
        # the button glued to the pitch's end, or the opt-out's small print under the pitch
        [
            "Tägliches Entscheider-Briefing Der Newsletter zu Energie & Klima für Experten aus Wirtschaft, "
            "Politik und Wissenschaft. Hier geht es zur Anmeldung."
        ],
        ["Sie mögen den Tag kompakt zusammengefasst? Dann sind Sie beim täglichen Newsletter richtig – hier entlang."],
        [
            "Newsletter: Sport inside",
            "Jeden Montag die Topstorys der Woche aus der Sportredaktion",
            "Jetzt abonnierenSie können sich jederzeit wieder abmelden, wenn Sie das möchten.",
        ],
    ],
)
def test_a_pitch_with_its_call_or_its_opt_out_between_paragraphs_goes(pitch: list[str]) -> None:
    texts = [*ARTICLE[:2], *pitch, *ARTICLE[2:]]
    assert page_chrome.offer_boxes(texts, 0, len(texts) - 1, {}) == set(range(2, 2 + len(pitch)))


def test_the_box_above_a_removed_sign_up_button_reaches_up_to_its_name() -> None:
    # The button an earlier cleaner removed sits before position 5: the box is the lines above it
    # from the first with a box's words ("Free weekly newsletter"), and the short name above that,
    # under the article's paragraph.
    texts = [*ARTICLE[:2], *NEWSLETTER_BOX, *ARTICLE[2:]]
    assert page_chrome.offer_boxes(texts, 0, len(texts) - 1, {5: ["Sign up"]}) == {2, 3, 4}
    # With no button, or a button with no pitch's words above it, nothing goes.
    assert not page_chrome.offer_boxes(texts, 0, len(texts) - 1, {})
    assert not page_chrome.offer_boxes(texts, 0, len(texts) - 1, {3: ["Sign up"], 2: ["Share"]})


NEWSLETTER_PROSE = [
    "The council's newsletter goes out every Monday to some 4,000 households on the estate.",
    "Residents can sign up for the newsletter at the library.",
]

SIGNED_UP = (
    "Since the spring the council has sent its weekly newsletter to every household that signed up at "
    "the town hall, and the number of residents who read it has doubled, officials said."
)

SIGN_OFF = [
    "Get the five day email course to start sewing your own clothes!",
    "If you have a question about any of these machines, please share it on social media with the tag.",
    "I believe small sewing moments can create great joy. Find your own right way to sew. -Heather",
]


@pytest.mark.parametrize("line", [*NEWSLETTER_PROSE, SIGNED_UP])
def test_the_articles_line_about_a_newsletter_stays_without_a_button(line: str) -> None:
    # The article's own lines naming a newsletter, its rhythm and its sign-up: with no button near
    # them (no removed sign-up prompt, no call glued to their end) they are no box.
    texts = [*ARTICLE[:2], line, *ARTICLE[2:]]
    assert not page_chrome.offer_boxes(texts, 0, len(texts) - 1, {})


@pytest.mark.parametrize("lines", [[SIGNED_UP], SIGN_OFF])
def test_the_articles_lines_above_a_button_stay(lines: list[str]) -> None:
    # Above a comment thread's "Subscribe" button: a paragraph that speaks of a newsletter's sign-ups
    # is no pitch, and the author's sign-off (sentences of 15 words or more with no box's words) ends
    # the box above the button, with the line that names an e-mail course above them.
    texts = [*ARTICLE[:2], *lines, *ARTICLE[2:]]
    assert not page_chrome.offer_boxes(texts, 0, len(texts) - 1, {2 + len(lines): ["Subscribe"]})


def test_a_newsletters_pitch_under_a_removed_prompt_is_one_of_the_offers_benefits() -> None:
    # A benefit of the offer that runs to a paragraph's length names the weekly newsletter: it does
    # not end the offer under the removed prompt, and the benefits under it go too. The article's
    # paragraph after the offer ends it.
    pitch = (
        "Exclusive articles from Ann Lee, Raj Patel, Tom Byrne, Eve Moss, Bruce Dean and others. Plus, food "
        "reviews and event listings in the weekly newsletter, every Friday."
    )
    offer = [pitch, "Unlimited online access to the Harbour Gazette.", "Support local journalism."]
    texts = [ARTICLE[0], *offer, ARTICLE[1], *ARTICLE[6:]]
    assert word_count(pitch) >= page_chrome.OFFER_PARAGRAPH_WORDS
    assert page_chrome.beside_prompts(texts, 0, len(texts) - 1, frozenset({1})) == {1, 2, 3}


APPEAL_PITCH = (
    "Reporting like this takes time and money. The Harbour Gazette is an independent nonprofit newsroom: we "
    "have no paywall, so we depend on readers like you. Become a supporter for as little as $3 a month."
)
AUTHOR_BOX = ["Jane Doe", "Reporter", "Jane has covered the city council for the Gazette since 2019.", "Topics"]


def test_a_reader_revenue_appeal_closing_the_article_ends_the_run() -> None:
    # The appeal under the article's last paragraph: its name, its pitch and its button, then the
    # author's box and the tags. The pitch is a paragraph in the outlet's voice, which the line
    # model keeps; with the button under it and the outlet's journalism named in it, the run ends
    # above the appeal's name.
    body = [*ARTICLE, "Read, then act", APPEAL_PITCH, "Support us now", *AUTHOR_BOX]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *body, *AFTER])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert APPEAL_PITCH not in kept and "Jane Doe" not in kept
    assert kept[-1] == ARTICLE[-1]
    texts = [*ARTICLE, "Read, then act", APPEAL_PITCH, "Support us now", *AUTHOR_BOX]
    boxes, closing = page_chrome.appeal_boxes(texts, 0, len(texts) - 1, {})
    assert boxes == {len(ARTICLE), len(ARTICLE) + 1, len(ARTICLE) + 2}
    assert closing == len(ARTICLE)


@pytest.mark.parametrize(
    ("appeal", "dropped"),
    [
        # a heading over the pitch
        (
            [
                "Deine Spende für freie Medien",
                "Wir berichten über Politik und Gesellschaft. Dabei sind wir vollkommen unabhängig, denn unsere "
                "Arbeit finanziert sich aus den Spenden unserer Leserinnen und Leser.",
            ],
            {},
        ),
        # the button glued to the pitch's end
        (
            [
                "The kind of reporting we do is not cheap. We depend on our members to keep it free for "
                "everyone.Become a Member"
            ],
            {},
        ),
        # the button an earlier cleaner removed under the pitch
        (["If you value our reporting, please consider a gift to keep it free for everyone."], {3: ["Donate"]}),
    ],
)
def test_a_reader_revenue_appeal_between_paragraphs_goes(appeal: list[str], dropped: dict[int, list[str]]) -> None:
    texts = [*ARTICLE[:2], *appeal, *ARTICLE[2:]]
    boxes, closing = page_chrome.appeal_boxes(texts, 0, len(texts) - 1, dropped)
    assert boxes == set(range(2, 2 + len(appeal)))
    assert closing is None


CHARITY = [
    "The food bank's members collected more than 4,000 donations in December, and the charity asked "
    "residents to support its winter appeal by giving tins and dry food at any library.",
    "Donations can be left at the town hall until the end of January, the charity said.",
]


@pytest.mark.parametrize("dropped", [{}, {4: ["Donate now"]}])
def test_an_articles_paragraphs_about_a_donation_drive_stay(dropped: dict[int, list[str]]) -> None:
    # A report on a charity's donation drive asks readers to give and names members and support,
    # and a "Donate now" button sits under it; it names no journalism of its own, so it stays.
    texts = [*ARTICLE[:2], *CHARITY, "Donate now", *ARTICLE[2:]]
    assert page_chrome.appeal_boxes(texts, 0, len(texts) - 1, dropped) == (set(), None)
    texts = [*ARTICLE[:2], *CHARITY, *ARTICLE[2:]]
    assert page_chrome.appeal_boxes(texts, 0, len(texts) - 1, dropped) == (set(), None)


def test_a_paragraph_about_journalisms_funding_stays_without_a_call() -> None:
    # The article's own sentence about independent journalism and its readers' support, with no
    # button or heading beside it, is the article's.
    line = (
        "The report found that independent journalism in the region now depends on readers' donations "
        "and memberships more than on advertising."
    )
    texts = [*ARTICLE[:2], line, *ARTICLE[2:]]
    assert page_chrome.appeal_boxes(texts, 0, len(texts) - 1, {}) == (set(), None)


JANE_BIO = "Jane Doe is a senior reporter at the Harbour Gazette, where she covers transport and local politics."


@pytest.mark.parametrize(
    "box",
    [
        # the name line, the biography and a contact line of its own
        ["Jane Doe", JANE_BIO, "You can email Jane Doe here, and read more of Jane Doe's articles here."],
        # a role line between the name and the biography
        ["Jane Doe", "Senior Reporter", JANE_BIO],
        # the box's heading glued to the biography
        ["About the author: " + JANE_BIO],
        # the name line glued to a biography that goes on by the first name
        ["Jane Doe / Jane is a senior reporter at the Harbour Gazette, where she covers transport."],
        # ... or with a button's label glued between them
        ["Jane DoeTwitterJane Doe is a senior reporter at the Harbour Gazette, where she covers transport."],
        # a German box under its heading
        [
            "Über die Autorin",
            "Carla Muster ist Redakteurin im Ressort Stadt und schreibt seit 2022 über Verkehr und Wohnen.",
        ],
    ],
)
def test_an_authors_box_under_the_article_ends_the_run(box: list[str]) -> None:
    texts = [*ARTICLE, *box, "Search for:", "Video of the Week"]
    found = page_chrome.author_box(texts, 0, len(texts) - 1)
    assert found is not None
    assert found.first == len(ARTICLE)


def test_an_authors_box_goes_from_a_whole_dump() -> None:
    # A model that keeps the biography as the article's closing paragraph: the box ends the run.
    box = ["Jane Doe", JANE_BIO, "You can email Jane Doe here, and read more of Jane Doe's articles here."]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, "By Jane Doe", *ARTICLE, *box, "About us", "Contact"])
    doc = Document([Block(line) for line in dump.split("\n")], source_format="text")
    removed = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=KeepsEveryProseLine())(doc)}
    assert not any(t in removed for t in ARTICLE)
    assert set(box) <= set(removed)
    assert removed[JANE_BIO].endswith(page_chrome.CLOSING_AUTHOR)


def test_the_co_authors_biographies_the_byline_names_end_the_run() -> None:
    bios = (
        "Jane Doe is a senior researcher at the Harbour Institute. John Roe is an associate professor at "
        "the University of the Coast."
    )
    texts = ["By Jane Doe and John Roe", *ARTICLE, bios]
    found = page_chrome.author_box(texts, 1, len(texts) - 1)
    assert found is not None and found.first == len(texts) - 1
    # Without the byline, two sentences about two people are the article's.
    assert page_chrome.author_box(texts[1:], 0, len(texts) - 2) is None


def test_the_biography_of_the_author_the_byline_names_ends_the_run() -> None:
    # A biography with none of a writer's words and no box around it ("... a keen gardener"): the
    # byline names its subject, so it is the author's, not the article's closing paragraph.
    bio = "Dana Whitfield is a keen gardener and cyclist who lives by the harbour with her two children."
    texts = ["By Dana Whitfield", *ARTICLE, bio, "More Posts - Website"]
    found = page_chrome.author_box(texts, 1, len(texts) - 1)
    assert found is not None and found.first == len(ARTICLE) + 1
    assert found.reason == page_chrome.CLOSING_AUTHOR
    # Without the byline, or under another author's, the sentence about a person is the article's.
    assert page_chrome.author_box(texts[1:], 0, len(texts) - 2) is None
    texts = ["By John Roe", *ARTICLE, bio]
    assert page_chrome.author_box(texts, 1, len(texts) - 1) is None
    # A product the headline names, spoken of with no person's pronoun, is the article's too.
    product = "Harbour Planner Pro is available in beta from today, and the council welcomes feedback on it."
    texts = ["Harbour Planner Pro", *ARTICLE, product]
    assert page_chrome.author_box(texts, 1, len(texts) - 1) is None


def test_the_authors_box_printed_above_the_article_is_left_out_of_the_run() -> None:
    # The run opens on the author's biography and the line that goes on about her, then the
    # article, which never names her: the run starts at the article, and the reason says why.
    box = [JANE_BIO, "She joined the paper in 2015 from the Coast Herald, where she was a news editor."]
    texts = [*box, *ARTICLE]
    assert page_chrome.opening_author_box(texts, 0, len(texts) - 1) == len(box)
    page = [*MENU, *box, *ARTICLE, "About us", "Contact"]
    doc = Document([Block(t) for t in page], source_format="text")
    reasons = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=False)(doc)}
    assert not reasons.keys() & set(ARTICLE)
    for line in box:
        assert reasons[line].endswith(page_chrome.OPENING_AUTHOR), line


@pytest.mark.parametrize(
    "opening",
    [
        # a profile that opens on its subject, who comes back in the article's paragraphs
        "Jane Doe is a photographer who has walked Harbour Road every morning for thirty years.",
        # a one-word subject: a first paragraph about a field, not a person
        "Mathematics is, at its core, an art: like painters, musicians or writers, mathematicians create.",
    ],
)
def test_an_article_that_opens_on_a_person_or_a_field_keeps_its_first_paragraph(opening: str) -> None:
    said = "Jane Doe said the lane would make her walk to the harbour far safer than before."
    named = [*ARTICLE[:2], said, *ARTICLE[2:]]
    texts = [opening, *named]
    assert page_chrome.opening_author_box(texts, 0, len(texts) - 1) is None
    # Under the article's first paragraph, a biography is no box printed above the article.
    texts = [ARTICLE[0], JANE_BIO, *ARTICLE[1:]]
    assert page_chrome.opening_author_box(texts, 0, len(texts) - 1) is None


@pytest.mark.parametrize(
    "ending",
    [
        # the article's closing sentence about a person
        ["Jane Doe is a professor of history at Yale, where she has studied the city's harbour for twenty years."],
        # a biography with its follow note inside, and no box around it
        ["Jane Doe is a writer and cyclist who lives in Harbour Road. Follow her on Twitter: @janedoe."],
        # the article's list of experts, each under their name
        [
            "John Roe",
            "John Roe is a transport researcher at the Harbour Institute and studied the road's collisions.",
            "Jane Doe",
            "Jane Doe is a senior researcher at the University of the Coast who advised the council.",
        ],
    ],
)
def test_the_articles_own_lines_about_people_stay(ending: list[str]) -> None:
    texts = [*ARTICLE, *ending]
    assert page_chrome.author_box(texts, 0, len(texts) - 1) is None


@pytest.mark.parametrize(
    "footer",
    [
        ["Tagged with cycling, Harbour Road, council", "3 comments so far", "Add your comment"],
        ["Previous Post:", "Mill Street bridge to close for repairs in June", "Name and email are not required"],
        ["Categories: Transport, City Hall", "Share this:", "Twitter", "Facebook"],
        ["Tagged with: cycling, Harbour Road, council", "comments so far. Add yours.", "Must-Reads"],
        ["Posted at 05:00 AM in Harbour news, Transport | Permalink", "TrackBack", "Comments"],
        # lynx's and Markdown's one line for the stamp and the comment count, then the thread
        ["Posted on November 13, 2012 at 6:15 AM • 9 Comments", COMMENT, "Posted by: Ann at 7:00 AM"],
        ["Posted by Chef John at 10:00 AM 13 comments:", "Jennifer said...", COMMENT],
        # WordPress's default themes: the post's categories, then its comment link
        ["Posted in C++, Microsoft | 16 Comments", COMMENT],
        ["Posted in Transport | Leave a comment | Edit", "Leave a Reply"],
    ],
)
def test_a_short_posts_footer_ends_it_under_its_last_paragraph(footer: list[str]) -> None:
    # Under a post of two paragraphs (fewer words than a closing line needs elsewhere), the
    # engine's footer right under the last paragraph ends the post.
    texts = [HEADLINE, *ARTICLE[:2], *footer]
    assert page_chrome._cut_at_end_marker(texts, 0, len(texts) - 1) == 2


@pytest.mark.parametrize(
    "link", ["Read the rest of this post on the original site »", "Continue reading →", "Keep reading"]
)
def test_a_short_posts_footer_ends_it_under_the_link_to_the_rest_of_it(link: str) -> None:
    # An excerpt's link to the rest of the post sits between its last paragraph and its footer.
    texts = [HEADLINE, *ARTICLE[:2], link, "Tagged with: cycling, Harbour Road", "3 comments so far"]
    assert page_chrome._cut_at_end_marker(texts, 0, len(texts) - 1) == 3
    # The link under a headline, no paragraph above it, ends nothing.
    teaser = [HEADLINE, link, "Tagged with: cycling, Harbour Road", *ARTICLE]
    assert page_chrome._cut_at_end_marker(teaser, 0, len(teaser) - 1) == len(teaser) - 1


@pytest.mark.parametrize(
    "lines",
    [
        # an inline box of links under the introduction, the article going on below it
        ["Related Resources:", "Harbour Road timeline - the dispute month by month", *ARTICLE[2:]],
        # a theme's line above the post, with its date
        ["Posted in transport | city hall on November 12, 2012", *ARTICLE[2:]],
        # a stamp with no comment count, and a sentence that ends on one
        ["Posted on November 13, 2012 at 6:15 AM", *ARTICLE[2:]],
        ["Posted by the council, the plan drew 212 comments", *ARTICLE[2:]],
        ["Posted in March, the plan drew 16 comments", *ARTICLE[2:]],
        ["Filed under the old rules | 3 comments were received, all of them against", *ARTICLE[2:]],
        # a sentence that opens with the word, not a footer
        ["Tags are what the council calls the painted marks along the lane.", *ARTICLE[2:]],
    ],
)
def test_lines_under_a_paragraph_that_are_no_posts_footer_do_not_end_it(lines: list[str]) -> None:
    texts = [HEADLINE, *ARTICLE[:2], *lines]
    assert page_chrome._cut_at_end_marker(texts, 0, len(texts) - 1) == len(texts) - 1


SHORT_POST = ARTICLE[:2]
"""A short post: two paragraphs, about 70 words (an author's box follows such posts too)."""


@pytest.mark.parametrize(
    ("byline", "box"),
    [
        # "About <name>" for the name the byline gives, a biography whose trade no word names
        (
            "By Jane Doe",
            [
                "About Jane Doe",
                "Jane Doe is a Londoner obsessed with all things that float. She sails, rows and, when the"
                " weather is bad, builds model ferries.",
            ],
        ),
        # the name alone above the post, and a first-person story of the blog
        (
            "Jane Doe",
            [
                "About Jane Doe",
                "I founded this blog because I was fed up with reading about harbours from people who had never"
                " worked on one, and I have written here every week since.",
                "Google+",
            ],
        ),
        # "About the author" over a line of counts and a first-person biography
        (
            "by Jane Doe on",
            [
                "About the author...",
                "Jane Doe – who has written 2565 posts on this blog.",
                "Hi I am Jane Doe and this is my blog. I write nearly every post here, and run a ferry company.",
            ],
        ),
    ],
)
def test_an_authors_box_told_by_its_heading_ends_the_run(byline: str, box: list[str]) -> None:
    texts = [HEADLINE, byline, *SHORT_POST, *box, "« Older post", "Newer post »"]
    found = page_chrome.author_box(texts, 2, len(texts) - 1)
    assert found is not None and found.first == 2 + len(SHORT_POST)


@pytest.mark.parametrize(
    ("byline", "ending"),
    [
        # a press release's "About" paragraph of the organisation that sends it
        (
            "Harbour Institute",
            [
                "About Harbour Institute",
                "Harbour Institute is an independent research centre with a three-part mission of research,"
                " teaching and public service on the coast.",
            ],
        ),
        # "About <name>" for a name no byline gives: a section of the article
        (
            "By Jane Doe",
            [
                "About John Roe",
                "John Roe has run the ferry for forty years, and he says the new lane will cost him customers.",
            ],
        ),
        # two such boxes: the article's list of people
        (
            "By Jane Doe",
            [
                "About the author",
                "I have written about the harbour for this paper since 2009, and I ride the lane every day.",
                "About the authors",
                "We are two reporters who cover the city's roads and ferries, and we live on Harbour Road.",
            ],
        ),
    ],
)
def test_a_heading_over_other_lines_about_people_is_no_authors_box(byline: str, ending: list[str]) -> None:
    texts = [HEADLINE, byline, *SHORT_POST, *ending]
    assert page_chrome.author_box(texts, 2, len(texts) - 1) is None


SIDEBAR_FIRST = [
    "Skip to sidebar",
    "My Startup Blog",
    "About Bob Walsh is the author of a guide to software startups, co-hosts a podcast and helps founders"
    " ship their first product. He lives in California.",
    "Ask Bob",
    "Books: The Startup Guide is out and selling! Below is the table of contents to give you an idea of what"
    " you will learn in it.",
    "Home / Startup Idea Stuck? Spend a buck!",
    "Startup Idea Stuck? Spend a buck!",
    "Posted on: 08-14-2012",
    *ARTICLE,
]
SIDEBAR_URL = "http://blog.example.com/2012/08/startup-idea-stuck-spend-a-buck/"


def test_sidebar_boxes_above_the_slug_headline_leave_the_run() -> None:
    """Must go: an about box and a book's blurb printed above the post's headline block."""
    texts = SIDEBAR_FIRST
    assert page_chrome.boxes_above_headline(texts, SIDEBAR_URL, 2, len(texts) - 1) == texts.index(
        "Home / Startup Idea Stuck? Spend a buck!"
    )


def test_a_breadcrumb_ending_on_the_title_is_not_the_headline() -> None:
    """Must go: the run opens on the breadcrumb's trail, which ends on the post's title and so holds
    the slug's words, then the sidebar's boxes, then the headline: the trail is no headline, and
    the boxes leave the run. A trail with one separator is the headline's block's line."""
    crumb = "You Are Here: Home » Blog » Startup Idea Stuck? Spend a buck!"
    assert CRUMBS.match(crumb) and CRUMBS.match("Home / Blog / This Week's Sermon: the Sovereignty of God")
    assert not CRUMBS.match("Home / Startup Idea Stuck? Spend a buck!")
    assert not CRUMBS.match("Startup idea stuck? A/B tests say spend a buck / or two")
    texts = [*SIDEBAR_FIRST[:2], crumb, *SIDEBAR_FIRST[2:5], *SIDEBAR_FIRST[6:]]
    assert slug_headline(texts[2:], SIDEBAR_URL) == 0
    assert page_chrome.boxes_above_headline(texts, SIDEBAR_URL, 2, len(texts) - 1) == texts.index(SIDEBAR_FIRST[6])


def test_a_headline_with_an_apostrophe_holds_the_slug_that_drops_it() -> None:
    # An address's slug writes "Anwar’s" as "anwars" and "don't" as "dont": the headline holds every
    # slug word once its words' apostrophes go, and the boxes printed above it leave the run.
    url = "https://news.example.com/2024/11/22/all-paid-their-own-way-on-pm-anwars-foreign-trips-fahmi-clarifies/157698"
    headline = "All paid their own way on PM Anwar’s foreign trips, Fahmi clarifies"
    assert slug_share(headline, url) == 1.0
    assert slug_share(headline.replace("’", "'"), url) == 1.0
    texts = [*SIDEBAR_FIRST[:5], headline, "Posted on: 22-11-2024", *ARTICLE]
    assert page_chrome.boxes_above_headline(texts, url, 2, len(texts) - 1) == texts.index(headline)
    # Quotes around words are no apostrophes inside one: "‘Anwar’ s" keeps its words apart.
    assert slug_share("All paid their own way on PM ‘Anwar’ s foreign trips, Fahmi clarifies", url) < 1.0


def test_the_articles_intro_above_a_slug_heading_stays() -> None:
    """Must stay: the article's own headline (most of the slug's words) above the run makes the
    slug line a section's heading; a run with no sentence above the headline (a menu's line)
    and a slug line closing on a colon or cut from a list of tags stay too."""
    texts = SIDEBAR_FIRST
    url = SIDEBAR_URL
    titled = [texts[0], "Is your startup idea stuck? Here is how to spend a buck on one", *texts[2:]]
    assert page_chrome.boxes_above_headline(titled, url, 2, len(titled) - 1) is None
    menu = [texts[0], texts[1], "About | Advertising | Email | Galleries | Weekly Schedule | Offers | Archive | Feeds"
            " | Search | Contact | Jobs | Tips | Privacy | Terms | Careers", *texts[5:]]
    assert page_chrome.boxes_above_headline(menu, url, 2, len(menu) - 1) is None
    colon = [*texts[:5], "Startup idea stuck? Spend a buck:", *texts[8:]]
    assert page_chrome.boxes_above_headline(colon, url, 2, len(colon) - 1) is None
    plain = [*colon[:5], "Startup idea stuck? Spend a buck", *colon[6:]]
    assert page_chrome.boxes_above_headline(plain, url, 2, len(plain) - 1) == 5
    tags = [*texts[:5], "startup idea stuck spend buck money ideas", *texts[8:]]
    capital = [*texts[:5], "Startup idea stuck spend buck", *texts[8:]]
    assert page_chrome.boxes_above_headline(capital, url, 2, len(capital) - 1) == 5
    assert page_chrome.boxes_above_headline(tags, url, 2, len(tags) - 1) is None
    assert page_chrome.boxes_above_headline(texts, "http://blog.example.com/?p=345", 2, len(texts) - 1) is None


SIDEBAR_ABOUT = (
    "Hello stranger! I write about harbours, ferries and the people who work on them, and I have done "
    "so since 2009. If you like what you read here, follow the blog on Facebook, where I post the "
    "photographs that readers send me every week, and on Vimeo, where the short films are."
)


def _short_post_page(form: list[str]) -> list[str]:
    return [
        *MENU,
        "Night ferry, harbour lights",
        "Photographs — Tags: ferries — posted at 15:58",
        "The last crossing of the night, taken from the breakwater by a reader of this blog.",
        *form,
        SIDEBAR_ABOUT,
        "Categories",
        "Ferries",
        "Harbours",
        "Archives",
        "November 2012",
        "October 2012",
        "powered by WordPress",
    ]


def test_a_sidebar_box_below_the_posts_comment_form_is_not_the_article() -> None:
    # A short post, its empty comments section and form, then the sidebar's "about" box: the box's
    # sentences outscore the post's one line, but a blog prints its sidebar after the comment form,
    # never the post. The post's lines stay and the box goes, saying why; the form's labels are
    # removed by the prompts cleaner before page_chrome reads the page, and still count.
    form = ["0 Comments", "No comments yet.", "Leave a comment", "Name (required)"]
    form += ["Mail (will not be published) (required)", "Website"]
    texts = _short_post_page(form)
    # As on the real pages: the sidebar's box scores high, the post's lines and the form low.
    model = ScoresByText({text: 0.95 if text == SIDEBAR_ABOUT else 0.1 for text in texts})
    chain = {"site-memory": None}
    from newsclean.cleaners import CleanerChain

    record = clean_text(
        "\n".join(texts),
        url="https://harbour-notes.example/?p=34524",
        chain=CleanerChain(chain, instances={"page_chrome": PageChrome(model=model)}),
        find_site=False,
    )
    assert "The last crossing of the night" in (record.articleBody or "")
    assert "Hello stranger" not in (record.articleBody or "")
    reasons = [step.reason for step in record.cleaning if SIDEBAR_ABOUT.startswith(step.text.rstrip("…"))]
    assert reasons and page_chrome.BELOW_FORM in reasons[0]
    assert page_chrome.comment_form(texts, texts.index(SIDEBAR_ABOUT)) == texts.index("0 Comments")
    # Blogger prints no field labels, but its comment feed link under the form.
    blogger = _short_post_page(["No comments:", "Post a Comment", "Newer Post", "Older Post", "Home"])
    blogger[blogger.index("Home", len(MENU)) + 1 : blogger.index("Home", len(MENU)) + 1] = [
        "Subscribe to:",
        "Post Comments (Atom)",
    ]
    assert page_chrome.comment_form(blogger, blogger.index(SIDEBAR_ABOUT)) == blogger.index("No comments:")


def test_above_the_comment_form_a_run_without_a_paragraph_gives_way_to_the_prose_rules() -> None:
    # A post of pictures under short titles, its share bar, then the comments section and form,
    # the thread below. The model scores the share bar's buttons above the post's few sentences:
    # a run of buttons holds no paragraph, and the prose rule's run above the form does.
    titles = ["Season's Greetings", "Christmas Ribbon", "Present Time!", "Wrapping Paper", "Snowy Tree"]
    intro = (
        "The holiday season is fast approaching and around the globe, marketing machines are whirring "
        "into action, so here are thirty designs to get you started on your own cards."
    )
    outro = "Have you spotted others around the web that have inspired you? Tell us about them below, please."
    share = ["Tweet This", "Bump It", "Blend It", "Bookmark on Delicious", "Stumble It"]
    form = ["2 Comments", "Leave a Reply", "Name *", "Email *", "Website"]
    thread = [SIDEBAR_ABOUT]
    promo = ["Looking for freelance design work? Enter our contests.", "Spread the news on these sites:"]
    texts = [*MENU, "30 Designs to Inspire You", intro, *titles, outro, *promo, *share, *form, *thread]
    likely = np.asarray([0.9 if text in share[1:] or text == SIDEBAR_ABOUT else 0.2 for text in texts])
    run = page_chrome.article_above_form(texts, likely, texts.index(SIDEBAR_ABOUT))
    assert run is not None
    kept = texts[run[0] : run[1] + 1]
    assert outro in kept and run[1] < texts.index("2 Comments")
    # Where the model's run above the form holds a paragraph, it stays the article.
    likely[texts.index(intro)] = likely[texts.index(outro)] = 0.95
    run = page_chrome.article_above_form(texts, likely, texts.index(SIDEBAR_ABOUT))
    assert run == page_chrome.keep_range(texts[: texts.index("2 Comments")], likely[: texts.index("2 Comments")])
    assert intro in texts[run[0] : run[1] + 1] and outro in texts[run[0] : run[1] + 1]


def test_a_comment_count_under_the_headline_is_no_thread() -> None:
    # A blog's slider of teasers above the post, then the post's headline, its date and a "4
    # Comments" link (removed by the prompts cleaner before page_chrome reads the page): the count
    # links to the thread, and the post's text follows it; cut there, the body was the teasers.
    teasers = []
    for n, topic in enumerate(("ferry timetables", "the harbour museum", "winter moorings")):
        teasers += [
            f"Older post number {n + 1} about {topic}",
            f"Last month I wrote at length about {topic}, and many of you wrote back with questions about"
            " the costs, the waiting lists and the best season to visit the harbour with children [...]",
        ]
    texts = [*MENU, *teasers, HEADLINE, "Oct 30, 2012", "4 Comments", *ARTICLE]
    model = ScoresByText({text: 0.9 for text in [*teasers, *ARTICLE]})
    from newsclean.cleaners import CleanerChain

    url = "https://harbour-notes.example/2012/10/harbour-road-cycle-lane-approved-after-two-year-dispute/"
    record = clean_text(
        "\n".join(texts),
        url=url,
        chain=CleanerChain({"site-memory": None}, instances={"page_chrome": PageChrome(model=model)}),
        find_site=False,
    )
    body = record.articleBody or ""
    assert all(paragraph in body for paragraph in ARTICLE if len(paragraph.split()) >= 15)
    steps = {step.text: step for step in record.cleaning}
    assert steps["4 Comments"].cleaner == "prompts"
    assert page_chrome.under_headline(texts, texts.index("4 Comments") + 1, url)
    assert not page_chrome.under_headline(texts, texts.index("4 Comments") + 1, "https://harbour-notes.example/?p=3")
    # A like button's frame printed with the page's address holds the slug's words, but is no headline.
    frame = f"IFRAME: http://www.facebook.com/plugins/like.php?href={url}&layout=standard"
    tail = [*ARTICLE, "cycling", "council", frame, "Ann Lee", "I ride there every day."]
    assert not page_chrome.under_headline(tail, tail.index("Ann Lee"), url)


def test_a_contact_form_above_the_article_is_no_comment_form() -> None:
    # A newsletter or contact form has the same fields but no comments heading over them: the
    # article below it stays the article.
    texts = [*MENU, "Get in touch", "Name", "Email", "Message", "Send", HEADLINE, *ARTICLE]
    assert page_chrome.comment_form(texts, texts.index(HEADLINE)) is None
    likely = np.asarray([0.9 if text in ARTICLE else 0.1 for text in texts])
    assert page_chrome.article_above_form(texts, likely, texts.index(HEADLINE)) is None
    # And a comment form with its heading below the article is not above the run.
    below = [*MENU, HEADLINE, *ARTICLE, "Leave a Reply", "Name *", "Email *", "Website"]
    assert page_chrome.article_above_form(below, np.full(len(below), 0.9), len(MENU)) is None


def test_a_comment_form_inside_the_kept_run_ends_the_post() -> None:
    # The run holds the post, its comments section and form, and the sidebar's box under them: the
    # post ends where its comments section starts. Without a paragraph above it (a form at the
    # top of the run) nothing is cut.
    form = ["2 Comments", "Leave a Reply", "Name *", "Email *", "Website"]
    texts = [*MENU, HEADLINE, *ARTICLE[:3], *form, SIDEBAR_ABOUT, "Categories", "Ferries", "Archives"]
    model = ScoresByText({text: 0.95 for text in [HEADLINE, *ARTICLE[:3], *form, SIDEBAR_ABOUT]})
    doc = Document([Block(text) for text in texts], source_format="text")
    reasons = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=model)(doc)}
    assert not any(text in reasons for text in ARTICLE[:3])
    assert page_chrome.CLOSING_FORM in reasons[SIDEBAR_ABOUT]
    assert page_chrome.CLOSING_FORM in reasons["Leave a Reply"]
    assert page_chrome.comment_form(texts, len(texts), after=texts.index(HEADLINE)) == texts.index("2 Comments")
    assert page_chrome.comment_form(texts, texts.index("2 Comments")) is None


def test_an_end_heading_with_an_arrow_or_a_dash_after_it_still_closes_the_article() -> None:
    # Themes print a link's arrow or a separator after the heading ("53 Comments »", "You may also
    # like -", "Related Stories ▼", "Tags |"); "Read more »" under a teaser is that teaser's link.
    for heading in ("53 Comments »", "Comments →", "You may also like -", "Related Stories ▼", "Tags |", "Related —"):
        assert page_chrome.END_OF_ARTICLE.match(heading) is not None, heading
    for line in ("Read more »", "Read More →", "Read more ›", "Related - the council's own report", "Comments » 3 new"):
        assert page_chrome.END_OF_ARTICLE.match(line) is None, line


def test_a_bare_enjoy_is_a_sign_off_not_a_heading_of_teasers() -> None:
    # "Enjoy!" closes a post's introduction before the list it introduces; "You may also enjoy"
    # heads other stories.
    assert page_chrome.END_OF_ARTICLE.match("Enjoy!") is None
    assert page_chrome.END_OF_ARTICLE.match("Enjoy.") is None
    for heading in ("You may also enjoy", "You might enjoy these", "Also enjoy:", "You may also like"):
        assert page_chrome.END_OF_ARTICLE.match(heading) is not None, heading
    places = [
        f"{name}. One of the best places we went to, with a menu that changes every week and a long "
        "queue on Saturdays, so book a table in advance if you can."
        for name in ("Candle 79", "Blossom", "Hangawi", "Dirt Candy", "Gobo", "Franchia")
    ]
    texts = [*MENU, HEADLINE, *ARTICLE[:2], "Enjoy!", "The places we loved", *places, "Previous post: Hello"]
    end = page_chrome.rule_run_of(texts)[1]
    assert texts[end] == places[-1]


def test_a_blogs_links_to_the_posts_before_and_after_leave_the_kept_run() -> None:
    # On one line, one with its post's title, or a pair of links with a bar between them: removed
    # wherever they stand in the run (some blogs print them above the post).
    for line in ("« Previous Post | Next post »", "Previous post: Qual das duas?", "NEXT STORY: Six Ways to Rest"):
        assert page_chrome.POST_LINKS.match(line) is not None, line
    # As end markers (after the run's first 150 words), never a line with a sentence end.
    assert page_chrome.end_of_post("« Previous Post | Next post »")
    assert page_chrome.end_of_post("NEXT STORY: Six Ways to Rest")
    texts = [*MENU, "« Entering sync markets |", "| Thinking about your shoes »", HEADLINE, *ARTICLE]
    texts += ["Previous post: Qual das duas?", "Next post: Six Ways to Refuel Your Energy Every Day"]
    first, last = texts.index("« Entering sync markets |"), len(texts) - 1
    links = page_chrome.post_links(texts, first, last)
    assert links == {first, first + 1, last - 1, last}
    # The article's own sentences about its previous post, and a teaser's arrow alone, stay.
    prose = [
        "My previous post addressed an objection to the plan, and this one answers it.",
        "Next story: the council meets again on Monday to vote on the plan.",
        "Read the full report »",
    ]
    assert page_chrome.post_links([*prose, *ARTICLE], 0, len(prose) + len(ARTICLE) - 1) == set()
    doc = Document([Block(text) for text in texts], source_format="text")
    reasons = {doc.blocks[d.position].text: d.reason for d in PageChrome()(doc)}
    assert not any(text in reasons for text in ARTICLE)
    assert all(text in reasons for text in ("« Entering sync markets |", "Previous post: Qual das duas?"))


def test_copyright_and_print_notes_after_the_last_paragraph_leave_the_kept_run() -> None:
    # As the HTML path removes them: after the article's last paragraph, the page's terms and the
    # print edition's note go, however sentence-like; above it, a notice is the article's (a
    # quoted passage with its copyright line) and stays.
    copy = (
        "This copy is for your personal, non-commercial use only. Distribution and use of this "
        "material are governed by our Subscriber Agreement and by copyright law."
    )
    note = (
        "A version of this article appeared in print on July 25, 2012, on page A10 of the New York "
        "edition with the headline: Harbour Road Lane Approved."
    )
    quoted = "Scripture quoted from the Harbour Bible, Copyright © 1978 Harbour Press. All rights reserved."
    texts = [*MENU, HEADLINE, ARTICLE[0], quoted, *ARTICLE[1:4], note, copy, "About us", "Contact"]
    first, last = texts.index(HEADLINE), texts.index(copy)
    assert page_chrome.closing_notices(texts, first, last) == {
        last - 1: page_chrome.PRINT_NOTE_AFTER,
        last: page_chrome.LEGAL_AFTER,
    }
    model = ScoresByText({text: 0.95 for text in [HEADLINE, *ARTICLE[:4], quoted, note, copy]})
    doc = Document([Block(text) for text in texts], source_format="text")
    reasons = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=model)(doc)}
    assert reasons[copy] == page_chrome.LEGAL_AFTER and reasons[note] == page_chrome.PRINT_NOTE_AFTER
    assert quoted not in reasons and not any(text in reasons for text in ARTICLE[:4])
    # A run without a paragraph keeps its lines: nothing to close.
    assert page_chrome.closing_notices([HEADLINE, copy], 0, 1) == {}


def test_teaser_headings_that_name_a_section_or_the_day() -> None:
    # "Today's Top Stories", "Technology Top Stories", "More technology news" head teasers as
    # "Top Stories" and "More news" do; a sentence about top stories is the article's.
    for heading in ("Today's Top Stories", "Technology Top Stories", "More technology news", "More Sci-Tech News"):
        assert page_chrome.TEASER_HEADING.match(heading) is not None, heading
    # A heading's trailing ellipsis is no sentence's end ("More Auto News..." over its teasers).
    for heading in ("More Auto News...", "Most popular…"):
        assert page_chrome._box_heading(heading), heading
    for line in (
        "The top stories of the year were about the storm.",
        "More than 110,000 punters will pack Flemington for the Cup.",
        "Our reporters covered the top stories from the council and the courts this week, as always.",
    ):
        assert page_chrome.TEASER_HEADING.match(line) is None or page_chrome.SENTENCE.search(line), line
        assert not page_chrome._box_heading(line), line
    cards = []
    for n in range(3):
        cards += [f"Council story number {n + 1} about the harbour", f"THE council met again on day {n + 1} to vote."]
    texts = [*MENU, HEADLINE, *ARTICLE, "More technology news", *cards]
    cut = page_chrome.closing_cards(texts, len(MENU), len(texts) - 1)
    assert cut is not None and texts[cut.first] == "More technology news"


def test_a_short_posts_end_marker_with_no_paragraph_under_it_ends_the_run() -> None:
    # A post of about 100 words, then "Next Story »" and a list of headlines and a game's facts:
    # the marker ends the run, though the prose rule's markers wait for 150 words. With a paragraph
    # below it, the article may go on there and the run stays; in the first 50 words (a "Related"
    # box above the article) it never ends the run.
    below = ["Next Story »", "More Dishonored", "Dishonored preview: killing three Lady Boyles"]
    below += ["Dishonored voice cast includes Susan Sarandon", "Release Date: 2012", "Genre: Action"]
    texts = [HEADLINE, *ARTICLE[:2], *below]
    assert sum(word_count(t) for t in ARTICLE[:2]) < page_chrome.END_MIN_WORDS
    cut = page_chrome.closing_marker(texts, 0, len(texts) - 1)
    assert cut is not None and texts[cut.first] == "Next Story »"
    going_on = [HEADLINE, *ARTICLE[:2], "Related posts", "Harbour budget passes", ARTICLE[6]]
    assert page_chrome.closing_marker(going_on, 0, len(going_on) - 1) is None
    early = [HEADLINE, "Related posts", "Harbour budget passes", *ARTICLE[:2]]
    assert page_chrome.closing_marker(early, 0, len(early) - 1) is None


def test_a_sidebar_box_away_from_the_slug_headline_is_not_the_article() -> None:
    # An old blog layout prints its left column first: the "About" box's prose outscores the short
    # post under the page's headline (the line holding every word of the address's slug). The run
    # moves to the headline and the post under it; the box goes, saying why.
    about = (
        "About Bob: Bob Walsh is the author of The Web Startup Guide, co-hosts a podcast for founders "
        "and has been helping small software companies find their first customers since 2005."
    )
    post = [
        "Just posted the interview that Patrick and I did with David Allen, founder of GTD, on the "
        "podcast this week. You will find it on the show's page.",
        "Speaking of things GTD, I am now switching back to Things from OmniFocus, which had me too "
        "distracted by its options to get anything done.",
    ]
    texts = [*MENU, about, "Ask Bob", "Podcast", "Home / David Allen on GTD for Startup Founders"]
    texts += ["David Allen on GTD for Startup Founders", "Posted on: 08-17-2012", *post]
    texts += ["Categories", "Popular Posts", "Search", "Archives", "August 2012", "July 2012"]
    url = "http://founders-blog.example/2012/08/david-allen-on-gtd-for-startup-founders/"
    model = ScoresByText({text: 0.9 if text == about else 0.3 if text in post else 0.05 for text in texts})
    scores = model.predict_lines(texts, url, page_chrome.rule_run_of(texts))
    box = texts.index(about)
    moved = page_chrome.article_at_headline(texts, scores, url, box, box)
    assert moved is not None and texts[moved[0]] == "Home / David Allen on GTD for Startup Founders"
    assert texts[moved[1]] == post[1]
    doc = Document([Block(text) for text in texts], source_format="text", url=url)
    reasons = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=model)(doc)}
    assert page_chrome.AWAY_FROM_HEADLINE in reasons[about]
    assert not any(text in reasons for text in post)
    # A run that starts just under the headline (its standfirst, its byline) is the post's: it stays.
    near = texts.index(post[0])
    assert page_chrome.article_at_headline(texts, scores, url, near, near + 1) is None
    # Without a slug in the address, nothing says which post the page is.
    assert page_chrome.article_at_headline(texts, scores, "http://founders-blog.example/?p=3452", box, box) is None


def test_a_photo_posts_one_sentence_under_the_slug_headline_is_the_article() -> None:
    # A photo or link post's text is one short sentence under its headline, far below the
    # sidebar's "About" box that the model's scores prefer: the post is still the article. With
    # only a label under the headline (no sentence), nothing says the post has text: the run stays.
    about = (
        "I live. I learn. I teach. And 140 characters on Twitter is limiting, so here I share and "
        "celebrate my creativity and the creativity of others."
    )
    sidebar = ["Tags", "creative ads (48)", "creative video (44)", "Archive", "July (39)", "June (1)"]
    sidebar += ["May (12)", "April (7)", "March (29)", "February (40)", "January (18)", "Contributors"]
    post = "Repurposing food as art is truly creative."
    texts = [*MENU, about, *sidebar, "« Back to blog", "July 11th, 9:39am", "Creative Food Sculptures"]
    texts += ["via fubiz.net", post, "Tweet", "Posted by Denny", "0 responses", "Like"]
    url = "http://rightbrain.example/creative-food-sculptures"
    model = ScoresByText({text: 0.9 if text == about else 0.1 for text in texts})
    scores = model.predict_lines(texts, url, page_chrome.rule_run_of(texts))
    box = texts.index(about)
    moved = page_chrome.article_at_headline(texts, scores, url, box, box)
    assert moved is not None and texts[moved[0]] == "Creative Food Sculptures"
    doc = Document([Block(text) for text in texts], source_format="text", url=url)
    reasons = {doc.blocks[d.position].text: d.reason for d in PageChrome(model=model)(doc)}
    assert page_chrome.AWAY_FROM_HEADLINE in reasons[about]
    assert post not in reasons
    label = [*texts[: texts.index(post)], "Nice.", *texts[texts.index(post) + 1 :]]
    assert page_chrome.article_at_headline(label, scores, url, box, box) is None


LATER = [
    "Residents on the side streets asked for a study of the traffic the closed lane would push onto them, "
    "and the council promised one before the work begins.",
    "The track will link up with the riverside path at its northern end, giving the city its first "
    "continuous protected route from the station to the university.",
]
"""The article's paragraphs below a box of teasers set between them."""


@pytest.mark.parametrize(
    "heading", ["Read Next", "Read also", "READ NEXT", "Lesen Sie auch", "Lest auch", "Lire aussi"]
)
def test_the_article_goes_on_below_a_read_next_box_between_its_paragraphs(heading: str) -> None:
    # "Read Next" ends the article where the teasers close it; set between the paragraphs, with
    # the article running paragraph after paragraph below its teaser, it ends nothing, and the box
    # goes on its own.
    teaser = ["Ferry pier to reopen for summer sailings in July", "Read More"]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, heading, *teaser, *LATER, *AFTER])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert kept[-2:] == LATER
    assert not {heading, *teaser} & set(kept)
    assert "Mill Street bridge to close for repairs in June" not in kept


@pytest.mark.parametrize("heading", ["Related posts:", "Also on the Gazette:", "Popular"])
def test_what_follows_a_box_of_other_stories_at_the_articles_end_is_theirs(heading: str) -> None:
    # The same box under "Related posts" or "Also on ...": what follows it, however long its
    # paragraphs, is other stories' text (a slideshow's, an excerpt's), as it is under a "Read Next"
    # whose teasers run on as cards without a whole sentence.
    teaser = ["Ferry pier to reopen for summer sailings in July"]
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, heading, *teaser, *LATER, *AFTER])
    kept = (clean_text(dump).articleBody or "").split("\n\n")
    assert kept[-1] == ARTICLE[-1]
    cards = [
        "Read Next",
        "Ferry pier to reopen for summer sailings in July",
        "The harbour board said the pier would take passengers again from the first week of July, after "
        "a winter of repairs to its",
        "Quay Lane market moves to the station forecourt while the square is repaved by the council this",
    ]
    kept = (clean_text("\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, *cards, *AFTER])).articleBody or "").split(
        "\n\n"
    )
    assert kept[-1] == ARTICLE[-1]


@pytest.mark.parametrize("heading", ["Read more", "READ MORE:", "Related stories"])
def test_a_teaser_under_a_heading_another_cleaner_removed_goes_too(heading: str) -> None:
    # The prompts cleaner takes a bare "Read more" as a read-more prompt before page_chrome reads
    # the dump; the teaser under it is still a box between the paragraphs, not the article's line.
    teaser = "Ferry pier to reopen for summer sailings in July"
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, ARTICLE[0], heading, teaser, *ARTICLE[1:], *LATER, *AFTER])
    article = clean_text(dump)
    kept = (article.articleBody or "").split("\n\n")
    assert teaser not in kept and heading not in kept
    assert kept[1:3] == ARTICLE[:2] and kept[-2:] == LATER
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert reasons[teaser] == page_chrome.TEASER_BOX


def test_a_thread_under_its_heading_whose_stamp_lines_are_long_is_the_thread() -> None:
    # Thesis numbers its posts and prints the poster and the stamp on one line ("1 Nick November
    # 12, 2012 at 12:34 pm": eight words); each post is a paragraph and a "Reply" link. Under the
    # thread's heading too few lines are short, but the stamps are no paragraphs.
    posts = [
        "1 Margaret Hale November 12, 2012 at 12:34 pm",
        COMMENT,
        "Reply",
        "2 Tom Baker November 12, 2012 at 12:43 pm",
        THREAD[3],
        "Reply",
        "3 Ann Lee November 12, 2012 at 3:39 pm",
        THREAD[5],
    ]
    lines = [*ARTICLE, "{ 3 comments… read them below or add one }", *posts]
    found = page_chrome.reader_comments(lines, 0, len(lines) - 1)
    assert found is not None and lines[found.first].startswith("{ 3 comments")
    # Without the stamps, paragraphs alone under such a line are no thread.
    paragraphs = [*ARTICLE, "3 comments on the plan", COMMENT, THREAD[3], THREAD[5]]
    assert page_chrome.reader_comments(paragraphs, 0, len(paragraphs) - 1) is None


def test_a_picture_s_words_that_the_caption_says_again_go_and_the_caption_stays() -> None:
    # lynx prints a picture's alt text where the picture is, and the caption under it repeats it,
    # maybe with the photographer's credit: the alt text goes, the caption stays.
    alt = "Der Golf von Mexiko wurde von US-Präsident Donald Trump kurzerhand umbenannt."
    caption = "Der Golf von Mexiko wurde von US-Präsident Donald Trump kurzerhand umbenannt. Getty Images/Juanmonino"
    same = "Murat Yakin ärgerte sich über die Entscheidung von Schiedsrichter Joao Pinheiro."
    heading = "Infrastructure as a service (IaaS)"
    defined = heading + " offers on-demand access to computing, storage and networks, paid for as they are used."
    texts = [ARTICLE[0], alt, caption, ARTICLE[1], same, same.upper(), "Video", "Video", heading, defined, ARTICLE[2]]
    assert page_chrome.said_again(texts, 0, len(texts) - 1) == {1, 4}
    # What a page shows twice stays: a columnist's name over her headline, an auction item's name
    # over the same with its estimate, a short title said twice (a post's title and its link).
    shown = [
        "Anne-Marie Slaughter", "Anne-Marie Slaughter: Good news for rest of world",
        "1932 Ford Custom Pedal Car", "1932 Ford Custom Pedal Car Estimate: $8,000 to $12,000",
        "Election 2012: The best photos", "Election 2012: The best photos",
    ]  # fmt: skip
    assert page_chrome.said_again(shown, 0, len(shown) - 1) == set()
    # Only inside the run: the line before the run's first is not asked.
    assert page_chrome.said_again(texts, 2, len(texts) - 1) == {4}
    # A line whose repeat comes after the run's end stays (the repeat is not the article's).
    assert page_chrome.said_again(texts, 0, 1) == set()


def test_a_dump_s_caption_said_twice_comes_out_once_and_the_removal_is_explained() -> None:
    alt = "Cyclists ride along Harbour Road during a protest for a safer route last spring."
    caption = alt + " (Photo: Jane Doe/Harbour Gazette)"
    dump = "\n".join([*MENU, HEADLINE, STANDFIRST, ARTICLE[0], alt, caption, *ARTICLE[1:], *AFTER])
    article = clean_text(dump)
    assert article.articleBody == "\n\n".join([STANDFIRST, ARTICLE[0], caption, *ARTICLE[1:]])
    reasons = {s.text: s.reason for s in article.cleaning if s.cleaner == "page_chrome"}
    assert reasons[alt] == page_chrome.SAID_AGAIN


def test_a_greeting_over_the_post_s_first_paragraph_joins_the_run() -> None:
    # A letter or a blog post opens with a greeting on a line of its own; the comma leaves it open.
    dump = "\n".join([*MENU, HEADLINE, "Dear all,", *ARTICLE, *AFTER])
    body = clean_text(dump).articleBody or ""
    assert body.startswith("Dear all,\n\n" + ARTICLE[0])
    assert [page_chrome.opens_run(t) for t in ["Dear all,", "Hi folks,", "Liebe Leserinnen und Leser,"]] == [True] * 3
    # Pieces of bylines, date lines, section rows and wrapped sentences end with a comma too.
    pieces = ["guardian.co.uk,", "Cellphones, Internet,", "Transportation,", "armed with new,", "Dear Mr. Smith,"]
    assert not any(page_chrome.opens_run(t) for t in pieces)
    # A comma line over a line that is no paragraph (a date line) stays out.
    dated = "\n".join([*MENU, HEADLINE, "By Claire Wilson,", "Published Apr 26, 2023", *ARTICLE, *AFTER])
    assert "Claire Wilson" not in (clean_text(dated).articleBody or "")


BROWSER_NOTE = (
    "This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled. While you will be "
    "able to view the content of this page in your current browser, you will not be able to get the full "
    "visual experience."
)
COPYRIGHT = "© 2012 Harbour Gazette Ltd. All rights reserved. This material may not be published or redistributed."


def test_the_page_s_notices_draw_no_run_however_long_and_sentence_like() -> None:
    # A short video page: three sentences of about fifteen words, the rest menus, headlines and a
    # footer whose browser note and copyright line are the page's longest sentences.
    story = [
        "People from all over the world are coming to the city to see the regatta this summer.",
        "Ann and Tom Lee from the north of the state are among the thousands making the trip.",
        "They made a home-made film about their preparations for the visit and shared it online.",
    ]
    others = [f"Play {title}" for title in ("Harbour fire", "Bridge opens", "Council vote", "Ferry strike")]
    texts = [*MENU, HEADLINE, *story, "Share this page", *others, "About us", BROWSER_NOTE, COPYRIGHT]
    start, end = page_chrome.rule_run_of(texts)
    assert texts[start : end + 1] == [HEADLINE, *story]
    body = clean_text("\n".join(texts)).articleBody or ""
    assert "best viewed" not in body and "All rights reserved" not in body


ARCHIVE = (
    "Select Month November 2012 (14) October 2012 (43) September 2012 (50) August 2012 (22) July 2012 (44) "
    "June 2012 (56) May 2012 (61) April 2012 (58) March 2012 (70) February 2012 (64) January 2012 (69)"
)
TAGS = (
    "Select a Tag Fluid form (195) White (179) Landscape architecture (177) Concrete (167) Random pattern "
    "(156) Stair (136) Timber (135) Competition (131) Courtyard architecture (127) Glass facade (120)"
)


def test_a_side_column_s_entries_with_their_counts_on_one_line_draw_no_run() -> None:
    # A Markdown dump prints a drop-down list or a tag cloud as one long line of entries and counts:
    # the page's longest line, with no link marks left, it drew the prose rule's run (and the line
    # model's, which reads that run) away from a short post.
    story = [
        "Studio Kmj designed a lounge chair with acoustics for reading and listening to music at home.",
        "The shape of the chair is inspired by a rose that turns to follow the sun through the day, "
        "and its high back keeps the noise of the room away from whoever sits in it.",
    ]
    texts = [*MENU, HEADLINE, *story, "Subscribe", "Leave a Reply", "Archives:", ARCHIVE, "Tags:", TAGS, "About us"]
    assert page_chrome.counts_line(ARCHIVE) and page_chrome.counts_line(TAGS)
    start, end = page_chrome.rule_run_of(texts)
    assert texts[start : end + 1] == [HEADLINE, *story]


@pytest.mark.parametrize(
    "line",
    [
        # A paragraph with a few figures in brackets, and one numbering its points.
        "Smith (12), Jones (9) and Brown (7) led the field after the first day, and the rest of the riders "
        "finished within ten minutes of them in the rain.",
        "The plan has five parts: (1) a lane, (2) two crossings, (3) a bus stop, (4) new lights and (5) trees.",
        "Votes: Ayes (9) Noes (4) Abstentions (1) Absent (2) Spoiled (0), as the clerk read them out to a "
        "hall that had been full since six o'clock and stayed until the count was over well after ten.",
    ],
)
def test_a_paragraph_with_figures_in_brackets_is_no_line_of_counts(line: str) -> None:
    assert not page_chrome.counts_line(line)


def test_a_list_the_article_announces_is_no_thread_under_a_comments_heading() -> None:
    # A guest post closes with a list it announces ("The following list should get you
    # started:"), one short title and a paragraph per item, the first title "Comment". The
    # prompts cleaner removes that title as a comment button, and page_chrome used to cut the
    # article there as at a thread's heading: the list, the post's second half, was lost.
    intro = (
        "So instead of a product pitch, why not offer something else if you are trying to get the word out "
        "about your startup? The following list should get you started:"
    )
    items = {
        "Comment": "Having a network of people to offer opinion and analysis is critical for most journalists, and "
        "it is a great way of getting your name out there even when you have no news to announce.",
        "Briefing": "Most journalism is about distilling complex topics into chunks that people understand, so "
        "offer to spend some time walking a reporter through the trends in your field.",
        "Access": "One of the best ways to be remembered is to open doors: an introduction to an investor or a "
        "founder who is in demand helps a journalist and costs you little.",
    }
    listed = [line for title, paragraph in items.items() for line in (title, paragraph)]
    texts = [*MENU, HEADLINE, *ARTICLE, intro, *listed, "About us", "Contact", "Privacy policy"]
    model = ScoresByText({text: 0.9 for text in [*ARTICLE, intro, *items.values()]})
    from newsclean.cleaners import CleanerChain

    chain = CleanerChain({"site-memory": None}, instances={"page_chrome": PageChrome(model=model)})
    record = clean_text("\n".join(texts), chain=chain, find_site=False)
    body = record.articleBody or ""
    assert {step.text: step.cleaner for step in record.cleaning}["Comment"] == "prompts"
    assert intro in body and all(paragraph in body for paragraph in items.values())
    kept = [text for text in texts if text != "Comment"]  # (the lines page_chrome reads)
    assert page_chrome._announced(kept, kept.index(items["Comment"]))
    # A blog engine's line over its trackbacks ends with a colon too, but follows the post's
    # footer, not a paragraph: the readers' comments under the heading after it still go.
    comment = (
        "Any idea when the replication adapters will be updated and certified for the new release? It is "
        "still a roadblock for us and for a few other shops I know."
    )
    trackbacks = "Listed below are links to weblogs that reference this post:"
    footer = ["Posted at 03:26 AM | Permalink", "TrackBack", trackbacks]
    texts = [*MENU, HEADLINE, *ARTICLE, *footer, "Comments", comment, "About us", "Contact"]
    model = ScoresByText({text: 0.9 for text in [*ARTICLE, comment]})
    chain = CleanerChain({"site-memory": None}, instances={"page_chrome": PageChrome(model=model)})
    body = clean_text("\n".join(texts), chain=chain, find_site=False).articleBody or ""
    assert ARTICLE[0] in body and comment not in body
    kept = [text for text in texts if text != "Comments"]
    assert not page_chrome._announced(kept, kept.index(comment))


def test_a_short_posts_end_marker_another_cleaner_removed_still_ends_the_run() -> None:
    # "You might also like" under a short post goes as a read-more prompt before page_chrome reads
    # the dump; the headlines under it are other posts', not the article's. The removed marker ends
    # the run as one in the text would, with a paragraph above it and none below.
    others = ["Mill Street bridge to close for repairs", "New bus timetable starts on Monday", "Ferry fares rise"]
    texts = [HEADLINE, *ARTICLE[:2], *others]
    assert page_chrome.closing_marker(texts, 0, len(texts) - 1) is None
    cut = page_chrome.closing_marker(texts, 0, len(texts) - 1, removed=frozenset({3}))
    assert cut is not None and texts[cut.first] == others[0]
    going_on = [*texts, ARTICLE[6]]
    assert page_chrome.closing_marker(going_on, 0, len(going_on) - 1, removed=frozenset({3})) is None
    # Which removed lines count: a marker printed once; "Read More" under each item of a list is
    # each item's link, no heading.
    lines = [*MENU, HEADLINE, *ARTICLE[:2], "You might also like", *others]
    resources = ["Tutoring at scale", "Read More", "A tutoring cost calculator", "Read More", "Designing programs"]
    lines += ["The resources below say more about tutoring.", *resources, "Read More", "About us"]
    blocks = [Block(line, index=n) for n, line in enumerate(lines)]
    gone = {"You might also like", "Read More"}
    doc = Document([b for b in blocks if b.text not in gone], source_format="text")
    doc.dropped = [b for b in blocks if b.text in gone]
    kept = [b.text for b in doc.blocks]
    assert page_chrome._closing_lines_dropped(doc) == frozenset({kept.index(others[0])})


SLUGGED = "https://gazette.example/news/2024/05/harbour-road-cycle-lane-approved"
CAPTION = "The harbour at dusk, seen from the old pier"
ABOVE_RUN = ["News", "Transport", HEADLINE, "By Ann Lee", "Share", "Tweet", "Email", "14 comments", CAPTION]


def test_a_dumps_headline_is_the_line_holding_the_address_words_above_the_article() -> None:
    # The headline sits above the run among short lines the model turns down; the run opens on a
    # picture's caption, which the first title-like line used to be taken for.
    article = clean_text("\n".join([*MENU, *ABOVE_RUN, *ARTICLE, *AFTER]), url=SLUGGED)
    assert article.headline == HEADLINE
    assert article.articleBody == "\n\n".join(ARTICLE)  # the caption goes, as when it was lifted
    steps = {s.text: s for s in article.cleaning}
    assert steps[HEADLINE].cleaner == "page_chrome" and steps[HEADLINE].field == "headline"
    assert steps[HEADLINE].reason == page_chrome.HEADLINE
    assert steps[CAPTION].cleaner == "repeats" and steps[CAPTION].field is None
    assert "under the headline found above it" in steps[CAPTION].reason


def test_without_a_slug_the_first_title_like_line_is_still_lifted() -> None:
    article = clean_text("\n".join([*MENU, *ABOVE_RUN, *ARTICLE, *AFTER]), url="https://gazette.example/news/12345")
    assert article.headline == CAPTION
    assert article.articleBody == "\n\n".join(ARTICLE)


def test_a_headline_inside_the_run_stays_in_its_text_as_before() -> None:
    article = clean_text("\n".join([*MENU, HEADLINE, STANDFIRST, *ARTICLE, *AFTER]), url=SLUGGED)
    assert article.headline == HEADLINE
    assert article.articleBody == "\n\n".join([STANDFIRST, *ARTICLE])


def test_no_breadcrumb_standfirst_or_byline_is_taken_for_the_headline() -> None:
    texts = [
        "Home » News » Harbour Road cycle lane approved",
        "By the Harbour Road cycle lane team",
        "Harbour Road cycle lane approved, says the council.",
        "Share",
        *ARTICLE,
    ]
    assert page_chrome.dump_headline(texts, SLUGGED, 4, len(texts) - 1) is None
    assert page_chrome.dump_headline([HEADLINE, *texts], SLUGGED, 5, len(texts)) == 0
    assert page_chrome.dump_headline([HEADLINE, *texts], "https://gazette.example/?p=12", 5, len(texts)) is None
