"""Cold start: process start → main window shown, the app on a big database vs a bare window.

Both are child processes started the same way, with ``QT_QPA_PLATFORM=offscreen`` and a
throw-away ``JIANAN_HOME``. The app runs as ``python -m jianan_desk --db PATH`` with
``JIANAN_EXIT_AFTER_SHOWN=1`` (it quits once its window is first exposed); the bare window
is a tiny QApplication + QMainWindow script that quits the same way. A run is timed from
spawning the process to its exit, unless the child prints a line ``JIANAN_SHOWN`` on stdout,
in which case the time that line arrives is used (only when both children print it).

Bytecode is cached (``PYTHONPYCACHEPREFIX`` under ``bench-data/``, filled by an untimed
warm-up run) as in an installed program, without writing ``__pycache__`` into the checkout.
The app gets a copy of the database, so the cached file never changes.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks import BENCH_DATA
from benchmarks.results import Row, Timing

TARGET_RATIO = 1.5
TIMEOUT_S = 120.0
SHOWN_MARKER = "JIANAN_SHOWN"
READY_MARKER = "JIANAN_READY"  # the app: database open, pages built (the bare window: = shown)

BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow

class QuitWhenShown(QObject):
    done = False
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Expose and not self.done:
            self.fire()
        return False
    def fire(self):
        if not self.done:
            self.done = True
            print("JIANAN_SHOWN", flush=True)
            QTimer.singleShot(0, app.quit)

app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setWindowTitle("bare")
window.resize(1280, 800)
window.show()
quitter = QuitWhenShown()
handle = window.windowHandle()
if handle is None or handle.isExposed():
    quitter.fire()
else:
    handle.installEventFilter(quitter)
sys.exit(app.exec())
"""


@dataclass
class RunResult:
    to_exit: float
    to_shown: float | None
    returncode: int
    stderr: str
    to_ready: float | None = None


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("JIANAN_DB", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        JIANAN_HOME=str(home),
        JIANAN_EXIT_AFTER_SHOWN="1",
        JIANAN_STARTUP_MARKS="1",
        PYTHONPYCACHEPREFIX=str(BENCH_DATA / "pycache"),
    )
    return env


def run_child(
    cmd: list[str], env: dict[str, str], timeout: float = TIMEOUT_S, *, keep_stderr: bool = False
) -> RunResult:
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=err, env=env, text=True, errors="replace"
        )
        watchdog = threading.Timer(timeout, proc.kill)
        watchdog.start()
        shown = ready = None
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if shown is None and line.startswith(SHOWN_MARKER):
                    shown = time.perf_counter() - t0
                if ready is None and line.startswith(READY_MARKER):
                    ready = time.perf_counter() - t0
            rc = proc.wait()
            to_exit = time.perf_counter() - t0
        finally:
            watchdog.cancel()
        err.seek(0)
        text = err.read()
        return RunResult(to_exit, shown, rc, text if keep_stderr else text[-2000:], ready)


def cli_available(python: str) -> str | None:
    """None if ``python -m jianan_desk --help`` works, else why not."""
    proc = subprocess.run(
        [python, "-m", "jianan_desk", "--help"], capture_output=True, text=True, timeout=60
    )
    if proc.returncode != 0:
        return f"`python -m jianan_desk --help` failed: {proc.stderr.strip()[-300:]}"
    if "--db" not in proc.stdout:
        return "the jianan_desk CLI has no --db option yet"
    return None


