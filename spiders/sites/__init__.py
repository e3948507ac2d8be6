"""Site profiles, one small module per publisher; :func:`profile_for_url` finds the right one.

This package never imports Scrapy, so the ``newsclean clean`` command and library users can
look profiles up cheaply.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from newsclean.cleaners.site import SiteProfile

__all__ = ["all_profiles", "get_profile", "profile_for_url"]


@cache
def all_profiles() -> dict[str, SiteProfile]:
    """Every profile in this package by name (each module defines ``PROFILE``)."""
    found: dict[str, SiteProfile] = {}
    for info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{info.name}")
        profile = getattr(module, "PROFILE", None)
        if isinstance(profile, SiteProfile):
            found[profile.name] = profile
    return found


def get_profile(name: str) -> SiteProfile:
    """The profile called ``name``; ``KeyError`` listing the known names otherwise."""
    profiles = all_profiles()
    if name not in profiles:
        raise KeyError(f"unknown site {name!r}; known sites: {', '.join(sorted(profiles))}")
    return profiles[name]


def profile_for_url(url: str | None) -> SiteProfile | None:
    """The profile whose domains include ``url``'s host, if any."""
    if not url:
        return None
    return next((p for p in all_profiles().values() if p.matches_url(url)), None)
