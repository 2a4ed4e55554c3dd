# GENERATED from forms/sync_conflicts.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QGridLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QStackedWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_ConflictReviewDialog(object):
    def setupUi(self, ConflictReviewDialog):
        if not ConflictReviewDialog.objectName():
            ConflictReviewDialog.setObjectName(u"ConflictReviewDialog")
        ConflictReviewDialog.resize(760, 500)
        self.dialogLayout = QVBoxLayout(ConflictReviewDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(18, 16, 18, 12)
        self.introLabel = QLabel(ConflictReviewDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.stack = QStackedWidget(ConflictReviewDialog)
        self.stack.setObjectName(u"stack")
        self.listPage = QWidget()
        self.listPage.setObjectName(u"listPage")
        self.listLayout = QVBoxLayout(self.listPage)
        self.listLayout.setObjectName(u"listLayout")
        self.listLayout.setContentsMargins(0, 0, 0, 0)
        self.conflictsView = QTableView(self.listPage)
        self.conflictsView.setObjectName(u"conflictsView")

        self.listLayout.addWidget(self.conflictsView)

        self.choiceGrid = QGridLayout()
        self.choiceGrid.setObjectName(u"choiceGrid")
        self.choiceGrid.setHorizontalSpacing(10)
        self.mineButton = QPushButton(self.listPage)
        self.mineButton.setObjectName(u"mineButton")

        self.choiceGrid.addWidget(self.mineButton, 0, 0, 1, 1)

        self.mineLabel = QLabel(self.listPage)
        self.mineLabel.setObjectName(u"mineLabel")
        self.mineLabel.setText(u"")
        self.mineLabel.setWordWrap(True)

        self.choiceGrid.addWidget(self.mineLabel, 0, 1, 1, 1)

        self.theirsButton = QPushButton(self.listPage)
        self.theirsButton.setObjectName(u"theirsButton")

        self.choiceGrid.addWidget(self.theirsButton, 1, 0, 1, 1)

        self.theirsLabel = QLabel(self.listPage)
        self.theirsLabel.setObjectName(u"theirsLabel")
        self.theirsLabel.setText(u"")
        self.theirsLabel.setWordWrap(True)

        self.choiceGrid.addWidget(self.theirsLabel, 1, 1, 1, 1)

        self.editButton = QPushButton(self.listPage)
        self.editButton.setObjectName(u"editButton")

        self.choiceGrid.addWidget(self.editButton, 2, 0, 1, 1)

        self.editEdit = QLineEdit(self.listPage)
        self.editEdit.setObjectName(u"editEdit")

        self.choiceGrid.addWidget(self.editEdit, 2, 1, 1, 1)


        self.listLayout.addLayout(self.choiceGrid)

        self.errorLabel = QLabel(self.listPage)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.listLayout.addWidget(self.errorLabel)

        self.stack.addWidget(self.listPage)
        self.emptyLabel = QLabel()
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.emptyLabel)

        self.dialogLayout.addWidget(self.stack)

        self.buttonBox = QDialogButtonBox(ConflictReviewDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(ConflictReviewDialog)

        QMetaObject.connectSlotsByName(ConflictReviewDialog)
    # setupUi

    def retranslateUi(self, ConflictReviewDialog):
        ConflictReviewDialog.setWindowTitle(QCoreApplication.translate("ConflictReviewDialog", u"\u5ba1\u9605\u540c\u6b65\u51b2\u7a81", None))
        self.introLabel.setText(QCoreApplication.translate("ConflictReviewDialog", u"\u4e0b\u5217\u5b57\u6bb5\u5728\u672c\u673a\u548c\u5bf9\u65b9\u90fd\u88ab\u4fee\u6539\u8fc7\u3002\u7a0b\u5e8f\u6682\u65f6\u91c7\u7528\u4e86\u8f83\u665a\u7684\u4fee\u6539\uff0c\u53e6\u4e00\u65b9\u7684\u503c\u4fdd\u5b58\u5728\u8fd9\u91cc\uff0c\u8bf7\u9010\u4e00\u786e\u8ba4\u4fdd\u7559\u54ea\u4e00\u4e2a\uff0c\u6216\u6539\u4e3a\u65b0\u7684\u503c\u3002", None))
        self.mineButton.setText(QCoreApplication.translate("ConflictReviewDialog", u"\u4fdd\u7559\u672c\u673a\u7684\u503c(&M)", None))
        self.theirsButton.setText(QCoreApplication.translate("ConflictReviewDialog", u"\u91c7\u7528\u5bf9\u65b9\u7684\u503c(&T)", None))
        self.editButton.setText(QCoreApplication.translate("ConflictReviewDialog", u"\u6539\u4e3a\u65b0\u7684\u503c(&E)", None))
        self.emptyLabel.setText(QCoreApplication.translate("ConflictReviewDialog", u"\u6ca1\u6709\u5f85\u5904\u7406\u7684\u540c\u6b65\u51b2\u7a81\u3002", None))
    # retranslateUi
