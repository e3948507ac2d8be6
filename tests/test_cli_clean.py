"""`newsclean clean` and `newsclean cleaners` as a user runs them."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from newsclean.cleaners.builtin import DEFAULT_CLEANERS

SEED_URL = "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/"


def newsclean(
    *args: str, stdin: bytes | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", *args],
        input=stdin,
        capture_output=True,
        timeout=120,
        env=env,
        check=False,
    )


def records(out: bytes) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.decode().splitlines()]


def test_clean_seed_with_url_and_explain(seeds: Path) -> None:
    seed = seeds / "000_e64b6c45e47c0fa8.txt"
    expected = json.loads((seeds / "000_e64b6c45e47c0fa8.expected.json").read_text())
    done = newsclean("clean", "--url", SEED_URL, "--explain", str(seed))
    assert done.returncode == 0, done.stderr
    (record,) = records(done.stdout)
    for key in ("headline", "description", "datePublished", "datePublishedRaw", "articleBody"):
        assert record[key] == expected[key]
    assert record["source"] == str(seed)
    assert record["site"] == "rt"
    explain = done.stderr.decode()
    for cleaner in (
        "[icon_sprites] removed",
        "[timestamps] moved-to-field -> datePublishedRaw",
        "[repeats] removed",
        "[media_players] removed: 'Podcasts'",
    ):
        assert cleaner in explain
    assert "because" in explain


def test_many_inputs_with_bad_ones_continue_and_fail_the_exit_status(tmp_path: Path, seeds: Path) -> None:
    seed = seeds / "000_e64b6c45e47c0fa8.txt"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"  \n")
    binary = tmp_path / "image.html"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    broken_gz = tmp_path / "page.html.gz"
    broken_gz.write_bytes(b"\x1f\x8b\x08\x00garbage")
    page_gz = tmp_path / "page.html.gz.ok"
    page_gz.write_bytes(
        gzip.compress(
            b"<html><head><title>T</title></head><body><article><h1>A headline for this page</h1>"
            + b"<p>First paragraph of a real article body with enough words to count.</p>" * 3
            + b"</article></body></html>"
        )
    )
    missing = tmp_path / "missing.txt"
    done = newsclean("clean", str(seed), str(empty), str(binary), str(missing), str(broken_gz), str(page_gz))
    assert done.returncode == 1
    got = records(done.stdout)
    assert [r["source"] for r in got] == [str(seed), str(page_gz)]
    assert got[1]["headline"] == "A headline for this page"
    errors = done.stderr.decode().strip().splitlines()
    assert errors == [
        f"newsclean clean: {empty}: empty input",
        f"newsclean clean: {binary}: binary data (NUL bytes), not text or HTML",
        f"newsclean clean: {missing}: no such file",
        f"newsclean clean: {broken_gz}: corrupt gzip data "
        "(Compressed file ended before the end-of-stream marker was reached)",
    ]
    assert "Traceback" not in done.stderr.decode()


def test_stdin_and_text_format(seeds: Path) -> None:
    data = (seeds / "000_e64b6c45e47c0fa8.txt").read_bytes()
    done = newsclean("clean", "--format", "text", "-", stdin=data)
    assert done.returncode == 0
    out = done.stdout.decode()
    assert out.startswith("# -\nKremlin responds to report Putin offered to freeze Ukraine conflict\n\n")
    assert "Podcasts" not in out and "bookmarkicon" not in out


def test_html_without_meta_charset_is_decoded(tmp_path: Path) -> None:
    body = "<p>Der Bürgermeister äußerte sich am Montag zu den Plänen für die Straße.</p>" * 3
    page = tmp_path / "latin1.html"
    page.write_bytes(
        f"<html><body><article><h1>Schöne Grüße aus München</h1>{body}</article></body></html>".encode("cp1252")
    )
    done = newsclean("clean", str(page))
    assert done.returncode == 0, done.stderr
    (record,) = records(done.stdout)
    assert record["headline"] == "Schöne Grüße aus München"
    assert "Bürgermeister äußerte" in record["articleBody"]


def test_unknown_site_is_a_clear_error(seeds: Path) -> None:
    done = newsclean("clean", "--site", "nosuchsite", str(seeds / "000_e64b6c45e47c0fa8.txt"))
    assert done.returncode == 2
    assert done.stderr.decode().startswith("newsclean clean: unknown site 'nosuchsite'; known sites:")


def test_disable_a_cleaner(seeds: Path) -> None:
    seed = str(seeds / "000_e64b6c45e47c0fa8.txt")
    done = newsclean("clean", "--disable", "media_players", "--disable", "page_chrome", seed)
    (record,) = records(done.stdout)
    assert record["articleBody"].endswith("Podcasts\n\n0:00\n\n25:36\n\n0:00\n\n26:25")
    assert not any(step["cleaner"] == "media_players" for step in record["cleaning"])


def test_cleaners_lists_every_builtin_with_a_description() -> None:
    done = newsclean("cleaners")
    lines = done.stdout.decode().splitlines()
    in_order = sorted(DEFAULT_CLEANERS, key=DEFAULT_CLEANERS.__getitem__)
    assert [line.split()[0] for line in lines[: len(in_order)]] == in_order
    assert in_order[:8] == [
        "site_rules",
        "edges",
        "icon_sprites",
        "media_players",
        "prompts",
        "timestamps",
        "page_chrome",
        "repeats",
    ]
    assert all(len(line.split(maxsplit=1)[1]) > 20 for line in lines)


@pytest.mark.parametrize("flag", ["--help"])
def test_help_lists_the_commands(flag: str) -> None:
    out = newsclean(flag).stdout.decode()
    assert "clean" in out and "cleaners" in out
