# GENERATED from forms/project_form.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_ProjectFormDialog(object):
    def setupUi(self, ProjectFormDialog):
        if not ProjectFormDialog.objectName():
            ProjectFormDialog.setObjectName(u"ProjectFormDialog")
        ProjectFormDialog.resize(780, 620)
        self.mainLayout = QVBoxLayout(ProjectFormDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.headerLayout = QHBoxLayout()
        self.headerLayout.setObjectName(u"headerLayout")
        self.titleLabel = QLabel(ProjectFormDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.headerLayout.addWidget(self.titleLabel)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headerLayout.addItem(self.headerSpacer)

        self.stageBadge = QLabel(ProjectFormDialog)
        self.stageBadge.setObjectName(u"stageBadge")

        self.headerLayout.addWidget(self.stageBadge)


        self.mainLayout.addLayout(self.headerLayout)

        self.tabs = QTabWidget(ProjectFormDialog)
        self.tabs.setObjectName(u"tabs")
        self.basicTab = QWidget()
        self.basicTab.setObjectName(u"basicTab")
        self.basicGrid = QGridLayout(self.basicTab)
        self.basicGrid.setObjectName(u"basicGrid")
        self.basicGrid.setHorizontalSpacing(10)
        self.basicGrid.setVerticalSpacing(6)
        self.name_label = QLabel(self.basicTab)
        self.name_label.setObjectName(u"name_label")

        self.basicGrid.addWidget(self.name_label, 0, 0, 1, 1)

        self.name_edit = QLineEdit(self.basicTab)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMinimumSize(QSize(300, 0))

        self.basicGrid.addWidget(self.name_edit, 0, 1, 1, 1)

        self.name_note = QLabel(self.basicTab)
        self.name_note.setObjectName(u"name_note")
        self.name_note.setMinimumSize(QSize(210, 0))
        self.name_note.setWordWrap(True)

        self.basicGrid.addWidget(self.name_note, 0, 2, 1, 1)

        self.code_label = QLabel(self.basicTab)
        self.code_label.setObjectName(u"code_label")

        self.basicGrid.addWidget(self.code_label, 1, 0, 1, 1)

        self.code_edit = QLineEdit(self.basicTab)
        self.code_edit.setObjectName(u"code_edit")
        self.code_edit.setMinimumSize(QSize(300, 0))

        self.basicGrid.addWidget(self.code_edit, 1, 1, 1, 1)

        self.code_note = QLabel(self.basicTab)
        self.code_note.setObjectName(u"code_note")
        self.code_note.setMinimumSize(QSize(210, 0))
        self.code_note.setWordWrap(True)

        self.basicGrid.addWidget(self.code_note, 1, 2, 1, 1)

        self.family_label = QLabel(self.basicTab)
        self.family_label.setObjectName(u"family_label")

        self.basicGrid.addWidget(self.family_label, 2, 0, 1, 1)

        self.family_edit = QComboBox(self.basicTab)
        self.family_edit.setObjectName(u"family_edit")
        self.family_edit.setMinimumSize(QSize(300, 0))

        self.basicGrid.addWidget(self.family_edit, 2, 1, 1, 1)

        self.family_note = QLabel(self.basicTab)
        self.family_note.setObjectName(u"family_note")
        self.family_note.setMinimumSize(QSize(210, 0))
        self.family_note.setWordWrap(True)

        self.basicGrid.addWidget(self.family_note, 2, 2, 1, 1)

        self.company_label = QLabel(self.basicTab)
        self.company_label.setObjectName(u"company_label")

        self.basicGrid.addWidget(self.company_label, 3, 0, 1, 1)

        self.company_edit = QLineEdit(self.basicTab)
        self.company_edit.setObjectName(u"company_edit")
        self.company_edit.setMinimumSize(QSize(300, 0))

        self.basicGrid.addWidget(self.company_edit, 3, 1, 1, 1)

        self.company_note = QLabel(self.basicTab)
        self.company_note.setObjectName(u"company_note")
        self.company_note.setMinimumSize(QSize(210, 0))
        self.company_note.setWordWrap(True)

        self.basicGrid.addWidget(self.company_note, 3, 2, 1, 1)

        self.industry_node_id_label = QLabel(self.basicTab)
        self.industry_node_id_label.setObjectName(u"industry_node_id_label")

        self.basicGrid.addWidget(self.industry_node_id_label, 4, 0, 1, 1)

        self.industry_node_id_edit = QComboBox(self.basicTab)
        self.industry_node_id_edit.setObjectName(u"industry_node_id_edit")
        self.industry_node_id_edit.setMinimumSize(QSize(300, 0))

        self.basicGrid.addWidget(self.industry_node_id_edit, 4, 1, 1, 1)

        self.industry_node_id_note = QLabel(self.basicTab)
        self.industry_node_id_note.setObjectName(u"industry_node_id_note")
        self.industry_node_id_note.setMinimumSize(QSize(210, 0))
        self.industry_node_id_note.setWordWrap(True)

        self.basicGrid.addWidget(self.industry_node_id_note, 4, 2, 1, 1)

        self.chain_link_id_label = QLabel(self.basicTab)
        self.chain_link_id_label.setObjectName(u"chain_link_id_label")

        self.basicGrid.addWidget(self.chain_link_id_label, 5, 0, 1, 1)

        self.chain_link_id_edit = QComboBox(self.basicTab)
        self.chain_link_id_edit.setObjectName(u"chain_link_id_edit")
        self.chain_link_id_edit.setMinimumSize(QSize(300, 0))

        self.basicGrid.addWidget(self.chain_link_id_edit, 5, 1, 1, 1)

        self.chain_link_id_note = QLabel(self.basicTab)
        self.chain_link_id_note.setObjectName(u"chain_link_id_note")
        self.chain_link_id_note.setMinimumSize(QSize(210, 0))
        self.chain_link_id_note.setWordWrap(True)

        self.basicGrid.addWidget(self.chain_link_id_note, 5, 2, 1, 1)

        self.field_id_label = QLabel(self.basicTab)
        self.field_id_label.setObjectName(u"field_id_label")

        self.basicGrid.addWidget(self.field_id_label, 6, 0, 1, 1)

        self.field_id_edit = QComboBox(self.basicTab)
        self.field_id_edit.setObjectName(u"field_id_edit")
        self.field_id_edit.setMinimumSize(QSize(300, 0))

        self.basicGrid.addWidget(self.field_id_edit, 6, 1, 1, 1)

        self.field_id_note = QLabel(self.basicTab)
        self.field_id_note.setObjectName(u"field_id_note")
        self.field_id_note.setMinimumSize(QSize(210, 0))
        self.field_id_note.setWordWrap(True)

        self.basicGrid.addWidget(self.field_id_note, 6, 2, 1, 1)

        self.location_label = QLabel(self.basicTab)
        self.location_label.setObjectName(u"location_label")

        self.basicGrid.addWidget(self.location_label, 7, 0, 1, 1)

        self.location_edit = QLineEdit(self.basicTab)
        self.location_edit.setObjectName(u"location_edit")
        self.location_edit.setMinimumSize(QSize(300, 0))

        self.basicGrid.addWidget(self.location_edit, 7, 1, 1, 1)

        self.location_note = QLabel(self.basicTab)
        self.location_note.setObjectName(u"location_note")
        self.location_note.setMinimumSize(QSize(210, 0))
        self.location_note.setWordWrap(True)

        self.basicGrid.addWidget(self.location_note, 7, 2, 1, 1)

        self.unit_id_label = QLabel(self.basicTab)
        self.unit_id_label.setObjectName(u"unit_id_label")

        self.basicGrid.addWidget(self.unit_id_label, 8, 0, 1, 1)

        self.unit_id_edit = QComboBox(self.basicTab)
        self.unit_id_edit.setObjectName(u"unit_id_edit")
        self.unit_id_edit.setMinimumSize(QSize(300, 0))

        self.basicGrid.addWidget(self.unit_id_edit, 8, 1, 1, 1)

        self.unit_id_note = QLabel(self.basicTab)
        self.unit_id_note.setObjectName(u"unit_id_note")
        self.unit_id_note.setMinimumSize(QSize(210, 0))
        self.unit_id_note.setWordWrap(True)

        self.basicGrid.addWidget(self.unit_id_note, 8, 2, 1, 1)

        self.leader_in_charge_label = QLabel(self.basicTab)
        self.leader_in_charge_label.setObjectName(u"leader_in_charge_label")

        self.basicGrid.addWidget(self.leader_in_charge_label, 9, 0, 1, 1)

        self.leader_in_charge_edit = QComboBox(self.basicTab)
        self.leader_in_charge_edit.setObjectName(u"leader_in_charge_edit")
        self.leader_in_charge_edit.setEditable(True)
        self.leader_in_charge_edit.setMinimumSize(QSize(300, 0))

        self.basicGrid.addWidget(self.leader_in_charge_edit, 9, 1, 1, 1)

        self.leader_in_charge_note = QLabel(self.basicTab)
        self.leader_in_charge_note.setObjectName(u"leader_in_charge_note")
        self.leader_in_charge_note.setMinimumSize(QSize(210, 0))
        self.leader_in_charge_note.setWordWrap(True)

        self.basicGrid.addWidget(self.leader_in_charge_note, 9, 2, 1, 1)

        self.task_force_id_label = QLabel(self.basicTab)
        self.task_force_id_label.setObjectName(u"task_force_id_label")

        self.basicGrid.addWidget(self.task_force_id_label, 10, 0, 1, 1)

        self.task_force_id_edit = QComboBox(self.basicTab)
        self.task_force_id_edit.setObjectName(u"task_force_id_edit")
        self.task_force_id_edit.setMinimumSize(QSize(300, 0))

        self.basicGrid.addWidget(self.task_force_id_edit, 10, 1, 1, 1)

        self.task_force_id_note = QLabel(self.basicTab)
        self.task_force_id_note.setObjectName(u"task_force_id_note")
        self.task_force_id_note.setMinimumSize(QSize(210, 0))
        self.task_force_id_note.setWordWrap(True)

        self.basicGrid.addWidget(self.task_force_id_note, 10, 2, 1, 1)

        self.basicGrid_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.basicGrid.addItem(self.basicGrid_spacer, 11, 1, 1, 1)

        self.tabs.addTab(self.basicTab, "")
        self.moneyTab = QWidget()
        self.moneyTab.setObjectName(u"moneyTab")
        self.moneyGrid = QGridLayout(self.moneyTab)
        self.moneyGrid.setObjectName(u"moneyGrid")
        self.moneyGrid.setHorizontalSpacing(10)
        self.moneyGrid.setVerticalSpacing(6)
        self.total_investment_wan_label = QLabel(self.moneyTab)
        self.total_investment_wan_label.setObjectName(u"total_investment_wan_label")

        self.moneyGrid.addWidget(self.total_investment_wan_label, 0, 0, 1, 1)

        self.total_investment_wan_edit = QLineEdit(self.moneyTab)
        self.total_investment_wan_edit.setObjectName(u"total_investment_wan_edit")
        self.total_investment_wan_edit.setMinimumSize(QSize(300, 0))

        self.moneyGrid.addWidget(self.total_investment_wan_edit, 0, 1, 1, 1)

        self.total_investment_wan_note = QLabel(self.moneyTab)
        self.total_investment_wan_note.setObjectName(u"total_investment_wan_note")
        self.total_investment_wan_note.setMinimumSize(QSize(210, 0))
        self.total_investment_wan_note.setWordWrap(True)

        self.moneyGrid.addWidget(self.total_investment_wan_note, 0, 2, 1, 1)

        self.fixed_asset_investment_wan_label = QLabel(self.moneyTab)
        self.fixed_asset_investment_wan_label.setObjectName(u"fixed_asset_investment_wan_label")

        self.moneyGrid.addWidget(self.fixed_asset_investment_wan_label, 1, 0, 1, 1)

        self.fixed_asset_investment_wan_edit = QLineEdit(self.moneyTab)
        self.fixed_asset_investment_wan_edit.setObjectName(u"fixed_asset_investment_wan_edit")
        self.fixed_asset_investment_wan_edit.setMinimumSize(QSize(300, 0))

        self.moneyGrid.addWidget(self.fixed_asset_investment_wan_edit, 1, 1, 1, 1)

        self.fixed_asset_investment_wan_note = QLabel(self.moneyTab)
        self.fixed_asset_investment_wan_note.setObjectName(u"fixed_asset_investment_wan_note")
        self.fixed_asset_investment_wan_note.setMinimumSize(QSize(210, 0))
        self.fixed_asset_investment_wan_note.setWordWrap(True)

        self.moneyGrid.addWidget(self.fixed_asset_investment_wan_note, 1, 2, 1, 1)

        self.foreign_investment_usd_wan_label = QLabel(self.moneyTab)
        self.foreign_investment_usd_wan_label.setObjectName(u"foreign_investment_usd_wan_label")

        self.moneyGrid.addWidget(self.foreign_investment_usd_wan_label, 2, 0, 1, 1)

        self.foreign_investment_usd_wan_edit = QLineEdit(self.moneyTab)
        self.foreign_investment_usd_wan_edit.setObjectName(u"foreign_investment_usd_wan_edit")
        self.foreign_investment_usd_wan_edit.setMinimumSize(QSize(300, 0))

        self.moneyGrid.addWidget(self.foreign_investment_usd_wan_edit, 2, 1, 1, 1)

        self.foreign_investment_usd_wan_note = QLabel(self.moneyTab)
        self.foreign_investment_usd_wan_note.setObjectName(u"foreign_investment_usd_wan_note")
        self.foreign_investment_usd_wan_note.setMinimumSize(QSize(210, 0))
        self.foreign_investment_usd_wan_note.setWordWrap(True)

        self.moneyGrid.addWidget(self.foreign_investment_usd_wan_note, 2, 2, 1, 1)

        self.land_mu_label = QLabel(self.moneyTab)
        self.land_mu_label.setObjectName(u"land_mu_label")

        self.moneyGrid.addWidget(self.land_mu_label, 3, 0, 1, 1)

        self.land_mu_edit = QLineEdit(self.moneyTab)
        self.land_mu_edit.setObjectName(u"land_mu_edit")
        self.land_mu_edit.setMinimumSize(QSize(300, 0))

        self.moneyGrid.addWidget(self.land_mu_edit, 3, 1, 1, 1)

        self.land_mu_note = QLabel(self.moneyTab)
        self.land_mu_note.setObjectName(u"land_mu_note")
        self.land_mu_note.setMinimumSize(QSize(210, 0))
        self.land_mu_note.setWordWrap(True)

        self.moneyGrid.addWidget(self.land_mu_note, 3, 2, 1, 1)

        self.expected_revenue_wan_label = QLabel(self.moneyTab)
        self.expected_revenue_wan_label.setObjectName(u"expected_revenue_wan_label")

        self.moneyGrid.addWidget(self.expected_revenue_wan_label, 4, 0, 1, 1)

        self.expected_revenue_wan_edit = QLineEdit(self.moneyTab)
        self.expected_revenue_wan_edit.setObjectName(u"expected_revenue_wan_edit")
        self.expected_revenue_wan_edit.setMinimumSize(QSize(300, 0))

        self.moneyGrid.addWidget(self.expected_revenue_wan_edit, 4, 1, 1, 1)

        self.expected_revenue_wan_note = QLabel(self.moneyTab)
        self.expected_revenue_wan_note.setObjectName(u"expected_revenue_wan_note")
        self.expected_revenue_wan_note.setMinimumSize(QSize(210, 0))
        self.expected_revenue_wan_note.setWordWrap(True)

        self.moneyGrid.addWidget(self.expected_revenue_wan_note, 4, 2, 1, 1)

        self.expected_tax_wan_label = QLabel(self.moneyTab)
        self.expected_tax_wan_label.setObjectName(u"expected_tax_wan_label")

        self.moneyGrid.addWidget(self.expected_tax_wan_label, 5, 0, 1, 1)

        self.expected_tax_wan_edit = QLineEdit(self.moneyTab)
        self.expected_tax_wan_edit.setObjectName(u"expected_tax_wan_edit")
        self.expected_tax_wan_edit.setMinimumSize(QSize(300, 0))

        self.moneyGrid.addWidget(self.expected_tax_wan_edit, 5, 1, 1, 1)

        self.expected_tax_wan_note = QLabel(self.moneyTab)
        self.expected_tax_wan_note.setObjectName(u"expected_tax_wan_note")
        self.expected_tax_wan_note.setMinimumSize(QSize(210, 0))
        self.expected_tax_wan_note.setWordWrap(True)

        self.moneyGrid.addWidget(self.expected_tax_wan_note, 5, 2, 1, 1)

        self.jobs_label = QLabel(self.moneyTab)
        self.jobs_label.setObjectName(u"jobs_label")

        self.moneyGrid.addWidget(self.jobs_label, 6, 0, 1, 1)

        self.jobs_edit = QLineEdit(self.moneyTab)
        self.jobs_edit.setObjectName(u"jobs_edit")
        self.jobs_edit.setMinimumSize(QSize(300, 0))

        self.moneyGrid.addWidget(self.jobs_edit, 6, 1, 1, 1)

        self.jobs_note = QLabel(self.moneyTab)
        self.jobs_note.setObjectName(u"jobs_note")
        self.jobs_note.setMinimumSize(QSize(210, 0))
        self.jobs_note.setWordWrap(True)

        self.moneyGrid.addWidget(self.jobs_note, 6, 2, 1, 1)

        self.moneyGrid_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.moneyGrid.addItem(self.moneyGrid_spacer, 7, 1, 1, 1)

        self.tabs.addTab(self.moneyTab, "")
        self.textTab = QWidget()
        self.textTab.setObjectName(u"textTab")
        self.textGrid = QGridLayout(self.textTab)
        self.textGrid.setObjectName(u"textGrid")
        self.textGrid.setHorizontalSpacing(10)
        self.textGrid.setVerticalSpacing(6)
        self.construction_content_label = QLabel(self.textTab)
        self.construction_content_label.setObjectName(u"construction_content_label")

        self.textGrid.addWidget(self.construction_content_label, 0, 0, 1, 1)

        self.construction_content_edit = QPlainTextEdit(self.textTab)
        self.construction_content_edit.setObjectName(u"construction_content_edit")
        self.construction_content_edit.setTabChangesFocus(True)
        self.construction_content_edit.setMinimumSize(QSize(300, 0))

        self.textGrid.addWidget(self.construction_content_edit, 0, 1, 1, 1)

        self.construction_content_note = QLabel(self.textTab)
        self.construction_content_note.setObjectName(u"construction_content_note")
        self.construction_content_note.setMinimumSize(QSize(210, 0))
        self.construction_content_note.setWordWrap(True)

        self.textGrid.addWidget(self.construction_content_note, 0, 2, 1, 1)

        self.contract_notes_label = QLabel(self.textTab)
        self.contract_notes_label.setObjectName(u"contract_notes_label")

        self.textGrid.addWidget(self.contract_notes_label, 1, 0, 1, 1)

        self.contract_notes_edit = QPlainTextEdit(self.textTab)
        self.contract_notes_edit.setObjectName(u"contract_notes_edit")
        self.contract_notes_edit.setTabChangesFocus(True)
        self.contract_notes_edit.setMinimumSize(QSize(300, 0))

        self.textGrid.addWidget(self.contract_notes_edit, 1, 1, 1, 1)

        self.contract_notes_note = QLabel(self.textTab)
        self.contract_notes_note.setObjectName(u"contract_notes_note")
        self.contract_notes_note.setMinimumSize(QSize(210, 0))
        self.contract_notes_note.setWordWrap(True)

        self.textGrid.addWidget(self.contract_notes_note, 1, 2, 1, 1)

        self.notes_label = QLabel(self.textTab)
        self.notes_label.setObjectName(u"notes_label")

        self.textGrid.addWidget(self.notes_label, 2, 0, 1, 1)

        self.notes_edit = QPlainTextEdit(self.textTab)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMinimumSize(QSize(300, 0))

        self.textGrid.addWidget(self.notes_edit, 2, 1, 1, 1)

        self.notes_note = QLabel(self.textTab)
        self.notes_note.setObjectName(u"notes_note")
        self.notes_note.setMinimumSize(QSize(210, 0))
        self.notes_note.setWordWrap(True)

        self.textGrid.addWidget(self.notes_note, 2, 2, 1, 1)

        self.textGrid_spacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.textGrid.addItem(self.textGrid_spacer, 3, 1, 1, 1)

        self.tabs.addTab(self.textTab, "")
        self.stageTab = QWidget()
        self.stageTab.setObjectName(u"stageTab")
        self.stageLayout = QVBoxLayout(self.stageTab)
        self.stageLayout.setObjectName(u"stageLayout")
        self.stageButtons = QHBoxLayout()
        self.stageButtons.setObjectName(u"stageButtons")
        self.stageLabel = QLabel(self.stageTab)
        self.stageLabel.setObjectName(u"stageLabel")

        self.stageButtons.addWidget(self.stageLabel)

        self.stageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.stageButtons.addItem(self.stageSpacer)

        self.advanceButton = QPushButton(self.stageTab)
        self.advanceButton.setObjectName(u"advanceButton")

        self.stageButtons.addWidget(self.advanceButton)

        self.correctButton = QPushButton(self.stageTab)
        self.correctButton.setObjectName(u"correctButton")

        self.stageButtons.addWidget(self.correctButton)

        self.dropButton = QPushButton(self.stageTab)
        self.dropButton.setObjectName(u"dropButton")

        self.stageButtons.addWidget(self.dropButton)


        self.stageLayout.addLayout(self.stageButtons)

        self.timelineView = QTableView(self.stageTab)
        self.timelineView.setObjectName(u"timelineView")

        self.stageLayout.addWidget(self.timelineView)

        self.stageMessage = QLabel(self.stageTab)
        self.stageMessage.setObjectName(u"stageMessage")
        self.stageMessage.setWordWrap(True)

        self.stageLayout.addWidget(self.stageMessage)

        self.tabs.addTab(self.stageTab, "")
        self.investmentTab = QWidget()
        self.investmentTab.setObjectName(u"investmentTab")
        self.investmentLayout = QVBoxLayout(self.investmentTab)
        self.investmentLayout.setObjectName(u"investmentLayout")
        self.investmentSummary = QLabel(self.investmentTab)
        self.investmentSummary.setObjectName(u"investmentSummary")
        self.investmentSummary.setWordWrap(True)
        self.investmentSummary.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignTop)
        self.investmentSummary.setTextFormat(Qt.TextFormat.RichText)

        self.investmentLayout.addWidget(self.investmentSummary)

        self.fundsGroup = QGroupBox(self.investmentTab)
        self.fundsGroup.setObjectName(u"fundsGroup")
        self.fundsGroupLayout = QHBoxLayout(self.fundsGroup)
        self.fundsGroupLayout.setObjectName(u"fundsGroupLayout")
        self.fundsView = QTableView(self.fundsGroup)
        self.fundsView.setObjectName(u"fundsView")
        self.fundsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.fundsView.setAlternatingRowColors(True)
        self.fundsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.fundsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.fundsView.setWordWrap(False)
        self.fundsView.horizontalHeader().setStretchLastSection(True)
        self.fundsView.verticalHeader().setVisible(False)

        self.fundsGroupLayout.addWidget(self.fundsView)

        self.fundsButtons = QVBoxLayout()
        self.fundsButtons.setObjectName(u"fundsButtons")
        self.addFundsButton = QPushButton(self.fundsGroup)
        self.addFundsButton.setObjectName(u"addFundsButton")
        self.addFundsButton.setAutoDefault(False)

        self.fundsButtons.addWidget(self.addFundsButton)

        self.editFundsButton = QPushButton(self.fundsGroup)
        self.editFundsButton.setObjectName(u"editFundsButton")
        self.editFundsButton.setAutoDefault(False)

        self.fundsButtons.addWidget(self.editFundsButton)

        self.deleteFundsButton = QPushButton(self.fundsGroup)
        self.deleteFundsButton.setObjectName(u"deleteFundsButton")
        self.deleteFundsButton.setAutoDefault(False)

        self.fundsButtons.addWidget(self.deleteFundsButton)

        self.fundsButtonsSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.fundsButtons.addItem(self.fundsButtonsSpacer)


        self.fundsGroupLayout.addLayout(self.fundsButtons)


        self.investmentLayout.addWidget(self.fundsGroup)

        self.keyGroup = QGroupBox(self.investmentTab)
        self.keyGroup.setObjectName(u"keyGroup")
        self.keyGroupLayout = QHBoxLayout(self.keyGroup)
        self.keyGroupLayout.setObjectName(u"keyGroupLayout")
        self.planView = QTableView(self.keyGroup)
        self.planView.setObjectName(u"planView")
        self.planView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.planView.setAlternatingRowColors(True)
        self.planView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.planView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.planView.setWordWrap(False)
        self.planView.horizontalHeader().setStretchLastSection(True)
        self.planView.verticalHeader().setVisible(False)

        self.keyGroupLayout.addWidget(self.planView)

        self.planButtons = QVBoxLayout()
        self.planButtons.setObjectName(u"planButtons")
        self.addPlanButton = QPushButton(self.keyGroup)
        self.addPlanButton.setObjectName(u"addPlanButton")
        self.addPlanButton.setAutoDefault(False)

        self.planButtons.addWidget(self.addPlanButton)

        self.editPlanButton = QPushButton(self.keyGroup)
        self.editPlanButton.setObjectName(u"editPlanButton")
        self.editPlanButton.setAutoDefault(False)

        self.planButtons.addWidget(self.editPlanButton)

        self.deletePlanButton = QPushButton(self.keyGroup)
        self.deletePlanButton.setObjectName(u"deletePlanButton")
        self.deletePlanButton.setAutoDefault(False)

        self.planButtons.addWidget(self.deletePlanButton)

        self.planButtonsSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.planButtons.addItem(self.planButtonsSpacer)


        self.keyGroupLayout.addLayout(self.planButtons)

        self.monthView = QTableView(self.keyGroup)
        self.monthView.setObjectName(u"monthView")
        self.monthView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.monthView.setAlternatingRowColors(True)
        self.monthView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.monthView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.monthView.setWordWrap(False)
        self.monthView.horizontalHeader().setStretchLastSection(True)
        self.monthView.verticalHeader().setVisible(False)

        self.keyGroupLayout.addWidget(self.monthView)

        self.monthButtons = QVBoxLayout()
        self.monthButtons.setObjectName(u"monthButtons")
        self.addMonthButton = QPushButton(self.keyGroup)
        self.addMonthButton.setObjectName(u"addMonthButton")
        self.addMonthButton.setAutoDefault(False)

        self.monthButtons.addWidget(self.addMonthButton)

        self.editMonthButton = QPushButton(self.keyGroup)
        self.editMonthButton.setObjectName(u"editMonthButton")
        self.editMonthButton.setAutoDefault(False)

        self.monthButtons.addWidget(self.editMonthButton)

        self.deleteMonthButton = QPushButton(self.keyGroup)
        self.deleteMonthButton.setObjectName(u"deleteMonthButton")
        self.deleteMonthButton.setAutoDefault(False)

        self.monthButtons.addWidget(self.deleteMonthButton)

        self.monthButtonsSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.monthButtons.addItem(self.monthButtonsSpacer)


        self.keyGroupLayout.addLayout(self.monthButtons)


        self.investmentLayout.addWidget(self.keyGroup)

        self.investmentMessage = QLabel(self.investmentTab)
        self.investmentMessage.setObjectName(u"investmentMessage")
        self.investmentMessage.setWordWrap(True)

        self.investmentLayout.addWidget(self.investmentMessage)

        self.tabs.addTab(self.investmentTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.footerLayout = QHBoxLayout()
        self.footerLayout.setObjectName(u"footerLayout")
        self.statusLabel = QLabel(ProjectFormDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.footerLayout.addWidget(self.statusLabel)

        self.buttonBox = QDialogButtonBox(ProjectFormDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.footerLayout.addWidget(self.buttonBox)


        self.mainLayout.addLayout(self.footerLayout)


        self.retranslateUi(ProjectFormDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ProjectFormDialog)
    # setupUi

    def retranslateUi(self, ProjectFormDialog):
        ProjectFormDialog.setWindowTitle(QCoreApplication.translate("ProjectFormDialog", u"\u9879\u76ee", None))
        self.titleLabel.setText("")
        self.stageBadge.setText("")
        self.name_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u9879\u76ee\u540d\u79f0 *", None))
        self.name_note.setText("")
        self.code_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u9879\u76ee\u7f16\u7801", None))
        self.code_note.setText("")
        self.family_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u9879\u76ee\u7c7b\u522b", None))
        self.family_note.setText("")
        self.company_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u6295\u8d44\u65b9", None))
        self.company_note.setText("")
        self.industry_node_id_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u6240\u5c5e\u4ea7\u4e1a", None))
        self.industry_node_id_note.setText("")
        self.chain_link_id_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u4ea7\u4e1a\u94fe\u73af\u8282", None))
        self.chain_link_id_note.setText("")
        self.field_id_label.setText(QCoreApplication.translate("ProjectFormDialog", u"5122 \u9886\u57df", None))
        self.field_id_note.setText("")
        self.location_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u5efa\u8bbe\u5730\u70b9", None))
        self.location_note.setText("")
        self.unit_id_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u8d23\u4efb\u5355\u4f4d", None))
        self.unit_id_note.setText("")
        self.leader_in_charge_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u5206\u5305\u9886\u5bfc", None))
        self.leader_in_charge_note.setText("")
        self.task_force_id_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u4e13\u73ed", None))
        self.task_force_id_note.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.basicTab), QCoreApplication.translate("ProjectFormDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.total_investment_wan_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u603b\u6295\u8d44", None))
        self.total_investment_wan_edit.setPlaceholderText(QCoreApplication.translate("ProjectFormDialog", u"\u5982 5\u4ebf\u30015,000\u4e07\u3001\u4f0d\u4edf\u4e07\uff08\u9ed8\u8ba4\u5355\u4f4d\u4e07\u5143\uff09", None))
        self.total_investment_wan_note.setText("")
        self.fixed_asset_investment_wan_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u56fa\u5b9a\u8d44\u4ea7\u6295\u8d44", None))
        self.fixed_asset_investment_wan_edit.setPlaceholderText(QCoreApplication.translate("ProjectFormDialog", u"\u4e07\u5143\uff0c\u53ef\u5199 3\u4ebf", None))
        self.fixed_asset_investment_wan_note.setText("")
        self.foreign_investment_usd_wan_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u5916\u8d44\uff08\u4e07\u7f8e\u5143\uff09", None))
        self.foreign_investment_usd_wan_edit.setPlaceholderText(QCoreApplication.translate("ProjectFormDialog", u"\u4e07\u7f8e\u5143", None))
        self.foreign_investment_usd_wan_note.setText("")
        self.land_mu_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u7528\u5730\uff08\u4ea9\uff09", None))
        self.land_mu_edit.setPlaceholderText(QCoreApplication.translate("ProjectFormDialog", u"\u4ea9", None))
        self.land_mu_note.setText("")
        self.expected_revenue_wan_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u9884\u8ba1\u5e74\u8425\u4e1a\u6536\u5165", None))
        self.expected_revenue_wan_edit.setPlaceholderText(QCoreApplication.translate("ProjectFormDialog", u"\u4e07\u5143/\u5e74", None))
        self.expected_revenue_wan_note.setText("")
        self.expected_tax_wan_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u9884\u8ba1\u5e74\u7a0e\u6536", None))
        self.expected_tax_wan_edit.setPlaceholderText(QCoreApplication.translate("ProjectFormDialog", u"\u4e07\u5143/\u5e74", None))
        self.expected_tax_wan_note.setText("")
        self.jobs_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u5e26\u52a8\u5c31\u4e1a\uff08\u4eba\uff09", None))
        self.jobs_note.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.moneyTab), QCoreApplication.translate("ProjectFormDialog", u"\u6295\u8d44\u4e0e\u6548\u76ca", None))
        self.construction_content_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u5efa\u8bbe\u5185\u5bb9", None))
        self.construction_content_note.setText("")
        self.contract_notes_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u5408\u540c\u60c5\u51b5", None))
        self.contract_notes_note.setText("")
        self.notes_label.setText(QCoreApplication.translate("ProjectFormDialog", u"\u5907\u6ce8", None))
        self.notes_note.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.textTab), QCoreApplication.translate("ProjectFormDialog", u"\u5efa\u8bbe\u5185\u5bb9\u4e0e\u5907\u6ce8", None))
        self.stageLabel.setText("")
        self.advanceButton.setText(QCoreApplication.translate("ProjectFormDialog", u"\u63a8\u8fdb\u9636\u6bb5\u2026", None))
        self.correctButton.setText(QCoreApplication.translate("ProjectFormDialog", u"\u66f4\u6b63\u2026", None))
        self.dropButton.setText(QCoreApplication.translate("ProjectFormDialog", u"\u7ec8\u6b62\u2026", None))
        self.stageMessage.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.stageTab), QCoreApplication.translate("ProjectFormDialog", u"\u9636\u6bb5\u8bb0\u5f55", None))
        self.investmentSummary.setText("")
        self.fundsGroup.setTitle(QCoreApplication.translate("ProjectFormDialog", u"\u5230\u4f4d\u8d44\u91d1", None))
        self.addFundsButton.setText(QCoreApplication.translate("ProjectFormDialog", u"\u6dfb\u52a0\u2026", None))
