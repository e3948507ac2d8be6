"""Sphinx configuration of newsclean's documentation (Read the Docs builds it from .readthedocs.yaml)."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "newsclean"
author = "the newsclean authors"
copyright = "the newsclean authors"

extensions = ["myst_parser", "newsclean_reference"]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "conftest.py"]
myst_heading_anchors = 3
myst_enable_extensions = ["colon_fence"]
html_theme = "furo"
html_title = "newsclean"
smartquotes = False  # option names such as --site stay as typed
