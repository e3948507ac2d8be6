"""Clean stage: turns any spider's page item into an article record with the library."""

from __future__ import annotations

import re
from typing import Any

from itemadapter import ItemAdapter
from newsclean.cleaners import CleanerChain, Document
from newsclean.cleaners.api import build_record
from newsclean.cleaners.html import extract_html
from newsclean.cleaners.settings import DEFAULTS
from newsclean.cleaners.site import profile_for_url
from newsclean.cleaners.urls import TRACKING_PARAMETERS
from newsclean.pipelines.normalize import NormalizedRecord
from newsclean.pipelines.site_memory import CrawlMemory
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem

__all__ = ["CleanPipeline", "agreement"]

_WORD = re.compile(r"\w+")


def agreement(reference: str, text: str, n: int = 4) -> float:
    """The share of ``reference``'s word ``n``-grams (case folded) that ``text`` holds too,
    rounded to three places; 1.0 for a reference too short to have any."""

    def grams(s: str) -> set[tuple[str, ...]]:
        words = _WORD.findall(s.casefold())
        return {tuple(words[i : i + n]) for i in range(len(words) - n + 1)}

    want = grams(reference)
    return round(len(want & grams(text)) / len(want), 3) if want else 1.0


class CleanPipeline:
    """Turns a spider's page item into an article record (a dict in the record's JSON shape).

    A page item is any of: a :class:`~newsclean.cleaners.Document`; an item (dict, Scrapy
    ``Item``, dataclass or attrs object) with ``document`` (a Document); an item with ``url``
    and ``html`` (str, or bytes with an optional ``encoding``: the HTTP charset), extracted here
    with the URL's site profile and ``NEWSCLEAN_MAIN_CONTENT``; or a response the spider
    yielded (the add-on's :class:`~newsclean.spiders.addon.ResponseItems` makes it the last
    kind). An item may also give ``dateDownloaded`` (ISO 8601) and ``fetch`` (``{"date": ...}``:
    the response's ``Date`` header); relative dates on the page ("vor 3 Stunden") count back from
    ``fetch["date"]``, else from ``dateDownloaded``. Other items pass unchanged.
    The chain comes from ``NEWSCLEAN_CLEANERS``; ``NEWSCLEAN_MARKDOWN`` adds ``articleBodyMarkdown``.
    Each page feeds the site memory (see
    :mod:`newsclean.pipelines.site_memory`) before it is cleaned, so it counts as evidence too.
    """

    def __init__(
        self, chain: CleanerChain, crawler: Crawler, memory: CrawlMemory | None = None, *, markdown: bool = False
    ) -> None:
        self.chain = chain
        self.markdown = markdown
        self.stats = crawler.stats
        self.memory = memory
        # The record is normalised here already, as the library does for any caller.
        self.default_timezone = crawler.settings.get("NEWSCLEAN_DEFAULT_TIMEZONE") or None
        self.tracking = TRACKING_PARAMETERS + tuple(crawler.settings.getlist("NEWSCLEAN_TRACKING_PARAMETERS"))
        self.main_content = crawler.settings.get("NEWSCLEAN_MAIN_CONTENT") or DEFAULTS["NEWSCLEAN_MAIN_CONTENT"]

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CleanPipeline:
        config = crawler.settings.getdict("NEWSCLEAN_CLEANERS")
        memory = CrawlMemory.from_settings(crawler.settings)
        chain = CleanerChain(config, instances=memory.instances if memory else None)
        return cls(chain, crawler, memory, markdown=crawler.settings.getbool("NEWSCLEAN_MARKDOWN"))

    def close_spider(self) -> None:
        if self.memory is not None:
            self.memory.close()

    def _document(self, item: Any) -> tuple[Document, Any] | None:
        """The page item's document and its ``dateDownloaded``; ``None`` for other items."""
        if isinstance(item, Document):
            return item, None
        if not ItemAdapter.is_item(item):
            return None
        fields = ItemAdapter(item)
        if isinstance(fields.get("document"), Document):
            return fields["document"], fields.get("dateDownloaded")
        url, html = fields.get("url"), fields.get("html")
        if isinstance(url, str) and isinstance(html, str | bytes):
            site = profile_for_url(url)
            encoding = fields.get("encoding") if isinstance(fields.get("encoding"), str) else None
            doc = extract_html(html, url=url, site=site, main_content=self.main_content, encoding=encoding)
            return doc, fields.get("dateDownloaded")
        return None

    async def process_item(self, item: Any) -> Any:
        page = self._document(item)
        if page is None:
            return item
        doc, downloaded = page
        if self.memory is not None:
            self.memory.observe(doc)
        fields: Any = {} if isinstance(item, Document) else ItemAdapter(item)
        fetch = fields.get("fetch") if isinstance(fields.get("fetch"), dict) else {}
        # Relative dates ("vor 3 Stunden") count back from the server's Date, else the fetch time.
        fetched_at = fetch.get("date") or (downloaded if isinstance(downloaded, str) and downloaded else None)
        article = build_record(
            doc,
            self.chain,
            markdown=self.markdown,
            default_timezone=self.default_timezone,
            tracking=self.tracking,
            fetched_at=fetched_at,
        )
        if isinstance(downloaded, str) and downloaded:
            article.dateDownloaded = downloaded
        article.source = doc.url
        if fields.get("textSource"):
            article.textSource = str(fields["textSource"])
        feed_doc = fields.get("feed_document")
        if isinstance(feed_doc, Document) and article.articleBody:
            feed_text = build_record(feed_doc, self.chain).articleBody
            if feed_text:
                article.feedAgreement = agreement(feed_text, article.articleBody)
        if not article.articleBody:
            assert self.stats is not None
            self.stats.inc_value("newsclean/clean/empty_body")
            raise DropItem(f"no article text found on {doc.url}")
        assert self.stats is not None
        self.stats.inc_value("newsclean/clean/articles")
        self.stats.inc_value("newsclean/clean/decisions", len(article.cleaning))
        # build_record normalised it: with the same zone and tracking the normalise stage need not.
        zone = (doc.site.timezone if doc.site else None) or self.default_timezone
        return NormalizedRecord(article.to_dict(), timezone=str(zone) if zone else None, tracking=self.tracking)
