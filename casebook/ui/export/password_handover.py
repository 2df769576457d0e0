"""The app's side of "never publish a bundle whose password nobody has" (issue 21).

The sealing job calls the handover, on its worker thread, after the bundle checked out and
before its parts get their final names. The handover puts the password on screen (on the GUI
thread) and waits until it is there; only then does the job publish. If the window has gone
(the binder was locked, the app is closing) the password cannot be shown, the handover fails,
and the bundle is not published.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal, Slot

from casebook.bundle.errors import PasswordNotSaved
from casebook.bundle.volumes import ArchivePart

SHOW_TIMEOUT_S = 60.0


class PasswordHandover(QObject):
    """Callable from the sealing thread; `shown(password)` runs on the GUI thread."""

    shown = Signal(str)
    _posted = Signal(str, object)  # password, the event to set once it is on screen

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posted.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def __call__(self, password: str, _parts: tuple[ArchivePart, ...]) -> None:
        on_screen = threading.Event()
        self._posted.emit(password, on_screen)
        if not on_screen.wait(SHOW_TIMEOUT_S):
            raise PasswordNotSaved(None, None)

    @Slot(str, object)
    def _show(self, password: str, on_screen: object) -> None:
        self.shown.emit(password)
        assert isinstance(on_screen, threading.Event)
        on_screen.set()
