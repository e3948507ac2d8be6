"""``newsclean schema``: print the article record's JSON Schema."""

from __future__ import annotations

import argparse
import json

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("schema", help="print the article record's JSON Schema")
    p.set_defaults(func=_run_schema)


def _run_schema(args: argparse.Namespace) -> int:
    from newsclean.cleaners import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0
