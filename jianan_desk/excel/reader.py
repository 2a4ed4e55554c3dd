"""Reading untrusted spreadsheets: .xlsx/.xlsm/.xls/.ods through python-calamine, .csv.

calamine never evaluates formulas (it reads the cached values) and does not expand XML
entities; a sheet whose formatting runs to row 1,048,576 costs only its real rows because
empty trailing rows are dropped here. Text cells are cleaned of NUL and control characters.
"""

from __future__ import annotations

import csv
import datetime as dt
import gc
import io
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MAX_FILE_BYTES = 100 * 1024 * 1024  # 100 MB
MAX_ROWS = 200_000
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

Cell = str | float | int | bool | dt.date | dt.datetime | dt.time | dt.timedelta | None


class SpreadsheetError(ValueError):
    """A file that cannot be read (message in Chinese)."""


@dataclass
class Table:
    """One sheet's rows (row 0 is the sheet's row 1) and its name."""

    sheet: str
    rows: list[list[Cell]]
    sheet_names: tuple[str, ...] = ()


def clean_cell(value: Any) -> Cell:
    """Text without NUL/control characters (line breaks kept); other values as they are."""
    if isinstance(value, str):
        return _CONTROL.sub("", value)
    return value


def _trim(rows: list[list[Any]]) -> list[list[Cell]]:
    """Cleaned rows (in place); trailing empty rows (formatting to row 1,048,576) dropped.

    Equal texts and dates are made one object: a ledger repeats its places, units, stages
    and dates down 100,000 rows, and the reader gives each cell its own copy."""
    search, sub = _CONTROL.search, _CONTROL.sub
    texts: dict[str, str] = {}
    days: dict[Any, Any] = {}  # dates and datetimes (never equal to each other)
    last = -1
    for i, row in enumerate(rows):
        for j, v in enumerate(row):
            t = type(v)
            if t is str:
                if search(v):
                    v = sub("", v)
                row[j] = texts.setdefault(v, v)
            elif t is dt.date or t is dt.datetime:
                row[j] = days.setdefault(v, v)
        if any(row) or any(v is not None and v != "" for v in row):
            last = i
    return rows[: last + 1]


def _decode_csv(data: bytes) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")  # a superset of GBK and GB2312
    except UnicodeDecodeError:
        raise SpreadsheetError("CSV 文件编码无法识别（请另存为 UTF-8 或 GBK 编码）") from None


def read_table(path: Path, sheet: str | None = None, *, max_bytes: int = MAX_FILE_BYTES) -> Table:
    """The rows of ``sheet`` (default: the first sheet with data) of ``path``."""
    if not path.exists():
        raise SpreadsheetError(f"文件不存在：{path}")
    size = path.stat().st_size
    if size > max_bytes:
        raise SpreadsheetError(
            f"文件过大：{size / 1024 / 1024:.1f} MB，超过 {max_bytes // 1024 // 1024} MB 的上限"
            "（请拆分后分批导入）"
        )
    suffix = path.suffix.lower()
    if suffix == ".csv":
        text = _decode_csv(path.read_bytes())
        try:
            dialect = csv.Sniffer().sniff(text[:4096], delimiters=",\t;")
        except csv.Error:
            dialect = csv.excel  # type: ignore[assignment]
        rows = [list(r) for r in csv.reader(io.StringIO(text), dialect)]
        return Table(path.stem, _check_rows(_trim(rows)), (path.stem,))
    if suffix not in SPREADSHEET_SUFFIXES:
        raise SpreadsheetError(f"不支持的文件类型“{path.suffix}”：请使用 .xlsx、.xls 或 .csv")
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own error types
        raise SpreadsheetError(f"无法读取表格文件（文件损坏或不是 Excel 格式）：{exc}") from None
    try:
        names = tuple(book.sheet_names)
        if sheet is not None:
            if sheet not in names:
                raise SpreadsheetError(f"找不到工作表“{sheet}”；本文件的工作表：{'、'.join(names)}")
            candidates = [sheet]
        else:
            candidates = list(names)
        for name in candidates:
            with _gc_paused():  # millions of cells, no cycles: no collector passes
                try:
                    rows = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
                except Exception as exc:
                    raise SpreadsheetError(f"无法读取工作表“{name}”：{exc}") from None
                trimmed = _trim(rows)
            if trimmed or name == candidates[-1]:
                return Table(name, _check_rows(trimmed), names)
    finally:
        book.close()
    raise SpreadsheetError("文件中没有工作表")


@contextmanager
def _gc_paused() -> Iterator[None]:
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _check_rows(rows: list[list[Cell]]) -> list[list[Cell]]:
    if len(rows) > MAX_ROWS:
        raise SpreadsheetError(
            f"行数过多：{len(rows)} 行，超过 {MAX_ROWS} 行的上限（请拆分后导入）"
        )
    return rows
