"""The 报表 page: generate off the GUI thread, preview the real PDF, save and print it."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate
from PySide6.QtGui import QKeySequence
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from jianan_desk.services.demo import generate_demo_data
from jianan_desk.store.migrations import upgrade
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.pages.base import PageContext
from jianan_desk.ui.pages.reports import ReportsPage
from tests.helpers import open_db

# The offscreen platform says so when a top-level widget is shown; harmless.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("reports-ui") / "demo.sqlite"
    db = open_db(path)
    upgrade(db)
    with db.session() as session:
        generate_demo_data(session)
    db.dispose()
    return path


@pytest.fixture
def page(qtbot, demo_file, app_font):
    db = open_db(demo_file)
    page = ReportsPage(PageContext(db=db, hub=Hub()))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    yield page
    page.document.close()
    db.dispose()


def generate(qtbot, page: ReportsPage) -> None:
    with qtbot.waitSignal(page.generated, timeout=30_000):
        assert page.generate() is not None
        assert page.progress.isVisible()  # busy while the worker runs


def pdf_pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def test_defaults_follow_the_data(page):
    assert page.year.value() == 2022  # the demo data stops on 2022-03-31
    assert page.trip.count() == 6
    assert not page.save_button.isEnabled() and not page.print_button.isEnabled()


def test_generate_preview_save_and_print(qtbot, page, tmp_path, monkeypatch):
    page.kind.setCurrentIndex(page.kind.findData("signing"))
    page.year.setValue(2021)
    generate(qtbot, page)
    report = page.report
    assert report is not None and "90 个" in page.status.text()
    n = pdf_pages(report.pdf)
    assert n > 3
    assert page.document.status() == QPdfDocument.Status.Ready
    assert page.document.pageCount() == n == page.page_count()
    assert page.pages_label.text() == f"共 {n} 页"
    assert page.save_button.isEnabled() and page.print_action.isEnabled()

    # 另存为… (Ctrl+S) writes the very bytes previewed.
    target = tmp_path / "汇总"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PDF 文件 (*.pdf)")
    )
    assert page.save_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Save)
    page.save_action.trigger()
    saved = target.with_suffix(".pdf")
    assert saved.read_bytes() == report.pdf

    # 打印… (Ctrl+P) sends the PDF's pages as images; here to a PDF file, no dialog.
    printed = tmp_path / "printed.pdf"

    def printer() -> QPrinter:
        p = QPrinter(QPrinter.PrinterMode.ScreenResolution)
        p.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        p.setOutputFileName(str(printed))
        p.setFromTo(1, 2)
        return p

    class Accept:
        def exec(self) -> int:
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr(page, "make_printer", printer)
    monkeypatch.setattr(page, "print_dialog", lambda _printer: Accept())
    assert page.print_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Print)
    assert page.print_report() == 2
    reader = PdfReader(str(printed))
    assert len(reader.pages) == 2
    assert float(reader.pages[0].mediabox.width) > float(reader.pages[0].mediabox.height)


def test_a_cancelled_print_prints_nothing(qtbot, page, monkeypatch):
    page.kind.setCurrentIndex(page.kind.findData("targets"))
    generate(qtbot, page)

    class Cancel:
        def exec(self) -> int:
            return QDialog.DialogCode.Rejected

    monkeypatch.setattr(page, "print_dialog", lambda _printer: Cancel())
    assert page.print_report() == 0


def test_trip_report(qtbot, page):
    page.kind.setCurrentIndex(page.kind.findData("trip"))
    page.trip.setCurrentIndex(0)
    generate(qtbot, page)
    assert page.page_count() >= 2
    assert page.report.file_name.endswith(".pdf")


def test_an_invalid_period_says_why(qtbot, page):
    page.kind.setCurrentIndex(page.kind.findData("signing"))
    page.period_kind.setCurrentIndex(page.period_kind.findData("custom"))
    page.date_from.setDate(QDate(2021, 5, 1))
    page.date_to.setDate(QDate(2021, 3, 31))
    assert page.generate() is None
    assert "早于开始日期" in page.status.text()
    assert page.report is None


def test_period_fields_follow_the_period_kind(page):
    form = page._signing_form
    page.period_kind.setCurrentIndex(page.period_kind.findData("quarter"))
    assert form.isRowVisible(page.quarter) and not form.isRowVisible(page.month)
    page.period_kind.setCurrentIndex(page.period_kind.findData("custom"))
    assert form.isRowVisible(page.date_from) and not form.isRowVisible(page.year)
