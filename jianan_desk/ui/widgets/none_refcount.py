"""Work around PySide6 6.12 on Python 3.11: every void Qt method call loses a reference to None.

Measured here (PySide6 6.12.0, CPython 3.11.7): ``label.setText("x")`` 1,000 times lowers
``sys.getrefcount(None)`` by 1,000; so does every setter of QtCore, QtWidgets and QtCharts
tried. The bindings return ``Py_None`` without a new reference, which is harmless only where
None is immortal (Python 3.12+, PEP 683). On 3.11 None starts with about 31,000 references
in this program and one refresh of the 首页 costs about 640 of them: after some dozens of
refreshes None is "deallocated" and the process aborts ("none_dealloc") or crashes in the
garbage collector, far from the cause.

``keep_none_alive()`` gives None a reference count it cannot use up (2**40), as Python 3.12
does for immortal objects. It does nothing on 3.12 and later, and is idempotent. It belongs
at start-up (``app``) and in the test configuration; it is also called when the dashboard's
widgets are imported, because they make most of the calls.
"""

from __future__ import annotations

import ctypes
import sys

CUSHION = 1 << 40
_done = False


def keep_none_alive() -> None:
    global _done
    if _done or sys.version_info >= (3, 12):
        return
    ctypes.c_ssize_t.from_address(id(None)).value += CUSHION
    _done = True
