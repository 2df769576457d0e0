"""Record slots: the family's statement about each kind of record, and the files it holds.

The statement (missing, requested on … from …, not needed) is stored; whether a slot has been
received is counted from the documents and images it holds, in the same query, every time.
"Current medicines" also counts as received when the structured medicine list has current
entries (the `current_medicine_versions` view says which are current).
"""

from __future__ import annotations

import sqlite_utils

from casebook.core.model import PartialDate, RecordKind, Slot, SlotStatement

# Documents not in the trash, per slot; images count for the imaging slot.
_LIST_SLOTS = """
SELECT s.kind, s.statement, s.requested_on, s.requested_from, s.note,
       (SELECT count(*) FROM documents d WHERE d.slot = s.kind AND d.deleted_at IS NULL)
       + CASE WHEN s.kind = 'imaging'
              THEN (SELECT count(*) FROM live_imaging_instances)
              ELSE 0 END,
       CASE WHEN s.kind = 'medications'
            THEN (SELECT count(*) FROM current_medicine_versions WHERE stopped_on IS NULL)
            ELSE 0 END
FROM slots s
"""


def list_slots(db: sqlite_utils.Database) -> list[Slot]:
    by_kind = {
        RecordKind(kind): Slot(
            kind=RecordKind(kind),
            statement=SlotStatement(statement),
            requested_on=PartialDate.parse(requested_on) if requested_on else None,
            requested_from=requested_from,
            note=note,
            file_count=int(files),
            listed_count=int(listed),
        )
        for kind, statement, requested_on, requested_from, note, files, listed in db.execute(
            _LIST_SLOTS
        ).fetchall()
    }
    # Catalogue order, not table order.
    return [by_kind[kind] for kind in RecordKind if kind in by_kind]


def update_slot(db: sqlite_utils.Database, slot: Slot, now: str) -> None:
    """Store what the family said about the slot (its file count is never stored)."""
    db.execute(
        """UPDATE slots SET statement = ?, requested_on = ?, requested_from = ?, note = ?,
               updated_at = ? WHERE kind = ?""",
        [
            slot.statement.value,
            slot.requested_on.iso() if slot.requested_on else None,
            slot.requested_from,
            slot.note,
            now,
            slot.kind.value,
        ],
    )
