"""Caseless patterns answer as the case-insensitive patterns they stand for."""

from __future__ import annotations

import importlib
import random
import re
import zlib

import pytest
from newsclean.cleaners.caseless import Caseless, anchored, lowered, match_starts, needles, searcher, starts

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
    "Ä", "ſ", "\u212a", "İ", "ı", "é", "’", "—", "\n", "we", "this site", "get", "commission",
]  # fmt: skip

_SPECIALS = {"s": "ſ", "k": "\u212a", "i": "ı"}


def _variants(needle: str, rng: random.Random) -> str:
    """``needle`` as a page may print it: in capitals, or with a letter IGNORECASE folds to it."""
    roll = rng.random()
    if roll < 0.3:
        return needle.upper()
    if roll < 0.5:
        for plain, special in _SPECIALS.items():
            if plain in needle:
                return needle.replace(plain, special if rng.random() < 0.5 else special.upper(), 1)
    if roll < 0.6 and "i" in needle:
        return needle.replace("i", "İ", 1)
    return needle


def _texts(pattern: re.Pattern[str], seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    gate = starts(pattern)
    at_start = match_starts(pattern)
    pool = PIECES + sorted(needles(pattern) or ()) + sorted(gate[0] | gate[1] if gate else ())
    pool += sorted(at_start[0] | at_start[1] if at_start else ())
    texts = []
    for _ in range(count):
        parts = [_variants(rng.choice(pool), rng) for _ in range(rng.randint(1, 6))]
        text = rng.choice(["", " ", "-"]).join(parts)
        texts.append(text.upper() if rng.random() < 0.1 else text)
    return texts


def test_the_cleaners_patterns_are_covered() -> None:
    names = {name for name, _ in PATTERNS}
    assert {"content.UNLIKELY", "content.COMMENTS", "prompts.CALL_TO_ACTION", "media_players.CONTROL_WORDS"} <= names


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _ in PATTERNS])
def test_same_answers_as_the_pattern(name: str, pattern: re.Pattern[str]) -> None:
    fast = Caseless(pattern)
    gated = Caseless(pattern, match_gate=True)
    for text in _texts(pattern, zlib.crc32(name.encode()), 3000):
        assert fast.search(text) == (pattern.search(text) is not None), text
        assert fast.match(text) == (pattern.match(text) is not None), text
        assert gated.match(text) == gated.match(text, lowered(text)) == (pattern.match(text) is not None), text
        assert fast.fullmatch(text) == (pattern.fullmatch(text) is not None), text
        # The text lowered once by the caller, for several patterns (prompts._prompt_reason).
        assert fast.search(text, lowered(text)) == (pattern.search(text) is not None), text
        assert fast.match(text, lowered(text)) == (pattern.match(text) is not None), text


def test_needles_are_what_every_match_holds() -> None:
    disclosure = needles(importlib.import_module("newsclean.cleaners.prompts").DISCLOSURE)
    assert disclosure is not None and "commission" in disclosure and "affiliate " in disclosure
    assert needles(re.compile(r"ab(?:cd|ef)+g?", re.I)) in ({"ab"}, {"cd", "ef"})
    assert needles(re.compile(r"x?y*", re.I)) is None  # nothing every match must hold
    assert needles(re.compile(r"(?:abc|d*)e", re.I)) == {"e"}  # "d*" may be empty: the branch has none
    assert needles(re.compile("|".join(f"{chr(97 + n % 26)}{n:03d}x" for n in range(60)), re.I)) is None  # too many


def test_non_ascii_text_folds_as_the_pattern_does() -> None:
    # Under IGNORECASE the long s matches "s", the Kelvin sign "k", dotted and dotless I "i".
    share = Caseless(re.compile(r"share|sharing", re.I))
    assert share.search("ſhare") and share.search("SHARE") and not share.search("shore")
    assert Caseless(re.compile(r"kit|kin", re.I)).search("\u212ait")
    assert Caseless(re.compile(r"link\b|links", re.I)).search("a LİNK here")
    assert Caseless(re.compile(r"link\b|links", re.I)).search("a lınk here")


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


