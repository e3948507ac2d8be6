"""Turning input bytes into text: a BOM, valid UTF-8, declared charsets, then detection.

Decoding never fails on text: bytes that do not fit the chosen encoding become U+FFFD, as
browsers show them. Only binary data (NUL bytes among many control bytes, without a UTF-16/32
BOM) raises :class:`DecodeError`.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from urllib.parse import urlsplit

from charset_normalizer import from_bytes
from newsclean.cleaners.errors import InputError

__all__ = [
    "DecodeError",
    "decode_html",
    "decode_html_utf8",
    "decode_text",
    "detected_encoding",
    "plain_utf8",
    "text_encoding",
]

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


def _decode(data: bytes, candidates: list[str | None], url: str | None = None) -> str:
    return _decode_utf8(data, lambda: candidates, url)[0]


def _decode_utf8(data: bytes, candidates: Callable[[], list[str | None]], url: str | None = None) -> tuple[str, bool]:
    """:func:`_decode`, and whether the text is ``data`` read as valid UTF-8 (no BOM): then
    ``data`` is the text's UTF-8, which the parser can take without encoding it again.
    ``candidates`` gives the declared charsets, asked only when the bytes are not UTF-8 (the
    page's ``<meta charset>`` is searched for case-insensitively through its head,
    :func:`_declared_in_page`); ``url``, the page's address, hints at its language when nothing
    is declared."""
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
    return _decode_legacy(data, candidates(), url), False


def _decode_legacy(data: bytes, candidates: list[str | None], url: str | None = None) -> str:
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
    declared = next((name for name in candidates if name), None)
    return data.decode(declared or detected_encoding(data, url), errors="replace")


LOCALE_ENCODINGS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("ar", "fa", "ur"), ("cp1256",)),
    **dict.fromkeys(("ba", "be", "bg", "kk", "ky", "mk", "sah", "sr", "tg", "tt"), ("cp1251",)),
    "ru": ("cp1251", "koi8-r"),
    "uk": ("cp1251", "koi8-u"),
    **dict.fromkeys(("cs", "hr", "sk", "bs", "ro"), ("cp1250", "iso-8859-2")),
    **dict.fromkeys(("hu", "pl", "sl"), ("iso-8859-2", "cp1250")),
    "el": ("iso-8859-7", "cp1253"),
    "he": ("cp1255", "iso-8859-8"),
    **dict.fromkeys(("et", "lt", "lv"), ("cp1257",)),
    **dict.fromkeys(("tr", "az", "ku"), ("cp1254",)),
    "vi": ("cp1258",),
    "th": ("cp874",),
    "ja": ("shift_jis", "euc-jp"),
    "ko": ("euc-kr",),
    "zh": ("gb18030", "big5"),
    "zh-tw": ("big5", "gb18030"),
    "zh-hk": ("big5", "gb18030"),
    "zh-hant": ("big5", "gb18030"),
}
"""The legacy encodings a page in a language was most likely written in, the HTML Standard's
suggested default for that locale first (what a browser set to the language reads an undeclared
page as), then the others its writers used (ISO-8859-2 beside windows-1250, KOI8-R beside
windows-1251, EUC-JP beside Shift_JIS; ISO-2022-JP is 7-bit, read as the ASCII it is valid
UTF-8 of, never asked here). A language not listed reads as windows-1252; Romanian and Bosnian,
which windows-1252 cannot write, are read as Central European."""

_HTML_LANG = re.compile(
    rb"""<html\b[^>]*?\s(?:xml:)?lang\s*=\s*["']?\s*([a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?)""", re.I
)
_CONTENT_LANGUAGE = re.compile(
    rb"""<meta[^>]+http-equiv\s*=\s*["']?content-language["']?[^>]*?content\s*=\s*["']?\s*([a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{2,8})?)""",
    re.I,
)

