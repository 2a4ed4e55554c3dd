"""Header rows: finding them, mapping their columns to fields, remembering mappings."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jianan_desk.domain.money import MoneyUnit

HEADER_SEARCH_ROWS = 15
MAPPINGS_FILE = "import-mappings.json"

# field → header synonyms (compared after ``header_key``); order matters only for display.
PROJECT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("项目名称", "项目", "名称", "项目名"),
    "investor": ("投资方", "签约企业", "投资主体", "建设单位", "投资企业", "投资单位", "企业名称"),
    "total_investment": ("总投资", "计划总投资", "投资额", "总投资额", "投资总额", "项目总投资"),
    "foreign_investment": ("合同外资", "外资", "利用外资"),
    "signed_on": ("签约时间", "签约日期"),
    "started_on": ("开工时间", "开工日期"),
    "operating_on": ("投产时间", "投产日期"),
    "industry": ("所属产业", "产业类别", "产业", "222产业"),
    "location": ("建设地点", "项目地址", "所在乡镇", "项目地点"),
    "stage": ("项目进展", "当前阶段", "进展情况", "项目阶段", "阶段"),
    "leader": ("分包领导", "包联领导", "包抓领导"),
    "unit": ("责任单位",),
    "notes": ("备注",),
    "code": ("项目编码", "项目编号"),
    "family": ("项目类别", "项目类型"),
    "construction_content": ("建设内容", "建设规模及内容", "建设规模和内容"),
}
FIELD_TITLES = {
    "name": "项目名称",
    "investor": "投资方",
    "total_investment": "总投资",
    "foreign_investment": "合同外资",
    "signed_on": "签约时间",
    "started_on": "开工时间",
    "operating_on": "投产时间",
    "industry": "所属产业",
    "location": "建设地点",
    "stage": "项目进展",
    "leader": "包联领导",
    "unit": "责任单位",
    "notes": "备注",
    "code": "项目编码",
    "family": "项目类别",
    "construction_content": "建设内容",
}
IGNORED_HEADERS = ("序号", "编号", "no", "no.")

# Other kinds of ledger: companies (客商), visits (拜访记录), annual targets (年度目标).
COMPANY_SYNONYMS: dict[str, tuple[str, ...]] = {
    "name": ("企业名称", "公司名称", "客商名称", "单位名称", "企业", "客商", "名称"),
    "uscc": ("统一社会信用代码", "社会信用代码", "信用代码", "统一代码"),
    "province": ("省份", "所在省", "省"),
    "city": ("城市", "所在城市", "所在地", "地区", "所在地区"),
    "industry": ("所属产业", "产业", "产业类别", "行业"),
    "scale": ("企业规模", "规模"),
    "website": ("网址", "官网", "企业网址"),
    "tags": ("标签",),
    "notes": ("备注", "说明"),
    "is_local": ("本地企业", "是否本地企业", "是否本地"),
    "is_target": ("目标企业", "是否目标企业"),
}
COMPANY_TITLES = {
    "name": "企业名称", "uscc": "统一社会信用代码", "province": "省份", "city": "城市",
    "industry": "所属产业", "scale": "企业规模", "website": "网址", "tags": "标签",
    "notes": "备注", "is_local": "本地企业", "is_target": "目标企业",
}  # fmt: skip
VISIT_SYNONYMS: dict[str, tuple[str, ...]] = {
    "visited_on": ("拜访日期", "拜访时间", "洽谈日期", "洽谈时间", "来访日期", "日期", "时间"),
    "company": ("企业名称", "拜访企业", "洽谈企业", "客商名称", "来访企业", "企业", "客商"),
    "uscc": ("统一社会信用代码", "社会信用代码", "信用代码"),
    "kind": ("拜访类型", "类型", "方式"),
    "city": ("城市", "拜访城市", "所在城市"),
    "place": ("地点", "拜访地点", "洽谈地点"),
    "attendees": ("参加人员", "我方人员", "参会人员", "拜访人员"),
    "content": ("洽谈内容", "拜访内容", "内容", "洽谈情况"),
    "outcome": ("洽谈成果", "成果", "洽谈结果", "结果"),
    "interest_level": ("意向程度", "意向", "投资意向"),
    "next_step": ("下一步", "下一步工作", "后续工作", "后续安排"),
    "follow_up_on": ("跟进日期", "下次跟进", "跟进时间"),
}
VISIT_TITLES = {
    "visited_on": "拜访日期", "company": "企业名称", "uscc": "统一社会信用代码",
    "kind": "拜访类型", "city": "城市", "place": "地点", "attendees": "参加人员",
    "content": "洽谈内容", "outcome": "洽谈成果", "interest_level": "意向程度",
    "next_step": "下一步", "follow_up_on": "跟进日期",
}  # fmt: skip
TARGET_SYNONYMS: dict[str, tuple[str, ...]] = {
    "year": ("年份", "年度", "年"),
    "plan": ("计划", "目标计划", "所属计划"),
    "metric": ("指标", "目标指标", "指标名称", "指标代码", "考核指标"),
    "value": ("目标值", "目标", "数值", "目标数"),
    "unit": ("单位", "计量单位"),
}
TARGET_TITLES = {
    "year": "年份",
    "plan": "计划",
    "metric": "指标",
    "value": "目标值",
    "unit": "单位",
}


@dataclass(frozen=True)
class KindColumns:
    """The columns one kind of ledger may have; ``key`` must be among a header row's."""

    synonyms: dict[str, tuple[str, ...]]
    titles: dict[str, str]
    key: str
    money: tuple[str, ...] = ()


