"""Site profiles against real pages: the record a crawl would give equals the publisher's truth.

Every profile in ``newsclean.spiders.sites`` that has real pages in ``../shared/data`` is tested
here (fundus publishers by their JSON, rt.com by its benchmark page), so a new profile is
tested the day its pages are listed in ``REAL_PAGES``.
"""

from __future__ import annotations

import gzip
import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from lxml.cssselect import CSSSelector
from newsclean.cleaners import clean_document
from newsclean.cleaners.html import extract_html
from newsclean.cleaners.normalize import normalize_body
from newsclean.spiders.sites import all_profiles, profile_for_url

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
FUNDUS = DATA / "fundus"

REAL_PAGES = {
    "krautreporter": ("de", "Krautreporter"),
    "ntv": ("de", "NTV"),
    "expressen": ("se", "Expressen"),
    "freiepresse": ("de", "FreiePresse"),
}
"""Profile name -> (country folder, fundus publisher) whose pages test it."""

AUTHORS_NOT_COMPARED = {
    "NTV_2024_08_05.html.gz": "fundus splits the byline 'Von Seb Dumitru, Lille' into two authors, the town too",
    "NTV_2025_12_12.html.gz": "the page names no author; its JSON-LD names the publisher, fundus gives none",
}
"""Pages whose fundus author list is not a truth to match, with the reason."""

PLAYER_AND_SHARE = re.compile(
    r"\b\d{1,2}:\d{2}\b|Artikel anhören|Lyssna på artikel|Hören|Teilen|Facebook|WhatsApp|"
    r"Link kopieren|Öppna bild|Lesekomfort|Audioversion",
)


def _fundus_cases() -> list[Any]:
    cases = []
    for name, (country, publisher) in REAL_PAGES.items():
        meta_file = FUNDUS / country / "meta.info"
        if not meta_file.is_file():
            cases.append(pytest.param(name, None, None, None, id=name))
            continue
        meta = json.loads(meta_file.read_text())
        expected = json.loads((FUNDUS / country / f"{publisher}.json").read_text())
        pages = sorted(k for k in meta if k.startswith(publisher + "_"))
        # The expected JSON is keyed by parser version (V1, V1_1, ...), one per page, in date order.
        for version, page in zip(expected, pages, strict=True):
            case = (meta[page]["url"], FUNDUS / country / page, expected[version])
            cases.append(pytest.param(name, *case, id=f"{name}-{page}"))
    return cases


def _record(url: str, path: Path) -> dict[str, Any]:
    html = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
    return clean_document(extract_html(html, url=url, site=profile_for_url(url))).to_dict()


def _squash(text: str) -> str:
    # Records are normalised (soft hyphens and zero-width marks removed): so is the expected text.
    return re.sub(r"\s+", "", normalize_body(text))


def _wall_clock(value: str) -> tuple[str, Any]:
    when = datetime.fromisoformat(value)
    return when.strftime("%Y-%m-%dT%H:%M:%S"), when.utcoffset()


@pytest.mark.parametrize(("name", "url", "page", "expected"), _fundus_cases())
def test_profile_gives_the_publishers_record(
    name: str, url: str | None, page: Path | None, expected: dict[str, Any]
) -> None:
    if url is None or page is None:
        pytest.skip("../shared/data/fundus is not present")
    assert profile_for_url(url) is all_profiles()[name]
    record = _record(url, page)
    assert record["headline"] == expected["title"]
    got_date, got_offset = _wall_clock(record["datePublished"])
    want_date, want_offset = _wall_clock(expected["publishing_date"])
    assert got_date == want_date
    if want_offset is not None:
        assert got_offset == want_offset
    if page.name not in AUTHORS_NOT_COMPARED:
        assert [a["name"] for a in record.get("authors", [])] == (expected.get("authors") or [])
    body = expected["body"]
    want = list(body["summary"])
    for section in body["sections"]:
        want += section["headline"] + section["paragraphs"]
    # Same text in the same order; fundus joins some lead bullets without a space, so
    # paragraph breaks and spaces are not compared.
    assert _squash(record["articleBody"]) == _squash("".join(want))
    # No player, time or share text, unless the publisher's own text has it (a score "85:71").
    truth = " ".join(want)
    for match in PLAYER_AND_SHARE.finditer(record["articleBody"]):
        assert match.group(0) in truth, match.group(0)


def test_rt_profile_on_the_real_2019_page() -> None:
    page = DATA / "rt" / "rt.com-news-473849-2019-11-20.html.gz"
    if not page.is_file():
        pytest.skip("../shared/data/rt is not present")
    expected = json.loads(page.with_name("rt.com-news-473849-2019-11-20.expected.json").read_text())
    record = _record(expected["url"], page)
    assert record["articleBody"] == expected["articleBody"]
    assert record["headline"].startswith("‘He died in my hands’")
    assert record["datePublished"] == "2019-11-20T05:47:00+00:00"
    assert "Also on rt.com" not in record["articleBody"]


def test_every_profile_is_declared_well() -> None:
    profiles = all_profiles()
    assert {"rt", *REAL_PAGES} <= set(profiles)
    for name, profile in profiles.items():
        assert profile.name == name
        assert profile.domains, name
        if profile.article_url:
            re.compile(profile.article_url)
        for selector in (
            profile.headline,
            profile.standfirst,
            profile.date,
            profile.authors,
            profile.body,
            *profile.boilerplate,
        ):
            if selector:
                CSSSelector(selector)  # raises on a selector lxml cannot run


@pytest.mark.parametrize(
    ("url", "site", "article"),
    [
        ("https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/", "rt", True),
        ("https://www.rt.com/shows/crosstalk/", "rt", False),
        (
            "https://krautreporter.de/politik-und-macht/5481-ich-wollte-dass-sie-mich-mogen-so-uberlebt-man",
            "krautreporter",
            True,
        ),
        ("https://krautreporter.de/politik-und-macht", "krautreporter", False),
        (
            "https://www.n-tv.de/politik/Trump-spricht-nach-Tanker-Stuermung-ueber-Bodeneinsaetze-id30134161.html",
            "ntv",
            True,
        ),
        ("https://www.n-tv.de/politik/", "ntv", False),
        ("https://www.expressen.se/nyheter/sverige/elever-atalas-for-misshandel-pa-lundsberg/", "expressen", True),
        ("https://www.expressen.se/nyheter/sverige/", "expressen", False),
        (
            "https://www.freiepresse.de/chemnitz/chemnitzer-hutfestival-wann-das-fest-steigt-artikel13351201",
            "freiepresse",
            True,
        ),
        ("https://www.freiepresse.de/chemnitz/", "freiepresse", False),
    ],
)
def test_article_url_patterns(url: str, site: str, article: bool) -> None:
    profile = profile_for_url(url)
    assert profile is not None and profile.name == site
    assert profile.is_article_url(url) is article
