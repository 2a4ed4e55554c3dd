# GENERATED from forms/ranking_dialog.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QDialog,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QSpinBox, QTableView,
    QVBoxLayout, QWidget)

class Ui_RankingDialog(object):
    def setupUi(self, RankingDialog):
        if not RankingDialog.objectName():
            RankingDialog.setObjectName(u"RankingDialog")
        RankingDialog.resize(980, 620)
        RankingDialog.setSizeGripEnabled(True)
        self.dialogLayout = QVBoxLayout(RankingDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(20, 18, 20, 14)
        self.headLayout = QHBoxLayout()
        self.headLayout.setSpacing(8)
        self.headLayout.setObjectName(u"headLayout")
        self.titleLabel = QLabel(RankingDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"\u2014")

        self.headLayout.addWidget(self.titleLabel)

        self.headSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.headLayout.addItem(self.headSpacer)

        self.yearLabel = QLabel(RankingDialog)
        self.yearLabel.setObjectName(u"yearLabel")

        self.headLayout.addWidget(self.yearLabel)

        self.yearSpin = QSpinBox(RankingDialog)
        self.yearSpin.setObjectName(u"yearSpin")
        self.yearSpin.setMinimum(1990)
        self.yearSpin.setMaximum(2100)

        self.headLayout.addWidget(self.yearSpin)

        self.quarterLabel = QLabel(RankingDialog)
        self.quarterLabel.setObjectName(u"quarterLabel")

        self.headLayout.addWidget(self.quarterLabel)

        self.quarterCombo = QComboBox(RankingDialog)
        self.quarterCombo.setObjectName(u"quarterCombo")

        self.headLayout.addWidget(self.quarterCombo)


        self.dialogLayout.addLayout(self.headLayout)

        self.spanLabel = QLabel(RankingDialog)
        self.spanLabel.setObjectName(u"spanLabel")
        self.spanLabel.setText(u"")
        self.spanLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.spanLabel)

        self.rankingView = QTableView(RankingDialog)
        self.rankingView.setObjectName(u"rankingView")
        self.rankingView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.rankingView.setAlternatingRowColors(True)
        self.rankingView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.rankingView.setSortingEnabled(False)
        self.rankingView.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.rankingView)

        self.methodLabel = QLabel(RankingDialog)
        self.methodLabel.setObjectName(u"methodLabel")
        self.methodLabel.setText(u"")
        self.methodLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.methodLabel)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setSpacing(8)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.weightsButton = QPushButton(RankingDialog)
        self.weightsButton.setObjectName(u"weightsButton")

        self.actionsLayout.addWidget(self.weightsButton)

        self.actionsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.excelButton = QPushButton(RankingDialog)
        self.excelButton.setObjectName(u"excelButton")

        self.actionsLayout.addWidget(self.excelButton)

        self.pdfButton = QPushButton(RankingDialog)
        self.pdfButton.setObjectName(u"pdfButton")

        self.actionsLayout.addWidget(self.pdfButton)

        self.closeButton = QPushButton(RankingDialog)
        self.closeButton.setObjectName(u"closeButton")

        self.actionsLayout.addWidget(self.closeButton)


        self.dialogLayout.addLayout(self.actionsLayout)

#if QT_CONFIG(shortcut)
        self.yearLabel.setBuddy(self.yearSpin)
        self.quarterLabel.setBuddy(self.quarterCombo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.yearSpin, self.quarterCombo)
        QWidget.setTabOrder(self.quarterCombo, self.rankingView)
        QWidget.setTabOrder(self.rankingView, self.weightsButton)
        QWidget.setTabOrder(self.weightsButton, self.excelButton)
        QWidget.setTabOrder(self.excelButton, self.pdfButton)
        QWidget.setTabOrder(self.pdfButton, self.closeButton)

        self.retranslateUi(RankingDialog)
        self.closeButton.clicked.connect(RankingDialog.reject)

        QMetaObject.connectSlotsByName(RankingDialog)
    # setupUi

    def retranslateUi(self, RankingDialog):
        RankingDialog.setWindowTitle(QCoreApplication.translate("RankingDialog", u"\u5b63\u5ea6\u8003\u8bc4", None))
        self.yearLabel.setText(QCoreApplication.translate("RankingDialog", u"\u5e74\u5ea6(&Y)", None))
        self.yearSpin.setSuffix(QCoreApplication.translate("RankingDialog", u" \u5e74", None))
        self.quarterLabel.setText(QCoreApplication.translate("RankingDialog", u"\u5b63\u5ea6(&Q)", None))
        self.weightsButton.setText(QCoreApplication.translate("RankingDialog", u"\u6743\u91cd\u8bbe\u7f6e(&W)\u2026", None))
        self.excelButton.setText(QCoreApplication.translate("RankingDialog", u"\u5bfc\u51fa Excel(&E)\u2026", None))
        self.pdfButton.setText(QCoreApplication.translate("RankingDialog", u"\u5bfc\u51fa PDF(&P)\u2026", None))
        self.closeButton.setText(QCoreApplication.translate("RankingDialog", u"\u5173\u95ed", None))
    # retranslateUi
