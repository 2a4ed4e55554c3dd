"""What ``build.spec`` bundles, computed in one place that the spec and the unit tests share.

Plain Python (no PyInstaller import), so that ``tests/unit/test_build_spec.py`` can check the
lists without building anything. Everything is computed from the checkout at build time:
a font, a reference file or a migration that another engineer adds later is shipped without
editing the spec.

Layout inside the bundle (``sys._MEIPASS``, the ``_internal`` folder of the one-folder app),
as ``jianan_desk.resources`` expects it:

* ``resources/…`` — every file under the checkout's ``resources/`` (fonts with their licences,
  reference data, icons, ``licences.md``), sub-folders kept;
* ``db/…`` — the Alembic environment and versions as *source* ``.py`` files: Alembic loads
  them from the folder, PyInstaller never sees them as modules;
* ``licences/…`` — the licence files of the bundled Python distributions (from their
  ``.dist-info``) and the LGPL/GPL texts for Qt, for the LGPL's "give the licence" duty.
"""

from __future__ import annotations

import ast
import importlib.util
import tomllib
from collections.abc import Callable, Iterable, Iterator
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Never shipped: byte code, editor and OS litter, the packages' own __init__.py (the bundle
# finds resources/ and db/ as folders under sys._MEIPASS, not as packages).
SKIP_DIRS = {"__pycache__", ".git", ".mypy_cache", ".pytest_cache"}
SKIP_SUFFIXES = {".pyc", ".pyo", ".orig", ".rej", ".swp"}
SKIP_NAMES = {".DS_Store", "Thumbs.db", "desktop.ini", ".gitkeep"}

# Runtime distributions whose licence files go into licences/ (the main libraries the
# About dialog names, and what they pull in).
LICENSED_DISTRIBUTIONS = (
    "PySide6_Essentials",
    "PySide6_Addons",
    "shiboken6",
    "SQLAlchemy",
    "alembic",
    "Mako",
    "MarkupSafe",
    "openpyxl",
    "et_xmlfile",
    "reportlab",
    "pillow",
    "platformdirs",
    "pypinyin",
    "python-calamine",
    "typing_extensions",
    "greenlet",
    "charset-normalizer",
)
LICENCE_FILE_PREFIXES = ("licen", "copying", "notice", "authors")

# Qt modules the program uses and whose plugins must be collected even before the code
# that imports them lands: print support, the PDF viewer (report preview), charts
# (dashboard), SVG (icons). Qt's platforms, imageformats, styles… come with QtGui/QtWidgets.
QT_HIDDEN_IMPORTS = (
    "PySide6.QtPrintSupport",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtCharts",
    "PySide6.QtSvg",
)

# Qt modules (and big Python packages) the program never uses: kept out so that the folder
# stays small. QtCharts, QtPdf, QtPdfWidgets, QtPrintSupport and QtSvg are used. The Python
# bindings of QtOpenGL (8.5 MB) are not needed to import QtCharts; the Qt OpenGL libraries
# that QtCharts links to are still bundled. Pillow is there for reportlab's images: its
# AVIF, WebP, colour-management, FreeType and Tk parts are not (Pillow imports them lazily
# and reportlab reads PNG and JPEG without them).
EXCLUDES = (
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PIL._avif",
    "PIL._webp",
    "PIL._imagingcms",
    "PIL._imagingft",
    "PIL._imagingtk",
    "PIL.ImageQt",
    "PIL.ImageTk",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DExtras",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DRender",
    "PySide6.QtAxContainer",
    "PySide6.QtBluetooth",
    "PySide6.QtCanvasPainter",
    "PySide6.QtDataVisualization",
    "PySide6.QtDesigner",
    "PySide6.QtGraphs",
    "PySide6.QtGraphsWidgets",
    "PySide6.QtHelp",
    "PySide6.QtHttpServer",
    "PySide6.QtLocation",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtNetworkAuth",
    "PySide6.QtNfc",
    "PySide6.QtPositioning",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtSensors",
    "PySide6.QtSerialBus",
    "PySide6.QtSerialPort",
    "PySide6.QtSpatialAudio",
    "PySide6.QtSql",
    "PySide6.QtStateMachine",
    "PySide6.QtTest",
    "PySide6.QtTextToSpeech",
    "PySide6.QtUiTools",
    "PySide6.QtWebChannel",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebSockets",
    "PySide6.QtWebView",
    "PySide6.scripts",
    "tkinter",
    "_tkinter",
    "pytest",
    "pytestqt",
    "hypothesis",
    "IPython",
    "numpy",
    "psycopg",
    "PyInstaller",
)

