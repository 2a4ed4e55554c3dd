# GENERATED from forms/signed_range_dialog.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateEdit,
    QDialog, QDialogButtonBox, QGridLayout, QLabel,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_SignedRangeDialog(object):
    def setupUi(self, SignedRangeDialog):
        if not SignedRangeDialog.objectName():
            SignedRangeDialog.setObjectName(u"SignedRangeDialog")
        SignedRangeDialog.resize(380, 180)
        self.dialogLayout = QVBoxLayout(SignedRangeDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(18, 16, 18, 12)
        self.rangeGrid = QGridLayout()
        self.rangeGrid.setObjectName(u"rangeGrid")
        self.rangeGrid.setHorizontalSpacing(10)
        self.fromCheck = QCheckBox(SignedRangeDialog)
        self.fromCheck.setObjectName(u"fromCheck")

        self.rangeGrid.addWidget(self.fromCheck, 0, 0, 1, 1)

        self.fromEdit = QDateEdit(SignedRangeDialog)
        self.fromEdit.setObjectName(u"fromEdit")
        self.fromEdit.setCalendarPopup(True)
        self.fromEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.rangeGrid.addWidget(self.fromEdit, 0, 1, 1, 1)

        self.toCheck = QCheckBox(SignedRangeDialog)
        self.toCheck.setObjectName(u"toCheck")

        self.rangeGrid.addWidget(self.toCheck, 1, 0, 1, 1)

        self.toEdit = QDateEdit(SignedRangeDialog)
        self.toEdit.setObjectName(u"toEdit")
        self.toEdit.setCalendarPopup(True)
        self.toEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.rangeGrid.addWidget(self.toEdit, 1, 1, 1, 1)


        self.dialogLayout.addLayout(self.rangeGrid)

        self.errorLabel = QLabel(SignedRangeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(SignedRangeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(SignedRangeDialog)

        QMetaObject.connectSlotsByName(SignedRangeDialog)
    # setupUi

    def retranslateUi(self, SignedRangeDialog):
        SignedRangeDialog.setWindowTitle(QCoreApplication.translate("SignedRangeDialog", u"\u7b7e\u7ea6\u65e5\u671f\u8303\u56f4", None))
        self.fromCheck.setText(QCoreApplication.translate("SignedRangeDialog", u"\u8d77\u59cb\u65e5\u671f", None))
        self.toCheck.setText(QCoreApplication.translate("SignedRangeDialog", u"\u622a\u6b62\u65e5\u671f", None))
    # retranslateUi
