"""The change log: reading the versions of a row, adding local and remote changes.

`Record` is a change as it travels between copies (and as it is stored). `LogView` caches the
heads of the rows one capture or merge looks at, so a transaction reads each row's history once.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlite_utils

from casebook.core.sync import ChangeId, Hlc, Version, contiguous_prefix, heads
from casebook.store.meta import get_meta, set_meta
from casebook.store.sharing.tracking import copy_id

_COUNTER = "sync_counter"
_CLOCK = "sync_hlc"
_EXPORTED = "sync_exported_counter"
"""Meta key: the highest own counter that has left this copy (in a file or an invitation);
changes above it may still be rewritten in place (see `LocalWriter.record`)."""


@dataclass(frozen=True)
class Record:
    """One change as stored and exchanged."""

    origin: str
    counter: int
    hlc: str
    table: str
    uid: str
    field: str
    value: Any
    replaces: tuple[str, ...] = ()
    refs: tuple[str, ...] = ()

    def to_json(self) -> list[Any]:
        return [
            self.origin,
            self.counter,
            self.hlc,
            self.table,
            self.uid,
            self.field,
            self.value,
            list(self.replaces),
            list(self.refs),
        ]

    @classmethod
    def from_json(cls, item: Any) -> Record:
        """Raises ValueError for anything that is not a well-formed record."""
        if not isinstance(item, list) or len(item) != 9:
            raise ValueError("not a change record")
        origin, counter, hlc, table, uid, name, value, replaces, refs = item
        texts = (origin, hlc, table, uid, name)
        if not all(isinstance(t, str) for t in texts) or not isinstance(counter, int):
            raise ValueError("not a change record")
        if not isinstance(replaces, list) or not isinstance(refs, list):
            raise ValueError("not a change record")
        if counter < 1 or not all(isinstance(r, str) for r in [*replaces, *refs]):
            raise ValueError("not a change record")
        Hlc.parse(hlc)
        return cls(origin, counter, hlc, table, uid, name, value, tuple(replaces), tuple(refs))

    @property
    def change(self) -> ChangeId:
        return ChangeId(self.origin, self.counter)

    def version(self) -> Version:
        return Version(self.change, self.hlc, self.value, frozenset(self.replaces))


_SELECT = "SELECT origin, counter, hlc, tbl, row_uid, field, value, replaces FROM sync_changes"


def _record(row: tuple[Any, ...], refs: tuple[str, ...] = ()) -> Record:
    origin, counter, hlc, table, uid, name, value, replaces = row
    return Record(
        str(origin),
        int(counter),
        str(hlc),
        str(table),
        str(uid),
        str(name),
        json.loads(value) if value is not None else None,
        tuple(json.loads(replaces)),
        refs,
    )


@dataclass
class RowHistory:
    """Every version of one row, by field."""

    fields: dict[str, list[Version]] = field(default_factory=dict)

    def heads(self, name: str) -> list[Version]:
        return heads(self.fields.get(name, ()))

    def add(self, name: str, version: Version) -> None:
        versions = self.fields.setdefault(name, [])
        versions[:] = [v for v in versions if v.change != version.change]
        versions.append(version)


class LogView:
    """Row histories read once per transaction, kept up to date as changes are added."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self._rows: dict[tuple[str, str], RowHistory] = {}

    def row(self, table: str, uid: str) -> RowHistory:
        key = (table, uid)
        found = self._rows.get(key)
        if found is None:
            found = RowHistory()
            for row in self.db.execute(f"{_SELECT} WHERE tbl = ? AND row_uid = ?", [table, uid]):
                record = _record(tuple(row))
                found.add(record.field, record.version())
            self._rows[key] = found
        return found

    def note(self, record: Record) -> None:
        """Keep a cached history in step with a change just stored."""
        cached = self._rows.get((record.table, record.uid))
        if cached is not None:
            cached.add(record.field, record.version())

    def forget(self) -> None:
        self._rows.clear()


_VALUE_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True)
"""One encoder for every stored value: `json.dumps` with options builds a new one per call."""


