# GENERATED from forms/contact_form.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_ContactFormDialog(object):
    def setupUi(self, ContactFormDialog):
        if not ContactFormDialog.objectName():
            ContactFormDialog.setObjectName(u"ContactFormDialog")
        ContactFormDialog.resize(420, 320)
        self.mainLayout = QVBoxLayout(ContactFormDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(ContactFormDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(ContactFormDialog)
        self.name_edit.setObjectName(u"name_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.title_label = QLabel(ContactFormDialog)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(ContactFormDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.mobile_label = QLabel(ContactFormDialog)
        self.mobile_label.setObjectName(u"mobile_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.mobile_label)

        self.mobile_edit = QLineEdit(ContactFormDialog)
        self.mobile_edit.setObjectName(u"mobile_edit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.mobile_edit)

        self.wechat_label = QLabel(ContactFormDialog)
        self.wechat_label.setObjectName(u"wechat_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.wechat_label)

        self.wechat_edit = QLineEdit(ContactFormDialog)
        self.wechat_edit.setObjectName(u"wechat_edit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.wechat_edit)

        self.email_label = QLabel(ContactFormDialog)
        self.email_label.setObjectName(u"email_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_edit = QLineEdit(ContactFormDialog)
        self.email_edit.setObjectName(u"email_edit")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.email_edit)

        self.notes_label = QLabel(ContactFormDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QPlainTextEdit(ContactFormDialog)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(ContactFormDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ContactFormDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.title_label.setBuddy(self.title_edit)
        self.mobile_label.setBuddy(self.mobile_edit)
        self.wechat_label.setBuddy(self.wechat_edit)
        self.email_label.setBuddy(self.email_edit)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ContactFormDialog)

        QMetaObject.connectSlotsByName(ContactFormDialog)
    # setupUi

    def retranslateUi(self, ContactFormDialog):
        ContactFormDialog.setWindowTitle(QCoreApplication.translate("ContactFormDialog", u"\u8054\u7cfb\u4eba", None))
        self.name_label.setText(QCoreApplication.translate("ContactFormDialog", u"\u59d3\u540d *", None))
        self.title_label.setText(QCoreApplication.translate("ContactFormDialog", u"\u804c\u52a1", None))
        self.mobile_label.setText(QCoreApplication.translate("ContactFormDialog", u"\u624b\u673a", None))
        self.wechat_label.setText(QCoreApplication.translate("ContactFormDialog", u"\u5fae\u4fe1", None))
        self.email_label.setText(QCoreApplication.translate("ContactFormDialog", u"\u90ae\u7bb1", None))
        self.notes_label.setText(QCoreApplication.translate("ContactFormDialog", u"\u5907\u6ce8", None))
        self.errorLabel.setText("")
    # retranslateUi
