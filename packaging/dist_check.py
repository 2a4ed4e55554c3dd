"""Smoke test of the BUILT program: ``make dist-check`` (after ``make dist``).

Runs ``dist/jianan-desk/jianan-desk-cli`` and ``jianan-desk`` the way a clean office PC
would: an empty environment (only ``PATH=/usr/bin:/bin``, an empty temporary ``HOME``,
``QT_QPA_PLATFORM=offscreen``; no venv, no checkout on any path), from a temporary working
folder. This script itself runs with the venv's Python only to read pyproject, look at the
outputs (JSON, PNG, PDF, XLSX) and time things; nothing of the venv reaches the program.

Each step prints PASS/FAIL/SKIP and what it checked. Steps whose command is still being
written by other issues (``report``, ``export``) print SKIP while ``<command> --help``
fails, and are checked automatically once the command exists. Exit code 1 on any failure.

Usage: ``python packaging/dist_check.py [BUNDLE_DIR]`` (default ``dist/jianan-desk``).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import time
import tomllib
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MAX_BUNDLE_MB = 250
COMMAND_TIMEOUT_S = 180
DEMO_SIGNED_COUNT_2021 = 90  # the demo dataset reproduces the district's published figures
EXE_SUFFIX = ".exe" if sys.platform == "win32" else ""


class CheckFailed(Exception):
    pass


class Skipped(Exception):
    pass


@dataclass
class Run:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    seconds: float

    def describe(self) -> str:
        tail = (self.stderr.strip() or self.stdout.strip())[-1500:]
        return f"`{' '.join(self.args)}` exited {self.returncode}: {tail}"


@dataclass
class Checker:
    bundle: Path
    work: Path
    home: Path
    results: list[tuple[str, str, str]] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)

    # ------------------------------------------------------------------ environment

    def env(self, **extra: str) -> dict[str, str]:
        """A clean environment: nothing inherited but what a desktop session would have."""
        env = {"HOME": str(self.home), "QT_QPA_PLATFORM": "offscreen"}
        if sys.platform == "win32":
            # Windows cannot start a process without these; the profile folders point into
            # the empty temporary home.
            for name in ("SYSTEMROOT", "WINDIR", "COMSPEC", "PATHEXT", "SYSTEMDRIVE"):
                if name in os.environ:
                    env[name] = os.environ[name]
            env["PATH"] = os.path.join(os.environ.get("SYSTEMROOT", r"C:\Windows"), "System32")
            env["USERPROFILE"] = str(self.home)
            env["APPDATA"] = str(self.home / "AppData" / "Roaming")
            env["LOCALAPPDATA"] = str(self.home / "AppData" / "Local")
            env["TEMP"] = env["TMP"] = str(self.work)
        else:
            env["PATH"] = "/usr/bin:/bin"
        env.update(extra)
        return env

    def exe(self, name: str) -> Path:
        return self.bundle / f"{name}{EXE_SUFFIX}"

    def run(self, program: str, *args: str | Path, env: dict[str, str] | None = None) -> Run:
        argv = [str(self.exe(program)), *map(str, args)]
        start = time.perf_counter()
        try:
            proc = subprocess.run(
                argv,
                cwd=self.work,
                env=env or self.env(),
                capture_output=True,
                timeout=COMMAND_TIMEOUT_S,
                stdin=subprocess.DEVNULL,
            )
        except subprocess.TimeoutExpired as exc:
            raise CheckFailed(
                f"`{' '.join(argv)}` did not finish in {COMMAND_TIMEOUT_S} s"
            ) from exc
        seconds = time.perf_counter() - start
        return Run(
            [Path(argv[0]).name, *argv[1:]],
            proc.returncode,
            proc.stdout.decode("utf-8", "replace"),
            proc.stderr.decode("utf-8", "replace"),
            seconds,
        )

    def ok(self, program: str, *args: str | Path, env: dict[str, str] | None = None) -> Run:
        result = self.run(program, *args, env=env)
        if result.returncode != 0:
            raise CheckFailed(result.describe())
        return result

    def cli(self, *args: str | Path) -> Run:
        return self.ok("jianan-desk-cli", *args)

    def command_available(self, command: str) -> bool:
        return self.run("jianan-desk-cli", command, "--help").returncode == 0

    # ------------------------------------------------------------------ reporting

    def step(self, title: str, func: Callable[[], str]) -> None:
        try:
            detail = func()
        except Skipped as exc:
            self.results.append(("SKIP", title, str(exc)))
            print(f"SKIP  {title}: {exc}", flush=True)
        except CheckFailed as exc:
            self.results.append(("FAIL", title, str(exc)))
            print(f"FAIL  {title}: {exc}", flush=True)
        except Exception as exc:  # a bug in a check is a failure too, never a crash
            self.results.append(("FAIL", title, f"{type(exc).__name__}: {exc}"))
            print(f"FAIL  {title}: {type(exc).__name__}: {exc}", flush=True)
        else:
            self.results.append(("PASS", title, detail))
            print(f"PASS  {title}: {detail}", flush=True)


# ---------------------------------------------------------------------- helpers


def expect(condition: bool, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


def project_version() -> str:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return str(config["project"]["version"])


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def user_data_dir(home: Path) -> Path:
    """Where platformdirs puts jianan-desk's data for an empty profile (see paths.py)."""
    if sys.platform == "win32":
        return home / "AppData" / "Local" / "jianan" / "jianan-desk"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / "jianan-desk"
    return home / ".local" / "share" / "jianan-desk"


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:32]
    expect(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG")
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def load_spec_data():  # noqa: ANN201 - a module
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "jianan_spec_data", ROOT / "packaging" / "spec_data.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# ---------------------------------------------------------------------- the checks


def check_layout(c: Checker) -> str:
    for name in ("jianan-desk", "jianan-desk-cli"):
        expect(c.exe(name).is_file(), f"{c.exe(name)} is missing")
    internal = c.bundle / "_internal"
    expect(internal.is_dir(), "_internal/ is missing")
    size = folder_size(c.bundle)
    mb = size / 1024 / 1024
    c.timings["bundle_mb"] = mb
    expect(mb <= MAX_BUNDLE_MB, f"bundle is {mb:.0f} MB, more than {MAX_BUNDLE_MB} MB")
    return f"two programs + _internal/, {mb:.0f} MB (limit {MAX_BUNDLE_MB} MB)"


def check_data_files(c: Checker) -> str:
    spec_data = load_spec_data()
    internal = c.bundle / "_internal"
    missing = []
    count = 0
    for source, dest in spec_data.resource_datas(ROOT) + spec_data.migration_datas(ROOT):
        count += 1
        if not (internal / dest / Path(source).name).is_file():
            missing.append(f"{dest}/{Path(source).name}")
    expect(not missing, f"not in the bundle: {', '.join(missing)}")
    versions = sorted(p.name for p in (internal / "db" / "versions").glob("*.py"))
    expect(any(v[0].isdigit() for v in versions), "no migration scripts in db/versions")
    licences = internal / "licences"
    expect((licences / "LGPL-3.0.txt").is_file(), "licences/LGPL-3.0.txt missing")
    folders = sorted(spec_data.resource_folders(ROOT))
    return (
        f"{count} files of resources/ ({', '.join(folders)}) and db/ "
        f"({len(versions) - 1} migrations) are in _internal/, licence texts in licences/"
    )


def check_qt(c: Checker) -> str:
    qt = c.bundle / "_internal" / "PySide6" / "Qt"
    if sys.platform == "win32":
        qt = c.bundle / "_internal" / "PySide6"
    plugins = qt / "plugins"
    names = {p.relative_to(plugins).as_posix().lower() for p in plugins.rglob("*") if p.is_file()}

    def has(folder: str, stem: str) -> bool:
        return any(n.startswith(folder + "/") and stem in n.split("/")[-1] for n in names)

    wanted = [("platforms", "offscreen"), ("imageformats", "qpdf"), ("imageformats", "qsvg")]
    wanted += [("iconengines", "svg")]
    if sys.platform == "win32":
        wanted += [("platforms", "qwindows"), ("styles", "modernwindows")]
    elif sys.platform.startswith("linux"):
        wanted += [("platforms", "xcb"), ("platforms", "wayland"), ("printsupport", "cups")]
    missing = [f"{f}/*{s}*" for f, s in wanted if not has(f, s)]
    expect(not missing, f"Qt plugins missing: {', '.join(missing)}")

    everything = {p.name.lower() for p in (c.bundle / "_internal").rglob("*") if p.is_file()}
    needed_modules = ("qtcharts", "qtpdf", "qtpdfwidgets", "qtprintsupport")
    absent = [m for m in needed_modules if not any(n.startswith(m + ".") for n in everything)]
    expect(not absent, f"PySide6 modules missing: {', '.join(absent)}")
    unwanted = ("webengine", "qt63d", "qt6quick", "qt6qml", "multimedia", "qt6virtualkeyboard")
    present = sorted(n for n in everything if any(u in n for u in unwanted))
    expect(not present, f"unused Qt modules bundled: {', '.join(present[:10])}")
    return (
        f"plugins {', '.join(f'{f}/{s}' for f, s in wanted)}; QtCharts, QtPdf, QtPdfWidgets, "
        "QtPrintSupport present; no WebEngine, Qt3D, Quick/QML, Multimedia"
    )


def check_linked_libraries(c: Checker) -> str:
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        raise Skipped("ldd is Linux only")
    internal = c.bundle / "_internal"
    bundled_prefixes = ("libqt6", "libicu", "libpyside6", "libshiboken6", "libpython")
    broken: list[str] = []
    system_missing: set[str] = set()
    count = 0
    for path in sorted(internal.rglob("*.so*")):
        if not path.is_file() or path.is_symlink():
            continue
        count += 1
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False).stdout
        for line in out.splitlines():
            if "not found" not in line:
                continue
            lib = line.split("=>")[0].strip()
            if lib.lower().startswith(bundled_prefixes) or (internal / lib).exists():
                broken.append(f"{path.relative_to(internal)} → {lib}")
            else:
                system_missing.add(lib)
    expect(not broken, "bundled libraries not found: " + "; ".join(broken[:10]))
    note = ""
    if system_missing:
        note = (
            f"; not on this machine (taken from the user's system, e.g. for the xcb "
            f"platform): {', '.join(sorted(system_missing))}"
        )
    return f"{count} shared objects resolve every Qt/Python library inside the bundle{note}"


