"""Fundus's own parsers on stored fundus pages, offline: run by the Python of an environment that
has fundus (it cannot share newsclean's: see ``FUNDUS_SETUP`` in :mod:`benchmarks.quality`).

Reads one JSON object per line on stdin, ``{"name": "de/NTV_2025_12_12.html.gz", "path": ...,
"day": "2025-12-12"}``, and writes one per line on stdout: the page's ``headline``, ``date``
(ISO 8601), ``authors``, ``image`` (the cover image's largest version), ``images``
(``[{caption, credit}]``) and the ``seconds`` the parse took, or ``error``. Imports nothing
from newsclean and fetches nothing.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
import warnings
from datetime import date
from pathlib import Path
from typing import Any


def parse(publishers: Any, name: str, path: str, day: str) -> dict[str, Any]:
    country, file_name = name.split("/", 1)
    publisher = getattr(getattr(publishers, country), file_name.split("_", 1)[0])
    html = gzip.decompress(Path(path).read_bytes()).decode("utf-8", "replace")
    start = time.perf_counter()
    parsed = publisher.parser(date.fromisoformat(day)).parse(html, error_handling="suppress")
    images = parsed.get("images") or []
    cover = next((i for i in images if i.is_cover), None)
    published = parsed.get("publishing_date")
    seconds = time.perf_counter() - start
    return {
        "headline": parsed.get("title"),
        "date": published.isoformat() if published else None,
        "authors": list(parsed.get("authors") or []),
        "image": cover.versions[-1].url if cover and cover.versions else None,
        "images": [{"caption": i.caption, "credit": ", ".join(i.authors)} for i in images],
        "seconds": seconds,
    }


def main() -> int:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import importlib.metadata

        from fundus import PublisherCollection

    print(json.dumps({"version": importlib.metadata.version("fundus")}), flush=True)
    for line in sys.stdin:
        job = json.loads(line)
        try:
            out = parse(PublisherCollection, job["name"], job["path"], job["day"])
        except Exception as exc:  # one page's failure is that page's result
            out = {"error": f"{type(exc).__name__}: {exc}"[:300]}
        print(json.dumps({"name": job["name"], **out}, default=str), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
