"""Marks each note entry begun while recording with where in the recording it was begun.

The moment is taken when the entry is first saved (within a second of its first keystroke, see
`EntryAutosaver`); the mark is written once the entry has its id. Playing from a mark starts a
few seconds earlier, so the sentence that prompted the note is heard whole.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot

from casebook.services.binder.session import BinderSession
from casebook.services.consultations import EntryDraft
from casebook.services.recordings.recordings import mark_note
from casebook.ui.common.ops import WriteOp
from casebook.ui.consultations.autosave import EntryAutosaver


class NoteMarker(QObject):
    """Watches the autosaver; `offset_now()` says where the recording is (None: not recording),
    `recording_id()` which recording it is."""

    def __init__(
        self,
        session: BinderSession,
        autosaver: EntryAutosaver,
        offset_now: Callable[[], int | None],
        recording_id: Callable[[], int | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._autosaver = autosaver
        self._offset_now = offset_now
        self._recording_id = recording_id
        self._waiting: list[tuple[EntryDraft, int, int]] = []  # draft, recording, offset
        self._marked: set[int] = set()
        autosaver.saving_started.connect(self._saving)
        autosaver.saved.connect(self._saved)

    @Slot()
    def _saving(self) -> None:
        draft = self._autosaver.draft
        offset, recording = self._offset_now(), self._recording_id()
        if draft is None or offset is None or recording is None or draft.entry_id is not None:
            return
        if not any(waiting is draft for waiting, _r, _o in self._waiting):
            self._waiting.append((draft, recording, offset))

    @Slot(int)
    def _saved(self, entry_id: int) -> None:
        found = next((w for w in self._waiting if w[0].entry_id == entry_id), None)
        if found is None:
            return
        self._waiting.remove(found)
        if entry_id in self._marked:
            return
        self._marked.add(entry_id)
        session, (_draft, recording, offset) = self._session, found
        WriteOp(self, session, lambda: mark_note(session, entry_id, recording, offset)).start()