def check_glibc(c: Checker) -> str:
    """The newest glibc symbol version any bundled binary needs: the oldest Linux it runs on."""
    objdump = shutil.which("objdump")
    if not sys.platform.startswith("linux") or objdump is None:
        raise Skipped("objdump on Linux only")
    newest = (0, 0)
    which = ""
    files = [c.exe("jianan-desk"), *sorted((c.bundle / "_internal").rglob("*.so*"))]
    for path in files:
        if not path.is_file() or path.is_symlink():
            continue
        out = subprocess.run([objdump, "-T", str(path)], capture_output=True, text=True).stdout
        for token in re.findall(r"GLIBC_(\d+)\.(\d+)", out):
            version = (int(token[0]), int(token[1]))
            if version > newest:
                newest, which = version, path.name
    return (
        f"needs glibc >= {newest[0]}.{newest[1]} (newest symbol in {which}); "
        "build on the oldest Linux the bundle must run on"
    )


def check_version(c: Checker) -> str:
    version = project_version()
    outputs = []
    for program in ("jianan-desk-cli", "jianan-desk"):
        run = c.ok(program, "--version")
        if program == "jianan-desk" and sys.platform == "win32":
            continue  # a windowed .exe may have no stdout to print to: exit 0 is enough
        outputs.append(run.stdout.strip())
        expect(version in run.stdout, f"{program} --version printed {run.stdout!r}, not {version}")
        c.timings[f"{program} --version s"] = run.seconds
    return f"both programs print {outputs[0]!r} (pyproject version {version})"


