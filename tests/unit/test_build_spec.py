"""build.spec ships every resource folder and the migrations (no PyInstaller needed here).

The spec takes its data list from packaging/spec_data.py; these tests check that list
against the checkout, so that a new resource folder cannot be forgotten, and that the
spec really uses it. ``make dist-check`` then checks the built folder itself.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build.spec"


def load_spec_data():
    spec = importlib.util.spec_from_file_location(
        "jianan_spec_data_test", ROOT / "packaging" / "spec_data.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def spec_data():
    return load_spec_data()


def folders_with_files(base: Path) -> set[str]:
    found = set()
    for path in base.rglob("*"):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            rel = path.parent.relative_to(ROOT).as_posix()
            if rel != "resources":
                found.add(rel)
    return found


def test_spec_is_valid_python_and_uses_the_shared_lists():
    text = SPEC.read_text(encoding="utf-8")
    ast.parse(text, filename=str(SPEC))
    assert "spec_data.data_files(ROOT)" in text
    assert "spec_data.hidden_imports(ROOT)" in text
    assert "spec_data.EXCLUDES" in text
    assert "spec_data.project_name_version(ROOT)" in text


def test_data_list_names_every_resource_folder(spec_data):
    destinations = {dest for _source, dest in spec_data.data_files(ROOT)}
    on_disk = folders_with_files(ROOT / "resources")
    assert on_disk, "resources/ has no folders with files?"
    assert on_disk <= destinations, f"not bundled: {sorted(on_disk - destinations)}"
    assert spec_data.resource_folders(ROOT) == on_disk


def test_every_resource_file_is_bundled(spec_data):
    bundled = {
        (ROOT / dest / Path(source).name).resolve()
        for source, dest in spec_data.data_files(ROOT)
        if Path(source).is_relative_to(ROOT / "resources")
        or Path(source).is_relative_to(ROOT / "db")
    }
    expected = {
        path.resolve()
        for path in (ROOT / "resources").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc"
    } - {(ROOT / "resources" / "__init__.py").resolve()}
    assert expected <= bundled, sorted(str(p) for p in expected - bundled)


def test_migrations_are_bundled_as_source(spec_data):
    datas = spec_data.data_files(ROOT)
    pairs = {(Path(source).relative_to(ROOT).as_posix(), dest) for source, dest in datas}
    assert ("db/env.py", "db") in pairs
    assert ("db/script.py.mako", "db") in pairs
    versions = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "db/versions").glob("*.py"))
    assert versions
    for version in versions:
        assert (version, "db/versions") in pairs, version
    assert not any("__pycache__" in source or source.endswith(".pyc") for source, _d in datas)


def test_modules_the_migrations_import_are_hidden_imports(spec_data):
    hidden = set(spec_data.hidden_imports(ROOT))
    assert {"alembic.op", "alembic.context", "sqlalchemy", "jianan_desk.store.models"} <= hidden
    for module in ("PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtCharts"):
        assert module in hidden


def test_used_qt_modules_are_not_excluded(spec_data):
    excluded = set(spec_data.EXCLUDES)
    for used in ("PySide6.QtCharts", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtSvg"):
        assert used not in excluded
    assert {"PySide6.QtWebEngineCore", "PySide6.Qt3DCore", "PySide6.QtQuick"} <= excluded


def test_name_and_version_come_from_pyproject(spec_data):
    assert spec_data.project_name_version(ROOT) == ("jianan-desk", _pyproject_version())


def _pyproject_version() -> str:
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "version"
    ]


def test_unwanted_plugins_and_their_libraries_are_pruned(spec_data):
    toc = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/q/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "/q/libqoffscreen.so", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", "/q/libqeglfs.so", "BINARY"),
        (
            "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
            "/q/vk.so",
            "BINARY",
        ),
        ("PySide6/Qt/lib/libQt6Quick.so.6", "/q/libQt6Quick.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/q/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6EglFSDeviceIntegration.so.6", "/q/eglfs.so", "BINARY"),
        ("PySide6/plugins/styles/qmodernwindowsstyle.dll", "/w/s.dll", "BINARY"),
        ("PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll", "/w/v", "BINARY"),
    ]
    links = {
        "/q/libqxcb.so": ["libQt6Gui.so.6"],
        "/q/libqoffscreen.so": ["libQt6Gui.so.6"],
        "/q/libqeglfs.so": ["libQt6EglFSDeviceIntegration.so.6", "libQt6Gui.so.6"],
        "/q/vk.so": ["libQt6Quick.so.6", "libQt6Gui.so.6"],
        "/q/libQt6Quick.so.6": ["libQt6Gui.so.6"],
    }
    kept, dropped = spec_data.prune_binaries(toc, lambda source: links.get(source, []))
    kept_names = {Path(dest).name for dest, _s, _t in kept}
    assert kept_names == {
        "libqxcb.so",
        "libqoffscreen.so",
        "libQt6Gui.so.6",
        "qmodernwindowsstyle.dll",
    }
    assert len(dropped) == 5


def test_only_chinese_and_english_qt_translations(spec_data):
    keep = spec_data.keep_qt_translation
    assert keep("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert keep("PySide6/Qt/translations/qtbase_en.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert keep("resources/fonts/NotoSansSC-Regular.ttf")


def test_windows_version_resource_is_well_formed(spec_data):
    text = spec_data.windows_version_info("jianan-desk", "1.2.3rc1")
    calls: dict[str, tuple] = {}

    def record(name):
        def make(*args, **kwargs):
            calls.setdefault(name, (args, kwargs))
            return (name, args, kwargs)

        return make

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable")
    namespace = {n: record(n) for n in (*names, "StringStruct", "VarFileInfo", "VarStruct")}
    result = eval(text, namespace)  # the same evaluation PyInstaller does
    assert result[0] == "VSVersionInfo"
    assert calls["FixedFileInfo"][1]["filevers"] == (1, 2, 3, 0)
    assert "jianan-desk.exe" in text
    assert "建安招商台" in text


def test_packaging_folder_is_not_a_package():
    # PyPI's `packaging` (used by pip and PyInstaller) must not be shadowed by our folder.
    assert not (ROOT / "packaging" / "__init__.py").exists()


def test_every_page_module_is_a_hidden_import(spec_data):
    """Pages are imported by name at run time; the bundle must carry them all."""
    from jianan_desk.ui.pages import PAGES

    hidden = set(spec_data.hidden_imports())
    for spec in PAGES:
        module = "jianan_desk.ui.pages." + spec.class_path.split(":")[0]
        assert module in hidden, module
