"""Declarative per-site knowledge: the type that site profiles are written in."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

__all__ = ["SiteProfile"]


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
