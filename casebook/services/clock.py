"""The one place Casebook reads the wall clock: records carry consistent UTC timestamps, and a
test or a screenshot can set the time instead of depending on the day it runs.

Everything that needs "now" or "today" asks here (pages take `today`/`now` callables whose
defaults are these functions). Durations are measured with monotonic timers, not here.
tests/test_house_rules.py fails on a wall-clock read anywhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta


def _system_utc() -> datetime:
    return datetime.now(UTC)


_SOURCE: list[Callable[[], datetime]] = [_system_utc]


def utc_now() -> datetime:
    """Now, an aware datetime in UTC."""
    return _SOURCE[0]().astimezone(UTC)


def local_now() -> datetime:
    """Now on this computer's clock, naive (for what the family reads and plans: appointments,
    reminders, "today")."""
    return utc_now().astimezone().replace(tzinfo=None)


def local_aware_now() -> datetime:
    """Now on this computer's clock, with its offset (names of backups, logs)."""
    return utc_now().astimezone()


def today() -> date:
    """Today's date on this computer's clock."""
    return local_now().date()


def timestamp() -> str:
    """Now, in UTC, ISO 8601 to the second (sorts as text)."""
    return utc_now().replace(microsecond=0).isoformat()


class SetClock:
    """A clock that stands still at `moment` until moved: `advance(timedelta(days=8))`."""

    def __init__(self, moment: datetime) -> None:
        self.moment = moment if moment.tzinfo is not None else moment.astimezone()

    def __call__(self) -> datetime:
        return self.moment

    def advance(self, by: timedelta) -> None:
        self.moment += by


@contextmanager
def clock_set_to(moment: datetime) -> Iterator[SetClock]:
    """Within the block every reader of this module sees `moment` (naive means local time)."""
    clock = SetClock(moment)
    previous = _SOURCE[0]
    _SOURCE[0] = clock
    try:
        yield clock
    finally:
        _SOURCE[0] = previous
