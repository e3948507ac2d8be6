"""Turning input bytes into text: declared charsets first, then detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

__all__ = ["DecodeError", "decode_html", "decode_text"]

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class DecodeError(ValueError):
    """The input is binary or in no encoding that could be recognised."""


def _known(name: str) -> str | None:
    try:
        return codecs.lookup(name.decode("ascii") if isinstance(name, bytes) else name).name
    except (LookupError, UnicodeDecodeError):
        return None


def _looks_binary(data: bytes) -> bool:
    sample = data[:4096]
    return b"\x00" in sample and not sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _decode(data: bytes, candidates: list[str | None]) -> str:
    for bom, bom_codec in _BOMS:
        if data.startswith(bom):
            return data.decode(bom_codec)
    if _looks_binary(data):
        raise DecodeError("binary data (NUL bytes), not text or HTML")
    for name in candidates:
        if not name:
            continue
        try:
            return data.decode(name)
        except UnicodeDecodeError:
            continue
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:65536]).best()
    if best is None or best.encoding is None:
        raise DecodeError("undecodable: no text encoding fits these bytes")
    try:
        return data.decode(best.encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"undecodable as {best.encoding}: {exc.reason}") from exc


def decode_html(data: bytes, *, declared: str | None = None) -> str:
    """Decode an HTML page: BOM, then the HTTP-declared charset, then ``<meta charset>``,
    then UTF-8, then detection. A page that declares windows-1252's subset
    ISO-8859-1 is read as windows-1252, as browsers do."""
    head = data[:4096]
    meta = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    names = [_known(declared) if declared else None, _known(meta.group(1).decode("ascii")) if meta else None]
    names = ["cp1252" if n in ("iso8859-1", "ascii") else n for n in names]
    return _decode(data, names)


def decode_text(data: bytes) -> str:
    """Decode a plain-text dump: BOM, UTF-8, then detection."""
    return _decode(data, [])
