"""A throwaway PostgreSQL cluster for tests and benchmarks.

``initdb`` in a temp folder, ``pg_ctl start`` on a free local port (TCP on 127.0.0.1 and a
Unix socket in the same folder), trust authentication for one superuser, durability off
(a test cluster is thrown away). PostgreSQL refuses to run as root: when we are root the
cluster runs as ``nobody`` through ``runuser``. ``stop()`` removes everything;
``pause()``/``resume()`` stop and restart the server on the same port (what a test of a
lost server needs).

    with TempCluster() as cluster:
        url = cluster.url("postgres")   # postgresql+psycopg://jianan@127.0.0.1:PORT/postgres
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

SUPERUSER = "jianan"


def find_bin(name: str) -> str:
    """``initdb`` / ``pg_ctl``: on PATH, else Debian's versioned folder (newest first)."""
    on_path = shutil.which(name)
    if on_path:
        return on_path
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        candidate = Path(folder) / name
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError(
        f"PostgreSQL program {name} not found: install Debian's postgresql package"
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class TempCluster:
    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="jianan-pg-"))
        self.data = self.dir / "data"
        self.log = self.dir / "server.log"
        self.port = _free_port()
        self._as_nobody = os.geteuid() == 0
        self.started = False

    def _run(self, *args: str) -> None:
        cmd = list(args)
        if self._as_nobody:
            cmd = ["runuser", "-u", "nobody", "--", *cmd]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, cwd=self.dir)

    def start(self) -> TempCluster:
        if self._as_nobody:
            shutil.chown(self.dir, "nobody")
        self._run(
            find_bin("initdb"), "-D", str(self.data), "-U", SUPERUSER,
            "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync",
        )  # fmt: skip
        self.resume()
        return self

    def resume(self) -> None:
        """Start the server (again, after ``pause``) on the same port with the same data."""
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off "
            "-c max_connections=200"
        )
        self._run(
            find_bin("pg_ctl"), "-D", str(self.data), "-l", str(self.log),
            "-o", options, "-w", "-t", "60", "start",
        )  # fmt: skip
        self.started = True

    def pause(self) -> None:
        """Stop the server as an administrator would (``pg_ctl stop -m fast``: sessions are
        ended, open transactions rolled back), keeping its data for ``resume``."""
        self._run(find_bin("pg_ctl"), "-D", str(self.data), "-m", "fast", "-w", "stop")
        self.started = False

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def stop(self) -> None:
        try:
            if self.started:
                self._run(find_bin("pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
                self.started = False
        finally:
            shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> TempCluster:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
