"""BackgroundTask: real jobs on real thread pools, results delivered on the GUI thread."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from casebook.core.errors import BinderUnavailable, UnavailableReason
from casebook.core.progress import CancelToken, Progress, Report
from casebook.ui.tasks import BackgroundTask, TaskFailure, reader_pool, writer_pool


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
