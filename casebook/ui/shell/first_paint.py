"""Run work that can wait until a widget has been painted for the first time.

After unlock the Overview is what the family waits for; the other pages' imports (a background
thread that competes with the GUI thread for the interpreter) and the like wait until it is on
screen. A widget that is never painted (hidden, or offscreen in a test that never shows it)
runs the work after `fallback_ms` instead.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, then: Callable[[], None], fallback_ms: int) -> None:
        super().__init__(widget)
        self._widget = widget
        self._then: Callable[[], None] | None = then
        widget.installEventFilter(self)
        QTimer.singleShot(fallback_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            # Once this paint is done: the event loop takes the timer after it.
            QTimer.singleShot(0, self, self._run)
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is None:
            return
        self._widget.removeEventFilter(self)
        then()


def after_first_paint(widget: QWidget, then: Callable[[], None], fallback_ms: int = 2000) -> None:
    """Call `then` (on the GUI thread, once) just after `widget` is first painted, or after
    `fallback_ms` if it is not painted by then; never if the widget is destroyed first."""
    _FirstPaint(widget, then, fallback_ms)
