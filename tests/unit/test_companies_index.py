"""The 客商 list's in-memory search index gives what the SQL list gives, in the same order."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from sqlalchemy import select

from jianan_desk.services.companies import (
    SORT_COLUMNS,
    CompanyFilter,
    CompanyInput,
    IdsAt,
    create_company,
    fetch_company_ids,
    load_company_index,
)
from jianan_desk.services.visits import VisitInput, create_visit
from jianan_desk.store.models import IndustryNode

ACTOR = "王招商"
TODAY = dt.date(2022, 3, 31)
TEXTS = ("", "s", "sz", "shenzhen", "深圳", "sanjia", "yxgs", "深圳 keji", "zzqy", "sj dz")


@pytest.fixture
def listed(db):
    with db.session() as s:
        node = s.scalars(select(IndustryNode.id).where(IndustryNode.level == "industry")).first()
        for i, (name, city) in enumerate(
            [
                ("南京三佳精密传动科技有限公司", "南京"),
                ("三佳电子有限公司", "深圳"),
                ("比亚迪股份有限公司", "深圳"),
                ("深圳市华为技术有限公司", "深圳"),
                ("许昌瑞贝卡发制品股份有限公司", "许昌"),
                ("中兴通讯股份有限公司", "深圳"),
                ("TCL科技集团", "惠州"),
            ]
        ):
            c = create_company(
                s,
                CompanyInput(
                    name=name,
                    city=city,
                    is_local=i % 2 == 0,
                    industry_node_id=node if i % 3 else None,
                ),
                ACTOR,
            )
            if i % 2:
                create_visit(
                    s,
                    VisitInput(company_id=c.id, visited_on=TODAY - dt.timedelta(days=40 * i)),
                    ACTOR,
                )
    return db


@pytest.mark.parametrize("sort", SORT_COLUMNS)
def test_index_answers_as_the_sql_list_for_every_sort(listed, sort):
    with listed.session(readonly=True) as s:
        for descending, base in itertools.product(
            (False, True),
            (
                CompanyFilter(today=TODAY),
                CompanyFilter(cities=["深圳"], today=TODAY),
                CompanyFilter(is_local=True, last_contact_before_days=60, today=TODAY),
            ),
        ):
            index = load_company_index(s, base, sort, descending)
            for text in TEXTS:
                f = CompanyFilter(**{**base.__dict__, "text": text})
                expected = fetch_company_ids(s, f, sort, descending)
                found = index.find(text)
                assert isinstance(found, IdsAt) and list(found) == expected, (sort, text)
                assert len(found) == len(expected) and found[1:3] == expected[1:3]
                for before in ("s", "sh", "深"):  # typed before: its answer narrows
                    narrowed = index.find(text, previous=(before, index.find(before)))
                    assert list(narrowed) == expected, (sort, before, text)
                ids, names, complete = index.search(text, 2)
                assert ids == expected[:2] and complete == (len(expected) <= 2)
                assert len(names) == len(ids)
