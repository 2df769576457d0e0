"""A pool of worker processes sized to the machine, each with its memory limit and timeouts.

Callers either `call` one function (a thumbnail, a page) or `submit` a batch of items that one
worker answers in a single round trip, one reply per item. Each item has its own timeout: the
worker that hangs or balloons on an item is killed and restarted, that item is reported as
failed, the rest of its batch goes on in the fresh worker, and the other workers never stop.
Replies are read with the restricted unpickler of `protocol`.

Workers start on first use, or ahead of it (`prestart`). A batch goes to a started worker
when one is free, and waits for one still starting rather than start another: that one is
ready sooner than a new one would be, and a laptop's two cores are not split between two
processes loading the same parsers for one PDF.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import pickle
import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar, cast

from casebook.core.errors import CasebookError
from casebook.services.workers import child
from casebook.services.workers.errors import (
    IsolationFailure,
    UntrustedFileFailed,
    WorkerUnavailable,
)
from casebook.services.workers.limits import (
    JOB_OBJECT,
    WATCHDOG,
    MemoryWatchdog,
    choose_guard,
    confine_to_job,
    shared_watchdog,
)
from casebook.services.workers.protocol import MAX_REPLY_BYTES, ReplyRefused, load_reply

T = TypeVar("T")

DEFAULT_MEMORY_LIMIT_MB = 2048
DEFAULT_TIMEOUT_SECONDS = 60.0
STARTUP_TIMEOUT_SECONDS = 60.0
MAX_POOL_SIZE = 4


def default_pool_size() -> int:
    """One worker per core, at most four (each may hold a decoded image)."""
    return max(1, min(MAX_POOL_SIZE, os.cpu_count() or 1))


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What one item came to: a value or an error, and whether it cost a worker restart."""

    value: T | None = None
    error: CasebookError | None = None
    restarted: bool = False

    def get(self) -> T:
        if self.error is not None:
            raise self.error
        return cast(T, self.value)


