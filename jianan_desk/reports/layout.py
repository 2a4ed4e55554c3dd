"""The shared look of every report: page, header block, styles, tables and the footer.

- A4, margins after GB/T 9704: top 37 mm, binding (left) 28 mm, bottom 35 mm, right 26 mm;
  landscape pages (wide tables) keep the binding side and right margins and use 25 mm top
  and 24 mm bottom so that a table keeps its height.
- A plain header on the first page (no red 版头: these are internal reports): the title in
  小标宋 (bold Song), the period, 制表单位 and 制表日期, and the as-of date of the data.
- Running text in 仿宋, headings in 黑体 (一、) and 楷体 (（一）), tables in 仿宋 with a 黑体 header
  row that repeats on every page; rows never split across pages; numbers right-aligned.
- 第X页 共Y页 centred in the footer (the page total is known when the document is saved).

Table cells are plain strings, wrapped here line by line (CJK line-breaking rules) so that
reportlab draws them directly; only a cell holding a character the body face lacks becomes a
``Paragraph`` (with that character set in the fallback face): wrapping every cell in a
``Paragraph`` is about 3× slower.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    LongTable,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from jianan_desk import APP_TITLE
from jianan_desk.domain.money import format_yi
from jianan_desk.reports.fonts import FontSet, covers, markup, report_fonts
from jianan_desk.reports.period import cn_date

DEFAULT_ISSUER = "建安区投资促进中心"

# GB/T 9704-2012 §5.2.1: 天头 37 mm, 订口 28 mm; the text block is 156 × 225 mm.
PORTRAIT_MARGINS = (28 * mm, 26 * mm, 37 * mm, 35 * mm)  # left, right, top, bottom
LANDSCAPE_MARGINS = (28 * mm, 26 * mm, 25 * mm, 24 * mm)
INK = colors.black
RULE = colors.Color(0.25, 0.25, 0.25)
GROUP_FILL = colors.Color(0.95, 0.95, 0.95)
HEAD_FILL = colors.Color(0.90, 0.90, 0.90)


# ------------------------------------------------------------------ numbers


def yi(wan: Decimal | int | None) -> str:
    """万元 → 亿元 with two decimals ("284.48"); "—" for none."""
    return "—" if wan is None else format_yi(Decimal(wan))


def number(value: Decimal | int | None, places: int = 2) -> str:
    if value is None:
        return "—"
    q = Decimal(1).scaleb(-places)
    return f"{Decimal(value).quantize(q, rounding=ROUND_HALF_UP):,.{places}f}"


def percent(fraction: Decimal | None, places: int = 1) -> str:
    """0.733333 → "73.3%"; "—" for none."""
    if fraction is None:
        return "—"
    return number(Decimal(fraction) * 100, places) + "%"


CN_NUMERALS = "一二三四五六七八九十"


def cn_ordinal(n: int) -> str:
    """1 → 一, 12 → 十二, 25 → 二十五 (group numbers up to 99)."""
    if n <= 10:
        return CN_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    head = "" if tens == 1 else CN_NUMERALS[tens - 1]
    return head + "十" + (CN_NUMERALS[ones - 1] if ones else "")


_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d)(\d{4})(\d{4})(?!\d)")
_PHONE = re.compile(r"(?<!\d)(0\d{2,3}-?)(\d{3,4})(\d{4})(?!\d)")


def mask_contact(text: str) -> str:
    """Mask mobile and landline numbers anywhere in ``text``: 13812345678 → 138****5678."""
    text = _MOBILE.sub(lambda m: f"{m[1]}****{m[3]}", text)
    return _PHONE.sub(lambda m: f"{m[1]}{'*' * len(m[2])}{m[3]}", text)


# ------------------------------------------------------------------ page and document


@dataclass(frozen=True)
class ReportMeta:
    """What the header block says; every report has a title and an as-of date."""

    title: str
    period: str = ""  # printed under the title, in parentheses
    issuer: str = DEFAULT_ISSUER  # 制表单位
    made_on: dt.date = field(default_factory=dt.date.today)  # 制表日期
    as_of: dt.date | None = None  # 数据截至
    subject: str = ""
    note: str = ""  # a line under the meta line (e.g. 金额单位)


@dataclass
class Styles:
    fonts: FontSet
    landscape: bool

    def __post_init__(self) -> None:
        f = self.fonts
        self.body_size = 14.0 if self.landscape else 15.0
        self.cell_size = 10.0 if self.landscape else 11.0
        self.title = ParagraphStyle(
            "title",
            fontName=f.title.name,
            fontSize=22,
            leading=32,
            alignment=TA_CENTER,
            textColor=INK,
        )
        self.period = ParagraphStyle(
            "period",
            fontName=f.kai.name,
            fontSize=15,
            leading=24,
            alignment=TA_CENTER,
            textColor=INK,
        )
        self.meta = ParagraphStyle(
            "meta", fontName=f.body.name, fontSize=12, leading=18, textColor=INK
        )
        self.body = ParagraphStyle(
            "body",
            fontName=f.body.name,
            fontSize=self.body_size,
            leading=self.body_size * 1.75,
            firstLineIndent=2 * self.body_size,
            alignment=TA_JUSTIFY,
            wordWrap="CJK",
            textColor=INK,
        )
        self.h1 = ParagraphStyle(
            "h1",
            fontName=f.hei.name,
            fontSize=self.body_size,
            leading=self.body_size * 1.75,
            spaceBefore=self.body_size * 0.6,
            spaceAfter=self.body_size * 0.2,
            firstLineIndent=2 * self.body_size,
            textColor=INK,
        )
        self.h2 = ParagraphStyle(
            "h2",
            parent=self.h1,
            fontName=f.kai.name,
            spaceBefore=self.body_size * 0.3,
        )
        self.caption = ParagraphStyle(
            "caption",
            fontName=f.hei.name,
            fontSize=self.cell_size + 1,
            leading=(self.cell_size + 1) * 1.5,
            alignment=TA_CENTER,
            spaceBefore=4,
            spaceAfter=4,
            textColor=INK,
        )
        self.unit_note = ParagraphStyle(
            "unit_note",
            fontName=f.body.name,
            fontSize=self.cell_size,
            leading=self.cell_size * 1.5,
            alignment=TA_RIGHT,
            textColor=INK,
        )
        self.small = ParagraphStyle(
            "small",
            fontName=f.body.name,
            fontSize=self.cell_size,
            leading=self.cell_size * 1.6,
            wordWrap="CJK",
            textColor=INK,
        )

    def para(self, text: str, style: ParagraphStyle | None = None) -> Paragraph:
        """A Paragraph of plain ``text`` (escaped; rare characters in the fallback face)."""
        style = style or self.body
        return Paragraph(markup(text, style.fontName), style)


def _footer_canvas(fonts: FontSet, size: float, bottom: float) -> type[Canvas]:
    """A canvas that numbers its pages 第X页 共Y页 once it knows how many there are."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Never reference a font that is not embedded (the default is Helvetica).
            kwargs["initialFontName"] = kwargs.get("initialFontName") or fonts.body.name
            kwargs["initialFontSize"] = kwargs.get("initialFontSize") or size
            super().__init__(*args, **kwargs)
            self._saved: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._footer(total)
                Canvas.showPage(self)
            Canvas.save(self)

        def _footer(self, total: int) -> None:
            width = self._pagesize[0]
            text = f"第{self._pageNumber}页 共{total}页"
            self.saveState()
            self.setFillColor(INK)
            self.setFont(fonts.body.name, size)
            self.drawCentredString(width / 2, bottom, text)
            self.restoreState()

    return NumberedCanvas


