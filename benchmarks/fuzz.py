"""Fuzz the cleaners, the date parser, the URL canonicaliser and the feed/sitemap parsers.

Inputs are mutations of the real pages in ``../shared/data`` (byte flips, splices, truncation,
repeated slices, tag soup, re-encodings, hostile snippets: control characters, deep nesting,
impossible dates, malformed IPv6 URLs, nested JSON-LD, bogus charsets, long whitespace runs).
Input number ``i`` is generated from ``(--seed, i)`` alone, so any finding is reproduced with
``--only i``. Worker processes run the inputs under a supervisor that kills a worker whose input
runs past ``--timeout`` (a hang) and restarts it. At the end it prints the inputs tried, the
exceptions by type and place (documented ones apart), the hangs and slow inputs, and the
workers' peak memory::

    nice python -m benchmarks.fuzz --inputs 100000 --workers 1 --save out/fuzz
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import multiprocessing
import os
import random
import re
import resource
import signal
import sys
import time
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"

TARGETS = (
    ("clean_html", 40),
    ("clean_text", 20),
    ("clean", 10),
    ("date", 10),
    ("url", 8),
    ("feed", 6),
    ("sitemap", 6),
)
"""Targets and their weights: most inputs are whole pages through the library's entry points."""

SNIPPETS = (
    "\x00", "\x01\x02\x0b\x0c\x1f", "\ufffe\uffff", "\ud800", "\u202e", "\u2028\u2029\x85", "\ufeff",
    "<nav>Home</nav>\x01 tail", "<div>" * 300, "<b>" * 2000, "</div>" * 300, "<table><tr><td>" * 100,
    '<link rel="canonical" href="http://[::1/x">', '<meta property="og:url" content="https://[zz]/a">',
    '<meta property="og:image" content="http://[::1">', '<meta charset="zlib">', '<meta charset="base64">',
    '<meta charset="utf-16">', '<meta charset="x-user-defined">', '<?xml version="1.0" encoding="rot13"?>',
    '<meta property="article:published_time" content="2024-01-01T10:00:00+24:00">',
    '<meta property="article:published_time" content="-0044-03-15">',
    '<time datetime="2024-02-30T25:61:00+99:99">30 Feb 2024 UTC+30</time>',
    '<script type="application/ld+json">' + "[" * 3000 + "]" * 3000 + "</script>",
    '<script type="application/ld+json">{"@graph":' + '{"@graph":' * 500 + "1" + "}" * 501 + "</script>",
    '<script type="application/ld+json">{"author":{"name":"' + "a and " * 500 + '"}}</script>',
    " " * 20000, "\t\n" * 5000, "&nbsp;" * 3000, "&#0;&#xD800;&#x110000;&#99999999999;",
    "<p>" + "Share on Facebook Twitter X " * 40 + "!</p>", "<p>" + "x " * 200 + "!</p>",
    "<h2>Teaser</h2>" * 500, "<li><a href='/a'>link</a></li>" * 500, "<!--", "<![CDATA[", "]]>", "-->",
    "<svg><title>icon</title>" * 50, "<p>" + "word " * 20000 + "</p>", "<p>Read more: " + "»" * 500,
    "<img src=x onerror=alert(1)>", "<title>" + " | " * 2000 + "</title>", "<html><html><body><body>",
    "</html><html><body><article><p>After the end.</p>",
)  # fmt: skip

DATES = (
    "14 Feb, 2024 10:08", "2024-02-14T10:08:00+01:00", "Published: February 14, 2024 at 10:08 am EST",
    "14.02.2024", "Wed, 14 Feb 2024 10:08:00 GMT", "2024-02-14", "10:08 UTC+3", "-0044-03-15",
    "2024-01-01T10:00:00+24:00", "1 March 2024 10:00 UTC+30", "99999-01-01", "0000-00-00", "",
)  # fmt: skip

URLS = (
    "HTTPS://WWW.Example.com:443/a?utm_source=x&id=2&fbclid=y#top", "http://[::1]:8080/path?q=1",
    "http://[::1", "https://[zz]/a", "//cdn.example.com/x.png", "/relative/path", "mailto:a@b.c",
    "http://user:pass@host:99999/", "https://example.com/%zz%%", "https://exa mple.com/a b",
    "javascript:alert(1)", "http://xn--nxasmq6b.com/", "https://example.com/a?a=1&b=2&&c",
)  # fmt: skip

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>News</title>
{items}
</channel></rss>"""
FEED_ITEM = """<item><title>Story {n}</title><link>https://example.com/news/{n}-story?utm_source=rss</link>
<guid>https://example.com/news/{n}-story</guid><pubDate>Wed, 14 Feb 2024 10:0{d}:00 GMT</pubDate></item>"""
SITEMAP = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
 xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{urls}
