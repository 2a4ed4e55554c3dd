# GENERATED from forms/targets_editor_dialog.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_TargetsEditorDialog(object):
    def setupUi(self, TargetsEditorDialog):
        if not TargetsEditorDialog.objectName():
            TargetsEditorDialog.setObjectName(u"TargetsEditorDialog")
        TargetsEditorDialog.resize(820, 520)
        TargetsEditorDialog.setSizeGripEnabled(True)
        self.dialogLayout = QVBoxLayout(TargetsEditorDialog)
        self.dialogLayout.setSpacing(8)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(20, 18, 20, 14)
        self.titleLabel = QLabel(TargetsEditorDialog)
        self.titleLabel.setObjectName(u"titleLabel")
        self.titleLabel.setText(u"\u2014")

        self.dialogLayout.addWidget(self.titleLabel)

        self.hintLabel = QLabel(TargetsEditorDialog)
        self.hintLabel.setObjectName(u"hintLabel")
        self.hintLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.hintLabel)

        self.targetsView = QTableView(TargetsEditorDialog)
        self.targetsView.setObjectName(u"targetsView")
        self.targetsView.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed|QAbstractItemView.EditTrigger.SelectedClicked|QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.targetsView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.targetsView.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.targetsView.verticalHeader().setVisible(False)

        self.dialogLayout.addWidget(self.targetsView)

        self.actionsLayout = QHBoxLayout()
        self.actionsLayout.setSpacing(8)
        self.actionsLayout.setObjectName(u"actionsLayout")
        self.addButton = QPushButton(TargetsEditorDialog)
        self.addButton.setObjectName(u"addButton")

        self.actionsLayout.addWidget(self.addButton)

        self.removeButton = QPushButton(TargetsEditorDialog)
        self.removeButton.setObjectName(u"removeButton")

        self.actionsLayout.addWidget(self.removeButton)

        self.profileButton = QPushButton(TargetsEditorDialog)
        self.profileButton.setObjectName(u"profileButton")

        self.actionsLayout.addWidget(self.profileButton)

        self.actionsSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actionsLayout.addItem(self.actionsSpacer)

        self.copyButton = QPushButton(TargetsEditorDialog)
        self.copyButton.setObjectName(u"copyButton")

        self.actionsLayout.addWidget(self.copyButton)


        self.dialogLayout.addLayout(self.actionsLayout)

        self.problemLabel = QLabel(TargetsEditorDialog)
        self.problemLabel.setObjectName(u"problemLabel")
        self.problemLabel.setText(u"")
        self.problemLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.problemLabel)

        self.buttonBox = QDialogButtonBox(TargetsEditorDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Save)

        self.dialogLayout.addWidget(self.buttonBox)


        self.retranslateUi(TargetsEditorDialog)
        self.buttonBox.rejected.connect(TargetsEditorDialog.reject)

        QMetaObject.connectSlotsByName(TargetsEditorDialog)
    # setupUi

    def retranslateUi(self, TargetsEditorDialog):
        TargetsEditorDialog.setWindowTitle(QCoreApplication.translate("TargetsEditorDialog", u"\u7f16\u8f91\u5e74\u5ea6\u76ee\u6807", None))
        self.hintLabel.setText(QCoreApplication.translate("TargetsEditorDialog", u"\u6bcf\u4e2a\u76ee\u6807\u5bf9\u5e94\u4e00\u4e2a\u6307\u6807\u3002\u91d1\u989d\u4ee5\u4ebf\u5143\u586b\u5199\uff0c\u6bd4\u7387\u4ee5\u767e\u5206\u6570\u586b\u5199\uff0860 \u5373 60%\uff09\uff0c\u4e2a\u6570\u586b\u6574\u6570\u3002\u5220\u9664\u7684\u76ee\u6807\u53ef\u5728\u4ee5\u540e\u91cd\u65b0\u6dfb\u52a0\u3002", None))
        self.addButton.setText(QCoreApplication.translate("TargetsEditorDialog", u"\u6dfb\u52a0\u76ee\u6807(&A)", None))
        self.removeButton.setText(QCoreApplication.translate("TargetsEditorDialog", u"\u5220\u9664\u6240\u9009(&D)", None))
        self.profileButton.setText(QCoreApplication.translate("TargetsEditorDialog", u"\u8fdb\u5ea6\u66f2\u7ebf(&P)\u2026", None))
#if QT_CONFIG(tooltip)
        self.profileButton.setToolTip(QCoreApplication.translate("TargetsEditorDialog", u"\u8bbe\u7f6e\u6240\u9009\u76ee\u6807\u6bcf\u6708\u5e94\u5b8c\u6210\u7684\u6bd4\u4f8b\uff08\u7ebf\u6027\u3001\u5b63\u5ea6\u5747\u8861\u3001\u524d\u4f4e\u540e\u9ad8\u2026\uff09", None))
#endif // QT_CONFIG(tooltip)
        self.copyButton.setText(QCoreApplication.translate("TargetsEditorDialog", u"\u590d\u5236\u4e0a\u4e00\u5e74\u76ee\u6807(&C)", None))
    # retranslateUi
