"""Opens a binder with its recovery code and sets a new password ("I forgot my password")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from casebook.core.errors import WrongPassword
from casebook.services.binder.session import (
    BinderSession,
    KdfParams,
    check_password_strength,
    recover_binder,
)
from casebook.ui.binder.password_strength import PasswordStrengthWidget
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import WriteOp
from casebook.ui.common.screen_fit import fit_form_to_screen, form_above_buttons
from casebook.ui.common.tasks import TaskFailure


class RecoverDialog(QDialog):
    """Emits `recovered(session)` once the code was accepted and the new password set."""

    recovered = Signal(object)  # BinderSession

    def __init__(
        self, folder: Path, parent: QWidget | None = None, *, kdf: KdfParams | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recover_dialog")
        self.setWindowTitle(self.tr("Forgotten password"))
        self.setMinimumWidth(620)
        self._folder = folder
        self._kdf = kdf
        self._task: WriteOp[BinderSession] | None = None

        heading = QLabel(self.tr("Open the binder with its recovery code"))
        heading.setProperty("role", "subheading")
        intro = QLabel(
            self.tr(
                "Type the recovery code from your emergency kit, then choose a new password. "
                "Dashes and spaces do not matter."
            )
        )
        intro.setWordWrap(True)
        self.code_edit = QLineEdit()
        self.code_edit.setObjectName("recovery_code_edit")
        self.code_edit.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("new_password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("confirm_new_password_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = PasswordStrengthWidget(check_password_strength)
        self.password_edit.textChanged.connect(self.strength.update_for)

        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Recovery code:"), self.code_edit)
        form.addRow(self.tr("New password:"), self.password_edit)
        form.addRow("", self.strength)
        form.addRow(self.tr("New password again:"), self.confirm_edit)

        self.message = MessageBar()
        self.recover_button = QPushButton(self.tr("Set new password and open"))
        self.recover_button.setObjectName("primary_button")
        self.recover_button.clicked.connect(self.start_recovering)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.recover_button)

        form_above_buttons(
            self,
            [heading, intro, form],
            self.message,
            buttons,
            margins=(28, 24, 28, 20),
            spacing=14,
        )
        fit_form_to_screen(self)

    @Slot()
    def start_recovering(self) -> None:
        if self._task is not None:
            return
        code, password = self.code_edit.text(), self.password_edit.text()
        if not self.strength.acceptable:
            self.message.show_error(self.tr("Please choose a stronger new password."))
            return
        if password != self.confirm_edit.text():
            self.message.show_error(self.tr("The two new passwords are not the same."))
            return
        self.message.show_message(self.tr("Checking the code…"))
        self.recover_button.setEnabled(False)
        folder, kdf = self._folder, self._kdf
        self._task = (
            WriteOp(self, None, lambda: recover_binder(folder, code, password, kdf))
            .on_success(self._on_recovered)
            .on_failure(self._on_failed)
            .start()
        )

    def _on_recovered(self, session: BinderSession) -> None:
        self._task = None
        self.recovered.emit(session)
        self.accept()

    def _on_failed(self, failure: TaskFailure) -> None:
        self._task = None
        self.recover_button.setEnabled(True)
        if isinstance(failure.error, WrongPassword):
            self.message.show_error(
                self.tr("That recovery code does not open this binder. Check each character.")
            )
            self.code_edit.setFocus()
        else:
            self.message.show_failure(failure)

    def reject(self) -> None:
        if self._task is None:
            super().reject()
