"""Does the binder show what its change log says? (After a crash, in tests, in `check`.)

Every row the log has present must be in its table with the values the log shows, and every
shared row in a table must be present in the log. Anything else is listed.
"""

from __future__ import annotations

import sqlite_utils

from casebook.store.sharing.log import LogView
from casebook.store.sharing.registry import SHARED
from casebook.store.sharing.shapes import Shapes, _same


def disagreements(db: sqlite_utils.Database) -> list[str]:
    view = LogView(db)
    shapes = Shapes(db, view)
    found: list[str] = []
    for shared in SHARED:
        shape = shapes.tables[shared.table]
        in_log = {
            str(r[0])
            for r in db.execute(
                "SELECT DISTINCT row_uid FROM sync_changes WHERE tbl = ?", [shape.table]
            )
        }
        only = f" WHERE {shared.only}" if shared.only else ""
        local = {
            str(r[1]): int(r[0])
            for r in db.execute(f"SELECT rowid, uid FROM {shape.table}{only}")  # noqa: S608
        }
        for uid in sorted(in_log | set(local)):
            present = shapes.present(shape.table, uid)
            if present != (uid in local):
                state = "missing here" if present else "here but deleted in the log"
                found.append(f"{shape.table} {uid}: {state}")
                continue
            if not present:
                continue
            values = shapes.local_row(shape.table, local[uid])
            assert values is not None
            history = view.row(shape.table, uid)
            for column in shape.columns:
                current = history.heads(column)
                if not current:
                    continue
                wanted = shapes.effective(shape, column, current[0].value, values)
                if not _same(shapes.global_value(shape, column, values), wanted):
                    found.append(f"{shape.table} {uid}: {column} differs from the log")
    return found
