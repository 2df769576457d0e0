"""Thumbnails for lists, fetched lazily: a miss schedules one job, arrival is announced.

Thumbnails come from `previews.document_thumbnail` (kept encrypted inside the binder); here
they live only in memory, keyed by content hash, for as long as the page that shows them. The
newest request goes first (the rows on screen now), a few at a time.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from casebook.core.model import Document
from casebook.services.binder.session import BinderSession
from casebook.services.records.previewable import can_preview
from casebook.services.records.previews import Preview, document_thumbnail, remember_preview
from casebook.ui.common.newest_first import NewestFirst
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.common.tasks import TaskFailure


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
        self._documents: dict[str, Document] = {}
        self._reads: list[ReadOp[Preview]] = []
        self._queue: NewestFirst[str] = NewestFirst(self._start)

    def image(self, document: Document) -> QImage | None:
        key = document.content_sha256
        if key in self._images:
            return self._images[key]
        if can_preview(document.media_type):
            self._documents[key] = document
            self._queue.ask(key)
        return None

    def _start(self, key: str) -> None:
        session, document = self._session, self._documents[key]
        read = ReadOp(self, lambda: document_thumbnail(session, document, store=False))
        read.on_success(lambda preview: self._arrived(key, preview))
        read.on_failure(lambda failure: self._failed(key, failure))
        read.on_cancel(lambda: self._queue.finished(key))
        self._reads = [op for op in self._reads if op.is_running] + [read]
        read.start()

    def cancel(self) -> None:
        """Skip thumbnails not started yet (the binder is about to be locked)."""
        self._queue.forget()
        for read in self._reads:
            read.cancel()
        self._reads.clear()

    def _arrived(self, key: str, preview: Preview) -> None:
        if preview.unsaved is not None:  # made just now: keep it (the writer lane stores it)
            WriteOp(self, self._session, lambda: remember_preview(self._session, preview)).start()
        self._store(key, _decode(preview.png))

    def has_result(self, document: Document) -> bool:
        """True once the thumbnail arrived (or is known not to exist)."""
        return document.content_sha256 in self._images or not can_preview(document.media_type)

    def _store(self, key: str, image: QImage | None) -> None:
        self._queue.finished(key)
        self._documents.pop(key, None)
        self._images[key] = image
        self.arrived.emit(key)

    def _failed(self, key: str, failure: TaskFailure) -> None:
        self._store(key, None)  # a list without one picture is fine; keep the rest working
        if failure.is_bug:
            failure.show_as_crash()
