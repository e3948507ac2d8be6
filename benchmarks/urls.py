"""URL identity: newsclean's canonicalisation against w3lib's canonicalize_url and url-normalize.

For every article URL of ../shared/data (wcxb-dev, fundus, dragnet) the benchmark makes the
variants one article's URL takes in the wild (host in capitals, default port, fragment,
tracking parameters, ``/./`` and ``/../`` segments, lower-case percent escapes, a trailing
``?``) and asks each method for a key. It reports, side by side:

- **variants joined**: share of variants given the original's key (higher is better);
- **pages kept apart**: share of distinct original URLs that keep distinct keys;
- **query order kept**: share of URLs with two or more parameters whose key keeps the page's
  own (non-tracking) parameters in their order;
- **us/URL**: microseconds per call.

    python -m benchmarks.urls [--limit N]
"""

from __future__ import annotations

import argparse
import glob
import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"

TRACKING = ("utm_source=rss&utm_medium=rss", "fbclid=IwAR0abc", "gclid=x1", "at_medium=RSS&xtor=RSS-1")


def article_urls(limit: int | None) -> list[str]:
    urls: list[str] = []
    for path in sorted(glob.glob(str(DATA / "wcxb-dev" / "ground-truth" / "*.json"))):
        urls.append(json.loads(Path(path).read_text()).get("url", ""))
    for path in sorted(glob.glob(str(DATA / "fundus" / "*" / "meta.info"))):
        urls += [entry["url"] for entry in json.loads(Path(path).read_text()).values()]
    dragnet = DATA / "dragnet" / "ground-truth.json"
    if dragnet.exists():
        urls += [entry["url"] for entry in json.loads(dragnet.read_text()).values()]
    urls = list(dict.fromkeys(u for u in urls if u and u.startswith("http")))
    return urls[:limit] if limit else urls


def variants(url: str, rng: random.Random) -> list[str]:
    """The forms one article's URL takes in links, feeds and sitemaps."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    port = {"http": 80, "https": 443}[parts.scheme]
    out = [
        urlunsplit((parts.scheme.upper(), host.upper(), parts.path, parts.query, "")),
        urlunsplit((parts.scheme, f"{host}:{port}", parts.path, parts.query, "")),
        urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, "comments")),
        urlunsplit((parts.scheme, parts.netloc, parts.path, _and(parts.query, rng.choice(TRACKING)), "")),
        urlunsplit((parts.scheme, parts.netloc, "/./x/.." + (parts.path or "/"), parts.query, "")),
    ]
    if "%" in parts.path:
        out.append(urlunsplit((parts.scheme, parts.netloc, _lower_escapes(parts.path), parts.query, "")))
    if not parts.query:
        out.append(url + "?")
    return out


def _and(query: str, more: str) -> str:
    return f"{query}&{more}" if query else more


def _lower_escapes(path: str) -> str:
    pieces = path.split("%")
    return pieces[0] + "".join("%" + p[:2].lower() + p[2:] for p in pieces[1:])


def _names(url: str) -> list[str]:
    """The page's own query parameter names, in order (tracking ones left out)."""
    from newsclean.cleaners.urls import is_tracking

    names = [p.split("=", 1)[0] for p in urlsplit(url).query.split("&") if p]
    return [n for n in names if not is_tracking(n)]


def methods() -> dict[str, Callable[[str], str]]:
    from newsclean.cleaners.urls import canonical_url
    from url_normalize import url_normalize
    from w3lib.url import canonicalize_url

    return {
        "newsclean canonical_url": canonical_url,
        "w3lib canonicalize_url": canonicalize_url,
        "url-normalize": url_normalize,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N URLs")
    args = parser.parse_args()
    urls = article_urls(args.limit)
    rng = random.Random(7)
    cases = [(url, variants(url, rng)) for url in urls]
    multi = [u for u in urls if urlsplit(u).query.count("&") >= 1]
    print(f"{len(urls)} article URLs, {sum(len(v) for _, v in cases)} variants, {len(multi)} with 2+ parameters\n")
    print("| method | variants joined | pages kept apart | query order kept | us/URL |")
    print("| --- | --- | --- | --- | --- |")
    for name, key in methods().items():
        joined = total = 0
        start = time.perf_counter()
        keys = [key(url) for url in urls]
        elapsed = time.perf_counter() - start
        for (_url, forms), base in zip(cases, keys, strict=True):
            for form in forms:
                total += 1
                joined += key(form) == base
        apart = len(set(keys)) / len(urls)
        kept = sum(_names(key(u)) == _names(u) for u in multi) / max(len(multi), 1)
        print(f"| {name} | {joined / total:.3f} | {apart:.3f} | {kept:.3f} | {elapsed / len(urls) * 1e6:.1f} |")


if __name__ == "__main__":
    main()
