"""The editable 222 system: rename keeps history, reorder, add, retire keeps references."""

import datetime as dt

import pytest
from sqlalchemy import select

from jianan_desk.services.audit import changes_of
from jianan_desk.services.errors import ValidationError
from jianan_desk.services.industry_map import industry_map
from jianan_desk.services.industry_tree import (
    NodeInput,
    add_node,
    industries,
    link_choices,
    load_tree,
    move_node,
    name_history,
    names_as_of,
    rename_node,
    restore_node,
    retire_node,
    update_node,
)
from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.store.models import IndustryNode, Project

ACTOR = "王招商"
D = dt.date


def node(s, code):
    return s.scalar(select(IndustryNode).where(IndustryNode.code == code))


def test_shipped_tree_shape(db):
    with db.session() as s:
        tree = load_tree(s)
        assert [g.name for g in tree] == ["两大主导产业", "两大特色产业", "两大新兴产业"]
        hair = tree[0].children[0]
        assert hair.name == "发制品"
        assert [link.name for link in hair.children] == [
            "化纤原料·耐高温纤维",
            "发条加工",
            "假发成品",
            "跨境电商·品牌",
        ]
        assert hair.children[0].position_label == "上游"
        assert hair.children[0].status_label == "补链"
        assert len(industries(s)) == 6
        assert link_choices(s)[0][1] == "发制品·化纤原料·耐高温纤维"


def test_rename_keeps_history_and_past_names(db):
    with db.session() as s:
        link = node(s, "hair.ecommerce")
        rename_node(s, link.id, "跨境电商·自主品牌", ACTOR, effective_on=D(2024, 1, 1))
        s.commit()
        assert link.name == "跨境电商·自主品牌"
        history = name_history(s, link.id)
        assert [(h.name, h.valid_from, h.valid_to) for h in history] == [
            ("跨境电商·品牌", D(2022, 1, 1), D(2023, 12, 31)),
            ("跨境电商·自主品牌", D(2024, 1, 1), None),
        ]
        assert names_as_of(s, D(2023, 6, 30))[link.id] == "跨境电商·品牌"
        assert names_as_of(s, D(2023, 12, 31))[link.id] == "跨境电商·品牌"
        assert names_as_of(s, D(2024, 1, 1))[link.id] == "跨境电商·自主品牌"
        # before the system was published: its first name
        assert names_as_of(s, D(2020, 1, 1))[link.id] == "跨境电商·品牌"
        # a same-day correction replaces the new name, not the history
        rename_node(s, link.id, "跨境电商·品牌出海", ACTOR, effective_on=D(2024, 1, 1))
        assert [h.name for h in name_history(s, link.id)] == ["跨境电商·品牌", "跨境电商·品牌出海"]
        with pytest.raises(ValidationError):
            rename_node(s, link.id, "更早", ACTOR, effective_on=D(2023, 1, 1))
        actions = [c.changes for c in changes_of(s, link.id)]
        assert any("name" in c for c in actions)


def test_update_attributes_and_validation(db):
    with db.session() as s:
        link = node(s, "auto.electronics")
        update_node(
            s,
            link.id,
            NodeInput(
                name=link.name,
                position="midstream",
                chain_status="strong",
                description="线束与传感器",
                key_products="线束",
            ),
            ACTOR,
        )
        assert link.chain_status == "strong" and link.description == "线束与传感器"
        assert len(name_history(s, link.id)) == 1  # no rename, no new name record
        with pytest.raises(ValidationError) as err:
            update_node(s, link.id, NodeInput(name="", position="left"), ACTOR)
        assert set(err.value.errors) == {"name", "position", "chain_status"}
        with pytest.raises(ValidationError):  # a sibling already has that name
            rename_node(s, link.id, "汽车电子", ACTOR)  # unchanged: fine
            rename_node(s, link.id, "钢材·铸锻件", ACTOR)


def test_add_and_reorder(db):
    with db.session() as s:
        hair = node(s, "hair")
        new = add_node(
            s,
            hair.id,
            NodeInput(name="发制品设备", position="upstream", chain_status="missing"),
            ACTOR,
            effective_on=D(2023, 1, 1),
        )
        assert new.level == "link" and new.code.startswith("hair.")
        assert new.sort_order == 4
        assert names_as_of(s, D(2023, 1, 1))[new.id] == "发制品设备"
        group = add_node(s, None, NodeInput(name="未来产业"), ACTOR)
        assert group.level == "group"
        industry = add_node(s, group.id, NodeInput(name="氢能"), ACTOR)
        assert industry.level == "industry"
        with pytest.raises(ValidationError):
            add_node(s, new.id, NodeInput(name="x"), ACTOR)  # nothing under a link

        move_node(s, new.id, -10, ACTOR)  # to the top
        names = [c.name for c in load_tree(s)[0].children[0].children]
        assert names[0] == "发制品设备"
        move_node(s, new.id, 1, ACTOR)
        names = [c.name for c in load_tree(s)[0].children[0].children]
        assert names[:2] == ["化纤原料·耐高温纤维", "发制品设备"]
        orders = [c.sort_order for c in load_tree(s)[0].children[0].children]
        assert orders == [0, 1, 2, 3, 4]


def test_retire_keeps_references(db):
    with db.session() as s:
        hair = node(s, "hair")
        link = node(s, "hair.ecommerce")
        project = create_project(
            s,
            ProjectInput(
                name="跨境电商产业园",
                industry_node_id=hair.id,
                chain_link_id=link.id,
                total_investment_wan="20000",
            ),
            ACTOR,
        )
        retire_node(s, link.id, ACTOR, on=D(2024, 1, 1))
        s.commit()
        # nothing deleted; the project still points at the link
        assert link.deleted_at is None and link.retired_on == D(2024, 1, 1)
        assert s.get(Project, project.id).chain_link_id == link.id
        # hidden from the live tree and map, kept in the full tree and on request
        live = [c.name for c in load_tree(s, include_retired=False)[0].children[0].children]
        assert "跨境电商·品牌" not in live
        assert "跨境电商·品牌" in [c.name for c in load_tree(s)[0].children[0].children]
        assert link.id not in [x.id for x in industry_map(s, hair.id).links]
        kept = industry_map(s, hair.id, include_retired=True)
        assert next(x for x in kept.links if x.id == link.id).leads == 1
        with pytest.raises(ValidationError):
            retire_node(s, link.id, ACTOR)
        restore_node(s, link.id, ACTOR)
        assert link.retired_on is None


def test_retiring_an_industry_retires_its_links(db):
    with db.session() as s:
        food = node(s, "food")
        retire_node(s, food.id, ACTOR, on=D(2025, 1, 1))
        links = s.scalars(select(IndustryNode).where(IndustryNode.parent_id == food.id)).all()
        assert links and all(x.retired_on == D(2025, 1, 1) for x in links)
        assert "食品加工及包装" not in [i.name for i in industries(s)]
        with pytest.raises(ValidationError):
            restore_node(s, links[0].id, ACTOR)  # parent still retired
        restore_node(s, food.id, ACTOR)
        assert all(x.retired_on is None for x in links)
