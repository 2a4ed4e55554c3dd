"""季度考评 from the 首页: the ranking table, the weights, exports."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt, QThreadPool

from jianan_desk.services.ranking import DEFAULT_WEIGHTS, ranking_weights
from jianan_desk.store.models import Project, ProjectStageEvent, Unit
from jianan_desk.ui.dialogs.ranking import RankingDialog
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.models.ranking import RankingModel

pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")

D = dt.date


@pytest.fixture(autouse=True)
def _no_work_left_behind() -> Iterator[None]:
    yield
    QThreadPool.globalInstance().waitForDone()


@pytest.fixture
def ranked_db(db):
    with db.session() as s:
        unit = Unit(name="考评甲镇", kind="township", sort_order=-1)
        s.add(unit)
        s.flush()
        p = Project(name="甲镇项目", total_investment_wan=Decimal(50000), unit_id=unit.id)
        s.add(p)
        s.flush()
        s.add(ProjectStageEvent(project_id=p.id, stage="signed", occurred_on=D(2022, 2, 1)))
    return db


def open_dialog(qtbot, db, hub=None, year=2022, quarter=1) -> RankingDialog:
    dialog = RankingDialog(db, hub or Hub(), year, quarter)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loads >= 1 and not dialog.loading, timeout=15000)
    return dialog


def test_the_ranking_table(qtbot, ranked_db, qtmodeltester):
    dialog = open_dialog(qtbot, ranked_db)
    model = dialog.model
    assert model.rowCount() > 1
    assert model.columnCount() == RankingModel.FIXED + 2 * len(DEFAULT_WEIGHTS)
    assert model.index(0, RankingModel.UNIT).data() == "考评甲镇"
    assert model.index(0, RankingModel.RANK).data() == "1"
    assert model.index(0, RankingModel.SCORE).data() == "50.00"  # count and amount: 20 + 30
    assert model.headerData(3, Qt.Orientation.Horizontal) == "签约项目数\n（个）"
    assert "2022年1—3月累计" in dialog.ui.spanLabel.text()
    assert dialog.ui.excelButton.isEnabled() and dialog.ui.pdfButton.isEnabled()
    qtmodeltester.check(model)
    # Another quarter recomputes.
    loads = dialog.loads
    dialog.ui.quarterCombo.setCurrentIndex(3)
    qtbot.waitUntil(lambda: dialog.loads > loads and not dialog.loading, timeout=15000)
    assert dialog.model.ranking is not None and dialog.model.ranking.quarter == 4


def test_weights_are_edited_saved_and_announced(qtbot, ranked_db):
    hub = Hub()
    dialog = open_dialog(qtbot, ranked_db, hub)
    weights = dialog.weights_dialog()
    qtbot.addWidget(weights)
    assert weights.weights() == DEFAULT_WEIGHTS
    for spin in weights.spins.values():
        spin.setValue(0)
    assert not weights.save_button.isEnabled() and "至少" in weights.ui.sumLabel.text()
    weights.spins["signed_count"].setValue(2)
    weights.spins["started_count"].setValue(2)
    assert weights.save_button.isEnabled() and "50%" in weights.ui.sumLabel.text()
    loads = dialog.loads
    with qtbot.waitSignal(hub.changed) as announced:
        assert dialog.save_weights(weights.weights())
    assert announced.args == [Hub.TARGETS]
    qtbot.waitUntil(lambda: dialog.loads > loads and not dialog.loading, timeout=15000)
    assert dialog.model.columnCount() == RankingModel.FIXED + 4
    with ranked_db.session(readonly=True) as s:
        assert ranking_weights(s) == {"signed_count": 2, "started_count": 2}
    weights.restore_defaults()
    assert weights.weights() == DEFAULT_WEIGHTS


def test_exports(qtbot, ranked_db, tmp_path):
    dialog = open_dialog(qtbot, ranked_db)
    xlsx = dialog.write(tmp_path / "排名.xlsx")
    pdf = dialog.write(tmp_path / "排名.pdf")
    assert xlsx is not None and xlsx.stat().st_size > 0
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert "已保存到" in dialog.ui.spanLabel.text()


def test_the_home_page_opens_it_for_the_quarter_shown(qtbot, ranked_db, app_font):
    from jianan_desk.ui.pages.base import PageContext
    from jianan_desk.ui.pages.home import HomePage

    page = HomePage(PageContext(ranked_db, Hub()))
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.loads >= 1 and not page.loading, timeout=15000)
    page.set_selection(2022, D(2022, 5, 10))
    qtbot.waitUntil(lambda: page.loads >= 2 and not page.loading, timeout=15000)
    dialog = page.open_ranking()
    qtbot.waitUntil(lambda: dialog.loads >= 1 and not dialog.loading, timeout=15000)
    assert (dialog.year, dialog.quarter) == (2022, 2)
    dialog.close()


def test_the_reports_page_offers_the_ranking(qtbot, ranked_db, app_font):
    from jianan_desk.ui.pages.base import PageContext
    from jianan_desk.ui.pages.reports import ReportsPage

    page = ReportsPage(PageContext(db=ranked_db, hub=Hub()))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.kind.setCurrentIndex(page.kind.findData("ranking"))
    assert page.kind.currentText() == "季度考评排名"
    page.ranking_year.setValue(2022)
    page.ranking_quarter.setCurrentIndex(0)
    with qtbot.waitSignal(page.generated, timeout=30_000):
        assert page.generate() is not None
    assert page.report is not None
    assert page.report.file_name == "2022年第一季度招商引资工作考评排名.pdf"
    assert page.page_count() >= 1
    page.document.close()
