# GENERATED from forms/investment_record_dialog.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_InvestmentRecordDialog(object):
    def setupUi(self, InvestmentRecordDialog):
        if not InvestmentRecordDialog.objectName():
            InvestmentRecordDialog.setObjectName(u"InvestmentRecordDialog")
        InvestmentRecordDialog.resize(460, 300)
        self.dialogLayout = QVBoxLayout(InvestmentRecordDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(18, 16, 18, 12)
        self.titleLabel = QLabel(InvestmentRecordDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"\u2014")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.formLayout = QFormLayout()
        self.formLayout.setObjectName(u"formLayout")
        self.formLayout.setHorizontalSpacing(10)
        self.formLayout.setVerticalSpacing(6)
        self.dateLabel = QLabel(InvestmentRecordDialog)
        self.dateLabel.setObjectName(u"dateLabel")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.dateLabel)

        self.dateEdit = QDateEdit(InvestmentRecordDialog)
        self.dateEdit.setObjectName(u"dateEdit")
        self.dateEdit.setCalendarPopup(True)
        self.dateEdit.setDisplayFormat(u"yyyy-MM-dd")

        self.formLayout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.dateEdit)

        self.yearLabel = QLabel(InvestmentRecordDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.formLayout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.yearLabel)

        self.yearSpin = QSpinBox(InvestmentRecordDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(2000)
        self.yearSpin.setMaximum(2100)
        self.yearSpin.setValue(2022)

        self.formLayout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.yearSpin)

        self.monthLabel = QLabel(InvestmentRecordDialog)
        self.monthLabel.setObjectName(u"monthLabel")

        self.formLayout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.monthLabel)

        self.monthSpin = QSpinBox(InvestmentRecordDialog)
        self.monthSpin.setObjectName(u"monthSpin")
        self.monthSpin.setMinimum(1)
        self.monthSpin.setMaximum(12)

        self.formLayout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.monthSpin)

        self.amountLabel = QLabel(InvestmentRecordDialog)
        self.amountLabel.setObjectName(u"amountLabel")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.amountLabel)

        self.amountEdit = QLineEdit(InvestmentRecordDialog)
        self.amountEdit.setObjectName(u"amountEdit")

        self.formLayout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.amountEdit)

        self.amountNote = QLabel(InvestmentRecordDialog)
        self.amountNote.setObjectName(u"amountNote")
        self.amountNote.setText(u"")
        self.amountNote.setWordWrap(True)

        self.formLayout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.amountNote)

        self.fdiLabel = QLabel(InvestmentRecordDialog)
        self.fdiLabel.setObjectName(u"fdiLabel")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.fdiLabel)

        self.fdiEdit = QLineEdit(InvestmentRecordDialog)
        self.fdiEdit.setObjectName(u"fdiEdit")

        self.formLayout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.fdiEdit)

        self.fdiNote = QLabel(InvestmentRecordDialog)
        self.fdiNote.setObjectName(u"fdiNote")
        self.fdiNote.setText(u"")
        self.fdiNote.setWordWrap(True)

        self.formLayout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.fdiNote)

        self.startMonthLabel = QLabel(InvestmentRecordDialog)
        self.startMonthLabel.setObjectName(u"startMonthLabel")

        self.formLayout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.startMonthLabel)

        self.startMonthSpin = QSpinBox(InvestmentRecordDialog)
        self.startMonthSpin.setObjectName(u"startMonthSpin")
        self.startMonthSpin.setMinimum(0)
        self.startMonthSpin.setMaximum(12)

        self.formLayout.setWidget(7, QFormLayout.ItemRole.FieldRole, self.startMonthSpin)

        self.newStartCheck = QCheckBox(InvestmentRecordDialog)
        self.newStartCheck.setObjectName(u"newStartCheck")

        self.formLayout.setWidget(8, QFormLayout.ItemRole.FieldRole, self.newStartCheck)

        self.noteLabel = QLabel(InvestmentRecordDialog)
        self.noteLabel.setObjectName(u"noteLabel")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.LabelRole, self.noteLabel)

        self.noteEdit = QLineEdit(InvestmentRecordDialog)
        self.noteEdit.setObjectName(u"noteEdit")

        self.formLayout.setWidget(9, QFormLayout.ItemRole.FieldRole, self.noteEdit)


        self.dialogLayout.addLayout(self.formLayout)

        self.errorLabel = QLabel(InvestmentRecordDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.dialogSpacer = QSpacerItem(20, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.dialogSpacer)

        self.buttonBox = QDialogButtonBox(InvestmentRecordDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)

        QWidget.setTabOrder(self.dateEdit, self.yearSpin)
        QWidget.setTabOrder(self.yearSpin, self.monthSpin)
        QWidget.setTabOrder(self.monthSpin, self.amountEdit)
        QWidget.setTabOrder(self.amountEdit, self.fdiEdit)
        QWidget.setTabOrder(self.fdiEdit, self.startMonthSpin)
        QWidget.setTabOrder(self.startMonthSpin, self.newStartCheck)
        QWidget.setTabOrder(self.newStartCheck, self.noteEdit)

        self.retranslateUi(InvestmentRecordDialog)

        QMetaObject.connectSlotsByName(InvestmentRecordDialog)
    # setupUi

    def retranslateUi(self, InvestmentRecordDialog):
        InvestmentRecordDialog.setWindowTitle(QCoreApplication.translate("InvestmentRecordDialog", u"\u6295\u8d44\u8bb0\u5f55", None))
        self.dateLabel.setText(QCoreApplication.translate("InvestmentRecordDialog", u"\u5230\u4f4d\u65e5\u671f", None))
        self.yearLabel.setText(QCoreApplication.translate("InvestmentRecordDialog", u"\u5e74\u5ea6", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("InvestmentRecordDialog", u" \u5e74", None))
        self.monthLabel.setText(QCoreApplication.translate("InvestmentRecordDialog", u"\u6708\u4efd", None))
        self.monthSpin.setSuffix(QCoreApplication.translate("InvestmentRecordDialog", u" \u6708", None))
        self.amountLabel.setText(QCoreApplication.translate("InvestmentRecordDialog", u"\u91d1\u989d", None))
        self.amountEdit.setPlaceholderText(QCoreApplication.translate("InvestmentRecordDialog", u"\u5982 500\u4e07\u30010.5\u4ebf\u3001\u4f0d\u4f70\u4e07\uff08\u9ed8\u8ba4\u5355\u4f4d\u4e07\u5143\uff09", None))
        self.fdiLabel.setText(QCoreApplication.translate("InvestmentRecordDialog", u"\u5176\u4e2d\u5916\u8d44\uff08\u4e07\u7f8e\u5143\uff09", None))
        self.fdiEdit.setPlaceholderText(QCoreApplication.translate("InvestmentRecordDialog", u"\u53ef\u4e0d\u586b", None))
        self.startMonthLabel.setText(QCoreApplication.translate("InvestmentRecordDialog", u"\u8ba1\u5212\u5f00\u5de5\u6708\u4efd", None))
        self.startMonthSpin.setSpecialValueText(QCoreApplication.translate("InvestmentRecordDialog", u"\u672a\u5b9a", None))
        self.startMonthSpin.setSuffix(QCoreApplication.translate("InvestmentRecordDialog", u" \u6708", None))
        self.newStartCheck.setText(QCoreApplication.translate("InvestmentRecordDialog", u"\u5f53\u5e74\u65b0\u5f00\u5de5\u9879\u76ee", None))
        self.noteLabel.setText(QCoreApplication.translate("InvestmentRecordDialog", u"\u5907\u6ce8", None))
    # retranslateUi
