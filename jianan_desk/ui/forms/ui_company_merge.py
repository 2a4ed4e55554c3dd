# GENERATED from forms/company_merge.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QGroupBox, QHeaderView, QLabel,
    QLineEdit, QRadioButton, QSizePolicy, QTableView,
    QVBoxLayout, QWidget)

class Ui_CompanyMergeDialog(object):
    def setupUi(self, CompanyMergeDialog):
        if not CompanyMergeDialog.objectName():
            CompanyMergeDialog.setObjectName(u"CompanyMergeDialog")
        CompanyMergeDialog.resize(760, 560)
        self.mainLayout = QVBoxLayout(CompanyMergeDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.introLabel = QLabel(CompanyMergeDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.introLabel)

        self.compareView = QTableView(CompanyMergeDialog)
        self.compareView.setObjectName(u"compareView")

        self.mainLayout.addWidget(self.compareView)

        self.survivorBox = QGroupBox(CompanyMergeDialog)
        self.survivorBox.setObjectName(u"survivorBox")
        self.survivorLayout = QVBoxLayout(self.survivorBox)
        self.survivorLayout.setObjectName(u"survivorLayout")
        self.firstRadio = QRadioButton(self.survivorBox)
        self.firstRadio.setObjectName(u"firstRadio")
        self.firstRadio.setChecked(True)

        self.survivorLayout.addWidget(self.firstRadio)

        self.secondRadio = QRadioButton(self.survivorBox)
        self.secondRadio.setObjectName(u"secondRadio")

        self.survivorLayout.addWidget(self.secondRadio)


        self.mainLayout.addWidget(self.survivorBox)

        self.movesLabel = QLabel(CompanyMergeDialog)
        self.movesLabel.setObjectName(u"movesLabel")
        self.movesLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.movesLabel)

        self.noteForm = QFormLayout()
        self.noteForm.setObjectName(u"noteForm")
        self.note_label = QLabel(CompanyMergeDialog)
        self.note_label.setObjectName(u"note_label")

        self.noteForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.note_label)

        self.note_edit = QLineEdit(CompanyMergeDialog)
        self.note_edit.setObjectName(u"note_edit")

        self.noteForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.note_edit)


        self.mainLayout.addLayout(self.noteForm)

        self.errorLabel = QLabel(CompanyMergeDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CompanyMergeDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.note_label.setBuddy(self.note_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CompanyMergeDialog)

        QMetaObject.connectSlotsByName(CompanyMergeDialog)
    # setupUi

    def retranslateUi(self, CompanyMergeDialog):
        CompanyMergeDialog.setWindowTitle(QCoreApplication.translate("CompanyMergeDialog", u"\u5408\u5e76\u4f01\u4e1a", None))
        self.introLabel.setText(QCoreApplication.translate("CompanyMergeDialog", u"\u4e24\u6761\u8bb0\u5f55\u662f\u540c\u4e00\u5bb6\u4f01\u4e1a\u65f6\uff0c\u628a\u5b83\u4eec\u5408\u5e76\u4e3a\u4e00\u6761\uff1a\u4fdd\u7559\u7684\u4f01\u4e1a\u5f97\u5230\u53e6\u4e00\u6761\u7684\u5168\u90e8\u8054\u7cfb\u4eba\u3001\u62dc\u8bbf\u8bb0\u5f55\u3001\u9879\u76ee\u548c\u76ee\u6807\u4f01\u4e1a\u6761\u76ee\uff0c\u7f3a\u5c11\u7684\u4fe1\u606f\uff08\u4fe1\u7528\u4ee3\u7801\u3001\u57ce\u5e02\u3001\u4ea7\u4e1a\u7b49\uff09\u4ece\u53e6\u4e00\u6761\u8865\u4e0a\uff1b\u53e6\u4e00\u6761\u6807\u8bb0\u4e3a\u5df2\u5408\u5e76\uff0c\u5408\u5e76\u8bb0\u5f55\u4fdd\u5b58\u5728\u4fdd\u7559\u4f01\u4e1a\u7684\u201c\u5386\u53f2\u201d\u4e2d\u3002", None))
        self.survivorBox.setTitle(QCoreApplication.translate("CompanyMergeDialog", u"\u4fdd\u7559\u54ea\u4e00\u6761", None))
        self.firstRadio.setText("")
        self.secondRadio.setText("")
        self.movesLabel.setText("")
        self.note_label.setText(QCoreApplication.translate("CompanyMergeDialog", u"\u5408\u5e76\u8bf4\u660e", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("CompanyMergeDialog", u"\u5982\uff1a\u540c\u4e00\u5bb6\u4f01\u4e1a\uff0c\u540d\u79f0\u5199\u6cd5\u4e0d\u540c", None))
        self.errorLabel.setText("")
    # retranslateUi
