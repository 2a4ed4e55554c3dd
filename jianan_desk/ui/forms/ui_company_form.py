# GENERATED from forms/company_form.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPlainTextEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTabWidget, QTableView,
    QVBoxLayout, QWidget)

class Ui_CompanyFormDialog(object):
    def setupUi(self, CompanyFormDialog):
        if not CompanyFormDialog.objectName():
            CompanyFormDialog.setObjectName(u"CompanyFormDialog")
        CompanyFormDialog.resize(720, 560)
        self.mainLayout = QVBoxLayout(CompanyFormDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.tabs = QTabWidget(CompanyFormDialog)
        self.tabs.setObjectName(u"tabs")
        self.basicTab = QWidget()
        self.basicTab.setObjectName(u"basicTab")
        self.basicLayout = QVBoxLayout(self.basicTab)
        self.basicLayout.setObjectName(u"basicLayout")
        self.basicForm = QFormLayout()
        self.basicForm.setObjectName(u"basicForm")
        self.name_label = QLabel(self.basicTab)
        self.name_label.setObjectName(u"name_label")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(self.basicTab)
        self.name_edit.setObjectName(u"name_edit")

        self.basicForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.uscc_label = QLabel(self.basicTab)
        self.uscc_label.setObjectName(u"uscc_label")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.uscc_label)

        self.uscc_edit = QLineEdit(self.basicTab)
        self.uscc_edit.setObjectName(u"uscc_edit")

        self.basicForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.uscc_edit)

        self.province_label = QLabel(self.basicTab)
        self.province_label.setObjectName(u"province_label")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.province_label)

        self.province_edit = QLineEdit(self.basicTab)
        self.province_edit.setObjectName(u"province_edit")

        self.basicForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.province_edit)

        self.city_label = QLabel(self.basicTab)
        self.city_label.setObjectName(u"city_label")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.LabelRole, self.city_label)

        self.city_edit = QLineEdit(self.basicTab)
        self.city_edit.setObjectName(u"city_edit")

        self.basicForm.setWidget(3, QFormLayout.ItemRole.FieldRole, self.city_edit)

        self.scale_label = QLabel(self.basicTab)
        self.scale_label.setObjectName(u"scale_label")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.LabelRole, self.scale_label)

        self.scale_edit = QLineEdit(self.basicTab)
        self.scale_edit.setObjectName(u"scale_edit")

        self.basicForm.setWidget(4, QFormLayout.ItemRole.FieldRole, self.scale_edit)

        self.website_label = QLabel(self.basicTab)
        self.website_label.setObjectName(u"website_label")

        self.basicForm.setWidget(5, QFormLayout.ItemRole.LabelRole, self.website_label)

        self.website_edit = QLineEdit(self.basicTab)
        self.website_edit.setObjectName(u"website_edit")

        self.basicForm.setWidget(5, QFormLayout.ItemRole.FieldRole, self.website_edit)

        self.tags_label = QLabel(self.basicTab)
        self.tags_label.setObjectName(u"tags_label")

        self.basicForm.setWidget(6, QFormLayout.ItemRole.LabelRole, self.tags_label)

        self.tags_edit = QLineEdit(self.basicTab)
        self.tags_edit.setObjectName(u"tags_edit")

        self.basicForm.setWidget(6, QFormLayout.ItemRole.FieldRole, self.tags_edit)

        self.notes_label = QLabel(self.basicTab)
        self.notes_label.setObjectName(u"notes_label")

        self.basicForm.setWidget(7, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QPlainTextEdit(self.basicTab)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)

        self.basicForm.setWidget(7, QFormLayout.ItemRole.FieldRole, self.notes_edit)

        self.kindLayout = QHBoxLayout()
        self.kindLayout.setObjectName(u"kindLayout")
        self.is_local_check = QCheckBox(self.basicTab)
        self.is_local_check.setObjectName(u"is_local_check")

        self.kindLayout.addWidget(self.is_local_check)

        self.is_target_check = QCheckBox(self.basicTab)
        self.is_target_check.setObjectName(u"is_target_check")

        self.kindLayout.addWidget(self.is_target_check)

        self.kindSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.kindLayout.addItem(self.kindSpacer)


        self.basicForm.setLayout(8, QFormLayout.ItemRole.FieldRole, self.kindLayout)


        self.basicLayout.addLayout(self.basicForm)

        self.duplicateLayout = QHBoxLayout()
        self.duplicateLayout.setObjectName(u"duplicateLayout")
        self.duplicateLabel = QLabel(self.basicTab)
        self.duplicateLabel.setObjectName(u"duplicateLabel")
        self.duplicateLabel.setWordWrap(True)

        self.duplicateLayout.addWidget(self.duplicateLabel)

        self.mergeButton = QPushButton(self.basicTab)
        self.mergeButton.setObjectName(u"mergeButton")

        self.duplicateLayout.addWidget(self.mergeButton)


        self.basicLayout.addLayout(self.duplicateLayout)

        self.tabs.addTab(self.basicTab, "")
        self.contactsTab = QWidget()
        self.contactsTab.setObjectName(u"contactsTab")
        self.contactsLayout = QVBoxLayout(self.contactsTab)
        self.contactsLayout.setObjectName(u"contactsLayout")
        self.contactButtons = QHBoxLayout()
        self.contactButtons.setObjectName(u"contactButtons")
        self.addContactButton = QPushButton(self.contactsTab)
        self.addContactButton.setObjectName(u"addContactButton")

        self.contactButtons.addWidget(self.addContactButton)

        self.editContactButton = QPushButton(self.contactsTab)
        self.editContactButton.setObjectName(u"editContactButton")

        self.contactButtons.addWidget(self.editContactButton)

        self.deleteContactButton = QPushButton(self.contactsTab)
        self.deleteContactButton.setObjectName(u"deleteContactButton")

        self.contactButtons.addWidget(self.deleteContactButton)

        self.contactSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.contactButtons.addItem(self.contactSpacer)

        self.revealCheck = QCheckBox(self.contactsTab)
        self.revealCheck.setObjectName(u"revealCheck")

        self.contactButtons.addWidget(self.revealCheck)

        self.copyContactsButton = QPushButton(self.contactsTab)
        self.copyContactsButton.setObjectName(u"copyContactsButton")

        self.contactButtons.addWidget(self.copyContactsButton)


        self.contactsLayout.addLayout(self.contactButtons)

        self.contactsView = QTableView(self.contactsTab)
        self.contactsView.setObjectName(u"contactsView")

        self.contactsLayout.addWidget(self.contactsView)

        self.contactsHint = QLabel(self.contactsTab)
        self.contactsHint.setObjectName(u"contactsHint")
        self.contactsHint.setWordWrap(True)

        self.contactsLayout.addWidget(self.contactsHint)

        self.tabs.addTab(self.contactsTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.historyView = QTableView(self.historyTab)
        self.historyView.setObjectName(u"historyView")

        self.historyLayout.addWidget(self.historyView)

        self.historyHint = QLabel(self.historyTab)
        self.historyHint.setObjectName(u"historyHint")
        self.historyHint.setWordWrap(True)

        self.historyLayout.addWidget(self.historyHint)

        self.tabs.addTab(self.historyTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(CompanyFormDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(CompanyFormDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.uscc_label.setBuddy(self.uscc_edit)
        self.province_label.setBuddy(self.province_edit)
        self.city_label.setBuddy(self.city_edit)
        self.scale_label.setBuddy(self.scale_edit)
        self.website_label.setBuddy(self.website_edit)
        self.tags_label.setBuddy(self.tags_edit)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name_edit, self.uscc_edit)
        QWidget.setTabOrder(self.uscc_edit, self.province_edit)
        QWidget.setTabOrder(self.province_edit, self.city_edit)
        QWidget.setTabOrder(self.city_edit, self.scale_edit)
        QWidget.setTabOrder(self.scale_edit, self.website_edit)
        QWidget.setTabOrder(self.website_edit, self.tags_edit)
        QWidget.setTabOrder(self.tags_edit, self.notes_edit)
        QWidget.setTabOrder(self.notes_edit, self.is_local_check)
        QWidget.setTabOrder(self.is_local_check, self.is_target_check)

        self.retranslateUi(CompanyFormDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(CompanyFormDialog)
    # setupUi

    def retranslateUi(self, CompanyFormDialog):
        CompanyFormDialog.setWindowTitle(QCoreApplication.translate("CompanyFormDialog", u"\u4f01\u4e1a", None))
        self.name_label.setText(QCoreApplication.translate("CompanyFormDialog", u"\u4f01\u4e1a\u540d\u79f0 *", None))
        self.uscc_label.setText(QCoreApplication.translate("CompanyFormDialog", u"\u7edf\u4e00\u793e\u4f1a\u4fe1\u7528\u4ee3\u7801", None))
        self.uscc_edit.setPlaceholderText(QCoreApplication.translate("CompanyFormDialog", u"18 \u4f4d\uff0c\u53ef\u4e0d\u586b", None))
        self.province_label.setText(QCoreApplication.translate("CompanyFormDialog", u"\u7701\u4efd", None))
        self.city_label.setText(QCoreApplication.translate("CompanyFormDialog", u"\u57ce\u5e02", None))
        self.scale_label.setText(QCoreApplication.translate("CompanyFormDialog", u"\u89c4\u6a21", None))
        self.website_label.setText(QCoreApplication.translate("CompanyFormDialog", u"\u7f51\u7ad9", None))
        self.tags_label.setText(QCoreApplication.translate("CompanyFormDialog", u"\u6807\u7b7e", None))
        self.notes_label.setText(QCoreApplication.translate("CompanyFormDialog", u"\u5907\u6ce8", None))
        self.is_local_check.setText(QCoreApplication.translate("CompanyFormDialog", u"\u672c\u5730\u4f01\u4e1a", None))
        self.is_target_check.setText(QCoreApplication.translate("CompanyFormDialog", u"\u76ee\u6807\u4f01\u4e1a", None))
        self.duplicateLabel.setText("")
        self.mergeButton.setText(QCoreApplication.translate("CompanyFormDialog", u"\u5408\u5e76\u91cd\u590d\u4f01\u4e1a\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.basicTab), QCoreApplication.translate("CompanyFormDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.addContactButton.setText(QCoreApplication.translate("CompanyFormDialog", u"\u65b0\u589e\u8054\u7cfb\u4eba", None))
        self.editContactButton.setText(QCoreApplication.translate("CompanyFormDialog", u"\u7f16\u8f91", None))
        self.deleteContactButton.setText(QCoreApplication.translate("CompanyFormDialog", u"\u5220\u9664", None))
        self.revealCheck.setText(QCoreApplication.translate("CompanyFormDialog", u"\u590d\u5236\u65f6\u542b\u5b8c\u6574\u53f7\u7801", None))
        self.copyContactsButton.setText(QCoreApplication.translate("CompanyFormDialog", u"\u590d\u5236\u8054\u7cfb\u4eba", None))
        self.contactsHint.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.contactsTab), QCoreApplication.translate("CompanyFormDialog", u"\u8054\u7cfb\u4eba", None))
        self.historyHint.setText("")
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("CompanyFormDialog", u"\u5386\u53f2", None))
        self.errorLabel.setText("")
    # retranslateUi