</urlset>"""
SITEMAP_URL = """<url><loc>https://example.com/news/{n}-story?a=1&amp;b=2</loc><lastmod>2024-02-14</lastmod>
<news:news><news:publication_date>2024-02-14T10:08:00Z</news:publication_date><news:title>T {n}</news:title>
</news:news></url>"""
XML_SNIPPETS = (
    '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>',
    '<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&c;", "&xxe;", "?a=1&b=2", "<loc>",
    "</loc>", "<url>" * 300, "\x00", "\ufeff", "<sitemapindex>", "<sitemap><loc>https://example.com/s.xml</loc>",
)  # fmt: skip


def _seed_pages(limit: int) -> list[bytes]:
    """Up to ``limit`` pages from every collection in ``../shared/data`` (an even spread)."""
    files: list[Path] = []
    for pattern in ("wcxb-dev/html/*.html.gz", "dragnet/html/*", "fundus/*/*.html.gz", "rt/*.html.gz",
                    "pages/*/source.html"):  # fmt: skip
        files.extend(sorted(DATA.glob(pattern)))
    if not files:
        return [b"<html><head><title>T</title></head><body><article><h1>T</h1>"
                b"<p>The council approved the budget on Monday after a long debate.</p></article></body></html>"]
    step = max(1, len(files) // limit)
    pages = []
    for path in files[::step][:limit]:
        data = path.read_bytes()
        pages.append(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)
    return pages


def _mutate(data: bytes, rng: random.Random, pages: list[bytes]) -> bytes:
    for _ in range(rng.randint(1, 4)):
        n = len(data)
        kind = rng.randrange(12)
        at = rng.randrange(n + 1)
        if kind == 0:  # flip bytes
            buf = bytearray(data)
            for _ in range(rng.randint(1, 20)):
                if buf:
                    buf[rng.randrange(len(buf))] = rng.randrange(256)
            data = bytes(buf)
        elif kind == 1:  # random bytes
            data = data[:at] + rng.randbytes(rng.randint(1, 64)) + data[at:]
        elif kind == 2:  # delete a slice
            data = data[:at] + data[at + rng.randint(1, max(1, n // 4)) :]
        elif kind == 3:  # repeat a slice
            piece = data[at : at + rng.randint(1, 2000)]
            data = data[:at] + piece * rng.randint(2, max(2, 20_000 // max(1, len(piece)))) + data[at:]
        elif kind == 4:  # truncate
            data = data[:at]
        elif kind == 5:  # splice another page
            other = rng.choice(pages)
            start = rng.randrange(len(other) + 1)
            data = data[:at] + other[start : start + rng.randint(1, 20000)] + data[at:]
        elif kind in (6, 7):  # a hostile snippet, at a tag boundary when there is one
            tag = data.find(b"<", at)
            at = tag if tag >= 0 else at
            data = data[:at] + rng.choice(SNIPPETS).encode("utf-8", "surrogatepass") + data[at:]
        elif kind == 8:  # re-encode
            text = data.decode("utf-8", "replace")
            codec = rng.choice(("utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "shift_jis", "koi8-r"))
            data = text.encode(codec, "replace")
            if rng.random() < 0.3:
                data = data[: len(data) - 1]  # odd length
        elif kind == 9:  # a BOM or prolog in front
            data = rng.choice((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b'<?xml version="1.0" encoding="bogus"?>',
                               b"<!-- c -->", b"<!DOCTYPE html>", b"   ")) + data  # fmt: skip
        elif kind == 10:  # tag soup: drop every closing tag or every '>'
            data = re.sub(rb"</[a-zA-Z0-9]+>", b"", data) if rng.random() < 0.5 else data.replace(b">", b"", 200)
        else:  # white space turned into control characters
            data = re.sub(rb"[ \n]", lambda m: bytes([rng.choice((1, 11, 12, 31, 32, 10))]), data[:300_000])
    return data[:3_000_000]


def _text_of(page: bytes) -> bytes:
    text = re.sub(rb"(?is)<(script|style)[^>]*>.*?</\1>", b" ", page)
    text = re.sub(rb"(?s)<br\s*/?>|</(?:p|div|h\d|li|tr)>", b"\n", text)
    return re.sub(rb"(?s)<[^>]*>", b"", text)


def make_input(seed: int, index: int, pages: list[bytes]) -> tuple[str, Any]:
    """Input number ``index``: its target and its argument."""
    rng = random.Random(f"{seed}:{index}")
    target = rng.choices([t for t, _ in TARGETS], weights=[w for _, w in TARGETS])[0]
    if target in ("clean_html", "clean_text", "clean"):
        page = rng.choice(pages)
        if rng.random() < 0.97:  # a window of the page keeps inputs cheap; 3% are whole pages
            size = int(2 ** rng.uniform(5, 12))
            start = page.find(b"<", rng.randrange(max(1, len(page) - size)))
            page = page[max(0, start) : max(0, start) + size]
        if target == "clean_text" and rng.random() < 0.7:
            page = _text_of(page)
        data = _mutate(page, rng, pages)
        if target == "clean":
            return target, data.decode("utf-8", "surrogateescape" if rng.random() < 0.2 else "replace")
        return target, data
    if target == "date":
        raw = rng.choice(DATES).encode()
        return target, _mutate(raw, rng, [d.encode() for d in DATES]).decode("utf-8", "replace")[:500]
    if target == "url":
        raw = rng.choice(URLS).encode()
        return target, _mutate(raw, rng, [u.encode() for u in URLS]).decode("utf-8", "replace")[:2000]
    count = rng.randint(0, 40)
    if target == "feed":
        body = FEED.format(items="\n".join(FEED_ITEM.format(n=n, d=n % 10) for n in range(count)))
    else:
        body = SITEMAP.format(urls="\n".join(SITEMAP_URL.format(n=n) for n in range(count)))
    data = body.encode()
    for _ in range(rng.randint(0, 3)):
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.choice(XML_SNIPPETS).encode() + data[at:]
    if rng.random() < 0.6:
        data = _mutate(data, rng, [data])
    if rng.random() < 0.1:
        data = gzip.compress(data)
    return target, data


def _runners() -> dict[str, tuple[Callable[[Any], Any], tuple[type[BaseException], ...]]]:
    """Each target's call and the exceptions its documentation allows."""
    from newsclean.cleaners import InputError, clean, clean_html, clean_text
    from newsclean.cleaners.dates import normalize_date
    from newsclean.cleaners.urls import canonical_url
    from newsclean.spiders.discovery import entries_in, feed_entries, sitemap_entries

    return {
        "clean_html": (lambda d: clean_html(d, url="https://example.com/news/a-story"), (InputError,)),
        "clean_text": (lambda d: clean_text(d, url="https://example.com/news/a-story"), (InputError,)),
        "clean": (lambda d: clean(d), (InputError,)),
        "date": (lambda d: normalize_date(d, timezone="Europe/Berlin"), ()),
        "url": (lambda d: canonical_url(d, base="https://example.com/news/"), (ValueError,)),
        "feed": (lambda d: (list(feed_entries(d, "https://example.com/feed.xml")), entries_in(d, "feed")), ()),
        "sitemap": (lambda d: (sitemap_entries(d, "https://example.com/sitemap.xml"), entries_in(d, "sitemap")), ()),
    }


