"""The application font: a good Chinese UI font, never boxes.

The bundled Noto Sans SC (Regular and Bold, all GBK hanzi, so rare name characters such as
堃喆珺昇玥 render) is always registered, so that it is there as a fallback. A system Chinese
UI font is preferred when the machine has one (微软雅黑 on Windows, PingFang SC on macOS,
Noto Sans CJK SC / WenQuanYi on Linux); otherwise the bundled face becomes the app font.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from jianan_desk.resources import font_path

BUNDLED_FILES = ("NotoSansSC-Regular.ttf", "NotoSansSC-Bold.ttf")
BUNDLED_FAMILY = "Noto Sans SC"
DEFAULT_POINT_SIZE = 10

# In order of preference. Windows lists 微软雅黑 as "Microsoft YaHei" (and "Microsoft YaHei UI",
# tuned for UI text); the Chinese name is kept for systems that report localised names.
PREFERRED_SYSTEM_FAMILIES = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "微软雅黑",
    "PingFang SC",
    "苹方-简",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "思源黑体",
    "WenQuanYi Micro Hei",
    "文泉驿微米黑",
)

_bundled_families: list[str] | None = None


def register_bundled_fonts() -> list[str]:
    """Register the bundled font files once; returns the families they provide."""
    global _bundled_families
    if _bundled_families is None:
        families: list[str] = []
        for name in BUNDLED_FILES:
            font_id = QFontDatabase.addApplicationFont(str(font_path(name)))
            if font_id < 0:
                continue
            for family in QFontDatabase.applicationFontFamilies(font_id):
                if family not in families:
                    families.append(family)
        _bundled_families = families
    return list(_bundled_families)


def choose_family(available: list[str], bundled: list[str], preferred: str = "") -> str:
    """The family to use: the user's choice if installed, a system CJK font, else the bundled one.

    ``preferred`` is the user's setting (empty: automatic). Falls back to whatever Qt uses
    when nothing Chinese is available (a broken installation: the bundled font is missing).
    """
    installed = set(available)
    if preferred and preferred in installed:
        return preferred
    for family in PREFERRED_SYSTEM_FAMILIES:
        if family in installed:
            return family
    if BUNDLED_FAMILY in bundled:
        return BUNDLED_FAMILY
    if bundled:
        return bundled[0]
    return QApplication.font().family()


def setup_fonts(
    app: QApplication, *, preferred: str = "", point_size: int = DEFAULT_POINT_SIZE
) -> str:
    """Register the bundled fonts, set the application font and return its family."""
    bundled = register_bundled_fonts()
    family = choose_family(QFontDatabase.families(), bundled, preferred)
    font = QFont(family)
    font.setPointSize(point_size if point_size > 0 else DEFAULT_POINT_SIZE)
    # Characters the chosen face lacks come from the bundled one, not from a random font.
    fallbacks = [BUNDLED_FAMILY] if BUNDLED_FAMILY in bundled and family != BUNDLED_FAMILY else []
    font.setFamilies([family, *fallbacks])
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    app.setFont(font)
    return family
