"""Site memory size: how much of the store one site's memory takes at its page cap.

    python -m benchmarks.site_memory_size               # 2,000 pages (the default cap)
    python -m benchmarks.site_memory_size --pages 300   # a quick look

Feeds real pages (the wcxb-dev articles, then dragnet's, extracted once and cycled under page
URLs of their own) to the SQLite site memory of one site, as a crawl's clean stage does, and
prints the store's size per table (SQLite's ``dbstat``), the bytes per page, and the time per
observation.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TARGET_MB = 10.0


def documents(limit: int) -> list[object]:
    from newsclean.cleaners.decoding import decode_html
    from newsclean.cleaners.html import extract_html

    docs = []
    wcxb = DATA / "wcxb-dev"
    paths = [wcxb / "html" / f"{p.stem}.html.gz" for p in sorted((wcxb / "ground-truth").glob("*.json"))]
    paths += sorted((DATA / "dragnet" / "html").glob("*"))
    for path in paths:
        if len(docs) >= limit:
            break
        if not path.exists():
            continue
        raw = path.read_bytes()
        html = decode_html(gzip.decompress(raw) if path.suffix == ".gz" else raw)
        docs.append(extract_html(html, url="https://bench.example/"))
    if not docs:
        raise SystemExit(f"no pages under {DATA}: the benchmark needs ../shared/data")
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=2000, help="pages of the one site (default 2000, the cap)")
    args = parser.parse_args(argv)

    from newsclean.cleaners.settings import DEFAULTS
    from newsclean.pipelines.site_memory import SqliteBlockMemory

    docs = documents(args.pages)
    cap = DEFAULTS["NEWSCLEAN_SITE_MEMORY_MAX_PAGES"]
    print(f"{args.pages} pages of one site ({len(docs)} distinct real pages, cycled); cap {cap} pages")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "memory.sqlite3"
        with SqliteBlockMemory.open(path, max_pages=cap) as memory:
            began = time.perf_counter()
            for n in range(args.pages):
                doc = docs[n % len(docs)]
                memory.observe("bench.example", f"https://bench.example/news/{n:05d}", doc.blocks)  # type: ignore[attr-defined]
            elapsed = time.perf_counter() - began
            memory.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            try:
                rows = memory.connection.execute(
                    "SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC"
                ).fetchall()
            except Exception:  # an SQLite built without dbstat
                rows = []
            blocks = memory.connection.execute("SELECT count(*), sum(pages >= 2) FROM site_memory_blocks").fetchone()
        size = path.stat().st_size
    print(f"{'table or index':32} {'MB':>8}")
    for name, pgsize in rows:
        print(f"{name:32} {pgsize / 1e6:>8.2f}")
    print(f"{'whole file':32} {size / 1e6:>8.2f}   ({size / args.pages / 1e3:.1f} kB a page; {blocks[0]} blocks,"
          f" {blocks[1]} on 2 pages or more)")
    print(f"observe: {1000 * elapsed / args.pages:.2f} ms a page")
    verdict = "met" if size / 1e6 <= TARGET_MB else "NOT met"
    print(f"target: at most {TARGET_MB:.0f} MB per site at its cap: {size / 1e6:.1f} MB ({verdict})")
    print(json.dumps({"pages": args.pages, "mb": round(size / 1e6, 2)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
