"""A page gives the same record whatever the interpreter's hash seed: where two groups of a
page's boxes tie, the page's own order decides, never the order a ``set`` of strings happens to
iterate in (which ``PYTHONHASHSEED`` changes from one process to the next)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

SEEDS = range(8)

# A side column of four boxes: class word "x" groups three boxes that open with a heading,
# "y" as many, one of them without a heading. The column is a column of widgets only when "x"
# is the group read; both groups are as large, and "x" comes first on the page ("x y").
_WIDGETS = textwrap.dedent(
    """
    from lxml import html
    from newsclean.cleaners import content

    links = '<ul><li><a href="/a">One page of ours</a></li><li><a href="/b">Another page</a></li></ul>'

    def box(cls, head):
        return f'<div class="{cls}">' + (f"<h3>{head}</h3>" if head else "") + links + "</div>"

    page = html.fromstring(
        "<html><body><div id='col'>"
        + box("x y", "Archive") + box("x y", "Links") + box("x", "Tags") + box("y", "")
        + "</div></body></html>"
    )
    stats, _ = content.measure_page(page)
    print(content._widget_column(page.get_element_by_id("col"), stats, {"election", "senate", "ballots"}))
    """
)


def _under_seeds(code: str) -> set[str]:
    answers = set()
    for seed in SEEDS:
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
        answers.add(done.stdout.strip())
    return answers


def test_tied_class_word_groups_are_read_in_the_pages_order() -> None:
    assert _under_seeds(_WIDGETS) == {"True"}
