"""Parsing untrusted files in a worker process with memory and time limits.

DICOM, PDF and image decoders are large C libraries fed with files from strangers' CDs and
email. A file that crashes, hangs or balloons the decoder must be reported as damaged while the
app carries on, so every parse of such a file goes through `IsolatedWorker.call`, which runs a
module-level function in a child process (started with `spawn`, so no state or key is inherited)
and kills it when it overruns.

Limits: address space via RLIMIT_AS where the OS enforces it (Linux); elsewhere only the
timeout applies, which is noted in the README.
"""

from __future__ import annotations

import atexit
import contextlib
import enum
import multiprocessing
import threading
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, TypeVar, cast

from casebook.core.errors import CasebookError

T = TypeVar("T")

DEFAULT_MEMORY_LIMIT_MB = 2048
DEFAULT_TIMEOUT_SECONDS = 60.0
STARTUP_TIMEOUT_SECONDS = 60.0
_READY = "casebook-worker-ready"


class WorkerUnavailable(RuntimeError):
    """The worker process could not start at all: a fault of the installation, not of a file.

    Deliberately not a CasebookError, so it reaches the crash dialog instead of making every
    file look damaged.
    """


class IsolationFailure(enum.Enum):
    """How the worker failed on a file (the file, not the app, is at fault)."""

    CRASHED = "crashed"
    TIMED_OUT = "timed_out"
    OUT_OF_MEMORY = "out_of_memory"
    FAILED = "failed"


@dataclass
class UntrustedFileFailed(CasebookError):
    """Parsing a file in the worker failed; `detail` is a short technical reason."""

    failure: IsolationFailure
    detail: str = ""

    def __str__(self) -> str:
        return f"file could not be read safely: {self.failure.value} {self.detail}".rstrip()


def _limit_memory(limit_mb: int) -> None:
    try:
        import resource  # POSIX only
    except ImportError:
        return
    limit = limit_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _serve(connection: Connection, memory_limit_mb: int) -> None:
    """The worker's loop: receive (function, args), send back ("ok", value) or an error."""
    _limit_memory(memory_limit_mb)
    connection.send(_READY)
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        function, args = request
        try:
            reply: tuple[str, Any] = ("ok", function(*args))
        except CasebookError as error:
            reply = ("expected", error)
        except MemoryError:
            reply = ("failure", UntrustedFileFailed(IsolationFailure.OUT_OF_MEMORY))
        except Exception as error:
            detail = f"{type(error).__name__}: {error}"[:200]
            reply = ("failure", UntrustedFileFailed(IsolationFailure.FAILED, detail))
        try:
            connection.send(reply)
        except (OSError, ValueError):
            return
        except Exception as error:
            connection.send(
                ("failure", UntrustedFileFailed(IsolationFailure.FAILED, type(error).__name__))
            )


class IsolatedWorker:
    """One long-lived child process, restarted after a crash or an overrun. Thread-safe."""

    def __init__(
        self,
        memory_limit_mb: int = DEFAULT_MEMORY_LIMIT_MB,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
    ) -> None:
        self._memory_limit_mb = memory_limit_mb
        self._timeout = timeout_seconds
        self._context = multiprocessing.get_context("spawn")
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._lock = threading.Lock()

    def _start(self) -> Connection:
        if self._process is not None and self._process.is_alive() and self._connection:
            return self._connection
        self._stop()
        parent, child = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=_serve, args=(child, self._memory_limit_mb), daemon=True
        )
        process.start()
        child.close()
        self._process, self._connection = process, parent
        try:
            ready = parent.poll(STARTUP_TIMEOUT_SECONDS) and parent.recv() == _READY
        except (EOFError, OSError):
            ready = False
        if not ready:
            code = process.exitcode
            self._stop()
            raise WorkerUnavailable(f"the file-reading worker did not start (exit code {code})")
        return parent

    def _stop(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(OSError):
                self._connection.close()
        if self._process is not None:
            if self._process.is_alive():
                self._process.kill()
            self._process.join(timeout=5)
            with contextlib.suppress(ValueError):
                self._process.close()
        self._process, self._connection = None, None

    def call(self, function: Callable[..., T], *args: object, timeout: float | None = None) -> T:
        """Run `function(*args)` in the worker. `function` must be importable by name.

        Raises the function's own CasebookError, or UntrustedFileFailed when the worker
        crashed, ran out of memory, overran `timeout` or hit any other error.
        """
        with self._lock:
            connection = self._start()
            try:
                connection.send((function, args))
                if not connection.poll(timeout if timeout is not None else self._timeout):
                    self._stop()
                    raise UntrustedFileFailed(IsolationFailure.TIMED_OUT)
                status, value = connection.recv()
            except (EOFError, OSError, BrokenPipeError):
                code = self._process.exitcode if self._process is not None else None
                self._stop()
                raise UntrustedFileFailed(IsolationFailure.CRASHED, f"exit code {code}") from None
        if status == "ok":
            return cast(T, value)
        raise cast(CasebookError, value)

    def close(self) -> None:
        with self._lock:
            self._stop()

    def __enter__(self) -> IsolatedWorker:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


_shared: IsolatedWorker | None = None
_shared_lock = threading.Lock()


def shared_worker() -> IsolatedWorker:
    """The app-wide worker for parsing untrusted files (started on first use)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = IsolatedWorker()
            atexit.register(_shared.close)
        return _shared
