"""Reading ahead on a thread of its own, a bounded number of bytes ahead of the writer.

The importer reads and hashes files (and hands headers to the worker pool) on this thread
while the calling thread stores what was read, so reading, parsing and storing overlap. What
waits in between is bounded in bytes, so memory stays flat however many files there are.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

Emit = Callable[[T, int], None]  # (item, bytes it holds)


class _Stopped(Exception):
    """The consumer went away: the producer stops at its next emit."""


class Readahead(Generic[T]):
    """Iterate over what `produce(emit)` emits on its own thread. Exceptions raised by the
    producer are raised to the consumer after the items emitted before them."""

    def __init__(self, produce: Callable[[Emit[T]], None], budget_bytes: int) -> None:
        self._produce = produce
        self._budget = budget_bytes
        self._items: deque[tuple[T, int]] = deque()
        self._held = 0
        self._done = False
        self._error: BaseException | None = None
        self._stopped = False
        self._condition = threading.Condition()
        self._thread = threading.Thread(
            target=self._run, name="casebook-import-reader", daemon=True
        )

    def _emit(self, item: T, size: int) -> None:
        with self._condition:
            # One item is always let through, however large, so progress never stalls.
            while self._items and self._held + size > self._budget and not self._stopped:
                self._condition.wait()
            if self._stopped:
                raise _Stopped
            self._items.append((item, size))
            self._held += size
            self._condition.notify_all()

    def _run(self) -> None:
        try:
            self._produce(self._emit)
        except _Stopped:
            pass
        except BaseException as error:  # handed to the consumer, who decides
            with self._condition:
                self._error = error
        finally:
            with self._condition:
                self._done = True
                self._condition.notify_all()

    def __iter__(self) -> Iterator[T]:
        self._thread.start()
        try:
            while True:
                with self._condition:
                    while not self._items and not self._done:
                        self._condition.wait()
                    if self._items:
                        item, size = self._items.popleft()
                        self._held -= size
                        self._condition.notify_all()
                    elif self._error is not None:
                        raise self._error
                    else:
                        return
                yield item
        finally:
            self.stop()

    def stop(self) -> None:
        """Stop the producer and wait for its thread (called when iteration ends)."""
        with self._condition:
            self._stopped = True
            self._items.clear()
            self._held = 0
            self._condition.notify_all()
        if self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join()
