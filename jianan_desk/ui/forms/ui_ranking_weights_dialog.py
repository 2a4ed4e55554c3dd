# GENERATED from forms/ranking_weights_dialog.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_RankingWeightsDialog(object):
    def setupUi(self, RankingWeightsDialog):
        if not RankingWeightsDialog.objectName():
            RankingWeightsDialog.setObjectName(u"RankingWeightsDialog")
        RankingWeightsDialog.resize(440, 460)
        self.dialogLayout = QVBoxLayout(RankingWeightsDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(20, 18, 20, 14)
        self.hintLabel = QLabel(RankingWeightsDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.weightsLayout = QFormLayout()
        self.weightsLayout.setObjectName(u"weightsLayout")
        self.weightsLayout.setHorizontalSpacing(12)
        self.weightsLayout.setVerticalSpacing(6)

        self.dialogLayout.addLayout(self.weightsLayout)

        self.sumLabel = QLabel(RankingWeightsDialog)
        self.sumLabel.setObjectName(u"sumLabel")
        self.sumLabel.setText(u"")
        self.sumLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.sumLabel)

        self.buttonsLayout = QHBoxLayout()
        self.buttonsLayout.setObjectName(u"buttonsLayout")
        self.defaultsButton = QPushButton(RankingWeightsDialog)
        self.defaultsButton.setObjectName(u"defaultsButton")

        self.buttonsLayout.addWidget(self.defaultsButton)

        self.buttonBox = QDialogButtonBox(RankingWeightsDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.buttonsLayout.addWidget(self.buttonBox)


        self.dialogLayout.addLayout(self.buttonsLayout)


        self.retranslateUi(RankingWeightsDialog)
        self.buttonBox.rejected.connect(RankingWeightsDialog.reject)

        QMetaObject.connectSlotsByName(RankingWeightsDialog)
    # setupUi

    def retranslateUi(self, RankingWeightsDialog):
        RankingWeightsDialog.setWindowTitle(QCoreApplication.translate("RankingWeightsDialog", u"\u8003\u8bc4\u6743\u91cd", None))
        self.hintLabel.setText(QCoreApplication.translate("RankingWeightsDialog", u"\u5404\u9879\u6307\u6807\u5728\u7efc\u5408\u5f97\u5206\u4e2d\u7684\u6743\u91cd\uff08\u5168\u5c40\u7edf\u4e00\uff0c\u6240\u6709\u5b63\u5ea6\u5171\u7528\uff09\u3002\u6743\u91cd\u4e3a 0 \u7684\u6307\u6807\u4e0d\u53c2\u52a0\u8003\u8bc4\uff1b\u6743\u91cd\u6309\u6bd4\u4f8b\u8ba1\u7b97\uff0c\u5408\u8ba1\u4e0d\u5fc5\u4e3a 100\u3002", None))
        self.defaultsButton.setText(QCoreApplication.translate("RankingWeightsDialog", u"\u6062\u590d\u9ed8\u8ba4(&R)", None))
    # retranslateUi
