"""Cleaning a page leaves no reference cycles: the parsed page is freed as soon as the call
returns, not when the cyclic garbage collector next runs (then during whatever runs next)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from newsclean.cleaners import clean_html

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
PAGES = sorted((FIXTURES / "extraction").glob("*.html"))


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_cleaning_a_page_leaves_no_cyclic_garbage(path: Path) -> None:
    html = path.read_bytes()
    clean_html(html, url="https://example.com/news/a-story", find_site=False)  # caches, lazy imports
    enabled = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        record = clean_html(html, url="https://example.com/news/a-story", find_site=False)
        del record
        assert gc.collect() == 0
    finally:
        if enabled:
            gc.enable()
