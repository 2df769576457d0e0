"""Check and backup on a binder that grows for years: a progress bar that only moves forward,
and a Cancel that stops even the single long statements inside them, leaving nothing behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from casebook.core.progress import NEVER_CANCELLED, Cancelled, CancelToken, Progress
from casebook.services.binder import maintenance
from casebook.services.binder.session import BinderSession
from casebook.services.records.importing import import_paths
from casebook.store.long_statements import interruptible


def _fill(session: BinderSession, files: list[Path]) -> None:
    summary = import_paths(
        session, files, None, lambda _p: None, NEVER_CANCELLED, accept_other_patients=True
    )
    assert summary.images_added == len(files)


def _fractions(seen: list[Progress]) -> list[float]:
    return [p.fraction for p in seen if p.fraction is not None]


def test_check_and_backup_report_progress_that_only_grows_to_the_end(
    session: BinderSession, lung_ct_files: list[Path], tmp_path: Path
) -> None:
    _fill(session, lung_ct_files[:8])
    checked: list[Progress] = []
    assert maintenance.check_binder(session, checked.append, NEVER_CANCELLED).ok
    fractions = _fractions(checked)
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    assert len(set(fractions)) >= 4  # moves during the check, not only at its end

    backed_up: list[Progress] = []
    maintenance.backup_binder(session, tmp_path / "backups", backed_up.append, NEVER_CANCELLED)
    fractions = _fractions(backed_up)
    assert fractions == sorted(fractions)
    assert fractions[-1] == 1.0
    assert any(0.0 < f < 1 / 3 for f in fractions)  # while VACUUM INTO is still copying


def test_cancel_stops_a_backup_while_it_copies_and_leaves_no_folder(
    session: BinderSession, lung_ct_files: list[Path], tmp_path: Path
) -> None:
    _fill(session, lung_ct_files[:8])
    cancel = CancelToken()
    seen: list[float] = []

    def report(progress: Progress) -> None:
        if progress.fraction:  # the first sign of copying: press Cancel
            seen.append(progress.fraction)
            cancel.cancel()

    destination = tmp_path / "backups"
    with pytest.raises(Cancelled):
        maintenance.backup_binder(session, destination, report, cancel)
    assert seen
    assert seen[0] < 1 / 3  # it was still copying
    assert list(destination.iterdir()) == []  # neither the backup nor its .partial folder
    # The binder itself is untouched and still passes its check.
    assert maintenance.check_binder(session, lambda _p: None, NEVER_CANCELLED).ok


def test_cancel_interrupts_a_statement_that_is_running(session: BinderSession) -> None:
    db = session.database()
    cancel = CancelToken()
    ticks = 0

    def tick() -> None:
        nonlocal ticks
        ticks += 1
        if ticks == 3:
            cancel.cancel()

    counting = (
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
        " SELECT max(i) FROM (SELECT i FROM n LIMIT ?)"
    )
    with pytest.raises(Cancelled), interruptible(db, cancel, tick):
        db.execute(counting, [100_000_000]).fetchone()
    assert ticks == 3  # stopped at the first handler call after Cancel
    # The handler is gone afterwards: the same connection runs statements as before.
    assert db.execute(counting, [1000]).fetchone()[0] == 1000
