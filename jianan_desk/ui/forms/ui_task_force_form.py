# GENERATED from forms/task_force_form.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QListWidget, QListWidgetItem, QPlainTextEdit, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_TaskForceFormDialog(object):
    def setupUi(self, TaskForceFormDialog):
        if not TaskForceFormDialog.objectName():
            TaskForceFormDialog.setObjectName(u"TaskForceFormDialog")
        TaskForceFormDialog.resize(520, 560)
        self.mainLayout = QVBoxLayout(TaskForceFormDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(TaskForceFormDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(TaskForceFormDialog)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(200)

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.head_label = QLabel(TaskForceFormDialog)
        self.head_label.setObjectName(u"head_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.head_label)

        self.head_edit = QLineEdit(TaskForceFormDialog)
        self.head_edit.setObjectName(u"head_edit")
        self.head_edit.setMaxLength(50)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.head_edit)

        self.deputy_label = QLabel(TaskForceFormDialog)
        self.deputy_label.setObjectName(u"deputy_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.deputy_label)

        self.deputy_edit = QLineEdit(TaskForceFormDialog)
        self.deputy_edit.setObjectName(u"deputy_edit")
        self.deputy_edit.setMaxLength(50)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.deputy_edit)

        self.liaison_label = QLabel(TaskForceFormDialog)
        self.liaison_label.setObjectName(u"liaison_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.liaison_label)

        self.liaison_edit = QLineEdit(TaskForceFormDialog)
        self.liaison_edit.setObjectName(u"liaison_edit")
        self.liaison_edit.setMaxLength(50)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.liaison_edit)

        self.lead_unit_label = QLabel(TaskForceFormDialog)
        self.lead_unit_label.setObjectName(u"lead_unit_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.lead_unit_label)

        self.lead_unit_combo = QComboBox(TaskForceFormDialog)
        self.lead_unit_combo.setObjectName(u"lead_unit_combo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.lead_unit_combo)

        self.members_label = QLabel(TaskForceFormDialog)
        self.members_label.setObjectName(u"members_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.members_label)

        self.members_list = QListWidget(TaskForceFormDialog)
        self.members_list.setObjectName(u"members_list")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.members_list)

        self.notes_label = QLabel(TaskForceFormDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QPlainTextEdit(TaskForceFormDialog)
        self.notes_edit.setObjectName(u"notes_edit")
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setMaximumSize(QSize(16777215, 70))

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(TaskForceFormDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TaskForceFormDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.head_label.setBuddy(self.head_edit)
        self.deputy_label.setBuddy(self.deputy_edit)
        self.liaison_label.setBuddy(self.liaison_edit)
        self.lead_unit_label.setBuddy(self.lead_unit_combo)
        self.members_label.setBuddy(self.members_list)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name_edit, self.head_edit)
        QWidget.setTabOrder(self.head_edit, self.deputy_edit)
        QWidget.setTabOrder(self.deputy_edit, self.liaison_edit)
        QWidget.setTabOrder(self.liaison_edit, self.lead_unit_combo)
        QWidget.setTabOrder(self.lead_unit_combo, self.members_list)
        QWidget.setTabOrder(self.members_list, self.notes_edit)

        self.retranslateUi(TaskForceFormDialog)

        QMetaObject.connectSlotsByName(TaskForceFormDialog)
    # setupUi

    def retranslateUi(self, TaskForceFormDialog):
        TaskForceFormDialog.setWindowTitle(QCoreApplication.translate("TaskForceFormDialog", u"\u4e13\u73ed", None))
        self.name_label.setText(QCoreApplication.translate("TaskForceFormDialog", u"\u4e13\u73ed\u540d\u79f0 *", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("TaskForceFormDialog", u"\u5982\uff1a\u6c7d\u8f66\u96f6\u90e8\u4ef6\u4ea7\u4e1a\u4e13\u73ed", None))
        self.head_label.setText(QCoreApplication.translate("TaskForceFormDialog", u"\u4e13\u73ed\u957f\uff08\u533a\u9886\u5bfc\uff09", None))
        self.deputy_label.setText(QCoreApplication.translate("TaskForceFormDialog", u"\u526f\u4e13\u73ed\u957f", None))
        self.deputy_edit.setPlaceholderText(QCoreApplication.translate("TaskForceFormDialog", u"\u7275\u5934\u5355\u4f4d\u4e3b\u8981\u8d1f\u8d23\u4eba", None))
        self.liaison_label.setText(QCoreApplication.translate("TaskForceFormDialog", u"\u4e13\u804c\u8054\u7edc\u5458", None))
        self.lead_unit_label.setText(QCoreApplication.translate("TaskForceFormDialog", u"\u7275\u5934\u5355\u4f4d", None))
        self.members_label.setText(QCoreApplication.translate("TaskForceFormDialog", u"\u6210\u5458\u5355\u4f4d", None))
        self.notes_label.setText(QCoreApplication.translate("TaskForceFormDialog", u"\u5907\u6ce8", None))
        self.errorLabel.setText("")
    # retranslateUi
