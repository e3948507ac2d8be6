"""A fitted scikit-learn histogram gradient-boosting classifier as plain arrays, the form the
shipped models (``cleaners/page_chrome_model.json``, ``cleaners/selector_model.json``) store and
``newsclean`` reads back with numpy alone."""

from __future__ import annotations

from typing import Any


def tree_arrays(model: Any) -> list[dict[str, Any]]:
    """One dict per tree of a fitted binary ``HistGradientBoostingClassifier``: each node's
    feature, threshold, children, value and whether it is a leaf, and the tree's depth."""
    trees = []
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        trees.append(
            {
                "feature": [int(v) for v in nodes["feature_idx"]],
                "threshold": [float(v) for v in nodes["num_threshold"]],
                "left": [int(v) for v in nodes["left"]],
                "right": [int(v) for v in nodes["right"]],
                "value": [round(float(v), 6) for v in nodes["value"]],
                "leaf": [bool(v) for v in nodes["is_leaf"]],
                "depth": int(nodes["depth"].max()),
            }
        )
    return trees


def baseline(model: Any) -> float:
    """The ensemble's starting log-odds."""
    import numpy as np

    return float(np.ravel(model._baseline_prediction)[0])
