"""Markdown output: articleBodyMarkdown and `newsclean clean --format markdown`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from markdown_it import MarkdownIt
from newsclean.cleaners import clean_html
from newsclean.cleaners.markdown import escape_inline

PROSE = "This paragraph is long enough to read as the article's prose, and it ends with a full stop."
PAGE = f"""<html><head><title>Guide</title></head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>How the tram works</h1>
<p>First, a <a href="/lines">link</a> with *stars*, _underscores_, a [bracket], &lt;tag&gt; and
<code>x = `1`</code> in <strong>bold</strong> and <em>italics</em>. {PROSE}</p>
<h2>Steps # 2</h2>
<ol start="3"><li>Third step</li><li>Fourth step</li></ol>
<ul><li>- a bullet that starts with a dash</li><li>Second bullet</li></ul>
<p>2024. Was a year that starts like a list item. {PROSE}</p>
<blockquote><p>A quote someone said about trams, in full. {PROSE}</p></blockquote>
<table><tr><th>Line</th><th>Stops</th></tr><tr><td>A|B</td><td>12</td></tr></table>
<pre>def route():
    return "```"</pre>
<p>{PROSE}</p>
<div class="player"><span class="vjs-current-time">Current Time 0:00</span></div>
</article></body></html>"""


def _render(md: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(md)


def test_markdown_keeps_structure_and_escapes_text() -> None:
    article = clean_html(PAGE, url="https://news.example.com/guide/", markdown=True)
    md = article.articleBodyMarkdown
    assert md is not None
    html = _render(md)
    assert "<h2>Steps # 2</h2>" in html
    assert '<ol start="3">\n<li>Third step</li>\n<li>Fourth step</li>\n</ol>' in html
    assert "<li>- a bullet that starts with a dash</li>" in html
    assert '<a href="https://news.example.com/lines">link</a>' in html
    assert "*stars*, _underscores_, a [bracket], &lt;tag&gt;" in html
    assert "<code>x = `1`</code>" in html and "<strong>bold</strong>" in html and "<em>italics</em>" in html
    assert "<p>2024. Was a year" in html
    assert "<blockquote>\n<p>A quote someone said" in html
    assert "<th>Line</th>" in html and "<td>A|B</td>" in html
    assert "<pre><code>def route():\n    return &quot;```&quot;\n</code></pre>" in html
    # A removal is a removal in every format.
    assert "Current Time" not in (article.articleBody or "")
    assert "Current Time" not in md and "Home" not in md


def test_markdown_only_on_request() -> None:
    assert clean_html(PAGE).articleBodyMarkdown is None
    assert "articleBodyMarkdown" not in clean_html(PAGE).to_dict()


def test_escape_inline() -> None:
    assert escape_inline("a*b_c [d] <e> `f` | g & h &amp; i") == r"a\*b\_c \[d\] \<e\> \`f\` \| g & h \&amp; i"


def test_cli_format_markdown(tmp_path: Path) -> None:
    page = tmp_path / "guide.html"
    page.write_text(PAGE, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "-m", "newsclean.spiders.cli", "clean", "--format", "markdown", str(page)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.startswith("# How the tram works\n\nFirst, a [link](/lines)")
    assert "3. Third step\n4. Fourth step" in out


def test_markdown_of_real_pages_matches_the_text(shared_data: Path) -> None:
    """On real pages the Markdown, rendered, says the same words as articleBody (no text lost
    or added by the conversion, none of it read as markup by mistake)."""
    import gzip
    import re

    pages = sorted((shared_data / "fundus" / "de").glob("*.html.gz"))[:15]
    pages += sorted((shared_data / "wcxb-dev" / "html").glob("*.html.gz"))[:15]
    assert pages
    for path in pages:
        article = clean_html(gzip.decompress(path.read_bytes()), markdown=True)
        if not article.articleBody:
            continue
        rendered = re.sub(r"<[^>]+>", " ", _render(article.articleBodyMarkdown or ""))
        import html as html_lib

        words = html_lib.unescape(rendered).split()
        expected = re.sub(r"^\d+\. ", "", article.articleBody, flags=re.M).replace(" | ", " ").split()
        assert words == expected or abs(len(words) - len(expected)) <= 0.02 * len(expected), path.name
