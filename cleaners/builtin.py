"""The built-in cleaners by name (what the package's entry points declare)."""

from __future__ import annotations

from collections.abc import Callable

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

__all__ = ["CLEANERS"]

CLEANERS: dict[str, Callable[[], Cleaner]] = {
    "site_rules": SiteRules,
    "edges": Edges,
    "icon_sprites": IconSprites,
    "media_players": MediaPlayers,
    "prompts": Prompts,
    "timestamps": Timestamps,
    "page_chrome": PageChrome,
    "repeats": Repeats,
    "site-memory": SiteMemory,
}