class _Worker:
    """One child process; used by one thread at a time (the pool hands it out)."""

    def __init__(self, memory_limit_mb: int, guard: str, watchdog: MemoryWatchdog) -> None:
        self._memory_limit_mb = memory_limit_mb
        self._guard = guard
        self._watchdog = watchdog
        self._context = multiprocessing.get_context("spawn")
        self._process: BaseProcess | None = None
        self._connection: Connection | None = None
        self._job: Any = None
        self._over_memory = threading.Event()

    @property
    def alive(self) -> bool:
        return self._process is not None and self._process.is_alive()

    def _start(self) -> Connection:
        if self.alive and self._connection is not None:
            return self._connection
        self.stop()
        parent, child_end = self._context.Pipe(duplex=True)
        process = self._context.Process(
            target=child.serve,
            args=(child_end, self._memory_limit_mb, self._guard),
            daemon=True,
            name="casebook-file-worker",
        )
        process.start()
        child_end.close()
        self._process, self._connection = process, parent
        self._over_memory.clear()
        assert process.pid is not None
        if self._guard == JOB_OBJECT:
            kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
            self._job = confine_to_job(kernel32, process.pid, self._memory_limit_mb)
        elif self._guard == WATCHDOG:
            self._watchdog.watch(process.pid, self._memory_limit_mb, self._kill_for_memory)
        try:
            ready = parent.poll(STARTUP_TIMEOUT_SECONDS) and (
                load_reply(parent.recv_bytes(MAX_REPLY_BYTES)) == child.READY
            )
        except (EOFError, OSError, ReplyRefused):
            ready = False
        if not ready:
            code = process.exitcode
            self.stop()
            raise WorkerUnavailable(f"the file-reading worker did not start (exit code {code})")
        return parent

    def _kill_for_memory(self) -> None:
        self._over_memory.set()
        process = self._process
        if process is not None:
            with contextlib.suppress(Exception):
                process.kill()

    def stop(self) -> None:
        if self._connection is not None:
            with contextlib.suppress(OSError):
                self._connection.close()
        if self._process is not None:
            if self._process.pid is not None:
                self._watchdog.unwatch(self._process.pid)
            if self._process.is_alive():
                self._process.kill()
            self._process.join(timeout=5)
            with contextlib.suppress(ValueError):
                self._process.close()
        if self._job is not None:
            with contextlib.suppress(Exception):
                ctypes.windll.kernel32.CloseHandle(self._job)  # type: ignore[attr-defined,unused-ignore]
        self._process, self._connection, self._job = None, None, None

    def _lost(self, failure: IsolationFailure, detail: str) -> UntrustedFileFailed:
        """The worker died or must die: stop it and describe what the item did to it."""
        code = self._process.exitcode if self._process is not None else None
        if self._over_memory.is_set():
            failure, detail = IsolationFailure.OUT_OF_MEMORY, "resident memory over the limit"
        elif failure is IsolationFailure.CRASHED:
            detail = f"exit code {code}"
        self.stop()
        return UntrustedFileFailed(failure, detail)

    def run(
        self, function: Callable[..., Any], items: Sequence[tuple[Any, ...]], timeout: float
    ) -> list[Outcome[Any]]:
        """Answer every item; a worker lost on one item is restarted for the rest."""
        outcomes: list[Outcome[Any]] = []
        while len(outcomes) < len(items):
            remaining = list(items[len(outcomes) :])
            connection = self._start()
            try:
                connection.send_bytes(pickle.dumps((function, remaining), protocol=5))
            except (OSError, ValueError):
                outcomes.append(
                    Outcome(error=self._lost(IsolationFailure.CRASHED, ""), restarted=True)
                )
                continue
            outcomes.extend(self._collect(connection, len(remaining), timeout))
        return outcomes

    def _collect(self, connection: Connection, count: int, timeout: float) -> list[Outcome[Any]]:
        """Replies for `count` items, stopping early (with the failed item) if the worker is
        lost; the caller sends what is left to the restarted worker."""
        received: list[Outcome[Any]] = []
        while len(received) < count:
            try:
                if not connection.poll(timeout):
                    error = self._lost(IsolationFailure.TIMED_OUT, f"after {timeout:.0f} s")
                    return [*received, Outcome(error=error, restarted=True)]
                index, status, value = load_reply(connection.recv_bytes(MAX_REPLY_BYTES))
            except (EOFError, OSError):
                return [
                    *received,
                    Outcome(error=self._lost(IsolationFailure.CRASHED, ""), restarted=True),
                ]
            except (ReplyRefused, ValueError, TypeError) as refused:
                # A worker that sends anything but plain values may have been taken over.
                error = self._lost(IsolationFailure.FAILED, f"reply refused ({refused})")
                return [*received, Outcome(error=error, restarted=True)]
            if index != len(received):
                error = self._lost(IsolationFailure.FAILED, "reply out of order")
                return [*received, Outcome(error=error, restarted=True)]
            received.append(_outcome(status, value))
        return received


def _outcome(status: object, value: object) -> Outcome[Any]:
    if status == child.OK:
        return Outcome(value=value)
    if status == child.EXPECTED and isinstance(value, CasebookError):
        return Outcome(error=value)
    if status == child.OUT_OF_MEMORY:
        return Outcome(error=UntrustedFileFailed(IsolationFailure.OUT_OF_MEMORY))
    return Outcome(error=UntrustedFileFailed(IsolationFailure.FAILED, str(value)[:200]))


