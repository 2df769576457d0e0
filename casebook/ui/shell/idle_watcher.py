"""Notices when nobody has touched the keyboard or mouse for a while (for auto-lock)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits `became_idle` after `seconds` without user input; 0 seconds means never.

    It watches the application's events only while it counts: an application-wide event
    filter written in Python is called for every event of every object (thousands while a
    page is built and painted), and its first calls make PySide build the Python types of
    dozens of Qt classes (a few hundredths of a second of CPU). The welcome and unlock screens,
    where nothing is counted, do without it; the main window starts the count once the
    Overview is on screen.
    """

    became_idle = Signal()

    def __init__(self, seconds: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watching = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._timed_out)
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
        app = QCoreApplication.instance()
        if on == self._watching or app is None:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    @property
    def watching(self) -> bool:
        """Whether the application's events pass through this watcher now."""
        return self._watching

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()  # restarts with the same interval
        return False
