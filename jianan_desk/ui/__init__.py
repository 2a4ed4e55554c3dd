"""The Qt user interface. Importing it applies the PySide6 workaround below first.

PySide6 6.12.0 on CPython 3.11 drops a reference to None on every void Qt call (see
``ui/widgets/none_refcount.py``); without the cushion a long session aborts with
"none_dealloc". Every GUI entry point and every GUI test imports this package.
"""

from jianan_desk.ui.widgets.none_refcount import keep_none_alive

keep_none_alive()
