"""``python -m benchmarks.quality --hash-names``: the pages with meaningless class and id names,
as CSS modules ship them, to measure how much a tool leans on names."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import lxml.html
import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the benchmarks folder is not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks import quality  # noqa: E402
from benchmarks.scoring import PageScore, summarise  # noqa: E402

PAGE = (
    b"<!DOCTYPE html><html><head><title>Ferry</title></head><body>"
    b"<div id='main' class='article-body wide'><p class='lead'>The ferry is back.</p>"
    b"<p>It sails at <b class='wide'>nine</b>.</p></div>"
    b"<aside class='sidebar wide' data-role='sidebar'>Most read</aside></body></html>"
)


def test_every_class_and_id_name_is_hashed_the_same_way_and_the_text_stays() -> None:
    before = lxml.html.document_fromstring(PAGE)
    after = lxml.html.document_fromstring(quality.hashed_names(PAGE))
    names = [(el.get("class") or "") + " " + (el.get("id") or "") for el in after.iter() if isinstance(el.tag, str)]
    tokens = " ".join(names).split()
    assert tokens and all(t.startswith("c") and len(t) == 7 for t in tokens)
    for old in ("main", "article-body", "wide", "lead", "sidebar"):
        assert old not in tokens
    div, bold, aside = after.xpath("//div[1]")[0], after.xpath("//b")[0], after.xpath("//aside")[0]
    wide = div.get("class").split()[1]
    assert bold.get("class") == wide and aside.get("class").split()[1] == wide  # one name, one hash
    assert aside.get("data-role") == "sidebar"  # only class and id are names
    assert after.text_content() == before.text_content()
    assert [el.tag for el in after.iter()] == [el.tag for el in before.iter()]


def test_the_attributes_that_name_an_element_by_its_id_are_hashed_as_its_id() -> None:
    page = (
        b"<!DOCTYPE html><html><body><button aria-controls='step-1 step-2'>Steps</button>"
        b"<div id='step-1' hidden>Mix.</div><div id='step-2' hidden>Bake.</div>"
        b"<label for='q'>Search</label><input id='q' aria-describedby='hint'><p id='hint'>Words</p>"
        b"<a href='#step-1' data-x='step-1'>First</a></body></html>"
    )
    after = lxml.html.document_fromstring(quality.hashed_names(page))
    ids = {el.get("id") for el in after.xpath("//*[@id]")}
    assert "step-1" not in ids and len(ids) == 4
    controls = after.xpath("//button/@aria-controls")[0].split()
    assert controls == [after.xpath("//div/@id")[0], after.xpath("//div/@id")[1]]
    assert after.xpath("//label/@for")[0] == after.xpath("//input/@id")[0]
    assert after.xpath("//input/@aria-describedby")[0] == after.xpath("//p/@id")[0]
    assert after.xpath("//a/@data-x")[0] == "step-1"  # other attributes stay


def _rt() -> tuple[Path, list[quality.Collection]]:
    """The shared data folder and the benchmark's rt collection (the test skips without it)."""
    data = ROOT.parent / "shared" / "data"
    if not (data / "rt").is_dir():
        pytest.skip("../shared/data/rt is not present")
    return data, [c for c in quality.COLLECTIONS if c.key == "rt"]


def test_the_benchmark_scores_the_rt_page_with_its_names_hashed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data, rt = _rt()
    tools = {quality.NEWSCLEAN: quality.extractors()[quality.NEWSCLEAN]}
    saved = tmp_path / "scores.json"
    quality.run_extraction(
        rt, data, tools, limit=None, cache=quality.Cache(None), verbose=False, save=saved, hash_names=True
    )
    assert "rt.com, class and id names hashed: 1 pages" in capsys.readouterr().out
    scores = [PageScore(*s) for s in json.loads(saved.read_text())["rt"][quality.NEWSCLEAN].values()]
    # Without names the photo's caption and credit are no longer known as such and stay (0.945
    # measured; 1.000 with the names), but the article is found whole and the sprite and the
    # player still go.
    assert summarise(scores).recall > 0.98
    assert summarise(scores).f1 > 0.9
    page = next(rt[0].load(data / "rt", None))
    body = quality.clean_html(quality.hashed_names(page.html), url=page.url).articleBody or ""
    assert "bookmark" not in body and not re.search(r"icon\s*[\w-]*icon", body)  # the sprite
    assert "Podcast" not in body  # the podcast widget


def test_a_page_declared_in_a_legacy_charset_keeps_its_text_when_hashed() -> None:
    # A GB2312 page declared in a <meta>: lxml alone misreads its bytes and cuts the page after
    # the title, which left every tool a page with no body. It is decoded as newsclean decodes
    # it, comes back as UTF-8 and says so.
    page = (
        "<!DOCTYPE html><html><head><meta http-equiv='content-type' content='text/html;charset=GB2312'>"
        "<title>航天合作论坛</title></head><body><div class='article-body'>"
        "<p>新华社北京4月24日电，习近平主席向首届论坛致贺信。</p></div></body></html>"
    ).encode("gb2312")
    after = lxml.html.document_fromstring(quality.hashed_names(page).decode("utf-8"))
    assert "新华社北京4月24日电" in after.text_content()
    assert after.xpath("//div")[0].get("class") != "article-body"
    assert "charset=utf-8" in after.xpath("//meta")[0].get("content")


