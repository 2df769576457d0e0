"""Progress reports and cooperative cancellation for long jobs.

Jobs are plain functions `(…, report, cancel) -> result`; they call `report` now and then and
`cancel.raise_if_cancelled()` between files or chunks. Neither knows about threads or Qt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass


class Cancelled(Exception):
    """The user cancelled the job. Not an error: nothing is shown."""


@dataclass(frozen=True)
class Progress:
    """How far a job has got. `total` is 0 when unknown."""

    done: int
    total: int
    item: str = ""

    @property
    def fraction(self) -> float | None:
        """Share done in [0, 1], or None when the total is unknown."""
        if self.total <= 0:
            return None
        return min(1.0, max(0.0, self.done / self.total))


Report = Callable[[Progress], None]


def ignore_progress(_progress: Progress) -> None:
    """A `Report` for callers that do not show progress (CLI quiet mode, tests)."""


class CancelToken:
    """Set by the UI thread, checked by the job between steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def raise_if_cancelled(self) -> None:
        if self._event.is_set():
            raise Cancelled


class _NeverCancelled(CancelToken):
    """A token nobody can cancel, for callers with no cancel button."""

    def cancel(self) -> None:
        raise RuntimeError("NEVER_CANCELLED cannot be cancelled")


NEVER_CANCELLED: CancelToken = _NeverCancelled()
