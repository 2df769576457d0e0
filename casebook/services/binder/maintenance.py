"""Keeping a binder healthy: the integrity check and verified backups.

The binder remembers (inside its encrypted database) the folders its backups went to, so that
the unfinished copies a killed backup leaves there (`… .partial`, each a full copy of the
binder) are swept by the next backup and by every check.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from casebook.core.changes import Changed
from casebook.core.errors import BinderDamaged
from casebook.core.progress import CancelToken, Progress, Report
from casebook.services import clock
from casebook.services.binder.session import BinderSession, unlock_binder
from casebook.services.clock import timestamp
from casebook.store.backup import sweep_partial_backups, write_backup
from casebook.store.database import classified_errors
from casebook.store.integrity import check_integrity
from casebook.store.meta import LAST_BACKUP_AT, LAST_CHECK_AT, get_meta, set_meta

BACKUP_FOLDERS = "backup_folders"  # meta: JSON list of the folders backups were written to
_REMEMBERED_BACKUP_FOLDERS = 8


@dataclass
class CheckReport:
    ok: bool
    problems: list[str] = field(default_factory=list)
    pages_checked: int = 0
    documents_checked: int = 0
    unopenable: bool = False  # too damaged to open at all: only a backup can help
    swept: list[Path] = field(default_factory=list)  # unfinished backup copies removed


def backup_folders(session: BinderSession) -> list[Path]:
    """The folders this binder's backups were written to, most recent first."""
    with session.reading() as db:
        raw = get_meta(db, BACKUP_FOLDERS)
    try:
        names = json.loads(raw) if raw else []
    except ValueError:
        return []
    return [Path(name) for name in names if isinstance(name, str)]


def _remember_backup_folder(session: BinderSession, folder: Path) -> None:
    folder = folder.resolve()
    known = [str(folder), *(str(p) for p in backup_folders(session) if p != folder)]
    with session.writing(Changed.BACKUPS) as db:
        set_meta(db, BACKUP_FOLDERS, json.dumps(known[:_REMEMBERED_BACKUP_FOLDERS]))


def sweep_unfinished_backups(session: BinderSession) -> list[Path]:
    """Remove what killed backups left in every folder this binder was backed up to."""
    swept: list[Path] = []
    for folder in backup_folders(session):
        swept += sweep_partial_backups(folder)
    return swept


_STEPS = 1000


def _as_progress(report: Report) -> Callable[[float], None]:
    """A fraction (0…1) of a check or backup, as the `Progress` a progress bar shows."""
    return lambda fraction: report(Progress(round(fraction * _STEPS), _STEPS))


def check_binder(session: BinderSession, report: Report, cancel: CancelToken) -> CheckReport:
    """SQLCipher page HMACs, SQLite structure, then every stored file re-hashed."""
    db = session.database()

    with classified_errors(session.folder):
        result = check_integrity(db, cancel, fraction_done=_as_progress(report))
    swept: list[Path] = []
    if result.ok:
        with session.writing(Changed.BACKUPS) as writable:
            set_meta(writable, LAST_CHECK_AT, timestamp())
        swept = sweep_unfinished_backups(session)
    return CheckReport(
        result.ok, result.problems, result.pages_checked, result.blobs_checked, swept=swept
    )


def check_binder_folder(
    folder: Path,
    password: str,
    report: Report,
    cancel: CancelToken,
    *,
    accept_rollback: bool = False,
) -> CheckReport:
    """Like `check_binder`, but a binder too damaged to open is a finding, not an exception.

    A rolled-back binder is not "damaged" in this sense: `BinderRolledBack` reaches the caller,
    which asks the user to choose between a backup and `accept_rollback`.
    """
    try:
        session = unlock_binder(folder, password, accept_rollback=accept_rollback)
    except BinderDamaged as damage:
        details = damage.details or ["the binder cannot be opened"]
        return CheckReport(False, details, unopenable=True)
    with session:
        return check_binder(session, report, cancel)


def default_backup_name(now: datetime | None = None) -> str:
    """`Casebook backup 2026-11-22 1430`: dated, and never the patient's name."""
    moment = now or clock.local_aware_now()
    return f"Casebook backup {moment:%Y-%m-%d %H%M%S}"


def _free_backup_target(folder: Path) -> Path:
    """A dated name not taken yet: two backups in the same second get `… 143005-2`."""
    base = default_backup_name()
    target, number = folder / base, 2
    while target.exists() or target.with_name(target.name + ".partial").exists():
        target, number = folder / f"{base}-{number}", number + 1
    return target


def backup_binder(
    session: BinderSession, destination_dir: Path, report: Report, cancel: CancelToken
) -> Path:
    """Write a verified backup binder into `destination_dir`; returns its folder."""
    report(Progress(0, 0, ""))
    with classified_errors(destination_dir):
        destination_dir.mkdir(parents=True, exist_ok=True)
    # Remembered before writing, so that a copy a kill leaves behind can be found and swept.
    _remember_backup_folder(session, destination_dir)
    sweep_partial_backups(destination_dir)
    db = session.database()
    target = _free_backup_target(destination_dir)
    with classified_errors(destination_dir):
        path = write_backup(
            db, session.keyslots, session.key(), target, cancel, _as_progress(report)
        )
    with session.writing(Changed.BACKUPS) as writable:
        set_meta(writable, LAST_BACKUP_AT, timestamp())
    report(Progress(1, 1, ""))
    return path
