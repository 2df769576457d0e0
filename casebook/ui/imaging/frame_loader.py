"""Decoded frames for the viewer: a small LRU in memory and one decode at a time.

Decoding runs in the isolated worker through a job on the reader lane; the window never
waits. When the user scrolls faster than frames decode, only the latest wish is decoded next
(the slices skipped over are not worth the wait). Frames live in memory only.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QObject, Signal

from casebook.core.progress import CancelToken, Report
from casebook.services.binder.session import BinderSession
from casebook.services.imaging.previews import DecodedFrame, read_frame
from casebook.services.imaging.records import InstanceRecord
from casebook.ui.common.ops import ReadOp
from casebook.ui.common.tasks import TaskFailure

CACHED_FRAMES = 24
CACHE_BYTES = 384 * 1024 * 1024
FrameKey = tuple[int, int]  # instance id, frame index


class FrameLoader(QObject):
    """`request()` answers from memory or schedules a decode; results arrive as signals."""

    frame_ready = Signal(int, int, object)  # instance id, frame, DecodedFrame
    frame_failed = Signal(int, int, object)  # instance id, frame, the error

    def __init__(self, session: BinderSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._frames: OrderedDict[FrameKey, DecodedFrame] = OrderedDict()
        self._failures: dict[FrameKey, BaseException] = {}
        self._running: ReadOp[DecodedFrame] | None = None
        self._running_key: FrameKey | None = None
        self._wanted: tuple[InstanceRecord, int] | None = None
        self._stopped = False

    def cached(self, instance: InstanceRecord, frame: int) -> DecodedFrame | None:
        key = (instance.id, frame)
        decoded = self._frames.get(key)
        if decoded is not None:
            self._frames.move_to_end(key)
        return decoded

    def request(self, instance: InstanceRecord, frame: int) -> DecodedFrame | None:
        """The frame if it is in memory; otherwise None, and it will be announced later."""
        key = (instance.id, frame)
        decoded = self.cached(instance, frame)
        if decoded is not None:
            return decoded
        if key in self._failures:
            self.frame_failed.emit(instance.id, frame, self._failures[key])
            return None
        self._wanted = (instance, frame)
        self._start_next()
        return None

    def stop(self) -> None:
        """Decode nothing more (the window is closing or the binder locking)."""
        self._stopped = True
        self._wanted = None
        if self._running is not None:
            self._running.cancel()

    def _start_next(self) -> None:
        if self._stopped or self._running is not None or self._wanted is None:
            return
        instance, frame = self._wanted
        self._wanted = None
        key = (instance.id, frame)
        if key in self._frames:
            self.frame_ready.emit(instance.id, frame, self._frames[key])
            return
        session = self._session

        def job(_report: Report, _cancel: CancelToken) -> DecodedFrame:
            return read_frame(session, instance, frame)

        self._running_key = key
        self._running = (
            ReadOp.with_progress(self, job)
            .on_success(lambda decoded: self._arrived(key, decoded))
            .on_failure(lambda failure: self._failed(key, failure))
            .on_cancel(self._finished)
            .start()
        )

    def _finished(self) -> None:
        self._running, self._running_key = None, None
        self._start_next()

    def _arrived(self, key: FrameKey, decoded: DecodedFrame) -> None:
        self._frames[key] = decoded
        while len(self._frames) > CACHED_FRAMES or (
            len(self._frames) > 1 and sum(f.size_bytes for f in self._frames.values()) > CACHE_BYTES
        ):
            self._frames.popitem(last=False)
        self._running, self._running_key = None, None
        self.frame_ready.emit(key[0], key[1], decoded)
        self._start_next()

    def _failed(self, key: FrameKey, failure: TaskFailure) -> None:
        if not failure.is_bug:
            self._failures[key] = failure.error
        self._running, self._running_key = None, None
        self.frame_failed.emit(key[0], key[1], failure.error)
        if failure.is_bug:
            failure.show_as_crash()
        self._start_next()
