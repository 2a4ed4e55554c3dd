"""The small dialog of a stage change: 推进 (stage, date, note), 更正 (stage, date, reason)
or 终止 (date, reason). It only collects a ``StageChangeRequest``; the caller applies it
through ``services.projects`` (``advance_stage`` / ``correct_stage`` / ``drop_project``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from jianan_desk.domain.stages import Stage
from jianan_desk.services.projects import (
    StageChangeResult,
    advance_stage,
    correct_stage,
    drop_project,
)
from jianan_desk.store.engine import Database

ADVANCE, CORRECT, DROP = "advance", "correct", "drop"


@dataclass(frozen=True)
class StageChangeRequest:
    kind: str  # ADVANCE / CORRECT / DROP
    stage: Stage | None
    on: dt.date
    text: str  # the note (advance) or the reason (correct, drop)


class ProjectStageDialog(QDialog):
    """Ask for the stage change of one project; ``request()`` after ``exec()`` accepted."""

    def __init__(
        self,
        kind: str,
        project_name: str,
        stages: tuple[Stage, ...] = (),
        *,
        preselect: Stage | None = None,
        earliest: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        titles = {
            ADVANCE: self.tr("推进阶段"),
            CORRECT: self.tr("更正阶段"),
            DROP: self.tr("终止项目"),
        }
        self.setWindowTitle(titles[kind])
        self.setMinimumWidth(380)
        layout = QVBoxLayout(self)
        heading = QLabel(project_name, self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: 600;")
        layout.addWidget(heading)
        form = QFormLayout()
        self.stage = QComboBox(self)
        for stage in stages:
            self.stage.addItem(stage.label, stage.value)
        if preselect is not None:
            self.stage.setCurrentIndex(max(0, self.stage.findData(preselect.value)))
        if kind != DROP:
            form.addRow(self.tr("目标阶段"), self.stage)
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        form.addRow(self.tr("日期"), self.date)
        self.text = QLineEdit(self)
        self.text.setPlaceholderText(self.tr("选填") if kind == ADVANCE else self.tr("必填"))
        form.addRow(self.tr("说明") if kind == ADVANCE else self.tr("原因"), self.text)
        layout.addLayout(form)
        self.hint = QLabel(self)
        self.hint.setObjectName("stageHint")
        self.hint.setWordWrap(True)
        if earliest is not None and kind != CORRECT:
            self.hint.setText(self.tr("日期不得早于 {0}").format(earliest.isoformat()))
        layout.addWidget(self.hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.text.textChanged.connect(self._update)
        self._update()

    def _update(self) -> None:
        ok = self.kind == ADVANCE or bool(self.text.text().strip())
        if self.kind != DROP and self.stage.count() == 0:
            ok = False
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def request(self) -> StageChangeRequest:
        data = self.stage.currentData()
        return StageChangeRequest(
            self.kind,
            Stage(data) if data and self.kind != DROP else None,
            self.date.date().toPython(),
            self.text.text().strip(),
        )


def current_actor() -> str:
    """Who makes changes: the OS login name (``settings.Preferences`` has no user-name
    option yet)."""
    import getpass

    try:
        return getpass.getuser() or "未知用户"
    except Exception:
        return "未知用户"


def apply_stage_change(
    db: Database, project_id: str, request: StageChangeRequest, actor: str
) -> StageChangeResult:
    """Apply ``request`` through the service (its own unit of work). Raises
    ``ValidationError`` (a rule refused it) or ``NotFoundError``."""
    with db.session() as s:
        if request.kind == ADVANCE:
            assert request.stage is not None
            return advance_stage(s, project_id, request.stage, request.on, request.text, actor)
        if request.kind == CORRECT:
            assert request.stage is not None
            return correct_stage(s, project_id, request.stage, request.on, request.text, actor)
        return drop_project(s, project_id, request.on, request.text, actor)
