"""The library's one input-error class: what ``clean_html``, ``clean_text`` and ``clean`` may raise."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

__all__ = ["InputError", "check_url", "resolve_url"]


class InputError(ValueError):
    """An input the library cannot clean; the message names the problem.

    Raised for binary bytes (:class:`~newsclean.cleaners.DecodeError`, a subclass) and for a
    malformed ``url`` argument. Any other content, however broken, gives a record.
    """


def check_url(url: str | None) -> str | None:
    """``url`` unchanged, or :class:`InputError` when it cannot be parsed (``http://[::1``)."""
    if url is None:
        return None
    try:
        urlsplit(url).hostname  # noqa: B018 - validates a bracketed host
    except ValueError as exc:
        raise InputError(f"malformed url {url!r}: {exc}") from None
    return url


_PLAIN_URL = re.compile(
    r"\Ahttps?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::[0-9]{1,5})?"
    r"(?:/[A-Za-z0-9._~%!$&'()*+,=:@/-]*)?(?:\?[A-Za-z0-9._~%!$&'()*+,=:@/?-]+)?\Z"
)
"""An absolute http(s) address that ``urljoin`` gives back as it is, whatever the (likewise
plain) base: a lowercase scheme, a host of ASCII letters, digits and dots, a path from ``/`` and
a query that is not empty, without ``;`` (path parameters), ``#``, brackets, white space or
characters outside ASCII (``urlsplit``'s round trip drops an empty query or fragment, a
trailing ``;``, tabs and line breaks, and lowers a scheme)."""


def resolve_url(base: str, ref: str) -> str | None:
    """``ref`` resolved against ``base``, or ``None`` when it is no URL (``http://[::1/x``):
    a page's own links must never raise."""
    ref = ref.strip()
    if _PLAIN_URL.match(ref) is not None and _PLAIN_URL.match(base) is not None:
        return ref  # what urljoin gives (a page's absolute image and link addresses, mostly)
    try:
        joined = urljoin(base, ref)
        urlsplit(joined).hostname  # noqa: B018 - validates a bracketed host
    except ValueError:
        return None
    return joined