StoryBuilder = Callable[["Styles", float], list[Flowable]]


def frame_width(landscape_pages: bool) -> float:
    left, right, _, _ = LANDSCAPE_MARGINS if landscape_pages else PORTRAIT_MARGINS
    return (landscape(A4) if landscape_pages else A4)[0] - left - right


def render(
    meta: ReportMeta,
    build: StoryBuilder,
    *,
    landscape_pages: bool = False,
    fonts: FontSet | None = None,
) -> bytes:
    """Lay out on A4 ``meta``'s header block and the story ``build(styles, frame_width)`` makes.

    Returns the PDF's bytes.
    """
    fonts = fonts or report_fonts()
    pagesize = landscape(A4) if landscape_pages else A4
    left, right, top, bottom = LANDSCAPE_MARGINS if landscape_pages else PORTRAIT_MARGINS
    buffer = BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=left,
        rightMargin=right,
        topMargin=top,
        bottomMargin=bottom,
        title=meta.title,
        author=meta.issuer,
        subject=meta.subject or meta.title,
        creator=APP_TITLE,
        producer=APP_TITLE,
        pageCompression=1,
    )
    frame = Frame(
        left,
        bottom,
        pagesize[0] - left - right,
        pagesize[1] - top - bottom,
        id="text",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    styles = Styles(fonts, landscape_pages)
    width = frame_width(landscape_pages)
    flowables = [*header_block(meta, styles, width), *build(styles, width)]
    footer_size = 10.5 if landscape_pages else 12.0
    footer_y = bottom - (10 * mm if landscape_pages else 12 * mm)
    doc.build(flowables, canvasmaker=_footer_canvas(fonts, footer_size, footer_y))
    return buffer.getvalue()


def header_block(meta: ReportMeta, styles: Styles, width: float) -> list[Flowable]:
    """Title, (period), then 制表单位 · 数据截至 · 制表日期 on one line above a hairline."""
    out: list[Flowable] = [styles.para(meta.title, styles.title)]
    if meta.period:
        out.append(styles.para(f"（{meta.period}）", styles.period))
    out.append(Spacer(1, 8))
    issuer = f"制表单位：{meta.issuer}"
    as_of = f"数据截至：{cn_date(meta.as_of)}" if meta.as_of else ""
    made = f"制表日期：{cn_date(meta.made_on)}"
    centre = ParagraphStyle("meta_c", parent=styles.meta, alignment=TA_CENTER)
    right = ParagraphStyle("meta_r", parent=styles.meta, alignment=TA_RIGHT)
    if styles.landscape:  # one line: 制表单位 · 数据截至 · 制表日期
        grid = [[styles.para(issuer, styles.meta), styles.para(as_of, centre)]]
        grid[0].append(styles.para(made, right))
        widths = [width * 0.4, width * 0.25, width * 0.35]
    else:  # two lines: 制表单位 … 制表日期 / 数据截至
        grid = [
            [styles.para(issuer, styles.meta), styles.para(made, right)],
            [styles.para(as_of, styles.meta), styles.para(meta.note, right)],
        ]
        widths = [width * 0.55, width * 0.45]
    line = Table(grid, colWidths=widths)
    line.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), styles.fonts.body.name, 12),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 4),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    out += [line, Spacer(1, 10)]
    if meta.note and styles.landscape:
        out.append(styles.para(meta.note, styles.small))
    return out


