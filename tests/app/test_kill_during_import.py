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
from casebook.services import maintenance, records
from casebook.services.binder import unlock_binder

from .conftest import PASSWORD, Run

FILES = 40


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_at_random_points(binder: Path, tmp_path: Path, run_casebook: Run) -> None:
    source = tmp_path / "source"
    source.mkdir()
    generator = random.Random(20261122)
    for index in range(FILES):
        size = generator.randint(500_000, 4_000_000)
        (source / f"scan {index:02d}.bin").write_bytes(generator.randbytes(size))
    reported: set[str] = set()
    sizes_seen: list[int] = []
    for round_number in range(4):
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
            # Start-up and unlock take about 1.5 s; the import itself 2-4 s.
            time.sleep(generator.uniform(1.2, 3.5))
            child.send_signal(signal.SIGKILL)
            output = child.stdout.read()
            child.wait()
        for line in output.splitlines():
            if line.startswith(("added: ", "already there: ")):
                reported.add(Path(line.split(": ", 1)[1]).name)

        with unlock_binder(binder, PASSWORD) as session:
            names = {d.original_name for d in records.list_documents(session)}
            sizes_seen.append(len(names))
            assert reported <= names, f"round {round_number}: lost {reported - names}"
            staging = session.database().execute(
                "SELECT count(*) FROM blobs WHERE state = 'staging'"
            )
            assert staging.fetchone()[0] == 0
            report = maintenance.check_binder(session, ignore_progress, NEVER_CANCELLED)
            assert report.ok, report.problems
            for document in records.list_documents(session):
                original = (source / document.original_name).read_bytes()
                assert records.read_document_bytes(session, document.id) == original
    assert reported, "no import ever got far enough to report a file: kill later"
    assert min(sizes_seen) < FILES, f"every import finished before the kill: {sizes_seen}"
    print("documents after each kill:", sizes_seen)
    # Finally the import runs to the end and everything is there exactly once.
    finished = run_casebook("import", binder, source, stdin=PASSWORD + "\n")
    assert finished.returncode == 0, finished.stderr
    with unlock_binder(binder, PASSWORD) as session:
        assert len(records.list_documents(session)) == FILES
