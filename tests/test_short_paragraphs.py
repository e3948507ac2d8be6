"""A short real paragraph is article text: extraction and cleaners keep it, first or last."""

import re

from newsclean.cleaners import clean_html, clean_text

from .conftest import LONG, LONG2


def _article(title: str, after: str, head: str = "") -> str:
    """A page whose article is a headline and the two long paragraphs, then ``after`` (what
    each test is about) inside the same ``<article>``."""
    return (
        f"<html><head>{head}</head><body><article><h1>{title}</h1><p>{LONG}</p><p>{LONG2}</p>{after}"
        "</article></body></html>"
    )


def test_short_first_and_last_paragraphs_of_an_html_article_stay() -> None:
    html = (
        "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article>"
        "<h1>Council approves cycle lane on Harbour Road</h1>"
        f"<p>It is official.</p><p>{LONG}</p><p>{LONG2}</p><p>He denied the charges.</p>"
        "</article><footer><a href='/contact'>Contact us</a></footer></body></html>"
    )
    body = clean_html(html).articleBody or ""
    assert body.split("\n\n") == ["It is official.", LONG, LONG2, "He denied the charges."]


def test_short_paragraphs_inside_a_text_dump_stay() -> None:
    dump = "\n".join(
        ["Council approves cycle lane on Harbour Road", LONG, "It is official.", LONG2, "Work starts soon."]
    )
    body = clean_text(dump).articleBody or ""
    assert "It is official." in body and "Work starts soon." in body


def test_a_guide_written_in_short_paragraphs_keeps_its_later_headings() -> None:
    # One long opening paragraph, then short steps under headings: the headings between the
    # steps are the article's, although no long paragraph follows them.
    html = (
        "<html><body><article><h1>Planning a wedding in twelve months</h1>"
        f"<p>{LONG}</p>"
        "<h2>Twelve months before</h2><p>Set a realistic budget for the day.</p>"
        "<h2>Ten months before, book your vendors</h2><p>Popular photographers book up first.</p>"
        "<p><strong>Start dress shopping</strong></p><p>Most gowns take months to arrive.</p>"
        "</article><footer><p>Share this</p></footer></body></html>"
    )
    body = clean_html(html).articleBody or ""
    assert "Ten months before, book your vendors" in body
    assert "Start dress shopping" in body
    assert body.endswith("Most gowns take months to arrive.")
    assert "Share this" not in body
    # The same guide written without <p> (each paragraph a <font> run ended by two <br>s, as
    # older pages and some blog engines write them): its short steps are its paragraphs too.
    loose = re.sub(r"<p>(.*?)</p>", r"<font>\1</font><br><br>", html.split("<footer>")[0]) + "<footer>"
    body = clean_html(loose + html.split("<footer>")[1]).articleBody or ""
    assert "<p>" not in loose
    assert "Ten months before, book your vendors" in body
    assert "Start dress shopping" in body
    assert body.endswith("Most gowns take months to arrive.")


def test_a_heading_before_the_first_paragraph_stays() -> None:
    html = (
        "<html><body><article><h1>Progress report 39</h1><div class='post'>"
        f"<p>5 min read</p><h2>What is the project?</h2><p>{LONG}</p><p>{LONG2}</p>"
        "</div></article></body></html>"
    )
    body = clean_html(html).articleBody or ""
    assert body.startswith("What is the project?")


def test_headings_over_lists_after_the_last_paragraph_stay() -> None:
    # A roundup: one long introduction, then each brand as a heading over a list of features.
    brands = "".join(
        f"<h2>{name}</h2><ul><li>organic cotton</li><li>recycled packaging</li></ul>"
        for name in ("Carve Designs", "Eileen Fisher", "Fair Indigo")
    )
    body = clean_html(_article("Sustainable clothing brands", brands)).articleBody or ""
    for name in ("Carve Designs", "Eileen Fisher", "Fair Indigo"):
        assert name in body


def test_other_posts_you_may_enjoy_ends_the_article() -> None:
    teasers = "".join(f"<li>{t}</li>" for t in ("Grow your own food", "Container gardening for vegetables"))
    html = _article("Organic pest control", f"<h3>Other Posts You May Enjoy</h3><ul>{teasers}</ul>")
    body = clean_html(html).articleBody or ""
    assert body.endswith(LONG2)


