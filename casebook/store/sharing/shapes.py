"""How a shared row looks in the log: its fields, its global references, its uid.

A local row holds integer ids; the log holds uids. `Shapes` translates both ways, derives the
uid of rows named by a natural key, and answers "is this row present?" from the log alone: a
row is present when its existence field says alive and every row it cannot do without (a
NOT NULL reference) is present — so notes of a deleted consultation disappear with it and come
back with it, on every copy, without being deleted themselves.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from casebook.core.sync import EXISTS, is_alive
from casebook.store.sharing.log import LogView
from casebook.store.sharing.registry import SHARED, IdList, KindRef, RowRef, Shared, is_shared

ColumnRef = RowRef | KindRef | IdList


@dataclass(frozen=True)
class TableShape:
    shared: Shared
    columns: tuple[str, ...]  # shared columns, in table order
    refs: dict[str, ColumnRef]
    required: frozenset[str]  # references the row cannot exist without
    has_id: bool  # an INTEGER PRIMARY KEY `id` (else rowid only)

    @property
    def table(self) -> str:
        return self.shared.table


def _shape(db: sqlite_utils.Database, shared: Shared) -> TableShape:
    info = list(db.execute(f"PRAGMA table_info({shared.table})"))
    names = [str(row[1]) for row in info]
    notnull = {str(row[1]) for row in info if row[3]}
    has_id = any(str(row[1]) == "id" and row[5] for row in info)
    refs: dict[str, ColumnRef] = {}
    for row in db.execute(f"PRAGMA foreign_key_list({shared.table})"):
        parent, column, target = str(row[2]), str(row[3]), row[4]
        if is_shared(parent) and target in (None, "id") and parent != "slots":
            refs[column] = RowRef(parent)
    refs.update(shared.refs)
    skipped = {"uid", *shared.local}
    if has_id:
        skipped.add("id")
    columns = tuple(n for n in names if n not in skipped)
    required = frozenset(
        column
        for column, ref in refs.items()
        if (isinstance(ref, IdList) and ref.required)
        or (not isinstance(ref, IdList) and column in notnull)
    )
    return TableShape(shared, columns, refs, required, has_id)


_KNOWN_SCHEMAS: dict[tuple[tuple[str, str], ...], dict[str, TableShape]] = {}
"""Shapes by the schema's text: a capture runs in every write, and the schema rarely changes."""


def _shapes(db: sqlite_utils.Database) -> dict[str, TableShape]:
    """Every shared table's shape; read from the schema when its text is new to the process."""
    schema = tuple(
        (str(name), str(sql))
        for name, sql in db.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name"
        )
    )
    known = _KNOWN_SCHEMAS.get(schema)
    if known is None:
        if len(_KNOWN_SCHEMAS) >= 8:  # migrations, tests: a handful of schemas at most
            _KNOWN_SCHEMAS.clear()
        known = _KNOWN_SCHEMAS[schema] = {shared.table: _shape(db, shared) for shared in SHARED}
    return known


