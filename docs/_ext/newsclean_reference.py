"""Reference sections generated from the code, so the docs cannot drift from it.

A page holds a marker line ``<!-- generated: NAME -->``; at build time the marker is replaced by
the Markdown that ``GENERATORS[NAME]`` writes from the live package (the settings table, the
command-line parser, the record class, the cleaner registry, the site profiles, the stats tables).
``tests/test_docs.py`` calls the same functions.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import os
import re
from collections.abc import Callable, Iterator
from typing import Any

MARKER = re.compile(r"^<!-- generated: (\w+) -->$", re.M)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _value(value: Any) -> str:
    if isinstance(value, str):
        return f'`"{value}"`'
    return f"`{value!r}`"


def settings() -> str:
    """The ``NEWSCLEAN_*`` settings tables, one per package."""
    from newsclean.spiders.defaults import TABLES

    out: list[str] = []
    for package, table in TABLES.items():
        out += [f"## `{package}`\n", "| setting | default | meaning |", "| --- | --- | --- |"]
        out += [f"| `{s.name}` | {_value(s.default)} | {_cell(s.help)} |" for s in table]
        out.append("")
    return "\n".join(out)


def _subcommands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _helps(parser: argparse.ArgumentParser) -> dict[str, str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return {a.dest: a.help or "" for a in action._choices_actions}
    return {}


def command_names() -> list[str]:
    """Every command and sub-command, as typed (``newsclean store recent``)."""
    from newsclean.spiders.cli import build_parser

    names: list[str] = []

    def walk(parser: argparse.ArgumentParser, prefix: str) -> None:
        for name, sub in _subcommands(parser).items():
            names.append(f"{prefix} {name}")
            walk(sub, f"{prefix} {name}")

    walk(build_parser(), "newsclean")
    return names


def commands() -> str:
    """Every command with its one-line help and its full ``--help`` text."""
    from newsclean.spiders.cli import build_parser

    out: list[str] = []

    def walk(parser: argparse.ArgumentParser, prefix: str, level: int) -> None:
        helps = _helps(parser)
        for name, sub in _subcommands(parser).items():
            title = f"{prefix} {name}"
            out.append(f"{'#' * level} `{title}`\n")
            if helps.get(name):
                out.append(f"{helps[name][0].upper()}{helps[name][1:]}.\n")
            sub.prog = title
            out.append("```text\n" + sub.format_help().rstrip() + "\n```\n")
            walk(sub, title, level + 1)

    columns = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = "100"  # argparse wraps help to the terminal: the same page everywhere
    try:
        walk(build_parser(), "newsclean", 2)
    finally:
        if columns is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = columns
    return "\n".join(out)


def _attribute_docs(cls: type) -> Iterator[tuple[str, str, str]]:
    """(name, annotation, docstring) of a dataclass's fields, read from its source."""
    tree = ast.parse(inspect.getsource(cls))
    body = tree.body[0].body  # type: ignore[attr-defined]
    for i, node in enumerate(body):
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            doc = ""
            nxt = body[i + 1] if i + 1 < len(body) else None
            if isinstance(nxt, ast.Expr) and isinstance(nxt.value, ast.Constant) and isinstance(nxt.value.value, str):
                doc = inspect.cleandoc(nxt.value.value)
            yield node.target.id, ast.unparse(node.annotation), doc


def record_classes() -> list[type]:
    from newsclean.cleaners import record

    return [record.Article, record.Author, record.Image, record.Breadcrumb, record.CleaningStep]


def record() -> str:
    """The record's fields, from the ``Article`` class and its parts."""
    out: list[str] = []
    for cls in record_classes():
        out.append(f"## `{cls.__name__}`\n\n{inspect.cleandoc(cls.__doc__ or '')}\n")
        out.append("| field | type | meaning |\n| --- | --- | --- |")
        out += [f"| `{name}` | `{_cell(kind)}` | {_cell(doc)} |" for name, kind, doc in _attribute_docs(cls)]
        out.append("")
    return "\n".join(out)


def cleaners() -> str:
    """The installed cleaners in chain order with what each removes."""
    from newsclean.cleaners import CleanerChain, available_cleaners
    from newsclean.cleaners.builtin import DEFAULT_CLEANERS
    from newsclean.cleaners.chain import DEFAULT_PLUGIN_ORDER, describe

    factories = available_cleaners()
    chain = CleanerChain()
    rows = ["| order | name | class | what it does |", "| --- | --- | --- | --- |"]
    for name in chain.names:
        factory = factories[name]
        order = DEFAULT_CLEANERS.get(name, getattr(factory, "order", DEFAULT_PLUGIN_ORDER))
        where = f"{factory.__module__}.{factory.__qualname__}"
        rows.append(f"| {order} | `{name}` | `{where}` | {_cell(describe(factory))} |")
    return "\n".join(rows) + "\n"


def sites() -> str:
    """The bundled site profiles."""
    from newsclean.cleaners.site import site_profiles

    rows = [
        "| name | domains | time zone | language | feeds | sitemaps | module |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for name, p in sorted(site_profiles().items()):
        rows.append(
            f"| `{name}` | {', '.join(f'`{d}`' for d in p.domains)} | {p.timezone or '-'} | {p.language or '-'} "
            f"| {len(p.feeds)} | {len(p.sitemaps)} | `newsclean.spiders.sites.{name}` |"
        )
    return "\n".join(rows) + "\n"


def stats() -> str:
    """The crawl stats tables, one per package."""
    from newsclean.spiders.defaults import ALL_STATS

    out: list[str] = []
    for package, table in ALL_STATS.items():
        out += [f"## `{package}`\n", "| stat | counts |", "| --- | --- |"]
        out += [f"| `{name}` | {_cell(meaning)} |" for name, meaning in table.items()]
        out.append("")
    return "\n".join(out)


GENERATORS: dict[str, Callable[[], str]] = {
    "settings": settings,
    "commands": commands,
    "record": record,
    "cleaners": cleaners,
    "sites": sites,
    "stats": stats,
}


def expand(text: str) -> str:
    """The page with every marker replaced by its generated Markdown."""
    return MARKER.sub(lambda m: GENERATORS[m.group(1)](), text)


def _source_read(app: Any, docname: str, source: list[str]) -> None:
    source[0] = expand(source[0])


def _always_regenerate(app: Any, env: Any, added: set[str], changed: set[str], removed: set[str]) -> list[str]:
    # The generated parts follow the code, which Sphinx does not watch: re-read those pages.
    return [name for name in env.found_docs if name.startswith("reference/")]


def setup(app: Any) -> dict[str, Any]:
    app.connect("source-read", _source_read)
    app.connect("env-get-outdated", _always_regenerate)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
