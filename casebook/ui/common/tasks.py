"""The one way to run work off the GUI thread.

A `BackgroundTask` runs a plain job `(report, cancel) -> result` on a worker lane and delivers
progress and the outcome on the GUI thread through queued signals. The callbacks belong to a
`context` widget: when it is destroyed (a page closed, the binder locked), pending results are
dropped instead of reaching a dead window. Progress is throttled to about ten updates a second.

It is the engine under `ui/common/ops.py`: pages use `ReadOp` and `WriteOp`, whose type picks
the lane — every job that writes the binder runs on `writer_pool()` (one thread); the threads
of `reader_pool()` are marked read-only, so a write from one of them is refused.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from types import TracebackType
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from casebook.core.errors import CasebookError
from casebook.core.progress import Cancelled, CancelToken, Progress, Report

T = TypeVar("T")

PROGRESS_INTERVAL_S = 0.1
"""Minimum time between two progress deliveries (the last one of a job always goes through)."""


@dataclass(frozen=True)
class TaskFailure:
    """Why a job failed. `is_bug` is True for anything that is not a `CasebookError`."""

    error: BaseException
    is_bug: bool
    traceback: TracebackType | None = None

    def show_as_crash(self) -> None:
        """Hand a bug to `sys.excepthook`, which the crash handler turns into the crash dialog."""
        sys.excepthook(type(self.error), self.error, self.traceback)


class _Relay(QObject):
    """Carries signals from the worker thread; lives on the GUI thread, owned by the app.

    The worker deletes it (`deleteLater`, which is thread-safe) once its last `emit` has
    returned. A slot of its own `finished` must not: the GUI thread could then destroy it while
    the worker is still inside that `emit`, which crashed in `QObject::~QObject`.
    """

    progressed = Signal(object)
    finished = Signal(str, object)  # outcome ("success" | "failure" | "cancel"), payload


class _Always(QObject):
    """Child of an owner that outlives the context: told of every outcome, even dropped ones."""

    def __init__(self, owner: QObject, callback: Callable[[], None]) -> None:
        super().__init__(owner)
        self._callback: Callable[[], None] | None = callback

    @Slot(str, object)
    def fire(self, _outcome: str, _payload: object) -> None:
        # Let go of the callback at once: it may hold the op's window, which must be free to
        # go away before this object is deleted.
        callback, self._callback = self._callback, None
        self.deleteLater()
        if callback is not None:
            callback()


class _Receiver(QObject):
    """Child of the context: Qt drops queued deliveries when the context goes away."""

    def __init__(self, context: QObject, task: BackgroundTask[Any]) -> None:
        super().__init__(context)
        self._task: BackgroundTask[Any] | None = task

    @Slot(object)
    def deliver_progress(self, progress: object) -> None:
        if self._task is not None and self._task._progress_cb is not None:
            assert isinstance(progress, Progress)
            self._task._progress_cb(progress)

    @Slot(str, object)
    def deliver_outcome(self, outcome: str, payload: object) -> None:
        task, self._task = self._task, None
        self.deleteLater()
        if task is not None:
            task._deliver(outcome, payload)


_running: set[BackgroundTask[Any]] = set()
_running_lock = threading.Lock()


# Letting go on the GUI thread ----------------------------------------------------------------
#
# A job's objects (the task, its callbacks, the job's closure, a failure's traceback) can hold
# the last reference to a widget that has no parent — a dialog, or a view in a test. Were a
# worker thread to drop that last reference, Python would delete the widget there, in the
# middle of the GUI thread's work: it crashed in QObject::~QObject. So a worker never holds
# such an object directly when it is done with it: the object sits alone in a list (a "cell")
# that the worker hands over, and only the GUI thread empties cells.

_cells: list[list[object]] = []
_cells_lock = threading.Lock()


class _Undertaker(QObject):
    """Lives on the GUI thread; empties the cells the workers hand over."""

    handed_over = Signal()

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.handed_over.connect(self.empty_cells)  # queued: emitted by workers

    @Slot()
    def empty_cells(self) -> None:
        with _cells_lock:
            cells = _cells[:]
            _cells.clear()
        for cell in cells:
            cell.clear()  # the last references go here, on the GUI thread


_undertaker: list[_Undertaker] = []


def _undertaker_on_gui_thread() -> None:
    """Made by the first task's start (on the GUI thread), owned by the application."""
    app = QCoreApplication.instance()
    if not _undertaker and app is not None:
        _undertaker.append(_Undertaker(app))


