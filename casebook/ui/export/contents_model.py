"""What can go into the bundle, as a two-level Qt model with check boxes: the records by kind
(each kind's box ticks all its documents, and shows partly ticked when some are), then the
imaging studies; a size or count beside each.

Everything starts ticked. A tick lives here, by what it is (a document's or a study's id), so a
list read again keeps what the family unticked, and anything new comes ticked.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from casebook.core.model import Document, ImagingStudy, RecordKind
from casebook.services.export.wizard import ExportChoices
from casebook.ui.common.labels import (
    choose_plural,
    format_partial_date,
    format_size,
    slot_kind_label,
)

AnyIndex = QModelIndex | QPersistentModelIndex
Entry = Document | ImagingStudy

ObjectRole = Qt.ItemDataRole.UserRole + 1
"""A row's `Document` or `ImagingStudy`, or a group row's `ContentsGroup`."""
SortRole = Qt.ItemDataRole.UserRole + 2
"""The order the binder gives: kinds as the record list has them, then the studies."""

ITEM, SIZE = range(2)
_GROUP = 0
"""The internal id of a group row; an entry row's is its group's number plus one."""

_CHECKED, _UNCHECKED, _PARTLY = (
    Qt.CheckState.Checked,
    Qt.CheckState.Unchecked,
    Qt.CheckState.PartiallyChecked,
)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class ContentsGroup:
    kind: RecordKind | None  # None: the imaging studies
    entries: tuple[Entry, ...]


def _key(entry: Entry) -> tuple[str, int]:
    return ("document" if isinstance(entry, Document) else "study", entry.id)


class ContentsModel(QAbstractItemModel):
    """Groups at the top level, documents or studies below; column 0 is ticked."""

    ticks_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[ContentsGroup] = []
        self._unticked: set[tuple[str, int]] = set()

    def set_choices(self, choices: ExportChoices) -> None:
        """Offer these; what was unticked and is still offered stays unticked."""
        groups = []
        for slot in choices.slots:
            filed = tuple(d for d in choices.documents if d.slot is slot.kind)
            if filed:
                groups.append(ContentsGroup(slot.kind, filed))
        if choices.studies:
            groups.append(ContentsGroup(None, tuple(choices.studies)))
        self.beginResetModel()
        self._groups = groups
        offered = {_key(entry) for entry in self._entries()}
        self._unticked &= offered
        self.endResetModel()

    def _entries(self) -> Iterator[Entry]:
        for group in self._groups:
            yield from group.entries

    def checked_documents(self) -> frozenset[int]:
        return frozenset(
            e.id for e in self._entries() if isinstance(e, Document) and self._ticked(e)
        )

    def checked_studies(self) -> frozenset[int]:
        return frozenset(
            e.id for e in self._entries() if isinstance(e, ImagingStudy) and self._ticked(e)
        )

    def set_checked(self, *, document_ids: set[int], study_ids: set[int]) -> None:
        """Tick exactly these."""
        self._unticked = {
            _key(e)
            for e in self._entries()
            if e.id not in (document_ids if isinstance(e, Document) else study_ids)
        }
        self._repaint_ticks()

    def _ticked(self, entry: Entry) -> bool:
        return _key(entry) not in self._unticked

    def _group_state(self, group: ContentsGroup) -> Qt.CheckState:
        ticked = sum(1 for entry in group.entries if self._ticked(entry))
        return _CHECKED if ticked == len(group.entries) else _PARTLY if ticked else _UNCHECKED

    def _repaint_ticks(self) -> None:
        roles = [Qt.ItemDataRole.CheckStateRole]
        for number, group in enumerate(self._groups):
            parent = self.index(number, ITEM)
            self.dataChanged.emit(parent, parent, roles)
            first, last = (
                self.index(0, ITEM, parent),
                self.index(len(group.entries) - 1, ITEM, parent),
            )
            self.dataChanged.emit(first, last, roles)
        self.ticks_changed.emit()

    # Qt model API --------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: AnyIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if row < 0 or not 0 <= column <= SIZE:
            return QModelIndex()
        if not parent.isValid():
            return (
                self.createIndex(row, column, _GROUP) if row < len(self._groups) else QModelIndex()
            )
        if parent.internalId() != _GROUP or parent.column() != ITEM:
            return QModelIndex()
        if not 0 <= parent.row() < len(self._groups):
            return QModelIndex()
        if row >= len(self._groups[parent.row()].entries):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: AnyIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _GROUP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, ITEM, _GROUP)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.column() != ITEM or parent.internalId() != _GROUP:
            return 0
        return len(self._groups[parent.row()].entries)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 2

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return {ITEM: self.tr("Item"), SIZE: self.tr("Size")}.get(section)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == ITEM:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        if index.internalId() == _GROUP:
            return flags | Qt.ItemFlag.ItemIsAutoTristate if index.column() == ITEM else flags
        return flags | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if index.internalId() == _GROUP:
            return self._group_data(self._groups[index.row()], index, role)
        entry = self._groups[index.internalId() - 1].entries[index.row()]
        if role == ObjectRole:
            return entry
        if role == SortRole:
            return index.row()
        if index.column() == SIZE:
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return self._size(entry)
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._title(entry)
        if role == Qt.ItemDataRole.CheckStateRole:
            return _CHECKED if self._ticked(entry) else _UNCHECKED
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(entry, Document):
            return entry.original_name
        return None

    def _group_data(self, group: ContentsGroup, index: AnyIndex, role: int) -> object:
        if role == ObjectRole:
            return group
        if role == SortRole:
            return index.row()
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if role == Qt.ItemDataRole.CheckStateRole and index.column() == ITEM:
                return self._group_state(group)
            return None
        count = len(group.entries)
        if index.column() == SIZE:
            if group.kind is None:
                return choose_plural(count, self.tr("{count} study"), self.tr("{count} studies"))
            return choose_plural(count, self.tr("{count} document"), self.tr("{count} documents"))
        return slot_kind_label(group.kind) if group.kind else self.tr("Imaging studies")

    def _title(self, entry: Entry) -> str:
        if isinstance(entry, ImagingStudy):
            parts = [format_partial_date(entry.study_date), entry.modalities]
            parts.append(entry.description or self.tr("(no description)"))
            return " · ".join(p for p in parts if p)
        title = entry.title or entry.original_name
        if entry.needs_review:
            title = self.tr("⚑ {title} (not confirmed yet)").format(title=title)
        if entry.document_date is not None:
            title = f"{title} · {format_partial_date(entry.document_date)}"
        return title

    def _size(self, entry: Entry) -> str:
        if isinstance(entry, ImagingStudy):
            return choose_plural(
                entry.image_count, self.tr("{count} image"), self.tr("{count} images")
            )
        return format_size(entry.size)

    def setData(self, index: AnyIndex, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not index.isValid() or index.column() != ITEM:
            return False
        ticked = Qt.CheckState(value) != _UNCHECKED
        roles = [Qt.ItemDataRole.CheckStateRole]
        if index.internalId() == _GROUP:
            group = self._groups[index.row()]
            keys = {_key(entry) for entry in group.entries}
            self._unticked = self._unticked - keys if ticked else self._unticked | keys
            first, last = (
                self.index(0, ITEM, index),
                self.index(len(group.entries) - 1, ITEM, index),
            )
            self.dataChanged.emit(index, index, roles)
            self.dataChanged.emit(first, last, roles)
        else:
            entry = self._groups[index.internalId() - 1].entries[index.row()]
            if ticked:
                self._unticked.discard(_key(entry))
            else:
                self._unticked.add(_key(entry))
            self.dataChanged.emit(index, index, roles)
            group_index = self.parent(index)
            self.dataChanged.emit(group_index, group_index, roles)
        self.ticks_changed.emit()
        return True