def test_an_alternation_of_words_is_split_at_its_outermost_bars() -> None:
    from newsclean.cleaners.caseless import _top_alternatives, _trie

    assert _top_alternatives(r"ad|ban(?:ner|d)|[|x]|a\|b|^ads?$") == ["ad", "ban(?:ner|d)", "[|x]", r"a\|b", "^ads?$"]
    assert _top_alternatives(r"(?:a|b)") is None  # one piece
    assert _top_alternatives(r"(?i)a|b") is None  # inline flags
    assert _top_alternatives(r"(a)|\1b") is None  # a backreference
    assert _top_alternatives(r"[]|]|x") == ["[]|]", "x"]  # a leading ] is in the class
    words = ["ad", "advert", "banner", "ban", "x.y"]
    trie = re.compile(_trie(words))
    for text in ["an advert", "bank", "band", "a", "xzy", "x.y", "", "b-a-n"]:
        assert (trie.search(text) is not None) == any(w in text for w in words), text


@pytest.mark.parametrize(
    "source",
    [
        r"-ad-|^ad-|[-_]ads?$|^ads?$|advert|banner|tool-?bar|most-?(?:read|popular)|comment",
        r"summary|standfirst|lead|dek|intro|subtitle|subhead|teaser|excerpt|description|kicker|deck|sub",
        r"a\|b|c\.d|[|]x|(?:e|f)g|h",
        r"sr-only|\bhide\b|^x$|y",
    ],
)
def test_words_and_the_other_alternatives_answer_as_the_pattern(source: str) -> None:
    pattern = re.compile(source, re.I)
    fast = Caseless(pattern)
    pool = [*re.findall(r"[a-z]+", source), "ad", "ads", "-ad-", "x_ad", "a|b", "c.d", "cxd", "|x", "eg", "toolbar",
            "tool-bar", "most-read", "MOST", "Hide", "hidden", "x", "ſub", "ı", " ", "-", "_"]  # fmt: skip
    rng = random.Random(source)
    for _ in range(3000):
        text = rng.choice(["", " ", "-", "_"]).join(_variants(rng.choice(pool), rng) for _ in range(rng.randint(1, 4)))
        assert fast.search(text) == (pattern.search(text) is not None), text


def test_anchored_alternatives_are_looked_for_at_the_start() -> None:
    consent = re.compile(r"^(?:by|when\ you)\ (?:signing\ up|clicking)\b.{0,20}agree|\bno\ spam\b|^i\ agree", re.I)
    assert starts(consent) == (
        {"by signing up", "by clicking", "when you signing up", "when you clicking", "i agree"},
        {"no spam"},
    )
    fast = Caseless(consent)
    assert fast.search("By Signing Up you agree") and fast.search("I AGREE") and fast.search("Sent, NO SPAM.")
    assert not fast.search("Residents said: by signing up you agree")  # not at the start
    assert starts(re.compile(r"^\s*(?:©|copyright)|x", re.I)) is None  # no fixed beginning: needles as before
    assert starts(re.compile(r"advert|banner", re.I)) is None  # nothing anchored
    assert starts(re.compile(r"^ads?$|[-_]ads?$", re.I)) == ({"ad"}, {"-ad", "_ad"})
    assert starts(re.compile(r"(?m)^subscribe|x\d", re.I)) is None  # ^ after every line break
    assert starts(re.compile(r"^subscribe|x\d", re.I | re.M)) is None
    assert starts(re.compile(r"\Asubscribe|(?:^|-)ad\b", re.I)) == ({"subscribe"}, {"ad"})
    # Many strings of a fixed run (3 x 3 x 3 crossed) give way to its needle: the gate stays small.
    german = re.compile(
        r"^like\ this|hat\ (?:ihnen|dir|euch)\ (?:dieser|der|unser)\ (?:artikel|beitrag|text)\ gefallen", re.I
    )
    assert starts(german) == ({"like this"}, {" gefallen"})
    assert starts(importlib.import_module("newsclean.cleaners.prompts").NOTICE) is not None


