"""Make the binder's tables show what the log says, for the rows a merge touched.

For each row: present in the log but not here → inserted; here but absent from the log →
deleted (a snapshot is taken first where the kind can be brought back, so a deletion made on
another computer can be undone on this one too); both → the fields that differ are updated.
References are written last, once every row they may point at exists. Rows that refer to a
touched row are visited too: a consultation that comes back brings its notes back.

The capture that runs when the transaction commits then finds nothing to record: the tables
agree with the log.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import sqlite_utils

from casebook.store.sharing import log
from casebook.store.sharing.log import LogView
from casebook.store.sharing.registry import DERIVED_AFTER_MERGE, SHARED
from casebook.store.sharing.shapes import Shapes, TableShape, _same

BeforeDelete = Callable[[sqlite_utils.Database, str, int], object]
"""Called with (db, table, local id) before a row is deleted because another copy deleted it."""

_ORDER = {shared.table: index for index, shared in enumerate(SHARED)}


def materialize(
    db: sqlite_utils.Database,
    rows: Iterable[tuple[str, str]],
    before_delete: BeforeDelete | None = None,
) -> set[str]:
    """Bring `rows` (table, uid) and the rows that refer to them in step; returns the tables
    whose rows changed."""
    view = LogView(db)
    shapes = Shapes(db, view)
    affected = _with_referrers(db, set(rows))
    ordered = sorted(affected, key=lambda row: (_ORDER.get(row[0], len(_ORDER)), row[1]))
    changed: set[str] = set()
    db.execute("PRAGMA defer_foreign_keys = ON")
    # Deletions parents first: a snapshot taken before a parent goes holds the rows that go
    # with it (its notes, its links), so bringing it back brings them back.
    for table, uid in ordered:
        if table in shapes.tables and not shapes.present(table, uid):
            local = shapes.local_id(table, uid)
            if local is None:
                continue  # not here, or already gone with its parent
            if before_delete is not None:
                before_delete(db, table, local)
            where = "id" if shapes.tables[table].has_id else "rowid"
            db.execute(f"DELETE FROM {table} WHERE {where} = ?", [local])  # noqa: S608
            changed.add(table)
    for with_refs in (False, True):
        for table, uid in ordered:
            present = table in shapes.tables and shapes.present(table, uid)
            if present and _upsert(shapes, shapes.tables[table], uid, with_refs=with_refs):
                changed.add(table)
    if changed:
        for statement in DERIVED_AFTER_MERGE:
            db.execute(statement)
    return changed


def _with_referrers(db: sqlite_utils.Database, rows: set[tuple[str, str]]) -> set[tuple[str, str]]:
    """The rows and, transitively, every row whose log points at one of them."""
    found = set(rows)
    frontier = {uid for _table, uid in rows}
    while frontier:
        new = log.referrers(db, frontier) - found
        found |= new
        frontier = {uid for _table, uid in new}
    return found


def _expected(shapes: Shapes, shape: TableShape, uid: str) -> dict[str, Any]:
    """The global value each field shows (fields the log has never seen are left out)."""
    history = shapes.view.row(shape.table, uid)
    values: dict[str, Any] = {}
    for column in shape.columns:
        current = history.heads(column)
        if current:
            values[column] = current[0].value
    return values


def _upsert(shapes: Shapes, shape: TableShape, uid: str, *, with_refs: bool) -> bool:
    """Insert or update one row. References that may be missing are written in the second
    pass (`with_refs`), once every row they may point at exists."""
    expected = _expected(shapes, shape, uid)
    local = shapes.local_id(shape.table, uid)
    if local is None:
        if with_refs:
            return False
        # References to rows not here yet come out as NULL (or fewer ids) and are set in
        # the second pass.
        values = {
            column: shapes.local_value(shape, column, value, expected)
            for column, value in expected.items()
        }
        _insert(shapes.db, shape, uid, values)
        return True
    current = shapes.local_row(shape.table, local)
    assert current is not None
    updates: dict[str, Any] = {}
    for column, value in expected.items():
        if with_refs != (column in shape.refs and column not in shape.required):
            continue
        wanted = shapes.effective(shape, column, value, expected)
        if not _same(shapes.global_value(shape, column, current), wanted):
            updates[column] = shapes.local_value(shape, column, value, expected)
    if not updates:
        return False
    where = "id" if shape.has_id else "rowid"
    assignments = ", ".join(f"{column} = ?" for column in updates)
    shapes.db.execute(
        f"UPDATE {shape.table} SET {assignments} WHERE {where} = ?",  # noqa: S608
        [*updates.values(), local],
    )
    return True


def _insert(db: sqlite_utils.Database, shape: TableShape, uid: str, values: dict[str, Any]) -> None:
    row = {"uid": uid, **values}
    for column, sql in shape.shared.local_values.items():
        row[column] = db.execute(sql, row).fetchone()[0]
    names = list(row)
    marks = ", ".join("?" for _ in names)
    db.execute(
        f"INSERT INTO {shape.table}({', '.join(names)}) VALUES ({marks})",  # noqa: S608
        [row[name] for name in names],
    )
