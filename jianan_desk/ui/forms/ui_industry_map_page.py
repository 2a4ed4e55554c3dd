# GENERATED from forms/industry_map_page.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTabWidget,
    QTableView, QTreeView, QVBoxLayout, QWidget)

from jianan_desk.ui.widgets.chain_diagram import ChainDiagram

class Ui_IndustryMapPage(object):
    def setupUi(self, IndustryMapPage):
        if not IndustryMapPage.objectName():
            IndustryMapPage.setObjectName(u"IndustryMapPage")
        IndustryMapPage.resize(1100, 720)
        self.pageLayout = QVBoxLayout(IndustryMapPage)
        self.pageLayout.setObjectName(u"pageLayout")
        self.pageLayout.setContentsMargins(8, 8, 8, 8)
        self.tabs = QTabWidget(IndustryMapPage)
        self.tabs.setObjectName(u"tabs")
        self.mapTab = QWidget()
        self.mapTab.setObjectName(u"mapTab")
        self.mapLayout = QVBoxLayout(self.mapTab)
        self.mapLayout.setObjectName(u"mapLayout")
        self.mapBar = QHBoxLayout()
        self.mapBar.setObjectName(u"mapBar")
        self.industryLabel = QLabel(self.mapTab)
        self.industryLabel.setObjectName(u"industryLabel")

        self.mapBar.addWidget(self.industryLabel)

        self.industryCombo = QComboBox(self.mapTab)
        self.industryCombo.setObjectName(u"industryCombo")
        self.industryCombo.setMinimumContentsLength(14)

        self.mapBar.addWidget(self.industryCombo)

        self.includeRetiredCheck = QCheckBox(self.mapTab)
        self.includeRetiredCheck.setObjectName(u"includeRetiredCheck")

        self.mapBar.addWidget(self.includeRetiredCheck)

        self.mapSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.mapBar.addItem(self.mapSpacer)

        self.zoomOutButton = QPushButton(self.mapTab)
        self.zoomOutButton.setObjectName(u"zoomOutButton")

        self.mapBar.addWidget(self.zoomOutButton)

        self.zoomInButton = QPushButton(self.mapTab)
        self.zoomInButton.setObjectName(u"zoomInButton")

        self.mapBar.addWidget(self.zoomInButton)

        self.fitButton = QPushButton(self.mapTab)
        self.fitButton.setObjectName(u"fitButton")

        self.mapBar.addWidget(self.fitButton)

        self.exportPngButton = QPushButton(self.mapTab)
        self.exportPngButton.setObjectName(u"exportPngButton")

        self.mapBar.addWidget(self.exportPngButton)


        self.mapLayout.addLayout(self.mapBar)

        self.mapDiagram = ChainDiagram(self.mapTab)
        self.mapDiagram.setObjectName(u"mapDiagram")

        self.mapLayout.addWidget(self.mapDiagram)

        self.tabs.addTab(self.mapTab, "")
        self.overviewTab = QWidget()
        self.overviewTab.setObjectName(u"overviewTab")
        self.overviewLayout = QVBoxLayout(self.overviewTab)
        self.overviewLayout.setObjectName(u"overviewLayout")
        self.overviewBar = QHBoxLayout()
        self.overviewBar.setObjectName(u"overviewBar")
        self.overviewSummary = QLabel(self.overviewTab)
        self.overviewSummary.setObjectName(u"overviewSummary")
        self.overviewSummary.setWordWrap(True)

        self.overviewBar.addWidget(self.overviewSummary)

        self.overviewSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.overviewBar.addItem(self.overviewSpacer)

        self.overviewFitButton = QPushButton(self.overviewTab)
        self.overviewFitButton.setObjectName(u"overviewFitButton")

        self.overviewBar.addWidget(self.overviewFitButton)

        self.overviewExportButton = QPushButton(self.overviewTab)
        self.overviewExportButton.setObjectName(u"overviewExportButton")

        self.overviewBar.addWidget(self.overviewExportButton)


        self.overviewLayout.addLayout(self.overviewBar)

        self.overviewDiagram = ChainDiagram(self.overviewTab)
        self.overviewDiagram.setObjectName(u"overviewDiagram")

        self.overviewLayout.addWidget(self.overviewDiagram)

        self.tabs.addTab(self.overviewTab, "")
        self.targetsTab = QWidget()
        self.targetsTab.setObjectName(u"targetsTab")
        self.targetsLayout = QVBoxLayout(self.targetsTab)
        self.targetsLayout.setObjectName(u"targetsLayout")
        self.targetsFilterBar = QHBoxLayout()
        self.targetsFilterBar.setObjectName(u"targetsFilterBar")
        self.linkFilterLabel = QLabel(self.targetsTab)
        self.linkFilterLabel.setObjectName(u"linkFilterLabel")

        self.targetsFilterBar.addWidget(self.linkFilterLabel)

        self.linkFilterCombo = QComboBox(self.targetsTab)
        self.linkFilterCombo.setObjectName(u"linkFilterCombo")
        self.linkFilterCombo.setMinimumContentsLength(18)

        self.targetsFilterBar.addWidget(self.linkFilterCombo)

        self.statusFilterLabel = QLabel(self.targetsTab)
        self.statusFilterLabel.setObjectName(u"statusFilterLabel")

        self.targetsFilterBar.addWidget(self.statusFilterLabel)

        self.statusFilterCombo = QComboBox(self.targetsTab)
        self.statusFilterCombo.setObjectName(u"statusFilterCombo")

        self.targetsFilterBar.addWidget(self.statusFilterCombo)

        self.staleOnlyCheck = QCheckBox(self.targetsTab)
        self.staleOnlyCheck.setObjectName(u"staleOnlyCheck")

        self.targetsFilterBar.addWidget(self.staleOnlyCheck)

        self.staleDaysLabel = QLabel(self.targetsTab)
        self.staleDaysLabel.setObjectName(u"staleDaysLabel")

        self.targetsFilterBar.addWidget(self.staleDaysLabel)

        self.staleDaysSpin = QSpinBox(self.targetsTab)
        self.staleDaysSpin.setObjectName(u"staleDaysSpin")
        self.staleDaysSpin.setMinimum(7)
        self.staleDaysSpin.setMaximum(730)
        self.staleDaysSpin.setValue(90)

        self.targetsFilterBar.addWidget(self.staleDaysSpin)

        self.targetsFilterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.targetsFilterBar.addItem(self.targetsFilterSpacer)

        self.staleLabel = QLabel(self.targetsTab)
        self.staleLabel.setObjectName(u"staleLabel")

        self.targetsFilterBar.addWidget(self.staleLabel)


        self.targetsLayout.addLayout(self.targetsFilterBar)

        self.targetsActionBar = QHBoxLayout()
        self.targetsActionBar.setObjectName(u"targetsActionBar")
        self.addTargetButton = QPushButton(self.targetsTab)
        self.addTargetButton.setObjectName(u"addTargetButton")

        self.targetsActionBar.addWidget(self.addTargetButton)

        self.editTargetButton = QPushButton(self.targetsTab)
        self.editTargetButton.setObjectName(u"editTargetButton")

        self.targetsActionBar.addWidget(self.editTargetButton)

        self.targetsActionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.targetsActionBar.addItem(self.targetsActionSpacer)

        self.importTargetsButton = QPushButton(self.targetsTab)
        self.importTargetsButton.setObjectName(u"importTargetsButton")

        self.targetsActionBar.addWidget(self.importTargetsButton)

        self.exportTargetsButton = QPushButton(self.targetsTab)
        self.exportTargetsButton.setObjectName(u"exportTargetsButton")

        self.targetsActionBar.addWidget(self.exportTargetsButton)


        self.targetsLayout.addLayout(self.targetsActionBar)

        self.targetsView = QTableView(self.targetsTab)
        self.targetsView.setObjectName(u"targetsView")
        self.targetsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.targetsView.setAlternatingRowColors(True)
        self.targetsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.targetsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.targetsView.setSortingEnabled(True)

        self.targetsLayout.addWidget(self.targetsView)

        self.targetsEmptyLabel = QLabel(self.targetsTab)
        self.targetsEmptyLabel.setObjectName(u"targetsEmptyLabel")
        self.targetsEmptyLabel.setWordWrap(True)

        self.targetsLayout.addWidget(self.targetsEmptyLabel)

        self.tabs.addTab(self.targetsTab, "")
        self.coverageTab = QWidget()
        self.coverageTab.setObjectName(u"coverageTab")
        self.coverageLayout = QVBoxLayout(self.coverageTab)
        self.coverageLayout.setObjectName(u"coverageLayout")
        self.coverageBar = QHBoxLayout()
        self.coverageBar.setObjectName(u"coverageBar")
        self.coverageSummary = QLabel(self.coverageTab)
        self.coverageSummary.setObjectName(u"coverageSummary")
        self.coverageSummary.setWordWrap(True)

        self.coverageBar.addWidget(self.coverageSummary)

        self.coverageSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.coverageBar.addItem(self.coverageSpacer)

        self.gapsOnlyCheck = QCheckBox(self.coverageTab)
        self.gapsOnlyCheck.setObjectName(u"gapsOnlyCheck")

        self.coverageBar.addWidget(self.gapsOnlyCheck)

        self.exportCoverageButton = QPushButton(self.coverageTab)
        self.exportCoverageButton.setObjectName(u"exportCoverageButton")

        self.coverageBar.addWidget(self.exportCoverageButton)


        self.coverageLayout.addLayout(self.coverageBar)

        self.coverageView = QTableView(self.coverageTab)
        self.coverageView.setObjectName(u"coverageView")
        self.coverageView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.coverageView.setAlternatingRowColors(True)
        self.coverageView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.coverageView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.coverageView.setSortingEnabled(True)

        self.coverageLayout.addWidget(self.coverageView)

        self.tabs.addTab(self.coverageTab, "")
        self.treeTab = QWidget()
        self.treeTab.setObjectName(u"treeTab")
        self.treeLayout = QHBoxLayout(self.treeTab)
        self.treeLayout.setObjectName(u"treeLayout")
        self.treeLeft = QVBoxLayout()
        self.treeLeft.setObjectName(u"treeLeft")
        self.treeView = QTreeView(self.treeTab)
        self.treeView.setObjectName(u"treeView")
        self.treeView.setHeaderHidden(True)
        self.treeView.setMinimumSize(QSize(300, 0))

        self.treeLeft.addWidget(self.treeView)

        self.showRetiredCheck = QCheckBox(self.treeTab)
        self.showRetiredCheck.setObjectName(u"showRetiredCheck")
        self.showRetiredCheck.setChecked(True)

        self.treeLeft.addWidget(self.showRetiredCheck)

        self.treeButtons = QHBoxLayout()
        self.treeButtons.setObjectName(u"treeButtons")
        self.addGroupButton = QPushButton(self.treeTab)
        self.addGroupButton.setObjectName(u"addGroupButton")

        self.treeButtons.addWidget(self.addGroupButton)

        self.addChildButton = QPushButton(self.treeTab)
        self.addChildButton.setObjectName(u"addChildButton")

        self.treeButtons.addWidget(self.addChildButton)

        self.moveUpButton = QPushButton(self.treeTab)
        self.moveUpButton.setObjectName(u"moveUpButton")

        self.treeButtons.addWidget(self.moveUpButton)

        self.moveDownButton = QPushButton(self.treeTab)
        self.moveDownButton.setObjectName(u"moveDownButton")

        self.treeButtons.addWidget(self.moveDownButton)


        self.treeLeft.addLayout(self.treeButtons)


        self.treeLayout.addLayout(self.treeLeft)

        self.treeRight = QVBoxLayout()
        self.treeRight.setObjectName(u"treeRight")
        self.nodeForm = QFormLayout()
        self.nodeForm.setObjectName(u"nodeForm")
        self.levelTitle = QLabel(self.treeTab)
        self.levelTitle.setObjectName(u"levelTitle")

        self.nodeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.levelTitle)

        self.levelValue = QLabel(self.treeTab)
        self.levelValue.setObjectName(u"levelValue")

        self.nodeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.levelValue)

        self.nameTitle = QLabel(self.treeTab)
        self.nameTitle.setObjectName(u"nameTitle")

        self.nodeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.nameTitle)

        self.nameEdit = QLineEdit(self.treeTab)
        self.nameEdit.setObjectName(u"nameEdit")
        self.nameEdit.setMaxLength(200)

        self.nodeForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nameEdit)

        self.effectiveTitle = QLabel(self.treeTab)
        self.effectiveTitle.setObjectName(u"effectiveTitle")

        self.nodeForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.effectiveTitle)

        self.effectiveDateEdit = QDateEdit(self.treeTab)
        self.effectiveDateEdit.setObjectName(u"effectiveDateEdit")
        self.effectiveDateEdit.setCalendarPopup(True)

        self.nodeForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.effectiveDateEdit)

        self.positionTitle = QLabel(self.treeTab)
        self.positionTitle.setObjectName(u"positionTitle")

        self.nodeForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.positionTitle)

        self.positionCombo = QComboBox(self.treeTab)
        self.positionCombo.setObjectName(u"positionCombo")

        self.nodeForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.positionCombo)

        self.statusTitle = QLabel(self.treeTab)
        self.statusTitle.setObjectName(u"statusTitle")

        self.nodeForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.statusTitle)

        self.chainStatusCombo = QComboBox(self.treeTab)
        self.chainStatusCombo.setObjectName(u"chainStatusCombo")

        self.nodeForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.chainStatusCombo)

        self.productsTitle = QLabel(self.treeTab)
        self.productsTitle.setObjectName(u"productsTitle")

        self.nodeForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.productsTitle)

        self.keyProductsEdit = QLineEdit(self.treeTab)
        self.keyProductsEdit.setObjectName(u"keyProductsEdit")

        self.nodeForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.keyProductsEdit)

        self.localTitle = QLabel(self.treeTab)
        self.localTitle.setObjectName(u"localTitle")

        self.nodeForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.localTitle)

        self.localEnterprisesEdit = QLineEdit(self.treeTab)
        self.localEnterprisesEdit.setObjectName(u"localEnterprisesEdit")

        self.nodeForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.localEnterprisesEdit)

        self.descriptionTitle = QLabel(self.treeTab)
        self.descriptionTitle.setObjectName(u"descriptionTitle")

        self.nodeForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.descriptionTitle)

        self.descriptionEdit = QPlainTextEdit(self.treeTab)
        self.descriptionEdit.setObjectName(u"descriptionEdit")
        self.descriptionEdit.setMaximumSize(QSize(16777215, 90))

        self.nodeForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.descriptionEdit)

        self.historyTitle = QLabel(self.treeTab)
        self.historyTitle.setObjectName(u"historyTitle")

        self.nodeForm.setWidget(8, QFormLayout.ItemRole.LabelRole, self.historyTitle)

        self.historyValue = QLabel(self.treeTab)
        self.historyValue.setObjectName(u"historyValue")
        self.historyValue.setWordWrap(True)

        self.nodeForm.setWidget(8, QFormLayout.ItemRole.FieldRole, self.historyValue)


        self.treeRight.addLayout(self.nodeForm)

        self.nodeErrorLabel = QLabel(self.treeTab)
        self.nodeErrorLabel.setObjectName(u"nodeErrorLabel")
        self.nodeErrorLabel.setWordWrap(True)

        self.treeRight.addWidget(self.nodeErrorLabel)

        self.nodeButtons = QHBoxLayout()
        self.nodeButtons.setObjectName(u"nodeButtons")
        self.saveNodeButton = QPushButton(self.treeTab)
        self.saveNodeButton.setObjectName(u"saveNodeButton")

        self.nodeButtons.addWidget(self.saveNodeButton)

        self.retireButton = QPushButton(self.treeTab)
        self.retireButton.setObjectName(u"retireButton")

        self.nodeButtons.addWidget(self.retireButton)

        self.restoreButton = QPushButton(self.treeTab)
        self.restoreButton.setObjectName(u"restoreButton")

        self.nodeButtons.addWidget(self.restoreButton)

        self.nodeButtonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.nodeButtons.addItem(self.nodeButtonsSpacer)


        self.treeRight.addLayout(self.nodeButtons)

        self.treeHint = QLabel(self.treeTab)
        self.treeHint.setObjectName(u"treeHint")
        self.treeHint.setWordWrap(True)

        self.treeRight.addWidget(self.treeHint)

        self.treeRightSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.treeRight.addItem(self.treeRightSpacer)


        self.treeLayout.addLayout(self.treeRight)

        self.treeLayout.setStretch(0, 2)
        self.treeLayout.setStretch(1, 3)
        self.tabs.addTab(self.treeTab, "")

        self.pageLayout.addWidget(self.tabs)


        self.retranslateUi(IndustryMapPage)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(IndustryMapPage)
    # setupUi

    def retranslateUi(self, IndustryMapPage):
        self.industryLabel.setText(QCoreApplication.translate("IndustryMapPage", u"\u4ea7\u4e1a\uff1a", None))
        self.includeRetiredCheck.setText(QCoreApplication.translate("IndustryMapPage", u"\u542b\u5df2\u64a4\u9500\u73af\u8282", None))
        self.zoomOutButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u7f29\u5c0f", None))
