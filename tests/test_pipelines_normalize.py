"""Normalise stage: the text, dates, URLs, authors and language a consumer reads."""

from __future__ import annotations

import asyncio
import unicodedata
from datetime import datetime

import pytest
from newsclean.cleaners.normalize import body_fingerprint, normalize_body, normalize_record, split_authors
from newsclean.cleaners.urls import canonical_url
from newsclean.pipelines.normalize import NormalizePipeline
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

BODY = (
    "A media report suggesting that Russian President Vladimir Putin reached out to the US with an offer "
    "to freeze the Ukraine conflict is false, Kremlin press secretary Dmitry Peskov has said."
)


def record(**fields: object) -> dict[str, object]:
    return {"url": "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/", "cleaning": [], **fields}


def run(item: dict[str, object], **settings: object) -> dict[str, object]:
    pipeline = NormalizePipeline.from_crawler(get_crawler(settings_dict=settings))
    return asyncio.run(pipeline.process_item(item))  # type: ignore[no-any-return]


def test_mojibake_is_repaired_and_text_is_nfc() -> None:
    broken = BODY.replace("Kremlin", "Kremlinâ€™s").encode().decode() + " CafÃ© owners said â€œnoâ€\x9d."
    out = normalize_record(record(headline="The Kremlinâ€™s answer", articleBody=broken))
    assert out["headline"] == "The Kremlin’s answer"
    assert "Kremlin’s press secretary" in out["articleBody"]
    assert out["articleBody"].endswith("Café owners said “no”.")
    decomposed = normalize_record(record(articleBody="Cafe\u0301 " + BODY))
    assert decomposed["articleBody"].startswith("Café ")
    assert unicodedata.is_normalized("NFC", decomposed["articleBody"])


def test_mixed_line_breaks_become_one_blank_line_between_paragraphs() -> None:
    raw = "First paragraph.\r\n\r\n\r\nSecond\u00a0 paragraph,\rsame paragraph.\n \n\t\nThird.\u2029Fourth\u200b."
    assert normalize_body(raw) == "First paragraph.\n\nSecond paragraph,\nsame paragraph.\n\nThird.\n\nFourth."


@pytest.mark.parametrize(
    ("credit", "names"),
    [
        ("By Jane Roe and John Doe", ["Jane Roe", "John Doe"]),
        ("Ann Lee, Bo Chan & Cy Diaz", ["Ann Lee", "Bo Chan", "Cy Diaz"]),
        ("  by  Maria   Lopez  ", ["Maria Lopez"]),
        ("Reporting by Tom Hale; Editing by Sue Park", ["Tom Hale", "Sue Park"]),
        ("Roe, Jane", ["Roe, Jane"]),  # surname first: one person, not two
        ("Byron Smith", ["Byron Smith"]),  # "By" only as a word
    ],
)
def test_authors_are_split_and_trimmed(credit: str, names: list[str]) -> None:
    assert [a["name"] for a in split_authors([{"name": credit}])] == names


def test_author_url_stays_with_the_first_name_and_repeats_go() -> None:
    out = split_authors([{"name": "By A. Writer and B. Writer", "url": "https://ex.com/a"}, {"name": "a. writer"}])
    assert out == [{"name": "A. Writer", "url": "https://ex.com/a"}, {"name": "B. Writer"}]


def test_tracking_parameters_and_fragment_are_dropped_from_the_canonical_url() -> None:
    url = "HTTPS://WWW.RT.com:443/news/640733-x/?utm_source=rss&utm_medium=rss&id=7&fbclid=IwAR0&gclid=1#comments"
    assert canonical_url(url) == "https://www.rt.com/news/640733-x/?id=7"
    out = normalize_record(record(url=url, articleBody=BODY))
    assert out["canonicalUrl"] == "https://www.rt.com/news/640733-x/?id=7"
    assert out["url"] == url  # the URL fetched is kept as it was


def test_page_canonical_link_is_used_when_on_the_same_site_only() -> None:
    same = normalize_record(record(canonicalUrl="/russia/592418-kremlin-denies-talks-freezing/?utm_campaign=RSS"))
    assert same["canonicalUrl"] == "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/"
    syndicated = normalize_record(record(canonicalUrl="https://other.example/original-story"))
    assert syndicated["canonicalUrl"] == "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/"


def test_extra_tracking_parameters_from_settings() -> None:
    out = run(record(url="https://ex.com/a?src=feed&page=2&partner_x=1"),
              NEWSCLEAN_TRACKING_PARAMETERS=["src", "partner_*"])
    assert out["canonicalUrl"] == "https://ex.com/a?page=2"


