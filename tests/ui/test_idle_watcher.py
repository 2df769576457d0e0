"""The auto-lock's idle watcher sees the input that reaches the app's windows, and only while
it counts (issue 15): an application-wide event filter in Python was called for every event of
every object, and each call waited for the interpreter lock while a worker thread held it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from casebook.ui.shell.idle_watcher import WINDOWS_CHECK_MS, IdleWatcher


class SeenIdleWatcher(IdleWatcher):
    """The real watcher, noting what passes through it."""

    def __init__(self, seconds: float) -> None:
        super().__init__(seconds)
        self.seen: list[tuple[QObject, QEvent.Type]] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen.append((watched, event.type()))
        return super().eventFilter(watched, event)


def test_it_watches_the_windows_only_while_it_counts(qtbot: QtBot) -> None:
    watcher = SeenIdleWatcher(0)
    assert (watcher.watching, watcher.active) == (False, False)
    page = QWidget()
    field = QLineEdit()
    QVBoxLayout(page).addWidget(field)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)

    watcher.set_seconds(60)  # unlocked, with auto-lock
    assert watcher.watching
    assert watcher.active
    window = page.windowHandle()
    field.setFocus()
    QTest.keyClick(window, Qt.Key.Key_A)  # as the platform delivers it: to the window
    assert field.text() == "a"
    assert (window, QEvent.Type.KeyPress) in watcher.seen
    assert watcher._timer.remainingTime() > 59_000
    # What happens inside the window's widgets does not pass through it.
    watcher.seen.clear()
    field.setText("a longer text")
    field.repaint()
    assert all(watched is window for watched, _type in watcher.seen)

    watcher.set_seconds(0.2)
    with qtbot.waitSignal(watcher.became_idle, timeout=5_000):
        pass
    assert watcher.watching is False  # nothing to count until it is restarted
    watcher.restart()
    assert (watcher.watching, watcher.active) == (True, True)
    watcher.stop()  # locked
    assert (watcher.watching, watcher.active) == (False, False)
    watcher.seen.clear()
    QTest.keyClick(window, Qt.Key.Key_B)
    assert watcher.seen == []


def test_a_window_opened_later_is_watched_too(qtbot: QtBot) -> None:
    watcher = SeenIdleWatcher(60)
    dialog = QDialog()
    field = QLineEdit(dialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    window = dialog.windowHandle()

    def key_seen() -> bool:
        field.setFocus()
        QTest.keyClick(window, Qt.Key.Key_A)
        return (window, QEvent.Type.KeyPress) in watcher.seen

    qtbot.waitUntil(key_seen, timeout=5 * WINDOWS_CHECK_MS)
    watcher.stop()
