"""Article text a page ships without showing it in its markup, for pages whose HTML gives no body.

Many sites built on Next.js, Nuxt or another JavaScript framework send the article only as
data for their scripts: Next.js flight chunks (``self.__next_f.push([1, "..."])``), a
``__NEXT_DATA__`` or ``__NUXT_DATA__`` JSON script, a store's state assigned to ``window``,
the JSON-LD ``articleBody``. Older pages put their text inside ``<noscript>``: a photo
gallery's captions, shown only to readers without scripts. The HTML path drops both (scripts
and ``<noscript>`` are never text); when it finds no body, or almost none,
:func:`unshown_text` looks there.

The text is picked by general evidence, never by one site's key names: strings of prose
(sentences, not code, URLs or identifiers), HTML fragments inside the strings parsed as HTML,
lists of such strings taken together (a CMS's paragraphs one per entry), and, for script
data, agreement with the page's headline or description (a related story's teaser or the
site's "about" text shares few of its words). The normal path never runs any of this.
"""

from __future__ import annotations

import contextlib
import html as html_module
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import lxml.html
from lxml import etree
from newsclean.cleaners.content import MainContent, prune
from newsclean.cleaners.document import Block, BlockKind
from newsclean.cleaners.notices import BODY_NOTICE_CHARS, NOTICE_CHARS, is_notice

__all__ = ["BODY_NOTICE_CHARS", "NOTICE_CHARS", "TOO_LITTLE", "Found", "is_notice", "too_little", "unshown_text"]

TOO_LITTLE = 120
"""A body with fewer characters than this (spaces not counted) is "almost none": a headline
the extractor marked, a date line, "Loading…"."""

MIN_PROSE = 200
"""A source must hold at least this many characters of prose (spaces not counted) to be taken."""

MIN_AGREEMENT = 0.5
"""Script data must hold at least this share of the headline's (or the description's) words
(see :func:`_cue_words`): an article repeats most of its headline's words, a related story's
teaser or the site's "about" text few of them."""

MAX_SCRIPT_CHARS = 8_000_000
"""Script text read per page, at most (a page's scripts rarely hold more than a megabyte)."""

MAX_STARTS = 64
"""JSON values tried per script (``= {`` and ``({`` openings), at most."""

MAX_DEPTH = 40
"""JSON nesting followed, at most."""

_SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»)\]]*(?:\s|$)|[。！？]")
_WORD = re.compile(r"\w", re.UNICODE)
_WORDS = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_CODE = re.compile(r"function\s*\(|=>|\bvar\s|\bconst\s|\breturn\b|[{};]\s*[{}]|\w+\(\)|https?://\S+$")
_HTML = re.compile(r"<(?:p|br|div|h[1-6]|li|ul|ol|blockquote|figure|section|span|strong|em|a)\b[^>]*>", re.I)
_BREAK = re.compile(
    r"</?(?:p|br|div|h[1-6]|li|ul|ol|dl|dt|dd|blockquote|figure|figcaption|section|article|table|tr|td|th|pre)\b[^>]*>",
    re.I,
)
_ANY_TAG = re.compile(r"<[^>]*>")
_PLACEHOLDER = re.compile(r"\$\$[A-Za-z_]\w*\$\$|%%[A-Za-z_]\w*%%|\{\{\s*[A-Za-z_][\w.]*\s*\}\}|\[\[[A-Za-z_]\w*\]\]")
"""A template's placeholder left in a CMS's text (``$$ARTICLEAD$$``, ``{{ad}}``): not text."""

_FLIGHT = re.compile(r"self\.__next_f\.push\(\[\s*1\s*,\s*(\"(?:[^\"\\]|\\.)*\")\s*\]\)", re.S)
"""A Next.js flight chunk: its string is a piece of the page's React Server Components stream."""

_TEXT_ROW = re.compile(rb"(?:^|\n|(?<=[\]}\"]))[0-9a-f]{1,8}:T([0-9a-f]{1,8}),")
"""A flight stream's text row (``1f:T4d2,<the text>``): the text follows, so many UTF-8 bytes long."""