def test_dates_get_the_site_zone_and_keep_their_raw_text() -> None:
    out = run(record(site="rt", datePublishedRaw="14 Feb, 2024 10:08", dateModifiedRaw="Updated: 15 Feb, 2024 09:00"))
    assert out["datePublished"] == "2024-02-14T10:08:00+00:00"
    assert out["datePublishedRaw"] == "14 Feb, 2024 10:08"
    assert out["dateModified"] == "2024-02-15T09:00:00+00:00"


def test_printed_offset_wins_and_default_zone_applies_to_unknown_sites() -> None:
    unknown = {"url": "https://zeitung.example/a", "cleaning": []}
    out = run({**unknown, "datePublishedRaw": "2024-03-31T12:00:00"}, NEWSCLEAN_DEFAULT_TIMEZONE="Europe/Berlin")
    assert out["datePublished"] == "2024-03-31T12:00:00+02:00"  # summer time applied
    out = run({**unknown, "datePublishedRaw": "2024-01-05 08:00 -0500"}, NEWSCLEAN_DEFAULT_TIMEZONE="Europe/Berlin")
    assert out["datePublished"] == "2024-01-05T08:00:00-05:00"
    bare = run({**unknown, "datePublishedRaw": "5 January 2024 08:00"})
    assert bare["datePublished"] == "2024-01-05T08:00:00"  # no zone known: no offset invented


def test_normalised_date_alone_becomes_the_raw_text_too() -> None:
    out = normalize_record(record(datePublished="2024-02-14T10:08:00.123+00:00"))
    assert out["datePublishedRaw"] == "2024-02-14T10:08:00.123+00:00"
    assert out["datePublished"] == "2024-02-14T10:08:00+00:00"


def test_unknown_default_timezone_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="NEWSCLEAN_DEFAULT_TIMEZONE: unknown time zone 'Mars/Base'"):
        NormalizePipeline.from_crawler(get_crawler(settings_dict={"NEWSCLEAN_DEFAULT_TIMEZONE": "Mars/Base"}))


def test_language_is_detected_only_when_missing_and_tags_are_bcp47() -> None:
    german = "Der Kreml hat Berichte über Gespräche mit den Vereinigten Staaten am Montag in Moskau dementiert."
    assert normalize_record(record(articleBody=german))["inLanguage"] == "de"
    assert normalize_record(record(articleBody=german, inLanguage="en_us"))["inLanguage"] == "en-US"
    assert "inLanguage" not in normalize_record(record(articleBody="Too short."))


def test_word_count_fingerprint_and_download_time() -> None:
    out = normalize_record(record(articleBody=BODY + "\n\n東京都", dateDownloaded="2024-02-16T01:00:00+01:00"))
    assert out["wordCount"] == len(BODY.split()) + 3
    assert out["fingerprint"] == body_fingerprint(out["articleBody"])
    assert out["dateDownloaded"] == "2024-02-16T00:00:00+00:00"
    assert normalize_record(record(articleBody=BODY.upper()))["fingerprint"] == normalize_record(
        record(articleBody=BODY))["fingerprint"]
    assert normalize_record(record(articleBody=BODY + " Extra."))["fingerprint"] != normalize_record(
        record(articleBody=BODY))["fingerprint"]
    assert "dateDownloaded" not in normalize_record(record(articleBody=BODY))  # a file was never downloaded
    fresh = run(record(articleBody=BODY))  # a crawled page was: now, unless the spider said when
    assert datetime.fromisoformat(str(fresh["dateDownloaded"])).utcoffset() is not None


def test_other_items_pass_and_the_stage_can_be_turned_off() -> None:
    assert run({"something": "else"}) == {"something": "else"}
    with pytest.raises(NotConfigured):
        NormalizePipeline.from_crawler(get_crawler(settings_dict={"NEWSCLEAN_NORMALIZE": False}))


def test_values_of_the_wrong_type_are_left_for_validation_to_report() -> None:
    from newsclean.cleaners.validate import problems

    weird = {"url": 42, "headline": 7, "authors": "Jane Roe", "tags": "news", "datePublished": 20240214,
             "site": ["rt"], "inLanguage": 1, "articleBody": BODY, "cleaning": []}
    out = run(weird)
    assert (out["url"], out["headline"], out["authors"], out["tags"], out["datePublished"]) == (
        42, 7, "Jane Roe", "news", 20240214)
    where = {str(p).split(":")[1].strip() for p in problems(out) if p.code == "schema"}
    assert where == {"url", "headline", "authors", "tags", "datePublished", "site", "inLanguage"}


# -- ftfy only when the text needs it ------------------------------------------------------------

_FTFY_ALPHABET = "abcÃÂ â€™Ã©Ã¨ Â é e\u0301 A\u0303 ﬁ \x85\x93\x00\x1b[31m\r\n\u2028\u2029\ufeff\u00adœ!Œ.Г©ВЂ"


