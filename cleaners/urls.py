"""One identity for a URL: canonical form and tracking parameters.

Discovery (which URLs a crawl knows), the site memory (which pages a block was seen on), the
record's ``canonicalUrl`` and the store (which article a record is a version of) all key an
article by :func:`canonical_url`, so the same article is one key everywhere.

Chosen by measurement (``python -m benchmarks.urls``): w3lib's ``canonicalize_url`` sorts the
query (a page's own parameter order is lost) and keeps tracking parameters and the host's
case; url-normalize keeps tracking parameters too; neither drops ``utm_*``-style parameters,
which feeds add to every link. This function does what both do well (lower-case scheme and
host, IDNA, default port, fragment, dot segments, percent-escape case) plus the tracking
parameters, and keeps the remaining parameters in the page's order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

from newsclean.cleaners.errors import _PLAIN_URL
from w3lib.url import safe_url_string

__all__ = ["TRACKING_PARAMETERS", "canonical_url", "is_tracking", "same_site", "site_host"]

TRACKING_PARAMETERS: tuple[str, ...] = (
    "utm_*", "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "hsa_*", "mkt_tok", "vero_*",
    "ocid", "cmpid", "cmp", "smid", "s_cid", "xtor", "at_*", "ns_mchannel", "ns_source",
    "ns_campaign", "ns_linkname", "ns_fee", "pk_*", "mtm_*", "oly_*", "ref_src", "ref_url",
    "share", "ito", "wt.mc_id", "spm", "ref",
)  # fmt: skip
"""Query parameters that identify a campaign or a click, not a page (``*`` ends a prefix).
``NEWSCLEAN_TRACKING_PARAMETERS`` adds more."""

_DEFAULT_PORTS = {"http": 80, "https": 443}
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def is_tracking(name: str, patterns: Iterable[str] = TRACKING_PARAMETERS) -> bool:
    """Whether the query parameter ``name`` is a tracking one (case-insensitive).

    >>> is_tracking("UTM_Source"), is_tracking("id")
    (True, False)
    """
    key = unquote_plus(name).strip().lower()
    for pattern in patterns:
        p = pattern.lower()
        if key == p or (p.endswith("*") and key.startswith(p[:-1])):
            return True
    return False


def _escape(match: re.Match[str]) -> str:
    char = chr(int(match.group(0)[1:], 16))
    return char if char in _UNRESERVED else match.group(0).upper()


def _remove_dot_segments(path: str) -> str:
    # RFC 3986, section 5.2.4.
    out: list[str] = []
    for segment in path.split("/"):
        if segment == "..":
            if len(out) > 1:
                out.pop()
        elif segment != ".":
            out.append(segment)
    if path.endswith(("/.", "/..")):
        out.append("")
    return "/".join(out)


def canonical_url(url: str, *, base: str | None = None, tracking: Iterable[str] = TRACKING_PARAMETERS) -> str:
    """``url`` (resolved against ``base``) in one canonical form: scheme and host lower-cased
    (IDNA), default port, fragment and tracking parameters dropped, ``.``/``..`` segments
    resolved, percent escapes in one case (unreserved characters decoded); the remaining
    parameters keep their order.

    >>> canonical_url("HTTPS://WWW.Example.com:443/a/./b/../c?utm_source=x&id=2&fbclid=y#top")
    'https://www.example.com/a/c?id=2'
    >>> canonical_url("/news/1?b=2&a=1", base="https://example.com/")
    'https://example.com/news/1?b=2&a=1'
    """
    url = url.strip()
    if base and (_PLAIN_URL.match(url) is None or _PLAIN_URL.match(base) is None):
        url = urljoin(base, url)  # (a plain absolute address against a plain base: itself)
    parts = urlsplit(safe_url_string(url))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    netloc = host
    if parts.port is not None and parts.port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    if parts.username:
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    patterns = tuple(tracking)
    kept = [p for p in parts.query.split("&") if p and not is_tracking(p.split("=", 1)[0], patterns)]
    path = _ESCAPE.sub(_escape, _remove_dot_segments(parts.path)) or ("/" if netloc else "")
    query = _ESCAPE.sub(_escape, "&".join(kept))
    return urlunsplit((scheme, netloc, path, query, ""))


def site_host(url: str) -> str:
    """``url``'s host, lower-cased, without a leading ``www.``.

    >>> site_host("https://WWW.RT.com/news/")
    'rt.com'
    """
    return (urlsplit(url.strip()).hostname or "").rstrip(".").removeprefix("www.")


def site_domain(host: str) -> str:
    """The domain a publisher holds ``host`` under: its last two labels, or three under a
    country's second-level domain (``co.uk``, ``com.au``, ``ne.jp``: a two-letter top level under
    a label of three letters at most).

    >>> site_domain("blogs.nytimes.com"), site_domain("news.bbc.co.uk")
    ('nytimes.com', 'bbc.co.uk')
    """
    labels = host.rstrip(".").lower().split(".")
    n = 3 if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else 2
    return ".".join(labels[-n:])


def same_site(url: str, other: str) -> bool:
    """Whether two URLs are on the same host (``www.`` ignored)."""
    return site_host(url) == site_host(other)