_JSON_START = re.compile(r"(?:^|[=(,:]|\bJSON\.parse\()\s*([\[{\"])")
_STRING_LITERAL = re.compile(r"\"((?:[^\"\\\n]|\\.)*)(\"?)")
"""A double-quoted string literal, or what is left of an unclosed one up to the line's end
(always a match, so a scan never starts again inside a string: linear time)."""
_JS_HEX = re.compile(r"\\x([0-9a-fA-F]{2})")


@dataclass
class Found:
    """The text found and where: ``source`` names it, ``why`` says why it was taken."""

    blocks: list[Block]
    source: str
    why: str


def too_little(blocks: Sequence[Block]) -> bool:
    """Whether ``blocks`` hold almost no text (:data:`TOO_LITTLE`), a notice asking for scripts
    or another browser counting as none (:func:`is_notice`)."""
    chars = 0
    for block in blocks:
        if is_notice(block.text, BODY_NOTICE_CHARS):
            continue
        chars += len(block.text) - block.text.count(" ")
        if chars >= TOO_LITTLE:
            return False
    return True


def unshown_text(page: etree._Element, headline: str, description: str) -> Found | None:
    """The article's text from ``page``'s ``<noscript>`` content or script data (``page`` is a
    fresh parse: the extractor's own tree has lost both), or ``None`` when neither holds prose
    enough (:data:`MIN_PROSE`) or the script data does not agree with ``headline`` or
    ``description``."""
    best: tuple[int, Found] | None = None
    shown = _noscript(page)
    if shown is not None:
        best = shown
    data = _script_data(page, headline, description)
    if data is not None and (best is None or data[0] > best[0]):
        best = data
    return best[1] if best is not None else None


# --- <noscript> ----------------------------------------------------------------------------


def _noscript(page: etree._Element) -> tuple[int, Found] | None:
    """The text of the page's ``<noscript>`` boxes, parsed as the HTML a reader without scripts sees."""
    body = page.find("body")
    holders = [n for n in (body if body is not None else page).iter("noscript") if n.getparent() is not None]
    holders = [n for n in holders if not any(a.tag == "noscript" for a in n.iterancestors())]
    blocks: list[Block] = []
    for holder in holders:
        box = lxml.html.fragment_fromstring("<div></div>")
        box.text = holder.text
        for child in holder:
            box.append(child)  # the fresh parse is ours: moved, not copied
        for block in _blocks_of(box, "noscript", pruned=False):
            if is_notice(block.text):
                continue
            blocks.append(block)
    prose = _prose_chars([b.text for b in blocks])
    if prose < MIN_PROSE:
        return None
    why = (
        f"the page's HTML gave no article text; its <noscript> content (what a reader without "
        f"scripts sees, {len(blocks)} blocks, {prose} characters of prose) parsed as HTML"
    )
    return prose, Found(blocks, "noscript", why)


# --- script data ---------------------------------------------------------------------------


@dataclass
class _Candidate:
    texts: list[str]
    where: str
    prose: int = 0
    agreement: float = 0.0