def heading(styles: Styles, text: str, level: int = 1, need: float = 130) -> list[Flowable]:
    """A heading (一、 in 黑体, （一） in 楷体), on a new page unless ``need`` points are left
    for it and what follows (a caption, a table's header and its first rows)."""
    return [CondPageBreak(need), styles.para(text, styles.h1 if level == 1 else styles.h2)]


def keep_with_next(*flowables: Flowable) -> Flowable:
    return KeepTogether(list(flowables))


def need_space(height: float) -> Flowable:
    return CondPageBreak(height)


# ------------------------------------------------------------------ line breaking

NO_LINE_START = set("，。、；：？！）》」』”’%％·…—,.;:?!)]}°")
NO_LINE_END = set("（《「『“‘([{")
_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-_/%]*|.", re.S)


class _Widths:
    """Character advance widths of a face in units of 1/1000 em, cached per font."""

    _cache: dict[str, _Widths] = {}

    def __init__(self, font_name: str) -> None:
        face = pdfmetrics.getFont(font_name).face  # type: ignore[attr-defined]
        self.widths: dict[int, int] = face.charWidths
        self.default = 1000

    @classmethod
    def of(cls, font_name: str) -> _Widths:
        found = cls._cache.get(font_name)
        if found is None:
            found = cls._cache[font_name] = cls(font_name)
        return found

    def measure(self, text: str) -> float:
        w = self.widths
        return sum(w.get(ord(ch), self.default) for ch in text)


def wrap_lines(text: str, font_name: str, size: float, width: float) -> list[str]:
    """Break ``text`` into lines no wider than ``width`` points (CJK rules, words kept whole)."""
    if not text:
        return [""]
    measure = _Widths.of(font_name)
    limit = width * 1000 / size
    lines: list[str] = []
    for paragraph in text.split("\n"):
        start = len(lines)
        if measure.measure(paragraph) <= limit:
            lines.append(paragraph)
            continue
        tokens = _TOKEN.findall(paragraph)
        line: list[str] = []
        used = 0.0
        for token in tokens:
            w = measure.measure(token)
            if line and used + w > limit:
                carry: list[str] = []
                if token[0] in NO_LINE_START:  # take a character along to the next line
                    while len(line) > 1:
                        carry.insert(0, line.pop())
                        if carry[0][0] not in NO_LINE_START:
                            break
                while len(line) > 1 and line[-1][-1] in NO_LINE_END:
                    carry.insert(0, line.pop())
                lines.append("".join(line).rstrip())
                line = carry
                used = sum(measure.measure(t) for t in line)
                if token == " " and not line:
                    continue
            if w > limit:  # a word longer than the line: break it by characters
                for ch in token:
                    cw = measure.measure(ch)
                    if line and used + cw > limit:
                        lines.append("".join(line))
                        line, used = [], 0.0
                    line.append(ch)
                    used += cw
                continue
            line.append(token)
            used += w
        lines.append("".join(line).rstrip())
        _no_orphan(lines, start)
    return lines


