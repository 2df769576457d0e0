"""The things that have two versions, as a Qt list: what kind of record, which field, and the
record's own words ("A question: Wording of the question / “Is surgery…”").

A model so that a choice made here or announced by an exchange repaints the list, and the
dialog keeps the chosen thing chosen by what it is (table, uid, field), not by its row.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt

from casebook.services.sharing.versions import TwoVersions
from casebook.ui.common.object_rows import AnyIndex, ObjectRole, ObjectRowsModel, SortRole
from casebook.ui.sharing import words

__all__ = ["Key", "ObjectRole", "SortRole", "TwoVersionsModel", "key_of"]

Key = tuple[str, str, str]
"""What a row is about: the table, the record's uid, the field."""

_LONGEST_LABEL = 60


def key_of(item: TwoVersions) -> Key:
    return (item.table, item.uid, item.field)


class TwoVersionsModel(ObjectRowsModel[TwoVersions]):
    """One row per field that has two versions, known by (table, uid, field). ObjectRole: the
    `TwoVersions`; SortRole: the order the service gives."""

    def set_items(self, items: Sequence[TwoVersions]) -> None:
        self.set_rows(items)

    def item_at(self, row: int) -> TwoVersions:
        return self.object_at(row)

    def key_of(self, item: TwoVersions) -> Key:
        return key_of(item)

    def title(self, item: TwoVersions) -> str:
        """Two lines: the kind and the field, then the record's words (shortened)."""
        label = item.label
        if len(label) > _LONGEST_LABEL:
            label = label[: _LONGEST_LABEL - 3] + "…"
        return self.tr("{kind}: {field}\n“{label}”").format(
            kind=words.record_kind(item.table),
            field=words.field_label(item.table, item.field),
            label=label,
        )

    def row_data(self, item: TwoVersions, index: AnyIndex, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            return self.title(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.title(item).replace("\n", " — ")
        if role == SortRole:
            return index.row()
        return None
