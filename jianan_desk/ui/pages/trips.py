"""The 外出招商 page: outbound trips, members, visits and outcomes (placeholder for now)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from jianan_desk.ui.pages.base import PageContext, PlaceholderPage


class TripsPage(PlaceholderPage):
    page_id = "trips"

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.set_placeholder(
            self.tr("外出招商"),
            self.tr(
                "外出招商活动的行程、随行人员、拜访企业与取得的成果将在这里记录，出差途中离线也可使用。"
            ),
            self.tr("行"),
        )
