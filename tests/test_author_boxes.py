"""Author boxes on pages whose class names say nothing: the writer's bio goes, told by the
names the page gives its writers (the byline, the links to their own pages), wherever the box
is printed; the article's own text about a person stays."""

from pathlib import Path

from newsclean.cleaners import clean_html

from .conftest import LONG, LONG2, assert_gone, assert_once

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"

LONG3 = (
    "Shop owners who opposed the plan said they would watch the first months closely and ask the council to "
    "review it if their takings fell over the summer."
)


def _page(box: str, after: str = "", head: str = "") -> str:
    """A page whose names mean nothing: a headline, ``box`` in a box of its own above the
    article's container, the article's three paragraphs, then ``after`` in the container."""
    return (
        f"<html><head>{head}</head><body><div class='c5d1e2a'><h1>Council approves the Harbour Road lane</h1>"
        f"<div class='c09f3b7'>{box}</div><div class='c7a4410'><p>{LONG}</p><p>{LONG2}</p><p>{LONG3}</p>"
        f"{after}</div></div></body></html>"
    )


def _body(html: str) -> str:
    return clean_html(html, find_site=False).articleBody or ""


BIO = (
    "Anthony Ha is a writer covering media, advertising and startups. Previously, he was a staff technology "
    "writer at a trade weekly."
)


def test_a_bio_above_the_text_linking_to_its_writers_page_goes() -> None:
    # No byline in the metadata: the box's link to the writer's own page names him.
    box = f"<div class='c44e0a1'><a href='/author/anthony-ha/'>View Staff Page</a></div><p>{BIO}</p>"
    body = _body(_page(box))
    assert body.startswith(LONG) and body.endswith(LONG3)
    assert "Anthony Ha" not in body


def test_a_bio_above_the_text_with_its_name_and_role_lines_goes_for_the_byline() -> None:
    box = (
        "<div class='c3b2a10'><span>Social Media Manager</span><span>BIO</span><div>Joel oversees the "
        "network's social media channels and video, while also reporting the latest news.</div></div>"
    )
    body = _body(_page(box, head="<meta name='author' content='Joel Feder'>"))
    assert body.startswith(LONG)
    assert "Joel oversees" not in body and "Social Media Manager" not in body


def test_a_standfirst_about_someone_else_above_the_text_stays() -> None:
    # The same shape about a person the page does not name as its writer is the article's.
    standfirst = "Maria Lopez is the council's new transport chief, and the Harbour Road lane is her first plan."
    body = _body(_page(f"<p>{standfirst}</p>", head="<meta name='author' content='Joel Feder'>"))
    assert body.startswith(standfirst)
    # And the writer named in the article's own container opens the article.
    opening = "Joel Feder is a cyclist, and he rode the new lane on its first morning."
    html = _page("", head="<meta name='author' content='Joel Feder'>").replace(
        f"<div class='c7a4410'><p>{LONG}", f"<div class='c7a4410'><p>{opening}</p><p>{LONG}"
    )
    assert _body(html).startswith(opening)


def test_a_bio_naming_its_writer_twice_or_with_a_handle_goes_at_the_end() -> None:
    for bio in (
        "Lee Hutchinson / Lee is the Senior Reviews Editor and runs the reviews desk.",
        "Ta-Nehisi Coates - Ta-Nehisi Coates is a senior editor who writes about culture and politics.",
        "Jon Bloom (@Bloom_Jon) is President of a ministry and has written three books.",
    ):
        name = bio.split(" /")[0].split(" -")[0].split(" (")[0]
        head = f"<meta name='author' content='{name}'>"
        html = _page("", after=f"<div class='c0a0b0c'><p>{bio}</p></div>", head=head)
        assert _body(html).endswith(LONG3), bio


def test_a_one_word_byline_opens_no_bio() -> None:
    # A byline of one word may be a company's, whose name opens the article's own sentences.
    closing = "Harbour is a name the council chose after a vote of the residents last year."
    html = _page("", after=f"<p>{closing}</p>", head="<meta name='author' content='Harbour'>")
    assert _body(html).endswith(closing)


def test_a_bio_labelled_about_the_author_in_its_paragraph_goes_at_the_end() -> None:
    bio = "About the Author: As the creator of a popular theme, Chris has spent years teaching design."
    body = _body(_page("", after=f"<div class='c0a0b0c'><p>{bio}</p></div>"))
    assert body.endswith(LONG3)
    # "About the author" said in a sentence of the article is the article's.
    closing = "About the author of the plan, residents said little at the meeting."
    assert _body(_page("", after=f"<p>{closing}</p>")).endswith(closing)