def check_default_database(c: Checker) -> str:
    run = c.cli("upgrade")
    expected = user_data_dir(c.home) / "jianan.sqlite"
    expect(expected.is_file(), f"{expected} was not created; output: {run.stdout.strip()}")
    c.cli("check")
    where = expected.relative_to(c.home)
    return f"`upgrade` without --db created {where} under the empty HOME; `check` passes"


def check_demo_data(c: Checker) -> str:
    run = c.cli("demo-data")
    lines = [line.strip() for line in run.stdout.splitlines() if ":" in line]
    return f"demo data written to the default database ({', '.join(lines[:3])} …)"


def check_metrics(c: Checker) -> str:
    run = c.cli("metrics", "--year", "2021", "--format", "json")
    values = json.loads(run.stdout)
    expect(
        values.get("signed_count") == DEMO_SIGNED_COUNT_2021,
        f"signed_count is {values.get('signed_count')}, expected {DEMO_SIGNED_COUNT_2021}",
    )
    count = values["signed_count"]
    # Grouping by the 222 industry system uses the bundled reference data.
    run = c.cli("metrics", "--year", "2021", "--by", "industry", "--format", "json")
    groups = json.loads(run.stdout)
    total = sum(g["metrics"]["signed_count"] for g in groups)
    expect(len(groups) > 1, f"--by industry gave {len(groups)} groups")
    expect(total == count, f"--by industry sums to {total} signed projects, not {count}")
    return (
        f"metrics --year 2021 --format json: signed_count {count}, {len(values)} keys; "
        f"--by industry: {len(groups)} industries ({groups[0]['group']} …) summing to {total}"
    )


