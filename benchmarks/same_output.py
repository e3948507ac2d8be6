"""Whether a change leaves every record unchanged: the whole record of every shared page, before and after.

Run from the project root, once on the old code and once on the new::

    python -m benchmarks.same_output --save before.json          # on the old code
    python -m benchmarks.same_output --against before.json       # on the new code
    python -m benchmarks.same_output --against before.json --limit 100   # a quick look

Every page of ``../shared/data`` (wcxb-dev, all page types; dragnet; fundus; rt; pages) goes
through ``clean_html`` as the quality benchmark calls it (no site profile) and, for the pages of
sites that have one, as a crawl does (the URL's site profile), with a fixed fetch time so relative
dates do not move. With ``--hash-names`` each page's class and id names are first replaced by
their hashes, as the quality benchmark's ``--hash-names`` does (the stand-in for unseen sites),
so the code paths that run when names say nothing are checked too. The saved file holds each
record's digest; ``--against`` prints the pages whose record differs (with the first field that
differs when the old records were saved in full with ``--full``) and exits 1 when any does.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from newsclean.cleaners import clean_html
from newsclean.cleaners.site import profile_for_url

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "data"
FETCHED_AT = "2026-01-15T12:00:00Z"


def shared_pages(data: Path, limit: int | None) -> Iterator[tuple[str, str, bytes]]:
    """Every page of the shared collections as (name, URL, bytes), collections in turn."""
    counts: dict[str, int] = {}

    def take(collection: str) -> bool:
        counts[collection] = counts.get(collection, 0) + 1
        return limit is None or counts[collection] <= limit

    wcxb = data / "wcxb-dev"
    for gt_path in sorted((wcxb / "ground-truth").glob("*.json")):
        html_path = wcxb / "html" / f"{gt_path.stem}.html.gz"
        if html_path.exists() and take("wcxb-dev"):
            url = json.loads(gt_path.read_text(encoding="utf-8")).get("url") or ""
            yield f"wcxb-dev/{gt_path.stem}", url, gzip.decompress(html_path.read_bytes())
    dragnet = data / "dragnet"
    truth_path = dragnet / "ground-truth.json"
    truth = json.loads(truth_path.read_text(encoding="utf-8")) if truth_path.exists() else {}
    for name in sorted(truth):
        html_path = dragnet / "html" / f"{name}.html.gz"
        if html_path.exists() and take("dragnet"):
            yield f"dragnet/{name}", truth[name].get("url") or "", gzip.decompress(html_path.read_bytes())
    for country in sorted(p for p in (data / "fundus").glob("*") if p.is_dir()):
        meta_path = country / "meta.info"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        for path in sorted(country.glob("*.html.gz")):
            if take("fundus"):
                url = meta.get(path.name, {}).get("url", "")
                yield f"fundus/{country.name}/{path.name}", url, gzip.decompress(path.read_bytes())
    for path in sorted((data / "rt").glob("*.html.gz")):
        expected = path.with_name(path.name.replace(".html.gz", ".expected.json"))
        if take("rt"):
            url = json.loads(expected.read_text(encoding="utf-8")).get("url", "") if expected.exists() else ""
            yield f"rt/{path.name}", url, gzip.decompress(path.read_bytes())
    for path in sorted((data / "pages").glob("*/source.html")):
        if take("pages"):
            yield f"pages/{path.parent.name}", "", path.read_bytes()


def records(html: bytes, url: str) -> dict[str, Any]:
    """The page's records: without a site profile and, when its URL's site has one, with it."""
    out: dict[str, Any] = {}
    modes = [("generic", False)]
    if profile_for_url(url or None) is not None:
        modes.append(("site", True))
    for mode, find_site in modes:
        try:
            out[mode] = clean_html(html, url=url or None, find_site=find_site, fetched_at=FETCHED_AT).to_dict()
        except Exception as exc:  # an error is an output too: it must not change
            out[mode] = {"error": f"{type(exc).__name__}: {exc}"}
    return out


def digest(value: Any) -> str:
    return hashlib.sha256(json.dumps(value, sort_keys=True, ensure_ascii=False).encode()).hexdigest()


def _first_difference(old: Any, new: Any, where: str = "") -> str:
    if isinstance(old, dict) and isinstance(new, dict):
        for key in sorted(set(old) | set(new)):
            if old.get(key) != new.get(key):
                return _first_difference(old.get(key), new.get(key), f"{where}.{key}" if where else key)
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            if a != b:
                return _first_difference(a, b, f"{where}[{i}]")
    return f"{where}: {str(old)[:200]!r} -> {str(new)[:200]!r}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.same_output", description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder (default: ../shared/data)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages of each collection")
    parser.add_argument("--save", type=Path, default=None, help="write the records' digests to this JSON file")
    parser.add_argument("--full", action="store_true", help="with --save: keep the whole records (to show changes)")
    parser.add_argument("--against", type=Path, default=None, help="compare with a --save file; exit 1 on change")
    parser.add_argument(
        "--hash-names", action="store_true", help="replace class and id names by their hashes first (as quality's)"
    )
    args = parser.parse_args(argv)
    if args.hash_names:
        from benchmarks.quality import hashed_names  # the bench extra's imports, only when asked
    before = json.loads(args.against.read_text(encoding="utf-8")) if args.against else None
    saved: dict[str, Any] = {}
    counts: dict[str, int] = {}
    changed: list[str] = []
    for name, url, html in shared_pages(args.data, args.limit):
        out = records(hashed_names(html) if args.hash_names else html, url)
        entry: Any = out if args.full else digest(out)
        saved[name] = entry
        collection = name.split("/")[0]
        counts[collection] = counts.get(collection, 0) + 1
        if before is not None and name in before:
            old = before[name]
            if (digest(old) if isinstance(old, dict) else old) != digest(out):
                changed.append(name)
                why = _first_difference(old, out) if isinstance(old, dict) else "digest differs"
                print(f"CHANGED {name}: {why}", file=sys.stderr, flush=True)
    if args.save is not None:
        args.save.write_text(json.dumps(saved, ensure_ascii=False), encoding="utf-8")
    total = sum(counts.values())
    per = ", ".join(f"{c} {n}" for c, n in counts.items())
    if before is None:
        print(f"{total} pages ({per}), one record each (two with a site profile)")
        return 0
    missing = [n for n in saved if n not in before]
    print(
        f"{total} pages ({per}), one record each (two with a site profile): {len(changed)} changed, "
        f"{len(missing)} not in {args.against}"
    )
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
