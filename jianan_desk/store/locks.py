"""The single-writer lock: one lock file beside a SQLite database.

The GUI holds it for as long as it runs (so a second GUI on the same file is refused at
once); a CLI command that writes waits for it up to the busy timeout. Read-only commands
never take it: SQLite's WAL lets them read while another process writes.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path
from types import TracebackType

from jianan_desk.store.errors import DatabaseBusyError, DatabaseInUseError

DEFAULT_BUSY_TIMEOUT_S = 10.0


def busy_timeout_s() -> float:
    """Seconds to wait for a busy database; ``JIANAN_BUSY_TIMEOUT`` overrides."""
    try:
        return float(os.environ.get("JIANAN_BUSY_TIMEOUT", DEFAULT_BUSY_TIMEOUT_S))
    except ValueError:
        return DEFAULT_BUSY_TIMEOUT_S


def lock_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


class WriterLock:
    """An exclusive OS file lock; released when the process exits, even if it crashes."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.path = lock_path_for(db_path)
        self._fd: int | None = None

    def _try(self) -> bool:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if sys.platform == "win32":
                import msvcrt

                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def acquire(self, timeout_s: float = 0.0, *, for_gui: bool = False) -> WriterLock:
        deadline = time.monotonic() + timeout_s
        while not self._try():
            if time.monotonic() >= deadline:
                if for_gui:
                    raise DatabaseInUseError(str(self.db_path))
                raise DatabaseBusyError(str(self.db_path))
            time.sleep(0.05)
        return self

    def release(self) -> None:
        if self._fd is None:
            return
        if sys.platform == "win32":
            import msvcrt

            with contextlib.suppress(OSError):
                msvcrt.locking(self._fd, msvcrt.LK_UNLCK, 1)
        os.close(self._fd)
        self._fd = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def __enter__(self) -> WriterLock:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
