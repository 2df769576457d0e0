"""Notices when nobody has touched the keyboard or mouse for a while (for auto-lock)."""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QWindow

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}

WINDOWS_CHECK_MS = 1000
"""How soon a new window (a dialog, a viewer) is watched too."""


class IdleWatcher(QObject):
    """Emits `became_idle` after `seconds` without user input; 0 seconds means never.

    It watches the app's top-level windows, not the application: the platform hands every key
    press, click and move to a window (`QWindow`) before Qt passes it on to a widget, so the
    windows see all the input, and only their own few other events. An application-wide event
    filter written in Python was called for every event of every object — thousands while a
    page is built or painted — and each call waited for the interpreter lock whenever a worker
    thread held it: while a disc was imported, a progress update's repaint stalled the window
    for tens of milliseconds (issue 15). Windows opened later are picked up within
    `WINDOWS_CHECK_MS`. Nothing is watched while nothing is counted (welcome and unlock
    screens, after the lock).
    """

    became_idle = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watching = False
        self._windows: list[QWindow] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
        self._windows_timer = QTimer(self)
        self._windows_timer.setInterval(WINDOWS_CHECK_MS)
        self._windows_timer.timeout.connect(self._watch_windows)
        self.set_seconds(seconds)

    def set_seconds(self, seconds: float) -> None:
        self._seconds = seconds
        self.restart()

    def restart(self) -> None:
        if self._seconds > 0:
            self._timer.start(int(self._seconds * 1000))
            self._watch(True)
        else:
            self.stop()

    def stop(self) -> None:
        self._timer.stop()
        self._watch(False)

    def _timed_out(self) -> None:
        self._watch(False)  # until restarted: nothing to count meanwhile
        self.became_idle.emit()

    def _watch(self, on: bool) -> None:
        if on == self._watching:
            return
        self._watching = on
        if on:
            self._watch_windows()
            self._windows_timer.start()
            return
        self._windows_timer.stop()
        for window in self._windows:
            # A window already gone took its filters with it.
            with contextlib.suppress(RuntimeError):
                window.removeEventFilter(self)
        self._windows = []

    def _watch_windows(self) -> None:
        """Watch every top-level window (installing a filter twice keeps one)."""
        self._windows = list(QGuiApplication.topLevelWindows())
        for window in self._windows:
            window.installEventFilter(self)

    @property
    def watching(self) -> bool:
        """Whether the windows' input passes through this watcher now."""
        return self._watching

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()  # restarts with the same interval
        return False
