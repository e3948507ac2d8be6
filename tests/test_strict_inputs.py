"""Typos are rejected with one line naming them, never ignored; registrations are never ignored."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from newsclean.cleaners import CleanerChain, Decision, Document, clean_text, register
from newsclean.cleaners import chain as chain_module
from newsclean.spiders.demo import DUMP
from newsclean.spiders.spiders.news import NewsSpider
from newsclean.spiders.spiders.rt import RtSpider

ENV = dict(os.environ, PYTHONWARNINGS="ignore")


def newsclean(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", *args], capture_output=True, text=True, cwd=cwd, env=ENV,
        timeout=120,
    )


def test_a_misspelt_cleaner_is_rejected_with_one_line(tmp_path: Path) -> None:
    done = newsclean("clean", "--disable", "icon-sprites", str(DUMP), cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.splitlines() == [
        "newsclean clean: unknown cleaner(s) 'icon-sprites'; known: edges, icon_sprites, media_players, "
        "page_chrome, prompts, repeats, site-memory, site_rules, timestamps"
    ]
    with pytest.raises(ValueError, match="'shoutin'"):
        CleanerChain({"shoutin": None})


def test_a_misspelt_spider_argument_is_rejected_before_crawling(tmp_path: Path) -> None:
    done = newsclean("crawl", "rt", "-a", "limt=5", "--cassette", "missing.yaml", cwd=tmp_path)
    assert done.returncode == 2
    assert done.stderr.splitlines() == [
        "newsclean crawl: could not start: unknown argument(s) 'limt'; the rt spider takes start, site, since, limit"
    ]
    assert not (tmp_path / "out").exists()
    # Under `scrapy crawl` (or Scrapyd) the spider itself refuses, and closes at once.
    assert "unknown argument(s) 'limt'" in str(RtSpider(limt="5").argument_error)
    assert NewsSpider(start="https://example.com/", _job="abc123").argument_error is None


class Shouting:
    """Removes lines in capitals."""

    name = "shouting"
    order = 350

    def __call__(self, doc: Document) -> list[Decision]:
        return [Decision.remove(i, "capitals") for i, b in enumerate(doc.blocks) if b.text.isupper()]


def test_register_after_the_first_clean_takes_effect(monkeypatch: pytest.MonkeyPatch) -> None:
    # Leaves no cleaner behind for other tests: the registry, and its generation, so the library's
    # default chain that this test's registration rebuilt is rebuilt again without it afterwards.
    monkeypatch.setattr(chain_module, "_registered", {})
    monkeypatch.setattr(chain_module, "_generation", chain_module._generation)
    paragraph = "The council approved the budget on Tuesday after a debate that lasted well into the night."
    text = f"Council approves the budget\n{paragraph}\nTIDE TABLE FOR THE HARBOUR\n{paragraph}\n{paragraph}"
    before = clean_text(text)  # the default chain is built and kept here
    assert "shouting" not in {s.cleaner for s in before.cleaning}
    register("shouting", Shouting)
    after = clean_text(text)
    assert [s.text for s in after.cleaning if s.cleaner == "shouting"] == ["TIDE TABLE FOR THE HARBOUR"]


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["clen"], "newsclean: argument COMMAND: invalid choice: 'clen'"),
        (["clean", "--explian", "page.html"], "newsclean: unrecognized arguments: --explian"),
        (["store", "recnet"], "newsclean store: argument ACTION: invalid choice: 'recnet'"),
        (["crawl"], "newsclean crawl: the following arguments are required: SPIDER"),
    ],
)
def test_unknown_commands_and_options_get_one_line(args: list[str], line: str, tmp_path: Path) -> None:
    done = newsclean(*args, cwd=tmp_path)
    assert done.returncode == 2 and done.stdout == ""
    assert len(done.stderr.splitlines()) == 1 and done.stderr.startswith(line), done.stderr


def test_version(tmp_path: Path) -> None:
    from importlib.metadata import version

    done = newsclean("--version", cwd=tmp_path)
    assert done.returncode == 0 and done.stdout == f"newsclean {version('newsclean')}\n"


def test_one_module_per_command() -> None:
    from newsclean.spiders.cli import build_parser
    from newsclean.spiders.commands import COMMANDS

    parser = build_parser()
    (sub,) = (a for a in parser._actions if a.dest == "command")
    assert list(sub.choices) == list(COMMANDS)  # type: ignore[attr-defined]
    for name in COMMANDS:
        module = __import__(f"newsclean.spiders.commands.{name}", fromlist=["register"])
        assert sub.choices[name].get_default("func").__module__ == module.__name__  # type: ignore[attr-defined]


def test_one_rule_finds_the_store_for_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsclean.spiders.runner import store_location

    monkeypatch.delenv("NEWSCLEAN_STORE", raising=False)
    assert store_location() == "out/newsclean.sqlite"  # newsclean store, newsclean memory
    assert store_location(output=Path("/srv/out")) == "/srv/out/newsclean.sqlite"  # newsclean crawl --output
    monkeypatch.setenv("NEWSCLEAN_STORE", "/data/news.sqlite")
    assert store_location() == store_location(output=Path("/srv/out")) == "/data/news.sqlite"
    assert store_location(setting="/etc/store.sqlite") == "/etc/store.sqlite"  # -s NEWSCLEAN_STORE=...
    assert store_location("given.sqlite", setting="/etc/store.sqlite") == "given.sqlite"  # --store
