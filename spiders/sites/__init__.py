"""Site profiles, one small module per publisher (each defines ``PROFILE``).

The package is declared as the ``newsclean.sites`` entry point, so the library's registry
(:func:`newsclean.cleaners.site.profile_for_url`, :func:`~newsclean.cleaners.site.get_profile`)
finds these profiles, with those of any installed plugin, for every caller. This package never
imports Scrapy.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache

from newsclean.cleaners.site import SiteProfile, get_profile, profile_for_url

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
