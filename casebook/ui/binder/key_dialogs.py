"""The two dialogs that ask before the binder's keys change: re-encrypt, or a new recovery code.

Both check the current password first (in the background: the check takes about a second), so
a typing mistake is answered inside the dialog and nothing has been closed or changed yet.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal, Slot
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
from casebook.services.binder.rekeying import verify_password
from casebook.services.binder.session import BinderSession, check_password_strength
from casebook.ui.binder.password_strength import PasswordStrengthWidget
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import WriteOp
from casebook.ui.common.screen_fit import fit_form_to_screen, form_above_buttons
from casebook.ui.common.tasks import TaskFailure


def _tr(text: str) -> str:
    # A fixed context: `self.tr` in a base class would look the text up under the subclass.
    return QCoreApplication.translate("KeyDialogs", text)


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class _PasswordCheckingDialog(QDialog):
    """Shared: a message bar, Cancel + a primary button, and the background password check."""

    def __init__(self, session: BinderSession, parent: QWidget | None) -> None:
        super().__init__(parent)
        self._session = session
        self._task: WriteOp[None] | None = None
        self.message = MessageBar()
        self.message.setObjectName("key_dialog_message")
        self.current_edit = _password_edit("current_password_edit")
        self.primary_button = QPushButton()
        self.primary_button.setObjectName("primary_button")
        self.primary_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(_tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.primary_button)
        return row

    def _ready(self) -> bool:
        """Field checks before the password check; False shows its own message."""
        return True

    @Slot()
    def start(self) -> None:
        if self._task is not None or not self._ready():
            return
        password, session = self.current_edit.text(), self._session
        if not password:
            self.message.show_error(_tr("Please type the binder's current password."))
            self.current_edit.setFocus()
            return
        self.message.show_message(_tr("Checking the password…"))
        self.primary_button.setEnabled(False)
        self._task = (
            # On the writer lane, behind any write still queued (it only reads the key slots).
            WriteOp(self, None, lambda: verify_password(session, password))
            .on_success(lambda _none: self._checked())
            .on_failure(self._failed)
            .start()
        )

    def _checked(self) -> None:
        self._task = None
        self.primary_button.setEnabled(True)
        self.message.clear()
        self._confirm()
        self.accept()

    def _confirm(self) -> None:
        raise NotImplementedError

    def _failed(self, failure: TaskFailure) -> None:
        self._task = None
        self.primary_button.setEnabled(True)
        if isinstance(failure.error, WrongPassword):
            self.message.show_error(
                _tr("That password is not right. Check Caps Lock and try again.")
            )
            self.current_edit.selectAll()
            self.current_edit.setFocus()
        else:
            self.message.show_failure(failure)

    def reject(self) -> None:
        if self._task is None:
            super().reject()


class RekeyDialog(_PasswordCheckingDialog):
    """Explains re-encryption and asks for the current and the new password.

    Emits `confirmed(current, new)` once the current password was checked.
    """

    confirmed = Signal(str, str)

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("rekey_dialog")
        self.setWindowTitle(self.tr("Re-encrypt the binder"))
        self.setMinimumWidth(640)
        heading = QLabel(self.tr("Re-encrypt the binder with a new key"))
        heading.setProperty("role", "subheading")
        intro = QLabel(
            self.tr(
                "Do this if someone may know the password or the recovery code, or if this "
                "computer or a copy of the binder was lost or stolen. Casebook locks the binder "
                "with a completely new key: old copies of its key file, the old password and "
                "the old recovery code will no longer open it.\n\n"
                "You will get a new recovery code to write down. Your backups keep their own "
                "password. This takes about as long as a backup; you can keep using the binder "
                "afterwards."
            )
        )
        intro.setWordWrap(True)
        self.new_edit = _password_edit("new_password_edit")
        self.confirm_edit = _password_edit("confirm_new_password_edit")
        self.strength = PasswordStrengthWidget(check_password_strength)
        self.new_edit.textChanged.connect(self.strength.update_for)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.addRow(self.tr("Current password:"), self.current_edit)
        form.addRow(self.tr("New password:"), self.new_edit)
        form.addRow("", self.strength)
        form.addRow(self.tr("New password again:"), self.confirm_edit)
        self.primary_button.setText(self.tr("Re-encrypt"))

        form_above_buttons(
            self, [heading, intro, form], self.message, self._buttons(),
            margins=(28, 24, 28, 20), spacing=14,
        )  # fmt: skip
        fit_form_to_screen(self)

    def _ready(self) -> bool:
        if not self.strength.acceptable:
            self.message.show_error(self.tr("Please choose a stronger new password."))
            self.new_edit.setFocus()
            return False
        if self.new_edit.text() != self.confirm_edit.text():
            self.message.show_error(self.tr("The two new passwords are not the same."))
            self.confirm_edit.setFocus()
            return False
        return True

    def _confirm(self) -> None:
        self.confirmed.emit(self.current_edit.text(), self.new_edit.text())


class NewRecoveryCodeDialog(_PasswordCheckingDialog):
    """Asks for the password before making a new recovery code; emits `confirmed(password)`."""

    confirmed = Signal(str)

    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.setObjectName("new_recovery_code_dialog")
        self.setWindowTitle(self.tr("New recovery code"))
        self.setMinimumWidth(600)
        heading = QLabel(self.tr("Make a new recovery code"))
        heading.setProperty("role", "subheading")
        intro = QLabel(
            self.tr(
                "Do this if your recovery code was lost, or someone else may have seen it. The "
                "old code stops working at once, so throw away the old emergency kit after you "
                "have written down the new code."
            )
        )
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Password:"), self.current_edit)
        self.primary_button.setText(self.tr("Make a new code"))

        form_above_buttons(
            self, [heading, intro, form], self.message, self._buttons(),
            margins=(28, 24, 28, 20), spacing=14,
        )  # fmt: skip
        fit_form_to_screen(self)

    def _confirm(self) -> None:
        self.confirmed.emit(self.current_edit.text())
