"""Two stages of a job overlapping on two threads, joined by a short queue.

Sealing reads the binder and hashes on the caller's thread while a second thread encrypts and
writes; the read-back reads and hashes the parts while the second thread decrypts. The queue
holds a few chunks, so memory stays flat; the work itself (SQLCipher, SHA-256, AES, CRC, file
I/O) runs in C with the GIL released, which is what lets two threads use two cores.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")

_STOP = object()


class Handoff(Generic[T]):
    """Runs `consume(item)` on a second thread for each `put(item)`, in order.

    A failure of `consume` is raised again in the caller by the next `put` or by `close`;
    after it, the remaining items are dropped so the caller is never left blocked.
    """

    def __init__(self, consume: Callable[[T], None], depth: int = 6, name: str = "handoff") -> None:
        self._consume = consume
        self._queue: queue.Queue[object] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (item := self._queue.get()) is not _STOP:
            if self._error is None and not self._stopping:
                try:
                    self._consume(item)  # type: ignore[arg-type]  # only T is ever put
                except BaseException as error:  # handed to the caller
                    self._error = error

    def _raise_failure(self) -> None:
        if self._error is not None:
            raise self._error

    def put(self, item: T) -> None:
        self._raise_failure()
        self._queue.put(item)

    def close(self) -> None:
        """Waits until every item was consumed; raises what `consume` raised, if anything."""
        self._queue.put(_STOP)
        self._thread.join()
        self._raise_failure()

    def abort(self) -> None:
        """Stops without raising (the caller is already handling a failure of its own)."""
        self._stopping = True
        self._queue.put(_STOP)
        self._thread.join()
