"""The File menu's "Back up…" and "Check binder…": verified backups and integrity checks.

Both run on the writer lane (a backup must not interleave with writes; a check reads
everything and updates the binder's record of its last check) with a progress dialog, and say
in plain words what happened.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressDialog, QWidget

from casebook.core.progress import CancelToken, Progress, Report
from casebook.services.binder import BinderSession
from casebook.services.maintenance import CheckReport, backup_binder, check_binder
from casebook.ui.error_messages import failure_message
from casebook.ui.tasks import BackgroundTask, TaskFailure, writer_pool
from casebook.ui.widgets.job_progress import PROGRESS_STEPS, open_job_progress

T = TypeVar("T")


class BinderMaintenance(QObject):
    """Owns the two actions; `session_provider` returns the open session or None."""

    finished = Signal()  # a backup or check ended (the Overview shows the last backup)

    def __init__(self, window: QWidget, session_provider: Callable[[], BinderSession | None]):
        super().__init__(window)
        self._window = window
        self._session = session_provider
        self._task: BackgroundTask[object] | None = None
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
        folder = QFileDialog.getExistingDirectory(
            self._window, self.tr("Choose where to keep the backup (another disk is best)")
        )
        if folder:
            self.start_backup(Path(folder))

    def start_backup(self, destination: Path) -> bool:
        session = self._session()
        if session is None or self._task is not None:
            return False

        def job(report: Report, cancel: CancelToken) -> object:
            return backup_binder(session, destination, report, cancel)

        self._run(self.tr("Making a backup"), job, self._backup_done)
        return True

    def start_check(self) -> bool:
        session = self._session()
        if session is None or self._task is not None:
            return False

        def job(report: Report, cancel: CancelToken) -> object:
            return check_binder(session, report, cancel)

        self._run(self.tr("Checking the binder"), job, self._check_done)
        return True

    def _run(
        self,
        title: str,
        job: Callable[[Report, CancelToken], object],
        done: Callable[[object], None],
    ) -> None:
        progress = open_job_progress(
            self._window, "maintenance_progress_dialog", title, title + "…", width=460
        )
        self._progress = progress
        task: BackgroundTask[object] = BackgroundTask(self, job)
        progress.canceled.connect(task.cancel)
        self._task = (
            task.on_progress(self._show_progress)
            .on_success(lambda result: self._finish(done, result))
            .on_failure(self._failed)
            .on_cancel(lambda: self._finish(None, None))
            .start(writer_pool())
        )

    def _show_progress(self, progress: Progress) -> None:
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

    def _tell(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """A non-modal message: the window stays usable, nothing waits on the user."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, self._window)
        box.setObjectName("maintenance_message")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.last_message = text

    def _failed(self, failure: TaskFailure) -> None:
        self._finish(None, None)
        if failure.is_bug:
            failure.show_as_crash()
            return
        self._tell(QMessageBox.Icon.Warning, self.tr("Casebook"), failure_message(failure.error))

    def _backup_done(self, result: object) -> None:
        assert isinstance(result, Path)
        self._tell(
            QMessageBox.Icon.Information,
            self.tr("Backup made"),
            self.tr(
                "The backup was written and checked:\n{folder}\n\nIt is encrypted and opens "
                "with the same password. Keep it on another disk or USB stick."
            ).format(folder=str(result)),
        )

    def _check_done(self, result: object) -> None:
        assert isinstance(result, CheckReport)
        if result.ok:
            self._tell(
                QMessageBox.Icon.Information,
                self.tr("The binder is healthy"),
                self.tr("Every page and every stored file ({count}) was checked.").format(
                    count=result.documents_checked
                ),
            )
        else:
            self._tell(
                QMessageBox.Icon.Warning,
                self.tr("The binder is damaged"),
                self.tr(
                    "Some of the binder's data is damaged. Open your most recent backup, and "
                    "keep this binder folder as it is in case it is needed.\n\nDetails: {details}"
                ).format(details="; ".join(result.problems[:3])),
            )
