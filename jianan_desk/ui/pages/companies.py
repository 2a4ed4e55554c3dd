"""The 客商 page: investor companies, their contacts and visits (placeholder for now)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jianan_desk.ui.pages.base import PageContext, PlaceholderPage


class CompaniesPage(PlaceholderPage):
    page_id = "companies"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_placeholder(
            self.tr("客商"),
            self.tr(
                "本地企业与外地目标企业的档案、联系人，以及每一次拜访和洽谈的记录将集中在这里。"
            ),
            self.tr("客"),
        )
