"""The last step of the export: the generated password, shown this once, and the parts.

The password is large, copyable and printable on the cover sheet, with a plain instruction to
send it by a different channel than the bundle. Casebook never stores it: `clear()` (Finish,
or leaving the page) drops it for good. Each part is listed with its SHA-256 in groups.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QRectF, Qt, Signal, Slot
from PySide6.QtGui import QFont, QGuiApplication, QImage, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from casebook.bundle.cover_sheet import group_hash
from casebook.services.export import ExportRequest, ExportResult
from casebook.services.export_wizard import cover_sheet_pages, cover_sheet_pdf
from casebook.ui.labels import format_size
from casebook.ui.look import BASE_POINT_SIZE
from casebook.ui.widgets.message_bar import MessageBar


def print_pdf_pages(printer: QPrinter, pdf: bytes) -> None:
    """Paint each page of `pdf` (rendered by PDFium) onto `printer`, fitted to the paper."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    try:
        for index, pixels in enumerate(cover_sheet_pages(pdf)):
            if index:
                printer.newPage()
            height, width, _ = pixels.shape
            image = QImage(pixels.tobytes(), width, height, 3 * width, QImage.Format.Format_RGB888)
            page = QRectF(painter.viewport())
            scale = min(page.width() / width, page.height() / height)
            target = QRectF(0, 0, width * scale, height * scale)
            painter.drawImage(target, image)
    finally:
        painter.end()


class PasswordPanel(QWidget):
    """Shows one export's result; `finished` once the user confirms the password is saved."""

    finished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("export_password_panel")
        self._request: ExportRequest | None = None
        self._result: ExportResult | None = None
        self._today = date.today()

        heading = QLabel(self.tr("The bundle is sealed"))
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "Nobody can open it without this password. Casebook shows it only now and does "
                "not keep it."
            )
        )
        intro.setWordWrap(True)
        self.password_label = QLabel()
        self.password_label.setObjectName("bundle_password_label")
        self.password_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(26)
        font.setBold(True)
        font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        self.password_label.setFont(font)
        self.password_label.setStyleSheet(
            "QLabel { font-size: 26pt; background: palette(base); border: 2px dashed #8aa5b3;"
            " border-radius: 6px; padding: 18px; }"
        )
        self.channel_bar = MessageBar()
        self.channel_bar.setObjectName("channel_bar")
        self.channel_bar.show_message(
            self.tr(
                "Send the password by a different way than the bundle: read it over the phone or "
                "send it by text message (SMS). Never put it in the same email, upload or USB "
                "stick as the bundle."
            )
        )

        self.copy_button = QPushButton(self.tr("Copy password"))
        self.copy_button.setObjectName("copy_password_button")
        self.copy_button.clicked.connect(self.copy_password)
        self.print_button = QPushButton(self.tr("Print cover sheet…"))
        self.print_button.setObjectName("print_cover_sheet_button")
        self.print_button.clicked.connect(self._print)
        self.save_button = QPushButton(self.tr("Save cover sheet as PDF…"))
        self.save_button.setObjectName("save_cover_sheet_button")
        self.save_button.clicked.connect(self._choose_save_path)
        self.action_label = QLabel()
        self.action_label.setObjectName("password_action_label")
        self.action_label.setProperty("role", "hint")
        actions = QHBoxLayout()
        actions.setSpacing(10)
        for button in (self.copy_button, self.print_button, self.save_button):
            actions.addWidget(button)
        actions.addWidget(self.action_label, 1)

        parts_heading = QLabel(self.tr("Files to send"))
        parts_heading.setProperty("role", "subheading")
        self.parts_tree = QTreeWidget()
        self.parts_tree.setObjectName("parts_tree")
        self.parts_tree.setAccessibleName(self.tr("Files to send"))
        self.parts_tree.setRootIsDecorated(False)
        self.parts_tree.setAlternatingRowColors(True)
        self.parts_tree.setHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("SHA-256")])
        self.parts_tree.setStyleSheet("QTreeWidget::item { padding: 4px 6px; }")
        self._hash_font = QFont("DejaVu Sans Mono")
        self._hash_font.setStyleHint(QFont.StyleHint.Monospace)
        self._hash_font.setPointSizeF(BASE_POINT_SIZE)
        header = self.parts_tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.folder_label = QLabel()
        self.folder_label.setObjectName("parts_folder_label")
        self.folder_label.setProperty("role", "hint")
        self.folder_label.setWordWrap(True)
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.saved_check = QCheckBox(self.tr("I have saved the password or written it down"))
        self.saved_check.setObjectName("password_saved_check")
        self.finish_button = QPushButton(self.tr("Finish"))
        self.finish_button.setObjectName("primary_button")
        self.finish_button.setEnabled(False)
        self.saved_check.toggled.connect(self.finish_button.setEnabled)
        self.finish_button.clicked.connect(self._finish)
        bottom = QHBoxLayout()
        bottom.addWidget(self.saved_check)
        bottom.addStretch(1)
        bottom.addWidget(self.finish_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.password_label)
        layout.addLayout(actions)
        layout.addWidget(self.channel_bar)
        layout.addSpacing(6)
        layout.addWidget(parts_heading)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.parts_tree, 1)
        layout.addLayout(bottom)

    def show_result(self, request: ExportRequest, result: ExportResult, today: date) -> None:
        self._request, self._result, self._today = request, result, today
        self.password_label.setText(result.password)
        self.saved_check.setChecked(False)
        self.action_label.clear()
        self.parts_tree.clear()
        for part in result.bundle.parts:
            item = QTreeWidgetItem(
                [part.path.name, format_size(part.size), "\n".join(group_hash(part.sha256))]
            )
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setFont(2, self._hash_font)
            item.setToolTip(2, part.sha256)
            self.parts_tree.addTopLevelItem(item)
        if result.bundle.parts:
            self.folder_label.setText(
                self.tr("In the folder {folder}").format(folder=result.bundle.parts[0].path.parent)
            )

    def password(self) -> str:
        return self._result.password if self._result is not None else ""

    def clear(self) -> None:
        """Forget the password (it is never shown again)."""
        self._request = self._result = None
        self.password_label.clear()
        self.parts_tree.clear()
        self.folder_label.clear()

    @Slot()
    def copy_password(self) -> None:
        if self._result is not None:
            QGuiApplication.clipboard().setText(self._result.password)
            self.action_label.setText(self.tr("Copied. Paste it where you will send it from."))

    def cover_sheet(self) -> bytes:
        """The cover sheet PDF in the summary's language(s), built in memory."""
        assert self._request is not None
        assert self._result is not None
        language = self._request.summary_language
        return cover_sheet_pdf(self._request, self._result, self._today, language)

    def save_cover_sheet(self, path: Path) -> None:
        path.write_bytes(self.cover_sheet())
        self.action_label.setText(self.tr("Saved. Keep it apart from the bundle."))

    @Slot()
    def _choose_save_path(self) -> None:
        if self._result is None:
            return
        name, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the cover sheet"),
            str(Path.home() / self.tr("Bundle password {date}.pdf").format(date=self._today)),
            self.tr("PDF files (*.pdf)"),
        )
        if name:
            self.save_cover_sheet(Path(name))

    @Slot()
    def _print(self) -> None:
        if self._result is None:
            return
        pdf = self.cover_sheet()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.accepted.connect(lambda: print_pdf_pages(printer, pdf))
        dialog.show()

    @Slot()
    def _finish(self) -> None:
        self.clear()
        self.finished.emit()
