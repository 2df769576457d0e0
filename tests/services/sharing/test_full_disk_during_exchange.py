"""A disk that fills up while another member's stored files are taken in is said as a full
disk (not a crash), changes nothing, and the next exchange takes the file whole. Found by
tools/torture.py's exchange workload under a byte budget: the staging of carried files ran
outside `writing()`, so SQLite's "database or disk is full" escaped unclassified."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest

from casebook.core.errors import NotEnoughSpace
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import BinderSession
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.services.sharing.outbox import write_outbox

from .family import Family, binder_state


def _state(session: BinderSession) -> dict[str, Any]:
    """Every table but the rollback counter, which each staging transaction advances."""
    state = binder_state(session)
    state["meta"] = [row for row in state["meta"] if not row.startswith("('generation',")]
    return state


def test_a_full_disk_while_carried_files_are_staged_changes_nothing(
    pair: Family, tmp_path: Path
) -> None:
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    folder = tmp_path / "family folder"
    folder.mkdir()
    scan = tmp_path / "scan.bin"
    scan.write_bytes(random.Random(21).randbytes(2 * 1024 * 1024))
    import_paths(wei, [scan], None, ignore_progress, NEVER_CANCELLED)
    assert write_outbox(wei, folder, ignore_progress, NEVER_CANCELLED) is not None
    before = _state(li)

    db = li.database()
    pages = int(db.execute("PRAGMA page_count").fetchone()[0])
    # SQLite's own "disk full" path, reached by capping the file's size below the scan's.
    db.execute(f"PRAGMA max_page_count = {pages + 20}")
    with pytest.raises(NotEnoughSpace):
        pair.exchange("Li", folder)
    db.execute(f"PRAGMA max_page_count = {2**30}")

    assert _state(li) == before
    with li.reading() as reading:
        staging = reading.execute("SELECT count(*) FROM blobs WHERE state = 'staging'")
        assert staging.fetchone()[0] == 0
    summary = pair.exchange("Li", folder)
    assert (len(summary.read), summary.refused) == (1, ())
    [document] = records.list_documents(li)
    assert records.read_document_bytes(li, document.id) == scan.read_bytes()