def _script_data(page: etree._Element, headline: str, description: str) -> tuple[int, Found] | None:
    anchors = [cues for cues in (_cue_words(headline), _cue_words(description)) if len(cues) >= 2]
    candidates: list[_Candidate] = []
    budget = MAX_SCRIPT_CHARS
    flight: list[str] = []
    for script in page.iter("script"):
        if script.get("src"):
            continue
        kind = (script.get("type") or "").lower()
        if kind and "json" not in kind and "javascript" not in kind and "ecmascript" not in kind:
            continue
        text = script.text or ""
        if len(text) < MIN_PROSE or budget <= 0:
            continue
        text = text[:budget]
        budget -= len(text)
        pieces = _FLIGHT.findall(text)
        if pieces:
            for piece in pieces:
                with contextlib.suppress(ValueError):
                    flight.append(json.loads(piece))
            continue
        name = script.get("id") or kind or "inline script"
        candidates.extend(_from_script(text, f"script data ({name})"))
    if flight:
        candidates.extend(_from_flight("".join(flight)))
    best: _Candidate | None = None
    for cand in candidates:
        cand.prose = _prose_chars(cand.texts)
        if cand.prose < MIN_PROSE or (best is not None and cand.prose <= best.prose):
            continue
        if anchors:
            text = " ".join(cand.texts)
            cand.agreement = max(_agreement(cues, text) for cues in anchors)
            if cand.agreement < MIN_AGREEMENT:
                continue
        best = cand
    if best is None:
        return None
    blocks: list[Block] = []
    for text in best.texts:
        blocks.extend(b for b in _blocks_of_string(text, best.where) if not is_notice(b.text))
    prose = _prose_chars([b.text for b in blocks])
    if prose < MIN_PROSE:
        return None
    agreed = f", holding {best.agreement:.0%} of the headline's or the description's words" if anchors else ""
    why = (
        f"the page's HTML gave no article text; its script data holds it: {best.where}, "
        f"{len(best.texts)} string(s) with {prose} characters of prose{agreed}"
    )
    return prose, Found(blocks, "script data", why)


def _from_script(text: str, where: str) -> Iterator[_Candidate]:
    """Candidates from one script: the JSON values in it (a JSON script, or ``x = {...}`` and
    ``push({...})`` in code), else its long string literals."""
    decoder = json.JSONDecoder()
    found = False
    end = 0
    for n, match in enumerate(_JSON_START.finditer(text)):
        if n >= MAX_STARTS:
            break
        start = match.start(1)
        if start < end:
            continue
        try:
            value, end = decoder.raw_decode(text, start)
        except (ValueError, RecursionError):  # not JSON, or nested past the decoder's depth
            continue
        if isinstance(value, str):
            if len(value) >= MIN_PROSE and value.lstrip()[:1] in "[{":
                with contextlib.suppress(ValueError, RecursionError):
                    value = json.loads(value)  # JSON.parse("...") of a JSON text
            if isinstance(value, str):
                if len(value) >= MIN_PROSE:
                    found = True
                    yield _Candidate([value], where)
                continue
        found = True
        yield from _from_json(value, where)
    if not found:
        for match in _STRING_LITERAL.finditer(text):
            if not match.group(2) or len(match.group(1)) < MIN_PROSE:
                continue
            literal = _JS_HEX.sub(r"\\u00\1", match.group(1)).replace("\\'", "'")
            try:
                value = json.loads(f'"{literal}"')
            except ValueError:
                continue
            yield _Candidate([value], where)


def _from_flight(stream: str) -> Iterator[_Candidate]:
    """Candidates from a Next.js flight stream: its text rows, and the JSON of its other rows."""
    where = "Next.js flight data"
    data = stream.encode("utf-8", "surrogatepass")
    for match in _TEXT_ROW.finditer(data):
        size = int(match.group(1), 16)
        text = data[match.end() : match.end() + size].decode("utf-8", "replace")
        if len(text) >= MIN_PROSE:
            yield _Candidate([text], f"{where} (a text row)")
    decoder = json.JSONDecoder()
    for line in stream.split("\n"):
        head, colon, rest = line.partition(":")
        if not colon or len(head) > 8 or rest[:1] not in ("[", "{", '"'):
            continue
        try:
            value, _ = decoder.raw_decode(rest)
        except (ValueError, RecursionError):
            continue
        yield from _from_json(value, where)


def _from_json(value: Any, where: str) -> Iterator[_Candidate]:
    """Each long string, and each list whose entries hold prose (a CMS's paragraphs, one per
    entry), taken together."""
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        node, depth = stack.pop()
        if depth > MAX_DEPTH:
            continue
        if isinstance(node, str):
            if len(node) >= MIN_PROSE // 2:
                yield _Candidate([node], where)
        elif isinstance(node, dict):
            stack.extend((v, depth + 1) for v in reversed(list(node.values())))
        elif isinstance(node, list):
            texts = [t for item in node for t in _strings(item, 3) if _is_prose(t)]
            if len(texts) >= 2:
                yield _Candidate(texts, where)
            stack.extend((v, depth + 1) for v in reversed(node))