def import_breakdown(python: str, args: list[str], env: dict[str, str]) -> list[str]:
    """Where one start of ``python args`` goes: import time per top-level package (the self
    times of ``-X importtime`` summed), and the rest (open the database, build the window…)."""
    result = run_child([python, "-X", "importtime", *args], env, keep_stderr=True)
    per_package: dict[str, int] = {}
    for line in result.stderr.splitlines():
        parts = line.split("|")
        if not line.startswith("import time:") or len(parts) != 3 or "self [us]" in line:
            continue
        self_us = int(parts[0].split(":", 1)[1])
        root = parts[2].strip().split(".")[0]
        per_package[root] = per_package.get(root, 0) + self_us
    imports = sum(per_package.values()) / 1e6
    top = sorted(per_package.items(), key=lambda kv: -kv[1])[:8]
    return [
        f"imports {imports * 1000:,.0f} ms of {result.to_exit * 1000:,.0f} ms"
        " (one run under -X importtime, which inflates imports a little)",
        "  by package (ms): " + ", ".join(f"{name} {us / 1000:,.0f}" for name, us in top),
        "  the rest (open the database, build and show the window, quit):"
        f" {max(0.0, result.to_exit - imports) * 1000:,.0f} ms",
    ]


def _empty_db(folder: Path) -> Path:
    from jianan_desk.services.database import open_database

    path = folder / "empty.sqlite"
    open_database("sqlite:///" + str(path)).dispose()
    return path


def bench_start(
    db_path: Path, runs: int = 5, *, projects: int = 100_000, log: Callable[[str], None] = print
) -> list[Row]:
    python = sys.executable
    name = "cold start → window shown"
    problem = cli_available(python)
    if problem:
        return [Row(name, None, None, TARGET_RATIO, note=problem)]
    with tempfile.TemporaryDirectory(prefix="jianan-bench-start-") as tmp:
        folder = Path(tmp)
        big = folder / "big.sqlite"
        shutil.copyfile(db_path, big)
        env = child_env(folder / "home")
        commands = {
            "bare": [python, "-c", BARE_WINDOW],
            "app": [python, "-m", "jianan_desk", "--db", str(big)],
            "app, empty db": [python, "-m", "jianan_desk", "--db", str(_empty_db(folder))],
        }
        results: dict[str, list[RunResult]] = {label: [] for label in commands}
        for label, cmd in commands.items():  # warm-up: bytecode cache, OS file cache
            first = run_child(cmd, env)
            if first.returncode != 0:
                note = f"{label} exited with {first.returncode}: {first.stderr.strip()[-400:]}"
                return [Row(name, None, None, TARGET_RATIO, note=note)]
        for i in range(runs):  # interleaved, so that a busy moment hits all alike
            for label, cmd in commands.items():
                results[label].append(run_child(cmd, env))
            log(
                f"  cold start run {i + 1}/{runs}: "
                + ", ".join(
                    f"{label} {results[label][-1].to_exit * 1000:.0f} ms" for label in commands
                )
            )
        for line in import_breakdown(python, commands["app"][1:], env):
            log(f"  app start: {line}")
    failed = [(lab, r) for lab, rs in results.items() for r in rs if r.returncode != 0]
    if failed:
        lab, r = failed[0]
        note = f"{lab} exited with {r.returncode}: {r.stderr.strip()[-400:]}"
        return [Row(name, None, None, TARGET_RATIO, note=note)]
    marker = all(r.to_shown is not None for rs in results.values() for r in rs)

    def timing(label: str, shown_as: str) -> Timing:
        runs_s = [(r.to_shown if marker else r.to_exit) or 0.0 for r in results[label]]
        return Timing(shown_as, runs_s)

    how = (
        "timed to the JIANAN_SHOWN line"
        if marker
        else "timed from spawn to exit (window shown, then quit: includes teardown)"
    )
    bare = timing("bare", "bare window")
    ready_rows = []
    if all(r.to_ready is not None for r in results["app"]):
        ready = Timing(f"app, {projects:,} projects", [r.to_ready or 0.0 for r in results["app"]])
        ready_rows.append(
            Row(
                "cold start → data on screen",
                ready,
                bare,
                None,
                note="the window shows at once; the database opens after its first paint",
            )
        )
    return [
        Row(
            name,
            timing("app", f"app, {projects:,} projects"),
            bare,
            TARGET_RATIO,
            note=f"{runs} runs, {how}",
        ),
        *ready_rows,
        Row("cold start, empty database", timing("app, empty db", "app, new db"), bare, None),
    ]
