# GENERATED from forms/import_wizard.ui by `python -m jianan_desk.ui.compile_forms`. Do not edit.

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDialog, QFormLayout, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QProgressBar, QPushButton,
    QScrollArea, QSizePolicy, QSpacerItem, QStackedWidget,
    QTableView, QVBoxLayout, QWidget)

class Ui_ImportWizard(object):
    def setupUi(self, ImportWizard):
        if not ImportWizard.objectName():
            ImportWizard.setObjectName(u"ImportWizard")
        ImportWizard.resize(880, 600)
        ImportWizard.setSizeGripEnabled(True)
        self.dialogLayout = QVBoxLayout(ImportWizard)
        self.dialogLayout.setSpacing(10)
        self.dialogLayout.setObjectName(u"dialogLayout")
        self.dialogLayout.setContentsMargins(20, 16, 20, 14)
        self.stepLabel = QLabel(ImportWizard)
        self.stepLabel.setObjectName(u"stepLabel")
        self.stepLabel.setText(u"\u2014")

        self.dialogLayout.addWidget(self.stepLabel)

        self.steps = QStackedWidget(ImportWizard)
        self.steps.setObjectName(u"steps")
        self.fileStep = QWidget()
        self.fileStep.setObjectName(u"fileStep")
        self.fileStepLayout = QVBoxLayout(self.fileStep)
        self.fileStepLayout.setObjectName(u"fileStepLayout")
        self.fileForm = QFormLayout()
        self.fileForm.setObjectName(u"fileForm")
        self.fileForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.fileLabel = QLabel(self.fileStep)
        self.fileLabel.setObjectName(u"fileLabel")

        self.fileForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.fileLabel)

        self.fileRow = QHBoxLayout()
        self.fileRow.setObjectName(u"fileRow")
        self.fileEdit = QLineEdit(self.fileStep)
        self.fileEdit.setObjectName(u"fileEdit")

        self.fileRow.addWidget(self.fileEdit)

        self.browseButton = QPushButton(self.fileStep)
        self.browseButton.setObjectName(u"browseButton")

        self.fileRow.addWidget(self.browseButton)


        self.fileForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.fileRow)

        self.kindLabel = QLabel(self.fileStep)
        self.kindLabel.setObjectName(u"kindLabel")

        self.fileForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kindLabel)

        self.kindCombo = QComboBox(self.fileStep)
        self.kindCombo.setObjectName(u"kindCombo")

        self.fileForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kindCombo)

        self.sheetLabel = QLabel(self.fileStep)
        self.sheetLabel.setObjectName(u"sheetLabel")

        self.fileForm.setWidget(2, QFormLayout.ItemRole.LabelRole, self.sheetLabel)

        self.sheetCombo = QComboBox(self.fileStep)
        self.sheetCombo.setObjectName(u"sheetCombo")

        self.fileForm.setWidget(2, QFormLayout.ItemRole.FieldRole, self.sheetCombo)


        self.fileStepLayout.addLayout(self.fileForm)

        self.fileInfoLabel = QLabel(self.fileStep)
        self.fileInfoLabel.setObjectName(u"fileInfoLabel")
        self.fileInfoLabel.setWordWrap(True)

        self.fileStepLayout.addWidget(self.fileInfoLabel)

        self.fileSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.fileStepLayout.addItem(self.fileSpacer)

        self.steps.addWidget(self.fileStep)
        self.mappingStep = QWidget()
        self.mappingStep.setObjectName(u"mappingStep")
        self.mappingStepLayout = QVBoxLayout(self.mappingStep)
        self.mappingStepLayout.setObjectName(u"mappingStepLayout")
        self.mappingInfoLabel = QLabel(self.mappingStep)
        self.mappingInfoLabel.setObjectName(u"mappingInfoLabel")
        self.mappingInfoLabel.setText(u"\u2014")
        self.mappingInfoLabel.setWordWrap(True)

        self.mappingStepLayout.addWidget(self.mappingInfoLabel)

        self.mappingArea = QScrollArea(self.mappingStep)
        self.mappingArea.setObjectName(u"mappingArea")
        self.mappingArea.setWidgetResizable(True)
        self.mappingContents = QWidget()
        self.mappingContents.setObjectName(u"mappingContents")
        self.mappingForm = QFormLayout(self.mappingContents)
        self.mappingForm.setObjectName(u"mappingForm")
        self.mappingForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.mappingArea.setWidget(self.mappingContents)

        self.mappingStepLayout.addWidget(self.mappingArea)

        self.steps.addWidget(self.mappingStep)
        self.previewStep = QWidget()
        self.previewStep.setObjectName(u"previewStep")
        self.previewStepLayout = QVBoxLayout(self.previewStep)
        self.previewStepLayout.setObjectName(u"previewStepLayout")
        self.summaryLabel = QLabel(self.previewStep)
        self.summaryLabel.setObjectName(u"summaryLabel")
        self.summaryLabel.setText(u"\u2014")
        self.summaryLabel.setWordWrap(True)

        self.previewStepLayout.addWidget(self.summaryLabel)

        self.previewView = QTableView(self.previewStep)
        self.previewView.setObjectName(u"previewView")
        self.previewView.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.previewView.setAlternatingRowColors(True)
        self.previewView.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.previewView.setWordWrap(False)

        self.previewStepLayout.addWidget(self.previewView)

        self.skipInvalidCheck = QCheckBox(self.previewStep)
        self.skipInvalidCheck.setObjectName(u"skipInvalidCheck")

        self.previewStepLayout.addWidget(self.skipInvalidCheck)

        self.steps.addWidget(self.previewStep)
        self.runStep = QWidget()
        self.runStep.setObjectName(u"runStep")
        self.runStepLayout = QVBoxLayout(self.runStep)
        self.runStepLayout.setObjectName(u"runStepLayout")
        self.runLabel = QLabel(self.runStep)
        self.runLabel.setObjectName(u"runLabel")
        self.runLabel.setText(u"\u2014")
        self.runLabel.setWordWrap(True)

        self.runStepLayout.addWidget(self.runLabel)

        self.progressBar = QProgressBar(self.runStep)
        self.progressBar.setObjectName(u"progressBar")
        self.progressBar.setValue(0)

        self.runStepLayout.addWidget(self.progressBar)

        self.runSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.runStepLayout.addItem(self.runSpacer)

        self.steps.addWidget(self.runStep)
        self.industryStep = QWidget()
        self.industryStep.setObjectName(u"industryStep")
        self.industryStepLayout = QVBoxLayout(self.industryStep)
        self.industryStepLayout.setObjectName(u"industryStepLayout")
        self.industryInfoLabel = QLabel(self.industryStep)
        self.industryInfoLabel.setObjectName(u"industryInfoLabel")
        self.industryInfoLabel.setText(u"\u2014")
        self.industryInfoLabel.setWordWrap(True)

        self.industryStepLayout.addWidget(self.industryInfoLabel)

        self.industryArea = QScrollArea(self.industryStep)
        self.industryArea.setObjectName(u"industryArea")
        self.industryArea.setWidgetResizable(True)
        self.industryContents = QWidget()
        self.industryContents.setObjectName(u"industryContents")
        self.industryForm = QFormLayout(self.industryContents)
        self.industryForm.setObjectName(u"industryForm")
        self.industryForm.setLabelAlignment(Qt.AlignmentFlag.AlignRight|Qt.AlignmentFlag.AlignVCenter)
        self.industryArea.setWidget(self.industryContents)

        self.industryStepLayout.addWidget(self.industryArea)

        self.rememberIndustryCheck = QCheckBox(self.industryStep)
        self.rememberIndustryCheck.setObjectName(u"rememberIndustryCheck")
        self.rememberIndustryCheck.setChecked(True)

        self.industryStepLayout.addWidget(self.rememberIndustryCheck)

        self.steps.addWidget(self.industryStep)

        self.dialogLayout.addWidget(self.steps)

        self.errorLabel = QLabel(ImportWizard)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setText(u"")
        self.errorLabel.setWordWrap(True)

        self.dialogLayout.addWidget(self.errorLabel)

        self.buttonRow = QHBoxLayout()
        self.buttonRow.setObjectName(u"buttonRow")
        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttonRow.addItem(self.buttonSpacer)

        self.backButton = QPushButton(ImportWizard)
        self.backButton.setObjectName(u"backButton")

        self.buttonRow.addWidget(self.backButton)

        self.nextButton = QPushButton(ImportWizard)
        self.nextButton.setObjectName(u"nextButton")

        self.buttonRow.addWidget(self.nextButton)

        self.cancelButton = QPushButton(ImportWizard)
        self.cancelButton.setObjectName(u"cancelButton")

        self.buttonRow.addWidget(self.cancelButton)


        self.dialogLayout.addLayout(self.buttonRow)