def _hand_over(cell: list[object]) -> None:
    """Worker side: the GUI thread will empty `cell`. The caller must hold none of its contents
    directly (only through the cell), or it could still be the last to let go of them."""
    if not _undertaker:
        cell.clear()
        return
    with _cells_lock:
        _cells.append(cell)
    try:
        _undertaker[0].handed_over.emit()
    except RuntimeError:  # the application is gone (quitting): no window is left to protect
        with _cells_lock:
            _cells.clear()


def _run_then_hand_over(cell: list[Callable[[], None]]) -> None:
    """What a lane runs: the job in `cell`, which the GUI thread then lets go of."""
    try:
        cell[0]()
    finally:
        _hand_over(cell)  # type: ignore[arg-type]


class BackgroundTask(Generic[T]):
    """A job run on a thread pool, reporting back to `context` on the GUI thread."""

    def __init__(self, context: QObject, job: Callable[[Report, CancelToken], T]) -> None:
        self._context = context
        self._job = job
        self._token = CancelToken()
        self._progress_cb: Callable[[Progress], None] | None = None
        self._success_cb: Callable[[T], None] | None = None
        self._failure_cb: Callable[[TaskFailure], None] | None = None
        self._cancel_cb: Callable[[], None] | None = None
        self._started = False
        self._done = False
        self._last_emit = 0.0
        self._relay: _Relay | None = None
        self._always: list[tuple[QObject, Callable[[], None]]] = []

    def before_delivery(self, owner: QObject, callback: Callable[[], None]) -> BackgroundTask[T]:
        """Call `callback` on the GUI thread when the job ends, before the outcome reaches the
        context — even when the context has gone. `owner` bounds its life instead."""
        self._always.append((owner, callback))
        return self

    def on_progress(self, callback: Callable[[Progress], None]) -> BackgroundTask[T]:
        self._progress_cb = callback
        return self

    def on_success(self, callback: Callable[[T], None]) -> BackgroundTask[T]:
        self._success_cb = callback
        return self

    def on_failure(self, callback: Callable[[TaskFailure], None]) -> BackgroundTask[T]:
        self._failure_cb = callback
        return self

    def on_cancel(self, callback: Callable[[], None]) -> BackgroundTask[T]:
        self._cancel_cb = callback
        return self

    @property
    def is_running(self) -> bool:
        """True from `start()` until the outcome was delivered (or dropped)."""
        return self._started and not self._done

    def cancel(self) -> None:
        """Ask the job to stop at its next check; it then reports to `on_cancel`."""
        self._token.cancel()

    def start(self, pool: WorkerLane) -> BackgroundTask[T]:
        """Queue the job on `pool`. Call from the GUI thread, once."""
        if self._started:
            raise RuntimeError("a BackgroundTask can only be started once")
        self._started = True
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication before starting a BackgroundTask")
        relay = _Relay(app)  # owned by the app, so it outlives the context
        for owner, callback in self._always:  # connected first: Qt calls slots in that order
            relay.finished.connect(_Always(owner, callback).fire)
        receiver = _Receiver(self._context, self)
        relay.progressed.connect(receiver.deliver_progress)
        relay.finished.connect(receiver.deliver_outcome)
        self._relay = relay
        with _running_lock:
            _running.add(self)
        pool.start(self._run)
        return self

    # Worker thread -------------------------------------------------------------------------

    def _report(self, progress: Progress) -> None:
        now = time.monotonic()
        final = progress.total > 0 and progress.done >= progress.total
        if final or now - self._last_emit >= PROGRESS_INTERVAL_S:
            self._last_emit = now
            assert self._relay is not None
            self._relay.progressed.emit(progress)

    def _run(self) -> None:
        outcome: str
        payload: object
        try:
            self._token.raise_if_cancelled()
            payload = self._job(self._report, self._token)
            outcome = "success"
        except Cancelled:
            outcome, payload = "cancel", None
        except CasebookError as error:
            outcome, payload = "failure", TaskFailure(error, is_bug=False)
        except Exception as error:
            # Imported here: the first window must not load the storage layer (start-up).
            from casebook.services.binder.binder_session import cut_short_by_closing

            if cut_short_by_closing(error):  # the binder was locked under a reader
                outcome, payload = "cancel", None
            else:
                outcome, payload = "failure", TaskFailure(error, True, error.__traceback__)
        finally:
            with _running_lock:
                _running.discard(self)
        relay, self._relay = self._relay, None
        assert relay is not None
        relay.finished.emit(outcome, payload)
        relay.deleteLater()  # after the emit has let go of it: its queued calls go first
        cell: list[object] = [payload]
        del payload  # a failure's traceback may hold a window: only the cell holds it now
        _hand_over(cell)

    # GUI thread ----------------------------------------------------------------------------

    def _deliver(self, outcome: str, payload: object) -> None:
        self._done = True
        if outcome == "success":
            if self._success_cb is not None:
                self._success_cb(payload)  # type: ignore[arg-type]
        elif outcome == "cancel":
            if self._cancel_cb is not None:
                self._cancel_cb()
        else:
            assert isinstance(payload, TaskFailure)
            if self._failure_cb is not None:
                self._failure_cb(payload)
            elif payload.is_bug:
                payload.show_as_crash()


