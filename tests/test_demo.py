"""`newsclean demo` runs the main job offline from data shipped inside the package."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from newsclean.spiders.demo import CASSETTE, DUMP

from .conftest import ROOT, assert_accounted


def test_demo_crawls_the_bundled_cassette_and_explains_a_cleaned_page(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONWARNINGS="ignore")
    done = subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", "demo", "--output", "out"],
        capture_output=True, text=True, cwd=tmp_path, env=env, timeout=180,
    )
    assert done.returncode == 0, done.stderr
    assert "newsclean crawl rt: ok" in done.stderr and " 6 new," in done.stderr
    report = json.loads((tmp_path / "out" / "runs.jsonl").read_text().splitlines()[-1])
    assert_accounted(report)
    assert report["errors"] == 0 and report["records_written"] == 6
    assert "Kremlin responds to report Putin offered to freeze Ukraine conflict" in done.stdout
    # The cleaned page: the body without the sprite or the player, then the decisions with reasons.
    body = done.stdout[done.stdout.index("== 2/2") :]
    assert "A media report suggesting that Russian President Vladimir Putin" in body
    assert "[icon_sprites] removed: 'icon bookmark-bicon" in body
    assert "because icon names fused together" in body
    assert "moved-to-field -> datePublishedRaw: '14 Feb, 2024 10:08'" in body
    assert "Going Underground0:0025:36\n" not in body.split("decisions\n")[0]


def test_the_demo_data_ships_in_the_wheel(tmp_path: Path) -> None:
    tree = tmp_path / "src"
    listed = ["git", "ls-files", "--cached", "--others", "--exclude-standard"]
    files = subprocess.run(listed, cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    for name in files:
        if (ROOT / name).is_file():
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(ROOT / name, tree / name)
    subprocess.run(
        # No build isolation: the test extra's setuptools builds it, with no download.
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(tmp_path), tree],
        check=True, capture_output=True, timeout=300,
    )
    (wheel,) = tmp_path.glob("newsclean-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        assert archive.read("newsclean/spiders/demo/rt.yaml") == CASSETTE.read_bytes()
        assert archive.read(f"newsclean/spiders/demo/{DUMP.name}") == DUMP.read_bytes()
        assert "newsclean/spiders/demo/__init__.py" in archive.namelist()
