"""The built-in cleaners: the one list of them (each class carries its ``name`` and ``order``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from newsclean.cleaners.chain import Cleaner
from newsclean.cleaners.edges import Edges
from newsclean.cleaners.icon_sprites import IconSprites
from newsclean.cleaners.media_players import MediaPlayers
from newsclean.cleaners.page_chrome import PageChrome
from newsclean.cleaners.prompts import Prompts
from newsclean.cleaners.repeats import Repeats
from newsclean.cleaners.site_memory import SiteMemory
from newsclean.cleaners.site_rules import SiteRules
from newsclean.cleaners.timestamps import Timestamps

__all__ = ["CLEANERS", "DEFAULT_CLEANERS"]

_CLASSES: tuple[Any, ...] = (
    SiteRules, Edges, IconSprites, MediaPlayers, Prompts, Timestamps, PageChrome, Repeats, SiteMemory
)

CLEANERS: dict[str, Callable[[], Cleaner]] = {cls.name: cls for cls in _CLASSES}
"""Built-in cleaners by name."""

DEFAULT_CLEANERS: dict[str, int] = {cls.name: cls.order for cls in _CLASSES}
"""Built-in cleaners and their order (lower runs first)."""
