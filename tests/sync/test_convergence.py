"""State that must converge on every installation: conflicts (and their resolution) travel
in packages, and reference data seeded separately ends up as one copy."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid

import pytest
from sqlalchemy import func, select

from jianan_desk.services.projects import ProjectInput, create_project
from jianan_desk.store.models import IndustryNode, IndustryNodeName, Project, Unit
from jianan_desk.sync.conflicts import list_conflicts, resolve_conflict
from tests.sync.helpers import (
    copy_installation,
    discard,
    new_installation,
    send,
    snapshot,
)
from tests.sync.helpers import open_conflicts as _open


def _project(db, name="三佳万向节项目"):
    with db.session() as s:
        data = ProjectInput(name=name, total_investment_wan="5亿")
        return create_project(s, data, "张三", stage_on=dt.date(2022, 1, 1)).id


def _edit(db, pid, **values):
    with db.session() as s:
        p = s.get(Project, pid)
        for k, v in values.items():
            setattr(p, k, v)


def test_a_conflict_found_on_one_side_is_listed_on_the_other(office, laptop, tmp_path):
    pid = _project(office)
    send(office, laptop, tmp_path)
    _edit(office, pid, notes="办公室：已对接土地")
    _edit(laptop, pid, notes="出差：对方要求降低地价")
    # whichever note is later, the office finds the conflict on import …
    first = send(laptop, office, tmp_path)
    assert [c.field for c in first.conflicts] == ["notes"]
    # … and the laptop learns of it with the office's next package, whoever won
    back = send(office, laptop, tmp_path)
    assert [c.field for c in back.conflicts] == ["notes"]
    assert _open(laptop) == _open(office) != []
    with laptop.session(readonly=True) as s:
        (row,) = list_conflicts(s)
    assert (row.mine, row.theirs) == ("出差：对方要求降低地价", "办公室：已对接土地")  # its side


@pytest.mark.parametrize("choice", ["mine", "theirs"])
def test_a_resolution_on_either_side_closes_it_everywhere(office, laptop, tmp_path, choice):
    """Resolved on the side that did not find it (keeping the current value, so the package
    changes no value on the other side): it is closed there too."""
    pid = _project(office)
    send(office, laptop, tmp_path)
    _edit(office, pid, notes="本机")
    _edit(laptop, pid, notes="对方")
    send(laptop, office, tmp_path)
    send(office, laptop, tmp_path)
    with laptop.session() as s:
        (row,) = list_conflicts(s)
        resolve_conflict(s, row.id, choice, "王五")
    assert _open(laptop) == []
    send(laptop, office, tmp_path)
    assert _open(office) == []
    assert snapshot(office) == snapshot(laptop)
    # and a later exchange does not bring it back
    send(office, laptop, tmp_path)
    send(laptop, office, tmp_path)
    assert _open(office) == _open(laptop) == []


def test_an_ordinary_later_edit_settles_a_conflict_everywhere(office, laptop, tmp_path):
    pid = _project(office)
    send(office, laptop, tmp_path)
    _edit(office, pid, location="产业集聚区")
    _edit(laptop, pid, location="建安区")
    send(laptop, office, tmp_path)
    send(office, laptop, tmp_path)
    assert len(_open(office)) == 1 == len(_open(laptop))
    _edit(office, pid, location="许昌")  # made knowing both values
    assert _open(office) == []
    send(office, laptop, tmp_path)
    assert _open(laptop) == []


def test_a_third_installation_lists_the_conflict_too(office, laptop, tmp_path):
    third = copy_installation(office, tmp_path / "third.sqlite")
    try:
        pid = _project(office)
        send(office, laptop, tmp_path)
        _edit(office, pid, notes="甲")
        _edit(laptop, pid, notes="乙")
        send(laptop, office, tmp_path)
        send(office, third, tmp_path)
        assert _open(third) == _open(office) != []
        with third.session() as s:
            (row,) = list_conflicts(s)
            resolve_conflict(s, row.id, "edit", "赵六", edited="丙")
        send(third, office, tmp_path)
        send(third, laptop, tmp_path)
        for db in (office, laptop, third):
            assert _open(db) == []
            with db.session(readonly=True) as s:
                assert s.get(Project, pid).notes == "丙"
    finally:
        discard(third)


# ---------------------------------------------------------------- reference data


def _count(db, model):
    with db.session(readonly=True) as s:
        return s.scalar(select(func.count()).select_from(model))


def _exchange(a, b, folder):
    for src, dst in itertools.permutations((a, b)):
        send(src, dst, folder)


def test_two_databases_seeded_separately_sync_to_one_copy(tmp_path):
    a = new_installation(tmp_path / "a.sqlite")
    b = new_installation(tmp_path / "b.sqlite")
    try:
        seeded = {m: _count(a, m) for m in (IndustryNode, IndustryNodeName, Unit)}
        _project(a, "甲地项目")  # each holds data of its own: neither is a fresh copy
        _project(b, "乙地项目")
        with b.session() as s:  # an edit of a seeded row on one side only
            unit = s.scalars(select(Unit).order_by(Unit.sort_order)).first()
            unit.name = unit.name + "（新）"
            renamed = unit.id
        _exchange(a, b, tmp_path)
        for db in (a, b):
            assert {m: _count(db, m) for m in seeded} == seeded
            with db.session(readonly=True) as s:
                assert s.get(Unit, renamed).name.endswith("（新）")
            assert _open(db) == []  # the untouched seed is no conflict
        assert snapshot(a) == snapshot(b)
    finally:
        discard(a)
        discard(b)


def test_databases_seeded_with_random_ids_are_matched_by_natural_key(tmp_path, monkeypatch):
    """A database seeded before ids were derived from natural keys (random ids) and a new
    one: the import matches the 222 name history by node and date, units by name…"""
    from jianan_desk.store import seed

    monkeypatch.setattr(seed, "seed_id", lambda *_key: str(uuid.uuid4()))
    old = new_installation(tmp_path / "old.sqlite")
    monkeypatch.undo()
    new = new_installation(tmp_path / "new.sqlite")
    try:
        seeded = {m: _count(new, m) for m in (IndustryNode, IndustryNodeName, Unit)}
        assert {m: _count(old, m) for m in seeded} == seeded
        _project(old, "老数据库的项目")
        _project(new, "新数据库的项目")
        _exchange(old, new, tmp_path)
        _exchange(old, new, tmp_path)
        for db in (old, new):
            assert {m: _count(db, m) for m in seeded} == seeded
        assert snapshot(old) == snapshot(new)
    finally:
        discard(old)
        discard(new)