def running_task_count() -> int:
    """Jobs not finished yet (tests wait for it to reach 0 before their windows go away)."""
    with _running_lock:
        return len(_running)


def cancel_all_tasks() -> None:
    """Ask every running job to stop (used when the app quits)."""
    with _running_lock:
        tasks = list(_running)
    for task in tasks:
        task.cancel()


class WorkerLane:
    """Python threads that run jobs in order of submission.

    Not a QThreadPool on purpose: PySide gives a QThreadPool thread a fresh Python thread state
    for every job, so `threading.local` (per-thread SQLCipher connections, file locks) would not
    survive from one job to the next. Python threads keep theirs for their whole life.
    """

    def __init__(
        self, name: str, max_threads: int, initializer: Callable[[], None] | None = None
    ) -> None:
        self.name = name
        self.max_threads = max_threads
        self._initializer = initializer
        self._executor = self._new_executor()

    def _new_executor(self) -> ThreadPoolExecutor:
        return ThreadPoolExecutor(
            max_workers=self.max_threads,
            thread_name_prefix=self.name,
            initializer=self._initializer,
        )

    def start(self, run: Callable[[], None]) -> None:
        """Run `run` on a lane thread; it (and what it holds) is let go of on the GUI thread.
        Call from the GUI thread."""
        _undertaker_on_gui_thread()
        self._executor.submit(_run_then_hand_over, [run])

    def wait_for_done(self) -> None:
        """Let queued jobs finish; only for shutdown, never while the GUI runs."""
        self._executor.shutdown(wait=True)
        self._executor = self._new_executor()


_lanes: dict[str, WorkerLane] = {}
_lanes_lock = threading.Lock()


def _lane(name: str, max_threads: int, initializer: Callable[[], None] | None = None) -> WorkerLane:
    with _lanes_lock:
        if name not in _lanes:
            _lanes[name] = WorkerLane(name, max_threads, initializer)
        return _lanes[name]


def writer_pool() -> WorkerLane:
    """The single lane for every job that writes the binder (create, unlock, import, lock)."""
    return _lane("casebook-writer", 1)


def _reader_thread_started() -> None:
    # Imported here, not at the top: the storage layer is not needed for the first window.
    from casebook.services.binder.session import mark_thread_read_only

    mark_thread_read_only()


def reader_pool() -> WorkerLane:
    """Parallel lanes for read-only work (thumbnails, renders, hashing); they cannot write."""
    return _lane("casebook-reader", max(2, min(8, os.cpu_count() or 2)), _reader_thread_started)