def _in_project(filename: str) -> bool:
    return filename.startswith(str(ROOT)) and "/.venv/" not in filename


def _place(exc: BaseException) -> str:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/newsclean/" in f.filename or _in_project(f.filename)]
    frame = (ours or frames or [None])[-1]
    if frame is None:
        return "?"
    return f"{Path(frame.filename).name}:{frame.lineno} ({frame.name})"


def _worker(conn: Connection, seed: int, page_limit: int, memory_limit: int) -> None:
    if memory_limit:
        resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    import logging

    logging.disable(logging.CRITICAL)
    pages = _seed_pages(page_limit)
    runners = _runners()
    conn.send(("ready", len(pages)))
    while True:
        index = conn.recv()
        if index is None:
            return
        target, arg = make_input(seed, index, pages)
        call, allowed = runners[target]
        started = time.perf_counter()
        outcome, kind, place = "ok", "", ""
        try:
            call(arg)
        except allowed as exc:
            outcome, kind, place = "documented", type(exc).__name__, ""
        except MemoryError as exc:
            outcome, kind, place = "memory", type(exc).__name__, _place(exc)
        except Exception as exc:
            outcome, kind, place = "undocumented", type(exc).__name__, _place(exc)
        elapsed = time.perf_counter() - started
        size = len(arg)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        conn.send((index, target, outcome, kind, place, elapsed, size, rss))


