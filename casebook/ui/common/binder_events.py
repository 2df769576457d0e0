"""The session-wide change signal, and the helper a view uses to follow the kinds it shows.

There is one `BinderEvents` per unlocked binder. `WriteOp` emits `binder_changed(changes)`
after every write; views never refresh one another by hand. A view that is hidden (another
page is on screen) does not read at once: it remembers that it is stale and reads when shown.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal, Slot
from PySide6.QtWidgets import QWidget

from casebook.core.changes import Changed, Changes

if TYPE_CHECKING:  # the storage layer is not needed to show the first window
    from casebook.services.binder.session import BinderSession


class BinderEvents(QObject):
    """What happens to one unlocked binder, as signals on the GUI thread."""

    binder_changed = Signal(object)  # Changes
    writes_running_changed = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._writes_running = 0

    @property
    def writes_running(self) -> int:
        """How many write operations are queued or running (auto-lock waits for them)."""
        return self._writes_running

    def write_started(self) -> None:
        self._writes_running += 1
        self.writes_running_changed.emit(self._writes_running)

    def write_finished(self) -> None:
        self._writes_running = max(0, self._writes_running - 1)
        self.writes_running_changed.emit(self._writes_running)


_events: weakref.WeakKeyDictionary[BinderSession, BinderEvents] = weakref.WeakKeyDictionary()


def binder_events(session: BinderSession) -> BinderEvents:
    """The events of `session` (made on first use; owned by the application object)."""
    events = _events.get(session)
    if events is None:
        events = BinderEvents(QCoreApplication.instance())
        _events[session] = events
        # Released with the session rather than kept until the application quits.
        weakref.finalize(session, events.deleteLater)
    return events


class ChangeFollower(QObject):
    """Calls `reload(changes)` when a write touches any of `kinds`.

    At once while `widget` is visible; otherwise the changes are kept and `reload` runs when the
    widget is next shown, so hidden pages cost nothing until they are looked at.
    """

    def __init__(
        self,
        widget: QWidget,
        session: BinderSession,
        kinds: Iterable[Changed],
        reload: Callable[[Changes], None],
    ) -> None:
        super().__init__(widget)
        self._widget = widget
        self._kinds = tuple(kinds)
        self._reload = reload
        self._pending = Changes()
        binder_events(session).binder_changed.connect(self._on_changed)
        widget.installEventFilter(self)

    @property
    def stale(self) -> bool:
        """True when a change arrived while the widget was hidden and it has not read since."""
        return bool(self._pending)

    @Slot(object)
    def _on_changed(self, changes: object) -> None:
        assert isinstance(changes, Changes)
        if not changes.touches(*self._kinds):
            return
        self._pending = self._pending | changes
        if self._widget.isVisible():
            self._flush()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Show:
            return False
        # A widget torn down by Python's collector can still send events while this wrapper
        # has already lost its attributes: then there is nothing left to refresh.
        widget = getattr(self, "_widget", None)
        if widget is not None and watched is widget and self._pending:
            self._flush()
        return False

    def _flush(self) -> None:
        pending, self._pending = self._pending, Changes()
        self._reload(pending)


def follow_changes(
    widget: QWidget,
    session: BinderSession,
    kinds: Iterable[Changed],
    reload: Callable[[Changes], None],
) -> ChangeFollower:
    """Keep `widget` in step with the binder for `kinds` (see `ChangeFollower`)."""
    return ChangeFollower(widget, session, kinds, reload)
