"""Send to a hospital: the export wizard, from recipient to the sealed bundle and its password.

Four steps the family can go back and forth between (recipient, contents, delivery, review),
then sealing on the writer lane with progress and Cancel, then the password shown once. The
review is computed on the reader lane: nothing is written before the family says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from casebook.core.profiles import DestinationProfile
from casebook.core.progress import Progress
from casebook.services import clock
from casebook.services.binder.session import BinderSession
from casebook.services.export.profiles import load_profiles
from casebook.services.export.sealing import (
    BundleSize,
    ExportRequest,
    ExportResult,
    estimate_bundle,
    export_bundle,
)
from casebook.services.export.wizard import (
    ExportChoices,
    ExportPreview,
    free_bundle_name,
    load_export_choices,
    preview_export,
)
from casebook.ui.common.error_messages import failure_message
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.common.screen_fit import mark_action_row, scrolling
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.export.contents_step import ContentsStep
from casebook.ui.export.delivery_step import DeliveryStep, Travel
from casebook.ui.export.details_step import DetailsStep
from casebook.ui.export.password_handover import PasswordHandover
from casebook.ui.export.password_panel import PasswordPanel
from casebook.ui.export.profile_step import ProfileStep
from casebook.ui.export.review_step import ReviewStep
from casebook.ui.export.send_guide import SendGuide

PROFILE, DETAILS, CONTENTS, DELIVERY, REVIEW, SEALING, DONE, GUIDE = range(8)


class ExportPage(QWidget):
    """The export wizard for one open binder. Call `stop_work()` before the session closes.

    `finding_opened(Finding)` when the family chooses to fix a pre-flight finding first.
    """

    finding_opened = Signal(object)

    def __init__(
        self,
        session: BinderSession,
        parent: QWidget | None = None,
        *,
        today: Callable[[], date] = clock.today,
        profile_folders: Sequence[Path] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("export_page")
        self._session = session
        self._today = today
        self.choices: ExportChoices | None = None
        self.preview: ExportPreview | None = None
        self.result: ExportResult | None = None
        self._request: ExportRequest | None = None
        self._tasks: list[ReadOp[Any]] = []
        self._export_task: WriteOp[ExportResult] | None = None
        self._travel = Travel.EMAIL
        self._measuring = 0  # the latest measurement asked for; older answers are dropped

        heading = QLabel(self.tr("Send the records to a hospital"))
        heading.setProperty("role", "heading")
        self.step_label = QLabel()
        self.step_label.setObjectName("export_step_label")
        self.step_label.setProperty("role", "hint")
        self.error_bar = MessageBar()
        self.error_bar.setObjectName("export_error_bar")

        self.profile_step = ProfileStep(load_profiles(profile_folders))
        self.profile_step.chosen.connect(self._profile_chosen)
        self.details = DetailsStep()
        self.contents = ContentsStep()
        self.delivery = DeliveryStep()
        self.review = ReviewStep()
        self.review.use_parts_requested.connect(self._use_parts)
        self.review.finding_opened.connect(self.finding_opened)
        self.password_panel = PasswordPanel()
        self.password_panel.finished.connect(self._show_guide)
        self.send_guide = SendGuide()
        self.send_guide.finished.connect(self._restart)
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("export_progress_bar")
        self.progress_bar.setRange(0, 1000)
        self.progress_bar.setTextVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("export_progress_label")
        self.progress_label.setWordWrap(True)
        # The password appears here before the bundle gets its final name (see
        # password_handover): a crash after that leaves a bundle the family can open.
        self.early_password_label = QLabel()
        self.early_password_label.setObjectName("early_password_label")
        self.early_password_label.setWordWrap(True)
        self.early_password_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.early_password_label.hide()
        self.handover = PasswordHandover(self)
        self.handover.shown.connect(self._password_ready)
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
        sealing_layout.addWidget(self.early_password_label)
        sealing_layout.addWidget(self.cancel_button)
        sealing_layout.addStretch(1)

        self.stack = QStackedWidget()
        for step in (
            self.profile_step, self.details, self.contents, self.delivery, self.review, sealing,
            self.password_panel, self.send_guide,
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
        nav_layout.addStretch(1)
        nav_layout.addWidget(self.back_button)
        nav_layout.addWidget(self.next_button)
        for step in (self.profile_step, self.details, self.contents, self.delivery):
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
        # Back and Next stay in view below the scrolling step, however long it is.
        nav_layout.setContentsMargins(36, 8, 36, 16)
        mark_action_row(self.nav)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(scrolling(content), 1)
        outer.addWidget(self.nav)
        self._show_step(PROFILE)
        self.reload()

    # Loading -------------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read the binder's records for the contents step (reader lane)."""
        session = self._session
        self._track(
            ReadOp(self, lambda: load_export_choices(session))
            .on_success(self._show_choices)
            .on_failure(self._on_failed)
            .start()
        )

    def _track(self, task: ReadOp[Any]) -> None:
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
            profile_id=profile.id if (profile := self.profile_step.profile()) else "",
        )

    def _show_step(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        titles = {
            PROFILE: self.tr("Step 1 of 5 — Reader"),
            DETAILS: self.tr("Step 2 of 5 — Recipient"),
            CONTENTS: self.tr("Step 3 of 5 — Contents"),
            DELIVERY: self.tr("Step 4 of 5 — Delivery"),
            REVIEW: self.tr("Step 5 of 5 — Review"),
            SEALING: self.tr("Sealing"),
            DONE: self.tr("Done"),
            GUIDE: self.tr("Done — how to send it"),
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
            PROFILE: self.profile_step.is_complete(),
            DETAILS: self.details.is_complete(),
            CONTENTS: self.choices is not None and self.contents.is_complete(),
            DELIVERY: self.delivery.is_complete(),
            REVIEW: self.review.can_seal() and self.preview is not None,
        }
        self.next_button.setEnabled(ready.get(index, False))
        self.back_button.setEnabled(PROFILE < index <= REVIEW)

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
            if index + 1 == DELIVERY:
                self.measure()

    @Slot()
    def go_back(self) -> None:
        index = self.stack.currentIndex()
        if PROFILE < index <= REVIEW:
            self.error_bar.clear()
            self._show_step(index - 1)

    @Slot(object)
    def _profile_chosen(self, profile: DestinationProfile) -> None:
        """The reader's languages and part size become the proposals of the later steps."""
        self.contents.use_language(profile.summary_language)
        if profile.part_size_mb is None:
            self.delivery.use_one_file()
        else:
            self.delivery.use_parts(profile.part_size_mb)

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
            ReadOp(self, lambda: preview_export(session, request, directory, today))
            .on_success(self._show_preview)
            .on_failure(self._on_failed)
            .start()
        )

    def _show_preview(self, preview: ExportPreview) -> None:
        self.preview = preview
        self.delivery.set_size(preview.size)
        self.review.show_preview(preview, self.delivery.volume_size_mb(), self.delivery.travel())
        self._refresh()

    @Slot(int)
    def _use_parts(self, megabytes: int) -> None:
        self.delivery.split_large_file(megabytes)
        self.start_preview()

    def measure(self) -> None:
        """Size the bundle as chosen so far, so the delivery step can count the e-mails
        (reader lane; the same measure the review and the seal use)."""
        self._measuring += 1
        asked = self._measuring
        self.delivery.set_size(None)
        session, request, today = self._session, self.request(), self._today()

        def measured(size: BundleSize) -> None:
            if asked == self._measuring:
                self.delivery.set_size(size)

        self._track(
            ReadOp(self, lambda: estimate_bundle(session, request, today))
            .on_success(measured)
            .on_failure(self._on_failed)
            .start()
        )

    # Sealing -------------------------------------------------------------------------------

    def start_export(self) -> None:
        """Seal the bundle on the writer lane (it also writes the export log)."""
        directory = self.delivery.directory()
        if directory is None or self.preview is None or not self.preview.preflight.ok:
            return
        today = self._today()
        request = self.request()
        name = free_bundle_name(directory, today)
        session, handover = self._session, self.handover
        self._request = request
        self._travel = self.delivery.travel()
        self.early_password_label.clear()
        self.early_password_label.hide()
        self.progress_bar.setValue(0)
        self.progress_label.setText(self.tr("Starting…"))
        self.cancel_button.setEnabled(True)
        self._show_step(SEALING)
        self._export_task = (
            WriteOp.with_progress(
                self,
                session,
                lambda report, cancel: export_bundle(
                    session,
                    request,
                    directory,
                    name,
                    report,
                    cancel,
                    today,
                    deliver_password=handover,
                ),
            )
            .on_progress(self._show_progress)
            .on_success(lambda result: self._show_result(request, result, today))
            .on_failure(self._export_failed)
            .on_cancel(self._export_cancelled)
            .start()
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

    @Slot(str)
    def _password_ready(self, password: str) -> None:
        """Shown as soon as the bundle checked out, before its parts get their final names."""
        self.cancel_button.setEnabled(False)  # too late to stop: the bundle is complete
        self.early_password_label.setText(
            self.tr("The bundle checked out. Its password: {password}").format(password=password)
        )
        self.early_password_label.show()

    def _show_result(self, request: ExportRequest, result: ExportResult, today: date) -> None:
        self.early_password_label.clear()  # from here on, the password panel holds it
        self.result = result
        self.password_panel.show_result(request, result, today)
        self.send_guide.show_guide(
            self._travel,
            result.bundle.parts,
            request.recipient.institution,
            today,
            request.summary_language,
        )
        self._show_step(DONE)

    @Slot()
    def _show_guide(self) -> None:
        """The password is saved and forgotten; what is left is sending."""
        self.result = None
        self._show_step(GUIDE)

    def _export_cancelled(self) -> None:
        self.early_password_label.clear()
        self._show_step(REVIEW)
        self.error_bar.show_message(self.tr("Cancelled. Nothing was written."))
        self.start_preview()

    def _export_failed(self, failure: TaskFailure) -> None:
        self.early_password_label.clear()  # nothing was published: the password opens nothing
        self._show_step(REVIEW)
        self.error_bar.show_error(self._export_failure_text(failure.error))
        if failure.is_bug:
            failure.show_as_crash()
        self.start_preview()

    def _export_failure_text(self, error: BaseException) -> str:
        return failure_message(error)

    @Slot()
    def _restart(self) -> None:
        self.result = None
        self._request = None
        self.preview = None
        self._show_step(PROFILE)

    # Lifecycle -----------------------------------------------------------------------------

    def stop_work(self) -> None:
        """Cancel what is running and forget the password (before the binder locks)."""
        self.cancel_export()
        for task in self._tasks:
            task.cancel()
        self.password_panel.clear()
        self.result = None
