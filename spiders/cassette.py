"""Recorded HTTP for Scrapy: a download handler that replays and records vcrpy YAML cassettes.

vcrpy patches HTTP client libraries, which Scrapy's downloader does not use, so this module
plugs in one level lower: :class:`CassetteDownloadHandler` answers every ``http``/``https``
request from a vcrpy :class:`~vcr.cassette.Cassette` (loaded and saved by vcrpy's own
``VCR.use_cassette``), and in a recording mode fetches what the cassette lacks with Scrapy's
ordinary handler and appends it. Downloader middlewares run as usual, so robots.txt,
redirects and retries are recorded and replayed like any other request.

Turn it on with ``NEWSCLEAN_CASSETTE`` (a path); :class:`CassetteAddon`, enabled in the
project settings, then installs the handler. ``NEWSCLEAN_CASSETTE_MODE`` is one of vcrpy's
record modes; the default ``none`` only replays, so nothing reaches the network.
"""

from __future__ import annotations

import logging
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import vcr
from scrapy import signals
from scrapy.exceptions import CloseSpider, IgnoreRequest, NotConfigured
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes
from scrapy.settings import SETTINGS_PRIORITIES
from scrapy.utils.misc import build_from_crawler, load_object
from vcr.patch import PATCHER_NAMES
from vcr.record_mode import RecordMode, validate_record_mode
from vcr.request import Request as VcrRequest

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.crawler import Crawler
    from scrapy.http import Response
    from scrapy.settings import BaseSettings
    from vcr.cassette import Cassette

__all__ = [
    "MODES",
    "CassetteAddon",
    "CassetteDownloadHandler",
    "CassetteSession",
    "UnrecordedRequest",
]

logger = logging.getLogger(__name__)
# vcrpy logs every interaction at INFO, bodies included: far too loud for a crawl log.
logging.getLogger("vcr").setLevel(logging.WARNING)

MODES = tuple(m.value for m in RecordMode if m is not RecordMode.ANY)
"""The record modes ``NEWSCLEAN_CASSETTE_MODE`` accepts (vcrpy's own names)."""

MATCH_ON = ("method", "scheme", "host", "port", "path", "query")
"""What makes a request the same as a recorded one (vcrpy's default matchers)."""

RECORDED_REQUEST_HEADERS = ("User-Agent", "Accept", "Accept-Language")
"""Request headers kept in the cassette: enough to see how a page was asked for; cookies and
other per-session headers stay out."""

STATS_PREFIX = "newsclean/cassette"
_SCHEMES = ("http", "https")
_NETWORK_SCHEMES = ("ftp", "s3")
_REPLAY_FLAG = "cassette"


class UnrecordedRequest(IgnoreRequest):
    """A replay-only cassette has no response for this request."""


class CassetteAddon:
    """Installs :class:`CassetteDownloadHandler` for http(s) when ``NEWSCLEAN_CASSETTE`` is set."""

    def update_settings(self, settings: BaseSettings) -> None:
        if not settings.get("NEWSCLEAN_CASSETTE"):
            return
        # A bad mode is reported by the handler when the spider opens (no traceback); the
        # handler is installed anyway, so that nothing reaches the network.
        mode = str(settings.get("NEWSCLEAN_CASSETTE_MODE") or "none")
        handlers = settings.getdict("DOWNLOAD_HANDLERS")
        for scheme in _SCHEMES:
            handlers[scheme] = f"{__name__}.CassetteDownloadHandler"
        for scheme in _NETWORK_SCHEMES:
            handlers[scheme] = None  # no recording for these: with a cassette they are off
        # Above "project": without a reactor Scrapy writes its aiohttp handler into
        # DOWNLOAD_HANDLERS_BASE at project priority, which would win the per-key merge.
        priority = max(SETTINGS_PRIORITIES["spider"], settings.getpriority("DOWNLOAD_HANDLERS") or 0)
        settings.set("DOWNLOAD_HANDLERS", handlers, priority=priority)
        if mode == "none":
            # Replaying touches no server: waiting between requests only slows tests down.
            for name, value in (("AUTOTHROTTLE_ENABLED", False), ("DOWNLOAD_DELAY", 0)):
                if (settings.getpriority(name) or 0) <= SETTINGS_PRIORITIES["project"]:
                    settings.set(name, value, priority="spider")


