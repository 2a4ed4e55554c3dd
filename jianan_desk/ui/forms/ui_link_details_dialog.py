# GENERATED from forms/link_details_dialog.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QTabWidget, QTableView, QVBoxLayout, QWidget)

class Ui_LinkDetailsDialog(object):
    def setupUi(self, LinkDetailsDialog):
        if not LinkDetailsDialog.objectName():
            LinkDetailsDialog.setObjectName(u"LinkDetailsDialog")
        LinkDetailsDialog.resize(820, 520)
        LinkDetailsDialog.setSizeGripEnabled(True)
        self.dialogLayout = QVBoxLayout(LinkDetailsDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 16, 16, 16)
        self.titleLabel = QLabel(LinkDetailsDialog)
        self.titleLabel.setObjectName(u"titleLabel")

        self.dialogLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(LinkDetailsDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.tabs = QTabWidget(LinkDetailsDialog)
        self.tabs.setObjectName(u"tabs")
        self.localTab = QWidget()
        self.localTab.setObjectName(u"localTab")
        self.localTabLayout = QVBoxLayout(self.localTab)
        self.localTabLayout.setObjectName(u"localTabLayout")
        self.localTabLayout.setContentsMargins(4, 4, 4, 4)
        self.localView = QTableView(self.localTab)
        self.localView.setObjectName(u"localView")
        self.localView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.localView.setAlternatingRowColors(True)
        self.localView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.localView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.localView.setSortingEnabled(True)

        self.localTabLayout.addWidget(self.localView)

        self.tabs.addTab(self.localTab, "")
        self.targetsTab = QWidget()
        self.targetsTab.setObjectName(u"targetsTab")
        self.targetsTabLayout = QVBoxLayout(self.targetsTab)
        self.targetsTabLayout.setObjectName(u"targetsTabLayout")
        self.targetsTabLayout.setContentsMargins(4, 4, 4, 4)
        self.targetsView = QTableView(self.targetsTab)
        self.targetsView.setObjectName(u"targetsView")
        self.targetsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.targetsView.setAlternatingRowColors(True)
        self.targetsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.targetsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.targetsView.setSortingEnabled(True)

        self.targetsTabLayout.addWidget(self.targetsView)

        self.tabs.addTab(self.targetsTab, "")
        self.leadsTab = QWidget()
        self.leadsTab.setObjectName(u"leadsTab")
        self.leadsTabLayout = QVBoxLayout(self.leadsTab)
        self.leadsTabLayout.setObjectName(u"leadsTabLayout")
        self.leadsTabLayout.setContentsMargins(4, 4, 4, 4)
        self.leadsView = QTableView(self.leadsTab)
        self.leadsView.setObjectName(u"leadsView")
        self.leadsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.leadsView.setAlternatingRowColors(True)
        self.leadsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.leadsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.leadsView.setSortingEnabled(True)

        self.leadsTabLayout.addWidget(self.leadsView)

        self.tabs.addTab(self.leadsTab, "")
        self.signedTab = QWidget()
        self.signedTab.setObjectName(u"signedTab")
        self.signedTabLayout = QVBoxLayout(self.signedTab)
        self.signedTabLayout.setObjectName(u"signedTabLayout")
        self.signedTabLayout.setContentsMargins(4, 4, 4, 4)
        self.signedView = QTableView(self.signedTab)
        self.signedView.setObjectName(u"signedView")
        self.signedView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.signedView.setAlternatingRowColors(True)
        self.signedView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.signedView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.signedView.setSortingEnabled(True)

        self.signedTabLayout.addWidget(self.signedView)

        self.tabs.addTab(self.signedTab, "")

        self.dialogLayout.addWidget(self.tabs)

        self.buttonBox = QDialogButtonBox(LinkDetailsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(LinkDetailsDialog)

        QMetaObject.connectSlotsByName(LinkDetailsDialog)
    # setupUi

    def retranslateUi(self, LinkDetailsDialog):
        LinkDetailsDialog.setWindowTitle(QCoreApplication.translate("LinkDetailsDialog", u"\u73af\u8282\u6e05\u5355", None))
        self.titleLabel.setText(QCoreApplication.translate("LinkDetailsDialog", u"\u2014", None))
        self.summaryLabel.setText(QCoreApplication.translate("LinkDetailsDialog", u"\u2014", None))
        self.tabs.setTabText(self.tabs.indexOf(self.localTab), QCoreApplication.translate("LinkDetailsDialog", u"\u672c\u5730\u4f01\u4e1a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.targetsTab), QCoreApplication.translate("LinkDetailsDialog", u"\u76ee\u6807\u4f01\u4e1a", None))
        self.tabs.setTabText(self.tabs.indexOf(self.leadsTab), QCoreApplication.translate("LinkDetailsDialog", u"\u5728\u8c08\u7ebf\u7d22", None))
        self.tabs.setTabText(self.tabs.indexOf(self.signedTab), QCoreApplication.translate("LinkDetailsDialog", u"\u7b7e\u7ea6\u9879\u76ee", None))
    # retranslateUi
