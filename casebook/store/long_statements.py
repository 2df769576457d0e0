"""Progress and cancel for single SQL statements that read a whole binder.

`PRAGMA integrity_check` and `VACUUM INTO` are one statement each, seconds long on a binder of
50,000 images. SQLite calls a progress handler every few thousand virtual-machine steps while
they run: there the Cancel button is honoured (the statement is interrupted, nothing is
written) and the caller's `tick` can report how far the statement has got.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

import sqlcipher3
import sqlite_utils

from casebook.core.progress import Cancelled, CancelToken

STEPS_PER_CALL = 1000
"""Virtual-machine steps between two calls of the handler (about 1 ms of work)."""


@contextlib.contextmanager
def interruptible(
    db: sqlite_utils.Database, cancel: CancelToken, tick: Callable[[], None] | None = None
) -> Iterator[None]:
    """Run the statements of the `with` body so that `cancel` stops them (`Cancelled`)."""

    def handler() -> int:
        if cancel.cancelled:
            return 1  # SQLite stops the statement with SQLITE_INTERRUPT
        if tick is not None:
            tick()
        return 0

    db.conn.set_progress_handler(handler, STEPS_PER_CALL)
    try:
        yield
    except sqlcipher3.OperationalError as error:
        if cancel.cancelled:
            raise Cancelled from error
        raise
    finally:
        db.conn.set_progress_handler(None, 0)


class PhaseProgress:
    """Turns phases of known weight into one fraction that only grows, for one progress bar.

    Within a phase whose length is only estimated (`expected` handler calls), the fraction
    moves towards the phase's end but stops short of it until the phase is done.
    """

    def __init__(self, weights: list[float], report: Callable[[float], None] | None) -> None:
        total = sum(weights) or 1.0
        self._shares = [weight / total for weight in weights]
        self._report = report
        self._phase = 0
        self._before = 0.0  # the share of the phases already done
        self._last = -1.0

    def within(self, fraction: float) -> None:
        """The current phase is `fraction` done (0…1)."""
        if self._phase >= len(self._shares):
            return
        share = self._shares[self._phase] * min(1.0, max(0.0, fraction))
        self._emit(self._before + share)

    def next_phase(self) -> None:
        """The current phase is finished."""
        if self._phase < len(self._shares):
            self._before += self._shares[self._phase]
            self._phase += 1
        self._emit(self._before)

    def estimated(self, expected_calls: float) -> Callable[[], None]:
        """A `tick` for `interruptible` that counts calls against an estimate (capped at 95 %)."""
        calls = 0

        def tick() -> None:
            nonlocal calls
            calls += 1
            self.within(min(0.95, calls / max(1.0, expected_calls)))

        return tick

    def _emit(self, value: float) -> None:
        value = min(1.0, value)
        if self._report is not None and value > self._last:
            self._last = value
            self._report(value)
