"""Compile the Qt Designer forms (``forms/*.ui``) into ``jianan_desk/ui/forms/ui_<name>.py``.

Run ``python -m jianan_desk.ui.compile_forms [forms/x.ui ...]`` (no arguments: every form), or
``make forms``. The output is deterministic: uic's banner (which names the Qt version) is
replaced by one line marking the file as generated, and line endings are normalised, so
compiling the same form twice gives identical bytes. ``stale_forms()`` lets a test fail when
a committed generated file differs from a fresh compile.

Forms are compiled ahead of time (never loaded at run time with ``QUiLoader``), so a
PyInstaller bundle needs neither the ``.ui`` files nor ``uic``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
FORMS_DIR = CHECKOUT / "forms"
OUTPUT_DIR = Path(__file__).resolve().parent / "forms"

_GENERATED = (
    "# GENERATED from forms/{name} by `python -m jianan_desk.ui.compile_forms`. Do not edit.\n"
)


def output_path(form: Path) -> Path:
    """Where the compiled module for ``form`` lives: ``ui/forms/ui_<stem>.py``."""
    return OUTPUT_DIR / f"ui_{form.stem}.py"


def all_forms() -> list[Path]:
    return sorted(FORMS_DIR.glob("*.ui"))


def _uic_command() -> list[str]:
    """pyside6-uic: the launcher next to the interpreter, else the same entry point run in-process.

    Both end up running the ``uic`` binary shipped inside the PySide6 wheel with ``-g python``.
    """
    scripts = Path(sys.executable).parent
    for name in ("pyside6-uic", "pyside6-uic.exe"):
        launcher = scripts / name
        if launcher.is_file() and os.access(launcher, os.X_OK):
            return [str(launcher)]
    return [
        sys.executable,
        "-c",
        "import sys; from PySide6.scripts.pyside_tool import uic;"
        " sys.argv[0] = 'pyside6-uic'; uic()",
    ]


def _normalise(source: str, form: Path) -> str:
    """Drop uic's banner and coding line; start with the generated marker; LF line endings."""
    lines = source.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    body_start = 0
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith("#") or not stripped:
            continue
        body_start = index
        break
    body = "\n".join(lines[body_start:]).rstrip("\n") + "\n"
    return _GENERATED.format(name=form.name) + "\n" + body


def compile_form(form: Path) -> str:
    """The deterministic Python source for ``form``."""
    result = subprocess.run(
        [*_uic_command(), str(form)],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        message = result.stderr.decode("utf-8", "replace").strip()
        raise RuntimeError(f"uic failed on {form}: {message}")
    return _normalise(result.stdout.decode("utf-8"), form)


def write_form(form: Path) -> Path:
    target = output_path(form)
    target.parent.mkdir(parents=True, exist_ok=True)
    source = compile_form(form)
    if not target.exists() or target.read_bytes() != source.encode("utf-8"):
        target.write_bytes(source.encode("utf-8"))
    return target


def stale_forms() -> list[str]:
    """Forms whose committed module is missing or differs from a fresh compile."""
    stale = []
    for form in all_forms():
        target = output_path(form)
        if not target.exists() or target.read_bytes() != compile_form(form).encode("utf-8"):
            stale.append(form.name)
    return stale


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    forms = [Path(arg).resolve() for arg in args] if args else all_forms()
    for form in forms:
        if form.suffix != ".ui" or not form.is_file():
            print(f"not a .ui file: {form}", file=sys.stderr)
            return 2
        target = write_form(form)
        shown = target.relative_to(CHECKOUT) if target.is_relative_to(CHECKOUT) else target
        print(f"{form.name} -> {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
