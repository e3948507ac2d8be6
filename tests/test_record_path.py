"""One record path: the library, the command and a crawl make the same record of a page."""

from __future__ import annotations

import pytest
from newsclean.cleaners import SiteProfile, clean_html, clean_text, profile_for_url, register_site
from newsclean.cleaners import site as site_registry
from newsclean.spiders.demo import DUMP, DUMP_URL

from .conftest import ROOT

PAGE = ROOT / "fixtures/sites/rt/russia/592418-kremlin-denies-talks-freezing/index.html"


def test_library_calls_find_the_site_profile_from_the_url_like_the_command() -> None:
    article = clean_text(DUMP.read_text(encoding="utf-8"), url=DUMP_URL)
    assert article.site == "rt" and article.datePublished == "2024-02-14T10:08:00+00:00"
    page = clean_html(PAGE.read_bytes(), url=DUMP_URL)
    assert page.site == "rt" and page.datePublished == "2024-02-14T10:08:00+00:00"
    generic = clean_text(DUMP.read_text(encoding="utf-8"), url=DUMP_URL, find_site=False)
    assert generic.site is None and generic.datePublished == "2024-02-14T10:08:00"


def test_a_registered_profile_is_found_by_every_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(site_registry, "_registered", {})  # leaves no profile behind for other tests
    register_site(SiteProfile(name="gazette-test", domains=("gazette-test.example",), timezone="Europe/Berlin"))
    assert profile_for_url("https://news.gazette-test.example/a-b-c") is not None
    article = clean_text("Council approves budget\n14 Mar 2024 09:30\n" + "Words of the article. " * 20,
                         url="https://www.gazette-test.example/politics/council-approves-budget")
    assert article.site == "gazette-test" and article.datePublished == "2024-03-14T09:30:00+01:00"
