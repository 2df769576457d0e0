"""Integrity checks: SQLCipher page HMACs, SQLite's structure check, and re-hashing content."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import sqlite_utils

from casebook.core.progress import CancelToken
from casebook.store.blobs import list_ready_blobs, rehash_blob
from casebook.store.long_statements import PhaseProgress, interruptible

MAX_REPORTED_PROBLEMS = 20


@dataclass
class IntegrityReport:
    problems: list[str] = field(default_factory=list)
    pages_checked: int = 0
    blobs_checked: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


# Relative costs per database page, measured on a 50,000-image binder (benchmarks/big_binder.py):
# the page-HMAC check reads every page once, the structure check walks every b-tree (about three
# times as long), re-hashing reads each stored file's pages again. They only weigh the phases of
# one progress bar.
_CIPHER_WEIGHT = 0.3
_STRUCTURE_WEIGHT = 1.0
_REHASH_WEIGHT = 0.3
_HANDLER_CALLS_PER_PAGE = 0.3  # progress-handler calls during the structure check, measured


def check_integrity(
    db: sqlite_utils.Database,
    cancel: CancelToken,
    blobs_done: Callable[[int, int], None] | None = None,
    fraction_done: Callable[[float], None] | None = None,
) -> IntegrityReport:
    """Every page's HMAC, SQLite's structure check, then every stored file re-hashed.

    `fraction_done` hears how far the whole check has got (0…1, only growing); `cancel` is
    honoured inside the structure check too, which is most of the time on a large binder.
    """
    report = IntegrityReport()
    report.pages_checked = int(db.execute("PRAGMA page_count").fetchone()[0])
    page_size = int(db.execute("PRAGMA page_size").fetchone()[0]) or 4096
    blobs = list_ready_blobs(db)
    blob_pages = sum(size for _sha, size in blobs) / page_size
    pages = report.pages_checked
    phases = PhaseProgress(
        [_CIPHER_WEIGHT * pages, _STRUCTURE_WEIGHT * pages, _REHASH_WEIGHT * blob_pages],
        fraction_done,
    )
    cancel.raise_if_cancelled()
    cipher_rows = db.execute("PRAGMA cipher_integrity_check").fetchall()
    report.problems += [str(row[0]) for row in cipher_rows[:MAX_REPORTED_PROBLEMS]]
    phases.next_phase()
    if not report.problems:
        # The structure check is only meaningful once every page decrypts.
        with interruptible(db, cancel, phases.estimated(_HANDLER_CALLS_PER_PAGE * pages)):
            rows = db.execute("PRAGMA integrity_check(20)").fetchall()
        structure = [str(row[0]) for row in rows]
        if structure != ["ok"]:
            report.problems += structure
    phases.next_phase()
    if report.problems:
        return report
    for index, (sha256, size) in enumerate(blobs):
        cancel.raise_if_cancelled()
        if not rehash_blob(db, sha256, size):
            report.problems.append(f"content {sha256[:12]} no longer matches its SHA-256")
        report.blobs_checked += 1
        if blobs_done is not None:
            blobs_done(index + 1, len(blobs))
        phases.within((index + 1) / len(blobs))
    phases.next_phase()
    return report
