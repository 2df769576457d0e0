"""Turn the rows a transaction touched into field changes in the log.

Runs inside the writing transaction, just before it commits (the session calls it), so a change
and its record commit together or not at all. For each touched row it compares what the row
holds now with what the log says the row shows, in global terms, and records one change per
field that differs — replacing every current version of that field, since this copy showed the
newest of them when the user acted. A field kept in two versions stays so while nobody edits
it. A row that is gone gets "deleted" recorded, unless the log already has it absent (it went
with a parent, which is deleted — and brought back — on its own).

A row brought back here (an undo) finds what the family did to it while it was gone: a note
written elsewhere in a consultation deleted here, a medicine's dose changed and its version
saved elsewhere. The log holds all of it; the undo records only that the row exists again, and
the row and those that belong to it are then written from the log.
"""

from __future__ import annotations

from collections import defaultdict

import sqlite_utils

from casebook.core.sync import EXISTS
from casebook.store.sharing.log import LocalWriter, LogView
from casebook.store.sharing.materialize import materialize
from casebook.store.sharing.registry import SHARED
from casebook.store.sharing.shapes import Shapes, TableShape, _same

__all__ = ["_same", "capture_pending"]

_MAX_ROUNDS = 8  # rows written while capturing (a referenced row given its uid) are read again


def capture_pending(db: sqlite_utils.Database) -> set[str]:
    """Record what the pending rows changed; returns the tables that got changes."""
    if db.execute("SELECT 1 FROM sync_pending LIMIT 1").fetchone() is None:
        return set()
    view = LogView(db)
    shapes = Shapes(db, view)
    writer = LocalWriter(db, view)
    changed: set[str] = set()
    revived: set[tuple[str, str]] = set()
    for _ in range(_MAX_ROUNDS):
        pending = db.execute("SELECT seq, tbl, row_id, gone_uid FROM sync_pending").fetchall()
        if not pending:
            break
        db.execute("DELETE FROM sync_pending WHERE seq <= ?", [max(int(p[0]) for p in pending)])
        touched: dict[str, set[int]] = defaultdict(set)
        gone: dict[str, set[str]] = defaultdict(set)
        for _seq, table, row_id, gone_uid in pending:
            if gone_uid is not None:
                gone[str(table)].add(str(gone_uid))
            else:
                touched[str(table)].add(int(row_id))
        for shared in SHARED:
            shape = shapes.tables[shared.table]
            for row_id in sorted(touched.get(shape.table, ())):
                if _capture_row(shapes, writer, shape, row_id, gone[shape.table], revived):
                    changed.add(shape.table)
            for uid in sorted(gone.get(shape.table, ())):
                if _capture_gone(shapes, writer, shape, uid):
                    changed.add(shape.table)
            shapes.forget_presence()
    writer.save()
    if revived:
        changed |= materialize(db, revived)
        changed |= capture_pending(db)  # what it wrote agrees with the log: nothing to record
    return changed


def _capture_row(
    shapes: Shapes,
    writer: LocalWriter,
    shape: TableShape,
    row_id: int,
    gone: set[str],
    revived: set[tuple[str, str]],
) -> bool:
    values = shapes.local_row(shape.table, row_id)
    if values is None:
        return False  # deleted later in the same transaction: its "gone" note covers it
    if not shapes.shareable(shape.table, row_id):
        return False  # stays on this computer until it meets its table's condition
    uid = values.get("uid")
    if shape.shared.natural_key:
        derived = shapes.derive_uid(shape, values)
        if uid is not None and uid != derived:
            gone.add(str(uid))  # its key changed: the old row goes, a new one comes
        uid = derived
    elif uid is None:
        uid = shapes.derive_uid(shape, values)
    if values.get("uid") != uid:
        where = "id" if shape.has_id else "rowid"
        key = values["id"] if shape.has_id else row_id
        shapes.db.execute(f"UPDATE {shape.table} SET uid = ? WHERE {where} = ?", [uid, key])  # noqa: S608
        _forget_own_note(shapes.db, shape.table, row_id)
    history = shapes.view.row(shape.table, str(uid))
    recorded = False
    existence = history.heads(EXISTS)
    if not shapes.present(shape.table, str(uid)):
        writer.record(shape.table, str(uid), EXISTS, True, existence)
        shapes.forget_presence()
        recorded = True
        if existence and not shape.shared.natural_key:
            # Brought back (only an undo gives a row its old random uid again): it shows what
            # the log holds — edits others made while it was gone included — and so do the rows
            # the family added to it meanwhile (materialized below).
            revived.add((shape.table, str(uid)))
            return True
    for column in shape.columns:
        actual = shapes.global_value(shape, column, values)
        current = history.heads(column)
        if current and _same(actual, shapes.effective(shape, column, current[0].value, values)):
            continue
        refs = shapes.refs_in(shape, column, actual)
        writer.record(shape.table, str(uid), column, actual, current, refs)
        recorded = True
    return recorded


def _forget_own_note(db: sqlite_utils.Database, table: str, row_id: int) -> None:
    """Drop the note the uid just given to a row made its trigger write (the newest note).

    The row is being recorded now and the uid is not a shared field: another round for it
    would read it again, field by field, to find nothing (half the capture of an import).
    """
    db.execute(
        "DELETE FROM sync_pending WHERE seq = (SELECT max(seq) FROM sync_pending)"
        " AND tbl = ? AND row_id = ? AND gone_uid IS NULL",
        [table, row_id],
    )


def _capture_gone(shapes: Shapes, writer: LocalWriter, shape: TableShape, uid: str) -> bool:
    if shapes.local_id(shape.table, uid) is not None:
        return False  # it came back in the same transaction (an undo)
    if not shapes.present(shape.table, uid):
        return False  # the log already has it absent (gone with its parent)
    writer.record(shape.table, uid, EXISTS, False, shapes.view.row(shape.table, uid).heads(EXISTS))
    shapes.forget_presence()
    return True
