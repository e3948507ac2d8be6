"""`newsclean clean --memory`: files of one site learn from each other, whatever their order."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from newsclean.spiders.cli import main

WIDGET = "Harbour tides today: high water 06:12, low water 12:40, sea 14°C."


def write_pages(folder: Path, count: int) -> list[str]:
    paths = []
    for n in range(1, count + 1):
        page = folder / f"page{n}.html"
        page.write_text(
            f"<html><body><article><h1>Story {n} about the harbour</h1>"
            f"<p>Story {n} opens with a sentence nobody else wrote, about boat number {n * 3}.</p>"
            f"<div class='tides'>{WIDGET}</div>"
            f"<p>It ends with a second sentence only story {n} has, dated the {n}th of May.</p>"
            "</article></body></html>",
            encoding="utf-8",
        )
        paths.append(str(page))
    return paths


def records(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    return [json.loads(line) for line in capsys.readouterr().out.splitlines()]


def test_files_of_one_site_are_cleaned_against_what_all_of_them_share(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = write_pages(tmp_path, 4)
    store = str(tmp_path / "memory.sqlite3")
    assert main(["clean", "--url", "https://harbour.example/news/", *paths]) == 0
    assert all(WIDGET in str(r["articleBody"]) for r in records(capsys))

    assert main(["clean", "--url", "https://harbour.example/news/", "--memory", store, *paths]) == 0
    out = records(capsys)
    # Learned from all four before cleaning any: the first file loses the widget too.
    assert len(out) == 4
    assert all(WIDGET not in str(r["articleBody"]) for r in out)
    assert all("nobody else wrote" in str(r["articleBody"]) for r in out)
    assert all(any(s["cleaner"] == "site-memory" for s in r["cleaning"]) for r in out)  # type: ignore[union-attr]

    # Read-only, in another order: the same records; the memory did not grow.
    readonly = ["clean", "--url", "https://harbour.example/news/", "--memory", store, "--no-learn"]
    assert main([*readonly, *reversed(paths)]) == 0
    again = records(capsys)
    assert {r["source"]: r["articleBody"] for r in again} == {r["source"]: r["articleBody"] for r in out}
    assert main(["memory", "--store", store]) == 0
    assert capsys.readouterr().out.split()[:2] == ["harbour.example", "4"]


def test_one_file_alone_keeps_everything(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    [path] = write_pages(tmp_path, 1)
    assert main(["clean", "--url", "https://harbour.example/1", "--memory", str(tmp_path / "m.sqlite3"), path]) == 0
    assert WIDGET in str(records(capsys)[0]["articleBody"])


def test_memory_without_a_site_or_with_stdin_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = write_pages(tmp_path, 2)
    assert main(["clean", "--memory", str(tmp_path / "m.sqlite3"), *paths]) == 2
    assert "give --site or --url" in capsys.readouterr().err
    assert main(["clean", "--site", "rt", "--memory", str(tmp_path / "m.sqlite3"), "-"]) == 2
    assert "not standard input" in capsys.readouterr().err
    assert main(["clean", "--site", "rt", "--memory", str(tmp_path / "none.sqlite3"), "--no-learn", *paths]) == 2
    assert "no store here" in capsys.readouterr().err


def test_memory_refuses_a_foreign_sqlite_file(tmp_path: Path) -> None:
    import sqlite3

    foreign = tmp_path / "other.sqlite"
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE notes (text TEXT)")
    db.commit()
    db.close()
    done = subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", "memory", "--store", str(foreign)],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode != 0
    assert "not a newsclean store" in done.stderr
    db = sqlite3.connect(foreign)
    assert [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")] == ["notes"]
    db.close()
