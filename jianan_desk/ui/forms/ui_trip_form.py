# GENERATED from forms/trip_form.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_TripFormDialog(object):
    def setupUi(self, TripFormDialog):
        if not TripFormDialog.objectName():
            TripFormDialog.setObjectName(u"TripFormDialog")
        TripFormDialog.resize(560, 560)
        self.mainLayout = QVBoxLayout(TripFormDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.title_label = QLabel(TripFormDialog)
        self.title_label.setObjectName(u"title_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(TripFormDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.dates_label = QLabel(TripFormDialog)
        self.dates_label.setObjectName(u"dates_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.dates_label)

        self.datesLayout = QHBoxLayout()
        self.datesLayout.setObjectName(u"datesLayout")
        self.start_edit = QDateEdit(TripFormDialog)
        self.start_edit.setObjectName(u"start_edit")
        self.start_edit.setCalendarPopup(True)

        self.datesLayout.addWidget(self.start_edit)

        self.to_label = QLabel(TripFormDialog)
        self.to_label.setObjectName(u"to_label")

        self.datesLayout.addWidget(self.to_label)

        self.end_edit = QDateEdit(TripFormDialog)
        self.end_edit.setObjectName(u"end_edit")
        self.end_edit.setCalendarPopup(True)

        self.datesLayout.addWidget(self.end_edit)

        self.datesSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.datesLayout.addItem(self.datesSpacer)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.datesLayout)

        self.destinations_label = QLabel(TripFormDialog)
        self.destinations_label.setObjectName(u"destinations_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.destinations_label)

        self.destinations_edit = QLineEdit(TripFormDialog)
        self.destinations_edit.setObjectName(u"destinations_edit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.destinations_edit)

        self.members_label = QLabel(TripFormDialog)
        self.members_label.setObjectName(u"members_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.members_label)

        self.members_edit = QLineEdit(TripFormDialog)
        self.members_edit.setObjectName(u"members_edit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.members_edit)

        self.purpose_label = QLabel(TripFormDialog)
        self.purpose_label.setObjectName(u"purpose_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.purpose_label)

        self.purpose_edit = QPlainTextEdit(TripFormDialog)
        self.purpose_edit.setObjectName(u"purpose_edit")
        self.purpose_edit.setTabChangesFocus(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.purpose_edit)

        self.itinerary_label = QLabel(TripFormDialog)
        self.itinerary_label.setObjectName(u"itinerary_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.itinerary_label)

        self.itinerary_edit = QPlainTextEdit(TripFormDialog)
        self.itinerary_edit.setObjectName(u"itinerary_edit")
        self.itinerary_edit.setTabChangesFocus(True)

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.itinerary_edit)

        self.summary_label = QLabel(TripFormDialog)
        self.summary_label.setObjectName(u"summary_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.summary_label)

        self.summary_edit = QPlainTextEdit(TripFormDialog)
        self.summary_edit.setObjectName(u"summary_edit")
        self.summary_edit.setTabChangesFocus(True)

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.summary_edit)


        self.mainLayout.addLayout(self.form)

        self.errorLabel = QLabel(TripFormDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setStyleSheet(u"color: #c62828;")

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(TripFormDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title_edit)
        self.dates_label.setBuddy(self.start_edit)
        self.destinations_label.setBuddy(self.destinations_edit)
        self.members_label.setBuddy(self.members_edit)
        self.purpose_label.setBuddy(self.purpose_edit)
        self.itinerary_label.setBuddy(self.itinerary_edit)
        self.summary_label.setBuddy(self.summary_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title_edit, self.start_edit)
        QWidget.setTabOrder(self.start_edit, self.end_edit)
        QWidget.setTabOrder(self.end_edit, self.destinations_edit)
        QWidget.setTabOrder(self.destinations_edit, self.members_edit)
        QWidget.setTabOrder(self.members_edit, self.purpose_edit)
        QWidget.setTabOrder(self.purpose_edit, self.itinerary_edit)
        QWidget.setTabOrder(self.itinerary_edit, self.summary_edit)

        self.retranslateUi(TripFormDialog)

        QMetaObject.connectSlotsByName(TripFormDialog)
    # setupUi

    def retranslateUi(self, TripFormDialog):
        TripFormDialog.setWindowTitle(QCoreApplication.translate("TripFormDialog", u"\u5916\u51fa\u62db\u5546\u6d3b\u52a8", None))
        self.title_label.setText(QCoreApplication.translate("TripFormDialog", u"\u6d3b\u52a8\u540d\u79f0 *", None))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("TripFormDialog", u"\u5982\uff1a\u8d74\u6df1\u5733\u3001\u4f5b\u5c71\u62db\u5546\u8003\u5bdf", None))
        self.dates_label.setText(QCoreApplication.translate("TripFormDialog", u"\u65e5\u671f", None))
        self.start_edit.setDisplayFormat(QCoreApplication.translate("TripFormDialog", u"yyyy-MM-dd", None))
        self.to_label.setText(QCoreApplication.translate("TripFormDialog", u"\u81f3", None))
        self.end_edit.setDisplayFormat(QCoreApplication.translate("TripFormDialog", u"yyyy-MM-dd", None))
        self.destinations_label.setText(QCoreApplication.translate("TripFormDialog", u"\u76ee\u7684\u5730", None))
        self.destinations_edit.setPlaceholderText(QCoreApplication.translate("TripFormDialog", u"\u5982\uff1a\u6df1\u5733\u3001\u4f5b\u5c71", None))
        self.members_label.setText(QCoreApplication.translate("TripFormDialog", u"\u53c2\u52a0\u4eba\u5458", None))
        self.members_edit.setPlaceholderText(QCoreApplication.translate("TripFormDialog", u"\u5982\uff1a\u5218\u533a\u957f\uff08\u5e26\u961f\uff09\u3001\u738b\u62db\u5546", None))
        self.purpose_label.setText(QCoreApplication.translate("TripFormDialog", u"\u76ee\u7684", None))
        self.itinerary_label.setText(QCoreApplication.translate("TripFormDialog", u"\u884c\u7a0b\u5b89\u6392", None))
        self.itinerary_edit.setPlaceholderText(QCoreApplication.translate("TripFormDialog", u"\u6bcf\u884c\u4e00\u9879\uff1a3\u67081\u65e5 \u6df1\u5733 \u4e09\u4f73\u7cbe\u5bc6", None))
        self.summary_label.setText(QCoreApplication.translate("TripFormDialog", u"\u6d3b\u52a8\u603b\u7ed3", None))
        self.errorLabel.setText("")
    # retranslateUi