class Supervisor:
    """Runs inputs on worker processes; a worker silent past the timeout is killed (a hang)."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.ctx = multiprocessing.get_context("fork")
        self.tried: collections.Counter[str] = collections.Counter()
        self.outcomes: collections.Counter[tuple[str, str]] = collections.Counter()
        self.exceptions: collections.Counter[tuple[str, str, str, str]] = collections.Counter()
        self.examples: dict[tuple[str, str, str, str], int] = {}
        self.hangs: list[tuple[int, str]] = []
        self.slow: list[tuple[float, int, str, int]] = []
        self.peak_rss = 0
        self.peak_at = -1
        self.seconds: collections.Counter[str] = collections.Counter()
        self.workers: list[tuple[Any, Connection]] = []
        self.started = self.elapsed = 0.0

    def _start(self) -> tuple[Any, Connection]:
        parent, child = self.ctx.Pipe()
        limit = self.args.memory_limit * 1024 * 1024
        proc = self.ctx.Process(target=_worker, args=(child, self.args.seed, self.args.pages, limit), daemon=True)
        proc.start()
        child.close()
        if not parent.poll(600):
            raise SystemExit("fuzz: a worker did not start")
        parent.recv()
        return proc, parent

    def run(self, indices: list[int]) -> None:
        self.workers = workers = [self._start() for _ in range(self.args.workers)]
        busy: dict[int, tuple[int, float]] = {}
        todo = collections.deque(indices)
        done = 0
        self.started = started = time.monotonic()
        last_report = started
        while todo or busy:
            for w, (_proc, conn) in enumerate(workers):
                if w not in busy and todo:
                    index = todo.popleft()
                    conn.send(index)
                    busy[w] = (index, time.monotonic())
            for w, (index, since) in list(busy.items()):
                proc, conn = workers[w]
                if conn.poll(0.01):
                    try:
                        reply = conn.recv()
                    except EOFError:
                        reply = None
                    if reply is None:  # the worker died (killed by the OS, a crash in C code)
                        self._died(index, proc)
                        workers[w] = self._start()
                    else:
                        self._record(reply)
                    del busy[w]
                    done += 1
                elif time.monotonic() - since > self.args.timeout:
                    proc.kill()
                    proc.join()
                    target = make_input(self.args.seed, index, _cached_pages(self.args.pages))[0]
                    self.hangs.append((index, target))
                    self.tried[target] += 1
                    self._save(index, "hang")
                    workers[w] = self._start()
                    del busy[w]
                    done += 1
            now = time.monotonic()
            if now - last_report > self.args.report_every:
                last_report = now
                rate = done / (now - started)
                bad = sum(v for (o, _), v in self.outcomes.items() if o in ("undocumented", "memory", "died"))
                line = f"{done}/{len(indices)} inputs, {rate:.1f}/s, {bad} undocumented, {len(self.hangs)} hangs"
                print(f"fuzz: {line}, peak {self.peak_rss // 1024} MiB", file=sys.stderr, flush=True)
        for proc, conn in workers:
            conn.send(None)
            proc.join(5)
        self.elapsed = time.monotonic() - started

    def _died(self, index: int, proc: Any) -> None:
        proc.join()
        key = ("?", "died", f"exit {proc.exitcode}", "")
        self.exceptions[key] += 1
        self.examples.setdefault(key, index)
        self.outcomes[("died", "?")] += 1
        self._save(index, "died")

    def _record(self, reply: tuple[Any, ...]) -> None:
        index, target, outcome, kind, place, elapsed, size, rss = reply
        self.tried[target] += 1
        self.outcomes[(outcome, target)] += 1
        self.seconds[target] += elapsed
        if outcome != "ok":
            key = (target, outcome, kind, place)
            self.exceptions[key] += 1
            if key not in self.examples:
                self.examples[key] = index
                if outcome != "documented":
                    self._save(index, outcome)
        if elapsed > self.args.slow:
            self.slow.append((elapsed, index, target, size))
        if rss > self.peak_rss:
            self.peak_rss, self.peak_at = rss, index

    def _save(self, index: int, why: str) -> None:
        if not self.args.save:
            return
        folder = Path(self.args.save)
        folder.mkdir(parents=True, exist_ok=True)
        target, arg = make_input(self.args.seed, index, _cached_pages(self.args.pages))
        data = arg if isinstance(arg, bytes) else arg.encode("utf-8", "surrogateescape")
        (folder / f"{why}-{self.args.seed}-{index}-{target}.bin").write_bytes(data)

    def report(self) -> dict[str, Any]:
        total = sum(self.tried.values())
        undocumented = sum(v for (o, _), v in self.outcomes.items() if o in ("undocumented", "memory", "died"))
        documented = sum(v for (o, _), v in self.outcomes.items() if o == "documented")
        print(f"inputs tried: {total} in {self.elapsed:.0f} s ({total / max(self.elapsed, 1e-9):.1f}/s), "
              f"seed {self.args.seed}, {self.args.workers} worker(s), timeout {self.args.timeout:g} s")  # fmt: skip
        for target, count in sorted(self.tried.items(), key=lambda kv: -kv[1]):
            mean = self.seconds[target] / max(count, 1) * 1000
            print(f"  {target:11} {count:7}  mean {mean:7.1f} ms")
        print(f"documented exceptions: {documented}")
        print(f"undocumented exceptions: {undocumented}")
        print(f"hangs (over {self.args.timeout:g} s): {len(self.hangs)}")
        print(f"slow inputs (over {self.args.slow:g} s): {len(self.slow)}")
        print(f"peak memory (worker max RSS): {self.peak_rss // 1024} MiB (input {self.peak_at})")
        if self.exceptions:
            print("exceptions by type and place (count, first input):")
            for key, count in self.exceptions.most_common():
                target, outcome, kind, place = key
                print(f"  {count:6}  {outcome:12} {target:11} {kind} {place}  #{self.examples[key]}")
        for index, target in self.hangs[:20]:
            print(f"  hang: input {index} ({target})")
        for elapsed, index, target, size in sorted(self.slow, reverse=True)[:10]:
            print(f"  slow: input {index} ({target}, {size} bytes): {elapsed:.1f} s")
        return {
            "inputs": total, "seconds": round(self.elapsed), "by_target": dict(self.tried),
            "documented": documented, "undocumented": undocumented, "hangs": len(self.hangs),
            "slow": len(self.slow), "peak_rss_mib": self.peak_rss // 1024,
        }  # fmt: skip


_PAGES: dict[int, list[bytes]] = {}


def _cached_pages(limit: int) -> list[bytes]:
    if limit not in _PAGES:
        _PAGES[limit] = _seed_pages(limit)
    return _PAGES[limit]


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.fuzz", description=__doc__.split("\n")[0])
    parser.add_argument("--inputs", type=int, default=1000, help="how many inputs (default 1000)")
    parser.add_argument("--start", type=int, default=0, help="first input number (default 0)")
    parser.add_argument("--only", type=int, action="append", help="run only this input number (repeatable)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the input generator (default 1)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--pages", type=int, default=300, help="seed pages taken from ../shared/data (default 300)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds after which an input is a hang")
    parser.add_argument("--slow", type=float, default=5.0, help="seconds from which an input is listed as slow")
    parser.add_argument("--memory-limit", type=int, default=4096, help="address-space limit per worker, MiB")
    parser.add_argument("--save", metavar="DIR", help="write each hang's and new exception's input here")
    parser.add_argument("--json", metavar="FILE", help="also write the summary figures as JSON")
    parser.add_argument("--report-every", type=float, default=60.0, help="seconds between progress lines")
    args = parser.parse_args(argv)
    indices = args.only or list(range(args.start, args.start + args.inputs))
    supervisor = Supervisor(args)
    signal.signal(signal.SIGTERM, _interrupt)
    try:
        supervisor.run(indices)
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: stop the workers, report what was tried
        for proc, _ in supervisor.workers:
            proc.kill()
        supervisor.elapsed = time.monotonic() - supervisor.started
        print("fuzz: interrupted", file=sys.stderr)
    figures = supervisor.report()
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 1 if figures["undocumented"] or figures["hangs"] else 0


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
