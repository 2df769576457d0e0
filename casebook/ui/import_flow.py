"""Adding files to the binder from the UI: progress with Cancel, then a plain summary.

The import runs on the writer lane. Files added before a cancel stay in the binder (each file
is committed on its own), so `finished` is emitted after a cancel too, for the page to reload.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

from casebook.core.model import SlotKind
from casebook.core.progress import CancelToken, Progress, Report
from casebook.services.binder import BinderSession
from casebook.services.importing import ImportSummary, import_paths
from casebook.ui.dialogs.import_summary_dialog import ImportSummaryDialog
from casebook.ui.error_messages import failure_message
from casebook.ui.tasks import BackgroundTask, TaskFailure, writer_pool
from casebook.ui.widgets.job_progress import PROGRESS_STEPS, open_job_progress


class ImportFlow(QObject):
    """One import at a time per window; `finished` when the binder may have changed."""

    finished = Signal()
    summarised = Signal(object)  # ImportSummary, for tests and the status bar

    def __init__(self, session: BinderSession, window: QWidget) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        self._task: BackgroundTask[ImportSummary] | None = None
        self._progress: QProgressDialog | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None

    def start(self, paths: Sequence[Path], slot: SlotKind | None = None) -> bool:
        """Begin importing `paths` (filed under `slot` when given, else where Casebook
        suggests); False when another import is still running."""
        if self._task is not None or not paths:
            return False
        session, chosen = self._session, list(paths)
        progress = open_job_progress(
            self._window, "import_progress_dialog", self.tr("Adding files"),
            self.tr("Getting ready…"),
        )  # fmt: skip
        progress.canceled.connect(self._cancel)
        self._progress = progress

        def job(report: Report, cancel: CancelToken) -> ImportSummary:
            return import_paths(session, chosen, slot, report, cancel)

        self._task = (
            BackgroundTask(self, job)
            .on_progress(self._show_progress)
            .on_success(self._on_done)
            .on_failure(self._on_failed)
            .on_cancel(self._on_cancelled)
            .start(writer_pool())
        )
        return True

    @Slot()
    def _cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
        if self._progress is not None:
            self._progress.setLabelText(self.tr("Stopping after the current file…"))

    def _show_progress(self, progress: Progress) -> None:
        dialog = self._progress
        if dialog is None or dialog.wasCanceled():
            return
        if progress.item:
            dialog.setLabelText(self.tr("Adding “{name}”").format(name=progress.item))
        # Last: a modal QProgressDialog processes events in setValue, which may finish the job.
        dialog.setValue(int((progress.fraction or 0.0) * PROGRESS_STEPS))

    def _close_progress(self) -> None:
        self._task = None
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _on_done(self, summary: ImportSummary) -> None:
        self._close_progress()
        self.finished.emit()
        self.summarised.emit(summary)
        dialog = ImportSummaryDialog(summary, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def _on_cancelled(self) -> None:
        self._close_progress()
        self.finished.emit()

    def _on_failed(self, failure: TaskFailure) -> None:
        self._close_progress()
        self.finished.emit()
        if failure.is_bug:
            failure.show_as_crash()
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Adding files stopped"),
            failure_message(failure.error),
            QMessageBox.StandardButton.Close,
            self._window,
        )
        box.setObjectName("import_failed_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def cancel(self) -> None:
        """Stop quietly (the window is locking or closing)."""
        if self._task is not None:
            self._task.cancel()
