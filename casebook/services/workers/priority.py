"""Workers yield the processor to the app: they run at a lower scheduling priority.

On a two-core laptop the pool's workers (one per core) parsing a disc's headers or decoding
thumbnails keep both cores busy; at the app's own priority, the GUI thread waking up for an
event then waits for a time slice, and the window stalls with nothing of Casebook's running
(issue 15). A worker at a lower priority still gets every cycle the app does not want, so a
disc is read as fast when the window is idle.
"""

from __future__ import annotations

import ctypes
import os
import sys

WORKER_NICENESS = 10
"""Added to the worker's POSIX niceness: a weight about a tenth of the app's under Linux."""

BELOW_NORMAL_PRIORITY_CLASS = 0x00004000


def lower_priority() -> bool:
    """Lower this process's priority (the worker calls it at start); False where it cannot."""
    if sys.platform == "win32":
        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined,unused-ignore]
        process = kernel32.GetCurrentProcess()
        return bool(kernel32.SetPriorityClass(process, BELOW_NORMAL_PRIORITY_CLASS))
    try:
        os.nice(WORKER_NICENESS)
    except OSError:
        return False
    return True
