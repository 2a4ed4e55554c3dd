# GENERATED from forms/problem_form.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDateEdit, QDialog, QDialogButtonBox, QFormLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTabWidget, QTableView, QVBoxLayout,
    QWidget)

class Ui_ProblemFormDialog(object):
    def setupUi(self, ProblemFormDialog):
        if not ProblemFormDialog.objectName():
            ProblemFormDialog.setObjectName(u"ProblemFormDialog")
        ProblemFormDialog.resize(680, 600)
        self.mainLayout = QVBoxLayout(ProblemFormDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.statusLabel = QLabel(ProblemFormDialog)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)

        self.tabs = QTabWidget(ProblemFormDialog)
        self.tabs.setObjectName(u"tabs")
        self.basicTab = QWidget()
        self.basicTab.setObjectName(u"basicTab")
        self.form = QFormLayout(self.basicTab)
        self.form.setObjectName(u"form")
        self.description_label = QLabel(self.basicTab)
        self.description_label.setObjectName(u"description_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QPlainTextEdit(self.basicTab)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setMaximumSize(QSize(16777215, 90))

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.description_edit)

        self.project_label = QLabel(self.basicTab)
        self.project_label.setObjectName(u"project_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.project_label)

        self.project_combo = QComboBox(self.basicTab)
        self.project_combo.setObjectName(u"project_combo")
        self.project_combo.setEditable(True)
        self.project_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.project_combo)

        self.task_force_label = QLabel(self.basicTab)
        self.task_force_label.setObjectName(u"task_force_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.task_force_label)

        self.task_force_combo = QComboBox(self.basicTab)
        self.task_force_combo.setObjectName(u"task_force_combo")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.task_force_combo)

        self.category_label = QLabel(self.basicTab)
        self.category_label.setObjectName(u"category_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.category_label)

        self.categoryLayout = QHBoxLayout()
        self.categoryLayout.setObjectName(u"categoryLayout")
        self.category_combo = QComboBox(self.basicTab)
        self.category_combo.setObjectName(u"category_combo")

        self.categoryLayout.addWidget(self.category_combo)

        self.source_label = QLabel(self.basicTab)
        self.source_label.setObjectName(u"source_label")

        self.categoryLayout.addWidget(self.source_label)

        self.source_combo = QComboBox(self.basicTab)
        self.source_combo.setObjectName(u"source_combo")

        self.categoryLayout.addWidget(self.source_combo)

        self.categorySpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.categoryLayout.addItem(self.categorySpacer)


        self.form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.categoryLayout)

        self.unit_label = QLabel(self.basicTab)
        self.unit_label.setObjectName(u"unit_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.unit_label)

        self.unit_combo = QComboBox(self.basicTab)
        self.unit_combo.setObjectName(u"unit_combo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.unit_combo)

        self.person_label = QLabel(self.basicTab)
        self.person_label.setObjectName(u"person_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.person_label)

        self.person_edit = QLineEdit(self.basicTab)
        self.person_edit.setObjectName(u"person_edit")
        self.person_edit.setMaxLength(50)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.person_edit)

        self.dates_label = QLabel(self.basicTab)
        self.dates_label.setObjectName(u"dates_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.dates_label)

        self.datesLayout = QHBoxLayout()
        self.datesLayout.setObjectName(u"datesLayout")
        self.raised_edit = QDateEdit(self.basicTab)
        self.raised_edit.setObjectName(u"raised_edit")
        self.raised_edit.setCalendarPopup(True)

        self.datesLayout.addWidget(self.raised_edit)

        self.deadline_label = QLabel(self.basicTab)
        self.deadline_label.setObjectName(u"deadline_label")

        self.datesLayout.addWidget(self.deadline_label)

        self.deadline_edit = QDateEdit(self.basicTab)
        self.deadline_edit.setObjectName(u"deadline_edit")
        self.deadline_edit.setCalendarPopup(True)

        self.datesLayout.addWidget(self.deadline_edit)

        self.no_deadline_check = QCheckBox(self.basicTab)
        self.no_deadline_check.setObjectName(u"no_deadline_check")

        self.datesLayout.addWidget(self.no_deadline_check)

        self.datesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.datesLayout.addItem(self.datesSpacer)


        self.form.setLayout(6, QFormLayout.ItemRole.FieldRole, self.datesLayout)

        self.status_label = QLabel(self.basicTab)
        self.status_label.setObjectName(u"status_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.status_label)

        self.status_combo = QComboBox(self.basicTab)
        self.status_combo.setObjectName(u"status_combo")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.status_combo)

        self.meeting_label = QLabel(self.basicTab)
        self.meeting_label.setObjectName(u"meeting_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.meeting_label)

        self.meeting_combo = QComboBox(self.basicTab)
        self.meeting_combo.setObjectName(u"meeting_combo")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.meeting_combo)

        self.company_label = QLabel(self.basicTab)
        self.company_label.setObjectName(u"company_label")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.company_label)

        self.company_combo = QComboBox(self.basicTab)
        self.company_combo.setObjectName(u"company_combo")
        self.company_combo.setEditable(True)
        self.company_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.company_combo)

        self.tabs.addTab(self.basicTab, "")
        self.progressTab = QWidget()
        self.progressTab.setObjectName(u"progressTab")
        self.progressLayout = QVBoxLayout(self.progressTab)
        self.progressLayout.setObjectName(u"progressLayout")
        self.notes_view = QTableView(self.progressTab)
        self.notes_view.setObjectName(u"notes_view")

        self.progressLayout.addWidget(self.notes_view)

        self.noteLayout = QHBoxLayout()
        self.noteLayout.setObjectName(u"noteLayout")
        self.note_date_edit = QDateEdit(self.progressTab)
        self.note_date_edit.setObjectName(u"note_date_edit")
        self.note_date_edit.setCalendarPopup(True)

        self.noteLayout.addWidget(self.note_date_edit)

        self.note_edit = QLineEdit(self.progressTab)
        self.note_edit.setObjectName(u"note_edit")

        self.noteLayout.addWidget(self.note_edit)

        self.add_note_button = QPushButton(self.progressTab)
        self.add_note_button.setObjectName(u"add_note_button")

        self.noteLayout.addWidget(self.add_note_button)


        self.progressLayout.addLayout(self.noteLayout)

        self.closeGroup = QGroupBox(self.progressTab)
        self.closeGroup.setObjectName(u"closeGroup")
        self.closeForm = QFormLayout(self.closeGroup)
        self.closeForm.setObjectName(u"closeForm")
        self.resolution_label = QLabel(self.closeGroup)
        self.resolution_label.setObjectName(u"resolution_label")

        self.closeForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.resolution_label)

        self.resolution_edit = QPlainTextEdit(self.closeGroup)
        self.resolution_edit.setObjectName(u"resolution_edit")
        self.resolution_edit.setTabChangesFocus(True)
        self.resolution_edit.setMaximumSize(QSize(16777215, 70))

        self.closeForm.setWidget(0, QFormLayout.ItemRole.FieldRole, self.resolution_edit)

        self.resolved_label = QLabel(self.closeGroup)
        self.resolved_label.setObjectName(u"resolved_label")

        self.closeForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.resolved_label)

        self.closeButtons = QHBoxLayout()
        self.closeButtons.setObjectName(u"closeButtons")
        self.resolved_edit = QDateEdit(self.closeGroup)
        self.resolved_edit.setObjectName(u"resolved_edit")
        self.resolved_edit.setCalendarPopup(True)

        self.closeButtons.addWidget(self.resolved_edit)

        self.close_button = QPushButton(self.closeGroup)
        self.close_button.setObjectName(u"close_button")

        self.closeButtons.addWidget(self.close_button)

        self.reopen_button = QPushButton(self.closeGroup)
        self.reopen_button.setObjectName(u"reopen_button")

        self.closeButtons.addWidget(self.reopen_button)

        self.closeSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.closeButtons.addItem(self.closeSpacer)


        self.closeForm.setLayout(1, QFormLayout.ItemRole.FieldRole, self.closeButtons)


        self.progressLayout.addWidget(self.closeGroup)

        self.tabs.addTab(self.progressTab, "")
        self.historyTab = QWidget()
        self.historyTab.setObjectName(u"historyTab")
        self.historyLayout = QVBoxLayout(self.historyTab)
        self.historyLayout.setObjectName(u"historyLayout")
        self.history_view = QTableView(self.historyTab)
        self.history_view.setObjectName(u"history_view")

        self.historyLayout.addWidget(self.history_view)

        self.tabs.addTab(self.historyTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(ProblemFormDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(ProblemFormDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.description_label.setBuddy(self.description_edit)
        self.project_label.setBuddy(self.project_combo)
        self.task_force_label.setBuddy(self.task_force_combo)
        self.category_label.setBuddy(self.category_combo)
        self.source_label.setBuddy(self.source_combo)
        self.unit_label.setBuddy(self.unit_combo)
        self.person_label.setBuddy(self.person_edit)
        self.dates_label.setBuddy(self.raised_edit)
        self.deadline_label.setBuddy(self.deadline_edit)
        self.status_label.setBuddy(self.status_combo)
        self.meeting_label.setBuddy(self.meeting_combo)
        self.company_label.setBuddy(self.company_combo)
        self.resolution_label.setBuddy(self.resolution_edit)
        self.resolved_label.setBuddy(self.resolved_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.description_edit, self.project_combo)
        QWidget.setTabOrder(self.project_combo, self.task_force_combo)
        QWidget.setTabOrder(self.task_force_combo, self.category_combo)
        QWidget.setTabOrder(self.category_combo, self.source_combo)
        QWidget.setTabOrder(self.source_combo, self.unit_combo)
        QWidget.setTabOrder(self.unit_combo, self.person_edit)
        QWidget.setTabOrder(self.person_edit, self.raised_edit)
        QWidget.setTabOrder(self.raised_edit, self.deadline_edit)
        QWidget.setTabOrder(self.deadline_edit, self.no_deadline_check)
        QWidget.setTabOrder(self.no_deadline_check, self.status_combo)
        QWidget.setTabOrder(self.status_combo, self.meeting_combo)
        QWidget.setTabOrder(self.meeting_combo, self.company_combo)

        self.retranslateUi(ProblemFormDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(ProblemFormDialog)
    # setupUi

    def retranslateUi(self, ProblemFormDialog):
        ProblemFormDialog.setWindowTitle(QCoreApplication.translate("ProblemFormDialog", u"\u95ee\u9898", None))
        self.statusLabel.setText("")
        self.description_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u95ee\u9898\u63cf\u8ff0 *", None))
        self.description_edit.setPlaceholderText(QCoreApplication.translate("ProblemFormDialog", u"\u5982\uff1a\u9879\u76ee\u73af\u8bc4\u6279\u590d\u5c1a\u672a\u53d6\u5f97\uff0c\u5f71\u54cd\u5f00\u5de5", None))
        self.project_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u6240\u5c5e\u9879\u76ee", None))
        self.task_force_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u4e13\u73ed", None))
        self.category_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u95ee\u9898\u7c7b\u522b", None))
        self.source_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u6765\u6e90", None))
        self.unit_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u8d23\u4efb\u5355\u4f4d", None))
        self.person_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u8d23\u4efb\u4eba", None))
        self.dates_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u63d0\u51fa\u65e5\u671f", None))
        self.raised_edit.setDisplayFormat(QCoreApplication.translate("ProblemFormDialog", u"yyyy-MM-dd", None))
        self.deadline_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u529e\u7ed3\u65f6\u9650", None))
        self.deadline_edit.setDisplayFormat(QCoreApplication.translate("ProblemFormDialog", u"yyyy-MM-dd", None))
        self.no_deadline_check.setText(QCoreApplication.translate("ProblemFormDialog", u"\u65e0\u65f6\u9650", None))
        self.status_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u72b6\u6001", None))
        self.meeting_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u4ea4\u529e\u4f1a\u8bae", None))
        self.company_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u4f01\u4e1a\uff08\u4e07\u4eba\u52a9\u4f01\uff09", None))
#if QT_CONFIG(tooltip)
        self.company_combo.setToolTip(QCoreApplication.translate("ProblemFormDialog", u"\u8f93\u5165\u4f01\u4e1a\u540d\u79f0\u7684\u4e00\u90e8\u5206\u540e\u6309\u56de\u8f66\u67e5\u627e", None))
#endif // QT_CONFIG(tooltip)
        self.tabs.setTabText(self.tabs.indexOf(self.basicTab), QCoreApplication.translate("ProblemFormDialog", u"\u57fa\u672c\u4fe1\u606f", None))
        self.note_date_edit.setDisplayFormat(QCoreApplication.translate("ProblemFormDialog", u"yyyy-MM-dd", None))
        self.note_edit.setPlaceholderText(QCoreApplication.translate("ProblemFormDialog", u"\u65b0\u7684\u529e\u7406\u8fdb\u5c55\uff0c\u56de\u8f66\u6dfb\u52a0", None))
        self.add_note_button.setText(QCoreApplication.translate("ProblemFormDialog", u"\u6dfb\u52a0\u8fdb\u5c55", None))
        self.closeGroup.setTitle(QCoreApplication.translate("ProblemFormDialog", u"\u9500\u53f7", None))
        self.resolution_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u529e\u7406\u7ed3\u679c *", None))
        self.resolved_label.setText(QCoreApplication.translate("ProblemFormDialog", u"\u9500\u53f7\u65e5\u671f *", None))
        self.resolved_edit.setDisplayFormat(QCoreApplication.translate("ProblemFormDialog", u"yyyy-MM-dd", None))
        self.close_button.setText(QCoreApplication.translate("ProblemFormDialog", u"\u9500\u53f7", None))
        self.reopen_button.setText(QCoreApplication.translate("ProblemFormDialog", u"\u64a4\u9500\u9500\u53f7\u2026", None))
        self.tabs.setTabText(self.tabs.indexOf(self.progressTab), QCoreApplication.translate("ProblemFormDialog", u"\u529e\u7406\u8fdb\u5c55\u4e0e\u9500\u53f7", None))
        self.tabs.setTabText(self.tabs.indexOf(self.historyTab), QCoreApplication.translate("ProblemFormDialog", u"\u4fee\u6539\u8bb0\u5f55", None))
        self.errorLabel.setText("")
    # retranslateUi
