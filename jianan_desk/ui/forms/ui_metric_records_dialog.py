# GENERATED from forms/metric_records_dialog.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QProgressBar,
    QSizePolicy, QTableView, QVBoxLayout, QWidget)

class Ui_MetricRecordsDialog(object):
    def setupUi(self, MetricRecordsDialog):
        if not MetricRecordsDialog.objectName():
            MetricRecordsDialog.setObjectName(u"MetricRecordsDialog")
        MetricRecordsDialog.resize(760, 560)
        MetricRecordsDialog.setSizeGripEnabled(True)
        self.dialogLayout = QVBoxLayout(MetricRecordsDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(20, 18, 20, 14)
        self.titleLabel = QLabel(MetricRecordsDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"\u2014")

        self.dialogLayout.addWidget(self.titleLabel)

        self.descriptionLabel = QLabel(MetricRecordsDialog)
        self.descriptionLabel.setObjectName(u"descriptionLabel")
        self.descriptionLabel.setText(u"")
        self.descriptionLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.descriptionLabel)

        self.loadingBar = QProgressBar(MetricRecordsDialog)
        self.loadingBar.setObjectName(u"loadingBar")
        self.loadingBar.setMaximumSize(QSize(16777215, 4))
        self.loadingBar.setMaximum(0)
        self.loadingBar.setTextVisible(False)

        self.dialogLayout.addWidget(self.loadingBar)

        self.recordsView = QTableView(MetricRecordsDialog)
        self.recordsView.setObjectName(u"recordsView")
        self.recordsView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.recordsView.setAlternatingRowColors(True)
        self.recordsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.recordsView.setShowGrid(False)
        self.recordsView.setWordWrap(False)
        self.recordsView.horizontalHeader().setStretchLastSection(False)
        self.recordsView.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.recordsView)

        self.footerLabel = QLabel(MetricRecordsDialog)
        self.footerLabel.setObjectName(u"footerLabel")
        self.footerLabel.setText(u"")
        self.footerLabel.setWordWrap(True)
        self.footerLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.dialogLayout.addWidget(self.footerLabel)

        self.buttonBox = QDialogButtonBox(MetricRecordsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(MetricRecordsDialog)
        self.buttonBox.rejected.connect(MetricRecordsDialog.reject)

        QMetaObject.connectSlotsByName(MetricRecordsDialog)
    # setupUi

    def retranslateUi(self, MetricRecordsDialog):
        MetricRecordsDialog.setWindowTitle(QCoreApplication.translate("MetricRecordsDialog", u"\u6784\u6210\u6570\u5b57\u7684\u8bb0\u5f55", None))
    # retranslateUi
