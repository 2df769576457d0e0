""" "Save a copy…" and "Open with another program": each warns that the copy is not encrypted.

The warning comes first and is explicit; the file writing is `services.outside_copies`, run in a
background job. Opened copies are removed when the binder is locked or the app exits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from casebook.core.model import Document
from casebook.services.binder.session import BinderSession
from casebook.services.records.outside_copies import (
    open_externally,
    outside_file_name,
    save_copy,
)
from casebook.ui.common import file_dialogs
from casebook.ui.common.error_messages import failure_message
from casebook.ui.common.ops import ReadOp
from casebook.ui.common.tasks import TaskFailure

UrlOpener = Callable[[QUrl], bool]


class OutsideCopyFlow(QObject):
    """Signals report the outcome so the viewer can say it next to the buttons."""

    copy_saved = Signal(Path)
    copy_opened = Signal(Path)
    failed = Signal(str)

    def __init__(
        self,
        session: BinderSession,
        document: Document,
        window: QWidget,
        open_url: UrlOpener = QDesktopServices.openUrl,
    ) -> None:
        super().__init__(window)
        self._session = session
        self._document = document
        self._window = window
        self._open_url = open_url

    def _warn(self, title: str, text: str, go: str, then: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Cancel, self._window
        )
        box.setObjectName("outside_copy_warning")
        proceed = box.addButton(go, QMessageBox.ButtonRole.AcceptRole)
        proceed.setObjectName("outside_copy_proceed")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        proceed.clicked.connect(then)
        box.open()
        return box

    def ask_to_save(self) -> QMessageBox:
        return self._warn(
            self.tr("Save an unencrypted copy?"),
            self.tr(
                "The copy will NOT be encrypted. Anyone who can open the place where you save "
                "it can read it. Only save it somewhere you trust, and delete it when you no "
                "longer need it."
            ),
            self.tr("Save unencrypted copy…"),
            self._choose_destination,
        )

    def _choose_destination(self) -> None:
        dialog = file_dialogs.new_save_dialog(self._window, self.tr("Save an unencrypted copy"))
        dialog.setObjectName("save_copy_file_dialog")
        dialog.selectFile(outside_file_name(self._document))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.fileSelected.connect(lambda name: self.save_to(Path(name)))
        dialog.open()

    def save_to(self, destination: Path) -> None:
        session, document = self._session, self._document
        ReadOp(self, lambda: save_copy(session, document, destination)).on_success(
            self.copy_saved.emit
        ).on_failure(self._on_failed).start()

    def ask_to_open(self) -> QMessageBox:
        return self._warn(
            self.tr("Open in another program?"),
            self.tr(
                "To open the document in another program, Casebook has to put an unencrypted "
                "copy on this computer. It is deleted when you lock the binder or quit "
                "Casebook, but the other program may keep its own copy or a recent-files entry."
            ),
            self.tr("Open unencrypted copy"),
            self.open_now,
        )

    def open_now(self) -> None:
        session, document = self._session, self._document
        ReadOp(self, lambda: open_externally(session, document)).on_success(
            self._launch
        ).on_failure(self._on_failed).start()

    def _launch(self, path: Path) -> None:
        if self._open_url(QUrl.fromLocalFile(str(path))):
            self.copy_opened.emit(path)
        else:
            self.failed.emit(self.tr("No program on this computer could open this file."))

    def _on_failed(self, failure: TaskFailure) -> None:
        if failure.is_bug:
            failure.show_as_crash()
        self.failed.emit(failure_message(failure.error))
