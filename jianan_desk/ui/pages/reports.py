"""The 报表 page: choose a report and its period, preview the real PDF, save it or print it.

The PDF is made off the GUI thread (``ui.operations``) by ``reports.service.make_report``,
the same call the command line makes. The preview shows that very file (QtPdf); printing
sends its pages, rendered at the printer's resolution, not a re-layout.

Shortcuts: F5 生成, Ctrl+S 另存为…, Ctrl+P 打印….
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QDate, QIODevice, QRectF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QFont, QKeySequence, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from jianan_desk.reports.period import (
    EXTRA_COLUMNS,
    GROUP_BY,
    GROUP_LABELS,
    MAX_YEAR,
    MIN_YEAR,
    Period,
    ReportError,
)
from jianan_desk.reports.service import (
    REPORT_TITLES,
    CoverageRequest,
    GeneratedReport,
    MeetingRequest,
    RankingRequest,
    ReportChoices,
    ReportRequest,
    SigningRequest,
    TargetsRequest,
    TripRequest,
    make_report,
    report_choices,
)
from jianan_desk.ui.hub import Hub
from jianan_desk.ui.operations import Operation, run_in_background
from jianan_desk.ui.pages.base import Page, PageContext
from jianan_desk.ui.style import hairline, muted_text

DEFAULT_ISSUER = "建安区投资促进中心"
# The report kinds offered, in menu order. Adding one: its entry in ``reports.service``
# (REPORT_TITLES, request, builder), then here an options widget and a request maker in
# ``ReportsPage._kinds`` (kind → (build options, make request)).
REPORT_KINDS = ("signing", "targets", "trip", "meeting", "ranking", "coverage")
PERIOD_KINDS = ("year", "quarter", "month", "custom")


def print_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Print ``document``'s pages (each rendered at the printer's resolution); returns the
    number of pages sent. Honours the page range chosen in the print dialog."""
    count = document.pageCount()
    first, last = printer.fromPage(), printer.toPage()
    pages = range(max(first, 1) - 1, min(last, count) if last else count)
    if not pages:
        return 0
    size = document.pagePointSize(pages[0])
    landscape = size.width() > size.height()
    layout = printer.pageLayout()
    layout.setOrientation(
        layout.Orientation.Landscape if landscape else layout.Orientation.Portrait
    )
    printer.setPageLayout(layout)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        dpi = printer.resolution()
        for n, index in enumerate(pages):
            if n:
                printer.newPage()
            point_size = document.pagePointSize(index)
            pixels = QSize(
                round(point_size.width() * dpi / 72), round(point_size.height() * dpi / 72)
            )
            image = document.render(index, pixels)
            area = QRectF(painter.viewport())
            scale = min(area.width() / image.width(), area.height() / image.height())
            w, h = image.width() * scale, image.height() * scale
            target = QRectF(area.x() + (area.width() - w) / 2, area.y(), w, h)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(pages)