def _to_vcr_request(request: Request) -> VcrRequest:
    headers = {}
    for name in RECORDED_REQUEST_HEADERS:
        value = request.headers.get(name)
        if value:
            headers[name] = value.decode("latin-1")
    return VcrRequest(request.method, request.url, request.body or None, headers)


def _to_vcr_response(response: Response) -> dict[str, Any]:
    headers: dict[str, list[str]] = {}
    for name, values in response.headers.items():
        headers[name.decode("latin-1")] = [v.decode("latin-1") for v in values]
    return {
        "status": {"code": response.status, "message": _reason(response.status)},
        "headers": headers,
        "body": {"string": response.body},
    }


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _from_vcr_response(recorded: dict[str, Any], request: Request) -> Response:
    headers = Headers({k: v for k, v in recorded.get("headers", {}).items()})
    body = recorded.get("body", {}).get("string") or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    url = request.url
    cls = responsetypes.from_args(headers=headers, url=url, body=body)
    return cls(
        url=url,
        status=int(recorded["status"]["code"]),
        headers=headers,
        body=body,
        request=request,
        flags=[_REPLAY_FLAG],
    )


class CassetteSession:
    """One open cassette shared by a crawl's http and https handlers.

    Opened (loaded) through ``vcr.VCR(...).use_cassette`` when the first handler starts and
    saved by it when the spider closes. vcrpy's own HTTP-library patchers are all skipped: Scrapy
    does not use those libraries, and patching them would change other code in the process.
    """

    _sessions: ClassVar[weakref.WeakKeyDictionary[Crawler, CassetteSession]] = weakref.WeakKeyDictionary()

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.path = Path(str(settings.get("NEWSCLEAN_CASSETTE")))
        self.stats = crawler.stats
        self.problem: tuple[str, str] | None = None
        """(close reason, message) when the cassette cannot be used; the spider closes at once."""
        mode = str(settings.get("NEWSCLEAN_CASSETTE_MODE") or "none")
        if mode in MODES:
            self.mode = validate_record_mode(mode)
        else:
            self.mode = RecordMode.NONE
            self.problem = (
                "cassette_mode",
                f"NEWSCLEAN_CASSETTE_MODE={mode!r} is not a record mode; use one of {', '.join(MODES)}",
            )
        if self.problem is None and self.mode is RecordMode.NONE and not self.path.is_file():
            self.problem = (
                "cassette_missing",
                f"cassette {self.path} does not exist: NEWSCLEAN_CASSETTE_MODE=none only replays; "
                "record it first with NEWSCLEAN_CASSETTE_MODE=once",
            )
        if self.mode is not RecordMode.NONE:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        recorder = vcr.VCR(
            record_mode=self.mode,
            match_on=MATCH_ON,
            decode_compressed_response=True,
            skip_patchers=PATCHER_NAMES,
        )
        self._context = recorder.use_cassette(str(self.path))
        self.cassette: Cassette = self._context.__enter__()
        self.loaded = len(self.cassette)
        self._closed = False
        crawler.signals.connect(self.close, signal=signals.spider_closed)
        crawler.signals.connect(self._check, signal=signals.spider_opened)
        logger.info(
            "cassette %s: %d recorded interaction(s), mode %s",
            self.path,
            len(self.cassette),
            self.mode.value,
        )

    def _check(self) -> None:
        if self.problem is not None:
            reason, message = self.problem
            logger.error("%s", message)
            raise CloseSpider(reason)

    @classmethod
    def for_crawler(cls, crawler: Crawler) -> CassetteSession:
        session = cls._sessions.get(crawler)
        if session is None:
            session = cls._sessions[crawler] = cls(crawler)
        return session

    @property
    def records(self) -> bool:
        """Whether requests the cassette cannot answer are fetched and recorded."""
        return not self.cassette.write_protected

    def play(self, request: Request) -> Response | None:
        """The recorded response for ``request``, or None when the cassette has none left."""
        wanted = _to_vcr_request(request)
        if not self.cassette.can_play_response_for(wanted):
            return None
        recorded = self.cassette.play_response(wanted)
        self._inc("played")
        return _from_vcr_response(recorded, request)

    def record(self, request: Request, response: Response) -> None:
        self.cassette.append(_to_vcr_request(request), _to_vcr_response(response))
        self._inc("recorded")

    def unmatched(self, request: Request) -> UnrecordedRequest:
        self._inc("unmatched")
        logger.error(
            "cassette %s has no recording of %s %s (mode %s): request not sent",
            self.path,
            request.method,
            request.url,
            self.mode.value,
        )
        return UnrecordedRequest(f"no recording of {request.method} {request.url} in {self.path}")

    def close(self) -> None:
        """Count recorded interactions never played, and save the cassette when recording.

        Runs when the spider closes, before the crawl's stats are dumped.
        """
        if self._closed:
            return
        self._closed = True
        if self.mode is not RecordMode.ALL:  # "all" plays nothing: every request is re-recorded
            unplayed = sum(1 for i in range(self.loaded) if self.cassette.play_counts[i] == 0)
            assert self.stats is not None
            self.stats.set_value(f"{STATS_PREFIX}/unplayed", unplayed)
        self._context.__exit__(None, None, None)
        if self.mode is not RecordMode.NONE and self.path.is_file():
            logger.info("cassette %s saved: %d interaction(s)", self.path, len(self.cassette))

    def _inc(self, key: str) -> None:
        assert self.stats is not None
        self.stats.inc_value(f"{STATS_PREFIX}/{key}")


