"""People: made-up names and mobile numbers, and the district's staff roster.

``person`` draws a fictional name never used before in the dataset; ``build_staff`` lists
the leaders, chiefs and investment-promotion staff (task-force liaisons are added later
through ``add_staff``).
"""

from __future__ import annotations

from jianan_desk.services.demo.state import Workspace
from jianan_desk.services.demo.vocab import CHIEFS, GIVEN, LEADERS, STAFF, SURNAMES
from jianan_desk.store.types import new_id


def person(ws: Workspace) -> str:
    """A fictional name not used yet in the dataset."""
    rng = ws.rng
    while True:
        given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")
        name = rng.choice(SURNAMES) + given
        if name not in ws.person_names and given[:1] != given[1:]:
            ws.person_names.add(name)
            return name


def mobile_number(ws: Workspace) -> str:
    """A drawn 11-digit mobile number."""
    rng = ws.rng
    prefix = rng.choice(
        (
            "135",
            "136",
            "137",
            "138",
            "139",
            "150",
            "151",
            "158",
            "186",
            "187",
            "188",
            "177",
            "199",
        )
    )
    return prefix + "".join(str(rng.randint(0, 9)) for _ in range(8))


def build_staff(ws: Workspace) -> None:
    """The district leaders, the investment-promotion chiefs and staff."""
    unit = ws.ref.units["区投资促进中心"]
    for name, title in LEADERS:
        add_staff(ws, name, "leader", title, None)
    for name, title in CHIEFS:
        add_staff(ws, name, "chief", title, unit)
    for name in STAFF:
        add_staff(ws, name, "staff", "招商专员", unit)


def add_staff(ws: Workspace, name: str, role: str, title: str, unit_id: str | None) -> None:
    """Add one staff user row (with a drawn phone number)."""
    row = {
        "id": new_id(),
        "name": name,
        "role": role,
        "title": title,
        "unit_id": unit_id,
        "phone": mobile_number(ws),
    }
    ws.staff_ids[name] = row["id"]
    ws.staff_rows.append(row)
