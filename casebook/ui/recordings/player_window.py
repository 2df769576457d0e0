"""Plays a recording from memory, with the notes written during it as marks on its timeline.

The stored file is decoded in the sound worker (a `ReadOp`: the window says "Preparing the
recording…" meanwhile and never waits); its PCM stays in memory. Each note written while the
recording ran is a numbered mark; clicking the mark or the note jumps to just before that note
was begun. The window is a child of the page that opened it, so locking the binder closes it.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from casebook.core.recordings import NoteMark, clock_text, play_from_ms
from casebook.services.binder.session import BinderSession
from casebook.services.recordings.recordings import Playback, load_playback
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.ops import ReadOp
from casebook.ui.common.screen_fit import fit_to_screen
from casebook.ui.recordings.note_marks_model import NoteMarksModel, ObjectRole
from casebook.ui.recordings.output import AudioOutput, make_output, preferred_pcm_format
from casebook.ui.recordings.timeline_bar import STEP_MS, RecordingTimeline

TICK_MS = 100


class RecordingPlayer(QWidget):
    """One recording: play/pause, ten-second steps, the timeline with marks, the notes."""

    def __init__(
        self,
        session: BinderSession,
        recording_id: int,
        title: str,
        parent: QWidget | None = None,
        output: AudioOutput | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("recording_player")
        self.setWindowTitle(self.tr("Recording: {title}").format(title=title))
        fit_to_screen(self, 760, 520)
        self.output = output if output is not None else make_output(self)
        self.playback: Playback | None = None

        heading = QLabel(title)
        heading.setProperty("role", "subheading")
        heading.setWordWrap(True)
        self.status = QLabel(self.tr("Preparing the recording…"))
        self.status.setObjectName("player_status")
        self.status.setWordWrap(True)
        self.error_bar = MessageBar()
        self.timeline = RecordingTimeline()
        self.timeline.setAccessibleName(self.tr("Position in the recording"))
        self.timeline.seek_requested.connect(self.seek)
        self.play_button = QPushButton(self.tr("▶ Play"))
        self.play_button.setObjectName("play_button")
        self.play_button.clicked.connect(self.toggle)
        self.back_button = QPushButton(self.tr("« 10 s"))
        self.back_button.setObjectName("back_button")
        self.back_button.setAccessibleName(self.tr("Back 10 seconds"))
        self.back_button.clicked.connect(lambda: self.seek(self.position_ms() - STEP_MS))
        self.forward_button = QPushButton(self.tr("10 s »"))
        self.forward_button.setObjectName("forward_button")
        self.forward_button.setAccessibleName(self.tr("Forward 10 seconds"))
        self.forward_button.clicked.connect(lambda: self.seek(self.position_ms() + STEP_MS))
        self.time_label = QLabel("0:00 / 0:00")
        self.time_label.setObjectName("time_label")
        controls = QHBoxLayout()
        controls.addWidget(self.play_button)
        controls.addWidget(self.back_button)
        controls.addWidget(self.forward_button)
        controls.addSpacing(12)
        controls.addWidget(self.time_label)
        controls.addStretch(1)
        notes_heading = QLabel(self.tr("Notes written while recording (click one to hear it)"))
        notes_heading.setProperty("role", "subheading")
        self.notes_model = NoteMarksModel(self)
        self.notes_list = QListView()
        self.notes_list.setObjectName("marked_notes")
        self.notes_list.setAccessibleName(self.tr("Notes written while recording"))
        self.notes_list.setWordWrap(True)
        self.notes_list.setModel(self.notes_model)
        self.notes_list.activated.connect(self._note_chosen)
        self.notes_list.clicked.connect(self._note_chosen)
        self.no_notes_label = QLabel(self.tr("No notes were written while this was recorded."))
        self.no_notes_label.setObjectName("no_marked_notes")
        self.no_notes_label.setProperty("role", "hint")
        self.no_notes_label.setWordWrap(True)
        self.no_notes_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.no_notes_label.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.close)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(heading)
        layout.addWidget(self.status)
        layout.addWidget(self.error_bar)
        layout.addWidget(self.timeline)
        layout.addLayout(controls)
        layout.addWidget(notes_heading)
        layout.addWidget(self.notes_list, 1)
        layout.addWidget(self.no_notes_label, 1)
        layout.addLayout(bottom)
        for widget in (self.play_button, self.back_button, self.forward_button, self.timeline):
            widget.setEnabled(False)
        QShortcut(QKeySequence(Qt.Key.Key_Space), self, self.toggle)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)
        pcm_format = preferred_pcm_format()
        ReadOp(self, lambda: load_playback(session, recording_id, pcm_format)).on_success(
            self.show_playback
        ).reporting_to(self.error_bar).start()

    # Loading ---------------------------------------------------------------------------------

    def show_playback(self, playback: Playback) -> None:
        self.playback = playback
        self.output.load(playback.pcm, playback.pcm_format)
        self.timeline.set_recording(playback.duration_ms, playback.marks)
        self.notes_model.set_marks(playback.marks)
        self.notes_list.setVisible(bool(playback.marks))
        self.no_notes_label.setVisible(not playback.marks)
        for widget in (self.play_button, self.back_button, self.forward_button, self.timeline):
            widget.setEnabled(True)
        if self.output.audible:
            self.status.setText(self.tr("Ready. Space plays and pauses."))
        else:
            self.status.setText(
                self.tr("No speakers or headphones were found: the recording cannot be heard "
                        "on this computer, but its notes and times are shown.")
            )  # fmt: skip
        self._show_position()

    # Playing ---------------------------------------------------------------------------------

    def position_ms(self) -> int:
        return self.output.position_ms()

    @Slot()
    def toggle(self) -> None:
        if self.playback is None:
            return
        if self.output.playing:
            self.output.pause()
            self._ticker.stop()
        else:
            start = 0 if self.output.at_end else self.position_ms()
            self.output.play_from(start)
            self._ticker.start()
        self._show_position()

    @Slot(int)
    def seek(self, ms: int) -> None:
        """Jump to `ms`; playing goes on from there (or starts, when a note was chosen)."""
        if self.playback is None:
            return
        ms = max(0, min(ms, self.output.length_ms))
        was_playing = self.output.playing
        self.output.play_from(ms)
        if not was_playing:
            self.output.pause()
        self._show_position()

    def play_note(self, mark: NoteMark) -> None:
        """Hear the moment a note was begun (from a few seconds before)."""
        if self.playback is None:
            return
        self.output.play_from(play_from_ms(mark))
        self._ticker.start()
        self._show_position()

    @Slot(QModelIndex)
    def _note_chosen(self, index: QModelIndex) -> None:
        mark = index.data(ObjectRole)
        if isinstance(mark, NoteMark):
            self.play_note(mark)

    @Slot()
    def _tick(self) -> None:
        if self.output.playing and self.output.at_end:
            self.output.pause()
            self._ticker.stop()
        self._show_position()

    def _show_position(self) -> None:
        position = self.position_ms()
        self.timeline.set_position(position)
        self.time_label.setText(f"{clock_text(position)} / {clock_text(self.output.length_ms)}")
        self.play_button.setText(self.tr("❚❚ Pause") if self.output.playing else self.tr("▶ Play"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.output.pause()
        self._ticker.stop()
        super().closeEvent(event)
