"""``newsclean demo``: the main job, offline, on data shipped with the package.

Replays the bundled recording of an rt.com crawl (``rt.yaml``, recorded from the project's
hand-written pages by ``fixtures/record_cassettes.py``) through the spider and every pipeline
stage, then cleans a plain-text dump of one of those pages with ``--explain``.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

__all__ = ["CASSETTE", "DUMP", "DUMP_URL", "run_demo"]

HERE = Path(__file__).resolve().parent
CASSETTE = HERE / "rt.yaml"
"""The rt.com crawl, recorded (a vcrpy cassette)."""
DUMP = HERE / "592418-kremlin-denies-talks-freezing.txt"
"""The text a naive scraper saves from the rt.com page (``benchmarks/textdump.py``)."""
DUMP_URL = "https://www.rt.com/russia/592418-kremlin-denies-talks-freezing/"


def run_demo(output: Path) -> int:
    """Run both steps, printing what each does; the exit status of the first that fails."""
    from newsclean.spiders.cli import main

    crawl = ["crawl", "rt", "--cassette", str(CASSETTE), "--output", str(output)]
    print(f"== 1/2  newsclean {' '.join(crawl)}", flush=True)
    print("   replays a recorded rt.com crawl (no network) through the spider and the pipelines", flush=True)
    status = main(crawl)
    if status != 0:
        return status
    runs = (output / "runs.jsonl").read_text(encoding="utf-8").splitlines()
    report = json.loads(runs[-1])
    if report.get("output"):
        for line in Path(report["output"]).read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            print(f"   {record.get('datePublished', '-'):25} {record.get('headline')}")
    else:
        print(f"   nothing new since the last run: the records are in {output}/rt/")
    print(flush=True)
    clean = ["clean", "--url", DUMP_URL, "--format", "text", "--explain", str(DUMP)]
    print(f"== 2/2  newsclean {' '.join(clean)}", flush=True)
    print("   cleans a page's text dump: the record, then every removal with its reason", flush=True)
    sys.stdout.flush()
    return main(clean)
