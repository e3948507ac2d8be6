"""newsclean's item pipelines: clean, normalise, validate, de-duplicate and store article records."""

__all__ = ["STAGES"]

STAGES: dict[str, int] = {
    "newsclean.pipelines.clean.CleanPipeline": 100,
    "newsclean.pipelines.normalize.NormalizePipeline": 200,
    "newsclean.pipelines.validate.ValidatePipeline": 300,
    "newsclean.pipelines.dedupe.DedupePipeline": 400,
    "newsclean.pipelines.store.StorePipeline": 500,
}
"""The stages in the order data flows through them (``ITEM_PIPELINES`` orders): clean ->
normalise -> validate -> de-duplicate -> store. Each turns itself off by its own setting."""
