"""Normalisation of article records: one Unicode form, one whitespace style, ISO 8601 dates,
canonical URLs, one entry per author, a BCP 47 language, the word count and the fingerprint."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import re
import re._constants as _sre
import re._parser as _sre_parse
import unicodedata
from collections.abc import Iterable
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import ftfy
from ftfy.badness import BADNESS_RE, is_bad
from ftfy.chardata import CONTROL_CHARS, LIGATURES
from newsclean.cleaners.dates import fetch_time, is_relative, normalize_date
from newsclean.cleaners.record import Article
from newsclean.cleaners.urls import TRACKING_PARAMETERS, canonical_url, same_site

__all__ = [
    "DATE_FIELDS",
    "body_fingerprint",
    "count_words",
    "detect_language",
    "in_field_order",
    "normalize_article",
    "normalize_body",
    "normalize_line",
    "normalize_record",
    "split_authors",
    "utc_time",
    "word_tokens",
]

_FIXER = ftfy.TextFixerConfig(
    uncurl_quotes=False,  # typographic quotes are the publisher's, not an encoding accident
    fix_character_width=False,  # full-width forms are normal in CJK text
    unescape_html=False,  # the HTML body must keep its escapes; text fields have none left
)
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")  # zero-width space/joiner-less marks, soft hyphen
_PARAGRAPH_BREAK = re.compile(r"\n[^\S\n]*\n\s*")
_BY = re.compile(
    r"^\s*(?:(?:written|reported|reporting|additional\s+reporting|editing|edited|words|text|story|photos?)\s+)?"
    r"by\b\s*:?\s*", re.IGNORECASE
)
_AND = re.compile(r"(?<!\s)(?:\s+and\s+|\s*&\s*|\s*;\s*)", re.IGNORECASE)
_WORD_SHAPE = str.maketrans({c: "a" if c.isalnum() else "-" if c in "'-" else " " for c in map(chr, range(128))})
"""ASCII text's shape for :func:`count_words`: letters and digits (``[^\\W_]`` in ASCII) ``a``,
the signs that join them ``-``, anything else a space."""
_WORD = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]|[^\W_]+(?:['’\-][^\W_]+)*")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_KANJI_KANA = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
MAX_SHAPED_CHARS = 64
"""Text with more distinct non-ASCII characters than this (Cyrillic, Greek, Arabic) is counted
by the pattern, not character by character as ASCII."""
DATE_FIELDS = (("datePublished", "datePublishedRaw"), ("dateModified", "dateModifiedRaw"))
"""Each normalised date field with the field that keeps its text as seen."""
_MIN_WORDS_FOR_LANGUAGE = 8
_FIELD_ORDER = tuple(f.name for f in dataclasses.fields(Article))


_FTFY_TOUCHES = re.compile(
    "["
    + "".join(f"\\U{c:08x}" for c in sorted(set(CONTROL_CHARS) | set(LIGATURES)))
    + "\\x80-\\x9f\\r\\u2028\\u2029\\ud800-\\udfff\\x1b]|(?m:^[ÃÂ] )"
)
"""What any of ftfy's fixes we run could change besides NFC: control characters, ligatures, C1
controls, line breaks, surrogates, terminal escapes, and a line starting with the mojibake
``Ã``/``Â`` + space (ftfy fixes line by line, so its ``^`` is a line start here)."""
_FTFY_TOUCHES_CHAR = re.compile(_FTFY_TOUCHES.pattern.removesuffix("|(?m:^[ÃÂ] )"))
"""The characters of :data:`_FTFY_TOUCHES` alone: a character class is searched four times
faster than the class or a line start tried at every position."""


def _ftfy_touches(text: str) -> bool:
    """Whether :data:`_FTFY_TOUCHES` occurs in ``text``: its characters, or ``Ã``/``Â`` + space
    at a line's start (``^`` under ``MULTILINE``: the text's start or after ``\\n``)."""
    if _FTFY_TOUCHES_CHAR.search(text):
        return True
    if text.isascii():
        return False
    return text.startswith(("Ã ", "Â ")) or "\nÃ " in text or "\nÂ " in text


_COMMON = frozenset("“”‘’—–…•«»€£©®™°")


def _cost(chars: frozenset[str]) -> int:
    """How often text holds ``chars``, roughly: letters and spaces (accented letters in every
    European language but English, a no-break space between words) as often as curly quotes.
    The detector's pairs of an accent and a symbol are then looked for around the symbol: "ä",
    "é" or "č" would open a window at every other word of a German or Czech text."""
    return sum(1000 if c.isascii() else 30 if c in _COMMON or c.isalpha() or c.isspace() else 1 for c in chars)


def _class_chars(items: list[tuple[Any, Any]]) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, arg in items:
        if op is _sre.LITERAL:
            chars.add(chr(arg))
        elif op is _sre.RANGE and arg[1] - arg[0] <= 5000:
            chars.update(map(chr, range(arg[0], arg[1] + 1)))
        else:  # a negated class, a category (\s), a huge range: no small set of characters
            return None
    return frozenset(chars)


def _required_chars(sequence: Any) -> frozenset[str] | None:
    """Characters of which every match of the parsed regex ``sequence`` holds at least one
    (its rarest mandatory element; a branch: the union over its alternatives), or None."""
    best: frozenset[str] | None = None
    for op, arg in sequence:
        found: frozenset[str] | None = None
        if op is _sre.LITERAL:
            found = frozenset(chr(arg))
        elif op is _sre.IN:
            found = _class_chars(arg)
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and arg[0] >= 1:
            found = _required_chars(arg[2])
        elif op is _sre.SUBPATTERN:
            found = _required_chars(arg[-1])
        elif op is _sre.BRANCH:
            parts = [_required_chars(branch) for branch in arg[1]]
            found = None if any(p is None for p in parts) else frozenset().union(*parts)  # type: ignore[arg-type]
        if found is not None and (best is None or _cost(found) < _cost(best)):
            best = found
    return best


def _mojibake_marks() -> tuple[re.Pattern[str], int] | None:
    """A pattern of the characters without which ftfy's mojibake detector (``is_bad``) cannot
    match, and the longest match it can make, both derived from its own pattern; None when
    the pattern cannot be read that way (then the detector runs on the whole text)."""
    try:
        parsed = _sre_parse.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
        marks = _required_chars(parsed)
        _shortest, longest = parsed.getwidth()
    except Exception:  # a future ftfy or Python with another pattern or parser: no shortcut
        return None
    if not marks or longest >= 100 or any(s in BADNESS_RE.pattern for s in ("(?=", "(?!", "(?<")):
        return None
    return re.compile("[" + "".join(f"\\U{ord(c):08x}" for c in sorted(marks)) + "]"), longest


_MOJIBAKE_MARKS = _mojibake_marks()

_MARKED_BADNESS = (
    BADNESS_RE
    if _MOJIBAKE_MARKS is None
    else re.compile(
        f"(?=(?s:.){{0,{_MOJIBAKE_MARKS[1] - 1}}}{_MOJIBAKE_MARKS[0].pattern})(?:{BADNESS_RE.pattern}\n)",
        BADNESS_RE.flags,
    )
)
"""ftfy's pattern, tried only where a mark lies within its longest match ahead: a match holds
one, so nowhere else can it start (the windows of :func:`_looks_like_mojibake` reach a match's
length past each mark, where the whole pattern was tried in vain at every position)."""


def _looks_like_mojibake(text: str) -> bool:
    """ftfy's ``is_bad``, run only around the characters a match must hold (a match is at
    most a few characters long and has no look-around, so it lies in such a window)."""
    if _MOJIBAKE_MARKS is None:
        return is_bad(text)
    marks, width = _MOJIBAKE_MARKS
    # Windows that overlap or touch are searched as one span (a match inside a span holds a
    # mark, so it lies in that mark's window): one search per run of accented or Cyrillic
    # letters instead of one per letter.
    start = end = -1
    for mark in marks.finditer(text):
        if mark.start() - width > end:
            if end >= 0 and _MARKED_BADNESS.search(text, start, end):
                return True
            start = max(mark.start() - width, 0)
        end = mark.end() + width
    return end >= 0 and _MARKED_BADNESS.search(text, start, end) is not None


def _ftfy_would_touch(text: str) -> bool:
    if _ftfy_touches(text):
        return True
    return not text.isascii() and _looks_like_mojibake(text)


def _fix(text: str) -> str:
    # U+2029 separates paragraphs; ftfy would turn it into a single line break.
    text = text.replace("\u2029", "\n\n").replace("\r\n", "\n").replace("\r", "\n")
    # ftfy returns text it finds nothing to fix in NFC: say so without running its fixes line
    # by line (most of a crawl's CPU in this stage). Exact: any text a fix could change
    # (before or after NFC, as ftfy repeats its passes until nothing changes) goes to ftfy.
    fixed = text if text.isascii() else unicodedata.normalize("NFC", text)
    if _ftfy_would_touch(text) or (fixed != text and _ftfy_would_touch(fixed)):
        fixed = ftfy.fix_text(text, _FIXER)
    # (Every invisible mark is non-ASCII; looked for as substrings before the pattern replaces
    # them: most text holds none, and ``re`` steps through every character of a body.)
    return fixed if fixed.isascii() or not _holds_invisible(fixed) else _INVISIBLE.sub("", fixed)


def _holds_invisible(text: str) -> bool:
    """``_INVISIBLE.search(text) is not None``: four substring searches (none costs anything on
    text whose characters fit in a byte but for the soft hyphen's)."""
    return "\u200b" in text or "\u2060" in text or "\ufeff" in text or "\u00ad" in text


def normalize_line(text: str) -> str:
    """One-line text (headline, name, tag): mojibake repaired, NFC, single spaces.

    >>> normalize_line("  The Kremlinâ€™s\\u00a0answer \\n")
    'The Kremlin’s answer'
    """
    return " ".join(_fix(text).split())


def normalize_body(text: str) -> str:
    """Article text: mojibake repaired, NFC, every kind of line break made ``\\n``, spaces
    folded, paragraphs separated by exactly one blank line (single breaks inside a paragraph,
    as from ``<br>``, are kept).

    >>> normalize_body("One.\\r\\n\\r\\n\\r\\nTwo,\\u00a0 still\\rtwo.\\u2029Three.")
    'One.\\n\\nTwo, still\\ntwo.\\n\\nThree.'
    """
    paragraphs = []
    for chunk in _PARAGRAPH_BREAK.split(_fix(text)):
        # Spaces folded in each line: what r"[^\S\n]+" -> " " and strip() do, as no line holds "\n".
        lines = [" ".join(line.split()) for line in chunk.split("\n")]
        paragraph = "\n".join(line for line in lines if line)
        if paragraph:
            paragraphs.append(paragraph)
    return "\n\n".join(paragraphs)


def body_fingerprint(body: str) -> str:
    """32-hex-digit hash of a normalised body, blind to case and whitespace."""
    key = " ".join(body.casefold().split())
    return hashlib.blake2b(key.encode(), digest_size=16).hexdigest()


def _normal_body_fingerprint(body: str) -> str:
    """:func:`body_fingerprint` of a body as :func:`normalize_body` gives it, whose words are
    apart by one space, one line break or one blank line and nothing else: those breaks made
    spaces, instead of splitting the whole text into words and joining them again. (Case
    folding neither makes nor takes away a space, nor folds a character to nothing, so the
    folded words are the words folded.)"""
    key = body.casefold().replace("\n\n", " ").replace("\n", " ")
    return hashlib.blake2b(key.encode(), digest_size=16).hexdigest()


def word_tokens(text: str) -> list[str]:
    """The words of ``text`` as :func:`count_words` counts them."""
    return _WORD.findall(text)


def in_field_order(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with its keys in :class:`~newsclean.cleaners.Article` order, ``None`` values
    left out (unknown keys follow, in their order)."""
    ordered = {k: record[k] for k in _FIELD_ORDER if record.get(k) is not None}
    ordered.update((k, v) for k, v in record.items() if k not in ordered and v is not None)
    return ordered


def count_words(text: str) -> int:
    """Words in ``text``; each Han or Kana character counts as one word.

    >>> count_words("It's a well-known fact: 42 cats. 東京都")
    9
    """
    if not text.isascii():
        # Most such text is ASCII with a few curly quotes, dashes or accented letters: each of
        # them put as the ASCII character the pattern treats alike (a letter, the ' that joins,
        # a space), the text is counted as ASCII below. Han and Kana (a word each, even
        # inside a run of letters) and text of many other characters go to the pattern.
        others = set(_NON_ASCII.findall(text))
        if len(others) > MAX_SHAPED_CHARS or any(_KANJI_KANA.match(c) for c in others):
            return len(word_tokens(text))
        for c in others:
            text = text.replace(c, "a" if c.isalnum() else "'" if c == "’" else " ")
    # ASCII (the pattern's Han and Kana never occur): a word is a run of letters and digits,
    # or runs joined by single ' or - signs. Counted as runs less the joins between them on the
    # text's shape, without a match or a string per word.
    shape = text.translate(_WORD_SHAPE)
    words = (" " + shape.replace("-", " ")).count(" a")
    if "-" in shape:
        pieces = shape.split("-")
        words -= sum(1 for left, right in pairwise(pieces) if left[-1:] == "a" and right[:1] == "a")
    return words


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of ``text``'s language (py3langid), or ``None`` for too little text."""
    return _language(text, counted=False)


def _language(text: str, *, counted: bool) -> str | None:
    """:func:`detect_language`; ``counted``: ``text`` is known to hold enough words (a part of
    it did, counted already: words never span the space between parts)."""
    if not counted and count_words(text) < _MIN_WORDS_FOR_LANGUAGE:
        return None
    import py3langid  # loads its model on first use: keep the import out of module load

    code, _score = py3langid.classify(text[:5000])
    return str(code)


def _bcp47(tag: str) -> str:
    parts = [p for p in re.split(r"[-_\s]+", tag.strip()) if p]
    if not parts:
        return ""
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.title() if len(part) == 4 else part.upper() if len(part) == 2 else part)
    return "-".join(out)


def split_authors(authors: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Credits split into one entry per person, "By" dropped, names trimmed, repeats removed.

    A credit naming several people keeps its URL on the first of them. "Surname, Given"
    (two single words around one comma) is kept whole: it is one person.

    >>> [a["name"] for a in split_authors([{"name": "By Jane Roe and John Doe"}])]
    ['Jane Roe', 'John Doe']
    >>> [a["name"] for a in split_authors([{"name": "Ann Lee, Bo Chan & Cy Diaz"}])]
    ['Ann Lee', 'Bo Chan', 'Cy Diaz']
    """
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for author in authors:
        credit = _BY.sub("", normalize_line(str(author.get("name") or "")))
        pieces = _AND.split(credit)
        names: list[str] = []
        for piece in pieces:
            commas = piece.split(",")
            surname_first = len(pieces) == 1 and len(commas) == 2
            if surname_first and all(len(c.split()) == 1 for c in commas):
                names.append(piece)
            else:
                names.extend(commas)
        names = [_BY.sub("", n).strip(" \t.,;:|-–—") for n in names]
        names = [n for n in names if n]
        for i, name in enumerate(names):
            if name.casefold() in seen:
                continue
            seen.add(name.casefold())
            entry: dict[str, Any] = {"name": name}
            if i == 0 and author.get("url"):
                entry["url"] = author["url"]
            out.append(entry)
    return out


def _iso(value: datetime) -> str:
    return value.replace(microsecond=0).isoformat()


def _normalize_date(
    raw: str, value: str | None, zone: str | None, language: str | None, reference: datetime | None
) -> str | None:
    if value and value != raw and is_relative(raw):
        parsed = normalize_date(value, timezone=zone, language=language)  # counted back already
    else:
        parsed = normalize_date(raw, timezone=zone, language=language, reference=reference)
    if parsed is None and value and value != raw:
        parsed = normalize_date(value, timezone=zone, language=language)
    if parsed is None:
        return None
    moment = datetime.fromisoformat(parsed)
    if moment.tzinfo is None and zone:
        with contextlib.suppress(ZoneInfoNotFoundError, ValueError):
            moment = moment.replace(tzinfo=ZoneInfo(zone))
    return _iso(moment)


def utc_time(value: str | None = None) -> str:
    """``value`` (ISO 8601; one without an offset is taken as UTC) in UTC to the second; now
    when ``value`` is missing or unreadable."""
    if value:
        try:
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            moment = None
        if moment is not None:
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=UTC)
            return _iso(moment.astimezone(UTC))
    return _iso(datetime.now(UTC))


def _page_url(url: str, *, base: str | None, tracking: tuple[str, ...]) -> str | None:
    """The canonical form of a URL the page states, or ``None`` when it is no URL (a port that
    is no number, a broken IPv6 host): what the page got wrong is left out, never raised."""
    try:
        return canonical_url(url, base=base, tracking=tracking)
    except ValueError:
        return None


def normalize_record(
    record: dict[str, Any],
    *,
    timezone: str | None = None,
    tracking: Iterable[str] = TRACKING_PARAMETERS,
    reference: datetime | None = None,
) -> dict[str, Any]:
    """A normalised copy of ``record`` (a dict in the :class:`~newsclean.cleaners.Article` shape).

    ``timezone`` (IANA name) is applied to dates printed without an offset. A relative date
    ("vor 3 Stunden") counts back from ``reference``, else from the record's
    ``dateDownloaded``, else from now; one counted back already (a normalised value beside
    it) keeps its value. Raw date text is
    kept in the ``...Raw`` fields; when a record only has a normalised date, that value becomes
    the raw one. ``canonicalUrl`` is the page's own canonical link when it is on the same site
    as ``url``, otherwise ``url`` itself, both cleaned by :func:`canonical_url`.
    """
    # Values of the wrong type are left as they are for the validate stage to report.
    out = dict(record)
    for key in ("headline", "description", "section"):
        if isinstance(out.get(key), str):
            out[key] = normalize_line(out[key]) or None
    if isinstance(out.get("articleBody"), str):
        out["articleBody"] = normalize_body(out["articleBody"]) or None
    if isinstance(out.get("articleBodyHtml"), str):
        out["articleBodyHtml"] = _fix(out["articleBodyHtml"])
    if _list_of(out.get("tags"), str):
        tags = [normalize_line(t) for t in out["tags"]]
        out["tags"] = list(dict.fromkeys(t for t in tags if t))
    if _list_of(out.get("authors"), dict):
        out["authors"] = split_authors(out["authors"])

    patterns = tuple(tracking)
    url = out.get("url")
    page_canonical = out.get("canonicalUrl")
    if url and isinstance(url, str):
        canonical = canonical_url(url, tracking=patterns)
        if page_canonical and isinstance(page_canonical, str):
            candidate = _page_url(page_canonical, base=url, tracking=patterns)
            if candidate and same_site(candidate, canonical):
                canonical = candidate
        out["canonicalUrl"] = canonical
    elif page_canonical and isinstance(page_canonical, str):
        out["canonicalUrl"] = _page_url(page_canonical, base=None, tracking=patterns)

    for field, raw_field in DATE_FIELDS:
        raw, value = out.get(raw_field), out.get(field)
        if not (isinstance(raw, str | None) and isinstance(value, str | None)):
            continue
        if not raw and value:
            out[raw_field] = raw = value
        if raw:
            # Month names in the page's language ("14. März 2024") read with it.
            language = out.get("inLanguage") if isinstance(out.get("inLanguage"), str) else None
            downloaded = out.get("dateDownloaded")
            fetched = reference or fetch_time(downloaded if isinstance(downloaded, str) else None)
            normalised = _normalize_date(raw, value, timezone, language, fetched)
            if normalised:
                out[field] = normalised
            else:
                out.pop(field, None)
    if isinstance(out.get("dateDownloaded"), str):
        out["dateDownloaded"] = utc_time(out["dateDownloaded"])

    body = out.get("articleBody") if isinstance(out.get("articleBody"), str) else ""
    words = count_words(body) if body else 0
    if isinstance(out.get("inLanguage"), str):
        out["inLanguage"] = _bcp47(out["inLanguage"]) or None
    if not out.get("inLanguage"):
        headline = out.get("headline") if isinstance(out.get("headline"), str) else ""
        # The body's words are the joined text's last words: counted once.
        language = _language(" ".join(filter(None, [headline, body])), counted=words >= _MIN_WORDS_FOR_LANGUAGE)
        if language:
            out["inLanguage"] = language
    if body:
        out["wordCount"] = words
        out["fingerprint"] = _normal_body_fingerprint(body)  # (``body``: normalize_body's)
    else:
        out.pop("wordCount", None)
        out.pop("fingerprint", None)
    return in_field_order(out)


def _list_of(value: Any, kind: type) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, kind) for v in value)


def normalize_article(
    article: Article,
    *,
    timezone: str | None = None,
    tracking: Iterable[str] = TRACKING_PARAMETERS,
    reference: datetime | None = None,
) -> Article:
    """``article`` normalised by :func:`normalize_record`: what :func:`~newsclean.cleaners.api.build_record`
    returns, so a library call, ``newsclean clean`` and a crawl give the same record."""
    return Article.from_dict(
        normalize_record(article.to_dict(), timezone=timezone, tracking=tracking, reference=reference)
    )

