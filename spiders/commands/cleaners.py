"""``newsclean cleaners``: list the installed cleaners in chain order."""

from __future__ import annotations

import argparse

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("cleaners", help="list the installed cleaners in chain order")
    p.set_defaults(func=_run_cleaners)


def _run_cleaners(args: argparse.Namespace) -> int:
    from newsclean.cleaners import CleanerChain, available_cleaners
    from newsclean.cleaners.chain import describe

    factories = available_cleaners()
    chain = CleanerChain()
    for name in chain.names:
        print(f"{name:16} {describe(factories[name])}")
    for name in sorted(set(factories) - set(chain.names)):
        print(f"{name:16} (off) {describe(factories[name])}")
    return 0
