"""A text dump's own header: what the tool that saved the page wrote above its text.

Tools that save pages as text or Markdown often write what they know of the page above it.
trafilatura (``with_metadata=True``), static-site generators and note-taking apps open with YAML
front matter between two ``---`` lines (``title:``, ``url:``, ``date:``, ``author:``, ...); Jina's
Reader opens with ``Title:``, ``URL Source:`` and ``Published Time:`` lines, then ``Markdown
Content:``. Read as text, those lines became the article's first lines ("description: Three
people have died ...", "fingerprint: e2be8789c044c775", "---"), and the page's own title,
address and date were lost. :func:`read_header` finds such a header at the very start of a dump
and gives its fields under the record's names; the dump is read from after it.

A header is taken only whole: every line between the two ``---`` is a YAML key, a list item,
a continuation or a comment, and at least one key is one this module reads
(:data:`FIELD_KEYS`); a reader header opens with ``Title:``, names its ``URL Source:`` and ends
with its ``... Content:`` line. Anything else (a dump that opens with a rule, then prose) is not
a header and is read as it was.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from newsclean.cleaners.metadata import SITE_SEPARATORS, _strip_site_name

__all__ = ["FIELD_KEYS", "DumpHeader", "header_headline", "read_header"]

FRONT_MATTER_LINES = 80
"""Lines a front matter may take, its two ``---`` lines included; none is longer."""

READER_LINES = 16
"""Lines (blank ones included) a reader's header may take before its ``... Content:`` line."""

BLANK_LINES_FIRST = 3
"""Blank lines a header may follow at the dump's start."""

FIELD_KEYS: dict[str, str] = {
    **dict.fromkeys(["title", "headline"], "headline"),
    **dict.fromkeys(
        ["url", "link", "source", "source_url", "canonical", "canonical_url", "canonicalurl", "permalink",
         "url source"],
        "url",
    ),
    **dict.fromkeys(
        ["date", "published", "published_at", "publish_date", "published_date", "pubdate", "date_published",
         "datepublished", "published time"],
        "datePublishedRaw",
    ),
    **dict.fromkeys(
        ["updated", "updated_at", "modified", "lastmod", "last_modified", "date_modified", "datemodified"],
        "dateModifiedRaw",
    ),
    **dict.fromkeys(["author", "authors", "byline"], "authors"),
    **dict.fromkeys(["description", "summary", "excerpt"], "description"),
    **dict.fromkeys(["tags", "keywords"], "tags"),
    **dict.fromkeys(["sitename", "site_name", "site", "hostname", "publisher"], "sitename"),
    **dict.fromkeys(["lang", "language", "inlanguage"], "inLanguage"),
}  # fmt: skip
"""Header keys read (lower-cased), by the field each gives: the record's name, or ``sitename``
(the site's name, which a title may carry after the headline: cut off). A key's first value
wins; other keys (``fingerprint``, ``id``, ``categories``, ``image``, ...) are dropped with the
header."""

_YAML_KEY = re.compile(r"([A-Za-z_][\w.-]{0,60})[ \t]*:(?:[ \t]+(.*))?$")
_YAML_ITEM = re.compile(r"[ \t]*-(?:[ \t]+(.*))?$")
_BLOCK_SCALAR = re.compile(r"[|>][+-]?\d?")
_READER_KEY = re.compile(r"([A-Z][A-Za-z]{0,20}(?: [A-Za-z]{1,20}){0,3}):(?:[ \t]+(.*))?$")
_READER_END = re.compile(r"(?:Markdown|Text|HTML) Content:$")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*")


