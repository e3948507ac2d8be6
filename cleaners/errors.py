"""The library's one input-error class: what ``clean_html``, ``clean_text`` and ``clean`` may raise."""

from __future__ import annotations

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


def resolve_url(base: str, ref: str) -> str | None:
    """``ref`` resolved against ``base``, or ``None`` when it is no URL (``http://[::1/x``):
    a page's own links must never raise."""
    try:
        joined = urljoin(base, ref.strip())
        urlsplit(joined).hostname  # noqa: B018 - validates a bracketed host
    except ValueError:
        return None
    return joined
