"""The 项目库 page: both families of projects and their pipeline (placeholder for now)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jianan_desk.ui.pages.base import PageContext, PlaceholderPage


class ProjectsPage(PlaceholderPage):
    page_id = "projects"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_placeholder(
            self.tr("项目库"),
            self.tr(
                "招商引资项目与重点项目的台账：所处阶段、投资额、责任单位与推进记录都将在这里管理。"
            ),
            self.tr("项"),
        )
