"""Industry names matched to the 222 nodes: exact, then normalised, then asking."""

from __future__ import annotations

from sqlalchemy import select

from jianan_desk.excel.columns import load_industry_answers
from jianan_desk.excel.projects_import import (
    industry_choices,
    plan_import,
    remember_industry_map,
    remembered_industry_map,
    suggest_industry,
    unmatched_industries,
)
from jianan_desk.excel.reader import read_table
from jianan_desk.store.models import IndustryNode, Project
from tests.excel.test_import_projects import messy_rows, run, write_messy_xlsx


def ledger(tmp_path, names):
    """The messy ledger with the industry cells of its first rows replaced by ``names``."""
    rows = messy_rows()
    data = [r for r in rows if isinstance(r[0], int)]
    for row, name in zip(data, names, strict=False):
        row[6] = name
    return write_messy_xlsx(tmp_path / "industries.xlsx", rows)


def node_id(session, code):
    return session.scalar(select(IndustryNode.id).where(IndustryNode.code == code))


def test_suggestions(db):
    with db.session(readonly=True) as s:
        choices = industry_choices(s)
        names = ("汽车零部件", "生物制药", "环保", "假发", "火星产业", "新能源")
        guess = {n: getattr(suggest_industry(n, choices), "code", None) for n in names}
    assert guess == {
        "汽车零部件": "auto",
        "生物制药": "biomed",
        "环保": "environment",  # the industry before its link 环保装备制造
        "假发": "hair.wig",  # only a chain link is close
        "火星产业": None,
        "新能源": None,
    }


def test_exact_normalised_then_unmatched(db, tmp_path):
    path = ledger(tmp_path, ["电子信息产业", " 生物 医药 ", "汽车零部件", "火星产业", "汽车零部件"])
    with db.session(readonly=True) as s:
        found = unmatched_industries(s, read_table(path))
        plan = plan_import(s, read_table(path))
    # 电子信息产业 and " 生物 医药 " matched normalised; the other two are asked about
    assert [(u.name, u.rows, u.guess and u.guess.code) for u in found] == [
        ("汽车零部件", 2, "auto"),
        ("火星产业", 1, None),
    ]
    assert plan.unmatched_industries == {"汽车零部件": 2, "火星产业": 1}
    reasons = [e.reason for e in plan.errors if e.column == "所属产业"]
    assert len(reasons) == 3
    assert any("可能是“汽车零部件及装备制造”" in r for r in reasons)


def test_answers_resolve_rows(db, tmp_path):
    path = ledger(tmp_path, ["汽车零部件", "假发", "火星产业"])
    with db.session(readonly=True) as s:
        auto, wig = node_id(s, "auto"), node_id(s, "hair")
        link = node_id(s, "hair.wig")
        answers = {"汽车零部件": auto, "假发": link, "火星产业": ""}
        assert unmatched_industries(s, read_table(path), industry_map=answers) == []
        plan = plan_import(s, read_table(path), industry_map=answers)
    assert not plan.errors and plan.unmatched_industries == {}
    by_name = {r.name: r.values for r in plan.rows}
    assert by_name["年产10万吨新材料项目"]["industry_node_id"] == auto
    assert by_name["智能装备 产业园"]["industry_node_id"] == wig  # a link gives its industry
    assert by_name["智能装备 产业园"]["chain_link_id"] == link
    assert by_name["生物医药中试基地"]["industry_node_id"] is None  # 不指定


def test_answers_are_remembered_by_code(db, tmp_path):
    with db.session(readonly=True) as s:
        choices = industry_choices(s)
        auto = node_id(s, "auto")
        remember_industry_map({"汽车零部件产业": auto, "火星": ""}, choices)
        assert load_industry_answers() == {"汽车零部件": "auto", "火星": ""}
        assert remembered_industry_map(choices) == {"汽车零部件": auto, "火星": ""}


def test_cli_names_unmatched_values_and_map_industry_resolves(db, tmp_path, capsys):
    path = ledger(tmp_path, ["汽车零部件", "火星产业", "汽车零部件"])
    code, out, err = run(capsys, "--db", db.url, "import", path)
    assert code == 1 and "未导入任何数据" in err
    assert "未识别的产业名称 2 个" in out
    assert "“汽车零部件”：2 行，可能是“汽车零部件及装备制造”" in out
    assert "“火星产业”：1 行，无相近节点" in out
    assert "--map-industry 汽车零部件=汽车零部件及装备制造" in out

    # answers match names normalised (火星 = 火星产业); one name left: nothing written
    code, out, err = run(capsys, "--db", db.url, "import", path, "--map-industry", "火星=发制品")
    assert code == 1 and "未识别的产业名称 1 个" in out and "“汽车零部件”" in out
    assert load_industry_answers() == {}  # remembered only after an import went through
    code, out, err = run(
        capsys, "--db", db.url, "import", path,
        "--map-industry", "汽车零部件=汽车零部件及装备制造",
        "--map-industry", "火星产业=不指定",
    )  # fmt: skip
    assert code == 0, err
    with db.session(readonly=True) as s:
        auto = node_id(s, "auto")
        industry = dict(s.execute(select(Project.name, Project.industry_node_id)).all())
    assert industry["年产10万吨新材料项目"] == auto
    assert industry["智能装备 产业园"] is None
    # remembered: the next file with the same names needs no option
    assert load_industry_answers() == {"汽车零部件": "auto", "火星": ""}
    with db.session(readonly=True) as s:
        plan = plan_import(s, read_table(path), industry_map=remembered_industry_map(
            industry_choices(s)))  # fmt: skip
    assert plan.unmatched_industries == {}


def test_cli_unknown_node_is_a_chinese_error(db, tmp_path, capsys):
    path = ledger(tmp_path, ["汽车零部件"])
    code, _, err = run(capsys, "--db", db.url, "import", path, "--map-industry", "汽车零部件=火箭")
    assert code != 0
    assert "“222”体系中没有节点“火箭”" in err and "发制品" in err
