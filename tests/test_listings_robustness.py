"""Feeds and sitemaps as hostile servers send them: every readable entry comes out, none raises."""

from __future__ import annotations

import gzip

from newsclean.spiders.discovery import feed_entries, sitemap_entries

SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://example.com/news/1-story?a=1&b=2</loc></url>
<url><loc>https://example.com/news/2-story?a=1&amp;b=2&flag</loc></url>
<url><loc>https://[::1/news/3-story</loc></url>
<url><loc>https://example.com/news/4-story?utm_source=x&id=4</loc></url>
</urlset>"""


def test_a_bare_ampersand_in_a_loc_is_read_as_written() -> None:
    _, pages = sitemap_entries(SITEMAP, "https://example.com/sitemap.xml")
    assert [p.url for p in pages] == [
        "https://example.com/news/1-story?a=1&b=2",  # was ?a=1%3D2
        "https://example.com/news/2-story?a=1&b=2&flag",
        "https://example.com/news/4-story?id=4",
    ]


def test_invalid_bytes_and_broken_gzip_do_not_raise() -> None:
    body = SITEMAP.replace(b"2-story", b"2-st\xed\xa0ory")
    _, pages = sitemap_entries(body, "https://example.com/sitemap.xml")
    assert len(pages) == 3
    assert sitemap_entries(b"\x1f\x8b\x08\x00garbage", "https://example.com/s.xml") == ([], [])
    assert sitemap_entries(gzip.compress(SITEMAP)[:-20], "https://example.com/s.xml") == ([], [])


def test_feed_with_malformed_guid_and_invalid_tag() -> None:
    feed = b"""<rss version="2.0"><channel>
<item><title>One</title><guid>https://[::1/x</guid><link>https://example.com/news/1-one</link></item>
<item><title>Two</title><guid2https:>x</guid2https:><link>https://example.com/news/2-two</link></item>
<item><title>Three \xff</title><link>https://[zz/3</link></item>
</channel></rss>"""
    urls = [e.url for e in feed_entries(feed, "https://example.com/feed.xml")]
    assert urls == ["https://example.com/news/1-one", "https://example.com/news/2-two"]
