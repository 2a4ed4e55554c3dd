"""The way in: start the GUI at once, or hand the arguments to the CLI.

``jianan-desk`` without a command starts the GUI, and that start is timed against a bare
PySide6 window (cold-start benchmark). Building the whole CLI parser imports the
modules of every command (reports, Excel export, SQLAlchemy: seconds on a slow PC), so a
GUI start is recognised first, with a parser of the GUI's own options only
(``--db``, ``--screenshot``, ``--page``): anything else (a command, ``--help``,
``--version``, a typo) goes to the full parser in ``jianan_desk.cli``, which then says
what is wrong. Imports nothing but the standard library.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

GUI_OPTIONS = ("--db", "--screenshot", "--page")


class GuiRequest(NamedTuple):
    db: str | None
    screenshot: Path | None
    page: str | None


def gui_request(argv: Sequence[str] | None = None) -> GuiRequest | None:
    """The GUI's options if ``argv`` asks for the GUI and nothing else, else None.

    Read by hand (``--db PATH`` or ``--db=PATH``, each at most once): argparse alone takes
    longer to import than this whole module.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    values: dict[str, str] = {}
    i = 0
    while i < len(args):
        name, eq, value = args[i].partition("=")
        if name not in GUI_OPTIONS or name in values:
            return None
        if not eq:
            i += 1
            if i >= len(args):
                return None
            value = args[i]
        values[name] = value
        i += 1
    screenshot = values.get("--screenshot")
    return GuiRequest(
        values.get("--db"), Path(screenshot) if screenshot else None, values.get("--page")
    )


def main(argv: Sequence[str] | None = None) -> int:
    """``jianan-desk [options] [command …]``: the GUI straight away, or the CLI."""
    gui = gui_request(argv)
    if gui is None:
        from jianan_desk.cli import main as cli_main

        return cli_main(argv)
    return run_gui_request(gui)


def run_gui_request(gui: GuiRequest) -> int:
    from jianan_desk.paths import resolve_db

    if gui.screenshot is not None:
        # A screenshot needs no screen: render offscreen unless told otherwise.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from jianan_desk.app import run_gui

        return run_gui(resolve_db(gui.db), screenshot=gui.screenshot, page=gui.page)
    except Exception as exc:  # as the CLI does: Chinese message, traceback to the log
        from jianan_desk.store.errors import StoreError

        if isinstance(exc, StoreError):
            print(f"错误：{exc}", file=sys.stderr)
            return 1
        from jianan_desk.logs import log_exception

        path = log_exception(exc, "jianan-desk gui")
        print(f"内部错误：程序出现未预料的问题，详情已写入日志 {path}", file=sys.stderr)
        return 3


__all__ = ["GuiRequest", "gui_request", "main", "run_gui_request"]
