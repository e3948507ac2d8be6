"""Throwaway PostgreSQL and Redis servers on 127.0.0.1, for the tests and the scale benchmark.

Started from the installed binaries (Debian's ``postgresql`` and ``redis-server`` packages:
``apt-get install -y postgresql redis-server``) in a temporary directory, on a free port,
and removed with everything they wrote when stopped::

    with postgres_server() as pg:
        url = pg.create_database("t1")  # postgresql://postgres@127.0.0.1:PORT/t1
    with redis_server() as redis_url:
        ...

:func:`missing_postgres` / :func:`missing_redis` say why a server cannot be started here
(``None`` when it can), so a test can skip with that reason. PostgreSQL refuses to run as
root: as root the cluster is made and run as the ``postgres`` system user (``runuser``).
The servers are tuned for throwaway data (no fsync), never for keeping anything.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["PostgresServer", "free_port", "missing_postgres", "missing_redis", "postgres_server", "redis_server"]


def _die_with_parent() -> None:
    """In the server's child process: SIGTERM when the process that started it dies, so a
    test run or benchmark killed without its clean-up leaves no server behind (Linux)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def free_port() -> int:
    """A TCP port nothing listens on at the moment, on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/postgres"), key=lambda p: int(p.split("/")[4]))
    if found:
        return Path(found[-1]).parent
    on_path = shutil.which("postgres")
    return Path(on_path).parent if on_path else None


def _run_as() -> str | None:
    """The user PostgreSQL runs as: ``postgres`` when we are root, else ourselves (None)."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return ""
    return "postgres"


def missing_postgres() -> str | None:
    """Why no throwaway PostgreSQL can be started here, or None."""
    if _pg_bin() is None or not (_pg_bin() / "initdb").exists():  # type: ignore[operator]
        return "PostgreSQL binaries not found (apt-get install -y postgresql)"
    if _run_as() == "":
        return "running as root and there is no 'postgres' user to run PostgreSQL as"
    if _run_as() and not shutil.which("runuser"):
        return "running as root without runuser to start PostgreSQL as 'postgres'"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[test]')"
    return None


def missing_redis() -> str | None:
    """Why no throwaway Redis can be started here, or None."""
    if shutil.which("redis-server") is None:
        return "redis-server not found (apt-get install -y redis-server)"
    try:
        import redis  # noqa: F401
    except ImportError:
        return "the redis client is not installed (pip install -e '.[test]')"
    return None


@dataclass
class PostgresServer:
    """A running throwaway cluster; superuser ``postgres``, trust authentication on 127.0.0.1."""

    port: int
    directory: Path

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database; its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


def _wait_port(port: int, process: subprocess.Popen[bytes], what: str, log: Path, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited at start-up: {log.read_text(errors='replace')[-2000:]}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise RuntimeError(f"{what} did not listen on 127.0.0.1:{port} within {timeout:.0f} s")


@contextlib.contextmanager
def postgres_server(*, max_connections: int = 100, durable: bool = False) -> Iterator[PostgresServer]:
    """Start a throwaway PostgreSQL cluster; stopped and deleted on exit. Without ``durable``
    commits are not flushed to disk (fast tests); with it, PostgreSQL's defaults (fsync and
    synchronous commit on), as a benchmark comparing stores needs."""
    why = missing_postgres()
    if why:
        raise RuntimeError(why)
    bindir = _pg_bin()
    assert bindir is not None
    user = _run_as()
    base = Path(tempfile.mkdtemp(prefix="newsclean-pg-"))
    data = base / "data"
    log = base / "server.log"
    prefix = ["runuser", "-u", user, "--"] if user else []
    if user:
        entry = pwd.getpwnam(user)
        os.chown(base, entry.pw_uid, entry.pw_gid)
    port = free_port()
    process: subprocess.Popen[bytes] | None = None
    try:
        subprocess.run(
            [*prefix, str(bindir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
             "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            check=True, capture_output=True,
        )
        with open(log, "wb") as out:
            process = subprocess.Popen(
                [*prefix, str(bindir / "postgres"), "-D", str(data), "-p", str(port),
                 "-c", "listen_addresses=127.0.0.1", "-c", f"unix_socket_directories={base}",
                 *([] if durable else ["-c", "fsync=off", "-c", "synchronous_commit=off",
                                       "-c", "full_page_writes=off"]),
                 "-c", f"max_connections={max_connections}", "-c", "shared_buffers=64MB"],
                stdout=out, stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_die_with_parent,
            )
        _wait_port(port, process, "postgres", log)
        # The port answers before the server accepts logins: wait for one.
        import psycopg

        deadline = time.monotonic() + 30
        while True:
            try:
                psycopg.connect(f"postgresql://postgres@127.0.0.1:{port}/postgres", connect_timeout=2).close()
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield PostgresServer(port, base)
    except subprocess.CalledProcessError as exc:
        raise RuntimeError(f"initdb failed: {exc.stderr.decode(errors='replace')[-2000:]}") from exc
    finally:
        if process is not None:
            _stop_postgres(data, process)
        shutil.rmtree(base, ignore_errors=True)


def _stop_postgres(data: Path, process: subprocess.Popen[bytes]) -> None:
    """A "fast" shutdown (SIGINT to the postmaster, whose pid it wrote: under runuser the child
    we started is not the postmaster), then SIGKILL to what is left."""
    pid = None
    with contextlib.suppress(OSError, ValueError, IndexError):
        pid = int((data / "postmaster.pid").read_text().split()[0])
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid or process.pid, signal.SIGINT)
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@contextlib.contextmanager
def redis_server() -> Iterator[str]:
    """Start a throwaway Redis server (no persistence); yields its URL; stopped on exit."""
    why = missing_redis()
    if why:
        raise RuntimeError(why)
    base = Path(tempfile.mkdtemp(prefix="newsclean-redis-"))
    log = base / "server.log"
    port = free_port()
    with open(log, "wb") as out:
        process = subprocess.Popen(
            ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", str(base), "--protected-mode", "no"],
            stdout=out, stderr=subprocess.STDOUT, start_new_session=True, preexec_fn=_die_with_parent,
        )
    try:
        _wait_port(port, process, "redis-server", log)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(base, ignore_errors=True)
