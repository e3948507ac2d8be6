"""One identity for a URL: its canonical form and the tracking parameters it sheds."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import unquote_plus, urljoin, urlsplit, urlunsplit

from w3lib.url import safe_url_string

__all__ = ["TRACKING_PARAMETERS", "canonical_url", "is_tracking", "same_site"]

TRACKING_PARAMETERS: tuple[str, ...] = (
    "utm_*", "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid",
    "mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "hsa_*", "mkt_tok", "vero_*",
    "ocid", "cmpid", "cmp", "smid", "s_cid", "xtor", "at_*", "ns_mchannel", "ns_source",
    "ns_campaign", "ns_linkname", "ns_fee", "pk_*", "mtm_*", "oly_*", "ref_src", "ref_url",
    "share", "ito", "wt.mc_id", "spm",
)
"""Query parameters that identify a campaign or a click, not a page (``*`` ends a prefix).
``NEWSCLEAN_TRACKING_PARAMETERS`` adds more."""

_DEFAULT_PORTS = {"http": 80, "https": 443}


def is_tracking(name: str, patterns: Iterable[str]) -> bool:
    key = unquote_plus(name).strip().lower()
    for pattern in patterns:
        p = pattern.lower()
        if key == p or (p.endswith("*") and key.startswith(p[:-1])):
            return True
    return False


def canonical_url(
    url: str, *, base: str | None = None, tracking: Iterable[str] = TRACKING_PARAMETERS
) -> str:
    """``url`` resolved against ``base``, scheme and host lower-cased, default port, fragment and
    tracking parameters dropped; the remaining parameters keep their order and encoding.

    >>> canonical_url("HTTPS://WWW.Example.com:443/a?utm_source=x&id=2&fbclid=y#top")
    'https://www.example.com/a?id=2'
    """
    if base:
        url = urljoin(base, url.strip())
    parts = urlsplit(safe_url_string(url.strip()))
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    netloc = host
    if parts.port is not None and parts.port != _DEFAULT_PORTS.get(scheme):
        netloc = f"{host}:{parts.port}"
    if parts.username:
        netloc = f"{parts.username}{':' + parts.password if parts.password else ''}@{netloc}"
    patterns = tuple(tracking)
    kept = [p for p in parts.query.split("&") if p and not is_tracking(p.split("=", 1)[0], patterns)]
    path = parts.path or ("/" if netloc else "")
    return urlunsplit((scheme, netloc, path, "&".join(kept), ""))


def same_site(a: str, b: str) -> bool:
    host_a = (urlsplit(a).hostname or "").removeprefix("www.")
    host_b = (urlsplit(b).hostname or "").removeprefix("www.")
    return host_a == host_b
