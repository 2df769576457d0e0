"""Reading the exchange files other copies left in a folder.

A file is taken whole or not at all. It is refused, changing nothing, when it is not an
exchange file, belongs to another family, was altered or cut short, is older than one already
read from the same copy (a replay), was made with a key from before a removal, or was made by
someone who is not (or no longer) a member. Stored files it carries are staged while it is
read; only when its last segment has been authenticated are they and its changes taken, in one
transaction with the merge. Killed at any point, the binder is as before or as after.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import sqlite_utils

from casebook.core.changes import Changed
from casebook.core.errors import ExchangeRefused, NotShared, ShareProblem
from casebook.core.progress import CancelToken, Progress, Report
from casebook.core.sync import EXISTS
from casebook.services.binder.session import BinderSession
from casebook.services.clock import timestamp
from casebook.services.sharing.outbox import FORMAT, SUFFIX, Step
from casebook.services.undo import Deleted, snapshot_before_remote_delete
from casebook.store import blobs
from casebook.store.sharing import crypto, family, log
from casebook.store.sharing.capture import capture_pending
from casebook.store.sharing.container import (
    BlobFrame,
    ContainerReader,
    Header,
    NotAContainer,
    read_header,
)
from casebook.store.sharing.family import FamilyKey
from casebook.store.sharing.log import Record
from casebook.store.sharing.materialize import materialize
from casebook.store.sharing.registry import shared_table
from casebook.store.sharing.tracking import copy_id
from casebook.store.sharing.versions import rows_with_several_values


@dataclass(frozen=True)
class News:
    """What one member's changes did to one kind of record, as read from one file."""

    author: str  # the member's copy id
    table: str
    added: int = 0
    changed: int = 0
    deleted: int = 0


@dataclass(frozen=True)
class FileRead:
    path: Path
    sender: str
    news: tuple[News, ...]
    new_versions: int  # fields that now hold two (or more) versions
    deleted: tuple[Deleted, ...]  # what others deleted that can be brought back here


@dataclass
class InboxResult:
    read: list[FileRead] = field(default_factory=list)
    refused: list[ExchangeRefused] = field(default_factory=list)
    already_read: int = 0


class _Refused(Exception):
    def __init__(self, problem: ShareProblem) -> None:
        self.problem = problem


def read_inbox(
    session: BinderSession,
    folder: Path,
    report: Report,
    cancel: CancelToken,
    step: Step | None = None,
) -> InboxResult:
    """Read every exchange file in `folder` not read yet, oldest number first per sender."""
    result = InboxResult()
    paths = sorted(folder.glob(f"*{SUFFIX}"), key=_sequence_order)
    for index, path in enumerate(paths):
        cancel.raise_if_cancelled()
        report(Progress(index, len(paths), path.name))
        try:
            read = _read_file(session, path, cancel, step)
        except _Refused as refused:
            result.refused.append(ExchangeRefused(path, refused.problem))
            continue
        except OSError:
            result.refused.append(ExchangeRefused(path, ShareProblem.NOT_AN_EXCHANGE_FILE))
            continue
        if read is None:
            result.already_read += 1
        elif isinstance(read, FileRead):
            result.read.append(read)
    return result


def _sequence_order(path: Path) -> tuple[str, str]:
    parts = path.name.rsplit("-", 1)
    return (parts[0], parts[-1])


def _read_file(
    session: BinderSession,
    path: Path,
    cancel: CancelToken,
    step: Step | None,
) -> FileRead | bool | None:
    """FileRead when taken; None when read before; False when it is this copy's own."""
    with open(path, "rb") as stream:
        try:
            header = read_header(stream)
        except NotAContainer:
            raise _Refused(ShareProblem.NOT_AN_EXCHANGE_FILE) from None
        fields = header.fields
        if fields.get("kind") != "exchange":
            raise _Refused(ShareProblem.NOT_AN_EXCHANGE_FILE)
        if not isinstance(fields.get("format"), int) or fields["format"] > FORMAT:
            raise _Refused(ShareProblem.TOO_NEW)
        try:
            sender = str(fields["sender"])
            sequence = int(fields["sequence"])
            file_id = str(fields["file"])
            salt = bytes.fromhex(str(fields["salt"]))
        except (KeyError, ValueError, TypeError):
            raise _Refused(ShareProblem.NOT_AN_EXCHANGE_FILE) from None
        with session.reading() as db:
            family_id = family.family_id(db)
            if family_id is None:
                raise NotShared(session.folder)
            me = copy_id(db)
            if fields.get("family") != family_id:
                raise _Refused(ShareProblem.OTHER_FAMILY)
            if sender == me:
                return False
            if family.file_was_read(db, file_id):
                return None
            if sequence <= family.newest_sequence_read(db, sender):
                raise _Refused(ShareProblem.REPLAYED)
            key, new_keys = _file_key(db, fields, family_id, me)
        return _take(session, path, stream, header, key, salt, new_keys, cancel, step)


