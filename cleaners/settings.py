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
}
"""Built-in cleaners and their order (lower runs first)."""

DEFAULTS: dict[str, Any] = {
    # Cleaner chain: {name: order}; merged over DEFAULT_CLEANERS; an order of None turns a
    # cleaner off. Plugins not named here run at the order their class declares (default 900).
    "NEWSCLEAN_CLEANERS": {},
}
