"""Shared test helpers: where the read-only real pages live, the hypothesis profiles."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import FrameType
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
DATA = SHARED / "data"

# Hypothesis profiles: fixed and derandomized, so CI runs the same examples every time; they
# differ only in how many examples each property file tries.
settings.register_profile(
    "newsclean",
    max_examples=40,
    deadline=timedelta(seconds=10),
    derandomize=True,
    database=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("newsclean-long", parent=settings.get_profile("newsclean"), max_examples=2000)
settings.register_profile("shortcuts", parent=settings.get_profile("newsclean"), max_examples=300)
settings.register_profile("single-pass", parent=settings.get_profile("newsclean"), max_examples=150)


@pytest.fixture
def shared_data() -> Path:
    """``../shared/data``; tests that need it skip cleanly on a user's fresh clone."""
    if not DATA.is_dir():
        pytest.skip("../shared/data is not present")
    return DATA


@pytest.fixture
def seeds() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    return SEEDS


class PageHandler(BaseHTTPRequestHandler):
    """A local test site: answers GET with the HTML that :meth:`page` gives for the path, or 404.

    Subclasses define ``page``; the server runs on 127.0.0.1 through :func:`serving`.
    """

    def page(self, path: str) -> str | None:
        raise NotImplementedError

    def do_GET(self) -> None:
        body = self.page(self.path)
        data = (body if body is not None else "not found").encode()
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serve ``handler`` on 127.0.0.1 (a free port) in a thread; yield the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# -- real servers: throwaway PostgreSQL and Redis on 127.0.0.1 ---------------------------------

if str(ROOT) not in __import__("sys").path:  # the benchmarks folder is not an installed package
    __import__("sys").path.insert(0, str(ROOT))

from benchmarks.servers import (  # noqa: E402
    PostgresServer,
    missing_postgres,
    missing_redis,
    postgres_server,
    redis_server,
)


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """One throwaway PostgreSQL cluster for the session (skips, saying why, without the
    binaries: ``apt-get install -y postgresql``)."""
    why = missing_postgres()
    if why:
        pytest.skip(why)
    with postgres_server() as server:
        yield server


_databases = iter(range(1, 1_000_000))


@pytest.fixture
def pg_url(postgres: PostgresServer) -> str:
    """The URL of a new, empty database for this test."""
    return postgres.create_database(f"test_{next(_databases)}")


@pytest.fixture(scope="session")
def redis_url() -> Iterator[str]:
    """A throwaway Redis server for the session (skips, saying why, without ``redis-server``)."""
    why = missing_redis()
    if why:
        pytest.skip(why)
    with redis_server() as url:
        yield url


@pytest.fixture(params=["sqlite", "postgresql"])
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A store location of each back-end: an SQLite file path, then a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "deep" / "store.sqlite3")
    return str(request.getfixturevalue("pg_url"))


def assert_accounted(report: dict[str, Any]) -> None:
    """The run report is an accounting identity: every article URL the run discovered ends in
    exactly one outcome (stored, unchanged, quarantined, not fetched as unchanged, not
    modified, skipped or failed with a reason), and failures count as errors."""
    if report.get("exit_status") == 2 or "accounting" not in report:  # never started
        return
    books = report["accounting"]
    # A worker of a shared frontier also takes article requests other workers queued
    # (taken_from_frontier) and hands its own to the queue (handed_to_frontier, an outcome).
    inputs = ("discovered", "taken_from_frontier", "unaccounted")
    outcomes = [v if isinstance(v, int) else sum(v.values()) for k, v in books.items() if k not in inputs]
    assert books["discovered"] + books.get("taken_from_frontier", 0) == sum(outcomes), books
    assert books["unaccounted"] == 0, books
    spider_errors = sum(books["failed"].get(k, 0) for k in ("redirect_loop", "too_large", "undecodable"))
    assert report["errors"] >= spider_errors, report


# Two paragraphs of one news story, for pages the extraction and bio tests build around them.
LONG = (
    "The city council voted on Tuesday to build a protected cycle lane along the length of Harbour Road, "
    "ending a dispute that has divided residents and shop owners for more than two years."
)
LONG2 = (
    "The plan replaces one lane of car traffic with a two-way cycle track separated from the road by a low "
    "kerb and a row of planters, and work is due to start in the spring."
)


def assert_once(text: str, *expected: str) -> None:
    """Each of ``expected`` comes out exactly once in ``text`` (all misses named at once)."""
    wrong = {piece: text.count(piece) for piece in expected if text.count(piece) != 1}
    assert not wrong, f"not exactly once (piece: times found): {wrong}"


def assert_gone(text: str, *unwanted: str) -> None:
    """None of ``unwanted`` is left in ``text`` (all leftovers named at once)."""
    left = [piece for piece in unwanted if piece in text]
    assert not left, f"still there: {left}"


class _Overrun(Exception):
    pass


@contextmanager
def within(seconds: float, what: str = "") -> Iterator[None]:
    """Fail when the block runs past ``seconds`` (a bound far above linear work, far below
    quadratic); ``what`` names the input in the failure."""

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise _Overrun

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except _Overrun:
        pytest.fail(f"over {seconds} s" + (f" on {what}" if what else ""))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
