"""Feeds and sitemaps as hostile servers send them: every readable entry comes out, none raises."""

from __future__ import annotations

import gzip

from newsclean.spiders.discovery import entries_in, feed_entries, sitemap_entries

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


def _bomb(root: str) -> str:
    """A DTD whose entities expand to 10^9 'lol's (billion laughs), before ``root``."""
    levels = "".join(f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">\n' for i in range(1, 10))
    return f'<?xml version="1.0"?>\n<!DOCTYPE {root} [\n<!ENTITY lol0 "lol">\n{levels}]>\n'


def test_an_entity_bomb_costs_no_entry() -> None:
    # libxml2 stopped at the bomb and recovery kept 1 entry of 30 (2 in a sitemap), silently.
    locs = "".join(
        f"<url><loc>https://example.com/news/{k}-story?a=1&b=2</loc>"
        + ("<lastmod>&lol9;</lastmod>" if k == 1 else "")
        + "</url>\n"
        for k in range(30)
    )
    body = (_bomb("urlset") + f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>').encode()
    _, pages = sitemap_entries(body, "https://example.com/sitemap.xml")
    assert len(pages) == 30 == entries_in(body, "sitemap")
    assert pages[1].url == "https://example.com/news/1-story?a=1&b=2"
    assert pages[1].modified == "&lol9;"  # the reference as written, never expanded

    items = "<image><url>https://example.com/logo.png</url></image>" + "".join(
        f"<item><title>{'&lol9;' if k == 1 else 'Story&nbsp;' + str(k)}</title>"
        f"<link>https://example.com/news/{k}-story</link></item>"
        for k in range(30)
    )
    feed = (_bomb("rss") + f"<rss><channel>{items}</channel></rss>").encode()
    entries = list(feed_entries(feed, "https://example.com/feed.xml"))
    assert len(entries) == 30 == entries_in(feed, "feed")
    assert entries[2].title == "Story\u00a02"  # HTML entities in titles are read


def test_entries_that_cannot_be_read_are_counted() -> None:
    # One malformed URL, and a document cut off after its second entry.
    _, pages = sitemap_entries(SITEMAP, "https://example.com/sitemap.xml")
    assert entries_in(SITEMAP, "sitemap") - len(pages) == 1
    cut = SITEMAP[: SITEMAP.index(b"<url><loc>https://[::1")] + b"<url><lo\x00c>https://exa"
    _, pages = sitemap_entries(cut, "https://example.com/sitemap.xml")
    assert entries_in(cut, "sitemap") - len(pages) == 1
    assert entries_in(gzip.compress(SITEMAP), "sitemap") == 4


def test_an_entry_with_a_port_that_is_no_number_is_skipped_and_counted() -> None:
    # Found by fuzzing: "Port could not be cast to integer value" raised out of feed_entries.
    feed = b"""<rss><channel>
<item><link>https://example.com:10:00 GMT/news/1-one</link></item>
<item><link>https://example.com/news/2-two</link></item>
</channel></rss>"""
    entries = list(feed_entries(feed, "https://example.com/feed.xml"))
    assert [e.url for e in entries] == ["https://example.com/news/2-two"]
    assert entries_in(feed, "feed") - len(entries) == 1
    sitemap = SITEMAP.replace(b"https://example.com/news/4-story", b"https://example.com:99999/news/4-story")
    _, pages = sitemap_entries(sitemap, "https://example.com/sitemap.xml")
    assert len(pages) == 2


def test_a_page_link_that_is_no_url_is_left_out() -> None:
    from newsclean.spiders.spiders.news import NewsSpider
    from scrapy.http import HtmlResponse

    body = b'<a href="https://example.com:10:00/x">x</a><a href="http://[::1/y">y</a><a href="/news/a-story">ok</a>'
    page = HtmlResponse("https://example.com/", body=body, encoding="utf-8")
    assert [e.url for e in NewsSpider._page_links(page)] == ["https://example.com/news/a-story"]
