"""One crawl at a time per spider and store: an advisory lock file the kernel frees on exit."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

__all__ = ["LockHeld", "RunLock", "lock_path_for"]


class LockHeld(Exception):
    """Another run holds the lock; ``holder`` is what it wrote there (its pid and start)."""

    def __init__(self, path: Path, holder: str) -> None:
        super().__init__(f"another run holds {path}" + (f" ({holder})" if holder else ""))
        self.path = path
        self.holder = holder


def lock_path_for(store: str | Path, spider: str) -> Path:
    """The lock file of ``spider`` crawling into ``store``: next to the store file."""
    store = Path(store)
    return store.with_name(f"{store.name}.{spider}.lock")


class RunLock:
    """An ``flock`` on a file: taken without waiting, released when the process ends in any
    way (exit, crash, SIGKILL, reboot), so a stale lock never blocks the next run.

    The file is left in place (removing it would race with a run about to lock it); it holds
    the pid and start time of the run that last took it.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._fd: int | None = None

    def acquire(self, note: str = "") -> None:
        """Take the lock or raise :class:`LockHeld` at once."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip()
            os.close(fd)
            raise LockHeld(self.path, holder) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()}{' ' + note if note else ''}\n".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
