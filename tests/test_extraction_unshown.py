"""Pages whose HTML gives no body: the article's text where the page does not show it
(issue 10's "no page gives an empty body"), from the hand-written pages in
``fixtures/extraction/unshown-*.html``: what must stay, what must go, what the record says."""

from __future__ import annotations

import gzip
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from newsclean.cleaners import clean_html, unshown
from newsclean.cleaners import html as html_extraction
from newsclean.cleaners.html import NOTICE
from newsclean.cleaners.record import Article

from .conftest import assert_gone, assert_once

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "extraction"
URL = "https://news.example.com/2026/03/story"


def _clean(name: str) -> Article:
    return clean_html((FIXTURES / name).read_bytes(), url=URL)


def _chose(record: Article) -> tuple[str, str]:
    chose = [step for step in record.cleaning if step.action == "chose"]
    assert len(chose) == 1, chose
    return str(chose[0].text), str(chose[0].reason)


def test_the_article_in_next_js_flight_data_is_recovered_as_paragraphs() -> None:
    record = _clean("unshown-nextjs-flight.html")
    body = record.articleBody or ""
    # The article is one text row of the flight stream, cut across two chunks, as HTML.
    assert body.startswith("The Harbour ferry is back on the water after four months in dry dock.")
    assert_once(
        body,
        "Engineers replaced the ferry's engine, which had been running since 1987",
        "Back to the timetable",
        '"We missed it more than we expected," said Ruth Okafor',
    )
    assert "bicycles.\n\nEngineers replaced" in body  # paragraphs stay paragraphs
    assert_gone(
        body,
        "$$INLINEAD$$",  # a template's placeholder
        "INLINEAD",
        "The ferry leaving the north pier",  # a caption, pruned as on the HTML path
        "Council approves new cycle lanes",  # the related stories: more prose, not this article
        "The council voted on Tuesday",
        "gtag",  # code
        "The Bay Courier",  # the masthead link, the only text the HTML showed,
    )
    winner, why = _chose(record)
    assert winner == "script data"
    assert "Next.js flight data" in why and "no article text" in why and "headline" in why
    assert record.articleBodyHtml and "<p>Engineers replaced" in record.articleBodyHtml


def test_the_article_in_next_data_json_is_taken_from_its_list_of_blocks() -> None:
    record = _clean("unshown-next-data.html")
    body = record.articleBody or ""
    paragraphs = body.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[0].startswith("Hannah Price's sourdough took first place at the county show on Saturday")
    assert paragraphs[-1].startswith("The bakery will sell the prize-winning loaf every Saturday")
    assert_gone(
        body,
        "The Vale Gazette has covered the villages",  # the site's about text, longest of all
        "The winning loaf.",
        "mid-article-1",
        "Loading",
        "village-bakery-wins-bread-prize",
    )
    winner, why = _chose(record)
    assert winner == "script data" and "__NEXT_DATA__" in why and "4 string(s)" in why


def test_a_gallery_shown_only_without_scripts_gives_its_captions() -> None:
    record = _clean("unshown-noscript-gallery.html")
    body = record.articleBody or ""
    assert_once(
        body,
        "Rowers from both universities train on the river",
        "Blossom arrives early in the old orchard at Kew",
        "Traders set up the Saturday market",
        "A pair of swans guard their nest below the weir",
    )
    assert_gone(body, "enable JavaScript", "Disqus", "best viewed", "pixel", "Sport")
    winner, why = _chose(record)
    assert winner == "noscript" and "<noscript>" in why and "4 blocks" in why