def _no_orphan(lines: list[str], start: int) -> None:
    """A paragraph's last line of one character takes one more from the line above."""
    if len(lines) - start < 2:
        return
    prev, last = lines[-2], lines[-1]
    if len(last) == 1 and len(prev) >= 4 and not prev[-1].isascii():
        moved = prev[-1]
        if moved not in NO_LINE_START and prev[-2] not in NO_LINE_END:
            lines[-2], lines[-1] = prev[:-1], moved + last


# ------------------------------------------------------------------ tables

Align = Literal["left", "center", "right"]
RowKind = Literal["data", "group", "total", "note"]


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # millimetres at the reference width (scaled to the frame)
    align: Align = "left"
    wrap: bool = True  # long text may wrap inside the cell
    flex: bool = False  # takes up (or gives back) the width the fixed columns leave
    min_chars: int = 6  # a flexible column keeps room for this many hanzi per line


@dataclass
class Row:
    """A table row. ``spans``: (first, last) column ranges merged into their first cell."""

    cells: list[str]
    kind: RowKind = "data"
    spans: list[tuple[int, int]] = field(default_factory=list)


class KeepCell(str):
    """The first cell of a row that must stay on the page of the row after it (a group
    heading): :class:`ReportTable` never splits right after it. A ``str`` subclass, so the
    marker travels with the row when reportlab splits the table."""


class ReportTable(LongTable):
    """A LongTable that keeps group headings with their first row.

    reportlab's NOSPLIT and SPAN commands cost O(rows × columns) at every page break, so a
    1,000-row table spends seconds on them; this test is O(1) per break.
    """

    def _getFirstPossibleSplitRowPosition(
        self,
        availHeight: float,
        ignoreSpans: int = 0,
    ) -> int:
        n: int = super()._getFirstPossibleSplitRowPosition(availHeight, ignoreSpans)
        rows = self._cellvalues  # type: ignore[attr-defined]
        while n > self.repeatRows and isinstance(rows[n - 1][0], KeepCell):
            n -= 1
        return n if n > self.repeatRows else 0


def fit_widths(
    columns: Sequence[Column],
    rows: Sequence[Row],
    *,
    body_font: str,
    bold_font: str,
    size: float,
    pad: float,
    frame_width: float,
) -> list[float]:
    """Column widths in points from the content.

    A column that must not wrap (numbers, dates) gets its widest text. A wrapping column gets
    its widest text up to its preferred width (``Column.width`` mm). Room left over goes to
    the ``flex`` columns; if the table is too wide, wrapping columns give up width in
    proportion, down to three characters, and only then is everything scaled.
    """
    body, bold = _Widths.of(body_font), _Widths.of(bold_font)
    natural = [0.0] * len(columns)
    for i, c in enumerate(columns):
        lines = c.title.split("\n") if not c.wrap else [c.title[:4]]
        natural[i] = max(bold.measure(t) for t in lines)
    for row in rows:
        spanned = {j for first, last in row.spans for j in range(first, last + 1)}
        measure = bold if row.kind in ("group", "total") else body
        for i, text in enumerate(row.cells):
            if i in spanned or not text:
                continue
            w = max(measure.measure(t) for t in text.split("\n"))
            if w > natural[i]:
                natural[i] = w
    nat = [n * size / 1000 + 2 * pad + 0.5 for n in natural]
    widths = [n if not c.wrap else min(n, c.width * mm) for n, c in zip(nat, columns, strict=True)]
    total = sum(widths)
    if total <= frame_width:
        flex = [i for i, c in enumerate(columns) if c.flex]
        if not flex:
            return [w * frame_width / total for w in widths]
        weight = sum(columns[i].width for i in flex)
        for i in flex:
            widths[i] += (frame_width - total) * columns[i].width / weight
        return widths
    # Too wide: the flexible columns give first (down to ``min_chars``), then the other
    # wrapping columns (down to three characters), and only then is everything scaled.
    excess = total - frame_width
    for stage in ("flex", "wrap"):
        floor = [
            c.min_chars * size + 2 * pad
            if c.flex
            else (3 * size + 2 * pad if stage == "wrap" and c.wrap else w)
            for c, w in zip(columns, widths, strict=True)
        ]
        give = [max(0.0, w - f) for w, f in zip(widths, floor, strict=True)]
        room = sum(give)
        if room <= 0:
            continue
        take = min(excess, room)
        widths = [w - take * g / room for w, g in zip(widths, give, strict=True)]
        excess -= take
        if excess <= 0.01:
            return widths
    total = sum(widths)
    return [w * frame_width / total for w in widths]