#if QT_CONFIG(tooltip)
        self.addFundsButton.setToolTip(QCoreApplication.translate("ProjectFormDialog", u"\u6dfb\u52a0\u5230\u4f4d\u8d44\u91d1\u8bb0\u5f55", None))
#endif // QT_CONFIG(tooltip)
        self.editFundsButton.setText(QCoreApplication.translate("ProjectFormDialog", u"\u4fee\u6539\u2026", None))
#if QT_CONFIG(tooltip)
        self.editFundsButton.setToolTip(QCoreApplication.translate("ProjectFormDialog", u"\u4fee\u6539\u9009\u4e2d\u7684\u5230\u4f4d\u8d44\u91d1\u8bb0\u5f55", None))
#endif // QT_CONFIG(tooltip)
        self.deleteFundsButton.setText(QCoreApplication.translate("ProjectFormDialog", u"\u5220\u9664", None))
#if QT_CONFIG(tooltip)
        self.deleteFundsButton.setToolTip(QCoreApplication.translate("ProjectFormDialog", u"\u5220\u9664\u9009\u4e2d\u7684\u5230\u4f4d\u8d44\u91d1\u8bb0\u5f55", None))
#endif // QT_CONFIG(tooltip)
        self.keyGroup.setTitle(QCoreApplication.translate("ProjectFormDialog", u"\u91cd\u70b9\u9879\u76ee\uff1a\u5e74\u5ea6\u8ba1\u5212\u6295\u8d44\u4e0e\u6708\u5ea6\u5b8c\u6210\u6295\u8d44", None))
        self.addPlanButton.setText(QCoreApplication.translate("ProjectFormDialog", u"\u6dfb\u52a0\u2026", None))