def test_a_gallery_whose_foot_is_chosen_drops_its_linked_disclaimer_and_notice_and_gives_its_captions() -> None:
    # The page holds no paragraph but its foot's: the box chosen opens with a disclaimer linked up
    # to its period (no sentence of any text: nothing of the box comes before it once its link
    # list goes) over a notice asking for another browser (no text of the article's).
    record = _clean("unshown-noscript-gallery-foot-chosen.html")
    body = record.articleBody or ""
    assert_once(
        body,
        "Fishing boats wait out the storm in the harbour at Newlyn",
        "Children from the village school plant the first of two hundred oak saplings",
        "A restorer works on the clock face of the town hall",
        "Cyclists set off on the charity ride from the market cross",
    )
    assert_gone(body, "not responsible for the content", "best viewed", "Terms of Use", "Connected TV", "pixel")
    winner, why = _chose(record)
    assert winner == "noscript" and "4 blocks" in why
    reasons = {step.reason for step in record.cleaning}
    assert NOTICE in reasons
    assert any("a short paragraph of links opening the content" in reason for reason in reasons)


def _page(body: str, scripts: str = "", headline: str = "Storm closes the coast road for a second night") -> bytes:
    return f"<html><head><title>{headline}</title></head><body>{body}{scripts}</body></html>".encode()


RELATED = json.dumps(
    {
        "related": [
            {
                "teaser": "The council voted on Tuesday to paint cycle lanes along the whole of the coast road, "
                "after three years of debate and two public meetings that ran past midnight."
            },
            {
                "teaser": "The cottage beside the old lighthouse will open as a museum next spring, with the "
                "keeper's logbooks and a telescope that visitors will be able to use."
            },
        ]
    }
)


def test_script_data_that_does_not_agree_with_the_headline_is_not_taken() -> None:
    """A short post (one line under a video) keeps its one line: the related stories in the
    page's data hold more prose, but not the headline's words."""
    page = _page(
        "<h1>Storm closes the coast road for a second night</h1><p>Watch: waves over the sea wall.</p>",
        f'<script id="__NEXT_DATA__" type="application/json">{RELATED}</script>',
    )
    record = clean_html(page, url=URL)
    assert record.articleBody == "Watch: waves over the sea wall."
    assert not [step for step in record.cleaning if step.action == "chose"]


def test_noscript_notices_and_pixels_alone_give_nothing() -> None:
    page = _page(
        "<h1>Storm closes the coast road for a second night</h1><p>Watch: waves over the sea wall.</p>"
        "<noscript>Please enable JavaScript in your browser to watch the video and see the comments.</noscript>"
        '<noscript><img src="https://stats.example.net/p.gif" alt=""></noscript>'
    )
    record = clean_html(page, url=URL)
    assert record.articleBody == "Watch: waves over the sea wall."


@pytest.mark.parametrize(
    "text",
    [
        "This page is best viewed in an up-to-date web browser with style sheets (CSS) enabled.",
        "Best viewed with Firefox or Chrome at 1024x768.",
        "This site is best viewed at a screen resolution of 1280 x 1024.",
        "Your browser is no longer supported. Please consider upgrading your browser.",
    ],
)
def test_a_notice_asking_for_another_browser_is_one(text: str) -> None:
    assert unshown.is_notice(text, unshown.BODY_NOTICE_CHARS)


@pytest.mark.parametrize(
    "text",
    [
        "The comet is best viewed in the early morning, low in the eastern sky.",
        "The murals are best viewed at dusk, when the lamps along the quay come on.",
        "The exhibition is best viewed with a guide. Tickets cost 12 euros; the browser of the "
        "catalogue pays nothing.",
    ],
)
def test_a_sentence_about_what_is_best_viewed_is_no_notice(text: str) -> None:
    assert not unshown.is_notice(text, unshown.BODY_NOTICE_CHARS)


