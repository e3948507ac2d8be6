"""Cleaning a page pauses Python's cyclic garbage collector for the call only: it is back as it
was when the call returns or raises, a caller that turned it off keeps it off, and a call
running beside the pausing one in another thread never turns it back on under it."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest
from newsclean.cleaners import InputError, clean_html, clean_text
from newsclean.cleaners.gc_pause import collector_paused

PAGE = "<html><body><article><h1>Flood</h1><p>" + "The river rose over the bank, and the town waited. " * 8
PAGE += "</p></article></body></html>"


@pytest.fixture(autouse=True)
def _collector_restored() -> Iterator[None]:
    enabled = gc.isenabled()
    yield
    if enabled:
        gc.enable()
    else:
        gc.disable()


def test_the_collector_is_off_during_the_call_and_on_after_it() -> None:
    seen: list[bool] = []

    @collector_paused
    def work() -> str:
        seen.append(gc.isenabled())
        return "done"

    gc.enable()
    assert work() == "done"
    assert seen == [False]
    assert gc.isenabled()


def test_the_collector_is_back_when_the_call_raises() -> None:
    gc.enable()
    with pytest.raises(InputError):
        clean_html(PAGE, url="https://example.com/news/flood", max_bytes=100)
    with pytest.raises(InputError):
        clean_text(PAGE, max_bytes=100)
    assert gc.isenabled()


def test_a_caller_that_turned_the_collector_off_keeps_it_off() -> None:
    gc.disable()
    article = clean_html(PAGE, url="https://example.com/news/flood", find_site=False)
    assert "river rose" in article.articleBody
    assert not gc.isenabled()


def test_nested_calls_leave_the_collector_to_the_outermost() -> None:
    seen: list[bool] = []

    @collector_paused
    def inner() -> None:
        seen.append(gc.isenabled())

    @collector_paused
    def outer() -> None:
        inner()
        seen.append(gc.isenabled())  # the inner call's end did not turn it back on

    gc.enable()
    outer()
    assert seen == [False, False]
    assert gc.isenabled()


def test_a_concurrent_call_does_not_turn_the_collector_on_under_the_pausing_one() -> None:
    first_in, release = threading.Event(), threading.Event()
    seen: dict[str, bool] = {}

    @collector_paused
    def first() -> None:
        first_in.set()
        release.wait(10)
        seen["first, after the second ended"] = gc.isenabled()

    @collector_paused
    def second() -> None:
        seen["second"] = gc.isenabled()

    gc.enable()
    thread = threading.Thread(target=first)
    thread.start()
    assert first_in.wait(10)
    second()  # runs as it is: the collector stays as the first call left it
    release.set()
    thread.join(10)
    assert seen == {"second": False, "first, after the second ended": False}
    assert gc.isenabled()


def test_cleaning_gives_the_same_record_with_the_collector_on_or_off() -> None:
    gc.enable()
    on = clean_html(PAGE, url="https://example.com/news/flood", find_site=False, fetched_at="2026-01-01T00:00:00")
    gc.disable()
    off = clean_html(PAGE, url="https://example.com/news/flood", find_site=False, fetched_at="2026-01-01T00:00:00")
    assert on.to_dict() == off.to_dict()
