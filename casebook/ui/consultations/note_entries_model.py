"""Everyone's notes of one consultation, in time order, as a Qt list.

A model so that a refill after every save adds the new notes and repaints changed ones in
place: whoever is reading an earlier note keeps it selected and where it was on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Qt

from casebook.core.consultations import NoteEntry, NoteTag
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole
from casebook.ui.consultations.words import local_time, tag_label

__all__ = ["NoteEntriesModel", "ObjectRole", "SortRole"]

_SHORT_QUESTION = 48


class NoteEntriesModel(ObjectRowsModel[NoteEntry]):
    """One row per note with text; `question_text(id)` words the question a note answers.
    ObjectRole: the `NoteEntry`; SortRole: when it was written, then its id (the order shown)."""

    def __init__(self, question_text: Callable[[int], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._question_text = question_text

    def set_entries(self, entries: Sequence[NoteEntry]) -> None:
        """Show the entries that have text, in the order given (the service's time order)."""
        self.refresh([entry for entry in entries if entry.text.strip()])

    def entry_at(self, row: int) -> NoteEntry:
        return self.object_at(row)

    def line(self, entry: NoteEntry) -> str:
        tags = "".join(f"[{tag_label(t)}] " for t in entry.tags)
        about = ""
        if entry.question_id is not None and NoteTag.NEW_QUESTION not in entry.tags:
            question = self._question_text(entry.question_id)
            short = (
                question
                if len(question) <= _SHORT_QUESTION
                else question[: _SHORT_QUESTION - 2].rstrip() + "…"
            )
            about = self.tr("Answer to “{question}”: ").format(question=short)
        return f"{local_time(entry.written_at)} · {entry.author or '—'}  {tags}{about}{entry.text}"

    # Qt model API --------------------------------------------------------------------------

    def row_data(self, entry: NoteEntry, index: AnyIndex, role: int) -> object:
        if role == SortRole:
            return f"{entry.written_at} {entry.id:012d}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.line(entry)
        return None

    def reword(self) -> None:
        """Repaint every row (the questions the notes answer were reworded)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))
