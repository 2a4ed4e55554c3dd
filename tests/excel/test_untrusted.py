"""Imported files are untrusted: XML bombs are not expanded; defusedxml guards openpyxl."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl

from jianan_desk.excel.reader import SpreadsheetError, read_table

BOMB = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<!DOCTYPE lolz [<!ENTITY lol "lolololololololololololololololololololol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>\n"
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" '
    'uniqueCount="2"><si><t>项目名称</t></si><si><t>&lol9;</t></si></sst>'
)


def bomb_workbook(tmp_path: Path) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["项目名称", "投资方"])
    book.active.append(["x", "y"])
    plain = tmp_path / "plain.xlsx"
    book.save(plain)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(bomb, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/sharedStrings.xml":
                data = BOMB.encode("utf-8")
            dst.writestr(item, data)
    return bomb


def test_defusedxml_is_active_for_openpyxl(tmp_path):
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True
    try:
        book = openpyxl.load_workbook(bomb_workbook(tmp_path))
    except Exception as exc:  # defusedxml refuses the entity declarations
        assert "entit" in str(exc).lower() or "dtd" in str(exc).lower()
    else:  # or they are left unexpanded
        assert all(len(str(c.value or "")) < 1000 for row in book.active.iter_rows() for c in row)


def test_an_xml_bomb_is_not_expanded(tmp_path):
    path = bomb_workbook(tmp_path)
    try:
        table = read_table(path)
    except SpreadsheetError as exc:
        assert "无法读取" in str(exc)
    else:  # read without expanding the entities: no billion "lol"s
        assert all(len(str(v)) < 1000 for row in table.rows for v in row)
