"""Keeping a binder healthy: the integrity check and verified backups."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from casebook.core.errors import BinderDamaged
from casebook.core.progress import CancelToken, Progress, Report
from casebook.services.binder import BinderSession, unlock_binder
from casebook.services.clock import timestamp
from casebook.store.backup import write_backup
from casebook.store.database import classified_errors, transaction
from casebook.store.integrity import check_integrity
from casebook.store.meta import LAST_BACKUP_AT, LAST_CHECK_AT, set_meta


@dataclass
class CheckReport:
    ok: bool
    problems: list[str] = field(default_factory=list)
    pages_checked: int = 0
    documents_checked: int = 0


def check_binder(session: BinderSession, report: Report, cancel: CancelToken) -> CheckReport:
    """SQLCipher page HMACs, SQLite structure, then every stored file re-hashed."""
    db = session.database()

    def blobs_done(done: int, total: int) -> None:
        report(Progress(done, total))

    with classified_errors(session.folder):
        result = check_integrity(db, cancel, blobs_done)
        if result.ok:
            with transaction(db):
                set_meta(db, LAST_CHECK_AT, timestamp())
    return CheckReport(result.ok, result.problems, result.pages_checked, result.blobs_checked)


def check_binder_folder(
    folder: Path, password: str, report: Report, cancel: CancelToken
) -> CheckReport:
    """Like `check_binder`, but a binder too damaged to open is a finding, not an exception."""
    try:
        session = unlock_binder(folder, password)
    except BinderDamaged as damage:
        return CheckReport(False, damage.details or ["the binder cannot be opened"])
    with session:
        return check_binder(session, report, cancel)


def default_backup_name(now: datetime | None = None) -> str:
    """`Casebook backup 2026-11-22 1430`: dated, and never the patient's name."""
    moment = now or datetime.now(UTC).astimezone()
    return f"Casebook backup {moment:%Y-%m-%d %H%M%S}"


def backup_binder(
    session: BinderSession, destination_dir: Path, report: Report, cancel: CancelToken
) -> Path:
    """Write a verified backup binder into `destination_dir`; returns its folder."""
    report(Progress(0, 0, ""))
    db = session.database()
    keyslots = session.binder_folder.read_keyslots()
    target = destination_dir / default_backup_name()
    with classified_errors(destination_dir):
        destination_dir.mkdir(parents=True, exist_ok=True)
        path = write_backup(db, keyslots, session.master_key(), target, cancel)
    with classified_errors(session.folder), transaction(db):
        set_meta(db, LAST_BACKUP_AT, timestamp())
    report(Progress(1, 1, ""))
    return path
