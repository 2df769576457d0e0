"""The recordings of one consultation, on its page: play, add from a phone, send or not, remove.

It reads through a `ReadOp` and follows `Changed.RECORDINGS`, so a recording made in
note-taking or added here shows up by itself. A recording a crash interrupted is finished (its
segments made into a file) the first time the panel finds it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.changes import Changed
from casebook.core.progress import Progress
from casebook.core.recordings import Recording
from casebook.services.binder.session import BinderSession
from casebook.services.recordings import capture
from casebook.services.recordings import recordings as service
from casebook.services.recordings.importing import RecordingImportSummary, import_recordings
from casebook.ui.common import file_dialogs
from casebook.ui.common.binder_events import follow_changes
from casebook.ui.common.error_messages import describe_error
from casebook.ui.common.job_progress import PROGRESS_STEPS, open_job_progress
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import LatestRead, WriteOp
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.recordings.player_window import RecordingPlayer
from casebook.ui.recordings.recordings_model import ObjectRole, RecordingsModel

SOUND_FILES = "*.m4a *.mp3 *.amr *.wav *.ogg *.opus *.aac *.3gp *.webm *.mp4"


class RecordingsPanel(QWidget):
    def __init__(self, session: BinderSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordings_panel")
        self._session = session
        self.consultation_id: int | None = None
        self.players: list[RecordingPlayer] = []
        heading = QLabel(self.tr("Recordings"))
        heading.setProperty("role", "subheading")
        self.message_bar = MessageBar()
        self.model = RecordingsModel(self)
        self.model.include_requested.connect(self._bundle_choice_changed)
        self.list = QListView()
        self.list.setObjectName("recordings_list")
        self.list.setAccessibleName(self.tr("Recordings of this consultation"))
        self.list.setModel(self.model)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.activated.connect(lambda _index: self.play_selected())
        self.list.selectionModel().currentChanged.connect(lambda *_: self._enable())
        self.empty_label = QLabel(
            self.tr("None yet. Record during note-taking, or add one from a phone.")
        )
        self.empty_label.setProperty("role", "hint")
        self.bundle_hint = QLabel(
            self.tr("Tick a recording to send it with the bundle (large and personal: not sent "
                    "unless ticked).")
        )  # fmt: skip
        self.bundle_hint.setProperty("role", "hint")
        self.bundle_hint.setWordWrap(True)
        self.play_button = QPushButton(self.tr("Play…"))
        self.play_button.setObjectName("play_recording_button")
        self.play_button.clicked.connect(self.play_selected)
        self.add_button = QPushButton(self.tr("Add a recording from a phone…"))
        self.add_button.setObjectName("add_recording_button")
        self.add_button.clicked.connect(self._choose_files)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setObjectName("remove_recording_button")
        self.remove_button.clicked.connect(self._remove)
        buttons = QHBoxLayout()
        buttons.addWidget(heading)
        buttons.addStretch(1)
        buttons.addWidget(self.play_button)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(buttons)
        layout.addWidget(self.message_bar)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.list)
        layout.addWidget(self.bundle_hint)
        self._reader = LatestRead(self, self._read, self._show, self.message_bar.show_failure)
        self._finishing = False
        follow_changes(self, session, (Changed.RECORDINGS,), lambda _c: self.reload())
        self._enable()

    # Reading ---------------------------------------------------------------------------------

    def show_consultation(self, consultation_id: int) -> None:
        if consultation_id != self.consultation_id:
            self.message_bar.clear()
        self.consultation_id = consultation_id
        self.reload()

    def reload(self) -> None:
        if self.consultation_id is not None:
            self._reader.start()

    def _read(self) -> tuple[int | None, list[Recording], bool]:
        cid = self.consultation_id
        if cid is None:
            return None, [], False
        interrupted = bool(capture.interrupted_recordings(self._session))
        return cid, service.list_recordings(self._session, cid), interrupted

    def _show(self, found: tuple[int | None, list[Recording], bool]) -> None:
        cid, listed, interrupted = found
        if cid != self.consultation_id:
            return
        chosen = self.selected()
        self.model.set_recordings(listed)
        row = self.model.row_of(chosen.id if chosen is not None else None)
        if row is None and listed:
            row = 0
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))
        self.list.setVisible(bool(listed))
        self.bundle_hint.setVisible(bool(listed))
        self.empty_label.setVisible(not listed)
        rows = min(3, max(1, len(listed)))
        self.list.setFixedHeight(
            rows * self.list.sizeHintForRow(0) + 2 * self.list.frameWidth() + 4
        )
        self._enable()
        if interrupted:
            self._finish_interrupted()

    def _title(self, recording: Recording) -> str:
        return self.model.title(recording)

    def selected(self) -> Recording | None:
        value = self.list.currentIndex().data(ObjectRole)
        return value if isinstance(value, Recording) else None

    def _enable(self) -> None:
        chosen = self.selected()
        self.play_button.setEnabled(chosen is not None and chosen.is_ready)
        self.remove_button.setEnabled(chosen is not None and chosen.is_ready)
        self.add_button.setEnabled(self.consultation_id is not None)

    # Acting ----------------------------------------------------------------------------------

    def _finish_interrupted(self) -> None:
        """Make the segments a crash left into a playable file (once at a time)."""
        if self._finishing:
            return
        self._finishing = True
        session = self._session

        def done(finished: list[Recording]) -> None:
            self._finishing = False
            if finished:
                self.message_bar.show_message(
                    self.tr("A recording that was interrupted has been saved as far as it went.")
                )

        def failed(failure: TaskFailure) -> None:
            self._finishing = False
            self.message_bar.show_failure(failure)

        WriteOp.with_progress(
            self,
            session,
            lambda report, cancel: capture.finish_interrupted(session, report, cancel),
        ).on_success(done).on_failure(failed).start()

    @Slot()
    def play_selected(self) -> RecordingPlayer | None:
        recording = self.selected()
        if recording is None or not recording.is_ready:
            return None
        title = self._title(recording)
        if recording.consultation_title:
            title = f"{title} · {recording.consultation_title}"
        player = RecordingPlayer(self._session, recording.id, title, self)
        player.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        player.destroyed.connect(lambda: self.players.remove(player))
        self.players.append(player)
        player.show()
        return player

    @Slot(int, bool)
    def _bundle_choice_changed(self, recording_id: int, wanted: bool) -> None:
        session = self._session
        WriteOp(
            self, session, lambda: service.include_in_bundle(session, recording_id, wanted)
        ).reporting_to(self.message_bar).start()

    @Slot()
    def _remove(self) -> None:
        recording = self.selected()
        if recording is None:
            return
        session = self._session
        WriteOp(self, session, lambda: service.move_to_trash(session, recording.id)).reporting_to(
            self.message_bar
        ).start()

    @Slot()
    def _choose_files(self) -> None:
        names, _filter = file_dialogs.get_open_file_names(
            self,
            self.tr("Add a recording"),
            "",
            self.tr("Sound recordings ({patterns});;All files (*)").format(patterns=SOUND_FILES),
        )
        if names:
            self.add_files([Path(name) for name in names])

    def add_files(self, paths: list[Path]) -> None:
        """Add sound files to this consultation, with progress and Cancel."""
        if self.consultation_id is None:
            return
        session, cid = self._session, self.consultation_id
        progress = open_job_progress(
            self, "recording_import_progress", self.tr("Adding recordings"), self.tr("Checking…")
        )

        def show(step: Progress) -> None:
            fraction = step.fraction or 0.0
            progress.setValue(int(fraction * PROGRESS_STEPS))
            if step.item:
                progress.setLabelText(self.tr("Adding {name}…").format(name=step.item))

        def done(summary: RecordingImportSummary) -> None:
            progress.close()
            self._report(summary)

        def failed(failure: TaskFailure) -> None:
            progress.close()
            self.message_bar.show_failure(failure)

        def cancelled() -> None:
            progress.close()

        op = WriteOp.with_progress(
            self,
            session,
            lambda report, cancel: import_recordings(session, paths, cid, report, cancel),
        )
        progress.canceled.connect(op.cancel)
        op.on_progress(show).on_success(done).on_failure(failed).on_cancel(cancelled).start()

    def _report(self, summary: RecordingImportSummary) -> None:
        lines = []
        if summary.added:
            lines.append(self.tr("Added: {names}.").format(
                names=", ".join(r.original_name for r in summary.added)
            ))  # fmt: skip
        if summary.duplicates:
            lines.append(self.tr("Already in the binder: {names}.").format(
                names=", ".join(p.name for p, _r in summary.duplicates)
            ))  # fmt: skip
        for refusal in summary.refused:
            reason = describe_error(refusal)
            lines.append(f"{refusal.path.name}: {reason}")
        text = "\n".join(lines)
        if summary.refused:
            self.message_bar.show_error(text)
        elif text:
            self.message_bar.show_message(text)
