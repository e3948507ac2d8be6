"""Icon sprites: the ``<title>`` texts of SVG ``<symbol>`` sets, and their fused runs in text dumps."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsclean.cleaners.chain import Decision
from newsclean.cleaners.document import Block, Document, split_count

__all__ = ["IconSprites"]

SPRITE_PATH = re.compile(r"(?:^|/)(?:svg|symbol|use)(?:[#./]|$)")
"""An element inside an inline ``<svg>`` or ``<symbol>``: never article text."""

_NOT_ICON = r"(?<!sil)(?<!lex)(?<!rub)(?<!opt)(?<!hel)"
ICON_WORD = re.compile(rf"^icons?(?:[-_]|$)|[-_]icons?$|{_NOT_ICON}icon$|^ico[-_]|^svg[-_]|[-_]ico$", re.I)
"""A word that names an icon: "icon", "bookmarkicon", "icon-share", "svg-facebook"; never an
English word that holds the letters ("iconic", "silicon", "lexicon", "Rubicon")."""

FUSED_ICON = re.compile(rf"[a-z0-9]{_NOT_ICON}icon(?![a-z])", re.I)
"""An icon name run into the one before it ("bookmarkicon cameraicon")."""

MIN_ICON_WORDS = 4
"""Fewer icon names than this could be prose about icons."""

MIN_ICON_SHARE = 0.5
"""Share of a line's words that must name icons for the line to be a sprite dump."""


_ICON_LETTERS = re.compile("ico|svg", re.I)
"""What every icon word holds (with ``ICON_WORD``'s case rules): a line with fewer than
``MIN_ICON_WORDS`` of these cannot be a sprite dump, and is not split into words."""


def _folds_to_icon_letters(text: str) -> bool:
    """Whether ``text`` holds one of the only non-ASCII characters ``IGNORECASE`` matches with
    letters of "ico" or "svg" (İ, ı and ſ; found by asking ``re`` of every code point): without
    them, lowering is exact. Looked for as substrings (none costs anything on text whose
    characters all fit in a byte, each a ``memchr`` on other text), not by a character class
    ``re`` steps through every character for."""
    return "\u0130" in text or "\u0131" in text or "\u017f" in text


def _icon_letters(text: str) -> int:
    """How many times ``_ICON_LETTERS`` matches ``text``: counted as substrings of the text
    lowered (the same: neither string can overlap itself or the other, and lowering keeps every
    other character one character, matching as ``IGNORECASE`` does)."""
    if text.isascii():
        low = text.lower()
        return low.count("ico") + low.count("svg")
    if not _folds_to_icon_letters(text):
        # The same counts in the UTF-8 bytes lowered: ``bytes.lower`` lowers ASCII letters
        # alone, no other character lowers to an ASCII letter but İ (left out above) and the
        # Kelvin sign (to "k"), and no byte of a non-ASCII character's UTF-8 is an ASCII one.
        # ``str.lower`` of non-ASCII text looks each character up in the Unicode tables: in
        # the extraction's run, 8x slower than the encoding.
        raw = text.encode("utf-8", "surrogatepass").lower()
        return raw.count(b"ico") + raw.count(b"svg")
    return len(_ICON_LETTERS.findall(text))


def _is_sprite_text(text: str) -> bool:
    # The letters first: a paragraph has the words, almost never the letters.
    if _icon_letters(text) < MIN_ICON_WORDS or split_count(text) < MIN_ICON_WORDS:
        return False
    words = text.split()
    icon_words = sum(1 for w in words if ICON_WORD.search(w))
    fused = len(FUSED_ICON.findall(text))
    return icon_words >= MIN_ICON_WORDS and (icon_words / len(words) >= MIN_ICON_SHARE or fused >= 8)


class IconSprites:
    """Removes icon-sprite text: SVG symbol titles and runs of fused icon names."""

    name = "icon_sprites"
    order = 100

    def __call__(self, doc: Document) -> Iterator[Decision]:
        for i, block in enumerate(doc.blocks):
            if _inside_svg(block):
                yield Decision.remove(i, "text of an SVG icon (inside <svg>/<symbol>)")
            elif _is_sprite_text(block.text):
                yield Decision.remove(i, "icon names fused together: an SVG sprite's titles")


def _inside_svg(block: Block) -> bool:
    path = block.path
    # Every match holds one of the three names: most paths hold none, and a substring search
    # is far cheaper than the pattern tried at every position.
    if not path or ("svg" not in path and "symbol" not in path and "use" not in path):
        return False
    return SPRITE_PATH.search(path) is not None
