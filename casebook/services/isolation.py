"""Parsing untrusted files in worker processes with memory and time limits.

DICOM, PDF and image decoders are large C libraries fed with files from strangers' CDs and
email. A file that crashes, hangs or balloons a decoder must be reported as damaged while the
app carries on, so every parse of such a file runs in a worker process of the app-wide pool
(`shared_worker()`), started with `spawn` (no state or key is inherited), with no core dumps,
a memory limit chosen by platform (`workers.limits`) and a timeout per file. What a worker
sends back is unpickled by a restricted unpickler that accepts plain values only
(`workers.protocol`), so a worker taken over by a hostile file cannot reach the app.
"""

from __future__ import annotations

import atexit
import threading

from casebook.services.workers.errors import (
    IsolationFailure,
    UntrustedFileFailed,
    WorkerUnavailable,
)
from casebook.services.workers.pool import (
    DEFAULT_MEMORY_LIMIT_MB,
    DEFAULT_TIMEOUT_SECONDS,
    Outcome,
    WorkerPool,
    default_pool_size,
)

__all__ = [
    "DEFAULT_MEMORY_LIMIT_MB",
    "DEFAULT_TIMEOUT_SECONDS",
    "IsolatedWorker",
    "IsolationFailure",
    "Outcome",
    "UntrustedFileFailed",
    "WorkerPool",
    "WorkerUnavailable",
    "default_pool_size",
    "shared_worker",
]


class IsolatedWorker(WorkerPool):
    """A pool of one worker (tests and tools that want a process of their own)."""

    def __init__(
        self,
        memory_limit_mb: int = DEFAULT_MEMORY_LIMIT_MB,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
        guard: str | None = None,
    ) -> None:
        super().__init__(1, memory_limit_mb, timeout_seconds, guard)


_shared: WorkerPool | None = None
_shared_lock = threading.Lock()


def shared_worker() -> WorkerPool:
    """The app-wide pool for parsing untrusted files (workers start on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = WorkerPool()
            atexit.register(_shared.close)
        return _shared
