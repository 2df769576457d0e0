"""The worker process survives what hostile files do to decoders: crash, hang, balloon."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from casebook.core.errors import FileProblem, FileRefused
from casebook.services.isolation import IsolatedWorker, IsolationFailure, UntrustedFileFailed


@pytest.fixture(scope="module")
def worker() -> Iterator[IsolatedWorker]:
    with IsolatedWorker(memory_limit_mb=1024, timeout_seconds=20) as isolated:
        yield isolated


def test_results_come_back(worker: IsolatedWorker) -> None:
    assert worker.call(len, b"abc") == 3
    assert worker.call(os.getpid) != os.getpid()


def test_crash_is_reported_and_the_next_call_works(worker: IsolatedWorker) -> None:
    with pytest.raises(UntrustedFileFailed) as caught:
        worker.call(os.abort)
    assert caught.value.failure is IsolationFailure.CRASHED
    assert worker.call(len, b"ok") == 2


def test_hang_is_killed_after_the_timeout(worker: IsolatedWorker) -> None:
    started = time.monotonic()
    with pytest.raises(UntrustedFileFailed) as caught:
        worker.call(time.sleep, 30, timeout=1.0)
    assert caught.value.failure is IsolationFailure.TIMED_OUT
    assert time.monotonic() - started < 15
    assert worker.call(len, b"") == 0


def test_memory_balloon_is_stopped(worker: IsolatedWorker) -> None:
    with pytest.raises(UntrustedFileFailed) as caught:
        worker.call(bytearray, 4 * 1024 * 1024 * 1024)
    assert caught.value.failure is IsolationFailure.OUT_OF_MEMORY
    assert worker.call(len, b"x") == 1


def test_expected_errors_cross_the_process_boundary_intact(worker: IsolatedWorker) -> None:
    with pytest.raises(UntrustedFileFailed) as caught:
        worker.call(int, "not a number")
    assert caught.value.failure is IsolationFailure.FAILED
    assert "ValueError" in caught.value.detail
    # A CasebookError raised inside is re-raised as itself, fields and all.
    with pytest.raises(FileRefused) as refused:
        worker.call(_refuse, "x.pdf")
    assert refused.value.problem is FileProblem.EMPTY
    assert refused.value.path == Path("x.pdf")


def _refuse(name: str) -> None:
    raise FileRefused(Path(name), FileProblem.EMPTY)


def test_a_worker_that_cannot_start_is_a_bug_not_a_damaged_file(tmp_path: Path) -> None:
    """Run from a script whose __main__ cannot be re-imported by the spawned child."""
    import subprocess
    import sys

    script = (
        "from casebook.services.isolation import IsolatedWorker, WorkerUnavailable\n"
        "try:\n"
        "    IsolatedWorker().call(len, b'x')\n"
        "except WorkerUnavailable:\n"
        "    print('unavailable')\n"
    )
    result = subprocess.run(
        [sys.executable, "-"], input=script, capture_output=True, text=True, timeout=120,
        check=False, cwd=tmp_path,
    )  # fmt: skip
    assert result.stdout.strip() == "unavailable", result.stderr[-2000:]
