"""Build a page over several turns of the event loop, one part per turn (issue 15).

Making a page's widgets, polishing them against the application's style sheet and laying them
out is all GUI-thread work, and for a full page (the Overview after unlocking, the Imaging page
on its first show) it held the loop for more than the 50 ms issue 15 allows. Split into parts
that each take one turn, the loop paints and takes input between them: the top of the page is
on screen at once, the rest follows within a few frames.

A page makes its first part in its constructor and hands the others, in order, to a
`StagedBuild`; each part fills its widgets with the data the page already has, so nothing is
shown empty and then filled. `then(callback)` runs what needs the whole page (data read while
it is being built, the page's "ready" state); `finish()` makes the remaining parts at once, for
a caller that needs them now. The `done` signal is what tests wait for (never a sleep).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Signal

# A timer, not a posted call (which `singleShot(0)` is): the layout and paint a part asks for
# are posted events, and a posted call would run the next part in the same pass as them.
_BETWEEN_PARTS_MS = 1


class StagedBuild(QObject):
    """Runs `parts` one per turn of the event loop, starting on the next turn; `done` once
    the last has run (whether by the loop or by `finish`)."""

    done = Signal()

    def __init__(self, owner: QObject, parts: Iterable[Callable[[], None]]) -> None:
        super().__init__(owner)  # dies with its page: no part runs on a page that has gone
        self._parts = deque(parts)
        self._waiting: list[Callable[[], None]] = []
        self._running = False
        self.finished = not self._parts
        if not self.finished:
            QTimer.singleShot(_BETWEEN_PARTS_MS, self, self._next)

    def then(self, callback: Callable[[], None]) -> None:
        """Call `callback` now if the page is whole, else once it is (in the order asked)."""
        if self.finished:
            callback()
        else:
            self._waiting.append(callback)

    def finish(self) -> None:
        """Make every part still to come, now (a no-op once finished)."""
        if self._running:  # asked from inside a part: the loop that runs it goes on
            return
        while self._parts:
            self._run_one()
        self._complete()

    def _next(self) -> None:
        if self.finished:
            return
        if self._parts:
            self._run_one()
        if self._parts:
            QTimer.singleShot(_BETWEEN_PARTS_MS, self, self._next)
        else:
            self._complete()

    def _run_one(self) -> None:
        part = self._parts.popleft()
        self._running = True
        try:
            part()
        finally:
            self._running = False

    def _complete(self) -> None:
        if self.finished:
            return
        self.finished = True
        waiting, self._waiting = self._waiting, []
        for callback in waiting:
            callback()
        self.done.emit()
