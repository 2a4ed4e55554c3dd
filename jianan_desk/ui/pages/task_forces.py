"""The 专班与问题 page: task forces and problem ledgers of key projects (placeholder for now)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jianan_desk.ui.pages.base import PageContext, PlaceholderPage


class TaskForcesPage(PlaceholderPage):
    page_id = "task_forces"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_placeholder(
            self.tr("专班与问题"),
            self.tr(
                "重点项目专班的成员分工，以及各项目问题台账的提出、交办与办结进度将在这里跟踪。"
            ),
            self.tr("专"),
        )
