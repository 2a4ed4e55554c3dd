"""The 设置 page: sections stacked in a scroll area, one per concern.

Today it has 备份与恢复 (``widgets.backup_section``). Another section is a widget handed to
``add_section``; the page keeps them in order, with a stretch at the bottom.
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from jianan_desk.ui.hub import Hub
from jianan_desk.ui.pages.base import Page, PageContext


class SettingsPage(Page):
    page_id = "settings"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        from jianan_desk.ui.widgets.backup_section import BackupSection

        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)
        body = QWidget(scroll)
        scroll.setWidget(body)
        self.sections_layout = QVBoxLayout(body)
        self.sections_layout.setContentsMargins(24, 20, 24, 20)
        self.sections_layout.setSpacing(16)
        title = QLabel(self.tr("设置"), body)
        title.setObjectName("pageTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.sections_layout.addWidget(title)
        self.sections_layout.addStretch(1)
        self.backup_section = BackupSection(context.db, context.hub, parent=body)
        self.add_section(self.backup_section)
        context.hub.changed.connect(self._changed)

    def add_section(self, widget: QWidget) -> None:
        """Append a section (a QGroupBox, usually) above the bottom stretch."""
        self.sections_layout.insertWidget(self.sections_layout.count() - 1, widget)

    def _changed(self, what: str) -> None:
        if Hub.concerns(what):
            self.backup_section.reload()
