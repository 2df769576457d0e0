"""The unlock screen: a password field for one binder, with recovery for a forgotten password.

A wrong password shows an inline message under the field; the field keeps focus and nothing
else on the screen changes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.errors import WrongPassword
from casebook.services.binder import BinderSession, unlock_binder
from casebook.store.keyslots import KdfParams
from casebook.ui.dialogs.recover_dialog import RecoverDialog
from casebook.ui.error_messages import failure_message
from casebook.ui.tasks import BackgroundTask, TaskFailure, writer_pool
from casebook.ui.widgets.message_bar import MessageBar


class UnlockPage(QWidget):
    """Emits `unlocked(session)` or `back_requested` (to choose another binder)."""

    unlocked = Signal(object)  # BinderSession
    back_requested = Signal()

    def __init__(
        self,
        folder: Path,
        parent: QWidget | None = None,
        *,
        demo_password: str | None = None,
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlock_page")
        self.folder = folder
        self._kdf = kdf  # for the new password after recovery (None: calibrate)
        self._task: BackgroundTask[BinderSession] | None = None

        heading = QLabel(self.tr("Unlock the binder"))
        heading.setProperty("role", "heading")
        name = QLabel(folder.name)
        name.setObjectName("unlock_binder_name")
        name.setProperty("role", "subheading")
        where = QLabel(self.tr("in {parent}").format(parent=folder.parent))
        where.setObjectName("unlock_folder_label")
        where.setProperty("role", "hint")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.demo_note = MessageBar()
        self.demo_note.setObjectName("demo_note")
        if demo_password:
            self.demo_note.show_message(
                self.tr("Demo binder — password: {password}").format(password=demo_password)
            )

        self.error = MessageBar()
        self.error.setObjectName("unlock_error")
        prompt = QLabel(self.tr("Password:"))
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("unlock_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_edit.returnPressed.connect(self.start_unlocking)
        self.password_edit.textEdited.connect(lambda _text: self.error.clear())
        prompt.setBuddy(self.password_edit)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("primary_button")
        self.unlock_button.clicked.connect(self.start_unlocking)
        field_row = QHBoxLayout()
        field_row.setSpacing(10)
        field_row.addWidget(self.password_edit, 1)
        field_row.addWidget(self.unlock_button)

        self.forgot_button = QPushButton(self.tr("I forgot my password"))
        self.forgot_button.setObjectName("forgot_password_button")
        self.forgot_button.setFlat(True)
        self.forgot_button.setStyleSheet(
            "QPushButton { color: palette(link); text-decoration: underline; }"
        )
        self.forgot_button.clicked.connect(self._open_recovery)
        self.back_button = QPushButton(self.tr("Choose another binder"))
        self.back_button.setObjectName("back_button")
        self.back_button.setFlat(True)
        self.back_button.setStyleSheet(
            "QPushButton { color: palette(link); text-decoration: underline; }"
        )
        self.back_button.clicked.connect(self.back_requested)
        links = QHBoxLayout()
        links.addWidget(self.forgot_button)
        links.addWidget(self.back_button)
        links.addStretch(1)

        column = QVBoxLayout()
        column.setSpacing(14)
        column.addStretch(1)
        column.addWidget(heading)
        column.addWidget(name)
        column.addWidget(where)
        column.addWidget(self.demo_note)
        column.addSpacing(8)
        column.addWidget(prompt)
        column.addLayout(field_row)
        column.addWidget(self.error)
        column.addLayout(links)
        column.addStretch(2)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        self.setFocusProxy(self.password_edit)

    @Slot()
    def start_unlocking(self) -> None:
        password = self.password_edit.text()
        if self._task is not None:
            return
        if not password:
            self.error.show_error(self.tr("Please type the binder's password."))
            self.password_edit.setFocus()
            return
        self.error.clear()
        self.unlock_button.setEnabled(False)
        self.unlock_button.setText(self.tr("Unlocking…"))
        folder = self.folder
        self._task = (
            BackgroundTask(self, lambda _r, _c: unlock_binder(folder, password))
            .on_success(self._on_unlocked)
            .on_failure(self._on_failed)
            .start(writer_pool())
        )

    def _finish_attempt(self) -> None:
        self._task = None
        self.unlock_button.setEnabled(True)
        self.unlock_button.setText(self.tr("Unlock"))

    def _on_unlocked(self, session: BinderSession) -> None:
        self._finish_attempt()
        self.password_edit.clear()
        self.unlocked.emit(session)

    def _on_failed(self, failure: TaskFailure) -> None:
        self._finish_attempt()
        if isinstance(failure.error, WrongPassword):
            self.error.show_error(
                self.tr("That password is not right. Check Caps Lock and try again.")
            )
        else:
            self.error.show_error(failure_message(failure.error))
        self.password_edit.selectAll()
        self.password_edit.setFocus()
        if failure.is_bug:
            failure.show_as_crash()

    @Slot()
    def _open_recovery(self) -> None:
        dialog = RecoverDialog(self.folder, self, kdf=self._kdf)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recovered.connect(self.unlocked)
        dialog.open()
