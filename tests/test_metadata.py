"""Page metadata -> record fields: headline, dates, authors; and floors on real news pages."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from newsclean.cleaners import clean_html

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.quality import _same_authors, _same_day, fundus_pages  # noqa: E402

FUNDUS = ROOT.parent / "shared" / "data" / "fundus"
BODY = "<article>" + "<p>The council voted on Tuesday to extend the tram line, officials said.</p>" * 3 + "</article>"


def _page(head: str, body: str = BODY) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _jsonld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_jsonld_article_in_a_graph_gives_headline_date_and_authors() -> None:
    head = _jsonld(
        {
            "@context": "https://schema.org",
            "@graph": [
                {"@type": "WebSite", "name": "City News"},
                {
                    "@type": "NewsArticle",
                    "headline": "Tram line extended",
                    "datePublished": "2024-03-05T09:30:00+01:00",
                    "author": [{"@type": "Person", "name": "Jane Doe", "url": "https://x/jane"}],
                },
            ],
        }
    )
    article = clean_html(_page(head))
    assert article.headline == "Tram line extended"
    assert article.datePublished == "2024-03-05T09:30:00+01:00"
    assert [(a.name, a.url) for a in article.authors] == [("Jane Doe", "https://x/jane")]


def test_double_escaped_values_are_unescaped() -> None:
    head = _jsonld({"@type": "NewsArticle", "headline": "Mayor: &quot;We will build it&quot; &#8216;soon&#8217;"})
    assert clean_html(_page(head)).headline == 'Mayor: "We will build it" ‘soon’'


@pytest.mark.parametrize(
    ("title", "h1", "expected"),
    [
        ("Tram line extended - City News", "", "Tram line extended"),
        ("Tram line extended | City News", "", "Tram line extended"),
        ("City News: Tram line extended", "", "Tram line extended"),
        ("Tram line extended | Politics | City News", "Tram line extended", "Tram line extended"),
        ("Vote: tram line extended to the harbour", "", "Vote: tram line extended to the harbour"),
    ],
)
def test_site_name_is_cut_off_the_title(title: str, h1: str, expected: str) -> None:
    head = f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="City News">'
    body = (f"<h1>{h1}</h1>" if h1 else "") + BODY
    assert clean_html(_page(head, body), url="https://citynews.example/a/1").headline == expected


def test_a_blogs_name_in_its_h1_linking_home_is_the_sites_name_not_the_headline() -> None:
    # A blog prints its name as the <h1> of every page, a link to its home page; the title joins
    # it to the post's title, which is a smaller heading.
    body = (
        "<h1><a href='https://cio.example.com/'>Life as a Healthcare CIO</a></h1>"
        "<h3>In Shanghai this Week</h3>" + BODY
    )
    head = "<title>Life as a Healthcare CIO: In Shanghai this Week</title>"
    record = clean_html(_page(head, body), url="https://cio.example.com/2012/10/shanghai.html")
    assert record.headline == "In Shanghai this Week"
    # An <h1> linking to the article itself is the headline.
    own = body.replace("https://cio.example.com/'>Life as a Healthcare CIO", "/2012/10/shanghai.html'>Trams at last")
    record = clean_html(_page(head, own), url="https://cio.example.com/2012/10/shanghai.html")
    assert record.headline == "Trams at last"


def test_the_h1_the_title_holds_is_the_headline_among_many() -> None:
    # A page written before HTML5 prints an <h1> over every box: a teaser's, "Most Popular",
    # the article's. Without structured data the title names the article.
    boxes = "<div><h1>Five things to check on a used car</h1><p>A teaser.</p></div><div><h1>Most Popular</h1></div>"
    body = boxes + "<div><h1>Tram line extended to the harbour</h1>" + BODY + "</div>"
    head = "<title>Tram line extended to the harbour | City News</title>"
    assert clean_html(_page(head, body), url="https://citynews.example/a/1").headline == (
        "Tram line extended to the harbour"
    )
    # The first <h1> stays the headline when the title holds it, or holds none of them.
    first = "<h1>Tram line extended</h1>" + body
    assert clean_html(_page(head, first), url="https://citynews.example/a/1").headline == "Tram line extended"
    other = "<title>City News</title>"
    assert clean_html(_page(other, body), url="https://citynews.example/a/1").headline == (
        "Five things to check on a used car"
    )


def test_a_smaller_heading_the_title_opens_or_closes_with_cuts_the_sites_name_off() -> None:
    # No <h1>: a Blogger post's title is an <h3>. The title joins it to the blog's name, which
    # no og:site_name gives; the heading tells which part is the headline, either side.
    body = "<h2>Tram Diaries</h2><h3>Tram line extended to the harbour</h3>" + BODY
    for title in (
        "Tram line extended to the harbour | Tram Diaries",
        "Tram Diaries - Tram line extended to the harbour",
    ):
        record = clean_html(
            _page(f"<title>{title}</title>", body), url="https://tramdiaries.example.org/2012/10/a.html"
        )
        assert record.headline == "Tram line extended to the harbour", title
    # The blog's name printed as a heading of its own (its host's name) is not the headline: the
    # title stays whole rather than give the blog's name.
    masthead = "<h2>PETER SHANKMAN</h2>" + BODY
    record = clean_html(
        _page("<title>When the Problem is You | Peter Shankman</title>", masthead), url="https://petershankman.com/p/1"
    )
    assert record.headline == "When the Problem is You | Peter Shankman"
    # A heading that is all of the title, or a short one ("News"), decides nothing.
    short = "<h2>News</h2>" + BODY
    record = clean_html(_page("<title>News | Tram line extended</title>", short), url="https://x.example/a")
    assert record.headline == "News | Tram line extended"


def test_joined_author_names_are_split_and_initials_dropped() -> None:
    head = _jsonld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Doe und Max Roe (mro), dpa"}})
    names = [a.name for a in clean_html(_page(head)).authors]
    assert names == ["Jane Doe", "Max Roe", "dpa"]


def test_a_person_is_preferred_to_the_site_as_author() -> None:
    head = _jsonld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "City News"}}) + (
        '<meta property="og:site_name" content="City News"><meta name="author" content="Jane Doe">'
    )
    assert [a.name for a in clean_html(_page(head)).authors] == ["Jane Doe"]


def test_the_site_stays_author_when_no_person_is_named() -> None:
    head = _jsonld({"@type": "NewsArticle", "author": {"@type": "Organization", "name": "City News"}}) + (
        '<meta property="og:site_name" content="City News">'
    )
    assert [a.name for a in clean_html(_page(head)).authors] == ["City News"]


def test_byline_markup_names_the_author_when_metadata_does_not() -> None:
    body = '<p class="byline">By <a rel="author" href="/staff/jane">Jane Doe</a></p>' + BODY
    authors = clean_html(_page("", body)).authors
    assert [(a.name, a.url) for a in authors] == [("Jane Doe", "/staff/jane")]


def test_byline_elements_found_by_their_attributes_are_the_old_expression_s_in_page_order() -> None:
    # The byline finder reads attributes (``//@itemprop[.="author"]/..``): the same elements, in
    # page order, as the expression it stands for; a rel or itemprop that only holds "author"
    # among other words, or a rel="author" off a link, is none.
    import lxml.html
    from lxml import etree
    from newsclean.cleaners.metadata import _BYLINE_ELEMENTS

    page = lxml.html.document_fromstring(
        '<html><body><span itemprop="author"><a rel="author" href="/a">Ann</a></span>'
        '<a rel="author nofollow" href="/b">Bo</a><div rel="author">Cy</div><p itemprop="Author">Di</p>'
        '<div itemprop="author"><span itemprop="name">Ed</span></div><a rel="author">Flo</a></body></html>'
    )
    old = etree.XPath('//a[@rel="author"] | //*[@itemprop="author"]')(page)
    found = _BYLINE_ELEMENTS(page)
    assert found == old
    assert [el.text_content() for el in found] == ["Ann", "Ann", "Ed", "Flo"]


def test_email_is_not_an_author() -> None:
    head = '<meta name="author" content="j.doe@citynews.example">'
    assert clean_html(_page(head)).authors == []


def test_fundus_pages_hold_their_metadata_floors() -> None:
    if not FUNDUS.is_dir():
        pytest.skip("../shared/data/fundus is not present")
    pages = list(fundus_pages(FUNDUS, None))
    headline = day = authors = 0
    for page in pages:
        record = clean_html(page.html, url=page.url)
        truth = page.truth
        headline += " ".join((record.headline or "").split()) == " ".join(str(truth.get("title") or "").split())
        day += _same_day(record.datePublished, truth.get("publishing_date"))  # type: ignore[arg-type]
        authors += _same_authors([a.name for a in record.authors], truth.get("authors") or [])  # type: ignore[arg-type]
    n = len(pages)
    # Pinned at 0.833 / 0.973 / 0.822 (trafilatura: 0.671 / 0.969 / 0.736).
    assert headline / n >= 0.81
    assert day / n >= 0.96
    assert authors / n >= 0.80


def test_any_meta_name_for_the_publication_time_is_read() -> None:
    head = '<meta property="article:published:time" content="2024-10-23T15:48:15+00:00">'
    assert clean_html(_page(head)).datePublished == "2024-10-23T15:48:15+00:00"


def test_a_visible_date_under_the_headline_dates_the_article() -> None:
    body = (
        "<div class='teaser'><span class='date'>01.01.2020</span></div>"
        "<h1>Tram line extended</h1><p class='meta'><span class='date'>24.04.2023</span></p>"
        "<h2>Other news <span class='date'>20.04.2023</span></h2>" + BODY
    )
    assert clean_html(_page("", body)).datePublished == "2023-04-24T00:00:00"


def test_the_metadata_benchmark_says_why_fundus_did_not_run(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Fundus cannot share newsclean's environment; the benchmark runs it in its own and, when
    that environment is missing or fundus does not start in it, says so in the table's notes."""
    from benchmarks.quality import FUNDUS_PYTHON, FUNDUS_SETUP, Page, fundus_results, run_metadata

    page = Page("de/Example_2024_03_05.html.gz", "https://example.de/a", _page("<title>A</title>").encode())
    monkeypatch.setenv(FUNDUS_PYTHON, sys.executable)  # newsclean's own Python: no fundus here
    why = fundus_results([page], tmp_path)
    assert isinstance(why, str) and why.startswith("not run: fundus did not start in ")
    assert "No module named 'fundus'" in why and FUNDUS_SETUP in why
    monkeypatch.setenv(FUNDUS_PYTHON, str(tmp_path / "no-such-python"))
    table = run_metadata([page], tmp_path)
    assert "fundus: not run: " in table and "no-such-python" in table
    assert "| newsclean |" in table
