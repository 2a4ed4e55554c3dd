"""The working records the build steps fill in before anything is written.

``ProjectSpec`` is a project being built (its group, dates, amounts, company and plan
entries), ``PlanEntry`` its row in one year's key-project plan, ``CompanySpec`` a company.
They compare by identity (``eq=False``): the steps keep them in lists and dict keys.
``write`` turns them into table rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from jianan_desk.domain.stages import Stage
from jianan_desk.services.demo.district import Blueprint
from jianan_desk.store.types import new_id


@dataclass
class PlanEntry:
    """A project's entry in one year's key-project plan."""

    planned: Decimal = Decimal(0)
    new_start: bool = False
    start_month: int | None = None
    kind: str = ""  # done / continuing / new / preparatory


@dataclass(eq=False)
class ProjectSpec:
    """A project being built."""

    group: str
    family: str
    industry: str | None
    link: str | None
    field: str
    total: Decimal = Decimal(0)
    name: str = ""
    fixed: str = ""  # "sanjia" / "party_school"
    dates: dict[Stage, dt.date] = field(default_factory=dict)
    dropped_on: dt.date | None = None
    drop_reason: str = ""
    company: int | None = None
    city: str | None = None
    visit: int | None = None
    lead_note: str = ""
    unit: str = ""
    location: str = ""
    leader: str = ""
    owner: str = ""  # the owner company of a government project
    blueprint: Blueprint | None = None
    big: bool = False
    foreign: bool = False
    local: bool = False
    plan21: PlanEntry | None = None
    plan22: PlanEntry | None = None
    monthly: dict[tuple[int, int], Decimal] = field(default_factory=dict)
    task_force: int | None = None
    land_mu: Decimal | None = None
    revenue: Decimal | None = None
    tax: Decimal | None = None
    jobs: int | None = None
    content: str = ""
    notes: str = ""
    code: str | None = None
    id: str = field(default_factory=new_id)

    def d(self, stage: Stage) -> dt.date | None:
        return self.dates.get(stage)

    @property
    def gov(self) -> bool:
        return self.blueprint is not None or self.fixed == "party_school"


@dataclass(eq=False)
class CompanySpec:
    """A company being built."""

    name: str
    short: str  # brand + a short industry word (华拓传动), used in project names
    city: str
    province: str
    industry: str | None
    link: str | None
    uscc: str | None
    is_local: bool = False
    is_target: bool = False
    brand: str = ""
    scale: str = ""
    tags: str = ""
    notes: str = ""
    id: str = field(default_factory=new_id)
