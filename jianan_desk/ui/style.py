"""Colours and the window style sheet, derived from the palette (so a dark theme stays legible)."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` (0…1) of the way towards ``b``, opaque."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def rgba(color: QColor, alpha: float) -> str:
    """A style-sheet colour with opacity ``alpha`` (0…1)."""
    return f"rgba({color.red()}, {color.green()}, {color.blue()}, {round(alpha * 255)})"


def accent(palette: QPalette) -> QColor:
    return palette.color(QPalette.ColorRole.Highlight)


def muted_text(palette: QPalette) -> QColor:
    """Secondary text: readable, clearly quieter than body text."""
    return blend(
        palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Base), 0.45
    )


def hairline(palette: QPalette) -> QColor:
    """Thin separators and card borders."""
    return blend(
        palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Base), 0.86
    )


def window_style_sheet(palette: QPalette) -> str:
    """Navigation list on the window colour, pages on the base colour, a hairline between."""
    base = palette.color(QPalette.ColorRole.Base).name()
    text = palette.color(QPalette.ColorRole.WindowText).name()
    line = hairline(palette).name()
    highlight = accent(palette)
    return f"""
QListWidget#navigation {{
    background: {palette.color(QPalette.ColorRole.Window).name()};
    border: none;
    border-right: 1px solid {line};
    padding-top: 12px;
    outline: 0;
}}
QListWidget#navigation::item {{
    color: {text};
    padding: 9px 14px;
    margin: 2px 10px;
    border-radius: 6px;
}}
QListWidget#navigation::item:hover {{
    background: {rgba(highlight, 0.07)};
}}
QListWidget#navigation::item:selected {{
    background: {rgba(highlight, 0.14)};
    color: {highlight.name()};
}}
QStackedWidget#pages {{
    background: {base};
    border: none;
}}
QStatusBar {{
    border-top: 1px solid {line};
}}
"""