class Shapes:
    """Every shared table's shape, as the binder's schema has it now."""

    def __init__(self, db: sqlite_utils.Database, view: LogView) -> None:
        self.db = db
        self.view = view
        self.tables = _shapes(db)
        self._present: dict[tuple[str, str], bool] = {}

    # Local -> global --------------------------------------------------------------------------

    def uid_of(self, table: str, local_id: int) -> str | None:
        """The uid of a local row, given one now if it has none; None if there is no row."""
        shape = self.tables[table]
        where = "id" if shape.has_id else "rowid"
        row = self.db.execute(
            f"SELECT uid FROM {table} WHERE {where} = ?",  # noqa: S608
            [local_id],
        ).fetchone()
        if row is None:
            return None
        if row[0] is not None:
            return str(row[0])
        values = self.local_row(table, local_id)
        assert values is not None
        uid = self.derive_uid(shape, values)
        self.db.execute(f"UPDATE {table} SET uid = ? WHERE {where} = ?", [uid, local_id])  # noqa: S608
        return uid

    def shareable(self, table: str, row_id: int) -> bool:
        """Whether the row (by rowid) travels now: it meets its table's `only` condition."""
        only = self.tables[table].shared.only
        if not only:
            return True
        found = self.db.execute(
            f"SELECT 1 FROM {table} WHERE rowid = ? AND ({only})",  # noqa: S608
            [row_id],
        ).fetchone()
        return found is not None

    def local_row(self, table: str, row_id: int) -> dict[str, Any] | None:
        """The row by rowid, every column."""
        cursor = self.db.execute(f"SELECT * FROM {table} WHERE rowid = ?", [row_id])  # noqa: S608
        found = cursor.fetchone()
        if found is None:
            return None
        names = [d[0] for d in cursor.description]
        return dict(zip(names, found, strict=True))

    def derive_uid(self, shape: TableShape, values: dict[str, Any]) -> str:
        """A random uid, or one derived from the natural key (the same on every copy)."""
        if not shape.shared.natural_key:
            return secrets.token_hex(16)
        key = [self.global_value(shape, name, values) for name in shape.shared.natural_key]
        text = json.dumps([shape.table, key], ensure_ascii=False, sort_keys=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]

    def global_value(self, shape: TableShape, column: str, values: dict[str, Any]) -> Any:
        value = values[column]
        ref = shape.refs.get(column)
        if ref is None or value is None:
            return value
        if isinstance(ref, RowRef):
            return self.uid_of(ref.table, int(value))
        if isinstance(ref, KindRef):
            target = ref.tables.get(str(values[ref.kind_column]))
            return self.uid_of(target, int(value)) if target else None
        ids = _parse_ids(value, ref.style)
        uids = [self.uid_of(ref.table, i) for i in ids]
        known = [u for u in uids if u is not None]
        return sorted(known) if ref.style == "comma" else known

    def refs_in(self, shape: TableShape, column: str, value: Any) -> list[str]:
        """The uids a global value points at."""
        if column not in shape.refs or value is None:
            return []
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]

    # Global -> local --------------------------------------------------------------------------

    def local_id(self, table: str, uid: str) -> int | None:
        shape = self.tables[table]
        where = "id" if shape.has_id else "rowid"
        row = self.db.execute(
            f"SELECT {where} FROM {table} WHERE uid = ?",  # noqa: S608
            [uid],
        ).fetchone()
        return int(row[0]) if row else None

    def local_value(self, shape: TableShape, column: str, value: Any, row: dict[str, Any]) -> Any:
        """The local form of a global value (None / fewer ids where a target is not here)."""
        ref = shape.refs.get(column)
        if ref is None or value is None:
            return value
        if isinstance(ref, RowRef):
            return self.local_id(ref.table, str(value)) if self.present(ref.table, value) else None
        if isinstance(ref, KindRef):
            target = ref.tables.get(str(row.get(ref.kind_column)))
            if target is None or not self.present(target, str(value)):
                return None
            return self.local_id(target, str(value))
        ids = [self.local_id(ref.table, str(u)) for u in value if self.present(ref.table, str(u))]
        known = [i for i in ids if i is not None]
        if ref.style == "comma":
            return ",".join(str(i) for i in sorted(known))
        return json.dumps(known)

    def effective(self, shape: TableShape, column: str, value: Any, row: dict[str, Any]) -> Any:
        """A global value as the copy can show it: references to absent rows drop out."""
        ref = shape.refs.get(column)
        if ref is None or value is None:
            return value
        if isinstance(ref, RowRef):
            return value if self.present(ref.table, str(value)) else None
        if isinstance(ref, KindRef):
            target = ref.tables.get(str(row.get(ref.kind_column)))
            return value if target and self.present(target, str(value)) else None
        kept = [u for u in value if self.present(ref.table, str(u))]
        return sorted(kept) if ref.style == "comma" else kept

    # Presence ----------------------------------------------------------------------------------

    def present(self, table: str, uid: Any) -> bool:
        """Alive in the log, and so is every row it cannot do without."""
        if not isinstance(uid, str):
            return False
        key = (table, uid)
        cached = self._present.get(key)
        if cached is not None:
            return cached
        self._present[key] = False  # a reference cycle reads as absent
        result = self._compute_present(table, uid)
        self._present[key] = result
        return result

    def _compute_present(self, table: str, uid: str) -> bool:
        shape = self.tables[table]
        history = self.view.row(table, uid)
        if not is_alive(history.heads(EXISTS)):
            return False
        winners = {name: _shown_value(history.heads(name)) for name in shape.required}
        kinds = {
            ref.kind_column: _shown_value(history.heads(ref.kind_column))
            for ref in shape.refs.values()
            if isinstance(ref, KindRef)
        }
        for column in shape.required:
            ref = shape.refs[column]
            value = winners[column]
            if value is None:
                return False
            if isinstance(ref, RowRef) and not self.present(ref.table, value):
                return False
            if isinstance(ref, KindRef):
                target = ref.tables.get(str(kinds.get(ref.kind_column)))
                if target is None or not self.present(target, value):
                    return False
            if isinstance(ref, IdList) and not all(self.present(ref.table, u) for u in value):
                return False
        return True

    def forget_presence(self) -> None:
        """After the log changed: presence is read again."""
        self._present.clear()


def _shown_value(current: list[Any]) -> Any:
    return current[0].value if current else None


def _parse_ids(value: Any, style: str) -> list[int]:
    if style == "comma":
        return [int(part) for part in str(value).split(",") if part.strip()]
    parsed = json.loads(str(value) or "[]")
    return [int(i) for i in parsed] if isinstance(parsed, list) else []


def _same(a: Any, b: Any) -> bool:
    """Equal as the log means it: True is not 1, and None is only None."""
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    return bool(a == b and type(a) is type(b)) or (a is None and b is None)
