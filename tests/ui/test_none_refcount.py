"""Guard for the PySide6 6.12 / Python 3.11 None-refcount bug (see ui/widgets/none_refcount)."""

import subprocess
import sys


def test_many_void_qt_calls_do_not_kill_the_process():
    code = (
        "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import jianan_desk.ui\n"
        "from PySide6.QtWidgets import QApplication, QLabel\n"
        "app = QApplication([]); label = QLabel()\n"
        "for _ in range(50_000): label.setText('x')\n"
        "print('ok')\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr[-500:]
    assert r.stdout.strip() == "ok"
