"""The File menu's "Back up…" and "Check binder…": verified backups and integrity checks.

Both run on the writer lane (a backup must not interleave with writes; a check reads
everything and updates the binder's record of its last check) with a progress dialog, and say
in plain words what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # loaded when a backup or check starts: not needed to show the menu
    from PySide6.QtWidgets import QProgressDialog

    from casebook.core.progress import CancelToken, Progress, Report
    from casebook.services.binder.session import BinderSession
    from casebook.ui.common.ops import WriteOp
    from casebook.ui.common.tasks import TaskFailure

T = TypeVar("T")


class BinderMaintenance(QObject):
    """Owns the two actions; `session_provider` returns the open session or None."""

    finished = Signal()  # a backup or check ended (the Overview shows the last backup)

    def __init__(self, window: QWidget, session_provider: Callable[[], BinderSession | None]):
        super().__init__(window)
        self._window = window
        self._session = session_provider
        self._task: WriteOp[object] | None = None
        self._progress: QProgressDialog | None = None
        self.last_message = ""
        self.backup_action = QAction(self.tr("&Back up the binder…"), self)
        self.backup_action.setObjectName("backup_action")
        self.backup_action.triggered.connect(self.ask_for_backup)
        self.check_action = QAction(self.tr("&Check the binder for damage…"), self)
        self.check_action.setObjectName("check_action")
        self.check_action.triggered.connect(self.start_check)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def set_enabled(self, enabled: bool) -> None:
        self.backup_action.setEnabled(enabled)
        self.check_action.setEnabled(enabled)

    def ask_for_backup(self) -> None:
        from casebook.ui.common import file_dialogs

        folder = file_dialogs.get_existing_directory(
            self._window, self.tr("Choose where to keep the backup (another disk is best)")
        )
        if folder:
            self.start_backup(Path(folder))

    def start_backup(self, destination: Path) -> bool:
        session = self._session()
        if session is None or self._task is not None:
            return False

        def job(report: Report, cancel: CancelToken) -> object:
            from casebook.services.binder.maintenance import backup_binder

            return backup_binder(session, destination, report, cancel)

        self._run(self.tr("Making a backup"), job, self._backup_done)
        return True

    def start_check(self) -> bool:
        session = self._session()
        if session is None or self._task is not None:
            return False

        def job(report: Report, cancel: CancelToken) -> object:
            from casebook.services.binder.maintenance import check_binder

            return check_binder(session, report, cancel)

        self._run(self.tr("Checking the binder"), job, self._check_done)
        return True

    def _run(
        self,
        title: str,
        job: Callable[[Report, CancelToken], object],
        done: Callable[[object], None],
    ) -> None:
        from casebook.ui.common.job_progress import open_job_progress
        from casebook.ui.common.ops import WriteOp

        progress = open_job_progress(
            self._window, "maintenance_progress_dialog", title, title + "…", width=460
        )
        self._progress = progress
        task: WriteOp[object] = WriteOp.with_progress(self, self._session(), job)
        progress.canceled.connect(task.cancel)
        self._task = (
            task.on_progress(self._show_progress)
            .on_success(lambda result: self._finish(done, result))
            .on_failure(self._failed)
            .on_cancel(lambda: self._finish(None, None))
            .start()
        )

    def _show_progress(self, progress: Progress) -> None:
        from casebook.ui.common.job_progress import PROGRESS_STEPS

        if self._progress is not None and progress.fraction is not None:
            self._progress.setValue(int(progress.fraction * PROGRESS_STEPS))

    def _finish(self, done: Callable[[object], None] | None, result: object) -> None:
        self._task = None
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self.finished.emit()
        if done is not None:
            done(result)

    def _tell(self, title: str, text: str, *, warning: bool = False) -> None:
        """A non-modal message: the window stays usable, nothing waits on the user."""
        from PySide6.QtWidgets import QMessageBox  # with the first message: not with the menu

        icon = QMessageBox.Icon.Warning if warning else QMessageBox.Icon.Information
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("maintenance_message")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = text

    def _failed(self, failure: TaskFailure) -> None:
        from casebook.ui.common.error_messages import failure_message

        self._finish(None, None)
        if failure.is_bug:
            failure.show_as_crash()
            return
        self._tell(self.tr("Casebook"), failure_message(failure.error), warning=True)

    def _backup_done(self, result: object) -> None:
        assert isinstance(result, Path)
        self._tell(
            self.tr("Backup made"),
            self.tr(
                "The backup was written and checked:\n{folder}\n\nIt is encrypted and opens "
                "with the same password. Keep it on another disk or USB stick."
            ).format(folder=str(result)),
        )

    def _check_done(self, result: object) -> None:
        from casebook.services.binder.maintenance import CheckReport

        assert isinstance(result, CheckReport)
        if result.ok:
            text = self.tr("Every page and every stored file ({count}) was checked.").format(
                count=result.documents_checked
            )
            if result.swept:
                text += "\n\n" + self.tr(
                    "Unfinished backup copies left by an interrupted backup were removed: {count}."
                ).format(count=len(result.swept))
            self._tell(self.tr("The binder is healthy"), text)
        else:
            self._tell(
                self.tr("The binder is damaged"),
                self.tr(
                    "Some of the binder's data is damaged. Open your most recent backup, and "
                    "keep this binder folder as it is in case it is needed.\n\nDetails: {details}"
                ).format(details="; ".join(result.problems[:3])),
                warning=True,
            )
