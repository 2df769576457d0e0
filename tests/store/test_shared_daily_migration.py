"""Migration 10 (`_V10_SHARED_DAILY`) on a binder that already holds medicines: each medicine's
row takes what its newest version says, the current-medicines view reads the row, and the
history stays append-only in what it says while a version may be given its uid once."""

from __future__ import annotations

import sqlite3

import pytest
import sqlite_utils

from casebook.store.schema import _V10_SHARED_DAILY, MIGRATIONS, _seed_slots

_VERSION = """INSERT INTO medicine_versions(medicine_id, version, saved_at, generic_name, dose,
                  prescriber_id, notes) VALUES (?, ?, ?, ?, ?, ?, ?)"""


@pytest.fixture
def db() -> sqlite_utils.Database:
    """A binder's schema as it was just before migration 10, holding two medicines."""
    database = sqlite_utils.Database(memory=True)
    database.execute("PRAGMA foreign_keys = ON")
    for index, statements in enumerate(MIGRATIONS[: MIGRATIONS.index(_V10_SHARED_DAILY)]):
        for statement in statements:
            database.execute(statement)
        if index == 0:
            _seed_slots(database, "2026-01-01T00:00:00Z")
    database.execute(
        """INSERT INTO contacts(id, kind, name, created_at, updated_at)
           VALUES (4, 'doctor', 'Dr Chen', '2026-01-01', '2026-01-01')"""
    )
    database.execute("INSERT INTO medicines(id, created_at) VALUES (1, '2026-01-02')")
    database.execute(_VERSION, [1, 1, "2026-01-02", "osimertinib", "80 mg", 4, ""])
    database.execute(_VERSION, [1, 2, "2026-02-02", "osimertinib", "40 mg", 4, "with food"])
    database.execute("INSERT INTO medicines(id, created_at) VALUES (2, '2026-01-03')")
    # Its prescriber was deleted since (history keeps the id; nothing points at it any more).
    database.execute(_VERSION, [2, 1, "2026-01-03", "ondansetron", "8 mg", 99, ""])
    for statement in _V10_SHARED_DAILY:
        database.execute(statement)
    return database


def test_each_medicine_row_says_what_its_newest_version_says(db: sqlite_utils.Database) -> None:
    rows = db.execute(
        "SELECT id, generic_name, dose, notes, prescriber_id FROM medicines ORDER BY id"
    ).fetchall()
    assert rows == [
        (1, "osimertinib", "40 mg", "with food", 4),
        (2, "ondansetron", "8 mg", "", None),
    ]
    current = db.execute(
        "SELECT medicine_id, version, saved_at, dose FROM current_medicine_versions "
        "ORDER BY medicine_id"
    ).fetchall()
    assert current == [(1, 2, "2026-02-02", "40 mg"), (2, 1, "2026-01-03", "8 mg")]


def test_history_still_refuses_to_be_rewritten(db: sqlite_utils.Database) -> None:
    db.execute("UPDATE medicine_versions SET uid = 'a1' WHERE medicine_id = 1 AND version = 1")
    db.execute("UPDATE medicine_versions SET version = 3 WHERE medicine_id = 1 AND version = 1")
    db.execute("UPDATE medicine_versions SET prescriber_id = NULL WHERE medicine_id = 2")
    for change in (
        "SET dose = '20 mg' WHERE medicine_id = 1",
        "SET uid = 'b2' WHERE uid = 'a1'",
        "SET saved_at = '2020-01-01' WHERE medicine_id = 2",
    ):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            db.execute(f"UPDATE medicine_versions {change}")
