"""Task forces (专班): their members and liaisons, and which projects each one follows.

Every project in a key-project plan is followed by the first task force whose rule
(``district.TASK_FORCES``) matches it, and its leader in charge is that task force's head;
other projects get a leader at random.
"""

from __future__ import annotations

from jianan_desk.domain.stages import Stage
from jianan_desk.services.demo.district import TASK_FORCES
from jianan_desk.services.demo.people import add_staff, person
from jianan_desk.services.demo.records import ProjectSpec
from jianan_desk.services.demo.state import Workspace
from jianan_desk.services.demo.vocab import LEADERS
from jianan_desk.store.types import new_id


def follows(rule: str, p: ProjectSpec) -> bool:
    """Whether a task force with ``rule`` (see ``_TASK_FORCE_TABLE``) follows project ``p``."""
    for part in rule.split("+"):
        kind, _, value = part.partition(":")
        ok = (
            kind == "any"
            or (kind == "landing" and p.family == "attraction" and p.d(Stage.STARTED) is None)
            or (kind == "fixed" and p.fixed == value)
            or (kind == "name" and any(w in p.name for w in value.split(",")))
            or (kind == "industry" and p.industry == value)
            or (kind == "field" and p.field == value)
        )
        if not ok:
            return False
    return True


def build_task_forces(ws: Workspace) -> None:
    """The task forces, their units and liaisons; every planned project's task force and leader."""
    rng = ws.rng
    leaders = [n for n, _ in LEADERS]
    for i, (name, lead_unit, members, _rule) in enumerate(TASK_FORCES):
        liaison = person(ws)
        deputy = person(ws)
        head = leaders[i % len(leaders)]
        tf_id = new_id()
        ws.task_forces.append(
            {
                "id": tf_id,
                "name": name,
                "head_leader": head,
                "deputy": deputy,
                "liaison": liaison,
                "lead_unit_id": ws.ref.units[lead_unit],
                "notes": f"专班长：{head}；副专班长：{deputy}（{lead_unit}主要负责人）；"
                f"专职联络员：{liaison}",
            }
        )
        add_staff(ws, liaison, "liaison", f"{name}联络员", ws.ref.units[lead_unit])
        for unit in (lead_unit, *members):
            ws.task_force_units.append(
                {"id": new_id(), "task_force_id": tf_id, "unit_id": ws.ref.units[unit]}
            )
    for p in ws.specs:
        if p.plan21 is not None or p.plan22 is not None:
            p.task_force = next(
                (i for i, (_, _, _, rule) in enumerate(TASK_FORCES) if follows(rule, p)),
                len(TASK_FORCES) - 1,
            )
            p.leader = ws.task_forces[p.task_force]["head_leader"]
        else:
            p.leader = rng.choice(leaders)
