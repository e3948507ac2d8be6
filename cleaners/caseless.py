"""Case-insensitive patterns asked faster, with the same answers.

Python's ``re.IGNORECASE`` folds case character by character (with Unicode's special cases:
``ſ`` matches ``s``, the Kelvin sign ``k``), three to four times slower than a plain match. Class
and id strings and most text are ASCII, where folding is plain lowering: an ASCII string,
lowered, matches the same pattern compiled without ``IGNORECASE`` exactly when the string
matches the case-insensitive one, at the same places (lowering ASCII keeps every length). Any
other string is asked of the original pattern.

Before either, the text is checked for the pattern's *needles*, strings of which every match
holds one (read from the parsed pattern: a run of literal characters every match passes
through, or one per alternative): most texts hold none, and a substring search is far cheaper
than a regular expression with dozens of alternatives tried at every position.
"""

from __future__ import annotations

import re
import re._constants as _sre
import re._parser as _sre_parse
from collections.abc import Callable, Iterable
from functools import cache
from typing import Any

__all__ = ["Caseless", "anchored", "lowered", "needles", "searcher", "starts"]

_ESCAPE = re.compile(r"\\.")

MAX_NEEDLES = 50
"""More alternatives than this: no needles (checking them all would cost what the pattern does)."""

MAX_RUN_NEEDLES = 16
"""An alternative's fixed run (:func:`_fixed_runs`) is looked for instead of its needles only
when it is at most this many strings: each choice of a group crossed with the next multiplies
them ("hat (ihnen|dir|euch) (dieser|der|unser) (artikel|beitrag|text) gefallen": 27, where
" gefallen" does), and a pattern whose alternatives need more than :data:`MAX_NEEDLES` in all
gets no gate from :func:`starts` (the notice pattern of ``prompts``: its 16 needles, "like" and
"feature" among them, were searched through every block, where those two can only begin one)."""

_ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The only non-ASCII characters ``IGNORECASE`` matches with ASCII ones (found by asking ``re``
of every code point): İ and ı with i, ſ with s, the Kelvin sign with k."""


def _holds_folded(text: str) -> bool:
    """Whether ``text`` holds one of the four characters of :data:`_ASCII_FOLDS` (translating
    every non-ASCII text character by character cost more than looking). Four substring
    searches: none costs anything on text whose characters all fit in a byte (a German or a
    French paragraph: the four lie past them), each a ``memchr`` on other text, where a
    character class had ``re`` step through every character."""
    return "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text


def lowered(text: str) -> str:
    """``text`` lowered as :class:`Caseless` lowers it: made once for a text asked of several
    patterns, it is passed to each as ``low`` (lowering a block of 200 characters costs about
    what a pattern's needle check does)."""
    return text.lower() if text.isascii() or not _holds_folded(text) else text.translate(_ASCII_FOLDS).lower()


def _folds(ch: str) -> bool:
    return ch.lower() != ch or ch.upper() != ch or ch.casefold() != ch


def needles(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings, in lower case, of which every match of ``pattern`` holds at least one (``None``
    when no such set of at most :data:`MAX_NEEDLES` is found)."""
    found = _needles(_sre_parse.parse(pattern.pattern, pattern.flags))
    return found if found and all(found) else None


def _needles(sequence: Any) -> frozenset[str] | None:
    # The most selective needles of one element every match passes through (its shortest
    # needle the longest): a run of literals, a repeated item (at least once), a group, or
    # an alternation (the union over its alternatives, each of which must have some).
    best: frozenset[str] | None = None
    run = ""

    def consider(found: frozenset[str] | None) -> None:
        nonlocal best
        if found and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, arg in sequence:
        if op is _sre.LITERAL:
            run += chr(arg)
            continue
        consider(frozenset([run]) if run else None)
        run = ""
        found: frozenset[str] | None = None
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            found = _needles(arg[2])
        elif op is _sre.SUBPATTERN:
            found = _needles(arg[-1])
        elif op is _sre.ATOMIC_GROUP:
            found = _needles(arg)
        elif op is _sre.BRANCH:
            parts = [_needles(branch) for branch in arg[1]]
            if all(p is not None for p in parts):
                union = frozenset[str]().union(*parts)  # type: ignore[arg-type]
                found = union if len(union) <= MAX_NEEDLES else None
        consider(found)
    consider(frozenset([run]) if run else None)
    return best


_AT_START = (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING)
_REPEATS = (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT)


def _plain_group(op: Any, arg: Any) -> Any:
    """The inside of a group that sets no flags, else ``None``."""
    if op is _sre.SUBPATTERN and not arg[1] and not arg[2]:
        return arg[3]
    return None


def _cross(heads: frozenset[str], tails: frozenset[str]) -> frozenset[str] | None:
    found = frozenset(head + tail for head in heads for tail in tails)
    return found if len(found) <= MAX_NEEDLES else None


def _strings(sequence: Any) -> frozenset[str] | None:
    """Every string ``sequence`` matches, when it matches at most :data:`MAX_NEEDLES` fixed
    strings (literals, a class of a few, groups and alternations of them), else ``None``."""
    found: frozenset[str] | None = frozenset([""])
    for op, arg in sequence:
        options: frozenset[str] | None = None
        if op is _sre.LITERAL:
            options = frozenset([chr(arg)])
        elif op is _sre.IN and arg and all(item is _sre.LITERAL for item, _ in arg):
            options = frozenset(chr(code) for _, code in arg)
        elif op is _sre.BRANCH:
            parts = [_strings(branch) for branch in arg[1]]
            if all(part is not None for part in parts):
                options = frozenset[str]().union(*parts)  # type: ignore[arg-type]
        elif _plain_group(op, arg) is not None:
            options = _strings(_plain_group(op, arg))
        if options is None or found is None:
            return None
        found = _cross(found, options)
    return found


def _prefixes(sequence: Any) -> frozenset[str] | None:
    """Strings (not empty, at most :data:`MAX_NEEDLES`) one of which every match of ``sequence``
    starts with, else ``None``: its fixed strings from the start, then the beginnings of a
    group, an alternation or a repeated item (at least once) that is not fixed."""
    found = frozenset([""])
    for op, arg in sequence:
        options = _strings([(op, arg)])
        if options is None:
            inner: frozenset[str] | None = None
            if op is _sre.BRANCH:
                parts = [_prefixes(branch) for branch in arg[1]]
                if all(part is not None for part in parts):
                    inner = frozenset[str]().union(*parts)  # type: ignore[arg-type]
            elif _plain_group(op, arg) is not None:
                inner = _prefixes(_plain_group(op, arg))
            elif op in _REPEATS and arg[0] >= 1:
                inner = _prefixes(arg[2])
            longer = _cross(found, inner) if inner else None
            found = longer if longer is not None else found
            break
        longer = _cross(found, options)
        if longer is None:
            break
        found = longer
    return found if all(found) else None


def _gate(sequence: Any, multiline: bool) -> tuple[frozenset[str], frozenset[str]] | None:
    """``(starts, needles)``: every match of ``sequence`` either begins the text with one of
    ``starts`` (an alternative anchored at the start, ``^...``) or holds one of ``needles``
    somewhere (the other alternatives); ``None`` when some alternative has neither."""
    items = list(sequence)
    if len(items) == 1:
        op, arg = items[0]
        if _plain_group(op, arg) is not None:
            return _gate(_plain_group(op, arg), multiline)
        if op is _sre.BRANCH:
            starts: set[str] = set()
            inside: set[str] = set()
            for branch in arg[1]:
                found = _gate(branch, multiline)
                if found is None:
                    return None
                starts.update(found[0])
                inside.update(found[1])
            return frozenset(starts), frozenset(inside)
    if items and items[0][0] is _sre.AT and items[0][1] in _AT_START and not multiline:
        prefixes = _prefixes(items[1:])
        if prefixes:
            return prefixes, frozenset()
    return _held(items)


def _held(items: list[Any]) -> tuple[frozenset[str], frozenset[str]] | None:
    """``(frozenset(), needles)``: strings one of which every match of ``items`` holds
    somewhere (:func:`_needles`, or the longest fixed run's strings when they are longer and at
    most ``MAX_RUN_NEEDLES``), or ``None`` when there are none or one is empty."""
    found_needles = _needles(items)
    runs = _fixed_runs(items)
    if runs and (
        not found_needles or (len(runs) <= MAX_RUN_NEEDLES and min(map(len, runs)) > min(map(len, found_needles)))
    ):
        found_needles = runs
    return (frozenset(), found_needles) if found_needles and all(found_needles) else None


def _fixed_runs(sequence: Any) -> frozenset[str] | None:
    """The strings of the longest run of fixed items in ``sequence`` (by its shortest string),
    a class of a few characters counted (``[-_]ads?``: ``-ad`` or ``_ad``, where
    :func:`needles` sees ``ad``)."""
    best: frozenset[str] | None = None
    run: frozenset[str] | None = frozenset([""])
    for item in [*sequence, (None, None)]:
        options = _strings([item]) if item[0] is not None else None
        longer = _cross(run, options) if run is not None and options is not None else None
        if longer is None:
            if run and all(run) and (best is None or min(map(len, run)) > min(map(len, best))):
                best = run
            run = options
        else:
            run = longer
    return best


def _match_gate_parts(sequence: Any) -> tuple[frozenset[str], frozenset[str]] | None:
    """``(starts, needles)`` for a match at the text's start: each alternative of ``sequence``
    begins with one of ``starts`` (its fixed beginnings, :func:`_prefixes`) or, when it has
    none, holds one of ``needles``; ``None`` when some alternative has neither."""
    items = list(sequence)
    while items and items[0][0] is _sre.AT and items[0][1] in _AT_START:
        items = items[1:]  # (``^`` and ``\A`` hold where a match starts)
    prefixes = _prefixes(items)
    if prefixes:
        return prefixes, frozenset()
    if items:
        # A first item of choices: each choice followed by the rest is asked in its turn
        # (``(?:ad|\d+ comments?)\s*$``: "ad" at the start, "comment" anywhere).
        op, arg = items[0]
        rest = items[1:]
        choices: list[list[Any]] | None = None
        if _plain_group(op, arg) is not None:
            choices = [[*_plain_group(op, arg), *rest]]
        elif op is _sre.BRANCH:
            choices = [[*branch, *rest] for branch in arg[1]]
        elif op in _REPEATS and arg[0] == 0 and arg[1] == 1:
            choices = [[*arg[2], *rest], rest]  # (an optional item, there or not)
        if choices is not None:
            begins: set[str] = set()
            inside: set[str] = set()
            for choice in choices:
                found = _match_gate_parts(choice)
                if found is None:
                    return None
                begins.update(found[0])
                inside.update(found[1])
            return frozenset(begins), frozenset(inside)
    return _held(items)


def match_starts(pattern: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """For a pattern matched at the text's start some of whose alternatives have no fixed
    beginning (``^(?:subscribe now|(?=.*\\bour\\b).{0,60}\\bnewsletters?\\b...)``): ``(starts,
    needles)``, in lower case, such that every match begins with one of ``starts`` or holds one
    of ``needles``, else ``None`` (also when every alternative has a fixed beginning: the
    pattern fails at the first characters, as fast as a check would)."""
    parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    items = list(parsed)
    while items and items[0][0] is _sre.AT and items[0][1] in _AT_START:
        items = items[1:]
    if _prefixes(items):
        return None
    found = _match_gate_parts(items)
    if found is None or not found[1] or len(found[1]) > MAX_NEEDLES:
        return None
    return found


def starts(pattern: re.Pattern[str]) -> tuple[frozenset[str], frozenset[str]] | None:
    """For a pattern some of whose alternatives are anchored at the text's start (``^by
    signing up|^subscribe|\\bno spam\\b``): ``(starts, needles)``, in lower case, such that the
    text of every match begins with one of ``starts`` or holds one of ``needles``, else
    ``None``. An anchored alternative can only match at the start: its first words there say
    more than a word of it anywhere."""
    parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    found = _gate(parsed, bool(parsed.state.flags & re.MULTILINE))
    if found is None or not found[0] or len(found[1]) > MAX_NEEDLES:
        return None
    return found


def anchored(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` starts at the text's start (it opens with ``^`` or
    ``\\A``, without ``MULTILINE``): then ``search`` finds what ``match`` finds."""
    parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
    if parsed.state.flags & re.MULTILINE or not len(parsed):
        return False
    op, arg = parsed[0]
    return op is _sre.AT and arg in _AT_START


TRIE_NEEDLES = 12
"""From this many needles on, they are looked for by one pattern of them as a trie (one pass
over the text, a character compared with each alternative's first) instead of one substring
search each: twice as fast for the 40-odd of the class-word patterns; fewer are searched one by
one, as fast as the trie on short text and faster on long."""


def _top_alternatives(source: str) -> list[str] | None:
    """``source`` split at the ``|`` of its outermost alternation (outside groups, classes and
    escapes), or ``None`` when it is no plain alternation (one piece, inline flags, a
    backreference, or a verbose pattern whose comments could hold a ``|``)."""
    if source.startswith("(?") and not source.startswith(("(?:", "(?=", "(?!", "(?<", "(?P")):
        return None  # inline flags
    if "(?P=" in source or "(?(" in source:
        return None  # a group asked for by name or number
    pieces: list[str] = []
    depth, start, i, in_class = 0, 0, 0, False
    while i < len(source):
        ch = source[i]
        if ch == "\\":
            if source[i + 1 : i + 2].isdigit() or source[i + 1 : i + 2] in ("g", "k"):
                return None  # a backreference: numbering would move
            i += 2
            continue
        if in_class:
            if ch == "]":
                in_class = False
        elif ch == "[":
            in_class = True
            if source[i + 1 : i + 2] == "^":
                i += 1
            if source[i + 1 : i + 2] == "]":
                i += 1  # a leading ] is a member
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            pieces.append(source[start:i])
            start = i + 1
        i += 1
    pieces.append(source[start:])
    return pieces if len(pieces) > 1 else None


def _literal(piece: str, flags: int) -> str | None:
    """The string ``piece`` matches when it matches only that string (literal characters and
    nothing else), else ``None``."""
    try:
        parsed = _sre_parse.parse(piece, flags)
    except re.error:
        return None
    if not all(op is _sre.LITERAL for op, _ in parsed):
        return None
    return "".join(chr(code) for _, code in parsed)


def _trie(words: Iterable[str]) -> str:
    """A pattern matching where one of ``words`` starts (for a search: whether any occurs), the
    words sharing their beginnings (``ad(?:s|vert)``): each alternative starts with a different
    character, which the matcher compares before trying it."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        if "" in node:
            return ""  # a word ends here: a search needs no more of it
        alternatives = [re.escape(ch) + emit(node[ch]) for ch in sorted(node)]
        return alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"

    return emit(root)


def _needle_trie(found: tuple[str, ...]) -> Callable[[str], re.Match[str] | None] | None:
    """The search for any of ``found`` as one pattern, when there are enough of them (see
    :data:`TRIE_NEEDLES`)."""
    return re.compile(_trie(found)).search if len(found) >= TRIE_NEEDLES else None


def _start_gate(pattern: re.Pattern[str], plain: tuple[str, ...]) -> Callable[[str], bool] | None:
    """Whether lowered text may match ``pattern``, by :func:`starts`: its anchored beginnings
    at the text's start, else the other alternatives' needles in it. ``None`` when the pattern
    has no anchored alternative, or when its ``plain`` needles (:func:`needles`) are fewer and
    no shorter than the other alternatives' (the beginnings would only add a check)."""
    found = starts(pattern)
    if found is None:
        return None
    beginnings, inside = tuple(sorted(found[0])), tuple(sorted(found[1]))
    if plain and inside and len(inside) >= len(plain) and min(map(len, inside)) <= min(map(len, plain)):
        return None
    return _check(beginnings, inside)


def _match_gate(pattern: re.Pattern[str]) -> Callable[[str], bool] | None:
    """Whether lowered text may match ``pattern`` at its start, by :func:`match_starts`."""
    found = match_starts(pattern)
    return None if found is None else _check(tuple(sorted(found[0])), tuple(sorted(found[1])))


def _check(beginnings: tuple[str, ...], inside: tuple[str, ...]) -> Callable[[str], bool]:
    """Whether lowered text begins with one of ``beginnings`` or holds one of ``inside``."""
    begin = re.compile(_trie(beginnings)).match if len(beginnings) >= TRIE_NEEDLES else None
    trie = _needle_trie(inside)

    def gate(low: str) -> bool:
        if low.startswith(beginnings) if begin is None else begin(low) is not None:
            return True
        if trie is not None:
            return trie(low) is not None
        for needle in inside:  # (a generator for ``any`` costs more than the searches)
            if needle in low:
                break
        else:
            return False
        return True

    return gate


class Caseless:
    """A case-insensitive pattern whose ``search``/``match``/``fullmatch`` say only whether it
    matches (the spans are the original's too; the matched text would be lowered, so it is
    not offered).

    A pattern that is an alternation some of whose alternatives are plain words
    (``advert|banner|most-?read``) is searched in ASCII text as those words first (any found
    is a match), then as the pattern of the other alternatives: most of a class-word pattern's
    alternatives are words, and a word search settles a match without the pattern."""

    __slots__ = (
        "_anchored",
        "_gate",
        "_lower",
        "_match_gate",
        "_needles",
        "_rest",
        "_rest_gate",
        "_rest_needles",
        "_rest_trie",
        "_trie",
        "_words",
        "pattern",
    )

    def __init__(self, pattern: re.Pattern[str], match_gate: bool = False) -> None:
        """``match_gate``: check :func:`match_starts`'s beginnings and needles before a match
        (for a pattern whose alternatives without a fixed beginning try every position up to a
        bound, ``(?=.*\\bour\\b).{0,60}\\bnewsletters?``; any other fails at its first characters
        faster than the check)."""
        if not pattern.flags & re.IGNORECASE:
            raise ValueError(f"{pattern.pattern!r} is not case-insensitive")
        source = pattern.pattern
        literal = _ESCAPE.sub("", source)
        # Lowered text holds no capital: a capital in the pattern, a scoped case-sensitive
        # group or a character given by its code would match differently.
        if (
            re.search(r"[A-Z]", literal)
            or "(?-i" in source
            or re.search(r"\\[xuUN0-7]", source)
            or any(_folds(ch) for ch in source if not ch.isascii())
            or re.search(r"(?<![\[\\])-[^\x00-\x7f]|[^\x00-\x7f]-[^\]]", source)
        ):
            # A non-ASCII letter can fold to an ASCII one (the Kelvin sign to k), and so can
            # one in a range between non-ASCII characters.
            raise ValueError(f"{source!r} cannot be asked of lowered text")
        self.pattern = pattern
        flags = pattern.flags & ~re.IGNORECASE
        self._lower = re.compile(source, flags)
        self._needles = tuple(sorted(needles(pattern) or ()))
        self._trie = _needle_trie(self._needles)
        self._gate = _start_gate(pattern, self._needles)
        self._match_gate = _match_gate(pattern) if match_gate else None
        self._anchored = anchored(pattern)
        # The plain words among the alternatives, and the rest (asked of ASCII text only).
        self._words: Callable[[str], re.Match[str] | None] | None = None
        self._rest: re.Pattern[str] | None = None
        self._rest_needles: tuple[str, ...] = ()
        self._rest_trie: Callable[[str], re.Match[str] | None] | None = None
        self._rest_gate: Callable[[str], bool] | None = None
        pieces = None if pattern.flags & re.VERBOSE else _top_alternatives(source)
        if pieces is not None:
            words = [w for w in (_literal(piece, flags) for piece in pieces) if w is not None]
            if words and all(words):
                self._words = re.compile(_trie(words)).search
                rest = [piece for piece in pieces if _literal(piece, flags) is None]
                if rest:
                    self._rest = re.compile("|".join(rest), flags)
                    rest_pattern = re.compile("|".join(rest), pattern.flags)
                    self._rest_needles = tuple(sorted(needles(rest_pattern) or ()))
                    self._rest_trie = _needle_trie(self._rest_needles)
                    # Anchored alternatives among the rest (``^ad-|[-_]ads?$``): their
                    # beginnings at the start and the others' fixed runs ("-ad", "_ad") let
                    # fewer texts on to the rest's pattern than its needles ("ad": "header").
                    self._rest_gate = _start_gate(rest_pattern, self._rest_needles)

    def search(self, text: str, low: str | None = None) -> bool:
        """Whether the pattern occurs in ``text`` (``low``: the text by :func:`lowered`, when
        the caller has it)."""
        if self._anchored:
            # Only a match at the start can be found: one attempt there costs less than any
            # look for the needles through the whole text (a block of 400 characters: 5 us).
            return self.match(text, low)
        ascii_ = text.isascii()
        if low is None:
            low = text.lower() if ascii_ or not _holds_folded(text) else text.translate(_ASCII_FOLDS).lower()
        if ascii_ and self._words is not None:
            if self._words(low) is not None:
                return True  # one of the alternatives that are plain words
            if self._rest is None:
                return False
            rest_gate, rest_trie = self._rest_gate, self._rest_trie
            if rest_gate is not None:
                if not rest_gate(low):
                    return False
            elif rest_trie is not None:
                if rest_trie(low) is None:
                    return False
            elif self._rest_needles:
                for needle in self._rest_needles:
                    if needle in low:
                        break
                else:
                    return False
            return self._rest.search(low) is not None
        trie = self._trie
        gate = self._gate
        if gate is not None:
            if not gate(low):
                return False  # begins with none of the anchored beginnings, holds none of the rest's needles
        elif trie is not None:
            if trie(low) is None:
                return False  # holds none of the needles
        elif self._needles:
            for needle in self._needles:
                if needle in low:
                    break
            else:
                return False
        if ascii_:
            return self._lower.search(low) is not None
        return self.pattern.search(text) is not None

    def match(self, text: str, low: str | None = None) -> bool:
        """Whether the pattern matches at the start of ``text`` (``low``: as for :meth:`search`)."""
        # Anchored: the pattern fails at the first characters, as fast as the needles would,
        # unless an alternative has no fixed beginning (``.{0,60}\bnewsletters?``): then the
        # alternatives' beginnings and the others' needles are checked first.
        ascii_ = text.isascii()
        if self._match_gate is not None:
            if low is None:
                low = text.lower() if ascii_ or not _holds_folded(text) else text.translate(_ASCII_FOLDS).lower()
            if not self._match_gate(low):
                return False
        if ascii_:
            return self._lower.match(text.lower() if low is None else low) is not None
        return self.pattern.match(text) is not None

    def fullmatch(self, text: str) -> bool:
        if text.isascii():
            return self._lower.fullmatch(text.lower()) is not None
        return self.pattern.fullmatch(text) is not None


@cache
def searcher(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    """Whether ``pattern`` occurs in a text: through :class:`Caseless` when it can be."""
    if pattern.flags & re.IGNORECASE:
        try:
            return Caseless(pattern).search
        except ValueError:
            pass
    return lambda text: pattern.search(text) is not None
