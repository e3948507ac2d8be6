"""Reading the article store: the queries and listings behind ``newsclean store``, for programs too.

Each query takes a store path (opened read-only in spirit: a missing file, or a file that is
not an article store, is a :class:`~newsclean.pipelines.article_store.StoreError` and is left
untouched) or an open :class:`~newsclean.pipelines.article_store.ArticleStore`, and returns
plain data; each ``format_*`` function turns that data into the lines the command prints::

    from newsclean.pipelines.store_query import format_records, recent

    for line in format_records(recent("out/newsclean.sqlite", site="rt", limit=5)):
        print(line)

A damaged file (``database disk image is malformed`` half-way through a query) is a
``StoreError`` naming the file too, never a bare ``sqlite3`` error; an unknown URL given to
:func:`show` is an :class:`ArticleNotFound`.
"""

from __future__ import annotations

import difflib
import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TextIO

from newsclean.pipelines.article_store import (
    DATABASE_ERRORS,
    ArticleStore,
    SearchHit,
    StoreError,
    open_store,
    summary,
)

__all__ = [
    "ArticleNotFound",
    "StoreSource",
    "VersionDiff",
    "diff",
    "diff_records",
    "export",
    "export_file",
    "format_diff",
    "format_hits",
    "format_quarantine",
    "format_records",
    "format_runs",
    "format_shown",
    "format_stats",
    "quarantined",
    "recent",
    "runs",
    "search",
    "show",
    "stats",
]

StoreSource = ArticleStore | str | os.PathLike[str]
"""A store to read: an open :class:`ArticleStore`, the path of its file, or a
``postgresql://`` URL."""

ListingFormat = Literal["text", "jsonl"]


class ArticleNotFound(StoreError):
    """The store holds no article at the URL asked for; the message names the URL and file."""


@contextmanager
def _reading(source: StoreSource) -> Iterator[ArticleStore]:
    """The store to read (opened here, and closed after, when given a path); SQLite errors
    while reading become a ``StoreError`` naming the file."""
    store = source if isinstance(source, ArticleStore) else open_store(source, create=False)
    try:
        yield store
    except DATABASE_ERRORS as exc:
        raise StoreError(f"{store.path}: cannot read the article store: {exc}") from exc
    finally:
        if store is not source:
            store.close()


# -- queries -------------------------------------------------------------------------------------


def recent(
    source: StoreSource, *, limit: int = 20, site: str | None = None, since: str | None = None
) -> list[dict[str, Any]]:
    """The latest versions of the newest articles (by publication time, else first-seen time),
    as records; ``site`` narrows to one site profile, ``since`` (ISO 8601) to articles
    published or first seen at or after it."""
    with _reading(source) as store:
        return store.recent(limit=limit, site=site, since=since)


def search(source: StoreSource, query: str, *, limit: int = 20, site: str | None = None) -> list[SearchHit]:
    """Full-text search of headlines, standfirsts and bodies, best match first (FTS5 syntax;
    anything else is searched as plain words)."""
    with _reading(source) as store:
        return store.search(query, limit=limit, site=site)


def show(source: StoreSource, url: str, *, versions: bool = False) -> list[dict[str, Any]]:
    """The stored record of the article at ``url`` (tracking parameters ignored) as a list of
    one, or with ``versions`` every version, oldest first; :class:`ArticleNotFound` when the
    store has none."""
    with _reading(source) as store:
        found = store.versions(url) if versions else [record for record in [store.get(url)] if record]
        if not found:
            raise ArticleNotFound(f"{url}: not in {store.path}")
        return found


EDITED_SIMILARITY = 0.5
"""Two paragraphs at the same place are one paragraph edited when this share of their words
match (``difflib`` ratio); below it, one was removed and another added."""


@dataclass(slots=True)
class VersionDiff:
    """What changed between two stored versions of one article, paragraph by paragraph."""

    url: str
    old: int
    new: int
    changes: list[tuple[str, str, str]]
    """``(kind, old paragraph, new paragraph)`` in text order; kind is ``"added"``,
    ``"removed"`` or ``"edited"`` (unchanged paragraphs are left out)."""
    fields: dict[str, tuple[Any, Any]]
    """Other fields that changed (``headline``, ``dateModified``, ...): old and new value."""


