"""Python's cyclic garbage collector paused while one page is cleaned.

Cleaning a page makes no reference cycles (``tests/test_no_cycles.py``): everything it
allocates is freed by reference counting when the call returns. Yet the thousands of lxml
proxies and text measures alive during the call trip the collector's young generations again
and again, which move them to the oldest one; every so often that makes a full collection,
which walks every object of the process (tens of milliseconds in a crawler with its libraries
loaded) to find nothing of ours. Paused for the call, the collector is back as it was when the
call returns, with none of the call's objects counted against it: the same work is done, less
the collections.

Only one call at a time pauses it, the outermost of the first thread in (a nested or concurrent
call runs as it is): the collector is never off for longer than one page's cleaning. A caller
that switched it off keeps it off.
"""

from __future__ import annotations

import functools
import gc
import threading
from collections.abc import Callable
from typing import ParamSpec, TypeVar

__all__ = ["collector_paused"]

P = ParamSpec("P")
R = TypeVar("R")

_lock = threading.Lock()
_owner: int | None = None
"""The thread whose call paused the collector, while it runs."""


def collector_paused(fn: Callable[P, R]) -> Callable[P, R]:
    """``fn`` with the cyclic garbage collector paused while it runs (see the module)."""

    @functools.wraps(fn)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        global _owner
        if _owner is not None or not gc.isenabled():
            return fn(*args, **kwargs)  # nested, concurrent, or the caller turned it off
        with _lock:
            mine = _owner is None and gc.isenabled()
            if mine:
                _owner = threading.get_ident()
                gc.disable()
        if not mine:
            return fn(*args, **kwargs)
        try:
            return fn(*args, **kwargs)
        finally:
            with _lock:
                _owner = None
                gc.enable()

    return paused