_DETECTED_AS = {
    "euc_jis_2004": "euc-jp",
    "euc_jisx0213": "euc-jp",
    "shift_jis_2004": "shift_jis",
    "shift_jisx0213": "shift_jis",
}
"""The web encoding a detector's name for a superset or variant of it reads as."""

_WINDOWS_ONLY = re.compile(rb"[\x80-\x9f]")
"""Bytes that the windows-125x encodings use for letters and quotation marks and their ISO-8859
counterparts for invisible control characters: text holding them is in the windows encoding."""

_BETWEEN_TAGS = re.compile(rb"[^<]+")
_LINE = re.compile(rb"[^\n]+")

SAMPLE_BYTES = 32768
"""Bytes of a page's text (the runs between its tags that hold bytes past ASCII) that detection
reads."""

SAMPLE_RUN_BYTES = 2048
"""A run between tags longer than this is a script's or a style's (no ``<`` in it for pages on
end), not a paragraph: only this much of it, around its first byte past ASCII, is read
(:func:`_window`)."""

DETECTABLE = (
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257", "cp1258",
    "iso8859_2", "iso8859_5", "iso8859_7", "iso8859_8", "iso8859_15", "koi8_r", "koi8_u", "cp874",
    "shift_jis", "cp932", "euc_jp", "euc_jis_2004", "iso2022_jp", "gb18030", "gbk", "big5", "euc_kr", "cp949",
)  # fmt: skip
"""The encodings detection chooses among: the legacy encodings web pages were written in. The
detector also knows DOS and Mac code pages (cp850, cp775, mac_latin2), which read a German page's
"ü" as well as windows-1252 does and win ties; no web page is in them unless it says so."""


def _page_language(data: bytes) -> str | None:
    """The language the page's markup names (``<html lang>``, ``xml:lang``, or a
    Content-Language ``<meta>``), lowered, in its first 8 KB; ``None`` when it names none."""
    head = data[:8192]
    found = _HTML_LANG.search(head) or _CONTENT_LANGUAGE.search(head)
    return found.group(1).decode("ascii").lower().replace("_", "-") if found else None


DOMAIN_LANGUAGES = {
    "cz": "cs", "sk": "sk", "pl": "pl", "hu": "hu", "si": "sl", "hr": "hr", "ro": "ro", "ba": "bs",
    "rs": "sr", "ru": "ru", "su": "ru", "ua": "uk", "by": "be", "bg": "bg", "mk": "mk", "kz": "kk", "kg": "ky",
    "gr": "el", "cy": "el", "il": "he", "tr": "tr", "az": "az", "lt": "lt", "lv": "lv", "ee": "et", "vn": "vi",
    "th": "th", "jp": "ja", "kr": "ko", "cn": "zh", "tw": "zh-tw", "hk": "zh-hk", "mo": "zh-hk",
    **dict.fromkeys(("sa", "ae", "eg", "iq", "jo", "kw", "ly", "om", "qa", "bh", "ye", "sy", "sd"), "ar"),
    "ir": "fa", "af": "fa", "pk": "ur",
}  # fmt: skip
"""The language of the country a domain ending names, for the countries whose legacy pages are
not in windows-1252 (as Firefox's encoding detector reads a page's domain); any other domain
(``.com``, ``.de``, ``.fr``, and the Maghreb's and Lebanon's, whose news is as often French)
says nothing."""


