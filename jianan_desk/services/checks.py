"""Consistency checks of a database: SQLite's own, then the application's rules."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from jianan_desk.domain.stages import (
    Stage,
    StageEventData,
    StageRuleError,
    current_stage,
    validate_history,
)
from jianan_desk.store.models import FundsInPlace, MonthlyInvestment, Project, ProjectStageEvent

MAX_FINDINGS_PER_RULE = 50


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str


def sqlite_findings(session: Session) -> list[Finding]:
    findings = []
    for (row,) in session.execute(text("PRAGMA integrity_check")):
        if row != "ok":
            findings.append(Finding("integrity", f"SQLite 完整性检查：{row}"))
    for row in session.execute(text("PRAGMA foreign_key_check")):
        findings.append(
            Finding("foreign_key", f"表 {row[0]} 的记录（rowid {row[1]}）引用了不存在的 {row[2]}")
        )
    return findings


def stage_findings(session: Session) -> list[Finding]:
    """Each project's cached stage must be what its events imply, and events must be in order."""
    events: dict[str, list[StageEventData]] = defaultdict(list)
    rows = session.execute(
        select(
            ProjectStageEvent.project_id, ProjectStageEvent.stage, ProjectStageEvent.occurred_on
        ).where(ProjectStageEvent.deleted_at.is_(None))
    )
    for project_id, stage, occurred_on in rows:
        events[project_id].append(StageEventData(Stage(stage), occurred_on))
    findings: list[Finding] = []
    projects = session.execute(
        select(Project.id, Project.name, Project.stage).where(Project.deleted_at.is_(None))
    )
    for project_id, name, stage in projects:
        history = events.get(project_id, [])
        try:
            validate_history(history)
        except StageRuleError as exc:
            findings.append(Finding("stage_order", f"项目“{name}”阶段日期有误：{exc}"))
        expected = current_stage(history)
        if history and expected.value != stage:
            findings.append(
                Finding(
                    "stage_cache",
                    f"项目“{name}”记录的阶段为“{Stage(stage).label}”，"
                    f"但阶段记录推出应为“{expected.label}”",
                )
            )
    return findings


def amount_findings(session: Session) -> list[Finding]:
    findings = []
    negative_funds = session.scalar(
        select(text("count(*)")).select_from(FundsInPlace).where(FundsInPlace.amount_wan < 0)
    )
    if negative_funds:
        findings.append(Finding("amounts", f"有 {negative_funds} 条到位资金记录金额为负"))
    negative_monthly = session.scalar(
        select(text("count(*)"))
        .select_from(MonthlyInvestment)
        .where(MonthlyInvestment.completed_wan < 0)
    )
    if negative_monthly:
        findings.append(Finding("amounts", f"有 {negative_monthly} 条月度完成投资记录金额为负"))
    return findings


def run_checks(session: Session, *, sqlite: bool = True) -> list[Finding]:
    findings: list[Finding] = []
    if sqlite:
        findings += sqlite_findings(session)
    findings += stage_findings(session)
    findings += amount_findings(session)
    by_rule: dict[str, int] = defaultdict(int)
    kept = []
    for f in findings:
        by_rule[f.rule] += 1
        if by_rule[f.rule] <= MAX_FINDINGS_PER_RULE:
            kept.append(f)
    for rule, n in by_rule.items():
        if n > MAX_FINDINGS_PER_RULE:
            kept.append(Finding(rule, f"……另有 {n - MAX_FINDINGS_PER_RULE} 处同类问题未列出"))
    return kept
