"""Small key/value facts about the binder itself (created, last backup, last export)."""

from __future__ import annotations

import sqlite_utils

CREATED_AT = "created_at"
LAST_BACKUP_AT = "last_backup_at"
LAST_CHECK_AT = "last_check_at"
BINDER_ID = "binder_id"
# Bumped by every write transaction (`database.transaction`): a binder.db, or a -wal beside it,
# restored from an earlier moment has a smaller number than the one recorded in keyslots.json.
GENERATION = "generation"


def get_meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )


def read_generation(db: sqlite_utils.Database) -> int | None:
    """The binder's generation, or None for a binder written before generations existed."""
    value = get_meta(db, GENERATION)
    return None if value is None else int(value)


def bump_generation(db: sqlite_utils.Database) -> None:
    """Count one more committed write (inside the caller's write transaction)."""
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, '1') "
        "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1",
        [GENERATION],
    )
