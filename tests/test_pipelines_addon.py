"""The add-on merges newsclean's stages into a project's own ITEM_PIPELINES."""

from __future__ import annotations

from newsclean.spiders.addon import COMPONENTS, NewscleanAddon
from scrapy.settings import Settings


def test_a_projects_own_pipelines_keep_newsclean_stages_beside_them() -> None:
    settings = Settings()
    settings.set("ITEM_PIPELINES", {"scrapy.pipelines.files.FilesPipeline": 800}, priority="project")
    NewscleanAddon().update_settings(settings)
    pipelines = settings.getdict("ITEM_PIPELINES")
    assert pipelines["scrapy.pipelines.files.FilesPipeline"] == 800
    for path, order in COMPONENTS["ITEM_PIPELINES"].items():
        assert pipelines[path] == order


def test_a_stage_the_project_names_keeps_the_projects_order_or_none() -> None:
    settings = Settings()
    dedupe = "newsclean.pipelines.dedupe.DedupePipeline"
    store = "newsclean.pipelines.store.StorePipeline"
    settings.set("ITEM_PIPELINES", {dedupe: None, store: 900}, priority="project")
    NewscleanAddon().update_settings(settings)
    pipelines = settings.getdict("ITEM_PIPELINES")
    assert pipelines[dedupe] is None
    assert pipelines[store] == 900
    assert pipelines["newsclean.pipelines.clean.CleanPipeline"] == 100
