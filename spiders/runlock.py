"""One crawl at a time per spider (and site) and store: an advisory lock freed when its holder dies.

With an SQLite store the lock is an ``flock`` on a file next to the store (:class:`RunLock`);
with a PostgreSQL store it is a session-level advisory lock held by a connection the crawl
keeps open for its whole run (:class:`PgRunLock`): any host's crawl of the same spider and
site waits its turn, and the server frees the lock the moment the holder's connection dies
(exit, crash, SIGKILL, a lost host: TCP keepalives notice within about a minute)."""

from __future__ import annotations

import fcntl
import hashlib
import os
import socket
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Self
from urllib.parse import urlsplit

__all__ = ["LockHeld", "PgRunLock", "RunLock", "lock_name", "lock_path_for"]


class LockHeld(Exception):
    """Another run holds the lock; ``holder`` is what it wrote there (its pid and start)."""

    def __init__(self, path: Path | str, holder: str) -> None:
        super().__init__(f"another run holds {path}" + (f" ({holder})" if holder else ""))
        self.path = path
        self.holder = holder


def lock_path_for(store: str | Path, spider: str) -> Path:
    """The lock file of ``spider`` crawling into ``store``: next to the store file."""
    store = Path(store)
    return store.with_name(f"{store.name}.{spider}.lock")


class _Lock:
    """What both locks share: ``with lock:`` acquires it and releases it on the way out."""

    def acquire(self) -> None:
        raise NotImplementedError

    def release(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()


class RunLock(_Lock):
    """An ``flock`` on a file: taken without waiting, released when the process ends in any
    way (exit, crash, SIGKILL, reboot), so a stale lock never blocks the next run.

    The file is left in place (removing it would race with a run about to lock it); it holds
    the pid and start time of the run that last took it.
    """

    def __init__(self, path: str | Path, *, shared: bool = False) -> None:
        self.path = Path(path)
        self.shared = shared
        """Held together by workers sharing a frontier (``LOCK_SH``)."""
        self._fd: int | None = None

    def acquire(self, note: str = "") -> None:
        """Take the lock or raise :class:`LockHeld` at once."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, (fcntl.LOCK_SH if self.shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            os.close(fd)
            raise LockHeld(self.path, holder) from None
        if not self.shared:  # (shared holders would overwrite each other)
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"pid {os.getpid()}{' ' + note if note else ''}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None



def lock_name(spider: str, arguments: Mapping[str, str] | None = None) -> str:
    """What a run lock guards: the spider, and the site when the arguments name one (``-a
    site=NAME`` or the host of ``-a start=URL``), so crawls of different sites by one spider
    (site-sharded workers) run side by side while two crawls of the same site never do."""
    arguments = arguments or {}
    site = arguments.get("site") or (urlsplit(arguments["start"]).netloc.lower() if arguments.get("start") else None)
    return f"{spider}/{site}" if site else spider


def _lock_key(name: str) -> int:
    """The 64-bit advisory lock key of a lock name (stable across hosts and versions)."""
    digest = hashlib.blake2b(f"newsclean run {name}".encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big", signed=True)


class PgRunLock(_Lock):
    """A PostgreSQL session-level advisory lock (``pg_try_advisory_lock``) named by
    :func:`lock_name`, taken without waiting on a connection of its own that stays open
    until :meth:`release`. The connection's ``application_name`` says who holds it (host,
    pid, start time), which :class:`LockHeld` reports to the run that finds it taken.

    With ``shared`` (workers of one run sharing a Redis frontier) any number of holders take
    the lock together, and an exclusive run of the same spider and site waits for all of them.
    """

    def __init__(self, url: str, name: str, *, shared: bool = False) -> None:
        self.url = url
        self.name = name
        self.key = _lock_key(name)
        self.shared = shared
        self._conn: Any = None

    def acquire(self, note: str = "") -> None:
        """Take the lock or raise :class:`LockHeld` at once; ``StoreError`` when the database
        cannot be reached."""
        from newsclean.pipelines.pg_store import connect, redact

        holder = f"newsclean {self.name} {socket.gethostname()} pid {os.getpid()}{' ' + note if note else ''}"
        conn = connect(self.url)
        try:
            conn.execute("SELECT set_config('application_name', %s, false)", (holder[:63],))
            take = "pg_try_advisory_lock_shared" if self.shared else "pg_try_advisory_lock"
            got = conn.execute(f"SELECT {take}(%s)", (self.key,)).fetchone()[0]
            if not got:
                raise LockHeld(f"{redact(self.url)} (lock {self.name})", self._holders(conn))
        except BaseException:
            conn.close()
            raise
        self._conn = conn

    def _holders(self, conn: Any) -> str:
        rows = conn.execute(
            "SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
            " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
            " AND l.classid::bigint = %s AND l.objid::bigint = %s",
            ((self.key >> 32) & 0xFFFFFFFF, self.key & 0xFFFFFFFF),
        ).fetchall()
        return "; ".join(sorted(str(r[0]) for r in rows if r[0]))

    def release(self) -> None:
        conn, self._conn = self._conn, None
        if conn is not None:
            try:
                release = "pg_advisory_unlock_shared" if self.shared else "pg_advisory_unlock"
                conn.execute(f"SELECT {release}(%s)", (self.key,))
            except Exception:
                pass  # closing the session frees it anyway
            conn.close()

