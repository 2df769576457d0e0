""" "Join a family binder": the invitation file, its code, and this person's own password.

The copy is made in the background (the code's key derivation takes about a second, then the
whole binder is copied), with progress and Cancel; a stopped or failed join leaves nothing
behind. The new binder's recovery code is then shown as for a binder created here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QWidget,
)

from casebook.core.progress import CancelToken, Report
from casebook.services.binder.session import KdfParams, NewBinder, check_password_strength
from casebook.services.sharing.invitations import join
from casebook.ui.binder.create_binder_dialog import binder_folder_name, default_parent_folder
from casebook.ui.binder.password_strength import PasswordStrengthWidget, StrengthResult
from casebook.ui.common import file_dialogs
from casebook.ui.common.job_progress import open_job_progress
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import WriteOp
from casebook.ui.common.screen_fit import fit_form_to_screen, form_above_buttons
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.sharing.invite_dialog import INVITATION_SUFFIX


class JoinDialog(QDialog):
    """Emits `joined(NewBinder)` with the new copy unlocked."""

    joined = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, kdf: KdfParams | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("join_dialog")
        self.setWindowTitle(self.tr("Join a family binder"))
        self.setMinimumWidth(720)
        self._kdf = kdf
        self._task: WriteOp[NewBinder] | None = None
        self._progress: QProgressDialog | None = None
        self._invitation: Path | None = None
        self._parent_folder = default_parent_folder()

        heading = QLabel(self.tr("Join a family binder"))
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "A family member sent you an invitation file and told you a short code. "
                "Casebook makes your own copy of the family's binder on this computer, "
                "encrypted with a password you choose now. After that, “Exchange” keeps your "
                "copy and theirs in step."
            )
        )
        intro.setWordWrap(True)

        self.invitation_label = QLabel(self.tr("No file chosen yet"))
        self.invitation_label.setObjectName("invitation_file_label")
        self.invitation_label.setWordWrap(True)
        choose_file = QPushButton(self.tr("Choose…"))
        choose_file.setObjectName("choose_invitation_button")
        choose_file.clicked.connect(self._choose_invitation)
        file_row = QHBoxLayout()
        file_row.addWidget(self.invitation_label, 1)
        file_row.addWidget(choose_file)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("invitation_code_edit")
        self.code_edit.setPlaceholderText(self.tr("For example 7KQ2-M9XF-3HAB"))
        self.folder_label = QLabel()
        self.folder_label.setObjectName("binder_folder_label")
        self.folder_label.setWordWrap(True)
        choose_folder = QPushButton(self.tr("Change…"))
        choose_folder.setObjectName("choose_folder_button")
        choose_folder.clicked.connect(self._choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(choose_folder)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("confirm_password_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = PasswordStrengthWidget(self._rate)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        form.addRow(self.tr("Invitation file:"), file_row)
        form.addRow(self.tr("Code:"), self.code_edit)
        form.addRow(self.tr("Keep your copy in:"), folder_row)
        form.addRow(self.tr("Your password:"), self.password_edit)
        form.addRow("", self.strength)
        form.addRow(self.tr("Password again:"), self.confirm_edit)

        self.message = MessageBar()
        self.join_button = QPushButton(self.tr("Join"))
        self.join_button.setObjectName("primary_button")
        self.join_button.setDefault(True)
        self.join_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.join_button)

        form_above_buttons(
            self,
            [heading, intro, form],
            self.message,
            buttons,
            margins=(32, 28, 32, 24),
            spacing=16,
        )
        fit_form_to_screen(self)
        for edit in (self.code_edit, self.password_edit, self.confirm_edit):
            edit.textChanged.connect(self._refresh)
        self.password_edit.textChanged.connect(self.strength.update_for)
        self._update_folder_label()
        self._refresh()

    def set_invitation(self, path: Path) -> None:
        self._invitation = path
        self.invitation_label.setText(str(path))
        self._refresh()

    def binder_folder(self) -> Path:
        base = self.tr("Casebook family binder")
        return self._parent_folder / binder_folder_name(base, self._parent_folder)

    def _update_folder_label(self) -> None:
        self.folder_label.setText(str(self.binder_folder()))

    def _rate(self, password: str) -> StrengthResult:
        return check_password_strength(password, ())

    @Slot()
    def _choose_invitation(self) -> None:
        name_filter = self.tr("Casebook invitations (*{suffix});;All files (*)").format(
            suffix=INVITATION_SUFFIX
        )
        chosen, _filter = file_dialogs.get_open_file_name(
            self, self.tr("Choose the invitation file"), "", name_filter
        )
        if chosen:
            self.set_invitation(Path(chosen))

    @Slot()
    def _choose_folder(self) -> None:
        chosen = file_dialogs.get_existing_directory(
            self, self.tr("Where should your copy be kept?"), str(self._parent_folder)
        )
        if chosen:
            self._parent_folder = Path(chosen)
            self._update_folder_label()

    @Slot()
    def _refresh(self) -> None:
        password = self.password_edit.text()
        ready = (
            self._invitation is not None
            and len(self.code_edit.text().strip()) >= 12
            and self.strength.acceptable
            and password == self.confirm_edit.text()
            and self._task is None
        )
        self.join_button.setEnabled(ready)

    @Slot()
    def start(self) -> None:
        self.strength.update_for(self.password_edit.text())
        self._refresh()
        if not self.join_button.isEnabled() or self._invitation is None:
            return
        invitation, code = self._invitation, self.code_edit.text()
        folder, password, kdf = self.binder_folder(), self.password_edit.text(), self._kdf

        def job(report: Report, cancel: CancelToken) -> NewBinder:
            return join(invitation, code, folder, password, report, cancel, kdf=kdf)

        title = self.tr("Joining the family binder")
        self._progress = open_job_progress(
            self, "join_progress_dialog", title, self.tr("Opening the invitation and copying…")
        )
        self._progress.setRange(0, 0)  # how much there is shows only once the file is open
        task: WriteOp[NewBinder] = WriteOp.with_progress(self, None, job)
        self._progress.canceled.connect(task.cancel)
        self._task = (
            task.on_success(self._joined).on_failure(self._failed).on_cancel(self._stopped).start()
        )
        self._refresh()

    def _close_progress(self) -> None:
        self._task = None
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self._refresh()

    def _joined(self, new_binder: NewBinder) -> None:
        self._close_progress()
        self.joined.emit(new_binder)
        self.accept()

    def _failed(self, failure: TaskFailure) -> None:
        self._close_progress()
        self.message.show_failure(failure)

    def _stopped(self) -> None:
        self._close_progress()
        self.message.show_message(self.tr("Stopped: nothing was made."))

    def reject(self) -> None:
        if self._task is None:
            super().reject()
