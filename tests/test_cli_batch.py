"""`newsclean clean` batches always go on: every input ends as a record or one error line."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from newsclean.cleaners import Article
from newsclean.cleaners.inputs import clean_inputs

GOOD = (
    b"<html><head><title>Budget passes</title></head><body><article><h1>Budget passes</h1>"
    + b"<p>The council approved the budget on Monday after a long debate about the new school.</p>" * 3
    + b"</article></body></html>"
)


def newsclean(
    *args: str, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", *args],
        capture_output=True,
        timeout=timeout,
        env={**os.environ, **(env or {})},
        check=False,
        stdin=subprocess.DEVNULL,
    )


def test_the_issue_inputs_in_one_batch(tmp_path: Path) -> None:
    pages = {
        "control.html": GOOD.replace(b"</article>", b"<nav>Home</nav>\x01 x</article>"),
        "offset.html": GOOD.replace(
            b"<title>", b'<meta property="article:published_time" content="2024-01-01T10:00+24:00"><title>'
        ),
        "ipv6.html": GOOD.replace(b"<title>", b'<link rel="canonical" href="http://[::1/x"><title>'),
        "comment.html": b"<!-- only a comment -->",
        "jsonld.html": GOOD.replace(
            b"<title>", b'<script type="application/ld+json">' + b"[" * 5000 + b"]" * 5000 + b"</script><title>"
        ),
        "zlib.html": GOOD.replace(b"<title>", b'<meta charset="zlib"><title>'),
        "bom.html": b"\xef\xbb\xbf" + GOOD.replace(b"council", b"coun\xffcil"),
        "utf16.html": b"\xff\xfe" + GOOD.decode().encode("utf-16-le") + b"x",
        "good.html": GOOD,
    }
    paths = []
    for name, data in pages.items():
        (tmp_path / name).write_bytes(data)
        paths.append(str(tmp_path / name))
    done = newsclean("clean", *paths)
    assert b"Traceback" not in done.stderr
    sources = [json.loads(line)["source"] for line in done.stdout.decode().splitlines()]
    errors = done.stderr.decode().splitlines()
    assert len(sources) + len(errors) == len(paths)
    assert errors == [f"newsclean clean: {tmp_path / 'comment.html'}: no article text found"]
    assert done.returncode == 1


def test_fifo_without_writer_times_out_and_the_batch_goes_on(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    good = tmp_path / "good.html"
    good.write_bytes(GOOD)
    started = time.monotonic()
    done = newsclean("clean", str(fifo), str(good), env={"NEWSCLEAN_INPUT_TIMEOUT": "1"}, timeout=60)
    assert time.monotonic() - started < 50
    assert done.stderr.decode().splitlines() == [
        f"newsclean clean: {fifo}: no data for 1 s (NEWSCLEAN_INPUT_TIMEOUT)"
    ]
    assert json.loads(done.stdout)["headline"] == "Budget passes"
    assert done.returncode == 1


def test_fifo_with_a_writer_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)

    def write() -> None:
        time.sleep(0.3)
        with open(fifo, "wb") as out:
            out.write(GOOD[:100])
            out.flush()
            time.sleep(0.2)
            out.write(GOOD[100:])

    writer = threading.Thread(target=write)
    writer.start()
    (result,) = clean_inputs([str(fifo)], timeout=10)
    writer.join()
    assert result.error is None
    assert result.article is not None and result.article.headline == "Budget passes"


def test_dev_zero_and_a_gzip_bomb_are_refused_by_size(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as out:
        chunk = b"\0" * (1 << 20)
        for _ in range(64):  # 64 MiB of zeros in about 64 KB
            out.write(chunk)
    assert bomb.stat().st_size < 1 << 20
    good = tmp_path / "good.html"
    good.write_bytes(GOOD)
    done = newsclean("clean", "/dev/zero", str(bomb), str(good))
    assert done.stderr.decode().splitlines() == [
        "newsclean clean: /dev/zero: larger than 50 MiB (NEWSCLEAN_MAX_INPUT_BYTES)",
        f"newsclean clean: {bomb}: larger than 50 MiB (NEWSCLEAN_MAX_INPUT_BYTES)",
    ]
    assert json.loads(done.stdout)["headline"] == "Budget passes"
    small = newsclean("clean", str(good), env={"NEWSCLEAN_MAX_INPUT_BYTES": "100"})
    limit = "larger than 100 bytes (NEWSCLEAN_MAX_INPUT_BYTES)"
    assert small.stderr.decode().strip() == f"newsclean clean: {good}: {limit}"


def test_malformed_url_option_is_named() -> None:
    done = newsclean("clean", "--url", "http://[::1", "-")
    assert done.returncode == 2
    assert done.stderr.decode().startswith("newsclean clean: --url: malformed url 'http://[::1'")
    done = newsclean("explain", "--url", "http://[::1", "-")
    assert done.returncode == 2
    assert done.stderr.decode().startswith("newsclean explain: --url: malformed url 'http://[::1'")


def test_a_page_over_the_page_size_limit_is_one_error_line(tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_bytes(GOOD)
    done = newsclean("clean", str(good), str(good), env={"NEWSCLEAN_MAX_PAGE_BYTES": "100"})
    assert done.returncode == 1
    lines = done.stderr.decode().strip().splitlines()
    assert len(lines) == 2 and all(line.endswith("(NEWSCLEAN_MAX_PAGE_BYTES)") for line in lines), lines


def test_a_defect_costs_one_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import newsclean.cleaners.inputs as inputs

    real = inputs.clean_html

    def defective(html: str, **kwargs: Any) -> Article:
        if "explode" in html:
            raise KeyError("oops")
        return real(html, **kwargs)

    monkeypatch.setattr(inputs, "clean_html", defective)
    bad = tmp_path / "bad.html"
    bad.write_bytes(GOOD.replace(b"council", b"explode"))
    good = tmp_path / "good.html"
    good.write_bytes(GOOD)
    first, second = clean_inputs([str(bad), str(good)])
    assert first.article is None
    assert first.error is not None and first.error.startswith("internal error KeyError at test_cli_batch.py:")
    assert second.article is not None and second.article.headline == "Budget passes"
