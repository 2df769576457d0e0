"""`casebook import` killed with SIGKILL leaves a binder that opens, passes `check`, holds every
document it reported as added, and nothing half-imported.

Each round kills the import the moment it has said "added: …" of a different file (chosen by a
seeded generator), while later files are being read and stored. Kills at every counted file
operation of an import are the crash tool's work (tests/security/test_crash_and_faults.py);
this test holds the command line to its word: a file is said to be added only once it is.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder import maintenance
from casebook.services.binder.session import unlock_binder
from casebook.services.records import documents as records

from .conftest import PASSWORD, Run

ROUNDS = 3
FILES_PER_ROUND = 12


def _kill_import_after(binder: Path, source: Path, after_files: int) -> set[str]:
    """Run `casebook import` and SIGKILL it as soon as it has reported `after_files` files as
    added: the kill lands inside the import, among the files after those."""
    reported: set[str] = set()
    with subprocess.Popen(
        [sys.executable, "-m", "casebook", "import", str(binder), str(source)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    ) as child:
        assert child.stdin is not None
        assert child.stdout is not None
        child.stdin.write(PASSWORD + "\n")
        child.stdin.close()
        while len(reported) < after_files:
            line = child.stdout.readline()
            if not line:
                break
            if line.startswith("added: "):
                reported.add(Path(line.split(": ", 1)[1].strip()).name)
        child.send_signal(signal.SIGKILL)
        rest = child.stdout.read()
        child.wait()
    reported |= {
        Path(line.split(": ", 1)[1]).name
        for line in rest.splitlines()
        if line.startswith("added: ")
    }
    return reported


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_after_a_reported_file(binder: Path, tmp_path: Path, run_casebook: Run) -> None:
    generator = random.Random(20261122)
    reported: set[str] = set()
    originals: dict[str, bytes] = {}
    interrupted_rounds = 0
    sources = []
    for round_number in range(ROUNDS):
        source = tmp_path / f"source {round_number}"
        source.mkdir()
        sources.append(source)
        for index in range(FILES_PER_ROUND):
            data = generator.randbytes(generator.randint(200_000, 2_000_000))
            name = f"round {round_number} scan {index:02d}.bin"
            (source / name).write_bytes(data)
            originals[name] = data
        reported |= _kill_import_after(binder, source, generator.randint(1, FILES_PER_ROUND - 5))

        with unlock_binder(binder, PASSWORD) as session:
            documents = records.list_documents(session)
            names = {d.original_name for d in documents}
            assert reported <= names, f"round {round_number}: lost {reported - names}"
            if not {n for n in originals if n.startswith(f"round {round_number} ")} <= names:
                interrupted_rounds += 1
            staging = session.database().execute(
                "SELECT count(*) FROM blobs WHERE state = 'staging'"
            )
            assert staging.fetchone()[0] == 0
            report = maintenance.check_binder(session, ignore_progress, NEVER_CANCELLED)
            assert report.ok, report.problems
            for document in documents:
                stored = records.read_document_bytes(session, document.id)
                assert stored == originals[document.original_name]
    assert interrupted_rounds == ROUNDS, "a kill came after its import had finished"
    # Finally the imports run to the end and everything is there exactly once.
    finished = run_casebook("import", binder, *sources, stdin=PASSWORD + "\n")
    assert finished.returncode == 0, finished.stderr
    with unlock_binder(binder, PASSWORD) as session:
        assert len(records.list_documents(session)) == ROUNDS * FILES_PER_ROUND