DIFFED_FIELDS = (
    "headline", "description", "datePublished", "dateModified", "authors", "dateDisappeared", "disappearedStatus",
)


def _paragraphs(record: dict[str, Any]) -> list[str]:
    return [p.strip() for p in (record.get("articleBody") or "").split("\n\n") if p.strip()]


def diff_records(old: dict[str, Any], new: dict[str, Any]) -> VersionDiff:
    """The paragraphs added, removed and edited from ``old`` to ``new`` (records as stored)."""
    a, b = _paragraphs(old), _paragraphs(new)
    changes: list[tuple[str, str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        olds, news = a[i1:i2], b[j1:j2]
        while olds and news:
            before, after = olds[0], news[0]
            ratio = difflib.SequenceMatcher(a=before.split(), b=after.split(), autojunk=False).ratio()
            if ratio < EDITED_SIMILARITY:
                break
            changes.append(("edited", olds.pop(0), news.pop(0)))
        changes += [("removed", p, "") for p in olds]
        changes += [("added", "", p) for p in news]
    fields = {
        name: (old.get(name), new.get(name)) for name in DIFFED_FIELDS if old.get(name) != new.get(name)
    }
    return VersionDiff(
        str(new.get("url") or old.get("url") or ""), int(old.get("version") or 0), int(new.get("version") or 0),
        changes, fields,
    )


def diff(source: StoreSource, url: str, *, old: int | None = None, new: int | None = None) -> VersionDiff:
    """What changed between two stored versions of the article at ``url`` (default: the
    last two; ``old``/``new`` pick version numbers); :class:`ArticleNotFound` when the store
    has no such article or version."""
    records = show(source, url, versions=True)
    by_version = {int(r.get("version") or n + 1): r for n, r in enumerate(records)}
    numbers = sorted(by_version)
    new_v = new if new is not None else numbers[-1]
    old_v = old if old is not None else (numbers[-2] if len(numbers) > 1 and new is None else new_v - 1)
    for v in (new_v, old_v):
        if v not in by_version:
            have = ", ".join(str(n) for n in numbers)
            raise ArticleNotFound(f"{url}: no version {v} (stored versions: {have})")
    return diff_records(by_version[old_v], by_version[new_v])


def _words_changed(before: str, after: str) -> str:
    """An edited paragraph with its removed words in ``[-...-]`` and added ones in ``{+...+}``."""
    a, b = before.split(), after.split()
    out: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            out += a[i1:i2]
            continue
        if i2 > i1:
            out.append("[-" + " ".join(a[i1:i2]) + "-]")
        if j2 > j1:
            out.append("{+" + " ".join(b[j1:j2]) + "+}")
    return " ".join(out)


def format_diff(d: VersionDiff) -> Iterator[str]:
    """A diff as ``newsclean store diff`` prints it: ``+`` added, ``-`` removed and ``~`` edited
    paragraphs (changed words marked ``[-old-]{+new+}``), then other changed fields."""
    added = sum(1 for c in d.changes if c[0] == "added")
    removed = sum(1 for c in d.changes if c[0] == "removed")
    edited = len(d.changes) - added - removed
    yield f"{d.url}: version {d.old} -> {d.new}: {added} added, {removed} removed, {edited} edited paragraphs"
    for name, (before, after) in d.fields.items():
        yield f"  {name}: {json.dumps(before, ensure_ascii=False)} -> {json.dumps(after, ensure_ascii=False)}"
    for kind, before, after in d.changes:
        if kind == "added":
            yield f"+ {after}"
        elif kind == "removed":
            yield f"- {before}"
        else:
            yield f"~ {_words_changed(before, after)}"


def export(
    source: StoreSource,
    out: TextIO,
    *,
    site: str | None = None,
    since: str | None = None,
    all_versions: bool = False,
) -> int:
    """Write the stored records to ``out`` as JSON Lines, oldest first (latest versions unless
    ``all_versions``); returns how many were written."""
    with _reading(source) as store:
        return store.export_jsonl(out, site=site, since=since, all_versions=all_versions)


def export_file(
    source: StoreSource,
    path: str | os.PathLike[str],
    *,
    site: str | None = None,
    since: str | None = None,
    all_versions: bool = False,
) -> int:
    """:func:`export` to the file ``path``, which appears only complete: the records go to
    ``<path>.part`` first, renamed when all are written, so a failed export (a damaged store, a
    full disk) leaves an earlier file at ``path`` as it was."""
    target = Path(path)
    part = target.with_name(target.name + ".part")
    with _reading(source) as store:
        try:
            with open(part, "w", encoding="utf-8") as out:
                written = export(store, out, site=site, since=since, all_versions=all_versions)
            os.replace(part, target)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
    return written


def quarantined(source: StoreSource, *, limit: int = 20) -> list[dict[str, Any]]:
    """The latest records that failed validation: ``{"url", "reasons", "record", "stored_at"}``."""
    with _reading(source) as store:
        return store.quarantined(limit=limit)


def runs(source: StoreSource, *, spider: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """The latest ``newsclean crawl`` run reports the store keeps (every host's), newest first."""
    with _reading(source) as store:
        return store.run_reports(spider=spider, limit=limit)


def stats(source: StoreSource) -> dict[str, int]:
    """Numbers of articles, versions, duplicates, near-duplicates and quarantined records."""
    with _reading(source) as store:
        return store.counts()


# -- listings ------------------------------------------------------------------------------------


def format_records(records: Iterable[dict[str, Any]], *, fmt: ListingFormat = "text") -> Iterator[str]:
    """Records as listed by ``newsclean store recent``: two lines each (date, site, version,
    headline; then the URL and duplicate flags), or one JSON object each with ``fmt="jsonl"``."""
    for record in records:
        yield json.dumps(record, ensure_ascii=False) if fmt == "jsonl" else summary(record)


def format_hits(hits: Iterable[SearchHit], *, fmt: ListingFormat = "text") -> Iterator[str]:
    """Search hits as listed by ``newsclean store search``: each record's summary and its
    snippet (matches in ``[brackets]``), or the records as JSON Lines."""
    for hit in hits:
        if fmt == "jsonl":
            yield json.dumps(hit.record, ensure_ascii=False)
        else:
            yield f"{summary(hit.record)}\n    {hit.snippet}"


def format_shown(records: Iterable[dict[str, Any]], *, versions: bool = False) -> Iterator[str]:
    """Records as ``newsclean store show`` prints them: indented JSON, or one line of JSON
    each for ``--versions``."""
    for record in records:
        yield json.dumps(record, ensure_ascii=False, indent=None if versions else 2)


def format_quarantine(entries: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Quarantined records as ``newsclean store quarantine`` lists them: when and which URL,
    then each reason indented."""
    for entry in entries:
        yield f"{entry['stored_at']}  {entry['url'] or '(no URL)'}"
        for reason in entry["reasons"]:
            yield f"    {reason}"


def format_runs(reports: Iterable[dict[str, Any]]) -> Iterator[str]:
    """Run reports as ``newsclean store runs`` lists them: start, host, spider and arguments,
    exit status, then the articles and errors."""
    for r in reports:
        arguments = " ".join(f"{k}={v}" for k, v in (r.get("arguments") or {}).items())
        articles = ", ".join(f"{n} {k}" for k, n in (r.get("articles") or {}).items() if n)
        yield (f"{r.get('start')}  {r.get('host')}  {r.get('spider')} {arguments}".rstrip()
               + f"  exit {r.get('exit_status')}: {r.get('status')}")
        yield f"    {r.get('pages_fetched', 0)} pages, {articles or 'no articles'}, {r.get('errors', 0)} errors"


def format_stats(counts: dict[str, int]) -> Iterator[str]:
    """The store's counts, one ``name  number`` line each."""
    for name, count in counts.items():
        yield f"{name:16} {count}"
