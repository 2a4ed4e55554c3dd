# GENERATED from forms/backup_section.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QSpinBox, QTableView, QVBoxLayout, QWidget)

class Ui_BackupSection(object):
    def setupUi(self, BackupSection):
        if not BackupSection.objectName():
            BackupSection.setObjectName(u"BackupSection")
        self.sectionLayout = QVBoxLayout(BackupSection)
        self.sectionLayout.setSpacing(8)
        self.sectionLayout.setObjectName(u"sectionLayout")
        self.introLabel = QLabel(BackupSection)
        self.introLabel.setObjectName(u"introLabel")
        self.introLabel.setText(u"")
        self.introLabel.setWordWrap(True)
        self.introLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.sectionLayout.addWidget(self.introLabel)

        self.backupsView = QTableView(BackupSection)
        self.backupsView.setObjectName(u"backupsView")
        self.backupsView.setMinimumSize(QSize(0, 220))

        self.sectionLayout.addWidget(self.backupsView)

        self.buttonsRow = QHBoxLayout()
        self.buttonsRow.setObjectName(u"buttonsRow")
        self.backupButton = QPushButton(BackupSection)
        self.backupButton.setObjectName(u"backupButton")

        self.buttonsRow.addWidget(self.backupButton)

        self.restoreButton = QPushButton(BackupSection)
        self.restoreButton.setObjectName(u"restoreButton")

        self.buttonsRow.addWidget(self.restoreButton)

        self.restoreFileButton = QPushButton(BackupSection)
        self.restoreFileButton.setObjectName(u"restoreFileButton")

        self.buttonsRow.addWidget(self.restoreFileButton)

        self.openFolderButton = QPushButton(BackupSection)
        self.openFolderButton.setObjectName(u"openFolderButton")

        self.buttonsRow.addWidget(self.openFolderButton)

        self.buttonsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonsRow.addItem(self.buttonsSpacer)


        self.sectionLayout.addLayout(self.buttonsRow)

        self.rotationRow = QHBoxLayout()
        self.rotationRow.setObjectName(u"rotationRow")
        self.dailyLabel = QLabel(BackupSection)
        self.dailyLabel.setObjectName(u"dailyLabel")

        self.rotationRow.addWidget(self.dailyLabel)

        self.dailySpin = QSpinBox(BackupSection)
        self.dailySpin.setObjectName(u"dailySpin")

        self.rotationRow.addWidget(self.dailySpin)

        self.weeklyLabel = QLabel(BackupSection)
        self.weeklyLabel.setObjectName(u"weeklyLabel")

        self.rotationRow.addWidget(self.weeklyLabel)

        self.weeklySpin = QSpinBox(BackupSection)
        self.weeklySpin.setObjectName(u"weeklySpin")

        self.rotationRow.addWidget(self.weeklySpin)

        self.rotationSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.rotationRow.addItem(self.rotationSpacer)


        self.sectionLayout.addLayout(self.rotationRow)

        self.statusLabel = QLabel(BackupSection)
        self.statusLabel.setObjectName(u"statusLabel")
        self.statusLabel.setText(u"")
        self.statusLabel.setWordWrap(True)

        self.sectionLayout.addWidget(self.statusLabel)

#if QT_CONFIG(shortcut)
        self.dailyLabel.setBuddy(self.dailySpin)
        self.weeklyLabel.setBuddy(self.weeklySpin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(BackupSection)

        QMetaObject.connectSlotsByName(BackupSection)
    # setupUi

    def retranslateUi(self, BackupSection):
        BackupSection.setTitle(QCoreApplication.translate("BackupSection", u"\u5907\u4efd\u4e0e\u6062\u590d", None))
        self.backupButton.setText(QCoreApplication.translate("BackupSection", u"\u7acb\u5373\u5907\u4efd(&B)", None))
        self.restoreButton.setText(QCoreApplication.translate("BackupSection", u"\u4ece\u9009\u4e2d\u7684\u5907\u4efd\u6062\u590d(&R)\u2026", None))
        self.restoreFileButton.setText(QCoreApplication.translate("BackupSection", u"\u4ece\u6587\u4ef6\u6062\u590d\u2026", None))
        self.openFolderButton.setText(QCoreApplication.translate("BackupSection", u"\u6253\u5f00\u5907\u4efd\u6587\u4ef6\u5939", None))
        self.dailyLabel.setText(QCoreApplication.translate("BackupSection", u"\u4fdd\u7559\u6bcf\u65e5\u5907\u4efd", None))
        self.dailySpin.setSuffix(QCoreApplication.translate("BackupSection", u" \u5929", None))
        self.weeklyLabel.setText(QCoreApplication.translate("BackupSection", u"\u53e6\u4fdd\u7559\u6bcf\u5468\u5907\u4efd", None))
        self.weeklySpin.setSuffix(QCoreApplication.translate("BackupSection", u" \u5468", None))
    # retranslateUi
