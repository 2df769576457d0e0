"""Records a consultation into the binder while the family takes notes.

Sound from an `AudioSource` is gathered in memory and handed to the writer lane once a second
(`WriteOp` → `capture.append_sound`, each its own committed transaction), so a crash loses at
most the last second or two and nothing is ever written to disk outside the binder. The time
shown and the marks of notes are read from the sound itself (bytes received), not from a wall
clock, so a mark points at what was heard when the note was begun.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from casebook.core.recordings import MAX_DURATION_SECONDS, Recording
from casebook.services.binder.session import BinderSession
from casebook.services.recordings import capture
from casebook.ui.common.ops import WriteOp
from casebook.ui.common.tasks import TaskFailure
from casebook.ui.recordings.sources import AudioSource

FLUSH_INTERVAL_MS = 1000


class Recorder(QObject):
    """One recording at a time: `start`, then `stop`; `elapsed_ms` while it runs."""

    started = Signal(int)  # recording id
    elapsed = Signal(int)  # ms of sound so far
    finished = Signal(object)  # Recording, or None when nothing was recorded
    failed = Signal(object)  # TaskFailure
    source_failed = Signal()

    def __init__(self, session: BinderSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._source: AudioSource | None = None
        self.recording_id: int | None = None
        self._pending = bytearray()
        self._bytes = 0
        self._seq = 0
        self._stopping = False
        self._flush = QTimer(self)
        self._flush.setInterval(FLUSH_INTERVAL_MS)
        self._flush.timeout.connect(self.flush)

    @property
    def is_recording(self) -> bool:
        return self._source is not None

    @property
    def elapsed_ms(self) -> int:
        if self._source is None:
            return 0
        return self._source.pcm_format.duration_ms(self._bytes)

    def start(self, source: AudioSource, consultation_id: int | None, title: str) -> None:
        """Create the recording in the binder, then start listening."""
        if self._source is not None:
            return
        self._source = source
        self._pending.clear()
        self._bytes = self._seq = 0
        self._stopping = False
        session, pcm_format = self._session, source.pcm_format

        def begun(recording_id: int) -> None:
            if self._source is not source:
                return
            self.recording_id = recording_id
            source.captured.connect(self._captured)
            source.failed.connect(self._source_failed)
            source.start()
            self._flush.start()
            self.started.emit(recording_id)

        WriteOp(
            self,
            session,
            lambda: capture.start_recording(session, consultation_id, title, pcm_format),
        ).on_success(begun).on_failure(self._failed).start()

    @Slot(bytes)
    def _captured(self, pcm: bytes) -> None:
        if self._source is None:
            return
        self._pending += pcm
        self._bytes += len(pcm)
        self.elapsed.emit(self.elapsed_ms)
        if self.elapsed_ms >= MAX_DURATION_SECONDS * 1000:
            self.stop()

    @Slot()
    def flush(self) -> None:
        """Hand the sound gathered so far to the writer lane."""
        if self.recording_id is None or not self._pending:
            return
        pcm, self._pending = bytes(self._pending), bytearray()
        session, recording_id, seq = self._session, self.recording_id, self._seq
        self._seq += 1
        WriteOp(
            self, session, lambda: capture.append_sound(session, recording_id, seq, pcm)
        ).on_failure(self._failed).start()

    def stop(self) -> None:
        """Stop listening, store the last sound and make the recording one file."""
        source = self._source
        if source is None or self._stopping:
            return
        self._stopping = True
        self._flush.stop()
        source.stop()
        source.captured.disconnect(self._captured)
        self.flush()
        self._source = None
        recording_id, self.recording_id = self.recording_id, None
        if recording_id is None:
            return
        session = self._session
        WriteOp.with_progress(
            self,
            session,
            lambda report, cancel: capture.finish_recording(session, recording_id, report, cancel),
        ).on_success(self._finished).on_failure(self._failed).start()

    def _finished(self, recording: Recording | None) -> None:
        self.finished.emit(recording)

    def _failed(self, failure: TaskFailure) -> None:
        self.failed.emit(failure)

    @Slot()
    def _source_failed(self) -> None:
        self.source_failed.emit()
        self.stop()
