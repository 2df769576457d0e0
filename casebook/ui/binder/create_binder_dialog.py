"""The "Create a new binder" dialog: where, for whom, and the password that protects it.

The binder folder gets a neutral, dated name (`Casebook binder 2026-11-22`), never the patient's
name. Creation runs in the background because deriving the key takes about a second.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.model import Case
from casebook.services import clock
from casebook.services.binder.session import (
    KdfParams,
    NewBinder,
    check_password_strength,
    create_binder,
)
from casebook.ui.binder.password_strength import PasswordStrengthWidget, StrengthResult
from casebook.ui.common import file_dialogs
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import WriteOp
from casebook.ui.common.partial_date_edit import PartialDateEdit, first_date_problem
from casebook.ui.common.screen_fit import fit_form_to_screen, scrolling_layout
from casebook.ui.common.tasks import TaskFailure


def default_parent_folder() -> Path:
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents else Path.home()


def binder_folder_name(base: str, parent: Path) -> str:
    """`base`, or `base (2)`, `base (3)`… so that an existing folder is never reused."""
    name, number = base, 2
    while (parent / name).exists() or (parent / (name + ".partial")).exists():
        name = f"{base} ({number})"
        number += 1
    return name


class CreateBinderDialog(QDialog):
    """Collects the case and password; emits `created` with the unlocked binder."""

    created = Signal(object)  # NewBinder

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        parent_folder: Path | None = None,
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("create_binder_dialog")
        self.setWindowTitle(self.tr("Create a new binder"))
        self.setMinimumWidth(720)
        self._kdf = kdf
        self._parent_folder = parent_folder or default_parent_folder()
        self._task: WriteOp[NewBinder] | None = None

        heading = QLabel(self.tr("Create a new binder"))
        heading.setProperty("role", "heading")
        intro = QLabel(
            self.tr(
                "A binder is an encrypted folder that holds one person's medical records. "
                "Only someone with the password can open it. In the next step you will get a "
                "recovery code, in case the password is ever forgotten."
            )
        )
        intro.setWordWrap(True)

        self.folder_label = QLabel()
        self.folder_label.setObjectName("binder_folder_label")
        self.folder_label.setWordWrap(True)
        choose = QPushButton(self.tr("Change…"))
        choose.setObjectName("choose_folder_button")
        choose.clicked.connect(self._choose_parent_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(choose)

        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("patient_name_edit")
        self.name_edit.setPlaceholderText(self.tr("Full name, as on the medical records"))
        self.birth_edit = PartialDateEdit()
        self.birth_edit.setObjectName("date_of_birth_edit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password_edit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm_edit = QLineEdit()
        self.confirm_edit.setObjectName("confirm_password_edit")
        self.confirm_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.strength = PasswordStrengthWidget(self._rate_password)
        self.match_label = QLabel()
        self.match_label.setObjectName("password_match_label")
        self.match_label.setProperty("role", "hint")

        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        form.addRow(self.tr("Binder folder:"), folder_row)
        form.addRow(self.tr("Patient's name:"), self.name_edit)
        form.addRow(self.tr("Date of birth:"), self.birth_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow("", self.strength)
        form.addRow(self.tr("Password again:"), self.confirm_edit)
        form.addRow("", self.match_label)

        self.message = MessageBar()
        self.create_button = QPushButton(self.tr("Create binder"))
        self.create_button.setObjectName("primary_button")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.start_creating)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.create_button)

        body = QVBoxLayout()
        body.setSpacing(16)
        body.addWidget(heading)
        body.addWidget(intro)
        body.addLayout(form)
        body.addWidget(self.message)
        body.addStretch(1)
        # On a short screen the form scrolls; Cancel and Create stay in view below it.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.setSpacing(16)
        layout.addWidget(scrolling_layout(body), 1)
        layout.addLayout(buttons)
        fit_form_to_screen(self)

        for edit in (self.name_edit, self.password_edit, self.confirm_edit):
            edit.textChanged.connect(self._refresh)
        self.password_edit.textChanged.connect(self.strength.update_for)
        self.name_edit.textChanged.connect(
            lambda _text: self.strength.update_for(self.password_edit.text())
        )
        self._update_folder_label()
        self._refresh()
        self.name_edit.setFocus()  # the folder has a good default; the name is what to type

    def binder_folder(self) -> Path:
        base = self.tr("Casebook binder {date}").format(date=clock.today().isoformat())
        return self._parent_folder / binder_folder_name(base, self._parent_folder)

    def _rate_password(self, password: str) -> StrengthResult:
        avoid = tuple(word for word in self.name_edit.text().split() if word)
        return check_password_strength(password, avoid)

    def _update_folder_label(self) -> None:
        self.folder_label.setText(str(self.binder_folder()))

    @Slot()
    def _choose_parent_folder(self) -> None:
        chosen = file_dialogs.get_existing_directory(
            self, self.tr("Where should the binder be kept?"), str(self._parent_folder)
        )
        if chosen:
            self._parent_folder = Path(chosen)
            self._update_folder_label()

    @Slot()
    def _refresh(self) -> None:
        password, confirm = self.password_edit.text(), self.confirm_edit.text()
        if not confirm:
            self.match_label.setText("")
        elif password == confirm:
            self.match_label.setText(self.tr("✓ The two passwords match."))
        else:
            self.match_label.setText(self.tr("✗ The two passwords are not the same yet."))
        ready = (
            bool(self.name_edit.text().strip())
            and self.strength.acceptable
            and password == confirm
            and self._task is None
        )
        self.create_button.setEnabled(ready)

    def _read_case(self) -> Case | None:
        problem = first_date_problem(self.birth_edit)
        if problem is not None:
            self.message.show_error(problem)
            return None
        return Case(
            patient_name=self.name_edit.text().strip(), date_of_birth=self.birth_edit.value()
        )

    @Slot()
    def start_creating(self) -> None:
        """Validate, then create the binder on the writer lane."""
        self.strength.update_for(self.password_edit.text())
        self._refresh()
        if not self.create_button.isEnabled():
            return
        case = self._read_case()
        if case is None:
            return
        folder, password, kdf = self.binder_folder(), self.password_edit.text(), self._kdf
        self.message.show_message(
            self.tr("Creating the binder and protecting it with your password…")
        )
        self._task = (
            WriteOp(self, None, lambda: create_binder(folder, password, case, kdf))
            .on_success(self._on_created)
            .on_failure(self._on_failed)
            .start()
        )
        self._set_busy(True)

    def _set_busy(self, busy: bool) -> None:
        for widget in (self.name_edit, self.birth_edit, self.password_edit, self.confirm_edit):
            widget.setEnabled(not busy)
        self.cancel_button.setEnabled(not busy)
        self._refresh()

    def _on_created(self, new_binder: NewBinder) -> None:
        self._task = None
        self.message.clear()
        self.created.emit(new_binder)
        self.accept()

    def _on_failed(self, failure: TaskFailure) -> None:
        self._task = None
        self._set_busy(False)
        self.message.show_failure(failure)

    def reject(self) -> None:
        if self._task is None:  # the key derivation cannot be interrupted half way
            super().reject()