#if QT_CONFIG(tooltip)
        self.zoomOutButton.setToolTip(QCoreApplication.translate("IndustryMapPage", u"\u7f29\u5c0f\uff08Ctrl+-\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.zoomInButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u653e\u5927", None))
#if QT_CONFIG(tooltip)
        self.zoomInButton.setToolTip(QCoreApplication.translate("IndustryMapPage", u"\u653e\u5927\uff08Ctrl+=\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.fitButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u9002\u5e94\u7a97\u53e3", None))
#if QT_CONFIG(tooltip)
        self.fitButton.setToolTip(QCoreApplication.translate("IndustryMapPage", u"\u6574\u5e45\u56fe\u9002\u5e94\u7a97\u53e3\uff08Ctrl+0\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.exportPngButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u5bfc\u51fa\u56fe\u7247\u2026", None))
#if QT_CONFIG(tooltip)
        self.exportPngButton.setToolTip(QCoreApplication.translate("IndustryMapPage", u"\u628a\u4ea7\u4e1a\u94fe\u56fe\u5bfc\u51fa\u4e3a PNG \u56fe\u7247", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.mapTab), QCoreApplication.translate("IndustryMapPage", u"\u4ea7\u4e1a\u94fe\u56fe\u8c31", None))
        self.overviewSummary.setText(QCoreApplication.translate("IndustryMapPage", u"\u2014", None))
        self.overviewFitButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u9002\u5e94\u7a97\u53e3", None))
        self.overviewExportButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u5bfc\u51fa\u56fe\u7247\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.overviewTab), QCoreApplication.translate("IndustryMapPage", u"\u5168\u666f\u603b\u89c8", None))
        self.linkFilterLabel.setText(QCoreApplication.translate("IndustryMapPage", u"\u73af\u8282\uff1a", None))
        self.statusFilterLabel.setText(QCoreApplication.translate("IndustryMapPage", u"\u72b6\u6001\uff1a", None))
        self.staleOnlyCheck.setText(QCoreApplication.translate("IndustryMapPage", u"\u53ea\u770b\u4e45\u672a\u63a5\u89e6", None))
        self.staleDaysLabel.setText(QCoreApplication.translate("IndustryMapPage", u"\u63d0\u9192\u5929\u6570\uff1a", None))
        self.staleDaysSpin.setSuffix(QCoreApplication.translate("IndustryMapPage", u" \u5929", None))
