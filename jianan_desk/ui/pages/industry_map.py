"""The 招商图谱 page: industry-chain maps of the 222 system (placeholder for now)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jianan_desk.ui.pages.base import PageContext, PlaceholderPage


class IndustryMapPage(PlaceholderPage):
    page_id = "industry_map"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_placeholder(
            self.tr("招商图谱"),
            self.tr(
                "按“222”现代产业体系展示各产业链上中下游环节、本地企业、强链补链延链状态和目标企业清单。"
            ),
            self.tr("图"),
        )
