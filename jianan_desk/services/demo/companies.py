"""Companies and their contacts: project companies, owners, foreign investors, targets.

Every project gets a company (a drawn one in its industry's cities, a local or a foreign
one, or the owner of a government project); visits without a project and the 补链/延链
map get target companies. Names are brand + industry word + suffix, never a well-known
brand; USCCs are well-formed and unique.
"""

from __future__ import annotations

import random

from jianan_desk.services.demo.district import CITY_INDUSTRIES
from jianan_desk.services.demo.figures import SANJIA_COMPANY_NAME
from jianan_desk.services.demo.people import mobile_number, person
from jianan_desk.services.demo.records import CompanySpec
from jianan_desk.services.demo.state import Workspace
from jianan_desk.services.demo.vocab import (
    BRAND_A,
    BRAND_AVOID,
    BRAND_B,
    CITIES,
    CONTACT_TITLES,
    FOREIGN,
    INDUSTRIES,
    INDUSTRY_CITIES,
    LINK_WORDS,
    SCALES,
    STAFF,
)
from jianan_desk.store.types import new_id

_USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)


def draw_uscc(rng: random.Random, area: str) -> str:
    """A well-formed 统一社会信用代码 (check digits per GB 11714 and GB 32100)."""
    body = "MA" + "".join(rng.choice(_USCC_CHARS) for _ in range(6))
    total = sum(
        (int(ch) if ch.isdigit() else ord(ch) - 55) * w
        for ch, w in zip(body, _ORG_WEIGHTS, strict=True)
    )
    c9 = 11 - total % 11
    org = body + ("X" if c9 == 10 else "0" if c9 == 11 else str(c9))
    first = "91" + area + org
    s = sum(_USCC_CHARS.index(ch) * w for ch, w in zip(first, _USCC_WEIGHTS, strict=True))
    return first + _USCC_CHARS[(31 - s % 31) % 31]


def brand(ws: Workspace) -> str:
    """A two-character brand not used yet and not a well-known company's."""
    while True:
        b = ws.rng.choice(BRAND_A) + ws.rng.choice(BRAND_B)
        if b not in ws.brands and b not in BRAND_AVOID and b[0] != b[1]:
            ws.brands.add(b)
            return b


def add_company(ws: Workspace, co: CompanySpec) -> int:
    """Register ``co``; returns its index in ``ws.companies``."""
    ws.companies.append(co)
    ws.company_by_name[co.name] = len(ws.companies) - 1
    return len(ws.companies) - 1


def make_company(
    ws: Workspace,
    industry: str | None,
    link: str | None,
    *,
    city: str | None = None,
    local: bool = False,
    foreign: bool = False,
    target: bool = False,
) -> int:
    """A drawn company on ``link`` (local, foreign or from elsewhere); returns its index."""
    rng = ws.rng
    industry = industry or "environment"
    link = link or ws.ref.links[industry][0]
    b = brand(ws)
    if foreign:
        city_name, province, pattern = rng.choice(FOREIGN)
        name = pattern.format(b=b)
        short = b + ("国际" if "香港" in name else "控股" if "新加坡" in name else "精密")
        co = CompanySpec(
            name=name,
            short=short,
            brand=b,
            city=city_name,
            province=province,
            industry=industry,
            link=link,
            uscc=None,
            scale="外资企业",
            tags="外资",
        )
        return add_company(ws, co)
    word, short = rng.choice(LINK_WORDS[link])
    if local:
        city = "许昌"
        prefix = rng.choice(("许昌", "河南"))
    else:
        city = city or rng.choice(INDUSTRY_CITIES[industry])
        prefix = CITIES[city][2]
    roll = rng.random()
    if roll < 0.15:
        suffix = "股份有限公司"
    elif roll < 0.25:
        suffix = "集团有限公司"
    elif word.endswith(("科技", "技术")):
        suffix = "有限公司"
    else:
        suffix = rng.choice(("有限公司", "有限公司", "科技有限公司"))
    name = f"{prefix}{b}{word}{suffix}"
    province, area, _ = CITIES[city]
    co = CompanySpec(
        name=name,
        short=b + short,
        brand=b,
        city=city,
        province=province,
        industry=industry,
        link=link,
        uscc=unique_uscc(ws, area),
        is_local=local,
        is_target=target,
        scale=rng.choices(SCALES, (4, 3, 2, 3, 1))[0],
    )
    return add_company(ws, co)


