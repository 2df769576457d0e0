"""`kill -9` at each step of an exchange (deterministic points, not timing luck) leaves both
copies consistent — their tables show what their change logs say, `check` finds the binder
healthy — and the next exchange completes what was interrupted."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from importers.samples import make_pdf

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.maintenance import check_binder
from casebook.services.binder.session import unlock_binder
from casebook.services.questions import questions
from casebook.services.records import documents as records
from casebook.services.records.importing import import_paths
from casebook.services.sharing.outbox import write_outbox
from casebook.store.sharing.consistency import disagreements

from .family import PASSWORDS, Family, content, log_of

# Runs in a child: exchange, and SIGKILL itself when the named point is reached.
_CHILD = """
import os, signal, sys
from pathlib import Path
from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder.session import unlock_binder
from casebook.services.sharing.exchange import exchange

binder, folder, point = sys.argv[1:4]
password = sys.stdin.readline().rstrip("\\n")

def step(name):
    if name == point:
        os.kill(os.getpid(), signal.SIGKILL)

with unlock_binder(Path(binder), password) as session:
    exchange(session, Path(folder), ignore_progress, NEVER_CANCELLED, step=step)
sys.exit(3)  # the point was never reached
"""

POINTS = [
    "inbox-verified",  # the other copy's stored files staged, nothing taken yet
    "inbox-merged",  # merged inside the transaction, not committed
    "inbox-applied",  # committed, this copy's own file not started
    "outbox-reserved",  # file number taken, nothing written
    "outbox-flushed",  # written as .partial and flushed, not renamed
    "outbox-written",  # renamed into place
]


def _consistent(family: Family, name: str) -> None:
    session = family.copies[name]
    with session.reading() as db:
        assert disagreements(db) == []
    assert check_binder(session, ignore_progress, NEVER_CANCELLED).ok


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("point", POINTS)
def test_kill_during_an_exchange_leaves_both_copies_consistent(
    pair: Family, tmp_path: Path, point: str
) -> None:
    li, wei = pair.copies["Li"], pair.copies["Wei"]
    folder = tmp_path / "family folder"
    folder.mkdir()
    questions.add_own_question(wei, "Who will present at the tumour board?")
    pdf = tmp_path / "ct report.pdf"
    pdf.write_bytes(make_pdf(["CT chest report"] * 30))
    import_paths(wei, [pdf], None, ignore_progress, NEVER_CANCELLED)
    assert write_outbox(wei, folder, ignore_progress, NEVER_CANCELLED) is not None
    questions.add_own_question(li, "Asked on Li's computer before the exchange")
    li_folder = li.folder
    li.close()

    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(li_folder), str(folder), point],
        input=PASSWORDS["Li"] + "\n",
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr

    pair.copies["Li"] = li = unlock_binder(li_folder, PASSWORDS["Li"])
    _consistent(pair, "Li")
    _consistent(pair, "Wei")
    assert not list(folder.glob("*.partial")) or point == "outbox-flushed"

    pair.settle()
    for name in ("Li", "Wei"):
        _consistent(pair, name)
        copy = pair.copies[name]
        assert sorted(q.text for q in questions.list_questions(copy)) == [
            "Asked on Li's computer before the exchange",
            "Who will present at the tumour board?",
        ]
        [document] = records.list_documents(copy)
        assert records.read_document_bytes(copy, document.id) == pdf.read_bytes()
    assert content(li) == content(wei)
    assert log_of(li) == log_of(wei)
    assert not list(folder.glob("*.partial"))
