"""Copying the WAL into binder.db on a thread of its own while an import writes.

SQLite checkpoints inside the COMMIT that takes the WAL past 1000 pages (16 MB with 16 KiB
pages): the writer then copies those pages into binder.db and syncs both files before it can
store its next batch, every other batch of an import. During bulk writes this thread does it
instead, on a connection of its own, after each commit (PASSIVE: it neither waits for nor
blocks the writer), so the copy and its fsyncs run beside the writer's encrypting. The writer's
own checkpoints stay on, from `BULK_AUTOCHECKPOINT_PAGES` up, so the WAL stays bounded when
this thread falls behind or fails.

Durability is unchanged: every commit is synced to the WAL (synchronous=FULL) before it
returns, as without this thread. A checkpoint only copies committed pages, encrypted as they
are, from the WAL into binder.db; a crash in the middle of one is one SQLite recovers from.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

import sqlite_utils

# The writer's own checkpoints while this thread runs: only a WAL this large (64 MB) makes the
# writer copy it itself (this thread fell behind, or failed).
BULK_AUTOCHECKPOINT_PAGES = 4096
DEFAULT_AUTOCHECKPOINT_PAGES = 1000  # SQLite's


class BackgroundCheckpoints:
    """A thread that checkpoints (PASSIVE) each time it is poked, on its own connection."""

    def __init__(self, open_connection: Callable[[], sqlite_utils.Database]) -> None:
        self._open_connection = open_connection
        self._wake = threading.Event()
        self._done = threading.Condition()
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="casebook-checkpoints", daemon=True)
        self.checkpoints = 0  # done by this thread

    def start(self) -> None:
        self._thread.start()

    def poke(self) -> None:
        """A commit grew the WAL: copy what it holds (pokes while copying merge into one)."""
        self._wake.set()

    def stop(self) -> None:
        """Finish the checkpoint under way (if any), close the connection, end the thread."""
        self._stopping = True
        self._wake.set()
        self._thread.join()

    def wait_for(self, count: int, timeout: float) -> bool:
        """Wait until this thread has done `count` checkpoints (False: not within `timeout`)."""
        with self._done:
            return self._done.wait_for(lambda: self.checkpoints >= count, timeout)

    def _run(self) -> None:
        db: sqlite_utils.Database | None = None
        try:
            db = self._open_connection()
            while True:
                self._wake.wait()
                self._wake.clear()
                if self._stopping:
                    return
                db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                with self._done:
                    self.checkpoints += 1
                    self._done.notify_all()
        except Exception:  # noqa: S110 - the writer's own checkpoints and close() do it instead
            pass
        finally:
            if db is not None:
                with contextlib.suppress(Exception):
                    db.conn.close()
