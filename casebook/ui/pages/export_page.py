"""Send to a hospital: the export wizard, from recipient to the sealed bundle and its password.

Four steps the family can go back and forth between (recipient, contents, delivery, review),
then sealing on the writer lane with progress and Cancel, then the password shown once. The
review is computed on the reader lane: nothing is written before the family says so.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casebook.bundle.errors import BundleInvalid, BundleWriteFailed, SourceChanged
from casebook.core.errors import CasebookError
from casebook.core.progress import Progress
from casebook.services.binder import BinderSession
from casebook.services.export import ExportRequest, ExportResult, export_bundle
from casebook.services.export_wizard import (
    ExportChoices,
    ExportPreview,
    free_bundle_name,
    load_export_choices,
    preview_export,
)
from casebook.ui.error_messages import failure_message
from casebook.ui.export.contents_step import ContentsStep
from casebook.ui.export.delivery_step import DeliveryStep
from casebook.ui.export.details_step import DetailsStep
from casebook.ui.export.password_panel import PasswordPanel
from casebook.ui.export.review_step import ReviewStep
from casebook.ui.tasks import BackgroundTask, TaskFailure, reader_pool, writer_pool
from casebook.ui.widgets.message_bar import MessageBar

DETAILS, CONTENTS, DELIVERY, REVIEW, SEALING, DONE = range(6)


class ExportPage(QWidget):
    """The export wizard for one open binder. Call `stop_work()` before the session closes."""

    def __init__(
        self,
        session: BinderSession,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_page")
        self._session = session
        self._today = today
        self.choices: ExportChoices | None = None
        self.preview: ExportPreview | None = None
        self.result: ExportResult | None = None
        self._request: ExportRequest | None = None
        self._tasks: list[BackgroundTask[Any]] = []
        self._export_task: BackgroundTask[ExportResult] | None = None

        heading = QLabel(self.tr("Send the records to a hospital"))
        heading.setProperty("role", "heading")
        self.step_label = QLabel()
        self.step_label.setObjectName("export_step_label")
        self.step_label.setProperty("role", "hint")
        self.error_bar = MessageBar()
        self.error_bar.setObjectName("export_error_bar")

        self.details = DetailsStep()
        self.contents = ContentsStep()
        self.delivery = DeliveryStep()
        self.review = ReviewStep()
        self.review.use_parts_requested.connect(self._use_parts)
        self.password_panel = PasswordPanel()
        self.password_panel.finished.connect(self._restart)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("export_progress_bar")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("export_progress_label")
        self.progress_label.setWordWrap(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_export_button")
        self.cancel_button.clicked.connect(self.cancel_export)
        sealing = QWidget()
        sealing_layout = QVBoxLayout(sealing)
        sealing_title = QLabel(self.tr("Sealing the bundle…"))
        sealing_title.setProperty("role", "subheading")
        sealing_hint = QLabel(
            self.tr(
                "Casebook encrypts every file, writes the bundle, then reads it back to check "
                "each file. Nothing appears under the final name until the check has passed."
            )
        )
        sealing_hint.setWordWrap(True)
        sealing_hint.setProperty("role", "hint")
        sealing_layout.addWidget(sealing_title)
        sealing_layout.addWidget(sealing_hint)
        sealing_layout.addSpacing(12)
        sealing_layout.addWidget(self.progress_bar)
        sealing_layout.addWidget(self.progress_label)
        sealing_layout.addWidget(self.cancel_button)
        sealing_layout.addStretch(1)

        self.stack = QStackedWidget()
        for step in (
            self.details, self.contents, self.delivery, self.review, sealing, self.password_panel
        ):  # fmt: skip
            self.stack.addWidget(step)

        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.setObjectName("export_back_button")
        self.back_button.clicked.connect(self.go_back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("primary_button")
        self.next_button.clicked.connect(self.go_next)
        self.nav = QWidget()
        nav_layout = QHBoxLayout(self.nav)
        nav_layout.setContentsMargins(0, 0, 0, 0)
        nav_layout.addStretch(1)
        nav_layout.addWidget(self.back_button)
        nav_layout.addWidget(self.next_button)
        for step in (self.details, self.contents, self.delivery):
            step.changed.connect(self._refresh)

        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(36, 28, 36, 24)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.step_label)
        layout.addWidget(self.error_bar)
        layout.addSpacing(6)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.nav)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self._show_step(DETAILS)
        self.reload()

    # Loading -------------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read the binder's records for the contents step (reader lane)."""
        session = self._session
        self._track(
            BackgroundTask(self, lambda _r, _c: load_export_choices(session))
            .on_success(self._show_choices)
            .on_failure(self._on_failed)
            .start(reader_pool())
        )

    def _track(self, task: BackgroundTask[Any]) -> None:
        self._tasks = [t for t in self._tasks if t.is_running] + [task]

    def _show_choices(self, choices: ExportChoices) -> None:
        self.choices = choices
        self.contents.set_choices(choices)

    def _on_failed(self, failure: TaskFailure) -> None:
        self.error_bar.show_failure(failure)

    # Navigation ----------------------------------------------------------------------------

    def request(self) -> ExportRequest:
        """What the family chose so far."""
        return ExportRequest(
            recipient=self.details.chosen_recipient(),
            sender=self.details.chosen_sender(),
            summary_language=self.contents.summary_language(),
            volume_size_mb=self.delivery.volume_size_mb(),
            document_ids=self.contents.document_ids(),
            study_ids=self.contents.study_ids(),
        )

    def _show_step(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        titles = {
            DETAILS: self.tr("Step 1 of 4 — Recipient"),
            CONTENTS: self.tr("Step 2 of 4 — Contents"),
            DELIVERY: self.tr("Step 3 of 4 — Delivery"),
            REVIEW: self.tr("Step 4 of 4 — Review"),
            SEALING: self.tr("Sealing"),
            DONE: self.tr("Done"),
        }
        self.step_label.setText(titles[index])
        self.nav.setVisible(index <= REVIEW)
        self.next_button.setText(
            self.tr("Seal and write the bundle") if index == REVIEW else self.tr("Next")
        )
        self._refresh()

    @Slot()
    def _refresh(self) -> None:
        index = self.stack.currentIndex()
        ready = {
            DETAILS: self.details.is_complete(),
            CONTENTS: self.choices is not None and self.contents.is_complete(),
            DELIVERY: self.delivery.is_complete(),
            REVIEW: self.review.can_seal() and self.preview is not None,
        }
        self.next_button.setEnabled(ready.get(index, False))
        self.back_button.setEnabled(DETAILS < index <= REVIEW)

    @Slot()
    def go_next(self) -> None:
        index = self.stack.currentIndex()
        self.error_bar.clear()
        if index == REVIEW:
            self.start_export()
        elif index == DELIVERY:
            self._show_step(REVIEW)
            self.start_preview()
        elif index < DELIVERY:
            self._show_step(index + 1)

    @Slot()
    def go_back(self) -> None:
        index = self.stack.currentIndex()
        if DETAILS < index <= REVIEW:
            self.error_bar.clear()
            self._show_step(index - 1)

    # Review --------------------------------------------------------------------------------

    def start_preview(self) -> None:
        """Plan and size the bundle and check the folder (reader lane; writes nothing)."""
        directory = self.delivery.directory()
        if directory is None:
            return
        self.preview = None
        self.review.preview = None
        self.review.size_label.setText(self.tr("Calculating…"))
        self._refresh()
        session, request, today = self._session, self.request(), self._today()
        self._track(
            BackgroundTask(self, lambda _r, _c: preview_export(session, request, directory, today))
            .on_success(self._show_preview)
            .on_failure(self._on_failed)
            .start(reader_pool())
        )

    def _show_preview(self, preview: ExportPreview) -> None:
        self.preview = preview
        self.review.show_preview(preview, self.delivery.volume_size_mb())
        self._refresh()

    @Slot(int)
    def _use_parts(self, megabytes: int) -> None:
        self.delivery.use_parts(megabytes)
        self.start_preview()

    # Sealing -------------------------------------------------------------------------------

    def start_export(self) -> None:
        """Seal the bundle on the writer lane (it also writes the export log)."""
        directory = self.delivery.directory()
        if directory is None or self.preview is None or not self.preview.preflight.ok:
            return
        today = self._today()
        request = self.request()
        name = free_bundle_name(directory, today)
        session = self._session
        self._request = request
        self.progress_bar.setValue(0)
        self.progress_label.setText(self.tr("Starting…"))
        self.cancel_button.setEnabled(True)
        self._show_step(SEALING)
        self._export_task = (
            BackgroundTask(
                self,
                lambda report, cancel: export_bundle(
                    session, request, directory, name, report, cancel, today
                ),
            )
            .on_progress(self._show_progress)
            .on_success(lambda result: self._show_result(request, result, today))
            .on_failure(self._export_failed)
            .on_cancel(self._export_cancelled)
            .start(writer_pool())
        )

    def _show_progress(self, progress: Progress) -> None:
        fraction = progress.fraction or 0.0
        self.progress_bar.setValue(int(fraction * 1000))
        writing = fraction < 0.5
        phase = self.tr("Writing") if writing else self.tr("Checking what was written")
        self.progress_label.setText(f"{phase} — {int(fraction * 100)} %")

    @Slot()
    def cancel_export(self) -> None:
        if self._export_task is not None and self._export_task.is_running:
            self._export_task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_label.setText(self.tr("Stopping…"))

    def is_exporting(self) -> bool:
        return self._export_task is not None and self._export_task.is_running

    def _show_result(self, request: ExportRequest, result: ExportResult, today: date) -> None:
        self.result = result
        self.password_panel.show_result(request, result, today)
        self._show_step(DONE)

    def _export_cancelled(self) -> None:
        self._show_step(REVIEW)
        self.error_bar.show_message(self.tr("Cancelled. Nothing was written."))
        self.start_preview()

    def _export_failed(self, failure: TaskFailure) -> None:
        self._show_step(REVIEW)
        self.error_bar.show_error(self._export_failure_text(failure.error))
        if failure.is_bug:
            failure.show_as_crash()
        self.start_preview()

    def _export_failure_text(self, error: BaseException) -> str:
        if isinstance(error, BundleWriteFailed):
            return self.tr(
                "The bundle could not be written to {path}. Was the USB stick removed? "
                "Nothing was left behind; check the drive and try again."
            ).format(path=Path(error.path).parent)
        if isinstance(error, SourceChanged | BundleInvalid):
            return self.tr(
                "The check after writing found a difference, so the bundle was deleted. "
                "Try again, or choose another drive; use “Check binder” if it happens again."
            )
        if isinstance(error, CasebookError):
            return failure_message(error)
        return failure_message(error)

    @Slot()
    def _restart(self) -> None:
        self.result = None
        self._request = None
        self.preview = None
        self._show_step(DETAILS)

    # Lifecycle -----------------------------------------------------------------------------

    def stop_work(self) -> None:
        """Cancel what is running and forget the password (before the binder locks)."""
        self.cancel_export()
        for task in self._tasks:
            task.cancel()
        self.password_panel.clear()
        self.result = None
