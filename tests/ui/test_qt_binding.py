"""Guards against a known-bad Qt binding: PySide6 6.12.0's emit() returned True without a
reference, so every signal lowered True's refcount until Python 3.11 aborted at random."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot


class _Emitter(QObject):
    pinged = Signal()


def test_emitting_signals_does_not_drain_true(qtbot: QtBot) -> None:
    emitter = _Emitter()
    emitter.pinged.connect(lambda: None)
    before = sys.getrefcount(True)
    for _ in range(500):
        emitter.pinged.emit()
    assert sys.getrefcount(True) >= before - 10
