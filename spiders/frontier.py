"""A shared frontier for one big site: several crawl workers share one Redis request queue.

Turned on by ``NEWSCLEAN_FRONTIER`` (a ``redis://`` URL; ``newsclean crawl --frontier URL``).
Every worker started for the same spider and site (on any host) joins the same *run* and
takes requests from one queue, so a site's articles are fetched once across all of them:

- **Run-scoped state.** The first worker to start creates a run (``newsclean:<spider>/<site>:run``
  holds its id while any worker of it is alive); the others join it. The run's request queue
  (scrapy-redis's priority queue) and its duplicate filter live under the run's id and expire
  ``NEWSCLEAN_FRONTIER_TTL`` after their last use: a worker that finishes never flushes them
  (other workers may still be busy), and the next run starts with a new id, so a persistent
  duplicate filter never makes it fetch nothing.
- **Listings are always fetched.** robots.txt, feeds and sitemaps are requested with
  ``dont_filter=True`` by every worker (each needs them to find articles); only article URLs
  go through the shared duplicate filter.
- **Ending.** A worker whose engine is idle closes when the shared queue is empty and no other
  live worker of the run is busy; workers report in every few seconds, and one that stopped
  reporting (killed) is not waited for. The last worker out ends the run.
- **Politeness across workers.** ``DOWNLOAD_DELAY`` becomes a per-domain delay shared by all
  workers of the run (a Redis key per domain that only one request in each delay may take),
  instead of a delay per worker.
- **The spider's limit** (``-a limit=N``) counts the run's articles in Redis, across workers.

scrapy-redis provides the queue and the scheduler's core; its ``RedisSpider`` (built on the
removed ``start_requests``) is not used, and its duplicate filter (which never expires and is
flushed by the first worker to finish when not persistent) is replaced here.
"""

from __future__ import annotations

import asyncio
import logging
import os
import socket
import time
import uuid
from typing import Any
from urllib.parse import urlsplit

from scrapy import Request, signals
from scrapy.crawler import Crawler
from scrapy.exceptions import DontCloseSpider, NotConfigured

__all__ = [
    "COUNTED_META",
    "LISTING_META",
    "FrontierDupeFilter",
    "FrontierPoliteness",
    "FrontierScheduler",
    "frontier_settings",
]

logger = logging.getLogger(__name__)

LISTING_META = "newsclean_listing"
"""Request meta key the spiders set on listing requests (robots.txt, feeds, sitemaps, section
fronts): fetched by every worker of a shared frontier, never filtered as duplicates."""

COUNTED_META = "newsclean_counted"
"""Request meta key on an article request this worker accounts for: one its spider counted as
discovered, or one it took from the shared queue (and the retries and redirects that continue
it). Such a request that goes into the shared queue ends there for this worker (``handed to the
frontier``); whoever takes it out accounts for it from then on."""

HEARTBEAT = 2.0
"""Seconds between a worker's reports to the run."""
STALE = 10.0
"""A worker that has not reported for this long is taken as dead (killed, host lost)."""
DEFAULT_TTL = 24 * 3600


POLITENESS = "newsclean.spiders.frontier.FrontierPoliteness"


def frontier_settings(url: str, settings: Any, name: str) -> dict[str, Any]:
    """The settings ``newsclean crawl`` adds for a shared frontier at ``url`` (``name``: the
    spider and site, as :func:`~newsclean.spiders.runlock.lock_name` gives them)."""
    return {
        "SCHEDULER": "newsclean.spiders.frontier.FrontierScheduler",
        "NEWSCLEAN_FRONTIER": url,
        "NEWSCLEAN_FRONTIER_NAME": name,
        # The delay is shared through Redis (FrontierPoliteness), not kept per worker.
        "NEWSCLEAN_FRONTIER_DELAY": settings.getfloat("DOWNLOAD_DELAY", 0.0),
        "DOWNLOAD_DELAY": 0,
    }


def _redis(url: str) -> Any:
    import redis

    return redis.Redis.from_url(url, socket_timeout=30, socket_connect_timeout=10, health_check_interval=30)


