"""The recordings of one consultation as a Qt list, each ticked when it goes with the bundle.

A model so that a recording added, finished or removed (announced as a change) repaints the
list and keeps the chosen recording. A tick is not stored here: it asks the panel to save it
(`include_requested`), and the change that write announces brings the binder's state back.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Qt, Signal

from casebook.core.recordings import Recording, RecordingOrigin, clock_text
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole

__all__ = ["ObjectRole", "RecordingsModel", "SortRole"]


class RecordingsModel(ObjectRowsModel[Recording]):
    """One row per recording; ready ones can be ticked for the bundle. ObjectRole: the
    `Recording`; SortRole: the order the service gives (when recorded)."""

    include_requested = Signal(int, bool)  # recording id, wanted in the bundle

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: dict[int, bool] = {}  # ticks asked for, until the binder says so

    def set_recordings(self, recordings: Sequence[Recording]) -> None:
        self._pending = {}
        self.set_rows(recordings)

    def title(self, recording: Recording) -> str:
        return recording.title or self.tr("Recording")

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.object_at(index.row()).is_ready:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemNeverHasChildren

    def row_data(self, recording: Recording, index: AnyIndex, role: int) -> object:
        if role == SortRole:
            return index.row()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(recording)
        if recording.is_ready and role == Qt.ItemDataRole.CheckStateRole:
            wanted = self._pending.get(recording.id, recording.include_in_bundle)
            return Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked
        if recording.is_ready and role == Qt.ItemDataRole.ToolTipRole:
            return self.tr("Ticked: sent with the bundle for the hospital")
        return None

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid():
            return False
        recording = self.object_at(index.row())
        if not recording.is_ready:
            return False
        wanted = Qt.CheckState(value) == Qt.CheckState.Checked
        self._pending[recording.id] = wanted
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.include_requested.emit(recording.id, wanted)
        return True

    def _text(self, recording: Recording) -> str:
        if not recording.is_ready:
            return self.tr("{title} — being recorded").format(title=self.title(recording))
        how = (
            self.tr("recorded in Casebook")
            if recording.origin is RecordingOrigin.RECORDED
            else self.tr("from {name}").format(name=recording.original_name)
        )
        return self.tr("{title} — {time} ({how})").format(
            title=self.title(recording), time=clock_text(recording.duration_ms), how=how
        )
