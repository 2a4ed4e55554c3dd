"""招商图谱 counts: grouped SQL equals an independent count on the demo data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal

import pytest
from sqlalchemy import select, text

from jianan_desk.services.companies import CompanyInput, create_company
from jianan_desk.services.demo import generate_demo_data
from jianan_desk.services.industry_map import (
    coverage_rows,
    coverage_sentence,
    industry_map,
    link_details,
    overview,
)
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.services.target_companies import (
    TargetEntryInput,
    create_target_entry,
    list_stale_targets,
)
from jianan_desk.store.engine import Database
from jianan_desk.store.migrations import upgrade
from jianan_desk.store.models import IndustryNode
from tests.helpers import open_db

ACTOR = "王招商"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_db(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    upgrade(database)
    with database.session() as s:
        generate_demo_data(s)
    yield database
    database.dispose()


INDEPENDENT = """
SELECT n.id,
  (SELECT count(*) FROM companies c
    WHERE c.industry_node_id = n.id AND c.is_local = TRUE AND c.deleted_at IS NULL),
  (SELECT count(*) FROM target_companies t
    WHERE t.chain_link_id = n.id AND t.deleted_at IS NULL
      AND t.status NOT IN ('signed', 'dropped')),
  (SELECT count(*) FROM projects p
    WHERE p.chain_link_id = n.id AND p.deleted_at IS NULL
      AND p.stage IN ('lead', 'negotiating')),
  (SELECT count(*) FROM projects p
    WHERE p.chain_link_id = n.id AND p.deleted_at IS NULL
      AND p.stage IN ('signed', 'performing', 'started', 'operating')),
  (SELECT coalesce(sum(p.total_investment_wan), 0) FROM projects p
    WHERE p.chain_link_id = n.id AND p.deleted_at IS NULL
      AND p.stage IN ('signed', 'performing', 'started', 'operating'))
FROM industry_nodes n WHERE n.level = 'link'
"""


def test_counts_equal_an_independent_sql_count(demo):
    with demo.session(readonly=True) as s:
        expected = {
            r[0]: (r[1], r[2], r[3], r[4], Decimal(r[5]) / 10000)  # stored as whole 元
            for r in s.execute(text(INDEPENDENT)).all()
        }
        rows = coverage_rows(s)
        assert len(rows) == len(expected) == 21
        got = {r.id: (r.local, r.targets, r.leads, r.signed, r.signed_wan) for r in rows}
        assert got == expected
        # the demo is not empty: every kind of count occurs
        assert sum(r.local for r in rows) > 0
        assert sum(r.targets for r in rows) > 0
        assert sum(r.leads for r in rows) > 0
        assert sum(r.signed for r in rows) > 0
        # one industry's map equals its part of the overview
        maps = overview(s)
        assert [m.name for m in maps][:2] == ["发制品", "汽车零部件及装备制造"]
        one = industry_map(s, maps[0].id)
        assert one == maps[0]
        # gaps: no local enterprise and no open lead
        for r in rows:
            assert r.gap == (r.local == 0 and r.leads == 0)


def test_link_details_list_what_is_counted(demo):
    with demo.session(readonly=True) as s:
        for r in coverage_rows(s):
            d = link_details(s, r.id, as_of=dt.date(2022, 3, 31))
            assert (len(d.local), len(d.targets), len(d.leads), len(d.signed)) == (
                r.local,
                r.targets,
                r.leads,
                r.signed,
            )
            assert sum((p.total_wan for p in d.signed), Decimal(0)) == r.signed_wan


def test_demo_has_stale_targets(demo):
    with demo.session(readonly=True) as s:
        stale = list_stale_targets(s, dt.date(2022, 3, 31))
        assert stale
        assert stale[0].days_since is None  # never contacted first


def test_gap_sentence_and_counts_on_a_fresh_database(db):
    with db.session() as s:
        hair = s.scalar(select(IndustryNode).where(IndustryNode.code == "hair"))
        links = {
            n.code: n
            for n in s.scalars(select(IndustryNode).where(IndustryNode.parent_id == hair.id))
        }
        m = industry_map(s, hair.id)
        assert len(m.links) == 4 and len(m.gaps) == 4
        local = create_company(
            s,
            CompanyInput(
                name="许昌发条有限公司", is_local=True, industry_node_id=links["hair.strand"].id
            ),
            ACTOR,
        )
        assert local
        for name, link in (("甲", "hair.fiber"), ("乙", "hair.wig"), ("丙", "hair.wig")):
            create_project(
                s,
                ProjectInput(
                    name=f"{name}项目",
                    chain_link_id=links[link].id,
                    total_investment_wan="5000",
                ),
                ACTOR,
            )
        for name in ("深圳甲电商有限公司", "深圳乙电商有限公司", "深圳丙电商有限公司"):
            company = create_company(s, CompanyInput(name=name, city="深圳"), ACTOR)
            create_target_entry(
                s,
                TargetEntryInput(company_id=company.id, chain_link_id=links["hair.ecommerce"].id),
                ACTOR,
            )
        m = industry_map(s, hair.id)
        assert [g.name for g in m.gaps] == ["跨境电商·品牌"]
        assert m.total("leads") == 3 and m.total("targets") == 3
        assert [x.name for x in m.column("midstream")] == ["发条加工", "假发成品"]
        assert coverage_sentence(m) == (
            "发制品：4个环节，1个缺口（跨境电商·品牌：本地企业0家，目标企业3家，在谈线索0个）"
        )
