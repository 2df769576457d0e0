"""Reading the text of new photos and scans in the background, after they are imported.

An import stores the files at full speed and returns; their text is read afterwards, one
document at a time, while the family carries on. The slow part (seconds a page, in the OCR
worker process) runs as a `ReadOp` on a reader lane and only keeping the result is a small
`WriteOp`, so a batch of fifty photos never holds up the next import or an edit on the one
writer lane. Whenever documents change, whatever is still waiting is picked up; a document
that cannot be read is marked as such (and not tried again), so the queue always ends.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from casebook.core.changes import Changed, Changes
from casebook.core.progress import CancelToken, Report
from casebook.services.binder.session import BinderSession
from casebook.services.records.recognition import (
    ReadText,
    read_document_text,
    store_document_text,
    waiting_documents,
)
from casebook.ui.common.binder_events import binder_events
from casebook.ui.common.ops import ReadOp, WriteOp
from casebook.ui.common.tasks import TaskFailure

# How one document is read; tests wrap the real reading to hold it at a known moment.
Reader = Callable[[BinderSession, int, CancelToken], ReadText | None]


class BackgroundReading(QObject):
    """Reads every document whose text is still waiting, one at a time, for one session."""

    document_read = Signal(int)  # a document's text (or that it has none) was just kept
    idle = Signal()  # nothing is waiting any more

    def __init__(
        self, session: BinderSession, parent: QObject | None = None, reader: Reader | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._reader = reader or read_document_text
        self._busy = False
        self._again = False  # documents changed while one was being read: look once more
        self._op: ReadOp[ReadText | None] | None = None
        binder_events(session).binder_changed.connect(self._changed)
        self.look()

    @property
    def busy(self) -> bool:
        return self._busy

    def look(self) -> None:
        """Start reading the next waiting document, unless one is being read already."""
        if self._busy:
            self._again = True
            return
        self._busy, self._again = True, False
        session, reader = self._session, self._reader

        def read_next(_report: Report, cancel: CancelToken) -> ReadText | None:
            for document_id in waiting_documents(session):
                found = reader(session, document_id, cancel)
                if found is not None:
                    return found
            return None

        self._op = (
            ReadOp.with_progress(self, read_next)
            .on_success(self._read)
            .on_failure(self._stopped)
            .on_cancel(self._stop)
            .start()
        )

    def cancel(self) -> None:
        if self._op is not None:
            self._op.cancel()

    def _changed(self, changes: Changes) -> None:
        if Changed.DOCUMENTS in changes.kinds:
            self.look()

    def _read(self, found: ReadText | None) -> None:
        if found is None:
            self._busy = False
            if self._again:
                self.look()
            else:
                self.idle.emit()
            return
        session = self._session

        def kept(_text: str) -> None:
            self._busy = False
            self.document_read.emit(found.document_id)
            self.look()

        WriteOp(self, session, lambda: store_document_text(session, found)).on_success(
            kept
        ).on_failure(self._stopped).start()

    def _stopped(self, _failure: TaskFailure) -> None:
        """A bug or a binder that went away: stop here rather than try the same file again;
        the next change of documents (or the next unlock) starts over."""
        self._stop()

    def _stop(self) -> None:
        self._busy = self._again = False
        self.idle.emit()
