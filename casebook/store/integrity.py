"""Integrity checks: SQLCipher page HMACs, SQLite's structure check, and re-hashing content."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import sqlite_utils

from casebook.core.progress import CancelToken
from casebook.store.blobs import list_ready_blobs, rehash_blob

MAX_REPORTED_PROBLEMS = 20


@dataclass
class IntegrityReport:
    problems: list[str] = field(default_factory=list)
    pages_checked: int = 0
    blobs_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_integrity(
    db: sqlite_utils.Database,
    cancel: CancelToken,
    blobs_done: Callable[[int, int], None] | None = None,
) -> IntegrityReport:
    report = IntegrityReport()
    report.pages_checked = int(db.execute("PRAGMA page_count").fetchone()[0])
    cipher_rows = db.execute("PRAGMA cipher_integrity_check").fetchall()
    report.problems += [str(row[0]) for row in cipher_rows[:MAX_REPORTED_PROBLEMS]]
    if not report.problems:
        # The structure check is only meaningful once every page decrypts.
        structure = [str(row[0]) for row in db.execute("PRAGMA integrity_check(20)").fetchall()]
        if structure != ["ok"]:
            report.problems += structure
    if report.problems:
        return report
    blobs = list_ready_blobs(db)
    for index, (sha256, size) in enumerate(blobs):
        cancel.raise_if_cancelled()
        if not rehash_blob(db, sha256, size):
            report.problems.append(f"content {sha256[:12]} no longer matches its SHA-256")
        report.blobs_checked += 1
        if blobs_done is not None:
            blobs_done(index + 1, len(blobs))
    return report
