"""The ``newsclean`` command: parses arguments and runs a sub-command of
:mod:`newsclean.spiders.commands` (one module each), which calls into the three packages."""

from __future__ import annotations

import argparse
import importlib
import importlib.metadata
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from newsclean.spiders.commands import COMMANDS

__all__ = ["build_parser", "main"]


class Parser(argparse.ArgumentParser):
    """Bad input is one line on stderr naming it (``newsclean clean: unrecognized arguments:
    --explian``), exit status 2: no usage dump to scroll past."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="newsclean",
        description="Crawl news sites and clean their pages into article records that explain every removal.",
    )
    try:
        version = importlib.metadata.version("newsclean")
    except importlib.metadata.PackageNotFoundError:  # a source tree that was never installed
        version = "unknown"
    parser.add_argument("--version", action="version", version=f"newsclean {version}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"newsclean.spiders.commands.{name}").register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    sys.exit(main())
