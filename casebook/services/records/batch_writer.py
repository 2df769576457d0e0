"""Storing many imported files per transaction, bounded by size, count and time.

One fsync per batch instead of several per file is most of the import's speed. The bounds
keep what a crash can lose small: a batch commits when it holds `max_bytes` of content,
`max_files` files, or has been open `max_seconds`, so a kill -9 loses at most the last batch,
and never half a file — a file's content and its record are in the same transaction. When a
batch fails (a full disk), it is rolled back and its files are stored one per transaction
until the one that fails, so everything before it is kept, as it would have been file by
file. Only after a commit does anything count as added (and `on_committed` hear of it).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import sqlite_utils

from casebook.core.changes import Changed
from casebook.core.errors import CasebookError
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp

MAX_BATCH_BYTES = 8 * 1024 * 1024
MAX_BATCH_FILES = 64
MAX_BATCH_SECONDS = 0.5


class PendingWrite(Protocol):
    """One file's write: content and record, done inside the batch's transaction."""

    @property
    def size(self) -> int: ...

    def write(self, db: sqlite_utils.Database, now: str) -> Any: ...


Committed = Callable[[PendingWrite, Any], None]


@dataclass
class BatchWriter:
    session: BinderSession
    on_committed: Committed
    changes: tuple[Changed, ...] = (Changed.DOCUMENTS, Changed.IMAGING, Changed.SLOTS)
    max_bytes: int = MAX_BATCH_BYTES
    max_files: int = MAX_BATCH_FILES
    max_seconds: float = MAX_BATCH_SECONDS
    clock: Callable[[], float] = time.monotonic
    transactions: int = 0
    _pending: list[PendingWrite] = field(default_factory=list)
    _bytes: int = 0
    _opened_at: float = 0.0

    def add(self, write: PendingWrite) -> None:
        """Queue one file's write; commits the batch when it is full or old enough."""
        if not self._pending:
            self._opened_at = self.clock()
        self._pending.append(write)
        self._bytes += write.size
        if (
            self._bytes >= self.max_bytes
            or len(self._pending) >= self.max_files
            or self.clock() - self._opened_at >= self.max_seconds
        ):
            self.flush()

    def flush(self) -> None:
        """Commit what is queued (nothing happens when nothing is)."""
        pending, self._pending, self._bytes = self._pending, [], 0
        if not pending:
            return
        try:
            results = self._commit(pending)
        except CasebookError:
            if len(pending) == 1:
                raise
            results = []
            for write in pending:  # keep every file before the one that fails
                try:
                    [result] = self._commit([write])
                except CasebookError:
                    for done, outcome in results:
                        self.on_committed(done, outcome)
                    raise
                results.append((write, result))
            for done, outcome in results:
                self.on_committed(done, outcome)
            return
        for write, result in zip(pending, results, strict=True):
            self.on_committed(write, result)

    def _commit(self, pending: list[PendingWrite]) -> list[Any]:
        now = timestamp()
        with self.session.writing(*self.changes) as db:
            results = [write.write(db, now) for write in pending]
        self.transactions += 1
        return results
