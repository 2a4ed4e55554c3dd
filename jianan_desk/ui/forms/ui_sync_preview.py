# GENERATED from forms/sync_preview.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QHBoxLayout, QHeaderView, QLabel, QProgressBar,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_SyncPreviewDialog(object):
    def setupUi(self, SyncPreviewDialog):
        if not SyncPreviewDialog.objectName():
            SyncPreviewDialog.setObjectName(u"SyncPreviewDialog")
        SyncPreviewDialog.resize(640, 520)
        self.dialogLayout = QVBoxLayout(SyncPreviewDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(18, 16, 18, 12)
        self.titleLabel = QLabel(SyncPreviewDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.summaryLabel = QLabel(SyncPreviewDialog)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"")
        self.summaryLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.summaryLabel)

        self.changesView = QTableView(SyncPreviewDialog)
        self.changesView.setObjectName(u"changesView")

        self.dialogLayout.addWidget(self.changesView)

        self.conflictsLabel = QLabel(SyncPreviewDialog)
        self.conflictsLabel.setObjectName(u"conflictsLabel")
        self.conflictsLabel.setText(u"")
        self.conflictsLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.conflictsLabel)

        self.conflictsView = QTableView(SyncPreviewDialog)
        self.conflictsView.setObjectName(u"conflictsView")

        self.dialogLayout.addWidget(self.conflictsView)

        self.duplicatesLabel = QLabel(SyncPreviewDialog)
        self.duplicatesLabel.setObjectName(u"duplicatesLabel")
        self.duplicatesLabel.setText(u"")
        self.duplicatesLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.duplicatesLabel)

        self.duplicatesView = QTableView(SyncPreviewDialog)
        self.duplicatesView.setObjectName(u"duplicatesView")

        self.dialogLayout.addWidget(self.duplicatesView)

        self.actionsRow = QHBoxLayout()
        self.actionsRow.setObjectName(u"actionsRow")
        self.reviewButton = QPushButton(SyncPreviewDialog)
        self.reviewButton.setObjectName(u"reviewButton")

        self.actionsRow.addWidget(self.reviewButton)

        self.mergeButton = QPushButton(SyncPreviewDialog)
        self.mergeButton.setObjectName(u"mergeButton")

        self.actionsRow.addWidget(self.mergeButton)

        self.actionsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsRow.addItem(self.actionsSpacer)


        self.dialogLayout.addLayout(self.actionsRow)

        self.progressBar = QProgressBar(SyncPreviewDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.dialogLayout.addWidget(self.progressBar)

        self.buttonBox = QDialogButtonBox(SyncPreviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(SyncPreviewDialog)

        QMetaObject.connectSlotsByName(SyncPreviewDialog)
    # setupUi

    def retranslateUi(self, SyncPreviewDialog):
        SyncPreviewDialog.setWindowTitle(QCoreApplication.translate("SyncPreviewDialog", u"\u5bfc\u5165\u540c\u6b65\u5305", None))
        self.reviewButton.setText(QCoreApplication.translate("SyncPreviewDialog", u"\u5ba1\u9605\u51b2\u7a81(&C)\u2026", None))
        self.mergeButton.setText(QCoreApplication.translate("SyncPreviewDialog", u"\u5408\u5e76\u9009\u4e2d\u7684\u4f01\u4e1a(&M)\u2026", None))
        self.progressBar.setFormat(QCoreApplication.translate("SyncPreviewDialog", u"%v / %m \u884c", None))
    # retranslateUi
