"""Adding files to the binder from the UI: progress with Cancel, then a plain summary.

The import runs on the writer lane (a `WriteOp`, so every page showing records or imaging
hears what changed). Files added before a cancel stay in the binder, so `finished` is emitted
after a cancel too. Scan images of someone who does not look like the case's patient are
not stored by the import; the family is shown who they are (`HeldBackDialog`) and chooses,
before the summary. This is the path of Records "Add files", the Overview, and files dropped
on the window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from casebook.core.model import RecordKind
from casebook.core.progress import CancelToken, Progress, Report
from casebook.services.binder.session import BinderSession
from casebook.services.records import documents as records
from casebook.services.records.importing import ImportSummary, import_held_back, import_paths
from casebook.ui.common.error_messages import failure_message
from casebook.ui.common.job_progress import PROGRESS_STEPS, open_job_progress
from casebook.ui.common.ops import WriteOp
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.records.held_back_dialog import HeldBackDialog
from casebook.ui.records.import_summary_dialog import ImportSummaryDialog


class ImportFlow(QObject):
    """One import at a time per window; `finished` when it ended, however it ended."""

    finished = Signal()
    summarised = Signal(object)  # ImportSummary, for tests and the status bar
    held_back_shown = Signal(object)  # the HeldBackDialog, once shown (for tests)

    def __init__(self, session: BinderSession, window: QWidget) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        self._task: WriteOp[ImportSummary] | None = None
        self._progress: QProgressDialog | None = None
        self._asking: HeldBackDialog | None = None
        self._summary: ImportSummary | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None or self._asking is not None

    def start(self, paths: Sequence[Path], slot: RecordKind | None = None) -> bool:
        """Begin importing `paths` (filed under `slot` when given, else where Casebook
        suggests); False when another import is still running."""
        if self.busy or not paths:
            return False
        session, chosen = self._session, list(paths)

        def job(report: Report, cancel: CancelToken) -> ImportSummary:
            return import_paths(session, chosen, slot, report, cancel)

        self._run(job, self._on_done)
        return True

    def _run(
        self,
        job: Callable[[Report, CancelToken], ImportSummary],
        done: Callable[[ImportSummary], None],
    ) -> None:
        progress = open_job_progress(
            self._window, "import_progress_dialog", self.tr("Adding files"),
            self.tr("Getting ready…"),
        )  # fmt: skip
        progress.canceled.connect(self._cancel)
        self._progress = progress
        self._task = (
            WriteOp.with_progress(self, self._session, job)
            .on_progress(self._show_progress)
            .on_success(done)
            .on_failure(self._on_failed)
            .on_cancel(self._on_cancelled)
            .start()
        )

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
        if not summary.held_back:
            self._summarise(summary)
            return
        self._summary = summary
        dialog = HeldBackDialog(summary.held_back, records.load_case(self._session), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._decided)
        self._asking = dialog
        dialog.open()
        self.held_back_shown.emit(dialog)

    def _decided(self, result: int) -> None:
        self._asking = None
        summary, self._summary = self._summary, None
        assert summary is not None
        if result != QDialog.DialogCode.Accepted:
            self._summarise(summary)
            return
        session, held_back = self._session, list(summary.held_back)

        def job(report: Report, cancel: CancelToken) -> ImportSummary:
            return import_held_back(session, held_back, report, cancel)

        def added(more: ImportSummary) -> None:
            self._close_progress()
            self.finished.emit()
            summary.images_added += more.images_added
            summary.images_already_there += more.images_already_there
            summary.refused.extend(more.refused)
            summary.worker_restarts += more.worker_restarts
            summary.held_back = []
            self._summarise(summary)

        self._run(job, added)

    def _summarise(self, summary: ImportSummary) -> None:
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
        if self._asking is not None:
            self._asking.reject()