def test_a_pattern_anchored_at_the_start_is_tried_there_only() -> None:
    # The reply form's small print opens the block; the same words later in a report do not count.
    form = re.compile(r"""^(?:(?:this\ is\ a\ preview\.\s*)?your\ comment\ is\ awaiting\ moderation\b|
        (?:name|e-?mail)\s*\*\s*$)""", re.I | re.X)
    assert anchored(form) and anchored(re.compile(r"\Acopy", re.I))
    assert not anchored(re.compile(r"^subscribe|no spam", re.I))  # one alternative anywhere
    assert not anchored(re.compile(r"(?m)^subscribe", re.I)) and not anchored(re.compile(r"^subscribe", re.I | re.M))
    fast = Caseless(form)
    assert fast.search("Your comment is awaiting moderation.") and fast.search("E-MAIL *")
    assert fast.search("This is a preview. YOUR COMMENT IS AWAITING MODERATION")
    assert not fast.search("The mayor said your comment is awaiting moderation, then left.")
    assert not fast.search("Name the street. Email *")


@pytest.mark.parametrize(
    "source",
    [
        r"^(?:by|when\ you)\ (?:signing\ up|clicking)\b.{0,20}agree|\bno\ spam\b|^i\ agree",
        r"(?m)^subscribe\b|\bno spam",
        r"^subscribe\b|\bno spam",
        r"^(?:read|see)(?:\ also|\ more)?:|^ads?$|[-_]ads?$|\Acopy(?:right)?",
        r"^(?:the\ )?views\ expressed|^feature(?:d)?\ image|^wait!?\s*before|^[ab]x+y",
        r"(?:^|(?<=[.!?]\s))already\ have|^(?:a|)b|^(?:ab)+c",
    ],
)
def test_anchored_gates_answer_as_the_pattern(source: str) -> None:
    pattern = re.compile(source, re.I)
    fast = Caseless(pattern)
    pool = ["by signing up", "when you clicking", "agree", "no spam", "i agree", "subscribe", "read also:", "see:",
            "ads", "ad", "x_ad", "-ads", "copyright", "copy", "the views expressed", "views expressed",
            "featured image", "feature image", "wait! before", "waitbefore", "axxy", "bxy", "cxy", "already have",
            "so. already have", "b", "ababc", "abc", "ac", "\n", " ", ".", "ſ", "\u212a", "İ", "Ä"]  # fmt: skip
    rng = random.Random(source)
    for _ in range(3000):
        text = rng.choice(["", " ", "\n"]).join(_variants(rng.choice(pool), rng) for _ in range(rng.randint(1, 4)))
        assert fast.search(text) == (pattern.search(text) is not None), text


def test_a_match_checks_its_beginnings_and_the_other_alternatives_needles() -> None:
    # Each choice of a first item, followed by the rest, gives its beginnings or its needles.
    label = re.compile(
        r"^(?:(?:ad|sponsored|(?:advert\s*)?scroll\ on)|\d+\ comments?|(?=.*\bour\b).{0,9}\bnews)\s*$", re.I
    )
    assert match_starts(label) == ({"ad", "sponsored", "advert", "scroll on"}, {" comment", "news"})
    assert match_starts(re.compile(r"^(?:ad|sponsored)\s*$", re.I)) is None  # fixed beginnings: fails at once
    assert match_starts(re.compile(r"\w+ news|x*", re.I)) is None  # an alternative with neither
    newsletter = importlib.import_module("newsclean.cleaners.prompts").NEWSLETTER
    found = match_starts(newsletter)
    assert found is not None and found[1] == {"newsletter", "comment"}  # not "ad": an alternative's beginning
    fast = Caseless(label, match_gate=True)
    pool = ["ad", "AD", "sponsored", "advert", "scroll on", "12 comments", "1 comment", "our", "news", "our news",
            "x", " ", "\n", "ſ", "\u212a", "İ", "Ä"]  # fmt: skip
    rng = random.Random(7)
    for _ in range(3000):
        text = rng.choice(["", " ", "\n"]).join(_variants(rng.choice(pool), rng) for _ in range(rng.randint(1, 4)))
        assert fast.match(text) == fast.search(text) == (label.match(text) is not None), text
