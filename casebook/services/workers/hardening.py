"""No memory image of Casebook on disk after a crash: no core file, no crash-report dump.

A worker that dies inside a decoder holds the file it was parsing (names, IDs, images), and
the app holds the binder's key; a core dump or an error report would write either to disk in
plain text. `disable_crash_dumps` runs in the app at start-up and in every worker:

- Linux: RLIMIT_CORE = 0 and prctl(PR_SET_DUMPABLE, 0), which also stops other programs of
  the same user from attaching to read the process's memory;
- macOS: RLIMIT_CORE = 0 and ptrace(PT_DENY_ATTACH); crash reports (.ips) carry stack traces
  and registers, not memory;
- Windows: SetErrorMode without the crash dialog, WerSetFlags(NOHEAP) so an error report holds
  no heap, and — for the frozen app only, because it is a per-user registry setting —
  WerAddExcludedApplication. Workers also run in a job object that kills them on an
  unhandled exception before Windows Error Reporting sees it (see `limits`).

Each platform's steps are built from an `os_api` object, so the Windows and macOS plans are
checked here on Linux with a recording stand-in; the Linux plan runs for real in the tests.
"""

from __future__ import annotations

import ctypes
import ntpath
import sys
from collections.abc import Callable
from typing import Any, NamedTuple

PR_GET_DUMPABLE = 3
PR_SET_DUMPABLE = 4
PT_DENY_ATTACH = 31
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002
SEM_NOOPENFILEERRORBOX = 0x8000
WER_FAULT_REPORTING_FLAG_NOHEAP = 0x1


class Step(NamedTuple):
    """One OS call of the plan, named for the report.

    A named tuple, not a dataclass: the app runs the plan on the way to its first window
    (issue 15), where importing dataclasses and building one costs milliseconds.
    """

    name: str
    run: Callable[[], object]


def _set_no_core_files(resource_module: Any) -> Callable[[], object]:
    def run() -> object:
        resource_module.setrlimit(resource_module.RLIMIT_CORE, (0, 0))
        return None

    return run


def linux_plan(libc: Any, resource_module: Any) -> list[Step]:
    def not_dumpable() -> object:
        if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE) failed")
        return None

    return [
        Step("RLIMIT_CORE=0", _set_no_core_files(resource_module)),
        Step("PR_SET_DUMPABLE=0", not_dumpable),
    ]


def macos_plan(libc: Any, resource_module: Any) -> list[Step]:
    return [
        Step("RLIMIT_CORE=0", _set_no_core_files(resource_module)),
        Step("PT_DENY_ATTACH", lambda: libc.ptrace(PT_DENY_ATTACH, 0, None, 0)),
    ]


def windows_plan(kernel32: Any, wer: Any, frozen_executable: str | None) -> list[Step]:
    quiet = SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX | SEM_NOOPENFILEERRORBOX

    def no_dialog() -> object:
        return kernel32.SetErrorMode(kernel32.GetErrorMode() | quiet)

    steps = [
        Step("SetErrorMode(no crash dialog)", no_dialog),
        Step("WerSetFlags(NOHEAP)", lambda: wer.WerSetFlags(WER_FAULT_REPORTING_FLAG_NOHEAP)),
    ]
    if frozen_executable:
        name = ntpath.basename(frozen_executable)
        steps.append(
            Step("WerAddExcludedApplication", lambda: wer.WerAddExcludedApplication(name, False))
        )
    return steps


def _native_plan() -> list[Step]:
    if sys.platform == "win32":
        windll = ctypes.windll  # type: ignore[attr-defined,unused-ignore]
        frozen = sys.executable if getattr(sys, "frozen", False) else None
        return windows_plan(windll.kernel32, windll.wer, frozen)
    import resource

    libc = ctypes.CDLL(None, use_errno=True)
    platform: str = sys.platform  # a plain str: every branch is checked on every platform
    if platform == "darwin":
        return macos_plan(libc, resource)
    if platform == "linux":
        return linux_plan(libc, resource)
    return [Step("RLIMIT_CORE=0", _set_no_core_files(resource))]  # other POSIX systems


def run_plan(steps: list[Step]) -> tuple[list[str], list[str]]:
    """Run every step; a step the OS refuses does not stop the others. (done, failed)."""
    done: list[str] = []
    failed: list[str] = []
    for step in steps:
        try:
            step.run()
        except (OSError, AttributeError, ValueError):
            failed.append(step.name)
        else:
            done.append(step.name)
    return done, failed


def disable_crash_dumps() -> tuple[list[str], list[str]]:
    """Make sure a crash of this process writes none of its memory to disk (see module doc)."""
    try:
        steps = _native_plan()
    except (OSError, AttributeError):
        return [], ["load system library"]
    return run_plan(steps)


def is_dumpable() -> bool | None:
    """Linux only: whether this process may still be core-dumped or attached to (for tests)."""
    if not sys.platform.startswith("linux"):
        return None
    libc = ctypes.CDLL(None, use_errno=True)
    return bool(libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