def _file_key(
    db: sqlite_utils.Database, fields: dict[str, Any], family_id: str, me: str
) -> tuple[bytes, list[FamilyKey]]:
    """The key the file was made with, and the generations this copy learns from it."""
    keys = family.family_keys(db)
    newest = max(keys)
    try:
        generation = int(fields["generation"])
        records = {int(r["generation"]): r for r in fields.get("keys", [])}
    except (KeyError, ValueError, TypeError):
        raise _Refused(ShareProblem.ALTERED) from None
    if generation < newest:
        raise _Refused(ShareProblem.OLD_KEY)
    if generation == newest:
        return keys[newest].key, []
    learned: list[FamilyKey] = []
    previous = keys[newest].key
    pairs = family.own_key_pairs(db)
    for wanted in range(newest + 1, generation + 1):
        record = records.get(wanted)
        if not isinstance(record, dict) or not isinstance(record.get("wraps"), dict):
            raise _Refused(ShareProblem.NOT_FOR_YOU)
        wrapped = record["wraps"].get(me)
        if not isinstance(wrapped, str):
            raise _Refused(ShareProblem.NOT_FOR_YOU)
        key = _unwrap(wrapped, pairs, family_id, wanted, me)
        identity = crypto.key_id(key)
        proof = str(record.get("proof", ""))
        if identity != record.get("key_id") or not crypto.check_key_proof(
            previous, family_id, wanted, identity, proof
        ):
            raise _Refused(ShareProblem.ALTERED)
        learned.append(FamilyKey(wanted, key, identity, proof))
        previous = key
    return previous, learned


def _unwrap(
    wrapped: str, pairs: list[tuple[str, bytes]], family_id: str, gen: int, me: str
) -> bytes:
    for _public, private in pairs:
        with contextlib.suppress(crypto.Unauthentic):
            return crypto.unwrap_key(wrapped, private, family_id, gen, me)
    raise _Refused(ShareProblem.NOT_FOR_YOU)


def _take(
    session: BinderSession,
    path: Path,
    stream: BinaryIO,
    header: Header,
    key: bytes,
    salt: bytes,
    new_keys: list[FamilyKey],
    cancel: CancelToken,
    step: Step | None,
) -> FileRead:
    fields = header.fields
    reader = ContainerReader(stream, header, key, salt)
    db = session.database()
    records: list[Record] = []
    holds: dict[str, int] = {}
    staged: list[blobs.StagedBlob] = []
    try:
        try:
            for frame in reader.frames():
                cancel.raise_if_cancelled()
                if isinstance(frame, BlobFrame):
                    if not blobs.ready_blob_exists(db, frame.sha256):
                        piece = session.stage(frame.reader, cancel)  # type: ignore[arg-type]
                        staged.append(piece)
                        if piece.sha256 != frame.sha256 or piece.size != frame.size:
                            raise crypto.Unauthentic
                    continue
                value = frame.value
                if isinstance(value, dict) and value.get("type") == "changes":
                    records.extend(Record.from_json(item) for item in value.get("records", []))
                elif isinstance(value, dict) and value.get("type") == "summary":
                    holds = {str(k): int(v) for k, v in dict(value.get("holds", {})).items()}
        except (crypto.Unauthentic, ValueError, TypeError):
            raise _Refused(ShareProblem.ALTERED) from None
        if step:
            step("inbox-verified")
        read = _apply(session, path, fields, records, holds, staged, new_keys, step)
    except BaseException:
        _discard(session, staged)
        raise
    if step:
        step("inbox-applied")
    return read