def test_the_bios_of_two_bylined_writers_at_the_end_go() -> None:
    # Two writers, each a name line over a bio, stacked after the text: both go.
    bios = (
        "<div class='c7e1f00'><h4>Chen Zhao</h4><p>Chen Zhao is the head of economics research, where she "
        "studies the housing market.</p><h4>Daryl Fairweather</h4><p>Daryl Fairweather is the chief economist, "
        "and her work has been featured on national television.</p></div>"
    )
    head = (
        "<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"author\": [{\"@type\": \"Person\", "
        "\"name\": \"Chen Zhao\"}, {\"@type\": \"Person\", \"name\": \"Daryl Fairweather\"}]}</script>"
    )
    body = _body(_page("", after=bios, head=head))
    assert body.endswith(LONG3)
    assert "Chen Zhao" not in body and "Daryl Fairweather" not in body


def test_a_bio_in_german_closing_the_text_goes() -> None:
    # "Manuela Conrad ist Reporterin ...": the byline's name and a bio's verb in the page's own
    # language. The article's last paragraph, a capitalised noun and "ist" ("Der Ausschuss ist
    # ... bereit"), is no bio: it does not open with a writer's name.
    page = (FIXTURES / "kind-6-author-bio-in-german.html").read_bytes()
    record = clean_html(page, url="https://hafenblatt.example.de/region/faehre-fahrplan.html")
    body = record.articleBody or ""
    assert_once(body, "Seit Montag fährt die erste Fähre", "Der Ausschuss ist nach eigenen Angaben bereit")
    assert_gone(body, "Manuela Conrad ist Reporterin", "Sie schreibt seit 2015", "Alle Rechte vorbehalten")
    assert any("bio" in step.reason for step in record.cleaning), record.cleaning


def test_bios_in_other_languages_and_with_a_note_after_the_name_go_at_the_end() -> None:
    for name, bio in (
        ("Jean Dupont", "Jean Dupont est journaliste au service politique depuis 2012."),
        ("Lucía Pérez", "Lucía Pérez es corresponsal en Bruselas y escribe sobre la Unión Europea."),
        ("Anne-Marie Slaughter", "Anne-Marie Slaughter (*1958) war Direktorin für politische Planung."),
    ):
        head = f"<meta name='author' content='{name}'>"
        html = _page("", after=f"<div class='c0a0b0c'><p>{bio}</p></div>", head=head)
        assert _body(html).endswith(LONG3), bio


def test_a_closing_paragraph_about_someone_else_in_german_stays() -> None:
    # The same words about a person the page does not name as its writer are the article's.
    closing = "Maria Lopez ist die neue Verkehrsdezernentin, und die Hafenstraße ist ihr erstes Projekt."
    html = _page("", after=f"<p>{closing}</p>", head="<meta name='author' content='Manuela Conrad'>")
    assert _body(html).endswith(closing)


def test_an_author_box_linking_to_the_writers_page_goes_after_the_text() -> None:
    # No byline in the metadata and a bio opening with a first name alone: the box is told by its
    # name line, a link to the writer's own page, in a box of its own after the text's last
    # paragraph. A paragraph of the text linking to someone's page stays.
    page = (FIXTURES / "kind-7-author-box-linking-to-the-writers-page.html").read_bytes()
    record = clean_html(page, url="https://homestead.example.com/2024/10/warm-porch/", find_site=False)
    body = record.articleBody or ""
    assert_once(
        body,
        "Our back porch used to close for the season",
        "Outdoor curtains, a pair of heated cushions",
        "The recipe for the cider we drank out there came from Jane Roe",
    )
    assert_gone(body, "alysha", "Alysha is a twentysomething", "See all posts by", "All rights reserved")
    assert any("author's box" in step.reason for step in record.cleaning), record.cleaning


def test_a_roundup_of_people_linking_to_their_pages_after_the_text_stays() -> None:
    # Two boxes after the text, each a name line linking to a person's page over a paragraph:
    # a roundup's entries, not one writer's box. One such box alone goes.
    entries = (
        ("ann-lee", "Ann Lee", "The bakery on the corner has been hers for twenty years, and she expects more trade."),
        ("tom-rye", "Tom Rye", "His bicycle shop is two doors down, and he asked the council for a lane in 2019."),
    )
    boxes = [
        f"<div class='c{n}a0'><h3><a href='/people/{slug}/'>{name}</a></h3><p>{line}</p></div>"
        for n, (slug, name, line) in enumerate(entries)
    ]
    body = _body(_page("", after=f"<div class='c3f0e1d'>{''.join(boxes)}</div>"))
    assert_once(body, "The bakery on the corner has been hers", "His bicycle shop is two doors down")
    body = _body(_page("", after=f"<div class='c3f0e1d'>{boxes[0]}</div>"))
    assert body.endswith(LONG3)
