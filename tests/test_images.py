"""Article images: figures, OpenGraph and JSON-LD -> mainImage and images with captions and credits."""

from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

import pytest
from newsclean.cleaners import Image, clean_html
from newsclean.cleaners.images import same_image, split_credit

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.quality import fundus_pages, image_scores  # noqa: E402

PROSE = "<p>The council voted on Tuesday to extend the tram line to the harbour, officials said.</p>"


def _page(head: str, article: str) -> str:
    return (
        f"<html><head>{head}</head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>Tram line extended</h1>{article}</article>"
        "<aside><figure><img src='/teaser.jpg' width='300' height='200'><figcaption>Other story</figcaption>"
        "</figure></aside></body></html>"
    )


def test_figures_give_images_with_caption_credit_and_size() -> None:
    html = _page(
        '<meta property="og:image" content="https://cdn.example.com/img/tram-depot-opening-1200x630.jpg">',
        PROSE
        * 2
        + "<figure><img src='/img/tram-depot-opening-800x450.jpg' srcset='/img/tram-depot-opening-400x225.jpg 400w, "
        "/img/tram-depot-opening-1600x900.jpg 1600w'"
        " width='800' height='450'><figcaption>The new tram at the depot. <span class='credit'>Foto: Max Muster/dpa"
        "</span></figcaption></figure>"
        + PROSE
        + "<figure><img data-src='/img/harbour.jpg' src='data:image/gif;base64,R0l'>"
        "<figcaption>The harbour stop. Photo: City of Example</figcaption></figure>" + PROSE,
    )
    article = clean_html(html, url="https://news.example.com/2024/tram")
    assert article.images == [
        Image(
            url="https://news.example.com/img/tram-depot-opening-1600x900.jpg",
            caption="The new tram at the depot.",
            credit="Max Muster/dpa",
            width=1600,
            height=900,
        ),
        Image(url="https://news.example.com/img/harbour.jpg", caption="The harbour stop.", credit="City of Example"),
    ]
    # og:image is the same picture as the first figure: it takes the figure's caption and credit.
    assert article.mainImage == Image(
        url="https://cdn.example.com/img/tram-depot-opening-1200x630.jpg",
        caption="The new tram at the depot.",
        credit="Max Muster/dpa",
    )
    # Captions and credits leave the body; the teaser's figure in the aside is not the article's.
    assert "depot" not in (article.articleBody or "") and "dpa" not in (article.articleBody or "")
    assert all("teaser" not in i.url for i in article.images)


def test_jsonld_image_object_gives_size_caption_and_credit() -> None:
    obj = {
        "@type": "NewsArticle",
        "headline": "Tram line extended",
        "image": {
            "@type": "ImageObject",
            "url": "https://cdn.example.com/a.jpg",
            "width": 1200,
            "height": "675",
            "caption": "The tram",
            "creditText": "Reuters",
        },
    }
    html = _page(f'<script type="application/ld+json">{json.dumps(obj)}</script>', PROSE * 3)
    article = clean_html(html, url="https://news.example.com/t")
    expected = Image(url="https://cdn.example.com/a.jpg", caption="The tram", credit="Reuters", width=1200, height=675)
    assert article.mainImage == expected
    assert article.images == [expected]
    assert article.to_dict()["mainImage"] == {
        "url": "https://cdn.example.com/a.jpg",
        "caption": "The tram",
        "credit": "Reuters",
        "width": 1200,
        "height": 675,
    }


def test_a_caption_holder_outside_figure_and_tiny_images() -> None:
    html = _page(
        "",
        PROSE + "<div class='image'><img src='/p/42.jpg' width='640' height='360'>"
        "<div class='image-caption'><span class='caption-text'>Riders at dawn</span> <span class='source'>AFP</span>"
        "</div></div><img src='/pixel.gif' width='1' height='1'>" + PROSE * 2,
    )
    article = clean_html(html, url="https://news.example.com/t")
    assert article.images == [
        Image(url="https://news.example.com/p/42.jpg", caption="Riders at dawn", credit="AFP", width=640, height=360)
    ]
    assert article.mainImage == article.images[0]


@pytest.mark.parametrize(
    ("caption", "expected"),
    [
        ("Der Bahnhof am Montag. Foto: Max Muster/dpa", ("Der Bahnhof am Montag.", "Max Muster/dpa")),
        ("Crowds in the square (Photo: Reuters)", ("Crowds in the square", "Reuters")),
        ("La place © AFP", ("La place", "AFP")),
        ("A caption about photos of cats in the city", ("A caption about photos of cats in the city", "")),
    ],
)
def test_credit_at_the_end_of_a_caption(caption: str, expected: tuple[str, str]) -> None:
    assert split_credit(caption) == expected


def test_same_image_across_sizes() -> None:
    assert same_image("https://a.com/img/242244962/242244962_1714_v4_3_800.jpeg", "https://b.com/242244962/x.webp")
    assert same_image("https://a.com/i/harbour-photo-1200x630.jpg", "https://a.com/i/harbour-photo-800x450.jpg")
    assert not same_image("https://a.com/w_1600,c_limit/one-picture.jpg", "https://a.com/w_1600,c_limit/other-one.jpg")


def test_fundus_pages_images_captions_and_credits(shared_data: Path) -> None:
    """Over all fundus pages: the main image is the page's cover picture, and the captions and
    credits the publishers print are found on the images (floors below the measured 0.752,
    0.708, 0.591)."""
    totals = [0] * 6
    captions = in_body = 0
    for page in fundus_pages(shared_data / "fundus", None):
        record = clean_html(page.html, url=page.url)
        found = [dataclasses.asdict(i) for i in record.images]
        for k, v in enumerate(
            image_scores(record.mainImage.url if record.mainImage else None, found, page.truth.get("images") or [])
        ):
            totals[k] += v
        for image in record.images:
            assert image.url.startswith("http"), (page.name, image.url)
            if image.caption:
                captions += 1
                in_body += image.caption in (record.articleBody or "")
    # A caption is in the body only when the page prints the same words as text too (42 of 477
    # when measured: a caption and its credit run together in one block, or a standfirst
    # that JSON-LD also gives as the picture's caption).
    assert in_body <= 0.1 * captions, (in_body, captions)
    assert totals[1] > 150 and totals[3] > 400
    assert totals[0] / totals[1] >= 0.72
    assert totals[2] / totals[3] >= 0.68
    assert totals[4] / totals[5] >= 0.56
