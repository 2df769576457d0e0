"""The recording controls above the notes: ask first, then a clear start, a running timer and
a clear stop.

Starting takes two steps on purpose: the first click shows a reminder to ask the doctor's
permission, and only "Yes, the doctor agreed" starts recording. While recording, the bar is red
with the time heard so far; notes written meanwhile are marked on the recording.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from casebook.core.recordings import MAX_DURATION_SECONDS, Recording, clock_text
from casebook.services.binder.session import BinderSession
from casebook.ui.common.error_messages import failure_message
from casebook.ui.common.look import look_as
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.recordings.recorder import Recorder
from casebook.ui.recordings.sources import AudioSource, MicrophoneSource, microphone_available

SourceFactory = Callable[[], AudioSource]


def microphone() -> AudioSource:
    return MicrophoneSource()


class RecordingBar(QFrame):
    """Start/stop recording the consultation `consultation_id`."""

    recording_saved = Signal(object)  # Recording

    def __init__(
        self,
        session: BinderSession,
        consultation_id: int,
        title: str,
        source_factory: SourceFactory = microphone,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recording_bar")
        # Qt Multimedia is asked for a microphone only when the family wants to record.
        self._needs_microphone = source_factory is microphone
        self._consultation_id = consultation_id
        self._title = title
        self._source_factory = source_factory
        self.recorder = Recorder(session, self)
        self.recorder.started.connect(self._started)
        self.recorder.elapsed.connect(self._show_elapsed)
        self.recorder.finished.connect(self._finished)
        self.recorder.failed.connect(self._failed)
        self.recorder.source_failed.connect(self._source_failed)

        self.record_button = QPushButton(self.tr("● Record the consultation…"))
        self.record_button.setObjectName("record_button")
        self.record_button.clicked.connect(self._ask_permission)
        self.agreed_button = QPushButton(self.tr("Yes, the doctor agreed: start recording"))
        self.agreed_button.setObjectName("start_recording_button")
        self.agreed_button.clicked.connect(self.start)
        self.not_now_button = QPushButton(self.tr("Not now"))
        self.not_now_button.setObjectName("not_now_button")
        self.not_now_button.clicked.connect(self._show_idle)
        self.stop_button = QPushButton(self.tr("■ Stop recording"))
        self.stop_button.setObjectName("stop_recording_button")
        self.stop_button.clicked.connect(self.stop)
        self.timer_label = QLabel()
        self.timer_label.setObjectName("recording_timer")
        self.message = QLabel()
        self.message.setObjectName("recording_message")
        self.message.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.record_button)
        layout.addWidget(self.timer_label)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.agreed_button)
        layout.addWidget(self.not_now_button)
        layout.addWidget(self.stop_button)
        self._show_idle()

    # States ----------------------------------------------------------------------------------

    def _set_recording_look(self, recording: bool) -> None:
        look_as(self, recording=recording)

    def _show_only(self, *shown: QWidget) -> None:
        for widget in (
            self.record_button,
            self.agreed_button,
            self.not_now_button,
            self.stop_button,
            self.timer_label,
        ):
            widget.setVisible(widget in shown)

    @Slot()
    def _show_idle(self) -> None:
        self._set_recording_look(False)
        self._show_only(self.record_button)
        self.message.setText(self.tr("Always ask the doctor before you record."))

    @Slot()
    def _ask_permission(self) -> None:
        if self._needs_microphone and not microphone_available():
            self.message.setText(
                self.tr("No microphone was found on this computer, so Casebook cannot record.")
            )
            return
        self._show_only(self.agreed_button, self.not_now_button)
        self.message.setText(
            self.tr("Please ask first: “May we record this consultation, to listen again at home?”")
        )
        self.agreed_button.setFocus()

    @Slot()
    def start(self) -> None:
        """Start recording (the doctor agreed)."""
        if self.recorder.is_recording:
            return
        self._show_only(self.stop_button, self.timer_label)
        self.stop_button.setEnabled(False)
        self.message.setText(self.tr("Starting…"))
        self.recorder.start(self._source_factory(), self._consultation_id, self._title)

    @Slot(int)
    def _started(self, _recording_id: int) -> None:
        self._set_recording_look(True)
        self.stop_button.setEnabled(True)
        self._show_elapsed(0)
        self.message.setText(self.tr("Recording. Notes you write now are marked on the recording."))

    @Slot(int)
    def _show_elapsed(self, ms: int) -> None:
        self.timer_label.setText(
            self.tr("● Recording {time}").format(time=clock_text(ms))
            if ms < (MAX_DURATION_SECONDS - 300) * 1000
            else self.tr("● {time} (stops at 3 hours)").format(time=clock_text(ms))
        )

    @Slot()
    def stop(self) -> None:
        if not self.recorder.is_recording:
            return
        self._set_recording_look(False)
        self._show_only(self.timer_label)
        self.message.setText(self.tr("Saving the recording…"))
        self.recorder.stop()

    @Slot(object)
    def _finished(self, recording: Recording | None) -> None:
        self._show_idle()
        if recording is not None:
            self.message.setText(
                self.tr("✓ The recording ({time}) is saved with this consultation.").format(
                    time=clock_text(recording.duration_ms)
                )
            )
            self.recording_saved.emit(recording)

    @Slot(object)
    def _failed(self, failure: TaskFailure) -> None:
        self.message.setText(
            self.tr("⚠ Recording problem: {problem}").format(problem=failure_message(failure.error))
        )
        if failure.is_bug:
            failure.show_as_crash()

    @Slot()
    def _source_failed(self) -> None:
        self.message.setText(self.tr("⚠ The microphone stopped working; what was heard is kept."))

    def offset_now(self) -> int | None:
        """How far into the running recording we are, or None when not recording."""
        if self.recorder.recording_id is None:
            return None
        return self.recorder.elapsed_ms