def test_an_about_the_writer_bio_at_the_end_goes() -> None:
    html = _article(
        "Writing a college essay",
        "<h3>About Sara Harberson</h3><p>Sara Harberson is the founder of a college admissions practice and a "
        "former dean of admissions.</p>",
    )
    body = clean_html(html).articleBody or ""
    assert body.endswith(LONG2)
    assert "founder of a college admissions practice" not in body


def test_about_sections_of_a_roundup_stay() -> None:
    books = "".join(
        f"<h3>About The {name} Empire</h3><p>The {name} Empire {LONG}</p><p>The {name} Empire {LONG2}</p>"
        for name in ("Grave", "Dawn", "Obsidian")
    )
    html = f"<html><body><article><h1>The best fantasy books</h1><p>{LONG}</p>{books}</article></body></html>"
    body = clean_html(html).articleBody or ""
    assert "About The Obsidian Empire" in body and body.endswith(f"The Obsidian Empire {LONG2}")


def test_the_bylined_authors_bio_at_the_end_goes() -> None:
    html = _article(
        "Trends in house cleaning",
        "<div class='x'><p>Karina Cohen</p><p>Karina Cohen is the owner of a local cleaning company serving the "
        "Greater Denver area, with a background in hospitality.</p></div>",
        head="<meta name='author' content='Karina Cohen'>",
    )
    record = clean_html(html)
    assert [a.name for a in record.authors] == ["Karina Cohen"]
    assert (record.articleBody or "").endswith(LONG2)


def test_an_article_about_its_author_keeps_its_text() -> None:
    # The name with a verb early in the text is the article's subject, not a bio.
    html = (
        "<html><head><meta name='author' content='Russell Miller'></head><body><article>"
        "<h1>Vibe coding</h1><p>Russell Miller is a product builder, and this is what he learned.</p>"
        f"<p>{LONG}</p><p>{LONG2}</p><p>{LONG} Again.</p></article></body></html>"
    )
    body = clean_html(html).articleBody or ""
    assert body.startswith("Russell Miller is a product builder") and body.endswith("Again.")


def test_a_feedback_box_after_the_article_goes() -> None:
    html = _article(
        "Workflow automation",
        "<div><p>Was this helpful?</p><p>Thanks for your feedback, it helps us improve our tutorials "
        "for everyone.</p></div>",
    )
    body = clean_html(html).articleBody or ""
    assert body.endswith(LONG2)


def test_a_contributor_card_after_the_article_goes() -> None:
    html = _article(
        "Accounting software",
        "<div class='card'><p>Contributor</p><p>Michelle Lee</p><p>Michelle worked in marketing and "
        "promotions for radio and event coordination for non-profits.</p></div>",
    )
    body = clean_html(html).articleBody or ""
    assert body.endswith(LONG2)


def test_a_writers_greeting_bio_at_the_end_goes() -> None:
    html = _article(
        "Storing office supplies",
        "<div><p>Hey, I'm Jessica! Welcome to my blog, where organizing is made doable and totally "
        "overwhelm-free.</p></div>",
    )
    body = clean_html(html).articleBody or ""
    assert body.endswith(LONG2)


def test_the_bylined_authors_first_name_opens_a_bio_at_the_end() -> None:
    html = _article(
        "Finding leads",
        "<div><p>By Sam O'Brien</p><p>Sam is the revenue-focused VP of Marketing at a data company, where he "
        "balances quick results with long-term value.</p></div>",
        head="<meta name='author' content=\"Sam O'Brien\">",
    )
    body = clean_html(html).articleBody or ""
    assert body.endswith(LONG2)


def test_an_authors_bio_with_more_after_it_goes_alone() -> None:
    # The bio sits in the text's last part, but a long box follows it: only the bio and its
    # name line go, what follows is left to the other rules.
    after = " ".join(
        f"Clinic {n} reported that its patients booked more visits online after the change, and its staff "
        "spent less time on the phone."
        for n in range(1, 10)
    )
    more = "".join(
        f"<p>Hospital {n} tried a new way of reaching patients this year, and the marketing team measured how many "
        "of them came back for a second visit within a month.</p>"
        for n in range(1, 8)
    )
    html = _article(
        "Marketing in healthcare",
        f"{more}<div><p>Lauren Vetter</p><p>Lauren Vetter is a growth-focused marketing professional specializing "
        f"in healthcare technology.</p></div><p>{after}</p>",
        head="<meta name='author' content='Lauren Vetter'>",
    )
    body = clean_html(html).articleBody or ""
    assert "Lauren Vetter" not in body
    assert body.endswith(after)


