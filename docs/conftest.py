"""Runs the docs' Python examples (Sybil) from the repository root, in a scratch directory.

Each page runs in a temporary working directory holding links to the repository's
``fixtures`` and ``spiders`` folders, so examples read the bundled pages by their documented
paths and whatever they write (stores, ``out/``) is thrown away.
"""

from __future__ import annotations

import doctest
import os
import tempfile
from pathlib import Path
from typing import Any

from sybil import Sybil
from sybil.parsers.myst import PythonCodeBlockParser, SkipParser

ROOT = Path(__file__).resolve().parents[1]


def _setup(namespace: dict[str, Any]) -> None:
    scratch = tempfile.TemporaryDirectory(prefix="newsclean-docs-")
    for name in ("fixtures", "spiders"):
        os.symlink(ROOT / name, Path(scratch.name) / name)
    namespace["_scratch"], namespace["_cwd"] = scratch, os.getcwd()
    os.chdir(scratch.name)


def _teardown(namespace: dict[str, Any]) -> None:
    os.chdir(namespace["_cwd"])
    namespace["_scratch"].cleanup()


pytest_collect_file = Sybil(
    parsers=[
        PythonCodeBlockParser(doctest_optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE),
        SkipParser(),
    ],
    patterns=["*.md", "**/*.md"],
    setup=_setup,
    teardown=_teardown,
).pytest()
