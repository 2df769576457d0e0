"""The auto-lock's idle watcher sees the application's events only while it counts (issue 15):
an application-wide event filter in Python costs every event of every object, and its first
calls make PySide build the types of dozens of Qt classes — at start-up, for nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from casebook.ui.shell.idle_watcher import IdleWatcher


def test_it_watches_the_application_only_while_it_counts(qtbot: QtBot) -> None:
    watcher = IdleWatcher(0)
    assert not watcher.watching
    assert not watcher.active

    watcher.set_seconds(60)  # unlocked, with auto-lock
    assert watcher.watching
    assert watcher.active
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    qtbot.keyClick(field, Qt.Key.Key_A)  # passes through the watcher, which counts again
    assert watcher.active
    assert watcher._timer.remainingTime() > 59_000

    watcher.set_seconds(0.2)
    with qtbot.waitSignal(watcher.became_idle, timeout=5_000):
        pass
    assert not watcher.watching  # nothing to count until it is restarted
    watcher.restart()
    assert watcher.watching
    watcher.stop()  # locked
    assert not watcher.watching
    assert not watcher.active
