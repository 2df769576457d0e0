"""Work that waits for the Overview to be on screen (issue 15) runs once, just after the first
paint; or after the fallback when nothing is painted; never for a widget already destroyed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from casebook.ui.shell.first_paint import after_first_paint


class _Paints(QObject):
    def __init__(self, widget: QLabel) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_it_runs_once_just_after_the_first_paint(qtbot: QtBot) -> None:
    label = QLabel("Overview")
    qtbot.addWidget(label)
    paints = _Paints(label)
    seen: list[int] = []
    after_first_paint(label, lambda: seen.append(paints.count), fallback_ms=60_000)
    assert seen == []
    label.show()
    qtbot.waitUntil(lambda: seen != [], timeout=10_000)
    assert seen[0] >= 1  # the widget had been painted
    label.repaint()
    qtbot.waitUntil(lambda: paints.count >= 2, timeout=10_000)
    assert len(seen) == 1


def test_a_widget_never_painted_runs_it_after_the_fallback(qtbot: QtBot) -> None:
    label = QLabel("hidden")
    qtbot.addWidget(label)
    seen: list[str] = []
    after_first_paint(label, lambda: seen.append("ran"), fallback_ms=50)
    qtbot.waitUntil(lambda: seen == ["ran"], timeout=10_000)


def test_a_destroyed_widget_runs_nothing(qtbot: QtBot) -> None:
    label = QLabel("locked at once")
    seen: list[str] = []
    after_first_paint(label, lambda: seen.append("ran"), fallback_ms=50)
    label.deleteLater()
    with qtbot.waitSignal(label.destroyed, timeout=10_000):
        pass
    later = QTimer()
    later.setSingleShot(True)
    with qtbot.waitSignal(later.timeout, timeout=10_000):
        later.start(200)
    assert seen == []