def check_screenshot(c: Checker) -> str:
    target = c.work / "截图" / "out.png"
    c.ok("jianan-desk", "--screenshot", target)
    expect(target.is_file() and target.stat().st_size > 5000, f"{target} missing or tiny")
    width, height = png_size(target)
    expect((width, height) == (1280, 800), f"screenshot is {width}×{height}, expected 1280×800")
    shutil.copy(target, c.bundle.parent / "dist-check-screenshot.png")
    size = target.stat().st_size
    return (
        f"GUI --screenshot wrote a {width}×{height} PNG of {size} bytes "
        "(copy: dist/dist-check-screenshot.png)"
    )


def check_start_time(c: Checker) -> str:
    times = []
    for _ in range(3):
        run = c.ok("jianan-desk", env=c.env(JIANAN_EXIT_AFTER_SHOWN="1"))
        times.append(run.seconds)
    median = statistics.median(times)
    c.timings["frozen start to window shown s (median of 3)"] = median
    shown = ", ".join(f"{t:.2f}" for t in times)
    return f"GUI started on the demo database, window shown in {median:.2f} s (runs: {shown} s)"


def check_report(c: Checker) -> str:
    if not c.command_available("report"):
        raise Skipped("command not available yet (`report --help` fails)")
    target = c.work / "签约汇总 2021.pdf"
    c.cli("report", "signing", "--from", "2021-01-01", "--to", "2021-12-31", "-o", target)
    expect(target.is_file(), f"{target.name} was not written")
    data = target.read_bytes()
    expect(data.startswith(b"%PDF") and len(data) > 2000, f"{target.name} is not a PDF")
    detail = f"report signing wrote {target.name} ({len(data)} bytes)"
    pdffonts = shutil.which("pdffonts")
    if pdffonts:
        out = subprocess.run([pdffonts, str(target)], capture_output=True, text=True).stdout
        rows = out.splitlines()[2:]
        not_embedded = [r for r in rows if len(r.split()) >= 5 and r.split()[-5] != "yes"]
        expect(rows and not not_embedded, f"fonts not embedded: {not_embedded or 'no fonts'}")
        detail += f", {len(rows)} fonts, all embedded"
    return detail


def check_export(c: Checker) -> str:
    if not c.command_available("export"):
        raise Skipped("command not available yet (`export --help` fails)")
    target = c.work / "项目清单.xlsx"
    c.cli("export", "--kind", "projects", "-o", target)
    expect(target.is_file(), f"{target.name} was not written")
    with zipfile.ZipFile(target) as book:
        expect("xl/workbook.xml" in book.namelist(), f"{target.name} is not an .xlsx")
    detail = f"export --kind projects wrote {target.name} ({target.stat().st_size} bytes)"
    try:
        import openpyxl
    except ImportError:
        return detail
    sheet = openpyxl.load_workbook(target, read_only=True).worksheets[0]
    rows = sum(1 for _ in sheet.iter_rows())
    expect(rows > 10, f"{target.name} has only {rows} rows")
    return detail + f", {rows} rows in the first sheet"


def check_old_schemas(c: Checker) -> str:
    snapshots = sorted((ROOT / "tests" / "data").glob("schema_*.sqlite"))
    expect(bool(snapshots), "no tests/data/schema_*.sqlite")
    done = []
    for snapshot in snapshots:
        folder = c.work / f"旧版本 {snapshot.stem}"
        folder.mkdir()
        db = folder / snapshot.name
        shutil.copy(snapshot, db)
        run = c.cli("--db", db, "upgrade")
        backups = sorted(folder.glob(f"{db.stem}.backup-*{db.suffix}"))
        expect(bool(backups), f"no backup next to {db.name}; output: {run.stdout.strip()}")
        c.cli("--db", db, "check")
        done.append(f"{snapshot.name} → backup {backups[0].name}")
    return "upgraded in place, backup written, `check` passes: " + "; ".join(done)


