"""Caseless patterns answer as the case-insensitive patterns they stand for."""

from __future__ import annotations

import importlib
import random
import re
import zlib

import pytest
from newsclean.cleaners.caseless import Caseless, searcher

MODULES = ["boxes", "content", "media_players", "metadata", "prompts", "regions", "html", "icon_sprites"]


def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for name in MODULES:
        module = importlib.import_module(f"newsclean.cleaners.{name}")
        for attr, value in vars(module).items():
            if isinstance(value, re.Pattern) and value.flags & re.IGNORECASE:
                try:
                    Caseless(value)
                except ValueError:
                    continue
                found.append((f"{name}.{attr}", value))
    return found


PATTERNS = _patterns()

PIECES = [
    "Share", "SHARE this article", "sidebar", "Comments", "comment-list", "related-posts", "AD", "ads",
    "nav", "Menu", "footer", "article-body", "entry-content", "Read More", "Subscribe to our newsletter",
    "display: NONE", "visibility:hidden", "Current Time", "0:00", "Duration", "Listen to this article",
    "We may earn a commission", "affiliate links", "©", "All Rights Reserved", "the", " ", "-", "_", ".",
    "Ä", "ſ", "\u212a", "İ", "ı", "é", "’", "—", "\n",
]  # fmt: skip


def _texts(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = []
    for _ in range(count):
        parts = [rng.choice(PIECES) for _ in range(rng.randint(1, 5))]
        text = rng.choice(["", " ", "-"]).join(parts)
        texts.append(text.upper() if rng.random() < 0.2 else text)
    return texts


def test_the_cleaners_patterns_are_covered() -> None:
    names = {name for name, _ in PATTERNS}
    assert {"content.UNLIKELY", "content.COMMENTS", "prompts.CALL_TO_ACTION", "media_players.CONTROL_WORDS"} <= names


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_same_answers_as_the_pattern(name: str, pattern: re.Pattern[str]) -> None:
    fast = Caseless(pattern)
    for text in _texts(zlib.crc32(name.encode()), 3000):
        assert fast.search(text) == (pattern.search(text) is not None), text
        assert fast.match(text) == (pattern.match(text) is not None), text
        assert fast.fullmatch(text) == (pattern.fullmatch(text) is not None), text


def test_non_ascii_text_folds_as_the_pattern_does() -> None:
    # Under IGNORECASE the long s matches "s" and the Kelvin sign "k": the original decides.
    share = Caseless(re.compile(r"share", re.I))
    assert share.search("ſhare") and share.search("SHARE") and not share.search("shore")
    assert Caseless(re.compile(r"kit", re.I)).search("\u212ait")


@pytest.mark.parametrize(
    "source",
    [r"Share", r"[A-Z]x", r"(?-i:x)y", r"\x41", "\u212a", "[\u00a1-\u02af]"],
)
def test_patterns_that_lowering_would_change_are_refused(source: str) -> None:
    with pytest.raises(ValueError, match="cannot be asked of lowered text"):
        Caseless(re.compile(source, re.I))


def test_a_case_sensitive_pattern_is_refused_and_searched_as_it_is() -> None:
    with pytest.raises(ValueError, match="not case-insensitive"):
        Caseless(re.compile("share"))
    search = searcher(re.compile("Share"))
    assert search("Share it") and not search("share it")
    assert searcher(re.compile("Share", re.I))("SHARE it")