def test_a_page_with_its_article_after_a_premature_end_keeps_it_when_hashed() -> None:
    # A second <html> after the first one's </html>: lxml leaves it outside the root, a browser
    # (and newsclean) shows it in the body. Hashed, the page still holds it for every tool.
    page = (
        b"<!DOCTYPE html><html><head><title>HR outsourcing</title></head><body>"
        b"<nav class='menu'>Home About</nav></body></html>"
        b"<html><body><div class='blog-content'><p>When defined in the simplest way possible, HR is "
        b"about people.</p></div></body></html>"
    )
    after = lxml.html.document_fromstring(quality.hashed_names(page).decode("utf-8"))
    assert "HR is about people" in after.text_content()
    assert after.xpath("//div")[0].get("class") != "blog-content"


OLD_PAGE = (
    b"<!DOCTYPE html><html><head><title>Ferry</title>"
    b"<meta name='description' content='The ferry is back.'>"
    b"<meta property='og:title' content='Ferry back'><meta name='twitter:card' content='summary'>"
    b'<script type=\'application/ld+json\'>{"@type": "NewsArticle"}</script>'
    b"<script>var x = 1;</script></head><body>"
    b"<header role='banner'><nav aria-label='Main'><a href='/'>Home</a></nav></header>"
    b"<main><article itemscope itemtype='https://schema.org/NewsArticle' data-id='7'>"
    b"<h1 itemprop='headline'>Ferry</h1><time datetime='2012-03-01'>1 March 2012</time>"
    b"<figure><img src='f.jpg' alt=''><figcaption>The ferry.</figcaption></figure>"
    b"<section class='body'><p>The ferry is back. It sails at <mark>nine</mark>.</p></section>"
    b"</article></main><aside hidden>Most read</aside><footer>(c) Harbour News</footer></body></html>"
)


def test_old_markup_leaves_html4_tags_and_the_text_only() -> None:
    before = lxml.html.document_fromstring(OLD_PAGE)
    after = lxml.html.document_fromstring(quality.old_markup(OLD_PAGE))
    tags = {el.tag for el in after.iter() if isinstance(el.tag, str)}
    assert not tags & {"header", "nav", "main", "article", "time", "figure", "figcaption", "section", "mark"}
    assert {"h1", "p", "img", "div", "span", "title"} <= tags
    attrs = {a for el in after.iter() if isinstance(el.tag, str) for a in el.attrib}
    assert not {a for a in attrs if a == "role" or a.startswith(("aria-", "item", "data-"))}
    assert "hidden" in attrs  # (what the page hides stays hidden)
    assert after.xpath("//meta[@name='description']/@content") == ["The ferry is back."]
    assert not after.xpath("//meta[@property or starts-with(@name, 'twitter:')]")
    scripts = [s.text for s in after.iter("script")]
    assert scripts == ["var x = 1;"]  # the JSON-LD went, the page's script stayed
    assert after.xpath("//div/@class")[-1].startswith("c")  # names hashed as by hashed_names
    body = lambda root: " ".join(root.body.text_content().split())  # noqa: E731
    assert body(after) == body(before)


def test_loose_paragraphs_leave_no_paragraph_tag_and_the_same_text() -> None:
    page = (
        b"<html><body><div class='story'><p>The ferry is back.</p> Then "
        b"<p>It sails at <b>nine</b>.</p></div></body></html>"
    )
    after = lxml.html.document_fromstring(quality.loose_paragraphs(page))
    assert not after.xpath("//p")
    runs = after.xpath("//font")
    assert [" ".join(f.text_content().split()) for f in runs] == ["The ferry is back.", "It sails at nine."]
    assert [el.tag for el in runs[0].itersiblings()][:2] == ["br", "br"]
    assert runs[0].getnext().getnext().tail == " Then "  # (the text after a paragraph stays after it)
    assert after.xpath("//div/@class")[0].startswith("c")  # names hashed as by hashed_names


