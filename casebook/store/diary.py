"""Symptom and side-effect diary entries."""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlite_utils

from casebook.core.diary import DiaryEntry, Severity
from casebook.core.model import PartialDate

_COLUMNS = "id, noted_on, symptom, symptom_key, severity, since, helped, notes"


def _entry(row: Any) -> DiaryEntry:
    eid, noted_on, symptom, key, severity, since, helped, notes = row
    try:
        since_date = PartialDate.parse(since) if since else None
    except ValueError:
        since_date = None
    return DiaryEntry(
        date.fromisoformat(noted_on),
        symptom,
        Severity(severity),
        since_date,
        helped,
        notes,
        key,
        int(eid),
    )


def _values(entry: DiaryEntry) -> list[object]:
    return [
        entry.noted_on.isoformat(),
        entry.symptom.strip(),
        entry.symptom_key,
        entry.severity.value,
        entry.since.iso() if entry.since else None,
        entry.helped.strip(),
        entry.notes.strip(),
    ]


def add_entry(db: sqlite_utils.Database, entry: DiaryEntry, now: str) -> int:
    cursor = db.execute(
        """INSERT INTO diary_entries(noted_on, symptom, symptom_key, severity, since, helped,
               notes, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
        [*_values(entry), now, now],
    )
    return int(cursor.lastrowid or 0)


def update_entry(db: sqlite_utils.Database, entry: DiaryEntry, now: str) -> bool:
    cursor = db.execute(
        """UPDATE diary_entries SET noted_on = ?, symptom = ?, symptom_key = ?, severity = ?,
               since = ?, helped = ?, notes = ?, updated_at = ? WHERE id = ?""",
        [*_values(entry), now, entry.id],
    )
    return cursor.rowcount > 0


def delete_entry(db: sqlite_utils.Database, entry_id: int) -> None:
    db.execute("DELETE FROM diary_entries WHERE id = ?", [entry_id])


def list_entries(db: sqlite_utils.Database) -> list[DiaryEntry]:
    """Newest first."""
    rows = db.execute(
        f"SELECT {_COLUMNS} FROM diary_entries ORDER BY noted_on DESC, id DESC"  # noqa: S608
    ).fetchall()
    return [_entry(row) for row in rows]
