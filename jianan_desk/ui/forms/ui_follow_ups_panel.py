# GENERATED from forms/follow_ups_panel.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_FollowUpsPanel(object):
    def setupUi(self, FollowUpsPanel):
        if not FollowUpsPanel.objectName():
            FollowUpsPanel.setObjectName(u"FollowUpsPanel")
        FollowUpsPanel.resize(900, 500)
        self.mainLayout = QVBoxLayout(FollowUpsPanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.filterLayout = QHBoxLayout()
        self.filterLayout.setObjectName(u"filterLayout")
        self.bucketCombo = QComboBox(FollowUpsPanel)
        self.bucketCombo.setObjectName(u"bucketCombo")

        self.filterLayout.addWidget(self.bucketCombo)

        self.ownerCombo = QComboBox(FollowUpsPanel)
        self.ownerCombo.setObjectName(u"ownerCombo")

        self.filterLayout.addWidget(self.ownerCombo)

        self.filterSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.filterLayout.addItem(self.filterSpacer)

        self.countLabel = QLabel(FollowUpsPanel)
        self.countLabel.setObjectName(u"countLabel")

        self.filterLayout.addWidget(self.countLabel)


        self.mainLayout.addLayout(self.filterLayout)

        self.followUpsView = QTableView(FollowUpsPanel)
        self.followUpsView.setObjectName(u"followUpsView")

        self.mainLayout.addWidget(self.followUpsView)

        self.emptyLabel = QLabel(FollowUpsPanel)
        self.emptyLabel.setObjectName(u"emptyLabel")
        self.emptyLabel.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.mainLayout.addWidget(self.emptyLabel)

        self.completeLayout = QHBoxLayout()
        self.completeLayout.setObjectName(u"completeLayout")
        self.noteEdit = QLineEdit(FollowUpsPanel)
        self.noteEdit.setObjectName(u"noteEdit")

        self.completeLayout.addWidget(self.noteEdit)

        self.recordVisitCheck = QCheckBox(FollowUpsPanel)
        self.recordVisitCheck.setObjectName(u"recordVisitCheck")

        self.completeLayout.addWidget(self.recordVisitCheck)

        self.completeButton = QPushButton(FollowUpsPanel)
        self.completeButton.setObjectName(u"completeButton")

        self.completeLayout.addWidget(self.completeButton)


        self.mainLayout.addLayout(self.completeLayout)

        self.statusLabel = QLabel(FollowUpsPanel)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.statusLabel)


        self.retranslateUi(FollowUpsPanel)

        QMetaObject.connectSlotsByName(FollowUpsPanel)
    # setupUi

    def retranslateUi(self, FollowUpsPanel):
        self.countLabel.setText("")
        self.emptyLabel.setText(QCoreApplication.translate("FollowUpsPanel", u"\u6ca1\u6709\u5f85\u8ddf\u8fdb\u7684\u4e8b\u9879", None))
        self.noteEdit.setPlaceholderText(QCoreApplication.translate("FollowUpsPanel", u"\u8ddf\u8fdb\u60c5\u51b5\uff08\u53ef\u4e0d\u586b\uff09\uff0c\u5982\uff1a\u7535\u8bdd\u6c9f\u901a\uff0c\u4e0b\u5468\u6765\u5efa\u5b89\u8003\u5bdf", None))
        self.recordVisitCheck.setText(QCoreApplication.translate("FollowUpsPanel", u"\u540c\u65f6\u8bb0\u4e3a\u4e00\u6b21\u62dc\u8bbf", None))
        self.completeButton.setText(QCoreApplication.translate("FollowUpsPanel", u"\u5b8c\u6210\u8ddf\u8fdb (Ctrl+D)", None))
        self.statusLabel.setText("")
        pass
    # retranslateUi