def check_chinese_names(c: Checker) -> str:
    folder = c.work / "招商 数据"
    folder.mkdir()
    db = folder / "招商数据.sqlite"
    c.cli("--db", db, "upgrade")
    c.cli("--db", db, "demo-data")
    values = json.loads(c.cli("--db", db, "metrics", "--year", "2021", "--format", "json").stdout)
    expect(
        values.get("signed_count") == DEMO_SIGNED_COUNT_2021, "metrics differ on 招商数据.sqlite"
    )
    backup = folder / "备份 2021.sqlite"
    c.cli("--db", db, "backup", "-o", backup)
    expect(backup.is_file(), f"{backup} missing")
    c.cli("--db", backup, "check")
    shot = folder / "首页.png"
    c.ok("jianan-desk", "--db", db, "--screenshot", shot)
    png_size(shot)
    name = f"{folder.name}/{db.name}"
    return f"'{name}': upgrade, demo-data, metrics, backup to '{backup.name}', screenshot"


def check_moved_bundle(c: Checker) -> str:
    """Users unpack the folder anywhere, e.g. 桌面/建安 招商台: run a copy from such a folder."""
    target = c.work / "桌面" / "建安 招商台"
    shutil.copytree(c.bundle, target, symlinks=True)
    moved = Checker(bundle=target, work=c.work, home=c.home)
    try:
        db = c.work / "移动后.sqlite"
        moved.cli("--db", db, "upgrade")
        moved.cli("--db", db, "check")
        shot = c.work / "移动后.png"
        moved.ok("jianan-desk", "--db", db, "--screenshot", shot)
        png_size(shot)
    finally:
        shutil.rmtree(target.parent, ignore_errors=True)
    where = target.relative_to(c.work)
    return f"a copy in '{where}' creates and checks a database and takes a screenshot"


def check_no_internal_errors(c: Checker) -> str:
    log = user_data_dir(c.home) / "logs" / "jianan-desk.log"
    if log.is_file() and log.stat().st_size:
        raise CheckFailed(
            f"internal errors were logged:\n{log.read_text(encoding='utf-8')[-3000:]}"
        )
    return "no internal error was logged"


STEPS: Sequence[tuple[str, Callable[[Checker], str]]] = (
    ("bundle layout and size", check_layout),
    ("resources and migrations bundled", check_data_files),
    ("Qt plugins and modules", check_qt),
    ("shared libraries resolve", check_linked_libraries),
    ("oldest Linux it runs on", check_glibc),
    ("--version", check_version),
    ("database created in the user-data dir", check_default_database),
    ("demo-data", check_demo_data),
    ("metrics", check_metrics),
    ("--screenshot", check_screenshot),
    ("GUI start time", check_start_time),
    ("signing-summary PDF", check_report),
    ("Excel export", check_export),
    ("upgrade of previous schema versions", check_old_schemas),
    ("Chinese file and folder names", check_chinese_names),
    ("program in a Chinese folder", check_moved_bundle),
    ("log file", check_no_internal_errors),
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=ROOT / "dist" / "jianan-desk")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args(argv)
    bundle = args.bundle.resolve()
    if not bundle.is_dir():
        print(f"FAIL  no bundle at {bundle}: run `make dist` first")
        return 1

    base = Path(tempfile.mkdtemp(prefix="jianan-dist-check-"))
    home = base / "home"
    work = base / "work"
    home.mkdir()
    work.mkdir()
    checker = Checker(bundle=bundle, work=work, home=home)
    print(f"dist-check: {bundle}")
    print(f"dist-check: clean environment {checker.env()}, working folder {work}")
    try:
        for title, func in STEPS:
            checker.step(title, lambda func=func: func(checker))
    finally:
        if args.keep:
            print(f"dist-check: kept {base}")
        else:
            shutil.rmtree(base, ignore_errors=True)

    print("dist-check: measurements")
    for name, value in checker.timings.items():
        print(f"  {name}: {value:.2f}")
    counts = {s: sum(1 for r in checker.results if r[0] == s) for s in ("PASS", "FAIL", "SKIP")}
    print(f"dist-check: {counts['PASS']} passed, {counts['FAIL']} failed, {counts['SKIP']} skipped")
    return 1 if counts["FAIL"] else 0


if __name__ == "__main__":
    sys.exit(main())
