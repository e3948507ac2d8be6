"""Markup nested past what the parser builds keeps its text, its lines and its paragraphs."""

from __future__ import annotations

import re

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st
from newsclean.cleaners import clean_html
from newsclean.cleaners.nesting import shallower

FIRST = "The council approved the budget on Monday after a long debate about the new school."
SECOND = "Opponents said the plan spends too much on roads and too little on the city's parks."
URL = "https://example.com/news/budget"


def _deep_page(depth: int) -> str:
    return (
        "<html><head><title>Budget</title></head><body>"
        + '<div class="wrap">' * depth
        + f"<h1>Budget</h1><p>{FIRST}</p><!-- an editor's note --><p>{SECOND}<br>Second <b>line</b> here.</p>"
        + "</div>" * depth
        + "</body></html>"
    )


@pytest.mark.parametrize("depth", [100, 300, 3000])
def test_a_deep_article_keeps_its_paragraphs_apart(depth: int, caplog: pytest.LogCaptureFixture) -> None:
    # Past 200 levels (the walk's bound) the deep text was joined into one string:
    # "...the new school.Opponents said ..." (two words glued, one paragraph, the headline in it).
    body = clean_html(_deep_page(depth), url=URL).articleBody
    assert body == f"{FIRST}\n\n{SECOND} Second line here."
    assert "editor's note" not in body
    assert "nested more than" not in caplog.text


def test_an_unclosed_box_per_paragraph_keeps_every_paragraph() -> None:
    # A template that opens a <div> and a <font> for each paragraph and closes neither: 2,500
    # paragraphs nest 5,000 deep, and libxml2 builds nothing past 2,048.
    paragraphs = [f"Paragraph {i} says the budget is good for the schools and the roads." for i in range(2500)]
    html = (
        "<html><head><title>Budget news</title></head><body><article><h1>Budget news</h1>"
        + "".join(f'<div class="para"><font face="arial">{text}' for text in paragraphs)
        + "</article></body></html>"
    )
    assert clean_html(html, url=URL).articleBody == "\n\n".join(paragraphs)


def test_shallower_drops_the_tags_past_the_limit_and_nothing_else() -> None:
    data = b"<div><div><b>a</b><div>b<i>c</div>d</div>e<script>x='<div><div>'</script><!-- <div> --><p>f<p>g</div>"
    assert shallower(data, 2) == (
        b"<div><div>a<br><br>bcd</div>e<script>x='<div><div>'</script><!-- <div> --><p>f<p>g</div>"
    )
    assert shallower(data, 4) == data


def _depth(data: bytes) -> int:
    root = lxml.html.document_fromstring(b"<html><body>" + data + b"</body></html>")
    deepest, todo = 0, [(root, 0)]
    while todo:
        element, depth = todo.pop()
        deepest = max(deepest, depth)
        todo.extend((child, depth + 1) for child in element)
    return deepest


PIECES = st.sampled_from(
    ["<div>", "</div>", "<p>", "</p>", "<b>", "</b>", "<li>", "<br>", "<img src=x>", "word ", "<!-- c -->",
     "<script>'<div>'</script>", "<span class=x>", "</span>", "<td>", "</td>", "<h2>", "</h2>"]
)  # fmt: skip


@given(st.lists(PIECES, max_size=80).map("".join), st.integers(1, 6))
def test_shallower_keeps_the_text_and_bounds_the_depth(markup: str, limit: int) -> None:
    data = markup.encode()
    shallow = shallower(data, limit)
    # The words, in order, are those of the markup (tags dropped, none added but <br>).
    words = re.compile(rb"<script>.*?</script>|<!--.*?-->|<[^>]*>")
    assert words.sub(b" ", shallow).split() == words.sub(b" ", data).split()
    # lxml adds html and body, two levels above the limit.
    assert _depth(shallow) <= limit + 2 + 1
