""" "Share with a family member": who is invited, then the invitation file and its code.

The code is shown once, large and grouped for reading aloud; it is never stored. The file holds
a full encrypted copy of the binder, so it is written in the background with progress and
Cancel.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casebook.core.progress import CancelToken, Progress, Report
from casebook.services import clock
from casebook.services.binder.session import BinderSession, KdfParams
from casebook.services.sharing.invitations import InvitationMade, invite
from casebook.ui.common import file_dialogs
from casebook.ui.common.job_progress import PROGRESS_STEPS, open_job_progress
from casebook.ui.common.labels import format_timestamp
from casebook.ui.common.look import look_as
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import WriteOp
from casebook.ui.common.screen_fit import fit_form_to_screen
from casebook.ui.common.tasks import TaskFailure

INVITATION_SUFFIX = ".cbi"


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setProperty("role", "heading")
    return label


def _paragraph(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


class InviteDialog(QDialog):
    """Two steps in one window: the form, then the code."""

    def __init__(
        self,
        session: BinderSession,
        my_name: str,
        parent: QWidget | None = None,
        *,
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("invite_dialog")
        self.setWindowTitle(self.tr("Share with a family member"))
        self.setMinimumWidth(700)
        self._session = session
        self._kdf = kdf
        self._task: WriteOp[InvitationMade] | None = None
        self._progress: QProgressDialog | None = None
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        self._folder = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        self.made: InvitationMade | None = None

        self.steps = QStackedWidget()
        self.steps.addWidget(self._form_step(my_name))
        self.steps.addWidget(self._code_step())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 24)
        layout.addWidget(self.steps)
        self._update_file_label()
        self._refresh()
        fit_form_to_screen(self)  # wrapped text included, never past the screen

    # Step 1 ------------------------------------------------------------------------------------

    def _form_step(self, my_name: str) -> QWidget:
        page = QWidget()
        intro = _paragraph(
            self.tr(
                "Your family member gets their own copy of this binder on their computer, "
                "protected by their own password. Afterwards each of you can add and change "
                "things, and “Exchange” brings the changes together — through a folder you "
                "can all reach: a USB stick, an e-mail attachment, or a shared cloud folder."
            )
        )
        self.invitee_edit = QLineEdit()
        self.invitee_edit.setObjectName("invitee_edit")
        self.invitee_edit.setPlaceholderText(self.tr("For example: Wei (son)"))
        self.my_name_edit = QLineEdit(my_name)
        self.my_name_edit.setObjectName("my_name_edit")
        self.my_name_edit.setPlaceholderText(self.tr("For example: Li (daughter)"))
        self.file_label = QLabel()
        self.file_label.setObjectName("invitation_file_label")
        self.file_label.setWordWrap(True)
        # A path wraps onto a second line, which a form row beside a button does not foresee.
        self.file_label.setMinimumHeight(2 * self.file_label.fontMetrics().lineSpacing())
        choose = QPushButton(self.tr("Change…"))
        choose.setObjectName("choose_invitation_file_button")
        choose.clicked.connect(self._choose_file)
        file_row = QHBoxLayout()
        file_row.addWidget(self.file_label, 1)
        file_row.addWidget(choose)
        form = QFormLayout()
        form.setVerticalSpacing(12)
        form.setHorizontalSpacing(16)
        form.addRow(self.tr("Who are you inviting?"), self.invitee_edit)
        form.addRow(self.tr("Your name, as the family sees it:"), self.my_name_edit)
        form.addRow(self.tr("Save the invitation as:"), file_row)
        self.message = MessageBar()
        self.make_button = QPushButton(self.tr("Make the invitation"))
        self.make_button.setObjectName("primary_button")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_button")
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.make_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(_heading(self.tr("Share with a family member")))
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        for edit in (self.invitee_edit, self.my_name_edit):
            edit.textChanged.connect(self._refresh)
        self.invitee_edit.textChanged.connect(self._update_file_label)
        return page

    def invitation_file(self) -> Path:
        who = "".join(ch for ch in self.invitee_edit.text().strip() if ch.isalnum() or ch in " -")
        name = self.tr("Casebook invitation {who} {date}").format(
            who=who.strip(), date=clock.today().isoformat()
        )
        return self._folder / (" ".join(name.split()) + INVITATION_SUFFIX)

    @Slot()
    def _update_file_label(self) -> None:
        self.file_label.setText(str(self.invitation_file()))

    @Slot()
    def _choose_file(self) -> None:
        chosen = file_dialogs.get_existing_directory(
            self, self.tr("Where should the invitation file go?"), str(self._folder)
        )
        if chosen:
            self._folder = Path(chosen)
            self._update_file_label()

    @Slot()
    def _refresh(self) -> None:
        ready = bool(self.invitee_edit.text().strip() and self.my_name_edit.text().strip())
        self.make_button.setEnabled(ready and self._task is None)

    @Slot()
    def start(self) -> None:
        if not self.make_button.isEnabled():
            return
        session, kdf = self._session, self._kdf
        invitee, mine, target = (
            self.invitee_edit.text().strip(),
            self.my_name_edit.text().strip(),
            self.invitation_file(),
        )

        def job(report: Report, cancel: CancelToken) -> InvitationMade:
            return invite(session, invitee, mine, target, report, cancel, kdf=kdf)

        title = self.tr("Making the invitation")
        self._progress = open_job_progress(
            self, "invite_progress_dialog", title, self.tr("Copying the binder, encrypted…")
        )
        task: WriteOp[InvitationMade] = WriteOp.with_progress(self, session, job)
        self._progress.canceled.connect(task.cancel)
        self._task = (
            task.on_progress(self._show_progress)
            .on_success(self._made)
            .on_failure(self._failed)
            .on_cancel(self._stopped)
            .start()
        )
        self._refresh()

    def _show_progress(self, progress: Progress) -> None:
        if self._progress is not None and progress.fraction is not None:
            self._progress.setValue(int(progress.fraction * PROGRESS_STEPS))

    def _close_progress(self) -> None:
        self._task = None
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self._refresh()

    def _failed(self, failure: TaskFailure) -> None:
        self._close_progress()
        self.message.show_failure(failure)

    def _stopped(self) -> None:
        self._close_progress()
        self.message.show_message(self.tr("Stopped: no invitation was made."))

    # Step 2 ------------------------------------------------------------------------------------

    def _code_step(self) -> QWidget:
        page = QWidget()
        self.done_intro = _paragraph("")
        self.done_intro.setObjectName("invitation_done_intro")
        self.code_label = QLabel()
        self.code_label.setObjectName("invitation_code_label")
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont("DejaVu Sans Mono")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSizeF(26)
        font.setBold(True)
        self.code_label.setFont(font)
        self.code_label.setMinimumHeight(84)
        look_as(self.code_label, role="code")
        self.code_advice = _paragraph("")
        self.code_advice.setObjectName("invitation_code_advice")
        done = QPushButton(self.tr("Done"))
        done.setObjectName("primary_button")
        done.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(done)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(16)
        layout.addWidget(_heading(self.tr("The invitation is ready")))
        layout.addWidget(self.done_intro)
        layout.addWidget(self.code_label)
        layout.addWidget(self.code_advice)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _made(self, made: InvitationMade) -> None:
        self._close_progress()
        self.made = made
        who = self.invitee_edit.text().strip()
        expires = format_timestamp(made.expires_at.isoformat())
        self.done_intro.setText(
            self.tr(
                "Send this file to {who} — on a USB stick, by e-mail, or in a shared "
                "folder:\n{file}\n\nThen tell {who} this code:"
            ).format(who=who, file=str(made.path))
        )
        self.code_label.setText(made.code)
        self.code_advice.setText(
            self.tr(
                "Say it on the phone, or send it with a different app from the one that carries "
                "the file: the file and the code together open a copy of the binder. Casebook "
                "shows the code only now. The invitation works once, until {date}."
            ).format(date=expires)
        )
        self.steps.setCurrentIndex(1)
        self.setMinimumHeight(max(self.height(), 470))

    def reject(self) -> None:
        if self._task is None:
            super().reject()
