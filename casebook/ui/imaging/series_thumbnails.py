"""Series thumbnails fetched lazily: a miss schedules one job on the reader lane, newest
request first (the series on screen now); arrival is announced with the series id. Pictures
live in memory only while the page shows them; made ones are stored by the writer lane."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from casebook.services.binder.session import BinderSession
from casebook.services.imaging.previews import Preview, remember_preview, series_thumbnail
from casebook.ui.common.newest_first import NewestFirst
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.common.tasks import TaskFailure


class SeriesThumbnailCache(QObject):
    """`image(series_id)` answers at once: the picture, or None while it is being made."""

    arrived = Signal(int)  # series id

    def __init__(self, session: BinderSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._images: dict[int, QImage | None] = {}
        self._problems: dict[int, str] = {}
        self._tasks: dict[int, ReadOp[Preview]] = {}
        self._queue: NewestFirst[int] = NewestFirst(self._start)

    def image(self, series_id: int) -> QImage | None:
        if series_id in self._images:
            return self._images[series_id]
        self._queue.ask(series_id)
        return None

    def _start(self, series_id: int) -> None:
        session = self._session
        read = ReadOp(self, lambda: series_thumbnail(session, series_id, store=False))
        read.on_success(lambda preview: self._arrived(series_id, preview))
        read.on_failure(lambda failure: self._failed(series_id, failure))
        read.on_cancel(lambda: self._forget_task(series_id))
        self._tasks[series_id] = read.start()

    def _arrived(self, series_id: int, preview: Preview) -> None:
        if preview.unsaved is not None:  # made just now: keep it (the writer lane stores it)
            session = self._session
            WriteOp(self, session, lambda: remember_preview(session, preview)).start()
        self._store(series_id, preview)

    def has_result(self, series_id: int) -> bool:
        return series_id in self._images

    def problem(self, series_id: int) -> str:
        return self._problems.get(series_id, "")

    def forget(self) -> None:
        """Drop the pictures held in memory (after an import, thumbnails may be new)."""
        self.cancel()
        self._images.clear()
        self._problems.clear()

    def cancel(self) -> None:
        """Skip thumbnails not started yet (the binder is about to be locked)."""
        self._queue.forget()
        for task in self._tasks.values():
            task.cancel()
        self._tasks.clear()

    def _forget_task(self, series_id: int) -> None:
        self._tasks.pop(series_id, None)
        self._queue.finished(series_id)

    def _store(self, series_id: int, preview: Preview) -> None:
        self._tasks.pop(series_id, None)
        self._queue.finished(series_id)
        image = QImage.fromData(preview.png) if preview.png is not None else None
        self._images[series_id] = image if image is not None and not image.isNull() else None
        self._problems[series_id] = preview.problem
        self.arrived.emit(series_id)

    def _failed(self, series_id: int, failure: TaskFailure) -> None:
        self._store(series_id, Preview(None, str(failure.error)))
        if failure.is_bug:
            failure.show_as_crash()
