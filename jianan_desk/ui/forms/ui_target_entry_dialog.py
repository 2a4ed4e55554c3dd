# GENERATED from forms/target_entry_dialog.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_TargetEntryDialog(object):
    def setupUi(self, TargetEntryDialog):
        if not TargetEntryDialog.objectName():
            TargetEntryDialog.setObjectName(u"TargetEntryDialog")
        TargetEntryDialog.resize(520, 480)
        self.dialogLayout = QVBoxLayout(TargetEntryDialog)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(16, 16, 16, 16)
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.companyTitle = QLabel(TargetEntryDialog)
        self.companyTitle.setObjectName(u"companyTitle")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.companyTitle)

        self.companyCombo = QComboBox(TargetEntryDialog)
        self.companyCombo.setObjectName(u"companyCombo")
        self.companyCombo.setEditable(True)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.companyCombo)

        self.linkTitle = QLabel(TargetEntryDialog)
        self.linkTitle.setObjectName(u"linkTitle")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.linkTitle)

        self.linkCombo = QComboBox(TargetEntryDialog)
        self.linkCombo.setObjectName(u"linkCombo")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.linkCombo)

        self.priorityTitle = QLabel(TargetEntryDialog)
        self.priorityTitle.setObjectName(u"priorityTitle")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.priorityTitle)

        self.priorityCombo = QComboBox(TargetEntryDialog)
        self.priorityCombo.setObjectName(u"priorityCombo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.priorityCombo)

        self.cityTitle = QLabel(TargetEntryDialog)
        self.cityTitle.setObjectName(u"cityTitle")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.cityTitle)

        self.cityEdit = QLineEdit(TargetEntryDialog)
        self.cityEdit.setObjectName(u"cityEdit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.cityEdit)

        self.followerTitle = QLabel(TargetEntryDialog)
        self.followerTitle.setObjectName(u"followerTitle")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.followerTitle)

        self.followerEdit = QLineEdit(TargetEntryDialog)
        self.followerEdit.setObjectName(u"followerEdit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.followerEdit)

        self.statusTitle = QLabel(TargetEntryDialog)
        self.statusTitle.setObjectName(u"statusTitle")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.statusTitle)

        self.statusCombo = QComboBox(TargetEntryDialog)
        self.statusCombo.setObjectName(u"statusCombo")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.statusCombo)

        self.reasonTitle = QLabel(TargetEntryDialog)
        self.reasonTitle.setObjectName(u"reasonTitle")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.reasonTitle)

        self.reasonEdit = QPlainTextEdit(TargetEntryDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")
        self.reasonEdit.setMaximumSize(QSize(16777215, 70))

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.reasonEdit)

        self.notesTitle = QLabel(TargetEntryDialog)
        self.notesTitle.setObjectName(u"notesTitle")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.notesTitle)

        self.notesEdit = QPlainTextEdit(TargetEntryDialog)
        self.notesEdit.setObjectName(u"notesEdit")
        self.notesEdit.setMaximumSize(QSize(16777215, 60))

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.notesEdit)

        self.lastContactTitle = QLabel(TargetEntryDialog)
        self.lastContactTitle.setObjectName(u"lastContactTitle")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.lastContactTitle)

        self.lastContactValue = QLabel(TargetEntryDialog)
        self.lastContactValue.setObjectName(u"lastContactValue")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.lastContactValue)


        self.dialogLayout.addLayout(self.form)

        self.errorLabel = QLabel(TargetEntryDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TargetEntryDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(TargetEntryDialog)

        QMetaObject.connectSlotsByName(TargetEntryDialog)
    # setupUi

    def retranslateUi(self, TargetEntryDialog):
        TargetEntryDialog.setWindowTitle(QCoreApplication.translate("TargetEntryDialog", u"\u76ee\u6807\u4f01\u4e1a", None))
        self.companyTitle.setText(QCoreApplication.translate("TargetEntryDialog", u"\u4f01\u4e1a\uff1a", None))
#if QT_CONFIG(tooltip)
        self.companyCombo.setToolTip(QCoreApplication.translate("TargetEntryDialog", u"\u8f93\u5165\u4f01\u4e1a\u540d\u79f0\u67e5\u627e\uff1b\u627e\u4e0d\u5230\u65f6\u6309\u6240\u586b\u540d\u79f0\u65b0\u5efa\u4f01\u4e1a", None))
#endif // QT_CONFIG(tooltip)
        self.linkTitle.setText(QCoreApplication.translate("TargetEntryDialog", u"\u4ea7\u4e1a\u94fe\u73af\u8282\uff1a", None))
        self.priorityTitle.setText(QCoreApplication.translate("TargetEntryDialog", u"\u4f18\u5148\u7ea7\uff1a", None))
        self.cityTitle.setText(QCoreApplication.translate("TargetEntryDialog", u"\u57ce\u5e02\uff1a", None))
        self.cityEdit.setPlaceholderText(QCoreApplication.translate("TargetEntryDialog", u"\u9ed8\u8ba4\uff1a\u4f01\u4e1a\u6240\u5728\u57ce\u5e02", None))
        self.followerTitle.setText(QCoreApplication.translate("TargetEntryDialog", u"\u8ddf\u8fdb\u4eba\uff1a", None))
        self.statusTitle.setText(QCoreApplication.translate("TargetEntryDialog", u"\u72b6\u6001\uff1a", None))
        self.reasonTitle.setText(QCoreApplication.translate("TargetEntryDialog", u"\u62db\u5f15\u7406\u7531\uff1a", None))
        self.notesTitle.setText(QCoreApplication.translate("TargetEntryDialog", u"\u5907\u6ce8\uff1a", None))
        self.lastContactTitle.setText(QCoreApplication.translate("TargetEntryDialog", u"\u6700\u8fd1\u63a5\u89e6\uff1a", None))
        self.lastContactValue.setText(QCoreApplication.translate("TargetEntryDialog", u"\u2014", None))
        self.errorLabel.setText("")
    # retranslateUi