def unique_uscc(ws: Workspace, area: str) -> str:
    """A USCC in ``area`` that no other company has."""
    while True:
        code = draw_uscc(ws.rng, area)
        if code not in ws.usccs:
            ws.usccs.add(code)
            return code


def owner_company(ws: Workspace, name: str) -> int:
    """The owner company of a government project (made once); returns its index."""
    if name in ws.company_by_name:
        return ws.company_by_name[name]
    short = name.removeprefix("许昌市建安区").removesuffix("有限公司")
    co = CompanySpec(
        name=name,
        short=short,
        city="许昌",
        province="河南",
        industry=None,
        link=None,
        uscc=unique_uscc(ws, "411003"),
        is_local=True,
        scale="国有企业" if "公司" in name else "事业单位",
        tags="政府投资项目业主",
    )
    return add_company(ws, co)


def build_companies(ws: Workspace) -> None:
    """A company for every project and visit, more targets, and their contacts."""
    rng = ws.rng
    by_group = ws.by_group()
    foreign = (
        rng.sample(by_group["c20_A"], 2)
        + rng.sample(by_group["c20_B"], 2)
        + rng.sample(by_group["c21_st_B"][2:], 1)
        + rng.sample(by_group["c21_st"], 2)
        + rng.sample(by_group["c22_perf"], 1)
    )
    for p in foreign:
        p.foreign = True
    sanjia = next(p for p in ws.specs if p.fixed == "sanjia")
    sanjia.company = add_company(
        ws,
        CompanySpec(
            name=SANJIA_COMPANY_NAME,
            short="三佳",
            city="南京",
            province="江苏",
            industry="auto",
            link="auto.driveline",
            uscc=unique_uscc(ws, "320100"),
            scale="规上企业",
            tags="汽车零部件,传动系统",
        ),
    )
    for p in ws.specs:
        if p.company is not None:
            continue
        if p.owner:
            p.company = owner_company(ws, p.owner)
            continue
        if p.foreign:
            p.company = make_company(ws, p.industry, p.link, foreign=True)
            continue
        local = p.local or (
            p.city is None and p.group.startswith(("c20", "c21")) and rng.random() < 0.2
        )
        p.local = local
        target = p.group in ("lead", "negotiating")
        p.company = make_company(ws, p.industry, p.link, city=p.city, local=local, target=target)
    # Visits without a project: target companies met on trips.
    for v in ws.visits:
        if v["spec"] is not None:
            v["company"] = v["spec"].company
            continue
        industries = CITY_INDUSTRIES.get(v["city"], INDUSTRIES)
        industry = rng.choice(industries)
        link = rng.choice(ws.ref.links[industry])
        v["company"] = make_company(ws, industry, link, city=v["city"], target=True)
    # More targets on the map, mostly on missing (补链) and extension (延链) links.
    gap_links = [c for c, s in ws.ref.link_status.items() if s in ("missing", "extend")]
    for _ in range(30):
        link = rng.choice(gap_links)
        make_company(ws, link.split(".")[0], link, target=True)
    for co in ws.companies:
        if co.is_target:
            follower = rng.choice(STAFF)
            priority = rng.choice(("高", "中", "中", "低"))
            co.tags = ",".join(t for t in ("目标企业", f"优先级{priority}") if t)
            co.notes = f"跟进人：{follower}；优先级：{priority}"
        elif co.is_local and not co.tags:
            co.tags = "本地企业"
    for i, co in enumerate(ws.companies):
        for k in range(1 if co.is_target or co.tags == "政府投资项目业主" else rng.randint(1, 2)):
            title = (
                "项目负责人"
                if co.tags == "政府投资项目业主"
                else (
                    CONTACT_TITLES[0]
                    if k == 0 and rng.random() < 0.3
                    else rng.choice(CONTACT_TITLES[1:])
                )
            )
            mobile = mobile_number(ws)
            ws.contacts.append(
                {
                    "id": new_id(),
                    "company_index": i,
                    "name": person(ws),
                    "title": title,
                    "mobile": mobile,
                    "wechat": f"wx{mobile[-6:]}" if rng.random() < 0.4 else "",
                    "email": "",
                    "notes": "",
                }
            )
