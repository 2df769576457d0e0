"""Fields kept in two (or more) versions, and choosing one.

A field has several versions when its heads disagree (see core.sync). Choosing records a change
that replaces every head — even when the chosen value is the one shown already, so the choice
itself travels and the other copies stop showing two versions too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from casebook.core.sync import EXISTS, Version, distinct_heads, has_several_values
from casebook.store.sharing.log import LocalWriter, LogView
from casebook.store.sharing.registry import is_shared, shared_table
from casebook.store.sharing.shapes import Shapes


@dataclass(frozen=True)
class FieldVersions:
    table: str
    uid: str
    field: str
    versions: tuple[Version, ...]  # one per distinct value, newest first
    label: str  # what names the row (its title, its text…)


def _candidates(
    db: sqlite_utils.Database, rows: Iterable[tuple[str, str]] | None
) -> list[tuple[str, str, str]]:
    sql = """SELECT tbl, row_uid, field FROM sync_changes WHERE field != ''
             GROUP BY tbl, row_uid, field HAVING count(*) > 1"""
    found = [(str(t), str(u), str(f)) for t, u, f in db.execute(sql)]
    if rows is None:
        return found
    wanted = set(rows)
    return [c for c in found if (c[0], c[1]) in wanted]


def fields_with_several_values(
    db: sqlite_utils.Database, rows: Iterable[tuple[str, str]] | None = None
) -> list[FieldVersions]:
    """Every field of a row present here whose versions disagree (bookkeeping fields aside)."""
    view = LogView(db)
    shapes = Shapes(db, view)
    result: list[FieldVersions] = []
    for table, uid, name in _candidates(db, rows):
        if not is_shared(table) or name in shared_table(table).quiet:
            continue
        if not shapes.present(table, uid):
            continue
        current = view.row(table, uid).heads(name)
        if has_several_values(current):
            result.append(
                FieldVersions(
                    table, uid, name, tuple(distinct_heads(current)), _label(view, table, uid)
                )
            )
    return result


def rows_with_several_values(db: sqlite_utils.Database, rows: Iterable[tuple[str, str]]) -> int:
    return len(fields_with_several_values(db, rows))


def _label(view: LogView, table: str, uid: str) -> str:
    column = shared_table(table).label
    if not column:
        return ""
    current = view.row(table, uid).heads(column)
    value = current[0].value if current else ""
    return str(value) if value is not None else ""


def choose_value(db: sqlite_utils.Database, table: str, uid: str, name: str, value: Any) -> bool:
    """Settle a field on `value` (global form); False when the row is not here any more."""
    view = LogView(db)
    shapes = Shapes(db, view)
    shape = shapes.tables[table]
    if name == EXISTS or name not in shape.columns:
        raise ValueError(name)
    local = shapes.local_id(table, uid)
    if local is None:
        return False
    writer = LocalWriter(db, view)
    history = view.row(table, uid)
    refs = shapes.refs_in(shape, name, value)
    writer.record(table, uid, name, value, history.heads(name), refs)
    writer.save()
    row = shapes.local_row(table, local)
    assert row is not None
    where = "id" if shape.has_id else "rowid"
    db.execute(
        f"UPDATE {table} SET {name} = ? WHERE {where} = ?",  # noqa: S608
        [shapes.local_value(shape, name, value, row), local],
    )
    return True