#if QT_CONFIG(tooltip)
        self.addPlanButton.setToolTip(QCoreApplication.translate("ProjectFormDialog", u"\u6dfb\u52a0\u5e74\u5ea6\u8ba1\u5212", None))
#endif // QT_CONFIG(tooltip)
        self.editPlanButton.setText(QCoreApplication.translate("ProjectFormDialog", u"\u4fee\u6539\u2026", None))
#if QT_CONFIG(tooltip)
        self.editPlanButton.setToolTip(QCoreApplication.translate("ProjectFormDialog", u"\u4fee\u6539\u9009\u4e2d\u7684\u5e74\u5ea6\u8ba1\u5212", None))
#endif // QT_CONFIG(tooltip)
        self.deletePlanButton.setText(QCoreApplication.translate("ProjectFormDialog", u"\u5220\u9664", None))
#if QT_CONFIG(tooltip)
        self.deletePlanButton.setToolTip(QCoreApplication.translate("ProjectFormDialog", u"\u5220\u9664\u9009\u4e2d\u7684\u5e74\u5ea6\u8ba1\u5212", None))
#endif // QT_CONFIG(tooltip)
        self.addMonthButton.setText(QCoreApplication.translate("ProjectFormDialog", u"\u6dfb\u52a0\u2026", None))
