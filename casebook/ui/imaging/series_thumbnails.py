"""Series thumbnails fetched lazily: a miss schedules one job on the reader lane; arrival is
announced with the series id. Pictures live in memory only while the page shows them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from casebook.core.progress import CancelToken, Report
from casebook.services.binder import BinderSession
from casebook.services.imaging_previews import Preview, series_thumbnail
from casebook.ui.tasks import BackgroundTask, TaskFailure, reader_pool


class SeriesThumbnailCache(QObject):
    """`image(series_id)` answers at once: the picture, or None while it is being made."""

    arrived = Signal(int)  # series id

    def __init__(self, session: BinderSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._images: dict[int, QImage | None] = {}
        self._problems: dict[int, str] = {}
        self._tasks: dict[int, BackgroundTask[Preview]] = {}

    def image(self, series_id: int) -> QImage | None:
        if series_id in self._images:
            return self._images[series_id]
        if series_id not in self._tasks:
            session = self._session

            def job(_report: Report, _cancel: CancelToken) -> Preview:
                return series_thumbnail(session, series_id)

            self._tasks[series_id] = (
                BackgroundTask(self, job)
                .on_success(lambda preview: self._store(series_id, preview))
                .on_failure(lambda failure: self._failed(series_id, failure))
                .on_cancel(lambda: self._forget_task(series_id))
                .start(reader_pool())
            )
        return None

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
        for task in self._tasks.values():
            task.cancel()
        self._tasks.clear()

    def _forget_task(self, series_id: int) -> None:
        self._tasks.pop(series_id, None)

    def _store(self, series_id: int, preview: Preview) -> None:
        self._tasks.pop(series_id, None)
        image = QImage.fromData(preview.png) if preview.png is not None else None
        self._images[series_id] = image if image is not None and not image.isNull() else None
        self._problems[series_id] = preview.problem
        self.arrived.emit(series_id)

    def _failed(self, series_id: int, failure: TaskFailure) -> None:
        self._store(series_id, Preview(None, str(failure.error)))
        if failure.is_bug:
            failure.show_as_crash()
