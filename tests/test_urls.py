"""One URL identity: discovery, the site memory, the record and the store key an article alike."""

from __future__ import annotations

import pytest
from newsclean.cleaners.normalize import normalize_record
from newsclean.cleaners.site_memory import page_key
from newsclean.cleaners.urls import canonical_url, is_tracking, site_domain
from newsclean.spiders.discovery import strip_tracking

ARTICLE = "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/?page=2&lang=en"
FORMS = [
    ARTICLE,
    "HTTPS://WWW.RT.COM/russia/592418-kremlin-denies-talks-freezing/?page=2&lang=en",
    "https://www.rt.com:443/russia/592418-kremlin-denies-talks-freezing/?page=2&lang=en",
    "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/?page=2&lang=en#comments",
    "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/?utm_source=rss&page=2&fbclid=x&lang=en",
    "https://www.rt.com/russia/./x/../592418-kremlin-denies-talks-freezing/?page=2&lang=en&ref=home",
    "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/?page=2&lang=en&at_medium=RSS&xtor=RSS-1",
]


@pytest.mark.parametrize("form", FORMS)
def test_every_component_keys_the_same_article_alike(form: str) -> None:
    record = normalize_record({"url": form, "cleaning": []})
    keys = {canonical_url(form), strip_tracking(form), page_key(form), record["canonicalUrl"]}
    assert keys == {ARTICLE}


def test_canonical_form_keeps_the_page_s_own_parameters_in_order() -> None:
    assert canonical_url("https://e.org/a?b=2&a=1&utm_medium=x") == "https://e.org/a?b=2&a=1"
    assert canonical_url("http://E.org:8080/a%7eb/%c3%a9?q=%2f") == "http://e.org:8080/a~b/%C3%A9?q=%2F"
    assert canonical_url("https://e.org") == "https://e.org/"
    assert canonical_url("https://e.org/a/b/../../..") == "https://e.org/"


def test_tracking_parameters_are_matched_by_name_and_prefix() -> None:
    assert is_tracking("utm_campaign") and is_tracking("UTM_Source") and is_tracking("at_medium")
    assert is_tracking("partner_id", ["partner_*"]) and not is_tracking("id")
    assert not is_tracking("page") and not is_tracking("reference")


@pytest.mark.parametrize(
    ("host", "domain"),
    [
        ("www.nytimes.com", "nytimes.com"),
        ("blogs.nytimes.com", "nytimes.com"),
        ("nytimes.com", "nytimes.com"),
        ("news.bbc.co.uk", "bbc.co.uk"),
        ("www.abc.net.au", "abc.net.au"),
        ("mainichi.jp", "mainichi.jp"),
        ("www.zeit.de", "zeit.de"),
        ("localhost", "localhost"),
        ("WWW.RT.COM.", "rt.com"),
    ],
)
def test_site_domain_is_the_domain_a_publisher_holds(host: str, domain: str) -> None:
    assert site_domain(host) == domain
