"""The drawn industry-chain diagram (产业链图谱) of one industry, or of all of them.

A ``QGraphicsView`` over a scene of one :class:`LinkBox` per chain link, laid out in three
columns (上游 / 中游 / 下游), with arrows along the chain (links in their chain order).
Each box is coloured by the link's status (强链 green, 补链 red, 延链 blue), shows the four
counts of ``services.industry_map`` (本地企业, 目标企业, 在谈线索, 签约项目 with 亿元), and
marks a gap (no local enterprise, no lead) with a dashed red border and a 缺口 tag. Hovering
shows the link's details; a click emits :attr:`ChainDiagram.linkClicked` with the link id
and the count clicked ("" for the box itself).

The overview (:meth:`ChainDiagram.set_overview`) draws every industry as one band of compact
boxes, so the gaps of the whole system are seen at once.

Zoom with Ctrl + wheel, Ctrl + = / Ctrl + - (:meth:`zoom_in`/:meth:`zoom_out`), fit the
window (:meth:`fit`); :meth:`export_png` renders the scene to a PNG file.

Signals:
    linkClicked(str, str): link id, and "local"/"targets"/"leads"/"signed" or "".
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSceneMouseEvent,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QWidget,
)

from jianan_desk.services.industry_map import COUNT_LABELS, POSITIONS, IndustryMap, LinkCounts

STATUS_COLOURS: dict[str, tuple[str, str]] = {  # fill, border
    "strong": ("#e4f2e6", "#2e7d32"),
    "missing": ("#fbe9e7", "#c62828"),
    "extend": ("#e3edfa", "#1f5fae"),
}
GAP_BORDER = "#d32f2f"
INK = "#1f2328"
MUTED = "#5f6670"
POSITION_TITLES = {"upstream": "上游", "midstream": "中游", "downstream": "下游"}
STATUS_TITLES = {"strong": "强链", "missing": "补链", "extend": "延链"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ChainDiagram", text)


def yi_text(wan: Decimal) -> str:
    return f"{wan / Decimal(10000):,.2f}"


class _CountText(QGraphicsSimpleTextItem):
    """One count inside a box; a click on it names its kind."""

    def __init__(self, text: str, kind: str, parent: QGraphicsItem) -> None:
        super().__init__(text, parent)
        self.kind = kind
        self.setCursor(Qt.CursorShape.PointingHandCursor)


class LinkBox(QGraphicsRectItem):
    """The box of one chain link: name, status, the four counts."""

    def __init__(
        self, link: LinkCounts, width: float, height: float, font: QFont, compact: bool
    ) -> None:
        super().__init__(0, 0, width, height)
        self.link = link
        self.diagram: ChainDiagram | None = None
        self.count_items: dict[str, _CountText] = {}
        fill, border = STATUS_COLOURS.get(link.chain_status, STATUS_COLOURS["strong"])
        self.setBrush(QBrush(QColor(fill)))
        pen = QPen(QColor(GAP_BORDER if link.gap else border), 2.4 if link.gap else 1.4)
        if link.gap:
            pen.setStyle(Qt.PenStyle.DashLine)
        self.setPen(pen)
        self.setAcceptHoverEvents(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tooltip(link))

        pad = 8.0
        bold = QFont(font)
        bold.setBold(True)
        bold.setPointSizeF(font.pointSizeF() * (1.0 if compact else 1.1))
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.88)

        tag_text = STATUS_TITLES.get(link.chain_status, "")
        if link.gap:
            tag_text = _tr("缺口") + " · " + tag_text
        tag = QGraphicsSimpleTextItem(tag_text, self)
        tag.setFont(small)
        tag.setBrush(QColor(GAP_BORDER if link.gap else border))
        tag.setPos(width - pad - tag.boundingRect().width(), pad)

        title = QGraphicsSimpleTextItem(link.name, self)
        title.setFont(bold)
        title.setBrush(QColor(INK))
        room = width - 3 * pad - tag.boundingRect().width()
        if title.boundingRect().width() > room:  # shrink a long name to fit
            scale = max(0.6, room / title.boundingRect().width())
            title.setScale(scale)
        title.setPos(pad, pad - 1)
        self.title_item = title

        values = {
            "local": str(link.local),
            "targets": str(link.targets),
            "leads": str(link.leads),
            "signed": str(link.signed)
            + (f"（{yi_text(link.signed_wan)}亿）" if link.signed and not compact else ""),
        }
        short = {"local": "本地", "targets": "目标", "leads": "线索", "signed": "签约"}
        line_h = small.pointSizeF() * 1.9
        top = pad + bold.pointSizeF() * 2.0
        for i, kind in enumerate(("local", "targets", "leads", "signed")):
            label = (_tr(short[kind]) if compact else _tr(COUNT_LABELS[kind])) + " " + values[kind]
            item = _CountText(label, kind, self)
            item.setFont(small)
            zero_gap = link.gap and kind in ("local", "leads")
            item.setBrush(QColor(GAP_BORDER if zero_gap else INK if values[kind] != "0" else MUTED))
            if compact:
                col_w = (width - 2 * pad) / 4
                item.setPos(pad + i * col_w, top)
            else:
                col_w = (width - 2 * pad) / 2
                item.setPos(pad + (i % 2) * col_w, top + (i // 2) * line_h)
            self.count_items[kind] = item

    def count(self, kind: str) -> int:
        return self.link.count(kind)

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        kind = ""
        for k, item in self.count_items.items():
            if item.sceneBoundingRect().contains(event.scenePos()):
                kind = k
        if self.diagram is not None:
            self.diagram.linkClicked.emit(self.link.id, kind)
        event.accept()

    def hoverEnterEvent(self, event: object) -> None:  # type: ignore[override]
        pen = self.pen()
        pen.setWidthF(pen.widthF() + 1.2)
        self.setPen(pen)

    def hoverLeaveEvent(self, event: object) -> None:  # type: ignore[override]
        pen = self.pen()
        pen.setWidthF(max(1.0, pen.widthF() - 1.2))
        self.setPen(pen)


def tooltip(link: LinkCounts) -> str:
    lines = [
        f"<b>{link.industry_name} · {link.name}</b>",
        f"{POSITION_TITLES.get(link.position, '')} · {STATUS_TITLES.get(link.chain_status, '')}"
        + (_tr("（已撤销）") if link.retired_on else ""),
    ]
    if link.description:
        lines.append(_tr("说明：") + link.description)
    if link.key_products:
        lines.append(_tr("重点产品：") + link.key_products)
    if link.local_names:
        lines.append(_tr("本地龙头：") + link.local_names)
    lines.append(
        _tr(
            "本地企业 {a} 家，目标企业 {b} 家，在谈线索 {c} 个，签约项目 {d} 个（{e} 亿元）"
        ).format(
            a=link.local, b=link.targets, c=link.leads, d=link.signed, e=yi_text(link.signed_wan)
        )
    )
    if link.gap:
        warn = _tr("缺口：无本地企业、无在谈线索")
        lines.append(f"<span style='color:#c62828'>{warn}</span>")
    lines.append(_tr("单击查看清单"))
    return "<br/>".join(lines)


def _arrow(start: QPointF, end: QPointF, colour: QColor) -> QGraphicsPathItem:
    path = QPainterPath(start)
    path.lineTo(end)
    line = end - start
    length = max(1e-6, (line.x() ** 2 + line.y() ** 2) ** 0.5)
    ux, uy = line.x() / length, line.y() / length
    size = 8.0
    left = QPointF(end.x() - ux * size - uy * size * 0.55, end.y() - uy * size + ux * size * 0.55)
    right = QPointF(end.x() - ux * size + uy * size * 0.55, end.y() - uy * size - ux * size * 0.55)
    path.addPolygon(QPolygonF([end, left, right, end]))
    item = QGraphicsPathItem(path)
    item.setPen(QPen(colour, 1.6))
    item.setBrush(QBrush(colour))
    item.setZValue(-1)
    return item


class ChainDiagram(QGraphicsView):
    """See the module docstring."""

    linkClicked = Signal(str, str)

    BOX_W, BOX_H = 272.0, 84.0
    COMPACT_W, COMPACT_H = 200.0, 52.0
    GAP_X, GAP_Y = 64.0, 20.0

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        self.link_items: dict[str, LinkBox] = {}
        self.zoom = 1.0
        self.maps: tuple[IndustryMap, ...] = ()

    # ------------------------------------------------------------ building

    def clear(self) -> None:
        self.scene().clear()
        self.link_items = {}
        self.maps = ()

    def _box(self, link: LinkCounts, compact: bool) -> LinkBox:
        w, h = (self.COMPACT_W, self.COMPACT_H) if compact else (self.BOX_W, self.BOX_H)
        box = LinkBox(link, w, h, self.font(), compact)
        box.diagram = self
        self.scene().addItem(box)
        self.link_items[link.id] = box
        return box

    def _text(self, text: str, x: float, y: float, *, bold: bool = False, scale: float = 1.0,
              colour: str = INK) -> QGraphicsSimpleTextItem:  # fmt: skip
        font = QFont(self.font())
        font.setBold(bold)
        font.setPointSizeF(font.pointSizeF() * scale)
        item = self.scene().addSimpleText(text, font)
        item.setBrush(QColor(colour))
        item.setPos(x, y)
        return item

    def _band(self, m: IndustryMap, left: float, top: float, compact: bool) -> float:
        """Lay out one industry's links in three columns from (left, top); returns the
        band's height."""
        w, h = (self.COMPACT_W, self.COMPACT_H) if compact else (self.BOX_W, self.BOX_H)
        columns = [m.column(p) for p in POSITIONS]
        rows = max([len(c) for c in columns] + [1])
        height = rows * h + (rows - 1) * self.GAP_Y
        for c, links in enumerate(columns):
            offset = (height - (len(links) * h + (len(links) - 1) * self.GAP_Y)) / 2
            for r, link in enumerate(links):
                box = self._box(link, compact)
                box.setPos(left + c * (w + self.GAP_X), top + offset + r * (h + self.GAP_Y))
        # Arrows along the chain (the links' order).
        colour = QColor("#8a929c")
        chain = [self.link_items[x.id] for x in m.links if x.position in POSITIONS]
        chain.sort(key=lambda b: (POSITIONS.index(b.link.position), b.link.sort_order))
        for a, b in itertools.pairwise(chain):
            ra, rb = a.sceneBoundingRect(), b.sceneBoundingRect()
            if abs(ra.center().x() - rb.center().x()) < 1:  # same column: downwards
                start = QPointF(ra.center().x(), ra.bottom() + 1)
                end = QPointF(rb.center().x(), rb.top() - 2)
            else:
                start = QPointF(ra.right() + 1, ra.center().y())
                end = QPointF(rb.left() - 2, rb.center().y())
            self.scene().addItem(_arrow(start, end, colour))
        return height

    def set_map(self, m: IndustryMap) -> None:
        """Draw one industry: a column header per position, the boxes, arrows, a legend."""
        self.clear()
        self.maps = (m,)
        w = self.BOX_W
        title = self._text(m.name, 0, -104, bold=True, scale=1.5)
        totals = _tr(
            "{n} 个环节 · 缺口 {g} 个 · 本地企业 {a} · 目标企业 {b} · 在谈线索 {c} · "
            "签约项目 {d}（{e} 亿元）"
        ).format(
            n=len(m.links),
            g=len(m.gaps),
            a=m.total("local"),
            b=m.total("targets"),
            c=m.total("leads"),
            d=m.total("signed"),
            e=yi_text(m.signed_wan),
        )
        self._text(totals, 0, title.boundingRect().height() - 98, colour=MUTED, scale=0.95)
        for c, p in enumerate(POSITIONS):
            label = self._text(_tr(POSITION_TITLES[p]), 0, -30, bold=True, scale=1.1)
            label.setPos(c * (w + self.GAP_X) + (w - label.boundingRect().width()) / 2, -30)
        if not m.links:
            self._text(_tr("该产业还没有产业链环节：请在“体系维护”中添加。"), 0, 10, colour=MUTED)
            self._finish()
            return
        height = self._band(m, 0, 0, compact=False)
        self._legend(height + 28)
        self._finish()

    def set_overview(self, maps: Sequence[IndustryMap]) -> None:
        """Draw every industry as one band of compact boxes (gaps stand out)."""
        self.clear()
        self.maps = tuple(maps)
        label_w = 170.0
        w = self.COMPACT_W
        for c, p in enumerate(POSITIONS):
            label = self._text(_tr(POSITION_TITLES[p]), 0, -30, bold=True, scale=1.05)
            x = label_w + c * (w + self.GAP_X) + (w - label.boundingRect().width()) / 2
            label.setPos(x, -30)
        top = 0.0
        line = QPen(QColor("#d9dde2"), 1)
        right = label_w + 3 * w + 2 * self.GAP_X
        for i, m in enumerate(maps):
            if i:
                self.scene().addLine(0, top - 14, right, top - 14, line)
            height = self._band(m, label_w, top, compact=True) if m.links else self.COMPACT_H
            self._text(m.name, 0, top + 2, bold=True)
            gaps = len(m.gaps)
            note = _tr("缺口 {g} 个").format(g=gaps) if gaps else _tr("无缺口")
            self._text(note, 0, top + 24, colour=GAP_BORDER if gaps else MUTED, scale=0.9)
            top += height + 28
        if not maps:
            self._text(_tr("还没有产业：请在“体系维护”中添加。"), 0, 10, colour=MUTED)
        else:
            self._legend(top)
        self._finish()

    def _legend(self, y: float) -> None:
        x = 0.0
        for status in ("strong", "missing", "extend"):
            fill, border = STATUS_COLOURS[status]
            rect = self.scene().addRect(
                QRectF(x, y, 26, 14), QPen(QColor(border), 1.4), QBrush(QColor(fill))
            )
            rect.setZValue(-1)
            text = self._text(_tr(STATUS_TITLES[status]), x + 32, y - 2, scale=0.9)
            x += 32 + text.boundingRect().width() + 22
        pen = QPen(QColor(GAP_BORDER), 2.2)
        pen.setStyle(Qt.PenStyle.DashLine)
        self.scene().addRect(QRectF(x, y, 26, 14), pen)
        text = self._text(_tr("缺口：无本地企业且无在谈线索"), x + 32, y - 2, scale=0.9)
        x += 32 + text.boundingRect().width() + 22
        self._text(_tr("单击方框或数字查看清单；Ctrl+滚轮缩放"), x, y - 2, colour=MUTED, scale=0.9)

    def _finish(self) -> None:
        rect = self.scene().itemsBoundingRect().adjusted(-24, -24, 24, 24)
        self.scene().setSceneRect(rect)

    # ------------------------------------------------------------ zoom and export

    def set_zoom(self, factor: float) -> None:
        self.zoom = max(0.2, min(4.0, factor))
        self.resetTransform()
        self.scale(self.zoom, self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * 1.2)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / 1.2)

    def fit(self) -> None:
        """Fit the whole diagram into the window (at most 125 %)."""
        rect = self.scene().sceneRect()
        if rect.isEmpty():
            return
        view = self.viewport().rect()
        factor = min(view.width() / rect.width(), view.height() / rect.height(), 1.25)
        self.set_zoom(factor)
        self.centerOn(rect.center())

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y() > 0:
                self.zoom_in()
            elif event.angleDelta().y() < 0:
                self.zoom_out()
            event.accept()
            return
        super().wheelEvent(event)

    def render_image(self, scale: float = 2.0) -> QImage:
        """The whole scene as an image (white background), ``scale`` × its size."""
        rect = self.scene().sceneRect()
        image = QImage(
            max(1, int(rect.width() * scale)),
            max(1, int(rect.height() * scale)),
            QImage.Format.Format_ARGB32,
        )
        image.fill(QColor("#ffffff"))
        painter = QPainter(image)
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self.scene().render(painter, QRectF(image.rect()), rect)
        painter.end()
        return image

    def export_png(self, path: Path, scale: float = 2.0) -> bool:
        """Save the diagram as a PNG; False if the file could not be written."""
        return self.render_image(scale).save(str(path), "PNG")