def _discard(session: BinderSession, staged: list[blobs.StagedBlob]) -> None:
    """Staged content of a refused file goes (a crash leaves it to the sweep at next open)."""
    if not staged:
        return
    with contextlib.suppress(Exception), session.writing() as db:
        for piece in staged:
            db.execute("DELETE FROM blobs WHERE id = ? AND state = 'staging'", [piece.blob_id])


def _apply(
    session: BinderSession,
    path: Path,
    fields: dict[str, Any],
    records: list[Record],
    holds: dict[str, int],
    staged: list[blobs.StagedBlob],
    new_keys: list[FamilyKey],
    step: Step | None,
) -> FileRead:
    sender = str(fields["sender"])
    now = timestamp()
    with session.writing(Changed.SHARING) as db:
        capture_pending(db)  # every local row has its uid before the merge meets it
        for piece in staged:
            blobs.finish_blob(db, piece)
        existed = _rows_with_history(db, records)
        fresh = [r for r in records if log.add_remote(db, r)]
        if fresh:
            log.witness_clock(db, max(r.hlc for r in fresh))
        affected = {(r.table, r.uid) for r in fresh}
        deleted: list[Deleted] = []

        def keep_snapshot(db: sqlite_utils.Database, table: str, row_id: int) -> None:
            snapshot = snapshot_before_remote_delete(db, table, row_id)
            if snapshot is not None:
                deleted.append(snapshot)

        changed = materialize(db, affected, keep_snapshot)
        problem = _standing(db, sender)
        if problem is not None:
            raise _Refused(problem)  # rolls back everything above
        family.note_peer_vector(db, sender, holds)
        family.note_file_read(db, str(fields["file"]), sender, int(fields["sequence"]), now)
        for key in new_keys:
            family.add_family_key(db, key, now)
        if changed & {"documents", "imaging_instances", "recordings"}:
            blobs.delete_unreferenced_blobs(db)
        session.note_changes(
            *{kind for t in changed for kind in (shared_table(t).kind, *shared_table(t).also)}
        )
        if deleted:
            session.note_changes(Changed.UNDO)
        several = rows_with_several_values(db, affected)
        if step:
            step("inbox-merged")  # everything done, not yet committed
    return FileRead(path, sender, _news(fresh, existed), several, tuple(deleted))


def _rows_with_history(db: sqlite_utils.Database, records: list[Record]) -> set[tuple[str, str]]:
    rows = {(r.table, r.uid) for r in records if r.field == EXISTS}
    return {
        row
        for row in rows
        if db.execute(
            "SELECT 1 FROM sync_changes WHERE tbl = ? AND row_uid = ? AND field = '' LIMIT 1", row
        ).fetchone()
    }


def _news(fresh: list[Record], existed: set[tuple[str, str]]) -> tuple[News, ...]:
    added: Counter[tuple[str, str]] = Counter()
    deleted: Counter[tuple[str, str]] = Counter()
    changed: dict[tuple[str, str], set[str]] = {}
    created = set()
    for r in fresh:
        key = (r.origin, r.table)
        if r.field == EXISTS:
            if r.value is True and (r.table, r.uid) not in existed:
                added[key] += 1
                created.add((r.table, r.uid))
            elif r.value is False:
                deleted[key] += 1
    for r in fresh:
        if r.field != EXISTS and (r.table, r.uid) not in created:
            changed.setdefault((r.origin, r.table), set()).add(r.uid)
    keys = set(added) | set(deleted) | set(changed)
    return tuple(
        News(
            origin,
            table,
            added[(origin, table)],
            len(changed.get((origin, table), ())),
            deleted[(origin, table)],
        )
        for origin, table in sorted(keys)
    )


def _standing(db: sqlite_utils.Database, sender: str) -> ShareProblem | None:
    member = family.get_member(db, sender)
    if member is None:
        return ShareProblem.UNKNOWN_SENDER
    if member.removed:
        return ShareProblem.FROM_REMOVED
    if member.invitation and family.first_joiners(db).get(member.invitation) != sender:
        return ShareProblem.INVITATION_USED
    return None
