"""Nothing outside ui/ and app.py may import Qt (architecture rule 1)."""

import subprocess
import sys
from pathlib import Path

import jianan_desk

PACKAGE = Path(jianan_desk.__file__).parent
NON_UI = ["domain", "store", "services", "excel", "reports", "sync"]


def non_ui_modules():
    for folder in NON_UI:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            rel = path.relative_to(PACKAGE.parent).with_suffix("")
            yield ".".join(rel.parts).removesuffix(".__init__")
    yield "jianan_desk.cli"
    yield "jianan_desk.paths"
    yield "jianan_desk.resources"
    yield "jianan_desk.settings"
    yield "jianan_desk.logs"


def test_non_ui_packages_import_without_qt():
    modules = list(non_ui_modules())
    script = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6' or name.startswith('PySide6.'):\n"
        "            raise ImportError('Qt imported below ui: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"for m in {modules!r}:\n"
        "    importlib.import_module(m)\n"
        "print('ok', len(sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "ok" in result.stdout