#if QT_CONFIG(tooltip)
        self.addMonthButton.setToolTip(QCoreApplication.translate("ProjectFormDialog", u"\u6dfb\u52a0\u6708\u5ea6\u5b8c\u6210\u6295\u8d44", None))
#endif // QT_CONFIG(tooltip)
        self.editMonthButton.setText(QCoreApplication.translate("ProjectFormDialog", u"\u4fee\u6539\u2026", None))
#if QT_CONFIG(tooltip)
        self.editMonthButton.setToolTip(QCoreApplication.translate("ProjectFormDialog", u"\u4fee\u6539\u9009\u4e2d\u7684\u6708\u5ea6\u5b8c\u6210\u6295\u8d44", None))
#endif // QT_CONFIG(tooltip)
        self.deleteMonthButton.setText(QCoreApplication.translate("ProjectFormDialog", u"\u5220\u9664", None))
#if QT_CONFIG(tooltip)
        self.deleteMonthButton.setToolTip(QCoreApplication.translate("ProjectFormDialog", u"\u5220\u9664\u9009\u4e2d\u7684\u6708\u5ea6\u5b8c\u6210\u6295\u8d44", None))
#endif // QT_CONFIG(tooltip)
        self.investmentMessage.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.investmentTab), QCoreApplication.translate("ProjectFormDialog", u"\u6295\u8d44\u8bb0\u5f55", None))
        self.statusLabel.setText("")
    # retranslateUi
