"""Edges: what the HTML extractor trims around the article's text is listed in `cleaning` with its reason."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from newsclean.cleaners import clean_html

FIRST = (
    "The city council voted on Tuesday to build a protected cycle lane along the length of Harbour Road, "
    "ending a dispute that has divided residents and shop owners for more than two years."
)
SECOND = (
    "The plan replaces one lane of car traffic with a two-way cycle track separated from the road by a low "
    "kerb and a row of planters. Work is due to start in the spring and to take about eight months."
)
THIRD = (
    "Shop owners had argued that losing parking outside their doors would cost them trade, while cycling "
    "groups said the road had seen four serious crashes involving cyclists in the past three years."
)
BODY = f"{FIRST}\n\n{SECOND}\n\n{THIRD}"


def _page(before: str = "", after: str = "", head: str = "") -> str:
    return (
        f"<html><head>{head}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article>{before}<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p>{after}</article>"
        "<footer><a href='/about'>About us</a></footer></body></html>"
    )


def _edges(article: object) -> list[tuple[str, str]]:
    return [(s.text, s.reason) for s in article.cleaning if s.cleaner == "edges"]  # type: ignore[attr-defined]


def test_furniture_before_the_first_paragraph_is_explained() -> None:
    article = clean_html(_page(before="<h1>Harbour Road lane approved</h1><p>Back to blog</p>"))
    assert article.articleBody == BODY
    assert _edges(article) == [
        ("Harbour Road lane approved", "the page's <h1> (the headline) before the first paragraph"),
        ("Back to blog", "furniture before the first paragraph"),
    ]


def test_a_line_left_open_by_a_comma_stays_with_the_block_it_opens() -> None:
    # A salutation opens the post ("Dear all,"); a sign-off after the text whose next line goes
    # ("Cheers," over a name the rule takes) goes too, and furniture around them still goes.
    article = clean_html(_page(before="<p>Back to blog</p><p>Dear all,</p>", after="<p>Cheers,</p><p>Ann</p>"))
    assert article.articleBody == f"Dear all,\n\n{BODY}"
    assert _edges(article) == [
        ("Back to blog", "furniture before the first paragraph"),
        ("Cheers,", "furniture after the last paragraph"),
        ("Ann", "furniture after the last paragraph"),
    ]


def test_a_byline_and_date_line_before_the_first_paragraph_is_explained() -> None:
    article = clean_html(_page(before="<p>By Ann Lee – Updated Mar 5, 2026</p>"))
    assert article.articleBody == BODY
    assert _edges(article) == [("By Ann Lee – Updated Mar 5, 2026", "byline/date line before the first paragraph")]


def test_furniture_after_the_last_paragraph_is_explained() -> None:
    # A prompt there ("Be the first to comment", "Tags: ...") is left to the prompts cleaner,
    # which takes the small box it heads with it.
    article = clean_html(_page(after="<p>Back to top</p><p>Be the first to comment</p><p>Tags: transport</p>"))
    assert article.articleBody == BODY
    assert _edges(article) == [("Back to top", "furniture after the last paragraph")]
    prompts = [s.text for s in article.cleaning if s.cleaner == "prompts"]
    assert prompts == ["Be the first to comment", "Tags: transport"]


def test_end_matter_goes_from_its_title_line_to_the_end() -> None:
    after = (
        "<h3>Related posts</h3><p>Why the ferry timetable changed again this winter and what it means for you</p>"
        "<p>Ten bridges worth a detour</p>"
    )
    article = clean_html(_page(after=after))
    assert article.articleBody == BODY
    rule = "end matter: 'Related posts' and everything after it"
    assert _edges(article) == [
        ("Related posts", rule),
        ("Why the ferry timetable changed again this winter and what it means for you", rule),
        ("Ten bridges worth a detour", rule),
    ]


def test_the_authors_bio_closing_the_text_is_explained() -> None:
    bio = "Ann Lee is the Gazette's transport reporter and has covered the city council since 2019."
    article = clean_html(_page(after=f"<p>{bio}</p>", head="<meta name='author' content='Ann Lee'>"))
    assert article.articleBody == BODY
    assert _edges(article) == [(bio, "the author's bio closing the text")]


def test_turned_off_the_trimmed_lines_stay_in_their_places() -> None:
    page = _page(
        head="<title>Harbour Road lane approved</title>",
        before="<p>Back to blog</p><p>By Ann Lee – Updated Mar 5, 2026</p>",
        after="<p>Filed under Transport</p>",
    )
    on = clean_html(page)
    off = clean_html(page, chain={"edges": None})
    assert on.articleBody == BODY
    assert len(_edges(on)) == 3
    assert [s for s in off.cleaning if s.cleaner != "main-content"] == []  # only what extraction left out
    assert off.articleBody == f"Back to blog\n\nBy Ann Lee – Updated Mar 5, 2026\n\n{BODY}\n\nFiled under Transport"


def test_a_page_without_prose_is_not_trimmed() -> None:
    page = (
        "<html><body><article><h1>Opening hours</h1>"
        "<ul><li>Monday: 9 to 5</li><li>Tuesday: 9 to 5</li></ul></article></body></html>"
    )
    assert not _edges(clean_html(page))


def test_the_command_explains_and_disables_edges(tmp_path: Path) -> None:
    source = tmp_path / "page.html"
    source.write_text(_page(head="<title>Lane approved</title>", before="<p>Back to blog</p>"), encoding="utf-8")
    cli = [sys.executable, "-m", "newsclean.spiders.cli", "clean", "--format", "text", str(source)]
    explained = subprocess.run([*cli, "--explain"], capture_output=True, timeout=120, check=True).stdout.decode()
    assert "[edges] removed: 'Back to blog'\n      because furniture before the first paragraph" in explained
    kept = subprocess.run([*cli, "--disable", "edges"], capture_output=True, timeout=120, check=True).stdout.decode()
    assert f"Back to blog\n\n{FIRST}" in kept


def test_credits_and_stamps_under_the_standfirst_are_explained() -> None:
    page = (
        "<html><body><article><h1>Neue Radspur</h1>"
        f"<p>{FIRST}</p><p>Von Nina Magoley</p><p>Heute, 12:37 Uhr</p><p>3 Min Lesezeit</p>"
        f"<p>{SECOND}</p><p>{THIRD}</p></article></body></html>"
    )
    article = clean_html(page)
    assert article.articleBody == BODY
    under = "byline/date line under the standfirst (the first paragraph)"
    assert _edges(article)[-3:] == [
        ("Von Nina Magoley", under),
        ("Heute, 12:37 Uhr", under),
        ("3 Min Lesezeit", under),
    ]


def test_headings_and_lines_like_stamps_under_the_standfirst_stay() -> None:
    # A heading, a line naming no one after "von" and a sentence are the article's.
    kept = ["Von der Leyen unter Druck", "Por qué importa el carril", "The vote ended at 10:30."]
    page = (
        "<html><body><article><h1>Neue Radspur</h1>"
        f"<p>{FIRST}</p><h2>Update 2026</h2><p>{kept[0]}</p><p>{kept[1]}</p><p>{kept[2]}</p>"
        f"<p>{SECOND}</p><p>{THIRD}</p></article></body></html>"
    )
    body = clean_html(page).articleBody or ""
    assert "Update 2026" in body
    for line in kept:
        assert line in body


REPRINTS = (
    "Reprints: This copy is for your personal, non-commercial use only. To order copies for distribution to your "
    "colleagues or customers, use the order form on the reprints page."
)
TERMS = (
    "This copy is for your personal, non-commercial use only. Distribution and use of this material are governed "
    "by our subscriber agreement and by copyright law."
)


def test_licence_notices_above_and_below_the_text_are_explained() -> None:
    # The reprint terms sit in a box of their own over the headline; the same terms close the page.
    page = (
        "<html><body><div><ul><li><p>" + REPRINTS + "</p></li></ul></div>"
        f"<article><h1>Harbour Road lane approved</h1><div><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div>"
        f"<div><p>{TERMS}</p></div></article></body></html>"
    )
    article = clean_html(page)
    assert article.articleBody == BODY
    assert (REPRINTS, "copyright or licence notice before the first paragraph") in _edges(article)
    assert (TERMS, "copyright or legal notice after the last paragraph") in _edges(article)


def test_an_opening_paragraph_about_a_licence_stays() -> None:
    # The same words as the article's own first paragraph, beside the paragraphs it opens: kept.
    opening = (
        "The city archive said on Monday that its 40,000 scanned maps are now free for personal, non-commercial "
        "use, and that schools may print them for their classes."
    )
    page = (
        f"<html><body><article><h1>Maps go online</h1><p>{opening}</p><p>{SECOND}</p><p>{THIRD}</p></article>"
        "</body></html>"
    )
    assert clean_html(page).articleBody == f"{opening}\n\n{SECOND}\n\n{THIRD}"


BIO = (
    "Ann is a 2012 fellow at the Harbour Institute, where she is writing a history of the city's ferries. "
    "She has covered transport for the Gazette since 2004."
)


def test_the_authors_bio_under_its_label_above_the_text_is_explained() -> None:
    page = (
        "<html><body><article><h1>Harbour Road lane approved</h1>"
        f"<div><dl><dt>About the author</dt><dd>{BIO}</dd></dl></div>"
        f"<div><p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div></article></body></html>"
    )
    article = clean_html(page)
    assert article.articleBody == BODY
    labelled = "the author's bio above the text (a box of its own under its label, 'About the author')"
    assert ("About the author", labelled) in _edges(article)
    assert (BIO, labelled) in _edges(article)


def test_a_section_about_the_author_in_the_texts_own_box_stays() -> None:
    # The label sits among the article's own paragraphs: the section is the article's.
    facts = ["Ann Lee has covered transport since 2004", "She cycles to work along Harbour Road"]
    page = (
        "<html><body><article><h1>Harbour Road lane approved</h1>"
        f"<div><h2>About the author</h2><ul><li>{facts[0]}</li><li>{facts[1]}</li></ul>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></div></article></body></html>"
    )
    body = clean_html(page).articleBody or ""
    assert all(fact in body for fact in facts)


def test_a_note_of_the_print_edition_after_the_text_is_explained() -> None:
    note = (
        "A version of this article appeared in print on March 5, 2026, on page A4 of the City edition with the "
        "headline: Harbour Road Lane Approved."
    )
    article = clean_html(_page(after=f"<p>{note}</p>"))
    assert article.articleBody == BODY
    assert _edges(article) == [(note, "a note of the print edition after the last paragraph")]


def test_a_paragraph_about_a_print_edition_inside_the_text_stays() -> None:
    # The same words opening a paragraph of the text, with the text going on after it.
    inside = (
        "This story appeared in print in 1962, when the Gazette first reported on the road, and readers "
        "wrote in for weeks."
    )
    page = _page(before=f"<p>{inside}</p>")
    assert clean_html(page).articleBody == f"{inside}\n\n{BODY}"


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def test_a_blogs_tagline_under_its_name_goes_and_the_posts_title_stays() -> None:
    # The blog's name is the <h1> ("Harbour Notes", a part of the title "Harbour Notes: The ferry
    # timetable nobody asked for"), its tagline under it, the post's title an <h3> under that:
    # the tagline is the page's, as what stands above an <h1> headline is.
    page = (FIXTURES / "kind-6-tagline-under-the-site-name.html").read_bytes()
    record = clean_html(page, url="https://harbournotes.example.org/2012/10/ferry-timetable.html")
    body = record.articleBody or ""
    assert body.startswith("The ferry timetable nobody asked for\n\nThe county published its new ferry timetable")
    assert "would not have been hard to write." in body
    assert "A blog about the town's waterfront" not in body and "Harbour dues" not in body
    assert any(step.reason.startswith("between the site's name") for step in record.cleaning), record.cleaning


def test_a_subheading_repeating_part_of_an_h1_headline_keeps_what_is_above_it() -> None:
    # An <h1> giving the whole title is the headline: a section heading under it that repeats a
    # part of the title ("What is the OBR?") is the article's, and so is the standfirst above it.
    standfirst = "The budget watchdog publishes its forecasts twice a year, and ministers read them closely."
    html = (
        "<html><head><title>Budget Office: What is the OBR and what does it do?</title></head><body><article>"
        "<h1>Budget Office: What is the OBR and what does it do?</h1>"
        f"<p>{standfirst}</p><h2>What is the OBR and what does it do?</h2>"
        f"<p>{FIRST}</p><p>{SECOND}</p><p>{THIRD}</p></article></body></html>"
    )
    body = clean_html(html).articleBody or ""
    assert body.startswith(standfirst), body[:200]
