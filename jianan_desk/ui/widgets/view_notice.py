"""A muted sentence drawn over an item view's empty viewport: "no project matches", etc.

A table with no rows otherwise shows only its header, and a user cannot tell an empty
result from a list still loading or a broken filter. The notice covers the viewport (it
follows its size), lets mouse events through to the view (the header menu, a double-click
on the empty area keep working) and is hidden whenever rows are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel

from jianan_desk.ui.style import muted_text


class ViewNotice(QLabel):
    """Centred, word-wrapped, muted text over ``view``'s viewport; hidden until ``show_text``."""

    def __init__(self, view: QAbstractItemView) -> None:
        viewport = view.viewport()
        super().__init__(viewport)
        self.setObjectName("viewNotice")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWordWrap(True)
        self.setMargin(24)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(f"QLabel#viewNotice {{ color: {muted_text(self.palette()).name()}; }}")
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        self.setGeometry(viewport.rect())
        viewport.installEventFilter(self)
        self.hide()

    def show_text(self, text: str) -> None:
        self.setText(text)
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self.setGeometry(self.parentWidget().rect())
        return False
