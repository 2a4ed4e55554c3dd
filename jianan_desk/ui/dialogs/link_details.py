"""The lists behind a chain link's four counts (``forms/link_details_dialog.ui``).

Opened by a click on a box of the chain diagram (or a row of the coverage table), on the
tab of the count clicked. The lists come from ``services.industry_map.link_details``, the
same conditions as the counts.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableView,
    QWidget,
)

from jianan_desk.services.industry_map import LinkCounts, LinkDetails
from jianan_desk.ui.forms.ui_link_details_dialog import Ui_LinkDetailsDialog
from jianan_desk.ui.models.industry_map import (
    CompanyItemsModel,
    ProjectItemsModel,
    TargetEntriesModel,
    sort_proxy,
)
from jianan_desk.ui.widgets.chain_diagram import yi_text

TABS = ("local", "targets", "leads", "signed")


class LinkDetailsDialog(QDialog):
    def __init__(
        self,
        link: LinkCounts,
        details: LinkDetails,
        *,
        kind: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ui = Ui_LinkDetailsDialog()
        self.ui.setupUi(self)
        self.setWindowTitle(self.tr("环节清单：{n}").format(n=link.name))
        self.ui.titleLabel.setText(f"<b>{link.industry_name} · {link.name}</b>")
        self.ui.summaryLabel.setText(
            self.tr(
                "{p} · {s}。本地企业 {a} 家，目标企业 {b} 家，在谈线索 {c} 个，"
                "签约项目 {d} 个（{e} 亿元）。"
            ).format(
                p=link.position_label,
                s=link.status_label,
                a=link.local,
                b=link.targets,
                c=link.leads,
                d=link.signed,
                e=yi_text(link.signed_wan),
            )
            + (self.tr(" 重点产品：{k}").format(k=link.key_products) if link.key_products else "")
        )
        self.local_model = CompanyItemsModel(self)
        self.local_model.set_rows(details.local)
        self.targets_model = TargetEntriesModel(self)
        self.targets_model.set_rows(details.targets)
        self.leads_model = ProjectItemsModel(self)
        self.leads_model.set_rows(details.leads)
        self.signed_model = ProjectItemsModel(self)
        self.signed_model.set_rows(details.signed)
        views = (self.ui.localView, self.ui.targetsView, self.ui.leadsView, self.ui.signedView)
        models = (self.local_model, self.targets_model, self.leads_model, self.signed_model)
        counts = (len(details.local), len(details.targets), len(details.leads), len(details.signed))
        titles = (
            self.tr("本地企业"),
            self.tr("目标企业"),
            self.tr("在谈线索"),
            self.tr("签约项目"),
        )
        for i, (view, model) in enumerate(zip(views, models, strict=True)):
            _setup(view, model)
            self.ui.tabs.setTabText(i, f"{titles[i]}（{counts[i]}）")
        if kind in TABS:
            self.ui.tabs.setCurrentIndex(TABS.index(kind))
        close = self.ui.buttonBox.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("关闭"))
        self.ui.buttonBox.rejected.connect(self.reject)


def _setup(view: QTableView, model: object) -> None:
    view.setModel(sort_proxy(model, view))  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)


__all__ = ["LinkDetailsDialog"]
