"""Reading inputs for batch cleaning: files (``.txt``, ``.html``, ``.html.gz``) or standard input."""

from __future__ import annotations

import os
import select
import stat
import sys
import time
import traceback
import zlib
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from newsclean.cleaners.api import MAX_PAGE_BYTES, clean_html, clean_text, looks_like_html
from newsclean.cleaners.chain import CleanerChain
from newsclean.cleaners.decoding import decode_html, decode_text
from newsclean.cleaners.errors import InputError
from newsclean.cleaners.record import Article
from newsclean.cleaners.site import SiteProfile

__all__ = ["CleanResult", "InputError", "clean_inputs", "read_input"]

MAX_INPUT_BYTES = 50 * 1024 * 1024
"""Default of ``NEWSCLEAN_MAX_INPUT_BYTES``: an input larger than this, read or gunzipped, is refused."""

INPUT_TIMEOUT = 30.0
"""Default of ``NEWSCLEAN_INPUT_TIMEOUT``: a pipe, FIFO or device that sends nothing for this
many seconds is given up (a FIFO nobody writes to would block the batch forever)."""

_CHUNK = 1 << 16
_TRUNCATED = "Compressed file ended before the end-of-stream marker was reached"


@dataclass(frozen=True, slots=True)
class CleanResult:
    """The outcome for one input: a record, or the error that stopped it."""

    source: str
    article: Article | None = None
    error: str | None = None


def _too_large(limit: int) -> InputError:
    size = f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit} bytes"
    return InputError(f"larger than {size} (NEWSCLEAN_MAX_INPUT_BYTES)")


def _read_stream(fd: int, limit: int, timeout: float, *, named_fifo: bool = False) -> bytes:
    """Read ``fd`` (a pipe, FIFO or device) to its end, at most ``limit`` bytes, giving up after
    ``timeout`` seconds without data. ``fd`` is non-blocking: a FIFO without a writer reads as
    empty until one connects."""
    chunks: list[bytes] = []
    size = 0
    idle_since = time.monotonic()
    while True:
        ready, _, _ = select.select([fd], [], [], max(0.0, idle_since + timeout - time.monotonic()))
        if not ready and time.monotonic() - idle_since >= timeout:
            raise InputError(f"no data for {timeout:g} s (NEWSCLEAN_INPUT_TIMEOUT)")
        try:
            chunk = os.read(fd, _CHUNK)
        except BlockingIOError:
            continue
        if not chunk:
            if size or not named_fifo:
                break
            if time.monotonic() - idle_since >= timeout:
                raise InputError(f"no data for {timeout:g} s (NEWSCLEAN_INPUT_TIMEOUT)")
            time.sleep(0.05)  # a FIFO's writer has not connected yet
            continue
        idle_since = time.monotonic()
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _gunzip(data: bytes, limit: int) -> bytes:
    """Decompress every gzip member of ``data``, refusing output beyond ``limit`` bytes (a bomb)."""
    out: list[bytes] = []
    size = 0
    rest = data
    try:
        while rest[:2] == b"\x1f\x8b":
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            pending = rest
            while pending:
                chunk = inflater.decompress(pending, limit + 1 - size)
                size += len(chunk)
                if size > limit:
                    raise _too_large(limit)
                out.append(chunk)
                pending = inflater.unconsumed_tail
                if inflater.eof:
                    break
            if not inflater.eof:
                raise InputError(f"corrupt gzip data ({_TRUNCATED})")
            rest = inflater.unused_data.lstrip(b"\x00")
    except zlib.error as exc:
        raise InputError(f"corrupt gzip data ({exc})") from None
    return b"".join(out)


