"""Thumbnails for lists, fetched lazily: a miss schedules one job, arrival is announced.

Thumbnails come from `previews.document_thumbnail` (kept encrypted inside the binder); here
they live only in memory, keyed by content hash, for as long as the page that shows them.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from casebook.core.model import Document
from casebook.services.binder import BinderSession
from casebook.services.previews import can_preview, document_thumbnail
from casebook.ui.tasks import BackgroundTask, TaskFailure, reader_pool


def _decode(png: bytes | None) -> QImage | None:
    if png is None:
        return None
    image = QImage.fromData(png)
    return None if image.isNull() else image


class ThumbnailCache(QObject):
    """`image(document)` answers at once: the picture, or None while it is being made."""

    arrived = Signal(str)  # content_sha256

    def __init__(self, session: BinderSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._images: dict[str, QImage | None] = {}
        self._pending: set[str] = set()
        self._tasks: list[BackgroundTask[QImage | None]] = []

    def image(self, document: Document) -> QImage | None:
        key = document.content_sha256
        if key in self._images:
            return self._images[key]
        if key not in self._pending and can_preview(document.media_type):
            self._pending.add(key)
            session = self._session

            def job(_report: object, _cancel: object) -> QImage | None:
                return _decode(document_thumbnail(session, document).png)

            BackgroundTask(self, job).on_success(lambda image: self._store(key, image)).on_failure(
                lambda failure: self._failed(key, failure)
            ).start(reader_pool())
        return None

    def cancel(self) -> None:
        """Skip thumbnails not started yet (the binder is about to be locked)."""
        for task in self._tasks:
            task.cancel()
        self._tasks.clear()

    def has_result(self, document: Document) -> bool:
        """True once the thumbnail arrived (or is known not to exist)."""
        return document.content_sha256 in self._images or not can_preview(document.media_type)

    def _store(self, key: str, image: QImage | None) -> None:
        self._pending.discard(key)
        self._images[key] = image
        self.arrived.emit(key)

    def _failed(self, key: str, failure: TaskFailure) -> None:
        self._store(key, None)  # a list without one picture is fine; keep the rest working
        if failure.is_bug:
            failure.show_as_crash()
