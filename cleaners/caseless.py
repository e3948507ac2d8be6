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
from collections.abc import Callable
from functools import cache
from typing import Any

__all__ = ["Caseless", "needles", "searcher"]

_ESCAPE = re.compile(r"\\.")

MAX_NEEDLES = 50
"""More alternatives than this: no needles (checking them all would cost what the pattern does)."""

_ASCII_FOLDS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The only non-ASCII characters ``IGNORECASE`` matches with ASCII ones (found by asking ``re``
of every code point): İ and ı with i, ſ with s, the Kelvin sign with k."""
_FOLDED = re.compile("[\u0130\u0131\u017f\u212a]")
"""(Translating every non-ASCII text character by character cost more than the pattern.)"""


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


class Caseless:
    """A case-insensitive pattern whose ``search``/``match``/``fullmatch`` say only whether it
    matches (the spans are the original's too; the matched text would be lowered, so it is
    not offered)."""

    __slots__ = ("_lower", "_needles", "pattern")

    def __init__(self, pattern: re.Pattern[str]) -> None:
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
        self._lower = re.compile(source, pattern.flags & ~re.IGNORECASE)
        self._needles = tuple(sorted(needles(pattern) or ()))

    def search(self, text: str) -> bool:
        ascii_ = text.isascii()
        low = text.lower() if ascii_ or not _FOLDED.search(text) else text.translate(_ASCII_FOLDS).lower()
        if self._needles:
            for needle in self._needles:
                if needle in low:
                    break
            else:
                return False  # holds none of the needles
        if ascii_:
            return self._lower.search(low) is not None
        return self.pattern.search(text) is not None

    def match(self, text: str) -> bool:
        # Anchored: the pattern fails at the first characters, as fast as the needles would.
        if text.isascii():
            return self._lower.match(text.lower()) is not None
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