def read_input(source: str, *, max_bytes: int | None = None, timeout: float | None = None) -> bytes:
    """The bytes of ``source`` (a path, or ``-`` for standard input), gunzipped if needed.

    At most ``max_bytes`` (:data:`MAX_INPUT_BYTES`) are read or decompressed; a pipe, FIFO or
    device that sends nothing for ``timeout`` seconds (:data:`INPUT_TIMEOUT`) is given up.
    """
    limit = MAX_INPUT_BYTES if max_bytes is None else max_bytes
    wait = INPUT_TIMEOUT if timeout is None else timeout
    try:
        if source == "-":
            data = _read_stdin(limit, wait)
        else:
            path = Path(source)
            if path.is_dir():
                raise InputError("is a directory")
            if path.stat().st_size > limit:
                raise _too_large(limit)
            fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
            try:
                if stat.S_ISREG(os.fstat(fd).st_mode):
                    data = _read_stream_regular(fd, limit)
                else:
                    data = _read_stream(fd, limit, wait, named_fifo=stat.S_ISFIFO(os.fstat(fd).st_mode))
            finally:
                os.close(fd)
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(exc.strerror or str(exc)) from None
    if data[:2] == b"\x1f\x8b":
        data = _gunzip(data, limit)
    if not data.strip():
        raise InputError("empty input")
    return data


def _read_stream_regular(fd: int, limit: int) -> bytes:
    with os.fdopen(os.dup(fd), "rb") as file:
        data = file.read(limit + 1)
    if len(data) > limit:
        raise _too_large(limit)
    return data


def _read_stdin(limit: int, timeout: float) -> bytes:
    fd = sys.stdin.fileno() if sys.stdin is not None else -1
    if fd < 0:
        raise InputError("no standard input")
    if stat.S_ISREG(os.fstat(fd).st_mode):
        return _read_stream_regular(fd, limit)
    blocking = os.get_blocking(fd)
    os.set_blocking(fd, False)
    try:
        return _read_stream(fd, limit, timeout)
    finally:
        os.set_blocking(fd, blocking)


def _clean_one(
    source: str,
    url: str | None,
    site: SiteProfile | None,
    chain: CleanerChain,
    main_content: str,
    markdown: bool,
    limits: tuple[int | None, float | None, int | None],
    fetched_at: datetime | str | None = None,
) -> Article:
    data = read_input(source, max_bytes=limits[0], timeout=limits[1])
    page = limits[2]
    if looks_like_html(data):
        article = clean_html(
            decode_html(data, url=url), url=url, site=site, chain=chain, main_content=main_content, markdown=markdown,
            fetched_at=fetched_at, max_bytes=page,
        )  # fmt: skip
    else:
        article = clean_text(
            decode_text(data, url=url), url=url, site=site, chain=chain, markdown=markdown, fetched_at=fetched_at,
            max_bytes=page,
        )  # fmt: skip
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
    max_bytes: int | None = None,
    timeout: float | None = None,
    fetched_at: datetime | str | None = None,
    max_page_bytes: int | None = MAX_PAGE_BYTES,
) -> Iterator[CleanResult]:
    """Clean each input in turn; a bad input yields an error result and the rest go on
    (``markdown``: records carry ``articleBodyMarkdown``).

    ``max_bytes`` and ``timeout`` bound each input's reading (see :func:`read_input`);
    ``fetched_at``: when the inputs were fetched, what relative dates on them count back from
    (see :func:`~newsclean.cleaners.api.clean_html`); ``max_page_bytes``
    (``NEWSCLEAN_MAX_PAGE_BYTES``) bounds the page cleaned once decoded.
    """
    the_chain = chain if isinstance(chain, CleanerChain) else CleanerChain(chain)
    for source in sources:
        try:
            limits = (max_bytes, timeout, max_page_bytes)
            article = _clean_one(source, url, site, the_chain, main_content, markdown, limits, fetched_at)
            yield CleanResult(source, article=article)
        except InputError as exc:
            yield CleanResult(source, error=str(exc))
        except RecursionError:
            yield CleanResult(source, error="nested too deeply to clean")
        except MemoryError:
            yield CleanResult(source, error="out of memory while cleaning")
        except Exception as exc:  # a defect of ours: the input is reported and the batch goes on
            where = traceback.extract_tb(exc.__traceback__)[-1]
            place = f"{Path(where.filename).name}:{where.lineno}"
            yield CleanResult(source, error=f"internal error {type(exc).__name__} at {place}: {exc} (please report)")
