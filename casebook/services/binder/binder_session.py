"""An unlocked binder: the master key, the folder lock and one connection per thread.

The GUI thread reads while the writer lane writes (WAL makes that safe). Every write
transaction bumps the binder's generation; the session records that number, authenticated, in
keyslots.json on opening, about every `RECORD_INTERVAL_S` while writing (on a thread of its
own), and on closing
(after checkpointing the WAL into binder.db), so an older binder.db or a stale `-wal` is
noticed the next time the binder opens. Closing overwrites the key buffer.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import IO

import sqlite_utils

from casebook.core.changes import Changed, Changes
from casebook.core.errors import BinderUnavailable, UnavailableReason
from casebook.core.progress import CancelToken
from casebook.services.binder.checkpoints import (
    BULK_AUTOCHECKPOINT_PAGES,
    DEFAULT_AUTOCHECKPOINT_PAGES,
    BackgroundCheckpoints,
)
from casebook.services.clock import timestamp
from casebook.store import blobs
from casebook.store.binder_folder import BinderFolder, FolderLock
from casebook.store.database import (
    DatabaseError,
    checkpoint,
    classified_errors,
    connect,
    transaction,
    was_interrupted,
)
from casebook.store.key_buffer import KeyBuffer
from casebook.store.keyslots import KeySlotFile
from casebook.store.meta import read_generation
from casebook.store.sharing.capture import capture_pending

# How often, at most, a burst of writes re-records the generation in keyslots.json. A crash
# loses the record of at most this much work; each record is one small atomic file write.
RECORD_INTERVAL_S = 2.0
_CLOSING_BUSY_TIMEOUT_MS = 1000

_thread_role = threading.local()


def mark_thread_read_only() -> None:
    """Make every binder connection this thread opens refuse to write.

    The UI's reader lanes call this when each of their threads starts, so "reads in the reader
    pool, writes in the one writer lane" is a rule the session enforces, not a convention.
    """
    _thread_role.read_only = True


def _thread_is_read_only() -> bool:
    return bool(getattr(_thread_role, "read_only", False))


def cut_short_by_closing(error: BaseException) -> bool:
    """True when `error` is a statement `BinderSession.close` interrupted under a reader.

    The job it belonged to had nothing left to do: the binder it read is locked. Background
    work treats it as cancelled, never as a bug to report.
    """
    seen: BaseException | None = error
    while seen is not None:
        if was_interrupted(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class WriteOutsideWriter(RuntimeError):
    """A bug: a write was attempted from a read-only thread, or inside a read transaction."""


@dataclass
class ChangeCollector:
    """What the transactions committed by one thread, while it collected, changed."""

    changes: Changes = field(default_factory=Changes)

    def add(self, changes: Changes) -> None:
        self.changes = self.changes | changes


@dataclass
class _Transaction:
    """This thread's open transaction on one session: nested blocks join the outermost one."""

    writing: bool
    depth: int = 1
    pending: Changes = field(default_factory=Changes)


class _GenerationRecorder:
    """Re-records the generation in keyslots.json after writes, on a thread of its own.

    A write only pokes it; it waits `RECORD_INTERVAL_S` (collecting the writes of a burst),
    then records once. Its file write and fsyncs never delay a write or the screen waiting for
    it. A failure (a full disk) is left for the next record, at the latest on close.
    """

    def __init__(self, session: BinderSession) -> None:
        self._session = session
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._start_guard = threading.Lock()

    def poke(self) -> None:
        with self._start_guard:
            if self._stopping.is_set():
                return
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="casebook-generation-recorder", daemon=True
                )
                self._thread.start()
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            if self._stopping.wait(RECORD_INTERVAL_S):
                return
            self._wake.clear()
            with contextlib.suppress(Exception):
                self._session.record_generation()

    def stop(self) -> None:
        with self._start_guard:
            self._stopping.set()
            thread = self._thread
        self._wake.set()
        if thread is not None:
            thread.join()


