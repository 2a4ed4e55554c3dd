# GENERATED from forms/sync_export.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_SyncExportDialog(object):
    def setupUi(self, SyncExportDialog):
        if not SyncExportDialog.objectName():
            SyncExportDialog.setObjectName(u"SyncExportDialog")
        SyncExportDialog.resize(560, 300)
        self.dialogLayout = QVBoxLayout(SyncExportDialog)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(18, 16, 18, 12)
        self.introLabel = QLabel(SyncExportDialog)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.introLabel)

        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setHorizontalSpacing(10)
        self.form.setVerticalSpacing(8)
        self.peerLabel = QLabel(SyncExportDialog)
        self.peerLabel.setObjectName(u"peerLabel")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.peerLabel)

        self.peerCombo = QComboBox(SyncExportDialog)
        self.peerCombo.setObjectName(u"peerCombo")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.peerCombo)

        self.fileLabel = QLabel(SyncExportDialog)
        self.fileLabel.setObjectName(u"fileLabel")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileEdit = QLineEdit(SyncExportDialog)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileRow.addWidget(self.fileEdit)

        self.browseButton = QPushButton(SyncExportDialog)
        self.browseButton.setObjectName(u"browseButton")

        self.fileRow.addWidget(self.browseButton)


        self.form.setLayout(1, QFormLayout.ItemRole.FieldRole, self.fileRow)

        self.encryptCheck = QCheckBox(SyncExportDialog)
        self.encryptCheck.setObjectName(u"encryptCheck")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.encryptCheck)

        self.passLabel = QLabel(SyncExportDialog)
        self.passLabel.setObjectName(u"passLabel")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.passLabel)

        self.passEdit = QLineEdit(SyncExportDialog)
        self.passEdit.setObjectName(u"passEdit")
        self.passEdit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.passEdit)

        self.pass2Label = QLabel(SyncExportDialog)
        self.pass2Label.setObjectName(u"pass2Label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.pass2Label)

        self.pass2Edit = QLineEdit(SyncExportDialog)
        self.pass2Edit.setObjectName(u"pass2Edit")
        self.pass2Edit.setEchoMode(QLineEdit.EchoMode.Password)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.pass2Edit)


        self.dialogLayout.addLayout(self.form)

        self.progressBar = QProgressBar(SyncExportDialog)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.dialogLayout.addWidget(self.progressBar)

        self.errorLabel = QLabel(SyncExportDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.dialogLayout.addItem(self.spacer)

        self.buttonBox = QDialogButtonBox(SyncExportDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.dialogLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.peerLabel.setBuddy(self.peerCombo)
        self.fileLabel.setBuddy(self.fileEdit)
        self.passLabel.setBuddy(self.passEdit)
        self.pass2Label.setBuddy(self.pass2Edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(SyncExportDialog)

        QMetaObject.connectSlotsByName(SyncExportDialog)
    # setupUi

    def retranslateUi(self, SyncExportDialog):
        SyncExportDialog.setWindowTitle(QCoreApplication.translate("SyncExportDialog", u"\u5bfc\u51fa\u540c\u6b65\u5305", None))
        self.introLabel.setText(QCoreApplication.translate("SyncExportDialog", u"\u540c\u6b65\u5305\u5305\u542b\u5bf9\u65b9\u5c1a\u672a\u6536\u5230\u7684\u5168\u90e8\u66f4\u6539\uff0c\u53ef\u7528U\u76d8\u6216\u804a\u5929\u5de5\u5177\u4f20\u7ed9\u5bf9\u65b9\uff0c\u5728\u5bf9\u65b9\u7684\u5efa\u5b89\u62db\u5546\u53f0\u4e2d\u7528\u201c\u540c\u6b65 \u2192 \u5bfc\u5165\u540c\u6b65\u5305\u201d\u5bfc\u5165\u3002", None))
        self.peerLabel.setText(QCoreApplication.translate("SyncExportDialog", u"\u63a5\u6536\u65b9(&R)", None))
        self.fileLabel.setText(QCoreApplication.translate("SyncExportDialog", u"\u4fdd\u5b58\u5230(&F)", None))
        self.browseButton.setText(QCoreApplication.translate("SyncExportDialog", u"\u6d4f\u89c8\u2026", None))
        self.encryptCheck.setText(QCoreApplication.translate("SyncExportDialog", u"\u7528\u5bc6\u7801\u52a0\u5bc6(&E)", None))
        self.passLabel.setText(QCoreApplication.translate("SyncExportDialog", u"\u5bc6\u7801(&P)", None))
        self.pass2Label.setText(QCoreApplication.translate("SyncExportDialog", u"\u518d\u6b21\u8f93\u5165", None))
        self.progressBar.setFormat(QCoreApplication.translate("SyncExportDialog", u"%v / %m \u884c", None))
    # retranslateUi
