"""The 报表 page: printable reports and exports (placeholder for now)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jianan_desk.ui.pages.base import PageContext, PlaceholderPage


class ReportsPage(PlaceholderPage):
    page_id = "reports"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_placeholder(
            self.tr("报表"),
            self.tr(
                "签约项目汇总、目标进度、周例会简报等报表将在这里生成，并可导出为 PDF 和 Excel。"
            ),
            self.tr("报"),
        )
