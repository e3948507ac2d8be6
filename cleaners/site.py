"""Declarative per-site knowledge: the type site profiles are written in, and the registry
that finds a URL's profile.

Profiles come from the entry-point group ``newsclean.sites`` (each entry point names a
:class:`SiteProfile`, a mapping of them, or a function returning either; newsclean's own are in
``newsclean.spiders.sites``) and from :func:`register_site`. Every entry point (the command,
the spiders, the pipelines, library calls such as ``clean_text(dump, url=...)``) looks a URL's
profile up here, so they all apply the same one.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.metadata
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from lxml import etree
    from lxml.cssselect import CSSSelector

__all__ = ["SiteProfile", "get_profile", "profile_for_url", "register_site", "site_profiles"]

SITES_GROUP = "newsclean.sites"
_BUNDLED = "newsclean.spiders.sites"
"""Where newsclean's own profiles live: read directly only from a source tree that was never
installed (an installed one declares it as an entry point)."""

log = logging.getLogger(__name__)


@dataclass(frozen=True, kw_only=True)
class SiteProfile:
    """What is known about one publisher.

    Only ``name`` and ``domains`` are required; everything else refines the generic
    extraction, which fills whatever a profile leaves out. Selectors are CSS.
    """

    name: str
    """Short identifier, also the Scrapy spider name for dedicated spiders (``"rt"``)."""
    domains: tuple[str, ...]
    """Registered domains served by the site; subdomains match too."""
    timezone: str | None = None
    """IANA name of the zone the site prints its times in (``"UTC"`` for rt.com)."""
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    article_url: str | None = None
    """Regular expression a URL must match (``re.search``) to be an article."""
    headline: str | None = None
    standfirst: str | None = None
    date: str | None = None
    authors: str | None = None
    body: str | None = None
    """Selector of the element holding the article text; replaces main-content detection."""
    boilerplate: tuple[str, ...] = ()
    """Selectors of elements inside the body that are never article text."""
    language: str | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def matches_url(self, url: str) -> bool:
        """True when ``url``'s host is one of the site's domains or a subdomain of one."""
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def is_article_url(self, url: str) -> bool:
        """True when ``url`` belongs to the site and matches its article pattern (if any)."""
        if not self.matches_url(url):
            return False
        return self.article_url is None or re.search(self.article_url, url) is not None


_registered: dict[str, SiteProfile] = {}
_installed: dict[str, SiteProfile] | None = None


def _profiles_of(obj: object, origin: str) -> dict[str, SiteProfile]:
    if callable(obj) and not isinstance(obj, SiteProfile):
        obj = obj()
    if isinstance(obj, SiteProfile):
        return {obj.name: obj}
    if isinstance(obj, Mapping) and all(isinstance(p, SiteProfile) for p in obj.values()):
        return {p.name: p for p in obj.values()}
    log.error("site profiles from %s: expected a SiteProfile or a mapping of them, got %r", origin, type(obj))
    return {}


def _load_installed() -> dict[str, SiteProfile]:
    found: dict[str, SiteProfile] = {}
    entry_points = list(importlib.metadata.entry_points(group=SITES_GROUP))
    for ep in entry_points:
        try:
            found.update(_profiles_of(ep.load(), f"entry point {ep.name!r} ({ep.value})"))
        except Exception as exc:  # a broken plugin must not stop the others
            log.error("site profile plugin %r (%s) failed to load: %s", ep.name, ep.value, exc)
    if not entry_points:
        with contextlib.suppress(ImportError):
            found.update(_profiles_of(importlib.import_module(_BUNDLED).all_profiles, _BUNDLED))
    return found


def site_profiles() -> dict[str, SiteProfile]:
    """Every known site profile by name: installed ones, then those given to :func:`register_site`."""
    global _installed
    if _installed is None:
        _installed = _load_installed()
    return {**_installed, **_registered}


def register_site(profile: SiteProfile) -> None:
    """Make ``profile`` known in this process (entry points do the same for installed packages)."""
    _registered[profile.name] = profile


def get_profile(name: str) -> SiteProfile:
    """The profile called ``name``; ``KeyError`` listing the known names otherwise."""
    profiles = site_profiles()
    if name not in profiles:
        raise KeyError(f"unknown site {name!r}; known sites: {', '.join(sorted(profiles))}")
    return profiles[name]


def select_css(root: etree._Element, selector: str) -> list[etree._Element]:
    """``root.cssselect(selector)``: the elements of ``root`` (itself too) that a profile's CSS
    ``selector`` matches, in page order. The selector is translated to XPath and compiled once
    per process, not at every call as lxml.html's ``cssselect`` does (40 us a selector: a
    profile's eight to a dozen selectors cost 6% of a page's cleaning)."""
    found: list[etree._Element] = _compiled_css(selector)(root)
    return found


@lru_cache(maxsize=1024)
def _compiled_css(selector: str) -> CSSSelector:
    from lxml.cssselect import CSSSelector  # (imported on first need, as lxml.html does)

    return CSSSelector(selector, translator="html")


def profile_for_url(url: str | None) -> SiteProfile | None:
    """The profile whose domains include ``url``'s host, if any (the most specific domain wins).

    >>> profile_for_url("https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/").name
    'rt'
    """
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    best: tuple[int, SiteProfile] | None = None
    for profile in site_profiles().values():
        for domain in profile.domains:
            if (host == domain or host.endswith("." + domain)) and (best is None or len(domain) > best[0]):
                best = (len(domain), profile)
    return best[1] if best else None
