"""The cleaner protocol, the registry of installed cleaners, and the chain that applies them."""

from __future__ import annotations

import importlib.metadata
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol, runtime_checkable

from newsclean.cleaners.document import Document

__all__ = [
    "Action",
    "Cleaner",
    "CleanerChain",
    "Decision",
    "available_cleaners",
    "register",
]

ENTRY_POINT_GROUP = "newsclean.cleaners"
DEFAULT_PLUGIN_ORDER = 900

log = logging.getLogger(__name__)


class Action(StrEnum):
    REMOVE = "removed"
    """The block is boilerplate: it leaves the body."""
    MOVE = "moved-to-field"
    """The block leaves the body and its value goes to a record field."""
    COPY = "copied-to-field"
    """The block stays in the body and its value also goes to a record field."""
    TRIM = "trimmed"
    """Part of the block is boilerplate: the block stays with ``value`` as its new text."""


@dataclass(frozen=True, slots=True)
class Decision:
    """What a cleaner decided about one block of the document it was given."""

    position: int
    """Index into the ``blocks`` of the document passed to the cleaner."""
    action: Action
    reason: str
    field: str | None = None
    value: str | None = None
    """The value for ``field``; the block's text when ``None``."""

    @classmethod
    def remove(cls, position: int, reason: str) -> Decision:
        return cls(position, Action.REMOVE, reason)

    @classmethod
    def move(cls, position: int, field: str, reason: str, value: str | None = None) -> Decision:
        return cls(position, Action.MOVE, reason, field, value)

    @classmethod
    def trim(cls, position: int, new_text: str, reason: str) -> Decision:
        return cls(position, Action.TRIM, reason, None, new_text)

    @classmethod
    def copy(cls, position: int, field: str, reason: str, value: str | None = None) -> Decision:
        return cls(position, Action.COPY, reason, field, value)


@runtime_checkable
class Cleaner(Protocol):
    """A named, documented callable over a :class:`Document` returning its decisions.

    Cleaners are pure: they read the document and return decisions; the chain applies them
    and records provenance. A class registered as a cleaner is instantiated with no
    arguments; its docstring's first line is its description; an ``order`` class attribute
    places it in the chain when the settings do not.
    """

    name: str

    def __call__(self, doc: Document) -> Iterable[Decision]: ...


CleanerFactory = Callable[[], Cleaner]

_registered: dict[str, CleanerFactory] = {}


def register(name: str, factory: CleanerFactory) -> None:
    """Register a cleaner in this process (entry points do the same for installed packages).

    Chains built afterwards include it, the library's default chain too.
    """
    global _generation
    _registered[name] = factory
    _generation += 1


_generation = 0
"""Bumped by :func:`register`: a cached chain built before it is stale."""


def registry_generation() -> int:
    """A number that changes whenever :func:`register` adds a cleaner."""
    return _generation


def available_cleaners() -> dict[str, CleanerFactory]:
    """Every installed cleaner by name: the built-ins, entry points of group
    ``newsclean.cleaners`` (plugins), then those passed to :func:`register`."""
    from newsclean.cleaners.builtin import CLEANERS

    found: dict[str, CleanerFactory] = dict(CLEANERS)
    for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        if ep.name in CLEANERS:
            continue  # an install made before the built-ins stopped being entry points
        try:
            found[ep.name] = ep.load()
        except Exception as exc:  # a broken plugin must not stop the others
            log.error("cleaner plugin %r (%s) failed to load: %s", ep.name, ep.value, exc)
    found.update(_registered)
    return found


def describe(factory: CleanerFactory) -> str:
    """First paragraph of a cleaner's docstring, on one line."""
    doc = (factory.__doc__ or "").strip()
    return " ".join(doc.split("\n\n")[0].split())


class _Prebuilt:
    """A factory handing out one cleaner already built (its order and docstring are the
    cleaner's)."""

    def __init__(self, cleaner: Cleaner) -> None:
        self.cleaner = cleaner
        self.order = getattr(cleaner, "order", DEFAULT_PLUGIN_ORDER)
        self.__doc__ = type(cleaner).__doc__

    def __call__(self) -> Cleaner:
        return self.cleaner


class CleanerChain:
    """The ordered cleaners to run, built from the settings.

    ``config`` maps cleaner names to an order (lower runs first) or ``None`` to turn a
    cleaner off; it is merged over the built-in defaults. ``instances`` maps names to
    cleaners already built, used instead of building them with no arguments.
    """

    def __init__(
        self,
        config: Mapping[str, int | None] | None = None,
        *,
        instances: Mapping[str, Cleaner] | None = None,
    ) -> None:
        from newsclean.cleaners.builtin import DEFAULT_CLEANERS

        orders: dict[str, int | None] = dict(DEFAULT_CLEANERS)
        orders.update(config or {})
        factories = available_cleaners()
        # Ready-made cleaners (ones that need a resource, such as site memory) stand in for
        # their no-argument construction.
        for name, instance in (instances or {}).items():
            factories[name] = _Prebuilt(instance)
        unknown = sorted(n for n in orders if n not in factories)
        if unknown:
            raise ValueError(
                f"unknown cleaner(s) {', '.join(map(repr, unknown))}; known: {', '.join(sorted(factories))}"
            )
        chosen: list[tuple[int, str, Cleaner]] = []
        for name, factory in factories.items():
            order = orders.get(name, getattr(factory, "order", DEFAULT_PLUGIN_ORDER))
            if order is None:
                continue
            chosen.append((order, name, factory()))
        chosen.sort(key=lambda t: (t[0], t[1]))
        self.cleaners: list[tuple[str, Cleaner]] = [(n, c) for _, n, c in chosen]

    @property
    def names(self) -> list[str]:
        return [n for n, _ in self.cleaners]

    def run(
        self, doc: Document, on_applied: Callable[[str, Decision, Any], None] | None = None
    ) -> tuple[Document, list[tuple[str, Decision, Any]]]:
        """Apply each cleaner in turn; return the remaining document and, per decision,
        ``(cleaner name, decision, block)`` in the order they were made. With ``on_applied``
        each of those is handed to it as it is applied instead (the list comes back empty), so a
        caller that folds them keeps no list as long as the document. The fields a cleaner moves or
        copies blocks to are in the document's ``found`` for the cleaners after it."""
        applied: list[tuple[str, Decision, Any]] = []
        keep = on_applied or (lambda name, d, block: applied.append((name, d, block)))
        for name, cleaner in self.cleaners:
            try:
                decisions = list(cleaner(doc))
            except Exception as exc:
                # A faulty cleaner costs its own decisions, never the record.
                log.error("cleaner %r failed on %s: %s", name, doc.url or "<input>", exc)
                continue
            drop: set[int] = set()
            edits: dict[int, str] = {}
            fields: dict[str, Any] = {}
            for d in decisions:
                if not 0 <= d.position < len(doc.blocks):
                    log.error("cleaner %r returned an out-of-range block %d", name, d.position)
                    continue
                if d.position in drop:
                    continue
                keep(name, d, doc.blocks[d.position])
                if d.field is not None:
                    fields.setdefault(d.field, d.value if d.value is not None else doc.blocks[d.position].text)
                if d.action is Action.TRIM:
                    if d.value and d.value.strip():
                        edits[d.position] = d.value.strip()
                    else:
                        drop.add(d.position)
                elif d.action is not Action.COPY:
                    drop.add(d.position)
            if fields:
                doc = doc.with_found(fields)
            if edits:
                doc = doc.edited(edits)
            if drop:
                doc = doc.without(drop)
        return doc, applied