class CassetteDownloadHandler:
    """Answers http(s) requests from the crawl's cassette; records misses in recording modes."""

    lazy = False

    def __init__(self, crawler: Crawler) -> None:
        if not crawler.settings.get("NEWSCLEAN_CASSETTE"):
            raise NotConfigured("NEWSCLEAN_CASSETTE is not set")
        self.crawler = crawler
        self.session = CassetteSession.for_crawler(crawler)
        self._network: dict[str, Any] = {}
        _keep_tldextract_offline()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> CassetteDownloadHandler:
        return cls(crawler)

    async def download_request(self, request: Request) -> Response:
        played = self.session.play(request)
        if played is not None:
            return played
        if not self.session.records:
            raise self.session.unmatched(request)
        scheme = request.url.split(":", 1)[0].lower()
        response: Response = await self._network_handler(scheme).download_request(request)
        self.session.record(request, response)
        return response

    def _network_handler(self, scheme: str) -> Any:
        """Scrapy's own handler for ``scheme``, built only when something must be recorded."""
        if scheme not in self._network:
            settings = self.crawler.settings
            path = settings.get("NEWSCLEAN_CASSETTE_RECORD_HANDLER") or settings["DOWNLOAD_HANDLERS_BASE"][scheme]
            self._network[scheme] = build_from_crawler(load_object(path), self.crawler)
        return self._network[scheme]

    async def close(self) -> None:
        for handler in self._network.values():
            await handler.close()
        self.session.close()


def _keep_tldextract_offline() -> None:
    """Scrapy's cookie middleware looks up public suffixes with tldextract, which downloads the
    suffix list on first use; with a cassette it uses the list bundled with tldextract (for
    the rest of the process: the lookup is a module-level object in Scrapy)."""
    import tldextract
    from scrapy.downloadermiddlewares import cookies

    current = getattr(cookies, "_split_domain", None)
    if isinstance(current, tldextract.TLDExtract) and current.suffix_list_urls:
        cookies._split_domain = tldextract.TLDExtract(
            suffix_list_urls=(), cache_dir=None, include_psl_private_domains=True
        )
