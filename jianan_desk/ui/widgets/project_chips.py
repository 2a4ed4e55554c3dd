"""Removable chips showing the active criteria of a project filter.

Signals:
    removed(str): the key of the chip whose ✕ was clicked (a ``ProjectFilter`` field name,
        or ``field:value`` for one value of a multi-valued criterion).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget


class ChipBar(QWidget):
    removed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("projectChips")
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6)
        self._empty = QLabel(self.tr("未设筛选条件"), self)
        self._empty.setObjectName("chipsEmpty")
        self._layout.addWidget(self._empty)
        self._layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(30)
        self.setStyleSheet(
            "QToolButton#chip { border: 1px solid palette(mid); border-radius: 12px;"
            " padding: 2px 10px; background: palette(base); }"
            "QToolButton#chip:hover { border-color: palette(highlight); }"
            "QLabel#chipsEmpty { color: palette(mid); }"
        )
        self.chips: list[QToolButton] = []

    def set_chips(self, chips: list[tuple[str, str]]) -> None:
        """``[(key, text)]``: one chip each, in order."""
        for chip in self.chips:
            self._layout.removeWidget(chip)
            chip.hide()
            chip.deleteLater()
        self.chips = []
        for n, (key, text) in enumerate(chips):
            chip = QToolButton(self)
            chip.setObjectName("chip")
            chip.setText(f"{text}  ✕")
            chip.setToolTip(self.tr("移除此条件"))
            chip.setCursor(Qt.CursorShape.PointingHandCursor)
            chip.setProperty("chipKey", key)
            chip.clicked.connect(lambda _=False, k=key: self.removed.emit(k))
            self._layout.insertWidget(1 + n, chip)
            self.chips.append(chip)
        self._empty.setVisible(not chips)
