"""The one table of ``NEWSCLEAN_*`` settings and their defaults, shared by every entry point.

Scrapy reads these names from its settings, the ``newsclean`` command from its options and
the environment; the library's functions take them as keyword arguments. Each key's meaning
is documented in README.md (a test fails when one is not).
"""

from __future__ import annotations

from typing import Any

__all__ = ["DEFAULTS", "DEFAULT_CLEANERS"]

DEFAULT_CLEANERS: dict[str, int] = {
    "icon_sprites": 100,
    "media_players": 200,
    "prompts": 300,
    "timestamps": 400,
    "repeats": 500,
    "site-memory": 600,
}
"""Built-in cleaners and their order (lower runs first)."""

DEFAULTS: dict[str, Any] = {
    # Cleaner chain: {name: order}; merged over DEFAULT_CLEANERS; an order of None turns a
    # cleaner off. Plugins not named here run at the order their class declares (default 900).
    "NEWSCLEAN_CLEANERS": {},
    # Site memory (cleaner "site-memory"): a block is removed once seen on at least this
    # many distinct pages (by URL) of the same site; 2 is the least allowed.
    "NEWSCLEAN_SITE_MEMORY_MIN_PAGES": 3,
    # Site memory: whether a crawl (or `newsclean clean --memory`) feeds the memory with the
    # pages it cleans; False uses the memory read-only, so results never depend on the order
    # pages arrive in.
    "NEWSCLEAN_SITE_MEMORY_LEARN": True,
}
