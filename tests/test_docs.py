"""Documentation that users rely on stays true: every setting and command is in the README."""

from __future__ import annotations

import re

from newsclean.cleaners.settings import DEFAULTS
from newsclean.spiders.cli import build_parser

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_every_setting_is_documented_with_its_default() -> None:
    rows = dict(re.findall(r"^\| `(NEWSCLEAN_[A-Z_]+)` \| ([^|]+) \|", README, re.M))
    missing = sorted(set(DEFAULTS) - set(rows))
    assert not missing, f"settings missing from README's settings table: {missing}"
    for name, default in DEFAULTS.items():
        assert rows[name].strip(" `") == repr(default).replace("'", '"') or rows[name].strip(" `") == str(default), (
            f"README gives {rows[name]!r} as the default of {name}, the code {default!r}"
        )


def test_every_command_is_documented() -> None:
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    assert commands
    for name in commands:
        assert f"newsclean {name}" in README, f"`newsclean {name}` is not in README.md"