def test_a_page_whose_html_gives_a_body_never_reads_its_scripts_again(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("script data read on a page whose HTML gave its body")

    monkeypatch.setattr(html_extraction, "unshown_text", refuse)
    article = " ".join(["The road along the bay was closed again on Tuesday night as the storm went on."] * 3)
    page = _page(
        f"<h1>Storm closes the coast road for a second night</h1><p>{article}</p>",
        f'<script id="__NEXT_DATA__" type="application/json">{RELATED}</script>',
    )
    assert clean_html(page, url=URL).articleBody == article
    with pytest.raises(AssertionError, match="script data read"):
        clean_html(_page("<div id='__next'></div>"), url=URL)  # the check itself: asked when nothing is found


ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def _real(path: str) -> bytes:
    file = DATA / path
    if not file.is_file():
        pytest.skip(f"../shared/data/{path} is not present")
    return gzip.decompress(file.read_bytes())


def test_real_pages_that_gave_an_empty_body_give_their_text() -> None:
    """The two pages of the shared collections that gave no body (issue 10): a Next.js page
    whose article is only in its script data, and (the test below) a 2012 photo gallery whose
    captions are only in its ``<noscript>`` (dragnet's truth for it is the headline and date line
    alone: the captions score nothing there, but they are what the page shows a reader without
    scripts)."""
    if str(ROOT) not in sys.path:  # the benchmarks folder is not an installed package
        sys.path.insert(0, str(ROOT))
    from benchmarks.quality import fundus_body
    from benchmarks.scoring import score_page, summarise

    korean_html = _real("fundus/kr/HankookIlbo_2026_01_29.html.gz")
    truth = json.loads((DATA / "fundus" / "kr" / "HankookIlbo.json").read_text(encoding="utf-8"))
    korean = clean_html(korean_html, url="https://www.hankookilbo.com/News/Read/A2026012914320005196")
    assert _chose(korean)[0] == "script data"
    # Measured 0.973 when the fallback landed.
    assert summarise([score_page(fundus_body(truth["V2"]), korean.articleBody or "")]).f1 >= 0.95


def test_a_gallery_whose_captions_are_only_in_its_noscript_gives_them() -> None:
    gallery = clean_html(_real("dragnet/html/267.html.gz"), url="http://www.bbc.co.uk/news/in-pictures-18967511")
    assert _chose(gallery)[0] == "noscript"
    body = gallery.articleBody or ""
    assert body.count("\n\n") == 9 and "Pilgrims pray at the Grand Mosque in Mecca" in body
    assert "best viewed" not in body


CIDER = (
    "The county's last cider press will run again this autumn after volunteers spent the summer rebuilding "
    "its oak frame and replacing the stone.",
    "Apples from any garden in the parish are welcome on Saturdays in October, and the juice goes home with "
    "whoever brought the fruit.",
    "The press was built in 1890 and stood idle for thirty years before the village society bought it at "
    "auction for a single pound.",
)
CIDER_HTML = "".join(f"<p>{p}</p>" for p in CIDER) + "<p>Please enable JavaScript to see the map of the orchards.</p>"


def _nuxt3() -> str:
    # Nuxt 3's payload: the page's data flattened into one array, values referring to others by index.
    payload = [
        ["ShallowReactive", 1],
        {"data": 2},
        {"article-42": 3},
        {"title": 4, "body": 5, "related": 6},
        "Village cider press restored by volunteers",
        CIDER_HTML,
        [7],
        {"title": 8},
        "Bus timetable changes",
    ]
    return f'<script type="application/json" id="__NUXT_DATA__" data-ssr="true">{json.dumps(payload)}</script>'


def _nuxt2() -> str:
    # Nuxt 2's payload: JavaScript, not JSON (unquoted keys, a function's arguments).
    return (
        '<script>window.__NUXT__=(function(a,b){return {layout:"default",data:[{article:{title:'
        f'"Village cider press restored by volunteers",body:{json.dumps(CIDER_HTML)},section:a}}}}],'
        'state:{user:b}}}("news",null));</script>'
    )


@pytest.mark.parametrize("payload", [_nuxt3, _nuxt2], ids=["nuxt-3-data", "nuxt-2-script"])
def test_the_article_in_a_nuxt_payload_is_recovered(payload: Callable[[], str]) -> None:
    page = _page("<div id='__nuxt'></div>", payload(), headline="Village cider press restored by volunteers")
    record = clean_html(page, url=URL)
    assert (record.articleBody or "").split("\n\n") == list(CIDER)  # the notice inside the data goes
    assert _chose(record)[0] == "script data"
