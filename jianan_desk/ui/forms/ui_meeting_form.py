# GENERATED from forms/meeting_form.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDateEdit,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTabWidget, QTableView, QTextBrowser, QVBoxLayout,
    QWidget)

class Ui_MeetingFormDialog(object):
    def setupUi(self, MeetingFormDialog):
        if not MeetingFormDialog.objectName():
            MeetingFormDialog.setObjectName(u"MeetingFormDialog")
        MeetingFormDialog.resize(820, 640)
        self.mainLayout = QVBoxLayout(MeetingFormDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.held_label = QLabel(MeetingFormDialog)
        self.held_label.setObjectName(u"held_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.held_label)

        self.heldLayout = QHBoxLayout()
        self.heldLayout.setObjectName(u"heldLayout")
        self.held_edit = QDateEdit(MeetingFormDialog)
        self.held_edit.setObjectName(u"held_edit")
        self.held_edit.setCalendarPopup(True)

        self.heldLayout.addWidget(self.held_edit)

        self.title_label = QLabel(MeetingFormDialog)
        self.title_label.setObjectName(u"title_label")

        self.heldLayout.addWidget(self.title_label)

        self.title_edit = QLineEdit(MeetingFormDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.heldLayout.addWidget(self.title_edit)


        self.form.setLayout(0, QFormLayout.ItemRole.FieldRole, self.heldLayout)

        self.chair_label = QLabel(MeetingFormDialog)
        self.chair_label.setObjectName(u"chair_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.chair_label)

        self.chairLayout = QHBoxLayout()
        self.chairLayout.setObjectName(u"chairLayout")
        self.chair_edit = QLineEdit(MeetingFormDialog)
        self.chair_edit.setObjectName(u"chair_edit")
        self.chair_edit.setMaxLength(50)

        self.chairLayout.addWidget(self.chair_edit)

        self.attendees_label = QLabel(MeetingFormDialog)
        self.attendees_label.setObjectName(u"attendees_label")

        self.chairLayout.addWidget(self.attendees_label)

        self.attendees_edit = QLineEdit(MeetingFormDialog)
        self.attendees_edit.setObjectName(u"attendees_edit")

        self.chairLayout.addWidget(self.attendees_edit)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.chairLayout)


        self.mainLayout.addLayout(self.form)

        self.tabs = QTabWidget(MeetingFormDialog)
        self.tabs.setObjectName(u"tabs")
        self.agendaTab = QWidget()
        self.agendaTab.setObjectName(u"agendaTab")
        self.agendaLayout = QVBoxLayout(self.agendaTab)
        self.agendaLayout.setObjectName(u"agendaLayout")
        self.agendaOptions = QHBoxLayout()
        self.agendaOptions.setObjectName(u"agendaOptions")
        self.next_label = QLabel(self.agendaTab)
        self.next_label.setObjectName(u"next_label")

        self.agendaOptions.addWidget(self.next_label)

        self.next_edit = QDateEdit(self.agendaTab)
        self.next_edit.setObjectName(u"next_edit")
        self.next_edit.setCalendarPopup(True)

        self.agendaOptions.addWidget(self.next_edit)

        self.weeks_label = QLabel(self.agendaTab)
        self.weeks_label.setObjectName(u"weeks_label")

        self.agendaOptions.addWidget(self.weeks_label)

        self.weeks_spin = QSpinBox(self.agendaTab)
        self.weeks_spin.setObjectName(u"weeks_spin")
        self.weeks_spin.setMinimum(1)
        self.weeks_spin.setMaximum(104)
        self.weeks_spin.setValue(8)

        self.agendaOptions.addWidget(self.weeks_spin)

        self.agenda_button = QPushButton(self.agendaTab)
        self.agenda_button.setObjectName(u"agenda_button")

        self.agendaOptions.addWidget(self.agenda_button)

        self.agendaSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.agendaOptions.addItem(self.agendaSpacer)


        self.agendaLayout.addLayout(self.agendaOptions)

        self.agenda_browser = QTextBrowser(self.agendaTab)
        self.agenda_browser.setObjectName(u"agenda_browser")

        self.agendaLayout.addWidget(self.agenda_browser)

        self.tabs.addTab(self.agendaTab, "")
        self.minutesTab = QWidget()
        self.minutesTab.setObjectName(u"minutesTab")
        self.minutesLayout = QVBoxLayout(self.minutesTab)
        self.minutesLayout.setObjectName(u"minutesLayout")
        self.closures_label = QLabel(self.minutesTab)
        self.closures_label.setObjectName(u"closures_label")

        self.minutesLayout.addWidget(self.closures_label)

        self.closures_view = QTableView(self.minutesTab)
        self.closures_view.setObjectName(u"closures_view")

        self.minutesLayout.addWidget(self.closures_view)

        self.projectsBar = QHBoxLayout()
        self.projectsBar.setObjectName(u"projectsBar")
        self.projects_label = QLabel(self.minutesTab)
        self.projects_label.setObjectName(u"projects_label")

        self.projectsBar.addWidget(self.projects_label)

        self.project_combo = QComboBox(self.minutesTab)
        self.project_combo.setObjectName(u"project_combo")
        self.project_combo.setEditable(True)
        self.project_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.project_combo.sizePolicy().hasHeightForWidth())
        self.project_combo.setSizePolicy(sizePolicy)

        self.projectsBar.addWidget(self.project_combo)

        self.add_project_button = QPushButton(self.minutesTab)
        self.add_project_button.setObjectName(u"add_project_button")

        self.projectsBar.addWidget(self.add_project_button)

        self.remove_project_button = QPushButton(self.minutesTab)
        self.remove_project_button.setObjectName(u"remove_project_button")

        self.projectsBar.addWidget(self.remove_project_button)


        self.minutesLayout.addLayout(self.projectsBar)

        self.projects_view = QTableView(self.minutesTab)
        self.projects_view.setObjectName(u"projects_view")
        self.projects_view.setMaximumSize(QSize(16777215, 120))

        self.minutesLayout.addWidget(self.projects_view)

        self.raisedLayout = QHBoxLayout()
        self.raisedLayout.setObjectName(u"raisedLayout")
        self.raised_label = QLabel(self.minutesTab)
        self.raised_label.setObjectName(u"raised_label")
        self.raised_label.setWordWrap(True)

        self.raisedLayout.addWidget(self.raised_label)

        self.raise_button = QPushButton(self.minutesTab)
        self.raise_button.setObjectName(u"raise_button")

        self.raisedLayout.addWidget(self.raise_button)


        self.minutesLayout.addLayout(self.raisedLayout)

        self.decisions_label = QLabel(self.minutesTab)
        self.decisions_label.setObjectName(u"decisions_label")

        self.minutesLayout.addWidget(self.decisions_label)

        self.decisions_edit = QPlainTextEdit(self.minutesTab)
        self.decisions_edit.setObjectName(u"decisions_edit")
        self.decisions_edit.setTabChangesFocus(True)
        self.decisions_edit.setMaximumSize(QSize(16777215, 110))

        self.minutesLayout.addWidget(self.decisions_edit)

        self.tabs.addTab(self.minutesTab, "")

        self.mainLayout.addWidget(self.tabs)

        self.errorLabel = QLabel(MeetingFormDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(MeetingFormDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.held_label.setBuddy(self.held_edit)
        self.title_label.setBuddy(self.title_edit)
        self.chair_label.setBuddy(self.chair_edit)
        self.attendees_label.setBuddy(self.attendees_edit)
        self.next_label.setBuddy(self.next_edit)
        self.weeks_label.setBuddy(self.weeks_spin)
        self.projects_label.setBuddy(self.project_combo)
        self.decisions_label.setBuddy(self.decisions_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.held_edit, self.title_edit)
        QWidget.setTabOrder(self.title_edit, self.chair_edit)
        QWidget.setTabOrder(self.chair_edit, self.attendees_edit)

        self.retranslateUi(MeetingFormDialog)

        self.tabs.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(MeetingFormDialog)
    # setupUi

    def retranslateUi(self, MeetingFormDialog):
        MeetingFormDialog.setWindowTitle(QCoreApplication.translate("MeetingFormDialog", u"\u5468\u4f8b\u4f1a", None))
        self.held_label.setText(QCoreApplication.translate("MeetingFormDialog", u"\u4f1a\u8bae\u65e5\u671f *", None))
        self.held_edit.setDisplayFormat(QCoreApplication.translate("MeetingFormDialog", u"yyyy-MM-dd", None))
        self.title_label.setText(QCoreApplication.translate("MeetingFormDialog", u"\u4f1a\u8bae\u540d\u79f0", None))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("MeetingFormDialog", u"\u7559\u7a7a\u5219\u6309\u65e5\u671f\u547d\u540d", None))
        self.chair_label.setText(QCoreApplication.translate("MeetingFormDialog", u"\u4e3b\u6301\u4eba", None))
        self.attendees_label.setText(QCoreApplication.translate("MeetingFormDialog", u"\u53c2\u4f1a\u5355\u4f4d/\u4eba\u5458", None))
        self.attendees_edit.setPlaceholderText(QCoreApplication.translate("MeetingFormDialog", u"\u7528\u201c\u3001\u201d\u5206\u9694", None))
        self.next_label.setText(QCoreApplication.translate("MeetingFormDialog", u"\u4e0b\u6b21\u4f1a\u8bae", None))
        self.next_edit.setDisplayFormat(QCoreApplication.translate("MeetingFormDialog", u"yyyy-MM-dd", None))
        self.weeks_label.setText(QCoreApplication.translate("MeetingFormDialog", u"\u9636\u6bb5\u505c\u6ede\u5468\u6570", None))
        self.agenda_button.setText(QCoreApplication.translate("MeetingFormDialog", u"\u751f\u6210\u8bae\u7a0b", None))
        self.tabs.setTabText(self.tabs.indexOf(self.agendaTab), QCoreApplication.translate("MeetingFormDialog", u"\u4f1a\u8bae\u8bae\u7a0b\uff08\u81ea\u52a8\u751f\u6210\uff09", None))
        self.closures_label.setText(QCoreApplication.translate("MeetingFormDialog", u"\u672c\u6b21\u4f1a\u8bae\u9500\u53f7\uff08\u52fe\u9009\u5e76\u586b\u5199\u529e\u7406\u7ed3\u679c\uff09", None))
        self.projects_label.setText(QCoreApplication.translate("MeetingFormDialog", u"\u6c47\u62a5\u9879\u76ee", None))
        self.add_project_button.setText(QCoreApplication.translate("MeetingFormDialog", u"\u6dfb\u52a0\u9879\u76ee", None))
        self.remove_project_button.setText(QCoreApplication.translate("MeetingFormDialog", u"\u79fb\u9664", None))
        self.raised_label.setText("")
        self.raise_button.setText(QCoreApplication.translate("MeetingFormDialog", u"\u4ea4\u529e\u65b0\u95ee\u9898\u2026", None))
        self.decisions_label.setText(QCoreApplication.translate("MeetingFormDialog", u"\u8bae\u5b9a\u4e8b\u9879\uff08\u6bcf\u884c\u4e00\u6761\uff09", None))
        self.tabs.setTabText(self.tabs.indexOf(self.minutesTab), QCoreApplication.translate("MeetingFormDialog", u"\u4f1a\u8bae\u7eaa\u8981", None))
        self.errorLabel.setText("")
    # retranslateUi
