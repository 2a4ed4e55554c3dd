"""The 设置 page: preferences, backups, sync and reference data (placeholder for now)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jianan_desk.ui.pages.base import PageContext, PlaceholderPage


class SettingsPage(PlaceholderPage):
    page_id = "settings"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_placeholder(
            self.tr("设置"),
            self.tr(
                "界面字体与字号、数据库备份与同步，以及产业体系、责任单位等基础数据将在这里设置。"
            ),
            self.tr("设"),
        )
