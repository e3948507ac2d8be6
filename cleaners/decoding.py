"""Turning input bytes into text: a BOM, valid UTF-8, declared charsets, then detection.

Decoding never fails on text: bytes that do not fit the chosen encoding become U+FFFD, as
browsers show them. Only binary data (NUL bytes among many control bytes, without a UTF-16/32
BOM) raises :class:`DecodeError`.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable

from charset_normalizer import from_bytes
from newsclean.cleaners.errors import InputError

__all__ = ["DecodeError", "decode_html", "decode_html_utf8", "decode_text", "plain_utf8", "text_encoding"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_WEB_ENCODINGS = (
    "utf-8", "ibm866", "iso-8859-2", "iso-8859-3", "iso-8859-4", "iso-8859-5", "iso-8859-6",
    "iso-8859-7", "iso-8859-8", "iso-8859-10", "iso-8859-13", "iso-8859-14", "iso-8859-15",
    "iso-8859-16", "koi8-r", "koi8-u", "mac-roman", "mac-cyrillic", "cp874", "cp1250", "cp1251",
    "cp1252", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258", "gbk", "gb2312", "gb18030",
    "big5", "big5hkscs", "euc-jp", "iso-2022-jp", "shift_jis", "cp932", "euc-kr", "cp949", "latin-1",
    "ascii", "cp1125", "tis-620", "iso-8859-11", "cp437", "cp850", "cp852", "cp855", "cp866",
)  # fmt: skip
"""The text encodings a page may declare (the WHATWG Encoding Standard's, by Python codec name).
A declared name outside them (``zlib``, ``base64``, ``rot13``, ``utf-7``, ``punycode``) is ignored."""

_ACCEPTED = frozenset(codecs.lookup(name).name for name in _WEB_ENCODINGS)
_AS_WINDOWS_1252 = frozenset(codecs.lookup(name).name for name in ("latin-1", "ascii"))
_UTF16_32 = frozenset(codecs.lookup(name).name for name in ("utf-16", "utf-16-le", "utf-16-be", "utf-32"))


class DecodeError(InputError):
    """The input is binary data (NUL bytes), not text or HTML."""


def text_encoding(name: str | bytes | None) -> str | None:
    """The Python codec for a declared charset, or ``None`` when it names no web text encoding.

    As in browsers, ISO-8859-1 and ASCII read as windows-1252, and a UTF-16/32 label in a
    page's own markup (which, being readable, is not UTF-16) as UTF-8.
    """
    if not name:
        return None
    try:
        text = name.decode("ascii") if isinstance(name, bytes) else name
        codec = codecs.lookup(text.strip()).name
    except (LookupError, UnicodeDecodeError, UnicodeEncodeError):
        return None
    if codec in _AS_WINDOWS_1252:
        return "cp1252"
    if codec in _UTF16_32:
        return "utf-8"
    return codec if codec in _ACCEPTED else None


BINARY_LOOK = 4096
"""The bytes of an input looked at to tell binary data from text."""

_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b")
"""C0 control bytes that text does not use (tab, line breaks, form feed and ISO-2022's escape
aside)."""


def _looks_binary(data: bytes) -> bool:
    """Whether ``data`` is binary: a NUL byte among its first :data:`BINARY_LOOK` bytes, and
    control bytes making more than 1% of them (and more than two). Compressed data and pictures
    hold about one in ten; UTF-16 without a BOM holds a NUL every other byte; a page with a stray
    NUL or two that its CMS let through holds a few per thousand at most, and is text (browsers
    show it, the NUL read as a space)."""
    head = data[:BINARY_LOOK]
    if b"\x00" not in head:
        return False
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > max(2, len(head) // 100)


def _mostly_utf8(data: bytes) -> bool:
    """True for bytes that are UTF-8 with a few damaged sequences (a truncated or spliced page)."""
    sample = data[:262144]
    text = sample.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - sample.decode("utf-8", errors="ignore").count("\ufffd")
    # The characters past ASCII but the replacement character, counted in C (a generator over
    # the 256 KB took 10 ms a page).
    wide = len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")
    return wide >= 2 and bad <= max(1, wide // 50)


def _decode(data: bytes, candidates: list[str | None]) -> str:
    return _decode_utf8(data, lambda: candidates)[0]


def _decode_utf8(data: bytes, candidates: Callable[[], list[str | None]]) -> tuple[str, bool]:
    """:func:`_decode`, and whether the text is ``data`` read as valid UTF-8 (no BOM): then
    ``data`` is the text's UTF-8, which the parser can take without encoding it again.
    ``candidates`` gives the declared charsets, asked only when the bytes are not UTF-8 (the
    page's ``<meta charset>`` is searched for case-insensitively through its first 4 KB)."""
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return data.decode(bom_codec, errors="replace"), False
    if _looks_binary(data):
        raise DecodeError("binary data (NUL bytes), not text or HTML")
    try:
        # Valid UTF-8 with any byte over 0x7f is UTF-8, whatever the page declares: legacy
        # text is almost never valid UTF-8 by chance, mislabelled UTF-8 is common.
        return data.decode("utf-8"), True
    except UnicodeDecodeError:
        pass
    return _decode_legacy(data, candidates()), False


def _decode_legacy(data: bytes, candidates: list[str | None]) -> str:
    for name in candidates:
        if name and name != "utf-8":
            try:
                return data.decode(name)
            except UnicodeDecodeError:
                continue
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace")
    for name in candidates:
        if name == "utf-8":
            return data.decode("utf-8", errors="replace")
    best = from_bytes(data[:65536]).best()
    encoding = text_encoding(best.encoding) if best is not None else None
    declared = next((name for name in candidates if name), None)
    return data.decode(encoding or declared or "cp1252", errors="replace")


def _declared_wide(name: str) -> str | None:
    """The UTF-16/32 codec an HTTP header names (the one place such a label is believed)."""
    try:
        codec = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    return codec if codec in _UTF16_32 else None


def decode_html(data: bytes, *, declared: str | None = None) -> str:
    """Decode an HTML page: a BOM, then valid UTF-8, then the HTTP-declared charset, then
    ``<meta charset>`` or the XML prolog's encoding, then UTF-8 with a few damaged bytes, then
    detection. Bytes that do not fit become U+FFFD. A page that declares windows-1252's subset
    ISO-8859-1 is read as windows-1252, as browsers do."""
    return decode_html_utf8(data, declared=declared)[0]


def decode_html_utf8(data: bytes, *, declared: str | None = None) -> tuple[str, bool]:
    """:func:`decode_html`, and whether the text is ``data`` read as valid UTF-8 as it is
    (then ``data`` is the text's UTF-8)."""
    if declared and _looks_binary(data) and not data.startswith(tuple(bom for bom, _ in _BOMS)):
        with_nul = _declared_wide(declared)
        if with_nul:
            return data.decode(with_nul, errors="replace"), False

    def candidates() -> list[str | None]:
        head = data[:4096]
        meta = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
        return [text_encoding(declared), text_encoding(meta.group(1)) if meta else None]

    return _decode_utf8(data, candidates)


_BOM_STARTS = tuple(bom for bom, _ in _BOMS)

UTF8_CHUNK = 1 << 13
"""Bytes checked at a time by :func:`plain_utf8`: a chunk's text is small enough to stay in the
processor's cache (the whole text of a 2 MB page is up to 8 MB)."""

_UTF8 = codecs.getincrementaldecoder("utf-8")


def plain_utf8(data: bytes) -> bool:
    """Whether :func:`decode_html_utf8` reads ``data`` as valid UTF-8 as it is (no BOM, not
    binary, every byte in place): then the text is ``data.decode("utf-8")``. Checked a chunk at
    a time, without building the page's text (a caller that needs it only sometimes decodes it
    then)."""
    if data.startswith(_BOM_STARTS) or _looks_binary(data):
        return False
    if data.isascii():
        return True
    decoder = _UTF8("strict")
    view = memoryview(data)
    try:
        for at in range(0, len(data), UTF8_CHUNK):
            decoder.decode(view[at : at + UTF8_CHUNK])
        decoder.decode(b"", True)
    except UnicodeDecodeError:
        return False
    return True


def decode_text(data: bytes) -> str:
    """Decode a plain-text dump: a BOM, UTF-8, then detection; bytes that do not fit become U+FFFD."""
    return _decode(data, [])