def _fixed_by_ftfy(text: str) -> str:
    """What ``_fix`` returned before it learned to skip ftfy: ftfy on every text."""
    import ftfy
    from newsclean.cleaners.normalize import _FIXER, _INVISIBLE

    text = text.replace("\u2029", "\n\n").replace("\r\n", "\n").replace("\r", "\n")
    return _INVISIBLE.sub("", ftfy.fix_text(text, _FIXER))


@pytest.mark.parametrize(
    "text",
    ["plain ASCII", "naÃ¯ve cafÃ©", "Ã las", "first\nÃ la", "Â new", "A\u0303 composed", "e\u0301", "ﬁne",
     "a\x85b", "\x1b[31mred", "a\u2028b", "café\x00", "“quoted” — dash", "Ã\xa0", "line\r\nbreak"],
)
def test_fix_skips_ftfy_only_when_ftfy_would_change_nothing_but_nfc(text: str) -> None:
    from newsclean.cleaners.normalize import _fix

    assert _fix(text) == _fixed_by_ftfy(text)


def test_fix_matches_ftfy_on_random_text() -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from newsclean.cleaners.normalize import _fix

    @settings(max_examples=400, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list(_FTFY_ALPHABET)) | st.characters(), max_size=40))
    def same(text: str) -> None:
        assert _fix(text) == _fixed_by_ftfy(text)

    same()


def test_mojibake_check_around_marks_agrees_with_ftfy() -> None:
    from ftfy.badness import is_bad
    from hypothesis import given, settings
    from hypothesis import strategies as st
    from newsclean.cleaners.normalize import _MOJIBAKE_MARKS, _looks_like_mojibake

    assert _MOJIBAKE_MARKS is not None  # derived from ftfy's pattern: the shortcut is on

    @settings(max_examples=600, deadline=None)
    @given(st.text(alphabet=st.sampled_from(list(_FTFY_ALPHABET + "ÃÂ€œ™¡ ")), max_size=60))
    def same(text: str) -> None:
        assert _looks_like_mojibake(text) == is_bad(text)

    same()


RT_PAGE = """<html><head><title>Kremlin denies talks</title>
<meta property="article:published_time" content="2023-12-24 10:15">
<meta property="og:title" content="Kremlin denies offering talks on freezing Ukraine conflict"></head>
<body><article><h1>Kremlin denies offering talks on freezing Ukraine conflict</h1>
<p>{body}</p><p>{body} Peskov told reporters on Sunday, calling the report fiction.</p>
<p>Share this story!</p></article></body></html>"""


def test_a_crawled_record_is_normalised_once_and_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.cleaners import normalize as library
    from newsclean.pipelines import normalize as stage
    from newsclean.pipelines.clean import CleanPipeline

    calls: list[str] = []
    real = library.normalize_record

    def counted(record: dict[str, object], **kwargs: object) -> dict[str, object]:
        calls.append(str(record.get("url")))
        return real(record, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(library, "normalize_record", counted)
    monkeypatch.setattr(stage, "normalize_record", counted)
    crawler = get_crawler(settings_dict={"NEWSCLEAN_TRACKING_PARAMETERS": ["ref"]})
    clean, normalise = CleanPipeline.from_crawler(crawler), NormalizePipeline.from_crawler(crawler)
    url = "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/?utm_source=x&ref=feed"
    item = {"url": url, "html": RT_PAGE.format(body=BODY), "dateDownloaded": "2024-02-16T01:00:00+01:00"}
    cleaned = asyncio.run(clean.process_item(item))
    assert calls == [url]  # the record path normalises every record it builds
    out = asyncio.run(normalise.process_item(cleaned))
    assert calls == [url]  # ... and the stage does not do it again
    # The same record as when the stage normalised it a second time.
    zone = stage._site_timezone(cleaned, None)  # rt.com's profile: its pages print GMT
    again = real(dict(cleaned, dateDownloaded="2024-02-16T00:00:00+00:00"), timezone=zone, tracking=normalise.tracking)
    assert out == again and list(out) == list(again)
    assert out["dateDownloaded"] == "2024-02-16T00:00:00+00:00" and out["datePublished"] == "2023-12-24T10:15:00+00:00"
    assert out["canonicalUrl"] == "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/"
    assert crawler.stats is not None and crawler.stats.get_value("newsclean/normalize/records") == 1

    # A record another stage copied, or one normalised with another zone, is normalised here.
    asyncio.run(normalise.process_item(dict(cleaned)))
    assert len(calls) == 2
    other = stage.NormalizedRecord(cleaned, timezone="Europe/Berlin", tracking=normalise.tracking)
    asyncio.run(normalise.process_item(other))
    assert len(calls) == 3
