"""Documentation that users rely on stays true: every setting, command, record field and
cleaner is in the docs, with words of its own, and the reference pages are generated."""

from __future__ import annotations

import importlib.util
import re
import sys
from types import ModuleType

from newsclean.spiders.defaults import ALL_DEFAULTS as DEFAULTS
from newsclean.spiders.defaults import ALL_SETTINGS as SETTINGS

from .conftest import ROOT

DOCS = ROOT / "docs"


def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("newsclean_reference", DOCS / "_ext" / "newsclean_reference.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("newsclean_reference", module)
    spec.loader.exec_module(module)
    return module


def _guides() -> str:
    """The hand-written pages (tutorial, how-to guides, quality), without the generated parts."""
    pages = [DOCS / "tutorial.md", DOCS / "quality.md", *sorted((DOCS / "howto").glob("*.md"))]
    return "\n".join(p.read_text(encoding="utf-8") for p in pages)


def test_every_setting_has_its_default_and_meaning_in_the_settings_reference() -> None:
    ref = _reference()
    page = ref.expand((DOCS / "reference" / "settings.md").read_text(encoding="utf-8"))
    rows = dict(re.findall(r"^\| `(NEWSCLEAN_[A-Z_]+)` \| ([^|]+) \|", page, re.M))
    assert set(rows) == set(DEFAULTS)
    for setting in SETTINGS:
        assert len(setting.help.split()) >= 3, f"{setting.name} has no meaning in SETTINGS"
        shown = rows[setting.name].strip(" `")
        assert shown in (repr(setting.default).replace("'", '"'), str(setting.default)), (
            f"the docs give {shown!r} as the default of {setting.name}, the code {setting.default!r}"
        )
    assert len({s.name for s in SETTINGS}) == len(SETTINGS), "a setting is defined twice"


def test_every_command_is_in_the_reference_and_a_guide() -> None:
    ref = _reference()
    page = ref.expand((DOCS / "reference" / "commands.md").read_text(encoding="utf-8"))
    guides = _guides()
    names = ref.command_names()
    assert "newsclean clean" in names and "newsclean store recent" in names
    for name in names:
        assert f"## `{name}`" in page, f"`{name}` is not in the commands reference"
        if name.count(" ") == 1:
            assert name in guides, f"`{name}` is not explained in any guide (docs/howto, tutorial)"


def test_every_record_field_has_a_meaning() -> None:
    ref = _reference()
    for cls in ref.record_classes():
        fields = list(ref._attribute_docs(cls))
        assert fields, cls
        for name, _kind, doc in fields:
            assert doc, f"{cls.__name__}.{name} has no docstring: the record reference would leave it unexplained"
        assert {name for name, _, _ in fields} == set(cls.__dataclass_fields__), cls


def test_every_cleaner_and_site_is_in_the_generated_reference() -> None:
    from newsclean.cleaners import CleanerChain
    from newsclean.spiders.sites import all_profiles

    ref = _reference()
    cleaners = ref.cleaners()
    for name in CleanerChain().names:
        assert f"| `{name}` |" in cleaners
    sites = ref.sites()
    for name in all_profiles():
        assert f"| `{name}` |" in sites


def test_every_docs_page_is_reachable_and_readme_links_resolve() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    for page in DOCS.rglob("*.md"):
        name = page.relative_to(DOCS).with_suffix("").as_posix()
        if name != "index":
            assert re.search(rf"^{re.escape(name)}$", index, re.M), f"docs/{name}.md is in no toctree of index.md"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(readme.splitlines()) <= 150
    for target in re.findall(r"\]\(((?:docs/)[^)#]+)", readme):
        assert (ROOT / target).is_file(), f"README links to {target}, which does not exist"


def test_readme_starts_with_the_two_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("```sh") : readme.index("```", readme.index("```sh") + 5)]
    assert [line.split()[:2] for line in block.splitlines()[1:]] == [["make", "demo"], ["make", "test"]]
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^demo: ", makefile, re.M) and re.search(r"^test: ", makefile, re.M)


def test_every_stat_the_code_counts_is_in_the_stats_reference() -> None:
    """Stat names written out in the code, and the spider's and the cassette's own, are listed."""
    from newsclean.spiders.defaults import ALL_STATS

    listed = {name for table in ALL_STATS.values() for name in table}
    patterns = [re.compile("^" + re.sub(r"<[a-z]+>", "[^/]+", n) + "$") for n in listed]
    found: set[str] = set()
    for folder in ("cleaners", "pipelines", "spiders"):
        for path in (ROOT / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            found |= set(re.findall(r'"(newsclean/[a-z_]+/[a-z_/]*[a-z_])"', text))
            prefix = re.search(r'^(?:STATS|PREFIX) = "(newsclean/[a-z_]+)"', text, re.M)
            if prefix:
                found |= {f"{prefix.group(1)}/{key}" for key in re.findall(r'_inc\("([a-z_/]+)"', text)}
    assert found, "no stats found in the code"
    missing = sorted(name for name in found if not any(p.match(name) for p in patterns))
    assert not missing, f"stats counted but not in the stats tables: {missing}"