class _Run:
    """One run of a spider and site in Redis: its id, its workers and their heartbeats."""

    def __init__(self, server: Any, name: str, ttl: int) -> None:
        self.server = server
        self.name = name
        self.ttl = ttl
        self.worker = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"
        self.current_key = f"newsclean:{name}:run"
        fresh = f"{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}-{uuid.uuid4().hex[:8]}"
        # Join the run going on, or start one: the key lives while workers refresh it.
        server.set(self.current_key, fresh, nx=True, px=int(STALE * 1000))
        current = server.get(self.current_key)
        self.id = current.decode() if current else fresh
        self.created = self.id == fresh
        self.prefix = f"newsclean:{name}:{self.id}"
        self.workers_key = f"{self.prefix}:workers"

    def key(self, part: str) -> str:
        return f"{self.prefix}:{part}"

    def beat(self, busy: bool) -> None:
        pipe = self.server.pipeline()
        pipe.set(self.current_key, self.id, px=int(STALE * 1000))
        pipe.hset(self.workers_key, self.worker, f"{time.time():.3f} {int(busy)}")
        pipe.expire(self.workers_key, self.ttl)
        pipe.execute()

    def others_busy(self) -> bool:
        """Whether another live worker of the run is busy (dead ones are struck off)."""
        now = time.time()
        busy = False
        for worker, value in self.server.hgetall(self.workers_key).items():
            name = worker.decode()
            if name == self.worker:
                continue
            at, _, flag = value.decode().partition(" ")
            if now - float(at) > STALE:
                self.server.hdel(self.workers_key, name)
                logger.warning("frontier: worker %s of run %s stopped reporting; not waiting for it", name, self.id)
            elif flag == "1":
                busy = True
        return busy

    def leave(self) -> None:
        """This worker is done. When no other live worker is busy the run ends: the next
        worker to start begins a new run (this one's queue and filter expire)."""
        self.server.hdel(self.workers_key, self.worker)
        now = time.time()
        busy = [
            w for w, v in self.server.hgetall(self.workers_key).items()
            if now - float(v.decode().partition(" ")[0]) <= STALE and v.decode().endswith(" 1")
        ]
        if not busy and self.server.get(self.current_key) == self.id.encode():
            self.server.delete(self.current_key)


class FrontierDupeFilter:
    """The run's duplicate filter: a Redis set of request fingerprints that expires with the
    run, never cleared by a worker; requests marked as listings are never filtered."""

    def __init__(self, server: Any, key: str, ttl: int) -> None:
        from scrapy.utils.request import RequestFingerprinter

        self.server = server
        self.key = key
        self.ttl = ttl
        self.fingerprinter = RequestFingerprinter()

    def request_seen(self, request: Request) -> bool:
        if request.meta.get(LISTING_META):
            return False
        pipe = self.server.pipeline()
        pipe.sadd(self.key, self.fingerprinter.fingerprint(request).hex())
        pipe.expire(self.key, self.ttl)
        added, _ = pipe.execute()
        return int(added) == 0

    def log(self, request: Request, spider: Any) -> None:
        logger.debug("frontier: already requested in this run: %s", request.url)

    def clear(self) -> None:
        """Never: other workers of the run still use it (it expires instead)."""


