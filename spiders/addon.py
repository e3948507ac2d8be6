"""The newsclean add-on: everything newsclean adds to a Scrapy project, merged into its settings.

Enable it in any project (``ADDONS = {"newsclean.spiders.addon.NewscleanAddon": 0}``). It

- applies the ``NEWSCLEAN_*`` defaults table below whatever the project, a spider or the
  command line set;
- adds its components to the project's component dicts (``ITEM_PIPELINES``,
  ``SPIDER_MIDDLEWARES``, ``DOWNLOADER_MIDDLEWARES``, ``EXTENSIONS``) next to the project's
  own, never replacing them, and leaves out any the project already lists (at its own order,
  or ``None`` to turn it off);
- replays and records HTTP from ``NEWSCLEAN_CASSETTE`` when it is set (the cassette
  handler of :mod:`newsclean.spiders.cassette`);
- lets any spider's items through the pipelines: a ``Document``, ``{"document": Document}``,
  ``{"url": ..., "html": str or bytes}`` or a response the spider yields.

Each component turns itself off by its setting: the store, incremental crawling
(``NEWSCLEAN_STORE`` and ``NEWSCLEAN_INCREMENTAL``), the run's records file
(``NEWSCLEAN_RUN_OUTPUT``), the progress line (``NEWSCLEAN_PROGRESS``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

from newsclean.pipelines import STAGES
from newsclean.spiders.cassette import CassetteAddon
from newsclean.spiders.defaults import ALL_DEFAULTS
from scrapy.http import Response
from scrapy.settings import BaseSettings
from w3lib.encoding import http_content_type_encoding

__all__ = ["COMPONENTS", "NewscleanAddon", "ResponseItems"]

STORE_STAGE = "newsclean.pipelines.store.StorePipeline"

COMPONENTS: dict[str, dict[str, int]] = {
    "ITEM_PIPELINES": {
        **STAGES,
        # Just before the store: a record is in the run's file before the store commits it.
        "newsclean.spiders.runoutput.RunOutputPipeline": STAGES[STORE_STAGE] - 1,
    },
    "SPIDER_MIDDLEWARES": {
        "newsclean.spiders.addon.ResponseItems": 990,
        "newsclean.spiders.incremental.IncrementalSpiderMiddleware": 950,
    },
    "DOWNLOADER_MIDDLEWARES": {
        "newsclean.spiders.incremental.IncrementalDownloaderMiddleware": 650,
        # Below RetryMiddleware (550): sees each request's final outcome once.
        "newsclean.spiders.runstats.RunOutcomes": 540,
    },
    "EXTENSIONS": {
        "newsclean.spiders.progress.CrawlProgress": 910,
        "newsclean.spiders.runreport.RunReport": 920,
    },
}
"""Component -> order, per Scrapy component setting."""


class NewscleanAddon:
    """Merges newsclean's components and defaults into a project's settings (see the module)."""

    def update_settings(self, settings: BaseSettings) -> None:
        for name, default in ALL_DEFAULTS.items():
            # Below the project's, a spider's and the command line's own values.
            settings.set(name, default, priority="addon")
        for setting, components in COMPONENTS.items():
            # Scrapy's setdefault_in_component_priority_dict treats a component the project
            # turned off (None) as absent; a project's None must stand.
            listed = {_path(key) for key in settings.getdict(setting)}
            for component, order in components.items():
                if component not in listed:
                    # (typed for classes; Scrapy takes import paths as well)
                    settings.setdefault_in_component_priority_dict(setting, component, order)  # type: ignore[arg-type]
        # Recorded HTTP: answers every request from NEWSCLEAN_CASSETTE when the project sets one.
        CassetteAddon().update_settings(settings)


def _path(component: Any) -> str:
    return component if isinstance(component, str) else f"{component.__module__}.{component.__qualname__}"


class ResponseItems:
    """Spider middleware: a response a spider yields becomes a page item
    (``{"url", "html", "encoding"}``) for the clean stage, so a callback can simply
    ``yield response``."""

    async def process_spider_output(self, response: Response, result: AsyncIterator[Any]) -> AsyncIterator[Any]:
        async for output in result:
            if isinstance(output, Response):
                content_type = (output.headers.get("Content-Type") or b"").decode("latin-1")
                yield {"url": output.url, "html": output.body, "encoding": http_content_type_encoding(content_type)}
            else:
                yield output
