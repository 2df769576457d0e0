"""BackgroundTask: real jobs on real thread pools, results delivered on the GUI thread."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from casebook.core.errors import BinderUnavailable, UnavailableReason
from casebook.core.progress import CancelToken, Progress, Report
from casebook.services.binder.binder_session import BinderSession
from casebook.ui.common.tasks import (
    BackgroundTask,
    TaskFailure,
    WorkerLane,
    reader_pool,
    writer_pool,
)


def make_context(qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def test_success_is_delivered_on_the_gui_thread(qtbot: QtBot) -> None:
    context = make_context(qtbot)
    results: list[tuple[int, bool]] = []
    gui_thread = QThread.currentThread()

    def job(_report: Report, _cancel: CancelToken) -> int:
        assert QThread.currentThread() is not gui_thread
        return sum(range(1000))

    BackgroundTask(context, job).on_success(
        lambda value: results.append((value, QThread.currentThread() is gui_thread))
    ).start(reader_pool())
    qtbot.waitUntil(lambda: len(results) == 1)
    assert results == [(499500, True)]


def test_expected_failure_is_not_a_bug(qtbot: QtBot) -> None:
    context = make_context(qtbot)
    failures: list[TaskFailure] = []

    def job(_report: Report, _cancel: CancelToken) -> None:
        raise BinderUnavailable(Path("/nowhere"), UnavailableReason.MISSING)

    BackgroundTask(context, job).on_failure(failures.append).start(writer_pool())
    qtbot.waitUntil(lambda: len(failures) == 1)
    assert isinstance(failures[0].error, BinderUnavailable)
    assert not failures[0].is_bug


def test_other_exceptions_are_flagged_as_bugs_with_traceback(qtbot: QtBot) -> None:
    context = make_context(qtbot)
    failures: list[TaskFailure] = []

    def job(_report: Report, _cancel: CancelToken) -> None:
        _ = {}["missing"]  # type: ignore[index]

    BackgroundTask(context, job).on_failure(failures.append).start(writer_pool())
    qtbot.waitUntil(lambda: len(failures) == 1)
    assert isinstance(failures[0].error, KeyError)
    assert failures[0].is_bug
    assert failures[0].traceback is not None


def test_cancel_routes_to_on_cancel(qtbot: QtBot) -> None:
    context = make_context(qtbot)
    started = threading.Event()
    outcomes: list[str] = []

    def job(_report: Report, cancel: CancelToken) -> str:
        started.set()
        for _ in range(500):
            cancel.raise_if_cancelled()
            time.sleep(0.01)
        return "finished"

    task = (
        BackgroundTask(context, job)
        .on_success(outcomes.append)
        .on_cancel(lambda: outcomes.append("cancelled"))
        .start(writer_pool())
    )
    assert started.wait(5)
    assert task.is_running
    task.cancel()
    qtbot.waitUntil(lambda: outcomes == ["cancelled"])
    assert not task.is_running


def test_results_are_dropped_after_the_context_closed(qtbot: QtBot) -> None:
    context = QWidget()
    release = threading.Event()
    finished = threading.Event()
    delivered: list[object] = []

    def job(report: Report, _cancel: CancelToken) -> str:
        release.wait(5)
        report(Progress(1, 2))
        finished.set()
        return "late"

    BackgroundTask(context, job).on_success(delivered.append).on_progress(delivered.append).start(
        writer_pool()
    )
    context.deleteLater()
    qtbot.waitUntil(lambda: not _alive(context))
    release.set()
    assert finished.wait(5)
    # A later job on the same single-thread lane proves the first one's signals were sent.
    probe = make_context(qtbot)
    after: list[str] = []
    BackgroundTask(probe, lambda _r, _c: "probe").on_success(after.append).start(writer_pool())
    qtbot.waitUntil(lambda: after == ["probe"])
    qtbot.wait(50)
    assert delivered == []


def _alive(widget: QWidget) -> bool:
    try:
        widget.objectName()
    except RuntimeError:
        return False
    return True


def test_progress_is_throttled_but_the_last_update_arrives(qtbot: QtBot) -> None:
    context = make_context(qtbot)
    seen: list[Progress] = []
    done: list[bool] = []

    def job(report: Report, _cancel: CancelToken) -> None:
        deadline = time.monotonic() + 0.5
        count = 0
        while time.monotonic() < deadline:
            count += 1
            report(Progress(count, 0, "working"))
        report(Progress(count, count))

    BackgroundTask(context, job).on_progress(seen.append).on_success(
        lambda _: done.append(True)
    ).start(writer_pool())
    qtbot.waitUntil(lambda: done == [True])
    # ~0.5 s at 10 updates/s gives about 5 (plus the final one); never thousands.
    assert 2 <= len(seen) <= 10
    assert seen[-1].done == seen[-1].total


def test_writer_pool_runs_one_job_at_a_time(qtbot: QtBot) -> None:
    context = make_context(qtbot)
    active = 0
    peak = 0
    lock = threading.Lock()
    finished: list[int] = []

    def job(_report: Report, _cancel: CancelToken) -> int:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.02)
        with lock:
            active -= 1
        return 1

    for _ in range(5):
        BackgroundTask(context, job).on_success(finished.append).start(writer_pool())
    qtbot.waitUntil(lambda: len(finished) == 5)
    assert peak == 1
    assert writer_pool().max_threads == 1


def test_locking_the_binder_under_a_running_read_cancels_it(
    qtbot: QtBot, session: BinderSession
) -> None:
    """The user locks while a page is still reading: the read ends as cancelled, no crash."""
    context = make_context(qtbot)
    in_statement = threading.Event()
    outcomes: list[str] = []

    def job(_report: Report, _cancel: CancelToken) -> int:
        with session.reading() as db:
            db.conn.create_function("arrived", 1, lambda x: in_statement.set() or x)
            endless = (
                "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) "
                "SELECT count(arrived(x)) FROM n"
            )
            return int(db.execute(endless).fetchone()[0])

    task = BackgroundTask(context, job)
    task.on_success(lambda _value: outcomes.append("success"))
    task.on_failure(lambda _failure: outcomes.append("failure"))
    task.on_cancel(lambda: outcomes.append("cancel")).start(reader_pool())
    assert in_statement.wait(timeout=30)
    session.close()
    qtbot.waitUntil(lambda: outcomes != [], timeout=30_000)
    assert outcomes == ["cancel"]


def test_garbage_cycles_are_collected_on_the_gui_thread_only(qtbot: QtBot) -> None:
    """A cycle holding a Qt object is freed by the GUI thread's timer, never by a worker."""
    import gc
    import weakref

    from casebook.ui.common.gui_gc import CHECK_INTERVAL_MS, collect_on_gui_thread

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    collector = collect_on_gui_thread(app)
    assert collect_on_gui_thread(app) is collector  # once per application
    assert not gc.isenabled()
    freed_on: list[int] = []
    gui_thread = threading.get_ident()

    class Cycle:
        def __init__(self) -> None:
            self.me = self
            self.widget = QWidget()  # owned by Python, freed with the cycle

        def __del__(self) -> None:
            freed_on.append(threading.get_ident())

    cycle = Cycle()
    gone = weakref.ref(cycle)
    del cycle

    def churn(_report: Report, _cancel: CancelToken) -> int:
        # Far past every threshold: the automatic collector would have run in this thread.
        return len([[n] for n in range(50 * gc.get_threshold()[0])])

    done: list[int] = []
    BackgroundTask(make_context(qtbot), churn).on_success(done.append).start(reader_pool())
    qtbot.waitUntil(lambda: bool(done))
    # The GUI thread keeps allocating: its timer collects each generation as it falls due
    # (low thresholds, so the cycle is reached whichever generation it has aged into).
    kept: list[list[int]] = []

    def allocating_until_freed() -> bool:
        kept.extend([n] for n in range(100))
        return gone() is None

    thresholds = gc.get_threshold()
    gc.set_threshold(50, 2, 2)
    try:
        qtbot.waitUntil(allocating_until_freed, timeout=40 * CHECK_INTERVAL_MS)
    finally:
        gc.set_threshold(*thresholds)
    assert freed_on == [gui_thread]


def test_what_a_finished_job_held_last_goes_away_on_the_gui_thread(qtbot: QtBot) -> None:
    """A Qt object without a parent whose last reference is a job's must be deleted on the GUI
    thread, never on the worker that ran the job: a window deleted there crashed in
    QObject::~QObject. Here the job holds the only reference when it ends."""
    threads: list[str] = []
    started, go_on = threading.Event(), threading.Event()

    class Job:
        def __init__(self, held: QObject) -> None:
            self.held = held

        def __call__(self) -> None:
            started.set()
            go_on.wait(10)

    held = QObject()
    held.destroyed.connect(
        lambda *_: threads.append(threading.current_thread().name),
        Qt.ConnectionType.DirectConnection,
    )
    lane = WorkerLane("casebook-test-lane", 1)
    lane.start(Job(held))
    del held  # from here on, only the job holds it
    assert started.wait(10)
    go_on.set()
    qtbot.waitUntil(lambda: bool(threads))
    assert threads == [threading.main_thread().name]
    lane.wait_for_done()
