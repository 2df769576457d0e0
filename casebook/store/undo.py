"""Snapshots of deleted rows, kept inside the binder, so a deletion can be undone.

Before a row is deleted, `capture` reads it and every row that depends on it (rows that go with
it, rows whose reference is set to NULL, rows keyed by a list of ids that includes it) into one
JSON snapshot, in the same transaction as the delete. `restore` puts them all back with their
original ids; only when an id has been taken since does a row get a new one, and its dependents
follow it. Only the last `KEPT_SNAPSHOTS` snapshots are kept.
"""

from __future__ import annotations

import enum
import json
from dataclasses import dataclass
from typing import Any

import sqlcipher3
import sqlite_utils

KEPT_SNAPSHOTS = 20


class Link(enum.Enum):
    """How a dependent table points at the deleted row."""

    ROWS = "rows"  # `column` holds the row's id; those rows are deleted with it
    NULLED = "nulled"  # `column` holds the row's id; it is set to NULL when the row goes
    MEMBER = "member"  # `column` is a comma list of ids ("3,7"); those rows are deleted


@dataclass(frozen=True)
class Dependent:
    table: str
    column: str
    link: Link = Link.ROWS
    condition: str = ""  # a constant extra SQL condition, e.g. "target_kind = 'consultation'"


@dataclass(frozen=True)
class Shape:
    """A kind of record that can be deleted and brought back: its table and its dependents."""

    kind: str
    table: str
    label_column: str
    dependents: tuple[Dependent, ...] = ()


@dataclass(frozen=True)
class Snapshot:
    id: int
    kind: str
    label: str
    payload: dict[str, Any]


def _where(dependent: Dependent) -> str:
    if dependent.link is Link.MEMBER:
        match = f"',' || {dependent.column} || ',' LIKE '%,' || ? || ',%'"
    else:
        match = f"{dependent.column} = ?"
    return f"{match} AND {dependent.condition}" if dependent.condition else match


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def capture(db: sqlite_utils.Database, shape: Shape, row_id: int) -> dict[str, Any] | None:
    """The row and its dependents as plain JSON-able data; None when there is no such row."""
    found = _rows(db, f"SELECT * FROM {shape.table} WHERE id = ?", [row_id])  # noqa: S608
    if not found:
        return None
    dependents = []
    for dependent in shape.dependents:
        sql = f"SELECT * FROM {dependent.table} WHERE {_where(dependent)}"  # noqa: S608
        rows = _rows(db, sql, [row_id])
        if dependent.link is Link.NULLED:
            dependents.append({"ids": [row["id"] for row in rows]})
        else:
            dependents.append({"rows": rows})
    return {"row": found[0], "dependents": dependents}


def save_snapshot(
    db: sqlite_utils.Database, shape: Shape, payload: dict[str, Any], now: str
) -> int:
    """Store a captured snapshot (dropping all but the newest KEPT_SNAPSHOTS); returns its id."""
    label = str(payload["row"].get(shape.label_column) or "")
    cursor = db.execute(
        "INSERT INTO undo_snapshots(kind, label, payload_json, taken_at) VALUES (?, ?, ?, ?)",
        [shape.kind, label, json.dumps(payload, ensure_ascii=False), now],
    )
    db.execute(
        """DELETE FROM undo_snapshots WHERE id NOT IN
           (SELECT id FROM undo_snapshots ORDER BY id DESC LIMIT ?)""",
        [KEPT_SNAPSHOTS],
    )
    return int(cursor.lastrowid or 0)


def take_snapshot(db: sqlite_utils.Database, snapshot_id: int) -> Snapshot | None:
    """Read and remove a snapshot (an undo happens once)."""
    row = db.execute(
        "SELECT id, kind, label, payload_json FROM undo_snapshots WHERE id = ?", [snapshot_id]
    ).fetchone()
    if row is None:
        return None
    db.execute("DELETE FROM undo_snapshots WHERE id = ?", [snapshot_id])
    return Snapshot(int(row[0]), str(row[1]), str(row[2]), json.loads(row[3]))


def _columns(db: sqlite_utils.Database, table: str) -> set[str]:
    return {str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")}


def _id_taken(db: sqlite_utils.Database, table: str, row_id: Any) -> bool:
    sql = f"SELECT 1 FROM {table} WHERE id = ?"  # noqa: S608
    return db.execute(sql, [row_id]).fetchone() is not None


def _insert(db: sqlite_utils.Database, table: str, row: dict[str, Any]) -> int:
    known = _columns(db, table)
    names = [name for name in row if name in known]  # only real column names reach the SQL
    if "id" in row and _id_taken(db, table, row["id"]):
        names.remove("id")
    marks = ", ".join("?" for _ in names)
    cursor = db.execute(
        f"INSERT INTO {table}({', '.join(names)}) VALUES ({marks})",  # noqa: S608
        [row[name] for name in names],
    )
    return int(cursor.lastrowid or 0)


def _remapped_key(key: str, old: int, new: int) -> str:
    ids = [new if int(part) == old else int(part) for part in key.split(",") if part]
    return ",".join(str(i) for i in sorted(ids))


def restore(db: sqlite_utils.Database, shape: Shape, payload: dict[str, Any]) -> int:
    """Put the snapshot's rows back; returns the row's id (its original one when still free)."""
    row = payload["row"]
    old_id = int(row["id"])
    new_id = _insert(db, shape.table, row)
    # A snapshot taken by an older Casebook lists fewer dependents (later ones were added at
    # the end): what it holds comes back.
    for dependent, saved in zip(shape.dependents, payload["dependents"], strict=False):
        if dependent.link is Link.NULLED:
            ids = [int(i) for i in saved["ids"]]
            for each in ids:
                db.execute(
                    f"""UPDATE {dependent.table} SET {dependent.column} = ?
                        WHERE id = ? AND {dependent.column} IS NULL""",  # noqa: S608
                    [new_id, each],
                )
            continue
        for dependent_row in saved["rows"]:
            copied = dict(dependent_row)
            if dependent.link is Link.MEMBER:
                key = str(copied[dependent.column])
                copied[dependent.column] = _remapped_key(key, old_id, new_id)
            else:
                copied[dependent.column] = new_id
            try:
                _insert(db, dependent.table, copied)
            except sqlcipher3.IntegrityError:
                continue  # it pointed at something deleted since: the rest still comes back
    return new_id
