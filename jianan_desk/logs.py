"""The log file: where unexpected errors (bugs) go with their traceback."""

from __future__ import annotations

import datetime as dt
import traceback
from pathlib import Path

from jianan_desk.paths import log_dir

LOG_NAME = "jianan-desk.log"


def log_path() -> Path:
    return log_dir() / LOG_NAME


def log_exception(exc: BaseException, context: str = "") -> Path:
    """Append ``exc`` with its traceback to the log file; returns the file's path."""
    path = log_path()
    stamp = dt.datetime.now().isoformat(timespec="seconds")
    text = "".join(traceback.format_exception(exc))
    with path.open("a", encoding="utf-8") as fh:
        fh.write(f"[{stamp}] 内部错误 {context}\n{text}\n")
    return path
