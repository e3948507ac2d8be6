"""Photo captions told by their place (``newsclean.cleaners.captions``): the one short line
beside a picture in its box goes whatever its class names; an item of a row of pictures with
their descriptions, and a photo post's text, stay; a gallery's slides, each line ending in its
photographer's credit, go."""

from __future__ import annotations

from pathlib import Path

from newsclean.cleaners import clean_html

URL = "https://news.example.com/2019/11/20/bolivia-protests"

PARAGRAPHS = (
    "At least three supporters of the former president were killed on Tuesday when soldiers and "
    "police cleared a blockade of the petrol plant on the outskirts of the city.",
    "The blockade had cut fuel supplies to the capital for five days, and queues at the petrol "
    "stations stretched for several blocks by the weekend.",
    "The interim government said the soldiers had come under fire first, which the protesters and "
    "the local council both denied in the evening.",
)
CAPTION = "A cyclist rides next to a blocked petrol plant on the outskirts of the city, November 19, 2019."
CREDIT = "Photo Agency / Ann Lee"


def _page(inside: str) -> bytes:
    return (
        "<html><head><title>Three killed at petrol plant</title></head><body><div class='a1'>"
        f"<h1>Three killed at petrol plant</h1>{inside}</div></body></html>"
    ).encode()


def _paragraphs(parts: tuple[str, ...] = PARAGRAPHS) -> str:
    return "".join(f"<p>{p}</p>" for p in parts)


def test_the_short_line_beside_a_picture_in_its_box_goes() -> None:
    figure = (
        "<div class='c1'><div class='c2'><picture><img src='/cyclist.jpg'></picture></div>"
        f"<div class='c3'><span>{CAPTION}</span><span>{CREDIT}</span></div></div>"
    )
    record = clean_html(_page(figure + _paragraphs()), url=URL)
    body = record.articleBody or ""
    for paragraph in PARAGRAPHS:
        assert paragraph in body
    assert "A cyclist rides" not in body and "Ann Lee" not in body
    said = [s for s in record.cleaning if "beside a picture" in str(s.reason)]
    assert said, [str(s.reason) for s in record.cleaning]


def test_a_row_of_pictures_with_their_descriptions_stays() -> None:
    # A guide's list of houseplants: each a picture and a short description, in alike columns
    # side by side (the box around each picture and its text is alone in its column). They are
    # the article's items, not captions.
    plants = ("Snake plant", "Peace lily", "Spider plant")
    items = "".join(
        f"<div class='col'><div class='p1'><div><img src='/{n}.jpg'></div><p>{name}: thrives in low "
        "light and forgives a missed watering or two, a good first plant for a dark hallway.</p></div></div>"
        for n, name in enumerate(plants)
    )
    body = clean_html(_page(_paragraphs(PARAGRAPHS[:1]) + items + _paragraphs(PARAGRAPHS[1:])), url=URL).articleBody
    for name in plants:
        assert f"{name}: thrives in low light" in (body or "")


def test_a_photo_posts_text_beside_its_picture_stays() -> None:
    # A photo post: the picture and its one paragraph are the whole article.
    post = f"<div class='q1'><div class='q2'><img src='/lantern.jpg'></div><div class='q3'>{PARAGRAPHS[0]}</div></div>"
    body = clean_html(_page(post), url=URL).articleBody or ""
    assert PARAGRAPHS[0] in body


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"


def test_a_gallerys_credited_captions_go_and_a_row_of_items_stays() -> None:
    # A gallery written without <figure>: a row of alike slides, each a picture over one line
    # ending in its photographer's credit ("Photo: Dan Bashak/AP"). The slides' lines are
    # captions; the row of shelters below (a picture and a line each, no credit) is the
    # article's list and stays.
    page = (FIXTURES / "kind-6-gallery-captions-with-credits.html").read_bytes()
    record = clean_html(page, url="https://gazette.example.org/news/2026/08/02/drone-attacks")
    body = record.articleBody or ""
    assert body.startswith("At least nine people were killed"), body[:200]
    assert "restored by the evening." in body and "would continue next week." in body
    for item in ("Central station: the deepest", "The city library's basement", "School No. 5 on the river bank"):
        assert item in body
    for caption in ("Smoke rises over the city centre", "Rescuers search a damaged", "A school hit by debris", "/AP"):
        assert caption not in body
    said = [s for s in record.cleaning if "beside a picture" in str(s.reason)]
    assert len(said) == 3, [str(s.reason) for s in record.cleaning]


def test_one_credited_line_in_a_row_stays_judged_as_an_item() -> None:
    # A lone credited line in a row of alike boxes is no gallery: a credit alone does not make
    # an item's line a caption (dragnet's pages keep their lead photo's caption as text).
    cards = (
        "<div class='r1'><div class='r2'><div><img src='/a.jpg'></div><div class='r3'>"
        f"{CAPTION} Photo: Ann Lee/Agency</div></div>"
        "<div class='r2'><div><img src='/b.jpg'></div><div class='r3'>The petrol plant's gate on Monday "
        "morning, before the soldiers arrived at the blockade.</div></div></div>"
    )
    body = clean_html(_page(_paragraphs(PARAGRAPHS[:1]) + cards + _paragraphs(PARAGRAPHS[1:])), url=URL).articleBody
    assert CAPTION in (body or "")
