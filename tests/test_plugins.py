"""Third-party cleaners: discovered through the entry-point group, ordered and switched by settings."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from newsclean.cleaners import Block, CleanerChain, Decision, Document, clean_text, register
from newsclean.cleaners import chain as chain_module


@pytest.fixture
def outside_plugin(tmp_path: Path) -> Path:
    """An installed distribution (a .dist-info on the path) declaring one cleaner entry point."""
    (tmp_path / "shouting_cleaner.py").write_text(
        textwrap.dedent(
            '''
            """A third-party cleaner: drops lines written in capitals."""
            from newsclean.cleaners import Decision


            class Shouting:
                """Removes lines written entirely in capital letters (site banners)."""

                name = "shouting"
                order = 350

                def __call__(self, doc):
                    for i, block in enumerate(doc.blocks):
                        if len(block.text) > 8 and block.text.isupper():
                            yield Decision.remove(i, "a line in capitals: a banner")
            '''
        )
    )
    info = tmp_path / "shouting_cleaner-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: shouting-cleaner\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text("[newsclean.cleaners]\nshouting = shouting_cleaner:Shouting\n")
    (info / "RECORD").write_text("")
    return tmp_path


def run_cli(path: Path, *args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; sys.path.insert(0, {str(path)!r}); "
            "from newsclean.spiders.cli import main; sys.exit(main(sys.argv[1:]))",
            *args,
        ],
        input=stdin,
        capture_output=True,
        timeout=120,
        check=False,
    )


def test_installed_plugin_is_listed_and_runs_in_its_order(outside_plugin: Path) -> None:
    listed = run_cli(outside_plugin, "cleaners").stdout.decode().splitlines()
    names = [line.split()[0] for line in listed]
    assert names[:6] == ["site_rules", "edges", "icon_sprites", "media_players", "prompts", "shouting"]
    assert names.index("shouting") + 1 == names.index("timestamps")
    text = b"A headline about the plugin test\nBREAKING NEWS BANNER\nThe body of the article goes here.\n"
    done = run_cli(outside_plugin, "clean", "-", stdin=text)
    record = json.loads(done.stdout)
    assert "BREAKING" not in record["articleBody"]
    assert {
        "cleaner": "shouting",
        "action": "removed",
        "text": "BREAKING NEWS BANNER",
        "reason": "a line in capitals: a banner",
        "block": 1,
    } in record["cleaning"]


def test_installed_plugin_can_be_turned_off(outside_plugin: Path) -> None:
    text = b"A headline about the plugin test\nBREAKING NEWS BANNER\nThe body of the article goes here.\n"
    record = json.loads(run_cli(outside_plugin, "clean", "--disable", "shouting", "-", stdin=text).stdout)
    assert "BREAKING NEWS BANNER" in record["articleBody"]


class DropSecondBlock:
    """Removes the second block (a test plugin registered in-process)."""

    name = "drop_second"

    def __call__(self, doc: Document) -> Iterator[Decision]:
        if len(doc.blocks) > 1:
            yield Decision.remove(1, "the test says so")


def test_registered_cleaner_runs_last_by_default_and_order_is_configurable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(chain_module, "_registered", {})
    monkeypatch.setattr(chain_module, "_generation", chain_module._generation)  # (the default chain too)
    register("drop_second", DropSecondBlock)
    assert CleanerChain().names[-1] == "drop_second"
    assert CleanerChain({"drop_second": 50}).names[0] == "drop_second"
    article = clean_text("A headline for the test\nsecond line\nthird line is the body.", chain={"drop_second": 50})
    assert article.articleBody == "third line is the body."
    assert "drop_second" not in CleanerChain({"drop_second": None}).names


def test_later_cleaners_see_the_fields_earlier_ones_found(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[dict[str, object], dict[str, object]]] = []

    class Kicker:
        """Takes the first block for the headline and copies the second to the description."""

        name = "kicker"

        def __call__(self, doc: Document) -> Iterator[Decision]:
            yield Decision.move(0, "headline", "the test's headline")
            yield Decision.copy(1, "description", "the test's description")
            yield Decision.move(2, "headline", "a second headline: the first stays")

    class Reader:
        """Records what it is told."""

        name = "reader"

        def __call__(self, doc: Document) -> Iterator[Decision]:
            seen.append((dict(doc.found), dict(doc.metadata)))
            return iter(())

    monkeypatch.setattr(chain_module, "_registered", {})
    monkeypatch.setattr(chain_module, "_generation", chain_module._generation)  # (the default chain too)
    register("kicker", Kicker)
    register("reader", Reader)
    doc = Document([Block("Headline here"), Block("A standfirst."), Block("Other"), Block("Body text.")])
    doc.metadata["authors"] = ["Ann"]
    remaining, _ = CleanerChain({name: None for name in CleanerChain().names[:-2]}).run(doc)
    assert seen == [({"headline": "Headline here", "description": "A standfirst."}, {"authors": ["Ann"]})]
    assert [b.text for b in remaining] == ["A standfirst.", "Body text."]


def test_unknown_cleaner_in_settings_is_an_error() -> None:
    with pytest.raises(ValueError, match=r"unknown cleaner.*nope"):
        CleanerChain({"nope": 10})


def test_a_crashing_cleaner_costs_only_its_own_decisions(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    class Broken:
        """Always fails."""

        name = "broken"

        def __call__(self, doc: Document) -> Iterator[Decision]:
            raise RuntimeError("boom")

    monkeypatch.setattr(chain_module, "_registered", {})
    monkeypatch.setattr(chain_module, "_generation", chain_module._generation)  # (the default chain too)
    register("broken", Broken)
    doc = Document(
        [Block("A headline for the test"), Block("Podcasts"), Block("0:00"), Block("25:36"), Block("Body text.")]
    )
    remaining, _ = CleanerChain().run(doc)
    assert [b.text for b in remaining] == ["Body text."]
    assert "cleaner 'broken' failed" in caplog.text


def test_library_import_pulls_in_no_scrapy_or_twisted() -> None:
    code = (
        "import sys, newsclean.cleaners, newsclean.cleaners.inputs, newsclean.spiders.sites;"
        "newsclean.cleaners.clean_html('<p>x</p>'); "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('scrapy', 'twisted'));"
        "print(','.join(bad))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, timeout=60)
    assert out.stdout.decode().strip() == ""
