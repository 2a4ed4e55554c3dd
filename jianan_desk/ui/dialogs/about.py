"""关于 (About): version, where the data lives, and the licences of what the program ships.

Paths shown: the open database, the data folder (settings, logs, the default database), the
backup folder (pre-migration backups are written next to the database), the log file, and
the program's own folder. The licence tables are read from the bundled resources, so that
a font or library added there shows up without touching this dialog:
``resources/fonts/README.md`` (fonts) and ``resources/licences.md`` (libraries). Files
named ``LICENSE*``/``OFL*`` in ``resources/fonts`` are listed too.
"""

from __future__ import annotations

import sys
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jianan_desk import APP_TITLE, __version__
from jianan_desk.logs import log_path
from jianan_desk.paths import data_dir
from jianan_desk.resources import resource_root
from jianan_desk.store.engine import Database

FONTS_README = "fonts/README.md"
LIBRARIES_FILE = "licences.md"
FONT_LICENCE_PREFIXES = ("license", "licence", "ofl", "copying")


def markdown_table(text: str) -> list[dict[str, str]]:
    """The rows of the first Markdown table in ``text``, keyed by the header's lower-case names."""
    header: list[str] | None = None
    rows: list[dict[str, str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line.startswith("|"):
            if header is not None and rows:
                break
            continue
        cells = [cell.replace("`", "").strip() for cell in line.strip("|").split("|")]
        if header is None:
            header = [cell.lower() for cell in cells]
            continue
        if all(set(cell) <= set("-: ") for cell in cells):
            continue
        row = dict(zip(header, cells, strict=False))
        # "same" (or 〃) repeats the cell above, as in resources/fonts/README.md.
        if rows:
            for key, value in row.items():
                if value.lower() in {"same", "〃", "同上"}:
                    row[key] = rows[-1].get(key, value)
        rows.append(row)
    return rows


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


def program_dir() -> Path:
    """The folder the program runs from: the bundle's folder, else the jianan_desk package."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return Path(__file__).resolve().parents[2]


class AboutDialog(QDialog):
    """Modal-less by default; ``MainWindow.show_about`` opens it window-modal with ``open()``."""

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("关于{0}").format(APP_TITLE))
        self.resize(720, 620)
        self.db = db

        layout = QVBoxLayout(self)
        self.title_label = QLabel(
            self.tr("<h2>{0} {1}</h2>").format(escape(APP_TITLE), escape(__version__))
        )
        self.title_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.title_label)
        self.summary_label = QLabel(
            self.tr(
                "招商项目、客商、外出招商、专班问题与年度目标的管理工具。离线可用，数据保存在本机。"
            )
        )
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.fields: dict[str, QLabel] = {}
        for key, label, value in self._paths():
            field = QLabel(value)
            field.setObjectName(f"about_{key}")
            field.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            field.setWordWrap(True)
            form.addRow(label, field)
            self.fields[key] = field
        layout.addLayout(form)

        self.licences = QTextBrowser()
        self.licences.setObjectName("aboutLicences")
        self.licences.setOpenExternalLinks(False)
        self.licences.setOpenLinks(False)
        self.licences.setHtml(self.licences_html())
        layout.addWidget(self.licences, 1)

        buttons = QDialogButtonBox()
        self.close_button = QPushButton(self.tr("关闭"))
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button = QPushButton(self.tr("复制信息"))
        self.copy_button.setToolTip(
            self.tr("把版本和各文件夹位置复制到剪贴板（联系技术支持时使用）")
        )
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy_info)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    # ------------------------------------------------------------------ content

    def _paths(self) -> list[tuple[str, str, str]]:
        path = self.db.path
        if path is not None:
            database = str(path)
            backups = self.tr("{0}（升级数据库结构前自动备份到数据库所在文件夹）").format(
                path.parent
            )
        else:
            database = self.db.display_name
            backups = self.tr("不适用（非 SQLite 数据库，请用数据库自身的备份工具）")
        return [
            ("version", self.tr("版本："), __version__),
            ("database", self.tr("数据库："), database),
            ("data_dir", self.tr("数据文件夹："), str(data_dir())),
            ("backup_dir", self.tr("备份文件夹："), backups),
            ("log_file", self.tr("日志文件："), str(log_path())),
            ("program_dir", self.tr("程序文件夹："), str(program_dir())),
        ]

    def info_text(self) -> str:
        """Plain text of the version and paths (what 复制信息 copies)."""
        lines = [f"{APP_TITLE} {__version__}"]
        for key, label, _value in self._paths():
            lines.append(f"{label}{self.fields[key].text()}")
        return "\n".join(lines)

    def licences_html(self) -> str:
        root = resource_root()
        parts: list[str] = [f"<h3>{escape(self.tr('字体'))}</h3>"]
        fonts = markdown_table(_read(root / FONTS_README))
        if fonts:
            parts.append(
                self._table(
                    fonts,
                    [
                        ("file", self.tr("文件")),
                        ("family", self.tr("字体")),
                        ("licence", self.tr("许可证")),
                    ],
                )
            )
        else:
            parts.append(f"<p>{escape(self.tr('未找到字体说明文件。'))}</p>")
        licence_files = sorted(
            p.name
            for p in (root / "fonts").glob("*")
            if p.is_file() and p.name.lower().startswith(FONT_LICENCE_PREFIXES)
        )
        if licence_files:
            parts.append(
                "<p>"
                + escape(self.tr("字体许可证全文：{0}（位于 {1}）")).format(
                    escape("、".join(licence_files)), escape(str(root / "fonts"))
                )
                + "</p>"
            )

        parts.append(f"<h3>{escape(self.tr('软件库'))}</h3>")
        libraries = markdown_table(_read(root / LIBRARIES_FILE))
        if libraries:
            parts.append(
                self._table(
                    libraries,
                    [
                        ("library", self.tr("名称")),
                        ("use", self.tr("用途")),
                        ("licence", self.tr("许可证")),
                    ],
                )
            )
        else:
            parts.append(f"<p>{escape(self.tr('未找到软件库许可证说明文件。'))}</p>")
        parts.append(
            "<p>"
            + escape(
                self.tr(
                    "Qt 以 LGPL-3.0 许可证动态链接使用，可替换为其他兼容版本。"
                    "安装文件夹的 _internal/licences 中有各软件库的许可证全文。"
                )
            )
            + "</p>"
        )
        return "".join(parts)

    @staticmethod
    def _table(rows: list[dict[str, str]], columns: list[tuple[str, str]]) -> str:
        head = "".join(f"<th align='left'>{escape(title)}</th>" for _key, title in columns)
        body = "".join(
            "<tr>"
            + "".join(f"<td>{escape(row.get(key, ''))}</td>" for key, _t in columns)
            + "</tr>"
            for row in rows
        )
        return f"<table cellspacing='0' cellpadding='4' border='1'><tr>{head}</tr>{body}</table>"

    # ------------------------------------------------------------------ actions

    @Slot()
    def copy_info(self) -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self.info_text())