def _store(db: sqlite_utils.Database, records: Iterable[Record]) -> None:
    """Insert changes and their refs, two statements for the lot (a capture writes thousands).

    Inside a write transaction nobody else inserts, so the ids are the ones SQLite would give
    one by one (the highest plus one) and each change's refs can name its id.
    """
    records = list(records)
    if not records:
        return
    highest = db.execute("SELECT coalesce(max(id), 0) FROM sync_changes").fetchone()[0]
    ids = range(int(highest) + 1, int(highest) + 1 + len(records))
    db.conn.executemany(
        """INSERT INTO sync_changes(id, origin, counter, hlc, tbl, row_uid, field, value, replaces)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        (
            (
                change_id,
                record.origin,
                record.counter,
                record.hlc,
                record.table,
                record.uid,
                record.field,
                _VALUE_JSON.encode(record.value),
                json.dumps(list(record.replaces)),
            )
            for change_id, record in zip(ids, records, strict=True)
        ),
    )
    db.conn.executemany(
        "INSERT INTO sync_refs(change_id, uid) VALUES (?, ?)",
        (
            (change_id, uid)
            for change_id, record in zip(ids, records, strict=True)
            for uid in dict.fromkeys(record.refs)
        ),
    )


def add_remote(db: sqlite_utils.Database, record: Record) -> bool:
    """Store a change read from another copy; False when it was already held."""
    known = db.execute(
        "SELECT 1 FROM sync_changes WHERE origin = ? AND counter = ?",
        [record.origin, record.counter],
    ).fetchone()
    if known is not None:
        return False
    _store(db, [record])
    return True


def witness_clock(db: sqlite_utils.Database, hlc: str) -> None:
    """Move this copy's clock past a clock it read (so later local changes sort after it)."""
    current = Hlc.parse(get_meta(db, _CLOCK) or "0.0")
    seen = Hlc.parse(hlc)
    if seen > current:
        set_meta(db, _CLOCK, seen.encode())


class LocalWriter:
    """Adds this copy's own changes: numbers them, stamps the clock, rewrites unsent ones.

    A change replacing only a change of this copy that has not left it yet (not in any file or
    invitation) rewrites that change instead of adding another: a note typed for an hour is one
    change, not three thousand. Nothing another copy may have seen is ever rewritten.

    The changes are inserted by `save`, all at once: the capture reads the log only through its
    `LogView`, which `record` keeps up to date, so nothing reads the table in between.
    """

    def __init__(self, db: sqlite_utils.Database, view: LogView) -> None:
        self.db = db
        self.view = view
        self.origin = copy_id(db)
        self.counter = int(get_meta(db, _COUNTER) or 0)
        self.exported = int(get_meta(db, _EXPORTED) or 0)
        self.clock = Hlc.parse(get_meta(db, _CLOCK) or "0.0")
        self.written = 0
        self._unsaved: dict[int, Record] = {}  # by counter, in the order they were made

    def _tick(self) -> str:
        self.clock = self.clock.tick(time.time_ns() // 1_000_000)
        return self.clock.encode()

    def record(
        self,
        table: str,
        uid: str,
        name: str,
        value: Any,
        replaced: list[Version],
        refs: Iterable[str] = (),
    ) -> Record:
        hlc = self._tick()
        refs = tuple(sorted(set(refs)))
        if len(replaced) == 1:
            only = replaced[0]
            if only.change.origin == self.origin and only.change.counter > self.exported:
                rewritten = Record(
                    self.origin,
                    only.change.counter,
                    hlc,
                    table,
                    uid,
                    name,
                    value,
                    tuple(sorted(only.replaces)),
                    refs,
                )
                if only.change.counter not in self._unsaved:
                    self.db.execute(
                        "DELETE FROM sync_changes WHERE origin = ? AND counter = ?",
                        [self.origin, only.change.counter],
                    )
                self._unsaved[only.change.counter] = rewritten
                self.view.note(rewritten)
                self.written += 1
                return rewritten
        self.counter += 1
        record = Record(
            self.origin,
            self.counter,
            hlc,
            table,
            uid,
            name,
            value,
            tuple(sorted(v.change.encode() for v in replaced)),
            refs,
        )
        self._unsaved[self.counter] = record
        self.view.note(record)
        self.written += 1
        return record

    def save(self) -> None:
        """Insert the changes made, keep the counter and the clock (before the commit)."""
        _store(self.db, self._unsaved.values())
        self._unsaved.clear()
        set_meta(self.db, _COUNTER, str(self.counter))
        set_meta(self.db, _CLOCK, self.clock.encode())


def mark_exported(db: sqlite_utils.Database) -> int:
    """Everything this copy has made so far is leaving it: never rewrite it again."""
    counter = int(get_meta(db, _COUNTER) or 0)
    set_meta(db, _EXPORTED, str(counter))
    return counter


def seen_vector(db: sqlite_utils.Database) -> dict[str, int]:
    """For each copy, the highest counter up to which this copy holds all its changes."""
    vector: dict[str, int] = {}
    for origin, count, highest in db.execute(
        "SELECT origin, count(*), max(counter) FROM sync_changes GROUP BY origin"
    ):
        if int(count) == int(highest):
            vector[str(origin)] = int(highest)
        else:
            counters = [
                int(r[0])
                for r in db.execute(
                    "SELECT counter FROM sync_changes WHERE origin = ?", [str(origin)]
                )
            ]
            vector[str(origin)] = contiguous_prefix(counters)
    return vector


def records_after(db: sqlite_utils.Database, vector: dict[str, int]) -> Iterator[Record]:
    """Every change not covered by `vector`, oldest counter first per copy."""
    origins = [str(r[0]) for r in db.execute("SELECT DISTINCT origin FROM sync_changes")]
    for origin in sorted(origins):
        rows = db.execute(
            """SELECT c.origin, c.counter, c.hlc, c.tbl, c.row_uid, c.field, c.value, c.replaces,
                   (SELECT group_concat(r.uid, ' ') FROM sync_refs r WHERE r.change_id = c.id)
               FROM sync_changes c WHERE c.origin = ? AND c.counter > ? ORDER BY c.counter""",
            [origin, vector.get(origin, 0)],
        )
        for row in rows:
            refs = tuple(sorted(str(row[8]).split())) if row[8] else ()
            yield _record(tuple(row[:8]), refs)


def referrers(db: sqlite_utils.Database, uids: Iterable[str]) -> set[tuple[str, str]]:
    """Rows with a change whose value points at any of `uids`."""
    found: set[tuple[str, str]] = set()
    for uid in set(uids):
        for table, row_uid in db.execute(
            """SELECT DISTINCT c.tbl, c.row_uid FROM sync_refs r
               JOIN sync_changes c ON c.id = r.change_id WHERE r.uid = ?""",
            [uid],
        ):
            found.add((str(table), str(row_uid)))
    return found


def forget_local_history(db: sqlite_utils.Database) -> None:
    """Start the log afresh (a binder made to receive an invitation, before anything left it)."""
    db.execute("DELETE FROM sync_refs")
    db.execute("DELETE FROM sync_changes")
    db.execute("DELETE FROM sync_pending")
    for key in (_COUNTER, _EXPORTED, _CLOCK):
        db.execute("DELETE FROM meta WHERE key = ?", [key])