#if QT_CONFIG(shortcut)
        self.fileLabel.setBuddy(self.fileEdit)
        self.kindLabel.setBuddy(self.kindCombo)
        self.sheetLabel.setBuddy(self.sheetCombo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportWizard)

        self.nextButton.setDefault(True)


        QMetaObject.connectSlotsByName(ImportWizard)
    # setupUi

    def retranslateUi(self, ImportWizard):
        ImportWizard.setWindowTitle(QCoreApplication.translate("ImportWizard", u"\u5bfc\u5165 Excel", None))
        self.fileLabel.setText(QCoreApplication.translate("ImportWizard", u"\u6587\u4ef6(&F)\uff1a", None))
        self.fileEdit.setPlaceholderText(QCoreApplication.translate("ImportWizard", u"\u9009\u62e9 .xlsx\u3001.xls \u6216 .csv \u6587\u4ef6", None))
        self.browseButton.setText(QCoreApplication.translate("ImportWizard", u"\u6d4f\u89c8(&B)\u2026", None))
        self.kindLabel.setText(QCoreApplication.translate("ImportWizard", u"\u5bfc\u5165\u5185\u5bb9(&K)\uff1a", None))
        self.sheetLabel.setText(QCoreApplication.translate("ImportWizard", u"\u5de5\u4f5c\u8868(&S)\uff1a", None))
        self.fileInfoLabel.setText(QCoreApplication.translate("ImportWizard", u"\u53ef\u5bfc\u5165 Excel\u3001WPS\u3001LibreOffice \u4fdd\u5b58\u7684\u8868\u683c\u548c CSV\uff08UTF-8 \u6216 GBK\uff09\u3002\u8868\u5934\u53ef\u5728\u524d 15 \u884c\u4e2d\u7684\u4efb\u610f\u4e00\u884c\uff0c\u6807\u9898\u884c\u3001\u5408\u8ba1\u884c\u548c\u7a7a\u884c\u4f1a\u88ab\u8df3\u8fc7\u3002", None))
        self.skipInvalidCheck.setText(QCoreApplication.translate("ImportWizard", u"\u8df3\u8fc7\u6709\u9519\u8bef\u7684\u884c\uff0c\u53ea\u5bfc\u5165\u65e0\u8bef\u7684\u884c(&V)\uff08\u9519\u8bef\u884c\u53e6\u5b58\u4e3a\u5de5\u4f5c\u7c3f\uff09", None))
        self.rememberIndustryCheck.setText(QCoreApplication.translate("ImportWizard", u"\u8bb0\u4f4f\u8fd9\u4e9b\u5bf9\u5e94\uff0c\u4e0b\u6b21\u5bfc\u5165\u65f6\u6cbf\u7528(&R)", None))
        self.backButton.setText(QCoreApplication.translate("ImportWizard", u"\u4e0a\u4e00\u6b65", None))
        self.nextButton.setText(QCoreApplication.translate("ImportWizard", u"\u4e0b\u4e00\u6b65", None))
        self.cancelButton.setText(QCoreApplication.translate("ImportWizard", u"\u53d6\u6d88", None))
    # retranslateUi
