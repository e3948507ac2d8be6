"""The comparison crawlers of :mod:`benchmarks.crawl`: a plain Scrapy ``SitemapSpider``.

    python -m benchmarks.crawl_baseline scrapy|scrapy+trafilatura|scrapy+trafilatura+meta SITEMAP_URL OUT

Writes the items to ``OUT/items.jsonl`` (Scrapy's feed export), one per article page:
``scrapy`` yields the URL and the page's size, ``scrapy+trafilatura`` the URL and the text
``trafilatura.extract`` finds (without comments, as the quality benchmark calls it), and
``scrapy+trafilatura+meta`` trafilatura's JSON output with metadata (title, author, date).
Same politeness-off settings as the newsclean crawl it is compared with.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response
from scrapy.spiders import SitemapSpider

MODES = ("scrapy", "scrapy+trafilatura", "scrapy+trafilatura+meta")


class PlainSpider(SitemapSpider):
    name = "plain"

    def __init__(self, sitemap: str, mode: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sitemap_urls = [sitemap]
        self.mode = mode

    def parse(self, response: Response) -> Iterator[dict[str, Any]]:
        if self.mode == "scrapy":
            yield {"url": response.url, "bytes": len(response.body)}
            return
        import trafilatura

        is_text = isinstance(response, scrapy.http.TextResponse)
        html = response.text if is_text else response.body.decode(errors="replace")
        if self.mode == "scrapy+trafilatura":
            yield {"url": response.url,
                   "text": trafilatura.extract(html, url=response.url, include_comments=False) or ""}
        else:
            found = trafilatura.extract(html, url=response.url, include_comments=False, with_metadata=True,
                                        output_format="json")
            yield {"url": response.url, **(json.loads(found) if found else {})}


def main(argv: list[str]) -> int:
    if len(argv) != 3 or argv[0] not in MODES:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    mode, sitemap, out = argv
    Path(out).mkdir(parents=True, exist_ok=True)
    process = CrawlerProcess({
        "DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False, "ROBOTSTXT_OBEY": False,
        "CONCURRENT_REQUESTS": 16, "CONCURRENT_REQUESTS_PER_DOMAIN": 16, "LOG_LEVEL": "WARNING",
        "TELNETCONSOLE_ENABLED": False, "REMOTE_CONTROL_ENABLED": False,
        "FEEDS": {str(Path(out) / "items.jsonl"): {"format": "jsonlines", "encoding": "utf8"}},
    })
    process.crawl(PlainSpider, sitemap=sitemap, mode=mode)
    process.start()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
