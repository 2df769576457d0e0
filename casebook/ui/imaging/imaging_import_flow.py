"""Getting images off a disc from the UI: scan (with progress and cancel), review what was
found, then import (a `WriteOp`, with progress and cancel), then a plain summary.

Nothing is stored before the family has seen the review, including any wrong-disc warning.
When the family stops the import, what was already stored is kept; they are told what, and
offered to remove it a whole series at a time (incomplete series ticked).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QDialog, QMessageBox, QProgressDialog, QWidget

from casebook.core.model import Case
from casebook.core.progress import CancelToken, Progress, Report
from casebook.services.binder.session import BinderSession
from casebook.services.imaging.importing import (
    IdentityMismatch,
    ImagingImportSummary,
    MediaScan,
    identity_mismatches,
    import_scan,
    scan_media,
)
from casebook.services.imaging.records import KeptSeries, kept_series, remove_series
from casebook.services.records import documents as records
from casebook.ui.common.error_messages import failure_message
from casebook.ui.common.job_progress import PROGRESS_STEPS, open_job_progress
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.imaging.cancelled_import_dialog import CancelledImportDialog
from casebook.ui.imaging.scan_review_dialog import ScanReviewDialog
from casebook.ui.imaging.texts import file_count, image_count


@dataclass(frozen=True)
class ScanOutcome:
    scan: MediaScan
    case: Case
    mismatches: list[IdentityMismatch]


def media_roots(path: Path) -> list[Path]:
    """A chosen DICOMDIR stands for its whole disc: scan the folder it sits in."""
    if path.is_file() and path.name.upper() == "DICOMDIR":
        return [path.parent]
    return [path]


class ImagingImportFlow(QObject):
    """One disc at a time; `finished` whenever the binder may have changed."""

    reviewed = Signal(object)  # the ScanReviewDialog, once shown (for tests)
    finished = Signal()
    summarised = Signal(object)  # ImagingImportSummary
    cancelled_reviewed = Signal(object)  # the CancelledImportDialog, once shown (for tests)

    def __init__(self, session: BinderSession, window: QWidget) -> None:
        super().__init__(window)
        self._session = session
        self._window = window
        self._task: ReadOp[ScanOutcome] | WriteOp[ImagingImportSummary] | None = None
        self._scan: MediaScan | None = None
        self._progress: QProgressDialog | None = None
        self._writing = False
        self.review: ScanReviewDialog | None = None

    @property
    def busy(self) -> bool:
        return self._task is not None or self.review is not None

    @property
    def importing(self) -> bool:
        """True while the writer lane stores images (the binder must not lock under it)."""
        return self._task is not None and self._writing

    def start(self, path: Path) -> bool:
        """Scan `path` (a folder, a drive, a DICOMDIR or a .zip); False when busy."""
        if self.busy:
            return False
        self._writing = False
        session, roots = self._session, media_roots(path)

        def job(report: Report, cancel: CancelToken) -> ScanOutcome:
            scan = scan_media(roots, report, cancel)
            case = records.load_case(session)
            return ScanOutcome(scan, case, identity_mismatches(case, scan))

        self._open_progress(self.tr("Looking at the disc"), self.tr("Looking for images…"))
        self._task = (
            ReadOp.with_progress(self, job)
            .on_progress(lambda p: self._show_progress(p, self.tr("Looking at “{name}”")))
            .on_success(self._scanned)
            .on_failure(self._failed)
            .on_cancel(self._cancelled)
            .start()
        )
        return True

    def cancel(self) -> None:
        """Stop quietly (the binder is locking or the page is closing)."""
        if self._task is not None:
            self._task.cancel()
        if self.review is not None:
            self.review.reject()

    # Progress ------------------------------------------------------------------------------

    def _open_progress(self, title: str, label: str) -> None:
        progress = open_job_progress(self._window, "imaging_progress_dialog", title, label)
        progress.canceled.connect(self._cancel_clicked)
        self._progress = progress

    @Slot()
    def _cancel_clicked(self) -> None:
        if self._task is not None:
            self._task.cancel()
        if self._progress is not None:
            self._progress.setLabelText(self.tr("Stopping after the current file…"))

    def _show_progress(self, progress: Progress, template: str) -> None:
        dialog = self._progress
        if dialog is None or dialog.wasCanceled():
            return
        if progress.item:
            counted = self.tr("{done} of {total}").format(done=progress.done, total=progress.total)
            dialog.setLabelText(template.format(name=progress.item) + "\n" + counted)
        dialog.setValue(int((progress.fraction or 0.0) * PROGRESS_STEPS))

    def _close_progress(self) -> None:
        self._task = None
        self._writing = False
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    # Steps ---------------------------------------------------------------------------------

    def _scanned(self, outcome: ScanOutcome) -> None:
        self._close_progress()
        review = ScanReviewDialog(outcome.scan, outcome.case, outcome.mismatches, self._window)
        review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        review.finished.connect(
            lambda result: self._reviewed(outcome, review.leave_out_others, result)
        )
        self.review = review
        review.open()
        self.reviewed.emit(review)

    def _reviewed(self, outcome: ScanOutcome, leave_out_others: bool, result: int) -> None:
        self.review = None
        scan = outcome.scan
        if result != QDialog.DialogCode.Accepted or not scan.has_dicom:
            return
        session = self._session
        self._writing = True
        self._scan = scan
        left_out = [m.patient for m in outcome.mismatches] if leave_out_others else []

        def job(report: Report, cancel: CancelToken) -> ImagingImportSummary:
            return import_scan(session, scan, report, cancel, left_out)

        self._open_progress(self.tr("Adding images"), self.tr("Adding images…"))
        self._task = (
            WriteOp.with_progress(self, session, job)
            .on_progress(lambda p: self._show_progress(p, self.tr("Adding “{name}”")))
            .on_success(self._imported)
            .on_failure(self._failed)
            .on_cancel(self._cancelled)
            .start()
        )

    def _imported(self, summary: ImagingImportSummary) -> None:
        self._close_progress()
        self.finished.emit()
        self.summarised.emit(summary)
        lines = [
            self.tr("Added to the binder: {images}.").format(images=image_count(summary.added))
        ]
        if summary.already_there:
            lines.append(
                self.tr("Already in the binder: {images}.").format(
                    images=image_count(summary.already_there)
                )
            )
        if summary.refused:
            lines.append(
                self.tr("Could not be read from the disc: {files}.").format(
                    files=file_count(len(summary.refused))
                )
            )
        self._message(self.tr("Images added"), "\n".join(lines), QMessageBox.Icon.Information)

    def _cancelled(self) -> None:
        writing, scan = self._writing, self._scan
        self._close_progress()
        if writing and scan is not None:  # images added before the cancel stay in the binder
            self.finished.emit()
            session, listed = self._session, scan.series_counts()
            ReadOp(self, lambda: kept_series(session, listed)).on_success(
                self._offer_removal
            ).on_failure(self._failed).start()

    def _offer_removal(self, kept: list[KeptSeries]) -> None:
        """Say what the stopped import kept; remove the series the family ticks."""
        if not kept:
            return
        dialog = CancelledImportDialog(kept, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        session = self._session

        def remove() -> None:
            chosen = dialog.chosen_series_ids()
            if chosen:
                WriteOp(self, session, lambda: remove_series(session, chosen)).on_failure(
                    self._failed
                ).start()

        dialog.accepted.connect(remove)
        dialog.open()
        self.cancelled_reviewed.emit(dialog)

    def _failed(self, failure: TaskFailure) -> None:
        writing = self._writing
        self._close_progress()
        if writing:
            self.finished.emit()
        if failure.is_bug:
            failure.show_as_crash()
            return
        self._message(
            self.tr("The images could not be added"),
            failure_message(failure.error),
            QMessageBox.Icon.Warning,
        )

    def _message(self, title: str, text: str, icon: QMessageBox.Icon) -> None:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Close, self._window)
        box.setObjectName("imaging_summary_box")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