@pytest.mark.parametrize(
    ("tables", "title"),
    [
        (False, "old markup and paragraphs without <p> (both rewrites"),
        (True, "old markup and paragraphs without <p> and every <div> a one-cell <table>"),
    ],
    ids=["old markup and no <p>", "and table layout"],
)
def test_old_markup_and_loose_paragraphs_rewrite_the_page_both_ways_at_once(
    tables: bool, title: str, capsys: pytest.CaptureFixture[str]
) -> None:
    data, rt = _rt()
    seen: list[bytes] = []

    def recording(html: bytes, url: str) -> str:
        seen.append(html)
        return ""

    quality.run_extraction(
        rt, data, {"recorder": recording}, limit=None, cache=quality.Cache(None), verbose=False,
        old_html=True, loose_p=True, tables=tables,
    )  # fmt: skip
    assert title in capsys.readouterr().out
    page = lxml.html.document_fromstring(seen[0])
    assert not page.xpath("//p | //article | //figure | //script[@type='application/ld+json']")
    assert page.xpath("//font/following-sibling::*[1][self::br]")
    # (every <div> a table with the third rewrite, but for those inside a link or a heading)
    assert bool(page.xpath("//div[not(ancestor::a or ancestor::h1 or ancestor::h2 or ancestor::h3)]")) is not tables
    assert not tables or page.xpath("//table/tr/td//font")


def test_table_layout_writes_every_div_as_a_one_cell_table_and_keeps_the_text_in_order() -> None:
    page = (
        b"<html><body><div class='page' style='width:760px'>Top <div id='story'><p>The ferry is back.</p>"
        b"</div> between <b>bold</b><div>(c) Harbour News</div></div><p>After.</p></body></html>"
    )
    before = lxml.html.document_fromstring(page)
    after = lxml.html.document_fromstring(quality.table_layout(page))
    assert not after.xpath("//div")
    outer = after.body[0]
    assert outer.tag == "table" and outer.get("style") == "width:760px" and outer.get("class").startswith("c")
    cell = outer.xpath("./tr/td")[0]
    assert cell.text == "Top " and [el.tag for el in cell] == ["table", "b", "table"]
    assert cell[0].tail == " between " and cell[0].get("id").startswith("c")  # the div's tail and name stay
    assert cell[0].xpath("./tr/td/p/text()") == ["The ferry is back."]
    body = lambda root: " ".join(root.body.text_content().split())  # noqa: E731
    assert body(after) == body(before)


def test_table_layout_leaves_a_div_inside_a_link_or_a_heading_where_it_is() -> None:
    # A table written there would be read back after the link or heading, its text taken out of
    # them; a page of tables had a <div> there, or nothing.
    page = (
        b"<html><body><div><a href='/ferry'><div class='card'>Ferry back</div></a>"
        b"<h2>Weather <div>today</div></h2><p>The ferry is back.</p></div></body></html>"
    )
    after = lxml.html.document_fromstring(quality.table_layout(page))
    assert after.body[0].tag == "table"
    assert after.xpath("//a/div/text()") == ["Ferry back"]
    assert after.xpath("string(//h2)") == "Weather today"
    assert not after.xpath("//table[ancestor::a or ancestor::h2]")


def test_div_paragraphs_write_every_paragraph_as_a_div_and_keep_its_text_and_names() -> None:
    after = lxml.html.document_fromstring(quality.div_paragraphs(PAGE))
    assert not after.xpath("//p")
    lead = after.xpath("//div[1]/div")
    assert [" ".join(d.text_content().split()) for d in lead] == ["The ferry is back.", "It sails at nine."]
    assert lead[0].get("class").startswith("c") and lead[1].xpath("./b")  # names hashed, inline markup kept
    assert after.text_content() == lxml.html.document_fromstring(PAGE).text_content()
    # With the table layout the page's boxes become tables and its paragraphs stay boxes.
    both = lxml.html.document_fromstring(quality.hashed_names(PAGE, tables=True, divs=True))
    assert both.xpath("//table/tr/td/div[b]") and not both.xpath("//p")


def test_div_paragraphs_and_loose_paragraphs_are_refused_together(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        quality.main(["--only", "extraction", "--div-paragraphs", "--loose-paragraphs"])
    assert "both rewrite every <p>" in capsys.readouterr().err


def test_bold_headings_write_every_heading_as_a_box_of_bold_text() -> None:
    page = PAGE.replace(b"<p class='lead'>", b"<h1 class='headline'>Ferry <a href='/f'>news</a></h1><h3>Now</h3><p>")
    after = lxml.html.document_fromstring(quality.bold_headings(page))
    assert not after.xpath("//h1 | //h2 | //h3 | //h4 | //h5 | //h6")
    boxes = after.xpath("//div[b]")
    assert [" ".join(d.text_content().split()) for d in boxes] == ["Ferry news", "Now"]
    assert boxes[0].get("class").startswith("c") and boxes[0].xpath("./b/a[@href='/f']")  # names hashed, link kept
    assert after.text_content() == lxml.html.document_fromstring(page).text_content()
    # With the table layout the headings' boxes become one-cell tables like every other box.
    tables = lxml.html.document_fromstring(quality.hashed_names(page, headings=True, tables=True))
    assert tables.xpath("//table/tr/td/b[a]") and not tables.xpath("//h1")
    assert quality._rewritten_title("dragnet", False, False, False, False, True) == (
        "dragnet, class and id names hashed, every heading a bold line"
    )
