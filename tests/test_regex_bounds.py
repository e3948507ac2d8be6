"""Every module-level pattern of the three packages runs in bounded time on adversarial strings.

A pattern with nested or adjacent optional quantifiers (``(\\s*[:|]?\\s*x)+``) backtracks
exponentially on a near-miss, and one that starts with ``\\s*`` is quadratic on a long
whitespace run under ``search``; either stalls a crawl's reactor thread on one hostile page.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import signal
import time
from collections.abc import Iterator
from types import FrameType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsclean.cleaners.headline_line import _TITLE_PARTS
from newsclean.cleaners.html import NAME_AGAIN

PACKAGES = ("newsclean.cleaners", "newsclean.spiders", "newsclean.pipelines")

UNITS = (
    "x ", "share ", "a-", "| ", ", ", " ", "\n", "\u00a0", "read more ", "2024 ", "10:00 ", "jan ", "a.", "<p>",
    "(a) ", "and ", "http://", "&amp;", "'ab ", "\"a ", "“a ",
)  # fmt: skip
"""Units repeated into long near-misses: words of the patterns' own vocabulary, separators, space."""

ENDINGS = ("", "!", "\x00")
REPEATS = 5000
BOUND_SECONDS = 2.0
"""A linear pattern handles each 5,000-unit string in milliseconds; a quadratic or exponential one
needs seconds to hours."""


def _patterns() -> Iterator[tuple[str, re.Pattern[str] | re.Pattern[bytes]]]:
    for package_name in PACKAGES:
        package = importlib.import_module(package_name)
        for info in pkgutil.walk_packages(package.__path__, package_name + "."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    yield f"{info.name}.{name}", value


PATTERNS = dict(_patterns())


class _Overrun(Exception):
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Overrun


def test_the_audit_sees_the_patterns() -> None:
    assert "newsclean.cleaners.prompts.SHARE" in PATTERNS
    assert len(PATTERNS) > 50


def test_share_prompt_near_miss_is_fast() -> None:
    # Exponential before: 24 words took 8 s, 40 words hours.
    from newsclean.cleaners.prompts import SHARE

    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, BOUND_SECONDS)
        assert SHARE.match("x " * 40 + "!") is None
        assert SHARE.match("share " + "x " * 400 + "!") is None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert SHARE.match("Share on: Facebook | Twitter | WhatsApp")
    assert SHARE.match("Facebook, Twitter, X")


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_pattern_runs_in_bounded_time(name: str) -> None:
    pattern = PATTERNS[name]
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        for unit in UNITS:
            for ending in ENDINGS:
                text = unit * REPEATS + ending
                subject: str | bytes = text.encode() if isinstance(pattern.pattern, bytes) else text
                for use in ("match", "search"):
                    started = time.perf_counter()
                    signal.setitimer(signal.ITIMER_REAL, BOUND_SECONDS)
                    try:
                        getattr(pattern, use)(subject)
                    except _Overrun:
                        pytest.fail(f"{name}.{use} on {unit!r} * {REPEATS} + {ending!r}: over {BOUND_SECONDS} s")
                    finally:
                        signal.setitimer(signal.ITIMER_REAL, 0)
                    assert time.perf_counter() - started < BOUND_SECONDS
    finally:
        signal.signal(signal.SIGALRM, previous)


SEPARATOR_PIECES = st.sampled_from(
    [" ", "  ", "\u00a0", "\t", "|", "ㅣ", "-", "–", "/", ":", "«", "/", "a", "Site", "é"]
)


@settings.get_profile("shortcuts")
@given(st.lists(SEPARATOR_PIECES, max_size=16).map("".join))
def test_separators_read_from_a_run_s_first_space_are_found_where_they_were(text: str) -> None:
    # _TITLE_PARTS and NAME_AGAIN begin with spaces; their (?<!\s) keeps a search linear and
    # finds what the patterns without it found (a match inside a run also starts at its first space).
    for pattern, before in (
        (_TITLE_PARTS, r"\s+[-|–—·•»«›‹~:/]\s+|\s*[|ㅣ]\s*|(?<=\S):\s+"),
        (NAME_AGAIN, r"\s*[/|–—-]\s*"),
    ):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in re.finditer(before, text)]
    assert _TITLE_PARTS.split(text) == re.split(r"\s+[-|–—·•»«›‹~:/]\s+|\s*[|ㅣ]\s*|(?<=\S):\s+", text)
