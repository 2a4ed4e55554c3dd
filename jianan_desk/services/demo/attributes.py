"""Project names and the attributes that follow from a project's kind and size.

Unique names (from the chain link's templates and the company's brand, or a government
blueprint), location and responsible unit, land, expected revenue, tax and jobs,
construction content and notes; 三佳 and the party school get their published facts.
"""

from __future__ import annotations

from decimal import Decimal

from jianan_desk.domain.stages import Stage
from jianan_desk.services.demo.amounts import floor_to
from jianan_desk.services.demo.district import GOV_CONTENT
from jianan_desk.services.demo.errors import InternalError
from jianan_desk.services.demo.figures import SANJIA_PROJECT_NAME
from jianan_desk.services.demo.records import ProjectSpec
from jianan_desk.services.demo.state import Workspace
from jianan_desk.services.demo.vocab import (
    INDUSTRY_LOCATIONS,
    LINK_TEMPLATES,
    PARKS,
    RURAL_LOCATIONS,
    SERVICE_LOCATIONS,
)


def project_name(ws: Workspace, p: ProjectSpec) -> str:
    """A unique name: a blueprint's, or the company's brand and a link template."""
    rng = ws.rng
    co = ws.companies[p.company] if p.company is not None else None
    for attempt in range(20):
        if p.blueprint is not None:
            town = rng.choice(ws.ref.townships)
            name = p.blueprint[0].replace("{town}", town)
            if "{town}" in p.blueprint[0]:
                p.location = town
        else:
            assert p.link is not None and co is not None
            template, choices = rng.choice(LINK_TEMPLATES[p.link])
            body = template.format(n=rng.choice(choices)) if choices else template
            # 金峰再生 + 再生资源回收利用项目 → 金峰再生资源回收利用项目
            word = co.short[len(co.brand) :]
            name = f"{co.brand}{body}" if body.startswith(word) else f"{co.short}{body}"
            if p.local and rng.random() < 0.5:
                name = name.replace("项目", "（增资扩产）项目")
        if attempt > 10:
            name = name.replace("项目", "（二期）项目").replace("工程", "（二期）工程")
        if name not in ws.names:
            ws.names.add(name)
            return name
    raise InternalError(f"no unique name for {p.group}")


def build_attributes(ws: Workspace) -> None:
    """Name, location, unit, land, revenue, tax, jobs, content and notes of every project."""
    rng = ws.rng
    for p in ws.specs:
        if p.fixed == "sanjia":
            sanjia_attributes(ws, p)
            continue
        if p.fixed == "party_school":
            party_school_attributes(ws, p)
            continue
        if not p.name:
            p.name = project_name(ws, p)
        if p.blueprint is not None:
            unit = p.blueprint[5]
            if not p.location:
                if unit is not None and unit in (*ws.ref.townships, *PARKS):
                    p.location = unit
                else:
                    p.location = rng.choice(ws.ref.townships)
            p.unit = unit if unit is not None else p.location
            land_per = rng.uniform(150, 600)
            if p.field != "agriculture":
                p.land_mu = Decimal(p.total / Decimal(land_per)).quantize(Decimal("0.01"))
            area = (p.total / Decimal(rng.uniform(2500, 4500))).quantize(Decimal("0.1"))
            p.content = GOV_CONTENT[p.field].format(area=area)
            if p.field == "services" or p.field == "manufacturing":
                p.revenue = floor_to(p.total * Decimal(rng.uniform(0.3, 0.8)), Decimal(100))
                p.tax = floor_to(p.revenue * Decimal(rng.uniform(0.05, 0.1)), Decimal(10))
                p.jobs = int(p.total / Decimal(rng.uniform(150, 400))) + 20
        else:
            assert p.industry is not None
            if p.field == "services":
                p.location = rng.choice(SERVICE_LOCATIONS)
            elif p.field == "agriculture":
                p.location = rng.choice(RURAL_LOCATIONS)
            else:
                p.location = rng.choice(INDUSTRY_LOCATIONS[p.industry])
            p.unit = p.location
            industrial_attributes(ws, p)
        if p.group in ("lead", "negotiating", "dropped") or (
            p.family == "key" and p.d(Stage.SIGNED) is None
        ):
            p.notes = "意向投资额，以签约为准" if p.family == "attraction" else p.notes
        if p.dropped_on:
            p.notes = f"已终止：{p.drop_reason}"


def industrial_attributes(ws: Workspace, p: ProjectSpec) -> None:
    """Land, revenue, tax, jobs and content of one company's plant."""
    rng = ws.rng
    intensity = rng.uniform(300, 700)  # 万元 per 亩
    if p.field == "services":
        intensity *= 1.5
    p.land_mu = max(Decimal(10), (p.total / Decimal(intensity)).quantize(Decimal("0.01")))
    p.revenue = floor_to(p.total * Decimal(rng.uniform(0.8, 2.0)), Decimal(100))
    p.tax = floor_to(p.revenue * Decimal(rng.uniform(0.05, 0.12)), Decimal(10))
    p.jobs = int(p.total / Decimal(rng.uniform(80, 300))) + 20
    area = (p.land_mu * Decimal(rng.uniform(0.45, 0.7)) * Decimal("0.0667")).quantize(
        Decimal("0.1")
    )
    lines = max(2, int(p.total / Decimal(rng.uniform(1500, 4000))))
    link_name = ws.ref.link_names.get(p.link or "", "")
    p.content = (
        f"项目占地约{p.land_mu.normalize():f}亩，新建生产车间、仓库及配套用房约{area}万平方米，"
        f"购置{link_name.split('·')[0]}相关生产及检测设备，建设{lines}条生产线。"
    )


def sanjia_attributes(ws: Workspace, p: ProjectSpec) -> None:
    """The 三佳 project's published facts."""
    p.name = SANJIA_PROJECT_NAME
    ws.names.add(p.name)
    p.location = p.unit = "许昌汽车零部件产业园"
    p.land_mu = Decimal(95)
    p.revenue = Decimal(50000)
    p.tax = Decimal(10000)
    p.jobs = 600
    p.content = (
        "项目计划占地95亩，新建标准化生产车间及配套设施，购置数控加工中心、热处理及自动化"
        "装配设备，建设50条生产线，建成后年产1000万套万向节总成；"
        "预计年销售收入不低于5亿元，利税1亿元。"
    )
    p.notes = "2022年1月4日一季度重点项目集中开工项目"


def party_school_attributes(ws: Workspace, p: ProjectSpec) -> None:
    """The party school's published facts."""
    ws.names.add(p.name)
    p.location = p.unit = "五女店镇"
    p.land_mu = Decimal("193.68")
    p.content = (
        "位于五女店镇原镇政府西侧，建设学术报告厅、教学行政办公楼等5组主要建筑，"
        "计划于2022年底建成投用。"
    )
    p.notes = "建安区承接的许昌市重点项目"
