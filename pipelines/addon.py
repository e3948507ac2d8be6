"""The add-on that turns newsclean's pipeline chain on, in data-flow order."""

from __future__ import annotations

from scrapy.settings import BaseSettings

__all__ = ["PIPELINES", "NewscleanAddon"]

PIPELINES: dict[str, int] = {
    "newsclean.pipelines.clean.CleanPipeline": 100,
    "newsclean.pipelines.normalize.NormalizePipeline": 200,
    "newsclean.pipelines.validate.ValidatePipeline": 300,
    "newsclean.pipelines.dedupe.DedupePipeline": 400,
    "newsclean.pipelines.store.StorePipeline": 500,
}
"""Pipeline stages in the order data flows through them: clean -> normalise -> validate ->
de-duplicate -> store."""


class NewscleanAddon:
    """Enables every newsclean item pipeline (each may still turn itself off by its setting)."""

    def update_settings(self, settings: BaseSettings) -> None:
        # Merged into the project's own ITEM_PIPELINES (which outranks an add-on's priority):
        # a stage the project already names keeps the project's order, or its None.
        named = set(settings.getdict("ITEM_PIPELINES"))  # Scrapy's merge would re-enable a None
        for path, order in PIPELINES.items():
            if path not in named:
                settings.setdefault_in_component_priority_dict("ITEM_PIPELINES", path, order)