def table(
    columns: Sequence[Column],
    rows: Sequence[Row],
    styles: Styles,
    frame_width: float,
    *,
    font_size: float | None = None,
) -> Table:
    """A bordered table: repeating 黑体 header, wrapped cells, group and total rows in 黑体.

    A group row is kept on the same page as the row after it. Spans are for short tables
    only (see :class:`ReportTable`).
    """
    fonts = styles.fonts
    size = font_size or styles.cell_size
    leading = round(size * 1.38, 2)
    pad = 3.0
    widths = fit_widths(
        columns,
        rows,
        body_font=fonts.body.name,
        bold_font=fonts.hei.name,
        size=size,
        pad=pad,
        frame_width=frame_width,
    )
    body_font, bold_font = fonts.body.name, fonts.hei.name
    cell_style = ParagraphStyle(
        "cell", fontName=body_font, fontSize=size, leading=leading, wordWrap="CJK"
    )
    bold_style = ParagraphStyle("cellb", parent=cell_style, fontName=bold_font)
    aligns = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}

    def cell(text: str, align: Align, font: str, style: ParagraphStyle, width: float) -> Any:
        if not covers(font, text):
            para_style = ParagraphStyle(f"c{align}", parent=style, alignment=aligns[align])
            return Paragraph(markup(text, font), para_style)
        if _Widths.of(font).measure(text) * size / 1000 <= width - 2 * pad and "\n" not in text:
            return text
        return "\n".join(wrap_lines(text, font, size, width - 2 * pad))

    header = [
        cell(c.title, "center", bold_font, bold_style, widths[i]) for i, c in enumerate(columns)
    ]
    data: list[list[Any]] = [header]
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), body_font, size, leading),
        ("FONT", (0, 0), (-1, 0), bold_font, size, leading),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("ALIGN", (0, 0), (-1, 0), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), pad),
        ("RIGHTPADDING", (0, 0), (-1, -1), pad),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("INNERGRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.9, INK),
        ("LINEBELOW", (0, 0), (-1, 0), 0.7, INK),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_FILL),
    ]
    for i, c in enumerate(columns):
        if c.align != "left":
            commands.append(("ALIGN", (i, 1), (i, -1), c.align.upper()))
    for r, row in enumerate(rows, start=1):
        bold = row.kind in ("group", "total")
        font = bold_font if bold else body_font
        style = bold_style if bold else cell_style
        span_at = {first: last for first, last in row.spans}
        values: list[Any] = []
        for i, text in enumerate(row.cells):
            last = span_at.get(i, i)
            align = "left" if last != i else columns[i].align
            values.append(cell(text, align, font, style, sum(widths[i : last + 1])))
        if row.kind == "group" and isinstance(values[0], str):
            values[0] = KeepCell(values[0])
        data.append(values)
        if bold:
            commands.append(("FONT", (0, r), (-1, r), font, size, leading))
        if row.kind == "group":
            commands.append(("BACKGROUND", (0, r), (-1, r), GROUP_FILL))
        elif row.kind == "total":
            commands.append(("BACKGROUND", (0, r), (-1, r), HEAD_FILL))
        for first, last in row.spans:
            commands.append(("SPAN", (first, r), (last, r)))
            commands.append(("ALIGN", (first, r), (last, r), "LEFT"))
    t = ReportTable(data, colWidths=widths, repeatRows=1, hAlign="CENTER")
    t.setStyle(TableStyle(commands))
    return t


def table_title(styles: Styles, text: str, unit: str = "", need: float = 100) -> list[Flowable]:
    """A 黑体 caption centred over a table, with the unit at its right edge; on a new page
    unless ``need`` points are left (the caption, the header row and the first rows)."""
    out: list[Flowable] = [CondPageBreak(need), styles.para(text, styles.caption)]
    if unit:
        out.append(styles.para(unit, styles.unit_note))
    return out
