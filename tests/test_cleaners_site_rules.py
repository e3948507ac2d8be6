"""Site rules: what a profile's boilerplate selectors name is removed, and the record says which rule."""

import pytest
from newsclean.cleaners import SiteProfile, clean_html

PAGE = """<html><head><title>Harbour Road cycle lane approved</title></head><body>
<div class="story">
<h1>Harbour Road cycle lane approved</h1>
<p>The city council voted on Tuesday to build a protected cycle lane along the length of Harbour Road,
ending a dispute that has divided residents and shop owners for more than two years.</p>
<div class="gazette-weekend"><p>Our weekend edition is on sale at every newsagent in town now</p></div>
<p>The plan replaces one lane of car traffic with a two-way cycle track separated from the road by a low
kerb and a row of planters. Work is due to start in the spring and to take about eight months.</p>
</div></body></html>"""

SITE = SiteProfile(name="gazette", domains=("gazette.example",), body="div.story", boilerplate=(".gazette-weekend",))


def test_profile_boilerplate_is_removed_with_the_selector_as_reason() -> None:
    article = clean_html(PAGE, url="https://gazette.example/a", site=SITE)
    assert article.articleBody is not None
    assert "weekend edition" not in article.articleBody
    assert "protected cycle lane" in article.articleBody and "two-way cycle track" in article.articleBody
    (step,) = [s for s in article.cleaning if s.cleaner == "site_rules"]
    assert step.text == "Our weekend edition is on sale at every newsagent in town now"
    assert step.reason == "matches the boilerplate selector .gazette-weekend of site profile gazette"


def test_turning_site_rules_off_keeps_the_marked_text() -> None:
    article = clean_html(PAGE, url="https://gazette.example/a", site=SITE, chain={"site_rules": None})
    assert article.articleBody is not None
    assert "weekend edition" in article.articleBody


def test_turned_off_the_marked_text_stays_where_it_was_on_the_page() -> None:
    article = clean_html(PAGE, url="https://gazette.example/a", site=SITE, chain={"site_rules": None})
    assert article.articleBody is not None
    paragraphs = article.articleBody.split("\n\n")
    weekend = paragraphs.index("Our weekend edition is on sale at every newsagent in town now")
    assert "protected cycle lane" in paragraphs[weekend - 1]
    assert "two-way cycle track" in paragraphs[weekend + 1]


FOUND_PAGE = """<html><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="content">
<p>The city council voted on Tuesday to build a protected cycle lane along the length of Harbour Road,
ending a dispute that has divided residents and shop owners for more than two years.</p>
<div class="signup-box">Our weekend edition is on sale at every newsagent in town now</div>
<p>The plan replaces one lane of car traffic with a two-way cycle track separated from the road by a low
kerb and a row of planters. Work is due to start in the spring and to take about eight months.</p>
<p>Shop owners had argued that losing parking outside their doors would cost them trade, while cycling
groups said the road had seen four serious crashes involving cyclists in the past three years.</p>
</div></body></html>"""

FOUND_SITE = SiteProfile(name="gazette", domains=("gazette.example",), boilerplate=(".signup-box",))


@pytest.mark.parametrize("finder", ["scorer", "readability"])
def test_without_a_body_selector_the_marked_text_is_removed_or_kept_in_its_place(finder: str) -> None:
    url = "https://gazette.example/b"
    cleaned = clean_html(FOUND_PAGE, url=url, site=FOUND_SITE, main_content=finder)
    assert cleaned.articleBody is not None and "weekend edition" not in cleaned.articleBody
    (step,) = [s for s in cleaned.cleaning if s.cleaner == "site_rules"]
    assert step.reason == "matches the boilerplate selector .signup-box of site profile gazette"
    kept = clean_html(FOUND_PAGE, url=url, site=FOUND_SITE, chain={"site_rules": None}, main_content=finder)
    assert kept.articleBody is not None
    paragraphs = kept.articleBody.split("\n\n")
    assert len(paragraphs) == 4
    assert paragraphs[1] == "Our weekend edition is on sale at every newsagent in town now"
    assert paragraphs[0].startswith("The city council") and paragraphs[2].startswith("The plan replaces")
    # The other cleaners see the page as before: the removal changes nothing else.
    assert cleaned.articleBody == "\n\n".join(paragraphs[:1] + paragraphs[2:])
