"""The memory limit of a worker, chosen by platform at run time.

- Linux (and other systems that enforce it): RLIMIT_AS set inside the worker, so a decoder's
  oversized allocation fails there (MemoryError) instead of swapping the laptop to a halt.
- Windows: a job object with JOB_OBJECT_LIMIT_PROCESS_MEMORY, which also kills the worker on
  an unhandled exception (no Windows Error Reporting dump) and when the app goes away.
- macOS, where RLIMIT_AS is not enforced: a watchdog in the app polls each worker's resident
  memory and kills the one that passes the limit. It works on any POSIX system (and is tested
  on Linux); `CASEBOOK_WORKER_MEMORY_GUARD=watchdog` forces it anywhere.

The Windows structures are built in plain ctypes, so their layout is tested on Linux too.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

MB = 1024 * 1024
GUARD_ENVIRONMENT = "CASEBOOK_WORKER_MEMORY_GUARD"
RLIMIT = "rlimit"
JOB_OBJECT = "job_object"
WATCHDOG = "watchdog"
WATCHDOG_INTERVAL_SECONDS = 0.05

JOB_OBJECT_LIMIT_PROCESS_MEMORY = 0x00000100
JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION = 0x00000400
JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE = 0x00002000
JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS = 9
PROCESS_SET_QUOTA = 0x0100
PROCESS_TERMINATE = 0x0001


def choose_guard(platform: str = sys.platform, environment: dict[str, str] | None = None) -> str:
    """Which memory guard this platform gets (see the module doc)."""
    forced = (environment if environment is not None else os.environ).get(GUARD_ENVIRONMENT)
    if forced in (RLIMIT, JOB_OBJECT, WATCHDOG):
        return forced
    if platform == "win32":
        return JOB_OBJECT
    if platform == "darwin":
        return WATCHDOG
    return RLIMIT


def limit_address_space(limit_mb: int) -> bool:
    """In the worker: cap its address space (False where the OS does not support it)."""
    try:
        import resource
    except ImportError:
        return False
    limit = limit_mb * MB
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    except (ValueError, OSError):
        return False
    return True


# ------------------------------------------------------------------ Windows job object


class IoCounters(ctypes.Structure):
    _fields_ = [
        ("ReadOperationCount", ctypes.c_uint64),
        ("WriteOperationCount", ctypes.c_uint64),
        ("OtherOperationCount", ctypes.c_uint64),
        ("ReadTransferCount", ctypes.c_uint64),
        ("WriteTransferCount", ctypes.c_uint64),
        ("OtherTransferCount", ctypes.c_uint64),
    ]


class JobObjectBasicLimitInformation(ctypes.Structure):
    _fields_ = [
        ("PerProcessUserTimeLimit", ctypes.c_int64),
        ("PerJobUserTimeLimit", ctypes.c_int64),
        ("LimitFlags", ctypes.c_uint32),
        ("MinimumWorkingSetSize", ctypes.c_size_t),
        ("MaximumWorkingSetSize", ctypes.c_size_t),
        ("ActiveProcessLimit", ctypes.c_uint32),
        ("Affinity", ctypes.c_size_t),
        ("PriorityClass", ctypes.c_uint32),
        ("SchedulingClass", ctypes.c_uint32),
    ]


class JobObjectExtendedLimitInformation(ctypes.Structure):
    _fields_ = [
        ("BasicLimitInformation", JobObjectBasicLimitInformation),
        ("IoInfo", IoCounters),
        ("ProcessMemoryLimit", ctypes.c_size_t),
        ("JobMemoryLimit", ctypes.c_size_t),
        ("PeakProcessMemoryUsed", ctypes.c_size_t),
        ("PeakJobMemoryUsed", ctypes.c_size_t),
    ]


def job_limits(limit_mb: int) -> JobObjectExtendedLimitInformation:
    """The limits a worker's job object gets."""
    info = JobObjectExtendedLimitInformation()
    info.BasicLimitInformation.LimitFlags = (
        JOB_OBJECT_LIMIT_PROCESS_MEMORY
        | JOB_OBJECT_LIMIT_DIE_ON_UNHANDLED_EXCEPTION
        | JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
    )
    info.ProcessMemoryLimit = limit_mb * MB
    return info


def confine_to_job(kernel32: Any, pid: int, limit_mb: int) -> Any:
    """In the app, right after starting a worker: put it in a job with its memory limit.

    Returns the job handle, which must stay open as long as the worker lives (closing it kills
    the worker). Raises OSError when Windows refuses.
    """
    job = kernel32.CreateJobObjectW(None, None)
    if not job:
        raise OSError("CreateJobObjectW failed")
    info = job_limits(limit_mb)
    if not kernel32.SetInformationJobObject(
        job, JOB_OBJECT_EXTENDED_LIMIT_INFORMATION_CLASS, ctypes.byref(info), ctypes.sizeof(info)
    ):
        kernel32.CloseHandle(job)
        raise OSError("SetInformationJobObject failed")
    process = kernel32.OpenProcess(PROCESS_SET_QUOTA | PROCESS_TERMINATE, False, pid)
    try:
        if not process or not kernel32.AssignProcessToJobObject(job, process):
            kernel32.CloseHandle(job)
            raise OSError("AssignProcessToJobObject failed")
    finally:
        if process:
            kernel32.CloseHandle(process)
    return job


# ------------------------------------------------------------------ resident-memory watchdog


def resident_bytes(pid: int) -> int | None:
    """The resident memory of process `pid`, or None when it is gone."""
    import psutil

    try:
        return int(psutil.Process(pid).memory_info().rss)
    except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
        return None


class MemoryWatchdog:
    """Polls the resident memory of watched workers; calls `on_exceeded` once for each that
    passes its limit (the caller kills it). One thread for all workers, started on demand."""

    def __init__(
        self,
        interval: float = WATCHDOG_INTERVAL_SECONDS,
        measure: Callable[[int], int | None] = resident_bytes,
    ) -> None:
        self._interval = interval
        self._measure = measure
        self._watched: dict[int, tuple[int, Callable[[], None]]] = {}
        self._lock = threading.Lock()
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None

    def watch(self, pid: int, limit_mb: int, on_exceeded: Callable[[], None]) -> None:
        with self._lock:
            self._watched[pid] = (limit_mb * MB, on_exceeded)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(
                    target=self._run, name="casebook-memory-watchdog", daemon=True
                )
                self._thread.start()

    def unwatch(self, pid: int) -> None:
        with self._lock:
            self._watched.pop(pid, None)

    def check_once(self) -> None:
        """One round of measurements (the thread's loop body; also used by tests)."""
        with self._lock:
            watched = list(self._watched.items())
        for pid, (limit, on_exceeded) in watched:
            used = self._measure(pid)
            if used is None or used <= limit:
                continue
            with self._lock:
                still_watched = self._watched.pop(pid, None) is not None
            if still_watched:
                with contextlib.suppress(Exception):
                    on_exceeded()

    def _run(self) -> None:
        while True:
            with self._lock:
                if not self._watched:
                    self._thread = None
                    return
            self.check_once()
            self._wake.wait(self._interval)


_watchdog: MemoryWatchdog | None = None
_watchdog_lock = threading.Lock()


def shared_watchdog() -> MemoryWatchdog:
    global _watchdog
    with _watchdog_lock:
        if _watchdog is None:
            _watchdog = MemoryWatchdog()
        return _watchdog
