"""The ``rt`` spider: rt.com articles from its RSS feeds and news sitemaps."""

from __future__ import annotations

from newsclean.spiders.spiders.news import NewsSpider

__all__ = ["RtSpider"]


class RtSpider(NewsSpider):
    """rt.com: starts from the feeds and sitemaps of the ``rt`` site profile and the sitemaps
    its robots.txt lists; follows article URLs only. Takes ``since`` and ``limit`` like
    ``news``.
    """

    name = "rt"
    site_name = "rt"