#if QT_CONFIG(tooltip)
        self.staleDaysSpin.setToolTip(QCoreApplication.translate("IndustryMapPage", u"\u76ee\u6807\u4f01\u4e1a\u8d85\u8fc7\u8fd9\u4e48\u591a\u5929\u6ca1\u6709\u62dc\u8bbf\u8bb0\u5f55\u5373\u5217\u4e3a\u4e45\u672a\u63a5\u89e6\uff08\u4fdd\u5b58\u4e3a\u8bbe\u7f6e\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.staleLabel.setText(QCoreApplication.translate("IndustryMapPage", u"\u2014", None))
        self.addTargetButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u65b0\u589e\u76ee\u6807\u4f01\u4e1a", None))
#if QT_CONFIG(tooltip)
        self.addTargetButton.setToolTip(QCoreApplication.translate("IndustryMapPage", u"\u65b0\u589e\u76ee\u6807\u4f01\u4e1a\uff08Ctrl+N\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.editTargetButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u7f16\u8f91", None))
#if QT_CONFIG(tooltip)
        self.editTargetButton.setToolTip(QCoreApplication.translate("IndustryMapPage", u"\u7f16\u8f91\u6240\u9009\u76ee\u6807\u4f01\u4e1a\uff08\u56de\u8f66\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.importTargetsButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u4ece Excel \u5bfc\u5165\u2026", None))
        self.exportTargetsButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u5bfc\u51fa Excel\u2026", None))
        self.targetsEmptyLabel.setText(QCoreApplication.translate("IndustryMapPage", u"\u8fd8\u6ca1\u6709\u76ee\u6807\u4f01\u4e1a\u3002\u70b9\u201c\u65b0\u589e\u76ee\u6807\u4f01\u4e1a\u201d\u6dfb\u52a0\uff0c\u6216\u4ece Excel \u5bfc\u5165\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.targetsTab), QCoreApplication.translate("IndustryMapPage", u"\u76ee\u6807\u4f01\u4e1a", None))
        self.coverageSummary.setText(QCoreApplication.translate("IndustryMapPage", u"\u2014", None))
        self.gapsOnlyCheck.setText(QCoreApplication.translate("IndustryMapPage", u"\u53ea\u770b\u7f3a\u53e3", None))
        self.exportCoverageButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u5bfc\u51fa Excel\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.coverageTab), QCoreApplication.translate("IndustryMapPage", u"\u8986\u76d6\u8868", None))
        self.showRetiredCheck.setText(QCoreApplication.translate("IndustryMapPage", u"\u663e\u793a\u5df2\u64a4\u9500\u8282\u70b9", None))
        self.addGroupButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u65b0\u589e\u7c7b\u522b", None))
        self.addChildButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u65b0\u589e\u4e0b\u7ea7", None))
        self.moveUpButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u4e0a\u79fb", None))
#if QT_CONFIG(tooltip)
        self.moveUpButton.setToolTip(QCoreApplication.translate("IndustryMapPage", u"\u4e0a\u79fb\uff08Ctrl+\u2191\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.moveDownButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u4e0b\u79fb", None))
#if QT_CONFIG(tooltip)
        self.moveDownButton.setToolTip(QCoreApplication.translate("IndustryMapPage", u"\u4e0b\u79fb\uff08Ctrl+\u2193\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.levelTitle.setText(QCoreApplication.translate("IndustryMapPage", u"\u7c7b\u578b\uff1a", None))
        self.levelValue.setText(QCoreApplication.translate("IndustryMapPage", u"\u2014", None))
        self.nameTitle.setText(QCoreApplication.translate("IndustryMapPage", u"\u540d\u79f0\uff1a", None))
        self.effectiveTitle.setText(QCoreApplication.translate("IndustryMapPage", u"\u751f\u6548\u65e5\u671f\uff1a", None))
        self.effectiveDateEdit.setDisplayFormat(QCoreApplication.translate("IndustryMapPage", u"yyyy-MM-dd", None))
#if QT_CONFIG(tooltip)
        self.effectiveDateEdit.setToolTip(QCoreApplication.translate("IndustryMapPage", u"\u6539\u540d\u3001\u65b0\u589e\u6216\u64a4\u9500\u81ea\u54ea\u4e00\u5929\u8d77\u751f\u6548\uff08\u5f80\u5e74\u62a5\u8868\u4f7f\u7528\u5f53\u5e74\u7684\u540d\u79f0\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.positionTitle.setText(QCoreApplication.translate("IndustryMapPage", u"\u4f4d\u7f6e\uff1a", None))
        self.statusTitle.setText(QCoreApplication.translate("IndustryMapPage", u"\u72b6\u6001\uff1a", None))
        self.productsTitle.setText(QCoreApplication.translate("IndustryMapPage", u"\u91cd\u70b9\u4ea7\u54c1\uff1a", None))
        self.localTitle.setText(QCoreApplication.translate("IndustryMapPage", u"\u672c\u5730\u9f99\u5934\u4f01\u4e1a\uff1a", None))
        self.descriptionTitle.setText(QCoreApplication.translate("IndustryMapPage", u"\u8bf4\u660e\uff1a", None))
        self.historyTitle.setText(QCoreApplication.translate("IndustryMapPage", u"\u540d\u79f0\u6cbf\u9769\uff1a", None))
        self.historyValue.setText(QCoreApplication.translate("IndustryMapPage", u"\u2014", None))
        self.nodeErrorLabel.setText("")
        self.saveNodeButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u4fdd\u5b58\u4fee\u6539", None))
#if QT_CONFIG(tooltip)
        self.saveNodeButton.setToolTip(QCoreApplication.translate("IndustryMapPage", u"\u4fdd\u5b58\u4fee\u6539\uff08Ctrl+S\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.retireButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u64a4\u9500\u8282\u70b9", None))
        self.restoreButton.setText(QCoreApplication.translate("IndustryMapPage", u"\u6062\u590d\u8282\u70b9", None))
        self.treeHint.setText(QCoreApplication.translate("IndustryMapPage", u"\u64a4\u9500\u4e0d\u4f1a\u5220\u9664\u4efb\u4f55\u8bb0\u5f55\uff1a\u5f52\u5728\u8be5\u8282\u70b9\u4e0b\u7684\u9879\u76ee\u3001\u4f01\u4e1a\u548c\u76ee\u6807\u4f01\u4e1a\u4fdd\u7559\u539f\u5f52\u5c5e\uff0c\u53ef\u7167\u5e38\u7edf\u8ba1\uff1b\u6539\u540d\u540e\u65e7\u540d\u79f0\u4fdd\u7559\u5728\u540d\u79f0\u6cbf\u9769\u4e2d\uff0c\u5f80\u5e74\u62a5\u8868\u4f7f\u7528\u5f53\u5e74\u7684\u540d\u79f0\u3002", None))
        self.tabs.setTabText(self.tabs.indexOf(self.treeTab), QCoreApplication.translate("IndustryMapPage", u"\u4f53\u7cfb\u7ef4\u62a4", None))
        pass
    # retranslateUi
