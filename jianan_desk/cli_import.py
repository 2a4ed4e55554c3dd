"""``jianan-desk import``: the asking step for industry names, on the command line.

A ledger's industry names are matched to the 222 nodes exactly, then normalised; a name
that still matches none is *asked about*: the GUI wizard shows a page of them, the CLI
names them (with their row counts and a likely node) and takes the answers as
``--map-industry 名称=节点`` (repeatable; 节点 = an industry or chain-link name, its code,
or empty / 不指定 to file the rows under no industry). Answers are remembered for the next
file, like a column mapping. Kept apart from ``cli.py``, which calls these helpers.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from sqlalchemy.orm import Session

from jianan_desk.domain.search import fold
from jianan_desk.excel.projects_import import (
    ImportPlan,
    IndustryChoice,
    industry_choices,
    remember_industry_map,
    remembered_industry_map,
    suggest_industry,
)

NONE_WORDS = ("", "不指定", "无", "空")


def add_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--map-industry`` to the ``import`` parser."""
    parser.add_argument(
        "--map-industry",
        action="append",
        default=[],
        metavar="名称=节点",
        help="为表格中未识别的产业名称指定“222”节点（产业或环节名称；留空或“不指定”表示"
        "不归入产业），可多次；指定会被记住，下次导入沿用",
    )


def resolve_node(text: str, choices: Sequence[IndustryChoice]) -> str:
    """The node id ``text`` names (exact name, label, code, or folded name); "" for
    不指定. Raises ValueError (Chinese) listing the choices when it names none."""
    text = text.strip()
    if text in NONE_WORDS:
        return ""
    for choice in choices:
        if text in (choice.name, choice.label, choice.code):
            return choice.id
    folded = fold(text)
    for choice in choices:
        if folded in (fold(choice.name), fold(choice.label)):
            return choice.id
    names = "、".join(c.name for c in choices if c.level == "industry")
    raise ValueError(f"“222”体系中没有节点“{text}”；可用的产业：{names}（也可填产业链环节名称）")


def industry_map(session: Session, items: Sequence[str]) -> tuple[dict[str, str], bool]:
    """The industry answers for a plan: remembered ones, then ``--map-industry`` items.
    Returns (name → node id or "", whether remembered answers were used)."""
    choices = industry_choices(session)
    answers: dict[str, str] = dict(remembered_industry_map(choices))
    remembered = bool(answers)
    for item in items:
        name, sep, node = item.partition("=")
        if not sep or not name.strip():
            raise ValueError(f"--map-industry 的格式应为 名称=节点：{item}")
        answers[name.strip()] = resolve_node(node, choices)
    return answers, remembered


def remember(session: Session, items: Sequence[str]) -> None:
    """Remember the ``--map-industry`` answers of an import that went through."""
    if not items:
        return
    choices = industry_choices(session)
    answers = {}
    for item in items:
        name, _, node = item.partition("=")
        answers[name.strip()] = resolve_node(node, choices)
    remember_industry_map(answers, choices)


def unmatched_lines(session: Session, plan: ImportPlan) -> list[str]:
    """The lines that ask about the plan's unmatched industry names (none: [])."""
    unmatched: dict[str, int] = getattr(plan, "unmatched_industries", {}) or {}
    if not unmatched:
        return []
    choices = industry_choices(session)
    lines = [f"未识别的产业名称 {len(unmatched)} 个（与“222”体系的产业或环节都对不上）："]
    example = ""
    for name, rows in sorted(unmatched.items(), key=lambda i: (-i[1], i[0])):
        guess = suggest_industry(name, choices)
        hint = f"，可能是“{guess.name}”" if guess else "，无相近节点"
        lines.append(f"  “{name}”：{rows} 行{hint}")
        if not example:
            example = f"--map-industry {name}={guess.name if guess else '不指定'}"
    industries = "、".join(c.name for c in choices if c.level == "industry")
    lines.append(
        f"请用 --map-industry 名称=节点 指定（可多次，如 {example}；节点可填：{industries}，"
        "或产业链环节名称；“不指定”表示不归入产业）。"
    )
    return lines
