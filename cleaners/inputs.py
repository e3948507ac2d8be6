"""Reading inputs for batch cleaning: files (``.txt``, ``.html``, ``.html.gz``) or standard input."""

from __future__ import annotations

import gzip
import sys
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from newsclean.cleaners.api import clean_html, clean_text, looks_like_html
from newsclean.cleaners.chain import CleanerChain
from newsclean.cleaners.decoding import DecodeError, decode_html, decode_text
from newsclean.cleaners.record import Article
from newsclean.cleaners.site import SiteProfile

__all__ = ["CleanResult", "InputError", "clean_inputs", "read_input"]

MAX_INPUT_BYTES = 50 * 1024 * 1024
"""Inputs larger than this are refused rather than read into memory."""


class InputError(Exception):
    """An input that cannot be cleaned; the message names the problem, the caller the input."""


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The outcome for one input: a record, or the error that stopped it."""

    source: str
    article: Article | None = None
    error: str | None = None


def read_input(source: str) -> bytes:
    """The bytes of ``source`` (a path, or ``-`` for standard input), gunzipped if needed."""
    try:
        if source == "-":
            data = sys.stdin.buffer.read()
        else:
            path = Path(source)
            if path.is_dir():
                raise InputError("is a directory")
            if path.stat().st_size > MAX_INPUT_BYTES:
                raise InputError(f"larger than {MAX_INPUT_BYTES // (1024 * 1024)} MiB")
            data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    if data[:2] == b"\x1f\x8b":
        try:
            data = gzip.decompress(data)
        except (OSError, EOFError, zlib.error) as exc:
            raise InputError(f"corrupt gzip data ({exc})") from None
    if not data.strip():
        raise InputError("empty input")
    return data


def _clean_one(
    source: str, url: str | None, site: SiteProfile | None, chain: CleanerChain, main_content: str, markdown: bool
) -> Article:
    data = read_input(source)
    try:
        if looks_like_html(data):
            article = clean_html(
                decode_html(data), url=url, site=site, chain=chain, main_content=main_content, markdown=markdown
            )
        else:
            article = clean_text(decode_text(data), url=url, site=site, chain=chain, markdown=markdown)
    except DecodeError as exc:
        raise InputError(str(exc)) from None
    if not article.articleBody and not article.headline:
        raise InputError("no article text found")
    article.source = source
    return article


def clean_inputs(
    sources: Iterable[str],
    *,
    url: str | None = None,
    site: SiteProfile | None = None,
    chain: CleanerChain | Mapping[str, int | None] | None = None,
    main_content: str = "scorer",
    markdown: bool = False,
) -> Iterator[CleanResult]:
    """Clean each input in turn; a bad input yields an error result and the rest go on
    (``markdown``: records carry ``articleBodyMarkdown``)."""
    the_chain = chain if isinstance(chain, CleanerChain) else CleanerChain(chain)
    for source in sources:
        try:
            yield CleanResult(source, article=_clean_one(source, url, site, the_chain, main_content, markdown))
        except InputError as exc:
            yield CleanResult(source, error=str(exc))
