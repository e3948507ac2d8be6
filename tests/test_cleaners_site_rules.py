"""Site rules: what a profile's boilerplate selectors name is removed, and the record says which rule."""

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