def _address_language(url: str | None) -> str | None:
    """The language :data:`DOMAIN_LANGUAGES` gives the host of ``url``; ``None`` for none."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return None
    return DOMAIN_LANGUAGES.get(host.rstrip(".").rpartition(".")[2].lower())


def _locale_encodings(language: str) -> tuple[str, ...]:
    """:data:`LOCALE_ENCODINGS` for a language tag (``pt-BR``, ``zh-Hant-TW``)."""
    tag = language.lower()
    primary = tag.split("-")[0]
    if primary == "zh" and any(part in ("tw", "hk", "mo", "hant") for part in tag.split("-")[1:]):
        return LOCALE_ENCODINGS["zh-tw"]
    return LOCALE_ENCODINGS.get(primary, ("cp1252",))


_PAST_ASCII = re.compile(rb"[\x80-\xff]")


def _window(run: bytes) -> bytes:
    """:data:`SAMPLE_RUN_BYTES` of a long run around its first byte past ASCII, cut at spaces:
    a multi-byte character cut in two reads as no text of its encoding (no encoding's second
    byte is a space or a line break)."""
    found = _PAST_ASCII.search(run)
    at = found.start() if found else 0
    start = max(0, at - SAMPLE_RUN_BYTES // 2)
    if start:
        space = max(run.rfind(b" ", start, at), run.rfind(b"\n", start, at))
        start = space + 1 if space >= 0 else at
    end = start + SAMPLE_RUN_BYTES
    if end < len(run):
        space = max(run.rfind(b" ", at + 1, end), run.rfind(b"\n", at + 1, end))
        end = space if space > at else end
    return run[start:end]


def _text_sample(data: bytes) -> bytes:
    """The page's text that tells its encoding: the runs between tags holding bytes past ASCII
    (a plain text's lines holding them), up to :data:`SAMPLE_BYTES`. The start of a page is its
    ``<head>``, scripts and styles, ASCII all: a detector reading it sees a few letters and can
    only guess. (One pass over the bytes, whatever they hold: a run is what follows a tag's
    ``>`` up to the next ``<``.)"""
    markup = b"<" in data
    runs: list[bytes] = []
    size = 0
    for match in (_BETWEEN_TAGS if markup else _LINE).finditer(data):
        run = match.group()
        if markup:
            # After a tag's end; a "<" that opened no tag ("a < b") leaves its text whole.
            _, closed, after = run.partition(b">")
            run = after if closed else run
        if run.isascii():
            continue
        run = run.strip()
        if len(run) > SAMPLE_RUN_BYTES:
            run = _window(run)
        runs.append(run)
        size += len(run) + 1
        if size >= SAMPLE_BYTES:
            break
    return b"\n".join(runs) if runs else data[:SAMPLE_BYTES]


CHAOS_SLACK = 0.001
COHERENCE_SLACK = 0.005
"""Readings of a sample whose noise (the detector's ``chaos``) is within ``CHAOS_SLACK`` of the
least are all plausible; of those, the ones whose share of a language's common letters
(``coherence``) is within ``COHERENCE_SLACK`` of the most are equally likely."""


def _detect(sample: bytes, among: tuple[str, ...] | None) -> str | None:
    """The encoding charset_normalizer finds ``sample`` in (``among`` only, when given), as a
    web encoding. Of the encodings it finds equally likely (:data:`CHAOS_SLACK`; German text
    reads the same in windows-1250 and windows-1252, and the detector lists them alphabetically),
    the first of ``among``, else windows-1252, the web's most used legacy encoding, is taken."""
    windows = _WINDOWS_ONLY.search(sample) is not None
    candidates = list(among or DETECTABLE)
    if windows:
        # ISO-8859 reads 0x80-0x9f as control characters, which no text holds.
        candidates = [name for name in candidates if not name.replace("-", "").startswith("iso8859")] or candidates
    matches = list(from_bytes(sample, cp_isolation=candidates))
    if not matches:
        return None
    # Ranked here by the detector's own two measures (its order puts windows-1250 above
    # windows-1252 when the latter reads the text with less noise and more of a language's letters).
    calm = min(m.chaos for m in matches) + CHAOS_SLACK
    plausible = [m for m in matches if m.chaos <= calm]
    best = max(m.coherence for m in plausible)
    tied = [m for m in plausible if m.coherence >= best - COHERENCE_SLACK]
    names = [_DETECTED_AS.get(m.encoding) or text_encoding(m.encoding) for m in tied]
    for preferred in (*(among or ()), "cp1252"):
        if (text_encoding(preferred) or preferred) in names:
            return preferred
    return next((name for name in names if name), None)


def detected_encoding(data: bytes, url: str | None = None) -> str:
    """The encoding of legacy bytes that declare none (no BOM, not UTF-8, no charset): read by
    the language the page names, or else the one its address's country domain says
    (:data:`DOMAIN_LANGUAGES`, ``url``), as a browser set to that language reads it
    (:data:`LOCALE_ENCODINGS`): its one encoding, or, of a family, the windows one when the text
    holds a byte only it uses for a letter (:data:`_WINDOWS_ONLY`) and the ISO-8859 one when
    not, or the detector's pick among them; without a language, the detector's over the page's
    text (:func:`_text_sample`), windows-1252 on a tie; windows-1252 when it finds nothing."""
    sample = _text_sample(data)
    if sample.isascii():
        return "cp1252"  # (nothing past ASCII to read: any choice reads the same)
    language = _page_language(data) or _address_language(url)
    if language is not None:
        family = _locale_encodings(language)
        if len(family) == 1:
            return family[0]
        windows = [name for name in family if name.startswith("cp125")]
        iso = [name for name in family if name.startswith("iso-8859")]
        if windows and iso and len(family) == 2:
            return windows[0] if _WINDOWS_ONLY.search(sample) else iso[0]
        return _detect(sample, family) or family[0]
    return _detect(sample, None) or "cp1252"


def _declared_wide(name: str) -> str | None:
    """The UTF-16/32 codec an HTTP header names (the one place such a label is believed)."""
    try:
        codec = codecs.lookup(name.strip()).name
    except LookupError:
        return None
    return codec if codec in _UTF16_32 else None


HEAD_BYTES = 262144
"""How far into a page a ``<meta charset>`` is looked for, at most (up to its ``<body>``)."""

_BODY_START = re.compile(rb"<body[\s>]", re.I)


def _declared_in_page(data: bytes) -> str | None:
    """The charset the page's ``<meta>`` (or XML prolog) declares: in its first 4 KB, else
    anywhere in its head (up to ``<body>``, :data:`HEAD_BYTES` at most). A 2000s page put its
    ``<meta http-equiv="Content-Type">`` after kilobytes of inline scripts and styles; a browser
    that meets it while parsing reads the page again in that encoding."""
    head = data[:4096]
    found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if found is None and len(data) > len(head):
        body = _BODY_START.search(data, 0, HEAD_BYTES)
        found = _META_CHARSET.search(data, 0, body.start() if body else HEAD_BYTES)
    return text_encoding(found.group(1)) if found else None


def decode_html(data: bytes, *, declared: str | None = None, url: str | None = None) -> str:
    """Decode an HTML page: a BOM, then valid UTF-8, then the HTTP-declared charset, then
    ``<meta charset>`` or the XML prolog's encoding, then UTF-8 with a few damaged bytes, then
    by the page's language or its address's (``url``), or detection
    (:func:`detected_encoding`). Bytes that do not fit become U+FFFD. A page that declares
    windows-1252's subset ISO-8859-1 is read as windows-1252, as browsers do."""
    return decode_html_utf8(data, declared=declared, url=url)[0]


def decode_html_utf8(data: bytes, *, declared: str | None = None, url: str | None = None) -> tuple[str, bool]:
    """:func:`decode_html`, and whether the text is ``data`` read as valid UTF-8 as it is
    (then ``data`` is the text's UTF-8)."""
    if declared and _looks_binary(data) and not data.startswith(tuple(bom for bom, _ in _BOMS)):
        with_nul = _declared_wide(declared)
        if with_nul:
            return data.decode(with_nul, errors="replace"), False

    def candidates() -> list[str | None]:
        return [text_encoding(declared), _declared_in_page(data)]

    return _decode_utf8(data, candidates, url)


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


def decode_text(data: bytes, *, url: str | None = None) -> str:
    """Decode a plain-text dump: a BOM, UTF-8, then by its address's language (``url``) or
    detection; bytes that do not fit become U+FFFD."""
    return _decode(data, [], url)