class BinderSession:
    """An unlocked binder; `close()` locks it again.

    Services read with `with session.reading() as db:` and write with
    `with session.writing(Changed.DOCUMENTS) as db:`; both classify storage failures into
    Casebook's errors, hold one transaction (nested blocks join it) and use this thread's own
    connection. A write names the kinds of record it changes; they are handed to the thread's
    change collectors when it commits.
    """

    def __init__(
        self,
        folder: BinderFolder,
        key: KeyBuffer,
        lock: FolderLock,
        keyslots: KeySlotFile,
    ) -> None:
        self._folder = folder
        self._key = key  # owned: wiped by close()
        self._lock = lock
        self._keyslots = keyslots
        self._keyslots_guard = threading.Lock()
        self._recorder = _GenerationRecorder(self)
        # One connection per thread, keyed by thread id (not threading.local, so that close()
        # can let go of every thread's connection).
        self._connections: dict[int, sqlite_utils.Database] = {}
        self._guard = threading.Lock()
        self._closed = False
        self._transactions: dict[int, _Transaction] = {}
        self._collectors: dict[int, list[ChangeCollector]] = {}
        self.last_checkpoint_complete = False  # set by close(): the WAL was emptied
        self._checkpoints: BackgroundCheckpoints | None = None  # during bulk_writes()

    @property
    def folder(self) -> Path:
        return self._folder.path

    @property
    def binder_folder(self) -> BinderFolder:
        return self._folder

    @property
    def closed(self) -> bool:
        return self._closed

    def key(self) -> KeyBuffer:
        """For store functions that open a second connection (backups). The session owns it:
        callers never keep it past the session, copy it into `bytes` or wipe it."""
        if self._closed:
            raise BinderUnavailable(self.folder, UnavailableReason.MISSING)
        return self._key

    @property
    def keyslots(self) -> KeySlotFile:
        """keyslots.json as this session last wrote or read it (the folder lock keeps it so)."""
        return self._keyslots

    @property
    def binder_id(self) -> str:
        """The binder's random id: what per-computer preferences are kept under (never a name)."""
        return self._keyslots.binder_id

    def update_keyslots(self, change: Callable[[KeySlotFile], KeySlotFile]) -> KeySlotFile:
        """Rewrite keyslots.json atomically, one writer at a time (password, recovery code,
        generation record)."""
        with self._keyslots_guard:
            updated = change(self._keyslots)
            self._folder.write_keyslots(updated)
            self._keyslots = updated
            return updated

    def record_generation(self) -> int | None:
        """Record this thread's view of the current generation in keyslots.json."""
        db = self.database()
        with classified_errors(self.folder):
            generation = read_generation(db)
        if generation is not None:
            self.update_keyslots(lambda current: current.recording(self._key, generation))
        return generation

    def stage(
        self,
        stream: IO[bytes],
        cancel: CancelToken,
        bytes_done: Callable[[int], None] | None = None,
    ) -> blobs.StagedBlob:
        """Copy `stream` into staged content (`blobs.stage_blob`), in transactions of its own.

        Staging runs outside `writing()` so that a large file never holds the write lock, so
        its storage failures are classified here: a full disk is `NotEnoughSpace`, damage is
        `BinderDamaged`. A failure to read `stream` stays an `OSError`: the caller knows whose
        file that is (a pulled USB stick, an exchange file gone) and words it for that file.
        """
        with classified_errors(self.folder, failures=(DatabaseError,)):
            return blobs.stage_blob(self.database(), stream, timestamp(), cancel, bytes_done)

    def _connect(self) -> sqlite_utils.Database:
        return connect(self._folder.database, self._key, self._keyslots.page_hmac)

    def database(self) -> sqlite_utils.Database:
        """This thread's connection, opened on first use."""
        if self._closed:
            raise BinderUnavailable(self.folder, UnavailableReason.MISSING)
        ident = threading.get_ident()
        with self._guard:
            db = self._connections.get(ident)
        if db is None:
            db = self._connect()
            if _thread_is_read_only():
                db.execute("PRAGMA query_only = ON")
            with self._guard:
                self._connections[ident] = db
        return db

    @contextlib.contextmanager
    def reading(self) -> Iterator[sqlite_utils.Database]:
        """A consistent view of the binder for the block (one read transaction)."""
        ident = threading.get_ident()
        current = self._transactions.get(ident)
        if current is not None:
            current.depth += 1
            try:
                with classified_errors(self.folder):
                    yield self.database()
            finally:
                current.depth -= 1
            return
        with classified_errors(self.folder):
            db = self.database()
            db.conn.execute("BEGIN")
            self._transactions[ident] = _Transaction(writing=False)
            try:
                yield db
            finally:
                del self._transactions[ident]
                if db.conn.in_transaction:
                    db.conn.execute("ROLLBACK")  # nothing to keep: it only read

    @contextlib.contextmanager
    def writing(
        self, *kinds: Changed, ids: Iterable[int | str] | None = None
    ) -> Iterator[sqlite_utils.Database]:
        """One write transaction that changes `kinds` (with `ids`, where known).

        Refused, as a bug, on a read-only thread and inside a read transaction. Blocks nested
        inside another write join it; what they change is announced when the outermost commits.
        """
        if _thread_is_read_only():
            raise WriteOutsideWriter("a write was attempted from a read-only thread")
        ident = threading.get_ident()
        changes = Changes.of(*kinds, ids=ids)
        current = self._transactions.get(ident)
        if current is not None:
            if not current.writing:
                raise WriteOutsideWriter("a write was attempted inside a read transaction")
            current.depth += 1
            current.pending = current.pending | changes
            try:
                with classified_errors(self.folder):
                    yield self.database()
            finally:
                current.depth -= 1
            return
        with classified_errors(self.folder):
            db = self.database()
            state = _Transaction(writing=True, pending=changes)
            self._transactions[ident] = state
            try:
                with transaction(db):
                    yield db
                    capture_pending(db)  # the change log commits with the change (SYNC.md)
            finally:
                del self._transactions[ident]
            for collector in self._collectors.get(ident, ()):
                collector.add(state.pending)
            self._recorder.poke()  # off the write path: the write op is not kept waiting
            checkpoints = self._checkpoints
            if checkpoints is not None:
                checkpoints.poke()

    @contextlib.contextmanager
    def bulk_writes(self) -> Iterator[BackgroundCheckpoints]:
        """Many large write transactions from this thread (an import): the WAL is copied into
        binder.db beside them, on a thread of its own, rather than inside every other commit
        (see `checkpoints`). Commits are synced as always."""
        if self._checkpoints is not None:  # already on (nested, or another thread's import)
            yield self._checkpoints
            return
        db = self.database()
        with classified_errors(self.folder):
            db.execute(f"PRAGMA wal_autocheckpoint = {BULK_AUTOCHECKPOINT_PAGES}")
        checkpoints = BackgroundCheckpoints(self._connect)
        checkpoints.start()
        self._checkpoints = checkpoints
        try:
            yield checkpoints
        finally:
            self._checkpoints = None
            checkpoints.stop()
            with contextlib.suppress(Exception):
                db.execute(f"PRAGMA wal_autocheckpoint = {DEFAULT_AUTOCHECKPOINT_PAGES}")

    def note_changes(self, *kinds: Changed, ids: Iterable[int | str] | None = None) -> None:
        """Record changes made outside `writing()` (a migration, a maintenance step)."""
        changes = Changes.of(*kinds, ids=ids)
        current = self._transactions.get(threading.get_ident())
        if current is not None and current.writing:
            current.pending = current.pending | changes
            return
        for collector in self._collectors.get(threading.get_ident(), ()):
            collector.add(changes)

    @contextlib.contextmanager
    def collecting_changes(self) -> Iterator[ChangeCollector]:
        """Collect what this thread's writes commit during the block."""
        ident = threading.get_ident()
        collector = ChangeCollector()
        self._collectors.setdefault(ident, []).append(collector)
        try:
            yield collector
        finally:
            stack = self._collectors.get(ident, [])
            stack.remove(collector)
            if not stack:
                self._collectors.pop(ident, None)

    def close(self) -> None:
        """Checkpoint, record the generation, close, release the folder, forget the key.

        Another thread may be in the middle of a statement on its own connection (a thumbnail
        job while the user locks): closing that connection under it can crash SQLite. So those
        are interrupted (their job fails with an error it reports) and released; each closes
        when its thread drops its last reference, in that thread.
        """
        if self._closed:
            return
        self._recorder.stop()
        checkpoints = self._checkpoints
        if checkpoints is not None:  # an import still running: its checkpoints end here
            checkpoints.stop()
        self._closed = True
        with self._guard:
            connections, self._connections = self._connections, {}
        own = connections.pop(threading.get_ident(), None)
        others = list(connections.values())
        connections.clear()
        self._interrupt(others)
        with contextlib.suppress(Exception):
            if own is None:
                own = self._connect()
            # Readers still busy are not waited for long: the next opening checkpoints.
            own.execute(f"PRAGMA busy_timeout = {_CLOSING_BUSY_TIMEOUT_MS}")
            self.last_checkpoint_complete = checkpoint(own)
            generation = read_generation(own)
            if generation is not None:
                self.update_keyslots(lambda current: current.recording(self._key, generation))
        # Again: a statement that had not quite started the first time ignored that interrupt.
        self._interrupt(others)
        del others
        if own is not None:
            with contextlib.suppress(Exception):
                own.conn.close()
        self._key.wipe()
        self._lock.release()

    @staticmethod
    def _interrupt(connections: list[sqlite_utils.Database]) -> None:
        for other in connections:
            with contextlib.suppress(Exception):
                other.conn.interrupt()

    def __enter__(self) -> BinderSession:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