class FrontierScheduler:
    """scrapy-redis's scheduler on a run-scoped queue (see the module docstring)."""

    def __init__(self, crawler: Crawler, url: str, ttl: int) -> None:
        self.crawler = crawler
        self.url = url
        self.ttl = ttl
        self.server = _redis(url)
        self.run: _Run | None = None
        self.queue: Any = None
        self.df: FrontierDupeFilter | None = None
        self._beat_task: asyncio.Task[None] | None = None
        self._popped = 0

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierScheduler:
        url = crawler.settings.get("NEWSCLEAN_FRONTIER")
        if not url:
            raise NotConfigured("NEWSCLEAN_FRONTIER is not set")
        ttl = crawler.settings.getint("NEWSCLEAN_FRONTIER_TTL", DEFAULT_TTL)
        scheduler = cls(crawler, str(url), ttl)
        crawler.signals.connect(scheduler._spider_idle, signal=signals.spider_idle)
        return scheduler

    def __len__(self) -> int:
        return len(self.queue) if self.queue is not None else 0

    def open(self, spider: Any) -> None:
        from newsclean.spiders.runlock import lock_name
        from scrapy_redis import picklecompat
        from scrapy_redis.queue import PriorityQueue

        name = self.crawler.settings.get("NEWSCLEAN_FRONTIER_NAME") or lock_name(spider.name, _site_arguments(spider))
        self.spider = spider
        self.server.ping()
        self.run = _Run(self.server, name, self.ttl)
        self.queue = PriorityQueue(self.server, spider, self.run.key("requests"), serializer=picklecompat)
        self.df = FrontierDupeFilter(self.server, self.run.key("seen"), self.ttl)
        self.run.beat(busy=True)
        spider.count_article = self._count_article
        self._beat_task = asyncio.get_running_loop().create_task(self._beat())
        logger.info(
            "frontier: %s run %s of %s as worker %s",
            "started" if self.run.created else "joined", self.run.id, name, self.run.worker,
        )
        assert self.crawler.stats is not None
        self.crawler.stats.set_value("newsclean/frontier/run", self.run.id)

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(HEARTBEAT)
            if self.run is not None:
                engine = self.crawler.engine
                idle = engine is not None and engine.spider_is_idle() and not len(self)
                try:
                    self.run.beat(busy=not idle)
                except Exception as exc:  # Redis away for a moment: the next beat retries
                    logger.warning("frontier: heartbeat failed: %s", exc)

    def _count_article(self) -> int:
        """The run's article count after this one (the spider's ``limit`` across workers)."""
        assert self.run is not None
        key = self.run.key("articles")
        pipe = self.server.pipeline()
        pipe.incr(key)
        pipe.expire(key, self.ttl)
        return int(pipe.execute()[0])

    def _spider_idle(self) -> None:
        """Keep an idle worker while the run has work: requests queued, or a live worker busy
        (its pages may list more)."""
        if self.run is None:
            return
        self.run.beat(busy=False)
        if len(self) or self.run.others_busy():
            raise DontCloseSpider

    def close(self, reason: str) -> None:
        if self._beat_task is not None:
            self._beat_task.cancel()
        if self.run is not None:
            try:
                # The run's article pages across all its workers: a worker whose share was
                # none (the others took every page) did not find an empty site.
                shared = self.server.get(self.run.key("articles"))
                assert self.crawler.stats is not None
                self.crawler.stats.set_value("newsclean/frontier/run_articles", int(shared or 0))
            except Exception as exc:
                logger.warning("frontier: could not read run %s's article count: %s", self.run.id, exc)
            try:
                self.run.leave()
            except Exception as exc:
                logger.warning("frontier: could not leave run %s cleanly: %s", self.run.id, exc)
        self.server.close()

    def has_pending_requests(self) -> bool:
        return len(self) > 0

    def enqueue_request(self, request: Request) -> bool:
        assert self.df is not None and self.crawler.stats is not None
        counted = bool(request.meta.get(COUNTED_META))
        if not request.dont_filter and self.df.request_seen(request):
            self.crawler.stats.inc_value("newsclean/frontier/filtered")
            if counted and not request.meta.get("redirect_urls"):
                # Another worker (or this one) asked for it first in this run: this discovery
                # ends here. (A redirect the filter drops is the spider's to count.)
                self.crawler.stats.inc_value("newsclean/spider/article/skipped/already_requested")
                self._settle(request)
            return False
        self.queue.push(request)
        self.crawler.stats.inc_value("newsclean/frontier/enqueued")
        if counted:
            self.crawler.stats.inc_value("newsclean/frontier/articles_handed")
            self._settle(request)
        return True

    def _settle(self, request: Request) -> None:
        settled = getattr(self.spider, "_settled", None)
        if settled is not None:
            settled(request)

    def next_request(self) -> Request | None:
        request = self.queue.pop(0) if self.queue is not None else None
        if request is not None:
            assert self.crawler.stats is not None
            self.crawler.stats.inc_value("newsclean/frontier/dequeued")
            if not request.meta.get(LISTING_META) and getattr(request.callback, "__name__", "") == "parse_article":
                # From here this worker accounts for it, whichever worker queued it.
                request.meta[COUNTED_META] = True
                self.crawler.stats.inc_value("newsclean/frontier/articles_taken")
                pending = getattr(self.spider, "pending", None)
                if pending is not None:
                    pending.add(request.url)
        return request


def _site_arguments(spider: Any) -> dict[str, str]:
    """The site a spider crawls, as the run lock names it (``start`` or ``site``)."""
    start = getattr(spider, "start_url", None)
    if start:
        return {"start": start}
    profile = getattr(spider, "profile", None)
    return {"site": profile.name} if profile is not None else {}


class FrontierPoliteness:
    """Downloader middleware: one request per ``NEWSCLEAN_FRONTIER_DELAY`` seconds to each
    domain across all workers of the run (the crawl's ``DOWNLOAD_DELAY``, shared)."""

    def __init__(self, crawler: Crawler, delay: float) -> None:
        self.crawler = crawler
        self.delay = delay

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> FrontierPoliteness:
        delay = crawler.settings.getfloat("NEWSCLEAN_FRONTIER_DELAY", 0.0)
        if not crawler.settings.get("NEWSCLEAN_FRONTIER") or delay <= 0:
            raise NotConfigured("no shared frontier, or no delay")
        return cls(crawler, delay)

    async def process_request(self, request: Request) -> None:
        scheduler = self.crawler.engine.scheduler if self.crawler.engine is not None else None
        if not isinstance(scheduler, FrontierScheduler) or scheduler.run is None:
            return None
        key = scheduler.run.key(f"polite:{urlsplit(request.url).hostname}")
        while not scheduler.server.set(key, 1, nx=True, px=max(int(self.delay * 1000), 1)):
            wait = scheduler.server.pttl(key)
            await asyncio.sleep(max(wait, 1) / 1000)
        return None
