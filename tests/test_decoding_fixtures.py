"""Bytes as pages arrive (issue 10, kind 8): each hand-written page in ``fixtures/bytes`` is
decoded as a browser shows it, and its article comes out."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsclean.cleaners import clean, clean_html, looks_like_html
from newsclean.cleaners.decoding import decode_html

BYTES = Path(__file__).resolve().parents[1] / "fixtures" / "bytes"
HEADLINE = "Harbour bridge reopens after repairs"
FIRST = "The Skåne harbour bridge reopened on Tuesday after eleven weeks of repairs, the city’s engineers said."
SECOND = "café owners on both banks welcomed the return of their customers."


def load(name: str) -> bytes:
    return (BYTES / name).read_bytes()


@pytest.mark.parametrize("name", sorted(p.name for p in BYTES.glob("*.html")))
def test_every_fixture_gives_its_article(name: str) -> None:
    article = clean(load(name))
    assert article.headline == HEADLINE
    body = article.articleBody or ""
    assert FIRST in body
    assert SECOND in body
    assert "<p>" not in body and "DOCTYPE" not in body


def test_bom_before_doctype_is_html() -> None:
    data = load("bom-before-doctype.html")
    assert looks_like_html(data)
    assert clean(data).articleBodyHtml is not None


def test_one_invalid_byte_is_replaced_not_refused() -> None:
    text = decode_html(load("one-invalid-byte.html"))
    assert "Traffic\ufffd was light" in text
    assert "Skåne" in text and "café" in text


def test_valid_utf8_wins_over_a_latin1_declaration() -> None:
    text = decode_html(load("latin1-declared-utf8-bytes.html"))
    assert "Skåne" in text and "city’s" in text
    assert "Ã" not in text
    assert "café" in decode_html(load("latin1-declared-utf8-bytes.html"), declared="iso-8859-1")


def test_a_real_latin1_page_is_still_latin1() -> None:
    data = '<meta charset="iso-8859-1"><p>Skåne café</p>'.encode("latin-1")
    assert "Skåne café" in decode_html(data)


def test_bogus_xml_encoding_is_ignored() -> None:
    assert "café" in clean_html(load("xml-prolog-bogus-encoding.html")).articleBody  # type: ignore[operator]


def test_utf16_declared_by_http_header() -> None:
    data = "<p>Skåne café</p>".encode("utf-16-le")
    assert "Skåne café" in decode_html(data, declared="utf-16-le")


def test_the_declared_charsets_are_read_only_for_bytes_that_are_not_utf8(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.cleaners import decoding

    class Unread:
        def search(self, head: bytes) -> None:
            raise AssertionError("the <meta charset> was searched for a page in valid UTF-8")

    monkeypatch.setattr(decoding, "_META_CHARSET", Unread())
    assert "Skåne café" in decode_html('<meta charset="iso-8859-1"><p>Skåne café</p>'.encode())
    with pytest.raises(AssertionError, match="meta charset"):
        decode_html('<meta charset="iso-8859-1"><p>Skåne café</p>'.encode("latin-1"))


def test_mostly_utf8_counts_the_letters_past_ascii_and_the_damaged_sequences() -> None:
    # UTF-8 with one damaged byte among many accented letters is UTF-8; one with more damage
    # than a 50th of its letters past ASCII, or with fewer than two such letters, is not.
    from newsclean.cleaners.decoding import _mostly_utf8

    assert _mostly_utf8("Skåne café über ".encode() * 30 + b"\xff")
    assert not _mostly_utf8("Skåne café ".encode() + b"\xff\xfe\xfd")
    assert not _mostly_utf8(b"plain text \xff" + "é".encode())
    assert _mostly_utf8("\ufffd is written ".encode() + "é and ü".encode())  # a real U+FFFD is no damage