KINDS: dict[str, KindColumns] = {
    "projects": KindColumns(
        PROJECT_SYNONYMS, FIELD_TITLES, "name", ("total_investment", "foreign_investment")
    ),
    "companies": KindColumns(COMPANY_SYNONYMS, COMPANY_TITLES, "name"),
    "visits": KindColumns(VISIT_SYNONYMS, VISIT_TITLES, "company"),
    "targets": KindColumns(TARGET_SYNONYMS, TARGET_TITLES, "metric", ("value",)),
}

_PAREN = re.compile(r"[(\[【][^)\]】]*[)\]】]")
_JUNK = re.compile(r"[\s*＊:：/、]")


def header_key(text: object) -> str:
    """A header cell without units in brackets, spaces, line breaks, asterisks, colons."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).casefold()
    s = _PAREN.sub("", s)
    return _JUNK.sub("", s)


def header_unit(text: object) -> MoneyUnit | str | None:
    """The unit a header names: 亿元, 万元, 元, or "usd" for 万美元; None if none."""
    s = unicodedata.normalize("NFKC", str(text or ""))
    if "美元" in s:
        return "usd"
    if "亿" in s:
        return MoneyUnit.YI
    if "万" in s:
        return MoneyUnit.WAN
    if re.search(r"[(（]\s*元\s*[)）]", s):
        return MoneyUnit.YUAN
    return None


_LOOKUPS = {
    kind: {header_key(s): f for f, names in cols.synonyms.items() for s in names}
    for kind, cols in KINDS.items()
}


@dataclass
class ColumnMap:
    """Which column (0-based) holds which field, and what was left over."""

    header_row: int  # 0-based index into the rows
    fields: dict[str, int]
    units: dict[str, Any] = field(default_factory=dict)  # field → MoneyUnit | "usd"
    unknown: list[tuple[int, str]] = field(default_factory=list)  # (column, header text)
    headers: list[str] = field(default_factory=list)
    remembered: bool = False
    kind: str = "projects"

    @property
    def titles(self) -> dict[str, str]:
        """field → its Chinese title, for this kind of ledger."""
        return KINDS[self.kind].titles


def guess_field(text: object, kind: str = "projects") -> str | None:
    key = header_key(text)
    if not key:
        return None
    return _LOOKUPS[kind].get(key)


def find_header(rows: list[list[Any]], kind: str = "projects") -> int | None:
    """The index of the row within the first 15 that names the most known fields (≥ 2,
    among them the kind's key column: 项目名称, 企业名称, 指标…); None if there is none."""
    best, best_score = None, 1
    required = KINDS[kind].key
    for i, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        found = {f for f in (guess_field(v, kind) for v in row) if f}
        if len(found) > best_score and required in found:
            best, best_score = i, len(found)
    return best


def header_hash(headers: list[str], kind: str = "projects") -> str:
    joined = "\x1f".join(header_key(h) for h in headers)
    if kind != "projects":  # projects keep the keys remembered before kinds existed
        joined = kind + "\x1e" + joined
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def _mappings_path() -> Path:
    from jianan_desk.paths import data_dir

    return data_dir() / MAPPINGS_FILE


def load_mappings() -> dict[str, Any]:
    try:
        data = json.loads(_mappings_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save_json(path: Path, data: dict[str, Any]) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)


def remember_mapping(cmap: ColumnMap) -> None:
    """Store ``cmap`` for files with the same header row."""
    data = load_mappings()
    data[header_hash(cmap.headers, cmap.kind)] = {
        "kind": cmap.kind,
        "headers": cmap.headers,
        "fields": {f: c for f, c in cmap.fields.items()},
    }
    _save_json(_mappings_path(), data)


INDUSTRY_ANSWERS_FILE = "import-industries.json"


def _industry_answers_path() -> Path:
    from jianan_desk.paths import data_dir

    return data_dir() / INDUSTRY_ANSWERS_FILE


def load_industry_answers() -> dict[str, str]:
    """Industry names answered in the asking step of earlier imports: normalised name →
    222 node *code* (stable across databases), or "" for 不指定."""
    try:
        saved = json.loads(_industry_answers_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(saved, dict):
        return {}
    return {str(k): v for k, v in saved.items() if isinstance(v, str)}


def remember_industry_answers(answers: dict[str, str]) -> None:
    """Add ``answers`` (normalised name → node code or "") to the remembered ones."""
    if not answers:
        return
    merged = load_industry_answers()
    merged.update(answers)
    _save_json(_industry_answers_path(), merged)


def map_columns(
    rows: list[list[Any]],
    overrides: dict[str, str] | None = None,
    *,
    kind: str = "projects",
    header_row: int | None = None,
) -> ColumnMap | None:
    """Find the header row (or take ``header_row``) and map its columns. ``overrides``:
    header text → field (or "") chosen by hand; a mapping remembered for the same headers
    is used otherwise."""
    cols = KINDS[kind]
    index = find_header(rows, kind) if header_row is None else header_row
    if index is None or index >= len(rows):
        return None
    row = rows[index]
    headers = ["" if v is None else re.sub(r"\s+", "", str(v)) for v in row]
    remembered = load_mappings().get(header_hash(headers, kind))
    fields: dict[str, int] = {}
    unknown: list[tuple[int, str]] = []
    by_hand = {header_key(k): v for k, v in (overrides or {}).items()}
    if remembered and not by_hand:
        saved = remembered.get("fields", {})
        fields = {f: int(c) for f, c in saved.items() if f in cols.titles and int(c) < len(row)}
    else:
        for col, text in enumerate(headers):
            key = header_key(text)
            if not key:
                continue
            f = by_hand[key] if key in by_hand else guess_field(text, kind)
            if f and f not in fields:
                fields[f] = col
    for col, text in enumerate(headers):
        key = header_key(text)
        if key and col not in fields.values() and key not in IGNORED_HEADERS:
            unknown.append((col, text))
    units = {}
    for f in cols.money:
        if f in fields:
            units[f] = header_unit(headers[fields[f]])
    # 总投资（万美元）: foreign investment, not 万元
    if units.get("total_investment") == "usd" and "foreign_investment" not in fields:
        fields["foreign_investment"] = fields.pop("total_investment")
        units["foreign_investment"] = "usd"
        del units["total_investment"]
    return ColumnMap(index, fields, units, unknown, headers, remembered=bool(remembered), kind=kind)