# Qt's own translations: only Chinese (standard dialogs, context menus) and English.
QT_TRANSLATION_LOCALES = ("zh_CN", "zh_TW", "en")


def pyproject(root: Path = ROOT) -> dict:
    return tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))


def project_name_version(root: Path = ROOT) -> tuple[str, str]:
    """The ``[project]`` name and version (the spec names the app and its folder by them)."""
    project = pyproject(root)["project"]
    return str(project["name"]), str(project["version"])


def _shipped_files(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        rel = path.relative_to(folder)
        if any(part in SKIP_DIRS for part in rel.parts[:-1]) or path.name in SKIP_DIRS:
            continue
        if not path.is_file() or path.suffix in SKIP_SUFFIXES or path.name in SKIP_NAMES:
            continue
        yield path


def _tree(root: Path, folder: str, *, skip_top_init: bool = True) -> list[tuple[str, str]]:
    """``(source file, destination folder)`` for every shipped file under ``root/folder``."""
    base = root / folder
    datas = []
    for path in _shipped_files(base):
        rel = path.relative_to(base)
        if skip_top_init and rel == Path("__init__.py"):
            continue
        dest = Path(folder, *rel.parts[:-1]).as_posix()
        datas.append((str(path), dest))
    return datas


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every file under ``resources/`` → ``resources/<same sub-folder>``."""
    return _tree(root, "resources")


def migration_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """The Alembic folder as source files: env.py, script.py.mako, versions/*.py."""
    return _tree(root, "db")


def resource_folders(root: Path = ROOT) -> set[str]:
    """Folders under ``resources/`` (``resources/fonts`` …) that hold at least one shipped file."""
    base = root / "resources"
    return {
        Path("resources", *path.relative_to(base).parts[:-1]).as_posix()
        for path in _shipped_files(base)
        if path.parent != base
    }


def licence_datas() -> list[tuple[str, str]]:
    """Licence files of the bundled distributions → ``licences/<distribution>/``."""
    datas: list[tuple[str, str]] = []
    for name in LICENSED_DISTRIBUTIONS:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        for file in dist.files or ():
            if not file.name.lower().startswith(LICENCE_FILE_PREFIXES):
                continue
            if ".dist-info" not in str(file):
                continue
            source = Path(str(dist.locate_file(file)))
            if source.is_file():
                datas.append((str(source), f"licences/{dist.metadata['Name']}"))
    for text in sorted((ROOT / "packaging" / "licences").glob("*.txt")):
        datas.append((str(text), "licences"))
    return datas


def data_files(root: Path = ROOT) -> list[tuple[str, str]]:
    """The spec's ``datas``: resources, migrations and licences."""
    return resource_datas(root) + migration_datas(root) + licence_datas()


def _imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            for alias in node.names:
                names.add(f"{node.module}.{alias.name}")
    return names


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError, AttributeError):
        return False


def migration_hidden_imports(root: Path = ROOT) -> list[str]:
    """Modules the migration scripts import: Alembic loads those scripts at run time from
    ``db/``, so PyInstaller's analysis never sees their imports."""
    names: set[str] = set()
    for source, _dest in migration_datas(root):
        if source.endswith(".py"):
            names |= _imports_of(Path(source))
    return sorted(name for name in names if _is_module(name))


def app_modules(root: Path = ROOT) -> list[str]:
    """Every module of the program itself. Pages are imported by name when they are built
    (``importlib.import_module``), which PyInstaller's analysis cannot follow; without them a
    frozen program stops at its first page."""
    package = root / "jianan_desk"
    names = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(root).with_suffix("")
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        names.append(".".join(parts))
    return names


def hidden_imports(root: Path = ROOT) -> list[str]:
    qt = [name for name in QT_HIDDEN_IMPORTS if _is_module(name)]
    return sorted(set(migration_hidden_imports(root)) | set(qt) | set(app_modules(root)))


def keep_qt_translation(dest: str) -> bool:
    """False for a Qt translation (``…/translations/qtbase_de.qm``) in a locale we don't ship."""
    parts = Path(dest).parts
    if "translations" not in parts or not dest.endswith(".qm"):
        return True
    stem = Path(dest).stem
    return any(stem.endswith("_" + locale) for locale in QT_TRANSLATION_LOCALES)


def _version_tuple(version: str) -> tuple[int, int, int, int]:
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        digits = ""
        for ch in part:
            if not ch.isdigit():
                break
            digits += ch
        numbers.append(int(digits or 0))
    while len(numbers) < 4:
        numbers.append(0)
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def windows_version_info(name: str, version: str, title: str = "建安招商台") -> str:
    """PyInstaller's text form of a Windows version resource (Chinese PRC, Unicode)."""
    numbers = _version_tuple(version)
    strings = {
        "CompanyName": "许昌市建安区投资促进部门",
        "FileDescription": title,
        "FileVersion": version,
        "InternalName": name,
        "LegalCopyright": "",
        "OriginalFilename": f"{name}.exe",
        "ProductName": title,
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '080404b0',
        [
          {table}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [2052, 1200])])
  ]
)
"""


# Qt plugins the program never needs, by folder or by file (stem without "lib" and suffix):
# embedded-Linux platforms, a QML virtual keyboard (pulls in QtQuick and QtQml), network
# information and TLS backends (the program makes no network connections), the GTK3 theme
# (its GTK libraries are not bundled; mixing the build machine's cairo/pango with the
# user's GTK breaks), raw evdev input. Kept: platforms xcb, wayland, offscreen, minimal,
# windows; imageformats (incl. pdf, svg); iconengines; printsupport (CUPS); styles;
# platformthemes xdgdesktopportal; input contexts ibus and compose.
UNWANTED_PLUGIN_DIRS = frozenset(
    {"egldeviceintegrations", "generic", "networkinformation", "tls", "qmltooling", "sqldrivers"}
)
UNWANTED_PLUGINS = frozenset(
    {
        "qeglfs",
        "qminimalegl",
        "qlinuxfb",
        "qvnc",
        "qvkkhrdisplay",
        "qtvirtualkeyboardplugin",
        "qgtk3",
    }
)


def _plugin_parts(dest: str) -> tuple[str, str] | None:
    """``(plugin folder, plugin stem)`` for a Qt plugin's destination path, else None."""
    parts = [p.lower() for p in Path(dest.replace("\\", "/")).parts]
    if "plugins" not in parts or len(parts) < parts.index("plugins") + 3:
        return None
    index = parts.index("plugins")
    if parts[index - 1] != "qt" and "pyside6" not in parts:
        return None
    stem = parts[-1].split(".")[0]
    stem = stem.removeprefix("lib")
    return parts[index + 1], stem


def is_unwanted_plugin(dest: str) -> bool:
    found = _plugin_parts(dest)
    if found is None:
        return False
    folder, stem = found
    return folder in UNWANTED_PLUGIN_DIRS or stem in UNWANTED_PLUGINS


def _basename(name: str) -> str:
    return name.replace("\\", "/").rsplit("/", 1)[-1].lower()


def prune_binaries(
    binaries: list[tuple[str, str, str]],
    imports_of: Callable[[str], Iterable[str]],
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Drop unwanted Qt plugins and the libraries collected only because of them.

    ``binaries`` is PyInstaller's TOC (dest, source, typecode); ``imports_of(source)`` names
    the libraries a binary links to (PyInstaller's ``bindepend.get_imports``). A library is
    dropped only if an unwanted plugin reaches it and no kept binary does, so nothing that a
    kept module or plugin links to goes away. Returns the kept TOC and the dropped dests.
    """
    by_name: dict[str, tuple[str, str, str]] = {}
    for entry in binaries:
        by_name.setdefault(_basename(entry[0]), entry)

    def closure(roots: Iterable[tuple[str, str, str]]) -> set[str]:
        seen: set[str] = set()
        todo = list(roots)
        while todo:
            _dest, source, _typecode = todo.pop()
            for name in imports_of(source):
                base = _basename(name)
                if base in by_name and base not in seen:
                    seen.add(base)
                    todo.append(by_name[base])
        return seen

    unwanted = [entry for entry in binaries if is_unwanted_plugin(entry[0])]
    candidates = closure(unwanted)
    roots = [
        entry
        for entry in binaries
        if not is_unwanted_plugin(entry[0]) and _basename(entry[0]) not in candidates
    ]
    needed = closure(roots)
    orphans = candidates - needed
    kept, dropped = [], []
    for entry in binaries:
        if is_unwanted_plugin(entry[0]) or _basename(entry[0]) in orphans:
            dropped.append(entry[0])
        else:
            kept.append(entry)
    return kept, sorted(dropped)
