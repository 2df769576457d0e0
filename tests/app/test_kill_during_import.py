"""An import killed with SIGKILL at random points leaves a binder that opens, passes `check`,
holds every document reported as added, and nothing half-imported."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casebook.core.progress import NEVER_CANCELLED, ignore_progress
from casebook.services.binder import maintenance
from casebook.services.binder.session import unlock_binder
from casebook.services.records import documents as records

from .conftest import PASSWORD, Run

ROUNDS = 4
FILES_PER_ROUND = 15


def _kill_import_during(binder: Path, source: Path, after_files: int, delay: float) -> set[str]:
    """Run `casebook import`, SIGKILL it `delay` seconds after it reported `after_files`
    files as added (so the kill lands inside the import, at a varying point of a file)."""
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
        time.sleep(delay)
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
def test_sigkill_at_random_points(binder: Path, tmp_path: Path, run_casebook: Run) -> None:
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
            data = generator.randbytes(generator.randint(500_000, 4_000_000))
            name = f"round {round_number} scan {index:02d}.bin"
            (source / name).write_bytes(data)
            originals[name] = data
        reported |= _kill_import_during(
            binder, source, generator.randint(1, FILES_PER_ROUND - 5), generator.uniform(0, 0.1)
        )

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
