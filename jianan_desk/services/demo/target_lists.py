"""The demo's target-company lists (目标企业清单), written after everything else.

Every company the dataset marks as a target (``is_target``, filed under a chain link) gets
an entry on its link's list: priority and follower from the company's notes ("跟进人：…；
优先级：高"), its city, a reason drawn from the link's status and key products, and a
status that follows its history: a signed project → 已签约, a project in talks → 在谈, a
lead or a visit → 已接触, nothing → 未接触 (a few of those 放弃).

It runs on its own ``random.Random`` (derived from the seed) after the rows are written,
so it changes none of the dataset's other draws.
"""

from __future__ import annotations

import random
import re

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from jianan_desk.store.models import Company, IndustryNode, Project, TargetCompany, Visit
from jianan_desk.store.types import new_id

PRIORITY_WORDS = {"高": 1, "中": 2, "低": 3}
REASONS = {
    "missing": ("补链：本地缺少{p}配套，引进可就近供应", "补链：填补{p}环节空白"),
    "extend": ("延链：向{p}延伸，提升产业附加值", "延链：布局{p}，拓展下游市场"),
    "strong": ("强链：{p}龙头企业，可带动本地配套", "强链：扩大{p}产能规模"),
}
SIGNED = ("signed", "performing", "started", "operating")


def build_target_lists(session: Session, seed: int) -> int:
    """Insert one target-list entry per target company on a chain link; returns how many."""
    rng = random.Random(f"target-lists-{seed}")
    links = {
        n.id: n
        for n in session.scalars(select(IndustryNode).where(IndustryNode.level == "link")).all()
    }
    companies = session.execute(
        select(Company.id, Company.city, Company.notes, Company.industry_node_id)
        .where(Company.is_target.is_(True), Company.deleted_at.is_(None))
        .order_by(Company.name)
    ).all()
    stages: dict[str, set[str]] = {}
    for company_id, stage in session.execute(
        select(Project.company_id, Project.stage).where(Project.company_id.is_not(None))
    ).all():
        stages.setdefault(company_id, set()).add(stage)
    visited = set(
        session.scalars(
            select(Visit.company_id).where(Visit.company_id.is_not(None)).group_by(Visit.company_id)
        ).all()
    )
    rows = []
    for company_id, city, notes, node_id in companies:
        link = links.get(node_id or "")
        if link is None:
            continue
        follower = re.search(r"跟进人：([^；]+)", notes or "")
        word = re.search(r"优先级：(.)", notes or "")
        had = stages.get(company_id, set())
        if had & set(SIGNED):
            status = "signed"
        elif "negotiating" in had:
            status = "negotiating"
        elif had or company_id in visited:
            status = "contacted"
        else:
            status = "dropped" if rng.random() < 0.08 else "untouched"
        products = (link.key_products or link.name).split("、")[0]
        reason = rng.choice(REASONS.get(link.chain_status or "strong", REASONS["strong"]))
        rows.append(
            {
                "id": new_id(),
                "company_id": company_id,
                "chain_link_id": link.id,
                "priority": PRIORITY_WORDS.get(word.group(1) if word else "中", 2),
                "city": city or "",
                "follower": follower.group(1) if follower else "",
                "notes": "",
                "status": status,
                "reason": reason.format(p=products),
            }
        )
    if rows:
        session.execute(insert(TargetCompany), rows)
    return len(rows)