def _strings(node: Any, depth: int) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif depth > 0 and isinstance(node, dict):
        for v in node.values():
            yield from _strings(v, depth - 1)
    elif depth > 0 and isinstance(node, list):
        for v in node:
            yield from _strings(v, depth - 1)


# --- from strings to blocks ----------------------------------------------------------------


def _blocks_of_string(text: str, where: str) -> list[Block]:
    text = _PLACEHOLDER.sub(" ", text)
    if _HTML.search(text):
        try:
            box = lxml.html.fragment_fromstring(text, create_parent="div")
        except (etree.ParserError, ValueError):
            box = None
        if box is not None:
            return _blocks_of(box, where)
    out = []
    for line in re.split(r"\n\s*\n|\n", text):
        line = " ".join(html_module.unescape(line).split())
        if line:
            out.append(Block(line, BlockKind.PARAGRAPH, "p", (), "", where, f"<p>{html_module.escape(line)}</p>"))
    return out


def _blocks_of(box: etree._Element, where: str, *, pruned: bool = True) -> list[Block]:
    """The blocks of an HTML fragment; ``pruned``, as the chosen content is (captions, link
    lists, share boxes go: script data holds the article's whole markup). A ``<noscript>`` box
    is what the page shows in place of its scripts' gallery or player: its captions are its text."""
    from newsclean.cleaners.html import blocks_from_element  # html imports this module

    for el in list(box.iter("script", "style", "template")):
        parent = el.getparent()
        if parent is not None:
            parent.remove(el)
    if pruned:
        prune(MainContent(box, [box]))
    return [b for b in blocks_from_element(box, where, main_only=pruned) if b.text.strip()]


# --- measures ------------------------------------------------------------------------------


def _is_prose(text: str) -> bool:
    """A string of sentences: words, a sentence's end, no code, not a URL or an identifier."""
    if len(text) < 40:
        return False
    if _HTML.search(text):
        text = _ANY_TAG.sub("", _BREAK.sub("\n", text))
    letters = len(_WORD.findall(text))
    if letters < 0.6 * len(text.replace(" ", "")) or not _SENTENCE_END.search(text):
        return False
    return " " in text.strip() or any(ord(c) > 0x2E80 for c in text[:40])


def _prose_chars(texts: list[str]) -> int:
    """Characters (spaces not counted) of the lines among ``texts`` that are prose."""
    total = 0
    for text in texts:
        if _HTML.search(text):
            text = html_module.unescape(_ANY_TAG.sub("", _BREAK.sub("\n", text)))
        for line in text.split("\n"):
            line = line.strip()
            if _is_prose(line) and not _CODE.search(line):
                total += len(line) - line.count(" ")
    return total


def _cue_words(text: str) -> set[str]:
    """The words of a headline or description that an article repeats: words of four letters
    or more (two in scripts other than Latin), and in Chinese and Japanese runs, each pair
    of characters."""
    cues: set[str] = set()
    for word in _WORDS.findall(text.casefold()):
        if _CJK.search(word):
            cues.update(word[i : i + 2] for i in range(len(word) - 1))
        elif len(word) >= 4 or (len(word) >= 2 and not word.isascii()):
            cues.add(word)
    return cues


def _agreement(cues: set[str], text: str) -> float:
    """The share of ``cues`` that ``text`` holds: as a word's start (inflected forms, a Korean
    word with its particle), or as a pair of characters of a Chinese or Japanese run."""
    starts: set[str] = set()
    for word in _WORDS.findall(text.casefold()):
        if _CJK.search(word):
            starts.update(word[i : i + 2] for i in range(len(word) - 1))
        else:
            starts.update(word[:n] for n in range(2, min(len(word), 24) + 1))
    return sum(1 for cue in cues if cue in starts) / len(cues)
