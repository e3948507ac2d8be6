"""The main-content finder can be chosen: newsclean's scorer (default) or readability-lxml."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from newsclean.cleaners import clean_html

PARAGRAPHS = [
    "The city council voted on Tuesday to build a protected cycle lane along the length of Harbour Road, "
    "ending a dispute that has divided residents and shop owners for more than two years.",
    "The plan replaces one lane of car traffic with a two-way cycle track separated from the road by a low "
    "kerb and a row of planters, and work is due to start in the spring.",
    "Several traders objected that the loss of parking bays in front of their shops would drive customers "
    "away; the council agreed to review the scheme after its first year.",
]
PAGE = (
    "<html><head><title>Cycle lane approved</title></head><body>"
    "<div class='menu'><a href='/'>Home</a> <a href='/news'>News</a> <a href='/sport'>Sport</a></div>"
    "<div class='story'><h1>Cycle lane approved</h1>" + "".join(f"<p>{p}</p>" for p in PARAGRAPHS) + "</div>"
    "<div class='footer'><a href='/about'>About us</a> <a href='/contact'>Contact</a></div></body></html>"
)


@pytest.mark.parametrize("finder", ["scorer", "readability", "selected"])
def test_both_finders_give_the_article(finder: str) -> None:
    article = clean_html(PAGE, main_content=finder)
    assert article.articleBody == "\n\n".join(PARAGRAPHS)
    assert article.headline == "Cycle lane approved"


def test_unknown_finder_is_a_clear_error() -> None:
    message = "unknown main-content finder 'boilerpipe'; choose one of scorer, readability, selected"
    with pytest.raises(ValueError, match=message):
        clean_html(PAGE, main_content="boilerpipe")


def test_command_line_choice_on_the_real_rt_page(shared_data: Path, tmp_path: Path) -> None:
    page = next((shared_data / "rt").glob("*.html.gz"))
    expected = json.loads(next((shared_data / "rt").glob("*.expected.json")).read_text())
    done = subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", "clean", "--main-content", "readability", str(page)],
        capture_output=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    first = expected["articleBody"].split("\n\n")[0]
    assert first in record["articleBody"]
