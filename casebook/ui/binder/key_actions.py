"""The File menu's "Re-encrypt the binder with a new key…" and "Make a new recovery code…".

Re-encryption needs the binder to itself: the window closes the workspace (as when locking),
the job re-encrypts the closed binder on the writer lane behind that close, with progress and
Cancel, and hands back the binder unlocked under its new key, which the window opens again,
and the new recovery code, shown once on top like at creation. If it fails or is cancelled,
the binder is unchanged and is opened again with the password the user just typed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # the menu exists before any binder is open; the rest loads when used
    from PySide6.QtWidgets import QProgressDialog

    from casebook.core.progress import CancelToken, Progress, Report
    from casebook.services.binder.session import BinderSession, KdfParams
    from casebook.ui.binder.key_dialogs import NewRecoveryCodeDialog, RekeyDialog
    from casebook.ui.common.ops import WriteOp
    from casebook.ui.common.tasks import TaskFailure


class BinderKeyActions(QObject):
    """Owns the two actions. The window provides the session and closes it on request."""

    reopened = Signal(object)  # BinderSession: the binder, unlocked again (new key or not)
    unlock_needed = Signal(Path)  # could not even reopen: show the unlock screen

    def __init__(
        self,
        window: QWidget,
        session_provider: Callable[[], BinderSession | None],
        close_session: Callable[[], Path | None],
        kdf: KdfParams | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._session = session_provider
        self._close_session = close_session
        self._kdf = kdf  # None: calibrated for this machine; tests pass the minimum
        self._task: WriteOp[object] | None = None
        self._progress: QProgressDialog | None = None
        self.last_message = ""
        self.rekey_action = QAction(self.tr("Re-&encrypt the binder with a new key…"), self)
        self.rekey_action.setObjectName("rekey_action")
        self.rekey_action.triggered.connect(self.ask_to_rekey)
        self.recovery_code_action = QAction(self.tr("Make a new &recovery code…"), self)
        self.recovery_code_action.setObjectName("new_recovery_code_action")
        self.recovery_code_action.triggered.connect(self.ask_for_new_recovery_code)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def set_enabled(self, enabled: bool) -> None:
        self.rekey_action.setEnabled(enabled)
        self.recovery_code_action.setEnabled(enabled)

    # Re-encryption ------------------------------------------------------------------------

    def ask_to_rekey(self) -> RekeyDialog | None:
        from casebook.ui.binder.key_dialogs import RekeyDialog

        session = self._session()
        if session is None or self._task is not None:
            return None
        dialog = RekeyDialog(session, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(self.start_rekey)
        dialog.open()
        return dialog

    def start_rekey(self, password: str, new_password: str) -> bool:
        from casebook.services.binder.rekeying import rekey_binder
        from casebook.ui.common.job_progress import open_job_progress
        from casebook.ui.common.ops import WriteOp

        if self._task is not None:
            return False
        folder = self._close_session()
        if folder is None:
            return False
        kdf = self._kdf
        title = self.tr("Re-encrypting the binder")
        progress = open_job_progress(
            self._window, "rekey_progress_dialog", title, self.tr("Re-encrypting…"), width=480
        )
        self._progress = progress

        def job(report: Report, cancel: CancelToken) -> object:
            return rekey_binder(folder, password, new_password, report, cancel, kdf)

        def reopen() -> None:
            self._reopen(folder, password)

        # No session to announce changes on: the binder is closed while it is re-encrypted.
        task: WriteOp[object] = WriteOp.with_progress(self, None, job)
        progress.canceled.connect(task.cancel)
        self._task = (
            task.on_progress(self._show_progress)
            .on_success(self._rekey_done)
            .on_failure(lambda failure: self._rekey_failed(failure, reopen))
            .on_cancel(lambda: self._end(reopen))
            .start()
        )
        return True

    def _show_progress(self, progress: Progress) -> None:
        from casebook.services.binder.rekeying import REKEY_STEP_SAVE
        from casebook.ui.common.job_progress import PROGRESS_STEPS

        if self._progress is None:
            return
        if progress.item == REKEY_STEP_SAVE:
            # The copy is checked and the swap has begun: too late to cancel, and quick.
            self._progress.setLabelText(self.tr("Saving the new key…"))
            self._progress.setCancelButton(None)
        if progress.fraction is not None:
            self._progress.setValue(int(progress.fraction * PROGRESS_STEPS))

    def _end(self, then: Callable[[], None] | None = None) -> None:
        self._task = None
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        if then is not None:
            then()

    def _rekey_done(self, result: object) -> None:
        from casebook.services.binder.session import NewBinder
        from casebook.ui.binder.recovery_code_dialog import RecoveryCodeDialog

        assert isinstance(result, NewBinder)
        self._end()
        self.reopened.emit(result.session)  # the window owns the session from here on
        dialog = RecoveryCodeDialog(
            result.recovery_code, result.session.folder, self._window, replaced=True
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _rekey_failed(self, failure: TaskFailure, reopen: Callable[[], None]) -> None:
        from casebook.ui.common.error_messages import failure_message

        self._end()
        if failure.is_bug:
            failure.show_as_crash()
        else:
            self._tell(
                self.tr("The binder was not re-encrypted"),
                self.tr("Nothing was changed: the binder opens with its old password.")
                + "\n\n"
                + failure_message(failure.error),
            )
        reopen()

    def _reopen(self, folder: Path, password: str) -> None:
        """Open the unchanged binder again, as if the user had not left it."""
        from casebook.services.binder.session import unlock_binder
        from casebook.ui.common.ops import WriteOp

        WriteOp(self, None, lambda: unlock_binder(folder, password)).on_success(
            self.reopened.emit
        ).on_failure(lambda _failure: self.unlock_needed.emit(folder)).start()

    # New recovery code --------------------------------------------------------------------

    def ask_for_new_recovery_code(self) -> NewRecoveryCodeDialog | None:
        from casebook.ui.binder.key_dialogs import NewRecoveryCodeDialog

        session = self._session()
        if session is None or self._task is not None:
            return None
        dialog = NewRecoveryCodeDialog(session, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.confirmed.connect(self.start_new_recovery_code)
        dialog.open()
        return dialog

    def start_new_recovery_code(self, password: str) -> bool:
        from casebook.services.binder.rekeying import replace_recovery_code_of_open_binder
        from casebook.ui.binder.recovery_code_dialog import RecoveryCodeDialog
        from casebook.ui.common.error_messages import failure_message
        from casebook.ui.common.ops import WriteOp

        session = self._session()
        if session is None or self._task is not None:
            return False

        def job() -> object:
            return replace_recovery_code_of_open_binder(session, password)

        def done(code: object) -> None:
            self._task = None
            assert isinstance(code, str)
            dialog = RecoveryCodeDialog(code, session.folder, self._window, replaced=True)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        def failed(failure: TaskFailure) -> None:
            self._task = None
            if failure.is_bug:
                failure.show_as_crash()
                return
            self._tell(self.tr("No new recovery code"), failure_message(failure.error))

        self._task = WriteOp(self, session, job).on_success(done).on_failure(failed).start()
        return True

    def _tell(self, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox  # with the first message: not with the menu

        box = QMessageBox(
            QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self._window
        )
        box.setObjectName("key_actions_message")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = text
