"""Work stays linear in the input: pages with tens of thousands of siblings."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import lxml.html
import pytest
from newsclean.cleaners.content import _measure, _teaser_cards


class _Overrun(Exception):
    pass


@contextmanager
def within(seconds: float) -> Iterator[None]:
    """Fail when the block runs past ``seconds`` (a bound far above linear work, far below quadratic)."""

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise _Overrun

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Overrun:
        pytest.fail(f"over {seconds} s")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_teaser_rows_with_50k_headings_under_one_parent() -> None:
    # len() of an lxml element walks its children: once per heading it was 50k x 50k steps (> 120 s).
    root = lxml.html.fromstring("<div><section>" + "<h2>Heading</h2>" * 50_000 + "</section></div>")
    stats = _measure(root)
    with within(30):
        assert _teaser_cards(root, stats) == []
