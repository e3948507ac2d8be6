"""Dates in the site's language: visible date lines, relative times, dateparser as the fallback."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from newsclean.cleaners import clean_html, clean_text
from newsclean.cleaners.dates import looks_like_date, normalize_date

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.quality import _same_day, fundus_pages  # noqa: E402

REF = datetime(2024, 3, 5, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("raw", "language", "expected"),
    [
        ("Veröffentlicht am 13. Mai 2026 um 15:44", "de", "2026-05-13T15:44:00"),
        ("erstellt: 01. April 2025, 15:25", "de", "2025-04-01T15:25:00"),
        ("Do 25.04.24 | 14:07 Uhr", "de", "2024-04-25T14:07:00"),
        ("Le 3 avril 2024 à 14h30", "fr", "2024-04-03T14:30:00"),
        ("martes, 5 de marzo de 2024", "es", "2024-03-05T00:00:00"),
        ("12 марта 2024 г.", "ru", "2024-03-12T00:00:00"),
        ("2024年3月5日 14:30", "zh", "2024-03-05T14:30:00"),
        ("2024年3月5日 14時30分", "ja", "2024-03-05T14:30:00"),
        ("vor 3 Stunden", "de", "2024-03-05T09:00:00+00:00"),
        ("il y a 2 jours", "fr", "2024-03-03T12:00:00+00:00"),
        ("hace 2 horas", "es", "2024-03-05T10:00:00+00:00"),
        ("2 часа назад", "ru", "2024-03-05T10:00:00+00:00"),
        ("3小时前", "zh", "2024-03-05T09:00:00+00:00"),
        ("3 hours ago", "en", "2024-03-05T09:00:00+00:00"),
        # dateparser, after the fast path, with the page's language as the hint
        ("mercredi 6 mars 2024", "fr", "2024-03-06T00:00:00"),
        ("6 mars 2024 kl. 14.30", "sv", "2024-03-06T14:30:00"),
        # English stays on the fast path
        ("14 Feb, 2024 10:08", "en", "2024-02-14T10:08:00"),
        ("2019-11-20T05:47:00+00:00", None, "2019-11-20T05:47:00+00:00"),
        ("not a date at all", "en", None),
    ],
)
def test_normalize_date_in_the_sites_language(raw: str, language: str | None, expected: str | None) -> None:
    assert normalize_date(raw, language=language, reference=REF) == expected


def test_a_zone_applies_to_a_local_date() -> None:
    assert normalize_date("13. Mai 2026 um 15:44", timezone="Europe/Berlin") == "2026-05-13T15:44:00+02:00"


def test_visible_german_date_line_keeps_its_raw_text() -> None:
    html = (
        "<html lang='de'><head><title>Ein Titel</title></head><body><article><h1>Der Titel des Artikels</h1>"
        "<div class='meta'><span class='meta_date'>Veröffentlicht am 13. Mai 2026 um 15:44</span></div>"
        + "<p>Der Stadtrat hat am Dienstag beschlossen, die Straßenbahnlinie bis zum Hafen zu verlängern.</p>" * 3
        + "</article></body></html>"
    )
    article = clean_html(html, url="https://zeitung.example.de/a")
    assert article.datePublishedRaw == "Veröffentlicht am 13. Mai 2026 um 15:44"
    assert article.datePublished == "2026-05-13T15:44:00"


def test_date_lines_in_a_text_dump_leave_the_body() -> None:
    dump = "Le titre de l'article\nPublié le 3 avril 2024 à 14h30\n" + (
        "Le conseil municipal a voté mardi pour prolonger la ligne de tramway jusqu'au port, a-t-on appris.\n" * 3
    )
    article = clean_text(dump)
    assert article.datePublishedRaw == "Publié le 3 avril 2024 à 14h30"
    assert article.datePublished == "2024-04-03T14:30:00"
    assert "Publié" not in (article.articleBody or "")


@pytest.mark.parametrize("line", ["Am 13. Mai 2026 um 15:44 begann die Sitzung des Rates.", "Mai 2026", "13 Mai"])
def test_sentences_and_partial_dates_are_not_date_lines(line: str) -> None:
    assert not looks_like_date(line)


def test_fundus_right_days_rise_and_none_falls(shared_data: Path) -> None:
    """Over the 258 fundus pages the publication day is right on at least 253 (251 before
    dates in the site's language were read); and wherever the English-only parse of the same
    raw text was on the right day, the new one is too."""
    from newsclean.cleaners.dates import _english

    right = total = 0
    for page in fundus_pages(shared_data / "fundus", None):
        record = clean_html(page.html, url=page.url)
        want = page.truth.get("publishing_date")
        total += 1
        right += _same_day(record.datePublished, want)
        if record.datePublishedRaw:
            old = _english(record.datePublishedRaw)
            if old is not None and old.year > 1900 and _same_day(old.isoformat(), want):
                assert _same_day(record.datePublished, want), (page.name, record.datePublishedRaw)
    assert total == 258
    assert right >= 253


_RELATIVE_PAGE = (
    "<html lang='de'><head><title>Ein Titel</title></head><body><article><h1>Der Titel des Artikels</h1>"
    "<p class='date'>{when}</p>"
    + "<p>Der Stadtrat hat am Dienstag beschlossen, die Straßenbahnlinie bis zum Hafen zu verlängern.</p>" * 3
    + "</article></body></html>"
)


@pytest.mark.parametrize(
    ("printed", "fetched_at", "expected"),
    [
        ("vor 3 Stunden", "2024-03-05T12:00:00Z", "2024-03-05T09:00:00+00:00"),
        ("il y a 2 jours", "Tue, 05 Mar 2024 12:00:00 GMT", "2024-03-03T12:00:00+00:00"),  # an HTTP Date header
        ("2 hours ago", datetime(2024, 3, 5, 12, 0, tzinfo=UTC), "2024-03-05T10:00:00+00:00"),
        ("hace 2 horas", "2024-03-05T12:00:00+01:00", "2024-03-05T10:00:00+01:00"),
    ],
)
def test_relative_dates_count_back_from_the_fetch_time(printed: str, fetched_at: object, expected: str) -> None:
    page = _RELATIVE_PAGE.format(when=printed)
    first = clean_html(page, url="https://zeitung.example.de/a", fetched_at=fetched_at)  # type: ignore[arg-type]
    assert (first.datePublishedRaw, first.datePublished) == (printed, expected)
    again = clean_html(page, url="https://zeitung.example.de/a", fetched_at=fetched_at)  # type: ignore[arg-type]
    assert again.datePublished == first.datePublished  # the same page cleaned later: the same date
    assert printed not in (first.articleBody or "")


def test_a_relative_time_line_in_a_text_dump_dates_the_article() -> None:
    dump = "Der Titel des Artikels\nvor 3 Stunden\n" + (
        "Der Stadtrat hat am Dienstag beschlossen, die Straßenbahnlinie bis zum Hafen zu verlängern.\n" * 3
    )
    article = clean_text(dump, fetched_at="2024-03-05T12:00:00Z")
    assert (article.datePublishedRaw, article.datePublished) == ("vor 3 Stunden", "2024-03-05T09:00:00+00:00")
    step = next(s for s in article.cleaning if s.field == "datePublishedRaw")
    assert step.cleaner == "timestamps" and "fetch time" in step.reason


def test_a_crawl_counts_relative_dates_back_from_the_servers_date() -> None:
    """The spider keeps the response's Date header; the clean and normalise stages count back
    from it, not from the moment the pipelines run."""
    import asyncio

    from newsclean.pipelines.clean import CleanPipeline
    from newsclean.pipelines.normalize import NormalizePipeline
    from newsclean.spiders.spiders.news import NewsSpider
    from scrapy import Request
    from scrapy.http import HtmlResponse
    from scrapy.utils.test import get_crawler

    url = "https://zeitung.example.de/politik/stadtrat-beschliesst-verlaengerung"
    crawler = get_crawler(NewsSpider)
    spider = NewsSpider.from_crawler(crawler, start="https://zeitung.example.de/")
    response = HtmlResponse(
        url, body=_RELATIVE_PAGE.format(when="vor 3 Stunden").encode(), encoding="utf-8",
        headers={"Date": "Tue, 05 Mar 2024 12:00:00 GMT"}, request=Request(url),
    )
    (item,) = list(spider.parse_article(response))
    assert item["fetch"]["date"] == "2024-03-05T12:00:00+00:00"
    assert item["dateDownloaded"] > "2025"  # fetched now; the page's own clock says 2024
    record = asyncio.run(CleanPipeline.from_crawler(crawler).process_item(item))
    record = asyncio.run(NormalizePipeline.from_crawler(crawler).process_item(record))
    assert (record["datePublishedRaw"], record["datePublished"]) == ("vor 3 Stunden", "2024-03-05T09:00:00+00:00")


def test_newsclean_clean_fetched_at_dates_a_saved_page(tmp_path: Path) -> None:
    import json
    import subprocess

    page = tmp_path / "saved.html"
    page.write_text(_RELATIVE_PAGE.format(when="vor 3 Stunden"), encoding="utf-8")
    cli = [sys.executable, "-m", "newsclean.spiders.cli", "clean", str(page)]
    done = subprocess.run([*cli, "--fetched-at", "Tue, 05 Mar 2024 12:00:00 GMT"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert (record["datePublishedRaw"], record["datePublished"]) == ("vor 3 Stunden", "2024-03-05T09:00:00+00:00")
    bad = subprocess.run([*cli, "--fetched-at", "last tuesday"], capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.strip() == "newsclean clean: --fetched-at: 'last tuesday' is not an ISO 8601 or HTTP date"


def _junk(length: int, seed: int) -> str:
    import random
    import string

    rng = random.Random(seed)
    return "".join(rng.choice(string.ascii_letters + string.digits + " .,:-/") for _ in range(length))


def test_dateparser_is_asked_only_about_short_date_like_text(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.cleaners import dates

    asked: list[str] = []
    real = dates._dateparser

    def spy(text: str, language: str | None, reference: datetime) -> datetime | None:
        asked.append(text)
        return real(text, language, reference)

    monkeypatch.setattr(dates, "_dateparser", spy)
    assert normalize_date(_junk(500, 1), reference=REF) is None
    assert normalize_date(_junk(500, 2), language="de", reference=REF) is None
    assert normalize_date("no digits in this line at all", reference=REF) is None
    assert asked == []
    assert (normalize_date("gestern", language="de", reference=REF) or "").startswith("2024-03-04")
    assert asked == ["gestern"]


def test_junk_text_is_no_date_in_bounded_time() -> None:
    import signal

    def alarm(signum: int, frame: object) -> None:
        raise TimeoutError

    # 500 characters of junk took 5 s each in dateparser (every language tried); now none reaches it.
    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, 20.0)
    try:
        for seed in range(20):
            assert normalize_date(_junk(500, seed), reference=REF) is None
            assert normalize_date(_junk(500, seed), language="de", reference=REF) is None
    except TimeoutError:
        pytest.fail("40 junk texts took over 20 s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.mark.parametrize(
    ("line", "is_date"),
    [
        ("Veröffentlicht am 13. Mai 2026 um 15:44", True),
        ("February 14, 2024", True),
        ("2024年3月5日 14:30", True),
        ("١٤.٠٢.٢٠٢٤", True),  # Arabic-Indic digits are digits to both patterns and the gate
        ("Published on Tuesday", False),
        ("Mittwoch, Mai", False),
        ("Posted on July 18th", False),
    ],
)
def test_a_line_without_a_digit_is_never_a_date_line_and_date_lines_in_any_digits_are(line: str, is_date: bool) -> None:
    # ``looks_like_date`` asks for a digit before its two patterns: every date form holds one.
    assert looks_like_date(line) is is_date