class ReportsPage(Page):
    """Signals:
    generated(object): a GeneratedReport is shown in the preview.
    """

    page_id = "reports"
    generated = Signal(object)

    def __init__(self, context: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.report: GeneratedReport | None = None
        self.operation: Operation | None = None
        self._choices: ReportChoices | None = None
        self._buffer: QBuffer | None = None
        self.document = QPdfDocument(self)

        palette = self.palette()
        self.heading = QLabel(self.tr("报表"), self)
        heading_font = QFont(self.font())
        heading_font.setPointSizeF(self.font().pointSizeF() * 1.5)
        heading_font.setWeight(QFont.Weight.Bold)
        self.heading.setFont(heading_font)

        # ---------------------------------------------------------- report choice
        self.kind = QComboBox(self)
        self.options = QStackedWidget(self)
        self._requests: dict[str, Callable[[], ReportRequest]] = {}
        for kind, (build_options, make_request) in self._kinds().items():
            self.kind.addItem(self.tr(REPORT_TITLES[kind]), kind)
            self.options.addWidget(build_options())
            self._requests[kind] = make_request
        self.kind.currentIndexChanged.connect(self.options.setCurrentIndex)
        self.kind.currentIndexChanged.connect(lambda _i: self._fit_options())

        self.issuer = QLineEdit(DEFAULT_ISSUER, self)
        self.issuer.setPlaceholderText(DEFAULT_ISSUER)

        self.generate_button = QPushButton(self.tr("生成报表"), self)
        self.generate_button.setDefault(True)
        self.generate_button.setToolTip(self.tr("生成并预览（F5）"))
        self.generate_button.clicked.connect(self.generate)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)  # busy
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.hide()
        self.status = QLabel(self.tr("选择报表与期间后点击“生成报表”。"), self)
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {muted_text(palette).name()};")

        self.save_button = QPushButton(self.tr("另存为…"), self)
        self.save_button.setToolTip(self.tr("保存 PDF（Ctrl+S）"))
        self.save_button.clicked.connect(self.save_as)
        self.print_button = QPushButton(self.tr("打印…"), self)
        self.print_button.setToolTip(self.tr("打印（Ctrl+P）"))
        self.print_button.clicked.connect(self.print_report)
        for button in (self.save_button, self.print_button):
            button.setEnabled(False)

        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        form.addRow(self.tr("报表"), self.kind)
        common = QFormLayout()
        common.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        common.addRow(self.tr("制表单位"), self.issuer)
        actions = QHBoxLayout()
        actions.addWidget(self.save_button)
        actions.addWidget(self.print_button)

        panel = QFrame(self)
        panel.setObjectName("reportOptions")
        panel.setFixedWidth(320)
        panel.setStyleSheet(
            f"QFrame#reportOptions {{ border-right: 1px solid {hairline(palette).name()}; }}"
        )
        side = QVBoxLayout(panel)
        side.setContentsMargins(24, 24, 20, 24)
        side.setSpacing(10)
        side.addWidget(self.heading)
        side.addSpacing(6)
        side.addLayout(form)
        side.addWidget(self.options)
        side.addLayout(common)
        side.addSpacing(8)
        side.addWidget(self.generate_button)
        side.addWidget(self.progress)
        side.addWidget(self.status)
        side.addStretch(1)
        side.addLayout(actions)

        # ---------------------------------------------------------- preview
        self.view = QPdfView(self)
        self.view.setObjectName("reportPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.pages_label = QLabel("", self)
        self.pages_label.setStyleSheet(f"color: {muted_text(palette).name()};")
        self.pages_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        preview = QVBoxLayout()
        preview.setContentsMargins(12, 12, 12, 8)
        preview.addWidget(self.view, 1)
        preview.addWidget(self.pages_label)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(panel)
        layout.addLayout(preview, 1)

        # ---------------------------------------------------------- shortcuts
        self.generate_action = self._action(self.tr("生成报表"), "F5", self.generate)
        self.save_action = self._action(
            self.tr("另存为…"), QKeySequence.StandardKey.Save, self.save_as
        )
        self.print_action = self._action(
            self.tr("打印…"), QKeySequence.StandardKey.Print, self.print_report
        )
        for action in (self.save_action, self.print_action):
            action.setEnabled(False)

        context.hub.changed.connect(self._on_changed)
        self._fit_options()

    # ------------------------------------------------------------------ building

    def _action(self, text: str, key: str | QKeySequence.StandardKey, slot: object) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _kinds(self) -> dict[str, tuple[Callable[[], QWidget], Callable[[], ReportRequest]]]:
        """Each report kind's options widget and request maker, in ``REPORT_KINDS`` order."""
        kinds = {
            "signing": (self._signing_options, self._signing_request),
            "targets": (self._targets_options, self._targets_request),
            "trip": (self._trip_options, self._trip_request),
            "meeting": (self._meeting_options, self._meeting_request),
            "ranking": (self._ranking_options, self._ranking_request),
            "coverage": (self._coverage_options, self._coverage_request),
        }
        return {k: kinds[k] for k in REPORT_KINDS}

    def _form(self) -> tuple[QWidget, QFormLayout]:
        widget = QWidget(self)
        form = QFormLayout(widget)
        form.setContentsMargins(0, 0, 0, 0)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return widget, form

    def _signing_options(self) -> QWidget:
        widget, form = self._form()
        today = dt.date.today()
        self.period_kind = QComboBox(widget)
        for kind, label in zip(
            PERIOD_KINDS,
            (self.tr("年度"), self.tr("季度"), self.tr("月度"), self.tr("自定义")),
            strict=True,
        ):
            self.period_kind.addItem(label, kind)
        self.year = QSpinBox(widget)
        self.year.setRange(MIN_YEAR, MAX_YEAR)
        self.year.setValue(today.year)
        self.year.setSuffix(self.tr(" 年"))
        self.quarter = QComboBox(widget)
        for q, label in enumerate(
            (self.tr("第一季度"), self.tr("第二季度"), self.tr("第三季度"), self.tr("第四季度")),
            start=1,
        ):
            self.quarter.addItem(label, q)
        self.month = QComboBox(widget)
        for m in range(1, 13):
            self.month.addItem(self.tr("{0} 月").format(m), m)
        self.date_from = QDateEdit(QDate(today.year, 1, 1), widget)
        self.date_to = QDateEdit(QDate(today.year, today.month, today.day), widget)
        for edit in (self.date_from, self.date_to):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.group_by = QComboBox(widget)
        for key in GROUP_BY:
            self.group_by.addItem(self.tr("按{0}").format(GROUP_LABELS[key]), key)
        self.column_boxes: dict[str, QCheckBox] = {}
        columns = QWidget(widget)
        column_layout = QVBoxLayout(columns)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(2)
        for key, label in EXTRA_COLUMNS.items():
            box = QCheckBox(label, columns)
            self.column_boxes[key] = box
            column_layout.addWidget(box)
        form.addRow(self.tr("期间"), self.period_kind)
        form.addRow(self.tr("年份"), self.year)
        form.addRow(self.tr("季度"), self.quarter)
        form.addRow(self.tr("月份"), self.month)
        form.addRow(self.tr("开始日期"), self.date_from)
        form.addRow(self.tr("结束日期"), self.date_to)
        form.addRow(self.tr("分组"), self.group_by)
        form.addRow(self.tr("附加列"), columns)
        self._signing_form = form
        self.period_kind.currentIndexChanged.connect(lambda _i: self._fit_options())
        return widget

    def _targets_options(self) -> QWidget:
        widget, form = self._form()
        today = dt.date.today()
        self.target_year = QSpinBox(widget)
        self.target_year.setRange(MIN_YEAR, MAX_YEAR)
        self.target_year.setValue(today.year)
        self.target_year.setSuffix(self.tr(" 年"))
        self.use_as_of = QCheckBox(self.tr("指定统计截止日期"), widget)
        self.as_of = QDateEdit(QDate(today.year, today.month, today.day), widget)
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setEnabled(False)
        self.use_as_of.toggled.connect(self.as_of.setEnabled)
        form.addRow(self.tr("年份"), self.target_year)
        form.addRow("", self.use_as_of)
        form.addRow(self.tr("截止日期"), self.as_of)
        return widget

    def _trip_options(self) -> QWidget:
        widget, form = self._form()
        self.trip = QComboBox(widget)
        self.trip.setMinimumContentsLength(12)
        self.trip.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        form.addRow(self.tr("活动"), self.trip)
        return widget

    def _meeting_options(self) -> QWidget:
        widget, form = self._form()
        self.meeting = QComboBox(widget)
        self.meeting.setMinimumContentsLength(12)
        self.meeting.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        form.addRow(self.tr("周例会"), self.meeting)
        return widget

    def _ranking_options(self) -> QWidget:
        widget, form = self._form()
        today = dt.date.today()
        self.ranking_year = QSpinBox(widget)
        self.ranking_year.setRange(MIN_YEAR, MAX_YEAR)
        self.ranking_year.setValue(today.year)
        self.ranking_year.setSuffix(self.tr(" 年"))
        self.ranking_quarter = QComboBox(widget)
        for q, label in enumerate(("第一季度", "第二季度", "第三季度", "第四季度"), start=1):
            self.ranking_quarter.addItem(self.tr(label), q)
        self.ranking_quarter.setCurrentIndex((today.month - 1) // 3)
        form.addRow(self.tr("年份"), self.ranking_year)
        form.addRow(self.tr("季度"), self.ranking_quarter)
        return widget

    def _fit_options(self) -> None:
        """Show only the period fields the chosen period kind needs."""
        kind = self.period_kind.currentData()
        visible = {
            self.year: kind in ("year", "quarter", "month"),
            self.quarter: kind == "quarter",
            self.month: kind == "month",
            self.date_from: kind == "custom",
            self.date_to: kind == "custom",
        }
        for field, show in visible.items():
            self._signing_form.setRowVisible(field, show)

    # ------------------------------------------------------------------ data

    def showEvent(self, event: object) -> None:  # type: ignore[override]
        super().showEvent(event)  # type: ignore[arg-type]
        if self._choices is None:
            self.load_choices()

    def load_choices(self) -> None:
        """Read the years and trips to offer (a small query, on the GUI thread)."""
        first = self._choices is None
        with self.context.db.session(readonly=True) as session:
            choices = report_choices(session)
        self._choices = choices
        if first:
            for spin in (self.year, self.target_year):
                spin.setValue(choices.year)
            self.date_from.setDate(QDate(choices.year, 1, 1))
            self.date_to.setDate(QDate(choices.as_of.year, choices.as_of.month, choices.as_of.day))
            self.as_of.setDate(self.date_to.date())
        current = self.trip.currentData()
        self.trip.clear()
        for trip_id, label in choices.trips:
            self.trip.addItem(label, trip_id)
        if current is not None:
            index = self.trip.findData(current)
            self.trip.setCurrentIndex(max(index, 0))
        current = self.meeting.currentData()
        self.meeting.clear()
        for held_on, label in choices.meetings:
            self.meeting.addItem(label, held_on)
        if current is not None:
            self.meeting.setCurrentIndex(max(self.meeting.findData(current), 0))

    def _on_changed(self, what: str) -> None:
        if self._choices is not None and Hub.concerns(what, Hub.TRIPS, Hub.TASK_FORCES):
            self.load_choices()

    def request(self) -> ReportRequest:
        """The report the controls describe; ReportError (Chinese) if they describe none."""
        return self._requests[self.kind.currentData()]()

    def _signing_request(self) -> ReportRequest:
        period_kind = self.period_kind.currentData()
        year = self.year.value()
        if period_kind == "year":
            period = Period.year(year)
        elif period_kind == "quarter":
            period = Period.quarter(year, int(self.quarter.currentData()))
        elif period_kind == "month":
            period = Period.month(year, int(self.month.currentData()))
        else:
            period = Period.between(
                self.date_from.date().toPython(),  # type: ignore[arg-type]
                self.date_to.date().toPython(),  # type: ignore[arg-type]
            )
        columns = tuple(k for k, box in self.column_boxes.items() if box.isChecked())
        return SigningRequest(period, self.group_by.currentData(), columns)

    def _targets_request(self) -> ReportRequest:
        as_of = self.as_of.date().toPython() if self.use_as_of.isChecked() else None
        return TargetsRequest(self.target_year.value(), as_of)  # type: ignore[arg-type]

    def _trip_request(self) -> ReportRequest:
        trip_id = self.trip.currentData()
        if not trip_id:
            raise ReportError(self.tr("尚无外出招商活动记录，无法生成外出招商报告。"))
        return TripRequest(str(trip_id))

    def _ranking_request(self) -> ReportRequest:
        return RankingRequest(self.ranking_year.value(), int(self.ranking_quarter.currentData()))

    def _coverage_options(self) -> QWidget:
        """招商图谱覆盖: an optional as-of day (names of that day) and the staleness days."""
        from jianan_desk.settings import TARGET_STALE_DAYS, Preferences

        widget, form = self._form()
        today = dt.date.today()
        self.coverage_use_as_of = QCheckBox(self.tr("指定统计日期（按当日的环节名称）"), widget)
        self.coverage_as_of = QDateEdit(QDate(today.year, today.month, today.day), widget)
        self.coverage_as_of.setCalendarPopup(True)
        self.coverage_as_of.setDisplayFormat("yyyy-MM-dd")
        self.coverage_as_of.setEnabled(False)
        self.coverage_use_as_of.toggled.connect(self.coverage_as_of.setEnabled)
        self.coverage_stale_days = QSpinBox(widget)
        self.coverage_stale_days.setRange(7, 730)
        self.coverage_stale_days.setValue(Preferences().get(TARGET_STALE_DAYS))
        self.coverage_stale_days.setSuffix(self.tr(" 天"))
        form.addRow("", self.coverage_use_as_of)
        form.addRow(self.tr("统计日期"), self.coverage_as_of)
        form.addRow(self.tr("久未接触"), self.coverage_stale_days)
        return widget

    def _coverage_request(self) -> ReportRequest:
        use = self.coverage_use_as_of.isChecked()
        as_of = self.coverage_as_of.date().toPython() if use else None
        return CoverageRequest(as_of, self.coverage_stale_days.value())

    def _meeting_request(self) -> ReportRequest:
        held_on = self.meeting.currentData()
        if held_on is None:
            raise ReportError(self.tr("尚无周例会记录，无法生成周例会简报。"))
        return MeetingRequest(held_on)

    # ------------------------------------------------------------------ actions

    @Slot()
    def generate(self) -> Operation | None:
        """Make the report off the GUI thread; the preview shows it when it is ready."""
        if self.operation is not None and not self.operation.done:
            return self.operation
        try:
            request = self.request()
        except ReportError as exc:
            self._show_error(str(exc))
            return None
        db = self.context.db
        issuer = self.issuer.text().strip() or DEFAULT_ISSUER

        def work() -> GeneratedReport:
            with db.session(readonly=True) as session:
                return make_report(session, request, issuer=issuer)

        self._busy(True)
        self._set_status(self.tr("正在生成报表…"))
        self.operation = run_in_background(work, on_result=self._show, on_error=self._failed)
        return self.operation

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.generate_button.setEnabled(not busy)
        self.generate_action.setEnabled(not busy)

    def _failed(self, exc: BaseException) -> None:
        import sys

        self._busy(False)
        if isinstance(exc, ReportError):
            self._show_error(str(exc))
            return
        self._show_error(self.tr("生成失败。"))
        sys.excepthook(type(exc), exc, exc.__traceback__)

    def _show_error(self, message: str) -> None:
        self._set_status(message, error=True)

    def _set_status(self, message: str, *, error: bool = False) -> None:
        color = "#b3261e" if error else muted_text(self.palette()).name()
        self.status.setStyleSheet(f"color: {color};")
        self.status.setText(message)

    def _show(self, report: GeneratedReport) -> None:
        self._busy(False)
        self.document.close()
        buffer = QBuffer(self)
        buffer.setData(QByteArray(report.pdf))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document.load(buffer)
        if self._buffer is not None:
            self._buffer.close()
            self._buffer.deleteLater()
        self._buffer = buffer
        self.report = report
        pages = self.document.pageCount()
        self.pages_label.setText(self.tr("共 {0} 页").format(pages))
        self._set_status(report.summary)
        for widget in (self.save_button, self.print_button):
            widget.setEnabled(True)
        for action in (self.save_action, self.print_action):
            action.setEnabled(True)
        self.generated.emit(report)

    def page_count(self) -> int:
        return self.document.pageCount() if self.report is not None else 0

    @Slot()
    def save_as(self) -> Path | None:
        """Ask where to save the PDF, then write it; returns the file written."""
        if self.report is None:
            return None
        suggested = str(Path.home() / self.report.file_name)
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("另存为"), suggested, self.tr("PDF 文件 (*.pdf)")
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            path.write_bytes(self.report.pdf)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("无法保存"),
                self.tr("无法写入 {0}：{1}").format(str(path), exc.strerror or str(exc)),
            )
            return None
        self._set_status(self.tr("已保存到 {0}").format(str(path)))
        return path

    def make_printer(self) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.report.title if self.report else "报表")
        printer.setFromTo(1, max(1, self.page_count()))
        return printer

    def print_dialog(self, printer: QPrinter) -> QDialog:
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("打印报表"))
        dialog.setMinMax(1, max(1, self.page_count()))
        return dialog

    @Slot()
    def print_report(self) -> int:
        """Choose a printer, then print the PDF's pages; returns the pages sent."""
        if self.report is None:
            return 0
        printer = self.make_printer()
        if self.print_dialog(printer).exec() != QDialog.DialogCode.Accepted:
            return 0
        sent = print_pdf(self.document, printer)
        self._set_status(self.tr("已发送 {0} 页到打印机。").format(sent))
        return sent