class WorkerPool:
    """Worker processes for untrusted files. Thread-safe; workers start on first use."""

    def __init__(
        self,
        size: int | None = None,
        memory_limit_mb: int = DEFAULT_MEMORY_LIMIT_MB,
        timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS,
        guard: str | None = None,
        watchdog: MemoryWatchdog | None = None,
    ) -> None:
        self.size = size or default_pool_size()
        self.guard = guard or choose_guard()
        self._timeout = timeout_seconds
        chosen_watchdog = watchdog or shared_watchdog()
        self._workers = [
            _Worker(memory_limit_mb, self.guard, chosen_watchdog) for _ in range(self.size)
        ]
        # The last one given back is the first taken (its process and caches are warm).
        self._idle = list(reversed(self._workers))
        self._free = threading.Condition()
        self._starting = 0  # workers taken by `prestart`, loading their parsers
        self._executor: ThreadPoolExecutor | None = None
        self._lock = threading.Lock()
        self._restarts = 0

    @property
    def restarts(self) -> int:
        """Workers restarted since the pool was made (each after a crash, hang or balloon)."""
        return self._restarts

    def run_batch(
        self,
        function: Callable[..., T],
        items: Sequence[tuple[Any, ...]],
        timeout: float | None = None,
    ) -> list[Outcome[T]]:
        """`function(*args)` for every args tuple of `items`, in one worker's round trip."""
        if not items:
            return []
        worker = self._take()
        try:
            outcomes = worker.run(
                function, items, timeout if timeout is not None else self._timeout
            )
        finally:
            self._give_back(worker)
        lost = sum(1 for outcome in outcomes if outcome.restarted)
        if lost:
            with self._lock:
                self._restarts += lost
        return outcomes

    def _take(self) -> _Worker:
        """A started worker if one is free; an unstarted one only when none is starting."""
        with self._free:
            while True:
                started = [worker for worker in self._idle if worker.alive]
                if started:
                    worker = started[-1]
                elif self._idle and not self._starting:
                    worker = self._idle[-1]
                else:
                    self._free.wait()
                    continue
                self._idle.remove(worker)
                return worker

    def _give_back(self, worker: _Worker, *, started: bool = False) -> None:
        with self._free:
            self._idle.append(worker)
            if started:
                self._starting -= 1
            self._free.notify_all()

    def call(self, function: Callable[..., T], *args: object, timeout: float | None = None) -> T:
        """Run `function(*args)` in a worker. `function` must be importable by name.

        Raises the function's own CasebookError, or UntrustedFileFailed when the worker
        crashed, ran out of memory, overran `timeout` or hit any other error.
        """
        [outcome] = self.run_batch(function, [args], timeout)
        return outcome.get()

    def submit(
        self,
        function: Callable[..., T],
        items: Sequence[tuple[Any, ...]],
        timeout: float | None = None,
    ) -> Future[list[Outcome[T]]]:
        """`run_batch` on the next free worker, without waiting (for pipelines)."""
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(self.size, "casebook-worker-io")
            executor = self._executor
        return executor.submit(self.run_batch, function, list(items), timeout)

    def prestart(self, *modules: str, count: int | None = None) -> None:
        """Start `count` workers (None: every one) now, in the background, each importing
        `modules`: an import then does not wait for the workers to start and load their
        parsers. Nothing is done while a worker runs already.

        The workers are taken here, before returning, so a batch asked for right after waits
        for them instead of starting one more."""
        if any(worker.alive for worker in self._workers):
            return
        wanted = self.size if count is None else min(count, self.size)
        with self._free:
            taken = self._idle[len(self._idle) - min(wanted, len(self._idle)) :]
            del self._idle[len(self._idle) - len(taken) :]
            self._starting += len(taken)
        items = [(module,) for module in modules]
        for worker in taken:  # a thread each, so no queue can hold a taken worker back
            threading.Thread(
                target=self._start_ahead,
                args=(worker, items),
                name="casebook-worker-start",
                daemon=True,
            ).start()

    def _start_ahead(self, worker: _Worker, items: list[tuple[str]]) -> None:
        try:
            worker.run(child.preload, items, STARTUP_TIMEOUT_SECONDS)
        finally:
            self._give_back(worker, started=True)

    def close(self) -> None:
        """Stop every worker (waiting for the batches already running). A later call starts
        them again."""
        with self._lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        with self._free:
            while len(self._idle) < len(self._workers):  # batches of other threads
                self._free.wait()
            for worker in self._idle:
                worker.stop()

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