TABLET = (
    "One of the best-known painters of the last century showed a series of works he drew on a tablet, and "
    "the critics who came to the opening were divided on whether they were serious art."
)


def test_a_bio_under_its_writers_name_line_goes_without_a_byline() -> None:
    # No author in the page's metadata: the name line over a paragraph opening with that name
    # and a verb, closing the text, is the writer's bio (with its role line).
    html = _article(
        "Trends in politics",
        "<div class='x'><p>John Nichols</p><p>National Affairs Correspondent</p><p>John Nichols is a national "
        "affairs correspondent for the weekly. He has written or edited a dozen books on politics.</p></div>",
    )
    record = clean_html(html)
    assert not record.authors
    assert (record.articleBody or "").endswith(LONG2)


def test_a_roundup_of_people_a_topics_heading_and_a_profile_with_more_after_it_stay() -> None:
    # Two name lines each over its own "X is a ...": a roundup, not a bio.
    people = (
        "<h3>Ada Lovelace</h3><p>Ada Lovelace was a mathematician who wrote the first published program.</p>"
        "<h3>Grace Hopper</h3><p>Grace Hopper was a computer scientist who led the work on COBOL.</p>"
    )
    body = clean_html(_article("Pioneers of computing", people)).articleBody or ""
    assert body.endswith("led the work on COBOL.") and "Ada Lovelace was a mathematician" in body
    # A heading naming a topic opens its paragraph in another case: the article's section.
    topic = "<h3>In-House Catering</h3><p>In-house catering is when the venue also provides the food.</p>"
    body = clean_html(_article("Event catering", topic)).articleBody or ""
    assert body.endswith("also provides the food.")
    # One artist among others, the article going on after him: his profile stays.
    profile = (
        "<h3>Jack Butcher</h3><p>Jack Butcher is a conceptual artist who plays with digital scarcity.</p>"
        f"<h3>The painter's tablet</h3><p>{TABLET}</p>"
    )
    body = clean_html(_article("Digital art", profile)).articleBody or ""
    assert "Jack Butcher is a conceptual artist" in body and body.endswith(TABLET)


def test_a_bio_saying_what_its_writer_is_before_the_name_goes() -> None:
    # "A ... journalist, Lance has covered ...": the byline's first name after what he is.
    html = _article(
        "A new search box",
        "<div><p>A 38-year industry veteran and award-winning journalist, Lance has covered technology since "
        "PCs were the size of suitcases. He is a former editor in chief of two magazines.</p></div>",
        head="<meta name='author' content='Lance Ulanoff'>",
    )
    body = clean_html(html).articleBody or ""
    assert body.endswith(LONG2)
    # The same shape about someone else is the article's closing paragraph.
    html = _article(
        "A new search box",
        "<p>A longtime critic of the company, Maria has written to its board twice this year and is "
        "waiting for an answer.</p>",
        head="<meta name='author' content='Lance Ulanoff'>",
    )
    body = clean_html(html).articleBody or ""
    assert body.endswith("waiting for an answer.")


def test_a_company_credited_as_author_keeps_its_closing_paragraph() -> None:
    # "QCY is already ..." is the article speaking of the company, not a bio of a person.
    closing = "QCY is already embracing many of these trends with its range of headphones and earbuds."
    html = _article("Headphone trends", f"<p>{closing}</p>", head="<meta name='author' content='QCY Audio'>")
    body = clean_html(html).articleBody or ""
    assert body.endswith(closing)


def test_meeting_someone_else_at_the_end_stays() -> None:
    # "Meet <name>" opens a bio only when the name is the byline's.
    closing = "Meet Bob, the ferry's new captain, who will steer it from the spring."
    html = _article("A new captain", f"<p>{closing}</p>", head="<meta name='author' content='Nancy Peyer'>")
    body = clean_html(html).articleBody or ""
    assert body.endswith(closing)
    meet = _article(
        "Autumn fashion",
        "<div><p>Meet Nancy, our fashion lover with a keen eye for style, who writes our weekly column.</p></div>",
        head="<meta name='author' content='Nancy Peyer'>",
    )
    assert (clean_html(meet).articleBody or "").endswith(LONG2)
