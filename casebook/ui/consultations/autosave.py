"""Saves the note being typed within a second of every keystroke, on the writer lane.

Each change restarts a short debounce timer; a second timer caps the wait, so someone typing
without pause is still saved at least every `MAX_DELAY_MS`. Saves run in order on the single
writer lane, each committed on its own, so killing the app loses at most the last moment.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from casebook.services.binder.session import BinderSession
from casebook.services.consultations import EntryDraft
from casebook.ui.common.ops import WriteOp
from casebook.ui.common.tasks import TaskFailure

DEBOUNCE_MS = 250
MAX_DELAY_MS = 700


class EntryAutosaver(QObject):
    """Keeps one `EntryDraft` saved while its text changes."""

    saved = Signal(int)  # the entry's id
    save_failed = Signal(object)  # TaskFailure
    saving_started = Signal()

    def __init__(self, session: BinderSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.draft: EntryDraft | None = None
        self._pending: str | None = None
        self._last_saved: str | None = None
        self.in_flight = 0
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.flush)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setInterval(MAX_DELAY_MS)
        self._deadline.timeout.connect(self.flush)

    def begin(self, draft: EntryDraft, text: str = "") -> None:
        """Start keeping `draft` saved (the previous draft is flushed first)."""
        self.flush()
        self.draft = draft
        self._last_saved = text if draft.entry_id is not None else None
        self._pending = None

    def text_changed(self, text: str) -> None:
        if self.draft is None:
            return
        self._pending = text
        self._debounce.start()
        if not self._deadline.isActive():
            self._deadline.start()

    def save_now(self, text: str) -> None:
        """Save `text` at once (tags changed, entry finished)."""
        if self.draft is None:
            return
        self._pending = text
        self._last_saved = None
        self.flush()

    @property
    def has_unsaved(self) -> bool:
        return self._pending is not None or self.in_flight > 0

    def flush(self, then: Callable[[], None] | None = None) -> None:
        self._debounce.stop()
        self._deadline.stop()
        text, self._pending = self._pending, None
        draft = self.draft
        if (
            draft is None
            or text is None
            or (text == self._last_saved)
            or (draft.entry_id is None and not text.strip())
        ):
            if then is not None:
                then()
            return
        self._last_saved = text
        session = self._session
        self.in_flight += 1
        self.saving_started.emit()

        def done(entry_id: int) -> None:
            self.in_flight -= 1
            self.saved.emit(entry_id)
            if then is not None:
                then()

        def failed(failure: TaskFailure) -> None:
            self.in_flight -= 1
            self._last_saved = None
            self.save_failed.emit(failure)

        WriteOp(self, session, lambda: draft.save(session, text)).on_success(done).on_failure(
            failed
        ).start()
