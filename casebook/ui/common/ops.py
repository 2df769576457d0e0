"""Read and write operations: the one way the UI runs work, and the type decides the thread.

    ReadOp(self, load_records(session)).on_success(self.show).start()
    WriteOp(self, session, lambda: records.move(session, doc_id, kind)).start()

A `ReadOp` runs on the reader lanes, whose threads cannot write the binder (the session refuses,
and their connections are opened read-only). A `WriteOp` runs on the one writer lane; it collects
what its job's transactions committed and announces it on the session's `binder_changed` signal
before its own callbacks run, so every model showing those records reads them again. What
committed is announced even when the job is cancelled or fails half-way.

Jobs take no arguments; a long job that reports progress or can be cancelled uses
`ReadOp.with_progress` / `WriteOp.with_progress` and receives `(report, cancel)`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, NoReturn, Self, TypeVar

from PySide6.QtCore import QObject

from casebook.core.changes import Changes
from casebook.core.progress import CancelToken, Progress, Report
from casebook.ui.common.binder_events import BinderEvents, binder_events
from casebook.ui.common.message_bar import MessageBar
from casebook.ui.common.tasks import BackgroundTask, TaskFailure, reader_pool, writer_pool

if TYPE_CHECKING:  # the storage layer is not needed to show the first window
    from casebook.services.binder.session import BinderSession

T = TypeVar("T")

Job = Callable[[Report, CancelToken], T]


class _ReplaceableJob(Generic[T]):
    """The job an op runs, replaceable until it starts. Kept apart from the op so that nothing
    the worker thread holds points back at the op (and through it at its window): a window
    closed while its op finishes must be free to go at once, not at the next garbage
    collection."""

    def __init__(self, job: Job[T]) -> None:
        self.job = job

    def __call__(self, report: Report, cancel: CancelToken) -> T:
        return self.job(report, cancel)


class _Op(Generic[T]):
    """What both kinds share: callbacks delivered on the GUI thread to a living `context`."""

    def __init__(self, context: QObject, job: Job[T]) -> None:
        self._job = _ReplaceableJob(job)
        self._task: BackgroundTask[T] = BackgroundTask(context, self._job)

    def on_progress(self, callback: Callable[[Progress], None]) -> Self:
        self._task.on_progress(callback)
        return self

    def on_success(self, callback: Callable[[T], None]) -> Self:
        self._task.on_success(callback)
        return self

    def on_failure(self, callback: Callable[[TaskFailure], None]) -> Self:
        self._task.on_failure(callback)
        return self

    def on_cancel(self, callback: Callable[[], None]) -> Self:
        self._task.on_cancel(callback)
        return self

    def reporting_to(self, bar: MessageBar) -> Self:
        """Show a failure in `bar` (in the words of the error registry; a bug also opens the
        crash dialog): what most views want."""
        self._task.on_failure(bar.show_failure)
        return self

    def cancel(self) -> None:
        """Ask the job to stop at its next check; `on_cancel` follows."""
        self._task.cancel()

    @property
    def is_running(self) -> bool:
        return self._task.is_running


class ReadOp(_Op[T]):
    """Reads the binder (or does other work that writes nothing) on the reader lanes."""

    def __init__(self, context: QObject, read: Callable[[], T]) -> None:
        super().__init__(context, lambda _report, _cancel: read())

    @classmethod
    def with_progress(cls, context: QObject, job: Job[T]) -> ReadOp[T]:
        op: ReadOp[T] = cls(context, _never)
        op._job.job = job
        return op

    def start(self) -> Self:
        self._task.start(reader_pool())
        return self


class _Collected:
    """What a write op's job committed, filled on the writer thread, read on the GUI thread
    after the job ended (the queued delivery orders the two)."""

    def __init__(self) -> None:
        self.changes = Changes()


def _collecting(session: BinderSession, job: _ReplaceableJob[T], into: _Collected) -> Job[T]:
    def run(report: Report, cancel: CancelToken) -> T:
        with session.collecting_changes() as collected:
            try:
                return job(report, cancel)
            finally:
                into.changes = collected.changes

    return run


def _announcer(events: BinderEvents, collected: _Collected) -> Callable[[], None]:
    def announce() -> None:
        events.write_finished()
        if collected.changes:
            events.binder_changed.emit(collected.changes)

    return announce


class WriteOp(_Op[T]):
    """Writes the binder on the one writer lane and announces what it changed.

    `session` is None only for writes that come before a session exists (creating or
    unlocking a binder): nothing is announced for those.
    """

    def __init__(
        self, context: QObject, session: BinderSession | None, write: Callable[[], T]
    ) -> None:
        job = _ReplaceableJob[T](lambda _report, _cancel: write())
        self._collected = _Collected()
        self._events: BinderEvents | None = None
        if session is None:
            super().__init__(context, job)
        else:
            super().__init__(context, _collecting(session, job, self._collected))
            self._job = job  # with_progress replaces the inner job
            self._events = binder_events(session)
            # Announce before the caller's own callbacks, whatever the outcome.
            self._task.before_delivery(self._events, _announcer(self._events, self._collected))

    @classmethod
    def with_progress(
        cls, context: QObject, session: BinderSession | None, job: Job[T]
    ) -> WriteOp[T]:
        op: WriteOp[T] = cls(context, session, _never)
        op._job.job = job
        return op

    @property
    def changes(self) -> Changes:
        """What the job committed (read it once the op has delivered its outcome)."""
        return self._collected.changes

    def start(self) -> Self:
        if self._events is not None:
            self._events.write_started()
        self._task.start(writer_pool())
        return self


def _never() -> NoReturn:
    raise AssertionError("replaced by with_progress")


class LatestRead(Generic[T]):
    """A view's repeated read (its `reload`), where only the newest read's result is shown.

    Reads run in parallel lanes and can finish out of order; a read overtaken by a newer one
    (started after a later write) is dropped instead of painting older data over newer.
    """

    def __init__(
        self,
        context: QObject,
        read: Callable[[], T],
        show: Callable[[T], None],
        failed: Callable[[TaskFailure], None],
    ) -> None:
        self._context = context
        self._read = read
        self._show = show
        self._failed = failed
        self._generation = 0
        self._running = 0

    def start(self) -> None:
        self._generation += 1
        self._running += 1
        generation = self._generation

        def shown(result: T) -> None:
            self._running -= 1
            if generation == self._generation:
                self._show(result)

        def failed(failure: TaskFailure) -> None:
            self._running -= 1
            if generation == self._generation:
                self._failed(failure)

        def cancelled() -> None:
            self._running -= 1

        ReadOp(self._context, self._read).on_success(shown).on_failure(failed).on_cancel(
            cancelled
        ).start()

    @property
    def is_running(self) -> bool:
        return self._running > 0
