"""Document slots and their status (missing, requested, received, not applicable)."""

from __future__ import annotations

import sqlite_utils

from casebook.core.model import PartialDate, Slot, SlotKind, SlotStatus


def list_slots(db: sqlite_utils.Database) -> list[Slot]:
    rows = db.execute(
        "SELECT kind, status, requested_on, requested_from, note FROM slots"
    ).fetchall()
    by_kind = {
        SlotKind(kind): Slot(
            kind=SlotKind(kind),
            status=SlotStatus(status),
            requested_on=PartialDate.parse(requested_on) if requested_on else None,
            requested_from=requested_from,
            note=note,
        )
        for kind, status, requested_on, requested_from, note in rows
    }
    # Catalogue order, not table order.
    return [by_kind[kind] for kind in SlotKind if kind in by_kind]


def update_slot(db: sqlite_utils.Database, slot: Slot, now: str) -> None:
    db.execute(
        """UPDATE slots SET status = ?, requested_on = ?, requested_from = ?, note = ?,
               updated_at = ? WHERE kind = ?""",
        [
            slot.status.value,
            slot.requested_on.iso() if slot.requested_on else None,
            slot.requested_from,
            slot.note,
            now,
            slot.kind.value,
        ],
    )


def mark_received_if_missing(db: sqlite_utils.Database, kind: SlotKind, now: str) -> None:
    """A document arriving in a missing or requested slot (or in "Other") means it has been
    received."""
    db.execute(
        """UPDATE slots SET status = 'received', updated_at = ?
           WHERE kind = ? AND (status IN ('missing', 'requested') OR kind = 'other')""",
        [now, kind.value],
    )