@dataclass(frozen=True)
class DumpHeader:
    """A dump's header as :func:`read_header` finds it."""

    kind: str
    """``"front matter"`` or ``"reader header"``."""
    end: int
    """Where the dump's text starts after it (an offset into the text given)."""
    text: str
    """The header's lines as written."""
    markdown: bool = False
    """Whether the header says the text under it is Markdown (a reader's ``Markdown Content:``)."""
    fields: dict[str, object] = field(default_factory=dict)
    """What it says, by record field (``headline``, ``datePublishedRaw``, ``authors`` as a list,
    ``tags`` as a list, ...) and ``sitename``; ``url`` only when it is an absolute http(s) address."""

    @property
    def url(self) -> str | None:
        value = self.fields.get("url")
        return value if isinstance(value, str) else None


def read_header(text: str) -> DumpHeader | None:
    """The header ``text`` opens with (YAML front matter or a reader's header, see the module's
    notes), or ``None``. Only the first lines are read."""
    start, first = _first_line(text)
    if first is None:
        return None
    if first.rstrip() == "---":
        return _front_matter(text, start)
    if first.startswith("Title:"):
        return _reader_header(text, start)
    return None


def header_headline(header: DumpHeader, lines: list[str]) -> str | None:
    """The header's title as the record's headline, without the site's name a page's title
    carries ("Headline - Site", "Site | Headline"): the line among the text's first ``lines``
    (:data:`HEADLINE_LINES`) that prints the title's headline alone, as it prints it (words
    compared, quotes and case aside), when the rest of the title follows a separator; else the
    title less a part naming the site (the header's site name, the address's host)."""
    title = header.fields.get("headline")
    if not isinstance(title, str) or not title:
        return None
    names = {str(header.fields.get("sitename") or "")}
    if header.url:
        host = (urlsplit(header.url).hostname or "").removeprefix("www.")
        names |= {host, host.split(".")[0]}
    names = {n for n in names if n}
    spans = [found.span() for found in _WORD.finditer(title)]
    words = [title[a:b].casefold() for a, b in spans]
    best = ""
    most = 0
    for raw in lines[:HEADLINE_LINES]:
        line = raw.strip().lstrip("#").strip()
        found = _words(line)
        n = len(found)
        if len(line) < HEADLINE_CHARS or n <= most or n > len(words) or any(_words(name) == found for name in names):
            continue
        # The whole title, or the words it opens (or ends) with before (after) a separator:
        # "Headline (2026) - Site", "Site | Section | Headline". The site's name printed in the
        # masthead is such a part too: the longest part printed alone is the headline.
        if (
            found == words
            or (words[:n] == found and SITE_SEPARATORS.search(title[spans[n - 1][1] :]))
            or (words[-n:] == found and SITE_SEPARATORS.search(title[: spans[-n][0]] + " "))
        ):
            best, most = line, n
    return best or _strip_site_name(title, "", names) or title


_WORD = re.compile(r"[^\W_]+")


def _words(text: str) -> list[str]:
    """``text``'s words, case folded: a title and the line printing it compared whatever their
    quotes, dashes and spaces."""
    return _WORD.findall(text.casefold())


HEADLINE_CHARS = 10
"""A line this long at least may print the headline."""

HEADLINE_LINES = 20
"""Lines of the text under the header looked at for the headline printed alone."""


def _first_line(text: str) -> tuple[int, str | None]:
    """The offset and text of the dump's first non-blank line, within :data:`BLANK_LINES_FIRST`
    blank lines of its start."""
    start = 0
    for _ in range(BLANK_LINES_FIRST + 1):
        end = text.find("\n", start)
        line = text[start:] if end < 0 else text[start:end]
        if line.strip():
            return start, line.lstrip("\ufeff")
        if end < 0:
            return start, None
        start = end + 1
    return start, None


def _lines(text: str, start: int, count: int) -> list[tuple[int, str]]:
    """Up to ``count`` lines of ``text`` from ``start``, each with the offset after it."""
    out: list[tuple[int, str]] = []
    at = start
    while len(out) < count and at <= len(text):
        end = text.find("\n", at)
        if end < 0:
            out.append((len(text), text[at:]))
            break
        out.append((end + 1, text[at:end]))
        at = end + 1
    return out


