"""The workspace the build steps share: the seeded random source and everything drawn so far.

One ``Workspace`` lives for one ``generate_demo_data`` call. Each build step (a function
in its own module) reads what earlier steps drew and appends its own records; the sets of
names, brands, codes and USCCs already used keep every drawn value unique. Rows that need
no further work (staff, trips, visits, meetings…) are kept as plain dicts ready to insert.
"""

from __future__ import annotations

import random
from typing import Any

from jianan_desk.services.demo.records import CompanySpec, ProjectSpec
from jianan_desk.services.demo.reference import Reference
from jianan_desk.services.demo.vocab import CHIEFS, LEADERS, STAFF


class Workspace:
    """Everything the demo generator has drawn so far (see the module docstring)."""

    def __init__(self, rng: random.Random, ref: Reference) -> None:
        self.rng = rng
        self.ref = ref
        self.specs: list[ProjectSpec] = []
        self.companies: list[CompanySpec] = []
        self.company_by_name: dict[str, int] = {}
        self.contacts: list[dict[str, Any]] = []
        self.brands: set[str] = {"三佳"}
        self.names: set[str] = set()
        self.used_blueprints: set[str] = set()
        self.codes: set[str] = set()
        self.usccs: set[str] = set()
        self.person_names: set[str] = {n for n, _ in LEADERS} | {n for n, _ in CHIEFS}
        self.person_names |= set(STAFF)
        self.staff_rows: list[dict[str, Any]] = []
        self.staff_ids: dict[str, str] = {}
        self.trips: list[dict[str, Any]] = []
        self.trip_members: list[dict[str, Any]] = []
        self.visits: list[dict[str, Any]] = []
        self.task_forces: list[dict[str, Any]] = []
        self.task_force_units: list[dict[str, Any]] = []
        self.funds: list[dict[str, Any]] = []
        self.meetings: list[dict[str, Any]] = []
        self.problems: list[dict[str, Any]] = []

    def by_group(self) -> dict[str, list[ProjectSpec]]:
        """The project specs by their group ("c21_op", "k_B", …), in drawing order."""
        out: dict[str, list[ProjectSpec]] = {}
        for p in self.specs:
            out.setdefault(p.group, []).append(p)
        return out
