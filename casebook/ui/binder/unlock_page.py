"""The unlock screen: a password field for one binder, with recovery for a forgotten password.

A wrong password shows an inline message under the field; the field keeps focus and nothing
else on the screen changes. A binder older than its last known state (rolled back) is not
opened: the screen explains it and offers to open a backup instead, or, deliberately, to keep
working with the older copy.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.errors import BinderRolledBack, WrongPassword
from casebook.ui.common import file_dialogs
from casebook.ui.common.error_messages import failure_message
from casebook.ui.common.look import look_as
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import WriteOp
from casebook.ui.common.tasks import TaskFailure

if TYPE_CHECKING:  # the storage layer is loaded by the unlock job, not with the first window
    from casebook.services.binder.session import BinderSession, KdfParams


def _unlock(folder: Path, password: str, accept_rollback: bool) -> BinderSession:
    """Runs on the writer lane: the import of the storage layer happens there too."""
    from casebook.services.binder.session import unlock_binder

    return unlock_binder(folder, password, accept_rollback=accept_rollback)


class UnlockPage(QWidget):
    """Emits `unlocked(session)` or `back_requested` (to choose another binder)."""

    unlocked = Signal(object)  # BinderSession
    back_requested = Signal()
    other_binder_chosen = Signal(Path)  # a backup to open instead of this binder

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
        self._task: WriteOp[BinderSession] | None = None

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
        look_as(self.forgot_button, role="quiet_link")
        self.forgot_button.clicked.connect(self._open_recovery)
        self.back_button = QPushButton(self.tr("Choose another binder"))
        self.back_button.setObjectName("back_button")
        self.back_button.setFlat(True)
        look_as(self.back_button, role="quiet_link")
        self.back_button.clicked.connect(self.back_requested)
        self.open_backup_button = QPushButton(self.tr("Open a backup instead…"))
        self.open_backup_button.setObjectName("open_backup_button")
        self.open_backup_button.clicked.connect(self._choose_backup)
        self.accept_older_button = QPushButton(self.tr("Keep working with this older copy"))
        self.accept_older_button.setObjectName("accept_older_button")
        self.accept_older_button.clicked.connect(self.accept_older_copy)
        self.rollback_actions = QWidget()
        rollback_row = QHBoxLayout(self.rollback_actions)
        rollback_row.setContentsMargins(0, 0, 0, 0)
        rollback_row.addWidget(self.open_backup_button)
        rollback_row.addWidget(self.accept_older_button)
        rollback_row.addStretch(1)
        self.rollback_actions.hide()

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
        column.addWidget(self.rollback_actions)
        column.addLayout(links)
        column.addStretch(2)

        outer = QHBoxLayout(self)
        outer.setContentsMargins(48, 40, 48, 40)
        outer.addStretch(1)
        outer.addLayout(column, 3)
        outer.addStretch(1)
        self.setFocusProxy(self.password_edit)

    @Slot()
    def start_unlocking(self, *, accept_rollback: bool = False) -> None:
        password = self.password_edit.text()
        if self._task is not None:
            return
        if not password:
            self.error.show_error(self.tr("Please type the binder's password."))
            self.password_edit.setFocus()
            return
        self.error.clear()
        self.rollback_actions.hide()
        self.unlock_button.setEnabled(False)
        self.unlock_button.setText(self.tr("Unlocking…"))
        folder = self.folder

        self._task = (
            WriteOp(self, None, lambda: _unlock(folder, password, accept_rollback))
            .on_success(self._on_unlocked)
            .on_failure(self._on_failed)
            .start()
        )

    def _finish_attempt(self) -> None:
        self._task = None
        self.unlock_button.setEnabled(True)
        self.unlock_button.setText(self.tr("Unlock"))

    def _on_unlocked(self, session: BinderSession) -> None:
        # The button keeps saying "Unlocking…" (and Enter does nothing) until the window
        # replaces this screen with the binder, once the binder's first read is back.
        self.password_edit.clear()
        self.unlocked.emit(session)

    def _on_failed(self, failure: TaskFailure) -> None:
        self._finish_attempt()
        if isinstance(failure.error, WrongPassword):
            self.error.show_error(
                self.tr("That password is not right. Check Caps Lock and try again.")
            )
        elif isinstance(failure.error, BinderRolledBack):
            self.error.show_error(failure_message(failure.error))
            self.rollback_actions.show()
            self.open_backup_button.setFocus()
            return
        else:
            self.error.show_error(failure_message(failure.error))
        self.password_edit.selectAll()
        self.password_edit.setFocus()
        if failure.is_bug:
            failure.show_as_crash()

    @Slot()
    def accept_older_copy(self) -> None:
        """The user chose the older copy over a backup: open it and make it the known state."""
        self.start_unlocking(accept_rollback=True)

    @Slot()
    def _choose_backup(self) -> None:
        folder = file_dialogs.get_existing_directory(
            self, self.tr("Choose the backup folder (named “Casebook backup” and a date)")
        )
        if folder:
            self.other_binder_chosen.emit(Path(folder))

    @Slot()
    def _open_recovery(self) -> None:
        from casebook.ui.binder.recover_dialog import RecoverDialog

        dialog = RecoverDialog(self.folder, self, kdf=self._kdf)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.recovered.connect(self.unlocked)
        dialog.open()
