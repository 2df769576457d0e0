"""Small key/value facts about the binder itself (created, last backup, last export)."""

from __future__ import annotations

import sqlite_utils

CREATED_AT = "created_at"
LAST_BACKUP_AT = "last_backup_at"
LAST_CHECK_AT = "last_check_at"
BINDER_ID = "binder_id"


def get_meta(db: sqlite_utils.Database, key: str) -> str | None:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def set_meta(db: sqlite_utils.Database, key: str, value: str) -> None:
    db.execute(
        "INSERT INTO meta(key, value) VALUES (?, ?) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        [key, value],
    )