def _front_matter(text: str, start: int) -> DumpHeader | None:
    lines = _lines(text, start, FRONT_MATTER_LINES)
    values: dict[str, list[str]] = {}
    key: str | None = None
    folded = False  # the key's value is a block scalar ("description: >-" then indented lines)
    for after, line in lines[1:]:
        stripped = line.strip()
        indented = line[:1].isspace()
        if stripped in ("---", "...") and not indented:
            if not any(k in FIELD_KEYS for k in values):
                return None
            return DumpHeader("front matter", after, text[start:after], False, _fields(values))
        if not stripped or stripped.startswith("#"):
            continue
        found = None if indented else _YAML_KEY.match(line)
        if found:
            key = found.group(1).lower()
            value = (found.group(2) or "").strip()
            folded = bool(_BLOCK_SCALAR.fullmatch(value))
            values.setdefault(key, [])
            if value and not folded:
                values[key].extend(_scalars(value))
            continue
        if key is None:
            return None
        item = None if folded else _YAML_ITEM.match(line)
        nested = None if folded else _YAML_KEY.match(item.group(1) or "" if item else stripped)
        if nested:
            # A list of mappings or a mapping ("- name: Jane Doe", "  url: ..."): its name alone.
            if nested.group(1).lower() == "name" and nested.group(2):
                values[key].extend(_scalars(nested.group(2)))
        elif item:
            values[key].extend(_scalars(item.group(1) or ""))
        elif indented:
            # A block scalar's line, or a plain value going on on the next line: one value.
            if values[key]:
                values[key][-1] += " " + stripped
            else:
                values[key].append(stripped)
        else:
            return None  # (not YAML: a rule, then the text)
    return None


def _scalars(value: str) -> list[str]:
    """The values a YAML scalar or flow list (``[a, b]``) holds, unquoted."""
    value = value.strip()
    if value.startswith("[") and value.endswith("]"):
        return [v for v in (_unquoted(part) for part in value[1:-1].split(",")) if v]
    one = _unquoted(value)
    return [one] if one else []


def _unquoted(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        try:
            loaded = json.loads(value)
        except ValueError:
            return value[1:-1]
        return loaded if isinstance(loaded, str) else value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    return value


def _reader_header(text: str, start: int) -> DumpHeader | None:
    values: dict[str, list[str]] = {}
    for after, line in _lines(text, start, READER_LINES):
        stripped = line.strip()
        if not stripped:
            continue
        if _READER_END.match(stripped):
            if "url source" not in values:
                return None
            markdown = stripped.startswith("Markdown")
            return DumpHeader("reader header", after, text[start:after], markdown, _fields(values))
        found = _READER_KEY.match(stripped)
        if not found:
            return None
        values.setdefault(found.group(1).lower(), []).append((found.group(2) or "").strip())
    return None


def _fields(values: dict[str, list[str]]) -> dict[str, object]:
    """The record's fields from a header's keys (see :data:`FIELD_KEYS`)."""
    fields: dict[str, object] = {}
    for key, found in values.items():
        name = FIELD_KEYS.get(key)
        found = [v for v in (" ".join(v.split()) for v in found) if v]
        if name is None or not found or name in fields:
            continue
        if name == "authors":
            # (trafilatura joins several with "; "; a comma may be inside one: "Smith, John")
            fields[name] = [a.strip() for v in found for a in v.split(";") if a.strip()]
        elif name == "tags":
            fields[name] = [t.strip() for v in found for t in v.split(",") if t.strip()]
        elif name == "url":
            url = found[0]
            parts = urlsplit(url) if " " not in url else None
            if parts is not None and parts.scheme in ("http", "https") and parts.netloc:
                fields[name] = url
        elif name == "inLanguage":
            if _LANGUAGE.fullmatch(found[0]):
                fields[name] = found[0]
        else:
            fields[name] = found[0]
    return fields
