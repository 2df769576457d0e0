"""The worker process survives what hostile files do to decoders: crash, hang, balloon."""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from data_paths import SMALL_MR

from casebook.core.errors import FileProblem, FileRefused
from casebook.services.isolation import (
    IsolatedWorker,
    IsolationFailure,
    UntrustedFileFailed,
    WorkerPool,
)


@pytest.fixture(scope="module")
def worker() -> Iterator[IsolatedWorker]:
    with IsolatedWorker(memory_limit_mb=1024, timeout_seconds=20) as isolated:
        yield isolated


def test_results_come_back(worker: IsolatedWorker) -> None:
    assert worker.call(len, b"abc") == 3
    assert worker.call(os.getpid) != os.getpid()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX niceness")
def test_workers_run_below_the_app_priority(worker: IsolatedWorker) -> None:
    """A worker busy with a disc must not take the processor from the window (issue 15)."""
    from casebook.services.workers.priority import WORKER_NICENESS

    app_niceness = os.nice(0)
    assert worker.call(os.nice, 0) == min(19, app_niceness + WORKER_NICENESS)


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


# ---------------------------------------------------------------- the pool (issue 15)


def _pid_after(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def _abort_on(value: int) -> int:
    if value == 2:
        os.abort()
    return value * 10


def test_a_hanging_file_stalls_only_its_own_worker() -> None:
    with WorkerPool(size=2, timeout_seconds=30) as pool:
        first = pool.submit(_pid_after, [(0.5,)])
        second = pool.submit(_pid_after, [(0.5,)])
        pids = {first.result()[0].get(), second.result()[0].get()}
        assert len(pids) == 2  # both workers are up
        hanging = pool.submit(time.sleep, [(60,)], timeout=5.0)
        answered = [pool.call(len, b"still answering") for _ in range(5)]
        assert answered == [15] * 5
        assert not hanging.done()  # the other worker answered while this one hung
        [outcome] = hanging.result()
        assert isinstance(outcome.error, UntrustedFileFailed)
        assert outcome.error.failure is IsolationFailure.TIMED_OUT
        assert outcome.restarted
        assert pool.restarts == 1


def test_a_batch_goes_on_in_a_fresh_worker_after_one_file_kills_it() -> None:
    with WorkerPool(size=1, timeout_seconds=30) as pool:
        outcomes = pool.run_batch(_abort_on, [(1,), (2,), (3,), (4,)])
        assert [o.value for o in outcomes] == [10, None, 30, 40]
        error = outcomes[1].error
        assert isinstance(error, UntrustedFileFailed)
        assert error.failure is IsolationFailure.CRASHED
        assert [o.restarted for o in outcomes] == [False, True, False, False]
        assert pool.restarts == 1


def test_many_threads_share_the_pool() -> None:
    from concurrent.futures import ThreadPoolExecutor

    with WorkerPool(size=2, timeout_seconds=30) as pool, ThreadPoolExecutor(6) as threads:
        results = list(threads.map(lambda n: pool.call(len, b"x" * n), range(40)))
    assert results == list(range(40))


def test_a_file_waits_for_the_worker_already_starting_instead_of_starting_another() -> None:
    """An import of one PDF starts one reader ahead (`prestart(count=1)`); the PDF then goes to
    that reader, even while it still loads, so one process loads the parsers, not two."""
    others = {process.pid for process in multiprocessing.active_children()}
    with WorkerPool(size=2, timeout_seconds=30) as pool:
        pool.prestart("json", count=1)
        pids = {pool.call(os.getpid) for _ in range(3)}
        started = [
            process.pid
            for process in multiprocessing.active_children()
            if process.pid not in others and process.name == "casebook-file-worker"
        ]
        assert started == list(pids)


def _rle_frame_that_panics() -> tuple[bytes, int]:
    """A real RLE frame (the GE MR slice, RLE-encoded) with a few bytes changed the way the first
    of a small fuzzing run did (seed 0): pylibjpeg-rle's Rust decoder panics on it."""
    import random

    import pydicom
    from pydicom.encaps import generate_frames
    from pydicom.uid import RLELossless

    dataset = pydicom.dcmread(SMALL_MR)
    dataset.compress(RLELossless, encoding_plugin="pydicom")
    frame = bytearray(next(generate_frames(dataset.PixelData, number_of_frames=1)))
    generator = random.Random(0)
    for _ in range(generator.randrange(1, 6)):
        frame[generator.randrange(0, len(frame))] = generator.randrange(256)
    return bytes(frame), int(dataset.Rows * dataset.Columns)


def test_a_decoder_panic_is_that_file_s_failure_not_a_worker_restart(
    worker: IsolatedWorker,
) -> None:
    from rle import rle as rle_decoder

    frame, pixels = _rle_frame_that_panics()
    before, pid = worker.restarts, worker.call(os.getpid)
    with pytest.raises(UntrustedFileFailed) as caught:
        worker.call(rle_decoder.decode_frame, frame, pixels, 16, "<")
    assert caught.value.failure is IsolationFailure.FAILED
    assert caught.value.detail.startswith("PanicException")
    assert worker.restarts == before
    assert worker.call(os.getpid) == pid  # the same worker carried on


# ---------------------------------------------------------------- replies are plain (issue 16)


class _RunsCodeWhenUnpickled:
    def __init__(self, marker: str) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def _hostile_reply(marker: str) -> object:
    return _RunsCodeWhenUnpickled(marker)


def _take_over_the_reply(marker: str) -> int:
    """What code running in a compromised worker could do: write its own reply frame."""
    import gc
    import pickle
    from multiprocessing.connection import Connection

    [connection] = [o for o in gc.get_objects() if isinstance(o, Connection) and not o.closed]
    connection.send_bytes(pickle.dumps((0, "ok", _RunsCodeWhenUnpickled(marker))))
    return 0


@pytest.mark.parametrize("attack", [_hostile_reply, _take_over_the_reply])
def test_a_hostile_reply_runs_nothing_in_the_app(
    worker: IsolatedWorker, tmp_path: Path, attack: object
) -> None:
    marker = tmp_path / "the app ran the worker's code"
    with pytest.raises(UntrustedFileFailed) as caught:
        worker.call(attack, str(marker))  # type: ignore[arg-type]
    assert caught.value.failure is IsolationFailure.FAILED
    assert "reply refused" in caught.value.detail
    assert "system" in caught.value.detail
    assert not marker.exists()
    assert worker.call(len, b"next") == 4  # a fresh worker took over


def test_plain_values_and_casebook_values_cross_intact(worker: IsolatedWorker) -> None:
    import numpy as np

    from casebook.imaging.dicom_header import read_dicom_summary

    data = (SMALL_MR).read_bytes()
    summary = worker.call(read_dicom_summary, data)
    assert summary.rows == 64
    assert summary.patient_birth_date is None or summary.patient_birth_date.year > 1900
    array = worker.call(np.arange, 0, 12, 1, np.uint16)
    assert array.dtype == np.uint16
    assert array.tolist() == list(range(12))
    value = {"a": [1, 2.5, "三"], "b": {b"x"}, "c": (None, True)}
    assert worker.call(dict, value) == value


def test_the_reply_unpickler_refuses_what_is_not_a_plain_value() -> None:
    import pickle

    import numpy as np

    from casebook.core.model import PartialDate
    from casebook.services.workers.protocol import ReplyRefused, dump_reply, load_reply

    assert load_reply(dump_reply(PartialDate(2024, 3))) == PartialDate(2024, 3)
    assert load_reply(dump_reply(FileRefused(Path("a b.pdf"), FileProblem.EMPTY))).path == Path(
        "a b.pdf"
    )
    with pytest.raises(ReplyRefused):
        load_reply(dump_reply(np.array([object()], dtype=object)))
    with pytest.raises(ReplyRefused):
        load_reply(pickle.dumps(os.system))
    with pytest.raises(ReplyRefused):  # a Casebook function, not a value class
        load_reply(pickle.dumps(_refuse))
    with pytest.raises(ReplyRefused):
        load_reply(b"\x80\x05truncated")


# ---------------------------------------------------------------- memory limits (issue 12)


def test_the_resident_memory_watchdog_stops_a_balloon() -> None:
    """The macOS guard, run here: RLIMIT_AS is not set, the watchdog kills the worker."""
    with IsolatedWorker(memory_limit_mb=400, timeout_seconds=60, guard="watchdog") as pool:
        assert pool.guard == "watchdog"
        with pytest.raises(UntrustedFileFailed) as caught:
            pool.call(bytearray, 3 * 1024 * 1024 * 1024)
        assert caught.value.failure is IsolationFailure.OUT_OF_MEMORY
        assert pool.call(len, b"ok") == 2
        assert pool.restarts == 1


def test_the_guard_is_chosen_by_platform() -> None:
    from casebook.services.workers.limits import choose_guard

    assert choose_guard("linux", {}) == "rlimit"
    assert choose_guard("win32", {}) == "job_object"
    assert choose_guard("darwin", {}) == "watchdog"
    assert choose_guard("linux", {"CASEBOOK_WORKER_MEMORY_GUARD": "watchdog"}) == "watchdog"


class _Recorder:
    """Stands in for a Windows or macOS system library: records calls, returns success."""

    def __init__(self, results: dict[str, object] | None = None) -> None:
        self.calls: list[tuple[str, tuple[object, ...]]] = []
        self._results = results or {}

    def __getattr__(self, name: str) -> object:
        def call(*args: object) -> object:
            self.calls.append((name, args))
            return self._results.get(name, 1)

        return call


def test_the_windows_job_object_limits_memory_and_forbids_error_reports() -> None:
    import ctypes

    from casebook.services.workers import limits

    info = limits.job_limits(512)
    if ctypes.sizeof(ctypes.c_void_p) == 8:
        assert ctypes.sizeof(info) == 144  # JOBOBJECT_EXTENDED_LIMIT_INFORMATION on x64
    flags = info.BasicLimitInformation.LimitFlags
    assert flags & limits.JOB_OBJECT_LIMIT_PROCESS_MEMORY
    assert flags & limits.JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION
    assert flags & limits.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    assert info.ProcessMemoryLimit == 512 * 1024 * 1024
    kernel32 = _Recorder({"CreateJobObjectW": 77, "OpenProcess": 88})
    assert limits.confine_to_job(kernel32, 4242, 512) == 77
    names = [name for name, _ in kernel32.calls]
    assert names == [
        "CreateJobObjectW", "SetInformationJobObject", "OpenProcess",
        "AssignProcessToJobObject", "CloseHandle",
    ]  # fmt: skip
    assert kernel32.calls[1][1][1] == 9  # JobObjectExtendedLimitInformation
    assert kernel32.calls[2][1] == (0x0101, False, 4242)
    assert kernel32.calls[4][1] == (88,)  # the process handle; the job stays open
    refusing = _Recorder({"CreateJobObjectW": 77, "OpenProcess": 88, "AssignProcessToJobObject": 0})
    with pytest.raises(OSError, match="AssignProcessToJobObject"):
        limits.confine_to_job(refusing, 4242, 512)
    assert ("CloseHandle", (77,)) in refusing.calls


def test_no_crash_dumps_on_windows_and_macos_plans() -> None:
    from casebook.services.workers import hardening

    kernel32, wer = _Recorder({"GetErrorMode": 0x0001}), _Recorder()
    done, failed = hardening.run_plan(hardening.windows_plan(kernel32, wer, None))
    assert failed == []
    assert ("SetErrorMode", (0x8003,)) in kernel32.calls
    assert wer.calls == [("WerSetFlags", (1,))]
    frozen = _Recorder()
    hardening.run_plan(hardening.windows_plan(_Recorder(), frozen, r"C:\Casebook\casebook.exe"))
    assert ("WerAddExcludedApplication", ("casebook.exe", False)) in frozen.calls

    libc, resource_module = _Recorder(), _Recorder()
    resource_module.RLIMIT_CORE = 4  # type: ignore[attr-defined]
    done, failed = hardening.run_plan(hardening.macos_plan(libc, resource_module))
    assert (done, failed) == (["RLIMIT_CORE=0", "PT_DENY_ATTACH"], [])
    assert resource_module.calls == [("setrlimit", (4, (0, 0)))]
    assert libc.calls == [("ptrace", (31, 0, None, 0))]


def _crash_settings() -> tuple[tuple[int, int], bool | None]:
    import resource

    from casebook.services.workers.hardening import is_dumpable

    return resource.getrlimit(resource.RLIMIT_CORE), is_dumpable()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux")
def test_no_core_dumps_from_workers_or_the_app(worker: IsolatedWorker) -> None:
    import subprocess

    assert worker.call(_crash_settings) == ((0, 0), False)
    script = (
        "import sys\n"
        "sys.path.insert(0, 'tests')  # as pytest does, for data_paths\n"
        "from casebook.app.main import main\n"
        "from tests.services.test_isolation import _crash_settings\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(_crash_settings())\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False,
        cwd=Path(__file__).resolve().parents[2],
    )  # fmt: skip
    assert result.stdout.strip().splitlines()[-1] == "((0, 0), False)", result.stderr[-2000:]
