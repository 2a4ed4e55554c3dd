# GENERATED from forms/pace_profile_dialog.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QDoubleSpinBox, QGridLayout, QHBoxLayout,
    QLabel, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_PaceProfileDialog(object):
    def setupUi(self, PaceProfileDialog):
        if not PaceProfileDialog.objectName():
            PaceProfileDialog.setObjectName(u"PaceProfileDialog")
        PaceProfileDialog.resize(520, 360)
        self.dialogLayout = QVBoxLayout(PaceProfileDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(20, 18, 20, 14)
        self.titleLabel = QLabel(PaceProfileDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"\u2014")
        self.titleLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.titleLabel)

        self.hintLabel = QLabel(PaceProfileDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.presetLayout = QHBoxLayout()
        self.presetLayout.setObjectName(u"presetLayout")
        self.presetLabel = QLabel(PaceProfileDialog)
        self.presetLabel.setObjectName(u"presetLabel")

        self.presetLayout.addWidget(self.presetLabel)

        self.presetCombo = QComboBox(PaceProfileDialog)
        self.presetCombo.setObjectName(u"presetCombo")

        self.presetLayout.addWidget(self.presetCombo)

        self.presetSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.presetLayout.addItem(self.presetSpacer)


        self.dialogLayout.addLayout(self.presetLayout)

        self.monthsLayout = QGridLayout()
        self.monthsLayout.setObjectName(u"monthsLayout")
        self.monthsLayout.setHorizontalSpacing(8)
        self.monthsLayout.setVerticalSpacing(6)
        self.monthLabel1 = QLabel(PaceProfileDialog)
        self.monthLabel1.setObjectName(u"monthLabel1")
        self.monthLabel1.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.monthsLayout.addWidget(self.monthLabel1, 0, 0, 1, 1)

        self.monthSpin1 = QDoubleSpinBox(PaceProfileDialog)
        self.monthSpin1.setObjectName(u"monthSpin1")
        self.monthSpin1.setSuffix(u" %")
        self.monthSpin1.setDecimals(2)
        self.monthSpin1.setMaximum(100.000000000000000)
        self.monthSpin1.setSingleStep(1.000000000000000)

        self.monthsLayout.addWidget(self.monthSpin1, 0, 1, 1, 1)

        self.monthLabel2 = QLabel(PaceProfileDialog)
        self.monthLabel2.setObjectName(u"monthLabel2")
        self.monthLabel2.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.monthsLayout.addWidget(self.monthLabel2, 0, 2, 1, 1)

        self.monthSpin2 = QDoubleSpinBox(PaceProfileDialog)
        self.monthSpin2.setObjectName(u"monthSpin2")
        self.monthSpin2.setSuffix(u" %")
        self.monthSpin2.setDecimals(2)
        self.monthSpin2.setMaximum(100.000000000000000)
        self.monthSpin2.setSingleStep(1.000000000000000)

        self.monthsLayout.addWidget(self.monthSpin2, 0, 3, 1, 1)

        self.monthLabel3 = QLabel(PaceProfileDialog)
        self.monthLabel3.setObjectName(u"monthLabel3")
        self.monthLabel3.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.monthsLayout.addWidget(self.monthLabel3, 0, 4, 1, 1)

        self.monthSpin3 = QDoubleSpinBox(PaceProfileDialog)
        self.monthSpin3.setObjectName(u"monthSpin3")
        self.monthSpin3.setSuffix(u" %")
        self.monthSpin3.setDecimals(2)
        self.monthSpin3.setMaximum(100.000000000000000)
        self.monthSpin3.setSingleStep(1.000000000000000)

        self.monthsLayout.addWidget(self.monthSpin3, 0, 5, 1, 1)

        self.monthLabel4 = QLabel(PaceProfileDialog)
        self.monthLabel4.setObjectName(u"monthLabel4")
        self.monthLabel4.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.monthsLayout.addWidget(self.monthLabel4, 1, 0, 1, 1)

        self.monthSpin4 = QDoubleSpinBox(PaceProfileDialog)
        self.monthSpin4.setObjectName(u"monthSpin4")
        self.monthSpin4.setSuffix(u" %")
        self.monthSpin4.setDecimals(2)
        self.monthSpin4.setMaximum(100.000000000000000)
        self.monthSpin4.setSingleStep(1.000000000000000)

        self.monthsLayout.addWidget(self.monthSpin4, 1, 1, 1, 1)

        self.monthLabel5 = QLabel(PaceProfileDialog)
        self.monthLabel5.setObjectName(u"monthLabel5")
        self.monthLabel5.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.monthsLayout.addWidget(self.monthLabel5, 1, 2, 1, 1)

        self.monthSpin5 = QDoubleSpinBox(PaceProfileDialog)
        self.monthSpin5.setObjectName(u"monthSpin5")
        self.monthSpin5.setSuffix(u" %")
        self.monthSpin5.setDecimals(2)
        self.monthSpin5.setMaximum(100.000000000000000)
        self.monthSpin5.setSingleStep(1.000000000000000)

        self.monthsLayout.addWidget(self.monthSpin5, 1, 3, 1, 1)

        self.monthLabel6 = QLabel(PaceProfileDialog)
        self.monthLabel6.setObjectName(u"monthLabel6")
        self.monthLabel6.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.monthsLayout.addWidget(self.monthLabel6, 1, 4, 1, 1)

        self.monthSpin6 = QDoubleSpinBox(PaceProfileDialog)
        self.monthSpin6.setObjectName(u"monthSpin6")
        self.monthSpin6.setSuffix(u" %")
        self.monthSpin6.setDecimals(2)
        self.monthSpin6.setMaximum(100.000000000000000)
        self.monthSpin6.setSingleStep(1.000000000000000)

        self.monthsLayout.addWidget(self.monthSpin6, 1, 5, 1, 1)

        self.monthLabel7 = QLabel(PaceProfileDialog)
        self.monthLabel7.setObjectName(u"monthLabel7")
        self.monthLabel7.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.monthsLayout.addWidget(self.monthLabel7, 2, 0, 1, 1)

        self.monthSpin7 = QDoubleSpinBox(PaceProfileDialog)
        self.monthSpin7.setObjectName(u"monthSpin7")
        self.monthSpin7.setSuffix(u" %")
        self.monthSpin7.setDecimals(2)
        self.monthSpin7.setMaximum(100.000000000000000)
        self.monthSpin7.setSingleStep(1.000000000000000)

        self.monthsLayout.addWidget(self.monthSpin7, 2, 1, 1, 1)

        self.monthLabel8 = QLabel(PaceProfileDialog)
        self.monthLabel8.setObjectName(u"monthLabel8")
        self.monthLabel8.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.monthsLayout.addWidget(self.monthLabel8, 2, 2, 1, 1)

        self.monthSpin8 = QDoubleSpinBox(PaceProfileDialog)
        self.monthSpin8.setObjectName(u"monthSpin8")
        self.monthSpin8.setSuffix(u" %")
        self.monthSpin8.setDecimals(2)
        self.monthSpin8.setMaximum(100.000000000000000)
        self.monthSpin8.setSingleStep(1.000000000000000)

        self.monthsLayout.addWidget(self.monthSpin8, 2, 3, 1, 1)

        self.monthLabel9 = QLabel(PaceProfileDialog)
        self.monthLabel9.setObjectName(u"monthLabel9")
        self.monthLabel9.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.monthsLayout.addWidget(self.monthLabel9, 2, 4, 1, 1)

        self.monthSpin9 = QDoubleSpinBox(PaceProfileDialog)
        self.monthSpin9.setObjectName(u"monthSpin9")
        self.monthSpin9.setSuffix(u" %")
        self.monthSpin9.setDecimals(2)
        self.monthSpin9.setMaximum(100.000000000000000)
        self.monthSpin9.setSingleStep(1.000000000000000)

        self.monthsLayout.addWidget(self.monthSpin9, 2, 5, 1, 1)

        self.monthLabel10 = QLabel(PaceProfileDialog)
        self.monthLabel10.setObjectName(u"monthLabel10")
        self.monthLabel10.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.monthsLayout.addWidget(self.monthLabel10, 3, 0, 1, 1)

        self.monthSpin10 = QDoubleSpinBox(PaceProfileDialog)
        self.monthSpin10.setObjectName(u"monthSpin10")
        self.monthSpin10.setSuffix(u" %")
        self.monthSpin10.setDecimals(2)
        self.monthSpin10.setMaximum(100.000000000000000)
        self.monthSpin10.setSingleStep(1.000000000000000)

        self.monthsLayout.addWidget(self.monthSpin10, 3, 1, 1, 1)

        self.monthLabel11 = QLabel(PaceProfileDialog)
        self.monthLabel11.setObjectName(u"monthLabel11")
        self.monthLabel11.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.monthsLayout.addWidget(self.monthLabel11, 3, 2, 1, 1)

        self.monthSpin11 = QDoubleSpinBox(PaceProfileDialog)
        self.monthSpin11.setObjectName(u"monthSpin11")
        self.monthSpin11.setSuffix(u" %")
        self.monthSpin11.setDecimals(2)
        self.monthSpin11.setMaximum(100.000000000000000)
        self.monthSpin11.setSingleStep(1.000000000000000)

        self.monthsLayout.addWidget(self.monthSpin11, 3, 3, 1, 1)

        self.monthLabel12 = QLabel(PaceProfileDialog)
        self.monthLabel12.setObjectName(u"monthLabel12")
        self.monthLabel12.setAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)

        self.monthsLayout.addWidget(self.monthLabel12, 3, 4, 1, 1)

        self.monthSpin12 = QDoubleSpinBox(PaceProfileDialog)
        self.monthSpin12.setObjectName(u"monthSpin12")
        self.monthSpin12.setSuffix(u" %")
        self.monthSpin12.setDecimals(2)
        self.monthSpin12.setMaximum(100.000000000000000)
        self.monthSpin12.setSingleStep(1.000000000000000)

        self.monthsLayout.addWidget(self.monthSpin12, 3, 5, 1, 1)


        self.dialogLayout.addLayout(self.monthsLayout)

        self.sumLabel = QLabel(PaceProfileDialog)
        self.sumLabel.setObjectName(u"sumLabel")
        self.sumLabel.setText(u"")
        self.sumLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.sumLabel)

        self.buttonBox = QDialogButtonBox(PaceProfileDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.presetLabel.setBuddy(self.presetCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.presetCombo, self.monthSpin1)
        QWidget.setTabOrder(self.monthSpin1, self.monthSpin2)
        QWidget.setTabOrder(self.monthSpin2, self.monthSpin3)
        QWidget.setTabOrder(self.monthSpin3, self.monthSpin4)
        QWidget.setTabOrder(self.monthSpin4, self.monthSpin5)
        QWidget.setTabOrder(self.monthSpin5, self.monthSpin6)
        QWidget.setTabOrder(self.monthSpin6, self.monthSpin7)
        QWidget.setTabOrder(self.monthSpin7, self.monthSpin8)
        QWidget.setTabOrder(self.monthSpin8, self.monthSpin9)
        QWidget.setTabOrder(self.monthSpin9, self.monthSpin10)
        QWidget.setTabOrder(self.monthSpin10, self.monthSpin11)
        QWidget.setTabOrder(self.monthSpin11, self.monthSpin12)

        self.retranslateUi(PaceProfileDialog)
        self.buttonBox.rejected.connect(PaceProfileDialog.reject)

        QMetaObject.connectSlotsByName(PaceProfileDialog)
    # setupUi

    def retranslateUi(self, PaceProfileDialog):
        PaceProfileDialog.setWindowTitle(QCoreApplication.translate("PaceProfileDialog", u"\u6708\u5ea6\u8fdb\u5ea6\u8ba1\u5212", None))
        self.hintLabel.setText(QCoreApplication.translate("PaceProfileDialog", u"\u6bcf\u6708\u5e94\u5b8c\u6210\u5168\u5e74\u76ee\u6807\u7684\u767e\u5206\u4e4b\u51e0\uff0812 \u4e2a\u6708\u5408\u8ba1 100%\uff09\u3002\u9996\u9875\u548c\u62a5\u544a\u636e\u6b64\u8ba1\u7b97\u201c\u6309\u8fdb\u5ea6\u5e94\u8fbe\u201d\uff1b\u6708\u5185\u6309\u5929\u6570\u5747\u5300\u63a8\u8fdb\u3002", None))
        self.presetLabel.setText(QCoreApplication.translate("PaceProfileDialog", u"\u8fdb\u5ea6\u66f2\u7ebf(&P)\uff1a", None))
        self.monthLabel1.setText(QCoreApplication.translate("PaceProfileDialog", u"1 \u6708", None))
        self.monthLabel2.setText(QCoreApplication.translate("PaceProfileDialog", u"2 \u6708", None))
        self.monthLabel3.setText(QCoreApplication.translate("PaceProfileDialog", u"3 \u6708", None))
        self.monthLabel4.setText(QCoreApplication.translate("PaceProfileDialog", u"4 \u6708", None))
        self.monthLabel5.setText(QCoreApplication.translate("PaceProfileDialog", u"5 \u6708", None))
        self.monthLabel6.setText(QCoreApplication.translate("PaceProfileDialog", u"6 \u6708", None))
        self.monthLabel7.setText(QCoreApplication.translate("PaceProfileDialog", u"7 \u6708", None))
        self.monthLabel8.setText(QCoreApplication.translate("PaceProfileDialog", u"8 \u6708", None))
        self.monthLabel9.setText(QCoreApplication.translate("PaceProfileDialog", u"9 \u6708", None))
        self.monthLabel10.setText(QCoreApplication.translate("PaceProfileDialog", u"10 \u6708", None))
        self.monthLabel11.setText(QCoreApplication.translate("PaceProfileDialog", u"11 \u6708", None))
        self.monthLabel12.setText(QCoreApplication.translate("PaceProfileDialog", u"12 \u6708", None))
    # retranslateUi
