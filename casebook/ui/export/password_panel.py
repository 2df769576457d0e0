"""The last step of the export: the generated password, shown this once, and the parts.

The password is large, copyable and printable on the cover sheet, with a plain instruction to
send it by a different channel than the bundle. Casebook never stores it: `clear()` (Finish,
or leaving the page) drops it for good. Each part is listed with its SHA-256 in groups.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
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
from casebook.services import clock
from casebook.services.export.sealing import ExportRequest, ExportResult
from casebook.services.export.wizard import cover_sheet_pdf
from casebook.ui.common.labels import format_size
from casebook.ui.common.look import BASE_POINT_SIZE, look_as
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.pdf_output import PdfOutput, PrintControls
from casebook.ui.common.secret_clipboard import SecretClipboard, secret_clipboard


class PasswordPanel(QWidget):
    """Shows one export's result; `finished` once the user confirms the password is saved."""

    finished = Signal()

    def __init__(
        self, parent: QWidget | None = None, clipboard: SecretClipboard | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_password_panel")
        # Marked secret for clipboard managers, cleared after a minute and on lock.
        self._clipboard = clipboard or secret_clipboard()
        self._request: ExportRequest | None = None
        self._result: ExportResult | None = None
        self._today = clock.today()

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
        look_as(self.password_label, role="code")
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
        # The cover sheet is in the summary's language(s), chosen for the hospital.
        self.print_controls = PrintControls(
            self.tr("the cover sheet"),
            "cover_sheet",
            languages=None,
            print_text=self.tr("Print cover sheet…"),
        )
        self.print_controls.save_button.setText(self.tr("Save cover sheet as PDF…"))
        self.print_button = self.print_controls.print_button
        self.save_button = self.print_controls.save_button
        self.print_bar = MessageBar()
        self.print_bar.setObjectName("cover_sheet_bar")
        self.pdf = PdfOutput(self, self.print_bar, self._cover_sheet_job, self._cover_sheet_name)
        self.pdf.serve(self.print_controls)
        self.action_label = QLabel()
        self.action_label.setObjectName("password_action_label")
        self.action_label.setProperty("role", "hint")
        self.pdf.saved.connect(
            lambda _path: self.action_label.setText(
                self.tr("Saved. Keep it apart from the bundle.")
            )
        )
        actions = QHBoxLayout()
        actions.setSpacing(10)
        actions.addWidget(self.copy_button)
        actions.addWidget(self.print_controls)
        actions.addWidget(self.action_label, 1)

        parts_heading = QLabel(self.tr("Files to send"))
        parts_heading.setProperty("role", "subheading")
        self.parts_tree = QTreeWidget()
        self.parts_tree.setObjectName("parts_tree")
        self.parts_tree.setAccessibleName(self.tr("Files to send"))
        self.parts_tree.setRootIsDecorated(False)
        self.parts_tree.setAlternatingRowColors(True)
        self.parts_tree.setHeaderLabels([self.tr("File"), self.tr("Size"), self.tr("SHA-256")])
        look_as(self.parts_tree, rows="compact")
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
        self.finish_button = QPushButton(self.tr("Next: how to send it"))
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
        layout.addWidget(self.print_bar)
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
        self.print_bar.clear()
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
        """Forget the password (it is never shown again), also from the clipboard."""
        if self._result is not None:
            self._clipboard.clear()
        self._request = self._result = None
        self.password_label.clear()
        self.parts_tree.clear()
        self.folder_label.clear()

    @Slot()
    def copy_password(self) -> None:
        if self._result is not None:
            self._clipboard.copy(self._result.password)
            self.action_label.setText(
                self.tr(
                    "Copied. Paste it where you will send it from: Casebook removes it from "
                    "the clipboard after a minute."
                )
            )

    def cover_sheet(self) -> bytes:
        """The cover sheet PDF in the summary's language(s), built in memory."""
        return self._cover_sheet_job("")()

    def _cover_sheet_job(self, _language: str) -> Callable[[], bytes]:
        assert self._request is not None
        assert self._result is not None
        request, result = self._request, self._result
        return functools.partial(
            cover_sheet_pdf, request, result, self._today, request.summary_language
        )

    def _cover_sheet_name(self) -> str:
        return self.tr("Bundle password {date}.pdf").format(date=self._today)

    @Slot()
    def _finish(self) -> None:
        self.clear()
        self.finished.emit()
