"""Case-insensitive patterns asked faster, with the same answers.

Python's ``re.IGNORECASE`` folds case character by character (with Unicode's special cases:
``ſ`` matches ``s``, the Kelvin sign ``k``), three to four times slower than a plain match. Class
and id strings and most text are ASCII, where folding is plain lowering: an ASCII string,
lowered, matches the same pattern compiled without ``IGNORECASE`` exactly when the string
matches the case-insensitive one, at the same places (lowering ASCII keeps every length). Any
other string is asked of the original pattern.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

__all__ = ["Caseless", "searcher"]

_ESCAPE = re.compile(r"\\.")


def _folds(ch: str) -> bool:
    return ch.lower() != ch or ch.upper() != ch or ch.casefold() != ch


class Caseless:
    """A case-insensitive pattern whose ``search``/``match``/``fullmatch`` say only whether it
    matches (the spans are the original's too; the matched text would be lowered, so it is
    not offered)."""

    __slots__ = ("_lower", "pattern")

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

    def search(self, text: str) -> bool:
        if text.isascii():
            return self._lower.search(text.lower()) is not None
        return self.pattern.search(text) is not None

    def match(self, text: str) -> bool:
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
